//! # embedis — Redis semantics in your process
//!
//! An in-process engine with Redis's replies, errors and edge cases, used as an embedded
//! broker and as a test double for code written against Redis. No network and no server:
//! one executor thread owns all data, so every command, every MULTI/EXEC and every
//! [`Engine::atomically`] closure is atomic without a lock.
//!
//! # Quick start
//! ```
//! use embedis::{cmd::Set, Engine, Reply};
//!
//! let engine = Engine::new();
//! let mut conn = engine.connect();
//!
//! // The argv API: exactly what you would send redis-server.
//! assert_eq!(conn.call(["SET", "user:42", "alice", "EX", "60"]).unwrap(), Reply::OK);
//! assert_eq!(conn.call(["GET", "user:42"]).unwrap(), Reply::bulk("alice"));
//! assert_eq!(
//!     conn.call(["INCR", "user:42"]).unwrap(),
//!     Reply::Error(embedis::Error::NotInteger)
//! );
//!
//! // The typed API: the same parsed command, with a typed reply.
//! assert!(conn.run(Set::new("visits", "0").nx()).unwrap());
//! assert_eq!(conn.run(embedis::cmd::IncrBy::new("visits", 1)).unwrap(), 1);
//! ```
//!
//! # Threading model
//! Handles ([`Engine`], [`Connection`]) parse commands on the caller's thread into a
//! [`cmd::Command`] and send it over a bounded crossbeam channel to the executor, which
//! drains its queue in batches and replies on each connection's own channel. The executor
//! never waits on anyone but its own queue. A [`Pipeline`] or [`Transaction`] is one message
//! and one round trip however many commands it holds.
//!
//! # Time
//! Everything that depends on time follows the engine's [`Clock`]. With a [`ManualClock`],
//! tests move time with [`ManualClock::advance`] instead of sleeping:
//! ```
//! use embedis::{Engine, ManualClock, Reply};
//! use std::time::Duration;
//!
//! let clock = ManualClock::new();
//! let engine = Engine::builder().clock(clock.clone()).build();
//! let mut conn = engine.connect();
//! conn.call(["SET", "token", "t", "PX", "1500"]).unwrap();
//! clock.advance(Duration::from_millis(1499));
//! assert_eq!(conn.call(["PTTL", "token"]).unwrap(), Reply::Integer(1));
//! clock.advance(Duration::from_millis(1));
//! assert_eq!(conn.call(["EXISTS", "token"]).unwrap(), Reply::Integer(0));
//! ```
//!
//! # Expiry
//! Keys past their deadline are never visible: a lookup removes them first (lazy expiry),
//! and a bounded sweep on the executor removes due keys without any access, earliest first,
//! so memory is freed. Deadlines have millisecond precision, as in Redis.
//!
//! # Pub/sub
//! A [`Subscriber`] is the dedicated subscriber Redis applications keep beside the
//! connection they publish from; [`Engine::publish`] broadcasts from any thread without a
//! round trip. Connections speak the protocol (`SUBSCRIBE`, push frames, subscribe mode).
//! Every subscriber has a bounded buffer and an [`Overflow`] policy, so a slow one never
//! blocks a publisher (see the [`Subscriber`] docs for the reasoning).
//! ```
//! use embedis::Engine;
//!
//! let engine = Engine::builder().notify_keyspace_events("E$").build();
//! let subscriber = engine.subscriber();
//! subscriber.subscribe(["cache-invalidation"]).unwrap();
//! subscriber.psubscribe(["__keyevent@0__:*"]).unwrap();
//!
//! assert_eq!(engine.publish("cache-invalidation", r#"{"key":"user:42"}"#).unwrap(), 1);
//! engine.connect().call(["SET", "user:42", "alice"]).unwrap(); // a keyspace notification
//!
//! let first = subscriber.recv().unwrap();
//! assert_eq!(&first.payload()[..], br#"{"key":"user:42"}"#);
//! let event = subscriber.recv().unwrap();
//! assert_eq!((&event.channel()[..], &event.payload()[..]), (&b"__keyevent@0__:set"[..], &b"user:42"[..]));
//! ```
//!
//! # Streams
//! The durable log with consumer groups: every Redis 7 stream command, blocking reads that
//! park the request (not a thread), and [`StreamConsumer`], a worker loop that acknowledges
//! what it processed and takes over what crashed workers left pending.
//! ```
//! use embedis::{cmd::XAdd, Engine, StreamId};
//!
//! let engine = Engine::new();
//! let mut worker = engine.stream_consumer("orders", "billing", "w1").build().unwrap();
//! let id = engine.connect().run(XAdd::new("orders", [("sku", "42")])).unwrap().unwrap();
//! let mut seen = Vec::new();
//! worker.poll(|entry| { seen.push(entry.id); Ok::<(), ()>(()) }).unwrap();
//! assert_eq!(seen, [id]);
//! assert!(id > StreamId::MIN);
//! ```
//!
//! # Transactions and atomic closures
//! MULTI/EXEC/WATCH behave as on Redis (a watched key that expires fails EXEC). For logic
//! that needs to read before it writes, [`Engine::atomically`] runs a closure on the
//! executor: the in-process equivalent of a Lua script.
//!
//! # Lua scripts
//! With the `lua` feature (on by default), EVAL, EVALSHA and SCRIPT run Lua 5.1 scripts as
//! redis-server 7.0 does: the same sandbox, conversions and error texts, atomic on the
//! executor, their writes logged as effects. A script that runs past
//! [`EngineBuilder::script_time_limit`] is stopped rather than hang every caller.
//!
//! # Async
//! With the `async` feature, [`Engine::connect_async`] gives an `AsyncConnection` whose
//! calls are awaited (blocking stream reads included), a [`Subscriber`] is a
//! `futures_core::Stream`, and rate limiters have `until_ready` futures. No runtime is
//! required or started: the futures work on tokio, async-std, smol or a plain executor.
//!
//! # redis-rs
//! With the `redis-rs` feature, a [`Connection`] is a `redis::ConnectionLike`, and with
//! `async` as well an `AsyncConnection` is a `redis::aio::ConnectionLike`: code written
//! against redis-rs (`Commands`, `AsyncCommands`, `cmd`, `pipe`) runs unchanged in process
//! (see the `redis_rs` module).
//!
//! # Layout
//! - `cmd/`: one file per command family; argv parsing and each command's semantics.
//! - `exec/`: the executor (ordering, batching, WATCH, expiry ticks, shutdown), parked
//!   blocking reads (`blocking.rs`), pub/sub delivery (`fanout.rs`), keyspace
//!   notifications (`notify.rs`).
//! - `store/`: pure data structures (keyspace, stream log and groups, pub/sub routing,
//!   glob, GCRA, numbers), time as a parameter.
//! - `handle/`: what users hold: engine, connections, subscribers, stream consumers, rate
//!   limiters.
//! - `persist/`: the append-only file (effects, group commit, recovery, compaction) and the
//!   dataset as a stream of Redis commands ([`Engine::export`], loadable with
//!   `redis-cli --pipe`, and [`Engine::import`]); the RESP request encoder and parser.
//! - `redis_rs/`: the redis-rs traits over connections (feature `redis-rs`).
//! - `script/`: the Lua interpreter behind EVAL (feature `lua`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod clock;
pub mod cmd;
mod config;
mod error;
mod exec;
mod handle;
pub mod persist;
#[cfg(feature = "redis-rs")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis-rs")))]
pub mod redis_rs;
pub mod reply;
#[cfg(feature = "lua")]
mod script;
mod store;

pub use clock::{Clock, ClockWaker, ManualClock, SystemClock};
pub use cmd::{IncrexReply, IntoArg, ThrottleReply};
pub use config::EngineBuilder;
pub use error::{
    BitmapError, Error, GeoError, GetKeysError, HyperLogLogError, ListError, SortedSetError,
    StreamError, TrackingError,
};
#[cfg(feature = "async")]
#[cfg_attr(docsrs, doc(cfg(feature = "async")))]
pub use handle::async_connection::AsyncConnection;
pub use handle::atomically::Db;
pub use handle::command_monitor::{CommandMonitor, MonitoredCommand};
pub use handle::connection::Connection;
pub use handle::engine::Engine;
pub use handle::pipeline::Pipeline;
pub use handle::rate_limiter::{
    KeyedRateLimiter, NotUntil, RateLimitError, RateLimitSnapshot, RateLimiter,
};
pub use handle::stream_consumer;
pub use handle::stream_consumer::{PollReport, StreamConsumer, StreamConsumerBuilder};
pub use handle::subscriber;
pub use handle::subscriber::{
    Message, Overflow, RecvError, Subscriber, SubscriberBuilder, SubscriberStats,
};
pub use handle::transaction::Transaction;
pub use persist::export::{ExportError, ImportError};
pub use persist::{AofError, Fsync, RecoveryReport, SnapshotError};
pub use reply::{FromReply, Protocol, Reply, TtlReply};
pub use store::gcra::{Quota, QuotaError};
pub use store::glob::Glob;
pub use store::stream::{StreamEntry, StreamId};
