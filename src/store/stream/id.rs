//! Stream entry IDs: `<milliseconds>-<sequence>`, two 64-bit parts, ordered numerically.
//!
//! Parsing follows redis-server's `streamGenericParseIDOrReply`: each part goes through
//! Redis's `string2ull` (canonical integers first, then C's `strtoull`, which also takes
//! leading spaces, a sign and leading zeros), the ID may omit its sequence (the caller says
//! which one it means: 0 for a range start, the maximum for a range end), and `-` / `+` are
//! the smallest and largest IDs where the command allows them.

use std::fmt;
use std::str::FromStr;

use super::super::c_string::c_string;
use super::super::number::{parse_i64, strtoull_body};

/// A stream entry ID.
///
/// ```
/// use embedis::StreamId;
/// let id: StreamId = "1700000000000-3".parse().unwrap();
/// assert_eq!(id, StreamId::new(1_700_000_000_000, 3));
/// assert_eq!(id.to_string(), "1700000000000-3");
/// assert!(StreamId::new(1, 0) > StreamId::new(0, 99));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct StreamId {
    /// Milliseconds part (by convention a Unix time in milliseconds).
    pub ms: u64,
    /// Sequence within the millisecond.
    pub seq: u64,
}

impl StreamId {
    /// `0-0`, below every entry (`-` in ranges).
    pub const MIN: StreamId = StreamId { ms: 0, seq: 0 };
    /// The largest ID (`+` in ranges).
    pub const MAX: StreamId = StreamId {
        ms: u64::MAX,
        seq: u64::MAX,
    };

    /// An ID from its two parts.
    ///
    /// ```
    /// assert_eq!(embedis::StreamId::new(5, 1).to_string(), "5-1");
    /// ```
    pub const fn new(ms: u64, seq: u64) -> StreamId {
        StreamId { ms, seq }
    }

    /// The next ID, or `None` after [`StreamId::MAX`].
    ///
    /// ```
    /// use embedis::StreamId;
    /// assert_eq!(StreamId::new(1, u64::MAX).next(), Some(StreamId::new(2, 0)));
    /// assert_eq!(StreamId::MAX.next(), None);
    /// ```
    pub fn next(self) -> Option<StreamId> {
        match self.seq.checked_add(1) {
            Some(seq) => Some(StreamId::new(self.ms, seq)),
            None => Some(StreamId::new(self.ms.checked_add(1)?, 0)),
        }
    }

    /// The previous ID, or `None` before [`StreamId::MIN`].
    ///
    /// ```
    /// use embedis::StreamId;
    /// assert_eq!(StreamId::new(2, 0).prev(), Some(StreamId::new(1, u64::MAX)));
    /// assert_eq!(StreamId::MIN.prev(), None);
    /// ```
    pub fn prev(self) -> Option<StreamId> {
        match self.seq.checked_sub(1) {
            Some(seq) => Some(StreamId::new(self.ms, seq)),
            None => Some(StreamId::new(self.ms.checked_sub(1)?, u64::MAX)),
        }
    }

    /// Parses `ms-seq` or `ms` (then the sequence is `missing_seq`), and `-` / `+` unless
    /// `strict`. `None` is Redis's "Invalid stream ID".
    pub(crate) fn parse_with(text: &[u8], missing_seq: u64, strict: bool) -> Option<StreamId> {
        match Parsed::parse(text, missing_seq, strict)? {
            Parsed::Id(id) => Some(id),
            Parsed::AutoSeq(_) => None,
        }
    }
}

/// An XADD ID argument once `*` has been ruled out: complete, or `<ms>-*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parsed {
    Id(StreamId),
    /// `<ms>-*`: the sequence is chosen by the stream.
    AutoSeq(u64),
}

impl Parsed {
    pub(crate) fn parse(text: &[u8], missing_seq: u64, strict: bool) -> Option<Parsed> {
        // Redis copies the argument into a 128-byte buffer first.
        if text.len() > 127 {
            return None;
        }
        // Then reads it as a C string.
        let text = c_string(text);
        if !strict {
            match text {
                b"-" => return Some(Parsed::Id(StreamId::MIN)),
                b"+" => return Some(Parsed::Id(StreamId::MAX)),
                _ => {}
            }
        }
        match text.iter().position(|&b| b == b'-') {
            None => Some(Parsed::Id(StreamId::new(string2ull(text)?, missing_seq))),
            Some(dash) => {
                let ms = string2ull(&text[..dash])?;
                let seq = &text[dash + 1..];
                if seq == b"*" {
                    Some(Parsed::AutoSeq(ms))
                } else {
                    Some(Parsed::Id(StreamId::new(ms, string2ull(seq)?)))
                }
            }
        }
    }
}

/// Redis's `string2ull`: a canonical non-negative integer, or else whatever C's `strtoull`
/// accepts in full (leading white space, a sign, leading zeros; a `-` negates modulo 2⁶⁴).
pub(crate) fn string2ull(text: &[u8]) -> Option<u64> {
    if let Some(value) = parse_i64(text) {
        return u64::try_from(value).ok();
    }
    let start = text
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))?;
    strtoull_body(&text[start..])
}

/// Longest text of an ID: two 20-digit numbers and the dash.
const MAX_ID_TEXT: usize = 41;

impl StreamId {
    /// The ID as Redis prints it, `<ms>-<seq>`, as one exactly sized buffer: every stream
    /// reply carries IDs, so this skips the formatting machinery and a growing `String`.
    pub(crate) fn to_bytes(self) -> bytes::Bytes {
        let mut text = [0u8; MAX_ID_TEXT];
        bytes::Bytes::copy_from_slice(self.write_text(&mut text))
    }

    /// Writes `<ms>-<seq>` at the end of `text`; returns the written part.
    fn write_text(self, text: &mut [u8; MAX_ID_TEXT]) -> &[u8] {
        let mut start = write_decimal_backwards(text, MAX_ID_TEXT, self.seq);
        start -= 1;
        text[start] = b'-';
        start = write_decimal_backwards(text, start, self.ms);
        &text[start..]
    }
}

/// Writes `n` in decimal so that it ends just before `end`; returns where it starts.
fn write_decimal_backwards(text: &mut [u8; MAX_ID_TEXT], mut end: usize, mut n: u64) -> usize {
    loop {
        end -= 1;
        text[end] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return end;
        }
    }
}

impl fmt::Display for StreamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = [0u8; MAX_ID_TEXT];
        // Digits and a dash: always UTF-8.
        let text = std::str::from_utf8(self.write_text(&mut text)).map_err(|_| fmt::Error)?;
        f.write_str(text)
    }
}

/// The error of parsing a [`StreamId`] from text.
///
/// ```
/// assert!("x".parse::<embedis::StreamId>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidStreamId;

impl fmt::Display for InvalidStreamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Invalid stream ID specified as stream command argument")
    }
}

impl std::error::Error for InvalidStreamId {}

impl FromStr for StreamId {
    type Err = InvalidStreamId;

    /// `ms-seq`, or `ms` (sequence 0), as Redis reads an ID.
    fn from_str(text: &str) -> Result<StreamId, InvalidStreamId> {
        StreamId::parse_with(text.as_bytes(), 0, true).ok_or(InvalidStreamId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_the_display_text() {
        for id in [
            StreamId::MIN,
            StreamId::MAX,
            StreamId::new(1, 0),
            StreamId::new(0, 9),
            StreamId::new(1_700_000_000_000, 10),
            StreamId::new(u64::MAX, 0),
            StreamId::new(10, u64::MAX),
        ] {
            assert_eq!(id.to_bytes(), id.to_string().as_bytes());
            assert_eq!(id.to_string(), format!("{}-{}", id.ms, id.seq));
        }
    }

    #[test]
    fn parses_like_redis_string2ull() {
        let parse = |t: &str| StreamId::parse_with(t.as_bytes(), 0, true);
        assert_eq!(parse("1-2"), Some(StreamId::new(1, 2)));
        assert_eq!(parse("5"), Some(StreamId::new(5, 0)));
        assert_eq!(parse("01-+2"), Some(StreamId::new(1, 2)));
        assert_eq!(parse(" 7"), Some(StreamId::new(7, 0)));
        assert_eq!(
            parse("18446744073709551615-0"),
            Some(StreamId::new(u64::MAX, 0))
        );
        assert_eq!(parse("18446744073709551616"), None);
        assert_eq!(parse("-"), None, "strict");
        assert_eq!(parse("-1"), None, "the empty ms part");
        assert_eq!(parse("1-"), None);
        assert_eq!(parse("1-2-3"), None);
        assert_eq!(parse("a"), None);
        assert_eq!(StreamId::parse_with(b"-", 0, false), Some(StreamId::MIN));
        assert_eq!(StreamId::parse_with(b"+", 0, false), Some(StreamId::MAX));
        assert_eq!(
            StreamId::parse_with(b"3", u64::MAX, false),
            Some(StreamId::new(3, u64::MAX))
        );
    }

    #[test]
    fn auto_sequence_is_only_for_the_sequence_part() {
        assert_eq!(Parsed::parse(b"5-*", 0, true), Some(Parsed::AutoSeq(5)));
        assert_eq!(Parsed::parse(b"*-1", 0, true), None);
        assert_eq!(StreamId::parse_with(b"5-*", 0, true), None);
    }
}
