//! LCS, as redis-server 7.0 has it: the longest common subsequence of two strings, its
//! length, or the ranges that match.
//!
//! Redis's order of checks is kept: both keys' types first (its own error text, not
//! WRONGTYPE), then the options, then the memory bound. The table is Redis's dynamic
//! programme and the walk back from its corner takes Redis's branch on ties (towards the
//! start of the second string), so the subsequence and the ranges are the ones Redis picks.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::string_range::MAX_STRING_LEN;
use super::{Command, IntoArg};
use crate::store::c_string::keyword_is;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// What LCS replies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct LcsOptions {
    len: bool,
    idx: bool,
    min_match_len: u64,
    with_match_len: bool,
}

/// `LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lcs {
    pub(crate) first: Bytes,
    pub(crate) second: Bytes,
    /// The options, or the error reading them, replied after the keys are checked.
    options: Result<LcsOptions, Error>,
}

impl Lcs {
    /// `LCS key1 key2`: the longest common subsequence (missing keys are empty strings).
    ///
    /// ```
    /// use embedis::{cmd::Lcs, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["MSET", "a", "ohmytext", "b", "mynewtext"]).unwrap();
    /// assert_eq!(conn.run(Lcs::new("a", "b")).unwrap(), Reply::bulk("mytext"));
    /// assert_eq!(conn.run(Lcs::new("a", "b").len()).unwrap(), Reply::Integer(6));
    /// ```
    pub fn new(first: impl IntoArg, second: impl IntoArg) -> Lcs {
        Lcs {
            first: first.into_arg(),
            second: second.into_arg(),
            options: Ok(LcsOptions::default()),
        }
    }

    fn with(mut self, change: impl FnOnce(&mut LcsOptions)) -> Lcs {
        if let Ok(options) = &mut self.options {
            change(options);
        }
        self
    }

    /// `LEN`: reply the length only.
    pub fn len(self) -> Lcs {
        self.with(|options| options.len = true)
    }

    /// `IDX`: reply the matching ranges (from the end backwards) and the length.
    pub fn idx(self) -> Lcs {
        self.with(|options| options.idx = true)
    }

    /// `MINMATCHLEN n`: with IDX, leave out ranges shorter than `n`.
    pub fn min_match_len(self, n: u64) -> Lcs {
        self.with(|options| options.min_match_len = n)
    }

    /// `WITHMATCHLEN`: with IDX, give each range's length.
    pub fn with_match_len(self) -> Lcs {
        self.with(|options| options.with_match_len = true)
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let first = args.next_bytes()?;
        let second = args.next_bytes()?;
        let words = args.rest();
        Ok(Command::Lcs(Box::new(Lcs {
            first,
            second,
            options: parse_options(&words),
        })))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        self.run(ctx).into()
    }

    fn run(self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let not_strings = |_| Error::LcsNotStrings;
        let a = ctx.read_string(&self.first).map_err(not_strings)?;
        let b = ctx.read_string(&self.second).map_err(not_strings)?;
        let options = self.options?;
        if options.idx && options.len {
            return Err(Error::LcsLenAndIdx);
        }
        let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
        let cells = (a.len() as u64 + 1) * (b.len() as u64 + 1);
        if cells.saturating_mul(4) > MAX_STRING_LEN {
            return Err(Error::LcsTooMuchMemory);
        }
        let table = Table::build(&a, &b)?;
        if options.len {
            return Ok(Reply::Integer(i64::from(table.length())));
        }
        let (subsequence, ranges) = table.walk_back(&a, &b, options);
        if !options.idx {
            return Ok(Reply::Bulk(subsequence.into()));
        }
        let matches = ranges
            .into_iter()
            .map(|range| {
                let mut reply = vec![
                    Reply::Array(vec![
                        Reply::Integer(range.a_start as i64),
                        Reply::Integer(range.a_end as i64),
                    ]),
                    Reply::Array(vec![
                        Reply::Integer(range.b_start as i64),
                        Reply::Integer(range.b_end as i64),
                    ]),
                ];
                if options.with_match_len {
                    reply.push(Reply::Integer(range.len() as i64));
                }
                Reply::Array(reply)
            })
            .collect();
        Ok(Reply::Map(vec![
            (Reply::bulk("matches"), Reply::Array(matches)),
            (
                Reply::bulk("len"),
                Reply::Integer(i64::from(table.length())),
            ),
        ]))
    }
}

/// LCS's options, left to right; the first bad one is the error.
fn parse_options(words: &[Bytes]) -> Result<LcsOptions, Error> {
    let mut options = LcsOptions::default();
    let mut at = 0;
    while at < words.len() {
        let word = &words[at];
        if keyword_is(word, "idx") {
            options.idx = true;
        } else if keyword_is(word, "len") {
            options.len = true;
        } else if keyword_is(word, "withmatchlen") {
            options.with_match_len = true;
        } else if keyword_is(word, "minmatchlen") && at + 1 < words.len() {
            let n = parse_i64(&words[at + 1]).ok_or(Error::NotInteger)?;
            options.min_match_len = n.max(0) as u64;
            at += 1;
        } else {
            return Err(Error::Syntax);
        }
        at += 1;
    }
    Ok(options)
}

/// One matching range: inclusive positions in each string.
struct Range {
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
}

impl Range {
    fn len(&self) -> usize {
        self.a_end - self.a_start + 1
    }
}

/// `cell(i, j)`: the length of the LCS of the first `i` bytes of one string and the first
/// `j` of the other.
struct Table {
    cells: Vec<u32>,
    width: usize,
    a_len: usize,
    b_len: usize,
}

impl Table {
    fn build(a: &[u8], b: &[u8]) -> Result<Table, Error> {
        let width = b.len() + 1;
        let mut cells = Vec::new();
        cells
            .try_reserve_exact((a.len() + 1) * width)
            .map_err(|_| Error::LcsAllocation)?;
        cells.resize((a.len() + 1) * width, 0u32);
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                cells[i * width + j] = if a[i - 1] == b[j - 1] {
                    cells[(i - 1) * width + j - 1] + 1
                } else {
                    cells[(i - 1) * width + j].max(cells[i * width + j - 1])
                };
            }
        }
        Ok(Table {
            cells,
            width,
            a_len: a.len(),
            b_len: b.len(),
        })
    }

    fn cell(&self, i: usize, j: usize) -> u32 {
        self.cells[i * self.width + j]
    }

    fn length(&self) -> u32 {
        self.cell(self.a_len, self.b_len)
    }

    /// Walks back from the corner as Redis does: the subsequence, and the ranges of
    /// consecutive matches long enough to report, last ones first.
    fn walk_back(&self, a: &[u8], b: &[u8], options: LcsOptions) -> (Vec<u8>, Vec<Range>) {
        let mut subsequence = vec![0u8; self.length() as usize];
        let mut remaining = subsequence.len();
        let mut ranges = Vec::new();
        let mut current: Option<Range> = None;
        let (mut i, mut j) = (self.a_len, self.b_len);
        while i > 0 && j > 0 {
            let mut emit = false;
            if a[i - 1] == b[j - 1] {
                subsequence[remaining - 1] = a[i - 1];
                remaining -= 1;
                match &mut current {
                    None => {
                        current = Some(Range {
                            a_start: i - 1,
                            a_end: i - 1,
                            b_start: j - 1,
                            b_end: j - 1,
                        })
                    }
                    Some(range) if range.a_start == i && range.b_start == j => {
                        range.a_start -= 1;
                        range.b_start -= 1;
                    }
                    Some(_) => emit = true,
                }
                if current
                    .as_ref()
                    .is_some_and(|range| range.a_start == 0 || range.b_start == 0)
                {
                    emit = true;
                }
                i -= 1;
                j -= 1;
            } else {
                if self.cell(i - 1, j) > self.cell(i, j - 1) {
                    i -= 1;
                } else {
                    j -= 1;
                }
                emit = current.is_some();
            }
            if emit && let Some(range) = current.take() {
                let min = options.min_match_len;
                if min == 0 || range.len() as u64 >= min {
                    ranges.push(range);
                }
            }
        }
        (subsequence, ranges)
    }
}
