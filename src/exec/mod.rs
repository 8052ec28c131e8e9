//! The executor: ordering, batching, WATCH bookkeeping, expiry ticks and shutdown. No command
//! semantics live here; those are in `cmd/`.

pub(crate) mod acl_log;
pub(crate) mod blocking;
pub(crate) mod clients;
pub(crate) mod core;
pub(crate) mod databases;
pub(crate) mod executor;
pub(crate) mod fanout;
pub(crate) mod group_commit;
pub(crate) mod monitor;
pub(crate) mod notify;
pub(crate) mod pause;
pub(crate) mod recycler;
pub(crate) mod reply_sink;
pub(crate) mod reply_switch;
pub(crate) mod session;
pub(crate) mod slowlog;
pub(crate) mod stats;
pub(crate) mod tracking;
pub(crate) mod wait;
pub(crate) mod watch;
