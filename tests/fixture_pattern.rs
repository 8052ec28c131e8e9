//! The test-fixture pattern of README.md's "Use embedis in your tests", verbatim: if this
//! file changes, change the README with it.

use embedis::{Connection, Engine, ManualClock, Quota, Reply};
use std::time::Duration;

/// One engine per test: nothing shared, nothing to clean up, tests run in parallel.
struct Fixture {
    clock: ManualClock,
    engine: Engine,
    conn: Connection,
}

impl Fixture {
    fn new() -> Fixture {
        let clock = ManualClock::new(); // 2024-01-01T00:00:00Z; moves only when told to
        let engine = Engine::builder().clock(clock.clone()).build();
        let conn = engine.connect();
        Fixture {
            clock,
            engine,
            conn,
        }
    }
}

#[test]
fn a_session_expires_after_its_ttl() {
    let mut f = Fixture::new();
    f.conn
        .call(["SET", "session:1", "alice", "EX", "1800"])
        .unwrap();
    f.clock.advance(Duration::from_secs(1799));
    assert_eq!(
        f.conn.call(["GET", "session:1"]).unwrap(),
        Reply::bulk("alice")
    );
    f.clock.advance(Duration::from_secs(1));
    assert_eq!(f.conn.call(["GET", "session:1"]).unwrap(), Reply::Nil);
}

#[test]
fn a_blocked_read_times_out_when_the_clock_says_so() {
    let mut f = Fixture::new();
    f.conn
        .send(["XREAD", "BLOCK", "5000", "STREAMS", "jobs", "$"])
        .unwrap();
    f.engine.connect().call(["PING"]).unwrap(); // one queue: the read is parked by now
    f.clock.advance(Duration::from_secs(5)); // wakes the executor: nobody sleeps
    assert_eq!(f.conn.recv().unwrap(), Reply::NilArray);
}

#[test]
fn the_rate_limit_refills_with_time() {
    let f = Fixture::new();
    let limiter = f.engine.rate_limiter(Quota::per_second(2).unwrap());
    assert!(limiter.check().is_ok());
    assert!(limiter.check().is_ok());
    assert!(limiter.check().is_err()); // the burst is spent
    f.clock.advance(Duration::from_millis(500));
    assert!(limiter.check().is_ok()); // one cell back after 1/2 s
}

#[test]
fn the_code_sent_exactly_these_commands() {
    let mut f = Fixture::new();
    let mut monitor = f.engine.monitor().unwrap();
    f.conn.call(["INCR", "visits"]).unwrap(); // what the code under test sends
    f.conn.call(["EXPIRE", "visits", "60", "NX"]).unwrap();
    // Every monitor has a command's line before its caller has the reply.
    let sent: Vec<_> = std::iter::from_fn(|| monitor.try_recv().unwrap())
        .map(|seen| seen.args)
        .collect();
    assert_eq!(
        sent,
        [vec!["INCR", "visits"], vec!["EXPIRE", "visits", "60", "NX"]]
    );
}
