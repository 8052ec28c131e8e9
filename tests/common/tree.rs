//! RESP frames as trees, so a differential test can mask one field of a nested reply (a
//! time, a field redis-server 7.0 lacks) and compare the rest byte for byte.

use super::{bulk, find, frame_len};

/// A parsed RESP frame: aggregates (array, set, push, map) keep their items (a map's keys
/// and values alternate); anything else is kept as its raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Leaf(Vec<u8>),
    Agg { kind: u8, items: Vec<Node> },
}

/// The first frame of `bytes` as a tree, and its length in bytes.
pub fn parse_node(bytes: &[u8]) -> Option<(Node, usize)> {
    let kind = *bytes.first()?;
    if matches!(kind, b'*' | b'~' | b'>' | b'%') {
        let line_end = find(bytes, b"\r\n")?;
        let count: i64 = std::str::from_utf8(&bytes[1..line_end])
            .ok()?
            .parse()
            .ok()?;
        if count >= 0 {
            let items_count = if kind == b'%' { count * 2 } else { count };
            let mut at = line_end + 2;
            let mut items = Vec::new();
            for _ in 0..items_count {
                let (item, len) = parse_node(bytes.get(at..)?)?;
                items.push(item);
                at += len;
            }
            return Some((Node::Agg { kind, items }, at));
        }
    }
    let len = frame_len(bytes)?;
    Some((Node::Leaf(bytes[..len].to_vec()), len))
}

/// The RESP bytes of a tree (the inverse of [`parse_node`]).
pub fn encode_node(node: &Node, out: &mut Vec<u8>) {
    match node {
        Node::Leaf(bytes) => out.extend_from_slice(bytes),
        Node::Agg { kind, items } => {
            let count = if *kind == b'%' {
                items.len() / 2
            } else {
                items.len()
            };
            out.push(*kind);
            out.extend_from_slice(format!("{count}\r\n").as_bytes());
            for item in items {
                encode_node(item, out);
            }
        }
    }
}

/// A bulk string leaf's payload.
pub fn leaf_bulk(node: &Node) -> Option<&[u8]> {
    match node {
        Node::Leaf(bytes) => bulk(bytes).map(|(payload, _)| payload),
        Node::Agg { .. } => None,
    }
}

/// An integer leaf's value.
pub fn leaf_int(node: &Node) -> Option<i64> {
    match node {
        Node::Leaf(bytes) => std::str::from_utf8(bytes.strip_prefix(b":")?.strip_suffix(b"\r\n")?)
            .ok()?
            .parse()
            .ok(),
        Node::Agg { .. } => None,
    }
}

/// Takes out of a map's items (keys and values alternating) the pairs whose key is one of
/// `keys`.
pub fn remove_pairs(items: &mut Vec<Node>, keys: &[&[u8]]) {
    let mut i = 0;
    while i + 1 < items.len() {
        if leaf_bulk(&items[i]).is_some_and(|key| keys.contains(&key)) {
            items.drain(i..i + 2);
        } else {
            i += 2;
        }
    }
}
