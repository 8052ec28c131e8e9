//! The append-only file's view of stream commands: what each one logs as its effect.
//!
//! Stream commands log their effects themselves (the generic per-key logging in
//! `context.rs` only knows strings). The rules follow what Redis propagates:
//! - XADD logs the entry with the ID it got, never `*`; a trim it did becomes an exact
//!   `XTRIM key MAXLEN = <length left>` (the same entries go, whatever the original
//!   strategy, `~` or LIMIT);
//! - a command that changes a consumer group's pending entries (XREADGROUP, XCLAIM,
//!   XAUTOCLAIM) opens a [`Journal`] on the group, and at its end logs the final state of
//!   every pending entry it touched — `XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n
//!   FORCE JUSTID` for one that is pending, `XACK` for one that is gone — then
//!   `XGROUP CREATECONSUMER` for consumers it created and `XGROUP SETID ... ENTRIESREAD` if
//!   the group's position moved. Replaying those redoes the read exactly, delivery times
//!   and counts included.

use bytes::Bytes;

use super::context::Ctx;
use super::stream_group::RefPolicy;
use crate::persist::commands;
use crate::persist::resp::{encode_command, write_array_len, write_bulk};
use crate::store::stream::{Journal, StreamId};
use crate::store::value::Value;

/// A group's position before a command, to log a move.
pub(crate) type Position = (StreamId, Option<u64>);

impl Ctx<'_> {
    /// `XADD key id field value ...`.
    pub(crate) fn log_xadd(&mut self, key: &[u8], id: StreamId, fields: &[(Bytes, Bytes)]) {
        self.log_with(|out| commands::xadd(key, id, fields, out));
    }

    /// `XGROUP CREATE|SETID key group id [MKSTREAM] ENTRIESREAD n`: where a group stands.
    pub(crate) fn log_group_position(
        &mut self,
        subcommand: &[u8],
        key: &[u8],
        group: &[u8],
        (id, entries_read): Position,
        mkstream: bool,
    ) {
        self.log_with(|out| {
            commands::xgroup_position(subcommand, key, group, id, mkstream, entries_read, out)
        });
    }

    /// The exact trim that leaves the stream at `key` as it is now.
    pub(crate) fn log_trim(&mut self, key: &[u8], policy: Option<RefPolicy>) {
        if !self.logging() {
            return;
        }
        let Ok(Some(stream)) = self.stream(key) else {
            return;
        };
        let len = stream.log.len().to_string();
        let mut argv: Vec<&[u8]> = vec![b"XTRIM", key, b"MAXLEN", b"=", len.as_bytes()];
        match policy {
            None | Some(RefPolicy::KeepRef) => {}
            Some(RefPolicy::DelRef) => argv.push(b"DELREF"),
            Some(RefPolicy::Acked) => argv.push(b"ACKED"),
        }
        self.log_effect(&argv);
    }

    /// Opens a journal on `group` of each stream in `keys` that has it, for
    /// [`Ctx::close_journals`]; `None` (and no copy of anything) when no file is written.
    pub(crate) fn open_journals<'k>(
        &mut self,
        keys: impl IntoIterator<Item = &'k Bytes>,
        group: &Bytes,
    ) -> Option<OpenJournals> {
        if !self.logging() {
            return None;
        }
        let mut streams = Vec::new();
        for key in keys {
            let Ok(Some(stream)) = self.stream(key) else {
                continue;
            };
            let Some(cg) = stream.groups.get_mut(group) else {
                continue;
            };
            cg.journal = Some(Journal::default());
            streams.push((key.clone(), (cg.last_id, cg.entries_read)));
        }
        Some(OpenJournals {
            group: group.clone(),
            streams,
        })
    }

    /// Logs what changed in the journals [`Ctx::open_journals`] opened, and closes them.
    pub(crate) fn close_journals(&mut self, journals: Option<OpenJournals>) {
        let Some(OpenJournals {
            group: name,
            streams,
        }) = journals
        else {
            return;
        };
        let now = self.now_ms();
        let db = self.db.index();
        for (key, before) in streams {
            let Some(log) = self.log.as_deref_mut() else {
                return;
            };
            let Some(Value::Stream(stream)) = self.db.value_mut(&key, now) else {
                continue;
            };
            let Some(group) = stream.groups.get_mut(&name) else {
                continue;
            };
            let journal = group.journal.take().unwrap_or_default();
            for consumer in &journal.consumers {
                log.write(db, |out| {
                    encode_command(&[b"XGROUP", b"CREATECONSUMER", &key, &name, consumer], out)
                });
            }
            let mut ids = journal.ids;
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                log.write(db, |out| match group.pel.get(&id) {
                    Some(pending) => commands::xclaim(&key, &name, id, pending, out),
                    None => {
                        write_array_len(4, out);
                        for arg in [&b"XACK"[..], &key, &name] {
                            write_bulk(arg, out);
                        }
                        commands::write_bulk_id(id, out);
                    }
                });
            }
            let after = (group.last_id, group.entries_read);
            if after != before {
                log.write(db, |out| {
                    commands::xgroup_position(b"SETID", &key, &name, after.0, false, after.1, out)
                });
            }
        }
    }
}

/// The journals a command opened: the group, and each stream's group position before.
pub(crate) struct OpenJournals {
    group: Bytes,
    streams: Vec<(Bytes, Position)>,
}
