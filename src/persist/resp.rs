//! RESP *requests*: the `*N\r\n$len\r\narg\r\n...` form clients send and redis-server's
//! append-only file stores. One encoder and one parser, both pure functions over bytes, for
//! the export, the import and the append-only file.
//!
//! The parser is strict where a request stream must be: only the multibulk form (no inline
//! commands), decimal lengths without sign or leading `+`, `\r\n` after every line and every
//! payload. A stream that ends inside a command is [`Parsed::Incomplete`] (a truncated file
//! tail, or more bytes still to come), never an error, so a loader can tell a torn last
//! write from corruption.

/// redis-server's default `proto-max-bulk-len` (512 MiB): a longer argument is refused.
pub(crate) const MAX_BULK_LEN: usize = 512 * 1024 * 1024;
/// redis-server refuses a multibulk count above `INT_MAX`.
pub(crate) const MAX_ARGS: usize = i32::MAX as usize;

/// The outcome of [`parse_command`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Parsed<'a> {
    /// One whole command: its arguments (borrowed from the input) and the bytes it took.
    Complete {
        /// The arguments, command name first.
        argv: Vec<&'a [u8]>,
        /// How many bytes of the input the command took.
        consumed: usize,
    },
    /// The input ends inside a command: read more, or, at the end of a file, a torn tail.
    Incomplete,
    /// Not a RESP request: `offset` is the first byte that cannot belong to one.
    Invalid {
        /// Index into the input of the offending byte.
        offset: usize,
    },
}

/// Appends `argv` as one RESP request (an array of bulk strings).
pub(crate) fn encode_command(argv: &[&[u8]], out: &mut Vec<u8>) {
    encode_args(argv, out);
}

/// [`encode_command`] for arguments of any byte-like type (text, `Bytes`, slices).
pub(crate) fn encode_args<A: AsRef<[u8]>>(argv: &[A], out: &mut Vec<u8>) {
    write_array_len(argv.len(), out);
    for arg in argv {
        write_bulk(arg.as_ref(), out);
    }
}

/// Appends an array header: `*<n>\r\n`.
pub(crate) fn write_array_len(n: usize, out: &mut Vec<u8>) {
    out.push(b'*');
    out.extend_from_slice(decimal(n as u64, &mut [0; 20]));
    out.extend_from_slice(b"\r\n");
}

/// Appends one bulk string: `$<len>\r\n<bytes>\r\n`.
pub(crate) fn write_bulk(arg: &[u8], out: &mut Vec<u8>) {
    out.push(b'$');
    out.extend_from_slice(decimal(arg.len() as u64, &mut [0; 20]));
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(arg);
    out.extend_from_slice(b"\r\n");
}

/// Appends a non-negative integer as a bulk string of its decimal text.
pub(crate) fn write_bulk_u64(n: u64, out: &mut Vec<u8>) {
    write_bulk(decimal(n, &mut [0; 20]), out);
}

/// Appends an integer as a bulk string of its decimal text.
pub(crate) fn write_bulk_i64(n: i64, out: &mut Vec<u8>) {
    write_bulk(signed_decimal(n, &mut [0; 20]), out);
}

/// The decimal text of `n`, sign included, written at the end of `buf` (`i64::MIN` takes
/// all 20 bytes).
pub(crate) fn signed_decimal(n: i64, buf: &mut [u8; 20]) -> &[u8] {
    let len = decimal(n.unsigned_abs(), buf).len();
    let mut start = buf.len() - len;
    if n < 0 {
        start -= 1;
        buf[start] = b'-';
    }
    &buf[start..]
}

/// The decimal digits of `n`, written at the end of `buf` (no allocation: the rewrite
/// formats a number for almost every argument it writes).
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

/// Parses the one command at the start of `input`.
pub(crate) fn parse_command(input: &[u8]) -> Parsed<'_> {
    let (count, mut at) = match parse_header(input, 0, b'*', MAX_ARGS) {
        Header::Value(count, next) => (count, next),
        Header::Incomplete => return Parsed::Incomplete,
        Header::Invalid(offset) => return Parsed::Invalid { offset },
    };
    if count == 0 {
        // redis-server's append-only-file loader refuses an empty command as corruption.
        return Parsed::Invalid { offset: 1 };
    }
    // The count comes from the input: never reserve more than a little for it up front.
    let mut argv = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        let (len, start) = match parse_header(input, at, b'$', MAX_BULK_LEN) {
            Header::Value(len, next) => (len, next),
            Header::Incomplete => return Parsed::Incomplete,
            Header::Invalid(offset) => return Parsed::Invalid { offset },
        };
        let end = start + len;
        match input.get(end..end + 2) {
            None => {
                // Whatever has arrived of the terminator must still be right.
                let tail = input.get(end..).unwrap_or_default();
                if !b"\r\n".starts_with(tail) {
                    return Parsed::Invalid { offset: end };
                }
                return Parsed::Incomplete;
            }
            Some(b"\r\n") => {}
            Some(terminator) => {
                let offset = if terminator[0] == b'\r' { end + 1 } else { end };
                return Parsed::Invalid { offset };
            }
        }
        argv.push(&input[start..end]);
        at = end + 2;
    }
    Parsed::Complete { argv, consumed: at }
}

enum Header {
    /// The number, and where the line after it starts.
    Value(usize, usize),
    Incomplete,
    Invalid(usize),
}

/// Parses `<marker><decimal>\r\n` at `at`: a number in `0..=max` without sign or padding.
fn parse_header(input: &[u8], at: usize, marker: u8, max: usize) -> Header {
    match input.get(at) {
        None => return Header::Incomplete,
        Some(&byte) if byte != marker => return Header::Invalid(at),
        Some(_) => {}
    }
    let digits_start = at + 1;
    let mut value: usize = 0;
    let mut i = digits_start;
    loop {
        let Some(&byte) = input.get(i) else {
            return Header::Incomplete;
        };
        match byte {
            b'0'..=b'9' => {
                if i > digits_start && value == 0 {
                    return Header::Invalid(i); // a leading zero
                }
                value = match value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(usize::from(byte - b'0')))
                {
                    Some(v) if v <= max => v,
                    _ => return Header::Invalid(i),
                };
            }
            b'\r' if i > digits_start => {
                return match input.get(i + 1) {
                    None => Header::Incomplete,
                    Some(b'\n') => Header::Value(value, i + 2),
                    Some(_) => Header::Invalid(i + 1),
                };
            }
            _ => return Header::Invalid(i),
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(argv: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        encode_command(argv, &mut out);
        out
    }

    #[test]
    fn encodes_the_wire_form() {
        assert_eq!(
            encoded(&[b"SET", b"k", b""]),
            b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n"
        );
        let mut out = Vec::new();
        write_bulk_i64(-42, &mut out);
        write_bulk_i64(i64::MIN, &mut out);
        write_bulk_u64(u64::MAX, &mut out);
        assert_eq!(
            out,
            b"$3\r\n-42\r\n$20\r\n-9223372036854775808\r\n$20\r\n18446744073709551615\r\n"
        );
    }

    #[test]
    fn parses_back_what_it_encodes_and_reports_the_length() {
        let mut stream = encoded(&[b"XADD", b"s", b"1-1", b"f", b"a\r\nb"]);
        let first_len = stream.len();
        stream.extend(encoded(&[b"PING"]));
        match parse_command(&stream) {
            Parsed::Complete { argv, consumed } => {
                assert_eq!(argv, [&b"XADD"[..], b"s", b"1-1", b"f", b"a\r\nb"]);
                assert_eq!(consumed, first_len);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse_command(&stream[first_len..]),
            Parsed::Complete {
                argv: vec![b"PING"],
                consumed: 14
            }
        );
    }

    #[test]
    fn every_strict_prefix_is_incomplete() {
        let whole = encoded(&[b"SET", b"key", b"value"]);
        for end in 0..whole.len() {
            assert_eq!(parse_command(&whole[..end]), Parsed::Incomplete, "{end}");
        }
    }

    #[test]
    fn corruption_is_located() {
        let invalid = |input: &[u8]| match parse_command(input) {
            Parsed::Invalid { offset } => offset,
            other => panic!("{other:?} for {input:?}"),
        };
        assert_eq!(
            invalid(b"SET k v\r\n"),
            0,
            "inline commands are not requests"
        );
        assert_eq!(invalid(b"*0\r\n"), 1);
        assert_eq!(invalid(b"*-1\r\n"), 1);
        assert_eq!(invalid(b"*01\r\n"), 2);
        assert_eq!(invalid(b"*\r\n"), 1);
        assert_eq!(invalid(b"*1\rx"), 3);
        assert_eq!(invalid(b"*1\r\n+OK\r\n"), 4);
        assert_eq!(invalid(b"*1\r\n$2\r\nab\n\r"), 10);
        assert_eq!(invalid(b"*1\r\n$2\r\nab\rx"), 11);
        assert_eq!(invalid(b"*1\r\n$2\r\nabc"), 10);
        assert_eq!(
            invalid(b"*1\r\n$536870913\r\n"),
            13,
            "past proto-max-bulk-len"
        );
        assert_eq!(invalid(b"*99999999999999999999999\r\n"), 10);
    }
}
