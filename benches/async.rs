//! Async handles against the sync ones, in the same run: a command round trip, and pub/sub
//! delivery to several subscribers. The target is async within 2x of sync.
//!
//! `benches/README.md` defines the scenarios. Run with `cargo bench --features async --bench
//! async`; a summary with the async/sync ratios prints after criterion's output.

#[allow(dead_code)] // shared with round_trip; not every helper is used here
mod support;

use std::fmt::Write as _;
use std::thread;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use crossbeam_channel::{unbounded, Receiver};
use embedis::{Engine, Message, RecvError, Reply, Subscriber};
use futures_core::Stream;

use support::affinity::{self, Placement};
use support::summary;

/// Subscribers in the delivery scenario.
const SUBSCRIBERS: [u64; 2] = [1, 4];
/// Messages published per iteration of the delivery scenario.
const MESSAGES: u64 = 1000;

fn main() {
    summary::mark_start();
    let mut c = support::criterion();
    let placement = affinity::init_noted(|p| {
        format!(
            "placement: bench thread and tokio workers on CPU {}, executor on CPU {}",
            p.bench, p.peer
        )
    });
    round_trip(&mut c, placement);
    delivery(&mut c);
    c.final_summary();
    summary::print("async", ratios);
}

/// A tokio runtime whose workers sit on the bench thread's CPU, as the sync caller does.
fn runtime(workers: usize, placement: Option<Placement>) -> tokio::runtime::Runtime {
    let mut builder = if workers == 0 {
        tokio::runtime::Builder::new_current_thread()
    } else {
        let mut b = tokio::runtime::Builder::new_multi_thread();
        b.worker_threads(workers);
        b
    };
    builder
        .enable_time()
        .on_thread_start(move || {
            if let Some(p) = placement {
                let _ = affinity::pin_current(p.bench);
            }
        })
        .build()
        .expect("a tokio runtime")
}

/// Scenario (a): one PING from the caller through the executor and back.
fn round_trip(c: &mut Criterion, placement: Option<Placement>) {
    let engine = Engine::new();
    // A first round trip: the executor thread is running (and named) before it is pinned.
    assert_eq!(
        engine.connect().call(["PING"]).unwrap(),
        Reply::status("PONG")
    );
    if let Some(p) = placement
        && let Err(why) = affinity::pin_threads_named("embedis-executor", p.peer)
    {
        summary::note(format!("placement: executor not pinned: {why}"));
    }
    let mut group = c.benchmark_group("round_trip");
    group.throughput(Throughput::Elements(1));

    let mut sync_conn = engine.connect();
    assert_eq!(sync_conn.call(["PING"]).unwrap(), Reply::status("PONG"));
    group.bench_function("sync_call", |b| {
        summary::ran("round_trip", "sync_call", None, 1);
        b.iter(|| sync_conn.call(["PING"]).unwrap());
    });

    // On the bench thread itself: a current-thread runtime.
    let current = runtime(0, placement);
    let mut conn = Some(engine.connect_async());
    group.bench_function("async_call_current_thread", |b| {
        summary::ran("round_trip", "async_call_current_thread", None, 1);
        b.iter_custom(|iters| {
            current.block_on(async {
                let conn = conn.as_mut().expect("the connection");
                let started = Instant::now();
                for _ in 0..iters {
                    let reply = conn.call(["PING"]).await.unwrap();
                    debug_assert_eq!(reply, Reply::status("PONG"));
                }
                started.elapsed()
            })
        });
    });

    // In a task on a multi-threaded runtime (two workers, both on the bench CPU).
    let multi = runtime(2, placement);
    group.bench_function("async_call_multi_thread", |b| {
        summary::ran("round_trip", "async_call_multi_thread", None, 1);
        b.iter_custom(|iters| {
            let mut moved = conn.take().expect("the connection");
            let (back, elapsed) = multi.block_on(async move {
                multi_task(async move {
                    let started = Instant::now();
                    for _ in 0..iters {
                        moved.call(["PING"]).await.unwrap();
                    }
                    (moved, started.elapsed())
                })
                .await
            });
            conn = Some(back);
            elapsed
        });
    });
    group.finish();
}

/// Runs `future` as a spawned task (on a worker, not the thread that blocks on it).
async fn multi_task<T: Send + 'static>(
    future: impl std::future::Future<Output = T> + Send + 'static,
) -> T {
    tokio::spawn(future).await.expect("the bench task")
}

/// One reader of the delivery scenario: told how many messages to read, says when done.
struct Reader {
    go: Box<dyn Fn(u64)>,
}

/// Scenario (b): one publisher, N subscribers, M messages per iteration; sync readers on
/// threads against async readers as streams in tasks on a 2-worker runtime.
fn delivery(c: &mut Criterion) {
    let mut group = c.benchmark_group("delivery");
    for n in SUBSCRIBERS {
        group.throughput(Throughput::Elements(n * MESSAGES));
        let engine = Engine::new();
        let (done_tx, done_rx) = unbounded::<()>();

        // Sync: one thread per subscriber, blocking in `recv`.
        let mut readers = Vec::new();
        let mut threads = Vec::new();
        for _ in 0..n {
            let subscriber = subscriber(&engine, "sync");
            let (go, todo) = unbounded::<u64>();
            let done = done_tx.clone();
            threads.push(thread::spawn(move || {
                for count in todo {
                    for _ in 0..count {
                        subscriber.recv().expect("a message");
                    }
                    let _ = done.send(());
                }
            }));
            readers.push(Reader {
                go: Box::new(move |count| go.send(count).expect("a reader")),
            });
        }
        group.bench_with_input(BenchmarkId::new("sync_threads", n), &n, |b, &n| {
            summary::ran("delivery", "sync_threads", Some(n), n * MESSAGES);
            b.iter_custom(|iters| run_delivery(&engine, "sync", &readers, &done_rx, iters))
        });
        drop(readers);
        for thread in threads {
            thread.join().expect("a reader thread");
        }

        // Async: one task per subscriber, reading it as a `Stream`.
        let rt = runtime(2, None);
        let mut readers = Vec::new();
        for _ in 0..n {
            let mut subscriber = subscriber(&engine, "async");
            let (go, mut todo) = tokio::sync::mpsc::unbounded_channel::<u64>();
            let done = done_tx.clone();
            rt.spawn(async move {
                while let Some(count) = todo.recv().await {
                    for _ in 0..count {
                        next(&mut subscriber)
                            .await
                            .expect("a message")
                            .expect("no gap");
                    }
                    let _ = done.send(());
                }
            });
            readers.push(Reader {
                go: Box::new(move |count| go.send(count).expect("a reader")),
            });
        }
        group.bench_with_input(BenchmarkId::new("async_streams", n), &n, |b, &n| {
            summary::ran("delivery", "async_streams", Some(n), n * MESSAGES);
            b.iter_custom(|iters| run_delivery(&engine, "async", &readers, &done_rx, iters))
        });
        drop(readers);
        rt.shutdown_timeout(Duration::from_secs(1));
    }
    group.finish();
}

/// A subscriber with room for a whole iteration, so nothing is dropped.
fn subscriber(engine: &Engine, channel: &str) -> Subscriber {
    let subscriber = engine
        .subscriber_builder()
        .capacity(MESSAGES as usize)
        .build();
    subscriber.subscribe([channel]).expect("subscribed");
    subscriber
}

/// `iters` rounds of: tell every reader to read M, publish M, wait for every reader.
fn run_delivery(
    engine: &Engine,
    channel: &str,
    readers: &[Reader],
    done: &Receiver<()>,
    iters: u64,
) -> Duration {
    let started = Instant::now();
    for _ in 0..iters {
        for reader in readers {
            (reader.go)(MESSAGES);
        }
        for m in 0..MESSAGES {
            let receivers = engine
                .publish(channel, bytes::Bytes::from_static(b"payload"))
                .expect("published");
            debug_assert_eq!(receivers, readers.len(), "message {m}");
        }
        for _ in readers {
            done.recv().expect("a reader finished");
        }
    }
    started.elapsed()
}

async fn next(subscriber: &mut Subscriber) -> Option<Result<Message, RecvError>> {
    std::future::poll_fn(|cx| std::pin::Pin::new(&mut *subscriber).poll_next(cx)).await
}

fn ratios(f: &summary::Figures, out: &mut String) {
    let _ = writeln!(out, "\nasync / sync time per operation (target: <= 2.0x)");
    let mut line =
        |name: &str, async_fig: Option<summary::Figure>, sync_fig: Option<summary::Figure>| {
            if let (Some(a), Some(s)) = (async_fig, sync_fig) {
                let ratio = a.ns_per_op() / s.ns_per_op();
                let _ = writeln!(
                    out,
                    "  {name:<44} = {ratio:5.2}x  {}",
                    summary::verdict(ratio <= 2.0)
                );
            }
        };
    let sync_call = f.get("round_trip", "sync_call", None);
    line(
        "round_trip async_call_current_thread / sync_call",
        f.get("round_trip", "async_call_current_thread", None),
        sync_call,
    );
    line(
        "round_trip async_call_multi_thread / sync_call",
        f.get("round_trip", "async_call_multi_thread", None),
        sync_call,
    );
    for n in SUBSCRIBERS {
        line(
            &format!("delivery N={n} async_streams / sync_threads"),
            f.get("delivery", "async_streams", Some(n)),
            f.get("delivery", "sync_threads", Some(n)),
        );
    }
}
