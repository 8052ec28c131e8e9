//! A sorted set's order: `(score, member)` entries, sorted, with ranks in O(log n).
//!
//! # Layout: a chunked sorted vector
//! The entries are cut into sorted chunks of between `LOAD / 2` and `2 × LOAD - 1` entries
//! (fewer only when the whole order is one chunk), as in Python's `sortedcontainers`. A
//! chunk keeps its scores and its members in two `Vec`s, so a binary search reads 8-byte
//! scores and touches a member only on a tie. Beside the chunks:
//! - each chunk's last score and member, in two contiguous `Vec`s: a binary search over them
//!   finds the chunk of a key without touching the chunks;
//! - a Fenwick tree over the chunks' lengths: the rank where a chunk starts, and the chunk
//!   that holds a rank, in O(log C) for C chunks.
//!
//! What each operation costs, for n entries in C ≈ n / LOAD chunks:
//! - seek a key or a score (ZRANK, ZRANGEBYSCORE's start): two binary searches, O(log n);
//! - select a rank (ZRANGE by index, ZRANDMEMBER): a descent of the tree, O(log C);
//! - insert or remove: a seek, a shift of under `2 × LOAD` entries in one chunk, an
//!   O(log C) update of the tree;
//! - a chunk split or merge, once in about LOAD inserts or removes: the chunk list shifted,
//!   O(C), and the tree dropped, to be built again (O(C)) by the next read of a rank;
//! - walk: O(1) an entry, either way, from anywhere.
//!
//! Why not redis-server's skiplist with spans, or a counted B-tree: both are nodes linked by
//! pointers (`unsafe` here, or an arena of indices and rebalancing code), and a walk from a
//! rank needs a stack or parent links. Two levels of `Vec`s need none of it, and walk with
//! two indices. The price is the O(C) split or merge and the shift inside a chunk.
//!
//! `LOAD`, measured on 1,000,000 members (an order alone, ns per operation, best of 5; a
//! `BTreeSet<(Score, Bytes)>`, the previous order, in brackets):
//!
//! | LOAD | random insert | random move (remove + insert) | insert at one spot | rank | select |
//! | ---: | ---: | ---: | ---: | ---: | ---: |
//! | 64 | 770 (540) | 1,210 (1,520) | 240 (130) | 700 | 70 |
//! | 128 | 810 (570) | 1,560 (1,630) | 160 (140) | 770 | 80 |
//! | 256 | 1,200 (560) | 2,160 (1,540) | 170 (140) | 590 | 50 |
//!
//! A random insert or move misses the cache a few times whatever the layout (the
//! `BTreeSet` too); a chunk adds its shift. 128 keeps every write within 1.5× of the
//! `BTreeSet` and loses nothing on inserts at one place (new members at the same score, a
//! timestamp). A rank costs what a key lookup costs; the `BTreeSet` counted up to the rank
//! (about 10 ms for the middle of a million).

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::OnceLock;

use bytes::Bytes;

use super::Score;

/// The chunk length the order aims at: a chunk splits in halves when it reaches
/// `2 × LOAD` entries and is merged into a neighbour below `LOAD / 2`. See the module
/// documentation for the measurements behind it.
#[cfg(not(test))]
const LOAD: usize = 128;
/// Small in unit tests, so a few hundred entries cross many splits and merges.
#[cfg(test)]
const LOAD: usize = 4;

/// A place in the order: a chunk and an offset in it. The end is `(chunks, 0)`.
type Position = (usize, usize);

/// Whether `(score, member)` sorts before the key `(key_score, key)`. The member is read
/// only when the scores tie.
pub(super) fn before_key(score: Score, member: &Bytes, key_score: Score, key: &[u8]) -> bool {
    match score.cmp(&key_score) {
        Ordering::Less => true,
        Ordering::Greater => false,
        Ordering::Equal => member[..] < *key,
    }
}

/// The first index of parallel `scores` and `members` for which `before` is false (it must
/// hold for a prefix): a binary search that reads a member only if `before` does.
fn partition(
    scores: &[Score],
    members: &[Bytes],
    before: &impl Fn(Score, &Bytes) -> bool,
) -> usize {
    let (mut low, mut high) = (0, scores.len());
    while low < high {
        let middle = low + (high - low) / 2;
        if before(scores[middle], &members[middle]) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

/// A run of entries, scores and members apart: a binary search reads 8-byte scores, eight
/// to a cache line, and touches a member only on a tie.
#[derive(Debug, Clone, Default)]
struct Chunk {
    scores: Vec<Score>,
    members: Vec<Bytes>,
}

impl Chunk {
    fn len(&self) -> usize {
        self.scores.len()
    }

    fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    fn partition(&self, before: &impl Fn(Score, &Bytes) -> bool) -> usize {
        partition(&self.scores, &self.members, before)
    }

    fn insert(&mut self, at: usize, score: Score, member: Bytes) {
        self.scores.insert(at, score);
        self.members.insert(at, member);
    }

    fn remove(&mut self, at: usize) -> (Score, Bytes) {
        (self.scores.remove(at), self.members.remove(at))
    }

    fn drain(&mut self, range: Range<usize>) -> impl Iterator<Item = (Score, Bytes)> + '_ {
        self.scores
            .drain(range.clone())
            .zip(self.members.drain(range))
    }

    /// The entries from `at` on, moved into a chunk with room to grow to a split.
    fn split_off(&mut self, at: usize) -> Chunk {
        let mut tail = Chunk {
            scores: Vec::with_capacity(2 * LOAD),
            members: Vec::with_capacity(2 * LOAD),
        };
        tail.scores.extend(self.scores.drain(at..));
        tail.members.extend(self.members.drain(at..));
        tail
    }

    fn append(&mut self, mut other: Chunk) {
        self.scores.append(&mut other.scores);
        self.members.append(&mut other.members);
    }

    fn shrink_to_fit(&mut self) {
        self.scores.shrink_to_fit();
        self.members.shrink_to_fit();
    }

    /// The last score and member (the chunk is not empty).
    fn last(&self) -> (Score, &Bytes) {
        let at = self.len() - 1;
        (self.scores[at], &self.members[at])
    }
}

/// The entries in order, with ranks (see the module documentation).
#[derive(Debug, Clone, Default)]
pub(super) struct Order {
    /// None empty; concatenated, they are the order.
    chunks: Vec<Chunk>,
    /// The last score and member of each chunk (a copy), for the binary search that finds
    /// a key's chunk.
    last_scores: Vec<Score>,
    last_members: Vec<Bytes>,
    /// A Fenwick tree over the chunks' lengths: node `k` (1-based, stored at `k - 1`) holds
    /// the total length of chunks `k - lowbit(k) .. k`. Dropped when chunks split, merge or
    /// go, and built again by the next read that needs a rank: a run of writes (loading a
    /// set) pays for one build, not one a split.
    tree: OnceLock<Vec<usize>>,
    len: usize,
}

impl Order {
    /// An order of entries already sorted (and distinct), in chunks of about `LOAD`.
    pub(super) fn from_sorted(entries: Vec<(Score, Bytes)>) -> Order {
        let len = entries.len();
        let count = len.div_ceil(LOAD);
        let mut order = Order {
            chunks: Vec::with_capacity(count),
            len,
            ..Order::default()
        };
        let mut entries = entries.into_iter();
        for index in 0..count {
            // Even lengths: the first `len % count` chunks one longer.
            let size = len / count + usize::from(index < len % count);
            let (scores, members) = entries.by_ref().take(size).unzip();
            order.chunks.push(Chunk { scores, members });
        }
        order.refresh_lasts();
        order
    }

    /// Every entry, ascending.
    pub(super) fn iter(&self) -> Iter<'_> {
        Iter {
            order: self,
            front: (0, 0),
            back: (self.chunks.len(), 0),
            front_rank: 0,
            len: self.len,
        }
    }

    /// The entries at ranks `ranks` (clamped to the order), ascending.
    pub(super) fn range(&self, ranks: Range<usize>) -> Iter<'_> {
        let end = ranks.end.min(self.len);
        let start = ranks.start.min(end);
        Iter {
            order: self,
            front: self.locate(start),
            back: self.locate(end),
            front_rank: start,
            len: end - start,
        }
    }

    /// The member and score at `rank`.
    pub(super) fn get(&self, rank: usize) -> Option<(&Bytes, f64)> {
        if rank >= self.len {
            return None;
        }
        let (chunk, offset) = self.locate(rank);
        let chunk = &self.chunks[chunk];
        Some((&chunk.members[offset], chunk.scores[offset].0))
    }

    /// The lowest and the highest score.
    pub(super) fn score_span(&self) -> Option<(Score, Score)> {
        Some((self.chunks.first()?.scores[0], *self.last_scores.last()?))
    }

    /// The rank of the first entry for which `before` is false, where `before` holds for a
    /// prefix of the order (every entry below some key or score): O(log n).
    pub(super) fn partition_point(&self, before: impl Fn(Score, &Bytes) -> bool) -> usize {
        let (chunk, offset) = self.seek(&before);
        self.rank_of(chunk) + offset
    }

    /// The rank of the key `(score, member)`, if it is in the order.
    pub(super) fn rank(&self, score: Score, member: &[u8]) -> Option<usize> {
        let (chunk, offset) = self.find(score, member)?;
        Some(self.rank_of(chunk) + offset)
    }

    /// Changes the score of the key `(score, member)` in place to `new`, which must compare
    /// equal to `score` (`-0` and `0`), so the order holds.
    pub(super) fn set_score(&mut self, score: Score, member: &[u8], new: Score) {
        debug_assert!(score == new);
        if let Some((chunk, offset)) = self.find(score, member) {
            self.chunks[chunk].scores[offset] = new;
            if offset + 1 == self.chunks[chunk].len() {
                self.last_scores[chunk] = new;
            }
        }
    }

    /// Adds an entry whose key is not in the order yet.
    pub(super) fn insert(&mut self, score: Score, member: Bytes) {
        if self.chunks.is_empty() {
            self.last_scores.push(score);
            self.last_members.push(member.clone());
            self.chunks.push(Chunk {
                scores: vec![score],
                members: vec![member],
            });
            self.tree = OnceLock::new();
            self.len = 1;
            return;
        }
        let (mut chunk, mut offset) = self
            .seek(&|other, other_member: &Bytes| before_key(other, other_member, score, &member));
        if chunk == self.chunks.len() {
            // Past every entry: the new last of the last chunk.
            chunk -= 1;
            offset = self.chunks[chunk].len();
            self.last_scores[chunk] = score;
            self.last_members[chunk] = member.clone();
        }
        self.chunks[chunk].insert(offset, score, member);
        self.len += 1;
        if self.chunks[chunk].len() >= 2 * LOAD {
            self.split(chunk);
            self.drop_tree();
        } else {
            self.tree_add(chunk, 1);
        }
    }

    /// Removes the entry with the key `(score, member)`; returns its member.
    pub(super) fn remove(&mut self, score: Score, member: &[u8]) -> Option<Bytes> {
        let (chunk, offset) = self.find(score, member)?;
        Some(self.remove_at(chunk, offset).1)
    }

    /// Removes and returns the first (or last) entry.
    pub(super) fn pop(&mut self, last: bool) -> Option<(Score, Bytes)> {
        let chunk = if last {
            self.chunks.len().checked_sub(1)?
        } else if self.chunks.is_empty() {
            return None;
        } else {
            0
        };
        let offset = if last {
            self.chunks[chunk].len() - 1
        } else {
            0
        };
        Some(self.remove_at(chunk, offset))
    }

    /// Removes the entries at ranks `ranks` (clamped to the order); returns them, ascending.
    /// O(log n + removed), plus O(C) if chunks merge or go.
    pub(super) fn drain(&mut self, ranks: Range<usize>) -> Vec<(Score, Bytes)> {
        let end = ranks.end.min(self.len);
        let start = ranks.start.min(end);
        if start == end {
            return Vec::new();
        }
        let (first, from) = self.locate(start);
        let (last, to) = self.locate(end);
        let mut removed = Vec::with_capacity(end - start);
        self.len -= end - start;
        if first == last {
            // Inside one chunk, its last entry kept (a range to a chunk's end ends at the
            // next chunk's start).
            removed.extend(self.chunks[first].drain(from..to));
            let left = self.chunks[first].len();
            if left >= LOAD / 2 || self.chunks.len() == 1 {
                self.tree_sub(first, end - start);
                return removed;
            }
            self.restore(first);
        } else {
            // The tail of `first`, every chunk in between, and the head of `last` unless
            // `last` is the end (`to == 0`: nothing of it goes).
            let first_len = self.chunks[first].len();
            removed.extend(self.chunks[first].drain(from..first_len));
            for mut chunk in self.chunks.drain(first + 1..last) {
                let len = chunk.len();
                removed.extend(chunk.drain(0..len));
            }
            self.last_scores.drain(first + 1..last);
            self.last_members.drain(first + 1..last);
            let next = first + 1;
            if to > 0 {
                removed.extend(self.chunks[next].drain(0..to));
                self.restore(next);
            }
            // `restore(next)` changes only chunks from `first` on, and keeps `first`.
            self.restore(first);
        }
        self.drop_tree();
        removed
    }

    /// The position of the first entry for which `before` is false (see
    /// [`Order::partition_point`]).
    fn seek(&self, before: &impl Fn(Score, &Bytes) -> bool) -> Position {
        let chunk = partition(&self.last_scores, &self.last_members, before);
        match self.chunks.get(chunk) {
            Some(entries) => (chunk, entries.partition(before)),
            None => (chunk, 0),
        }
    }

    /// Where the key `(score, member)` is, if it is in the order.
    fn find(&self, score: Score, member: &[u8]) -> Option<Position> {
        let (chunk, offset) = self
            .seek(&|other, other_member: &Bytes| before_key(other, other_member, score, member));
        let found = self.chunks.get(chunk)?;
        (offset < found.len() && found.scores[offset] == score && found.members[offset] == member)
            .then_some((chunk, offset))
    }

    /// Removes the entry at `(chunk, offset)`.
    fn remove_at(&mut self, chunk: usize, offset: usize) -> (Score, Bytes) {
        let entry = self.chunks[chunk].remove(offset);
        self.len -= 1;
        let left = self.chunks[chunk].len();
        if left > 0 && (left >= LOAD / 2 || self.chunks.len() == 1) {
            if offset == left {
                self.refresh_last(chunk);
            }
            self.tree_sub(chunk, 1);
        } else {
            self.restore(chunk);
            self.drop_tree();
        }
        entry
    }

    /// Brings `chunk`, whose length changed, back within bounds: an empty one goes, a short
    /// one is merged into a neighbour, a long one is split; its last entry is copied again.
    /// The tree is left for the caller to drop.
    fn restore(&mut self, chunk: usize) {
        if self.chunks[chunk].is_empty() {
            self.chunks.remove(chunk);
            self.last_scores.remove(chunk);
            self.last_members.remove(chunk);
            return;
        }
        let mut at = chunk;
        if self.chunks[chunk].len() < LOAD / 2 && self.chunks.len() > 1 {
            // Into the next chunk if there is one, else into the previous.
            at = if chunk + 1 < self.chunks.len() {
                chunk
            } else {
                chunk - 1
            };
            let next = self.chunks.remove(at + 1);
            self.last_scores.remove(at);
            self.last_members.remove(at);
            self.chunks[at].append(next);
        }
        self.refresh_last(at);
        if self.chunks[at].len() >= 2 * LOAD {
            self.split(at);
        }
    }

    /// Cuts `chunk` in halves (its last entry's copy must be current); the tree is left for
    /// the caller to drop.
    fn split(&mut self, chunk: usize) {
        let entries = &mut self.chunks[chunk];
        let tail = entries.split_off(entries.len() / 2);
        if chunk + 1 == self.chunks.len() {
            // The last chunk: likely an append-only workload (every insert at the end), where
            // the head never grows again: give back the half of its buffer it would hold
            // forever. Elsewhere the head keeps it, to grow into.
            self.chunks[chunk].shrink_to_fit();
        }
        let (score, member) = self.chunks[chunk].last();
        let member = member.clone();
        self.chunks.insert(chunk + 1, tail);
        self.last_scores.insert(chunk, score);
        self.last_members.insert(chunk, member);
    }

    /// Copies `chunk`'s last entry again.
    fn refresh_last(&mut self, chunk: usize) {
        let (score, member) = self.chunks[chunk].last();
        self.last_scores[chunk] = score;
        self.last_members[chunk] = member.clone();
    }

    /// Copies every chunk's last entry (a new order).
    fn refresh_lasts(&mut self) {
        self.last_scores = self.chunks.iter().map(|chunk| chunk.last().0).collect();
        self.last_members = self
            .chunks
            .iter()
            .map(|chunk| chunk.last().1.clone())
            .collect();
    }

    /// The tree, built first if it was dropped.
    fn tree(&self) -> &[usize] {
        self.tree.get_or_init(|| {
            let mut tree: Vec<usize> = self.chunks.iter().map(Chunk::len).collect();
            let chunks = tree.len();
            for node in 1..=chunks {
                let parent = node + (node & node.wrapping_neg());
                if parent <= chunks {
                    tree[parent - 1] += tree[node - 1];
                }
            }
            tree
        })
    }

    /// Drops the tree after chunks split, merged or went.
    fn drop_tree(&mut self) {
        self.tree.take();
    }

    /// Where the entry at `rank` is (`rank == len`: the end), by a descent of the tree.
    fn locate(&self, rank: usize) -> Position {
        let tree = self.tree();
        let chunks = tree.len();
        let (mut node, mut rest) = (0, rank);
        let mut step = if chunks == 0 { 0 } else { 1 << chunks.ilog2() };
        while step > 0 {
            if node + step <= chunks && tree[node + step - 1] <= rest {
                node += step;
                rest -= tree[node - 1];
            }
            step >>= 1;
        }
        (node, rest)
    }

    /// The rank of the first entry of `chunk` (the number of entries before it).
    fn rank_of(&self, chunk: usize) -> usize {
        let tree = self.tree();
        let (mut node, mut sum) = (chunk, 0);
        while node > 0 {
            sum += tree[node - 1];
            node &= node - 1;
        }
        sum
    }

    /// Counts `n` more entries in `chunk` (if the tree is built).
    fn tree_add(&mut self, chunk: usize, n: usize) {
        if let Some(tree) = self.tree.get_mut() {
            let mut node = chunk + 1;
            while node <= tree.len() {
                tree[node - 1] += n;
                node += node & node.wrapping_neg();
            }
        }
    }

    /// Counts `n` fewer entries in `chunk` (if the tree is built).
    fn tree_sub(&mut self, chunk: usize, n: usize) {
        if let Some(tree) = self.tree.get_mut() {
            let mut node = chunk + 1;
            while node <= tree.len() {
                tree[node - 1] -= n;
                node += node & node.wrapping_neg();
            }
        }
    }

    /// Checks every invariant (tests).
    #[cfg(test)]
    pub(super) fn check(&self) {
        let chunks = self.chunks.len();
        assert_eq!(self.last_scores.len(), chunks);
        assert_eq!(self.last_members.len(), chunks);
        assert_eq!(self.tree().len(), chunks);
        assert_eq!(self.chunks.iter().map(Chunk::len).sum::<usize>(), self.len);
        let mut previous: Option<(Score, &Bytes)> = None;
        for (index, chunk) in self.chunks.iter().enumerate() {
            assert_eq!(chunk.scores.len(), chunk.members.len());
            assert!(!chunk.is_empty(), "chunk {index} is empty");
            assert!(chunk.len() < 2 * LOAD, "chunk {index} is too long");
            if chunks > 1 {
                assert!(chunk.len() >= LOAD / 2, "chunk {index} is too short");
            }
            let (score, member) = chunk.last();
            assert!(self.last_scores[index] == score, "last score of {index}");
            assert_eq!(&self.last_members[index], member, "last member of {index}");
            for (score, member) in chunk.scores.iter().zip(&chunk.members) {
                if let Some((previous_score, previous_member)) = previous {
                    assert!(
                        before_key(previous_score, previous_member, *score, member),
                        "out of order: {previous_member:?} before {member:?}"
                    );
                }
                previous = Some((*score, member));
            }
            let rank: usize = self.chunks[..index].iter().map(Chunk::len).sum();
            assert_eq!(self.rank_of(index), rank, "rank of chunk {index}");
            assert_eq!(self.locate(rank), (index, 0), "locate({rank})");
        }
        assert_eq!(self.locate(self.len), (chunks, 0));
    }
}

/// Members and scores of an [`Order`] between two positions, either way: O(1) an entry,
/// and `nth` and `nth_back` (so `skip`) in O(log C).
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    order: &'a Order,
    /// The next entry from the front.
    front: Position,
    /// Just past the next entry from the back.
    back: Position,
    /// The rank of `front`.
    front_rank: usize,
    /// Entries left.
    len: usize,
}

impl<'a> Iter<'a> {
    fn at(&self, (chunk, offset): Position) -> (&'a Bytes, f64) {
        let chunk = &self.order.chunks[chunk];
        (&chunk.members[offset], chunk.scores[offset].0)
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Bytes, f64);

    fn next(&mut self) -> Option<Self::Item> {
        if self.len == 0 {
            return None;
        }
        let item = self.at(self.front);
        let (chunk, offset) = self.front;
        self.front = if offset + 1 == self.order.chunks[chunk].len() {
            (chunk + 1, 0)
        } else {
            (chunk, offset + 1)
        };
        self.front_rank += 1;
        self.len -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len, Some(self.len))
    }

    fn count(self) -> usize {
        self.len
    }

    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        if n >= self.len {
            self.len = 0;
            return None;
        }
        let (chunk, offset) = self.front;
        self.front = if offset + n < self.order.chunks[chunk].len() {
            (chunk, offset + n)
        } else {
            self.order.locate(self.front_rank + n)
        };
        self.front_rank += n;
        self.len -= n;
        self.next()
    }

    fn last(mut self) -> Option<Self::Item> {
        self.next_back()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.len == 0 {
            return None;
        }
        let (mut chunk, mut offset) = self.back;
        if offset == 0 {
            chunk -= 1;
            offset = self.order.chunks[chunk].len();
        }
        offset -= 1;
        self.back = (chunk, offset);
        self.len -= 1;
        Some(self.at(self.back))
    }

    fn nth_back(&mut self, n: usize) -> Option<Self::Item> {
        if n >= self.len {
            self.len = 0;
            return None;
        }
        let (chunk, offset) = self.back;
        self.back = if offset >= n {
            (chunk, offset - n)
        } else {
            self.order.locate(self.front_rank + self.len - n)
        };
        self.len -= n;
        self.next_back()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl std::iter::FusedIterator for Iter<'_> {}
