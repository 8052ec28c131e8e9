//! Throttling an abusive client seven ways, all on the engine's one clock.
//!
//! 1. Fixed window: `INCR` + `EXPIRE ... NX` in MULTI/EXEC (the classic Redis idiom).
//! 2. Fixed window in one command: `INCREX ... UBOUND ... EX ... ENX` (Redis 8.8).
//! 3. Sliding window log in a sorted set: `ZREMRANGEBYSCORE` + `ZADD` + `ZCARD` +
//!    `PEXPIRE` in MULTI/EXEC (the classic Redis idiom; a refused request is logged too,
//!    so a client that keeps hammering stays refused).
//! 4. The same sorted set in an `atomically` closure, which logs only admitted requests
//!    (what a Lua script does on Redis).
//! 5. GCRA in the keyspace: `CL.THROTTLE` (the redis-cell module's command).
//! 6. A token bucket as a Lua script (`EVALSHA`), the way applications keep one for Redis;
//!    `redis.call('TIME')` reads the engine clock.
//! 7. The lock-free in-process `RateLimiter` for hot paths (no executor hop at all).
//!
//! Each limiter allows 3 requests per 10 seconds for client `42`; the clock is a
//! `ManualClock`, so the run is instant and repeatable.
//!
//! Run with `cargo run --release --example rate_limit`.

use std::time::Duration;

use embedis::cmd::{ZAdd, ZRemRange};
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
    let mut sliding_multi = Vec::new();
    let mut sliding = Vec::new();
    let mut throttle = Vec::new();
    let mut script = Vec::new();
    let bucket_sha = match conn.call(["SCRIPT", "LOAD", TOKEN_BUCKET])? {
        Reply::Bulk(sha) => String::from_utf8(sha.to_vec())?,
        other => return Err(format!("SCRIPT LOAD replied {other:?}").into()),
    };
    // 3 per 10 s = 18 per minute, with a burst of 3.
    let limiter = engine.rate_limiter(Quota::per_minute(18)?.with_burst(3)?);
    let mut lock_free = Vec::new();

    for step in schedule {
        clock.advance(Duration::from_secs(step));
        fixed.push(fixed_window(&mut conn)?);
        increx.push(increx_window(&mut conn)?);
        sliding_multi.push(sliding_window_multi(&mut conn, &engine)?);
        sliding.push(sliding_window(&engine)?);
        throttle.push(cl_throttle(&mut conn)?);
        script.push(lua_bucket(&mut conn, &bucket_sha)?);
        lock_free.push(limiter.check().is_ok());
    }
    results.push(("INCR + EXPIRE NX (MULTI)", fixed));
    results.push(("INCREX UBOUND EX ENX", increx));
    results.push(("ZSET sliding window (MULTI)", sliding_multi));
    results.push(("ZSET sliding window (atomically)", sliding));
    results.push(("CL.THROTTLE (GCRA)", throttle));
    results.push(("token bucket (Lua, EVALSHA)", script));
    results.push(("RateLimiter (lock-free)", lock_free));
    for (name, allowed) in results {
        let marks: Vec<&str> = allowed
            .iter()
            .map(|a| if *a { "ok" } else { "--" })
            .collect();
        println!("  {name:<34} {}", marks.join(" "));
    }
    println!("(the fixed windows reset at t=10s; GCRA and the sliding windows refill gradually)");
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

/// The engine clock in milliseconds, as a score.
fn now_ms(engine: &Engine) -> Result<i64, Error> {
    engine.atomically(|db| {
        db.now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    })
}

/// `MULTI; ZREMRANGEBYSCORE key -inf now-window; ZADD key now id; ZCARD key; PEXPIRE key
/// window; EXEC`: every request is logged, admitted if the log holds at most the limit.
fn sliding_window_multi(conn: &mut embedis::Connection, engine: &Engine) -> Result<bool, Error> {
    let now = now_ms(engine)?;
    let key = "rl:zset-multi:42";
    let replies = Pipeline::new()
        .atomic()
        .cmd([
            "ZREMRANGEBYSCORE",
            key,
            "-inf",
            &(now - WINDOW_SECS * 1000).to_string(),
        ])
        .cmd(["ZADD", key, &now.to_string(), &format!("req-{now}")])
        .cmd(["ZCARD", key])
        .cmd(["PEXPIRE", key, &(WINDOW_SECS * 1000).to_string()])
        .execute(conn)?;
    Ok(matches!(replies.get(2), Some(Reply::Integer(n)) if *n <= LIMIT))
}

/// The same log, trimmed, checked and appended atomically, logging admitted requests only.
fn sliding_window(engine: &Engine) -> Result<bool, Error> {
    let now = now_ms(engine)?;
    engine.atomically(move |db| -> Result<bool, Error> {
        let key = "rl:zset:42";
        let oldest = (now - WINDOW_SECS * 1000).to_string();
        db.run(ZRemRange::by_score(key, "-inf", oldest))?;
        let allowed = matches!(db.call(["ZCARD", key]), Reply::Integer(n) if n < LIMIT);
        if allowed {
            db.run(ZAdd::new(key, now as f64, format!("req-{now}")))?;
            db.expire(key, Duration::from_secs(WINDOW_SECS as u64))?;
        }
        Ok(allowed)
    })?
}

/// A token bucket in a hash: `capacity` tokens, one back every `per_ms`; replies 1 when a
/// token was taken. Time comes from `TIME`, the engine clock (Redis's clock on Redis).
const TOKEN_BUCKET: &str = r#"
local capacity, per = tonumber(ARGV[1]), tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local earned = math.floor((now - at) / per)
tokens = math.min(capacity, tokens + earned)
at = at + earned * per
if tokens < 1 then return 0 end
redis.call('HSET', KEYS[1], 'tokens', tokens - 1, 'at', at)
redis.call('PEXPIRE', KEYS[1], capacity * per)
return 1
"#;

/// `EVALSHA` of the token bucket: 3 tokens, one back every 3.334 s (3 per 10 s).
fn lua_bucket(conn: &mut embedis::Connection, sha: &str) -> Result<bool, Error> {
    match conn.call(["EVALSHA", sha, "1", "rl:lua:42", "3", "3334"])? {
        Reply::Integer(taken) => Ok(taken == 1),
        Reply::Error(error) => Err(error),
        other => Err(Error::Script(format!("ERR unexpected reply {other:?}"))),
    }
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
