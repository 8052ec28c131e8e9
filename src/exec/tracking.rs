//! Client-side caching (CLIENT TRACKING): which connections may cache which keys, and the
//! invalidation messages writes owe them.
//!
//! # Policy (redis-server 7.0's)
//! - **Default mode**: after a command Redis flags `readonly`, the keys it names are
//!   remembered for the connection that ran it (for a script's commands, the caller). The
//!   next write to such a key sends every connection that remembered it one `invalidate`
//!   message and forgets them all: one message per key per read, however many writes
//!   follow. OPTIN remembers only after `CLIENT CACHING YES`, OPTOUT not after
//!   `CLIENT CACHING NO`, each for the next command (or the next transaction).
//! - **BCAST mode**: nothing is remembered; every write to a key under one of the
//!   connection's prefixes is collected, and the keys of each prefix go out as one message
//!   once the executor has handled the batch of requests it drained (redis-server sends
//!   them before it sleeps, after the commands of one event-loop turn).
//! - Keys are names, not per database: a write in any database invalidates the name.
//!   FLUSHDB and FLUSHALL send every tracking connection one message with a null key list.
//! - NOLOOP: no message about a write the connection made itself.
//! - A message for the connection whose command is running goes out after that command's
//!   reply (after EXEC's, a script's or a pipeline's); every other one goes out while the
//!   command runs, in its place among the pub/sub messages the command sends (once it has
//!   run under `Fsync::Always`, or for a script's writes: see
//!   [`Tracking::sends_during_commands`]).
//! - REDIRECT sends the messages to another connection: in RESP3 as a push, in RESP2 as a
//!   `message` on `__redis__:invalidate` if that connection is subscribed to anything,
//!   otherwise not at all. If it has gone, the tracking connection learns it
//!   (`tracking-redir-broken`, RESP3 only) and CLIENT LIST shows the `R` flag.
//!
//! Messages are computed and routed here; the command sends those it may at once
//! (`Ctx::send_tracking_now`), the executor the rest (`Core::respond_tracked`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ahash::RandomState;
use bytes::Bytes;
use smallvec::SmallVec;

use crate::error::TrackingError;
use crate::exec::session::Session;
use crate::{Protocol, Reply};

/// The channel RESP2 connections receive tracking messages on (through REDIRECT).
const INVALIDATE_CHANNEL: &str = "__redis__:invalidate";

/// Sends `push` to the connection of `session` now, counted with its unread messages: past
/// its limit the connection is closed, as for published messages.
pub(crate) fn push_now(session: &Session, push: Reply) {
    let Some(link) = session.pubsub.as_ref() else {
        return; // an `atomically` session: no connection
    };
    if !link.count_unread() {
        return;
    }
    let _ = link.replies.send(crate::exec::core::Frame::Notice(push));
}

/// Redis's default `tracking-table-max-keys`: at most this many keys are remembered.
pub(crate) const MAX_TRACKED_KEYS: usize = 1_000_000;

/// What one `CLIENT TRACKING ON` sets, replacing what an earlier one set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TrackingFlags {
    /// The connection messages go to; 0 for the connection itself.
    pub(crate) redirect: u64,
    pub(crate) bcast: bool,
    pub(crate) optin: bool,
    pub(crate) optout: bool,
    pub(crate) noloop: bool,
}

/// One connection's tracking mode, as CLIENT TRACKING ON set it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TrackingMode {
    pub(crate) flags: TrackingFlags,
    /// CLIENT CACHING YES (under OPTIN) or NO (under OPTOUT) applies to the next command.
    pub(crate) caching: bool,
    /// The redirect target had gone when a message was due.
    pub(crate) broken_redirect: bool,
    /// BCAST prefixes, in byte order (CLIENT TRACKINGINFO lists them so); each ON adds its
    /// own.
    pub(crate) prefixes: BTreeSet<Bytes>,
}

impl TrackingMode {
    /// The REDIRECT target as CLIENT GETREDIR, TRACKINGINFO and LIST show it (0: none).
    pub(crate) fn redirect_id(&self) -> i64 {
        i64::try_from(self.flags.redirect).unwrap_or(i64::MAX)
    }
}

/// The options of one `CLIENT TRACKING ON`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TrackingOptions {
    pub(crate) flags: TrackingFlags,
    pub(crate) prefixes: Vec<Bytes>,
}

/// One message owed to a tracking connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invalidation {
    /// The tracking connection (the message may go to its redirect target).
    pub(crate) client: u64,
    /// The keys; `None` for "every key" (a flush).
    pub(crate) keys: Option<Vec<Bytes>>,
    /// The connection is the one whose command is running: after its reply.
    pub(crate) after_reply: bool,
}

/// Keys written under one BCAST prefix since the last broadcast, and who listens.
#[derive(Debug, Default)]
struct Broadcast {
    /// Each key with the connection that wrote it last (0: none, an expiry), for NOLOOP.
    keys: BTreeMap<Bytes, u64>,
    clients: BTreeSet<u64>,
}

/// Every connection's tracking state and what they may cache.
#[derive(Debug, Default)]
pub(crate) struct Tracking {
    clients: HashMap<u64, TrackingMode, RandomState>,
    /// Default mode: each key with the connections that may cache it. As on redis-server,
    /// a connection that stops tracking is removed lazily, when the key is next written.
    table: HashMap<Bytes, SmallVec<[u64; 2]>, RandomState>,
    /// Connection ids across the table (INFO's `tracking_total_items`).
    items: usize,
    prefixes: BTreeMap<Bytes, Broadcast>,
    /// Messages computed and not yet delivered.
    outbox: Vec<Invalidation>,
    /// See [`Tracking::sends_during_commands`].
    direct: bool,
}

impl Tracking {
    /// No connection tracks yet; messages go out while commands run.
    pub(crate) fn new() -> Tracking {
        Tracking {
            direct: true,
            ..Tracking::default()
        }
    }

    /// Whether writes can owe anyone a message: when nothing was ever tracked, they skip
    /// the lookups entirely.
    pub(crate) fn is_idle(&self) -> bool {
        self.clients.is_empty() && self.table.is_empty()
    }

    /// Connection `id`'s mode, if it tracks.
    pub(crate) fn client(&self, id: u64) -> Option<&TrackingMode> {
        self.clients.get(&id)
    }

    /// `CLIENT TRACKING ON` for connection `id`, checked against its current mode as
    /// redis-server checks it (the options were checked among themselves when parsed).
    pub(crate) fn enable(
        &mut self,
        id: u64,
        options: TrackingOptions,
    ) -> Result<(), TrackingError> {
        let new = options.flags;
        if !new.bcast && !options.prefixes.is_empty() {
            return Err(TrackingError::PrefixWithoutBcast);
        }
        let current = self
            .clients
            .get(&id)
            .map(|state| (state.flags, &state.prefixes));
        if current.is_some_and(|(old, _)| old.bcast != new.bcast) {
            return Err(TrackingError::BcastSwitch);
        }
        if new.bcast && (new.optin || new.optout) {
            return Err(TrackingError::OptWithBcast);
        }
        if new.optin && new.optout {
            return Err(TrackingError::OptInAndOut);
        }
        if current.is_some_and(|(old, _)| (new.optin && old.optout) || (new.optout && old.optin)) {
            return Err(TrackingError::OptSwitch);
        }
        if new.bcast {
            check_prefixes(current.map(|(_, prefixes)| prefixes), &options.prefixes)?;
        }
        let state = self.clients.entry(id).or_default();
        state.flags = new;
        state.broken_redirect = false;
        if new.bcast {
            let mut prefixes = options.prefixes;
            if prefixes.is_empty() {
                prefixes.push(Bytes::new()); // every key
            }
            for prefix in prefixes {
                state.prefixes.insert(prefix.clone());
                self.prefixes.entry(prefix).or_default().clients.insert(id);
            }
        }
        Ok(())
    }

    /// `CLIENT TRACKING OFF`, RESET, or the connection closing.
    pub(crate) fn disable(&mut self, id: u64) {
        let Some(state) = self.clients.remove(&id) else {
            return;
        };
        for prefix in state.prefixes {
            if let Some(broadcast) = self.prefixes.get_mut(&prefix) {
                broadcast.clients.remove(&id);
                if broadcast.clients.is_empty() {
                    self.prefixes.remove(&prefix);
                }
            }
        }
    }

    /// `CLIENT CACHING YES|NO` (`yes` says which) for connection `id`.
    pub(crate) fn set_caching(&mut self, id: u64, yes: bool) -> Result<(), TrackingError> {
        let Some(state) = self.clients.get_mut(&id) else {
            return Err(TrackingError::CachingNotTracking);
        };
        match (yes, state.flags.optin, state.flags.optout) {
            (true, true, _) | (false, _, true) => {
                state.caching = true;
                Ok(())
            }
            (true, false, _) => Err(TrackingError::CachingYesWithoutOptIn),
            (false, _, false) => Err(TrackingError::CachingNoWithoutOptOut),
        }
    }

    /// A command of connection `id` ended; `keep_caching` when it was a CLIENT
    /// subcommand or left a transaction open, which keep CLIENT CACHING's choice.
    pub(crate) fn command_done(&mut self, id: u64, keep_caching: bool) {
        if keep_caching {
            return;
        }
        if let Some(state) = self.clients.get_mut(&id) {
            state.caching = false;
        }
    }

    /// Whether connection `id` remembers what its next read names: it tracks in default
    /// mode, and OPTIN / OPTOUT with CLIENT CACHING say so.
    pub(crate) fn remembers_reads(&self, id: u64) -> bool {
        self.clients.get(&id).is_some_and(|state| {
            let flags = state.flags;
            let opted_in = !flags.optin || state.caching;
            let opted_out = flags.optout && state.caching;
            !flags.bcast && opted_in && !opted_out
        })
    }

    /// Connection `id` read `keys`: a write to one of them owes it a message.
    pub(crate) fn remember(&mut self, id: u64, keys: &[Bytes]) {
        for key in keys {
            let ids = self.table.entry(key.clone()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
                self.items += 1;
            }
        }
    }

    /// Redis's `trackingInvalidateKey`: connection `writer`'s command wrote `key`.
    pub(crate) fn invalidate(&mut self, key: &[u8], writer: u64) {
        self.invalidate_key(key, Some(writer), Some(writer));
    }

    /// `key` expired, found so by connection `current`'s command or by the sweep (`None`).
    pub(crate) fn expired(&mut self, key: &[u8], current: Option<u64>) {
        self.invalidate_key(key, current, Some(0));
    }

    /// Forgets keys, each with its message as though written, until at most `max` are
    /// remembered: redis-server's `tracking-table-max-keys` bound on the table's memory.
    pub(crate) fn limit_keys(&mut self, max: usize) {
        while self.table.len() > max {
            let Some(key) = self.table.keys().next().cloned() else {
                return;
            };
            self.invalidate_key(&key, None, None);
        }
    }

    /// `current`: the connection whose command is running, if any (NOLOOP skips it, and
    /// its message follows its reply). `broadcast_as`: record the key for BCAST prefixes,
    /// as changed by this connection (0: by none, an expiry); `None` for an eviction from
    /// the table, which changed nothing.
    fn invalidate_key(&mut self, key: &[u8], current: Option<u64>, broadcast_as: Option<u64>) {
        if let Some(writer) = broadcast_as {
            for (prefix, broadcast) in self.prefixes.iter_mut() {
                if key.starts_with(prefix) {
                    broadcast.keys.insert(Bytes::copy_from_slice(key), writer);
                }
            }
        }
        let Some((key, ids)) = self.table.remove_entry(key) else {
            return;
        };
        self.items -= ids.len();
        for id in ids {
            let Some(state) = self.clients.get(&id) else {
                continue; // stopped tracking since it read the key
            };
            if state.flags.bcast || (state.flags.noloop && current == Some(id)) {
                continue;
            }
            self.outbox.push(Invalidation {
                client: id,
                keys: Some(vec![key.clone()]),
                after_reply: current == Some(id),
            });
        }
    }

    /// FLUSHDB or FLUSHALL (run by `writer`): every tracking connection is told that every
    /// key is invalid, and the table is emptied.
    pub(crate) fn flushed(&mut self, writer: Option<u64>) {
        let mut ids: Vec<u64> = self.clients.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            self.outbox.push(Invalidation {
                client: id,
                keys: None,
                after_reply: writer == Some(id),
            });
        }
        self.table.clear();
        self.items = 0;
    }

    /// Turns the keys written under each BCAST prefix into one message per listening
    /// connection (without the keys it wrote itself, under NOLOOP).
    pub(crate) fn broadcast(&mut self) {
        for broadcast in self.prefixes.values_mut() {
            if broadcast.keys.is_empty() {
                continue;
            }
            let keys = std::mem::take(&mut broadcast.keys);
            for &id in &broadcast.clients {
                let noloop = self
                    .clients
                    .get(&id)
                    .is_some_and(|state| state.flags.noloop);
                let owed: Vec<Bytes> = keys
                    .iter()
                    .filter(|(_, writer)| !(noloop && **writer == id))
                    .map(|(key, _)| key.clone())
                    .collect();
                if owed.is_empty() {
                    continue;
                }
                self.outbox.push(Invalidation {
                    client: id,
                    keys: Some(owed),
                    after_reply: false,
                });
            }
        }
    }

    /// Whether messages wait to be delivered.
    pub(crate) fn has_outbox(&self) -> bool {
        !self.outbox.is_empty()
    }

    /// The messages computed since the last call, in order.
    pub(crate) fn take_outbox(&mut self) -> Vec<Invalidation> {
        std::mem::take(&mut self.outbox)
    }

    /// Redis's `sendTrackingMessage`: where `message` goes and the push it becomes, given
    /// each open connection's session: the tracking connection or its REDIRECT target, as
    /// a RESP3 push, as a RESP2 `message` on `__redis__:invalidate` to a subscribed target,
    /// or nowhere. A REDIRECT target that has gone marks the connection and tells it so
    /// instead (RESP3 only).
    pub(crate) fn route<'s>(
        &mut self,
        message: Invalidation,
        session_of: impl Fn(u64) -> Option<&'s Session>,
    ) -> Option<(u64, Reply)> {
        let mode = self.clients.get(&message.client)?;
        let (redirect, redirect_id) = (mode.flags.redirect, mode.redirect_id());
        let mut target = message.client;
        if redirect != 0 {
            if session_of(redirect).is_none() {
                if let Some(state) = self.clients.get_mut(&message.client) {
                    state.broken_redirect = true;
                }
                let resp3 = session_of(message.client)
                    .is_some_and(|session| session.protocol() == Protocol::Resp3);
                let broken = Reply::Push(vec![
                    Reply::bulk("tracking-redir-broken"),
                    Reply::Integer(redirect_id),
                ]);
                return resp3.then_some((message.client, broken));
            }
            target = redirect;
        }
        let session = session_of(target)?;
        let keys = match message.keys {
            Some(keys) => Reply::Array(keys.into_iter().map(Reply::Bulk).collect()),
            None => Reply::Nil,
        };
        if session.protocol() == Protocol::Resp3 {
            Some((target, Reply::Push(vec![Reply::bulk("invalidate"), keys])))
        } else if redirect != 0 && session.subscribed() {
            let message = vec![
                Reply::bulk("message"),
                Reply::bulk(INVALIDATE_CHANNEL),
                keys,
            ];
            Some((target, Reply::Push(message)))
        } else {
            None // RESP2 has no push frames of its own
        }
    }

    /// Whether messages for other connections go out while the command runs, as
    /// redis-server writes them (so they keep their place among the pub/sub messages the
    /// same command sends). Not while an append-only file holds replies until their fsync:
    /// a message must not overtake a reply it would invalidate.
    pub(crate) fn sends_during_commands(&self) -> bool {
        self.direct
    }

    /// See [`Tracking::sends_during_commands`].
    pub(crate) fn set_sends_during_commands(&mut self, direct: bool) {
        self.direct = direct;
    }

    /// Takes the messages owed to connections other than the running one (`current`).
    pub(crate) fn take_for_others(&mut self, current: u64) -> Vec<Invalidation> {
        if self.outbox.iter().all(|message| message.client == current) {
            return Vec::new();
        }
        let (mine, others) = std::mem::take(&mut self.outbox)
            .into_iter()
            .partition(|message| message.client == current);
        self.outbox = mine;
        others
    }

    /// INFO's `tracking_clients`.
    pub(crate) fn client_count(&self) -> usize {
        self.clients.len()
    }

    /// INFO's `tracking_total_keys`, `tracking_total_items` and `tracking_total_prefixes`.
    pub(crate) fn totals(&self) -> (usize, usize, usize) {
        (self.table.len(), self.items, self.prefixes.len())
    }
}

/// Redis's `checkPrefixCollisionsOrReply`: no new prefix may start, or be started by, one
/// the connection has or another new one.
fn check_prefixes(
    existing: Option<&BTreeSet<Bytes>>,
    given: &[Bytes],
) -> Result<(), TrackingError> {
    let overlap = |a: &[u8], b: &[u8]| a.starts_with(b) || b.starts_with(a);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    for (index, prefix) in given.iter().enumerate() {
        if let Some(old) = existing
            .into_iter()
            .flatten()
            .find(|old| overlap(old, prefix))
        {
            return Err(TrackingError::PrefixOverlapsExisting(
                text(prefix),
                text(old),
            ));
        }
        if let Some(other) = given[index + 1..]
            .iter()
            .find(|other| overlap(prefix, other))
        {
            return Err(TrackingError::PrefixOverlapsGiven(
                text(prefix),
                text(other),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &'static str) -> Bytes {
        Bytes::from_static(name.as_bytes())
    }

    fn with(flags: TrackingFlags) -> TrackingOptions {
        TrackingOptions {
            flags,
            prefixes: Vec::new(),
        }
    }

    fn on(tracking: &mut Tracking, id: u64, options: TrackingOptions) {
        tracking.enable(id, options).expect("tracking on");
    }

    #[test]
    fn a_read_key_owes_one_message_per_read() {
        let mut tracking = Tracking::default();
        on(&mut tracking, 1, TrackingOptions::default());
        tracking.remember(1, &[key("a"), key("a")]);
        assert_eq!(tracking.totals(), (1, 1, 0));
        tracking.invalidate(b"a", 2);
        tracking.invalidate(b"a", 2); // not read again: nothing more
        assert_eq!(
            tracking.take_outbox(),
            vec![Invalidation {
                client: 1,
                keys: Some(vec![key("a")]),
                after_reply: false
            }]
        );
        assert_eq!(tracking.totals(), (0, 0, 0));
    }

    #[test]
    fn own_writes_come_after_the_reply_or_not_at_all_under_noloop() {
        let mut tracking = Tracking::default();
        on(&mut tracking, 1, TrackingOptions::default());
        on(
            &mut tracking,
            2,
            with(TrackingFlags {
                noloop: true,
                ..TrackingFlags::default()
            }),
        );
        tracking.remember(1, &[key("k")]);
        tracking.remember(2, &[key("k")]);
        tracking.invalidate(b"k", 1);
        let outbox = tracking.take_outbox();
        assert_eq!(outbox.len(), 2);
        assert!(outbox[0].after_reply || outbox[1].after_reply);
        tracking.remember(2, &[key("k")]);
        tracking.invalidate(b"k", 2);
        assert!(tracking.take_outbox().is_empty());
    }

    #[test]
    fn optin_and_optout_follow_client_caching_for_one_command() {
        let mut tracking = Tracking::default();
        let optin = with(TrackingFlags {
            optin: true,
            ..TrackingFlags::default()
        });
        on(&mut tracking, 1, optin);
        assert!(!tracking.remembers_reads(1));
        tracking.set_caching(1, true).expect("caching yes");
        assert!(tracking.remembers_reads(1));
        tracking.command_done(1, true); // CLIENT TRACKINGINFO keeps it
        assert!(tracking.remembers_reads(1));
        tracking.command_done(1, false);
        assert!(!tracking.remembers_reads(1));
        assert_eq!(
            tracking.set_caching(1, false),
            Err(TrackingError::CachingNoWithoutOptOut)
        );
        assert_eq!(
            tracking.enable(
                1,
                with(TrackingFlags {
                    optout: true,
                    ..TrackingFlags::default()
                })
            ),
            Err(TrackingError::OptSwitch)
        );
        assert_eq!(
            tracking.set_caching(9, true),
            Err(TrackingError::CachingNotTracking)
        );
    }

    #[test]
    fn broadcast_groups_keys_by_prefix_and_skips_own_writes_under_noloop() {
        let mut tracking = Tracking::default();
        let bcast = |prefixes: &[&'static str], noloop: bool| TrackingOptions {
            flags: TrackingFlags {
                bcast: true,
                noloop,
                ..TrackingFlags::default()
            },
            prefixes: prefixes.iter().map(|p| key(p)).collect(),
        };
        on(&mut tracking, 1, bcast(&["user:", "job:"], false));
        on(&mut tracking, 2, bcast(&["user:"], true));
        tracking.invalidate(b"user:2", 2);
        tracking.expired(b"user:1", Some(3));
        tracking.invalidate(b"other", 3);
        tracking.broadcast();
        assert_eq!(
            tracking.take_outbox(),
            vec![
                Invalidation {
                    client: 1,
                    keys: Some(vec![key("user:1"), key("user:2")]),
                    after_reply: false
                },
                Invalidation {
                    client: 2,
                    keys: Some(vec![key("user:1")]),
                    after_reply: false
                },
            ]
        );
        tracking.broadcast();
        assert!(tracking.take_outbox().is_empty());
        tracking.disable(1);
        tracking.disable(2);
        assert_eq!(tracking.totals(), (0, 0, 0));
    }

    #[test]
    fn prefixes_must_not_overlap() {
        let mut tracking = Tracking::default();
        let bcast = |prefixes: &[&'static str]| TrackingOptions {
            flags: TrackingFlags {
                bcast: true,
                ..TrackingFlags::default()
            },
            prefixes: prefixes.iter().map(|p| key(p)).collect(),
        };
        assert_eq!(
            tracking.enable(1, bcast(&["ab", "a"])),
            Err(TrackingError::PrefixOverlapsGiven("ab".into(), "a".into()))
        );
        on(&mut tracking, 1, bcast(&["a"]));
        assert_eq!(
            tracking.enable(1, bcast(&["a"])),
            Err(TrackingError::PrefixOverlapsExisting(
                "a".into(),
                "a".into()
            ))
        );
        on(&mut tracking, 1, bcast(&["b"]));
        assert_eq!(
            tracking.client(1).map(|state| state.prefixes.len()),
            Some(2)
        );
        assert_eq!(
            tracking.enable(1, TrackingOptions::default()),
            Err(TrackingError::BcastSwitch)
        );
    }

    #[test]
    fn the_table_is_bounded_by_invalidating_keys() {
        let mut tracking = Tracking::default();
        on(&mut tracking, 1, TrackingOptions::default());
        tracking.remember(1, &[key("a"), key("b"), key("c")]);
        tracking.limit_keys(1);
        assert_eq!(tracking.totals().0, 1);
        assert_eq!(tracking.take_outbox().len(), 2);
    }

    #[test]
    fn a_flush_tells_every_tracking_connection() {
        let mut tracking = Tracking::default();
        on(&mut tracking, 2, TrackingOptions::default());
        on(&mut tracking, 1, TrackingOptions::default());
        tracking.remember(1, &[key("a")]);
        tracking.flushed(Some(2));
        let outbox = tracking.take_outbox();
        assert_eq!(outbox.len(), 2);
        assert!(outbox.iter().all(|message| message.keys.is_none()));
        assert_eq!(outbox[1].client, 2);
        assert!(outbox[1].after_reply);
        assert_eq!(tracking.totals(), (0, 0, 0));
    }
}
