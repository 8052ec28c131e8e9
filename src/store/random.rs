//! The random numbers of commands that answer at random (HRANDFIELD, ZRANDMEMBER): SplitMix64 over one
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

/// The most picks a negative count may ask for (repetitions allowed, so the count is not
/// bounded by the collection): 2^20, about 50 MB of replies. redis-server builds any size (a
/// normal client has no output buffer limit by default); an in-process engine refuses
/// instead of exhausting its process's memory.
pub(crate) const MAX_RANDOM_PICKS: u64 = 1 << 20;

/// The positions HRANDFIELD and ZRANDMEMBER answer for `count` from a collection of `len`
/// (not empty): a negative count picks that many with repetitions (`None` past
/// [`MAX_RANDOM_PICKS`]); a positive one distinct positions in order (all of them when it
/// reaches `len`), as Redis samples a listpack.
pub(crate) fn picks(len: usize, count: i64) -> Option<Vec<usize>> {
    if count < 0 {
        let wanted = count.unsigned_abs();
        if wanted > MAX_RANDOM_PICKS {
            return None;
        }
        return Some((0..wanted).map(|_| below(len)).collect());
    }
    let wanted = usize::try_from(count).unwrap_or(usize::MAX);
    if wanted >= len {
        return Some((0..len).collect());
    }
    // Selection sampling: one pass, each position kept with the probability that leaves
    // exactly `wanted`.
    let mut chosen = Vec::with_capacity(wanted);
    for at in 0..len {
        let still_needed = wanted - chosen.len();
        if still_needed == 0 {
            break;
        }
        if below(len - at) < still_needed {
            chosen.push(at);
        }
    }
    Some(chosen)
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

    #[test]
    fn distinct_picks_are_distinct_in_order_and_as_many_as_asked() {
        for _ in 0..200 {
            let chosen = picks(10, 4).unwrap();
            assert_eq!(chosen.len(), 4);
            assert!(
                chosen.windows(2).all(|pair| pair[0] < pair[1]),
                "{chosen:?}"
            );
            assert!(chosen.iter().all(|&at| at < 10));
        }
        assert_eq!(picks(3, 3).unwrap(), [0, 1, 2]);
        assert_eq!(picks(3, 99).unwrap(), [0, 1, 2]);
        assert!(picks(3, 0).unwrap().is_empty());
    }

    #[test]
    fn negative_counts_repeat_and_are_bounded() {
        let chosen = picks(2, -50).unwrap();
        assert_eq!(chosen.len(), 50);
        assert!(chosen.iter().all(|&at| at < 2));
        assert!(chosen.contains(&0) && chosen.contains(&1));
        assert_eq!(picks(2, -(1 << 40)), None);
    }
}
