//! An order pipeline on a stream with a consumer group: a shop appends orders, two billing
//! workers share them, one crashes before acknowledging, and a third worker recovers its
//! orders by claiming them once they have been pending too long. Time is a `ManualClock`,
//! so "too long" takes no waiting.
//!
//! Run with `cargo run --release --example streams`.

use std::collections::BTreeSet;
use std::time::Duration;

use embedis::cmd::{XAdd, XPending};
use embedis::{Engine, ManualClock, Reply, StreamId};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let worker = |name: &str| {
        engine
            .stream_consumer("orders", "billing", name)
            .batch(3)
            .reclaim_idle(Duration::from_secs(30))
            .reclaim_every(Duration::from_secs(10))
            .build()
    };
    // Workers first: the group starts at the end of the stream.
    let mut alice = worker("alice")?;
    let mut bob = worker("bob")?;

    println!("== the shop appends six orders ==");
    let mut shop = engine.connect();
    let mut orders = BTreeSet::new();
    for (n, amount) in [12, 40, 7, 99, 23, 5].into_iter().enumerate() {
        let id = shop
            .run(
                XAdd::new(
                    "orders",
                    [("order", format!("#{n}")), ("amount", amount.to_string())],
                )
                .max_len(10_000, true),
            )?
            .ok_or("XADD without NOMKSTREAM always adds")?;
        println!("XADD -> {id}");
        orders.insert(id);
    }

    let mut billed: BTreeSet<StreamId> = BTreeSet::new();
    let mut bill = |who: &str, entry: &embedis::StreamEntry| {
        let order = String::from_utf8_lossy(&entry.get(b"order").unwrap_or_default()).into_owned();
        println!("  {who} bills {order} ({})", entry.id);
        billed.insert(entry.id);
    };

    println!("\n== alice and bob share the work; bob crashes before acknowledging ==");
    let report = alice.poll(|entry| {
        bill("alice", entry);
        Ok::<(), ()>(())
    })?;
    println!("alice: {report:?}");
    let report = bob.poll(|_| Err::<(), _>("bob crashed"))?;
    println!("bob:   {report:?} (nothing acknowledged)");
    drop(bob);
    let pending = shop.run(XPending::summary("orders", "billing"))?;
    println!("XPENDING -> {}", render(&pending));

    println!("\n== 30 s later, carol takes over what bob left ==");
    clock.advance(Duration::from_secs(30));
    let mut carol = worker("carol")?;
    clock.advance(Duration::from_secs(10)); // her first reclaim is due
    let report = carol.poll(|entry| {
        bill("carol", entry);
        Ok::<(), ()>(())
    })?;
    println!("carol: {report:?}");
    let pending = shop.run(XPending::summary("orders", "billing"))?;
    println!("XPENDING -> {}", render(&pending));

    assert_eq!(billed, orders, "every order billed exactly once");
    println!(
        "\nall {} orders billed, none lost, none pending",
        orders.len()
    );
    Ok(())
}

fn render(reply: &Reply) -> String {
    String::from_utf8_lossy(&reply.to_resp(embedis::Protocol::Resp2))
        .replace("\r\n", " ")
        .trim()
        .to_string()
}
