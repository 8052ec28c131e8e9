//! List commands, as redis-server 7.0 has them: LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP
//! (count), LLEN, LINDEX, LRANGE, LSET, LREM, LTRIM, LINSERT, LPOS (RANK, COUNT, MAXLEN),
//! LMOVE, RPOPLPUSH, LMPOP.
//!
//! Not here yet: the blocking forms (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP).
//!
//! Arguments are checked in redis-server's order: most before the key's type (parse errors
//! here), but LSET's and LINDEX's index only after the key was found, as there.
//!
//! The append-only file: every write logs itself as a deterministic command (a pop as
//! `LPOP key n` with the number it popped, LMPOP as the pop it did), so replay redoes it.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::multi_key_pop::parse_keys_end_count;
use super::{Command, IntoArg};
use crate::error::ListError;
use crate::exec::notify;
use crate::store::c_string::keyword_is;
use crate::store::list::{End, List};
use crate::store::number::parse_i64;
use crate::store::value::Value;
use crate::{Error, Reply};

impl Ctx<'_> {
    /// The list at `key` for a write: `Ok(None)` if missing, WRONGTYPE for another type.
    fn list(&mut self, key: &[u8]) -> Result<Option<&mut List>, Error> {
        self.value_as(key, Value::list_mut)
    }

    /// The list at `key` for a command that reads it (a missing key is announced,
    /// `keymiss`).
    fn read_list(&mut self, key: &[u8]) -> Result<Option<&List>, Error> {
        self.read_value_as(key, Value::list_mut)
    }

    /// The list at `key`, created empty (announcing the new key) if missing.
    fn list_or_create(&mut self, key: &Bytes) -> Result<&mut List, Error> {
        self.value_as_or_create(key, Value::list_mut, || Value::List(Box::default()))
    }

    /// Pops up to `count` elements from the list at `key` (logged as `LPOP key n`,
    /// announced): `Ok(None)` if there is no list.
    pub(crate) fn pop_some(
        &mut self,
        key: &[u8],
        end: End,
        count: u64,
    ) -> Result<Option<Vec<Reply>>, Error> {
        let Some(list) = self.list(key)? else {
            return Ok(None);
        };
        let wanted = usize::try_from(count).unwrap_or(usize::MAX);
        let popped: Vec<Reply> = std::iter::from_fn(|| list.pop(end))
            .take(wanted)
            .map(Reply::Bulk)
            .collect();
        let count = popped.len().to_string();
        let (name, event): (&[u8], &str) = match end {
            End::Left => (b"LPOP", "lpop"),
            End::Right => (b"RPOP", "rpop"),
        };
        self.list_written(key, event, &[name, key, count.as_bytes()]);
        self.count_elements(popped.len());
        Ok(Some(popped))
    }

    /// Whether the list at `key` has elements (WRONGTYPE for another type).
    pub(crate) fn source_has_elements(&mut self, key: &[u8]) -> Result<bool, Error> {
        Ok(self.list(key)?.is_some_and(|list| !list.is_empty()))
    }

    /// A list write: logged as `argv` (a deterministic command), then [`Ctx::list_changed`].
    fn list_written<A: AsRef<[u8]>>(&mut self, key: &[u8], event: &str, argv: &[A]) {
        if self.logging() {
            self.log_effect(argv);
        }
        self.list_changed(key, event);
    }

    /// After a list changed: WATCH and blocked readers see it, `event` goes out, and the
    /// key goes (with `del`) if the list is empty now.
    fn list_changed(&mut self, key: &[u8], event: &str) {
        let emptied = matches!(self.list(key), Ok(Some(list)) if list.is_empty());
        if emptied {
            self.db.remove(key, &self.now);
        }
        self.blocking.signal(self.db.index(), key);
        self.explicitly_logged(|ctx| ctx.touch(key));
        self.notify(notify::LIST, event, key);
        if emptied {
            self.notify(notify::GENERIC, "del", key);
        }
    }
}

fn end_word(end: End) -> &'static [u8] {
    match end {
        End::Left => b"LEFT",
        End::Right => b"RIGHT",
    }
}

/// `LEFT` or `RIGHT`, in any case (a syntax error otherwise).
pub(crate) fn parse_end(arg: &[u8]) -> Result<End, Error> {
    if keyword_is(arg, "LEFT") {
        Ok(End::Left)
    } else if keyword_is(arg, "RIGHT") {
        Ok(End::Right)
    } else {
        Err(Error::Syntax)
    }
}

/// A count read by redis-server's `getPositiveLongFromObjectOrReply` with `message`: one
/// error for a negative number and for no number at all.
fn positive(arg: &[u8], error: Error) -> Result<u64, Error> {
    parse_i64(arg)
        .and_then(|n| u64::try_from(n).ok())
        .ok_or(error)
}

/// `LPUSH key element ...`, `RPUSH`, and `LPUSHX` / `RPUSHX` (only onto an existing list):
/// replies the list's new length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Push {
    key: Bytes,
    elements: Vec<Bytes>,
    end: End,
    only_if_exists: bool,
}

impl Push {
    /// `LPUSH key element` (`End::Left`) or `RPUSH` (`End::Right`); more with
    /// [`Push::element`].
    ///
    /// ```
    /// use embedis::{cmd::{End, Push}, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Push::new("jobs", End::Right, "a").element("b")).unwrap(), 2);
    /// ```
    pub fn new(key: impl IntoArg, end: End, element: impl IntoArg) -> Push {
        Push {
            key: key.into_arg(),
            elements: vec![element.into_arg()],
            end,
            only_if_exists: false,
        }
    }

    /// One more element, pushed after the ones before it.
    ///
    /// ```
    /// use embedis::cmd::{Command, End, Push};
    /// assert_eq!(Command::from_argv(["LPUSH", "l", "a", "b"]).unwrap(), Push::new("l", End::Left, "a").element("b").into());
    /// ```
    pub fn element(mut self, element: impl IntoArg) -> Push {
        self.elements.push(element.into_arg());
        self
    }

    /// `LPUSHX` / `RPUSHX`: push only onto a list that exists.
    ///
    /// ```
    /// use embedis::{cmd::{End, Push}, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Push::new("nothing", End::Left, "a").only_if_exists()).unwrap(), 0);
    /// ```
    pub fn only_if_exists(mut self) -> Push {
        self.only_if_exists = true;
        self
    }

    fn parse_with(args: &mut Args, end: End, only_if_exists: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::Push(Push {
            key,
            elements: args.rest(),
            end,
            only_if_exists,
        }))
    }

    pub(crate) fn parse_lpush(args: &mut Args) -> Result<Command, Error> {
        Push::parse_with(args, End::Left, false)
    }

    pub(crate) fn parse_rpush(args: &mut Args) -> Result<Command, Error> {
        Push::parse_with(args, End::Right, false)
    }

    pub(crate) fn parse_lpushx(args: &mut Args) -> Result<Command, Error> {
        Push::parse_with(args, End::Left, true)
    }

    pub(crate) fn parse_rpushx(args: &mut Args) -> Result<Command, Error> {
        Push::parse_with(args, End::Right, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        match (self.end, self.only_if_exists) {
            (End::Left, false) => "lpush",
            (End::Right, false) => "rpush",
            (End::Left, true) => "lpushx",
            (End::Right, true) => "rpushx",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let list = match ctx.list(&self.key) {
            Err(error) => return error.into(),
            Ok(None) if self.only_if_exists => return Reply::Integer(0),
            Ok(_) => match ctx.list_or_create(&self.key) {
                Ok(list) => list,
                Err(error) => return error.into(),
            },
        };
        for element in &self.elements {
            list.push(self.end, element.clone());
        }
        let len = list.len() as i64;
        let (name, event): (&[u8], &str) = match self.end {
            End::Left => (b"LPUSH", "lpush"),
            End::Right => (b"RPUSH", "rpush"),
        };
        let mut argv: Vec<&[u8]> = Vec::with_capacity(2 + self.elements.len());
        argv.extend([name, &self.key[..]]);
        argv.extend(self.elements.iter().map(|element| &element[..]));
        ctx.list_written(&self.key, event, &argv);
        ctx.count_elements(self.elements.len());
        Reply::Integer(len)
    }
}

/// `LPOP key [count]` and `RPOP key [count]`: removes and returns elements from one end.
/// Without a count, one element or nil; with one, an array (nil for a missing key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pop {
    key: Bytes,
    end: End,
    count: Option<u64>,
}

impl Pop {
    /// `LPOP key` (`End::Left`) or `RPOP key`.
    ///
    /// ```
    /// use embedis::{cmd::{End, Pop, Push}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(Push::new("jobs", End::Right, "a").element("b")).unwrap();
    /// assert_eq!(conn.run(Pop::new("jobs", End::Left)).unwrap(), Reply::bulk("a"));
    /// ```
    pub fn new(key: impl IntoArg, end: End) -> Pop {
        Pop {
            key: key.into_arg(),
            end,
            count: None,
        }
    }

    /// `count`: up to this many, as an array.
    ///
    /// ```
    /// use embedis::{cmd::{End, Pop, Push}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(Push::new("l", End::Right, "a").element("b")).unwrap();
    /// assert_eq!(conn.run(Pop::new("l", End::Right).count(5)).unwrap(), Reply::Array(vec![Reply::bulk("b"), Reply::bulk("a")]));
    /// ```
    pub fn count(mut self, count: u64) -> Pop {
        self.count = Some(count);
        self
    }

    fn parse_with(args: &mut Args, end: End) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let name = if end == End::Left { "lpop" } else { "rpop" };
        // A second argument after the count is an arity error, found when it runs.
        if args.remaining() > 1 {
            return Err(Error::arity(name));
        }
        let count = match args.next() {
            Some(count) => Some(positive(&count, Error::MustBePositive)?),
            None => None,
        };
        Ok(Command::Pop(Pop { key, end, count }))
    }

    pub(crate) fn parse_lpop(args: &mut Args) -> Result<Command, Error> {
        Pop::parse_with(args, End::Left)
    }

    pub(crate) fn parse_rpop(args: &mut Args) -> Result<Command, Error> {
        Pop::parse_with(args, End::Right)
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.end {
            End::Left => "lpop",
            End::Right => "rpop",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let list = match ctx.list(&self.key) {
            Err(error) => return error.into(),
            Ok(None) if self.count.is_some() => return Reply::NilArray,
            Ok(None) => return Reply::Nil,
            Ok(Some(list)) => list,
        };
        let wanted = usize::try_from(self.count.unwrap_or(1)).unwrap_or(usize::MAX);
        if wanted == 0 {
            return Reply::Array(Vec::new());
        }
        let popped: Vec<Bytes> = std::iter::from_fn(|| list.pop(self.end))
            .take(wanted)
            .collect();
        let count = popped.len().to_string();
        let (name, event): (&[u8], &str) = match self.end {
            End::Left => (b"LPOP", "lpop"),
            End::Right => (b"RPOP", "rpop"),
        };
        ctx.list_written(&self.key, event, &[name, &self.key[..], count.as_bytes()]);
        ctx.count_elements(popped.len());
        match self.count {
            None => Reply::optional(popped.into_iter().next()),
            Some(_) => Reply::Array(popped.into_iter().map(Reply::Bulk).collect()),
        }
    }
}

/// `LLEN key`, `LINDEX key index`, `LRANGE key start stop`: reads of one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRead {
    pub(crate) key: Bytes,
    what: Read,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Read {
    Len,
    /// Parsed only once the list is found, as redis-server does.
    Index(Bytes),
    Range(i64, i64),
}

impl ListRead {
    /// `LLEN key`.
    ///
    /// ```
    /// use embedis::{cmd::ListRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "b"]).unwrap();
    /// assert_eq!(conn.run(ListRead::len("l")).unwrap(), Reply::Integer(2));
    /// ```
    pub fn len(key: impl IntoArg) -> ListRead {
        ListRead {
            key: key.into_arg(),
            what: Read::Len,
        }
    }

    /// `LINDEX key index` (negative from the tail).
    ///
    /// ```
    /// use embedis::{cmd::ListRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "b"]).unwrap();
    /// assert_eq!(conn.run(ListRead::index("l", -1)).unwrap(), Reply::bulk("b"));
    /// ```
    pub fn index(key: impl IntoArg, index: i64) -> ListRead {
        ListRead {
            key: key.into_arg(),
            what: Read::Index(Bytes::from(index.to_string())),
        }
    }

    /// `LRANGE key start stop` (inclusive, negative from the tail).
    ///
    /// ```
    /// use embedis::{cmd::ListRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "b", "c"]).unwrap();
    /// assert_eq!(conn.run(ListRead::range("l", 1, -1)).unwrap(), Reply::Array(vec![Reply::bulk("b"), Reply::bulk("c")]));
    /// ```
    pub fn range(key: impl IntoArg, start: i64, stop: i64) -> ListRead {
        ListRead {
            key: key.into_arg(),
            what: Read::Range(start, stop),
        }
    }

    pub(crate) fn parse_llen(args: &mut Args) -> Result<Command, Error> {
        Ok(ListRead::len(args.next_bytes()?).into())
    }

    pub(crate) fn parse_lindex(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let what = Read::Index(args.next_bytes()?);
        Ok(ListRead { key, what }.into())
    }

    pub(crate) fn parse_lrange(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let start = args.next_i64()?;
        Ok(ListRead::range(key, start, args.next_i64()?).into())
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.what {
            Read::Len => "llen",
            Read::Index(_) => "lindex",
            Read::Range(..) => "lrange",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let list = match ctx.read_list(&self.key) {
            Ok(list) => list,
            Err(error) => return error.into(),
        };
        match (&self.what, list) {
            (Read::Len, list) => Reply::Integer(list.map_or(0, |list| list.len() as i64)),
            (Read::Index(_), None) => Reply::Nil,
            (Read::Index(index), Some(list)) => match parse_i64(index) {
                Some(index) => Reply::optional(list.get(index).cloned()),
                None => Error::NotInteger.into(),
            },
            (Read::Range(..), None) => Reply::Array(Vec::new()),
            (Read::Range(start, stop), Some(list)) => Reply::Array(
                list.range(*start, *stop)
                    .map(|item| Reply::Bulk(item.clone()))
                    .collect(),
            ),
        }
    }
}

/// `LSET key index element`: replaces an element (`ERR no such key`, `ERR index out of
/// range`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LSet {
    key: Bytes,
    /// Parsed only once the list is found, as redis-server does.
    index: Bytes,
    element: Bytes,
}

impl LSet {
    /// `LSET key index element`.
    ///
    /// ```
    /// use embedis::{cmd::LSet, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "b"]).unwrap();
    /// conn.run(LSet::new("l", -1, "z")).unwrap();
    /// assert_eq!(conn.call(["LINDEX", "l", "1"]).unwrap(), Reply::bulk("z"));
    /// ```
    pub fn new(key: impl IntoArg, index: i64, element: impl IntoArg) -> LSet {
        LSet {
            key: key.into_arg(),
            index: Bytes::from(index.to_string()),
            element: element.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let index = args.next_bytes()?;
        let element = args.next_bytes()?;
        Ok(LSet {
            key,
            index,
            element,
        }
        .into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let list = match ctx.list(&self.key) {
            Err(error) => return error.into(),
            Ok(None) => return Error::NoSuchKey.into(),
            Ok(Some(list)) => list,
        };
        let Some(index) = parse_i64(&self.index) else {
            return Error::NotInteger.into();
        };
        if !list.set(index, self.element.clone()) {
            return Error::from(ListError::IndexOutOfRange).into();
        }
        ctx.list_written(
            &self.key,
            "lset",
            &[&b"LSET"[..], &self.key, &self.index, &self.element],
        );
        Reply::OK
    }
}

/// `LREM key count element`: removes matching elements (`count` > 0 from the head, < 0
/// from the tail, 0 all). Replies how many went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LRem {
    key: Bytes,
    count: i64,
    element: Bytes,
}

impl LRem {
    /// `LREM key count element`.
    ///
    /// ```
    /// use embedis::{cmd::LRem, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "x", "a", "x"]).unwrap();
    /// assert_eq!(conn.run(LRem::new("l", 0, "x")).unwrap(), 2);
    /// ```
    pub fn new(key: impl IntoArg, count: i64, element: impl IntoArg) -> LRem {
        LRem {
            key: key.into_arg(),
            count,
            element: element.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let count = args.next_i64()?;
        Ok(LRem::new(key, count, args.next_bytes()?).into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let removed = match ctx.list(&self.key) {
            Err(error) => return error.into(),
            Ok(None) => return Reply::Integer(0),
            Ok(Some(list)) => list.remove(self.count, &self.element),
        };
        if removed > 0 {
            let count = self.count.to_string();
            ctx.list_written(
                &self.key,
                "lrem",
                &[&b"LREM"[..], &self.key, count.as_bytes(), &self.element],
            );
            ctx.count_elements(removed);
        }
        Reply::Integer(removed as i64)
    }
}

/// `LTRIM key start stop`: keeps only that range (the key goes if nothing is left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LTrim {
    key: Bytes,
    start: i64,
    stop: i64,
}

impl LTrim {
    /// `LTRIM key start stop`: a capped list after each push (`LTRIM log 0 99`).
    ///
    /// ```
    /// use embedis::{cmd::LTrim, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "b", "c"]).unwrap();
    /// conn.run(LTrim::new("l", 0, 1)).unwrap();
    /// assert_eq!(conn.call(["LLEN", "l"]).unwrap(), Reply::Integer(2));
    /// ```
    pub fn new(key: impl IntoArg, start: i64, stop: i64) -> LTrim {
        LTrim {
            key: key.into_arg(),
            start,
            stop,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let start = args.next_i64()?;
        Ok(LTrim::new(key, start, args.next_i64()?).into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let removed = match ctx.list(&self.key) {
            Err(error) => return error.into(),
            Ok(None) => return Reply::OK,
            Ok(Some(list)) => list.trim(self.start, self.stop),
        };
        // redis-server announces and signals a trim even when it removed nothing.
        let (start, stop) = (self.start.to_string(), self.stop.to_string());
        ctx.list_written(
            &self.key,
            "ltrim",
            &[&b"LTRIM"[..], &self.key, start.as_bytes(), stop.as_bytes()],
        );
        ctx.recount_changes(1, removed);
        Reply::OK
    }
}

/// `LINSERT key BEFORE|AFTER pivot element`: replies the new length, -1 without the pivot,
/// 0 for a missing key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LInsert {
    key: Bytes,
    after: bool,
    pivot: Bytes,
    element: Bytes,
}

impl LInsert {
    /// `LINSERT key BEFORE|AFTER pivot element`.
    ///
    /// ```
    /// use embedis::{cmd::LInsert, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "c"]).unwrap();
    /// assert_eq!(conn.run(LInsert::new("l", true, "a", "b")).unwrap(), 3);
    /// ```
    pub fn new(
        key: impl IntoArg,
        after: bool,
        pivot: impl IntoArg,
        element: impl IntoArg,
    ) -> LInsert {
        LInsert {
            key: key.into_arg(),
            after,
            pivot: pivot.into_arg(),
            element: element.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let position = args.next_bytes()?;
        let after = if keyword_is(&position, "AFTER") {
            true
        } else if keyword_is(&position, "BEFORE") {
            false
        } else {
            return Err(Error::Syntax);
        };
        let pivot = args.next_bytes()?;
        Ok(LInsert::new(key, after, pivot, args.next_bytes()?).into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let (inserted, len) = match ctx.list(&self.key) {
            Err(error) => return error.into(),
            Ok(None) => return Reply::Integer(0),
            Ok(Some(list)) => (
                list.insert(self.after, &self.pivot, self.element.clone()),
                list.len(),
            ),
        };
        if !inserted {
            return Reply::Integer(-1);
        }
        let position: &[u8] = if self.after { b"AFTER" } else { b"BEFORE" };
        ctx.list_written(
            &self.key,
            "linsert",
            &[
                &b"LINSERT"[..],
                &self.key,
                position,
                &self.pivot,
                &self.element,
            ],
        );
        Reply::Integer(len as i64)
    }
}

/// `LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]`: where `element` is.
/// Without COUNT, the first match's index or nil; with it, an array of indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LPos {
    pub(crate) key: Bytes,
    element: Bytes,
    rank: i64,
    count: Option<u64>,
    max_len: u64,
}

impl LPos {
    /// `LPOS key element`; options with [`LPos::rank`], [`LPos::count`], [`LPos::max_len`].
    ///
    /// ```
    /// use embedis::{cmd::LPos, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "l", "a", "b", "a"]).unwrap();
    /// assert_eq!(conn.run(LPos::new("l", "a").rank(-1)).unwrap(), Reply::Integer(2));
    /// assert_eq!(conn.run(LPos::new("l", "a").count(0)).unwrap(), Reply::Array(vec![Reply::Integer(0), Reply::Integer(2)]));
    /// ```
    pub fn new(key: impl IntoArg, element: impl IntoArg) -> LPos {
        LPos {
            key: key.into_arg(),
            element: element.into_arg(),
            rank: 1,
            count: None,
            max_len: 0,
        }
    }

    /// `RANK rank`: skip the first `rank - 1` matches; negative searches from the tail.
    /// (0 is refused by the argv form; here it means 1.)
    ///
    /// ```
    /// use embedis::cmd::{Command, LPos};
    /// assert_eq!(Command::from_argv(["LPOS", "l", "a", "RANK", "2"]).unwrap(), LPos::new("l", "a").rank(2).into());
    /// ```
    pub fn rank(mut self, rank: i64) -> LPos {
        self.rank = if rank == 0 { 1 } else { rank };
        self
    }

    /// `COUNT num-matches`: up to this many indexes (0: all), as an array.
    ///
    /// ```
    /// use embedis::cmd::{Command, LPos};
    /// assert_eq!(Command::from_argv(["LPOS", "l", "a", "COUNT", "0"]).unwrap(), LPos::new("l", "a").count(0).into());
    /// ```
    pub fn count(mut self, count: u64) -> LPos {
        self.count = Some(count);
        self
    }

    /// `MAXLEN len`: look at no more than this many elements (0: all).
    ///
    /// ```
    /// use embedis::cmd::{Command, LPos};
    /// assert_eq!(Command::from_argv(["LPOS", "l", "a", "MAXLEN", "10"]).unwrap(), LPos::new("l", "a").max_len(10).into());
    /// ```
    pub fn max_len(mut self, max_len: u64) -> LPos {
        self.max_len = max_len;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut lpos = LPos::new(key, args.next_bytes()?);
        while let Some(option) = args.next() {
            if args.is_empty() {
                return Err(Error::Syntax);
            }
            let value = args.next_bytes()?;
            if keyword_is(&option, "RANK") {
                let rank = parse_i64(&value).ok_or(Error::NotInteger)?;
                if rank == 0 {
                    return Err(ListError::RankZero.into());
                }
                lpos.rank = rank;
            } else if keyword_is(&option, "COUNT") {
                lpos.count = Some(positive(&value, ListError::CountNegative.into())?);
            } else if keyword_is(&option, "MAXLEN") {
                lpos.max_len = positive(&value, ListError::MaxLenNegative.into())?;
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(lpos.into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let list = match ctx.read_list(&self.key) {
            Ok(Some(list)) => list,
            Ok(None) if self.count.is_some() => return Reply::Array(Vec::new()),
            Ok(None) => return Reply::Nil,
            Err(error) => return error.into(),
        };
        let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        let mut count = self.count.map_or(1, to_usize);
        let mut rank = self.rank;
        if rank == i64::MIN {
            // redis-server 7.0 negates the rank, which overflows and stays negative: it
            // searches from the tail, and every match then passes its `matches >= rank`
            // test, so COUNT never stops the search.
            rank = -1;
            if self.count.is_some() {
                count = 0;
            }
        }
        let found = list.positions(&self.element, rank, count, to_usize(self.max_len));
        match self.count {
            None => found
                .first()
                .map_or(Reply::Nil, |at| Reply::Integer(*at as i64)),
            Some(_) => Reply::Array(
                found
                    .into_iter()
                    .map(|at| Reply::Integer(at as i64))
                    .collect(),
            ),
        }
    }
}

/// `LMOVE source destination LEFT|RIGHT LEFT|RIGHT` and `RPOPLPUSH source destination`:
/// pops from one list and pushes onto another (or the same: a rotation). Replies the
/// element, or nil when the source is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LMove {
    source: Bytes,
    destination: Bytes,
    from: End,
    to: End,
    /// Spelled `RPOPLPUSH`.
    legacy: bool,
}

impl LMove {
    /// `LMOVE source destination from to`: the reliable-queue step.
    ///
    /// ```
    /// use embedis::{cmd::{End, LMove}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "jobs", "j1", "j2"]).unwrap();
    /// let job = conn.run(LMove::new("jobs", "processing", End::Left, End::Right)).unwrap();
    /// assert_eq!(job.as_deref(), Some(&b"j1"[..]));
    /// ```
    pub fn new(source: impl IntoArg, destination: impl IntoArg, from: End, to: End) -> LMove {
        LMove {
            source: source.into_arg(),
            destination: destination.into_arg(),
            from,
            to,
            legacy: false,
        }
    }

    /// `source destination [from to]` (RPOPLPUSH's form without the ends), for LMOVE,
    /// RPOPLPUSH and their blocking forms.
    pub(crate) fn from_words(words: Vec<Bytes>, legacy: bool) -> Result<LMove, Error> {
        let mut words = words.into_iter();
        let (Some(source), Some(destination)) = (words.next(), words.next()) else {
            return Err(Error::Syntax);
        };
        let mut command = if legacy {
            LMove::new(source, destination, End::Right, End::Left)
        } else {
            let (Some(from), Some(to)) = (words.next(), words.next()) else {
                return Err(Error::Syntax);
            };
            LMove::new(source, destination, parse_end(&from)?, parse_end(&to)?)
        };
        command.legacy = legacy;
        Ok(command)
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(LMove::from_words(args.rest(), false)?.into())
    }

    pub(crate) fn parse_rpoplpush(args: &mut Args) -> Result<Command, Error> {
        Ok(LMove::from_words(args.rest(), true)?.into())
    }

    /// The list it pops from.
    pub(crate) fn source(&self) -> &Bytes {
        &self.source
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.legacy {
            "rpoplpush"
        } else {
            "lmove"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.list(&self.source) {
            Err(error) => return error.into(),
            Ok(None) => return Reply::Nil,
            Ok(Some(_)) => {}
        }
        // The destination's type is checked before anything moves.
        if let Err(error) = ctx.list(&self.destination) {
            return error.into();
        }
        let Ok(Some(source)) = ctx.list(&self.source) else {
            return Reply::Nil;
        };
        let Some(element) = source.pop(self.from) else {
            return Reply::Nil;
        };
        if self.source == self.destination {
            source.push(self.to, element.clone());
        } else {
            match ctx.list_or_create(&self.destination) {
                Ok(destination) => destination.push(self.to, element.clone()),
                Err(error) => return error.into(),
            }
        }
        if ctx.logging() {
            let (from, to) = (end_word(self.from), end_word(self.to));
            ctx.log_effect(&[&b"LMOVE"[..], &self.source, &self.destination, from, to]);
        }
        // redis-server's order: the push's signal and event, then the pop's.
        let push_event = if self.to == End::Left {
            "lpush"
        } else {
            "rpush"
        };
        ctx.blocking.signal(ctx.db.index(), &self.destination);
        // One change: the pop counts it.
        ctx.explicitly_logged(|ctx| ctx.signal_modified(&self.destination));
        ctx.notify(notify::LIST, push_event, &self.destination);
        let pop_event = if self.from == End::Left {
            "lpop"
        } else {
            "rpop"
        };
        ctx.list_changed(&self.source, pop_event);
        Reply::Bulk(element)
    }
}

/// `LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]`: pops up to `count` elements from
/// the first non-empty list. Replies `[key, [element, ...]]`, or nil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LMPop {
    keys: Vec<Bytes>,
    end: End,
    count: u64,
}

impl LMPop {
    /// `LMPOP numkeys key ... end COUNT count`.
    ///
    /// ```
    /// use embedis::{cmd::{End, LMPop}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "b", "x", "y"]).unwrap();
    /// let reply = conn.run(LMPop::new(["a", "b"], End::Left, 5)).unwrap();
    /// assert_eq!(reply, Reply::Array(vec![Reply::bulk("b"), Reply::Array(vec![Reply::bulk("x"), Reply::bulk("y")])]));
    /// ```
    pub fn new<I>(keys: I, end: End, count: u64) -> LMPop
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        LMPop {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            end,
            count: count.max(1),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let (keys, end, count) = parse_keys_end_count(args, parse_end)?;
        Ok(Command::LMPop(LMPop { keys, end, count }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let (end, count) = (self.end, self.count);
        match ctx.pop_first(&self.keys, |ctx, key| ctx.pop_some(key, end, count)) {
            Err(error) => error.into(),
            Ok(Some((key, popped))) => Reply::Array(vec![Reply::Bulk(key), Reply::Array(popped)]),
            Ok(None) => Reply::NilArray,
        }
    }
}
