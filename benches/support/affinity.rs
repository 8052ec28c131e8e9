//! Thread placement: the bench thread on one CPU, the thread it talks to (executor, echo
//! server, redis-server) on another.
//!
//! Left to itself, the scheduler often puts two threads that wake each other on the *same*
//! CPU (wake-affine placement), and then a crossbeam ping-pong costs about 9 µs instead of
//! about 0.3 µs: each side spins until it is preempted. Which placement a run gets is a
//! lottery, and an unpinned run can even compare an engine that shares a CPU with a floor
//! that does not. So the bench pins both sides, the same way for every scenario.
//!
//! std has no affinity API, so this uses util-linux's `taskset` on thread ids read from
//! `/proc` (Linux only). Where that is not possible, or with `EMBEDIS_BENCH_PIN=0`, nothing is
//! pinned, and the summary says so.

use std::path::Path;
use std::process::{Command, Stdio};

/// The two CPUs the bench uses.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    /// The CPU of the bench (client) thread.
    pub bench: usize,
    /// The CPU of the thread on the other side of every round trip.
    pub peer: usize,
}

impl Placement {
    /// Both CPUs, as a `taskset` list: to let a thread run anywhere again.
    #[allow(dead_code)] // not every suite unpins
    pub fn both(&self) -> String {
        format!("{},{}", self.bench, self.peer)
    }
}

/// Pins the calling (bench) thread and returns the placement, or why there is none.
pub fn init() -> Result<Placement, String> {
    if std::env::var_os("EMBEDIS_BENCH_PIN").is_some_and(|v| v == "0") {
        return Err("EMBEDIS_BENCH_PIN=0".into());
    }
    if !Path::new("/proc/thread-self").exists() {
        return Err("no /proc/thread-self (not Linux?)".into());
    }
    let status = std::fs::read_to_string("/proc/self/status").map_err(|e| e.to_string())?;
    let list = status
        .lines()
        .find_map(|line| line.strip_prefix("Cpus_allowed_list:"))
        .ok_or("no Cpus_allowed_list in /proc/self/status")?;
    let cpus = parse_cpu_list(list.trim());
    let [bench, peer, ..] = cpus[..] else {
        return Err(format!("only {} CPU allowed", cpus.len()));
    };
    let placement = Placement { bench, peer };
    pin_current(placement.bench)?;
    Ok(placement)
}

/// Pins the calling thread to `cpu`.
/// [`init`], with the outcome noted in the summary: `describe` says where things run, or
/// the note says why nothing is pinned.
pub fn init_noted(describe: impl FnOnce(&Placement) -> String) -> Option<Placement> {
    match init() {
        Ok(p) => {
            super::summary::note(describe(&p));
            Some(p)
        }
        Err(why) => {
            super::summary::note(format!("placement: NOT pinned ({why})"));
            None
        }
    }
}

pub fn pin_current(cpu: impl std::fmt::Display) -> Result<(), String> {
    let link = std::fs::read_link("/proc/thread-self").map_err(|e| e.to_string())?;
    let tid = link
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or("unreadable /proc/thread-self")?
        .to_string();
    taskset(&["-p", "-c", &cpu.to_string(), &tid])
}

/// Pins every live thread of this process whose name is `name` to `cpu`. Linux shows at most
/// 15 bytes of a thread name, so longer names match on those.
/// The usual placement of a suite whose only peer thread is the engine's executor: the
/// bench thread on one CPU, the executor (see [`pin_executor_noted`]) on the other.
#[allow(dead_code)] // not every suite that includes this module uses it
pub fn init_noted_for_executor() -> Option<Placement> {
    init_noted(|p| {
        format!(
            "placement: bench thread pinned to CPU {}, executor to CPU {}",
            p.bench, p.peer
        )
    })
}

/// Pins the executor thread of the engine started last to `placement`'s peer CPU, noting
/// in the summary if it could not.
#[allow(dead_code)] // not every suite that includes this module uses it
pub fn pin_executor_noted(placement: Option<Placement>) {
    if let Some(p) = placement
        && let Err(why) = pin_threads_named("embedis-executor", p.peer)
    {
        super::summary::note(format!("placement: executor not pinned: {why}"));
    }
}

pub fn pin_threads_named(name: &str, cpu: impl std::fmt::Display) -> Result<(), String> {
    let shown = &name.as_bytes()[..name.len().min(15)];
    let mut pinned = 0;
    for task in std::fs::read_dir("/proc/self/task").map_err(|e| e.to_string())? {
        let path = task.map_err(|e| e.to_string())?.path();
        let comm = std::fs::read(path.join("comm")).unwrap_or_default();
        if comm.strip_suffix(b"\n").unwrap_or(&comm) == shown {
            let tid = path
                .file_name()
                .and_then(|t| t.to_str())
                .unwrap_or_default();
            taskset(&["-p", "-c", &cpu.to_string(), tid])?;
            pinned += 1;
        }
    }
    if pinned == 0 {
        return Err(format!("no thread named {name:?}"));
    }
    Ok(())
}

/// Pins every thread of another process (redis-server) to `cpu`.
pub fn pin_process(pid: u32, cpu: impl std::fmt::Display) -> Result<(), String> {
    taskset(&["-a", "-p", "-c", &cpu.to_string(), &pid.to_string()])
}

fn taskset(args: &[&str]) -> Result<(), String> {
    let status = Command::new("taskset")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("taskset: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("taskset {} failed ({status})", args.join(" ")))
    }
}

/// `0-3,5,7-8` to `[0, 1, 2, 3, 5, 7, 8]`.
fn parse_cpu_list(list: &str) -> Vec<usize> {
    let mut cpus = Vec::new();
    for part in list.split(',').filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((from, to)) => {
                if let (Ok(from), Ok(to)) = (from.parse::<usize>(), to.parse::<usize>()) {
                    cpus.extend(from..=to);
                }
            }
            None => cpus.extend(part.parse::<usize>().ok()),
        }
    }
    cpus
}
