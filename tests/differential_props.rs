//! Property-based differential tests: random command sequences over a tiny key set (so
//! commands collide on the same keys), each run on redis-server after FLUSHALL and on a
//! new embedis engine, in RESP2 or RESP3; every reply must be the same RESP bytes. On a
//! divergence proptest shrinks the sequence to a minimal one, printed with both replies.
//! About one command in ten comes from a second connection (`@1` in a script), so WATCHed
//! keys are also written by another client between WATCH and EXEC.
//!
//! Time never decides an outcome: every relative TTL is large and unique within its
//! sequence (seconds = bucket × 1000 + the command's position), so two deadlines are never
//! equal by accident of the clock (GT/LT), and a TTL read back rounds the same way on both
//! sides. Past deadlines (0, -1) delete at once on both.

mod common;

use proptest::prelude::*;

use common::{check_sequences, fmt_script, identical, replay, Lease};

/// One argument of a generated command.
#[derive(Clone)]
enum Arg {
    Word(&'static str),
    /// A relative TTL in seconds: `bucket * 1000 + position`.
    Secs(u8),
    /// The same TTL in milliseconds.
    Millis(u8),
}

/// Compact, so proptest's "minimal failing input" reads like a script.
impl std::fmt::Debug for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Word(text) => write!(f, "{text:?}"),
            Arg::Secs(bucket) => write!(f, "<{bucket}000+i s>"),
            Arg::Millis(bucket) => write!(f, "<{bucket}000+i s in ms>"),
        }
    }
}

type Line = Vec<Arg>;

#[derive(Debug, Clone)]
enum Op {
    /// Nothing. Rarely generated (weight 1 in 100), but first among the alternatives, so
    /// shrinking can turn any op into it: that is how a minimal sequence loses the ops
    /// that do not matter, though sequences cannot get shorter than 40 ops.
    Nop,
    Command(Line),
    /// A command from a second connection: it can break the first one's WATCH.
    Other(Line),
    /// MULTI, the body, optionally a command Redis rejects while queueing (so EXEC
    /// aborts), then EXEC or DISCARD.
    Transaction {
        body: Vec<Line>,
        rejected: Option<Line>,
        discard: bool,
    },
}

const KEYS: &[&str] = &["a", "b", "c"];
const VALUES: &[&str] = &[
    "0",
    "1",
    "-1",
    "42",
    "9223372036854775807",
    "-9223372036854775808",
    "abc",
    "",
    "1.5",
    " 1",
    "01",
];
const DELTAS: &[&str] = &[
    "1",
    "-1",
    "7",
    "0",
    "9223372036854775807",
    "-9223372036854775808",
    "-9223372036854775807",
    "x",
];
const FLOATS: &[&str] = &["0.1", "-2.5", "1e3", "3", "abc", "inf"];

fn word(choices: &'static [&'static str]) -> impl Strategy<Value = Arg> {
    prop::sample::select(choices).prop_map(Arg::Word)
}

fn key() -> impl Strategy<Value = Arg> {
    word(KEYS)
}

fn value() -> impl Strategy<Value = Arg> {
    word(VALUES)
}

fn w(text: &'static str) -> Arg {
    Arg::Word(text)
}

/// SET with a random combination of options (including ones Redis refuses together).
fn set() -> impl Strategy<Value = Line> {
    let condition = prop::option::of(word(&["NX", "XX"]));
    let expire = prop::option::of(prop_oneof![
        (1u8..5).prop_map(|b| vec![w("EX"), Arg::Secs(b)]),
        (1u8..5).prop_map(|b| vec![w("PX"), Arg::Millis(b)]),
        Just(vec![w("KEEPTTL")]),
        Just(vec![w("EX"), w("0")]),
    ]);
    (
        key(),
        value(),
        condition,
        any::<bool>(),
        expire,
        any::<bool>(),
    )
        .prop_map(|(key, value, condition, get, expire, shuffle)| {
            let mut options: Vec<Vec<Arg>> = Vec::new();
            options.extend(condition.map(|c| vec![c]));
            if get {
                options.push(vec![w("GET")]);
            }
            options.extend(expire);
            if shuffle {
                options.reverse();
            }
            let mut line = vec![w("SET"), key, value];
            line.extend(options.into_iter().flatten());
            line
        })
}

/// EXPIRE-family commands with large unique TTLs (or a past deadline) and conditions.
fn expire() -> impl Strategy<Value = Line> {
    let amount = prop_oneof![
        8 => (1u8..5).prop_map(Arg::Secs),
        1 => word(&["0", "-1"]),
    ];
    let conditions = prop::collection::vec(word(&["NX", "XX", "GT", "LT"]), 0..3);
    (key(), amount, conditions).prop_map(|(key, amount, conditions)| {
        let mut line = vec![w("EXPIRE"), key, amount];
        line.extend(conditions);
        line
    })
}

/// One command of the random mix (anything but MULTI/EXEC).
fn command() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => set(),
        4 => key().prop_map(|k| vec![w("GET"), k]),
        3 => key().prop_map(|k| vec![w("INCR"), k]),
        2 => (key(), word(DELTAS)).prop_map(|(k, d)| vec![w("INCRBY"), k, d]),
        2 => (key(), word(DELTAS)).prop_map(|(k, d)| vec![w("DECRBY"), k, d]),
        1 => (key(), word(FLOATS)).prop_map(|(k, f)| vec![w("INCRBYFLOAT"), k, f]),
        2 => (key(), value()).prop_map(|(k, v)| vec![w("APPEND"), k, v]),
        2 => prop::collection::vec(key(), 1..4).prop_map(|keys| {
            let mut line = vec![w("DEL")];
            line.extend(keys);
            line
        }),
        2 => prop::collection::vec(key(), 1..4).prop_map(|keys| {
            let mut line = vec![w("EXISTS")];
            line.extend(keys);
            line
        }),
        1 => key().prop_map(|k| vec![w("STRLEN"), k]),
        2 => (key(), value()).prop_map(|(k, v)| vec![w("GETSET"), k, v]),
        1 => key().prop_map(|k| vec![w("GETDEL"), k]),
        1 => (key(), prop_oneof![
            Just(vec![]),
            (1u8..5).prop_map(|b| vec![w("EX"), Arg::Secs(b)]),
            Just(vec![w("PERSIST")]),
        ]).prop_map(|(k, options)| {
            let mut line = vec![w("GETEX"), k];
            line.extend(options);
            line
        }),
        2 => prop::collection::vec((key(), value()), 1..3).prop_map(|pairs| {
            let mut line = vec![w("MSET")];
            for (k, v) in pairs {
                line.extend([k, v]);
            }
            line
        }),
        1 => prop::collection::vec((key(), value()), 1..3).prop_map(|pairs| {
            let mut line = vec![w("MSETNX")];
            for (k, v) in pairs {
                line.extend([k, v]);
            }
            line
        }),
        2 => prop::collection::vec(key(), 1..4).prop_map(|keys| {
            let mut line = vec![w("MGET")];
            line.extend(keys);
            line
        }),
        4 => expire(),
        2 => key().prop_map(|k| vec![w("PERSIST"), k]),
        3 => key().prop_map(|k| vec![w("TTL"), k]),
        2 => (key(), key()).prop_map(|(a, b)| vec![w("RENAME"), a, b]),
        1 => (key(), key()).prop_map(|(a, b)| vec![w("RENAMENX"), a, b]),
        1 => key().prop_map(|k| vec![w("TYPE"), k]),
        1 => Just(vec![w("DBSIZE")]),
        1 => (key(), value()).prop_map(|(k, v)| vec![w("SETNX"), k, v]),
        1 => (key(), prop_oneof![(1u8..5).prop_map(Arg::Secs), word(&["0", "-1", "x"])], value())
            .prop_map(|(k, t, v)| vec![w("SETEX"), k, t, v]),
        1 => (key(), (1u8..5).prop_map(Arg::Millis), value())
            .prop_map(|(k, t, v)| vec![w("PSETEX"), k, t, v]),
        1 => (key(), word(&["4000000000", "4000000001", "1"]), word(&["", "NX", "XX", "GT", "LT"]))
            .prop_map(|(k, at, condition)| {
                let mut line = vec![w("EXPIREAT"), k, at];
                if !matches!(condition, Arg::Word("")) {
                    line.push(condition);
                }
                line
            }),
        1 => prop::collection::vec(key(), 1..3).prop_map(|keys| {
            let mut line = vec![w("WATCH")];
            line.extend(keys);
            line
        }),
        1 => Just(vec![w("UNWATCH")]),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let rejected = prop::option::of(prop_oneof![
        Just(vec![w("NOSUCHCOMMAND"), w("a")]),
        Just(vec![w("GET")]),
        Just(vec![w("SET"), w("a")]),
    ]);
    prop_oneof![
        1 => Just(Op::Nop),
        82 => command().prop_map(Op::Command),
        10 => command().prop_map(Op::Other),
        7 => (
            prop::collection::vec(command(), 0..6),
            prop::option::weighted(0.2, rejected.prop_filter_map("some", |r| r)),
            prop::bool::weighted(0.15),
        )
            .prop_map(|(body, rejected, discard)| Op::Transaction {
                body,
                rejected,
                discard,
            }),
    ]
}

/// A generated sequence. Its `Debug` (what proptest prints as the minimal failing input)
/// is the script itself, one command per line, TTLs rendered.
#[derive(Clone)]
struct Script(Vec<Op>);

impl std::fmt::Debug for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fmt_script(f, &render(&self.0))
    }
}

/// Renders the ops into command lines; relative TTLs get their position as an offset.
fn render(ops: &[Op]) -> Vec<Vec<Vec<u8>>> {
    let mut lines: Vec<Vec<Arg>> = Vec::new();
    for op in ops {
        match op {
            Op::Nop => {}
            Op::Command(line) => lines.push(line.clone()),
            Op::Other(line) => lines.push([vec![w("@1")], line.clone()].concat()),
            Op::Transaction {
                body,
                rejected,
                discard,
            } => {
                lines.push(vec![w("MULTI")]);
                lines.extend(body.iter().cloned());
                lines.extend(rejected.iter().cloned());
                lines.push(vec![w(if *discard { "DISCARD" } else { "EXEC" })]);
            }
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(position, line)| {
            let seconds = |bucket: u8| u64::from(bucket) * 1000 + position as u64;
            line.iter()
                .map(|arg| match arg {
                    Arg::Word(text) => text.as_bytes().to_vec(),
                    Arg::Secs(bucket) => seconds(*bucket).to_string().into_bytes(),
                    Arg::Millis(bucket) => (seconds(*bucket) * 1000).to_string().into_bytes(),
                })
                .collect()
        })
        .collect()
}

/// Runs one sequence on both sides; the error describes the first divergence.
fn run(lease: &Lease, resp3: bool, ops: &[Op]) -> Result<(), String> {
    replay(lease, resp3, &render(ops), identical)
}

#[test]
fn random_sequences_agree() {
    let scripts = prop::collection::vec(op(), 40..60).prop_map(Script);
    check_sequences(400, 60_000, scripts, |lease, resp3, script| {
        run(lease, resp3, &script.0)
    });
}
