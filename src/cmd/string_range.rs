//! Substrings: GETRANGE (and its old name SUBSTR) and SETRANGE, as redis-server 7.0 has
//! them.
//!
//! SETRANGE edits the string in place (no copy when nothing else holds it) and logs
//! itself: replaying it is deterministic, and a bitmap-sized string is not rewritten whole
//! into the append-only file at every write.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::{BitmapError, Error, Reply};

/// Redis's `proto-max-bulk-len` default: no string may grow past 512 MiB.
pub(crate) const MAX_STRING_LEN: u64 = 512 * 1024 * 1024;

/// Redis's index arithmetic for `start end` over `len` items (GETRANGE, BITCOUNT, BITPOS):
/// negative from the end, clamped to the string; `None` for an empty range.
pub(crate) fn resolve_range(start: i64, end: i64, len: u64) -> Option<(u64, u64)> {
    let len = i128::from(len);
    let from_end = |index: i64| {
        let index = i128::from(index);
        let index = if index < 0 { len + index } else { index };
        index.max(0)
    };
    let (start, end) = (from_end(start), from_end(end).min(len - 1));
    if start > end || len == 0 {
        return None;
    }
    Some((u64::try_from(start).ok()?, u64::try_from(end).ok()?))
}

/// GETRANGE's and BITCOUNT's early answer: two negative indexes the wrong way round select
/// nothing, decided before any clamping (`GETRANGE k -1 -5` is empty where clamping alone
/// would give the first byte).
pub(crate) fn reversed_negatives(start: i64, end: i64) -> bool {
    start < 0 && end < 0 && start > end
}

/// `GETRANGE key start end` (and `SUBSTR`): the bytes from `start` to `end` inclusive,
/// negative from the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetRange {
    pub(crate) key: Bytes,
    start: i64,
    end: i64,
    substr: bool,
}

impl GetRange {
    /// `GETRANGE key start end`.
    ///
    /// ```
    /// use embedis::{cmd::GetRange, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "Hello World"]).unwrap();
    /// assert_eq!(&conn.run(GetRange::new("k", -5, -1)).unwrap()[..], b"World");
    /// ```
    pub fn new(key: impl IntoArg, start: i64, end: i64) -> GetRange {
        GetRange {
            key: key.into_arg(),
            start,
            end,
            substr: false,
        }
    }

    fn parse_with(args: &mut Args, substr: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let start = args.next_i64()?;
        let end = args.next_i64()?;
        Ok(Command::GetRange(GetRange {
            key,
            start,
            end,
            substr,
        }))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        GetRange::parse_with(args, false)
    }

    pub(crate) fn parse_substr(args: &mut Args) -> Result<Command, Error> {
        GetRange::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.substr {
            "substr"
        } else {
            "getrange"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let value = match ctx.read_string(&self.key) {
            Ok(value) => value.unwrap_or_default(),
            Err(error) => return error.into(),
        };
        if reversed_negatives(self.start, self.end) {
            return Reply::Bulk(Bytes::new());
        }
        match resolve_range(self.start, self.end, value.len() as u64) {
            Some((start, end)) => Reply::Bulk(value.slice(start as usize..=end as usize)),
            None => Reply::Bulk(Bytes::new()),
        }
    }
}

/// `SETRANGE key offset value`: overwrites from `offset` (zero-padding a shorter string),
/// replies the new length. An empty value changes nothing and creates no key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRange {
    key: Bytes,
    offset: u64,
    value: Bytes,
}

impl SetRange {
    /// `SETRANGE key offset value`.
    ///
    /// ```
    /// use embedis::{cmd::SetRange, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "Hello World"]).unwrap();
    /// assert_eq!(conn.run(SetRange::new("k", 6, "Redis")).unwrap(), 11);
    /// assert_eq!(conn.call(["GET", "k"]).unwrap(), embedis::Reply::bulk("Hello Redis"));
    /// ```
    pub fn new(key: impl IntoArg, offset: u64, value: impl IntoArg) -> SetRange {
        SetRange {
            key: key.into_arg(),
            offset,
            value: value.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let offset = args.next_i64()?;
        let offset = u64::try_from(offset).map_err(|_| BitmapError::OffsetOutOfRange)?;
        let value = args.next_bytes()?;
        Ok(Command::SetRange(SetRange { key, offset, value }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let current = match ctx.get_string(&self.key) {
            Ok(current) => current,
            Err(error) => return error.into(),
        };
        if self.value.is_empty() {
            return Reply::Integer(current.map_or(0, |value| value.len() as i64));
        }
        let end = self.offset.saturating_add(self.value.len() as u64);
        if end > MAX_STRING_LEN {
            return Error::StringTooLong.into();
        }
        let (offset, end) = (self.offset as usize, end as usize);
        let written = ctx.edit_string(&self.key, end, |bytes| {
            bytes[offset..end].copy_from_slice(&self.value);
            bytes.len()
        });
        let len = match written {
            Ok(len) => len,
            Err(error) => return error.into(),
        };
        if ctx.logging() {
            let offset = self.offset.to_string();
            ctx.log_effect(&[&b"SETRANGE"[..], &self.key, offset.as_bytes(), &self.value]);
        }
        ctx.explicitly_logged(|ctx| ctx.touch(&self.key));
        ctx.notify(notify::STRING, "setrange", &self.key);
        Reply::Integer(len as i64)
    }
}
