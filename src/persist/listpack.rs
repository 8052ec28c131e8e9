//! The compact encodings redis-server writes small collections in, inside RDB payloads:
//! listpacks (small hashes, sorted sets and list nodes) and intsets (sets of integers).
//!
//! A listpack is a 6-byte header (total bytes, element count, little-endian), its entries,
//! and an end byte `0xff`. Each entry is an encoding byte and its data, then the entry's
//! length written backwards so the list can be walked from either end. An element that is
//! a canonical integer is stored as a number in the smallest encoding that holds it.
//! An intset is a width (2, 4 or 8 bytes), a count, and the sorted integers.

use crate::store::number::parse_i64;

const END: u8 = 0xff;
const HEADER_LEN: usize = 6;

/// Encodes `elements` as one listpack.
pub(crate) fn encode<'a>(elements: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut writer = Writer::default();
    for element in elements {
        writer.push(element);
    }
    writer.finish()
}

/// A listpack written one element at a time, with no allocation per element.
pub(crate) struct Writer {
    out: Vec<u8>,
    count: usize,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer {
            out: vec![0; HEADER_LEN],
            count: 0,
        }
    }
}

impl Writer {
    /// An element as Redis stores it: a canonical integer as a number, else its bytes.
    pub(crate) fn push(&mut self, element: &[u8]) {
        match parse_i64(element) {
            Some(value) => self.push_int(value),
            None => {
                let start = self.out.len();
                encode_string(&mut self.out, element);
                self.end_entry(start);
            }
        }
    }

    /// An integer element.
    pub(crate) fn push_int(&mut self, value: i64) {
        let start = self.out.len();
        encode_integer(&mut self.out, value);
        self.end_entry(start);
    }

    fn end_entry(&mut self, start: usize) {
        let entry_len = self.out.len() - start;
        encode_backlen(&mut self.out, entry_len);
        self.count += 1;
    }

    /// The listpack: its header filled in, its end byte appended.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        self.out.push(END);
        let total = u32::try_from(self.out.len()).unwrap_or(u32::MAX);
        self.out[..4].copy_from_slice(&total.to_le_bytes());
        let count = u16::try_from(self.count).unwrap_or(u16::MAX);
        self.out[4..6].copy_from_slice(&count.to_le_bytes());
        self.out
    }
}

fn encode_integer(out: &mut Vec<u8>, value: i64) {
    if (0..=127).contains(&value) {
        out.push(value as u8);
    } else if (-4096..=4095).contains(&value) {
        let bits = (value as u16) & 0x1fff;
        out.extend_from_slice(&[0xc0 | (bits >> 8) as u8, bits as u8]);
    } else if let Ok(value) = i16::try_from(value) {
        out.push(0xf1);
        out.extend_from_slice(&value.to_le_bytes());
    } else if (-(1 << 23)..(1 << 23)).contains(&value) {
        out.push(0xf2);
        out.extend_from_slice(&value.to_le_bytes()[..3]);
    } else if let Ok(value) = i32::try_from(value) {
        out.push(0xf3);
        out.extend_from_slice(&value.to_le_bytes());
    } else {
        out.push(0xf4);
        out.extend_from_slice(&value.to_le_bytes());
    }
}

fn encode_string(out: &mut Vec<u8>, bytes: &[u8]) {
    let len = bytes.len();
    if len < 64 {
        out.push(0x80 | len as u8);
    } else if len < 4096 {
        out.extend_from_slice(&[0xe0 | (len >> 8) as u8, len as u8]);
    } else {
        out.push(0xf0);
        out.extend_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes());
    }
    out.extend_from_slice(bytes);
}

/// An entry's length, seven bits per byte, most significant first; every byte but the
/// first has its top bit set (read backwards, the top bit says "more to come").
fn encode_backlen(out: &mut Vec<u8>, len: usize) {
    // Least significant group first, as computed; written most significant first.
    let mut groups = [0u8; 10];
    let mut used = 0;
    let mut rest = len;
    loop {
        groups[used] = (rest & 127) as u8;
        used += 1;
        rest >>= 7;
        if rest == 0 {
            break;
        }
    }
    for (at, group) in groups[..used].iter().rev().enumerate() {
        out.push(if at == 0 { *group } else { group | 128 });
    }
}

/// The elements of a listpack (integers as their decimal text); `None` if the bytes are
/// not one.
pub(crate) fn decode(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let total = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    if total != bytes.len() || bytes.last() != Some(&END) {
        return None;
    }
    let mut at = HEADER_LEN;
    let mut elements = Vec::new();
    while bytes.get(at)? != &END {
        let start = at;
        let first = bytes[at];
        let (element, data_end) = match first {
            0x00..=0x7f => (i64::from(first).to_string().into_bytes(), at + 1),
            0x80..=0xbf => {
                let len = usize::from(first & 0x3f);
                (bytes.get(at + 1..at + 1 + len)?.to_vec(), at + 1 + len)
            }
            0xc0..=0xdf => {
                let bits = (u16::from(first & 0x1f) << 8) | u16::from(*bytes.get(at + 1)?);
                // Sign-extend the 13 bits.
                let value = i64::from(((bits << 3) as i16) >> 3);
                (value.to_string().into_bytes(), at + 2)
            }
            0xe0..=0xef => {
                let len = (usize::from(first & 0x0f) << 8) | usize::from(*bytes.get(at + 1)?);
                (bytes.get(at + 2..at + 2 + len)?.to_vec(), at + 2 + len)
            }
            0xf0 => {
                let len = u32::from_le_bytes(bytes.get(at + 1..at + 5)?.try_into().ok()?) as usize;
                (bytes.get(at + 5..at + 5 + len)?.to_vec(), at + 5 + len)
            }
            0xf1..=0xf4 => {
                let width = match first {
                    0xf1 => 2,
                    0xf2 => 3,
                    0xf3 => 4,
                    _ => 8,
                };
                let data = bytes.get(at + 1..at + 1 + width)?;
                // Little-endian, sign-extended from its top byte.
                let mut buf = if data[width - 1] & 0x80 != 0 {
                    [0xff; 8]
                } else {
                    [0; 8]
                };
                buf[..width].copy_from_slice(data);
                (
                    i64::from_le_bytes(buf).to_string().into_bytes(),
                    at + 1 + width,
                )
            }
            _ => return None,
        };
        let mut backlen = Vec::new();
        encode_backlen(&mut backlen, data_end - start);
        if bytes.get(data_end..data_end + backlen.len())? != backlen.as_slice() {
            return None;
        }
        at = data_end + backlen.len();
        elements.push(element);
    }
    (at + 1 == bytes.len()).then_some(elements)
}

/// Encodes sorted, distinct integers as an intset, in the narrowest width that holds them.
pub(crate) fn encode_intset(values: &[i64]) -> Vec<u8> {
    let width: usize = if values.iter().all(|v| i16::try_from(*v).is_ok()) {
        2
    } else if values.iter().all(|v| i32::try_from(*v).is_ok()) {
        4
    } else {
        8
    };
    let mut out = Vec::with_capacity(8 + width * values.len());
    out.extend_from_slice(&(width as u32).to_le_bytes());
    out.extend_from_slice(
        &u32::try_from(values.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    for value in values {
        out.extend_from_slice(&value.to_le_bytes()[..width]);
    }
    out
}

/// The integers of an intset; `None` if the bytes are not one (sorted and distinct).
pub(crate) fn decode_intset(bytes: &[u8]) -> Option<Vec<i64>> {
    let width = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let count = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?) as usize;
    if !matches!(width, 2 | 4 | 8) || bytes.len() != 8 + width.checked_mul(count)? {
        return None;
    }
    let values: Vec<i64> = bytes[8..]
        .chunks_exact(width)
        .map(|chunk| {
            let mut buf = if chunk[width - 1] & 0x80 != 0 {
                [0xff; 8]
            } else {
                [0; 8]
            };
            buf[..width].copy_from_slice(chunk);
            i64::from_le_bytes(buf)
        })
        .collect();
    values
        .windows(2)
        .all(|pair| pair[0] < pair[1])
        .then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The listpack redis-server 7.0 dumps for `RPUSH l a 1 -1 1000 hello`.
    const REDIS_LIST: &[u8] =
        b"\x19\x00\x00\x00\x05\x00\x81a\x02\x01\x01\xdf\xff\x02\xc3\xe8\x02\x85hello\x06\xff";

    #[test]
    fn encodes_as_redis_server_does() {
        let elements: [&[u8]; 5] = [b"a", b"1", b"-1", b"1000", b"hello"];
        assert_eq!(encode(elements), REDIS_LIST);
    }

    #[test]
    fn every_encoding_round_trips() {
        let long = vec![b'x'; 5000];
        let middle = vec![b'y'; 300];
        let texts: Vec<Vec<u8>> = [
            "0",
            "127",
            "128",
            "-1",
            "-4096",
            "4095",
            "4096",
            "-4097",
            "32767",
            "-32768",
            "40000",
            "8388607",
            "-8388608",
            "8388608",
            "2147483647",
            "-2147483648",
            "2147483648",
            "9223372036854775807",
            "-9223372036854775808",
            "007",
            "+1",
            "-0",
            "1.5",
            "",
            "text",
        ]
        .iter()
        .map(|text| text.as_bytes().to_vec())
        .chain([long, middle])
        .collect();
        let encoded = encode(texts.iter().map(Vec::as_slice));
        assert_eq!(decode(&encoded), Some(texts));
    }

    #[test]
    fn damaged_listpacks_are_refused() {
        assert_eq!(decode(REDIS_LIST).map(|e| e.len()), Some(5));
        assert_eq!(decode(&REDIS_LIST[..REDIS_LIST.len() - 1]), None);
        let mut wrong_backlen = REDIS_LIST.to_vec();
        wrong_backlen[8] = 3;
        assert_eq!(decode(&wrong_backlen), None);
        assert_eq!(decode(b"\x07\x00\x00\x00\x00\x00\xfe"), None);
    }

    #[test]
    fn intsets_use_the_narrowest_width() {
        // What redis-server 7.0 dumps for `SADD si 3 1 2`.
        assert_eq!(
            encode_intset(&[1, 2, 3]),
            b"\x02\x00\x00\x00\x03\x00\x00\x00\x01\x00\x02\x00\x03\x00"
        );
        for values in [vec![-5, 70_000], vec![i64::MIN, 0, i64::MAX], vec![]] {
            assert_eq!(decode_intset(&encode_intset(&values)), Some(values));
        }
        assert_eq!(
            decode_intset(b"\x02\x00\x00\x00\x02\x00\x00\x00\x02\x00\x01\x00"),
            None
        );
    }
}
