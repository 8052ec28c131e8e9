//! The order SCAN and HSCAN walk a large collection in, and their cursors.
//!
//! A cursor is a position in *scan order*: a fixed-seed hash of each member, so it stays
//! valid however the collection grows, shrinks or is rearranged between calls. That gives
//! Redis's guarantee (a member present from the start to the end of a full iteration is
//! returned at least once) without Redis's reverse-binary walk of its hash table buckets.
//! A page costs one pass over the collection: O(n log count).

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
