//! The generic cell rate algorithm (GCRA): a pure core, no clocks and no atomics.
//!
//! # Policy
//! A [`Quota`] admits one cell per *emission interval* `T`, with bursts of up to `burst`
//! cells (burst ≥ 1). The whole state of a bucket is one `u64`: its *theoretical arrival
//! time* (TAT), the instant at which the bucket is full again. A TAT at or before `now`
//! (including the initial `0`) means a full bucket.
//!
//! A request for `n` cells at `now` is admitted when `max(TAT, now) + n·T − burst·T ≤ now`,
//! and the TAT then becomes `max(TAT, now) + n·T`. Otherwise it is refused until that
//! inequality will hold ("not until"), unless `n > burst`: such a request can *never* be
//! admitted, whatever the wait ("insufficient capacity", as governor calls it). `n = 0`
//! is always admitted and changes nothing.
//!
//! While time runs forwards the TAT is never further ahead of `now` than one full burst
//! (`burst·T`). When the clock goes back, the bucket keeps what it owes: it admits nothing
//! more until the clock has caught up with its debt, so a clock set back can make the limiter
//! stricter for a while, never laxer, and nothing panics. (Clamping the debt instead would
//! be unsound: a thread that read the clock a moment before another thread's admission looks
//! exactly like a clock that went back.) A quota change clamps the debt to one burst of the
//! new quota; see [`clamp_tat`].
//!
//! # Time unit
//! Every time here is in **nanoseconds** (since the UNIX epoch for instants): the emission
//! interval of a quota such as 3 per second (333,333,333 ns) is then exact to a nanosecond,
//! rates of up to 10⁹ cells per second are expressible, and a `u64` still holds instants
//! until the year 2554. Callers read clocks with `Clock::now_nanos`.

use std::time::Duration;

const NANOS_PER_SEC: u64 = 1_000_000_000;

/// A rate limit: one cell per emission interval, with bursts of up to `burst` cells.
///
/// Build one with [`Quota::per_second`], [`Quota::per_minute`], [`Quota::per_hour`] (whose
/// burst is the rate: the whole allowance of one period at once) or [`Quota::with_period`]
/// (burst 1), then choose a burst with [`Quota::with_burst`]. Zero rates, zero bursts and
/// quotas too large to represent are refused with a [`QuotaError`], never a panic.
///
/// ```
/// use embedis::Quota;
/// use std::time::Duration;
///
/// let quota = Quota::per_second(10)?.with_burst(50)?;
/// assert_eq!(quota.burst(), 50);
/// assert_eq!(quota.emission_interval(), Duration::from_millis(100));
/// assert!(Quota::per_second(0).is_err());
/// # Ok::<(), embedis::QuotaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quota {
    /// Nanoseconds between two cells at the steady rate; never 0.
    interval: u64,
    /// Cells admitted at once from a full bucket; never 0.
    burst: u32,
}

/// Why a [`Quota`] could not be built.
///
/// ```
/// use embedis::{Quota, QuotaError};
/// assert_eq!(Quota::per_second(0), Err(QuotaError::ZeroRate));
/// assert_eq!(Quota::per_second(1).and_then(|q| q.with_burst(0)), Err(QuotaError::ZeroBurst));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuotaError {
    /// The rate is zero cells, or the period is zero.
    ZeroRate,
    /// The burst is zero cells.
    ZeroBurst,
    /// The emission interval is shorter than one nanosecond (more than 10⁹ cells a second).
    TooFast,
    /// The emission interval, or `burst` intervals, do not fit in 2⁶⁴ − 1 nanoseconds.
    TooLarge,
}

impl std::fmt::Display for QuotaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QuotaError::ZeroRate => "a quota's rate and period must not be zero",
            QuotaError::ZeroBurst => "a quota's burst must be at least 1",
            QuotaError::TooFast => "a quota's emission interval must be at least 1 ns",
            QuotaError::TooLarge => "a quota's burst times its interval must fit in u64 ns",
        })
    }
}

impl std::error::Error for QuotaError {}

impl Quota {
    /// `rate` cells per second, in bursts of up to `rate`.
    ///
    /// ```
    /// use embedis::Quota;
    /// let quota = Quota::per_second(4)?;
    /// assert_eq!((quota.burst(), quota.emission_interval().as_millis()), (4, 250));
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn per_second(rate: u32) -> Result<Quota, QuotaError> {
        Quota::per_period(rate, NANOS_PER_SEC)
    }

    /// `rate` cells per minute, in bursts of up to `rate`.
    ///
    /// ```
    /// use embedis::Quota;
    /// let quota = Quota::per_minute(60)?;
    /// assert_eq!(quota.emission_interval().as_secs(), 1);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn per_minute(rate: u32) -> Result<Quota, QuotaError> {
        Quota::per_period(rate, 60 * NANOS_PER_SEC)
    }

    /// `rate` cells per hour, in bursts of up to `rate`.
    ///
    /// ```
    /// use embedis::Quota;
    /// let quota = Quota::per_hour(3600)?;
    /// assert_eq!(quota.emission_interval().as_secs(), 1);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn per_hour(rate: u32) -> Result<Quota, QuotaError> {
        Quota::per_period(rate, 3600 * NANOS_PER_SEC)
    }

    /// One cell per `period`, burst 1 (raise it with [`Quota::with_burst`]).
    ///
    /// ```
    /// use embedis::Quota;
    /// use std::time::Duration;
    /// let quota = Quota::with_period(Duration::from_millis(20))?.with_burst(5)?;
    /// assert_eq!((quota.burst(), quota.emission_interval()), (5, Duration::from_millis(20)));
    /// assert!(Quota::with_period(Duration::ZERO).is_err());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn with_period(period: Duration) -> Result<Quota, QuotaError> {
        if period.is_zero() {
            return Err(QuotaError::ZeroRate);
        }
        let interval = u64::try_from(period.as_nanos()).map_err(|_| QuotaError::TooLarge)?;
        if interval == 0 {
            return Err(QuotaError::TooFast);
        }
        Ok(Quota { interval, burst: 1 })
    }

    /// The same rate with bursts of up to `burst` cells.
    ///
    /// ```
    /// use embedis::{Quota, QuotaError};
    /// assert_eq!(Quota::per_second(1)?.with_burst(3)?.burst(), 3);
    /// assert_eq!(Quota::per_second(1)?.with_burst(0), Err(QuotaError::ZeroBurst));
    /// # Ok::<(), QuotaError>(())
    /// ```
    pub fn with_burst(self, burst: u32) -> Result<Quota, QuotaError> {
        Quota::new(self.interval, burst)
    }

    /// The largest number of cells admitted at once, from a full bucket.
    ///
    /// ```
    /// assert_eq!(embedis::Quota::per_minute(30)?.burst(), 30);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    #[inline]
    pub fn burst(&self) -> u32 {
        self.burst
    }

    /// The time between two cells at the steady rate (one cell refills per interval).
    ///
    /// ```
    /// use std::time::Duration;
    /// let quota = embedis::Quota::per_second(3)?;
    /// assert_eq!(quota.emission_interval(), Duration::from_nanos(333_333_333));
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn emission_interval(&self) -> Duration {
        Duration::from_nanos(self.interval)
    }

    /// A quota from raw parts: `interval` ns per cell, `burst` cells.
    pub(crate) fn new(interval: u64, burst: u32) -> Result<Quota, QuotaError> {
        if burst == 0 {
            return Err(QuotaError::ZeroBurst);
        }
        if interval == 0 {
            return Err(QuotaError::TooFast);
        }
        interval
            .checked_mul(u64::from(burst))
            .ok_or(QuotaError::TooLarge)?;
        Ok(Quota { interval, burst })
    }

    /// A quota from the parts of one that was validated when built (no check but `debug`
    /// ones, and no division: this is on every limiter check). Never panics: the arithmetic
    /// on quotas saturates.
    #[inline]
    pub(crate) fn from_validated(interval: u64, burst: u32) -> Quota {
        debug_assert!(Quota::new(interval, burst).is_ok());
        Quota {
            interval: interval.max(1),
            burst: burst.max(1),
        }
    }

    fn per_period(rate: u32, period_nanos: u64) -> Result<Quota, QuotaError> {
        if rate == 0 {
            return Err(QuotaError::ZeroRate);
        }
        Quota::new(period_nanos / u64::from(rate), rate)
    }

    /// Nanoseconds per cell.
    #[inline]
    pub(crate) fn interval_nanos(&self) -> u64 {
        self.interval
    }

    /// The burst tolerance: `burst` intervals, in nanoseconds (fits: checked when built).
    #[inline]
    pub(crate) fn tau_nanos(&self) -> u64 {
        self.interval.saturating_mul(u64::from(self.burst))
    }
}

/// What a request gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Admitted.
    Allowed,
    /// Refused; the request would be admitted at this instant (ns), were nothing else
    /// admitted meanwhile.
    NotUntil(u64),
    /// Refused forever: more cells than the burst.
    Never,
}

/// A verdict and the TAT to store (compare-and-swap) for it, if the state changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    pub(crate) verdict: Verdict,
    pub(crate) store: Option<u64>,
}

/// The TAT to store when `quota` comes into force at `now`: a debt beyond one full burst of
/// the new quota (an empty bucket) is forgiven, so shrinking a quota never blocks longer
/// than one refill of the new one. `None` when nothing changes.
pub(crate) fn clamp_tat(quota: &Quota, tat: u64, now: u64) -> Option<u64> {
    let most = now.saturating_add(quota.tau_nanos());
    (tat > most).then_some(most)
}

/// Decides a request for `n` cells at `now` against a bucket whose TAT is `tat`.
#[inline]
pub(crate) fn check_n(quota: &Quota, tat: u64, now: u64, n: u32) -> Decision {
    if n > quota.burst {
        return Decision {
            verdict: Verdict::Never,
            store: None,
        };
    }
    if n == 0 {
        return Decision {
            verdict: Verdict::Allowed,
            store: None,
        };
    }
    let base = tat.max(now);
    // n ≤ burst, so n·T ≤ tau fits.
    let new_tat = base.saturating_add(quota.interval * u64::from(n));
    let allow_at = new_tat.saturating_sub(quota.tau_nanos());
    if allow_at <= now {
        Decision {
            verdict: Verdict::Allowed,
            store: Some(new_tat),
        }
    } else {
        Decision {
            verdict: Verdict::NotUntil(allow_at),
            store: None,
        }
    }
}

/// A bucket's state at one instant, for `X-RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State {
    /// The burst.
    pub(crate) limit: u32,
    /// Cells that would be admitted now.
    pub(crate) remaining: u32,
    /// Nanoseconds until the bucket is full again.
    pub(crate) reset_after: u64,
    /// Nanoseconds until one more cell is admitted (0 when `remaining > 0`).
    pub(crate) retry_after: u64,
}

/// The state of a bucket whose TAT is `tat`, at `now`.
pub(crate) fn state(quota: &Quota, tat: u64, now: u64) -> State {
    let used = tat.max(now) - now;
    let free = quota.tau_nanos().saturating_sub(used);
    let remaining = u32::try_from(free / quota.interval).unwrap_or(quota.burst);
    let retry_after = if remaining == 0 {
        // One interval after the debt is back within the burst.
        used.saturating_add(quota.interval) - quota.tau_nanos()
    } else {
        0
    };
    State {
        limit: quota.burst,
        remaining,
        reset_after: used,
        retry_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: u64 = 1_000_000;
    const START: u64 = 1_704_067_200 * NANOS_PER_SEC;

    /// Applies a decision as a limiter would (no contention).
    fn run(quota: &Quota, tat: &mut u64, now: u64, n: u32) -> Verdict {
        let decision = check_n(quota, *tat, now, n);
        if let Some(new) = decision.store {
            *tat = new;
        }
        decision.verdict
    }

    #[test]
    fn burst_then_steady_rate_then_refill() {
        // 10 per second (100 ms apart), burst 5.
        let quota = Quota::per_second(10).and_then(|q| q.with_burst(5)).unwrap();
        let mut tat = 0;
        let mut now = START;
        for _ in 0..5 {
            assert_eq!(run(&quota, &mut tat, now, 1), Verdict::Allowed);
        }
        assert_eq!(
            run(&quota, &mut tat, now, 1),
            Verdict::NotUntil(now + 100 * MS)
        );
        assert_eq!(state(&quota, tat, now).remaining, 0);
        assert_eq!(state(&quota, tat, now).reset_after, 500 * MS);
        // Steady rate: exactly one per 100 ms.
        for _ in 0..20 {
            now += 99 * MS;
            assert_eq!(run(&quota, &mut tat, now, 1), Verdict::NotUntil(now + MS));
            now += MS;
            assert_eq!(run(&quota, &mut tat, now, 1), Verdict::Allowed);
            assert!(matches!(
                run(&quota, &mut tat, now, 1),
                Verdict::NotUntil(_)
            ));
        }
        // Idle for half a second: the burst is back, not more.
        now += 500 * MS;
        let s = state(&quota, tat, now);
        assert_eq!(
            (s.limit, s.remaining, s.reset_after, s.retry_after),
            (5, 5, 0, 0)
        );
        assert_eq!(run(&quota, &mut tat, now, 5), Verdict::Allowed);
        assert!(matches!(
            run(&quota, &mut tat, now, 1),
            Verdict::NotUntil(_)
        ));
        // Idle much longer: still only one burst.
        now += 3_600_000 * MS;
        assert_eq!(run(&quota, &mut tat, now, 5), Verdict::Allowed);
        assert_eq!(
            run(&quota, &mut tat, now, 1),
            Verdict::NotUntil(now + 100 * MS)
        );
    }

    #[test]
    fn check_n_edges() {
        let quota = Quota::per_second(2).and_then(|q| q.with_burst(3)).unwrap();
        let mut tat = 0;
        let now = START;
        // n = 0: always admitted, no change.
        assert_eq!(
            check_n(&quota, tat, now, 0),
            Decision {
                verdict: Verdict::Allowed,
                store: None
            }
        );
        // n = burst + 1: never, whatever the state.
        assert_eq!(run(&quota, &mut tat, now, 4), Verdict::Never);
        assert_eq!(run(&quota, &mut tat, now, u32::MAX), Verdict::Never);
        // n = burst from a full bucket: admitted, then empty.
        assert_eq!(run(&quota, &mut tat, now, 3), Verdict::Allowed);
        assert_eq!(run(&quota, &mut tat, now, 0), Verdict::Allowed);
        // n = burst from an empty bucket: not until the whole burst has refilled.
        assert_eq!(
            run(&quota, &mut tat, now, 3),
            Verdict::NotUntil(now + 1500 * MS)
        );
        assert_eq!(run(&quota, &mut tat, now, 4), Verdict::Never);
        let s = state(&quota, tat, now);
        assert_eq!((s.remaining, s.retry_after), (0, 500 * MS));
        // A refused request changes nothing: two cells after 1 s, not before.
        assert_eq!(
            run(&quota, &mut tat, now + 999 * MS, 2),
            Verdict::NotUntil(now + 1000 * MS)
        );
        assert_eq!(run(&quota, &mut tat, now + 1000 * MS, 2), Verdict::Allowed);
    }

    #[test]
    fn time_going_backwards_never_panics() {
        let quota = Quota::per_second(10).and_then(|q| q.with_burst(5)).unwrap();
        let mut tat = 0;
        assert_eq!(run(&quota, &mut tat, START, 5), Verdict::Allowed);
        // An hour back: the debt stands; nothing is admitted until the clock catches up.
        let back = START - 3_600_000 * MS;
        assert_eq!(
            run(&quota, &mut tat, back, 1),
            Verdict::NotUntil(START + 100 * MS)
        );
        let s = state(&quota, tat, back);
        assert_eq!((s.remaining, s.reset_after), (0, 3_600_500 * MS));
        assert_eq!(s.retry_after, 3_600_100 * MS);
        assert_eq!(run(&quota, &mut tat, START + 100 * MS, 1), Verdict::Allowed);
        // The extremes of u64 time.
        for now in [0, 1, u64::MAX - 1, u64::MAX, 0] {
            for n in [0, 1, 5, 6, u32::MAX] {
                let _ = run(&quota, &mut tat, now, n);
                let s = state(&quota, tat, now);
                assert!(s.remaining <= s.limit);
                let _ = clamp_tat(&quota, tat, now);
            }
        }
    }

    #[test]
    fn a_quota_change_forgives_debt_beyond_one_burst() {
        let hourly = Quota::per_hour(1).unwrap();
        let mut tat = 0;
        assert_eq!(run(&hourly, &mut tat, START, 1), Verdict::Allowed);
        let fast = Quota::per_second(100).unwrap();
        assert_eq!(clamp_tat(&fast, tat, START), Some(START + 1000 * MS));
        assert_eq!(clamp_tat(&hourly, tat, START), None);
        let slower = Quota::per_hour(1).and_then(|q| q.with_burst(2)).unwrap();
        assert_eq!(clamp_tat(&slower, tat, START), None, "within the new burst");
    }

    #[test]
    fn quotas_are_checked() {
        assert_eq!(Quota::per_second(0), Err(QuotaError::ZeroRate));
        assert_eq!(Quota::per_minute(0), Err(QuotaError::ZeroRate));
        assert_eq!(Quota::per_hour(0), Err(QuotaError::ZeroRate));
        assert_eq!(
            Quota::with_period(Duration::ZERO),
            Err(QuotaError::ZeroRate)
        );
        assert_eq!(Quota::with_period(Duration::MAX), Err(QuotaError::TooLarge));
        assert_eq!(Quota::per_second(u32::MAX), Err(QuotaError::TooFast));
        assert_eq!(Quota::per_second(1_000_000_000).map(|q| q.interval), Ok(1));
        let day = Quota::with_period(Duration::from_secs(86_400)).unwrap();
        assert_eq!(day.with_burst(u32::MAX), Err(QuotaError::TooLarge));
        assert_eq!(day.with_burst(0), Err(QuotaError::ZeroBurst));
        assert!(QuotaError::TooLarge.to_string().contains("u64"));
    }
}
