//! The values a key can hold. One variant per Redis type; more arrive with streams and
//! rate-limit buckets.

use bytes::Bytes;

/// A stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A Redis string: any bytes, integers and floats kept in their decimal text as Redis
    /// shows them.
    String(Bytes),
}

impl Value {
    /// The name TYPE replies with and SCAN TYPE filters by.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
        }
    }

    /// The bytes of a string value, or `None` for other types.
    pub fn as_string(&self) -> Option<&Bytes> {
        match self {
            Value::String(bytes) => Some(bytes),
        }
    }
}
