//! Sorted-set algebra, as redis-server 7.0 has it: ZUNION, ZINTER, ZDIFF, their STORE
//! forms, and ZINTERCARD; and the store that ZRANGESTORE shares with them.
//!
//! Inputs may be sorted sets or plain sets (every member of a set scores 1); a missing key
//! is an empty input. Scores combine as redis-server combines them, in its order, because
//! floating-point sums depend on it: inputs are visited from the smallest to the largest
//! (ties in the order given), each score is multiplied by its input's weight (a `NaN`
//! product, `inf × 0`, counts as 0), and a `SUM` that meets `inf + -inf` gives 0.
//!
//! Every key is looked up and type checked before the options are read, so a WRONGTYPE
//! wins over a bad weight, as there; the option error is kept from the parse and replied
//! after the lookups.
//!
//! The append-only file: a STORE logs the destination's whole new state (`DEL`, then
//! `ZADD` of the result), or `DEL` when the result is empty.

use std::collections::HashMap;

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::zset::push_member;
use super::{Command, IntoArg};
use crate::error::SortedSetError;
use crate::exec::notify;
use crate::store::c_string::keyword_is;
use crate::store::double::parse_score;
use crate::store::number::parse_i64;
use crate::store::set::Set;
use crate::store::value::Value;
use crate::store::zset::{Score, SortedSet};
use crate::{Error, Reply};

impl Ctx<'_> {
    /// Stores a sorted-set result (the algebra's STORE forms, ZRANGESTORE); replies its size.
    pub(crate) fn store_sorted_set(
        &mut self,
        destination: &Bytes,
        set: SortedSet,
        event: &str,
    ) -> Reply {
        let size = set.len() as i64;
        let value = (!set.is_empty()).then(|| Value::SortedSet(Box::new(set)));
        self.store_result(destination, value, notify::ZSET, event);
        Reply::Integer(size)
    }
}

/// How ZUNION and ZINTER combine the scores a member has in several inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregate {
    /// `AGGREGATE SUM` (the default): the sum of the weighted scores.
    #[default]
    Sum,
    /// `AGGREGATE MIN`: the lowest weighted score.
    Min,
    /// `AGGREGATE MAX`: the highest weighted score.
    Max,
}

impl Aggregate {
    /// Redis's `zunionInterAggregate`: a `NaN` sum is 0; a `NaN` never wins MIN or MAX.
    fn fold(self, total: &mut f64, value: f64) {
        match self {
            Aggregate::Sum => {
                *total += value;
                if total.is_nan() {
                    *total = 0.0;
                }
            }
            Aggregate::Min if value < *total => *total = value,
            Aggregate::Max if value > *total => *total = value,
            Aggregate::Min | Aggregate::Max => {}
        }
    }
}

/// Which algebra.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algebra {
    Union,
    Inter,
    Diff,
}

/// What follows the keys.
#[derive(Debug, Clone, PartialEq)]
struct Options {
    /// One per key.
    weights: Vec<f64>,
    aggregate: Aggregate,
    with_scores: bool,
}

/// `ZUNION`, `ZINTER`, `ZDIFF numkeys key ... [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX]
/// [WITHSCORES]`, their `...STORE destination numkeys key ...` forms, and `ZINTERCARD
/// numkeys key ... [LIMIT limit]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ZCombine {
    pub(crate) keys: Vec<Bytes>,
    algebra: Algebra,
    destination: Option<Bytes>,
    /// ZINTERCARD: reply only the size, counting up to this (0: no limit).
    card_limit: Option<u64>,
    /// The options, or the error they are refused with once the keys were looked up.
    options: Result<Options, Error>,
}

impl ZCombine {
    fn new<I>(keys: I, algebra: Algebra) -> ZCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let keys: Vec<Bytes> = keys.into_iter().map(IntoArg::into_arg).collect();
        let options = Options {
            weights: vec![1.0; keys.len()],
            aggregate: Aggregate::Sum,
            with_scores: false,
        };
        ZCombine {
            keys,
            algebra,
            destination: None,
            card_limit: None,
            options: Ok(options),
        }
    }

    /// `ZUNION numkeys key ...`: every member of any input, its weighted scores
    /// aggregated.
    ///
    /// ```
    /// use embedis::{cmd::ZCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["ZADD", "a", "1", "x", "2", "y"]).unwrap();
    /// conn.call(["ZADD", "b", "5", "x"]).unwrap();
    /// let union = conn.run(ZCombine::union(["a", "b"]).with_scores()).unwrap();
    /// assert_eq!(union, Reply::Array(vec![
    ///     Reply::bulk("y"), Reply::Double(2.0), Reply::bulk("x"), Reply::Double(6.0),
    /// ]));
    /// ```
    pub fn union<I>(keys: I) -> ZCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZCombine::new(keys, Algebra::Union)
    }

    /// `ZINTER numkeys key ...`: the members of every input.
    ///
    /// ```
    /// use embedis::{cmd::{Aggregate, ZCombine}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["ZADD", "a", "1", "x", "2", "y"]).unwrap();
    /// conn.call(["ZADD", "b", "5", "x"]).unwrap();
    /// let inter = conn.run(ZCombine::inter(["a", "b"]).aggregate(Aggregate::Max).with_scores());
    /// assert_eq!(inter.unwrap(), Reply::Array(vec![Reply::bulk("x"), Reply::Double(5.0)]));
    /// ```
    pub fn inter<I>(keys: I) -> ZCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZCombine::new(keys, Algebra::Inter)
    }

    /// `ZDIFF numkeys key ...`: the first input's members in none of the others, with
    /// their scores there.
    ///
    /// ```
    /// use embedis::{cmd::ZCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["ZADD", "a", "1", "x", "2", "y"]).unwrap();
    /// conn.call(["SADD", "b", "x"]).unwrap();
    /// assert_eq!(conn.run(ZCombine::diff(["a", "b"])).unwrap(), Reply::Array(vec![Reply::bulk("y")]));
    /// ```
    pub fn diff<I>(keys: I) -> ZCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZCombine::new(keys, Algebra::Diff)
    }

    /// `ZINTERCARD numkeys key ... [LIMIT limit]`: the size of the intersection, counting
    /// up to `limit` (0: all).
    ///
    /// ```
    /// use embedis::{cmd::ZCombine, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["ZADD", "a", "1", "x", "2", "y", "3", "z"]).unwrap();
    /// conn.call(["SADD", "b", "x", "y", "z"]).unwrap();
    /// assert_eq!(conn.run(ZCombine::inter_card(["a", "b"], 2)).unwrap(), embedis::Reply::Integer(2));
    /// ```
    pub fn inter_card<I>(keys: I, limit: u64) -> ZCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let mut command = ZCombine::new(keys, Algebra::Inter);
        command.card_limit = Some(limit);
        command
    }

    /// `WEIGHTS weight ...`, one per key (ZUNION and ZINTER; another count is refused
    /// with a syntax error, as the argv form is).
    ///
    /// ```
    /// use embedis::{cmd::ZCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["ZADD", "a", "1", "x"]).unwrap();
    /// conn.call(["ZADD", "b", "1", "x"]).unwrap();
    /// let weighted = conn.run(ZCombine::union(["a", "b"]).weights([2.0, 10.0]).with_scores());
    /// assert_eq!(weighted.unwrap(), Reply::Array(vec![Reply::bulk("x"), Reply::Double(12.0)]));
    /// ```
    pub fn weights(mut self, weights: impl IntoIterator<Item = f64>) -> ZCombine {
        let weights: Vec<f64> = weights.into_iter().collect();
        let fits = weights.len() == self.keys.len()
            && self.algebra != Algebra::Diff
            && self.card_limit.is_none();
        self.options = match self.options {
            Ok(_) if weights.iter().any(|weight| weight.is_nan()) => {
                Err(SortedSetError::WeightNotFloat.into())
            }
            Ok(options) if fits => Ok(Options { weights, ..options }),
            Ok(_) => Err(Error::Syntax),
            Err(error) => Err(error),
        };
        self
    }

    /// `AGGREGATE SUM|MIN|MAX` (ZUNION and ZINTER).
    ///
    /// ```
    /// use embedis::cmd::{Aggregate, Command, ZCombine};
    /// let parsed = Command::from_argv(["ZUNION", "1", "a", "AGGREGATE", "min"]).unwrap();
    /// assert_eq!(parsed, ZCombine::union(["a"]).aggregate(Aggregate::Min).into());
    /// ```
    pub fn aggregate(mut self, aggregate: Aggregate) -> ZCombine {
        let fits = self.algebra != Algebra::Diff && self.card_limit.is_none();
        self.options = match self.options {
            Ok(options) if fits => Ok(Options {
                aggregate,
                ..options
            }),
            Ok(_) => Err(Error::Syntax),
            Err(error) => Err(error),
        };
        self
    }

    /// `WITHSCORES`: members and scores (a flat array in RESP2, pairs in RESP3).
    ///
    /// ```
    /// use embedis::cmd::{Command, ZCombine};
    /// let parsed = Command::from_argv(["ZDIFF", "2", "a", "b", "WITHSCORES"]).unwrap();
    /// assert_eq!(parsed, ZCombine::diff(["a", "b"]).with_scores().into());
    /// ```
    pub fn with_scores(mut self) -> ZCombine {
        let fits = self.destination.is_none() && self.card_limit.is_none();
        self.options = match self.options {
            Ok(options) if fits => Ok(Options {
                with_scores: true,
                ..options
            }),
            Ok(_) => Err(Error::Syntax),
            Err(error) => Err(error),
        };
        self
    }

    /// The `...STORE destination` form: stores the result (deleting `destination` when
    /// it is empty), replies its size.
    ///
    /// ```
    /// use embedis::{cmd::ZCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["ZADD", "a", "1", "x"]).unwrap();
    /// conn.call(["SADD", "b", "y"]).unwrap();
    /// assert_eq!(conn.run(ZCombine::union(["a", "b"]).store("both")).unwrap(), Reply::Integer(2));
    /// ```
    pub fn store(mut self, destination: impl IntoArg) -> ZCombine {
        if self.card_limit.is_some() || matches!(&self.options, Ok(options) if options.with_scores)
        {
            self.options = Err(Error::Syntax);
        }
        self.destination = Some(destination.into_arg());
        self
    }

    /// redis-server's `zunionInterDiffGenericCommand`: `numkeys` and the keys now, the
    /// options' error (if any) kept for after the lookups.
    fn parse_with(
        args: &mut Args,
        algebra: Algebra,
        store: bool,
        card: bool,
    ) -> Result<Command, Error> {
        let destination = if store {
            Some(args.next_bytes()?)
        } else {
            None
        };
        let numkeys = parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
        let mut command = ZCombine {
            keys: Vec::new(),
            algebra,
            destination,
            card_limit: card.then_some(0),
            options: Err(Error::Syntax),
        };
        if numkeys < 1 {
            return Err(Error::NoInputKeys(command.name()));
        }
        if u64::try_from(numkeys).unwrap_or(u64::MAX) > args.remaining() as u64 {
            return Err(Error::Syntax);
        }
        command.keys = (0..numkeys).filter_map(|_| args.next()).collect();
        command.options = command.parse_options(args);
        // The words after an option error are never read, as on Redis.
        args.rest();
        Ok(Command::ZCombine(Box::new(command)))
    }

    /// WEIGHTS, AGGREGATE, WITHSCORES and LIMIT where each applies, read in order; the
    /// first error found.
    fn parse_options(&mut self, args: &mut Args) -> Result<Options, Error> {
        let numkeys = self.keys.len();
        let scored = self.algebra != Algebra::Diff && self.card_limit.is_none();
        let mut options = Options {
            weights: vec![1.0; numkeys],
            aggregate: Aggregate::Sum,
            with_scores: false,
        };
        while let Some(word) = args.next() {
            if scored && args.remaining() >= numkeys && keyword_is(&word, "WEIGHTS") {
                for weight in &mut options.weights {
                    *weight =
                        parse_score(&args.next_bytes()?).ok_or(SortedSetError::WeightNotFloat)?;
                }
            } else if scored && !args.is_empty() && keyword_is(&word, "AGGREGATE") {
                let how = args.next_bytes()?;
                options.aggregate = if keyword_is(&how, "SUM") {
                    Aggregate::Sum
                } else if keyword_is(&how, "MIN") {
                    Aggregate::Min
                } else if keyword_is(&how, "MAX") {
                    Aggregate::Max
                } else {
                    return Err(Error::Syntax);
                };
            } else if self.destination.is_none()
                && self.card_limit.is_none()
                && keyword_is(&word, "WITHSCORES")
            {
                options.with_scores = true;
            } else if self.card_limit.is_some() && !args.is_empty() && keyword_is(&word, "LIMIT") {
                let limit = parse_i64(&args.next_bytes()?)
                    .and_then(|limit| u64::try_from(limit).ok())
                    .ok_or(Error::LimitNegative)?;
                self.card_limit = Some(limit);
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(options)
    }

    pub(crate) fn parse_zunion(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Union, false, false)
    }

    pub(crate) fn parse_zinter(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Inter, false, false)
    }

    pub(crate) fn parse_zdiff(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Diff, false, false)
    }

    pub(crate) fn parse_zunionstore(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Union, true, false)
    }

    pub(crate) fn parse_zinterstore(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Inter, true, false)
    }

    pub(crate) fn parse_zdiffstore(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Diff, true, false)
    }

    pub(crate) fn parse_zintercard(args: &mut Args) -> Result<Command, Error> {
        ZCombine::parse_with(args, Algebra::Inter, false, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        match (self.algebra, &self.destination, self.card_limit) {
            (_, _, Some(_)) => "zintercard",
            (Algebra::Union, None, _) => "zunion",
            (Algebra::Inter, None, _) => "zinter",
            (Algebra::Diff, None, _) => "zdiff",
            (Algebra::Union, Some(_), _) => "zunionstore",
            (Algebra::Inter, Some(_), _) => "zinterstore",
            (Algebra::Diff, Some(_), _) => "zdiffstore",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.keys.is_empty() {
            return Error::NoInputKeys(self.name()).into();
        }
        // Every input is looked up (a missing one announced) and type checked first.
        for key in &self.keys {
            if let Err(error) = ctx.read_value_as(key, Value::scored_mut) {
                return error.into();
            }
        }
        let options = match &self.options {
            Ok(options) => options,
            Err(error) => return error.clone().into(),
        };
        // The lookups above expired what was due: the inputs can be borrowed together.
        let inputs: Vec<Input> = self
            .keys
            .iter()
            .map(|key| Input::of(ctx.db.peek(key).map(|entry| &entry.value)))
            .collect();
        let members = match self.algebra {
            Algebra::Union => union(&inputs, options),
            Algebra::Inter => {
                let stop_at = self
                    .card_limit
                    .filter(|limit| *limit > 0)
                    .map_or(usize::MAX, |limit| {
                        usize::try_from(limit).unwrap_or(usize::MAX)
                    });
                inter(&inputs, options, stop_at)
            }
            Algebra::Diff => diff(&inputs),
        };
        if self.card_limit.is_some() {
            return Reply::Integer(members.len() as i64);
        }
        let Some(destination) = &self.destination else {
            // Sorted as a set orders them, but not stored: a `-0` stays `-0`, as in the
            // skiplist redis-server replies from.
            let mut members = members;
            members.sort_by(|(a, a_score), (b, b_score)| {
                Score(*a_score).cmp(&Score(*b_score)).then_with(|| a.cmp(b))
            });
            let protocol = ctx.session.protocol();
            let mut out = Vec::with_capacity(members.len());
            for (member, score) in &members {
                let score = options.with_scores.then_some(*score);
                push_member(&mut out, member, score, protocol, true);
            }
            return Reply::Array(out);
        };
        let result = SortedSet::from_members(members);
        let event = match self.algebra {
            Algebra::Union => "zunionstore",
            Algebra::Inter => "zinterstore",
            Algebra::Diff => "zdiffstore",
        };
        ctx.store_sorted_set(destination, result, event)
    }
}

/// One input of the algebra.
#[derive(Clone, Copy)]
enum Input<'a> {
    Missing,
    Sorted(&'a SortedSet),
    /// A plain set: every member scores 1.
    Plain(&'a Set),
}

impl<'a> Input<'a> {
    fn of(value: Option<&'a Value>) -> Input<'a> {
        match value {
            Some(Value::SortedSet(set)) => Input::Sorted(set),
            Some(Value::Set(set)) => Input::Plain(set),
            _ => Input::Missing,
        }
    }

    fn len(&self) -> usize {
        match self {
            Input::Missing => 0,
            Input::Sorted(set) => set.len(),
            Input::Plain(set) => set.len(),
        }
    }

    fn score(&self, member: &[u8]) -> Option<f64> {
        match self {
            Input::Missing => None,
            Input::Sorted(set) => set.score(member),
            Input::Plain(set) => set.contains(member).then_some(1.0),
        }
    }

    fn members(&self) -> Box<dyn Iterator<Item = (&'a Bytes, f64)> + 'a> {
        match *self {
            Input::Missing => Box::new(std::iter::empty()),
            Input::Sorted(set) => Box::new(set.iter()),
            Input::Plain(set) => Box::new(set.members().into_iter().map(|member| (member, 1.0))),
        }
    }
}

/// The inputs' positions from the smallest to the largest, ties in the order given (the
/// order redis-server combines them in).
fn smallest_first(inputs: &[Input]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by_key(|&index| inputs[index].len());
    order
}

/// A weighted score; `inf × 0` counts as 0.
fn weighted(score: f64, weight: f64) -> f64 {
    let product = score * weight;
    if product.is_nan() {
        0.0
    } else {
        product
    }
}

fn union(inputs: &[Input], options: &Options) -> Vec<(Bytes, f64)> {
    let mut scores: HashMap<Bytes, f64, ahash::RandomState> = HashMap::default();
    for index in smallest_first(inputs) {
        let weight = options.weights[index];
        for (member, score) in inputs[index].members() {
            let value = weighted(score, weight);
            match scores.get_mut(member) {
                Some(total) => options.aggregate.fold(total, value),
                None => {
                    scores.insert(member.clone(), value);
                }
            }
        }
    }
    scores.into_iter().collect()
}

/// The intersection, up to `stop_at` members (ZINTERCARD's LIMIT).
fn inter(inputs: &[Input], options: &Options, stop_at: usize) -> Vec<(Bytes, f64)> {
    let order = smallest_first(inputs);
    let Some((&first, rest)) = order.split_first() else {
        return Vec::new();
    };
    let mut members = Vec::new();
    'members: for (member, score) in inputs[first].members() {
        if members.len() >= stop_at {
            break;
        }
        let mut total = weighted(score, options.weights[first]);
        for &index in rest {
            match inputs[index].score(member) {
                // Unlike the first input's, these products are not cleaned of `NaN`:
                // redis-server folds them as they are.
                Some(score) => options
                    .aggregate
                    .fold(&mut total, score * options.weights[index]),
                None => continue 'members,
            }
        }
        members.push((member.clone(), total));
    }
    members
}

/// The first input's members in none of the others, with their own scores.
fn diff(inputs: &[Input]) -> Vec<(Bytes, f64)> {
    let Some((first, rest)) = inputs.split_first() else {
        return Vec::new();
    };
    first
        .members()
        .filter(|(member, _)| rest.iter().all(|input| input.score(member).is_none()))
        .map(|(member, score)| (member.clone(), score))
        .collect()
}
