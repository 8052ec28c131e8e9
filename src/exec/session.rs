//! Per-connection state the executor keeps, as redis-server keeps it per client.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;

use bytes::Bytes;

use crate::cmd::Command;
use crate::exec::core::Frame;
use crate::exec::fanout::ConnectionSink;
use crate::exec::reply_sink::ReplySink;
use crate::exec::reply_switch::ReplySwitch;
use crate::store::pubsub::SubscriberId;
use crate::Protocol;

/// The Redis version whose behaviour embedis follows, reported by HELLO.
pub(crate) const SERVER_VERSION: &str = "7.0.15";

/// A transaction being queued.
#[derive(Debug, Default)]
pub(crate) struct MultiState {
    pub(crate) queue: Vec<Command>,
    /// The queued commands' lines as sent, for MONITOR (shown as EXEC runs them).
    pub(crate) lines: crate::exec::monitor::SentLines,
    /// A command was rejected while queueing: EXEC must answer EXECABORT.
    pub(crate) aborted: bool,
}

/// One connection's state.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) id: u64,
    pub(crate) name: Option<Bytes>,
    protocol: Protocol,
    /// Shared with the connection handle so it can tell which RESP version it speaks.
    protocol_view: Arc<AtomicU8>,
    pub(crate) multi: Option<MultiState>,
    /// The database SELECT chose (0 at first and after RESET).
    pub(crate) db: usize,
    /// The watched keys, each with its database.
    pub(crate) watched: Vec<(usize, Bytes)>,
    /// QUIT ran: the executor closes the connection after replying.
    pub(crate) closing: bool,
    /// SHUTDOWN ran: the executor stops without replying.
    pub(crate) shutting_down: bool,
    /// Frames a command sends ahead of its reply (SUBSCRIBE confirms each channel).
    pub(crate) outbox: Vec<crate::Reply>,
    /// A blocking read found nothing and asks to park (see `exec/blocking.rs`).
    pub(crate) block: Option<crate::exec::blocking::BlockRequest>,
    /// A pipeline is running: it answers in one frame, so nothing may block.
    pub(crate) in_pipeline: bool,
    /// A parked read is being run again because a key it waits on was written.
    pub(crate) serving_blocked: bool,
    /// The key whose write woke that read: it reads this key only.
    pub(crate) serving_key: Option<Bytes>,
    /// How the slow log timed that read when it parked (see `exec/slowlog.rs`).
    pub(crate) serving_timing: Option<crate::exec::slowlog::ParkedTiming>,
    /// The session of `Engine::atomically` closures, where connection commands are refused.
    pub(crate) scripted: bool,
    /// Pub/sub state; `None` for the `atomically` session, which cannot subscribe.
    pub(crate) pubsub: Option<PubSubLink>,
    /// When the connection opened, in milliseconds on the engine clock (CLIENT LIST's age).
    pub(crate) created_ms: u64,
    /// When it last sent a command, as the executor last read the clock (CLIENT LIST's
    /// idle, which redis-server also takes from a clock it reads ten times a second).
    pub(crate) last_ms: u64,
    /// The last command it sent, by Redis's full name; `None` before any, or after one that
    /// named no command (CLIENT LIST's `cmd=NULL`).
    pub(crate) last_command: Option<&'static str>,
    /// CLIENT NO-EVICT is on (CLIENT LIST's `e` flag; nothing is evicted in-process).
    pub(crate) no_evict: bool,
    /// How many queued commands the EXEC under way runs, 0 outside EXEC (CLIENT LIST shows
    /// them as `multi=`, as redis-server does while it executes them).
    pub(crate) executing: usize,
    /// What a command asked the executor to do to other connections (CLIENT KILL,
    /// CLIENT UNBLOCK), done once it has run.
    pub(crate) client_actions: Vec<crate::exec::clients::ClientAction>,
    /// CLIENT REPLY: which replies are sent (see `exec/reply_switch.rs`).
    pub(crate) replies: ReplySwitch,
}

/// What a connection needs to subscribe: its reply channel and the counters its handle
/// shares with the fan-out.
#[derive(Debug)]
pub(crate) struct PubSubLink {
    pub(crate) replies: ReplySink<Frame>,
    pub(crate) unread: Arc<AtomicUsize>,
    pub(crate) overflowed: Arc<AtomicBool>,
    /// Unread messages after which the connection is closed.
    pub(crate) limit: usize,
    /// The connection's id in the fan-out, once it subscribed.
    pub(crate) id: Option<SubscriberId>,
    /// Channels plus patterns, as SUBSCRIBE and PSUBSCRIBE count them.
    pub(crate) subscriptions: usize,
    /// Shard channels, counted apart by SSUBSCRIBE.
    pub(crate) shard_subscriptions: usize,
    /// A subscription was just made: arm the sink once the reply is out.
    pub(crate) needs_arm: bool,
}

impl PubSubLink {
    /// Counts one more message the executor sends the connection itself (a client-side
    /// caching push): `false` if it must not be sent, because the connection already
    /// overflowed or just did (then it is closed, as a subscriber past its limit is).
    pub(crate) fn count_unread(&self) -> bool {
        if self.overflowed.load(Ordering::Acquire) {
            return false;
        }
        if self.unread.load(Ordering::Acquire) >= self.limit {
            self.overflowed.store(true, Ordering::Release);
            let _ = self.replies.send(Frame::Overflowed);
            return false;
        }
        self.unread.fetch_add(1, Ordering::AcqRel);
        true
    }

    pub(crate) fn new(
        replies: ReplySink<Frame>,
        unread: Arc<AtomicUsize>,
        overflowed: Arc<AtomicBool>,
        limit: usize,
    ) -> PubSubLink {
        PubSubLink {
            replies,
            unread,
            overflowed,
            limit,
            id: None,
            subscriptions: 0,
            shard_subscriptions: 0,
            needs_arm: false,
        }
    }

    /// Whether the connection is in subscribe mode (Redis's `CLIENT_PUBSUB` flag).
    pub(crate) fn subscribed(&self) -> bool {
        self.subscriptions + self.shard_subscriptions > 0
    }

    /// A new sink for this connection.
    pub(crate) fn sink(&self) -> ConnectionSink {
        ConnectionSink::new(
            self.replies.clone(),
            Arc::clone(&self.unread),
            self.limit,
            Arc::clone(&self.overflowed),
        )
    }
}

impl Session {
    pub(crate) fn new(id: u64, protocol_view: Arc<AtomicU8>) -> Session {
        Session {
            id,
            name: None,
            protocol: Protocol::Resp2,
            protocol_view,
            multi: None,
            db: 0,
            watched: Vec::new(),
            closing: false,
            shutting_down: false,
            outbox: Vec::new(),
            block: None,
            in_pipeline: false,
            serving_blocked: false,
            serving_key: None,
            serving_timing: None,
            scripted: false,
            pubsub: None,
            created_ms: 0,
            last_ms: 0,
            last_command: None,
            no_evict: false,
            executing: 0,
            client_actions: Vec::new(),
            replies: ReplySwitch::default(),
        }
    }

    /// EXEC is running the queued commands: nothing may block.
    pub(crate) fn in_exec(&self) -> bool {
        self.executing > 0
    }

    /// Whether the connection is in subscribe mode.
    pub(crate) fn subscribed(&self) -> bool {
        self.pubsub.as_ref().is_some_and(PubSubLink::subscribed)
    }

    pub(crate) fn protocol(&self) -> Protocol {
        self.protocol
    }

    pub(crate) fn set_protocol(&mut self, protocol: Protocol) {
        self.protocol = protocol;
        self.protocol_view
            .store(protocol_to_u8(protocol), Ordering::Release);
    }
}

pub(crate) fn protocol_to_u8(protocol: Protocol) -> u8 {
    match protocol {
        Protocol::Resp2 => 2,
        Protocol::Resp3 => 3,
    }
}

pub(crate) fn protocol_from_u8(value: u8) -> Protocol {
    if value == 3 {
        Protocol::Resp3
    } else {
        Protocol::Resp2
    }
}
