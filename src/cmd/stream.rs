//! Stream commands without consumer groups: XADD, XLEN, XRANGE, XREVRANGE, XDEL, XTRIM,
//! XREAD, XSETID. (Groups are in `stream_group.rs`.)
//!
//! Every write announces itself as Redis does (`xadd`, `xtrim`, `xdel`, `xsetid` keyspace
//! events, class `t`) and marks the key ready, so blocked XREAD and XREADGROUP callers are
//! served (see `exec/blocking.rs`).

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::stream_group::RefPolicy;
use super::{Command, IntoArg};
use crate::error::StreamError;
use crate::exec::notify;
use crate::store::c_string::{c_string, keyword_is, symbol_is, upper_keyword};
use crate::store::number::parse_i64;
use crate::store::stream::id::Parsed;
use crate::store::stream::{referenced, Stream, StreamEntry, StreamId, Trim};
use crate::store::value::Value;
use crate::{Error, Protocol, Reply};

/// Redis's default LIMIT of an approximate trim: 100 × `stream-node-max-entries`.
const DEFAULT_APPROX_LIMIT: u64 = 100 * 100;

/// `[id, [field, value, ...]]`, or `[id, nil]` for an entry deleted since (XREADGROUP
/// history, XCLAIM).
pub(crate) fn entry_reply(entry: StreamEntry) -> Reply {
    let mut flat = Vec::with_capacity(entry.fields.len() * 2);
    for (field, value) in entry.fields {
        flat.push(Reply::Bulk(field));
        flat.push(Reply::Bulk(value));
    }
    Reply::Array(vec![id_reply(entry.id), Reply::Array(flat)])
}

pub(crate) fn id_reply(id: StreamId) -> Reply {
    Reply::Bulk(id.to_bytes())
}

pub(crate) fn entries_reply(entries: Vec<StreamEntry>) -> Reply {
    Reply::Array(entries.into_iter().map(entry_reply).collect())
}

/// A strict ID argument (no `-` / `+`), sequence 0 when omitted.
pub(crate) fn parse_strict_id(arg: &[u8]) -> Result<StreamId, Error> {
    StreamId::parse_with(arg, 0, true).ok_or(StreamError::InvalidId.into())
}

/// A range bound (XRANGE, XPENDING, XAUTOCLAIM): `-`, `+`, a full or incomplete ID, or
/// `(id` for an exclusive bound.
pub(crate) fn parse_bound(arg: &[u8], start: bool) -> Result<StreamId, Error> {
    let missing_seq = if start { 0 } else { u64::MAX };
    if arg.len() > 1 && arg[0] == b'(' {
        let id = StreamId::parse_with(&arg[1..], missing_seq, true)
            .ok_or(Error::from(StreamError::InvalidId))?;
        return if start {
            id.next().ok_or(StreamError::InvalidStartId.into())
        } else {
            id.prev().ok_or(StreamError::InvalidEndId.into())
        };
    }
    StreamId::parse_with(arg, missing_seq, false).ok_or(StreamError::InvalidId.into())
}

impl Ctx<'_> {
    /// The stream at `key`: `Ok(None)` if missing, WRONGTYPE for another type.
    pub(crate) fn stream(&mut self, key: &[u8]) -> Result<Option<&mut Stream>, Error> {
        match self.db.value_mut(key, &self.now) {
            None => Ok(None),
            Some(Value::Stream(stream)) => Ok(Some(stream)),
            Some(_) => Err(Error::WrongType),
        }
    }

    /// The stream at `key` for a command that reads it, as redis-server's `lookupKeyRead`:
    /// a missing key is announced (`keymiss`).
    pub(crate) fn read_stream(&mut self, key: &[u8]) -> Result<Option<&mut Stream>, Error> {
        if self.announces_misses() && matches!(self.stream(key), Ok(None)) {
            self.key_miss(key);
            return Ok(None);
        }
        self.stream(key)
    }

    /// For a command that redis-server looks up for reading before it checks its
    /// arguments, and reads later: the look-up's effects happen now (a key found expired
    /// goes, a miss is announced), whatever the arguments turn out to be.
    pub(crate) fn look_up_early(&mut self, key: &[u8]) {
        let _ = self.read_stream(key);
    }

    /// The stream at `key`, created empty if missing (announcing the new key).
    pub(crate) fn stream_or_create(&mut self, key: &Bytes) -> Result<&mut Stream, Error> {
        if self.stream(key)?.is_none() {
            self.announce_if_new(key);
            self.db
                .insert(key.clone(), Value::Stream(Box::default()), None);
            // A new key is a change WATCH sees (XGROUP CREATE ... MKSTREAM); the write
            // that made it counts the change.
            self.signal_modified(key);
        }
        self.stream(key)?.ok_or(Error::WrongType)
    }

    /// A stream write: WATCH sees it, blocked readers are woken, the event goes out.
    pub(crate) fn stream_written(&mut self, key: &[u8], event: &str) {
        self.touch(key);
        self.blocking.signal(self.db.index(), key);
        self.notify(notify::STREAM, event, key);
    }
}

/// The trimming options shared by XADD and XTRIM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TrimArgs {
    strategy: Option<Trim>,
    approx: bool,
    limit: Option<u64>,
    /// Redis 8.2's KEEPREF / DELREF / ACKED: what trimming does to consumer groups.
    policy: Option<RefPolicy>,
}

impl TrimArgs {
    /// Reads `MAXLEN|MINID [=|~] threshold [LIMIT count]` options; `Ok(false)` when the
    /// keyword is not a trimming one (the caller tries its own). As in redis-server, a
    /// MAXLEN, MINID or LIMIT with nothing after it is not an option (XADD then reads it as
    /// the ID), and `=`/`~` is a threshold, not a flag, when nothing follows it.
    fn parse_option(&mut self, keyword: &[u8], args: &mut Args) -> Result<bool, Error> {
        let upper = upper_keyword(keyword);
        match upper.as_slice() {
            b"MAXLEN" | b"MINID" | b"LIMIT" if args.is_empty() => Ok(false),
            b"MAXLEN" | b"MINID" => {
                // Any second strategy, even the same one, is refused with this text.
                if self.strategy.is_some() {
                    return Err(StreamError::MaxLenAndMinId.into());
                }
                let mut threshold = args.next_bytes()?;
                let exactness = symbol_is(&threshold, b"~") || symbol_is(&threshold, b"=");
                if exactness && !args.is_empty() {
                    self.approx = symbol_is(&threshold, b"~");
                    threshold = args.next_bytes()?;
                }
                let strategy = if upper.as_slice() == b"MAXLEN" {
                    let max = parse_i64(&threshold).ok_or(Error::NotInteger)?;
                    let max = u64::try_from(max).map_err(|_| StreamError::MaxLenNegative)?;
                    Trim::MaxLen(max)
                } else {
                    Trim::MinId(parse_strict_id(&threshold)?)
                };
                self.strategy = Some(strategy);
                Ok(true)
            }
            b"KEEPREF" | b"DELREF" | b"ACKED" => {
                if self.policy.is_some() {
                    return Err(Error::Syntax);
                }
                self.policy = Some(match upper.as_slice() {
                    b"KEEPREF" => RefPolicy::KeepRef,
                    b"DELREF" => RefPolicy::DelRef,
                    _ => RefPolicy::Acked,
                });
                Ok(true)
            }
            b"LIMIT" => {
                let limit = parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
                self.limit = Some(u64::try_from(limit).map_err(|_| StreamError::LimitNegative)?);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// redis-server's checks after the options, in its order. `LIMIT 0` (no limit) passes
    /// the first check but not the last, as there.
    fn validate(&self, xtrim: bool) -> Result<(), Error> {
        if self.limit.is_some_and(|limit| limit > 0) && self.strategy.is_none() {
            return Err(StreamError::LimitWithoutStrategy.into());
        }
        if xtrim && self.strategy.is_none() {
            return Err(StreamError::XtrimWithoutStrategy.into());
        }
        if self.limit.is_some() && !self.approx {
            return Err(StreamError::LimitWithoutApprox.into());
        }
        Ok(())
    }

    fn apply(&self, stream: &mut Stream) -> u64 {
        let Some(strategy) = self.strategy else {
            return 0;
        };
        let limit = match (self.approx, self.limit) {
            (true, Some(limit)) => limit,
            (true, None) => DEFAULT_APPROX_LIMIT,
            (false, _) => 0,
        };
        match self.policy.unwrap_or_default() {
            RefPolicy::KeepRef => stream.log.trim(strategy, self.approx, limit),
            RefPolicy::DelRef => {
                let mut ids = Vec::new();
                let removed =
                    stream
                        .log
                        .trim_recording(strategy, self.approx, limit, Some(&mut ids));
                for id in ids {
                    stream.drop_references(id);
                }
                removed
            }
            RefPolicy::Acked => {
                let Stream { log, groups } = stream;
                log.trim_unreferenced(strategy, self.approx, limit, &|id| referenced(groups, id))
            }
        }
    }
}

/// The ID an XADD asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AddId {
    /// `*`: the engine clock, kept monotonic.
    Auto,
    /// `<ms>-*`.
    AutoSeq(u64),
    /// A full ID.
    Exact(StreamId),
}

/// `XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value
/// [field value ...]`: appends an entry; replies its ID (nil with NOMKSTREAM on a missing
/// key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XAdd {
    key: Bytes,
    id: AddId,
    fields: Vec<(Bytes, Bytes)>,
    no_mkstream: bool,
    trim: TrimArgs,
}

impl XAdd {
    /// `XADD key * field value ...`.
    ///
    /// ```
    /// use embedis::{cmd::XAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// let id = conn.run(XAdd::new("orders", [("sku", "42"), ("qty", "1")])).unwrap();
    /// assert!(id.is_some());
    /// ```
    pub fn new<F, V>(key: impl IntoArg, fields: impl IntoIterator<Item = (F, V)>) -> XAdd
    where
        F: IntoArg,
        V: IntoArg,
    {
        XAdd {
            key: key.into_arg(),
            id: AddId::Auto,
            fields: fields
                .into_iter()
                .map(|(f, v)| (f.into_arg(), v.into_arg()))
                .collect(),
            no_mkstream: false,
            trim: TrimArgs::default(),
        }
    }

    /// An explicit ID instead of `*`.
    ///
    /// ```
    /// use embedis::{cmd::XAdd, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// let id = conn.run(XAdd::new("s", [("f", "v")]).id(StreamId::new(5, 1))).unwrap();
    /// assert_eq!(id, Some(StreamId::new(5, 1)));
    /// ```
    pub fn id(mut self, id: StreamId) -> XAdd {
        self.id = AddId::Exact(id);
        self
    }

    /// `NOMKSTREAM`: do not create a missing stream (the reply is then nil).
    ///
    /// ```
    /// use embedis::{cmd::XAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(XAdd::new("none", [("f", "v")]).no_mkstream()).unwrap(), None);
    /// ```
    pub fn no_mkstream(mut self) -> XAdd {
        self.no_mkstream = true;
        self
    }

    /// `MAXLEN [~] n`: trim to about (`approx`) or exactly `n` entries after adding.
    ///
    /// ```
    /// use embedis::{cmd::{XAdd, XLen}, Engine};
    /// let mut conn = Engine::new().connect();
    /// for _ in 0..3 {
    ///     conn.run(XAdd::new("s", [("f", "v")]).max_len(2, false)).unwrap();
    /// }
    /// assert_eq!(conn.run(XLen::new("s")).unwrap(), 2);
    /// ```
    pub fn max_len(mut self, n: u64, approx: bool) -> XAdd {
        self.trim.strategy = Some(Trim::MaxLen(n));
        self.trim.approx = approx;
        self
    }

    /// `KEEPREF` / `DELREF` / `ACKED` (Redis 8.2): what trimming does to consumer groups'
    /// references.
    ///
    /// ```
    /// use embedis::cmd::{RefPolicy, XAdd};
    /// let add = XAdd::new("s", [("f", "v")]).max_len(1000, false).ref_policy(RefPolicy::Acked);
    /// # drop(add);
    /// ```
    pub fn ref_policy(mut self, policy: RefPolicy) -> XAdd {
        self.trim.policy = Some(policy);
        self
    }

    /// `MINID [~] id`: trim entries below `id` after adding.
    ///
    /// ```
    /// use embedis::{cmd::XAdd, Engine, StreamId};
    /// let cmd = XAdd::new("s", [("f", "v")]).min_id(StreamId::new(10, 0), true);
    /// # drop(cmd);
    /// ```
    pub fn min_id(mut self, id: StreamId, approx: bool) -> XAdd {
        self.trim.strategy = Some(Trim::MinId(id));
        self.trim.approx = approx;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut trim = TrimArgs::default();
        let mut no_mkstream = false;
        let mut id = None;
        while let Some(arg) = args.next() {
            if symbol_is(&arg, b"*") {
                id = Some(AddId::Auto);
                break;
            }
            if keyword_is(&arg, "NOMKSTREAM") {
                no_mkstream = true;
                continue;
            }
            if !trim.parse_option(&arg, args)? {
                // As redis-server: the ID is parsed (inside its option loop) before the
                // options are checked together, and both before the field count.
                let parsed = Parsed::parse(&arg, 0, true).ok_or(StreamError::InvalidId)?;
                id = Some(match parsed {
                    Parsed::AutoSeq(ms) => AddId::AutoSeq(ms),
                    Parsed::Id(id) => AddId::Exact(id),
                });
                break;
            }
        }
        trim.validate(false)?;
        let rest = args.rest();
        // Options that used up the line leave no ID: an arity error, as there.
        let Some(id) = id.filter(|_| !rest.is_empty() && rest.len().is_multiple_of(2)) else {
            return Err(Error::arity("xadd"));
        };
        // Checked after the field count, as in redis-server.
        if id == AddId::Exact(StreamId::MIN) {
            return Err(StreamError::XaddIdZero.into());
        }
        let mut fields = Vec::with_capacity(rest.len() / 2);
        let mut items = rest.into_iter();
        while let (Some(field), Some(value)) = (items.next(), items.next()) {
            fields.push((field, value));
        }
        Ok(Command::from(XAdd {
            key,
            id,
            fields,
            no_mkstream,
            trim,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.no_mkstream {
            match ctx.stream(&self.key) {
                Ok(Some(_)) => {}
                Ok(None) => return Reply::Nil,
                Err(error) => return error.into(),
            }
        }
        let now_ms = ctx.now_ms();
        let stream = match ctx.stream_or_create(&self.key) {
            Ok(stream) => stream,
            Err(error) => return error.into(),
        };
        let last = stream.log.last_id();
        if last == StreamId::MAX {
            return StreamError::Exhausted.into();
        }
        let id = match self.id {
            // The clock may go backwards: IDs never do.
            AddId::Auto if now_ms > last.ms => StreamId::new(now_ms, 0),
            AddId::Auto => match last.next() {
                Some(id) => id,
                None => return StreamError::Exhausted.into(),
            },
            AddId::AutoSeq(ms) if ms > last.ms => StreamId::new(ms, 0),
            AddId::AutoSeq(ms) if ms == last.ms && last.seq < u64::MAX => {
                StreamId::new(ms, last.seq + 1)
            }
            // redis-server's wording for a sequence that would wrap.
            AddId::AutoSeq(ms) if ms == last.ms => return StreamError::ElementsTooLarge.into(),
            AddId::AutoSeq(_) => return StreamError::XaddIdTooSmall.into(),
            AddId::Exact(id) if id > last => id,
            AddId::Exact(_) => return StreamError::XaddIdTooSmall.into(),
        };
        stream.log.append(id, &self.fields);
        let trimmed = self.trim.apply(stream);
        ctx.log_xadd(&self.key, id, &self.fields);
        if trimmed > 0 {
            ctx.log_trim(&self.key, self.trim.policy);
        }
        // The ID is the reply, sent before `xadd` and `xtrim` (a new key's `new` came first).
        ctx.reply_point();
        ctx.stream_written(&self.key, "xadd");
        if trimmed > 0 {
            ctx.notify(notify::STREAM, "xtrim", &self.key);
        }
        id_reply(id)
    }
}

/// `XLEN key`: live entries (0 for a missing key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XLen {
    pub(crate) key: Bytes,
}

impl XLen {
    /// `XLEN key`.
    ///
    /// ```
    /// use embedis::{cmd::XLen, Engine};
    /// assert_eq!(Engine::new().connect().run(XLen::new("s")).unwrap(), 0);
    /// ```
    pub fn new(key: impl IntoArg) -> XLen {
        XLen {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::XLen(XLen::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_stream(&self.key) {
            Ok(stream) => Reply::Integer(stream.map_or(0, |s| s.log.len() as i64)),
            Err(error) => error.into(),
        }
    }
}

/// `XRANGE key start end [COUNT count]` and `XREVRANGE key end start [COUNT count]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XRange {
    pub(crate) key: Bytes,
    start: StreamId,
    end: StreamId,
    rev: bool,
    /// `None`: no COUNT; `Some(0)`: a COUNT of 0 or less (a nil reply, as Redis gives).
    count: Option<usize>,
}

impl XRange {
    /// `XRANGE key start end`, both bounds inclusive.
    ///
    /// ```
    /// use embedis::{cmd::{XAdd, XRange}, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XAdd::new("s", [("f", "v")]).id(StreamId::new(1, 0))).unwrap();
    /// let entries = conn.run(XRange::new("s", StreamId::MIN, StreamId::MAX)).unwrap();
    /// assert_eq!(entries[0].id, StreamId::new(1, 0));
    /// ```
    pub fn new(key: impl IntoArg, start: StreamId, end: StreamId) -> XRange {
        XRange {
            key: key.into_arg(),
            start,
            end,
            rev: false,
            count: None,
        }
    }

    /// `XREVRANGE key end start`: newest first.
    ///
    /// ```
    /// use embedis::{cmd::XRange, StreamId};
    /// let newest_first = XRange::rev("s", StreamId::MAX, StreamId::MIN).count(10);
    /// # drop(newest_first);
    /// ```
    pub fn rev(key: impl IntoArg, end: StreamId, start: StreamId) -> XRange {
        XRange {
            rev: true,
            ..XRange::new(key, start, end)
        }
    }

    /// `COUNT n`.
    ///
    /// ```
    /// let first_ten = embedis::cmd::XRange::new("s", embedis::StreamId::MIN, embedis::StreamId::MAX).count(10);
    /// # drop(first_ten);
    /// ```
    pub fn count(mut self, n: usize) -> XRange {
        self.count = Some(n);
        self
    }

    fn parse_with(args: &mut Args, rev: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let first = args.next_bytes()?;
        let second = args.next_bytes()?;
        let (start, end) = if rev {
            (second, first)
        } else {
            (first, second)
        };
        let start = parse_bound(&start, true)?;
        let end = parse_bound(&end, false)?;
        let mut count = None;
        while let Some(keyword) = args.next_keyword() {
            if keyword.is("COUNT") {
                let n = args.next_i64()?;
                count = Some(usize::try_from(n).unwrap_or(0));
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::XRange(XRange {
            key,
            start,
            end,
            rev,
            count,
        }))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        XRange::parse_with(args, false)
    }

    pub(crate) fn parse_rev(args: &mut Args) -> Result<Command, Error> {
        XRange::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.rev {
            "xrevrange"
        } else {
            "xrange"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_stream(&self.key) {
            Ok(None) => Reply::Array(Vec::new()),
            // Redis answers COUNT 0 (or a negative one) with a null array, once it has found
            // the stream: a missing key is still an empty array, a string still WRONGTYPE.
            Ok(Some(_)) if self.count == Some(0) => Reply::NilArray,
            Ok(Some(stream)) => {
                entries_reply(stream.log.range(self.start, self.end, self.rev, self.count))
            }
            Err(error) => error.into(),
        }
    }
}

/// `XDEL key id [id ...]`: deletes entries; replies how many existed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XDel {
    key: Bytes,
    ids: Vec<StreamId>,
    /// An ID that did not parse. Redis checks the IDs only once it has found the stream,
    /// so a missing key still replies 0 (and MULTI queues the command).
    invalid: Option<Error>,
}

impl XDel {
    /// `XDEL key id ...`.
    ///
    /// ```
    /// use embedis::{cmd::XDel, Engine, StreamId};
    /// assert_eq!(Engine::new().connect().run(XDel::new("s", [StreamId::new(1, 0)])).unwrap(), 0);
    /// ```
    pub fn new(key: impl IntoArg, ids: impl IntoIterator<Item = StreamId>) -> XDel {
        XDel {
            key: key.into_arg(),
            ids: ids.into_iter().collect(),
            invalid: None,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let parsed = args
            .rest()
            .iter()
            .map(|arg| parse_strict_id(arg))
            .collect::<Result<Vec<_>, _>>();
        let (ids, invalid) = match parsed {
            Ok(ids) => (ids, None),
            Err(error) => (Vec::new(), Some(error)),
        };
        Ok(Command::from(XDel { key, ids, invalid }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let deleted = match ctx.stream(&self.key) {
            Ok(None) => 0,
            Ok(Some(_)) if self.invalid.is_some() => {
                return self.invalid.map_or(Reply::Nil, Reply::from);
            }
            Ok(Some(stream)) => stream.log.delete(&self.ids),
            Err(error) => return error.into(),
        };
        if deleted > 0 {
            if ctx.logging() {
                let ids: Vec<String> = self.ids.iter().map(StreamId::to_string).collect();
                let mut argv: Vec<&[u8]> = vec![b"XDEL", &self.key];
                argv.extend(ids.iter().map(String::as_bytes));
                ctx.log_effect(&argv);
            }
            ctx.touch(&self.key);
            ctx.count_elements(deleted as usize);
            ctx.notify(notify::STREAM, "xdel", &self.key);
        }
        Reply::Integer(deleted as i64)
    }
}

/// `XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]`: replies entries removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XTrim {
    key: Bytes,
    trim: TrimArgs,
}

impl XTrim {
    /// `XTRIM key MAXLEN [~] n`.
    ///
    /// ```
    /// use embedis::{cmd::XTrim, Engine};
    /// assert_eq!(Engine::new().connect().run(XTrim::max_len("s", 10, false)).unwrap(), 0);
    /// ```
    pub fn max_len(key: impl IntoArg, n: u64, approx: bool) -> XTrim {
        XTrim {
            key: key.into_arg(),
            trim: TrimArgs {
                strategy: Some(Trim::MaxLen(n)),
                approx,
                limit: None,
                policy: None,
            },
        }
    }

    /// `XTRIM key MINID [~] id`.
    ///
    /// ```
    /// use embedis::{cmd::XTrim, Engine, StreamId};
    /// let removed = Engine::new().connect().run(XTrim::min_id("s", StreamId::new(5, 0), false)).unwrap();
    /// assert_eq!(removed, 0);
    /// ```
    pub fn min_id(key: impl IntoArg, id: StreamId, approx: bool) -> XTrim {
        XTrim {
            key: key.into_arg(),
            trim: TrimArgs {
                strategy: Some(Trim::MinId(id)),
                approx,
                limit: None,
                policy: None,
            },
        }
    }

    /// `KEEPREF` / `DELREF` / `ACKED` (Redis 8.2): what trimming does to consumer groups'
    /// references.
    ///
    /// ```
    /// use embedis::cmd::{RefPolicy, XTrim};
    /// let trim = XTrim::max_len("s", 10, false).ref_policy(RefPolicy::DelRef);
    /// # drop(trim);
    /// ```
    pub fn ref_policy(mut self, policy: RefPolicy) -> XTrim {
        self.trim.policy = Some(policy);
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut trim = TrimArgs::default();
        while !args.is_empty() {
            let keyword = args.next_bytes()?;
            if !trim.parse_option(&keyword, args)? {
                return Err(Error::Syntax);
            }
        }
        trim.validate(true)?;
        Ok(Command::XTrim(XTrim { key, trim }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let removed = match ctx.stream(&self.key) {
            Ok(None) => 0,
            Ok(Some(stream)) => self.trim.apply(stream),
            Err(error) => return error.into(),
        };
        if removed > 0 {
            ctx.log_trim(&self.key, self.trim.policy);
            ctx.touch(&self.key);
            ctx.count_elements(removed as usize);
            ctx.notify(notify::STREAM, "xtrim", &self.key);
        }
        Reply::Integer(removed as i64)
    }
}

/// Where an XREAD starts on one stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadFrom {
    /// Entries after this ID.
    After(StreamId),
    /// `$`: entries added after the call (fixed to the last ID when the call blocks).
    New,
    /// `+` (Redis 7.4): the last entry.
    Last,
    /// An ID argument that does not parse: the error is raised in turn, at run time.
    Bad(StreamError),
}

/// A `BLOCK` argument: milliseconds, 0 for ever.
pub(crate) fn parse_block(arg: &[u8]) -> Result<u64, Error> {
    let ms = parse_i64(arg).ok_or(StreamError::TimeoutNotInteger)?;
    u64::try_from(ms).map_err(|_| StreamError::TimeoutNegative.into())
}

/// `XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XRead {
    pub(crate) streams: Vec<(Bytes, ReadFrom)>,
    pub(crate) count: Option<usize>,
    pub(crate) block: Option<u64>,
}

impl XRead {
    /// `XREAD STREAMS key id`: entries after `id`.
    ///
    /// ```
    /// use embedis::{cmd::{XAdd, XRead}, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XAdd::new("s", [("f", "v")])).unwrap();
    /// let streams = conn.run(XRead::new([("s", StreamId::MIN)])).unwrap();
    /// assert_eq!(streams[0].1.len(), 1);
    /// ```
    pub fn new<K: IntoArg>(streams: impl IntoIterator<Item = (K, StreamId)>) -> XRead {
        XRead {
            streams: streams
                .into_iter()
                .map(|(key, id)| (key.into_arg(), ReadFrom::After(id)))
                .collect(),
            count: None,
            block: None,
        }
    }

    /// `COUNT n` per stream.
    ///
    /// ```
    /// let read = embedis::cmd::XRead::new([("s", embedis::StreamId::MIN)]).count(10);
    /// # drop(read);
    /// ```
    pub fn count(mut self, n: usize) -> XRead {
        self.count = Some(n);
        self
    }

    /// `BLOCK ms` (0: wait for ever) for new entries when none are there.
    ///
    /// ```
    /// use std::time::Duration;
    /// let read = embedis::cmd::XRead::new([("s", embedis::StreamId::MIN)]).block(Duration::from_millis(100));
    /// # drop(read);
    /// ```
    pub fn block(mut self, timeout: std::time::Duration) -> XRead {
        self.block = Some(u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX));
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut count = None;
        let mut block = None;
        loop {
            let Some(keyword) = args.next_keyword() else {
                return Err(Error::Syntax);
            };
            if keyword.is("COUNT") {
                let n = args.next_i64()?;
                count = usize::try_from(n).ok().filter(|&n| n > 0);
            } else if keyword.is("BLOCK") {
                block = Some(parse_block(&args.next_bytes()?)?);
            } else if keyword.is("STREAMS") && !args.is_empty() {
                break;
            } else if keyword.is("GROUP") && args.remaining() >= 2 {
                return Err(StreamError::GroupOnlyInXreadgroup.into());
            } else if keyword.is("NOACK") {
                return Err(StreamError::NoackOnlyInXreadgroup.into());
            } else {
                return Err(Error::Syntax);
            }
        }
        let rest = args.rest();
        if rest.is_empty() || !rest.len().is_multiple_of(2) {
            return Err(StreamError::UnbalancedXread.into());
        }
        let half = rest.len() / 2;
        let mut streams = Vec::with_capacity(half);
        for (key, id) in rest[..half].iter().zip(&rest[half..]) {
            // ID errors are raised when the command runs, key by key, after each key's type
            // check, as redis-server does.
            let from = match c_string(id) {
                b"$" => ReadFrom::New,
                b"+" => ReadFrom::Last,
                b">" => ReadFrom::Bad(StreamError::GreaterOnlyInGroup),
                _ => match StreamId::parse_with(id, 0, true) {
                    Some(id) => ReadFrom::After(id),
                    None => ReadFrom::Bad(StreamError::InvalidId),
                },
            };
            streams.push((key.clone(), from));
        }
        Ok(Command::XRead(XRead {
            streams,
            count,
            block,
        }))
    }

    /// Replaces `$` by each stream's current last ID: what a blocked call waits after.
    pub(crate) fn pin_new(&mut self, ctx: &mut Ctx) -> Result<(), Error> {
        for (key, from) in &mut self.streams {
            if *from == ReadFrom::New {
                let last = ctx.stream(key)?.map_or(StreamId::MIN, |s| s.log.last_id());
                *from = ReadFrom::After(last);
            }
        }
        Ok(())
    }

    /// The entries available now, per stream with any.
    ///
    /// Keys are checked in order, type then ID, as redis-server does. A parked read being
    /// served for one written key reads that key only, as redis-server serves a blocked
    /// client for the key that became ready; a key that changed type keeps it waiting.
    ///
    /// redis-server 7.0 looks every key up twice, once to check it and once to read it, so
    /// a missing key is announced twice (`keymiss`); serving a parked read announces none.
    pub(crate) fn read(&self, ctx: &mut Ctx) -> Result<Vec<(Bytes, Vec<StreamEntry>)>, Error> {
        let only = ctx.session.serving_key.clone();
        let serving = ctx.session.serving_blocked;
        let mut out = Vec::new();
        for (key, from) in &self.streams {
            if only.as_ref().is_some_and(|only| only != key) {
                continue;
            }
            let stream = match ctx.read_stream(key) {
                Err(Error::WrongType) if serving => continue,
                other => other?,
            };
            if let ReadFrom::Bad(error) = from {
                return Err((*error).into());
            }
            let Some(stream) = stream else {
                continue;
            };
            let entries = match from {
                ReadFrom::New | ReadFrom::Bad(_) => Vec::new(),
                ReadFrom::Last => stream.log.last_entry().into_iter().collect(),
                ReadFrom::After(id) => match id.next() {
                    Some(start) => stream.log.range(start, StreamId::MAX, false, self.count),
                    None => Vec::new(),
                },
            };
            if !entries.is_empty() {
                out.push((key.clone(), entries));
            }
        }
        if ctx.announces_misses() {
            for (key, _) in &self.streams {
                let _ = ctx.read_stream(key); // the second look-up
            }
        }
        Ok(out)
    }

    pub(crate) fn apply(mut self, ctx: &mut Ctx) -> Reply {
        let found = match self.read(ctx) {
            Ok(found) => found,
            Err(error) => return error.into(),
        };
        if !found.is_empty() {
            return streams_reply(found, ctx.session.protocol());
        }
        match self.block {
            Some(timeout) if ctx.can_block() => {
                if let Err(error) = self.pin_new(ctx) {
                    return error.into();
                }
                // `+` waits for any new entry, like `$`.
                for (key, from) in &mut self.streams {
                    if *from == ReadFrom::Last {
                        let last = ctx
                            .stream(key)
                            .ok()
                            .flatten()
                            .map_or(StreamId::MIN, |s| s.log.last_id());
                        *from = ReadFrom::After(last);
                    }
                }
                let keys = self.streams.iter().map(|(key, _)| key.clone()).collect();
                ctx.block_on(keys, timeout, Command::XRead(self));
                Reply::NilArray
            }
            _ => Reply::NilArray,
        }
    }
}

/// `[[key, entries], ...]` in RESP2, a map of key to entries in RESP3.
pub(crate) fn streams_reply(found: Vec<(Bytes, Vec<StreamEntry>)>, protocol: Protocol) -> Reply {
    match protocol {
        Protocol::Resp2 => Reply::Array(
            found
                .into_iter()
                .map(|(key, entries)| Reply::Array(vec![Reply::Bulk(key), entries_reply(entries)]))
                .collect(),
        ),
        Protocol::Resp3 => Reply::Map(
            found
                .into_iter()
                .map(|(key, entries)| (Reply::Bulk(key), entries_reply(entries)))
                .collect(),
        ),
    }
}

/// `XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XSetId {
    key: Bytes,
    id: StreamId,
    entries_added: Option<u64>,
    max_deleted: Option<StreamId>,
}

impl XSetId {
    /// `XSETID key id`.
    ///
    /// ```
    /// use embedis::{cmd::{XAdd, XSetId}, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XAdd::new("s", [("f", "v")]).id(StreamId::new(1, 0))).unwrap();
    /// conn.run(XSetId::new("s", StreamId::new(100, 0))).unwrap();
    /// ```
    pub fn new(key: impl IntoArg, id: StreamId) -> XSetId {
        XSetId {
            key: key.into_arg(),
            id,
            entries_added: None,
            max_deleted: None,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let id = parse_strict_id(&args.next_bytes()?)?;
        let mut command = XSetId::new(key, id);
        while let Some(keyword) = args.next_keyword() {
            if keyword.is("ENTRIESADDED") {
                let n = args.next_i64()?;
                command.entries_added =
                    Some(u64::try_from(n).map_err(|_| StreamError::EntriesAddedNegative)?);
            } else if keyword.is("MAXDELETEDID") {
                let max = parse_strict_id(&args.next_bytes()?)?;
                if command.id < max {
                    return Err(StreamError::XsetidMaxDeleted.into());
                }
                // 0-0 leaves the stream's own value, as in redis-server.
                command.max_deleted = (max != StreamId::MIN).then_some(max);
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::XSetId(command))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let stream = match ctx.stream(&self.key) {
            Ok(Some(stream)) => stream,
            Ok(None) => return Error::NoSuchKey.into(),
            Err(error) => return error.into(),
        };
        // Only a stream with entries constrains the ID (to its last entry) and the count.
        if let Some(last) = stream.log.last_live_id() {
            if self.id < last {
                return StreamError::XsetidTooSmall.into();
            }
            if self
                .entries_added
                .is_some_and(|added| added < stream.log.len())
            {
                return StreamError::XsetidEntriesAdded.into();
            }
        }
        stream
            .log
            .set_last_id(self.id, self.entries_added, self.max_deleted);
        if ctx.logging() {
            let id = self.id.to_string();
            let added = self.entries_added.map(|n| n.to_string());
            let max_deleted = self.max_deleted.map(|id| id.to_string());
            let mut argv: Vec<&[u8]> = vec![b"XSETID", &self.key, id.as_bytes()];
            if let Some(added) = added.as_deref() {
                argv.extend([b"ENTRIESADDED" as &[u8], added.as_bytes()]);
            }
            if let Some(max_deleted) = max_deleted.as_deref() {
                argv.extend([b"MAXDELETEDID" as &[u8], max_deleted.as_bytes()]);
            }
            ctx.log_effect(&argv);
        }
        ctx.reply_point();
        ctx.count_changes(1);
        ctx.notify(notify::STREAM, "xsetid", &self.key);
        Reply::OK
    }
}
