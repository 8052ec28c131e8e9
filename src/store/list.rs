//! A Redis list: a double-ended queue of byte strings, with Redis's index arithmetic.
//!
//! Redis keeps a quicklist (linked listpacks); a `VecDeque` gives the same O(1) pushes and
//! pops at both ends, O(1) access by index, and O(n) inserts and removals in the middle,
//! which is what Redis's costs are too. Order is fully specified, so there is no encoding
//! to mirror.

use std::collections::VecDeque;

use bytes::Bytes;

/// Which end of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The head (`LEFT`, the `L` of LPUSH).
    Left,
    /// The tail (`RIGHT`).
    Right,
}

/// A list's elements, head first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    items: VecDeque<Bytes>,
}

impl List {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none (a stored list never is: its key goes with its last element).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds an element at one end.
    pub fn push(&mut self, end: End, element: Bytes) {
        match end {
            End::Left => self.items.push_front(element),
            End::Right => self.items.push_back(element),
        }
    }

    /// Removes an element from one end.
    pub fn pop(&mut self, end: End) -> Option<Bytes> {
        match end {
            End::Left => self.items.pop_front(),
            End::Right => self.items.pop_back(),
        }
    }

    /// The position `index` means (negative from the tail), if it is inside the list.
    fn position(&self, index: i64) -> Option<usize> {
        let len = i64::try_from(self.items.len()).ok()?;
        let index = if index < 0 {
            index.checked_add(len)?
        } else {
            index
        };
        (0..len).contains(&index).then_some(index as usize)
    }

    /// The element at `index` (negative from the tail).
    pub fn get(&self, index: i64) -> Option<&Bytes> {
        self.items.get(self.position(index)?)
    }

    /// Replaces the element at `index`; false if the index is outside the list.
    pub fn set(&mut self, index: i64, element: Bytes) -> bool {
        match self.position(index) {
            Some(at) => {
                self.items[at] = element;
                true
            }
            None => false,
        }
    }

    /// Redis's range arithmetic (LRANGE, LTRIM): the positions `start..=stop`, negative
    /// from the tail, clamped; `None` when empty.
    pub fn span(&self, start: i64, stop: i64) -> Option<(usize, usize)> {
        let len = i64::try_from(self.items.len()).ok()?;
        let start = if start < 0 {
            start.saturating_add(len)
        } else {
            start
        }
        .max(0);
        let stop = if stop < 0 {
            stop.saturating_add(len)
        } else {
            stop
        };
        if start > stop || start >= len {
            return None;
        }
        Some((start as usize, stop.min(len - 1) as usize))
    }

    /// The elements from `start` to `stop` inclusive (Redis's LRANGE arithmetic).
    pub fn range(&self, start: i64, stop: i64) -> impl Iterator<Item = &Bytes> {
        let (from, count) = match self.span(start, stop) {
            Some((from, to)) => (from, to - from + 1),
            None => (0, 0),
        };
        self.items.range(from..from + count)
    }

    /// Keeps only the elements from `start` to `stop` (LTRIM); returns how many went.
    pub fn trim(&mut self, start: i64, stop: i64) -> usize {
        let before = self.items.len();
        match self.span(start, stop) {
            Some((from, to)) => {
                self.items.truncate(to + 1);
                self.items.drain(..from);
            }
            None => self.items.clear(),
        }
        before - self.items.len()
    }

    /// Removes elements equal to `element` (LREM): `count` > 0 the first `count` from the
    /// head, < 0 from the tail, 0 all. Returns how many went.
    pub fn remove(&mut self, count: i64, element: &[u8]) -> usize {
        let limit = if count == 0 {
            usize::MAX
        } else {
            usize::try_from(count.unsigned_abs()).unwrap_or(usize::MAX)
        };
        let mut removed = 0;
        if count >= 0 {
            let mut at = 0;
            while at < self.items.len() && removed < limit {
                if self.items[at][..] == *element {
                    self.items.remove(at);
                    removed += 1;
                } else {
                    at += 1;
                }
            }
        } else {
            let mut at = self.items.len();
            while at > 0 && removed < limit {
                at -= 1;
                if self.items[at][..] == *element {
                    self.items.remove(at);
                    removed += 1;
                }
            }
        }
        removed
    }

    /// Inserts `element` before or after the first `pivot` (LINSERT); false if there is no
    /// pivot.
    pub fn insert(&mut self, after: bool, pivot: &[u8], element: Bytes) -> bool {
        match self.items.iter().position(|item| item[..] == *pivot) {
            Some(at) => {
                self.items.insert(if after { at + 1 } else { at }, element);
                true
            }
            None => false,
        }
    }

    /// Positions of `element` (LPOS): skipping the first `rank - 1` matches (a negative rank
    /// searches from the tail), at most `count` of them (0: all), looking at no more than
    /// `max_len` elements (0: all).
    pub fn positions(&self, element: &[u8], rank: i64, count: usize, max_len: usize) -> Vec<usize> {
        let skip = usize::try_from(rank.unsigned_abs().saturating_sub(1)).unwrap_or(usize::MAX);
        let wanted = if count == 0 { usize::MAX } else { count };
        let look = if max_len == 0 { usize::MAX } else { max_len };
        let matches = |(at, item): (usize, &Bytes)| (item[..] == *element).then_some(at);
        if rank >= 0 {
            self.items
                .iter()
                .enumerate()
                .take(look)
                .filter_map(matches)
                .skip(skip)
                .take(wanted)
                .collect()
        } else {
            self.items
                .iter()
                .enumerate()
                .rev()
                .take(look)
                .filter_map(matches)
                .skip(skip)
                .take(wanted)
                .collect()
        }
    }

    /// Every element, head first.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Bytes> {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> List {
        let mut list = List::default();
        for item in items {
            list.push(End::Right, Bytes::copy_from_slice(item.as_bytes()));
        }
        list
    }

    fn texts<'a>(items: impl Iterator<Item = &'a Bytes>) -> Vec<String> {
        items
            .map(|item| String::from_utf8_lossy(item).into_owned())
            .collect()
    }

    #[test]
    fn indexes_and_ranges_follow_redis_arithmetic() {
        let l = list(&["a", "b", "c", "d"]);
        assert_eq!(l.get(-1).map(|b| &b[..]), Some(&b"d"[..]));
        assert_eq!(l.get(4), None);
        assert_eq!(l.get(-5), None);
        assert_eq!(l.get(i64::MIN), None);
        assert_eq!(texts(l.range(1, -2)), ["b", "c"]);
        assert_eq!(texts(l.range(-100, 100)), ["a", "b", "c", "d"]);
        assert!(texts(l.range(3, 1)).is_empty());
        assert!(texts(l.range(4, 9)).is_empty());
        let mut t = l.clone();
        assert_eq!(t.trim(1, 2), 2);
        assert_eq!(texts(t.iter()), ["b", "c"]);
        assert_eq!(t.trim(5, 9), 2);
        assert!(t.is_empty());
    }

    #[test]
    fn remove_counts_from_either_end() {
        let mut l = list(&["x", "a", "x", "b", "x"]);
        assert_eq!(l.remove(-2, b"x"), 2);
        assert_eq!(texts(l.iter()), ["x", "a", "b"]);
        let mut l = list(&["x", "a", "x", "b", "x"]);
        assert_eq!(l.remove(1, b"x"), 1);
        assert_eq!(texts(l.iter()), ["a", "x", "b", "x"]);
        assert_eq!(l.remove(0, b"x"), 2);
        assert_eq!(texts(l.iter()), ["a", "b"]);
    }

    #[test]
    fn positions_honour_rank_count_and_max_len() {
        let l = list(&["a", "b", "a", "c", "a"]);
        assert_eq!(l.positions(b"a", 1, 1, 0), [0]);
        assert_eq!(l.positions(b"a", 2, 0, 0), [2, 4]);
        assert_eq!(l.positions(b"a", -1, 2, 0), [4, 2]);
        assert_eq!(l.positions(b"a", 1, 0, 3), [0, 2]);
        assert_eq!(l.positions(b"a", -1, 0, 2), [4]);
        assert!(l.positions(b"z", 1, 0, 0).is_empty());
    }

    #[test]
    fn insert_finds_the_first_pivot() {
        let mut l = list(&["a", "p", "p"]);
        assert!(l.insert(true, b"p", Bytes::from("x")));
        assert!(l.insert(false, b"a", Bytes::from("y")));
        assert!(!l.insert(false, b"zz", Bytes::from("q")));
        assert_eq!(texts(l.iter()), ["y", "a", "p", "x", "p"]);
    }
}
