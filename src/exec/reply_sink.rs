//! The sending end of a handle's channel, with a wake-up for async receivers.
//!
//! Every frame for a connection and every message for a subscriber goes through a
//! [`ReplySink`]: a crossbeam `Sender` and the receiver's [`WakerSlot`]. A thread that reads
//! the channel blocks in crossbeam and needs nothing more; a task that awaits it (the
//! `async` feature) cannot block, so it leaves a `Waker` in the slot and the sink wakes it
//! after each send.
//!
//! # Cost on the sync path
//! A slot is *enabled* once, when its handle is first used from async code, and never
//! disabled. For a handle that is never used from async code a send costs one extra load of
//! that flag, which stays false and in cache: no lock and no read-modify-write.
//!
//! # No lost wake-ups
//! Once enabled, waking goes through the slot's mutex: the receiver stores its waker under
//! the lock, raises `waiting`, runs a `SeqCst` fence and then checks the channel again; the
//! sender sends, loads `waiting` and, if it is raised, takes the waker under the lock (and
//! lowers the flag there). Under the lock, whichever comes second sees what the other did.
//! A sender that reads `waiting` lowered skips the lock, so it must not miss a receiver
//! going to sleep: its send (a `SeqCst` compare-and-swap, see below) comes before its load,
//! and the receiver's store comes before its fence and check, so in the single order of
//! those operations either the load sees the flag raised (the sender wakes) or the send
//! comes before the check (the receiver finds the frame). A receiver busy draining its
//! channel has no waker in the slot, so sends to it take no lock at all.
//!
//! Enabling races only with sends already under way. Both sides use sequentially
//! consistent operations: the receiver stores the flag and then runs a `SeqCst` fence before
//! it checks the channel; the sender's send is a `SeqCst` compare-and-swap on the
//! channel's tail (crossbeam's array and list flavours both publish a slot that way) and it
//! then loads the flag with `SeqCst`. In the single total order of those operations either
//! the load comes after the store (the sender wakes), or the send comes before the fence
//! (the receiver's check sees the frame). Handles opened for async use
//! ([`Engine::connect_async`](crate::Engine::connect_async)) enable their slot before the
//! executor ever sees them, and publishers read the flag under the fan-out lock that
//! enabling also takes, so only [`Connection::into_async`](crate::Connection::into_async)
//! with replies in flight relies on that argument.
//!
//! # Closing
//! A receiver learns that the channel closed when the last sender is dropped, so dropping a
//! sink wakes too, *after* its sender is gone (fields drop in declaration order).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::Waker;

use crossbeam_channel::{SendError, Sender, TrySendError};
use parking_lot::Mutex;

/// Where an async receiver leaves its waker.
#[derive(Debug, Default)]
pub(crate) struct WakerSlot {
    /// Some receiver of this channel is async: senders must wake it.
    enabled: AtomicBool,
    /// A waker is in the slot: written under the lock, read by senders before they take
    /// it, so a send to a receiver that is busy rather than waiting takes no lock.
    waiting: AtomicBool,
    waker: Mutex<Option<Waker>>,
}

impl WakerSlot {
    /// A slot; `enabled` for a handle opened for async use.
    pub(crate) fn new(enabled: bool) -> WakerSlot {
        WakerSlot {
            enabled: AtomicBool::new(enabled),
            waiting: AtomicBool::new(false),
            waker: Mutex::new(None),
        }
    }

    /// Wakes the receiver's task if it is async and waiting. One load on the sync path,
    /// two on the async path while the receiver is busy.
    #[inline]
    pub(crate) fn notify(&self) {
        if self.enabled.load(Ordering::SeqCst) && self.waiting.load(Ordering::SeqCst) {
            self.wake();
        }
    }

    #[cold]
    fn wake(&self) {
        // Take it out first: a waker never runs under the lock.
        let waker = {
            let mut slot = self.waker.lock();
            self.waiting.store(false, Ordering::SeqCst);
            slot.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Marks the receiver async, for good. See the module docs for why the fence.
    #[cfg(feature = "async")]
    pub(crate) fn enable(&self) {
        self.enabled.store(true, Ordering::SeqCst);
        std::sync::atomic::fence(Ordering::SeqCst);
    }

    /// Whether [`WakerSlot::enable`] ran.
    #[cfg(feature = "async")]
    pub(crate) fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::SeqCst)
    }

    /// Leaves `waker` to be woken by the next send. The caller must check its channel again
    /// afterwards, and only then return `Pending`.
    #[cfg(feature = "async")]
    pub(crate) fn register(&self, waker: &Waker) {
        {
            let mut slot = self.waker.lock();
            match slot.as_ref() {
                Some(current) if current.will_wake(waker) => {}
                _ => *slot = Some(waker.clone()),
            }
            self.waiting.store(true, Ordering::SeqCst);
        }
        // Before the caller checks its channel again: see the module docs.
        std::sync::atomic::fence(Ordering::SeqCst);
    }
}

/// A crossbeam sender that wakes an async receiver after each send.
#[derive(Debug)]
pub(crate) struct ReplySink<T> {
    // Declared first so it is dropped first: the wake below must come after the channel
    // may have closed.
    tx: Sender<T>,
    wake: WakeOnDrop,
}

#[derive(Debug)]
struct WakeOnDrop(Arc<WakerSlot>);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        self.0.notify();
    }
}

impl<T> Clone for ReplySink<T> {
    fn clone(&self) -> ReplySink<T> {
        ReplySink {
            tx: self.tx.clone(),
            wake: WakeOnDrop(Arc::clone(&self.wake.0)),
        }
    }
}

impl<T> ReplySink<T> {
    pub(crate) fn new(tx: Sender<T>, slot: Arc<WakerSlot>) -> ReplySink<T> {
        ReplySink {
            tx,
            wake: WakeOnDrop(slot),
        }
    }

    /// Sends (an unbounded channel never waits), then wakes an async receiver.
    #[inline]
    pub(crate) fn send(&self, value: T) -> Result<(), SendError<T>> {
        self.tx.send(value)?;
        self.wake.0.notify();
        Ok(())
    }

    /// Sends if there is room, then wakes an async receiver.
    #[inline]
    pub(crate) fn try_send(&self, value: T) -> Result<(), TrySendError<T>> {
        self.tx.try_send(value)?;
        self.wake.0.notify();
        Ok(())
    }
}
