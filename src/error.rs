//! One error type for everything embedis can answer with.
//!
//! Most variants are errors redis-server itself sends: their [`Display`](std::fmt::Display)
//! text is Redis's reply text byte for byte (the part after the `-` in RESP), so a test that
//! compares embedis with a real server compares these strings. A few variants are failures of
//! the in-process handle that Redis never sends over a socket ([`Error::Closed`],
//! [`Error::WouldDeadlock`], [`Error::Panicked`]); [`Error::is_server_error`] tells the two apart.

use std::fmt;

use crate::store::c_string::c_string;

/// Everything that can go wrong, with Redis's exact error text as its `Display`.
///
/// ```
/// use embedis::Error;
/// assert_eq!(
///     Error::WrongType.to_string(),
///     "WRONGTYPE Operation against a key holding the wrong kind of value"
/// );
/// assert_eq!(Error::WrongType.code(), "WRONGTYPE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The command name is not in the command table.
    UnknownCommand {
        /// The name as the caller spelled it.
        name: String,
        /// Redis's preview of the first arguments, already quoted (`'a' 'b' `).
        args_preview: String,
    },
    /// A container command (CLIENT, CONFIG, ...) was given a subcommand it does not have.
    UnknownSubcommand {
        /// The subcommand as the caller spelled it.
        subcommand: String,
        /// The container command, upper-cased as Redis prints it.
        command: String,
    },
    /// The argument count does not fit the command's arity.
    WrongArity {
        /// Redis's lower-case full name (`get`, `client|setname`).
        command: String,
    },
    /// Options that do not parse or do not combine.
    Syntax,
    /// The key holds a value of another type.
    WrongType,
    /// An argument or stored value is not a 64-bit signed integer.
    NotInteger,
    /// An argument or stored value is not a valid float.
    NotFloat,
    /// INCRBY/DECRBY and friends would leave the `i64` range.
    IncrOverflow,
    /// `DECRBY key -9223372036854775808`: the negation itself overflows.
    DecrOverflow,
    /// INCRBYFLOAT would produce NaN or an infinity.
    NanOrInfinity,
    /// HINCRBYFLOAT's increment is NaN or an infinity.
    NotFinite,
    /// HINCRBY on a field whose value is not a 64-bit signed integer.
    HashValueNotInteger,
    /// HINCRBYFLOAT on a field whose value is not a float.
    HashValueNotFloat,
    /// A count outside what Redis accepts (HRANDFIELD's, ±(2⁶³ − 1)).
    CountOutOfRange,
    /// A count whose reply would not fit (HRANDFIELD ... WITHVALUES beyond ±2⁶²).
    OutOfRange,
    /// An expire time that is not positive or overflows, for the named command.
    InvalidExpireTime {
        /// Lower-case command name as Redis prints it (`set`, `expire`, `getex`).
        command: &'static str,
    },
    /// APPEND would grow a string past 512 MiB (Redis's `proto-max-bulk-len`).
    StringTooLong,
    /// HELLO with a protocol version that is not a number.
    ProtocolVersionNotInteger,
    /// HELLO with an option it does not know.
    HelloOption(String),
    /// HELLO AUTH with a user other than `default`.
    WrongPass,
    /// RENAME of a key that does not exist.
    NoSuchKey,
    /// EXPIRE family: an option it does not know.
    UnsupportedOption(String),
    /// EXPIRE family: NX combined with XX, GT or LT.
    ExpireNxConflict,
    /// EXPIRE family: GT combined with LT.
    ExpireGtLtConflict,
    /// SCAN with a cursor that is not an unsigned number.
    InvalidCursor,
    /// HELLO with a protocol version other than 2 or 3.
    NoProto,
    /// CLIENT SETNAME with a space, newline or other special character.
    InvalidClientName,
    /// CLIENT LIST ID with an id that is not an integer.
    InvalidClientId,
    /// CLIENT KILL ID with an id that is not a positive integer.
    ClientIdNotPositive,
    /// CLIENT LIST TYPE or CLIENT KILL TYPE with an unknown kind of client.
    UnknownClientType(String),
    /// CLIENT KILL addr (the old form) matched no connection.
    NoSuchClient,
    /// CLIENT KILL USER naming a user that does not exist (embedis has `default` only).
    NoSuchUser(String),
    /// CLIENT UNBLOCK with a reason other than TIMEOUT or ERROR.
    UnblockReason,
    /// A blocked read answered by another connection's `CLIENT UNBLOCK id ERROR`.
    UnblockedByClient,
    /// DEBUG, which redis-server 7.0 refuses unless `enable-debug-command` allows it.
    DebugNotAllowed,
    /// MODULE LOAD, LOADEX and UNLOAD, which redis-server 7.0 refuses unless
    /// `enable-module-command` allows them (embedis links no modules).
    ModuleNotAllowed,
    /// CONFIG REWRITE: there is no configuration file to rewrite.
    NoConfigFile,
    /// REPLICAOF with a port that is not an integer in 0..=65535.
    InvalidMasterPort,
    /// REPLICAOF host port: an embedded engine does not replicate another server.
    CannotReplicate,
    /// FAILOVER on a master with no replica connected.
    FailoverNeedsReplicas,
    /// FAILOVER ABORT with no failover running.
    NoFailoverInProgress,
    /// FAILOVER TIMEOUT below 1.
    FailoverTimeout,
    /// LATENCY GRAPH of an event with no samples (every event, in embedis), as Redis
    /// prints the event's name.
    LatencyNoSamples(String),
    /// SHUTDOWN inside MULTI (redis-server's `no_multi` commands).
    NotAllowedInMulti,
    /// SHUTDOWN ABORT with no shutdown waiting.
    NoShutdownInProgress,
    /// ACL CAT of a category that does not exist (as typed).
    UnknownAclCategory(String),
    /// ACL DRYRUN for a user that does not exist (embedis has `default` only).
    NoSuchAclUser(String),
    /// ACL DRYRUN of a command line that names no command.
    AclCommandNotFound(String),
    /// ACL GENPASS with a size outside 1..=4096 bits.
    GenPassBits,
    /// ACL DELUSER naming `default`.
    DefaultUserUndeletable,
    /// ACL SAVE or LOAD: there is no ACL file.
    NoAclFile,
    /// ACL SETUSER with a rule that would change the default user or create another:
    /// embedis has one user with every permission.
    AclUsersUnsupported,
    /// A cluster command: an embedded engine has no cluster support.
    ClusterDisabled,
    /// CLIENT PAUSE with a mode other than WRITE or ALL.
    PauseMode,
    /// SELECT of a database outside 0..=15.
    DbIndexOutOfRange,
    /// SELECT with an index that is not an integer.
    InvalidDbIndex,
    /// An argument Redis reads as a C `int` (SELECT's index) is an integer outside the
    /// 32-bit range.
    IntOutOfRange,
    /// SWAPDB whose first index is not a 32-bit integer.
    InvalidFirstDbIndex,
    /// SWAPDB whose second index is not a 32-bit integer.
    InvalidSecondDbIndex,
    /// MOVE to the database it is in, or COPY of a key onto itself.
    SameObject,
    /// MULTI inside MULTI.
    NestedMulti,
    /// EXEC without MULTI.
    ExecWithoutMulti,
    /// DISCARD without MULTI.
    DiscardWithoutMulti,
    /// WATCH inside MULTI.
    WatchInsideMulti,
    /// EXEC after a command was rejected while queueing.
    ExecAbort,
    /// EXEC itself was rejected (wrong number of arguments): Redis then discards the
    /// transaction and names the reason, which is the rejection's text without `ERR `.
    ExecAbortBecause(String),
    /// A command that makes no sense inside [`Engine::atomically`](crate::Engine::atomically)
    /// (transactions, connection state), as Redis refuses it inside a script.
    NotAllowedInAtomically,
    /// INCREX: the increment type does not match the options or the value.
    Increx(&'static str),
    /// CL.THROTTLE (redis-cell): not 4 or 5 arguments after the name. Holds the command's
    /// lower-case name.
    CellUsage(&'static str),
    /// CL.THROTTLE (redis-cell): a number argument Rust's `i64` parser refuses. Holds the
    /// argument as Redis prints it.
    CellNotInteger(String),
    /// CL.THROTTLE (redis-cell): `count` or `period` is 0, or the emission interval
    /// truncates to 0 ns.
    CellZeroRate,
    /// CL.THROTTLE (redis-cell): the bucket key holds something that is not an integer.
    /// Holds Rust's parse error text (`invalid digit found in string`, ...).
    CellBadValue(String),
    /// CL.THROTTLE (redis-cell): the bucket key holds `-1`, redis-cell's missing-key
    /// sentinel, so its set-if-not-exists never succeeds.
    CellUpdateFailed,
    /// CL.THROTTLE: embedis's own refusal of what redis-cell computes with wrapping or
    /// nonsensical arithmetic: a negative `max_burst`, `quantity` or rate, a limit above
    /// 2³² − 1, or a bucket span or period beyond 64-bit nanoseconds.
    CellOutOfRange,
    /// A RESP2 connection in subscribe mode ran a command other than (P|S)SUBSCRIBE,
    /// (P|S)UNSUBSCRIBE, PING, QUIT or RESET.
    SubscribeContext {
        /// Redis's lower-case full name of the refused command.
        command: String,
    },
    /// A container command's subcommand got arguments it does not take
    /// (`PUBSUB CHANNELS a b`).
    SubcommandSyntax {
        /// The subcommand as the caller spelled it.
        subcommand: String,
        /// The container command, upper-cased as Redis prints it.
        command: String,
    },
    /// CONFIG SET of a parameter embedis does not have (or an odd argument count).
    ConfigUnknownOption(String),
    /// CONFIG SET of a known parameter with a value it refuses.
    ConfigSetFailed {
        /// The parameter.
        argument: String,
        /// Redis's reason text.
        reason: String,
    },
    /// A stream command's `ERR` reply (the text after `ERR `).
    Stream(StreamError),
    /// A sorted-set command's `ERR` reply (the text after `ERR `).
    SortedSet(SortedSetError),
    /// A list command's `ERR` reply (the text after `ERR `).
    List(ListError),
    /// A bit command's (SETBIT, BITPOS, BITOP, BITFIELD, SETRANGE) `ERR` reply.
    Bitmap(BitmapError),
    /// A GEO command's argument error.
    Geo(GeoError),
    /// A HyperLogLog command's error (PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST).
    HyperLogLog(HyperLogLogError),
    /// A CLIENT TRACKING or CLIENT CACHING error (client-side caching).
    Tracking(TrackingError),
    /// COMMAND GETKEYS or GETKEYSANDFLAGS could not read keys from the line it was given.
    GetKeys(GetKeysError),
    /// An error a Lua script raised or returned, or EVAL's own (`NOSCRIPT`, a compile
    /// error): the whole error line after `-`, code included, as the script made it.
    Script(String),
    /// An OBJECT subcommand's refusal (the text after `ERR `).
    Object(&'static str),
    /// AUTH with a password only, while the default user has none (no `requirepass`).
    AuthWithoutPassword,
    /// A monitoring connection sent a command that reads, writes or may reach other
    /// clients: redis-server treats a monitor as a replica, which may not.
    MonitorKeyspace,
    /// MONITOR inside a transaction (its connection must answer every command).
    MonitorInTransaction,
    /// SORT met a weight that is not a number (or overflows).
    SortScore,
    /// LCS of a key that holds another type than a string.
    LcsNotStrings,
    /// LCS with both LEN and IDX.
    LcsLenAndIdx,
    /// LCS of strings whose table would pass `proto-max-bulk-len` (512 MiB).
    LcsTooMuchMemory,
    /// LCS could not allocate its table.
    LcsAllocation,
    /// SINTERCARD (and LMPOP-like commands): `numkeys` is more than the arguments given.
    NumKeysBeyondArgs,
    /// SINTERCARD's LIMIT is negative or not a number.
    LimitNegative,
    /// ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD: `numkeys` below 1. Holds
    /// the command's name, which Redis quotes.
    NoInputKeys(&'static str),
    /// A count read by Redis's `getPositiveLongFromObjectOrReply` (LPOP's, ZPOPMIN's) is
    /// negative or not a number.
    MustBePositive,
    /// WAITAOF's `numlocal` is neither 0 nor 1.
    NumLocalRange,
    /// WAITAOF asked for a local fsync on an engine without an append-only file.
    WaitAofWithoutAppendOnly,
    /// A consumer group (or its key) does not exist: `NOGROUP ...`, worded per command.
    NoGroup(String),
    /// XGROUP CREATE of a group that exists.
    BusyGroup,
    /// SSUBSCRIBE queued in MULTI (Redis 7.0 refuses it there, unlike SUBSCRIBE).
    SsubscribeDenyBlocking,
    /// A blocked XREADGROUP whose stream was deleted (or replaced by another type).
    Unblocked,
    /// XCLAIM got an option it does not know.
    UnrecognizedXclaimOption(String),
    /// The engine has shut down; the handle can no longer reach it. Never sent by Redis.
    Closed,
    /// The connection was subscribed and left more messages unread than its buffer
    /// allows, so it was closed, as redis-server closes a client over its
    /// `client-output-buffer-limit pubsub`. Never sent by Redis (it closes the socket).
    OutputBufferOverflow,
    /// A blocking call made on the executor thread itself (from inside an `atomically`
    /// closure), which would wait for itself forever. Never sent by Redis.
    WouldDeadlock,
    /// User code run on the executor panicked; the engine goes on serving. Never sent by Redis.
    Panicked(String),
    /// A reply did not have the shape the typed API expected. Never sent by Redis.
    UnexpectedReply(String),
    /// The batch this reply belongs to could not be written to the append-only file: the
    /// write happened in memory but is not durable. Redis's wording (and code, `MISCONF`).
    AppendOnlyWrite(String),
    /// [`Engine::rewrite_append_only`](crate::Engine::rewrite_append_only) on an engine built
    /// without an append-only file: there is nothing to compact. Never sent by Redis (its
    /// BGREWRITEAOF writes a file either way).
    NoAppendOnlyFile,
    /// The connection waited for the reply to its command, but CLIENT REPLY OFF or SKIP
    /// silenced it: none will come. Never sent by Redis (it sends nothing).
    NoReply,
    /// BGREWRITEAOF while a compaction is under way.
    RewriteInProgress,
    /// SAVE or BGSAVE on an engine built without
    /// [`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file): there is no file
    /// to write. Never sent by Redis (it always has a `dir` and `dbfilename`).
    NoSnapshotFile,
    /// SAVE or BGSAVE while a BGSAVE is still writing.
    BgSaveInProgress,
    /// BGSAVE (without SCHEDULE) while the append-only file is being compacted.
    BgSaveChildActive,
    /// SAVE or BGSAVE could not write the snapshot file; the cause follows. (redis-server
    /// replies a bare `ERR` and logs the cause.)
    SnapshotWrite(String),
    /// `SHUTDOWN SAVE` could not write the snapshot file, so the engine keeps running.
    ShutdownFailed,
    /// SLOWLOG GET with a count below -1 or not a number.
    SlowLogCount,
    /// RESTORE onto a key that exists, without REPLACE.
    BusyKey,
    /// A DUMP payload whose footer is wrong (its RDB version or checksum).
    DumpPayload,
    /// A DUMP payload whose value does not decode.
    BadDataFormat,
    /// A RESTORE option out of its range: `Invalid {0}` (`TTL value, must be >= 0`).
    InvalidRestoreOption(&'static str),
}

/// The `ERR` texts of stream commands, each exactly as redis-server 7.0 words it.
///
/// ```
/// use embedis::{Error, StreamError};
/// assert_eq!(
///     Error::Stream(StreamError::InvalidId).to_string(),
///     "ERR Invalid stream ID specified as stream command argument"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is its message
pub enum StreamError {
    InvalidId,
    XaddIdZero,
    XaddIdTooSmall,
    Exhausted,
    LimitWithoutApprox,
    MaxLenAndMinId,
    MaxLenNegative,
    LimitNegative,
    InvalidStartId,
    InvalidEndId,
    UnbalancedXread,
    UnbalancedXreadgroup,
    GreaterOnlyInGroup,
    GroupOnlyInXreadgroup,
    TimeoutNegative,
    TimeoutNotInteger,
    XsetidTooSmall,
    XsetidEntriesAdded,
    XsetidMaxDeleted,
    XgroupNeedsKey,
    XgroupBadId,
    EntriesReadNegative,
    MissingGroup,
    NegativeIdle,
    InvalidMinIdle,
    InvalidCount,
    InvalidRetryCount,
    InvalidTime,
    DollarInXreadgroup,
    InvalidMinIdleAutoclaim,
    EntriesAddedNegative,
    XsetidBelowMaxDeleted,
    ElementsTooLarge,
    LimitWithoutStrategy,
    XtrimWithoutStrategy,
    NoackOnlyInXreadgroup,
    NumIdsNotPositive,
    NumIdsMismatch,
    NackMode,
    NackNumIds,
    NackNumIdsMismatch,
    NackRetryNegative,
}

impl StreamError {
    /// The message after `ERR `.
    pub fn message(self) -> &'static str {
        match self {
            StreamError::InvalidId => "Invalid stream ID specified as stream command argument",
            StreamError::XaddIdZero => "The ID specified in XADD must be greater than 0-0",
            StreamError::XaddIdTooSmall => {
                "The ID specified in XADD is equal or smaller than the target stream top item"
            }
            StreamError::Exhausted => {
                "The stream has exhausted the last possible ID, unable to add more items"
            }
            StreamError::LimitWithoutApprox => {
                "syntax error, LIMIT cannot be used without the special ~ option"
            }
            StreamError::MaxLenAndMinId => {
                "syntax error, MAXLEN and MINID options at the same time are not compatible"
            }
            StreamError::MaxLenNegative => "The MAXLEN argument must be >= 0.",
            StreamError::LimitNegative => "The LIMIT argument must be >= 0.",
            StreamError::InvalidStartId => "invalid start ID for the interval",
            StreamError::InvalidEndId => "invalid end ID for the interval",
            StreamError::UnbalancedXread => "Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
            StreamError::UnbalancedXreadgroup => "Unbalanced XREADGROUP list of streams: for each stream key an ID or '>' must be specified.",
            StreamError::GreaterOnlyInGroup => "The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.",
            StreamError::GroupOnlyInXreadgroup => {
                "The GROUP option is only supported by XREADGROUP. You called XREAD instead."
            }
            StreamError::TimeoutNegative => "timeout is negative",
            StreamError::TimeoutNotInteger => "timeout is not an integer or out of range",
            StreamError::XsetidTooSmall => {
                "The ID specified in XSETID is smaller than the target stream top item"
            }
            StreamError::XsetidEntriesAdded => {
                "The entries_added specified in XSETID is smaller than the target stream length"
            }
            StreamError::XsetidMaxDeleted => {
                "The ID specified in XSETID is smaller than the provided max_deleted_entry_id"
            }
            StreamError::XgroupNeedsKey => "The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.",
            StreamError::XgroupBadId => "Invalid stream ID specified as stream command argument",
            StreamError::EntriesReadNegative => "value for ENTRIESREAD must be positive or -1",
            StreamError::MissingGroup => "Missing GROUP option for XREADGROUP",
            StreamError::NegativeIdle => "Invalid IDLE option argument for XCLAIM",
            StreamError::InvalidMinIdle => "Invalid min-idle-time argument for XCLAIM",
            StreamError::InvalidCount => "COUNT must be > 0",
            StreamError::InvalidRetryCount => "Invalid RETRYCOUNT option argument for XCLAIM",
            StreamError::InvalidTime => "Invalid TIME option argument for XCLAIM",
            StreamError::DollarInXreadgroup => "The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.",
            StreamError::InvalidMinIdleAutoclaim => "Invalid min-idle-time argument for XAUTOCLAIM",
            StreamError::EntriesAddedNegative => "entries_added must be positive",
            StreamError::ElementsTooLarge => "Elements are too large to be stored",
            StreamError::LimitWithoutStrategy => {
                "syntax error, LIMIT cannot be used without specifying a trimming strategy"
            }
            StreamError::XtrimWithoutStrategy => {
                "syntax error, XTRIM must be called with a trimming strategy"
            }
            StreamError::NackMode => "mode must be SILENT, FAIL, or FATAL",
            StreamError::NackNumIds => "numids must be a positive integer",
            StreamError::NackNumIdsMismatch => "number of IDs doesn't match numids",
            StreamError::NackRetryNegative => "Invalid RETRYCOUNT value, must be >= 0",
            StreamError::NumIdsNotPositive => "Number of IDs must be a positive integer",
            StreamError::NumIdsMismatch => {
                "The `numids` parameter must match the number of arguments"
            }
            StreamError::NoackOnlyInXreadgroup => {
                "The NOACK option is only supported by XREADGROUP. You called XREAD instead."
            }
            StreamError::XsetidBelowMaxDeleted => {
                "The ID specified in XSETID is smaller than current max_deleted_entry_id"
            }
        }
    }
}

/// The `ERR` texts of sorted-set commands, each exactly as redis-server 7.0 words it.
///
/// ```
/// use embedis::{Error, SortedSetError};
/// assert_eq!(
///     Error::SortedSet(SortedSetError::MinMaxNotFloat).to_string(),
///     "ERR min or max is not a float"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is its message
pub enum SortedSetError {
    MinMaxNotFloat,
    MinMaxNotLex,
    LimitNeedsByscoreOrBylex,
    WithscoresWithBylex,
    XxAndNx,
    GtLtNx,
    IncrSinglePair,
    ResultIsNan,
    WeightNotFloat,
}

impl SortedSetError {
    /// The message after `ERR `.
    pub fn message(self) -> &'static str {
        match self {
            SortedSetError::MinMaxNotFloat => "min or max is not a float",
            SortedSetError::MinMaxNotLex => "min or max not valid string range item",
            SortedSetError::LimitNeedsByscoreOrBylex => {
                "syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX"
            }
            SortedSetError::WithscoresWithBylex => {
                "syntax error, WITHSCORES not supported in combination with BYLEX"
            }
            SortedSetError::XxAndNx => "XX and NX options at the same time are not compatible",
            SortedSetError::GtLtNx => {
                "GT, LT, and/or NX options at the same time are not compatible"
            }
            SortedSetError::IncrSinglePair => {
                "INCR option supports a single increment-element pair"
            }
            SortedSetError::ResultIsNan => "resulting score is not a number (NaN)",
            SortedSetError::WeightNotFloat => "weight value is not a float",
        }
    }
}

/// The `ERR` texts of list commands, each exactly as redis-server 7.0 words it.
///
/// ```
/// use embedis::{Error, ListError};
/// assert_eq!(Error::List(ListError::IndexOutOfRange).to_string(), "ERR index out of range");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is its message
pub enum ListError {
    IndexOutOfRange,
    RankZero,
    CountNegative,
    MaxLenNegative,
    NumKeysNotPositive,
    CountNotPositive,
    TimeoutNotFloat,
    TimeoutNegative,
}

impl ListError {
    /// The message after `ERR `.
    pub fn message(self) -> &'static str {
        match self {
            ListError::IndexOutOfRange => "index out of range",
            ListError::RankZero => "RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
            ListError::CountNegative => "COUNT can't be negative",
            ListError::MaxLenNegative => "MAXLEN can't be negative",
            ListError::NumKeysNotPositive => "numkeys should be greater than 0",
            ListError::CountNotPositive => "count should be greater than 0",
            ListError::TimeoutNotFloat => "timeout is not a float or out of range",
            ListError::TimeoutNegative => "timeout is negative",
        }
    }
}

/// Why COMMAND GETKEYS (or GETKEYSANDFLAGS) found no keys to report, with Redis's text.
///
/// ```
/// use embedis::{Error, GetKeysError};
/// assert_eq!(
///     Error::GetKeys(GetKeysError::NoKeyArguments).to_string(),
///     "ERR The command has no key arguments"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum GetKeysError {
    /// The line names no command (or no subcommand) embedis knows.
    InvalidCommand,
    /// The command never takes keys (PING, CLIENT KILL, SSUBSCRIBE's shard channels).
    NoKeyArguments,
    /// The line does not fit the command's arity.
    InvalidArgumentCount,
    /// The line's key count or keywords do not parse, so no key can be found.
    InvalidArguments,
}

impl GetKeysError {
    /// The message after `ERR `.
    pub fn message(self) -> &'static str {
        match self {
            GetKeysError::InvalidCommand => "Invalid command specified",
            GetKeysError::NoKeyArguments => "The command has no key arguments",
            GetKeysError::InvalidArgumentCount => {
                "Invalid number of arguments specified for command"
            }
            GetKeysError::InvalidArguments => "Invalid arguments specified for command",
        }
    }
}

impl From<GetKeysError> for Error {
    fn from(error: GetKeysError) -> Error {
        Error::GetKeys(error)
    }
}

impl From<ListError> for Error {
    fn from(error: ListError) -> Error {
        Error::List(error)
    }
}

/// The `ERR` texts of the bit and range commands, each exactly as redis-server 7.0 words
/// it.
///
/// ```
/// use embedis::{BitmapError, Error};
/// assert_eq!(
///     Error::Bitmap(BitmapError::BitOffset).to_string(),
///     "ERR bit offset is not an integer or out of range"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is its message
pub enum BitmapError {
    BitOffset,
    BitValue,
    BitposBit,
    BitopNotSources,
    FieldType,
    OverflowType,
    ReadOnly,
    OffsetOutOfRange,
}

impl BitmapError {
    /// The message after `ERR `.
    pub fn message(self) -> &'static str {
        match self {
            BitmapError::BitOffset => "bit offset is not an integer or out of range",
            BitmapError::BitValue => "bit is not an integer or out of range",
            BitmapError::BitposBit => "The bit argument must be 1 or 0.",
            BitmapError::BitopNotSources => "BITOP NOT must be called with a single source key.",
            BitmapError::FieldType => "Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.",
            BitmapError::OverflowType => "Invalid OVERFLOW type specified",
            BitmapError::ReadOnly => "BITFIELD_RO only supports the GET subcommand",
            BitmapError::OffsetOutOfRange => "offset is out of range",
        }
    }
}

/// A GEO command's argument error, each rendering Redis's exact text.
///
/// ```
/// use embedis::{Error, GeoError};
/// let error = Error::Geo(GeoError::invalid_pair(181.0, 0.0));
/// assert_eq!(error.to_string(), "ERR invalid longitude,latitude pair 181.000000,0.000000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum GeoError {
    /// A longitude or latitude outside the indexable world (±180, ±85.05112878): the pair
    /// as Redis prints it (`%f,%f`).
    InvalidPair(String),
    /// The radius is not a number.
    RadiusNotNumeric,
    /// The box width is not a number.
    WidthNotNumeric,
    /// The box height is not a number.
    HeightNotNumeric,
    /// A negative radius.
    NegativeRadius,
    /// A negative box side.
    NegativeBox,
    /// A unit other than m, km, ft, mi.
    UnknownUnit,
    /// COUNT of zero or less.
    CountNotPositive,
    /// The member a search starts from is not in the set.
    NoSuchMember,
    /// ANY without COUNT.
    AnyWithoutCount,
    /// STORE with WITHDIST, WITHHASH or WITHCOORD (`true`: GEOSEARCHSTORE's wording).
    StoreWithReplyOptions(bool),
    /// GEOSEARCH without FROMMEMBER or FROMLONLAT (the command as typed).
    NoCentre(String),
    /// GEOSEARCH without BYRADIUS or BYBOX (the command as typed).
    NoShape(String),
}

impl GeoError {
    /// The error for a pair outside the indexable world.
    pub fn invalid_pair(longitude: f64, latitude: f64) -> GeoError {
        GeoError::InvalidPair(format!("{longitude:.6},{latitude:.6}"))
    }
}

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeoError::InvalidPair(pair) => write!(f, "ERR invalid longitude,latitude pair {pair}"),
            GeoError::RadiusNotNumeric => f.write_str("ERR need numeric radius"),
            GeoError::WidthNotNumeric => f.write_str("ERR need numeric width"),
            GeoError::HeightNotNumeric => f.write_str("ERR need numeric height"),
            GeoError::NegativeRadius => f.write_str("ERR radius cannot be negative"),
            GeoError::NegativeBox => f.write_str("ERR height or width cannot be negative"),
            GeoError::UnknownUnit => {
                f.write_str("ERR unsupported unit provided. please use M, KM, FT, MI")
            }
            GeoError::CountNotPositive => f.write_str("ERR COUNT must be > 0"),
            GeoError::NoSuchMember => f.write_str("ERR could not decode requested zset member"),
            GeoError::AnyWithoutCount => {
                f.write_str("ERR the ANY argument requires COUNT argument")
            }
            GeoError::StoreWithReplyOptions(search_store) => write!(
                f,
                "ERR {} is not compatible with WITHDIST, WITHHASH and WITHCOORD options",
                if *search_store {
                    "GEOSEARCHSTORE"
                } else {
                    "STORE option in GEORADIUS"
                }
            ),
            GeoError::NoCentre(command) => write!(
                f,
                "ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for {command}"
            ),
            GeoError::NoShape(command) => write!(
                f,
                "ERR exactly one of BYRADIUS and BYBOX can be specified for {command}"
            ),
        }
    }
}

impl From<GeoError> for Error {
    fn from(error: GeoError) -> Error {
        Error::Geo(error)
    }
}

/// A CLIENT TRACKING or CLIENT CACHING error, each rendering Redis's exact text.
///
/// ```
/// use embedis::{Error, TrackingError};
/// let error = Error::Tracking(TrackingError::PrefixWithoutBcast);
/// assert_eq!(error.to_string(), "ERR PREFIX option requires BCAST mode to be enabled");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrackingError {
    /// REDIRECT names no open connection.
    NoRedirectTarget,
    /// REDIRECT given twice.
    SecondRedirect,
    /// PREFIX without BCAST.
    PrefixWithoutBcast,
    /// ON with BCAST while tracking without it, or the other way round.
    BcastSwitch,
    /// BCAST with OPTIN or OPTOUT.
    OptWithBcast,
    /// OPTIN and OPTOUT together.
    OptInAndOut,
    /// ON with OPTIN while tracking with OPTOUT, or the other way round.
    OptSwitch,
    /// Two PREFIX options of one call where one starts the other (as given, in order).
    PrefixOverlapsGiven(String, String),
    /// A PREFIX that starts, or is started by, one the connection already has.
    PrefixOverlapsExisting(String, String),
    /// CLIENT CACHING while not tracking.
    CachingNotTracking,
    /// CLIENT CACHING YES outside OPTIN mode.
    CachingYesWithoutOptIn,
    /// CLIENT CACHING NO outside OPTOUT mode.
    CachingNoWithoutOptOut,
}

impl fmt::Display for TrackingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const REENABLE: &str =
            "before disabling tracking for this client, and then re-enabling it with a different mode.";
        const NO_OVERLAP: &str = "Prefixes for a single client must not overlap.";
        match self {
            TrackingError::NoRedirectTarget => {
                f.write_str("ERR The client ID you want redirect to does not exist")
            }
            TrackingError::SecondRedirect => {
                f.write_str("ERR A client can only redirect to a single other client")
            }
            TrackingError::PrefixWithoutBcast => {
                f.write_str("ERR PREFIX option requires BCAST mode to be enabled")
            }
            TrackingError::BcastSwitch => write!(f, "ERR You can't switch BCAST mode on/off {REENABLE}"),
            TrackingError::OptWithBcast => {
                f.write_str("ERR OPTIN and OPTOUT are not compatible with BCAST")
            }
            TrackingError::OptInAndOut => {
                f.write_str("ERR You can't specify both OPTIN mode and OPTOUT mode")
            }
            TrackingError::OptSwitch => {
                write!(f, "ERR You can't switch OPTIN/OPTOUT mode {REENABLE}")
            }
            TrackingError::PrefixOverlapsGiven(prefix, other) => write!(
                f,
                "ERR Prefix '{prefix}' overlaps with another provided prefix '{other}'. {NO_OVERLAP}"
            ),
            TrackingError::PrefixOverlapsExisting(prefix, other) => write!(
                f,
                "ERR Prefix '{prefix}' overlaps with an existing prefix '{other}'. {NO_OVERLAP}"
            ),
            TrackingError::CachingNotTracking => f.write_str(
                "ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled",
            ),
            TrackingError::CachingYesWithoutOptIn => f.write_str(
                "ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.",
            ),
            TrackingError::CachingNoWithoutOptOut => f.write_str(
                "ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.",
            ),
        }
    }
}

impl From<TrackingError> for Error {
    fn from(error: TrackingError) -> Error {
        Error::Tracking(error)
    }
}

/// A HyperLogLog command's error, each rendering Redis's exact text (code included).
///
/// ```
/// use embedis::{Error, HyperLogLogError};
/// let error = Error::HyperLogLog(HyperLogLogError::NotHyperLogLog);
/// assert_eq!(error.to_string(), "WRONGTYPE Key is not a valid HyperLogLog string value.");
/// assert_eq!(error.code(), "WRONGTYPE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HyperLogLogError {
    /// The key holds a string that is not a HyperLogLog.
    NotHyperLogLog,
    /// A sparse HyperLogLog whose runs do not cover its registers exactly.
    Corrupt,
    /// PFDEBUG on a missing key.
    NoSuchKey,
    /// PFDEBUG DECODE of a dense HyperLogLog.
    NotSparse,
    /// PFDEBUG with a subcommand it does not know (as given).
    UnknownDebugSubcommand(String),
    /// PFSELFTEST found a fault (what failed).
    SelfTest(String),
}

impl HyperLogLogError {
    /// The error code, the reply's first word.
    pub fn code(&self) -> &'static str {
        match self {
            HyperLogLogError::NotHyperLogLog => "WRONGTYPE",
            HyperLogLogError::Corrupt => "INVALIDOBJ",
            HyperLogLogError::SelfTest(_) => "TESTFAILED",
            _ => "ERR",
        }
    }
}

impl fmt::Display for HyperLogLogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HyperLogLogError::NotHyperLogLog => {
                f.write_str("WRONGTYPE Key is not a valid HyperLogLog string value.")
            }
            HyperLogLogError::Corrupt => f.write_str("INVALIDOBJ Corrupted HLL object detected"),
            HyperLogLogError::NoSuchKey => f.write_str("ERR The specified key does not exist"),
            HyperLogLogError::NotSparse => f.write_str("ERR HLL encoding is not sparse"),
            HyperLogLogError::UnknownDebugSubcommand(name) => {
                write!(f, "ERR Unknown PFDEBUG subcommand '{name}'")
            }
            HyperLogLogError::SelfTest(what) => write!(f, "TESTFAILED {what}"),
        }
    }
}

impl From<HyperLogLogError> for Error {
    fn from(error: HyperLogLogError) -> Error {
        Error::HyperLogLog(error)
    }
}

impl From<BitmapError> for Error {
    fn from(error: BitmapError) -> Error {
        Error::Bitmap(error)
    }
}

impl From<SortedSetError> for Error {
    fn from(error: SortedSetError) -> Error {
        Error::SortedSet(error)
    }
}

impl From<StreamError> for Error {
    fn from(error: StreamError) -> Error {
        Error::Stream(error)
    }
}

impl Error {
    /// Builds the unknown-command error exactly as redis-server words it: the name cut to
    /// 128 bytes, then the first arguments, each quoted and followed by a space, until the
    /// preview reaches 128 bytes. Redis formats them with `%s`, so each one also ends at its
    /// first NUL byte.
    ///
    /// ```
    /// use embedis::Error;
    /// let e = Error::unknown_command(b"foo", &[b"a".as_slice(), b"b"]);
    /// assert_eq!(e.to_string(), "ERR unknown command 'foo', with args beginning with: 'a' 'b' ");
    /// let e = Error::unknown_command(b"foo", &[b"a\0b".as_slice()]);
    /// assert_eq!(e.to_string(), "ERR unknown command 'foo', with args beginning with: 'a' ");
    /// ```
    pub fn unknown_command<A: AsRef<[u8]>>(name: &[u8], args: &[A]) -> Error {
        let mut preview = String::new();
        let mut preview_len = 0; // in bytes of the original arguments, as Redis counts
        for arg in args {
            if preview_len >= 128 {
                break;
            }
            let room = 128 - preview_len;
            let arg = c_string(arg.as_ref());
            let arg = &arg[..arg.len().min(room)];
            preview.push('\'');
            preview.push_str(&printable(arg));
            preview.push_str("' ");
            preview_len += arg.len() + 3;
        }
        let name = c_string(name);
        Error::UnknownCommand {
            name: printable(&name[..name.len().min(128)]),
            args_preview: preview,
        }
    }

    /// Builds the unknown-subcommand error as redis-server words it: the subcommand as
    /// a C string cut to 128 bytes, the container command upper-cased.
    ///
    /// ```
    /// use embedis::Error;
    /// let e = Error::unknown_subcommand(b"nope\r\n", b"client");
    /// assert_eq!(e.to_string(), "ERR unknown subcommand 'nope  '. Try CLIENT HELP.");
    /// ```
    pub fn unknown_subcommand(subcommand: &[u8], command: &[u8]) -> Error {
        let subcommand = c_string(subcommand);
        Error::UnknownSubcommand {
            subcommand: printable(&subcommand[..subcommand.len().min(128)]),
            command: printable(c_string(command)).to_ascii_uppercase(),
        }
    }

    /// The wrong-arity error for a command's lower-case full name.
    ///
    /// ```
    /// assert_eq!(
    ///     embedis::Error::arity("get").to_string(),
    ///     "ERR wrong number of arguments for 'get' command"
    /// );
    /// ```
    pub fn arity(command: &str) -> Error {
        Error::WrongArity {
            command: command.to_string(),
        }
    }

    /// The first word of the reply text (`ERR`, `WRONGTYPE`, `EXECABORT`, ...), which
    /// clients such as redis-rs use to classify errors.
    ///
    /// ```
    /// use embedis::Error;
    /// assert_eq!(Error::Syntax.code(), "ERR");
    /// assert_eq!(Error::ExecAbort.code(), "EXECABORT");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongType => "WRONGTYPE",
            Error::NoGroup(_) => "NOGROUP",
            Error::BusyGroup => "BUSYGROUP",
            Error::BusyKey => "BUSYKEY",
            Error::Unblocked | Error::UnblockedByClient => "UNBLOCKED",
            Error::ExecAbort | Error::ExecAbortBecause(_) => "EXECABORT",
            Error::NoProto => "NOPROTO",
            Error::WrongPass => "WRONGPASS",
            Error::AppendOnlyWrite(_) => "MISCONF",
            Error::HyperLogLog(error) => error.code(),
            Error::CellUsage(_)
            | Error::CellNotInteger(_)
            | Error::CellZeroRate
            | Error::CellBadValue(_)
            | Error::CellUpdateFailed
            | Error::CellOutOfRange => "Cell",
            _ => "ERR",
        }
    }

    /// Whether redis-server could send this error (as opposed to a failure of the handle).
    ///
    /// ```
    /// use embedis::Error;
    /// assert!(Error::Syntax.is_server_error());
    /// assert!(!Error::Closed.is_server_error());
    /// ```
    pub fn is_server_error(&self) -> bool {
        !matches!(
            self,
            Error::Closed
                | Error::OutputBufferOverflow
                | Error::WouldDeadlock
                | Error::Panicked(_)
                | Error::UnexpectedReply(_)
                | Error::NoAppendOnlyFile
                | Error::NoSnapshotFile
                | Error::NoReply
        )
    }
}

/// An argument as Redis prints it inside an error with `%s`: up to its first NUL byte,
/// CR and LF as spaces.
pub(crate) fn error_text(bytes: &[u8]) -> String {
    printable(c_string(bytes))
}

/// Redis replaces CR and LF in error texts with spaces so the reply stays one RESP line.
fn printable(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect()
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownCommand { name, args_preview } => write!(
                f,
                "ERR unknown command '{name}', with args beginning with: {args_preview}"
            ),
            Error::UnknownSubcommand {
                subcommand,
                command,
            } => write!(
                f,
                "ERR unknown subcommand '{subcommand}'. Try {command} HELP."
            ),
            Error::WrongArity { command } => {
                write!(f, "ERR wrong number of arguments for '{command}' command")
            }
            Error::Syntax => f.write_str("ERR syntax error"),
            Error::WrongType => {
                f.write_str("WRONGTYPE Operation against a key holding the wrong kind of value")
            }
            Error::NotInteger => f.write_str("ERR value is not an integer or out of range"),
            Error::Object(text) => write!(f, "ERR {text}"),
            Error::MonitorKeyspace => f.write_str("ERR Replica can't interact with the keyspace"),
            Error::MonitorInTransaction => {
                f.write_str("ERR MONITOR isn't allowed for DENY BLOCKING client")
            }
            Error::AuthWithoutPassword => f.write_str("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?"),
            Error::SortScore => f.write_str("ERR One or more scores can't be converted into double"),
            Error::LcsNotStrings => f.write_str("ERR The specified keys must contain string values"),
            Error::LcsLenAndIdx => {
                f.write_str("ERR If you want both the length and indexes, please just use IDX.")
            }
            Error::LcsTooMuchMemory => f.write_str(
                "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len",
            ),
            Error::LcsAllocation => {
                f.write_str("ERR Insufficient memory, failed allocating transient memory for LCS")
            }
            Error::NotFloat => f.write_str("ERR value is not a valid float"),
            Error::IncrOverflow => f.write_str("ERR increment or decrement would overflow"),
            Error::DecrOverflow => f.write_str("ERR decrement would overflow"),
            Error::NanOrInfinity => f.write_str("ERR increment would produce NaN or Infinity"),
            Error::NotFinite => f.write_str("ERR value is NaN or Infinity"),
            Error::HashValueNotInteger => f.write_str("ERR hash value is not an integer"),
            Error::HashValueNotFloat => f.write_str("ERR hash value is not a float"),
            Error::CountOutOfRange => f.write_str(
                "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807",
            ),
            Error::OutOfRange => f.write_str("ERR value is out of range"),
            Error::InvalidExpireTime { command } => {
                write!(f, "ERR invalid expire time in '{command}' command")
            }
            Error::NoSuchKey => f.write_str("ERR no such key"),
            Error::UnsupportedOption(option) => write!(f, "ERR Unsupported option {option}"),
            Error::ExpireNxConflict => {
                f.write_str("ERR NX and XX, GT or LT options at the same time are not compatible")
            }
            Error::ExpireGtLtConflict => {
                f.write_str("ERR GT and LT options at the same time are not compatible")
            }
            Error::InvalidCursor => f.write_str("ERR invalid cursor"),
            Error::NoProto => f.write_str("NOPROTO unsupported protocol version"),
            Error::InvalidClientName => f.write_str(
                "ERR Client names cannot contain spaces, newlines or special characters.",
            ),
            Error::DbIndexOutOfRange => f.write_str("ERR DB index is out of range"),
            Error::InvalidDbIndex => f.write_str("ERR value is not an integer or out of range"),
            Error::IntOutOfRange => f.write_str(
                "ERR value is out of range, value must between -2147483648 and 2147483647",
            ),
            Error::InvalidFirstDbIndex => f.write_str("ERR invalid first DB index"),
            Error::InvalidSecondDbIndex => f.write_str("ERR invalid second DB index"),
            Error::SameObject => f.write_str("ERR source and destination objects are the same"),
            Error::NestedMulti => f.write_str("ERR MULTI calls can not be nested"),
            Error::ExecWithoutMulti => f.write_str("ERR EXEC without MULTI"),
            Error::DiscardWithoutMulti => f.write_str("ERR DISCARD without MULTI"),
            Error::WatchInsideMulti => f.write_str("ERR WATCH inside MULTI is not allowed"),
            Error::ExecAbort => {
                f.write_str("EXECABORT Transaction discarded because of previous errors.")
            }
            Error::ExecAbortBecause(reason) => {
                write!(f, "EXECABORT Transaction discarded because of: {reason}")
            }
            Error::AppendOnlyWrite(cause) => {
                write!(f, "MISCONF Errors writing to the AOF file: {cause}")
            }
            Error::NoAppendOnlyFile => f.write_str(
                "ERR embedis: this engine has no append-only file (Engine::builder().append_only)",
            ),
            Error::BusyKey => f.write_str("BUSYKEY Target key name already exists."),
            Error::DumpPayload => f.write_str("ERR DUMP payload version or checksum are wrong"),
            Error::BadDataFormat => f.write_str("ERR Bad data format"),
            Error::InvalidRestoreOption(what) => write!(f, "ERR Invalid {what}"),
            Error::RewriteInProgress => {
                f.write_str("ERR Background append only file rewriting already in progress")
            }
            Error::NoSnapshotFile => f.write_str(
                "ERR embedis: this engine has no snapshot file (Engine::builder().snapshot_file)",
            ),
            Error::BgSaveInProgress => f.write_str("ERR Background save already in progress"),
            Error::BgSaveChildActive => f.write_str(
                "ERR Another child process is active (AOF?): can't BGSAVE right now. \
                 Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.",
            ),
            Error::SnapshotWrite(cause) => {
                write!(f, "ERR embedis: the snapshot could not be written: {cause}")
            }
            Error::ShutdownFailed => f.write_str("ERR Errors trying to SHUTDOWN. Check logs."),
            Error::SlowLogCount => f.write_str("ERR count should be greater than or equal to -1"),
            Error::NoReply => f.write_str(
                "ERR embedis: no reply will come: CLIENT REPLY OFF or SKIP silenced it",
            ),
            Error::NotAllowedInAtomically => {
                f.write_str("ERR This Redis command is not allowed from script")
            }
            Error::Increx(text) => write!(f, "ERR {text}"),
            Error::CellUsage(name) => write!(
                f,
                "Cell error: Store error: Usage: {name} <key> <max_burst> <count per period> <period> [<quantity>]"
            ),
            Error::CellNotInteger(arg) => {
                write!(f, "Cell error: Store error: Couldn't parse as integer: {arg}")
            }
            Error::CellZeroRate => f.write_str("Cell error: Store error: Zero rates are not supported"),
            Error::CellBadValue(text) => write!(f, "Cell error: {text}"),
            Error::CellUpdateFailed => f.write_str(
                "Cell error: Store error: Failed to update rate limit after 5 attempts",
            ),
            Error::CellOutOfRange => f.write_str(
                "Cell error: Store error: embedis: max_burst, quantity and the rate must not be negative, and the bucket must fit in 64-bit nanoseconds",
            ),
            Error::SubscribeContext { command } => write!(
                f,
                "ERR Can't execute '{command}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context"
            ),
            Error::SubcommandSyntax {
                subcommand,
                command,
            } => write!(
                f,
                "ERR unknown subcommand or wrong number of arguments for '{subcommand}'. Try {command} HELP."
            ),
            Error::ConfigUnknownOption(option) => write!(
                f,
                "ERR Unknown option or number of arguments for CONFIG SET - '{option}'"
            ),
            Error::ConfigSetFailed { argument, reason } => write!(
                f,
                "ERR CONFIG SET failed (possibly related to argument '{argument}') - {reason}"
            ),
            Error::Stream(error) => write!(f, "ERR {}", error.message()),
            Error::SortedSet(error) => write!(f, "ERR {}", error.message()),
            Error::List(error) => write!(f, "ERR {}", error.message()),
            Error::GetKeys(error) => write!(f, "ERR {}", error.message()),
            Error::Bitmap(error) => write!(f, "ERR {}", error.message()),
            Error::HyperLogLog(error) => error.fmt(f),
            Error::Tracking(error) => error.fmt(f),
            Error::Geo(error) => error.fmt(f),
            Error::Script(text) => f.write_str(text),
            Error::MustBePositive => f.write_str("ERR value is out of range, must be positive"),
            Error::NumLocalRange => {
                f.write_str("ERR value is out of range, value must between 0 and 1")
            }
            Error::WaitAofWithoutAppendOnly => f.write_str(
                "ERR WAITAOF cannot be used when numlocal is set but appendonly is disabled.",
            ),
            Error::NumKeysBeyondArgs => {
                f.write_str("ERR Number of keys can't be greater than number of args")
            }
            Error::LimitNegative => f.write_str("ERR LIMIT can't be negative"),
            Error::NoInputKeys(command) => {
                write!(f, "ERR at least 1 input key is needed for '{command}' command")
            }
            Error::NoGroup(text) => write!(f, "NOGROUP {text}"),
            Error::BusyGroup => f.write_str("BUSYGROUP Consumer Group name already exists"),
            Error::Unblocked => f.write_str("UNBLOCKED the stream key no longer exists"),
            Error::UnblockedByClient => {
                f.write_str("UNBLOCKED client unblocked via CLIENT UNBLOCK")
            }
            Error::InvalidClientId => f.write_str("ERR Invalid client ID"),
            Error::ClientIdNotPositive => f.write_str("ERR client-id should be greater than 0"),
            Error::UnknownClientType(kind) => write!(f, "ERR Unknown client type '{kind}'"),
            Error::NoSuchClient => f.write_str("ERR No such client"),
            Error::NoSuchUser(user) => write!(f, "ERR No such user '{user}'"),
            Error::DebugNotAllowed => f.write_str(
                "ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.",
            ),
            Error::ModuleNotAllowed => f.write_str(
                "ERR MODULE command not allowed. If the enable-module-command option is set to \"local\", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.",
            ),
            Error::NoConfigFile => f.write_str("ERR The server is running without a config file"),
            Error::InvalidMasterPort => f.write_str("ERR Invalid master port"),
            Error::CannotReplicate => f.write_str(
                "ERR embedis: an embedded engine does not replicate another server (REPLICAOF NO ONE is accepted)",
            ),
            Error::FailoverNeedsReplicas => f.write_str("ERR FAILOVER requires connected replicas."),
            Error::NoFailoverInProgress => f.write_str("ERR No failover in progress."),
            Error::FailoverTimeout => f.write_str("ERR FAILOVER timeout must be greater than 0"),
            Error::LatencyNoSamples(event) => {
                write!(f, "ERR No samples available for event '{event}'")
            }
            Error::UnknownAclCategory(category) => write!(f, "ERR Unknown category '{category}'"),
            Error::NoSuchAclUser(user) => write!(f, "ERR User '{user}' not found"),
            Error::AclCommandNotFound(name) => write!(f, "ERR Command '{name}' not found"),
            Error::GenPassBits => f.write_str(
                "ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096",
            ),
            Error::DefaultUserUndeletable => f.write_str("ERR The 'default' user cannot be removed"),
            Error::NoAclFile => f.write_str(
                "ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.",
            ),
            Error::AclUsersUnsupported => f.write_str(
                "ERR embedis: users and permissions are not supported (the default user has every permission, and keeps it)",
            ),
            Error::NotAllowedInMulti => f.write_str("ERR Command not allowed inside a transaction"),
            Error::NoShutdownInProgress => f.write_str("ERR No shutdown in progress."),
            Error::ClusterDisabled => f.write_str("ERR This instance has cluster support disabled"),
            Error::PauseMode => f.write_str("ERR CLIENT PAUSE mode must be WRITE or ALL"),
            Error::UnblockReason => {
                f.write_str("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR")
            }
            Error::SsubscribeDenyBlocking => {
                f.write_str("ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client")
            }
            Error::UnrecognizedXclaimOption(option) => {
                write!(f, "ERR Unrecognized XCLAIM option '{option}'")
            }
            Error::Closed => f.write_str("ERR embedis: the engine has shut down"),
            Error::OutputBufferOverflow => f.write_str(
                "ERR embedis: the subscribed connection left too many messages unread and was closed (client-output-buffer-limit)",
            ),
            Error::WouldDeadlock => f.write_str(
                "ERR embedis: blocking call on the executor thread (inside atomically) would deadlock",
            ),
            Error::StringTooLong => {
                f.write_str("ERR string exceeds maximum allowed size (proto-max-bulk-len)")
            }
            Error::ProtocolVersionNotInteger => {
                f.write_str("ERR Protocol version is not an integer or out of range")
            }
            Error::HelloOption(option) => write!(f, "ERR Syntax error in HELLO option '{option}'"),
            Error::WrongPass => {
                f.write_str("WRONGPASS invalid username-password pair or user is disabled.")
            }
            Error::Panicked(message) => {
                write!(f, "ERR embedis: user code panicked on the executor: {message}")
            }
            Error::UnexpectedReply(what) => write!(f, "ERR embedis: unexpected reply: {what}"),
        }
    }
}

impl std::error::Error for Error {}
