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
use crate::store::stream::{Journal, StreamId};

/// A group's position before a command, to log a move.
pub(crate) type Position = (StreamId, Option<u64>);

impl Ctx<'_> {
    /// `XADD key id field value ...`.
    pub(crate) fn log_xadd(&mut self, key: &[u8], id: StreamId, fields: &[(Bytes, Bytes)]) {
        if !self.logging() {
            return;
        }
        let id = id.to_string();
        let mut argv: Vec<&[u8]> = Vec::with_capacity(3 + 2 * fields.len());
        argv.extend([b"XADD" as &[u8], key, id.as_bytes()]);
        for (field, value) in fields {
            argv.push(field);
            argv.push(value);
        }
        self.log_effect(&argv);
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

    /// Opens a journal on `group` of each stream in `keys` that has it; returns each one's
    /// position, for [`Ctx::close_journals`]. Nothing when no file is being written.
    pub(crate) fn open_journals(&mut self, keys: &[&Bytes], group: &[u8]) -> Vec<Option<Position>> {
        if !self.logging() {
            return Vec::new();
        }
        keys.iter()
            .map(|key| {
                let Ok(Some(stream)) = self.stream(key) else {
                    return None;
                };
                let group = stream.groups.get_mut(group)?;
                group.journal = Some(Journal::default());
                Some((group.last_id, group.entries_read))
            })
            .collect()
    }

    /// Logs what changed in the journals [`Ctx::open_journals`] opened, and closes them.
    pub(crate) fn close_journals(
        &mut self,
        keys: &[&Bytes],
        group_name: &[u8],
        before: Vec<Option<Position>>,
    ) {
        for (key, before) in keys.iter().zip(before) {
            let Some(before) = before else {
                continue;
            };
            let mut effects: Vec<Vec<Bytes>> = Vec::new();
            if let Ok(Some(stream)) = self.stream(key) {
                if let Some(group) = stream.groups.get_mut(group_name) {
                    let journal = group.journal.take().unwrap_or_default();
                    let key = Bytes::copy_from_slice(key);
                    let name = Bytes::copy_from_slice(group_name);
                    for consumer in journal.consumers {
                        effects.push(vec![
                            Bytes::from_static(b"XGROUP"),
                            Bytes::from_static(b"CREATECONSUMER"),
                            key.clone(),
                            name.clone(),
                            consumer,
                        ]);
                    }
                    let mut ids = journal.ids;
                    ids.sort_unstable();
                    ids.dedup();
                    for id in ids {
                        let id_text = Bytes::from(id.to_string());
                        effects.push(match group.pel.get(&id) {
                            Some(pending) => vec![
                                Bytes::from_static(b"XCLAIM"),
                                key.clone(),
                                name.clone(),
                                pending.consumer.clone(),
                                Bytes::from_static(b"0"),
                                id_text,
                                Bytes::from_static(b"TIME"),
                                Bytes::from(pending.delivered_at.to_string()),
                                Bytes::from_static(b"RETRYCOUNT"),
                                Bytes::from(pending.deliveries.to_string()),
                                Bytes::from_static(b"FORCE"),
                                Bytes::from_static(b"JUSTID"),
                            ],
                            None => vec![
                                Bytes::from_static(b"XACK"),
                                key.clone(),
                                name.clone(),
                                id_text,
                            ],
                        });
                    }
                    if (group.last_id, group.entries_read) != before {
                        let mut setid = vec![
                            Bytes::from_static(b"XGROUP"),
                            Bytes::from_static(b"SETID"),
                            key.clone(),
                            name.clone(),
                            Bytes::from(group.last_id.to_string()),
                        ];
                        if let Some(read) = group.entries_read {
                            setid.push(Bytes::from_static(b"ENTRIESREAD"));
                            setid.push(Bytes::from(read.to_string()));
                        }
                        effects.push(setid);
                    }
                }
            }
            for effect in effects {
                self.log_effect(&effect);
            }
        }
    }
}
