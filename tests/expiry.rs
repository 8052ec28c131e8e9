//! Expiry on the engine clock: lazy and active expiry, TTL arithmetic, absolute deadlines,
//! and WATCH on expiry — all under `ManualClock`, so nothing sleeps.

use std::time::{Duration, UNIX_EPOCH};

use embedis::{Connection, Engine, ManualClock, Reply};

fn engine_with_clock() -> (Engine, ManualClock, Connection) {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let conn = engine.connect();
    (engine, clock, conn)
}

fn int(n: i64) -> Reply {
    Reply::Integer(n)
}

#[test]
fn ttl_counts_down_with_the_clock_and_rounds_like_redis() {
    let (_engine, clock, mut conn) = engine_with_clock();
    conn.call(["SET", "k", "v", "PX", "1500"]).unwrap();
    assert_eq!(conn.call(["PTTL", "k"]).unwrap(), int(1500));
    assert_eq!(
        conn.call(["TTL", "k"]).unwrap(),
        int(2),
        "1.5 s rounds to 2"
    );
    clock.advance(Duration::from_millis(1000));
    assert_eq!(conn.call(["PTTL", "k"]).unwrap(), int(500));
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(1), "0.5 s rounds up");
    clock.advance(Duration::from_millis(1));
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(0));
    clock.advance(Duration::from_millis(499));
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::Nil);
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(-2));
}

#[test]
fn expired_keys_are_swept_without_access() {
    let (_engine, clock, mut conn) = engine_with_clock();
    for i in 0..500 {
        conn.call(["SET", &format!("k{i}"), "v", "EX", "10"])
            .unwrap();
    }
    conn.call(["SET", "forever", "v"]).unwrap();
    assert_eq!(conn.call(["DBSIZE"]).unwrap(), int(501));
    clock.advance(Duration::from_secs(10));
    // DBSIZE counts stored keys without touching them: only the sweep can lower it. The
    // tick that `advance` sent is handled before this command.
    assert_eq!(conn.call(["DBSIZE"]).unwrap(), int(1));
}

#[test]
fn a_small_sweep_budget_still_frees_everything() {
    let clock = ManualClock::new();
    let engine = Engine::builder()
        .clock(clock.clone())
        .sweep_budget(7)
        .build();
    let mut conn = engine.connect();
    for i in 0..1_000 {
        conn.call(["SET", &format!("k{i}"), "v", "PX", "5"])
            .unwrap();
    }
    clock.advance(Duration::from_millis(5));
    let mut sizes = Vec::new();
    loop {
        let Reply::Integer(size) = conn.call(["DBSIZE"]).unwrap() else {
            panic!("DBSIZE is an integer");
        };
        sizes.push(size);
        if size == 0 {
            break;
        }
        assert!(
            sizes.len() < 1_000,
            "the sweep must make progress: {sizes:?}"
        );
    }
    assert!(
        sizes[0] < 1_000 && sizes[0] >= 1_000 - 2 * 7 - 7,
        "bounded steps: {sizes:?}"
    );
}

#[test]
fn absolute_deadlines_follow_the_engine_clock() {
    let (_engine, clock, mut conn) = engine_with_clock();
    let now_s = clock.now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    conn.call(["SET", "k", "v", "EXAT", &(now_s + 100).to_string()])
        .unwrap();
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(100));
    assert_eq!(conn.call(["EXPIRETIME", "k"]).unwrap(), int(now_s + 100));
    assert_eq!(
        conn.call(["PEXPIRETIME", "k"]).unwrap(),
        int((now_s + 100) * 1000)
    );
    // A deadline already past deletes the key and still counts as set.
    assert_eq!(
        conn.call(["EXPIREAT", "k", &(now_s - 1).to_string()])
            .unwrap(),
        int(1)
    );
    assert_eq!(conn.call(["EXISTS", "k"]).unwrap(), int(0));
    let time = conn.call(["TIME"]).unwrap();
    assert_eq!(
        time,
        Reply::Array(vec![Reply::bulk(now_s.to_string()), Reply::bulk("0")])
    );
}

#[test]
fn expire_conditions_compare_deadlines() {
    let (_engine, _clock, mut conn) = engine_with_clock();
    conn.call(["SET", "k", "v"]).unwrap();
    assert_eq!(conn.call(["EXPIRE", "k", "100", "XX"]).unwrap(), int(0));
    assert_eq!(
        conn.call(["EXPIRE", "k", "100", "GT"]).unwrap(),
        int(0),
        "no TTL is infinite"
    );
    assert_eq!(conn.call(["EXPIRE", "k", "100", "LT"]).unwrap(), int(1));
    assert_eq!(conn.call(["EXPIRE", "k", "50", "NX"]).unwrap(), int(0));
    assert_eq!(conn.call(["EXPIRE", "k", "200", "GT"]).unwrap(), int(1));
    assert_eq!(conn.call(["EXPIRE", "k", "150", "GT"]).unwrap(), int(0));
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(200));
    assert_eq!(conn.call(["PERSIST", "k"]).unwrap(), int(1));
    assert_eq!(conn.call(["PERSIST", "k"]).unwrap(), int(0));
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(-1));
}

#[test]
fn writes_keep_or_clear_the_ttl_as_redis_does() {
    let (_engine, _clock, mut conn) = engine_with_clock();
    conn.call(["SET", "n", "1", "EX", "100"]).unwrap();
    conn.call(["INCR", "n"]).unwrap();
    conn.call(["APPEND", "n", "0"]).unwrap();
    conn.call(["INCRBYFLOAT", "n", "0.5"]).unwrap();
    assert_eq!(
        conn.call(["TTL", "n"]).unwrap(),
        int(100),
        "INCR/APPEND keep the TTL"
    );
    conn.call(["SET", "n", "2", "KEEPTTL"]).unwrap();
    assert_eq!(conn.call(["TTL", "n"]).unwrap(), int(100));
    conn.call(["SET", "n", "3"]).unwrap();
    assert_eq!(conn.call(["TTL", "n"]).unwrap(), int(-1), "SET clears it");
    conn.call(["SETEX", "n", "100", "4"]).unwrap();
    conn.call(["GETSET", "n", "5"]).unwrap();
    assert_eq!(
        conn.call(["TTL", "n"]).unwrap(),
        int(-1),
        "GETSET clears it"
    );
    conn.call(["SETEX", "a", "100", "4"]).unwrap();
    conn.call(["RENAME", "a", "b"]).unwrap();
    assert_eq!(
        conn.call(["TTL", "b"]).unwrap(),
        int(100),
        "RENAME moves it"
    );
    assert_eq!(
        conn.call(["GETEX", "b", "PERSIST"]).unwrap(),
        Reply::bulk("4")
    );
    assert_eq!(conn.call(["TTL", "b"]).unwrap(), int(-1));
}

#[test]
fn a_watched_key_that_expires_fails_exec() {
    let (engine, clock, mut conn) = engine_with_clock();
    conn.call(["SET", "lock", "me", "PX", "100"]).unwrap();
    conn.call(["WATCH", "lock"]).unwrap();
    clock.advance(Duration::from_millis(100));
    conn.call(["MULTI"]).unwrap();
    conn.call(["SET", "other", "x"]).unwrap();
    assert_eq!(conn.call(["EXEC"]).unwrap(), Reply::NilArray);
    // Without expiry in between, the same transaction commits.
    let mut second = engine.connect();
    second.call(["SET", "lock", "me", "PX", "100"]).unwrap();
    second.call(["WATCH", "lock"]).unwrap();
    clock.advance(Duration::from_millis(99));
    second.call(["MULTI"]).unwrap();
    second.call(["SET", "other", "x"]).unwrap();
    assert_eq!(
        second.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::OK])
    );
}

#[test]
fn a_clock_set_backwards_lengthens_ttls() {
    let (_engine, clock, mut conn) = engine_with_clock();
    conn.call(["SET", "k", "v", "EX", "10"]).unwrap();
    clock.set(clock.now() - Duration::from_secs(20));
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), int(30));
}
