//! Pure data structures: no argv, no replies, no channels, no clocks (time is a parameter).

pub(crate) mod bitmap;
pub(crate) mod c_string;
pub(crate) mod double;
pub(crate) mod gcra;
pub(crate) mod geohash;
pub(crate) mod glob;
pub(crate) mod hash;
pub(crate) mod hyperloglog;
pub(crate) mod keyspace;
pub(crate) mod list;
pub(crate) mod listpack_size;
pub(crate) mod long_double;
pub(crate) mod memory_usage;
pub(crate) mod number;
pub(crate) mod pubsub;
pub(crate) mod random;
pub(crate) mod scan_order;
pub(crate) mod sds_text;
pub(crate) mod set;
pub(crate) mod stream;
pub(crate) mod value;
pub(crate) mod zset;
