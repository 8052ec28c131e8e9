//! The `async` feature under a multi-threaded tokio runtime: many concurrent tasks on
//! awaited connections, blocking stream reads as awaited calls, subscribers as streams,
//! awaited rate limiters, dropped futures, shutdown, and a proof that an awaited blocking
//! read holds no worker thread.

#![cfg(feature = "async")]

use std::collections::HashSet;
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Wake, Waker};
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;
use tokio::time::timeout;

use embedis::{
    AsyncConnection, Engine, Error, KeyedRateLimiter, ManualClock, Message, Overflow, Pipeline,
    Quota, RateLimitError, RateLimiter, RecvError, Reply, Subscriber,
};

/// Far longer than anything here takes: a hang becomes a failure, never a timing claim.
const WAIT: Duration = Duration::from_secs(10);

/// The next item of a subscriber's stream (what `StreamExt::next` does).
async fn next(subscriber: &mut Subscriber) -> Option<Result<Message, RecvError>> {
    poll_fn(|cx| Pin::new(&mut *subscriber).poll_next(cx)).await
}

/// The entry ids of an XREAD / XREADGROUP reply, in order.
fn entry_ids(reply: &Reply) -> Vec<Bytes> {
    let Reply::Array(streams) = reply else {
        panic!("not a read reply: {reply:?}");
    };
    let mut ids = Vec::new();
    for stream in streams {
        let Reply::Array(pair) = stream else {
            panic!("{stream:?}")
        };
        let Reply::Array(entries) = &pair[1] else {
            panic!("{pair:?}")
        };
        for entry in entries {
            let Reply::Array(parts) = entry else {
                panic!("{entry:?}")
            };
            let Reply::Bulk(id) = &parts[0] else {
                panic!("{parts:?}")
            };
            ids.push(id.clone());
        }
    }
    ids
}

/// The first field value of the only entry of a read reply.
fn only_value(reply: &Reply) -> Bytes {
    let Reply::Array(streams) = reply else {
        panic!("{reply:?}")
    };
    let Reply::Array(pair) = &streams[0] else {
        panic!("{reply:?}")
    };
    let Reply::Array(entries) = &pair[1] else {
        panic!("{reply:?}")
    };
    assert_eq!(entries.len(), 1, "{reply:?}");
    let Reply::Array(parts) = &entries[0] else {
        panic!("{reply:?}")
    };
    let Reply::Array(fields) = &parts[1] else {
        panic!("{reply:?}")
    };
    let Reply::Bulk(value) = &fields[1] else {
        panic!("{reply:?}")
    };
    value.clone()
}

fn bulk_of(reply: Reply) -> Bytes {
    match reply {
        Reply::Bulk(bytes) => bytes,
        other => panic!("not a bulk: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_tasks_increment_one_counter_exactly() {
    let engine = Engine::new();
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let mut conn = engine.connect_async();
        tasks.push(tokio::spawn(async move {
            let mut last = 0;
            for _ in 0..50 {
                match conn.call(["INCR", "counter"]).await.unwrap() {
                    Reply::Integer(n) => {
                        // Each task sees its own increments in order.
                        assert!(n > last, "{n} after {last}");
                        last = n;
                    }
                    other => panic!("{other:?}"),
                }
            }
        }));
    }
    for task in tasks {
        timeout(WAIT, task).await.unwrap().unwrap();
    }
    let mut conn = engine.connect_async();
    assert_eq!(
        conn.call(["GET", "counter"]).await.unwrap(),
        Reply::bulk("10000")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasks_sharing_nothing_but_a_pipeline_get_their_own_replies() {
    let engine = Engine::new();
    let mut tasks = Vec::new();
    for task in 0..50 {
        let mut conn = engine.connect_async();
        tasks.push(tokio::spawn(async move {
            let key = format!("counter:{task}");
            let mut pipe = Pipeline::new();
            for _ in 0..20 {
                pipe.cmd(["INCR", key.as_str()]);
            }
            let replies = pipe.execute_async(&mut conn).await.unwrap();
            let expected: Vec<Reply> = (1..=20).map(Reply::Integer).collect();
            assert_eq!(replies, expected);
            let atomic = Pipeline::new()
                .atomic()
                .cmd(["GET", key.as_str()])
                .cmd(["DEL", key.as_str()])
                .execute_async(&mut conn)
                .await
                .unwrap();
            assert_eq!(atomic, vec![Reply::bulk("20"), Reply::Integer(1)]);
        }));
    }
    for task in tasks {
        timeout(WAIT, task).await.unwrap().unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_blocked_group_readers_get_every_entry_exactly_once() {
    const ENTRIES: usize = 500;
    const READERS: usize = 50;
    let engine = Engine::new();
    let mut admin = engine.connect_async();
    assert_eq!(
        admin
            .call(["XGROUP", "CREATE", "jobs", "workers", "$", "MKSTREAM"])
            .await
            .unwrap(),
        Reply::OK
    );
    let mut readers = Vec::new();
    for reader in 0..READERS {
        let mut conn = engine.connect_async();
        readers.push(tokio::spawn(async move {
            let consumer = format!("c{reader}");
            let mut got = Vec::new();
            loop {
                let reply = conn
                    .call([
                        "XREADGROUP",
                        "GROUP",
                        "workers",
                        consumer.as_str(),
                        "COUNT",
                        "1",
                        "BLOCK",
                        "0",
                        "STREAMS",
                        "jobs",
                        ">",
                    ])
                    .await
                    .unwrap();
                let id = entry_ids(&reply).remove(0);
                let ack = conn
                    .call(["XACK", "jobs", "workers", std::str::from_utf8(&id).unwrap()])
                    .await
                    .unwrap();
                assert_eq!(ack, Reply::Integer(1));
                // Each reader stops at its first "stop" entry, so the 50 stops reach 50
                // different readers.
                if only_value(&reply) == "stop" {
                    return got;
                }
                got.push(id);
            }
        }));
    }
    let mut producer = engine.connect_async();
    let mut produced = Vec::new();
    for n in 0..ENTRIES {
        let id = producer
            .call(["XADD", "jobs", "*", "job", &n.to_string()])
            .await
            .unwrap();
        produced.push(bulk_of(id));
        if n % 50 == 0 {
            tokio::task::yield_now().await; // let readers interleave with the producer
        }
    }
    for _ in 0..READERS {
        producer
            .call(["XADD", "jobs", "*", "job", "stop"])
            .await
            .unwrap();
    }
    let mut delivered = Vec::new();
    for reader in readers {
        delivered.extend(timeout(WAIT, reader).await.unwrap().unwrap());
    }
    assert_eq!(
        delivered.len(),
        ENTRIES,
        "an entry was lost or delivered twice"
    );
    let unique: HashSet<&Bytes> = delivered.iter().collect();
    assert_eq!(unique.len(), ENTRIES);
    assert_eq!(unique, produced.iter().collect::<HashSet<_>>());
    let pending = admin.call(["XPENDING", "jobs", "workers"]).await.unwrap();
    assert!(
        matches!(&pending, Reply::Array(parts) if parts[0] == Reply::Integer(0)),
        "{pending:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn xread_block_zero_is_woken_by_xadd() {
    let engine = Engine::new();
    let mut reader = engine.connect_async();
    let read = tokio::spawn(async move {
        reader
            .call(["XREAD", "BLOCK", "0", "STREAMS", "events", "$"])
            .await
    });
    // The read may park before or after this XADD; only a read parked first sees it, so
    // keep adding until it answers (it answers at the first XADD after it parked).
    let mut writer = engine.connect_async();
    let mut added = Vec::new();
    let reply = loop {
        added.push(bulk_of(
            writer
                .call(["XADD", "events", "*", "k", "v"])
                .await
                .unwrap(),
        ));
        if read.is_finished() {
            break timeout(WAIT, read).await.unwrap().unwrap().unwrap();
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
        assert!(added.len() < 2000, "the blocked read was never woken");
    };
    let ids = entry_ids(&reply);
    assert_eq!(ids.len(), 1);
    assert!(added.contains(&ids[0]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_block_timeout_on_the_manual_clock_answers_nil_when_advanced() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut reader = engine.connect_async();
    let mut other = engine.connect_async();
    reader
        .send(["XREAD", "BLOCK", "1000", "STREAMS", "s", "$"])
        .unwrap();
    // Queue order: once another connection's PING is answered, the read has parked.
    assert_eq!(other.call(["PING"]).await.unwrap(), Reply::status("PONG"));
    clock.advance(Duration::from_millis(999));
    assert_eq!(other.call(["PING"]).await.unwrap(), Reply::status("PONG"));
    assert_eq!(reader.try_recv().unwrap(), None);
    let waiting = tokio::spawn(async move {
        let reply = reader.recv().await;
        (reader, reply)
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(!waiting.is_finished());
    clock.advance(Duration::from_millis(1));
    let (mut reader, reply) = timeout(WAIT, waiting).await.unwrap().unwrap();
    assert_eq!(reply.unwrap(), Reply::NilArray);
    assert_eq!(reader.call(["PING"]).await.unwrap(), Reply::status("PONG"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscriber_streams_receive_every_message_in_order() {
    const SUBSCRIBERS: usize = 8;
    const MESSAGES: usize = 2000;
    let engine = Engine::new();
    let mut tasks = Vec::new();
    let ready = Arc::new(tokio::sync::Barrier::new(SUBSCRIBERS + 1));
    for _ in 0..SUBSCRIBERS {
        // A buffer for every message: this test is about delivery, not overflow.
        let mut subscriber = engine.subscriber_builder().capacity(MESSAGES).build();
        subscriber.subscribe(["feed"]).unwrap();
        let ready = Arc::clone(&ready);
        tasks.push(tokio::spawn(async move {
            ready.wait().await;
            let mut seen = Vec::with_capacity(MESSAGES);
            while let Some(item) = next(&mut subscriber).await {
                let message = item.unwrap();
                seen.push(String::from_utf8(message.payload().to_vec()).unwrap());
                if seen.len() == MESSAGES {
                    break;
                }
            }
            seen
        }));
    }
    ready.wait().await;
    let publisher = engine.clone();
    tokio::task::spawn_blocking(move || {
        for n in 0..MESSAGES {
            assert_eq!(
                publisher.publish("feed", n.to_string()).unwrap(),
                SUBSCRIBERS
            );
        }
    })
    .await
    .unwrap();
    let expected: Vec<String> = (0..MESSAGES).map(|n| n.to_string()).collect();
    for task in tasks {
        assert_eq!(timeout(WAIT, task).await.unwrap().unwrap(), expected);
    }
}

/// Every message finds its subscriber asleep: the publisher sends the next one only when
/// every task has acknowledged the last. A wake-up lost between a task's registration and
/// a publisher's send would leave that task asleep and fail on the timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_message_at_a_time_wakes_every_sleeping_subscriber() {
    const SUBSCRIBERS: usize = 4;
    const ROUNDS: usize = 3000;
    let engine = Engine::new();
    let (ack_tx, ack_rx) = crossbeam_channel::unbounded::<usize>();
    let mut tasks = Vec::new();
    for _ in 0..SUBSCRIBERS {
        let mut subscriber = engine.subscriber();
        subscriber.subscribe(["turn"]).unwrap();
        let ack = ack_tx.clone();
        tasks.push(tokio::spawn(async move {
            for round in 0..ROUNDS {
                let message = next(&mut subscriber).await.unwrap().unwrap();
                assert_eq!(message.payload(), &round.to_string());
                ack.send(round).unwrap();
            }
        }));
    }
    let publisher = engine.clone();
    tokio::task::spawn_blocking(move || {
        for round in 0..ROUNDS {
            assert_eq!(
                publisher.publish("turn", round.to_string()).unwrap(),
                SUBSCRIBERS
            );
            for _ in 0..SUBSCRIBERS {
                let acked = ack_rx
                    .recv_timeout(WAIT)
                    .expect("a subscriber stayed asleep");
                assert_eq!(acked, round);
            }
        }
    })
    .await
    .unwrap();
    for task in tasks {
        timeout(WAIT, task).await.unwrap().unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lagging_stream_reports_the_gap_as_recv_does() {
    let engine = Engine::new();
    let mut subscriber = engine
        .subscriber_builder()
        .capacity(2)
        .overflow(Overflow::Lag)
        .build();
    subscriber.subscribe(["c"]).unwrap();
    for n in 1..=5 {
        engine.publish("c", n.to_string()).unwrap();
    }
    let payload =
        |item: Option<Result<Message, RecvError>>| item.unwrap().unwrap().payload().clone();
    assert_eq!(payload(next(&mut subscriber).await), "1");
    assert_eq!(payload(next(&mut subscriber).await), "2");
    // Nothing buffered: the stream waits, and the next publication wakes it.
    let publisher = engine.clone();
    let later = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(20)).await;
        publisher.publish("c", "6").unwrap();
    });
    assert_eq!(
        timeout(WAIT, next(&mut subscriber)).await.unwrap(),
        Some(Err(RecvError::Lagged(3)))
    );
    assert_eq!(payload(next(&mut subscriber).await), "6");
    later.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overflowed_stream_ends_after_its_buffer_and_the_overflow() {
    let engine = Engine::new();
    let mut subscriber = engine
        .subscriber_builder()
        .capacity(1)
        .overflow(Overflow::Disconnect)
        .build();
    subscriber.subscribe(["c"]).unwrap();
    engine.publish("c", "kept").unwrap();
    engine.publish("c", "overflows").unwrap();
    let first = next(&mut subscriber).await.unwrap().unwrap();
    assert_eq!(&first.payload()[..], b"kept");
    assert_eq!(
        next(&mut subscriber).await,
        Some(Err(RecvError::Overflowed))
    );
    assert_eq!(next(&mut subscriber).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscribed_async_connection_receives_pushes() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["SUBSCRIBE", "news"]).unwrap();
    // Converted while subscribed: publications from other threads must wake it.
    let mut conn = conn.into_async();
    let task = tokio::spawn(async move {
        let mut payloads = Vec::new();
        for _ in 0..100 {
            match conn.recv().await.unwrap() {
                Reply::Push(parts) => {
                    assert_eq!(parts[0], Reply::bulk("message"));
                    payloads.push(bulk_of(parts[2].clone()));
                }
                other => panic!("{other:?}"),
            }
        }
        payloads
    });
    let publisher = engine.clone();
    tokio::task::spawn_blocking(move || {
        for n in 0..100 {
            publisher.publish("news", n.to_string()).unwrap();
            if n % 10 == 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    })
    .await
    .unwrap();
    let payloads = timeout(WAIT, task).await.unwrap().unwrap();
    let expected: Vec<Bytes> = (0..100).map(|n| Bytes::from(n.to_string())).collect();
    assert_eq!(payloads, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_in_flight_survive_into_async() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    for _ in 0..3 {
        conn.send(["INCR", "n"]).unwrap();
    }
    let mut conn = conn.into_async();
    for n in 1..=3 {
        assert_eq!(conn.recv().await.unwrap(), Reply::Integer(n));
    }
    assert_eq!(conn.try_recv().unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_blocking_call_does_not_take_the_next_reply() {
    let engine = Engine::new();
    let mut conn = engine.connect_async();
    // The read parks; the future is dropped when the timeout fires.
    let dropped = timeout(
        Duration::from_millis(30),
        conn.call(["XREAD", "BLOCK", "0", "STREAMS", "s", "$"]),
    )
    .await;
    assert!(dropped.is_err());
    // Its answer, when it comes, belongs to nobody; the next call gets its own reply.
    let mut writer = engine.connect_async();
    writer.call(["XADD", "s", "1-1", "f", "v"]).await.unwrap();
    assert_eq!(
        timeout(WAIT, conn.call(["ECHO", "mine"]))
            .await
            .unwrap()
            .unwrap(),
        Reply::bulk("mine")
    );
    assert_eq!(conn.try_recv().unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_calls_on_the_manual_clock_discard_exactly_their_replies() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect_async();
    conn.call(["SET", "k", "v"]).await.unwrap();
    for _ in 0..10 {
        let dropped = timeout(
            Duration::from_millis(5),
            conn.call(["XREAD", "BLOCK", "100", "STREAMS", "s", "$"]),
        )
        .await;
        assert!(dropped.is_err());
        clock.advance(Duration::from_millis(100)); // answers it with nil, discarded
    }
    let mut pipe = Pipeline::new();
    pipe.cmd(["GET", "k"]).cmd(["STRLEN", "k"]);
    assert_eq!(
        timeout(WAIT, pipe.execute_async(&mut conn))
            .await
            .unwrap()
            .unwrap(),
        vec![Reply::bulk("v"), Reply::Integer(1)]
    );
    assert_eq!(conn.try_recv().unwrap(), None);
}

/// A waker that counts its live clones: the `Arc`'s strong count minus the test's own.
struct CountingWaker;

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {}
}

#[test]
fn a_dropped_wait_leaves_at_most_one_waker_until_the_next_frame() {
    // No spinning: the first poll registers at once.
    let engine = Engine::builder().spin(Duration::ZERO).build();
    let mut conn: AsyncConnection = engine.connect_async();
    let counter = Arc::new(CountingWaker);
    let waker = Waker::from(Arc::clone(&counter));
    let mut cx = Context::from_waker(&waker);
    for _ in 0..100 {
        let mut recv = Box::pin(conn.recv());
        assert!(recv.as_mut().poll(&mut cx).is_pending());
    }
    drop(waker);
    // One registration is held (the latest), not one per dropped future.
    assert_eq!(Arc::strong_count(&counter), 2);
    // The next frame sent to the connection takes it.
    conn.send(["PING"]).unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    while Arc::strong_count(&counter) > 1 {
        assert!(
            std::time::Instant::now() < deadline,
            "the waker was never released"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(conn.try_recv().unwrap(), Some(Reply::status("PONG")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_wakes_every_pending_future_with_closed() {
    let engine = Engine::new();
    let mut calls = Vec::new();
    for n in 0..20 {
        let mut conn = engine.connect_async();
        calls.push(tokio::spawn(async move {
            conn.call(["XREAD", "BLOCK", "0", "STREAMS", &format!("s{n}"), "$"])
                .await
        }));
    }
    let mut receives = Vec::new();
    for _ in 0..5 {
        let mut conn = engine.connect_async();
        receives.push(tokio::spawn(async move { conn.recv().await }));
    }
    let mut streams = Vec::new();
    for _ in 0..5 {
        let mut subscriber = engine.subscriber();
        subscriber.subscribe(["never"]).unwrap();
        streams.push(tokio::spawn(async move { next(&mut subscriber).await }));
    }
    tokio::time::sleep(Duration::from_millis(50)).await; // let them all start waiting
    tokio::task::spawn_blocking(move || engine.shutdown())
        .await
        .unwrap();
    for call in calls {
        assert_eq!(
            timeout(WAIT, call).await.unwrap().unwrap(),
            Err(Error::Closed)
        );
    }
    for receive in receives {
        assert_eq!(
            timeout(WAIT, receive).await.unwrap().unwrap(),
            Err(Error::Closed)
        );
    }
    for stream in streams {
        assert_eq!(timeout(WAIT, stream).await.unwrap().unwrap(), None);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_blocked_read_holds_no_worker_thread() {
    let engine = Engine::new();
    let mut reader = engine.connect_async();
    let mut worker = engine.connect_async();
    // One worker thread runs both tasks: if the read held it, the writer would never run
    // and the read would never be answered.
    let (parked_tx, parked_rx) = tokio::sync::oneshot::channel::<()>();
    let read = tokio::spawn(async move {
        reader
            .send(["XREAD", "BLOCK", "0", "STREAMS", "wake", "$"])
            .unwrap();
        let _ = parked_tx.send(());
        reader.recv().await
    });
    let write = tokio::spawn(async move {
        parked_rx.await.unwrap();
        // Work on the same worker while the read waits, then wake it.
        for _ in 0..100 {
            worker.call(["INCR", "work"]).await.unwrap();
        }
        worker
            .call(["XADD", "wake", "*", "done", "1"])
            .await
            .unwrap();
        worker.call(["GET", "work"]).await.unwrap()
    });
    assert_eq!(
        timeout(WAIT, write).await.unwrap().unwrap(),
        Reply::bulk("100")
    );
    let reply = timeout(WAIT, read).await.unwrap().unwrap().unwrap();
    assert_eq!(entry_ids(&reply).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn until_ready_waits_for_the_manual_clock_and_admits_exactly_the_quota() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let limiter = Arc::new(engine.rate_limiter(Quota::per_second(10).unwrap()));
    let admitted = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..30 {
        let (limiter, admitted) = (Arc::clone(&limiter), Arc::clone(&admitted));
        tasks.push(tokio::spawn(async move {
            limiter.until_ready().await.unwrap();
            admitted.fetch_add(1, Ordering::SeqCst);
        }));
    }
    // The full bucket admits 10 at once; the other 20 wait for the clock.
    wait_for(&admitted, 10).await;
    tokio::time::sleep(Duration::from_millis(30)).await;
    assert_eq!(admitted.load(Ordering::SeqCst), 10);
    clock.advance(Duration::from_millis(500)); // five more cells
    wait_for(&admitted, 15).await;
    tokio::time::sleep(Duration::from_millis(30)).await;
    assert_eq!(admitted.load(Ordering::SeqCst), 15);
    // A bucket holds at most its burst: 10 cells a second, however far the clock jumps.
    clock.advance(Duration::from_secs(1));
    wait_for(&admitted, 25).await;
    clock.advance(Duration::from_secs(1));
    for task in tasks {
        timeout(WAIT, task).await.unwrap().unwrap();
    }
    assert_eq!(admitted.load(Ordering::SeqCst), 30);
}

/// Waits (in real time, bounded) until `counter` reaches `target`.
async fn wait_for(counter: &AtomicUsize, target: usize) {
    let deadline = tokio::time::Instant::now() + WAIT;
    while counter.load(Ordering::SeqCst) < target {
        assert!(
            tokio::time::Instant::now() < deadline,
            "stuck below {target}"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn until_n_ready_tells_never_from_not_yet() {
    let clock = ManualClock::new();
    let limiter = RateLimiter::with_clock(Quota::per_second(2).unwrap(), clock.clone());
    assert_eq!(
        limiter.until_n_ready(3).await,
        Err(RateLimitError::InsufficientCapacity { burst: 2 })
    );
    limiter.until_n_ready(2).await.unwrap();
    let limiter = Arc::new(limiter);
    let waiting = {
        let limiter = Arc::clone(&limiter);
        tokio::spawn(async move { limiter.until_n_ready(2).await })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(!waiting.is_finished());
    clock.advance(Duration::from_millis(500));
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(!waiting.is_finished(), "one cell is not two");
    clock.advance(Duration::from_millis(500));
    assert_eq!(timeout(WAIT, waiting).await.unwrap().unwrap(), Ok(()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn until_key_ready_waits_per_key() {
    let clock = ManualClock::new();
    let limiter = Arc::new(KeyedRateLimiter::<String>::with_clock(
        Quota::per_second(1).unwrap(),
        clock.clone(),
    ));
    limiter.until_key_ready("a").await.unwrap();
    let blocked = {
        let limiter = Arc::clone(&limiter);
        tokio::spawn(async move { limiter.until_key_ready("a").await })
    };
    // Another key is not held up by the waiting one.
    timeout(WAIT, limiter.until_key_ready("b"))
        .await
        .unwrap()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(!blocked.is_finished());
    clock.advance(Duration::from_secs(1));
    assert_eq!(timeout(WAIT, blocked).await.unwrap().unwrap(), Ok(()));
    assert_eq!(
        limiter.until_key_n_ready("c", 2).await,
        Err(RateLimitError::InsufficientCapacity { burst: 1 })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn until_ready_on_the_system_clock_sleeps_through_the_wait() {
    // 200 cells per second, burst 1: 20 admissions need at least 95 ms of real time.
    let limiter = RateLimiter::new(Quota::per_second(200).unwrap().with_burst(1).unwrap());
    let started = std::time::Instant::now();
    for _ in 0..20 {
        timeout(WAIT, limiter.until_ready()).await.unwrap().unwrap();
    }
    // A lower bound only, from the quota itself: no cell is admitted early.
    assert!(
        started.elapsed() >= Duration::from_millis(95),
        "{:?}",
        started.elapsed()
    );
}
