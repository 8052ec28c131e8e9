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
use std::sync::Arc;
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
