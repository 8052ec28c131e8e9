//! Arguments as Redis's C code reads them.
//!
//! A Redis argument is a binary-safe string, but much of redis-server compares it with
//! `strcasecmp`/`strcmp` or parses it with `strtoull`/`strlen`, which stop at the first NUL
//! byte: `SET k v "NX\0junk"` is `SET k v NX`, `SCAN "5\0x"` starts at cursor 5,
//! `XADD s "1-1\0x" f v` adds `1-1`. Option keywords, the special stream IDs (`*`, `$`, `>`,
//! `-`, `+`, `~`, `=`), stream IDs and the SCAN cursor and type are read this way. Integer
//! arguments are not: `string2ll` takes the full length, so `"5\0"` is not a number.

/// The bytes before the first NUL: what C sees of an argument.
pub(crate) fn c_string(bytes: &[u8]) -> &[u8] {
    bytes
        .iter()
        .position(|&b| b == 0)
        .map_or(bytes, |end| &bytes[..end])
}

/// `strcasecmp(arg, keyword) == 0`: `keyword` is given in upper case.
pub(crate) fn keyword_is(arg: &[u8], keyword: &str) -> bool {
    c_string(arg).eq_ignore_ascii_case(keyword.as_bytes())
}

/// `strcmp(arg, symbol) == 0`, for the one-byte symbols (`*`, `$`, `>`, `~`, ...).
pub(crate) fn symbol_is(arg: &[u8], symbol: &[u8]) -> bool {
    c_string(arg) == symbol
}

/// The argument before its first NUL, upper-cased, for matching against several keywords.
pub(crate) fn upper_keyword(arg: &[u8]) -> smallvec::SmallVec<[u8; 16]> {
    c_string(arg).iter().map(u8::to_ascii_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_first_nul() {
        assert_eq!(c_string(b"NX\0junk"), b"NX");
        assert_eq!(c_string(b"\0"), b"");
        assert_eq!(c_string(b"plain"), b"plain");
        assert!(keyword_is(b"nx\0x", "NX"));
        assert!(!keyword_is(b"N\0X", "NX"));
        assert!(symbol_is(b"*\0", b"*"));
        assert!(!symbol_is(b"**", b"*"));
        assert_eq!(upper_keyword(b"maxLen\0~").as_slice(), b"MAXLEN");
    }
}
