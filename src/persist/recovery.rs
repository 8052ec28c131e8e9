//! Loading an append-only file at start.
//!
//! The file is read command by command and each is replayed as if a client sent it
//! (MULTI/EXEC included, so a transaction cut short by a crash is not applied). What the end
//! of the file may look like after a crash decides what is tolerated:
//! - a last command cut short (a torn write), or a MULTI without its EXEC, is a *torn tail*:
//!   it is reported, the file is truncated to its last whole command, and loading succeeds,
//!   as Redis does with `aof-load-truncated yes`; no reply was ever released for those bytes
//!   under [`Fsync::Always`](super::Fsync::Always), so nothing acknowledged is lost;
//! - bytes that are not RESP before the end are *corruption*: loading fails with
//!   [`AofError::Corrupt`] naming the offset, and the file is left untouched for a human.

use std::fmt;
use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use super::aof_manifest::AofDirectory;
use super::resp::{parse_command, Parsed};

/// What loading an append-only file found.
///
/// ```
/// use embedis::{Engine, Fsync};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-recovery-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("appendonly.aof");
/// // A whole command, then one cut short by a crash.
/// std::fs::write(&path, b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nDEL").unwrap();
/// let engine = Engine::builder().append_only(&path, Fsync::Always).try_build().unwrap();
/// let report = engine.recovery().unwrap();
/// assert_eq!(report.commands, 1);
/// assert_eq!(report.truncated_bytes, 11);
/// assert_eq!(engine.connect().call(["GET", "k"]).unwrap(), embedis::Reply::bulk("v"));
/// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecoveryReport {
    /// Commands replayed.
    pub commands: u64,
    /// Replayed commands that answered an error (as Redis does, loading goes on).
    pub failed: u64,
    /// Bytes of the file kept.
    pub bytes: u64,
    /// Bytes of a torn tail cut off the end of the file (0: the file ended cleanly).
    pub truncated_bytes: u64,
}

/// Why an append-only file cannot be loaded.
///
/// ```
/// use embedis::{AofError, Engine, Fsync};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-corrupt-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("appendonly.aof");
/// std::fs::write(&path, b"*1\r\n$4\r\nPING\r\nGARBAGE*1\r\n$4\r\nPING\r\n").unwrap();
/// let error = Engine::builder().append_only(&path, Fsync::Always).try_build().unwrap_err();
/// let cause = error.get_ref().and_then(|e| e.downcast_ref::<AofError>()).unwrap();
/// assert!(matches!(cause, AofError::Corrupt { offset: 14, .. }));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum AofError {
    /// The file holds bytes that are not RESP commands, before its end.
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first bad byte.
        offset: u64,
        /// What was expected there.
        reason: &'static str,
    },
    /// A command the engine does not know (a file written by a newer version, or by a
    /// Redis with modules).
    UnknownCommand {
        /// The file.
        path: PathBuf,
        /// Byte offset of the command.
        offset: u64,
        /// The command's name.
        name: String,
    },
    /// The manifest of an append-only directory (Redis 7's `appendonlydir`) cannot be
    /// read, or names a file the directory does not hold.
    Manifest {
        /// The manifest.
        path: PathBuf,
        /// Its line at fault, from 1 (0: the file as a whole).
        line: usize,
        /// What is wrong: redis-server's text where it has one (`Invalid AOF manifest file
        /// format`, ...).
        reason: &'static str,
    },
}

impl fmt::Display for AofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AofError::Corrupt {
                path,
                offset,
                reason,
            } => write!(
                f,
                "Bad file format reading the append only file {}: at offset {offset}: {reason}",
                path.display()
            ),
            AofError::UnknownCommand { path, offset, name } => write!(
                f,
                "Unknown command '{name}' reading the append only file {} at offset {offset}",
                path.display()
            ),
            AofError::Manifest {
                path,
                line: 0,
                reason,
            } => {
                write!(f, "The AOF manifest {}: {reason}", path.display())
            }
            AofError::Manifest { path, line, reason } => write!(
                f,
                "The AOF manifest {}, at line {line}: {reason}",
                path.display()
            ),
        }
    }
}

impl std::error::Error for AofError {}

impl From<AofError> for io::Error {
    fn from(error: AofError) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, error)
    }
}

/// What replaying one command did.
pub(crate) enum Replayed {
    /// Applied (or queued inside MULTI).
    Ok,
    /// Answered an error reply.
    Failed,
    /// Not a command the engine knows.
    Unknown,
}

/// What loading a file drives: the engine, replaying into a connection of its own.
pub(crate) trait Replayer {
    /// Loads the RDB file at the start of `data` (a preamble); returns its length.
    fn preamble(&mut self, data: &[u8]) -> io::Result<usize>;
    /// Runs one command.
    fn replay(&mut self, argv: Vec<Bytes>) -> Replayed;
    /// Whether a MULTI is open.
    fn in_transaction(&self) -> bool;
    /// A new file of a multi-part directory starts: as redis-server, with a new
    /// connection (database 0).
    fn next_file(&mut self);
}

/// Replays `path` (if it exists) through `replayer`, truncating a torn tail.
///
/// `path` is one file, or a directory in Redis 7's multi-part layout (see
/// `aof_manifest.rs`), whose base and incremental files are replayed in the manifest's
/// order; only the last of them may end torn.
///
/// A file that starts with an RDB file (Redis's `aof-use-rdb-preamble`, and the base of a
/// Redis 7 append-only directory) has it loaded as a preamble; the commands after it are
/// replayed. A file ending inside a transaction is cut back to before its MULTI.
pub(crate) fn load(path: &Path, replayer: &mut impl Replayer) -> io::Result<RecoveryReport> {
    if path.is_dir() {
        let parts = AofDirectory::read(path)?.data_paths()?;
        let mut report = RecoveryReport::default();
        for (index, part) in parts.iter().enumerate() {
            let data = std::fs::read(part)?;
            if index > 0 {
                replayer.next_file();
            }
            let loaded = load_file(part, &data, index + 1 == parts.len(), replayer)?;
            report.commands += loaded.commands;
            report.failed += loaded.failed;
            report.bytes += loaded.bytes;
            report.truncated_bytes += loaded.truncated_bytes;
        }
        return Ok(report);
    }
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok(RecoveryReport::default())
        }
        Err(error) => return Err(error),
    };
    load_file(path, &data, true, replayer)
}

/// Replays one file's `data`; a torn tail is cut off if the file is the `last` one read,
/// and refused otherwise (the writes after it, in the next file, would replay without it).
fn load_file(
    path: &Path,
    data: &[u8],
    last: bool,
    replayer: &mut impl Replayer,
) -> io::Result<RecoveryReport> {
    let mut report = RecoveryReport::default();
    let mut at = 0usize;
    if data.starts_with(super::rdb_file::MAGIC) {
        at = replayer.preamble(data)?;
    }
    // The end of the last command applied outside a transaction (or of the last EXEC).
    let mut safe = at;
    while at < data.len() {
        match parse_command(&data[at..]) {
            Parsed::Complete { argv, consumed } => {
                let used = consumed;
                let argv: Vec<Bytes> = argv.into_iter().map(Bytes::copy_from_slice).collect();
                let name = String::from_utf8_lossy(&argv[0]).into_owned();
                match replayer.replay(argv) {
                    Replayed::Ok => {}
                    Replayed::Failed => report.failed += 1,
                    Replayed::Unknown => {
                        return Err(AofError::UnknownCommand {
                            path: path.to_path_buf(),
                            offset: at as u64,
                            name,
                        }
                        .into())
                    }
                }
                report.commands += 1;
                at += used;
                if !replayer.in_transaction() {
                    safe = at;
                }
            }
            Parsed::Incomplete => break,
            Parsed::Invalid { offset: bad } => {
                let reason = "bytes that are not a RESP command";
                // A crash can leave the end of a file filled with zeros (the length was
                // updated, the data not): that is a torn tail, not corruption.
                if data[at..].iter().all(|&byte| byte == 0) {
                    break;
                }
                return Err(AofError::Corrupt {
                    path: path.to_path_buf(),
                    offset: (at + bad) as u64,
                    reason,
                }
                .into());
            }
        }
    }
    if safe < data.len() && !last {
        return Err(AofError::Corrupt {
            path: path.to_path_buf(),
            offset: safe as u64,
            reason: "a torn end in a file that is not the last one",
        }
        .into());
    }
    if safe < data.len() {
        report.truncated_bytes = (data.len() - safe) as u64;
        let file = OpenOptions::new().write(true).open(path)?;
        file.set_len(safe as u64)?;
        file.sync_all()?;
    }
    report.bytes = safe as u64;
    Ok(report)
}
