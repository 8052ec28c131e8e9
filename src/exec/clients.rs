//! The executor's table of open connections, and what a command may see of the others.
//!
//! A command runs with its own session borrowed mutably. CLIENT LIST, CLIENT KILL and
//! CLIENT UNBLOCK must also see every other connection, so the table keeps the connections
//! in slots: [`Connections::split`] lends one slot mutably and the rest, as [`Peers`], to
//! read. What such a command does to another connection (close it, answer its parked read)
//! it asks for with a [`ClientAction`], which the executor carries out once the command is
//! done, when nothing is borrowed.

use std::collections::HashMap;

use ahash::RandomState;

use super::core::Frame;
use super::reply_sink::ReplySink;
use super::session::Session;

/// One open connection: its state and where its replies go.
pub(crate) struct Connection {
    pub(crate) session: Session,
    pub(crate) replies: ReplySink<Frame>,
}

/// What a command asks the executor to do to another connection after it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClientAction {
    /// Close it (CLIENT KILL), as a client disconnecting would.
    Kill(u64),
    /// Answer its parked read now (CLIENT UNBLOCK): with the timeout's reply, or with
    /// `error`'s `UNBLOCKED` error.
    Unblock { conn: u64, error: bool },
    /// Hold every connection's commands (CLIENT PAUSE; see `exec/pause.rs`).
    Pause(super::pause::Pause),
    /// End the pause (CLIENT UNPAUSE).
    Unpause,
    /// Compact the append-only file (BGREWRITEAOF).
    RewriteAppendOnly,
    /// Switch the append-only file to another fsync policy (CONFIG SET appendfsync).
    SetFsync(crate::Fsync),
    /// Write a snapshot in the background once the transaction that scheduled it ends
    /// (BGSAVE inside MULTI, or BGSAVE SCHEDULE).
    BackgroundSave,
}

/// Every open connection, by id.
#[derive(Default)]
pub(crate) struct Connections {
    slots: Vec<Option<Connection>>,
    /// The slot of each id.
    index: HashMap<u64, usize, RandomState>,
    /// Empty slots, reused before the table grows.
    free: Vec<usize>,
}

impl Connections {
    pub(crate) fn insert(&mut self, id: u64, connection: Connection) {
        if let Some(old) = self.index.get(&id).copied() {
            self.slots[old] = Some(connection);
            return;
        }
        let slot = match self.free.pop() {
            Some(slot) => {
                self.slots[slot] = Some(connection);
                slot
            }
            None => {
                self.slots.push(Some(connection));
                self.slots.len() - 1
            }
        };
        self.index.insert(id, slot);
    }

    pub(crate) fn remove(&mut self, id: u64) -> Option<Connection> {
        let slot = self.index.remove(&id)?;
        self.free.push(slot);
        self.slots.get_mut(slot)?.take()
    }

    pub(crate) fn get(&self, id: u64) -> Option<&Connection> {
        self.slots.get(*self.index.get(&id)?)?.as_ref()
    }

    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut Connection> {
        let slot = *self.index.get(&id)?;
        self.slots.get_mut(slot)?.as_mut()
    }

    /// Connection `id`, to change, and every other one, to read.
    pub(crate) fn split(&mut self, id: u64) -> Option<(&mut Connection, Peers<'_>)> {
        let slot = *self.index.get(&id)?;
        let (before, rest) = self.slots.split_at_mut(slot);
        let (this, after) = rest.split_first_mut()?;
        let peers = Peers {
            before,
            after,
            index: Some(&self.index),
        };
        Some((this.as_mut()?, peers))
    }

    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    pub(crate) fn clear(&mut self) {
        self.slots.clear();
        self.index.clear();
        self.free.clear();
    }
}

/// The connections other than the one a command runs on, to read.
#[derive(Clone, Copy, Default)]
pub(crate) struct Peers<'a> {
    before: &'a [Option<Connection>],
    after: &'a [Option<Connection>],
    /// The slot of each id; the slot between `before` and `after` is the command's own.
    index: Option<&'a HashMap<u64, usize, RandomState>>,
}

impl<'a> Peers<'a> {
    /// No other connection (a replay, a script, an `atomically` closure).
    pub(crate) fn none() -> Peers<'a> {
        Peers::default()
    }

    /// Their sessions, in no particular order.
    pub(crate) fn sessions(&self) -> impl Iterator<Item = &'a Session> + use<'a> {
        self.before
            .iter()
            .chain(self.after)
            .flatten()
            .map(|connection| &connection.session)
    }

    /// Whether this is a view of the open connections (not [`Peers::none`]).
    pub(crate) fn sees_connections(&self) -> bool {
        self.index.is_some()
    }

    /// The session of connection `id`, if it is one of them.
    pub(crate) fn session(&self, id: u64) -> Option<&'a Session> {
        let slot = *self.index?.get(&id)?;
        let own = self.before.len();
        let connection = match slot.cmp(&own) {
            std::cmp::Ordering::Less => self.before.get(slot)?,
            std::cmp::Ordering::Equal => return None,
            std::cmp::Ordering::Greater => self.after.get(slot - own - 1)?,
        };
        connection.as_ref().map(|connection| &connection.session)
    }
}
