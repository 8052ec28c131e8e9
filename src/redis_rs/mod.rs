//! # redis-rs drop-in (feature `redis-rs`)
//!
//! An embedis [`Connection`](crate::Connection) implements redis-rs's
//! [`redis::ConnectionLike`], so code written against redis-rs 1.x runs unchanged in
//! process: every method of [`redis::Commands`], [`redis::cmd`], [`redis::pipe`] (atomic
//! pipelines too) and [`redis::transaction`]. Switching is one line, where the connection
//! is made:
//!
//! ```
//! use redis::Commands;
//!
//! fn remember_visit(conn: &mut impl redis::ConnectionLike, user: &str) -> redis::RedisResult<i64> {
//!     let visits: i64 = conn.incr(format!("visits:{user}"), 1)?;
//!     let _: bool = conn.expire(format!("visits:{user}"), 3600)?;
//!     Ok(visits)
//! }
//!
//! // Was: redis::Client::open("redis://127.0.0.1/")?.get_connection()?
//! let engine = embedis::Engine::new();
//! let mut conn = engine.connect();
//! assert_eq!(remember_visit(&mut conn, "alice").unwrap(), 1);
//! assert_eq!(remember_visit(&mut conn, "alice").unwrap(), 2);
//! ```
//!
//! The library stays free of network code: the feature adds the `redis` crate without its
//! default features, for its traits and value types only. Enable the redis-rs features your
//! code uses (`streams`, `script`, ...) in your own `Cargo.toml` as before; they apply.
//!
//! ## What is identical to redis-server
//! Each request redis-rs makes is one embedis batch (one executor round trip, however many
//! commands a pipeline holds), and its replies are read the way redis-rs reads a socket:
//! - every reply is the [`redis::Value`] redis-rs parses from redis-server's bytes, in the
//!   protocol the connection speaks (RESP2, or RESP3 after `HELLO 3`): `Okay` for `+OK`,
//!   `Nil` for both nulls, RESP2's flattened maps, RESP3 maps, sets, doubles, booleans and
//!   pushes ([`to_value`]);
//! - every error reply is the [`redis::RedisError`] redis-rs makes of it, with the same
//!   kind, code and detail (`ERR` → `ResponseError`, `WRONGTYPE`/`NOGROUP`/`BUSYGROUP` →
//!   extension errors with their code) ([`to_redis_error`]);
//! - a pipeline keeps error replies in place (redis-rs then reports them with their index);
//!   an atomic pipeline returns EXEC's array with errors inside it, `Nil` when a WATCHed key
//!   changed, and fails with `EXECABORT` when a command was refused while queued;
//! - RESP3 push frames that arrive between replies are skipped, as redis-rs skips them.
//!
//! `tests/redis_rs.rs` runs the same redis-rs code against redis-server over loopback and
//! against embedis and compares the results, errors included.
//!
//! ## Known differences
//! - An atomic pipeline refused at queue time: redis-rs's socket connection builds its
//!   "transaction aborted" error with a constructor it keeps private, so embedis returns the
//!   closest public equivalent: kind `Server(ExecAbort)`, code `EXECABORT` and detail `None`
//!   are the same, but the `Display` text is `ExecAbort` instead of listing the refused
//!   commands, and `into_server_errors()` gives that one error instead of the list.
//! - `HELLO 3` in the middle of a pipeline: the replies before it in the same pipeline are
//!   converted as RESP3 (redis-server sent them as RESP2). Send HELLO on its own.
//! - A connection starts in database 0 (`get_db()` is 0); a `redis://.../3` address has no
//!   meaning here, send `SELECT 3` instead. Scripts (`EVAL`, `redis::Script`) do not exist:
//!   use [`Engine::atomically`](crate::Engine::atomically).
//! - Failures of the in-process handle map to the socket failure they resemble: a shut-down
//!   engine is a dropped connection (`is_connection_dropped()`), see [`to_redis_error`].
//!
//! ## Pub/sub
//! redis-rs's blocking pub/sub (`Connection::as_pubsub`, `Connection::set_push_sender`,
//! `PubSub::get_message`) belongs to its concrete socket connection, not to
//! `ConnectionLike`, so it cannot run on an embedis connection. Publishing works unchanged
//! (`conn.publish(..)` through [`redis::Commands`], with the same receiver counts). For the
//! subscribing side use a [`Subscriber`](crate::Subscriber), embedis's dedicated subscriber
//! connection, and convert each message into the [`redis::Msg`] your handler takes:
//!
//! ```
//! use redis::Commands;
//!
//! let engine = embedis::Engine::new();
//! let subscriber = engine.subscriber(); // was: con.as_pubsub()
//! subscriber.subscribe(["invalidate"]).unwrap(); // was: pubsub.subscribe("invalidate")
//!
//! let mut publisher = engine.connect();
//! let receivers: i64 = publisher.publish("invalidate", "user:42").unwrap();
//! assert_eq!(receivers, 1);
//!
//! let msg: redis::Msg = subscriber.recv().unwrap().into(); // was: pubsub.get_message()
//! assert_eq!(msg.get_payload::<String>().unwrap(), "user:42");
//! ```
//!
//! Subscribing with a raw `redis::cmd("SUBSCRIBE")` on a `ConnectionLike` works at the
//! protocol level on both (the connection enters subscribe mode), but redis-rs offers no way
//! to read the messages that follow through the trait, against either.
//!
//! ## Blocking reads
//! A request holding `XREAD` or `XREADGROUP` is sent one command at a time instead of as
//! one batch (a batch answers in one frame, so nothing in it may park): a `BLOCK` read then
//! waits as on redis-server, and the commands after it in the same pipeline wait behind it.
//!
//! ## Async
//! With the `async` feature as well, [`AsyncConnection`](crate::AsyncConnection) implements
//! [`redis::aio::ConnectionLike`], so [`redis::AsyncCommands`], `cmd(..).query_async` and
//! `pipe().query_async` run unchanged, on any runtime, with the same values and errors as
//! above (the reading is shared). A redis-rs future dropped while it waits (a `timeout`
//! around a blocking read) leaves the connection in step: the reply it owned is discarded
//! when it comes. `tests/redis_rs_async.rs` compares it with redis-rs's tokio multiplexed
//! connection to redis-server.

#[cfg(feature = "async")]
mod async_connection;
mod connection;
mod pubsub;
pub(crate) mod replies;
pub(crate) mod request;
mod value;

pub use value::{to_redis_error, to_value};
