//! Software emulation of the x87 80-bit `long double`, just enough of it
//! for `INCRBYFLOAT` / `HINCRBYFLOAT`.
//!
//! redis-server keeps float counters as decimal strings, but the arithmetic
//! in between happens in C `long double`, which on x86_64 is the x87
//! extended format: a 64-bit significand with an explicit integer bit and a
//! 15-bit exponent. Replies are then printed with `%.17Lf` and trimmed. An
//! `f64` carries 11 fewer significand bits, so it gives visibly different
//! answers (`10.1 + 3.0e3` is `3010.10000000000000009` in Redis, the error
//! in the last digits being the extended-precision rounding error), and it
//! overflows far earlier (`1e400` is finite in Redis). To be byte-for-byte
//! compatible we therefore reproduce the three steps exactly:
//!
//! * [`parse`]: what Redis's `string2ld` accepts (glibc `strtold` plus
//!   Redis's own rejections), correctly rounded to 64 significand bits;
//! * [`add`]: IEEE-754 addition rounded to nearest, ties to even;
//! * [`LongDouble::format_human`]: glibc `printf("%.17Lf")` followed by the
//!   trimming done by `ld2string(..., LD_STR_HUMAN)`.
//!
//! Every conversion is done with exact integer arithmetic on a small
//! big-integer type, because correctly rounded decimal <-> binary conversion
//! cannot be built on top of a narrower float type.

use std::cmp::Ordering;

/// `string2ld` copies its input into a `MAX_LONG_DOUBLE_CHARS` (5 * 1024)
/// byte buffer together with the NUL terminator and refuses anything that
/// does not fit, so the longest accepted input is one byte shorter.
const MAX_INPUT_LEN: usize = 5 * 1024;

/// Significand width of the x87 extended format (integer bit included).
const SIGNIFICAND_BITS: i64 = 64;

/// Scale of the smallest binade. In this module a finite value is
/// `significand * 2^exponent`; subnormals (biased exponent 0) and the
/// smallest normal binade (biased exponent 1) both use `2^(1 - 16383 - 63)`.
const MIN_EXP: i64 = -16445;

/// Scale of the largest binade (biased exponent 32766), so the largest
/// finite value is `(2^64 - 1) * 2^16320`, about `1.19e4932`.
const MAX_EXP: i64 = 16320;

/// Digits printed after the decimal point by `%.17Lf`.
const FRACTION_DIGITS: usize = 17;

/// `10^FRACTION_DIGITS`, the carry threshold when rounding the fraction.
const FRACTION_SCALE: u64 = 100_000_000_000_000_000;

/// What kind of number a [`LongDouble`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Finite,
    Infinite,
    Nan,
}

/// An x87 extended-precision value.
///
/// A finite value is `(-1)^negative * significand * 2^exponent`, kept in a
/// canonical form so that the derived `PartialEq` is structural, like
/// comparing bit patterns: zero has `significand == 0` and
/// `exponent == MIN_EXP`; normal numbers have the top significand bit set
/// and `MIN_EXP <= exponent <= MAX_EXP`; subnormals have the top bit clear
/// and `exponent == MIN_EXP`. Note that this equality tells `-0` from `+0`
/// and considers a NaN equal to itself; it is not IEEE comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LongDouble {
    negative: bool,
    class: Class,
    significand: u64,
    exponent: i32,
}

impl LongDouble {
    /// Positive zero.
    pub(crate) const ZERO: LongDouble = LongDouble {
        negative: false,
        class: Class::Finite,
        significand: 0,
        exponent: MIN_EXP as i32,
    };

    /// The largest finite value, `LDBL_MAX` (INCREX's default upper bound in BYFLOAT mode).
    pub(crate) const MAX: LongDouble = LongDouble {
        negative: false,
        class: Class::Finite,
        significand: u64::MAX,
        exponent: MAX_EXP as i32,
    };

    /// `-LDBL_MAX` (INCREX's default lower bound in BYFLOAT mode).
    pub(crate) const MIN: LongDouble = LongDouble {
        negative: true,
        class: Class::Finite,
        significand: u64::MAX,
        exponent: MAX_EXP as i32,
    };

    /// The value with its sign flipped (exact).
    pub(crate) fn neg(self) -> LongDouble {
        LongDouble {
            negative: !self.negative,
            ..self
        }
    }

    fn zero(negative: bool) -> Self {
        LongDouble {
            negative,
            class: Class::Finite,
            significand: 0,
            exponent: MIN_EXP as i32,
        }
    }

    fn infinity(negative: bool) -> Self {
        LongDouble {
            negative,
            class: Class::Infinite,
            significand: 0,
            exponent: 0,
        }
    }

    /// The NaN that x87 produces for an invalid operation such as
    /// `inf + -inf` (the "real indefinite", whose sign bit is set; glibc
    /// prints it as `-nan`).
    fn nan() -> Self {
        LongDouble {
            negative: true,
            class: Class::Nan,
            significand: 0,
            exponent: 0,
        }
    }

    fn is_zero(&self) -> bool {
        self.class == Class::Finite && self.significand == 0
    }

    /// Converts exactly: every `i64` fits in a 64-bit significand. Redis
    /// takes this path when the stored string is integer-encoded
    /// (`value = (long)o->ptr` in `getLongDoubleFromObject`).
    #[cfg(test)]
    pub(crate) fn from_i64(value: i64) -> Self {
        let magnitude = value.unsigned_abs();
        if magnitude == 0 {
            return Self::zero(false);
        }
        let shift = magnitude.leading_zeros();
        LongDouble {
            negative: value < 0,
            class: Class::Finite,
            significand: magnitude << shift,
            exponent: -(shift as i32),
        }
    }

    /// False for infinities and NaN; `INCRBYFLOAT` refuses to store such a
    /// result ("increment would produce NaN or Infinity").
    pub(crate) fn is_finite(&self) -> bool {
        self.class == Class::Finite
    }

    /// Formats like Redis's `ld2string(buf, len, value, LD_STR_HUMAN)`.
    ///
    /// That is `snprintf("%.17Lf")` (glibc prints the exact decimal
    /// expansion of the binary value, rounded to 17 fraction digits to
    /// nearest with ties to even) after which Redis strips trailing zeros,
    /// then a trailing '.', and finally turns a lone `-0` into `0` (a tiny
    /// negative result would otherwise print as `-0`). Infinities are
    /// spelled `inf` / `-inf` by Redis itself; NaN never reaches this code
    /// in Redis, and is printed as glibc would.
    pub(crate) fn format_human(&self) -> String {
        match self.class {
            Class::Infinite => {
                return if self.negative { "-inf" } else { "inf" }.to_string();
            }
            Class::Nan => {
                return if self.negative { "-nan" } else { "nan" }.to_string();
            }
            Class::Finite => {}
        }

        let significand = self.significand;
        let exponent = i64::from(self.exponent);
        let (integer, fraction) = if exponent >= 0 {
            (
                Big::from_u128(u128::from(significand)).shl(exponent as u64),
                0,
            )
        } else {
            let frac_bits = exponent.unsigned_abs();
            let integer = if frac_bits >= 64 {
                0
            } else {
                significand >> frac_bits
            };
            // fraction = (significand mod 2^frac_bits) / 2^frac_bits, scaled
            // by 10^17 and rounded half-even on the exact remainder.
            let numerator = if frac_bits >= 64 {
                significand
            } else {
                significand & ((1u64 << frac_bits) - 1)
            };
            let mut scaled = Big::from_u128(u128::from(numerator));
            scaled.mul_pow10(FRACTION_DIGITS as u64);
            let mut digits = scaled.shr(frac_bits).to_u128() as u64;
            let half = scaled.bit(frac_bits - 1);
            let lower_bits_set = scaled.any_bit_below(frac_bits - 1);
            let mut integer = Big::from_u128(u128::from(integer));
            if half && (lower_bits_set || digits & 1 == 1) {
                digits += 1;
                if digits == FRACTION_SCALE {
                    digits = 0;
                    integer.mul_add_small(1, 1);
                }
            }
            (integer, digits)
        };

        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        out.push_str(&integer.to_decimal());
        out.push('.');
        out.push_str(&format!("{fraction:0width$}", width = FRACTION_DIGITS));

        // ld2string's LD_STR_HUMAN post-processing. "%.17Lf" always prints
        // a '.', so the trailing-zero strip can never eat integer digits.
        let trimmed_len = out.trim_end_matches('0').len();
        out.truncate(trimmed_len);
        if out.ends_with('.') {
            out.pop();
        }
        if out == "-0" {
            out = "0".to_string();
        }
        out
    }
}

/// Adds two values the way the x87 FPU does with its precision control set
/// to 64 bits (the Linux default): the exact sum rounded to nearest, ties
/// to even, overflowing to infinity. `x + -x` is `+0`; `-0 + -0` is `-0`;
/// `inf + -inf` is NaN.
/// IEEE ordering of two non-NaN values (-0 equals +0); a NaN compares equal to everything,
/// which INCREX never meets because it refuses NaN before comparing.
pub(crate) fn compare(a: LongDouble, b: LongDouble) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    if a.class == Class::Nan || b.class == Class::Nan {
        return Ordering::Equal;
    }
    if a.is_zero() && b.is_zero() {
        return Ordering::Equal;
    }
    if a.negative != b.negative {
        return if a.negative {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    // Same sign: compare magnitudes, then flip for negatives.
    let magnitude = match (a.class, b.class) {
        (Class::Infinite, Class::Infinite) => Ordering::Equal,
        (Class::Infinite, _) => Ordering::Greater,
        (_, Class::Infinite) => Ordering::Less,
        _ if a.is_zero() => Ordering::Less,
        _ if b.is_zero() => Ordering::Greater,
        _ => {
            // Normalise subnormals so the top bit is set before comparing exponents.
            let norm = |v: LongDouble| {
                let shift = v.significand.leading_zeros();
                (
                    i64::from(v.exponent) - i64::from(shift),
                    v.significand << shift,
                )
            };
            norm(a).cmp(&norm(b))
        }
    };
    if a.negative {
        magnitude.reverse()
    } else {
        magnitude
    }
}

pub(crate) fn add(a: LongDouble, b: LongDouble) -> LongDouble {
    match (a.class, b.class) {
        (Class::Nan, _) => return a,
        (_, Class::Nan) => return b,
        (Class::Infinite, Class::Infinite) => {
            return if a.negative == b.negative {
                a
            } else {
                LongDouble::nan()
            };
        }
        (Class::Infinite, _) => return a,
        (_, Class::Infinite) => return b,
        (Class::Finite, Class::Finite) => {}
    }
    if a.is_zero() && b.is_zero() {
        return LongDouble::zero(a.negative && b.negative);
    }
    if a.is_zero() {
        return b;
    }
    if b.is_zero() {
        return a;
    }

    // `hi` has the larger (or equal) scale. If the scales differ, `hi` is
    // normal (only the lowest scale holds subnormals), so its magnitude is
    // at least 2^(hi.exponent + 63) while `lo` is below
    // 2^(lo.exponent + 64) <= 2^(hi.exponent + 63): `hi` is strictly the
    // larger magnitude.
    let (hi, lo) = if a.exponent >= b.exponent {
        (a, b)
    } else {
        (b, a)
    };
    let distance = i64::from(hi.exponent) - i64::from(lo.exponent);

    // Work in a 128-bit window. When the operands are at most 63 binades
    // apart the window holds both exactly. Otherwise `hi` is shifted by 63
    // (so the window keeps at least 126 significant bits, far more than
    // the 66 needed to round) and the bits of `lo` that fall off the bottom
    // are only remembered as "something non-zero below" (`sticky`).
    let (hi_bits, lo_bits, sticky, exponent) = if distance <= 63 {
        (
            u128::from(hi.significand) << distance,
            u128::from(lo.significand),
            false,
            i64::from(lo.exponent),
        )
    } else {
        let drop = distance - 63;
        let (kept, lost) = if drop >= 64 {
            (0, lo.significand != 0)
        } else {
            (
                lo.significand >> drop,
                lo.significand & ((1u64 << drop) - 1) != 0,
            )
        };
        (
            u128::from(hi.significand) << 63,
            u128::from(kept),
            lost,
            i64::from(hi.exponent) - 63,
        )
    };

    if a.negative == b.negative {
        return round(a.negative, hi_bits + lo_bits, exponent, sticky);
    }
    let (big, small, negative) = match hi_bits.cmp(&lo_bits) {
        Ordering::Greater => (hi_bits, lo_bits, hi.negative),
        Ordering::Less => (lo_bits, hi_bits, lo.negative),
        // Exact cancellation: IEEE round-to-nearest gives +0.
        Ordering::Equal => return LongDouble::zero(false),
    };
    // With a sticky tail the true subtrahend is `small + t`, 0 < t < 1, so
    // the difference is `(big - small - 1) + (1 - t)`: one less in the
    // window, still with a non-zero tail. (`sticky` implies distance > 63,
    // so `small` comes from `lo` and `big` is at least 2^126.)
    let difference = big - small - u128::from(sticky);
    round(negative, difference, exponent, sticky)
}

/// Parses exactly what Redis's `string2ld` accepts, with glibc `strtold`'s
/// correctly rounded result.
///
/// The rules, all observable on a real server:
/// * empty input, or 5120 bytes and more, is refused (buffer size);
/// * the whole input must be consumed, so leading or trailing whitespace,
///   embedded NULs and any garbage are refused (strtold would skip leading
///   whitespace, but Redis rejects a first byte that is a space);
/// * an optional sign, then a decimal number (`5`, `.5`, `5.`, with an
///   optional `e`/`E` exponent that must have digits), a hexadecimal number
///   (`0x1.8p1`, binary exponent optional), or `inf` / `infinity` in any
///   case (these parse; the addition then refuses the infinite result);
/// * NaN in any spelling is refused;
/// * a non-zero number that rounds to zero (strtold reports ERANGE with a
///   zero result) or to infinity is refused, while values that land in the
///   subnormal range are accepted.
pub(crate) fn parse(input: &[u8]) -> Option<LongDouble> {
    if input.is_empty() || input.len() >= MAX_INPUT_LEN {
        return None;
    }
    let (negative, body) = match input[0] {
        b'-' => (true, &input[1..]),
        b'+' => (false, &input[1..]),
        _ => (false, input),
    };
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        return Some(LongDouble::infinity(negative));
    }
    let is_hex = body.len() >= 2 && body[0] == b'0' && (body[1] == b'x' || body[1] == b'X');
    // A "0x" with no hex digits after it is read by strtold as just "0",
    // which leaves the "x" unconsumed, so failing the hex path is correct.
    if is_hex {
        parse_hex(negative, &body[2..])
    } else {
        parse_decimal(negative, body)
    }
}

/// Caps parsed exponents. Any value past this with a non-zero mantissa of
/// at most 5119 digits is far outside the extended range, so saturating
/// changes nothing while keeping all later arithmetic in `i64`.
const EXPONENT_CAP: i64 = 1_000_000_000_000;

/// Reads `[+-]?[0-9]+` from the start of `bytes` (saturating at
/// [`EXPONENT_CAP`]); returns the value and bytes consumed, or `None` when
/// there is no digit, in which case strtold would not have consumed the
/// exponent marker either and the input is refused.
fn parse_exponent(bytes: &[u8]) -> Option<(i64, usize)> {
    let (sign, start) = match bytes.first() {
        Some(b'-') => (-1, 1),
        Some(b'+') => (1, 1),
        _ => (1, 0),
    };
    let mut value: i64 = 0;
    let mut end = start;
    while let Some(&c) = bytes.get(end) {
        if !c.is_ascii_digit() {
            break;
        }
        value = (value * 10 + i64::from(c - b'0')).min(EXPONENT_CAP);
        end += 1;
    }
    if end == start {
        return None;
    }
    Some((sign * value, end))
}

/// Splits `digits[.digits]` (at least one digit in total) off the front of
/// `bytes`, returning (integer digits, fraction digits, bytes consumed).
fn split_mantissa(bytes: &[u8], is_digit: fn(&u8) -> bool) -> Option<(&[u8], &[u8], usize)> {
    let int_len = bytes.iter().take_while(|&c| is_digit(c)).count();
    let mut end = int_len;
    let mut fraction: &[u8] = &[];
    if bytes.get(end) == Some(&b'.') {
        let frac_len = bytes[end + 1..].iter().take_while(|&c| is_digit(c)).count();
        fraction = &bytes[end + 1..end + 1 + frac_len];
        end += 1 + frac_len;
    }
    if int_len + fraction.len() == 0 {
        return None;
    }
    Some((&bytes[..int_len], fraction, end))
}

/// Splits `body` into integer digits, fraction digits and the exponent after one of
/// `markers`; `None` if anything is left over.
fn split_number(
    body: &[u8],
    is_digit: fn(&u8) -> bool,
    markers: [u8; 2],
) -> Option<(&[u8], &[u8], i64)> {
    let (integer, fraction, mut end) = split_mantissa(body, is_digit)?;
    let mut exponent = 0;
    if body.get(end).is_some_and(|b| markers.contains(b)) {
        let (value, used) = parse_exponent(&body[end + 1..])?;
        exponent = value;
        end += 1 + used;
    }
    (end == body.len()).then_some((integer, fraction, exponent))
}

fn parse_decimal(negative: bool, body: &[u8]) -> Option<LongDouble> {
    let (integer, fraction, exponent) = split_number(body, u8::is_ascii_digit, [b'e', b'E'])?;

    // value = digits * 10^exp10, with leading and trailing zeros removed
    // so the size checks below can reason from the digit count alone.
    let all = || integer.iter().chain(fraction.iter()).copied();
    let leading = all().take_while(|&c| c == b'0').count();
    let total = integer.len() + fraction.len();
    if leading == total {
        return Some(LongDouble::zero(negative));
    }
    let trailing = all().rev().take_while(|&c| c == b'0').count();
    let significant: Vec<u8> = all()
        .skip(leading)
        .take(total - leading - trailing)
        .collect();
    let exp10 = exponent - fraction.len() as i64 + trailing as i64;
    let count = significant.len() as i64;

    // 10^(count-1+exp10) <= value < 10^(count+exp10). The largest finite
    // value is about 1.19e4932 and anything below half the smallest
    // subnormal (about 1.82e-4951) rounds to zero: both are errors.
    if count - 1 + exp10 >= 4933 || count + exp10 < -4952 {
        return None;
    }

    let mut mantissa = Big::zero();
    for chunk in significant.chunks(9) {
        let mut scale = 1u32;
        let mut part = 0u32;
        for &c in chunk {
            scale *= 10;
            part = part * 10 + u32::from(c - b'0');
        }
        mantissa.mul_add_small(scale, part);
    }

    let value = if exp10 >= 0 {
        mantissa.mul_pow10(exp10 as u64);
        let (bits, shift, sticky) = top_bits(&mantissa);
        round(negative, bits, shift as i64, sticky)
    } else {
        let mut divisor = Big::from_u128(1);
        divisor.mul_pow10(exp10.unsigned_abs());
        // Scale numerator or divisor by a power of two so that their bit
        // lengths differ by 67: the quotient then has 67 or 68 bits, enough
        // for a 64-bit significand plus a rounding bit, and the remainder
        // tells whether anything non-zero lies below.
        let scale = 67 - (mantissa.bit_len() as i64 - divisor.bit_len() as i64);
        let (numerator, divisor) = if scale >= 0 {
            (mantissa.shl(scale as u64), divisor)
        } else {
            (mantissa, divisor.shl(scale.unsigned_abs()))
        };
        let (quotient, sticky) = divide(numerator, &divisor, 68);
        round(negative, quotient, -scale, sticky)
    };
    in_range(value)
}

fn parse_hex(negative: bool, body: &[u8]) -> Option<LongDouble> {
    let (integer, fraction, exponent) = split_number(body, u8::is_ascii_hexdigit, [b'p', b'P'])?;

    let all = || integer.iter().chain(fraction.iter()).copied();
    let leading = all().take_while(|&c| c == b'0').count();
    let total = integer.len() + fraction.len();
    if leading == total {
        return Some(LongDouble::zero(negative));
    }
    let mut mantissa = Big::zero();
    for c in all().skip(leading) {
        let nibble = (c as char).to_digit(16).unwrap_or(0);
        mantissa.mul_add_small(16, nibble);
    }
    // value = mantissa * 2^exp2, and 2^(len-1+exp2) <= value < 2^(len+exp2).
    let exp2 = exponent - 4 * fraction.len() as i64;
    let len = mantissa.bit_len() as i64;
    if len - 1 + exp2 >= MAX_EXP + SIGNIFICAND_BITS || len + exp2 < MIN_EXP - 1 {
        return None;
    }
    let (bits, shift, sticky) = top_bits(&mantissa);
    in_range(round(negative, bits, exp2 + shift as i64, sticky))
}

/// strtold signals ERANGE for a non-zero input that rounded to zero or to
/// infinity, and Redis refuses both (subnormal results are kept).
fn in_range(value: LongDouble) -> Option<LongDouble> {
    if value.is_finite() && !value.is_zero() {
        Some(value)
    } else {
        None
    }
}

/// Rounds `(bits + t) * 2^exponent`, where `0 <= t < 1` and `t > 0` exactly
/// when `sticky`, to the extended format: nearest, ties to even, with
/// gradual underflow into subnormals and overflow to infinity.
///
/// When `sticky` is set the caller must supply at least 65 significant
/// bits, so that the unknown tail lies strictly below the rounding bit.
fn round(negative: bool, bits: u128, exponent: i64, sticky: bool) -> LongDouble {
    if bits == 0 {
        debug_assert!(!sticky, "a sticky tail needs significant bits above it");
        return LongDouble::zero(negative);
    }
    let length = 128 - i64::from(bits.leading_zeros());
    debug_assert!(!sticky || length > SIGNIFICAND_BITS);
    let mut scale = (exponent + length - SIGNIFICAND_BITS).max(MIN_EXP);
    let shift = scale - exponent;

    let mut significand: u64;
    if shift <= 0 {
        // Exact: the value fits in the significand at this scale.
        significand = (bits << shift.unsigned_abs()) as u64;
    } else {
        let kept = if shift >= 128 { 0 } else { bits >> shift };
        let half = shift <= 128 && (bits >> (shift - 1)) & 1 == 1;
        let lower_bits_set = if shift > 128 {
            true
        } else {
            bits & ((1u128 << (shift - 1)) - 1) != 0
        };
        significand = kept as u64;
        if half && (lower_bits_set || sticky || significand & 1 == 1) {
            significand = significand.wrapping_add(1);
            if significand == 0 {
                // Carried out of the top bit: 2^64 * 2^scale.
                significand = 1 << 63;
                scale += 1;
            }
        }
    }
    if significand == 0 {
        return LongDouble::zero(negative);
    }
    if scale > MAX_EXP {
        return LongDouble::infinity(negative);
    }
    LongDouble {
        negative,
        class: Class::Finite,
        significand,
        exponent: scale as i32,
    }
}

/// Reduces a big integer to at most 128 significant bits for [`round`]:
/// returns (top bits, how far they were shifted down, whether any
/// discarded bit was set).
fn top_bits(value: &Big) -> (u128, u64, bool) {
    let length = value.bit_len();
    if length <= 128 {
        return (value.to_u128(), 0, false);
    }
    let shift = length - 128;
    (
        value.shr(shift).to_u128(),
        shift,
        value.any_bit_below(shift),
    )
}

/// Long division returning `floor(numerator / divisor)` and whether the
/// remainder is non-zero. The quotient must be below `2^quotient_bits`
/// (at most 128). Done one quotient bit at a time: only ~68 steps are ever
/// needed, which keeps this far simpler than a general multi-limb divide.
fn divide(mut numerator: Big, divisor: &Big, quotient_bits: u32) -> (u128, bool) {
    let mut quotient = 0u128;
    for bit in (0..quotient_bits).rev() {
        let shifted = divisor.shl(u64::from(bit));
        if numerator.cmp_magnitude(&shifted) != Ordering::Less {
            numerator.sub_assign(&shifted);
            quotient |= 1 << bit;
        }
    }
    (quotient, !numerator.is_zero())
}

/// Minimal arbitrary-precision unsigned integer: little-endian 32-bit
/// limbs with no zero limb at the top. Only the handful of operations the
/// conversions above need.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big {
    limbs: Vec<u32>,
}

impl Big {
    fn zero() -> Self {
        Big { limbs: Vec::new() }
    }

    fn from_u128(mut value: u128) -> Self {
        let mut limbs = Vec::new();
        while value != 0 {
            limbs.push(value as u32);
            value >>= 32;
        }
        Big { limbs }
    }

    fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    fn bit_len(&self) -> u64 {
        match self.limbs.last() {
            None => 0,
            Some(&top) => (self.limbs.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
        }
    }

    /// Requires the value to fit in 128 bits.
    fn to_u128(&self) -> u128 {
        debug_assert!(self.limbs.len() <= 4);
        self.limbs
            .iter()
            .rev()
            .fold(0u128, |acc, &limb| (acc << 32) | u128::from(limb))
    }

    /// `self = self * factor + addend`.
    fn mul_add_small(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.limbs {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    fn mul_pow10(&mut self, mut power: u64) {
        while power >= 9 {
            self.mul_add_small(1_000_000_000, 0);
            power -= 9;
        }
        if power > 0 {
            self.mul_add_small(10u32.pow(power as u32), 0);
        }
    }

    fn shl(&self, bits: u64) -> Big {
        if self.is_zero() {
            return Big::zero();
        }
        let words = (bits / 32) as usize;
        let offset = (bits % 32) as u32;
        let mut limbs = vec![0u32; words];
        if offset == 0 {
            limbs.extend_from_slice(&self.limbs);
        } else {
            let mut carry = 0u32;
            for &limb in &self.limbs {
                limbs.push((limb << offset) | carry);
                carry = limb >> (32 - offset);
            }
            if carry != 0 {
                limbs.push(carry);
            }
        }
        Big { limbs }
    }

    fn shr(&self, bits: u64) -> Big {
        let words = (bits / 32) as usize;
        if words >= self.limbs.len() {
            return Big::zero();
        }
        let offset = (bits % 32) as u32;
        let source = &self.limbs[words..];
        let mut limbs = Vec::with_capacity(source.len());
        for (i, &limb) in source.iter().enumerate() {
            let mut word = limb >> offset;
            if offset != 0
                && let Some(&next) = source.get(i + 1)
            {
                word |= next << (32 - offset);
            }
            limbs.push(word);
        }
        let mut result = Big { limbs };
        result.trim();
        result
    }

    fn bit(&self, index: u64) -> bool {
        let word = (index / 32) as usize;
        self.limbs
            .get(word)
            .is_some_and(|&limb| (limb >> (index % 32)) & 1 == 1)
    }

    /// Whether any of the bits `0..count` is set.
    fn any_bit_below(&self, count: u64) -> bool {
        let words = (count / 32) as usize;
        let offset = (count % 32) as u32;
        if self.limbs.iter().take(words).any(|&limb| limb != 0) {
            return true;
        }
        offset != 0
            && self
                .limbs
                .get(words)
                .is_some_and(|&limb| limb & ((1u32 << offset) - 1) != 0)
    }

    fn cmp_magnitude(&self, other: &Big) -> Ordering {
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }

    /// `self -= other`; requires `self >= other`.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0u64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let subtrahend = u64::from(other.limbs.get(i).copied().unwrap_or(0)) + borrow;
            let minuend = u64::from(*limb);
            if minuend >= subtrahend {
                *limb = (minuend - subtrahend) as u32;
                borrow = 0;
            } else {
                *limb = ((minuend + (1 << 32)) - subtrahend) as u32;
                borrow = 1;
            }
        }
        debug_assert_eq!(borrow, 0, "subtraction underflow");
        self.trim();
    }

    /// `self /= divisor`, returning the remainder.
    fn div_rem_small(&mut self, divisor: u32) -> u32 {
        let mut remainder = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = (current / u64::from(divisor)) as u32;
            remainder = current % u64::from(divisor);
        }
        self.trim();
        remainder as u32
    }

    fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let mut value = self.clone();
        let mut chunks = Vec::new();
        while !value.is_zero() {
            chunks.push(value.div_rem_small(1_000_000_000));
        }
        let mut out = String::with_capacity(chunks.len() * 9);
        let mut iter = chunks.iter().rev();
        if let Some(first) = iter.next() {
            out.push_str(&first.to_string());
        }
        for chunk in iter {
            out.push_str(&format!("{chunk:09}"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOT_A_FLOAT: &str = "ERR value is not a valid float";
    const NOT_FINITE: &str = "ERR increment would produce NaN or Infinity";

    /// Mirrors `incrbyfloatCommand`: a missing key counts as 0, both
    /// operands go through `string2ld`, the sum must be finite, and the
    /// reply is the human-formatted sum.
    fn incrbyfloat(current: Option<&[u8]>, increment: &[u8]) -> String {
        let value = match current {
            None => LongDouble::from_i64(0),
            Some(text) => match parse(text) {
                Some(value) => value,
                None => return NOT_A_FLOAT.to_string(),
            },
        };
        let Some(increment) = parse(increment) else {
            return NOT_A_FLOAT.to_string();
        };
        let sum = add(value, increment);
        if !sum.is_finite() {
            return NOT_FINITE.to_string();
        }
        sum.format_human()
    }

    /// (stored value or `None` for a missing key, increment, reply)
    type ServerCase = (Option<&'static [u8]>, &'static [u8], &'static str);

    /// `SET k <current>` then `INCRBYFLOAT k <increment>` (just the
    /// INCRBYFLOAT when `current` is `None`), with the replies recorded
    /// from a real redis-server 7.0.15 on x86_64 / glibc.
    #[rustfmt::skip]
    const SERVER_CASES: &[ServerCase] = &[
        (Some(b"10.1"), b"3.0e3", "3010.10000000000000009"),
        (Some(b"3010.10000000000000009"), b"-3000.1", "10"),
        (Some(b"10"), b"0.1", "10.1"),
        (Some(b"1.5e1"), b"0.1", "15.1"),
        (Some(b"5"), b"0x10", "21"),
        (Some(b"0.1"), b"0.2", "0.3"),
        (Some(b"0.1"), b"0.7", "0.8"),
        (Some(b"1"), b"-0.9", "0.1"),
        (Some(b"0"), b"1e-20", "0"),
        (Some(b"0"), b"-1e-20", "0"),
        (Some(b"1"), b"1e-20", "1"),
        (Some(b"0"), b"1e-17", "0.00000000000000001"),
        (Some(b"0"), b"5e-18", "0"),
        (Some(b"0"), b"5.000000000000001e-18", "0.00000000000000001"),
        (Some(b"0"), b"0x1p-18", "0.00000381469726562"),
        (Some(b"0"), b"0x3p-18", "0.00001144409179688"),
        (Some(b"0"), b"-0x1p-18", "-0.00000381469726562"),
        (Some(b"5.5"), b"-5.5", "0"),
        (Some(b"-5.5"), b"5.5", "0"),
        (Some(b"-0"), b"-0", "0"),
        (Some(b"0"), b"-0", "0"),
        (Some(b"-0"), b"0", "0"),
        (Some(b"18446744073709551615"), b"1", "18446744073709551616"),
        (Some(b"18446744073709551615"), b"0.5", "18446744073709551616"),
        (Some(b"18446744073709551616"), b"1", "18446744073709551616"),
        (Some(b"18446744073709551617"), b"0", "18446744073709551616"),
        (Some(b"9223372036854775807"), b"1", "9223372036854775808"),
        (Some(b"-9223372036854775808"), b"-1", "-9223372036854775809"),
        (Some(b"36893488147419103231"), b"0", "36893488147419103232"),
        (Some(b"0"), b"1e19", "10000000000000000000"),
        (Some(b"0"), b"12345678901234567890123", "12345678901234567889920"),
        (Some(b"0"), b"123456789.123456789123456789", "123456789.12345678912242875"),
        (Some(b"0"), b"1.2e4932", "ERR value is not a valid float"),
        (Some(b"0"), b"1e5000", "ERR value is not a valid float"),
        (Some(b"0"), b"1e-5000", "ERR value is not a valid float"),
        (Some(b"0"), b"0e-5000", "0"),
        (Some(b"0"), b"0e99999999999999999999999", "0"),
        (Some(b"0x1.fffffffffffffffep16383"), b"0x1p16319", "ERR increment would produce NaN or Infinity"),
        (Some(b"0x1.fffffffffffffffep16383"), b"-0x1.fffffffffffffffep16383", "0"),
        (Some(b"0"), b"inf", "ERR increment would produce NaN or Infinity"),
        (Some(b"0"), b"-inf", "ERR increment would produce NaN or Infinity"),
        (Some(b"inf"), b"-inf", "ERR increment would produce NaN or Infinity"),
        (Some(b"0"), b"Infinity", "ERR increment would produce NaN or Infinity"),
        (Some(b"0"), b"nan", "ERR value is not a valid float"),
        (Some(b"0"), b"-NaN", "ERR value is not a valid float"),
        (Some(b"0"), b" 1", "ERR value is not a valid float"),
        (Some(b"0"), b"1 ", "ERR value is not a valid float"),
        (Some(b"0"), b"\t1", "ERR value is not a valid float"),
        (Some(b"0"), b"\n1", "ERR value is not a valid float"),
        (Some(b"0"), b"\x0b1", "ERR value is not a valid float"),
        (Some(b"0"), b"\x0c1", "ERR value is not a valid float"),
        (Some(b"0"), b"\r1", "ERR value is not a valid float"),
        (Some(b"0"), b"1\0", "ERR value is not a valid float"),
        (Some(b"0"), b".5", "0.5"),
        (Some(b"0"), b"5.", "5"),
        (Some(b"0"), b"+1", "1"),
        (Some(b"0"), b"-.5e1", "-5"),
        (Some(b"0"), b".", "ERR value is not a valid float"),
        (Some(b"0"), b"+", "ERR value is not a valid float"),
        (Some(b"0"), b"", "ERR value is not a valid float"),
        (Some(b"0"), b"1e", "ERR value is not a valid float"),
        (Some(b"0"), b"1e+", "ERR value is not a valid float"),
        (Some(b"0"), b"e1", "ERR value is not a valid float"),
        (Some(b"0"), b"0x", "ERR value is not a valid float"),
        (Some(b"0"), b"0x1p", "ERR value is not a valid float"),
        (Some(b"0"), b"0xg", "ERR value is not a valid float"),
        (Some(b"0"), b"1.2.3", "ERR value is not a valid float"),
        (Some(b"0"), b"--1", "ERR value is not a valid float"),
        (Some(b"0"), b"+-1", "ERR value is not a valid float"),
        (Some(b"0"), b"1p3", "ERR value is not a valid float"),
        (Some(b"0"), b"0x1P-2", "0.25"),
        (Some(b"0"), b"0X.8p1", "1"),
        (Some(b"0"), b"0x1e5", "485"),
        (Some(b"0"), b"0x1.8", "1.5"),
        (Some(b"0"), b"0.000000000000000005", "0"),
        (Some(b"0"), b"0.000000000000000015", "0.00000000000000002"),
        (Some(b"0"), b"0.000000000000000025", "0.00000000000000002"),
        (Some(b"0"), b"2.5", "2.5"),
        (Some(b"0"), b"0.125", "0.125"),
        (Some(b"1e-4950"), b"0", "0"),
        (Some(b"1e-4951"), b"0", "ERR value is not a valid float"),
        (Some(b"1.9e-4951"), b"0", "0"),
        (Some(b"0"), b"0x1p-16445", "0"),
        (Some(b"0"), b"0x1p-16446", "ERR value is not a valid float"),
        (Some(b"0"), b"0x1.0000000001p-16446", "0"),
        (Some(b"100"), b"-100.00000000000000001", "-0.00000000000000001"),
        (Some(b"1e20"), b"-1e20", "0"),
        (Some(b"1e20"), b"1", "100000000000000000000"),
        (Some(b"1e30"), b"1", "1000000000000000000024696061952"),
        (Some(b"1e30"), b"-1e30", "0"),
        (Some(b"123.456"), b"-123.455", "0.001"),
        (Some(b"0.3"), b"-0.1", "0.2"),
        (Some(b"-1.5"), b"-2.25", "-3.75"),
        (Some(b"-1"), b"0.25", "-0.75"),
        (Some(b"12345.6789"), b"0.0001", "12345.67899999999999938"),
        (Some(b"0"), b"3.14159265358979323846264338327950288", "3.14159265358979324"),
        (Some(b"0"), b"-2.71828182845904523536028747135266250", "-2.71828182845904524"),
        (Some(b"0"), b"1e-300", "0"),
        (Some(b"0"), b"4.9e-324", "0"),
        (Some(b"99999999999999999999"), b"0.99999999999999999", "100000000000000000000"),
        (Some(b"0.99999999999999999"), b"0.000000000000000001", "0.99999999999999999"),
        (Some(b"0"), b"0.999999999999999995", "1"),
        (Some(b"0"), b"0.999999999999999994", "0.99999999999999999"),
        (Some(b"0"), b"-0.999999999999999995", "-1"),
        (None, b"3.5", "3.5"),
        (None, b"-0", "0"),
        (Some(b"abc"), b"1", "ERR value is not a valid float"),
        (Some(b"1"), b"abc", "ERR value is not a valid float"),
        (Some(b"0"), b"0x10000000000000000", "18446744073709551616"),
        (Some(b"0"), b"0x1.00000000000000008p0", "1"),
        (Some(b"0"), b"0x1.00000000000000018p0", "1"),
        (Some(b"0"), b"0x1.00000000000000008000001p64", "18446744073709551616"),
        (Some(b"0"), b"18446744073709551616.5", "18446744073709551616"),
        (Some(b"0"), b"36893488147419103233", "36893488147419103232"),
        (Some(b"0"), b"36893488147419103231", "36893488147419103232"),
        (Some(b"0"), b"36893488147419103234", "36893488147419103232"),
    ];

    #[test]
    fn matches_real_server_replies() {
        for &(current, increment, expected) in SERVER_CASES {
            assert_eq!(
                incrbyfloat(current, increment),
                expected,
                "{:?} + {:?}",
                current.map(String::from_utf8_lossy),
                String::from_utf8_lossy(increment)
            );
        }
    }

    /// (stored value, increment, reply length, first digits, last digits)
    type HugeCase = (
        &'static [u8],
        &'static [u8],
        usize,
        &'static str,
        &'static str,
    );

    #[test]
    fn huge_but_finite_values_print_every_integer_digit() {
        assert_eq!(incrbyfloat(Some(b"0"), b"1e400"), "10000000000000000000281880683947586514586453433629052038625910693539685534008629862039363994848324160522094053927317616200295822777259255734023828976593340661017797447434546173917862448116674971723778943824391593338047470675026246684401359237513603830343735485505244955964979021825038280091068414947402456898653040951017512658092615827588920183472511643316591362664138176309734806343732497430221946880");
        // Replies from the server, too long to spell out here.
        #[rustfmt::skip]
        let cases: &[HugeCase] = &[
            (b"0", b"1e4000", 4000, "9999999999999999999965463873099623784932", "1956972190272729951206648276349901340672"),
            (b"1e4000", b"1e4000", 4001, "1999999999999999999993092774619924756986", "3913944380545459902413296552699802681344"),
            (b"0", b"1e4932", 4933, "1000000000000000000006018949387963891323", "0876379371163141086538418113791886622720"),
            (b"0", b"1.18973149535723176502e+4932", 4933, "1189731495357231765021263853030970205169", "8849149662444156604419552086811989770240"),
            (b"0", b"0x1.fffffffffffffffep16383", 4933, "1189731495357231765021263853030970205169", "8849149662444156604419552086811989770240"),
            (b"0x1.fffffffffffffffep16383", b"0x0.fffp16319", 4933, "1189731495357231765021263853030970205169", "8849149662444156604419552086811989770240"),
            (b"0", b"1e308", 308, "9999999999999999999668587965584564566056", "5757318142424510452728255046343928578048"),
            (b"0", b"1.7976931348623157e308", 309, "1797693134862315699959210467741044340483", "1208117720159985926376802466863339536384"),
        ];
        for &(current, increment, length, head, tail) in cases {
            let reply = incrbyfloat(Some(current), increment);
            assert_eq!(reply.len(), length, "{reply}");
            assert!(reply.starts_with(head), "{reply}");
            assert!(reply.ends_with(tail), "{reply}");
        }
    }

    #[test]
    fn input_length_limit_is_5119_bytes() {
        // "1000...0e-N" is exactly 1; the server accepts it at 5119 bytes
        // and refuses it at 5120.
        let one = |zeros: usize| format!("1{}e-{zeros}", "0".repeat(zeros));
        assert_eq!(one(5112).len(), 5119);
        assert_eq!(incrbyfloat(Some(b"0"), one(5112).as_bytes()), "1");
        assert_eq!(incrbyfloat(Some(b"0"), one(5113).as_bytes()), NOT_A_FLOAT);
        let hex_one = |zeros: usize| format!("0x{}1p0", "0".repeat(zeros));
        assert_eq!(incrbyfloat(Some(b"0"), hex_one(5114).as_bytes()), "1");
        assert_eq!(
            incrbyfloat(Some(b"0"), hex_one(5115).as_bytes()),
            NOT_A_FLOAT
        );
        let negative = format!("-0x{}1p0", "0".repeat(5114));
        assert_eq!(incrbyfloat(Some(b"0"), negative.as_bytes()), NOT_A_FLOAT);
        // 5119 digits is a valid length, but 1e5118 overflows.
        let huge = format!("1{}", "0".repeat(5118));
        assert_eq!(incrbyfloat(Some(b"0"), huge.as_bytes()), NOT_A_FLOAT);
        let tiny = format!("0.{}1", "0".repeat(5115));
        assert_eq!(incrbyfloat(Some(b"0"), tiny.as_bytes()), NOT_A_FLOAT);
        let hex_huge = format!("0x{}", "f".repeat(5117));
        assert_eq!(incrbyfloat(Some(b"0"), hex_huge.as_bytes()), NOT_A_FLOAT);
        let long_exponent = format!("1e-{}1", "0".repeat(5000));
        assert_eq!(incrbyfloat(Some(b"0"), long_exponent.as_bytes()), "0.1");
    }

    #[test]
    fn replies_round_trip_like_the_server_chain() {
        // Redis stores the formatted reply and re-parses it next time.
        let first = incrbyfloat(Some(b"10.1"), b"3.0e3");
        assert_eq!(first, "3010.10000000000000009");
        assert_eq!(incrbyfloat(Some(first.as_bytes()), b"-3000.1"), "10");
    }

    #[test]
    fn saturated_exponents_still_classify_correctly() {
        assert_eq!(parse(b"1e99999999999999999999999999"), None);
        assert_eq!(parse(b"1e-99999999999999999999999999"), None);
        assert_eq!(parse(b"0x1p99999999999999999999999999"), None);
        assert_eq!(parse(b"0x1p-99999999999999999999999999"), None);
        assert_eq!(
            parse(b"0e99999999999999999999999999"),
            Some(LongDouble::zero(false))
        );
        assert_eq!(
            parse(b"-0x0p-99999999999999999999999"),
            Some(LongDouble::zero(true))
        );
    }

    fn finite(negative: bool, significand: u64, exponent: i64) -> LongDouble {
        LongDouble {
            negative,
            class: Class::Finite,
            significand,
            exponent: exponent as i32,
        }
    }

    #[test]
    fn parse_rounds_to_nearest_even_on_64_bits() {
        // 2^64 + 1 is halfway between 2^64 and 2^64 + 2: ties to even.
        assert_eq!(
            parse(b"18446744073709551617"),
            Some(finite(false, 1 << 63, 1))
        );
        // 2^65 + 3 is past the midpoint 2^65 + 2: rounds up to 2^65 + 4.
        assert_eq!(
            parse(b"36893488147419103235"),
            Some(finite(false, (1 << 63) + 1, 2))
        );
        // 2^65 + 6 is the midpoint of 2^65 + 4 and 2^65 + 8: even wins.
        assert_eq!(
            parse(b"36893488147419103238"),
            Some(finite(false, (1 << 63) + 2, 2))
        );
        // 1 + 2^-64 ties down to even; 1 + 3 * 2^-64 ties up to even.
        assert_eq!(
            parse(b"0x1.0000000000000001p0"),
            Some(finite(false, 1 << 63, -63))
        );
        assert_eq!(
            parse(b"0x1.0000000000000003p0"),
            Some(finite(false, (1 << 63) + 2, -63))
        );
        // Anything beyond the tie breaks it upwards; less rounds down.
        assert_eq!(
            parse(b"0x1.00000000000000010001p0"),
            Some(finite(false, (1 << 63) + 1, -63))
        );
        assert_eq!(
            parse(b"0x1.0000000000000000ffffp0"),
            Some(finite(false, 1 << 63, -63))
        );
        // 0.1 rounded to 64 bits.
        assert_eq!(
            parse(b"0.1"),
            Some(finite(false, 0xcccc_cccc_cccc_cccd, -67))
        );
        assert_eq!(parse(b"-2.5"), Some(finite(true, 5 << 61, -62)));
    }

    #[test]
    fn parse_handles_subnormals_and_range_limits() {
        assert_eq!(parse(b"0x1p-16445"), Some(finite(false, 1, MIN_EXP)));
        assert_eq!(parse(b"0x1p-16382"), Some(finite(false, 1 << 63, MIN_EXP)));
        assert_eq!(parse(b"0x1p-16383"), Some(finite(false, 1 << 62, MIN_EXP)));
        // Exactly half the smallest subnormal rounds to zero: refused.
        assert_eq!(parse(b"0x1p-16446"), None);
        assert_eq!(
            parse(b"0x1.0000000001p-16446"),
            Some(finite(false, 1, MIN_EXP))
        );
        assert_eq!(
            parse(b"0x1.fffffffffffffffep16383"),
            Some(finite(false, u64::MAX, MAX_EXP))
        );
        assert_eq!(parse(b"0x1p16384"), None);
        assert_eq!(parse(b"-1e5000"), None);
        assert_eq!(parse(b"inf"), Some(LongDouble::infinity(false)));
        assert_eq!(parse(b"-INFINITY"), Some(LongDouble::infinity(true)));
        assert_eq!(parse(b"+Inf"), Some(LongDouble::infinity(false)));
        assert_eq!(parse(b"nan(123)"), None);
        assert_eq!(parse(b"infin"), None);
    }

    #[test]
    fn from_i64_is_exact() {
        for value in [0, 1, -1, 10, i64::MAX, i64::MIN, -1_234_567_890_123] {
            let converted = LongDouble::from_i64(value);
            assert_eq!(Some(converted), parse(value.to_string().as_bytes()));
            assert_eq!(converted.format_human(), value.to_string());
        }
    }

    #[test]
    fn addition_signs_zeros_and_specials() {
        let pos_zero = LongDouble::zero(false);
        let neg_zero = LongDouble::zero(true);
        assert_eq!(add(neg_zero, neg_zero), neg_zero);
        assert_eq!(add(neg_zero, pos_zero), pos_zero);
        assert_eq!(neg_zero.format_human(), "0");
        let x = parse(b"-12.75").unwrap();
        let minus_x = parse(b"12.75").unwrap();
        assert_eq!(add(x, minus_x), pos_zero);
        assert_eq!(add(x, neg_zero), x);
        let inf = LongDouble::infinity(false);
        let neg_inf = LongDouble::infinity(true);
        assert_eq!(add(inf, x), inf);
        assert_eq!(add(x, neg_inf), neg_inf);
        assert!(!add(inf, neg_inf).is_finite());
        assert_eq!(add(inf, neg_inf).format_human(), "-nan");
        assert_eq!(inf.format_human(), "inf");
        assert_eq!(neg_inf.format_human(), "-inf");
        // Largest finite plus half an ulp: the tie rounds to even, which is
        // past the top of the range.
        let max = parse(b"0x1.fffffffffffffffep16383").unwrap();
        let half_ulp = parse(b"0x1p16319").unwrap();
        assert_eq!(add(max, half_ulp), inf);
        assert_eq!(add(max, parse(b"0x0.fffp16319").unwrap()), max);
        let neg_max = parse(b"-0x1.fffffffffffffffep16383").unwrap();
        assert_eq!(add(neg_max, neg_max), neg_inf);
    }

    #[test]
    fn addition_rounds_far_apart_operands_correctly() {
        let one = LongDouble::from_i64(1);
        // 1 + 2^-64 is a tie: stays 1. Anything more goes up by one ulp.
        assert_eq!(add(one, parse(b"0x1p-64").unwrap()), one);
        let up = finite(false, (1 << 63) + 1, -63);
        assert_eq!(add(one, parse(b"0x1.000001p-64").unwrap()), up);
        // Just below 1 the spacing halves: a subtrahend a hair over half
        // of that spacing pulls 1 down to the next value below it...
        let below = finite(false, u64::MAX, -64);
        assert_eq!(add(one, parse(b"-0x1.000001p-65").unwrap()), below);
        // ...while an exact half is a tie that keeps the even 1.
        assert_eq!(add(one, parse(b"-0x1p-65").unwrap()), one);
        assert_eq!(add(one, parse(b"-0x1p-200").unwrap()), one);
        assert_eq!(add(one, parse(b"0x1p-16445").unwrap()), one);
        // Bits of the subtrahend that fall outside the 128-bit window must
        // still break the tie: 2^64 - (1/2 + 2^-41) is just under the
        // midpoint of 2^64 - 1 and 2^64, so it rounds down.
        let big = parse(b"18446744073709551615").unwrap();
        assert_eq!(big, finite(false, u64::MAX, 0));
        let half_below = add(
            parse(b"0x1p64").unwrap(),
            parse(b"-0x1.0000000001p-1").unwrap(),
        );
        assert_eq!(half_below, big);
        // Subnormal + subnormal carries into the normal range exactly.
        let sub = finite(false, 1 << 62, MIN_EXP);
        assert_eq!(add(sub, sub), finite(false, 1 << 63, MIN_EXP));
        // Cancellation leaves an exact small difference.
        let a = parse(b"18446744073709551615").unwrap();
        let b = parse(b"-18446744073709551614").unwrap();
        assert_eq!(add(a, b), one);
    }

    #[test]
    fn printf_rounding_is_half_even_on_the_exact_binary_value() {
        // 2^-18 = 0.000003814697265625 exactly: the 18th digit is a tie.
        assert_eq!(
            parse(b"0x1p-18").unwrap().format_human(),
            "0.00000381469726562"
        );
        assert_eq!(
            parse(b"0x3p-18").unwrap().format_human(),
            "0.00001144409179688"
        );
        // Carry out of the fraction into the integer part.
        assert_eq!(parse(b"0.999999999999999995").unwrap().format_human(), "1");
        assert_eq!(
            parse(b"-9.999999999999999999").unwrap().format_human(),
            "-10"
        );
        // Negative values that print as zero lose their sign.
        assert_eq!(parse(b"-1e-18").unwrap().format_human(), "0");
    }

    #[test]
    fn compare_orders_like_ieee() {
        use std::cmp::Ordering::*;
        let p = |t: &str| parse(t.as_bytes()).unwrap();
        assert_eq!(compare(p("1"), p("2")), Less);
        assert_eq!(compare(p("-1"), p("-2")), Greater);
        assert_eq!(compare(p("-0"), p("0")), Equal);
        assert_eq!(compare(p("1e-4940"), p("0")), Greater);
        assert_eq!(compare(p("inf"), LongDouble::MAX), Greater);
        assert_eq!(compare(p("-inf"), LongDouble::MIN), Less);
        assert_eq!(compare(p("0.5"), p("0.25")), Greater);
        assert_eq!(compare(p("3"), p("3.0")), Equal);
        assert_eq!(p("2.5").neg(), p("-2.5"));
        assert_eq!(LongDouble::ZERO, p("0"));
    }
}
