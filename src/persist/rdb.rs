//! The parts of Redis's RDB format that its serialized payloads use (DUMP and RESTORE,
//! FUNCTION DUMP and FUNCTION RESTORE): length and string encodings, and the footer of every payload, the
//! RDB version and a CRC-64 of everything before it.
//!
//! Strings are read in every encoding redis-server writes (plain, small integers, LZF
//! compressed) and written plain: redis-server compresses strings over 20 bytes when LZF
//! saves at least 4 of them, a choice that only changes the bytes, not what they load as.
//! Both servers load either form.

use crate::store::number::parse_i64;

/// The RDB version embedis writes and the newest it reads: redis-server 7.0's.
pub(crate) const RDB_VERSION: u16 = 10;

/// The footer after a payload's body: the version (2 bytes) and the CRC-64 (8 bytes).
pub(crate) const FOOTER_LEN: usize = 10;

/// The opcode before each library in a FUNCTION DUMP payload (and an RDB file).
#[cfg(feature = "lua")]
pub(crate) const OPCODE_FUNCTION2: u8 = 245;
/// The opcode of functions saved by Redis 7.0's release candidates (7.0 still reads them).
#[cfg(feature = "lua")]
pub(crate) const OPCODE_FUNCTION_PRE_GA: u8 = 246;

/// Length prefixes: the top two bits of the first byte say how the length is stored.
const LEN_6BIT: u8 = 0;
const LEN_14BIT: u8 = 1;
const LEN_32BIT: u8 = 0x80;
const LEN_64BIT: u8 = 0x81;
/// `11` in the top two bits: a string in a special encoding (the low six bits say which).
const ENCODED: u8 = 3;
const ENC_INT8: u8 = 0;
const ENC_INT16: u8 = 1;
const ENC_INT32: u8 = 2;
const ENC_LZF: u8 = 3;

/// CRC-64 with the Jones polynomial, reflected, as redis-server computes its checksums
/// (`crc64(0, ...)`): the check value of `123456789` is `0xe9c6d914c4b8d9ca`.
pub(crate) fn crc64(data: &[u8]) -> u64 {
    data.iter().fold(0, |crc, &byte| {
        CRC64_TABLE[((crc ^ u64::from(byte)) & 0xff) as usize] ^ (crc >> 8)
    })
}

/// The Jones polynomial `0xad93d23594c935a9`, bit-reversed for the reflected algorithm.
const JONES_REFLECTED: u64 = 0x95ac_9329_ac4b_c9b5;

const CRC64_TABLE: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut index = 0;
    while index < 256 {
        let mut crc = index as u64;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ JONES_REFLECTED
            } else {
                crc >> 1
            };
            bit += 1;
        }
        table[index] = crc;
        index += 1;
    }
    table
};

/// Appends the footer that makes `body` a payload.
pub(crate) fn seal(mut body: Vec<u8>) -> Vec<u8> {
    body.extend_from_slice(&RDB_VERSION.to_le_bytes());
    let crc = crc64(&body);
    body.extend_from_slice(&crc.to_le_bytes());
    body
}

/// The body of a payload whose footer is intact (a version embedis reads, the right
/// checksum), as redis-server's `verifyDumpPayload` checks it; `None` otherwise.
pub(crate) fn verify(payload: &[u8]) -> Option<&[u8]> {
    let body_end = payload.len().checked_sub(FOOTER_LEN)?;
    let (signed, crc) = payload.split_at(payload.len() - 8);
    let version = u16::from_le_bytes([signed[body_end], signed[body_end + 1]]);
    let crc = u64::from_le_bytes(crc.try_into().ok()?);
    (version <= RDB_VERSION && crc64(signed) == crc).then_some(&payload[..body_end])
}

/// Appends a length in RDB's variable-size form.
pub(crate) fn write_length(out: &mut Vec<u8>, len: u64) {
    if len < 1 << 6 {
        out.push((LEN_6BIT << 6) | len as u8);
    } else if len < 1 << 14 {
        out.push((LEN_14BIT << 6) | (len >> 8) as u8);
        out.push(len as u8);
    } else if let Ok(len) = u32::try_from(len) {
        out.push(LEN_32BIT);
        out.extend_from_slice(&len.to_be_bytes());
    } else {
        out.push(LEN_64BIT);
        out.extend_from_slice(&len.to_be_bytes());
    }
}

/// Appends a string, plain: its length, then its bytes.
pub(crate) fn write_plain_string(out: &mut Vec<u8>, bytes: &[u8]) {
    write_length(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Appends a string as redis-server's `rdbSaveRawString` does, short of LZF: as a number
/// when it is a canonical integer that fits 32 bits (tried for strings of up to 11
/// bytes), else plain.
pub(crate) fn write_string(out: &mut Vec<u8>, bytes: &[u8]) {
    let small = (bytes.len() <= 11)
        .then(|| parse_i64(bytes))
        .flatten()
        .and_then(|n| i32::try_from(n).ok());
    match small {
        Some(n) if i8::try_from(n).is_ok() => {
            out.extend_from_slice(&[0xc0 | ENC_INT8, n as i8 as u8])
        }
        Some(n) if i16::try_from(n).is_ok() => {
            out.push(0xc0 | ENC_INT16);
            out.extend_from_slice(&(n as i16).to_le_bytes());
        }
        Some(n) => {
            out.push(0xc0 | ENC_INT32);
            out.extend_from_slice(&n.to_le_bytes());
        }
        None => write_plain_string(out, bytes),
    }
}

/// Reads a payload's body front to back; every read is `None` past its end or on bytes
/// that do not decode.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
}

/// A length, or the special encoding a string uses instead.
enum Length {
    Plain(u64),
    Encoded(u8),
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// How many bytes are left to read.
    #[cfg_attr(not(feature = "lua"), allow(dead_code))]
    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len()
    }

    /// The next `count` bytes as they are.
    pub(crate) fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        if count > self.bytes.len() {
            return None;
        }
        let (taken, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Some(taken)
    }

    /// One byte: an object type or an opcode.
    pub(crate) fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|byte| byte[0])
    }

    fn length(&mut self) -> Option<Length> {
        let first = self.byte()?;
        Some(match first >> 6 {
            LEN_6BIT => Length::Plain(u64::from(first & 0x3f)),
            LEN_14BIT => Length::Plain((u64::from(first & 0x3f) << 8) | u64::from(self.byte()?)),
            ENCODED => Length::Encoded(first & 0x3f),
            _ if first == LEN_32BIT => Length::Plain(u64::from(u32::from_be_bytes(
                self.take(4)?.try_into().ok()?,
            ))),
            _ if first == LEN_64BIT => {
                Length::Plain(u64::from_be_bytes(self.take(8)?.try_into().ok()?))
            }
            _ => return None,
        })
    }

    /// A length where redis-server reads one with `rdbLoadLen`, which takes a string
    /// encoding's byte as its low six bits.
    pub(crate) fn length_only(&mut self) -> Option<u64> {
        Some(match self.length()? {
            Length::Plain(len) => len,
            Length::Encoded(bits) => u64::from(bits),
        })
    }

    fn plain_length(&mut self) -> Option<usize> {
        usize::try_from(self.length_only()?).ok()
    }

    /// A string in any of the encodings redis-server writes.
    pub(crate) fn string(&mut self) -> Option<Vec<u8>> {
        match self.length()? {
            Length::Plain(len) => Some(self.take(usize::try_from(len).ok()?)?.to_vec()),
            Length::Encoded(ENC_INT8) => Some((self.take(1)?[0] as i8).to_string().into_bytes()),
            Length::Encoded(ENC_INT16) => {
                let value = i16::from_le_bytes(self.take(2)?.try_into().ok()?);
                Some(value.to_string().into_bytes())
            }
            Length::Encoded(ENC_INT32) => {
                let value = i32::from_le_bytes(self.take(4)?.try_into().ok()?);
                Some(value.to_string().into_bytes())
            }
            Length::Encoded(ENC_LZF) => {
                let compressed_len = self.plain_length()?;
                let len = self.plain_length()?;
                lzf_decompress(self.take(compressed_len)?, len)
            }
            Length::Encoded(_) => None,
        }
    }
}

/// Expands LZF data (the format of liblzf, which redis-server compresses strings with)
/// into exactly `len` bytes; `None` if the data is not that.
///
/// The data is a series of runs, each led by a control byte: below 32, a literal run of
/// `control + 1` bytes follows; otherwise a back reference copies `length + 2` bytes from
/// `offset + 1` bytes back in the output, where `length` is the top three bits (7: plus
/// the next byte) and `offset` the low five bits followed by the next byte.
pub(crate) fn lzf_decompress(mut input: &[u8], len: usize) -> Option<Vec<u8>> {
    // `len` comes from the payload: reserve no more than the input can expand to (a
    // back reference of 3 bytes yields at most 264), so a lying length cannot exhaust memory.
    let mut out = Vec::with_capacity(len.min(input.len().saturating_mul(88)));
    while let Some((&control, rest)) = input.split_first() {
        input = rest;
        if control < 32 {
            let run = usize::from(control) + 1;
            if run > input.len() {
                return None;
            }
            let (literal, rest) = input.split_at(run);
            out.extend_from_slice(literal);
            input = rest;
        } else {
            let mut length = usize::from(control >> 5);
            if length == 7 {
                let (&more, rest) = input.split_first()?;
                length += usize::from(more);
                input = rest;
            }
            let (&low, rest) = input.split_first()?;
            input = rest;
            let back = ((usize::from(control & 0x1f) << 8) | usize::from(low)) + 1;
            let start = out.len().checked_sub(back)?;
            // Byte by byte: a reference may overlap the bytes it produces.
            for at in start..start + length + 2 {
                out.push(out[at]);
            }
        }
        if out.len() > len {
            return None;
        }
    }
    (out.len() == len).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc64_has_the_check_value_redis_tests() {
        assert_eq!(crc64(b"123456789"), 0xe9c6_d914_c4b8_d9ca);
        assert_eq!(crc64(b""), 0);
    }

    #[test]
    fn a_sealed_payload_verifies_and_a_changed_byte_does_not() {
        let mut body = vec![0xf5];
        write_plain_string(&mut body, b"#!lua name=lib");
        let payload = seal(body.clone());
        assert_eq!(verify(&payload), Some(&body[..]));
        for at in 0..payload.len() {
            let mut broken = payload.clone();
            broken[at] ^= 0x01;
            assert_eq!(verify(&broken), None, "byte {at} flipped");
        }
        assert_eq!(verify(&payload[..9]), None);
        // A newer version is refused even with the right checksum.
        let mut newer = body;
        newer.extend_from_slice(&(RDB_VERSION + 1).to_le_bytes());
        let crc = crc64(&newer);
        newer.extend_from_slice(&crc.to_le_bytes());
        assert_eq!(verify(&newer), None);
    }

    #[test]
    fn lengths_round_trip_in_each_size() {
        for len in [0, 1, 63, 64, 16_383, 16_384, u64::from(u32::MAX), 1 << 40] {
            let mut out = Vec::new();
            write_length(&mut out, len);
            let mut reader = Reader::new(&out);
            assert!(matches!(reader.length(), Some(Length::Plain(read)) if read == len));
            assert_eq!(reader.remaining(), 0);
        }
    }

    #[test]
    fn strings_decode_in_every_encoding() {
        let mut plain = Vec::new();
        write_plain_string(&mut plain, b"hello");
        assert_eq!(Reader::new(&plain).string(), Some(b"hello".to_vec()));
        assert_eq!(Reader::new(&[0xc0, 0xfb]).string(), Some(b"-5".to_vec()));
        assert_eq!(
            Reader::new(&[0xc1, 0x39, 0x30]).string(),
            Some(b"12345".to_vec())
        );
        assert_eq!(
            Reader::new(&[0xc2, 0x15, 0xcd, 0x5b, 0x07]).string(),
            Some(b"123456789".to_vec())
        );
        // LZF: "abc" then a reference 3 back of 2 + 4 = 6 bytes: "abcabcabc".
        let lzf = [0xc3, 0x06, 0x09, 0x02, b'a', b'b', b'c', 0x80, 0x02];
        assert_eq!(Reader::new(&lzf).string(), Some(b"abcabcabc".to_vec()));
        // Truncated or inconsistent data reads as nothing.
        assert_eq!(Reader::new(&[0x05, b'a']).string(), None);
        assert_eq!(
            Reader::new(&[0xc3, 0x06, 0x08, 0x02, b'a', b'b', b'c', 0x80, 0x02]).string(),
            None
        );
        assert_eq!(
            lzf_decompress(&[0x20, 0x00], 3),
            None,
            "a reference before any byte"
        );
        assert_eq!(
            lzf_decompress(&[0x00, b'a'], usize::MAX),
            None,
            "a lying length"
        );
        assert_eq!(Reader::new(&[0xc4]).string(), None);
    }
}
