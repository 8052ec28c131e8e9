//! The engine's lifecycle and threading: shutdown, drop, panics, pipelining order, and
//! atomicity under concurrency.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use embedis::{Clock, Engine, Error, Pipeline, Protocol, Reply, SystemClock};

/// A clock that records when the engine has let go of it: the executor owns a reference,
/// so the flag rises only once the executor thread has finished.
#[derive(Debug)]
struct DropWitness(Arc<AtomicBool>);

impl Clock for DropWitness {
    fn now_micros(&self) -> u64 {
        SystemClock.now_micros()
    }
}

impl Drop for DropWitness {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn witnessed_engine() -> (Engine, Arc<AtomicBool>) {
    let dropped = Arc::new(AtomicBool::new(false));
    let engine = Engine::builder()
        .clock(DropWitness(Arc::clone(&dropped)))
        .build();
    (engine, dropped)
}

#[test]
fn dropping_the_last_handle_joins_the_executor() {
    let (engine, dropped) = witnessed_engine();
    let mut conn = engine.connect();
    conn.call(["SET", "k", "v"]).unwrap();
    drop(engine);
    // The connection still holds the engine.
    assert!(!dropped.load(Ordering::SeqCst));
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    drop(conn);
    assert!(
        dropped.load(Ordering::SeqCst),
        "executor thread must be gone"
    );
}

#[test]
fn shutdown_fails_every_handle_with_closed_and_is_idempotent() {
    let (engine, dropped) = witnessed_engine();
    let mut conn = engine.connect();
    conn.send(["PING"]).unwrap();
    engine.shutdown();
    engine.shutdown();
    // The reply to what was queued before shutdown may or may not have been sent; after
    // it, the connection reports Closed and never hangs.
    let first = conn.recv();
    assert!(first == Ok(Reply::status("PONG")) || first == Err(Error::Closed));
    assert_eq!(conn.call(["PING"]), Err(Error::Closed));
    assert_eq!(conn.recv(), Err(Error::Closed));
    let mut late = engine.connect();
    assert_eq!(late.call(["PING"]), Err(Error::Closed));
    assert_eq!(engine.atomically(|_| ()), Err(Error::Closed));
    drop((conn, late, engine));
    assert!(dropped.load(Ordering::SeqCst));
}

#[test]
fn shutdown_wakes_a_caller_blocked_in_recv() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let waiter = thread::spawn(move || conn.recv());
    thread::sleep(Duration::from_millis(50));
    engine.shutdown();
    assert_eq!(waiter.join().unwrap(), Err(Error::Closed));
}

#[test]
fn panics_in_atomically_are_returned_and_the_engine_keeps_serving() {
    let engine = Engine::new();
    let result: Result<(), Error> = engine.atomically(|db| {
        db.set("before-panic", "kept").unwrap();
        panic!("boom");
    });
    assert_eq!(result, Err(Error::Panicked("boom".into())));
    let mut conn = engine.connect();
    assert_eq!(
        conn.call(["GET", "before-panic"]).unwrap(),
        Reply::bulk("kept")
    );
    assert_eq!(engine.atomically(|db| db.incr_by("n", 2)).unwrap(), Ok(2));
}

#[test]
fn blocking_on_the_engine_from_inside_atomically_is_refused_not_deadlocked() {
    let engine = Engine::new();
    let inner = engine.clone();
    let outcome = engine
        .atomically(move |_| {
            let mut conn = inner.connect();
            let call = conn.call(["PING"]);
            let nested = inner.atomically(|_| ());
            (call, nested)
        })
        .unwrap();
    assert_eq!(
        outcome,
        (Err(Error::WouldDeadlock), Err(Error::WouldDeadlock))
    );
}

#[test]
fn connection_commands_are_refused_inside_atomically() {
    let engine = Engine::new();
    let replies = engine
        .atomically(|db| {
            vec![
                db.call(["MULTI"]),
                db.call(["CLIENT", "ID"]),
                db.call(["NOPE"]),
            ]
        })
        .unwrap();
    assert_eq!(replies[0], Reply::Error(Error::NotAllowedInAtomically));
    assert_eq!(replies[1], Reply::Error(Error::NotAllowedInAtomically));
    assert!(replies[2].is_error());
}

#[test]
fn pipelined_replies_arrive_in_send_order() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    for i in 0..2_000 {
        conn.send(["SET", "k", &i.to_string()]).unwrap();
        conn.send(["GET", "k"]).unwrap();
    }
    for i in 0..2_000 {
        assert_eq!(conn.recv().unwrap(), Reply::OK);
        assert_eq!(conn.recv().unwrap(), Reply::bulk(i.to_string()));
    }
    assert_eq!(conn.try_recv().unwrap(), None);
}

#[test]
fn pipeline_frames_and_earlier_sends_keep_their_order() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.send(["INCR", "n"]).unwrap();
    let replies = Pipeline::new()
        .cmd(["INCR", "n"])
        .cmd(["GET"])
        .cmd(["INCR", "n"])
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        replies,
        vec![
            Reply::Integer(2),
            Reply::Error(Error::arity("get")),
            Reply::Integer(3)
        ]
    );
    assert_eq!(conn.recv().unwrap(), Reply::Integer(1));
}

#[test]
fn concurrent_increments_are_atomic() {
    let engine = Engine::new();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let engine = engine.clone();
            thread::spawn(move || {
                let mut conn = engine.connect();
                for _ in 0..5_000 {
                    conn.call(["INCR", "shared"]).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut conn = engine.connect();
    assert_eq!(conn.call(["GET", "shared"]).unwrap(), Reply::bulk("20000"));
}

#[test]
fn atomically_closures_do_not_interleave() {
    // Read-modify-write without INCR: lost updates would show if closures interleaved.
    let engine = Engine::new();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let engine = engine.clone();
            thread::spawn(move || {
                for _ in 0..1_000 {
                    engine
                        .atomically(|db| {
                            let current: i64 = db
                                .get("rmw")?
                                .map_or(0, |v| String::from_utf8_lossy(&v).parse().unwrap_or(0));
                            db.set("rmw", (current + 1).to_string())
                        })
                        .unwrap()
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let total = engine.atomically(|db| db.get("rmw")).unwrap().unwrap();
    assert_eq!(total.as_deref(), Some(&b"4000"[..]));
}

#[test]
fn quit_replies_ok_then_closes_the_connection() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(conn.call(["QUIT"]).unwrap(), Reply::OK);
    assert_eq!(conn.call(["PING"]), Err(Error::Closed));
    // Other connections are unaffected.
    assert_eq!(
        engine.connect().call(["PING"]).unwrap(),
        Reply::status("PONG")
    );
}

#[test]
fn hello_switches_the_protocol_and_reset_restores_it() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let hello = conn.call(["HELLO", "3", "SETNAME", "worker-1"]).unwrap();
    let Reply::Map(fields) = hello else {
        panic!("HELLO replies with a map");
    };
    assert!(fields.contains(&(Reply::bulk("proto"), Reply::Integer(3))));
    assert_eq!(conn.protocol(), Protocol::Resp3);
    assert_eq!(
        conn.call(["CLIENT", "GETNAME"]).unwrap(),
        Reply::bulk("worker-1")
    );
    assert_eq!(conn.call(["RESET"]).unwrap(), Reply::status("RESET"));
    assert_eq!(conn.protocol(), Protocol::Resp2);
    assert_eq!(conn.call(["CLIENT", "GETNAME"]).unwrap(), Reply::Nil);
}

#[test]
fn a_dropped_connection_releases_its_transaction_and_watches() {
    let engine = Engine::new();
    let mut first = engine.connect();
    first.call(["WATCH", "k"]).unwrap();
    first.call(["MULTI"]).unwrap();
    first.call(["SET", "k", "from-dropped"]).unwrap();
    drop(first);
    let mut conn = engine.connect();
    // The queued SET never ran.
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::Nil);
    conn.call(["SET", "k", "x"]).unwrap();
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("x"));
}

#[test]
fn a_small_queue_applies_backpressure_without_losing_commands() {
    let engine = Engine::builder().queue_capacity(4).build();
    let mut conn = engine.connect();
    let producer = {
        let engine = engine.clone();
        thread::spawn(move || {
            let mut other = engine.connect();
            let mut pipe = Pipeline::new();
            for _ in 0..500 {
                pipe.cmd(["INCR", "bp"]);
            }
            for _ in 0..20 {
                pipe.execute(&mut other).unwrap();
            }
        })
    };
    for _ in 0..2_000 {
        conn.send(["INCR", "bp"]).unwrap();
    }
    for _ in 0..2_000 {
        assert!(matches!(conn.recv().unwrap(), Reply::Integer(_)));
    }
    producer.join().unwrap();
    assert_eq!(conn.call(["GET", "bp"]).unwrap(), Reply::bulk("12000"));
}

#[test]
fn handles_can_move_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Engine>();
    send_sync::<embedis::ManualClock>();
    send::<embedis::Connection>();
    send::<Pipeline>();
}

/// The differential suite cannot give its oracle a master, so embedis's refusal of one is
/// checked here: the engine stays a master with its data, and says why it refused.
#[test]
fn replicaof_a_server_is_refused_and_the_engine_stays_a_master() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["SET", "k", "v"]).unwrap();
    for line in [
        ["REPLICAOF", "10.0.0.7", "6379"],
        ["SLAVEOF", "localhost", "0"],
        ["replicaof", "no", "65535"],
    ] {
        let reply = conn.call(line).unwrap();
        assert_eq!(
            reply,
            Reply::Error(Error::CannotReplicate),
            "{line:?} gave {reply:?}"
        );
    }
    assert!(Error::CannotReplicate
        .to_string()
        .starts_with("ERR embedis: an embedded engine does not replicate"));
    let Reply::Array(role) = conn.call(["ROLE"]).unwrap() else {
        panic!("ROLE is an array");
    };
    assert_eq!(role[0], Reply::bulk("master"));
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    assert_eq!(conn.call(["REPLICAOF", "NO", "ONE"]).unwrap(), Reply::OK);
}

/// ACL LOG follows the engine clock: failures of one kind a minute apart start a new
/// entry, and each entry's age is exact under `ManualClock`.
#[test]
fn acl_log_groups_refused_auths_by_the_minute_on_the_engine_clock() {
    let clock = embedis::ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    let field = |entry: &Reply, name: &str| -> Reply {
        let Reply::Map(fields) = entry else {
            panic!("an entry is a map: {entry:?}");
        };
        let found = fields.iter().find(|(key, _)| *key == Reply::bulk(name));
        found.map(|(_, value)| value.clone()).expect(name)
    };
    let entries = |conn: &mut embedis::Connection| -> Vec<Reply> {
        match conn.call(["ACL", "LOG"]).unwrap() {
            Reply::Array(entries) => entries,
            other => panic!("ACL LOG is an array: {other:?}"),
        }
    };
    assert!(conn.call(["AUTH", "alice", "pw"]).unwrap().is_error());
    clock.advance(Duration::from_millis(59_999));
    assert!(conn.call(["AUTH", "alice", "pw"]).unwrap().is_error());
    clock.advance(Duration::from_millis(1_500));
    let log = entries(&mut conn);
    assert_eq!(log.len(), 1);
    assert_eq!(field(&log[0], "count"), Reply::Integer(2));
    assert_eq!(field(&log[0], "age-seconds"), Reply::Double(1.5));
    assert_eq!(field(&log[0], "username"), Reply::bulk("alice"));
    // A minute after the last failure, the same failure starts a new entry.
    clock.advance(Duration::from_secs(60));
    assert!(conn.call(["AUTH", "alice", "pw"]).unwrap().is_error());
    let log = entries(&mut conn);
    assert_eq!(log.len(), 2);
    assert_eq!(field(&log[0], "count"), Reply::Integer(1));
    assert_eq!(field(&log[1], "age-seconds"), Reply::Double(61.5));
    assert_eq!(conn.call(["ACL", "LOG", "RESET"]).unwrap(), Reply::OK);
    assert!(entries(&mut conn).is_empty());
    // Accepted authentications are not failures.
    assert_eq!(conn.call(["AUTH", "default", "any"]).unwrap(), Reply::OK);
    assert!(entries(&mut conn).is_empty());
}

/// SHUTDOWN stops the engine as redis-server exits: no reply, every connection and
/// subscriber closed, later calls refused; ABORT, MULTI and scripts leave it running.
#[test]
fn shutdown_closes_every_connection_without_a_reply() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut other = engine.connect();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["news"]).unwrap();
    assert!(conn.call(["SHUTDOWN", "ABORT"]).unwrap().is_error());
    assert!(conn.call(["SHUTDOWN", "NOW", "FOO"]).unwrap().is_error());
    assert_eq!(conn.call(["MULTI"]).unwrap(), Reply::OK);
    assert!(conn.call(["SHUTDOWN", "NOW"]).unwrap().is_error());
    assert_eq!(conn.call(["EXEC"]).unwrap(), Reply::Error(Error::ExecAbort));
    assert_eq!(other.call(["SET", "k", "v"]).unwrap(), Reply::OK);
    // A pipeline's commands after SHUTDOWN do not run; none of its replies come back.
    let mut pipeline = Pipeline::new();
    pipeline
        .cmd(["INCR", "n"])
        .cmd(["SHUTDOWN", "NOSAVE", "NOW"])
        .cmd(["INCR", "n"]);
    assert_eq!(pipeline.execute(&mut conn).unwrap_err(), Error::Closed);
    assert_eq!(other.call(["GET", "k"]).unwrap_err(), Error::Closed);
    assert!(matches!(
        subscriber.recv_timeout(Duration::from_secs(5)),
        Err(embedis::RecvError::Closed)
    ));
    assert_eq!(engine.connect().call(["PING"]).unwrap_err(), Error::Closed);
    engine.shutdown(); // idempotent after SHUTDOWN
}
