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

/// Replays `path` (if it exists) through `replay`, truncating a torn tail.
///
/// A file that starts with an RDB file (Redis's `aof-use-rdb-preamble`, and the base of a
/// Redis 7 append-only file joined with its increments) has it loaded by `preamble`, which
/// returns its length; the commands after it are replayed. `replay` runs each command;
/// `in_transaction` says whether a MULTI is open, so a file ending inside a transaction is
/// cut back to before its MULTI.
pub(crate) fn load(
    path: &Path,
    preamble: impl FnOnce(&[u8]) -> io::Result<usize>,
    mut replay: impl FnMut(Vec<Bytes>) -> Replayed,
    mut in_transaction: impl FnMut() -> bool,
) -> io::Result<RecoveryReport> {
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok(RecoveryReport::default())
        }
        Err(error) => return Err(error),
    };
    let mut report = RecoveryReport::default();
    let mut at = 0usize;
    if data.starts_with(super::rdb_file::MAGIC) {
        at = preamble(&data)?;
    }
    // The end of the last command applied outside a transaction (or of the last EXEC).
    let mut safe = at;
    while at < data.len() {
        match parse_command(&data[at..]) {
            Parsed::Complete { argv, consumed } => {
                let used = consumed;
                let argv: Vec<Bytes> = argv.into_iter().map(Bytes::copy_from_slice).collect();
                let name = String::from_utf8_lossy(&argv[0]).into_owned();
                match replay(argv) {
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
                if !in_transaction() {
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
    if safe < data.len() {
        report.truncated_bytes = (data.len() - safe) as u64;
        let file = OpenOptions::new().write(true).open(path)?;
        file.set_len(safe as u64)?;
        file.sync_all()?;
    }
    report.bytes = safe as u64;
    Ok(report)
}
