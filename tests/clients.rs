//! CLIENT LIST, INFO, KILL and UNBLOCK where they act on other connections: blocked reads
//! answered, connections closed, and the times they report on the engine clock. (Their
//! replies and errors are compared with redis-server in `differential.rs`.)

use std::collections::HashMap;
use std::time::Duration;

use embedis::cmd::ClientUnblock;
use embedis::{Connection, Engine, Error, ManualClock, Reply};

const QUIET: Duration = Duration::from_millis(100);

/// A connection's CLIENT LIST fields, read from `text`'s line for `id`.
fn fields_of(text: &[u8], id: i64) -> HashMap<String, String> {
    let text = String::from_utf8_lossy(text);
    let line = text
        .lines()
        .find(|line| line.starts_with(&format!("id={id} ")))
        .unwrap_or_else(|| panic!("no line for id {id} in {text}"));
    line.split(' ')
        .filter_map(|field| field.split_once('='))
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

fn list(conn: &mut Connection) -> Vec<u8> {
    match conn.call(["CLIENT", "LIST"]).unwrap() {
        Reply::Verbatim(text) | Reply::Bulk(text) => text.to_vec(),
        other => panic!("CLIENT LIST answered {other:?}"),
    }
}

fn id_of(conn: &mut Connection) -> i64 {
    match conn.call(["CLIENT", "ID"]).unwrap() {
        Reply::Integer(id) => id,
        other => panic!("CLIENT ID answered {other:?}"),
    }
}

#[test]
fn unblock_answers_a_parked_read_with_its_timeout_or_an_error() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    let mut blocked = engine.connect();
    let id = id_of(&mut blocked);
    let id_text = id.to_string();
    for (read, mode) in [
        (vec!["BLPOP", "nosuch", "0"], "TIMEOUT"),
        (vec!["BLPOP", "nosuch", "0"], "ERROR"),
        (vec!["XREAD", "BLOCK", "0", "STREAMS", "s", "$"], "TIMEOUT"),
        (vec!["BZPOPMIN", "z", "0"], "ERROR"),
    ] {
        blocked.send(read.clone()).unwrap();
        assert_eq!(blocked.recv_timeout(QUIET).unwrap(), None, "{read:?} waits");
        let fields = fields_of(&list(&mut admin), id);
        assert_eq!(fields["flags"], "b", "{read:?}");
        assert_eq!(fields["cmd"], read[0].to_lowercase());
        assert_eq!(
            admin
                .call(["CLIENT", "UNBLOCK", id_text.as_str(), mode])
                .unwrap(),
            Reply::Integer(1)
        );
        let expected = if mode == "ERROR" {
            Reply::Error(Error::UnblockedByClient)
        } else {
            Reply::NilArray
        };
        assert_eq!(blocked.recv_timeout(QUIET).unwrap(), Some(expected));
        // Answered once: a second UNBLOCK finds nothing, and the connection works on.
        assert!(!admin.run(ClientUnblock::new(id)).unwrap());
        assert_eq!(blocked.call(["PING"]).unwrap(), Reply::status("PONG"));
    }
}

#[test]
fn the_unblocked_error_is_redis_text() {
    assert_eq!(
        Error::UnblockedByClient.to_string(),
        "UNBLOCKED client unblocked via CLIENT UNBLOCK"
    );
    assert_eq!(Error::UnblockedByClient.code(), "UNBLOCKED");
}

#[test]
fn commands_sent_behind_an_unblocked_read_run_after_its_answer() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    let mut blocked = engine.connect();
    let id = id_of(&mut blocked);
    blocked.send(["BLPOP", "l", "0"]).unwrap();
    blocked.send(["SET", "after", "1"]).unwrap();
    assert_eq!(admin.call(["GET", "after"]).unwrap(), Reply::Nil);
    assert!(admin.run(ClientUnblock::new(id)).unwrap());
    assert_eq!(blocked.recv().unwrap(), Reply::NilArray);
    assert_eq!(blocked.recv().unwrap(), Reply::OK);
    assert_eq!(
        admin.call(["GET", "after"]).unwrap(),
        Reply::Bulk("1".into())
    );
}

#[test]
fn kill_closes_other_connections_and_releases_their_state() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    let mut subscriber = engine.connect();
    let mut blocked = engine.connect();
    let mut watcher = engine.connect();
    subscriber.call(["SUBSCRIBE", "news"]).unwrap();
    blocked.send(["BLPOP", "jobs", "0"]).unwrap();
    watcher.call(["WATCH", "k"]).unwrap();
    let admin_id = id_of(&mut admin);
    assert_eq!(
        admin.call(["PUBSUB", "NUMSUB", "news"]).unwrap(),
        Reply::Array(vec![Reply::Bulk("news".into()), Reply::Integer(1)])
    );
    assert_eq!(
        admin.call(["CLIENT", "KILL", "TYPE", "pubsub"]).unwrap(),
        Reply::Integer(1)
    );
    assert_eq!(
        admin.call(["PUBSUB", "NUMSUB", "news"]).unwrap(),
        Reply::Array(vec![Reply::Bulk("news".into()), Reply::Integer(0)])
    );
    assert!(matches!(subscriber.recv(), Err(Error::Closed)));
    // Every normal connection but the caller (SKIPME yes is the default).
    assert_eq!(
        admin.call(["CLIENT", "KILL", "TYPE", "normal"]).unwrap(),
        Reply::Integer(2)
    );
    assert!(matches!(blocked.recv(), Err(Error::Closed)));
    assert!(matches!(watcher.call(["PING"]), Err(Error::Closed)));
    // The blocked read is gone: a push to its key stays in the list.
    admin.call(["RPUSH", "jobs", "a"]).unwrap();
    assert_eq!(admin.call(["LLEN", "jobs"]).unwrap(), Reply::Integer(1));
    let text = list(&mut admin);
    assert_eq!(String::from_utf8_lossy(&text).lines().count(), 1);
    assert_eq!(fields_of(&text, admin_id)["cmd"], "client|list");
}

#[test]
fn the_old_form_kills_by_address_and_may_close_the_caller() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    let mut other = engine.connect();
    let other_id = id_of(&mut other);
    let addr = fields_of(&list(&mut admin), other_id)["addr"].clone();
    assert_eq!(
        admin.call(["CLIENT", "KILL", addr.as_str()]).unwrap(),
        Reply::OK
    );
    assert!(matches!(other.call(["PING"]), Err(Error::Closed)));
    assert_eq!(
        admin.call(["CLIENT", "KILL", addr.as_str()]).unwrap(),
        Reply::Error(Error::NoSuchClient)
    );
    // Killing itself: the reply comes, then the connection is closed.
    let own = fields_of(&list(&mut admin), id_of(&mut admin))["addr"].clone();
    assert_eq!(
        admin
            .call(["CLIENT", "KILL", "ADDR", own.as_str(), "SKIPME", "no"])
            .unwrap(),
        Reply::Integer(1)
    );
    assert!(matches!(admin.call(["PING"]), Err(Error::Closed)));
}

#[test]
fn age_and_idle_follow_the_engine_clock() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut admin = engine.connect();
    let mut quiet = engine.connect();
    let quiet_id = id_of(&mut quiet);
    clock.advance(Duration::from_secs(5));
    let fields = fields_of(&list(&mut admin), quiet_id);
    assert_eq!(
        (fields["age"].as_str(), fields["idle"].as_str()),
        ("5", "5")
    );
    quiet.call(["SET", "k", "v"]).unwrap();
    clock.advance(Duration::from_secs(2));
    let fields = fields_of(&list(&mut admin), quiet_id);
    assert_eq!(
        (fields["age"].as_str(), fields["idle"].as_str()),
        ("7", "2")
    );
    assert_eq!(fields["cmd"], "set");
    // The caller's own line: idle 0, its current command.
    let admin_id = id_of(&mut admin);
    clock.advance(Duration::from_secs(3));
    let own = fields_of(&list(&mut admin), admin_id);
    assert_eq!((own["age"].as_str(), own["idle"].as_str()), ("10", "0"));
    assert_eq!(own["cmd"], "client|list");
}

#[test]
fn a_pipeline_and_a_transaction_list_the_state_they_run_in() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let id = id_of(&mut conn);
    conn.call(["CLIENT", "NO-EVICT", "on"]).unwrap();
    conn.call(["MULTI"]).unwrap();
    conn.call(["SET", "a", "1"]).unwrap();
    conn.call(["CLIENT", "INFO"]).unwrap();
    let Reply::Array(replies) = conn.call(["EXEC"]).unwrap() else {
        panic!("EXEC")
    };
    let Reply::Verbatim(text) = &replies[1] else {
        panic!("CLIENT INFO in EXEC answered {:?}", replies[1])
    };
    let fields = fields_of(text, id);
    assert_eq!(fields["flags"], "xe");
    assert_eq!(fields["multi"], "2");
    assert_eq!(fields["cmd"], "exec");
}
