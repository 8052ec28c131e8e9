//! The async half of the redis-rs drop-in, proved the same way as the blocking half
//! (`tests/redis_rs.rs`): the same `redis::AsyncCommands` / `query_async` code runs first
//! against redis-server over loopback, through redis-rs's own tokio multiplexed connection,
//! then against an embedis `AsyncConnection`, and every result must be identical (values,
//! or error kind, code, detail and text).
//!
//! Scenarios: the command corpus in RESP2 and RESP3, pipelines with errors in place, a
//! stream worker group (XREADGROUP, XACK, XPENDING, XAUTOCLAIM), a blocking XREAD served by
//! another task's XADD, MULTI/EXEC through `pipe().atomic()` with a WATCH conflict, a
//! fixed-window limiter, and many concurrent tasks on a multi-threaded runtime.

#![cfg(all(feature = "redis-rs", feature = "async"))]

mod common;

use std::time::Duration;

use common::redis_rs::{assert_same, command, mask_idle, Record, CORPUS};
use embedis::Engine;
use redis::aio::ConnectionLike;
use redis::streams::StreamReadReply;
use redis::streams::{StreamAutoClaimOptions, StreamAutoClaimReply, StreamReadOptions};
use redis::{AsyncCommands, AsyncConnectionConfig, RedisResult, Value};

/// The bound redis-rs's async connections share (`Send + Sync` for `AsyncCommands`).
trait Conn: ConnectionLike + Send + Sync + 'static {}
impl<T: ConnectionLike + Send + Sync + 'static> Conn for T {}

/// Where connections come from: a redis-server or an embedis engine.
enum Backend {
    Server(redis::Client),
    Embedded(Engine),
}

/// One connection of either backend, as the scenario code sees it: only the trait.
enum Either {
    Server(redis::aio::MultiplexedConnection),
    Embedded(embedis::AsyncConnection),
}

impl Backend {
    async fn connect(&self) -> Either {
        match self {
            Backend::Server(client) => {
                // No response timeout: a blocking read waits as long as it asked to.
                let config = AsyncConnectionConfig::new().set_response_timeout(None);
                let conn = client
                    .get_multiplexed_async_connection_with_config(&config)
                    .await
                    .expect("connect to redis-server");
                Either::Server(conn)
            }
            Backend::Embedded(engine) => Either::Embedded(engine.connect_async()),
        }
    }
}

/// Runs `scenario` on connections of one backend, monomorphised for its connection type.
macro_rules! on {
    ($either:expr, |$conn:ident| $body:expr) => {
        match $either {
            Either::Server($conn) => $body,
            Either::Embedded($conn) => $body,
        }
    };
}

/// Runs a scenario against redis-server, then against a fresh embedis engine, and compares
/// what each observed.
async fn with_backends<F, Fut>(name: &str, scenario: F)
where
    F: Fn(Backend) -> Fut,
    Fut: std::future::Future<Output = Record>,
{
    let Some(lease) = common::lease() else {
        return;
    };
    lease.reset();
    let client =
        redis::Client::open(format!("redis://127.0.0.1:{}/", lease.port())).expect("client");
    let expected = scenario(Backend::Server(client)).await;
    let actual = scenario(Backend::Embedded(Engine::new())).await;
    assert!(!expected.steps.is_empty(), "{name}: nothing was compared");
    assert_same(name, expected, actual);
}

/// Every corpus command through `query_async` (errors extracted, as an application sees
/// them) and through `req_packed_command` (error replies as values), in RESP2 and after
/// `HELLO 3`.
async fn corpus<C: Conn>(mut conn: C) -> Record {
    let mut record = Record::default();
    for protocol in ["RESP2", "RESP3"] {
        if protocol == "RESP3" {
            let hello: RedisResult<Value> = redis::cmd("HELLO").arg(3).query_async(&mut conn).await;
            assert!(hello.is_ok(), "HELLO 3: {hello:?}");
        }
        for line in CORPUS {
            let cmd = command(line);
            record.step(
                format!("{protocol} raw {line}"),
                conn.req_packed_command(&cmd).await,
            );
        }
        record.step(
            "FLUSHALL",
            command("FLUSHALL").query_async::<Value>(&mut conn).await,
        );
        for line in CORPUS {
            record.step(
                format!("{protocol} query {line}"),
                command(line).query_async::<Value>(&mut conn).await,
            );
        }
    }
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn command_corpus_gives_identical_values_and_errors() {
    with_backends("corpus", |backend| async move {
        on!(backend.connect().await, |conn| corpus(conn).await)
    })
    .await;
}

/// Pipelines: replies in order, errors in place, and the errors redis-rs builds of them.
async fn pipelines<C: Conn>(mut conn: C) -> Record {
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
    record.step(
        "pipeline with errors",
        pipe.query_async::<Value>(&mut conn).await,
    );
    pipe.ignore_errors();
    record.step(
        "same, ignore_errors",
        pipe.query_async::<Value>(&mut conn).await,
    );
    record.step(
        "typed pipeline",
        redis::pipe()
            .set("a", 1)
            .ignore()
            .incr("a", 41)
            .get("a")
            .query_async::<(i64, String)>(&mut conn)
            .await,
    );
    record.step(
        "wrong return type",
        redis::pipe()
            .get("k")
            .query_async::<(i64,)>(&mut conn)
            .await,
    );
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelines_keep_errors_in_place() {
    with_backends("pipelines", |backend| async move {
        on!(backend.connect().await, |conn| pipelines(conn).await)
    })
    .await;
}

/// Entries of a typed stream reply, as comparable tuples.
fn entries(reply: StreamReadReply) -> Vec<(String, Vec<String>)> {
    reply
        .keys
        .into_iter()
        .map(|key| (key.key, key.ids.into_iter().map(|e| e.id).collect()))
        .collect()
}

/// A worker group: w1 reads two orders and acknowledges one; w2 takes the other over with
/// XAUTOCLAIM, then reads what is left.
async fn worker_group<C: Conn>(mut conn: C) -> Record {
    let mut record = Record::default();
    record.step(
        "XGROUP CREATE MKSTREAM",
        conn.xgroup_create_mkstream::<_, _, _, Value>("orders", "billing", "0")
            .await,
    );
    record.step(
        "XGROUP CREATE again",
        conn.xgroup_create_mkstream::<_, _, _, Value>("orders", "billing", "0")
            .await,
    );
    for (id, sku) in [("1-1", "42"), ("1-2", "43"), ("1-3", "44")] {
        record.step(
            format!("XADD {id}"),
            conn.xadd::<_, _, _, _, String>("orders", id, &[("sku", sku)])
                .await,
        );
    }
    let w1 = StreamReadOptions::default().group("billing", "w1").count(2);
    record.step(
        "XREADGROUP w1",
        conn.xread_options::<_, _, StreamReadReply>(&["orders"], &[">"], &w1)
            .await
            .map(entries),
    );
    record.step(
        "XACK 1-1",
        conn.xack::<_, _, _, i64>("orders", "billing", &["1-1"])
            .await,
    );
    record.step(
        "XPENDING extended (idle masked)",
        redis::cmd("XPENDING")
            .arg("orders")
            .arg("billing")
            .arg("-")
            .arg("+")
            .arg(10)
            .query_async::<Value>(&mut conn)
            .await
            .map(mask_idle),
    );
    record.step(
        "XAUTOCLAIM to w2",
        conn.xautoclaim_options::<_, _, _, _, _, StreamAutoClaimReply>(
            "orders",
            "billing",
            "w2",
            0,
            "0-0",
            StreamAutoClaimOptions::default().count(10),
        )
        .await
        .map(|reply| {
            let claimed: Vec<String> = reply.claimed.into_iter().map(|e| e.id).collect();
            (reply.next_stream_id, claimed, reply.deleted_ids)
        }),
    );
    let w2 = StreamReadOptions::default()
        .group("billing", "w2")
        .count(10);
    record.step(
        "XREADGROUP w2",
        conn.xread_options::<_, _, StreamReadReply>(&["orders"], &[">"], &w2)
            .await
            .map(entries),
    );
    record.step(
        "XACK the rest",
        conn.xack::<_, _, _, i64>("orders", "billing", &["1-2", "1-3", "9-9"])
            .await,
    );
    record.step(
        "XREADGROUP unknown group",
        conn.xread_options::<_, _, StreamReadReply>(
            &["orders"],
            &[">"],
            &StreamReadOptions::default().group("nobody", "w1"),
        )
        .await
        .map(entries),
    );
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stream_worker_group() {
    with_backends("worker group", |backend| async move {
        on!(backend.connect().await, |conn| worker_group(conn).await)
    })
    .await;
}

/// A blocking XREAD on one connection, served by an XADD another task makes while it waits;
/// then one that times out.
async fn blocking_read<C: Conn>(mut reader: C, mut writer: C) -> Record {
    let mut record = Record::default();
    let read = tokio::spawn(async move {
        let options = StreamReadOptions::default().block(5_000);
        let served = reader
            .xread_options::<_, _, Option<StreamReadReply>>(&["events"], &["$"], &options)
            .await
            .map(|reply| reply.map(entries));
        let short = StreamReadOptions::default().block(10);
        let timed_out = reader
            .xread_options::<_, _, Option<StreamReadReply>>(&["events"], &["$"], &short)
            .await
            .map(|reply| reply.map(entries));
        (served, timed_out)
    });
    // Long enough for the read to be parked first on both (it is served either way: `$`
    // read before the XADD means the XADD's entry is new to it).
    tokio::time::sleep(Duration::from_millis(100)).await;
    record.step(
        "XADD while the reader waits",
        writer
            .xadd::<_, _, _, _, String>("events", "5-1", &[("kind", "signup")])
            .await,
    );
    let (served, timed_out) = tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .expect("the blocked read is served")
        .expect("reader task");
    record.step("served read", served);
    record.step("timed-out read", timed_out);
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_read_is_served_by_another_task() {
    with_backends("blocking read", |backend| async move {
        match (backend.connect().await, backend.connect().await) {
            (Either::Server(r), Either::Server(w)) => blocking_read(r, w).await,
            (Either::Embedded(r), Either::Embedded(w)) => blocking_read(r, w).await,
            _ => unreachable!("one backend gives one kind of connection"),
        }
    })
    .await;
}

/// MULTI/EXEC through `pipe().atomic()`: a fixed-window hit, an error inside EXEC, and a
/// WATCH conflict made by another connection.
async fn transactions<C: Conn>(mut conn: C, mut other: C) -> Record {
    let mut record = Record::default();
    for n in 1..=3 {
        record.step(
            format!("window hit {n}"),
            redis::pipe()
                .atomic()
                .incr("rate:alice", 1)
                .cmd("EXPIRE")
                .arg("rate:alice")
                .arg(60)
                .arg("NX")
                .query_async::<(i64, i64)>(&mut conn)
                .await,
        );
    }
    let _: RedisResult<()> = conn.set("text", "not a number").await;
    record.step(
        "error inside EXEC",
        redis::pipe()
            .atomic()
            .incr("text", 1)
            .get("text")
            .query_async::<Value>(&mut conn)
            .await,
    );
    record.step(
        "refused while queued",
        redis::pipe()
            .atomic()
            .cmd("GET")
            .incr("n", 1)
            .query_async::<Value>(&mut conn)
            .await,
    );
    let _: RedisResult<()> = conn.set("balance", 10).await;
    record.step(
        "WATCH",
        redis::cmd("WATCH")
            .arg("balance")
            .query_async::<Value>(&mut conn)
            .await,
    );
    let _: RedisResult<()> = other.set("balance", 99).await;
    record.step(
        "EXEC after a conflicting write",
        redis::pipe()
            .atomic()
            .set("balance", 0)
            .query_async::<Option<(String,)>>(&mut conn)
            .await,
    );
    record.step("balance", conn.get::<_, i64>("balance").await);
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn atomic_pipelines_and_watch() {
    with_backends("transactions", |backend| async move {
        match (backend.connect().await, backend.connect().await) {
            (Either::Server(a), Either::Server(b)) => transactions(a, b).await,
            (Either::Embedded(a), Either::Embedded(b)) => transactions(a, b).await,
            _ => unreachable!("one backend gives one kind of connection"),
        }
    })
    .await;
}

/// 32 tasks, each on its own connection, increment one counter 50 times (half through
/// pipelines) and append to their own stream: the totals must come out the same.
async fn concurrent<C: Conn>(conns: Vec<C>, mut checker: C) -> Record {
    let tasks: Vec<_> = conns
        .into_iter()
        .enumerate()
        .map(|(task, mut conn)| {
            tokio::spawn(async move {
                for n in 0..25 {
                    let _: i64 = conn.incr("hits", 1).await?;
                    let (_, _): (i64, String) = redis::pipe()
                        .incr("hits", 1)
                        .xadd(format!("log:{task}"), format!("1-{}", n + 1), &[("n", n)])
                        .query_async(&mut conn)
                        .await?;
                }
                RedisResult::Ok(())
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("commands");
    }
    let mut record = Record::default();
    record.step("hits", checker.get::<_, i64>("hits").await);
    let mut lengths = Vec::new();
    for task in 0..32 {
        lengths.push(checker.xlen::<_, i64>(format!("log:{task}")).await);
    }
    record.note("stream lengths", lengths);
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_tasks() {
    with_backends("concurrent tasks", |backend| async move {
        match backend {
            Backend::Server(_) => {
                let mut conns = Vec::new();
                for _ in 0..32 {
                    let Either::Server(conn) = backend.connect().await else {
                        unreachable!()
                    };
                    conns.push(conn);
                }
                let Either::Server(checker) = backend.connect().await else {
                    unreachable!()
                };
                concurrent(conns, checker).await
            }
            Backend::Embedded(ref engine) => {
                let conns = (0..32).map(|_| engine.connect_async()).collect();
                concurrent(conns, engine.connect_async()).await
            }
        }
    })
    .await;
}

/// A redis-rs future dropped while its blocking read waits (a `timeout` around it): the
/// connection's next command gets its own reply, after the abandoned read has timed out
/// on the server side, as on redis-server.
async fn abandoned_read<C: Conn>(mut conn: C) -> Record {
    let mut record = Record::default();
    let _: RedisResult<()> = conn.set("k", "v").await;
    let options = StreamReadOptions::default().block(300);
    let read = conn.xread_options::<_, _, Option<StreamReadReply>>(&["quiet"], &["$"], &options);
    let gave_up = tokio::time::timeout(Duration::from_millis(50), read).await;
    record.note("read abandoned", gave_up.is_err());
    record.step("next command", conn.get::<_, String>("k").await);
    record.step("and the one after", conn.incr::<_, _, i64>("n", 1).await);
    record
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_blocking_read_leaves_the_connection_in_step() {
    with_backends("abandoned read", |backend| async move {
        on!(backend.connect().await, |conn| abandoned_read(conn).await)
    })
    .await;
}
