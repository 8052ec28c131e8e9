//! Automatic snapshots: Redis's `save <seconds> <changes>` points, and the count of changes
//! since the last snapshot that they test (Redis's `server.dirty`).
//!
//! A point fires when at least `changes` writes happened and more than `seconds` whole
//! seconds passed since the last successful save (or since the engine started), as
//! redis-server's cron tests it: a BGSAVE starts. After a failed background save the next
//! attempt waits 5 seconds, as on redis-server. A point needs a snapshot file
//! ([`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file)); with points set,
//! shutting the engine down saves, and FLUSHALL saves the emptied dataset, as redis-server
//! does, so that a restart never brings flushed or unsaved data back from an older snapshot.
//!
//! The change count is redis-server's: `Ctx::touch` (its `signalModifiedKey`) counts one
//! per key a write changed, `Ctx::count_changes` adds what redis-server counts beyond that
//! (the elements of collection writes, consumer-group changes, FUNCTION changes), and
//! `Ctx::signal_modified` signals a key without counting (the second key of a rename).
//! `tests/differential.rs` and the differential fuzzers compare it with redis-server's
//! after every scenario.

use std::time::Duration;

use super::snapshot::SnapshotFile;
use crate::store::number::strtoll_word;

/// redis-server's `CONFIG_BGSAVE_RETRY_DELAY`: seconds between attempts after a failure.
const RETRY_DELAY_SECS: u64 = 5;

/// One `save <seconds> <changes>` point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SavePoint {
    pub(crate) seconds: u64,
    /// A C `int` on redis-server: a value beyond it wraps (and a negative one is always
    /// reached).
    pub(crate) changes: i64,
}

/// The points, the change count, and what the last attempts did.
#[derive(Debug, Default)]
pub(crate) struct SaveSchedule {
    points: Vec<SavePoint>,
    /// Changes since the last successful save.
    dirty: u64,
    /// The change count a background save still writing was taken at: subtracted when it
    /// succeeds, so that changes made meanwhile still count.
    pending: Option<u64>,
    /// Unix seconds of the last background save this schedule started, and whether it
    /// failed (which delays the next attempt).
    last_attempt_secs: u64,
    last_failed: bool,
    /// SHUTDOWN has saved or was told not to: the engine's stop does not save again.
    shutdown_decided: bool,
}

impl SaveSchedule {
    pub(crate) fn new(points: Vec<SavePoint>) -> SaveSchedule {
        SaveSchedule {
            points,
            ..SaveSchedule::default()
        }
    }

    pub(crate) fn points(&self) -> &[SavePoint] {
        &self.points
    }

    pub(crate) fn set_points(&mut self, points: Vec<SavePoint>) {
        self.points = points;
    }

    /// Whether any point is set (shutdown and FLUSHALL save then).
    pub(crate) fn is_active(&self) -> bool {
        !self.points.is_empty()
    }

    /// SHUTDOWN decided whether to save.
    pub(crate) fn shutdown_decided(&mut self) {
        self.shutdown_decided = true;
    }

    /// Whether the engine's stop saves: points are set and no SHUTDOWN decided otherwise.
    pub(crate) fn saves_at_shutdown(&self) -> bool {
        self.is_active() && !self.shutdown_decided
    }

    /// Counts `n` changes.
    pub(crate) fn changed(&mut self, n: u64) {
        self.dirty = self.dirty.saturating_add(n);
    }

    /// Takes back `n` changes counted too early (see `Ctx::recount_changes`).
    pub(crate) fn unchanged(&mut self, n: u64) {
        self.dirty = self.dirty.saturating_sub(n);
    }

    /// Changes since the last successful save (INFO's `rdb_changes_since_last_save`).
    pub(crate) fn dirty(&self) -> u64 {
        self.dirty
    }

    /// A synchronous save succeeded: every change is on disk.
    pub(crate) fn saved(&mut self) {
        self.dirty = 0;
        self.pending = None;
        self.last_failed = false;
    }

    /// Starts a background save of `rdb` on `file` at `now_secs`, once the one before has
    /// ended and been settled; a thread that does not start counts as a failed save.
    pub(crate) fn start_background(
        &mut self,
        file: &mut SnapshotFile,
        rdb: Vec<u8>,
        now_secs: u64,
    ) -> std::io::Result<()> {
        file.finish_background();
        self.settle(Some(file));
        let started = file.start_background(rdb);
        self.background_started(now_secs);
        if started.is_err() {
            self.background_ended(false);
        }
        started
    }

    /// A background save started at `now_secs` with the dataset as it is now.
    fn background_started(&mut self, now_secs: u64) {
        self.pending = Some(self.dirty);
        self.last_attempt_secs = now_secs;
    }

    /// The background save started last has ended; `succeeded` says how.
    fn background_ended(&mut self, succeeded: bool) {
        if let Some(taken) = self.pending.take() {
            if succeeded {
                self.dirty = self.dirty.saturating_sub(taken);
            }
            self.last_failed = !succeeded;
        }
    }

    /// Whether a background save this schedule knows of has not been settled yet.
    fn awaits_background(&self) -> bool {
        self.pending.is_some()
    }

    /// Settles a background save that has ended since it started (before the change count
    /// is read, and before another save starts).
    pub(crate) fn settle(&mut self, file: Option<&SnapshotFile>) {
        if let Some(file) = file.filter(|file| self.awaits_background() && !file.in_progress()) {
            self.background_ended(!file.last_background_failed());
        }
    }

    /// The millisecond instant at which a point fires, given the last successful save
    /// (or the start) in unix seconds; `None` while no point has its changes.
    pub(crate) fn due_ms(&self, last_save_secs: u64) -> Option<u64> {
        let mut due = self
            .points
            .iter()
            .filter(|point| i128::from(self.dirty) >= i128::from(point.changes))
            // More than `seconds` whole seconds: redis-server compares unix seconds.
            .map(|point| {
                last_save_secs
                    .saturating_add(point.seconds)
                    .saturating_add(1)
            })
            .min()?;
        if self.last_failed {
            due = due.max(self.last_attempt_secs + RETRY_DELAY_SECS + 1);
        }
        Some(due.saturating_mul(1000))
    }
}

/// Reads `CONFIG SET save`'s value as redis-server does: words split at each single space,
/// an even number of them, seconds at least 1 and changes at least 0, each a whole
/// `strtoll` number; an empty value clears the points. `None`: invalid.
pub(crate) fn parse(value: &[u8]) -> Option<Vec<SavePoint>> {
    if value.is_empty() {
        return Some(Vec::new());
    }
    let words: Vec<&[u8]> = value.split(|&b| b == b' ').collect();
    if !words.len().is_multiple_of(2) {
        return None;
    }
    words
        .chunks_exact(2)
        .map(|pair| {
            let seconds = strtoll_word(pair[0]).filter(|&n| n >= 1)?;
            let changes = strtoll_word(pair[1]).filter(|&n| n >= 0)?;
            Some(SavePoint {
                seconds: seconds as u64,
                changes: i64::from(changes as i32),
            })
        })
        .collect()
}

/// `CONFIG GET save`'s value: `seconds changes` pairs joined by spaces.
pub(crate) fn format(points: &[SavePoint]) -> String {
    points
        .iter()
        .map(|point| format!("{} {}", point.seconds, point.changes))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A point from the builder: whole seconds, at least one.
pub(crate) fn point(after: Duration, changes: u32) -> SavePoint {
    SavePoint {
        seconds: after.as_secs().max(1),
        changes: i64::from(changes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(pairs: &[(u64, i64)]) -> Vec<SavePoint> {
        pairs
            .iter()
            .map(|&(seconds, changes)| SavePoint { seconds, changes })
            .collect()
    }

    #[test]
    fn parses_as_redis_server_does() {
        assert_eq!(parse(b""), Some(vec![]));
        assert_eq!(
            parse(b"3600 1 300 100"),
            Some(points(&[(3600, 1), (300, 100)]))
        );
        assert_eq!(parse(b"+10 05"), Some(points(&[(10, 5)])));
        assert_eq!(parse(b"10 0"), Some(points(&[(10, 0)])));
        // An empty word is strtoll's 0: no seconds, but zero changes.
        assert_eq!(parse(b"10 "), Some(points(&[(10, 0)])));
        // Changes are a C int on redis-server.
        assert_eq!(parse(b"10 99999999999999999999"), Some(points(&[(10, -1)])));
        assert_eq!(parse(b"10 4294967297"), Some(points(&[(10, 1)])));
        for invalid in [
            &b"100 10 50"[..],
            b"0 10",
            b"10 -1",
            b"  10   5 ",
            b"10 5x",
            b"10 5 ",
            b"x y",
            b"10 +",
            b" 10",
        ] {
            assert_eq!(parse(invalid), None, "{}", String::from_utf8_lossy(invalid));
        }
        assert_eq!(format(&points(&[(3600, 1), (300, 100)])), "3600 1 300 100");
    }

    #[test]
    fn a_point_is_due_after_its_seconds_once_it_has_its_changes() {
        let mut schedule = SaveSchedule::new(points(&[(60, 3), (10, 100)]));
        assert_eq!(schedule.due_ms(1_000), None);
        schedule.changed(3);
        // More than 60 whole seconds after the last save.
        assert_eq!(schedule.due_ms(1_000), Some(1_061_000));
        schedule.changed(97);
        assert_eq!(schedule.due_ms(1_000), Some(1_011_000));
    }

    #[test]
    fn a_background_save_keeps_the_changes_made_while_it_wrote() {
        let mut schedule = SaveSchedule::new(points(&[(1, 1)]));
        schedule.changed(5);
        schedule.background_started(100);
        schedule.changed(2);
        assert!(schedule.awaits_background());
        schedule.background_ended(true);
        assert_eq!(schedule.dirty(), 2);
        assert!(!schedule.awaits_background());
    }

    #[test]
    fn a_failed_background_save_is_retried_after_five_seconds() {
        let mut schedule = SaveSchedule::new(points(&[(1, 1)]));
        schedule.changed(1);
        schedule.background_started(100);
        schedule.background_ended(false);
        assert_eq!(schedule.dirty(), 1);
        assert_eq!(schedule.due_ms(50), Some(106_000));
        schedule.saved();
        assert_eq!(schedule.dirty(), 0);
    }
}
