//! A key's value as an RDB object: what DUMP serializes and RESTORE reads (`cmd/dump.rs`).
//!
//! Written as redis-server 7.0 writes each type: a small hash or sorted set as a listpack,
//! a set of at most 512 integers as an intset, a list as listpack nodes of up to 8 KiB
//! (`list-max-listpack-size -2`), a string as an integer when it is one that fits 32 bits;
//! larger collections in RDB's plain forms; streams in `rdb_stream.rs`. Read: every form
//! redis-server 7.0 loads for these types, the older encodings included.

use bytes::Bytes;

use super::listpack;
use super::rdb::{self, Reader};
use super::rdb_stream;
use super::ziplist;
use crate::store::hash::Hash;
use crate::store::list::{End, List};
use crate::store::number::parse_i64;
use crate::store::set::Set;
use crate::store::value::Value;
use crate::store::zset::{self, SortedSet};

const TYPE_STRING: u8 = 0;
const TYPE_SET: u8 = 2;
const TYPE_HASH: u8 = 4;
const TYPE_ZSET_2: u8 = 5;
const TYPE_SET_INTSET: u8 = 11;
const TYPE_HASH_LISTPACK: u8 = 16;
const TYPE_ZSET_LISTPACK: u8 = 17;
const TYPE_LIST_QUICKLIST_2: u8 = 18;
// Read only: the encodings of Redis 6.2 and earlier, and Redis 7.2's listpack sets.
const TYPE_LIST: u8 = 1;
const TYPE_ZSET: u8 = 3;
const TYPE_HASH_ZIPMAP: u8 = 9;
const TYPE_LIST_ZIPLIST: u8 = 10;
const TYPE_ZSET_ZIPLIST: u8 = 12;
const TYPE_HASH_ZIPLIST: u8 = 13;
const TYPE_LIST_QUICKLIST: u8 = 14;
const TYPE_SET_LISTPACK: u8 = 20;

/// A quicklist node's container: a listpack of elements (a plain node holds one element
/// over 1 GiB, which no embedis string reaches).
const CONTAINER_PACKED: u64 = 2;
const CONTAINER_PLAIN: u64 = 1;
/// The most bytes a list node's listpack holds (`list-max-listpack-size -2`).
const LIST_NODE_MAX_BYTES: usize = 8192;

/// The RDB object for `value`: its type byte and its encoding.
pub(crate) fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::String(bytes) => {
            out.push(TYPE_STRING);
            rdb::write_string(out, bytes);
        }
        Value::Int(n) => {
            out.push(TYPE_STRING);
            rdb::write_string(out, n.to_string().as_bytes());
        }
        Value::Hash(hash) => write_hash(hash, out),
        Value::SortedSet(set) => write_sorted_set(set, out),
        Value::Set(set) => write_set(set, out),
        Value::List(list) => write_list(list, out),
        Value::Stream(stream) => rdb_stream::write(stream, out),
    }
}

fn write_hash(hash: &Hash, out: &mut Vec<u8>) {
    if hash.is_compact() {
        out.push(TYPE_HASH_LISTPACK);
        let elements = hash
            .iter()
            .flat_map(|(field, value)| [field.as_ref(), value.as_ref()]);
        rdb::write_string(out, &listpack::encode(elements));
    } else {
        out.push(TYPE_HASH);
        rdb::write_length(out, hash.len() as u64);
        for (field, value) in hash.iter() {
            rdb::write_string(out, field);
            rdb::write_string(out, value);
        }
    }
}

fn write_sorted_set(set: &SortedSet, out: &mut Vec<u8>) {
    if set.is_compact() {
        out.push(TYPE_ZSET_LISTPACK);
        let texts: Vec<(&Bytes, String)> = set
            .iter()
            .map(|(member, score)| (member, zset::compact_score_text(score)))
            .collect();
        let elements = texts
            .iter()
            .flat_map(|(member, score)| [member.as_ref(), score.as_bytes()]);
        rdb::write_string(out, &listpack::encode(elements));
    } else {
        // Highest score first, as redis-server walks its skiplist from the tail.
        out.push(TYPE_ZSET_2);
        rdb::write_length(out, set.len() as u64);
        for (member, score) in set.by_rev_rank(0..set.len()) {
            rdb::write_string(out, member);
            out.extend_from_slice(&score.to_le_bytes());
        }
    }
}

fn write_set(set: &Set, out: &mut Vec<u8>) {
    let members = set.members();
    if set.is_intset() {
        let values: Vec<i64> = members.iter().filter_map(|m| parse_i64(m)).collect();
        out.push(TYPE_SET_INTSET);
        rdb::write_string(out, &listpack::encode_intset(&values));
    } else {
        out.push(TYPE_SET);
        rdb::write_length(out, members.len() as u64);
        for member in members {
            rdb::write_string(out, member);
        }
    }
}

fn write_list(list: &List, out: &mut Vec<u8>) {
    // Nodes filled in order up to their size limit, as RPUSH fills them.
    let mut nodes: Vec<Vec<&[u8]>> = vec![Vec::new()];
    let mut node_bytes = 7; // header and end byte
    for element in list.iter() {
        let entry = entry_size(element);
        let last = nodes
            .last_mut()
            .filter(|node| node.is_empty() || node_bytes + entry <= LIST_NODE_MAX_BYTES);
        match last {
            Some(node) => {
                node.push(element);
                node_bytes += entry;
            }
            None => {
                nodes.push(vec![element]);
                node_bytes = 7 + entry;
            }
        }
    }
    out.push(TYPE_LIST_QUICKLIST_2);
    rdb::write_length(out, nodes.len() as u64);
    for node in nodes {
        rdb::write_length(out, CONTAINER_PACKED);
        rdb::write_string(out, &listpack::encode(node));
    }
}

/// The bytes one element takes in a listpack.
fn entry_size(element: &[u8]) -> usize {
    listpack::encode([element]).len() - 7
}

/// A sorted set of distinct members (redis-server refuses a member twice).
fn sorted_set(members: Vec<(Bytes, f64)>) -> Option<Value> {
    let count = members.len();
    let set = SortedSet::from_members(members);
    (set.len() == count).then(|| Value::SortedSet(Box::new(set)))
}

/// Reads the RDB object of a payload body; `None` if it is not one embedis reads (a
/// module type) or is damaged.
pub(crate) fn read(reader: &mut Reader<'_>) -> Option<Value> {
    let kind = reader.byte()?;
    read_object(kind, reader)
}

/// Whether `kind` is an object type byte [`read_object`] knows (an RDB file reads the
/// key between the type and the object).
pub(crate) fn is_known_type(kind: u8) -> bool {
    matches!(
        kind,
        TYPE_STRING
            | TYPE_LIST
            | TYPE_SET
            | TYPE_ZSET
            | TYPE_HASH
            | TYPE_ZSET_2
            | TYPE_HASH_ZIPMAP
            | TYPE_LIST_ZIPLIST
            | TYPE_SET_INTSET
            | TYPE_ZSET_ZIPLIST
            | TYPE_HASH_ZIPLIST
            | TYPE_LIST_QUICKLIST
            | TYPE_HASH_LISTPACK
            | TYPE_ZSET_LISTPACK
            | TYPE_LIST_QUICKLIST_2
            | TYPE_SET_LISTPACK
            | rdb_stream::TYPE_STREAM_LISTPACKS
            | rdb_stream::TYPE_STREAM_LISTPACKS_2
            | rdb_stream::TYPE_STREAM_LISTPACKS_3
    )
}

/// Reads an object of type `kind` (its type byte already read); `None` as for [`read`],
/// and for an empty collection, which RESTORE refuses ("Bad data format").
pub(crate) fn read_object(kind: u8, reader: &mut Reader<'_>) -> Option<Value> {
    decode_object(kind, reader).filter(|value| !is_empty_collection(value))
}

/// Whether `value` is a hash, set, sorted set or list without elements: a key Redis never
/// holds, which an RDB file of an older server may still carry (redis-server skips it
/// while loading).
pub(crate) fn is_empty_collection(value: &Value) -> bool {
    match value {
        Value::Hash(hash) => hash.is_empty(),
        Value::Set(set) => set.is_empty(),
        Value::SortedSet(set) => set.is_empty(),
        Value::List(list) => list.is_empty(),
        _ => false,
    }
}

/// Decodes an object of type `kind` (its type byte already read), an empty collection
/// included. Every encoding redis-server 7.0 loads: its own, the older ones of Redis 6.2
/// and before (`ziplist.rs`), and 7.2's listpack sets.
pub(crate) fn decode_object(kind: u8, reader: &mut Reader<'_>) -> Option<Value> {
    let value = match kind {
        TYPE_STRING => Value::String(Bytes::from(reader.string()?)),
        TYPE_LIST => list_of(strings(reader)?),
        TYPE_SET => set_of(strings(reader)?)?,
        TYPE_HASH => hash_of(pairs(reader)?)?,
        TYPE_ZSET | TYPE_ZSET_2 => {
            let mut members = Vec::new();
            for _ in 0..reader.length_only()? {
                let member = Bytes::from(reader.string()?);
                let score = if kind == TYPE_ZSET_2 {
                    f64::from_le_bytes(reader.take(8)?.try_into().ok()?)
                } else {
                    text_score(reader)?
                };
                if score.is_nan() {
                    return None;
                }
                members.push((member, score));
            }
            sorted_set(members)?
        }
        TYPE_SET_INTSET => {
            let mut set = Set::default();
            for value in listpack::decode_intset(&reader.string()?)? {
                set.insert(Bytes::from(value.to_string()));
            }
            Value::Set(Box::new(set))
        }
        TYPE_SET_LISTPACK => set_of(listpack::decode(&reader.string()?)?)?,
        TYPE_HASH_LISTPACK => hash_of(listpack::decode(&reader.string()?)?)?,
        TYPE_HASH_ZIPLIST => hash_of(ziplist::decode_ziplist(&reader.string()?)?)?,
        TYPE_HASH_ZIPMAP => hash_of(ziplist::decode_zipmap(&reader.string()?)?)?,
        TYPE_ZSET_LISTPACK => zset_of(listpack::decode(&reader.string()?)?)?,
        TYPE_ZSET_ZIPLIST => zset_of(ziplist::decode_ziplist(&reader.string()?)?)?,
        TYPE_LIST_ZIPLIST => list_of(ziplist::decode_ziplist(&reader.string()?)?),
        TYPE_LIST_QUICKLIST => {
            let mut elements = Vec::new();
            for _ in 0..reader.length_only()? {
                elements.extend(ziplist::decode_ziplist(&reader.string()?)?);
            }
            list_of(elements)
        }
        TYPE_LIST_QUICKLIST_2 => {
            let mut elements = Vec::new();
            for _ in 0..reader.length_only()? {
                let container = reader.length_only()?;
                let node = reader.string()?;
                match container {
                    CONTAINER_PLAIN => elements.push(node),
                    CONTAINER_PACKED => elements.extend(listpack::decode(&node)?),
                    _ => return None,
                }
            }
            list_of(elements)
        }
        rdb_stream::TYPE_STREAM_LISTPACKS
        | rdb_stream::TYPE_STREAM_LISTPACKS_2
        | rdb_stream::TYPE_STREAM_LISTPACKS_3 => {
            Value::Stream(Box::new(rdb_stream::read(kind, reader)?))
        }
        _ => return None,
    };
    Some(value)
}

/// A count, then that many strings.
fn strings(reader: &mut Reader<'_>) -> Option<Vec<Vec<u8>>> {
    (0..reader.length_only()?)
        .map(|_| reader.string())
        .collect()
}

/// A count of pairs, then their strings, flattened.
fn pairs(reader: &mut Reader<'_>) -> Option<Vec<Vec<u8>>> {
    let count = reader.length_only()?;
    (0..count.checked_mul(2)?)
        .map(|_| reader.string())
        .collect()
}

/// A score of the first sorted-set encoding: a length byte and the number as text, or a
/// byte that stands for NaN or an infinity.
fn text_score(reader: &mut Reader<'_>) -> Option<f64> {
    match reader.byte()? {
        253 => Some(f64::NAN),
        254 => Some(f64::INFINITY),
        255 => Some(f64::NEG_INFINITY),
        len => std::str::from_utf8(reader.take(usize::from(len))?)
            .ok()?
            .parse()
            .ok(),
    }
}

fn list_of(elements: Vec<Vec<u8>>) -> Value {
    let mut list = List::default();
    for element in elements {
        list.push(End::Right, Bytes::from(element));
    }
    Value::List(Box::new(list))
}

/// A set of distinct members (redis-server refuses a member twice).
fn set_of(members: Vec<Vec<u8>>) -> Option<Value> {
    let mut set = Set::default();
    for member in members {
        if !set.insert(Bytes::from(member)) {
            return None;
        }
    }
    Some(Value::Set(Box::new(set)))
}

/// A hash of flattened field-value pairs, each field once.
fn hash_of(elements: Vec<Vec<u8>>) -> Option<Value> {
    if !elements.len().is_multiple_of(2) {
        return None;
    }
    let mut hash = Hash::default();
    let mut pairs = elements.into_iter();
    while let (Some(field), Some(value)) = (pairs.next(), pairs.next()) {
        if !hash.insert(Bytes::from(field), Bytes::from(value)) {
            return None;
        }
    }
    Some(Value::Hash(Box::new(hash)))
}

/// A sorted set of flattened member-score pairs, scores as text.
fn zset_of(elements: Vec<Vec<u8>>) -> Option<Value> {
    if !elements.len().is_multiple_of(2) {
        return None;
    }
    let mut members = Vec::with_capacity(elements.len() / 2);
    let mut pairs = elements.into_iter();
    while let (Some(member), Some(score)) = (pairs.next(), pairs.next()) {
        let score = crate::store::double::parse_score(&score)?;
        members.push((Bytes::from(member), score));
    }
    sorted_set(members)
}
