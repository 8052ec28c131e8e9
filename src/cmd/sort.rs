//! SORT and SORT_RO, as redis-server 7.0 has them: the elements of a list, set or sorted
//! set, sorted numerically (or by bytes with ALPHA), optionally by the values of other keys
//! (`BY weight_*`, `BY h_*->field`), cut with LIMIT, projected through GET patterns, and
//! stored as a list with STORE.
//!
//! Redis's details are kept because results depend on them:
//! - options are read before the key, so a syntax error beats WRONGTYPE;
//! - numbers are C's `strtod` of the whole value (leading white space allowed, the empty
//!   string is 0, overflow, underflow and NaN are errors); equal scores fall back to the
//!   elements' bytes, so the order is total, and DESC reverses that too;
//! - ALPHA compares up to the first NUL (`strcoll` in the C locale) except when storing,
//!   where whole bytes are compared; with BY, a missing weight sorts first and equal
//!   weights keep the source order (a stable sort, as glibc's `qsort` is);
//! - `BY` with a pattern without `*` means "do not sort": a list keeps its order, a sorted
//!   set its rank order (DESC walks from the end, LIMIT is a range of positions), a set its
//!   own order, except when storing or inside a script, where a set is sorted by bytes so
//!   the result is deterministic;
//! - a sorted set that SORT reads leaves the compact encoding for good, as redis-server
//!   converts it to a skiplist.
//!
//! The append-only file: a STORE logs the destination's whole new state (the generic key
//! logger), or its deletion.

use std::cmp::Ordering;

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::store::c_string::{c_string, keyword_is};
use crate::store::double::parse_sort_score;
use crate::store::list::List;
use crate::store::number::parse_i64;
use crate::store::value::Value;
use crate::{Error, Reply};

/// `SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA]
/// [STORE destination]`, and `SORT_RO` (no STORE).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    pub(crate) key: Bytes,
    by: Option<Bytes>,
    /// A `BY` pattern without `*` was given (a later one with `*` does not undo it).
    dont_sort: bool,
    limit: Option<(i64, i64)>,
    gets: Vec<Bytes>,
    descending: bool,
    alpha: bool,
    store: Option<Bytes>,
    read_only: bool,
}

impl Sort {
    /// `SORT key`: numeric, ascending.
    ///
    /// ```
    /// use embedis::{cmd::Sort, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "scores", "10", "2", "33"]).unwrap();
    /// conn.call(["SET", "weight_10", "3"]).unwrap();
    /// conn.call(["SET", "weight_2", "1"]).unwrap();
    /// let sorted = conn.run(Sort::new("scores").descending().limit(0, 2)).unwrap();
    /// assert_eq!(sorted, Reply::Array(vec![Reply::bulk("33"), Reply::bulk("10")]));
    /// let by_weight = conn.run(Sort::new("scores").by("weight_*").get("#")).unwrap();
    /// assert_eq!(by_weight, Reply::Array(vec![Reply::bulk("33"), Reply::bulk("2"), Reply::bulk("10")]));
    /// ```
    pub fn new(key: impl IntoArg) -> Sort {
        Sort {
            key: key.into_arg(),
            by: None,
            dont_sort: false,
            limit: None,
            gets: Vec::new(),
            descending: false,
            alpha: false,
            store: None,
            read_only: false,
        }
    }

    /// `SORT_RO key`: SORT without STORE, allowed where writes are not (replicas,
    /// read-only scripts).
    ///
    /// ```
    /// use embedis::{cmd::Sort, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "tags", "b", "a"]).unwrap();
    /// let sorted = conn.run(Sort::read_only("tags").alpha()).unwrap();
    /// assert_eq!(sorted, Reply::Array(vec![Reply::bulk("a"), Reply::bulk("b")]));
    /// ```
    pub fn read_only(key: impl IntoArg) -> Sort {
        Sort {
            read_only: true,
            ..Sort::new(key)
        }
    }

    /// `BY pattern`: sort by the string at the key the pattern names (`*` replaced by the
    /// element), or by a hash field (`key_*->field`); a pattern without `*` does not sort.
    pub fn by(mut self, pattern: impl IntoArg) -> Sort {
        let pattern = pattern.into_arg();
        self.dont_sort |= !c_string(&pattern).contains(&b'*');
        self.by = Some(pattern);
        self
    }

    /// `LIMIT offset count` (a negative count: to the end).
    pub fn limit(mut self, offset: i64, count: i64) -> Sort {
        self.limit = Some((offset, count));
        self
    }

    /// `GET pattern`: reply the value the pattern names instead of the element (`#` is the
    /// element itself); several GETs reply several values per element.
    pub fn get(mut self, pattern: impl IntoArg) -> Sort {
        self.gets.push(pattern.into_arg());
        self
    }

    /// `DESC`.
    pub fn descending(mut self) -> Sort {
        self.descending = true;
        self
    }

    /// `ALPHA`: compare bytes instead of numbers.
    pub fn alpha(mut self) -> Sort {
        self.alpha = true;
        self
    }

    /// `STORE destination`: store the result as a list, reply its length (SORT only).
    pub fn store(mut self, destination: impl IntoArg) -> Sort {
        self.store = Some(destination.into_arg());
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Sort::parse_as(args, false)
    }

    pub(crate) fn parse_read_only(args: &mut Args) -> Result<Command, Error> {
        Sort::parse_as(args, true)
    }

    fn parse_as(args: &mut Args, read_only: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut sort = Sort {
            read_only,
            ..Sort::new(key)
        };
        let words = args.rest();
        let mut at = 0;
        while at < words.len() {
            let word = &words[at];
            let left = words.len() - at - 1;
            if keyword_is(word, "asc") {
                sort.descending = false;
            } else if keyword_is(word, "desc") {
                sort.descending = true;
            } else if keyword_is(word, "alpha") {
                sort.alpha = true;
            } else if keyword_is(word, "limit") && left >= 2 {
                let offset = parse_i64(&words[at + 1]).ok_or(Error::NotInteger)?;
                let count = parse_i64(&words[at + 2]).ok_or(Error::NotInteger)?;
                sort.limit = Some((offset, count));
                at += 2;
            } else if keyword_is(word, "store") && left >= 1 && !read_only {
                sort.store = Some(words[at + 1].clone());
                at += 1;
            } else if keyword_is(word, "by") && left >= 1 {
                sort = sort.by(words[at + 1].clone());
                at += 1;
            } else if keyword_is(word, "get") && left >= 1 {
                sort.gets.push(words[at + 1].clone());
                at += 1;
            } else {
                return Err(Error::Syntax);
            }
            at += 1;
        }
        Ok(Command::Sort(Box::new(sort)))
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.read_only {
            "sort_ro"
        } else {
            "sort"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        self.run(ctx).into()
    }

    fn run(self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let mut dont_sort = self.dont_sort;
        let mut alpha = self.alpha;
        let mut by = self.by.as_ref().filter(|_| !dont_sort);
        let source = ctx.sort_source(&self.key)?;
        // A set read in its own order is not deterministic: storing it, or returning it to
        // a script, sorts it by bytes instead.
        if dont_sort
            && matches!(source, Source::Set(_))
            && (self.store.is_some() || ctx.session.scripted)
        {
            dont_sort = false;
            alpha = true;
            by = None;
        }
        // The LIMIT window as (skip, take); every element is still scored (a bad weight
        // outside the window is an error too).
        let (skip, take) = limit_range(self.limit, source.len())
            .map_or((0, 0), |(start, end)| (start, end - start + 1));
        let mut items: Vec<Item> = match source {
            Source::Ordered(elements) if dont_sort => {
                // Position order, DESC from the end.
                let picked: Vec<Bytes> = if self.descending {
                    elements.into_iter().rev().skip(skip).take(take).collect()
                } else {
                    elements.into_iter().skip(skip).take(take).collect()
                };
                return self.output(ctx, picked);
            }
            Source::Ordered(elements) | Source::Set(elements) => {
                elements.into_iter().map(Item::new).collect()
            }
        };
        if dont_sort {
            let picked = items.drain(..).skip(skip).take(take);
            return self.output(ctx, picked.map(|item| item.element).collect());
        }
        let mut unconvertible = false;
        for item in &mut items {
            let weight = match by {
                Some(pattern) => ctx.lookup_by_pattern(pattern, &item.element),
                None => Some(item.element.clone()),
            };
            if alpha {
                if by.is_some() {
                    item.weight = weight;
                }
            } else if let Some(weight) = weight {
                match parse_sort_score(&weight) {
                    Some(score) => item.score = score,
                    None => unconvertible = true,
                }
            }
        }
        let storing = self.store.is_some();
        let by_pattern = by.is_some();
        items.sort_by(|a, b| {
            let order = compare(a, b, alpha, by_pattern, storing);
            if self.descending {
                order.reverse()
            } else {
                order
            }
        });
        if unconvertible {
            return Err(Error::SortScore);
        }
        let picked = items.into_iter().skip(skip).take(take);
        self.output(ctx, picked.map(|item| item.element).collect())
    }

    /// Replies (or stores) the picked elements, projected through the GET patterns.
    fn output(&self, ctx: &mut Ctx, elements: Vec<Bytes>) -> Result<Reply, Error> {
        let mut values: Vec<Option<Bytes>> = Vec::new();
        for element in elements {
            if self.gets.is_empty() {
                values.push(Some(element));
                continue;
            }
            for pattern in &self.gets {
                values.push(ctx.lookup_by_pattern(pattern, &element));
            }
        }
        let Some(destination) = &self.store else {
            return Ok(Reply::Array(
                values
                    .into_iter()
                    .map(|value| value.map_or(Reply::Nil, Reply::Bulk))
                    .collect(),
            ));
        };
        let stored = values.len() as i64;
        let list = (!values.is_empty()).then(|| {
            let mut list = List::default();
            for value in values {
                list.push(crate::store::list::End::Right, value.unwrap_or_default());
            }
            Value::List(Box::new(list))
        });
        ctx.store_result(destination, list, notify::LIST, "sortstore");
        // Each stored element counts as a change (redis-server's `dirty`).
        ctx.count_elements(stored as usize);
        Ok(Reply::Integer(stored))
    }
}

/// What SORT reads from the key.
enum Source {
    /// A list, or a sorted set in rank order: "do not sort" keeps this order.
    Ordered(Vec<Bytes>),
    /// A set, in its own order.
    Set(Vec<Bytes>),
}

impl Source {
    fn len(&self) -> usize {
        match self {
            Source::Ordered(elements) | Source::Set(elements) => elements.len(),
        }
    }
}

/// One element and what it sorts by.
struct Item {
    element: Bytes,
    score: f64,
    /// ALPHA BY: the weight's bytes (`None`: missing, sorts first).
    weight: Option<Bytes>,
}

impl Item {
    fn new(element: Bytes) -> Item {
        Item {
            element,
            score: 0.0,
            weight: None,
        }
    }
}

/// Redis's `sortCompare`.
fn compare(a: &Item, b: &Item, alpha: bool, by_pattern: bool, storing: bool) -> Ordering {
    // `strcoll` in the C locale: byte order up to the first NUL. A STORE compares whole
    // bytes (Redis's `compareStringObjects`).
    let strings = |x: &[u8], y: &[u8]| {
        if storing {
            x.cmp(y)
        } else {
            c_string(x).cmp(c_string(y))
        }
    };
    if !alpha {
        return a
            .score
            .partial_cmp(&b.score)
            .filter(|order| order.is_ne())
            .unwrap_or_else(|| a.element.cmp(&b.element));
    }
    if !by_pattern {
        return strings(&a.element, &b.element);
    }
    match (&a.weight, &b.weight) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => strings(x, y),
    }
}

/// LIMIT over `len` elements: the inclusive window, `None` when it is empty. A negative
/// offset counts from 0, a negative count means "to the end".
fn limit_range(limit: Option<(i64, i64)>, len: usize) -> Option<(usize, usize)> {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let (offset, count) = limit.unwrap_or((0, -1));
    let start = offset.clamp(0, len_i);
    let count = count.clamp(-1, len_i);
    let end = if count < 0 {
        len_i - 1
    } else {
        start + count - 1
    };
    if start >= len_i || end < start {
        return None;
    }
    let end = end.min(len_i - 1);
    Some((start as usize, end as usize))
}

impl Ctx<'_> {
    /// The elements SORT reads at `key`: a missing key is an empty list; a sorted set
    /// leaves its compact form (Redis converts it to a skiplist).
    fn sort_source(&mut self, key: &[u8]) -> Result<Source, Error> {
        if self.announces_misses() && !self.db.contains(key, &self.now) {
            self.key_miss(key);
        }
        Ok(match self.db.value_mut(key, &self.now) {
            None => Source::Ordered(Vec::new()),
            Some(Value::List(list)) => Source::Ordered(list.iter().cloned().collect()),
            Some(Value::Set(set)) => Source::Set(set.members().into_iter().cloned().collect()),
            Some(Value::SortedSet(set)) => {
                set.leave_compact_form();
                Source::Ordered(set.iter().map(|(member, _)| member.clone()).collect())
            }
            Some(_) => return Err(Error::WrongType),
        })
    }

    /// Redis's `lookupKeyByPattern`: `#` is the element itself; otherwise the first `*`
    /// is replaced by the element and the key read as a string, or, with `->field` after
    /// the `*`, the hash field read. `None` when the pattern has no `*`, or the key is
    /// missing or of another type.
    pub(crate) fn lookup_by_pattern(&mut self, pattern: &[u8], element: &Bytes) -> Option<Bytes> {
        let text = c_string(pattern);
        if text == b"#" {
            return Some(element.clone());
        }
        let star = text.iter().position(|&b| b == b'*')?;
        let arrow = text[star + 1..]
            .windows(2)
            .position(|pair| pair == b"->")
            .map(|at| star + 1 + at)
            .filter(|&at| at + 2 < text.len());
        let mut key = Vec::with_capacity(pattern.len() + element.len());
        key.extend_from_slice(&pattern[..star]);
        key.extend_from_slice(element);
        let field = match arrow {
            Some(at) => {
                key.extend_from_slice(&pattern[star + 1..at]);
                Some(&pattern[at + 2..])
            }
            None => {
                key.extend_from_slice(&pattern[star + 1..]);
                None
            }
        };
        let Some(entry) = self.db.get(&key, &self.now) else {
            self.key_miss(&key);
            return None;
        };
        match (&entry.value, field) {
            (Value::Hash(hash), Some(field)) => hash.get(field).cloned(),
            (value, None) => value.to_bytes(),
            _ => None,
        }
    }
}
