//! Pub/sub under load: several publisher threads, many subscribers of which some are slow
//! on purpose. Checks per-publisher order at every subscriber, exact counts for fast
//! subscribers, exact dropped counts under `Lag`, the `Disconnect` policy under pressure, and
//! that no buffer ever holds more than its capacity.

use std::collections::HashMap;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use embedis::{Engine, Message, Overflow, RecvError, Subscriber};

const PUBLISHERS: usize = 4;
const PER_PUBLISHER: u64 = 50_000;
const TOTAL: u64 = PUBLISHERS as u64 * PER_PUBLISHER;
const SLOW_CAPACITY: usize = 64;
const END: &[u8] = b"end";

/// `publisher:sequence` → (publisher, sequence).
fn parse(message: &Message) -> (usize, u64) {
    let text = std::str::from_utf8(message.payload()).expect("utf-8 payload");
    let (publisher, sequence) = text.split_once(':').expect("publisher:sequence");
    (
        publisher.parse().expect("publisher"),
        sequence.parse().expect("sequence"),
    )
}

/// What one subscriber saw.
#[derive(Debug, Default)]
struct Seen {
    received: u64,
    lag_reported: u64,
    overflowed: bool,
}

/// Reads until the end marker (or the end of the subscriber), checking that each
/// publisher's sequence numbers only grow and that the buffer never exceeds `capacity`.
fn consume(subscriber: &Subscriber, capacity: usize, slow: bool) -> Seen {
    let mut seen = Seen::default();
    let mut last: HashMap<usize, u64> = HashMap::new();
    loop {
        assert!(
            subscriber.len() <= capacity + 1,
            "buffer over its bound: {} > {capacity}",
            subscriber.len()
        );
        match subscriber.recv() {
            Ok(message) if message.payload().as_ref() == END => return seen,
            Ok(message) => {
                let (publisher, sequence) = parse(&message);
                if let Some(previous) = last.insert(publisher, sequence) {
                    assert!(
                        sequence > previous,
                        "publisher {publisher}: {sequence} after {previous}"
                    );
                }
                seen.received += 1;
                if slow && seen.received % 256 == 0 {
                    thread::sleep(Duration::from_millis(1));
                }
            }
            Err(RecvError::Lagged(n)) => seen.lag_reported += n,
            Err(RecvError::Overflowed) => {
                seen.overflowed = true;
                return seen;
            }
            Err(RecvError::Closed) => panic!("engine closed during the test"),
        }
    }
}

#[test]
fn many_publishers_fast_and_slow_subscribers() {
    let engine = Engine::new();
    // Fast subscribers get a buffer that can hold everything: they must see every
    // message, whatever the scheduler does on a small machine.
    let fast: Vec<Subscriber> = (0..3)
        .map(|_| {
            engine
                .subscriber_builder()
                .capacity(TOTAL as usize + 1)
                .build()
        })
        .collect();
    let lagging: Vec<Subscriber> = (0..3)
        .map(|_| {
            engine
                .subscriber_builder()
                .capacity(SLOW_CAPACITY)
                .overflow(Overflow::Lag)
                .build()
        })
        .collect();
    let disconnecting: Vec<Subscriber> = (0..2)
        .map(|_| engine.subscriber_builder().capacity(16).build())
        .collect();
    // Half by channel, half by pattern: both routes keep order.
    for (i, subscriber) in fast
        .iter()
        .chain(&lagging)
        .chain(&disconnecting)
        .enumerate()
    {
        if i % 2 == 0 {
            subscriber.subscribe(["events"]).unwrap();
        } else {
            subscriber.psubscribe(["ev*"]).unwrap();
        }
    }

    let start = Arc::new(Barrier::new(PUBLISHERS + 1));
    let publishers: Vec<_> = (0..PUBLISHERS)
        .map(|p| {
            let engine = engine.clone();
            let start = Arc::clone(&start);
            thread::spawn(move || {
                start.wait();
                for sequence in 0..PER_PUBLISHER {
                    let receivers = engine.publish("events", format!("{p}:{sequence}")).unwrap();
                    assert!(
                        receivers >= 6,
                        "fast and lagging subscribers stay subscribed"
                    );
                }
            })
        })
        .collect();

    let results = thread::scope(|scope| {
        let readers: Vec<_> = fast
            .iter()
            .map(|s| (s, TOTAL as usize + 1, false))
            .chain(lagging.iter().map(|s| (s, SLOW_CAPACITY, true)))
            .chain(disconnecting.iter().map(|s| (s, 16, true)))
            .map(|(subscriber, capacity, slow)| {
                scope.spawn(move || consume(subscriber, capacity, slow))
            })
            .collect();
        start.wait();
        for publisher in publishers {
            publisher.join().unwrap();
        }
        // Every buffer that is still subscribed gets room for the end marker once its
        // reader has drained it; the marker carries the trailing gap of a lagging one.
        for subscriber in fast.iter().chain(&lagging) {
            while !subscriber.is_empty() {
                thread::sleep(Duration::from_millis(1));
            }
        }
        engine.publish("events", END).unwrap();
        readers
            .into_iter()
            .map(|reader| reader.join().unwrap())
            .collect::<Vec<_>>()
    });

    for (subscriber, seen) in fast.iter().zip(&results[..3]) {
        assert_eq!(seen.received, TOTAL, "a fast subscriber misses nothing");
        assert_eq!(seen.lag_reported, 0);
        assert_eq!(subscriber.stats().delivered, TOTAL + 1);
        assert_eq!(subscriber.stats().dropped, 0);
    }
    for (subscriber, seen) in lagging.iter().zip(&results[3..6]) {
        let stats = subscriber.stats();
        assert_eq!(
            seen.received + 1,
            stats.delivered,
            "the end marker is the +1"
        );
        assert_eq!(
            seen.lag_reported, stats.dropped,
            "every dropped message is reported, exactly"
        );
        assert_eq!(seen.received + stats.dropped, TOTAL);
        assert!(!seen.overflowed);
    }
    for (subscriber, seen) in disconnecting.iter().zip(&results[6..]) {
        assert!(
            seen.overflowed,
            "a slow subscriber under Disconnect is closed"
        );
        assert_eq!(
            subscriber.stats().dropped,
            1,
            "the message that did not fit"
        );
        assert_eq!(seen.received, subscriber.stats().delivered);
        assert_eq!(
            subscriber.subscribe(["events"]),
            Err(embedis::Error::Closed)
        );
    }
    let mut conn = engine.connect();
    let numsub = conn.call(["PUBSUB", "NUMSUB", "events"]).unwrap();
    assert_eq!(
        numsub,
        embedis::Reply::Array(vec![
            embedis::Reply::bulk("events"),
            embedis::Reply::Integer(3)
        ]),
        "fast and lagging by channel (the others by pattern); disconnected ones gone"
    );
}
