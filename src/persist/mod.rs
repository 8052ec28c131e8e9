//! Getting data out of an engine and back in: the dataset as a stream of Redis commands.

pub mod export;
pub(crate) mod resp;
pub(crate) mod rewrite;
