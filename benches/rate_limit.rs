//! Rate-limiting benchmarks: embedis's lock-free `RateLimiter` and `KeyedRateLimiter` next to
//! the governor crate's, in the same run, and the Redis fixed-window idiom
//! (`MULTI; INCR k; EXPIRE k 60 NX; EXEC`) through an embedis `Connection` and against a real
//! redis-server over loopback.
//!
//! `benches/README.md` ("Rate limiting") defines each scenario, its peer and the targets. Run
//! with `cargo bench --bench rate_limit` (about 80 s after the build); a filter such as
//! `cargo bench --bench rate_limit -- keyed` runs one scenario. After the criterion output, a
//! summary prints ns/op, ops/s and the ratios from this run's estimates.

#[allow(dead_code)] // shared with round_trip; not every helper is used here
mod support;

use std::fmt::Write as _;
use std::num::NonZeroU32;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use crossbeam_channel::{bounded, Receiver, Sender};
use embedis::{Engine, KeyedRateLimiter, Pipeline, Quota, RateLimiter, Reply};

use support::affinity::{self, Placement};
use support::resp::{self, RedisServer, RespClient, RespReply};
use support::summary;

/// "Mostly allowed": 10⁹ cells per second (one per ns), burst 10⁹. A check costs far more
/// than 1 ns, so the bucket never runs dry: every check is admitted and writes the state.
const ALLOWED_RATE: u32 = 1_000_000_000;
/// Keyed: 1,000 per second per key with a burst of 10⁹. Every key stays busy (never full
/// again), so all checks are admitted and no key is ever evicted or re-inserted.
const KEYED_RATE: u32 = 1_000;
const KEYED_BURST: u32 = 1_000_000_000;
/// Key counts of the keyed scenario.
const KEY_COUNTS: [u64; 2] = [1, 100_000];
/// Threads on one limiter.
const THREADS: [u64; 2] = [1, 2];

type GovernorDirect = governor::DefaultDirectRateLimiter;
type GovernorKeyed = governor::DefaultKeyedRateLimiter<u64>;

fn main() {
    summary::mark_start();
    let mut c = support::criterion();

    let placement = affinity::init_noted(|p| {
        format!(
            "placement: bench thread pinned to CPU {}, second checking thread / executor / \
                 redis-server to CPU {} (EMBEDIS_BENCH_PIN=0 leaves it to the scheduler)",
            p.bench, p.peer
        )
    });

    direct(&mut c, placement, "check_allowed", allowed_quotas());
    direct(&mut c, placement, "check_refused", refused_quotas());
    keyed(&mut c);
    fixed_window(&mut c, placement);

    c.final_summary();
    summary::print("rate_limit", ratios);
}

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).expect("non-zero")
}

/// The same quota for both peers: `ALLOWED_RATE` per second, burst `ALLOWED_RATE`.
fn allowed_quotas() -> (Quota, governor::Quota) {
    (
        Quota::per_second(ALLOWED_RATE).unwrap(),
        governor::Quota::per_second(nz(ALLOWED_RATE)),
    )
}

/// 1 per hour, burst 1: after the first check, every check is refused.
fn refused_quotas() -> (Quota, governor::Quota) {
    (
        Quota::per_hour(1).unwrap(),
        governor::Quota::per_hour(nz(1)),
    )
}

/// Scenarios (a) and (b): `check()` on one direct limiter from 1 and from 2 threads.
fn direct(
    c: &mut Criterion,
    placement: Option<Placement>,
    group_name: &'static str,
    (quota, gov_quota): (Quota, governor::Quota),
) {
    let allowed = group_name == "check_allowed";
    let mut group = c.benchmark_group(group_name);
    for threads in THREADS {
        group.throughput(Throughput::Elements(threads));

        let ours = Arc::new(RateLimiter::new(quota));
        let theirs: Arc<GovernorDirect> = Arc::new(governor::RateLimiter::direct(gov_quota));
        // Put both in the state the scenario is about, and check that it holds.
        if !allowed {
            assert!(ours.check().is_ok() && theirs.check().is_ok());
        }
        for _ in 0..1000 {
            assert_eq!(ours.check().is_ok(), allowed);
            assert_eq!(theirs.check().is_ok(), allowed);
        }

        let op = {
            let ours = Arc::clone(&ours);
            move || ours.check().is_ok()
        };
        group.bench_function(BenchmarkId::new("embedis", threads), |b| {
            summary::ran(group_name, "embedis", Some(threads), threads);
            run_threads(b, threads, placement, &op);
        });
        let op = {
            let theirs = Arc::clone(&theirs);
            move || theirs.check().is_ok()
        };
        group.bench_function(BenchmarkId::new("governor", threads), |b| {
            summary::ran(group_name, "governor", Some(threads), threads);
            run_threads(b, threads, placement, &op);
        });
        // Still in the intended state after the measurement.
        assert_eq!(ours.check().is_ok(), allowed);
        assert_eq!(theirs.check().is_ok(), allowed);
    }
    group.finish();
}

/// One iteration is one `op()` on each of `threads` threads (1 or 2) at the same time; the
/// time is the wall time until both have done `iters`.
fn run_threads<F>(
    b: &mut criterion::Bencher<'_>,
    threads: u64,
    placement: Option<Placement>,
    op: &F,
) where
    F: Fn() -> bool + Clone + Send + 'static,
{
    if threads == 1 {
        b.iter(op);
        return;
    }
    let helper = Helper::start(op.clone(), placement);
    b.iter_custom(|iters| {
        let barrier = Arc::new(Barrier::new(2));
        helper.go.send((iters, Arc::clone(&barrier))).unwrap();
        barrier.wait();
        let start = Instant::now();
        for _ in 0..iters {
            std::hint::black_box(op());
        }
        helper.done.recv().unwrap();
        start.elapsed()
    });
}

/// A second checking thread, pinned to the peer CPU, that runs `iters` checks on request.
struct Helper {
    go: Sender<(u64, Arc<Barrier>)>,
    done: Receiver<()>,
}

impl Helper {
    fn start<F>(op: F, placement: Option<Placement>) -> Helper
    where
        F: Fn() -> bool + Send + 'static,
    {
        let (go, go_rx) = bounded::<(u64, Arc<Barrier>)>(1);
        let (done_tx, done) = bounded(1);
        thread::Builder::new()
            .name("rate-limit-peer".into())
            .spawn(move || {
                if let Some(p) = placement
                    && let Err(why) = affinity::pin_current(p.peer)
                {
                    summary::note(format!("placement: second thread not pinned: {why}"));
                }
                // Ends when the bench drops `go`.
                for (iters, barrier) in go_rx {
                    barrier.wait();
                    for _ in 0..iters {
                        std::hint::black_box(op());
                    }
                    if done_tx.send(()).is_err() {
                        break;
                    }
                }
            })
            .unwrap();
        Helper { go, done }
    }
}

/// Scenario (c): `check_key` on 1 key and on 100,000 keys (visited in turn), one thread.
fn keyed(c: &mut Criterion) {
    let quota = Quota::per_second(KEYED_RATE)
        .and_then(|q| q.with_burst(KEYED_BURST))
        .unwrap();
    let gov_quota = governor::Quota::per_second(nz(KEYED_RATE)).allow_burst(nz(KEYED_BURST));
    let mut group = c.benchmark_group("keyed");
    group.throughput(Throughput::Elements(1));
    for keys in KEY_COUNTS {
        let ours: KeyedRateLimiter<u64> = KeyedRateLimiter::new(quota);
        let theirs: GovernorKeyed = governor::RateLimiter::keyed(gov_quota);
        // Every key is tracked before measuring, on both sides, and owes 10,000 s (10⁷
        // cells at 1,000/s): no bucket is full again during the run, so none is evicted.
        let prefill = 10_000_000;
        for key in 0..keys {
            assert!(ours.check_key_n(&key, prefill).is_ok());
            assert!(matches!(theirs.check_key_n(&key, nz(prefill)), Ok(Ok(()))));
        }
        assert_eq!(ours.len(), usize::try_from(keys).unwrap());
        assert_eq!(theirs.len(), usize::try_from(keys).unwrap());

        group.bench_function(BenchmarkId::new("embedis", keys), |b| {
            summary::ran("keyed", "embedis", Some(keys), 1);
            let mut key = 0u64;
            b.iter(|| {
                key += 1;
                if key == keys {
                    key = 0;
                }
                ours.check_key(&key).is_ok()
            });
        });
        group.bench_function(BenchmarkId::new("governor", keys), |b| {
            summary::ran("keyed", "governor", Some(keys), 1);
            let mut key = 0u64;
            b.iter(|| {
                key += 1;
                if key == keys {
                    key = 0;
                }
                theirs.check_key(&key).is_ok()
            });
        });
        // No key was evicted or refused meanwhile.
        assert_eq!(ours.len(), usize::try_from(keys).unwrap());
        assert!(ours.check_key(&0).is_ok() && theirs.check_key(&0).is_ok());
    }
    group.finish();
}

/// Scenario (d): the fixed-window idiom, one rate-limit decision per iteration.
fn fixed_window(c: &mut Criterion, placement: Option<Placement>) {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut idiom = Pipeline::new();
    idiom
        .atomic()
        .cmd(["INCR", "k"])
        .cmd(["EXPIRE", "k", "60", "NX"]);
    let replies = idiom.execute(&mut conn).unwrap();
    assert_eq!(replies, vec![Reply::Integer(1), Reply::Integer(1)]);
    let replies = idiom.execute(&mut conn).unwrap();
    assert_eq!(replies, vec![Reply::Integer(2), Reply::Integer(0)]);
    pin_executor(placement);
    let limiter = engine.rate_limiter(allowed_quotas().0);
    assert!(limiter.check().is_ok());

    let mut group = c.benchmark_group("fixed_window");
    group.throughput(Throughput::Elements(1));
    group.bench_function("embedis_multi", |b| {
        summary::ran("fixed_window", "embedis_multi", None, 1);
        b.iter(|| idiom.execute(&mut conn).unwrap());
    });
    group.bench_function("embedis_rate_limiter", |b| {
        summary::ran("fixed_window", "embedis_rate_limiter", None, 1);
        b.iter(|| limiter.check().is_ok());
    });

    match RedisServer::start() {
        Ok(server) => {
            if let Some(p) = placement
                && let Err(why) = affinity::pin_process(server.pid(), p.peer)
            {
                summary::note(format!("placement: redis-server not pinned: {why}"));
            }
            let mut client = RespClient::connect(server.port()).expect("connect to redis-server");
            client.send(&resp::encode(&["FLUSHALL"]));
            assert_eq!(client.reply(), RespReply::Status);
            // The whole transaction in one write, as a pipelining client sends it.
            let mut batch = resp::encode(&["MULTI"]);
            batch.extend(resp::encode(&["INCR", "k"]));
            batch.extend(resp::encode(&["EXPIRE", "k", "60", "NX"]));
            batch.extend(resp::encode(&["EXEC"]));
            assert_eq!(redis_window(&mut client, &batch), (1, 1));
            assert_eq!(redis_window(&mut client, &batch), (2, 0));
            group.bench_function("redis_server", |b| {
                summary::ran("fixed_window", "redis_server", None, 1);
                b.iter(|| redis_window(&mut client, &batch));
            });
            drop(client);
            drop(server); // kills the child by pid and reaps it
        }
        Err(reason) => {
            println!("fixed_window/redis_server: skipped: {reason}");
            summary::note(format!("fixed_window/redis_server: skipped: {reason}"));
        }
    }
    group.finish();
}

/// Sends one MULTI/INCR/EXPIRE/EXEC batch and reads its replies: `(count, expire set)`.
fn redis_window(client: &mut RespClient, batch: &[u8]) -> (i64, i64) {
    client.send(batch);
    for _ in 0..3 {
        assert_eq!(client.reply(), RespReply::Status); // +OK, +QUEUED, +QUEUED
    }
    assert_eq!(client.reply(), RespReply::Array(2));
    match (client.reply(), client.reply()) {
        (RespReply::Integer(count), RespReply::Integer(set)) => (count, set),
        other => panic!("unexpected EXEC reply {other:?}"),
    }
}

fn pin_executor(placement: Option<Placement>) {
    if let Some(p) = placement
        && let Err(why) = affinity::pin_threads_named("embedis-executor", p.peer)
    {
        summary::note(format!("placement: executor not pinned: {why}"));
    }
}

/// The rate-limit ratios and targets (benches/README.md, "Rate limiting").
fn ratios(f: &summary::Figures, out: &mut String) {
    let _ = writeln!(
        out,
        "\nembedis / governor, time per check (target: <= 1.00x)"
    );
    let pairs = [
        ("check_allowed", THREADS.as_slice(), "threads"),
        ("check_refused", THREADS.as_slice(), "threads"),
        ("keyed", KEY_COUNTS.as_slice(), "keys"),
    ];
    for (group, params, unit) in pairs {
        for &param in params {
            if let (Some(ours), Some(theirs)) = (
                f.get(group, "embedis", Some(param)),
                f.get(group, "governor", Some(param)),
            ) {
                let ratio = ours.ns_per_op() / theirs.ns_per_op();
                let _ = writeln!(
                    out,
                    "  {group:<14} {param:>7} {unit:<8} {:>8.1} ns vs {:>8.1} ns = {ratio:>5.2}x  {}",
                    ours.ns_per_op(),
                    theirs.ns_per_op(),
                    summary::verdict(ratio <= 1.0)
                );
            }
        }
    }

    let _ = writeln!(
        out,
        "\nfixed window: redis-server idiom / embedis (target: RateLimiter >= 100x)"
    );
    if let Some(redis) = f.get("fixed_window", "redis_server", None) {
        for (function, target) in [
            ("embedis_rate_limiter", Some(100.0)),
            ("embedis_multi", None),
        ] {
            if let Some(ours) = f.get("fixed_window", function, None) {
                let ratio = redis.ns_per_op() / ours.ns_per_op();
                let _ = writeln!(
                    out,
                    "  redis_server / {function:<21} {:>9.1} ns / {:>8.1} ns = {ratio:>8.1}x  {}",
                    redis.ns_per_op(),
                    ours.ns_per_op(),
                    target.map_or("(no target)", |t| summary::verdict(ratio >= t)),
                );
            }
        }
    }
}
