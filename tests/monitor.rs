//! MONITOR on embedis's own terms: exact lines on a manual clock, every way a command
//! reaches the engine (argv, typed values, pipelines, transactions, scripts, redis-rs),
//! a monitor that stops reading, and monitoring ending with the connection.
//! (What is shown and when, compared with redis-server, is in `differential_pubsub.rs`.)

use std::time::{Duration, UNIX_EPOCH};

use embedis::cmd::{Get, IncrBy, Set};
use embedis::{Connection, Engine, Error, ManualClock, Pipeline, Reply};

/// An engine on a manual clock at 1,700,000,000.000042 seconds.
fn engine() -> Engine {
    let clock = ManualClock::new();
    clock.set(UNIX_EPOCH + Duration::from_micros(1_700_000_000_000_042));
    Engine::builder().clock(clock).build()
}

/// The `addr=` CLIENT INFO gives `conn`.
fn address(conn: &mut Connection) -> String {
    let (Ok(Reply::Bulk(info)) | Ok(Reply::Verbatim(info))) = conn.call(["CLIENT", "INFO"]) else {
        panic!("CLIENT INFO");
    };
    let info = String::from_utf8_lossy(&info).into_owned();
    let addr = info
        .split(' ')
        .find_map(|field| field.strip_prefix("addr="))
        .expect("an addr field");
    addr.to_string()
}

/// Every line the monitor has been sent so far.
fn lines(monitor: &mut Connection) -> Vec<String> {
    let mut lines = Vec::new();
    while let Ok(Some(frame)) = monitor.recv_timeout(Duration::from_millis(100)) {
        match frame {
            Reply::Status(line) => lines.push(line.into_owned()),
            other => lines.push(format!("{other:?}")),
        }
    }
    lines
}

/// The words of every line the monitor has been sent so far (what follows `[db addr] `).
fn words_shown(monitor: &mut Connection) -> Vec<String> {
    lines(monitor)
        .into_iter()
        .map(|line| line.split_once("] ").expect("a prefix").1.to_string())
        .collect()
}

fn monitoring(engine: &Engine) -> Connection {
    let mut monitor = engine.connect();
    assert_eq!(monitor.call(["MONITOR"]).unwrap(), Reply::OK);
    monitor
}

#[test]
fn lines_carry_the_engine_clock_the_database_and_the_address() {
    let engine = engine();
    let mut conn = engine.connect();
    let addr = address(&mut conn);
    let mut monitor = monitoring(&engine);
    conn.call(["SET", "k", "a\"b"]).unwrap();
    conn.call(["SELECT", "2"]).unwrap();
    assert_eq!(
        lines(&mut monitor),
        [
            format!(r#"1700000000.000042 [0 {addr}] "SET" "k" "a\"b""#),
            format!(r#"1700000000.000042 [2 {addr}] "SELECT" "2""#),
        ]
    );
}

#[test]
fn typed_commands_are_shown_by_name() {
    let engine = engine();
    let mut conn = engine.connect();
    let mut monitor = monitoring(&engine);
    conn.run(Set::new("k", "v")).unwrap();
    conn.run(Get::new("k")).unwrap();
    let shown = words_shown(&mut monitor);
    assert_eq!(shown, [r#""set""#, r#""get""#]);
}

#[test]
fn pipelines_and_transactions_keep_their_lines() {
    let engine = engine();
    let mut conn = engine.connect();
    let mut monitor = monitoring(&engine);
    let mut pipe = Pipeline::new();
    pipe.cmd(["INCR", "n"])
        .add(IncrBy::new("n", 5))
        .cmd(["GET", "n"]);
    pipe.execute(&mut conn).unwrap();
    pipe.atomic().execute(&mut conn).unwrap();
    let mut tx = conn.transaction();
    tx.cmd(["INCR", "n"]);
    tx.exec().unwrap();
    let shown = words_shown(&mut monitor);
    assert_eq!(
        shown,
        [
            r#""INCR" "n""#,
            r#""incrby""#,
            r#""GET" "n""#,
            r#""multi""#,
            r#""INCR" "n""#,
            r#""incrby""#,
            r#""GET" "n""#,
            r#""exec""#,
            r#""multi""#,
            r#""INCR" "n""#,
            r#""exec""#,
        ]
    );
}

#[cfg(feature = "lua")]
#[test]
fn script_commands_come_from_lua_after_the_script() {
    let engine = engine();
    let mut conn = engine.connect();
    let addr = address(&mut conn);
    let mut monitor = monitoring(&engine);
    conn.call(["EVAL", "return redis.call('incr', KEYS[1])", "1", "n"])
        .unwrap();
    assert_eq!(
        lines(&mut monitor),
        [
            format!(
                r#"1700000000.000042 [0 {addr}] "EVAL" "return redis.call('incr', KEYS[1])" "1" "n""#
            ),
            r#"1700000000.000042 [0 lua] "incr" "n""#.to_string(),
        ]
    );
}

#[test]
fn the_monitor_is_listed_with_flag_o_until_it_goes() {
    let engine = engine();
    let mut conn = engine.connect();
    let monitor = monitoring(&engine);
    let listed = |conn: &mut Connection| match conn.call(["CLIENT", "LIST"]) {
        Ok(Reply::Bulk(list) | Reply::Verbatim(list)) => {
            String::from_utf8_lossy(&list).into_owned()
        }
        other => panic!("{other:?}"),
    };
    let list = listed(&mut conn);
    assert!(
        list.contains("flags=O") && list.contains("cmd=monitor"),
        "{list}"
    );
    drop(monitor);
    conn.call(["SET", "k", "v"]).unwrap();
    let list = listed(&mut conn);
    assert!(!list.contains("flags=O"), "{list}");
}

#[test]
fn a_monitor_that_stops_reading_is_closed_and_nothing_else_is_hurt() {
    let engine = Engine::builder().subscriber_capacity(8).build();
    let mut monitor = monitoring(&engine);
    let mut conn = engine.connect();
    for i in 0..100 {
        conn.call(["SET", "k", &i.to_string()]).unwrap();
    }
    let mut read = 0;
    let outcome = loop {
        match monitor.recv_timeout(Duration::from_secs(5)) {
            Ok(Some(_)) => read += 1,
            other => break other,
        }
    };
    assert_eq!(outcome, Err(Error::OutputBufferOverflow));
    assert!(read <= 8, "read {read} lines past a buffer of 8");
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("99"));
}

#[test]
fn a_second_monitor_has_no_reply_and_a_closure_cannot_monitor() {
    let engine = engine();
    let mut monitor = monitoring(&engine);
    assert_eq!(monitor.call(["MONITOR"]), Err(Error::NoReply));
    assert_eq!(monitor.call(["PING"]).unwrap(), Reply::status("PONG"));
    let refused = engine.atomically(|db| db.call(["MONITOR"])).unwrap();
    assert!(refused.is_error(), "{refused:?}");
}

#[test]
fn monitors_of_one_engine_see_nothing_of_another() {
    let first = engine();
    let second = engine();
    let mut monitor = monitoring(&first);
    second.connect().call(["SET", "k", "v"]).unwrap();
    assert!(lines(&mut monitor).is_empty());
}

#[cfg(feature = "redis-rs")]
#[test]
fn redis_rs_commands_and_pipelines_keep_their_lines() {
    let engine = engine();
    let mut conn = engine.connect();
    let mut monitor = monitoring(&engine);
    let _: () = redis::cmd("SET")
        .arg("k")
        .arg("v")
        .query(&mut conn)
        .unwrap();
    let _: (i64, i64) = redis::pipe()
        .cmd("INCR")
        .arg("n")
        .cmd("INCR")
        .arg("n")
        .query(&mut conn)
        .unwrap();
    let shown = words_shown(&mut monitor);
    assert_eq!(
        shown,
        [r#""SET" "k" "v""#, r#""INCR" "n""#, r#""INCR" "n""#]
    );
}

#[test]
fn the_typed_monitor_reads_back_every_word_and_origin() {
    let engine = engine();
    let mut conn = engine.connect();
    let addr = address(&mut conn);
    let mut monitor = engine.monitor().unwrap();
    let awkward: &[u8] = b"a \"b\"\\\r\n\t\x00\x07\x08\xff";
    conn.call([&b"SET"[..], b"k", awkward]).unwrap();
    conn.call(["SELECT", "4"]).unwrap();
    assert!(conn.call(["AUTH", "secret"]).unwrap().is_error());
    let set = monitor.recv().unwrap();
    assert_eq!(set.args, [&b"SET"[..], b"k", awkward]);
    assert_eq!((set.db, set.client.as_str()), (0, addr.as_str()));
    assert_eq!(
        set.time(),
        UNIX_EPOCH + Duration::from_micros(1_700_000_000_000_042)
    );
    assert_eq!(monitor.recv().unwrap().db, 4);
    assert_eq!(monitor.recv().unwrap().args, ["AUTH", "(redacted)"]);
    assert_eq!(monitor.try_recv().unwrap(), None);
}

#[cfg(feature = "lua")]
#[test]
fn the_typed_monitor_tells_script_commands_apart() {
    let engine = engine();
    let mut monitor = engine.monitor().unwrap();
    engine
        .connect()
        .call(["EVAL", "return redis.call('GET', 'k')", "0"])
        .unwrap();
    let script = monitor.recv().unwrap();
    let inner = monitor.recv().unwrap();
    assert!(!script.from_script() && inner.from_script());
    assert_eq!(inner.args, ["GET", "k"]);
}

#[test]
fn a_typed_monitor_that_falls_behind_is_closed_and_dropping_one_ends_it() {
    let engine = Engine::builder().subscriber_capacity(4).build();
    let mut lagging = engine.monitor().unwrap();
    let mut conn = engine.connect();
    for _ in 0..20 {
        conn.call(["PING"]).unwrap();
    }
    let outcome = loop {
        match lagging.recv_timeout(Duration::from_secs(5)) {
            Ok(Some(_)) => continue,
            other => break other,
        }
    };
    assert_eq!(outcome, Err(Error::OutputBufferOverflow));
    let monitor = engine.monitor().unwrap();
    drop(monitor);
    conn.call(["PING"]).unwrap();
    let Ok(Reply::Bulk(list) | Reply::Verbatim(list)) = conn.call(["CLIENT", "LIST"]) else {
        panic!("CLIENT LIST");
    };
    assert!(!String::from_utf8_lossy(&list).contains("flags=O"));
}
