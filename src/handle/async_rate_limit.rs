//! Rate limiters awaited from async code: futures that wait for admission without holding
//! a thread.
//!
//! # How a future waits
//! It checks; on a "not until" refusal it waits and checks again, until it is admitted or
//! refused for good (`InsufficientCapacity`, or `TooManyKeys` for a keyed limiter: the
//! same answers `wait_n` gives). How it waits depends on the limiter's clock:
//!
//! - A clock that announces its jumps ([`Clock::register_waker`](crate::Clock::register_waker)
//!   returns `true`, as [`ManualClock`](crate::ManualClock) does) moves only when told, so
//!   the future sleeps until the clock calls it back: every
//!   [`ManualClock::advance`](crate::ManualClock::advance) wakes it to check again, at once
//!   and without any real-time timer. If nobody advances the clock it waits for ever, as it
//!   would on a real clock that stood still.
//! - Any other clock (the system clock) follows real time: the future sleeps for the
//!   `retry_after` the limiter computed, on `futures-timer`'s timer thread (no runtime
//!   needed), then checks again. The engine's executor treats such clocks as real time too.
//!
//! The clock call-back is registered on the first refusal only, so a future admitted at
//! once costs one check. It holds the future's waker weakly and unregisters itself at the
//! clock's next jump after the future is gone.

use std::borrow::Borrow;
use std::future::poll_fn;
use std::hash::Hash;
use std::sync::Arc;
use std::task::Poll;

use crate::exec::reply_sink::WakerSlot;
use crate::handle::rate_limiter::LimiterClock;
use crate::{ClockWaker, KeyedRateLimiter, RateLimitError, RateLimiter};

impl RateLimiter {
    /// Waits, without blocking the thread, until one cell is admitted. See
    /// [`RateLimiter::until_n_ready`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use embedis::{Quota, RateLimiter};
    /// let limiter = RateLimiter::new(Quota::per_second(1000)?.with_burst(1)?);
    /// limiter.until_ready().await?;
    /// limiter.until_ready().await?; // about 1 ms later
    /// # Ok(())
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub async fn until_ready(&self) -> Result<(), RateLimitError> {
        self.until_n_ready(1).await
    }

    /// Waits, without blocking the thread, until `n` cells are admitted at once, and admits
    /// them; fails at once with [`RateLimitError::InsufficientCapacity`] when `n` exceeds
    /// the burst ("never"). With a [`ManualClock`](crate::ManualClock) each
    /// [`advance`](crate::ManualClock::advance) wakes the future to check again; with the
    /// system clock it sleeps for the computed wait (see the `async` section of the README).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use embedis::{ManualClock, Quota, RateLimitError, RateLimiter};
    /// use std::time::Duration;
    ///
    /// let clock = ManualClock::new();
    /// let limiter = RateLimiter::with_clock(Quota::per_hour(1)?, clock.clone());
    /// limiter.until_ready().await?; // a full bucket: at once
    /// let mover = tokio::spawn(async move {
    ///     tokio::time::sleep(Duration::from_millis(10)).await;
    ///     clock.advance(Duration::from_secs(3600));
    /// });
    /// limiter.until_ready().await?; // completes when the clock has moved an hour
    /// mover.await?;
    /// assert_eq!(
    ///     limiter.until_n_ready(2).await,
    ///     Err(RateLimitError::InsufficientCapacity { burst: 1 })
    /// );
    /// # Ok(())
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub async fn until_n_ready(&self, n: u32) -> Result<(), RateLimitError> {
        until(self.limiter_clock(), || self.check_n(n)).await
    }
}

impl<K: Hash + Eq> KeyedRateLimiter<K> {
    /// Waits, without blocking the thread, until one cell is admitted for `key`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use embedis::{KeyedRateLimiter, Quota};
    /// let limiter = KeyedRateLimiter::new(Quota::per_second(1000)?.with_burst(1)?);
    /// limiter.until_key_ready("job").await?;
    /// limiter.until_key_ready("job").await?; // about 1 ms later
    /// # Ok(())
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub async fn until_key_ready<Q>(&self, key: &Q) -> Result<(), RateLimitError>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        self.until_key_n_ready(key, 1).await
    }

    /// Waits, without blocking the thread, until `n` cells are admitted for `key`; the
    /// rules of [`RateLimiter::until_n_ready`], and [`RateLimitError::TooManyKeys`] as
    /// [`KeyedRateLimiter::check_key_n`] answers it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use embedis::{KeyedRateLimiter, ManualClock, Quota, RateLimitError};
    /// let limiter = KeyedRateLimiter::with_clock(Quota::per_second(2)?, ManualClock::new());
    /// limiter.until_key_n_ready("a", 2).await?;
    /// assert_eq!(
    ///     limiter.until_key_n_ready("a", 3).await,
    ///     Err(RateLimitError::InsufficientCapacity { burst: 2 })
    /// );
    /// # Ok(())
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub async fn until_key_n_ready<Q>(&self, key: &Q, n: u32) -> Result<(), RateLimitError>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        until(self.limiter_clock(), || self.check_key_n(key, n)).await
    }
}

/// Checks until `check` answers anything but "not until"; see the module docs.
async fn until(
    clock: &LimiterClock,
    check: impl Fn() -> Result<(), RateLimitError>,
) -> Result<(), RateLimitError> {
    let retry_after = match check() {
        Err(RateLimitError::NotUntil(when)) => when.retry_after(),
        other => return other,
    };
    let slot = Arc::new(WakerSlot::new(true));
    let weak = Arc::downgrade(&slot);
    let ticks = clock.register_waker(ClockWaker::new(move || match weak.upgrade() {
        Some(slot) => {
            slot.notify();
            true
        }
        None => false, // the future is gone: unregister
    }));
    if ticks {
        // Register, then check: a jump in between is seen by the check or wakes us.
        return poll_fn(|cx| {
            slot.register(cx.waker());
            match check() {
                Err(RateLimitError::NotUntil { .. }) => Poll::Pending,
                other => Poll::Ready(other),
            }
        })
        .await;
    }
    let mut wait = retry_after;
    loop {
        // At least 1 µs, so a wait rounded to zero never turns into a busy loop.
        futures_timer::Delay::new(wait.max(std::time::Duration::from_micros(1))).await;
        match check() {
            Err(RateLimitError::NotUntil(when)) => wait = when.retry_after(),
            other => return other,
        }
    }
}
