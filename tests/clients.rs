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

/// A paused engine on a manual clock, with an admin connection.
fn paused(mode: &str, millis: &str) -> (Engine, ManualClock, Connection) {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut admin = engine.connect();
    assert_eq!(
        admin.call(["CLIENT", "PAUSE", millis, mode]).unwrap(),
        Reply::OK
    );
    (engine, clock, admin)
}

#[test]
fn pause_all_holds_every_command_until_its_deadline() {
    let (engine, clock, mut admin) = paused("ALL", "1000");
    let mut other = engine.connect();
    other.send(["GET", "k"]).unwrap();
    other.send(["CLIENT", "UNPAUSE"]).unwrap();
    admin.send(["SET", "k", "v"]).unwrap();
    clock.advance(Duration::from_millis(999));
    assert_eq!(
        other.recv_timeout(QUIET).unwrap(),
        None,
        "reads are held too"
    );
    assert_eq!(admin.recv_timeout(QUIET).unwrap(), None);
    // An unknown command is refused at once, as redis-server refuses it before pausing.
    let mut third = engine.connect();
    assert!(third.call(["NOSUCH"]).unwrap().is_error());
    clock.advance(Duration::from_millis(1));
    // Released in arrival order: other's GET ran before admin's SET.
    assert_eq!(other.recv().unwrap(), Reply::Nil);
    assert_eq!(other.recv().unwrap(), Reply::OK);
    assert_eq!(admin.recv().unwrap(), Reply::OK);
    assert_eq!(third.call(["GET", "k"]).unwrap(), Reply::Bulk("v".into()));
}

#[test]
fn pause_write_holds_what_could_change_data_until_unpause() {
    let engine = Engine::new();
    let mut admin = engine.connect();
    let mut writer = engine.connect();
    let mut reader = engine.connect();
    // A transaction with a write, queued before the pause: held at its EXEC.
    let mut transaction = engine.connect();
    transaction.call(["MULTI"]).unwrap();
    transaction.call(["INCR", "n"]).unwrap();
    admin.call(["CLIENT", "PAUSE", "60000", "WRITE"]).unwrap();
    for held in [
        vec!["SET", "k", "v"],
        vec!["PUBLISH", "ch", "m"],
        vec!["EVAL", "return 1", "0"],
        vec!["PFCOUNT", "h"],
    ] {
        let mut conn = engine.connect();
        conn.send(held.clone()).unwrap();
        assert_eq!(conn.recv_timeout(QUIET).unwrap(), None, "{held:?} is held");
    }
    writer.send(["INCR", "n"]).unwrap();
    // A held connection's later read waits behind its write.
    writer.send(["GET", "n"]).unwrap();
    transaction.send(["EXEC"]).unwrap();
    // Reads, and a transaction of reads, go on; a write queued in MULTI is held when sent.
    assert_eq!(reader.call(["GET", "n"]).unwrap(), Reply::Nil);
    reader.call(["MULTI"]).unwrap();
    reader.call(["GET", "n"]).unwrap();
    assert_eq!(
        reader.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::Nil])
    );
    reader.call(["MULTI"]).unwrap();
    reader.send(["SET", "k", "v"]).unwrap();
    assert_eq!(reader.recv_timeout(QUIET).unwrap(), None);
    assert_eq!(transaction.recv_timeout(QUIET).unwrap(), None);
    assert_eq!(writer.recv_timeout(QUIET).unwrap(), None);
    assert_eq!(admin.call(["CLIENT", "UNPAUSE"]).unwrap(), Reply::OK);
    assert_eq!(writer.recv().unwrap(), Reply::Integer(1));
    assert_eq!(writer.recv().unwrap(), Reply::Bulk("1".into()));
    assert_eq!(
        transaction.recv().unwrap(),
        Reply::Array(vec![Reply::Integer(2)])
    );
    assert_eq!(reader.recv().unwrap(), Reply::status("QUEUED"));
}

#[test]
fn keys_do_not_expire_while_paused_and_a_new_pause_extends_the_old() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut admin = engine.connect();
    admin.call(["SET", "k", "v", "PX", "100"]).unwrap();
    admin.call(["CLIENT", "PAUSE", "1000", "WRITE"]).unwrap();
    clock.advance(Duration::from_millis(500));
    assert_eq!(admin.call(["DBSIZE"]).unwrap(), Reply::Integer(1));
    // A shorter pause leaves the deadline; ALL makes the mode stricter.
    admin.call(["CLIENT", "PAUSE", "10", "ALL"]).unwrap();
    let mut reader = engine.connect();
    reader.send(["DBSIZE"]).unwrap();
    clock.advance(Duration::from_millis(499));
    assert_eq!(reader.recv_timeout(QUIET).unwrap(), None);
    clock.advance(Duration::from_millis(1));
    // The pause is over: the sweep removes the key, after the held DBSIZE counted it.
    assert_eq!(reader.recv().unwrap(), Reply::Integer(1));
    std::thread::sleep(QUIET);
    assert_eq!(reader.call(["DBSIZE"]).unwrap(), Reply::Integer(0));
}

#[test]
fn a_pause_on_the_real_clock_ends_by_itself() {
    // The executor, asleep with nothing to do, must wake at the pause's deadline.
    let engine = Engine::new();
    let mut admin = engine.connect();
    let mut writer = engine.connect();
    admin.call(["CLIENT", "PAUSE", "1500", "WRITE"]).unwrap();
    writer.send(["SET", "k", "v"]).unwrap();
    assert_eq!(writer.recv_timeout(QUIET).unwrap(), None, "held");
    assert_eq!(
        writer.recv_timeout(Duration::from_secs(30)).unwrap(),
        Some(Reply::OK),
        "released at the deadline without any other message"
    );
}
