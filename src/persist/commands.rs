//! The Redis commands both the append-only file's effects and the dataset rewrite write, each
//! written straight into a RESP buffer (numbers and IDs formatted on the stack), so one
//! command has one spelling whichever of them writes it.

use bytes::Bytes;

use super::resp::{decimal, write_array_len, write_bulk, write_bulk_i64, write_bulk_u64};
use crate::store::stream::{Pending, StreamId};

/// A stream ID as a bulk string, formatted on the stack.
pub(crate) fn write_bulk_id(id: StreamId, out: &mut Vec<u8>) {
    let (mut ms_digits, mut seq_digits) = ([0; 20], [0; 20]);
    let (ms, seq) = (
        decimal(id.ms, &mut ms_digits),
        decimal(id.seq, &mut seq_digits),
    );
    let mut text = [0u8; 41];
    text[..ms.len()].copy_from_slice(ms);
    text[ms.len()] = b'-';
    let end = ms.len() + 1 + seq.len();
    text[ms.len() + 1..end].copy_from_slice(seq);
    write_bulk(&text[..end], out);
}

/// RETRYCOUNT is read as a signed 64-bit integer.
fn retry_count(deliveries: u64) -> u64 {
    deliveries.min(i64::MAX as u64)
}

/// `SET key value [PXAT deadline]`.
pub(crate) fn set(key: &[u8], value: &[u8], deadline: Option<u64>, out: &mut Vec<u8>) {
    write_array_len(if deadline.is_some() { 5 } else { 3 }, out);
    write_bulk(b"SET", out);
    write_bulk(key, out);
    write_bulk(value, out);
    if let Some(deadline) = deadline {
        write_bulk(b"PXAT", out);
        write_bulk_u64(deadline, out);
    }
}

/// Items per `HSET`, `ZADD` or `RPUSH` when a whole collection is written out, as Redis's
/// rewrite batches them (`AOF_REWRITE_ITEMS_PER_CMD`).
const ITEMS_PER_COMMAND: usize = 64;

/// `NAME key item ...` for every item, one command per 64 items; nothing for none. Each item
/// is `words` arguments, written by `write`.
fn batched<I: ExactSizeIterator>(
    name: &[u8],
    key: &[u8],
    items: I,
    words: usize,
    out: &mut Vec<u8>,
    mut write: impl FnMut(I::Item, &mut Vec<u8>),
) {
    let mut left = items.len();
    for (n, item) in items.enumerate() {
        if n % ITEMS_PER_COMMAND == 0 {
            let in_this = left.min(ITEMS_PER_COMMAND);
            left -= in_this;
            write_array_len(2 + words * in_this, out);
            write_bulk(name, out);
            write_bulk(key, out);
        }
        write(item, out);
    }
}

/// `HSET key field value ...`.
pub(crate) fn hset<'a>(
    key: &[u8],
    pairs: impl ExactSizeIterator<Item = (&'a Bytes, &'a Bytes)>,
    out: &mut Vec<u8>,
) {
    batched(b"HSET", key, pairs, 2, out, |(field, value), out| {
        write_bulk(field, out);
        write_bulk(value, out);
    });
}

/// `ZADD key score member ...`, scores as `%.17g`, which reads back to the same double
/// (`inf` and `-inf` included).
pub(crate) fn zadd<'a>(
    key: &[u8],
    pairs: impl ExactSizeIterator<Item = (&'a Bytes, f64)>,
    out: &mut Vec<u8>,
) {
    batched(b"ZADD", key, pairs, 2, out, |(member, score), out| {
        write_bulk(crate::reply::format_double(score).as_bytes(), out);
        write_bulk(member, out);
    });
}

/// `RPUSH key element ...`.
pub(crate) fn rpush<'a>(
    key: &[u8],
    elements: impl ExactSizeIterator<Item = &'a Bytes>,
    out: &mut Vec<u8>,
) {
    batched(b"RPUSH", key, elements, 1, out, |element, out| {
        write_bulk(element, out)
    });
}

/// `SADD key member ...`.
pub(crate) fn sadd<'a>(
    key: &[u8],
    members: impl ExactSizeIterator<Item = &'a Bytes>,
    out: &mut Vec<u8>,
) {
    batched(b"SADD", key, members, 1, out, |member, out| {
        write_bulk(member, out)
    });
}

/// The commands that rebuild a hash, sorted set, list or set at `key`, with its deadline; `false`
/// (and nothing written) for a string or a stream, which their callers write their own way.
pub(crate) fn collection(
    key: &[u8],
    value: &crate::store::value::Value,
    deadline: Option<u64>,
    out: &mut Vec<u8>,
) -> bool {
    use crate::store::value::Value;
    match value {
        Value::Hash(hash) => hset(key, hash.iter(), out),
        Value::SortedSet(set) => zadd(key, set.iter(), out),
        Value::List(list) => rpush(key, list.iter(), out),
        Value::Set(set) => sadd(key, set.members().into_iter(), out),
        Value::String(_) | Value::Int(_) | Value::Stream(_) => return false,
    }
    if let Some(deadline) = deadline {
        pexpireat(key, deadline, out);
    }
    true
}

/// `SELECT db`: the effects after it apply to database `db`.
pub(crate) fn select(db: usize, out: &mut Vec<u8>) {
    write_array_len(2, out);
    write_bulk(b"SELECT", out);
    write_bulk_u64(db as u64, out);
}

/// `FUNCTION LOAD REPLACE code`: a function library, as the rewrite writes it and FUNCTION
/// LOAD logs it (REPLACE, so replaying over a file that already holds it succeeds).
#[cfg_attr(not(feature = "lua"), allow(dead_code))] // libraries exist with `lua` only
pub(crate) fn function_load(code: &[u8], out: &mut Vec<u8>) {
    write_array_len(4, out);
    write_bulk(b"FUNCTION", out);
    write_bulk(b"LOAD", out);
    write_bulk(b"REPLACE", out);
    write_bulk(code, out);
}

/// `DEL key`.
pub(crate) fn del(key: &[u8], out: &mut Vec<u8>) {
    write_array_len(2, out);
    write_bulk(b"DEL", out);
    write_bulk(key, out);
}

/// `PEXPIREAT key deadline`.
pub(crate) fn pexpireat(key: &[u8], deadline: u64, out: &mut Vec<u8>) {
    write_array_len(3, out);
    write_bulk(b"PEXPIREAT", out);
    write_bulk(key, out);
    write_bulk_u64(deadline, out);
}

/// `XADD key id field value ...`.
pub(crate) fn xadd(key: &[u8], id: StreamId, fields: &[(Bytes, Bytes)], out: &mut Vec<u8>) {
    write_array_len(3 + 2 * fields.len(), out);
    write_bulk(b"XADD", out);
    write_bulk(key, out);
    write_bulk_id(id, out);
    for (field, value) in fields {
        write_bulk(field, out);
        write_bulk(value, out);
    }
}

/// `XGROUP CREATE|SETID key group id [MKSTREAM] ENTRIESREAD n` (-1: not known).
pub(crate) fn xgroup_position(
    subcommand: &[u8],
    key: &[u8],
    group: &[u8],
    id: StreamId,
    mkstream: bool,
    entries_read: Option<u64>,
    out: &mut Vec<u8>,
) {
    write_array_len(7 + usize::from(mkstream), out);
    write_bulk(b"XGROUP", out);
    write_bulk(subcommand, out);
    write_bulk(key, out);
    write_bulk(group, out);
    write_bulk_id(id, out);
    if mkstream {
        write_bulk(b"MKSTREAM", out);
    }
    write_bulk(b"ENTRIESREAD", out);
    match entries_read.and_then(|n| i64::try_from(n).ok()) {
        Some(n) => write_bulk_i64(n, out),
        None => write_bulk(b"-1", out),
    }
}

/// `XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n FORCE JUSTID`: the pending entry
/// exactly as it is, whoever owned it before.
pub(crate) fn xclaim(key: &[u8], group: &[u8], id: StreamId, pending: &Pending, out: &mut Vec<u8>) {
    write_array_len(12, out);
    for arg in [&b"XCLAIM"[..], key, group, &pending.consumer, b"0"] {
        write_bulk(arg, out);
    }
    write_bulk_id(id, out);
    write_bulk(b"TIME", out);
    write_bulk_u64(pending.delivered_at, out);
    write_bulk(b"RETRYCOUNT", out);
    write_bulk_u64(retry_count(pending.deliveries), out);
    write_bulk(b"FORCE", out);
    write_bulk(b"JUSTID", out);
}

/// `XNACK key group FAIL IDS 1 id RETRYCOUNT n FORCE`: releases one entry with its count.
pub(crate) fn xnack(key: &[u8], group: &[u8], id: StreamId, deliveries: u64, out: &mut Vec<u8>) {
    write_array_len(10, out);
    for arg in [&b"XNACK"[..], key, group, b"FAIL", b"IDS", b"1"] {
        write_bulk(arg, out);
    }
    write_bulk_id(id, out);
    write_bulk(b"RETRYCOUNT", out);
    write_bulk_u64(retry_count(deliveries), out);
    write_bulk(b"FORCE", out);
}
