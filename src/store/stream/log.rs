//! The stream log: entries in ID order, packed into blocks of up to 100.
//!
//! # Layout
//! Entries live in a ring buffer ([`VecDeque`]) of blocks. Each block keeps the fields of
//! its first entry as its *master fields*, and packs its entries into one byte buffer: a
//! flags byte, the ID as a varint delta from the block's first ID, then either only the
//! values (when the fields are the master fields, the common case) or the fields and
//! values. Two small fields cost about 10 bytes per entry plus the values, which is what
//! lets a log of a million entries stay under redis-server's footprint.
//!
//! - **Append** writes at the end of the tail block (amortised O(1)).
//! - **Seek** is a binary search over blocks by first ID, then a scan of at most 100
//!   entries: O(log n).
//! - **Delete** (XDEL) flags the entry in place; a block whose entries are all deleted is
//!   dropped, so deletions never leave long runs of tombstones for reads to skip.
//! - **Trim** drops whole blocks from the head, then flags entries in the first remaining
//!   block (MAXLEN/MINID exactly), or stops at the first block it cannot drop whole (`~`).
//!
//! Blocks begin where redis-server begins a new radix-tree node (after 100 entries, deleted
//! ones included, or when its listpack would reach 4 KiB), so approximate trimming (`~`)
//! removes exactly what redis-server removes. For that, each block tracks the size its
//! entries would take as a Redis listpack ([`listpack`] below); the estimate only decides
//! block boundaries.

use std::collections::VecDeque;

use bytes::Bytes;

use super::id::StreamId;

/// An entry: its ID and its field-value pairs.
///
/// ```
/// use embedis::{StreamEntry, StreamId};
/// let entry = StreamEntry {
///     id: StreamId::new(1, 0),
///     fields: vec![("sku".into(), "42".into())],
/// };
/// assert_eq!(entry.get(b"sku").as_deref(), Some(&b"42"[..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamEntry {
    /// The entry's ID.
    pub id: StreamId,
    /// Field-value pairs, in the order they were added.
    pub fields: Vec<(Bytes, Bytes)>,
}

impl StreamEntry {
    /// The value of the first field named `field`.
    ///
    /// ```
    /// let entry = embedis::StreamEntry { id: embedis::StreamId::new(1, 0), fields: vec![] };
    /// assert_eq!(entry.get(b"x"), None);
    /// ```
    pub fn get(&self, field: &[u8]) -> Option<Bytes> {
        self.fields
            .iter()
            .find(|(name, _)| name.as_ref() == field)
            .map(|(_, value)| value.clone())
    }
}

/// Redis's `stream-node-max-entries` default.
pub(crate) const BLOCK_MAX_ENTRIES: u32 = 100;
/// Redis's `stream-node-max-bytes` default.
pub(crate) const BLOCK_MAX_BYTES: usize = 4096;

/// An entry's flags, as Redis's stream nodes hold them: deleted, and fields the same as the
/// node's master entry (only the values follow).
pub(crate) const DELETED: u8 = 1;
pub(crate) const SAME_FIELDS: u8 = 2;

/// One block as a Redis stream node: its master entry ID and fields, and every entry it
/// packed, deleted ones included, each with its flags (what an RDB payload writes).
pub(crate) struct RawNode<'a> {
    pub(crate) first: StreamId,
    pub(crate) master_fields: &'a [Bytes],
    pub(crate) live: u32,
    pub(crate) deleted: u32,
    block: &'a Block,
}

impl<'a> RawNode<'a> {
    /// The bytes of the node's listpack on redis-server.
    pub(crate) fn listpack_bytes(&self) -> usize {
        self.block.listpack_bytes()
    }

    /// Calls `visit` with each entry in order, deleted ones included: its flags, its ID,
    /// and its field-value pairs borrowed from the block (the fields are the master's
    /// when the flags say `SAME_FIELDS`). Nothing is copied or allocated per entry.
    pub(crate) fn for_each_entry(
        &self,
        mut visit: impl FnMut(u8, StreamId, &[(&'a [u8], &'a [u8])]),
    ) {
        let mut pairs: Vec<(&'a [u8], &'a [u8])> = Vec::new();
        let mut cursor = self.block.cursor();
        while let Some((_, flags, id)) = cursor.next_header() {
            cursor.read_field_slices(flags, &mut pairs);
            visit(flags, id, &pairs);
        }
    }
}

/// The next step of a trim at the head of the log (see `StreamLog::head_step`).
enum HeadStep {
    /// The bound or the limit is reached.
    Done,
    /// The head block may go whole; it holds this many live entries.
    DropWhole(u64),
    /// The bound falls inside the head block.
    Partial,
}

/// How to trim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trim {
    /// Keep at most this many entries (`MAXLEN`).
    MaxLen(u64),
    /// Remove entries with an ID below this one (`MINID`).
    MinId(StreamId),
}

#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// The ID of the block's first entry, the base of every delta.
    first: StreamId,
    /// The ID of its last entry, deleted or not.
    last: StreamId,
    master_fields: Box<[Bytes]>,
    data: Vec<u8>,
    /// Entries packed, deleted ones included.
    total: u32,
    /// Entries not deleted.
    live: u32,
    /// Size of the entries as a Redis listpack (master entry excluded).
    listpack_entries: usize,
}

/// One decoded entry position inside a block.
struct Cursor<'a> {
    block: &'a Block,
    offset: usize,
}

/// An append-only log of entries with monotonic IDs.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct StreamLog {
    blocks: VecDeque<Block>,
    len: u64,
    last_id: StreamId,
    max_deleted_id: StreamId,
    entries_added: u64,
}

impl StreamLog {
    /// Every block as a Redis stream node, in order.
    pub(crate) fn raw_nodes(&self) -> impl Iterator<Item = RawNode<'_>> {
        self.blocks.iter().map(|block| RawNode {
            first: block.first,
            master_fields: &block.master_fields,
            live: block.live,
            deleted: block.total - block.live,
            block,
        })
    }

    /// Live entries.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether there are no live entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The ID of the last entry ever added (or set by XSETID).
    pub fn last_id(&self) -> StreamId {
        self.last_id
    }

    /// The largest ID deleted by XDEL (or set by XSETID).
    pub fn max_deleted_id(&self) -> StreamId {
        self.max_deleted_id
    }

    /// Entries ever added (or set by XSETID).
    pub fn entries_added(&self) -> u64 {
        self.entries_added
    }

    /// XSETID: moves the last ID (and optionally the counters) without adding an entry.
    pub fn set_last_id(
        &mut self,
        id: StreamId,
        entries_added: Option<u64>,
        max_deleted: Option<StreamId>,
    ) {
        self.last_id = id;
        if let Some(added) = entries_added {
            self.entries_added = added;
        }
        if let Some(max_deleted) = max_deleted {
            self.max_deleted_id = max_deleted;
        }
    }

    /// Appends an entry whose ID the caller checked to be above [`StreamLog::last_id`].
    pub fn append(&mut self, id: StreamId, fields: &[(Bytes, Bytes)]) {
        debug_assert!(id > self.last_id || (self.entries_added == 0 && id > StreamId::MIN));
        let raw_len: usize = fields.iter().map(|(f, v)| f.len() + v.len()).sum();
        let needs_block = match self.blocks.back() {
            None => true,
            Some(block) => {
                block.listpack_bytes() + raw_len >= BLOCK_MAX_BYTES
                    || block.total >= BLOCK_MAX_ENTRIES
            }
        };
        if needs_block {
            if let Some(full) = self.blocks.back_mut() {
                full.data.shrink_to_fit();
            }
            self.blocks.push_back(Block {
                first: id,
                last: id,
                master_fields: fields.iter().map(|(f, _)| f.clone()).collect(),
                data: Vec::with_capacity(64),
                total: 0,
                live: 0,
                listpack_entries: 0,
            });
        }
        if let Some(block) = self.blocks.back_mut() {
            block.push(id, fields);
        }
        self.len += 1;
        self.last_id = id;
        self.entries_added += 1;
    }

    /// The first live entry's ID, read from entry headers alone (no field is decoded).
    pub fn first_id(&self) -> Option<StreamId> {
        let block = self.blocks.iter().find(|block| block.live > 0)?;
        block.first_live_id()
    }

    /// The last live entry's ID (Redis's `streamLastValidID`), from entry headers alone.
    pub fn last_live_id(&self) -> Option<StreamId> {
        let block = self.blocks.iter().rev().find(|block| block.live > 0)?;
        block.last_live_id()
    }

    /// The first live entry.
    pub fn first_entry(&self) -> Option<StreamEntry> {
        let mut first = None;
        self.scan(StreamId::MIN, StreamId::MAX, false, |entry| {
            first = Some(entry);
            false
        });
        first
    }

    /// The last live entry.
    pub fn last_entry(&self) -> Option<StreamEntry> {
        let mut last = None;
        self.scan(StreamId::MIN, StreamId::MAX, true, |entry| {
            last = Some(entry);
            false
        });
        last
    }

    /// The live entry with this ID.
    pub fn get(&self, id: StreamId) -> Option<StreamEntry> {
        let mut found = None;
        self.scan(id, id, false, |entry| {
            found = Some(entry);
            false
        });
        found
    }

    /// Live entries with `start <= id <= end`, in order (or reversed), at most `count`.
    pub fn range(
        &self,
        start: StreamId,
        end: StreamId,
        rev: bool,
        count: Option<usize>,
    ) -> Vec<StreamEntry> {
        let mut out = Vec::new();
        if count == Some(0) {
            return out;
        }
        self.scan(start, end, rev, |entry| {
            out.push(entry);
            count.is_none_or(|count| out.len() < count)
        });
        out
    }

    /// Calls `f` on live entries in `[start, end]` until it returns `false`.
    pub fn scan(
        &self,
        start: StreamId,
        end: StreamId,
        rev: bool,
        mut f: impl FnMut(StreamEntry) -> bool,
    ) {
        if start > end || self.blocks.is_empty() {
            return;
        }
        // The block that may hold `start`: the last one whose first ID is <= start.
        let from = self
            .blocks
            .partition_point(|block| block.first <= start)
            .saturating_sub(1);
        let to = self.blocks.partition_point(|block| block.first <= end);
        let indices: Box<dyn Iterator<Item = usize>> = if rev {
            Box::new((from..to).rev())
        } else {
            Box::new(from..to)
        };
        for index in indices {
            let block = &self.blocks[index];
            if block.last < start || block.first > end || block.live == 0 {
                continue;
            }
            let entries = block.decode_all(start, end);
            let keep_going = if rev {
                entries.into_iter().rev().all(&mut f)
            } else {
                entries.into_iter().all(&mut f)
            };
            if !keep_going {
                return;
            }
        }
    }

    /// XDEL: deletes live entries; returns how many were deleted.
    pub fn delete(&mut self, ids: &[StreamId]) -> u64 {
        let mut deleted = 0;
        for &id in ids {
            let index = self.blocks.partition_point(|block| block.first <= id);
            let Some(index) = index.checked_sub(1) else {
                continue;
            };
            if self.blocks[index].flag_deleted(id) {
                deleted += 1;
                self.len -= 1;
                if id > self.max_deleted_id {
                    self.max_deleted_id = id;
                }
                if self.blocks[index].live == 0 {
                    // As redis-server frees a node whose last entry is deleted.
                    self.blocks.remove(index);
                }
            }
        }
        deleted
    }

    /// What trimming may do to the head block, `removed` entries into a trim of at most
    /// `limit` (0: no limit): the step both trims share.
    fn head_step(&self, trim: Trim, limit: u64, removed: u64) -> HeadStep {
        let Some(block) = self.blocks.front() else {
            return HeadStep::Done;
        };
        if let Trim::MaxLen(max) = trim
            && self.len <= max
        {
            return HeadStep::Done;
        }
        let entries = u64::from(block.live);
        if limit > 0 && removed + entries > limit {
            return HeadStep::Done;
        }
        let whole = match trim {
            Trim::MaxLen(max) => self.len - entries >= max,
            Trim::MinId(min) => block.last < min,
        };
        if whole {
            HeadStep::DropWhole(entries)
        } else {
            HeadStep::Partial
        }
    }

    /// Drops the head block, whose `entries` live entries leave the log.
    fn drop_head(&mut self, entries: u64) {
        self.blocks.pop_front();
        self.len -= entries;
    }

    /// XTRIM / XADD trimming, as redis-server's `streamTrim`; returns entries removed.
    /// `limit` bounds the work of an approximate trim (0: none).
    pub fn trim(&mut self, trim: Trim, approx: bool, limit: u64) -> u64 {
        self.trim_recording(trim, approx, limit, None)
    }

    /// [`StreamLog::trim`], also collecting the IDs removed (for DELREF, which must drop
    /// them from every pending list).
    pub fn trim_recording(
        &mut self,
        trim: Trim,
        approx: bool,
        limit: u64,
        mut removed_ids: Option<&mut Vec<StreamId>>,
    ) -> u64 {
        let mut removed = 0;
        loop {
            match self.head_step(trim, limit, removed) {
                HeadStep::Done => break,
                HeadStep::DropWhole(entries) => {
                    if let (Some(ids), Some(block)) =
                        (removed_ids.as_deref_mut(), self.blocks.front())
                    {
                        ids.extend(block.live_ids());
                    }
                    self.drop_head(entries);
                    removed += entries;
                    continue;
                }
                HeadStep::Partial if approx => break,
                HeadStep::Partial => {}
            }
            // Exact: delete entries of this block one by one; redis-server keeps the node
            // even if that empties it, and so does this log (block boundaries stay equal).
            let len = self.len;
            let Some(block) = self.blocks.front_mut() else {
                break;
            };
            let mut flagged_ids = Vec::new();
            let flagged = block.flag_prefix(|id, n| {
                let go = match trim {
                    Trim::MaxLen(max) => len - n > max,
                    Trim::MinId(min) => id < min,
                };
                if go {
                    flagged_ids.push(id);
                }
                go
            });
            if let Some(ids) = removed_ids.as_deref_mut() {
                ids.extend(flagged_ids);
            }
            self.len -= flagged;
            removed += flagged;
            break;
        }
        removed
    }

    /// Trimming under Redis 8.2's ACKED policy: entries some consumer group still needs
    /// (`referenced`) are kept. Exactly: the oldest unreferenced entries are removed, the
    /// referenced ones skipped, until the length or ID bound is met. Approximately (`~`):
    /// only whole blocks none of whose entries is referenced, from the head.
    pub fn trim_unreferenced(
        &mut self,
        trim: Trim,
        approx: bool,
        limit: u64,
        referenced: &dyn Fn(StreamId) -> bool,
    ) -> u64 {
        let mut removed = 0;
        if approx {
            while let HeadStep::DropWhole(entries) = self.head_step(trim, limit, removed) {
                let pinned = self
                    .blocks
                    .front()
                    .is_some_and(|block| block.live_ids().into_iter().any(referenced));
                if pinned {
                    break;
                }
                self.drop_head(entries);
                removed += entries;
            }
            return removed;
        }
        let mut doomed = Vec::new();
        let mut len = self.len;
        self.scan(StreamId::MIN, StreamId::MAX, false, |entry| {
            let more = match trim {
                Trim::MaxLen(max) => len > max,
                Trim::MinId(min) => entry.id < min,
            };
            if !more {
                return false;
            }
            if !referenced(entry.id) {
                doomed.push(entry.id);
                len -= 1;
            }
            true
        });
        for id in doomed {
            // Flagged in place; a block emptied this way stays, as in exact trimming.
            let index = self.blocks.partition_point(|block| block.first <= id);
            if let Some(block) = index.checked_sub(1).and_then(|i| self.blocks.get_mut(i))
                && block.flag_deleted(id)
            {
                self.len -= 1;
                removed += 1;
            }
        }
        removed
    }

    /// Blocks in the log (Redis's radix-tree keys).
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }

    /// Heap bytes held by the log (the unit tests' own measure; the bench counts
    /// allocations instead).
    #[cfg(test)]
    pub fn heap_bytes(&self) -> usize {
        let blocks = self.blocks.capacity() * std::mem::size_of::<Block>();
        let inside: usize = self
            .blocks
            .iter()
            .map(|block| {
                block.data.capacity()
                    + block.master_fields.len() * std::mem::size_of::<Bytes>()
                    + block.master_fields.iter().map(Bytes::len).sum::<usize>()
            })
            .sum();
        blocks + inside
    }
}

impl Block {
    fn push(&mut self, id: StreamId, fields: &[(Bytes, Bytes)]) {
        let same = fields.len() == self.master_fields.len()
            && fields
                .iter()
                .zip(self.master_fields.iter())
                .all(|((field, _), master)| field == master);
        self.data.push(if same { SAME_FIELDS } else { 0 });
        put_varint(&mut self.data, id.ms - self.first.ms);
        put_varint(&mut self.data, id.seq);
        if same {
            for (_, value) in fields {
                put_bytes(&mut self.data, value);
            }
        } else {
            put_varint(&mut self.data, fields.len() as u64);
            for (field, value) in fields {
                put_bytes(&mut self.data, field);
                put_bytes(&mut self.data, value);
            }
        }
        self.listpack_entries += listpack::entry_bytes(id, self.first, fields, same);
        self.total += 1;
        self.live += 1;
        self.last = id;
    }

    fn listpack_bytes(&self) -> usize {
        listpack::HEADER_AND_END
            + listpack::master_bytes(self.live, self.total - self.live, &self.master_fields)
            + self.listpack_entries
    }

    fn cursor(&self) -> Cursor<'_> {
        Cursor {
            block: self,
            offset: 0,
        }
    }

    fn first_live_id(&self) -> Option<StreamId> {
        let mut cursor = self.cursor();
        while let Some((_, flags, id)) = cursor.next_header() {
            if flags & DELETED == 0 {
                return Some(id);
            }
            cursor.skip_fields(flags);
        }
        None
    }

    fn last_live_id(&self) -> Option<StreamId> {
        let mut last = None;
        let mut cursor = self.cursor();
        while let Some((_, flags, id)) = cursor.next_header() {
            cursor.skip_fields(flags);
            if flags & DELETED == 0 {
                last = Some(id);
            }
        }
        last
    }

    /// The IDs of this block's live entries, in order.
    fn live_ids(&self) -> Vec<StreamId> {
        let mut ids = Vec::with_capacity(self.live as usize);
        let mut cursor = self.cursor();
        while let Some((_, flags, id)) = cursor.next_header() {
            cursor.skip_fields(flags);
            if flags & DELETED == 0 {
                ids.push(id);
            }
        }
        ids
    }

    /// Live entries of this block within `[start, end]`, in order.
    fn decode_all(&self, start: StreamId, end: StreamId) -> Vec<StreamEntry> {
        let mut out = Vec::new();
        let mut cursor = self.cursor();
        while let Some((at, flags, id)) = cursor.next_header() {
            let _ = at;
            if id > end {
                break;
            }
            let fields = cursor.read_fields(flags);
            if flags & DELETED == 0 && id >= start {
                out.push(StreamEntry { id, fields });
            }
        }
        out
    }

    /// Flags the live entry `id` as deleted; returns whether it was there.
    fn flag_deleted(&mut self, id: StreamId) -> bool {
        let mut cursor = self.cursor();
        let mut position = None;
        while let Some((at, flags, entry_id)) = cursor.next_header() {
            if entry_id > id {
                break;
            }
            cursor.skip_fields(flags);
            if entry_id == id && flags & DELETED == 0 {
                position = Some(at);
                break;
            }
        }
        let Some(at) = position else {
            return false;
        };
        self.data[at] |= DELETED;
        self.live -= 1;
        true
    }

    /// Flags live entries from the start while `keep_deleting(id, already_flagged)` holds.
    fn flag_prefix(&mut self, mut keep_deleting: impl FnMut(StreamId, u64) -> bool) -> u64 {
        let mut flagged = Vec::new();
        let mut cursor = self.cursor();
        while let Some((at, flags, id)) = cursor.next_header() {
            cursor.skip_fields(flags);
            if flags & DELETED != 0 {
                continue;
            }
            if !keep_deleting(id, flagged.len() as u64) {
                break;
            }
            flagged.push(at);
        }
        for &at in &flagged {
            self.data[at] |= DELETED;
        }
        self.live -= flagged.len() as u32;
        flagged.len() as u64
    }
}

impl<'a> Cursor<'a> {
    /// The next entry's offset, flags and ID, leaving the cursor at its fields.
    fn next_header(&mut self) -> Option<(usize, u8, StreamId)> {
        let data = &self.block.data;
        let at = self.offset;
        let flags = *data.get(at)?;
        self.offset += 1;
        let ms_delta = get_varint(data, &mut self.offset)?;
        let seq = get_varint(data, &mut self.offset)?;
        Some((
            at,
            flags,
            StreamId::new(self.block.first.ms + ms_delta, seq),
        ))
    }

    fn read_fields(&mut self, flags: u8) -> Vec<(Bytes, Bytes)> {
        let data = &self.block.data;
        if flags & SAME_FIELDS != 0 {
            self.block
                .master_fields
                .iter()
                .map(|field| (field.clone(), get_bytes(data, &mut self.offset)))
                .collect()
        } else {
            let n = get_varint(data, &mut self.offset).unwrap_or(0) as usize;
            (0..n)
                .map(|_| {
                    let field = get_bytes(data, &mut self.offset);
                    (field, get_bytes(data, &mut self.offset))
                })
                .collect()
        }
    }

    /// [`Cursor::read_fields`], borrowing: the pairs replace `pairs`' contents.
    fn read_field_slices(&mut self, flags: u8, pairs: &mut Vec<(&'a [u8], &'a [u8])>) {
        pairs.clear();
        let block: &'a Block = self.block;
        let data: &'a [u8] = &block.data;
        if flags & SAME_FIELDS != 0 {
            for field in &block.master_fields {
                let value = get_slice(data, &mut self.offset);
                pairs.push((&field[..], value));
            }
        } else {
            let n = get_varint(data, &mut self.offset).unwrap_or(0) as usize;
            for _ in 0..n {
                let field = get_slice(data, &mut self.offset);
                pairs.push((field, get_slice(data, &mut self.offset)));
            }
        }
    }

    fn skip_fields(&mut self, flags: u8) {
        let data = &self.block.data;
        let items = if flags & SAME_FIELDS != 0 {
            self.block.master_fields.len()
        } else {
            2 * get_varint(data, &mut self.offset).unwrap_or(0) as usize
        };
        for _ in 0..items {
            let len = get_varint(data, &mut self.offset).unwrap_or(0) as usize;
            self.offset += len;
        }
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn get_varint(data: &[u8], offset: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *data.get(*offset)?;
        *offset += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
        if shift >= 64 {
            return None;
        }
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn get_bytes(data: &[u8], offset: &mut usize) -> Bytes {
    Bytes::copy_from_slice(get_slice(data, offset))
}

/// A length-prefixed string of `data` at `offset`, borrowed.
fn get_slice<'a>(data: &'a [u8], offset: &mut usize) -> &'a [u8] {
    let len = get_varint(data, offset).unwrap_or(0) as usize;
    let start = (*offset).min(data.len());
    let end = start.saturating_add(len).min(data.len());
    *offset = end;
    &data[start..end]
}

/// Sizes of redis-server's listpack encoding, to place block boundaries where it places
/// node boundaries. Only sizes: nothing is encoded this way.
mod listpack {
    use bytes::Bytes;

    use super::StreamId;
    pub(super) use crate::store::listpack_size::HEADER_AND_END;
    use crate::store::listpack_size::{element as string, integer as int};

    /// count, deleted, number of fields, the fields, the terminating 0.
    pub(super) fn master_bytes(live: u32, deleted: u32, fields: &[Bytes]) -> usize {
        int(i64::from(live))
            + int(i64::from(deleted))
            + int(fields.len() as i64)
            + fields.iter().map(|f| string(f)).sum::<usize>()
            + int(0)
    }

    /// flags, ms and seq deltas, [field count and fields], values, the element count.
    pub(super) fn entry_bytes(
        id: StreamId,
        master: StreamId,
        fields: &[(Bytes, Bytes)],
        same: bool,
    ) -> usize {
        let flags = if same { 2 } else { 0 };
        let ms = id.ms.wrapping_sub(master.ms) as i64;
        let seq = id.seq.wrapping_sub(master.seq) as i64;
        let mut bytes = int(flags) + int(ms) + int(seq);
        let mut elements = fields.len() as i64 + 3;
        if !same {
            bytes += int(fields.len() as i64);
            bytes += fields.iter().map(|(f, _)| string(f)).sum::<usize>();
            elements += fields.len() as i64 + 1;
        }
        bytes += fields.iter().map(|(_, v)| string(v)).sum::<usize>();
        bytes + int(elements)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(Bytes, Bytes)> {
        pairs
            .iter()
            .map(|(f, v)| {
                (
                    Bytes::copy_from_slice(f.as_bytes()),
                    Bytes::copy_from_slice(v.as_bytes()),
                )
            })
            .collect()
    }

    fn ids(entries: &[StreamEntry]) -> Vec<u64> {
        entries.iter().map(|e| e.id.ms).collect()
    }

    fn log_of(n: u64) -> StreamLog {
        let mut log = StreamLog::default();
        for ms in 1..=n {
            log.append(
                StreamId::new(ms, 0),
                &fields(&[("f", "v"), ("g", &ms.to_string())]),
            );
        }
        log
    }

    #[test]
    fn entries_come_back_with_their_fields_in_both_encodings() {
        let mut log = StreamLog::default();
        log.append(StreamId::new(5, 0), &fields(&[("a", "1"), ("b", "2")]));
        log.append(StreamId::new(5, 1), &fields(&[("a", "3"), ("b", "4")]));
        log.append(StreamId::new(9, 0), &fields(&[("other", "x")]));
        let all = log.range(StreamId::MIN, StreamId::MAX, false, None);
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].fields, fields(&[("a", "3"), ("b", "4")]));
        assert_eq!(all[2].fields, fields(&[("other", "x")]));
        assert_eq!(
            log.get(StreamId::new(5, 1)).unwrap().id,
            StreamId::new(5, 1)
        );
        assert_eq!(log.get(StreamId::new(5, 2)), None);
    }

    #[test]
    fn first_and_last_live_ids_match_the_decoded_entries_through_deletions() {
        let mut log = log_of(350);
        let mut state = 12_345u64;
        // Eat both ends inwards, skipping about one entry in four, so block tails, block
        // heads and whole blocks empty out while a few live entries stay behind.
        for step in 0..175 {
            assert_eq!(log.first_id(), log.first_entry().map(|e| e.id));
            assert_eq!(log.last_live_id(), log.last_entry().map(|e| e.id));
            for ms in [1 + step, 350 - step] {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                if !(state >> 33).is_multiple_of(4) {
                    log.delete(&[StreamId::new(ms, 0)]);
                }
            }
        }
        assert_eq!(log.first_id(), log.first_entry().map(|e| e.id));
        assert_eq!(log.last_live_id(), log.last_entry().map(|e| e.id));
        for ms in 1..=350 {
            log.delete(&[StreamId::new(ms, 0)]);
        }
        assert_eq!((log.first_id(), log.last_live_id()), (None, None));
    }

    #[test]
    fn ranges_cross_blocks_forwards_backwards_and_with_counts() {
        let log = log_of(350);
        assert_eq!(log.blocks(), 4);
        let mid = log.range(StreamId::new(95, 0), StreamId::new(105, 0), false, None);
        assert_eq!(ids(&mid), (95..=105).collect::<Vec<_>>());
        let rev = log.range(StreamId::new(95, 0), StreamId::new(105, 0), true, Some(3));
        assert_eq!(ids(&rev), vec![105, 104, 103]);
        assert_eq!(log.first_id(), Some(StreamId::new(1, 0)));
        assert_eq!(log.last_entry().unwrap().id, StreamId::new(350, 0));
        assert!(log
            .range(StreamId::new(400, 0), StreamId::MAX, false, None)
            .is_empty());
    }

    #[test]
    fn delete_flags_entries_and_drops_emptied_blocks() {
        let mut log = log_of(150);
        let first_block: Vec<StreamId> = (1..=100).map(|ms| StreamId::new(ms, 0)).collect();
        assert_eq!(log.delete(&first_block[..50]), 50);
        assert_eq!(log.delete(&first_block[..50]), 0, "already deleted");
        assert_eq!(log.len(), 100);
        assert_eq!(log.first_id(), Some(StreamId::new(51, 0)));
        assert_eq!(log.delete(&first_block[50..]), 50);
        assert_eq!(log.blocks(), 1);
        assert_eq!(log.max_deleted_id(), StreamId::new(100, 0));
    }

    #[test]
    fn exact_trim_flags_inside_a_block_approximate_trim_drops_whole_blocks_only() {
        let mut exact = log_of(250);
        assert_eq!(exact.trim(Trim::MaxLen(120), false, 0), 130);
        assert_eq!(exact.len(), 120);
        assert_eq!(exact.first_id(), Some(StreamId::new(131, 0)));

        let mut approx = log_of(250);
        assert_eq!(approx.trim(Trim::MaxLen(120), true, 0), 100);
        assert_eq!(approx.len(), 150);

        let mut by_id = log_of(250);
        assert_eq!(
            by_id.trim(Trim::MinId(StreamId::new(201, 0)), false, 0),
            200
        );
        assert_eq!(by_id.first_id(), Some(StreamId::new(201, 0)));

        let mut limited = log_of(250);
        assert_eq!(limited.trim(Trim::MaxLen(0), true, 150), 100);
    }

    #[test]
    fn blocks_split_at_redis_listpack_size() {
        // 60-byte values: a listpack node fills 4 KiB long before 100 entries.
        let mut log = StreamLog::default();
        let value = "x".repeat(60);
        for ms in 1..=200 {
            log.append(StreamId::new(ms, 0), &fields(&[("f", &value)]));
        }
        assert!(log.blocks() > 2, "{} blocks", log.blocks());
    }

    #[test]
    fn a_million_small_entries_take_few_bytes_each() {
        let mut log = StreamLog::default();
        for ms in 1..=100_000u64 {
            log.append(
                StreamId::new(1_700_000_000_000 + ms, 0),
                &fields(&[("user", "42"), ("action", "click")]),
            );
        }
        let per_entry = log.heap_bytes() as f64 / 100_000.0;
        assert!(per_entry < 20.0, "{per_entry} bytes per entry");
    }
}
