//! The tour: the keyspace with expiry, a MULTI/EXEC transaction with WATCH, an atomic
//! closure, pub/sub, streams with a consumer group, and rate limiting — everything
//! redis-server would answer, in-process.
//!
//! Run with `cargo run --release --example demo`.

use std::time::Duration;

use embedis::cmd::{IncrBy, Set, Ttl};
use embedis::{Engine, Error, ManualClock, Quota, Reply};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    keyspace()?;
    transaction()?;
    atomic_closure()?;
    pubsub()?;
    streams()?;
    rate_limiting()?;
    println!("\nall demo steps passed");
    Ok(())
}

/// Strings, counters and TTLs, through the argv API and the typed API.
fn keyspace() -> Result<(), Error> {
    println!("== keyspace ==");
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();

    show(&mut conn, &["SET", "session:42", "alice", "EX", "30"])?;
    show(&mut conn, &["GET", "session:42"])?;
    show(&mut conn, &["TTL", "session:42"])?;
    show(&mut conn, &["INCR", "session:42"])?; // Redis's exact error text
    show(&mut conn, &["SET", "k", "v", "NX", "XX"])?;
    show(&mut conn, &["GETX", "k"])?;

    // Time moves only when told: no sleeping in tests.
    clock.advance(Duration::from_secs(30));
    println!("   (clock advanced 30 s)");
    show(&mut conn, &["GET", "session:42"])?;

    // The typed API builds the same command and decodes the reply.
    conn.run(Set::new("visits", "10").ex(3600))?;
    let visits = conn.run(IncrBy::new("visits", 5))?;
    let ttl = conn.run(Ttl::seconds("visits"))?;
    println!("typed: visits = {visits}, ttl = {ttl:?}");
    Ok(())
}

/// Optimistic locking: WATCH a balance, then debit it in MULTI/EXEC.
fn transaction() -> Result<(), Error> {
    println!("\n== transaction ==");
    let engine = Engine::new();
    let mut alice = engine.connect();
    let mut bob = engine.connect();
    alice.call(["SET", "balance", "100"])?;

    let mut tx = alice.transaction();
    tx.watch(["balance"])?;
    tx.cmd(["DECRBY", "balance", "30"]).cmd(["GET", "balance"]);
    println!("EXEC (untouched)   -> {:?}", tx.exec()?);

    let mut tx = alice.transaction();
    tx.watch(["balance"])?;
    bob.call(["INCRBY", "balance", "1"])?; // another client changes the key first
    tx.cmd(["DECRBY", "balance", "30"]);
    println!("EXEC (key changed) -> {:?} (nil: retry)", tx.exec()?);

    // A rejected command aborts the whole transaction, as on Redis.
    alice.call(["MULTI"])?;
    show(&mut alice, &["INCR", "balance"])?;
    show(&mut alice, &["NOSUCHCOMMAND"])?;
    show(&mut alice, &["EXEC"])?;
    Ok(())
}

/// Read-modify-write logic that needs no round trips and no lock: the in-process Lua script.
fn atomic_closure() -> Result<(), Error> {
    println!("\n== atomic closure ==");
    let engine = Engine::new();
    let transfer = |engine: &Engine, amount: i64| {
        engine.atomically(move |db| -> Result<bool, Error> {
            let from: i64 = match db.get("acct:a")? {
                Some(raw) => String::from_utf8_lossy(&raw).parse().unwrap_or(0),
                None => 0,
            };
            if from < amount {
                return Ok(false);
            }
            db.incr_by("acct:a", -amount)?;
            db.incr_by("acct:b", amount)?;
            Ok(true)
        })
    };
    engine.atomically(|db| db.set("acct:a", "50"))??;
    println!("transfer 30 -> {}", transfer(&engine, 30)??);
    println!(
        "transfer 30 -> {} (insufficient funds)",
        transfer(&engine, 30)??
    );
    let mut conn = engine.connect();
    show(&mut conn, &["MGET", "acct:a", "acct:b"])?;
    Ok(())
}

/// Broadcast: a dedicated subscriber beside the connection that publishes, a pattern, and a
/// keyspace notification when a key expires.
fn pubsub() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== pub/sub ==");
    let clock = ManualClock::new();
    let engine = Engine::builder()
        .clock(clock.clone())
        .notify_keyspace_events("Ex")
        .build();
    let subscriber = engine.subscriber();
    subscriber.subscribe(["cache-invalidation", "__keyevent@0__:expired"])?;
    subscriber.psubscribe(["cache-*"])?;
    let mut conn = engine.connect();
    // One channel subscription plus one matching pattern: two receivers.
    show(
        &mut conn,
        &["PUBLISH", "cache-invalidation", r#"{"key":"user:42"}"#],
    )?;
    show(&mut conn, &["SET", "session:7", "x", "PX", "100"])?;
    clock.advance(Duration::from_millis(100));
    for _ in 0..3 {
        let message = subscriber
            .recv_timeout(Duration::from_secs(5))?
            .ok_or("a message should have arrived")?;
        println!(
            "subscriber got {:<24} via {:<10} -> {}",
            String::from_utf8_lossy(message.channel()),
            message
                .pattern()
                .map_or("channel".into(), |p| String::from_utf8_lossy(p)),
            String::from_utf8_lossy(message.payload())
        );
    }
    Ok(())
}

/// The durable log: append, a consumer group sharing the work, a crashed worker's entry
/// claimed by another, and a blocking read answered by a write.
fn streams() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== streams ==");
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    show(
        &mut conn,
        &["XGROUP", "CREATE", "orders", "billing", "$", "MKSTREAM"],
    )?;
    show(&mut conn, &["XADD", "orders", "1-1", "order", "#1"])?;
    show(&mut conn, &["XADD", "orders", "1-2", "order", "#2"])?;
    // bob reads both and crashes; alice claims what has been pending for a minute.
    show(
        &mut conn,
        &[
            "XREADGROUP",
            "GROUP",
            "billing",
            "bob",
            "STREAMS",
            "orders",
            ">",
        ],
    )?;
    clock.advance(Duration::from_secs(60));
    show(
        &mut conn,
        &[
            "XAUTOCLAIM",
            "orders",
            "billing",
            "alice",
            "60000",
            "0",
            "JUSTID",
        ],
    )?;
    show(&mut conn, &["XACK", "orders", "billing", "1-1", "1-2"])?;
    // A blocked reader is served by the next XADD, without a thread parked in the engine.
    let mut reader = engine.connect();
    reader.send(["XREAD", "BLOCK", "0", "STREAMS", "orders", "$"])?;
    show(&mut conn, &["XADD", "orders", "2-1", "order", "#3"])?;
    let served = reader
        .recv_timeout(Duration::from_secs(5))?
        .ok_or("the XADD wakes the reader")?;
    println!("{:<40} -> {}", "(blocked XREAD, served)", render(&served));
    Ok(())
}

/// Throttling: a one-command window counter, and a lock-free token bucket.
fn rate_limiting() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== rate limiting ==");
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    // INCREX (Redis 8.8): at most 2 hits per 60 s window; refused hits change nothing.
    for _ in 0..3 {
        show(
            &mut conn,
            &[
                "INCREX",
                "hits:ip:10.0.0.7",
                "UBOUND",
                "2",
                "EX",
                "60",
                "ENX",
            ],
        )?;
    }
    // A GCRA token bucket in one AtomicU64: 5 per second, bursts of 2, no executor hop.
    let quota = Quota::per_second(5)?.with_burst(2)?;
    let limiter = engine.rate_limiter(quota);
    let burst: Vec<bool> = (0..3).map(|_| limiter.check().is_ok()).collect();
    println!("RateLimiter: three at once -> {burst:?}");
    clock.advance(Duration::from_millis(200));
    println!("RateLimiter: 200 ms later -> {}", limiter.check().is_ok());
    Ok(())
}

fn show(conn: &mut embedis::Connection, argv: &[&str]) -> Result<(), Error> {
    let reply = conn.call(argv.iter().map(|a| a.to_string()))?;
    println!("{:<40} -> {}", argv.join(" "), render(&reply));
    Ok(())
}

/// Prints a reply the way redis-cli does.
fn render(reply: &Reply) -> String {
    match reply {
        Reply::Status(text) => text.to_string(),
        Reply::Error(error) => format!("(error) {error}"),
        Reply::Integer(n) => format!("(integer) {n}"),
        Reply::Bulk(data) => format!("\"{}\"", String::from_utf8_lossy(data)),
        Reply::Nil | Reply::NilArray => "(nil)".to_string(),
        Reply::Array(items) => {
            let items: Vec<String> = items.iter().map(render).collect();
            format!("[{}]", items.join(", "))
        }
        other => format!("{other:?}"),
    }
}
