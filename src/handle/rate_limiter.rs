//! A lock-free rate limiter: GCRA over one `AtomicU64`, on any [`Clock`].
//!
//! # Policy
//! [`RateLimiter`] runs the generic cell rate algorithm (GCRA), the token bucket in its
//! exact, one-number form. A [`Quota`] admits one cell per emission interval `T` and bursts
//! of up to `burst` cells: a full bucket admits `burst` cells at once, then one more cell
//! every `T`; an idle bucket refills at that rate up to `burst`, never beyond.
//!
//! A refused request is told when it would be admitted ([`RateLimitError::NotUntil`]), or
//! that it never will be ([`RateLimitError::InsufficientCapacity`]): "never" means the
//! request asks for more cells than the burst, which no wait can make room for (under the
//! current quota; a larger one set with [`RateLimiter::set_quota`] may admit it).
//!
//! # Concurrency
//! The bucket is one theoretical arrival time in an `AtomicU64`, updated by compare-and-swap:
//! [`RateLimiter::check`] takes no lock, whatever the number of threads. The quota is two
//! atomics behind a sequence counter (a seqlock): readers never block, and a
//! [`RateLimiter::set_quota`], the rare path, takes a small mutex only against other writers.
//! A check racing with a quota change is decided under either quota, never a mix.
//!
//! [`KeyedRateLimiter`] keeps one such bucket per key in sharded hash maps (a read lock on
//! one shard per check, no global lock) and forgets keys whose bucket is full again, since a
//! full bucket and an absent key behave the same.
//!
//! # Waiting
//! [`RateLimiter::wait_n`] sleeps in real time for the computed wait, in slices of at most
//! 2 ms, re-reading the clock after each: a [`ManualClock`](crate::ManualClock) advanced by
//! another thread releases it promptly, and nothing ever spins.
//!
//! # Time
//! Time comes from the limiter's [`Clock`], so a [`ManualClock`](crate::ManualClock) makes
//! every decision exact in tests. Internally every time is in **nanoseconds** since the UNIX
//! epoch, read with [`Clock::now_nanos`]: the clock's microseconds times 1,000 (exactly, for
//! a `ManualClock`), or, for [`SystemClock`], a read of the wall clock at nanosecond
//! resolution that costs a few ns instead of a `SystemTime::now()` (see [`SystemClock`]).
//! Nanoseconds keep emission intervals such as 1/3 s exact to a nanosecond and allow rates of
//! up to 10⁹ per second, and a `u64` still holds them until the year 2554.

use std::any::TypeId;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ahash::RandomState;
use parking_lot::{Mutex, RwLock};

use crate::store::gcra::{self, Quota, Verdict};
use crate::{Clock, SystemClock};

/// How long a waiting call sleeps at most before it reads the clock again.
const WAIT_SLICE: Duration = Duration::from_millis(2);

/// Why a request was refused.
///
/// ```
/// use embedis::{ManualClock, Quota, RateLimitError, RateLimiter};
/// use std::time::Duration;
///
/// let limiter = RateLimiter::with_clock(Quota::per_second(1)?, ManualClock::new());
/// assert!(limiter.check().is_ok());
/// match limiter.check() {
///     Err(RateLimitError::NotUntil(when)) => {
///         assert_eq!(when.retry_after(), Duration::from_secs(1))
///     }
///     other => panic!("{other:?}"),
/// }
/// assert_eq!(limiter.check_n(2), Err(RateLimitError::InsufficientCapacity { burst: 1 }));
/// # Ok::<(), embedis::QuotaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateLimitError {
    /// Not now: the request would be admitted at [`NotUntil::earliest`], after
    /// [`NotUntil::retry_after`], if nothing else is admitted meanwhile.
    NotUntil(NotUntil),
    /// Never: the request asks for more cells than the quota's burst.
    InsufficientCapacity {
        /// The burst of the quota the request was checked against.
        burst: u32,
    },
    /// Only from a [`KeyedRateLimiter`] with a maximum key count: the key is new, and every
    /// key tracked still has a bucket that is not full, so none could be evicted to make room.
    TooManyKeys {
        /// The limiter's maximum key count.
        max_keys: usize,
    },
}

/// When a refused request would be admitted. It keeps the two clock readings it comes
/// from and converts them only when asked: a refusal is the hot path of a limiter under
/// attack, and most callers only count refusals.
///
/// ```
/// use embedis::{ManualClock, Quota, RateLimitError, RateLimiter};
/// use std::time::Duration;
///
/// let clock = ManualClock::new();
/// let limiter = RateLimiter::with_clock(Quota::per_second(2)?, clock.clone());
/// limiter.check_n(2).unwrap();
/// let Err(RateLimitError::NotUntil(when)) = limiter.check() else { panic!() };
/// assert_eq!(when.retry_after(), Duration::from_millis(500));
/// assert_eq!(when.earliest(), clock.now() + Duration::from_millis(500));
/// # Ok::<(), embedis::QuotaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NotUntil {
    /// Nanoseconds since the Unix epoch, on the limiter's clock: the admission instant.
    at: u64,
    /// The same, for the instant of the check.
    checked: u64,
}

impl NotUntil {
    /// How long to wait from the instant of the check.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimitError, RateLimiter};
    /// let limiter = RateLimiter::with_clock(Quota::per_second(1)?, ManualClock::new());
    /// limiter.check().unwrap();
    /// let Err(RateLimitError::NotUntil(when)) = limiter.check() else { panic!() };
    /// assert_eq!(when.retry_after(), std::time::Duration::from_secs(1));
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn retry_after(&self) -> Duration {
        Duration::from_nanos(self.at.saturating_sub(self.checked))
    }

    /// The earliest instant, on the limiter's clock, at which it would be admitted.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimitError, RateLimiter};
    /// let clock = ManualClock::new();
    /// let limiter = RateLimiter::with_clock(Quota::per_second(1)?, clock.clone());
    /// limiter.check().unwrap();
    /// let Err(RateLimitError::NotUntil(when)) = limiter.check() else { panic!() };
    /// assert_eq!(when.earliest(), clock.now() + std::time::Duration::from_secs(1));
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn earliest(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_nanos(self.at)
    }
}

impl std::fmt::Display for RateLimitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RateLimitError::NotUntil(when) => {
                write!(f, "rate limited: retry after {:?}", when.retry_after())
            }
            RateLimitError::InsufficientCapacity { burst } => {
                write!(
                    f,
                    "rate limited: the request exceeds the burst of {burst} cells"
                )
            }
            RateLimitError::TooManyKeys { max_keys } => {
                write!(f, "rate limited: all {max_keys} keys are in use")
            }
        }
    }
}

impl std::error::Error for RateLimitError {}

/// A limiter's state at one instant, to fill `X-RateLimit-*` headers.
///
/// ```
/// use embedis::{ManualClock, Quota, RateLimiter};
/// use std::time::Duration;
///
/// let limiter = RateLimiter::with_clock(Quota::per_second(10)?, ManualClock::new());
/// limiter.check_n(4).unwrap();
/// let s = limiter.snapshot();
/// assert_eq!((s.limit, s.remaining), (10, 6));
/// assert_eq!(s.reset_after, Duration::from_millis(400));
/// assert_eq!(s.retry_after, Duration::ZERO);
/// # Ok::<(), embedis::QuotaError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimitSnapshot {
    /// The burst: the most cells admitted at once (`X-RateLimit-Limit`).
    pub limit: u32,
    /// Cells that would be admitted now (`X-RateLimit-Remaining`).
    pub remaining: u32,
    /// Time until the bucket is full again (`X-RateLimit-Reset`).
    pub reset_after: Duration,
    /// Time until one more cell is admitted; zero while `remaining > 0` (`Retry-After`).
    pub retry_after: Duration,
}

/// A lock-free rate limiter (GCRA) on one `AtomicU64`, shared by reference across threads.
///
/// Build it from a [`Quota`]; it follows the system clock ([`RateLimiter::new`]), a clock of
/// your choice ([`RateLimiter::with_clock`]) or an engine's ([`Engine::rate_limiter`]).
/// Share it with `Arc` or by reference; it is `Send + Sync`.
///
/// [`Engine::rate_limiter`]: crate::Engine::rate_limiter
///
/// ```
/// use embedis::{ManualClock, Quota, RateLimiter};
/// use std::time::Duration;
///
/// let clock = ManualClock::new();
/// let limiter = RateLimiter::with_clock(Quota::per_second(2)?.with_burst(3)?, clock.clone());
/// assert!((0..3).all(|_| limiter.check().is_ok())); // the burst
/// assert!(limiter.check().is_err());
/// clock.advance(Duration::from_millis(500));       // one cell per 500 ms
/// assert!(limiter.check().is_ok());
/// assert!(limiter.check().is_err());
/// # Ok::<(), embedis::QuotaError>(())
/// ```
#[derive(Debug)]
pub struct RateLimiter {
    /// The theoretical arrival time, in ns since the epoch; `0` is a full bucket.
    tat: AtomicU64,
    quota: QuotaCell,
    clock: LimiterClock,
}

/// A quota readable without a lock: two atomics behind a sequence counter (a seqlock).
#[derive(Debug)]
struct QuotaCell {
    /// Odd while a change is being written.
    seq: AtomicU64,
    interval: AtomicU64,
    burst: AtomicU32,
    /// Serializes writers (never taken by readers).
    writer: Mutex<()>,
}

impl QuotaCell {
    fn new(quota: Quota) -> QuotaCell {
        QuotaCell {
            seq: AtomicU64::new(0),
            interval: AtomicU64::new(quota.interval_nanos()),
            burst: AtomicU32::new(quota.burst()),
            writer: Mutex::new(()),
        }
    }

    #[inline]
    fn get(&self) -> Quota {
        loop {
            let before = self.seq.load(Ordering::SeqCst);
            if before & 1 == 0 {
                let interval = self.interval.load(Ordering::SeqCst);
                let burst = self.burst.load(Ordering::SeqCst);
                if self.seq.load(Ordering::SeqCst) == before {
                    // Both halves come from one `set`, of a validated quota.
                    return Quota::from_validated(interval, burst);
                }
            }
            std::hint::spin_loop();
        }
    }

    fn set(&self, quota: Quota) {
        let _writer = self.writer.lock();
        self.seq.fetch_add(1, Ordering::SeqCst);
        self.interval
            .store(quota.interval_nanos(), Ordering::SeqCst);
        self.burst.store(quota.burst(), Ordering::SeqCst);
        self.seq.fetch_add(1, Ordering::SeqCst);
    }
}

/// Decides a request for `n` cells at `now` on one bucket, by compare-and-swap.
#[inline]
fn check_bucket(bucket: &AtomicU64, quota: &Quota, now: u64, n: u32) -> Result<(), RateLimitError> {
    let mut tat = bucket.load(Ordering::Acquire);
    loop {
        let decision = gcra::check_n(quota, tat, now, n);
        if let Some(new) = decision.store
            && let Err(actual) =
                bucket.compare_exchange_weak(tat, new, Ordering::AcqRel, Ordering::Acquire)
        {
            tat = actual;
            continue;
        }
        return verdict_result(decision.verdict, quota, now);
    }
}

#[inline]
fn verdict_result(verdict: Verdict, quota: &Quota, now: u64) -> Result<(), RateLimitError> {
    match verdict {
        Verdict::Allowed => Ok(()),
        Verdict::Never => Err(RateLimitError::InsufficientCapacity {
            burst: quota.burst(),
        }),
        Verdict::NotUntil(at) => Err(RateLimitError::NotUntil(NotUntil { at, checked: now })),
    }
}

fn snapshot_of(quota: &Quota, tat: u64, now: u64) -> RateLimitSnapshot {
    let state = gcra::state(quota, tat, now);
    RateLimitSnapshot {
        limit: state.limit,
        remaining: state.remaining,
        reset_after: Duration::from_nanos(state.reset_after),
        retry_after: Duration::from_nanos(state.retry_after),
    }
}

/// Forgives a bucket's debt beyond one burst of a quota just set.
fn clamp_bucket(bucket: &AtomicU64, quota: &Quota, now: u64) {
    // The closure refusing (nothing to change) is not an error.
    let _ = bucket.fetch_update(Ordering::AcqRel, Ordering::Acquire, |tat| {
        gcra::clamp_tat(quota, tat, now)
    });
}

impl RateLimiter {
    /// The limiter's clock, for the async waits.
    #[cfg(feature = "async")]
    pub(crate) fn limiter_clock(&self) -> &LimiterClock {
        &self.clock
    }

    /// A limiter on the system clock.
    ///
    /// ```
    /// use embedis::{Quota, RateLimiter};
    /// let limiter = RateLimiter::new(Quota::per_second(100)?);
    /// assert!(limiter.check().is_ok());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn new(quota: Quota) -> RateLimiter {
        RateLimiter::with_clock(quota, SystemClock)
    }

    /// A limiter on `clock`; with a [`ManualClock`](crate::ManualClock), time moves only
    /// when the test moves it.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimiter};
    /// let limiter = RateLimiter::with_clock(Quota::per_hour(1)?, ManualClock::new());
    /// assert!(limiter.check().is_ok());
    /// assert!(limiter.check().is_err());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn with_clock(quota: Quota, clock: impl Clock) -> RateLimiter {
        RateLimiter::with_limiter_clock(quota, LimiterClock::new(clock))
    }

    /// A limiter on a clock shared with others (the engine's).
    pub(crate) fn with_shared_clock(quota: Quota, clock: Arc<dyn Clock>) -> RateLimiter {
        RateLimiter::with_limiter_clock(quota, LimiterClock::shared(clock))
    }

    fn with_limiter_clock(quota: Quota, clock: LimiterClock) -> RateLimiter {
        RateLimiter {
            tat: AtomicU64::new(0),
            quota: QuotaCell::new(quota),
            clock,
        }
    }

    /// Admits one cell, or says why not. Lock-free.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimiter};
    /// let limiter = RateLimiter::with_clock(Quota::per_minute(2)?, ManualClock::new());
    /// assert!(limiter.check().is_ok());
    /// assert!(limiter.check().is_ok());
    /// assert!(limiter.check().is_err());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    #[inline]
    pub fn check(&self) -> Result<(), RateLimitError> {
        self.check_n(1)
    }

    /// Admits `n` cells at once, or none of them. `n = 0` is always admitted;
    /// `n > burst` is refused with [`RateLimitError::InsufficientCapacity`] (no wait helps).
    /// Lock-free.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimitError, RateLimiter};
    /// let limiter = RateLimiter::with_clock(Quota::per_second(5)?, ManualClock::new());
    /// assert!(limiter.check_n(5).is_ok());
    /// assert!(matches!(limiter.check_n(1), Err(RateLimitError::NotUntil { .. })));
    /// assert_eq!(limiter.check_n(6), Err(RateLimitError::InsufficientCapacity { burst: 5 }));
    /// assert!(limiter.check_n(0).is_ok());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    #[inline]
    pub fn check_n(&self, n: u32) -> Result<(), RateLimitError> {
        let quota = self.quota.get();
        check_bucket(&self.tat, &quota, self.clock.now_nanos(), n)
    }

    /// Blocks until one cell is admitted. See [`RateLimiter::wait_n`].
    ///
    /// ```
    /// use embedis::{Quota, RateLimiter};
    /// let limiter = RateLimiter::new(Quota::per_second(1000)?.with_burst(1)?);
    /// limiter.wait().unwrap();
    /// limiter.wait().unwrap(); // about 1 ms later
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn wait(&self) -> Result<(), RateLimitError> {
        self.wait_n(1)
    }

    /// Blocks until `n` cells are admitted at once, and admits them; fails at once with
    /// [`RateLimitError::InsufficientCapacity`] when `n` exceeds the burst.
    ///
    /// It sleeps in real time for the wait the limiter computed, in slices of at most 2 ms,
    /// and checks again after each slice. With the system clock this is a sleep of about the
    /// computed wait. With a [`ManualClock`](crate::ManualClock) it wakes within about 2 ms
    /// of another thread advancing the clock far enough, and never spins; if nobody
    /// advances it, it waits for ever, as it would on a real clock that stood still.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimiter};
    /// use std::time::Duration;
    ///
    /// let clock = ManualClock::new();
    /// let limiter = RateLimiter::with_clock(Quota::per_hour(1)?, clock.clone());
    /// limiter.wait().unwrap(); // a full bucket: at once
    /// let mover = std::thread::spawn(move || {
    ///     std::thread::sleep(Duration::from_millis(10));
    ///     clock.advance(Duration::from_secs(3600));
    /// });
    /// limiter.wait().unwrap(); // returns once the hour has passed on the manual clock
    /// mover.join().unwrap();
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn wait_n(&self, n: u32) -> Result<(), RateLimitError> {
        loop {
            if let Some(result) = wait_slice(self.check_n(n)) {
                return result;
            }
        }
    }

    /// The state now: limit, remaining cells, time until full, time until the next cell.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimiter};
    /// use std::time::Duration;
    /// let limiter = RateLimiter::with_clock(Quota::per_second(2)?, ManualClock::new());
    /// limiter.check_n(2).unwrap();
    /// let s = limiter.snapshot();
    /// assert_eq!((s.limit, s.remaining), (2, 0));
    /// assert_eq!((s.reset_after, s.retry_after), (Duration::from_secs(1), Duration::from_millis(500)));
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn snapshot(&self) -> RateLimitSnapshot {
        let quota = self.quota.get();
        snapshot_of(
            &quota,
            self.tat.load(Ordering::Acquire),
            self.clock.now_nanos(),
        )
    }

    /// The quota in force.
    ///
    /// ```
    /// use embedis::{Quota, RateLimiter};
    /// let quota = Quota::per_second(7)?;
    /// assert_eq!(RateLimiter::new(quota).quota(), quota);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn quota(&self) -> Quota {
        self.quota.get()
    }

    /// Changes the quota at run time; the next check follows it. The bucket keeps its state
    /// as time owed (its theoretical arrival time): cells admitted recently still count, as
    /// the time they took at the old rate, against the new burst; a debt longer than one full
    /// burst of the new quota is cut to that (an empty bucket), so shrinking a quota never
    /// blocks longer than one refill of the new one.
    ///
    /// ```
    /// use embedis::{ManualClock, Quota, RateLimiter};
    /// let limiter = RateLimiter::with_clock(Quota::per_second(1)?, ManualClock::new());
    /// assert!(limiter.check().is_ok());
    /// assert!(limiter.check().is_err());
    /// limiter.set_quota(Quota::per_second(1)?.with_burst(3)?);
    /// assert!(limiter.check_n(2).is_ok()); // the larger burst has room at once
    /// assert!(limiter.check().is_err());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn set_quota(&self, quota: Quota) {
        self.quota.set(quota);
        clamp_bucket(&self.tat, &quota, self.clock.now_nanos());
    }
}

/// A limiter's clock. Time is read with [`Clock::now_nanos`] (microseconds × 1,000, or a
/// finer and faster read for [`SystemClock`]); a limiter built with [`SystemClock`] by type
/// reads it without a virtual call, since that read is most of the cost of a check.
#[derive(Debug)]
pub(crate) struct LimiterClock {
    clock: Arc<dyn Clock>,
    /// `clock` is a [`SystemClock`].
    system: bool,
}

impl LimiterClock {
    fn new<C: Clock>(clock: C) -> LimiterClock {
        LimiterClock {
            system: TypeId::of::<C>() == TypeId::of::<SystemClock>(),
            clock: Arc::new(clock),
        }
    }

    fn shared(clock: Arc<dyn Clock>) -> LimiterClock {
        LimiterClock {
            clock,
            system: false,
        }
    }

    /// Asks the clock to call `waker` whenever it jumps (see [`Clock::register_waker`]);
    /// `false` for a clock that follows real time on its own.
    #[cfg(feature = "async")]
    pub(crate) fn register_waker(&self, waker: crate::ClockWaker) -> bool {
        !self.system && self.clock.register_waker(waker)
    }

    #[inline]
    fn now_nanos(&self) -> u64 {
        if self.system {
            SystemClock.now_nanos()
        } else {
            self.clock.now_nanos()
        }
    }
}

/// Sleeps one slice for a "not until" refusal (`None`: check again); passes on the rest.
fn wait_slice(result: Result<(), RateLimitError>) -> Option<Result<(), RateLimitError>> {
    match result {
        Err(RateLimitError::NotUntil(when)) => {
            std::thread::sleep(
                when.retry_after()
                    .clamp(Duration::from_micros(1), WAIT_SLICE),
            );
            None
        }
        other => Some(other),
    }
}

/// Per-key rate limiting: one GCRA bucket per key, all under one [`Quota`].
///
/// The keys are spread over shards, each a hash map (ahash) behind its own reader-writer
/// lock; a check on a known key takes its shard's *read* lock and updates the key's bucket by
/// compare-and-swap, so checks on any keys run in parallel and there is no global lock. A new
/// key takes its shard's write lock once.
///
/// Memory stays bounded without any call from you: a key whose bucket is full again is the
/// same as an absent key, so when a shard has doubled since it was last swept, inserting a
/// key first removes every full bucket from that shard. [`KeyedRateLimiter::with_max_keys`]
/// adds a hard cap: at the cap, a new key first evicts full buckets everywhere, and is
/// refused with [`RateLimitError::TooManyKeys`] only if every tracked key is still busy.
///
/// ```
/// use embedis::{KeyedRateLimiter, ManualClock, Quota};
/// use std::time::Duration;
///
/// let clock = ManualClock::new();
/// let limiter = KeyedRateLimiter::with_clock(Quota::per_second(2)?, clock.clone());
/// assert!(limiter.check_key("alice").is_ok());
/// assert!(limiter.check_key("alice").is_ok());
/// assert!(limiter.check_key("alice").is_err());
/// assert!(limiter.check_key("bob").is_ok()); // every key has its own bucket
/// clock.advance(Duration::from_secs(1));
/// assert_eq!(limiter.evict_full(), 2);       // both full again: forgotten
/// assert!(limiter.is_empty());
/// # Ok::<(), embedis::QuotaError>(())
/// ```
#[derive(Debug)]
pub struct KeyedRateLimiter<K> {
    shards: Box<[RwLock<Shard<K>>]>,
    hasher: RandomState,
    quota: QuotaCell,
    clock: LimiterClock,
    /// Keys tracked, over all shards; never above `max_keys` (slots are reserved first).
    len: AtomicUsize,
    max_keys: Option<usize>,
}

#[derive(Debug)]
struct Shard<K> {
    buckets: HashMap<K, AtomicU64, RandomState>,
    /// Sweep full buckets when an insert finds this many keys.
    sweep_at: usize,
}

/// A shard is first swept when it holds this many keys.
const FIRST_SWEEP: usize = 64;

impl<K: Hash + Eq> KeyedRateLimiter<K> {
    /// The limiter's clock, for the async waits.
    #[cfg(feature = "async")]
    pub(crate) fn limiter_clock(&self) -> &LimiterClock {
        &self.clock
    }

    /// A keyed limiter on the system clock.
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, Quota};
    /// let limiter = KeyedRateLimiter::new(Quota::per_second(10)?);
    /// assert!(limiter.check_key(&42u64).is_ok());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn new(quota: Quota) -> KeyedRateLimiter<K> {
        KeyedRateLimiter::with_clock(quota, SystemClock)
    }

    /// A keyed limiter on `clock`.
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_hour(1)?, ManualClock::new());
    /// assert!(limiter.check_key("k").is_ok());
    /// assert!(limiter.check_key("k").is_err());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn with_clock(quota: Quota, clock: impl Clock) -> KeyedRateLimiter<K> {
        let parallelism = std::thread::available_parallelism().map_or(4, |n| n.get());
        let count = (parallelism * 4).next_power_of_two().clamp(8, 256);
        let hasher = RandomState::new();
        let shards = (0..count)
            .map(|_| {
                RwLock::new(Shard {
                    buckets: HashMap::with_hasher(hasher.clone()),
                    sweep_at: FIRST_SWEEP,
                })
            })
            .collect();
        KeyedRateLimiter {
            shards,
            hasher,
            quota: QuotaCell::new(quota),
            clock: LimiterClock::new(clock),
            len: AtomicUsize::new(0),
            max_keys: None,
        }
    }

    /// The same limiter, tracking at most `max_keys` keys at once (see the type's docs).
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota, RateLimitError};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_minute(1)?, ManualClock::new())
    ///     .with_max_keys(1);
    /// assert!(limiter.check_key("a").is_ok());
    /// assert_eq!(limiter.check_key("b"), Err(RateLimitError::TooManyKeys { max_keys: 1 }));
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn with_max_keys(mut self, max_keys: usize) -> KeyedRateLimiter<K> {
        self.max_keys = Some(max_keys);
        self
    }

    /// Admits one cell for `key`. See [`KeyedRateLimiter::check_key_n`].
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota};
    /// let limiter: KeyedRateLimiter<String> =
    ///     KeyedRateLimiter::with_clock(Quota::per_second(1)?, ManualClock::new());
    /// assert!(limiter.check_key("ip:10.0.0.1").is_ok());
    /// assert!(limiter.check_key("ip:10.0.0.1").is_err());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    #[inline]
    pub fn check_key<Q>(&self, key: &Q) -> Result<(), RateLimitError>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        self.check_key_n(key, 1)
    }

    /// Admits `n` cells at once for `key`, or none; the rules of [`RateLimiter::check_n`].
    /// A refused request for an unknown key does not start tracking it.
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota, RateLimitError};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_second(3)?, ManualClock::new());
    /// assert!(limiter.check_key_n(&7u32, 3).is_ok());
    /// assert!(matches!(limiter.check_key_n(&7, 1), Err(RateLimitError::NotUntil { .. })));
    /// assert_eq!(limiter.check_key_n(&8, 4), Err(RateLimitError::InsufficientCapacity { burst: 3 }));
    /// assert_eq!(limiter.len(), 1);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    #[inline]
    pub fn check_key_n<Q>(&self, key: &Q, n: u32) -> Result<(), RateLimitError>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        let quota = self.quota.get();
        let now = self.clock.now_nanos();
        let shard = self.shard(key);
        if let Some(bucket) = shard.read().buckets.get(key) {
            return check_bucket(bucket, &quota, now, n);
        }
        // An unknown key is a full bucket: decide first, track it only if it took cells.
        let decision = gcra::check_n(&quota, 0, now, n);
        let Some(new_tat) = decision.store else {
            return verdict_result(decision.verdict, &quota, now);
        };
        let mut guard = shard.write();
        if let Some(bucket) = guard.buckets.get(key) {
            // Another thread inserted it meanwhile.
            return check_bucket(bucket, &quota, now, n);
        }
        if guard.buckets.len() >= guard.sweep_at {
            let removed = sweep(&mut guard.buckets, now);
            self.len.fetch_sub(removed, Ordering::AcqRel);
            guard.sweep_at = (guard.buckets.len() * 2).max(FIRST_SWEEP);
        }
        if !self.reserve_slot() {
            // At the cap: make room by evicting full buckets everywhere, then try once more.
            drop(guard);
            self.evict_full();
            guard = shard.write();
            if let Some(bucket) = guard.buckets.get(key) {
                return check_bucket(bucket, &quota, now, n);
            }
            if !self.reserve_slot() {
                return Err(RateLimitError::TooManyKeys {
                    max_keys: self.max_keys.unwrap_or(usize::MAX),
                });
            }
        }
        guard
            .buckets
            .insert(key.to_owned(), AtomicU64::new(new_tat));
        Ok(())
    }

    /// Blocks until `n` cells are admitted for `key`; sleeps as [`RateLimiter::wait_n`] does.
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, Quota};
    /// let limiter = KeyedRateLimiter::new(Quota::per_second(1000)?.with_burst(1)?);
    /// limiter.wait_key_n("job", 1).unwrap();
    /// limiter.wait_key_n("job", 1).unwrap(); // about 1 ms later
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn wait_key_n<Q>(&self, key: &Q, n: u32) -> Result<(), RateLimitError>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        loop {
            if let Some(result) = wait_slice(self.check_key_n(key, n)) {
                return result;
            }
        }
    }

    /// The state of `key`'s bucket now (a full one for an unknown key).
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_second(5)?, ManualClock::new());
    /// limiter.check_key_n("k", 2).unwrap();
    /// assert_eq!(limiter.snapshot_key("k").remaining, 3);
    /// assert_eq!(limiter.snapshot_key("other").remaining, 5);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn snapshot_key<Q>(&self, key: &Q) -> RateLimitSnapshot
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let quota = self.quota.get();
        let now = self.clock.now_nanos();
        let tat = self
            .shard(key)
            .read()
            .buckets
            .get(key)
            .map_or(0, |bucket| bucket.load(Ordering::Acquire));
        snapshot_of(&quota, tat, now)
    }

    /// Removes every key whose bucket is full again (indistinguishable from an absent key)
    /// and returns how many it removed. Never needed for bounded memory (inserts sweep), but
    /// it frees memory at once after a burst of one-off keys.
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_second(1)?, ManualClock::new());
    /// limiter.check_key("k").unwrap();
    /// assert_eq!(limiter.evict_full(), 0); // still refilling
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn evict_full(&self) -> usize {
        let now = self.clock.now_nanos();
        let mut total = 0;
        for shard in self.shards.iter() {
            let removed = sweep(&mut shard.write().buckets, now);
            self.len.fetch_sub(removed, Ordering::AcqRel);
            total += removed;
        }
        total
    }

    /// How many keys are tracked (keys with a full bucket may linger until a sweep).
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, Quota};
    /// let limiter = KeyedRateLimiter::new(Quota::per_second(1)?);
    /// limiter.check_key("a").unwrap();
    /// assert_eq!(limiter.len(), 1);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// Whether no key is tracked.
    ///
    /// ```
    /// let limiter = embedis::KeyedRateLimiter::<u64>::new(embedis::Quota::per_second(1)?);
    /// assert!(limiter.is_empty());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The quota in force for every key.
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, Quota};
    /// let quota = Quota::per_minute(5)?;
    /// assert_eq!(KeyedRateLimiter::<u64>::new(quota).quota(), quota);
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn quota(&self) -> Quota {
        self.quota.get()
    }

    /// Changes the quota of every key at run time, as [`RateLimiter::set_quota`] does for one
    /// bucket (this visits every key once, under each shard's read lock in turn).
    ///
    /// ```
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_second(1)?, ManualClock::new());
    /// limiter.check_key("k").unwrap();
    /// limiter.set_quota(Quota::per_second(1)?.with_burst(2)?);
    /// assert!(limiter.check_key("k").is_ok());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn set_quota(&self, quota: Quota) {
        self.quota.set(quota);
        let now = self.clock.now_nanos();
        for shard in self.shards.iter() {
            for bucket in shard.read().buckets.values() {
                clamp_bucket(bucket, &quota, now);
            }
        }
    }

    /// Counts one more key, unless that would pass the maximum.
    fn reserve_slot(&self) -> bool {
        let max_keys = self.max_keys.unwrap_or(usize::MAX);
        self.len
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |len| {
                (len < max_keys).then_some(len + 1)
            })
            .is_ok()
    }

    #[inline]
    fn shard<Q: Hash + ?Sized>(&self, key: &Q) -> &RwLock<Shard<K>> {
        // The shard count is a power of two; the high bits pick the shard, the map uses the
        // low bits (the same hasher), so the two stay independent.
        let hash = self.hasher.hash_one(key);
        let index = (hash >> 32) as usize & (self.shards.len() - 1);
        &self.shards[index]
    }
}

/// Removes the full buckets (TAT at or before `now`); returns how many.
fn sweep<K>(buckets: &mut HashMap<K, AtomicU64, RandomState>, now: u64) -> usize {
    let before = buckets.len();
    buckets.retain(|_, bucket| bucket.load(Ordering::Acquire) > now);
    before - buckets.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ManualClock;

    #[test]
    fn only_a_system_clock_takes_the_direct_read() {
        assert!(LimiterClock::new(SystemClock).system);
        assert!(!LimiterClock::new(ManualClock::new()).system);
        assert!(!LimiterClock::shared(Arc::new(SystemClock)).system);
    }

    #[test]
    fn limiter_clock_reads_manual_time_exactly() {
        let clock = ManualClock::new();
        let limiter_clock = LimiterClock::new(clock.clone());
        clock.advance(Duration::from_micros(7));
        assert_eq!(limiter_clock.now_nanos(), clock.now_micros() * 1000);
    }
}
