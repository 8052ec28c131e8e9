//! The sixteen databases of `SELECT`, one of them active at a time.
//!
//! Commands see one keyspace, `Ctx::db`: the *active* database. The executor activates a
//! connection's database before running its command (and `SELECT` activates another in the
//! middle of a transaction), so every command family keeps working on one `&mut Keyspace`
//! and never names a database. The others wait here, parked. Activating swaps two keyspaces
//! (a few words each, no key moves), and only when the database changes: a program that
//! never selects pays nothing.
//!
//! Each keyspace carries its own index ([`Keyspace::index`]), so whatever names a database
//! — keyspace channels, WATCH, blocked reads, the append-only file — asks the keyspace it
//! works on.

use crate::store::keyspace::Keyspace;

/// How many databases there are (redis-server's default `databases 16`).
pub(crate) const DATABASES: usize = 16;

/// The databases not active now.
#[derive(Debug)]
pub(crate) struct Databases {
    /// Slot `i` holds database `i`, except the active database's slot, which holds an
    /// empty stand-in while its keys are out (nothing writes to a parked keyspace, so it
    /// stays empty).
    parked: Vec<Keyspace>,
    /// The earliest key deadline among the parked databases. A parked database cannot
    /// change (every write goes to the active one), so this is computed when one is parked,
    /// and the executor's per-batch question "is anything due?" stays one comparison.
    parked_deadline: Option<u64>,
}

impl Default for Databases {
    fn default() -> Databases {
        Databases {
            parked: (0..DATABASES).map(Keyspace::with_index).collect(),
            parked_deadline: None,
        }
    }
}

impl Databases {
    /// Makes database `index` the active one: `active` (database `active.index()` until
    /// now) is parked and database `index` takes its place. `index` must be below
    /// [`DATABASES`]; SELECT checks it first.
    pub(crate) fn activate(&mut self, active: &mut Keyspace, index: usize) {
        let current = active.index();
        if current == index || index >= DATABASES {
            return;
        }
        // The stand-in in the current slot comes out, the active keys go in; then the
        // stand-in takes the place of the keys of `index`.
        std::mem::swap(active, &mut self.parked[current]);
        std::mem::swap(active, &mut self.parked[index]);
        self.parked_deadline = self.earliest_parked_deadline();
    }

    /// The earliest key deadline among the parked databases.
    pub(crate) fn parked_deadline(&self) -> Option<u64> {
        self.parked_deadline
    }

    /// SWAPDB: databases `first` and `second` (below [`DATABASES`]) exchange their keys;
    /// the active database stays active, with the other's keys.
    pub(crate) fn swap(&mut self, active: &mut Keyspace, first: usize, second: usize) {
        let current = active.index();
        if first == second || first.max(second) >= DATABASES {
            return;
        }
        if first == current {
            active.swap_contents(&mut self.parked[second]);
        } else if second == current {
            active.swap_contents(&mut self.parked[first]);
        } else {
            let (low, high) = (first.min(second), first.max(second));
            let (left, right) = self.parked.split_at_mut(high);
            left[low].swap_contents(&mut right[0]);
        }
        self.parked_deadline = self.earliest_parked_deadline();
    }

    /// The stand-in is empty, so it needs no skipping.
    fn earliest_parked_deadline(&self) -> Option<u64> {
        self.parked.iter().filter_map(Keyspace::next_deadline).min()
    }

    /// Database `index`, whether active or parked.
    pub(crate) fn get<'a>(&'a self, active: &'a Keyspace, index: usize) -> Option<&'a Keyspace> {
        if index == active.index() {
            Some(active)
        } else {
            self.parked.get(index)
        }
    }

    /// Every database, in index order.
    pub(crate) fn all<'a>(&'a self, active: &'a Keyspace) -> impl Iterator<Item = &'a Keyspace> {
        (0..DATABASES).filter_map(move |index| self.get(active, index))
    }

    /// Every parked database (the active one is the caller's), in index order. The
    /// caller may only do what leaves their deadlines as they are (start or end a load,
    /// forget expired-key records).
    pub(crate) fn parked_mut(&mut self, active: usize) -> impl Iterator<Item = &mut Keyspace> {
        self.parked
            .iter_mut()
            .enumerate()
            .filter(move |(index, _)| *index != active)
            .map(|(_, keyspace)| keyspace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    use crate::store::value::Value;

    fn put(keyspace: &mut Keyspace, key: &'static str) {
        keyspace.insert(Bytes::from_static(key.as_bytes()), Value::Int(1), None);
    }

    #[test]
    fn activating_swaps_whole_databases_and_back() {
        let mut databases = Databases::default();
        let mut active = Keyspace::with_index(0);
        put(&mut active, "in-0");
        databases.activate(&mut active, 3);
        assert_eq!(active.index(), 3);
        assert_eq!(active.len(), 0);
        put(&mut active, "in-3a");
        put(&mut active, "in-3b");
        databases.activate(&mut active, 15);
        assert_eq!((active.index(), active.len()), (15, 0));
        databases.activate(&mut active, 0);
        assert_eq!((active.index(), active.len()), (0, 1));
        let sizes: Vec<(usize, usize)> = databases
            .all(&active)
            .map(|keyspace| (keyspace.index(), keyspace.len()))
            .filter(|(_, len)| *len > 0)
            .collect();
        assert_eq!(sizes, vec![(0, 1), (3, 2)]);
        assert_eq!(databases.all(&active).count(), DATABASES);
        assert_eq!(databases.parked_mut(0).count(), DATABASES - 1);
    }

    #[test]
    fn the_parked_deadline_is_the_earliest_among_parked_databases() {
        let mut databases = Databases::default();
        let mut active = Keyspace::with_index(0);
        active.insert(Bytes::from_static(b"a"), Value::Int(1), Some(500));
        databases.activate(&mut active, 1);
        active.insert(Bytes::from_static(b"b"), Value::Int(1), Some(300));
        assert_eq!(databases.parked_deadline(), Some(500));
        databases.activate(&mut active, 2);
        assert_eq!(databases.parked_deadline(), Some(300));
        databases.activate(&mut active, 1);
        assert_eq!(databases.parked_deadline(), Some(500));
    }

    #[test]
    fn swapping_exchanges_keys_but_not_numbers() {
        let mut databases = Databases::default();
        let mut active = Keyspace::with_index(0);
        put(&mut active, "zero");
        databases.activate(&mut active, 4);
        active.insert(Bytes::from_static(b"four"), Value::Int(4), Some(900));
        databases.activate(&mut active, 0);
        assert_eq!(databases.parked_deadline(), Some(900));
        // The active database with a parked one.
        databases.swap(&mut active, 0, 4);
        assert_eq!((active.index(), active.len()), (0, 1));
        assert!(active.contains_raw(b"four"));
        assert_eq!(databases.parked_deadline(), None);
        // Two parked ones.
        databases.swap(&mut active, 4, 9);
        databases.activate(&mut active, 9);
        assert!(active.contains_raw(b"zero"));
        assert_eq!(active.index(), 9);
        assert_eq!(databases.get(&active, 4).map(Keyspace::len), Some(0));
    }

    #[test]
    fn an_index_out_of_range_changes_nothing() {
        let mut databases = Databases::default();
        let mut active = Keyspace::with_index(0);
        databases.activate(&mut active, DATABASES);
        assert_eq!(active.index(), 0);
        assert!(databases.get(&active, DATABASES).is_none());
    }
}
