//! The engine's one source of time.
//!
//! Every time-dependent behaviour reads the engine's [`Clock`]: TTLs and expiry, `TIME`,
//! `EXAT`/`PXAT`, INCREX windows (and stream IDs, idle times, block timeouts and token
//! buckets as those land). The executor reads the clock once per command, so a command sees
//! one instant from start to end, as redis-server's command time snapshot does.
//!
//! [`SystemClock`] is the default. [`ManualClock`] moves only when told: tests call
//! [`ManualClock::advance`] instead of sleeping. `advance` wakes every engine that uses the
//! clock; the engine then runs what became due (the active expiry sweep) before any command
//! sent after `advance` returned, because the wake-up travels through the same ordered queue.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

/// A source of wall-clock time, in microseconds since the UNIX epoch.
///
/// ```
/// use embedis::{Clock, SystemClock};
/// let now = SystemClock.now_micros();
/// assert!(now > 1_600_000_000_000_000);
/// ```
pub trait Clock: Send + Sync + std::fmt::Debug + 'static {
    /// Microseconds since 1970-01-01T00:00:00Z.
    fn now_micros(&self) -> u64;

    /// Nanoseconds since 1970-01-01T00:00:00Z, read by the rate limiters on every check.
    ///
    /// The default is `now_micros() × 1000`, so a clock that implements only
    /// [`Clock::now_micros`] (such as [`ManualClock`]) drives the limiters exactly.
    /// [`SystemClock`] overrides it with a faster read of the same wall clock (see there).
    ///
    /// ```
    /// use embedis::{Clock, ManualClock};
    /// let clock = ManualClock::new();
    /// assert_eq!(clock.now_nanos(), clock.now_micros() * 1000);
    /// ```
    fn now_nanos(&self) -> u64 {
        self.now_micros().saturating_mul(1000)
    }

    /// Registers an engine's waker. A clock that moves only when told (such as
    /// [`ManualClock`]) keeps the waker, calls it after each jump, and returns `true`: the
    /// engine then needs no timer of its own. Real-time clocks return `false` (the default).
    fn register_waker(&self, waker: ClockWaker) -> bool {
        let _ = waker;
        false
    }
}

/// Wakes one engine after its clock jumped. Made by the engine; kept by the clock.
///
/// ```
/// use embedis::ClockWaker;
/// let waker = ClockWaker::new(|| true);
/// assert!(waker.wake());
/// ```
#[derive(Clone)]
pub struct ClockWaker(Arc<dyn Fn() -> bool + Send + Sync>);

impl ClockWaker {
    /// A waker that runs `wake`; `wake` returns `false` once its engine is gone, and the
    /// clock then forgets the waker.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use std::sync::Arc;
    /// let woken = Arc::new(AtomicUsize::new(0));
    /// let counter = Arc::clone(&woken);
    /// let waker = embedis::ClockWaker::new(move || { counter.fetch_add(1, Ordering::SeqCst); true });
    /// waker.wake();
    /// assert_eq!(woken.load(Ordering::SeqCst), 1);
    /// ```
    pub fn new(wake: impl Fn() -> bool + Send + Sync + 'static) -> ClockWaker {
        ClockWaker(Arc::new(wake))
    }

    /// Wakes the engine; `false` means it has shut down and the waker can be dropped.
    ///
    /// ```
    /// assert!(!embedis::ClockWaker::new(|| false).wake());
    /// ```
    pub fn wake(&self) -> bool {
        (self.0)()
    }
}

impl std::fmt::Debug for ClockWaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClockWaker")
    }
}

/// The operating system's wall clock.
///
/// [`Clock::now_micros`] reads `SystemTime::now()` (about 35 ns). [`Clock::now_nanos`], which
/// the rate limiters read on every check, is a faster read of the same clock: a monotonic
/// counter (the TSC through `quanta`, where it is invariant; otherwise the OS monotonic
/// clock) added to an offset taken from `SystemTime::now()`, and taken again whenever a
/// second has passed since the last time. So it follows the wall clock to within the drift
/// of one second (microseconds) plus the duration of one `SystemTime::now()` read, and a
/// wall-clock step (NTP, `date -s`) reaches it within a second. The limiters'
/// GCRA core tolerates the small jumps re-anchoring can cause, in either direction.
///
/// ```
/// use embedis::{Clock, SystemClock};
/// let (micros, nanos) = (SystemClock.now_micros(), SystemClock.now_nanos());
/// assert!(nanos / 1000 + 1_000_000 > micros && micros + 1_000_000 > nanos / 1000);
/// ```
///
/// ```
/// use embedis::{Engine, SystemClock};
/// let engine = Engine::builder().clock(SystemClock).build();
/// # drop(engine);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_micros(&self) -> u64 {
        micros_since_epoch(SystemTime::now())
    }

    #[inline]
    fn now_nanos(&self) -> u64 {
        AnchoredWallClock::global().now_nanos()
    }
}

/// How long the anchored clock runs on one offset before it takes the wall clock again.
const ANCHOR_PERIOD_NANOS: u64 = 1_000_000_000;

/// The wall clock in nanoseconds, from a monotonic counter plus an offset re-taken from
/// `SystemTime::now()` once a second (see [`SystemClock`]). One per process.
struct AnchoredWallClock {
    counter: quanta::Clock,
    /// The counter's raw reading when the clock was made.
    origin: u64,
    /// Wall-clock nanoseconds minus counter nanoseconds since `origin`, at the last anchor.
    offset: AtomicU64,
    /// Counter nanoseconds since `origin` at which to anchor again.
    next_anchor: AtomicU64,
}

impl AnchoredWallClock {
    #[inline]
    fn global() -> &'static AnchoredWallClock {
        static GLOBAL: OnceLock<AnchoredWallClock> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            let counter = quanta::Clock::new();
            let origin = counter.raw();
            AnchoredWallClock {
                counter,
                origin,
                offset: AtomicU64::new(0),
                next_anchor: AtomicU64::new(0), // anchors on the first read
            }
        })
    }

    #[inline]
    fn now_nanos(&self) -> u64 {
        let elapsed = self.elapsed_nanos();
        if elapsed >= self.next_anchor.load(Ordering::Relaxed) {
            return self.anchor(elapsed);
        }
        self.offset.load(Ordering::Relaxed).wrapping_add(elapsed)
    }

    /// Counter nanoseconds since `origin` (0 if a core's counter reads behind `origin`).
    #[inline]
    fn elapsed_nanos(&self) -> u64 {
        self.counter.delta_as_nanos(self.origin, self.counter.raw())
    }

    /// Takes the wall clock and records the offset; racing threads each store a valid one.
    #[cold]
    fn anchor(&self, elapsed: u64) -> u64 {
        let wall = nanos_since_epoch(SystemTime::now());
        self.offset
            .store(wall.wrapping_sub(elapsed), Ordering::Relaxed);
        self.next_anchor.store(
            elapsed.saturating_add(ANCHOR_PERIOD_NANOS),
            Ordering::Relaxed,
        );
        wall
    }
}

impl std::fmt::Debug for AnchoredWallClock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnchoredWallClock")
    }
}

fn nanos_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

fn micros_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// A clock that stands still until told to move; clones share one time.
///
/// ```
/// use embedis::{Engine, ManualClock};
/// use std::time::Duration;
///
/// let clock = ManualClock::new();
/// let engine = Engine::builder().clock(clock.clone()).build();
/// let mut conn = engine.connect();
/// conn.call(["SET", "session", "x", "EX", "10"]).unwrap();
/// clock.advance(Duration::from_secs(10));
/// assert_eq!(conn.call(["GET", "session"]).unwrap(), embedis::Reply::Nil);
/// ```
#[derive(Debug, Clone)]
pub struct ManualClock {
    inner: Arc<ManualInner>,
}

#[derive(Debug)]
struct ManualInner {
    micros: AtomicU64,
    wakers: Mutex<Vec<ClockWaker>>,
}

impl ManualClock {
    /// The instant a new `ManualClock` shows: 2024-01-01T00:00:00Z, so tests are repeatable.
    ///
    /// ```
    /// use embedis::ManualClock;
    /// use std::time::UNIX_EPOCH;
    /// assert_eq!(ManualClock::new().now(), UNIX_EPOCH + ManualClock::DEFAULT_START);
    /// ```
    pub const DEFAULT_START: Duration = Duration::from_secs(1_704_067_200);

    /// A clock standing at [`ManualClock::DEFAULT_START`].
    ///
    /// ```
    /// use embedis::{Clock, ManualClock};
    /// assert_eq!(ManualClock::new().now_micros(), 1_704_067_200_000_000);
    /// ```
    pub fn new() -> ManualClock {
        ManualClock::starting_at(UNIX_EPOCH + ManualClock::DEFAULT_START)
    }

    /// A clock standing at `start`.
    ///
    /// ```
    /// use embedis::{Clock, ManualClock};
    /// use std::time::{Duration, UNIX_EPOCH};
    /// let clock = ManualClock::starting_at(UNIX_EPOCH + Duration::from_secs(5));
    /// assert_eq!(clock.now_micros(), 5_000_000);
    /// ```
    pub fn starting_at(start: SystemTime) -> ManualClock {
        ManualClock {
            inner: Arc::new(ManualInner {
                micros: AtomicU64::new(micros_since_epoch(start)),
                wakers: Mutex::new(Vec::new()),
            }),
        }
    }

    /// Moves the clock forward and wakes every engine using it, so expiry and deadlines that
    /// became due are handled before any command sent after this call.
    ///
    /// ```
    /// use embedis::{Clock, ManualClock};
    /// use std::time::Duration;
    /// let clock = ManualClock::new();
    /// let before = clock.now_micros();
    /// clock.advance(Duration::from_millis(1500));
    /// assert_eq!(clock.now_micros() - before, 1_500_000);
    /// ```
    pub fn advance(&self, by: Duration) {
        let step = u64::try_from(by.as_micros()).unwrap_or(u64::MAX);
        // `fetch_update` with a closure that never refuses cannot fail.
        let _ = self
            .inner
            .micros
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |m| {
                Some(m.saturating_add(step))
            });
        self.wake_all();
    }

    /// Sets the clock to `time`, forwards or backwards, and wakes every engine using it.
    ///
    /// ```
    /// use embedis::{Clock, ManualClock};
    /// use std::time::{Duration, UNIX_EPOCH};
    /// let clock = ManualClock::new();
    /// clock.set(UNIX_EPOCH + Duration::from_secs(1));
    /// assert_eq!(clock.now_micros(), 1_000_000);
    /// ```
    pub fn set(&self, time: SystemTime) {
        self.inner
            .micros
            .store(micros_since_epoch(time), Ordering::SeqCst);
        self.wake_all();
    }

    /// The current time as a `SystemTime`.
    ///
    /// ```
    /// use embedis::ManualClock;
    /// use std::time::{Duration, UNIX_EPOCH};
    /// assert_eq!(ManualClock::new().now(), UNIX_EPOCH + ManualClock::DEFAULT_START);
    /// ```
    pub fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_micros(self.now_micros())
    }

    fn wake_all(&self) {
        // Clone the list so a waker never runs under the lock.
        let wakers: Vec<ClockWaker> = self.inner.wakers.lock().clone();
        let dead: Vec<ClockWaker> = wakers.into_iter().filter(|w| !w.wake()).collect();
        if !dead.is_empty() {
            self.inner
                .wakers
                .lock()
                .retain(|w| !dead.iter().any(|d| Arc::ptr_eq(&d.0, &w.0)));
        }
    }
}

impl Default for ManualClock {
    fn default() -> ManualClock {
        ManualClock::new()
    }
}

impl Clock for ManualClock {
    fn now_micros(&self) -> u64 {
        self.inner.micros.load(Ordering::SeqCst)
    }

    fn register_waker(&self, waker: ClockWaker) -> bool {
        self.inner.wakers.lock().push(waker);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_nanos_are_exactly_its_micros() {
        let clock = ManualClock::new();
        assert_eq!(clock.now_nanos(), 1_704_067_200_000_000_000);
        clock.advance(Duration::from_micros(1_234_567));
        assert_eq!(clock.now_nanos(), clock.now_micros() * 1000);
        clock.set(UNIX_EPOCH + Duration::from_secs(1));
        assert_eq!(clock.now_nanos(), 1_000_000_000);
    }

    #[test]
    fn system_clock_nanos_follow_the_wall_clock() {
        // Across several anchor periods the fast read stays within a few ms of the wall clock
        // (the slack is for a descheduled test thread, not for the clock).
        let deadline = std::time::Instant::now() + Duration::from_millis(2500);
        let mut reads = 0u64;
        while std::time::Instant::now() < deadline {
            let before = nanos_since_epoch(SystemTime::now());
            let fast = SystemClock.now_nanos();
            let after = nanos_since_epoch(SystemTime::now());
            let slack = 5_000_000;
            assert!(
                fast + slack >= before && fast <= after + slack,
                "{before} <= {fast} <= {after}"
            );
            reads += 1;
            if reads.is_multiple_of(1024) {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        assert!(reads > 1000);
    }

    #[test]
    fn system_clock_nanos_advance_at_nanosecond_resolution() {
        let first = SystemClock.now_nanos();
        std::thread::sleep(Duration::from_millis(2));
        let second = SystemClock.now_nanos();
        assert!(second > first, "{first} then {second}");
        let distinct = (0..1000)
            .map(|_| SystemClock.now_nanos())
            .collect::<std::collections::BTreeSet<_>>();
        // A microsecond clock would give a handful of distinct values here.
        assert!(distinct.len() > 50, "{} distinct reads", distinct.len());
    }
}
