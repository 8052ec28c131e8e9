//! Pub/sub fan-out benchmarks: one publisher, N subscribers (1, 8, 64), messages delivered
//! per second, for embedis's `Engine::publish` / `Subscriber` and its peers in the same run:
//! tokio's broadcast channel (receivers on OS threads, and as tasks), a bare crossbeam fan-out
//! (one bounded channel per subscriber: the floor of embedis's design), and a real
//! redis-server over loopback. Then the cost of one `publish` with 1,000 patterns subscribed.
//!
//! `benches/README.md` ("Pub/sub") defines each scenario and the targets. Run with
//! `cargo bench --bench pubsub` (about two minutes after the build); a filter such as
//! `cargo bench --bench pubsub -- fanout/embedis` runs part of it. After the criterion output,
//! a summary prints the delivery rates and the ratios from this run's estimates.

#[allow(dead_code)] // shared with round_trip; not every helper is used here
mod support;

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Read;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::sync::{Arc, Barrier, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use crossbeam_channel::{bounded, unbounded, Receiver, Sender};
use embedis::{Engine, Overflow, RecvError, Subscriber};
use tokio::sync::broadcast;

use support::affinity::{self, Placement};
use support::resp::{self, RedisServer, RespClient, RespKind};
use support::summary;

/// A message carried by value, as embedis's first design did (three `Bytes` and two
/// words, 112 bytes): the floors that explain what the shared-publication design saves.
#[allow(dead_code)]
struct ByValue {
    channel: Bytes,
    pattern: Option<Bytes>,
    payload: Bytes,
    shard: bool,
    lagged: u64,
}

/// Subscriber counts.
const FANOUTS: [u64; 3] = [1, 8, 64];
/// Messages published per iteration by the in-process peers. It is also every buffer's
/// capacity (embedis's default subscriber capacity, 4,096): since an iteration ends only
/// when every subscriber has read every message, no buffer can overflow, nothing is
/// dropped and no publisher ever waits.
const BATCH: usize = 4096;
/// Messages published per iteration to redis-server: fewer, it is much slower. Rates are per
/// message delivered, so they compare all the same.
const REDIS_BATCH: usize = 2000;
/// PUBLISH commands per pipelined write to redis-server; the publisher reads their replies
/// before writing the next chunk.
const REDIS_CHUNK: usize = 100;
/// Payload size in bytes.
const PAYLOAD_LEN: usize = 64;
/// The channel every peer publishes to.
const CHANNEL: &str = "ch";
/// Pattern counts of `publish_patterns`.
const PATTERN_COUNTS: [u64; 2] = [0, 1000];
/// A waiting bench thread gives up (panics) after this long: a subscriber has died or a
/// message was lost.
const STALL: Duration = Duration::from_secs(60);

fn main() {
    summary::mark_start();
    let mut c = support::criterion();

    // The publisher (the bench thread) and redis-server on one CPU, every subscriber thread
    // and tokio worker on the other: see benches/README.md ("Pub/sub", placement).
    let placement = affinity::init_noted(|p| {
        format!(
            "placement: publisher (bench thread) and redis-server pinned to CPU {}, every \
                 subscriber thread and both tokio workers to CPU {} \
                 (EMBEDIS_BENCH_PIN=0 leaves it to the scheduler)",
            p.bench, p.peer
        )
    });
    summary::note(format!(
        "batch: {BATCH} messages of {PAYLOAD_LEN} bytes per iteration in process, \
         {REDIS_BATCH} for redis-server; 2 CPUs, so 8 and 64 subscribers are oversubscribed"
    ));

    let mut group = c.benchmark_group("fanout");
    // One iteration is a whole batch (up to tens of ms at 64 subscribers): flat sampling,
    // so criterion does not need 1,275 iterations for its linear ramp.
    group.sampling_mode(SamplingMode::Flat);
    for n in FANOUTS {
        let n = usize::try_from(n).expect("small");
        fanout_embedis(&mut group, n, placement, false);
        fanout_embedis(&mut group, n, placement, true);
        fanout_tokio_threads(&mut group, n, placement);
        fanout_tokio_tasks(&mut group, n, placement);
        #[cfg(feature = "async")]
        fanout_embedis_tasks(&mut group, n, placement);
        fanout_crossbeam(&mut group, n, placement, Floor::Bytes);
        fanout_crossbeam(&mut group, n, placement, Floor::Message);
        fanout_crossbeam(&mut group, n, placement, Floor::ArcMessage);
    }
    fanout_redis(&mut group, placement);
    group.finish();

    publish_patterns(&mut c);

    c.final_summary();
    summary::print("pubsub", ratios);
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// A subscriber thread's count of the current batch; tells the bench thread when it has it.
struct Tally {
    batch: usize,
    seen: usize,
    total: u64,
    done: Sender<Instant>,
}

impl Tally {
    /// One message received, whose payload is `len` bytes long.
    fn one(&mut self, len: usize) {
        assert_eq!(len, PAYLOAD_LEN, "a message with the wrong payload");
        self.seen += 1;
        if self.seen == self.batch {
            self.seen = 0;
            self.total += self.batch as u64;
            // The end of this subscriber's batch, stamped here rather than when the bench
            // thread wakes up to read it.
            let _ = self.done.send(Instant::now());
        }
    }
}

/// Spawns one thread per source, pinned to the subscriber CPU, each running
/// `read(source, tally)` until its source closes; returns once all of them are pinned and
/// about to read. Each thread returns the number of messages it counted.
fn spawn_readers<S, F>(
    name: &str,
    placement: Option<Placement>,
    sources: Vec<S>,
    batch: usize,
    done: &Sender<Instant>,
    read: F,
) -> Vec<JoinHandle<u64>>
where
    S: Send + 'static,
    F: Fn(S, &mut Tally) + Send + Clone + 'static,
{
    let ready = Arc::new(Barrier::new(sources.len() + 1));
    let handles = sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let ready = Arc::clone(&ready);
            let read = read.clone();
            let mut tally = tally(batch, done);
            thread::Builder::new()
                .name(format!("{name}-{i}"))
                .spawn(move || {
                    pin_to_peer(placement);
                    ready.wait();
                    read(source, &mut tally);
                    assert_eq!(
                        tally.seen, 0,
                        "a subscriber stopped in the middle of a batch"
                    );
                    tally.total
                })
                .expect("spawn a subscriber thread")
        })
        .collect();
    ready.wait();
    handles
}

/// The measurement shared by every fan-out peer: `iters` times, start the clock, publish one
/// batch, and stop it when the last of the `n` subscribers has counted the whole batch (the
/// latest of their own time stamps). It also notes how long `publish` itself took, for the
/// summary's "publisher busy" share (`function` names the benchmark).
fn run_batches(
    function: &'static str,
    iters: u64,
    n: usize,
    done: &Receiver<Instant>,
    mut publish: impl FnMut(),
) -> Duration {
    let mut total = Duration::ZERO;
    let mut publishing = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        publish();
        publishing += start.elapsed();
        let mut end = start;
        for _ in 0..n {
            let at = done
                .recv_timeout(STALL)
                .expect("a subscriber did not receive its whole batch");
            end = end.max(at);
        }
        total += end - start;
    }
    let mut busy = BUSY.lock().unwrap_or_else(|e| e.into_inner());
    match busy.iter_mut().find(|b| b.0 == function && b.1 == n as u64) {
        Some(entry) => {
            entry.2 += publishing;
            entry.3 += total;
        }
        None => busy.push((function, n as u64, publishing, total)),
    }
    total
}

/// Per fan-out benchmark (function, N): time spent in the publishing loop, and in whole
/// batches (warm-up included).
#[allow(clippy::type_complexity)]
static BUSY: Mutex<Vec<(&'static str, u64, Duration, Duration)>> = Mutex::new(Vec::new());

fn join_readers(handles: Vec<JoinHandle<u64>>) -> Vec<u64> {
    handles
        .into_iter()
        .map(|h| h.join().expect("a subscriber thread panicked"))
        .collect()
}

/// The runtime the task peers read on: 2 worker threads on the peer CPU.
fn task_runtime(name: &str, placement: Option<Placement>) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(name)
        .on_thread_start(move || pin_to_peer(placement))
        .build()
        .expect("a tokio runtime")
}

/// A reader's tally of batches of `batch` messages, reporting to `done`.
fn tally(batch: usize, done: &Sender<Instant>) -> Tally {
    Tally {
        batch,
        seen: 0,
        total: 0,
        done: done.clone(),
    }
}

/// Waits until `n` reader tasks have said they started.
fn wait_started(ready: &Receiver<()>, n: usize) {
    for _ in 0..n {
        ready.recv_timeout(STALL).expect("a reader task started");
    }
}

/// Waits for every reader task to end (its source closed).
fn join_tasks(runtime: tokio::runtime::Runtime, tasks: Vec<tokio::task::JoinHandle<u64>>) {
    runtime.block_on(async {
        for task in tasks {
            task.await.expect("a reader task panicked");
        }
    });
}

/// `n` subscribers of `CHANNEL`, each with room for a whole batch, under `Overflow::Lag`.
fn embedis_subscribers(engine: &Engine, n: usize) -> Vec<Subscriber> {
    (0..n)
        .map(|_| {
            let sub = engine
                .subscriber_builder()
                .capacity(BATCH)
                .overflow(Overflow::Lag)
                .build();
            sub.subscribe([CHANNEL]).expect("subscribe");
            sub
        })
        .collect()
}

/// One batch published through the engine; every publish must reach all `n` subscribers.
fn publish_batch(engine: &Engine, channel: impl AsRef<[u8]> + Copy, payload: &Bytes, n: usize) {
    let mut receivers = 0;
    for _ in 0..BATCH {
        receivers += engine.publish(channel, payload.clone()).expect("publish");
    }
    assert_eq!(receivers, BATCH * n);
}

/// One batch sent through tokio's broadcast; every send must reach all `n` receivers.
fn broadcast_batch(tx: &broadcast::Sender<Bytes>, payload: &Bytes, n: usize) {
    let mut receivers = 0;
    for _ in 0..BATCH {
        receivers += tx.send(payload.clone()).expect("send");
    }
    assert_eq!(receivers, BATCH * n);
}

/// A subscriber's end of the batches: its counts must match what was published.
fn check_stats(sub: &Subscriber, tally: &Tally) {
    let stats = sub.stats();
    assert_eq!(stats.dropped, 0, "embedis dropped messages");
    assert_eq!(stats.delivered, tally.total);
}

fn payload() -> Bytes {
    // Heap-allocated and reference-counted, as a real payload is (a `from_static` one would
    // make every clone free).
    Bytes::from(vec![b'x'; PAYLOAD_LEN])
}

/// Peer 1: embedis. Each subscriber a `Subscriber` (capacity `BATCH`, `Overflow::Lag`) on its
/// own thread calling `recv`; the bench thread calls `engine.publish`. With `bytes_channel`,
/// the channel name is a `Bytes` made once (`embedis_bytes_ch`; `Bytes::from("ch")` is a
/// static `Bytes`, whose clones touch no reference count) instead of the `&str` that
/// `publish` copies into a new `Bytes` on every call (`embedis`).
fn fanout_embedis(
    group: &mut Group<'_>,
    n: usize,
    placement: Option<Placement>,
    bytes_channel: bool,
) {
    let function = if bytes_channel {
        "embedis_bytes_ch"
    } else {
        "embedis"
    };
    let engine = Engine::new();
    let (done_tx, done_rx) = unbounded();
    let readers = spawn_readers(
        "sub-embedis",
        placement,
        embedis_subscribers(&engine, n),
        BATCH,
        &done_tx,
        |sub, tally| {
            loop {
                match sub.recv() {
                    Ok(message) => tally.one(message.payload().len()),
                    Err(RecvError::Closed) => break,
                    // Cannot happen: the buffer holds a whole batch. Fail loudly if it does.
                    Err(error) => panic!("embedis subscriber: {error}"),
                }
            }
            check_stats(&sub, tally);
        },
    );
    let payload = payload();
    let channel = Bytes::from(CHANNEL);
    let elements = (BATCH * n) as u64;
    group.throughput(Throughput::Elements(elements));
    group.bench_function(BenchmarkId::new(function, n), |b| {
        summary::ran("fanout", function, Some(n as u64), elements);
        b.iter_custom(|iters| {
            run_batches(function, iters, n, &done_rx, || {
                if bytes_channel {
                    publish_batch(&engine, &channel, &payload, n);
                } else {
                    publish_batch(&engine, CHANNEL, &payload, n);
                }
            })
        });
    });
    engine.shutdown(); // every subscriber reads what is buffered, then `Closed`
    join_readers(readers);
}

/// Peer 2: `tokio::sync::broadcast` (capacity `BATCH`), each receiver on its own OS thread
/// calling `blocking_recv`; the bench thread calls `send`.
fn fanout_tokio_threads(group: &mut Group<'_>, n: usize, placement: Option<Placement>) {
    let (tx, _) = broadcast::channel::<Bytes>(BATCH);
    let receivers: Vec<_> = (0..n).map(|_| tx.subscribe()).collect();
    let (done_tx, done_rx) = unbounded();
    let readers = spawn_readers(
        "sub-tokio",
        placement,
        receivers,
        BATCH,
        &done_tx,
        |mut rx, tally| loop {
            match rx.blocking_recv() {
                Ok(payload) => tally.one(payload.len()),
                Err(broadcast::error::RecvError::Closed) => break,
                Err(error) => panic!("tokio receiver: {error}"),
            }
        },
    );
    let payload = payload();
    let elements = (BATCH * n) as u64;
    group.throughput(Throughput::Elements(elements));
    group.bench_function(BenchmarkId::new("tokio_threads", n), |b| {
        summary::ran("fanout", "tokio_threads", Some(n as u64), elements);
        b.iter_custom(|iters| {
            run_batches("tokio_threads", iters, n, &done_rx, || {
                broadcast_batch(&tx, &payload, n);
            })
        });
    });
    drop(tx); // every receiver reads what is left, then `Closed`
    join_readers(readers);
}

/// Peer 3: `tokio::sync::broadcast` again, each receiver a task on a multi-threaded runtime
/// of 2 worker threads (both on the subscriber CPU) calling `recv().await`.
fn fanout_tokio_tasks(group: &mut Group<'_>, n: usize, placement: Option<Placement>) {
    let runtime = task_runtime("sub-tokio-rt", placement);
    let (tx, _) = broadcast::channel::<Bytes>(BATCH);
    let (done_tx, done_rx) = unbounded();
    let (ready_tx, ready_rx) = unbounded::<()>();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let mut rx = tx.subscribe();
            let ready = ready_tx.clone();
            let mut tally = tally(BATCH, &done_tx);
            // One async block per task, the whole loop in it, as a tokio user writes it.
            runtime.spawn(async move {
                let _ = ready.send(());
                loop {
                    match rx.recv().await {
                        Ok(payload) => tally.one(payload.len()),
                        Err(broadcast::error::RecvError::Closed) => break,
                        Err(error) => panic!("tokio receiver task: {error}"),
                    }
                }
                assert_eq!(tally.seen, 0, "a task stopped in the middle of a batch");
                tally.total
            })
        })
        .collect();
    wait_started(&ready_rx, n);
    let payload = payload();
    let elements = (BATCH * n) as u64;
    group.throughput(Throughput::Elements(elements));
    group.bench_function(BenchmarkId::new("tokio_tasks", n), |b| {
        summary::ran("fanout", "tokio_tasks", Some(n as u64), elements);
        b.iter_custom(|iters| {
            run_batches("tokio_tasks", iters, n, &done_rx, || {
                broadcast_batch(&tx, &payload, n);
            })
        });
    });
    drop(tx);
    join_tasks(runtime, tasks);
}

/// Peer 1 as tasks (`--features async`): embedis subscribers read with `recv_async` in tasks
/// on a runtime like `tokio_tasks`'s (2 worker threads on the subscriber CPU), so that both
/// sides of that comparison pay the same scheduler.
#[cfg(feature = "async")]
fn fanout_embedis_tasks(group: &mut Group<'_>, n: usize, placement: Option<Placement>) {
    let runtime = task_runtime("sub-embedis-rt", placement);
    let engine = Engine::new();
    let (done_tx, done_rx) = unbounded();
    let (ready_tx, ready_rx) = unbounded::<()>();
    let tasks: Vec<_> = embedis_subscribers(&engine, n)
        .into_iter()
        .map(|mut sub| {
            let ready = ready_tx.clone();
            let mut tally = tally(BATCH, &done_tx);
            runtime.spawn(async move {
                let _ = ready.send(());
                loop {
                    match sub.recv_async().await {
                        Ok(message) => tally.one(message.payload().len()),
                        Err(RecvError::Closed) => break,
                        Err(error) => panic!("embedis subscriber task: {error}"),
                    }
                }
                assert_eq!(tally.seen, 0, "a task stopped in the middle of a batch");
                check_stats(&sub, &tally);
                tally.total
            })
        })
        .collect();
    wait_started(&ready_rx, n);
    let payload = payload();
    let channel = Bytes::from(CHANNEL);
    let elements = (BATCH * n) as u64;
    group.throughput(Throughput::Elements(elements));
    group.bench_function(BenchmarkId::new("embedis_tasks", n), |b| {
        summary::ran("fanout", "embedis_tasks", Some(n as u64), elements);
        b.iter_custom(|iters| {
            run_batches("embedis_tasks", iters, n, &done_rx, || {
                publish_batch(&engine, &channel, &payload, n);
            })
        });
    });
    engine.shutdown(); // every subscriber reads what is buffered, then `Closed`
    join_tasks(runtime, tasks);
}

/// What the bare crossbeam fan-out carries.
#[derive(Clone, Copy)]
enum Floor {
    /// The payload `Bytes`, cloned per subscriber (`crossbeam`): the floor.
    Bytes,
    /// A 112-byte message by value built per subscriber, as the engine built one for
    /// `embedis_bytes_ch`, the (static) channel name and the payload cloned
    /// (`crossbeam_message`).
    Message,
    /// One `Arc` of that message per publish, the `Arc` cloned per subscriber
    /// (`crossbeam_arc`): a diagnostic, what a shared message would cost.
    ArcMessage,
}

/// Peer 4: the bare fan-out under embedis's design: one `crossbeam_channel::bounded(BATCH)`
/// per subscriber, read on its own thread; the bench thread `send`s to each in turn. See
/// [`Floor`] for the message variants, which split the gap between embedis and the floor.
fn fanout_crossbeam(group: &mut Group<'_>, n: usize, placement: Option<Placement>, floor: Floor) {
    let channel = Bytes::from(CHANNEL);
    let payload = payload();
    let bytes = payload.clone();
    let message = move || ByValue {
        channel: channel.clone(),
        pattern: None,
        payload: payload.clone(),
        shard: false,
        lagged: 0,
    };
    match floor {
        Floor::Bytes => {
            fanout_crossbeam_of(group, n, placement, "crossbeam", Bytes::len, |senders| {
                for tx in senders {
                    tx.send(bytes.clone()).expect("send");
                }
            });
        }
        Floor::Message => fanout_crossbeam_of(
            group,
            n,
            placement,
            "crossbeam_message",
            |m: &ByValue| m.payload.len(),
            |senders| {
                for tx in senders {
                    tx.send(message()).expect("send");
                }
            },
        ),
        Floor::ArcMessage => fanout_crossbeam_of(
            group,
            n,
            placement,
            "crossbeam_arc",
            |m: &Arc<ByValue>| m.payload.len(),
            |senders| {
                let shared = Arc::new(message());
                for tx in senders {
                    tx.send(Arc::clone(&shared)).expect("send");
                }
            },
        ),
    }
}

/// One crossbeam fan-out benchmark: `publish_one` sends one message to every sender.
fn fanout_crossbeam_of<T: Send + 'static>(
    group: &mut Group<'_>,
    n: usize,
    placement: Option<Placement>,
    function: &'static str,
    len: fn(&T) -> usize,
    publish_one: impl Fn(&[Sender<T>]),
) {
    let (senders, receivers): (Vec<Sender<T>>, Vec<Receiver<T>>) =
        (0..n).map(|_| bounded(BATCH)).unzip();
    let (done_tx, done_rx) = unbounded();
    let readers = spawn_readers(
        "sub-crossbeam",
        placement,
        receivers,
        BATCH,
        &done_tx,
        move |rx, tally| {
            for message in rx {
                tally.one(len(&message));
            }
        },
    );
    let elements = (BATCH * n) as u64;
    group.throughput(Throughput::Elements(elements));
    group.bench_function(BenchmarkId::new(function, n), |b| {
        summary::ran("fanout", function, Some(n as u64), elements);
        b.iter_custom(|iters| {
            run_batches(function, iters, n, &done_rx, || {
                for _ in 0..BATCH {
                    publish_one(&senders);
                }
            })
        });
    });
    drop(senders);
    join_readers(readers);
}

/// Peer 5: a real redis-server over loopback. N subscriber connections (one thread each,
/// parsing every `message` frame), and the bench thread's connection pipelining PUBLISH in
/// chunks of `REDIS_CHUNK`.
fn fanout_redis(group: &mut Group<'_>, placement: Option<Placement>) {
    let server = match RedisServer::start() {
        Ok(server) => server,
        Err(reason) => {
            println!("fanout/redis_server: skipped: {reason}");
            summary::note(format!("fanout/redis_server: skipped: {reason}"));
            return;
        }
    };
    if let Some(p) = placement {
        // On the publisher's CPU: redis-server does the fan-out work there, as the publishing
        // thread does in process; the publisher client mostly waits for it. (On the
        // subscribers' CPU it measured about 40% slower at 64 subscribers.)
        if let Err(why) = affinity::pin_process(server.pid(), p.bench) {
            summary::note(format!("placement: redis-server not pinned: {why}"));
        }
    }
    let mut publisher = RespClient::connect(server.port()).expect("connect to our redis-server");
    let payload = "x".repeat(PAYLOAD_LEN);
    let chunk = resp::encode(&["PUBLISH", CHANNEL, &payload]).repeat(REDIS_CHUNK);
    let stop = resp::encode(&["PUBLISH", CHANNEL, "stop"]);

    for n in FANOUTS {
        let n = usize::try_from(n).expect("small");
        let subscribers: Vec<_> = (0..n)
            .map(|_| MessageReader::subscribe(server.port(), CHANNEL))
            .collect();
        let (done_tx, done_rx) = unbounded();
        let readers = spawn_readers(
            "sub-redis",
            placement,
            subscribers,
            REDIS_BATCH,
            &done_tx,
            |mut sub, tally| {
                while let Some(len) = sub.message(CHANNEL) {
                    tally.one(len);
                }
            },
        );
        let elements = (REDIS_BATCH * n) as u64;
        group.throughput(Throughput::Elements(elements));
        group.bench_function(BenchmarkId::new("redis_server", n), |b| {
            summary::ran("fanout", "redis_server", Some(n as u64), elements);
            b.iter_custom(|iters| {
                run_batches("redis_server", iters, n, &done_rx, || {
                    for _ in 0..REDIS_BATCH / REDIS_CHUNK {
                        publisher.send(&chunk);
                        let receivers = publisher.expect(REDIS_CHUNK, RespKind::Integer);
                        assert_eq!(receivers, n as i64);
                    }
                })
            });
        });
        publisher.send(&stop); // each subscriber returns on this payload
        assert_eq!(publisher.expect(1, RespKind::Integer), n as i64);
        join_readers(readers);
    }
    drop(publisher);
    drop(server); // kills the child by pid and reaps it
}

/// A subscribed redis-server connection that reads `message` frames without allocating: the
/// redis side of the comparison gets a client as lean as the bench can make it.
struct MessageReader {
    stream: TcpStream,
    buf: Vec<u8>,
    /// Unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
}

impl MessageReader {
    /// Connects, sends `SUBSCRIBE channel` and reads its confirmation.
    fn subscribe(port: u16, channel: &str) -> MessageReader {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))
            .expect("connect to our redis-server");
        stream.set_nodelay(true).expect("TCP_NODELAY");
        stream.set_read_timeout(Some(STALL)).expect("read timeout");
        let mut reader = MessageReader {
            stream,
            buf: vec![0; 256 * 1024],
            start: 0,
            end: 0,
        };
        std::io::Write::write_all(&mut reader.stream, &resp::encode(&["SUBSCRIBE", channel]))
            .expect("write SUBSCRIBE");
        assert_eq!(reader.header(b'*'), 3);
        reader.bulk(Some(b"subscribe"));
        reader.bulk(Some(channel.as_bytes()));
        assert_eq!(
            reader.header(b':'),
            1,
            "one subscription on this connection"
        );
        reader
    }

    /// Reads one `message` frame on `channel`; returns its payload length, or `None` for
    /// the payload `stop`.
    fn message(&mut self, channel: &str) -> Option<usize> {
        assert_eq!(self.header(b'*'), 3, "a message frame has 3 elements");
        self.bulk(Some(b"message"));
        self.bulk(Some(channel.as_bytes()));
        let (len, is_stop) = self.bulk_is(b"stop");
        (!is_stop).then_some(len)
    }

    /// Reads a `<kind><integer>\r\n` line and returns the integer.
    fn header(&mut self, kind: u8) -> i64 {
        let (from, to) = self.line();
        assert_eq!(
            self.buf[from],
            kind,
            "unexpected RESP line {:?}",
            String::from_utf8_lossy(&self.buf[from..to])
        );
        std::str::from_utf8(&self.buf[from + 1..to])
            .ok()
            .and_then(|text| text.parse().ok())
            .expect("a RESP integer")
    }

    /// Reads a bulk string, checking it equals `expected` if given; returns its length.
    fn bulk(&mut self, expected: Option<&[u8]>) -> usize {
        let (len, equal) = self.bulk_is(expected.unwrap_or_default());
        assert!(
            expected.is_none() || equal,
            "expected the bulk string {:?}",
            String::from_utf8_lossy(expected.unwrap_or_default())
        );
        len
    }

    /// Reads a bulk string; returns its length and whether it equals `than`.
    fn bulk_is(&mut self, than: &[u8]) -> (usize, bool) {
        let len = usize::try_from(self.header(b'$')).expect("not a nil bulk string");
        while self.end - self.start < len + 2 {
            self.fill();
        }
        let data = &self.buf[self.start..self.start + len];
        let equal = data == than;
        assert_eq!(&self.buf[self.start + len..self.start + len + 2], b"\r\n");
        self.start += len + 2;
        (len, equal)
    }

    /// The next CRLF-terminated line as `buf[from..to]` (without the CRLF), consumed.
    fn line(&mut self) -> (usize, usize) {
        let mut scanned = 0;
        loop {
            let unread = &self.buf[self.start + scanned..self.end];
            if let Some(i) = unread.iter().position(|&b| b == b'\n') {
                let newline = self.start + scanned + i;
                assert!(
                    newline > self.start && self.buf[newline - 1] == b'\r',
                    "malformed RESP line"
                );
                let line = (self.start, newline - 1);
                self.start = newline + 1;
                return line;
            }
            scanned = self.end - self.start;
            self.fill();
        }
    }

    /// Reads more bytes after the unread ones, moving those to the front first.
    fn fill(&mut self) {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            let grown = self.buf.len() * 2;
            self.buf.resize(grown, 0);
        }
        let n = self
            .stream
            .read(&mut self.buf[self.end..])
            .expect("read from redis-server");
        assert!(n > 0, "redis-server closed the connection");
        self.end += n;
    }
}

/// Scenario 6: the cost of one `engine.publish` with 1,000 patterns subscribed that do not
/// match (`p0.*` .. `p999.*`, one subscriber) and one channel subscriber that does, next to
/// the same publish with no pattern.
fn publish_patterns(c: &mut Criterion) {
    let mut group = c.benchmark_group("publish_patterns");
    group.throughput(Throughput::Elements(1));
    let payload = payload();
    for count in PATTERN_COUNTS {
        let engine = Engine::new();
        let patterns = engine.subscriber();
        patterns
            .psubscribe((0..count).map(|i| format!("p{i}.*")))
            .expect("psubscribe");
        assert_eq!(patterns.patterns().len(), count as usize);
        let channel = engine.subscriber_builder().capacity(BATCH).build();
        channel.subscribe([CHANNEL]).expect("subscribe");

        group.bench_function(BenchmarkId::new("embedis", count), |b| {
            summary::ran("publish_patterns", "embedis", Some(count), 1);
            b.iter_custom(|iters| {
                // Publish at most a buffer's worth under the clock, then empty the buffer
                // off the clock, so every publish takes the delivering path.
                let mut total = Duration::ZERO;
                let mut left = iters;
                while left > 0 {
                    let k = left.min(BATCH as u64);
                    let mut receivers = 0;
                    let start = Instant::now();
                    for _ in 0..k {
                        receivers +=
                            black_box(engine.publish(CHANNEL, payload.clone())).expect("publish");
                    }
                    total += start.elapsed();
                    assert_eq!(receivers as u64, k, "only the channel subscriber receives");
                    for _ in 0..k {
                        let message = channel.try_recv().expect("receive").expect("a message");
                        black_box(message);
                    }
                    left -= k;
                }
                total
            });
        });
        assert_eq!(channel.stats().dropped, 0);
        assert!(patterns.is_empty());
    }
    group.finish();
}

/// Pins the calling (subscriber or worker) thread to the subscriber CPU.
fn pin_to_peer(placement: Option<Placement>) {
    if let Some(p) = placement
        && let Err(why) = affinity::pin_current(p.peer)
    {
        summary::note(format!("placement: a subscriber thread not pinned: {why}"));
    }
}

/// Delivery rates and the ratios against the targets (benches/README.md, "Pub/sub").
fn ratios(f: &summary::Figures, out: &mut String) {
    const PEERS: [&str; 9] = [
        "embedis",
        "embedis_bytes_ch",
        "embedis_tasks",
        "tokio_threads",
        "tokio_tasks",
        "crossbeam",
        "crossbeam_message",
        "crossbeam_arc",
        "redis_server",
    ];
    let rate = |peer: &str, n: u64| f.get("fanout", peer, Some(n)).map(|fig| fig.ops_per_sec());
    let _ = writeln!(
        out,
        "\nmessages delivered per second (one publisher to all N subscribers)"
    );
    let _ = write!(out, "  {:<18}", "peer");
    for n in FANOUTS {
        let _ = write!(out, " {:>12}", format!("N={n}"));
    }
    let _ = writeln!(out);
    for peer in PEERS {
        let _ = write!(out, "  {peer:<18}");
        for n in FANOUTS {
            let cell = rate(peer, n).map_or_else(|| "-".to_string(), summary::si);
            let _ = write!(out, " {cell:>12}");
        }
        let _ = writeln!(out);
    }

    let targets = [
        ("tokio_threads", 1.0),
        ("tokio_tasks", 1.0),
        ("crossbeam", 0.5),
        ("redis_server", 10.0),
    ];
    for ours in ["embedis", "embedis_bytes_ch"] {
        let _ = writeln!(out, "\n{ours} / peer, messages delivered per second");
        for (peer, target) in targets {
            for n in FANOUTS {
                if let (Some(a), Some(b)) = (rate(ours, n), rate(peer, n)) {
                    let ratio = a / b;
                    let _ = writeln!(
                        out,
                        "  / {peer:<13} N={n:<3} {:>10}/s vs {:>10}/s = {ratio:>6.2}x  \
                         (target >= {target}x) {}",
                        summary::si(a),
                        summary::si(b),
                        summary::verdict(ratio >= target),
                    );
                }
            }
        }
    }

    // Like for like: subscribers as tasks on the same kind of runtime on both sides.
    let _ = writeln!(
        out,
        "\nembedis_tasks / tokio_tasks (subscribers as tasks on both sides; --features async)"
    );
    for n in FANOUTS {
        if let (Some(a), Some(b)) = (rate("embedis_tasks", n), rate("tokio_tasks", n)) {
            let ratio = a / b;
            let _ = writeln!(
                out,
                "  N={n:<3} {:>10}/s vs {:>10}/s = {ratio:>6.2}x  (target >= 1x) {}",
                summary::si(a),
                summary::si(b),
                summary::verdict(ratio >= 1.0),
            );
        }
    }

    let _ = writeln!(
        out,
        "\npublisher busy: time in the publishing loop / whole batch time (the rest is \
         subscribers catching up)"
    );
    let busy = BUSY.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for peer in PEERS {
        let _ = write!(out, "  {peer:<18}");
        for n in FANOUTS {
            let cell = busy
                .iter()
                .find(|b| b.0 == peer && b.1 == n && rate(peer, n).is_some())
                .map_or_else(
                    || "-".to_string(),
                    |b| format!("{:.0}%", 100.0 * b.2.as_secs_f64() / b.3.as_secs_f64()),
                );
            let _ = write!(out, " {cell:>12}");
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(
        out,
        "\nwhere embedis's gap to the bare fan-out goes (rate ratios, no target)"
    );
    for n in FANOUTS {
        let ratio = |a: &str, b: &str| match (rate(a, n), rate(b, n)) {
            (Some(a), Some(b)) => format!("{:.2}x", a / b),
            _ => "-".to_string(),
        };
        let _ = writeln!(
            out,
            "  N={n:<3} crossbeam_message / crossbeam = {}   \
             embedis_bytes_ch / crossbeam_message = {}   embedis / embedis_bytes_ch = {}   \
             crossbeam_arc / crossbeam_message = {}",
            ratio("crossbeam_message", "crossbeam"),
            ratio("embedis_bytes_ch", "crossbeam_message"),
            ratio("embedis", "embedis_bytes_ch"),
            ratio("crossbeam_arc", "crossbeam_message"),
        );
    }

    let _ = writeln!(
        out,
        "\nembedis publish with patterns subscribed (no target)"
    );
    let none = f.get("publish_patterns", "embedis", Some(0));
    for count in PATTERN_COUNTS {
        if let Some(fig) = f.get("publish_patterns", "embedis", Some(count)) {
            let _ = write!(
                out,
                "  {count:>5} non-matching patterns + 1 channel subscriber: {:>9.1} ns/publish",
                fig.ns_per_op()
            );
            if let (Some(none), true) = (none, count > 0) {
                let _ = write!(
                    out,
                    "  ({:.2} ns per pattern over none)",
                    (fig.ns_per_op() - none.ns_per_op()) / count as f64
                );
            }
            let _ = writeln!(out);
        }
    }
}
