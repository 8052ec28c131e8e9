//! Pub/sub delivery: the routing table, every subscriber's buffer, and the overflow policy.
//!
//! # Why publishing does not go through the executor queue
//! Pub/sub touches no key, so it needs no place in the executor's order except for
//! keyspace notifications and for `PUBLISH` sent on a connection, which the executor
//! publishes itself. [`Engine::publish`](crate::Engine::publish) therefore publishes on the
//! caller's thread: it takes this module's one lock, routes, and `try_send`s into each
//! subscriber's bounded buffer, and returns the receiver count at once, as tokio's
//! broadcast does, without a round trip. The lock gives every publication one total order,
//! as the single-threaded redis-server does: all subscribers see any two messages in the
//! same order, whichever threads published them. Nobody waits under the lock for anyone:
//! buffers are bounded and full ones are handled by the policy (see
//! `handle/subscriber.rs`).
//!
//! # Connections as subscribers
//! A connection in subscribe mode receives messages on its ordinary reply channel, between
//! its replies, as a socket does. Its subscribe confirmations are replies the executor sends
//! after the command, so a message published from another thread in between could arrive
//! before the confirmation; to keep Redis's order, a connection that just subscribed is
//! *unarmed*: messages for it wait in the sink until the executor has sent the
//! confirmation and [`Fanout::arm`]s it. Its buffer limit counts messages it has not read;
//! over the limit, the connection is closed, as redis-server closes a client over its
//! `client-output-buffer-limit pubsub`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use crossbeam_channel::{bounded, Receiver, TrySendError};
use parking_lot::Mutex;
use smallvec::SmallVec;

use crate::exec::core::{Frame, PushKind, PushMessage};
use crate::exec::recycler::Recycler;
use crate::exec::reply_sink::{ReplySink, WakerSlot};
use crate::handle::subscriber::{
    Message, Overflow, Publication, SubscriberShared, OVERFLOWED, SHUT_DOWN,
};
use crate::store::pubsub::{Kind, Registry, SubscriberId};
use crate::Error;

/// The pub/sub hub shared by the executor and every handle.
#[derive(Debug)]
pub(crate) struct Fanout {
    state: Mutex<State>,
    capacity: usize,
    overflow: Overflow,
    recycler: Arc<Recycler>,
}

#[derive(Debug, Default)]
struct State {
    registry: Registry,
    sinks: Sinks,
    closed: bool,
}

#[derive(Debug)]
enum Sink {
    Typed(TypedSink),
    Connection(ConnectionSink),
}

#[derive(Debug)]
struct TypedSink {
    sender: ReplySink<Message>,
    overflow: Overflow,
    /// Messages dropped since the last one delivered (Lag policy).
    lagged: u64,
    delivered: u64,
    dropped: u64,
    shared: Arc<SubscriberShared>,
}

/// Sinks by subscriber id: a slab, so each delivery finds its sink by index rather than by
/// hashing. An id is a slot index and the slot's generation, so a stale id (a subscriber
/// already removed by its overflow policy, then dropped) never reaches a reused slot.
#[derive(Debug, Default)]
struct Sinks {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

#[derive(Debug, Default)]
struct Slot {
    generation: u32,
    sink: Option<Sink>,
}

impl Sinks {
    fn allocate(&mut self) -> SubscriberId {
        let index = self.free.pop().unwrap_or_else(|| {
            self.slots.push(Slot::default());
            u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX)
        });
        let generation = self
            .slots
            .get(index as usize)
            .map_or(0, |slot| slot.generation);
        (u64::from(generation) << 32) | u64::from(index)
    }

    fn slot(&mut self, id: SubscriberId) -> Option<&mut Slot> {
        let slot = self.slots.get_mut((id & 0xffff_ffff) as usize)?;
        (u64::from(slot.generation) == id >> 32).then_some(slot)
    }

    fn insert(&mut self, id: SubscriberId, sink: Sink) {
        if let Some(slot) = self.slot(id) {
            slot.sink = Some(sink);
        }
    }

    fn get_mut(&mut self, id: &SubscriberId) -> Option<&mut Sink> {
        self.slot(*id)?.sink.as_mut()
    }

    fn contains_key(&mut self, id: &SubscriberId) -> bool {
        self.get_mut(id).is_some()
    }

    fn remove(&mut self, id: &SubscriberId) -> Option<Sink> {
        let slot = self.slot(*id)?;
        let sink = slot.sink.take();
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push((id & 0xffff_ffff) as u32);
        sink
    }

    fn drain(&mut self) -> impl Iterator<Item = Sink> + '_ {
        self.free.clear();
        self.slots.drain(..).filter_map(|slot| slot.sink)
    }
}

/// Where a connection's messages go, and what bounds them.
#[derive(Debug)]
pub(crate) struct ConnectionSink {
    replies: ReplySink<Frame>,
    /// Messages sent to the connection and not yet read by its handle.
    unread: Arc<AtomicUsize>,
    limit: usize,
    /// Raised when the limit closed the connection; the executor then drops its session.
    overflowed: Arc<AtomicBool>,
    /// `Some` while unarmed: messages held until the subscribe confirmation is out.
    held: Option<Vec<Frame>>,
}

/// What a delivery attempt did to a sink.
enum Delivered {
    Kept,
    /// The sink is gone or overflowed under `Disconnect`: remove it.
    Remove,
}

impl Fanout {
    pub(crate) fn new(capacity: usize, overflow: Overflow) -> Fanout {
        Fanout {
            state: Mutex::new(State::default()),
            capacity: capacity.max(1),
            overflow,
            recycler: Arc::new(Recycler::new()),
        }
    }

    /// The engine-wide default buffer size and overflow policy.
    pub(crate) fn defaults(&self) -> (usize, Overflow) {
        (self.capacity, self.overflow)
    }

    /// Registers a typed subscriber; returns its id and its receiving end. After shutdown
    /// the receiver is already disconnected.
    pub(crate) fn add_subscriber(
        &self,
        capacity: usize,
        overflow: Overflow,
        shared: Arc<SubscriberShared>,
        wake: Arc<WakerSlot>,
    ) -> (SubscriberId, Receiver<Message>) {
        // The buffer is allocated up front by crossbeam: the price of a lock-free bounded
        // channel, and the reason the capacity is the user's to choose.
        let (sender, receiver) = bounded(capacity.max(1));
        let sender = ReplySink::new(sender, wake);
        let mut state = self.state.lock();
        let id = state.sinks.allocate();
        if state.closed {
            shared.closed.store(SHUT_DOWN, Ordering::Release);
            return (id, receiver); // the sender is dropped: disconnected from the start
        }
        state.sinks.insert(
            id,
            Sink::Typed(TypedSink {
                sender,
                overflow,
                lagged: 0,
                delivered: 0,
                dropped: 0,
                shared,
            }),
        );
        (id, receiver)
    }

    /// Makes every later delivery to `slot`'s receiver wake it. Under the lock every
    /// publication takes, so no publisher reads the flag stale (see `exec/reply_sink.rs`).
    #[cfg(feature = "async")]
    pub(crate) fn enable_wakeups(&self, slot: &WakerSlot) {
        let _state = self.state.lock();
        slot.enable();
    }

    /// A new id for a connection that is about to subscribe.
    pub(crate) fn new_id(&self) -> SubscriberId {
        self.state.lock().sinks.allocate()
    }

    /// Subscribes or unsubscribes a typed subscriber.
    pub(crate) fn change(
        &self,
        id: SubscriberId,
        kind: Kind,
        names: Vec<Bytes>,
        subscribe: bool,
    ) -> Result<(), Error> {
        let mut state = self.state.lock();
        if !state.sinks.contains_key(&id) {
            return Err(Error::Closed); // shut down, or disconnected by its overflow policy
        }
        for name in names {
            if subscribe {
                state.registry.subscribe(id, kind, name);
            } else {
                state.registry.unsubscribe(id, kind, &name);
            }
        }
        Ok(())
    }

    pub(crate) fn subscriptions(&self, id: SubscriberId, kind: Kind) -> Vec<Bytes> {
        self.state.lock().registry.subscriptions(id, kind)
    }

    pub(crate) fn remove_subscriptions(&self, id: SubscriberId) {
        self.state.lock().registry.remove(id);
    }

    /// Forgets a subscriber or connection entirely (dropped handle, closed connection).
    pub(crate) fn remove_subscriber(&self, id: SubscriberId) {
        let mut state = self.state.lock();
        state.registry.remove(id);
        state.sinks.remove(&id);
    }

    /// Runs `f` on the routing table under the lock (the executor's PUBSUB and
    /// (P|S)SUBSCRIBE commands).
    pub(crate) fn with_registry<R>(&self, f: impl FnOnce(&mut Registry) -> R) -> R {
        f(&mut self.state.lock().registry)
    }

    /// Makes sure a connection has a sink, unarmed until [`Fanout::arm`].
    pub(crate) fn ensure_connection_sink(
        &self,
        id: SubscriberId,
        sink: impl FnOnce() -> ConnectionSink,
    ) {
        let mut state = self.state.lock();
        if state.closed {
            return;
        }
        match state.sinks.get_mut(&id) {
            Some(Sink::Connection(existing)) => {
                if existing.held.is_none() {
                    existing.held = Some(Vec::new());
                }
            }
            Some(Sink::Typed(_)) => {}
            None => {
                state.sinks.insert(id, Sink::Connection(sink()));
            }
        }
    }

    /// Holds what is published to a subscribed connection from now until [`Fanout::arm`]:
    /// the reply of the command it is running goes out first. `false` if it has no sink.
    pub(crate) fn hold(&self, id: SubscriberId) -> bool {
        let mut state = self.state.lock();
        match state.sinks.get_mut(&id) {
            Some(Sink::Connection(sink)) => {
                sink.held.get_or_insert_with(Vec::new);
                true
            }
            _ => false,
        }
    }

    /// Releases the messages held for a connection since it subscribed, now that its
    /// confirmations are out, and delivers directly from now on.
    pub(crate) fn arm(&self, id: SubscriberId) {
        let mut state = self.state.lock();
        if let Some(Sink::Connection(sink)) = state.sinks.get_mut(&id) {
            for frame in sink.held.take().unwrap_or_default() {
                let _ = sink.replies.send(frame);
            }
        }
    }

    /// `PUBLISH`: delivers to channel and pattern subscribers; returns how many received.
    ///
    /// The publication is allocated once, at the first delivery, and shared; its channel
    /// name is the routing table's own copy when the channel has subscribers, so a
    /// publisher's `&str` is copied at most once, and only when a pattern needs it.
    pub(crate) fn publish(&self, channel: &[u8], payload: Bytes) -> Result<usize, Error> {
        self.route(channel, payload, false)
    }

    /// `SPUBLISH`: delivers to shard-channel subscribers only.
    pub(crate) fn spublish(&self, channel: &[u8], payload: Bytes) -> Result<usize, Error> {
        self.route(channel, payload, true)
    }

    fn route(&self, channel: &[u8], payload: Bytes, shard: bool) -> Result<usize, Error> {
        let recycler = &self.recycler;
        let mut state = self.state.lock();
        if state.closed {
            return Err(Error::Closed);
        }
        let State {
            registry, sinks, ..
        } = &mut *state;
        let kind = if shard { Kind::Shard } else { Kind::Channel };
        let mut payload = Some(payload);
        let mut publication: Option<Arc<Publication>> = None;
        let mut receivers = 0;
        let mut remove: SmallVec<[SubscriberId; 4]> = SmallVec::new();
        let registry_view: &Registry = registry;
        let mut deliver = |id: SubscriberId, pattern: Option<&Arc<Bytes>>| {
            receivers += 1;
            if let Some(sink) = sinks.get_mut(&id) {
                let shared = publication.get_or_insert_with(|| {
                    Recycler::fill(
                        recycler,
                        channel,
                        || {
                            registry_view
                                .channel_name(kind, channel)
                                .unwrap_or_else(|| Bytes::copy_from_slice(channel))
                        },
                        payload.take().unwrap_or_default(),
                        shard,
                    )
                });
                if let Delivered::Remove = sink.deliver(shared, pattern) {
                    remove.push(id);
                }
            }
        };
        if shard {
            registry_view.route_shard(channel, |id| deliver(id, None));
        } else {
            registry_view.route(channel, &mut deliver);
        }
        for id in remove {
            state.registry.remove(id);
            state.sinks.remove(&id);
        }
        Ok(receivers)
    }

    /// Engine shutdown: every subscriber sees its channel close after what it buffered.
    pub(crate) fn close(&self) {
        let mut state = self.state.lock();
        state.closed = true;
        for sink in state.sinks.drain() {
            if let Sink::Typed(sink) = sink {
                sink.shared.closed.store(SHUT_DOWN, Ordering::Release);
            }
        }
        state.registry = Registry::new();
    }
}

impl ConnectionSink {
    pub(crate) fn new(
        replies: ReplySink<Frame>,
        unread: Arc<AtomicUsize>,
        limit: usize,
        overflowed: Arc<AtomicBool>,
    ) -> ConnectionSink {
        ConnectionSink {
            replies,
            unread,
            limit: limit.max(1),
            overflowed,
            held: Some(Vec::new()),
        }
    }
}

impl Sink {
    fn deliver(
        &mut self,
        publication: &Arc<Publication>,
        pattern: Option<&Arc<Bytes>>,
    ) -> Delivered {
        match self {
            Sink::Typed(sink) => sink.deliver(Arc::clone(publication), pattern),
            Sink::Connection(sink) => sink.deliver(publication, pattern),
        }
    }
}

impl TypedSink {
    fn deliver(
        &mut self,
        publication: Arc<Publication>,
        pattern: Option<&Arc<Bytes>>,
    ) -> Delivered {
        let message = Message::new(publication, pattern.cloned(), self.lagged);
        match self.sender.try_send(message) {
            Ok(()) => {
                self.lagged = 0;
                self.delivered += 1;
                // A plain store, not a read-modify-write: only this sink writes it.
                self.shared
                    .delivered
                    .store(self.delivered, Ordering::Relaxed);
                Delivered::Kept
            }
            Err(TrySendError::Full(_)) => {
                self.dropped += 1;
                self.shared.dropped.store(self.dropped, Ordering::Relaxed);
                match self.overflow {
                    Overflow::Lag => {
                        self.lagged += 1;
                        Delivered::Kept
                    }
                    Overflow::Disconnect => {
                        self.shared.closed.store(OVERFLOWED, Ordering::Release);
                        Delivered::Remove
                    }
                }
            }
            // The subscriber was dropped; its own removal is on its way.
            Err(TrySendError::Disconnected(_)) => Delivered::Remove,
        }
    }
}

impl ConnectionSink {
    fn deliver(&mut self, publication: &Publication, pattern: Option<&Arc<Bytes>>) -> Delivered {
        let (channel, payload, shard) = (
            &publication.channel,
            &publication.payload,
            publication.shard,
        );
        if self.unread.load(Ordering::Acquire) >= self.limit {
            // Redis closes the client; the handle reads what it had, then learns why.
            self.overflowed.store(true, Ordering::Release);
            // After the messages it already has, held ones included, in order.
            for frame in self.held.take().unwrap_or_default() {
                let _ = self.replies.send(frame);
            }
            let _ = self.replies.send(Frame::Overflowed);
            return Delivered::Remove;
        }
        let kind = match (shard, pattern) {
            (true, _) => PushKind::SMessage,
            (false, None) => PushKind::Message,
            (false, Some(_)) => PushKind::PMessage,
        };
        let frame = Frame::Push(PushMessage {
            kind,
            channel: channel.clone(),
            pattern: pattern.map(|p| Bytes::clone(p)),
            payload: payload.clone(),
        });
        self.unread.fetch_add(1, Ordering::AcqRel);
        match self.held.as_mut() {
            Some(held) => held.push(frame),
            None => {
                if self.replies.send(frame).is_err() {
                    return Delivered::Remove;
                }
            }
        }
        Delivered::Kept
    }
}
