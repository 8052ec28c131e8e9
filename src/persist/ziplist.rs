//! The packed encodings of Redis 6.2 and earlier, which an old `dump.rdb` holds: ziplists
//! (small hashes, sorted sets and lists, and the nodes of the first quicklists) and
//! zipmaps (small hashes of Redis 2.4 and earlier). Read only: embedis writes what
//! redis-server 7.0 writes (`listpack.rs`), and 7.0 converts these the same way on load.
//!
//! A ziplist is a 10-byte header (total bytes, offset of the last entry, entry count;
//! little-endian), its entries, and an end byte `0xff`. Each entry is the previous entry's
//! length (one byte, or `0xfe` and four bytes), an encoding, and its data: a string of a
//! 6-, 14- or 32-bit length (big-endian), or an integer of 8, 16, 24, 32 or 64 bits
//! (little-endian), or a 4-bit immediate 0 to 12 in the encoding byte itself.
//!
//! A zipmap is a count byte, then per pair a length and the field, a length, a free-space
//! byte, the value and that many unused bytes; lengths are one byte, or `0xfe` and four
//! bytes; `0xff` ends it.

/// The elements of a ziplist, integers as their decimal text; `None` if the bytes are not
/// a well-formed ziplist.
pub(crate) fn decode_ziplist(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let total = u32::from_le_bytes(bytes.get(0..4)?.try_into().ok()?) as usize;
    if total != bytes.len() || bytes.last() != Some(&0xff) {
        return None;
    }
    let count = u16::from_le_bytes(bytes.get(8..10)?.try_into().ok()?);
    let mut at = 10;
    let mut elements = Vec::new();
    while bytes.get(at)? != &0xff {
        // The previous entry's length: only needed to walk backwards.
        at += if *bytes.get(at)? == 0xfe { 5 } else { 1 };
        let encoding = *bytes.get(at)?;
        let (element, used) = match encoding >> 6 {
            0 => string(bytes, at + 1, usize::from(encoding & 0x3f))?,
            1 => {
                let len = (usize::from(encoding & 0x3f) << 8) | usize::from(*bytes.get(at + 1)?);
                let (element, used) = string(bytes, at + 2, len)?;
                (element, used + 1)
            }
            2 => {
                let len = u32::from_be_bytes(bytes.get(at + 1..at + 5)?.try_into().ok()?);
                let (element, used) = string(bytes, at + 5, len as usize)?;
                (element, used + 4)
            }
            _ => integer(bytes, at, encoding)?,
        };
        elements.push(element);
        at += used;
    }
    // The count saturates at 65535, after which only a walk knows it.
    if at + 1 != bytes.len() || (count != u16::MAX && usize::from(count) != elements.len()) {
        return None;
    }
    Some(elements)
}

/// A string entry's bytes after its encoding at `start`, and the bytes the entry used
/// from its encoding byte on.
fn string(bytes: &[u8], start: usize, len: usize) -> Option<(Vec<u8>, usize)> {
    let data = bytes.get(start..start.checked_add(len)?)?;
    Some((data.to_vec(), 1 + len))
}

/// An integer entry whose encoding byte is at `at`.
fn integer(bytes: &[u8], at: usize, encoding: u8) -> Option<(Vec<u8>, usize)> {
    let data = |len: usize| bytes.get(at + 1..at + 1 + len);
    let (value, len): (i64, usize) = match encoding {
        0xc0 => (i16::from_le_bytes(data(2)?.try_into().ok()?).into(), 2),
        0xd0 => (i32::from_le_bytes(data(4)?.try_into().ok()?).into(), 4),
        0xe0 => (i64::from_le_bytes(data(8)?.try_into().ok()?), 8),
        0xf0 => {
            let b = data(3)?;
            // Sign-extend the 24 bits from the top byte.
            (i64::from(i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8), 3)
        }
        0xfe => (i64::from(data(1)?[0] as i8), 1),
        0xf1..=0xfd => (i64::from(encoding & 0x0f) - 1, 0),
        _ => return None,
    };
    Some((value.to_string().into_bytes(), 1 + len))
}

/// The field-value pairs of a zipmap, flattened; `None` if the bytes are not one.
pub(crate) fn decode_zipmap(bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut at = 1; // the count byte, which saturates at 254
    let mut elements = Vec::new();
    while let Some((len, used)) = zipmap_length(bytes, at)? {
        at += used;
        elements.push(bytes.get(at..at + len)?.to_vec());
        at += len;
        let (len, used) = zipmap_length(bytes, at)??;
        at += used;
        let free = usize::from(*bytes.get(at)?);
        at += 1;
        elements.push(bytes.get(at..at + len)?.to_vec());
        at += len + free;
    }
    (at + 1 == bytes.len()).then_some(elements)
}

/// The length at `at` and the bytes it used, or `None` inside for the end mark.
fn zipmap_length(bytes: &[u8], at: usize) -> Option<Option<(usize, usize)>> {
    Some(match *bytes.get(at)? {
        0xff => None,
        0xfe => Some((
            u32::from_le_bytes(bytes.get(at + 1..at + 5)?.try_into().ok()?) as usize,
            5,
        )),
        len => Some((usize::from(len), 1)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ziplist of `entries`, each already encoded (encoding byte and data).
    fn ziplist(entries: &[Vec<u8>]) -> Vec<u8> {
        let mut body = Vec::new();
        let mut previous = 0usize;
        let mut tail = 10;
        for entry in entries {
            tail = 10 + body.len();
            if previous < 254 {
                body.push(previous as u8);
            } else {
                body.push(0xfe);
                body.extend_from_slice(&(previous as u32).to_le_bytes());
            }
            body.extend_from_slice(entry);
            previous = 10 + body.len() - tail;
        }
        let mut out = Vec::new();
        out.extend_from_slice(&((10 + body.len() + 1) as u32).to_le_bytes());
        out.extend_from_slice(&(tail as u32).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&body);
        out.push(0xff);
        out
    }

    fn short(text: &str) -> Vec<u8> {
        let mut entry = vec![text.len() as u8];
        entry.extend_from_slice(text.as_bytes());
        entry
    }

    #[test]
    fn every_entry_encoding_reads() {
        let long = "x".repeat(300);
        let mut fourteen = vec![0x40 | (300 >> 8) as u8, 300u16 as u8];
        fourteen.extend_from_slice(long.as_bytes());
        let mut thirty_two = vec![0x80, 0, 0, 1, 44];
        thirty_two.extend_from_slice(&"y".repeat(300).as_bytes()[..300]);
        let entries = vec![
            short("field"),
            fourteen,
            thirty_two,
            vec![0xc0, 0x39, 0x30],             // 12345 in 16 bits
            vec![0xd0, 0x15, 0xcd, 0x5b, 0x07], // 123456789 in 32 bits
            [vec![0xe0], (-5_000_000_000i64).to_le_bytes().to_vec()].concat(),
            vec![0xf0, 0xff, 0xff, 0xff], // -1 in 24 bits
            vec![0xf0, 0x00, 0x00, 0x80], // -8388608 in 24 bits
            vec![0xfe, 0x80],             // -128 in 8 bits
            vec![0xf1],                   // immediate 0
            vec![0xfd],                   // immediate 12
        ];
        let decoded = decode_ziplist(&ziplist(&entries)).unwrap();
        let texts: Vec<String> = decoded
            .iter()
            .map(|e| String::from_utf8_lossy(e).into_owned())
            .collect();
        assert_eq!(
            texts,
            vec![
                "field".to_string(),
                long,
                "y".repeat(300),
                "12345".into(),
                "123456789".into(),
                "-5000000000".into(),
                "-1".into(),
                "-8388608".into(),
                "-128".into(),
                "0".into(),
                "12".into(),
            ]
        );
    }

    #[test]
    fn a_damaged_ziplist_is_refused() {
        let good = ziplist(&[short("a"), short("b")]);
        assert!(decode_ziplist(&good).is_some());
        assert!(decode_ziplist(&good[..good.len() - 1]).is_none());
        let mut wrong_count = good.clone();
        wrong_count[8] = 3;
        assert!(decode_ziplist(&wrong_count).is_none());
        let mut bad_encoding = good.clone();
        bad_encoding[11] = 0xc1; // no integer width is 0xc1
        assert!(decode_ziplist(&bad_encoding).is_none());
    }

    #[test]
    fn zipmaps_read_with_their_free_space() {
        // count 2; "a" -> "1" with 2 bytes free; "bb" -> "" with none.
        let map = [2, 1, b'a', 1, 2, b'1', 0, 0, 2, b'b', b'b', 0, 0, 0xff];
        assert_eq!(
            decode_zipmap(&map).unwrap(),
            vec![b"a".to_vec(), b"1".to_vec(), b"bb".to_vec(), b"".to_vec()]
        );
        assert!(decode_zipmap(&map[..map.len() - 1]).is_none());
    }
}
