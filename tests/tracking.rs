//! Client-side caching where it meets what only embedis has: the engine clock, `atomically`
//! closures, pipelines, typed commands, and the bound on unread messages. (Replies,
//! messages and their order on the wire are compared with redis-server in
//! `differential_pubsub.rs`.)

use std::time::Duration;

use embedis::cmd::{ClientTracking, Get};
use embedis::{Connection, Engine, Error, ManualClock, Pipeline, Reply};

const QUIET: Duration = Duration::from_millis(100);

fn invalidate(keys: &[&str]) -> Reply {
    Reply::Push(vec![
        Reply::bulk("invalidate"),
        Reply::Array(keys.iter().map(Reply::bulk).collect()),
    ])
}

/// A RESP3 connection tracking in default mode.
fn tracker(engine: &Engine) -> Connection {
    let mut conn = engine.connect();
    conn.call(["HELLO", "3"]).unwrap();
    conn.run(ClientTracking::on()).unwrap();
    conn
}

#[test]
fn typed_reads_are_tracked_and_writes_by_others_invalidate_them() {
    let engine = Engine::new();
    let mut reader = tracker(&engine);
    assert_eq!(reader.run(Get::new("price")).unwrap(), None);
    let mut writer = engine.connect();
    writer.call(["SET", "price", "12"]).unwrap();
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        Some(invalidate(&["price"]))
    );
    // One message per read: a second write owes nothing until the key is read again.
    writer.call(["SET", "price", "13"]).unwrap();
    assert_eq!(reader.recv_timeout(QUIET).unwrap(), None);
    assert_eq!(
        reader.call(["CLIENT", "GETREDIR"]).unwrap(),
        Reply::Integer(0)
    );
}

#[test]
fn an_atomically_closure_invalidates_like_a_connection() {
    let engine = Engine::new();
    let mut reader = tracker(&engine);
    reader.call(["GET", "k"]).unwrap();
    engine
        .atomically(|db| {
            db.call(["SET", "k", "v"]);
        })
        .unwrap();
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        Some(invalidate(&["k"]))
    );
}

#[test]
fn a_key_expiring_on_the_engine_clock_is_invalidated() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut reader = tracker(&engine);
    engine
        .connect()
        .call(["SET", "k", "v", "PX", "1000"])
        .unwrap();
    reader.call(["GET", "k"]).unwrap();
    assert_eq!(reader.recv_timeout(QUIET).unwrap(), None);
    clock.advance(Duration::from_millis(1_001));
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        Some(invalidate(&["k"]))
    );
}

#[test]
fn a_pipelines_own_invalidations_follow_its_replies() {
    let engine = Engine::new();
    let mut conn = tracker(&engine);
    let replies = Pipeline::new()
        .cmd(["GET", "a"])
        .cmd(["SET", "a", "1"])
        .cmd(["GET", "a"])
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        replies,
        vec![Reply::Nil, Reply::OK, Reply::bulk("1")],
        "the push is not one of the pipeline's replies"
    );
    assert_eq!(conn.recv_timeout(QUIET).unwrap(), Some(invalidate(&["a"])));
    // The last GET tracked `a` again.
    engine.connect().call(["DEL", "a"]).unwrap();
    assert_eq!(conn.recv_timeout(QUIET).unwrap(), Some(invalidate(&["a"])));
}

#[test]
fn a_connection_that_never_reads_its_messages_is_closed_at_the_limit() {
    let engine = Engine::builder().subscriber_capacity(8).build();
    let mut reader = tracker(&engine);
    let mut writer = engine.connect();
    for round in 0..20 {
        let key = format!("k{round}");
        reader.send(["GET", key.as_str()]).unwrap();
        writer.call(["SET", key.as_str(), "v"]).unwrap();
    }
    // Its replies and the messages that fit come first, then the reason it was closed.
    let mut pushes = 0;
    let error = loop {
        match reader.recv() {
            Ok(Reply::Push(_)) => pushes += 1,
            Ok(_) => {}
            Err(error) => break error,
        }
    };
    assert_eq!(error, Error::OutputBufferOverflow);
    assert!((1..=8).contains(&pushes), "{pushes} messages kept");
}

#[test]
fn tracking_off_reset_and_closing_stop_the_messages_and_the_counts() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    let tracking_clients = |admin: &mut Connection| -> String {
        match admin.call(["INFO", "clients"]).unwrap() {
            Reply::Bulk(text) | Reply::Verbatim(text) => String::from_utf8_lossy(&text)
                .lines()
                .find_map(|line| line.strip_prefix("tracking_clients:").map(str::to_string))
                .expect("tracking_clients in INFO"),
            other => panic!("INFO answered {other:?}"),
        }
    };
    let mut first = tracker(&engine);
    let mut second = tracker(&engine);
    let third = tracker(&engine);
    assert_eq!(tracking_clients(&mut admin), "3");
    first.run(ClientTracking::off()).unwrap();
    second.call(["RESET"]).unwrap();
    drop(third);
    assert_eq!(tracking_clients(&mut admin), "0");
    first.call(["GET", "k"]).unwrap();
    admin.call(["SET", "k", "v"]).unwrap();
    assert_eq!(first.recv_timeout(QUIET).unwrap(), None);
}

#[test]
fn the_broken_redirect_is_told_once_a_message_is_due() {
    let engine = Engine::new();
    let mut reader = engine.connect();
    reader.call(["HELLO", "3"]).unwrap();
    let target = engine.connect();
    let target_id = target.id();
    reader
        .run(ClientTracking::on().redirect(target_id as i64))
        .unwrap();
    drop(target);
    reader.call(["GET", "k"]).unwrap();
    engine.connect().call(["SET", "k", "v"]).unwrap();
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        Some(Reply::Push(vec![
            Reply::bulk("tracking-redir-broken"),
            Reply::Integer(target_id as i64)
        ]))
    );
}

#[test]
fn under_fsync_always_messages_follow_the_commit() {
    let dir = std::env::temp_dir().join(format!("embedis-tracking-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let engine = Engine::builder()
        .append_only(dir.join("appendonly.aof"), embedis::Fsync::Always)
        .try_build()
        .unwrap();
    let mut reader = tracker(&engine);
    reader.call(["GET", "k"]).unwrap();
    let mut writer = engine.connect();
    writer.call(["SET", "k", "v"]).unwrap();
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        Some(invalidate(&["k"]))
    );
    // The connection's own write: the message after the reply, both after the fsync.
    reader.call(["GET", "k"]).unwrap();
    assert_eq!(reader.call(["SET", "k", "w"]).unwrap(), Reply::OK);
    assert_eq!(
        reader.recv_timeout(QUIET).unwrap(),
        Some(invalidate(&["k"]))
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}
