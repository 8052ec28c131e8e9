//! Argument-level differential fuzzing: seeded random command lines, each a command name of
//! the non-stream families (strings, keys, hashes, sorted sets, lists, sets, expiry,
//! connection, transactions) followed by 0..6 arguments drawn from a vocabulary of awkward
//! tokens (a few colliding keys, the families' option keywords in any case and order,
//! numbers at the edges of i64/u64/f64 and malformed ones, glob patterns, empty and binary
//! strings), sent to redis-server and to a fresh embedis engine; every reply must be the
//! same RESP bytes. Where `differential.rs` and `differential_props.rs` generate well-formed
//! commands, this one mostly generates wrong ones: argument-order, arity, parse and
//! option-combination error paths, and the odd commands Redis still accepts.
//!
//! About one line in twelve is wrapped in `COMMAND GETKEYS` or `COMMAND GETKEYSANDFLAGS`,
//! so key finding meets the same malformed lines.
//!
//! A sequence is 10 to 40 lines, about one in ten on a second connection (so WATCH is broken
//! by another client), in RESP2 or RESP3 (`HELLO 3` first on each connection). On a
//! divergence the sequence is minimised (lines dropped while the same line still diverges)
//! and the test fails with the seed, the minimal script and both replies.
//!
//! `EMBEDIS_FUZZ_SEQUENCES=<n>` and `EMBEDIS_FUZZ_SEED=<s>` run it longer or from another
//! seed, `EMBEDIS_FUZZ_FIRST=<i>` from the i-th sequence (a report names its own).
//! `EMBEDIS_FUZZ_ALL=1` goes on after a divergence and reports every distinct one (by
//! command and reply prefixes) at the end, for long local runs.
//! `EMBEDIS_FUZZ_SCRIPT='<line>\n<line>...'` (`common::words` syntax, `@1 ` for the second
//! connection, a first line `RESP3` for HELLO 3) runs one script through the same comparison
//! instead, printing every reply: to replay a reported script.
//!
//! What is compared other than byte for byte, and why:
//! - time: a relative TTL that is a small positive integer (SET/GETEX EX/PX, SETEX, PSETEX,
//!   EXPIRE, PEXPIRE) is rewritten at generation to `n * 10000 + line` seconds (the same in
//!   milliseconds for PX), so nothing expires during a sequence, two deadlines are never
//!   equal by accident of the clock (GT/LT), and TTL rounds the same way on both sides.
//!   Absolute times in the vocabulary are far past or far future. TTL and EXPIRETIME may
//!   still differ by 1 (a second boundary between the two reads), PTTL and PEXPIRETIME by
//!   250 ms; negative replies (-1, -2) are compared exactly;
//! - KEYS, HKEYS, HVALS, HGETALL: elements sorted (hash order; a hash holding a value over
//!   64 bytes is a hash table on redis-server, in its own order);
//! - SMEMBERS, SINTER, SUNION, SDIFF: elements sorted (a set that is not an intset is a
//!   hash table on redis-server, in its own order);
//! - SORT, SORT_RO (always ALPHA, never BY): elements sorted, as ties ("" and "\0" compare
//!   equal up to the NUL) keep the source's order;
//! - HRANDFIELD, ZRANDMEMBER, SRANDMEMBER, SPOP: random picks: the reply's type and number
//!   of elements only. SPOP also removes its picks: when they differ, the runner puts
//!   embedis's picks back and removes redis-server's (`follow_picks`), so the lines after
//!   it compare like states; an SPOP is not sent inside MULTI, where a later queued read
//!   would see the picks before they could be brought in line;
//! - lex ranges (ZRANGEBYLEX, ZREVRANGEBYLEX, ZLEXCOUNT, ZREMRANGEBYLEX, ZRANGE and
//!   ZRANGESTORE ... BYLEX):
//!   only the reply's type, unless both are errors (then byte for byte): over members of
//!   different scores Redis leaves the answer undefined;
//! - HSCAN, ZSCAN, SSCAN: pages from cursor 0 that end the iteration on both sides hold
//!   the same items; others only the page shape (from another cursor a hash-table
//!   collection's page means different places on each side); SCAN from cursor 0 is iterated to the end on each
//!   side and the sets of keys compared; from another cursor, or inside EXEC, only the
//!   page shape (and the keys when both pages end the iteration) — cursor values are
//!   embedis's own (README, known differences);
//! - HELLO: the connection id masked, the version cut to major.minor;
//! - DBSIZE after a SET with EXAT/PXAT: only that both are integers (Redis counts a key SET
//!   with a past deadline until its expiry cycle finds it; README, known differences);
//! - an error text that quotes non-UTF-8 bytes: embedis's may carry U+FFFD in their place
//!   (README, known differences).
//!
//! List replies are fully ordered (LRANGE, LPOS, the pops, LMPOP): compared byte for byte.
//! LMPOP's and SINTERCARD's numkeys are drawn from a few small words (`NUMKEYS`), never a
//! number from the vocabulary, so no line asks for an absurd number of keys. SPOP's and
//! SRANDMEMBER's counts come from `RANDOM_COUNT_WORDS` only (never a large negative count
//! that is not an error).
//!
//! ZADD's and ZINCRBY's arguments are cut to 64 bytes, so redis-server's sorted sets stay
//! listpacks (no member over `zset-max-listpack-value`; a sequence is too short to add 128
//! members): a skiplist answers lex ranges over mixed scores by its random levels, and
//! keeps a `-0` score that a listpack stores as `0`.
//!
//! Never generated: streams beyond a fixed `XADD key 1-1 f v` (they have their own suites),
//! SUBSCRIBE and friends (several frames per command; `differential_pubsub.rs`), commands
//! that read the clock or the server (TIME, CLIENT ID, CONFIG GET of other parameters),
//! CONFIG SET of anything but `notify-keyspace-events` (it would change the shared server),
//! INCREX and CL.THROTTLE (not in the 7.0 oracle), HELLO queued in MULTI (README, known
//! differences), a subcommand with a NUL byte (whether redis-server matches it depends on
//! its per-process hash seed), CLIENT subcommands other than SETNAME, GETNAME, HELP,
//! NO-EVICT, UNBLOCK, TRACKING, CACHING, GETREDIR and TRACKINGINFO (the others name
//! connection ids or addresses, which differ; CLIENT LIST and KILL are compared in
//! `differential.rs`). CLIENT TRACKING ON makes every later write of a key the line read
//! owe an invalidation push after its reply (RESP3): those pushes are compared in turn.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use common::plain::Rng;
use common::shrink::{reproduce, shrink, NOT_REPRODUCED};
use common::{
    bulk, changes_since_save, elements, escape, lease, mask_hello, show_argv, words, Lease, Pair,
    CLOSED,
};

/// Sequences per run by default: about 15 s in a debug build on a 2-core machine
/// (about 37,000 command lines).
const DEFAULT_SEQUENCES: u64 = 1500;
const DEFAULT_SEED: u64 = 0xF022;

/// The class of an argument position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Key,
    Value,
    Num,
    /// An option keyword of the command's family (any family's, sometimes).
    Opt,
    Pattern,
    /// A SCAN cursor: mostly 0.
    Cursor,
    /// A word of the command's own list (subcommands, HELLO's words, CONFIG's).
    Own,
    /// A fixed word (the fixed XADD).
    Fixed(&'static str),
}

use Class::{Cursor, Fixed, Key as K, Num as N, Opt as O, Own, Pattern as P, Value as V};

struct Spec {
    name: &'static str,
    weight: u64,
    /// The usual argument classes, in order; arguments past them are of any class.
    shape: &'static [Class],
    /// The family's option keywords.
    opts: &'static [&'static str],
    /// Words only this command draws (subcommands and the like), for [`Class::Own`].
    own: &'static [&'static str],
    /// Always exactly `shape` (the fixed XADD).
    exact: bool,
}

const fn spec(
    name: &'static str,
    weight: u64,
    shape: &'static [Class],
    opts: &'static [&'static str],
) -> Spec {
    Spec {
        name,
        weight,
        shape,
        opts,
        own: &[],
        exact: false,
    }
}

const fn own(
    name: &'static str,
    weight: u64,
    shape: &'static [Class],
    own: &'static [&'static str],
) -> Spec {
    Spec {
        name,
        weight,
        shape,
        opts: &[],
        own,
        exact: false,
    }
}

/// A sorted-set command: its family's keywords for [`Class::Opt`], range bounds
/// ([`ZRANGE_WORDS`]) for [`Class::Own`].
const fn zspec(name: &'static str, weight: u64, shape: &'static [Class]) -> Spec {
    Spec {
        name,
        weight,
        shape,
        opts: ZSET_OPTS,
        own: ZRANGE_WORDS,
        exact: false,
    }
}

const KEYS: &[&str] = &["a", "b", "c"];

const VALUES: &[&str] = &[
    "v",
    "abc",
    "",
    "0",
    "1",
    "-1",
    "10",
    "1.5",
    "9223372036854775807",
    "-9223372036854775808",
    " 1",
    "x y",
    "a\r\nb",
    "\x00",
    "\u{e9}",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
];

/// Bytes that are not UTF-8 (a separate list: `&str` cannot hold them).
const BINARY: &[&[u8]] = &[b"\xff\xfe", b"a\xffb"];

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "10",
    "2",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "-9223372036854775807",
    "18446744073709551615",
    "18446744073709551616",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775",
    "9223372036854776",
    "4000000000",
    "4000000000000",
    "1.5",
    "-0.0",
    "0.0",
    "0.1",
    "-2.5",
    "3.0",
    "inf",
    "-inf",
    "+inf",
    "nan",
    "1e3",
    "1e400",
    "-1e400",
    "1.7976931348623157e308",
    "5e-324",
    "1e-5",
    "0.30000000000000004",
    "123456789.123456789",
    "1e17",
    "-1e-300",
    "1.0e+2",
    ".5",
    "5.",
    "",
    " 1",
    "1 ",
    "0x10",
    "+1",
    "01",
    "00",
    "-0",
    "1_000",
    // C strings end at NUL: Redis parses some arguments only up to it
    "\x00",
    "1\x00",
    "0\x00x",
];

const PATTERNS: &[&str] = &[
    "*", "?", "a*", "[ab]", "[^a]", "[a-c]", "\\a", "[", "a[", "*\\", "[]", "[!a]", "h?llo", "*a*",
    "[c-a]", "\\", "**", "[a-]", "[-a]", "[\\]]", "[[]", "[a", "*[", "\\*", "a\\", "[\\a]", "?*?",
    "[^]", "[a-\\c]",
];

const SET_OPTS: &[&str] = &[
    "EX", "PX", "EXAT", "PXAT", "KEEPTTL", "NX", "XX", "GET", "ex", "pxat", "keepttl", "nx",
];
const GETEX_OPTS: &[&str] = &[
    "EX", "PX", "EXAT", "PXAT", "PERSIST", "persist", "px", "KEEPTTL",
];
const EXPIRE_OPTS: &[&str] = &["NX", "XX", "GT", "LT", "nx", "gt", "lt"];
const SCAN_OPTS: &[&str] = &[
    "MATCH", "COUNT", "TYPE", "match", "count", "type", "string", "stream", "none", "STRING",
    "hash", "list", "set",
];
const FLUSH_OPTS: &[&str] = &["ASYNC", "SYNC", "async", "sync"];
const HASH_OPTS: &[&str] = &[
    "MATCH",
    "COUNT",
    "WITHVALUES",
    "match",
    "count",
    "withvalues",
    "NOVALUES",
];
/// HRANDFIELD's, ZRANDMEMBER's, SRANDMEMBER's and SPOP's counts and keywords: never a large negative count that
/// is not an error (redis-server would build that many picks; embedis refuses above 2^20,
/// see README).
const RANDOM_COUNT_WORDS: &[&str] = &[
    "1",
    "2",
    "3",
    "-2",
    "-5",
    "0",
    "x",
    "",
    "WITHVALUES",
    "withvalues",
    "WITHSCORES",
    "withscores",
    "9223372036854775807",
    "-9223372036854775808",
    "4611686018427387903",
    "4611686018427387904",
];
/// Sorted-set keywords (ZADD's flags, ZRANGE's and ZRANGEBYSCORE's options, ZSCAN's, the
/// algebra's).
const ZSET_OPTS: &[&str] = &[
    "MIN",
    "MAX",
    "min",
    "SUM",
    "WEIGHTS",
    "AGGREGATE",
    "weights",
    "aggregate",
    "NX",
    "XX",
    "GT",
    "LT",
    "CH",
    "INCR",
    "BYSCORE",
    "BYLEX",
    "REV",
    "LIMIT",
    "WITHSCORES",
    "MATCH",
    "COUNT",
    "nx",
    "gt",
    "ch",
    "incr",
    "byscore",
    "bylex",
    "rev",
    "limit",
    "withscores",
];
/// Range bounds of the sorted-set commands: scores (inclusive, exclusive, infinite, odd),
/// lex items (`[a`, `(a`, `-`, `+`) and ranks, mixed, so each command meets the others'.
const ZRANGE_WORDS: &[&str] = &[
    "-inf",
    "+inf",
    "inf",
    "(1",
    "(0",
    "(2",
    "(inf",
    "(-inf",
    "[a",
    "(a",
    "[b",
    "(c",
    "[",
    "(",
    "-",
    "+",
    "0",
    "1",
    "-1",
    "2",
    "3",
    "-2",
    "10",
    "1.5",
    "-0",
    "1e400",
    "nan",
    "0x10",
    " 1",
    "",
    "a",
    "9223372036854775807",
    "-9223372036854775808",
];
/// List keywords (LINSERT's positions, LMOVE's and LMPOP's directions, LPOS's options,
/// LMPOP's COUNT).
const LIST_OPTS: &[&str] = &[
    "BEFORE", "AFTER", "LEFT", "RIGHT", "RANK", "COUNT", "MAXLEN", "before", "after", "left",
    "right", "rank", "count", "maxlen",
];
/// LMPOP's and SINTERCARD's numkeys: small counts (more keys than arguments, too), zero,
/// negative and not a number; never a large one (see the module doc).
const NUMKEYS: &[&str] = &["0", "1", "2", "3", "-1", "x"];
/// Set keywords (SINTERCARD's LIMIT, SSCAN's options).
const SET_TYPE_OPTS: &[&str] = &["LIMIT", "MATCH", "COUNT", "limit", "match", "count"];
const COPY_OPTS: &[&str] = &["DB", "REPLACE", "db", "replace"];
/// Bit keywords (BITCOUNT's and BITPOS's units, BITFIELD's subcommands and policies).
const BIT_OPTS: &[&str] = &[
    "BIT", "BYTE", "bit", "GET", "SET", "INCRBY", "OVERFLOW", "WRAP", "SAT", "FAIL", "get",
    "incrby", "overflow", "fail",
];
/// Bit offsets and values for SETBIT, GETBIT, SETRANGE and BITFIELD: small ones (an offset
/// from the numbers could make both sides allocate hundreds of megabytes), `#n` forms,
/// field types, and a few that are refused.
const BIT_WORDS: &[&str] = &[
    "0",
    "1",
    "7",
    "8",
    "15",
    "63",
    "100",
    "-1",
    "2",
    "255",
    "-129",
    "#1",
    "#2",
    "#",
    "u8",
    "i8",
    "i64",
    "u63",
    "u64",
    "i1",
    "u1",
    "i65",
    "a",
    "4294967296",
];
const BITOP_WORDS: &[&str] = &["AND", "OR", "XOR", "NOT", "and", "not", "nand"];
/// Lua scripts for EVAL (one key, one argument): reads, writes, pcall, errors, conversions.
const SCRIPT_WORDS: &[&str] = &[
    "return redis.call('GET', KEYS[1])",
    "return redis.call('INCRBY', KEYS[1], ARGV[1])",
    "return redis.pcall('INCRBY', KEYS[1], ARGV[1])",
    "return {KEYS[1], ARGV[1], 3.7, true, false, {ok = 'x'}, {err = 'E y'}}",
    "redis.call('SET', KEYS[1], ARGV[1]) return redis.call('TYPE', KEYS[1])",
    "return redis.call('RPUSH', KEYS[1], ARGV[1], 2)",
    "return redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')",
    "return redis.call('HMGET', KEYS[1], ARGV[1], 'PX')",
    "local ok, e = pcall(redis.call, 'LPOP', KEYS[1]) return {tostring(ok), e}",
    "return redis.call('EXPIRE', KEYS[1], ARGV[1])",
    "return tonumber(ARGV[1])",
    "error(ARGV[1])",
    "return redis.error_reply(ARGV[1])",
    "return cjson.encode({KEYS[1], tonumber(ARGV[1]) or ARGV[1], {k = ARGV[1]}})",
    "return cjson.encode(cjson.decode(ARGV[1]))",
    "return bit.band(tonumber(ARGV[1]) or 0, 0xff)",
    "return",
];
const NO_OPTS: &[&str] = &[];
/// Every family's keywords, drawn in any position now and then.
const ALL_OPTS: &[&[&str]] = &[
    SET_OPTS,
    GETEX_OPTS,
    EXPIRE_OPTS,
    SCAN_OPTS,
    FLUSH_OPTS,
    COPY_OPTS,
    HASH_OPTS,
    ZSET_OPTS,
    LIST_OPTS,
    SET_TYPE_OPTS,
];

/// SORT's options and the patterns its GET takes. No BY: with it, equal weights keep the
/// source's order, which for a set is each server's own hash order.
const SORT_OPTS: &[&str] = &[
    "DESC", "ASC", "LIMIT", "0", "1", "-1", "GET", "#", "*", "STORE", "a", "b", "c->f", "ALPHA",
];
/// LCS's options.
const LCS_OPTS: &[&str] = &["LEN", "IDX", "MINMATCHLEN", "WITHMATCHLEN", "1", "2", "0"];
/// Coordinates, radii and units for the GEO commands.
const GEO_WORDS: &[&str] = &[
    "13.361389",
    "38.115556",
    "15",
    "37",
    "0",
    "-180",
    "180",
    "85.05112878",
    "-85.05112878",
    "85.06",
    "100",
    "200",
    "1000",
    "0.5",
    "abc",
    "-1",
    "km",
    "m",
    "mi",
    "ft",
    "KM",
    "parsec",
];
/// The GEO searches' options.
const GEO_OPTS: &[&str] = &[
    "ASC",
    "DESC",
    "WITHDIST",
    "WITHCOORD",
    "WITHHASH",
    "COUNT",
    "1",
    "2",
    "ANY",
    "STORE",
    "STOREDIST",
    "a",
];
/// PFDEBUG's subcommands (GETREG's 16384 registers included) and one it does not know.
const PFDEBUG_WORDS: &[&str] = &[
    "ENCODING", "TODENSE", "DECODE", "GETREG", "decode", "nosuch",
];
const HELLO_WORDS: &[&str] = &[
    "2", "3", "1", "4", "-1", "AUTH", "SETNAME", "default", "auth", "setname", "pw", "name",
];
const CLIENT_WORDS: &[&str] = &[
    "SETNAME",
    "GETNAME",
    "setname",
    "getname",
    "HELP",
    "NO-EVICT",
    "on",
    "OFF",
    "nosuch",
    "UNBLOCK",
    "unblock",
    "TIMEOUT",
    "error",
    "0",
    "-1",
    "TRACKING",
    "tracking",
    "CACHING",
    "GETREDIR",
    "TRACKINGINFO",
    "ON",
    "yes",
    "NO",
];
const PUBSUB_WORDS: &[&str] = &[
    "CHANNELS",
    "NUMSUB",
    "NUMPAT",
    "SHARDCHANNELS",
    "SHARDNUMSUB",
    "HELP",
    "channels",
    "numsub",
    "numpat",
    "nosuch",
];
const CONFIG_SUBS: &[&str] = &["GET", "SET", "RESETSTAT", "HELP", "get", "set"];
/// Not HISTOGRAM: the oracle times its commands, embedis does not.
const LATENCY_WORDS: &[&str] = &[
    "LATEST", "HISTORY", "RESET", "DOCTOR", "GRAPH", "HELP", "latest", "command",
];
const MODULE_WORDS: &[&str] = &["LIST", "HELP", "LOAD", "LOADEX", "UNLOAD", "list"];
const FAILOVER_OPTS: &[&str] = &["TO", "TIMEOUT", "FORCE", "ABORT", "to", "force", "abort"];
/// ACL lines that read or refuse: nothing a server's own order or randomness decides.
const ACL_LINES: &[&[&str]] = &[
    &["ACL", "USERS"],
    &["ACL", "LIST"],
    &["ACL", "WHOAMI"],
    &["ACL", "CAT"],
    &["ACL", "CAT", "nosuch"],
    &["ACL", "CAT", "geo", "x"],
    &["ACL", "GETUSER", "default"],
    &["ACL", "GETUSER", "a"],
    &["ACL", "DELUSER", "a", "b"],
    &["ACL", "DELUSER", "a", "default"],
    &["ACL", "SETUSER", "default", "on"],
    &["ACL", "SAVE"],
    &["ACL", "GENPASS", "0"],
    &["acl", "dryrun", "nosuch", "get", "a"],
    &["ACL", "DRYRUN", "default"],
];
const CONFIG_FLAGS: &[&str] = &[
    "KEA",
    "Kx",
    "",
    "Ex",
    "g$lshzxetA",
    "z",
    "KEA!",
    "AKE",
    "K",
    "E",
    "$",
    "m",
];

#[rustfmt::skip]
const SPECS: &[Spec] = &[
    // strings
    spec("GET", 4, &[K], NO_OPTS),
    spec("SET", 12, &[K, V, O, N, O, N], SET_OPTS),
    spec("SETNX", 2, &[K, V], NO_OPTS),
    spec("SETEX", 2, &[K, N, V], NO_OPTS),
    spec("PSETEX", 2, &[K, N, V], NO_OPTS),
    spec("GETDEL", 2, &[K], NO_OPTS),
    spec("GETEX", 6, &[K, O, N, O], GETEX_OPTS),
    spec("GETSET", 2, &[K, V], NO_OPTS),
    spec("MGET", 2, &[K, K, K], NO_OPTS),
    spec("MSET", 3, &[K, V, K, V], NO_OPTS),
    spec("MSETNX", 2, &[K, V, K, V], NO_OPTS),
    spec("INCR", 3, &[K], NO_OPTS),
    spec("DECR", 2, &[K], NO_OPTS),
    spec("INCRBY", 4, &[K, N], NO_OPTS),
    spec("DECRBY", 4, &[K, N], NO_OPTS),
    spec("INCRBYFLOAT", 6, &[K, N], NO_OPTS),
    spec("APPEND", 3, &[K, V], NO_OPTS),
    spec("STRLEN", 2, &[K], NO_OPTS),
    // bits and ranges
    spec("GETRANGE", 3, &[K, N, N], NO_OPTS),
    spec("TOUCH", 2, &[K, K, K], NO_OPTS),
    // Lua scripts over the same keys
    Spec { name: "EVAL", weight: 6, shape: &[Own, Fixed("1"), K, V], opts: NO_OPTS, own: SCRIPT_WORDS, exact: true },
    Spec { name: "EVAL_RO", weight: 2, shape: &[Own, Fixed("1"), K, N], opts: NO_OPTS, own: SCRIPT_WORDS, exact: true },
    spec("SUBSTR", 1, &[K, N, N], NO_OPTS),
    own("SETRANGE", 3, &[K, Own, V], BIT_WORDS),
    own("SETBIT", 4, &[K, Own, Own], BIT_WORDS),
    own("GETBIT", 3, &[K, Own], BIT_WORDS),
    spec("BITCOUNT", 3, &[K, N, N, O], BIT_OPTS),
    Spec { name: "BITPOS", weight: 3, shape: &[K, Own, N, N, O], opts: BIT_OPTS, own: &["0", "1", "2", "-1"], exact: false },
    own("BITOP", 3, &[Own, K, K, K], BITOP_WORDS),
    Spec { name: "BITFIELD", weight: 4, shape: &[K, O, Own, Own, Own, O, Own, Own, Own], opts: BIT_OPTS, own: BIT_WORDS, exact: false },
    Spec { name: "BITFIELD_RO", weight: 2, shape: &[K, O, Own, Own, O, Own, Own], opts: BIT_OPTS, own: BIT_WORDS, exact: false },
    // SORT always with ALPHA: redis-server 7.0.15 never clears errno before its strtod, so
    // after one out-of-range weight every numeric SORT on the server fails (the SORTING
    // table covers numeric sorts, one per fresh connection)
    Spec { name: "SORT", weight: 3, shape: &[K, Fixed("ALPHA"), O, O, O, O], opts: SORT_OPTS, own: &[], exact: false },
    Spec { name: "SORT_RO", weight: 1, shape: &[K, Fixed("ALPHA"), O, O, O], opts: SORT_OPTS, own: &[], exact: false },
    spec("LCS", 2, &[K, K, O, O, O], LCS_OPTS),
    // GEO over the same keys (sorted sets)
    own("GEOADD", 4, &[K, Own, Own, V, Own, Own, V], GEO_WORDS),
    spec("GEOPOS", 2, &[K, V, V], NO_OPTS),
    own("GEODIST", 2, &[K, V, V, Own], GEO_WORDS),
    spec("GEOHASH", 1, &[K, V, V], NO_OPTS),
    Spec { name: "GEOSEARCH", weight: 3, shape: &[K, Fixed("FROMLONLAT"), Own, Own, Fixed("BYRADIUS"), Own, Fixed("km"), O, O, O], opts: GEO_OPTS, own: GEO_WORDS, exact: false },
    Spec { name: "GEORADIUS", weight: 2, shape: &[K, Own, Own, Own, Own, O, O], opts: GEO_OPTS, own: GEO_WORDS, exact: false },
    Spec { name: "GEOSEARCHSTORE", weight: 1, shape: &[K, K, Fixed("FROMMEMBER"), V, Fixed("BYBOX"), Own, Own, Own, O], opts: GEO_OPTS, own: GEO_WORDS, exact: false },
    // HyperLogLog over the same keys (a plain string is not one; SETRANGE can break one)
    spec("PFADD", 4, &[K, V, V, V], NO_OPTS),
    spec("PFCOUNT", 3, &[K, K], NO_OPTS),
    spec("PFMERGE", 2, &[K, K, K], NO_OPTS),
    own("PFDEBUG", 1, &[Own, K], PFDEBUG_WORDS),
    // keys
    spec("DEL", 3, &[K, K], NO_OPTS),
    spec("UNLINK", 1, &[K, K], NO_OPTS),
    spec("EXISTS", 2, &[K, K, K], NO_OPTS),
    spec("TYPE", 2, &[K], NO_OPTS),
    spec("RENAME", 3, &[K, K], NO_OPTS),
    spec("RENAMENX", 2, &[K, K], NO_OPTS),
    spec("KEYS", 2, &[P], NO_OPTS),
    spec("SCAN", 4, &[Cursor, O, P, O, N, O], SCAN_OPTS),
    spec("DBSIZE", 1, &[], NO_OPTS),
    spec("FLUSHALL", 1, &[O], FLUSH_OPTS),
    spec("FLUSHDB", 1, &[O], FLUSH_OPTS),
    spec("MOVE", 2, &[K, N], NO_OPTS),
    spec("COPY", 2, &[K, K, O, N, O], COPY_OPTS),
    spec("SWAPDB", 1, &[N, N], NO_OPTS),
    // hashes: fields drawn from the key words (few, colliding)
    spec("HSET", 8, &[K, K, V, K, V], NO_OPTS),
    spec("HMSET", 2, &[K, K, V], NO_OPTS),
    spec("HSETNX", 2, &[K, K, V], NO_OPTS),
    spec("HGET", 3, &[K, K], NO_OPTS),
    spec("HMGET", 2, &[K, K, K], NO_OPTS),
    spec("HDEL", 3, &[K, K, K], NO_OPTS),
    spec("HLEN", 1, &[K], NO_OPTS),
    spec("HSTRLEN", 1, &[K, K], NO_OPTS),
    spec("HEXISTS", 1, &[K, K], NO_OPTS),
    spec("HKEYS", 1, &[K], NO_OPTS),
    spec("HVALS", 1, &[K], NO_OPTS),
    spec("HGETALL", 2, &[K], NO_OPTS),
    spec("HINCRBY", 4, &[K, K, N], NO_OPTS),
    spec("HINCRBYFLOAT", 4, &[K, K, N], NO_OPTS),
    Spec { name: "HRANDFIELD", weight: 1, shape: &[K], opts: NO_OPTS, own: &[], exact: true },
    Spec { name: "HRANDFIELD", weight: 2, shape: &[K, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    Spec { name: "HRANDFIELD", weight: 2, shape: &[K, Own, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    spec("HSCAN", 3, &[K, Cursor, O, P, O, N], HASH_OPTS),
    // sorted sets: members drawn from the key words (few, colliding), scores from the
    // numbers, range bounds from ZRANGE_WORDS
    zspec("ZADD", 10, &[K, O, N, K, N, K]),
    zspec("ZADD", 4, &[K, N, K, N, K]),
    zspec("ZINCRBY", 4, &[K, N, K]),
    zspec("ZREM", 3, &[K, K, K]),
    zspec("ZCARD", 2, &[K]),
    zspec("ZSCORE", 2, &[K, K]),
    zspec("ZMSCORE", 2, &[K, K, K]),
    zspec("ZRANK", 2, &[K, K]),
    zspec("ZREVRANK", 1, &[K, K]),
    zspec("ZCOUNT", 3, &[K, Own, Own]),
    zspec("ZLEXCOUNT", 2, &[K, Own, Own]),
    zspec("ZRANGE", 8, &[K, Own, Own, O, O, O, N, N]),
    zspec("ZRANGEBYSCORE", 3, &[K, Own, Own, O, O, N, N]),
    zspec("ZREVRANGEBYSCORE", 2, &[K, Own, Own, O, O, N, N]),
    zspec("ZREVRANGE", 2, &[K, N, N, O]),
    zspec("ZRANGEBYLEX", 2, &[K, Own, Own, O, N, N]),
    zspec("ZREVRANGEBYLEX", 2, &[K, Own, Own, O, N, N]),
    zspec("ZREMRANGEBYSCORE", 2, &[K, Own, Own]),
    zspec("ZREMRANGEBYRANK", 2, &[K, N, N]),
    zspec("ZREMRANGEBYLEX", 2, &[K, Own, Own]),
    zspec("ZPOPMIN", 3, &[K, N]),
    zspec("ZPOPMAX", 2, &[K, N]),
    Spec { name: "ZRANDMEMBER", weight: 1, shape: &[K], opts: NO_OPTS, own: &[], exact: true },
    Spec { name: "ZRANDMEMBER", weight: 2, shape: &[K, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    Spec { name: "ZRANDMEMBER", weight: 2, shape: &[K, Own, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    spec("ZSCAN", 3, &[K, Cursor, O, P, O, N], ZSET_OPTS),
    // lists: elements drawn from the key words (few, colliding, so LREM, LPOS and
    // LINSERT's pivot find them) and from the values, indexes and counts from the numbers
    spec("LPUSH", 5, &[K, K, V, K], LIST_OPTS),
    spec("RPUSH", 6, &[K, V, K, K], LIST_OPTS),
    spec("LPUSHX", 2, &[K, K, V], LIST_OPTS),
    spec("RPUSHX", 2, &[K, V, K], LIST_OPTS),
    spec("LPOP", 4, &[K, N], LIST_OPTS),
    spec("RPOP", 3, &[K, N], LIST_OPTS),
    spec("LLEN", 2, &[K], LIST_OPTS),
    spec("LINDEX", 3, &[K, N], LIST_OPTS),
    spec("LRANGE", 5, &[K, N, N], LIST_OPTS),
    spec("LSET", 3, &[K, N, V], LIST_OPTS),
    spec("LREM", 3, &[K, N, K], LIST_OPTS),
    spec("LTRIM", 3, &[K, N, N], LIST_OPTS),
    spec("LINSERT", 4, &[K, O, K, V], LIST_OPTS),
    spec("LPOS", 5, &[K, K, O, N, O, N], LIST_OPTS),
    spec("LMOVE", 4, &[K, K, O, O], LIST_OPTS),
    spec("RPOPLPUSH", 2, &[K, K], LIST_OPTS),
    Spec { name: "ZUNION", weight: 2, shape: &[Own, K, K, O, N, N, O, O], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "ZINTER", weight: 2, shape: &[Own, K, K, O, N, N, O, O], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "ZDIFF", weight: 2, shape: &[Own, K, K, O], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "ZUNIONSTORE", weight: 2, shape: &[K, Own, K, K, O, N, N, O, O], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "ZINTERSTORE", weight: 2, shape: &[K, Own, K, K, O, N, N, O, O], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "ZDIFFSTORE", weight: 2, shape: &[K, Own, K, K], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "ZINTERCARD", weight: 2, shape: &[Own, K, K, O, N], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    zspec("ZRANGESTORE", 3, &[K, K, Own, Own, O, O, N, N]),
    Spec { name: "ZMPOP", weight: 3, shape: &[Own, K, K, O, O, N], opts: ZSET_OPTS, own: NUMKEYS, exact: false },
    Spec { name: "LMPOP", weight: 4, shape: &[Own, K, K, O, O, N], opts: LIST_OPTS, own: NUMKEYS, exact: false },
    // sets: members drawn from the key words (few, colliding, so SREM, SMOVE and the
    // algebra find them), the numbers (integers make intsets; `01`, `-0` do not) and the
    // values; counts from RANDOM_COUNT_WORDS
    spec("SADD", 8, &[K, K, N, V], SET_TYPE_OPTS),
    spec("SADD", 3, &[K, N, N, N], SET_TYPE_OPTS),
    spec("SREM", 4, &[K, K, N], SET_TYPE_OPTS),
    spec("SMEMBERS", 3, &[K], SET_TYPE_OPTS),
    spec("SISMEMBER", 2, &[K, K], SET_TYPE_OPTS),
    spec("SMISMEMBER", 2, &[K, K, N, K], SET_TYPE_OPTS),
    spec("SCARD", 2, &[K], SET_TYPE_OPTS),
    Spec { name: "SPOP", weight: 2, shape: &[K], opts: NO_OPTS, own: &[], exact: true },
    Spec { name: "SPOP", weight: 3, shape: &[K, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    Spec { name: "SPOP", weight: 1, shape: &[K, Own, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    Spec { name: "SRANDMEMBER", weight: 1, shape: &[K], opts: NO_OPTS, own: &[], exact: true },
    Spec { name: "SRANDMEMBER", weight: 2, shape: &[K, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    Spec { name: "SRANDMEMBER", weight: 1, shape: &[K, Own, Own], opts: NO_OPTS, own: RANDOM_COUNT_WORDS, exact: true },
    spec("SMOVE", 3, &[K, K, K], SET_TYPE_OPTS),
    spec("SINTER", 3, &[K, K, K], SET_TYPE_OPTS),
    spec("SUNION", 2, &[K, K], SET_TYPE_OPTS),
    spec("SDIFF", 2, &[K, K, K], SET_TYPE_OPTS),
    spec("SINTERSTORE", 2, &[K, K, K], SET_TYPE_OPTS),
    spec("SUNIONSTORE", 2, &[K, K, K], SET_TYPE_OPTS),
    spec("SDIFFSTORE", 2, &[K, K, K], SET_TYPE_OPTS),
    Spec { name: "SINTERCARD", weight: 3, shape: &[Own, K, K, O, N], opts: SET_TYPE_OPTS, own: NUMKEYS, exact: false },
    spec("SSCAN", 3, &[K, Cursor, O, P, O, N], SET_TYPE_OPTS),
    // expiry
    spec("EXPIRE", 6, &[K, N, O, O], EXPIRE_OPTS),
    spec("PEXPIRE", 4, &[K, N, O, O], EXPIRE_OPTS),
    spec("EXPIREAT", 4, &[K, N, O, O], EXPIRE_OPTS),
    spec("PEXPIREAT", 4, &[K, N, O, O], EXPIRE_OPTS),
    spec("TTL", 4, &[K], NO_OPTS),
    spec("PTTL", 2, &[K], NO_OPTS),
    spec("EXPIRETIME", 2, &[K], NO_OPTS),
    spec("PEXPIRETIME", 2, &[K], NO_OPTS),
    spec("PERSIST", 3, &[K], NO_OPTS),
    // connection and server
    spec("PING", 1, &[V], NO_OPTS),
    spec("ECHO", 1, &[V], NO_OPTS),
    own("HELLO", 2, &[Own, Own, Own, Own], HELLO_WORDS),
    own("CLIENT", 2, &[Own, V], CLIENT_WORDS),
    spec("SELECT", 1, &[N], NO_OPTS),
    spec("RESET", 1, &[], NO_OPTS),
    spec("QUIT", 1, &[], NO_OPTS),
    own("CONFIG", 1, &[Own, Fixed("notify-keyspace-events"), Own], CONFIG_SUBS),
    // ACL lines are drawn whole (see `command_line`): a random SETUSER would change the
    // shared server's users, a random CAT compare lists in each server's own order.
    own("ACL", 2, &[], NO_OPTS),
    own("LATENCY", 1, &[Own, V], LATENCY_WORDS),
    own("MODULE", 1, &[Own, V], MODULE_WORDS),
    // Without replicas it always fails; the options are what is compared. (Never
    // REPLICAOF: a valid one would give the oracle a master.)
    spec("FAILOVER", 1, &[O, V, N, O], FAILOVER_OPTS),
    // Both write a snapshot (the pair's engine has a file). Never BGSAVE: when the oracle
    // reaps its child is its timer's business, so a second one's reply would be a race.
    Spec { name: "SAVE", weight: 1, shape: &[], opts: NO_OPTS, own: &[], exact: true },
    // transactions
    spec("MULTI", 6, &[], NO_OPTS),
    spec("EXEC", 5, &[], NO_OPTS),
    spec("DISCARD", 2, &[], NO_OPTS),
    spec("WATCH", 3, &[K, K], NO_OPTS),
    spec("UNWATCH", 1, &[], NO_OPTS),
    // pub/sub without subscribers
    spec("PUBLISH", 1, &[K, V], NO_OPTS),
    spec("SPUBLISH", 1, &[K, V], NO_OPTS),
    own("PUBSUB", 2, &[Own, P, K], PUBSUB_WORDS),
    // a stream key, for the string commands' WRONGTYPE paths
    Spec { name: "XADD", weight: 1, shape: &[K, Fixed("1-1"), Fixed("f"), Fixed("v")], opts: NO_OPTS, own: &[], exact: true },
];

/// One command line: the connection it goes to, and its arguments.
#[derive(Clone)]
struct Line {
    /// Its position in the generated sequence (a minimised script keeps the numbers).
    id: usize,
    conn: usize,
    argv: Vec<Vec<u8>>,
}

#[derive(Clone)]
struct Script {
    resp3: bool,
    lines: Vec<Line>,
}

impl Script {
    fn show(&self) -> String {
        let mut out = format!("[{}]", if self.resp3 { "RESP3" } else { "RESP2" });
        for line in &self.lines {
            let prefix = if line.conn == 1 { "@1 " } else { "" };
            out.push_str(&format!("\n    {prefix}{}", show_argv(&line.argv)));
        }
        out
    }
}

fn token(rng: &mut Rng, class: Class, spec: &Spec) -> Vec<u8> {
    if class == Class::Value && rng.below(12) == 0 {
        return BINARY[rng.below(BINARY.len() as u64) as usize].to_vec();
    }
    let mut word = word(rng, class, spec).as_bytes().to_vec();
    // A keyword with a NUL and more after it: Redis compares keywords as C strings.
    // Not a subcommand: Redis finds those in a dict hashed over the whole argument but
    // compared as a C string, so a NUL-suffixed subcommand matches by chance of its bucket
    // under a hash seed chosen at random when redis-server starts.
    let keyword = class == Class::Opt || (class == Class::Own && spec.name == "HELLO");
    if keyword && rng.below(40) == 0 {
        word.extend_from_slice(if rng.below(2) == 0 { b"\x00" } else { b"\x00x" });
    }
    word
}

fn word<'a>(rng: &mut Rng, class: Class, spec: &'a Spec) -> &'a str {
    match class {
        Class::Key => rng.pick(KEYS),
        Class::Value => rng.pick(VALUES),
        Class::Num => rng.pick(NUMBERS),
        Class::Opt => {
            if spec.opts.is_empty() || rng.below(5) == 0 {
                let family = ALL_OPTS[rng.below(ALL_OPTS.len() as u64) as usize];
                rng.pick(family)
            } else {
                rng.pick(spec.opts)
            }
        }
        Class::Pattern => rng.pick(PATTERNS),
        Class::Cursor => {
            if rng.below(4) == 0 {
                rng.pick(NUMBERS)
            } else {
                "0"
            }
        }
        Class::Own => rng.pick(spec.own),
        Class::Fixed(word) => word,
    }
}

/// Any class but the command-specific ones, for arguments outside the usual shape.
fn any_class(rng: &mut Rng) -> Class {
    [
        Class::Key,
        Class::Value,
        Class::Num,
        Class::Opt,
        Class::Pattern,
    ][rng.below(5) as usize]
}

fn command_line(rng: &mut Rng, id: usize) -> Vec<Vec<u8>> {
    let total: u64 = SPECS.iter().map(|s| s.weight).sum();
    let mut roll = rng.below(total);
    let spec = SPECS
        .iter()
        .find(|s| {
            if roll < s.weight {
                true
            } else {
                roll -= s.weight;
                false
            }
        })
        .expect("a spec");
    let mut argv = vec![spec.name.as_bytes().to_vec()];
    if rng.below(5) == 0 {
        argv[0].make_ascii_lowercase();
    }
    if spec.name == "ACL" {
        // Mostly DRYRUN of a line of the other commands: does the command exist, does its
        // arity fit, as each server's table says.
        if rng.below(3) != 0 {
            let mut inner = command_line(rng, id);
            while inner[0].eq_ignore_ascii_case(b"ACL") {
                inner = command_line(rng, id);
            }
            let mut argv = vec![b"ACL".to_vec(), b"DRYRUN".to_vec(), b"default".to_vec()];
            argv.extend(inner);
            return argv;
        }
        let line = ACL_LINES[rng.below(ACL_LINES.len() as u64) as usize];
        return line.iter().map(|word| word.as_bytes().to_vec()).collect();
    }
    if spec.name == "CONFIG" {
        // Never a random parameter name: CONFIG SET would change the shared server.
        argv.push(rng.pick(CONFIG_SUBS).as_bytes().to_vec());
        let params = rng.below(3);
        for _ in 0..params {
            argv.push(b"notify-keyspace-events".to_vec());
            if rng.below(4) != 0 {
                argv.push(rng.pick(CONFIG_FLAGS).as_bytes().to_vec());
            }
        }
        return argv;
    }
    let count = if spec.exact || rng.below(2) == 0 {
        spec.shape.len()
    } else {
        rng.below(7) as usize
    };
    for position in 0..count {
        let class = match spec.shape.get(position) {
            Some(&class) if spec.exact || rng.below(10) < 7 => class,
            Some(&Class::Own) => Class::Own,
            _ => any_class(rng),
        };
        argv.push(token(rng, class, spec));
    }
    stabilise_time(&mut argv, id);
    keep_zsets_small(&mut argv);
    argv
}

/// Arguments of ZADD and ZINCRBY are cut to 64 bytes: no member is longer than
/// redis-server's `zset-max-listpack-value`, so its sorted sets stay listpacks (a sequence
/// cannot add 128 members either). A skiplist would make its replies depend on its random
/// levels (lex ranges over mixed scores) and its encoding (a `-0` score is kept there, a
/// listpack stores `0`). A longer argument is an error as an option or a score whether cut
/// or not.
fn keep_zsets_small(argv: &mut [Vec<u8>]) {
    let name = argv[0].to_ascii_lowercase();
    if name == b"zadd" || name == b"zincrby" {
        for arg in argv.iter_mut().skip(2) {
            arg.truncate(64);
        }
    }
}

/// Small positive relative TTLs become `n * 10000 + id` seconds (or that in milliseconds):
/// nothing expires during a sequence, and no two deadlines are equal by accident of the
/// clock (see the file's doc).
fn stabilise_time(argv: &mut [Vec<u8>], id: usize) {
    let name = argv[0].to_ascii_lowercase();
    let mut relative: Vec<(usize, bool)> = Vec::new(); // (position, in milliseconds)
    match name.as_slice() {
        b"setex" | b"expire" => relative.push((2, false)),
        b"psetex" | b"pexpire" => relative.push((2, true)),
        b"set" | b"getex" => {
            let first = if name == b"set" { 4 } else { 3 };
            for position in first..argv.len() {
                let option = argv[position - 1].to_ascii_lowercase();
                if option == b"ex" || option == b"px" {
                    relative.push((position, option == b"px"));
                }
            }
        }
        _ => {}
    }
    for (position, millis) in relative {
        let Some(arg) = argv.get_mut(position) else {
            continue;
        };
        let Some(n) = small_positive(arg) else {
            continue;
        };
        let seconds = n * 10_000 + id as u64;
        let value = if millis { seconds * 1000 } else { seconds };
        *arg = value.to_string().into_bytes();
    }
}

/// A canonical decimal integer in 1..=1_000_000.
fn small_positive(arg: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(arg).ok()?;
    let n: u64 = text.parse().ok()?;
    ((1..=1_000_000).contains(&n) && n.to_string() == text).then_some(n)
}

fn generate(seed: u64) -> Script {
    let mut rng = Rng::new(seed);
    let resp3 = rng.below(2) == 0;
    let length = 10 + rng.below(31) as usize;
    let mut lines = Vec::with_capacity(length);
    for id in 0..length {
        let conn = usize::from(rng.below(10) == 0);
        let mut argv = command_line(&mut rng, id);
        if rng.below(12) == 0 {
            // The same line as COMMAND GETKEYS / GETKEYSANDFLAGS sees it: key finding on
            // malformed lines (counts that do not parse, keywords missing, wrong arities).
            let sub: &[u8] = if rng.below(2) == 0 {
                b"GETKEYS"
            } else {
                b"GETKEYSANDFLAGS"
            };
            argv.splice(0..0, [b"COMMAND".to_vec(), sub.to_vec()]);
        }
        lines.push(Line { id, conn, argv });
    }
    Script { resp3, lines }
}

// ---------------------------------------------------------------------------------------
// Running and comparing.
// ---------------------------------------------------------------------------------------

/// Replies compared, and how many of them were errors (redis-server's), for the summary:
/// a vocabulary that only ever reaches error paths would show here.
static REPLIES: AtomicU64 = AtomicU64::new(0);
static ERRORS: AtomicU64 = AtomicU64::new(0);

/// The first divergence of a run.
struct Divergence {
    /// The `id` of the line that diverged.
    id: usize,
    command: String,
    expected: Vec<u8>,
    actual: Vec<u8>,
    why: String,
}

/// What the runner tracks of each connection (from redis-server's replies: the oracle).
#[derive(Default, Clone)]
struct ConnState {
    greeted: bool,
    in_multi: bool,
    queued: Vec<Vec<Vec<u8>>>,
    closed: bool,
}

fn lower(argv: &[Vec<u8>]) -> String {
    String::from_utf8_lossy(&argv[0]).to_ascii_lowercase()
}

fn run(lease: &Lease, script: &Script) -> Result<(), Divergence> {
    let mut pair = lease.fresh_pair();
    let changes_before = changes_since_save(&mut pair, 2);
    // Set when embedis took redis-server's SPOP picks: writes of its own, counted.
    let mut followed_picks = false;
    // Set after a SAVE: both counts started again from 0.
    let mut saved = false;
    let mut conns = vec![ConnState::default(); 2];
    // A SET with EXAT/PXAT ran: Redis may count a key with a past deadline in DBSIZE.
    let mut lenient_dbsize = false;
    for line in &script.lines {
        let state = &mut conns[line.conn];
        let name = lower(&line.argv);
        // SPOP in MULTI: see the module doc (its picks could not be followed).
        if state.closed || (state.in_multi && (name == "hello" || name == "spop")) {
            continue;
        }
        if script.resp3 && !state.greeted {
            state.greeted = true;
            let hello = vec![b"HELLO".to_vec(), b"3".to_vec()];
            let (expected, actual) = pair.call(line.conn, &hello);
            if mask_hello(&expected) != mask_hello(&actual) {
                return Err(Divergence {
                    id: line.id,
                    command: "HELLO 3 (greeting)".into(),
                    expected,
                    actual,
                    why: "HELLO 3 differs".into(),
                });
            }
        }
        // Keywords as Redis reads them: up to a NUL byte.
        let absolute = |arg: &Vec<u8>| {
            let word = arg.split(|&b| b == 0).next().unwrap_or_default();
            word.eq_ignore_ascii_case(b"exat") || word.eq_ignore_ascii_case(b"pxat")
        };
        if name == "set" && line.argv[3.min(line.argv.len())..].iter().any(absolute) {
            lenient_dbsize = true;
        }
        let (expected, actual, why) = if name == "scan" && !state.in_multi {
            scan(&mut pair, line)
        } else {
            let (expected, actual) = pair.call(line.conn, &line.argv);
            let why = compare(
                &line.argv,
                &state.queued,
                lenient_dbsize,
                &expected,
                &actual,
            );
            (expected, actual, why)
        };
        REPLIES.fetch_add(1, Ordering::Relaxed);
        if expected.starts_with(b"-") {
            ERRORS.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(why) = why {
            return Err(Divergence {
                id: line.id,
                command: show_argv(&line.argv),
                expected,
                actual,
                why,
            });
        }
        if name == "spop" && expected != actual {
            follow_picks(&mut pair, line, &expected, &actual);
            followed_picks = true;
        }
        saved |= name == "save" && expected == b"+OK\r\n";
        // Follow the connection's state, as redis-server answered.
        let argc = line.argv.len();
        match name.as_str() {
            "multi" if expected == b"+OK\r\n" => {
                state.in_multi = true;
                state.queued.clear();
            }
            // EXEC with arguments inside MULTI aborts the transaction too.
            "exec" => {
                state.in_multi = false;
                state.queued.clear();
            }
            "discard" | "reset" if argc == 1 => {
                state.in_multi = false;
                state.queued.clear();
            }
            "quit" if expected == b"+OK\r\n" || expected == CLOSED => state.closed = true,
            _ if state.in_multi && expected == b"+QUEUED\r\n" => {
                state.queued.push(line.argv.clone());
            }
            _ => {}
        }
    }
    // The writes counted as redis-server counts them (INFO's rdb_changes_since_last_save,
    // what `save` points test); its count goes on from sequence to sequence.
    let changes_after = changes_since_save(&mut pair, 2);
    let made = |after: Option<u64>, before: Option<u64>| {
        if saved {
            after
        } else {
            after?.checked_sub(before?)
        }
    };
    let (expected, actual) = (
        made(changes_after.0, changes_before.0),
        made(changes_after.1, changes_before.1),
    );
    if !followed_picks && expected != actual {
        return Err(Divergence {
            id: script.lines.last().map_or(0, |line| line.id),
            command: "INFO persistence (after the last line)".into(),
            expected: format!("rdb_changes_since_last_save grew by {expected:?}").into_bytes(),
            actual: format!("rdb_changes_since_last_save grew by {actual:?}").into_bytes(),
            why: "the writes count as a different number of changes".into(),
        });
    }
    Ok(())
}

/// After an SPOP whose picks differ (both replies have the same shape: `same_reply`),
/// embedis takes redis-server's picks instead of its own: the members it popped go back
/// into the set and redis-server's go, so the lines after it compare like states. The set
/// still holds members on both sides (picks of a whole set do not differ) and its TTL is
/// kept; the writes are on the SPOP's connection, in its database.
fn follow_picks(pair: &mut Pair, line: &Line, expected: &[u8], actual: &[u8]) {
    let (Some(mut redis), Some(mut embedis)) = (picks(expected), picks(actual)) else {
        return;
    };
    redis.sort();
    embedis.sort();
    if redis == embedis {
        return;
    }
    let key = line.argv[1].clone();
    let back = [b"SADD".to_vec(), key.clone()].into_iter().chain(embedis);
    let gone = [b"SREM".to_vec(), key].into_iter().chain(redis);
    for argv in [back.collect::<Vec<_>>(), gone.collect()] {
        let reply = pair.call_embedis(line.conn, &argv);
        assert!(
            reply.starts_with(b":"),
            "following SPOP's picks: {} answered \"{}\"",
            show_argv(&argv),
            escape(&reply)
        );
    }
}

/// The members of an SPOP reply: one bulk string, or an array or set of them.
fn picks(frame: &[u8]) -> Option<Vec<Vec<u8>>> {
    if let Some((member, rest)) = bulk(frame) {
        return rest.is_empty().then(|| vec![member.to_vec()]);
    }
    let (_, items) = elements(frame)?;
    items
        .iter()
        .map(|item| bulk(item).map(|(member, _)| member.to_vec()))
        .collect()
}

/// Two random picks agree in shape: both a (non-nil) bulk string, or both an array or a
/// set of as many elements (pairs included, for WITHVALUES / WITHSCORES in RESP3).
fn same_picks(expected: &[u8], actual: &[u8]) -> bool {
    let nil = |frame: &[u8]| frame.starts_with(b"$-1") || frame.starts_with(b"*-1");
    if nil(expected) || nil(actual) {
        return false;
    }
    match (expected.first(), actual.first()) {
        (Some(b'$'), Some(b'$')) => true,
        (Some(a @ (b'*' | b'~')), Some(b)) if a == b => {
            elements(expected).map(|(header, _)| header)
                == elements(actual).map(|(header, _)| header)
        }
        _ => false,
    }
}

/// `None` if the replies agree for this command, else why not.
fn compare(
    argv: &[Vec<u8>],
    queued: &[Vec<Vec<u8>>],
    lenient_dbsize: bool,
    expected: &[u8],
    actual: &[u8],
) -> Option<String> {
    let same = if lower(argv) == "exec" && argv.len() == 1 {
        expected == actual || same_exec(queued, lenient_dbsize, expected, actual)
    } else {
        same(argv, lenient_dbsize, expected, actual)
    };
    (!same).then(|| "replies differ".into())
}

fn same(argv: &[Vec<u8>], lenient_dbsize: bool, expected: &[u8], actual: &[u8]) -> bool {
    expected == actual
        || same_reply(argv, lenient_dbsize, expected, actual)
        || quotes_non_utf8(argv, expected, actual)
}

/// README: error texts hold Rust strings, so non-UTF-8 bytes quoted in them become U+FFFD.
fn quotes_non_utf8(argv: &[Vec<u8>], expected: &[u8], actual: &[u8]) -> bool {
    expected.starts_with(b"-")
        && argv.iter().any(|arg| std::str::from_utf8(arg).is_err())
        && String::from_utf8_lossy(expected).as_bytes() == actual
}

/// One command's reply (not EXEC's), beyond byte equality.
fn same_reply(argv: &[Vec<u8>], lenient_dbsize: bool, expected: &[u8], actual: &[u8]) -> bool {
    match lower(argv).as_str() {
        "keys" => sorted(expected).is_some() && sorted(expected) == sorted(actual),
        // A value over 64 bytes converts a hash on redis-server, whose order is then its
        // own: compared as multisets of elements.
        "hkeys" | "hvals" | "hgetall" => {
            sorted(expected).is_some() && sorted(expected) == sorted(actual)
        }
        // A set that is not an intset is a hash table on redis-server, in its own order.
        "smembers" | "sinter" | "sunion" | "sdiff" => {
            sorted(expected).is_some() && sorted(expected) == sorted(actual)
        }
        // ALPHA without STORE compares up to a NUL, so "" and "\0" tie and keep the
        // source's order (a set's hash order): compared as multisets.
        "sort" | "sort_ro" => sorted(expected).is_some() && sorted(expected) == sorted(actual),
        // Random picks: a bulk string each, or an array / set with the same header; nils
        // and errors only byte for byte (equal bytes were accepted before).
        "hrandfield" | "zrandmember" | "spop" | "srandmember" => same_picks(expected, actual),
        // Lex ranges over members of different scores are undefined in Redis: only the
        // reply type is compared, and errors (equal bytes, checked before) exactly.
        "zrangebylex" | "zrevrangebylex" | "zlexcount" | "zremrangebylex" => {
            same_type(expected, actual)
        }
        "zrange" | "zrangestore" if argv.iter().skip(4).any(|arg| keyword(arg, b"bylex")) => {
            same_type(expected, actual)
        }
        // A converted hash is paged in each server's own order: compare the items of
        // pages that end the iteration, and only the shape of the others.
        // From another cursor than 0, a page means different places on each side (as for
        // SCAN).
        "hscan" | "zscan" | "sscan" => match (scan_page(expected), scan_page(actual)) {
            (Some((c1, k1)), Some((c2, k2))) => {
                argv.get(2).is_some_and(|cursor| cursor != b"0")
                    || c1 != b"0"
                    || c2 != b"0"
                    || k1 == k2
            }
            _ => false,
        },
        "hello" => mask_hello(expected) == mask_hello(actual),
        "ttl" | "expiretime" => near(expected, actual, 1),
        "pttl" | "pexpiretime" => near(expected, actual, 250),
        "dbsize" => lenient_dbsize && integer(expected).is_some() && integer(actual).is_some(),
        "scan" => match (scan_page(expected), scan_page(actual)) {
            // Inside EXEC: no iteration; a page from cursor 0 that ends the iteration on
            // both sides must hold the same keys.
            (Some((c1, k1)), Some((c2, k2))) => {
                argv[1] != b"0" || c1 != b"0" || c2 != b"0" || k1 == k2
            }
            _ => false,
        },
        _ => false,
    }
}

/// Two replies of one type that are not errors (errors are compared byte for byte).
fn same_type(expected: &[u8], actual: &[u8]) -> bool {
    !expected.starts_with(b"-") && expected.first() == actual.first()
}

/// An argument that Redis reads as `word` (case-insensitive, up to a NUL byte).
fn keyword(arg: &[u8], word: &[u8]) -> bool {
    arg.split(|&b| b == 0)
        .next()
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
}

/// EXEC: element by element, each by the rule of the command queued there.
fn same_exec(
    queued: &[Vec<Vec<u8>>],
    lenient_dbsize: bool,
    expected: &[u8],
    actual: &[u8],
) -> bool {
    let (Some((h1, e1)), Some((h2, e2))) = (elements(expected), elements(actual)) else {
        return false;
    };
    h1 == h2
        && e1.len() == queued.len()
        && e2.len() == queued.len()
        && queued
            .iter()
            .zip(e1.iter().zip(&e2))
            .all(|(argv, (a, b))| same(argv, lenient_dbsize, a, b))
}

fn integer(frame: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(frame.strip_prefix(b":")?.strip_suffix(b"\r\n")?).ok()?;
    text.parse().ok()
}

/// Two integers equal, or both non-negative and within `tolerance` (timing jitter).
fn near(expected: &[u8], actual: &[u8], tolerance: i64) -> bool {
    match (integer(expected), integer(actual)) {
        (Some(a), Some(b)) => a == b || (a >= 0 && b >= 0 && (a - b).abs() <= tolerance),
        _ => false,
    }
}

fn sorted(frame: &[u8]) -> Option<(Vec<u8>, Vec<Vec<u8>>)> {
    let (header, mut items) = match frame.first() {
        Some(b'*' | b'~') => elements(frame)?,
        // A RESP3 map: its keys and values as one flat list.
        Some(b'%') => {
            let mut flat = frame.to_vec();
            flat[0] = b'*';
            let (_, items) = elements(&flat)?;
            (
                frame[..frame.iter().position(|&b| b == b'\n')? + 1].to_vec(),
                items,
            )
        }
        _ => return None,
    };
    items.sort();
    Some((header, items))
}

/// A SCAN page: the cursor and the keys, sorted.
fn scan_page(frame: &[u8]) -> Option<(Vec<u8>, Vec<Vec<u8>>)> {
    let rest = frame.strip_prefix(b"*2\r\n")?;
    let (cursor, rest) = bulk(rest)?;
    let (_, items) = sorted(rest)?;
    let keys = items
        .iter()
        .map(|item| bulk(item).map(|(key, _)| key.to_vec()))
        .collect::<Option<Vec<_>>>()?;
    Some((cursor.to_vec(), keys))
}

/// SCAN outside MULTI: when both sides answer a page, each is iterated to cursor 0; from
/// cursor `0` the sets of keys must be equal (other cursors mean different places).
fn scan(pair: &mut Pair, line: &Line) -> (Vec<u8>, Vec<u8>, Option<String>) {
    let (expected, actual) = pair.call(line.conn, &line.argv);
    let (Some(first_redis), Some(first_embedis)) = (scan_page(&expected), scan_page(&actual))
    else {
        let why = (expected != actual).then(|| "replies differ".to_string());
        return (expected, actual, why);
    };
    let mut sides: Vec<BTreeSet<Vec<u8>>> = Vec::new();
    for (side, (mut cursor, page)) in [first_redis, first_embedis].into_iter().enumerate() {
        let mut keys: BTreeSet<Vec<u8>> = page.into_iter().collect();
        let mut argv = line.argv.clone();
        let mut rounds = 0;
        while cursor != b"0" {
            rounds += 1;
            if rounds > 10_000 {
                let who = if side == 0 { "redis-server" } else { "embedis" };
                let why = format!("{who}'s SCAN did not end in 10000 rounds");
                return (expected, actual, Some(why));
            }
            argv[1] = cursor;
            let reply = if side == 0 {
                pair.call_redis(line.conn, &argv)
            } else {
                pair.call_embedis(line.conn, &argv)
            };
            let Some((next, page)) = scan_page(&reply) else {
                let why = format!("SCAN {} answered \"{}\"", escape(&argv[1]), escape(&reply));
                return (expected, actual, Some(why));
            };
            keys.extend(page);
            cursor = next;
        }
        sides.push(keys);
    }
    if line.argv[1] != b"0" || sides[0] == sides[1] {
        return (expected, actual, None);
    }
    let show = |set: &BTreeSet<Vec<u8>>| set.iter().map(|k| escape(k)).collect::<Vec<_>>();
    let why = format!(
        "SCAN iterated to different keys: redis-server {:?}, embedis {:?}",
        show(&sides[0]),
        show(&sides[1])
    );
    (expected, actual, Some(why))
}

// ---------------------------------------------------------------------------------------
// Minimising and reporting.
// ---------------------------------------------------------------------------------------

/// Drops lines (and the RESP3 greeting) while the same line still diverges. A divergence
/// that does not come back when the script runs again is returned as it was, marked.
fn minimise(lease: &Lease, script: &Script, first: Divergence) -> (Script, Divergence) {
    let failing = first.id;
    let still = |candidate: &Script| -> Option<Divergence> {
        run(lease, candidate).err().filter(|d| d.id == failing)
    };
    let mut best = script.clone();
    best.lines.retain(|line| line.id <= failing);
    let resp2 = |s: &Script| {
        s.resp3.then(|| Script {
            resp3: false,
            ..s.clone()
        })
    };
    let Some(divergence) = reproduce(&mut best, resp2, &still) else {
        let mut first = first;
        first.why.push_str(NOT_REPRODUCED);
        return (script.clone(), first);
    };
    let lines = std::mem::take(&mut best.lines);
    let mut candidate = best.clone();
    // A candidate only counts if its last line (the same `id`) diverges: nothing to cut.
    let (lines, divergence) = shrink(
        lines,
        divergence,
        |lines| {
            candidate.lines = lines.to_vec();
            still(&candidate)
        },
        |_| usize::MAX,
    );
    best.lines = lines;
    (best, divergence)
}

/// `origin` says how to run the script again.
fn report(origin: &str, script: &Script, divergence: &Divergence) -> String {
    format!(
        "divergence ({origin}) at `{}`: {}; minimal script:\n    {}\n  redis-server: \"{}\"\n  embedis:      \"{}\"",
        divergence.command,
        divergence.why,
        script.show(),
        escape(&divergence.expected),
        escape(&divergence.actual),
    )
}

/// What makes two divergences "the same" for `EMBEDIS_FUZZ_ALL`: the command, and the
/// first line of each reply (numbers blurred).
fn signature(divergence: &Divergence) -> String {
    let name = divergence
        .command
        .split(' ')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let head = |bytes: &[u8]| -> String {
        let line = bytes.split(|&b| b == b'\n').next().unwrap_or(b"");
        escape(&line[..line.len().min(48)])
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    format!(
        "{name} | {} | {}",
        head(&divergence.expected),
        head(&divergence.actual)
    )
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={text}: not a number")))
}

#[test]
fn random_argument_lines_agree() {
    let Some(lease) = lease() else { return };
    let sequences = env_number("EMBEDIS_FUZZ_SEQUENCES").unwrap_or(DEFAULT_SEQUENCES);
    let seed = env_number("EMBEDIS_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let first = env_number("EMBEDIS_FUZZ_FIRST").unwrap_or(0);
    let keep_going = std::env::var("EMBEDIS_FUZZ_ALL").is_ok_and(|v| v == "1");
    let started = Instant::now();
    let mut lines = 0usize;
    let mut found: Vec<(String, String)> = Vec::new();
    for sequence in first..first + sequences {
        let script = generate(seed.wrapping_add(sequence.wrapping_mul(0x9E37_79B9)));
        lines += script.lines.len();
        let Err(divergence) = run(&lease, &script) else {
            continue;
        };
        let key = signature(&divergence);
        if found.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let (minimal, divergence) = minimise(&lease, &script, divergence);
        let origin = format!(
            "EMBEDIS_FUZZ_SEED={seed} EMBEDIS_FUZZ_FIRST={sequence} EMBEDIS_FUZZ_SEQUENCES=1"
        );
        let text = report(&origin, &minimal, &divergence);
        if !keep_going {
            panic!("{text}");
        }
        let _ = std::io::stderr()
            .lock()
            .write_all(format!("\n[{}] {text}\n", found.len() + 1).as_bytes());
        found.push((key, text));
    }
    let _ = std::io::stderr().lock().write_all(
        format!(
            "differential_fuzz: {sequences} sequences, {lines} lines ({} replies compared, {} errors), seed {seed}, {:.1?}, {} distinct divergence(s)\n",
            REPLIES.load(Ordering::Relaxed),
            ERRORS.load(Ordering::Relaxed),
            started.elapsed(),
            found.len()
        )
        .as_bytes(),
    );
    assert!(
        found.is_empty(),
        "{} distinct divergence(s):\n\n{}",
        found.len(),
        found
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// `EMBEDIS_FUZZ_SCRIPT`: one script through the same runner, every reply printed.
#[test]
fn replay_script_from_env() {
    let Ok(text) = std::env::var("EMBEDIS_FUZZ_SCRIPT") else {
        return;
    };
    let Some(lease) = lease() else { return };
    let mut script = Script {
        resp3: false,
        lines: Vec::new(),
    };
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if line == "RESP3" {
            script.resp3 = true;
            continue;
        }
        let (conn, rest) = match line.strip_prefix("@1 ") {
            Some(rest) => (1, rest),
            None => (0, line),
        };
        let id = script.lines.len();
        script.lines.push(Line {
            id,
            conn,
            argv: words(rest),
        });
    }
    // Each prefix of the script, so every reply is shown and compared.
    let mut pair = lease.fresh_pair();
    let mut out = String::new();
    for line in &script.lines {
        if script.resp3 && line.id == 0 {
            pair.call(0, &words("HELLO 3"));
        }
        let (expected, actual) = pair.call(line.conn, &line.argv);
        let mark = if expected == actual { "  " } else { "!=" };
        out.push_str(&format!(
            "{mark} {}\n     redis-server: \"{}\"\n     embedis:      \"{}\"\n",
            show_argv(&line.argv),
            escape(&expected),
            escape(&actual)
        ));
    }
    let _ = std::io::stderr().lock().write_all(out.as_bytes());
    if let Err(divergence) = run(&lease, &script) {
        panic!("{}", report("EMBEDIS_FUZZ_SCRIPT", &script, &divergence));
    }
}
