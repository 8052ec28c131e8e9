//! Group commit under `Fsync::Always`: how long a batch may wait for more requests before
//! its fsync.
//!
//! Every reply of a batch waits for the batch's one fsync, so a caller that just got its
//! reply sends its next request while the following fsync is already running, and misses
//! it. Left alone, callers split into groups that alternate between fsyncs, each fsync
//! covering only part of them. So after a commit the executor remembers whom it answered,
//! and a batch with writes waits (parked, not spinning) until those callers are back or a
//! budget runs out: half of the last fsync's duration, so the wait never costs more than
//! the fsync it saves. A caller that does not come back costs one wait; it is not awaited
//! after the next commit. A lone caller is never waited for: its request is the batch.

use std::collections::HashSet;
use std::time::Duration;

use ahash::RandomState;

/// The longest a batch waits for callers, however slow the disk.
const MAX_WAIT: Duration = Duration::from_millis(2);

#[derive(Debug, Default)]
pub(crate) struct GroupCommit {
    /// Connections answered at the last commit that have not sent a request since.
    awaited: HashSet<u64, RandomState>,
    /// How long the last fsync took.
    last_sync: Duration,
}

impl GroupCommit {
    /// A request from `conn` is in the batch.
    pub(crate) fn arrived(&mut self, conn: u64) {
        if !self.awaited.is_empty() {
            self.awaited.remove(&conn);
        }
    }

    /// A commit took `sync` and answered `answered`: they are expected back.
    pub(crate) fn committed(&mut self, sync: Duration, answered: impl Iterator<Item = u64>) {
        self.last_sync = sync;
        self.awaited.clear();
        self.awaited.extend(answered);
    }

    /// How long the current batch may wait for the callers still expected (from when it
    /// started), or `None` if none is.
    pub(crate) fn budget(&self) -> Option<Duration> {
        if self.awaited.is_empty() {
            return None;
        }
        Some((self.last_sync / 2).min(MAX_WAIT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_only_for_callers_answered_last_time_and_not_back_yet() {
        let mut group = GroupCommit::default();
        assert_eq!(group.budget(), None, "nothing committed yet");
        group.committed(Duration::from_micros(200), [1, 2, 3].into_iter());
        assert_eq!(group.budget(), Some(Duration::from_micros(100)));
        group.arrived(1);
        group.arrived(3);
        group.arrived(9); // not awaited: no effect
        assert!(group.budget().is_some(), "2 is still expected");
        group.arrived(2);
        assert_eq!(group.budget(), None);
    }

    #[test]
    fn the_wait_is_bounded_however_slow_the_disk() {
        let mut group = GroupCommit::default();
        group.committed(Duration::from_secs(1), [7].into_iter());
        assert_eq!(group.budget(), Some(MAX_WAIT));
    }
}
