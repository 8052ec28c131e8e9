//! Streams as pure data: IDs, the packed log, consumer groups. No argv, replies or clocks.

pub(crate) mod group;
pub(crate) mod id;
pub(crate) mod log;

use std::collections::BTreeMap;

use bytes::Bytes;

pub use group::{Group, Journal, Pending};
pub use id::StreamId;
pub use log::{StreamEntry, StreamLog, Trim};

/// A stream value: its log and its consumer groups (ordered by name, as XINFO lists them).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Stream {
    /// The entries.
    pub log: StreamLog,
    /// Consumer groups by name.
    pub groups: BTreeMap<Bytes, Group>,
}

impl Stream {
    /// Removes `id` from every group's pending list (Redis 8.2's DELREF).
    pub fn drop_references(&mut self, id: StreamId) {
        for group in self.groups.values_mut() {
            group.ack(id);
        }
    }
}

/// Whether any of `groups` still needs `id` (Redis 8.2's ACKED): it is pending in some
/// group, or some group has not been delivered that far yet.
pub(crate) fn referenced(groups: &BTreeMap<Bytes, Group>, id: StreamId) -> bool {
    groups
        .values()
        .any(|group| group.pel.contains_key(&id) || group.last_id < id)
}
