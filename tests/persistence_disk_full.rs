//! A full disk under `Fsync::EverySec`: the background writer's failure must reach the
//! callers, as redis-server's does, and go away when the file can be written again.
//!
//! A child process (this test binary, re-run with `disk_full_child`) writes under a file
//! size limit (`ulimit -f`, with SIGXFSZ ignored so writes fail with EFBIG instead of
//! killing it) until a write is refused with `MISCONF`; it then checks what is still
//! allowed, compacts the file below the limit and writes again; then fills the file to the
//! limit once more and lifts the limit (`prlimit`), so the writer's retry succeeds. The
//! parent checks the child's report and that a restarted engine holds every acknowledged
//! write.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use embedis::{Engine, Fsync, Reply};

const CHILD_PATH: &str = "EMBEDIS_DISK_FULL_CHILD_PATH";

/// What the file-size limit allows (in 512-byte blocks, as POSIX `ulimit -f` counts): room
/// for a couple of hundred of the child's writes.
const LIMIT_BLOCKS: u32 = 256;

fn text(reply: &Reply) -> String {
    match reply {
        Reply::Error(error) => error.to_string(),
        Reply::Bulk(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => format!("{other:?}"),
    }
}

/// A value of 1 KiB that names its sequence number.
fn value(n: u64) -> String {
    format!("{n:>1024}")
}

/// The child: runs only when the parent started it.
#[test]
fn disk_full_child() {
    let Some(path) = std::env::var_os(CHILD_PATH) else {
        return; // not a child: the parent test below drives it
    };
    let engine = Engine::builder()
        .append_only(&path, Fsync::EverySec)
        .try_build()
        .expect("engine");
    let mut conn = engine.connect();
    let mut acked = None;
    let mut refusal = None;
    for n in 0..20_000u64 {
        let reply = conn.call(["SET", "k", &value(n)]).expect("engine alive");
        if reply == Reply::OK {
            acked = Some(n);
        } else {
            refusal = Some(text(&reply));
            break;
        }
        // The writer writes every 2 ms: give it the time to find the limit.
        std::thread::sleep(Duration::from_micros(500));
    }
    let report = |key: &str, value: String| println!("@{key} {value}");
    report("refused", refusal.unwrap_or_else(|| "never".into()));
    let acked = acked.expect("some writes fit");
    report("acked", acked.to_string());
    let get = conn.call(["GET", "k"]).expect("alive");
    report(
        "get_is_last_acked",
        (text(&get) == value(acked)).to_string(),
    );
    report("ping", text(&conn.call(["PING"]).expect("alive")));
    let Reply::Verbatim(info) = conn.call(["INFO", "persistence"]).expect("alive") else {
        panic!("INFO is text");
    };
    let info = String::from_utf8_lossy(&info).into_owned();
    let status = info
        .lines()
        .find_map(|line| line.strip_prefix("aof_last_write_status:"))
        .unwrap_or("missing");
    report("write_status", status.to_string());
    report(
        "xadd",
        text(&conn.call(["XADD", "s", "*", "f", "v"]).expect("alive")),
    );
    // A write queued in MULTI is refused, so EXEC aborts; a read-only MULTI runs.
    conn.call(["MULTI"]).expect("alive");
    report(
        "queued_write",
        text(&conn.call(["SET", "a", "1"]).expect("alive")),
    );
    report("exec", text(&conn.call(["EXEC"]).expect("alive")));
    conn.call(["MULTI"]).expect("alive");
    conn.call(["STRLEN", "k"]).expect("alive");
    let exec = conn.call(["EXEC"]).expect("alive");
    report("read_only_exec", format!("{exec:?}"));
    // Compaction writes the small dataset as a new file, below the limit: writes resume.
    engine.rewrite_append_only().expect("rewrite starts");
    let mut recovered = false;
    for _ in 0..500 {
        if conn.call(["SET", "k", "final"]).expect("alive") == Reply::OK {
            recovered = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    report("recovered", recovered.to_string());

    // Fill the file again until the limit refuses it, then lift the limit (the disk "frees
    // up"): the writer's retry writes the bytes it kept, and writes are accepted again.
    let mut counted = 0;
    let mut refused_again = false;
    for _ in 0..20_000 {
        let set = conn.call(["SET", "filler", &value(0)]).expect("alive");
        let incr = conn.call(["INCR", "acked"]).expect("alive");
        match (set == Reply::OK, incr) {
            (true, Reply::Integer(n)) => counted = n,
            _ => {
                refused_again = true;
                break;
            }
        }
        std::thread::sleep(Duration::from_micros(500));
    }
    report("refused_again", refused_again.to_string());
    let lifted = Command::new("prlimit")
        .args([
            "--pid",
            &std::process::id().to_string(),
            "--fsize=unlimited",
        ])
        .status()
        .is_ok_and(|status| status.success());
    report("lifted", lifted.to_string());
    let mut resumed = false;
    for _ in 0..500 {
        if let Reply::Integer(n) = conn.call(["INCR", "acked"]).expect("alive") {
            counted = n;
            resumed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    report("resumed", resumed.to_string());
    report("counted", counted.to_string());
    drop(conn);
    drop(engine);
    report("done", "true".into());
}

#[test]
fn a_full_disk_refuses_writes_with_misconf_until_the_file_can_be_written() {
    if common::on_path("sh").is_none() || common::on_path("prlimit").is_none() {
        eprintln!("SKIPPED: no sh or prlimit (util-linux) to set and lift a file size limit");
        return;
    }
    let dir = common::temp_dir("disk-full", "everysec");
    let path = dir.join("appendonly.aof");
    let exe = std::env::current_exe().expect("the test binary");
    // `ulimit -S -f` caps regular files only, and only softly (the child lifts it later);
    // an ignored SIGXFSZ stays ignored across exec.
    let script = format!("ulimit -S -f {LIMIT_BLOCKS} && trap '' XFSZ && exec \"$0\" \"$@\"");
    let child = Command::new("sh")
        .args(["-c", &script])
        .arg(&exe)
        .args([
            "--exact",
            "disk_full_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_PATH, &path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the child");
    let output = child.wait_with_output().expect("the child finishes");
    assert!(output.status.success(), "child failed: {:?}", output.status);
    let heard: HashMap<String, String> = BufReader::new(&output.stdout[..])
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| {
            // The harness prints `test disk_full_child ... ` before the first report.
            let line = &line[line.find('@')? + 1..];
            let (key, value) = line.split_once(' ')?;
            Some((key.to_string(), value.to_string()))
        })
        .collect();
    let misconf = "MISCONF Errors writing to the AOF file: File too large";
    assert_eq!(heard["refused"], misconf);
    assert_eq!(heard["get_is_last_acked"], "true", "reads go on");
    assert_eq!(
        heard["ping"], misconf,
        "PING is refused, as on redis-server"
    );
    assert_eq!(heard["xadd"], misconf);
    assert_eq!(
        heard["write_status"], "err",
        "INFO persistence's aof_last_write_status"
    );
    assert_eq!(heard["queued_write"], misconf);
    assert_eq!(
        heard["exec"],
        "EXECABORT Transaction discarded because of previous errors."
    );
    assert_eq!(heard["read_only_exec"], "Array([Integer(1024)])");
    assert_eq!(heard["recovered"], "true", "writes resume after compaction");
    assert_eq!(heard["refused_again"], "true");
    assert_eq!(heard["lifted"], "true", "prlimit raised the limit");
    assert_eq!(
        heard["resumed"], "true",
        "writes resume once the writer's retry succeeds"
    );
    assert_eq!(heard["done"], "true");

    // Without the limit, the file holds every acknowledged write.
    let engine = Engine::builder()
        .append_only(&path, Fsync::EverySec)
        .try_build()
        .expect("the file loads");
    assert_eq!(engine.recovery().expect("report").failed, 0);
    let mut conn = engine.connect();
    assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("final"));
    // Every acknowledged INCR is in the file, those the writer had to keep and retry too.
    assert_eq!(
        conn.call(["GET", "acked"]).unwrap(),
        Reply::bulk(heard["counted"].clone())
    );
    drop(conn);
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}
