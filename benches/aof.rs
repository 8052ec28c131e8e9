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

use support::affinity::{self, Placement};
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
    // One client: the bench thread on one CPU, the executor (or redis-server) on the other,
    // as in the other suites. Sixteen clients: everything may run anywhere again, or the
    // sixteen threads, which inherit the bench thread's CPU, would share one.
    let placement = affinity::init_noted(|p| {
        format!(
            "placement: one client pinned to CPU {}, executor / redis-server to CPU {}; \
                 16 clients unpinned",
            p.bench, p.peer
        )
    });
    let dir = std::env::temp_dir().join(format!("embedis-bench-aof-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    for (name, policy) in POLICIES {
        let engine = embedis_engine(&dir, name, policy);
        bench_embedis(&mut c, name, &engine, placement);
        drop(engine);
        if policy.is_some() {
            match RedisServer::start_with(&["--appendonly", "yes", "--appendfsync", name]) {
                Ok(server) => bench_redis(&mut c, name, &server, placement),
                Err(why) => summary::note(format!("redis-server peer SKIPPED: {why}")),
            }
        }
    }
    paired_overhead(&dir, placement);
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

/// Pins (or unpins) the bench thread and `peer` for the one-client benchmarks.
fn place(placement: Option<Placement>, one_client: bool, peer: impl Fn(String)) {
    let Some(p) = placement else {
        return;
    };
    let (bench, other) = if one_client {
        (p.bench.to_string(), p.peer.to_string())
    } else {
        (p.both(), p.both())
    };
    let _ = affinity::pin_current(bench);
    peer(other);
}

fn pin_executor(cpus: String) {
    if let Err(why) = affinity::pin_threads_named("embedis-executor", cpus) {
        summary::note(format!("placement: executor not pinned: {why}"));
    }
}

fn bench_embedis(
    c: &mut Criterion,
    policy: &'static str,
    engine: &Engine,
    placement: Option<Placement>,
) {
    let mut group = c.benchmark_group("aof_call");
    group.throughput(Throughput::Elements(1));
    let mut conn = engine.connect();
    conn.call(["PING"]).expect("ping"); // the executor runs, under its name
    place(placement, true, pin_executor);
    group.bench_function(name("embedis", policy), |b| {
        summary::ran("aof_call", name("embedis", policy), None, 1);
        b.iter(|| conn.call(XADD).expect("xadd"));
    });
    group.finish();
    place(placement, false, pin_executor);
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

fn bench_redis(
    c: &mut Criterion,
    policy: &'static str,
    server: &RedisServer,
    placement: Option<Placement>,
) {
    let pin_server = |cpus: String| {
        if let Err(why) = affinity::pin_process(server.pid(), cpus) {
            summary::note(format!("placement: redis-server not pinned: {why}"));
        }
    };
    place(placement, true, pin_server);
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
    place(placement, false, pin_server);
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

/// Rounds of the paired everysec-overhead measurement, and each engine's slot in a round.
const PAIRED_ROUNDS: usize = 25;
const PAIRED_SLOT: Duration = Duration::from_millis(40);

/// XADDs done in one slot by `clients` client threads (1: the bench thread itself).
fn xadds_in_slot(engine: &Engine, clients: u64) -> u64 {
    let run = |mut conn: embedis::Connection| {
        let started = Instant::now();
        let mut done = 0;
        while started.elapsed() < PAIRED_SLOT {
            for _ in 0..16 {
                conn.call(XADD).expect("xadd");
            }
            done += 16;
        }
        done
    };
    if clients == 1 {
        return run(engine.connect());
    }
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..clients)
            .map(|_| {
                let conn = engine.connect();
                scope.spawn(move || run(conn))
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap_or(0)).sum()
    })
}

/// The everysec overhead, measured paired: engines with no file, `no` and `everysec` take
/// turns in short slots, round after round, and each round's ratio compares slots a few
/// milliseconds apart. On this VM the round-trip cost switches between two levels (about
/// 1.4 and 3.5 µs per XADD) for seconds at a time, whatever runs; benchmarks a minute apart
/// can land on different levels, while slots of one round almost always share one. The
/// median of the rounds' ratios is the figure.
fn paired_overhead(dir: &std::path::Path, placement: Option<Placement>) {
    if std::env::var_os("EMBEDIS_BENCH_PAIRED").is_some_and(|v| v == "0") {
        return;
    }
    let engines: Vec<(&str, Engine)> = [
        ("off", None),
        ("no", Some(Fsync::No)),
        ("everysec", Some(Fsync::EverySec)),
    ]
    .into_iter()
    .map(|(name, policy)| (name, embedis_engine(dir, &format!("paired-{name}"), policy)))
    .collect();
    for clients in [1, CLIENTS] {
        for (_, engine) in &engines {
            engine.connect().call(["PING"]).expect("ping");
        }
        place(placement, clients == 1, pin_executor);
        let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); engines.len()];
        for _ in 0..PAIRED_ROUNDS {
            let counts: Vec<u64> = engines
                .iter()
                .map(|(_, engine)| xadds_in_slot(engine, clients))
                .collect();
            for (i, count) in counts.iter().enumerate() {
                ratios[i].push(counts[0] as f64 / (*count).max(1) as f64);
            }
        }
        for (i, (name, _)) in engines.iter().enumerate().skip(1) {
            let percent = |ratio: f64| (ratio - 1.0) * 100.0;
            let (low, median, high) = summary::quartiles(&mut ratios[i]);
            let (low, median, high) = (percent(low), percent(median), percent(high));
            let verdict = if *name == "everysec" {
                format!("  target <= 10 %: {}", summary::verdict(median <= 10.0))
            } else {
                String::new()
            };
            summary::note(format!(
                "paired, {clients:>2} client(s): {name:<8} overhead vs no file, median of \
                 {PAIRED_ROUNDS} rounds {median:+.1} % (quartiles {low:+.1} .. {high:+.1} %){verdict}"
            ));
        }
    }
    place(placement, false, pin_executor);
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
