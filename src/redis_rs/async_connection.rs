//! `redis::aio::ConnectionLike` for [`AsyncConnection`] (features `redis-rs` and `async`):
//! `redis::AsyncCommands`, `cmd(..).query_async` and `pipe().query_async` run against an
//! embedis connection as they do against redis-rs's multiplexed connection. Each request is
//! one embedis batch, awaited without blocking a thread, and read exactly as the blocking
//! impl reads it (`replies.rs`).

use redis::{RedisFuture, RedisResult, Value};

use super::connection::batch_of;
use super::replies::{read_batch, ReplyReader};
use super::request::may_block;
use super::value::to_redis_error;
use crate::AsyncConnection;

/// The async twin of the blocking `exchange`: one awaited round trip for the commands
/// packed in `packed`, of which `offset` + `count` frames are read; the rest stay readable.
async fn exchange(
    conn: &mut AsyncConnection,
    packed: Vec<u8>,
    offset: usize,
    count: usize,
) -> RedisResult<Vec<Value>> {
    let mut batch = batch_of(&packed)?;
    let mut reader = ReplyReader::new(offset, count);
    if may_block(&batch.commands) {
        // A blocking read parks only outside a batch: one awaited call per command, so a
        // future dropped while the read waits owes one reply, which the connection discards.
        for (at, command) in batch.commands.into_iter().enumerate() {
            let frame = conn.call_parsed(command, batch.lines.take(at)).await;
            if reader.wants_more() {
                reader.feed(frame, conn.protocol());
            } else if let Ok(reply) = frame {
                conn.keep_unread([reply]);
            }
        }
    } else {
        let frames = conn
            .round_trip(batch.commands, batch.lines)
            .await
            .map_err(|e| to_redis_error(&e))?;
        let leftover = read_batch(&mut reader, frames, conn.protocol());
        conn.keep_unread(leftover);
    }
    while reader.wants_more() {
        let frame = conn.recv_owed().await;
        reader.feed(frame, conn.protocol());
    }
    reader.finish()
}

/// redis-rs's async connection trait, so `redis::AsyncCommands`, `redis::cmd(..).query_async`
/// and `redis::pipe().query_async` (atomic pipelines too) run against an embedis
/// connection, on any runtime, with the `redis::Value`s and errors redis-server gives.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use redis::AsyncCommands;
///
/// // Was: client.get_multiplexed_async_connection().await?
/// let mut conn = embedis::Engine::new().connect_async();
/// let _: () = conn.set("greeting", "hello").await.unwrap();
/// let greeting: String = conn.get("greeting").await.unwrap();
/// assert_eq!(greeting, "hello");
///
/// let (a, b): (i64, i64) = redis::pipe()
///     .atomic()
///     .incr("n", 1)
///     .incr("n", 2)
///     .query_async(&mut conn)
///     .await
///     .unwrap();
/// assert_eq!((a, b), (1, 3));
///
/// let error = conn.incr::<_, _, i64>("greeting", 1).await.unwrap_err();
/// assert_eq!(error.detail(), Some("value is not an integer or out of range"));
/// # }
/// ```
#[cfg_attr(docsrs, doc(cfg(all(feature = "redis-rs", feature = "async"))))]
impl redis::aio::ConnectionLike for AsyncConnection {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a redis::Cmd) -> RedisFuture<'a, Value> {
        // Packed before the future exists, so the future borrows no `Cmd` internals.
        let packed = cmd.get_packed_command();
        Box::pin(async move {
            let mut values = exchange(self, packed, 0, 1).await?;
            // `exchange` keeps exactly one frame when it succeeds.
            Ok(values.pop().unwrap_or(Value::Nil))
        })
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a redis::Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        let packed = pipeline.get_packed_pipeline();
        Box::pin(exchange(self, packed, offset, count))
    }

    /// 0, the database every connection starts in. As with redis-rs's own connections,
    /// a `SELECT` sent later is not reflected here.
    fn get_db(&self) -> i64 {
        0
    }
}

#[cfg(test)]
mod tests {
    use redis::aio::ConnectionLike;
    use redis::AsyncCommands;

    use crate::Engine;

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
            .block_on(future)
    }

    #[test]
    fn extra_frames_of_a_request_stay_readable() {
        block_on(async {
            let engine = Engine::new();
            let mut conn = engine.connect_async();
            // A pipeline of two whose caller reads only the first reply.
            let mut pipe = redis::pipe();
            pipe.incr("n", 1).incr("n", 1);
            let first = conn.req_packed_commands(&pipe, 0, 1).await.unwrap();
            assert_eq!(first, vec![redis::Value::Int(1)]);
            assert_eq!(conn.recv().await.unwrap(), crate::Reply::Integer(2));
        });
    }

    #[test]
    fn a_shut_down_engine_is_a_dropped_connection() {
        block_on(async {
            let engine = Engine::new();
            let mut conn = engine.connect_async();
            let _: () = conn.set("k", "v").await.unwrap();
            engine.shutdown();
            let error = conn.get::<_, String>("k").await.unwrap_err();
            assert!(error.is_connection_dropped(), "{error:?}");
        });
    }

    #[test]
    fn an_empty_pipeline_is_refused_as_redis_rs_refuses_it() {
        block_on(async {
            let mut conn = Engine::new().connect_async();
            let empty = conn
                .req_packed_commands(&redis::pipe(), 0, 0)
                .await
                .unwrap_err();
            assert_eq!(empty.kind(), redis::ErrorKind::Client);
        });
    }
}
