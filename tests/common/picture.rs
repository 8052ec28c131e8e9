//! A picture of an engine's data, to compare two engines that should hold the same (an
//! append-only file and the engine replayed from it): every key with its type, value and
//! deadline; every hash's fields in its order; every sorted set's members and scores; every list; every set's members; every stream with its entries, metadata,
//! groups, pending entries with owners, delivery times and counts, and its consumers' names
//! and pending counts.

use embedis::{Engine, Reply};

fn text(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.to_resp(embedis::Protocol::Resp3)).into_owned()
}

/// Everything observable about the data, as text: databases in order, keys in order.
pub fn picture(engine: &Engine) -> String {
    let mut conn = engine.connect();
    conn.call(["HELLO", "3"]).expect("hello");
    let mut out = String::new();
    for db in 0..16 {
        let db = db.to_string();
        assert_eq!(conn.call(["SELECT", &db]).expect("select"), Reply::OK);
        let keys = database_picture(&mut conn);
        if !keys.is_empty() {
            out.push_str(&format!("database {db}:\n{keys}"));
        }
    }
    out
}

/// [`picture`] of the database `conn` has selected.
fn database_picture(conn: &mut embedis::Connection) -> String {
    let Reply::Array(keys) = conn.call(["KEYS", "*"]).expect("keys") else {
        panic!("KEYS is an array");
    };
    let mut keys: Vec<String> = keys
        .iter()
        .map(|key| match key {
            Reply::Bulk(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            other => panic!("{other:?}"),
        })
        .collect();
    keys.sort();
    let mut out = String::new();
    for key in keys {
        let kind = text(&conn.call(["TYPE", &key]).expect("type"));
        let ttl = text(&conn.call(["PEXPIRETIME", &key]).expect("pexpiretime"));
        out.push_str(&format!("{key} {kind} {ttl}\n"));
        if kind.contains("string") {
            out.push_str(&text(&conn.call(["GET", &key]).expect("get")));
            continue;
        }
        if kind.contains("hash") {
            // In the hash's own order: a replay rebuilds it in the same order.
            out.push_str(&text(&conn.call(["HGETALL", &key]).expect("hgetall")));
            continue;
        }
        if kind.contains("set") && !kind.contains("zset") {
            // A hash-table set's order is its own: sorted here.
            let Reply::Set(mut members) = conn.call(["SMEMBERS", &key]).expect("smembers") else {
                panic!("SMEMBERS replies a set in RESP3");
            };
            members.sort_by_key(text);
            out.push_str(&text(&Reply::Array(members)));
            continue;
        }
        if kind.contains("list") {
            out.push_str(&text(
                &conn.call(["LRANGE", &key, "0", "-1"]).expect("lrange"),
            ));
            continue;
        }
        if kind.contains("zset") {
            let members = conn.call(["ZRANGE", &key, "0", "-1", "WITHSCORES"]);
            out.push_str(&text(&members.expect("zrange")));
            continue;
        }
        out.push_str(&text(
            &conn.call(["XRANGE", &key, "-", "+"]).expect("xrange"),
        ));
        let info = conn.call(["XINFO", "STREAM", &key]).expect("xinfo");
        out.push_str(&text(&info));
        let groups = conn.call(["XINFO", "GROUPS", &key]).expect("groups");
        out.push_str(&text(&groups));
        let Reply::Array(groups) = groups else {
            continue;
        };
        for group in groups {
            let Reply::Map(fields) = group else { continue };
            let Some((_, Reply::Bulk(name))) = fields.first() else {
                continue;
            };
            let name = String::from_utf8_lossy(name).into_owned();
            let pending = conn
                .call(["XPENDING", &key, &name, "-", "+", "1000"])
                .expect("xpending");
            out.push_str(&text(&pending));
            let Reply::Array(consumers) = conn
                .call(["XINFO", "CONSUMERS", &key, &name])
                .expect("consumers")
            else {
                continue;
            };
            for consumer in consumers {
                // Names and pending counts; seen/active times restart at the replay, as on
                // Redis.
                if let Reply::Map(fields) = consumer {
                    for (field, value) in fields {
                        if matches!(&field, Reply::Bulk(f) if f.as_ref() == b"name" || f.as_ref() == b"pending")
                        {
                            out.push_str(&text(&value));
                        }
                    }
                }
            }
        }
    }
    out
}
