//! INFO: what it reports is true of the engine (under `ManualClock`, exactly), and every
//! field it names is one redis-server 7.0 names in the same section.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use embedis::{Engine, ManualClock, Protocol, Reply};

/// INFO's text as sections of `field -> value`.
fn sections(text: &[u8]) -> BTreeMap<String, BTreeMap<String, String>> {
    let text = String::from_utf8_lossy(text);
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current = String::new();
    for line in text.split("\r\n") {
        if let Some(name) = line.strip_prefix("# ") {
            current = name.to_string();
            out.entry(current.clone()).or_default();
        } else if let Some((field, value)) = line.split_once(':') {
            out.entry(current.clone())
                .or_default()
                .insert(field.to_string(), value.to_string());
        }
    }
    out
}

fn info(
    conn: &mut embedis::Connection,
    args: &[&str],
) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut argv = vec!["INFO"];
    argv.extend_from_slice(args);
    match conn.call(argv).expect("info") {
        Reply::Verbatim(text) => sections(&text),
        other => panic!("INFO replied {other:?}"),
    }
}

#[test]
fn keyspace_clients_stats_and_uptime_follow_the_engine() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    let _other = engine.connect();
    conn.call(["SET", "a", "1"]).unwrap();
    conn.call(["SET", "b", "2", "PX", "1000"]).unwrap();
    conn.call(["SET", "c", "3", "PX", "3000"]).unwrap();
    conn.call(["SELECT", "3"]).unwrap();
    conn.call(["SET", "x", "1"]).unwrap();
    conn.call(["SELECT", "0"]).unwrap();
    let all = info(&mut conn, &[]);
    assert_eq!(all["Keyspace"]["db0"], "keys=3,expires=2,avg_ttl=2000");
    assert_eq!(all["Keyspace"]["db3"], "keys=1,expires=0,avg_ttl=0");
    assert_eq!(all["Clients"]["connected_clients"], "2");
    assert_eq!(all["Server"]["redis_version"], "7.0.15");
    assert_eq!(all["Server"]["uptime_in_seconds"], "0");
    assert_eq!(all["Replication"]["role"], "master");
    assert_eq!(all["Stats"]["expired_keys"], "0");
    let before: u64 = all["Stats"]["total_commands_processed"].parse().unwrap();

    clock.advance(Duration::from_millis(1500));
    conn.call(["GET", "b"]).unwrap(); // expires it
    let later = info(&mut conn, &["server", "STATS", "keyspace"]);
    assert_eq!(
        later.keys().collect::<Vec<_>>(),
        ["Keyspace", "Server", "Stats"]
    );
    assert_eq!(later["Server"]["uptime_in_seconds"], "1");
    assert_eq!(later["Stats"]["expired_keys"], "1");
    assert_eq!(later["Keyspace"]["db0"], "keys=2,expires=1,avg_ttl=1500");
    let after: u64 = later["Stats"]["total_commands_processed"].parse().unwrap();
    assert_eq!(after, before + 2, "the GET and this INFO");
    drop(_other);
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(
        info(&mut conn, &["clients"])["Clients"]["connected_clients"],
        "1"
    );
}

#[test]
fn unknown_sections_give_empty_text_and_resp3_a_verbatim_string() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(
        conn.call(["INFO", "nosuch"]).unwrap(),
        Reply::Verbatim("".into())
    );
    assert_eq!(
        Reply::Verbatim("a:1\r\n".into()).to_resp(Protocol::Resp3),
        b"=9\r\ntxt:a:1\r\n\r\n"
    );
    assert_eq!(
        Reply::Verbatim("a:1\r\n".into()).to_resp(Protocol::Resp2),
        b"$5\r\na:1\r\n\r\n"
    );
    let subscribed = engine.subscriber();
    subscribed.subscribe(["news"]).unwrap();
    subscribed.psubscribe(["n*"]).unwrap();
    let stats = info(&mut conn, &["stats"]);
    assert_eq!(stats["Stats"]["pubsub_channels"], "1");
    assert_eq!(stats["Stats"]["pubsub_patterns"], "1");
}

#[test]
fn every_field_is_one_redis_server_reports_in_the_same_section() {
    let Some(lease) = common::lease() else { return };
    let mut pair = lease.fresh_pair();
    pair.call(0, &common::words("SET k v EX 100"));
    let (redis, embedis) = pair.call(0, &common::words("INFO everything"));
    let (redis, embedis) = (
        sections(common::bulk(&redis).expect("bulk").0),
        sections(common::bulk(&embedis).expect("bulk").0),
    );
    assert!(embedis.len() >= 8, "{embedis:?}");
    for (section, fields) in &embedis {
        let known = redis
            .get(section)
            .unwrap_or_else(|| panic!("redis-server has no section {section}"));
        for field in fields.keys() {
            if field == "embedis_version" {
                continue;
            }
            assert!(
                known.contains_key(field),
                "redis-server's {section} section has no field {field}"
            );
        }
    }
    // Facts both know the same way.
    for (section, field) in [
        ("Server", "redis_version"),
        ("Server", "redis_mode"),
        ("Replication", "role"),
        ("Keyspace", "db0"),
        ("Cluster", "cluster_enabled"),
    ] {
        let (ours, theirs) = (&embedis[section][field], &redis[section][field]);
        let ours = ours.split(",avg_ttl").next();
        assert_eq!(ours, theirs.split(",avg_ttl").next(), "{section} {field}");
    }
}
