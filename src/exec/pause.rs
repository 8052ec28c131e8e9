//! CLIENT PAUSE: connections' commands held until a deadline on the engine clock or CLIENT
//! UNPAUSE, as redis-server 7.0 holds them.
//!
//! `ALL` holds every command of every connection, CLIENT UNPAUSE too: only its deadline
//! ends it (or an UNPAUSE in the same transaction or pipeline as the PAUSE). `WRITE` holds what could change data or
//! reach other clients: write commands, EVAL, EVALSHA, FCALL, PUBLISH, SPUBLISH, PFCOUNT
//! (which may rewrite its cached count), and an EXEC whose transaction holds one. A held
//! connection's later messages wait behind its first, so its replies keep their order. A
//! new pause only extends the deadline and only makes the mode stricter. While a pause lasts
//! no key expires by the sweep (a key is still expired when a command reads it). The
//! engine's own handles (`atomically`, `Engine::publish`, rate limiters) are not clients
//! and are never held.

use std::collections::{HashMap, VecDeque};

use ahash::RandomState;

use super::core::Msg;
use crate::cmd::Command;

/// A pause in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pause {
    /// When it ends, in milliseconds on the engine clock.
    pub(crate) until_ms: u64,
    /// `ALL` (every command) rather than `WRITE`.
    pub(crate) all: bool,
}

impl Pause {
    /// This pause combined with a newer one: the later deadline, the stricter mode.
    pub(crate) fn extended(self, newer: Pause) -> Pause {
        Pause {
            until_ms: self.until_ms.max(newer.until_ms),
            all: self.all || newer.all,
        }
    }

    /// Whether `command` waits for the end of this pause. `queued` is the transaction an
    /// EXEC would run.
    pub(crate) fn holds(&self, command: &Command, queued: Option<&[Command]>) -> bool {
        if self.all {
            return true;
        }
        if matches!(command, Command::Exec(_)) {
            return queued.is_some_and(|queue| queue.iter().any(Command::may_replicate));
        }
        command.may_replicate()
    }
}

/// The messages held by a pause, in arrival order.
#[derive(Default)]
pub(crate) struct Postponed {
    queue: VecDeque<Msg>,
    /// How many messages of each connection are held.
    per_conn: HashMap<u64, usize, RandomState>,
}

impl Postponed {
    /// Whether a message of `conn` is held (its next ones must wait behind it).
    pub(crate) fn holds_conn(&self, conn: u64) -> bool {
        self.per_conn.contains_key(&conn)
    }

    /// How many messages of `conn` are held.
    pub(crate) fn count(&self, conn: u64) -> usize {
        self.per_conn.get(&conn).copied().unwrap_or(0)
    }

    pub(crate) fn push(&mut self, conn: u64, msg: Msg) {
        *self.per_conn.entry(conn).or_default() += 1;
        self.queue.push_back(msg);
    }

    /// Every held message, oldest first, leaving none held.
    pub(crate) fn take_all(&mut self) -> VecDeque<Msg> {
        self.per_conn.clear();
        std::mem::take(&mut self.queue)
    }
}
