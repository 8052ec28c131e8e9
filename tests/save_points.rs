//! Automatic snapshots: `save <seconds> <changes>` points fire a BGSAVE on the engine clock
//! once enough changes happened and more than the seconds passed; a failed save is retried
//! 5 seconds later; with points set, shutting down saves and FLUSHALL saves the emptied
//! dataset; `CONFIG SET save` changes them at run time. How changes are counted, against
//! redis-server, is in `tests/differential.rs` (`changes_since_last_save_follow_redis`).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::engine::{call, clock_at, persistence_field};
use embedis::{Engine, Error, ManualClock, Reply};

const START: u64 = 1_700_000_000;

/// An engine on `path` with one point: `seconds` and `changes`.
fn with_point(path: &Path, clock: &ManualClock, seconds: u64, changes: u32) -> Engine {
    Engine::builder()
        .clock(clock.clone())
        .snapshot_file(path)
        .save_point(Duration::from_secs(seconds), changes)
        .try_build()
        .expect("engine starts")
}

/// An engine on `path` without points, to read what a snapshot holds.
fn reopen(path: &Path) -> Engine {
    Engine::builder()
        .clock(clock_at(START))
        .snapshot_file(path)
        .try_build()
        .expect("engine starts on its snapshot")
}

/// Waits (polling, as Redis clients wait for a BGSAVE) until LASTSAVE says `secs`.
fn wait_for_lastsave(engine: &Engine, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while call(engine, &["LASTSAVE"]) != Reply::Integer(secs as i64) {
        assert!(Instant::now() < deadline, "no save at {secs}");
        std::thread::yield_now();
    }
}

/// No save is writing and `saves` have succeeded: a save that started is either still
/// writing or counted.
fn assert_saved_times(engine: &Engine, saves: u64) {
    assert_eq!(persistence_field(engine, "rdb_bgsave_in_progress"), "0");
    assert_eq!(persistence_field(engine, "rdb_saves"), saves.to_string());
}

/// No save has started or ended, and there is no file.
fn assert_never_saved(engine: &Engine, path: &Path) {
    assert_saved_times(engine, 0);
    assert!(!path.exists());
}

#[test]
fn a_point_fires_once_it_has_its_changes_and_more_than_its_seconds() {
    let dir = common::temp_dir("save-points", "fires");
    let path = dir.join("dump.rdb");
    let clock = clock_at(START);
    let engine = with_point(&path, &clock, 60, 2);
    assert_eq!(call(&engine, &["SET", "a", "1"]), Reply::OK);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "1"
    );

    // Time enough, changes not: nothing happens.
    clock.advance(Duration::from_secs(120));
    assert_never_saved(&engine, &path);

    // The second change is due at once: 120 s passed since the start.
    assert_eq!(call(&engine, &["SET", "b", "2"]), Reply::OK);
    wait_for_lastsave(&engine, START + 120);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "0"
    );
    assert_eq!(persistence_field(&engine, "rdb_last_bgsave_status"), "ok");

    // Two more changes: due only more than 60 s after that save, not at 60 s.
    call(&engine, &["SET", "c", "3"]);
    call(&engine, &["SET", "d", "4"]);
    clock.advance(Duration::from_secs(60));
    assert_saved_times(&engine, 1);
    assert_eq!(
        call(&engine, &["LASTSAVE"]),
        Reply::Integer((START + 120) as i64)
    );
    clock.advance(Duration::from_secs(1));
    wait_for_lastsave(&engine, START + 181);
    drop(engine);

    let engine = reopen(&path);
    assert_eq!(call(&engine, &["DBSIZE"]), Reply::Integer(4));
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_save_is_retried_five_seconds_later() {
    let dir = common::temp_dir("save-points", "retry");
    let missing = dir.join("not-yet");
    let path = missing.join("dump.rdb");
    let clock = clock_at(START);
    let engine = with_point(&path, &clock, 1, 1);
    call(&engine, &["SET", "a", "1"]);
    clock.advance(Duration::from_secs(2));
    let deadline = Instant::now() + Duration::from_secs(30);
    while persistence_field(&engine, "rdb_last_bgsave_status") != "err" {
        assert!(
            Instant::now() < deadline,
            "the failed save was never recorded"
        );
        std::thread::yield_now();
    }
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "1"
    );

    // The directory exists now; the next attempt waits for more than 5 s.
    std::fs::create_dir_all(&missing).unwrap();
    clock.advance(Duration::from_secs(5));
    assert_never_saved(&engine, &path);
    clock.advance(Duration::from_secs(1));
    wait_for_lastsave(&engine, START + 8);
    assert_eq!(persistence_field(&engine, "rdb_last_bgsave_status"), "ok");
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "0"
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn with_points_the_engine_saves_when_it_stops_and_nosave_does_not() {
    let dir = common::temp_dir("save-points", "shutdown");
    let path = dir.join("dump.rdb");
    let clock = clock_at(START);

    // Dropping the engine is redis-server's SIGTERM: it saves.
    let engine = with_point(&path, &clock, 3600, 100);
    call(&engine, &["SET", "kept", "1"]);
    drop(engine);
    assert_eq!(call(&reopen(&path), &["GET", "kept"]), Reply::bulk("1"));

    // So does a plain SHUTDOWN.
    let engine = with_point(&path, &clock, 3600, 100);
    let mut conn = engine.connect();
    conn.call(["SET", "by-shutdown", "1"]).unwrap();
    assert_eq!(conn.call(["SHUTDOWN"]), Err(Error::Closed));
    drop(engine);
    assert_eq!(
        call(&reopen(&path), &["EXISTS", "by-shutdown"]),
        Reply::Integer(1)
    );

    // NOSAVE leaves the last snapshot as it was, also when the engine then stops.
    let engine = with_point(&path, &clock, 3600, 100);
    let mut conn = engine.connect();
    conn.call(["SET", "lost", "1"]).unwrap();
    assert_eq!(conn.call(["SHUTDOWN", "NOSAVE"]), Err(Error::Closed));
    drop(engine);
    let engine = reopen(&path);
    assert_eq!(call(&engine, &["EXISTS", "lost"]), Reply::Integer(0));
    assert_eq!(call(&engine, &["EXISTS", "kept"]), Reply::Integer(1));
    drop(engine);

    // Without points nothing is saved at the stop.
    call(&reopen(&path), &["SET", "unsaved", "1"]);
    assert_eq!(
        call(&reopen(&path), &["EXISTS", "unsaved"]),
        Reply::Integer(0)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn flushall_with_points_saves_the_emptied_dataset() {
    let dir = common::temp_dir("save-points", "flushall");
    let path = dir.join("dump.rdb");
    let clock = clock_at(START);

    // Without points a FLUSHALL is not saved: the last snapshot brings the keys back.
    let engine = reopen(&path);
    call(&engine, &["SET", "k", "v"]);
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    call(&engine, &["FLUSHALL"]);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "1"
    );
    drop(engine);
    assert_eq!(call(&reopen(&path), &["DBSIZE"]), Reply::Integer(1));

    // With points, FLUSHALL writes the empty dataset at once (and counts no change).
    let engine = with_point(&path, &clock, 3600, 100);
    assert_eq!(call(&engine, &["DBSIZE"]), Reply::Integer(1));
    call(&engine, &["FLUSHALL"]);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "0"
    );
    assert_eq!(persistence_field(&engine, "rdb_saves"), "1");
    let snapshot = std::fs::read(&path).unwrap();
    assert_eq!(
        snapshot,
        engine.snapshot().unwrap(),
        "the file is the empty dataset"
    );
    drop(engine);
    assert_eq!(call(&reopen(&path), &["DBSIZE"]), Reply::Integer(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_set_save_changes_the_points_at_run_time() {
    let dir = common::temp_dir("save-points", "config");
    let path = dir.join("dump.rdb");
    let clock = clock_at(START);
    let engine = reopen_on(&path, &clock);
    let get = |engine: &Engine| call(engine, &["CONFIG", "GET", "save"]);
    assert_eq!(
        get(&engine),
        Reply::Map(vec![(Reply::bulk("save"), Reply::bulk(""))])
    );

    call(&engine, &["SET", "a", "1"]);
    clock.advance(Duration::from_secs(100));
    assert_never_saved(&engine, &path);

    assert_eq!(
        call(&engine, &["CONFIG", "SET", "save", "30 1 +10 05"]),
        Reply::OK
    );
    assert_eq!(
        get(&engine),
        Reply::Map(vec![(Reply::bulk("save"), Reply::bulk("30 1 10 5"))])
    );
    // The change made before the points were set counts, and more than 30 s passed: the
    // save starts at once.
    wait_for_lastsave(&engine, START + 100);

    let Reply::Error(invalid) = call(&engine, &["CONFIG", "SET", "save", "30 1 10"]) else {
        panic!("an odd number of words is refused");
    };
    assert_eq!(
        invalid.to_string(),
        "ERR CONFIG SET failed (possibly related to argument 'save') - Invalid save parameters"
    );
    assert_eq!(call(&engine, &["CONFIG", "SET", "save", ""]), Reply::OK);
    call(&engine, &["SET", "b", "2"]);
    clock.advance(Duration::from_secs(1000));
    assert_saved_times(&engine, 1);
    drop(engine);

    // Points need a snapshot file: refused, by CONFIG SET and by the builder.
    let engine = Engine::builder().clock(clock.clone()).build();
    let refused = call(&engine, &["CONFIG", "SET", "save", "60 1"]);
    assert!(refused.is_error(), "{refused:?}");
    assert_eq!(call(&engine, &["CONFIG", "SET", "save", ""]), Reply::OK);
    let built = Engine::builder()
        .save_point(Duration::from_secs(60), 1)
        .try_build();
    assert_eq!(built.unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    let _ = std::fs::remove_dir_all(&dir);
}

fn reopen_on(path: &Path, clock: &ManualClock) -> Engine {
    Engine::builder()
        .clock(clock.clone())
        .snapshot_file(path)
        .try_build()
        .expect("engine starts")
}

#[test]
fn the_change_count_restarts_at_each_save_and_at_the_start() {
    let dir = common::temp_dir("save-points", "count");
    let path = dir.join("dump.rdb");
    let clock = clock_at(START);
    let engine = reopen_on(&path, &clock);
    call(&engine, &["HSET", "h", "a", "1", "b", "2", "c", "3"]);
    call(&engine, &["RPUSH", "l", "x", "y"]);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "5"
    );
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "0"
    );
    call(&engine, &["DEL", "h", "l", "missing"]);
    assert_eq!(
        call(&engine, &["BGSAVE"]),
        Reply::status("Background saving started")
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while persistence_field(&engine, "rdb_changes_since_last_save") != "0" {
        assert!(
            Instant::now() < deadline,
            "the BGSAVE's changes never left the count"
        );
        std::thread::yield_now();
    }
    drop(engine);
    // What an engine starts from is on disk already.
    let engine = reopen_on(&path, &clock);
    assert_eq!(
        persistence_field(&engine, "rdb_changes_since_last_save"),
        "0"
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "lua")]
#[test]
fn a_script_sees_the_snapshot_file_too() {
    let dir = common::temp_dir("save-points", "script");
    let path = dir.join("dump.rdb");
    let clock = clock_at(START);
    let engine = with_point(&path, &clock, 3600, 100);
    call(&engine, &["SET", "k", "v"]);
    clock.advance(Duration::from_secs(5));
    assert_eq!(call(&engine, &["SAVE"]), Reply::OK);
    let lastsave = call(&engine, &["EVAL", "return redis.call('LASTSAVE')", "0"]);
    assert_eq!(lastsave, Reply::Integer((START + 5) as i64));
    // FLUSHALL from a script saves the emptied dataset as the command does.
    call(&engine, &["EVAL", "return redis.call('FLUSHALL')", "0"]);
    assert_eq!(persistence_field(&engine, "rdb_saves"), "2");
    assert_eq!(std::fs::read(&path).unwrap(), engine.snapshot().unwrap());
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}
