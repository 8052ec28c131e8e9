//! MEMORY USAGE's figure: the bytes redis-server 7.0 (built with jemalloc, as Debian's and
//! the official images are) reports for a key, computed from the value as redis-server
//! would hold it rather than from embedis's own structures, so a test that budgets memory
//! by Redis's numbers gets Redis's numbers.
//!
//! redis-server adds its allocation of the key name and the table entry to an estimate of
//! the value (`objectComputeSize`): exact for strings and for the small collections kept
//! as one listpack or intset, an average over the first `samples` elements (or list
//! nodes, or stream nodes) times their number for the rest. Each allocation counts as
//! jemalloc rounds it (size classes, [`allocation`]). What embedis cannot know is
//! estimated the way Redis's common case goes, and said where:
//! - a string counts as created by SET (APPEND and SETRANGE leave spare room on Redis);
//! - hash tables are as large as inserting their elements made them (a table shrunk after
//!   deletions is smaller on Redis, and one caught growing counts both its sizes);
//! - a sorted set's skip list nodes count at the average level (Redis draws levels at
//!   random, so its own figure varies from key to key by a few percent);
//! - list nodes are filled as pushes at the tail fill them (8 KiB listpacks); past a
//!   million elements, counted from the sampled nodes' average (a list of varied elements
//!   is then estimated, as redis-server estimates their size);
//! - a stream's open node counts its 4 KiB preallocation, a node closed at 100 entries
//!   its exact size, as XADD leaves them.

use super::hash::Hash;
use super::list::List;
use super::listpack_size;
use super::number::parse_i64;
use super::set::Set;
use super::stream::{Stream, StreamId};
use super::value::Value;
use super::zset::{compact_score_text, SortedSet};

/// `robj`.
const OBJECT: usize = 16;
/// `dictEntry`.
const DICT_ENTRY: usize = 24;
/// `dict`.
const DICT: usize = 56;
/// `quicklist` and `quicklistNode`.
const QUICKLIST: usize = 40;
const QUICKLIST_NODE: usize = 40;
/// A list node's listpack is full past 8 KiB (`list-max-listpack-size -2`); redis-server
/// counts 8 bytes of overhead per element when it checks.
const LIST_NODE_LIMIT: usize = 8192;
const LIST_INSERT_OVERHEAD: usize = 8;
/// `zset`, `zskiplist`, and the skip list's header node (32 levels).
const ZSET: usize = 16;
const ZSKIPLIST: usize = 32;
const ZSKIPLIST_HEADER: usize = 24 + 32 * 16;
/// A skip list node's allocation on average: 24 bytes and 16 per level, rounded up by
/// jemalloc to 32 + 16 per level, with levels drawn as redis-server draws them (each
/// further level with probability 1/4: 4/3 levels on average).
const ZSKIPLIST_NODE: f64 = 32.0 + 16.0 * 4.0 / 3.0;
/// `stream`, `streamCG`, `streamNACK`, `streamConsumer`, a stream ID.
const STREAM: usize = 80;
const STREAM_GROUP: usize = 40;
const STREAM_NACK: usize = 24;
const STREAM_CONSUMER: usize = 24;
const STREAM_ID: usize = 16;
/// What redis-server counts per radix tree node: `raxNode` and 30 words of children.
const RAX_NODE: usize = 4 + 8 * 30;
/// XADD preallocates a new node's listpack (`stream-node-max-bytes`).
const STREAM_NODE_PREALLOCATION: usize = super::stream::log::BLOCK_MAX_BYTES;
/// Lists longer than this count their nodes from the sampled ones (see `list_usage`).
const EXACT_LIST_LEN: usize = 1 << 20;
/// Strings up to this length live in the object's own allocation (embstr).
const EMBSTR_MAX_LEN: usize = 44;

/// The bytes jemalloc hands out for a request of `size` bytes: 8, multiples of 16 up to
/// 128, then four classes per doubling.
pub(crate) fn allocation(size: usize) -> usize {
    if size <= 8 {
        return 8;
    }
    let step = if size <= 128 {
        16
    } else {
        size.next_power_of_two() / 8
    };
    size.div_ceil(step) * step
}

/// An `sds` string of `len` bytes, allocated exactly: header, bytes, NUL.
fn sds(len: usize) -> usize {
    let header = match len {
        1..=31 => 1,
        0 | 32..=255 => 3,
        256..=65_535 => 5,
        65_536..=4_294_967_295 => 9,
        _ => 17,
    };
    allocation(header + len + 1)
}

/// A table's buckets: a power of two, at least 4, grown as inserting `len` grows it.
fn buckets(len: usize) -> usize {
    len.max(4).next_power_of_two()
}

/// What MEMORY USAGE answers for `key` holding `value`, sampling `samples` elements of a
/// large collection (`usize::MAX`: all of them).
pub(crate) fn key_usage(key: &[u8], value: &Value, samples: usize) -> u64 {
    dataset_usage(key, value, samples) + DICT_ENTRY as u64
}

/// The part of [`key_usage`] MEMORY STATS counts as dataset: the value and the key's name
/// (the table entry is the table's overhead, [`table_overhead`]).
pub(crate) fn dataset_usage(key: &[u8], value: &Value, samples: usize) -> u64 {
    let samples = samples.max(1);
    let value = match value {
        Value::Int(_) => OBJECT,
        Value::String(bytes) => string(bytes),
        Value::List(list) => list_usage(list, samples),
        Value::Hash(hash) => hash_usage(hash, samples),
        Value::Set(set) => set_usage(set, samples),
        Value::SortedSet(set) => sorted_set_usage(set, samples),
        Value::Stream(stream) => stream_usage(stream, samples),
    };
    (value + sds(key.len())) as u64
}

/// MEMORY STATS' overhead of a database's tables, as redis-server counts it: the main
/// table (an entry, a bucket and an object per key) and the table of deadlines (an entry
/// and a bucket per key that has one).
pub(crate) fn table_overhead(keys: usize, volatile: usize) -> (u64, u64) {
    let table = |len: usize| (len * DICT_ENTRY + 8 * buckets(len)) as u64;
    let main = table(keys) + (keys * OBJECT) as u64;
    let expires = if volatile == 0 { 0 } else { table(volatile) };
    (main, expires)
}

fn string(bytes: &[u8]) -> usize {
    if bytes.len() <= 20 && parse_i64(bytes).is_some() {
        OBJECT
    } else if bytes.len() <= EMBSTR_MAX_LEN {
        allocation(OBJECT + 3 + bytes.len() + 1)
    } else {
        OBJECT + sds(bytes.len())
    }
}

/// An average over the first `samples` of `each` sizes, times `count`, added as redis-server
/// adds a `double` to a `size_t`.
fn sampled(base: usize, each: impl Iterator<Item = f64>, samples: usize, count: usize) -> usize {
    let (mut total, mut taken) = (0.0, 0usize);
    for size in each.take(samples) {
        total += size;
        taken += 1;
    }
    if taken == 0 {
        return base;
    }
    (base as f64 + total / taken as f64 * count as f64) as usize
}

fn list_usage(list: &List, samples: usize) -> usize {
    quicklist_usage(list.iter(), list.len(), samples, EXACT_LIST_LEN)
}

/// A quicklist of `len` `elements`: the nodes' listpack sizes, filled from the head as tail
/// pushes fill them. Past `exact_up_to` elements, it stops after the sampled nodes and
/// counts the rest from their average: as redis-server reads only those, MEMORY USAGE
/// stays cheap on a list of millions.
fn quicklist_usage<'a>(
    elements: impl Iterator<Item = &'a bytes::Bytes>,
    len: usize,
    samples: usize,
    exact_up_to: usize,
) -> usize {
    let mut nodes = Vec::new();
    let mut current = 0usize;
    let mut consumed = 0usize;
    let extrapolate = len > exact_up_to;
    for element in elements {
        if current > 0 && current + element.len() + LIST_INSERT_OVERHEAD > LIST_NODE_LIMIT {
            nodes.push(current);
            current = 0;
            if extrapolate && nodes.len() >= samples {
                break;
            }
        }
        if current == 0 {
            current = listpack_size::HEADER_AND_END;
        }
        current += listpack_size::element(element);
        consumed += 1;
    }
    let count = if consumed == len {
        if current > 0 {
            nodes.push(current);
        }
        nodes.len()
    } else {
        // Every node so far is full: the rest hold as many elements on average.
        let per_node = (consumed / nodes.len().max(1)).max(1);
        len.div_ceil(per_node)
    };
    let base = OBJECT + QUICKLIST;
    let each = nodes
        .into_iter()
        .map(|bytes| (QUICKLIST_NODE + allocation(bytes)) as f64);
    sampled(base, each, samples, count)
}

fn hash_usage(hash: &Hash, samples: usize) -> usize {
    if hash.is_compact() {
        let elements = hash
            .iter()
            .flat_map(|(field, value)| [&field[..], &value[..]]);
        return OBJECT + allocation(listpack_size::listpack(elements));
    }
    let base = OBJECT + DICT + 8 * buckets(hash.len());
    let each = hash
        .iter()
        .map(|(field, value)| (sds(field.len()) + sds(value.len()) + DICT_ENTRY) as f64);
    sampled(base, each, samples, hash.len())
}

fn set_usage(set: &Set, samples: usize) -> usize {
    if set.is_intset() {
        let width = set
            .iter()
            .filter_map(|member| parse_i64(member))
            .map(|value| {
                if i16::try_from(value).is_ok() {
                    2
                } else if i32::try_from(value).is_ok() {
                    4
                } else {
                    8
                }
            })
            .max()
            .unwrap_or(2);
        return OBJECT + allocation(8 + width * set.len());
    }
    let base = OBJECT + DICT + 8 * buckets(set.len());
    let each = set
        .iter()
        .map(|member| (DICT_ENTRY + sds(member.len())) as f64);
    sampled(base, each, samples, set.len())
}

fn sorted_set_usage(set: &SortedSet, samples: usize) -> usize {
    if set.is_compact() {
        let bytes = listpack_size::HEADER_AND_END
            + set
                .iter()
                .map(|(member, score)| {
                    listpack_size::element(member)
                        + listpack_size::element(compact_score_text(score).as_bytes())
                })
                .sum::<usize>();
        return OBJECT + allocation(bytes);
    }
    let base =
        OBJECT + ZSET + ZSKIPLIST + DICT + 8 * buckets(set.len()) + allocation(ZSKIPLIST_HEADER);
    let each = set
        .iter()
        .map(|(member, _)| (sds(member.len()) + DICT_ENTRY) as f64 + ZSKIPLIST_NODE);
    sampled(base, each, samples, set.len())
}

/// A stream ID as a radix tree key: milliseconds then sequence, big-endian.
fn rax_key(id: StreamId) -> [u8; 16] {
    let mut key = [0; 16];
    key[..8].copy_from_slice(&id.ms.to_be_bytes());
    key[8..].copy_from_slice(&id.seq.to_be_bytes());
    key
}

/// The nodes of a radix tree holding `keys` (sorted, distinct, of one length), chains of
/// single children compressed into one node, as a tree built by inserting them in order is.
fn rax_nodes(keys: &[[u8; 16]], depth: usize) -> usize {
    match keys {
        [] => 1,
        [_] if depth == 16 => 1,
        [_] => 2,
        _ => {
            let (first, last) = (&keys[0], &keys[keys.len() - 1]);
            let common = (depth..16).take_while(|&at| first[at] == last[at]).count();
            if common > 0 {
                return 1 + rax_nodes(keys, depth + common);
            }
            // A node with one child per distinct byte here.
            let mut nodes = 1;
            let mut start = 0;
            while start < keys.len() {
                let byte = keys[start][depth];
                let end = start
                    + keys[start..]
                        .iter()
                        .take_while(|key| key[depth] == byte)
                        .count();
                nodes += rax_nodes(&keys[start..end], depth + 1);
                start = end;
            }
            nodes
        }
    }
}

/// redis-server's estimate of a radix tree of stream IDs.
fn rax_usage(ids: impl Iterator<Item = StreamId>) -> usize {
    let keys: Vec<[u8; 16]> = ids.map(rax_key).collect();
    keys.len() * STREAM_ID + rax_nodes(&keys, 0) * RAX_NODE
}

fn stream_usage(stream: &Stream, samples: usize) -> usize {
    let nodes: Vec<_> = stream.log.raw_nodes().collect();
    let mut size = OBJECT + STREAM + rax_usage(nodes.iter().map(|node| node.first));
    let last = nodes.len().saturating_sub(1);
    let node_allocation = |index: usize| {
        let node = &nodes[index];
        let bytes = allocation(node.listpack_bytes());
        let closed_full = node.live + node.deleted >= super::stream::log::BLOCK_MAX_ENTRIES;
        if index == last || !closed_full {
            bytes.max(STREAM_NODE_PREALLOCATION)
        } else {
            bytes
        }
    };
    let taken = nodes.len().min(samples);
    let first: usize = (0..taken).map(node_allocation).sum();
    if nodes.len() <= taken {
        size += first;
    } else if let Some(average) = first.checked_div(taken) {
        size += average * (nodes.len() - 1) + node_allocation(last);
    }
    for group in stream.groups.values() {
        size += STREAM_GROUP + rax_usage(group.pel.keys().copied());
        size += STREAM_NACK * group.pel.len();
        for (name, consumer) in &group.consumers {
            size += STREAM_CONSUMER + name.len();
            size += rax_usage(consumer.pending.iter().copied());
        }
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jemalloc_size_classes() {
        let cases = [
            (1, 8),
            (8, 8),
            (9, 16),
            (23, 32),
            (48, 48),
            (129, 160),
            (536, 640),
            (1017, 1024),
            (4096, 4096),
            (4097, 5120),
        ];
        for (size, class) in cases {
            assert_eq!(allocation(size), class, "{size}");
        }
    }

    #[test]
    fn a_long_list_of_like_elements_counts_its_nodes_from_the_sampled_ones() {
        let elements: Vec<bytes::Bytes> = (0..20_000)
            .map(|n| bytes::Bytes::from(format!("e{:05}", n % 100_000)))
            .collect();
        let exact = quicklist_usage(elements.iter(), elements.len(), 5, usize::MAX);
        let estimated = quicklist_usage(elements.iter(), elements.len(), 5, 1000);
        assert_eq!(estimated, exact);
        // Sampling every node (SAMPLES 0) reads them all, past the limit too.
        assert_eq!(
            quicklist_usage(elements.iter(), elements.len(), usize::MAX, 1000),
            quicklist_usage(elements.iter(), elements.len(), usize::MAX, usize::MAX)
        );
    }

    #[test]
    fn radix_trees_count_shared_prefixes_once() {
        let id = |ms, seq| rax_key(StreamId { ms, seq });
        assert_eq!(rax_nodes(&[], 0), 1);
        assert_eq!(rax_nodes(&[id(1, 0)], 0), 2);
        // A shared prefix, a node with two children, each a chain and its key.
        assert_eq!(rax_nodes(&[id(1, 0), id(101, 0)], 0), 6);
        assert_eq!(rax_nodes(&[id(1, 0), id(1, 1)], 0), 4);
    }
}
