//! Hash commands: HSET (and HMSET), HSETNX, HGET, HMGET, HDEL, HLEN, HSTRLEN, HEXISTS,
//! HKEYS, HVALS, HGETALL, HINCRBY, HINCRBYFLOAT, HRANDFIELD, HSCAN — as redis-server 7.0
//! has them (no field expiry, which came in 7.4).
//!
//! Order: a small hash shows its fields in insertion order, as Redis's listpack does, so
//! HGETALL, HKEYS, HVALS and HSCAN answer byte for byte as redis-server does. A hash past
//! Redis's listpack limits (512 fields, 64-byte fields and values) has an unspecified order
//! there and here (see `store/hash.rs`).
//!
//! The append-only file: each command logs its effect itself — HSET and HDEL as sent,
//! HSETNX as the HSET it did, HINCRBY and HINCRBYFLOAT as an HSET of the new value (as
//! Redis propagates HINCRBYFLOAT), so replay never recomputes.

use bytes::Bytes;

use super::argv::Args;
use super::collection_scan::ScanArgs;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::persist::commands;
use crate::persist::resp::signed_decimal;
use crate::reply::Protocol;
use crate::store::hash::Hash;
use crate::store::long_double;
use crate::store::number::parse_i64;
use crate::store::random;
use crate::store::value::Value;
use crate::{Error, Reply};

impl Ctx<'_> {
    /// The hash at `key` for a write: `Ok(None)` if missing, WRONGTYPE for another type.
    pub(crate) fn hash(&mut self, key: &[u8]) -> Result<Option<&mut Hash>, Error> {
        self.value_as(key, Value::hash_mut)
    }

    /// The hash at `key` for a command that reads it, as redis-server's `lookupKeyRead`:
    /// a missing key is announced (`keymiss`).
    fn read_hash(&mut self, key: &[u8]) -> Result<Option<&Hash>, Error> {
        self.read_value_as(key, Value::hash_mut)
    }

    /// Makes sure a hash is at `key`, creating it empty (announcing the new key) if
    /// missing; WRONGTYPE for another type. The caller fills it before it replies.
    fn create_hash(&mut self, key: &Bytes) -> Result<(), Error> {
        self.value_as_or_create(key, Value::hash_mut, || Value::Hash(Box::default()))?;
        Ok(())
    }

    /// Sets one field of the hash at `key` (created if missing, type checked by the caller)
    /// and logs it.
    fn set_field(&mut self, key: &Bytes, field: Bytes, value: Bytes) -> Result<(), Error> {
        self.create_hash(key)?;
        if self.logging() {
            self.log_with(|out| commands::hset(key, [(&field, &value)].into_iter(), out));
        }
        if let Some(hash) = self.hash(key)? {
            hash.insert(field, value);
        }
        Ok(())
    }

    /// A hash write: WATCH sees it and the event goes out. The command logged its effect.
    fn hash_written(&mut self, key: &[u8], event: &str) {
        self.explicitly_logged(|ctx| ctx.touch(key));
        self.notify(notify::HASH, event, key);
    }
}

/// `HSET key field value [field value ...]`, and the older `HMSET` (same arguments):
/// sets fields, creating the hash. HSET replies how many fields are new, HMSET `OK`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HSet {
    key: Bytes,
    pairs: Vec<(Bytes, Bytes)>,
    /// Spelled `HMSET`: replies `OK`.
    legacy: bool,
}

impl HSet {
    /// `HSET key field value`; add more pairs with [`HSet::field`].
    ///
    /// ```
    /// use embedis::{cmd::HSet, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(HSet::new("user:1", "name", "ada").field("lang", "en")).unwrap(), 2);
    /// assert_eq!(conn.run(HSet::new("user:1", "name", "grace")).unwrap(), 0);
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg, value: impl IntoArg) -> HSet {
        HSet {
            key: key.into_arg(),
            pairs: vec![(field.into_arg(), value.into_arg())],
            legacy: false,
        }
    }

    /// One more `field value` pair.
    ///
    /// ```
    /// use embedis::cmd::{Command, HSet};
    /// assert_eq!(
    ///     Command::from_argv(["HSET", "h", "a", "1", "b", "2"]).unwrap(),
    ///     HSet::new("h", "a", "1").field("b", "2").into()
    /// );
    /// ```
    pub fn field(mut self, field: impl IntoArg, value: impl IntoArg) -> HSet {
        self.pairs.push((field.into_arg(), value.into_arg()));
        self
    }

    fn parse_spelled(args: &mut Args, legacy: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        // An odd number of field/value words is refused when it runs (QUEUED in MULTI).
        if !args.remaining().is_multiple_of(2) {
            return Err(Error::arity(if legacy { "hmset" } else { "hset" }));
        }
        let mut pairs = Vec::with_capacity(args.remaining() / 2);
        while let (Some(field), Some(value)) = (args.next(), args.next()) {
            pairs.push((field, value));
        }
        Ok(Command::HSet(HSet { key, pairs, legacy }))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        HSet::parse_spelled(args, false)
    }

    pub(crate) fn parse_hmset(args: &mut Args) -> Result<Command, Error> {
        HSet::parse_spelled(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.legacy {
            "hmset"
        } else {
            "hset"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if let Err(error) = ctx.create_hash(&self.key) {
            return error.into();
        }
        if ctx.logging() {
            let pairs = self.pairs.iter().map(|(field, value)| (field, value));
            ctx.log_with(|out| commands::hset(&self.key, pairs, out));
        }
        let mut added = 0;
        // Every pair counts as a change, new or not (redis-server's `dirty`).
        let pairs = self.pairs.len();
        if let Ok(Some(hash)) = ctx.hash(&self.key) {
            for (field, value) in self.pairs {
                added += i64::from(hash.insert(field, value));
            }
        }
        ctx.hash_written(&self.key, "hset");
        ctx.count_elements(pairs);
        if self.legacy {
            Reply::OK
        } else {
            Reply::Integer(added)
        }
    }
}

/// `HSETNX key field value`: sets the field only if it is not there. Replies 1 or 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HSetNx {
    key: Bytes,
    field: Bytes,
    value: Bytes,
}

impl HSetNx {
    /// `HSETNX key field value`.
    ///
    /// ```
    /// use embedis::{cmd::HSetNx, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert!(conn.run(HSetNx::new("h", "f", "1")).unwrap());
    /// assert!(!conn.run(HSetNx::new("h", "f", "2")).unwrap());
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg, value: impl IntoArg) -> HSetNx {
        HSetNx {
            key: key.into_arg(),
            field: field.into_arg(),
            value: value.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let field = args.next_bytes()?;
        Ok(HSetNx::new(key, field, args.next_bytes()?).into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let exists = match ctx.hash(&self.key) {
            Ok(hash) => hash.is_some_and(|hash| hash.get(&self.field).is_some()),
            Err(error) => return error.into(),
        };
        if exists {
            return Reply::Integer(0);
        }
        if let Err(error) = ctx.set_field(&self.key, self.field, self.value) {
            return error.into();
        }
        ctx.hash_written(&self.key, "hset");
        Reply::Integer(1)
    }
}

/// `HGET key field`: the field's value, or nil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HGet {
    pub(crate) key: Bytes,
    field: Bytes,
}

impl HGet {
    /// `HGET key field`.
    ///
    /// ```
    /// use embedis::{cmd::HGet, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "f", "v"]).unwrap();
    /// assert_eq!(conn.run(HGet::new("h", "f")).unwrap().as_deref(), Some(&b"v"[..]));
    /// assert_eq!(conn.run(HGet::new("h", "missing")).unwrap(), None);
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg) -> HGet {
        HGet {
            key: key.into_arg(),
            field: field.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::HGet(HGet::new(key, args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_hash(&self.key) {
            Ok(hash) => Reply::optional(hash.and_then(|hash| hash.get(&self.field)).cloned()),
            Err(error) => error.into(),
        }
    }
}

/// `HMGET key field [field ...]`: each field's value, or nil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HMGet {
    pub(crate) key: Bytes,
    fields: Vec<Bytes>,
}

impl HMGet {
    /// `HMGET key field ...`.
    ///
    /// ```
    /// use embedis::{cmd::HMGet, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1"]).unwrap();
    /// let values = conn.run(HMGet::new("h", ["a", "b"])).unwrap();
    /// assert_eq!(values, vec![Some("1".into()), None]);
    /// ```
    pub fn new<I>(key: impl IntoArg, fields: I) -> HMGet
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        HMGet {
            key: key.into_arg(),
            fields: fields.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::HMGet(HMGet {
            key,
            fields: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let hash = match ctx.read_hash(&self.key) {
            Ok(hash) => hash,
            Err(error) => return error.into(),
        };
        let values = self
            .fields
            .iter()
            .map(|field| Reply::optional(hash.and_then(|hash| hash.get(field)).cloned()))
            .collect();
        Reply::Array(values)
    }
}

/// `HDEL key field [field ...]`: removes fields, and the key with its last one. Replies
/// how many were removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HDel {
    key: Bytes,
    fields: Vec<Bytes>,
}

impl HDel {
    /// `HDEL key field ...`.
    ///
    /// ```
    /// use embedis::{cmd::HDel, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1", "b", "2"]).unwrap();
    /// assert_eq!(conn.run(HDel::new("h", ["a", "c"])).unwrap(), 1);
    /// ```
    pub fn new<I>(key: impl IntoArg, fields: I) -> HDel
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        HDel {
            key: key.into_arg(),
            fields: fields.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::HDel(HDel {
            key,
            fields: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let (removed, emptied) = match ctx.hash(&self.key) {
            Ok(None) => return Reply::Integer(0),
            Ok(Some(hash)) => {
                let removed = self
                    .fields
                    .iter()
                    .filter(|field| hash.remove(field))
                    .count();
                (removed, hash.is_empty())
            }
            Err(error) => return error.into(),
        };
        if removed == 0 {
            return Reply::Integer(0);
        }
        if emptied {
            ctx.db.remove(&self.key, &ctx.now);
            ctx.blocking.signal(ctx.db.index(), &self.key);
        }
        if ctx.logging() {
            let mut argv: Vec<&[u8]> = Vec::with_capacity(2 + self.fields.len());
            argv.extend([&b"HDEL"[..], &self.key]);
            argv.extend(self.fields.iter().map(|field| &field[..]));
            ctx.log_effect(&argv);
        }
        ctx.hash_written(&self.key, "hdel");
        ctx.count_elements(removed);
        if emptied {
            ctx.notify(notify::GENERIC, "del", &self.key);
        }
        Reply::Integer(removed as i64)
    }
}

/// `HLEN key`: the number of fields (0 for a missing key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HLen {
    pub(crate) key: Bytes,
}

impl HLen {
    /// `HLEN key`.
    ///
    /// ```
    /// use embedis::{cmd::HLen, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1", "b", "2"]).unwrap();
    /// assert_eq!(conn.run(HLen::new("h")).unwrap(), 2);
    /// ```
    pub fn new(key: impl IntoArg) -> HLen {
        HLen {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::HLen(HLen::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_hash(&self.key) {
            Ok(hash) => Reply::Integer(hash.map_or(0, |hash| hash.len() as i64)),
            Err(error) => error.into(),
        }
    }
}

/// `HSTRLEN key field`: the length of the field's value (0 if missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HStrLen {
    pub(crate) key: Bytes,
    field: Bytes,
}

impl HStrLen {
    /// `HSTRLEN key field`.
    ///
    /// ```
    /// use embedis::{cmd::HStrLen, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "f", "hello"]).unwrap();
    /// assert_eq!(conn.run(HStrLen::new("h", "f")).unwrap(), 5);
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg) -> HStrLen {
        HStrLen {
            key: key.into_arg(),
            field: field.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::HStrLen(HStrLen::new(key, args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_hash(&self.key) {
            Ok(hash) => Reply::Integer(
                hash.and_then(|hash| hash.get(&self.field))
                    .map_or(0, |value| value.len() as i64),
            ),
            Err(error) => error.into(),
        }
    }
}

/// `HEXISTS key field`: 1 if the field is there, else 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HExists {
    pub(crate) key: Bytes,
    field: Bytes,
}

impl HExists {
    /// `HEXISTS key field`.
    ///
    /// ```
    /// use embedis::{cmd::HExists, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "f", "v"]).unwrap();
    /// assert!(conn.run(HExists::new("h", "f")).unwrap());
    /// assert!(!conn.run(HExists::new("h", "g")).unwrap());
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg) -> HExists {
        HExists {
            key: key.into_arg(),
            field: field.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::HExists(HExists::new(key, args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.read_hash(&self.key) {
            Ok(hash) => Reply::Integer(i64::from(
                hash.is_some_and(|hash| hash.get(&self.field).is_some()),
            )),
            Err(error) => error.into(),
        }
    }
}

/// What HKEYS, HVALS and HGETALL show of each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Fields,
    Values,
    Both,
}

/// Reads the whole hash at `key` as HKEYS, HVALS or HGETALL do.
fn read_whole(ctx: &mut Ctx, key: &[u8], part: Part) -> Reply {
    let hash = match ctx.read_hash(key) {
        Ok(hash) => hash,
        Err(error) => return error.into(),
    };
    let pairs = hash.into_iter().flat_map(|hash| hash.iter());
    match part {
        Part::Fields => Reply::Array(pairs.map(|(field, _)| Reply::Bulk(field.clone())).collect()),
        Part::Values => Reply::Array(pairs.map(|(_, value)| Reply::Bulk(value.clone())).collect()),
        Part::Both => Reply::Map(
            pairs
                .map(|(field, value)| (Reply::Bulk(field.clone()), Reply::Bulk(value.clone())))
                .collect(),
        ),
    }
}

/// `HGETALL key`: every field and value, a map in RESP3 (a flat array in RESP2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HGetAll {
    pub(crate) key: Bytes,
}

impl HGetAll {
    /// `HGETALL key`.
    ///
    /// ```
    /// use embedis::{cmd::HGetAll, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1", "b", "2"]).unwrap();
    /// let pairs = conn.run(HGetAll::new("h")).unwrap();
    /// assert_eq!(pairs, vec![("a".into(), "1".into()), ("b".into(), "2".into())]);
    /// ```
    pub fn new(key: impl IntoArg) -> HGetAll {
        HGetAll {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::HGetAll(HGetAll::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        read_whole(ctx, &self.key, Part::Both)
    }
}

/// `HKEYS key`: every field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HKeys {
    pub(crate) key: Bytes,
}

impl HKeys {
    /// `HKEYS key`.
    ///
    /// ```
    /// use embedis::{cmd::HKeys, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1", "b", "2"]).unwrap();
    /// assert_eq!(conn.run(HKeys::new("h")).unwrap(), vec!["a", "b"]);
    /// ```
    pub fn new(key: impl IntoArg) -> HKeys {
        HKeys {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::HKeys(HKeys::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        read_whole(ctx, &self.key, Part::Fields)
    }
}

/// `HVALS key`: every value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HVals {
    pub(crate) key: Bytes,
}

impl HVals {
    /// `HVALS key`.
    ///
    /// ```
    /// use embedis::{cmd::HVals, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1", "b", "2"]).unwrap();
    /// assert_eq!(conn.run(HVals::new("h")).unwrap(), vec!["1", "2"]);
    /// ```
    pub fn new(key: impl IntoArg) -> HVals {
        HVals {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::HVals(HVals::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        read_whole(ctx, &self.key, Part::Values)
    }
}

/// `HINCRBY key field increment`: adds to the integer in the field (0 if missing).
/// Replies with the new value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HIncrBy {
    key: Bytes,
    field: Bytes,
    by: i64,
}

impl HIncrBy {
    /// `HINCRBY key field increment`.
    ///
    /// ```
    /// use embedis::{cmd::HIncrBy, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(HIncrBy::new("bucket", "tokens", 5)).unwrap(), 5);
    /// assert_eq!(conn.run(HIncrBy::new("bucket", "tokens", -2)).unwrap(), 3);
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg, by: i64) -> HIncrBy {
        HIncrBy {
            key: key.into_arg(),
            field: field.into_arg(),
            by,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let field = args.next_bytes()?;
        Ok(Command::HIncrBy(HIncrBy::new(key, field, args.next_i64()?)))
    }

    fn incremented(&self, ctx: &mut Ctx) -> Result<i64, Error> {
        let current = match ctx.hash(&self.key)?.and_then(|hash| hash.get(&self.field)) {
            None => 0,
            Some(text) => parse_i64(text).ok_or(Error::HashValueNotInteger)?,
        };
        current.checked_add(self.by).ok_or(Error::IncrOverflow)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Checked before the hash is created: a missing key never fails (0 + n fits), so
        // no empty hash is left behind.
        let new = match self.incremented(ctx) {
            Ok(new) => new,
            Err(error) => return error.into(),
        };
        let text = Bytes::copy_from_slice(signed_decimal(new, &mut [0; 20]));
        if let Err(error) = ctx.set_field(&self.key, self.field, text) {
            return error.into();
        }
        ctx.hash_written(&self.key, "hincrby");
        Reply::Integer(new)
    }
}

/// `HINCRBYFLOAT key field increment`: adds to the number in the field (0 if missing) in
/// 80-bit extended precision, as redis-server does with C's `long double`. Replies with the
/// new value as a bulk string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HIncrByFloat {
    key: Bytes,
    field: Bytes,
    increment: Bytes,
}

impl HIncrByFloat {
    /// `HINCRBYFLOAT key field increment`, the increment in Redis's float syntax.
    ///
    /// ```
    /// use embedis::{cmd::HIncrByFloat, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "price", "10.5"]).unwrap();
    /// assert_eq!(&conn.run(HIncrByFloat::new("h", "price", "0.1")).unwrap()[..], b"10.6");
    /// ```
    pub fn new(key: impl IntoArg, field: impl IntoArg, increment: impl IntoArg) -> HIncrByFloat {
        HIncrByFloat {
            key: key.into_arg(),
            field: field.into_arg(),
            increment: increment.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let field = args.next_bytes()?;
        Ok(HIncrByFloat::new(key, field, args.next_bytes()?).into())
    }

    fn incremented(&self, ctx: &mut Ctx) -> Result<Bytes, Error> {
        // Unlike INCRBYFLOAT, the increment is checked before the key.
        let increment = long_double::parse(&self.increment).ok_or(Error::NotFloat)?;
        if !increment.is_finite() {
            return Err(Error::NotFinite);
        }
        let current = match ctx.hash(&self.key)?.and_then(|hash| hash.get(&self.field)) {
            None => long_double::LongDouble::ZERO,
            Some(text) => long_double::parse(text).ok_or(Error::HashValueNotFloat)?,
        };
        let sum = long_double::add(current, increment);
        if !sum.is_finite() {
            return Err(Error::NanOrInfinity);
        }
        Ok(Bytes::from(sum.format_human()))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let text = match self.incremented(ctx) {
            Ok(text) => text,
            Err(error) => return error.into(),
        };
        if let Err(error) = ctx.set_field(&self.key, self.field, text.clone()) {
            return error.into();
        }
        ctx.hash_written(&self.key, "hincrbyfloat");
        Reply::Bulk(text)
    }
}

/// `HRANDFIELD key [count [WITHVALUES]]`: random fields. Without a count, one field (nil
/// for a missing key); a positive count gives distinct fields (the whole hash, in its
/// order, when the count reaches its size); a negative one may repeat fields and gives
/// exactly that many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HRandField {
    pub(crate) key: Bytes,
    count: Option<i64>,
    with_values: bool,
}

impl HRandField {
    /// `HRANDFIELD key`.
    ///
    /// ```
    /// use embedis::{cmd::HRandField, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "only", "1"]).unwrap();
    /// assert_eq!(conn.run(HRandField::new("h")).unwrap(), Reply::bulk("only"));
    /// ```
    pub fn new(key: impl IntoArg) -> HRandField {
        HRandField {
            key: key.into_arg(),
            count: None,
            with_values: false,
        }
    }

    /// `count`: how many fields (negative: with repetitions).
    ///
    /// ```
    /// use embedis::{cmd::HRandField, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1"]).unwrap();
    /// assert_eq!(conn.run(HRandField::new("h").count(-3)).unwrap(), Reply::Array(vec![Reply::bulk("a"); 3]));
    /// ```
    pub fn count(mut self, count: i64) -> HRandField {
        self.count = Some(count);
        self
    }

    /// `WITHVALUES` (implies a count of 1 unless one is given): each field with its value.
    ///
    /// ```
    /// use embedis::{cmd::HRandField, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1"]).unwrap();
    /// assert_eq!(
    ///     conn.run(HRandField::new("h").with_values()).unwrap(),
    ///     Reply::Array(vec![Reply::bulk("a"), Reply::bulk("1")])
    /// );
    /// ```
    pub fn with_values(mut self) -> HRandField {
        self.count.get_or_insert(1);
        self.with_values = true;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut command = HRandField::new(args.next_bytes()?);
        let Some(count) = args.next() else {
            return Ok(Command::HRandField(command));
        };
        // Checked in redis-server's order: the count's range, the option, then whether
        // the reply's length fits.
        let count = parse_i64(&count).ok_or(Error::NotInteger)?;
        if count == i64::MIN {
            return Err(Error::CountOutOfRange);
        }
        command.count = Some(count);
        if let Some(option) = args.next_keyword() {
            if !option.is("WITHVALUES") || !args.is_empty() {
                return Err(Error::Syntax);
            }
            if !(-(i64::MAX / 2)..=i64::MAX / 2).contains(&count) {
                return Err(Error::OutOfRange);
            }
            command.with_values = true;
        }
        Ok(Command::HRandField(command))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let protocol = ctx.session.protocol();
        let hash = match ctx.read_hash(&self.key) {
            Ok(hash) => hash,
            Err(error) => return error.into(),
        };
        let Some(count) = self.count else {
            return Reply::optional(
                hash.and_then(|hash| hash.at(random::below(hash.len())))
                    .map(|(field, _)| field.clone()),
            );
        };
        let Some(hash) = hash else {
            return Reply::Array(Vec::new());
        };
        let Some(positions) = random::picks(hash.len(), count) else {
            return Error::OutOfRange.into();
        };
        let mut out = Vec::with_capacity(positions.len() * (1 + usize::from(self.with_values)));
        for (field, value) in positions.into_iter().filter_map(|at| hash.at(at)) {
            let field = Reply::Bulk(field.clone());
            match (self.with_values, protocol) {
                (false, _) => out.push(field),
                (true, Protocol::Resp2) => out.extend([field, Reply::Bulk(value.clone())]),
                (true, Protocol::Resp3) => {
                    out.push(Reply::Array(vec![field, Reply::Bulk(value.clone())]))
                }
            }
        }
        Reply::Array(out)
    }
}

/// `HSCAN key cursor [MATCH pattern] [COUNT count]`: iterates fields and values in pages.
///
/// A small hash (Redis's listpack form) comes whole in one page with cursor 0, whatever the
/// cursor and COUNT, as on redis-server. A large one is paged in scan order, with Redis's
/// guarantee; its cursors differ from redis-server's (see README).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HScan {
    pub(crate) key: Bytes,
    scan: ScanArgs,
}

impl HScan {
    /// `HSCAN key cursor` with Redis's default COUNT of 10.
    ///
    /// ```
    /// use embedis::{cmd::HScan, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["HSET", "h", "a", "1", "b", "2"]).unwrap();
    /// let (cursor, flat) = conn.run(HScan::new("h", 0)).unwrap();
    /// assert_eq!((cursor, flat.len()), (0, 4));
    /// ```
    pub fn new(key: impl IntoArg, cursor: u64) -> HScan {
        HScan {
            key: key.into_arg(),
            scan: ScanArgs::new(cursor),
        }
    }

    /// `MATCH pattern`: only fields matching the glob.
    ///
    /// ```
    /// use embedis::cmd::{Command, HScan};
    /// assert_eq!(Command::from_argv(["HSCAN", "h", "0", "MATCH", "a*"]).unwrap(), HScan::new("h", 0).pattern("a*").into());
    /// ```
    pub fn pattern(mut self, pattern: impl IntoArg) -> HScan {
        self.scan.pattern(pattern);
        self
    }

    /// `COUNT count`: how many fields to look at per call (a large hash only).
    ///
    /// ```
    /// use embedis::cmd::{Command, HScan};
    /// assert_eq!(Command::from_argv(["HSCAN", "h", "0", "COUNT", "100"]).unwrap(), HScan::new("h", 0).count(100).into());
    /// ```
    pub fn count(mut self, count: usize) -> HScan {
        self.scan.count(count);
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let scan = ScanArgs::parse(args)?;
        Ok(HScan { key, scan }.into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let hash = match ctx.read_value_as_mut(&self.key, Value::hash_mut) {
            Ok(Some(hash)) => hash,
            Ok(None) => return ScanArgs::nothing(),
            Err(error) => return error.into(),
        };
        if let Some(refusal) = self.scan.refusal() {
            return refusal;
        }
        let compact = hash
            .is_compact()
            .then(|| hash.iter().map(|(field, _)| field.clone()).collect());
        let page = self
            .scan
            .select(compact, |cursor, count| hash.scan_page(cursor, count));
        self.scan
            .answer_pairs(page, |field| hash.get(field), Bytes::clone)
    }
}
