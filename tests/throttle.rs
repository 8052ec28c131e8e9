//! CL.THROTTLE (the redis-cell module) and CL.THROTTLE.MS (embedis's millisecond variant),
//! under a `ManualClock`. redis-server 7 has no module loaded in the differential tests, so
//! each case restates a behaviour of redis-cell's own documentation and tests (cited) or of
//! its source: `README.md` ("Usage", "Response", "Multiple Rate Limits"), `tests/e2e.rs`
//! (`it_works`), `redis-cell-impl/src/lib.rs` (`it_rate_limits`), `redis-cell/src/lib.rs`
//! (arguments, rounding) and `redis-cell/src/store.rs` (the key: value and TTL).

use std::time::Duration;

use embedis::cmd::Throttle;
use embedis::{Connection, Engine, Error, ManualClock, Protocol, Reply, ThrottleReply};

fn setup() -> (Engine, ManualClock, Connection) {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let conn = engine.connect();
    (engine, clock, conn)
}

/// A CL.THROTTLE reply: `[limited, limit, remaining, retry_after, reset_after]`.
fn cell(limited: i64, limit: i64, remaining: i64, retry: i64, reset: i64) -> Reply {
    Reply::Array(
        [limited, limit, remaining, retry, reset]
            .into_iter()
            .map(Reply::Integer)
            .collect(),
    )
}

fn throttle(conn: &mut Connection, argv: &[&str]) -> Reply {
    let mut full = vec!["CL.THROTTLE"];
    full.extend_from_slice(argv);
    conn.call(full).unwrap()
}

fn throttle_ms(conn: &mut Connection, argv: &[&str]) -> Reply {
    let mut full = vec!["CL.THROTTLE.MS"];
    full.extend_from_slice(argv);
    conn.call(full).unwrap()
}

#[test]
fn readme_response_example() {
    // README.md "Response": `CL.THROTTLE user123 15 30 60` → 0, 16, 15, -1, 2.
    let (_e, _c, mut conn) = setup();
    assert_eq!(
        throttle(&mut conn, &["user123", "15", "30", "60"]),
        cell(0, 16, 15, -1, 2)
    );
    // README.md "Usage": the same with an explicit quantity of 1 applies one more token.
    assert_eq!(
        throttle(&mut conn, &["user123", "15", "30", "60", "1"]),
        cell(0, 16, 14, -1, 4)
    );
}

#[test]
fn readme_multiple_rate_limits_are_independent_keys() {
    // README.md "Multiple Rate Limits".
    let (_e, _c, mut conn) = setup();
    assert_eq!(
        throttle(&mut conn, &["user123-read-rate", "15", "30", "60"]),
        cell(0, 16, 15, -1, 2)
    );
    assert_eq!(
        throttle(&mut conn, &["user123-write-rate", "5", "10", "60"]),
        cell(0, 6, 5, -1, 6)
    );
    assert_eq!(
        throttle(&mut conn, &["user123-read-rate", "15", "30", "60"]),
        cell(0, 16, 14, -1, 4)
    );
}

#[test]
fn e2e_it_works() {
    // tests/e2e.rs `it_works`: burst 0, 1 token per 2 s.
    let (_e, clock, mut conn) = setup();
    let args = ["user123", "0", "1", "2", "1"];
    assert_eq!(throttle(&mut conn, &args), cell(0, 1, 0, -1, 2));
    assert_eq!(throttle(&mut conn, &args), cell(1, 1, 0, 2, 2));
    clock.advance(Duration::from_secs(2));
    assert_eq!(throttle(&mut conn, &args), cell(0, 1, 0, -1, 2));
}

#[test]
fn impl_it_rate_limits_cases() {
    // redis-cell-impl/src/lib.rs `it_rate_limits`: limit 5 (max_burst 4), 1 per second;
    // its durations rounded as redis-cell/src/lib.rs replies them.
    let (_e, clock, mut conn) = setup();
    let mut at = |ms: u64, quantity: &str| {
        clock.set(std::time::UNIX_EPOCH + ManualClock::DEFAULT_START + Duration::from_millis(ms));
        throttle(&mut conn, &["foo", "4", "1", "1", quantity])
    };
    // 0: a request larger than the maximum never fits.
    assert_eq!(at(0, "6"), cell(1, 5, 5, -1, 0));
    // 1-5: normal requests drain the bucket.
    assert_eq!(at(0, "1"), cell(0, 5, 4, -1, 1));
    assert_eq!(at(0, "1"), cell(0, 5, 3, -1, 2));
    assert_eq!(at(0, "1"), cell(0, 5, 2, -1, 3));
    assert_eq!(at(0, "1"), cell(0, 5, 1, -1, 4));
    assert_eq!(at(0, "1"), cell(0, 5, 0, -1, 5));
    // 6: limited, retry after 1 s.
    assert_eq!(at(0, "1"), cell(1, 5, 0, 1, 5));
    // 7-11: refill over time (3900 ms rounds up to 4 s).
    assert_eq!(at(3000, "1"), cell(0, 5, 2, -1, 3));
    assert_eq!(at(3100, "1"), cell(0, 5, 1, -1, 4));
    assert_eq!(at(4000, "1"), cell(0, 5, 1, -1, 4));
    assert_eq!(at(8000, "1"), cell(0, 5, 4, -1, 1));
    assert_eq!(at(9500, "1"), cell(0, 5, 4, -1, 1));
    // 12: a zero-volume request peeks.
    assert_eq!(at(9500, "0"), cell(0, 5, 4, -1, 1));
    // 13: a high-volume request uses more of the limit.
    assert_eq!(at(9500, "2"), cell(0, 5, 2, -1, 3));
    // 14: a large request cannot exceed the limit; it could fit after 3 s.
    assert_eq!(at(9500, "5"), cell(1, 5, 2, 3, 3));
}

#[test]
fn steady_rate_after_the_burst_then_refill() {
    // 10 per second (100 ms apart), bursts of 3.
    let (_e, clock, mut conn) = setup();
    let args = ["k", "2", "10", "1"];
    for remaining in [2, 1, 0] {
        let reply: ThrottleReply = conn.run(Throttle::new("k", 2, 10, 1)).unwrap();
        assert!(!reply.limited);
        assert_eq!(reply.remaining, remaining);
    }
    // 300 ms of debt: both times round up to 1 s.
    assert_eq!(throttle(&mut conn, &args), cell(1, 3, 0, 1, 1));
    // Steady state: one admission per 100 ms, never two.
    for _ in 0..50 {
        clock.advance(Duration::from_millis(99));
        assert_eq!(throttle(&mut conn, &args), cell(1, 3, 0, 1, 1));
        clock.advance(Duration::from_millis(1));
        assert_eq!(throttle(&mut conn, &args), cell(0, 3, 0, -1, 1));
        assert_eq!(throttle(&mut conn, &args), cell(1, 3, 0, 1, 1));
    }
    // Idle for long: the bucket is full (and its key gone), no more than the burst.
    clock.advance(Duration::from_secs(3600));
    assert_eq!(conn.call(["EXISTS", "k"]).unwrap(), Reply::Integer(0));
    assert_eq!(
        throttle(&mut conn, &["k", "2", "10", "1", "3"]),
        cell(0, 3, 0, -1, 1)
    );
    assert_eq!(throttle(&mut conn, &args), cell(1, 3, 0, 1, 1));
}

#[test]
fn quantities_above_one_and_above_the_burst() {
    let (_e, clock, mut conn) = setup();
    // 1 per second, limit 5.
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", "3"]),
        cell(0, 5, 2, -1, 3)
    );
    // 3 more do not fit until 1 s later; nothing is taken.
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", "3"]),
        cell(1, 5, 2, 1, 3)
    );
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", "2"]),
        cell(0, 5, 0, -1, 5)
    );
    // More than the limit: refused forever, retry_after -1, state unchanged.
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", "6"]),
        cell(1, 5, 0, -1, 5)
    );
    clock.advance(Duration::from_secs(60));
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", "6"]),
        cell(1, 5, 5, -1, 0)
    );
    // Exactly the limit fits a full bucket.
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", "5"]),
        cell(0, 5, 0, -1, 5)
    );
    let huge = i64::MAX.to_string();
    assert_eq!(
        throttle(&mut conn, &["k", "4", "1", "1", &huge]),
        cell(1, 5, 0, -1, 5)
    );
}

#[test]
fn argument_errors_have_redis_cell_texts() {
    let (_e, _c, mut conn) = setup();
    let usage = Reply::Error(Error::CellUsage("cl.throttle"));
    assert_eq!(conn.call(["CL.THROTTLE"]).unwrap(), usage);
    assert_eq!(throttle(&mut conn, &["k", "1", "2"]), usage);
    assert_eq!(throttle(&mut conn, &["k", "1", "2", "3", "4", "5"]), usage);
    assert_eq!(
        usage.to_resp(Protocol::Resp2),
        b"-Cell error: Store error: Usage: cl.throttle <key> <max_burst> <count per period> <period> [<quantity>]\r\n"
    );
    assert_eq!(
        conn.call(["cl.throttle.ms", "k"]).unwrap(),
        Reply::Error(Error::CellUsage("cl.throttle.ms"))
    );
    for (argv, bad) in [
        (["k", "x", "1", "1", "1"], "x"),
        (["k", "1", "1.5", "1", "1"], "1.5"),
        (["k", "1", "1", " 1", "1"], " 1"),
        (
            ["k", "1", "1", "1", "99999999999999999999"],
            "99999999999999999999",
        ),
        (["k", "1", "1", "1", "a\r\nb"], "a  b"),
    ] {
        let reply = throttle(&mut conn, &argv);
        assert_eq!(
            reply,
            Reply::Error(Error::CellNotInteger(bad.into())),
            "{argv:?}"
        );
    }
    assert_eq!(
        Error::CellNotInteger("x".into()).to_string(),
        "Cell error: Store error: Couldn't parse as integer: x"
    );
    // The first bad number is the one reported, before the rate is looked at.
    assert_eq!(
        throttle(&mut conn, &["k", "0", "0", "y", "z"]),
        Reply::Error(Error::CellNotInteger("y".into()))
    );
    // Rust's parser: a leading + and leading zeros are fine.
    assert_eq!(
        throttle(&mut conn, &["plus", "+15", "030", "60", "+1"]),
        cell(0, 16, 15, -1, 2)
    );
    let zero = Reply::Error(Error::CellZeroRate);
    assert_eq!(throttle(&mut conn, &["k", "1", "0", "60"]), zero);
    assert_eq!(throttle(&mut conn, &["k", "1", "10", "0"]), zero);
    // 1 s / 2·10⁹ truncates to a 0 ns interval.
    assert_eq!(throttle(&mut conn, &["k", "1", "2000000000", "1"]), zero);
    assert_eq!(
        Error::CellZeroRate.to_string(),
        "Cell error: Store error: Zero rates are not supported"
    );
    assert_eq!(Error::CellZeroRate.code(), "Cell");
    let range = Reply::Error(Error::CellOutOfRange);
    assert_eq!(throttle(&mut conn, &["k", "-1", "1", "1"]), range);
    assert_eq!(throttle(&mut conn, &["k", "1", "1", "1", "-1"]), range);
    assert_eq!(throttle(&mut conn, &["k", "1", "-1", "1"]), range);
    assert_eq!(
        throttle(&mut conn, &["k", "1", "1", "9223372036854775807"]),
        range
    );
    assert_eq!(
        throttle(&mut conn, &["k", "9223372036854775807", "1", "1"]),
        range
    );
    assert_eq!(conn.call(["EXISTS", "k"]).unwrap(), Reply::Integer(0));
}

#[test]
fn the_bucket_is_a_string_key_with_a_ttl() {
    // redis-cell/src/store.rs: the value is the TAT in ns, the TTL the time until full.
    let (_e, clock, mut conn) = setup();
    let start_ns = 1_704_067_200_000_000_000_i64;
    assert_eq!(
        throttle(&mut conn, &["b", "15", "30", "60"]),
        cell(0, 16, 15, -1, 2)
    );
    assert_eq!(
        conn.call(["TYPE", "b"]).unwrap(),
        Reply::Status("string".into())
    );
    assert_eq!(conn.call(["EXISTS", "b"]).unwrap(), Reply::Integer(1));
    assert_eq!(
        conn.call(["GET", "b"]).unwrap(),
        Reply::bulk((start_ns + 2_000_000_000).to_string())
    );
    assert_eq!(conn.call(["TTL", "b"]).unwrap(), Reply::Integer(2));
    assert_eq!(conn.call(["PTTL", "b"]).unwrap(), Reply::Integer(2000));
    throttle(&mut conn, &["b", "15", "30", "60", "3"]);
    assert_eq!(conn.call(["PTTL", "b"]).unwrap(), Reply::Integer(8000));
    // A refused request does not write.
    assert_eq!(
        throttle(&mut conn, &["b", "15", "30", "60", "17"]),
        cell(1, 16, 12, -1, 8)
    );
    assert_eq!(conn.call(["PTTL", "b"]).unwrap(), Reply::Integer(8000));
    // The key expires exactly when the bucket is full again.
    clock.advance(Duration::from_millis(7999));
    assert_eq!(conn.call(["EXISTS", "b"]).unwrap(), Reply::Integer(1));
    clock.advance(Duration::from_millis(1));
    assert_eq!(conn.call(["EXISTS", "b"]).unwrap(), Reply::Integer(0));
    // DEL resets the bucket.
    throttle(&mut conn, &["b", "0", "1", "60"]);
    assert_eq!(
        throttle(&mut conn, &["b", "0", "1", "60"]),
        cell(1, 1, 0, 60, 60)
    );
    assert_eq!(conn.call(["DEL", "b"]).unwrap(), Reply::Integer(1));
    assert_eq!(
        throttle(&mut conn, &["b", "0", "1", "60"]),
        cell(0, 1, 0, -1, 60)
    );
    // A peek at a missing key creates nothing (its TTL would be 0).
    assert_eq!(
        throttle(&mut conn, &["p", "4", "1", "1", "0"]),
        cell(0, 5, 5, -1, 0)
    );
    assert_eq!(conn.call(["EXISTS", "p"]).unwrap(), Reply::Integer(0));
}

#[test]
fn a_key_holding_something_else() {
    let (_e, _c, mut conn) = setup();
    conn.call(["SET", "s", "abc"]).unwrap();
    assert_eq!(
        throttle(&mut conn, &["s", "1", "1", "1"]),
        Reply::Error(Error::CellBadValue("invalid digit found in string".into()))
    );
    assert_eq!(
        Error::CellBadValue("invalid digit found in string".into()).to_string(),
        "Cell error: invalid digit found in string"
    );
    conn.call(["SET", "s", ""]).unwrap();
    assert_eq!(
        throttle(&mut conn, &["s", "1", "1", "1"]),
        Reply::Error(Error::CellBadValue(
            "cannot parse integer from empty string".into()
        ))
    );
    conn.call(["SET", "s", "99999999999999999999"]).unwrap();
    assert_eq!(
        throttle(&mut conn, &["s", "1", "1", "1"]),
        Reply::Error(Error::CellBadValue(
            "number too large to fit in target type".into()
        ))
    );
    conn.call(vec![b"SET".to_vec(), b"s".to_vec(), vec![0xff]])
        .unwrap();
    assert_eq!(
        throttle(&mut conn, &["s", "1", "1", "1"]),
        Reply::Error(Error::CellBadValue(
            "invalid utf-8 sequence of 1 bytes from index 0".into()
        ))
    );
    // An integer in the past is an old TAT: overwritten, with a TTL.
    conn.call(["SET", "n", "5"]).unwrap();
    assert_eq!(
        throttle(&mut conn, &["n", "1", "1", "1"]),
        cell(0, 2, 1, -1, 1)
    );
    assert_eq!(conn.call(["PTTL", "n"]).unwrap(), Reply::Integer(1000));
    // -1 is redis-cell's missing-key sentinel: its set-if-not-exists never succeeds, but
    // it sets the TTL each time.
    conn.call(["SET", "m", "-1"]).unwrap();
    assert_eq!(
        throttle(&mut conn, &["m", "1", "1", "1"]),
        Reply::Error(Error::CellUpdateFailed)
    );
    assert_eq!(
        Error::CellUpdateFailed.to_string(),
        "Cell error: Store error: Failed to update rate limit after 5 attempts"
    );
    assert_eq!(conn.call(["GET", "m"]).unwrap(), Reply::bulk("-1"));
    assert_eq!(conn.call(["PTTL", "m"]).unwrap(), Reply::Integer(1000));
}

#[test]
fn watch_sees_an_admitted_throttle_only() {
    let (engine, _c, mut a) = setup();
    let mut b = engine.connect();
    a.call(["WATCH", "w"]).unwrap();
    throttle(&mut b, &["w", "0", "1", "60"]);
    a.call(["MULTI"]).unwrap();
    a.call(["GET", "w"]).unwrap();
    assert_eq!(a.call(["EXEC"]).unwrap(), Reply::NilArray);
    // A refused request only reads the key: the transaction commits.
    a.call(["WATCH", "w"]).unwrap();
    assert_eq!(
        throttle(&mut b, &["w", "0", "1", "60"]),
        cell(1, 1, 0, 60, 60)
    );
    a.call(["MULTI"]).unwrap();
    a.call(["EXISTS", "w"]).unwrap();
    assert_eq!(
        a.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::Integer(1)])
    );
}

#[test]
fn throttle_inside_multi_exec() {
    let (_e, _c, mut conn) = setup();
    conn.call(["MULTI"]).unwrap();
    for argv in [
        vec!["CL.THROTTLE", "t", "1", "1", "10"],
        vec!["CL.THROTTLE", "t", "1", "1", "10"],
        vec!["CL.THROTTLE", "t", "1", "1", "10"],
        vec!["CL.THROTTLE", "t"],
        vec!["CL.THROTTLE.MS", "t", "1", "1", "10000"],
    ] {
        assert_eq!(conn.call(argv).unwrap(), Reply::Status("QUEUED".into()));
    }
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![
            cell(0, 2, 1, -1, 10),
            cell(0, 2, 0, -1, 20),
            cell(1, 2, 0, 10, 20),
            Reply::Error(Error::CellUsage("cl.throttle")),
            cell(1, 2, 0, 10_000, 20_000),
        ])
    );
}

#[test]
fn millisecond_variant() {
    let (_e, clock, mut conn) = setup();
    // 3 per second (333,333,333 ns apart), bursts of 2.
    let args = ["ms", "1", "3", "1000"];
    assert_eq!(throttle_ms(&mut conn, &args), cell(0, 2, 1, -1, 334));
    assert_eq!(throttle_ms(&mut conn, &args), cell(0, 2, 0, -1, 667));
    assert_eq!(throttle_ms(&mut conn, &args), cell(1, 2, 0, 334, 667));
    // The seconds command rounds the same state to whole seconds.
    assert_eq!(
        throttle(&mut conn, &["ms", "1", "3", "1"]),
        cell(1, 2, 0, 1, 1)
    );
    clock.advance(Duration::from_millis(333));
    assert_eq!(throttle_ms(&mut conn, &args), cell(1, 2, 0, 1, 334));
    clock.advance(Duration::from_millis(1));
    assert_eq!(throttle_ms(&mut conn, &args), cell(0, 2, 0, -1, 666));
    // The TTL is the time until full truncated to whole ms (665.999999 ms); the reply rounds up.
    assert_eq!(conn.call(["PTTL", "ms"]).unwrap(), Reply::Integer(665));
    // Typed.
    let reply = conn
        .run(Throttle::new_ms("typed", 9, 100, 1000).quantity(4))
        .unwrap();
    assert_eq!(
        reply,
        ThrottleReply {
            limited: false,
            limit: 10,
            remaining: 6,
            retry_after: -1,
            reset_after: 40,
        }
    );
    assert_eq!(
        throttle_ms(&mut conn, &["z", "1", "0", "1000"]),
        Reply::Error(Error::CellZeroRate)
    );
}

#[test]
fn parameters_change_per_call_and_a_peek_can_be_refused() {
    // README.md "Usage": "Rate limiting parameters are provided with every invocation so
    // that limits can easily be reconfigured on the fly." The bucket keeps its TAT.
    let (_e, _c, mut conn) = setup();
    // 30 per 60 s (2 s apart), limit 16: take 10 cells, 20 s of debt.
    assert_eq!(
        throttle(&mut conn, &["q", "15", "30", "60", "10"]),
        cell(0, 16, 6, -1, 20)
    );
    // The same bucket under limit 2 owes more than a burst: even a peek is refused until
    // the debt is back within 4 s (redis-cell admits quantity 0 only then).
    assert_eq!(
        throttle(&mut conn, &["q", "1", "30", "60", "0"]),
        cell(1, 2, 0, 16, 20)
    );
    assert_eq!(
        throttle(&mut conn, &["q", "1", "30", "60"]),
        cell(1, 2, 0, 18, 20)
    );
    // A peek that is admitted rewrites the same TAT and TTL (and so is a write).
    assert_eq!(
        throttle(&mut conn, &["q", "15", "30", "60", "0"]),
        cell(0, 16, 6, -1, 20)
    );
    assert_eq!(conn.call(["PTTL", "q"]).unwrap(), Reply::Integer(20_000));
}
