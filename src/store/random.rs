//! The random numbers of commands that answer at random (HRANDFIELD): SplitMix64 over one
//! process-wide counter. Lock-free and cheap; seeded with a constant, so a program that
//! sends the same commands in the same order sees the same picks on every run, which is
//! what a test double should do. Never used for anything that must be unpredictable.

use std::sync::atomic::{AtomicU64, Ordering};

static STATE: AtomicU64 = AtomicU64::new(0x853c_49e6_748f_ea9b);

/// The next pseudo-random `u64`.
pub(crate) fn next_u64() -> u64 {
    const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut z = STATE
        .fetch_add(GAMMA, Ordering::Relaxed)
        .wrapping_add(GAMMA);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A pseudo-random index below `bound` (which must be positive).
pub(crate) fn below(bound: usize) -> usize {
    // Multiply-shift: unbiased enough for sampling, and no division.
    ((u128::from(next_u64()) * bound as u128) >> 64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_stay_below_the_bound_and_cover_it() {
        let mut seen = [false; 7];
        for _ in 0..1_000 {
            let index = below(7);
            assert!(index < 7);
            seen[index] = true;
        }
        assert!(seen.iter().all(|&hit| hit), "{seen:?}");
    }
}
