//! Lists beyond single-command replies: the blocking pops parked and served across
//! connections, their timeouts on a `ManualClock`, the reliable-queue pattern, and the
//! typed API.

mod common;

use std::time::Duration;

use common::replies::parses_as;

use embedis::cmd::{
    BlockingMove, BlockingPop, End, LInsert, LMove, LPos, LRem, LSet, LTrim, ListRead, Pop, Push,
};
use embedis::{Engine, ManualClock, Reply};

/// How long a frame that must not come is waited for.
const QUIET: Duration = Duration::from_millis(100);

fn pair(key: &str, element: &str) -> Reply {
    Reply::Array(vec![Reply::bulk(key), Reply::bulk(element)])
}

#[test]
fn a_parked_blpop_is_served_by_the_next_push_in_arrival_order() {
    let engine = Engine::new();
    let (mut first, mut second, mut producer) =
        (engine.connect(), engine.connect(), engine.connect());
    first.send(["BLPOP", "jobs", "0"]).unwrap();
    second.send(["BLPOP", "other", "jobs", "0"]).unwrap();
    assert_eq!(
        first.recv_timeout(QUIET).unwrap(),
        None,
        "nothing to pop yet"
    );
    // Two elements in one push: the first waiter gets the first, the second the next.
    assert_eq!(
        producer.call(["RPUSH", "jobs", "j1", "j2"]).unwrap(),
        Reply::Integer(2),
        "the push's reply counts what it pushed"
    );
    assert_eq!(first.recv().unwrap(), pair("jobs", "j1"));
    assert_eq!(second.recv().unwrap(), pair("jobs", "j2"));
    assert_eq!(
        producer.call(["EXISTS", "jobs"]).unwrap(),
        Reply::Integer(0),
        "the waiters emptied the list, and the key went with it"
    );
    // A parked connection's later commands wait behind its pop, in order.
    first.send(["BRPOP", "q", "0"]).unwrap();
    first.send(["PING"]).unwrap();
    assert_eq!(first.recv_timeout(QUIET).unwrap(), None);
    producer.call(["LPUSH", "q", "x"]).unwrap();
    assert_eq!(first.recv().unwrap(), pair("q", "x"));
    assert_eq!(first.recv().unwrap(), Reply::status("PONG"));
}

#[test]
fn timeouts_follow_the_engine_clock() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    // A round trip on another connection after each send: the executor has parked the
    // request (and read the clock for its deadline) before the clock moves.
    let mut other = engine.connect();
    let mut parked = || assert_eq!(other.call(["PING"]).unwrap(), Reply::status("PONG"));
    conn.send(["BLPOP", "k", "1.5"]).unwrap();
    parked();
    clock.advance(Duration::from_millis(1_400));
    assert_eq!(conn.recv_timeout(QUIET).unwrap(), None, "1.4 s of 1.5");
    clock.advance(Duration::from_millis(100));
    assert_eq!(conn.recv().unwrap(), Reply::NilArray);
    // BLMOVE's timeout is the same nil array (a nil string only when it may not block).
    conn.send(["BLMOVE", "k", "d", "LEFT", "LEFT", "0.01"])
        .unwrap();
    parked();
    clock.advance(Duration::from_millis(10));
    assert_eq!(conn.recv().unwrap(), Reply::NilArray);
    // 0 waits for ever; a push answers it.
    conn.send(["BRPOPLPUSH", "k", "d", "0"]).unwrap();
    parked();
    clock.advance(Duration::from_secs(86_400));
    assert_eq!(conn.recv_timeout(QUIET).unwrap(), None);
    engine.connect().call(["RPUSH", "k", "v"]).unwrap();
    assert_eq!(conn.recv().unwrap(), Reply::bulk("v"));
    assert_eq!(
        conn.call(["LRANGE", "d", "0", "-1"]).unwrap(),
        Reply::Array(vec![Reply::bulk("v")])
    );
}

#[test]
fn blmove_and_blmpop_wake_on_their_source() {
    let engine = Engine::new();
    let (mut worker, mut producer) = (engine.connect(), engine.connect());
    worker
        .send_command(BlockingMove::new(
            "jobs",
            "processing",
            End::Left,
            End::Right,
            Duration::ZERO,
        ))
        .unwrap();
    producer.call(["RPUSH", "jobs", "a", "b"]).unwrap();
    assert_eq!(worker.recv().unwrap(), Reply::bulk("a"));
    assert_eq!(
        producer.call(["LRANGE", "processing", "0", "-1"]).unwrap(),
        Reply::Array(vec![Reply::bulk("a")])
    );
    worker
        .send_command(BlockingPop::new(["x", "y"], End::Right, Duration::ZERO).count(10))
        .unwrap();
    producer.call(["RPUSH", "y", "1", "2", "3"]).unwrap();
    assert_eq!(
        worker.recv().unwrap(),
        Reply::Array(vec![
            Reply::bulk("y"),
            Reply::Array(vec![Reply::bulk("3"), Reply::bulk("2"), Reply::bulk("1")])
        ])
    );
}

#[test]
fn a_waiter_survives_a_key_of_another_type_and_a_gone_waiter_takes_nothing() {
    let engine = Engine::new();
    let (mut waiter, mut other) = (engine.connect(), engine.connect());
    waiter.send(["BLPOP", "k", "0"]).unwrap();
    other.call(["SET", "k", "string"]).unwrap();
    assert_eq!(
        waiter.recv_timeout(QUIET).unwrap(),
        None,
        "a string is not served"
    );
    other.call(["DEL", "k"]).unwrap();
    other.call(["RPUSH", "k", "v"]).unwrap();
    assert_eq!(waiter.recv().unwrap(), pair("k", "v"));

    let mut gone = engine.connect();
    gone.send(["BLPOP", "q", "0"]).unwrap();
    assert_eq!(gone.recv_timeout(QUIET).unwrap(), None);
    drop(gone);
    other.call(["RPUSH", "q", "kept"]).unwrap();
    assert_eq!(
        other.call(["LRANGE", "q", "0", "-1"]).unwrap(),
        Reply::Array(vec![Reply::bulk("kept")]),
        "a closed connection's pop is forgotten"
    );
}

#[test]
fn inside_multi_and_pipelines_blocking_pops_answer_at_once() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    conn.call(["BLPOP", "none", "0"]).unwrap();
    conn.call(["BLMOVE", "none", "d", "LEFT", "LEFT", "0"])
        .unwrap();
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::NilArray, Reply::Nil])
    );
    let replies = embedis::Pipeline::new()
        .cmd(["BRPOP", "none", "0"])
        .cmd(["PING"])
        .execute(&mut conn)
        .unwrap();
    assert_eq!(replies, vec![Reply::NilArray, Reply::status("PONG")]);
    let in_closure = engine
        .atomically(|db| db.call(["BLPOP", "none", "0"]))
        .unwrap();
    assert_eq!(in_closure, Reply::NilArray);
}

#[test]
fn the_reliable_queue_pattern() {
    // Producers RPUSH; a worker LMOVEs a job to its processing list, works, then LREMs it;
    // a crashed worker's jobs are found in its processing list and requeued.
    let engine = Engine::new();
    let mut conn = engine.connect();
    for n in 0..5 {
        conn.run(Push::new("queue", End::Right, format!("job{n}")))
            .unwrap();
    }
    let job = conn
        .run(LMove::new("queue", "processing:w1", End::Left, End::Right))
        .unwrap()
        .unwrap();
    assert_eq!(&job[..], b"job0");
    assert_eq!(conn.run(LRem::new("processing:w1", 1, job)).unwrap(), 1);
    // w2 takes two and crashes.
    for _ in 0..2 {
        conn.run(LMove::new("queue", "processing:w2", End::Left, End::Right))
            .unwrap();
    }
    // Recovery: everything w2 held goes back to the head of the queue, oldest first.
    while conn
        .run(LMove::new("processing:w2", "queue", End::Right, End::Left))
        .unwrap()
        .is_some()
    {}
    assert_eq!(
        conn.run(ListRead::range("queue", 0, -1)).unwrap(),
        Reply::Array(
            ["job1", "job2", "job3", "job4"]
                .into_iter()
                .map(Reply::bulk)
                .collect()
        )
    );
}

#[test]
fn the_typed_api_reads_back_what_it_wrote() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(
        conn.run(Push::new("l", End::Right, "b").element("c"))
            .unwrap(),
        2
    );
    assert_eq!(conn.run(Push::new("l", End::Left, "a")).unwrap(), 3);
    assert_eq!(conn.run(ListRead::len("l")).unwrap(), Reply::Integer(3));
    assert_eq!(
        conn.run(ListRead::index("l", -1)).unwrap(),
        Reply::bulk("c")
    );
    conn.run(LSet::new("l", 1, "B")).unwrap();
    assert_eq!(conn.run(LInsert::new("l", false, "B", "ab")).unwrap(), 4);
    assert_eq!(conn.run(LPos::new("l", "B")).unwrap(), Reply::Integer(2));
    conn.run(LTrim::new("l", 1, -1)).unwrap();
    assert_eq!(
        conn.run(Pop::new("l", End::Left).count(2)).unwrap(),
        Reply::Array(vec![Reply::bulk("ab"), Reply::bulk("B")])
    );
    assert_eq!(
        conn.run(Pop::new("l", End::Right)).unwrap(),
        Reply::bulk("c")
    );
    assert_eq!(conn.call(["EXISTS", "l"]).unwrap(), Reply::Integer(0));
    assert_eq!(
        conn.run(LSet::new("l", 0, "x")).unwrap_err().to_string(),
        "ERR no such key"
    );
}

#[test]
fn the_typed_api_builds_what_argv_parses() {
    parses_as(
        &["RPUSH", "l", "a", "b"],
        Push::new("l", End::Right, "a").element("b"),
    );
    parses_as(
        &["LPUSHX", "l", "a"],
        Push::new("l", End::Left, "a").only_if_exists(),
    );
    parses_as(&["RPOP", "l", "2"], Pop::new("l", End::Right).count(2));
    parses_as(&["LRANGE", "l", "0", "-1"], ListRead::range("l", 0, -1));
    parses_as(
        &["LPOS", "l", "a", "RANK", "-1", "COUNT", "2", "MAXLEN", "9"],
        LPos::new("l", "a").rank(-1).count(2).max_len(9),
    );
    parses_as(
        &["LMOVE", "a", "b", "LEFT", "RIGHT"],
        LMove::new("a", "b", End::Left, End::Right),
    );
    parses_as(
        &["BLPOP", "a", "b", "1.5"],
        BlockingPop::new(["a", "b"], End::Left, Duration::from_millis(1_500)),
    );
    parses_as(
        &["BLMPOP", "0", "1", "a", "RIGHT", "COUNT", "3"],
        BlockingPop::new(["a"], End::Right, Duration::ZERO).count(3),
    );
    parses_as(
        &["BLMOVE", "a", "b", "RIGHT", "LEFT", "2"],
        BlockingMove::new("a", "b", End::Right, End::Left, Duration::from_secs(2)),
    );
}
