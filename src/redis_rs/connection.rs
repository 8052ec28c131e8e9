//! `redis::ConnectionLike` for [`Connection`]: every request redis-rs makes (one command,
//! a pipeline, an atomic pipeline) is one embedis batch, so one executor round trip.

use redis::{ErrorKind, RedisError, RedisResult, Value};

use super::replies::{read_batch, ReplyReader};
use super::request::{commands, may_block, Batch, MalformedRequest};
use super::value::to_redis_error;
use crate::Connection;

/// Runs the commands packed in `packed` as one round trip and reads `offset` + `count`
/// frames of it the way redis-rs reads a socket (see `replies.rs`). Frames left over stay
/// readable on the connection.
fn exchange(
    conn: &mut Connection,
    packed: &[u8],
    offset: usize,
    count: usize,
) -> RedisResult<Vec<Value>> {
    let batch = batch_of(packed)?;
    if may_block(&batch.commands) {
        return one_by_one(conn, batch, offset, count);
    }
    let frames = conn
        .round_trip(batch.commands, batch.lines)
        .map_err(|e| to_redis_error(&e))?;
    // A HELLO in the batch switched the protocol before any of its frames are read here:
    // frames before it are read in the new protocol (see the module docs).
    let protocol = conn.protocol();
    let mut reader = ReplyReader::new(offset, count);
    let leftover = read_batch(&mut reader, frames, protocol);
    conn.keep_unread(leftover);
    // RESP3 pushes counted out of the batch, or a connection closed part way (QUIT): read
    // on, as redis-rs keeps reading its socket.
    while reader.wants_more() {
        let frame = conn.recv_owed();
        reader.feed(frame, conn.protocol());
    }
    reader.finish()
}

/// A request with a blocking read: every command is sent as its own message (pipelined, as
/// a socket carries them), so the read parks and the commands after it wait behind it.
fn one_by_one(
    conn: &mut Connection,
    mut batch: Batch,
    offset: usize,
    count: usize,
) -> RedisResult<Vec<Value>> {
    for (at, command) in batch.commands.into_iter().enumerate() {
        conn.send_parsed(command, batch.lines.take(at))
            .map_err(|e| to_redis_error(&e))?;
    }
    let mut reader = ReplyReader::new(offset, count);
    while reader.wants_more() {
        let frame = conn.recv_owed();
        reader.feed(frame, conn.protocol());
    }
    reader.finish()
}

/// The commands packed in `packed`, as one batch for the executor; refused as redis-rs's
/// socket connection refuses it when there is nothing to send or nothing to wait for.
pub(super) fn batch_of(packed: &[u8]) -> RedisResult<Batch> {
    if packed.is_empty() {
        // What redis-rs's socket connection answers before writing nothing (an empty
        // pipeline, for one).
        return Err(RedisError::from((ErrorKind::Client, "empty command")));
    }
    let batch = commands(packed).map_err(malformed)?;
    if batch.commands.is_empty() {
        // Only empty arrays (`*0`), which a server skips without a reply: a socket would
        // wait forever for one.
        return Err(RedisError::from((
            ErrorKind::Client,
            "embedis: no command to wait for",
            format!("{} bytes held no command", packed.len()),
        )));
    }
    Ok(batch)
}

fn malformed(error: MalformedRequest) -> RedisError {
    RedisError::from((
        ErrorKind::Client,
        "embedis: packed bytes are not RESP command arrays",
        error.to_string(),
    ))
}

/// redis-rs's synchronous connection trait, so `redis::Commands`, `redis::cmd(..).query`,
/// `redis::pipe()` and `redis::transaction` run against an embedis connection. Replies are
/// the `redis::Value`s redis-rs parses from redis-server, in the protocol the connection
/// speaks (RESP2, or RESP3 after `HELLO 3`).
///
/// ```
/// use redis::Commands;
///
/// let mut conn = embedis::Engine::new().connect();
/// let _: () = conn.set("greeting", "hello").unwrap();
/// let greeting: String = conn.get("greeting").unwrap();
/// assert_eq!(greeting, "hello");
///
/// let (a, b): (i64, i64) = redis::pipe()
///     .atomic()
///     .incr("n", 1)
///     .incr("n", 2)
///     .query(&mut conn)
///     .unwrap();
/// assert_eq!((a, b), (1, 3));
///
/// let error = conn.incr::<_, _, i64>("greeting", 1).unwrap_err();
/// assert_eq!(error.code(), Some("ERR"));
/// assert_eq!(error.detail(), Some("value is not an integer or out of range"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "redis-rs")))]
impl redis::ConnectionLike for Connection {
    fn req_packed_command(&mut self, cmd: &[u8]) -> RedisResult<Value> {
        let mut values = exchange(self, cmd, 0, 1)?;
        // `exchange` keeps exactly `count` frames when it succeeds.
        Ok(values.pop().unwrap_or(Value::Nil))
    }

    fn req_packed_commands(
        &mut self,
        cmd: &[u8],
        offset: usize,
        count: usize,
    ) -> RedisResult<Vec<Value>> {
        exchange(self, cmd, offset, count)
    }

    /// 0, the database every connection starts in. As with redis-rs's own connections,
    /// a `SELECT` sent later is not reflected here.
    fn get_db(&self) -> i64 {
        0
    }

    fn check_connection(&mut self) -> bool {
        redis::cmd("PING").query::<String>(self).is_ok()
    }

    fn is_open(&self) -> bool {
        Connection::is_open(self)
    }
}

#[cfg(test)]
mod tests {
    use redis::ConnectionLike;

    use crate::Engine;

    #[test]
    fn pipelines_run_as_one_batch_and_leave_extra_frames_readable() {
        let engine = Engine::new();
        let mut conn = engine.connect();
        // Two commands packed into one single-reply request: the second reply stays unread.
        let mut packed = redis::cmd("INCR").arg("n").get_packed_command();
        packed.extend(redis::cmd("INCR").arg("n").get_packed_command());
        assert_eq!(
            conn.req_packed_command(&packed).unwrap(),
            redis::Value::Int(1)
        );
        assert_eq!(conn.recv().unwrap(), crate::Reply::Integer(2));
    }

    #[test]
    fn a_blocking_read_blocks_until_another_connection_writes() {
        let engine = Engine::new();
        let mut reader = engine.connect();
        let mut writer = engine.connect();
        let read = std::thread::spawn(move || {
            let mut pipe = redis::pipe();
            pipe.cmd("XREAD")
                .arg("BLOCK")
                .arg(0)
                .arg("STREAMS")
                .arg("s")
                .arg("$")
                .cmd("INCR")
                .arg("after");
            let replies: (redis::Value, i64) = pipe.query(&mut reader).unwrap();
            replies
        });
        // The read parks however long the writer takes; the INCR waits behind it.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let after: Option<i64> = redis::cmd("GET").arg("after").query(&mut writer).unwrap();
        assert_eq!(after, None);
        let _: String = redis::cmd("XADD")
            .arg("s")
            .arg("1-1")
            .arg("f")
            .arg("v")
            .query(&mut writer)
            .unwrap();
        let (entries, incremented) = read.join().unwrap();
        assert!(matches!(entries, redis::Value::Array(ref keys) if keys.len() == 1));
        assert_eq!(incremented, 1);
    }

    #[test]
    fn a_shut_down_engine_is_a_dropped_connection() {
        let engine = Engine::new();
        let mut conn = engine.connect();
        assert!(conn.check_connection());
        assert!(conn.is_open());
        engine.shutdown();
        let error = conn
            .req_packed_command(&redis::cmd("PING").get_packed_command())
            .unwrap_err();
        assert!(error.is_connection_dropped(), "{error:?}");
        assert!(!conn.check_connection());
    }

    #[test]
    fn malformed_bytes_are_a_client_error_and_nothing_is_sent() {
        let mut conn = Engine::new().connect();
        let error = conn.req_packed_command(b"PING\r\n").unwrap_err();
        assert_eq!(error.kind(), redis::ErrorKind::Client);
        let empty = conn.req_packed_commands(b"", 0, 0).unwrap_err();
        assert_eq!(empty.to_string(), "empty command - Client");
        let nothing_to_answer = conn.req_packed_commands(b"*0\r\n", 0, 1).unwrap_err();
        assert_eq!(nothing_to_answer.kind(), redis::ErrorKind::Client);
    }
}
