//! Spin-then-park waiting for the two hops of a round trip.
//!
//! Parking a thread and waking it costs about 20 µs on a small VM — fifty times a whole
//! command. Both sides of a round trip therefore poll their channel for a short, bounded
//! time before they park: the executor after its queue runs dry (the next command of a busy
//! caller usually arrives within a microsecond), and a connection waiting for its reply (the
//! executor usually answers within one). Past the budget both park, so an idle engine costs
//! no CPU. With a single CPU spinning only delays the other side, so the budget is zero there.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, TryRecvError};

/// Whether this machine has more than one CPU (spinning helps only then).
pub(crate) fn parallel() -> bool {
    static PARALLEL: OnceLock<bool> = OnceLock::new();
    *PARALLEL.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// What polling found.
pub(crate) enum Polled<T> {
    Ready(T),
    Disconnected,
    /// Nothing within the budget: the caller should park.
    Empty,
}

/// Polls `channel` for up to `budget`, checking the time only every 64 polls.
pub(crate) fn poll<T>(channel: &Receiver<T>, budget: Duration) -> Polled<T> {
    let spin = parallel() && !budget.is_zero();
    let started = if spin { Some(Instant::now()) } else { None };
    let mut polls: u32 = 0;
    loop {
        match channel.try_recv() {
            Ok(value) => return Polled::Ready(value),
            Err(TryRecvError::Disconnected) => return Polled::Disconnected,
            Err(TryRecvError::Empty) => {}
        }
        let Some(started) = started else {
            return Polled::Empty;
        };
        polls = polls.wrapping_add(1);
        if polls % 64 == 0 && started.elapsed() >= budget {
            return Polled::Empty;
        }
        std::hint::spin_loop();
    }
}
