//! Helpers local to the `round_trip` bench: a raw RESP client with its redis-server child,
//! and the end-of-run summary. (A subdirectory, so cargo does not take them for benches.)

pub mod affinity;
pub mod resp;
pub mod summary;
