//! Memory per stream entry: 1,000,000 entries of two small fields (`user <n>`, `action
//! click`), added to embedis and to a real redis-server, side by side.
//!
//! embedis: every heap allocation of the process is counted by a wrapping global allocator;
//! the figure is the growth of live heap bytes across the million XADDs (replies freed).
//! redis-server: `used_memory` from `INFO memory` before and after the same XADDs.
//!
//! Run with `cargo bench --bench stream_memory`.

#[allow(dead_code)]
// the shared helpers serve the criterion suites; this bench uses the RESP client only
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use embedis::{Engine, Pipeline};
use support::resp::{encode, RedisServer, RespClient, RespReply};

/// Live heap bytes of the whole process.
static LIVE: AtomicIsize = AtomicIsize::new(0);

struct Counting;

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is only
// arithmetic on the sizes the caller passed.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const ENTRIES: usize = 1_000_000;
const CHUNK: usize = 1_000;

fn user(n: usize) -> String {
    (n % 10_000).to_string()
}

fn embedis_bytes_per_entry() -> f64 {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["PING"]).expect("engine");
    let before = LIVE.load(Ordering::SeqCst);
    for chunk in 0..ENTRIES / CHUNK {
        let mut pipeline = Pipeline::new();
        for i in 0..CHUNK {
            let n = chunk * CHUNK + i;
            pipeline.cmd(["XADD", "events", "*", "user", &user(n), "action", "click"]);
        }
        let replies = pipeline.execute(&mut conn).expect("pipeline");
        assert_eq!(replies.len(), CHUNK);
    }
    let len = conn.call(["XLEN", "events"]).expect("XLEN");
    assert_eq!(len, embedis::Reply::Integer(ENTRIES as i64));
    let after = LIVE.load(Ordering::SeqCst);
    (after - before) as f64 / ENTRIES as f64
}

fn used_memory(client: &mut RespClient) -> i64 {
    client.send(&encode(&["INFO", "memory"]));
    let RespReply::Bulk(text) = client.reply() else {
        panic!("INFO memory: not a bulk reply");
    };
    String::from_utf8_lossy(&text)
        .lines()
        .find_map(|line| line.strip_prefix("used_memory:"))
        .and_then(|value| value.trim().parse().ok())
        .expect("used_memory in INFO memory")
}

fn redis_bytes_per_entry() -> Option<f64> {
    let server = match RedisServer::start() {
        Ok(server) => server,
        Err(why) => {
            eprintln!("redis-server comparison SKIPPED: {why}");
            return None;
        }
    };
    let mut client = RespClient::connect(server.port()).expect("connect");
    let before = used_memory(&mut client);
    for chunk in 0..ENTRIES / CHUNK {
        let mut batch = Vec::new();
        for i in 0..CHUNK {
            let n = chunk * CHUNK + i;
            batch.extend(encode(&[
                "XADD",
                "events",
                "*",
                "user",
                &user(n),
                "action",
                "click",
            ]));
        }
        client.send(&batch);
        for _ in 0..CHUNK {
            client.reply();
        }
    }
    let after = used_memory(&mut client);
    Some((after - before) as f64 / ENTRIES as f64)
}

fn main() {
    // `cargo test` runs benches as tests with `--test`: only the quick check then.
    if std::env::args().any(|arg| arg == "--test") {
        return;
    }
    let embedis = embedis_bytes_per_entry();
    println!("stream memory, {ENTRIES} entries of two small fields:");
    println!("  embedis       {embedis:8.1} bytes/entry (live heap growth)");
    match redis_bytes_per_entry() {
        Some(redis) => {
            println!("  redis-server  {redis:8.1} bytes/entry (used_memory growth)");
            println!("  embedis / redis-server = {:.2}", embedis / redis);
        }
        None => println!("  redis-server  (not measured)"),
    }
}
