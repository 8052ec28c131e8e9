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
use std::sync::atomic::AtomicU8;
use std::sync::Arc;

use ahash::RandomState;
use crossbeam_channel::Sender;

use crate::cmd::context::Ctx;
use crate::cmd::Command;
use crate::exec::session::Session;
use crate::exec::watch::WatchRegistry;
use crate::handle::atomically::Db;
use crate::store::keyspace::Keyspace;
use crate::{Clock, Error, Reply};

/// A closure sent by `Engine::atomically`, already wrapped to send its own result back.
pub(crate) type Job = Box<dyn FnOnce(&mut Db<'_>) + Send>;

/// What a connection receives: one reply, or the replies of one pipeline in order.
#[derive(Debug)]
pub(crate) enum Frame {
    One(Reply),
    Batch(Vec<Reply>),
}

/// A request to the executor.
pub(crate) enum Msg {
    /// A new connection and the channel its replies go to.
    Open {
        conn: u64,
        replies: Sender<Frame>,
        protocol: Arc<AtomicU8>,
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
    replies: Sender<Frame>,
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
}

impl Core {
    pub(crate) fn new(clock: Arc<dyn Clock>, sweep_budget: usize) -> Core {
        let mut script = Session::new(0, Arc::new(AtomicU8::new(2)));
        script.scripted = true;
        Core {
            db: Keyspace::new(),
            watches: WatchRegistry::default(),
            connections: HashMap::default(),
            script,
            clock,
            sweep_budget: sweep_budget.max(1),
        }
    }

    pub(crate) fn handle(&mut self, msg: Msg) -> Flow {
        match msg {
            Msg::Open {
                conn,
                replies,
                protocol,
            } => {
                let session = Session::new(conn, protocol);
                self.connections
                    .insert(conn, Connection { session, replies });
            }
            Msg::Command { conn, command } => {
                let now_us = self.clock.now_micros();
                let Some(mut ctx) = self.session_ctx(conn, now_us) else {
                    return Flow::Continue; // closed already (QUIT)
                };
                let reply = run_one(&mut ctx, command);
                let closing = ctx.session.closing;
                self.respond(conn, Frame::One(reply));
                if closing {
                    self.close(conn);
                }
            }
            Msg::Batch { conn, commands } => {
                // One message, one instant: the clock is read once for the whole pipeline,
                // as though it ran instantly (it runs within microseconds; deadlines have
                // millisecond precision). A clock read costs as much as an INCR.
                let now_us = self.clock.now_micros();
                let Some(mut ctx) = self.session_ctx(conn, now_us) else {
                    return Flow::Continue;
                };
                let mut replies = Vec::with_capacity(commands.len());
                for command in commands {
                    replies.push(run_one(&mut ctx, command));
                    if ctx.session.closing {
                        break;
                    }
                }
                let closing = ctx.session.closing;
                self.respond(conn, Frame::Batch(replies));
                if closing {
                    self.close(conn);
                }
            }
            Msg::Close { conn } => self.close(conn),
            Msg::Atomically(job) => self.run_job(job),
            Msg::Tick => {
                self.sweep();
            }
            Msg::Shutdown => return Flow::Stop,
        }
        Flow::Continue
    }

    /// The context commands of `conn` run in; `None` if the connection is gone.
    fn session_ctx(&mut self, conn: u64, now_us: u64) -> Option<Ctx<'_>> {
        let connection = self.connections.get_mut(&conn)?;
        Some(Ctx {
            db: &mut self.db,
            watches: &mut self.watches,
            session: &mut connection.session,
            now_us,
        })
    }

    fn respond(&mut self, conn: u64, frame: Frame) {
        if let Some(connection) = self.connections.get(&conn) {
            // The handle may be gone already; its Close message is on its way.
            let _ = connection.replies.send(frame);
        }
    }

    fn close(&mut self, conn: u64) {
        if let Some(mut connection) = self.connections.remove(&conn) {
            let keys = std::mem::take(&mut connection.session.watched);
            self.watches.unwatch(conn, &keys);
        }
    }

    fn run_job(&mut self, job: Job) {
        let now_us = self.clock.now_micros();
        let ctx = Ctx {
            db: &mut self.db,
            watches: &mut self.watches,
            session: &mut self.script,
            now_us,
        };
        let mut db = Db::new(ctx);
        // A panic in user code must not take the engine down: the job's wrapper reports it
        // to its caller; here it only has to be contained.
        let _ = catch_unwind(AssertUnwindSafe(|| job(&mut db)));
        self.watches.settle_expired(&mut self.db);
    }

    /// Removes up to the sweep budget of expired keys. Returns whether more are due.
    pub(crate) fn sweep(&mut self) -> bool {
        if self.db.next_deadline().is_none() {
            return false; // nothing can expire: skip the clock read
        }
        let now_ms = self.clock.now_micros() / 1000;
        let removed = self.db.sweep(now_ms, self.sweep_budget);
        if removed > 0 {
            self.watches.settle_expired(&mut self.db);
        }
        self.db
            .next_deadline()
            .is_some_and(|deadline| deadline <= now_ms)
    }

    /// The earliest key deadline, in milliseconds on the engine clock.
    pub(crate) fn next_deadline(&self) -> Option<u64> {
        self.db.next_deadline()
    }

    /// Drops every connection's reply channel, so every handle waiting on one sees
    /// [`Error::Closed`].
    pub(crate) fn shutdown(&mut self) {
        self.connections.clear();
    }
}

/// Runs (or queues) one command, then lets WATCH see the keys it expired.
fn run_one(ctx: &mut Ctx, command: Result<Command, Error>) -> Reply {
    let reply = dispatch(ctx, command);
    ctx.watches.settle_expired(ctx.db);
    reply
}

/// Runs or queues one command for a connection, as redis-server's `processCommand` does.
fn dispatch(ctx: &mut Ctx, command: Result<Command, Error>) -> Reply {
    let in_multi = ctx.session.multi.is_some();
    match command {
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
