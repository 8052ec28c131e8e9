//! Hashes beyond what the differential tables can compare: random picks, HSCAN's guarantee
//! on a large hash that changes between pages, the typed API, and a hash as the state of
//! a read-modify-write closure.

use std::collections::{BTreeMap, BTreeSet};

mod common;

use bytes::Bytes;
use common::replies::{bulks, parses_as};
use embedis::cmd::{
    HDel, HExists, HGet, HGetAll, HIncrBy, HIncrByFloat, HKeys, HLen, HMGet, HRandField, HScan,
    HSet, HSetNx, HStrLen, HVals,
};
use embedis::{Engine, Error, Reply};

#[test]
fn the_typed_api_reads_back_what_it_wrote() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(
        conn.run(HSet::new("h", "a", "1").field("b", "2").field("a", "3"))
            .unwrap(),
        2,
        "a field set twice in one HSET is new once"
    );
    assert!(conn.run(HSetNx::new("h", "c", "hello")).unwrap());
    assert!(!conn.run(HSetNx::new("h", "c", "other")).unwrap());
    assert_eq!(
        conn.run(HGet::new("h", "a")).unwrap(),
        Some(Bytes::from("3"))
    );
    assert_eq!(
        conn.run(HMGet::new("h", ["b", "zz"])).unwrap(),
        vec![Some(Bytes::from("2")), None]
    );
    assert_eq!(conn.run(HLen::new("h")).unwrap(), 3);
    assert_eq!(conn.run(HStrLen::new("h", "c")).unwrap(), 5);
    assert!(conn.run(HExists::new("h", "b")).unwrap());
    assert_eq!(conn.run(HKeys::new("h")).unwrap(), vec!["a", "b", "c"]);
    assert_eq!(conn.run(HVals::new("h")).unwrap(), vec!["3", "2", "hello"]);
    assert_eq!(conn.run(HIncrBy::new("h", "n", -4)).unwrap(), -4);
    assert_eq!(
        &conn.run(HIncrByFloat::new("h", "x", "2.5")).unwrap()[..],
        b"2.5"
    );
    assert_eq!(conn.run(HDel::new("h", ["a", "b", "zz"])).unwrap(), 2);
    let pairs: BTreeMap<Bytes, Bytes> = conn.run(HGetAll::new("h")).unwrap().into_iter().collect();
    let expected: BTreeMap<Bytes, Bytes> = [("c", "hello"), ("n", "-4"), ("x", "2.5")]
        .into_iter()
        .map(|(f, v)| (Bytes::from(f), Bytes::from(v)))
        .collect();
    assert_eq!(pairs, expected);

    // The typed errors are Redis's.
    conn.run(HSet::new("h", "text", "abc")).unwrap();
    assert_eq!(
        conn.run(HIncrBy::new("h", "text", 1)).unwrap_err(),
        Error::HashValueNotInteger
    );
    assert_eq!(
        conn.run(HIncrByFloat::new("h", "x", "inf")).unwrap_err(),
        Error::NotFinite
    );
    conn.call(["SET", "s", "v"]).unwrap();
    assert_eq!(conn.run(HGet::new("s", "f")).unwrap_err(), Error::WrongType);
}

#[test]
fn the_typed_api_builds_what_argv_parses() {
    use embedis::cmd::Command;
    let same = |argv: &[&str], typed: Command| {
        assert_eq!(
            Command::from_argv(argv.iter().copied()).unwrap(),
            typed,
            "{argv:?}"
        );
    };
    same(
        &["HSET", "h", "a", "1", "b", "2"],
        HSet::new("h", "a", "1").field("b", "2").into(),
    );
    same(
        &["hsetnx", "h", "a", "1"],
        HSetNx::new("h", "a", "1").into(),
    );
    same(
        &["HMGET", "h", "a", "b"],
        HMGet::new("h", ["a", "b"]).into(),
    );
    parses_as(&["HDEL", "h", "a"], HDel::new("h", ["a"]));
    same(
        &["HINCRBY", "h", "a", "-3"],
        HIncrBy::new("h", "a", -3).into(),
    );
    same(
        &["HINCRBYFLOAT", "h", "a", "0.5"],
        HIncrByFloat::new("h", "a", "0.5").into(),
    );
    same(
        &["HRANDFIELD", "h", "-2", "WITHVALUES"],
        HRandField::new("h").count(-2).with_values().into(),
    );
    same(
        &["HSCAN", "h", "7", "MATCH", "a*", "COUNT", "3"],
        HScan::new("h", 7).pattern("a*").count(3).into(),
    );
}

#[test]
fn random_fields_are_members_distinct_when_asked_and_repeat_when_negative() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let all: BTreeSet<Bytes> = (0..20).map(|n| Bytes::from(format!("f{n}"))).collect();
    for field in &all {
        conn.run(HSet::new("h", field, "v")).unwrap();
    }
    let mut seen_single = BTreeSet::new();
    for _ in 0..400 {
        let Reply::Bulk(field) = conn.run(HRandField::new("h")).unwrap() else {
            panic!("one field");
        };
        assert!(all.contains(&field));
        seen_single.insert(field);

        let distinct = bulks(&conn.run(HRandField::new("h").count(7)).unwrap());
        assert_eq!(distinct.len(), 7);
        assert_eq!(
            distinct.iter().collect::<BTreeSet<_>>().len(),
            7,
            "{distinct:?}"
        );
        assert!(distinct.iter().all(|field| all.contains(field)));

        let repeated = bulks(&conn.run(HRandField::new("h").count(-30)).unwrap());
        assert_eq!(
            repeated.len(),
            30,
            "a negative count gives exactly that many"
        );
        assert!(repeated.iter().all(|field| all.contains(field)));
    }
    assert_eq!(seen_single, all, "every field comes up in 400 single picks");

    // A count reaching the size is the whole hash, in its order.
    let whole = bulks(&conn.run(HRandField::new("h").count(50)).unwrap());
    assert_eq!(whole, bulks(&conn.call(["HKEYS", "h"]).unwrap()));

    // WITHVALUES: field, value pairs (flat in RESP2).
    let flat = bulks(
        &conn
            .run(HRandField::new("h").count(-3).with_values())
            .unwrap(),
    );
    assert_eq!(flat.len(), 6);
    assert!(flat
        .chunks(2)
        .all(|pair| all.contains(&pair[0]) && pair[1] == "v"));

    // A negative count past the in-process bound is refused, not built.
    assert_eq!(
        conn.call(["HRANDFIELD", "h", "-2000000"]).unwrap(),
        Reply::Error(Error::OutOfRange)
    );
    assert_eq!(
        bulks(&conn.call(["HRANDFIELD", "h", "-1048576"]).unwrap()).len(),
        1 << 20
    );
}

#[test]
fn hscan_of_a_large_hash_returns_every_field_that_stays() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    for n in 0..2_000 {
        conn.run(HSet::new("h", format!("f{n}"), n.to_string()))
            .unwrap();
    }
    let mut seen: BTreeMap<Bytes, Bytes> = BTreeMap::new();
    let mut cursor = 0;
    let mut pages = 0;
    loop {
        let (next, flat) = conn.run(HScan::new("h", cursor).count(100)).unwrap();
        pages += 1;
        for pair in flat.chunks(2) {
            seen.insert(pair[0].clone(), pair[1].clone());
        }
        // Between pages, fields come and go: every third one of the first thousand leaves,
        // and new ones arrive. Deletions move other fields inside the hash.
        if pages == 3 {
            for n in (0..1_000).step_by(3) {
                conn.run(HDel::new("h", [format!("f{n}")])).unwrap();
            }
            for n in 0..500 {
                conn.run(HSet::new("h", format!("new{n}"), "x")).unwrap();
            }
        }
        if next == 0 {
            break;
        }
        cursor = next;
        assert!(pages < 1_000, "HSCAN ends");
    }
    assert!(pages > 10, "a large hash is paged ({pages} pages)");
    for n in (0..2_000).filter(|n| n >= &1_000 || n % 3 != 0) {
        let field = Bytes::from(format!("f{n}"));
        assert_eq!(
            seen.get(&field),
            Some(&Bytes::from(n.to_string())),
            "{field:?} stayed throughout and was not returned"
        );
    }
    // MATCH filters fields, values travel with them.
    let (_, flat) = conn
        .run(HScan::new("h", 0).pattern("f1999").count(10_000))
        .unwrap();
    assert_eq!(flat, vec![Bytes::from("f1999"), Bytes::from("1999")]);
}

/// Every field an HSCAN iteration from cursor 0 returns, with the number of pages.
fn hscan_all(conn: &mut embedis::Connection, key: &str, count: usize) -> (BTreeSet<Bytes>, usize) {
    let mut seen = BTreeSet::new();
    let mut cursor = 0;
    let mut pages = 0;
    loop {
        let (next, flat) = conn.run(HScan::new(key, cursor).count(count)).unwrap();
        pages += 1;
        seen.extend(flat.chunks(2).map(|pair| pair[0].clone()));
        if next == 0 {
            return (seen, pages);
        }
        cursor = next;
    }
}

#[test]
fn interleaved_hscans_of_one_hash_each_return_every_field_present_from_their_start() {
    // A large hash keeps a snapshot of its scan order between pages. One iteration must
    // not be served a snapshot built before it started (it would miss a field added in
    // between), and another iteration restarting must not break one under way.
    let engine = Engine::new();
    let mut a = engine.connect();
    let mut b = engine.connect();
    for n in 0..3_000 {
        a.run(HSet::new("h", format!("f{n}"), "v")).unwrap();
    }
    // `a` is two pages in: a snapshot now exists.
    let (cursor_a, first) = a.run(HScan::new("h", 0).count(50)).unwrap();
    let (mut cursor_a, second) = a.run(HScan::new("h", cursor_a).count(50)).unwrap();
    let mut seen_a: BTreeSet<Bytes> = first.chunks(2).map(|p| p[0].clone()).collect();
    seen_a.extend(second.chunks(2).map(|p| p[0].clone()));
    // A field arrives, then `b` starts its own iteration and must see it.
    a.run(HSet::new("h", "late", "v")).unwrap();
    let (seen_b, pages_b) = hscan_all(&mut b, "h", 50);
    assert!(pages_b > 10, "paged ({pages_b} pages)");
    assert!(
        seen_b.contains(&Bytes::from("late")),
        "a field added before the start"
    );
    assert_eq!(seen_b.len(), 3_001);
    // `a` goes on after `b` restarted and finished: it still returns every original field.
    while cursor_a != 0 {
        let (next, flat) = a.run(HScan::new("h", cursor_a).count(50)).unwrap();
        seen_a.extend(flat.chunks(2).map(|p| p[0].clone()));
        cursor_a = next;
    }
    for n in 0..3_000 {
        assert!(
            seen_a.contains(&Bytes::from(format!("f{n}"))),
            "f{n} missed"
        );
    }
    // A fresh iteration after deletions returns exactly what is left.
    for n in 0..1_500 {
        a.run(HDel::new("h", [format!("f{n}")])).unwrap();
    }
    let (seen, _) = hscan_all(&mut a, "h", 7);
    assert_eq!(seen.len(), 1_501);
}

#[test]
fn a_token_bucket_kept_in_a_hash_by_an_atomic_closure() {
    // The classic Lua token bucket (HMGET tokens, ts; refill; HSET), in-process.
    let engine = Engine::new();
    let take = |now_ms: i64| {
        engine
            .atomically(move |db| -> Result<bool, Error> {
                let state = db.run(HMGet::new("bucket", ["tokens", "ts"]))?;
                let number = |value: &Option<Bytes>, default: i64| {
                    value
                        .as_ref()
                        .and_then(|v| std::str::from_utf8(v).ok()?.parse().ok())
                        .unwrap_or(default)
                };
                let (capacity, per_second) = (5, 1);
                let tokens = number(&state[0], capacity);
                let last = number(&state[1], now_ms);
                let refilled = (tokens + (now_ms - last) * per_second / 1000).min(capacity);
                let allowed = refilled > 0;
                let left = if allowed { refilled - 1 } else { refilled };
                db.run(
                    HSet::new("bucket", "tokens", left.to_string()).field("ts", now_ms.to_string()),
                )?;
                Ok(allowed)
            })
            .expect("the closure runs")
            .expect("no command fails")
    };
    let burst: Vec<bool> = (0..7).map(|_| take(0)).collect();
    assert_eq!(burst, [true, true, true, true, true, false, false]);
    assert!(!take(500), "half a second refills nothing");
    assert!(take(2_000), "two seconds refill");
    let mut conn = engine.connect();
    assert_eq!(
        conn.run(HGet::new("bucket", "tokens")).unwrap(),
        Some(Bytes::from("0"))
    );
}
