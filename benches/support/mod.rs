//! Helpers shared by the benches (`round_trip`, `rate_limit`): thread pinning, a raw RESP
//! client with its redis-server child, and the end-of-run summary. (A subdirectory, so cargo
//! does not take them for benches.)

pub mod affinity;
pub mod resp;
pub mod summary;
