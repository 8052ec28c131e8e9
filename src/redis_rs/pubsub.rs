//! Pub/sub messages as redis-rs's [`redis::Msg`].
//!
//! redis-rs's blocking pub/sub (`Connection::as_pubsub`, `Connection::set_push_sender`)
//! is built on its concrete socket `Connection`, not on the `ConnectionLike` trait, so an
//! embedis connection cannot stand in for it. The embedis equivalent is a
//! [`Subscriber`](crate::Subscriber): subscribe, then `recv`, `recv_timeout`, `iter` or its
//! crossbeam `receiver()`; each [`Message`] converts into the [`redis::Msg`] a redis-rs
//! handler already takes.

use redis::{Msg, PushInfo, PushKind, Value};

use crate::Message;

/// The [`redis::Msg`] redis-server would have delivered for this message: channel and
/// payload as bulk strings, and the pattern of a pattern subscription.
///
/// ```
/// use embedis::Engine;
///
/// let engine = Engine::new();
/// let subscriber = engine.subscriber();
/// subscriber.psubscribe(["cache:*"]).unwrap();
/// engine.publish("cache:user:42", "invalidate").unwrap();
///
/// let msg = redis::Msg::from(&subscriber.recv().unwrap());
/// assert_eq!(msg.get_channel_name(), "cache:user:42");
/// assert_eq!(msg.get_payload::<String>().unwrap(), "invalidate");
/// assert_eq!(msg.get_pattern::<Option<String>>().unwrap().as_deref(), Some("cache:*"));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "redis-rs")))]
impl From<&Message> for Msg {
    fn from(message: &Message) -> Msg {
        let channel = Value::BulkString(message.channel().to_vec());
        let payload = Value::BulkString(message.payload().to_vec());
        let (kind, data) = match message.pattern() {
            Some(pattern) => (
                PushKind::PMessage,
                vec![Value::BulkString(pattern.to_vec()), channel, payload],
            ),
            None if message.is_shard() => (PushKind::SMessage, vec![channel, payload]),
            None => (PushKind::Message, vec![channel, payload]),
        };
        // redis-rs accepts every message, pmessage and smessage push with this many items;
        // `Msg` has no other public constructor.
        match Msg::from_push_info(PushInfo { kind, data }) {
            Some(msg) => msg,
            None => unreachable!("redis::Msg::from_push_info refused a well-formed message"),
        }
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "redis-rs")))]
impl From<Message> for Msg {
    /// As [`From<&Message>`](#impl-From%3C%26Message%3E-for-Msg).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.ssubscribe(["orders"]).unwrap();
    /// engine.spublish("orders", "42").unwrap();
    /// let msg: redis::Msg = subscriber.recv().unwrap().into();
    /// assert_eq!((msg.get_channel_name(), msg.get_payload_bytes()), ("orders", &b"42"[..]));
    /// assert!(!msg.from_pattern());
    /// ```
    fn from(message: Message) -> Msg {
        Msg::from(&message)
    }
}
