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
use std::time::Instant;

use ahash::RandomState;
use bytes::Bytes;

use std::collections::VecDeque;

use crate::cmd::context::{settle_expired, Ctx, Now};
use crate::cmd::Command;
use crate::exec::blocking::Blocking;
use crate::exec::clients::{ClientAction, Connection, Connections, Peers};
use crate::exec::databases::{Databases, DATABASES};
use crate::exec::fanout::Fanout;
use crate::exec::group_commit::GroupCommit;
use crate::exec::monitor::{refused_to_monitor, Monitors, SentLine, SentLines};
use crate::exec::notify::Events;
use crate::exec::pause::{Pause, Postponed};
use crate::exec::reply_sink::ReplySink;
use crate::exec::session::{PubSubLink, Session};
use crate::exec::tracking::{Invalidation, Tracking, MAX_TRACKED_KEYS};
use crate::exec::watch::WatchRegistry;
use crate::handle::atomically::Db;
use crate::persist::aof::{describe, AppendOnlyFile};
use crate::persist::effects::EffectLog;
use crate::persist::recovery::Replayed;
use crate::store::keyspace::Keyspace;
use crate::Protocol;
use crate::{Clock, Error, Reply};

/// Messages a parked connection may send before it is closed (see `Msg` handling).
const MAX_DEFERRED: usize = 65_536;

/// A closure sent by `Engine::atomically`, already wrapped: it runs the user's code and
/// returns what hands the result back, which the executor calls once the closure's writes
/// are as durable as the append-only file promises.
pub(crate) type Job = Box<dyn FnOnce(&mut Db<'_>) -> Deliver + Send>;

/// Sends a job's result to its caller.
pub(crate) type Deliver = Box<dyn FnOnce() + Send>;

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
    /// A frame the executor made for the connection outside any reply (a client-side
    /// caching message, a MONITOR line), counted with the connection's unread messages as
    /// published ones are.
    Notice(Reply),
    /// The connection left too many messages unread and was closed.
    Overflowed,
    /// A command whose reply CLIENT REPLY silenced: nothing to read but the pushes it
    /// sent ahead of it (see `exec/reply_switch.rs`). It still marks the command as
    /// answered, so a `call` waiting for that reply learns none will come.
    Silent(Vec<Reply>),
}

impl Frame {
    /// Whether the frame answers a command or a pipeline (one per message, a silenced
    /// reply included), rather than being a message pushed to the connection.
    pub(crate) fn is_answer(&self) -> bool {
        matches!(
            self,
            Frame::One(_) | Frame::Many(_) | Frame::Batch(_) | Frame::Silent(_)
        )
    }
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
        /// The line as sent, kept while a MONITOR listens.
        line: SentLine,
    },
    /// A pipeline: many commands, one round trip, one `Frame::Batch` back.
    Batch {
        conn: u64,
        commands: Vec<Result<Command, Error>>,
        /// The lines as sent, kept while a MONITOR listens.
        lines: SentLines,
    },
    /// The connection handle was dropped: release its state, as a closed socket does.
    Close { conn: u64 },
    /// Run user code with exclusive access to the data.
    Atomically(Job),
    /// The clock jumped: run what became due.
    Tick,
    /// Compact the append-only file; the answer says whether it started.
    Rewrite(crossbeam_channel::Sender<Result<(), Error>>),
    /// Stop the executor.
    Shutdown,
}

/// Whether the executor goes on after a message.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    Continue,
    Stop,
}

/// All data and all connection state.
pub(crate) struct Core {
    /// The active database (see `exec/databases.rs`).
    db: Keyspace,
    /// The databases not active now.
    databases: Databases,
    watches: WatchRegistry,
    /// Client-side caching (see `exec/tracking.rs`).
    tracking: Tracking,
    connections: Connections,
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
    /// The append-only file, if the engine persists.
    aof: Option<AppendOnlyFile>,
    /// The snapshot file SAVE and BGSAVE write, if the engine has one.
    snapshots: Option<crate::persist::snapshot::SnapshotFile>,
    /// Effects of this batch's writes, committed to `aof` before `held` is released.
    effects: EffectLog,
    /// Replies and job results of this batch, held until its effects are committed (only
    /// with an append-only file).
    held: Vec<Held>,
    /// Under `Fsync::Always`: whom a batch may wait for before its fsync.
    group: GroupCommit,
    /// Loaded scripts and the Lua interpreter, created on the first EVAL.
    #[cfg(feature = "lua")]
    scripts: crate::script::Scripts,
    /// What INFO reports about the engine.
    stats: crate::exec::stats::ServerStats,
    /// The engine clock as last read, in milliseconds: when a connection last sent a
    /// command (CLIENT LIST's idle) without a clock read per command. Read again on every
    /// tick, when the executor goes idle, every [`CLOCK_EVERY`] messages, and taken from
    /// any command that read the clock anyway.
    coarse_ms: u64,
    /// Messages handled since `coarse_ms` was last read from the clock.
    since_clock: u32,
    /// CLIENT PAUSE in force, and the messages it holds (see `exec/pause.rs`).
    pause: Option<Pause>,
    postponed: Postponed,
    /// MONITOR's listeners (see `exec/monitor.rs`).
    monitors: Monitors,
    /// ACL LOG's entries.
    acl_log: crate::exec::acl_log::AclLog,
    /// SLOWLOG's entries and parameters.
    slowlog: crate::exec::slowlog::SlowLog,
    /// The `save` points, and the changes since the last snapshot.
    saves: crate::persist::save_points::SaveSchedule,
}

/// How many messages may pass without a clock read for `Core::coarse_ms`.
const CLOCK_EVERY: u32 = 256;

/// A reply waiting for its batch's commit.
enum Held {
    Frame(u64, Frame),
    Job(Deliver),
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
        let stats = crate::exec::stats::ServerStats::new(clock.now_micros());
        Core {
            db: Keyspace::new(),
            databases: Databases::default(),
            watches: WatchRegistry::default(),
            tracking: Tracking::new(),
            connections: Connections::default(),
            script,
            clock,
            sweep_budget: sweep_budget.max(1),
            events: Events::new(notify_flags, fanout),
            connection_buffer,
            blocking: Blocking::default(),
            deferred: HashMap::default(),
            aof: None,
            snapshots: None,
            effects: EffectLog::default(),
            held: Vec::new(),
            group: GroupCommit::default(),
            #[cfg(feature = "lua")]
            scripts: crate::script::Scripts::default(),
            stats,
            coarse_ms: 0,
            since_clock: CLOCK_EVERY,
            pause: None,
            postponed: Postponed::default(),
            monitors: Monitors::default(),
            acl_log: Default::default(),
            slowlog: Default::default(),
            saves: Default::default(),
        }
    }

    /// How long a Lua script may run (see `EngineBuilder::script_time_limit`).
    #[cfg(feature = "lua")]
    pub(crate) fn set_script_time_limit(&mut self, limit: std::time::Duration) {
        self.scripts.set_time_limit(limit);
    }

    pub(crate) fn handle(&mut self, msg: Msg) -> Flow {
        let flow = self.handle_message(msg);
        self.flush_tracking();
        if self.monitors.has_pending() {
            self.feed_monitors();
        }
        flow
    }

    /// Answers `conn`'s command (or pipeline) with `frame`, and sends the MONITOR lines it
    /// made: to every other monitor first, so a caller that has its reply finds the lines
    /// on any monitor already; to `conn` itself after its reply, as redis-server writes a
    /// monitor's own commands (and not at all after QUIT, as redis-server writes nothing
    /// to a client it closes after the reply).
    #[inline]
    fn answer(&mut self, conn: u64, frame: Frame) {
        if !self.monitors.has_pending() {
            self.respond_tracked(conn, frame);
            return;
        }
        let lines = self.monitors.take_pending();
        let others: Vec<u64> = self
            .monitors
            .listeners()
            .iter()
            .copied()
            .filter(|&listener| listener != conn)
            .collect();
        self.send_lines(&others, &lines);
        self.respond_tracked(conn, frame);
        // A connection that QUIT gets nothing after its reply, its own line neither.
        let closing = self
            .connections
            .get(conn)
            .is_some_and(|connection| connection.session.closing);
        if self.monitors.includes(conn) && !closing {
            self.send_lines(&[conn], &lines);
        }
    }

    /// Sends every MONITOR line the message made to every monitoring connection.
    fn feed_monitors(&mut self) {
        let lines = self.monitors.take_pending();
        let listeners = self.monitors.listeners().to_vec();
        self.send_lines(&listeners, &lines);
    }

    /// Sends `lines` to each of `listeners`, counted with its unread messages: a monitor
    /// that stops reading is closed at once, as redis-server closes a client past its
    /// output buffer limit.
    fn send_lines(&mut self, listeners: &[u64], lines: &[Reply]) {
        for &conn in listeners {
            for line in lines {
                let counted = self
                    .connections
                    .get(conn)
                    .and_then(|connection| connection.session.pubsub.as_ref())
                    .is_some_and(PubSubLink::count_unread);
                if !counted {
                    self.close(conn);
                    break;
                }
                self.respond(conn, Frame::Notice(line.clone()));
            }
        }
    }

    /// [`Core::handle`]'s work; inlined there, so a message is not moved once more.
    #[inline(always)]
    fn handle_message(&mut self, msg: Msg) -> Flow {
        if let Msg::Command { conn, .. } | Msg::Batch { conn, .. } = &msg {
            self.group.arrived(*conn);
            if let Some(aof) = self.aof.as_ref() {
                self.effects.refusing = aof.write_failure();
                self.effects.rewriting = aof.is_rewriting();
            }
        }
        if let Msg::Command { conn, .. } | Msg::Batch { conn, .. } = &msg {
            let conn = *conn;
            if self.pause.is_some() && !self.blocking.is_parked(conn) && self.held(conn, &msg) {
                // As a parked connection's, a held connection's queue is bounded.
                if self.postponed.count(conn) >= MAX_DEFERRED {
                    self.close(conn);
                } else {
                    self.postponed.push(conn, msg);
                }
                return Flow::Continue;
            }
        }
        match msg {
            Msg::Open {
                conn,
                replies,
                protocol,
                unread,
                overflowed,
            } => {
                self.observe_clock();
                let mut session = Session::new(conn, protocol);
                session.created_ms = self.coarse_ms;
                session.last_ms = self.coarse_ms;
                session.pubsub = Some(PubSubLink::new(
                    replies.clone(),
                    unread,
                    overflowed,
                    self.connection_buffer,
                ));
                self.connections
                    .insert(conn, Connection { session, replies });
                self.stats.connections_received += 1;
                self.stats.connected_clients = self.connections.len();
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
            Msg::Command {
                conn,
                command,
                line,
            } => {
                self.stats.commands_processed += 1;
                let stamp = self.stamp();
                let Some(mut ctx) = self.session_ctx(conn) else {
                    return Flow::Continue; // closed already (QUIT)
                };
                ctx.session.last_ms = stamp;
                let reply = run_one(&mut ctx, command, line);
                if ctx.session.shutting_down {
                    // SHUTDOWN: no reply, as redis-server exits without one.
                    return Flow::Stop;
                }
                let seen = ctx.now.read_ms();
                let actions = std::mem::take(&mut ctx.session.client_actions);
                if let Some(request) = ctx.session.block.take() {
                    let now_ms = ctx.now_ms();
                    let db = ctx.db.index();
                    self.blocking.park(conn, db, request, now_ms);
                    self.serve_ready();
                    return Flow::Continue;
                }
                let closing = ctx.session.closing;
                let sent = ctx.session.replies.finish_command();
                let frame = if ctx.session.outbox.is_empty() && sent {
                    Frame::One(reply)
                } else {
                    let mut frames = std::mem::take(&mut ctx.session.outbox);
                    if sent {
                        frames.push(reply);
                        Frame::Many(frames)
                    } else {
                        Frame::Silent(frames)
                    }
                };
                self.answer(conn, frame);
                if closing {
                    self.close(conn);
                }
                self.coarse_ms = seen.unwrap_or(self.coarse_ms);
                self.carry_out(actions);
            }
            Msg::Batch {
                conn,
                mut commands,
                mut lines,
            } => {
                self.stats.commands_processed += commands.len() as u64;
                // One message, one instant: the clock is read at most once for the whole
                // pipeline, as though it ran instantly (it runs within microseconds; deadlines
                // have millisecond precision), and not at all if no command needs it.
                let stamp = self.stamp();
                let Some(mut ctx) = self.session_ctx(conn) else {
                    return Flow::Continue;
                };
                ctx.session.last_ms = stamp;
                let mut replies = Vec::with_capacity(commands.len());
                ctx.session.in_pipeline = true;
                // Each command is swapped out of its slot rather than taken by the vector's
                // by-value iterator: that one copies a command to the stack as 8 bytes, then
                // 16-byte pieces from offset 8, which the 16-byte loads of `run_one` (from
                // offset 0) straddle, so each waited for the stores to reach the cache (a
                // failed store-to-load forward, the top stall of the executor's profile at
                // 1,000 commands).
                for (at, slot) in commands.iter_mut().enumerate() {
                    let command = std::mem::replace(slot, Err(Error::Syntax));
                    let reply = run_one(&mut ctx, command, lines.take(at));
                    replies.append(&mut ctx.session.outbox);
                    // A silenced reply is left out, as a socket would carry nothing.
                    if ctx.session.replies.finish_command() {
                        replies.push(reply);
                    }
                    if ctx.session.closing || ctx.session.shutting_down {
                        break;
                    }
                }
                if ctx.session.shutting_down {
                    return Flow::Stop;
                }
                // Freed before the reply goes: after it, the free would meet the caller's
                // allocations for its next pipeline on the allocator's lock.
                drop(commands);
                ctx.session.in_pipeline = false;
                let closing = ctx.session.closing;
                let seen = ctx.now.read_ms();
                let actions = std::mem::take(&mut ctx.session.client_actions);
                self.answer(conn, Frame::Batch(replies));
                if closing {
                    self.close(conn);
                }
                self.coarse_ms = seen.unwrap_or(self.coarse_ms);
                self.carry_out(actions);
            }
            Msg::Close { conn } => self.close(conn),
            Msg::Atomically(job) => {
                self.run_job(job);
                self.serve_ready();
                return Flow::Continue;
            }
            Msg::Tick => {
                self.observe_clock();
                self.sweep();
            }
            Msg::Rewrite(done) => {
                // The snapshot must not hold writes whose effects are still to be appended:
                // they would land in the new file twice.
                self.commit();
                let _ = done.send(self.start_rewrite());
            }
            Msg::Shutdown => return Flow::Stop,
        }
        self.serve_ready();
        Flow::Continue
    }

    /// Reads the engine clock into `coarse_ms`.
    pub(crate) fn observe_clock(&mut self) {
        self.coarse_ms = self.clock.now_micros() / 1000;
        self.since_clock = 0;
    }

    /// The time to record as a connection's last command: `coarse_ms`, read again from the
    /// clock if [`CLOCK_EVERY`] messages went by without a read.
    fn stamp(&mut self) -> u64 {
        self.since_clock += 1;
        if self.since_clock >= CLOCK_EVERY {
            self.observe_clock();
        }
        self.coarse_ms
    }

    /// Whether the pause in force holds `msg` of `conn`; ends the pause first if its time
    /// is up (the messages it held are handled then, before `msg`).
    fn held(&mut self, conn: u64, msg: &Msg) -> bool {
        let Some(pause) = self.pause else {
            return false;
        };
        if self.clock.now_micros() / 1000 >= pause.until_ms {
            self.end_pause();
            return false;
        }
        if self.postponed.holds_conn(conn) {
            return true; // behind its own held messages
        }
        let queued = self
            .connections
            .get(conn)
            .and_then(|connection| connection.session.multi.as_ref())
            .map(|multi| multi.queue.as_slice());
        match msg {
            // redis-server refuses an unknown command or a wrong arity before it looks at
            // the pause.
            Msg::Command { command, .. } => command
                .as_ref()
                .is_ok_and(|command| pause.holds(command, queued)),
            Msg::Batch { commands, .. } => commands
                .iter()
                .flatten()
                .any(|command| pause.holds(command, queued)),
            _ => false,
        }
    }

    /// Ends the pause and handles the messages it held, in arrival order.
    fn end_pause(&mut self) {
        self.pause = None;
        for msg in self.postponed.take_all() {
            self.handle(msg);
        }
    }

    /// Does what a command asked to other connections (see `exec/clients.rs`).
    fn carry_out(&mut self, actions: Vec<ClientAction>) {
        for action in actions {
            match action {
                ClientAction::Kill(conn) => self.close(conn),
                ClientAction::Pause(pause) => {
                    self.pause = Some(self.pause.map_or(pause, |old| old.extended(pause)));
                }
                ClientAction::Unpause => self.end_pause(),
                ClientAction::RewriteAppendOnly => {
                    // As for `Msg::Rewrite`: nothing committed twice.
                    self.commit();
                    let _ = self.start_rewrite();
                }
                ClientAction::BackgroundSave => self.start_background_save(),
                ClientAction::SetFsync(policy) => self.set_fsync(policy),
                ClientAction::Unblock { conn, error } => {
                    if !self.blocking.is_parked(conn) {
                        continue; // answered meanwhile
                    }
                    self.blocking.remove_conn(conn);
                    let reply = if error {
                        Reply::Error(Error::UnblockedByClient)
                    } else {
                        Reply::NilArray // the reply of its timeout
                    };
                    self.answer_parked(conn, reply);
                }
            }
        }
    }

    /// Runs parked reads again for every key written since the last call, in the order
    /// they parked; answers the ones that now have an answer.
    fn serve_ready(&mut self) {
        while !self.blocking.ready.is_empty() {
            let mut keys = std::mem::take(&mut self.blocking.ready);
            keys.dedup();
            for (db, key) in keys {
                for seq in self.blocking.waiting_on(db, &key) {
                    let Some((conn, command, timing)) = self.blocking.command(seq) else {
                        continue; // answered through another of its keys
                    };
                    let Some(mut ctx) = self.session_ctx(conn) else {
                        self.blocking.remove(seq);
                        continue;
                    };
                    ctx.session.serving_blocked = true;
                    ctx.session.serving_key = Some(key.clone());
                    ctx.session.serving_timing = timing;
                    // Shown to MONITOR when it first ran, not again now.
                    let reply = run_one(&mut ctx, Ok(command), None);
                    ctx.session.serving_blocked = false;
                    ctx.session.serving_key = None;
                    let timing = ctx.session.serving_timing.take();
                    if ctx.session.block.take().is_some() {
                        // Still nothing: keeps its place in line, and its timing.
                        if let Some(timing) = timing {
                            self.blocking.keep_timing(seq, timing);
                        }
                        continue;
                    }
                    let frame = answer_frame(ctx.session, reply);
                    self.blocking.remove(seq);
                    self.respond_tracked(conn, frame);
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
            self.answer_parked(waiter.conn, Reply::NilArray);
        }
    }

    /// Answers a read that no longer waits without what it waited for (its deadline, or
    /// CLIENT UNBLOCK), then handles what its connection sent behind it.
    fn answer_parked(&mut self, conn: u64, reply: Reply) {
        let Some(connection) = self.connections.get_mut(conn) else {
            return;
        };
        let frame = answer_frame(&mut connection.session, reply);
        self.respond(conn, frame);
        self.replay_deferred(conn);
    }

    /// The context commands of `conn` run in; `None` if the connection is gone (or was
    /// just closed because its pub/sub buffer overflowed).
    fn session_ctx(&mut self, conn: u64) -> Option<Ctx<'_>> {
        let overflowed = self
            .connections
            .get(conn)?
            .session
            .pubsub
            .as_ref()
            .is_some_and(|link| link.overflowed.load(Ordering::Acquire));
        if overflowed {
            self.close(conn);
            return None;
        }
        let (connection, peers) = self.connections.split(conn)?;
        self.databases.activate(&mut self.db, connection.session.db);
        Some(Ctx {
            db: &mut self.db,
            databases: &mut self.databases,
            watches: &mut self.watches,
            tracking: &mut self.tracking,
            session: &mut connection.session,
            peers,
            now: Now::new(self.clock.as_ref()),
            events: &mut self.events,
            blocking: &mut self.blocking,
            log: self.aof.is_some().then_some(&mut self.effects),
            #[cfg(feature = "lua")]
            scripts: &mut self.scripts,
            server: &self.stats,
            monitor: &mut self.monitors,
            acl_log: &mut self.acl_log,
            snapshots: self.snapshots.as_mut(),
            slowlog: &mut self.slowlog,
            saves: &mut self.saves,
        })
    }

    /// Sends a connection its frame, then lets messages through to it if it just
    /// subscribed: the confirmation must come first.
    fn respond(&mut self, conn: u64, frame: Frame) {
        if self.holds_batch_replies() {
            // Released by `commit`, after this batch's writes are on the disk. Every reply
            // waits, not only replies to writes, so a connection's replies keep their order.
            self.held.push(Held::Frame(conn, frame));
            return;
        }
        self.deliver(conn, frame);
    }

    /// Responds to `conn`, whose command just ran, with the client-side caching messages
    /// that command caused: those owed to `conn` itself after the reply, as redis-server
    /// sends them after the command, every other one before.
    #[inline]
    fn respond_tracked(&mut self, conn: u64, frame: Frame) {
        if !self.tracking.has_outbox() {
            self.respond(conn, frame);
            return;
        }
        let (after, before): (Vec<Invalidation>, Vec<Invalidation>) = self
            .tracking
            .take_outbox()
            .into_iter()
            .partition(|message| message.after_reply);
        for message in before {
            self.send_invalidation(message);
        }
        self.respond(conn, frame);
        for message in after {
            self.send_invalidation(message);
        }
    }

    /// Sends the client-side caching messages a message (or the sweep) left to send.
    fn flush_tracking(&mut self) {
        if !self.tracking.has_outbox() {
            return;
        }
        for message in self.tracking.take_outbox() {
            self.send_invalidation(message);
        }
    }

    /// What redis-server does for client-side caching before it sleeps, here once a batch
    /// of messages is handled: one BCAST message per prefix for the keys written in the
    /// whole batch, and the table kept within its bound.
    fn before_sleep(&mut self) {
        if self.tracking.is_idle() {
            return;
        }
        self.tracking.broadcast();
        self.tracking.limit_keys(MAX_TRACKED_KEYS);
        self.flush_tracking();
    }

    /// Sends one client-side caching message (see `Tracking::route`), after the replies
    /// an append-only file still holds.
    fn send_invalidation(&mut self, message: Invalidation) {
        let connections = &self.connections;
        let routed = self.tracking.route(message, |id| {
            connections.get(id).map(|connection| &connection.session)
        });
        let Some((conn, push)) = routed else {
            return;
        };
        let counted = self
            .connections
            .get(conn)
            .and_then(|connection| connection.session.pubsub.as_ref())
            .is_some_and(PubSubLink::count_unread);
        if counted {
            self.respond(conn, Frame::Notice(push));
        }
    }

    fn deliver(&mut self, conn: u64, frame: Frame) {
        if let Some(connection) = self.connections.get_mut(conn) {
            // The handle may be gone already; its Close message is on its way.
            let _ = connection.replies.send(frame);
            if let Some(link) = connection.session.pubsub.as_mut()
                && link.needs_arm
            {
                link.needs_arm = false;
                if let Some(id) = link.id {
                    self.events.fanout.arm(id);
                }
            }
        }
    }

    fn close(&mut self, conn: u64) {
        self.blocking.remove_conn(conn);
        self.deferred.remove(&conn);
        self.monitors.remove(conn);
        let removed = self.connections.remove(conn);
        self.stats.connected_clients = self.connections.len();
        if let Some(mut connection) = removed {
            let keys = std::mem::take(&mut connection.session.watched);
            self.watches.unwatch(conn, &keys);
            self.tracking.disable(conn);
            if let Some(id) = connection.session.pubsub.and_then(|link| link.id) {
                self.events.fanout.remove_subscriber(id);
            }
        }
    }

    /// The context `atomically` closures run in (the script session, in database 0 whatever
    /// the last one selected, as a script starts), and the engine's own work too.
    fn script_ctx(&mut self) -> Ctx<'_> {
        self.script.db = 0;
        self.databases.activate(&mut self.db, 0);
        let logging = self.aof.is_some();
        Ctx {
            db: &mut self.db,
            databases: &mut self.databases,
            watches: &mut self.watches,
            tracking: &mut self.tracking,
            session: &mut self.script,
            peers: Peers::none(),
            now: Now::new(self.clock.as_ref()),
            events: &mut self.events,
            blocking: &mut self.blocking,
            log: logging.then_some(&mut self.effects),
            #[cfg(feature = "lua")]
            scripts: &mut self.scripts,
            server: &self.stats,
            monitor: &mut self.monitors,
            acl_log: &mut self.acl_log,
            snapshots: self.snapshots.as_mut(),
            slowlog: &mut self.slowlog,
            saves: &mut self.saves,
        }
    }

    fn run_job(&mut self, job: Job) {
        let mark = self.effects.mark();
        let mut db = Db::new(self.script_ctx());
        // A panic in user code must not take the engine down: the job's wrapper reports it
        // to its caller; here it only has to be contained.
        let deliver = catch_unwind(AssertUnwindSafe(|| job(&mut db)));
        let hold = self.holds_batch_replies();
        self.settle_expired();
        // A closure is atomic: its writes replay together or not at all.
        self.effects.wrap_transaction(mark);
        if let Ok(deliver) = deliver {
            if hold {
                self.held.push(Held::Job(deliver));
            } else {
                deliver();
            }
        }
    }

    /// Announces the keys the active database saw expire (see `cmd::context::settle_expired`).
    fn settle_expired(&mut self) {
        let logging = self.aof.is_some();
        settle_expired(
            &mut self.db,
            &mut self.watches,
            (&mut self.tracking, None),
            &self.events,
            &mut self.blocking,
            logging.then_some(&mut self.effects),
        );
    }

    /// Removes up to the sweep budget of expired keys from each database with keys due.
    /// Returns whether more are due.
    pub(crate) fn sweep(&mut self) -> bool {
        if self.next_deadline().is_none() {
            return false; // nothing can expire or time out: skip the clock read
        }
        let now_ms = self.clock.now_micros() / 1000;
        self.save_if_due(now_ms);
        if self.pause.is_some_and(|pause| now_ms >= pause.until_ms) {
            self.end_pause();
        }
        if self
            .blocking
            .next_deadline()
            .is_some_and(|deadline| deadline <= now_ms)
        {
            self.time_out_waiters(now_ms);
        }
        if self.pause.is_some() {
            return false; // no key expires while clients are paused, as on redis-server
        }
        let due = |keyspace: &Keyspace| {
            keyspace
                .next_deadline()
                .is_some_and(|deadline| deadline <= now_ms)
        };
        let parked_due = self
            .databases
            .parked_deadline()
            .is_some_and(|deadline| deadline <= now_ms);
        if !parked_due && !due(&self.db) {
            return false;
        }
        let mut more_due = false;
        for index in 0..DATABASES {
            if !self.databases.get(&self.db, index).is_some_and(&due) {
                continue;
            }
            self.databases.activate(&mut self.db, index);
            let removed = self.db.sweep(now_ms, self.sweep_budget);
            if removed > 0 {
                self.settle_expired();
                self.serve_ready();
                // Serving blocked readers may have activated another database.
                self.databases.activate(&mut self.db, index);
            }
            more_due |= due(&self.db);
        }
        self.flush_tracking();
        more_due
    }

    /// The earliest key deadline (in any database) or blocked-read deadline, in
    /// milliseconds on the engine clock.
    pub(crate) fn next_deadline(&self) -> Option<u64> {
        if let Some(pause) = self.pause {
            // Keys wait for the pause's end; parked reads still time out.
            return Some(
                self.blocking
                    .next_deadline()
                    .map_or(pause.until_ms, |deadline| deadline.min(pause.until_ms)),
            );
        }
        [
            self.db.next_deadline(),
            self.databases.parked_deadline(),
            self.blocking.next_deadline(),
            self.save_due_ms(),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Replays one command of an append-only file, before the engine serves anyone.
    pub(crate) fn replay(&mut self, session: &mut Session, argv: Vec<Bytes>) -> Replayed {
        let command = match Command::from_argv(argv) {
            Ok(command) => command,
            Err(Error::UnknownCommand { .. }) => return Replayed::Unknown,
            Err(_) => return Replayed::Failed,
        };
        self.databases.activate(&mut self.db, session.db);
        let mut ctx = Ctx {
            db: &mut self.db,
            databases: &mut self.databases,
            watches: &mut self.watches,
            tracking: &mut self.tracking,
            session,
            peers: Peers::none(),
            now: Now::new(self.clock.as_ref()),
            events: &mut self.events,
            blocking: &mut self.blocking,
            log: None,
            #[cfg(feature = "lua")]
            scripts: &mut self.scripts,
            server: &self.stats,
            monitor: &mut self.monitors,
            acl_log: &mut self.acl_log,
            snapshots: self.snapshots.as_mut(),
            slowlog: &mut self.slowlog,
            saves: &mut self.saves,
        };
        let reply = run_one(&mut ctx, Ok(command), None);
        let failed = match &reply {
            Reply::Error(_) => true,
            // EXEC answers each queued command's reply: any error among them counts.
            Reply::Array(items) => items.iter().any(|item| matches!(item, Reply::Error(_))),
            _ => false,
        };
        if failed {
            Replayed::Failed
        } else {
            Replayed::Ok
        }
    }

    /// Replays the append-only file at `path` (see `persist/recovery.rs`).
    pub(crate) fn load_append_only(
        &mut self,
        path: &std::path::Path,
    ) -> std::io::Result<crate::persist::RecoveryReport> {
        // As Redis does while loading, nothing expires during a replay: a key whose deadline
        // passed while the engine was down must still exist for the commands after it (a
        // RENAME, say) to replay as they ran. The first sweep afterwards removes it.
        self.set_loading(true);
        let mut loader = Loader {
            session: Session::new(0, Arc::new(AtomicU8::new(2))),
            core: self,
        };
        let report = crate::persist::recovery::load(path, &mut loader);
        let db = loader.session.db;
        self.set_loading(false);
        // New effects follow the file's last command, in the database it left selected.
        // A transaction the file ends inside was never applied: it is simply dropped.
        self.effects.selected = Some(db);
        report
    }

    /// Suspends (or resumes) expiry in every database, for a replay.
    fn set_loading(&mut self, loading: bool) {
        self.db.set_loading(loading);
        for keyspace in self.databases.parked_mut(self.db.index()) {
            keyspace.set_loading(loading);
        }
    }

    /// From now on, writes are appended to `aof` before their replies are released.
    pub(crate) fn attach_append_only(&mut self, aof: AppendOnlyFile) {
        // Keys that expired while the file was replayed are already gone from it.
        self.db.take_expired();
        for keyspace in self.databases.parked_mut(self.db.index()) {
            keyspace.take_expired();
        }
        self.tracking
            .set_sends_during_commands(!aof.holds_replies());
        if aof.starts_new_file() {
            self.effects.selected = None;
        }
        self.effects.status = aof.status();
        self.effects.names = aof.names();
        self.aof = Some(aof);
        self.stats.aof_enabled = true;
    }

    /// Switches the append-only file to `policy`. What was committed so far is written
    /// first; a file that refuses writes keeps its policy (its writer holds what it could
    /// not write).
    fn set_fsync(&mut self, policy: crate::Fsync) {
        // This batch's effects are committed under the policy they were made under.
        self.commit();
        let Some(aof) = self.aof.as_mut() else {
            return;
        };
        let _ = aof.set_policy(policy);
        self.tracking
            .set_sends_during_commands(!aof.holds_replies());
        self.effects.status = aof.status();
    }

    /// Starts compacting the append-only file: the dataset as commands, written on another
    /// thread (see `persist/aof.rs`).
    fn start_rewrite(&mut self) -> Result<(), Error> {
        let Some(directory) = self.aof.as_ref().map(AppendOnlyFile::is_directory) else {
            return Err(Error::NoAppendOnlyFile);
        };
        let snapshot = if directory {
            // A directory's base is an RDB file, as redis-server 7 writes it by default
            // (`aof-use-rdb-preamble yes`): compact, and fast to load. The same bytes as
            // a BGSAVE's.
            crate::cmd::snapshot::rdb_of(&self.script_ctx())
        } else {
            // One file stays commands, so `redis-cli --pipe` loads it into any server.
            // Libraries first: they are not in any database, and a function may be
            // called by nothing later in the file, but it must exist when anything calls it.
            let mut commands = Vec::new();
            #[cfg(feature = "lua")]
            for code in self.scripts.functions.codes() {
                crate::persist::commands::function_load(code, &mut commands);
            }
            crate::persist::rewrite::rewrite_all(
                self.databases.all(&self.db),
                self.clock.now_micros() / 1000,
                self.effects.selected,
                &mut commands,
            );
            commands
        };
        let Some(aof) = self.aof.as_mut() else {
            return Err(Error::NoAppendOnlyFile);
        };
        let started = aof.start_rewrite(snapshot);
        self.effects.status = aof.status();
        started.map_err(|error| Error::AppendOnlyWrite(describe(&error)))?;
        if aof.starts_new_file() {
            // A directory's new incremental file is loaded by a connection of its own.
            self.effects.selected = None;
        }
        Ok(())
    }

    /// A scheduled BGSAVE: the dataset as it is now, written on a thread of its own (after
    /// the previous background save, if one still writes). A failure shows in INFO's
    /// `rdb_last_bgsave_status`, as on redis-server.
    fn start_background_save(&mut self) {
        let rdb = crate::cmd::snapshot::rdb_of(&self.script_ctx());
        let now_secs = self.clock.now_micros() / 1_000_000;
        if let Some(file) = self.snapshots.as_mut() {
            let _ = self.saves.start_background(file, rdb, now_secs);
        }
    }

    /// The `save` points from the builder; the change count starts at zero.
    pub(crate) fn set_save_points(&mut self, points: Vec<crate::persist::save_points::SavePoint>) {
        self.saves = crate::persist::save_points::SaveSchedule::new(points);
    }

    /// When a `save` point fires next, in milliseconds on the engine clock: `None` without
    /// points, without a snapshot file, while a snapshot is written, or before any point
    /// has its changes.
    fn save_due_ms(&self) -> Option<u64> {
        if !self.saves.is_active() {
            return None;
        }
        let file = self.snapshots.as_ref()?;
        if file.in_progress() || self.effects.rewriting {
            return None;
        }
        self.saves.due_ms(self.last_save_secs())
    }

    /// Unix seconds of the last successful save, or of the engine's start before one
    /// (redis-server's `lastsave`).
    fn last_save_secs(&self) -> u64 {
        self.snapshots
            .as_ref()
            .and_then(|file| file.last_save_secs())
            .unwrap_or(self.stats.started_us / 1_000_000)
    }

    /// Starts a background save if a `save` point is due at `now_ms`, as redis-server's
    /// cron does.
    fn save_if_due(&mut self, now_ms: u64) {
        if !self.saves.is_active() {
            return;
        }
        self.saves.settle(self.snapshots.as_ref());
        if self.save_due_ms().is_some_and(|due| due <= now_ms) {
            self.start_background_save();
        }
    }

    /// Starts the engine from the snapshot file at `path` if there is one (a missing file
    /// is an empty dataset, as for redis-server), and writes snapshots there from now on.
    /// Returns how many keys were loaded.
    pub(crate) fn load_snapshot(&mut self, path: &std::path::Path) -> std::io::Result<u64> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(error),
        };
        let loaded = match bytes {
            Some(bytes) => self.load_rdb(&bytes)?,
            None => 0,
        };
        self.attach_snapshot_file(path);
        Ok(loaded)
    }

    /// SAVE and BGSAVE write to `path` from now on.
    pub(crate) fn attach_snapshot_file(&mut self, path: &std::path::Path) {
        self.snapshots = Some(crate::persist::snapshot::SnapshotFile::new(
            path.to_path_buf(),
            Arc::clone(&self.clock),
        ));
    }

    /// Adds an RDB file's libraries and live keys to the (empty) dataset.
    fn load_rdb(&mut self, bytes: &[u8]) -> std::io::Result<u64> {
        let contents = crate::persist::rdb_file::read(bytes, self.clock.now_micros() / 1000)
            .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidData, error))?;
        let expired = contents.expired;
        let loaded = self.add_snapshot_items(contents)?;
        self.stats.rdb_keys_loaded = loaded;
        self.stats.rdb_keys_expired = expired;
        Ok(loaded)
    }

    /// Loads the RDB file an append-only file starts with; returns its length. Its keys
    /// are kept whatever their deadline, for the commands after it to replay as they ran.
    fn load_rdb_preamble(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let (contents, length) = crate::persist::rdb_file::read_prefix(bytes).map_err(|error| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("the RDB preamble of the append-only file: {error}"),
            )
        })?;
        self.stats.rdb_keys_loaded = self.add_snapshot_items(contents)?;
        Ok(length)
    }

    /// Adds an RDB file's libraries and keys to the (empty) dataset; how many keys.
    fn add_snapshot_items(
        &mut self,
        contents: crate::persist::rdb_file::Contents,
    ) -> std::io::Result<u64> {
        use crate::persist::rdb_file::Item;
        let mut loaded = 0;
        for item in contents.items {
            match item {
                Item::Library(code) => self.load_library(&code)?,
                Item::Key {
                    db,
                    key,
                    value,
                    deadline,
                } => {
                    self.databases.activate(&mut self.db, db);
                    if self.db.contains_raw(&key) {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            format!(
                                "the RDB file holds key {:?} twice in database {db}",
                                String::from_utf8_lossy(&key)
                            ),
                        ));
                    }
                    self.db.insert(key, value, deadline);
                    loaded += 1;
                }
            }
        }
        self.databases.activate(&mut self.db, 0);
        Ok(loaded)
    }

    /// A function library of a snapshot, loaded as FUNCTION LOAD would.
    #[cfg(feature = "lua")]
    fn load_library(&mut self, code: &bytes::Bytes) -> std::io::Result<()> {
        self.scripts
            .functions
            .load(code, false)
            .map(drop)
            .map_err(|error| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("a function library of the RDB file does not load: {error}"),
                )
            })
    }

    #[cfg(not(feature = "lua"))]
    fn load_library(&mut self, _code: &bytes::Bytes) -> std::io::Result<()> {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the RDB file holds function libraries, which need embedis's `lua` feature",
        ))
    }

    /// Whether replies wait for the disk (`Fsync::Always`): only then can a batch wait for
    /// more requests before its commit.
    pub(crate) fn holds_replies(&self) -> bool {
        self.aof.as_ref().is_some_and(AppendOnlyFile::holds_replies)
    }

    /// Whether this batch's replies wait for its commit: under `Fsync::Always`, or when a
    /// WAITAOF asked for its batch to reach the disk first.
    fn holds_batch_replies(&self) -> bool {
        self.holds_replies() || self.effects.sync_requested
    }

    /// How long the batch being formed may wait for more requests before its commit, from
    /// when it started (group commit under `Fsync::Always`, see `exec/group_commit.rs`).
    pub(crate) fn commit_wait(&self) -> Option<std::time::Duration> {
        if !self.holds_replies() || self.effects.is_empty() {
            return None;
        }
        self.group.budget()
    }

    /// Ends a batch: its client-side caching broadcasts, then its effects appended to the
    /// append-only file, as durable as its policy says, then its replies released. Without
    /// a file, nothing is held.
    pub(crate) fn commit(&mut self) {
        self.before_sleep();
        let Some(aof) = self.aof.as_mut() else {
            return;
        };
        let sync_requested = std::mem::take(&mut self.effects.sync_requested);
        let result = if self.effects.is_empty() {
            Ok(())
        } else {
            // The buffer is kept (cleared, not replaced): no allocation per batch.
            let started = Instant::now();
            let result = aof.commit(&self.effects.buf);
            self.effects.clear();
            if result.is_ok() && aof.holds_replies() {
                let answered = self.held.iter().filter_map(|held| match held {
                    Held::Frame(conn, _) => Some(*conn),
                    Held::Job(_) => None,
                });
                self.group.committed(started.elapsed(), answered);
            }
            result
        };
        // A WAITAOF's batch: on the disk before its replies go, whatever the policy.
        let result = match result {
            Ok(()) if sync_requested => aof.sync(),
            other => other,
        };
        // Compaction: finish one whose snapshot is written, or start one if the file grew.
        let _ = aof.poll_rewrite();
        if aof.wants_rewrite() {
            let _ = self.start_rewrite();
        }
        if let Some(aof) = self.aof.as_ref() {
            self.effects.status = aof.status();
        }
        let held = std::mem::take(&mut self.held);
        match result {
            Ok(()) => {
                for held in held {
                    match held {
                        Held::Frame(conn, frame) => self.deliver(conn, frame),
                        Held::Job(deliver) => deliver(),
                    }
                }
            }
            Err(error) => {
                // What the file holds is unknown now: the next effect selects its database.
                self.effects.selected = None;
                // The writes are in memory but not in the file: no caller may believe they
                // are durable. Redis answers MISCONF in the same situation.
                let refusal = Error::AppendOnlyWrite(describe(&error));
                for held in held {
                    match held {
                        Held::Frame(conn, frame) => {
                            let frame = refuse_frame(frame, &refusal);
                            self.deliver(conn, frame);
                        }
                        Held::Job(deliver) => deliver(),
                    }
                }
            }
        }
    }

    /// Drops every connection's reply channel, so every handle waiting on one sees
    /// [`Error::Closed`].
    pub(crate) fn shutdown(&mut self) {
        self.commit();
        if let Some(aof) = self.aof.as_mut() {
            let _ = aof.finish_rewrite();
            let _ = aof.sync();
        }
        if let Some(file) = self.snapshots.as_mut() {
            file.finish_background();
        }
        if self.saves.saves_at_shutdown() {
            // As redis-server on SIGTERM with `save` points: the dataset is snapshotted.
            let _ = crate::cmd::snapshot::save_now(&mut self.script_ctx());
        }
        self.connections.clear();
        self.events.fanout.close();
    }
}

/// The frame that answers a parked read: its reply, unless CLIENT REPLY silenced it
/// (redis-server ends the command, SKIP included, only when it answers).
fn answer_frame(session: &mut Session, reply: Reply) -> Frame {
    if session.replies.finish_command() {
        Frame::One(reply)
    } else {
        Frame::Silent(Vec::new())
    }
}

/// The frame a caller gets instead of `frame` when its batch could not be logged.
fn refuse_frame(frame: Frame, refusal: &Error) -> Frame {
    let refuse = |reply: Reply| match reply {
        Reply::Error(_) => reply,
        _ => Reply::Error(refusal.clone()),
    };
    match frame {
        Frame::One(reply) => Frame::One(refuse(reply)),
        Frame::Many(replies) => Frame::Many(replies.into_iter().map(refuse).collect()),
        Frame::Batch(replies) => Frame::Batch(replies.into_iter().map(refuse).collect()),
        other => other,
    }
}

/// Runs (or queues) one command, then lets WATCH see the keys it expired.
fn run_one(ctx: &mut Ctx, command: Result<Command, Error>, line: SentLine) -> Reply {
    // What one command logs replays together or, cut short by a crash, not at all: an
    // XREADGROUP's XCLAIMs and its XGROUP SETID, a served blocked read with the write that
    // served it. Redis 7 wraps what one command propagates in MULTI/EXEC the same way.
    // EXEC wraps its own.
    let mark = match &command {
        Ok(Command::Exec(_)) => None,
        _ => ctx.log.as_deref().map(|log| log.mark()),
    };
    // CLIENT LIST's `cmd`: redis-server names the command it looked up, even one it then
    // refused for its arity, and none for an unknown name.
    ctx.session.last_command = match &command {
        Ok(command) => Some(command.name()),
        Err(Error::WrongArity { command }) => crate::cmd::table::static_name(command),
        Err(_) => None,
    };
    let reply = dispatch(ctx, command, line);
    ctx.settle_expired();
    if !ctx.tracking.is_idle() {
        // CLIENT CACHING's choice lasts through the CLIENT commands after it, and through
        // a transaction, as on redis-server.
        let keep = ctx.session.multi.is_some()
            || ctx
                .session
                .last_command
                .is_some_and(|name| name.starts_with("client|"));
        ctx.tracking.command_done(ctx.session.id, keep);
    }
    if let (Some(mark), Some(log)) = (mark, ctx.log.as_deref_mut()) {
        log.wrap_transaction(mark);
    }
    reply
}

/// A write refused because the append-only file cannot be written, as redis-server's
/// `processCommand` refuses it: write commands and PING (a health check must not pass),
/// and EXEC when it would run a write. A refused command inside MULTI fails the EXEC.
fn refused_for_disk_error(ctx: &mut Ctx, command: &Result<Command, Error>) -> Option<Reply> {
    let cause = ctx.log.as_deref()?.refusing.as_ref()?;
    let refusal = Error::AppendOnlyWrite(cause.clone());
    match command {
        Ok(Command::Exec(_)) => {
            let writes = ctx
                .session
                .multi
                .as_ref()
                .is_some_and(|multi| multi.queue.iter().any(Command::is_write));
            writes.then(|| {
                let reason = Error::ExecAbortBecause(refusal.to_string());
                crate::cmd::multi::abort_exec(ctx, reason)
            })
        }
        Ok(command) if command.is_write() || matches!(command, Command::Ping(_)) => {
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.aborted = true;
            }
            Some(Reply::Error(refusal))
        }
        _ => None,
    }
}

/// Runs or queues one command for a connection, as redis-server's `processCommand` does.
fn dispatch(ctx: &mut Ctx, command: Result<Command, Error>, line: SentLine) -> Reply {
    let in_multi = ctx.session.multi.is_some();
    if let Some(refusal) = refused_for_disk_error(ctx, &command) {
        return refusal;
    }
    match command {
        // A monitoring connection only watches (redis-server treats it as a replica).
        Ok(command)
            if ctx.monitor.is_listening()
                && ctx.monitor.includes(ctx.session.id)
                && refused_to_monitor(&command) =>
        {
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.aborted = true;
            }
            Reply::Error(Error::MonitorKeyspace)
        }
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
        // SHUTDOWN (redis-server's `no_multi` commands) cannot be queued.
        Ok(command) if in_multi && command.refused_in_multi() => {
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.aborted = true;
            }
            Reply::Error(Error::NotAllowedInMulti)
        }
        Ok(command) if in_multi && !command.runs_inside_multi() => {
            if let Some(multi) = ctx.session.multi.as_mut() {
                multi.lines.record(multi.queue.len(), line);
                multi.queue.push(command);
            }
            Reply::status("QUEUED")
        }
        Ok(command) => crate::exec::slowlog::run(ctx, command, line),
    }
}

/// The engine replaying an append-only file, through a connection of its own.
struct Loader<'a> {
    core: &'a mut Core,
    session: Session,
}

impl crate::persist::recovery::Replayer for Loader<'_> {
    fn preamble(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.core.load_rdb_preamble(data)
    }

    fn replay(&mut self, argv: Vec<Bytes>) -> Replayed {
        self.core.replay(&mut self.session, argv)
    }

    fn in_transaction(&self) -> bool {
        self.session.multi.is_some()
    }

    fn next_file(&mut self) {
        self.session = Session::new(0, Arc::new(AtomicU8::new(2)));
    }
}
