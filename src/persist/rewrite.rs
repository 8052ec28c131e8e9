//! The dataset as a minimal stream of Redis commands: what redis-server's BGREWRITEAOF
//! writes, and what `redis-cli --pipe` loads into a real Redis.
//!
//! Pure: the keyspace and the instant come in, RESP request bytes go out. Keys come in
//! byte order, a stream's entries in ID order, groups and consumers in name order, so the
//! same dataset always gives the same bytes.
//!
//! # What each key becomes
//! - A string (an integer too, as its decimal text): `SET key value [PXAT deadline]`.
//! - A stream:
//!   1. every live entry as `XADD key <id> field value ...`, with its own ID;
//!   2. groups: `XGROUP CREATE key group <last-delivered-id> ENTRIESREAD <n|-1>`, then per
//!      consumer (by name) `XCLAIM key group consumer 0 <id> TIME <delivery ms>
//!      RETRYCOUNT <count> FORCE JUSTID` for each entry it owns (TIME and RETRYCOUNT keep
//!      the delivery time and count exactly; JUSTID leaves the count alone), or
//!      `XGROUP CREATECONSUMER` for a consumer that owns none; entries released by XNACK
//!      (no owner) as `XNACK key group FAIL IDS 1 <id> RETRYCOUNT <count> FORCE`, in
//!      release order;
//!   3. `XSETID key <last-id> ENTRIESADDED <n> MAXDELETEDID <id>`, last, so the stream's
//!      counters are exactly the original's whatever the commands above did to them;
//!   4. `PEXPIREAT key <deadline>` if it has one.
//! - Keys already expired at `now_ms` are left out.
//!
//! # Pending entries whose entry is gone
//! XDEL and trimming leave pending entries behind, and such references are common (a
//! capped stream read by a slow group). redis-server 7 cannot recreate them: XCLAIM, even
//! with FORCE, *drops* a pending entry whose stream entry no longer exists. So the stream
//! briefly gets a placeholder entry (`x` = `y`) at each such ID, in ID order among the real
//! entries; the XCLAIMs find it; then the placeholders go: those below the first live entry
//! by `XTRIM MINID` (or `MAXLEN 0` if nothing is live), which leaves the max-deleted ID
//! alone, the rest by `XDEL`. The final XSETID puts every counter back. Placeholders never
//! reach a reader: a load is not interleaved with other clients' reads on a fresh server,
//! and never within an engine (one executor).
//!
//! An empty stream (everything deleted, or created by `XGROUP CREATE ... MKSTREAM`) is made
//! as redis-server's own rewrite makes it: `XADD key MAXLEN 0 0-1 x y`, then XSETID.
//!
//! The one thing this cannot restore: a max-deleted ID of `0-0` on a stream that has a
//! pending reference *between* two live entries (XSETID cannot lower it to `0-0`). Only
//! XSETID with a lower `MAXDELETEDID` after the deletion produces that state.

use std::collections::BTreeSet;

use crate::store::keyspace::Keyspace;
use crate::store::stream::{Stream, StreamId};
use crate::store::value::Value;

use super::commands::{pexpireat, set, write_bulk_id, xadd, xclaim, xgroup_position, xnack};
use super::resp::{encode_command, signed_decimal, write_array_len, write_bulk, write_bulk_u64};

/// XDEL takes the placeholders after the first live entry this many at a time.
const IDS_PER_XDEL: usize = 128;

/// Appends to `out` the commands that rebuild every database live at `now_ms`: the keys
/// of each database that has any, after a `SELECT` of it unless a replay is in it already
/// (a file, like a new connection, starts in database 0), then `SELECT end_in` if the last
/// database differs, so that commands appended afterwards land where they expect. With
/// `end_in` unknown (after a failed write) the dump ends where its last database left it:
/// the next effect selects its database itself.
pub(crate) fn rewrite_all<'a>(
    databases: impl Iterator<Item = &'a Keyspace>,
    now_ms: u64,
    end_in: Option<usize>,
    out: &mut Vec<u8>,
) {
    let mut selected = 0;
    let mut select = |index: usize, out: &mut Vec<u8>| {
        if index != selected {
            super::commands::select(index, out);
            selected = index;
        }
    };
    for db in databases {
        let live = db
            .iter()
            .any(|(_, entry)| entry.expires_at.is_none_or(|deadline| deadline > now_ms));
        if live {
            select(db.index(), out);
            rewrite(db, now_ms, out);
        }
    }
    if let Some(end_in) = end_in {
        select(end_in, out);
    }
}

/// Appends to `out` the commands that rebuild every key of `db` live at `now_ms`.
fn rewrite(db: &Keyspace, now_ms: u64, out: &mut Vec<u8>) {
    // Sorted for a deterministic output; one pointer per key.
    let mut keys: Vec<_> = db
        .iter()
        .filter(|(_, entry)| entry.expires_at.is_none_or(|deadline| deadline > now_ms))
        .collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (key, entry) in keys {
        match &entry.value {
            Value::String(bytes) => set(key, bytes, entry.expires_at, out),
            Value::Int(n) => set(key, signed_decimal(*n, &mut [0; 20]), entry.expires_at, out),
            Value::Stream(stream) => {
                rewrite_stream(key, stream, out);
                if let Some(deadline) = entry.expires_at {
                    pexpireat(key, deadline, out);
                }
            }
            collection => {
                super::commands::collection(key, collection, entry.expires_at, out);
            }
        }
    }
}

fn xadd_placeholder(key: &[u8], id: StreamId, out: &mut Vec<u8>) {
    write_array_len(5, out);
    write_bulk(b"XADD", out);
    write_bulk(key, out);
    write_bulk_id(id, out);
    write_bulk(b"x", out);
    write_bulk(b"y", out);
}

fn rewrite_stream(key: &[u8], stream: &Stream, out: &mut Vec<u8>) {
    let log = &stream.log;
    // Pending IDs with no live entry: they need a placeholder while their group is built.
    // `0-0` can never be an entry ID, so such a reference cannot be recreated at all.
    let placeholders: BTreeSet<StreamId> = stream
        .groups
        .values()
        .flat_map(|group| group.pel.keys().copied())
        .filter(|&id| id > StreamId::MIN && log.get(id).is_none())
        .collect();

    // 1. Entries, with the placeholders merged in ID order.
    let mut pending_placeholders = placeholders.iter().copied().peekable();
    let mut first_live = None;
    log.scan(StreamId::MIN, StreamId::MAX, false, |entry| {
        first_live.get_or_insert(entry.id);
        while let Some(id) = pending_placeholders.next_if(|&id| id < entry.id) {
            xadd_placeholder(key, id, out);
        }
        xadd(key, entry.id, &entry.fields, out);
        true
    });
    for id in pending_placeholders {
        xadd_placeholder(key, id, out);
    }
    if first_live.is_none() && placeholders.is_empty() {
        // The key must exist for what follows: an empty stream, as redis-server makes one.
        encode_command(&[b"XADD", key, b"MAXLEN", b"0", b"0-1", b"x", b"y"], out);
    }

    // 2. Groups, consumers, pending entries.
    for (name, group) in &stream.groups {
        xgroup_position(
            b"CREATE",
            key,
            name,
            group.last_id,
            false,
            group.entries_read,
            out,
        );
        for (consumer, state) in &group.consumers {
            let mut owned = state
                .pending
                .iter()
                .filter_map(|id| Some((*id, group.pel.get(id)?)))
                .filter(|(id, _)| *id > StreamId::MIN)
                .peekable();
            if owned.peek().is_none() {
                encode_command(&[b"XGROUP", b"CREATECONSUMER", key, name, consumer], out);
                continue;
            }
            for (id, pending) in owned {
                xclaim(key, name, id, pending, out);
            }
        }
        for &id in &group.nacked {
            let Some(pending) = group.pel.get(&id).filter(|_| id > StreamId::MIN) else {
                continue;
            };
            xnack(key, name, id, pending.deliveries, out);
        }
    }

    // 3. Placeholders go: below the first live entry by trimming (which leaves the
    // max-deleted ID alone), the rest by XDEL.
    let head = match first_live {
        Some(first) => placeholders.range(..first).count(),
        None => placeholders.len(),
    };
    if head > 0 {
        write_array_len(4, out);
        write_bulk(b"XTRIM", out);
        write_bulk(key, out);
        match first_live {
            Some(first) => {
                write_bulk(b"MINID", out);
                write_bulk_id(first, out);
            }
            None => {
                write_bulk(b"MAXLEN", out);
                write_bulk(b"0", out);
            }
        }
    }
    let middle: Vec<StreamId> = placeholders.iter().skip(head).copied().collect();
    for chunk in middle.chunks(IDS_PER_XDEL) {
        write_array_len(2 + chunk.len(), out);
        write_bulk(b"XDEL", out);
        write_bulk(key, out);
        for &id in chunk {
            write_bulk_id(id, out);
        }
    }

    // 4. The counters. XSETID refuses a last ID below the max-deleted ID it is given, a
    // state XSETID itself can leave behind; two steps reach it.
    let (last, max_deleted) = (log.last_id(), log.max_deleted_id());
    write_array_len(7, out);
    write_bulk(b"XSETID", out);
    write_bulk(key, out);
    write_bulk_id(last.max(max_deleted), out);
    write_bulk(b"ENTRIESADDED", out);
    write_bulk_u64(log.entries_added(), out);
    write_bulk(b"MAXDELETEDID", out);
    write_bulk_id(max_deleted, out);
    if max_deleted > last {
        write_array_len(3, out);
        write_bulk(b"XSETID", out);
        write_bulk(key, out);
        write_bulk_id(last, out);
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;
    use crate::persist::resp::{parse_command, Parsed};
    use crate::store::stream::Group;

    /// The dump as command lines, words joined by spaces.
    fn lines(db: &Keyspace, now_ms: u64) -> Vec<String> {
        let mut out = Vec::new();
        rewrite(db, now_ms, &mut out);
        command_lines(&out)
    }

    fn command_lines(out: &[u8]) -> Vec<String> {
        let mut rest = out;
        let mut lines = Vec::new();
        while !rest.is_empty() {
            match parse_command(rest) {
                Parsed::Complete { argv, consumed } => {
                    let words: Vec<_> = argv.iter().map(|a| String::from_utf8_lossy(a)).collect();
                    lines.push(words.join(" "));
                    rest = &rest[consumed..];
                }
                other => panic!("the rewrite wrote an unparsable command: {other:?}"),
            }
        }
        lines
    }

    fn b(text: &str) -> Bytes {
        Bytes::copy_from_slice(text.as_bytes())
    }

    #[test]
    fn each_database_follows_its_select_and_the_dump_ends_where_asked() {
        let mut databases: Vec<Keyspace> = (0..4).map(Keyspace::with_index).collect();
        databases[0].insert(b("a"), Value::Int(0), None);
        databases[2].insert(b("b"), Value::Int(2), None);
        databases[3].insert(b("gone"), Value::Int(3), Some(10));
        let dump = |end_in: Option<usize>| {
            let mut out = Vec::new();
            rewrite_all(databases.iter(), 100, end_in, &mut out);
            command_lines(&out)
        };
        assert_eq!(
            dump(Some(0)),
            ["SET a 0", "SELECT 2", "SET b 2", "SELECT 0"]
        );
        assert_eq!(dump(Some(2)), ["SET a 0", "SELECT 2", "SET b 2"]);
        assert_eq!(
            dump(Some(3)),
            ["SET a 0", "SELECT 2", "SET b 2", "SELECT 3"]
        );
        // The file's database unknown (a failed write): no SELECT of a database that is
        // none; the next effect selects its own.
        assert_eq!(dump(None), ["SET a 0", "SELECT 2", "SET b 2"]);
    }

    #[test]
    fn strings_in_key_order_with_absolute_deadlines_and_expired_keys_left_out() {
        let mut db = Keyspace::new();
        db.insert(b("z"), Value::String(b("last")), None);
        db.insert(b("a"), Value::Int(-5), Some(2_000));
        db.insert(b("gone"), Value::String(b("x")), Some(1_000));
        assert_eq!(lines(&db, 1_000), ["SET a -5 PXAT 2000", "SET z last"]);
    }

    #[test]
    fn a_stream_with_a_deleted_pending_entry_and_a_trimmed_one() {
        let id = |ms, seq| StreamId::new(ms, seq);
        let mut stream = Stream::default();
        for seq in 1..=4 {
            stream.log.append(id(1, seq), &[(b("f"), b("v"))]);
        }
        let mut group = Group::new(id(1, 4), Some(4));
        let (alice, bob) = (b("alice"), b("bob"));
        group.touch_consumer(&alice, 10);
        group.touch_consumer(&bob, 10);
        group.deliver(id(1, 1), &alice, 100);
        group.deliver(id(1, 3), &alice, 200);
        group.deliver(id(1, 3), &alice, 300);
        stream.groups.insert(b("g"), group);
        stream
            .log
            .trim(crate::store::stream::Trim::MaxLen(3), false, 0); // 1-1 trimmed
        stream.log.delete(&[id(1, 3)]);
        let mut db = Keyspace::new();
        db.insert(b("s"), Value::Stream(Box::new(stream)), Some(5_000));
        assert_eq!(
            lines(&db, 0),
            [
                "XADD s 1-1 x y", // placeholder for alice's trimmed entry
                "XADD s 1-2 f v",
                "XADD s 1-3 x y", // placeholder for alice's deleted entry
                "XADD s 1-4 f v",
                "XGROUP CREATE s g 1-4 ENTRIESREAD 4",
                "XCLAIM s g alice 0 1-1 TIME 100 RETRYCOUNT 1 FORCE JUSTID",
                "XCLAIM s g alice 0 1-3 TIME 300 RETRYCOUNT 2 FORCE JUSTID",
                "XGROUP CREATECONSUMER s g bob",
                "XTRIM s MINID 1-2",
                "XDEL s 1-3",
                "XSETID s 1-4 ENTRIESADDED 4 MAXDELETEDID 1-3",
                "PEXPIREAT s 5000",
            ]
        );
    }

    #[test]
    fn an_empty_stream_and_a_last_id_below_the_max_deleted_id() {
        let mut db = Keyspace::new();
        db.insert(b("e"), Value::Stream(Box::default()), None);
        let mut stream = Stream::default();
        stream.log.append(StreamId::new(1, 1), &[(b("f"), b("v"))]);
        stream.log.append(StreamId::new(1, 2), &[(b("f"), b("v"))]);
        stream.log.delete(&[StreamId::new(1, 2)]);
        stream.log.set_last_id(StreamId::new(1, 1), None, None);
        db.insert(b("s"), Value::Stream(Box::new(stream)), None);
        assert_eq!(
            lines(&db, 0),
            [
                "XADD e MAXLEN 0 0-1 x y",
                "XSETID e 0-0 ENTRIESADDED 0 MAXDELETEDID 0-0",
                "XADD s 1-1 f v",
                "XSETID s 1-2 ENTRIESADDED 2 MAXDELETEDID 1-2",
                "XSETID s 1-1",
            ]
        );
    }
}
