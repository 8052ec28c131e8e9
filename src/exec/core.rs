//! The executor's state machine, without a thread.
//!
//! [`Core`] owns every key and every connection's state and handles one [`Msg`] at a time.
//! The executor thread (`executor.rs`) only feeds it messages and timer ticks, so the same
//! core runs deterministically in tests, message by message.
//!
//! Ordering: messages are handled in queue order, and each is handled to completion before
//! the next, which is what makes every command, every MULTI/EXEC and every `atomically`
//! closure atomic. Replies go out on the connection's own channel in the order its commands
//! arrived.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;

use ahash::RandomState;
use bytes::Bytes;

use std::collections::VecDeque;

use crate::cmd::context::{settle_expired, Ctx, Now};
use crate::cmd::Command;
use crate::exec::blocking::Blocking;
use crate::exec::fanout::Fanout;
use crate::exec::notify::Events;
use crate::exec::reply_sink::ReplySink;
use crate::exec::session::{PubSubLink, Session};
use crate::exec::watch::WatchRegistry;
use crate::handle::atomically::Db;
use crate::store::keyspace::Keyspace;
use crate::Protocol;
use crate::{Clock, Error, Reply};

/// Messages a parked connection may send before it is closed (see `Msg` handling).
const MAX_DEFERRED: usize = 65_536;

/// A closure sent by `Engine::atomically`, already wrapped to send its own result back.
pub(crate) type Job = Box<dyn FnOnce(&mut Db<'_>) + Send>;

/// What a connection receives: one reply, or the replies of one pipeline in order.
#[derive(Debug)]
pub(crate) enum Frame {
    One(Reply),
    /// The frames of one command that answers with several (SUBSCRIBE a b).
    Many(Vec<Reply>),
    /// The replies of one pipeline.
    Batch(Vec<Reply>),
    /// A published message for a subscribed connection.
    Push(PushMessage),
    /// The connection left too many messages unread and was closed.
    Overflowed,
}

/// The three kinds of pub/sub message frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PushKind {
    Message,
    PMessage,
    SMessage,
}

/// A message on its way to a connection, converted to a reply frame by the reader so the
/// publisher only clones two reference counts.
#[derive(Debug)]
pub(crate) struct PushMessage {
    pub(crate) kind: PushKind,
    pub(crate) channel: Bytes,
    pub(crate) pattern: Option<Bytes>,
    pub(crate) payload: Bytes,
}

impl PushMessage {
    /// `message channel payload`, `pmessage pattern channel payload` or
    /// `smessage channel payload`: a push frame (an array in RESP2).
    pub(crate) fn into_reply(self) -> Reply {
        let mut items = Vec::with_capacity(4);
        items.push(Reply::bulk(match self.kind {
            PushKind::Message => "message",
            PushKind::PMessage => "pmessage",
            PushKind::SMessage => "smessage",
        }));
        if let Some(pattern) = self.pattern {
            items.push(Reply::Bulk(pattern));
        }
        items.push(Reply::Bulk(self.channel));
        items.push(Reply::Bulk(self.payload));
        Reply::Push(items)
    }
}

/// A request to the executor.
pub(crate) enum Msg {
    /// A new connection and the channel its replies go to.
    Open {
        conn: u64,
        replies: ReplySink<Frame>,
        protocol: Arc<AtomicU8>,
        /// Messages delivered to the connection and not yet read by its handle.
        unread: Arc<AtomicUsize>,
        /// Raised when the connection's pub/sub buffer overflowed.
        overflowed: Arc<AtomicBool>,
    },
    /// One command (or its rejection, which still needs a reply in order).
    Command {
        conn: u64,
        command: Result<Command, Error>,
    },
    /// A pipeline: many commands, one round trip, one `Frame::Batch` back.
    Batch {
        conn: u64,
        commands: Vec<Result<Command, Error>>,
    },
    /// The connection handle was dropped: release its state, as a closed socket does.
    Close { conn: u64 },
    /// Run user code with exclusive access to the data.
    Atomically(Job),
    /// The clock jumped: run what became due.
    Tick,
    /// Stop the executor.
    Shutdown,
}

/// Whether the executor goes on after a message.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    Continue,
    Stop,
}

struct Connection {
    session: Session,
    replies: ReplySink<Frame>,
}

/// All data and all connection state.
pub(crate) struct Core {
    db: Keyspace,
    watches: WatchRegistry,
    connections: HashMap<u64, Connection, RandomState>,
    /// The session `atomically` closures run in.
    script: Session,
    clock: Arc<dyn Clock>,
    sweep_budget: usize,
    /// Keyspace notifications and the pub/sub fan-out.
    events: Events,
    /// Unread messages after which a subscribed connection is closed.
    connection_buffer: usize,
    /// Parked blocking reads.
    blocking: Blocking,
    /// Messages of parked connections, handled once they are unparked.
    deferred: HashMap<u64, VecDeque<Msg>, RandomState>,
}

impl Core {
    pub(crate) fn new(
        clock: Arc<dyn Clock>,
        sweep_budget: usize,
        fanout: Arc<Fanout>,
        notify_flags: u32,
    ) -> Core {
        let mut script = Session::new(0, Arc::new(AtomicU8::new(2)));
        script.scripted = true;
        let connection_buffer = fanout.defaults().0;
        Core {
            db: Keyspace::new(),
            watches: WatchRegistry::default(),
            connections: HashMap::default(),
            script,
            clock,
            sweep_budget: sweep_budget.max(1),
            events: Events::new(notify_flags, fanout),
            connection_buffer,
            blocking: Blocking::default(),
            deferred: HashMap::default(),
        }
    }

    pub(crate) fn handle(&mut self, msg: Msg) -> Flow {
        match msg {
            Msg::Open {
                conn,
                replies,
                protocol,
                unread,
                overflowed,
            } => {
                let mut session = Session::new(conn, protocol);
                session.pubsub = Some(PubSubLink::new(
                    replies.clone(),
                    unread,
                    overflowed,
                    self.connection_buffer,
                ));
                self.connections
                    .insert(conn, Connection { session, replies });
            }
            Msg::Command { conn, .. } | Msg::Batch { conn, .. }
                if self.blocking.is_parked(conn) =>
            {
                // As on redis-server, a blocked client's next commands wait behind it; and
                // as redis-server closes a client whose query buffer outgrows its limit, a
                // parked connection that keeps sending is closed rather than queued without
                // bound.
                let full = self
                    .deferred
                    .get(&conn)
                    .is_some_and(|queue| queue.len() >= MAX_DEFERRED);
                if full {
                    self.close(conn);
                } else {
                    self.deferred.entry(conn).or_default().push_back(msg);
                }
            }
            Msg::Command { conn, command } => {
                let Some(mut ctx) = self.session_ctx(conn) else {
                    return Flow::Continue; // closed already (QUIT)
                };
                let reply = run_one(&mut ctx, command);
                if let Some(request) = ctx.session.block.take() {
                    let now_ms = ctx.now_ms();
                    self.blocking.park(conn, request, now_ms);
                    self.serve_ready();
                    return Flow::Continue;
                }
                let closing = ctx.session.closing;
                let frame = if ctx.session.outbox.is_empty() {
                    Frame::One(reply)
                } else {
                    let mut frames = std::mem::take(&mut ctx.session.outbox);
                    frames.push(reply);
                    Frame::Many(frames)
                };
                self.respond(conn, frame);
                if closing {
                    self.close(conn);
                }
            }
            Msg::Batch { conn, commands } => {
                // One message, one instant: the clock is read at most once for the whole
                // pipeline, as though it ran instantly (it runs within microseconds; deadlines
                // have millisecond precision), and not at all if no command needs it.
                let Some(mut ctx) = self.session_ctx(conn) else {
                    return Flow::Continue;
                };
                let mut replies = Vec::with_capacity(commands.len());
                ctx.session.in_pipeline = true;
                for command in commands {
                    let reply = run_one(&mut ctx, command);
                    replies.append(&mut ctx.session.outbox);
                    replies.push(reply);
                    if ctx.session.closing {
                        break;
                    }
                }
                ctx.session.in_pipeline = false;
                let closing = ctx.session.closing;
                self.respond(conn, Frame::Batch(replies));
                if closing {
                    self.close(conn);
                }
            }
            Msg::Close { conn } => self.close(conn),
            Msg::Atomically(job) => {
                self.run_job(job);
                self.serve_ready();
                return Flow::Continue;
            }
            Msg::Tick => {
                self.sweep();
            }
            Msg::Shutdown => return Flow::Stop,
        }
        self.serve_ready();
        Flow::Continue
    }

    /// Runs parked reads again for every key written since the last call, in the order
    /// they parked; answers the ones that now have an answer.
    fn serve_ready(&mut self) {
        while !self.blocking.ready.is_empty() {
            let mut keys = std::mem::take(&mut self.blocking.ready);
            keys.dedup();
            for key in keys {
                for seq in self.blocking.waiting_on(&key) {
                    let Some((conn, command)) = self.blocking.command(seq) else {
                        continue; // answered through another of its keys
                    };
                    let Some(mut ctx) = self.session_ctx(conn) else {
                        self.blocking.remove(seq);
                        continue;
                    };
                    ctx.session.serving_blocked = true;
                    ctx.session.serving_key = Some(key.clone());
                    let reply = run_one(&mut ctx, Ok(command));
                    ctx.session.serving_blocked = false;
                    ctx.session.serving_key = None;
                    if ctx.session.block.take().is_some() {
                        continue; // still nothing: keeps its place in line
                    }
                    self.blocking.remove(seq);
                    self.respond(conn, Frame::One(reply));
                    self.replay_deferred(conn);
                }
            }
        }
    }

    /// Handles what a connection sent while it was parked, until it parks again.
    fn replay_deferred(&mut self, conn: u64) {
        while !self.blocking.is_parked(conn) {
            let Some(msg) = self.deferred.get_mut(&conn).and_then(VecDeque::pop_front) else {
                self.deferred.remove(&conn);
                return;
            };
            self.handle(msg);
        }
    }

    /// Answers parked reads whose deadline has passed with the nil reply.
    fn time_out_waiters(&mut self, now_ms: u64) {
        for waiter in self.blocking.take_expired(now_ms) {
            self.respond(waiter.conn, Frame::One(Reply::NilArray));
            self.replay_deferred(waiter.conn);
        }
    }

    /// The context commands of `conn` run in; `None` if the connection is gone (or was
    /// just closed because its pub/sub buffer overflowed).
    fn session_ctx(&mut self, conn: u64) -> Option<Ctx<'_>> {
        let overflowed = self
            .connections
            .get(&conn)?
            .session
            .pubsub
            .as_ref()
            .is_some_and(|link| link.overflowed.load(Ordering::Acquire));
        if overflowed {
            self.close(conn);
            return None;
        }
        let connection = self.connections.get_mut(&conn)?;
        Some(Ctx {
            db: &mut self.db,
            watches: &mut self.watches,
            session: &mut connection.session,
            now: Now::new(self.clock.as_ref()),
            events: &mut self.events,
            blocking: &mut self.blocking,
        })
    }

    /// Sends a connection its frame, then lets messages through to it if it just
    /// subscribed: the confirmation must come first.
    fn respond(&mut self, conn: u64, frame: Frame) {
        if let Some(connection) = self.connections.get_mut(&conn) {
            // The handle may be gone already; its Close message is on its way.
            let _ = connection.replies.send(frame);
            if let Some(link) = connection.session.pubsub.as_mut() {
                if link.needs_arm {
                    link.needs_arm = false;
                    if let Some(id) = link.id {
                        self.events.fanout.arm(id);
                    }
                }
            }
        }
    }

    fn close(&mut self, conn: u64) {
        self.blocking.remove_conn(conn);
        self.deferred.remove(&conn);
        if let Some(mut connection) = self.connections.remove(&conn) {
            let keys = std::mem::take(&mut connection.session.watched);
            self.watches.unwatch(conn, &keys);
            if let Some(id) = connection.session.pubsub.and_then(|link| link.id) {
                self.events.fanout.remove_subscriber(id);
            }
        }
    }

    fn run_job(&mut self, job: Job) {
        let ctx = Ctx {
            db: &mut self.db,
            watches: &mut self.watches,
            session: &mut self.script,
            now: Now::new(self.clock.as_ref()),
            events: &mut self.events,
            blocking: &mut self.blocking,
        };
        let mut db = Db::new(ctx);
        // A panic in user code must not take the engine down: the job's wrapper reports it
        // to its caller; here it only has to be contained.
        let _ = catch_unwind(AssertUnwindSafe(|| job(&mut db)));
        settle_expired(
            &mut self.db,
            &mut self.watches,
            &self.events,
            &mut self.blocking,
        );
    }

    /// Removes up to the sweep budget of expired keys. Returns whether more are due.
    pub(crate) fn sweep(&mut self) -> bool {
        if self.next_deadline().is_none() {
            return false; // nothing can expire or time out: skip the clock read
        }
        let now_ms = self.clock.now_micros() / 1000;
        if self
            .blocking
            .next_deadline()
            .is_some_and(|deadline| deadline <= now_ms)
        {
            self.time_out_waiters(now_ms);
        }
        let removed = self.db.sweep(now_ms, self.sweep_budget);
        if removed > 0 {
            settle_expired(
                &mut self.db,
                &mut self.watches,
                &self.events,
                &mut self.blocking,
            );
            self.serve_ready();
        }
        self.db
            .next_deadline()
            .is_some_and(|deadline| deadline <= now_ms)
    }

    /// The earliest key deadline or blocked-read deadline, in milliseconds on the engine
    /// clock.
    pub(crate) fn next_deadline(&self) -> Option<u64> {
        match (self.db.next_deadline(), self.blocking.next_deadline()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Drops every connection's reply channel, so every handle waiting on one sees
    /// [`Error::Closed`].
    pub(crate) fn shutdown(&mut self) {
        self.connections.clear();
        self.events.fanout.close();
    }
}

/// Runs (or queues) one command, then lets WATCH see the keys it expired.
fn run_one(ctx: &mut Ctx, command: Result<Command, Error>) -> Reply {
    let reply = dispatch(ctx, command);
    ctx.settle_expired();
    reply
}

/// Runs or queues one command for a connection, as redis-server's `processCommand` does.
fn dispatch(ctx: &mut Ctx, command: Result<Command, Error>) -> Reply {
    let in_multi = ctx.session.multi.is_some();
    match command {
        // A RESP2 connection in subscribe mode only listens (RESP3 interleaves pushes).
        Ok(command)
            if ctx.session.subscribed()
                && ctx.session.protocol() == Protocol::Resp2
                && !command.allowed_while_subscribed() =>
        {
            let refusal = Error::SubscribeContext {
                command: command.name().to_string(),
            };
            // Redis's `rejectCommand` turns a refused EXEC into an EXECABORT naming why.
            if matches!(command, Command::Exec(_)) {
                let text = refusal.to_string();
                let reason = text.strip_prefix("ERR ").unwrap_or(&text).to_string();
                return crate::cmd::multi::abort_exec(ctx, Error::ExecAbortBecause(reason));
            }
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.aborted = true;
            }
            Reply::Error(refusal)
        }
        Err(rejection) => {
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.aborted = true;
            }
            Reply::Error(rejection)
        }
        Ok(command) if in_multi && !command.runs_inside_multi() => {
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.queue.push(command);
            }
            Reply::status("QUEUED")
        }
        Ok(command) => command.apply(ctx),
    }
}
