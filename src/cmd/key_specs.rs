//! Which arguments of a command line are keys, as Redis 7's key specifications say.
//!
//! Redis describes each command's keys as data: where the search for them begins (a fixed
//! index, or after a keyword) and how many follow (a range, or a count read from the line).
//! `COMMAND INFO` shows that data and `COMMAND GETKEYS` runs it on a command line. Where the
//! data cannot say (SORT's STORE, SET's GET changing the key's access), or the line breaks
//! it, redis-server falls back to a function of the command's own; [`KeysFunction`] names
//! those, and [`keys_of`] follows the same order of preference.

use bytes::Bytes;

use crate::store::c_string::{c_string, keyword_is};
use crate::store::number::parse_i64;

/// What `COMMAND INFO` reports of one command (`cmd/command_meta.rs` holds the rows).
#[derive(Debug)]
pub(crate) struct CommandMeta {
    /// Lower-case full name (`client|kill` for a subcommand).
    pub(crate) name: &'static str,
    /// Redis's command flags, in the order redis-server lists them.
    pub(crate) flags: &'static [&'static str],
    /// The first key, last key and step of Redis's pre-7 key positions.
    pub(crate) legacy_keys: (i64, i64, i64),
    /// ACL categories (`@read`, `@string`, ...).
    pub(crate) categories: &'static [&'static str],
    /// Hints for cluster clients (`nondeterministic_output`, `request_policy:...`).
    pub(crate) tips: &'static [&'static str],
    pub(crate) key_specs: &'static [KeySpec],
    /// The function redis-server falls back to when the key specs cannot say.
    pub(crate) keys_function: Option<KeysFunction>,
}

impl CommandMeta {
    /// Whether Redis gives the command `flag` (`admin`, `skip_monitor`, `readonly`, ...).
    pub(crate) fn has_flag(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    /// Redis's `doesCommandHaveKeys`: a key function, or a spec that names real keys.
    pub(crate) fn has_keys(&self) -> bool {
        self.keys_function.is_some() || self.key_specs.iter().any(|spec| !spec.is_not_key())
    }
}

/// One key specification: a begin search, a find-keys step, and the access flags of the
/// keys it finds.
#[derive(Debug)]
pub(crate) struct KeySpec {
    pub(crate) flags: &'static [&'static str],
    pub(crate) begin: BeginSearch,
    pub(crate) find: FindKeys,
    /// Why the flags are what they are, where Redis says.
    pub(crate) notes: Option<&'static str>,
}

impl KeySpec {
    fn has_flag(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    /// A spec of arguments that are not keys (the shard channels of SSUBSCRIBE).
    fn is_not_key(&self) -> bool {
        self.has_flag("not_key")
    }
}

/// Where the search for a spec's keys begins.
#[derive(Debug)]
pub(crate) enum BeginSearch {
    /// At this argument index.
    Index(i64),
    /// After this keyword, searched for from this index (from the end if negative).
    Keyword(&'static str, i64),
    /// Unknown: the keys cannot be found from the line alone.
    UnknownBegin,
}

/// How many keys a spec covers once its first key is found.
#[derive(Debug)]
pub(crate) enum FindKeys {
    /// A range: `last` relative to the first key (or from the end if negative, where
    /// `limit` > 1 means "1/limit of the remaining arguments"), one key every `step`.
    Range { last: i64, step: i64, limit: i64 },
    /// A count read from argument `index` (relative to the begin), the keys starting
    /// `first` arguments after it, one every `step`.
    KeyNum { index: i64, first: i64, step: i64 },
    /// Unknown: the keys cannot be found from the line alone.
    UnknownFind,
}

/// The command-specific key finders redis-server falls back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeysFunction {
    /// `count` keys counted at argument `count` (read as C's `atoi`) starting at argument
    /// `first`, then the destination at `store` if nonzero (ZUNIONSTORE, EVAL, LMPOP ...).
    Numbered {
        store: usize,
        count: usize,
        first: usize,
    },
    /// SORT: the sorted key, then the last `STORE` destination.
    Sort,
    /// SORT_RO: the sorted key.
    SortReadOnly,
    /// GEORADIUS and GEORADIUSBYMEMBER: the key, then the last STORE or STOREDIST one.
    GeoRadius,
    /// XREAD and XREADGROUP: half of what follows `STREAMS`, after skipping the options.
    XRead,
    /// SET: its key, read and written if `GET` is given, overwritten otherwise.
    Set,
    /// BITFIELD: its key, read-only if only GET and OVERFLOW operations follow.
    BitField,
}

/// A key found on a command line: its argument index and access flags.
pub(crate) type FoundKey = (usize, &'static [&'static str]);

const READ_ACCESS: &[&str] = &["RO", "access"];
const OVERWRITE: &[&str] = &["OW", "update"];
const READ_WRITE: &[&str] = &["RW", "access", "update"];

/// The keys of `argv` (the name first) under `meta`, as redis-server's
/// `getKeysFromCommandWithSpecs` finds them: by the key specs when they name real keys
/// and their flags are fixed, falling back to the command's function when they fail.
pub(crate) fn keys_of(meta: &CommandMeta, argv: &[Bytes]) -> Vec<FoundKey> {
    let has_real_spec = meta.key_specs.iter().any(|spec| !spec.is_not_key());
    let variable_flags = meta
        .key_specs
        .iter()
        .any(|spec| spec.has_flag("variable_flags"));
    if has_real_spec
        && !variable_flags
        && let Some(keys) = keys_by_specs(meta.key_specs, argv)
    {
        return keys;
    }
    match meta.keys_function {
        Some(function) => keys_by_function(function, argv),
        None => Vec::new(),
    }
}

/// Runs every spec that names real keys; `None` if one cannot be followed on this line
/// (an unknown step, a count that is not a number, keys past the end, an incomplete spec).
fn keys_by_specs(specs: &[KeySpec], argv: &[Bytes]) -> Option<Vec<FoundKey>> {
    let argc = argv.len() as i64;
    let mut keys = Vec::new();
    for spec in specs.iter().filter(|spec| !spec.is_not_key()) {
        let Some(first) = begin_of(&spec.begin, argv) else {
            match spec.begin {
                BeginSearch::UnknownBegin => return None,
                // A keyword that is not on the line: the spec has no keys here.
                _ => continue,
            }
        };
        let (first, last, step) = match spec.find {
            FindKeys::Range { last, step, limit } => {
                let end = if last >= 0 {
                    first + last
                } else if limit == 0 {
                    argc + last
                } else {
                    first + ((argc - first) / limit + last)
                };
                (first, end, step)
            }
            FindKeys::KeyNum {
                index,
                first: offset,
                step,
            } => {
                let count_at = usize::try_from(first + index).ok()?;
                let count = parse_i64(argv.get(count_at)?).filter(|&n| n >= 0)?;
                let start = first + offset;
                (start, start.checked_add(count)? - 1, step)
            }
            FindKeys::UnknownFind => return None,
        };
        if last >= argc || last < first || first >= argc || step <= 0 {
            return None;
        }
        let mut at = first;
        while at <= last {
            keys.push((at as usize, spec.flags));
            at += step;
        }
        if spec.has_flag("incomplete") {
            return None;
        }
    }
    Some(keys)
}

/// The first key's index for a spec's begin search; `None` if the keyword is absent or
/// the search is unknown.
fn begin_of(begin: &BeginSearch, argv: &[Bytes]) -> Option<i64> {
    let argc = argv.len() as i64;
    match *begin {
        BeginSearch::Index(at) => Some(at),
        BeginSearch::Keyword(keyword, from) => {
            // The last argument (searching forwards) or the first (backwards) is never
            // the keyword: a key must follow it, and the name comes before.
            let found = if from > 0 {
                (from..argc - 1).find(|&i| keyword_is(&argv[i as usize], keyword))
            } else {
                (2..=argc + from)
                    .rev()
                    .find(|&i| keyword_is(&argv[i as usize], keyword))
            };
            found.map(|at| at + 1)
        }
        BeginSearch::UnknownBegin => None,
    }
}

/// The fallback finders, each as its redis-server counterpart reads the line.
fn keys_by_function(function: KeysFunction, argv: &[Bytes]) -> Vec<FoundKey> {
    let argc = argv.len();
    let is = |at: usize, keyword: &str| keyword_is(&argv[at], keyword);
    match function {
        KeysFunction::Numbered {
            store,
            count,
            first,
        } => {
            let Some(text) = argv.get(count) else {
                return Vec::new();
            };
            let count = c_atoi(text);
            if count < 1 || count > argc.saturating_sub(first) as i64 {
                return Vec::new();
            }
            let mut keys: Vec<FoundKey> = (first..first + count as usize)
                .map(|at| (at, &[][..]))
                .collect();
            if store != 0 {
                keys.push((store, &[]));
            }
            keys
        }
        KeysFunction::Sort => {
            let mut keys = vec![(1, READ_ACCESS)];
            let mut store = None;
            let mut at = 2;
            while at < argc {
                if is(at, "LIMIT") {
                    at += 2;
                } else if is(at, "GET") || is(at, "BY") {
                    at += 1;
                } else if is(at, "STORE") && at + 1 < argc {
                    store = Some(at + 1);
                }
                at += 1;
            }
            keys.extend(store.map(|at| (at, OVERWRITE)));
            keys
        }
        KeysFunction::SortReadOnly => vec![(1, READ_ACCESS)],
        KeysFunction::GeoRadius => {
            let mut store = None;
            let mut at = 5;
            while at < argc {
                if (is(at, "STORE") || is(at, "STOREDIST")) && at + 1 < argc {
                    store = Some(at + 1);
                    at += 1;
                }
                at += 1;
            }
            let mut keys: Vec<FoundKey> = vec![(1, &[])];
            keys.extend(store.map(|at| (at, &[][..])));
            keys
        }
        KeysFunction::XRead => {
            let mut streams = None;
            let mut at = 1;
            while at < argc {
                if is(at, "BLOCK") || is(at, "COUNT") {
                    at += 1;
                } else if is(at, "GROUP") {
                    at += 2;
                } else if is(at, "STREAMS") {
                    streams = Some(at);
                    break;
                } else if !is(at, "NOACK") {
                    break;
                }
                at += 1;
            }
            let Some(streams) = streams else {
                return Vec::new();
            };
            let rest = argc - streams - 1;
            if rest == 0 || !rest.is_multiple_of(2) {
                return Vec::new();
            }
            (streams + 1..streams + 1 + rest / 2)
                .map(|at| (at, &[][..]))
                .collect()
        }
        KeysFunction::Set => {
            // SET reads its options with a byte comparison of exactly `get`.
            let reads = argv
                .iter()
                .skip(3)
                .any(|arg| c_string(arg).eq_ignore_ascii_case(b"get"));
            vec![(1, if reads { READ_WRITE } else { OVERWRITE })]
        }
        KeysFunction::BitField => {
            let mut read_only = true;
            let mut at = 2;
            while at < argc {
                let remaining = argc - at - 1;
                if is(at, "GET") && remaining >= 2 {
                    at += 2;
                } else if (is(at, "SET") || is(at, "INCRBY")) && remaining >= 3 {
                    read_only = false;
                    break;
                } else if is(at, "OVERFLOW") && remaining >= 1 {
                    at += 1;
                } else {
                    read_only = false;
                    break;
                }
                at += 1;
            }
            vec![(1, if read_only { READ_ACCESS } else { READ_WRITE })]
        }
    }
}

/// C's `atoi`: leading blanks, an optional sign, then digits up to the first other byte;
/// 0 if none. Saturates instead of overflowing.
fn c_atoi(text: &[u8]) -> i64 {
    let text = c_string(text);
    let start = text
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .unwrap_or(text.len());
    let mut rest = &text[start..];
    let negative = rest.first() == Some(&b'-');
    if matches!(rest.first(), Some(b'-' | b'+')) {
        rest = &rest[1..];
    }
    let mut value: i64 = 0;
    for &byte in rest.iter().take_while(|b| b.is_ascii_digit()) {
        value = value
            .saturating_mul(10)
            .saturating_add(i64::from(byte - b'0'));
    }
    if negative {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &str) -> Vec<Bytes> {
        words
            .split(' ')
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect()
    }

    fn meta(name: &str) -> &'static CommandMeta {
        super::super::command_meta::COMMAND_META
            .iter()
            .find(|meta| meta.name == name)
            .expect("a row")
    }

    fn positions(name: &str, words: &str) -> Vec<usize> {
        keys_of(meta(name), &line(words))
            .into_iter()
            .map(|(at, _)| at)
            .collect()
    }

    #[test]
    fn ranges_keywords_and_counts_follow_the_specs() {
        assert_eq!(positions("get", "get k"), [1]);
        assert_eq!(positions("mset", "mset a 1 b 2"), [1, 3]);
        assert_eq!(positions("del", "del a b c"), [1, 2, 3]);
        assert_eq!(positions("zunionstore", "zunionstore d 2 a b"), [1, 3, 4]);
        assert_eq!(positions("xread", "xread count 2 streams a b 0 0"), [4, 5]);
        // An odd count after STREAMS: the spec takes the lower half.
        assert_eq!(positions("xread", "xread streams a b c"), [2]);
    }

    #[test]
    fn a_broken_spec_falls_back_to_the_function() {
        // `1x` is no number for the spec but atoi reads 1.
        assert_eq!(positions("eval", "eval s 1x k"), [3]);
        assert_eq!(positions("eval", "eval s 0"), Vec::<usize>::new());
        assert_eq!(
            positions("zunionstore", "zunionstore d 5 a"),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn functions_give_the_variable_flags() {
        let set = keys_of(meta("set"), &line("set k v GET"));
        assert_eq!(set, vec![(1, READ_WRITE)]);
        let set = keys_of(meta("set"), &line("set k v NX"));
        assert_eq!(set, vec![(1, OVERWRITE)]);
        let sort = keys_of(meta("sort"), &line("sort k by x store d get y"));
        assert_eq!(sort, vec![(1, READ_ACCESS), (5, OVERWRITE)]);
        let field = keys_of(meta("bitfield"), &line("bitfield k get u8 0"));
        assert_eq!(field, vec![(1, READ_ACCESS)]);
    }

    #[test]
    fn atoi_reads_like_c() {
        assert_eq!(c_atoi(b" 12x"), 12);
        assert_eq!(c_atoi(b"-3"), -3);
        assert_eq!(c_atoi(b"x"), 0);
        assert_eq!(c_atoi(b"99999999999999999999999"), i64::MAX);
    }
}
