//! Consumer groups: the last delivered ID, the pending entries list (PEL), consumers.
//!
//! The group's PEL is ordered by ID (`BTreeMap`), so acknowledging, claiming and range
//! queries are O(log n); each consumer keeps the IDs it owns in its own ordered set, so
//! reading a consumer's history never scans the other consumers' entries. Times are
//! milliseconds on the engine clock, passed in.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use bytes::Bytes;

use super::id::StreamId;

/// One delivered, unacknowledged entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The consumer that owns it.
    pub consumer: Bytes,
    /// When it was last delivered (ms).
    pub delivered_at: u64,
    /// How many times it was delivered.
    pub deliveries: u64,
}

/// A consumer of a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consumer {
    /// Last interaction of any kind (ms): XINFO CONSUMERS `idle` counts from it.
    pub seen_at: u64,
    /// Last successful read or claim (ms), `None` before any: `inactive` counts from it.
    pub active_at: Option<u64>,
    /// The IDs it owns in the group's PEL.
    pub pending: BTreeSet<StreamId>,
}

/// A consumer group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// The last ID delivered to any consumer.
    pub last_id: StreamId,
    /// Entries read by the group so far (for lag), when known.
    pub entries_read: Option<u64>,
    /// Pending entries by ID.
    pub pel: BTreeMap<StreamId, Pending>,
    /// Consumers by name (ordered, as XINFO CONSUMERS lists them).
    pub consumers: BTreeMap<Bytes, Consumer>,
    /// Entries released by XNACK, in release order: claimed before other idle entries.
    pub nacked: VecDeque<StreamId>,
    /// What changed while a journal is open (`None`: not recording, the usual case).
    pub journal: Option<Journal>,
}

/// The pending entries and consumers a command changed, recorded while the append-only
/// file needs them: the command's effect is then redone from their final state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    /// IDs whose pending entry was added, moved, updated or removed, in order (may repeat).
    pub ids: Vec<StreamId>,
    /// Consumers created.
    pub consumers: Vec<Bytes>,
}

impl Group {
    fn record(&mut self, id: StreamId) {
        if let Some(journal) = self.journal.as_mut() {
            journal.ids.push(id);
        }
    }

    /// Records that `id`'s pending entry was changed in place (a re-delivery).
    pub fn record_change(&mut self, id: StreamId) {
        self.record(id);
    }
}

impl Group {
    /// A group starting after `last_id`.
    pub fn new(last_id: StreamId, entries_read: Option<u64>) -> Group {
        Group {
            last_id,
            entries_read,
            ..Group::default()
        }
    }

    /// The consumer, created if missing (`seen_at` = now); returns whether it was created.
    pub fn touch_consumer(&mut self, name: &Bytes, now_ms: u64) -> (&mut Consumer, bool) {
        let created = !self.consumers.contains_key(name);
        if created && let Some(journal) = self.journal.as_mut() {
            journal.consumers.push(name.clone());
        }
        let consumer = self
            .consumers
            .entry(name.clone())
            .or_insert_with(|| Consumer {
                seen_at: now_ms,
                active_at: None,
                pending: BTreeSet::new(),
            });
        consumer.seen_at = now_ms;
        (consumer, created)
    }

    /// Records a delivery of `id` to `consumer`: a new PEL entry, or an existing one moved
    /// to this consumer with its delivery count increased.
    pub fn deliver(&mut self, id: StreamId, consumer: &Bytes, now_ms: u64) {
        self.record(id);
        if !self.nacked.is_empty() {
            self.nacked.retain(|&other| other != id);
        }
        let previous = self.pel.insert(
            id,
            Pending {
                consumer: consumer.clone(),
                delivered_at: now_ms,
                deliveries: 1,
            },
        );
        if let Some(previous) = previous {
            if let Some(owner) = self.consumers.get_mut(&previous.consumer) {
                owner.pending.remove(&id);
            }
            if let Some(entry) = self.pel.get_mut(&id) {
                entry.deliveries = previous.deliveries + 1;
            }
        }
        if let Some(owner) = self.consumers.get_mut(consumer) {
            owner.pending.insert(id);
        }
    }

    /// Whether `id` was released by XNACK and not delivered, claimed or acknowledged since.
    pub fn is_released(&self, id: StreamId) -> bool {
        !self.nacked.is_empty() && self.nacked.contains(&id)
    }

    /// XACK one ID; returns whether it was pending.
    pub fn ack(&mut self, id: StreamId) -> bool {
        let Some(pending) = self.pel.remove(&id) else {
            return false;
        };
        self.record(id);
        if !self.nacked.is_empty() {
            self.nacked.retain(|&other| other != id);
        }
        if let Some(owner) = self.consumers.get_mut(&pending.consumer) {
            owner.pending.remove(&id);
        }
        true
    }

    /// Moves a pending entry to `consumer` (XCLAIM), setting its delivery time and count.
    pub fn claim(&mut self, id: StreamId, consumer: &Bytes, delivered_at: u64, deliveries: u64) {
        self.record(id);
        if !self.nacked.is_empty() {
            self.nacked.retain(|&other| other != id);
        }
        if let Some(pending) = self.pel.get(&id) {
            let owner = pending.consumer.clone();
            if let Some(previous) = self.consumers.get_mut(&owner) {
                previous.pending.remove(&id);
            }
        }
        self.pel.insert(
            id,
            Pending {
                consumer: consumer.clone(),
                delivered_at,
                deliveries,
            },
        );
        if let Some(new_owner) = self.consumers.get_mut(consumer) {
            new_owner.pending.insert(id);
        }
    }

    /// Removes a consumer and its pending entries; returns how many it had.
    pub fn remove_consumer(&mut self, name: &[u8]) -> Option<usize> {
        let consumer = self.consumers.remove(name)?;
        for id in &consumer.pending {
            self.pel.remove(id);
        }
        Some(consumer.pending.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Bytes {
        Bytes::copy_from_slice(n.as_bytes())
    }

    #[test]
    fn delivery_ack_and_claim_keep_both_indexes_in_step() {
        let mut group = Group::new(StreamId::MIN, Some(0));
        let (alice, bob) = (name("alice"), name("bob"));
        group.touch_consumer(&alice, 10);
        group.touch_consumer(&bob, 10);
        let id = StreamId::new(1, 0);
        group.deliver(id, &alice, 10);
        group.deliver(id, &alice, 20);
        assert_eq!(group.pel[&id].deliveries, 2);
        group.claim(id, &bob, 30, 3);
        assert!(group.consumers[&alice].pending.is_empty());
        assert!(group.consumers[&bob].pending.contains(&id));
        assert!(group.ack(id));
        assert!(!group.ack(id));
        assert!(group.consumers[&bob].pending.is_empty());
    }

    #[test]
    fn removing_a_consumer_drops_its_pending_entries() {
        let mut group = Group::default();
        let carol = name("carol");
        group.touch_consumer(&carol, 0);
        group.deliver(StreamId::new(1, 0), &carol, 0);
        group.deliver(StreamId::new(2, 0), &carol, 0);
        assert_eq!(group.remove_consumer(b"carol"), Some(2));
        assert!(group.pel.is_empty());
        assert_eq!(group.remove_consumer(b"carol"), None);
    }
}
