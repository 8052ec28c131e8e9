//! Whole SCAN-family iterations: SCAN over 100,000 keys, and HSCAN, SSCAN and ZSCAN over
//! one collection of 100,000 members, `COUNT 10` (Redis's default), from cursor 0 until
//! the cursor comes back to 0. One iteration of the benchmark is one whole iteration of the
//! command: 10,000 calls, each one round trip through a `Connection`.
//!
//! What it shows: a page costs a binary search and COUNT steps in a sorted snapshot of the
//! scan order (`src/store/scan_order.rs`), so a whole iteration is O(n log n). Before the
//! snapshot, each page passed over the whole collection: measured once on this machine
//! (2026-11-27, release build, the same data), a whole HSCAN took 9.5 s, SSCAN 21.8 s,
//! ZSCAN 17.5 s.
//!
//! Run with `cargo bench --bench scans` (about a minute after the build).

#[allow(dead_code)] // shared helpers; this suite uses the placement and the summary
mod support;

use std::time::Duration;

use bytes::Bytes;
use criterion::Throughput;
use embedis::{Connection, Engine, Reply};

use support::affinity;
use support::summary;

const MEMBERS: usize = 100_000;

fn main() {
    summary::mark_start();
    let mut c = support::criterion();
    let placement = affinity::init_noted_for_executor();
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(conn.call(["PING"]).unwrap(), Reply::Status("PONG".into()));
    affinity::pin_executor_noted(placement);
    fill(&mut conn);

    let mut group = c.benchmark_group("scan_whole");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Elements(MEMBERS as u64));
    for (name, prefix) in [
        ("scan", vec!["SCAN"]),
        ("hscan", vec!["HSCAN", "h"]),
        ("sscan", vec!["SSCAN", "s"]),
        ("zscan", vec!["ZSCAN", "z"]),
    ] {
        // Every member once (SCAN also meets the three collections' keys).
        let expected = if name == "scan" { MEMBERS + 3 } else { MEMBERS };
        assert_eq!(iterate(&mut conn, &prefix), expected, "{name}");
        summary::ran("scan_whole", name, None, MEMBERS as u64);
        group.bench_function(name, |b| b.iter(|| iterate(&mut conn, &prefix)));
    }
    group.finish();

    c.final_summary();
    summary::print("scans", |_, _| {});
}

/// 100,000 string keys `key:<n>` (SCAN), and the hash `h`, set `s` and sorted set `z` of
/// 100,000 members each.
fn fill(conn: &mut Connection) {
    for chunk in (0..MEMBERS).collect::<Vec<_>>().chunks(10_000) {
        let mut mset = vec!["MSET".to_string()];
        let mut hset = vec!["HSET".to_string(), "h".to_string()];
        let mut sadd = vec!["SADD".to_string(), "s".to_string()];
        let mut zadd = vec!["ZADD".to_string(), "z".to_string()];
        for n in chunk {
            mset.extend([format!("key:{n}"), "v".to_string()]);
            hset.extend([format!("f:{n}"), "v".to_string()]);
            sadd.push(format!("m:{n}"));
            zadd.extend([n.to_string(), format!("m:{n}")]);
        }
        for line in [mset, hset, sadd, zadd] {
            let reply = conn.call(line.iter().map(String::as_str)).unwrap();
            assert!(!reply.is_error(), "{reply:?}");
        }
    }
}

/// One whole iteration of `prefix cursor COUNT 10`; returns how many members it saw
/// (field-value pairs counted once).
fn iterate(conn: &mut Connection, prefix: &[&str]) -> usize {
    let pairs = matches!(prefix[0], "HSCAN" | "ZSCAN");
    let mut cursor = Bytes::from_static(b"0");
    let mut seen = 0;
    loop {
        let mut line: Vec<Bytes> = prefix
            .iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect();
        line.extend([
            cursor,
            Bytes::from_static(b"COUNT"),
            Bytes::from_static(b"10"),
        ]);
        let Reply::Array(parts) = conn.call(line).unwrap() else {
            panic!("a page is an array")
        };
        let mut parts = parts.into_iter();
        let (Some(Reply::Bulk(next)), Some(Reply::Array(items))) = (parts.next(), parts.next())
        else {
            panic!("a page is [cursor, items]")
        };
        seen += if pairs { items.len() / 2 } else { items.len() };
        if next.as_ref() == b"0" {
            return seen;
        }
        cursor = next;
    }
}
