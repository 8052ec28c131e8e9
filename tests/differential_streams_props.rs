//! Property-based differential tests for streams and consumer groups: random sequences of
//! stream commands over two stream keys (and a string key, for WRONGTYPE), each run on
//! redis-server after FLUSHALL and on a new embedis engine, in RESP2 or RESP3; every reply
//! must be the same RESP bytes. On a divergence proptest shrinks the sequence to a minimal
//! one, printed with both replies.
//!
//! The property test in `differential_streams.rs` grows one stream with one group the way
//! applications do; this one aims at the edges instead: missing and wrong-type keys,
//! invalid and incomplete IDs, several groups (some missing), odd option combinations and
//! MULTI/EXEC around them. It found XDEL parsing IDs before looking up the key, XRANGE
//! COUNT 0 on a missing key, and XADD checking LIMIT before its ID.
//!
//! Only what time cannot decide is generated: explicit IDs and `<ms>-*` (never `*`), XCLAIM
//! and XAUTOCLAIM with a min-idle-time of 0, and no reply that shows an idle time or a
//! delivery time (XPENDING's extended form, XINFO CONSUMERS / STREAM FULL). Commands are
//! those of Redis 7.0 (the server CI installs).

mod common;

use proptest::prelude::*;

use common::{check_sequences, identical, replay, Lease};

type Line = Vec<&'static str>;

const STREAMS: &[&str] = &["s", "t"];
/// Stream keys, and once in a while the string key or a missing one.
const KEYS: &[&str] = &["s", "s", "s", "t", "t", "str", "none"];
const IDS: &[&str] = &[
    "1-1", "1-2", "2-0", "2-5", "3-0", "3-1", "5-0", "7-3", "0-1", "0-0", "2", "4-*", "9-*", "abc",
];
const RANGE_IDS: &[&str] = &["-", "+", "0", "1-1", "2", "(1-1", "3-0", "(3-0", "5", "9-9"];
const GROUPS: &[&str] = &["g", "g", "h", "missing"];
const CONSUMERS: &[&str] = &["c1", "c2", "c3"];
const COUNTS: &[&str] = &["0", "1", "2", "3", "10", "-1"];
const FIELDS: &[&[&str]] = &[&["f", "v"], &["f", "w"], &["a", "1", "b", "2"], &["f"]];

fn pick(choices: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(choices)
}

fn ids(max: usize) -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(pick(IDS), 1..=max)
}

fn xadd() -> impl Strategy<Value = Line> {
    let trim = prop::option::of((
        pick(&["MAXLEN", "MINID"]),
        pick(&["", "=", "~"]),
        pick(&["0", "1", "2", "3", "2-0", "5-0"]),
        prop::option::of(pick(&["1", "10"])),
    ));
    (
        pick(KEYS),
        any::<bool>(),
        trim,
        pick(IDS),
        prop::sample::select(FIELDS),
    )
        .prop_map(|(key, nomkstream, trim, id, fields)| {
            let mut line = vec!["XADD", key];
            if nomkstream {
                line.push("NOMKSTREAM");
            }
            if let Some((strategy, mode, threshold, limit)) = trim {
                line.push(strategy);
                if !mode.is_empty() {
                    line.push(mode);
                }
                line.push(threshold);
                if let Some(limit) = limit {
                    line.extend(["LIMIT", limit]);
                }
            }
            line.push(id);
            line.extend(fields.iter().copied());
            line
        })
}

fn xtrim() -> impl Strategy<Value = Line> {
    (
        pick(KEYS),
        pick(&["MAXLEN", "MINID", "BOGUS"]),
        pick(&["", "=", "~"]),
        pick(&["0", "1", "2", "4", "2-0", "5-0", "-1"]),
        prop::option::of(pick(&["0", "1", "100"])),
    )
        .prop_map(|(key, strategy, mode, threshold, limit)| {
            let mut line = vec!["XTRIM", key, strategy];
            if !mode.is_empty() {
                line.push(mode);
            }
            line.push(threshold);
            if let Some(limit) = limit {
                line.extend(["LIMIT", limit]);
            }
            line
        })
}

fn xrange() -> impl Strategy<Value = Line> {
    (
        any::<bool>(),
        pick(KEYS),
        pick(RANGE_IDS),
        pick(RANGE_IDS),
        prop::option::of(pick(COUNTS)),
    )
        .prop_map(|(reverse, key, a, b, count)| {
            let mut line = vec![if reverse { "XREVRANGE" } else { "XRANGE" }, key, a, b];
            if let Some(count) = count {
                line.extend(["COUNT", count]);
            }
            line
        })
}

fn xgroup() -> impl Strategy<Value = Line> {
    prop_oneof![
        4 => (
            pick(KEYS),
            pick(GROUPS),
            pick(&["$", "0", "1-2", "3-0"]),
            any::<bool>(),
            prop::option::of(pick(&["0", "1", "5", "-1"])),
        )
            .prop_map(|(key, group, id, mkstream, read)| {
                let mut line = vec!["XGROUP", "CREATE", key, group, id];
                if mkstream {
                    line.push("MKSTREAM");
                }
                if let Some(read) = read {
                    line.extend(["ENTRIESREAD", read]);
                }
                line
            }),
        2 => (
            pick(KEYS),
            pick(GROUPS),
            pick(&["$", "0", "1-2", "3-0"]),
            prop::option::of(pick(&["0", "2", "9"])),
        )
            .prop_map(|(key, group, id, read)| {
                let mut line = vec!["XGROUP", "SETID", key, group, id];
                if let Some(read) = read {
                    line.extend(["ENTRIESREAD", read]);
                }
                line
            }),
        1 => (pick(KEYS), pick(GROUPS)).prop_map(|(k, g)| vec!["XGROUP", "DESTROY", k, g]),
        1 => (pick(KEYS), pick(GROUPS), pick(CONSUMERS))
            .prop_map(|(k, g, c)| vec!["XGROUP", "CREATECONSUMER", k, g, c]),
        1 => (pick(KEYS), pick(GROUPS), pick(CONSUMERS))
            .prop_map(|(k, g, c)| vec!["XGROUP", "DELCONSUMER", k, g, c]),
    ]
}

fn xreadgroup() -> impl Strategy<Value = Line> {
    (
        pick(GROUPS),
        pick(CONSUMERS),
        prop::option::of(pick(COUNTS)),
        any::<bool>(),
        prop::sample::subsequence(STREAMS, 1..=2),
        pick(&[">", ">", "0", "1-2"]),
    )
        .prop_map(|(group, consumer, count, noack, keys, id)| {
            let mut line = vec!["XREADGROUP", "GROUP", group, consumer];
            if let Some(count) = count {
                line.extend(["COUNT", count]);
            }
            if noack {
                line.push("NOACK");
            }
            line.push("STREAMS");
            line.extend(keys.iter().copied());
            line.extend(keys.iter().map(|_| id));
            line
        })
}

fn xread() -> impl Strategy<Value = Line> {
    (
        prop::option::of(pick(COUNTS)),
        prop::sample::subsequence(STREAMS, 1..=2),
        pick(&["0", "1-1", "2-5", "$"]),
    )
        .prop_map(|(count, keys, id)| {
            let mut line = vec!["XREAD"];
            if let Some(count) = count {
                line.extend(["COUNT", count]);
            }
            line.push("STREAMS");
            line.extend(keys.iter().copied());
            line.extend(keys.iter().map(|_| id));
            line
        })
}

fn xclaim() -> impl Strategy<Value = Line> {
    (
        pick(KEYS),
        pick(GROUPS),
        pick(CONSUMERS),
        ids(3),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(pick(&["0", "5"])),
        prop::option::of(pick(&["1-1", "9-0"])),
    )
        .prop_map(
            |(key, group, consumer, ids, justid, force, retry, lastid)| {
                let mut line = vec!["XCLAIM", key, group, consumer, "0"];
                line.extend(ids);
                if let Some(retry) = retry {
                    line.extend(["RETRYCOUNT", retry]);
                }
                if force {
                    line.push("FORCE");
                }
                if justid {
                    line.push("JUSTID");
                }
                if let Some(lastid) = lastid {
                    line.extend(["LASTID", lastid]);
                }
                line
            },
        )
}

fn xautoclaim() -> impl Strategy<Value = Line> {
    (
        pick(KEYS),
        pick(GROUPS),
        pick(CONSUMERS),
        pick(&["0-0", "0", "2-0", "3-1", "abc"]),
        prop::option::of(pick(&["1", "2", "100", "0"])),
        any::<bool>(),
    )
        .prop_map(|(key, group, consumer, start, count, justid)| {
            let mut line = vec!["XAUTOCLAIM", key, group, consumer, "0", start];
            if let Some(count) = count {
                line.extend(["COUNT", count]);
            }
            if justid {
                line.push("JUSTID");
            }
            line
        })
}

fn command() -> impl Strategy<Value = Line> {
    prop_oneof![
        10 => xadd(),
        2 => (pick(KEYS), ids(3)).prop_map(|(k, ids)| {
            let mut line = vec!["XDEL", k];
            line.extend(ids);
            line
        }),
        3 => xtrim(),
        4 => xrange(),
        2 => pick(KEYS).prop_map(|k| vec!["XLEN", k]),
        5 => xgroup(),
        6 => xreadgroup(),
        2 => xread(),
        4 => (pick(KEYS), pick(GROUPS), ids(3)).prop_map(|(k, g, ids)| {
            let mut line = vec!["XACK", k, g];
            line.extend(ids);
            line
        }),
        3 => (pick(KEYS), pick(GROUPS)).prop_map(|(k, g)| vec!["XPENDING", k, g]),
        3 => xclaim(),
        3 => xautoclaim(),
        2 => pick(KEYS).prop_map(|k| vec!["XINFO", "GROUPS", k]),
        1 => pick(KEYS).prop_map(|k| vec!["XINFO", "STREAM", k]),
        1 => (pick(KEYS), pick(&["9-9", "1-1", "0-0", "3-0"]), any::<bool>()).prop_map(
            |(k, id, counters)| {
                let mut line = vec!["XSETID", k, id];
                if counters {
                    line.extend(["ENTRIESADDED", "100", "MAXDELETEDID", "2-0"]);
                }
                line
            }
        ),
        1 => pick(KEYS).prop_map(|k| vec!["DEL", k]),
        1 => (pick(KEYS), pick(KEYS)).prop_map(|(a, b)| vec!["RENAME", a, b]),
        1 => (pick(KEYS), pick(KEYS)).prop_map(|(a, b)| vec!["RENAMENX", a, b]),
        1 => (pick(KEYS), pick(KEYS)).prop_map(|(a, b)| vec!["EXISTS", a, b]),
        1 => Just(vec!["DBSIZE"]),
        1 => pick(KEYS).prop_map(|k| vec!["TYPE", k]),
        1 => Just(vec!["SET", "str", "x"]),
        // String commands on stream keys (WRONGTYPE, or SET replacing a stream).
        2 => (pick(&["GET", "INCR", "STRLEN", "GETDEL", "PERSIST", "TTL"]), pick(KEYS))
            .prop_map(|(command, key)| vec![command, key]),
        1 => (pick(&["APPEND", "GETSET", "SET", "SETNX"]), pick(KEYS))
            .prop_map(|(command, key)| vec![command, key, "7"]),
        1 => (pick(KEYS), pick(KEYS)).prop_map(|(a, b)| vec!["MGET", a, b]),
    ]
}

/// One command, or several in MULTI ... EXEC (or DISCARD): errors that Redis reports at EXEC
/// time must come inside EXEC's reply, and only queue-time ones abort it.
fn step() -> impl Strategy<Value = Vec<Line>> {
    prop_oneof![
        12 => command().prop_map(|line| vec![line]),
        1 => (prop::collection::vec(command(), 0..5), prop::bool::weighted(0.2)).prop_map(
            |(body, discard)| {
                let mut lines = vec![vec!["MULTI"]];
                lines.extend(body);
                lines.push(vec![if discard { "DISCARD" } else { "EXEC" }]);
                lines
            }
        ),
    ]
}

/// A generated sequence; its `Debug` is the script, one command per line.
#[derive(Clone)]
struct Script(Vec<Line>);

impl std::fmt::Debug for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[\n")?;
        for line in &self.0 {
            writeln!(f, "    {}", line.join(" "))?;
        }
        f.write_str("]")
    }
}

fn run(lease: &Lease, resp3: bool, lines: &[Line]) -> Result<(), String> {
    let lines: Vec<Vec<Vec<u8>>> = lines
        .iter()
        .map(|line| line.iter().map(|arg| arg.as_bytes().to_vec()).collect())
        .collect();
    replay(lease, resp3, &lines, identical)
}

#[test]
fn random_stream_sequences_agree() {
    let scripts = prop::collection::vec(step(), 30..60)
        .prop_map(|steps| Script(steps.into_iter().flatten().collect()));
    check_sequences(500, 60_000, scripts, |lease, resp3, script| {
        run(lease, resp3, &script.0)
    });
}
