//! INCREX (Redis 8.8). redis-server 7 lacks the command, so these tests check the documented
//! behaviour instead of a differential run: each case restates a behaviour of Redis's
//! `tests/unit/type/increx.tcl` (test names cited) or of the command's documentation.

use std::time::Duration;

use embedis::{Connection, Engine, Error, ManualClock, Protocol, Reply};

fn setup() -> (Engine, ManualClock, Connection) {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let conn = engine.connect();
    (engine, clock, conn)
}

fn pair(value: i64, applied: i64) -> Reply {
    Reply::Array(vec![Reply::Integer(value), Reply::Integer(applied)])
}

fn fpair(value: &str, applied: &str) -> Reply {
    Reply::Array(vec![
        Reply::FormattedDouble(value.to_string().into()),
        Reply::FormattedDouble(applied.to_string().into()),
    ])
}

fn err(text: &'static str) -> Reply {
    Reply::Error(Error::Increx(text))
}

#[test]
fn default_increment_is_one_and_creates_the_key() {
    // "creates key with value 0...", "default increment"
    let (_e, _c, mut conn) = setup();
    assert_eq!(conn.call(["INCREX", "k"]).unwrap(), pair(1, 1));
    conn.call(["SET", "k", "10"]).unwrap();
    assert_eq!(conn.call(["INCREX", "k"]).unwrap(), pair(11, 1));
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "-20"]).unwrap(),
        pair(-9, -20)
    );
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "0"]).unwrap(),
        pair(-9, 0)
    );
}

#[test]
fn out_of_bounds_is_refused_without_side_effects() {
    // "default rejects...", "reject aborts before side effects", "on new key ... with bound"
    let (_e, _c, mut conn) = setup();
    assert_eq!(
        conn.call(["INCREX", "new", "BYINT", "15", "UBOUND", "10"])
            .unwrap(),
        pair(0, 0)
    );
    assert_eq!(conn.call(["EXISTS", "new"]).unwrap(), Reply::Integer(0));
    conn.call(["SET", "k", "10"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "100", "UBOUND", "15", "EX", "100"])
            .unwrap(),
        pair(10, 0)
    );
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), Reply::Integer(-1));
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "-10", "LBOUND", "5"])
            .unwrap(),
        pair(10, 0)
    );
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "5", "UBOUND", "15"])
            .unwrap(),
        pair(15, 5)
    );
}

#[test]
fn saturate_clamps_to_the_bound_even_against_the_increment() {
    // "SATURATE ...", "existing value already outside bounds"
    let (_e, _c, mut conn) = setup();
    conn.call(["SET", "k", "50"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "100", "UBOUND", "80", "SATURATE"])
            .unwrap(),
        pair(80, 30)
    );
    conn.call(["SET", "k", "50"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "5", "UBOUND", "30", "SATURATE"])
            .unwrap(),
        pair(30, -20)
    );
    conn.call(["SET", "k", "50"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "-25", "UBOUND", "30"])
            .unwrap(),
        pair(25, -25)
    );
}

#[test]
fn integer_overflow_is_out_of_range_not_an_error() {
    // "BYINT positive overflow: default rejects", "... with SATURATE saturates to LLONG_MAX"
    let (_e, _c, mut conn) = setup();
    let big = "9223372036854775800";
    conn.call(["SET", "k", big]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", big]).unwrap(),
        pair(9223372036854775800, 0)
    );
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", big, "SATURATE"])
            .unwrap(),
        pair(i64::MAX, 7)
    );
    conn.call(["SET", "k", "-9223372036854775800"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "-9223372036854775800", "SATURATE"])
            .unwrap(),
        pair(i64::MIN, -8)
    );
    // "BYINT SATURATE rejects when applied delta would overflow long long"
    conn.call(["SET", "k", big]).unwrap();
    assert_eq!(
        conn.call([
            "INCREX",
            "k",
            "BYINT",
            "1",
            "SATURATE",
            "UBOUND",
            "-9223372036854775808"
        ])
        .unwrap(),
        err("applied increment would overflow")
    );
}

#[test]
fn expiry_options_and_enx() {
    // "without expiration option preserves existing TTL", "ENX only sets TTL ...",
    // "EXAT/PXAT in the past deletes the key"
    let (_e, clock, mut conn) = setup();
    conn.call(["SET", "k", "10", "EX", "500"]).unwrap();
    conn.call(["INCREX", "k"]).unwrap();
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), Reply::Integer(500));
    assert_eq!(
        conn.call(["INCREX", "k", "EX", "10", "ENX"]).unwrap(),
        pair(12, 1)
    );
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), Reply::Integer(500));
    assert_eq!(conn.call(["INCREX", "k", "EX", "10"]).unwrap(), pair(13, 1));
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), Reply::Integer(10));
    conn.call(["INCREX", "k", "PERSIST"]).unwrap();
    assert_eq!(conn.call(["TTL", "k"]).unwrap(), Reply::Integer(-1));
    conn.call(["INCREX", "fresh", "PX", "1500", "ENX"]).unwrap();
    assert_eq!(conn.call(["PTTL", "fresh"]).unwrap(), Reply::Integer(1500));
    conn.call(["INCREX", "k", "PXAT", "1"]).unwrap();
    assert_eq!(conn.call(["EXISTS", "k"]).unwrap(), Reply::Integer(0));
    // A fixed window: the TTL starts with the first hit and the key vanishes after it.
    for expected in 1..=3 {
        assert_eq!(
            conn.call(["INCREX", "win", "UBOUND", "3", "EX", "60", "ENX"])
                .unwrap(),
            pair(expected, 1)
        );
    }
    assert_eq!(
        conn.call(["INCREX", "win", "UBOUND", "3", "EX", "60", "ENX"])
            .unwrap(),
        pair(3, 0)
    );
    clock.advance(Duration::from_secs(60));
    assert_eq!(
        conn.call(["INCREX", "win", "UBOUND", "3", "EX", "60", "ENX"])
            .unwrap(),
        pair(1, 1)
    );
}

#[test]
fn byfloat_uses_extended_precision_and_double_replies() {
    // "BYFLOAT ..." and the reply-type rules of the command's documentation.
    let (_e, _c, mut conn) = setup();
    conn.call(["SET", "f", "10"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "f", "BYFLOAT", "100", "UBOUND", "42.5", "SATURATE"])
            .unwrap(),
        fpair("42.5", "32.5")
    );
    assert_eq!(
        conn.call(["INCREX", "f", "BYFLOAT", "0.1"]).unwrap(),
        fpair("42.6", "0.1")
    );
    assert_eq!(conn.call(["GET", "f"]).unwrap(), Reply::bulk("42.6"));
    conn.call(["SET", "g", "0"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "g", "BYFLOAT", "-100", "LBOUND", "-5.5", "SATURATE"])
            .unwrap(),
        fpair("-5.5", "-5.5")
    );
    // RESP2: bulk strings; RESP3: doubles.
    let reply = conn
        .call(["INCREX", "g", "BYFLOAT", "1", "UBOUND", "-10"])
        .unwrap();
    assert_eq!(
        reply.to_resp(Protocol::Resp2),
        b"*2\r\n$4\r\n-5.5\r\n$1\r\n0\r\n"
    );
    assert_eq!(reply.to_resp(Protocol::Resp3), b"*2\r\n,-5.5\r\n,0\r\n");
}

#[test]
fn argument_errors() {
    // "Argument parsing / syntax validation", "ENX without expiration is an error",
    // "LBOUND > UBOUND should be rejected", "BYINT requires a valid integer value",
    // "BYFLOAT requires a valid float value", "BYFLOAT rejects inf/-inf"
    let (_e, _c, mut conn) = setup();
    let syntax = Reply::Error(Error::Syntax);
    for argv in [
        &["INCREX", "k", "FOO"][..],
        &["INCREX", "k", "SAT"],
        &["INCREX", "k", "BYINT", "1", "BYFLOAT", "1"],
        &["INCREX", "k", "BYINT", "1", "BYINT", "2"],
        &["INCREX", "k", "EX", "10", "PX", "10"],
        &["INCREX", "k", "EX", "10", "PERSIST"],
        &["INCREX", "k", "PERSIST", "ENX"],
        &["INCREX", "k", "ENX", "PERSIST"],
        &["INCREX", "k", "SATURATE", "SATURATE"],
        &["INCREX", "k", "LBOUND", "1", "LBOUND", "2"],
        &["INCREX", "k", "BYINT"],
    ] {
        assert_eq!(conn.call(argv.iter().copied()).unwrap(), syntax, "{argv:?}");
    }
    assert_eq!(
        conn.call(["INCREX", "k", "ENX"]).unwrap(),
        err("ENX flag requires an expiration")
    );
    assert_eq!(
        conn.call(["INCREX", "k", "LBOUND", "5", "UBOUND", "4"])
            .unwrap(),
        err("LBOUND can't be greater than UBOUND")
    );
    assert_eq!(
        conn.call(["INCREX", "k", "BYINT", "1.5"]).unwrap(),
        err("Increment is not an integer or out of range")
    );
    assert_eq!(
        conn.call(["INCREX", "k", "BYFLOAT", "abc"]).unwrap(),
        err("Increment is not a valid float")
    );
    assert_eq!(
        conn.call(["INCREX", "k", "BYFLOAT", "inf"]).unwrap(),
        err("BYFLOAT increment cannot be Infinity")
    );
    assert_eq!(
        conn.call(["INCREX", "k", "EX", "0"]).unwrap(),
        Reply::Error(Error::InvalidExpireTime { command: "increx" })
    );
    conn.call(["SET", "s", "hello"]).unwrap();
    assert_eq!(
        conn.call(["INCREX", "s"]).unwrap(),
        Reply::Error(Error::NotInteger)
    );
    assert_eq!(
        conn.call(["INCREX", "s", "BYFLOAT", "1"]).unwrap(),
        Reply::Error(Error::NotFloat)
    );
    assert_eq!(
        conn.call(["INCREX"]).unwrap(),
        Reply::Error(Error::arity("increx"))
    );
}
