//! Lua scripting: one EVALSHA of a fixed-window limiter script (INCR, then PEXPIRE on the
//! first hit) from another thread, against the same EVALSHA on a real redis-server over
//! loopback in the same run, and against the same logic as an `atomically` closure (the
//! Rust way to do what the script does).
//!
//! Run with `cargo bench --bench scripts` (about a minute). The summary prints ns/op and
//! the ratios.

#[allow(dead_code)] // shared with round_trip; not every helper is used here
mod support;

use std::fmt::Write as _;
use std::time::Duration;

use criterion::Throughput;
use embedis::{Engine, Reply};

use support::affinity;
use support::resp::{self, RedisServer, RespClient, RespKind, RespReply};
use support::summary;

const LIMITER: &str = "local n = redis.call('INCR', KEYS[1]) \
                       if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end \
                       return n";

fn main() {
    summary::mark_start();
    let mut c = support::criterion();
    let placement = affinity::init_noted(|p| {
        format!(
            "placement: bench thread pinned to CPU {}, executor / redis-server to CPU {}",
            p.bench, p.peer
        )
    });

    let engine = Engine::new();
    let mut conn = engine.connect();
    let Reply::Bulk(sha) = conn.call(["SCRIPT", "LOAD", LIMITER]).unwrap() else {
        panic!("SCRIPT LOAD failed")
    };
    // After a first round trip, so the executor runs under its name.
    if let Some(p) = placement
        && let Err(why) = affinity::pin_threads_named("embedis-executor", p.peer)
    {
        summary::note(format!("placement: executor not pinned: {why}"));
    }
    let sha = String::from_utf8(sha.to_vec()).unwrap();
    assert_eq!(
        conn.call(["EVALSHA", &sha, "1", "hits", "60000"]).unwrap(),
        Reply::Integer(1)
    );

    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(1));
    group.bench_function("evalsha", |b| {
        summary::ran("engine", "evalsha", None, 1);
        b.iter(|| conn.call(["EVALSHA", &sha, "1", "hits", "60000"]).unwrap());
    });
    group.bench_function("atomically", |b| {
        summary::ran("engine", "atomically", None, 1);
        b.iter(|| {
            engine
                .atomically(|db| {
                    let n = db.incr_by("hits", 1)?;
                    if n == 1 {
                        db.expire("hits", Duration::from_secs(60))?;
                    }
                    Ok::<_, embedis::Error>(n)
                })
                .unwrap()
                .unwrap()
        });
    });
    group.finish();

    match RedisServer::start() {
        Err(reason) => summary::note(format!("redis_server: skipped: {reason}")),
        Ok(server) => {
            if let Some(p) = placement
                && let Err(why) = affinity::pin_process(server.pid(), p.peer)
            {
                summary::note(format!("placement: redis-server not pinned: {why}"));
            }
            let mut client = RespClient::connect(server.port()).expect("connect");
            client.send(&resp::encode(&["SCRIPT", "LOAD", LIMITER]));
            assert!(matches!(client.reply(), RespReply::Bulk(ref s) if s == sha.as_bytes()));
            let evalsha = resp::encode(&["EVALSHA", &sha, "1", "hits", "60000"]);
            let mut group = c.benchmark_group("redis_server");
            group.throughput(Throughput::Elements(1));
            group.bench_function("evalsha", |b| {
                summary::ran("redis_server", "evalsha", None, 1);
                b.iter(|| {
                    client.send(&evalsha);
                    client.expect(1, RespKind::Integer)
                });
            });
            group.finish();
        }
    }

    c.final_summary();
    summary::print("scripts", ratios);
}

fn ratios(f: &summary::Figures, out: &mut String) {
    let _ = writeln!(out, "\none fixed-window limiter hit");
    let engine = f.get("engine", "evalsha", None);
    if let (Some(redis), Some(engine)) = (f.get("redis_server", "evalsha", None), engine) {
        let _ = writeln!(
            out,
            "  redis_server/evalsha / engine/evalsha = {:.2}x (embedis's EVALSHA this many \
             times faster)",
            redis.ns_per_iter / engine.ns_per_iter
        );
    }
    if let (Some(closure), Some(engine)) = (f.get("engine", "atomically", None), engine) {
        let _ = writeln!(
            out,
            "  engine/evalsha / engine/atomically = {:.2}x (what Lua costs over a closure)",
            engine.ns_per_iter / closure.ns_per_iter
        );
    }
}
