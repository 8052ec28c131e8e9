//! Reading a request's replies the way redis-rs's own `Connection` reads them from a socket,
//! so pipelines and atomic pipelines end in the same `Ok`/`Err` as against redis-server.
//!
//! redis-rs asks a connection for `offset + count` frames and keeps the last `count`: 0 and
//! N for a pipeline of N commands; N + 1 and 1 for an atomic one (skip `+OK` of MULTI and
//! the N `QUEUED`, keep EXEC's array). On the way it
//! - skips RESP3 push frames (pub/sub messages that arrive between replies) without
//!   counting them;
//! - keeps error replies it keeps as [`Value::ServerError`] values (the pipeline turns them
//!   into a `RedisError` later, with their index), but an error among the skipped frames
//!   (a command refused while MULTI queued it) makes the whole call fail with `EXECABORT`;
//! - goes on reading after a failed read, and reports the first failure at the end.
//!
//! [`ReplyReader`] is that loop with the frames fed from outside, so the blocking
//! `ConnectionLike` impl and an async one share it.

use redis::{RedisError, RedisResult, Value};

use super::value::{to_redis_error, to_value, transaction_aborted};
use crate::{Error, Protocol, Reply};

/// The state of one `offset`/`count` read.
#[derive(Debug)]
pub(crate) struct ReplyReader {
    offset: usize,
    count: usize,
    read: usize,
    kept: Vec<Value>,
    first_failure: Option<RedisError>,
    refused_while_queued: bool,
}

impl ReplyReader {
    /// A read of `offset` frames to skip, then `count` to keep.
    pub(crate) fn new(offset: usize, count: usize) -> ReplyReader {
        ReplyReader {
            offset,
            count,
            read: 0,
            kept: Vec::with_capacity(count),
            first_failure: None,
            refused_while_queued: false,
        }
    }

    /// Whether the read needs another frame.
    pub(crate) fn wants_more(&self) -> bool {
        self.read < self.offset + self.count
    }

    /// The next frame the connection produced (or the failure to get one), received while
    /// the connection spoke `protocol`.
    pub(crate) fn feed(&mut self, frame: Result<Reply, Error>, protocol: Protocol) {
        match frame.map(|reply| to_value(reply, protocol)) {
            Ok(error @ Value::ServerError(_)) => {
                if self.read < self.offset {
                    self.refused_while_queued = true;
                } else {
                    self.kept.push(error);
                }
            }
            // Out of band: it does not answer any command, so it does not count.
            Ok(Value::Push { .. }) => self.count += 1,
            Ok(value) => {
                if self.read >= self.offset {
                    self.kept.push(value);
                }
            }
            Err(error) => {
                if self.first_failure.is_none() {
                    self.first_failure = Some(to_redis_error(&error));
                }
            }
        }
        self.read += 1;
    }

    /// The kept frames, or why the request failed.
    pub(crate) fn finish(self) -> RedisResult<Vec<Value>> {
        if self.refused_while_queued {
            return Err(transaction_aborted());
        }
        match self.first_failure {
            Some(failure) => Err(failure),
            None => Ok(self.kept),
        }
    }
}

/// Feeds `frames` (one round trip's replies) to a read of `offset`/`count`; frames left
/// over are returned for the connection to keep, as unread bytes stay in a socket. If the
/// frames run out first, [`ReplyReader::wants_more`] stays true.
pub(crate) fn read_batch(
    reader: &mut ReplyReader,
    frames: Vec<Reply>,
    protocol: Protocol,
) -> Vec<Reply> {
    let mut frames = frames.into_iter();
    while reader.wants_more() {
        match frames.next() {
            Some(frame) => reader.feed(Ok(frame), protocol),
            None => break,
        }
    }
    frames.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queued() -> Reply {
        Reply::status("QUEUED")
    }

    #[test]
    fn a_pipeline_keeps_every_reply_errors_included() {
        let mut reader = ReplyReader::new(0, 2);
        let left = read_batch(
            &mut reader,
            vec![Reply::Integer(1), Reply::Error(Error::WrongType)],
            Protocol::Resp2,
        );
        assert!(left.is_empty() && !reader.wants_more());
        let values = reader.finish().unwrap();
        assert_eq!(values[0], Value::Int(1));
        assert!(matches!(values[1], Value::ServerError(_)));
    }

    #[test]
    fn an_atomic_pipeline_keeps_only_exec() {
        let mut reader = ReplyReader::new(3, 1);
        let frames = vec![
            Reply::OK,
            queued(),
            queued(),
            Reply::Array(vec![Reply::OK, Reply::Error(Error::NotInteger)]),
        ];
        assert!(read_batch(&mut reader, frames, Protocol::Resp2).is_empty());
        let values = reader.finish().unwrap();
        assert_eq!(values.len(), 1);
        assert!(matches!(&values[0], Value::Array(items) if items.len() == 2));
    }

    #[test]
    fn a_command_refused_while_queued_aborts_the_transaction() {
        let mut reader = ReplyReader::new(3, 1);
        let frames = vec![
            Reply::OK,
            Reply::Error(Error::arity("get")),
            queued(),
            Reply::Error(Error::ExecAbort),
        ];
        read_batch(&mut reader, frames, Protocol::Resp2);
        let error = reader.finish().unwrap_err();
        assert_eq!(error.code(), Some("EXECABORT"));
        assert_eq!(error.detail(), None);
    }

    #[test]
    fn resp3_pushes_do_not_count_and_leftovers_are_returned() {
        let message = Reply::Push(vec![
            Reply::bulk("message"),
            Reply::bulk("c"),
            Reply::bulk("m"),
        ]);
        let mut reader = ReplyReader::new(0, 1);
        let left = read_batch(
            &mut reader,
            vec![message.clone(), Reply::Integer(5), Reply::Integer(6)],
            Protocol::Resp3,
        );
        assert_eq!(left, vec![Reply::Integer(6)]);
        assert_eq!(reader.finish().unwrap(), vec![Value::Int(5)]);

        // In RESP2 the same frame is an array, and a reply like any other.
        let mut reader = ReplyReader::new(0, 1);
        read_batch(
            &mut reader,
            vec![message, Reply::Integer(5)],
            Protocol::Resp2,
        );
        assert!(matches!(&reader.finish().unwrap()[0], Value::Array(_)));
    }

    #[test]
    fn a_failed_read_is_reported_after_the_rest() {
        let mut reader = ReplyReader::new(0, 2);
        reader.feed(Err(Error::Closed), Protocol::Resp2);
        assert!(reader.wants_more());
        reader.feed(Err(Error::Closed), Protocol::Resp2);
        assert!(reader.finish().unwrap_err().is_connection_dropped());
    }
}
