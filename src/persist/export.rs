//! Moving a dataset out of embedis into a real Redis (or Valkey), and back in.
//!
//! [`Engine::export`] writes every key as the Redis commands that rebuild it, in the RESP
//! request format a client sends: the same minimal command stream redis-server's
//! `BGREWRITEAOF` produces. Any Redis 7.0 or later loads it with `redis-cli`'s pipe mode,
//! which sends the commands as fast as the server takes them and counts the replies:
//!
//! ```text
//! redis-cli -h 127.0.0.1 -p 6379 --pipe < dump.resp
//! All data transferred. Waiting for the last reply...
//! Last reply received from server.
//! errors: 0, replies: 1234
//! ```
//!
//! [`Engine::import`] replays such a stream (an export, or any stream of RESP requests)
//! into an engine.
//!
//! # What carries over
//! The export is one atomic snapshot, taken on the executor at one instant of the engine
//! clock; loading it into a server reproduces, key by key and in each of the sixteen
//! databases (the keys of database `n` follow a `SELECT n`; database 0 needs none):
//! - strings (integers as their decimal text), with their absolute deadline (`PXAT`);
//! - streams: every entry with its ID; the last ID, entries-added counter and max-deleted
//!   ID (`XSETID`); empty streams; the deadline (`PEXPIREAT`);
//! - consumer groups: last-delivered ID and entries-read (so `lag` is the same), every
//!   consumer, and every pending entry with its owner, delivery count and delivery time
//!   (`XCLAIM ... TIME ... RETRYCOUNT ... FORCE JUSTID`), including pending entries whose
//!   stream entry was deleted or trimmed, which redis-server's own AOF rewrite loses:
//!   redis-server 7 drops an XCLAIM of a missing entry, so the export gives each such ID a
//!   placeholder entry while the groups are built, then removes the placeholders (by
//!   `XTRIM MINID` below the first live entry, by `XDEL` above it) before the final
//!   `XSETID` restores the counters. No reader ever sees a placeholder.
//!
//! # What does not
//! - Keys already expired at the snapshot are left out. Deadlines are absolute times on the
//!   engine clock: with a [`ManualClock`](crate::ManualClock) far from the wall clock, keys
//!   loaded into a real server expire by the server's clock.
//! - A consumer's `seen-time` / `idle` and `active-time` / `inactive` become the load time:
//!   Redis has no command to set them. Delivery times of pending entries do carry over.
//! - Pending entries released by XNACK (Redis 8.8) are written as `XNACK` commands: a
//!   server older than 8.8 refuses them (`redis-cli --pipe` counts the errors) and those
//!   entries are not restored there.
//! - State outside the keyspace: [`RateLimiter`](crate::RateLimiter)s and
//!   [`KeyedRateLimiter`](crate::KeyedRateLimiter)s (their buckets live in the handle),
//!   pub/sub subscriptions, connections, blocked readers, configuration
//!   (`CONFIG SET notify-keyspace-events`). The buckets of `CL.THROTTLE` are ordinary
//!   integer keys with a deadline and carry over as such.
//!
//! ```
//! use embedis::Engine;
//!
//! let engine = Engine::new();
//! let mut conn = engine.connect();
//! conn.call(["SET", "session:1", "alice", "EX", "3600"]).unwrap();
//! conn.call(["XADD", "orders", "1-1", "sku", "42"]).unwrap();
//! conn.call(["XGROUP", "CREATE", "orders", "billing", "0"]).unwrap();
//! conn.call(["XREADGROUP", "GROUP", "billing", "w1", "STREAMS", "orders", ">"]).unwrap();
//!
//! let dump = engine.export().unwrap(); // `redis-cli --pipe < dump.resp` loads this
//! let copy = Engine::new();
//! copy.import(&dump[..]).unwrap();
//! let mut conn = copy.connect();
//! assert_eq!(conn.call(["GET", "session:1"]).unwrap(), embedis::Reply::bulk("alice"));
//! assert_eq!(conn.call(["XPENDING", "orders", "billing"]).unwrap(),
//!            engine.connect().call(["XPENDING", "orders", "billing"]).unwrap());
//! ```

use std::fmt;
use std::io::{self, Read, Write};

use super::resp::{parse_command, Parsed};
use super::rewrite::rewrite_all;
use crate::{Engine, Error, Pipeline, Reply};

/// Commands an import sends to the executor in one round trip.
const IMPORT_BATCH: usize = 1024;
/// How much an import reads at a time.
const READ_CHUNK: usize = 64 * 1024;

impl Engine {
    /// Every live key as the RESP command stream that rebuilds it on a Redis server (see
    /// the [module docs](crate::persist::export) for the format and what carries over).
    /// One atomic snapshot: nothing runs on the engine while it is taken.
    ///
    /// ```
    /// use embedis::Engine;
    /// let engine = Engine::new();
    /// engine.connect().call(["SET", "greeting", "hello"]).unwrap();
    /// assert_eq!(
    ///     engine.export().unwrap(),
    ///     b"*3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$5\r\nhello\r\n"
    /// );
    /// ```
    pub fn export(&self) -> Result<Vec<u8>, Error> {
        self.atomically(|db| {
            let mut out = Vec::new();
            rewrite_all(db.databases(), db.now_ms(), Some(0), &mut out);
            out
        })
    }

    /// Every live key (and, with Lua, every function library) as a Redis RDB file, the
    /// bytes SAVE would write (see [`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file)):
    /// a redis-server 7.0 started on them as its `dump.rdb` holds this engine's data. One
    /// atomic snapshot, as for [`Engine::export`].
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// engine.connect().call(["SET", "greeting", "hello"]).unwrap();
    /// let rdb = engine.snapshot().unwrap();
    /// assert!(rdb.starts_with(b"REDIS0010"));
    /// # let dir = std::env::temp_dir().join(format!("embedis-doc-snapshot-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("dump.rdb"), &rdb).unwrap();
    /// let copy = embedis::Engine::builder().snapshot_file(dir.join("dump.rdb")).build();
    /// assert_eq!(copy.connect().call(["GET", "greeting"]).unwrap(), embedis::Reply::bulk("hello"));
    /// # drop(copy); std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn snapshot(&self) -> Result<Vec<u8>, Error> {
        self.atomically(|db| db.rdb())
    }

    /// [`Engine::export`] into a writer (a file for `redis-cli --pipe`, a socket to a
    /// server). The snapshot is taken first; the executor does not wait for the writer.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// engine.connect().call(["SET", "k", "v"]).unwrap();
    /// let mut file = Vec::new(); // or std::fs::File::create("dump.resp")?
    /// engine.export_to(&mut file).unwrap();
    /// assert_eq!(file, engine.export().unwrap());
    /// ```
    pub fn export_to(&self, mut writer: impl Write) -> Result<(), ExportError> {
        let dump = self.export().map_err(ExportError::Engine)?;
        writer.write_all(&dump).map_err(ExportError::Io)?;
        writer.flush().map_err(ExportError::Io)
    }

    /// Replays a stream of RESP requests (an [`Engine::export`], or what `redis-cli --pipe`
    /// would send) into this engine, on one connection, in order; returns how many
    /// commands ran.
    ///
    /// The commands are sent in batches of 1,024, each one executor round trip. An import
    /// is not a transaction, as a `redis-cli --pipe` load is not: on an error, the commands
    /// before it and the rest of its batch have run.
    ///
    /// ```
    /// use embedis::{Engine, Reply};
    /// let engine = Engine::new();
    /// let n = engine.import(&b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n"[..]).unwrap();
    /// assert_eq!(n, 1);
    /// assert_eq!(engine.connect().call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    ///
    /// let err = engine.import(&b"*1\r\n$4\r\nPI"[..]).unwrap_err();
    /// assert!(matches!(err, embedis::persist::export::ImportError::Truncated { offset: 0 }));
    /// ```
    pub fn import(&self, mut reader: impl Read) -> Result<u64, ImportError> {
        let mut conn = self.connect();
        let mut buf: Vec<u8> = Vec::new();
        // Stream offset of buf[0], and where the next command starts in buf.
        let (mut base, mut start) = (0u64, 0usize);
        let mut batch = Pipeline::new();
        let mut sent = 0u64;
        let mut chunk = vec![0u8; READ_CHUNK];
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(n) => n,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(ImportError::Io(error)),
            };
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
            loop {
                match parse_command(&buf[start..]) {
                    Parsed::Complete { argv, consumed } => {
                        batch.cmd(argv);
                        start += consumed;
                        if batch.len() == IMPORT_BATCH {
                            sent = run_batch(&mut batch, &mut conn, sent)?;
                        }
                    }
                    Parsed::Incomplete => break,
                    Parsed::Invalid { offset } => {
                        return Err(ImportError::Invalid {
                            offset: base + (start + offset) as u64,
                        })
                    }
                }
            }
            // Keep only the unparsed tail.
            buf.drain(..start);
            base += start as u64;
            start = 0;
        }
        sent = run_batch(&mut batch, &mut conn, sent)?;
        if !buf.is_empty() {
            return Err(ImportError::Truncated { offset: base });
        }
        Ok(sent)
    }
}

/// Sends the batch and empties it; returns the number of commands run so far.
fn run_batch(
    batch: &mut Pipeline,
    conn: &mut crate::Connection,
    sent: u64,
) -> Result<u64, ImportError> {
    if batch.is_empty() {
        return Ok(sent);
    }
    let replies = batch.execute(conn).map_err(ImportError::Engine)?;
    *batch = Pipeline::new();
    let ran = replies.len() as u64;
    for (i, reply) in replies.into_iter().enumerate() {
        if let Reply::Error(error) = reply {
            return Err(ImportError::Command {
                index: sent + i as u64,
                error,
            });
        }
    }
    Ok(sent + ran)
}

/// Why [`Engine::export_to`] failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportError {
    /// The engine could not take the snapshot (it was shut down).
    Engine(Error),
    /// The writer failed.
    Io(io::Error),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Engine(error) => write!(f, "export: {error}"),
            ExportError::Io(error) => write!(f, "export: writing the dump: {error}"),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Engine(error) => Some(error),
            ExportError::Io(error) => Some(error),
        }
    }
}

/// Why [`Engine::import`] stopped. Offsets count bytes from the start of the stream.
///
/// ```
/// use embedis::{persist::export::ImportError, Engine, Error};
/// let engine = Engine::new();
/// let err = engine.import(&b"*1\r\n$4\r\nPING\r\n*1\r\n:1\r\n"[..]).unwrap_err();
/// assert!(matches!(err, ImportError::Invalid { offset: 18 }));
///
/// let err = engine.import(&b"*2\r\n$4\r\nINCR\r\n$1\r\nk\r\n*1\r\n$4\r\nNOPE\r\n"[..]).unwrap_err();
/// assert!(matches!(err, ImportError::Command { index: 1, error: Error::UnknownCommand { .. } }));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ImportError {
    /// The reader failed.
    Io(io::Error),
    /// The bytes are not RESP requests: `offset` is the first byte that cannot belong to one.
    Invalid {
        /// Where the stream stops making sense.
        offset: u64,
    },
    /// The stream ends inside a command (a torn last write): everything before `offset`
    /// was imported.
    Truncated {
        /// Where the incomplete command starts.
        offset: u64,
    },
    /// A command was answered with an error.
    Command {
        /// Its position in the stream, counting from 0.
        index: u64,
        /// The error reply.
        error: Error,
    },
    /// The engine stopped during the import.
    Engine(Error),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io(error) => write!(f, "import: reading the stream: {error}"),
            ImportError::Invalid { offset } => {
                write!(f, "import: not a RESP request stream at byte {offset}")
            }
            ImportError::Truncated { offset } => {
                write!(
                    f,
                    "import: the stream ends inside the command at byte {offset}"
                )
            }
            ImportError::Command { index, error } => {
                write!(f, "import: command {index} failed: {error}")
            }
            ImportError::Engine(error) => write!(f, "import: {error}"),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Io(error) => Some(error),
            ImportError::Command { error, .. } | ImportError::Engine(error) => Some(error),
            ImportError::Invalid { .. } | ImportError::Truncated { .. } => None,
        }
    }
}
