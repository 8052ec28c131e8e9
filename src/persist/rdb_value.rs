//! A key's value as an RDB object: what DUMP serializes and RESTORE reads (`cmd/dump.rs`).
//!
//! Written as redis-server 7.0 writes each type: a small hash or sorted set as a listpack,
//! a set of at most 512 integers as an intset, a list as listpack nodes of up to 8 KiB
//! (`list-max-listpack-size -2`), a string as an integer when it is one that fits 32 bits;
//! larger collections in RDB's plain forms; streams in `rdb_stream.rs`. Read: every form
//! redis-server 7.0 writes for these types.

use bytes::Bytes;

use super::listpack;
use super::rdb::{self, Reader};
use super::rdb_stream;
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
/// module type, a format older than 7.0's for these types) or is damaged.
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
            | TYPE_SET
            | TYPE_HASH
            | TYPE_ZSET_2
            | TYPE_SET_INTSET
            | TYPE_HASH_LISTPACK
            | TYPE_ZSET_LISTPACK
            | TYPE_LIST_QUICKLIST_2
            | rdb_stream::TYPE_STREAM_LISTPACKS
            | rdb_stream::TYPE_STREAM_LISTPACKS_2
            | rdb_stream::TYPE_STREAM_LISTPACKS_3
    )
}

/// Reads an object of type `kind` (its type byte already read); `None` as for [`read`].
pub(crate) fn read_object(kind: u8, reader: &mut Reader<'_>) -> Option<Value> {
    let value = match kind {
        TYPE_STRING => Value::String(Bytes::from(reader.string()?)),
        TYPE_SET => {
            let mut set = Set::default();
            for _ in 0..reader.length_only()? {
                if !set.insert(Bytes::from(reader.string()?)) {
                    return None; // a member twice
                }
            }
            Value::Set(Box::new(set))
        }
        TYPE_HASH => {
            let mut hash = Hash::default();
            for _ in 0..reader.length_only()? {
                let field = Bytes::from(reader.string()?);
                if !hash.insert(field, Bytes::from(reader.string()?)) {
                    return None; // a field twice
                }
            }
            Value::Hash(Box::new(hash))
        }
        TYPE_ZSET_2 => {
            let mut members = Vec::new();
            for _ in 0..reader.length_only()? {
                let member = Bytes::from(reader.string()?);
                let score = f64::from_le_bytes(reader.take(8)?.try_into().ok()?);
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
        TYPE_HASH_LISTPACK => {
            let elements = listpack::decode(&reader.string()?)?;
            if elements.len() % 2 != 0 {
                return None;
            }
            let mut hash = Hash::default();
            let mut pairs = elements.into_iter();
            while let (Some(field), Some(value)) = (pairs.next(), pairs.next()) {
                if !hash.insert(Bytes::from(field), Bytes::from(value)) {
                    return None; // a field twice
                }
            }
            Value::Hash(Box::new(hash))
        }
        TYPE_ZSET_LISTPACK => {
            let elements = listpack::decode(&reader.string()?)?;
            if elements.len() % 2 != 0 {
                return None;
            }
            let mut members = Vec::with_capacity(elements.len() / 2);
            let mut pairs = elements.into_iter();
            while let (Some(member), Some(score)) = (pairs.next(), pairs.next()) {
                let score = crate::store::double::parse_score(&score)?;
                members.push((Bytes::from(member), score));
            }
            sorted_set(members)?
        }
        TYPE_LIST_QUICKLIST_2 => {
            let mut list = List::default();
            for _ in 0..reader.length_only()? {
                let container = reader.length_only()?;
                let node = reader.string()?;
                if container == CONTAINER_PLAIN {
                    list.push(End::Right, Bytes::from(node));
                    continue;
                }
                if container != CONTAINER_PACKED {
                    return None;
                }
                for element in listpack::decode(&node)? {
                    list.push(End::Right, Bytes::from(element));
                }
            }
            Value::List(Box::new(list))
        }
        rdb_stream::TYPE_STREAM_LISTPACKS
        | rdb_stream::TYPE_STREAM_LISTPACKS_2
        | rdb_stream::TYPE_STREAM_LISTPACKS_3 => {
            Value::Stream(Box::new(rdb_stream::read(kind, reader)?))
        }
        _ => return None,
    };
    // redis-server refuses empty collections ("Bad data format").
    let empty = match &value {
        Value::Hash(hash) => hash.is_empty(),
        Value::Set(set) => set.is_empty(),
        Value::SortedSet(set) => set.is_empty(),
        Value::List(list) => list.is_empty(),
        _ => false,
    };
    (!empty).then_some(value)
}
