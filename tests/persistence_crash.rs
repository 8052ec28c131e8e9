//! The append-only file under crashes and damage.
//!
//! **Crashes.** A child process (this test binary, re-run on the single test [`crash_child`])
//! opens an engine on a file and writes forever, printing one line per write whose reply it
//! received. The parent kills it with SIGKILL at a seeded random moment (sometimes while
//! it is still loading the file), reopens the file, and checks what survived. The same
//! file is used for every round of a policy, so each child also recovers from the previous
//! kill and goes on from there.
//!
//! The workload makes a prefix checkable. Operation `m` (counted from 1) is, by `m % 5`:
//! 1 `INCR counter`; 2 `XADD seq * n <i> ...`; 3 `MULTI SET pa <i> SET pb <i> EXEC`;
//! 4 `XREADGROUP GROUP g <consumer> COUNT 1 STREAMS seq >`; 0 `XACK seq g <id>`, where `i`
//! is the round of five. From the data alone, [`observe`] computes how many operations it
//! holds and checks that it is exactly the state after that many — no gap in the stream, no
//! half transaction, no read without its entry.
//!
//! A SIGKILL is a crash of the process, not of the machine: what the process wrote to the
//! file is in the operating system's page cache and survives it. Under `Always` the engine
//! writes and fsyncs a batch before releasing its replies, so the reopened file must hold
//! every acknowledged write, and at most the one write in flight beyond it. Under `EverySec`
//! and `No` a background writer writes every 2 ms, so the last writes may be missing: the
//! file must hold a consistent prefix, at least what it held when the child started, and
//! never more than was sent. (A power cut would lose up to a second under `EverySec`; that
//! is not what is tested here.)
//!
//! **Damage.** A file from the same workload has bytes flipped or is cut at random points;
//! loading never panics, framing damage is refused at the damaged byte, a cut loads exactly
//! the operations wholly before it.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod common;

use common::plain::{Rng, V};
use embedis::{AofError, Connection, Engine, Fsync, RecoveryReport};

const CHILD_PATH: &str = "EMBEDIS_CRASH_CHILD_PATH";
const CHILD_FSYNC: &str = "EMBEDIS_CRASH_CHILD_FSYNC";
const CHILD_SEED: &str = "EMBEDIS_CRASH_CHILD_SEED";
/// Set: the child compacts its log every [`REWRITE_EVERY`] operations.
const CHILD_REWRITES: &str = "EMBEDIS_CRASH_CHILD_REWRITES";
const REWRITE_EVERY: u64 = 40;
/// Kill rounds per policy.
const ROUNDS: u64 = 25;

fn call(conn: &mut Connection, argv: &[&str]) -> V {
    let reply = conn.call(argv.iter().copied()).expect("a reply");
    let value = V::of(&reply);
    if let V::Err(error) = &value {
        panic!("{argv:?} failed: {error}");
    }
    value
}

/// The state after `m` operations: (counter, stream length, transaction value, entries
/// delivered to the group, entries acknowledged).
fn expected(m: u64) -> [u64; 5] {
    let (full, rem) = (m / 5, m % 5);
    [
        full + u64::from(rem >= 1),
        full + u64::from(rem >= 2),
        full + u64::from(rem >= 3),
        full + u64::from(rem >= 4),
        full,
    ]
}

/// How many operations the data holds, after checking it is exactly the state after that
/// many (`Err` says what is inconsistent).
fn observe(conn: &mut Connection) -> Result<u64, String> {
    let counter = match call(conn, &["GET", "counter"]) {
        V::Nil => 0,
        value => value.int() as u64,
    };
    let entries = call(conn, &["XRANGE", "seq", "-", "+"]);
    let mut ids = Vec::new();
    for (index, entry) in entries.arr().iter().enumerate() {
        let fields = &entry.arr()[1];
        let n = fields.field("n").int() as u64;
        if n != index as u64 + 1 {
            return Err(format!("stream entry {index} holds n={n}: a gap"));
        }
        ids.push(entry.arr()[0].text());
    }
    let stream_len = ids.len() as u64;
    let (pa, pb) = (call(conn, &["GET", "pa"]), call(conn, &["GET", "pb"]));
    if pa != pb {
        return Err(format!("half a transaction: pa={pa:?} pb={pb:?}"));
    }
    let tx = match pa {
        V::Nil => 0,
        value => value.int() as u64,
    };
    let (delivered, acked) = match call(conn, &["EXISTS", "seq"]).int() {
        0 => (0, 0),
        _ => {
            let groups = call(conn, &["XINFO", "GROUPS", "seq"]);
            match groups.arr().first() {
                None => (0, 0),
                Some(group) => {
                    let last = group.field("last-delivered-id").text();
                    let delivered = if last == "0-0" {
                        0
                    } else {
                        ids.iter()
                            .position(|id| *id == last)
                            .ok_or(format!("last-delivered-id {last} is not an entry"))?
                            as u64
                            + 1
                    };
                    let pending = call(conn, &["XPENDING", "seq", "g", "-", "+", "10"]);
                    let pending_ids: Vec<String> =
                        pending.arr().iter().map(|p| p.arr()[0].text()).collect();
                    let acked = delivered - pending_ids.len() as u64;
                    // Only the entry delivered last may be pending, and only if it is.
                    let want: Vec<String> = ids[acked as usize..delivered as usize].to_vec();
                    if pending_ids != want {
                        return Err(format!(
                            "pending {pending_ids:?}, expected {want:?} (delivered {delivered})"
                        ));
                    }
                    (delivered, acked)
                }
            }
        }
    };
    let seen = [counter, stream_len, tx, delivered, acked];
    let m: u64 = seen.iter().sum();
    if seen != expected(m) {
        return Err(format!(
            "not the state after {m} operations: {seen:?}, expected {:?}",
            expected(m)
        ));
    }
    Ok(m)
}

/// Runs operation `m` (see the module docs); `last_read` carries the ID read by operation
/// 4 to the acknowledgement of operation 5.
fn operation(conn: &mut Connection, m: u64, rng: &mut Rng, last_read: &mut Option<String>) {
    let i = m.div_ceil(5).to_string();
    match m % 5 {
        1 => {
            let n = call(conn, &["INCR", "counter"]).int();
            assert_eq!(n.to_string(), i, "counter");
        }
        2 => {
            // Values of varied length, so torn writes fall at varied places.
            let value = "v".repeat(rng.below(120) as usize);
            call(conn, &["XADD", "seq", "*", "n", &i, "pad", &value]);
        }
        3 => {
            call(conn, &["MULTI"]);
            call(conn, &["SET", "pa", &i]);
            call(conn, &["SET", "pb", &i]);
            let replies = call(conn, &["EXEC"]);
            assert_eq!(replies.arr().len(), 2);
        }
        4 => {
            let consumer = if rng.below(2) == 0 { "alice" } else { "bob" };
            let read = call(
                conn,
                &[
                    "XREADGROUP",
                    "GROUP",
                    "g",
                    consumer,
                    "COUNT",
                    "1",
                    "STREAMS",
                    "seq",
                    ">",
                ],
            );
            let entry = &read.arr()[0].arr()[1].arr()[0];
            assert_eq!(entry.arr()[1].field("n").text(), i, "read in order");
            *last_read = Some(entry.arr()[0].text());
        }
        _ => {
            let id = match last_read.take() {
                Some(id) => id,
                // Resumed after a crash between the read and its acknowledgement.
                None => {
                    let pending = call(conn, &["XPENDING", "seq", "g", "-", "+", "1"]);
                    pending.arr()[0].arr()[0].text()
                }
            };
            assert_eq!(call(conn, &["XACK", "seq", "g", &id]).int(), 1);
        }
    }
}

fn fsync_named(name: &str) -> Fsync {
    match name {
        "always" => Fsync::Always,
        "everysec" => Fsync::EverySec,
        "no" => Fsync::No,
        other => panic!("unknown policy {other}"),
    }
}

/// The child: writes until it is killed. Returns at once in a normal test run.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_PATH) else {
        return;
    };
    let policy = fsync_named(&std::env::var(CHILD_FSYNC).expect("policy"));
    let seed: u64 = std::env::var(CHILD_SEED)
        .expect("seed")
        .parse()
        .expect("seed");
    let engine = Engine::builder()
        .append_only(&path, policy)
        .try_build()
        .expect("the child's engine starts on the file");
    let mut conn = engine.connect();
    let start = observe(&mut conn).unwrap_or_else(|e| panic!("child: inconsistent file: {e}"));
    // Created once, before any operation: not an operation itself.
    let _ = conn.call(["XGROUP", "CREATE", "seq", "g", "0", "MKSTREAM"]);
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "\n@start {start}").expect("stdout");
    out.flush().expect("stdout");
    let mut rng = Rng::new(seed);
    let mut last_read = None;
    let rewrites = std::env::var_os(CHILD_REWRITES).is_some();
    for m in start + 1.. {
        if rewrites && m % REWRITE_EVERY == 0 {
            // Started, or refused while one still runs: either way not an operation.
            let _ = conn.call(["BGREWRITEAOF"]);
        }
        operation(&mut conn, m, &mut rng, &mut last_read);
        // The reply is in: this write is acknowledged.
        writeln!(out, "@ack {m}").expect("stdout");
        out.flush().expect("stdout");
    }
}

/// What the parent learned from one child's output.
#[derive(Default)]
struct Heard {
    start: Option<u64>,
    acked: Option<u64>,
}

fn listen(stdout: std::process::ChildStdout, heard: mpsc::Sender<(String, u64)>) {
    let mut reader = BufReader::new(stdout);
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        // A line cut short by the kill carries nothing.
        if !line.ends_with(b"\n") {
            return;
        }
        let text = String::from_utf8_lossy(&line);
        for tag in ["@start ", "@ack "] {
            if let Some(at) = text.find(tag) {
                let number = text[at + tag.len()..].trim();
                if let Ok(n) = number.parse() {
                    let _ = heard.send((tag.trim().to_string(), n));
                }
            }
        }
    }
}

fn open_and_observe(path: &Path, policy: Fsync) -> (u64, RecoveryReport) {
    let engine = Engine::builder()
        .append_only(path, policy)
        .try_build()
        .expect("the engine starts on the file the child left");
    let report = engine.recovery().expect("a report").clone();
    assert_eq!(report.failed, 0, "every logged command replays: {report:?}");
    let m = observe(&mut engine.connect()).unwrap_or_else(|e| panic!("inconsistent: {e}"));
    (m, report)
}

/// How the child's log is kept.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// One file, never compacted.
    File,
    /// Redis 7's multi-part directory, compacted every [`REWRITE_EVERY`] operations, so
    /// kills land in every step of a rewrite (a new incremental file, the new base, the
    /// manifest's replacement, the deletion of the old files).
    RewrittenDirectory,
}

/// Kills a writing child `ROUNDS` times under `policy` and checks each recovery.
fn crash_rounds(name: &str, policy: Fsync, seed: u64, layout: Layout) {
    let dir = common::temp_dir("crash", &format!("{name}-{}", seed));
    let path = match layout {
        Layout::File => dir.join("appendonly.aof"),
        Layout::RewrittenDirectory => {
            let path = dir.join("appendonlydir");
            std::fs::create_dir_all(&path).expect("appendonlydir");
            path
        }
    };
    let exe = std::env::current_exe().expect("the test binary");
    let mut rng = Rng::new(seed);
    let mut previous = 0u64;
    let (mut in_flight_kept, mut torn, mut during_load, mut acked_total) = (0, 0, 0, 0);
    let mut lost = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_PATH, &path)
            .env(CHILD_FSYNC, name)
            .env(CHILD_SEED, (seed * 1000 + round).to_string())
            .envs((layout == Layout::RewrittenDirectory).then_some((CHILD_REWRITES, "1")))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn the child");
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().expect("piped stdout");
        let listener = std::thread::spawn(move || listen(stdout, tx));
        let mut heard = Heard::default();
        let note = |(tag, n): (String, u64), heard: &mut Heard| match tag.as_str() {
            "@start" => heard.start = Some(n),
            _ => heard.acked = Some(n),
        };
        // One round in five kills early, from the spawn (often while the file loads);
        // the others let the child write for up to 100 ms after it started.
        if rng.below(5) == 0 {
            let deadline = Instant::now() + Duration::from_millis(rng.below(30));
            while let Ok(event) =
                rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                note(event, &mut heard);
            }
        } else {
            let started = Instant::now() + Duration::from_secs(30);
            while heard.start.is_none() && Instant::now() < started {
                if let Ok(event) = rx.recv_timeout(Duration::from_millis(50)) {
                    note(event, &mut heard);
                }
                if let Ok(Some(status)) = child.try_wait() {
                    panic!("round {round}: the child exited by itself: {status}");
                }
            }
            assert!(
                heard.start.is_some(),
                "round {round}: the child never started"
            );
            std::thread::sleep(Duration::from_millis(2 + rng.below(99)));
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("round {round}: the child exited by itself: {status}");
        }
        child.kill().expect("SIGKILL the child");
        let status = child.wait().expect("reap the child");
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "round {round}: {status}");
        }
        #[cfg(not(unix))]
        let _ = status;
        listener.join().expect("listener");
        // Lines still in the pipe were printed after their replies too: all count.
        for event in rx.try_iter() {
            note(event, &mut heard);
        }
        if heard.start.is_none() {
            during_load += 1;
        }
        if let Some(start) = heard.start {
            assert_eq!(
                start, previous,
                "round {round}: the child resumed elsewhere"
            );
        }
        let (m, report) = open_and_observe(&path, policy);
        let floor = heard.acked.unwrap_or(previous);
        acked_total += heard.acked.map_or(0, |acked| acked - previous);
        if policy == Fsync::Always {
            assert!(
                m >= floor,
                "round {round} ({name}): {m} operations survived, {floor} were acknowledged"
            );
        } else {
            // The background writer may not have written the last ~2 ms: a prefix, no less
            // than what the file held when this child started.
            assert!(
                m >= previous,
                "round {round} ({name}): {m} operations survived, {previous} were on file before"
            );
            lost += floor.saturating_sub(m);
        }
        assert!(
            m <= floor + 1,
            "round {round} ({name}): {m} operations, but only {} could have been sent",
            floor + 1
        );
        in_flight_kept += u64::from(m == floor + 1);
        torn += u64::from(report.truncated_bytes > 0);
        previous = m;
    }
    let label = match layout {
        Layout::File => name.to_string(),
        Layout::RewrittenDirectory => {
            // Each completed rewrite raised the base's sequence number by one.
            let manifest = std::fs::read_to_string(path.join("appendonly.aof.manifest"))
                .expect("the manifest");
            let base = manifest
                .lines()
                .find(|line| line.ends_with(" type b"))
                .and_then(|line| line.split(' ').nth(3))
                .and_then(|seq| seq.parse::<u64>().ok())
                .unwrap_or_else(|| panic!("no base in {manifest}"));
            assert!(base >= 2, "fewer than two rewrites completed: {manifest}");
            format!("{name} (a directory, rewritten at least {base} times)")
        }
    };
    eprintln!(
        "{label}: {ROUNDS} kills, {acked_total} acknowledged operations, {previous} in the \
         file at the end; {in_flight_kept} kills kept the write in flight, {torn} left a \
         torn tail, {during_load} came before the child had loaded the file; {lost} \
         acknowledged operations were still in the writer's queue (EverySec/No only)"
    );
    assert!(
        acked_total > 0,
        "the children acknowledged nothing: the test checked nothing"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn killed_under_fsync_always_every_acknowledged_write_survives() {
    crash_rounds("always", Fsync::Always, 1, Layout::File);
}

#[test]
fn killed_under_fsync_everysec_a_process_crash_loses_nothing_acknowledged() {
    crash_rounds("everysec", Fsync::EverySec, 2, Layout::File);
}

#[test]
fn killed_under_fsync_no_a_process_crash_loses_nothing_acknowledged() {
    crash_rounds("no", Fsync::No, 3, Layout::File);
}

#[test]
fn killed_while_rewriting_a_directory_under_fsync_always_every_acknowledged_write_survives() {
    crash_rounds("always", Fsync::Always, 4, Layout::RewrittenDirectory);
}

#[test]
fn killed_while_rewriting_a_directory_under_fsync_no_a_process_crash_loses_nothing_acknowledged() {
    crash_rounds("no", Fsync::No, 5, Layout::RewrittenDirectory);
}

/// A file of `ops` operations of the workload, and its length after each operation
/// (`ends[m]` = bytes holding operations 1..=m).
fn workload_file(path: &Path, ops: u64, seed: u64) -> Vec<u64> {
    // `Always`: the only policy that writes the file before releasing the reply.
    let engine = Engine::builder()
        .append_only(path, Fsync::Always)
        .try_build()
        .expect("engine");
    let mut conn = engine.connect();
    call(
        &mut conn,
        &["XGROUP", "CREATE", "seq", "g", "0", "MKSTREAM"],
    );
    let size = || std::fs::metadata(path).expect("file").len();
    // The file is written before the reply: its length after a reply ends that write.
    let mut ends = vec![size()];
    let mut rng = Rng::new(seed);
    let mut last_read = None;
    for m in 1..=ops {
        operation(&mut conn, m, &mut rng, &mut last_read);
        ends.push(size());
    }
    drop(conn);
    drop(engine);
    ends
}

/// What a byte of a valid file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// `*`, `$`, a length digit, or the CRLF ending a length.
    Framing,
    /// The LF of the CRLF after an argument.
    ArgumentLf,
    /// An argument's own byte, or the CR after it.
    Argument,
}

/// Where each command of a valid file starts, and what each byte is.
fn framing(data: &[u8]) -> (Vec<usize>, Vec<Byte>) {
    let mut starts = Vec::new();
    let mut kinds = vec![Byte::Framing; data.len()];
    let mut at = 0;
    let number = |at: &mut usize| -> usize {
        let end = *at + data[*at..].iter().position(|&b| b == b'\r').expect("CR");
        let n = std::str::from_utf8(&data[*at..end])
            .expect("digits")
            .parse()
            .expect("a length");
        *at = end + 2;
        n
    };
    while at < data.len() {
        starts.push(at);
        at += 1;
        let count = number(&mut at);
        for _ in 0..count {
            at += 1;
            let len = number(&mut at);
            for kind in &mut kinds[at..at + len] {
                *kind = Byte::Argument;
            }
            kinds[at + len + 1] = Byte::ArgumentLf;
            at += len + 2;
        }
    }
    (starts, kinds)
}

fn try_open(path: &Path) -> Result<RecoveryReport, std::io::Error> {
    Engine::builder()
        .append_only(path, Fsync::No)
        .try_build()
        .map(|engine| engine.recovery().expect("a report").clone())
}

#[test]
fn a_file_cut_anywhere_loads_exactly_the_operations_wholly_before_the_cut() {
    let dir = common::temp_dir("crash", "cut");
    let source = dir.join("source.aof");
    let ends = workload_file(&source, 200, 7);
    let whole = std::fs::read(&source).expect("file");
    let path = dir.join("appendonly.aof");
    let mut rng = Rng::new(8);
    let mut cuts: Vec<u64> = (0..150)
        .map(|_| rng.below(whole.len() as u64 + 1))
        .collect();
    // Every operation's own end, and one byte either side of it.
    for m in (0..ends.len()).step_by(17) {
        cuts.extend([ends[m].saturating_sub(1), ends[m], ends[m] + 1]);
    }
    for cut in cuts {
        let cut = cut.min(whole.len() as u64);
        std::fs::write(&path, &whole[..cut as usize]).expect("write");
        let engine = Engine::builder()
            .append_only(&path, Fsync::No)
            .try_build()
            .unwrap_or_else(|e| panic!("cut {cut}: {e}"));
        let report = engine.recovery().expect("report").clone();
        let m = observe(&mut engine.connect()).unwrap_or_else(|e| panic!("cut {cut}: {e}"));
        drop(engine);
        // The operations whose bytes all precede the cut (the group was created first).
        let want = ends
            .iter()
            .rposition(|&end| end <= cut)
            .map_or(0, |m| m as u64);
        assert_eq!(m, want, "cut {cut}");
        let kept = if cut < ends[0] {
            0
        } else {
            ends[want as usize]
        };
        assert_eq!(report.bytes, kept, "cut {cut}: {report:?}");
        assert_eq!(report.truncated_bytes, cut - kept, "cut {cut}: {report:?}");
        assert_eq!(std::fs::metadata(&path).expect("file").len(), kept);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn flipped_bytes_never_panic_and_broken_framing_is_refused_where_it_is() {
    let dir = common::temp_dir("crash", "flip");
    let source = dir.join("source.aof");
    workload_file(&source, 150, 9);
    let whole = std::fs::read(&source).expect("file");
    let (starts, kinds) = framing(&whole);
    let commands = starts.len() as u64;
    let path = dir.join("appendonly.aof");
    let mut rng = Rng::new(10);
    let (mut refused, mut cut_as_torn, mut unknown, mut loaded) = (0, 0, 0, 0);
    for _ in 0..400 {
        let at = rng.below(whole.len() as u64) as usize;
        let command_start = starts[starts.partition_point(|&s| s <= at) - 1];
        let mut damaged = whole.clone();
        let digit = whole[at].is_ascii_digit();
        // A letter where framing is expected can never be read as framing; a digit turned
        // into another digit is a different length, which may or may not be detectable.
        damaged[at] = if digit && rng.below(2) == 0 {
            b'0' + ((whole[at] - b'0' + 1 + rng.below(9) as u8) % 10)
        } else {
            b'a' + rng.below(26) as u8
        };
        if damaged[at] == whole[at] {
            continue;
        }
        let damaged_digit = damaged[at].is_ascii_digit();
        std::fs::write(&path, &damaged).expect("write");
        let outcome = try_open(&path);
        let cause = outcome.as_ref().err().map(|error| {
            error
                .get_ref()
                .and_then(|e| e.downcast_ref::<AofError>())
                .unwrap_or_else(|| panic!("flip at {at}: not an AofError: {error}"))
        });
        if kinds[at] != Byte::Argument && !damaged_digit {
            // Framing broken by a non-digit: refused, naming the damaged byte itself.
            let named = at;
            match cause {
                Some(AofError::Corrupt { offset, .. }) => {
                    assert_eq!(*offset as usize, named, "flip at {at}");
                    refused += 1;
                }
                other => panic!("flip of framing byte {at}: {other:?} / {outcome:?}"),
            }
            assert_eq!(
                std::fs::read(&path).expect("file"),
                damaged,
                "left untouched"
            );
        } else if kinds[at] != Byte::Argument {
            // A length changed to another length: refused at or after the damaged byte, or,
            // when the new length runs past the end of the file, indistinguishable from a
            // torn tail: the damaged command and all after it are cut off.
            match (&outcome, cause) {
                (_, Some(AofError::Corrupt { offset, .. })) => {
                    assert!(*offset as usize >= at, "flip at {at} reported at {offset}");
                    refused += 1;
                }
                (Ok(report), None) => {
                    assert!(report.truncated_bytes > 0, "flip at {at}: {report:?}");
                    assert!(report.bytes as usize <= command_start, "flip at {at}");
                    cut_as_torn += 1;
                }
                other => panic!("flip of length byte {at}: {other:?}"),
            }
        } else {
            // An argument byte: RESP has no checksum, so this is undetectable as framing.
            // The structure survives: the same number of commands replays (some may now
            // fail, or name an unknown command), and nothing is cut.
            match (&outcome, cause) {
                (Ok(report), None) => {
                    assert_eq!(report.commands, commands, "flip at {at}");
                    assert_eq!(report.truncated_bytes, 0, "flip at {at}");
                    loaded += 1;
                }
                (_, Some(AofError::UnknownCommand { offset, .. })) => {
                    assert_eq!(*offset as usize, command_start, "flip at {at}");
                    unknown += 1;
                }
                other => panic!("flip of argument byte {at}: {other:?}"),
            }
        }
    }
    eprintln!(
        "400 flips in a {} byte file of {commands} commands: {refused} refused as corrupt, \
         {cut_as_torn} length changes read as a torn tail, {unknown} unknown commands, \
         {loaded} argument changes loaded",
        whole.len()
    );
    assert!(refused > 100 && loaded > 10, "the flips covered both kinds");
    let _ = std::fs::remove_dir_all(&dir);
}
