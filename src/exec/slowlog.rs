//! SLOWLOG: the commands that ran for at least `slowlog-log-slower-than` microseconds (10
//! ms by default), newest first, at most `slowlog-max-len` of them (128).
//!
//! What is timed, and why: redis-server reads the clock around every command; on the
//! executor two clock reads cost about a third of a pipelined INCR. So embedis times
//! - every command while the threshold is 0 (log everything: what tests of SLOWLOG set);
//! - with a positive threshold, the commands sent as command lines whose COMMAND INFO
//!   lacks the `fast` flag: the O(1) and O(log N) commands cannot do 10 ms of work, and
//!   the others (KEYS, SORT, LRANGE, EVAL, ...) are what a slow log is for. Commands sent
//!   as typed values are not timed then;
//! - nothing with a negative threshold.
//!
//! An entry shows the command line as sent, as redis-server does: at most 32 words (the
//! last says how many more there were), each cut at 128 bytes (saying how many more),
//! AUTH's secrets as `(redacted)`. The line is kept from the caller's thread only for a
//! command that may be timed ([`wants_line`]): while some engine in the process logs
//! everything, every line; while some engine times slow commands, the lines of commands
//! that are not `fast`. A typed command shows its name.
//!
//! Logged as redis-server logs them: every command a connection runs, MULTI included,
//! and the commands of a transaction as EXEC runs them (not EXEC itself); not the commands
//! refused before running or queued; the commands a script runs (from the address `?:0`,
//! redis-server's Lua client), before the EVAL or FCALL that ran them. Not logged by
//! embedis: the commands of an `atomically` closure. A blocking command that parks is
//! logged when it is served, after the write that served it and with the time of both its
//! runs, as redis-server logs it when it unblocks; one that times out is not logged
//! (redis-server 7.0 does not log it either).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use bytes::Bytes;

use crate::cmd::context::Ctx;
use crate::cmd::table::CommandSpec;
use crate::cmd::Command;
use crate::exec::monitor::{apply_monitored, redacted_from, SentLine};
use crate::Reply;

/// redis-server's default `slowlog-log-slower-than`, in microseconds.
pub(crate) const DEFAULT_THRESHOLD_US: i64 = 10_000;
/// redis-server's default `slowlog-max-len`.
pub(crate) const DEFAULT_MAX_LEN: u64 = 128;
/// The most words an entry shows; the last of them counts the rest.
const MAX_WORDS: usize = 32;
/// The most bytes of a word an entry shows.
const MAX_WORD_BYTES: usize = 128;

/// Engines in this process whose slow log logs every command (threshold 0).
static EVERY_LINE: AtomicUsize = AtomicUsize::new(0);
/// Engines in this process whose slow log times commands that are not `fast`.
static SLOW_LINES: AtomicUsize = AtomicUsize::new(0);

/// Whether a command line of table row `spec` must be kept for a slow log of this process
/// (`None`: an unknown command, which never runs).
#[inline]
pub(crate) fn wants_line(spec: Option<&CommandSpec>) -> bool {
    if EVERY_LINE.load(Ordering::Relaxed) != 0 {
        return spec.is_some();
    }
    SLOW_LINES.load(Ordering::Relaxed) != 0 && spec.is_some_and(|spec| !spec.fast)
}

/// One logged command.
#[derive(Debug, Clone)]
pub(crate) struct SlowEntry {
    id: u64,
    unix_secs: u64,
    micros: u64,
    words: Vec<Bytes>,
    peer: String,
    client_name: Bytes,
}

/// An engine's slow log and its two parameters.
#[derive(Debug)]
pub(crate) struct SlowLog {
    threshold_us: i64,
    max_len: u64,
    /// Newest first.
    entries: VecDeque<SlowEntry>,
    next_id: u64,
}

impl Default for SlowLog {
    fn default() -> SlowLog {
        let log = SlowLog {
            threshold_us: DEFAULT_THRESHOLD_US,
            max_len: DEFAULT_MAX_LEN,
            entries: VecDeque::new(),
            next_id: 0,
        };
        log.count_in();
        log
    }
}

impl Drop for SlowLog {
    fn drop(&mut self) {
        self.count_out();
    }
}

impl SlowLog {
    /// The process-wide counter this log's threshold counts in; none while it is off.
    fn counter(&self) -> Option<&'static AtomicUsize> {
        match self.threshold_us {
            0 => Some(&EVERY_LINE),
            t if t > 0 => Some(&SLOW_LINES),
            _ => None,
        }
    }

    fn count_in(&self) {
        if let Some(counter) = self.counter() {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn count_out(&self) {
        if let Some(counter) = self.counter() {
            counter.fetch_sub(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn threshold_us(&self) -> i64 {
        self.threshold_us
    }

    pub(crate) fn max_len(&self) -> u64 {
        self.max_len
    }

    /// `CONFIG SET slowlog-log-slower-than` (at least -1, checked by CONFIG).
    pub(crate) fn set_threshold_us(&mut self, threshold_us: i64) {
        self.count_out();
        self.threshold_us = threshold_us;
        self.count_in();
    }

    /// `CONFIG SET slowlog-max-len`: the oldest entries past it go at once.
    pub(crate) fn set_max_len(&mut self, max_len: u64) {
        self.max_len = max_len;
        self.trim();
    }

    fn trim(&mut self) {
        let keep = usize::try_from(self.max_len).unwrap_or(usize::MAX);
        self.entries.truncate(keep);
    }

    /// Whether to time a command; `kept` says its line was kept (a command line that is
    /// not `fast`, or any while a monitor listens).
    #[inline]
    fn times(&self, command: &Command, kept: bool) -> bool {
        match self.threshold_us {
            t if t < 0 => false,
            // EXEC is not logged (COMMAND INFO's `skip_slowlog`): its commands are.
            0 => !matches!(command, Command::Exec(_)),
            _ => kept && !matches!(command, Command::Exec(_)),
        }
    }

    /// Whether to time a command a script runs, of table row `spec`: as for a command
    /// line, its line being at hand.
    #[cfg_attr(not(feature = "lua"), allow(dead_code))]
    pub(crate) fn times_in_script(&self, spec: Option<&CommandSpec>) -> bool {
        match self.threshold_us {
            t if t < 0 => false,
            0 => true,
            _ => spec.is_some_and(|spec| !spec.fast),
        }
    }

    fn push(&mut self, entry: SlowEntry) {
        self.entries.push_front(entry);
        self.trim();
    }

    /// SLOWLOG LEN.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// SLOWLOG RESET (ids go on from where they were).
    pub(crate) fn reset(&mut self) {
        self.entries.clear();
    }

    /// SLOWLOG GET: the newest `count` entries (all of them for `None`), each as
    /// `[id, unix time, microseconds, [words], "ip:port", client name]`.
    pub(crate) fn newest(&self, count: Option<usize>) -> Reply {
        let count = count.unwrap_or(self.entries.len());
        Reply::Array(
            self.entries
                .iter()
                .take(count)
                .map(|entry| {
                    Reply::Array(vec![
                        Reply::Integer(entry.id as i64),
                        Reply::Integer(entry.unix_secs as i64),
                        Reply::Integer(entry.micros as i64),
                        Reply::Array(entry.words.iter().cloned().map(Reply::Bulk).collect()),
                        Reply::bulk(entry.peer.as_str()),
                        Reply::Bulk(entry.client_name.clone()),
                    ])
                })
                .collect(),
        )
    }
}

/// Runs a connection's command (through MONITOR if one listens), timing it for the slow
/// log when the threshold asks.
#[inline]
pub(crate) fn run(ctx: &mut Ctx, command: Command, line: SentLine) -> Reply {
    // A parked command served now, which the slow log timed when it first ran.
    let resumed = if ctx.session.serving_blocked {
        ctx.session.serving_timing.take()
    } else {
        None
    };
    if resumed.is_none()
        && (ctx.session.serving_blocked || !ctx.slowlog.times(&command, line.is_some()))
    {
        return run_untimed(ctx, command, line);
    }
    let name = command.name();
    let started = Instant::now();
    // MONITOR takes the line; it is copied only when a monitor and the slow log both want it.
    let reply = if monitored(ctx) {
        apply_monitored(ctx, command, line.clone())
    } else {
        command.apply(ctx)
    };
    match (ctx.session.block.as_mut(), resumed) {
        // It parks: logged once it is served (a run that parks again keeps its first
        // request, and this timing with it).
        (Some(request), None) => {
            request.timing = Some(ParkedTiming {
                line,
                name,
                micros: elapsed_micros(started),
            });
        }
        // Still nothing: the first run's timing goes back with the request.
        (Some(_), Some(first)) => ctx.session.serving_timing = Some(first),
        (None, Some(first)) => {
            let micros = first.micros.saturating_add(elapsed_micros(started));
            record_if_slow(ctx, first.line.as_deref(), first.name, micros);
        }
        (None, None) => record_since(ctx, line.as_deref(), name, started),
    }
    reply
}

/// How a parked command's first run was timed: what the slow log shows when it is served.
#[derive(Debug)]
pub(crate) struct ParkedTiming {
    line: SentLine,
    name: &'static str,
    micros: u64,
}

fn elapsed_micros(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Logs a command that started at `started` if it took at least the threshold (read
/// after it ran, as redis-server reads it: a CONFIG SET of it applies to itself).
pub(crate) fn record_since(
    ctx: &mut Ctx,
    line: Option<&[Bytes]>,
    name: &'static str,
    started: Instant,
) {
    record_if_slow(ctx, line, name, elapsed_micros(started));
}

/// Logs a command that took `micros` if that is at least the threshold.
fn record_if_slow(ctx: &mut Ctx, line: Option<&[Bytes]>, name: &'static str, micros: u64) {
    let threshold = ctx.slowlog.threshold_us;
    if threshold >= 0 && u128::from(micros) >= threshold as u128 {
        record(ctx, line, name, micros);
    }
}

#[inline]
fn run_untimed(ctx: &mut Ctx, command: Command, line: SentLine) -> Reply {
    if monitored(ctx) {
        apply_monitored(ctx, command, line)
    } else {
        command.apply(ctx)
    }
}

/// Whether MONITOR shows what the connection runs now (not a blocked read served later).
#[inline]
fn monitored(ctx: &Ctx) -> bool {
    ctx.monitor.is_listening() && !ctx.session.serving_blocked
}

/// Adds the entry of a command that took `micros`.
fn record(ctx: &mut Ctx, line: Option<&[Bytes]>, name: &'static str, micros: u64) {
    let words = match line {
        Some(line) => shown_words(line),
        None => vec![Bytes::from_static(name.as_bytes())],
    };
    let id = ctx.slowlog.next_id;
    ctx.slowlog.next_id += 1;
    let entry = SlowEntry {
        id,
        unix_secs: ctx.now.micros() / 1_000_000,
        micros,
        words,
        // A script's commands come from redis-server's Lua client, which has no socket.
        peer: if ctx.session.scripted {
            "?:0".to_string()
        } else {
            crate::cmd::clients::peer_address(ctx.session.id)
        },
        client_name: ctx.session.name.clone().unwrap_or_default(),
    };
    ctx.slowlog.push(entry);
}

/// The words an entry shows of `line`: secrets redacted, at most [`MAX_WORDS`], each at
/// most [`MAX_WORD_BYTES`].
fn shown_words(line: &[Bytes]) -> Vec<Bytes> {
    let redacted = redacted_from(line);
    let shown = if line.len() > MAX_WORDS {
        MAX_WORDS - 1
    } else {
        line.len()
    };
    let mut words: Vec<Bytes> = line[..shown]
        .iter()
        .enumerate()
        .map(|(at, word)| {
            if redacted.contains(&at) {
                Bytes::from_static(b"(redacted)")
            } else if word.len() > MAX_WORD_BYTES {
                let mut cut = word[..MAX_WORD_BYTES].to_vec();
                cut.extend_from_slice(
                    format!("... ({} more bytes)", word.len() - MAX_WORD_BYTES).as_bytes(),
                );
                Bytes::from(cut)
            } else {
                word.clone()
            }
        })
        .collect();
    if line.len() > MAX_WORDS {
        words.push(Bytes::from(format!(
            "... ({} more arguments)",
            line.len() - shown
        )));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &[&str]) -> Vec<Bytes> {
        line.iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect()
    }

    #[test]
    fn long_lines_and_long_words_are_cut_as_redis_cuts_them() {
        let mut line = vec!["RPUSH"; 1];
        line.extend(std::iter::repeat_n("x", 40));
        let shown = shown_words(&words(&line));
        assert_eq!(shown.len(), 32);
        assert_eq!(&shown[31][..], b"... (10 more arguments)");
        let long = "y".repeat(130);
        let shown = shown_words(&words(&["SET", "k", &long]));
        assert_eq!(shown[2].len(), 128 + "... (2 more bytes)".len());
        assert!(shown[2].ends_with(b"... (2 more bytes)"));
        let shown = shown_words(&words(&["AUTH", "user", "pass"]));
        assert_eq!(shown, words(&["AUTH", "(redacted)", "(redacted)"]));
    }

    #[test]
    fn the_table_knows_which_commands_are_fast() {
        use crate::cmd::table::find;
        assert!(find(b"get").is_some_and(|spec| spec.fast));
        assert!(find(b"xadd").is_some_and(|spec| spec.fast));
        assert!(find(b"keys").is_some_and(|spec| !spec.fast));
        assert!(find(b"eval").is_some_and(|spec| !spec.fast));
        assert!(find(b"client").is_some_and(|spec| !spec.fast));
        // While a slow log at the default threshold exists, a slow command's line is kept
        // (whatever other tests of this process do to the counters meanwhile).
        let _log = SlowLog::default();
        assert!(wants_line(find(b"keys")));
        assert!(!wants_line(None));
    }

    #[test]
    fn the_threshold_decides_what_is_timed() {
        let mut log = SlowLog::default();
        let get = Command::from_argv(["GET", "k"]).unwrap();
        let exec = Command::from_argv(["EXEC"]).unwrap();
        assert!(log.times(&get, true) && !log.times(&get, false));
        log.set_threshold_us(0);
        assert!(log.times(&get, false) && !log.times(&exec, false));
        log.set_threshold_us(-1);
        assert!(!log.times(&get, true));
        log.set_max_len(0);
        assert_eq!(log.len(), 0);
    }
}
