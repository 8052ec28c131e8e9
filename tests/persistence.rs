//! The append-only file: replay rebuilds exactly the data that was acknowledged.
//!
//! Each test writes through one engine, takes a full picture of its data (every key with
//! its type, value, deadline; every stream with its entries, metadata, groups, pending
//! entries with owners, delivery times and counts), restarts a new engine on the same file
//! and the same clock, and compares pictures.

mod common;

use std::path::Path;
use std::time::Duration;

use common::picture::picture;
use common::plain::Rng;
use embedis::{AofError, Engine, Fsync, ManualClock, Reply};

fn open(path: &Path, fsync: Fsync, clock: &ManualClock) -> Engine {
    Engine::builder()
        .clock(clock.clone())
        .append_only(path, fsync)
        .try_build()
        .expect("engine starts on its file")
}

fn call(engine: &Engine, argv: &[&str]) -> Reply {
    engine.connect().call(argv.iter().copied()).expect("reply")
}

#[test]
fn every_kind_of_write_replays_to_the_same_data() {
    let dir = common::temp_dir("aof", "kinds");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::Always, &clock);
    let script: &[&[&str]] = &[
        &["SET", "s", "v", "EX", "100"],
        &["SET", "plain", "x"],
        &["INCRBY", "n", "41"],
        &["INCR", "n"],
        &["INCRBYFLOAT", "f", "1.5"],
        &["APPEND", "s", "w"],
        &["SET", "gone", "1", "PX", "10"],
        &["SETEX", "relative", "50", "r"],
        &["EXPIRE", "plain", "1000"],
        &["PERSIST", "plain"],
        &["GETEX", "n", "PX", "5000"],
        &["MSET", "m1", "a", "m2", "b"],
        &["RENAME", "m1", "m3"],
        &["DEL", "m2"],
        &["GETDEL", "nothing"],
        &["HSET", "h", "a", "1", "b", "2", "c", "3"],
        &["HMSET", "h", "d", "4"],
        &["HDEL", "h", "b", "zz"],
        &["HSETNX", "h", "b", "5"],
        &["HSETNX", "h", "a", "6"],
        &["HINCRBY", "h", "a", "41"],
        &["HINCRBYFLOAT", "h", "f", "0.1"],
        &["HINCRBYFLOAT", "h", "f", "0.2"],
        &["EXPIRE", "h", "500"],
        &["HSET", "emptied", "x", "1"],
        &["HDEL", "emptied", "x"],
        &[
            "ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e",
        ],
        &["ZADD", "z", "INCR", "0.5", "a"],
        &["ZINCRBY", "z", "-inf", "e"],
        &["ZADD", "z", "XX", "GT", "CH", "10", "b", "0", "c"],
        &["ZREM", "z", "d", "nope"],
        &["ZREMRANGEBYRANK", "z", "0", "0"],
        &["ZPOPMAX", "z"],
        &["EXPIRE", "z", "600"],
        &[
            "ZUNIONSTORE",
            "zsum",
            "2",
            "z",
            "set",
            "WEIGHTS",
            "2",
            "-0.5",
        ],
        &["ZINTERSTORE", "zmin", "2", "z", "z", "AGGREGATE", "MIN"],
        &["ZDIFFSTORE", "zgone2", "1", "nosuch"],
        &[
            "ZRANGESTORE",
            "ztop",
            "z",
            "+inf",
            "(1",
            "BYSCORE",
            "REV",
            "LIMIT",
            "0",
            "2",
        ],
        &["ZADD", "lex", "0", "a", "0", "b", "0", "c"],
        &["SETBIT", "bits", "100", "1"],
        &["SETBIT", "bits", "3", "1"],
        &["SETRANGE", "bits", "20", "tail"],
        &["SET", "n", "12345"],
        &["SETRANGE", "n", "1", "9"],
        &[
            "BITFIELD", "fields", "INCRBY", "u8", "#3", "250", "OVERFLOW", "SAT", "INCRBY", "u8",
            "#3", "10",
        ],
        &[
            "BITFIELD", "fields", "SET", "i16", "3", "-2", "OVERFLOW", "FAIL", "SET", "u4", "#30",
            "99",
        ],
        &["BITOP", "XOR", "xored", "bits", "fields"],
        &["BITOP", "AND", "n2", "nosuch"],
        &["PFADD", "hll", "a", "b", "c"],
        &["PFCOUNT", "hll"],
        &["PFADD", "hll2", "c", "d"],
        &["PFMERGE", "hll3", "hll", "hll2"],
        &["PFDEBUG", "TODENSE", "hll2"],
        &["PFADD", "hll2", "e"],
        &["PFADD", "hll4"],
        &[
            "EVAL",
            "redis.call('SET', KEYS[1], ARGV[1]) redis.call('RPUSH', KEYS[2], 'a', 'b') \
             return redis.call('INCRBYFLOAT', KEYS[3], '0.1')",
            "3",
            "lua:s",
            "lua:l",
            "lua:f",
            "v",
        ],
        &["ZREMRANGEBYLEX", "lex", "[a", "(c"],
        &["RPUSH", "l", "a", "b", "c", "d", "e"],
        &["LPUSH", "l", "z"],
        &["LPOP", "l", "2"],
        &["LSET", "l", "-1", "E"],
        &["LINSERT", "l", "BEFORE", "c", "bc"],
        &["LREM", "l", "0", "d"],
        &["LMOVE", "l", "l2", "RIGHT", "LEFT"],
        &["RPOPLPUSH", "l", "l"],
        &["LTRIM", "l", "0", "0"],
        &["LMPOP", "1", "l2", "LEFT"],
        &["SADD", "set", "a", "b", "c", "1"],
        &["SREM", "set", "b"],
        &["SPOP", "set"],
        &["SMOVE", "set", "set2", "c"],
        &["SADD", "ints", "5", "3"],
        &["SUNIONSTORE", "union", "set", "set2", "ints"],
        &["SDIFFSTORE", "empty", "ints", "ints"],
        &["ZADD", "zgone", "1", "x"],
        &["ZREMRANGEBYSCORE", "zgone", "-inf", "+inf"],
        &["XADD", "st", "*", "f", "1"],
        &["XADD", "st", "*", "f", "2"],
        &["XADD", "st", "MAXLEN", "~", "100", "*", "f", "3"],
        &["XADD", "st", "*", "f", "4"],
        &["XGROUP", "CREATE", "st", "g", "0"],
        &["XGROUP", "CREATE", "st", "late", "$"],
        &["XGROUP", "CREATE", "empty", "g", "$", "MKSTREAM"],
        &[
            "XREADGROUP",
            "GROUP",
            "g",
            "alice",
            "COUNT",
            "2",
            "STREAMS",
            "st",
            ">",
        ],
        &[
            "XREADGROUP",
            "GROUP",
            "g",
            "bob",
            "COUNT",
            "1",
            "STREAMS",
            "st",
            ">",
        ],
        &["XREADGROUP", "GROUP", "g", "alice", "STREAMS", "st", "0"],
        &["XACK", "st", "g", "0-0"],
        &["XGROUP", "CREATECONSUMER", "st", "g", "carol"],
        &["XDEL", "st", "0-1"],
        &["XADD", "st", "*", "f", "5"],
        &["XADD", "st", "*", "f", "6"],
        &["XTRIM", "st", "MAXLEN", "4"],
        &[
            "XSETID",
            "empty",
            "5-5",
            "ENTRIESADDED",
            "3",
            "MAXDELETEDID",
            "4-4",
        ],
        &["XADD", "dropped", "*", "a", "b"],
        &["EXPIRE", "dropped", "10000"],
        &["MULTI"],
        &["INCR", "tx"],
        &["INCR", "tx"],
        &["XADD", "st", "*", "f", "7"],
        &["EXEC"],
    ];
    let mut conn = engine.connect();
    for (step, argv) in script.iter().enumerate() {
        conn.call(argv.iter().copied()).expect("reply");
        clock.advance(Duration::from_millis(3 + step as u64));
    }
    // Claims, auto-claims and a read of history, with time passing.
    clock.advance(Duration::from_secs(30));
    let pending = conn
        .call(["XPENDING", "st", "g", "-", "+", "10"])
        .expect("xpending");
    let Reply::Array(pending) = pending else {
        panic!("{pending:?}");
    };
    if let Some(Reply::Array(first)) = pending.first()
        && let Reply::Bulk(id) = &first[0]
    {
        let id = String::from_utf8_lossy(id).into_owned();
        conn.call(["XCLAIM", "st", "g", "carol", "1000", &id])
            .expect("xclaim");
    }
    conn.call(["XAUTOCLAIM", "st", "g", "dave", "1000", "0", "COUNT", "1"])
        .expect("xautoclaim");
    conn.call(["XGROUP", "SETID", "st", "late", "0", "ENTRIESREAD", "0"])
        .expect("setid");
    conn.call(["XGROUP", "DELCONSUMER", "st", "g", "bob"])
        .expect("delconsumer");
    clock.advance(Duration::from_millis(20)); // "gone" expires
    conn.call(["GET", "gone"]).expect("lazy expiry");
    let before = picture(&engine);
    if std::env::var_os("EMBEDIS_SHOW").is_some() {
        eprintln!("{before}");
    }
    drop(conn);
    drop(engine);
    if std::env::var_os("EMBEDIS_SHOW").is_some() {
        eprintln!(
            "{}",
            String::from_utf8_lossy(&std::fs::read(&path).unwrap()).replace("\r\n", " ")
        );
    }

    let engine = open(&path, Fsync::Always, &clock);
    let report = engine.recovery().expect("a report").clone();
    assert_eq!(report.truncated_bytes, 0);
    assert_eq!(report.failed, 0, "every logged command replays cleanly");
    assert!(report.commands > 30, "{report:?}");
    assert_eq!(picture(&engine), before);
    assert!(
        before.contains("alice"),
        "the picture covers consumers: {before}"
    );
    assert!(!before.contains("gone"), "expired keys stay gone");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn blocked_reads_served_later_are_logged_with_the_write_that_served_them() {
    let dir = common::temp_dir("aof", "blocked");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::Always, &clock);
    call(
        &engine,
        &["XGROUP", "CREATE", "jobs", "workers", "$", "MKSTREAM"],
    );
    let mut reader = engine.connect();
    reader
        .send([
            "XREADGROUP",
            "GROUP",
            "workers",
            "w1",
            "BLOCK",
            "0",
            "STREAMS",
            "jobs",
            ">",
        ])
        .expect("send");
    assert_eq!(
        reader
            .recv_timeout(Duration::from_millis(50))
            .expect("recv"),
        None
    );
    clock.advance(Duration::from_millis(7));
    call(&engine, &["XADD", "jobs", "*", "task", "1"]);
    assert!(matches!(reader.recv().expect("served"), Reply::Array(_)));
    let before = picture(&engine);
    drop(reader);
    drop(engine);
    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(picture(&engine), before);
    assert!(before.contains("w1"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn blocked_list_pops_served_later_are_logged_with_the_push_that_served_them() {
    let dir = common::temp_dir("aof", "blocked-lists");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::Always, &clock);
    let (mut popper, mut mover) = (engine.connect(), engine.connect());
    popper.send(["BLPOP", "jobs", "0"]).expect("send");
    mover
        .send(["BLMOVE", "jobs", "doing", "LEFT", "RIGHT", "0"])
        .expect("send");
    assert_eq!(
        popper
            .recv_timeout(Duration::from_millis(50))
            .expect("recv"),
        None
    );
    call(&engine, &["RPUSH", "jobs", "j1", "j2", "j3"]);
    assert!(matches!(popper.recv().expect("served"), Reply::Array(_)));
    assert_eq!(mover.recv().expect("served"), Reply::bulk("j2"));
    let before = picture(&engine);
    assert!(
        before.contains("j3") && before.contains("doing"),
        "{before}"
    );
    drop((popper, mover));
    drop(engine);
    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(picture(&engine), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn atomically_closures_are_logged_as_one_transaction() {
    let dir = common::temp_dir("aof", "closure");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::EverySec, &clock);
    engine
        .atomically(|db| {
            db.incr_by("a", 1)?;
            db.incr_by("b", 2)
        })
        .expect("ran")
        .expect("ok");
    drop(engine);
    let log = std::fs::read(&path).expect("file");
    let log = String::from_utf8_lossy(&log);
    assert!(log.starts_with("*1\r\n$5\r\nMULTI\r\n"), "{log}");
    assert!(log.ends_with("*1\r\n$4\r\nEXEC\r\n"), "{log}");
    let engine = open(&path, Fsync::EverySec, &clock);
    assert_eq!(call(&engine, &["GET", "b"]), Reply::bulk("2"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_database_replays_where_it_was_written_across_restarts_and_rewrites() {
    let dir = common::temp_dir("aof", "databases");
    databases_across_restarts_and_rewrites(&dir.join("appendonly.aof"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The same in Redis 7's multi-part layout, where each file starts in database 0 and a
/// rewrite starts a new incremental file.
#[test]
fn every_database_replays_where_it_was_written_in_an_append_only_directory() {
    let dir = common::temp_dir("aof", "databases-directory");
    databases_across_restarts_and_rewrites(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

fn databases_across_restarts_and_rewrites(path: &Path) {
    let clock = ManualClock::new();
    let engine = open(path, Fsync::Always, &clock);
    let mut zero = engine.connect();
    let mut three = engine.connect();
    three.call(["SELECT", "3"]).expect("select");
    // Interleaved connections: the file must switch databases back and forth.
    for round in 0..3 {
        let n = round.to_string();
        zero.call(["SET", "k", &format!("zero {n}")]).expect("set");
        three
            .call(["SET", "k", &format!("three {n}")])
            .expect("set");
        three.call(["INCR", "counter"]).expect("incr");
    }
    three
        .call(["XADD", "jobs", "1-1", "task", "a"])
        .expect("xadd");
    three
        .call(["XGROUP", "CREATE", "jobs", "g", "0"])
        .expect("group");
    three
        .call(["XREADGROUP", "GROUP", "g", "w", "STREAMS", "jobs", ">"])
        .expect("read");
    // A transaction that changes database half-way, and a FLUSHDB of one database only.
    for line in [
        &["MULTI"][..],
        &["SET", "tx", "in zero"],
        &["SELECT", "5"],
        &["SET", "tx", "in five"],
        &["SET", "doomed", "x"],
        &["EXEC"],
        &["SELECT", "6"],
        &["SET", "flushed", "x"],
        &["FLUSHDB"],
        &["SELECT", "7"],
        &["SET", "expiring", "x", "PX", "100"],
        &["SET", "lazy", "x", "PX", "100"],
    ] {
        assert!(!zero.call(line.iter().copied()).expect("reply").is_error());
    }
    clock.advance(Duration::from_millis(200));
    assert_eq!(zero.call(["GET", "lazy"]).expect("get"), Reply::Nil);
    zero.call(["SELECT", "5"]).expect("select");
    zero.call(["DEL", "doomed"]).expect("del");
    // Keys between databases: MOVE onto an expired key, COPY of a stream, SWAPDB.
    for line in [
        &["SELECT", "0"][..],
        &["SET", "moving", "m", "EX", "100"],
        &["SELECT", "8"],
        &["SET", "moving", "stale", "PX", "10"],
        &["SELECT", "0"],
    ] {
        assert!(!zero.call(line.iter().copied()).expect("reply").is_error());
    }
    clock.advance(Duration::from_millis(50));
    assert_eq!(
        zero.call(["MOVE", "moving", "8"]).expect("move"),
        Reply::Integer(1)
    );
    three
        .call(["COPY", "jobs", "jobs-copy", "DB", "10"])
        .expect("copy");
    zero.call(["SWAPDB", "3", "11"]).expect("swapdb");
    zero.call(["SELECT", "5"]).expect("select");
    // A closure works in database 0, whatever its connection-less session selected last.
    engine
        .atomically(|db| {
            db.call(["SELECT", "9"]);
            db.incr_by("in-nine", 1)
        })
        .expect("ran")
        .expect("incr");
    engine
        .atomically(|db| db.incr_by("in-zero", 1))
        .expect("ran")
        .expect("incr");
    let before = picture(&engine);
    for expected in [
        "database 5:",
        "database 8:",
        "database 9:",
        "database 10:",
        "database 11:",
        "three 2",
        "in five",
    ] {
        assert!(before.contains(expected), "{expected} in {before}");
    }
    for absent in [
        "database 3:",
        "database 6:",
        "database 7:",
        "doomed",
        "expiring",
        "stale",
    ] {
        assert!(!before.contains(absent), "{absent} in {before}");
    }
    drop((zero, three));
    drop(engine);

    // Restart; the file ended in database 5 (the last write): a write in database 0 now
    // must say so.
    let engine = open(path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(picture(&engine), before);
    call(&engine, &["SET", "after-restart", "in zero"]);
    let before = picture(&engine);
    drop(engine);
    let engine = open(path, Fsync::Always, &clock);
    assert_eq!(picture(&engine), before);
    assert!(before.starts_with("database 0:\n"));
    assert!(before.contains("after-restart"));

    // Compaction while a connection sits in database 2 and keeps writing there.
    let mut two = engine.connect();
    two.call(["SELECT", "2"]).expect("select");
    two.call(["SET", "before-rewrite", "x"]).expect("set");
    engine.rewrite_append_only().expect("rewrite");
    for n in 0..50 {
        two.call(["INCR", "during-rewrite"]).expect("incr");
        if n % 10 == 0 {
            call(&engine, &["INCR", "zero-during-rewrite"]);
        }
    }
    let before = picture(&engine);
    drop(two);
    drop(engine); // shutdown finishes the compaction
    let engine = open(path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(picture(&engine), before);
}

#[test]
fn a_rewrite_right_after_a_write_holds_it_once() {
    let dir = common::temp_dir("aof", "rewrite-race");
    rewrite_right_after_a_write(&dir.join("appendonly.aof"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_rewrite_right_after_a_write_holds_it_once_in_an_append_only_directory() {
    let dir = common::temp_dir("aof", "rewrite-race-directory");
    rewrite_right_after_a_write(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

fn rewrite_right_after_a_write(path: &Path) {
    let clock = ManualClock::new();
    for trial in 1..=30 {
        let engine = open(path, Fsync::No, &clock);
        assert_eq!(
            engine.recovery().expect("report").failed,
            0,
            "trial {trial}"
        );
        let mut conn = engine.connect();
        // Sent without waiting, so the XADD and the rewrite often share one executor
        // batch: the snapshot must not hold an entry the new file's tail appends again
        // (replayed twice, the second XADD of one ID fails).
        let id = format!("{trial}-1");
        conn.send(["XADD", "log", id.as_str(), "n", id.as_str()])
            .expect("send");
        engine.rewrite_append_only().expect("rewrite");
        assert_eq!(conn.recv().expect("reply"), Reply::bulk(id));
        drop(conn);
        drop(engine); // shutdown finishes the compaction
    }
    let engine = open(path, Fsync::No, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(call(&engine, &["XLEN", "log"]), Reply::Integer(30));
}

#[test]
fn a_torn_tail_is_cut_at_every_byte_and_a_corrupt_middle_is_refused() {
    let dir = common::temp_dir("aof", "torn");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::Always, &clock);
    call(&engine, &["SET", "a", "1"]);
    call(&engine, &["MULTI"]);
    let mut conn = engine.connect();
    for argv in [
        &["MULTI"][..],
        &["SET", "b", "2"],
        &["SET", "c", "3"],
        &["EXEC"],
    ] {
        conn.call(argv.iter().copied()).expect("reply");
    }
    drop(conn);
    drop(engine);
    let whole = std::fs::read(&path).expect("file");
    let first_len = b"*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n".len();
    for cut in first_len..whole.len() {
        std::fs::write(&path, &whole[..cut]).expect("write");
        let engine = open(&path, Fsync::Always, &clock);
        let report = engine.recovery().expect("report").clone();
        // The transaction is all or nothing.
        assert_eq!(call(&engine, &["GET", "a"]), Reply::bulk("1"), "cut {cut}");
        assert_eq!(
            call(&engine, &["EXISTS", "b", "c"]),
            Reply::Integer(0),
            "cut {cut}"
        );
        assert_eq!(
            report.truncated_bytes,
            (cut - first_len) as u64,
            "cut {cut}"
        );
        drop(engine);
        assert_eq!(
            std::fs::metadata(&path).expect("meta").len(),
            first_len as u64
        );
    }
    // Garbage in the middle: refused, with the offset, and the file untouched.
    let mut corrupt = whole.clone();
    corrupt[first_len + 1] = b'x';
    std::fs::write(&path, &corrupt).expect("write");
    let error = Engine::builder()
        .clock(clock.clone())
        .append_only(&path, Fsync::Always)
        .try_build()
        .expect_err("corrupt");
    let cause = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<AofError>())
        .expect("an AofError");
    assert!(
        matches!(cause, AofError::Corrupt { offset, .. } if *offset == first_len as u64 + 1),
        "{cause}"
    );
    assert_eq!(std::fs::read(&path).expect("file"), corrupt);
    let _ = std::fs::remove_dir_all(&dir);
}

/// One random command over a few keys, streams and groups.
fn random_command(rng: &mut Rng) -> Vec<String> {
    let key = rng.pick(&["a", "b", "c"]);
    let stream = rng.pick(&["s1", "s2"]);
    let group = rng.pick(&["g1", "g2"]);
    let consumer = rng.pick(&["x", "y", "z"]);
    let n = rng.below(5).to_string();
    let ms = (rng.below(3) * 40).to_string();
    let db = rng.below(3).to_string();
    let field = rng.pick(&["f", "g"]);
    let words: Vec<&str> = match rng.below(56) {
        0 => vec!["SET", key, &n],
        1 => vec!["SET", key, &n, "PX", &ms],
        2 => vec!["INCRBY", key, &n],
        3 => vec!["INCRBYFLOAT", key, "0.25"],
        4 => vec!["APPEND", key, "x"],
        5 => vec!["EXPIRE", key, "1", "NX"],
        6 => vec!["DEL", key],
        7 => vec!["RENAME", key, rng.pick(&["a", "b", "c", "s1"])],
        8..=10 => vec!["XADD", stream, "*", "f", &n],
        11 => vec!["XADD", stream, "MAXLEN", "~", "3", "*", "f", &n],
        12 => vec!["XTRIM", stream, "MAXLEN", &n],
        13 => vec!["XGROUP", "CREATE", stream, group, "0", "MKSTREAM"],
        14 | 15 => vec![
            "XREADGROUP",
            "GROUP",
            group,
            consumer,
            "COUNT",
            "2",
            "STREAMS",
            stream,
            ">",
        ],
        16 => vec![
            "XREADGROUP",
            "GROUP",
            group,
            consumer,
            "STREAMS",
            stream,
            "0",
        ],
        17 => vec![
            "XAUTOCLAIM",
            stream,
            group,
            consumer,
            &ms,
            "0",
            "COUNT",
            "2",
        ],
        18 => vec!["XGROUP", "DELCONSUMER", stream, group, consumer],
        19 => vec!["XGROUP", "SETID", stream, group, "$"],
        20 => vec!["XDEL", stream, "0-1"],
        21 => vec!["EXPIRE", stream, "1"],
        22 => vec![
            "XREADGROUP",
            "GROUP",
            group,
            consumer,
            "NOACK",
            "STREAMS",
            stream,
            ">",
        ],
        23 => vec!["XGROUP", "DESTROY", stream, group],
        24 => vec!["GETEX", key, "PERSIST"],
        // The databases: each write lands where the file says.
        25 | 26 => vec!["SELECT", &db],
        27 => vec!["MOVE", rng.pick(&["a", "b", "c", "s1", "s2"]), &db],
        28 => vec!["COPY", rng.pick(&["a", "s1"]), key, "DB", &db, "REPLACE"],
        29 => vec!["SWAPDB", "0", &db],
        // Hashes, on the string keys too (WRONGTYPE is not logged).
        30 => vec!["HSET", key, field, &n],
        31 => vec!["HDEL", key, field],
        32 => vec!["HINCRBY", key, field, &n],
        33 => vec!["HINCRBYFLOAT", key, field, "0.5"],
        34 => vec!["HSETNX", key, field, &n],
        // Sorted sets, on the same keys.
        35 => vec!["ZADD", key, &n, field],
        36 => vec!["ZINCRBY", key, "0.5", field],
        37 => vec!["ZREM", key, field],
        38 => vec!["ZREMRANGEBYSCORE", key, "-inf", &n],
        39 => vec!["ZPOPMIN", key, "1"],
        // Lists, on the same keys.
        40 => vec!["RPUSH", key, &n, field],
        41 => vec!["LPOP", key],
        42 => vec!["LMOVE", key, rng.pick(&["a", "b", "c"]), "LEFT", "RIGHT"],
        43 => vec!["LTRIM", key, "1", "-1"],
        44 => vec!["LREM", key, "0", field],
        // Sets, on the same keys.
        45 => vec!["SADD", key, field, &n],
        46 => vec!["SPOP", key],
        47 => vec!["SMOVE", key, rng.pick(&["a", "b", "c"]), field],
        48 => vec!["SINTERSTORE", key, rng.pick(&["a", "b", "c"]), key],
        49 => vec!["ZUNIONSTORE", key, "2", rng.pick(&["a", "b", "c"]), key],
        50 => vec!["ZRANGESTORE", key, rng.pick(&["a", "b", "c"]), "0", "1"],
        // Bits and ranges, in place on the same keys.
        51 => vec!["SETBIT", key, &n, "1"],
        52 => vec!["SETRANGE", key, &n, field],
        53 => vec![
            "BITFIELD", key, "INCRBY", "i5", &n, "7", "SET", "u3", "#2", &n,
        ],
        54 => vec!["BITOP", "OR", key, rng.pick(&["a", "b", "c"]), key],
        _ => vec!["XADD", stream, "MINID", "~", "0", "*", "f", &n],
    };
    words.into_iter().map(str::to_string).collect()
}

#[test]
fn random_workloads_replay_to_the_same_data() {
    for seed in 1..=40u64 {
        let dir = common::temp_dir("aof", &format!("random-{seed}"));
        let path = dir.join("appendonly.aof");
        let clock = ManualClock::new();
        let engine = open(&path, Fsync::No, &clock);
        let mut conn = engine.connect();
        let mut rng = Rng::new(seed);
        let mut last_ids: Vec<String> = Vec::new();
        for _ in 0..120 {
            if rng.below(10) == 0 {
                // A transaction of a few commands.
                conn.call(["MULTI"]).expect("multi");
                for _ in 0..rng.below(4) {
                    conn.call(random_command(&mut rng)).expect("queued");
                }
                conn.call(["EXEC"]).expect("exec");
            } else {
                let mut command = random_command(&mut rng);
                // Ack or claim an ID that exists, now and then.
                if !last_ids.is_empty() && rng.below(4) == 0 {
                    let id = last_ids[rng.below(last_ids.len() as u64) as usize].clone();
                    command = if rng.below(2) == 0 {
                        vec!["XACK".into(), "s1".into(), "g1".into(), id]
                    } else {
                        vec![
                            "XCLAIM".into(),
                            "s1".into(),
                            "g1".into(),
                            "z".into(),
                            "10".into(),
                            id,
                        ]
                    };
                }
                let reply = conn
                    .call(command.iter().map(String::as_str))
                    .expect("reply");
                if let Reply::Bulk(id) = reply
                    && id.contains(&b'-')
                {
                    last_ids.push(String::from_utf8_lossy(&id).into_owned());
                }
            }
            clock.advance(Duration::from_millis(rng.below(30)));
        }
        let before = picture(&engine);
        drop(conn);
        drop(engine);
        if std::env::var_os("EMBEDIS_SHOW").is_some() {
            eprintln!(
                "{}",
                String::from_utf8_lossy(&std::fs::read(&path).unwrap()).replace("\r\n", " ")
            );
        }
        let engine = open(&path, Fsync::No, &clock);
        let failed = engine.recovery().expect("report").failed;
        assert_eq!(failed, 0, "seed {seed}: every logged effect replays");
        let after = picture(&engine);
        assert_eq!(after, before, "seed {seed}");
        drop(engine);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Function libraries are part of the dataset: loaded, replaced and deleted libraries
/// replay as they were, survive a rewrite (which writes them first), and a function's
/// writes replay as the commands it ran.
#[cfg(feature = "lua")]
#[test]
fn function_libraries_replay_and_survive_rewrites() {
    let dir = common::temp_dir("aof", "functions");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let counter = |step: u32| {
        format!(
            "#!lua name=counters\n\
             local step = {step}\n\
             redis.register_function('bump', function(keys) return redis.call('INCRBY', keys[1], step) end)"
        )
    };
    let engine = open(&path, Fsync::Always, &clock);
    call(&engine, &["FUNCTION", "LOAD", &counter(1)]);
    call(
        &engine,
        &[
            "FUNCTION",
            "LOAD",
            "#!lua name=gone\nredis.register_function('g', function() return 1 end)",
        ],
    );
    call(&engine, &["FCALL", "bump", "1", "hits"]);
    call(&engine, &["FUNCTION", "LOAD", "REPLACE", &counter(10)]);
    call(&engine, &["FCALL", "bump", "1", "hits"]);
    call(&engine, &["FUNCTION", "DELETE", "gone"]);
    drop(engine);

    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(call(&engine, &["GET", "hits"]), Reply::bulk("11"));
    assert_eq!(
        call(&engine, &["FCALL", "bump", "1", "hits"]),
        Reply::Integer(21)
    );
    assert!(
        call(&engine, &["FCALL", "g", "0"]).is_error(),
        "deleted stays deleted"
    );
    engine.rewrite_append_only().expect("rewrite");
    drop(engine);

    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(
        call(&engine, &["FCALL", "bump", "1", "hits"]),
        Reply::Integer(31)
    );
    call(&engine, &["FUNCTION", "FLUSH"]);
    drop(engine);
    let engine = open(&path, Fsync::Always, &clock);
    assert!(call(&engine, &["FCALL", "bump", "1", "hits"]).is_error());
    assert_eq!(call(&engine, &["GET", "hits"]), Reply::bulk("31"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// FUNCTION RESTORE replays to the libraries it left: under each policy, including a
/// REPLACE that moves a function from one replaced library to another.
#[cfg(feature = "lua")]
#[test]
fn function_restore_replays_under_each_policy() {
    let dir = common::temp_dir("aof", "function-restore");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let library = |name: &str, function: &str, value: u32| {
        format!("#!lua name={name}\nredis.register_function('{function}', function() return {value} end)")
    };
    let payload = |engine: &Engine| match call(engine, &["FUNCTION", "DUMP"]) {
        Reply::Bulk(payload) => payload,
        other => panic!("FUNCTION DUMP replied {other:?}"),
    };
    // Payloads made on a scratch engine: z{h}, a{g} (g moves from z to a).
    let scratch = Engine::new();
    call(&scratch, &["FUNCTION", "LOAD", &library("z", "h", 2)]);
    call(&scratch, &["FUNCTION", "LOAD", &library("a", "g", 3)]);
    let moved = payload(&scratch);
    call(&scratch, &["FUNCTION", "FLUSH"]);
    call(&scratch, &["FUNCTION", "LOAD", &library("b", "k", 4)]);
    let other = payload(&scratch);

    let engine = open(&path, Fsync::Always, &clock);
    call(&engine, &["FUNCTION", "LOAD", &library("z", "g", 1)]);
    let restore = |engine: &Engine, payload: &bytes::Bytes, policy: &str| {
        let argv: [&[u8]; 4] = [b"FUNCTION", b"RESTORE", payload, policy.as_bytes()];
        engine.connect().call(argv).expect("engine answers")
    };
    assert_eq!(restore(&engine, &moved, "REPLACE"), Reply::OK);
    assert_eq!(restore(&engine, &other, "APPEND"), Reply::OK);
    assert!(restore(&engine, &other, "APPEND").is_error(), "b exists");
    drop(engine);

    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(call(&engine, &["FCALL", "g", "0"]), Reply::Integer(3));
    assert_eq!(call(&engine, &["FCALL", "h", "0"]), Reply::Integer(2));
    assert_eq!(call(&engine, &["FCALL", "k", "0"]), Reply::Integer(4));
    assert_eq!(restore(&engine, &other, "FLUSH"), Reply::OK);
    drop(engine);

    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert!(call(&engine, &["FCALL", "g", "0"]).is_error(), "flushed");
    assert_eq!(call(&engine, &["FCALL", "k", "0"]), Reply::Integer(4));
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

/// BGREWRITEAOF compacts the file as `Engine::rewrite_append_only` does, from a
/// connection (and so from redis-rs code); a second one while the first runs is refused
/// with Redis's text, and scripts and closures may not run it.
#[test]
fn bgrewriteaof_compacts_the_file_from_a_connection() {
    let dir = common::temp_dir("aof", "bgrewriteaof");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::Always, &clock);
    let mut conn = engine.connect();
    for _ in 0..500 {
        conn.call(["INCR", "n"]).unwrap();
    }
    let grown = std::fs::metadata(&path).unwrap().len();
    // Two in one pipeline: the second sees the first under way.
    let replies = embedis::Pipeline::new()
        .cmd(["BGREWRITEAOF"])
        .cmd(["BGREWRITEAOF"])
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        replies,
        [
            Reply::status("Background append only file rewriting started"),
            Reply::Error(embedis::Error::RewriteInProgress)
        ]
    );
    assert_eq!(
        embedis::Error::RewriteInProgress.to_string(),
        "ERR Background append only file rewriting already in progress"
    );
    assert!(engine
        .atomically(|db| db.call(["BGREWRITEAOF"]))
        .unwrap()
        .is_error());
    // Wait as a Redis client waits: INFO persistence's aof_rewrite_in_progress.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let Reply::Verbatim(info) = conn.call(["INFO", "persistence"]).unwrap() else {
            panic!("INFO is text");
        };
        let info = String::from_utf8_lossy(&info).into_owned();
        assert!(info.contains("aof_last_write_status:ok"), "{info}");
        if info.contains("aof_rewrite_in_progress:0") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the rewrite never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(std::fs::metadata(&path).unwrap().len() < grown / 10);
    drop(conn);
    drop(engine);
    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(call(&engine, &["GET", "n"]), Reply::bulk("500"));
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);

    let mut plain = Engine::new().connect();
    assert_eq!(
        plain.call(["BGREWRITEAOF"]).unwrap(),
        Reply::Error(embedis::Error::NoAppendOnlyFile)
    );
    assert!(plain.call(["BGREWRITEAOF", "x"]).unwrap().is_error());
}

/// RESTORE replays as the payload it was given, at its absolute deadline: the key comes
/// back with its value and its TTL, and a REPLACE that found the deadline past deletes.
#[test]
fn restore_replays_with_its_deadline() {
    let dir = common::temp_dir("aof", "restore");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let engine = open(&path, Fsync::Always, &clock);
    call(&engine, &["RPUSH", "src", "a", "b", "c"]);
    call(&engine, &["SET", "gone", "x"]);
    let payload = match call(&engine, &["DUMP", "src"]) {
        Reply::Bulk(payload) => payload,
        other => panic!("DUMP replied {other:?}"),
    };
    let mut conn = engine.connect();
    let restore =
        |conn: &mut embedis::Connection, argv: &[&[u8]]| conn.call(argv.iter().copied()).unwrap();
    assert_eq!(
        restore(&mut conn, &[b"RESTORE", b"copy", b"60000", &payload]),
        Reply::OK
    );
    assert_eq!(
        restore(
            &mut conn,
            &[b"RESTORE", b"gone", b"1", &payload, b"REPLACE", b"ABSTTL"]
        ),
        Reply::OK
    );
    drop(conn);
    drop(engine);

    let engine = open(&path, Fsync::Always, &clock);
    assert_eq!(engine.recovery().expect("report").failed, 0);
    assert_eq!(
        call(&engine, &["LRANGE", "copy", "0", "-1"]),
        Reply::Array(vec![Reply::bulk("a"), Reply::bulk("b"), Reply::bulk("c")])
    );
    assert_eq!(call(&engine, &["PTTL", "copy"]), Reply::Integer(60000));
    assert_eq!(call(&engine, &["EXISTS", "gone"]), Reply::Integer(0));
    clock.advance(Duration::from_secs(61));
    assert_eq!(call(&engine, &["EXISTS", "copy"]), Reply::Integer(0));
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

/// SHUTDOWN writes and syncs the append-only file before the engine stops, as
/// redis-server's does: a restart holds every write made before it.
#[test]
fn shutdown_leaves_every_earlier_write_in_the_file() {
    let dir = common::temp_dir("persistence", "shutdown");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    for fsync in [Fsync::No, Fsync::EverySec, Fsync::Always] {
        let _ = std::fs::remove_file(&path);
        let engine = open(&path, fsync, &clock);
        let mut conn = engine.connect();
        let mut pipeline = embedis::Pipeline::new();
        for n in 0..100 {
            pipeline.cmd(["RPUSH", "list", &n.to_string()]);
        }
        pipeline.cmd(["SHUTDOWN"]);
        assert!(pipeline.execute_once(&mut conn).is_err());
        drop(engine);
        let engine = open(&path, fsync, &clock);
        assert_eq!(
            call(&engine, &["LLEN", "list"]),
            Reply::Integer(100),
            "{fsync:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// WAITAOF (Redis 7.2), against its documentation and redis-server's tests: the local
/// count is 1 once every earlier write is on the disk; replicas are none.
#[test]
fn waitaof_answers_once_the_writes_before_it_are_on_the_disk() {
    let pair = |local: i64| Reply::Array(vec![Reply::Integer(local), Reply::Integer(0)]);
    // Arguments: numlocal, numreplicas, then the timeout, each with redis-server's error.
    let mut plain = Engine::new().connect();
    for (line, error) in [
        (
            "WAITAOF 0 0",
            "ERR wrong number of arguments for 'waitaof' command",
        ),
        (
            "WAITAOF x 0 0",
            "ERR value is not an integer or out of range",
        ),
        (
            "WAITAOF 2 0 0",
            "ERR value is out of range, value must between 0 and 1",
        ),
        (
            "WAITAOF -1 0 0",
            "ERR value is out of range, value must between 0 and 1",
        ),
        (
            "WAITAOF 0 x 0",
            "ERR value is out of range, must be positive",
        ),
        (
            "WAITAOF 0 -1 0",
            "ERR value is out of range, must be positive",
        ),
        (
            "WAITAOF 0 0 x",
            "ERR timeout is not an integer or out of range",
        ),
        ("WAITAOF 1 0 -5", "ERR timeout is negative"),
        (
            "WAITAOF 1 0 0",
            "ERR WAITAOF cannot be used when numlocal is set but appendonly is disabled.",
        ),
    ] {
        let argv = common::words(line);
        let argv: Vec<&[u8]> = argv.iter().map(Vec::as_slice).collect();
        match plain.call(argv).expect("reply") {
            Reply::Error(e) => assert_eq!(e.to_string(), error, "{line}"),
            other => panic!("{line}: {other:?}"),
        }
    }
    // As WAIT in 7.0 (and WAITAOF in 7.2), not from a script.
    #[cfg(feature = "lua")]
    match plain
        .call(["EVAL", "return redis.call('waitaof', 0, 0, 0)", "0"])
        .expect("reply")
    {
        Reply::Error(e) => assert!(
            e.to_string()
                .starts_with("ERR This Redis command is not allowed from script"),
            "{e}"
        ),
        other => panic!("{other:?}"),
    }
    // Without a file nothing is local; no replicas answer, at once.
    assert_eq!(plain.call(["WAITAOF", "0", "2", "100"]).unwrap(), pair(0));

    let dir = common::temp_dir("aof", "waitaof");
    let clock = ManualClock::new();
    for (fsync, local) in [(Fsync::Always, 1), (Fsync::EverySec, 1), (Fsync::No, 0)] {
        let path = dir.join(format!("{fsync:?}.aof"));
        let engine = open(&path, fsync, &clock);
        let mut conn = engine.connect();
        // Pipelined behind a write: the reply comes after the write reached the file.
        let replies = embedis::Pipeline::new()
            .cmd(["SET", "waited-for", "x"])
            .cmd(["WAITAOF", "1", "0", "0"])
            .execute(&mut conn)
            .unwrap();
        assert_eq!(replies[1], pair(local), "{fsync:?}");
        if local == 1 {
            let file = std::fs::read(&path).expect("the file");
            assert!(
                file.windows(10).any(|w| w == b"waited-for"),
                "{fsync:?}: the write is not in the file when WAITAOF answers"
            );
        }
        // In a transaction too: EXEC's reply waits as WAITAOF's would.
        let replies = embedis::Pipeline::new()
            .cmd(["MULTI"])
            .cmd(["SET", "in-multi", "x"])
            .cmd(["WAITAOF", "0", "0", "0"])
            .cmd(["EXEC"])
            .execute(&mut conn)
            .unwrap();
        assert_eq!(
            replies[3],
            Reply::Array(vec![Reply::OK, pair(local)]),
            "{fsync:?}"
        );
        if local == 1 {
            let file = std::fs::read(&path).expect("the file");
            assert!(file.windows(8).any(|w| w == b"in-multi"), "{fsync:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
