//! Proof of the redis-rs drop-in by a real client's own usage: the same redis-rs code runs
//! first against redis-server over loopback (the harness's private server, `common::lease`)
//! and then against embedis, and every result must be identical: each
//! `Result<T, RedisError>` is compared as the value's `Debug` text, or the error's kind,
//! code, detail and `Display` text.
//!
//! Scenarios are written once, generic over a [`Backend`] that hands out
//! `redis::ConnectionLike` connections: a command corpus in RESP2 and RESP3, a
//! cache-invalidation fan-out, a stream worker group (XGROUP, XREADGROUP, XACK, XAUTOCLAIM,
//! XPENDING), a fixed-window limiter (INCR + EXPIRE NX in `pipe().atomic()`), and MULTI/EXEC
//! through `redis::pipe().atomic()` and `redis::transaction` with WATCH conflicts.
//!
//! Made comparable: idle times in XPENDING's extended form are masked (they depend on
//! timing); stream IDs are explicit. Subscribers differ by necessity: redis-rs's pub/sub
//! reader needs its socket `Connection`, so the server side reads with raw redis-rs calls
//! and the embedis side with a `Subscriber`, both yielding `redis::Msg`.
//!
//! CL.THROTTLE comes from the redis-cell module, which the test server does not load: the
//! limiter test asserts that redis-server refuses the command, and that embedis gives
//! redis-cell's documented reply shape with values computed by hand from its GCRA.
//!
//! One deliberate difference is checked to still hold: an atomic pipeline refused while
//! queueing fails with the same kind/code/detail, but redis-rs's socket connection builds
//! that error with a private constructor, so its `Display` differs (see `src/redis_rs`).

#![cfg(feature = "redis-rs")]

mod common;

use common::redis_rs::{assert_same, command, mask_idle, Record, CORPUS};

use std::time::Duration;

use embedis::{Engine, ManualClock};
use redis::streams::{StreamAutoClaimOptions, StreamReadOptions, StreamReadReply};
use redis::{Commands, ConnectionLike, Msg, RedisResult, Value};

/// How long a subscriber waits for a message that must come.
const MESSAGE_TIMEOUT: Duration = Duration::from_secs(5);

/// Where connections come from: redis-server or an embedis engine.
trait Backend {
    type Conn: ConnectionLike;
    fn connect(&self) -> Self::Conn;
    /// A subscriber to `channels` and `patterns`, subscribed when this returns.
    fn listen(&self, channels: &[&str], patterns: &[&str]) -> Box<dyn Listener>;
}

/// The subscribing side of pub/sub, as `redis::Msg`s.
trait Listener {
    fn next(&mut self) -> Msg;
}

struct Server {
    client: redis::Client,
}

impl Backend for Server {
    type Conn = redis::Connection;
    fn connect(&self) -> redis::Connection {
        self.client
            .get_connection()
            .expect("connect to redis-server")
    }
    fn listen(&self, channels: &[&str], patterns: &[&str]) -> Box<dyn Listener> {
        let mut conn = self.connect();
        conn.set_read_timeout(Some(MESSAGE_TIMEOUT))
            .expect("timeout");
        let mut confirmations = 0;
        for (command, names) in [("SUBSCRIBE", channels), ("PSUBSCRIBE", patterns)] {
            if !names.is_empty() {
                let packed = redis::cmd(command).arg(names).get_packed_command();
                conn.send_packed_command(&packed).expect("subscribe");
                confirmations += names.len();
            }
        }
        for _ in 0..confirmations {
            conn.recv_response().expect("subscribe confirmation");
        }
        Box::new(ServerListener { conn })
    }
}

/// redis-rs's own reading of a subscribed socket: `recv_response` and `Msg::from_value`,
/// what `PubSub::get_message` does.
struct ServerListener {
    conn: redis::Connection,
}

impl Listener for ServerListener {
    fn next(&mut self) -> Msg {
        let value = self
            .conn
            .recv_response()
            .expect("a message from redis-server");
        Msg::from_owned_value(value).expect("a pub/sub message")
    }
}

struct Embedded {
    engine: Engine,
}

impl Backend for Embedded {
    type Conn = embedis::Connection;
    fn connect(&self) -> embedis::Connection {
        self.engine.connect()
    }
    fn listen(&self, channels: &[&str], patterns: &[&str]) -> Box<dyn Listener> {
        let subscriber = self.engine.subscriber();
        if !channels.is_empty() {
            subscriber
                .subscribe(channels.iter().copied())
                .expect("subscribe");
        }
        if !patterns.is_empty() {
            subscriber
                .psubscribe(patterns.iter().copied())
                .expect("psubscribe");
        }
        Box::new(subscriber)
    }
}

impl Listener for embedis::Subscriber {
    fn next(&mut self) -> Msg {
        let message = self
            .recv_timeout(MESSAGE_TIMEOUT)
            .expect("subscriber open")
            .expect("a message from embedis");
        Msg::from(message)
    }
}

/// Runs a scenario against redis-server, then against a fresh embedis engine, and
/// compares what each observed.
fn with_backends(
    name: &str,
    server_run: impl FnOnce(&Server) -> Record,
    embedded_run: impl FnOnce(&Embedded) -> Record,
) {
    let Some(lease) = common::lease() else {
        return;
    };
    lease.reset();
    let server = Server {
        client: redis::Client::open(format!("redis://127.0.0.1:{}/", lease.port()))
            .expect("client"),
    };
    let expected = server_run(&server);
    let embedded = Embedded {
        engine: Engine::new(),
    };
    let actual = embedded_run(&embedded);
    assert!(!expected.steps.is_empty(), "{name}: nothing was compared");
    assert_same(name, expected, actual);
}

macro_rules! differential_test {
    ($test:ident, $scenario:ident) => {
        #[test]
        fn $test() {
            with_backends(stringify!($test), |b| $scenario(b), |b| $scenario(b));
        }
    };
}

/// Every corpus command through `redis::cmd(..).query::<Value>` (errors extracted, as an
/// application sees them) and through `req_command` (error replies as values), in RESP2 and
/// again after `HELLO 3`.
fn corpus<B: Backend>(backend: &B) -> Record {
    let mut conn = backend.connect();
    let mut record = Record::default();
    for protocol in ["RESP2", "RESP3"] {
        if protocol == "RESP3" {
            // The HELLO reply names the server version and connection id: not compared.
            let hello: RedisResult<Value> = redis::cmd("HELLO").arg(3).query(&mut conn);
            assert!(hello.is_ok(), "HELLO 3: {hello:?}");
        }
        for line in CORPUS {
            let cmd = command(line);
            record.step(format!("{protocol} raw {line}"), conn.req_command(&cmd));
        }
        record.step("FLUSHALL", command("FLUSHALL").query::<Value>(&mut conn));
        for line in CORPUS {
            record.step(
                format!("{protocol} query {line}"),
                command(line).query::<Value>(&mut conn),
            );
        }
    }
    record
}
differential_test!(command_corpus_gives_identical_values_and_errors, corpus);

/// Pipelines: replies in order, errors in place, and the pipeline error redis-rs builds
/// from them (index, code, detail, text).
fn pipelines<B: Backend>(backend: &B) -> Record {
    let mut conn = backend.connect();
    let mut record = Record::default();
    let mut pipe = redis::pipe();
    pipe.set("k", "v")
        .incr("k", 1)
        .get("k")
        .cmd("NOSUCHCOMMAND")
        .cmd("XADD")
        .arg("k")
        .arg("1-1")
        .arg("a")
        .arg("b");
    record.step("pipeline with errors", pipe.query::<Value>(&mut conn));
    pipe.ignore_errors();
    record.step("same, ignore_errors", pipe.query::<Value>(&mut conn));
    record.step(
        "typed pipeline",
        redis::pipe()
            .set("a", 1)
            .ignore()
            .incr("a", 41)
            .get("a")
            .query::<(i64, String)>(&mut conn),
    );
    record.step(
        "empty pipeline",
        redis::pipe().query::<Vec<Value>>(&mut conn),
    );
    record.step(
        "wrong return type",
        redis::pipe().get("k").query::<(i64,)>(&mut conn),
    );
    record
}
differential_test!(pipelines_keep_errors_in_place, pipelines);

/// The publishing side of a cache-invalidation fan-out, and what each subscriber receives.
fn fan_out<B: Backend>(backend: &B) -> Record {
    let mut listeners = [
        backend.listen(&["cache-invalidation"], &[]),
        backend.listen(&["cache-invalidation", "audit"], &[]),
        backend.listen(&[], &["cache-*"]),
    ];
    let mut publisher = backend.connect();
    let mut record = Record::default();
    for key in ["user:42", "user:7"] {
        let receivers: RedisResult<usize> = publisher.publish("cache-invalidation", key);
        record.step(format!("PUBLISH {key}"), receivers);
    }
    record.step(
        "PUBLISH audit",
        publisher.publish::<_, _, usize>("audit", "flush"),
    );
    record.step(
        "PUBLISH nobody",
        publisher.publish::<_, _, usize>("nobody", "x"),
    );
    record.step(
        "PUBSUB NUMSUB",
        redis::cmd("PUBSUB")
            .arg("NUMSUB")
            .arg("cache-invalidation")
            .arg("audit")
            .arg("nobody")
            .query::<Value>(&mut publisher),
    );
    record.step(
        "PUBSUB NUMPAT",
        redis::cmd("PUBSUB")
            .arg("NUMPAT")
            .query::<i64>(&mut publisher),
    );
    let channels: RedisResult<Vec<String>> = redis::cmd("PUBSUB")
        .arg("CHANNELS")
        .query(&mut publisher)
        .map(|mut names: Vec<String>| {
            names.sort();
            names
        });
    record.step("PUBSUB CHANNELS (sorted)", channels);
    for (index, listener) in listeners.iter_mut().enumerate() {
        let expected = if index == 1 { 3 } else { 2 };
        for n in 0..expected {
            let msg = listener.next();
            record.note(
                format!("listener {index} message {n}"),
                (
                    msg.get_channel_name().to_string(),
                    msg.get_payload::<String>(),
                    msg.get_pattern::<Option<String>>(),
                ),
            );
        }
    }
    record
}
differential_test!(cache_invalidation_fan_out, fan_out);

/// A worker group: two workers share an order stream; w1 crashes with an entry pending and
/// w2 takes it over with XAUTOCLAIM.
fn worker_group<B: Backend>(backend: &B) -> Record {
    let mut conn = backend.connect();
    let mut record = Record::default();
    record.step(
        "XGROUP CREATE MKSTREAM",
        conn.xgroup_create_mkstream::<_, _, _, Value>("orders", "billing", "0"),
    );
    record.step(
        "XGROUP CREATE again",
        conn.xgroup_create_mkstream::<_, _, _, Value>("orders", "billing", "0"),
    );
    for (id, sku) in [("1-1", "42"), ("1-2", "43"), ("1-3", "44")] {
        record.step(
            format!("XADD {id}"),
            conn.xadd::<_, _, _, _, String>("orders", id, &[("sku", sku)]),
        );
    }
    let w1 = StreamReadOptions::default().group("billing", "w1").count(2);
    let read: RedisResult<StreamReadReply> = conn.xread_options(&["orders"], &[">"], &w1);
    record.step(
        "XREADGROUP w1 (typed)",
        read.map(|reply| {
            reply
                .keys
                .into_iter()
                .map(|key| {
                    (
                        key.key,
                        key.ids
                            .into_iter()
                            .map(|e| (e.id, e.map))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        }),
    );
    record.step(
        "XACK 1-1",
        conn.xack::<_, _, _, i64>("orders", "billing", &["1-1"]),
    );
    record.step(
        "XACK 1-1 again",
        conn.xack::<_, _, _, i64>("orders", "billing", &["1-1"]),
    );
    record.step(
        "XPENDING summary",
        redis::cmd("XPENDING")
            .arg("orders")
            .arg("billing")
            .query::<Value>(&mut conn),
    );
    record.step(
        "XPENDING extended (idle masked)",
        redis::cmd("XPENDING")
            .arg("orders")
            .arg("billing")
            .arg("-")
            .arg("+")
            .arg(10)
            .query::<Value>(&mut conn)
            .map(mask_idle),
    );
    record.step(
        "XAUTOCLAIM to w2 (typed)",
        conn.xautoclaim_options(
            "orders",
            "billing",
            "w2",
            0,
            "0-0",
            StreamAutoClaimOptions::default().count(10),
        )
        .map(|reply: redis::streams::StreamAutoClaimReply| {
            (
                reply.next_stream_id,
                reply
                    .claimed
                    .into_iter()
                    .map(|e| (e.id, e.map))
                    .collect::<Vec<_>>(),
                reply.deleted_ids,
            )
        }),
    );
    record.step(
        "XAUTOCLAIM raw",
        redis::cmd("XAUTOCLAIM")
            .arg("orders")
            .arg("billing")
            .arg("w2")
            .arg(0)
            .arg("0-0")
            .arg("JUSTID")
            .query::<Value>(&mut conn),
    );
    let w2 = StreamReadOptions::default()
        .group("billing", "w2")
        .count(10);
    record.step(
        "XREADGROUP w2 raw",
        conn.xread_options::<_, _, StreamReadReply>(&["orders"], &[">"], &w2)
            .map(|r: StreamReadReply| r.keys.into_iter().map(|k| k.ids.len()).collect::<Vec<_>>()),
    );
    record.step(
        "XPENDING extended after claim (idle masked)",
        redis::cmd("XPENDING")
            .arg("orders")
            .arg("billing")
            .arg("-")
            .arg("+")
            .arg(10)
            .query::<Value>(&mut conn)
            .map(mask_idle),
    );
    record.step(
        "XACK the rest",
        conn.xack::<_, _, _, i64>("orders", "billing", &["1-2", "1-3", "9-9"]),
    );
    record.step(
        "XINFO GROUPS",
        redis::cmd("XINFO")
            .arg("GROUPS")
            .arg("orders")
            .query::<Value>(&mut conn),
    );
    record.step(
        "XREADGROUP unknown group",
        conn.xread_options::<_, _, StreamReadReply>(
            &["orders"],
            &[">"],
            &StreamReadOptions::default().group("nobody", "w1"),
        )
        .map(|r: StreamReadReply| r.keys.len()),
    );
    let _: RedisResult<()> = conn.set("plain", "string");
    record.step(
        "XACK on a string",
        conn.xack::<_, _, _, i64>("plain", "billing", &["1-1"]),
    );
    record
}
differential_test!(stream_worker_group, worker_group);

/// A fixed-window limiter: INCR and EXPIRE NX in one MULTI/EXEC per request.
fn hit(conn: &mut impl ConnectionLike, user: &str) -> RedisResult<(i64, i64)> {
    let key = format!("rate:{user}");
    redis::pipe()
        .atomic()
        .incr(&key, 1)
        .cmd("EXPIRE")
        .arg(&key)
        .arg(60)
        .arg("NX")
        .query(conn)
}

fn fixed_window<B: Backend>(backend: &B) -> Record {
    let mut conn = backend.connect();
    let mut record = Record::default();
    for n in 1..=4 {
        record.step(format!("alice hit {n}"), hit(&mut conn, "alice"));
    }
    record.step("bob hit 1", hit(&mut conn, "bob"));
    record.step(
        "alice's window is set",
        conn.ttl::<_, i64>("rate:alice")
            .map(|ttl: i64| (1..=60).contains(&ttl)),
    );
    // A key of the wrong kind: the error comes from inside EXEC.
    let _: RedisResult<()> = conn.set("rate:mallory", "not a number");
    record.step("mallory hit", hit(&mut conn, "mallory"));
    record
}
differential_test!(fixed_window_limiter, fixed_window);

/// redis-rs's typed hash and sorted-set commands, decoded into Rust types: a job's
/// metadata in a hash, a leaderboard, and the sliding-window limiter in a sorted set.
fn hashes_and_sorted_sets<B: Backend>(backend: &B) -> Record {
    use std::collections::HashMap;
    let mut conn = backend.connect();
    let mut record = Record::default();
    record.step(
        "hset_multiple",
        conn.hset_multiple::<_, _, _, ()>("job:1", &[("state", "queued"), ("tries", "0")]),
    );
    record.step("hincr", conn.hincr::<_, _, _, i64>("job:1", "tries", 1));
    record.step(
        "hgetall into a map",
        conn.hgetall::<_, HashMap<String, String>>("job:1")
            .map(|map| {
                map.into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>()
            }),
    );
    record.step(
        "hget missing",
        conn.hget::<_, _, Option<String>>("job:1", "nope"),
    );
    record.step("hdel", conn.hdel::<_, _, i64>("job:1", "state"));
    record.step("hkeys", conn.hkeys::<_, Vec<String>>("job:1"));
    record.step(
        "zadd_multiple",
        conn.zadd_multiple::<_, f64, _, i64>(
            "board",
            &[(10.0, "ada"), (7.5, "grace"), (12.0, "alan")],
        ),
    );
    record.step("zincr", conn.zincr::<_, _, _, f64>("board", "grace", 5.0));
    record.step(
        "zrevrange_withscores",
        conn.zrevrange_withscores::<_, Vec<(String, f64)>>("board", 0, 1),
    );
    record.step(
        "zrangebyscore_limit",
        conn.zrangebyscore_limit::<_, _, _, Vec<String>>("board", "(10", "+inf", 0, 5),
    );
    record.step("zrank", conn.zrank::<_, _, Option<i64>>("board", "ada"));
    record.step(
        "zscore",
        conn.zscore::<_, _, Option<f64>>("board", "nobody"),
    );
    record.step("zcard", conn.zcard::<_, i64>("board"));
    for (now, id) in [(1_000, "r1"), (1_200, "r2"), (2_500, "r3")] {
        let window: RedisResult<(i64, i64, i64)> = redis::pipe()
            .atomic()
            .zrembyscore("window", "-inf", now - 1_000)
            .zadd("window", id, now)
            .zcard("window")
            .query(&mut conn);
        record.step(format!("sliding window at {now}"), window);
    }
    record.step("zpopmin", conn.zpopmin::<_, Vec<(String, f64)>>("board", 2));
    record.step(
        "wrong type",
        conn.hget::<_, _, Option<String>>("board", "x"),
    );
    record
}
differential_test!(hashes_and_sorted_sets_decode_alike, hashes_and_sorted_sets);

/// MULTI/EXEC through `pipe().atomic()` and `redis::transaction`, WATCH conflicts included.
fn transactions<B: Backend>(backend: &B) -> Record {
    let mut conn = backend.connect();
    let mut other = backend.connect();
    let mut record = Record::default();
    record.step(
        "atomic ok",
        redis::pipe()
            .atomic()
            .set("balance", 10)
            .ignore()
            .incr("balance", 5)
            .get("balance")
            .query::<(i64, String)>(&mut conn),
    );
    record.step(
        "error inside EXEC",
        redis::pipe()
            .atomic()
            .set("name", "alice")
            .incr("name", 1)
            .get("name")
            .query::<Value>(&mut conn),
    );
    record.step(
        "error inside EXEC, ignore_errors",
        redis::pipe()
            .atomic()
            .set("name", "alice")
            .incr("name", 1)
            .get("name")
            .ignore_errors()
            .query::<Value>(&mut conn),
    );
    record.step(
        "refused while queued: wrong arity",
        redis::pipe()
            .atomic()
            .incr("balance", 1)
            .cmd("SET")
            .arg("only-a-key")
            .query::<Value>(&mut conn),
    );
    record.step(
        "refused while queued: unknown command",
        redis::pipe()
            .atomic()
            .cmd("NOSUCHCOMMAND")
            .incr("balance", 1)
            .query::<Value>(&mut conn),
    );
    record.step("balance untouched", conn.get::<_, String>("balance"));

    // WATCH, then another connection writes: EXEC answers nil.
    record.step(
        "WATCH",
        redis::cmd("WATCH").arg("balance").query::<Value>(&mut conn),
    );
    record.step("other writes", other.set::<_, _, ()>("balance", 100));
    let conflicted: RedisResult<Option<(i64,)>> =
        redis::pipe().atomic().incr("balance", 1).query(&mut conn);
    record.step("EXEC after conflict", conflicted);
    record.step(
        "WATCH again",
        redis::cmd("WATCH").arg("balance").query::<Value>(&mut conn),
    );
    let clean: RedisResult<Option<(i64,)>> =
        redis::pipe().atomic().incr("balance", 1).query(&mut conn);
    record.step("EXEC without conflict", clean);

    // redis::transaction retries its closure until EXEC goes through.
    let mut attempts = 0;
    let doubled: RedisResult<(i64,)> = redis::transaction(&mut conn, &["balance"], |con, pipe| {
        attempts += 1;
        let balance: i64 = con.get("balance")?;
        if attempts == 1 {
            let _: () = other.set("balance", balance + 100)?;
        }
        pipe.set("balance", balance * 2)
            .ignore()
            .get("balance")
            .query(con)
    });
    record.step("redis::transaction", doubled);
    record.note("attempts", attempts);
    record.step(
        "EXEC without MULTI",
        redis::cmd("EXEC").query::<Value>(&mut conn),
    );
    record.step(
        "DISCARD without MULTI",
        redis::cmd("DISCARD").query::<Value>(&mut conn),
    );
    record
}
differential_test!(multi_exec_through_atomic_pipelines, transactions);

/// A token bucket of the kind applications keep in Redis as a Lua script; time is passed
/// in (ARGV[3]) so both sides agree.
const TOKEN_BUCKET: &str = r#"
local capacity, refill, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local earned = math.floor((now - at) / refill)
tokens = math.min(capacity, tokens + earned)
at = at + earned * refill
local allowed = 0
if tokens > 0 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
redis.call('PEXPIRE', KEYS[1], capacity * refill)
return {allowed, tokens}
"#;

/// Lua through redis-rs's `Script` (EVALSHA first, loading the script when the server
/// answers NOSCRIPT), a script error as redis-rs reports it, and the script cache.
fn lua_scripts<B: Backend>(backend: &B) -> Record {
    let mut conn = backend.connect();
    let mut record = Record::default();
    let bucket = redis::Script::new(TOKEN_BUCKET);
    for (n, now) in [0, 100, 200, 300, 400, 2_500, 2_600, 9_000]
        .into_iter()
        .enumerate()
    {
        record.step(
            format!("take {n} at {now} ms"),
            bucket
                .key("bucket:alice")
                .arg(3)
                .arg(1_000)
                .arg(now)
                .invoke::<(i64, i64)>(&mut conn),
        );
    }
    record.step(
        "the bucket's state",
        conn.hgetall::<_, Vec<(String, String)>>("bucket:alice"),
    );
    record.step(
        "a script error",
        redis::Script::new("return redis.call('INCR', KEYS[1])")
            .key("bucket:alice")
            .invoke::<i64>(&mut conn),
    );
    record.step(
        "the script is cached",
        redis::cmd("SCRIPT")
            .arg("EXISTS")
            .arg(bucket.get_hash())
            .arg("0000000000000000000000000000000000000000")
            .query::<Vec<i64>>(&mut conn),
    );
    record.step(
        "after SCRIPT FLUSH, EVALSHA",
        redis::cmd("SCRIPT")
            .arg("FLUSH")
            .query::<String>(&mut conn)
            .and_then(|_| {
                redis::cmd("EVALSHA")
                    .arg(bucket.get_hash())
                    .arg(0)
                    .query::<Value>(&mut conn)
            }),
    );
    record
}
differential_test!(lua_scripts_through_redis_rs, lua_scripts);

/// A CL.THROTTLE limiter, as redis-cell users write it.
fn throttle(conn: &mut impl ConnectionLike, key: &str) -> RedisResult<(i64, i64, i64, i64, i64)> {
    // Burst 2 (limit 3), 1 token per 2 seconds.
    redis::cmd("CL.THROTTLE")
        .arg(key)
        .arg(2)
        .arg(1)
        .arg(2)
        .query(conn)
}

#[test]
fn cl_throttle_limiter() {
    // The real server has no redis-cell module: it refuses the command.
    if let Some(lease) = common::lease() {
        lease.reset();
        let client =
            redis::Client::open(format!("redis://127.0.0.1:{}/", lease.port())).expect("client");
        let mut server = client.get_connection().expect("connect");
        let refused = throttle(&mut server, "user").unwrap_err();
        assert_eq!(refused.code(), Some("ERR"));
        assert!(
            refused
                .detail()
                .is_some_and(|d| d.starts_with("unknown command 'CL.THROTTLE'")),
            "{refused}"
        );
    }
    // embedis: redis-cell's reply shape [limited, limit, remaining, retry_after,
    // reset_after], values from its GCRA by hand: a token every 2 s, burst of 3; each
    // allowed request pushes the reset 2 s further; the 4th at the same instant waits 2 s.
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    assert_eq!(throttle(&mut conn, "user").unwrap(), (0, 3, 2, -1, 2));
    assert_eq!(throttle(&mut conn, "user").unwrap(), (0, 3, 1, -1, 4));
    assert_eq!(throttle(&mut conn, "user").unwrap(), (0, 3, 0, -1, 6));
    assert_eq!(throttle(&mut conn, "user").unwrap(), (1, 3, 0, 2, 6));
    clock.advance(Duration::from_secs(2));
    assert_eq!(throttle(&mut conn, "user").unwrap(), (0, 3, 0, -1, 6));
    // Its errors are redis-cell's text (code `Cell`), through redis-rs: a zero period.
    let error = redis::cmd("CL.THROTTLE")
        .arg("user")
        .arg(2)
        .arg(1)
        .arg(0)
        .query::<Value>(&mut conn)
        .unwrap_err();
    assert_eq!(error.kind(), redis::ErrorKind::Extension);
    assert_eq!(error.code(), Some("Cell"));
    assert_eq!(
        error.detail(),
        Some("error: Store error: Zero rates are not supported")
    );
}
