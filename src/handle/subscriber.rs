//! The dedicated subscriber: Redis pub/sub delivered through a crossbeam channel.
//!
//! A [`Subscriber`] is what an application keeps beside the connection it publishes from,
//! exactly as Redis clients keep a dedicated subscriber connection. It subscribes and
//! unsubscribes channels, glob patterns and shard channels at run time, and receives
//! [`Message`]s through its own bounded channel. Subscribing takes effect at once, without
//! a round trip to the executor: `PUBSUB NUMSUB` counts the subscriber as soon as
//! `subscribe` returns, and stops counting it as soon as it is dropped.
//!
//! # Sharing, not copying
//! A publication is allocated once and shared: delivering it to N subscribers copies N
//! pointers (one reference count each); the payload bytes are never copied. When the last
//! of those messages is dropped, its block goes back to the engine for a later publish
//! (`exec/recycler.rs`) rather than to the allocator.
//!
//! # Slow subscribers: the overflow policy
//! A publisher must never wait for the slowest reader, and a reader that stopped reading
//! must not make the engine grow without bound. So every subscriber has a bounded buffer
//! ([`SubscriberBuilder::capacity`], default [`DEFAULT_CAPACITY`]) and an [`Overflow`]
//! policy for a message that does not fit, chosen per subscriber with an engine-wide
//! default ([`EngineBuilder::subscriber_overflow`](crate::EngineBuilder::subscriber_overflow)):
//!
//! - [`Overflow::Disconnect`] (the default) is Redis's `client-output-buffer-limit pubsub`:
//!   the subscriber is unsubscribed from everything and its channel closed. It still reads
//!   every message that was buffered, then [`RecvError::Overflowed`] says why it stopped.
//!   Choose it when a gap is worse than a restart: cache invalidation, where a consumer that
//!   missed messages must resynchronise (drop its cache) anyway, and must *know* it has to.
//! - [`Overflow::Lag`] is tokio's broadcast: the message that does not fit is dropped, the
//!   subscriber stays subscribed, and the next message that does fit carries the number of
//!   messages dropped just before it ([`Message::lagged`]), which [`Subscriber::recv`]
//!   reports first as [`RecvError::Lagged`]. Choose it for live updates where only the
//!   latest state matters (prices, presence, progress).
//!
//! Under `Lag` the *newest* messages are dropped, not the oldest as in tokio: the buffer is
//! a crossbeam channel a publisher can only append to, and the reader learns the exact
//! position of every gap. [`Subscriber::stats`] counts delivered and dropped messages.
//!
//! A publication counts a subscriber among its receivers (the number `PUBLISH` returns)
//! whether or not the message fitted, as Redis counts a client whose buffer overflows.
//!
//! # Closing
//! Dropping a `Subscriber` unsubscribes it. A subscriber keeps its engine running, as a
//! connection does; [`Engine::shutdown`](crate::Engine::shutdown) closes every subscriber:
//! after the buffered messages, `recv` answers [`RecvError::Closed`].

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use bytes::Bytes;
use crossbeam_channel::{Receiver, RecvTimeoutError, TryRecvError};

use crate::cmd::IntoArg;
use crate::exec::fanout::Fanout;
use crate::exec::recycler::Recycler;
use crate::exec::reply_sink::WakerSlot;
use crate::handle::engine::Shared;
use crate::store::pubsub::{Kind, SubscriberId};
use crate::Error;

/// Default buffer size of a subscriber, in messages.
pub const DEFAULT_CAPACITY: usize = 4096;

/// What happens to a message that does not fit in a subscriber's buffer.
/// See the [module docs](crate::subscriber) for the reasoning.
///
/// ```
/// assert_eq!(embedis::Overflow::default(), embedis::Overflow::Disconnect);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overflow {
    /// Unsubscribe and close the subscriber, as Redis closes a client over its
    /// `client-output-buffer-limit`; it reads what was buffered, then
    /// [`RecvError::Overflowed`].
    #[default]
    Disconnect,
    /// Drop the message and count it; the next delivered message reports the gap.
    Lag,
}

/// One publication, allocated once and shared by every subscriber that receives it.
#[derive(Debug)]
pub(crate) struct Publication {
    pub(crate) channel: Bytes,
    pub(crate) payload: Bytes,
    pub(crate) shard: bool,
    /// Where the last message to let go of it sends it back, for the next publish.
    pub(crate) recycler: Weak<Recycler>,
}

impl PartialEq for Publication {
    fn eq(&self, other: &Publication) -> bool {
        (&self.channel, &self.payload, self.shard) == (&other.channel, &other.payload, other.shard)
    }
}

impl Eq for Publication {}

/// One published message as a subscriber receives it.
///
/// A message points to the publication, which every receiver shares (one block per
/// publish, whatever the number of subscribers, reused rather than freed), and holds what
/// is its own: the pattern that matched and the gap before it. It prints as what it reads:
/// `Message { channel: b"user:42", pattern: Some(b"user:*"), payload: b"changed", shard: false, lagged: 0 }`.
///
/// ```
/// use embedis::Engine;
/// let engine = Engine::new();
/// let subscriber = engine.subscriber();
/// subscriber.psubscribe(["user:*"]).unwrap();
/// engine.publish("user:42", "changed").unwrap();
/// let message = subscriber.recv().unwrap();
/// assert_eq!(&message.channel()[..], b"user:42");
/// assert_eq!(message.pattern().map(|p| &p[..]), Some(&b"user:*"[..]));
/// assert_eq!(&message.payload()[..], b"changed");
/// assert_eq!(
///     format!("{message:?}"),
///     r#"Message { channel: b"user:42", pattern: Some(b"user:*"), payload: b"changed", shard: false, lagged: 0 }"#
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Message {
    /// `None` only while the message is being dropped.
    publication: Option<Arc<Publication>>,
    pattern: Option<Arc<Bytes>>,
    lagged: u64,
}

static EMPTY: Bytes = Bytes::from_static(b"");

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message")
            .field("channel", self.channel())
            .field("pattern", &self.pattern())
            .field("payload", self.payload())
            .field("shard", &self.is_shard())
            .field("lagged", &self.lagged)
            .finish()
    }
}

/// The last message to let go of a publication hands it back to its fan-out, which fills
/// it again for a later publish (see `exec/recycler.rs` for why).
impl Drop for Message {
    fn drop(&mut self) {
        if let Some(publication) = self.publication.take() {
            Recycler::take_back(publication);
        }
    }
}

impl Message {
    pub(crate) fn new(
        publication: Arc<Publication>,
        pattern: Option<Arc<Bytes>>,
        lagged: u64,
    ) -> Message {
        Message {
            publication: Some(publication),
            pattern,
            lagged,
        }
    }

    /// The channel it was published to.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let s = engine.subscriber();
    /// s.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// assert_eq!(&s.recv().unwrap().channel()[..], b"a");
    /// ```
    pub fn channel(&self) -> &Bytes {
        self.publication.as_ref().map_or(&EMPTY, |p| &p.channel)
    }

    /// The payload, shared by every receiver.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let s = engine.subscriber();
    /// s.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// assert_eq!(&s.recv().unwrap().payload()[..], b"x");
    /// ```
    pub fn payload(&self) -> &Bytes {
        self.publication.as_ref().map_or(&EMPTY, |p| &p.payload)
    }

    /// The pattern that matched, for a pattern subscription (`pmessage`).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let s = engine.subscriber();
    /// s.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// assert_eq!(s.recv().unwrap().pattern(), None);
    /// ```
    pub fn pattern(&self) -> Option<&Bytes> {
        self.pattern.as_deref()
    }

    /// Whether it came from `SPUBLISH` to a shard channel (`smessage`).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let s = engine.subscriber();
    /// s.ssubscribe(["a"]).unwrap();
    /// engine.spublish("a", "x").unwrap();
    /// assert!(s.recv().unwrap().is_shard());
    /// ```
    pub fn is_shard(&self) -> bool {
        self.publication.as_ref().is_some_and(|p| p.shard)
    }

    /// Under [`Overflow::Lag`]: how many messages were dropped just before this one (also
    /// reported first by [`Subscriber::recv`] as [`RecvError::Lagged`]).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let s = engine.subscriber();
    /// s.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// assert_eq!(s.recv().unwrap().lagged(), 0);
    /// ```
    pub fn lagged(&self) -> u64 {
        self.lagged
    }
}

/// Why a subscriber could not return a message.
///
/// ```
/// use embedis::RecvError;
/// assert_eq!(RecvError::Lagged(3).to_string(), "the subscriber lagged: 3 messages were dropped");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecvError {
    /// Under [`Overflow::Lag`], this many messages were dropped; the next call returns the
    /// message that followed them.
    Lagged(u64),
    /// Under [`Overflow::Disconnect`], the buffer overflowed and the subscriber was
    /// unsubscribed from everything; every message buffered before was delivered.
    Overflowed,
    /// The engine has shut down.
    Closed,
}

impl std::fmt::Display for RecvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecvError::Lagged(n) => {
                write!(f, "the subscriber lagged: {n} messages were dropped")
            }
            RecvError::Overflowed => f.write_str(
                "the subscriber's buffer overflowed and it was disconnected (client-output-buffer-limit)",
            ),
            RecvError::Closed => f.write_str("the engine has shut down"),
        }
    }
}

impl std::error::Error for RecvError {}

/// Counters of one subscriber.
///
/// ```
/// let engine = embedis::Engine::new();
/// let subscriber = engine.subscriber();
/// subscriber.subscribe(["news"]).unwrap();
/// engine.publish("news", "hello").unwrap();
/// assert_eq!(subscriber.stats().delivered, 1);
/// assert_eq!(subscriber.stats().dropped, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SubscriberStats {
    /// Messages put into the subscriber's buffer.
    pub delivered: u64,
    /// Messages that did not fit (dropped under `Lag`; the one that disconnected it under
    /// `Disconnect`).
    pub dropped: u64,
}

/// Why a subscriber's channel closed, as the fan-out records it (0: it has not).
pub(crate) const OVERFLOWED: u8 = 1;
pub(crate) const SHUT_DOWN: u8 = 2;

/// State shared between a subscriber and the fan-out.
#[derive(Debug, Default)]
pub(crate) struct SubscriberShared {
    pub(crate) delivered: AtomicU64,
    pub(crate) dropped: AtomicU64,
    pub(crate) closed: AtomicU8,
}

/// Options for one subscriber; start with [`Engine::subscriber_builder`](crate::Engine::subscriber_builder).
///
/// ```
/// use embedis::{Engine, Overflow};
/// let engine = Engine::new();
/// let subscriber = engine.subscriber_builder().capacity(16).overflow(Overflow::Lag).build();
/// # drop(subscriber);
/// ```
#[derive(Debug, Clone)]
pub struct SubscriberBuilder {
    engine: Arc<Shared>,
    capacity: usize,
    overflow: Overflow,
}

impl SubscriberBuilder {
    pub(crate) fn new(engine: Arc<Shared>) -> SubscriberBuilder {
        let (capacity, overflow) = engine.fanout.defaults();
        SubscriberBuilder {
            engine,
            capacity,
            overflow,
        }
    }

    /// The buffer size in messages (at least 1; default from the engine builder).
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber_builder().capacity(1).build();
    /// # drop(subscriber);
    /// ```
    pub fn capacity(mut self, capacity: usize) -> SubscriberBuilder {
        self.capacity = capacity.max(1);
        self
    }

    /// The overflow policy (default from the engine builder).
    ///
    /// ```
    /// let subscriber = embedis::Engine::new()
    ///     .subscriber_builder()
    ///     .overflow(embedis::Overflow::Lag)
    ///     .build();
    /// # drop(subscriber);
    /// ```
    pub fn overflow(mut self, overflow: Overflow) -> SubscriberBuilder {
        self.overflow = overflow;
        self
    }

    /// Creates the subscriber, subscribed to nothing yet.
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber_builder().build();
    /// assert_eq!(subscriber.try_recv(), Ok(None));
    /// ```
    pub fn build(self) -> Subscriber {
        let shared = Arc::new(SubscriberShared::default());
        let fanout = Arc::clone(&self.engine.fanout);
        let wake = Arc::new(WakerSlot::new(false));
        let (id, receiver) = fanout.add_subscriber(
            self.capacity,
            self.overflow,
            Arc::clone(&shared),
            Arc::clone(&wake),
        );
        Subscriber {
            id,
            fanout,
            receiver,
            shared,
            wake,
            #[cfg(feature = "async")]
            stream_ended: false,
            pending: parking_lot::Mutex::new(None),
            has_pending: AtomicBool::new(false),
            _engine: self.engine,
        }
    }
}

/// A dedicated subscriber. See the [module docs](crate::subscriber).
///
/// ```
/// use embedis::Engine;
/// use std::time::Duration;
///
/// let engine = Engine::new();
/// let subscriber = engine.subscriber();
/// subscriber.subscribe(["cache-invalidation"]).unwrap();
/// assert_eq!(engine.publish("cache-invalidation", r#"{"key":"user:42"}"#).unwrap(), 1);
/// let message = subscriber.recv_timeout(Duration::from_secs(5)).unwrap().unwrap();
/// assert_eq!(&message.payload()[..], br#"{"key":"user:42"}"#);
/// ```
#[derive(Debug)]
pub struct Subscriber {
    id: SubscriberId,
    pub(crate) fanout: Arc<Fanout>,
    pub(crate) receiver: Receiver<Message>,
    shared: Arc<SubscriberShared>,
    /// Where an async reader waits (see `exec/reply_sink.rs` and `async_subscriber.rs`).
    #[cfg_attr(not(feature = "async"), allow(dead_code))]
    pub(crate) wake: Arc<WakerSlot>,
    /// The `Stream` returned its last item (see `async_subscriber.rs`).
    #[cfg(feature = "async")]
    pub(crate) stream_ended: bool,
    /// A message whose `Lagged` report was returned first; handed out by the next call.
    pending: parking_lot::Mutex<Option<Message>>,
    /// Whether `pending` holds a message: checked without the lock on every receive.
    has_pending: AtomicBool,
    /// A subscriber keeps the engine running, as a connection does.
    _engine: Arc<Shared>,
}

impl Subscriber {
    /// Subscribes to channels (`SUBSCRIBE`). Subscribing twice is once.
    /// `Err(Closed)` once the engine has shut down or the subscriber overflowed.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a", "b"]).unwrap();
    /// assert_eq!(subscriber.channels().len(), 2);
    /// ```
    pub fn subscribe<I>(&self, channels: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.change(Kind::Channel, channels, true)
    }

    /// Subscribes to glob patterns (`PSUBSCRIBE`): `*`, `?`, `[a-z]`, `\` escapes.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.psubscribe(["orders.*"]).unwrap();
    /// assert_eq!(engine.publish("orders.eu", "1").unwrap(), 1);
    /// assert_eq!(engine.publish("users.eu", "1").unwrap(), 0);
    /// ```
    pub fn psubscribe<I>(&self, patterns: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.change(Kind::Pattern, patterns, true)
    }

    /// Subscribes to shard channels (`SSUBSCRIBE`), which only `SPUBLISH` reaches.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.ssubscribe(["orders"]).unwrap();
    /// assert_eq!(engine.spublish("orders", "1").unwrap(), 1);
    /// assert!(subscriber.recv().unwrap().is_shard());
    /// ```
    pub fn ssubscribe<I>(&self, channels: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.change(Kind::Shard, channels, true)
    }

    /// Leaves channels (`UNSUBSCRIBE`); leaving one not subscribed does nothing.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// subscriber.unsubscribe(["a"]).unwrap();
    /// assert_eq!(engine.publish("a", "x").unwrap(), 0);
    /// ```
    pub fn unsubscribe<I>(&self, channels: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.change(Kind::Channel, channels, false)
    }

    /// Leaves patterns (`PUNSUBSCRIBE`).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.psubscribe(["*"]).unwrap();
    /// subscriber.punsubscribe(["*"]).unwrap();
    /// assert!(subscriber.patterns().is_empty());
    /// ```
    pub fn punsubscribe<I>(&self, patterns: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.change(Kind::Pattern, patterns, false)
    }

    /// Leaves shard channels (`SUNSUBSCRIBE`).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.ssubscribe(["s"]).unwrap();
    /// subscriber.sunsubscribe(["s"]).unwrap();
    /// assert_eq!(engine.spublish("s", "x").unwrap(), 0);
    /// ```
    pub fn sunsubscribe<I>(&self, channels: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.change(Kind::Shard, channels, false)
    }

    /// Leaves every channel, pattern and shard channel; the subscriber stays usable.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// subscriber.psubscribe(["b*"]).unwrap();
    /// subscriber.unsubscribe_all();
    /// assert!(subscriber.channels().is_empty() && subscriber.patterns().is_empty());
    /// ```
    pub fn unsubscribe_all(&self) {
        self.fanout.remove_subscriptions(self.id);
    }

    /// The channels subscribed, in subscription order.
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber();
    /// subscriber.subscribe(["b", "a"]).unwrap();
    /// assert_eq!(subscriber.channels(), vec![bytes::Bytes::from("b"), bytes::Bytes::from("a")]);
    /// ```
    pub fn channels(&self) -> Vec<Bytes> {
        self.fanout.subscriptions(self.id, Kind::Channel)
    }

    /// The patterns subscribed, in subscription order.
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber();
    /// subscriber.psubscribe(["a*"]).unwrap();
    /// assert_eq!(subscriber.patterns(), vec![bytes::Bytes::from("a*")]);
    /// ```
    pub fn patterns(&self) -> Vec<Bytes> {
        self.fanout.subscriptions(self.id, Kind::Pattern)
    }

    /// The shard channels subscribed, in subscription order.
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber();
    /// subscriber.ssubscribe(["s"]).unwrap();
    /// assert_eq!(subscriber.shard_channels(), vec![bytes::Bytes::from("s")]);
    /// ```
    pub fn shard_channels(&self) -> Vec<Bytes> {
        self.fanout.subscriptions(self.id, Kind::Shard)
    }

    fn change<I>(&self, kind: Kind, names: I, subscribe: bool) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let names: Vec<Bytes> = names.into_iter().map(IntoArg::into_arg).collect();
        self.fanout.change(self.id, kind, names, subscribe)
    }

    /// The next message, waiting as long as it takes.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// assert_eq!(&subscriber.recv().unwrap().payload()[..], b"x");
    /// engine.shutdown();
    /// assert_eq!(subscriber.recv(), Err(embedis::RecvError::Closed));
    /// ```
    pub fn recv(&self) -> Result<Message, RecvError> {
        if let Some(message) = self.take_pending() {
            return Ok(message);
        }
        match self.receiver.recv() {
            Ok(message) => self.report(message),
            Err(_) => Err(self.closed_reason()),
        }
    }

    /// The next message if one is buffered, without waiting.
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber();
    /// assert_eq!(subscriber.try_recv(), Ok(None));
    /// ```
    pub fn try_recv(&self) -> Result<Option<Message>, RecvError> {
        if let Some(message) = self.take_pending() {
            return Ok(Some(message));
        }
        match self.receiver.try_recv() {
            Ok(message) => self.report(message).map(Some),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(self.closed_reason()),
        }
    }

    /// The next message, or `None` if none arrives within `timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let subscriber = embedis::Engine::new().subscriber();
    /// assert_eq!(subscriber.recv_timeout(Duration::from_millis(5)), Ok(None));
    /// ```
    pub fn recv_timeout(&self, timeout: Duration) -> Result<Option<Message>, RecvError> {
        match Instant::now().checked_add(timeout) {
            Some(deadline) => self.recv_deadline(deadline),
            None => self.recv().map(Some),
        }
    }

    /// The next message, or `None` if none arrives by `deadline`.
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// let message = subscriber.recv_deadline(Instant::now() + Duration::from_secs(5)).unwrap();
    /// assert!(message.is_some());
    /// ```
    pub fn recv_deadline(&self, deadline: Instant) -> Result<Option<Message>, RecvError> {
        if let Some(message) = self.take_pending() {
            return Ok(Some(message));
        }
        match self.receiver.recv_deadline(deadline) {
            Ok(message) => self.report(message).map(Some),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(self.closed_reason()),
        }
    }

    /// Messages as they arrive, until the subscriber is closed. Gaps under
    /// [`Overflow::Lag`] are not reported here but in each [`Message::lagged`].
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// for payload in ["1", "2"] {
    ///     engine.publish("a", payload).unwrap();
    /// }
    /// engine.shutdown();
    /// let payloads: Vec<_> = subscriber.iter().map(|m| m.payload().clone()).collect();
    /// assert_eq!(payloads, ["1", "2"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Message> + '_ {
        let pending = self.take_pending();
        pending.into_iter().chain(self.receiver.iter())
    }

    /// The underlying channel, for `crossbeam_channel::select!` over several sources.
    /// Messages read from it directly carry their gap count in [`Message::lagged`].
    ///
    /// ```
    /// use crossbeam_channel::{after, select};
    /// use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// select! {
    ///     recv(subscriber.receiver()) -> message => assert_eq!(&message.unwrap().payload()[..], b"x"),
    ///     recv(after(Duration::from_secs(5))) -> _ => panic!("no message"),
    /// }
    /// ```
    pub fn receiver(&self) -> &Receiver<Message> {
        &self.receiver
    }

    /// Delivered and dropped counts.
    ///
    /// ```
    /// let subscriber = embedis::Engine::new().subscriber();
    /// assert_eq!(subscriber.stats(), embedis::SubscriberStats::default());
    /// ```
    pub fn stats(&self) -> SubscriberStats {
        SubscriberStats {
            delivered: self.shared.delivered.load(Ordering::Relaxed),
            dropped: self.shared.dropped.load(Ordering::Relaxed),
        }
    }

    /// Messages waiting in the buffer.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["a"]).unwrap();
    /// engine.publish("a", "x").unwrap();
    /// assert_eq!(subscriber.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.receiver.len() + usize::from(self.pending.lock().is_some())
    }

    /// Whether no message is waiting.
    ///
    /// ```
    /// assert!(embedis::Engine::new().subscriber().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn report(&self, mut message: Message) -> Result<Message, RecvError> {
        if message.lagged == 0 {
            return Ok(message);
        }
        let lagged = message.lagged;
        message.lagged = 0;
        *self.pending.lock() = Some(message);
        self.has_pending.store(true, Ordering::Release);
        Err(RecvError::Lagged(lagged))
    }

    /// The message held back by a `Lagged` report, if any.
    pub(crate) fn take_pending(&self) -> Option<Message> {
        if !self.has_pending.load(Ordering::Acquire) {
            return None;
        }
        self.has_pending.store(false, Ordering::Release);
        self.pending.lock().take()
    }

    pub(crate) fn closed_reason(&self) -> RecvError {
        match self.shared.closed.load(Ordering::Acquire) {
            OVERFLOWED => RecvError::Overflowed,
            _ => RecvError::Closed,
        }
    }
}

impl Drop for Subscriber {
    fn drop(&mut self) {
        self.fanout.remove_subscriber(self.id);
    }
}
