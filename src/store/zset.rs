//! A Redis sorted set: members with scores, ordered by score, then by member bytes.
//!
//! Redis keeps a skiplist and a dict; here an ordered set of `(score, member)` pairs gives
//! the order and score-range seeks in O(log n), and a hash map gives a member's score in
//! O(1). A rank costs O(rank) (an ordered set keeps no subtree sizes): ranges near the ends
//! (ZRANGE 0 9, ZPOPMIN, a sliding window's ZREMRANGEBYSCORE) stay cheap.
//!
//! The order is fully specified by Redis, so it is the same here whatever the size. What
//! the size changes on redis-server is the encoding (a listpack up to 128 members of at
//! most 64 bytes), and with it only ZSCAN's paging: [`SortedSet::is_compact`] says which.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::ops::Bound;

use bytes::Bytes;

/// Redis's `zset-max-listpack-entries` default.
const COMPACT_MAX_MEMBERS: usize = 128;
/// Redis's `zset-max-listpack-value` default.
const COMPACT_MAX_LEN: usize = 64;

/// A score in the order: never NaN, compared numerically (so `-0` equals `0`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Score(pub(crate) f64);

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Score {}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Score) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Score) -> Ordering {
        self.0.partial_cmp(&other.0).unwrap_or(Ordering::Equal)
    }
}

/// One end of a score range: `min`/`max` with `(` for exclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ScoreBound {
    pub(crate) value: f64,
    pub(crate) exclusive: bool,
}

/// One end of a lexicographic range: `[x`, `(x`, `-`, `+`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LexBound {
    /// `-`: below every member.
    Min,
    /// `+`: above every member.
    Max,
    Inclusive(Bytes),
    Exclusive(Bytes),
}

impl LexBound {
    /// Whether `member` is at or above this bound taken as a range's start.
    fn admits_from(&self, member: &[u8]) -> bool {
        match self {
            LexBound::Min => true,
            LexBound::Max => false,
            LexBound::Inclusive(min) => member >= &min[..],
            LexBound::Exclusive(min) => member > &min[..],
        }
    }

    /// Whether `member` is at or below this bound taken as a range's end.
    fn admits_to(&self, member: &[u8]) -> bool {
        match self {
            LexBound::Min => false,
            LexBound::Max => true,
            LexBound::Inclusive(max) => member <= &max[..],
            LexBound::Exclusive(max) => member < &max[..],
        }
    }
}

/// The least double above `x` (a finite `x`; `f64::next_up` needs a newer Rust than the
/// crate's minimum).
fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let bits = x.to_bits();
    f64::from_bits(if x > 0.0 { bits + 1 } else { bits - 1 })
}

/// Members and their scores.
#[derive(Debug, Clone, Default)]
pub struct SortedSet {
    scores: HashMap<Bytes, f64, ahash::RandomState>,
    order: BTreeSet<(Score, Bytes)>,
    /// Past Redis's listpack limits once; never compact again (Redis never converts back).
    large: bool,
}

impl SortedSet {
    /// A set built whole from distinct members (ZUNIONSTORE's result): compact only if
    /// the whole result fits, as redis-server builds it large and then converts it once.
    pub fn from_members(members: Vec<(Bytes, f64)>) -> SortedSet {
        let mut set = SortedSet {
            large: members.len() > COMPACT_MAX_MEMBERS
                || members
                    .iter()
                    .any(|(member, _)| member.len() > COMPACT_MAX_LEN),
            ..SortedSet::default()
        };
        for (member, score) in members {
            set.insert(member, score);
        }
        set
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether there are no members (a stored sorted set never is).
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// Whether redis-server would still hold this set as a listpack.
    pub fn is_compact(&self) -> bool {
        !self.large
    }

    /// Leaves the compact form for good, as redis-server's SORT converts a listpack to a
    /// skiplist (a `-0` stored afterwards keeps its sign).
    pub(crate) fn leave_compact_form(&mut self) {
        self.large = true;
    }

    /// The member's score.
    pub fn score(&self, member: &[u8]) -> Option<f64> {
        self.scores.get(member).copied()
    }

    /// Sets the member's score (not NaN); returns the previous one. In the compact form a
    /// zero is stored without its sign, as redis-server's listpack shows a stored `-0`.
    pub fn insert(&mut self, member: Bytes, score: f64) -> Option<f64> {
        let is_new = !self.scores.contains_key(&member);
        // Redis converts before it inserts the member that does not fit.
        if member.len() > COMPACT_MAX_LEN || (is_new && self.scores.len() + 1 > COMPACT_MAX_MEMBERS)
        {
            self.large = true;
        }
        let score = if score == 0.0 && !self.large {
            0.0
        } else {
            score
        };
        let previous = self.scores.insert(member.clone(), score);
        if let Some(old) = previous {
            self.order.remove(&(Score(old), member.clone()));
        }
        self.order.insert((Score(score), member));
        previous
    }

    /// Removes the member; returns its score.
    pub fn remove(&mut self, member: &[u8]) -> Option<f64> {
        let (member, score) = self.scores.remove_entry(member)?;
        self.order.remove(&(Score(score), member));
        Some(score)
    }

    /// The member's 0-based position in ascending order.
    pub fn rank(&self, member: &[u8]) -> Option<usize> {
        let score = self.score(member)?;
        let key = (Score(score), Bytes::copy_from_slice(member));
        Some(self.order.range(..key).count())
    }

    /// Every member with its score, ascending.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Bytes, f64)> + ExactSizeIterator {
        self.order.iter().map(|(score, member)| (member, score.0))
    }

    /// The members whose scores are within `min` and `max`, ascending (`reverse`:
    /// descending).
    pub(crate) fn by_score(
        &self,
        min: ScoreBound,
        max: ScoreBound,
        reverse: bool,
    ) -> Box<dyn Iterator<Item = (&Bytes, f64)> + '_> {
        let empty = Bytes::new();
        let lower = if !min.exclusive {
            Bound::Included((Score(min.value), empty.clone()))
        } else if min.value == f64::INFINITY {
            return Box::new(std::iter::empty());
        } else {
            Bound::Included((Score(next_up(min.value)), empty.clone()))
        };
        let upper = if max.exclusive {
            Bound::Excluded((Score(max.value), empty))
        } else if max.value == f64::INFINITY {
            Bound::Unbounded
        } else {
            Bound::Excluded((Score(next_up(max.value)), empty))
        };
        // BTreeSet::range panics on a start past its end: such a range is empty.
        if let (Bound::Included(start), Bound::Excluded(end)) = (&lower, &upper) {
            if start >= end {
                return Box::new(std::iter::empty());
            }
        }
        let range = self
            .order
            .range((lower, upper))
            .map(|(score, member)| (member, score.0));
        if reverse {
            Box::new(range.rev())
        } else {
            Box::new(range)
        }
    }

    /// The members within a lexicographic range, as redis-server walks its listpack: from
    /// the first member at or above `min`, while members stay at or below `max` (reversed:
    /// from the last at or below `max`, while at or above `min`). Meant for members that
    /// share one score, where this is a contiguous range; Redis leaves other cases
    /// unspecified.
    pub(crate) fn by_lex<'a>(
        &'a self,
        min: &'a LexBound,
        max: &'a LexBound,
        reverse: bool,
    ) -> Box<dyn Iterator<Item = (&'a Bytes, f64)> + 'a> {
        if reverse {
            Box::new(
                self.iter()
                    .rev()
                    .skip_while(move |(member, _)| !max.admits_to(member))
                    .take_while(move |(member, _)| min.admits_from(member)),
            )
        } else {
            Box::new(
                self.iter()
                    .skip_while(move |(member, _)| !min.admits_from(member))
                    .take_while(move |(member, _)| max.admits_to(member)),
            )
        }
    }

    /// Removes and returns the lowest (or highest) member.
    pub fn pop(&mut self, highest: bool) -> Option<(Bytes, f64)> {
        let (score, member) = if highest {
            self.order.pop_last()?
        } else {
            self.order.pop_first()?
        };
        self.scores.remove(&member);
        Some((member, score.0))
    }
}

/// Two sorted sets are equal when they hold the same members with the same scores.
impl PartialEq for SortedSet {
    fn eq(&self, other: &SortedSet) -> bool {
        self.order == other.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(pairs: &[(&str, f64)]) -> SortedSet {
        let mut set = SortedSet::default();
        for (member, score) in pairs {
            set.insert(Bytes::copy_from_slice(member.as_bytes()), *score);
        }
        set
    }

    fn members<'a>(items: impl Iterator<Item = (&'a Bytes, f64)>) -> Vec<String> {
        items
            .map(|(member, _)| String::from_utf8_lossy(member).into_owned())
            .collect()
    }

    fn bound(value: f64, exclusive: bool) -> ScoreBound {
        ScoreBound { value, exclusive }
    }

    #[test]
    fn order_is_by_score_then_member_and_updates_move_members() {
        let mut set = set(&[("b", 1.0), ("a", 1.0), ("c", 0.5)]);
        assert_eq!(members(set.iter()), ["c", "a", "b"]);
        assert_eq!(set.insert(Bytes::from("c"), 2.0), Some(0.5));
        assert_eq!(members(set.iter()), ["a", "b", "c"]);
        assert_eq!(set.rank(b"c"), Some(2));
        assert_eq!(set.remove(b"a"), Some(1.0));
        assert_eq!(set.rank(b"b"), Some(0));
        assert_eq!(set.pop(true), Some((Bytes::from("c"), 2.0)));
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn score_ranges_honour_exclusive_ends_and_infinities() {
        let set = set(&[
            ("n", f64::NEG_INFINITY),
            ("a", 1.0),
            ("b", 2.0),
            ("c", 2.0),
            ("p", f64::INFINITY),
        ]);
        let all = |min, max| members(set.by_score(min, max, false));
        assert_eq!(all(bound(1.0, false), bound(2.0, false)), ["a", "b", "c"]);
        assert_eq!(all(bound(1.0, true), bound(2.0, false)), ["b", "c"]);
        assert_eq!(all(bound(1.0, false), bound(2.0, true)), ["a"]);
        assert_eq!(
            all(bound(f64::NEG_INFINITY, false), bound(f64::INFINITY, false)).len(),
            5
        );
        assert_eq!(
            all(bound(f64::NEG_INFINITY, true), bound(f64::INFINITY, true)),
            ["a", "b", "c"]
        );
        assert!(all(bound(f64::INFINITY, true), bound(f64::INFINITY, false)).is_empty());
        assert!(
            all(bound(3.0, false), bound(1.0, false)).is_empty(),
            "min above max"
        );
        assert!(all(bound(2.0, true), bound(2.0, false)).is_empty());
        assert_eq!(
            members(set.by_score(bound(1.0, false), bound(2.0, false), true)),
            ["c", "b", "a"]
        );
    }

    #[test]
    fn next_up_is_the_next_double() {
        assert_eq!(next_up(1.0), 1.0 + f64::EPSILON);
        assert_eq!(next_up(-0.0), f64::from_bits(1));
        assert_eq!(next_up(-f64::from_bits(1)), 0.0);
        assert_eq!(next_up(f64::MAX), f64::INFINITY);
        assert_eq!(next_up(f64::NEG_INFINITY), -f64::MAX);
    }

    #[test]
    fn lex_ranges_walk_as_the_listpack_does() {
        let set = set(&[("a", 0.0), ("b", 0.0), ("c", 0.0), ("d", 0.0)]);
        let inc = |m: &str| LexBound::Inclusive(Bytes::copy_from_slice(m.as_bytes()));
        let exc = |m: &str| LexBound::Exclusive(Bytes::copy_from_slice(m.as_bytes()));
        assert_eq!(
            members(set.by_lex(&inc("b"), &LexBound::Max, false)),
            ["b", "c", "d"]
        );
        assert_eq!(members(set.by_lex(&exc("a"), &exc("d"), false)), ["b", "c"]);
        assert_eq!(
            members(set.by_lex(&LexBound::Min, &inc("b"), true)),
            ["b", "a"]
        );
        assert!(members(set.by_lex(&LexBound::Max, &LexBound::Min, false)).is_empty());
    }

    #[test]
    fn negative_zero_is_stored_as_zero_and_size_leaves_the_compact_form() {
        let mut set = set(&[("z", -0.0)]);
        assert!(set.score(b"z").unwrap().is_sign_positive());
        assert!(set.is_compact());
        for n in 0..127 {
            set.insert(Bytes::from(n.to_string()), 1.0);
        }
        assert!(set.is_compact(), "128 members still fit");
        set.insert(Bytes::from("one more"), -0.0);
        assert!(!set.is_compact());
        assert!(
            set.score(b"one more").unwrap().is_sign_negative(),
            "the large form keeps the sign"
        );
        set.pop(false);
        assert!(!set.is_compact(), "never compact again");
        let mut long = SortedSet::default();
        long.insert(Bytes::from(vec![b'x'; 65]), 1.0);
        assert!(!long.is_compact());
    }
}
