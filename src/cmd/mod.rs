//! Commands: parsing argv into a [`Command`], and each command's semantics.
//!
//! A command is parsed on the caller's thread into one [`Command`] value, either from argv
//! ([`Command::from_argv`]) or from a typed constructor such as [`Set::new`]; both give the
//! same value. The executor then applies it to the data it owns. Each command family has
//! its own file; each command is a struct with its Redis syntax in its doc comment, a
//! `parse` and an `apply`.
//!
//! Errors come in two kinds, as on redis-server. A command that is unknown or has the wrong
//! number of arguments is *rejected*: [`Command::from_argv`] returns the error, and inside
//! MULTI it makes EXEC fail with EXECABORT. Any other bad argument (a syntax error, a
//! number that does not parse) yields [`Command::Invalid`], which replies its error when it
//! runs — and so is `QUEUED` inside MULTI and fails in place at EXEC, as in Redis.

pub(crate) mod acl;
mod argv;
pub(crate) mod bitmap;
pub(crate) mod clients;
pub(crate) mod cluster;
mod collection_scan;
mod command_meta;
pub(crate) mod config;
pub(crate) mod connection;
pub(crate) mod context;
pub(crate) mod databases;
pub(crate) mod dump;
pub(crate) mod expire;
#[cfg(feature = "lua")]
pub(crate) mod function;
pub(crate) mod geo;
pub(crate) mod hash;
pub(crate) mod hyperloglog;
pub(crate) mod increx;
pub(crate) mod info;
pub(crate) mod introspect;
pub(crate) mod key_specs;
pub(crate) mod keys;
pub(crate) mod latency;
pub(crate) mod lcs;
pub(crate) mod list;
pub(crate) mod list_blocking;
pub(crate) mod memory;
pub(crate) mod module;
pub(crate) mod multi;
mod multi_key_pop;
pub(crate) mod object;
pub(crate) mod pubsub;
mod read_keys;
pub(crate) mod replication;
#[cfg(feature = "lua")]
pub(crate) mod script;
pub(crate) mod server;
pub(crate) mod set;
pub(crate) mod slowlog;
pub(crate) mod snapshot;
pub(crate) mod sort;
pub(crate) mod stream;
pub(crate) mod stream_group;
mod stream_log;
pub(crate) mod string;
pub(crate) mod string_range;
pub(crate) mod table;
pub(crate) mod throttle;
pub(crate) mod tracking;
pub(crate) mod zset;
pub(crate) mod zset_algebra;
pub(crate) mod zset_pop;

use bytes::Bytes;

pub use crate::store::bitmap::{BitOp, Overflow};
pub use crate::store::list::End;
pub use acl::Acl;
pub use bitmap::{BitCount, BitField, BitOpStore, BitPos, GetBit, SetBit};
pub use clients::{ClientKill, ClientList, ClientPause, ClientType, ClientUnblock};
pub use cluster::ClusterDisabled;
pub use config::Config;
pub use connection::{Auth, Client, Hello, Quit, ReplyMode, Reset};
pub use databases::{CopyKey, Move, SwapDb};
pub use dump::{Dump, Restore};
pub use expire::{Expire, Persist, Ttl};
#[cfg(feature = "lua")]
pub use function::{FCall, FunctionCommand, RestorePolicy};
pub use geo::{GeoAdd, GeoDist, GeoLookup, GeoSearch};
pub use hash::{
    HDel, HExists, HGet, HGetAll, HIncrBy, HIncrByFloat, HKeys, HLen, HMGet, HRandField, HScan,
    HSet, HSetNx, HStrLen, HVals,
};
pub use hyperloglog::{PfAdd, PfCount, PfDebug, PfMerge, PfSelfTest};
pub use increx::{Increx, IncrexReply};
pub use info::Info;
pub use introspect::Introspect;
pub use keys::{DbSize, Del, Exists, Flush, Keys, RandomKey, Rename, RenameNx, Scan, Type};
pub use latency::Latency;
pub use lcs::Lcs;
pub use list::{LInsert, LMPop, LMove, LPos, LRem, LSet, LTrim, ListRead, Pop, Push};
pub use list_blocking::{BlockingMove, BlockingPop};
pub use memory::Memory;
pub use module::Module;
pub use multi::{Discard, Exec, Multi, Unwatch, Watch};
pub use object::Object;
pub use pubsub::{PubSub, Publish, Subscribe, Unsubscribe};
pub use replication::{Failover, ReplicaOf};
#[cfg(feature = "lua")]
pub use script::{Eval, Script};
pub use server::{BgRewriteAof, Echo, Monitor, Ping, Role, Select, Shutdown, Time, Wait, WaitAof};
pub use set::{SAdd, SCombine, SMove, SRandom, SRead, SScan};
pub use slowlog::SlowLog;
pub use snapshot::{BgSave, LastSave, Save};
pub use sort::Sort;
pub use stream::{XAdd, XDel, XLen, XRange, XRead, XSetId, XTrim};
pub use stream_group::{
    NackMode, RefPolicy, XAck, XAckDel, XAutoClaim, XClaim, XDelEx, XGroup, XInfo, XNack, XPending,
    XReadGroup,
};
pub use string::{
    Append, Get, GetDel, GetEx, GetSet, IncrBy, IncrByFloat, MGet, MSet, MSetNx, Set, SetGet,
    StrLen,
};
pub use string_range::{GetRange, SetRange};
pub use throttle::{Throttle, ThrottleReply};
pub use tracking::ClientTracking;
pub use zset::{ZAdd, ZCount, ZIncrBy, ZLookup, ZPop, ZRandMember, ZRange, ZRem, ZRemRange, ZScan};
pub use zset_algebra::{Aggregate, ZCombine};
pub use zset_pop::ZMPop;

use self::argv::{Args, Argv};
use self::context::Ctx;
use self::table::CommandSpec;
use crate::reply::FromReply;
use crate::{Error, Reply};

/// One argument of a command line: text or bytes, borrowed or owned.
///
/// Owned buffers (`String`, `Vec<u8>`, `Bytes`) are moved without copying; borrowed ones
/// are copied once, as writing them to a socket would.
///
/// ```
/// use embedis::Engine;
/// let mut conn = Engine::new().connect();
/// let key = String::from("user:1");
/// let value = format!("{}", 42);
/// conn.call(["SET", key.as_str(), &value]).unwrap();
/// conn.call(vec![b"GET".to_vec(), key.into_bytes()]).unwrap();
/// ```
pub trait IntoArg {
    /// The argument as bytes.
    fn into_arg(self) -> Bytes;

    /// The argument's bytes if they can be read without converting it; `None` by default.
    /// embedis recognizes a command's name this way, without copying it.
    ///
    /// ```
    /// use embedis::cmd::IntoArg;
    /// assert_eq!("GET".peek(), Some(&b"GET"[..]));
    /// ```
    fn peek(&self) -> Option<&[u8]> {
        None
    }
}

impl IntoArg for Bytes {
    fn into_arg(self) -> Bytes {
        self
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self.as_ref())
    }
}

impl IntoArg for &Bytes {
    fn into_arg(self) -> Bytes {
        self.clone()
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self.as_ref())
    }
}

impl IntoArg for String {
    fn into_arg(self) -> Bytes {
        Bytes::from(self)
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl IntoArg for &String {
    fn into_arg(self) -> Bytes {
        Bytes::copy_from_slice(self.as_bytes())
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> Bytes {
        Bytes::copy_from_slice(self.as_bytes())
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self.as_bytes())
    }
}

impl IntoArg for Vec<u8> {
    fn into_arg(self) -> Bytes {
        Bytes::from(self)
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self)
    }
}

impl IntoArg for &Vec<u8> {
    fn into_arg(self) -> Bytes {
        Bytes::copy_from_slice(self)
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self)
    }
}

impl IntoArg for &[u8] {
    fn into_arg(self) -> Bytes {
        Bytes::copy_from_slice(self)
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(self)
    }
}

impl<const N: usize> IntoArg for &[u8; N] {
    fn into_arg(self) -> Bytes {
        Bytes::copy_from_slice(self)
    }

    fn peek(&self) -> Option<&[u8]> {
        Some(&self[..])
    }
}

/// One parsed command, ready for the executor.
///
/// The commands with many options (XADD, XREADGROUP, XAUTOCLAIM, ...) are boxed, so that a
/// `Command` stays under 100 bytes: every command is moved through a channel and several
/// calls on its way to the executor, and the common small ones should not pay for the
/// largest. Build them with `Command::from` or `.into()`.
///
/// ```
/// use embedis::cmd::{Command, Set};
/// let parsed = Command::from_argv(["set", "k", "v", "EX", "10"]).unwrap();
/// assert_eq!(parsed, Command::from(Set::new("k", "v").ex(10)));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is documented on its struct
pub enum Command {
    Get(Get),
    Set(Set),
    GetDel(GetDel),
    GetEx(Box<GetEx>),
    GetSet(GetSet),
    MGet(MGet),
    MSet(MSet),
    IncrBy(IncrBy),
    IncrByFloat(IncrByFloat),
    Increx(Box<Increx>),
    Throttle(Throttle),
    Append(Append),
    StrLen(StrLen),
    Del(Del),
    Exists(Exists),
    Type(Type),
    Rename(Rename),
    Move(Move),
    Copy(Box<CopyKey>),
    SwapDb(SwapDb),
    Keys(Keys),
    Scan(Scan),
    DbSize(DbSize),
    Flush(Flush),
    Expire(Expire),
    Ttl(Ttl),
    Persist(Persist),
    HSet(HSet),
    HSetNx(Box<HSetNx>),
    HGet(HGet),
    HMGet(HMGet),
    HDel(HDel),
    HLen(HLen),
    HStrLen(HStrLen),
    HExists(HExists),
    HGetAll(HGetAll),
    HKeys(HKeys),
    HVals(HVals),
    HIncrBy(HIncrBy),
    HIncrByFloat(Box<HIncrByFloat>),
    HRandField(HRandField),
    HScan(Box<HScan>),
    ZAdd(Box<ZAdd>),
    ZRem(ZRem),
    ZLookup(ZLookup),
    ZCount(Box<ZCount>),
    ZRange(Box<ZRange>),
    ZRemRange(Box<ZRemRange>),
    ZPop(ZPop),
    ZRandMember(ZRandMember),
    ZScan(Box<ZScan>),
    ZMPop(ZMPop),
    ZCombine(Box<ZCombine>),
    PfAdd(PfAdd),
    PfCount(PfCount),
    PfMerge(PfMerge),
    PfDebug(PfDebug),
    PfSelfTest(PfSelfTest),
    Sort(Box<Sort>),
    Object(Object),
    Auth(Auth),
    Acl(Acl),
    Wait(Wait),
    WaitAof(WaitAof),
    Info(Info),
    GeoAdd(Box<GeoAdd>),
    GeoDist(Box<GeoDist>),
    GeoLookup(GeoLookup),
    GeoSearch(Box<GeoSearch>),
    Lcs(Box<Lcs>),
    RandomKey(RandomKey),
    GetRange(GetRange),
    SetRange(SetRange),
    SetBit(SetBit),
    GetBit(GetBit),
    BitCount(BitCount),
    BitPos(BitPos),
    BitOpStore(BitOpStore),
    BitField(Box<BitField>),
    #[cfg(feature = "lua")]
    Eval(Box<Eval>),
    #[cfg(feature = "lua")]
    Script(Script),
    #[cfg(feature = "lua")]
    Function(FunctionCommand),
    #[cfg(feature = "lua")]
    FCall(Box<FCall>),
    Push(Push),
    Pop(Pop),
    ListRead(ListRead),
    LSet(Box<LSet>),
    LRem(LRem),
    LTrim(LTrim),
    LInsert(Box<LInsert>),
    LPos(Box<LPos>),
    LMove(LMove),
    LMPop(LMPop),
    BlockingPop(BlockingPop),
    BlockingMove(Box<BlockingMove>),
    SAdd(SAdd),
    SRead(SRead),
    SRandom(SRandom),
    SMove(Box<SMove>),
    SCombine(SCombine),
    SScan(Box<SScan>),
    Ping(Ping),
    Echo(Echo),
    Time(Time),
    Role(Role),
    Shutdown(Shutdown),
    ReplicaOf(ReplicaOf),
    Failover(Failover),
    Latency(Latency),
    Memory(Memory),
    Module(Module),
    Monitor(Monitor),
    LastSave(LastSave),
    Save(Save),
    SlowLog(SlowLog),
    BgSave(BgSave),
    BgRewriteAof(BgRewriteAof),
    Dump(Dump),
    Restore(Box<Restore>),
    ClusterDisabled(ClusterDisabled),
    Select(Select),
    Config(Config),
    Introspect(Introspect),
    Subscribe(Subscribe),
    Unsubscribe(Unsubscribe),
    Publish(Publish),
    PubSub(PubSub),
    XAdd(Box<XAdd>),
    XLen(XLen),
    XRange(XRange),
    XDel(Box<XDel>),
    XTrim(XTrim),
    XRead(XRead),
    XSetId(XSetId),
    XGroup(Box<XGroup>),
    XReadGroup(Box<XReadGroup>),
    XAck(XAck),
    XPending(Box<XPending>),
    XClaim(Box<XClaim>),
    XAutoClaim(Box<XAutoClaim>),
    XInfo(XInfo),
    XDelEx(XDelEx),
    XAckDel(Box<XAckDel>),
    XNack(Box<XNack>),
    Hello(Hello),
    Client(Client),
    Reset(Reset),
    Quit(Quit),
    Multi(Multi),
    Exec(Exec),
    Discard(Discard),
    Watch(Watch),
    Unwatch(Unwatch),
    /// EXEC with arguments: Redis does not queue this rejection like others but discards
    /// the transaction (and every watch) at once, replying this error
    /// ([`Error::ExecAbortBecause`]).
    ExecAbort(Error),
    /// A known command whose arguments Redis refuses when it runs (syntax errors, numbers
    /// that do not parse): it replies `error`. `name` is the command's full name.
    Invalid {
        /// The command's lower-case full name, as Redis names it in errors.
        name: &'static str,
        /// The error it replies.
        error: Error,
    },
}

impl Command {
    /// Parses a command line. Names are case-insensitive; arguments are binary-safe.
    /// `Err` is a rejection (unknown command, wrong arity); other bad arguments give
    /// [`Command::Invalid`].
    ///
    /// ```
    /// use embedis::cmd::Command;
    /// use embedis::Error;
    /// assert!(matches!(Command::from_argv(["GET", "k"]), Ok(Command::Get(_))));
    /// assert_eq!(
    ///     Command::from_argv(["GET"]).unwrap_err().to_string(),
    ///     "ERR wrong number of arguments for 'get' command"
    /// );
    /// assert_eq!(
    ///     Command::from_argv(["SET", "k", "v", "XX", "NX"]).unwrap(),
    ///     Command::Invalid { name: "set", error: Error::Syntax }
    /// );
    /// ```
    pub fn from_argv<I>(argv: I) -> Result<Command, Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Command::from_argv_keeping(argv, |_| false).0
    }

    /// [`Command::from_argv`], keeping the words as sent (the name in the caller's spelling)
    /// when `keep` says so for the command's table row (`None`: unknown), for MONITOR and
    /// SLOWLOG. Asked once the name is looked up, so a line not kept costs nothing more.
    pub(crate) fn from_argv_keeping<I>(
        argv: I,
        keep: impl FnOnce(Option<&'static CommandSpec>) -> bool,
    ) -> (Result<Command, Error>, Option<Box<[Bytes]>>)
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let mut items = argv.into_iter();
        let mut line = Argv::new();
        let mut found = None;
        let mut kept = false;
        if let Some(name) = items.next() {
            found = name.peek().and_then(table::find);
            kept = keep(found);
            line.push(match found {
                // A known command's name becomes the table's own spelling: no copy of it.
                Some(spec) if !spec.quotes_typed_name() && !kept => {
                    Bytes::from_static(spec.name.as_bytes())
                }
                _ => name.into_arg(),
            });
        }
        line.extend(items.map(IntoArg::into_arg));
        let words = kept.then(|| line.iter().cloned().collect());
        (Command::parse_line(&mut line, found), words)
    }

    /// Parses a command line received whole, as redis-rs sends it.
    #[cfg(feature = "redis-rs")]
    /// `found` is the row of its name if the caller looked it up already.
    pub(crate) fn from_vec(
        argv: Vec<Bytes>,
        found: Option<&'static CommandSpec>,
    ) -> Result<Command, Error> {
        Command::parse_line(&mut Argv::from_vec(argv), found)
    }

    /// Parses `argv`; `found` is the row of its name if the caller looked it up already.
    fn parse_line(argv: &mut Argv, found: Option<&'static CommandSpec>) -> Result<Command, Error> {
        let (spec, words) = match table::lookup(argv, found) {
            Ok(found) => found,
            // Redis's `rejectCommand` special-cases EXEC: it aborts the transaction now
            // instead of flagging it, naming the reason.
            Err(error @ Error::WrongArity { .. }) if argv[0].eq_ignore_ascii_case(b"exec") => {
                let text = error.to_string();
                let reason = text.strip_prefix("ERR ").unwrap_or(&text);
                return Ok(Command::ExecAbort(Error::ExecAbortBecause(
                    reason.to_string(),
                )));
            }
            Err(error) => return Err(error),
        };
        let Some(parse) = spec.parse else {
            return Err(Error::arity(spec.name));
        };
        let mut args = Args::new(argv, words);
        match parse(&mut args).and_then(|command| args.finish().map(|()| command)) {
            Ok(command) => Ok(command),
            // Refused before it runs, as redis-server's `processCommand` refuses it: in
            // MULTI it aborts the transaction.
            Err(error @ (Error::DebugNotAllowed | Error::ModuleNotAllowed)) => Err(error),
            // What the command itself would report when run (queued by MULTI).
            Err(error) => Ok(Command::Invalid {
                name: spec.name,
                error,
            }),
        }
    }

    /// Refused while MULTI queues, as redis-server refuses the commands it flags
    /// `no_multi` (COMMAND INFO's flag, `cmd/command_meta.rs`: SHUTDOWN among embedis's),
    /// before it reads their arguments.
    pub(crate) fn refused_in_multi(&self) -> bool {
        introspect::meta_named(self.name()).is_some_and(|meta| meta.has_flag("no_multi"))
    }

    /// Runs in the transaction and connection layer rather than being queued by MULTI.
    pub(crate) fn runs_inside_multi(&self) -> bool {
        matches!(
            self,
            Command::Multi(_)
                | Command::Exec(_)
                | Command::ExecAbort(_)
                | Command::Discard(_)
                | Command::Watch(_)
                | Command::Reset(_)
                | Command::Quit(_)
        )
    }

    /// Makes sense only on a connection, so refused inside `Engine::atomically`. SELECT
    /// is allowed, as in a Lua script: it switches the closure's database only.
    pub(crate) fn needs_connection(&self) -> bool {
        self.runs_inside_multi()
            || matches!(
                self,
                Command::Unwatch(_)
                    | Command::Hello(_)
                    | Command::Client(_)
                    | Command::BgRewriteAof(_)
                    | Command::Save(_)
                    | Command::BgSave(_)
                    | Command::Monitor(_)
                    | Command::Subscribe(_)
                    | Command::Unsubscribe(_)
                    | Command::Shutdown(_)
            )
    }

    /// Whether CLIENT PAUSE WRITE holds it: a write, or a command Redis flags
    /// `may-replicate` (it may change data or reach other clients).
    pub(crate) fn may_replicate(&self) -> bool {
        self.is_write()
            || matches!(
                self.name(),
                "eval" | "evalsha" | "fcall" | "publish" | "spublish" | "pfcount"
            )
    }

    /// Whether Redis flags it `write` (COMMAND INFO's flag, `cmd/command_meta.rs`): refused
    /// with `MISCONF` while the append-only file cannot be written, held by CLIENT PAUSE
    /// WRITE, refused in a read-only script. A command refused for its arguments
    /// (`Invalid`) has its command's flag, as Redis checks flags before arguments.
    pub(crate) fn is_write(&self) -> bool {
        introspect::meta_named(self.name()).is_some_and(|meta| meta.has_flag("write"))
    }

    /// Whether a RESP2 connection in subscribe mode may run it.
    pub(crate) fn allowed_while_subscribed(&self) -> bool {
        match self {
            Command::Subscribe(_)
            | Command::Unsubscribe(_)
            | Command::Ping(_)
            | Command::Quit(_)
            | Command::Reset(_) => true,
            // An allowed command with bad arguments runs, and reports its own error.
            Command::Invalid { name, .. } => matches!(
                *name,
                "subscribe"
                    | "psubscribe"
                    | "ssubscribe"
                    | "unsubscribe"
                    | "punsubscribe"
                    | "sunsubscribe"
                    | "ping"
                    | "quit"
                    | "reset"
            ),
            _ => false,
        }
    }

    /// Redis's lower-case full name, as errors print it. Commands that share a struct
    /// (SETNX and SET, INCR and INCRBY, ...) answer with the family's name.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Command::Get(_) => "get",
            Command::Set(c) => c.command_name(),
            Command::GetDel(_) => "getdel",
            Command::GetEx(_) => "getex",
            Command::GetSet(_) => "getset",
            Command::MGet(_) => "mget",
            Command::MSet(c) => c.name(),
            Command::IncrBy(c) => c.name(),
            Command::IncrByFloat(_) => "incrbyfloat",
            Command::Increx(_) => "increx",
            Command::Throttle(_) => "cl.throttle",
            Command::Append(_) => "append",
            Command::StrLen(_) => "strlen",
            Command::Del(c) => c.name(),
            Command::Exists(c) => c.name(),
            Command::Type(_) => "type",
            Command::Rename(c) => c.name(),
            Command::Move(_) => "move",
            Command::Copy(_) => "copy",
            Command::SwapDb(_) => "swapdb",
            Command::Keys(_) => "keys",
            Command::Scan(_) => "scan",
            Command::DbSize(_) => "dbsize",
            Command::Flush(c) => c.name(),
            Command::Expire(c) => c.name(),
            Command::Ttl(c) => c.name(),
            Command::Persist(_) => "persist",
            Command::HSet(c) => c.name(),
            Command::HSetNx(_) => "hsetnx",
            Command::HGet(_) => "hget",
            Command::HMGet(_) => "hmget",
            Command::HDel(_) => "hdel",
            Command::HLen(_) => "hlen",
            Command::HStrLen(_) => "hstrlen",
            Command::HExists(_) => "hexists",
            Command::HGetAll(_) => "hgetall",
            Command::HKeys(_) => "hkeys",
            Command::HVals(_) => "hvals",
            Command::HIncrBy(_) => "hincrby",
            Command::HIncrByFloat(_) => "hincrbyfloat",
            Command::HRandField(_) => "hrandfield",
            Command::HScan(_) => "hscan",
            Command::ZAdd(c) => {
                if c.is_zincrby() {
                    "zincrby"
                } else {
                    "zadd"
                }
            }
            Command::ZRem(_) => "zrem",
            Command::ZLookup(c) => c.name(),
            Command::ZCount(c) => c.name(),
            Command::ZRange(c) => c.name(),
            Command::ZRemRange(c) => c.name(),
            Command::ZPop(c) => c.name(),
            Command::ZRandMember(_) => "zrandmember",
            Command::ZScan(_) => "zscan",
            Command::ZMPop(c) => c.name(),
            Command::ZCombine(c) => c.name(),
            Command::PfAdd(_) => "pfadd",
            Command::PfCount(_) => "pfcount",
            Command::PfMerge(_) => "pfmerge",
            Command::PfDebug(_) => "pfdebug",
            Command::PfSelfTest(_) => "pfselftest",
            Command::Sort(c) => c.name(),
            Command::Object(c) => c.name(),
            Command::Auth(_) => "auth",
            Command::Acl(c) => c.name(),
            Command::Wait(_) => "wait",
            Command::WaitAof(_) => "waitaof",
            Command::Info(_) => "info",
            Command::GeoAdd(_) => "geoadd",
            Command::GeoDist(_) => "geodist",
            Command::GeoLookup(c) => c.name(),
            Command::GeoSearch(c) => c.name(),
            Command::Lcs(_) => "lcs",
            Command::RandomKey(_) => "randomkey",
            Command::GetRange(c) => c.name(),
            Command::SetRange(_) => "setrange",
            Command::SetBit(_) => "setbit",
            Command::GetBit(_) => "getbit",
            Command::BitCount(_) => "bitcount",
            Command::BitPos(_) => "bitpos",
            Command::BitOpStore(_) => "bitop",
            Command::BitField(c) => c.name(),
            #[cfg(feature = "lua")]
            Command::Eval(c) => c.name(),
            #[cfg(feature = "lua")]
            Command::Script(c) => c.name(),
            #[cfg(feature = "lua")]
            Command::Function(c) => c.name(),
            #[cfg(feature = "lua")]
            Command::FCall(c) => c.name(),
            Command::Push(c) => c.name(),
            Command::Pop(c) => c.name(),
            Command::ListRead(c) => c.name(),
            Command::LSet(_) => "lset",
            Command::LRem(_) => "lrem",
            Command::LTrim(_) => "ltrim",
            Command::LInsert(_) => "linsert",
            Command::LPos(_) => "lpos",
            Command::LMove(c) => c.name(),
            Command::LMPop(_) => "lmpop",
            Command::BlockingPop(c) => c.name(),
            Command::BlockingMove(c) => c.name(),
            Command::SAdd(c) => c.name(),
            Command::SRead(c) => c.name(),
            Command::SRandom(c) => c.name(),
            Command::SMove(_) => "smove",
            Command::SCombine(c) => c.name(),
            Command::SScan(_) => "sscan",
            Command::Ping(_) => "ping",
            Command::Echo(_) => "echo",
            Command::Time(_) => "time",
            Command::Role(_) => "role",
            Command::Shutdown(_) => "shutdown",
            Command::ReplicaOf(c) => c.name(),
            Command::Failover(_) => "failover",
            Command::Latency(c) => c.name(),
            Command::Memory(c) => c.name(),
            Command::Module(c) => c.name(),
            Command::Monitor(_) => "monitor",
            Command::LastSave(_) => "lastsave",
            Command::Save(_) => "save",
            Command::SlowLog(c) => c.name(),
            Command::BgSave(_) => "bgsave",
            Command::BgRewriteAof(_) => "bgrewriteaof",
            Command::Dump(_) => "dump",
            Command::Restore(_) => "restore",
            Command::ClusterDisabled(c) => c.name(),
            Command::Select(_) => "select",
            Command::Config(c) => c.name(),
            Command::Introspect(c) => c.name(),
            Command::Subscribe(c) => c.name(),
            Command::Unsubscribe(c) => c.name(),
            Command::Publish(c) => c.name(),
            Command::PubSub(c) => c.name(),
            Command::XAdd(_) => "xadd",
            Command::XLen(_) => "xlen",
            Command::XRange(c) => c.name(),
            Command::XDel(_) => "xdel",
            Command::XTrim(_) => "xtrim",
            Command::XRead(_) => "xread",
            Command::XSetId(_) => "xsetid",
            Command::XGroup(c) => c.name(),
            Command::XReadGroup(_) => "xreadgroup",
            Command::XAck(_) => "xack",
            Command::XPending(_) => "xpending",
            Command::XClaim(_) => "xclaim",
            Command::XAutoClaim(_) => "xautoclaim",
            Command::XInfo(c) => c.name(),
            Command::XDelEx(_) => "xdelex",
            Command::XAckDel(_) => "xackdel",
            Command::XNack(_) => "xnack",
            Command::Hello(_) => "hello",
            Command::Client(c) => c.name(),
            Command::Reset(_) => "reset",
            Command::Quit(_) => "quit",
            Command::Multi(_) => "multi",
            Command::Exec(_) | Command::ExecAbort(_) => "exec",
            Command::Discard(_) => "discard",
            Command::Watch(_) => "watch",
            Command::Unwatch(_) => "unwatch",
            Command::Invalid { name, .. } => name,
        }
    }

    /// Applies the command to the data; for a connection that tracks, remembers the keys
    /// a read named afterwards (see `exec/tracking.rs`), as redis-server's `call` does.
    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if ctx.tracking.is_idle() {
            return self.run(ctx);
        }
        self.run_tracked(ctx)
    }

    /// [`Command::apply`] while some connection tracks: the keys a read names are
    /// remembered once it has run. Out of line, so the common path keeps its small frame.
    #[cold]
    #[inline(never)]
    fn run_tracked(self, ctx: &mut Ctx) -> Reply {
        let read = self.keys_to_remember(ctx);
        let reply = self.run(ctx);
        if let Some(keys) = read {
            // Keys the read found expired are invalidated first, then remembered anew.
            ctx.settle_expired();
            ctx.tracking.remember(ctx.session.id, &keys);
        }
        reply
    }

    /// The command's own work: each family's `apply`. Always inlined, so the common path
    /// of [`Command::apply`] is this match in tail position, as it was before tracking.
    #[inline(always)]
    fn run(self, ctx: &mut Ctx) -> Reply {
        match self {
            Command::Get(c) => c.apply(ctx),
            Command::Set(c) => c.apply(ctx),
            Command::GetDel(c) => c.apply(ctx),
            Command::GetEx(c) => c.apply(ctx),
            Command::GetSet(c) => c.apply(ctx),
            Command::MGet(c) => c.apply(ctx),
            Command::MSet(c) => c.apply(ctx),
            Command::IncrBy(c) => c.apply(ctx),
            Command::IncrByFloat(c) => c.apply(ctx),
            Command::Increx(c) => c.apply(ctx),
            Command::Throttle(c) => c.apply(ctx),
            Command::Append(c) => c.apply(ctx),
            Command::StrLen(c) => c.apply(ctx),
            Command::Del(c) => c.apply(ctx),
            Command::Exists(c) => c.apply(ctx),
            Command::Type(c) => c.apply(ctx),
            Command::Rename(c) => c.apply(ctx),
            Command::Move(c) => c.apply(ctx),
            Command::Copy(c) => c.apply(ctx),
            Command::SwapDb(c) => c.apply(ctx),
            Command::Keys(c) => c.apply(ctx),
            Command::Scan(c) => c.apply(ctx),
            Command::DbSize(c) => c.apply(ctx),
            Command::Flush(c) => c.apply(ctx),
            Command::Expire(c) => c.apply(ctx),
            Command::Ttl(c) => c.apply(ctx),
            Command::Persist(c) => c.apply(ctx),
            Command::HSet(c) => c.apply(ctx),
            Command::HSetNx(c) => c.apply(ctx),
            Command::HGet(c) => c.apply(ctx),
            Command::HMGet(c) => c.apply(ctx),
            Command::HDel(c) => c.apply(ctx),
            Command::HLen(c) => c.apply(ctx),
            Command::HStrLen(c) => c.apply(ctx),
            Command::HExists(c) => c.apply(ctx),
            Command::HGetAll(c) => c.apply(ctx),
            Command::HKeys(c) => c.apply(ctx),
            Command::HVals(c) => c.apply(ctx),
            Command::HIncrBy(c) => c.apply(ctx),
            Command::HIncrByFloat(c) => c.apply(ctx),
            Command::HRandField(c) => c.apply(ctx),
            Command::HScan(c) => c.apply(ctx),
            Command::ZAdd(c) => c.apply(ctx),
            Command::ZRem(c) => c.apply(ctx),
            Command::ZLookup(c) => c.apply(ctx),
            Command::ZCount(c) => c.apply(ctx),
            Command::ZRange(c) => c.apply(ctx),
            Command::ZRemRange(c) => c.apply(ctx),
            Command::ZPop(c) => c.apply(ctx),
            Command::ZRandMember(c) => c.apply(ctx),
            Command::ZScan(c) => c.apply(ctx),
            Command::ZMPop(c) => c.apply(ctx),
            Command::ZCombine(c) => c.apply(ctx),
            Command::PfAdd(c) => c.apply(ctx),
            Command::PfCount(c) => c.apply(ctx),
            Command::PfMerge(c) => c.apply(ctx),
            Command::PfDebug(c) => c.apply(ctx),
            Command::PfSelfTest(c) => c.apply(ctx),
            Command::Sort(c) => c.apply(ctx),
            Command::Object(c) => c.apply(ctx),
            Command::Auth(c) => c.apply(ctx),
            Command::Acl(c) => c.apply(ctx),
            Command::Wait(c) => c.apply(ctx),
            Command::WaitAof(c) => c.apply(ctx),
            Command::Info(c) => c.apply(ctx),
            Command::GeoAdd(c) => c.apply(ctx),
            Command::GeoDist(c) => c.apply(ctx),
            Command::GeoLookup(c) => c.apply(ctx),
            Command::GeoSearch(c) => c.apply(ctx),
            Command::Lcs(c) => c.apply(ctx),
            Command::RandomKey(c) => c.apply(ctx),
            Command::GetRange(c) => c.apply(ctx),
            Command::SetRange(c) => c.apply(ctx),
            Command::SetBit(c) => c.apply(ctx),
            Command::GetBit(c) => c.apply(ctx),
            Command::BitCount(c) => c.apply(ctx),
            Command::BitPos(c) => c.apply(ctx),
            Command::BitOpStore(c) => c.apply(ctx),
            Command::BitField(c) => c.apply(ctx),
            #[cfg(feature = "lua")]
            Command::Eval(c) => c.apply(ctx),
            #[cfg(feature = "lua")]
            Command::Script(c) => c.apply(ctx),
            #[cfg(feature = "lua")]
            Command::Function(c) => c.apply(ctx),
            #[cfg(feature = "lua")]
            Command::FCall(c) => c.apply(ctx),
            Command::Push(c) => c.apply(ctx),
            Command::Pop(c) => c.apply(ctx),
            Command::ListRead(c) => c.apply(ctx),
            Command::LSet(c) => c.apply(ctx),
            Command::LRem(c) => c.apply(ctx),
            Command::LTrim(c) => c.apply(ctx),
            Command::LInsert(c) => c.apply(ctx),
            Command::LPos(c) => c.apply(ctx),
            Command::LMove(c) => c.apply(ctx),
            Command::LMPop(c) => c.apply(ctx),
            Command::BlockingPop(c) => c.apply(ctx),
            Command::BlockingMove(c) => c.apply(ctx),
            Command::SAdd(c) => c.apply(ctx),
            Command::SRead(c) => c.apply(ctx),
            Command::SRandom(c) => c.apply(ctx),
            Command::SMove(c) => c.apply(ctx),
            Command::SCombine(c) => c.apply(ctx),
            Command::SScan(c) => c.apply(ctx),
            Command::Ping(c) => c.apply(ctx),
            Command::Echo(c) => c.apply(ctx),
            Command::Time(c) => c.apply(ctx),
            Command::Role(c) => c.apply(ctx),
            Command::Shutdown(c) => c.apply(ctx),
            Command::ReplicaOf(c) => c.apply(ctx),
            Command::Failover(c) => c.apply(ctx),
            Command::Latency(c) => c.apply(ctx),
            Command::Memory(c) => c.apply(ctx),
            Command::Module(c) => c.apply(ctx),
            Command::Monitor(c) => c.apply(ctx),
            Command::LastSave(c) => c.apply(ctx),
            Command::Save(c) => c.apply(ctx),
            Command::SlowLog(c) => c.apply(ctx),
            Command::BgSave(c) => c.apply(ctx),
            Command::BgRewriteAof(c) => c.apply(ctx),
            Command::Dump(c) => c.apply(ctx),
            Command::Restore(c) => c.apply(ctx),
            Command::ClusterDisabled(c) => c.apply(ctx),
            Command::Select(c) => c.apply(ctx),
            Command::Config(c) => c.apply(ctx),
            Command::Introspect(c) => c.apply(),
            Command::Subscribe(c) => c.apply(ctx),
            Command::Unsubscribe(c) => c.apply(ctx),
            Command::Publish(c) => c.apply(ctx),
            Command::PubSub(c) => c.apply(ctx),
            Command::XAdd(c) => c.apply(ctx),
            Command::XLen(c) => c.apply(ctx),
            Command::XRange(c) => c.apply(ctx),
            Command::XDel(c) => c.apply(ctx),
            Command::XTrim(c) => c.apply(ctx),
            Command::XRead(c) => c.apply(ctx),
            Command::XSetId(c) => c.apply(ctx),
            Command::XGroup(c) => c.apply(ctx),
            Command::XReadGroup(c) => c.apply(ctx),
            Command::XAck(c) => c.apply(ctx),
            Command::XPending(c) => c.apply(ctx),
            Command::XClaim(c) => c.apply(ctx),
            Command::XAutoClaim(c) => c.apply(ctx),
            Command::XInfo(c) => c.apply(ctx),
            Command::XDelEx(c) => c.apply(ctx),
            Command::XAckDel(c) => c.apply(ctx),
            Command::XNack(c) => c.apply(ctx),
            Command::Hello(c) => c.apply(ctx),
            Command::Client(c) => c.apply(ctx),
            Command::Reset(c) => c.apply(ctx),
            Command::Quit(c) => c.apply(ctx),
            Command::Multi(c) => c.apply(ctx),
            Command::Exec(c) => c.apply(ctx),
            Command::Discard(c) => c.apply(ctx),
            Command::Watch(c) => c.apply(ctx),
            Command::Unwatch(c) => c.apply(ctx),
            Command::ExecAbort(error) => multi::abort_exec(ctx, error),
            Command::Invalid { error, .. } => Reply::Error(error),
        }
    }

    /// The keys to remember for the connection once this command has run: none if it does
    /// not track in default mode, for a parked read run again (it was remembered when it
    /// parked), or for OPTIN / OPTOUT's choice (see `exec/tracking.rs`).
    fn keys_to_remember(&self, ctx: &Ctx) -> Option<Vec<Bytes>> {
        if ctx.session.serving_blocked || !ctx.tracking.remembers_reads(ctx.session.id) {
            return None;
        }
        let mut keys = Vec::new();
        self.read_keys_into(&mut keys);
        (!keys.is_empty()).then_some(keys)
    }
}

/// A typed command: a struct that converts into a [`Command`] and knows the Rust type its
/// reply decodes into. [`Connection::run`](crate::Connection::run) uses it.
///
/// ```
/// use embedis::cmd::{Get, TypedCommand};
/// fn output_of<C: TypedCommand>(_: &C) -> &'static str { std::any::type_name::<C::Output>() }
/// assert!(output_of(&Get::new("k")).contains("Option"));
/// ```
pub trait TypedCommand: Into<Command> {
    /// What the reply decodes into.
    type Output: FromReply;
}

macro_rules! typed {
    ($($ty:ident => $variant:ident : $out:ty),* $(,)?) => {$(
        impl From<$ty> for Command {
            fn from(command: $ty) -> Command {
                // `into`: the large variants are boxed, the rest stored as they are.
                Command::$variant(command.into())
            }
        }
        impl TypedCommand for $ty {
            type Output = $out;
        }
    )*};
}

typed! {
    Get => Get: Option<Bytes>,
    Set => Set: bool,
    GetDel => GetDel: Option<Bytes>,
    GetEx => GetEx: Option<Bytes>,
    GetSet => GetSet: Option<Bytes>,
    MGet => MGet: Vec<Option<Bytes>>,
    MSet => MSet: (),
    IncrBy => IncrBy: i64,
    IncrByFloat => IncrByFloat: Bytes,
    Increx => Increx: IncrexReply,
    Throttle => Throttle: ThrottleReply,
    Append => Append: i64,
    StrLen => StrLen: i64,
    Del => Del: i64,
    Exists => Exists: i64,
    Type => Type: String,
    Rename => Rename: (),
    Move => Move: bool,
    CopyKey => Copy: bool,
    SwapDb => SwapDb: (),
    Keys => Keys: Vec<Bytes>,
    Scan => Scan: (u64, Vec<Bytes>),
    DbSize => DbSize: i64,
    Flush => Flush: (),
    Expire => Expire: bool,
    Ttl => Ttl: crate::TtlReply,
    Persist => Persist: bool,
    HSet => HSet: i64,
    HSetNx => HSetNx: bool,
    HGet => HGet: Option<Bytes>,
    HMGet => HMGet: Vec<Option<Bytes>>,
    HDel => HDel: i64,
    HLen => HLen: i64,
    HStrLen => HStrLen: i64,
    HExists => HExists: bool,
    HGetAll => HGetAll: Vec<(Bytes, Bytes)>,
    HKeys => HKeys: Vec<Bytes>,
    HVals => HVals: Vec<Bytes>,
    HIncrBy => HIncrBy: i64,
    HIncrByFloat => HIncrByFloat: Bytes,
    HRandField => HRandField: Reply,
    HScan => HScan: (u64, Vec<Bytes>),
    ZAdd => ZAdd: i64,
    ZRem => ZRem: i64,
    ZLookup => ZLookup: Reply,
    ZCount => ZCount: i64,
    ZRange => ZRange: Reply,
    ZRemRange => ZRemRange: i64,
    ZPop => ZPop: Reply,
    ZRandMember => ZRandMember: Reply,
    ZScan => ZScan: (u64, Vec<Bytes>),
    ZMPop => ZMPop: Reply,
    ZCombine => ZCombine: Reply,
    PfAdd => PfAdd: bool,
    PfCount => PfCount: i64,
    PfMerge => PfMerge: (),
    PfDebug => PfDebug: Reply,
    PfSelfTest => PfSelfTest: (),
    Sort => Sort: Reply,
    Object => Object: Reply,
    Auth => Auth: (),
    Acl => Acl: Reply,
    Wait => Wait: i64,
    WaitAof => WaitAof: Reply,
    Info => Info: Reply,
    GeoAdd => GeoAdd: Reply,
    GeoDist => GeoDist: Reply,
    GeoLookup => GeoLookup: Reply,
    GeoSearch => GeoSearch: Reply,
    Lcs => Lcs: Reply,
    RandomKey => RandomKey: Option<Bytes>,
    GetRange => GetRange: Bytes,
    SetRange => SetRange: i64,
    SetBit => SetBit: i64,
    GetBit => GetBit: i64,
    BitCount => BitCount: i64,
    BitPos => BitPos: i64,
    BitOpStore => BitOpStore: i64,
    BitField => BitField: Reply,
    Push => Push: i64,
    Pop => Pop: Reply,
    ListRead => ListRead: Reply,
    LSet => LSet: (),
    LRem => LRem: i64,
    LTrim => LTrim: (),
    LInsert => LInsert: i64,
    LPos => LPos: Reply,
    LMove => LMove: Option<Bytes>,
    LMPop => LMPop: Reply,
    BlockingPop => BlockingPop: Reply,
    BlockingMove => BlockingMove: Reply,
    SAdd => SAdd: i64,
    SRead => SRead: Reply,
    SRandom => SRandom: Reply,
    SMove => SMove: bool,
    SCombine => SCombine: Reply,
    SScan => SScan: (u64, Vec<Bytes>),
    Ping => Ping: Reply,
    Echo => Echo: Bytes,
    Time => Time: Vec<Bytes>,
    Role => Role: Reply,
    Shutdown => Shutdown: (),
    ReplicaOf => ReplicaOf: (),
    Failover => Failover: (),
    Latency => Latency: Reply,
    Memory => Memory: Reply,
    Module => Module: Reply,
    Monitor => Monitor: Reply,
    LastSave => LastSave: i64,
    Save => Save: (),
    SlowLog => SlowLog: Reply,
    BgSave => BgSave: String,
    BgRewriteAof => BgRewriteAof: String,
    Dump => Dump: Option<Bytes>,
    Restore => Restore: Reply,
    Select => Select: (),
    Config => Config: Reply,
    Introspect => Introspect: Reply,
    Subscribe => Subscribe: Reply,
    Unsubscribe => Unsubscribe: Reply,
    Publish => Publish: i64,
    PubSub => PubSub: Reply,
    XAdd => XAdd: Option<crate::StreamId>,
    XLen => XLen: i64,
    XRange => XRange: Vec<crate::StreamEntry>,
    XDel => XDel: i64,
    XTrim => XTrim: i64,
    XRead => XRead: Vec<(Bytes, Vec<crate::StreamEntry>)>,
    XSetId => XSetId: (),
    XGroup => XGroup: Reply,
    XReadGroup => XReadGroup: Vec<(Bytes, Vec<crate::StreamEntry>)>,
    XAck => XAck: i64,
    XPending => XPending: Reply,
    XClaim => XClaim: Reply,
    XAutoClaim => XAutoClaim: Reply,
    XInfo => XInfo: Reply,
    XDelEx => XDelEx: Vec<i64>,
    XAckDel => XAckDel: Vec<i64>,
    XNack => XNack: i64,
    Hello => Hello: Reply,
    Client => Client: Reply,
    Reset => Reset: Reply,
    Quit => Quit: (),
    Multi => Multi: (),
    Exec => Exec: Reply,
    Discard => Discard: (),
    Watch => Watch: Reply,
    Unwatch => Unwatch: (),
}

#[cfg(feature = "lua")]
typed! {
    Eval => Eval: Reply,
    Script => Script: Reply,
    FunctionCommand => Function: Reply,
    FCall => FCall: Reply,
}

macro_rules! typed_wrapper {
    ($($ty:ident => $variant:ident : $out:ty),* $(,)?) => {$(
        impl From<$ty> for Command {
            fn from(command: $ty) -> Command {
                Command::$variant(command.0.into())
            }
        }
        impl TypedCommand for $ty {
            type Output = $out;
        }
    )*};
}

typed_wrapper! {
    SetGet => Set: Option<Bytes>,
    MSetNx => MSet: bool,
    RenameNx => Rename: bool,
    ZIncrBy => ZAdd: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipeline's commands are written on the caller's core and read on the executor's,
    /// so every byte of a `Command` crosses between caches: a variant larger than those
    /// of SET and XRANGE (two `Bytes` and their options) belongs in a `Box`.
    #[test]
    fn a_command_stays_within_one_and_a_half_cache_lines() {
        assert!(std::mem::size_of::<Command>() <= 96);
        assert!(std::mem::size_of::<Result<Command, Error>>() <= 96);
    }
}
