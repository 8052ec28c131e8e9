//! Reply values and their RESP encoding.
//!
//! [`Reply`] is rich enough for RESP3 (maps, sets, doubles, booleans, pushes) and renders to
//! RESP2 the way redis-server downgrades each type for a RESP2 client: maps become flat
//! arrays, sets become arrays, doubles become bulk strings, booleans become integers and both
//! kinds of null become the RESP2 null its command uses (`$-1` for a missing string, `*-1`
//! for a missing array). [`Reply::encode`] writes the exact bytes a server would send, so
//! differential tests compare bytes, and a RESP bridge (redis-rs, an AOF) can reuse it.

use bytes::Bytes;
use std::borrow::Cow;

use crate::Error;

/// The RESP protocol version a connection speaks (`HELLO 2` or `HELLO 3`).
///
/// ```
/// assert_eq!(embedis::Protocol::default(), embedis::Protocol::Resp2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Protocol {
    /// RESP2, the default of every new connection, as on redis-server.
    #[default]
    Resp2,
    /// RESP3, switched on with `HELLO 3`.
    Resp3,
}

/// One reply frame.
///
/// ```
/// use embedis::{Protocol, Reply};
/// let reply = Reply::Array(vec![Reply::Integer(1), Reply::bulk("two")]);
/// assert_eq!(reply.to_resp(Protocol::Resp2), b"*2\r\n:1\r\n$3\r\ntwo\r\n");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A simple string (`+OK`).
    Status(Cow<'static, str>),
    /// An error reply (`-ERR ...`).
    Error(Error),
    /// An integer (`:1`).
    Integer(i64),
    /// A binary-safe string (`$3\r\nfoo`).
    Bulk(Bytes),
    /// A missing string: `$-1` in RESP2, `_` in RESP3.
    Nil,
    /// A missing array (EXEC after a failed WATCH): `*-1` in RESP2, `_` in RESP3.
    NilArray,
    /// An array of replies.
    Array(Vec<Reply>),
    /// A RESP3 map; a flat array of key, value, key, value in RESP2.
    Map(Vec<(Reply, Reply)>),
    /// A RESP3 set; an array in RESP2.
    Set(Vec<Reply>),
    /// A RESP3 double; a bulk string in RESP2, formatted as `%.17g`.
    Double(f64),
    /// A double the command formatted itself (INCREX BYFLOAT prints extended precision):
    /// a bulk string in RESP2, a RESP3 double with exactly this text in RESP3.
    FormattedDouble(Bytes),
    /// A RESP3 boolean; the integer 1 or 0 in RESP2.
    Boolean(bool),
    /// A RESP3 out-of-band push (pub/sub messages); an array in RESP2.
    Push(Vec<Reply>),
    /// Plain text (INFO's): a RESP3 verbatim string of format `txt`; a bulk string in RESP2.
    Verbatim(Bytes),
    /// A RESP3 big number (`(3492890328409238509324850943850943825024385`); a bulk string
    /// in RESP2. No command answers one: a script does, by returning `{big_number = text}`,
    /// and as on redis-server the text is sent as it is.
    ///
    /// ```
    /// use embedis::{Protocol, Reply};
    /// let big = Reply::BigNumber(bytes::Bytes::from_static(b"12345678901234567890"));
    /// assert_eq!(big.to_resp(Protocol::Resp3), b"(12345678901234567890\r\n");
    /// assert_eq!(big.to_resp(Protocol::Resp2), b"$20\r\n12345678901234567890\r\n");
    /// ```
    BigNumber(Bytes),
}

impl Reply {
    /// `+OK`.
    ///
    /// ```
    /// assert_eq!(embedis::Reply::OK.to_resp(embedis::Protocol::Resp2), b"+OK\r\n");
    /// ```
    pub const OK: Reply = Reply::Status(Cow::Borrowed("OK"));

    /// A simple-string reply from a static text.
    ///
    /// ```
    /// use embedis::Reply;
    /// assert_eq!(Reply::status("PONG"), Reply::Status("PONG".into()));
    /// ```
    pub const fn status(text: &'static str) -> Reply {
        Reply::Status(Cow::Borrowed(text))
    }

    /// A bulk-string reply, copying `data` once.
    ///
    /// ```
    /// use embedis::Reply;
    /// assert_eq!(Reply::bulk("v"), Reply::Bulk(bytes::Bytes::from_static(b"v")));
    /// ```
    pub fn bulk(data: impl AsRef<[u8]>) -> Reply {
        Reply::Bulk(Bytes::copy_from_slice(data.as_ref()))
    }

    /// The bulk string for an optional value, or nil.
    pub(crate) fn optional(value: Option<Bytes>) -> Reply {
        value.map_or(Reply::Nil, Reply::Bulk)
    }

    /// A `<COMMAND> HELP` reply: one status line per text line, as Redis sends it.
    pub(crate) fn help(lines: &[&'static str]) -> Reply {
        Reply::Array(lines.iter().map(|line| Reply::status(line)).collect())
    }

    /// Whether this reply is an error.
    ///
    /// ```
    /// use embedis::{Error, Reply};
    /// assert!(Reply::Error(Error::Syntax).is_error());
    /// ```
    pub fn is_error(&self) -> bool {
        matches!(self, Reply::Error(_))
    }

    /// The RESP bytes redis-server would send for this reply.
    ///
    /// ```
    /// use embedis::{Protocol, Reply};
    /// assert_eq!(Reply::Nil.to_resp(Protocol::Resp2), b"$-1\r\n");
    /// assert_eq!(Reply::Nil.to_resp(Protocol::Resp3), b"_\r\n");
    /// ```
    pub fn to_resp(&self, protocol: Protocol) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode(protocol, &mut out);
        out
    }

    /// Appends the RESP bytes of this reply to `out`.
    ///
    /// ```
    /// use embedis::{Error, Protocol, Reply};
    /// let mut out = Vec::new();
    /// Reply::Error(Error::Syntax).encode(Protocol::Resp3, &mut out);
    /// assert_eq!(out, b"-ERR syntax error\r\n");
    /// ```
    pub fn encode(&self, protocol: Protocol, out: &mut Vec<u8>) {
        let resp3 = protocol == Protocol::Resp3;
        match self {
            Reply::Status(text) => line(out, b'+', text.as_bytes()),
            Reply::Error(error) => line(out, b'-', error.to_string().as_bytes()),
            Reply::Integer(n) => line(out, b':', n.to_string().as_bytes()),
            Reply::Bulk(data) => bulk(out, data),
            Reply::Nil if resp3 => out.extend_from_slice(b"_\r\n"),
            Reply::Nil => out.extend_from_slice(b"$-1\r\n"),
            Reply::NilArray if resp3 => out.extend_from_slice(b"_\r\n"),
            Reply::NilArray => out.extend_from_slice(b"*-1\r\n"),
            Reply::Array(items) => aggregate(out, b'*', items, protocol),
            Reply::Set(items) if resp3 => aggregate(out, b'~', items, protocol),
            Reply::Set(items) => aggregate(out, b'*', items, protocol),
            Reply::Push(items) if resp3 => aggregate(out, b'>', items, protocol),
            Reply::Push(items) => aggregate(out, b'*', items, protocol),
            Reply::Map(pairs) => {
                let (marker, count) = if resp3 {
                    (b'%', pairs.len())
                } else {
                    (b'*', pairs.len() * 2)
                };
                line(out, marker, count.to_string().as_bytes());
                for (key, value) in pairs {
                    key.encode(protocol, out);
                    value.encode(protocol, out);
                }
            }
            Reply::Double(value) => {
                let text = format_double(*value);
                if resp3 {
                    line(out, b',', text.as_bytes());
                } else {
                    bulk(out, text.as_bytes());
                }
            }
            Reply::Verbatim(text) if resp3 => {
                line(out, b'=', (text.len() + 4).to_string().as_bytes());
                out.extend_from_slice(b"txt:");
                out.extend_from_slice(text);
                out.extend_from_slice(b"\r\n");
            }
            Reply::Verbatim(text) => bulk(out, text),
            Reply::FormattedDouble(text) if resp3 => line(out, b',', text),
            Reply::FormattedDouble(text) => bulk(out, text),
            Reply::BigNumber(digits) if resp3 => line(out, b'(', digits),
            Reply::BigNumber(digits) => bulk(out, digits),
            Reply::Boolean(value) if resp3 => line(out, b'#', if *value { b"t" } else { b"f" }),
            Reply::Boolean(value) => line(out, b':', if *value { b"1" } else { b"0" }),
        }
    }
}

impl From<Error> for Reply {
    fn from(error: Error) -> Reply {
        Reply::Error(error)
    }
}

impl From<crate::BitmapError> for Reply {
    fn from(error: crate::BitmapError) -> Reply {
        Reply::Error(Error::Bitmap(error))
    }
}

impl From<crate::StreamError> for Reply {
    fn from(error: crate::StreamError) -> Reply {
        Reply::Error(Error::Stream(error))
    }
}

impl From<Result<Reply, Error>> for Reply {
    fn from(result: Result<Reply, Error>) -> Reply {
        result.unwrap_or_else(Reply::Error)
    }
}

fn line(out: &mut Vec<u8>, marker: u8, body: &[u8]) {
    out.push(marker);
    out.extend_from_slice(body);
    out.extend_from_slice(b"\r\n");
}

fn bulk(out: &mut Vec<u8>, data: &[u8]) {
    line(out, b'$', data.len().to_string().as_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
}

fn aggregate(out: &mut Vec<u8>, marker: u8, items: &[Reply], protocol: Protocol) {
    line(out, marker, items.len().to_string().as_bytes());
    for item in items {
        item.encode(protocol, out);
    }
}

/// Formats a double as C's `printf("%.17g")`, which redis-server uses for double replies
/// (`inf` and `-inf` spelled out, as Redis does explicitly).
///
/// ```
/// use embedis::reply::format_double;
/// assert_eq!(format_double(1.5), "1.5");
/// assert_eq!(format_double(0.1), "0.10000000000000001");
/// assert_eq!(format_double(1e21), "1e+21");
/// assert_eq!(format_double(f64::INFINITY), "inf");
/// ```
pub fn format_double(value: f64) -> String {
    format_general(value, 17)
}

/// C's `%.<precision>g` (`precision` significant digits, the shorter of fixed and
/// scientific notation, trailing zeros dropped), with Redis's `inf`, `-inf` and `nan`.
pub(crate) fn format_general(value: f64, precision: usize) -> String {
    let precision_i = i32::try_from(precision).unwrap_or(i32::MAX);
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if value.is_nan() {
        // glibc prints the sign of a NaN too (x86's 0/0 has it set).
        return if value.is_sign_negative() {
            "-nan"
        } else {
            "nan"
        }
        .to_string();
    }
    if value == 0.0 {
        return if value.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    // `{:.(p-1)e}` gives the p significant digits %g rounds to, and the exponent %g decides by.
    let scientific = format!("{:.*e}", precision - 1, value);
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if !(-4..precision_i).contains(&exponent) {
        let mantissa = trim_fraction(mantissa);
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exponent.abs())
    } else {
        let decimals = (precision_i - 1 - exponent).max(0) as usize;
        trim_fraction(&format!("{value:.decimals$}")).to_string()
    }
}

/// %g drops trailing zeros of the fraction, and the point itself when nothing follows it.
fn trim_fraction(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// Decodes a reply into a Rust type: how typed commands produce typed results.
///
/// An error reply decodes to `Err` with that error; a reply of another shape than the type
/// expects gives [`Error::UnexpectedReply`].
///
/// ```
/// use embedis::{FromReply, Reply};
/// assert_eq!(i64::from_reply(Reply::Integer(7)).unwrap(), 7);
/// assert_eq!(Option::<bytes::Bytes>::from_reply(Reply::Nil).unwrap(), None);
/// assert!(bool::from_reply(Reply::OK).unwrap());
/// ```
pub trait FromReply: Sized {
    /// Decodes `reply`.
    fn from_reply(reply: Reply) -> Result<Self, Error>;
}

fn unexpected<T>(reply: &Reply) -> Result<T, Error> {
    Err(Error::UnexpectedReply(format!("{reply:?}")))
}

impl FromReply for Reply {
    fn from_reply(reply: Reply) -> Result<Reply, Error> {
        match reply {
            Reply::Error(error) => Err(error),
            other => Ok(other),
        }
    }
}

impl FromReply for () {
    fn from_reply(reply: Reply) -> Result<(), Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Status(_) => Ok(()),
            other => unexpected(&other),
        }
    }
}

impl FromReply for bool {
    /// `OK` and non-zero integers are true; nil and 0 are false.
    fn from_reply(reply: Reply) -> Result<bool, Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Integer(n) => Ok(n != 0),
            Reply::Boolean(b) => Ok(b),
            Reply::Status(_) => Ok(true),
            Reply::Nil | Reply::NilArray => Ok(false),
            other => unexpected(&other),
        }
    }
}

impl FromReply for i64 {
    fn from_reply(reply: Reply) -> Result<i64, Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Integer(n) => Ok(n),
            Reply::Bulk(ref text) => {
                crate::store::number::parse_i64(text).map_or_else(|| unexpected(&reply), Ok)
            }
            other => unexpected(&other),
        }
    }
}

impl FromReply for u64 {
    fn from_reply(reply: Reply) -> Result<u64, Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Integer(n) => u64::try_from(n).or_else(|_| unexpected(&reply)),
            Reply::Bulk(ref text) => {
                crate::store::number::parse_u64(text).map_or_else(|| unexpected(&reply), Ok)
            }
            other => unexpected(&other),
        }
    }
}

impl FromReply for Bytes {
    fn from_reply(reply: Reply) -> Result<Bytes, Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Bulk(data) | Reply::FormattedDouble(data) => Ok(data),
            Reply::Status(text) => Ok(Bytes::from(text.into_owned())),
            other => unexpected(&other),
        }
    }
}

impl FromReply for String {
    fn from_reply(reply: Reply) -> Result<String, Error> {
        let data = Bytes::from_reply(reply)?;
        String::from_utf8(data.to_vec())
            .map_err(|_| Error::UnexpectedReply("a string that is not UTF-8".into()))
    }
}

impl<T: FromReply> FromReply for Option<T> {
    fn from_reply(reply: Reply) -> Result<Option<T>, Error> {
        match reply {
            Reply::Nil | Reply::NilArray => Ok(None),
            other => T::from_reply(other).map(Some),
        }
    }
}

impl<T: FromReply> FromReply for Vec<T> {
    fn from_reply(reply: Reply) -> Result<Vec<T>, Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Array(items) | Reply::Set(items) | Reply::Push(items) => {
                items.into_iter().map(T::from_reply).collect()
            }
            // A RESP3 map decodes as its pairs; a missing array as nothing.
            Reply::Map(pairs) => pairs
                .into_iter()
                .map(|(k, v)| T::from_reply(Reply::Array(vec![k, v])))
                .collect(),
            Reply::NilArray => Ok(Vec::new()),
            other => unexpected(&other),
        }
    }
}

/// A double reply (RESP3), or its text (RESP2's bulk string).
///
/// ```
/// use embedis::{FromReply, Reply};
/// assert_eq!(f64::from_reply(Reply::Double(1.5)).unwrap(), 1.5);
/// assert_eq!(f64::from_reply(Reply::bulk("inf")).unwrap(), f64::INFINITY);
/// ```
impl FromReply for f64 {
    fn from_reply(reply: Reply) -> Result<f64, Error> {
        match reply {
            Reply::Double(value) => Ok(value),
            Reply::Error(error) => Err(error),
            Reply::Bulk(text) | Reply::FormattedDouble(text) => {
                crate::store::double::parse_range_bound(&text)
                    .filter(|_| !text.is_empty())
                    .ok_or_else(|| Error::UnexpectedReply(format!("a double, not {text:?}")))
            }
            other => unexpected(&other),
        }
    }
}

impl FromReply for crate::StreamId {
    fn from_reply(reply: Reply) -> Result<crate::StreamId, Error> {
        let text = String::from_reply(reply)?;
        text.parse()
            .map_err(|_| Error::UnexpectedReply(format!("stream ID {text:?}")))
    }
}

/// `[id, [field, value, ...]]`; an entry deleted since it was delivered (`[id, nil]`)
/// decodes with no fields.
impl FromReply for crate::StreamEntry {
    fn from_reply(reply: Reply) -> Result<crate::StreamEntry, Error> {
        // XREADGROUP ... CLAIM adds idle time and delivery count after the fields.
        let reply = match reply {
            Reply::Array(mut items) if items.len() == 4 => {
                items.truncate(2);
                Reply::Array(items)
            }
            other => other,
        };
        let (id, fields) = <(crate::StreamId, Option<Vec<Bytes>>)>::from_reply(reply)?;
        let mut flat = fields.unwrap_or_default().into_iter();
        let mut pairs = Vec::with_capacity(flat.len() / 2);
        while let (Some(field), Some(value)) = (flat.next(), flat.next()) {
            pairs.push((field, value));
        }
        Ok(crate::StreamEntry { id, fields: pairs })
    }
}

impl<A: FromReply, B: FromReply> FromReply for (A, B) {
    fn from_reply(reply: Reply) -> Result<(A, B), Error> {
        match reply {
            Reply::Error(error) => Err(error),
            Reply::Array(items) if items.len() == 2 => {
                let mut items = items.into_iter();
                match (items.next(), items.next()) {
                    (Some(a), Some(b)) => Ok((A::from_reply(a)?, B::from_reply(b)?)),
                    _ => Err(Error::UnexpectedReply("a pair".into())),
                }
            }
            other => unexpected(&other),
        }
    }
}

/// The reply of TTL, PTTL, EXPIRETIME and PEXPIRETIME, decoded from Redis's -2 / -1 / n.
///
/// ```
/// use embedis::{FromReply, Reply, TtlReply};
/// assert_eq!(TtlReply::from_reply(Reply::Integer(-2)).unwrap(), TtlReply::Missing);
/// assert_eq!(TtlReply::from_reply(Reply::Integer(-1)).unwrap(), TtlReply::Persistent);
/// assert_eq!(TtlReply::from_reply(Reply::Integer(9)).unwrap(), TtlReply::Expires(9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TtlReply {
    /// The key does not exist (-2).
    Missing,
    /// The key exists and has no deadline (-1).
    Persistent,
    /// Time left, or the deadline, in the command's unit.
    Expires(u64),
}

impl FromReply for TtlReply {
    fn from_reply(reply: Reply) -> Result<TtlReply, Error> {
        match i64::from_reply(reply)? {
            -2 => Ok(TtlReply::Missing),
            -1 => Ok(TtlReply::Persistent),
            n => u64::try_from(n)
                .map(TtlReply::Expires)
                .map_err(|_| Error::UnexpectedReply(format!("TTL {n}"))),
        }
    }
}

impl FromReply for crate::cmd::IncrexReply {
    fn from_reply(reply: Reply) -> Result<crate::cmd::IncrexReply, Error> {
        match Vec::<Reply>::from_reply(reply)?.as_slice() {
            [Reply::Integer(value), Reply::Integer(applied)] => Ok(crate::cmd::IncrexReply::Int {
                value: *value,
                applied: *applied,
            }),
            [Reply::FormattedDouble(value), Reply::FormattedDouble(applied)] => {
                Ok(crate::cmd::IncrexReply::Float {
                    value: String::from_utf8_lossy(value).into_owned(),
                    applied: String::from_utf8_lossy(applied).into_owned(),
                })
            }
            other => Err(Error::UnexpectedReply(format!("{other:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resp2_downgrades_resp3_types() {
        let map = Reply::Map(vec![(Reply::bulk("a"), Reply::Integer(1))]);
        assert_eq!(map.to_resp(Protocol::Resp2), b"*2\r\n$1\r\na\r\n:1\r\n");
        assert_eq!(map.to_resp(Protocol::Resp3), b"%1\r\n$1\r\na\r\n:1\r\n");
        assert_eq!(Reply::Boolean(true).to_resp(Protocol::Resp2), b":1\r\n");
        assert_eq!(Reply::Boolean(false).to_resp(Protocol::Resp3), b"#f\r\n");
        assert_eq!(Reply::NilArray.to_resp(Protocol::Resp2), b"*-1\r\n");
        assert_eq!(
            Reply::Double(2.5).to_resp(Protocol::Resp2),
            b"$3\r\n2.5\r\n"
        );
        assert_eq!(Reply::Double(2.5).to_resp(Protocol::Resp3), b",2.5\r\n");
        let push = Reply::Push(vec![Reply::bulk("m")]);
        assert_eq!(push.to_resp(Protocol::Resp3), b">1\r\n$1\r\nm\r\n");
        assert_eq!(push.to_resp(Protocol::Resp2), b"*1\r\n$1\r\nm\r\n");
        let set = Reply::Set(vec![]);
        assert_eq!(set.to_resp(Protocol::Resp3), b"~0\r\n");
    }

    #[test]
    fn doubles_format_like_printf_g17() {
        assert_eq!(format_double(100.0), "100");
        assert_eq!(format_double(-0.0001), "-0.0001");
        assert_eq!(format_double(0.00001), "1.0000000000000001e-05");
        assert_eq!(
            format_double(123456789012345678.0),
            "1.2345678901234568e+17"
        );
        assert_eq!(format_double(3.0), "3");
        assert_eq!(format_double(-0.0), "-0");
        assert_eq!(format_double(1e300), "1.0000000000000001e+300");
    }
}
