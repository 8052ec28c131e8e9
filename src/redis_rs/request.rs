//! The request side of the bridge: the packed RESP bytes redis-rs hands a `ConnectionLike`
//! (`Cmd::get_packed_command`, `Pipeline::get_packed_pipeline`) back into command lines.
//!
//! redis-rs always packs a command as a RESP array of bulk strings (`*N`, then `$len` and
//! the bytes of each argument), and a pipeline as those arrays back to back, MULTI and EXEC
//! included for an atomic one. The whole buffer is copied once into one shared [`Bytes`];
//! every argument is a slice of it, so parsing allocates one buffer and one `Vec` per
//! command, never one per argument.

use bytes::Bytes;

use crate::cmd::Command;
use crate::exec::monitor::{keep_vec, SentLines};
use crate::Error;

/// Why packed bytes are not a sequence of RESP command arrays. redis-rs never produces
/// such bytes; a hand-made `req_packed_command` call can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MalformedRequest {
    /// Where in the buffer parsing stopped.
    pub(crate) at: usize,
    /// What was expected there.
    pub(crate) expected: &'static str,
}

impl std::fmt::Display for MalformedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.at)
    }
}

/// Splits packed bytes into command lines. An empty array (`*0`) is skipped, as redis-server
/// skips it without a reply.
pub(crate) fn parse_packed(packed: &[u8]) -> Result<Vec<Vec<Bytes>>, MalformedRequest> {
    let buffer = Bytes::copy_from_slice(packed);
    let mut cursor = Cursor {
        bytes: &buffer,
        at: 0,
    };
    let mut lines = Vec::new();
    while cursor.at < buffer.len() {
        let argc = cursor.header(b'*', "'*' and an argument count")?;
        let mut argv = Vec::with_capacity(argc);
        for _ in 0..argc {
            let len = cursor.header(b'$', "'$' and an argument length")?;
            let start = cursor.at;
            let end = start
                .checked_add(len)
                .filter(|&end| end + 2 <= buffer.len() && &buffer[end..end + 2] == b"\r\n")
                .ok_or(MalformedRequest {
                    at: start,
                    expected: "the argument's bytes and CRLF",
                })?;
            argv.push(buffer.slice(start..end));
            cursor.at = end + 2;
        }
        if !argv.is_empty() {
            lines.push(argv);
        }
    }
    Ok(lines)
}

/// [`parse_packed`], each line parsed into a command on this thread, as
/// [`Connection::send`](crate::Connection::send) does: the batch a round trip sends.
pub(crate) fn commands(packed: &[u8]) -> Result<Batch, MalformedRequest> {
    let mut batch = Batch::default();
    for (at, words) in parse_packed(packed)?.into_iter().enumerate() {
        let (command, line) = keep_vec(words);
        batch.lines.record(at, line);
        batch.commands.push(command);
    }
    Ok(batch)
}

/// The commands of one request, and their lines as sent while a MONITOR listens.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub(crate) commands: Vec<Result<Command, Error>>,
    pub(crate) lines: SentLines,
}

/// Whether a request holds a read that may block (`XREAD`/`XREADGROUP`, which block with
/// `BLOCK`). A batch answers in one frame, so nothing in it may park: such a request is sent
/// one command at a time instead, and its read blocks as it does on redis-server.
pub(crate) fn may_block(batch: &[Result<Command, Error>]) -> bool {
    batch
        .iter()
        .any(|command| matches!(command, Ok(Command::XRead(_) | Command::XReadGroup(_))))
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    /// `<marker><decimal>\r\n`: the decimal.
    fn header(&mut self, marker: u8, expected: &'static str) -> Result<usize, MalformedRequest> {
        let error = MalformedRequest {
            at: self.at,
            expected,
        };
        if self.bytes.get(self.at) != Some(&marker) {
            return Err(error);
        }
        let digits_start = self.at + 1;
        let line_end = self.bytes[digits_start..]
            .windows(2)
            .position(|pair| pair == b"\r\n")
            .map(|offset| digits_start + offset)
            .ok_or_else(|| error.clone())?;
        let value = std::str::from_utf8(&self.bytes[digits_start..line_end])
            .ok()
            .and_then(|digits| digits.parse::<usize>().ok())
            .ok_or(error)?;
        self.at = line_end + 2;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(packed: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let parsed = parse_packed(packed).expect("well-formed");
        parsed
            .into_iter()
            .map(|argv| argv.iter().map(|arg| arg.to_vec()).collect())
            .collect()
    }

    fn argv(words: &[&[u8]]) -> Vec<Vec<u8>> {
        words.iter().map(|word| word.to_vec()).collect()
    }

    #[test]
    fn splits_what_redis_rs_packs() {
        let mut pipe = redis::pipe();
        pipe.atomic()
            .cmd("SET")
            .arg("k")
            .arg(b"a\r\nb")
            .cmd("GET")
            .arg("k");
        let packed = pipe.get_packed_pipeline();
        assert_eq!(
            lines(&packed),
            vec![
                argv(&[b"MULTI"]),
                argv(&[b"SET", b"k", b"a\r\nb"]),
                argv(&[b"GET", b"k"]),
                argv(&[b"EXEC"]),
            ]
        );
    }

    #[test]
    fn empty_arguments_and_empty_arrays() {
        assert_eq!(
            lines(b"*0\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"),
            vec![argv(&[b"ECHO", b""])]
        );
    }

    #[test]
    fn malformed_bytes_say_where() {
        assert_eq!(
            parse_packed(b"PING\r\n"),
            Err(MalformedRequest {
                at: 0,
                expected: "'*' and an argument count"
            })
        );
        assert_eq!(
            parse_packed(b"*1\r\n$5\r\nPING\r\n").unwrap_err().at,
            8,
            "a length longer than the argument"
        );
        assert!(parse_packed(b"*1\r\n$-1\r\n").is_err());
        assert!(parse_packed(b"*1").is_err());
    }
}
