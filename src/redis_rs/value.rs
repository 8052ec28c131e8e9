//! The reply side of the bridge: embedis [`Reply`] frames as the [`redis::Value`]s redis-rs
//! would parse from redis-server's bytes, and embedis [`Error`]s as [`RedisError`]s.
//!
//! The conversion is direct (no RESP encoding and re-parsing on the hot path), and it is
//! defined as "what redis-rs's own parser makes of [`Reply::encode`]'s bytes in the
//! connection's protocol": RESP2 flattens maps, turns doubles into bulk strings and
//! booleans into integers; `+OK` is [`Value::Okay`]; both nulls are [`Value::Nil`]; a RESP3
//! push is [`Value::Push`] with its kind. The unit tests check that definition against
//! [`redis::parse_redis_value`] for every variant in both protocols.
//!
//! Error replies are the one place that does go through redis-rs's parser: a
//! [`redis::ServerError`] can only be made by it, and going through it also makes the
//! code/kind/detail split exactly redis-rs's (`ERR` → `ResponseError`, `EXECABORT` →
//! `ExecAbort`, an unknown code such as `WRONGTYPE` or `NOGROUP` → an extension error).

use std::io;

use redis::{ErrorKind, PushKind, RedisError, ServerErrorKind, Value};

use crate::reply::format_double;
use crate::{Error, Protocol, Reply};

/// The [`redis::Value`] redis-rs gives for `reply` received in `protocol`.
///
/// ```
/// use embedis::{redis_rs::to_value, Error, Protocol, Reply};
/// use redis::Value;
///
/// assert_eq!(to_value(Reply::OK, Protocol::Resp2), Value::Okay);
/// assert_eq!(to_value(Reply::Boolean(true), Protocol::Resp2), Value::Int(1));
/// assert_eq!(to_value(Reply::Boolean(true), Protocol::Resp3), Value::Boolean(true));
/// match to_value(Reply::Error(Error::WrongType), Protocol::Resp2) {
///     Value::ServerError(error) => assert_eq!(error.code(), "WRONGTYPE"),
///     other => panic!("{other:?}"),
/// }
/// ```
pub fn to_value(reply: Reply, protocol: Protocol) -> Value {
    let resp3 = protocol == Protocol::Resp3;
    match reply {
        Reply::Status(text) if text == "OK" => Value::Okay,
        Reply::Status(text) => Value::SimpleString(text.into_owned()),
        Reply::Error(error) => server_error_value(&error.to_string()),
        Reply::Integer(n) => Value::Int(n),
        // `Vec::from(Bytes)` reuses the allocation when the reply holds the only reference.
        Reply::Bulk(data) => Value::BulkString(Vec::from(data)),
        Reply::Nil | Reply::NilArray => Value::Nil,
        Reply::Array(items) => Value::Array(values(items, protocol)),
        Reply::Set(items) if resp3 => Value::Set(values(items, protocol)),
        Reply::Set(items) => Value::Array(values(items, protocol)),
        Reply::Map(pairs) if resp3 => Value::Map(
            pairs
                .into_iter()
                .map(|(key, value)| (to_value(key, protocol), to_value(value, protocol)))
                .collect(),
        ),
        Reply::Map(pairs) => Value::Array(
            pairs
                .into_iter()
                .flat_map(|(key, value)| [to_value(key, protocol), to_value(value, protocol)])
                .collect(),
        ),
        Reply::Double(value) => double(format_double(value).as_bytes(), resp3),
        Reply::FormattedDouble(text) => double(&text, resp3),
        Reply::Boolean(value) if resp3 => Value::Boolean(value),
        Reply::Boolean(value) => Value::Int(i64::from(value)),
        Reply::Push(items) if resp3 => push(items, protocol),
        Reply::Push(items) => Value::Array(values(items, protocol)),
        Reply::Verbatim(text) if resp3 => Value::VerbatimString {
            format: redis::VerbatimFormat::Text,
            text: String::from_utf8_lossy(&text).into_owned(),
        },
        Reply::Verbatim(text) => Value::BulkString(Vec::from(text)),
        Reply::BigNumber(digits) if resp3 => big_number(&digits),
        Reply::BigNumber(digits) => Value::BulkString(Vec::from(digits)),
    }
}

/// A RESP3 big number as redis-rs reads the `(` line: its `Value::BigNumber` holds the
/// digits or, with its `num-bigint` feature, a `BigInt`; which one is redis-rs's build
/// choice, so its own parser makes the value. Text that is no integer (a script may
/// return any) is a bulk string where redis-rs with `num-bigint` would fail to parse.
fn big_number(digits: &[u8]) -> Value {
    let mut line = Vec::with_capacity(digits.len() + 3);
    line.push(b'(');
    line.extend_from_slice(digits);
    line.extend_from_slice(b"\r\n");
    redis::parse_redis_value(&line).unwrap_or_else(|_| Value::BulkString(digits.to_vec()))
}

fn values(items: Vec<Reply>, protocol: Protocol) -> Vec<Value> {
    items
        .into_iter()
        .map(|item| to_value(item, protocol))
        .collect()
}

/// A double as the client sees its text: a bulk string in RESP2; in RESP3 the number
/// redis-rs parses from the `,` line (`%.17g` round-trips, `inf` and `nan` included).
fn double(text: &[u8], resp3: bool) -> Value {
    if !resp3 {
        return Value::BulkString(text.to_vec());
    }
    std::str::from_utf8(text)
        .ok()
        .and_then(|text| text.trim().parse::<f64>().ok())
        .map_or_else(|| Value::BulkString(text.to_vec()), Value::Double)
}

/// A RESP3 push: redis-rs names its kind after the first element (`message`, `pmessage`,
/// `subscribe`, ...) and keeps the rest as data.
fn push(items: Vec<Reply>, protocol: Protocol) -> Value {
    let mut items = items.into_iter();
    let kind = match items.next() {
        Some(Reply::Bulk(kind)) => String::from_utf8_lossy(&kind).into_owned(),
        Some(Reply::Status(kind)) => kind.into_owned(),
        // embedis never sends a push without its kind first; show it as data.
        first => {
            let data = first.into_iter().chain(items).collect();
            return Value::Array(values(data, protocol));
        }
    };
    Value::Push {
        kind: push_kind(kind),
        data: items.map(|item| to_value(item, protocol)).collect(),
    }
}

/// redis-rs's name for a push kind (its parser's table; unknown kinds kept as text).
fn push_kind(kind: String) -> PushKind {
    match kind.as_str() {
        "invalidate" => PushKind::Invalidate,
        "message" => PushKind::Message,
        "pmessage" => PushKind::PMessage,
        "smessage" => PushKind::SMessage,
        "unsubscribe" => PushKind::Unsubscribe,
        "punsubscribe" => PushKind::PUnsubscribe,
        "sunsubscribe" => PushKind::SUnsubscribe,
        "subscribe" => PushKind::Subscribe,
        "psubscribe" => PushKind::PSubscribe,
        "ssubscribe" => PushKind::SSubscribe,
        _ => PushKind::Other(kind),
    }
}

/// An error reply's text as redis-rs's parser makes it a [`Value::ServerError`]. As on
/// redis-server, an error line never holds CR or LF (they become spaces), so the line
/// always parses; the fallback keeps the text visible if it ever did not.
fn server_error_value(text: &str) -> Value {
    let line: String = text
        .chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect();
    match redis::parse_redis_value(format!("-{line}\r\n").as_bytes()) {
        Ok(value @ Value::ServerError(_)) => value,
        _ => Value::SimpleString(line),
    }
}

/// The [`RedisError`] a redis-rs user sees for `error`.
///
/// A Redis error reply becomes the error redis-rs makes of the same reply from a server
/// (kind, code and detail identical). A failure of the in-process handle, which no server
/// sends, becomes the error redis-rs reports for the matching socket failure:
/// [`Error::Closed`] a dropped connection (`BrokenPipe`, `is_connection_dropped()`),
/// [`Error::OutputBufferOverflow`] a connection reset by the server; anything else a
/// client-side error carrying embedis's text.
///
/// ```
/// use embedis::{redis_rs::to_redis_error, Error};
///
/// let error = to_redis_error(&Error::Syntax);
/// assert_eq!(error.kind(), redis::ErrorKind::Server(redis::ServerErrorKind::ResponseError));
/// assert_eq!((error.code(), error.detail()), (Some("ERR"), Some("syntax error")));
///
/// let error = to_redis_error(&Error::WrongType);
/// assert_eq!(error.kind(), redis::ErrorKind::Extension);
/// assert_eq!(error.code(), Some("WRONGTYPE"));
///
/// assert!(to_redis_error(&Error::Closed).is_connection_dropped());
/// ```
pub fn to_redis_error(error: &Error) -> RedisError {
    match error {
        Error::Closed => RedisError::from(io::Error::from(io::ErrorKind::BrokenPipe)),
        Error::OutputBufferOverflow => RedisError::from(io::Error::new(
            io::ErrorKind::ConnectionReset,
            error.to_string(),
        )),
        error if !error.is_server_error() => {
            RedisError::from((ErrorKind::Client, "embedis handle error", error.to_string()))
        }
        error => match server_error_value(&error.to_string()) {
            Value::ServerError(server) => RedisError::from(server),
            _ => RedisError::from((ErrorKind::Client, "embedis error", error.to_string())),
        },
    }
}

/// What redis-rs's `Connection` reports for an atomic pipeline whose commands were
/// refused while queueing: an `EXECABORT` error with no detail. (redis-rs builds it with a
/// constructor it keeps private, which also lists the refused commands; see the module
/// docs.)
pub(crate) fn transaction_aborted() -> RedisError {
    match redis::parse_redis_value(b"-EXECABORT\r\n") {
        Ok(Value::ServerError(server)) => RedisError::from(server),
        _ => RedisError::from((
            ErrorKind::Server(ServerErrorKind::ExecAbort),
            "Transaction aborted",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    /// The definition: what redis-rs parses from the bytes a server would send.
    fn parsed(reply: &Reply, protocol: Protocol) -> Value {
        redis::parse_redis_value(&reply.to_resp(protocol)).expect("redis-rs parses it")
    }

    fn corpus() -> Vec<Reply> {
        let scalars = vec![
            Reply::OK,
            Reply::status("QUEUED"),
            Reply::status("PONG"),
            Reply::Integer(-7),
            Reply::bulk("v"),
            Reply::bulk(b"\x00\xff\r\n"),
            Reply::bulk(""),
            Reply::Nil,
            Reply::NilArray,
            Reply::Double(1.5),
            Reply::Double(0.1),
            Reply::Double(-0.0),
            Reply::Double(f64::INFINITY),
            Reply::Double(f64::NEG_INFINITY),
            Reply::Double(1e300),
            Reply::FormattedDouble(Bytes::from_static(b"3.0000000000000000001")),
            Reply::Boolean(true),
            Reply::Boolean(false),
            Reply::BigNumber(Bytes::from_static(
                b"3492890328409238509324850943850943825024385",
            )),
            Reply::BigNumber(Bytes::from_static(b"-12")),
            Reply::Error(Error::Syntax),
            Reply::Error(Error::WrongType),
            Reply::Error(Error::ExecAbort),
            Reply::Error(Error::BusyGroup),
            Reply::Error(Error::NoGroup(
                "No such key 's' or consumer group 'g'".into(),
            )),
            Reply::Error(Error::arity("get")),
        ];
        let mut all = scalars.clone();
        all.push(Reply::Array(scalars.clone()));
        all.push(Reply::Array(vec![]));
        all.push(Reply::Set(vec![Reply::bulk("a"), Reply::Integer(1)]));
        all.push(Reply::Map(vec![
            (Reply::bulk("k"), Reply::Array(vec![Reply::Nil, Reply::OK])),
            (Reply::bulk("d"), Reply::Double(2.25)),
        ]));
        for kind in [
            "message",
            "pmessage",
            "smessage",
            "subscribe",
            "psubscribe",
            "ssubscribe",
            "unsubscribe",
            "punsubscribe",
            "sunsubscribe",
            "invalidate",
            "something-else",
        ] {
            all.push(Reply::Push(vec![
                Reply::bulk(kind),
                Reply::bulk("ch"),
                Reply::bulk("payload"),
            ]));
        }
        all.push(Reply::Array(vec![Reply::Array(vec![Reply::Map(vec![])])]));
        all
    }

    #[test]
    fn matches_redis_rs_parsing_the_wire_bytes_in_both_protocols() {
        for protocol in [Protocol::Resp2, Protocol::Resp3] {
            for reply in corpus() {
                assert_eq!(
                    to_value(reply.clone(), protocol),
                    parsed(&reply, protocol),
                    "{reply:?} in {protocol:?}"
                );
            }
        }
    }

    #[test]
    fn nan_double_is_a_nan() {
        match to_value(Reply::Double(f64::NAN), Protocol::Resp3) {
            Value::Double(value) => assert!(value.is_nan()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn error_lines_never_break() {
        let value = server_error_value("ERR bad\r\nthing");
        match value {
            Value::ServerError(error) => assert_eq!(error.details(), Some("bad  thing")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn server_errors_keep_code_and_detail() {
        let error = to_redis_error(&Error::NoGroup("No such key".into()));
        assert_eq!(error.code(), Some("NOGROUP"));
        assert_eq!(error.detail(), Some("No such key"));
        let error = to_redis_error(&Error::Panicked("boom".into()));
        assert_eq!(error.kind(), ErrorKind::Client);
        let aborted = transaction_aborted();
        assert_eq!(
            aborted.kind(),
            ErrorKind::Server(ServerErrorKind::ExecAbort)
        );
        assert_eq!(
            (aborted.code(), aborted.detail()),
            (Some("EXECABORT"), None)
        );
    }
}
