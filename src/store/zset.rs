//! A Redis sorted set: members with scores, ordered by score, then by member bytes.
//!
//! Redis keeps a skiplist with spans and a dict; here an order-statistic structure of
//! `(score, member)` pairs ([`order`]: sorted chunks with a Fenwick tree over their
//! lengths) gives the order, score seeks, a member's rank and the member at a rank in
//! O(log n), and a hash map gives a member's score in O(1). A walk from any rank, either
//! way, costs O(1) a member: ZRANGE by index, ZRANK, ZREVRANK, ZRANDMEMBER and
//! ZREMRANGEBYRANK cost what they cost on redis-server.
//!
//! The order is fully specified by Redis, so it is the same here whatever the size. What
//! the size changes on redis-server is the encoding (a listpack up to 128 members of at
//! most 64 bytes), and with it only ZSCAN's paging: [`SortedSet::is_compact`] says which.

mod order;

use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

use bytes::Bytes;

pub use order::Iter;
use order::Order;

use super::scan_order::ScanSnapshot;

/// Redis's `zset-max-listpack-entries` default.
pub(crate) const COMPACT_MAX_MEMBERS: usize = 128;
/// Redis's `zset-max-listpack-value` default.
pub(crate) const COMPACT_MAX_LEN: usize = 64;

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

/// Members and their scores.
#[derive(Debug, Clone, Default)]
pub struct SortedSet {
    scores: HashMap<Bytes, f64, ahash::RandomState>,
    order: Order,
    /// Past Redis's listpack limits once; never compact again (Redis never converts back).
    large: bool,
    /// ZSCAN's snapshot of the scan order between pages.
    scan: ScanSnapshot,
}

/// A score as a small set's listpack holds it: the text `d2string` makes of it, which
/// writes a whole number within ±2^62 as an integer (`100000000000000000`, where `%.17g`
/// gives `1e+17`), anything else as `%.17g`.
pub(crate) fn compact_score_text(score: f64) -> String {
    const LIMIT: f64 = 4_611_686_018_427_387_904.0; // 2^62
    if score.fract() == 0.0 && (-LIMIT..=LIMIT).contains(&score) {
        (score as i64).to_string()
    } else {
        crate::reply::format_double(score)
    }
}

impl SortedSet {
    /// A set built whole from distinct members (ZUNIONSTORE's result): compact only if
    /// the whole result fits, as redis-server builds it large and then converts it once.
    pub fn from_members(members: Vec<(Bytes, f64)>) -> SortedSet {
        let large = members.len() > COMPACT_MAX_MEMBERS
            || members
                .iter()
                .any(|(member, _)| member.len() > COMPACT_MAX_LEN);
        // As `insert` stores them (a repeated member: its last score).
        let scores: HashMap<Bytes, f64, ahash::RandomState> = members
            .into_iter()
            .map(|(member, score)| {
                let score = if score == 0.0 && !large { 0.0 } else { score };
                (member, score)
            })
            .collect();
        let mut entries: Vec<(Score, Bytes)> = scores
            .iter()
            .map(|(member, score)| (Score(*score), member.clone()))
            .collect();
        entries.sort_unstable();
        SortedSet {
            scores,
            order: Order::from_sorted(entries),
            large,
            scan: ScanSnapshot::default(),
        }
    }

    /// One ZSCAN page of a large sorted set: members from `cursor` in scan order, and the
    /// next cursor (see `store/scan_order.rs`).
    pub(crate) fn scan_page(&mut self, cursor: u64, count: usize) -> (u64, Vec<Bytes>) {
        let scores = &self.scores;
        self.scan
            .page(|| scores.keys(), |m| scores.contains_key(m), cursor, count)
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
        match previous {
            // The same place in the order (`-0` and `0` compare equal): only the stored
            // score changes.
            Some(old) if Score(old) == Score(score) => {
                self.order.set_score(Score(old), &member, Score(score));
            }
            Some(old) => {
                // The order's own copy goes back (it shares its bytes with the map's key).
                let kept = self.order.remove(Score(old), &member);
                debug_assert!(kept.is_some(), "a scored member is in the order");
                self.order.insert(Score(score), kept.unwrap_or(member));
            }
            None => self.order.insert(Score(score), member),
        }
        previous
    }

    /// Removes the member; returns its score.
    pub fn remove(&mut self, member: &[u8]) -> Option<f64> {
        let score = self.scores.remove(member)?;
        self.order.remove(Score(score), member);
        Some(score)
    }

    /// The member's 0-based position in ascending order: O(log n).
    pub fn rank(&self, member: &[u8]) -> Option<usize> {
        let score = self.score(member)?;
        self.order.rank(Score(score), member)
    }

    /// The member at 0-based position `rank` in ascending order, with its score: O(log n).
    pub fn get(&self, rank: usize) -> Option<(&Bytes, f64)> {
        self.order.get(rank)
    }

    /// Every member with its score, ascending.
    pub fn iter(&self) -> Iter<'_> {
        self.order.iter()
    }

    /// The members at ascending positions `ranks` (clamped to the set), ascending: O(log n)
    /// to start, O(1) a member. Reversed (`.rev()`), from `ranks.end - 1` down.
    pub fn by_rank(&self, ranks: Range<usize>) -> Iter<'_> {
        self.order.range(ranks)
    }

    /// The members at descending positions `ranks` (0 is the highest member, as ZREVRANGE
    /// counts), highest first.
    pub fn by_rev_rank(&self, ranks: Range<usize>) -> std::iter::Rev<Iter<'_>> {
        let len = self.len();
        let end = ranks.end.min(len);
        let start = ranks.start.min(end);
        self.order.range(len - end..len - start).rev()
    }

    /// The ascending positions of the members whose scores are within `min` and `max`
    /// (empty if there are none): O(log n).
    pub(crate) fn score_ranks(&self, min: ScoreBound, max: ScoreBound) -> Range<usize> {
        let start = self.order.partition_point(|score, _| {
            if min.exclusive {
                score.0 <= min.value
            } else {
                score.0 < min.value
            }
        });
        let end = self.order.partition_point(|score, _| {
            if max.exclusive {
                score.0 < max.value
            } else {
                score.0 <= max.value
            }
        });
        start..end.max(start)
    }

    /// The members whose scores are within `min` and `max`, ascending (`reverse`:
    /// descending).
    pub(crate) fn by_score(
        &self,
        min: ScoreBound,
        max: ScoreBound,
        reverse: bool,
    ) -> Box<dyn Iterator<Item = (&Bytes, f64)> + '_> {
        let range = self.by_rank(self.score_ranks(min, max));
        if reverse {
            Box::new(range.rev())
        } else {
            Box::new(range)
        }
    }

    /// The members within a lexicographic range, as redis-server walks its listpack: from
    /// the first member at or above `min`, while members stay at or below `max` (reversed:
    /// from the last at or below `max`, while at or above `min`). Meant for members that
    /// share one score, where this is a contiguous range, found in O(log n); Redis leaves
    /// other cases unspecified, and those are walked from the end as the listpack is.
    pub(crate) fn by_lex<'a>(
        &'a self,
        min: &'a LexBound,
        max: &'a LexBound,
        reverse: bool,
    ) -> Box<dyn Iterator<Item = (&'a Bytes, f64)> + 'a> {
        let one_score = self
            .order
            .score_span()
            .is_none_or(|(lowest, highest)| lowest == highest);
        if one_score {
            // Members ascend, so each bound holds for a prefix or a suffix: the walk's
            // range is between the two partition points.
            let start = self
                .order
                .partition_point(|_, member| !min.admits_from(member));
            let end = self
                .order
                .partition_point(|_, member| max.admits_to(member));
            let range = self.by_rank(start..end.max(start));
            return if reverse {
                Box::new(range.rev())
            } else {
                Box::new(range)
            };
        }
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
        let (score, member) = self.order.pop(highest)?;
        self.scores.remove(&member);
        Some((member, score.0))
    }

    /// Removes the members at ascending positions `ranks` (clamped to the set); returns
    /// them with their scores, ascending: O(log n) plus O(1) a member removed (and the
    /// chunk list shifted once, unless the range is inside one chunk).
    pub(crate) fn remove_by_rank(&mut self, ranks: Range<usize>) -> Vec<(Bytes, f64)> {
        self.order
            .drain(ranks)
            .into_iter()
            .map(|(score, member)| {
                self.scores.remove(&member);
                (member, score.0)
            })
            .collect()
    }
}

/// Two sorted sets are equal when they hold the same members with the same scores.
impl PartialEq for SortedSet {
    fn eq(&self, other: &SortedSet) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|((a, a_score), (b, b_score))| a == b && Score(a_score) == Score(b_score))
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

    #[test]
    fn ranks_and_positions_agree_across_chunks() {
        // Unit tests cut chunks at a few entries: this crosses many splits.
        let mut set = SortedSet::default();
        for n in (0..500u32).rev() {
            set.insert(Bytes::from(format!("m{n:03}")), f64::from(n / 2));
        }
        set.order.check();
        for rank in 0..500 {
            let (member, score) = set.get(rank).unwrap();
            assert_eq!(&member[..], format!("m{rank:03}").as_bytes());
            assert_eq!(score, (rank / 2) as f64);
            assert_eq!(set.rank(member), Some(rank));
        }
        assert_eq!(set.get(500), None);
        assert_eq!(set.rank(b"nope"), None);
        assert_eq!(members(set.by_rank(250..253)), ["m250", "m251", "m252"]);
        assert_eq!(members(set.by_rev_rank(0..2)), ["m499", "m498"]);
        assert_eq!(members(set.by_rev_rank(498..600)), ["m001", "m000"]);
        assert_eq!(members(set.by_rank(499..600)), ["m499"]);
        assert!(set.by_rank(600..700).next().is_none());
        assert_eq!(set.iter().len(), 500);
        let removed = set.remove_by_rank(100..400);
        assert_eq!(removed.len(), 300);
        assert_eq!(&removed[0].0[..], b"m100");
        assert_eq!(set.len(), 200);
        set.order.check();
        assert_eq!(members(set.by_rank(99..101)), ["m099", "m400"]);
        assert_eq!(set.rank(b"m400"), Some(100));
    }

    #[test]
    fn from_members_builds_what_inserts_build() {
        for size in [0, 1, 3, 4, 7, 8, 9, 100, 129, 1000] {
            let members: Vec<(Bytes, f64)> = (0..size)
                .map(|n| (Bytes::from(format!("m{n}")), f64::from((n * 7919) % 13)))
                .collect();
            let built = SortedSet::from_members(members.clone());
            built.order.check();
            let mut inserted = SortedSet::default();
            for (member, score) in members {
                inserted.insert(member, score);
            }
            assert!(built == inserted, "{size} members");
            assert_eq!(built.is_compact(), inserted.is_compact());
        }
        let repeated = SortedSet::from_members(vec![
            (Bytes::from("a"), 1.0),
            (Bytes::from("b"), 2.0),
            (Bytes::from("a"), 3.0),
        ]);
        repeated.order.check();
        assert_eq!(members(repeated.iter()), ["b", "a"]);
        assert_eq!(repeated.score(b"a"), Some(3.0));
        let zero = SortedSet::from_members(vec![(Bytes::from("z"), -0.0)]);
        assert!(zero.score(b"z").unwrap().is_sign_positive());
    }

    /// SplitMix64 from a seed: the model test's reproducible randomness.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        fn below(&mut self, bound: usize) -> usize {
            (self.next() % bound as u64) as usize
        }
    }

    /// The reference: a sorted `Vec` of (score, member), with Redis's compact rules.
    #[derive(Default)]
    struct Model {
        entries: Vec<(f64, Vec<u8>)>,
        large: bool,
    }

    impl Model {
        fn key(entry: &(f64, Vec<u8>)) -> (Score, &[u8]) {
            (Score(entry.0), &entry.1[..])
        }

        fn find(&self, member: &[u8]) -> Option<usize> {
            self.entries.iter().position(|(_, m)| m == member)
        }

        fn insert(&mut self, member: &[u8], score: f64) -> Option<f64> {
            let found = self.find(member);
            if member.len() > COMPACT_MAX_LEN
                || (found.is_none() && self.entries.len() + 1 > COMPACT_MAX_MEMBERS)
            {
                self.large = true;
            }
            let score = if score == 0.0 && !self.large {
                0.0
            } else {
                score
            };
            let previous = found.map(|at| self.entries.remove(at).0);
            let entry = (score, member.to_vec());
            let at = self
                .entries
                .partition_point(|other| Model::key(other) < Model::key(&entry));
            self.entries.insert(at, entry);
            previous
        }

        fn remove(&mut self, member: &[u8]) -> Option<f64> {
            let at = self.find(member)?;
            Some(self.entries.remove(at).0)
        }

        fn in_score_range(&self, score: f64, min: ScoreBound, max: ScoreBound) -> bool {
            let above = if min.exclusive {
                score > min.value
            } else {
                score >= min.value
            };
            let below = if max.exclusive {
                score < max.value
            } else {
                score <= max.value
            };
            above && below
        }
    }

    type Pairs = Vec<(Vec<u8>, u64)>;

    /// Members and score bits, to compare with the model (a `-0` is not a `0`).
    fn pairs<'a>(items: impl Iterator<Item = (&'a Bytes, f64)>) -> Pairs {
        items
            .map(|(member, score)| (member.to_vec(), score.to_bits()))
            .collect()
    }

    fn model_pairs<'a>(items: impl Iterator<Item = &'a (f64, Vec<u8>)>) -> Pairs {
        items
            .map(|(score, member)| (member.clone(), score.to_bits()))
            .collect()
    }

    fn random_bound(rng: &mut Rng, scores: &[f64]) -> ScoreBound {
        let value = match rng.below(8) {
            0 => f64::NEG_INFINITY,
            1 => f64::INFINITY,
            2 => scores[rng.below(scores.len())] + 0.5,
            _ => scores[rng.below(scores.len())],
        };
        ScoreBound {
            value,
            exclusive: rng.below(2) == 0,
        }
    }

    fn random_lex(rng: &mut Rng, member: impl Fn(&mut Rng) -> Vec<u8>) -> LexBound {
        match rng.below(6) {
            0 => LexBound::Min,
            1 => LexBound::Max,
            2 | 3 => LexBound::Inclusive(Bytes::from(member(rng))),
            _ => LexBound::Exclusive(Bytes::from(member(rng))),
        }
    }

    /// A random walk over one iterator and its model, mixing both ends and skips.
    fn walk_both(rng: &mut Rng, mut ours: Iter<'_>, theirs: &[(f64, Vec<u8>)]) {
        let mut theirs = theirs.iter();
        loop {
            assert_eq!(ours.len(), theirs.len());
            let (a, b) = match rng.below(4) {
                0 => (ours.next(), theirs.next()),
                1 => (ours.next_back(), theirs.next_back()),
                2 => {
                    let n = rng.below(12);
                    (ours.nth(n), theirs.nth(n))
                }
                _ => {
                    let n = rng.below(12);
                    (ours.nth_back(n), theirs.nth_back(n))
                }
            };
            assert_eq!(
                a.map(|(member, score)| (member.to_vec(), score.to_bits())),
                b.map(|(score, member)| (member.clone(), score.to_bits()))
            );
            if theirs.len() == 0 && rng.below(4) == 0 {
                assert_eq!(ours.next(), None);
                assert_eq!(ours.next_back(), None);
                return;
            }
        }
    }

    /// Random operations on a set and on the model, every answer compared. Scores come
    /// from a small pool (ties, `-0`, infinities) or, for some seeds, one score only (the
    /// lex ranges' fast path); members from a pool whose size makes the set grow and
    /// shrink past many chunk splits and merges.
    fn model_run(seed: u64, operations: usize, pool: usize, scores: &[f64]) {
        let mut rng = Rng(seed);
        let mut set = SortedSet::default();
        let mut model = Model::default();
        let member = move |rng: &mut Rng| -> Vec<u8> {
            let n = rng.below(pool);
            if n % 97 == 96 {
                // A long one: past the compact form's member length.
                format!("{n:0>70}").into_bytes()
            } else {
                format!("m{n}").into_bytes()
            }
        };
        // Phases: grow, churn, shrink, so sizes sweep up and down.
        for step in 0..operations {
            let phase = (step * 3 / operations.max(1)) as u64;
            let insert_weight = [6, 4, 2][phase as usize];
            let op = rng.below(12);
            let len = model.entries.len();
            if op < insert_weight {
                let m = member(&mut rng);
                let score = scores[rng.below(scores.len())];
                let ours = set.insert(Bytes::from(m.clone()), score);
                let theirs = model.insert(&m, score);
                assert_eq!(ours.map(f64::to_bits), theirs.map(f64::to_bits), "insert");
            } else if op < 8 {
                let m = member(&mut rng);
                assert_eq!(
                    set.remove(&m).map(f64::to_bits),
                    model.remove(&m).map(f64::to_bits),
                    "remove"
                );
            } else if op == 8 {
                let highest = rng.below(2) == 0;
                let theirs = if highest {
                    model.entries.pop()
                } else if len > 0 {
                    Some(model.entries.remove(0))
                } else {
                    None
                };
                let ours = set.pop(highest);
                assert_eq!(
                    ours.map(|(m, s)| (m.to_vec(), s.to_bits())),
                    theirs.map(|(s, m)| (m, s.to_bits())),
                    "pop"
                );
            } else if op == 9 && rng.below(3) == 0 {
                // Mostly a few members (inside one chunk or across two), at times many.
                let start = rng.below(len + 2);
                let end = start
                    + if rng.below(8) == 0 {
                        rng.below(len / 3 + 2)
                    } else {
                        rng.below(6)
                    };
                let ours = set.remove_by_rank(start..end);
                let end = end.min(len);
                let start = start.min(end);
                let theirs: Vec<(f64, Vec<u8>)> = model.entries.drain(start..end).collect();
                assert_eq!(
                    pairs(ours.iter().map(|(m, s)| (m, *s))),
                    model_pairs(theirs.iter()),
                    "remove_by_rank"
                );
                set.order.check();
            } else if op == 10 {
                // Ranks, positions and walks from them.
                let m = member(&mut rng);
                let rank = model.find(&m);
                assert_eq!(set.rank(&m), rank, "rank");
                let at = rng.below(len + 2);
                assert_eq!(
                    set.get(at).map(|(m, s)| (m.to_vec(), s.to_bits())),
                    model.entries.get(at).map(|(s, m)| (m.clone(), s.to_bits())),
                    "get"
                );
                let start = rng.below(len + 2);
                let end = start + rng.below(20);
                let clamped = end.min(len);
                let from = start.min(clamped);
                assert_eq!(
                    pairs(set.by_rank(start..end)),
                    model_pairs(model.entries[from..clamped].iter()),
                    "by_rank"
                );
                assert_eq!(
                    pairs(set.by_rev_rank(start..end)),
                    model_pairs(model.entries.iter().rev().skip(start).take(end - start)),
                    "by_rev_rank"
                );
                walk_both(
                    &mut rng,
                    set.by_rank(start..end),
                    &model.entries[from..clamped],
                );
                walk_both(&mut rng, set.iter(), &model.entries);
            } else {
                // Score and lex ranges, both ways, with LIMIT-style skips.
                let (min, max) = (
                    random_bound(&mut rng, scores),
                    random_bound(&mut rng, scores),
                );
                let theirs: Vec<&(f64, Vec<u8>)> = model
                    .entries
                    .iter()
                    .filter(|(score, _)| model.in_score_range(*score, min, max))
                    .collect();
                assert_eq!(set.score_ranks(min, max).len(), theirs.len(), "score count");
                let skip = rng.below(5);
                assert_eq!(
                    pairs(set.by_score(min, max, false).skip(skip)),
                    model_pairs(theirs.iter().copied().skip(skip)),
                    "by_score {min:?} {max:?}"
                );
                assert_eq!(
                    pairs(set.by_score(min, max, true).skip(skip)),
                    model_pairs(theirs.iter().rev().copied().skip(skip)),
                    "by_score reversed {min:?} {max:?}"
                );
                let (min, max) = (random_lex(&mut rng, member), random_lex(&mut rng, member));
                let forward = model
                    .entries
                    .iter()
                    .skip_while(|(_, m)| !min.admits_from(m))
                    .take_while(|(_, m)| max.admits_to(m));
                assert_eq!(
                    pairs(set.by_lex(&min, &max, false)),
                    model_pairs(forward),
                    "by_lex {min:?} {max:?}"
                );
                let backward = model
                    .entries
                    .iter()
                    .rev()
                    .skip_while(|(_, m)| !max.admits_to(m))
                    .take_while(|(_, m)| min.admits_from(m));
                assert_eq!(
                    pairs(set.by_lex(&min, &max, true)),
                    model_pairs(backward),
                    "by_lex reversed {min:?} {max:?}"
                );
            }
            assert_eq!(set.len(), model.entries.len());
            assert_eq!(set.is_compact(), !model.large, "compact");
            if step % 64 == 0 || set.len() < 16 {
                set.order.check();
                assert_eq!(pairs(set.iter()), model_pairs(model.entries.iter()));
                assert_eq!(
                    pairs(set.iter().rev()),
                    model_pairs(model.entries.iter().rev())
                );
                for (score, member) in &model.entries {
                    assert_eq!(set.score(member).map(f64::to_bits), Some(score.to_bits()));
                }
            }
        }
        set.order.check();
        assert_eq!(pairs(set.iter()), model_pairs(model.entries.iter()));
        let clone = set.clone();
        assert!(clone == set);
    }

    #[test]
    fn random_operations_match_a_sorted_vec() {
        let ties = [
            -0.0,
            0.0,
            1.0,
            1.5,
            -2.0,
            3.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let spread: Vec<f64> = (0..200).map(|n| f64::from(n) * 0.25 - 10.0).collect();
        for seed in 0..6 {
            model_run(seed, 6_000, 400, &ties);
            model_run(100 + seed, 6_000, 1_500, &spread);
            model_run(200 + seed, 3_000, 300, &[2.0]);
        }
        // Enough members for a tree a dozen levels deep at test chunk sizes.
        model_run(999, 40_000, 20_000, &spread);
    }
}
