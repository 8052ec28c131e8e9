//! Doubles as redis-server reads them for sorted-set scores: C's `strtod`, correctly
//! rounded, wrapped two ways.
//!
//! - [`parse_score`] is Redis's `string2d` (ZADD, ZINCRBY scores): the whole argument must
//!   be a number; no leading space; decimal or hexadecimal (`0x1p3`); `inf`/`infinity` in
//!   any case and sign; NaN refused; overflow to infinity and underflow to zero refused
//!   (strtod's ERANGE), a subnormal result accepted.
//! - [`parse_range_bound`] is the bare `strtod` of `zslParseRange` (ZRANGEBYSCORE, ZCOUNT):
//!   read as a C string (up to a NUL), leading white space skipped, the empty string is 0,
//!   overflow gives ±infinity, only NaN and trailing bytes are refused.

use super::c_string::c_string;

/// The parts of a number strtod reads after its sign.
enum Body {
    Infinity,
    Decimal,
    Hex,
}

/// What glibc's strtod leaves in `errno` for a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Range {
    /// Representable (exactly or rounded as a normal number): no error.
    Representable,
    /// A subnormal that had to be rounded: ERANGE, though the value is usable (Redis's
    /// `string2d` accepts it, SORT does not).
    InexactSubnormal,
    /// Overflow to infinity or underflow to zero: ERANGE.
    Overflow,
}

impl Range {
    fn of(value: f64, nonzero_input: bool, exact: bool) -> Range {
        if value.is_infinite() || (value == 0.0 && nonzero_input) {
            Range::Overflow
        } else if value != 0.0 && value.abs() < f64::MIN_POSITIVE && !exact {
            Range::InexactSubnormal
        } else {
            Range::Representable
        }
    }
}

/// Parses the whole of `text` (after an optional sign) as strtod would, returning the value
/// and what strtod would set `errno` to.
fn strtod_whole(text: &[u8]) -> Option<(f64, Range)> {
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let kind = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Body::Infinity
    } else if body.len() > 2 && body[0] == b'0' && matches!(body[1], b'x' | b'X') {
        Body::Hex
    } else {
        Body::Decimal
    };
    let (magnitude, range_error) = match kind {
        Body::Infinity => (f64::INFINITY, Range::Representable),
        Body::Hex => parse_hex(&body[2..])?,
        Body::Decimal => parse_decimal(body)?,
    };
    Some((if negative { -magnitude } else { magnitude }, range_error))
}

/// `digits[.digits][e[+-]digits]`, at least one digit before the exponent.
fn parse_decimal(body: &[u8]) -> Option<(f64, Range)> {
    let mut at = 0;
    let mut digits = 0;
    let mut nonzero = false;
    let mut point = false;
    while let Some(&byte) = body.get(at) {
        match byte {
            b'0'..=b'9' => {
                digits += 1;
                nonzero |= byte != b'0';
            }
            b'.' if !point => point = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = body.get(at) {
        let mut end = at + 1;
        if let Some(b'+' | b'-') = body.get(end) {
            end += 1;
        }
        let exponent_digits = body[end..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if exponent_digits == 0 {
            return None; // strtod stops before the `e`: trailing bytes
        }
        at = end + exponent_digits;
    }
    if at != body.len() {
        return None;
    }
    // Rust's parser is correctly rounded, as glibc's strtod is; the syntax was checked above.
    let value: f64 = std::str::from_utf8(body).ok()?.parse().ok()?;
    // A decimal subnormal is taken as inexact: an exact one needs hundreds of digits.
    Some((value, Range::of(value, nonzero, false)))
}

/// Hex digits with an optional point and an optional binary exponent `p[+-]digits`.
fn parse_hex(body: &[u8]) -> Option<(f64, Range)> {
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut point = false;
    let mut at = 0;
    while let Some(&byte) = body.get(at) {
        let value = match byte {
            b'.' if !point => {
                point = true;
                at += 1;
                continue;
            }
            _ => match (byte as char).to_digit(16) {
                Some(value) => u64::from(value),
                None => break,
            },
        };
        digits += 1;
        if mantissa >> 56 == 0 {
            mantissa = mantissa << 4 | value;
            if point {
                exponent -= 4;
            }
        } else if !point {
            exponent += 4; // beyond 64 bits of precision: only the magnitude counts
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'p' | b'P') = body.get(at) {
        let rest = &body[at + 1..];
        let (sign, start) = match rest.first() {
            Some(b'-') => (-1, 1),
            Some(b'+') => (1, 1),
            _ => (1, 0),
        };
        let exponent_digits = rest[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if exponent_digits == 0 {
            return None;
        }
        let mut value: i64 = 0;
        for &digit in &rest[start..start + exponent_digits] {
            value = (value * 10 + i64::from(digit - b'0')).min(1 << 20);
        }
        exponent += sign * value;
        at += 1 + start + exponent_digits;
    }
    if at != body.len() {
        return None;
    }
    // Scaled in two halves: 2^-1074 is a double, but 2^1074 (what `powi` divides by for
    // it) is not.
    let exponent_half = (exponent.clamp(-2200, 2200) / 2) as i32;
    let rest = exponent.clamp(-2200, 2200) as i32 - exponent_half;
    let value = (mantissa as f64) * 2f64.powi(exponent_half) * 2f64.powi(rest);
    // Exact when no set bit of the mantissa falls below 2^-1074.
    let exact = mantissa == 0 || i64::from(mantissa.trailing_zeros()) + exponent >= -1074;
    Some((value, Range::of(value, mantissa != 0, exact)))
}

/// C's `isspace`: Rust's ASCII white space lacks the vertical tab.
fn is_c_space(byte: &u8) -> bool {
    byte.is_ascii_whitespace() || *byte == 0x0b
}

/// C's `strtod` over the front of `text`: the value of the longest prefix that is a number
/// (decimal, hexadecimal, `inf`, `infinity`, `nan`, after an optional sign) and its length;
/// `None` when no prefix is (what lua-cjson's number tokens need).
#[cfg_attr(not(feature = "lua"), allow(dead_code))] // the cjson decoder's
pub(crate) fn strtod_prefix(text: &[u8]) -> Option<(f64, usize)> {
    let sign = usize::from(matches!(text.first(), Some(b'-' | b'+')));
    let body = &text[sign..];
    let starts =
        |word: &[u8]| body.len() >= word.len() && body[..word.len()].eq_ignore_ascii_case(word);
    let digits_from = |from: usize, hex: bool| {
        body[from.min(body.len())..]
            .iter()
            .take_while(|byte| {
                if hex {
                    byte.is_ascii_hexdigit()
                } else {
                    byte.is_ascii_digit()
                }
            })
            .count()
    };
    let len = if starts(b"infinity") {
        8
    } else if starts(b"inf") || starts(b"nan") {
        3
    } else {
        let hex = starts(b"0x") && {
            let after = &body[2..];
            after.first().is_some_and(u8::is_ascii_hexdigit)
                || (after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_hexdigit))
        };
        let mut at = if hex { 2 } else { 0 };
        let whole = digits_from(at, hex);
        at += whole;
        let mut fraction = 0;
        if body.get(at) == Some(&b'.') {
            fraction = digits_from(at + 1, hex);
            if whole + fraction > 0 {
                at += 1 + fraction;
            }
        }
        if whole + fraction == 0 {
            return None;
        }
        let marker: &[u8] = if hex { b"pP" } else { b"eE" };
        if body.get(at).is_some_and(|byte| marker.contains(byte)) {
            let signed = usize::from(matches!(body.get(at + 1), Some(b'-' | b'+')));
            let exponent = digits_from(at + 1 + signed, false);
            if exponent > 0 {
                at += 1 + signed + exponent;
            }
        }
        at
    };
    let number = &text[..sign + len];
    if starts(b"nan") {
        return Some((f64::NAN, sign + len));
    }
    strtod_whole(number).map(|(value, _)| (value, sign + len))
}

/// A score as ZADD and ZINCRBY read it (Redis's `string2d`).
pub(crate) fn parse_score(text: &[u8]) -> Option<f64> {
    if text.first().is_none_or(is_c_space) {
        return None;
    }
    let (value, range) = strtod_whole(text)?;
    (range != Range::Overflow && !value.is_nan()).then_some(value)
}

/// The whole of `text` as strtod reads it, overflow giving ±infinity and underflow zero:
/// the magnitude of a number another parser already accepted (a blocking timeout, which
/// redis-server reads with `strtold`).
pub(crate) fn parse_lenient(text: &[u8]) -> Option<f64> {
    strtod_whole(text).map(|(value, _)| value)
}

/// A SORT weight as `sortCommandGeneric` reads it: `strtod` over the value as a C string
/// (up to a NUL), leading white space skipped, nothing after the number, the empty string
/// 0; refused when strtod sets ERANGE (overflow, underflow, an inexact subnormal) or the
/// result is NaN.
pub(crate) fn parse_sort_score(text: &[u8]) -> Option<f64> {
    let text = c_string(text);
    if text.is_empty() {
        return Some(0.0);
    }
    let start = text.iter().take_while(|b| is_c_space(b)).count();
    let (value, range) = strtod_whole(&text[start..])?;
    (range == Range::Representable && !value.is_nan()).then_some(value)
}

/// One end of a score range as `zslParseRange` reads it (after any `(`).
pub(crate) fn parse_range_bound(text: &[u8]) -> Option<f64> {
    let text = c_string(text);
    let start = text.iter().take_while(|b| is_c_space(b)).count();
    if start == text.len() {
        // No conversion: strtod leaves the end pointer at the start, which is the NUL of an
        // empty argument (0) or a space (refused).
        return text.is_empty().then_some(0.0);
    }
    let (value, _) = strtod_whole(&text[start..])?;
    (!value.is_nan()).then_some(value)
}

#[cfg(test)]
mod tests {

    #[test]
    fn strtod_prefix_reads_the_longest_number_at_the_front() {
        use super::strtod_prefix;
        assert_eq!(strtod_prefix(b"12abc"), Some((12.0, 2)));
        assert_eq!(strtod_prefix(b"-1.5e3,"), Some((-1500.0, 6)));
        assert_eq!(strtod_prefix(b"1e"), Some((1.0, 1)));
        assert_eq!(strtod_prefix(b"0x10]"), Some((16.0, 4)));
        assert_eq!(strtod_prefix(b".5"), Some((0.5, 2)));
        assert_eq!(strtod_prefix(b"-Infinity"), Some((f64::NEG_INFINITY, 9)));
        assert!(strtod_prefix(b"nan").is_some_and(|(value, len)| value.is_nan() && len == 3));
        assert_eq!(strtod_prefix(b"-"), None);
        assert_eq!(strtod_prefix(b"x1"), None);
    }

    use super::*;

    #[test]
    fn scores_follow_string2d() {
        for (text, value) in [
            ("1", 1.0),
            ("-2.5", -2.5),
            ("+3", 3.0),
            ("1e2", 100.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("0x10", 16.0),
            ("0x1p3", 8.0),
            ("0x.8", 0.5),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+INF", f64::INFINITY),
            ("5e-324", 5e-324),
            ("0.1", 0.1),
        ] {
            assert_eq!(parse_score(text.as_bytes()), Some(value), "{text}");
        }
        for bad in [
            "", " 1", "1 ", "nan", "NaN", "1e400", "-1e400", "1e-400", "abc", "1e", "0x", "1\0",
            ".", "e5", "1..2", "--1", "\x0b1",
        ] {
            assert_eq!(parse_score(bad.as_bytes()), None, "{bad:?}");
        }
    }

    #[test]
    fn range_bounds_follow_bare_strtod() {
        for (text, value) in [
            ("", 0.0),
            (" 1", 1.0),
            ("\t-2", -2.0),
            ("1e400", f64::INFINITY),
            ("1\0junk", 1.0),
            ("-inf", f64::NEG_INFINITY),
            ("0x10", 16.0),
        ] {
            assert_eq!(parse_range_bound(text.as_bytes()), Some(value), "{text:?}");
        }
        for bad in [" ", "1 ", "a", "nan", "1x"] {
            assert_eq!(parse_range_bound(bad.as_bytes()), None, "{bad:?}");
        }
    }
}
