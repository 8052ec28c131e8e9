//! RESP request framing: the format of Redis's append-only file and of `redis-cli --pipe`.
//!
//! A command is an array of bulk strings: `*<n>\r\n` then, per argument, `$<len>\r\n<bytes>\r\n`.
//! The encoder writes exactly that; the parser reads one command from the front of a buffer
//! and says whether it is complete, cut short (a torn tail), or malformed (corruption).

use bytes::Bytes;

/// Appends one command, in RESP, to `out`.
pub(crate) fn encode_command<A: AsRef<[u8]>>(argv: &[A], out: &mut Vec<u8>) {
    out.push(b'*');
    push_decimal(argv.len(), out);
    for arg in argv {
        let arg = arg.as_ref();
        out.push(b'$');
        push_decimal(arg.len(), out);
        out.extend_from_slice(arg);
        out.extend_from_slice(b"\r\n");
    }
}

fn push_decimal(n: usize, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
    out.extend_from_slice(b"\r\n");
}

/// What the front of a buffer holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Parsed {
    /// One whole command and the bytes it took.
    Complete(Vec<Bytes>, usize),
    /// The start of a command whose end is missing.
    Incomplete,
    /// Bytes that are not a RESP command; `at` is the offending byte's offset in the buffer.
    Invalid { at: usize, reason: &'static str },
}

/// The largest argument count and argument length accepted (Redis's own limits: 1M-ish
/// arguments would already be suspicious, 512 MB is `proto-max-bulk-len`).
const MAX_ARGS: usize = 1 << 24;
const MAX_BULK: usize = 512 << 20;

/// Parses the command at the front of `buf` (`base` is added to the offsets of errors).
pub(crate) fn parse_command(buf: &[u8]) -> Parsed {
    let mut at = 0;
    if buf.is_empty() {
        return Parsed::Incomplete;
    }
    if buf[0] != b'*' {
        return Parsed::Invalid {
            at: 0,
            reason: "expected '*' (the start of a command)",
        };
    }
    at += 1;
    let count = match read_number(buf, &mut at) {
        Ok(count) => count,
        Err(parsed) => return parsed,
    };
    if count == 0 || count > MAX_ARGS {
        return Parsed::Invalid {
            at: 1,
            reason: "invalid argument count",
        };
    }
    let mut argv = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        match buf.get(at) {
            None => return Parsed::Incomplete,
            Some(b'$') => at += 1,
            Some(_) => {
                return Parsed::Invalid {
                    at,
                    reason: "expected '$' (a bulk string)",
                }
            }
        }
        let len_at = at;
        let len = match read_number(buf, &mut at) {
            Ok(len) => len,
            Err(parsed) => return parsed,
        };
        if len > MAX_BULK {
            return Parsed::Invalid {
                at: len_at,
                reason: "bulk string too long",
            };
        }
        let end = at + len;
        if buf.len() < end + 2 {
            return Parsed::Incomplete;
        }
        if &buf[end..end + 2] != b"\r\n" {
            return Parsed::Invalid {
                at: end,
                reason: "bulk string not followed by CRLF",
            };
        }
        argv.push(Bytes::copy_from_slice(&buf[at..end]));
        at = end + 2;
    }
    Parsed::Complete(argv, at)
}

/// Reads `<digits>\r\n` at `*at`, advancing past it.
fn read_number(buf: &[u8], at: &mut usize) -> Result<usize, Parsed> {
    let start = *at;
    let mut n: usize = 0;
    loop {
        match buf.get(*at) {
            None => return Err(Parsed::Incomplete),
            Some(b'\r') => break,
            Some(digit @ b'0'..=b'9') if *at - start < 12 => {
                n = n * 10 + usize::from(digit - b'0');
                *at += 1;
            }
            Some(_) => {
                return Err(Parsed::Invalid {
                    at: *at,
                    reason: "expected a decimal length",
                })
            }
        }
    }
    if *at == start {
        return Err(Parsed::Invalid {
            at: start,
            reason: "empty length",
        });
    }
    match buf.get(*at + 1) {
        None => Err(Parsed::Incomplete),
        Some(b'\n') => {
            *at += 2;
            Ok(n)
        }
        Some(_) => Err(Parsed::Invalid {
            at: *at + 1,
            reason: "expected '\\n' after '\\r'",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_redis_request_framing() {
        let mut out = Vec::new();
        encode_command(&["SET", "k", ""], &mut out);
        assert_eq!(out, b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n");
    }

    #[test]
    fn parses_what_it_encodes_and_every_prefix_is_incomplete() {
        let mut out = Vec::new();
        encode_command(&["XADD", "s", "1-1", "f", "v\r\n"], &mut out);
        let Parsed::Complete(argv, used) = parse_command(&out) else {
            panic!("not complete");
        };
        assert_eq!(used, out.len());
        assert_eq!(argv[4], Bytes::from_static(b"v\r\n"));
        for cut in 0..out.len() {
            assert_eq!(parse_command(&out[..cut]), Parsed::Incomplete, "cut {cut}");
        }
    }

    #[test]
    fn names_the_offset_of_corruption() {
        assert!(matches!(
            parse_command(b"*1\r\n$3\r\nGETxx"),
            Parsed::Invalid { at: 11, .. }
        ));
        assert!(matches!(
            parse_command(b"+OK\r\n"),
            Parsed::Invalid { at: 0, .. }
        ));
        assert!(matches!(
            parse_command(b"*1\r\n$a\r\n"),
            Parsed::Invalid { at: 5, .. }
        ));
    }
}
