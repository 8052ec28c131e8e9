//! Number parsing and formatting with Redis's exact rules.
//!
//! Redis accepts an integer only in its canonical decimal form (its `string2ll`): an optional
//! `-`, then digits without leading zeros, no `+`, no spaces, no `-0`, within `i64`. A stored
//! string counts as an integer under the same rule, so `"01"` cannot be INCRed.

use super::c_string::c_string;

/// Parses `text` as Redis parses an integer argument or value.
///
/// (`-42` yes; `+1`, `01`, `-0` and anything past `i64` no.)
pub fn parse_i64(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, text),
    };
    match digits {
        [] => return None,
        [b'0'] => return (!negative).then_some(0),
        [b'0', ..] => return None,
        _ => {}
    }
    // Accumulate negatively so i64::MIN parses without overflow.
    let mut value: i64 = 0;
    for &byte in digits {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_sub(i64::from(byte - b'0'))?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

/// Parses an unsigned decimal made of digits only (such as the cursor in a SCAN reply).
pub fn parse_u64(text: &[u8]) -> Option<u64> {
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(text).ok()?.parse().ok()
}

/// Parses a SCAN cursor argument as Redis does: C's `strtoul` in base 10, refusing a leading
/// space, trailing bytes and overflow. `strtoul` takes a sign, and negates in unsigned
/// arithmetic, so `-1` is `u64::MAX`; and the empty string is 0.
pub fn parse_scan_cursor(text: &[u8]) -> Option<u64> {
    // strtoul reads up to the first NUL and Redis only checks where it stopped.
    let text = c_string(text);
    if text.is_empty() {
        return Some(0);
    }
    strtoull_body(text)
}

/// What C's `strtoull` reads in base 10 once leading white space is skipped: an optional
/// sign, then decimal digits and nothing else; a `-` negates in unsigned arithmetic, so
/// `-1` is `u64::MAX`. `None` for no digits, any other byte, or overflow.
pub(crate) fn strtoull_body(text: &[u8]) -> Option<u64> {
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits.iter().try_fold(0u64, |value, digit| {
        value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })?;
    Some(if negative {
        value.wrapping_neg()
    } else {
        value
    })
}

/// C's `atoll`: leading white space, a sign, digits; 0 when there are none.
pub(crate) fn atoll(word: &[u8]) -> i64 {
    let start = word
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        .unwrap_or(word.len());
    let word = &word[start..];
    let (negative, digits) = match word {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let value =
        digits
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .fold(0i64, |value, digit| {
                value
                    .saturating_mul(10)
                    .saturating_add(i64::from(digit - b'0'))
            });
    if negative {
        -value
    } else {
        value
    }
}

/// C's `strtoll` in base 10 over a whole word, as Redis checks its end pointer: leading
/// white space, an optional sign, digits and nothing after; out-of-range values saturate,
/// as `strtoll` does. The empty word is 0 (nothing read, and the end is reached); white
/// space or a sign alone is `None`.
pub(crate) fn strtoll_word(word: &[u8]) -> Option<i64> {
    let start = word
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'));
    let Some(start) = start else {
        return word.is_empty().then_some(0);
    };
    let (negative, digits) = match &word[start..] {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0i64, |value, digit| {
        let digit = i64::from(digit - b'0');
        if negative {
            value.saturating_mul(10).saturating_sub(digit)
        } else {
            value.saturating_mul(10).saturating_add(digit)
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_rules_match_redis() {
        assert_eq!(parse_i64(b"0"), Some(0));
        assert_eq!(parse_i64(b"-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_i64(b"9223372036854775807"), Some(i64::MAX));
        for bad in [&b""[..], b"-", b" 1", b"1 ", b"1.0", b"00", b"0x10", b"1e3"] {
            assert_eq!(parse_i64(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn whole_words_read_as_strtoll() {
        assert_eq!(strtoll_word(b""), Some(0));
        assert_eq!(strtoll_word(b"+10"), Some(10));
        assert_eq!(strtoll_word(b"05"), Some(5));
        assert_eq!(strtoll_word(b"\t-7"), Some(-7));
        assert_eq!(strtoll_word(b"99999999999999999999"), Some(i64::MAX));
        assert_eq!(strtoll_word(b"-99999999999999999999"), Some(i64::MIN));
        for bad in [&b" "[..], b"+", b"-", b"5x", b"5 ", b"0x1", b"+-1"] {
            assert_eq!(
                strtoll_word(bad),
                None,
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn scan_cursor_rules_match_strtoul() {
        assert_eq!(parse_scan_cursor(b"0"), Some(0));
        assert_eq!(parse_scan_cursor(b""), Some(0));
        assert_eq!(parse_scan_cursor(b"+7"), Some(7));
        assert_eq!(parse_scan_cursor(b"007"), Some(7));
        assert_eq!(parse_scan_cursor(b"-1"), Some(u64::MAX));
        assert_eq!(parse_scan_cursor(b"-18446744073709551615"), Some(1));
        assert_eq!(parse_scan_cursor(b"18446744073709551615"), Some(u64::MAX));
        for bad in [
            &b"18446744073709551616"[..],
            b"-",
            b"+",
            b" 1",
            b"1 ",
            b"0x1",
            b"+-1",
        ] {
            assert_eq!(
                parse_scan_cursor(bad),
                None,
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
