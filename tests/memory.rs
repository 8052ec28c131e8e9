//! MEMORY STATS and DOCTOR: redis-server's fields in its order, and figures that add up.
//! (MEMORY USAGE is compared with redis-server byte for byte in tests/differential.rs.)

mod common;

use common::plain::V;
use common::words;
use embedis::{Engine, Reply};

/// A flat field/value array (RESP2's form of MEMORY STATS' map) as pairs.
fn pairs(value: &V) -> Vec<(String, V)> {
    value
        .arr()
        .chunks(2)
        .map(|pair| (pair[0].text(), pair[1].clone()))
        .collect()
}

fn names(fields: &[(String, V)]) -> Vec<String> {
    fields.iter().map(|(name, _)| name.clone()).collect()
}

fn field<'a>(fields: &'a [(String, V)], name: &str) -> &'a V {
    &fields
        .iter()
        .find(|(field, _)| field == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .1
}

#[test]
fn stats_names_redis_servers_fields_in_its_order_with_its_table_overheads() {
    let Some(lease) = common::lease() else { return };
    let mut pair = lease.fresh_pair();
    for line in [
        "SET a 1",
        "SET b hello",
        "RPUSH list x y z",
        "SELECT 3",
        "SET c 1",
        "SET d 1 PX 100000000",
        "SELECT 0",
    ] {
        pair.call(0, &words(line));
    }
    let (redis, embedis) = pair.call(0, &words("MEMORY STATS"));
    let (redis, embedis) = (pairs(&V::parse(&redis).0), pairs(&V::parse(&embedis).0));
    assert_eq!(names(&embedis), names(&redis));
    for db in ["db.0", "db.3"] {
        // redis-server's table overhead is a formula of the key counts: the same here.
        assert_eq!(field(&embedis, db), field(&redis, db), "{db}");
    }
    assert_eq!(field(&embedis, "keys.count"), field(&redis, "keys.count"));
}

#[test]
fn stats_add_up_every_keys_usage() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let keys = ["s", "n", "list", "hash", "zset", "stream"];
    for line in [
        "SET s hello",
        "SET n 42",
        "RPUSH list a b c",
        "HSET hash f v",
        "ZADD zset 1 m",
        "XADD stream 1-1 f v",
    ] {
        conn.call(line.split(' ')).expect("write");
    }
    let usage: i64 = keys
        .iter()
        .map(
            |key| match conn.call(["MEMORY", "USAGE", key]).expect("usage") {
                Reply::Integer(bytes) => bytes,
                other => panic!("{other:?}"),
            },
        )
        .sum();
    let stats = pairs(&V::of(&conn.call(["MEMORY", "STATS"]).expect("stats")));
    let int = |name: &str| field(&stats, name).int();
    // Each key's usage is its value, its name and its table entry; the dataset is the
    // first two, the overhead the entries, the tables' buckets and the objects.
    assert_eq!(int("dataset.bytes"), usage - 6 * 24);
    assert_eq!(int("overhead.total"), 6 * 24 + 8 * 8 + 6 * 16);
    assert_eq!(
        int("total.allocated"),
        int("dataset.bytes") + int("overhead.total")
    );
    assert_eq!(int("keys.count"), 6);
    assert_eq!(int("keys.bytes-per-key"), int("total.allocated") / 6);
    assert_eq!(
        pairs(field(&stats, "db.0")),
        pairs(&V::Arr(vec![
            V::Str(b"overhead.hashtable.main".to_vec()),
            V::Int(304),
            V::Str(b"overhead.hashtable.expires".to_vec()),
            V::Int(0),
            V::Str(b"overhead.hashtable.slot-to-keys".to_vec()),
            V::Int(0),
        ]))
    );
}

#[test]
fn doctor_judges_an_instance_past_five_megabytes() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let doctor = |conn: &mut embedis::Connection| match conn.call(["MEMORY", "DOCTOR"]) {
        Ok(Reply::Verbatim(text)) => String::from_utf8(text.to_vec()).expect("text"),
        other => panic!("{other:?}"),
    };
    assert!(doctor(&mut conn).starts_with("Hi Sam, this instance is empty"));
    let megabyte = "x".repeat(1 << 20);
    for n in 0..6 {
        conn.call(["SET", &format!("big{n}"), &megabyte])
            .expect("set");
    }
    assert_eq!(
        doctor(&mut conn),
        "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n"
    );
    #[cfg(feature = "lua")]
    {
        for n in 0..1001 {
            conn.call(["SCRIPT", "LOAD", &format!("return {n}")])
                .expect("load");
        }
        let report = doctor(&mut conn);
        assert!(report.contains(" * Many scripts: "), "{report}");
        assert!(report.ends_with("I'm here to keep you safe, Sam. I want to help you.\n"));
    }
}
