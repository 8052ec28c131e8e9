//! Spin-then-park waiting for the two hops of a round trip.
//!
//! Parking a thread and waking it costs about 20 µs on a small VM — fifty times a whole
//! command. Both sides of a round trip therefore poll their channel for a short, bounded
//! time before they park: the executor after its queue runs dry (the next command of a busy
//! caller usually arrives within a microsecond), and a connection waiting for its reply (the
//! executor usually answers within one). Past the budget both park, so an idle engine costs
//! no CPU. With a single CPU spinning only delays the other side, so the budget is zero there.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, TryRecvError};

/// Whether the process may run on more than one CPU (spinning helps only then).
///
/// Not `std::thread::available_parallelism` alone: on Linux it reports the *calling
/// thread's* affinity, so an application that pins its threads (one per CPU, as
/// latency-minded ones do) would make every wait park at once, and an async reply then
/// costs a task wake-up (~40 µs instead of ~1 µs, measured). The CPUs the process's
/// cpuset allows, or else the CPUs online, say whether the other side can run meanwhile.
pub(crate) fn parallel() -> bool {
    cpus() > 1
}

/// How many CPUs the process may use (see [`parallel`]).
fn cpus() -> usize {
    static CPUS: OnceLock<usize> = OnceLock::new();
    *CPUS.get_or_init(|| {
        process_cpus()
            .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
            .unwrap_or(1)
    })
}

/// Callers polling for their reply right now, across every engine of the process.
static SPINNING_CALLERS: AtomicUsize = AtomicUsize::new(0);

/// Who waits: the executor for requests, or a caller for its reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waiter {
    Executor,
    Caller,
}

/// A caller's permission to spin, released on drop. At most one caller per CPU but one
/// spins at a time: with more callers than CPUs (sixteen threads on two), spinning callers
/// would take the CPU from the executor that is to answer them, and from each other.
struct SpinSlot;

impl SpinSlot {
    fn take() -> Option<SpinSlot> {
        let limit = cpus().saturating_sub(1);
        if SPINNING_CALLERS.fetch_add(1, Ordering::Relaxed) < limit {
            Some(SpinSlot)
        } else {
            SPINNING_CALLERS.fetch_sub(1, Ordering::Relaxed);
            None
        }
    }
}

impl Drop for SpinSlot {
    fn drop(&mut self) {
        SPINNING_CALLERS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The CPUs the process's cpuset allows (cgroup v2 or v1), else the CPUs online (Linux).
fn process_cpus() -> Option<usize> {
    let read = |path: String| std::fs::read_to_string(path).ok();
    let cgroups = read("/proc/self/cgroup".into()).unwrap_or_default();
    for line in cgroups.lines() {
        let mut fields = line.splitn(3, ':');
        let (Some(id), Some(controllers), Some(path)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let path = path.trim_end_matches('/');
        let file = if id == "0" && controllers.is_empty() {
            format!("/sys/fs/cgroup{path}/cpuset.cpus.effective")
        } else if controllers.split(',').any(|c| c == "cpuset") {
            format!("/sys/fs/cgroup/cpuset{path}/cpuset.effective_cpus")
        } else {
            continue;
        };
        if let Some(count) = read(file).as_deref().and_then(count_cpu_list) {
            return Some(count);
        }
    }
    read("/sys/devices/system/cpu/online".into())
        .as_deref()
        .and_then(count_cpu_list)
}

/// How many CPUs a kernel CPU list names (`0-3,8,10-11`); `None` if empty or unreadable.
fn count_cpu_list(list: &str) -> Option<usize> {
    let mut count = 0;
    for part in list.trim().split(',').filter(|part| !part.is_empty()) {
        count += match part.split_once('-') {
            Some((from, to)) => {
                let (from, to): (usize, usize) = (from.parse().ok()?, to.parse().ok()?);
                to.checked_sub(from)? + 1
            }
            None => {
                part.parse::<usize>().ok()?;
                1
            }
        };
    }
    (count > 0).then_some(count)
}

/// What polling found.
pub(crate) enum Polled<T> {
    Ready(T),
    Disconnected,
    /// Nothing within the budget: the caller should park.
    Empty,
}

/// Polls `channel` for up to `budget` (plus 64 polls), checking the time only every 64
/// polls. A caller spins only if a spin slot is free (see [`SpinSlot`]); the executor
/// always may.
pub(crate) fn poll<T>(channel: &Receiver<T>, budget: Duration, waiter: Waiter) -> Polled<T> {
    if let Ok(value) = channel.try_recv() {
        return Polled::Ready(value);
    }
    let spin = parallel() && !budget.is_zero();
    let _slot = match waiter {
        Waiter::Caller if spin => match SpinSlot::take() {
            Some(slot) => Some(slot),
            None => return Polled::Empty,
        },
        _ => None,
    };
    if !spin {
        return match channel.try_recv() {
            Ok(value) => Polled::Ready(value),
            Err(TryRecvError::Disconnected) => Polled::Disconnected,
            Err(TryRecvError::Empty) => Polled::Empty,
        };
    }
    // The clock is first read after 64 polls: most waits end sooner, and a read (20-odd
    // ns) showed in the executor's profile of single round trips. The budget counts from
    // then.
    let mut started: Option<Instant> = None;
    let mut polls: u32 = 0;
    loop {
        match channel.try_recv() {
            Ok(value) => return Polled::Ready(value),
            Err(TryRecvError::Disconnected) => return Polled::Disconnected,
            Err(TryRecvError::Empty) => {}
        }
        polls = polls.wrapping_add(1);
        if polls.is_multiple_of(64) {
            match started {
                None => started = Some(Instant::now()),
                Some(started) if started.elapsed() >= budget => return Polled::Empty,
                Some(_) => {}
            }
        }
        std::hint::spin_loop();
    }
}

#[cfg(test)]
mod tests {
    use super::count_cpu_list;

    #[test]
    fn cpu_lists_are_counted_as_the_kernel_writes_them() {
        assert_eq!(count_cpu_list("0-1\n"), Some(2));
        assert_eq!(count_cpu_list("0-3,8,10-11"), Some(7));
        assert_eq!(count_cpu_list("5"), Some(1));
        assert_eq!(count_cpu_list(""), None);
        assert_eq!(count_cpu_list("3-1"), None);
        assert_eq!(count_cpu_list("x"), None);
    }
}
