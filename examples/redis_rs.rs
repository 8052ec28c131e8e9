//! The redis-rs drop-in: application code written against redis-rs's `ConnectionLike` runs
//! unchanged on an embedis connection. The switch is three lines in `main`:
//!
//! ```text
//! - let client = redis::Client::open("redis://127.0.0.1/")?;
//! - let mut conn = client.get_connection()?;
//! + let engine = embedis::Engine::new();
//! + let mut conn = engine.connect();
//!   checkout(&mut conn, "order-1")?;
//! ```
//!
//! With `REDIS_URL` set (e.g. `redis://127.0.0.1:6379/`), the same function also runs
//! against that server, and the two outcomes are printed side by side.
//!
//! Run with `cargo run --example redis_rs --features redis-rs`.

use redis::{Commands, ConnectionLike, RedisResult};

/// Ordinary redis-rs code: a stock counter and an order stream, updated in one MULTI/EXEC,
/// then a fixed-window rate limit and a deliberate type error.
fn checkout(conn: &mut impl ConnectionLike, order: &str) -> RedisResult<Vec<String>> {
    let mut report = Vec::new();
    let _: () = conn.set("stock:42", 3)?;
    let (stock, stream_len): (i64, i64) = redis::pipe()
        .atomic()
        .decr("stock:42", 1)
        .cmd("XADD")
        .arg("orders")
        .arg("1-1")
        .arg("order")
        .arg(order)
        .ignore()
        .xlen("orders")
        .query(conn)?;
    report.push(format!("stock left {stock}, orders in stream {stream_len}"));

    for attempt in 1..=3 {
        let (count,): (i64,) = redis::pipe()
            .atomic()
            .incr("rate:alice", 1)
            .cmd("EXPIRE")
            .arg("rate:alice")
            .arg(60)
            .arg("NX")
            .ignore()
            .query(conn)?;
        let verdict = if count <= 2 { "allowed" } else { "limited" };
        report.push(format!("request {attempt}: {verdict}"));
    }

    // A deliberate type error: INCR of a stream.
    let outcome = match conn.incr::<_, _, i64>("orders", 1) {
        Ok(n) => format!("{n}"),
        Err(error) => format!("{:?} {:?}", error.kind(), error.code()),
    };
    report.push(format!("incr on a stream: {outcome}"));
    let _: i64 = conn.del(&["stock:42", "orders", "rate:alice"])?;
    Ok(report)
}

fn main() -> RedisResult<()> {
    let engine = embedis::Engine::new();
    let mut conn = engine.connect();
    let embedded = checkout(&mut conn, "order-1")?;
    for line in &embedded {
        println!("embedis:      {line}");
    }

    if let Ok(url) = std::env::var("REDIS_URL") {
        let mut server = redis::Client::open(url)?.get_connection()?;
        let real = checkout(&mut server, "order-1")?;
        for line in &real {
            println!("redis-server: {line}");
        }
        println!("identical: {}", if real == embedded { "yes" } else { "NO" });
    }
    Ok(())
}
