//! CLIENT REPLY where it meets what only embedis has: `call` and `run`, which would wait
//! for ever for a reply that never comes on a socket, pipelines, blocking reads answered on
//! the engine clock, the append-only file, async handles and the redis-rs bridge. (The
//! frames on the wire are compared with redis-server in `differential_pubsub.rs`.)

use std::time::Duration;

use embedis::cmd::{Client, Get, IncrBy, ReplyMode};
use embedis::{Engine, Error, ManualClock, Pipeline, Reply};

const QUIET: Duration = Duration::from_millis(100);

#[test]
fn call_reports_a_silenced_reply_instead_of_waiting() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(conn.call(["CLIENT", "REPLY", "OFF"]), Err(Error::NoReply));
    assert_eq!(conn.call(["SET", "k", "v"]), Err(Error::NoReply));
    assert_eq!(conn.run(Get::new("k")), Err(Error::NoReply));
    assert_eq!(conn.call(["NOSUCHCOMMAND"]), Err(Error::NoReply));
    assert_eq!(conn.call(["CLIENT", "REPLY", "ON"]).unwrap(), Reply::OK);
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    assert!(Error::NoReply.to_string().contains("CLIENT REPLY"));
    assert!(!Error::NoReply.is_server_error());
}

#[test]
fn a_skip_sent_ahead_is_not_taken_for_the_next_calls_reply() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.send_command(Client::Reply(ReplyMode::Skip)).unwrap();
    // The SKIP's own silence is an earlier command's: `call` waits on for its own.
    assert_eq!(conn.call(["INCR", "n"]), Err(Error::NoReply));
    assert_eq!(conn.call(["INCR", "n"]).unwrap(), Reply::Integer(2));
    // Two silenced commands sent ahead, then a call whose reply comes.
    conn.send(["CLIENT", "REPLY", "SKIP"]).unwrap();
    conn.send(["INCR", "n"]).unwrap();
    assert_eq!(conn.run(IncrBy::new("n", 10)).unwrap(), 13);
}

#[test]
fn recv_skips_silenced_replies_as_a_socket_shows_nothing() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
    for _ in 0..3 {
        conn.send(["INCR", "n"]).unwrap();
    }
    assert_eq!(conn.recv_timeout(QUIET).unwrap(), None);
    assert_eq!(conn.try_recv().unwrap(), None);
    conn.send(["CLIENT", "REPLY", "ON"]).unwrap();
    conn.send(["GET", "n"]).unwrap();
    assert_eq!(conn.recv().unwrap(), Reply::OK);
    assert_eq!(conn.recv().unwrap(), Reply::bulk("3"));
}

#[test]
fn a_pipeline_leaves_silenced_replies_out() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut pipeline = Pipeline::new();
    pipeline
        .cmd(["CLIENT", "REPLY", "SKIP"])
        .cmd(["INCR", "n"])
        .cmd(["INCR", "n"])
        .cmd(["CLIENT", "REPLY", "OFF"])
        .cmd(["INCR", "n"])
        .cmd(["CLIENT", "REPLY", "ON"])
        .cmd(["GET", "n"]);
    assert_eq!(
        pipeline.execute(&mut conn).unwrap(),
        [Reply::Integer(2), Reply::OK, Reply::bulk("3")]
    );
    // Replies off for a whole pipeline: an empty answer, and nothing left behind.
    let mut quiet = Pipeline::new();
    quiet
        .cmd(["CLIENT", "REPLY", "OFF"])
        .cmd(["INCR", "n"])
        .cmd(["INCR", "n"]);
    assert_eq!(quiet.execute(&mut conn).unwrap(), Vec::<Reply>::new());
    assert_eq!(conn.call(["CLIENT", "REPLY", "ON"]).unwrap(), Reply::OK);
    assert_eq!(conn.call(["GET", "n"]).unwrap(), Reply::bulk("5"));
}

#[test]
fn a_skipped_blocking_read_answered_on_the_engine_clock_stays_silent() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut reader = engine.connect();
    reader.send(["CLIENT", "REPLY", "SKIP"]).unwrap();
    reader.send(["BLPOP", "jobs", "5"]).unwrap();
    reader.send(["PING"]).unwrap();
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        None,
        "PING waits behind it"
    );
    clock.advance(Duration::from_secs(6));
    // The timeout's nil is silenced; the PING behind it answers.
    assert_eq!(reader.recv().unwrap(), Reply::status("PONG"));

    // Served by a write: silenced too, and the skip is spent.
    reader.send(["CLIENT", "REPLY", "SKIP"]).unwrap();
    reader.send(["BLPOP", "jobs", "0"]).unwrap();
    let mut writer = engine.connect();
    writer.call(["RPUSH", "jobs", "a", "b"]).unwrap();
    assert_eq!(reader.call(["LPOP", "jobs"]).unwrap(), Reply::bulk("b"));

    // CLIENT UNBLOCK answers a silenced read: nothing arrives either.
    let id = reader.id().to_string();
    reader.send(["CLIENT", "REPLY", "SKIP"]).unwrap();
    reader.send(["BLPOP", "jobs", "0"]).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(
        writer.call(["CLIENT", "UNBLOCK", id.as_str()]).unwrap(),
        Reply::Integer(1)
    );
    assert_eq!(reader.call(["PING"]).unwrap(), Reply::status("PONG"));
}

#[test]
fn quit_with_replies_off_closes_without_a_reply() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
    assert_eq!(conn.call(["QUIT"]), Err(Error::NoReply));
    assert_eq!(conn.call(["PING"]), Err(Error::Closed));
}

#[test]
fn messages_still_arrive_while_replies_are_off() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["HELLO", "3"]).unwrap();
    conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
    // A confirmation is a push: `call` returns it.
    let confirmation = conn.call(["SUBSCRIBE", "news"]).unwrap();
    assert_eq!(
        confirmation,
        Reply::Push(vec![
            Reply::bulk("subscribe"),
            Reply::bulk("news"),
            Reply::Integer(1)
        ])
    );
    assert_eq!(engine.publish("news", "hello").unwrap(), 1);
    assert_eq!(
        conn.recv().unwrap(),
        Reply::Push(vec![
            Reply::bulk("message"),
            Reply::bulk("news"),
            Reply::bulk("hello")
        ])
    );
    assert_eq!(conn.call(["PING"]), Err(Error::NoReply));
}

#[test]
fn transactions_answer_whole_and_switch_after_exec() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    conn.call(["INCR", "n"]).unwrap();
    conn.call(["CLIENT", "REPLY", "SKIP"]).unwrap();
    conn.call(["INCR", "n"]).unwrap();
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::Integer(1), Reply::OK, Reply::Integer(2)])
    );
    assert_eq!(conn.call(["INCR", "n"]), Err(Error::NoReply));
    assert_eq!(conn.call(["INCR", "n"]).unwrap(), Reply::Integer(4));

    // Replies off when EXEC starts: its reply is silenced, even though ON is queued.
    conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
    conn.send(["MULTI"]).unwrap();
    conn.send(["INCR", "n"]).unwrap();
    conn.send(["CLIENT", "REPLY", "ON"]).unwrap();
    assert_eq!(conn.call(["EXEC"]), Err(Error::NoReply));
    assert_eq!(conn.call(["GET", "n"]).unwrap(), Reply::bulk("5"));
}

#[test]
fn a_typed_atomic_pipeline_reports_a_silenced_exec() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
    let mut pipeline = Pipeline::new();
    pipeline.atomic().cmd(["INCR", "n"]);
    assert!(pipeline.execute(&mut conn).is_err());
    conn.send(["CLIENT", "REPLY", "ON"]).unwrap();
    assert_eq!(conn.recv().unwrap(), Reply::OK);
    assert_eq!(conn.call(["GET", "n"]).unwrap(), Reply::bulk("1"));
}

#[test]
fn under_fsync_always_silenced_writes_are_still_durable() {
    let dir = std::env::temp_dir().join(format!("embedis-client-reply-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("appendonly.aof");
    {
        let engine = Engine::builder()
            .append_only(&path, embedis::Fsync::Always)
            .try_build()
            .unwrap();
        let mut conn = engine.connect();
        conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
        for _ in 0..10 {
            conn.send(["INCR", "n"]).unwrap();
        }
        conn.send(["CLIENT", "REPLY", "ON"]).unwrap();
        assert_eq!(conn.recv().unwrap(), Reply::OK);
    }
    let engine = Engine::builder()
        .append_only(&path, embedis::Fsync::Always)
        .try_build()
        .unwrap();
    assert_eq!(
        engine.connect().call(["GET", "n"]).unwrap(),
        Reply::bulk("10")
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "async")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn async_calls_report_a_silenced_reply() {
    let engine = Engine::new();
    let mut conn = engine.connect_async();
    conn.send(["CLIENT", "REPLY", "SKIP"]).unwrap();
    assert_eq!(conn.call(["INCR", "n"]).await, Err(Error::NoReply));
    assert_eq!(conn.run(IncrBy::new("n", 2)).await.unwrap(), 3);
    conn.send(["CLIENT", "REPLY", "OFF"]).unwrap();
    conn.send(["INCR", "n"]).unwrap();
    assert_eq!(conn.try_recv().unwrap(), None);
    assert_eq!(
        conn.call(["CLIENT", "REPLY", "ON"]).await.unwrap(),
        Reply::OK
    );
    assert_eq!(conn.call(["GET", "n"]).await.unwrap(), Reply::bulk("4"));
}

#[cfg(feature = "redis-rs")]
#[test]
fn redis_rs_gets_an_error_where_a_socket_would_hang() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let error = redis::cmd("CLIENT")
        .arg("REPLY")
        .arg("SKIP")
        .query::<()>(&mut conn)
        .unwrap_err();
    assert!(error.to_string().contains("CLIENT REPLY"), "{error}");
    // As on redis-server, the skip silences the next command, whatever it is.
    assert!(redis::cmd("INCR").arg("n").query::<i64>(&mut conn).is_err());
    let n: i64 = redis::cmd("INCR").arg("n").query(&mut conn).unwrap();
    assert_eq!(n, 2);
    // redis-rs reads a reply per command: with two of three silenced it gets an error
    // instead of waiting for ever.
    let result: redis::RedisResult<(i64, i64, i64)> = redis::pipe()
        .cmd("CLIENT")
        .arg("REPLY")
        .arg("SKIP")
        .cmd("INCR")
        .arg("n")
        .cmd("INCR")
        .arg("n")
        .query(&mut conn);
    assert!(result.unwrap_err().to_string().contains("CLIENT REPLY"));
    let n: i64 = redis::cmd("GET").arg("n").query(&mut conn).unwrap();
    assert_eq!(n, 4);
}
