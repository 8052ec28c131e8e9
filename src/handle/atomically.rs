//! The view of the data inside [`Engine::atomically`](crate::Engine::atomically).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use crate::cmd::IntoArg;

use crate::cmd::context::Ctx;
use crate::cmd::{Command, Del, Expire, Get, IncrBy, Set, TypedCommand};
use crate::reply::FromReply;
use crate::store::keyspace::Keyspace;
use crate::{Error, Reply};

/// Exclusive access to the data for the duration of one `atomically` closure.
///
/// Every command runs with Redis's semantics, as `redis.call` does in a Lua script, and the
/// whole closure sees one instant of the engine clock (Redis 7 freezes time in a script the
/// same way). Commands that only make sense on a connection (MULTI, WATCH, HELLO, CLIENT,
/// ...) are refused with Redis's script error. A closure starts in database 0; SELECT
/// switches the database for the rest of that closure only, as in a script.
///
/// ```
/// use embedis::{cmd::Select, Engine, Reply};
/// let engine = Engine::new();
/// let value = engine.atomically(|db| {
///     db.set("k", "1")?;
///     db.incr_by("k", 41)
/// }).unwrap().unwrap();
/// assert_eq!(value, 42);
///
/// engine.atomically(|db| {
///     db.run(Select::new(2))?;
///     db.set("k", "in database 2")
/// }).unwrap().unwrap();
/// let mut conn = engine.connect();
/// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("42"));
/// conn.call(["SELECT", "2"]).unwrap();
/// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("in database 2"));
/// ```
pub struct Db<'a> {
    ctx: Ctx<'a>,
}

impl<'a> Db<'a> {
    pub(crate) fn new(ctx: Ctx<'a>) -> Db<'a> {
        Db { ctx }
    }

    /// Every database, read-only, in index order (the export's snapshot).
    pub(crate) fn databases(&self) -> impl Iterator<Item = &Keyspace> {
        self.ctx.databases.all(self.ctx.db)
    }

    /// The dataset as an RDB file ([`Engine::snapshot`](crate::Engine::snapshot)).
    pub(crate) fn rdb(&self) -> Vec<u8> {
        crate::cmd::snapshot::rdb_of(&self.ctx)
    }

    /// The closure's instant in milliseconds, the unit of key deadlines.
    pub(crate) fn now_ms(&self) -> u64 {
        self.ctx.now_ms()
    }

    fn apply(&mut self, command: Command) -> Reply {
        if command.needs_connection() {
            return Reply::Error(Error::NotAllowedInAtomically);
        }
        command.apply(&mut self.ctx)
    }

    /// Runs a command line; Redis errors come back as [`Reply::Error`].
    ///
    /// ```
    /// use embedis::{Engine, Reply};
    /// let engine = Engine::new();
    /// let reply = engine.atomically(|db| db.call(["SET", "k", "v", "NX"])).unwrap();
    /// assert_eq!(reply, Reply::OK);
    /// ```
    pub fn call<I>(&mut self, argv: I) -> Reply
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        match Command::from_argv(argv) {
            Ok(command) => self.apply(command),
            Err(rejection) => Reply::Error(rejection),
        }
    }

    /// Runs a typed command and decodes its reply.
    ///
    /// ```
    /// use embedis::{cmd::Exists, Engine};
    /// let engine = Engine::new();
    /// let n = engine.atomically(|db| db.run(Exists::new(["a", "b"]))).unwrap().unwrap();
    /// assert_eq!(n, 0);
    /// ```
    pub fn run<C: TypedCommand>(&mut self, command: C) -> Result<C::Output, Error> {
        C::Output::from_reply(self.apply(command.into()))
    }

    /// The instant this closure runs at, on the engine clock.
    ///
    /// ```
    /// use embedis::{Engine, ManualClock};
    /// let clock = ManualClock::new();
    /// let engine = Engine::builder().clock(clock.clone()).build();
    /// assert_eq!(engine.atomically(|db| db.now()).unwrap(), clock.now());
    /// ```
    pub fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_micros(self.ctx.now_us())
    }

    /// `GET key`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// let v = engine.atomically(|db| db.get("nope")).unwrap().unwrap();
    /// assert_eq!(v, None);
    /// ```
    pub fn get(&mut self, key: impl IntoArg) -> Result<Option<Bytes>, Error> {
        self.run(Get::new(key))
    }

    /// `SET key value`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// engine.atomically(|db| db.set("k", "v")).unwrap().unwrap();
    /// ```
    pub fn set(&mut self, key: impl IntoArg, value: impl IntoArg) -> Result<(), Error> {
        self.run(Set::new(key, value)).map(|_| ())
    }

    /// `SET key value PX ttl`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// engine.atomically(|db| db.set_with_ttl("k", "v", Duration::from_secs(5))).unwrap().unwrap();
    /// ```
    pub fn set_with_ttl(
        &mut self,
        key: impl IntoArg,
        value: impl IntoArg,
        ttl: Duration,
    ) -> Result<(), Error> {
        let millis = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
        self.run(Set::new(key, value).px(millis)).map(|_| ())
    }

    /// `INCRBY key delta`: the new value.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// assert_eq!(engine.atomically(|db| db.incr_by("n", 3)).unwrap().unwrap(), 3);
    /// ```
    pub fn incr_by(&mut self, key: impl IntoArg, delta: i64) -> Result<i64, Error> {
        self.run(IncrBy::new(key, delta))
    }

    /// `DEL key`: whether it existed.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// assert!(!engine.atomically(|db| db.del("nope")).unwrap().unwrap());
    /// ```
    pub fn del(&mut self, key: impl IntoArg) -> Result<bool, Error> {
        self.run(Del::new([key])).map(|n| n > 0)
    }

    /// `PEXPIRE key ttl`: whether the key exists (and so got the deadline).
    ///
    /// ```
    /// # use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// assert!(!engine.atomically(|db| db.expire("nope", Duration::from_secs(1))).unwrap().unwrap());
    /// ```
    pub fn expire(&mut self, key: impl IntoArg, ttl: Duration) -> Result<bool, Error> {
        let millis = i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX);
        self.run(Expire::millis(key, millis))
    }
}
