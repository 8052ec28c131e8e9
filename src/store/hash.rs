//! A Redis hash: a map of fields to values that remembers the order Redis shows.
//!
//! redis-server keeps a small hash (at most 512 fields, none longer than 64 bytes: its
//! `hash-max-listpack-*` defaults) as a listpack, a flat list in insertion order, and shows
//! it in that order (HGETALL, HKEYS, HSCAN, HRANDFIELD's whole-hash case). Past either limit
//! it converts the hash to a hash table for good, whose order is its own. A [`Hash`] does the
//! same: a vector in insertion order, searched linearly while it is small (as the listpack
//! is), and indexed by a hash map once it outgrows the limits. From then on deletion moves
//! the last field into the hole (O(1)), so the order is no longer insertion order: like
//! Redis's, it is unspecified.

use std::collections::HashMap;

use bytes::Bytes;

use super::scan_order::ScanSnapshot;

/// Redis's `hash-max-listpack-entries` default (512 in redis-server 7.0).
pub(crate) const COMPACT_MAX_FIELDS: usize = 512;
/// Redis's `hash-max-listpack-value` default: a longer field or value converts the hash.
pub(crate) const COMPACT_MAX_LEN: usize = 64;

/// A hash's fields and values.
#[derive(Debug, Clone, Default)]
pub struct Hash {
    /// Field, value pairs: insertion order while compact.
    entries: Vec<(Bytes, Bytes)>,
    /// Position of each field in `entries`, once the hash is no longer compact.
    index: Option<HashMap<Bytes, usize, ahash::RandomState>>,
    /// HSCAN's snapshot of the scan order between pages.
    scan: ScanSnapshot,
}

impl Hash {
    /// Number of fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no fields (a stored hash never is: its key goes with its last field).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the hash is still in Redis's compact (listpack) form, whose order is
    /// insertion order.
    pub fn is_compact(&self) -> bool {
        self.index.is_none()
    }

    /// One HSCAN page of a large hash: fields from `cursor` in scan order, and the next
    /// cursor (see `store/scan_order.rs`).
    pub(crate) fn scan_page(&mut self, cursor: u64, count: usize) -> (u64, Vec<Bytes>) {
        let (entries, index) = (&self.entries, &self.index);
        let present = |field: &Bytes| match index {
            Some(index) => index.contains_key(field),
            None => entries.iter().any(|(f, _)| f == field),
        };
        let fields = || entries.iter().map(|(field, _)| field);
        self.scan.page(fields, present, cursor, count)
    }

    fn position(&self, field: &[u8]) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(field).copied(),
            None => self.entries.iter().position(|(f, _)| f[..] == *field),
        }
    }

    /// The value of `field`.
    pub fn get(&self, field: &[u8]) -> Option<&Bytes> {
        self.position(field).map(|at| &self.entries[at].1)
    }

    /// Sets `field` to `value`; true if the field is new.
    pub fn insert(&mut self, field: Bytes, value: Bytes) -> bool {
        if self.index.is_none() && (field.len() > COMPACT_MAX_LEN || value.len() > COMPACT_MAX_LEN)
        {
            self.convert();
        }
        if let Some(at) = self.position(&field) {
            self.entries[at].1 = value;
            return false;
        }
        if let Some(index) = &mut self.index {
            index.insert(field.clone(), self.entries.len());
        }
        self.entries.push((field, value));
        if self.index.is_none() && self.entries.len() > COMPACT_MAX_FIELDS {
            self.convert();
        }
        true
    }

    /// Removes `field`; true if it was there.
    pub fn remove(&mut self, field: &[u8]) -> bool {
        let Some(at) = self.position(field) else {
            return false;
        };
        match &mut self.index {
            // Compact: keep the insertion order, as a listpack deletion does.
            None => {
                self.entries.remove(at);
            }
            Some(index) => {
                index.remove(field);
                self.entries.swap_remove(at);
                if let Some((moved, _)) = self.entries.get(at) {
                    index.insert(moved.clone(), at);
                }
            }
        }
        true
    }

    /// Field, value pairs in the hash's order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Bytes, &Bytes)> {
        self.entries.iter().map(|(field, value)| (field, value))
    }

    /// The pair at `position` in the hash's order (below [`Hash::len`]).
    pub fn at(&self, position: usize) -> Option<(&Bytes, &Bytes)> {
        self.entries
            .get(position)
            .map(|(field, value)| (field, value))
    }

    /// Leaves the compact form for good, as Redis converts a listpack to a hash table.
    fn convert(&mut self) {
        let mut index = HashMap::with_capacity_and_hasher(
            self.entries.len() + 1,
            ahash::RandomState::default(),
        );
        for (position, (field, _)) in self.entries.iter().enumerate() {
            index.insert(field.clone(), position);
        }
        self.index = Some(index);
    }
}

/// Two hashes are equal when they map the same fields to the same values, in any order.
impl PartialEq for Hash {
    fn eq(&self, other: &Hash) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(field, value)| other.get(field) == Some(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str) -> Bytes {
        Bytes::copy_from_slice(text.as_bytes())
    }

    fn fields(hash: &Hash) -> Vec<&[u8]> {
        hash.iter().map(|(field, _)| &field[..]).collect()
    }

    #[test]
    fn a_compact_hash_keeps_insertion_order_through_updates_and_deletions() {
        let mut hash = Hash::default();
        assert!(hash.insert(b("c"), b("1")));
        assert!(hash.insert(b("a"), b("2")));
        assert!(hash.insert(b("b"), b("3")));
        assert!(!hash.insert(b("c"), b("4")), "an update is not a new field");
        assert!(hash.remove(b"a"));
        assert!(!hash.remove(b"a"));
        assert!(hash.insert(b("a"), b("5")));
        assert_eq!(fields(&hash), [&b"c"[..], b"b", b"a"]);
        assert_eq!(hash.get(b"c"), Some(&b("4")));
        assert!(hash.is_compact());
    }

    #[test]
    fn a_long_value_or_too_many_fields_converts_for_good() {
        let mut hash = Hash::default();
        hash.insert(b("f"), Bytes::from(vec![b'x'; COMPACT_MAX_LEN]));
        assert!(hash.is_compact(), "64 bytes still fit");
        hash.insert(b("g"), Bytes::from(vec![b'x'; COMPACT_MAX_LEN + 1]));
        assert!(!hash.is_compact());
        hash.remove(b"g");
        assert!(!hash.is_compact(), "Redis never converts back");

        let mut many = Hash::default();
        for n in 0..COMPACT_MAX_FIELDS {
            many.insert(Bytes::from(n.to_string()), b("v"));
        }
        assert!(many.is_compact());
        many.insert(b("one more"), b("v"));
        assert!(!many.is_compact());
    }

    #[test]
    fn an_indexed_hash_finds_every_field_after_deletions_move_others() {
        let mut hash = Hash::default();
        for n in 0..2_000 {
            hash.insert(Bytes::from(format!("f{n}")), Bytes::from(n.to_string()));
        }
        for n in (0..2_000).step_by(3) {
            assert!(hash.remove(format!("f{n}").as_bytes()));
        }
        for n in 0..2_000 {
            let expected = (n % 3 != 0).then(|| Bytes::from(n.to_string()));
            assert_eq!(
                hash.get(format!("f{n}").as_bytes()),
                expected.as_ref(),
                "f{n}"
            );
        }
        assert_eq!(hash.len(), 2_000 - 667);
    }

    #[test]
    fn equality_ignores_order() {
        let mut one = Hash::default();
        one.insert(b("a"), b("1"));
        one.insert(b("b"), b("2"));
        let mut two = Hash::default();
        two.insert(b("b"), b("2"));
        two.insert(b("a"), b("1"));
        assert_eq!(one, two);
        two.insert(b("a"), b("3"));
        assert_ne!(one, two);
    }
}
