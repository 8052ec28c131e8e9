//! A stream as an RDB object (redis-server 7.0's `RDB_TYPE_STREAM_LISTPACKS_2`): its nodes
//! as listpacks keyed by their master ID, its counters, then each consumer group with its
//! pending entries and consumers.
//!
//! A node's listpack starts with its master entry (live count, deleted count, the master
//! fields, a 0), then holds every entry, deleted ones included: flags, the ID's distance
//! from the master ID (milliseconds, then sequence), the values alone when the fields are
//! the master's or else the field count and the pairs, and the entry's element count.
//! embedis's log keeps its blocks as those nodes (`store/stream/log.rs`), so a payload is
//! byte for byte redis-server's for the same history. Read: the 7.0 form, the older one
//! (`RDB_TYPE_STREAM_LISTPACKS`) and 7.2's (consumers with an active time); deleted entries
//! are dropped on the way in.

use std::collections::BTreeMap;

use bytes::Bytes;

use super::listpack;
use super::rdb::{self, Reader};
use crate::store::number::parse_i64;
use crate::store::stream::group::Consumer;
use crate::store::stream::log::{DELETED, SAME_FIELDS};
use crate::store::stream::{Group, Pending, Stream, StreamEntry, StreamId, StreamLog};

/// Redis 5 and 6's streams: no first ID, deleted maximum, added count or entries read.
pub(crate) const TYPE_STREAM_LISTPACKS: u8 = 15;
/// Redis 7.0's.
pub(crate) const TYPE_STREAM_LISTPACKS_2: u8 = 19;
/// Redis 7.2's: consumers also have an active time.
pub(crate) const TYPE_STREAM_LISTPACKS_3: u8 = 21;

/// `entries_read` unknown, as Redis saves it (`-1` as an unsigned length).
const UNKNOWN_ENTRIES_READ: u64 = u64::MAX;

/// Writes `stream` (its type byte first).
pub(crate) fn write(stream: &Stream, out: &mut Vec<u8>) {
    out.push(TYPE_STREAM_LISTPACKS_2);
    let nodes: Vec<_> = stream.log.raw_nodes().collect();
    rdb::write_length(out, nodes.len() as u64);
    for node in nodes {
        rdb::write_plain_string(out, &raw_id(node.first));
        let mut packed = listpack::Writer::default();
        packed.push_int(i64::from(node.live));
        packed.push_int(i64::from(node.deleted));
        packed.push_int(node.master_fields.len() as i64);
        for field in node.master_fields {
            packed.push(field);
        }
        packed.push_int(0);
        node.for_each_entry(|flags, id, fields| {
            packed.push_int(i64::from(flags));
            packed.push_int(id.ms.wrapping_sub(node.first.ms) as i64);
            packed.push_int(id.seq.wrapping_sub(node.first.seq) as i64);
            if flags & SAME_FIELDS != 0 {
                for (_, value) in fields {
                    packed.push(value);
                }
                packed.push_int(fields.len() as i64 + 3);
            } else {
                packed.push_int(fields.len() as i64);
                for (field, value) in fields {
                    packed.push(field);
                    packed.push(value);
                }
                packed.push_int(fields.len() as i64 * 2 + 4);
            }
        });
        rdb::write_plain_string(out, &packed.finish());
    }
    let log = &stream.log;
    rdb::write_length(out, log.len());
    write_id(out, log.last_id());
    write_id(out, log.first_id().unwrap_or(StreamId::MIN));
    write_id(out, log.max_deleted_id());
    rdb::write_length(out, log.entries_added());
    rdb::write_length(out, stream.groups.len() as u64);
    for (name, group) in &stream.groups {
        rdb::write_string(out, name);
        write_id(out, group.last_id);
        rdb::write_length(out, group.entries_read.unwrap_or(UNKNOWN_ENTRIES_READ));
        rdb::write_length(out, group.pel.len() as u64);
        for (id, pending) in &group.pel {
            out.extend_from_slice(&raw_id(*id));
            out.extend_from_slice(&pending.delivered_at.to_le_bytes());
            rdb::write_length(out, pending.deliveries);
        }
        rdb::write_length(out, group.consumers.len() as u64);
        for (name, consumer) in &group.consumers {
            rdb::write_string(out, name);
            out.extend_from_slice(&consumer.seen_at.to_le_bytes());
            rdb::write_length(out, consumer.pending.len() as u64);
            for id in &consumer.pending {
                out.extend_from_slice(&raw_id(*id));
            }
        }
    }
}

fn write_id(out: &mut Vec<u8>, id: StreamId) {
    rdb::write_length(out, id.ms);
    rdb::write_length(out, id.seq);
}

/// An ID as 16 big-endian bytes, as Redis keys its radix trees.
fn raw_id(id: StreamId) -> [u8; 16] {
    let mut raw = [0u8; 16];
    raw[..8].copy_from_slice(&id.ms.to_be_bytes());
    raw[8..].copy_from_slice(&id.seq.to_be_bytes());
    raw
}

fn read_raw_id(bytes: &[u8]) -> Option<StreamId> {
    let ms = u64::from_be_bytes(bytes.get(..8)?.try_into().ok()?);
    let seq = u64::from_be_bytes(bytes.get(8..16)?.try_into().ok()?);
    (bytes.len() == 16).then_some(StreamId { ms, seq })
}

fn read_id(reader: &mut Reader<'_>) -> Option<StreamId> {
    let ms = reader.length_only()?;
    let seq = reader.length_only()?;
    Some(StreamId { ms, seq })
}

/// Reads a stream of type `kind` (its type byte already read); `None` if damaged.
pub(crate) fn read(kind: u8, reader: &mut Reader<'_>) -> Option<Stream> {
    let mut log = StreamLog::default();
    for _ in 0..reader.length_only()? {
        let master = read_raw_id(&reader.string()?)?;
        let elements = listpack::decode(&reader.string()?)?;
        for StreamEntry { id, fields } in node_entries(master, &elements)? {
            if log.entries_added() > 0 && id <= log.last_id() || id == StreamId::MIN {
                return None; // out of order
            }
            log.append(id, &fields);
        }
    }
    let length = reader.length_only()?;
    let last_id = read_id(reader)?;
    let (max_deleted, entries_added) = if kind == TYPE_STREAM_LISTPACKS {
        (StreamId::MIN, length)
    } else {
        let _first_id = read_id(reader)?;
        (read_id(reader)?, reader.length_only()?)
    };
    if length != log.len() || log.last_live_id().is_some_and(|last| last > last_id) {
        return None;
    }
    log.set_last_id(last_id, Some(entries_added), Some(max_deleted));
    let mut groups = BTreeMap::new();
    for _ in 0..reader.length_only()? {
        let name = Bytes::from(reader.string()?);
        let group = read_group(kind, reader)?;
        if groups.insert(name, group).is_some() {
            return None; // a group twice
        }
    }
    Some(Stream { log, groups })
}

fn read_group(kind: u8, reader: &mut Reader<'_>) -> Option<Group> {
    let last_id = read_id(reader)?;
    let entries_read = if kind == TYPE_STREAM_LISTPACKS {
        None
    } else {
        Some(reader.length_only()?).filter(|&read| read != UNKNOWN_ENTRIES_READ)
    };
    let mut group = Group::new(last_id, entries_read);
    // The pending entries first, then which consumer owns each.
    let mut unowned: BTreeMap<StreamId, (u64, u64)> = BTreeMap::new();
    for _ in 0..reader.length_only()? {
        let id = read_raw_id(reader.take(16)?)?;
        let delivered_at = u64::from_le_bytes(reader.take(8)?.try_into().ok()?);
        let deliveries = reader.length_only()?;
        unowned.insert(id, (delivered_at, deliveries));
    }
    for _ in 0..reader.length_only()? {
        let name = Bytes::from(reader.string()?);
        let seen_at = u64::from_le_bytes(reader.take(8)?.try_into().ok()?);
        let active_at = if kind == TYPE_STREAM_LISTPACKS_3 {
            Some(u64::from_le_bytes(reader.take(8)?.try_into().ok()?))
        } else {
            None
        };
        let mut consumer = Consumer {
            seen_at,
            active_at,
            ..Consumer::default()
        };
        for _ in 0..reader.length_only()? {
            let id = read_raw_id(reader.take(16)?)?;
            let (delivered_at, deliveries) = unowned.remove(&id)?;
            group.pel.insert(
                id,
                Pending {
                    consumer: name.clone(),
                    delivered_at,
                    deliveries,
                },
            );
            consumer.pending.insert(id);
        }
        if group.consumers.insert(name, consumer).is_some() {
            return None; // a consumer twice
        }
    }
    // Every pending entry belongs to a consumer.
    unowned.is_empty().then_some(group)
}

/// The live entries of one node's listpack, whose master entry has ID `master`.
fn node_entries(master: StreamId, elements: &[Vec<u8>]) -> Option<Vec<StreamEntry>> {
    let number = |at: usize| elements.get(at).and_then(|element| parse_i64(element));
    let live = usize::try_from(number(0)?).ok()?;
    let master_count = usize::try_from(number(2)?).ok()?;
    let master_fields: Vec<Bytes> = elements
        .get(3..3 + master_count)?
        .iter()
        .map(|field| Bytes::from(field.clone()))
        .collect();
    let mut at = 3 + master_count;
    if number(at)? != 0 {
        return None; // the master entry's terminator
    }
    at += 1;
    // `live` comes from the payload: no reservation from it.
    let mut entries = Vec::new();
    while at < elements.len() {
        let start = at;
        let flags = u8::try_from(number(at)?).ok()?;
        let ms = master.ms.wrapping_add(number(at + 1)? as u64);
        let seq = master.seq.wrapping_add(number(at + 2)? as u64);
        at += 3;
        let fields: Vec<(Bytes, Bytes)> = if flags & SAME_FIELDS != 0 {
            let values = elements.get(at..at + master_count)?;
            at += master_count;
            master_fields
                .iter()
                .cloned()
                .zip(values.iter().map(|value| Bytes::from(value.clone())))
                .collect()
        } else {
            let count = usize::try_from(number(at)?).ok()?;
            at += 1;
            let pairs = elements.get(at..at + 2 * count)?;
            at += 2 * count;
            pairs
                .chunks_exact(2)
                .map(|pair| (Bytes::from(pair[0].clone()), Bytes::from(pair[1].clone())))
                .collect()
        };
        // The entry's element count, which lets Redis walk a node backwards.
        if usize::try_from(number(at)?).ok()? != at - start {
            return None;
        }
        at += 1;
        if flags & DELETED == 0 {
            let id = StreamId { ms, seq };
            entries.push(StreamEntry { id, fields });
        }
    }
    (entries.len() == live).then_some(entries)
}
