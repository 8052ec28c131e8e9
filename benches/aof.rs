//! Durability benchmarks: XADD throughput with an append-only file under each fsync policy,
//! embedis against a real redis-server with the same `appendfsync`, files on the same disk
//! (the system temp directory), in the same run.
//!
//! - `aof_call/<target>/<policy>`: one client, one XADD per round trip. Under `always`
//!   every reply waits for an fsync on both sides.
//! - `aof_clients/<target>/<policy>`: 16 client threads, each doing XADD round trips; the
//!   throughput of all of them together. This is where group commit pays: embedis fsyncs
//!   once per executor batch, whatever the batch holds.
//!
//! `<policy>` is `always`, `everysec`, `no`, and for embedis also `off` (no file): the
//! baseline of the everysec overhead target. Targets (issue: durable streams): >= 10x
//! redis-server under `always`; <= 10 % overhead under `everysec` versus no persistence.
//! Run with `cargo bench --bench aof`.

#[allow(dead_code)] // shared helpers; this suite uses the RESP client and the summary
mod support;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use embedis::{Engine, Fsync};

use support::resp::{encode, RedisServer, RespClient};
use support::summary;

const CLIENTS: u64 = 16;
const XADD: [&str; 8] = ["XADD", "s", "MAXLEN", "~", "100000", "*", "f", "v"];

/// The policies, as `appendfsync` names them.
const POLICIES: [(&str, Option<Fsync>); 4] = [
    ("always", Some(Fsync::Always)),
    ("everysec", Some(Fsync::EverySec)),
    ("no", Some(Fsync::No)),
    ("off", None),
];

/// The benchmark name of `target` under `policy` (criterion and the summary want names
/// that live for the whole run).
fn name(target: &str, policy: &str) -> &'static str {
    match (target, policy) {
        ("embedis", "always") => "embedis_always",
        ("embedis", "everysec") => "embedis_everysec",
        ("embedis", "no") => "embedis_no",
        ("embedis", _) => "embedis_off",
        (_, "always") => "redis_always",
        (_, "everysec") => "redis_everysec",
        _ => "redis_no",
    }
}

fn main() {
    summary::mark_start();
    let mut c = support::criterion();
    let dir = std::env::temp_dir().join(format!("embedis-bench-aof-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    for (name, policy) in POLICIES {
        let engine = embedis_engine(&dir, name, policy);
        bench_embedis(&mut c, name, &engine);
        drop(engine);
        if policy.is_some() {
            match RedisServer::start_with(&["--appendonly", "yes", "--appendfsync", name]) {
                Ok(server) => bench_redis(&mut c, name, &server),
                Err(why) => summary::note(format!("redis-server peer SKIPPED: {why}")),
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    c.final_summary();
    summary::print("aof", ratios);
}

fn embedis_engine(dir: &std::path::Path, name: &str, policy: Option<Fsync>) -> Engine {
    let mut builder = Engine::builder();
    if let Some(policy) = policy {
        let path: PathBuf = dir.join(format!("{name}.aof"));
        let _ = std::fs::remove_file(&path);
        builder = builder.append_only(&path, policy);
    }
    builder.try_build().expect("engine")
}

fn bench_embedis(c: &mut Criterion, policy: &'static str, engine: &Engine) {
    let mut group = c.benchmark_group("aof_call");
    group.throughput(Throughput::Elements(1));
    let mut conn = engine.connect();
    group.bench_function(name("embedis", policy), |b| {
        summary::ran("aof_call", name("embedis", policy), None, 1);
        b.iter(|| conn.call(XADD).expect("xadd"));
    });
    group.finish();
    let mut group = c.benchmark_group("aof_clients");
    group.throughput(Throughput::Elements(1));
    group.bench_function(name("embedis", policy), |b| {
        summary::ran("aof_clients", name("embedis", policy), None, 1);
        b.iter_custom(|iters| {
            let per_client = iters.div_ceil(CLIENTS);
            let start = Instant::now();
            std::thread::scope(|scope| {
                for _ in 0..CLIENTS {
                    let mut conn = engine.connect();
                    scope.spawn(move || {
                        for _ in 0..per_client {
                            conn.call(XADD).expect("xadd");
                        }
                    });
                }
            });
            scale(start.elapsed(), iters, per_client * CLIENTS)
        });
    });
    group.finish();
}

fn bench_redis(c: &mut Criterion, policy: &'static str, server: &RedisServer) {
    let command = encode(&XADD);
    let mut group = c.benchmark_group("aof_call");
    group.throughput(Throughput::Elements(1));
    let mut client = RespClient::connect(server.port()).expect("connect");
    group.bench_function(name("redis", policy), |b| {
        summary::ran("aof_call", name("redis", policy), None, 1);
        b.iter(|| {
            client.send(&command);
            client.reply()
        });
    });
    group.finish();
    let mut group = c.benchmark_group("aof_clients");
    group.throughput(Throughput::Elements(1));
    let mut clients: Vec<RespClient> = (0..CLIENTS)
        .map(|_| RespClient::connect(server.port()).expect("connect"))
        .collect();
    group.bench_function(name("redis", policy), |b| {
        summary::ran("aof_clients", name("redis", policy), None, 1);
        b.iter_custom(|iters| {
            let per_client = iters.div_ceil(CLIENTS);
            let start = Instant::now();
            std::thread::scope(|scope| {
                for client in clients.iter_mut() {
                    let command = &command;
                    scope.spawn(move || {
                        for _ in 0..per_client {
                            client.send(command);
                            client.reply();
                        }
                    });
                }
            });
            scale(start.elapsed(), iters, per_client * CLIENTS)
        });
    });
    group.finish();
}

/// The time `iters` operations took, from the time `done` (>= iters) took.
fn scale(elapsed: Duration, iters: u64, done: u64) -> Duration {
    elapsed.mul_f64(iters as f64 / done.max(1) as f64)
}

fn ratios(f: &summary::Figures, out: &mut String) {
    let _ = writeln!(out, "\nembedis / redis-server, same appendfsync (same run)");
    for group in ["aof_call", "aof_clients"] {
        for policy in ["always", "everysec", "no"] {
            let (Some(a), Some(b)) = (
                f.get(group, name("embedis", policy), None),
                f.get(group, name("redis", policy), None),
            ) else {
                continue;
            };
            let ratio = a.ops_per_sec() / b.ops_per_sec();
            let verdict = if policy == "always" {
                format!("  target >= 10x: {}", summary::verdict(ratio >= 10.0))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {group:<12} {policy:<9} {:>10}/s vs {:>10}/s = {ratio:>7.2}x{verdict}",
                summary::si(a.ops_per_sec()),
                summary::si(b.ops_per_sec()),
            );
        }
    }
    let _ = writeln!(out, "\nembedis everysec overhead versus no file");
    for group in ["aof_call", "aof_clients"] {
        let (Some(sec), Some(off)) = (
            f.get(group, "embedis_everysec", None),
            f.get(group, "embedis_off", None),
        ) else {
            continue;
        };
        let overhead = (off.ops_per_sec() / sec.ops_per_sec() - 1.0) * 100.0;
        let _ = writeln!(
            out,
            "  {group:<12} {:>10}/s vs {:>10}/s = {overhead:>+6.1} %  target <= 10 %: {}",
            summary::si(sec.ops_per_sec()),
            summary::si(off.ops_per_sec()),
            summary::verdict(overhead <= 10.0),
        );
    }
}
