//! Server commands: PING, ECHO, TIME, SELECT (DBSIZE and the flushes live with the keys).

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::databases::DATABASES;
use crate::store::number::parse_i64;
use crate::{Error, Fsync, Protocol, Reply};

/// `PING [message]`: `PONG`, or the message as a bulk string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ping {
    message: Option<Bytes>,
}

impl Ping {
    /// `PING`.
    ///
    /// ```
    /// use embedis::{cmd::Ping, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Ping::new()).unwrap(), Reply::status("PONG"));
    /// ```
    pub fn new() -> Ping {
        Ping { message: None }
    }

    /// `PING message`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Ping};
    /// assert_eq!(Command::from_argv(["PING", "hi"]).unwrap(), Ping::with_message("hi").into());
    /// ```
    pub fn with_message(message: impl IntoArg) -> Ping {
        Ping {
            message: Some(message.into_arg()),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        if args.remaining() > 1 {
            return Err(Error::arity("ping"));
        }
        let message = args.rest().pop();
        Ok(Command::Ping(Ping { message }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if ctx.session.subscribed() && ctx.session.protocol() == Protocol::Resp2 {
            // A RESP2 subscriber can only read arrays: redis-server answers `pong` and the
            // message (empty by default) as one.
            return Reply::Array(vec![
                Reply::bulk("pong"),
                Reply::Bulk(self.message.unwrap_or_default()),
            ]);
        }
        match self.message {
            Some(message) => Reply::Bulk(message),
            None => Reply::status("PONG"),
        }
    }
}

/// `ECHO message`: the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Echo {
    message: Bytes,
}

impl Echo {
    /// `ECHO message`.
    ///
    /// ```
    /// use embedis::{cmd::Echo, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(&conn.run(Echo::new("hi")).unwrap()[..], b"hi");
    /// ```
    pub fn new(message: impl IntoArg) -> Echo {
        Echo {
            message: message.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Echo(Echo::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        Reply::Bulk(self.message)
    }
}

/// `TIME`: the engine clock as `[unix seconds, microseconds]`, both bulk strings.
///
/// ```
/// use embedis::cmd::{Command, Time};
/// assert_eq!(Command::from_argv(["TIME"]).unwrap(), Time.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Time;

impl Time {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Time(Time))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        Reply::Array(vec![
            Reply::Bulk(Bytes::from((ctx.now_us() / 1_000_000).to_string())),
            Reply::Bulk(Bytes::from((ctx.now_us() % 1_000_000).to_string())),
        ])
    }
}

/// `ROLE`: an embedded engine is a master without replicas, `[master, 0, []]`.
///
/// ```
/// use embedis::cmd::{Command, Role};
/// use embedis::Reply;
/// assert_eq!(Command::from_argv(["ROLE"]).unwrap(), Role.into());
/// let mut conn = embedis::Engine::new().connect();
/// assert_eq!(
///     conn.run(Role).unwrap(),
///     Reply::Array(vec![Reply::Bulk("master".into()), Reply::Integer(0), Reply::Array(vec![])])
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Role;

impl Role {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Role(Role))
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        Reply::Array(vec![
            Reply::Bulk(Bytes::from_static(b"master")),
            Reply::Integer(0),
            Reply::Array(Vec::new()),
        ])
    }
}

/// `BGREWRITEAOF`: compacts the append-only file now, as
/// [`Engine::rewrite_append_only`](crate::Engine::rewrite_append_only) does: the dataset is
/// written as a minimal command stream on another thread, then replaces the file. An engine
/// without a file refuses it ([`Error::NoAppendOnlyFile`]); redis-server writes one anyway.
///
/// ```
/// use embedis::{cmd::BgRewriteAof, Engine, Error, Fsync, Reply};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-bgrewriteaof-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let engine = Engine::builder()
///     .append_only(dir.join("appendonly.aof"), Fsync::Always)
///     .try_build()
///     .unwrap();
/// let mut conn = engine.connect();
/// assert_eq!(
///     conn.call(["BGREWRITEAOF"]).unwrap(),
///     Reply::status("Background append only file rewriting started")
/// );
/// assert_eq!(Engine::new().connect().run(BgRewriteAof), Err(Error::NoAppendOnlyFile));
/// # drop(conn); drop(engine); std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BgRewriteAof;

impl BgRewriteAof {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::BgRewriteAof(BgRewriteAof))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let Some(log) = ctx.log.as_deref_mut() else {
            return Reply::Error(Error::NoAppendOnlyFile);
        };
        if log.rewriting {
            return Reply::Error(Error::RewriteInProgress);
        }
        log.rewriting = true;
        ctx.session
            .client_actions
            .push(crate::exec::clients::ClientAction::RewriteAppendOnly);
        Reply::status("Background append only file rewriting started")
    }
}

/// `SELECT index`: the connection's commands work on database `index` from now on (0 to
/// 15; a new connection starts in database 0). Each database has its own keys; pub/sub is
/// shared, as on redis-server.
///
/// ```
/// use embedis::Reply;
/// let mut conn = embedis::Engine::new().connect();
/// conn.call(["SET", "k", "in 0"]).unwrap();
/// assert_eq!(conn.call(["SELECT", "1"]).unwrap(), Reply::OK);
/// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::Nil);
/// assert!(conn.call(["SELECT", "16"]).unwrap().is_error());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    index: i64,
}

impl Select {
    /// Selects database `index`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Select};
    /// assert_eq!(Command::from_argv(["SELECT", "3"]).unwrap(), Select::new(3).into());
    /// ```
    pub fn new(index: i64) -> Select {
        Select { index }
    }

    /// Redis reads the index as a C `int`: not an integer and outside 32 bits are two
    /// different errors.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let index = parse_i64(&args.next_bytes()?).ok_or(Error::InvalidDbIndex)?;
        if i32::try_from(index).is_err() {
            return Err(Error::IntOutOfRange);
        }
        Ok(Command::Select(Select { index }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match usize::try_from(self.index) {
            Ok(index) if index < DATABASES => {
                ctx.select(index);
                Reply::OK
            }
            _ => Error::DbIndexOutOfRange.into(),
        }
    }
}

/// `WAIT numreplicas timeout`: how many replicas acknowledged the connection's writes. An
/// embedded engine has none, so it replies 0 at once (redis-server without replicas also
/// replies 0, after waiting out the timeout when asked for replicas).
///
/// ```
/// use embedis::{cmd::Wait, Engine};
/// let mut conn = Engine::new().connect();
/// assert_eq!(conn.run(Wait::new(1, 100)).unwrap(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wait;

impl Wait {
    /// `WAIT numreplicas timeout` (milliseconds).
    pub fn new(_numreplicas: i64, _timeout_ms: u64) -> Wait {
        Wait
    }

    /// numreplicas is checked first, then the timeout, as in Redis.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
        super::stream::parse_block(&args.next_bytes()?)?;
        Ok(Command::Wait(Wait))
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        Reply::Integer(0)
    }
}

/// `WAITAOF numlocal numreplicas timeout` (Redis 7.2): the reply `[local, replicas]` comes
/// once every write before it is on the disk (`local` 1), or says it is not (`local` 0).
///
/// - Under [`Fsync::Always`](crate::Fsync::Always) every reply already waits for its
///   batch's fsync: `[1, 0]`.
/// - Under [`Fsync::EverySec`](crate::Fsync::EverySec) the command's batch is written and
///   fsynced before its replies are released, instead of waiting for the next second's
///   fsync as redis-server does: `[1, 0]`, sooner.
/// - Under [`Fsync::No`](crate::Fsync::No) nothing is ever fsynced: `[0, 0]` at once,
///   where redis-server gives the same after waiting out the timeout (or forever).
/// - An embedded engine has no replicas: `replicas` is 0, at once (as WAIT answers).
///
/// Without an append-only file, `numlocal` 1 is refused, as redis-server refuses it.
///
/// ```
/// use embedis::{cmd::WaitAof, Engine, Fsync, Reply};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-waitaof-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let engine = Engine::builder()
///     .append_only(dir.join("appendonly.aof"), Fsync::EverySec)
///     .try_build()
///     .unwrap();
/// let mut conn = engine.connect();
/// conn.call(["SET", "k", "v"]).unwrap();
/// let synced = conn.run(WaitAof::new(true, 0, 1000)).unwrap();
/// assert_eq!(synced, Reply::Array(vec![Reply::Integer(1), Reply::Integer(0)]));
/// assert!(Engine::new().connect().run(WaitAof::new(true, 0, 0)).is_err());
/// # drop(conn); drop(engine); std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitAof {
    local: bool,
}

impl WaitAof {
    /// `WAITAOF numlocal numreplicas timeout`: `local` asks for the local fsync.
    pub fn new(local: bool, _numreplicas: u64, _timeout_ms: u64) -> WaitAof {
        WaitAof { local }
    }

    /// numlocal (0 or 1), numreplicas (not negative), then the timeout, as redis-server
    /// reads them.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let local = match parse_i64(&args.next_bytes()?) {
            None => return Err(Error::NotInteger),
            Some(0) => false,
            Some(1) => true,
            Some(_) => return Err(Error::NumLocalRange),
        };
        match parse_i64(&args.next_bytes()?) {
            Some(replicas) if replicas >= 0 => {}
            _ => return Err(Error::MustBePositive),
        }
        super::stream::parse_block(&args.next_bytes()?)?;
        Ok(Command::WaitAof(WaitAof { local }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let local = match ctx.log.as_deref_mut() {
            None if self.local => return Error::WaitAofWithoutAppendOnly.into(),
            None => 0,
            Some(log) => match log.status.fsync {
                Fsync::Always => 1,
                Fsync::EverySec => {
                    log.sync_requested = true;
                    1
                }
                Fsync::No => 0,
            },
        };
        Reply::Array(vec![Reply::Integer(local), Reply::Integer(0)])
    }
}

/// `MONITOR`: from now on the connection receives, as a simple string, a line for every
/// command the engine runs (see `exec/monitor.rs` for what is shown and when). A monitoring
/// connection may still PING, SUBSCRIBE or RESET (which ends monitoring), but not touch the
/// keyspace; a second MONITOR is ignored without a reply, as redis-server ignores it.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use embedis::{Engine, ManualClock, Reply};
/// let clock = ManualClock::new();
/// clock.set(UNIX_EPOCH + Duration::from_micros(1_700_000_000_000_042));
/// let engine = Engine::builder().clock(clock).build();
/// let mut monitor = engine.connect();
/// assert_eq!(monitor.call(["MONITOR"]).unwrap(), Reply::OK);
/// let mut conn = engine.connect();
/// conn.call(["SET", "k", "v"]).unwrap();
/// let Reply::Status(line) = monitor.recv().unwrap() else { panic!("a line") };
/// assert!(line.starts_with("1700000000.000042 [0 127.0.0.1:"), "{line}");
/// assert!(line.ends_with(r#"] "SET" "k" "v""#), "{line}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Monitor;

impl Monitor {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Monitor(Monitor))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if ctx.session.in_exec() {
            return Error::MonitorInTransaction.into();
        }
        let conn = ctx.session.id;
        if ctx.monitor.includes(conn) {
            ctx.session.replies.decide(false);
        } else {
            ctx.monitor.add(conn);
        }
        Reply::OK
    }
}

/// `SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]`: stops the engine, as redis-server
/// exits. The caller gets no reply, every connection and subscriber is closed (later calls
/// fail with [`Error::Closed`](crate::Error::Closed)), and the append-only file, if any, is
/// written and synced first: a test can simulate the server going away. SAVE writes the
/// snapshot file first, if the engine has one
/// ([`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file)); if that fails,
/// the engine keeps running and the caller gets redis-server's error, unless FORCE says to
/// stop anyway. Without SAVE or NOSAVE the snapshot is written if `save` points are set
/// ([`EngineBuilder::save_point`](crate::EngineBuilder::save_point), `CONFIG SET save`), as
/// on redis-server; NOSAVE never writes it. ABORT finds no shutdown waiting. Refused inside
/// MULTI and scripts, as on redis-server.
///
/// ```
/// use embedis::{cmd::Shutdown, Engine, Error};
/// let engine = Engine::new();
/// let mut conn = engine.connect();
/// let mut other = engine.connect();
/// assert_eq!(conn.run(Shutdown::abort()).unwrap_err().to_string(), "ERR No shutdown in progress.");
/// assert_eq!(conn.run(Shutdown::new()).unwrap_err(), Error::Closed);
/// assert_eq!(other.call(["PING"]).unwrap_err(), Error::Closed);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shutdown {
    abort: bool,
    save: bool,
    nosave: bool,
    force: bool,
}

impl Shutdown {
    /// `SHUTDOWN`: stop the engine.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let mut conn = engine.connect();
    /// assert!(conn.run(embedis::cmd::Shutdown::new()).is_err()); // closed, no reply
    /// ```
    pub fn new() -> Shutdown {
        Shutdown::default()
    }

    /// `SHUTDOWN ABORT`: cancel a shutdown that waits (there never is one).
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// assert!(conn.run(embedis::cmd::Shutdown::abort()).is_err());
    /// assert_eq!(conn.call(["PING"]).unwrap(), embedis::Reply::status("PONG"));
    /// ```
    pub fn abort() -> Shutdown {
        Shutdown {
            abort: true,
            ..Shutdown::default()
        }
    }

    /// `SHUTDOWN SAVE`: write the snapshot file first.
    ///
    /// ```
    /// use embedis::{cmd::Shutdown, Engine, Reply};
    /// let dir = std::env::temp_dir().join(format!("embedis-doc-shutdown-save-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let engine = Engine::builder().snapshot_file(dir.join("dump.rdb")).build();
    /// let mut conn = engine.connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// assert!(conn.run(Shutdown::new().save()).is_err()); // closed, no reply
    /// let engine = Engine::builder().snapshot_file(dir.join("dump.rdb")).build();
    /// assert_eq!(engine.connect().call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    /// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn save(mut self) -> Shutdown {
        self.save = true;
        self
    }

    /// Flags in any order and repeated; ABORT alone; not both SAVE and NOSAVE. Words are
    /// compared as C strings (up to a NUL byte), as redis-server compares them.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let (mut save, mut nosave, mut other, mut abort) = (false, false, false, false);
        let mut force = false;
        for word in args.rest() {
            let word = crate::store::c_string::c_string(&word);
            let is = |expected: &[u8]| word.eq_ignore_ascii_case(expected);
            if is(b"nosave") {
                nosave = true;
            } else if is(b"save") {
                save = true;
            } else if is(b"now") {
                other = true;
            } else if is(b"force") {
                (other, force) = (true, true);
            } else if is(b"abort") {
                abort = true;
            } else {
                return Err(Error::Syntax);
            }
        }
        if (abort && (save || nosave || other)) || (save && nosave) {
            return Err(Error::Syntax);
        }
        Ok(Command::Shutdown(Shutdown {
            abort,
            save,
            nosave,
            force,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.abort {
            return Error::NoShutdownInProgress.into();
        }
        let save = self.save || (ctx.saves.is_active() && !self.nosave);
        // A background save still writing is finished first, then replaced.
        if save && ctx.snapshots.is_some() && super::snapshot::save_now(ctx).is_err() && !self.force
        {
            return Error::ShutdownFailed.into();
        }
        // The engine's own shutdown must not save again (or save after NOSAVE).
        ctx.saves.shutdown_decided();
        ctx.session.shutting_down = true;
        Reply::OK
    }
}
