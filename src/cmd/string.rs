//! String commands: GET, SET (and SETNX, SETEX, PSETEX), GETDEL, GETEX, GETSET, MGET,
//! MSET, MSETNX, INCR, INCRBY, DECR, DECRBY, INCRBYFLOAT, APPEND, STRLEN.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::expire::{ExpireArg, TimeUnit};
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::store::long_double;
use crate::store::number::parse_i64;
use crate::store::value::Value;
use crate::{Error, Reply};

/// Redis's `proto-max-bulk-len` default: no string may grow past 512 MiB.
const MAX_STRING_LEN: usize = 512 * 1024 * 1024;

/// `GET key`: the string at `key`, or nil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    pub(crate) key: Bytes,
}

impl Get {
    /// `GET key`.
    ///
    /// ```
    /// use embedis::{cmd::Get, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Get::new("missing")).unwrap(), None);
    /// ```
    pub fn new(key: impl IntoArg) -> Get {
        Get {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Get(Get::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        ctx.read_string(&self.key).map(Reply::optional).into()
    }
}

/// Which spelling of SET a [`Set`] came from: they share semantics but not replies or
/// error texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetSpelling {
    Set,
    SetNx,
    SetEx,
    PSetEx,
}

/// What happens to the key's deadline on SET.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TtlChange {
    /// Clear it (plain SET).
    Clear,
    /// `KEEPTTL`.
    Keep,
    /// `EX`, `PX`, `EXAT`, `PXAT`.
    Set(ExpireArg),
}

/// `SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds |
/// PXAT unix-time-milliseconds | KEEPTTL]`, and its older spellings `SETNX key value`,
/// `SETEX key seconds value`, `PSETEX key milliseconds value`.
///
/// Replies `OK`, or nil when NX/XX refused; with `GET`, the old value (or nil) instead.
/// SETNX replies 1 or 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set {
    key: Bytes,
    value: Bytes,
    only_if_missing: bool,
    only_if_present: bool,
    get: bool,
    ttl: TtlChange,
    spelling: SetSpelling,
}

/// Flags of SET/GETEX option parsing, tracked as Redis tracks them to refuse the same
/// combinations.
#[derive(Debug, Default)]
struct StringOptions {
    nx: bool,
    xx: bool,
    get: bool,
    keep_ttl: bool,
    persist: bool,
    expire: Option<(Bytes, TimeUnit, bool)>,
}

impl StringOptions {
    /// Redis's `parseExtendedStringArgumentsOrReply`: repeats of the same option are
    /// accepted (the last value wins), conflicting ones are a syntax error. `for_set`
    /// selects SET's options (NX, XX, GET, KEEPTTL) or GETEX's (PERSIST).
    fn parse(args: &mut Args, for_set: bool) -> Result<StringOptions, Error> {
        let mut o = StringOptions::default();
        while let Some(option) = args.next_keyword() {
            let expire_kind = |o: &StringOptions, unit: TimeUnit, absolute: bool| {
                !o.keep_ttl
                    && !o.persist
                    && o.expire
                        .as_ref()
                        .is_none_or(|(_, u, a)| *u == unit && *a == absolute)
            };
            match () {
                _ if for_set && option.is("NX") && !o.xx => o.nx = true,
                _ if for_set && option.is("XX") && !o.nx => o.xx = true,
                _ if for_set && option.is("GET") => o.get = true,
                _ if for_set && option.is("KEEPTTL") && !o.persist && o.expire.is_none() => {
                    o.keep_ttl = true
                }
                _ if !for_set && option.is("PERSIST") && !o.keep_ttl && o.expire.is_none() => {
                    o.persist = true
                }
                _ if option.is("EX") && expire_kind(&o, TimeUnit::Seconds, false) => {
                    o.expire = Some((args.next_bytes()?, TimeUnit::Seconds, false))
                }
                _ if option.is("PX") && expire_kind(&o, TimeUnit::Millis, false) => {
                    o.expire = Some((args.next_bytes()?, TimeUnit::Millis, false))
                }
                _ if option.is("EXAT") && expire_kind(&o, TimeUnit::Seconds, true) => {
                    o.expire = Some((args.next_bytes()?, TimeUnit::Seconds, true))
                }
                _ if option.is("PXAT") && expire_kind(&o, TimeUnit::Millis, true) => {
                    o.expire = Some((args.next_bytes()?, TimeUnit::Millis, true))
                }
                _ => return Err(Error::Syntax),
            }
        }
        Ok(o)
    }

    /// The parsed expire argument: the number is checked only after every option parsed,
    /// so a syntax error wins over a bad number, as in Redis.
    fn expire_arg(&self) -> Result<Option<ExpireArg>, Error> {
        self.expire
            .as_ref()
            .map(|(raw, unit, absolute)| {
                Ok(ExpireArg {
                    amount: parse_i64(raw).ok_or(Error::NotInteger)?,
                    unit: *unit,
                    absolute: *absolute,
                })
            })
            .transpose()
    }
}

impl Set {
    /// `SET key value`.
    ///
    /// ```
    /// use embedis::{cmd::Set, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert!(conn.run(Set::new("k", "v").ex(60)).unwrap());
    /// assert!(!conn.run(Set::new("k", "w").nx()).unwrap());
    /// ```
    pub fn new(key: impl IntoArg, value: impl IntoArg) -> Set {
        Set {
            key: key.into_arg(),
            value: value.into_arg(),
            only_if_missing: false,
            only_if_present: false,
            get: false,
            ttl: TtlChange::Clear,
            spelling: SetSpelling::Set,
        }
    }

    /// `SETNX key value` (replies 1 or 0).
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SETNX", "k", "v"]).unwrap(), Set::setnx("k", "v").into());
    /// ```
    pub fn setnx(key: impl IntoArg, value: impl IntoArg) -> Set {
        Set {
            only_if_missing: true,
            spelling: SetSpelling::SetNx,
            ..Set::new(key, value)
        }
    }

    /// `SETEX key seconds value`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SETEX", "k", "10", "v"]).unwrap(), Set::setex("k", 10, "v").into());
    /// ```
    pub fn setex(key: impl IntoArg, seconds: i64, value: impl IntoArg) -> Set {
        Set {
            spelling: SetSpelling::SetEx,
            ..Set::new(key, value).expire(seconds, TimeUnit::Seconds, false)
        }
    }

    /// `PSETEX key milliseconds value`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["PSETEX", "k", "10", "v"]).unwrap(), Set::psetex("k", 10, "v").into());
    /// ```
    pub fn psetex(key: impl IntoArg, millis: i64, value: impl IntoArg) -> Set {
        Set {
            spelling: SetSpelling::PSetEx,
            ..Set::new(key, value).expire(millis, TimeUnit::Millis, false)
        }
    }

    fn expire(mut self, amount: i64, unit: TimeUnit, absolute: bool) -> Set {
        self.ttl = TtlChange::Set(ExpireArg {
            amount,
            unit,
            absolute,
        });
        self
    }

    /// `NX`: only set a missing key.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "NX"]).unwrap(), Set::new("k", "v").nx().into());
    /// ```
    pub fn nx(mut self) -> Set {
        self.only_if_missing = true;
        self
    }

    /// `XX`: only set an existing key.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "XX"]).unwrap(), Set::new("k", "v").xx().into());
    /// ```
    pub fn xx(mut self) -> Set {
        self.only_if_present = true;
        self
    }

    /// `EX seconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "EX", "10"]).unwrap(), Set::new("k", "v").ex(10).into());
    /// ```
    pub fn ex(self, seconds: i64) -> Set {
        self.expire(seconds, TimeUnit::Seconds, false)
    }

    /// `PX milliseconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "PX", "10"]).unwrap(), Set::new("k", "v").px(10).into());
    /// ```
    pub fn px(self, millis: i64) -> Set {
        self.expire(millis, TimeUnit::Millis, false)
    }

    /// `EXAT unix-time-seconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "EXAT", "1700000000"]).unwrap(), Set::new("k", "v").exat(1_700_000_000).into());
    /// ```
    pub fn exat(self, unix_seconds: i64) -> Set {
        self.expire(unix_seconds, TimeUnit::Seconds, true)
    }

    /// `PXAT unix-time-milliseconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "PXAT", "1700000000000"]).unwrap(), Set::new("k", "v").pxat(1_700_000_000_000).into());
    /// ```
    pub fn pxat(self, unix_millis: i64) -> Set {
        self.expire(unix_millis, TimeUnit::Millis, true)
    }

    /// `KEEPTTL`: keep the key's current deadline.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "KEEPTTL"]).unwrap(), Set::new("k", "v").keep_ttl().into());
    /// ```
    pub fn keep_ttl(mut self) -> Set {
        self.ttl = TtlChange::Keep;
        self
    }

    /// `GET`: reply with the old value; use [`Set::get`] through
    /// [`Connection::call`](crate::Connection::call) or [`SetGet`] for a typed reply.
    ///
    /// ```
    /// use embedis::cmd::{Command, Set};
    /// assert_eq!(Command::from_argv(["SET", "k", "v", "GET"]).unwrap(), Set::new("k", "v").get().into());
    /// ```
    pub fn get(mut self) -> SetGet {
        self.get = true;
        SetGet(self)
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let value = args.next_bytes()?;
        let options = StringOptions::parse(args, true)?;
        let ttl = match options.expire_arg()? {
            Some(arg) => TtlChange::Set(arg),
            None if options.keep_ttl => TtlChange::Keep,
            None => TtlChange::Clear,
        };
        Ok(Command::Set(Set {
            key,
            value,
            only_if_missing: options.nx,
            only_if_present: options.xx,
            get: options.get,
            ttl,
            spelling: SetSpelling::Set,
        }))
    }

    pub(crate) fn parse_setnx(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::Set(Set::setnx(key, args.next_bytes()?)))
    }

    pub(crate) fn parse_setex(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let seconds = args.next_i64()?;
        Ok(Command::Set(Set::setex(key, seconds, args.next_bytes()?)))
    }

    pub(crate) fn parse_psetex(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let millis = args.next_i64()?;
        Ok(Command::Set(Set::psetex(key, millis, args.next_bytes()?)))
    }

    /// The name the command was given as (SETNX, SETEX, PSETEX are SETs).
    pub(crate) fn command_name(&self) -> &'static str {
        match self.spelling {
            SetSpelling::Set => "set",
            SetSpelling::SetNx => "setnx",
            SetSpelling::SetEx => "setex",
            SetSpelling::PSetEx => "psetex",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let deadline = match self.ttl {
            TtlChange::Set(arg) => match arg.string_deadline(ctx.now_ms(), self.command_name()) {
                Ok(deadline) => Some(deadline),
                Err(error) => return error.into(),
            },
            _ => None,
        };
        let old = if self.get {
            match ctx.read_string(&self.key) {
                Ok(old) => {
                    // SET ... GET replies with the old value before it sets.
                    ctx.reply_point();
                    old
                }
                Err(error) => return error.into(),
            }
        } else {
            None
        };
        let current_expiry = ctx.db.expiry(&self.key, &ctx.now);
        let exists = current_expiry.is_some();
        let refused = (self.only_if_missing && exists) || (self.only_if_present && !exists);
        if !refused {
            let expires_at = match self.ttl {
                TtlChange::Keep => current_expiry.flatten(),
                _ => deadline,
            };
            let sets_ttl = matches!(self.ttl, TtlChange::Set(_));
            let key = self.key.clone();
            ctx.put_string(self.key, self.value, expires_at);
            ctx.notify(notify::STRING, "set", &key);
            if sets_ttl {
                ctx.notify(notify::GENERIC, "expire", &key);
            }
        }
        match (self.get, self.spelling) {
            (true, _) => Reply::optional(old),
            (false, SetSpelling::SetNx) => Reply::Integer(i64::from(!refused)),
            (false, _) if refused => Reply::Nil,
            (false, _) => Reply::OK,
        }
    }
}

/// `SET key value ... GET`: a [`Set`] whose reply is the old value.
///
/// ```
/// use embedis::{cmd::Set, Engine};
/// let mut conn = Engine::new().connect();
/// conn.run(Set::new("k", "old")).unwrap();
/// assert_eq!(conn.run(Set::new("k", "new").get()).unwrap().as_deref(), Some(&b"old"[..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetGet(pub(crate) Set);

/// `GETDEL key`: the string at `key`, deleting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetDel {
    key: Bytes,
}

impl GetDel {
    /// `GETDEL key`.
    ///
    /// ```
    /// use embedis::{cmd::GetDel, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// assert_eq!(conn.run(GetDel::new("k")).unwrap().as_deref(), Some(&b"v"[..]));
    /// ```
    pub fn new(key: impl IntoArg) -> GetDel {
        GetDel {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::GetDel(GetDel::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_string(&self.key) {
            Ok(Some(value)) => {
                ctx.reply_point();
                ctx.delete(&self.key);
                ctx.notify(notify::GENERIC, "del", &self.key);
                Reply::Bulk(value)
            }
            Ok(None) => Reply::Nil,
            Err(error) => error.into(),
        }
    }
}

/// `GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT
/// unix-time-milliseconds | PERSIST]`: the string at `key`, changing its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetEx {
    key: Bytes,
    change: Option<TtlChange>,
    /// The expire amount did not parse. Redis validates it only once it has found the
    /// string, so a missing key still replies nil.
    invalid: Option<Error>,
}

impl GetEx {
    /// `GETEX key` (no deadline change).
    ///
    /// ```
    /// use embedis::{cmd::GetEx, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// assert_eq!(conn.run(GetEx::new("k").ex(30)).unwrap().as_deref(), Some(&b"v"[..]));
    /// ```
    pub fn new(key: impl IntoArg) -> GetEx {
        GetEx {
            key: key.into_arg(),
            change: None,
            invalid: None,
        }
    }

    fn expire(mut self, amount: i64, unit: TimeUnit, absolute: bool) -> GetEx {
        self.change = Some(TtlChange::Set(ExpireArg {
            amount,
            unit,
            absolute,
        }));
        self
    }

    /// `EX seconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, GetEx};
    /// assert_eq!(Command::from_argv(["GETEX", "k", "EX", "10"]).unwrap(), GetEx::new("k").ex(10).into());
    /// ```
    pub fn ex(self, seconds: i64) -> GetEx {
        self.expire(seconds, TimeUnit::Seconds, false)
    }

    /// `PX milliseconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, GetEx};
    /// assert_eq!(Command::from_argv(["GETEX", "k", "PX", "10"]).unwrap(), GetEx::new("k").px(10).into());
    /// ```
    pub fn px(self, millis: i64) -> GetEx {
        self.expire(millis, TimeUnit::Millis, false)
    }

    /// `EXAT unix-time-seconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, GetEx};
    /// assert_eq!(Command::from_argv(["GETEX", "k", "EXAT", "1700000000"]).unwrap(), GetEx::new("k").exat(1_700_000_000).into());
    /// ```
    pub fn exat(self, unix_seconds: i64) -> GetEx {
        self.expire(unix_seconds, TimeUnit::Seconds, true)
    }

    /// `PXAT unix-time-milliseconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, GetEx};
    /// assert_eq!(Command::from_argv(["GETEX", "k", "PXAT", "1700000000000"]).unwrap(), GetEx::new("k").pxat(1_700_000_000_000).into());
    /// ```
    pub fn pxat(self, unix_millis: i64) -> GetEx {
        self.expire(unix_millis, TimeUnit::Millis, true)
    }

    /// `PERSIST`: remove the deadline.
    ///
    /// ```
    /// use embedis::cmd::{Command, GetEx};
    /// assert_eq!(Command::from_argv(["GETEX", "k", "PERSIST"]).unwrap(), GetEx::new("k").persist().into());
    /// ```
    pub fn persist(mut self) -> GetEx {
        self.change = Some(TtlChange::Clear);
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let options = StringOptions::parse(args, false)?;
        let (change, invalid) = match options.expire_arg() {
            Ok(Some(arg)) => (Some(TtlChange::Set(arg)), None),
            Ok(None) if options.persist => (Some(TtlChange::Clear), None),
            Ok(None) => (None, None),
            Err(error) => (None, Some(error)),
        };
        Ok(Command::from(GetEx {
            key,
            change,
            invalid,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now = ctx.now_ms();
        let value = match ctx.read_string(&self.key) {
            Ok(Some(value)) => value,
            Ok(None) => return Reply::Nil,
            Err(error) => return error.into(),
        };
        // As in Redis, the expire time is validated only once the string is found.
        if let Some(error) = self.invalid {
            return error.into();
        }
        let deadline = match self.change {
            Some(TtlChange::Set(arg)) => match arg.string_deadline(now, "getex") {
                Ok(deadline) => Some(deadline),
                Err(error) => return error.into(),
            },
            _ => None,
        };
        // The value is the reply, sent before the TTL changes.
        ctx.reply_point();
        match (self.change, deadline) {
            (Some(TtlChange::Set(_)), Some(deadline)) if deadline <= now => {
                ctx.delete(&self.key);
                ctx.notify(notify::GENERIC, "del", &self.key);
            }
            (Some(TtlChange::Set(_)), Some(deadline)) => {
                ctx.db.set_expiry(&self.key, Some(deadline), now);
                ctx.touch(&self.key);
                ctx.notify(notify::GENERIC, "expire", &self.key);
            }
            (Some(TtlChange::Clear), _) => {
                if matches!(ctx.db.expiry(&self.key, now), Some(Some(_))) {
                    ctx.db.set_expiry(&self.key, None, now);
                    ctx.touch(&self.key);
                    ctx.notify(notify::GENERIC, "persist", &self.key);
                }
            }
            _ => {}
        }
        Reply::Bulk(value)
    }
}

/// `GETSET key value`: sets `value` (clearing any deadline) and replies with the old string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetSet {
    key: Bytes,
    value: Bytes,
}

impl GetSet {
    /// `GETSET key value`.
    ///
    /// ```
    /// use embedis::{cmd::GetSet, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(GetSet::new("k", "v")).unwrap(), None);
    /// ```
    pub fn new(key: impl IntoArg, value: impl IntoArg) -> GetSet {
        GetSet {
            key: key.into_arg(),
            value: value.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::GetSet(GetSet::new(key, args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_string(&self.key) {
            Ok(old) => {
                ctx.reply_point();
                let key = self.key.clone();
                ctx.put_string(self.key, self.value, None);
                ctx.notify(notify::STRING, "set", &key);
                Reply::optional(old)
            }
            Err(error) => error.into(),
        }
    }
}

/// `MGET key [key ...]`: the string at each key, nil for missing keys and other types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MGet {
    pub(crate) keys: Vec<Bytes>,
}

impl MGet {
    /// `MGET key [key ...]`.
    ///
    /// ```
    /// use embedis::{cmd::MGet, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "a", "1"]).unwrap();
    /// let values = conn.run(MGet::new(["a", "b"])).unwrap();
    /// assert_eq!(values, vec![Some(bytes::Bytes::from("1")), None]);
    /// ```
    pub fn new<K: IntoArg>(keys: impl IntoIterator<Item = K>) -> MGet {
        MGet {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::MGet(MGet { keys: args.rest() }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let values = self
            .keys
            .iter()
            .map(|key| Reply::optional(ctx.read_string(key).ok().flatten()))
            .collect();
        Reply::Array(values)
    }
}

/// `MSET key value [key value ...]` and `MSETNX key value [key value ...]` (all or none:
/// replies 1 if every key was missing and all were set, else 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MSet {
    pairs: Vec<(Bytes, Bytes)>,
    only_if_none_exist: bool,
}

impl MSet {
    /// `MSET key value [key value ...]`.
    ///
    /// ```
    /// use embedis::{cmd::MSet, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(MSet::new([("a", "1"), ("b", "2")])).unwrap();
    /// ```
    pub fn new<K: IntoArg, V: IntoArg>(pairs: impl IntoIterator<Item = (K, V)>) -> MSet {
        MSet {
            pairs: pairs
                .into_iter()
                .map(|(k, v)| (k.into_arg(), v.into_arg()))
                .collect(),
            only_if_none_exist: false,
        }
    }

    /// `MSETNX key value [key value ...]` (replies true if it set them all).
    ///
    /// ```
    /// use embedis::cmd::{Command, MSet};
    /// assert_eq!(Command::from_argv(["MSETNX", "a", "1"]).unwrap(), MSet::nx([("a", "1")]).into());
    /// ```
    pub fn nx<K: IntoArg, V: IntoArg>(pairs: impl IntoIterator<Item = (K, V)>) -> MSetNx {
        MSetNx(MSet {
            only_if_none_exist: true,
            ..MSet::new(pairs)
        })
    }

    fn parse_pairs(args: &mut Args, name: &str) -> Result<Vec<(Bytes, Bytes)>, Error> {
        if !args.remaining().is_multiple_of(2) {
            return Err(Error::arity(name));
        }
        let mut pairs = Vec::with_capacity(args.remaining() / 2);
        while !args.is_empty() {
            let key = args.next_bytes()?;
            pairs.push((key, args.next_bytes()?));
        }
        Ok(pairs)
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::MSet(MSet {
            pairs: MSet::parse_pairs(args, "mset")?,
            only_if_none_exist: false,
        }))
    }

    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        if self.only_if_none_exist {
            "msetnx"
        } else {
            "mset"
        }
    }

    pub(crate) fn parse_msetnx(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::MSet(MSet {
            pairs: MSet::parse_pairs(args, "msetnx")?,
            only_if_none_exist: true,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.only_if_none_exist {
            let now = ctx.now_ms();
            if self.pairs.iter().any(|(key, _)| ctx.db.contains(key, now)) {
                return Reply::Integer(0);
            }
        }
        for (key, value) in self.pairs {
            ctx.put_string(key.clone(), value, None);
            ctx.notify(notify::STRING, "set", &key);
        }
        if self.only_if_none_exist {
            Reply::Integer(1)
        } else {
            Reply::OK
        }
    }
}

/// `MSETNX`: an [`MSet`] that replies whether it set every key.
///
/// ```
/// use embedis::{cmd::MSet, Engine};
/// let mut conn = Engine::new().connect();
/// assert!(conn.run(MSet::nx([("a", "1")])).unwrap());
/// assert!(!conn.run(MSet::nx([("a", "2"), ("b", "2")])).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MSetNx(pub(crate) MSet);

/// `INCRBY key increment`, and INCR, DECR, DECRBY: adds to the integer at `key` (a missing
/// key counts as 0), keeping its deadline. Replies with the new value.
///
/// Two of them are equal when they do the same (`INCR k` and `INCRBY k 1`): the name they
/// were given as only shows in errors that quote it.
#[derive(Debug, Clone)]
pub struct IncrBy {
    key: Bytes,
    delta: i64,
    spelling: IncrSpelling,
}

/// The name an [`IncrBy`] was sent as.
#[derive(Debug, Clone, Copy)]
enum IncrSpelling {
    Incr,
    Decr,
    IncrBy,
    DecrBy,
}

impl PartialEq for IncrBy {
    fn eq(&self, other: &IncrBy) -> bool {
        (&self.key, self.delta) == (&other.key, other.delta)
    }
}

impl Eq for IncrBy {}

impl IncrBy {
    /// `INCRBY key delta` (INCR is `delta` 1, DECRBY a negative `delta`).
    ///
    /// ```
    /// use embedis::{cmd::IncrBy, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(IncrBy::new("n", 5)).unwrap(), 5);
    /// assert_eq!(conn.run(IncrBy::new("n", -2)).unwrap(), 3);
    /// ```
    pub fn new(key: impl IntoArg, delta: i64) -> IncrBy {
        IncrBy {
            key: key.into_arg(),
            delta,
            spelling: IncrSpelling::IncrBy,
        }
    }

    fn spelled(key: Bytes, delta: i64, spelling: IncrSpelling) -> Command {
        Command::IncrBy(IncrBy {
            key,
            delta,
            spelling,
        })
    }

    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        match self.spelling {
            IncrSpelling::Incr => "incr",
            IncrSpelling::Decr => "decr",
            IncrSpelling::IncrBy => "incrby",
            IncrSpelling::DecrBy => "decrby",
        }
    }

    pub(crate) fn parse_incr(args: &mut Args) -> Result<Command, Error> {
        Ok(IncrBy::spelled(args.next_bytes()?, 1, IncrSpelling::Incr))
    }

    pub(crate) fn parse_decr(args: &mut Args) -> Result<Command, Error> {
        Ok(IncrBy::spelled(args.next_bytes()?, -1, IncrSpelling::Decr))
    }

    pub(crate) fn parse_incrby(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(IncrBy::spelled(key, args.next_i64()?, IncrSpelling::IncrBy))
    }

    pub(crate) fn parse_decrby(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let delta = args.next_i64()?.checked_neg().ok_or(Error::DecrOverflow)?;
        Ok(IncrBy::spelled(key, delta, IncrSpelling::DecrBy))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // No allocation, and no clock read unless the key has a deadline: the counter is
        // updated in place.
        let outcome = match ctx.db.value_mut(&self.key, &ctx.now) {
            Some(value) => {
                let current = match value {
                    Value::Int(n) => Ok(Some(*n)),
                    Value::String(text) => Ok(parse_i64(text)),
                    // Every other type.
                    _ => Err(Error::WrongType),
                };
                match current {
                    Err(error) => Err(error),
                    Ok(None) => Err(Error::NotInteger),
                    Ok(Some(current)) => match current.checked_add(self.delta) {
                        None => Err(Error::IncrOverflow),
                        Some(new) => {
                            *value = Value::Int(new);
                            Ok(new)
                        }
                    },
                }
            }
            None => {
                ctx.notify(notify::NEW, "new", &self.key);
                ctx.db
                    .insert(self.key.clone(), Value::Int(self.delta), None);
                Ok(self.delta)
            }
        };
        match outcome {
            Ok(new) => {
                ctx.touch(&self.key);
                ctx.notify(notify::STRING, "incrby", &self.key);
                Reply::Integer(new)
            }
            Err(error) => error.into(),
        }
    }
}

/// `INCRBYFLOAT key increment`: adds to the number at `key` in 80-bit extended precision, as
/// redis-server does with C's `long double`, keeping its deadline. Replies with the new value
/// as a bulk string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncrByFloat {
    key: Bytes,
    increment: Bytes,
}

impl IncrByFloat {
    /// `INCRBYFLOAT key increment`, the increment in Redis's float syntax (`1.5`, `-2e3`).
    ///
    /// ```
    /// use embedis::{cmd::IncrByFloat, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "f", "10.5"]).unwrap();
    /// assert_eq!(&conn.run(IncrByFloat::new("f", "0.1")).unwrap()[..], b"10.6");
    /// ```
    pub fn new(key: impl IntoArg, increment: impl IntoArg) -> IncrByFloat {
        IncrByFloat {
            key: key.into_arg(),
            increment: increment.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::IncrByFloat(IncrByFloat::new(
            key,
            args.next_bytes()?,
        )))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let current = match ctx.get_string(&self.key) {
            Ok(Some(text)) => match long_double::parse(&text) {
                Some(n) => n,
                None => return Error::NotFloat.into(),
            },
            Ok(None) => long_double::LongDouble::ZERO,
            Err(error) => return error.into(),
        };
        let Some(increment) = long_double::parse(&self.increment) else {
            return Error::NotFloat.into();
        };
        let sum = long_double::add(current, increment);
        if !sum.is_finite() {
            return Error::NanOrInfinity.into();
        }
        let text = Bytes::from(sum.format_human());
        let key = self.key.clone();
        ctx.put_string_keep_ttl(self.key, text.clone());
        ctx.notify(notify::STRING, "incrbyfloat", &key);
        Reply::Bulk(text)
    }
}

/// `APPEND key value`: appends to the string at `key` (creating it), keeping its deadline.
/// Replies with the new length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Append {
    key: Bytes,
    value: Bytes,
}

impl Append {
    /// `APPEND key value`.
    ///
    /// ```
    /// use embedis::{cmd::Append, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Append::new("k", "ab")).unwrap(), 2);
    /// assert_eq!(conn.run(Append::new("k", "c")).unwrap(), 3);
    /// ```
    pub fn new(key: impl IntoArg, value: impl IntoArg) -> Append {
        Append {
            key: key.into_arg(),
            value: value.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::Append(Append::new(key, args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // The length only: a clone of the bytes held past this line would force a copy.
        let current = match ctx.get_string(&self.key) {
            Ok(current) => current.map_or(0, |bytes| bytes.len()),
            Err(error) => return error.into(),
        };
        if current + self.value.len() > MAX_STRING_LEN {
            return Error::StringTooLong.into();
        }
        // In place, amortised O(1) per append (as Redis's sds grows), the deadline kept.
        let len = match ctx.edit_string(&self.key, 0, |bytes| {
            bytes.extend_from_slice(&self.value);
            bytes.len()
        }) {
            Ok(len) => len,
            Err(error) => return error.into(),
        };
        // Logged as itself: replaying an append is deterministic, and a long string is not
        // written whole into the file at every append.
        if ctx.logging() {
            ctx.log_effect(&[&b"APPEND"[..], &self.key, &self.value]);
        }
        ctx.explicitly_logged(|ctx| ctx.touch(&self.key));
        ctx.notify(notify::STRING, "append", &self.key);
        Reply::Integer(i64::try_from(len).unwrap_or(i64::MAX))
    }
}

/// `STRLEN key`: the length of the string at `key`, 0 if missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrLen {
    pub(crate) key: Bytes,
}

impl StrLen {
    /// `STRLEN key`.
    ///
    /// ```
    /// use embedis::{cmd::StrLen, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(StrLen::new("nothing")).unwrap(), 0);
    /// ```
    pub fn new(key: impl IntoArg) -> StrLen {
        StrLen {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::StrLen(StrLen::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        ctx.read_string(&self.key)
            .map(|value| Reply::Integer(value.map_or(0, |v| v.len() as i64)))
            .into()
    }
}
