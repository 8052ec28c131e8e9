//! The bytes a listpack takes in redis-server: what decides when a stream node is full,
//! and what MEMORY USAGE counts for the small collections Redis keeps as listpacks.
//!
//! A listpack is a 6-byte header, its entries and an end byte. An entry is an encoding
//! byte with its data (an element that reads as a canonical integer is stored as the
//! smallest integer that holds it), then the entry's length written backwards in 7-bit
//! groups.

use crate::store::number::parse_i64;

/// The 6-byte header and the end byte.
pub(crate) const HEADER_AND_END: usize = 7;

/// The bytes of the backwards length of an entry of `encoded` bytes.
fn backlen(encoded: usize) -> usize {
    match encoded {
        0..=127 => 1,
        128..=16382 => 2,
        16383..=2_097_150 => 3,
        2_097_151..=268_435_454 => 4,
        _ => 5,
    }
}

/// An integer entry.
pub(crate) fn integer(value: i64) -> usize {
    let encoded = match value {
        0..=127 => 1,
        -4096..=4095 => 2,
        -32_768..=32_767 => 3,
        -8_388_608..=8_388_607 => 4,
        -2_147_483_648..=2_147_483_647 => 5,
        _ => 9,
    };
    encoded + backlen(encoded)
}

/// An element's entry: as an integer if its text is one (`lpStringToInt64`), else as
/// a string.
pub(crate) fn element(text: &[u8]) -> usize {
    if text.len() <= 20
        && let Some(value) = parse_i64(text)
    {
        return integer(value);
    }
    let encoded = match text.len() {
        len @ 0..=63 => 1 + len,
        len @ 64..=4095 => 2 + len,
        len => 5 + len,
    };
    encoded + backlen(encoded)
}

/// A whole listpack of `elements`.
pub(crate) fn listpack<'a>(elements: impl IntoIterator<Item = &'a [u8]>) -> usize {
    HEADER_AND_END + elements.into_iter().map(element).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_agree_with_the_listpacks_the_snapshot_writer_encodes() {
        let elements: [&[u8]; 9] = [
            b"",
            b"a",
            b"7",
            b"-1",
            b"5000",
            b"70000",
            b"-9000000",
            b"12345678901",
            &[b'x'; 200],
        ];
        for element in elements {
            let encoded = crate::persist::listpack::encode([element]);
            assert_eq!(listpack([element]), encoded.len(), "{element:?}");
        }
        let long = vec![b'y'; 5000];
        assert_eq!(
            listpack([&long[..], b"z"]),
            crate::persist::listpack::encode([&long[..], b"z"]).len()
        );
    }
}
