//! HyperLogLog as redis-server 7.0 keeps it, byte for byte: the value is an ordinary
//! string (GET returns it, a dump of it loads into Redis), so the representation is the
//! interface and follows Redis's exactly.
//!
//! Layout: a 16-byte header (`HYLL`, the encoding, three unused bytes, the cached
//! cardinality as a little-endian `u64` whose top bit set means "stale"), then 16384
//! registers. Each register holds the longest run of zero bits (plus one) seen among the
//! hashes (MurmurHash64A, seed `0xadc83b19`) that address it.
//!
//! - *Dense*: 6 bits per register, packed from the least significant bit up, 12288 bytes.
//! - *Sparse*: run-length opcodes. `00xxxxxx` is 1..64 zero registers, `01xxxxxx
//!   yyyyyyyy` is 1..16384 zero registers, `1vvvvvxx` is 1..4 registers of value 1..32.
//!   A new HLL is sparse; it becomes dense for good when a register needs more than 32 or
//!   the string would pass 3000 bytes (`hll-sparse-max-bytes`).
//!
//! The cardinality is Otmar Ertl's improved estimator over the register histogram, as
//! Redis computes it since 5.0, so every count is the same integer Redis answers.
//!
//! Functions here are pure over the string's bytes; `cmd/hyperloglog.rs` owns the keys.

use bytes::BytesMut;

/// Header bytes before the registers.
pub(crate) const HEADER_LEN: usize = 16;
/// Bits of the hash that pick a register.
const P: u32 = 14;
/// Number of registers.
pub(crate) const REGISTERS: usize = 1 << P;
/// Bits of the hash left for the run of zeroes.
const Q: usize = 64 - P as usize;
/// A dense HLL's whole length.
pub(crate) const DENSE_LEN: usize = HEADER_LEN + (REGISTERS * 6).div_ceil(8);
/// Redis's `hll-sparse-max-bytes` default: past it the sparse form becomes dense.
pub(crate) const SPARSE_MAX_BYTES: usize = 3000;
/// The highest value a sparse `VAL` opcode holds.
const SPARSE_VAL_MAX_VALUE: u8 = 32;
/// The longest run of a sparse `VAL` opcode.
const SPARSE_VAL_MAX_LEN: usize = 4;
/// The longest run of a one-byte `ZERO` opcode.
const SPARSE_ZERO_MAX_LEN: usize = 64;
/// The longest run of a two-byte `XZERO` opcode.
const SPARSE_XZERO_MAX_LEN: usize = 16384;
/// The encoding byte of each form.
const DENSE: u8 = 0;
const SPARSE: u8 = 1;
/// The seed Redis hashes elements with.
const HASH_SEED: u64 = 0xadc8_3b19;
/// 1 / (2 ln 2), the estimator's constant for an infinite number of registers.
const ALPHA_INF: f64 = 0.721_347_520_444_481_7;

/// The representation a valid HLL string has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// 6-bit registers.
    Dense,
    /// Run-length opcodes.
    Sparse,
}

impl Encoding {
    /// The name PFDEBUG ENCODING replies.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Dense => "dense",
            Encoding::Sparse => "sparse",
        }
    }
}

/// A sparse representation whose runs do not cover exactly the 16384 registers: Redis's
/// `INVALIDOBJ Corrupted HLL object detected`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt;

/// Redis's `isHLLObjectOrReply`: the header names a known encoding (a dense one of the
/// exact length). `None`: not an HLL at all (`WRONGTYPE Key is not a valid HyperLogLog
/// string value.`). A sparse body is only checked when it is read.
pub(crate) fn encoding_of(value: &[u8]) -> Option<Encoding> {
    if value.len() < HEADER_LEN || &value[..4] != b"HYLL" {
        return None;
    }
    match value[4] {
        DENSE if value.len() == DENSE_LEN => Some(Encoding::Dense),
        SPARSE => Some(Encoding::Sparse),
        _ => None,
    }
}

/// A new, empty HLL: sparse, one `XZERO` run over every register, cached cardinality 0.
pub(crate) fn new_sparse() -> Vec<u8> {
    let mut hll = Vec::with_capacity(HEADER_LEN + 2);
    hll.extend_from_slice(b"HYLL");
    hll.push(SPARSE);
    hll.resize(HEADER_LEN, 0);
    let mut remaining = REGISTERS;
    while remaining > 0 {
        let run = remaining.min(SPARSE_XZERO_MAX_LEN);
        hll.extend_from_slice(&xzero_opcode(run));
        remaining -= run;
    }
    hll
}

/// The cached cardinality, if no write made it stale since it was computed.
pub(crate) fn cached_cardinality(hll: &[u8]) -> Option<u64> {
    let card: [u8; 8] = hll.get(8..HEADER_LEN)?.try_into().ok()?;
    (card[7] & 0x80 == 0).then(|| u64::from_le_bytes(card))
}

/// Caches `card` in the header (PFCOUNT of one key does, so the next one is free).
pub(crate) fn store_cardinality(hll: &mut [u8], card: u64) {
    hll[8..HEADER_LEN].copy_from_slice(&card.to_le_bytes());
}

/// Marks the cached cardinality stale.
pub(crate) fn invalidate_cache(hll: &mut [u8]) {
    hll[15] |= 0x80;
}

/// MurmurHash2, 64-bit version, reading 8-byte blocks little-endian as Redis does on
/// every architecture.
pub(crate) fn murmur_hash_64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (key.len() as u64).wrapping_mul(M);
    let blocks = key.chunks_exact(8);
    let tail = blocks.remainder();
    for block in blocks {
        let mut k = u64::from_le_bytes([
            block[0], block[1], block[2], block[3], block[4], block[5], block[6], block[7],
        ]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    if !tail.is_empty() {
        for (position, &byte) in tail.iter().enumerate() {
            h ^= u64::from(byte) << (8 * position);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// The register an element addresses and the value it offers it: the length of the run of
/// zero bits above the index bits, plus one (1..=51).
pub(crate) fn register_and_count(element: &[u8]) -> (usize, u8) {
    let hash = murmur_hash_64a(element, HASH_SEED);
    let index = (hash & (REGISTERS as u64 - 1)) as usize;
    let rest = (hash >> P) | (1 << Q);
    (index, rest.trailing_zeros() as u8 + 1)
}

/// Adds an element: whether a register grew (the estimate may have changed). Promotes a
/// sparse HLL to dense when it must.
pub(crate) fn add(hll: &mut BytesMut, element: &[u8]) -> Result<bool, Corrupt> {
    let (index, count) = register_and_count(element);
    set_register_at_least(hll, index, count)
}

/// Raises register `index` to `count` if it is lower: whether it grew.
pub(crate) fn set_register_at_least(
    hll: &mut BytesMut,
    index: usize,
    count: u8,
) -> Result<bool, Corrupt> {
    if hll[4] == DENSE {
        Ok(dense_set(&mut hll[HEADER_LEN..], index, count))
    } else {
        sparse_set(hll, index, count)
    }
}

// ---------------------------------------------------------------------------------------
// Dense registers.

/// Register `index` of a dense body (6 bits, least significant first).
fn dense_get(registers: &[u8], index: usize) -> u8 {
    let byte = index * 6 / 8;
    let shift = (index * 6) & 7;
    let low = u32::from(registers[byte]);
    let high = u32::from(registers.get(byte + 1).copied().unwrap_or(0));
    (((low >> shift) | (high << (8 - shift))) & 63) as u8
}

/// Writes register `index` of a dense body.
fn dense_write(registers: &mut [u8], index: usize, value: u8) {
    let byte = index * 6 / 8;
    let shift = (index * 6) & 7;
    let value = u32::from(value);
    registers[byte] &= !((63u32 << shift) as u8);
    registers[byte] |= (value << shift) as u8;
    if let Some(next) = registers.get_mut(byte + 1) {
        *next &= !((63u32 >> (8 - shift)) as u8);
        *next |= (value >> (8 - shift)) as u8;
    }
}

/// Raises a dense register: whether it grew.
fn dense_set(registers: &mut [u8], index: usize, count: u8) -> bool {
    if count > dense_get(registers, index) {
        dense_write(registers, index, count);
        true
    } else {
        false
    }
}

// ---------------------------------------------------------------------------------------
// Sparse opcodes.

/// One decoded opcode: a run of `len` registers of `value` (0 for the zero runs), and its
/// width in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    kind: RunKind,
    value: u8,
    len: usize,
    width: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    Zero,
    XZero,
    Val,
}

/// The opcode at `at` (a byte past the end reads as 0, the terminator Redis's strings
/// carry).
fn run_at(hll: &[u8], at: usize) -> Run {
    let byte = hll[at];
    if byte & 0x80 != 0 {
        Run {
            kind: RunKind::Val,
            value: ((byte >> 2) & 0x1f) + 1,
            len: usize::from(byte & 3) + 1,
            width: 1,
        }
    } else if byte & 0x40 != 0 {
        let low = hll.get(at + 1).copied().unwrap_or(0);
        Run {
            kind: RunKind::XZero,
            value: 0,
            len: ((usize::from(byte & 0x3f) << 8) | usize::from(low)) + 1,
            width: 2,
        }
    } else {
        Run {
            kind: RunKind::Zero,
            value: 0,
            len: usize::from(byte & 0x3f) + 1,
            width: 1,
        }
    }
}

fn val_opcode(value: u8, len: usize) -> u8 {
    0x80 | ((value - 1) << 2) | (len - 1) as u8
}

fn xzero_opcode(len: usize) -> [u8; 2] {
    let len = len - 1;
    [0x40 | (len >> 8) as u8, (len & 0xff) as u8]
}

/// A run of `len` zero registers as the shortest opcode.
fn push_zero_run(sequence: &mut Vec<u8>, len: usize) {
    if len > SPARSE_ZERO_MAX_LEN {
        sequence.extend_from_slice(&xzero_opcode(len));
    } else {
        sequence.push((len - 1) as u8);
    }
}

/// Redis's `hllSparseSet`: raises register `index` of a sparse HLL to `count`, splitting
/// the opcode that covers it and merging equal neighbours, exactly as Redis edits it so the
/// bytes stay the same; promotes to dense when needed.
fn sparse_set(hll: &mut BytesMut, index: usize, count: u8) -> Result<bool, Corrupt> {
    if count > SPARSE_VAL_MAX_VALUE {
        return promote_and_set(hll, index, count);
    }
    // Step 1: the opcode covering `index`, the one before it, the first register it covers.
    let end = hll.len();
    let mut at = HEADER_LEN;
    let mut first = 0usize;
    let mut previous = None;
    let mut span = 0usize;
    while at < end {
        let run = run_at(hll, at);
        span = run.len;
        if index < first + span {
            break;
        }
        previous = Some(at);
        at += run.width;
        first += span;
    }
    if span == 0 || at >= end {
        return Err(Corrupt);
    }
    let run = run_at(hll, at);
    // Step 2: the cases that edit one byte in place.
    let in_place = match run.kind {
        RunKind::Val if run.value >= count => return Ok(false),
        RunKind::Val | RunKind::Zero if run.len == 1 => true,
        _ => false,
    };
    if in_place {
        hll[at] = val_opcode(count, 1);
    } else {
        // The general case: split the run around the register.
        let last = first + span - 1;
        let mut sequence = Vec::with_capacity(5);
        if run.kind == RunKind::Val {
            if index != first {
                sequence.push(val_opcode(run.value, index - first));
            }
            sequence.push(val_opcode(count, 1));
            if index != last {
                sequence.push(val_opcode(run.value, last - index));
            }
        } else {
            if index != first {
                push_zero_run(&mut sequence, index - first);
            }
            sequence.push(val_opcode(count, 1));
            if index != last {
                push_zero_run(&mut sequence, last - index);
            }
        }
        // Step 3: the new sequence replaces the opcode.
        let grows_by = sequence.len().saturating_sub(run.width);
        if grows_by > 0 && hll.len() + grows_by > SPARSE_MAX_BYTES {
            return promote_and_set(hll, index, count);
        }
        splice(hll, at, run.width, &sequence);
    }
    // Step 4: merge adjacent equal VAL opcodes, scanning up to five from the previous one.
    let mut at = previous.unwrap_or(HEADER_LEN);
    let mut scans = 5;
    while at < hll.len() && scans > 0 {
        scans -= 1;
        let run = run_at(hll, at);
        if run.kind != RunKind::Val {
            at += run.width;
            continue;
        }
        if at + 1 < hll.len() {
            let next = run_at(hll, at + 1);
            if next.kind == RunKind::Val
                && next.value == run.value
                && run.len + next.len <= SPARSE_VAL_MAX_LEN
            {
                hll[at + 1] = val_opcode(run.value, run.len + next.len);
                splice(hll, at, 1, &[]);
                continue;
            }
        }
        at += 1;
    }
    invalidate_cache(hll);
    Ok(true)
}

/// Replaces `width` bytes at `at` by `with`.
fn splice(hll: &mut BytesMut, at: usize, width: usize, with: &[u8]) {
    let old_len = hll.len();
    let new_len = old_len - width + with.len();
    if new_len > old_len {
        hll.resize(new_len, 0);
    }
    hll.copy_within(at + width..old_len, at + with.len());
    hll[at..at + with.len()].copy_from_slice(with);
    hll.truncate(new_len);
}

/// Converts to dense, then raises the register there (which always grows it).
fn promote_and_set(hll: &mut BytesMut, index: usize, count: u8) -> Result<bool, Corrupt> {
    to_dense(hll)?;
    Ok(dense_set(&mut hll[HEADER_LEN..], index, count))
}

/// Redis's `hllSparseToDense`: rewrites a sparse HLL as dense (header and cached
/// cardinality kept); whether it converted (false: it was dense already).
pub(crate) fn to_dense(hll: &mut BytesMut) -> Result<bool, Corrupt> {
    if hll[4] == DENSE {
        return Ok(false);
    }
    let mut dense = vec![0u8; DENSE_LEN];
    dense[..HEADER_LEN].copy_from_slice(&hll[..HEADER_LEN]);
    dense[4] = DENSE;
    let registers = &mut dense[HEADER_LEN..];
    for_each_value_run(hll, |first, len, value| {
        for register in first..first + len {
            dense_write(registers, register, value);
        }
    })?;
    hll.clear();
    hll.extend_from_slice(&dense);
    Ok(true)
}

// ---------------------------------------------------------------------------------------
// Reading: merge, histogram, estimate.

/// Redis's `hllMerge`: raises each of `max`'s registers to this HLL's.
pub(crate) fn merge_into(max: &mut [u8; REGISTERS], hll: &[u8]) -> Result<(), Corrupt> {
    if hll[4] == DENSE {
        let registers = &hll[HEADER_LEN..];
        for (index, slot) in max.iter_mut().enumerate() {
            *slot = (*slot).max(dense_get(registers, index));
        }
        return Ok(());
    }
    for_each_value_run(hll, |first, len, value| {
        for slot in &mut max[first..first + len] {
            *slot = (*slot).max(value);
        }
    })
}

/// Calls `f(first register, length, value)` for each value run of a sparse HLL, checking
/// as Redis does that no run passes the last register and that the runs cover them all.
fn for_each_value_run(hll: &[u8], mut f: impl FnMut(usize, usize, u8)) -> Result<(), Corrupt> {
    let mut index = 0usize;
    let mut at = HEADER_LEN;
    while at < hll.len() {
        let run = run_at(hll, at);
        if run.kind == RunKind::Val {
            if index + run.len > REGISTERS {
                return Err(Corrupt);
            }
            f(index, run.len, run.value);
        }
        index += run.len;
        at += run.width;
    }
    if index == REGISTERS {
        Ok(())
    } else {
        Err(Corrupt)
    }
}

/// How many registers hold each value (0..=63).
type Histogram = [u32; 64];

/// The register histogram of a stored HLL.
fn histogram(hll: &[u8]) -> Result<Histogram, Corrupt> {
    let mut histogram = [0u32; 64];
    if hll[4] == DENSE {
        let registers = &hll[HEADER_LEN..];
        for index in 0..REGISTERS {
            histogram[usize::from(dense_get(registers, index))] += 1;
        }
        return Ok(histogram);
    }
    let mut index = 0usize;
    let mut at = HEADER_LEN;
    while at < hll.len() {
        let run = run_at(hll, at);
        histogram[usize::from(run.value)] += run.len as u32;
        index += run.len;
        at += run.width;
    }
    if index == REGISTERS {
        Ok(histogram)
    } else {
        Err(Corrupt)
    }
}

/// The estimated cardinality of a stored HLL (ignoring its cache).
pub(crate) fn count(hll: &[u8]) -> Result<u64, Corrupt> {
    Ok(estimate(&histogram(hll)?))
}

/// The estimated cardinality of plain one-byte registers (PFCOUNT's union of several keys).
pub(crate) fn count_registers(registers: &[u8; REGISTERS]) -> u64 {
    let mut histogram = [0u32; 64];
    for &register in registers {
        histogram[usize::from(register & 63)] += 1;
    }
    estimate(&histogram)
}

/// Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog
/// sketches", 2017), in Redis's order of operations so the rounding is the same.
fn estimate(histogram: &Histogram) -> u64 {
    let m = REGISTERS as f64;
    let mut z = m * tau((m - f64::from(histogram[Q + 1])) / m);
    for value in (1..=Q).rev() {
        z += f64::from(histogram[value]);
        z *= 0.5;
    }
    z += m * sigma(f64::from(histogram[0]) / m);
    (ALPHA_INF * m * m / z).round() as u64
}

fn sigma(mut x: f64) -> f64 {
    if x == 1.0 {
        return f64::INFINITY;
    }
    let mut y = 1.0;
    let mut z = x;
    loop {
        x *= x;
        let previous = z;
        z += x * y;
        y += y;
        if previous == z {
            return z;
        }
    }
}

fn tau(mut x: f64) -> f64 {
    if x == 0.0 || x == 1.0 {
        return 0.0;
    }
    let mut y = 1.0;
    let mut z = 1.0 - x;
    loop {
        x = x.sqrt();
        let previous = z;
        y *= 0.5;
        let gap = 1.0 - x;
        z -= gap * gap * y;
        if previous == z {
            return z / 3.0;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Debugging views (PFDEBUG).

/// Every register of a dense HLL (PFDEBUG GETREG converts a sparse one first).
pub(crate) fn registers(hll: &[u8]) -> Vec<u8> {
    let registers = &hll[HEADER_LEN..];
    (0..REGISTERS)
        .map(|index| dense_get(registers, index))
        .collect()
}

/// A sparse HLL's opcodes as PFDEBUG DECODE spells them: `z:N` (short zero run), `Z:N`
/// (long zero run), `v:VALUE,N`, separated by spaces.
pub(crate) fn decode_sparse(hll: &[u8]) -> String {
    let mut words = Vec::new();
    let mut at = HEADER_LEN;
    while at < hll.len() {
        let run = run_at(hll, at);
        words.push(match run.kind {
            RunKind::Zero => format!("z:{}", run.len),
            RunKind::XZero => format!("Z:{}", run.len),
            RunKind::Val => format!("v:{},{}", run.value, run.len),
        });
        at += run.width;
    }
    words.join(" ")
}

/// PFSELFTEST: the register packing round-trips every index and value, the sparse and
/// dense forms agree on every update and count, and estimates stay within 5 % of the truth
/// up to 20,000 elements. `Err`: what failed.
pub(crate) fn self_test() -> Result<(), String> {
    let mut registers = vec![0u8; DENSE_LEN - HEADER_LEN];
    for index in 0..REGISTERS {
        dense_write(&mut registers, index, ((index * 7) % 64) as u8);
    }
    if let Some(index) = (0..REGISTERS).find(|&i| dense_get(&registers, i) != ((i * 7) % 64) as u8)
    {
        return Err(format!("Register error at {index}"));
    }
    let mut sparse = BytesMut::from(&new_sparse()[..]);
    let mut dense = sparse.clone();
    to_dense(&mut dense).map_err(|_| "Sparse to dense conversion failed".to_string())?;
    for n in 1..=20_000u32 {
        let element = n.to_le_bytes();
        let grew_sparse = add(&mut sparse, &element).map_err(|_| "Corrupted sparse HLL")?;
        let grew_dense = add(&mut dense, &element).map_err(|_| "Corrupted dense HLL")?;
        if grew_sparse != grew_dense {
            return Err(format!("Sparse and dense disagree at element {n}"));
        }
        if n % 1000 == 0 {
            let estimate = count(&dense).map_err(|_| "Corrupted dense HLL")?;
            if count(&sparse) != Ok(estimate) {
                return Err(format!("Sparse and dense counts differ at {n}"));
            }
            if (estimate as f64 - f64::from(n)).abs() > f64::from(n) * 0.05 {
                return Err(format!("Approximation error {estimate} for {n} elements"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hll_with(elements: impl IntoIterator<Item = Vec<u8>>) -> BytesMut {
        let mut hll = BytesMut::from(&new_sparse()[..]);
        for element in elements {
            add(&mut hll, &element).unwrap();
        }
        hll
    }

    #[test]
    fn a_new_hll_is_eighteen_bytes_covering_every_register_with_zeroes() {
        let hll = new_sparse();
        assert_eq!(&hll[..], b"HYLL\x01\0\0\0\0\0\0\0\0\0\0\0\x7f\xff");
        assert_eq!(encoding_of(&hll), Some(Encoding::Sparse));
        assert_eq!(cached_cardinality(&hll), Some(0));
        assert_eq!(count(&hll), Ok(0));
        assert_eq!(decode_sparse(&hll), "Z:16384");
    }

    #[test]
    fn murmur_hash_matches_known_values() {
        // MurmurHash64A reference values (seed 0) for the empty input and short keys.
        assert_eq!(murmur_hash_64a(b"", 0), 0);
        // Stable across the block and tail paths: 8 bytes, 9 bytes.
        assert_ne!(
            murmur_hash_64a(b"abcdefgh", 0),
            murmur_hash_64a(b"abcdefghi", 0)
        );
        assert_eq!(
            murmur_hash_64a(b"hello", 0),
            murmur_hash_64a(b"hello", 0),
            "a pure function"
        );
    }

    #[test]
    fn dense_registers_round_trip_every_index_and_value() {
        let mut registers = vec![0u8; DENSE_LEN - HEADER_LEN];
        for index in 0..REGISTERS {
            dense_write(&mut registers, index, (index % 64) as u8);
        }
        for index in 0..REGISTERS {
            assert_eq!(dense_get(&registers, index), (index % 64) as u8);
        }
    }

    #[test]
    fn sparse_and_dense_agree_on_every_register_and_count() {
        let elements: Vec<Vec<u8>> = (0..2000).map(|i| format!("e{i}").into_bytes()).collect();
        let mut sparse = BytesMut::from(&new_sparse()[..]);
        let mut dense = BytesMut::from(&new_sparse()[..]);
        to_dense(&mut dense).unwrap();
        for element in &elements {
            let grew_sparse = add(&mut sparse, element).unwrap();
            let grew_dense = add(&mut dense, element).unwrap();
            assert_eq!(grew_sparse, grew_dense);
        }
        let mut as_dense = sparse.clone();
        to_dense(&mut as_dense).unwrap();
        assert_eq!(registers(&as_dense), registers(&dense));
        assert_eq!(count(&sparse), count(&dense));
    }

    #[test]
    fn sparse_grows_until_its_limit_then_turns_dense() {
        let mut hll = BytesMut::from(&new_sparse()[..]);
        let mut i = 0;
        while hll[4] == SPARSE {
            add(&mut hll, format!("{i}").as_bytes()).unwrap();
            assert!(hll.len() <= SPARSE_MAX_BYTES || hll[4] == DENSE);
            i += 1;
        }
        assert_eq!(hll.len(), DENSE_LEN);
        assert!(i > 100, "promoted after {i} elements");
    }

    #[test]
    fn estimates_stay_within_a_few_percent() {
        for n in [10u32, 1000, 100_000] {
            let hll = hll_with((0..n).map(|i| i.to_string().into_bytes()));
            let estimate = count(&hll).unwrap() as f64;
            let error = (estimate - f64::from(n)).abs() / f64::from(n);
            assert!(error < 0.03, "{n} elements estimated as {estimate}");
        }
    }

    #[test]
    fn a_merge_of_two_counts_their_union() {
        let a = hll_with((0..5000).map(|i| format!("{i}").into_bytes()));
        let b = hll_with((2500..7500).map(|i| format!("{i}").into_bytes()));
        let mut max = [0u8; REGISTERS];
        merge_into(&mut max, &a).unwrap();
        merge_into(&mut max, &b).unwrap();
        let union = count_registers(&max) as f64;
        assert!((union - 7500.0).abs() / 7500.0 < 0.03, "{union}");
    }

    #[test]
    fn broken_sparse_bodies_are_reported_not_read_past() {
        let mut short = new_sparse();
        short[16] = 0x7f;
        short[17] = 0xfe; // covers 16383 registers only
        assert_eq!(count(&short), Err(Corrupt));
        let mut max = [0u8; REGISTERS];
        assert_eq!(merge_into(&mut max, &short), Err(Corrupt));
        assert_eq!(to_dense(&mut BytesMut::from(&short[..])), Err(Corrupt));
        assert_eq!(
            set_register_at_least(&mut BytesMut::from(&short[..]), 16383, 3),
            Err(Corrupt)
        );
        let mut truncated = new_sparse();
        truncated.pop(); // an XZERO cut in half
        assert_eq!(count(&truncated), Err(Corrupt));
        let empty_body = &new_sparse()[..HEADER_LEN];
        assert_eq!(count(empty_body), Err(Corrupt));
    }

    #[test]
    fn the_self_test_passes() {
        assert_eq!(self_test(), Ok(()));
    }

    #[test]
    fn the_cache_is_little_endian_with_a_stale_bit() {
        let mut hll = new_sparse();
        store_cardinality(&mut hll, 0x0102);
        assert_eq!(&hll[8..16], &[2, 1, 0, 0, 0, 0, 0, 0]);
        assert_eq!(cached_cardinality(&hll), Some(0x0102));
        invalidate_cache(&mut hll);
        assert_eq!(cached_cardinality(&hll), None);
    }

    #[test]
    fn only_known_headers_are_hlls() {
        assert_eq!(encoding_of(b"HYLL"), None);
        assert_eq!(encoding_of(b"HYLX\x01\0\0\0\0\0\0\0\0\0\0\0"), None);
        assert_eq!(encoding_of(b"HYLL\x02\0\0\0\0\0\0\0\0\0\0\0"), None);
        assert_eq!(encoding_of(b"HYLL\x00\0\0\0\0\0\0\0\0\0\0\0"), None);
        let mut dense = BytesMut::from(&new_sparse()[..]);
        to_dense(&mut dense).unwrap();
        assert_eq!(encoding_of(&dense), Some(Encoding::Dense));
        assert_eq!(encoding_of(&dense[..DENSE_LEN - 1]), None);
    }
}
