//! Durability and migration: the append-only file, and the dataset as a stream of Redis
//! commands (export to a real Redis, import back; see [`export`]).
//!
//! Off by default. With [`EngineBuilder::append_only`](crate::EngineBuilder::append_only),
//! every write that changed data is appended to the file's log in RESP — the format of
//! Redis's append-only file, so `redis-cli --pipe` loads it into a real server — *before* its
//! reply is released (under [`Fsync::Always`], written and fsynced; under the other policies,
//! queued for a background writer that writes every 2 ms), and the file is replayed when an
//! engine starts on it.
//!
//! - **What is logged** is each write's deterministic effect (see `effects.rs`): absolute
//!   deadlines, the stream IDs chosen, exact trims, and the XCLAIM / XGROUP SETID calls that
//!   redo what a consumer-group read changed. Replaying the file at any later time, on any
//!   clock, rebuilds the same data.
//! - **Group commit**: the executor drains a batch of requests, appends all their effects
//!   with one write, fsyncs once under [`Fsync::Always`], then releases every reply of the
//!   batch. Durability costs one fsync per batch, not per command.
//! - **Recovery** tolerates a torn tail and refuses corruption (see [`RecoveryReport`],
//!   [`AofError`]); a file that starts with an RDB preamble (redis-server's default after a
//!   rewrite) loads it, then replays the commands after it.
//! - **Compaction** rewrites the file as the current dataset, on another thread, and swaps
//!   it in atomically; it starts when the file doubled since the last one (and is at least
//!   64 MiB), or on [`Engine::rewrite_append_only`](crate::Engine::rewrite_append_only).
//! - **Redis 7's directory**: given a directory, the engine keeps the log in Redis 7's
//!   multi-part layout (a manifest naming a base file and incremental files; see
//!   `aof_manifest.rs`), so it starts on a redis-server 7 `appendonlydir` and redis-server 7
//!   starts on its directory. A compaction there writes a new base (an RDB file, as
//!   redis-server does by default) and retires the old files by replacing the manifest.
//! - **Snapshots**: with [`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file),
//!   SAVE, BGSAVE and `SHUTDOWN SAVE` write the dataset as a Redis RDB file (version 10,
//!   redis-server 7.0's: either server loads the other's), and an engine starts from it
//!   (see `rdb_file.rs`, [`SnapshotError`]). [`Engine::snapshot`](crate::Engine::snapshot)
//!   gives the same bytes without a file. [`EngineBuilder::save_point`](crate::EngineBuilder::save_point)
//!   adds Redis's automatic `save` points (see `save_points.rs`).
//!
//! Not logged, as on Redis: pub/sub messages, reads, and rate limiters held outside the
//! keyspace ([`RateLimiter`](crate::RateLimiter)); CL.THROTTLE buckets are keys and are.

pub(crate) mod aof;
pub(crate) mod aof_manifest;
pub(crate) mod commands;
pub(crate) mod effects;
pub mod export;
pub(crate) mod listpack;
pub(crate) mod rdb;
pub(crate) mod rdb_file;
pub(crate) mod rdb_stream;
pub(crate) mod rdb_value;
pub(crate) mod recovery;
pub(crate) mod resp;
pub(crate) mod rewrite;
pub(crate) mod save_points;
pub(crate) mod snapshot;
pub(crate) mod ziplist;

pub use aof::Fsync;
pub use rdb_file::SnapshotError;
pub use recovery::{AofError, RecoveryReport};

/// Makes a rename into `path`'s directory survive a crash: syncs the directory (best
/// effort where directories cannot be opened).
pub(crate) fn sync_directory_of(path: &std::path::Path) {
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        };
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
}
