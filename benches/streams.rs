//! Stream benchmarks, embedis and a real redis-server over loopback in the same run:
//!
//! - `xadd/{embedis,redis}_call`: one XADD per round trip.
//! - `xadd_pipeline/{embedis,redis}/100`: 100 XADDs per round trip (typed `Pipeline` for
//!   embedis, one write of 100 encoded commands for redis-server).
//! - `xrange/{embedis,redis}/100`: `XRANGE s - + COUNT 100` over a 10,000-entry stream,
//!   counted in entries.
//! - `xreadgroup_ack/{embedis,redis}/100`: a consumer reads 100 new entries with
//!   XREADGROUP and acknowledges them with one XACK: two round trips per 100 entries,
//!   counted in entries. Entries are added beforehand, outside the timing.
//!
//! Every XADD trims with `MAXLEN ~ 100000` so memory stays flat however long it runs.
//! Run with `cargo bench --bench streams`; a summary with the ratios follows criterion's
//! output. Targets (issue: streams): pipelined XADD and XREADGROUP+XACK >= 10x redis-server.

#[allow(dead_code)] // shared helpers; this suite uses the RESP client and the summary
mod support;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use embedis::cmd::{XAck, XAdd, XGroup, XReadGroup};
use embedis::{Engine, Pipeline};

use support::resp::{encode, RedisServer, RespClient, RespReply};
use support::summary;

const BATCH: u64 = 100;

fn main() {
    summary::mark_start();
    let mut c = support::criterion();
    let redis = match RedisServer::start() {
        Ok(server) => Some(server),
        Err(why) => {
            summary::note(format!("redis-server peer SKIPPED: {why}"));
            None
        }
    };
    xadd(&mut c, redis.as_ref());
    xadd_pipeline(&mut c, redis.as_ref());
    xrange(&mut c, redis.as_ref());
    xreadgroup_ack(&mut c, redis.as_ref());
    c.final_summary();
    summary::print("streams", ratios);
}

fn engine() -> (Engine, embedis::Connection) {
    let engine = Engine::new();
    let conn = engine.connect();
    (engine, conn)
}

fn redis_client(server: &RedisServer) -> RespClient {
    let mut client = RespClient::connect(server.port()).expect("connect to redis-server");
    client.send(&encode(&["FLUSHALL"]));
    client.reply();
    client
}

/// Reads one whole reply (arrays included) and returns the bulk strings in it, in order.
fn read_tree(client: &mut RespClient, out: &mut Vec<Vec<u8>>) {
    match client.reply() {
        RespReply::Array(n) => {
            for _ in 0..n.max(0) {
                read_tree(client, out);
            }
        }
        RespReply::Bulk(data) => out.push(data),
        _ => {}
    }
}

fn xadd(c: &mut Criterion, redis: Option<&RedisServer>) {
    let mut group = c.benchmark_group("xadd");
    group.throughput(Throughput::Elements(1));
    let (_engine, mut conn) = engine();
    group.bench_function("embedis_call", |b| {
        summary::ran("xadd", "embedis_call", None, 1);
        b.iter(|| {
            conn.call(["XADD", "s", "MAXLEN", "~", "100000", "*", "f", "v"])
                .unwrap()
        });
    });
    if let Some(server) = redis {
        let mut client = redis_client(server);
        let command = encode(&["XADD", "s", "MAXLEN", "~", "100000", "*", "f", "v"]);
        group.bench_function("redis_call", |b| {
            summary::ran("xadd", "redis_call", None, 1);
            b.iter(|| {
                client.send(&command);
                client.reply()
            });
        });
    }
    group.finish();
}

fn xadd_pipeline(c: &mut Criterion, redis: Option<&RedisServer>) {
    let mut group = c.benchmark_group("xadd_pipeline");
    group.throughput(Throughput::Elements(BATCH));
    let (_engine, mut conn) = engine();
    group.bench_with_input(BenchmarkId::new("embedis", BATCH), &BATCH, |b, &n| {
        summary::ran("xadd_pipeline", "embedis", Some(n), n);
        b.iter(|| {
            let mut pipeline = Pipeline::new();
            for _ in 0..n {
                pipeline.add(XAdd::new("s", [("f", "v")]).max_len(100_000, true));
            }
            pipeline.execute_once(&mut conn).unwrap()
        });
    });
    if let Some(server) = redis {
        let mut client = redis_client(server);
        let batch: Vec<u8> = (0..BATCH)
            .flat_map(|_| encode(&["XADD", "s", "MAXLEN", "~", "100000", "*", "f", "v"]))
            .collect();
        group.bench_with_input(BenchmarkId::new("redis", BATCH), &BATCH, |b, &n| {
            summary::ran("xadd_pipeline", "redis", Some(n), n);
            b.iter(|| {
                client.send(&batch);
                for _ in 0..n {
                    client.reply();
                }
            });
        });
    }
    group.finish();
}

fn xrange(c: &mut Criterion, redis: Option<&RedisServer>) {
    let mut group = c.benchmark_group("xrange");
    group.throughput(Throughput::Elements(BATCH));
    let (_engine, mut conn) = engine();
    for chunk in 0..100 {
        let mut pipeline = Pipeline::new();
        for i in 0..100 {
            let id = format!("{}-0", chunk * 100 + i + 1);
            pipeline.cmd(["XADD", "r", &id, "user", "42", "action", "click"]);
        }
        pipeline.execute_once(&mut conn).unwrap();
    }
    group.bench_with_input(BenchmarkId::new("embedis", BATCH), &BATCH, |b, &n| {
        summary::ran("xrange", "embedis", Some(n), n);
        b.iter(|| {
            conn.call(["XRANGE", "r", "5000", "+", "COUNT", "100"])
                .unwrap()
        });
    });
    if let Some(server) = redis {
        let mut client = redis_client(server);
        for chunk in 0..100 {
            let mut batch = Vec::new();
            for i in 0..100 {
                let id = format!("{}-0", chunk * 100 + i + 1);
                batch.extend(encode(&["XADD", "r", &id, "user", "42", "action", "click"]));
            }
            client.send(&batch);
            for _ in 0..100 {
                client.reply();
            }
        }
        let command = encode(&["XRANGE", "r", "5000", "+", "COUNT", "100"]);
        group.bench_with_input(BenchmarkId::new("redis", BATCH), &BATCH, |b, &n| {
            summary::ran("xrange", "redis", Some(n), n);
            b.iter(|| {
                client.send(&command);
                let mut bulks = Vec::with_capacity(300);
                read_tree(&mut client, &mut bulks);
                bulks
            });
        });
    }
    group.finish();
}

fn xreadgroup_ack(c: &mut Criterion, redis: Option<&RedisServer>) {
    let mut group = c.benchmark_group("xreadgroup_ack");
    group.throughput(Throughput::Elements(BATCH));
    let (_engine, mut conn) = engine();
    conn.run(XGroup::create("q", "g", None, true)).unwrap();
    group.bench_with_input(BenchmarkId::new("embedis", BATCH), &BATCH, |b, &n| {
        summary::ran("xreadgroup_ack", "embedis", Some(n), n);
        b.iter_custom(|iters| {
            // Enough entries for every read of this sample, added untimed.
            for _ in 0..iters {
                let mut pipeline = Pipeline::new();
                for _ in 0..n {
                    pipeline.add(XAdd::new("q", [("job", "x")]));
                }
                pipeline.execute_once(&mut conn).unwrap();
            }
            let start = Instant::now();
            for _ in 0..iters {
                let read = conn
                    .run(XReadGroup::new("g", "c", ["q"]).count(n as usize))
                    .unwrap();
                let ids: Vec<_> = read
                    .into_iter()
                    .flat_map(|(_, e)| e)
                    .map(|e| e.id)
                    .collect();
                assert_eq!(ids.len(), n as usize);
                conn.run(XAck::new("q", "g", ids)).unwrap();
            }
            let elapsed = start.elapsed();
            // Keep the stream small between samples (untimed).
            conn.call(["XTRIM", "q", "MAXLEN", "0"]).unwrap();
            elapsed
        });
    });
    if let Some(server) = redis {
        let mut client = redis_client(server);
        client.send(&encode(&["XGROUP", "CREATE", "q", "g", "$", "MKSTREAM"]));
        client.reply();
        let add: Vec<u8> = (0..BATCH)
            .flat_map(|_| encode(&["XADD", "q", "*", "job", "x"]))
            .collect();
        let read = encode(&[
            "XREADGROUP",
            "GROUP",
            "g",
            "c",
            "COUNT",
            "100",
            "STREAMS",
            "q",
            ">",
        ]);
        group.bench_with_input(BenchmarkId::new("redis", BATCH), &BATCH, |b, &n| {
            summary::ran("xreadgroup_ack", "redis", Some(n), n);
            b.iter_custom(|iters| {
                for _ in 0..iters {
                    client.send(&add);
                    for _ in 0..n {
                        client.reply();
                    }
                }
                let mut elapsed = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    client.send(&read);
                    let mut bulks = Vec::new();
                    read_tree(&mut client, &mut bulks);
                    // [key, id, f, v, id, f, v, ...]: every third after the key is an ID.
                    let ids: Vec<String> = bulks[1..]
                        .chunks(3)
                        .map(|chunk| String::from_utf8_lossy(&chunk[0]).into_owned())
                        .collect();
                    assert_eq!(ids.len(), n as usize);
                    let mut ack = vec!["XACK", "q", "g"];
                    ack.extend(ids.iter().map(String::as_str));
                    client.send(&encode(&ack));
                    client.reply();
                    elapsed += start.elapsed();
                }
                client.send(&encode(&["XTRIM", "q", "MAXLEN", "0"]));
                client.reply();
                elapsed
            });
        });
    }
    group.finish();
}

fn ratios(f: &summary::Figures, out: &mut String) {
    let _ = writeln!(out, "\nembedis / redis-server (same run)");
    type Row<'a> = (&'a str, &'a str, &'a str, Option<u64>, Option<f64>);
    let rows: [Row; 4] = [
        ("xadd", "embedis_call", "redis_call", None, None),
        ("xadd_pipeline", "embedis", "redis", Some(BATCH), Some(10.0)),
        ("xrange", "embedis", "redis", Some(BATCH), None),
        (
            "xreadgroup_ack",
            "embedis",
            "redis",
            Some(BATCH),
            Some(10.0),
        ),
    ];
    for (group, ours, theirs, param, target) in rows {
        let (Some(a), Some(b)) = (f.get(group, ours, param), f.get(group, theirs, param)) else {
            continue;
        };
        let ratio = a.ops_per_sec() / b.ops_per_sec();
        let verdict = target.map_or(String::new(), |t| {
            format!("  target >= {t}x: {}", summary::verdict(ratio >= t))
        });
        let _ = writeln!(
            out,
            "  {group:<16} {:>10}/s vs {:>10}/s = {ratio:>6.2}x{verdict}",
            summary::si(a.ops_per_sec()),
            summary::si(b.ops_per_sec()),
        );
    }
}
