//! What users hold: the engine, connections, pipelines, transactions, and the view of the
//! data inside an `atomically` closure.

#[cfg(feature = "async")]
pub(crate) mod async_connection;
#[cfg(feature = "async")]
pub(crate) mod async_rate_limit;
#[cfg(feature = "async")]
pub(crate) mod async_subscriber;
pub(crate) mod atomically;
pub(crate) mod command_monitor;
pub(crate) mod connection;
pub(crate) mod engine;
pub(crate) mod pipeline;
pub(crate) mod rate_limiter;
pub mod stream_consumer;
pub mod subscriber;
pub(crate) mod transaction;
