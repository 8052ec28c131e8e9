//! ACL LOG: the authentication failures redis-server 7.0 records (embedis has one user,
//! `default`, with every permission, so a refused AUTH is the only entry there can be).
//!
//! As on redis-server, an entry counts the failures of one kind (reason, context, object,
//! username) while they come less than a minute apart: a failure like one of the ten
//! newest entries, within 60 s of its last one, moves that entry to the front and counts
//! there; any other failure starts a new entry. The newest 128 entries are kept
//! (`acllog-max-len`). Times are the engine clock's.

use std::collections::VecDeque;

/// How many entries are kept.
pub(crate) const MAX_ENTRIES: usize = 128;
/// Failures this close (milliseconds) count in one entry.
const GROUPING_MS: u64 = 60_000;
/// How many of the newest entries a failure is compared with.
const SCANNED: usize = 10;

/// One kind of failure, and how often it happened.
#[derive(Debug, Clone)]
pub(crate) struct AclLogEntry {
    pub(crate) count: u64,
    /// `auth`.
    pub(crate) reason: &'static str,
    /// `toplevel`, `multi` or `lua`.
    pub(crate) context: &'static str,
    /// The command that failed (`auth`, `hello`).
    pub(crate) object: String,
    /// The user it tried.
    pub(crate) username: String,
    /// The last failure's time, milliseconds on the engine clock.
    pub(crate) last_ms: u64,
    /// The last failing connection's CLIENT INFO line.
    pub(crate) client_info: String,
}

/// The entries, newest first.
#[derive(Debug, Default)]
pub(crate) struct AclLog {
    entries: VecDeque<AclLogEntry>,
}

impl AclLog {
    /// Records a failure (its `count` is ignored).
    pub(crate) fn add(&mut self, failure: AclLogEntry) {
        let similar = self.entries.iter().take(SCANNED).position(|entry| {
            entry.reason == failure.reason
                && entry.context == failure.context
                && entry.last_ms.abs_diff(failure.last_ms) < GROUPING_MS
                && entry.object == failure.object
                && entry.username == failure.username
        });
        match similar.and_then(|at| self.entries.remove(at)) {
            Some(mut entry) => {
                entry.count += 1;
                entry.last_ms = failure.last_ms;
                entry.client_info = failure.client_info;
                self.entries.push_front(entry);
            }
            None => {
                self.entries.push_front(AclLogEntry {
                    count: 1,
                    ..failure
                });
                self.entries.truncate(MAX_ENTRIES);
            }
        }
    }

    /// The newest `count` entries (all of them for `None`).
    pub(crate) fn newest(&self, count: Option<usize>) -> impl Iterator<Item = &AclLogEntry> {
        self.entries.iter().take(count.unwrap_or(usize::MAX))
    }

    /// ACL LOG RESET.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(user: &str, at_ms: u64) -> AclLogEntry {
        AclLogEntry {
            count: 0,
            reason: "auth",
            context: "toplevel",
            object: "auth".into(),
            username: user.into(),
            last_ms: at_ms,
            client_info: format!("at={at_ms}"),
        }
    }

    #[test]
    fn failures_of_one_kind_within_a_minute_count_in_one_entry() {
        let mut log = AclLog::default();
        log.add(failure("a", 1_000));
        log.add(failure("a", 60_999));
        log.add(failure("b", 61_000));
        let entries: Vec<_> = log.newest(None).collect();
        assert_eq!(entries.len(), 2);
        assert_eq!((entries[0].username.as_str(), entries[0].count), ("b", 1));
        assert_eq!((entries[1].username.as_str(), entries[1].count), ("a", 2));
        assert_eq!(entries[1].client_info, "at=60999");
        // A minute after its last failure, `a` starts a new entry; the old one stays.
        log.add(failure("a", 60_999 + GROUPING_MS));
        let counts: Vec<u64> = log.newest(None).map(|entry| entry.count).collect();
        assert_eq!(counts, [1, 1, 2]);
    }

    #[test]
    fn only_the_ten_newest_entries_are_compared_and_the_log_is_bounded() {
        let mut log = AclLog::default();
        log.add(failure("old", 0));
        for n in 0..10 {
            log.add(failure(&n.to_string(), 1));
        }
        log.add(failure("old", 2)); // eleventh from the front: not found
        assert_eq!(log.newest(None).filter(|e| e.username == "old").count(), 2);
        for n in 0..300 {
            log.add(failure(&format!("u{n}"), 3));
        }
        assert_eq!(log.newest(None).count(), MAX_ENTRIES);
        assert_eq!(log.newest(Some(3)).count(), 3);
        log.clear();
        assert_eq!(log.newest(None).count(), 0);
    }
}
