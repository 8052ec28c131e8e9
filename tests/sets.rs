//! Sets beyond what the differential tables compare: random picks and pops, the order an
//! integer set shows, set algebra over hash-table sets, and the typed API.

mod common;

use std::collections::BTreeSet;

use bytes::Bytes;
use common::replies::parses_as;
use embedis::cmd::{SAdd, SCombine, SMove, SRandom, SRead, SScan};
use embedis::{Engine, Error, Reply};

fn members(reply: Reply) -> Vec<Bytes> {
    match reply {
        Reply::Set(items) | Reply::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Reply::Bulk(bytes) => bytes,
                other => panic!("not a bulk string: {other:?}"),
            })
            .collect(),
        other => panic!("not a set: {other:?}"),
    }
}

fn sorted(reply: Reply) -> BTreeSet<Bytes> {
    members(reply).into_iter().collect()
}

#[test]
fn an_integer_set_lists_its_members_sorted_until_it_holds_a_string() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.run(SAdd::new("s", ["10", "-3", "2"])).unwrap();
    assert_eq!(
        members(conn.run(SRead::members("s")).unwrap()),
        ["-3", "2", "10"]
    );
    assert_eq!(
        conn.run(SScan::new("s", 0)).unwrap(),
        (0, vec!["-3".into(), "2".into(), "10".into()])
    );
    conn.run(SAdd::new("s", ["x"])).unwrap();
    assert_eq!(
        sorted(conn.run(SRead::members("s")).unwrap()),
        ["-3", "10", "2", "x"]
            .into_iter()
            .map(Bytes::from)
            .collect()
    );
}

#[test]
fn pops_and_random_members_come_from_the_set() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let all: BTreeSet<Bytes> = (0..50).map(|n| Bytes::from(format!("m{n}"))).collect();
    conn.run(SAdd::new("s", all.iter())).unwrap();
    for _ in 0..100 {
        let distinct = members(conn.run(SRandom::new("s", false).count(7)).unwrap());
        assert_eq!(distinct.iter().collect::<BTreeSet<_>>().len(), 7);
        assert!(distinct.iter().all(|m| all.contains(m)));
        let repeated = members(conn.run(SRandom::new("s", false).count(-60)).unwrap());
        assert_eq!(repeated.len(), 60);
        assert!(repeated.iter().all(|m| all.contains(m)));
    }
    // SPOP removes what it returns, and everything is returned exactly once.
    let mut popped = BTreeSet::new();
    while let Reply::Bulk(member) = conn.run(SRandom::new("s", true)).unwrap() {
        assert!(popped.insert(member), "popped twice");
        if popped.len() == 20 {
            break;
        }
    }
    popped.extend(members(
        conn.run(SRandom::new("s", true).count(100)).unwrap(),
    ));
    assert_eq!(popped, all);
    assert_eq!(conn.call(["EXISTS", "s"]).unwrap(), Reply::Integer(0));
    assert_eq!(
        conn.call(["SRANDMEMBER", "none", "-2000000"]).unwrap(),
        Reply::Array(Vec::new()),
        "a missing key answers before the count is weighed"
    );
    conn.run(SAdd::new("one", ["x"])).unwrap();
    assert_eq!(
        conn.call(["SRANDMEMBER", "one", "-2000000"]).unwrap(),
        Reply::Error(Error::OutOfRange)
    );
}

#[test]
fn set_algebra_over_string_sets() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.run(SAdd::new("a", ["x", "y", "z"])).unwrap();
    conn.run(SAdd::new("b", ["y", "z", "w"])).unwrap();
    let set = |items: &[&str]| {
        items
            .iter()
            .map(|i| Bytes::copy_from_slice(i.as_bytes()))
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        sorted(conn.run(SCombine::inter(["a", "b"])).unwrap()),
        set(&["y", "z"])
    );
    assert_eq!(
        sorted(conn.run(SCombine::union(["a", "b"])).unwrap()),
        set(&["w", "x", "y", "z"])
    );
    assert_eq!(
        sorted(conn.run(SCombine::diff(["a", "b"])).unwrap()),
        set(&["x"])
    );
    assert_eq!(
        conn.run(SCombine::inter(["a", "b"]).store("c")).unwrap(),
        Reply::Integer(2)
    );
    assert_eq!(
        sorted(conn.run(SRead::members("c")).unwrap()),
        set(&["y", "z"])
    );
    assert_eq!(
        conn.run(SCombine::inter(["a", "none"]).store("c")).unwrap(),
        Reply::Integer(0)
    );
    assert_eq!(
        conn.call(["EXISTS", "c"]).unwrap(),
        Reply::Integer(0),
        "an empty result deletes"
    );
    assert!(conn.run(SMove::new("a", "b", "x")).unwrap());
    assert!(!conn.run(SMove::new("a", "b", "x")).unwrap());
    assert_eq!(
        conn.run(SAdd::remove("b", ["w", "x", "y", "z"])).unwrap(),
        4
    );
    assert_eq!(conn.call(["EXISTS", "b"]).unwrap(), Reply::Integer(0));
}

#[test]
fn the_typed_api_builds_what_argv_parses() {
    parses_as(&["SADD", "s", "a", "b"], SAdd::new("s", ["a", "b"]));
    parses_as(&["SREM", "s", "a"], SAdd::remove("s", ["a"]));
    parses_as(
        &["SMISMEMBER", "s", "a", "b"],
        SRead::are_members("s", ["a", "b"]),
    );
    parses_as(&["SPOP", "s", "3"], SRandom::new("s", true).count(3));
    parses_as(
        &["SRANDMEMBER", "s", "-3"],
        SRandom::new("s", false).count(-3),
    );
    parses_as(&["SMOVE", "a", "b", "m"], SMove::new("a", "b", "m"));
    parses_as(
        &["SDIFFSTORE", "d", "a", "b"],
        SCombine::diff(["a", "b"]).store("d"),
    );
    parses_as(
        &["SSCAN", "s", "0", "MATCH", "a*"],
        SScan::new("s", 0).pattern("a*"),
    );
}
