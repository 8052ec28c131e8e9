//! The snapshot file: Redis's `dir/dbfilename` (`dump.rdb`), written by SAVE, BGSAVE and
//! `SHUTDOWN SAVE`, and loaded when an engine starts on it.
//!
//! The dataset is serialized on the executor (one instant, nothing else runs meanwhile),
//! then written to a temporary file in the same directory, synced, and renamed over the
//! old snapshot, as redis-server does: a crash leaves the old snapshot or the new one,
//! never half of one. SAVE writes on the executor, as redis-server's SAVE blocks it;
//! BGSAVE writes on a thread of its own (redis-server forks), and the next snapshot waits
//! for it. An engine that shuts down finishes a background save first. The serialized
//! file is held in memory until it is written (as a compaction's snapshot of the
//! append-only file is): a snapshot briefly costs about its file's size.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::Clock;

/// Distinguishes the temporary files of engines sharing a directory.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// How the last save went, shared with the thread of a background save.
#[derive(Debug, Default)]
struct Status {
    /// A background save is writing.
    in_progress: AtomicBool,
    /// Unix time in seconds of the last successful save; 0 before the first.
    last_save_secs: AtomicU64,
    /// Whether the last background save failed (INFO's `rdb_last_bgsave_status`).
    last_background_failed: AtomicBool,
    /// Successful saves (INFO's `rdb_saves`).
    saves: AtomicU64,
    /// How long the last background save took, in whole seconds, plus one (0: none yet).
    last_background_secs: AtomicU64,
}

/// An engine's snapshot file and the state of its saves.
pub(crate) struct SnapshotFile {
    path: PathBuf,
    clock: Arc<dyn Clock>,
    status: Arc<Status>,
    background: Option<JoinHandle<()>>,
    /// When the last background save started.
    background_started: Option<std::time::Instant>,
}

impl std::fmt::Debug for SnapshotFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SnapshotFile")
            .field("path", &self.path)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl SnapshotFile {
    pub(crate) fn new(path: PathBuf, clock: Arc<dyn Clock>) -> SnapshotFile {
        SnapshotFile {
            path,
            clock,
            status: Arc::default(),
            background: None,
            background_started: None,
        }
    }

    /// SAVE: writes `file` now, on the calling thread.
    pub(crate) fn save(&mut self, file: &[u8]) -> io::Result<()> {
        write_replacing(&self.path, file)?;
        record_success(&self.status, self.clock.as_ref());
        // As redis-server's rdbSave: INFO's `rdb_last_bgsave_status` is `ok` again.
        self.status
            .last_background_failed
            .store(false, Ordering::Release);
        Ok(())
    }

    /// BGSAVE: writes `file` on a thread of its own. The caller checks
    /// [`SnapshotFile::in_progress`] first.
    pub(crate) fn start_background(&mut self, file: Vec<u8>) -> io::Result<()> {
        self.finish_background();
        self.status.in_progress.store(true, Ordering::Release);
        let started = std::time::Instant::now();
        self.background_started = Some(started);
        let (path, clock, status) = (
            self.path.clone(),
            Arc::clone(&self.clock),
            Arc::clone(&self.status),
        );
        let spawned = std::thread::Builder::new()
            .name("embedis-bgsave".into())
            .spawn(move || {
                let written = write_replacing(&path, &file);
                status
                    .last_background_secs
                    .store(started.elapsed().as_secs() + 1, Ordering::Release);
                status
                    .last_background_failed
                    .store(written.is_err(), Ordering::Release);
                if written.is_ok() {
                    record_success(&status, clock.as_ref());
                }
                status.in_progress.store(false, Ordering::Release);
            });
        match spawned {
            Ok(handle) => {
                self.background = Some(handle);
                Ok(())
            }
            Err(error) => {
                self.status.in_progress.store(false, Ordering::Release);
                Err(error)
            }
        }
    }

    /// Where the snapshot is written.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a background save is still writing.
    pub(crate) fn in_progress(&self) -> bool {
        self.status.in_progress.load(Ordering::Acquire)
    }

    /// Waits for a background save to end (at shutdown, so its file is whole).
    pub(crate) fn finish_background(&mut self) {
        if let Some(handle) = self.background.take() {
            let _ = handle.join();
        }
    }

    /// Unix seconds of the last successful save, if there was one.
    pub(crate) fn last_save_secs(&self) -> Option<u64> {
        match self.status.last_save_secs.load(Ordering::Acquire) {
            0 => None,
            secs => Some(secs),
        }
    }

    /// Whether the last background save failed.
    pub(crate) fn last_background_failed(&self) -> bool {
        self.status.last_background_failed.load(Ordering::Acquire)
    }

    /// How long the last background save took, in whole seconds (`None`: none ended).
    pub(crate) fn last_background_secs(&self) -> Option<u64> {
        self.status
            .last_background_secs
            .load(Ordering::Acquire)
            .checked_sub(1)
    }

    /// How long the background save under way has been writing, in whole seconds.
    pub(crate) fn current_background_secs(&self) -> Option<u64> {
        if !self.in_progress() {
            return None;
        }
        self.background_started
            .map(|started| started.elapsed().as_secs())
    }

    /// How many saves succeeded.
    pub(crate) fn saves(&self) -> u64 {
        self.status.saves.load(Ordering::Acquire)
    }
}

fn record_success(status: &Status, clock: &dyn Clock) {
    // At least 1, so that "never saved" stays distinguishable on a clock at the epoch.
    let secs = (clock.now_micros() / 1_000_000).max(1);
    status.last_save_secs.store(secs, Ordering::Release);
    status.saves.fetch_add(1, Ordering::AcqRel);
}

/// Writes `contents` to a temporary file beside `path`, syncs it, and renames it over
/// `path`; the temporary file is removed if anything fails.
fn write_replacing(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = path.with_file_name(format!(
        "temp-{}-{}.rdb",
        std::process::id(),
        NEXT_TEMP.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    super::sync_directory_of(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ManualClock;
    use std::time::{Duration, UNIX_EPOCH};

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "embedis-unit-snapshot-{name}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_save_replaces_the_file_and_records_its_time() {
        let dir = temp_dir("save");
        let clock = ManualClock::new();
        clock.set(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        let mut file = SnapshotFile::new(dir.join("dump.rdb"), Arc::new(clock.clone()));
        assert_eq!(file.last_save_secs(), None);
        file.save(b"first").unwrap();
        clock.advance(Duration::from_secs(5));
        file.start_background(b"second".to_vec()).unwrap();
        file.finish_background();
        assert!(!file.in_progress());
        assert_eq!(std::fs::read(dir.join("dump.rdb")).unwrap(), b"second");
        assert_eq!(file.last_save_secs(), Some(1_700_000_005));
        assert_eq!(file.saves(), 2);
        assert!(!file.last_background_failed());
        // Only the snapshot is left: no temporary file behind.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_background_save_is_recorded_and_leaves_nothing() {
        let dir = temp_dir("fail");
        let missing = dir.join("no-such-dir").join("dump.rdb");
        let mut file = SnapshotFile::new(missing, Arc::new(ManualClock::new()));
        assert!(file.save(b"x").is_err());
        file.start_background(b"x".to_vec()).unwrap();
        file.finish_background();
        assert!(file.last_background_failed());
        assert_eq!(file.saves(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
