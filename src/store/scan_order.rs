//! The order SCAN and HSCAN walk a large collection in, and their cursors.
//!
//! A cursor is a position in *scan order*: a fixed-seed hash of each member, so it stays
//! valid however the collection grows, shrinks or is rearranged between calls. That gives
//! Redis's guarantee (a member present from the start to the end of a full iteration is
//! returned at least once) without Redis's reverse-binary walk of its hash table buckets.
//! A first page costs one pass over the collection: O(n log count); the pages after it read
//! a sorted snapshot ([`ScanSnapshot`]) built at the second page.

use std::collections::BinaryHeap;

use bytes::Bytes;

/// Fixed seeds, so a cursor stays valid for the life of the process whatever a map's own
/// hasher does.
const SCAN_HASHER: ahash::RandomState = ahash::RandomState::with_seeds(
    0x243f_6a88_85a3_08d3,
    0x1319_8a2e_0370_7344,
    0xa409_3822_299f_31d0,
    0x082e_fa98_ec4e_6c89,
);

/// A member's place in scan order; never 0, the cursor that starts an iteration.
fn position(member: &[u8]) -> u64 {
    SCAN_HASHER.hash_one(member) | 1
}

/// The members at or after `cursor` in scan order, at least `count` of them unless the
/// iteration ends (more when several share the last position: they must land in the same
/// page), and the cursor to continue from (0 when done). `members` is called again for
/// each pass over the collection.
pub(crate) fn page<'a, I>(members: impl Fn() -> I, cursor: u64, count: usize) -> (u64, Vec<Bytes>)
where
    I: Iterator<Item = &'a Bytes>,
{
    // COUNT is the caller's number, up to i64::MAX: size the page by what can fill it.
    let mut page: BinaryHeap<(u64, &'a Bytes)> =
        BinaryHeap::with_capacity(count.min(members().size_hint().0));
    for member in members() {
        let at = position(member);
        if at < cursor {
            continue;
        }
        if page.len() < count {
            page.push((at, member));
        } else if page.peek().is_some_and(|(largest, _)| at < *largest) {
            page.pop();
            page.push((at, member));
        }
    }
    let mut page = page.into_sorted_vec();
    let next_cursor = if page.len() < count {
        0
    } else {
        let last = page.last().map_or(0, |(at, _)| *at);
        let tied: Vec<&Bytes> = members()
            .filter(|member| position(member) == last)
            .filter(|member| !page.iter().any(|(_, m)| m == member))
            .collect();
        page.extend(tied.into_iter().map(|member| (last, member)));
        last.checked_add(1).unwrap_or(0)
    };
    (
        next_cursor,
        page.into_iter().map(|(_, member)| member.clone()).collect(),
    )
}

/// A sorted snapshot of a collection's scan order, kept between the pages of one iteration:
/// a page is then a binary search and `count` steps instead of a pass over every member, so
/// a whole iteration costs O(n log n) instead of O(n² / count).
///
/// Built on the first page after cursor 0 (an iteration that stops at its first page never
/// pays for it) and dropped when an iteration ends. Members removed since it was built are
/// skipped as they are met; members added since may be missed, which SCAN allows for
/// members added during an iteration. So that it never misses one added *before* an
/// iteration started, its owner drops it at every cursor-0 page (see [`ScanIndex`] for the
/// keyspace's finer rule). A large hash, set or sorted set carries one (HSCAN, SSCAN,
/// ZSCAN); it is not part of the value: a copy of the collection starts without it.
#[derive(Default)]
pub(crate) struct ScanSnapshot {
    /// `(position, member)`, sorted; `None`: no snapshot.
    entries: Option<Box<[(u64, Bytes)]>>,
}

impl Clone for ScanSnapshot {
    /// A copy (COPY, a rewrite's snapshot) has no iteration in progress.
    fn clone(&self) -> ScanSnapshot {
        ScanSnapshot::default()
    }
}

impl std::fmt::Debug for ScanSnapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScanSnapshot")
            .field(
                "members",
                &self.entries.as_ref().map(|entries| entries.len()),
            )
            .finish()
    }
}

impl ScanSnapshot {
    /// A page of HSCAN, SSCAN or ZSCAN over a large collection: the same cursors and
    /// members as [`page`] gives over the same members. `present` says whether a member
    /// is still there.
    pub(crate) fn page<'a, I>(
        &mut self,
        members: impl Fn() -> I,
        present: impl Fn(&Bytes) -> bool,
        cursor: u64,
        count: usize,
    ) -> (u64, Vec<Bytes>)
    where
        I: Iterator<Item = &'a Bytes>,
    {
        if cursor == 0 {
            self.entries = None;
        }
        self.page_kept(members, present, cursor, count)
    }

    /// As [`ScanSnapshot::page`], but a snapshot built before a cursor-0 page is kept.
    fn page_kept<'a, I>(
        &mut self,
        members: impl Fn() -> I,
        present: impl Fn(&Bytes) -> bool,
        cursor: u64,
        count: usize,
    ) -> (u64, Vec<Bytes>)
    where
        I: Iterator<Item = &'a Bytes>,
    {
        if cursor == 0 {
            return page(members, cursor, count);
        }
        let entries = self.entries.get_or_insert_with(|| {
            let mut entries: Vec<(u64, Bytes)> = members()
                .map(|member| (position(member), member.clone()))
                .collect();
            entries.sort_unstable();
            entries.into_boxed_slice()
        });
        let start = entries.partition_point(|(at, _)| *at < cursor);
        let mut found: Vec<Bytes> = Vec::with_capacity(count.min(entries.len() - start));
        let mut last = None;
        for (at, member) in &entries[start..] {
            if found.len() >= count && last != Some(*at) {
                break;
            }
            if present(member) {
                found.push(member.clone());
                last = Some(*at);
            }
        }
        let next = match last {
            Some(at) if found.len() >= count => at.checked_add(1).unwrap_or(0),
            _ => 0,
        };
        if next == 0 {
            self.entries = None;
        }
        (next, found)
    }

    /// Whether a snapshot is held (an iteration is under way).
    #[cfg(test)]
    fn is_held(&self) -> bool {
        self.entries.is_some()
    }
}

/// The keyspace's [`ScanSnapshot`] for SCAN. SCAN restarts from cursor 0 often, so a
/// snapshot outlives a cursor-0 page unless a key was added since it was built: only then
/// could it miss a key present from the start of the new iteration.
#[derive(Debug, Default)]
pub(crate) struct ScanIndex {
    snapshot: ScanSnapshot,
    /// The keyspace's additions counter when the snapshot was built.
    generation: u64,
}

impl ScanIndex {
    /// A page of SCAN: the same cursors and keys as [`page`] gives over the same keys.
    /// `generation` counts the keys ever added; `present` says whether a key is still
    /// stored.
    pub(crate) fn page<'a, I>(
        &mut self,
        keys: impl Fn() -> I,
        generation: u64,
        present: impl Fn(&Bytes) -> bool,
        cursor: u64,
        count: usize,
    ) -> (u64, Vec<Bytes>)
    where
        I: Iterator<Item = &'a Bytes>,
    {
        if cursor == 0 && self.generation != generation {
            self.snapshot = ScanSnapshot::default();
        }
        if cursor != 0 && self.snapshot.entries.is_none() {
            // The snapshot this page builds holds every key added so far.
            self.generation = generation;
        }
        self.snapshot.page_kept(keys, present, cursor, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_member_once_and_end_at_zero() {
        let members: Vec<Bytes> = (0..1_000).map(|n| Bytes::from(n.to_string())).collect();
        let mut seen = Vec::new();
        let mut cursor = 0;
        loop {
            let (next, page) = page(|| members.iter(), cursor, 37);
            assert!(page.len() >= 37 || next == 0);
            seen.extend(page);
            if next == 0 {
                break;
            }
            cursor = next;
        }
        seen.sort();
        let mut expected = members.clone();
        expected.sort();
        assert_eq!(seen, expected);
    }

    #[test]
    fn an_index_gives_the_pages_a_pass_gives_and_skips_removed_keys() {
        let mut members: Vec<Bytes> = (0..2_000).map(|n| Bytes::from(format!("k{n}"))).collect();
        let mut index = ScanIndex::default();
        let (mut a, mut b) = (0, 0);
        loop {
            let (next_a, page_a) = page(|| members.iter(), a, 50);
            let (next_b, page_b) = index.page(|| members.iter(), 1, |_| true, b, 50);
            assert_eq!((next_a, &page_a), (next_b, &page_b));
            if next_a == 0 {
                break;
            }
            (a, b) = (next_a, next_b);
        }
        assert!(!index.snapshot.is_held(), "dropped at the end");
        // Mid-iteration removals are skipped, additions after the snapshot may be missed,
        // and a new iteration after an addition sees it.
        let (cursor, first) = index.page(|| members.iter(), 1, |_| true, 0, 100);
        let (cursor, _) = index.page(|| members.iter(), 1, |_| true, cursor, 100);
        members.retain(|m| m.len() % 2 == 0);
        let kept = members.clone();
        let (_, second) = index.page(
            || members.iter(),
            1,
            |k| kept.iter().any(|m| m == k),
            cursor,
            100,
        );
        assert!(second.iter().all(|k| kept.contains(k)));
        assert!(first.len() >= 100);
        members.push(Bytes::from_static(b"newcomer"));
        let mut seen = Vec::new();
        let mut cursor = 0;
        loop {
            let (next, more) = index.page(|| members.iter(), 2, |_| true, cursor, 100);
            seen.extend(more);
            if next == 0 {
                break;
            }
            cursor = next;
        }
        assert!(seen.contains(&Bytes::from_static(b"newcomer")));
        assert_eq!(seen.len(), members.len());
    }

    #[test]
    fn members_that_stay_are_returned_though_others_come_and_go() {
        let mut members: Vec<Bytes> = (0..500).map(|n| Bytes::from(format!("m{n}"))).collect();
        let (cursor, first) = page(|| members.iter(), 0, 100);
        // Half of the rest leave, and newcomers arrive, between calls.
        members.retain(|m| first.contains(m) || m.len() % 2 == 0);
        let stayed: Vec<Bytes> = members.clone();
        members.extend((0..300).map(|n| Bytes::from(format!("new{n}"))));
        let mut seen = first;
        let mut cursor = cursor;
        while cursor != 0 {
            let (next, more) = page(|| members.iter(), cursor, 100);
            seen.extend(more);
            cursor = next;
        }
        for member in &stayed {
            assert!(seen.contains(member), "{member:?} was skipped");
        }
    }
}
