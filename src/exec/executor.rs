//! The executor thread: feeds the [`Core`] its messages in order, in batches, and wakes it
//! for expiry.
//!
//! The thread blocks only on its own request queue. With a real-time clock it sleeps until
//! the earliest key deadline (at most [`IDLE_WAKE`]); with a clock that moves only when told,
//! it sleeps until a message arrives, because the clock sends `Tick` after each jump.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, TryRecvError};

use super::core::{Core, Flow, Msg};
use super::wait::{poll, Polled, Waiter};

/// How many queued messages are handled before the sweep gets its turn again.
const BATCH: usize = 1024;

/// The longest a real-time executor sleeps without a message (Redis's `hz 10`).
pub(crate) const IDLE_WAKE: Duration = Duration::from_millis(100);

/// Runs until `Shutdown` or until every sender is gone.
pub(crate) fn run(
    mut core: Core,
    requests: Receiver<Msg>,
    closed: &AtomicBool,
    real_time: bool,
    spin: Duration,
    now_ms: impl Fn() -> u64,
) {
    let mut more_due = false;
    loop {
        let first = if more_due {
            // Expired keys are still waiting: serve requests first, but do not sleep.
            match requests.try_recv() {
                Ok(msg) => Some(msg),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => break,
            }
        } else {
            // A busy caller's next command usually arrives while we poll: no park, no wake.
            match poll(&requests, spin, Waiter::Executor) {
                Polled::Ready(msg) => Some(msg),
                Polled::Disconnected => break,
                Polled::Empty if real_time => {
                    let wait = core.next_deadline().map_or(IDLE_WAKE, |deadline| {
                        Duration::from_millis(deadline.saturating_sub(now_ms())).min(IDLE_WAKE)
                    });
                    let woken = requests.recv_timeout(wait);
                    // Time passed while it slept: what the next commands are stamped with
                    // (CLIENT LIST's idle) must not be older.
                    core.observe_clock();
                    match woken {
                        Ok(msg) => Some(msg),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
                Polled::Empty => match requests.recv() {
                    Ok(msg) => Some(msg),
                    Err(_) => break,
                },
            }
        };
        if let Some(msg) = first {
            // Only a batch that may wait for its commit needs its start (a clock read).
            let started = core.holds_replies().then(Instant::now);
            if core.handle(msg) == Flow::Stop {
                break;
            }
            let mut stop = false;
            for msg in requests.try_iter().take(BATCH) {
                if core.handle(msg) == Flow::Stop {
                    stop = true;
                    break;
                }
            }
            // Under `Fsync::Always`, wait (parked) a little for the callers the last fsync
            // answered, so one fsync covers them too (see `exec/group_commit.rs`).
            while let (Some(started), Some(budget)) = (started, core.commit_wait()) {
                let Some(left) = budget.checked_sub(started.elapsed()) else {
                    break;
                };
                match requests.recv_timeout(left) {
                    Ok(msg) => {
                        if core.handle(msg) == Flow::Stop {
                            stop = true;
                            break;
                        }
                    }
                    Err(_) => break, // the budget ran out; a disconnect is seen next round
                }
            }
            if stop {
                break;
            }
            // Group commit: the batch's writes reach the append-only file, then its replies
            // go out.
            core.commit();
        }
        more_due = core.sweep();
        core.commit();
    }
    core.shutdown();
    // A bounded crossbeam channel keeps queued messages while any sender lives, and a
    // queued `Open` holds a reply channel: drop everything queued, after raising the flag
    // that makes every later sender see `Closed`, so no handle waits for a reply that will
    // never come.
    closed.store(true, Ordering::SeqCst);
    for msg in requests.try_iter() {
        drop(msg);
    }
}
