//! Argument-level differential fuzzing of the stream commands: seeded random command lines
//! whose every argument is drawn from a vocabulary of tricky tokens, sent to a real
//! redis-server 7.0 and to embedis, every reply compared as RESP bytes.
//!
//! `differential_streams.rs` has hand-written cases per command, and
//! `differential_streams_props.rs` random sequences of well-formed commands. This file is
//! complementary: each argument slot is filled from its own token class most of the time
//! and from the whole vocabulary otherwise (an ID where a count is expected, a keyword where
//! a key is expected, `""`, 2^63, `(1-1`, ...), and whole lines are mutated (an argument
//! dropped, duplicated or inserted), so that argument parsing, error precedence and odd
//! option combinations are exercised, on streams that do have entries, groups, consumers
//! and pending entries.
//!
//! # Running
//! - `cargo test --test differential_streams_fuzz`: the default run, a fixed set of
//!   sequences (bounded time, deterministic);
//! - `EMBEDIS_FUZZ_SEQUENCES=<n>`: how many sequences; `EMBEDIS_FUZZ_SEED=<s>`: the seed of
//!   the first one (sequence `i` uses seed `s + i`, so `EMBEDIS_FUZZ_SEED=<s+i>
//!   EMBEDIS_FUZZ_SEQUENCES=1` replays one sequence alone);
//! - `EMBEDIS_FUZZ_ALL=1`: do not stop at the first divergence; collect every distinct
//!   divergence (by command and replies with digits blurred), each minimised, and fail
//!   listing them all. A sequence goes on past a divergence where both replies are errors
//!   (nothing changed on either side), so frequent bugs do not hide the rarer ones;
//! - `EMBEDIS_FUZZ_STATS=1`: print, per command, how many replies were errors and which,
//!   to check that the generator gets past argument errors.
//!
//! Long local runs: `EMBEDIS_FUZZ_ALL=1 EMBEDIS_FUZZ_SEQUENCES=20000 EMBEDIS_FUZZ_SEED=400000
//! cargo test --release --test differential_streams_fuzz random_stream` (about 1.7 M
//! command lines, 4-5 minutes on 2 cores).
//!
//! A divergence is minimised (lines dropped while the same divergence still happens) and
//! reported with its seed, the minimal script and both replies. `found_divergences_agree`
//! replays the minimal scripts of the divergences found so far (see [`FOUND`]).
//!
//! A sequence is: a few XADDs (sometimes 90-290 of them, for streams of several blocks),
//! groups created and read from, then 30-80 random commands, some inside MULTI/EXEC;
//! RESP3 (`HELLO 3`) for 30% of the sequences.
//!
//! # What is not generated, and why
//! Only what time cannot decide is compared:
//! - XADD IDs are explicit (`<ms>-<seq>`, `<ms>-*` with a fixed `<ms>`), never `*`, which
//!   takes the clock; the token `*` is not in the vocabulary at all;
//! - BLOCK is never generated with a valid timeout: after any `BLOCK` token (a mutation can
//!   put one anywhere) the next argument is forced to an invalid timeout, so no command
//!   ever waits (a real wait would be the clock's business and `BLOCK 0` could hang);
//! - the min-idle-time of XCLAIM and XAUTOCLAIM and XPENDING's `IDLE` filter are never a
//!   small positive number (whether an entry delivered a few milliseconds ago is "idle
//!   enough" depends on timing): such a value is replaced with `0`; 0, negatives, 2^63-1
//!   and non-numbers remain. XCLAIM's IDLE and TIME options take any token: they set a
//!   delivery time, which only masked positions show;
//! - XREAD with `+` as an ID is Redis 7.4's "last entry" (README, known differences), which
//!   redis-server 7.0 refuses: in XREAD (not XREADGROUP) a `+` after STREAMS is replaced
//!   with `-` (invalid in both).
//!
//! # Masks
//! Replies are compared byte for byte except:
//! - XPENDING (extended form) and XINFO CONSUMERS / STREAM FULL show idle times and
//!   delivery/seen times (wall clock): the integer after a key `idle` or `seen-time`, the
//!   third element of `[id, consumer, int, int]` (an XPENDING extended entry's idle time, a
//!   group PEL entry's delivery time) and the second of `[id, int, int]` (a consumer PEL
//!   entry's delivery time) must be integers on both sides within [`TIME_TOLERANCE_MS`] of
//!   each other (both servers read the same host clock);
//! - on XINFO replies, the key/value pairs `inactive` and `active-time` are removed: Redis
//!   7.2 fields that embedis has and 7.0 lacks (README, known differences);
//! - on XINFO replies, the integer after `radix-tree-nodes` is masked: Redis counts its radix
//!   tree's nodes, embedis reports blocks + 1 (README, known differences);
//! - inside EXEC, each element is masked as the command queued at its position would be.

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use common::plain::Rng;
use common::shrink::{reproduce, shrink};
use common::tree::{encode_node, leaf_bulk, leaf_int, parse_node, remove_pairs, Node};
use common::{
    changes_since_save, elements, escape, lease, mask_hello, show_argv, words, Lease, Pair,
};

/// How far apart two idle times or two wall-clock times in masked positions may be.
const TIME_TOLERANCE_MS: i64 = 2_000;
/// Sequences in the default run (well under 20 s in a debug build).
const DEFAULT_SEQUENCES: u64 = 400;
/// The seed of the default run's first sequence.
const DEFAULT_SEED: u64 = 1;

// ---------------------------------------------------------------------------------------
// The vocabulary.
// ---------------------------------------------------------------------------------------

/// Stream keys (two of them, and a third that mostly stays missing), a string key, and
/// sometimes a missing one.
const KEYS: &[&str] = &["s", "s", "s", "t", "t", "u", "str"];
/// Keys for commands about consumer groups: mostly the stream that has groups.
const GROUP_KEYS: &[&str] = &["s", "s", "s", "s", "s", "t", "t", "u", "str"];
const GROUPS: &[&str] = &["g", "g", "h"];
const CONSUMERS: &[&str] = &["c1", "c1", "c2", "c3"];
/// IDs, valid and not, as arguments of anything that takes one.
const IDS: &[&str] = &[
    "0",
    "0-0",
    "0-1",
    "1",
    "1-1",
    "2-0",
    "3-1",
    "5",
    "5-0",
    "5-5",
    "7-0",
    "9-9",
    "12-0",
    "18446744073709551615-18446744073709551615",
    "18446744073709551615",
    "-1",
    "1-",
    "-",
    "+",
    "$",
    ">",
    "(1-1",
    "(0",
    "(5",
    "1-18446744073709551616",
    "abc",
    "",
    // Redis reads IDs and the special IDs as C strings, up to a NUL byte.
    "1-1\0x",
    "$\0",
    ">\0",
];
/// Range bounds (XRANGE, XPENDING, XAUTOCLAIM's start).
const RANGE_IDS: &[&str] = &[
    "-",
    "-",
    "+",
    "+",
    "0",
    "0-0",
    "1-1",
    "2",
    "(1-1",
    "(0",
    "(5",
    "5-5",
    "9",
    "(+",
    "(-",
    "18446744073709551615",
    "abc",
    "",
];
/// Option keywords of every stream command (and a few in lower case).
const KEYWORDS: &[&str] = &[
    "MAXLEN",
    "MINID",
    "=",
    "~",
    "LIMIT",
    "NOMKSTREAM",
    "COUNT",
    "STREAMS",
    "NOACK",
    "MKSTREAM",
    "ENTRIESREAD",
    "IDLE",
    "TIME",
    "RETRYCOUNT",
    "JUSTID",
    "FORCE",
    "LASTID",
    "FULL",
    "ENTRIESADDED",
    "MAXDELETEDID",
    "GROUP",
    "BLOCK",
    "HELP",
    "maxlen",
    "count",
    "justid",
    "streams",
    // Keywords are compared as C strings, up to a NUL byte.
    "MAXLEN\0x",
    "~\0",
    "count\0",
];
const NUMBERS: &[&str] = &[
    "0",
    "0",
    "1",
    "1",
    "2",
    "3",
    "-1",
    "10",
    "100",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551615",
    "1.5",
    "",
];
const FIELDS: &[&str] = &["f", "f", "v", "a", "1", ""];
/// Values forced after a `BLOCK` token: every one an invalid millisecond timeout.
const BAD_TIMEOUTS: &[&str] = &["-1", "abc", "1.5", "", "-9223372036854775808"];
/// Min-idle-times that do not depend on timing.
const MIN_IDLE: &[&str] = &[
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "0",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "abc",
    "1.5",
    "",
    "1-1",
];

#[derive(Clone, Copy)]
enum Class {
    Key,
    GroupKey,
    Group,
    Consumer,
    Id,
    Range,
    Keyword,
    Number,
    Field,
}

const CLASSES: &[Class] = &[
    Class::Key,
    Class::Group,
    Class::Consumer,
    Class::Id,
    Class::Range,
    Class::Keyword,
    Class::Number,
    Class::Field,
];

fn class_tokens(class: Class) -> &'static [&'static str] {
    match class {
        Class::Key => KEYS,
        Class::GroupKey => GROUP_KEYS,
        Class::Group => GROUPS,
        Class::Consumer => CONSUMERS,
        Class::Id => IDS,
        Class::Range => RANGE_IDS,
        Class::Keyword => KEYWORDS,
        Class::Number => NUMBERS,
        Class::Field => FIELDS,
    }
}

// ---------------------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------------------

type Line = Vec<String>;

struct Gen {
    rng: Rng,
    /// The next millisecond part for XADD's fresh IDs, so streams do grow.
    next_ms: u64,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            next_ms: 1,
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.rng.below(100) < percent
    }

    fn pick(&mut self, items: &[&str]) -> String {
        self.rng.pick(items).to_string()
    }

    /// Any token of the vocabulary.
    fn wild(&mut self) -> String {
        let class = CLASSES[self.rng.below(CLASSES.len() as u64) as usize];
        self.pick(class_tokens(class))
    }

    /// A token for a slot of `class`: from the class mostly, from anywhere sometimes.
    fn tok(&mut self, class: Class) -> String {
        if self.chance(8) {
            self.wild()
        } else {
            self.pick(class_tokens(class))
        }
    }

    /// An ID for XADD: usually one after the IDs given so far, sometimes any token.
    fn xadd_id(&mut self) -> String {
        match self.rng.below(100) {
            0..=54 => {
                self.next_ms += self.rng.below(3);
                format!("{}-{}", self.next_ms, self.rng.below(3))
            }
            55..=69 => {
                self.next_ms += self.rng.below(2);
                format!("{}-*", self.next_ms)
            }
            70..=79 => format!("{}", self.rng.below(self.next_ms + 2)),
            _ => self.tok(Class::Id),
        }
    }

    fn count(&mut self) -> String {
        self.tok(Class::Number)
    }

    /// `MAXLEN|MINID [=|~] threshold [LIMIT n]`, with odd variants.
    fn trim_options(&mut self, line: &mut Line) {
        let minid = self.chance(40);
        line.push(if minid { "MINID" } else { "MAXLEN" }.into());
        match self.rng.below(3) {
            0 => {}
            1 => line.push("=".into()),
            _ => line.push("~".into()),
        }
        if self.chance(90) {
            let threshold = if minid {
                if self.chance(50) {
                    format!("{}-{}", self.rng.below(self.next_ms + 2), self.rng.below(2))
                } else {
                    self.tok(Class::Id)
                }
            } else {
                self.count()
            };
            line.push(threshold);
        }
        if self.chance(25) {
            line.push("LIMIT".into());
            line.push(self.count());
        }
    }

    fn fields(&mut self, line: &mut Line) {
        let pairs = 1 + self.rng.below(3);
        for _ in 0..pairs {
            line.push(self.tok(Class::Field));
            line.push(self.tok(Class::Field));
        }
        if self.chance(5) {
            line.pop();
        }
    }

    /// `n` keys then `n` IDs (sometimes one ID short or extra).
    fn streams_part(&mut self, line: &mut Line, group: bool) {
        line.push("STREAMS".into());
        let n = 1 + self.rng.below(2) as usize;
        for _ in 0..n {
            let key = self.tok(if group { Class::GroupKey } else { Class::Key });
            line.push(key);
        }
        let mut ids = n;
        if self.chance(5) {
            ids = if self.chance(50) { n - 1 } else { n + 1 };
        }
        for _ in 0..ids {
            let id = if group && self.chance(65) {
                ">".into()
            } else {
                self.tok(Class::Id)
            };
            line.push(id);
        }
    }

    fn command(&mut self) -> Line {
        let mut line: Line = Vec::new();
        let push = |line: &mut Line, s: &str| line.push(s.to_string());
        match self.rng.below(100) {
            0..=21 => {
                push(&mut line, "XADD");
                let key = self.tok(Class::Key);
                line.push(key);
                if self.chance(15) {
                    push(&mut line, "NOMKSTREAM");
                }
                if self.chance(30) {
                    self.trim_options(&mut line);
                }
                if self.chance(5) {
                    push(&mut line, "NOMKSTREAM");
                }
                let id = self.xadd_id();
                line.push(id);
                self.fields(&mut line);
            }
            22..=23 => {
                push(&mut line, "XLEN");
                line.push(self.tok(Class::Key));
            }
            24..=30 => {
                push(
                    &mut line,
                    if self.chance(50) {
                        "XRANGE"
                    } else {
                        "XREVRANGE"
                    },
                );
                line.push(self.tok(Class::Key));
                line.push(self.tok(Class::Range));
                line.push(self.tok(Class::Range));
                if self.chance(40) {
                    push(&mut line, "COUNT");
                    line.push(self.count());
                }
            }
            31..=33 => {
                push(&mut line, "XDEL");
                line.push(self.tok(Class::Key));
                for _ in 0..1 + self.rng.below(3) {
                    line.push(self.tok(Class::Id));
                }
            }
            34..=37 => {
                push(&mut line, "XTRIM");
                line.push(self.tok(Class::Key));
                if self.chance(10) {
                    line.push(self.wild());
                    line.push(self.count());
                } else {
                    self.trim_options(&mut line);
                }
            }
            38..=42 => {
                push(&mut line, "XREAD");
                if self.chance(40) {
                    push(&mut line, "COUNT");
                    line.push(self.count());
                }
                if self.chance(5) {
                    push(&mut line, "BLOCK");
                    push(&mut line, "0"); // forced to an invalid timeout by `sanitize`
                }
                self.streams_part(&mut line, false);
            }
            43..=53 => self.xgroup(&mut line),
            54..=62 => {
                push(&mut line, "XREADGROUP");
                push(&mut line, "GROUP");
                line.push(self.tok(Class::Group));
                line.push(self.tok(Class::Consumer));
                let mut options = Vec::new();
                if self.chance(40) {
                    options.push(vec!["COUNT".to_string(), self.count()]);
                }
                if self.chance(25) {
                    options.push(vec!["NOACK".to_string()]);
                }
                if self.chance(3) {
                    options.push(vec!["BLOCK".to_string(), "0".to_string()]);
                }
                if options.len() == 2 && self.chance(50) {
                    options.swap(0, 1);
                }
                line.extend(options.into_iter().flatten());
                self.streams_part(&mut line, true);
            }
            63..=66 => {
                push(&mut line, "XACK");
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
                for _ in 0..1 + self.rng.below(3) {
                    line.push(self.tok(Class::Id));
                }
            }
            67..=72 => {
                push(&mut line, "XPENDING");
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
                if self.chance(60) {
                    if self.chance(25) {
                        push(&mut line, "IDLE");
                        line.push(self.pick(MIN_IDLE));
                    }
                    line.push(self.tok(Class::Range));
                    line.push(self.tok(Class::Range));
                    line.push(self.count());
                    if self.chance(40) {
                        line.push(self.tok(Class::Consumer));
                    }
                }
            }
            73..=78 => self.xclaim(&mut line),
            79..=82 => {
                push(&mut line, "XAUTOCLAIM");
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
                line.push(self.tok(Class::Consumer));
                line.push(self.pick(MIN_IDLE));
                line.push(self.tok(Class::Range));
                if self.chance(40) {
                    push(&mut line, "COUNT");
                    line.push(self.count());
                }
                if self.chance(40) {
                    push(&mut line, "JUSTID");
                }
            }
            83..=88 => {
                push(&mut line, "XINFO");
                match self.rng.below(10) {
                    0..=3 => {
                        push(&mut line, "STREAM");
                        line.push(self.tok(Class::Key));
                        if self.chance(50) {
                            push(&mut line, "FULL");
                            if self.chance(40) {
                                push(&mut line, "COUNT");
                                line.push(self.count());
                            }
                        }
                    }
                    4..=6 => {
                        push(&mut line, "GROUPS");
                        line.push(self.tok(Class::Key));
                    }
                    7..=8 => {
                        push(&mut line, "CONSUMERS");
                        line.push(self.tok(Class::GroupKey));
                        line.push(self.tok(Class::Group));
                    }
                    _ => line.push(self.wild()),
                }
            }
            89..=91 => {
                push(&mut line, "XSETID");
                line.push(self.tok(Class::Key));
                line.push(self.tok(Class::Id));
                if self.chance(40) {
                    push(&mut line, "ENTRIESADDED");
                    line.push(self.count());
                }
                if self.chance(40) {
                    push(&mut line, "MAXDELETEDID");
                    line.push(self.tok(Class::Id));
                }
            }
            92..=93 => {
                push(&mut line, "DEL");
                line.push(self.tok(Class::Key));
            }
            94 => {
                push(&mut line, "TYPE");
                line.push(self.tok(Class::Key));
            }
            95 => {
                push(&mut line, "EXISTS");
                line.push(self.tok(Class::Key));
                line.push(self.tok(Class::Key));
            }
            96..=97 => {
                push(&mut line, "SET");
                line.push(if self.chance(70) {
                    "str".into()
                } else {
                    self.tok(Class::Key)
                });
                push(&mut line, "x");
            }
            _ => {
                // A stream command name followed by only random tokens.
                let name = self.pick(&[
                    "XADD",
                    "XRANGE",
                    "XTRIM",
                    "XREAD",
                    "XREADGROUP",
                    "XACK",
                    "XPENDING",
                    "XCLAIM",
                    "XAUTOCLAIM",
                    "XSETID",
                    "XDEL",
                    "XLEN",
                ]);
                line.push(name);
                for _ in 0..self.rng.below(8) {
                    line.push(self.wild());
                }
            }
        }
        self.mutate(&mut line);
        sanitize(&mut line);
        line
    }

    fn xgroup(&mut self, line: &mut Line) {
        line.push("XGROUP".into());
        match self.rng.below(12) {
            0..=3 => {
                line.push("CREATE".into());
                line.push(self.tok(Class::Key));
                line.push(self.tok(Class::Group));
                let id = if self.chance(40) {
                    self.pick(&["0", "$", "0-0"])
                } else {
                    self.tok(Class::Id)
                };
                line.push(id);
                if self.chance(40) {
                    line.push("MKSTREAM".into());
                }
                if self.chance(30) {
                    line.push("ENTRIESREAD".into());
                    line.push(self.count());
                }
            }
            4..=6 => {
                line.push("SETID".into());
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
                line.push(self.tok(Class::Id));
                if self.chance(35) {
                    line.push("ENTRIESREAD".into());
                    line.push(self.count());
                }
            }
            7 => {
                line.push("DESTROY".into());
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
            }
            8..=9 => {
                line.push("CREATECONSUMER".into());
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
                line.push(self.tok(Class::Consumer));
            }
            10 => {
                line.push("DELCONSUMER".into());
                line.push(self.tok(Class::GroupKey));
                line.push(self.tok(Class::Group));
                line.push(self.tok(Class::Consumer));
            }
            _ => {
                line.push(self.wild());
                for _ in 0..self.rng.below(4) {
                    line.push(self.wild());
                }
            }
        }
    }

    fn xclaim(&mut self, line: &mut Line) {
        line.push("XCLAIM".into());
        line.push(self.tok(Class::GroupKey));
        line.push(self.tok(Class::Group));
        line.push(self.tok(Class::Consumer));
        line.push(self.pick(MIN_IDLE));
        for _ in 0..1 + self.rng.below(3) {
            let id = if self.chance(60) {
                format!("{}-{}", self.rng.below(self.next_ms + 1), self.rng.below(3))
            } else {
                self.tok(Class::Id)
            };
            line.push(id);
        }
        let mut options: Vec<Vec<String>> = Vec::new();
        if self.chance(20) {
            options.push(vec!["IDLE".into(), self.count()]);
        }
        if self.chance(15) {
            options.push(vec!["TIME".into(), self.count()]);
        }
        if self.chance(20) {
            options.push(vec!["RETRYCOUNT".into(), self.count()]);
        }
        if self.chance(25) {
            options.push(vec!["FORCE".into()]);
        }
        if self.chance(35) {
            options.push(vec!["JUSTID".into()]);
        }
        if self.chance(15) {
            options.push(vec!["LASTID".into(), self.tok(Class::Id)]);
        }
        // Options in any order.
        for i in (1..options.len()).rev() {
            let j = self.rng.below(i as u64 + 1) as usize;
            options.swap(i, j);
        }
        line.extend(options.into_iter().flatten());
    }

    /// Drops, duplicates or inserts an argument now and then (never the command name).
    fn mutate(&mut self, line: &mut Line) {
        if line.len() < 2 {
            return;
        }
        match self.rng.below(100) {
            0..=3 => {
                let at = 1 + self.rng.below(line.len() as u64 - 1) as usize;
                line.remove(at);
            }
            4..=6 => {
                let at = 1 + self.rng.below(line.len() as u64 - 1) as usize;
                let copy = line[at].clone();
                line.insert(at, copy);
            }
            7..=10 => {
                let at = 1 + self.rng.below(line.len() as u64) as usize;
                let token = self.wild();
                line.insert(at, token);
            }
            _ => {}
        }
    }

    /// One step of a sequence: a command, or a few in MULTI ... EXEC (or DISCARD).
    fn step(&mut self) -> Vec<Line> {
        if self.chance(4) {
            let mut lines = vec![vec!["MULTI".to_string()]];
            for _ in 0..1 + self.rng.below(4) {
                lines.push(self.command());
            }
            lines.push(vec![
                if self.chance(15) { "DISCARD" } else { "EXEC" }.to_string()
            ]);
            lines
        } else {
            vec![self.command()]
        }
    }

    /// A sequence: a few setup-like lines first (so there are streams, groups and pending
    /// entries to work on), then random steps.
    fn sequence(&mut self, steps: usize) -> Vec<Line> {
        let mut lines = Vec::new();
        // Sometimes a stream of several blocks (100 entries each in redis-server by
        // default), so approximate trimming, block boundaries and XINFO's counters have
        // something to work on; field names vary so not every entry has its block's master
        // fields.
        let fill = if self.chance(12) {
            90 + self.rng.below(200)
        } else {
            2 + self.rng.below(5)
        };
        for _ in 0..fill {
            let key = if fill > 10 {
                "s".to_string()
            } else {
                self.pick(&["s", "s", "t"])
            };
            self.next_ms += 1 + self.rng.below(2);
            let id = format!("{}-{}", self.next_ms, self.rng.below(2));
            let mut line = words_of(&["XADD", key.as_str(), id.as_str()]);
            match self.rng.below(10) {
                0 => line.extend(words_of(&["f", "v", "g", "w"])),
                1 => line.extend(words_of(&["h", "1"])),
                _ => line.extend(words_of(&["f", "v"])),
            }
            lines.push(line);
        }
        let setups = [
            ("s", "g", 90),
            ("t", "g", 40),
            ("s", "h", 40),
            ("t", "h", 30),
        ];
        for (key, group, percent) in setups {
            if self.chance(percent) {
                lines.push(words_of(&["XGROUP", "CREATE", key, group, "0", "MKSTREAM"]));
                if self.chance(70) {
                    let consumer = self.pick(CONSUMERS);
                    let count = (1 + self.rng.below(3)).to_string();
                    lines.push(words_of(&[
                        "XREADGROUP",
                        "GROUP",
                        group,
                        consumer.as_str(),
                        "COUNT",
                        count.as_str(),
                        "STREAMS",
                        key,
                        ">",
                    ]));
                }
            }
        }
        let end = lines.len() + steps;
        while lines.len() < end {
            lines.extend(self.step());
        }
        lines
    }
}

fn words_of(args: &[&str]) -> Line {
    args.iter().map(|s| s.to_string()).collect()
}

/// Makes a line deterministic (see the module docs): no valid BLOCK timeout, no
/// timing-dependent min-idle-time, no XREAD `+`.
fn sanitize(line: &mut Line) {
    let name = line[0].to_ascii_uppercase();
    let mut i = 1;
    while i < line.len() {
        if line[i].eq_ignore_ascii_case("BLOCK") && i + 1 < line.len() {
            if !BAD_TIMEOUTS.contains(&line[i + 1].as_str()) {
                // A deterministic choice from the line's length.
                line[i + 1] = BAD_TIMEOUTS[line.len() % BAD_TIMEOUTS.len()].to_string();
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    let unsafe_idle = |token: &str| token.parse::<i64>().is_ok_and(|n| n > 0 && n < (1 << 62));
    match name.as_str() {
        "XCLAIM" | "XAUTOCLAIM" if line.len() > 4 && unsafe_idle(&line[4]) => {
            line[4] = "0".into();
        }
        "XPENDING"
            if line.len() > 4 && line[3].eq_ignore_ascii_case("IDLE") && unsafe_idle(&line[4]) =>
        {
            line[4] = "0".into();
        }
        "XREAD" => {
            if let Some(at) = line.iter().position(|a| a.eq_ignore_ascii_case("STREAMS")) {
                for arg in &mut line[at + 1..] {
                    if arg == "+" {
                        *arg = "-".into();
                    }
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Comparing replies, with masks.
// ---------------------------------------------------------------------------------------

/// What a command's reply may hold that time decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    /// Compared byte for byte.
    Exact,
    /// XPENDING: idle times of the extended form.
    Times,
    /// XINFO: times, Redis 7.2's extra fields, radix-tree-nodes.
    Info,
}

fn mask_of(line: &Line) -> Mask {
    match line[0].to_ascii_uppercase().as_str() {
        "XPENDING" => Mask::Times,
        "XINFO" => Mask::Info,
        _ => Mask::Exact,
    }
}

fn is_id(node: &Node) -> bool {
    leaf_bulk(node)
        .and_then(|payload| std::str::from_utf8(payload).ok())
        .and_then(|text| text.split_once('-'))
        .is_some_and(|(ms, seq)| {
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            digits(ms) && digits(seq)
        })
}

const TIME_KEYS: &[&[u8]] = &[b"idle", b"seen-time"];
const FIELDS_72: &[&[u8]] = &[b"inactive", b"active-time"];

fn mask_node(node: &mut Node, mask: Mask, times: &mut Vec<i64>) {
    if mask == Mask::Exact {
        return;
    }
    let mut time_at = |node: &mut Node| {
        if let Some(value) = leaf_int(node) {
            times.push(value);
            *node = Node::Leaf(b":<time>\r\n".to_vec());
        }
    };
    let Node::Agg { kind, items } = node else {
        return;
    };
    let key_values = *kind == b'%' || (*kind == b'*' && items.len() % 2 == 0);
    if key_values && mask == Mask::Info {
        remove_pairs(items, FIELDS_72);
    }
    if key_values {
        for i in (0..items.len().saturating_sub(1)).step_by(2) {
            let Some(key) = leaf_bulk(&items[i]).map(<[u8]>::to_vec) else {
                continue;
            };
            if TIME_KEYS.contains(&key.as_slice()) {
                time_at(&mut items[i + 1]);
            }
            if mask == Mask::Info && key == b"radix-tree-nodes" && leaf_int(&items[i + 1]).is_some()
            {
                items[i + 1] = Node::Leaf(b":<nodes>\r\n".to_vec());
            }
        }
    }
    if *kind == b'*' {
        let is_int = |node: &Node| leaf_int(node).is_some();
        match items.len() {
            4 if is_id(&items[0])
                && leaf_bulk(&items[1]).is_some()
                && is_int(&items[2])
                && is_int(&items[3]) =>
            {
                time_at(&mut items[2])
            }
            3 if mask == Mask::Info
                && is_id(&items[0])
                && is_int(&items[1])
                && is_int(&items[2]) =>
            {
                time_at(&mut items[1])
            }
            _ => {}
        }
    }
    for item in items.iter_mut() {
        mask_node(item, mask, times);
    }
}

/// The reply with masked positions replaced, and the times taken out. `exec` gives the
/// mask of each element of an EXEC reply.
fn masked(frame: &[u8], mask: Mask, exec: Option<&[Mask]>) -> (Vec<u8>, Vec<i64>) {
    let mut times = Vec::new();
    match parse_node(frame) {
        Some((mut node, len)) if len == frame.len() => {
            match (exec, &mut node) {
                (Some(masks), Node::Agg { kind: b'*', items }) if masks.len() == items.len() => {
                    for (item, &mask) in items.iter_mut().zip(masks) {
                        mask_node(item, mask, &mut times);
                    }
                }
                _ => mask_node(&mut node, mask, &mut times),
            }
            let mut out = Vec::new();
            encode_node(&node, &mut out);
            (out, times)
        }
        _ => (frame.to_vec(), times),
    }
}

fn compare(
    expected: &[u8],
    actual: &[u8],
    mask: Mask,
    exec: Option<&[Mask]>,
) -> Result<(), String> {
    if expected == actual {
        return Ok(());
    }
    let needs_masks =
        mask != Mask::Exact || exec.is_some_and(|m| m.iter().any(|&m| m != Mask::Exact));
    if !needs_masks {
        return Err("replies differ".into());
    }
    let (masked_expected, times_expected) = masked(expected, mask, exec);
    let (masked_actual, times_actual) = masked(actual, mask, exec);
    if masked_expected != masked_actual {
        return Err(format!(
            "replies differ after masking\n    masked redis-server: \"{}\"\n    masked embedis:      \"{}\"",
            escape(&masked_expected),
            escape(&masked_actual)
        ));
    }
    for (a, b) in times_expected.iter().zip(&times_actual) {
        if (a - b).abs() > TIME_TOLERANCE_MS {
            return Err(format!(
                "masked times too far apart: {a} (redis-server) and {b} (embedis)"
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Running, minimising, reporting.
// ---------------------------------------------------------------------------------------

struct Divergence {
    /// The index of the diverging line.
    at: usize,
    expected: Vec<u8>,
    actual: Vec<u8>,
    why: String,
}

fn argv_of(line: &Line) -> Vec<Vec<u8>> {
    line.iter().map(|arg| arg.as_bytes().to_vec()).collect()
}

/// Runs `lines` on a fresh pair (after `HELLO 3` when `resp3`); the divergences. The run
/// stops at the first divergence, unless `keep_going` and both replies are errors: a
/// command that fails on both sides changed nothing on either, so the rest of the sequence
/// still compares like with like (a long run then finds bugs behind frequent ones).
fn run_lines(lease: &Lease, resp3: bool, lines: &[Line], keep_going: bool) -> Vec<Divergence> {
    let mut pair: Pair = lease.fresh_pair();
    if resp3 {
        let hello = vec![b"HELLO".to_vec(), b"3".to_vec()];
        let (expected, actual) = pair.call(0, &hello);
        assert_eq!(
            mask_hello(&expected),
            mask_hello(&actual),
            "HELLO 3 differs: \"{}\" / \"{}\"",
            escape(&expected),
            escape(&actual)
        );
    }
    let changes_before = changes_since_save(&mut pair, 1);
    let mut divergences = Vec::new();
    // The masks of the commands queued since MULTI (by redis-server), if in MULTI.
    let mut queued: Option<Vec<Mask>> = None;
    for (at, line) in lines.iter().enumerate() {
        let (expected, actual) = pair.call(0, &argv_of(line));
        let name = line[0].to_ascii_uppercase();
        record(line, &expected);
        let exec = if name == "EXEC" { queued.take() } else { None };
        if let Err(why) = compare(&expected, &actual, mask_of(line), exec.as_deref()) {
            let both_errors = expected.starts_with(b"-") && actual.starts_with(b"-");
            divergences.push(Divergence {
                at,
                expected,
                actual,
                why,
            });
            if !(keep_going && both_errors) {
                return divergences;
            }
            continue;
        }
        match name.as_str() {
            "MULTI" if expected == b"+OK\r\n" => queued = Some(Vec::new()),
            "DISCARD" => queued = None,
            _ => {
                if let Some(masks) = &mut queued
                    && expected == b"+QUEUED\r\n"
                {
                    masks.push(mask_of(line));
                }
            }
        }
    }
    // The writes counted as redis-server counts them (INFO's rdb_changes_since_last_save,
    // what `save` points test: consumer-group reads, claims and acknowledgements count).
    let changes_after = changes_since_save(&mut pair, 1);
    let made = |after: Option<u64>, before: Option<u64>| after?.checked_sub(before?);
    let (expected, actual) = (
        made(changes_after.0, changes_before.0),
        made(changes_after.1, changes_before.1),
    );
    if divergences.is_empty() && !lines.is_empty() && expected != actual {
        divergences.push(Divergence {
            at: lines.len() - 1,
            expected: format!("(then INFO) rdb_changes_since_last_save grew by {expected:?}")
                .into_bytes(),
            actual: format!("(then INFO) rdb_changes_since_last_save grew by {actual:?}")
                .into_bytes(),
            why: "the writes count as a different number of changes".into(),
        });
    }
    divergences
}

/// Per command: how many replies were errors, and how many were not (printed with
/// `EMBEDIS_FUZZ_STATS=1`, to see that the generator reaches past argument errors).
static STATS: std::sync::Mutex<BTreeMap<String, (u64, u64)>> =
    std::sync::Mutex::new(BTreeMap::new());
static ERRORS: std::sync::Mutex<BTreeMap<(String, String), u64>> =
    std::sync::Mutex::new(BTreeMap::new());

fn record(line: &Line, reply: &[u8]) {
    let mut command = command_of(line);
    if command.contains(' ') && !KNOWN_SUBCOMMANDS.contains(&command.as_str()) {
        command = format!("{} <other>", &line[0]);
    }
    let mut stats = STATS.lock().unwrap_or_else(|e| e.into_inner());
    let entry = stats.entry(command.clone()).or_default();
    if reply.first() == Some(&b'-') {
        entry.0 += 1;
        let text = String::from_utf8_lossy(&reply[..reply.len().min(60)]).into_owned();
        *ERRORS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((command, text))
            .or_default() += 1;
    } else {
        entry.1 += 1;
    }
}

const KNOWN_SUBCOMMANDS: &[&str] = &[
    "XGROUP CREATE",
    "XGROUP SETID",
    "XGROUP DESTROY",
    "XGROUP CREATECONSUMER",
    "XGROUP DELCONSUMER",
    "XINFO STREAM",
    "XINFO GROUPS",
    "XINFO CONSUMERS",
];

/// The command a divergence is about (the name, and the subcommand of XGROUP / XINFO).
fn command_of(line: &Line) -> String {
    let name = line[0].to_ascii_uppercase();
    match name.as_str() {
        "XGROUP" | "XINFO" if line.len() > 1 => format!("{name} {}", line[1].to_ascii_uppercase()),
        _ => name,
    }
}

/// Whether `d` (in a run of `script`) is the divergence `target` is about: the same
/// command, and for an error-against-error divergence the same error texts.
fn same_kind(script: &[Line], d: &Divergence, target: &str, target_errors: bool) -> bool {
    if target_errors {
        signature(script, d) == target
    } else {
        command_of(&script[d.at]) == target
    }
}

/// Drops lines while the same divergence still happens (see [`same_kind`]); the minimal
/// script, which ends with the diverging line, and its divergence.
fn minimise(
    lease: &Lease,
    resp3: bool,
    lines: &[Line],
    first: Divergence,
) -> (Vec<Line>, Divergence) {
    let target_errors = first.expected.starts_with(b"-") && first.actual.starts_with(b"-");
    let target = if target_errors {
        signature(lines, &first)
    } else {
        command_of(&lines[first.at])
    };
    let still = |candidate: &[Line]| -> Option<Divergence> {
        run_lines(lease, resp3, candidate, true)
            .into_iter()
            .find(|d| same_kind(candidate, d, &target, target_errors))
    };
    shrink(lines[..=first.at].to_vec(), first, still, |d| d.at)
}

fn describe(seed: u64, resp3: bool, script: &[Line], d: &Divergence) -> String {
    let shown: Vec<String> = script.iter().map(|l| show_argv(&argv_of(l))).collect();
    format!(
        "seed {seed} ({}; replay: EMBEDIS_FUZZ_SEED={seed} EMBEDIS_FUZZ_SEQUENCES=1), minimal script:\n  {}\n  -> {}\n    redis-server: \"{}\"\n    embedis:      \"{}\"",
        if resp3 { "RESP3" } else { "RESP2" },
        shown.join("\n  "),
        d.why,
        escape(&d.expected),
        escape(&d.actual)
    )
}

/// What makes two divergences "the same" in a long run: the command and both replies with
/// their digits blurred.
fn signature(script: &[Line], d: &Divergence) -> String {
    let blur = |bytes: &[u8]| -> String {
        let text = escape(&bytes[..bytes.len().min(80)]);
        text.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let command = command_of(&script[d.at]);
    // EXEC: the first element that differs (what queued it is not in the reply).
    if command == "EXEC"
        && let (Some((_, expected)), Some((_, actual))) =
            (elements(&d.expected), elements(&d.actual))
        && let Some((e, a)) = expected.iter().zip(&actual).find(|(e, a)| e != a)
    {
        return format!("EXEC element | {} | {}", blur(e), blur(a));
    }
    format!("{command} | {} | {}", blur(&d.expected), blur(&d.actual))
}

fn env_u64(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
    )
}

/// The sequence for `seed`: its protocol and its lines.
fn sequence(seed: u64) -> (bool, Vec<Line>) {
    let mut generator = Gen::new(seed);
    let resp3 = generator.chance(30);
    let steps = 30 + generator.rng.below(50) as usize;
    (resp3, generator.sequence(steps))
}

#[test]
fn random_stream_arguments_agree() {
    let Some(lease) = lease() else { return };
    let sequences = env_u64("EMBEDIS_FUZZ_SEQUENCES").unwrap_or(DEFAULT_SEQUENCES);
    let base = env_u64("EMBEDIS_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let all = std::env::var("EMBEDIS_FUZZ_ALL").is_ok_and(|v| v == "1");
    let started = Instant::now();
    let mut lines_run = 0usize;
    let mut found: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for i in 0..sequences {
        let seed = base.wrapping_add(i);
        let (resp3, lines) = sequence(seed);
        lines_run += lines.len();
        let divergences = run_lines(&lease, resp3, &lines, all);
        if !all {
            if let Some(first) = divergences.into_iter().next() {
                let (script, divergence) = minimise(&lease, resp3, &lines, first);
                let report = describe(seed, resp3, &script, &divergence);
                panic!("divergence between redis-server and embedis, {report}");
            }
            continue;
        }
        for d in divergences {
            let key = signature(&lines, &d);
            if let Some(entry) = found.get_mut(&key) {
                entry.0 += 1;
                continue;
            }
            let (script, divergence) = minimise(&lease, resp3, &lines, d);
            found.insert(key, (1, describe(seed, resp3, &script, &divergence)));
        }
    }
    eprintln!(
        "differential_streams_fuzz: {sequences} sequences from seed {base}, {lines_run} lines, {:?}",
        started.elapsed()
    );
    if std::env::var("EMBEDIS_FUZZ_STATS").is_ok_and(|v| v == "1") {
        let stats = STATS.lock().unwrap_or_else(|e| e.into_inner());
        for (command, (errors, others)) in stats.iter() {
            eprintln!("  {command:<28} errors {errors:>7}  other replies {others:>7}");
        }
        if std::env::var("EMBEDIS_FUZZ_STATS").is_ok_and(|v| v == "1") {
            for ((command, text), n) in ERRORS.lock().unwrap_or_else(|e| e.into_inner()).iter() {
                eprintln!("  {n:>7} {command:<22} {}", text.trim_end());
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} distinct divergence(s):\n\n{}",
        found.len(),
        found
            .iter()
            .map(|(signature, (hits, report))| format!("[{hits} hit(s)] {signature}\n{report}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// The divergences this fuzzer found, each minimised, with the seed of the default or a
/// long run that finds it (`EMBEDIS_FUZZ_SEED=<seed> EMBEDIS_FUZZ_SEQUENCES=1` replays
/// it). Every script must agree with redis-server 7.0, in RESP2 and RESP3.
#[rustfmt::skip]
const FOUND: &[(&str, &[&str])] = &[
    // Seeds 13, 28 (the default run), 400008, 400034. redis-server skips `=` / `~` only when
    // two or more arguments follow MAXLEN/MINID; otherwise the `=` / `~` is the threshold.
    ("xtrim maxlen =, nothing after", &["XADD s 1-1 f v", "XTRIM s MAXLEN =", "XTRIM s MAXLEN ~"]),
    ("xtrim minid ~, nothing after", &["XADD s 1-1 f v", "XTRIM s MINID ~", "XTRIM str MINID ="]),
    // Found once by an earlier version of the generator. Options that use up every
    // argument: the arity error of XADD.
    ("xadd options use every argument", &["XADD u MINID ~ 0", "XADD s MAXLEN = 5", "EXISTS u s"]),
    // Seeds 406172 (XTRIM), 504016 (XADD). `LIMIT 0` is no LIMIT for the strategy check
    // (`args->limit &&`).
    ("xtrim limit 0 without a strategy", &["XADD s 1-1 f v", "XTRIM s LIMIT 0", "XTRIM str LIMIT 0"]),
    ("xadd limit 0 without a strategy", &["XADD s LIMIT 0 1-1 f v", "EXISTS s"]),
    // Seeds 408623, 505063. MAXLEN/MINID as the last argument is not an option (XTRIM:
    // syntax error; XADD: the ID, invalid).
    ("trailing maxlen", &["XADD s 1-1 f v", "XTRIM s MINID 2-0 MAXLEN", "XTRIM s MAXLEN 1 MAXLEN", "XADD s MINID 1 LIMIT 1 MAXLEN"]),
    // Seeds 5, 210 (the default run), 400613, 409026, 413538, 400343, 403885. XGROUP
    // CREATE / SETID parse their options (integer and ENTRIESREAD errors), then look the
    // key up (WRONGTYPE), and only then check the argument count.
    ("xgroup create: option errors before the argument count", &[
        "XGROUP CREATE s h abc MKSTREAM ENTRIESREAD ENTRIESREAD 0",
        "XGROUP CREATE t g $ MKSTREAM ENTRIESREAD a 0",
        "XGROUP CREATE g g 0 MKSTREAM ENTRIESREAD -9223372036854775808 -9223372036854775808",
        "SET t x",
        "XGROUP CREATE t h 0 MKSTREAM MKSTREAM ENTRIESREAD -1",
    ]),
    ("xgroup setid: option errors before the argument count", &[
        "XADD s 1-1 f v", "XGROUP CREATE s g 0",
        "XGROUP SETID s g 5 ENTRIESREAD h 3",
        "XGROUP SETID str h 5 ENTRIESREAD -9223372036854775808 3-1",
    ]),
    // Seeds 400927, 502104. An unknown SETID option is the subcommand's syntax error.
    ("xgroup setid unknown option", &["XADD s 1-1 f v", "XGROUP CREATE s g 0", "XGROUP SETID s g 0 FOO 1", "XGROUP SETID v h BLOCK 1.5 1"]),
    // Seeds 400673, 505541, 507289, 515366. The largest ID pending: XAUTOCLAIM claims it.
    ("xautoclaim the largest id", &[
        "XGROUP CREATE s g 0 MKSTREAM",
        "XADD s 18446744073709551615-18446744073709551615 f v",
        "XREADGROUP GROUP g c1 STREAMS s >",
        "XAUTOCLAIM s g c2 0 - JUSTID",
        "XAUTOCLAIM s g c1 0 9",
        "XPENDING s g",
    ]),
    // Seeds 409935, 414993, 502457. entries-read past 2^63-1 wraps in redis-server (a C long
    // long incremented): XINFO shows -9223372036854775808 (embedis showed nil).
    ("entries-read past the largest integer", &[
        "XADD s 5-0 f v",
        "XGROUP CREATE s g 0 ENTRIESREAD 9223372036854775807",
        "XREADGROUP GROUP g c STREAMS s >",
        "XINFO GROUPS s",
    ]),
    // Seeds 400175, 403761, 510410. XINFO STREAM FULL COUNT with a negative count shows the
    // default 10 entries (redis-server: `if (count < 0) count = 10`); 0 means all.
    ("xinfo stream full count negative", &[
        "XADD s 1-0 f v", "XADD s 2-0 f v", "XADD s 3-0 f v", "XADD s 4-0 f v", "XADD s 5-0 f v", "XADD s 6-0 f v",
        "XADD s 7-0 f v", "XADD s 8-0 f v", "XADD s 9-0 f v", "XADD s 10-0 f v", "XADD s 11-0 f v",
        "XINFO STREAM s FULL COUNT -1", "XINFO STREAM s FULL COUNT 0",
    ]),
    // Seeds 402068, 405312, 508004. STREAMS as the last argument: a syntax error, not an
    // unbalanced list.
    ("streams with nothing after", &["XREAD COUNT 1 STREAMS", "XREADGROUP GROUP g c1 COUNT -1 STREAMS"]),
    // Seed 813926. An entry claimed with TIME 0 was delivered at 0 ms: idle is the whole
    // clock (embedis took it for an entry released by XNACK and showed -1).
    ("xclaim time 0 then xpending", &[
        "XADD s 142-0 f v",
        "XGROUP CREATE s g 0 MKSTREAM",
        "XCLAIM s g c1 9223372036854775807 142-0 TIME 0 RETRYCOUNT 1 FORCE",
        "XPENDING s g 2 + 100",
        "XPENDING s g IDLE 1000 - + 10",
    ]),
];

#[test]
fn found_divergences_agree() {
    let Some(lease) = lease() else { return };
    let mut failures = Vec::new();
    for &(name, script) in FOUND {
        let lines: Vec<Line> = script
            .iter()
            .map(|line| {
                words(line)
                    .into_iter()
                    .map(|arg| String::from_utf8(arg).expect("UTF-8"))
                    .collect()
            })
            .collect();
        for resp3 in [false, true] {
            for d in run_lines(&lease, resp3, &lines, true) {
                failures.push(format!(
                    "`{name}` ({}) at `{}`: {}\n    redis-server: \"{}\"\n    embedis:      \"{}\"",
                    if resp3 { "RESP3" } else { "RESP2" },
                    show_argv(&argv_of(&lines[d.at])),
                    d.why,
                    escape(&d.expected),
                    escape(&d.actual)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} divergence(s) between redis-server and embedis:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The minimiser the fuzzers share keeps exactly the steps a failure needs.
#[test]
fn shrinking_keeps_only_the_steps_a_failure_needs() {
    // Fails when both 3 and 7 are present; the failure is at the 7.
    let script: Vec<u32> = (0..10).collect();
    let fails = |s: &[u32]| {
        let three = s.contains(&3);
        s.iter().position(|&x| x == 7).filter(|_| three)
    };
    let first = fails(&script).expect("the whole script fails");
    let (best, at) = shrink(script, first, fails, |&at| at);
    assert_eq!((best, at), (vec![3, 7], 1));
}

/// The minimisers' shared start: a failure that still happens on RESP2 is reported on RESP2,
/// one that needs RESP3 stays on RESP3, and one that does not come back is `None`.
#[test]
fn reproducing_prefers_resp2_when_the_failure_allows_it() {
    // A "script" is just its protocol flag here; `resp2` is the RESP2 copy of a RESP3 one.
    let resp2 = |resp3: &bool| resp3.then_some(false);
    let mut best = true;
    assert_eq!(
        reproduce(&mut best, resp2, |_| Some("fails")),
        Some("fails")
    );
    assert!(!best, "switched to RESP2");
    let mut best = true;
    let needs_resp3 = |resp3: &bool| resp3.then_some("fails");
    assert_eq!(reproduce(&mut best, resp2, needs_resp3), Some("fails"));
    assert!(best, "kept on RESP3");
    let mut best = true;
    assert_eq!(reproduce(&mut best, resp2, |_| None::<&str>), None);
}
