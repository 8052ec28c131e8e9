//! RDB snapshots: SAVE, BGSAVE and `SHUTDOWN SAVE` write the dataset; an engine built on
//! the file starts with exactly that data (compared as a full picture of every key), on the
//! same clock. The files against a real redis-server, both ways, are in
//! `tests/persistence_interop.rs`.

mod common;

use std::path::Path;
use std::time::Duration;

use common::engine::{call, clock_at, persistence_field};
use common::picture::picture;
use embedis::{Engine, Error, Fsync, ManualClock, Reply, SnapshotError};

fn open(path: &Path, clock: &ManualClock) -> Engine {
    Engine::builder()
        .clock(clock.clone())
        .snapshot_file(path)
        .try_build()
        .expect("engine starts on its snapshot")
}

#[test]
fn every_type_and_database_comes_back_from_a_snapshot() {
    let dir = common::temp_dir("snapshots", "kinds");
    let path = dir.join("dump.rdb");
    let clock = clock_at(1_700_000_000);
    let engine = open(&path, &clock);
    let mut conn = engine.connect();
    let script: &[&[&str]] = &[
        &["SET", "s", "text", "EX", "100"],
        &["SET", "n", "12345"],
        &["SET", "big", "-9223372036854775808"],
        &["INCRBYFLOAT", "f", "1.5"],
        &["HSET", "h", "a", "1", "b", "2"],
        &["PEXPIRE", "h", "500000"],
        &["SADD", "ints", "3", "1", "2"],
        &["SADD", "words", "rust", "redis"],
        &["ZADD", "z", "1", "a", "2.5", "b", "-inf", "c"],
        &["RPUSH", "l", "x", "y", "z"],
        &["PFADD", "hll", "a", "b", "c"],
        &["SETBIT", "bits", "100", "1"],
        &["XADD", "st", "1-1", "f", "v1"],
        &["XADD", "st", "2-1", "f", "v2", "g", "w"],
        &["XADD", "st", "3-1", "f", "v3"],
        &["XDEL", "st", "2-1"],
        &["XGROUP", "CREATE", "st", "g", "0"],
        &[
            "XREADGROUP",
            "GROUP",
            "g",
            "alice",
            "COUNT",
            "1",
            "STREAMS",
            "st",
            ">",
        ],
        &["XGROUP", "CREATECONSUMER", "st", "g", "bob"],
        &["XGROUP", "CREATE", "empty", "g", "$", "MKSTREAM"],
        &["SELECT", "3"],
        &["SET", "s", "in three"],
        &["SELECT", "15"],
        &["LPUSH", "l", "in fifteen"],
        &["SELECT", "0"],
    ];
    for argv in script {
        let reply = conn.call(argv.iter().copied()).expect("reply");
        assert!(!reply.is_error(), "{argv:?}: {reply:?}");
    }
    // Collections past their compact forms: every encoding of each type is written.
    let mut big = embedis::Pipeline::new();
    for n in 0..2_000 {
        let n = n.to_string();
        let member = format!("member-{n}");
        big.cmd(["HSET", "big-h", &member, &n]);
        big.cmd(["SADD", "big-ints", &n]);
        big.cmd(["SADD", "big-words", &member]);
        big.cmd(["ZADD", "big-z", &n, &member]);
        big.cmd(["RPUSH", "big-l", &member]);
        big.cmd(["XADD", "big-st", "*", "n", &n]);
    }
    big.execute(&mut conn).expect("pipeline");
    assert_eq!(conn.call(["SAVE"]).unwrap(), Reply::OK);
    let expected = picture(&engine);
    drop(conn);
    drop(engine);

    let engine = open(&path, &clock);
    assert_eq!(picture(&engine), expected);
    assert_eq!(
        persistence_field(&engine, "rdb_last_load_keys_loaded"),
        "21"
    );
    // Consumer-group state reads on: the next delivery is the entry after alice's.
    let Reply::Array(next) = call(
        &engine,
        &["XREADGROUP", "GROUP", "g", "bob", "STREAMS", "st", ">"],
    ) else {
        panic!("one stream");
    };
    assert!(format!("{next:?}").contains("3-1"), "{next:?}");
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn keys_expired_by_the_time_of_loading_are_dropped_and_counted() {
    let dir = common::temp_dir("snapshots", "expired");
    let path = dir.join("dump.rdb");
    let clock = clock_at(1_700_000_000);
    let engine = open(&path, &clock);
    call(&engine, &["SET", "short", "x", "PX", "1500"]);
    call(&engine, &["SET", "long", "y", "EX", "100"]);
    call(&engine, &["SET", "forever", "z"]);
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    drop(engine);

    clock.advance(Duration::from_secs(2));
    let engine = open(&path, &clock);
    assert_eq!(call(&engine, &["EXISTS", "short"]), Reply::Integer(0));
    assert_eq!(call(&engine, &["TTL", "long"]), Reply::Integer(98));
    assert_eq!(call(&engine, &["GET", "forever"]), Reply::bulk("z"));
    assert_eq!(
        persistence_field(&engine, "rdb_last_load_keys_expired"),
        "1"
    );
    assert_eq!(persistence_field(&engine, "rdb_last_load_keys_loaded"), "2");
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lastsave_and_info_follow_the_saves_on_the_engine_clock() {
    let dir = common::temp_dir("snapshots", "lastsave");
    let clock = clock_at(1_700_000_000);
    let engine = open(&dir.join("dump.rdb"), &clock);
    assert_eq!(call(&engine, &["LASTSAVE"]), Reply::Integer(1_700_000_000));
    assert_eq!(persistence_field(&engine, "rdb_saves"), "0");

    clock.advance(Duration::from_secs(10));
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    assert_eq!(call(&engine, &["LASTSAVE"]), Reply::Integer(1_700_000_010));

    // SAVE is no background save: none has a duration yet, as on redis-server.
    assert_eq!(persistence_field(&engine, "rdb_last_bgsave_time_sec"), "-1");
    clock.advance(Duration::from_secs(10));
    assert_eq!(
        call(&engine, &["BGSAVE"]),
        Reply::status("Background saving started")
    );
    // Redis clients wait for a BGSAVE by polling LASTSAVE: so does this test, without
    // sleeping a fixed time.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while call(&engine, &["LASTSAVE"]) != Reply::Integer(1_700_000_020) {
        assert!(std::time::Instant::now() < deadline, "BGSAVE never ended");
        std::thread::yield_now();
    }
    assert_eq!(persistence_field(&engine, "rdb_bgsave_in_progress"), "0");
    assert_eq!(persistence_field(&engine, "rdb_last_bgsave_status"), "ok");
    assert_eq!(persistence_field(&engine, "rdb_saves"), "2");
    assert_eq!(
        persistence_field(&engine, "rdb_last_save_time"),
        "1700000020"
    );
    assert_eq!(persistence_field(&engine, "rdb_last_bgsave_time_sec"), "0");
    assert_eq!(
        persistence_field(&engine, "rdb_current_bgsave_time_sec"),
        "-1"
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bgsave_in_a_transaction_snapshots_the_whole_transaction() {
    let dir = common::temp_dir("snapshots", "multi");
    let path = dir.join("dump.rdb");
    let clock = clock_at(1_700_000_000);
    let engine = open(&path, &clock);
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    conn.call(["SET", "before", "1"]).unwrap();
    conn.call(["BGSAVE"]).unwrap();
    conn.call(["SET", "after", "2"]).unwrap();
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![
            Reply::OK,
            Reply::status("Background saving scheduled"),
            Reply::OK
        ])
    );
    conn.call(["SET", "later", "3"]).unwrap();
    drop(conn);
    drop(engine); // shutdown waits for the background save

    let engine = open(&path, &clock);
    assert_eq!(call(&engine, &["MGET", "before", "after", "later"]), {
        Reply::Array(vec![Reply::bulk("1"), Reply::bulk("2"), Reply::Nil])
    });
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_engine_snapshot_is_the_file_save_writes() {
    let dir = common::temp_dir("snapshots", "same-bytes");
    let path = dir.join("dump.rdb");
    let clock = clock_at(1_700_000_000);
    let engine = open(&path, &clock);
    call(&engine, &["SET", "k", "v", "EX", "60"]);
    call(&engine, &["XADD", "st", "1-1", "f", "v"]);
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    assert_eq!(
        engine.snapshot().unwrap(),
        std::fs::read(&path).unwrap(),
        "same data, same instant, same bytes"
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_snapshot_file_save_and_bgsave_are_refused() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["SET", "k", "v"]).unwrap();
    assert_eq!(
        conn.call(["SAVE"]).unwrap(),
        Reply::Error(Error::NoSnapshotFile)
    );
    assert_eq!(
        conn.call(["BGSAVE"]).unwrap(),
        Reply::Error(Error::NoSnapshotFile)
    );
    assert!(!Error::NoSnapshotFile.is_server_error());
    // Refused in closures, as in scripts (redis-server flags them `noscript`).
    let refused = engine
        .atomically(|db| db.call(["SAVE"]))
        .expect("closure ran");
    assert_eq!(refused, Reply::Error(Error::NotAllowedInAtomically));
}

#[test]
fn a_damaged_or_cut_snapshot_stops_the_start_and_says_why() {
    let dir = common::temp_dir("snapshots", "damaged");
    let path = dir.join("dump.rdb");
    let clock = clock_at(1_700_000_000);
    let engine = open(&path, &clock);
    call(&engine, &["SET", "key", "a value long enough to matter"]);
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    drop(engine);
    let good = std::fs::read(&path).unwrap();

    let cause = |bytes: &[u8]| -> SnapshotError {
        std::fs::write(&path, bytes).unwrap();
        let error = Engine::builder()
            .clock(clock.clone())
            .snapshot_file(&path)
            .try_build()
            .expect_err("refused");
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidData);
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<SnapshotError>())
            .expect("a SnapshotError")
            .clone()
    };
    for cut in [10, good.len() / 2, good.len() - 1] {
        assert_eq!(
            cause(&good[..cut]),
            SnapshotError::Truncated,
            "cut at {cut}"
        );
    }
    let mut flipped = good.clone();
    flipped[good.len() - 20] ^= 0x40;
    assert!(matches!(cause(&flipped), SnapshotError::Checksum { .. }));
    assert_eq!(cause(b"not a snapshot"), SnapshotError::NotRdb);
    let mut newer = good.clone();
    newer[5..9].copy_from_slice(b"0012");
    assert_eq!(cause(&newer), SnapshotError::Version(12));
    // A missing file is an empty dataset, as for redis-server.
    std::fs::remove_file(&path).unwrap();
    let engine = open(&path, &clock);
    assert_eq!(call(&engine, &["DBSIZE"]), Reply::Integer(0));
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shutdown_save_writes_the_snapshot_or_keeps_running() {
    let dir = common::temp_dir("snapshots", "shutdown");
    let path = dir.join("dump.rdb");
    let clock = clock_at(1_700_000_000);
    let engine = open(&path, &clock);
    let mut conn = engine.connect();
    conn.call(["SET", "k", "v"]).unwrap();
    assert_eq!(conn.call(["SHUTDOWN", "SAVE"]), Err(Error::Closed));
    drop(engine);
    let engine = open(&path, &clock);
    assert_eq!(call(&engine, &["GET", "k"]), Reply::bulk("v"));
    drop(engine);

    // A snapshot that cannot be written: the engine stays up, unless FORCE says otherwise.
    let unwritable = dir.join("missing-dir").join("dump.rdb");
    let engine = open(&unwritable, &clock);
    let mut conn = engine.connect();
    assert_eq!(
        conn.call(["SHUTDOWN", "SAVE"]).unwrap(),
        Reply::Error(Error::ShutdownFailed)
    );
    assert_eq!(
        Error::ShutdownFailed.to_string(),
        "ERR Errors trying to SHUTDOWN. Check logs."
    );
    assert!(conn.call(["SAVE"]).unwrap().is_error());
    assert_eq!(conn.call(["PING"]).unwrap(), Reply::status("PONG"));
    assert_eq!(conn.call(["SHUTDOWN", "SAVE", "FORCE"]), Err(Error::Closed));
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn with_an_append_only_file_the_snapshot_is_written_but_not_read() {
    let dir = common::temp_dir("snapshots", "with-aof");
    let (aof, rdb) = (dir.join("appendonly.aof"), dir.join("dump.rdb"));
    let clock = clock_at(1_700_000_000);
    let both = || {
        Engine::builder()
            .clock(clock.clone())
            .append_only(&aof, Fsync::Always)
            .snapshot_file(&rdb)
            .try_build()
            .expect("engine")
    };
    let engine = both();
    call(&engine, &["SET", "saved", "1"]);
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    call(&engine, &["DEL", "saved"]);
    call(&engine, &["SET", "logged", "2"]);
    drop(engine);
    // The append-only file is the dataset, as on redis-server with `appendonly yes`.
    let engine = both();
    assert_eq!(
        call(&engine, &["KEYS", "*"]),
        Reply::Array(vec![Reply::bulk("logged")])
    );
    drop(engine);
    // The snapshot alone holds what was saved.
    let engine = open(&rdb, &clock);
    assert_eq!(
        call(&engine, &["KEYS", "*"]),
        Reply::Array(vec![Reply::bulk("saved")])
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}
