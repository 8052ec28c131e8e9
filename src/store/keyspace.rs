//! The keyspace: keys to values with optional expiry, and nothing else.
//!
//! # Expiry
//! A key's deadline is an absolute time in milliseconds on the engine clock, as in Redis.
//! Expired keys disappear two ways, as on redis-server:
//! - **lazily**: every lookup that finds a key past its deadline removes it first, so no
//!   command ever sees an expired key;
//! - **actively**: [`Keyspace::sweep`] removes up to a budget of due keys per call. Deadlines
//!   sit in an ordered index, so the sweep removes exactly the due keys, earliest first,
//!   rather than sampling at random as Redis does; memory is freed without access.
//!
//! Removed-because-expired keys are recorded in [`Keyspace::take_expired`] so the layer above
//! can invalidate WATCHes and emit `expired` notifications. The keyspace never sees argv,
//! replies, connections or clocks: time is a parameter ([`Millis`]), read only by a lookup
//! that finds a key with a deadline, so the common case of keys without one costs no clock
//! read at all.

use std::collections::BTreeSet;
use std::collections::HashMap;

use ahash::RandomState;
use bytes::Bytes;

use super::scan_order::ScanIndex;
use super::value::Value;

/// The current time in milliseconds on the engine clock, as a lookup asks for it: a plain
/// `u64`, or a lazy reading taken only when a key with a deadline needs it.
pub(crate) trait Millis {
    /// Milliseconds since the epoch; the same on every call for one command.
    fn millis(&self) -> u64;
}

impl Millis for u64 {
    #[inline]
    fn millis(&self) -> u64 {
        *self
    }
}

impl<T: Millis + ?Sized> Millis for &T {
    #[inline]
    fn millis(&self) -> u64 {
        (**self).millis()
    }
}

/// A stored value and its deadline (milliseconds since the epoch, engine clock).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The value.
    pub value: Value,
    /// When the key expires; `None` keeps it forever.
    pub expires_at: Option<u64>,
}

/// All keys of one database (`SELECT` picks among sixteen, see `exec/databases.rs`).
#[derive(Debug, Default)]
pub struct Keyspace {
    /// Which database this is: keyspace channels, WATCH, blocked reads and the append-only
    /// file name it. It travels with the keys when databases are swapped.
    index: usize,
    map: HashMap<Bytes, Entry, RandomState>,
    /// (deadline, key) for every key with a deadline: the sweep's index.
    deadlines: BTreeSet<(u64, Bytes)>,
    /// Keys removed because they expired, since the last `take_expired`.
    expired: Vec<Bytes>,
    /// While an append-only file loads, no key expires (see `set_loading`).
    loading: bool,
    /// Keys removed by expiry since the start (INFO's `expired_keys`).
    expired_total: u64,
    /// Keys ever added (a key set again counts once): tells a SCAN snapshot it is stale.
    additions: u64,
    /// SCAN's snapshot of the scan order, kept between pages.
    scan_index: ScanIndex,
}

impl Keyspace {
    /// An empty keyspace.
    pub fn new() -> Keyspace {
        Keyspace::default()
    }

    /// An empty database number `index`.
    pub(crate) fn with_index(index: usize) -> Keyspace {
        Keyspace {
            index,
            ..Keyspace::default()
        }
    }

    /// The database number (0 for a keyspace made by [`Keyspace::new`]).
    pub(crate) fn index(&self) -> usize {
        self.index
    }

    /// Exchanges everything but the database numbers with `other` (SWAPDB).
    pub(crate) fn swap_contents(&mut self, other: &mut Keyspace) {
        std::mem::swap(self, other);
        std::mem::swap(&mut self.index, &mut other.index);
    }

    /// Number of keys stored, including expired ones not yet removed (as DBSIZE counts).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    fn is_expired(&self, entry: &Entry, now: impl Millis) -> bool {
        !self.loading
            && entry
                .expires_at
                .is_some_and(|deadline| deadline <= now.millis())
    }

    /// Suspends expiry (lazy and swept) while a log of past writes is replayed: the log was
    /// written when those keys were alive, and replays the same only if they still are.
    pub fn set_loading(&mut self, loading: bool) {
        self.loading = loading;
    }

    /// Whether a log is being replayed (see `set_loading`).
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// Removes `key` if it is past its deadline. Returns whether it was removed.
    fn expire_if_due(&mut self, key: &[u8], now: impl Millis) -> bool {
        if !self.may_expire() {
            return false; // no probe: the caller's own lookup is then the only one
        }
        let due = self
            .map
            .get(key)
            .is_some_and(|entry| self.is_expired(entry, now));
        if due && let Some((key, entry)) = self.map.remove_entry(key) {
            if let Some(deadline) = entry.expires_at {
                self.deadlines.remove(&(deadline, key.clone()));
            }
            self.expired.push(key);
        }
        due
    }

    /// The live entry for `key`, removing it first if it has expired.
    pub fn get(&mut self, key: &[u8], now: impl Millis) -> Option<&Entry> {
        self.expire_if_due(key, now);
        self.map.get(key)
    }

    /// The live value at `key`, mutably, removing it first if it has expired.
    pub fn value_mut(&mut self, key: &[u8], now: impl Millis) -> Option<&mut Value> {
        self.expire_if_due(key, now);
        self.map.get_mut(key).map(|entry| &mut entry.value)
    }

    /// Whether any key could be found expired: some key has a deadline, and no file is
    /// loading. When not, a lookup is one hash probe instead of two.
    fn may_expire(&self) -> bool {
        !self.loading && !self.deadlines.is_empty()
    }

    /// Whether `key` exists and has not expired (expiring it if due).
    pub fn contains(&mut self, key: &[u8], now: impl Millis) -> bool {
        self.get(key, now).is_some()
    }

    /// Whether `key` is stored at all, expired or not, without removing it.
    pub fn contains_raw(&self, key: &[u8]) -> bool {
        self.map.contains_key(key)
    }

    /// Whether `key` is stored but past its deadline, without removing it.
    pub fn is_logically_expired(&self, key: &[u8], now: impl Millis) -> bool {
        self.map
            .get(key)
            .is_some_and(|entry| self.is_expired(entry, now))
    }

    /// Stores `value` under `key` with the given deadline, replacing any previous entry.
    pub fn insert(&mut self, key: Bytes, value: Value, expires_at: Option<u64>) {
        if let Some(deadline) = expires_at {
            self.deadlines.insert((deadline, key.clone()));
        }
        let old = self.map.insert(key.clone(), Entry { value, expires_at });
        if old.is_none() {
            self.additions += 1;
        }
        if let Some(old_deadline) = old.and_then(|entry| entry.expires_at)
            && Some(old_deadline) != expires_at
        {
            self.deadlines.remove(&(old_deadline, key));
        }
    }

    /// Replaces the value of an existing live key, keeping its deadline; inserts without a
    /// deadline otherwise.
    pub fn replace_value(&mut self, key: Bytes, value: Value, now: impl Millis) {
        self.expire_if_due(&key, now);
        match self.map.get_mut(&key) {
            Some(entry) => entry.value = value,
            None => self.insert(key, value, None),
        }
    }

    /// Removes `key`; returns its entry if it was live.
    pub fn remove(&mut self, key: &[u8], now: impl Millis) -> Option<Entry> {
        if self.expire_if_due(key, now) {
            return None;
        }
        let (key, entry) = self.map.remove_entry(key)?;
        if let Some(deadline) = entry.expires_at {
            self.deadlines.remove(&(deadline, key));
        }
        Some(entry)
    }

    /// The deadline of a live key: `None` if missing, `Some(None)` if it never expires.
    pub fn expiry(&mut self, key: &[u8], now: impl Millis) -> Option<Option<u64>> {
        self.get(key, now).map(|entry| entry.expires_at)
    }

    /// Sets or clears the deadline of a live key. Returns `false` if the key is missing.
    pub fn set_expiry(&mut self, key: &[u8], expires_at: Option<u64>, now: impl Millis) -> bool {
        self.expire_if_due(key, now);
        let Some((stored_key, entry)) = self.map.get_key_value(key) else {
            return false;
        };
        let stored_key = stored_key.clone();
        let old = entry.expires_at;
        if old == expires_at {
            return true;
        }
        if let Some(old) = old {
            self.deadlines.remove(&(old, stored_key.clone()));
        }
        if let Some(new) = expires_at {
            self.deadlines.insert((new, stored_key.clone()));
        }
        if let Some(entry) = self.map.get_mut(&stored_key) {
            entry.expires_at = expires_at;
        }
        true
    }

    /// Removes every key; returns the keys that were stored (for WATCH invalidation).
    pub fn clear(&mut self) -> Vec<Bytes> {
        self.deadlines.clear();
        self.scan_index = ScanIndex::default();
        self.map.drain().map(|(key, _)| key).collect()
    }

    /// Removes up to `budget` keys whose deadline is at or before `now_ms`, earliest first.
    /// Returns how many were removed; they are also queued for [`Keyspace::take_expired`].
    pub fn sweep(&mut self, now_ms: u64, budget: usize) -> usize {
        let mut removed = 0;
        while removed < budget {
            let Some((deadline, _)) = self.deadlines.first() else {
                break;
            };
            if *deadline > now_ms {
                break;
            }
            if let Some((_, key)) = self.deadlines.pop_first() {
                self.map.remove(&key);
                self.expired.push(key);
                removed += 1;
            }
        }
        removed
    }

    /// The earliest deadline of any key, for the executor's timer.
    pub fn next_deadline(&self) -> Option<u64> {
        self.deadlines.first().map(|(deadline, _)| *deadline)
    }

    /// Keys removed by expiry since the last call, oldest first.
    pub fn take_expired(&mut self) -> Vec<Bytes> {
        self.expired_total += self.expired.len() as u64;
        std::mem::take(&mut self.expired)
    }

    /// Keys removed by expiry and not yet taken, oldest first.
    pub fn expired(&self) -> &[Bytes] {
        &self.expired
    }

    /// The entry stored at `key`, even if past its deadline; removes nothing.
    pub fn peek(&self, key: &[u8]) -> Option<&Entry> {
        self.map.get(key)
    }

    /// Whether any expired key awaits [`Keyspace::take_expired`]; cheap, for the hot path.
    pub fn has_expired(&self) -> bool {
        !self.expired.is_empty()
    }

    /// A stored key picked uniformly at random, expired or not (RANDOMKEY checks it).
    pub fn random_stored_key(&self) -> Option<Bytes> {
        if self.map.is_empty() {
            return None;
        }
        let pick = super::random::below(self.map.len());
        self.map.keys().nth(pick).cloned()
    }

    /// One page of SCAN over every stored key (expired ones included: the caller expires
    /// what the page touched): the keys from `cursor` in scan order, and the next cursor.
    pub(crate) fn scan_page(&mut self, cursor: u64, count: usize) -> (u64, Vec<Bytes>) {
        let map = &self.map;
        self.scan_index.page(
            || map.keys(),
            self.additions,
            |key| map.contains_key(key),
            cursor,
            count,
        )
    }

    /// How many keys expired since the start (counted as they are taken).
    pub fn expired_total(&self) -> u64 {
        self.expired_total
    }

    /// How many keys have a deadline (some may have passed it, not yet removed).
    pub fn volatile_len(&self) -> usize {
        self.deadlines.len()
    }

    /// The average time to live of the keys with a deadline, in milliseconds (0 when none).
    pub fn average_ttl_ms(&self, now_ms: u64) -> u64 {
        let (sum, count) = self
            .deadlines
            .range((now_ms.saturating_add(1), Bytes::new())..)
            .fold((0u128, 0u128), |(sum, count), (deadline, _)| {
                (sum + u128::from(deadline - now_ms), count + 1)
            });
        sum.checked_div(count).map_or(0, |average| average as u64)
    }

    /// Every stored entry, expired or not, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&Bytes, &Entry)> {
        self.map.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(Bytes::copy_from_slice(v.as_bytes()))
    }

    #[test]
    fn lazy_expiry_removes_on_access_and_reports() {
        let mut ks = Keyspace::new();
        ks.insert(Bytes::from_static(b"k"), s("v"), Some(100));
        assert!(ks.get(b"k", 99).is_some());
        assert!(ks.get(b"k", 100).is_none());
        assert_eq!(ks.take_expired(), vec![Bytes::from_static(b"k")]);
        assert_eq!(ks.len(), 0);
        assert_eq!(ks.next_deadline(), None);
    }

    #[test]
    fn sweep_is_bounded_and_ordered() {
        let mut ks = Keyspace::new();
        for i in 0..10u64 {
            ks.insert(Bytes::from(format!("k{i}")), s("v"), Some(10 - i));
        }
        ks.insert(Bytes::from_static(b"forever"), s("v"), None);
        assert_eq!(ks.sweep(5, 3), 3);
        assert_eq!(
            ks.take_expired(),
            vec![
                Bytes::from_static(b"k9"),
                Bytes::from_static(b"k8"),
                Bytes::from_static(b"k7")
            ]
        );
        assert_eq!(ks.sweep(5, 100), 2);
        assert_eq!(ks.len(), 6);
        assert_eq!(ks.next_deadline(), Some(6));
    }

    #[test]
    fn reinserting_replaces_the_deadline() {
        let mut ks = Keyspace::new();
        ks.insert(Bytes::from_static(b"k"), s("a"), Some(10));
        ks.insert(Bytes::from_static(b"k"), s("b"), None);
        assert_eq!(ks.next_deadline(), None);
        assert_eq!(ks.sweep(1000, 10), 0);
        assert!(ks.set_expiry(b"k", Some(50), 0));
        assert_eq!(ks.next_deadline(), Some(50));
        assert!(ks.set_expiry(b"k", None, 0));
        assert_eq!(ks.next_deadline(), None);
    }
}
