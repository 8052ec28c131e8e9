//! The deterministic effects of the writes handled since the last commit.
//!
//! Every write reduces to Redis commands that redo it exactly, whenever they are replayed:
//! relative deadlines become absolute (`SET ... PXAT`, `PEXPIREAT`), `*` stream IDs become
//! the IDs chosen, approximate trimming becomes the exact trim it did, reads that change a
//! consumer group (XREADGROUP, XAUTOCLAIM) become the XCLAIM / XGROUP SETID calls Redis
//! itself propagates, and keys removed because they expired become `DEL`, logged before the
//! command that found them expired. Commands record their effects here while they run; the
//! executor writes the buffer to the append-only file once per batch (see `aof.rs`).

use bytes::Bytes;

use super::resp::{encode_args, encode_command};

/// Effects awaiting the next commit, already in RESP.
#[derive(Debug)]
pub(crate) struct EffectLog {
    /// RESP commands, in execution order.
    pub(crate) buf: Vec<u8>,
    /// How many commands `buf` holds.
    pub(crate) commands: usize,
    /// How many of the keyspace's expired-key records are logged already.
    pub(crate) expired_logged: usize,
    /// Above zero while a command logs its effect itself, so the generic per-key logging
    /// of string writes stays quiet (RENAME, FLUSHALL).
    pub(crate) explicit: u32,
    /// Set while the file cannot be written (the failure, as Redis prints it): write
    /// commands are refused with `MISCONF` instead of piling up effects in memory.
    pub(crate) refusing: Option<String>,
    /// A compaction is under way (BGREWRITEAOF answers that one is in progress).
    pub(crate) rewriting: bool,
    /// The file's figures for INFO, as of the last batch committed.
    pub(crate) status: super::aof::AofStatus,
    /// CONFIG GET's `appendfilename` and `appenddirname` (see `AppendOnlyFile::names`).
    pub(crate) names: (String, Option<String>),
    /// A WAITAOF asked for this batch to be on the disk before its replies go, under a
    /// policy that does not fsync each batch (see `cmd/server.rs`).
    pub(crate) sync_requested: bool,
    /// The database a replay of the file is in after `buf`: an effect in another one is
    /// preceded by `SELECT`, as Redis's AOF does it. A file starts in database 0; `None`
    /// when unknown (after a failed write), so the next effect selects its own.
    pub(crate) selected: Option<usize>,
}

impl Default for EffectLog {
    fn default() -> EffectLog {
        EffectLog {
            buf: Vec::new(),
            commands: 0,
            expired_logged: 0,
            explicit: 0,
            refusing: None,
            rewriting: false,
            status: super::aof::AofStatus::default(),
            names: (String::new(), None),
            sync_requested: false,
            selected: Some(0),
        }
    }
}

/// Where a transaction's effects start, to wrap them in MULTI/EXEC afterwards.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    at: usize,
    commands: usize,
}

impl EffectLog {
    /// Appends one command, a write to database `db`.
    pub(crate) fn command<A: AsRef<[u8]>>(&mut self, db: usize, argv: &[A]) {
        self.write(db, |out| encode_args(argv, out));
    }

    /// Appends one command that `write` encodes (see `commands.rs`), a write to database
    /// `db`.
    pub(crate) fn write(&mut self, db: usize, write: impl FnOnce(&mut Vec<u8>)) {
        self.select(db);
        write(&mut self.buf);
        self.commands += 1;
    }

    /// Appends one command that applies to every database (FLUSHALL).
    pub(crate) fn command_anywhere<A: AsRef<[u8]>>(&mut self, argv: &[A]) {
        encode_args(argv, &mut self.buf);
        self.commands += 1;
    }

    /// `SELECT db`, unless a replay is in that database already. Not counted as a
    /// command: a write and its SELECT need no transaction around them.
    pub(crate) fn select(&mut self, db: usize) {
        if self.selected != Some(db) {
            super::commands::select(db, &mut self.buf);
            self.selected = Some(db);
        }
    }

    /// `DEL key`, for keys of database `db` that expired.
    pub(crate) fn expired(&mut self, db: usize, keys: &[Bytes]) {
        for key in &keys[self.expired_logged.min(keys.len())..] {
            self.command(db, &[b"DEL" as &[u8], key]);
        }
        self.expired_logged = keys.len();
    }

    /// The position a transaction starts at.
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            at: self.buf.len(),
            commands: self.commands,
        }
    }

    /// Wraps the effects since `mark` in MULTI/EXEC if there are several, so replay applies
    /// them together or (cut short by a crash) not at all — as Redis logs a transaction.
    pub(crate) fn wrap_transaction(&mut self, mark: Mark) {
        if self.commands - mark.commands < 2 {
            return;
        }
        let mut multi = Vec::with_capacity(16);
        encode_command(&[b"MULTI"], &mut multi);
        self.buf.splice(mark.at..mark.at, multi);
        encode_command(&[b"EXEC"], &mut self.buf);
        self.commands += 2;
    }

    /// Whether nothing awaits a commit.
    pub(crate) fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Forgets the committed effects, keeping the buffer's memory for the next batch.
    pub(crate) fn clear(&mut self) {
        self.commands = 0;
        self.buf.clear();
        // ... unless one huge batch grew it: memory stays bounded by the usual batch.
        if self.buf.capacity() > 1 << 20 {
            self.buf = Vec::new();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transaction_of_several_effects_is_wrapped_and_a_single_one_is_not() {
        let mut log = EffectLog::default();
        let mark = log.mark();
        log.command(0, &["SET", "a", "1"]);
        log.wrap_transaction(mark);
        assert_eq!(log.commands, 1);
        let mark = log.mark();
        log.command(0, &["SET", "b", "2"]);
        log.command(0, &["SET", "c", "3"]);
        log.wrap_transaction(mark);
        let text = String::from_utf8(std::mem::take(&mut log.buf)).unwrap();
        assert!(text.starts_with("*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*1\r\n$5\r\nMULTI\r\n"));
        assert!(text.ends_with("*1\r\n$4\r\nEXEC\r\n"));
    }

    #[test]
    fn expired_keys_are_logged_once() {
        let mut log = EffectLog::default();
        let keys = vec![Bytes::from("a"), Bytes::from("b")];
        log.expired(0, &keys[..1]);
        log.expired(0, &keys);
        assert_eq!(log.commands, 2);
    }

    #[test]
    fn a_write_to_another_database_is_preceded_by_one_select() {
        let mut log = EffectLog::default();
        log.command(0, &["SET", "a", "1"]);
        log.command(3, &["SET", "b", "2"]);
        log.command(3, &["SET", "c", "3"]);
        log.command_anywhere(&["FLUSHALL"]);
        log.command(0, &["SET", "d", "4"]);
        let text = String::from_utf8(std::mem::take(&mut log.buf)).unwrap();
        let names: Vec<&str> = text
            .split("\r\n")
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphanumeric()))
            .collect();
        assert_eq!(
            names,
            [
                "SET", "a", "1", "SELECT", "3", "SET", "b", "2", "SET", "c", "3", "FLUSHALL",
                "SELECT", "0", "SET", "d", "4"
            ]
        );
        // SELECT is not an effect of its own: a write and its SELECT need no MULTI.
        assert_eq!(log.commands, 4 + 1);
    }
}
