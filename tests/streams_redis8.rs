//! Redis 8.2's XDELEX and XACKDEL, and the KEEPREF / DELREF / ACKED options of XADD and
//! XTRIM, which the oracle server (7.0) lacks: checked against
//! their documented behaviour. The scenarios follow Redis's own suite
//! (`tests/unit/type/stream-cgroups.tcl`: "XACKDEL should return empty array when key
//! doesn't exist or group doesn't exist", "XACKDEL IDS parameter validation", "XACKDEL
//! KEEPREF/DELREF/ACKED parameter validation", "XACKDEL with DELREF option ...", "XACKDEL
//! with ACKED option ...", "XACKDEL with KEEPREF", "XGROUP DESTROY removes all consumer
//! group references", "XGROUP DESTROY correctly manage min_cgroup_last_id cache"; and
//! `tests/unit/type/stream.tcl`: "XADD with MAXLEN option and ACKED option", "... and DELREF
//! option"):
//! behaviour, not text, is ported.

use embedis::{Connection, Engine, Reply};

fn codes(reply: Reply) -> Vec<i64> {
    match reply {
        Reply::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Reply::Integer(n) => n,
                other => panic!("not a code: {other:?}"),
            })
            .collect(),
        other => panic!("not an array: {other:?}"),
    }
}

fn error_text(reply: Reply) -> String {
    match reply {
        Reply::Error(error) => error.to_string(),
        other => panic!("not an error: {other:?}"),
    }
}

fn call(conn: &mut Connection, line: &str) -> Reply {
    conn.call(line.split(' ')).unwrap()
}

/// Two entries, two groups, each group having read both.
fn two_groups_read_both(conn: &mut Connection) {
    call(conn, "DEL s");
    call(conn, "XADD s 1-0 f v");
    call(conn, "XADD s 2-0 f v");
    call(conn, "XGROUP CREATE s g1 0");
    call(conn, "XGROUP CREATE s g2 0");
    call(conn, "XREADGROUP GROUP g1 c1 STREAMS s >");
    call(conn, "XREADGROUP GROUP g2 c2 STREAMS s >");
}

fn pending_count(conn: &mut Connection, group: &str) -> i64 {
    match call(conn, &format!("XPENDING s {group}")) {
        Reply::Array(items) => match items.first() {
            Some(Reply::Integer(n)) => *n,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn missing_key_or_group_answers_minus_one_per_id() {
    let mut conn = Engine::new().connect();
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g IDS 2 1-1 2-2")),
        [-1, -1]
    );
    call(&mut conn, "XADD s 1-0 f v");
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g IDS 2 1-1 2-2")),
        [-1, -1]
    );
    assert_eq!(codes(call(&mut conn, "XDELEX nokey IDS 1 1-0")), [-1]);
}

#[test]
fn ids_and_policy_are_validated() {
    let mut conn = Engine::new().connect();
    call(&mut conn, "XADD s 1-0 f v");
    call(&mut conn, "XGROUP CREATE s g 0");
    for bad in ["abc", "0", "-5"] {
        assert_eq!(
            error_text(call(&mut conn, &format!("XACKDEL s g IDS {bad} 1-1"))),
            "ERR Number of IDs must be a positive integer"
        );
    }
    assert_eq!(
        error_text(call(&mut conn, "XACKDEL s g IDS 3 1-1 2-2")),
        "ERR The `numids` parameter must match the number of arguments"
    );
    assert_eq!(
        error_text(call(&mut conn, "XACKDEL s g IDS 1 1-1 2-2")),
        "ERR syntax error"
    );
    for pair in ["KEEPREF DELREF", "KEEPREF ACKED", "DELREF ACKED"] {
        assert_eq!(
            error_text(call(&mut conn, &format!("XACKDEL s g {pair} IDS 1 1-1"))),
            "ERR syntax error"
        );
    }
    assert_eq!(
        error_text(call(&mut conn, "XDELEX s IDS 1 not-an-id")),
        "ERR Invalid stream ID specified as stream command argument"
    );
    assert_eq!(
        error_text(call(&mut conn, "XACKDEL s")),
        "ERR wrong number of arguments for 'xackdel' command"
    );
}

#[test]
fn xackdel_delref_removes_the_entries_from_every_pending_list() {
    let mut conn = Engine::new().connect();
    two_groups_read_both(&mut conn);
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g1 DELREF IDS 2 1-0 2-0")),
        [1, 1]
    );
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(0));
    assert_eq!(pending_count(&mut conn, "g1"), 0);
    assert_eq!(pending_count(&mut conn, "g2"), 0);
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g2 DELREF IDS 2 1-0 2-0")),
        [-1, -1]
    );
}

#[test]
fn xackdel_acked_deletes_only_what_every_group_acknowledged() {
    let mut conn = Engine::new().connect();
    two_groups_read_both(&mut conn);
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g1 ACKED IDS 2 1-0 2-0")),
        [2, 2]
    );
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(2));
    assert_eq!(pending_count(&mut conn, "g1"), 0);
    assert_eq!(pending_count(&mut conn, "g2"), 2);
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g2 ACKED IDS 2 1-0 2-0")),
        [1, 1]
    );
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(0));
}

#[test]
fn xackdel_keepref_leaves_other_groups_references() {
    let mut conn = Engine::new().connect();
    two_groups_read_both(&mut conn);
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g1 KEEPREF IDS 2 1-0 2-0")),
        [1, 1]
    );
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(0));
    assert_eq!(pending_count(&mut conn, "g2"), 2);
    // The entries are gone; g2's references are acknowledged all the same.
    assert_eq!(
        codes(call(&mut conn, "XACKDEL s g2 KEEPREF IDS 2 1-0 2-0")),
        [1, 1]
    );
    assert_eq!(pending_count(&mut conn, "g2"), 0);
}

#[test]
fn xdelex_acked_waits_for_every_group_then_deletes() {
    let mut conn = Engine::new().connect();
    call(&mut conn, "DEL s");
    for j in 0..5 {
        call(&mut conn, &format!("XADD s {j}-1 item {j}"));
    }
    call(&mut conn, "XGROUP CREATE s g 0");
    call(&mut conn, "XREADGROUP GROUP g c STREAMS s >");
    let all = "IDS 5 0-1 1-1 2-1 3-1 4-1";
    assert_eq!(
        codes(call(&mut conn, &format!("XDELEX s ACKED {all}"))),
        [2; 5]
    );
    call(&mut conn, "XGROUP DESTROY s g");
    assert_eq!(
        codes(call(&mut conn, &format!("XDELEX s ACKED {all}"))),
        [1; 5]
    );
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(0));
}

#[test]
fn xdelex_acked_keeps_what_a_group_has_not_been_delivered_yet() {
    let mut conn = Engine::new().connect();
    for ms in 1..=5 {
        call(&mut conn, &format!("XADD s {ms}-0 f v"));
    }
    call(&mut conn, "XGROUP CREATE s g1 1-0");
    call(&mut conn, "XGROUP CREATE s g2 3-0");
    assert_eq!(codes(call(&mut conn, "XDELEX s ACKED IDS 1 1-0")), [1]);
    assert_eq!(codes(call(&mut conn, "XDELEX s ACKED IDS 1 2-0")), [2]);
    call(&mut conn, "XGROUP DESTROY s g1");
    assert_eq!(codes(call(&mut conn, "XDELEX s ACKED IDS 1 2-0")), [1]);
}

#[test]
fn xdelex_keepref_is_xdel_and_delref_cleans_dangling_references() {
    let mut conn = Engine::new().connect();
    two_groups_read_both(&mut conn);
    assert_eq!(codes(call(&mut conn, "XDELEX s IDS 2 1-0 9-0")), [1, -1]);
    assert_eq!(
        pending_count(&mut conn, "g1"),
        2,
        "KEEPREF keeps references"
    );
    // 1-0 is gone from the stream but still referenced: DELREF removes the references
    // and answers -1 for the entry that no longer exists.
    assert_eq!(
        codes(call(&mut conn, "XDELEX s DELREF IDS 2 1-0 2-0")),
        [-1, 1]
    );
    assert_eq!(pending_count(&mut conn, "g1"), 0);
    assert_eq!(pending_count(&mut conn, "g2"), 0);
}

/// Redis's suite, `tests/unit/type/stream.tcl`: "XADD with MAXLEN option and ACKED option".
#[test]
fn trimming_with_acked_keeps_what_a_group_still_needs() {
    let mut conn = Engine::new().connect();
    for ms in 1..=5 {
        call(&mut conn, &format!("XADD s {ms}-0 f v"));
    }
    call(&mut conn, "XGROUP CREATE s g 0");
    call(&mut conn, "XADD s MAXLEN = 1 ACKED 6-0 f v");
    assert_eq!(
        call(&mut conn, "XLEN s"),
        Reply::Integer(6),
        "nothing delivered yet"
    );
    call(&mut conn, "XREADGROUP GROUP g c COUNT 1 STREAMS s >");
    call(&mut conn, "XACK s g 1-0");
    call(&mut conn, "XADD s MAXLEN = 1 ACKED 7-0 f v");
    assert_eq!(
        call(&mut conn, "XLEN s"),
        Reply::Integer(6),
        "only 1-0 could go"
    );
    call(&mut conn, "XREADGROUP GROUP g c STREAMS s >");
    call(&mut conn, "XACK s g 2-0 3-0 4-0 5-0 6-0 7-0");
    call(&mut conn, "XADD s MAXLEN = 1 ACKED 8-0 f v");
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(1));
    // XTRIM takes the policy too: 8-0 read and acknowledged goes, undelivered 9-0 stays.
    call(&mut conn, "XREADGROUP GROUP g c STREAMS s >");
    call(&mut conn, "XACK s g 8-0");
    call(&mut conn, "XADD s 9-0 f v");
    assert_eq!(call(&mut conn, "XTRIM s MAXLEN 0 ACKED"), Reply::Integer(1));
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(1));
}

/// Redis's suite, `tests/unit/type/stream.tcl`: "XADD with MAXLEN option and DELREF option".
#[test]
fn trimming_with_delref_drops_the_references_of_what_it_trims() {
    let mut conn = Engine::new().connect();
    for ms in 1..=5 {
        call(&mut conn, &format!("XADD s {ms}-0 f v"));
    }
    call(&mut conn, "XGROUP CREATE s g 0");
    call(&mut conn, "XREADGROUP GROUP g c COUNT 1 STREAMS s >");
    call(&mut conn, "XADD s MAXLEN = 1 DELREF 6-0 f v");
    assert_eq!(call(&mut conn, "XLEN s"), Reply::Integer(1));
    assert_eq!(pending_count(&mut conn, "g"), 0);
    // KEEPREF (the default) leaves them.
    call(&mut conn, "XREADGROUP GROUP g c STREAMS s >");
    call(&mut conn, "XADD s 7-0 f v");
    call(&mut conn, "XTRIM s MAXLEN 1 KEEPREF");
    assert_eq!(pending_count(&mut conn, "g"), 1);
    assert_eq!(
        error_text(call(&mut conn, "XTRIM s MAXLEN 1 KEEPREF DELREF")),
        "ERR syntax error"
    );
}

/// Redis's suite, `tests/unit/type/stream-cgroups.tcl`: "XREADGROUP CLAIM returns
/// unacknowledged messages", "... respects min-idle-time threshold", "... with COUNT limit",
/// "... without pending messages", "... message response format", "... delivery count",
/// "... with NOACK and pending messages" (Redis 8.4), here on the manual clock.
#[test]
fn xreadgroup_claim_takes_over_idle_entries_before_reading_new_ones() {
    use embedis::ManualClock;
    use std::time::Duration;
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    for (ms, v) in [(1, "v1"), (2, "v2"), (3, "v3")] {
        call(&mut conn, &format!("XADD s {ms}-0 f {v}"));
    }
    call(&mut conn, "XGROUP CREATE s g 0");
    call(&mut conn, "XREADGROUP GROUP g c1 COUNT 1 STREAMS s >");
    // Not idle long enough, and COUNT 1 is used up... by the new entry 2-0.
    let entry = |id: &str, v: &str, idle: i64, count: i64| {
        Reply::Array(vec![
            Reply::bulk(id),
            Reply::Array(vec![Reply::bulk("f"), Reply::bulk(v)]),
            Reply::Integer(idle),
            Reply::Integer(count),
        ])
    };
    let streams = |entries: Vec<Reply>| {
        Reply::Array(vec![Reply::Array(vec![
            Reply::bulk("s"),
            Reply::Array(entries),
        ])])
    };
    assert_eq!(
        call(
            &mut conn,
            "XREADGROUP GROUP g c2 COUNT 1 CLAIM 100 STREAMS s >"
        ),
        streams(vec![entry("2-0", "v2", 0, 0)])
    );
    clock.advance(Duration::from_millis(150));
    // Both 1-0 (c1) and 2-0 (c2) are idle 150 ms: claimed first, then new 3-0.
    assert_eq!(
        call(&mut conn, "XREADGROUP GROUP g c3 CLAIM 100 STREAMS s >"),
        streams(vec![
            entry("1-0", "v1", 150, 1),
            entry("2-0", "v2", 150, 1),
            entry("3-0", "v3", 0, 0),
        ])
    );
    match call(&mut conn, "XPENDING s g - + 10") {
        Reply::Array(items) => {
            assert_eq!(items.len(), 3);
            for item in &items[..2] {
                let Reply::Array(fields) = item else {
                    panic!("{item:?}")
                };
                assert_eq!(fields[1], Reply::bulk("c3"));
                assert_eq!(fields[3], Reply::Integer(2), "claiming counts a delivery");
            }
        }
        other => panic!("{other:?}"),
    }
    // Nothing idle enough, nothing new: nil.
    assert_eq!(
        call(&mut conn, "XREADGROUP GROUP g c4 CLAIM 100 STREAMS s >"),
        Reply::NilArray
    );
    // NOACK: the claimed entries stay pending, new entries are not added.
    call(&mut conn, "XADD s 4-0 f v4");
    clock.advance(Duration::from_millis(150));
    let read = call(
        &mut conn,
        "XREADGROUP GROUP g c5 NOACK CLAIM 100 STREAMS s >",
    );
    let Reply::Array(outer) = read else { panic!() };
    let Reply::Array(stream) = &outer[0] else {
        panic!()
    };
    let Reply::Array(entries) = &stream[1] else {
        panic!()
    };
    assert_eq!(entries.len(), 4);
    assert_eq!(pending_count(&mut conn, "g"), 3);
}

/// XNACK (Redis 8.8), from its documentation's examples and behaviour notes: released
/// entries become unowned, show idle -1, keep (FAIL), lose one (SILENT) or max out (FATAL)
/// their delivery counter, and are claimed first by XREADGROUP ... CLAIM.
#[test]
fn xnack_releases_pending_entries_for_immediate_redelivery() {
    use embedis::ManualClock;
    use std::time::Duration;
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    call(&mut conn, "XADD s 1-0 field value1");
    call(&mut conn, "XADD s 2-0 field value2");
    call(&mut conn, "XADD s 3-0 field value3");
    call(&mut conn, "XGROUP CREATE s g 0");
    call(&mut conn, "XREADGROUP GROUP g c1 STREAMS s >");
    assert_eq!(
        call(&mut conn, "XNACK s g FAIL IDS 2 2-0 1-0"),
        Reply::Integer(2)
    );
    let pending = call(&mut conn, "XPENDING s g - + 10");
    let row = |id: &str, consumer: &str, idle: i64, count: i64| {
        Reply::Array(vec![
            Reply::bulk(id),
            Reply::bulk(consumer),
            Reply::Integer(idle),
            Reply::Integer(count),
        ])
    };
    assert_eq!(
        pending,
        Reply::Array(vec![
            row("1-0", "", -1, 1),
            row("2-0", "", -1, 1),
            row("3-0", "c1", 0, 1),
        ])
    );
    // Not pending, or unknown: not counted; a missing group is an error.
    assert_eq!(
        call(&mut conn, "XNACK s g FAIL IDS 1 9-0"),
        Reply::Integer(0)
    );
    assert!(call(&mut conn, "XNACK s nogroup FAIL IDS 1 1-0").is_error());
    // SILENT undoes a delivery, FATAL marks a poison message.
    call(&mut conn, "XNACK s g SILENT IDS 1 3-0");
    assert_eq!(
        call(&mut conn, "XPENDING s g 3-0 3-0 1"),
        Reply::Array(vec![row("3-0", "", -1, 0)])
    );
    call(&mut conn, "XNACK s g FATAL IDS 1 3-0");
    assert_eq!(
        call(&mut conn, "XPENDING s g 3-0 3-0 1"),
        Reply::Array(vec![row("3-0", "", -1, i64::MAX)])
    );
    // Released entries are claimed first, in release order, whatever the min-idle-time.
    clock.advance(Duration::from_millis(10));
    let claimed = call(
        &mut conn,
        "XREADGROUP GROUP g c2 COUNT 2 CLAIM 60000 STREAMS s >",
    );
    let Reply::Array(outer) = claimed else {
        panic!()
    };
    let Reply::Array(stream) = &outer[0] else {
        panic!()
    };
    let Reply::Array(entries) = &stream[1] else {
        panic!()
    };
    let ids: Vec<&Reply> = entries
        .iter()
        .map(|e| match e {
            Reply::Array(items) => &items[0],
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ids, [&Reply::bulk("2-0"), &Reply::bulk("1-0")]);
    // Errors.
    assert_eq!(
        error_text(call(&mut conn, "XNACK s g MAYBE IDS 1 1-0")),
        "ERR mode must be SILENT, FAIL, or FATAL"
    );
    assert_eq!(
        error_text(call(&mut conn, "XNACK s g FAIL IDS 0 1-0")),
        "ERR numids must be a positive integer"
    );
    assert_eq!(
        error_text(call(&mut conn, "XNACK s g FAIL IDS 3 1-0")),
        "ERR number of IDs doesn't match numids"
    );
    assert_eq!(
        error_text(call(&mut conn, "XNACK s g FAIL IDS 1 1-0 RETRYCOUNT -1")),
        "ERR Invalid RETRYCOUNT value, must be >= 0"
    );
    // FORCE creates unowned entries for stream entries nobody has pending.
    call(&mut conn, "XADD s 4-0 field value4");
    assert_eq!(
        call(&mut conn, "XNACK s g FAIL IDS 1 4-0 FORCE"),
        Reply::Integer(1)
    );
    assert_eq!(
        call(&mut conn, "XPENDING s g 4-0 4-0 1"),
        Reply::Array(vec![row("4-0", "", -1, 0)])
    );
}
