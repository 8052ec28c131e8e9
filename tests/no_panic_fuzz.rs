//! Robustness: random command lines (every command embedis knows, with arguments drawn from
//! a vocabulary of awkward tokens: extreme numbers, odd IDs, option keywords in any order)
//! never take the engine down. After each line a second connection's PING must still be
//! answered, so a panic inside any command (an arithmetic overflow, which this debug build
//! checks, an out-of-range index, an `unwrap`) fails the test with the script that caused it.
//!
//! This is not a fidelity test: replies are not compared (the differential suites do that
//! against redis-server). It covers what those cannot: embedis-only commands (INCREX,
//! CL.THROTTLE, the Redis 8 stream commands) and the clock jumping around under them.
//!
//! The same lines, written through an engine with an append-only file, must replay to the
//! same data (`random_command_lines_replay_to_the_same_data`): every write reduces to
//! commands that rebuild it, whatever the arguments and wherever the clock was.
//!
//! `EMBEDIS_FUZZ_LINES=<n>` and `EMBEDIS_FUZZ_SEED=<s>` run it longer or from another seed
//! (for the replay test: lines per seed, and the first of its four seeds).

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::picture::picture;
use common::plain::Rng;
use embedis::{Engine, Fsync, ManualClock, Reply};

/// Command names, with the subcommand where the command needs one.
const COMMANDS: &[&str] = &[
    "GET",
    "SET",
    "SETNX",
    "SETEX",
    "PSETEX",
    "GETDEL",
    "GETEX",
    "GETSET",
    "MGET",
    "MSET",
    "MSETNX",
    "INCR",
    "DECR",
    "INCRBY",
    "DECRBY",
    "INCRBYFLOAT",
    "INCREX",
    "APPEND",
    "STRLEN",
    "CL.THROTTLE",
    "CL.THROTTLE.MS",
    "DEL",
    "UNLINK",
    "EXISTS",
    "TYPE",
    "RENAME",
    "RENAMENX",
    "KEYS",
    "SCAN",
    "DBSIZE",
    "EXPIRE",
    "PEXPIRE",
    "EXPIREAT",
    "PEXPIREAT",
    "TTL",
    "PTTL",
    "EXPIRETIME",
    "PEXPIRETIME",
    "PERSIST",
    "PING",
    "ECHO",
    "TIME",
    "SELECT",
    "HSET",
    "HMSET",
    "HSETNX",
    "HGET",
    "HMGET",
    "HDEL",
    "HLEN",
    "HSTRLEN",
    "HEXISTS",
    "HKEYS",
    "HVALS",
    "HGETALL",
    "HINCRBY",
    "HINCRBYFLOAT",
    "HRANDFIELD",
    "HSCAN",
    "ZADD",
    "ZINCRBY",
    "ZREM",
    "ZCARD",
    "ZSCORE",
    "ZMSCORE",
    "ZRANK",
    "ZREVRANK",
    "ZCOUNT",
    "ZLEXCOUNT",
    "ZRANGE",
    "ZRANGEBYSCORE",
    "ZREVRANGEBYSCORE",
    "ZREVRANGE",
    "ZRANGEBYLEX",
    "ZREVRANGEBYLEX",
    "ZREMRANGEBYSCORE",
    "ZREMRANGEBYRANK",
    "ZREMRANGEBYLEX",
    "ZPOPMIN",
    "ZPOPMAX",
    "ZRANDMEMBER",
    "ZSCAN",
    "LPUSH",
    "RPUSH",
    "LPUSHX",
    "RPUSHX",
    "LPOP",
    "RPOP",
    "LLEN",
    "LINDEX",
    "LRANGE",
    "LSET",
    "LREM",
    "LTRIM",
    "LINSERT",
    "LPOS",
    "LMOVE",
    "RPOPLPUSH",
    "LMPOP",
    "ZMPOP",
    "SADD",
    "SREM",
    "SMEMBERS",
    "SISMEMBER",
    "SMISMEMBER",
    "SCARD",
    "SPOP",
    "SRANDMEMBER",
    "SMOVE",
    "SINTER",
    "SUNION",
    "SDIFF",
    "SINTERSTORE",
    "SUNIONSTORE",
    "SDIFFSTORE",
    "SINTERCARD",
    "ZUNION",
    "GETRANGE",
    "EVAL",
    "TOUCH",
    "EVALSHA",
    "SCRIPT",
    "SETRANGE",
    "SETBIT",
    "GETBIT",
    "BITCOUNT",
    "BITPOS",
    "BITOP",
    "BITFIELD",
    "BITFIELD_RO",
    "FCALL",
    "FCALL_RO",
    "FUNCTION",
    "SORT",
    "SORT_RO",
    "LCS",
    "RANDOMKEY",
    "GEOADD",
    "GEOPOS",
    "GEODIST",
    "GEOHASH",
    "GEORADIUS",
    "GEORADIUSBYMEMBER",
    "GEOSEARCH",
    "GEOSEARCHSTORE",
    "PFADD",
    "PFCOUNT",
    "PFMERGE",
    "PFDEBUG",
    "ZINTER",
    "ZDIFF",
    "ZUNIONSTORE",
    "ZINTERSTORE",
    "ZDIFFSTORE",
    "ZINTERCARD",
    "ZRANGESTORE",
    "SSCAN",
    "MOVE",
    "COPY",
    "SWAPDB",
    "XADD",
    "XLEN",
    "XRANGE",
    "XREVRANGE",
    "XDEL",
    "XTRIM",
    "XREAD",
    "XSETID",
    "XREADGROUP",
    "XACK",
    "XPENDING",
    "XCLAIM",
    "XAUTOCLAIM",
    "XDELEX",
    "XACKDEL",
    "XNACK",
    "XGROUP CREATE",
    "XGROUP SETID",
    "XGROUP DESTROY",
    "XGROUP CREATECONSUMER",
    "XGROUP DELCONSUMER",
    "XGROUP HELP",
    "XINFO STREAM",
    "XINFO GROUPS",
    "XINFO CONSUMERS",
    "XINFO HELP",
    "SUBSCRIBE",
    "PSUBSCRIBE",
    "SSUBSCRIBE",
    "UNSUBSCRIBE",
    "PUNSUBSCRIBE",
    "SUNSUBSCRIBE",
    "PUBLISH",
    "SPUBLISH",
    "PUBSUB CHANNELS",
    "PUBSUB NUMSUB",
    "PUBSUB NUMPAT",
    "PUBSUB SHARDCHANNELS",
    "PUBSUB SHARDNUMSUB",
    "HELLO",
    "RESET",
    "QUIT",
    "MULTI",
    "EXEC",
    "DISCARD",
    "WATCH",
    "UNWATCH",
    "CLIENT SETNAME",
    "CLIENT GETNAME",
    "CLIENT ID",
    // Not CLIENT KILL: it may close the control connection, which would read as a hang.
    "CLIENT LIST",
    "CLIENT INFO",
    "CLIENT UNBLOCK",
    "CLIENT TRACKING",
    "CLIENT CACHING",
    "CLIENT GETREDIR",
    "CLIENT TRACKINGINFO",
    "CLIENT REPLY",
    "MONITOR",
    "COMMAND INFO",
    "COMMAND GETKEYS",
    "COMMAND GETKEYSANDFLAGS",
    "COMMAND LIST",
    "CONFIG GET",
    "CONFIG SET",
    "CONFIG REWRITE",
    "REPLICAOF",
    "SLAVEOF",
    "FAILOVER",
    "LATENCY LATEST",
    "LATENCY HISTORY",
    "LATENCY RESET",
    "LATENCY DOCTOR",
    "LATENCY GRAPH",
    "LATENCY HISTOGRAM",
    "MODULE LIST",
    "MEMORY USAGE",
    "MEMORY STATS",
    "MEMORY DOCTOR",
    "SAVE",
    "BGSAVE",
    "LASTSAVE",
    "SLOWLOG GET",
    "SLOWLOG LEN",
    "SLOWLOG RESET",
    "MODULE LOAD",
    "MODULE UNLOAD",
    "ACL CAT",
    "ACL DRYRUN",
    "ACL GETUSER",
    "ACL DELUSER",
    "ACL SETUSER",
    "ACL GENPASS",
    "ACL LOG",
    "ACL USERS",
    "AUTH",
    "FLUSHALL",
];

/// Arguments: the same few keys (so commands meet on them), stream IDs at the edges,
/// numbers at the edges of i64/u64/f64, and every option keyword of the command families.
const TOKENS: &[&str] = &[
    "GET",
    "ON",
    "OFF",
    "BCAST",
    "PREFIX",
    "OPTIN",
    "OPTOUT",
    "NOLOOP",
    "REDIRECT",
    "YES",
    "INCR",
    "LPUSH",
    "HSET",
    "ZADD",
    "XADD",
    "SUBSCRIBE",
    "LOAD",
    "EXISTS",
    "FLUSH",
    "return redis.call('SET', KEYS[1], ARGV[1])",
    "while false do end return {1, {err = 'x'}, {ok = 'y'}, 2.5, true}",
    // keys, groups, consumers, channels, patterns
    "k",
    "k",
    "s",
    "s",
    "t",
    "g",
    "g",
    "h",
    "f",
    "c",
    "d",
    "ch",
    "*",
    "h?llo",
    "WITHVALUES",
    "z",
    "z",
    "m",
    "(1",
    "[a",
    "(a",
    "WITHSCORES",
    "WEIGHTS",
    "u8",
    "i64",
    "#3",
    "OVERFLOW",
    "FAIL",
    "AGGREGATE",
    "MAX",
    "BYSCORE",
    "BYLEX",
    "REV",
    "INCR",
    "CH",
    "l",
    "l",
    "BEFORE",
    "AFTER",
    "LEFT",
    "RIGHT",
    "RANK",
    "e",
    "e",
    "u",
    "[a-",
    "\\",
    "",
    // numbers
    "0",
    "1",
    "1",
    "2",
    "3",
    "-1",
    "-2",
    "10",
    "100",
    "1000",
    "65535",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "1.5",
    "-0.0",
    "1e308",
    "-1e308",
    "inf",
    "-inf",
    "nan",
    "0x10",
    " 1",
    "+1",
    "01",
    "1e3",
    "99999999999999999999",
    // stream IDs
    "0-0",
    "0-1",
    "1-0",
    "1-1",
    "5-5",
    "5-*",
    "1-",
    "-",
    "+",
    "$",
    ">",
    "(1-1",
    "(0",
    "18446744073709551615-18446744073709551615",
    "18446744073709551615-*",
    "1-18446744073709551616",
    "-1-1",
    "(18446744073709551615-18446744073709551615",
    // option keywords
    "EX",
    "PX",
    "EXAT",
    "PXAT",
    "KEEPTTL",
    "DB",
    "REPLACE",
    "NX",
    "XX",
    "GT",
    "LT",
    "GET",
    "PERSIST",
    "COUNT",
    "MATCH",
    "TYPE",
    "MAXLEN",
    "MINID",
    "=",
    "~",
    "LIMIT",
    "NOMKSTREAM",
    "STREAMS",
    "BLOCK",
    "NOACK",
    "MKSTREAM",
    "ENTRIESREAD",
    "IDLE",
    "TIME",
    "RETRYCOUNT",
    "FORCE",
    "NO",
    "ONE",
    "TO",
    "ABORT",
    "TIMEOUT",
    "6379",
    "JUSTID",
    "LASTID",
    "FULL",
    "ENTRIESADDED",
    "MAXDELETEDID",
    "KEEPREF",
    "DELREF",
    "ACKED",
    "IDS",
    "CLAIM",
    "FAIL",
    "FATAL",
    "SILENT",
    "UBOUND",
    "LBOUND",
    "BY",
    "ENX",
    "EX",
    "3",
    "AUTH",
    "SCHEDULE",
    "SETNAME",
    "string",
    "stream",
    "maxmemory",
    "appendonly",
    "slowlog-log-slower-than",
    "slowlog-max-len",
    "*",
];

#[test]
fn random_command_lines_never_stop_the_engine() {
    let lines: usize = env_number("EMBEDIS_FUZZ_LINES").unwrap_or(40_000);
    let seed: u64 = env_number("EMBEDIS_FUZZ_SEED").unwrap_or(0x5EED);
    let clock = ManualClock::new();
    // SAVE and BGSAVE write here, so that they run rather than being refused.
    let dir = common::temp_dir("fuzz", "snapshots");
    let engine = Engine::builder()
        .clock(clock.clone())
        .snapshot_file(dir.join("dump.rdb"))
        .build();
    let mut control = engine.connect();
    let mut rng = Rng::new(seed);
    let mut fuzzed = engine.connect();
    // The lines since the last FLUSHALL, which is the script that reproduces a failure.
    let mut script: Vec<Vec<String>> = Vec::new();
    let mut outcomes = BTreeMap::new();

    for _ in 0..lines {
        if rng.below(400) == 0 {
            script.clear();
            let _ = control.call(["FLUSHALL"]);
        }
        if rng.below(20) == 0 {
            let step = match rng.below(4) {
                0 => Duration::from_millis(1),
                1 => Duration::from_millis(rng.below(2000)),
                2 => Duration::from_secs(rng.below(100_000)),
                _ => Duration::from_secs(10),
            };
            clock.advance(step);
        }
        let line = random_line(&mut rng);
        script.push(line.clone());
        // A line that parks (BLOCK), closes (QUIT) or overflows the connection's queue ends
        // that connection's usefulness: start a fresh one, as a client would reconnect.
        if fuzzed.send(line.iter().map(String::as_str)).is_err() {
            fuzzed = engine.connect();
        }
        let mut listening = false;
        while let Ok(Some(reply)) = fuzzed.try_recv() {
            tally(&mut outcomes, &line[0], &reply);
            listening |=
                matches!(&reply, Reply::Error(e) if e.to_string().contains("in this context"));
        }
        match control.call(["PING"]) {
            Ok(Reply::Status(pong)) if pong == "PONG" => {}
            other => panic!(
                "the engine stopped answering after this script (seed {seed}): {other:?}\n{}",
                script
                    .iter()
                    .map(|line| line.join(" "))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
        if listening || rng.below(50) == 0 {
            fuzzed = engine.connect();
        }
    }
    // A generator whose lines all failed to parse would test nothing past the parsers.
    for name in COMMANDS.iter().map(|c| c.split(' ').next().unwrap_or(c)) {
        let (succeeded, failed) = outcomes.get(name).copied().unwrap_or_default();
        assert!(
            succeeded > 0,
            "no {name} line succeeded ({failed} failed): the generator needs a better shape"
        );
    }
    drop(engine); // waits for a BGSAVE still writing
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn random_command_lines_replay_to_the_same_data() {
    let lines: usize = env_number("EMBEDIS_FUZZ_LINES").unwrap_or(2_500);
    let first: u64 = env_number("EMBEDIS_FUZZ_SEED").unwrap_or(1);
    let mut pictured = 0;
    for seed in first..first + 4 {
        let dir = common::temp_dir("aof-fuzz", &format!("seed-{seed}"));
        let path = dir.join("appendonly.aof");
        let clock = ManualClock::new();
        let open = || {
            Engine::builder()
                .clock(clock.clone())
                .append_only(&path, Fsync::No)
                .try_build()
                .expect("engine starts on its file")
        };
        let engine = open();
        let mut control = engine.connect();
        let mut fuzzed = engine.connect();
        let mut rng = Rng::new(seed);
        let mut script: Vec<Vec<String>> = Vec::new();
        for _ in 0..lines {
            if rng.below(400) == 0 {
                script.clear();
                let _ = control.call(["FLUSHALL"]);
            }
            if rng.below(20) == 0 {
                clock.advance(Duration::from_millis(rng.below(20_000)));
            }
            let line = random_line(&mut rng);
            script.push(line.clone());
            if fuzzed.send(line.iter().map(String::as_str)).is_err() {
                fuzzed = engine.connect();
            }
            // The PING orders this line before the next clock step.
            let _ = control.call(["PING"]);
            let mut listening = false;
            while let Ok(Some(reply)) = fuzzed.try_recv() {
                listening |=
                    matches!(&reply, Reply::Error(e) if e.to_string().contains("in this context"));
            }
            if listening || rng.below(50) == 0 {
                fuzzed = engine.connect();
            }
        }
        drop(fuzzed);
        let before = picture(&engine);
        let rdb = engine.snapshot().expect("snapshot");
        drop(control);
        drop(engine);
        pictured += before.lines().count();
        let compare = |after: String, how: &str| {
            if before != after {
                let at = before
                    .lines()
                    .zip(after.lines())
                    .position(|(b, a)| b != a)
                    .unwrap_or(0);
                panic!(
                    "seed {seed}: the data {how} differs at picture line {at}:\n  written:  {:?}\n  {how}: {:?}\nthe lines since the last FLUSHALL:\n{}",
                    before.lines().nth(at),
                    after.lines().nth(at),
                    script
                        .iter()
                        .map(|line| line.join(" "))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        };
        compare(picture(&open()), "replayed");
        // The same data through an RDB snapshot, at the same instant.
        let snapshot = dir.join("dump.rdb");
        std::fs::write(&snapshot, &rdb).expect("write the snapshot");
        let loaded = Engine::builder()
            .clock(clock.clone())
            .snapshot_file(&snapshot)
            .try_build()
            .unwrap_or_else(|error| panic!("seed {seed}: the snapshot does not load: {error}"));
        compare(picture(&loaded), "loaded from its snapshot");
    }
    // Data that FLUSHALL always emptied would test nothing.
    assert!(pictured > 0, "no seed left any data to replay");
}

/// Counts a reply as a success or an error of the command `name`.
fn tally(outcomes: &mut BTreeMap<String, (u32, u32)>, name: &str, reply: &Reply) {
    let entry = outcomes.entry(name.to_ascii_uppercase()).or_default();
    if matches!(reply, Reply::Error(_)) {
        entry.1 += 1
    } else {
        entry.0 += 1
    }
}

/// Numbers for the slots that take one, weighted towards the small ones that succeed.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "1",
    "2",
    "2",
    "3",
    "5",
    "10",
    "10",
    "100",
    "1000",
    "60000",
    "-1",
    "-5",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775806",
    "4611686018427387904",
    "18446744073709551615",
    "1.5",
    "0.1",
    "-2.5",
    "1e17",
    "inf",
];

/// Stream IDs for the slots that take one, near each other so entries meet.
const IDS: &[&str] = &[
    "0",
    "0-0",
    "0-1",
    "1",
    "1-0",
    "1-1",
    "1-2",
    "2",
    "2-1",
    "3-*",
    "5",
    "5-5",
    "-",
    "+",
    "$",
    ">",
    "(1-1",
    "(0",
    "(+",
    "1-*",
    "18446744073709551615-18446744073709551615",
    "18446744073709551615-*",
    "18446744073709551614-18446744073709551615",
    "18446744073709551615",
    "*",
];

/// Well-formed shapes with random slots (`?` any token, `#` a number, `@` a stream ID), so lines get past arity and syntax checks and
/// reach the commands' arithmetic and data structures.
const TEMPLATES: &[&str] = &[
    "CLIENT REPLY OFF",
    "CLIENT REPLY SKIP",
    "CLIENT REPLY ON",
    "COMMAND GETKEYS ? ? ? ? ?",
    "COMMAND GETKEYSANDFLAGS ? k # ? ?",
    "COMMAND GETKEYS EVAL s # ? ?",
    "COMMAND GETKEYS XREAD ? ? STREAMS ? ?",
    "COMMAND GETKEYS SORT k ? ? STORE ?",
    "COMMAND LIST FILTERBY PATTERN ?",
    "COMMAND INFO ? ?",
    "SET k ? ? ?",
    "SET k ? GET",
    "SET k 1 EX #",
    "SET k 1 PXAT #",
    "GETEX k ? ?",
    "INCRBY k #",
    "DECRBY k #",
    "INCRBYFLOAT k #",
    "APPEND k ?",
    "EXPIRE k # ?",
    "PEXPIRE k #",
    "EXPIREAT k #",
    "PEXPIREAT k # ?",
    "INCREX k ? ? ? ? ?",
    "INCREX k BY # UBOUND # EX #",
    "INCREX k BY # LBOUND # PX # ENX",
    "CL.THROTTLE t # # # #",
    "CL.THROTTLE.MS t # # # #",
    "SCAN # COUNT # MATCH ? TYPE ?",
    "KEYS ?",
    "HSET h ? ? ? ?",
    "HSET h f ? g ?",
    "HINCRBY h f #",
    "HINCRBYFLOAT h f #",
    "HDEL h ? f",
    "HRANDFIELD h # ?",
    "HRANDFIELD h # WITHVALUES",
    "HSCAN h # MATCH ? COUNT #",
    "HGETALL ?",
    "ZADD z # ? # ?",
    "ZADD z ? ? # m",
    "ZADD z ? INCR # ?",
    "ZINCRBY z # ?",
    "ZREM z ? m",
    "ZSCORE z ?",
    "ZMSCORE z ? m",
    "ZRANK z ?",
    "ZREVRANK z ?",
    "ZCOUNT z ? ?",
    "ZLEXCOUNT z ? ?",
    "ZLEXCOUNT z - +",
    "ZRANGE z ? ? ? ? ? ?",
    "ZRANGE z # # ?",
    "ZRANGE z # # WITHSCORES",
    "ZRANGE z ? ? BYSCORE LIMIT # # ?",
    "ZRANGE z ? ? BYLEX REV LIMIT # #",
    "ZRANGEBYSCORE z ? ? LIMIT # #",
    "ZRANGEBYSCORE z ? ? WITHSCORES",
    "ZREVRANGEBYSCORE z ? ? ? LIMIT # #",
    "ZREVRANGE z # # ?",
    "ZRANGEBYLEX z ? ? LIMIT # #",
    "ZRANGEBYLEX z - ? LIMIT # #",
    "ZREVRANGEBYLEX z ? ?",
    "ZREVRANGEBYLEX z + - LIMIT # #",
    "ZREMRANGEBYSCORE z ? ?",
    "ZREMRANGEBYRANK z # #",
    "ZREMRANGEBYLEX z ? ?",
    "ZREMRANGEBYLEX z [a +",
    "ZPOPMIN z #",
    "ZPOPMAX z ?",
    "ZRANDMEMBER z # ?",
    "ZRANDMEMBER z # WITHSCORES",
    "ZSCAN z # MATCH ? COUNT #",
    "ZCARD ?",
    "ZUNION # z s ? # # ?",
    "SETBIT ? # #",
    "EVAL ? # ? ?",
    "EVAL return(redis.call(ARGV[1],KEYS[1],ARGV[2])) 1 ? ? ?",
    "EVAL return({cmsgpack.unpack(ARGV[1])}) 0 ?",
    "EVAL return(cmsgpack.pack(cmsgpack.unpack(ARGV[1]))) 0 ?",
    "EVAL return({cmsgpack.unpack_limit(ARGV[1],ARGV[2],ARGV[3])}) 0 ? # #",
    "EVAL return({struct.unpack(ARGV[1],ARGV[2])}) 0 ? ?",
    "EVAL return(struct.pack(ARGV[1],ARGV[2],ARGV[3])) 0 ? ? #",
    "EVAL return(struct.size(ARGV[1])) 0 ?",
    "EVAL return(redis.pcall(ARGV[1],KEYS[1],ARGV[2],ARGV[3])) 1 ? ? ? ?",
    "EVAL return(bit.band(ARGV[1],ARGV[2])) 0 # ?",
    "EVAL error(ARGV[1]) 0 ?",
    "EVALSHA ? # ?",
    "SCRIPT ? ?",
    "SETRANGE ? # ?",
    "GETRANGE ? # #",
    "BITCOUNT ? # # BIT",
    "BITPOS ? # # # ?",
    "BITOP ? ? ? ?",
    "BITFIELD ? GET ? # SET ? # # INCRBY ? # # OVERFLOW ?",
    "BITFIELD_RO ? GET i8 #",
    "FUNCTION LOAD ?",
    "FUNCTION LOAD REPLACE #!lua\tname=fz\nredis.register_function('f',function(k,a)return(redis.call(a[1],k[1],a[2]))end)",
    "FUNCTION LOAD REPLACE #!lua\tname=fz\nredis.register_function{function_name=?,callback=function()end,flags={?}}",
    "FCALL f # ? ? ?",
    "FCALL_RO f 1 ? ? ?",
    "FUNCTION ? ?",
    "FUNCTION LIST LIBRARYNAME ? WITHCODE",
    "FUNCTION DELETE ?",
    "FUNCTION DUMP",
    "DUMP ?",
    "RESTORE ? # ? ?",
    "FUNCTION RESTORE ? ?",
    "SORT ? BY ? GET ? GET # LIMIT # # ?",
    "SORT ? ALPHA STORE ? ?",
    "SORT_RO ? BY ? ?",
    "LCS ? ? IDX MINMATCHLEN # WITHMATCHLEN",
    "LCS ? ? ?",
    "RANDOMKEY",
    "GEOADD ? # # ? # # ?",
    "GEOADD ? ? # # ?",
    "GEODIST ? ? ? ?",
    "GEOPOS ? ? ?",
    "GEOHASH ? ?",
    "GEORADIUS ? # # # ? ? ? COUNT #",
    "GEORADIUSBYMEMBER ? ? # ? ? STORE ?",
    "GEOSEARCH ? FROMLONLAT # # BYBOX # # ? ? ?",
    "GEOSEARCH ? FROMMEMBER ? BYRADIUS # ? ?",
    "GEOSEARCHSTORE ? ? FROMLONLAT # # BYRADIUS # ? ?",
    "PFADD ? ? ? ?",
    "PFCOUNT ? ? ?",
    "PFMERGE ? ? ?",
    "PFDEBUG ? ?",
    "PFDEBUG GETREG ?",
    "SETRANGE ? # ?",
    "ZUNION 2 z s WEIGHTS # # AGGREGATE ? WITHSCORES",
    "ZINTER # z z ? ?",
    "ZINTERSTORE ? 2 z s WEIGHTS # ?",
    "ZDIFFSTORE ? # z ?",
    "ZINTERCARD # z ? LIMIT #",
    "ZRANGESTORE ? z ? ? ? ? LIMIT # #",
    "RPUSH l ? ? ?",
    "LPUSH l ? m",
    "LPUSHX l ? ?",
    "RPUSHX ? ?",
    "LPOP l #",
    "RPOP l ?",
    "LINDEX l #",
    "LRANGE l # #",
    "LRANGE l 0 -1",
    "LSET l # ?",
    "LSET l 0 ?",
    "LREM l # ?",
    "LTRIM l # #",
    "LINSERT l ? ? ?",
    "LINSERT l BEFORE ? ?",
    "LINSERT l AFTER m ?",
    "LPOS l ? RANK # COUNT # MAXLEN #",
    "LPOS l ? ? # ? #",
    "LMOVE l m ? ?",
    "LMOVE l l LEFT RIGHT",
    "LMOVE m l RIGHT LEFT",
    "RPOPLPUSH ? l",
    "LMPOP # l m ? COUNT #",
    "ZMPOP # z y ? COUNT #",
    "ZMPOP 1 z MIN COUNT #",
    "LMPOP 2 m l RIGHT COUNT #",
    "LMPOP 1 l LEFT",
    "LLEN ?",
    "SADD e ? ? ?",
    "SADD e # # #",
    "SADD u ? e #",
    "SREM e ? #",
    "SMEMBERS ?",
    "SISMEMBER e ?",
    "SMISMEMBER e ? # ?",
    "SCARD ?",
    "SPOP e",
    "SPOP e #",
    "SRANDMEMBER e #",
    "SRANDMEMBER u # ?",
    "SMOVE e u ?",
    "SMOVE u e #",
    "SMOVE e ? ?",
    "SINTER e u ?",
    "SUNION e ? u",
    "SDIFF e u",
    "SINTERSTORE u e ?",
    "SUNIONSTORE e e u",
    "SDIFFSTORE ? e u",
    "SINTERCARD # e u LIMIT #",
    "SINTERCARD 2 e u ? ?",
    "SSCAN e # MATCH ? COUNT #",
    "SSCAN u 0 COUNT #",
    "XADD s @ f v",
    "XADD s ? ? f v",
    "XADD s MAXLEN ? # @ f v",
    "XADD s MINID ? @ LIMIT # @ f v",
    "XADD s ? ? ? ? * f v",
    "XADD s * f v",
    "XADD s * f v",
    "XRANGE s @ @ COUNT #",
    "XREVRANGE s @ @ COUNT #",
    "XDEL s @ @",
    "XTRIM s MAXLEN ? #",
    "XTRIM s MINID ? @ LIMIT #",
    "XTRIM s ? ? ? ?",
    "XREAD COUNT # STREAMS s @",
    "XREAD STREAMS s t @ @",
    "XGROUP CREATE s g ? ? ?",
    "XGROUP CREATE s g @ MKSTREAM ENTRIESREAD #",
    "XGROUP SETID s g @ ENTRIESREAD #",
    "XGROUP CREATECONSUMER s g ?",
    "XGROUP DELCONSUMER s g c",
    "XREADGROUP GROUP g c COUNT # STREAMS s @",
    "XREADGROUP GROUP g c ? ? STREAMS s >",
    "XREADGROUP GROUP g d CLAIM # COUNT # STREAMS s >",
    "XREADGROUP GROUP g c STREAMS s @",
    "XACK s g @ @",
    "XPENDING s g",
    "XPENDING s g @ @ # ?",
    "XPENDING s g IDLE # @ @ # ?",
    "XCLAIM s g d # @ ? ? ?",
    "XCLAIM s g c 0 @ IDLE # RETRYCOUNT # FORCE LASTID @",
    "XAUTOCLAIM s g d # @ COUNT # ?",
    "XINFO STREAM s FULL COUNT #",
    "XINFO GROUPS s",
    "XINFO CONSUMERS s g",
    "XSETID s @ ENTRIESADDED # MAXDELETEDID @",
    "XDELEX s ? IDS # @ @",
    "XACKDEL s g ? IDS # @ @",
    "XNACK s g ? IDS # @",
    "XNACK s g ? ? ? ? ?",
    "PUBLISH ? ?",
    "SUBSCRIBE ? ?",
    "PSUBSCRIBE ?",
    "HELLO ?",
    "MULTI",
    "EXEC",
    "WATCH k s",
    "RENAME ? ?",
    "CONFIG SET ? ?",
];

fn random_line(rng: &mut Rng) -> Vec<String> {
    if rng.below(4) != 0 {
        let template = rng.pick(TEMPLATES);
        let mut line: Vec<String> = template
            .split(' ')
            .map(|word| match word {
                "?" => rng.pick(TOKENS).to_string(),
                "#" => rng.pick(NUMBERS).to_string(),
                "@" => rng.pick(IDS).to_string(),
                word => word.to_string(),
            })
            .collect();
        for _ in 0..rng.below(3) {
            line.push(rng.pick(TOKENS).to_string());
        }
        return line;
    }
    let command = rng.pick(COMMANDS);
    let mut line: Vec<String> = command.split(' ').map(str::to_string).collect();
    let arguments = match rng.below(10) {
        0 => 0,
        1..=6 => 1 + rng.below(5),
        _ => 1 + rng.below(12),
    };
    for _ in 0..arguments {
        line.push(rng.pick(TOKENS).to_string());
    }
    line
}

fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok()?.parse().ok()
}
