//! The append-only file: where committed effects go, and when they reach the disk.
//!
//! The executor hands over the effects of a whole batch at once ([`AppendOnlyFile::commit`])
//! and releases the batch's replies only after it returns, so:
//! - under [`Fsync::Always`] one `fsync` covers every write of the batch (group commit), and
//!   no caller sees a reply to a write the disk does not hold;
//! - under [`Fsync::EverySec`] the batch is queued in memory before its replies, and a
//!   background thread writes the queue every 2 ms and fsyncs once a second, so the executor
//!   makes no system call for durability (Redis's `appendfsync everysec` writes on its main
//!   thread and fsyncs in the background). A crash of the process loses at most the last
//!   2 ms of writes, a crash of the machine about a second; what survives is always a prefix;
//! - under [`Fsync::No`] the same, without the fsyncs: the OS flushes when it likes.
//!
//! A compaction ([`AppendOnlyFile::start_rewrite`]) writes a snapshot to a temporary file on
//! another thread while commits go on to the old file and are also kept aside; when the
//! snapshot is on disk, the kept effects follow it, and a `rename` replaces the old file
//! atomically.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{bounded, Receiver, TryRecvError};
use parking_lot::{Condvar, Mutex};

use super::aof_manifest::{create_truncated, AofDirectory};

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
    /// Written by a background thread every 2 ms and fsynced once a second: a crash of the
    /// process loses at most the last 2 ms of writes, a crash of the machine about a second,
    /// and what survives is a prefix. Nearly free for the executor.
    #[default]
    EverySec,
    /// Written by a background thread every 2 ms, never fsynced: the operating system
    /// decides when the data reaches the disk.
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

/// How long effects may wait in memory before the background writer hands them to the OS
/// (under [`Fsync::EverySec`] and [`Fsync::No`]): the most a crash of the process can lose.
const WRITE_INTERVAL: Duration = Duration::from_millis(2);

/// Effects waiting for the background writer beyond which the executor waits for it:
/// memory stays bounded when the disk is slower than the writes.
const MAX_PENDING: usize = 16 << 20;

/// How often the writer retries after a failed write (Redis retries from its `serverCron`).
const RETRY_INTERVAL: Duration = Duration::from_millis(100);

/// The writer thread of [`Fsync::EverySec`] and [`Fsync::No`]: it takes the effects the
/// executor queued, writes them every [`WRITE_INTERVAL`], and fsyncs once a second (under
/// `EverySec`). The executor only copies bytes into memory: no system call on its path.
///
/// A failed write (a full disk) is cut back to the last whole command and kept to be
/// retried; until a write or fsync succeeds again, [`Writer::failure`] names the error
/// and the executor refuses writes with Redis's `MISCONF`, as redis-server does, so the
/// memory the unwritten effects take stops growing.
#[derive(Debug)]
struct Writer {
    shared: Arc<WriterShared>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Debug)]
struct WriterShared {
    state: Mutex<WriterState>,
    /// Wakes the writer early (a full queue, a stop).
    wake: Condvar,
    /// Wakes an executor waiting for the queue to drain.
    drained: Condvar,
    /// Whether the last write or fsync failed: read by the executor before each write
    /// command, so kept apart from the lock.
    failed: AtomicBool,
}

#[derive(Debug)]
struct WriterState {
    pending: Vec<u8>,
    /// The file to write to; replaced after a compaction (`generation` tells the writer).
    file: File,
    generation: u64,
    /// Whether bytes the writer could not write to the old file go to the new one (a new
    /// incremental file follows the old one) or are dropped (a compacted file holds them).
    carry_over: bool,
    /// Whether a write is in flight (its bytes left `pending` but are not in the file yet).
    writing: bool,
    stop: bool,
    /// Why the last write or fsync failed, while it has not succeeded since.
    failure: Option<String>,
}

impl Writer {
    fn start(file: File, fsync: bool) -> io::Result<Writer> {
        let shared = Arc::new(WriterShared {
            state: Mutex::new(WriterState {
                pending: Vec::new(),
                file: file.try_clone()?,
                generation: 0,
                carry_over: false,
                writing: false,
                stop: false,
                failure: None,
            }),
            wake: Condvar::new(),
            drained: Condvar::new(),
            failed: AtomicBool::new(false),
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("embedis-aof-writer".into())
            .spawn(move || write_loop(&worker, file, fsync))?;
        Ok(Writer {
            shared,
            thread: Some(thread),
        })
    }

    /// Queues a batch's effects; waits only if the writer is [`MAX_PENDING`] behind.
    fn queue(&self, effects: &[u8]) {
        let mut state = self.shared.state.lock();
        // A failing writer keeps what it could not write, so waiting for it would hang:
        // writes are refused meanwhile, which bounds the queue instead.
        while state.pending.len() > MAX_PENDING && !state.stop && state.failure.is_none() {
            self.shared.wake.notify_one();
            self.shared.drained.wait(&mut state);
        }
        state.pending.extend_from_slice(effects);
    }

    /// Why writing to the file fails, while it does.
    fn failure(&self) -> Option<String> {
        if !self.shared.failed.load(Ordering::Acquire) {
            return None;
        }
        self.shared.state.lock().failure.clone()
    }

    /// From now on, writes go to `file`, which a compaction wrote and synced whole: what
    /// was queued (or kept after a failure) for the old one is dropped, since the
    /// compaction's tail holds it already, and a failure of the old file is over.
    fn replace_file(&self, file: File) {
        let mut state = self.shared.state.lock();
        state.pending.clear();
        state.file = file;
        state.generation += 1;
        state.carry_over = false;
        state.failure = None;
        self.shared.failed.store(false, Ordering::Release);
    }

    /// From now on, writes go to `file`, which follows the current one: what is queued is
    /// written to the current file first (or, if that file refuses it, to the new one).
    fn follow_with(&self, file: File) {
        self.flush();
        let mut state = self.shared.state.lock();
        state.file = file;
        state.generation += 1;
        state.carry_over = true;
    }

    /// Waits until everything queued is in the file (or the file refuses it).
    fn flush(&self) {
        let mut state = self.shared.state.lock();
        while (!state.pending.is_empty() || state.writing) && !state.stop && state.failure.is_none()
        {
            self.shared.wake.notify_one();
            self.shared.drained.wait(&mut state);
        }
    }
}

/// The file's failure text as Redis prints it (`strerror`), without Rust's
/// ` (os error N)` suffix.
pub(crate) fn describe(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

fn write_loop(shared: &WriterShared, mut file: File, fsync: bool) {
    let mut generation = 0;
    let mut last_sync = std::time::Instant::now();
    let mut unsynced = false;
    let mut buffer = Vec::new();
    // Where the file's whole commands end: a failed write is cut back to it.
    let mut good_size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut retrying = false;
    let mut state = shared.state.lock();
    loop {
        if !state.stop {
            if retrying {
                shared.wake.wait_for(&mut state, RETRY_INTERVAL);
            } else if state.pending.is_empty() {
                shared.wake.wait_for(&mut state, WRITE_INTERVAL);
            }
        }
        if state.generation != generation {
            // A compaction replaced the file, and what was kept for the old one is in it;
            // or a new file follows the old one, and what was kept goes there.
            if !state.carry_over {
                buffer.clear();
            }
            if fsync && unsynced {
                let _ = file.sync_data();
                unsynced = false;
            }
            match state.file.try_clone() {
                Ok(new) => {
                    good_size = new.metadata().map(|m| m.len()).unwrap_or(0);
                    file = new;
                    generation = state.generation;
                }
                Err(error) => state.failure = Some(describe(&error)),
            }
        }
        // Kept bytes of a failed write go first.
        if buffer.is_empty() {
            std::mem::swap(&mut buffer, &mut state.pending);
        } else {
            buffer.extend_from_slice(&state.pending);
            state.pending.clear();
        }
        let stop = state.stop;
        state.writing = !buffer.is_empty();
        drop(state);
        let mut failure = None;
        let mut succeeded = false;
        if !buffer.is_empty() {
            match file.write_all(&buffer) {
                Ok(()) => {
                    good_size += buffer.len() as u64;
                    buffer.clear();
                    unsynced = true;
                    succeeded = true;
                }
                Err(error) => {
                    // Half a command must not stay in the file: cut it, keep the bytes.
                    let _ = file.set_len(good_size);
                    failure = Some(describe(&error));
                }
            }
        }
        if fsync && unsynced && (stop || last_sync.elapsed() >= Duration::from_secs(1)) {
            match file.sync_data() {
                Ok(()) => {
                    unsynced = false;
                    succeeded = true;
                }
                Err(error) => failure = Some(describe(&error)),
            }
            last_sync = std::time::Instant::now();
        }
        retrying = failure.is_some();
        state = shared.state.lock();
        state.writing = false;
        if let Some(failure) = failure {
            state.failure = Some(failure);
            shared.failed.store(true, Ordering::Release);
        } else if succeeded && state.failure.is_some() {
            // Redis: "AOF write error looks solved, Redis can write again."
            state.failure = None;
            shared.failed.store(false, Ordering::Release);
        }
        shared.drained.notify_all();
        if stop && (state.pending.is_empty() || retrying) {
            // At a stop, one more attempt only: a disk that refuses cannot hold the exit.
            return;
        }
    }
}

impl Drop for Writer {
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

/// What INFO persistence reports of the file and its compactions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct AofStatus {
    /// Compactions started (`aof_rewrites`).
    pub(crate) rewrites: u64,
    /// Compactions failed since the last that succeeded.
    pub(crate) failures_in_a_row: u64,
    /// Whether the last compaction failed (`aof_last_bgrewrite_status:err`).
    pub(crate) last_failed: bool,
    /// How long the last compaction took, in whole seconds.
    pub(crate) last_secs: Option<u64>,
    /// When the compaction under way started.
    pub(crate) running_since: Option<std::time::Instant>,
    /// Length of the whole log, and what it was right after the last compaction.
    pub(crate) size: u64,
    pub(crate) base_size: u64,
    /// How the file was configured (CONFIG GET's `appendfsync`, the
    /// `auto-aof-rewrite-*` pair, and whether it is a directory with RDB bases).
    pub(crate) fsync: Fsync,
    pub(crate) auto: AutoRewrite,
    pub(crate) directory: bool,
}

/// The open append-only file.
#[derive(Debug)]
pub(crate) struct AppendOnlyFile {
    /// The file appended to: the one file, or the last incremental file of a directory.
    file: File,
    path: PathBuf,
    /// Its length.
    file_len: u64,
    /// Redis 7's multi-part layout, when the engine was given a directory.
    directory: Option<AofDirectory>,
    policy: Fsync,
    /// Length of the whole log (every file of a directory).
    size: u64,
    /// Size right after the last compaction (or at open): the base of automatic compaction.
    base_size: u64,
    auto: AutoRewrite,
    /// The background writer (`EverySec`, `No`); `None` under `Always`.
    writer: Option<Writer>,
    rewrite: Option<Rewrite>,
    /// Compactions, for INFO (`size` and `base_size` are filled in when asked).
    status: AofStatus,
}

impl AppendOnlyFile {
    /// Opens (creating if needed) `path` for appending: a file, or a directory in Redis 7's
    /// multi-part layout (its last incremental file; history files are deleted first, as
    /// redis-server does at its start).
    pub(crate) fn open(path: &Path, policy: Fsync, auto: AutoRewrite) -> io::Result<Self> {
        let (file, path, directory) = if path.is_dir() {
            let mut directory = AofDirectory::read(path)?;
            directory.delete_history()?;
            let (file, last) = directory.open_last_increment()?;
            (file, last, Some(directory))
        } else {
            let file = OpenOptions::new().create(true).append(true).open(path)?;
            (file, path.to_path_buf(), None)
        };
        let file_len = file.metadata()?.len();
        let size = directory.as_ref().map_or(file_len, AofDirectory::data_size);
        let writer = match policy {
            Fsync::Always => None,
            Fsync::EverySec => Some(Writer::start(file.try_clone()?, true)?),
            Fsync::No => Some(Writer::start(file.try_clone()?, false)?),
        };
        Ok(AppendOnlyFile {
            file,
            path,
            file_len,
            directory,
            policy,
            size,
            base_size: size,
            auto,
            writer,
            rewrite: None,
            status: AofStatus::default(),
        })
    }

    /// Appends a batch's effects and makes them as durable as the policy promises: in the
    /// file and on the disk under `Always`; queued for the background writer otherwise.
    pub(crate) fn commit(&mut self, effects: &[u8]) -> io::Result<()> {
        if effects.is_empty() {
            return Ok(());
        }
        if let Some(rewrite) = self.rewrite.as_mut() {
            // A directory's compaction started a new file for them instead.
            if self.directory.is_none() {
                rewrite.tail.extend_from_slice(effects);
            }
        }
        if let Some(writer) = self.writer.as_ref() {
            self.size += effects.len() as u64;
            self.file_len += effects.len() as u64;
            writer.queue(effects);
            return Ok(());
        }
        if let Err(error) = self.file.write_all(effects) {
            // A short write would leave half a command in the middle of the file: cut it
            // off, so the next batch follows whole commands.
            let _ = self.file.set_len(self.file_len);
            return Err(error);
        }
        self.size += effects.len() as u64;
        self.file_len += effects.len() as u64;
        self.file.sync_data()
    }

    /// Why writes must be refused (Redis's `MISCONF`): the background writer cannot write
    /// or fsync the file, and has not managed to since. Under `Always` each batch reports
    /// its own failure to its own callers instead.
    /// Switches to another fsync policy: the background writer (if any) writes what it
    /// holds and stops, the file is synced, and a writer for the new policy starts (none
    /// under `Always`). Refused while the writer cannot write: it would drop what it holds.
    pub(crate) fn set_policy(&mut self, policy: Fsync) -> io::Result<()> {
        if policy == self.policy {
            return Ok(());
        }
        if let Some(failure) = self.write_failure() {
            return Err(io::Error::other(failure));
        }
        if let Some(writer) = self.writer.take() {
            writer.flush();
        }
        self.file.sync_data()?;
        self.writer = match policy {
            Fsync::Always => None,
            Fsync::EverySec => Some(Writer::start(self.file.try_clone()?, true)?),
            Fsync::No => Some(Writer::start(self.file.try_clone()?, false)?),
        };
        self.policy = policy;
        Ok(())
    }

    /// Whether a compaction is under way (started, not yet swapped in or abandoned).
    pub(crate) fn is_rewriting(&self) -> bool {
        self.rewrite.is_some()
    }

    pub(crate) fn write_failure(&self) -> Option<String> {
        self.writer.as_ref().and_then(Writer::failure)
    }

    /// Whether replies must wait for [`AppendOnlyFile::commit`]: only under `Always` does a
    /// reply promise the disk holds the write.
    pub(crate) fn holds_replies(&self) -> bool {
        self.policy == Fsync::Always
    }

    /// Whether the file grew enough since the last compaction to compact it again.
    pub(crate) fn wants_rewrite(&self) -> bool {
        self.rewrite.is_none()
            && self.auto.percentage > 0
            && self.size >= self.auto.min_size
            && self.size.saturating_sub(self.base_size) * 100
                >= self.base_size.max(1) * self.auto.percentage
    }

    fn temp_path(&self) -> PathBuf {
        if let Some(directory) = self.directory.as_ref() {
            return directory.path_of(&format!("temp-rewriteaof-{}", directory.name));
        }
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".rewrite");
        self.path.with_file_name(name)
    }

    /// The names CONFIG GET reports: `appendfilename` (the file's, or the one a
    /// directory's files start with) and `appenddirname` (the directory's, if it is one).
    pub(crate) fn names(&self) -> (String, Option<String>) {
        match self.directory.as_ref() {
            Some(directory) => (
                directory.name.clone(),
                directory
                    .dir
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned()),
            ),
            None => (
                self.path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                None,
            ),
        }
    }

    /// Whether the log is a directory in Redis 7's layout (its base is an RDB file).
    pub(crate) fn is_directory(&self) -> bool {
        self.directory.is_some()
    }

    /// Whether the file appended to starts empty in a directory: its first write must
    /// select its database, as each file of a directory is loaded by a new connection.
    pub(crate) fn starts_new_file(&self) -> bool {
        self.directory.is_some() && self.file_len == 0
    }

    /// Starts writing `snapshot` (the dataset: commands for one file, an RDB file for a
    /// directory's base) to a new file on another thread.
    ///
    /// In a directory, the writes from now on go to a new incremental file, named in the
    /// manifest at once: the snapshot plus that file is the dataset (see
    /// `aof_manifest.rs`), and the caller must select the database again before its next
    /// write ([`AppendOnlyFile::starts_new_file`]).
    pub(crate) fn start_rewrite(&mut self, snapshot: Vec<u8>) -> io::Result<()> {
        if self.rewrite.is_some() {
            return Ok(());
        }
        self.status.running_since = Some(std::time::Instant::now());
        let started = self.spawn_rewrite(snapshot);
        match started {
            // As redis-server counts a rewrite once its child runs.
            Ok(()) => self.status.rewrites += 1,
            Err(_) => self.record_rewrite(false),
        }
        started
    }

    /// INFO persistence's figures.
    pub(crate) fn status(&self) -> AofStatus {
        AofStatus {
            size: self.size,
            base_size: self.base_size,
            fsync: self.policy,
            auto: self.auto,
            directory: self.directory.is_some(),
            ..self.status
        }
    }

    /// A compaction ended (or could not start).
    fn record_rewrite(&mut self, succeeded: bool) {
        let started = self.status.running_since.take();
        self.status.last_secs = started.map(|started| started.elapsed().as_secs());
        self.status.last_failed = !succeeded;
        self.status.failures_in_a_row = if succeeded {
            0
        } else {
            self.status.failures_in_a_row + 1
        };
    }

    fn spawn_rewrite(&mut self, snapshot: Vec<u8>) -> io::Result<()> {
        if self.directory.is_some() {
            self.start_next_increment()?;
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
        let swapped = self.swap_in(written, &tail);
        self.record_rewrite(swapped.is_ok());
        swapped.map(|()| true)
    }

    /// Makes the written snapshot (and `tail`, what was committed since) the log.
    fn swap_in(&mut self, written: io::Result<File>, tail: &[u8]) -> io::Result<()> {
        if self.directory.is_some() {
            drop(written?);
            return self.install_base();
        }
        let mut file = written?;
        file.write_all(tail)?;
        file.sync_data()?;
        std::fs::rename(self.temp_path(), &self.path)?;
        super::sync_directory_of(&self.path);
        let file = OpenOptions::new().append(true).open(&self.path)?;
        self.size = file.metadata()?.len();
        self.file_len = self.size;
        self.base_size = self.size;
        if let Some(writer) = self.writer.as_ref() {
            writer.replace_file(file.try_clone()?);
        }
        self.file = file;
        Ok(())
    }

    /// Adds a new incremental file to the directory's manifest and appends to it from now
    /// on; the current one is complete (flushed, and synced under the fsync policies).
    fn start_next_increment(&mut self) -> io::Result<()> {
        let Some(directory) = self.directory.as_mut() else {
            return Ok(());
        };
        let mut manifest = directory.manifest.clone();
        let name = manifest.add_increment(&directory.name);
        let path = directory.path_of(&name);
        let file = create_truncated(&path)?;
        if let Err(error) = directory.persist(manifest) {
            let _ = std::fs::remove_file(&path);
            return Err(error);
        }
        if let Some(writer) = self.writer.as_ref() {
            writer.follow_with(file.try_clone()?);
        }
        self.file = file;
        self.path = path;
        self.file_len = 0;
        Ok(())
    }

    /// Makes the written snapshot the directory's base: the old base and the incremental
    /// files before the current one become history and are deleted.
    fn install_base(&mut self) -> io::Result<()> {
        let temp = self.temp_path();
        let Some(directory) = self.directory.as_mut() else {
            return Ok(());
        };
        let mut manifest = directory.manifest.clone();
        let base = manifest.replace_base(&directory.name);
        std::fs::rename(&temp, directory.path_of(&base))?;
        directory.persist(manifest)?;
        // The dataset no longer needs them; a failure leaves them named as history, for
        // the next start to delete.
        let _ = directory.delete_history();
        self.size = directory.data_size();
        self.base_size = self.size;
        Ok(())
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
        if let Some(writer) = self.writer.as_ref() {
            writer.flush();
        }
        self.file.sync_data()
    }
}
