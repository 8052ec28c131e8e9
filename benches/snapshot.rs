//! RDB snapshot benchmarks: SAVE of the same dataset on embedis and on a real redis-server,
//! both files in the system temp directory (same disk), in the same run; and what embedis
//! spends of that serializing (`Engine::snapshot`) and loading the file at a start.
//!
//! The dataset: 200,000 strings (`key:<n>` = `value-<n>`) and a stream of 100,000 entries
//! (`n <n> user <n % 1000>`) with a consumer group that has read and holds 1,000 of them.
//!
//! - `snapshot_save/{embedis,redis}`: one SAVE round trip: the file written, synced and
//!   renamed over the previous one.
//! - `snapshot_serialize/embedis`: `Engine::snapshot()`, the file's bytes without the disk.
//! - `snapshot_load/embedis`: an engine built on the file, until its first reply.
//!
//! No target: redis-server's SAVE is a reference, not a bar. Run with
//! `cargo bench --bench snapshot`.

#[allow(dead_code)] // shared helpers; this suite uses the RESP client and the summary
mod support;

use std::fmt::Write as _;
use std::time::Duration;

use criterion::Criterion;
use embedis::{Engine, Pipeline};

use support::resp::{encode, RedisServer, RespClient, RespKind, RespReply};
use support::summary;

const STRINGS: u64 = 200_000;
const ENTRIES: u64 = 100_000;
const PENDING: u64 = 1_000;

/// The dataset's commands, in order.
fn dataset() -> Vec<Vec<String>> {
    let mut lines = Vec::new();
    for n in 0..STRINGS {
        lines.push(vec!["SET".into(), format!("key:{n}"), format!("value-{n}")]);
    }
    for n in 0..ENTRIES {
        lines.push(vec![
            "XADD".into(),
            "events".into(),
            format!("{}-1", n + 1),
            "n".into(),
            n.to_string(),
            "user".into(),
            (n % 1000).to_string(),
        ]);
    }
    lines.push(
        ["XGROUP", "CREATE", "events", "workers", "0"]
            .map(String::from)
            .to_vec(),
    );
    lines.push(
        [
            "XREADGROUP",
            "GROUP",
            "workers",
            "alice",
            "COUNT",
            &PENDING.to_string(),
            "STREAMS",
            "events",
            ">",
        ]
        .map(String::from)
        .to_vec(),
    );
    lines
}

fn main() {
    summary::mark_start();
    let mut c = support::criterion()
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    let dir = std::env::temp_dir().join(format!("embedis-bench-rdb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("dump.rdb");
    let lines = dataset();

    let engine = Engine::builder().snapshot_file(&path).build();
    let mut conn = engine.connect();
    for chunk in lines.chunks(1_000) {
        let mut pipeline = Pipeline::new();
        for line in chunk {
            pipeline.cmd(line.iter().map(String::as_str));
        }
        pipeline.execute(&mut conn).expect("fill");
    }
    let mut group = c.benchmark_group("snapshot_save");
    group.bench_function("embedis", |b| {
        summary::ran("snapshot_save", "embedis", None, 1);
        b.iter(|| conn.call(["SAVE"]).expect("save"));
    });
    group.finish();
    let mut group = c.benchmark_group("snapshot_serialize");
    group.bench_function("embedis", |b| {
        summary::ran("snapshot_serialize", "embedis", None, 1);
        b.iter(|| engine.snapshot().expect("snapshot"));
    });
    group.finish();
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    summary::note(format!("embedis's file: {bytes} bytes"));
    drop(conn);
    drop(engine);
    let mut group = c.benchmark_group("snapshot_load");
    group.bench_function("embedis", |b| {
        summary::ran("snapshot_load", "embedis", None, 1);
        b.iter(|| {
            let engine = Engine::builder().snapshot_file(&path).build();
            engine.connect().call(["DBSIZE"]).expect("dbsize")
        });
    });
    group.finish();

    match RedisServer::start() {
        Ok(server) => bench_redis(&mut c, &server, &lines),
        Err(why) => summary::note(format!("redis-server peer SKIPPED: {why}")),
    }
    let _ = std::fs::remove_dir_all(&dir);
    c.final_summary();
    summary::print("snapshot", ratios);
}

fn bench_redis(c: &mut Criterion, server: &RedisServer, lines: &[Vec<String>]) {
    let mut client = RespClient::connect(server.port()).expect("connect");
    for chunk in lines.chunks(1_000) {
        for line in chunk {
            let argv: Vec<&str> = line.iter().map(String::as_str).collect();
            client.send(&encode(&argv));
        }
        for _ in chunk {
            skip_reply(&mut client);
        }
    }
    let save = encode(&["SAVE"]);
    let mut group = c.benchmark_group("snapshot_save");
    group.bench_function("redis", |b| {
        summary::ran("snapshot_save", "redis", None, 1);
        b.iter(|| {
            client.send(&save);
            client.expect(1, RespKind::Status)
        });
    });
    group.finish();
}

/// Reads one whole reply, an array's elements included.
fn skip_reply(client: &mut RespClient) {
    if let RespReply::Array(len) = client.reply() {
        for _ in 0..len.max(0) {
            skip_reply(client);
        }
    }
}

fn ratios(f: &summary::Figures, out: &mut String) {
    if let (Some(a), Some(b)) = (
        f.get("snapshot_save", "embedis", None),
        f.get("snapshot_save", "redis", None),
    ) {
        let _ = writeln!(
            out,
            "\nSAVE of the same dataset: embedis {:.1} ms, redis-server {:.1} ms: {:.2}x",
            a.ns_per_iter / 1e6,
            b.ns_per_iter / 1e6,
            b.ns_per_iter / a.ns_per_iter
        );
    }
}
