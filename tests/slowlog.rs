//! SLOWLOG beyond what the differential cases compare: what a positive threshold times
//! (command lines that are not `fast`, never typed commands), what each entry holds, and
//! that engines of one process keep their own logs.

use embedis::cmd::{Keys, SlowLog};
use embedis::{Engine, Reply};

fn entries(conn: &mut embedis::Connection) -> Vec<Vec<Reply>> {
    let Reply::Array(entries) = conn.run(SlowLog::all()).expect("slowlog") else {
        panic!("an array");
    };
    entries
        .into_iter()
        .map(|entry| match entry {
            Reply::Array(fields) => fields,
            other => panic!("an entry: {other:?}"),
        })
        .collect()
}

fn words(entry: &[Reply]) -> Vec<String> {
    let Reply::Array(words) = &entry[3] else {
        panic!("words");
    };
    words
        .iter()
        .map(|word| match word {
            Reply::Bulk(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn a_positive_threshold_logs_slow_command_lines_only() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut fill = embedis::Pipeline::new();
    for n in 0..50_000 {
        fill.cmd(["SET", &format!("key:{n}"), "v"]);
    }
    fill.execute(&mut conn).expect("fill");
    // 1 µs: KEYS over 50,000 keys takes far longer, GET far less. GET is `fast` and not
    // even timed, so this cannot depend on the machine's speed.
    conn.call(["CONFIG", "SET", "slowlog-log-slower-than", "1"])
        .unwrap();
    conn.call(["SLOWLOG", "RESET"]).unwrap();
    conn.call(["GET", "key:1"]).unwrap();
    let Reply::Array(keys) = conn.call(["KEYS", "key:*"]).unwrap() else {
        panic!("keys");
    };
    assert_eq!(keys.len(), 50_000);
    // The same work as a typed command is not timed (it has no command line to show).
    conn.run(Keys::new("key:*")).unwrap();
    // SLOWLOG RESET itself (not `fast`) may take a microsecond: it is left out here.
    let logged: Vec<Vec<Reply>> = entries(&mut conn)
        .into_iter()
        .filter(|entry| words(entry)[0] != "SLOWLOG")
        .collect();
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(words(&logged[0]), ["KEYS", "key:*"]);
    let Reply::Integer(micros) = logged[0][2] else {
        panic!("a duration");
    };
    assert!(micros >= 1, "{micros}");
    assert_eq!(logged[0][5], Reply::bulk(""));
}

#[test]
fn threshold_zero_logs_typed_commands_by_name_and_lines_as_sent() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["CLIENT", "SETNAME", "worker"]).unwrap();
    conn.call(["CONFIG", "SET", "slowlog-log-slower-than", "0"])
        .unwrap();
    conn.call(["SLOWLOG", "RESET"]).unwrap();
    conn.call(["set", "k", "v"]).unwrap();
    conn.run(embedis::cmd::Get::new("k")).unwrap();
    let logged = entries(&mut conn);
    let shown: Vec<Vec<String>> = logged.iter().map(|entry| words(entry)).collect();
    assert_eq!(
        shown,
        [vec!["get"], vec!["set", "k", "v"], vec!["SLOWLOG", "RESET"]]
    );
    // Ids count up from the first entry ever, newest first.
    let ids: Vec<&Reply> = logged.iter().map(|entry| &entry[0]).collect();
    assert!(ids.windows(2).all(|pair| match pair {
        [Reply::Integer(newer), Reply::Integer(older)] => newer == &(older + 1),
        _ => false,
    }));
    assert!(logged.iter().all(|entry| entry[5] == Reply::bulk("worker")));

    // Another engine of the process has its own log, at the default threshold.
    let other = Engine::new();
    let mut other_conn = other.connect();
    other_conn.call(["SET", "k", "v"]).unwrap();
    assert_eq!(
        other_conn.call(["SLOWLOG", "LEN"]).unwrap(),
        Reply::Integer(0)
    );
}
