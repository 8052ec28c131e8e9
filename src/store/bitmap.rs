//! Strings as bit arrays, the way Redis numbers their bits: bit 0 is the most significant
//! bit of byte 0. Pure functions over byte slices: the commands (`cmd/bitmap.rs`) resolve
//! ranges and own the strings.

/// One BITOP operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BitOp {
    /// Bitwise AND of every source (a short source counts as zero bytes).
    And,
    /// Bitwise OR.
    Or,
    /// Bitwise XOR.
    Xor,
    /// Bitwise NOT of the single source.
    Not,
}

/// The bit at `offset` (0 past the end).
pub fn get_bit(bytes: &[u8], offset: u64) -> bool {
    let Some(byte) = usize::try_from(offset >> 3)
        .ok()
        .and_then(|index| bytes.get(index))
    else {
        return false;
    };
    byte & (0x80 >> (offset & 7)) != 0
}

/// Sets the bit at `offset` (inside `bytes`); returns the old one.
pub fn set_bit(bytes: &mut [u8], offset: u64, on: bool) -> bool {
    let old = get_bit(bytes, offset);
    if let Some(byte) = usize::try_from(offset >> 3)
        .ok()
        .and_then(|index| bytes.get_mut(index))
    {
        let mask = 0x80 >> (offset & 7);
        if on {
            *byte |= mask;
        } else {
            *byte &= !mask;
        }
    }
    old
}

/// The number of set bits among bits `first..=last` (inside `bytes`).
pub fn count_ones(bytes: &[u8], first: u64, last: u64) -> u64 {
    if first > last {
        return 0;
    }
    let (first_byte, last_byte) = (byte_index(first), byte_index(last));
    let Some(span) = bytes.get(first_byte..=last_byte) else {
        return 0;
    };
    let whole: u64 = span.iter().map(|byte| u64::from(byte.count_ones())).sum();
    // Bits of the edge bytes outside the range.
    let before = u64::from((span[0] & !(0xFFu8 >> (first & 7))).count_ones());
    let after = u64::from((span[span.len() - 1] & (0x7Fu8 >> (last & 7))).count_ones());
    whole - before - after
}

/// The first bit equal to `bit` among bits `first..=last` (inside `bytes`).
pub fn position(bytes: &[u8], bit: bool, first: u64, last: u64) -> Option<u64> {
    if first > last {
        return None;
    }
    // Whole bytes with no such bit are skipped a byte at a time.
    let boring = if bit { 0x00 } else { 0xFF };
    let mut offset = first;
    while offset <= last {
        let byte = *bytes.get(byte_index(offset))?;
        if offset & 7 == 0 && last - offset >= 7 && byte == boring {
            offset += 8;
            continue;
        }
        if get_bit(bytes, offset) == bit {
            return Some(offset);
        }
        offset += 1;
    }
    None
}

fn byte_index(offset: u64) -> usize {
    usize::try_from(offset >> 3).unwrap_or(usize::MAX)
}

/// BITOP's result: as long as the longest source, a short or missing source counting as
/// zero bytes.
pub fn combine(op: BitOp, sources: &[&[u8]]) -> Vec<u8> {
    let len = sources.iter().map(|source| source.len()).max().unwrap_or(0);
    let byte = |source: &[u8], index: usize| source.get(index).copied().unwrap_or(0);
    (0..len)
        .map(|index| {
            let mut bytes = sources.iter().map(|source| byte(source, index));
            let first = bytes.next().unwrap_or(0);
            match op {
                BitOp::And => bytes.fold(first, |acc, b| acc & b),
                BitOp::Or => bytes.fold(first, |acc, b| acc | b),
                BitOp::Xor => bytes.fold(first, |acc, b| acc ^ b),
                BitOp::Not => !first,
            }
        })
        .collect()
}

/// A BITFIELD integer type: `i1`..`i64` or `u1`..`u63`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldType {
    /// Two's complement (`i`) or not (`u`).
    pub signed: bool,
    /// Width in bits.
    pub bits: u32,
}

/// What BITFIELD does when a SET or INCRBY does not fit the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overflow {
    /// Keep the low bits (two's complement wrap-around), the default.
    #[default]
    Wrap,
    /// Clamp to the type's minimum or maximum.
    Sat,
    /// Write nothing and reply nil.
    Fail,
}

/// The field of `kind` at bit `offset`, bits past the end reading 0; a signed field is
/// sign-extended.
pub fn get_field(bytes: &[u8], offset: u64, kind: FieldType) -> i64 {
    let mut value: u64 = 0;
    for index in 0..u64::from(kind.bits) {
        value = (value << 1) | u64::from(get_bit(bytes, offset + index));
    }
    sign_extend(value, kind)
}

/// Writes the low `kind.bits` bits of `value` at bit `offset` (inside `bytes`).
pub fn set_field(bytes: &mut [u8], offset: u64, kind: FieldType, value: i64) {
    let value = value as u64;
    for index in 0..u64::from(kind.bits) {
        let bit = (value >> (u64::from(kind.bits) - 1 - index)) & 1 == 1;
        set_bit(bytes, offset + index, bit);
    }
}

fn sign_extend(value: u64, kind: FieldType) -> i64 {
    if kind.signed && kind.bits < 64 && value & (1 << (kind.bits - 1)) != 0 {
        (value | (u64::MAX << kind.bits)) as i64
    } else {
        value as i64
    }
}

/// `value + increment` in `kind` under `overflow`: `None` when it does not fit and the
/// policy is FAIL. A SET is an increment of 0 from the value given, as in Redis's
/// `checkSignedBitfieldOverflow` / `checkUnsignedBitfieldOverflow`; an unsigned value is
/// the `u64` of its two's complement (`u8` SET -1 is 2⁶⁴ - 1: it overflows).
pub fn add_field(value: i64, increment: i64, kind: FieldType, overflow: Overflow) -> Option<i64> {
    let sum = (value as u64).wrapping_add(increment as u64) as i64;
    let (fits, low) = if kind.signed {
        let max = if kind.bits == 64 {
            i64::MAX
        } else {
            (1i64 << (kind.bits - 1)) - 1
        };
        let min = -max - 1;
        let room_up = (max as u64).wrapping_sub(value as u64) as i64;
        let room_down = min.wrapping_sub(value);
        let over = value > max
            || (kind.bits != 64 && increment > room_up)
            || (value >= 0 && increment > 0 && increment > room_up);
        let under = value < min
            || (kind.bits != 64 && increment < room_down)
            || (value < 0 && increment < 0 && increment < room_down);
        match (over, under) {
            (false, false) => (true, 0),
            (true, _) => (false, max),
            (false, true) => (false, min),
        }
    } else {
        let max = (1u64 << kind.bits) - 1;
        let value = value as u64;
        let room_up = max.wrapping_sub(value) as i64;
        let room_down = value.wrapping_neg() as i64;
        if value > max || (increment > 0 && increment > room_up) {
            (false, max as i64)
        } else if increment < 0 && increment < room_down {
            (false, 0)
        } else {
            (true, 0)
        }
    };
    if fits {
        return Some(sum);
    }
    match overflow {
        Overflow::Fail => None,
        Overflow::Sat => Some(low),
        Overflow::Wrap => Some(sign_extend(
            (sum as u64) & (u64::MAX >> (64 - kind.bits)),
            kind,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const U8: FieldType = FieldType {
        signed: false,
        bits: 8,
    };
    const I8: FieldType = FieldType {
        signed: true,
        bits: 8,
    };
    const I64: FieldType = FieldType {
        signed: true,
        bits: 64,
    };

    #[test]
    fn bits_are_numbered_from_the_most_significant_bit_of_byte_zero() {
        let mut bytes = vec![0u8; 2];
        assert!(!set_bit(&mut bytes, 0, true));
        assert!(!set_bit(&mut bytes, 9, true));
        assert_eq!(bytes, [0x80, 0x40]);
        assert!(get_bit(&bytes, 9));
        assert!(!get_bit(&bytes, 1_000));
        assert!(set_bit(&mut bytes, 0, false));
        assert_eq!(bytes, [0x00, 0x40]);
    }

    #[test]
    fn counts_and_positions_honour_partial_edge_bytes() {
        let bytes = [0xFF, 0x00, 0xFF];
        assert_eq!(count_ones(&bytes, 0, 23), 16);
        assert_eq!(count_ones(&bytes, 3, 17), 7);
        assert_eq!(count_ones(&bytes, 5, 4), 0);
        assert_eq!(position(&bytes, false, 0, 23), Some(8));
        assert_eq!(position(&bytes, true, 9, 23), Some(16));
        assert_eq!(position(&bytes, true, 8, 15), None);
    }

    #[test]
    fn bitop_pads_short_sources_with_zero_bytes() {
        let (a, b): (&[u8], &[u8]) = (&[0xF0, 0xFF], &[0x3C]);
        assert_eq!(combine(BitOp::And, &[a, b]), [0x30, 0x00]);
        assert_eq!(combine(BitOp::Or, &[a, b]), [0xFC, 0xFF]);
        assert_eq!(combine(BitOp::Xor, &[a, b]), [0xCC, 0xFF]);
        assert_eq!(combine(BitOp::Not, &[b]), [0xC3]);
    }

    #[test]
    fn fields_read_and_write_across_bytes_sign_extended() {
        let mut bytes = vec![0u8; 3];
        set_field(&mut bytes, 4, I8, -2);
        assert_eq!(bytes, [0x0F, 0xE0, 0x00]);
        assert_eq!(get_field(&bytes, 4, I8), -2);
        assert_eq!(get_field(&bytes, 4, U8), 254);
        assert_eq!(get_field(&bytes, 20, I64), 0);
    }

    #[test]
    fn overflow_policies_wrap_saturate_or_fail() {
        assert_eq!(add_field(250, 10, U8, Overflow::Wrap), Some(4));
        assert_eq!(add_field(250, 10, U8, Overflow::Sat), Some(255));
        assert_eq!(add_field(250, 10, U8, Overflow::Fail), None);
        assert_eq!(add_field(5, -10, U8, Overflow::Sat), Some(0));
        assert_eq!(add_field(-126, -300, I8, Overflow::Wrap), Some(86));
        assert_eq!(add_field(100, 100, I8, Overflow::Sat), Some(127));
        assert_eq!(add_field(i64::MAX, 1, I64, Overflow::Wrap), Some(i64::MIN));
        assert_eq!(add_field(i64::MIN, -1, I64, Overflow::Sat), Some(i64::MIN));
        // A SET of -1 into u8: the value itself is out of range.
        assert_eq!(add_field(-1, 0, U8, Overflow::Wrap), Some(255));
        assert_eq!(add_field(-1, 0, U8, Overflow::Fail), None);
        assert_eq!(add_field(3, 4, U8, Overflow::Fail), Some(7));
    }
}
