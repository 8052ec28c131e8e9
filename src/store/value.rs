//! The values a key can hold. One variant per Redis type (rate-limit buckets are strings,
//! as redis-cell stores them).

use bytes::Bytes;

/// A stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A Redis string: any bytes, integers and floats kept in their decimal text as Redis
    /// shows them.
    String(Bytes),
    /// A string holding a canonical `i64`, kept as a number so INCR and friends update it
    /// in place without parsing or allocating (Redis's int encoding). Readers see its
    /// decimal text; TYPE says `string`.
    Int(i64),
    /// A stream: its log and consumer groups (boxed: streams are rare next to strings,
    /// and a value stays two words).
    Stream(Box<super::stream::Stream>),
    /// A hash: fields and their values (boxed, as streams are).
    Hash(Box<super::hash::Hash>),
    /// A sorted set: members ordered by score.
    SortedSet(Box<super::zset::SortedSet>),
    /// A list: elements head first.
    List(Box<super::list::List>),
    /// A set: distinct members.
    Set(Box<super::set::Set>),
}

impl Value {
    /// The name TYPE replies with and SCAN TYPE filters by.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) | Value::Int(_) => "string",
            Value::Stream(_) => "stream",
            Value::Hash(_) => "hash",
            Value::SortedSet(_) => "zset",
            Value::List(_) => "list",
            Value::Set(_) => "set",
        }
    }

    /// The hash, if this is one (a picker for `Ctx::value_as`).
    pub(crate) fn hash_mut(&mut self) -> Option<&mut super::hash::Hash> {
        match self {
            Value::Hash(hash) => Some(hash),
            _ => None,
        }
    }

    /// The sorted set, if this is one.
    pub(crate) fn sorted_set_mut(&mut self) -> Option<&mut super::zset::SortedSet> {
        match self {
            Value::SortedSet(set) => Some(set),
            _ => None,
        }
    }

    /// The list, if this is one.
    pub(crate) fn list_mut(&mut self) -> Option<&mut super::list::List> {
        match self {
            Value::List(list) => Some(list),
            _ => None,
        }
    }

    /// The set, if this is one.
    pub(crate) fn set_mut(&mut self) -> Option<&mut super::set::Set> {
        match self {
            Value::Set(set) => Some(set),
            _ => None,
        }
    }

    /// The value itself if it is a sorted set or a set: the inputs ZUNION and its
    /// relatives accept.
    pub(crate) fn scored_mut(&mut self) -> Option<&mut Value> {
        match self {
            Value::SortedSet(_) | Value::Set(_) => Some(self),
            _ => None,
        }
    }

    /// The bytes of a string value (an integer as its decimal text), or `None` for other
    /// types.
    pub fn to_bytes(&self) -> Option<Bytes> {
        match self {
            Value::String(bytes) => Some(bytes.clone()),
            Value::Int(n) => Some(Bytes::from(n.to_string())),
            _ => None,
        }
    }
}
