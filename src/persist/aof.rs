//! The append-only file: where committed effects go, and when they reach the disk.
//!
//! The executor hands over the effects of a whole batch at once ([`AppendOnlyFile::commit`])
//! and releases the batch's replies only after it returns, so:
//! - under [`Fsync::Always`] one `fsync` covers every write of the batch (group commit), and
//!   no caller sees a reply to a write the disk does not hold;
//! - under [`Fsync::EverySec`] the batch is written (to the OS) before its replies, and a
//!   background thread fsyncs at most once a second, off the executor's path, as Redis's
//!   `appendfsync everysec` does;
//! - under [`Fsync::No`] the batch is written before its replies and the OS flushes when it
//!   likes.
//!
//! A compaction ([`AppendOnlyFile::start_rewrite`]) writes a snapshot to a temporary file on
//! another thread while commits go on to the old file and are also kept aside; when the
//! snapshot is on disk, the kept effects follow it, and a `rename` replaces the old file
//! atomically.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{bounded, Receiver, TryRecvError};
use parking_lot::{Condvar, Mutex};

/// When appended writes are flushed to the disk: Redis's `appendfsync`.
///
/// ```
/// use embedis::{Engine, Fsync};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-fsync-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("appendonly.aof");
/// let engine = Engine::builder().append_only(&path, Fsync::EverySec).try_build().unwrap();
/// engine.connect().call(["SET", "k", "v"]).unwrap();
/// drop(engine);
/// let engine = Engine::builder().append_only(&path, Fsync::EverySec).try_build().unwrap();
/// assert_eq!(engine.connect().call(["GET", "k"]).unwrap(), embedis::Reply::bulk("v"));
/// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fsync {
    /// fsync before any reply of a batch is released: a write whose reply was received is on
    /// the disk. One fsync per executor batch, not per command.
    Always,
    /// Write before the replies, fsync once a second in the background: a crash of the
    /// process loses nothing, a crash of the machine loses about a second.
    #[default]
    EverySec,
    /// Write before the replies, never fsync: the operating system decides.
    No,
}

/// When a compaction starts by itself: Redis's `auto-aof-rewrite-percentage` and
/// `auto-aof-rewrite-min-size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AutoRewrite {
    /// Growth over the size after the last compaction, in percent (0: never by itself).
    pub(crate) percentage: u64,
    /// No automatic compaction below this size.
    pub(crate) min_size: u64,
}

impl Default for AutoRewrite {
    fn default() -> AutoRewrite {
        AutoRewrite {
            percentage: 100,
            min_size: 64 << 20,
        }
    }
}

/// The fsync-once-a-second thread of [`Fsync::EverySec`].
#[derive(Debug)]
struct Syncer {
    shared: Arc<SyncShared>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Debug)]
struct SyncShared {
    state: Mutex<SyncState>,
    wake: Condvar,
}

#[derive(Debug)]
struct SyncState {
    file: Option<File>,
    dirty: bool,
    stop: bool,
    /// The last fsync failure, reported with the next commit.
    error: Option<io::Error>,
}

impl Syncer {
    fn start(file: File) -> io::Result<Syncer> {
        let shared = Arc::new(SyncShared {
            state: Mutex::new(SyncState {
                file: Some(file),
                dirty: false,
                stop: false,
                error: None,
            }),
            wake: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("embedis-aof-fsync".into())
            .spawn(move || {
                let mut state = worker.state.lock();
                loop {
                    if !state.stop {
                        worker.wake.wait_for(&mut state, Duration::from_secs(1));
                    }
                    if state.dirty {
                        state.dirty = false;
                        if let Some(file) = state.file.as_ref() {
                            if let Err(error) = file.sync_data() {
                                state.error = Some(error);
                            }
                        }
                    }
                    if state.stop {
                        return;
                    }
                }
            })?;
        Ok(Syncer {
            shared,
            thread: Some(thread),
        })
    }

    fn written(&self) -> io::Result<()> {
        let mut state = self.shared.state.lock();
        state.dirty = true;
        match state.error.take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn replace_file(&self, file: File) {
        let mut state = self.shared.state.lock();
        state.file = Some(file);
        state.dirty = true;
    }
}

impl Drop for Syncer {
    fn drop(&mut self) {
        self.shared.state.lock().stop = true;
        self.shared.wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A compaction under way.
#[derive(Debug)]
struct Rewrite {
    /// The snapshot's file, once it is written and synced.
    done: Receiver<io::Result<File>>,
    /// Effects committed since the snapshot was taken.
    tail: Vec<u8>,
}

/// The open append-only file.
#[derive(Debug)]
#[allow(dead_code)] // compaction is wired to the executor in the next commit
pub(crate) struct AppendOnlyFile {
    file: File,
    path: PathBuf,
    policy: Fsync,
    size: u64,
    /// Size right after the last compaction (or at open): the base of automatic compaction.
    base_size: u64,
    auto: AutoRewrite,
    syncer: Option<Syncer>,
    rewrite: Option<Rewrite>,
    /// Compactions completed.
    pub(crate) rewrites: u64,
}

#[allow(dead_code)] // compaction is wired to the executor in the next commit
impl AppendOnlyFile {
    /// Opens (creating if needed) `path` for appending; `size` is its current length.
    pub(crate) fn open(path: &Path, policy: Fsync, auto: AutoRewrite) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        let size = file.metadata()?.len();
        let syncer = match policy {
            Fsync::EverySec => Some(Syncer::start(file.try_clone()?)?),
            Fsync::Always | Fsync::No => None,
        };
        Ok(AppendOnlyFile {
            file,
            path: path.to_path_buf(),
            policy,
            size,
            base_size: size,
            auto,
            syncer,
            rewrite: None,
            rewrites: 0,
        })
    }

    /// Appends a batch's effects and makes them as durable as the policy promises.
    pub(crate) fn commit(&mut self, effects: &[u8]) -> io::Result<()> {
        if effects.is_empty() {
            return Ok(());
        }
        self.file.write_all(effects)?;
        self.size += effects.len() as u64;
        if let Some(rewrite) = self.rewrite.as_mut() {
            rewrite.tail.extend_from_slice(effects);
        }
        match self.policy {
            Fsync::Always => self.file.sync_data(),
            Fsync::EverySec => self.syncer.as_ref().map_or(Ok(()), Syncer::written),
            Fsync::No => Ok(()),
        }
    }

    /// Whether the file grew enough since the last compaction to compact it again.
    pub(crate) fn wants_rewrite(&self) -> bool {
        self.rewrite.is_none()
            && self.auto.percentage > 0
            && self.size >= self.auto.min_size
            && self.size.saturating_sub(self.base_size) * 100
                >= self.base_size.max(1) * self.auto.percentage
    }

    /// Whether a compaction is under way.
    pub(crate) fn rewriting(&self) -> bool {
        self.rewrite.is_some()
    }

    fn temp_path(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".rewrite");
        self.path.with_file_name(name)
    }

    /// Starts writing `snapshot` (the dataset as commands) to a new file on another thread.
    pub(crate) fn start_rewrite(&mut self, snapshot: Vec<u8>) -> io::Result<()> {
        if self.rewrite.is_some() {
            return Ok(());
        }
        let temp = self.temp_path();
        let (done_tx, done) = bounded(1);
        std::thread::Builder::new()
            .name("embedis-aof-rewrite".into())
            .spawn(move || {
                let written = (|| {
                    let mut file = OpenOptions::new()
                        .create(true)
                        .write(true)
                        .truncate(true)
                        .open(&temp)?;
                    file.write_all(&snapshot)?;
                    file.sync_data()?;
                    Ok(file)
                })();
                let _ = done_tx.send(written);
            })?;
        self.rewrite = Some(Rewrite {
            done,
            tail: Vec::new(),
        });
        Ok(())
    }

    /// Finishes a compaction whose snapshot is written: appends what was committed since,
    /// and swaps the files. Returns whether one finished; an error abandons the compaction
    /// and keeps the old file, which is complete.
    pub(crate) fn poll_rewrite(&mut self) -> io::Result<bool> {
        let Some(rewrite) = self.rewrite.as_mut() else {
            return Ok(false);
        };
        let written = match rewrite.done.try_recv() {
            Ok(written) => written,
            Err(TryRecvError::Empty) => return Ok(false),
            Err(TryRecvError::Disconnected) => Err(io::Error::other("the rewrite thread died")),
        };
        let tail = std::mem::take(&mut rewrite.tail);
        self.rewrite = None;
        let mut file = written?;
        file.write_all(&tail)?;
        file.sync_data()?;
        std::fs::rename(self.temp_path(), &self.path)?;
        if let Some(dir) = self.path.parent() {
            // The rename itself must survive a crash: sync the directory (best effort where
            // directories cannot be opened).
            if let Ok(dir) = File::open(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            }) {
                let _ = dir.sync_all();
            }
        }
        let file = OpenOptions::new().append(true).open(&self.path)?;
        self.size = file.metadata()?.len();
        self.base_size = self.size;
        if let Some(syncer) = self.syncer.as_ref() {
            syncer.replace_file(file.try_clone()?);
        }
        self.file = file;
        self.rewrites += 1;
        Ok(true)
    }

    /// Waits for a compaction under way to finish (at shutdown, and for tests).
    pub(crate) fn finish_rewrite(&mut self) -> io::Result<()> {
        while self.rewrite.is_some() {
            if !self.poll_rewrite()? {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        Ok(())
    }

    /// Flushes everything to the disk (at shutdown).
    pub(crate) fn sync(&mut self) -> io::Result<()> {
        self.file.sync_data()
    }

    /// The file's current size in bytes.
    pub(crate) fn size(&self) -> u64 {
        self.size
    }
}
