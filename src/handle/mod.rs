//! What users hold: the engine, connections, pipelines, transactions, and the view of the
//! data inside an `atomically` closure.

pub(crate) mod atomically;
pub(crate) mod connection;
pub(crate) mod engine;
pub(crate) mod pipeline;
pub(crate) mod rate_limiter;
pub mod stream_consumer;
pub mod subscriber;
pub(crate) mod transaction;
