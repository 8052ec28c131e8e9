//! Cache-invalidation fan-out, the way Redis users build it: each application instance keeps
//! a local cache and a *dedicated* subscriber; whoever writes the source of truth publishes
//! `{"key":"user:42"}` on `cache-invalidation`, and every instance drops that entry at once.
//!
//! Then the same through a plain connection in subscribe mode, as a redis-cli user sees it,
//! a subscriber too slow for its buffer under each overflow policy, and client-side
//! caching, where the server itself tells a reader which keys it read have changed.
//!
//! Run with `cargo run --release --example pubsub`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use embedis::{Engine, Overflow, RecvError, Reply};

const CHANNEL: &str = "cache-invalidation";

/// One application instance: a local cache, and a thread that listens for invalidations.
struct Instance {
    name: &'static str,
    cache: Arc<Mutex<HashMap<String, String>>>,
    listener: thread::JoinHandle<usize>,
}

impl Instance {
    fn start(engine: &Engine, name: &'static str) -> Result<Instance, embedis::Error> {
        let cache = Arc::new(Mutex::new(HashMap::from([
            ("user:42".to_string(), "alice (cached)".to_string()),
            ("user:7".to_string(), "bob (cached)".to_string()),
        ])));
        // Subscribe before the thread starts: nothing published after this line is missed.
        let subscriber = engine.subscriber();
        subscriber.subscribe([CHANNEL])?;
        let local = Arc::clone(&cache);
        let listener = thread::spawn(move || {
            let mut invalidated = 0;
            // Ends when the engine shuts down.
            for message in subscriber.iter() {
                let Some(key) = parse_key(message.payload()) else {
                    continue;
                };
                if let Ok(mut cache) = local.lock() {
                    cache.remove(&key);
                }
                println!("  [{name}] dropped {key} from its cache");
                invalidated += 1;
            }
            invalidated
        });
        Ok(Instance {
            name,
            cache,
            listener,
        })
    }
}

/// `{"key":"user:42"}` → `user:42` (a real service would use serde_json).
fn parse_key(payload: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(payload).ok()?;
    let start = text.find(r#""key":""#)? + r#""key":""#.len();
    let end = start + text[start..].find('"')?;
    Some(text[start..end].to_string())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let engine = Engine::new();

    println!("== cache invalidation: three instances, one publisher ==");
    let instances = ["api-1", "api-2", "worker"]
        .into_iter()
        .map(|name| Instance::start(&engine, name))
        .collect::<Result<Vec<_>, _>>()?;
    let mut writer = engine.connect();
    writer.call(["SET", "user:42", "alice (new e-mail)"])?;
    let receivers = writer.call(["PUBLISH", CHANNEL, r#"{"key":"user:42"}"#])?;
    println!("PUBLISH reached {receivers:?} subscribers");

    println!("\n== a connection in subscribe mode (RESP2), as redis-cli shows it ==");
    let mut listener = engine.connect();
    println!("SUBSCRIBE -> {:?}", listener.call(["SUBSCRIBE", CHANNEL])?);
    println!("GET       -> {:?}", listener.call(["GET", "user:42"])?);
    engine.publish(CHANNEL, r#"{"key":"user:7"}"#)?;
    println!("message   -> {:?}", listener.recv()?);

    println!("\n== slow subscribers: buffer of 2, five messages ==");
    let lagging = engine
        .subscriber_builder()
        .capacity(2)
        .overflow(Overflow::Lag)
        .build();
    let strict = engine.subscriber_builder().capacity(2).build(); // Overflow::Disconnect
    lagging.subscribe(["prices"])?;
    strict.subscribe(["prices"])?;
    for price in ["100", "101", "102", "103", "104"] {
        engine.publish("prices", price)?;
    }
    let drain = |name: &str, subscriber: &embedis::Subscriber| {
        let mut seen = Vec::new();
        loop {
            match subscriber.try_recv() {
                Ok(Some(message)) => {
                    seen.push(String::from_utf8_lossy(message.payload()).into_owned())
                }
                Ok(None) => break,
                Err(RecvError::Lagged(n)) => seen.push(format!("<{n} dropped>")),
                Err(error) => {
                    seen.push(format!("<{error}>"));
                    break;
                }
            }
        }
        println!("{name:>10}: {}", seen.join(" "));
    };
    drain("Lag", &lagging);
    drain("Disconnect", &strict);
    // The next message that fits tells the lagging subscriber how many it missed.
    engine.publish("prices", "105")?;
    drain("Lag", &lagging);

    println!("\n== client-side caching: the server tells the reader what changed ==");
    // No publisher involved: CLIENT TRACKING remembers what this connection read, and a
    // write by anyone arrives as an `invalidate` push (RESP3), once per read.
    let mut reader = engine.connect();
    reader.call(["HELLO", "3"])?;
    reader.run(embedis::cmd::ClientTracking::on())?;
    println!("GET user:42 -> {:?}", reader.call(["GET", "user:42"])?);
    writer.call(["SET", "user:42", "alice (renamed)"])?;
    let push = reader.recv_timeout(Duration::from_secs(1))?;
    println!("pushed      -> {push:?}");
    let expected = Reply::Push(vec![
        Reply::bulk("invalidate"),
        Reply::Array(vec![Reply::bulk("user:42")]),
    ]);
    assert_eq!(push, Some(expected));

    thread::sleep(Duration::from_millis(50)); // let the listeners print
    engine.shutdown();
    for instance in instances {
        let name = instance.name;
        let invalidated = instance.listener.join().map_err(|_| "listener panicked")?;
        let cache = instance.cache.lock().map_err(|_| "poisoned")?;
        assert!(!cache.contains_key("user:42") && !cache.contains_key("user:7"));
        println!(
            "{name}: {invalidated} invalidations, cache now {:?}",
            cache.keys()
        );
    }
    assert_eq!(receivers, Reply::Integer(3));
    Ok(())
}
