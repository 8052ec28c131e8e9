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
