//! Streams on the engine clock: `*` IDs, blocking reads and their deadlines, waiters served
//! in arrival order, and the typed API. (Byte-level fidelity is in `differential_streams.rs`.)

use std::time::{Duration, UNIX_EPOCH};

use embedis::cmd::{XAdd, XGroup, XRange, XRead, XReadGroup};
use embedis::{Engine, Error, ManualClock, Reply, StreamId};

const WAIT: Duration = Duration::from_secs(5);

fn entry(id: &str, field: &str, value: &str) -> Reply {
    Reply::Array(vec![
        Reply::bulk(id),
        Reply::Array(vec![Reply::bulk(field), Reply::bulk(value)]),
    ])
}

#[test]
fn star_ids_follow_the_engine_clock_and_never_go_backwards() {
    let clock = ManualClock::starting_at(UNIX_EPOCH + Duration::from_millis(5_000));
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    let add =
        |conn: &mut embedis::Connection| conn.run(XAdd::new("s", [("f", "v")])).unwrap().unwrap();
    assert_eq!(add(&mut conn), StreamId::new(5_000, 0));
    assert_eq!(add(&mut conn), StreamId::new(5_000, 1));
    clock.advance(Duration::from_millis(1));
    assert_eq!(add(&mut conn), StreamId::new(5_001, 0));
    // The clock jumps back: IDs keep growing from the last one.
    clock.set(UNIX_EPOCH + Duration::from_millis(1_000));
    assert_eq!(add(&mut conn), StreamId::new(5_001, 1));
}

#[test]
fn a_blocked_read_is_answered_at_its_deadline_on_the_manual_clock() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut reader = engine.connect();
    reader
        .send(["XREAD", "BLOCK", "1000", "STREAMS", "s", "$"])
        .unwrap();
    assert_eq!(
        reader.recv_timeout(Duration::from_millis(30)).unwrap(),
        None
    );
    clock.advance(Duration::from_millis(999));
    assert_eq!(
        reader.recv_timeout(Duration::from_millis(30)).unwrap(),
        None
    );
    clock.advance(Duration::from_millis(1));
    assert_eq!(reader.recv_timeout(WAIT).unwrap(), Some(Reply::NilArray));
}

#[test]
fn block_zero_waits_for_ever_and_dollar_is_fixed_when_it_parks() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut writer = engine.connect();
    writer.call(["XADD", "s", "1-1", "f", "old"]).unwrap();
    let mut reader = engine.connect();
    reader
        .send(["XREAD", "BLOCK", "0", "STREAMS", "s", "$"])
        .unwrap();
    reader.send(["PING"]).unwrap(); // waits behind the blocked read
    clock.advance(Duration::from_secs(3600));
    assert_eq!(
        reader.recv_timeout(Duration::from_millis(30)).unwrap(),
        None
    );
    writer.call(["XADD", "s", "2-1", "f", "new"]).unwrap();
    let expected = Reply::Array(vec![Reply::Array(vec![
        Reply::bulk("s"),
        Reply::Array(vec![entry("2-1", "f", "new")]),
    ])]);
    assert_eq!(reader.recv_timeout(WAIT).unwrap(), Some(expected));
    assert_eq!(
        reader.recv_timeout(WAIT).unwrap(),
        Some(Reply::status("PONG"))
    );
}

#[test]
fn waiters_on_a_group_are_served_in_arrival_order() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    admin.run(XGroup::create("jobs", "g", None, true)).unwrap();
    let mut first = engine.connect();
    let mut second = engine.connect();
    first
        .send([
            "XREADGROUP",
            "GROUP",
            "g",
            "a",
            "COUNT",
            "1",
            "BLOCK",
            "0",
            "STREAMS",
            "jobs",
            ">",
        ])
        .unwrap();
    // Make sure the first has parked before the second asks.
    admin.call(["PING"]).unwrap();
    second
        .send([
            "XREADGROUP",
            "GROUP",
            "g",
            "b",
            "COUNT",
            "1",
            "BLOCK",
            "0",
            "STREAMS",
            "jobs",
            ">",
        ])
        .unwrap();
    admin.call(["PING"]).unwrap();
    admin.call(["XADD", "jobs", "1-1", "job", "one"]).unwrap();
    let got_first = first
        .recv_timeout(WAIT)
        .unwrap()
        .expect("first waiter served");
    assert!(format!("{got_first:?}").contains("one"));
    assert_eq!(
        second.recv_timeout(Duration::from_millis(30)).unwrap(),
        None
    );
    admin.call(["XADD", "jobs", "2-1", "job", "two"]).unwrap();
    let got_second = second
        .recv_timeout(WAIT)
        .unwrap()
        .expect("second waiter served");
    assert!(format!("{got_second:?}").contains("two"));
}

#[test]
fn a_blocked_connection_that_goes_away_is_forgotten() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    admin.run(XGroup::create("jobs", "g", None, true)).unwrap();
    {
        let mut gone = engine.connect();
        gone.send([
            "XREADGROUP",
            "GROUP",
            "g",
            "gone",
            "BLOCK",
            "0",
            "STREAMS",
            "jobs",
            ">",
        ])
        .unwrap();
        admin.call(["PING"]).unwrap();
    }
    let mut live = engine.connect();
    live.send([
        "XREADGROUP",
        "GROUP",
        "g",
        "live",
        "BLOCK",
        "0",
        "STREAMS",
        "jobs",
        ">",
    ])
    .unwrap();
    admin.call(["PING"]).unwrap();
    admin.call(["XADD", "jobs", "1-1", "job", "one"]).unwrap();
    assert!(
        live.recv_timeout(WAIT).unwrap().is_some(),
        "the live waiter got the entry"
    );
    let pending = admin
        .call(["XPENDING", "jobs", "g", "-", "+", "10", "gone"])
        .unwrap();
    assert_eq!(
        pending,
        Reply::Array(vec![]),
        "nothing was delivered to the closed connection"
    );
}

#[test]
fn deleting_the_key_or_the_group_wakes_group_readers_with_redis_errors() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    admin.run(XGroup::create("jobs", "g", None, true)).unwrap();
    let mut reader = engine.connect();
    reader
        .send([
            "XREADGROUP",
            "GROUP",
            "g",
            "c",
            "BLOCK",
            "0",
            "STREAMS",
            "jobs",
            ">",
        ])
        .unwrap();
    admin.call(["PING"]).unwrap();
    admin.call(["XGROUP", "DESTROY", "jobs", "g"]).unwrap();
    assert_eq!(
        reader
            .recv_timeout(WAIT)
            .unwrap()
            .unwrap()
            .to_resp(embedis::Protocol::Resp2),
        b"-NOGROUP the consumer group this client was blocked on no longer exists\r\n"
    );
    admin.run(XGroup::create("jobs", "g", None, true)).unwrap();
    reader
        .send([
            "XREADGROUP",
            "GROUP",
            "g",
            "c",
            "BLOCK",
            "0",
            "STREAMS",
            "jobs",
            ">",
        ])
        .unwrap();
    admin.call(["PING"]).unwrap();
    admin.call(["DEL", "jobs"]).unwrap();
    assert_eq!(
        reader.recv_timeout(WAIT).unwrap(),
        Some(Reply::Error(Error::Unblocked))
    );
}

#[test]
fn blocking_reads_do_not_block_inside_multi() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    conn.call(["XREAD", "BLOCK", "0", "STREAMS", "s", "$"])
        .unwrap();
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::NilArray])
    );
}

#[test]
fn xread_plus_returns_the_last_entry_as_in_redis_7_4() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["XADD", "s", "1-1", "f", "a"]).unwrap();
    conn.call(["XADD", "s", "2-1", "f", "b"]).unwrap();
    let reply = conn.call(["XREAD", "STREAMS", "s", "+"]).unwrap();
    assert_eq!(
        reply,
        Reply::Array(vec![Reply::Array(vec![
            Reply::bulk("s"),
            Reply::Array(vec![entry("2-1", "f", "b")]),
        ])])
    );
}

#[test]
fn typed_api_round_trip() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let first = conn
        .run(XAdd::new("s", [("sku", "1")]).id(StreamId::new(10, 0)))
        .unwrap()
        .unwrap();
    conn.run(XAdd::new("s", [("sku", "2")]).id(StreamId::new(11, 0)))
        .unwrap();
    let all = conn
        .run(XRange::new("s", StreamId::MIN, StreamId::MAX))
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id, first);
    assert_eq!(all[1].get(b"sku").as_deref(), Some(&b"2"[..]));
    let newer = conn.run(XRead::new([("s", first)])).unwrap();
    assert_eq!(newer.len(), 1);
    assert_eq!(newer[0].1[0].id, StreamId::new(11, 0));
    conn.run(XGroup::create("s", "g", Some(StreamId::MIN), false))
        .unwrap();
    let read = conn.run(XReadGroup::new("g", "c", ["s"]).count(1)).unwrap();
    assert_eq!(read[0].1[0].id, first);
    let history = conn
        .run(XReadGroup::new("g", "c", ["s"]).history(StreamId::MIN))
        .unwrap();
    assert_eq!(history[0].1.len(), 1);
    // RESP3 replies (maps) decode the same way.
    conn.call(["HELLO", "3"]).unwrap();
    let newer = conn.run(XRead::new([("s", first)])).unwrap();
    assert_eq!(newer[0].1[0].id, StreamId::new(11, 0));
}

#[test]
fn a_parked_connection_that_keeps_sending_is_closed_not_buffered_for_ever() {
    let engine = Engine::new();
    let mut reader = engine.connect();
    reader
        .send(["XREAD", "BLOCK", "0", "STREAMS", "s", "$"])
        .unwrap();
    // Far more than a parked connection may queue (65,536): the engine closes it, as
    // redis-server closes a client over its query-buffer limit.
    let mut sent = 0;
    while sent < 70_000 && reader.send(["PING"]).is_ok() {
        sent += 1;
    }
    let outcome = loop {
        match reader.recv_timeout(WAIT) {
            Ok(Some(_)) => continue,
            other => break other,
        }
    };
    assert_eq!(outcome, Err(Error::Closed));
    // The engine goes on serving everyone else.
    assert_eq!(
        engine.connect().call(["PING"]).unwrap(),
        Reply::status("PONG")
    );
}

#[test]
fn typed_pending_and_claim_options() {
    use embedis::cmd::{XClaim, XPending};
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    conn.call(["XADD", "s", "1-1", "f", "v"]).unwrap();
    conn.call(["XGROUP", "CREATE", "s", "g", "0"]).unwrap();
    conn.call(["XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", ">"])
        .unwrap();
    clock.advance(Duration::from_secs(10));
    let stale = conn
        .run(
            XPending::range("s", "g", StreamId::MIN, StreamId::MAX, 10)
                .idle(Duration::from_secs(5))
                .consumer("alice"),
        )
        .unwrap();
    assert_eq!(
        stale,
        Reply::Array(vec![Reply::Array(vec![
            Reply::bulk("1-1"),
            Reply::bulk("alice"),
            Reply::Integer(10_000),
            Reply::Integer(1),
        ])])
    );
    let fresh_only = conn
        .run(
            XPending::range("s", "g", StreamId::MIN, StreamId::MAX, 10)
                .idle(Duration::from_secs(60)),
        )
        .unwrap();
    assert_eq!(fresh_only, Reply::Array(vec![]));
    let claimed = conn
        .run(
            XClaim::new(
                "s",
                "g",
                "bob",
                Duration::from_secs(5),
                [StreamId::new(1, 1)],
            )
            .idle(Duration::from_secs(2))
            .retry_count(7)
            .just_id(),
        )
        .unwrap();
    assert_eq!(claimed, Reply::Array(vec![Reply::bulk("1-1")]));
    let pending = conn.call(["XPENDING", "s", "g", "-", "+", "10"]).unwrap();
    assert_eq!(
        pending,
        Reply::Array(vec![Reply::Array(vec![
            Reply::bulk("1-1"),
            Reply::bulk("bob"),
            Reply::Integer(2_000),
            Reply::Integer(7),
        ])])
    );
}
