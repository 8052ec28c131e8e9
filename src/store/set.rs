//! A Redis set: distinct members, in the order redis-server shows them.
//!
//! redis-server 7.0 keeps a set of at most 512 integers (in canonical decimal) as an
//! intset, whose members come out sorted numerically; any other set is a hash table with an
//! order of its own. A [`Set`] remembers which form redis-server would use and shows an
//! intset's members sorted, so SMEMBERS and friends answer an integer set byte for byte.

use std::collections::HashSet;

use bytes::Bytes;

use super::number::parse_i64;
use super::scan_order::ScanSnapshot;

/// Redis's `set-max-intset-entries` default.
pub(crate) const INTSET_MAX_MEMBERS: usize = 512;

/// A set's members.
#[derive(Debug, Clone, Default)]
pub struct Set {
    members: HashSet<Bytes, ahash::RandomState>,
    /// Past the intset's limits once (a member that is no integer, or too many); never an
    /// intset again, as on Redis.
    table: bool,
    /// SSCAN's snapshot of the scan order between pages.
    scan: ScanSnapshot,
}

impl Set {
    /// Number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are none (a stored set never is: its key goes with its last member).
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Whether redis-server would hold this set as an intset (sorted, scanned whole).
    pub fn is_intset(&self) -> bool {
        !self.table
    }

    /// One SSCAN page of a large set: members from `cursor` in scan order, and the next
    /// cursor (see `store/scan_order.rs`).
    pub(crate) fn scan_page(&mut self, cursor: u64, count: usize) -> (u64, Vec<Bytes>) {
        let members = &self.members;
        self.scan
            .page(|| members.iter(), |m| members.contains(m), cursor, count)
    }

    /// Whether `member` is in the set.
    pub fn contains(&self, member: &[u8]) -> bool {
        self.members.contains(member)
    }

    /// Adds a member; true if it is new.
    pub fn insert(&mut self, member: Bytes) -> bool {
        if self.members.contains(&member) {
            return false;
        }
        if parse_i64(&member).is_none() || self.members.len() + 1 > INTSET_MAX_MEMBERS {
            self.table = true;
        }
        self.members.insert(member)
    }

    /// Removes a member; true if it was there.
    pub fn remove(&mut self, member: &[u8]) -> bool {
        self.members.remove(member)
    }

    /// The members in no particular order, without collecting them.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Bytes> {
        self.members.iter()
    }

    /// The members in the order redis-server shows them: sorted numerically for an intset,
    /// the table's own order otherwise.
    pub fn members(&self) -> Vec<&Bytes> {
        let mut members: Vec<&Bytes> = self.members.iter().collect();
        if !self.table {
            members.sort_by_key(|member| parse_i64(member).unwrap_or(0));
        }
        members
    }
}

/// Two sets are equal when they hold the same members.
impl PartialEq for Set {
    fn eq(&self, other: &Set) -> bool {
        self.members == other.members
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(members: &[&str]) -> Set {
        let mut set = Set::default();
        for member in members {
            set.insert(Bytes::copy_from_slice(member.as_bytes()));
        }
        set
    }

    #[test]
    fn an_integer_set_shows_its_members_sorted_numerically() {
        let set = set(&["10", "-3", "2", "10"]);
        assert_eq!(set.len(), 3);
        assert!(set.is_intset());
        let shown: Vec<&[u8]> = set.members().into_iter().map(|m| &m[..]).collect();
        assert_eq!(shown, [&b"-3"[..], b"2", b"10"]);
    }

    #[test]
    fn a_non_integer_or_too_many_members_leave_the_intset_for_good() {
        let mut mixed = set(&["1", "01"]);
        assert!(!mixed.is_intset(), "01 is not a canonical integer");
        mixed.remove(b"01");
        assert!(!mixed.is_intset());
        let mut many = Set::default();
        for n in 0..512 {
            many.insert(Bytes::from(n.to_string()));
        }
        assert!(many.is_intset());
        many.insert(Bytes::from("512"));
        assert!(!many.is_intset());
    }
}
