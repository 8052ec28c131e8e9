//! WATCH bookkeeping: which connections watch which keys, and whose EXEC must fail.
//!
//! # Policy (Redis 7's, including expiry)
//! - Every write signals the keys it changed ([`WatchRegistry::touch`]); each connection
//!   watching one of them is marked dirty, and its next EXEC replies nil.
//! - A watched key that expires counts as changed, whether the sweep or a lazy lookup
//!   removes it, and EXEC also fails if a watched key is past its deadline when EXEC runs,
//!   even though nothing has removed it yet.
//! - A key that was *already* expired when WATCHed is logically missing; its removal later
//!   is no change, so it does not fail EXEC.
//! - A key is watched in one database: the same name written in another is another key.

use std::collections::{HashMap, HashSet};

use ahash::RandomState;
use bytes::Bytes;
use smallvec::SmallVec;

use crate::store::keyspace::Keyspace;

/// One connection watching one key.
#[derive(Debug, Clone, Copy)]
struct Watcher {
    conn: u64,
    /// The database the key was watched in.
    db: usize,
    /// The key was stored but past its deadline when WATCH ran.
    expired_when_watched: bool,
}

/// All watches of all connections.
#[derive(Debug, Default)]
pub(crate) struct WatchRegistry {
    by_key: HashMap<Bytes, SmallVec<[Watcher; 2]>, RandomState>,
    dirty: HashSet<u64, RandomState>,
}

impl WatchRegistry {
    /// Whether nobody watches anything: writes then skip the lookup entirely.
    pub(crate) fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// `conn` starts watching `key`.
    pub(crate) fn watch(&mut self, conn: u64, db: usize, key: Bytes, expired_now: bool) {
        self.by_key.entry(key).or_default().push(Watcher {
            conn,
            db,
            expired_when_watched: expired_now,
        });
    }

    /// A write changed `key` of database `db`; `exists_now` says whether it is still
    /// stored afterwards.
    pub(crate) fn touch(&mut self, db: usize, key: &[u8], exists_now: bool) {
        let Some(watchers) = self.by_key.get_mut(key) else {
            return;
        };
        for watcher in watchers.iter_mut().filter(|watcher| watcher.db == db) {
            if watcher.expired_when_watched && !exists_now {
                // The already-expired key is now really gone: logically nothing changed.
                watcher.expired_when_watched = false;
                continue;
            }
            self.dirty.insert(watcher.conn);
        }
    }

    /// Database `db` now holds what `replaced_with` held, instead of `emptied` (SWAPDB): a
    /// watched key there changed if it existed on either side, except that an expired key
    /// stays logically missing (Redis's `touchAllWatchedKeysInDb`).
    pub(crate) fn touch_replaced(
        &mut self,
        db: usize,
        emptied: &Keyspace,
        replaced_with: &Keyspace,
        now_ms: u64,
    ) {
        for (key, watchers) in self.by_key.iter_mut() {
            let in_emptied = emptied.contains_raw(key);
            let in_new = replaced_with.contains_raw(key);
            if !(in_emptied || in_new) {
                continue;
            }
            let new_expired = replaced_with.is_logically_expired(key, now_ms);
            for watcher in watchers.iter_mut().filter(|watcher| watcher.db == db) {
                if watcher.expired_when_watched {
                    if !in_new {
                        watcher.expired_when_watched = false; // gone: no logical change
                        continue;
                    }
                    if new_expired {
                        continue; // still expired
                    }
                } else if !in_emptied && new_expired {
                    watcher.expired_when_watched = true; // a missing key became an expired one
                    continue;
                }
                self.dirty.insert(watcher.conn);
            }
        }
    }

    /// Whether the key, watched by `conn`, was already expired when watched.
    pub(crate) fn was_expired_when_watched(&self, conn: u64, db: usize, key: &[u8]) -> bool {
        self.by_key.get(key).is_some_and(|watchers| {
            watchers
                .iter()
                .any(|w| w.conn == conn && w.db == db && w.expired_when_watched)
        })
    }

    /// Whether a key `conn` watches has changed.
    pub(crate) fn is_dirty(&self, conn: u64) -> bool {
        self.dirty.contains(&conn)
    }

    /// `conn` stops watching `keys` (all it watched, each with its database) and is clean
    /// again.
    pub(crate) fn unwatch(&mut self, conn: u64, keys: &[(usize, Bytes)]) {
        for (_, key) in keys {
            if let Some(watchers) = self.by_key.get_mut(key) {
                watchers.retain(|w| w.conn != conn);
                if watchers.is_empty() {
                    self.by_key.remove(key);
                }
            }
        }
        self.dirty.remove(&conn);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touch_marks_only_watchers_of_that_key() {
        let mut registry = WatchRegistry::default();
        registry.watch(1, 0, Bytes::from_static(b"a"), false);
        registry.watch(2, 0, Bytes::from_static(b"b"), false);
        registry.touch(0, b"a", true);
        assert!(registry.is_dirty(1));
        assert!(!registry.is_dirty(2));
        registry.unwatch(1, &[(0, Bytes::from_static(b"a"))]);
        assert!(!registry.is_dirty(1));
        registry.unwatch(2, &[(0, Bytes::from_static(b"b"))]);
        assert!(registry.is_empty());
    }

    #[test]
    fn removing_an_already_expired_key_is_no_change() {
        let mut registry = WatchRegistry::default();
        registry.watch(1, 0, Bytes::from_static(b"a"), true);
        registry.touch(0, b"a", false);
        assert!(!registry.is_dirty(1));
        registry.touch(0, b"a", true); // re-created afterwards: a real change
        assert!(registry.is_dirty(1));
    }

    #[test]
    fn a_swap_changes_keys_present_on_either_side_but_expired_stays_missing() {
        use crate::store::value::Value;
        let key = |name: &'static str| Bytes::from_static(name.as_bytes());
        let mut before = Keyspace::with_index(0);
        let mut after = Keyspace::with_index(1);
        before.insert(key("here"), Value::Int(1), None);
        after.insert(key("there"), Value::Int(1), None);
        after.insert(key("stale"), Value::Int(1), Some(5));
        let mut registry = WatchRegistry::default();
        registry.watch(1, 0, key("here"), false);
        registry.watch(2, 0, key("there"), false);
        registry.watch(3, 0, key("nowhere"), false);
        registry.watch(4, 0, key("stale"), false);
        registry.watch(5, 1, key("here"), false); // another database
        registry.touch_replaced(0, &before, &after, 10);
        assert!(registry.is_dirty(1) && registry.is_dirty(2));
        assert!(!registry.is_dirty(3) && !registry.is_dirty(5));
        // A missing key replaced by an expired one is still logically missing, now
        // flagged as expired-when-watched.
        assert!(!registry.is_dirty(4));
        assert!(registry.was_expired_when_watched(4, 0, b"stale"));
    }

    #[test]
    fn the_same_name_in_another_database_is_another_key() {
        let mut registry = WatchRegistry::default();
        registry.watch(1, 3, Bytes::from_static(b"a"), false);
        registry.touch(0, b"a", true);
        assert!(!registry.is_dirty(1));
        assert!(!registry.was_expired_when_watched(1, 0, b"a"));
        registry.touch(3, b"a", false);
        assert!(registry.is_dirty(1));
    }
}
