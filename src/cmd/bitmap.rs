//! Bit commands over strings, as redis-server 7.0 has them: SETBIT, GETBIT, BITCOUNT,
//! BITPOS, BITOP, BITFIELD and BITFIELD_RO. The bit arithmetic is `store/bitmap.rs`.
//!
//! Arguments are checked where redis-server checks them: SETBIT's, GETBIT's, BITPOS's bit,
//! BITOP's operation and all of BITFIELD before the key (parse errors here); BITCOUNT's
//! and BITPOS's range after it (a missing key answers whatever the range says), so those
//! keep their error for after the lookup.
//!
//! The append-only file: SETBIT logs itself; BITFIELD logs the bytes its writes covered as
//! one `SETRANGE`; BITOP stores a whole new string (`SET`). Each is what redis-server would
//! replay to the same bytes.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::string_range::{resolve_range, reversed_negatives, MAX_STRING_LEN};
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::store::bitmap::{self, BitOp, FieldType, Overflow};
use crate::store::c_string::{c_string, keyword_is};
use crate::store::number::parse_i64;
use crate::store::value::Value;
use crate::{BitmapError, Error, Reply};

/// A bit offset as Redis's `getBitOffsetFromArgument` reads it: an integer (or, where
/// `hash_width` is given, `#n` meaning `n` fields of that width) below 2³².
fn bit_offset(arg: &[u8], hash_width: Option<u32>) -> Result<u64, Error> {
    let (digits, width) = match (arg.split_first(), hash_width) {
        (Some((b'#', rest)), Some(width)) => (rest, i64::from(width)),
        _ => (arg, 1),
    };
    let offset = parse_i64(digits)
        .map(|n| n.wrapping_mul(width))
        .ok_or(BitmapError::BitOffset)?;
    u64::try_from(offset)
        .ok()
        .filter(|offset| offset >> 3 < MAX_STRING_LEN)
        .ok_or(BitmapError::BitOffset.into())
}

/// `SETBIT key offset value`: sets or clears one bit (growing the string with zero bytes),
/// replies the bit's old value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetBit {
    key: Bytes,
    offset: u64,
    on: bool,
}

impl SetBit {
    /// `SETBIT key offset 0|1` (an offset of 2³² or more replies Redis's error).
    ///
    /// ```
    /// use embedis::{cmd::{GetBit, SetBit}, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(SetBit::new("seen:2026-11-27", 42, true)).unwrap(), 0);
    /// assert_eq!(conn.run(GetBit::new("seen:2026-11-27", 42)).unwrap(), 1);
    /// ```
    pub fn new(key: impl IntoArg, offset: u64, on: bool) -> SetBit {
        SetBit {
            key: key.into_arg(),
            offset,
            on,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let offset = bit_offset(&args.next_bytes()?, None)?;
        let on = match parse_i64(&args.next_bytes()?) {
            Some(0) => false,
            Some(1) => true,
            _ => return Err(BitmapError::BitValue.into()),
        };
        Ok(Command::SetBit(SetBit { key, offset, on }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.offset >> 3 >= MAX_STRING_LEN {
            return BitmapError::BitOffset.into();
        }
        let len = (self.offset >> 3) as usize + 1;
        let existed = matches!(ctx.get_string(&self.key), Ok(Some(value)) if value.len() >= len);
        let old = match ctx.edit_string(&self.key, len, |bytes| {
            bitmap::set_bit(bytes, self.offset, self.on)
        }) {
            Ok(old) => old,
            Err(error) => return error.into(),
        };
        // Created, grown, or a bit that changed: a write (7.0 ignores a no-op SETBIT).
        if !existed || old != self.on {
            if ctx.logging() {
                let offset = self.offset.to_string();
                let bit: &[u8] = if self.on { b"1" } else { b"0" };
                ctx.log_effect(&[&b"SETBIT"[..], &self.key, offset.as_bytes(), bit]);
            }
            ctx.explicitly_logged(|ctx| ctx.touch(&self.key));
            ctx.notify(notify::STRING, "setbit", &self.key);
        }
        Reply::Integer(i64::from(old))
    }
}

/// `GETBIT key offset`: the bit at `offset` (0 past the end or for a missing key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetBit {
    pub(crate) key: Bytes,
    offset: u64,
}

impl GetBit {
    /// `GETBIT key offset`.
    ///
    /// ```
    /// use embedis::{cmd::GetBit, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "a"]).unwrap(); // 0b0110_0001
    /// assert_eq!(conn.run(GetBit::new("k", 1)).unwrap(), 1);
    /// assert_eq!(conn.run(GetBit::new("k", 100)).unwrap(), 0);
    /// ```
    pub fn new(key: impl IntoArg, offset: u64) -> GetBit {
        GetBit {
            key: key.into_arg(),
            offset,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let offset = bit_offset(&args.next_bytes()?, None)?;
        Ok(Command::GetBit(GetBit { key, offset }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.offset >> 3 >= MAX_STRING_LEN {
            return BitmapError::BitOffset.into();
        }
        match ctx.read_string(&self.key) {
            Ok(value) => Reply::Integer(i64::from(bitmap::get_bit(
                &value.unwrap_or_default(),
                self.offset,
            ))),
            Err(error) => error.into(),
        }
    }
}

/// The `start end [BYTE | BIT]` of BITCOUNT and BITPOS, read after the key is found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Span {
    /// The whole string.
    Whole,
    /// `start [end]`: `end` absent for BITPOS's open range; `bits` for the BIT unit.
    Range {
        start: i64,
        end: Option<i64>,
        bits: bool,
    },
    /// Arguments refused once the key turned out to be a string.
    Invalid(Error),
}

impl Span {
    /// `start end [unit]` in redis-server's order: start, then end, then the unit.
    fn parse_count(args: &mut Args) -> Span {
        let words = args.rest();
        let range = |start: &Bytes, end: &Bytes, unit: Option<&Bytes>| {
            let start = parse_i64(start).ok_or(Error::NotInteger)?;
            let end = parse_i64(end).ok_or(Error::NotInteger)?;
            // Counting nothing (see `BitCount::apply`) is decided before the unit is read.
            if reversed_negatives(start, end) {
                return Ok(Span::Range {
                    start,
                    end: Some(end),
                    bits: false,
                });
            }
            let bits = match unit {
                None => false,
                Some(unit) => unit_is_bits(unit)?,
            };
            Ok(Span::Range {
                start,
                end: Some(end),
                bits,
            })
        };
        let span = match &words[..] {
            [] => Ok(Span::Whole),
            [start, end] => range(start, end, None),
            [start, end, unit] => range(start, end, Some(unit)),
            _ => Err(Error::Syntax),
        };
        span.unwrap_or_else(Span::Invalid)
    }

    /// `[start [end [unit]]]` in redis-server's order: start, then the unit, then end.
    fn parse_pos(args: &mut Args) -> Span {
        let words = args.rest();
        let range = |start: &Bytes, end: Option<&Bytes>, unit: Option<&Bytes>| {
            let start = parse_i64(start).ok_or(Error::NotInteger)?;
            let bits = match unit {
                None => false,
                Some(unit) => unit_is_bits(unit)?,
            };
            let end = match end {
                None => None,
                Some(end) => Some(parse_i64(end).ok_or(Error::NotInteger)?),
            };
            Ok(Span::Range { start, end, bits })
        };
        let span = match &words[..] {
            [] => Ok(Span::Whole),
            [start] => range(start, None, None),
            [start, end] => range(start, Some(end), None),
            [start, end, unit] => range(start, Some(end), Some(unit)),
            _ => Err(Error::Syntax),
        };
        span.unwrap_or_else(Span::Invalid)
    }

    /// The bits it selects of a `len`-byte string, `first..=last`; `None` when empty; the
    /// error of arguments that were refused.
    fn bits_of(&self, len: u64) -> Result<Option<(u64, u64)>, Error> {
        let (start, end, bits) = match self {
            Span::Invalid(error) => return Err(error.clone()),
            Span::Whole => (0, -1, false),
            Span::Range { start, end, bits } => (*start, end.unwrap_or(-1), *bits),
        };
        let total = if bits { len * 8 } else { len };
        Ok(resolve_range(start, end, total).map(|(first, last)| {
            if bits {
                (first, last)
            } else {
                (first * 8, last * 8 + 7)
            }
        }))
    }

    fn end_given(&self) -> bool {
        matches!(self, Span::Range { end: Some(_), .. })
    }
}

/// `BYTE` or `BIT` (any case): whether the unit is bits.
fn unit_is_bits(unit: &[u8]) -> Result<bool, Error> {
    if keyword_is(unit, "BIT") {
        Ok(true)
    } else if keyword_is(unit, "BYTE") {
        Ok(false)
    } else {
        Err(Error::Syntax)
    }
}

/// `BITCOUNT key [start end [BYTE | BIT]]`: how many bits are set (in a range of bytes or
/// bits, negative from the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitCount {
    pub(crate) key: Bytes,
    span: Span,
}

impl BitCount {
    /// `BITCOUNT key`: the whole string.
    ///
    /// ```
    /// use embedis::{cmd::BitCount, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "foobar"]).unwrap();
    /// assert_eq!(conn.run(BitCount::new("k")).unwrap(), 26);
    /// assert_eq!(conn.run(BitCount::new("k").range(1, 1)).unwrap(), 6);
    /// assert_eq!(conn.run(BitCount::new("k").range(5, 30).bits()).unwrap(), 17);
    /// ```
    pub fn new(key: impl IntoArg) -> BitCount {
        BitCount {
            key: key.into_arg(),
            span: Span::Whole,
        }
    }

    /// `start end`: bytes `start..=end` (negative from the end).
    pub fn range(mut self, start: i64, end: i64) -> BitCount {
        self.span = Span::Range {
            start,
            end: Some(end),
            bits: false,
        };
        self
    }

    /// `BIT`: the range counts bits, not bytes (after [`BitCount::range`]).
    pub fn bits(mut self) -> BitCount {
        if let Span::Range { bits, .. } = &mut self.span {
            *bits = true;
        }
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let span = Span::parse_count(args);
        Ok(Command::BitCount(BitCount { key, span }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let value = match ctx.read_string(&self.key) {
            Ok(Some(value)) => value,
            Ok(None) => return Reply::Integer(0),
            Err(error) => return error.into(),
        };
        if let Span::Range {
            start,
            end: Some(end),
            ..
        } = self.span
            && reversed_negatives(start, end)
        {
            return Reply::Integer(0);
        }
        match self.span.bits_of(value.len() as u64) {
            Ok(Some((first, last))) => {
                Reply::Integer(bitmap::count_ones(&value, first, last) as i64)
            }
            Ok(None) => Reply::Integer(0),
            Err(error) => error.into(),
        }
    }
}

/// `BITPOS key bit [start [end [BYTE | BIT]]]`: the first bit set (or clear) in a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitPos {
    pub(crate) key: Bytes,
    bit: bool,
    span: Span,
}

impl BitPos {
    /// `BITPOS key bit`: the first `bit` of the string. A string of ones asked for a 0
    /// answers its length in bits (the zero padding after it), as Redis does.
    ///
    /// ```
    /// use embedis::{cmd::BitPos, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "\u{0}\u{f}"]).unwrap();
    /// assert_eq!(conn.run(BitPos::new("k", true)).unwrap(), 12);
    /// assert_eq!(conn.run(BitPos::new("k", true).range(0, Some(0))).unwrap(), -1);
    /// ```
    pub fn new(key: impl IntoArg, bit: bool) -> BitPos {
        BitPos {
            key: key.into_arg(),
            bit,
            span: Span::Whole,
        }
    }

    /// `start [end]`: bytes `start..=end` (negative from the end), to the end of the string
    /// without `end`.
    pub fn range(mut self, start: i64, end: Option<i64>) -> BitPos {
        self.span = Span::Range {
            start,
            end,
            bits: false,
        };
        self
    }

    /// `BIT`: the range counts bits, not bytes (after [`BitPos::range`] with an end).
    pub fn bits(mut self) -> BitPos {
        if let Span::Range { bits, end, .. } = &mut self.span {
            *bits = end.is_some();
        }
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let bit = match parse_i64(&args.next_bytes()?) {
            Some(0) => false,
            Some(1) => true,
            Some(_) => return Err(BitmapError::BitposBit.into()),
            None => return Err(Error::NotInteger),
        };
        let span = Span::parse_pos(args);
        Ok(Command::BitPos(BitPos { key, bit, span }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let value = match ctx.read_string(&self.key) {
            Ok(Some(value)) => value,
            // A missing key is an endless run of zero bits.
            Ok(None) => return Reply::Integer(if self.bit { -1 } else { 0 }),
            Err(error) => return error.into(),
        };
        let (first, last) = match self.span.bits_of(value.len() as u64) {
            Ok(Some(range)) => range,
            Ok(None) => return Reply::Integer(-1),
            Err(error) => return error.into(),
        };
        match bitmap::position(&value, self.bit, first, last) {
            Some(position) => Reply::Integer(position as i64),
            // No clear bit up to the string's end: the padding's first zero, unless the
            // caller bounded the range.
            None if !self.bit && !self.span.end_given() => Reply::Integer(last as i64 + 1),
            None => Reply::Integer(-1),
        }
    }
}

/// `BITOP AND|OR|XOR|NOT destkey key ...`: stores the bitwise combination (as long as
/// the longest source; a missing source counts as zero bytes), replies its length. An
/// empty result deletes `destkey`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitOpStore {
    op: BitOp,
    destination: Bytes,
    sources: Vec<Bytes>,
}

impl BitOpStore {
    /// `BITOP op destkey key ...` (NOT takes one source; more reply Redis's error).
    ///
    /// ```
    /// use embedis::{cmd::{BitOp, BitOpStore}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "a", "abc"]).unwrap();
    /// conn.call(["SET", "b", "ab"]).unwrap();
    /// assert_eq!(conn.run(BitOpStore::new(BitOp::Xor, "d", ["a", "b"])).unwrap(), 3);
    /// assert_eq!(conn.call(["GET", "d"]).unwrap(), Reply::bulk("\0\0c"));
    /// ```
    pub fn new<I>(op: BitOp, destination: impl IntoArg, sources: I) -> BitOpStore
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        BitOpStore {
            op,
            destination: destination.into_arg(),
            sources: sources.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let name = args.next_bytes()?;
        let op = [
            ("AND", BitOp::And),
            ("OR", BitOp::Or),
            ("XOR", BitOp::Xor),
            ("NOT", BitOp::Not),
        ]
        .into_iter()
        .find(|(word, _)| keyword_is(&name, word))
        .map(|(_, op)| op)
        .ok_or(Error::Syntax)?;
        let destination = args.next_bytes()?;
        let sources = args.rest();
        if op == BitOp::Not && sources.len() != 1 {
            return Err(BitmapError::BitopNotSources.into());
        }
        Ok(Command::BitOpStore(BitOpStore {
            op,
            destination,
            sources,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.op == BitOp::Not && self.sources.len() != 1 {
            return BitmapError::BitopNotSources.into();
        }
        let mut sources = Vec::with_capacity(self.sources.len());
        for key in &self.sources {
            match ctx.read_string(key) {
                Ok(value) => sources.push(value.unwrap_or_default()),
                Err(error) => return error.into(),
            }
        }
        let slices: Vec<&[u8]> = sources.iter().map(|source| &source[..]).collect();
        let result = bitmap::combine(self.op, &slices);
        let len = result.len() as i64;
        let value = (!result.is_empty()).then(|| Value::String(Bytes::from(result)));
        ctx.store_result(&self.destination, value, notify::STRING, "set");
        Reply::Integer(len)
    }
}

/// One BITFIELD operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldOp {
    Get {
        kind: FieldType,
        offset: u64,
    },
    /// SET (`increment: false`, replies the old value) or INCRBY (replies the new one).
    Write {
        kind: FieldType,
        offset: u64,
        value: i64,
        increment: bool,
        overflow: Overflow,
    },
}

/// `BITFIELD key [GET type offset] [SET type offset value] [INCRBY type offset increment]
/// [OVERFLOW WRAP|SAT|FAIL] ...` and `BITFIELD_RO key [GET type offset] ...`: integers of
/// any width (`i1`..`i64`, `u1`..`u63`) at any bit offset (`#n`: the n-th field of that
/// width).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitField {
    pub(crate) key: Bytes,
    ops: Vec<FieldOp>,
    read_only: bool,
    /// The OVERFLOW policy of the next writes (typed construction).
    overflow: Overflow,
}

impl BitField {
    /// `BITFIELD key`, with operations added by the methods below. Field types are written
    /// as in Redis (`"u8"`, `"i64"`); one that does not parse makes the command reply
    /// Redis's error.
    ///
    /// ```
    /// use embedis::{cmd::{BitField, Overflow}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let counters = BitField::new("counters")
    ///     .incr_by("u8", "#0", 250)
    ///     .overflow(Overflow::Sat)
    ///     .incr_by("u8", "#0", 10)
    ///     .get("u8", "#0");
    /// let replies = conn.run(counters).unwrap();
    /// assert_eq!(replies, Reply::Array(vec![Reply::Integer(250), Reply::Integer(255), Reply::Integer(255)]));
    /// ```
    pub fn new(key: impl IntoArg) -> BitField {
        BitField {
            key: key.into_arg(),
            ops: Vec::new(),
            read_only: false,
            overflow: Overflow::Wrap,
        }
    }

    /// `BITFIELD_RO key`: only GETs; runs on a replica and in read-only transactions.
    ///
    /// ```
    /// use embedis::{cmd::BitField, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "\u{1}"]).unwrap();
    /// assert_eq!(conn.run(BitField::read_only("k").get("u8", "0")).unwrap(), Reply::Array(vec![Reply::Integer(1)]));
    /// ```
    pub fn read_only(key: impl IntoArg) -> BitField {
        BitField {
            read_only: true,
            ..BitField::new(key)
        }
    }

    /// `GET type offset`.
    pub fn get(self, kind: impl IntoArg, offset: impl IntoArg) -> BitField {
        self.op(kind, offset, None)
    }

    /// `SET type offset value`: replies the old value.
    pub fn set(self, kind: impl IntoArg, offset: impl IntoArg, value: i64) -> BitField {
        self.op(kind, offset, Some((value, false)))
    }

    /// `INCRBY type offset increment`: replies the new value.
    pub fn incr_by(self, kind: impl IntoArg, offset: impl IntoArg, increment: i64) -> BitField {
        self.op(kind, offset, Some((increment, true)))
    }

    /// `OVERFLOW WRAP|SAT|FAIL` for the writes after it.
    pub fn overflow(mut self, overflow: Overflow) -> BitField {
        self.overflow = overflow;
        self
    }

    fn op(
        mut self,
        kind: impl IntoArg,
        offset: impl IntoArg,
        write: Option<(i64, bool)>,
    ) -> BitField {
        let (kind, offset) = (kind.into_arg(), offset.into_arg());
        // A type or offset that does not parse: a field no command accepts, refused when
        // run with the error the argv form gets.
        let kind = field_type(&kind).unwrap_or(FieldType {
            signed: false,
            bits: 0,
        });
        let offset = bit_offset(&offset, Some(kind.bits)).unwrap_or(u64::MAX);
        self.ops.push(match write {
            None => FieldOp::Get { kind, offset },
            Some((value, increment)) => FieldOp::Write {
                kind,
                offset,
                value,
                increment,
                overflow: self.overflow,
            },
        });
        self
    }

    fn parse_with(args: &mut Args, read_only: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut ops = Vec::new();
        let mut overflow = Overflow::Wrap;
        while let Some(word) = args.next() {
            let remaining = args.remaining();
            let write = if keyword_is(&word, "GET") && remaining >= 2 {
                None
            } else if keyword_is(&word, "SET") && remaining >= 3 {
                Some(false)
            } else if keyword_is(&word, "INCRBY") && remaining >= 3 {
                Some(true)
            } else if keyword_is(&word, "OVERFLOW") && remaining >= 1 {
                let policy = args.next_bytes()?;
                overflow = [
                    ("WRAP", Overflow::Wrap),
                    ("SAT", Overflow::Sat),
                    ("FAIL", Overflow::Fail),
                ]
                .into_iter()
                .find(|(name, _)| keyword_is(&policy, name))
                .map(|(_, overflow)| overflow)
                .ok_or(BitmapError::OverflowType)?;
                continue;
            } else {
                return Err(Error::Syntax);
            };
            let kind = field_type(&args.next_bytes()?)?;
            let offset = bit_offset(&args.next_bytes()?, Some(kind.bits))?;
            ops.push(match write {
                None => FieldOp::Get { kind, offset },
                Some(increment) => FieldOp::Write {
                    kind,
                    offset,
                    value: args.next_i64()?,
                    increment,
                    overflow,
                },
            });
        }
        if read_only && ops.iter().any(|op| matches!(op, FieldOp::Write { .. })) {
            return Err(BitmapError::ReadOnly.into());
        }
        Ok(Command::BitField(Box::new(BitField {
            key,
            ops,
            read_only,
            overflow,
        })))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        BitField::parse_with(args, false)
    }

    pub(crate) fn parse_read_only(args: &mut Args) -> Result<Command, Error> {
        BitField::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.read_only {
            "bitfield_ro"
        } else {
            "bitfield"
        }
    }

    /// Whether it is BITFIELD_RO (not a write, unlike BITFIELD).
    pub(crate) fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The bytes the writes cover: (first byte, one past the last).
    fn written_bytes(&self) -> Option<(u64, u64)> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                FieldOp::Write { kind, offset, .. } => {
                    Some((offset >> 3, ((offset + u64::from(kind.bits) - 1) >> 3) + 1))
                }
                FieldOp::Get { .. } => None,
            })
            .reduce(|(low, high), (first, end)| (low.min(first), high.max(end)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Typed operations that did not parse.
        for op in &self.ops {
            let (FieldOp::Get { kind, offset } | FieldOp::Write { kind, offset, .. }) = *op;
            if kind.bits == 0 {
                return BitmapError::FieldType.into();
            }
            if offset >> 3 >= MAX_STRING_LEN {
                return BitmapError::BitOffset.into();
            }
        }
        let Some((low, end)) = self.written_bytes() else {
            let value = match ctx.read_string(&self.key) {
                Ok(value) => value.unwrap_or_default(),
                Err(error) => return error.into(),
            };
            let replies = self.ops.iter().map(|op| match *op {
                FieldOp::Get { kind, offset } => {
                    Reply::Integer(bitmap::get_field(&value, offset, kind))
                }
                FieldOp::Write { .. } => Reply::Nil,
            });
            return Reply::Array(replies.collect());
        };
        if self.read_only {
            return BitmapError::ReadOnly.into();
        }
        let ops = &self.ops;
        let grown =
            !matches!(ctx.get_string(&self.key), Ok(Some(value)) if value.len() >= end as usize);
        let (replies, writes) = match ctx.edit_string(&self.key, end as usize, |bytes| {
            let mut writes = 0usize;
            let replies = ops
                .iter()
                .map(|op| {
                    let (reply, changed) = run_field_op(bytes, *op);
                    if changed
                        || (grown && matches!(op, FieldOp::Write { .. }) && reply != Reply::Nil)
                    {
                        writes += 1;
                    }
                    reply
                })
                .collect();
            (replies, writes)
        }) {
            Ok(done) => done,
            Err(error) => return error.into(),
        };
        // Logged even when every write failed: the key may have been created or grown
        // (redis-server would not propagate that; replaying it here must not lose it).
        if ctx.logging()
            && let Ok(Some(value)) = ctx.get_string(&self.key)
        {
            let offset = low.to_string();
            let covered = &value[low as usize..end as usize];
            ctx.log_effect(&[&b"SETRANGE"[..], &self.key, offset.as_bytes(), covered]);
        }
        // Only a write that happened is signalled and announced, as 7.0.15 counts them: a
        // field that changed, or any write not refused by OVERFLOW FAIL on a key it created
        // or grew.
        if writes > 0 {
            ctx.explicitly_logged(|ctx| ctx.touch(&self.key));
            ctx.count_elements(writes);
            ctx.notify(notify::STRING, "setbit", &self.key);
        }
        Reply::Array(replies)
    }
}

/// Runs one operation on bytes long enough for every field; its reply, and whether it
/// changed the field.
fn run_field_op(bytes: &mut [u8], op: FieldOp) -> (Reply, bool) {
    match op {
        FieldOp::Get { kind, offset } => (
            Reply::Integer(bitmap::get_field(bytes, offset, kind)),
            false,
        ),
        FieldOp::Write {
            kind,
            offset,
            value,
            increment,
            overflow,
        } => {
            let old = bitmap::get_field(bytes, offset, kind);
            let new = if increment {
                bitmap::add_field(old, value, kind, overflow)
            } else {
                bitmap::add_field(value, 0, kind, overflow)
            };
            match new {
                Some(new) => {
                    bitmap::set_field(bytes, offset, kind, new);
                    (
                        Reply::Integer(if increment { new } else { old }),
                        new != old,
                    )
                }
                None => (Reply::Nil, false),
            }
        }
    }
}

/// A field type as Redis's `getBitfieldTypeFromArgument` reads it: `i` or `u` (lower
/// case), then a width, 1..=64 signed, 1..=63 unsigned.
fn field_type(arg: &[u8]) -> Result<FieldType, Error> {
    let (signed, width) = match c_string(arg).split_first() {
        Some((b'i', width)) => (true, width),
        Some((b'u', width)) => (false, width),
        _ => return Err(BitmapError::FieldType.into()),
    };
    let limit = if signed { 64 } else { 63 };
    parse_i64(width)
        .filter(|bits| (1..=limit).contains(bits))
        .map(|bits| FieldType {
            signed,
            bits: bits as u32,
        })
        .ok_or(BitmapError::FieldType.into())
}
