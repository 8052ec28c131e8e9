//! Pub/sub through the typed `Subscriber` and through connections: delivery, counts, the
//! overflow policies, closing, keyspace notifications on the engine clock.
//! (Frame-by-frame fidelity with redis-server is in `differential_pubsub.rs`.)

use std::time::Duration;

use bytes::Bytes;
use embedis::{Engine, Error, ManualClock, Overflow, RecvError, Reply};

const WAIT: Duration = Duration::from_secs(5);

fn push(items: &[&str]) -> Reply {
    Reply::Push(items.iter().map(Reply::bulk).collect())
}

fn confirmation(kind: &str, name: &str, count: i64) -> Reply {
    Reply::Push(vec![
        Reply::bulk(kind),
        Reply::bulk(name),
        Reply::Integer(count),
    ])
}

fn numsub(engine: &Engine, channel: &str) -> i64 {
    match engine
        .connect()
        .call(["PUBSUB", "NUMSUB", channel])
        .expect("engine")
    {
        Reply::Array(items) => match items.get(1) {
            Some(Reply::Integer(n)) => *n,
            other => panic!("unexpected NUMSUB item {other:?}"),
        },
        other => panic!("unexpected NUMSUB reply {other:?}"),
    }
}

#[test]
fn subscriber_receives_channel_pattern_and_shard_messages() {
    let engine = Engine::new();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["orders"]).unwrap();
    subscriber.psubscribe(["ord*", "*s"]).unwrap();
    subscriber.ssubscribe(["orders"]).unwrap();
    // One channel delivery plus one per matching pattern; the shard channel is apart.
    assert_eq!(engine.publish("orders", "o1").unwrap(), 3);
    assert_eq!(engine.spublish("orders", "s1").unwrap(), 1);
    let received: Vec<_> = (0..4)
        .map(|_| subscriber.recv_timeout(WAIT).unwrap().expect("message"))
        .collect();
    let pattern = |m: &embedis::Message| m.pattern().cloned();
    assert_eq!(pattern(&received[0]), None);
    assert_eq!(pattern(&received[1]), Some(Bytes::from("ord*")));
    assert_eq!(pattern(&received[2]), Some(Bytes::from("*s")));
    assert!(received[..3]
        .iter()
        .all(|m| &m.payload()[..] == b"o1" && !m.is_shard()));
    assert!(received[3].is_shard() && &received[3].payload()[..] == b"s1");
    assert_eq!(subscriber.try_recv(), Ok(None));
}

#[test]
fn a_payload_is_shared_by_every_receiver_not_copied() {
    let engine = Engine::new();
    let subscribers: Vec<_> = (0..3).map(|_| engine.subscriber()).collect();
    for subscriber in &subscribers {
        subscriber.subscribe(["c"]).unwrap();
    }
    let payload = Bytes::from(vec![7u8; 4096]);
    assert_eq!(engine.publish("c", payload.clone()).unwrap(), 3);
    for subscriber in &subscribers {
        let message = subscriber.recv().unwrap();
        assert_eq!(
            message.payload().as_ptr(),
            payload.as_ptr(),
            "same bytes, not a copy"
        );
    }
}

#[test]
fn numsub_counts_subscribers_at_once_and_forgets_dropped_ones() {
    let engine = Engine::new();
    let first = engine.subscriber();
    first.subscribe(["news"]).unwrap();
    let mut conn = engine.connect();
    assert_eq!(
        conn.call(["SUBSCRIBE", "news"]).unwrap(),
        confirmation("subscribe", "news", 1)
    );
    assert_eq!(numsub(&engine, "news"), 2);
    drop(first);
    assert_eq!(numsub(&engine, "news"), 1);
    drop(conn);
    // The connection's Close goes through the executor queue before this PUBSUB.
    assert_eq!(numsub(&engine, "news"), 0);
}

#[test]
fn lag_policy_drops_what_does_not_fit_and_reports_the_gap_in_place() {
    let engine = Engine::new();
    let subscriber = engine
        .subscriber_builder()
        .capacity(2)
        .overflow(Overflow::Lag)
        .build();
    subscriber.subscribe(["c"]).unwrap();
    for n in 1..=5 {
        // Counted as a receiver whether or not it fitted, as Redis counts a client.
        assert_eq!(engine.publish("c", n.to_string()).unwrap(), 1);
    }
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"1");
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"2");
    assert_eq!(subscriber.try_recv(), Ok(None));
    engine.publish("c", "6").unwrap();
    assert_eq!(subscriber.recv(), Err(RecvError::Lagged(3)));
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"6");
    let stats = subscriber.stats();
    assert_eq!((stats.delivered, stats.dropped), (3, 3));
    // Still subscribed.
    assert_eq!(numsub(&engine, "c"), 1);
}

#[test]
fn lag_count_travels_with_the_message_on_the_raw_receiver() {
    let engine = Engine::new();
    let subscriber = engine
        .subscriber_builder()
        .capacity(1)
        .overflow(Overflow::Lag)
        .build();
    subscriber.subscribe(["c"]).unwrap();
    engine.publish("c", "a").unwrap();
    engine.publish("c", "b").unwrap();
    let first = subscriber.receiver().recv().unwrap();
    assert_eq!((&first.payload()[..], first.lagged()), (&b"a"[..], 0));
    engine.publish("c", "c").unwrap();
    let second = subscriber.receiver().recv().unwrap();
    assert_eq!((&second.payload()[..], second.lagged()), (&b"c"[..], 1));
}

#[test]
fn disconnect_policy_delivers_the_buffer_then_says_why() {
    let engine = Engine::new();
    let subscriber = engine.subscriber_builder().capacity(2).build();
    subscriber.subscribe(["c"]).unwrap();
    subscriber.psubscribe(["x*"]).unwrap();
    for n in 1..=3 {
        assert_eq!(engine.publish("c", n.to_string()).unwrap(), 1);
    }
    // Unsubscribed from everything at the overflow.
    assert_eq!(numsub(&engine, "c"), 0);
    assert_eq!(engine.publish("xy", "after").unwrap(), 0);
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"1");
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"2");
    assert_eq!(subscriber.recv(), Err(RecvError::Overflowed));
    assert_eq!(subscriber.try_recv(), Err(RecvError::Overflowed));
    assert_eq!(subscriber.subscribe(["c"]), Err(Error::Closed));
    assert_eq!(subscriber.stats().dropped, 1);
}

#[test]
fn engine_default_policy_comes_from_the_builder() {
    let engine = Engine::builder()
        .subscriber_capacity(1)
        .subscriber_overflow(Overflow::Lag)
        .build();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["c"]).unwrap();
    engine.publish("c", "1").unwrap();
    engine.publish("c", "2").unwrap();
    assert_eq!(subscriber.stats().dropped, 1);
    assert_eq!(numsub(&engine, "c"), 1, "Lag keeps it subscribed");
}

#[test]
fn shutdown_closes_every_subscriber_after_its_buffer() {
    let engine = Engine::new();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["c"]).unwrap();
    engine.publish("c", "last").unwrap();
    engine.shutdown();
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"last");
    assert_eq!(subscriber.recv(), Err(RecvError::Closed));
    assert_eq!(subscriber.recv_timeout(WAIT), Err(RecvError::Closed));
    assert_eq!(engine.publish("c", "x"), Err(Error::Closed));
    assert_eq!(subscriber.subscribe(["d"]), Err(Error::Closed));
    let late = engine.subscriber();
    assert_eq!(late.try_recv(), Err(RecvError::Closed));
}

#[test]
fn a_subscriber_keeps_its_engine_running() {
    let subscriber = {
        let engine = Engine::new();
        let subscriber = engine.subscriber();
        subscriber.subscribe(["c"]).unwrap();
        subscriber
    };
    assert_eq!(
        subscriber.recv_timeout(Duration::from_millis(20)),
        Ok(None),
        "not closed: the engine lives as long as its subscriber"
    );
}

#[test]
fn subscriber_iterator_ends_when_the_engine_stops() {
    let engine = Engine::new();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["c"]).unwrap();
    let producer = {
        let engine = engine.clone();
        std::thread::spawn(move || {
            for n in 0..100 {
                engine.publish("c", n.to_string()).unwrap();
            }
            engine.shutdown();
        })
    };
    let payloads: Vec<String> = subscriber
        .iter()
        .map(|m| String::from_utf8(m.payload().to_vec()).unwrap())
        .collect();
    producer.join().unwrap();
    let expected: Vec<String> = (0..100).map(|n| n.to_string()).collect();
    assert_eq!(payloads, expected);
}

#[test]
fn connection_subscribe_confirmation_always_precedes_messages() {
    // A publisher on another thread publishes without pause while the connection
    // subscribes: the first frame must still be the confirmation, as on redis-server.
    // A buffer large enough that the flood cannot close the connection in between.
    let engine = Engine::builder().subscriber_capacity(1 << 20).build();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let publisher = {
        let engine = engine.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                engine.publish("hot", n.to_string()).unwrap();
                n += 1;
            }
        })
    };
    for _ in 0..200 {
        let mut conn = engine.connect();
        conn.send(["SUBSCRIBE", "hot"]).unwrap();
        assert_eq!(conn.recv().unwrap(), confirmation("subscribe", "hot", 1));
        match conn.recv_timeout(WAIT).unwrap() {
            Some(Reply::Push(items)) => assert_eq!(items[0], Reply::bulk("message")),
            other => panic!("expected a message, got {other:?}"),
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    publisher.join().unwrap();
}

#[test]
fn resp2_subscribe_mode_only_listens_resp3_does_everything() {
    let engine = Engine::new();
    let mut resp2 = engine.connect();
    resp2.call(["SUBSCRIBE", "c"]).unwrap();
    assert_eq!(
        resp2.call(["SET", "k", "v"]).unwrap(),
        Reply::Error(Error::SubscribeContext {
            command: "set".into()
        })
    );
    assert_eq!(
        resp2.call(["PING"]).unwrap(),
        Reply::Array(vec![Reply::bulk("pong"), Reply::bulk("")])
    );
    assert_eq!(resp2.call(["RESET"]).unwrap(), Reply::status("RESET"));
    assert_eq!(resp2.call(["SET", "k", "v"]).unwrap(), Reply::OK);

    let mut resp3 = engine.connect();
    resp3.call(["HELLO", "3"]).unwrap();
    resp3.call(["SUBSCRIBE", "c"]).unwrap();
    assert_eq!(resp3.call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    assert_eq!(resp3.call(["PING"]).unwrap(), Reply::status("PONG"));
    engine.publish("c", "hi").unwrap();
    assert_eq!(
        resp3.recv_timeout(WAIT).unwrap(),
        Some(push(&["message", "c", "hi"]))
    );
}

#[test]
fn a_connection_that_leaves_messages_unread_is_closed_like_redis_does() {
    let engine = Engine::builder().subscriber_capacity(3).build();
    let mut conn = engine.connect();
    conn.call(["SUBSCRIBE", "c"]).unwrap();
    for n in 1..=5 {
        engine.publish("c", n.to_string()).unwrap();
    }
    for n in 1..=3 {
        assert_eq!(
            conn.recv().unwrap(),
            push(&["message", "c", &n.to_string()])
        );
    }
    assert_eq!(conn.recv(), Err(Error::OutputBufferOverflow));
    assert_eq!(conn.call(["PING"]), Err(Error::OutputBufferOverflow));
    assert_eq!(numsub(&engine, "c"), 0);
}

#[test]
fn reading_keeps_a_subscribed_connection_within_its_limit() {
    let engine = Engine::builder().subscriber_capacity(2).build();
    let mut conn = engine.connect();
    conn.call(["SUBSCRIBE", "c"]).unwrap();
    for n in 0..50 {
        engine.publish("c", n.to_string()).unwrap();
        assert_eq!(
            conn.recv().unwrap(),
            push(&["message", "c", &n.to_string()])
        );
    }
    assert_eq!(numsub(&engine, "c"), 1);
}

#[test]
fn publish_inside_multi_and_from_atomically() {
    let engine = Engine::new();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["c"]).unwrap();
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    conn.call(["PUBLISH", "c", "in-multi"]).unwrap();
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::Integer(1)])
    );
    let count = engine
        .atomically(|db| db.call(["PUBLISH", "c", "atomic"]))
        .unwrap();
    assert_eq!(count, Reply::Integer(1));
    assert_eq!(
        engine.atomically(|db| db.call(["SUBSCRIBE", "c"])).unwrap(),
        Reply::Error(Error::NotAllowedInAtomically)
    );
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"in-multi");
    assert_eq!(&subscriber.recv().unwrap().payload()[..], b"atomic");
}

#[test]
fn expired_events_follow_the_engine_clock_without_access() {
    let clock = ManualClock::new();
    let engine = Engine::builder()
        .clock(clock.clone())
        .notify_keyspace_events("Ex")
        .build();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["__keyevent@0__:expired"]).unwrap();
    let mut conn = engine.connect();
    conn.call(["SET", "session:1", "x", "PX", "100"]).unwrap();
    assert_eq!(subscriber.recv_timeout(Duration::from_millis(20)), Ok(None));
    clock.advance(Duration::from_millis(100));
    // The active sweep, woken by the clock, removes the key and announces it.
    let message = subscriber
        .recv_timeout(WAIT)
        .unwrap()
        .expect("expired event");
    assert_eq!(&message.payload()[..], b"session:1");
    assert_eq!(
        conn.call(["EXISTS", "session:1"]).unwrap(),
        Reply::Integer(0)
    );
}

#[test]
fn reads_that_find_no_key_announce_a_key_miss() {
    let clock = ManualClock::new();
    let engine = Engine::builder()
        .clock(clock.clone())
        .notify_keyspace_events("Exm")
        .build();
    let subscriber = engine.subscriber();
    subscriber
        .subscribe(["__keyevent@0__:keymiss", "__keyevent@0__:expired"])
        .unwrap();
    let mut conn = engine.connect();
    conn.call(["SET", "cache:1", "x", "PX", "100"]).unwrap();
    conn.call(["GET", "cache:1"]).unwrap(); // a hit: nothing
    conn.call(["INCR", "hits"]).unwrap(); // a write that creates: nothing
    conn.call(["GET", "cache:2"]).unwrap();
    clock.advance(Duration::from_millis(100));
    conn.call(["XLEN", "cache:1"]).unwrap();
    let events: Vec<(String, String)> = std::iter::from_fn(|| {
        let message = subscriber.recv_timeout(Duration::from_millis(50)).ok()??;
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        Some((text(message.channel()), text(message.payload())))
    })
    .collect();
    let event = |name: &str, key: &str| (format!("__keyevent@0__:{name}"), key.to_string());
    assert_eq!(
        events,
        [
            event("keymiss", "cache:2"),
            event("expired", "cache:1"),
            event("keymiss", "cache:1"),
        ]
    );
}

#[test]
fn notifications_are_switched_by_config_set() {
    let engine = Engine::new();
    let subscriber = engine.subscriber();
    subscriber.psubscribe(["__key*__:*"]).unwrap();
    let mut conn = engine.connect();
    conn.call(["SET", "a", "1"]).unwrap();
    assert_eq!(
        conn.call(["CONFIG", "SET", "notify-keyspace-events", "K$"])
            .unwrap(),
        Reply::OK
    );
    conn.call(["SET", "b", "2"]).unwrap();
    conn.call(["DEL", "b"]).unwrap(); // generic class: off
    let message = subscriber.recv_timeout(WAIT).unwrap().expect("set event");
    assert_eq!(&message.channel()[..], b"__keyspace@0__:b");
    assert_eq!(&message.payload()[..], b"set");
    assert_eq!(subscriber.recv_timeout(Duration::from_millis(20)), Ok(None));
}

#[test]
fn select_over_a_subscriber_and_another_channel() {
    let engine = Engine::new();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["c"]).unwrap();
    let (tx, other) = crossbeam_channel::unbounded::<&str>();
    tx.send("other").unwrap();
    engine.publish("c", "pubsub").unwrap();
    let mut seen = Vec::new();
    for _ in 0..2 {
        crossbeam_channel::select! {
            recv(subscriber.receiver()) -> message => seen.push(String::from_utf8(message.unwrap().payload().to_vec()).unwrap()),
            recv(other) -> text => seen.push(text.unwrap().to_string()),
        }
    }
    seen.sort();
    assert_eq!(seen, ["other", "pubsub"]);
}

#[test]
fn typed_subscribe_and_publish_commands() {
    use embedis::cmd::{PubSub, Publish, Subscribe, Unsubscribe};
    let engine = Engine::new();
    let mut listener = engine.connect();
    listener
        .send_command(Subscribe::channels(["a", "b"]))
        .unwrap();
    assert_eq!(listener.recv().unwrap(), confirmation("subscribe", "a", 1));
    assert_eq!(listener.recv().unwrap(), confirmation("subscribe", "b", 2));
    let mut publisher = engine.connect();
    assert_eq!(publisher.run(Publish::new("a", "x")).unwrap(), 1);
    assert_eq!(publisher.run(Publish::shard("a", "x")).unwrap(), 0);
    assert_eq!(
        publisher.run(PubSub::numsub(["a", "z"])).unwrap(),
        Reply::Array(vec![
            Reply::bulk("a"),
            Reply::Integer(1),
            Reply::bulk("z"),
            Reply::Integer(0)
        ])
    );
    assert_eq!(listener.recv().unwrap(), push(&["message", "a", "x"]));
    let none: [&str; 0] = [];
    listener.send_command(Unsubscribe::channels(none)).unwrap();
    assert_eq!(
        listener.recv().unwrap(),
        confirmation("unsubscribe", "a", 1)
    );
    assert_eq!(
        listener.recv().unwrap(),
        confirmation("unsubscribe", "b", 0)
    );
    assert_eq!(listener.call(["GET", "k"]).unwrap(), Reply::Nil);
}

#[test]
fn pipelines_carry_every_confirmation_frame() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let replies = embedis::Pipeline::new()
        .cmd(["SUBSCRIBE", "a", "b"])
        .cmd(["PING"])
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        replies,
        vec![
            confirmation("subscribe", "a", 1),
            confirmation("subscribe", "b", 2),
            Reply::Array(vec![Reply::bulk("pong"), Reply::bulk("")]),
        ]
    );
}
