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
            if !candidate.is_empty() {
                if let Some(found) = still(&candidate) {
                    candidate.truncate(at(&found).saturating_add(1));
                    best = candidate;
                    failure = found;
                    progress = true;
                    continue;
                }
            }
            start += chunk;
        }
        if !progress {
            chunk /= 2;
        }
    }
    (best, failure)
}
