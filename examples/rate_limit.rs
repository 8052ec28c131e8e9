//! Throttling an abusive client five ways, all on the engine's one clock.
//!
//! 1. Fixed window: `INCR` + `EXPIRE ... NX` in MULTI/EXEC (the classic Redis idiom).
//! 2. Fixed window in one command: `INCREX ... UBOUND ... EX ... ENX` (Redis 8.8).
//! 3. Sliding window log in an `atomically` closure (what a Lua script does on Redis).
//! 4. GCRA in the keyspace: `CL.THROTTLE` (the redis-cell module's command).
//! 5. The lock-free in-process `RateLimiter` for hot paths (no executor hop at all).
//!
//! Each limiter allows 3 requests per 10 seconds for client `42`; the clock is a
//! `ManualClock`, so the run is instant and repeatable.
//!
//! Run with `cargo run --release --example rate_limit`.

use std::time::Duration;

use embedis::{Engine, Error, ManualClock, Pipeline, Quota, Reply};

const LIMIT: i64 = 3;
const WINDOW_SECS: i64 = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();

    println!("request at t=0s, 1s, 2s, 3s, then t=13s:");
    let schedule = [0, 1, 1, 1, 10];
    let mut results: Vec<(&str, Vec<bool>)> = Vec::new();

    let mut conn = engine.connect();
    let mut fixed = Vec::new();
    let mut increx = Vec::new();
    let mut sliding = Vec::new();
    let mut throttle = Vec::new();
    // 3 per 10 s = 18 per minute, with a burst of 3.
    let limiter = engine.rate_limiter(Quota::per_minute(18)?.with_burst(3)?);
    let mut lock_free = Vec::new();

    for step in schedule {
        clock.advance(Duration::from_secs(step));
        fixed.push(fixed_window(&mut conn)?);
        increx.push(increx_window(&mut conn)?);
        sliding.push(sliding_window(&engine)?);
        throttle.push(cl_throttle(&mut conn)?);
        lock_free.push(limiter.check().is_ok());
    }
    results.push(("INCR + EXPIRE NX (MULTI)", fixed));
    results.push(("INCREX UBOUND EX ENX", increx));
    results.push(("sliding window (atomically)", sliding));
    results.push(("CL.THROTTLE (GCRA)", throttle));
    results.push(("RateLimiter (lock-free)", lock_free));
    for (name, allowed) in results {
        let marks: Vec<&str> = allowed
            .iter()
            .map(|a| if *a { "ok" } else { "--" })
            .collect();
        println!("  {name:<30} {}", marks.join(" "));
    }
    println!("(the fixed windows reset at t=10s; GCRA and the sliding window refill gradually)");
    Ok(())
}

/// `MULTI; INCR; EXPIRE NX; EXEC`: the window starts with the first hit.
fn fixed_window(conn: &mut embedis::Connection) -> Result<bool, Error> {
    let replies = Pipeline::new()
        .atomic()
        .cmd(["INCR", "rl:fixed:42"])
        .cmd(["EXPIRE", "rl:fixed:42", &WINDOW_SECS.to_string(), "NX"])
        .execute(conn)?;
    Ok(matches!(replies.first(), Some(Reply::Integer(n)) if *n <= LIMIT))
}

/// `INCREX key UBOUND limit EX window ENX`: refused increments leave the counter alone.
fn increx_window(conn: &mut embedis::Connection) -> Result<bool, Error> {
    let reply = conn.call([
        "INCREX",
        "rl:increx:42",
        "UBOUND",
        &LIMIT.to_string(),
        "EX",
        &WINDOW_SECS.to_string(),
        "ENX",
    ])?;
    let applied = match reply {
        Reply::Array(items) => items.get(1) == Some(&Reply::Integer(1)),
        _ => false,
    };
    Ok(applied)
}

/// A log of recent hits in one key, trimmed and checked atomically.
fn sliding_window(engine: &Engine) -> Result<bool, Error> {
    engine.atomically(|db| -> Result<bool, Error> {
        let now_ms = db
            .now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        let log = db.get("rl:sliding:42")?.unwrap_or_default();
        let mut hits: Vec<i64> = String::from_utf8_lossy(&log)
            .split(',')
            .filter_map(|t| t.parse().ok())
            .filter(|t| now_ms - t < WINDOW_SECS * 1000)
            .collect();
        let allowed = (hits.len() as i64) < LIMIT;
        if allowed {
            hits.push(now_ms);
        }
        let text: Vec<String> = hits.iter().map(i64::to_string).collect();
        db.set_with_ttl(
            "rl:sliding:42",
            text.join(","),
            Duration::from_secs(WINDOW_SECS as u64),
        )?;
        Ok(allowed)
    })?
}

/// `CL.THROTTLE key max_burst count period`: burst 3 means 4 at once (limit = max_burst + 1),
/// so ask for a burst of 2 to allow 3.
fn cl_throttle(conn: &mut embedis::Connection) -> Result<bool, Error> {
    let reply = conn.call(["CL.THROTTLE", "rl:cell:42", "2", "3", "10"])?;
    Ok(match reply {
        Reply::Array(items) => items.first() == Some(&Reply::Integer(0)),
        Reply::Error(error) => return Err(error),
        _ => false,
    })
}
