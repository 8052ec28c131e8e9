//! Sorted-set commands, as redis-server 7.0 has them: ZADD (NX, XX, GT, LT, CH, INCR),
//! ZINCRBY, ZREM, ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT, ZRANGE (BYSCORE,
//! BYLEX, REV, LIMIT, WITHSCORES) and its older spellings ZRANGEBYSCORE, ZREVRANGEBYSCORE,
//! ZREVRANGE, ZRANGEBYLEX, ZREVRANGEBYLEX, ZREMRANGEBYSCORE, ZREMRANGEBYRANK,
//! ZREMRANGEBYLEX, ZPOPMIN, ZPOPMAX, ZRANDMEMBER, ZSCAN.
//!
//! ZRANGESTORE stores a ZRANGE (with `zset_algebra.rs`'s store). Elsewhere: the algebra
//! (`zset_algebra.rs`), ZMPOP and the blocking pops (`zset_pop.rs`).
//!
//! Arguments are checked in redis-server's order, which puts every argument error before
//! the key's type: they are parse errors here (QUEUED in MULTI, reported at EXEC).
//!
//! The append-only file: every write logs its effect as `ZADD key score member ...` for
//! the members it set (with their final scores, so INCR never recomputes) and `ZREM key
//! member ...` for the ones it removed.

use bytes::Bytes;

use super::argv::Args;
use super::collection_scan::ScanArgs;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::error::SortedSetError;
use crate::exec::notify;
use crate::persist::commands;
use crate::reply::{format_double, Protocol};
use crate::store::c_string::{c_string, keyword_is};
use crate::store::double::{parse_range_bound, parse_score};
use crate::store::number::parse_i64;
use crate::store::random;
use crate::store::value::Value;
use crate::store::zset::{LexBound, ScoreBound, SortedSet};
use crate::{Error, Reply};

impl Ctx<'_> {
    /// The sorted set at `key` for a write: `Ok(None)` if missing, WRONGTYPE for another
    /// type.
    fn zset(&mut self, key: &[u8]) -> Result<Option<&mut SortedSet>, Error> {
        self.value_as(key, Value::sorted_set_mut)
    }

    /// The sorted set at `key` for a command that reads it (a missing key is announced,
    /// `keymiss`).
    pub(crate) fn read_zset(&mut self, key: &[u8]) -> Result<Option<&SortedSet>, Error> {
        self.read_value_as(key, Value::sorted_set_mut)
    }

    /// Logs what a write did: `ZREM` of the members it removed, `ZADD` of those it set.
    fn log_zset_effect(&mut self, key: &[u8], removed: &[Bytes], set: &[(Bytes, f64)]) {
        if !self.logging() {
            return;
        }
        if !removed.is_empty() {
            let mut argv: Vec<&[u8]> = Vec::with_capacity(2 + removed.len());
            argv.extend([&b"ZREM"[..], key]);
            argv.extend(removed.iter().map(|member| &member[..]));
            self.log_effect(&argv);
        }
        if !set.is_empty() {
            let pairs = set.iter().map(|(member, score)| (member, *score));
            self.log_with(|out| commands::zadd(key, pairs, out));
        }
    }

    /// After members were removed: the key goes with its last member; WATCH sees the
    /// write; `event` (and `del`) go out.
    fn zset_removed(&mut self, key: &[u8], removed: &[Bytes], event: &str) {
        let emptied = matches!(self.zset(key), Ok(Some(set)) if set.is_empty());
        if emptied {
            self.db.remove(key, &self.now);
            self.blocking.signal(self.db.index(), key);
        }
        self.log_zset_effect(key, removed, &[]);
        self.explicitly_logged(|ctx| ctx.touch(key));
        self.count_elements(removed.len());
        self.notify(notify::ZSET, event, key);
        if emptied {
            self.notify(notify::GENERIC, "del", key);
        }
    }
}

impl Ctx<'_> {
    /// Pops up to `count` of the lowest (or highest) members of the sorted set at `key`
    /// (logged, announced as `zpopmin` / `zpopmax`, the key gone with its last member):
    /// `Ok(None)` if there is no sorted set.
    pub(crate) fn zpop_some(
        &mut self,
        key: &[u8],
        highest: bool,
        count: u64,
    ) -> Result<Option<Vec<(Bytes, f64)>>, Error> {
        let Some(set) = self.zset(key)? else {
            return Ok(None);
        };
        let popped: Vec<(Bytes, f64)> = std::iter::from_fn(|| set.pop(highest))
            .take(usize::try_from(count).unwrap_or(usize::MAX))
            .collect();
        let members: Vec<Bytes> = popped.iter().map(|(member, _)| member.clone()).collect();
        let event = if highest { "zpopmax" } else { "zpopmin" };
        self.zset_removed(key, &members, event);
        Ok(Some(popped))
    }
}

/// A score or member reply item: `member` alone, or with its score (a flat pair in RESP2, a
/// two-element array in RESP3 when `nested`).
pub(crate) fn push_member(
    out: &mut Vec<Reply>,
    member: &Bytes,
    score: Option<f64>,
    protocol: Protocol,
    nested: bool,
) {
    let member = Reply::Bulk(member.clone());
    match score {
        None => out.push(member),
        Some(score) if nested && protocol == Protocol::Resp3 => {
            out.push(Reply::Array(vec![member, Reply::Double(score)]))
        }
        Some(score) => out.extend([member, Reply::Double(score)]),
    }
}

/// Reads a `min`/`max` of a score range (`(` for exclusive), as `zslParseRange`.
fn score_bound(arg: &[u8]) -> Option<ScoreBound> {
    match arg.split_first() {
        Some((b'(', rest)) => Some(ScoreBound {
            value: parse_range_bound(rest)?,
            exclusive: true,
        }),
        _ => Some(ScoreBound {
            value: parse_range_bound(arg)?,
            exclusive: false,
        }),
    }
}

fn score_range(min: &[u8], max: &[u8]) -> Result<(ScoreBound, ScoreBound), Error> {
    match (score_bound(min), score_bound(max)) {
        (Some(min), Some(max)) => Ok((min, max)),
        _ => Err(SortedSetError::MinMaxNotFloat.into()),
    }
}

/// Reads a `min`/`max` of a lexicographic range, as `zslParseLexRangeItem`.
fn lex_bound(arg: &Bytes) -> Option<LexBound> {
    match arg.first()? {
        b'+' if c_string(arg).len() == 1 => Some(LexBound::Max),
        b'-' if c_string(arg).len() == 1 => Some(LexBound::Min),
        b'[' => Some(LexBound::Inclusive(arg.slice(1..))),
        b'(' => Some(LexBound::Exclusive(arg.slice(1..))),
        _ => None,
    }
}

fn lex_range(min: &Bytes, max: &Bytes) -> Result<(LexBound, LexBound), Error> {
    match (lex_bound(min), lex_bound(max)) {
        (Some(min), Some(max)) => Ok((min, max)),
        _ => Err(SortedSetError::MinMaxNotLex.into()),
    }
}

/// Redis's rank arithmetic (negative ranks count from the end): the positions `start..=end`
/// within `len`, or `None` when the range is empty.
fn rank_span(start: i64, end: i64, len: usize) -> Option<(usize, usize)> {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let start = if start < 0 {
        start.saturating_add(len)
    } else {
        start
    }
    .max(0);
    let end = if end < 0 {
        end.saturating_add(len)
    } else {
        end
    };
    if start > end || start >= len {
        return None;
    }
    let end = end.min(len - 1);
    Some((start as usize, end as usize))
}

/// `ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]`, and
/// `ZINCRBY key increment member` (ZADD with INCR). Replies how many members were added
/// (with CH, added or changed); with INCR the member's new score, or nil if a condition
/// refused it.
#[derive(Debug, Clone, PartialEq)]
pub struct ZAdd {
    key: Bytes,
    pairs: Vec<(f64, Bytes)>,
    nx: bool,
    xx: bool,
    gt: bool,
    lt: bool,
    ch: bool,
    incr: bool,
}

impl ZAdd {
    /// `ZADD key score member`; add more with [`ZAdd::member`].
    ///
    /// ```
    /// use embedis::{cmd::ZAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(ZAdd::new("board", 10.0, "ada").member(7.5, "grace")).unwrap(), 2);
    /// ```
    pub fn new(key: impl IntoArg, score: f64, member: impl IntoArg) -> ZAdd {
        ZAdd {
            key: key.into_arg(),
            pairs: vec![(score, member.into_arg())],
            nx: false,
            xx: false,
            gt: false,
            lt: false,
            ch: false,
            incr: false,
        }
    }

    /// One more `score member` pair.
    ///
    /// ```
    /// use embedis::cmd::{Command, ZAdd};
    /// assert_eq!(Command::from_argv(["ZADD", "z", "1", "a", "2", "b"]).unwrap(), ZAdd::new("z", 1.0, "a").member(2.0, "b").into());
    /// ```
    pub fn member(mut self, score: f64, member: impl IntoArg) -> ZAdd {
        self.pairs.push((score, member.into_arg()));
        self
    }

    /// `NX`: only add new members.
    ///
    /// ```
    /// use embedis::{cmd::ZAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZAdd::new("z", 5.0, "a").nx()).unwrap(), 0);
    /// ```
    pub fn nx(mut self) -> ZAdd {
        self.nx = true;
        self
    }

    /// `XX`: only update existing members.
    ///
    /// ```
    /// use embedis::{cmd::ZAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(ZAdd::new("z", 1.0, "a").xx()).unwrap(), 0);
    /// ```
    pub fn xx(mut self) -> ZAdd {
        self.xx = true;
        self
    }

    /// `GT`: update an existing member only to a greater score.
    ///
    /// ```
    /// use embedis::{cmd::ZAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 5.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZAdd::new("z", 1.0, "a").gt().ch()).unwrap(), 0);
    /// ```
    pub fn gt(mut self) -> ZAdd {
        self.gt = true;
        self
    }

    /// `LT`: update an existing member only to a lower score.
    ///
    /// ```
    /// use embedis::{cmd::ZAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 5.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZAdd::new("z", 1.0, "a").lt().ch()).unwrap(), 1);
    /// ```
    pub fn lt(mut self) -> ZAdd {
        self.lt = true;
        self
    }

    /// `CH`: reply how many members were added or changed.
    ///
    /// ```
    /// use embedis::{cmd::ZAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZAdd::new("z", 2.0, "a").member(1.0, "b").ch()).unwrap(), 2);
    /// ```
    pub fn ch(mut self) -> ZAdd {
        self.ch = true;
        self
    }

    /// Parses `ZADD`'s options and pairs; `incr` presets INCR (ZINCRBY, whose increment
    /// redis-server reads through the same option loop).
    fn parse_with(args: &mut Args, incr: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut rest = args.rest().into_iter().peekable();
        let mut zadd = ZAdd {
            key,
            pairs: Vec::new(),
            nx: false,
            xx: false,
            gt: false,
            lt: false,
            ch: false,
            incr,
        };
        while let Some(word) = rest.peek() {
            let flag = match () {
                _ if keyword_is(word, "NX") => &mut zadd.nx,
                _ if keyword_is(word, "XX") => &mut zadd.xx,
                _ if keyword_is(word, "CH") => &mut zadd.ch,
                _ if keyword_is(word, "INCR") => &mut zadd.incr,
                _ if keyword_is(word, "GT") => &mut zadd.gt,
                _ if keyword_is(word, "LT") => &mut zadd.lt,
                _ => break,
            };
            *flag = true;
            rest.next();
        }
        let words: Vec<Bytes> = rest.collect();
        if words.is_empty() || !words.len().is_multiple_of(2) {
            return Err(Error::Syntax);
        }
        if zadd.nx && zadd.xx {
            return Err(SortedSetError::XxAndNx.into());
        }
        if (zadd.gt || zadd.lt) && zadd.nx || zadd.gt && zadd.lt {
            return Err(SortedSetError::GtLtNx.into());
        }
        if zadd.incr && words.len() > 2 {
            return Err(SortedSetError::IncrSinglePair.into());
        }
        for pair in words.chunks(2) {
            let score = parse_score(&pair[0]).ok_or(Error::NotFloat)?;
            zadd.pairs.push((score, pair[1].clone()));
        }
        Ok(zadd.into())
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        ZAdd::parse_with(args, false)
    }

    pub(crate) fn parse_zincrby(args: &mut Args) -> Result<Command, Error> {
        ZAdd::parse_with(args, true)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match ctx.zset(&self.key) {
            Err(error) => return error.into(),
            Ok(None) if self.xx => return self.reply(0, 0, None),
            Ok(_) => {}
        }
        let set = match ctx.value_as_or_create(&self.key, Value::sorted_set_mut, || {
            Value::SortedSet(Box::default())
        }) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        let (mut added, mut updated) = (0, 0);
        let mut last = None;
        let mut changed: Vec<(Bytes, f64)> = Vec::new();
        let mut failure = None;
        for (score, member) in &self.pairs {
            match set.score(member) {
                Some(current) => {
                    if self.nx {
                        continue;
                    }
                    let score = if self.incr { current + score } else { *score };
                    if score.is_nan() {
                        failure = Some(SortedSetError::ResultIsNan);
                        break;
                    }
                    if (self.lt && score >= current) || (self.gt && score <= current) {
                        continue;
                    }
                    last = Some(score);
                    if score != current {
                        set.insert(member.clone(), score);
                        changed.push((member.clone(), score));
                        updated += 1;
                    }
                }
                None if self.xx => {}
                None => {
                    set.insert(member.clone(), *score);
                    changed.push((member.clone(), *score));
                    last = Some(*score);
                    added += 1;
                }
            }
        }
        if added + updated > 0 {
            ctx.log_zset_effect(&self.key, &[], &changed);
            ctx.explicitly_logged(|ctx| ctx.touch(&self.key));
            ctx.count_elements(changed.len());
            let event = if self.incr { "zincr" } else { "zadd" };
            ctx.notify(notify::ZSET, event, &self.key);
        }
        match failure {
            Some(error) => Error::from(error).into(),
            None => self.reply(added, updated, last),
        }
    }

    /// Spelled ZINCRBY (or ZADD ... INCR): the reply is the new score.
    pub(crate) fn is_zincrby(&self) -> bool {
        self.incr
    }

    fn reply(&self, added: i64, updated: i64, last: Option<f64>) -> Reply {
        if self.incr {
            last.map_or(Reply::Nil, Reply::Double)
        } else if self.ch {
            Reply::Integer(added + updated)
        } else {
            Reply::Integer(added)
        }
    }
}

/// `ZINCRBY key increment member`: adds to the member's score (0 if new). Replies with the
/// new score.
#[derive(Debug, Clone, PartialEq)]
pub struct ZIncrBy(pub(crate) ZAdd);

impl ZIncrBy {
    /// `ZINCRBY key increment member`.
    ///
    /// ```
    /// use embedis::{cmd::ZIncrBy, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(ZIncrBy::new("z", 2.5, "a")).unwrap(), Some(2.5));
    /// assert_eq!(conn.run(ZIncrBy::new("z", 1.0, "a")).unwrap(), Some(3.5));
    /// ```
    pub fn new(key: impl IntoArg, increment: f64, member: impl IntoArg) -> ZIncrBy {
        let mut zadd = ZAdd::new(key, increment, member);
        zadd.incr = true;
        ZIncrBy(zadd)
    }
}

/// `ZREM key member [member ...]`: removes members, and the key with its last one. Replies
/// how many were removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZRem {
    key: Bytes,
    members: Vec<Bytes>,
}

impl ZRem {
    /// `ZREM key member ...`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRem}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b")).unwrap();
    /// assert_eq!(conn.run(ZRem::new("z", ["a", "x"])).unwrap(), 1);
    /// ```
    pub fn new<I>(key: impl IntoArg, members: I) -> ZRem
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZRem {
            key: key.into_arg(),
            members: members.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::ZRem(ZRem {
            key,
            members: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let removed: Vec<Bytes> = match ctx.zset(&self.key) {
            Ok(None) => return Reply::Integer(0),
            Ok(Some(set)) => self
                .members
                .into_iter()
                .filter(|member| set.remove(member).is_some())
                .collect(),
            Err(error) => return error.into(),
        };
        if !removed.is_empty() {
            ctx.zset_removed(&self.key, &removed, "zrem");
        }
        Reply::Integer(removed.len() as i64)
    }
}

/// What a one-key sorted-set read answers: `ZCARD`, `ZSCORE`, `ZMSCORE`, `ZRANK`, `ZREVRANK`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lookup {
    Card,
    Score(Bytes),
    Scores(Vec<Bytes>),
    Rank(Bytes),
    RevRank(Bytes),
}

/// `ZCARD key`, `ZSCORE key member`, `ZMSCORE key member ...`, `ZRANK key member`,
/// `ZREVRANK key member`: the size, a score (nil if missing), several scores, a member's
/// 0-based position ascending or descending (nil if missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZLookup {
    pub(crate) key: Bytes,
    what: Lookup,
}

impl ZLookup {
    /// `ZCARD key`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZLookup}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZLookup::card("z")).unwrap(), Reply::Integer(1));
    /// ```
    pub fn card(key: impl IntoArg) -> ZLookup {
        ZLookup {
            key: key.into_arg(),
            what: Lookup::Card,
        }
    }

    /// `ZSCORE key member`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZLookup}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.5, "a")).unwrap();
    /// assert_eq!(conn.run(ZLookup::score("z", "a")).unwrap(), Reply::Double(1.5));
    /// ```
    pub fn score(key: impl IntoArg, member: impl IntoArg) -> ZLookup {
        ZLookup {
            key: key.into_arg(),
            what: Lookup::Score(member.into_arg()),
        }
    }

    /// `ZMSCORE key member ...`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZLookup}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.5, "a")).unwrap();
    /// assert_eq!(
    ///     conn.run(ZLookup::scores("z", ["a", "b"])).unwrap(),
    ///     Reply::Array(vec![Reply::Double(1.5), Reply::Nil])
    /// );
    /// ```
    pub fn scores<I>(key: impl IntoArg, members: I) -> ZLookup
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZLookup {
            key: key.into_arg(),
            what: Lookup::Scores(members.into_iter().map(IntoArg::into_arg).collect()),
        }
    }

    /// `ZRANK key member` (`descending`: `ZREVRANK`).
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZLookup}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b")).unwrap();
    /// assert_eq!(conn.run(ZLookup::rank("z", "b", false)).unwrap(), Reply::Integer(1));
    /// assert_eq!(conn.run(ZLookup::rank("z", "b", true)).unwrap(), Reply::Integer(0));
    /// ```
    pub fn rank(key: impl IntoArg, member: impl IntoArg, descending: bool) -> ZLookup {
        let member = member.into_arg();
        ZLookup {
            key: key.into_arg(),
            what: if descending {
                Lookup::RevRank(member)
            } else {
                Lookup::Rank(member)
            },
        }
    }

    pub(crate) fn parse_zcard(args: &mut Args) -> Result<Command, Error> {
        Ok(ZLookup::card(args.next_bytes()?).into())
    }

    pub(crate) fn parse_zscore(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(ZLookup::score(key, args.next_bytes()?).into())
    }

    pub(crate) fn parse_zmscore(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(ZLookup::scores(key, args.rest()).into())
    }

    pub(crate) fn parse_zrank(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(ZLookup::rank(key, args.next_bytes()?, false).into())
    }

    pub(crate) fn parse_zrevrank(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(ZLookup::rank(key, args.next_bytes()?, true).into())
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.what {
            Lookup::Card => "zcard",
            Lookup::Score(_) => "zscore",
            Lookup::Scores(_) => "zmscore",
            Lookup::Rank(_) => "zrank",
            Lookup::RevRank(_) => "zrevrank",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let set = match ctx.read_zset(&self.key) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        let score = |member: &[u8]| {
            set.and_then(|set| set.score(member))
                .map_or(Reply::Nil, Reply::Double)
        };
        match &self.what {
            Lookup::Card => Reply::Integer(set.map_or(0, |set| set.len() as i64)),
            Lookup::Score(member) => score(member),
            Lookup::Scores(members) => Reply::Array(members.iter().map(|m| score(m)).collect()),
            Lookup::Rank(member) => set
                .and_then(|set| set.rank(member))
                .map_or(Reply::Nil, |rank| Reply::Integer(rank as i64)),
            Lookup::RevRank(member) => set
                .and_then(|set| Some(set.len() - 1 - set.rank(member)?))
                .map_or(Reply::Nil, |rank| Reply::Integer(rank as i64)),
        }
    }
}

/// Which members a range command means.
#[derive(Debug, Clone, PartialEq)]
enum Span {
    /// Positions, negative from the end (`start stop`).
    Rank(i64, i64),
    /// Scores (`min max`).
    Score(ScoreBound, ScoreBound),
    /// Members of one score (`min max`).
    Lex(LexBound, LexBound),
    /// A typed constructor's bounds that do not parse: replies the error the argv form
    /// would have been refused with, before the key is looked at.
    Invalid(Error),
}

impl Span {
    /// The error of bounds that did not parse.
    fn invalid(&self) -> Option<Reply> {
        match self {
            Span::Invalid(error) => Some(error.clone().into()),
            _ => None,
        }
    }
}

/// `ZCOUNT key min max` and `ZLEXCOUNT key min max`: how many members a range holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ZCount {
    pub(crate) key: Bytes,
    span: Span,
}

impl ZCount {
    /// `ZCOUNT key min max` (`(` before a bound excludes it). Bounds that do not parse make
    /// it reply `ERR min or max is not a float`, as the argv form is refused.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZCount}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b")).unwrap();
    /// assert_eq!(conn.run(ZCount::by_score("z", "(1", "+inf")).unwrap(), 1);
    /// ```
    pub fn by_score(key: impl IntoArg, min: impl IntoArg, max: impl IntoArg) -> ZCount {
        let (min, max) = (min.into_arg(), max.into_arg());
        let span = score_range(&min, &max).map(|(min, max)| Span::Score(min, max));
        ZCount {
            key: key.into_arg(),
            span: span.unwrap_or_else(Span::Invalid),
        }
    }

    fn parse_with(args: &mut Args, lex: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let (min, max) = (args.next_bytes()?, args.next_bytes()?);
        let span = if lex {
            let (min, max) = lex_range(&min, &max)?;
            Span::Lex(min, max)
        } else {
            let (min, max) = score_range(&min, &max)?;
            Span::Score(min, max)
        };
        Ok(ZCount { key, span }.into())
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        ZCount::parse_with(args, false)
    }

    pub(crate) fn parse_zlexcount(args: &mut Args) -> Result<Command, Error> {
        ZCount::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.span {
            Span::Lex(..) => "zlexcount",
            _ => "zcount",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if let Some(error) = self.span.invalid() {
            return error;
        }
        let set = match ctx.read_zset(&self.key) {
            Ok(Some(set)) => set,
            Ok(None) => return Reply::Integer(0),
            Err(error) => return error.into(),
        };
        let count = match &self.span {
            Span::Score(min, max) => set.score_ranks(*min, *max).len(),
            Span::Lex(min, max) => set.by_lex(min, max, false).count(),
            Span::Rank(..) | Span::Invalid(_) => 0,
        };
        Reply::Integer(count as i64)
    }
}

/// How a ZRANGE-family command was spelled: what it accepts and how it reads its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeSpelling {
    Range,
    RangeByScore,
    RevRangeByScore,
    RevRange,
    RangeByLex,
    RevRangeByLex,
    /// ZRANGESTORE: ZRANGE's options but WITHSCORES, into a destination.
    RangeStore,
}

/// `ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]` and
/// the older `ZRANGEBYSCORE`, `ZREVRANGEBYSCORE`, `ZREVRANGE`, `ZRANGEBYLEX`,
/// `ZREVRANGEBYLEX`: members by position, score or name, ascending or descending, with
/// their scores if asked.
#[derive(Debug, Clone, PartialEq)]
pub struct ZRange {
    pub(crate) key: Bytes,
    span: Span,
    rev: bool,
    /// `LIMIT offset count` (a negative count: all).
    limit: Option<(i64, i64)>,
    with_scores: bool,
    spelling: RangeSpelling,
    /// ZRANGESTORE's destination.
    destination: Option<Bytes>,
}

impl ZRange {
    /// `ZRANGE key start stop`: by position (negative from the end).
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRange}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 2.0, "b").member(1.0, "a").member(3.0, "c")).unwrap();
    /// let top = conn.run(ZRange::by_rank("z", 0, 1).rev()).unwrap();
    /// assert_eq!(top, Reply::Array(vec![Reply::bulk("c"), Reply::bulk("b")]));
    /// ```
    pub fn by_rank(key: impl IntoArg, start: i64, stop: i64) -> ZRange {
        ZRange {
            key: key.into_arg(),
            span: Span::Rank(start, stop),
            rev: false,
            limit: None,
            with_scores: false,
            spelling: RangeSpelling::Range,
            destination: None,
        }
    }

    /// `ZRANGE key min max BYSCORE`: by score, `(` before a bound to exclude it, `-inf` and
    /// `+inf` for no bound. (With [`ZRange::rev`], still `min` then `max` here.) Bounds that
    /// do not parse make it reply the error the argv form would be refused with.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRange}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b").member(3.0, "c")).unwrap();
    /// let some = conn.run(ZRange::by_score("z", "(1", "+inf").limit(0, 1)).unwrap();
    /// assert_eq!(some, Reply::Array(vec![Reply::bulk("b")]));
    /// ```
    pub fn by_score(key: impl IntoArg, min: impl IntoArg, max: impl IntoArg) -> ZRange {
        let (min, max) = (min.into_arg(), max.into_arg());
        let mut range = ZRange::by_rank(key, 0, 0);
        range.span = score_range(&min, &max)
            .map(|(min, max)| Span::Score(min, max))
            .unwrap_or_else(Span::Invalid);
        range
    }

    /// `ZRANGE key min max BYLEX`: members between `[a`/`(a` bounds (`-`, `+` for none), for
    /// a set whose members share one score. Bounds that do not parse make it reply
    /// `ERR min or max not valid string range item`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRange}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 0.0, "a").member(0.0, "b").member(0.0, "c")).unwrap();
    /// let some = conn.run(ZRange::by_lex("z", "(a", "+")).unwrap();
    /// assert_eq!(some, Reply::Array(vec![Reply::bulk("b"), Reply::bulk("c")]));
    /// ```
    pub fn by_lex(key: impl IntoArg, min: impl IntoArg, max: impl IntoArg) -> ZRange {
        let (min, max) = (min.into_arg(), max.into_arg());
        let mut range = ZRange::by_rank(key, 0, 0);
        range.span = lex_range(&min, &max)
            .map(|(min, max)| Span::Lex(min, max))
            .unwrap_or_else(Span::Invalid);
        range
    }

    /// `REV`: descending.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRange}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b")).unwrap();
    /// let all = conn.run(ZRange::by_rank("z", 0, -1).rev()).unwrap();
    /// assert_eq!(all, Reply::Array(vec![Reply::bulk("b"), Reply::bulk("a")]));
    /// ```
    pub fn rev(mut self) -> ZRange {
        self.rev = true;
        self
    }

    /// `LIMIT offset count` (by score or name only; a negative count means all).
    ///
    /// ```
    /// use embedis::cmd::ZRange;
    /// let _ = ZRange::by_score("z", "-inf", "+inf").limit(10, 10);
    /// ```
    pub fn limit(mut self, offset: i64, count: i64) -> ZRange {
        self.limit = Some((offset, count));
        self
    }

    /// `WITHSCORES`: each member with its score.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRange}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.5, "a")).unwrap();
    /// let flat = conn.run(ZRange::by_rank("z", 0, -1).with_scores()).unwrap();
    /// assert_eq!(flat, Reply::Array(vec![Reply::bulk("a"), Reply::Double(1.5)]));
    /// ```
    pub fn with_scores(mut self) -> ZRange {
        self.with_scores = true;
        self
    }

    /// `ZRANGESTORE destination ...`: stores the range (deleting `destination` when it is
    /// empty) and replies its size; scores are always kept, so `with_scores` changes
    /// nothing here.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRange}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b").member(3.0, "c")).unwrap();
    /// assert_eq!(conn.run(ZRange::by_rank("z", 0, 1).rev().store("top")).unwrap(), Reply::Integer(2));
    /// assert_eq!(conn.call(["ZRANGE", "top", "0", "-1"]).unwrap(), Reply::Array(vec![Reply::bulk("b"), Reply::bulk("c")]));
    /// ```
    pub fn store(mut self, destination: impl IntoArg) -> ZRange {
        self.destination = Some(destination.into_arg());
        self.spelling = RangeSpelling::RangeStore;
        self
    }

    /// redis-server's `zrangeGenericCommand`: options, their conflicts, then the range.
    fn parse_spelled(args: &mut Args, spelling: RangeSpelling) -> Result<Command, Error> {
        #[derive(PartialEq)]
        enum By {
            Auto,
            Rank,
            Score,
            Lex,
        }
        let destination = if spelling == RangeSpelling::RangeStore {
            Some(args.next_bytes()?)
        } else {
            None
        };
        let key = args.next_bytes()?;
        let (first, second) = (args.next_bytes()?, args.next_bytes()?);
        let (mut by, mut rev) = match spelling {
            RangeSpelling::Range | RangeSpelling::RangeStore => (By::Auto, None),
            RangeSpelling::RangeByScore => (By::Score, Some(false)),
            RangeSpelling::RevRangeByScore => (By::Score, Some(true)),
            RangeSpelling::RevRange => (By::Rank, Some(true)),
            RangeSpelling::RangeByLex => (By::Lex, Some(false)),
            RangeSpelling::RevRangeByLex => (By::Lex, Some(true)),
        };
        let (mut with_scores, mut limit) = (false, None);
        while let Some(word) = args.next() {
            if destination.is_none() && keyword_is(&word, "WITHSCORES") {
                with_scores = true;
            } else if keyword_is(&word, "LIMIT") && args.remaining() >= 2 {
                let offset = args.next_i64()?;
                limit = Some((offset, args.next_i64()?));
            } else if rev.is_none() && keyword_is(&word, "REV") {
                rev = Some(true);
            } else if by == By::Auto && keyword_is(&word, "BYLEX") {
                by = By::Lex;
            } else if by == By::Auto && keyword_is(&word, "BYSCORE") {
                by = By::Score;
            } else {
                return Err(Error::Syntax);
            }
        }
        let rev = rev.unwrap_or(false);
        if by == By::Auto {
            by = By::Rank;
        }
        if by == By::Rank && limit.is_some_and(|(_, count)| count != -1) {
            return Err(SortedSetError::LimitNeedsByscoreOrBylex.into());
        }
        if with_scores && by == By::Lex {
            return Err(SortedSetError::WithscoresWithBylex.into());
        }
        // Descending score and name ranges are written `max min`.
        let (min, max) = if rev && by != By::Rank {
            (second, first)
        } else {
            (first, second)
        };
        let span = match by {
            By::Score => {
                let (min, max) = score_range(&min, &max)?;
                Span::Score(min, max)
            }
            By::Lex => {
                let (min, max) = lex_range(&min, &max)?;
                Span::Lex(min, max)
            }
            By::Auto | By::Rank => Span::Rank(
                parse_i64(&min).ok_or(Error::NotInteger)?,
                parse_i64(&max).ok_or(Error::NotInteger)?,
            ),
        };
        Ok(ZRange {
            key,
            span,
            rev,
            limit,
            with_scores,
            spelling,
            destination,
        }
        .into())
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::Range)
    }

    pub(crate) fn parse_zrangebyscore(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::RangeByScore)
    }

    pub(crate) fn parse_zrevrangebyscore(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::RevRangeByScore)
    }

    pub(crate) fn parse_zrevrange(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::RevRange)
    }

    pub(crate) fn parse_zrangebylex(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::RangeByLex)
    }

    pub(crate) fn parse_zrevrangebylex(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::RevRangeByLex)
    }

    pub(crate) fn parse_zrangestore(args: &mut Args) -> Result<Command, Error> {
        ZRange::parse_spelled(args, RangeSpelling::RangeStore)
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.spelling {
            RangeSpelling::Range => "zrange",
            RangeSpelling::RangeByScore => "zrangebyscore",
            RangeSpelling::RevRangeByScore => "zrevrangebyscore",
            RangeSpelling::RevRange => "zrevrange",
            RangeSpelling::RangeByLex => "zrangebylex",
            RangeSpelling::RevRangeByLex => "zrevrangebylex",
            RangeSpelling::RangeStore => "zrangestore",
        }
    }

    /// Calls `each` with the members the range selects, in its order.
    fn select(&self, set: &SortedSet, mut each: impl FnMut((&Bytes, f64))) {
        match &self.span {
            Span::Rank(start, stop) => {
                if let Some((start, stop)) = rank_span(*start, *stop, set.len()) {
                    if self.rev {
                        set.by_rev_rank(start..stop + 1).for_each(each);
                    } else {
                        set.by_rank(start..stop + 1).for_each(each);
                    }
                }
            }
            Span::Score(min, max) => {
                limited(set.by_score(*min, *max, self.rev), self.limit).for_each(&mut each)
            }
            Span::Lex(min, max) => {
                limited(set.by_lex(min, max, self.rev), self.limit).for_each(&mut each)
            }
            Span::Invalid(_) => {}
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if let Some(error) = self.span.invalid() {
            return error;
        }
        let protocol = ctx.session.protocol();
        let set = match ctx.read_zset(&self.key) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        if let Some(destination) = &self.destination {
            let mut range = SortedSet::default();
            if let Some(set) = set {
                self.select(set, |(member, score)| {
                    range.insert(member.clone(), score);
                });
            }
            return ctx.store_sorted_set(destination, range, "zrangestore");
        }
        let mut out = Vec::new();
        if let Some(set) = set {
            self.select(set, |(member, score)| {
                let score = self.with_scores.then_some(score);
                push_member(&mut out, member, score, protocol, true);
            });
        }
        Reply::Array(out)
    }
}

/// `LIMIT offset count` over a range: a negative offset gives nothing, a negative count
/// everything after the offset.
fn limited<'a, I>(items: I, limit: Option<(i64, i64)>) -> Box<dyn Iterator<Item = I::Item> + 'a>
where
    I: Iterator + 'a,
{
    match limit {
        None => Box::new(items),
        Some((offset, _)) if offset < 0 => Box::new(std::iter::empty()),
        Some((offset, count)) => {
            let items = items.skip(usize::try_from(offset).unwrap_or(usize::MAX));
            match usize::try_from(count) {
                Ok(count) => Box::new(items.take(count)),
                Err(_) => Box::new(items),
            }
        }
    }
}

/// `ZREMRANGEBYSCORE key min max`, `ZREMRANGEBYRANK key start stop`, `ZREMRANGEBYLEX key
/// min max`: removes a range, and the key with its last member. Replies how many went.
#[derive(Debug, Clone, PartialEq)]
pub struct ZRemRange {
    key: Bytes,
    span: Span,
}

impl ZRemRange {
    /// `ZREMRANGEBYSCORE key min max`: the sliding-window limiter's cleanup. Bounds that do
    /// not parse make it reply `ERR min or max is not a float`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRemRange}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("window", 100.0, "r1").member(900.0, "r2")).unwrap();
    /// assert_eq!(conn.run(ZRemRange::by_score("window", "-inf", "(500")).unwrap(), 1);
    /// ```
    pub fn by_score(key: impl IntoArg, min: impl IntoArg, max: impl IntoArg) -> ZRemRange {
        let (min, max) = (min.into_arg(), max.into_arg());
        let span = score_range(&min, &max).map(|(min, max)| Span::Score(min, max));
        ZRemRange {
            key: key.into_arg(),
            span: span.unwrap_or_else(Span::Invalid),
        }
    }

    /// `ZREMRANGEBYRANK key start stop`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRemRange}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b").member(3.0, "c")).unwrap();
    /// assert_eq!(conn.run(ZRemRange::by_rank("z", 0, -2)).unwrap(), 2);
    /// ```
    pub fn by_rank(key: impl IntoArg, start: i64, stop: i64) -> ZRemRange {
        ZRemRange {
            key: key.into_arg(),
            span: Span::Rank(start, stop),
        }
    }

    fn parse_with(args: &mut Args, kind: u8) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let (min, max) = (args.next_bytes()?, args.next_bytes()?);
        let span = match kind {
            b's' => {
                let (min, max) = score_range(&min, &max)?;
                Span::Score(min, max)
            }
            b'l' => {
                let (min, max) = lex_range(&min, &max)?;
                Span::Lex(min, max)
            }
            _ => Span::Rank(
                parse_i64(&min).ok_or(Error::NotInteger)?,
                parse_i64(&max).ok_or(Error::NotInteger)?,
            ),
        };
        Ok(ZRemRange { key, span }.into())
    }

    pub(crate) fn parse_by_score(args: &mut Args) -> Result<Command, Error> {
        ZRemRange::parse_with(args, b's')
    }

    pub(crate) fn parse_by_rank(args: &mut Args) -> Result<Command, Error> {
        ZRemRange::parse_with(args, b'r')
    }

    pub(crate) fn parse_by_lex(args: &mut Args) -> Result<Command, Error> {
        ZRemRange::parse_with(args, b'l')
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.span {
            Span::Rank(..) => "zremrangebyrank",
            Span::Score(..) | Span::Invalid(_) => "zremrangebyscore",
            Span::Lex(..) => "zremrangebylex",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if let Some(error) = self.span.invalid() {
            return error;
        }
        if let Some(error) = self.span.invalid() {
            return error;
        }
        let removed: Vec<Bytes> = match ctx.zset(&self.key) {
            Ok(None) => return Reply::Integer(0),
            Err(error) => return error.into(),
            Ok(Some(set)) => {
                // Ranks and scores are a range of positions, removed together.
                let members = |removed: Vec<(Bytes, f64)>| -> Vec<Bytes> {
                    removed.into_iter().map(|(member, _)| member).collect()
                };
                match &self.span {
                    Span::Rank(start, stop) => match rank_span(*start, *stop, set.len()) {
                        Some((start, stop)) => members(set.remove_by_rank(start..stop + 1)),
                        None => Vec::new(),
                    },
                    Span::Score(min, max) => {
                        let ranks = set.score_ranks(*min, *max);
                        members(set.remove_by_rank(ranks))
                    }
                    Span::Lex(min, max) => {
                        let doomed: Vec<Bytes> = set
                            .by_lex(min, max, false)
                            .map(|(member, _)| member.clone())
                            .collect();
                        for member in &doomed {
                            set.remove(member);
                        }
                        doomed
                    }
                    Span::Invalid(_) => Vec::new(),
                }
            }
        };
        if !removed.is_empty() {
            let event = self.name();
            ctx.zset_removed(&self.key, &removed, event);
        }
        Reply::Integer(removed.len() as i64)
    }
}

/// `ZPOPMIN key [count]` and `ZPOPMAX key [count]`: removes and returns the lowest (highest)
/// members with their scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZPop {
    key: Bytes,
    count: Option<u64>,
    highest: bool,
}

impl ZPop {
    /// `ZPOPMIN key` (`highest`: `ZPOPMAX`); a count with [`ZPop::count`].
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZPop}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("jobs", 2.0, "b").member(1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZPop::new("jobs", false)).unwrap(), Reply::Array(vec![Reply::bulk("a"), Reply::Double(1.0)]));
    /// ```
    pub fn new(key: impl IntoArg, highest: bool) -> ZPop {
        ZPop {
            key: key.into_arg(),
            count: None,
            highest,
        }
    }

    /// `count`: up to this many members.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZPop}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a").member(2.0, "b")).unwrap();
    /// let Reply::Array(flat) = conn.run(ZPop::new("z", true).count(5)).unwrap() else { panic!() };
    /// assert_eq!(flat.len(), 4);
    /// ```
    pub fn count(mut self, count: u64) -> ZPop {
        self.count = Some(count);
        self
    }

    fn parse_with(args: &mut Args, highest: bool) -> Result<Command, Error> {
        let mut pop = ZPop::new(args.next_bytes()?, highest);
        // More than a count is refused before the count is read.
        if args.remaining() > 1 {
            return Err(Error::Syntax);
        }
        if let Some(count) = args.next() {
            // One text for a count that is negative or not a number at all.
            let count = parse_i64(&count).and_then(|count| u64::try_from(count).ok());
            pop.count = Some(count.ok_or(Error::MustBePositive)?);
        }
        Ok(Command::ZPop(pop))
    }

    pub(crate) fn parse_min(args: &mut Args) -> Result<Command, Error> {
        ZPop::parse_with(args, false)
    }

    pub(crate) fn parse_max(args: &mut Args) -> Result<Command, Error> {
        ZPop::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.highest {
            "zpopmax"
        } else {
            "zpopmin"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let protocol = ctx.session.protocol();
        let wanted = self.count.unwrap_or(1);
        let popped = match ctx.zset(&self.key) {
            Ok(Some(_)) if wanted == 0 => return Reply::Array(Vec::new()),
            _ => match ctx.zpop_some(&self.key, self.highest, wanted) {
                Ok(Some(popped)) => popped,
                Ok(None) => return Reply::Array(Vec::new()),
                Err(error) => return error.into(),
            },
        };
        let mut out = Vec::with_capacity(popped.len() * 2);
        for (member, score) in &popped {
            push_member(
                &mut out,
                member,
                Some(*score),
                protocol,
                self.count.is_some(),
            );
        }
        Reply::Array(out)
    }
}

/// `ZRANDMEMBER key [count [WITHSCORES]]`: random members, as HRANDFIELD picks fields; a
/// count that reaches the size gives the whole set from its highest member down, as
/// redis-server does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZRandMember {
    pub(crate) key: Bytes,
    count: Option<i64>,
    with_scores: bool,
}

impl ZRandMember {
    /// `ZRANDMEMBER key`.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRandMember}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "only")).unwrap();
    /// assert_eq!(conn.run(ZRandMember::new("z")).unwrap(), Reply::bulk("only"));
    /// ```
    pub fn new(key: impl IntoArg) -> ZRandMember {
        ZRandMember {
            key: key.into_arg(),
            count: None,
            with_scores: false,
        }
    }

    /// `count`: how many (negative: with repetitions).
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRandMember}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZRandMember::new("z").count(-2)).unwrap(), Reply::Array(vec![Reply::bulk("a"); 2]));
    /// ```
    pub fn count(mut self, count: i64) -> ZRandMember {
        self.count = Some(count);
        self
    }

    /// `WITHSCORES` (implies a count of 1 unless one is given).
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZRandMember}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZRandMember::new("z").with_scores()).unwrap(), Reply::Array(vec![Reply::bulk("a"), Reply::Double(1.0)]));
    /// ```
    pub fn with_scores(mut self) -> ZRandMember {
        self.count.get_or_insert(1);
        self.with_scores = true;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut command = ZRandMember::new(args.next_bytes()?);
        let Some(count) = args.next() else {
            return Ok(Command::ZRandMember(command));
        };
        let count = parse_i64(&count).ok_or(Error::NotInteger)?;
        if count == i64::MIN {
            return Err(Error::CountOutOfRange);
        }
        command.count = Some(count);
        if let Some(option) = args.next_keyword() {
            if !option.is("WITHSCORES") || !args.is_empty() {
                return Err(Error::Syntax);
            }
            if !(-(i64::MAX / 2)..=i64::MAX / 2).contains(&count) {
                return Err(Error::OutOfRange);
            }
            command.with_scores = true;
        }
        Ok(Command::ZRandMember(command))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let protocol = ctx.session.protocol();
        let set = match ctx.read_zset(&self.key) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        let Some(count) = self.count else {
            return Reply::optional(
                set.and_then(|set| set.get(random::below(set.len())))
                    .map(|(member, _)| member.clone()),
            );
        };
        let Some(set) = set else {
            return Reply::Array(Vec::new());
        };
        let Some(positions) = random::picks(set.len(), count) else {
            return Error::OutOfRange.into();
        };
        // redis-server walks a sorted set from its highest member here: position `at` is
        // the member of descending rank `at`. Ascending positions (a positive count) are
        // one walk down; others are looked up one by one.
        let mut walk = set.by_rev_rank(0..set.len());
        let mut walked = 0;
        let mut out = Vec::with_capacity(positions.len() * 2);
        for at in positions {
            let picked = if at >= walked {
                let next = walk.nth(at - walked);
                walked = at + 1;
                next
            } else {
                set.get(set.len() - 1 - at)
            };
            let Some((member, score)) = picked else {
                continue;
            };
            let score = self.with_scores.then_some(score);
            push_member(&mut out, member, score, protocol, true);
        }
        Reply::Array(out)
    }
}

/// `ZSCAN key cursor [MATCH pattern] [COUNT count]`: iterates members and scores in pages.
///
/// A small set (Redis's listpack form) comes whole, in order, with cursor 0; a large one is
/// paged in scan order with Redis's guarantee and embedis's own cursors (see README).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZScan {
    pub(crate) key: Bytes,
    scan: ScanArgs,
}

impl ZScan {
    /// `ZSCAN key cursor` with Redis's default COUNT of 10.
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZScan}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    /// assert_eq!(conn.run(ZScan::new("z", 0)).unwrap(), (0, vec!["a".into(), "1".into()]));
    /// ```
    pub fn new(key: impl IntoArg, cursor: u64) -> ZScan {
        ZScan {
            key: key.into_arg(),
            scan: ScanArgs::new(cursor),
        }
    }

    /// `MATCH pattern`: only members matching the glob.
    ///
    /// ```
    /// use embedis::cmd::{Command, ZScan};
    /// assert_eq!(Command::from_argv(["ZSCAN", "z", "0", "MATCH", "a*"]).unwrap(), ZScan::new("z", 0).pattern("a*").into());
    /// ```
    pub fn pattern(mut self, pattern: impl IntoArg) -> ZScan {
        self.scan.pattern(pattern);
        self
    }

    /// `COUNT count`: how many members to look at per call (a large set only).
    ///
    /// ```
    /// use embedis::cmd::{Command, ZScan};
    /// assert_eq!(Command::from_argv(["ZSCAN", "z", "0", "COUNT", "50"]).unwrap(), ZScan::new("z", 0).count(50).into());
    /// ```
    pub fn count(mut self, count: usize) -> ZScan {
        self.scan.count(count);
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let scan = ScanArgs::parse(args)?;
        Ok(ZScan { key, scan }.into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let set = match ctx.read_value_as_mut(&self.key, Value::sorted_set_mut) {
            Ok(Some(set)) => set,
            Ok(None) => return ScanArgs::nothing(),
            Err(error) => return error.into(),
        };
        if let Some(refusal) = self.scan.refusal() {
            return refusal;
        }
        let compact = set.is_compact();
        let members = compact.then(|| set.iter().map(|(member, _)| member.clone()).collect());
        let page = self
            .scan
            .select(members, |cursor, count| set.scan_page(cursor, count));
        self.scan.answer_pairs(
            page,
            |member| set.score(member),
            |score| Bytes::from(scan_score(score, compact)),
        )
    }
}

/// A score as ZSCAN shows it: as a small set's listpack holds it, or for a large set
/// printed with `%.17g`.
fn scan_score(score: f64, compact: bool) -> String {
    if compact {
        crate::store::zset::compact_score_text(score)
    } else {
        format_double(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_spans_follow_redis_arithmetic() {
        assert_eq!(rank_span(0, -1, 4), Some((0, 3)));
        assert_eq!(rank_span(-2, -1, 4), Some((2, 3)));
        assert_eq!(rank_span(-10, 1, 4), Some((0, 1)));
        assert_eq!(rank_span(2, 100, 4), Some((2, 3)));
        assert_eq!(rank_span(3, 2, 4), None);
        assert_eq!(rank_span(4, 10, 4), None);
        assert_eq!(rank_span(i64::MIN, i64::MAX, 4), Some((0, 3)));
    }

    #[test]
    fn scan_scores_of_a_compact_set_print_whole_numbers_as_integers() {
        assert_eq!(scan_score(1e17, true), "100000000000000000");
        assert_eq!(scan_score(1e17, false), "1e+17");
        assert_eq!(
            scan_score(-4_611_686_018_427_387_904.0, true),
            "-4611686018427387904"
        );
        assert_eq!(
            scan_score(4_611_686_018_427_388_928.0, true),
            "4.6116860184273889e+18"
        );
        assert_eq!(scan_score(2.5, true), "2.5");
        assert_eq!(scan_score(f64::INFINITY, true), "inf");
    }

    #[test]
    fn limits_skip_and_take_as_redis_does() {
        let all = || 0..5;
        let run = |limit| limited(all(), limit).collect::<Vec<_>>();
        assert_eq!(run(None), [0, 1, 2, 3, 4]);
        assert_eq!(run(Some((1, 2))), [1, 2]);
        assert_eq!(run(Some((1, -1))), [1, 2, 3, 4]);
        assert!(run(Some((-1, 2))).is_empty());
        assert!(run(Some((1, 0))).is_empty());
        assert!(run(Some((10, 1))).is_empty());
    }
}
