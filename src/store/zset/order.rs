//! A sorted set's order: `(score, member)` entries, sorted, with ranks in O(log n).
//!
//! # Layout: a chunked sorted vector
//! The entries are cut into sorted chunks (`Vec`s) of between `LOAD / 2` and `2 × LOAD`
//! entries (fewer only when the whole order is that small), as in Python's
//! `sortedcontainers`. Beside them:
//! - `lasts`, each chunk's last entry in one contiguous `Vec`: a binary search over it finds
//!   the chunk of a key without touching the chunks themselves;
//! - `tree`, a Fenwick tree over the chunks' lengths: the rank where a chunk starts, and the
//!   chunk that holds a rank, in O(log(n / LOAD)).
//!
//! What each operation costs, for n entries in C ≈ n / LOAD chunks:
//! - seek a key or a score (rank, ZRANGEBYSCORE's start): O(log n), two binary searches;
//! - select a rank (ZRANGE by index, ZRANDMEMBER): O(log C), a descent of the tree;
//! - insert or remove: the seek, a shift of at most `2 × LOAD` entries inside one chunk, and
//!   an O(log C) update of the tree;
//! - a chunk split or merge (once per about LOAD / 2 inserts or removes): O(C), the chunk
//!   list shifted and the tree rebuilt;
//! - walk: O(1) per entry, forwards or backwards, from anywhere.
//!
//! Why not a skiplist with spans (redis-server) or a counted B-tree: either needs nodes
//! linked by pointers (`unsafe`, or an arena of indices), and a B-tree keeps counts in
//! every inner node. Two levels of plain `Vec`s need neither, and most of the work on a
//! chunk is a `memmove` of at most a few KiB, which costs less than a cache miss per level.
//! The price is the O(C) split or merge, amortised to O(C / LOAD) per write: about 0.3 of a
//! tree update per write at a million members.

use std::cmp::Ordering;
use std::ops::Range;

use bytes::Bytes;

use super::Score;

/// An entry of the order.
pub(super) type Entry = (Score, Bytes);

/// The chunk length the order aims at: a chunk splits in halves when it reaches
/// `2 × LOAD` entries and is merged into a neighbour below `LOAD / 2`. Measured on a
/// million members (benches/zsets.rs): 64 made writes slower (more splits, a deeper tree)
/// and 256 made every insert and remove shift more; 128 was best or level on every figure.
#[cfg(not(test))]
const LOAD: usize = 128;
/// Small in unit tests, so a few hundred entries cross many splits and merges.
#[cfg(test)]
const LOAD: usize = 4;

/// A place in the order: a chunk and an offset in it. The end is `(chunks, 0)`.
type Position = (usize, usize);

/// How `entry` compares with the key `(score, member)`.
pub(super) fn compare(entry: &Entry, score: Score, member: &[u8]) -> Ordering {
    entry.0.cmp(&score).then_with(|| entry.1[..].cmp(member))
}

/// The entries in order, with ranks (see the module documentation).
#[derive(Debug, Clone, Default)]
pub(super) struct Order {
    /// Sorted, none empty; concatenated, they are the order.
    chunks: Vec<Vec<Entry>>,
    /// `lasts[i]` is (a copy of) the last entry of `chunks[i]`.
    lasts: Vec<Entry>,
    /// A Fenwick tree over the chunks' lengths: node `k` (1-based, stored at `k - 1`) holds
    /// the total length of chunks `k - lowbit(k) .. k`.
    tree: Vec<usize>,
    len: usize,
}

impl Order {
    /// An order of entries already sorted (and distinct), in chunks of about `LOAD`.
    pub(super) fn from_sorted(entries: Vec<Entry>) -> Order {
        let len = entries.len();
        let count = len.div_ceil(LOAD);
        let mut chunks = Vec::with_capacity(count);
        let mut entries = entries.into_iter();
        for index in 0..count {
            // Even lengths: the first `len % count` chunks one longer.
            let size = len / count + usize::from(index < len % count);
            chunks.push(entries.by_ref().take(size).collect::<Vec<Entry>>());
        }
        let mut order = Order {
            lasts: chunks.iter().map(|chunk| last(chunk).clone()).collect(),
            chunks,
            tree: Vec::new(),
            len,
        };
        order.rebuild_tree();
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

    /// The entry at `rank`.
    pub(super) fn get(&self, rank: usize) -> Option<&Entry> {
        if rank >= self.len {
            return None;
        }
        let (chunk, offset) = self.locate(rank);
        Some(&self.chunks[chunk][offset])
    }

    pub(super) fn first(&self) -> Option<&Entry> {
        self.chunks.first().map(|chunk| &chunk[0])
    }

    pub(super) fn last(&self) -> Option<&Entry> {
        self.lasts.last()
    }

    /// The rank of the first entry for which `before` is false, where `before` holds for a
    /// prefix of the order (every entry below some key or score): O(log n).
    pub(super) fn partition_point(&self, before: impl Fn(&Entry) -> bool) -> usize {
        let (chunk, offset) = self.seek(before);
        self.rank_of(chunk) + offset
    }

    /// The rank of the key `(score, member)` if it is in the order.
    pub(super) fn rank(&self, score: Score, member: &[u8]) -> Option<usize> {
        let (chunk, offset) = self.seek(|entry| compare(entry, score, member).is_lt());
        let found = self.chunks.get(chunk)?.get(offset)?;
        compare(found, score, member)
            .is_eq()
            .then(|| self.rank_of(chunk) + offset)
    }

    /// The entry with the key `(score, member)`, to change its score in place (to one equal
    /// as a [`Score`], so the order holds).
    pub(super) fn get_mut(&mut self, score: Score, member: &[u8]) -> Option<&mut Entry> {
        let (chunk, offset) = self.seek(|entry| compare(entry, score, member).is_lt());
        if !compare(self.chunks.get(chunk)?.get(offset)?, score, member).is_eq() {
            return None;
        }
        if offset + 1 == self.chunks[chunk].len() {
            self.lasts[chunk].0 = score;
        }
        Some(&mut self.chunks[chunk][offset])
    }

    /// Adds an entry whose key is not in the order yet.
    pub(super) fn insert(&mut self, entry: Entry) {
        if self.chunks.is_empty() {
            self.lasts.push(entry.clone());
            self.chunks.push(vec![entry]);
            self.tree = vec![1];
            self.len = 1;
            return;
        }
        let (mut chunk, mut offset) = self.seek(|other| *other < entry);
        if chunk == self.chunks.len() {
            // Past every entry: the new last of the last chunk.
            chunk -= 1;
            offset = self.chunks[chunk].len();
            self.lasts[chunk] = entry.clone();
        }
        self.chunks[chunk].insert(offset, entry);
        self.len += 1;
        if self.chunks[chunk].len() >= 2 * LOAD {
            self.split(chunk);
            self.rebuild_tree();
        } else {
            self.tree_add(chunk, 1);
        }
    }

    /// Removes the entry with the key `(score, member)`; returns it.
    pub(super) fn remove(&mut self, score: Score, member: &[u8]) -> Option<Entry> {
        let (chunk, offset) = self.seek(|entry| compare(entry, score, member).is_lt());
        if !compare(self.chunks.get(chunk)?.get(offset)?, score, member).is_eq() {
            return None;
        }
        Some(self.remove_at(chunk, offset))
    }

    /// Removes and returns the first (or last) entry.
    pub(super) fn pop(&mut self, last: bool) -> Option<Entry> {
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
    /// O(log n + removed + C).
    pub(super) fn drain(&mut self, ranks: Range<usize>) -> Vec<Entry> {
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
            removed.extend(self.chunks[first].drain(from..));
            for chunk in self.chunks.drain(first + 1..last) {
                removed.extend(chunk);
            }
            self.lasts.drain(first + 1..last);
            let next = first + 1;
            if to > 0 {
                removed.extend(self.chunks[next].drain(..to));
                self.restore(next);
            }
            // `restore(next)` changes only chunks from `first` on, and keeps `first`.
            self.restore(first);
        }
        self.rebuild_tree();
        removed
    }

    /// The position of the first entry for which `before` is false (see
    /// [`Order::partition_point`]).
    fn seek(&self, before: impl Fn(&Entry) -> bool) -> Position {
        let chunk = self.lasts.partition_point(&before);
        match self.chunks.get(chunk) {
            Some(entries) => (chunk, entries.partition_point(before)),
            None => (chunk, 0),
        }
    }

    /// Removes the entry at `(chunk, offset)`.
    fn remove_at(&mut self, chunk: usize, offset: usize) -> Entry {
        let entry = self.chunks[chunk].remove(offset);
        self.len -= 1;
        let left = self.chunks[chunk].len();
        if left > 0 && (left >= LOAD / 2 || self.chunks.len() == 1) {
            if offset == left {
                self.lasts[chunk] = self::last(&self.chunks[chunk]).clone();
            }
            self.tree_sub(chunk, 1);
        } else {
            self.restore(chunk);
            self.rebuild_tree();
        }
        entry
    }

    /// Brings `chunk`, whose length changed, back within bounds: an empty one goes, a short
    /// one is merged into a neighbour, a long one is split; its `lasts` entry is refreshed.
    /// The tree is left for the caller to rebuild.
    fn restore(&mut self, chunk: usize) {
        if self.chunks[chunk].is_empty() {
            self.chunks.remove(chunk);
            self.lasts.remove(chunk);
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
            self.lasts.remove(at);
            self.chunks[at].extend(next);
        }
        self.lasts[at] = last(&self.chunks[at]).clone();
        if self.chunks[at].len() >= 2 * LOAD {
            self.split(at);
        }
    }

    /// Cuts `chunk` in halves (its `lasts` entry must be current); the tree is left for the
    /// caller to rebuild.
    fn split(&mut self, chunk: usize) {
        let entries = &mut self.chunks[chunk];
        let tail = entries.split_off(entries.len() / 2);
        // The head keeps the buffer: give back what an append-only workload (every insert at
        // the end, so the head never grows again) would otherwise hold forever.
        entries.shrink_to_fit();
        let head_last = last(entries).clone();
        self.chunks.insert(chunk + 1, tail);
        self.lasts.insert(chunk, head_last);
    }

    /// Where the entry at `rank` is (`rank == len`: the end), by a descent of the tree.
    fn locate(&self, rank: usize) -> Position {
        let chunks = self.tree.len();
        let (mut node, mut rest) = (0, rank);
        let mut step = if chunks == 0 { 0 } else { 1 << chunks.ilog2() };
        while step > 0 {
            if node + step <= chunks && self.tree[node + step - 1] <= rest {
                node += step;
                rest -= self.tree[node - 1];
            }
            step >>= 1;
        }
        (node, rest)
    }

    /// The rank of the first entry of `chunk` (the number of entries before it).
    fn rank_of(&self, chunk: usize) -> usize {
        let (mut node, mut sum) = (chunk, 0);
        while node > 0 {
            sum += self.tree[node - 1];
            node &= node - 1;
        }
        sum
    }

    fn tree_add(&mut self, chunk: usize, n: usize) {
        let mut node = chunk + 1;
        while node <= self.tree.len() {
            self.tree[node - 1] += n;
            node += node & node.wrapping_neg();
        }
    }

    fn tree_sub(&mut self, chunk: usize, n: usize) {
        let mut node = chunk + 1;
        while node <= self.tree.len() {
            self.tree[node - 1] -= n;
            node += node & node.wrapping_neg();
        }
    }

    /// The tree from the chunks' lengths, in O(C).
    fn rebuild_tree(&mut self) {
        self.tree.clear();
        self.tree.extend(self.chunks.iter().map(Vec::len));
        let chunks = self.tree.len();
        for node in 1..=chunks {
            let parent = node + (node & node.wrapping_neg());
            if parent <= chunks {
                self.tree[parent - 1] += self.tree[node - 1];
            }
        }
    }

    /// Checks every invariant (tests).
    #[cfg(test)]
    pub(super) fn check(&self) {
        assert_eq!(self.chunks.len(), self.lasts.len());
        assert_eq!(self.chunks.len(), self.tree.len());
        assert_eq!(self.chunks.iter().map(Vec::len).sum::<usize>(), self.len);
        let mut previous: Option<&Entry> = None;
        for (index, chunk) in self.chunks.iter().enumerate() {
            assert!(!chunk.is_empty(), "chunk {index} is empty");
            assert!(chunk.len() < 2 * LOAD, "chunk {index} is too long");
            if self.chunks.len() > 1 {
                assert!(chunk.len() >= LOAD / 2, "chunk {index} is too short");
            }
            let last = last(chunk);
            assert!(
                self.lasts[index].0 == last.0 && self.lasts[index].1 == last.1,
                "lasts[{index}]"
            );
            for entry in chunk {
                if let Some(previous) = previous {
                    assert!(previous < entry, "out of order: {previous:?} {entry:?}");
                }
                previous = Some(entry);
            }
            let rank: usize = self.chunks[..index].iter().map(Vec::len).sum();
            assert_eq!(self.rank_of(index), rank, "rank of chunk {index}");
            assert_eq!(self.locate(rank), (index, 0), "locate({rank})");
        }
        assert_eq!(self.locate(self.len), (self.chunks.len(), 0));
    }
}

/// The last entry of a chunk (never empty).
fn last(chunk: &[Entry]) -> &Entry {
    &chunk[chunk.len() - 1]
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

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Bytes, f64);

    fn next(&mut self) -> Option<Self::Item> {
        if self.len == 0 {
            return None;
        }
        let (chunk, offset) = self.front;
        let entries = &self.order.chunks[chunk];
        self.front = if offset + 1 == entries.len() {
            (chunk + 1, 0)
        } else {
            (chunk, offset + 1)
        };
        self.front_rank += 1;
        self.len -= 1;
        let (score, member) = &entries[offset];
        Some((member, score.0))
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
        let (score, member) = &self.order.chunks[chunk][offset];
        Some((member, score.0))
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
