//! Shrinking a failing script for a report: chunks of steps are dropped, the chunk size
//! halving down to one step, for as long as the same failure still happens.

/// `best` fails with `failure`. `still` runs a candidate (never empty) and returns its
/// failure when it is the same kind; `at` is the index of the step a failure happened at
/// (the steps after it are dropped; `usize::MAX` keeps them all). Returns the smallest script found, and its failure.
pub fn shrink<T: Clone, D>(
    mut best: Vec<T>,
    mut failure: D,
    mut still: impl FnMut(&[T]) -> Option<D>,
    at: impl Fn(&D) -> usize,
) -> (Vec<T>, D) {
    let mut chunk = best.len().div_ceil(2);
    while chunk >= 1 {
        let mut start = 0;
        let mut progress = false;
        while start < best.len() {
            let end = (start + chunk).min(best.len());
            let mut candidate = best[..start].to_vec();
            candidate.extend_from_slice(&best[end..]);
            if !candidate.is_empty()
                && let Some(found) = still(&candidate)
            {
                candidate.truncate(at(&found).saturating_add(1));
                best = candidate;
                failure = found;
                progress = true;
                continue;
            }
            start += chunk;
        }
        if !progress {
            chunk /= 2;
        }
    }
    (best, failure)
}

/// What a minimiser adds to a divergence that a second run did not show.
pub const NOT_REPRODUCED: &str = " (NOT REPRODUCED on a second run: timing?)";

/// The start the script minimisers share: does the failure come back on `best` (already cut
/// after the failing step), and does it still come on RESP2? `resp2` gives the RESP2 copy
/// of a RESP3 script (`None` for one already on RESP2). Returns the failure, with `best`
/// switched to RESP2 when that kept it; `None` when it did not come back at all.
pub fn reproduce<S, D>(
    best: &mut S,
    resp2: impl Fn(&S) -> Option<S>,
    mut still: impl FnMut(&S) -> Option<D>,
) -> Option<D> {
    let mut failure = still(best)?;
    if let Some(candidate) = resp2(best)
        && let Some(found) = still(&candidate)
    {
        *best = candidate;
        failure = found;
    }
    Some(failure)
}
