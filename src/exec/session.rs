//! Per-connection state the executor keeps, as redis-server keeps it per client.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

use bytes::Bytes;

use crate::cmd::Command;
use crate::Protocol;

/// The Redis version whose behaviour embedis follows, reported by HELLO.
pub(crate) const SERVER_VERSION: &str = "7.0.15";

/// A transaction being queued.
#[derive(Debug, Default)]
pub(crate) struct MultiState {
    pub(crate) queue: Vec<Command>,
    /// A command was rejected while queueing: EXEC must answer EXECABORT.
    pub(crate) aborted: bool,
}

/// One connection's state.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) id: u64,
    pub(crate) name: Option<Bytes>,
    protocol: Protocol,
    /// Shared with the connection handle so it can tell which RESP version it speaks.
    protocol_view: Arc<AtomicU8>,
    pub(crate) multi: Option<MultiState>,
    pub(crate) watched: Vec<Bytes>,
    /// QUIT ran: the executor closes the connection after replying.
    pub(crate) closing: bool,
    /// The session of `Engine::atomically` closures, where connection commands are refused.
    pub(crate) scripted: bool,
}

impl Session {
    pub(crate) fn new(id: u64, protocol_view: Arc<AtomicU8>) -> Session {
        Session {
            id,
            name: None,
            protocol: Protocol::Resp2,
            protocol_view,
            multi: None,
            watched: Vec::new(),
            closing: false,
            scripted: false,
        }
    }

    pub(crate) fn protocol(&self) -> Protocol {
        self.protocol
    }

    pub(crate) fn set_protocol(&mut self, protocol: Protocol) {
        self.protocol = protocol;
        self.protocol_view
            .store(protocol_to_u8(protocol), Ordering::Release);
    }
}

pub(crate) fn protocol_to_u8(protocol: Protocol) -> u8 {
    match protocol {
        Protocol::Resp2 => 2,
        Protocol::Resp3 => 3,
    }
}

pub(crate) fn protocol_from_u8(value: u8) -> Protocol {
    if value == 3 {
        Protocol::Resp3
    } else {
        Protocol::Resp2
    }
}
