//! Blocked reads (XREAD / XREADGROUP with BLOCK): the request parks, not a thread.
//!
//! A command that finds nothing and may block hands the executor a [`BlockRequest`]: the
//! keys it waits on, its timeout, and itself, with `$` already fixed to the IDs of the
//! moment it parked. The executor keeps it here instead of replying. Whenever a write marks
//! one of those keys ready (XADD, a deletion, a type change, a destroyed group), waiters on
//! that key run their command again, in the order they parked; one that now gets an answer
//! (entries or an error) is replied and unparked, the others keep waiting. At its deadline
//! on the engine clock a waiter gets the nil reply. While a connection waits, the commands
//! it sends next wait behind it, as on redis-server.
//!
//! Blocking is refused (the command answers at once) inside MULTI/EXEC, inside
//! `Engine::atomically`, and inside a pipeline, which must answer in one frame.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ahash::RandomState;
use bytes::Bytes;

use crate::cmd::Command;

/// What a command asks for when it parks.
#[derive(Debug)]
pub(crate) struct BlockRequest {
    pub(crate) keys: Vec<Bytes>,
    /// Milliseconds; 0 waits for ever.
    pub(crate) timeout_ms: u64,
    pub(crate) command: Command,
    /// Set by the slow log when it timed the run that parked.
    pub(crate) timing: Option<crate::exec::slowlog::ParkedTiming>,
}

/// A parked request.
#[derive(Debug)]
pub(crate) struct Waiter {
    pub(crate) conn: u64,
    /// The database its keys live in.
    pub(crate) db: usize,
    pub(crate) keys: Vec<Bytes>,
    pub(crate) deadline: Option<u64>,
    pub(crate) command: Command,
    pub(crate) timing: Option<crate::exec::slowlog::ParkedTiming>,
}

/// Every parked request, by arrival, key, deadline and connection.
#[derive(Debug, Default)]
pub(crate) struct Blocking {
    next: u64,
    waiters: BTreeMap<u64, Waiter>,
    by_key: HashMap<Bytes, BTreeSet<u64>, RandomState>,
    deadlines: BTreeSet<(u64, u64)>,
    by_conn: HashMap<u64, u64, RandomState>,
    /// Keys written since the executor last served waiters, each with its database.
    pub(crate) ready: Vec<(usize, Bytes)>,
}

impl Blocking {
    /// Whether anyone waits on `key` (cheap: writes call it for every key they touch).
    pub(crate) fn is_waited(&self, key: &[u8]) -> bool {
        !self.by_key.is_empty() && self.by_key.contains_key(key)
    }

    /// Marks `key` of database `db` written, if anyone waits on a key of that name.
    pub(crate) fn signal(&mut self, db: usize, key: &[u8]) {
        if self.is_waited(key) {
            self.ready.push((db, Bytes::copy_from_slice(key)));
        }
    }

    /// Marks every key waited on in database `db` written (its keys were swapped).
    pub(crate) fn signal_database(&mut self, db: usize) {
        for waiter in self.waiters.values().filter(|waiter| waiter.db == db) {
            self.ready
                .extend(waiter.keys.iter().map(|key| (db, key.clone())));
        }
    }

    /// Parks a request of `conn`, whose keys live in database `db`.
    pub(crate) fn park(&mut self, conn: u64, db: usize, request: BlockRequest, now_ms: u64) {
        let seq = self.next;
        self.next += 1;
        let deadline = (request.timeout_ms > 0).then(|| now_ms.saturating_add(request.timeout_ms));
        for key in &request.keys {
            self.by_key.entry(key.clone()).or_default().insert(seq);
        }
        if let Some(deadline) = deadline {
            self.deadlines.insert((deadline, seq));
        }
        self.by_conn.insert(conn, seq);
        self.waiters.insert(
            seq,
            Waiter {
                conn,
                db,
                keys: request.keys,
                deadline,
                command: request.command,
                timing: request.timing,
            },
        );
    }

    /// How many connections have a parked request (INFO's `blocked_clients`).
    pub(crate) fn parked_count(&self) -> usize {
        self.by_conn.len()
    }

    /// Whether the connection has a parked request.
    pub(crate) fn is_parked(&self, conn: u64) -> bool {
        self.by_conn.contains_key(&conn)
    }

    /// The parked requests waiting on `key` of database `db`, in arrival order.
    pub(crate) fn waiting_on(&self, db: usize, key: &[u8]) -> Vec<u64> {
        self.by_key
            .get(key)
            .map(|seqs| {
                seqs.iter()
                    .copied()
                    .filter(|seq| self.waiters.get(seq).is_some_and(|w| w.db == db))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A parked request's connection and command, and how the slow log timed it (taken:
    /// [`Blocking::keep_timing`] gives it back if the request parks again).
    pub(crate) fn command(
        &mut self,
        seq: u64,
    ) -> Option<(u64, Command, Option<crate::exec::slowlog::ParkedTiming>)> {
        self.waiters
            .get_mut(&seq)
            .map(|waiter| (waiter.conn, waiter.command.clone(), waiter.timing.take()))
    }

    /// Gives a request that stays parked its slow-log timing back.
    pub(crate) fn keep_timing(&mut self, seq: u64, timing: crate::exec::slowlog::ParkedTiming) {
        if let Some(waiter) = self.waiters.get_mut(&seq) {
            waiter.timing = Some(timing);
        }
    }

    /// Unparks a request.
    pub(crate) fn remove(&mut self, seq: u64) -> Option<Waiter> {
        let waiter = self.waiters.remove(&seq)?;
        for key in &waiter.keys {
            if let Some(seqs) = self.by_key.get_mut(key) {
                seqs.remove(&seq);
                if seqs.is_empty() {
                    self.by_key.remove(key);
                }
            }
        }
        if let Some(deadline) = waiter.deadline {
            self.deadlines.remove(&(deadline, seq));
        }
        self.by_conn.remove(&waiter.conn);
        Some(waiter)
    }

    /// Forgets the request of a connection that went away.
    pub(crate) fn remove_conn(&mut self, conn: u64) {
        if let Some(seq) = self.by_conn.get(&conn).copied() {
            self.remove(seq);
        }
    }

    /// The earliest deadline.
    pub(crate) fn next_deadline(&self) -> Option<u64> {
        self.deadlines.first().map(|(deadline, _)| *deadline)
    }

    /// Unparks every request whose deadline has come; returns them.
    pub(crate) fn take_expired(&mut self, now_ms: u64) -> Vec<Waiter> {
        let due: Vec<u64> = self
            .deadlines
            .iter()
            .take_while(|(deadline, _)| *deadline <= now_ms)
            .map(|(_, seq)| *seq)
            .collect();
        due.into_iter().filter_map(|seq| self.remove(seq)).collect()
    }
}
