//! The append-only file in Redis 7's multi-part layout: an engine given a directory keeps
//! a manifest, a base file and incremental files in it, as redis-server 7 does with its
//! `appendonlydir` (tests/persistence_interop.rs has each server start on the other's).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::engine::{call, persistence_field};
use common::picture::picture;
use embedis::{AofError, Engine, Fsync, Reply};

const MANIFEST: &str = "appendonly.aof.manifest";

fn open(dir: &Path, fsync: Fsync) -> Engine {
    Engine::builder()
        .append_only(dir, fsync)
        .try_build()
        .expect("engine starts on its directory")
}

fn open_error(dir: &Path) -> std::io::Error {
    match Engine::builder().append_only(dir, Fsync::No).try_build() {
        Ok(_) => panic!("the engine started"),
        Err(error) => error,
    }
}

fn manifest(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(MANIFEST)).expect("manifest")
}

/// The directory's file names, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Compacts and waits, as a client waits: INFO's `aof_rewrite_in_progress`.
fn rewrite(engine: &Engine) {
    engine.rewrite_append_only().expect("rewrite");
    let deadline = Instant::now() + Duration::from_secs(30);
    while persistence_field(engine, "aof_rewrite_in_progress") != "0" {
        assert!(Instant::now() < deadline, "the rewrite never ended");
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_directory_is_laid_out_and_rewritten_as_redis_7_does_it() {
    let dir = common::temp_dir("aof-dir", "layout");
    let engine = open(&dir, Fsync::Always);
    // At the start: one incremental file, named in the manifest.
    assert_eq!(files(&dir), ["appendonly.aof.1.incr.aof", MANIFEST]);
    assert_eq!(
        manifest(&dir),
        "file appendonly.aof.1.incr.aof seq 1 type i\n"
    );
    call(&engine, &["SET", "a", "1"]);
    // A new file is read by a new connection: it selects its database first.
    let first = std::fs::read(dir.join("appendonly.aof.1.incr.aof")).expect("incr");
    assert!(
        first.starts_with(b"*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n"),
        "{}",
        String::from_utf8_lossy(&first)
    );

    // A rewrite: the base replaces the first incremental file; writes go to the second.
    let mut five = engine.connect();
    five.call(["SELECT", "5"]).expect("select");
    five.call(["SET", "b", "2"]).expect("set");
    rewrite(&engine);
    five.call(["SET", "c", "3"]).expect("set");
    assert_eq!(
        manifest(&dir),
        "file appendonly.aof.1.base.rdb seq 1 type b\n\
         file appendonly.aof.2.incr.aof seq 2 type i\n"
    );
    assert_eq!(
        files(&dir),
        [
            "appendonly.aof.1.base.rdb",
            "appendonly.aof.2.incr.aof",
            MANIFEST
        ]
    );
    let second = std::fs::read(dir.join("appendonly.aof.2.incr.aof")).expect("incr");
    assert!(
        second.starts_with(b"*2\r\n$6\r\nSELECT\r\n$1\r\n5\r\n"),
        "{}",
        String::from_utf8_lossy(&second)
    );
    let before = picture(&engine);
    drop(five);
    drop(engine);

    let engine = open(&dir, Fsync::EverySec);
    let report = engine.recovery().expect("report").clone();
    assert_eq!((report.failed, report.truncated_bytes), (0, 0));
    assert_eq!(picture(&engine), before);
    // Appending goes on in the last incremental file; a second rewrite retires it.
    call(&engine, &["SET", "d", "4"]);
    rewrite(&engine);
    call(&engine, &["SET", "e", "5"]);
    assert_eq!(
        manifest(&dir),
        "file appendonly.aof.2.base.rdb seq 2 type b\n\
         file appendonly.aof.3.incr.aof seq 3 type i\n"
    );
    assert_eq!(
        files(&dir),
        [
            "appendonly.aof.2.base.rdb",
            "appendonly.aof.3.incr.aof",
            MANIFEST
        ]
    );
    assert_eq!(call(&engine, &["GET", "e"]), Reply::bulk("5"));
    let before = picture(&engine);
    drop(engine);
    assert_eq!(picture(&open(&dir, Fsync::No)), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn writes_during_a_rewrite_are_kept_under_every_policy() {
    for fsync in [Fsync::Always, Fsync::EverySec, Fsync::No] {
        let dir = common::temp_dir("aof-dir", &format!("during-{fsync:?}"));
        let engine = open(&dir, fsync);
        let mut conn = engine.connect();
        for n in 0..200 {
            conn.send(["RPUSH", "list", &n.to_string()]).expect("send");
            if n == 100 {
                engine.rewrite_append_only().expect("rewrite");
            }
        }
        for _ in 0..200 {
            assert!(!conn.recv().expect("reply").is_error());
        }
        let before = picture(&engine);
        drop(conn);
        drop(engine); // shutdown finishes the compaction and flushes
        let engine = open(&dir, fsync);
        assert_eq!(engine.recovery().expect("report").failed, 0);
        assert_eq!(
            call(&engine, &["LLEN", "list"]),
            Reply::Integer(200),
            "{fsync:?}"
        );
        assert_eq!(picture(&engine), before, "{fsync:?}");
        drop(engine);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn each_file_starts_in_database_zero_as_redis_server_reads_it() {
    let dir = common::temp_dir("aof-dir", "databases");
    std::fs::write(
        dir.join(MANIFEST),
        "file appendonly.aof.1.incr.aof seq 1 type i\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
    )
    .expect("manifest");
    std::fs::write(
        dir.join("appendonly.aof.1.incr.aof"),
        "*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n",
    )
    .expect("incr");
    std::fs::write(
        dir.join("appendonly.aof.2.incr.aof"),
        "*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n",
    )
    .expect("incr");
    let engine = open(&dir, Fsync::Always);
    let mut conn = engine.connect();
    assert_eq!(conn.call(["GET", "b"]).expect("get"), Reply::bulk("2"));
    conn.call(["SELECT", "3"]).expect("select");
    assert_eq!(conn.call(["GET", "a"]).expect("get"), Reply::bulk("1"));
    assert_eq!(conn.call(["GET", "b"]).expect("get"), Reply::Nil);
    // Appending to the last file goes on in the database that file left selected (0).
    conn.call(["SELECT", "0"]).expect("select");
    conn.call(["SET", "c", "3"]).expect("set");
    let before = picture(&engine);
    drop(conn);
    drop(engine);
    assert_eq!(picture(&open(&dir, Fsync::Always)), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn only_the_last_file_may_end_torn() {
    let dir = common::temp_dir("aof-dir", "torn");
    let engine = open(&dir, Fsync::Always);
    call(&engine, &["SET", "a", "1"]);
    rewrite(&engine);
    call(&engine, &["SET", "b", "2"]);
    drop(engine);
    let torn = b"*3\r\n$3\r\nSET\r\n$1\r\nc";
    let last = dir.join("appendonly.aof.2.incr.aof");
    let mut bytes = std::fs::read(&last).expect("incr");
    let whole = bytes.len();
    bytes.extend_from_slice(torn);
    std::fs::write(&last, &bytes).expect("tear");
    // The last file's torn command is cut off, as in a single file.
    let engine = open(&dir, Fsync::Always);
    assert_eq!(
        engine.recovery().expect("report").truncated_bytes,
        torn.len() as u64
    );
    assert_eq!(call(&engine, &["GET", "b"]), Reply::bulk("2"));
    drop(engine);
    assert_eq!(std::fs::metadata(&last).expect("incr").len(), whole as u64);

    // A torn base is refused: the writes after it would replay without what it lost.
    let base = dir.join("appendonly.aof.1.base.rdb");
    let mut bytes = std::fs::read(&base).expect("base");
    bytes.extend_from_slice(torn);
    std::fs::write(&base, &bytes).expect("tear");
    let error = open_error(&dir);
    let cause = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<AofError>())
        .unwrap_or_else(|| panic!("{error}"));
    let AofError::Corrupt { path, .. } = cause else {
        panic!("{cause}");
    };
    assert_eq!(path, &base);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_manifest_or_a_missing_file_is_refused() {
    let dir = common::temp_dir("aof-dir", "bad-manifest");
    let manifest_error = |dir: &Path| -> (usize, &'static str, String) {
        let error = open_error(dir);
        match error.get_ref().and_then(|e| e.downcast_ref::<AofError>()) {
            Some(AofError::Manifest { line, reason, .. }) => (*line, *reason, error.to_string()),
            _ => panic!("{error}"),
        }
    };
    std::fs::write(dir.join(MANIFEST), "file x seq 1 type i\nnonsense\n").expect("write");
    let (line, reason, text) = manifest_error(&dir);
    assert_eq!((line, reason), (2, "Invalid AOF manifest file format"));
    assert!(text.contains("at line 2"), "{text}");
    // Nothing was touched: the manifest is as the user left it.
    assert_eq!(manifest(&dir), "file x seq 1 type i\nnonsense\n");

    std::fs::write(dir.join(MANIFEST), "file gone.aof seq 1 type b\n").expect("write");
    let (line, reason, _) = manifest_error(&dir);
    assert_eq!(
        (line, reason),
        (0, "it names a file the directory does not hold")
    );

    std::fs::write(dir.join("other.aof.manifest"), "file y seq 1 type i\n").expect("write");
    let error = open_error(&dir);
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert!(error.to_string().contains("more than one"), "{error}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn history_files_are_deleted_at_the_start_and_other_names_are_kept() {
    let dir = common::temp_dir("aof-dir", "history");
    std::fs::write(
        dir.join("jobs.aof.manifest"),
        "file jobs.aof.1.base.aof seq 1 type h\nfile jobs.aof.4.incr.aof seq 4 type i\n",
    )
    .expect("manifest");
    std::fs::write(dir.join("jobs.aof.1.base.aof"), "").expect("history");
    std::fs::write(
        dir.join("jobs.aof.4.incr.aof"),
        "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n",
    )
    .expect("incr");
    let engine = open(&dir, Fsync::Always);
    assert_eq!(call(&engine, &["GET", "k"]), Reply::bulk("v"));
    assert_eq!(files(&dir), ["jobs.aof.4.incr.aof", "jobs.aof.manifest"]);
    rewrite(&engine);
    assert_eq!(
        std::fs::read_to_string(dir.join("jobs.aof.manifest")).expect("manifest"),
        "file jobs.aof.1.base.rdb seq 1 type b\nfile jobs.aof.5.incr.aof seq 5 type i\n"
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn info_reports_each_compaction_and_the_log_sizes() {
    let dir = common::temp_dir("aof-dir", "info");
    let engine = open(&dir, Fsync::Always);
    let field = |name: &str| persistence_field(&engine, name);
    assert_eq!(field("aof_rewrites"), "0");
    assert_eq!(field("aof_last_rewrite_time_sec"), "-1");
    assert_eq!(field("aof_current_rewrite_time_sec"), "-1");
    assert_eq!(field("aof_last_bgrewrite_status"), "ok");
    for n in 0..100 {
        call(&engine, &["SET", "k", &n.to_string()]);
    }
    // The whole log: every file the manifest names.
    let length = || {
        files(&dir)
            .iter()
            .filter(|name| name.ends_with(".aof") || name.ends_with(".rdb"))
            .map(|name| std::fs::metadata(dir.join(name)).expect("file").len())
            .sum::<u64>()
            .to_string()
    };
    assert_eq!(field("aof_current_size"), length());
    assert_eq!(field("aof_base_size"), "0");
    rewrite(&engine);
    assert_eq!(field("aof_rewrites"), "1");
    assert_eq!(field("aof_last_rewrite_time_sec"), "0");
    assert_eq!(field("aof_rewrites_consecutive_failures"), "0");
    assert_eq!(field("aof_base_size"), length());
    call(&engine, &["SET", "k", "after"]);
    assert_eq!(field("aof_current_size"), length());
    assert_ne!(field("aof_base_size"), length());

    // A compaction that cannot write its base fails, and says so until one succeeds.
    let temp = dir.join("temp-rewriteaof-appendonly.aof");
    std::fs::create_dir_all(&temp).expect("a directory where the base is written");
    let _ = engine.rewrite_append_only();
    let deadline = Instant::now() + Duration::from_secs(30);
    while field("aof_last_bgrewrite_status") != "err" {
        assert!(Instant::now() < deadline, "the failure never showed");
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(field("aof_rewrites"), "2");
    assert_eq!(field("aof_rewrites_consecutive_failures"), "1");
    assert_eq!(field("aof_rewrite_in_progress"), "0");
    std::fs::remove_dir(&temp).expect("remove");
    rewrite(&engine);
    assert_eq!(field("aof_last_bgrewrite_status"), "ok");
    assert_eq!(field("aof_rewrites_consecutive_failures"), "0");
    assert_eq!(field("aof_rewrites"), "3");
    // What was written meanwhile is all there.
    call(&engine, &["SET", "k", "last"]);
    drop(engine);
    assert_eq!(
        call(&open(&dir, Fsync::No), &["GET", "k"]),
        Reply::bulk("last")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_get_reports_the_append_only_settings() {
    let dir = common::temp_dir("aof-dir", "config");
    let config = |engine: &Engine, name: &str| match call(engine, &["CONFIG", "GET", name]) {
        Reply::Map(pairs) => pairs[0].1.clone(),
        other => panic!("{other:?}"),
    };
    let engine = Engine::builder()
        .append_only(&dir, Fsync::Always)
        .auto_rewrite(50, 1 << 20)
        .try_build()
        .expect("engine");
    let name = dir
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .into_owned();
    for (parameter, value) in [
        ("appendonly", "yes"),
        ("appendfsync", "always"),
        ("appendfilename", "appendonly.aof"),
        ("appenddirname", name.as_str()),
        ("aof-use-rdb-preamble", "yes"),
        ("auto-aof-rewrite-percentage", "50"),
        ("auto-aof-rewrite-min-size", "1048576"),
    ] {
        assert_eq!(
            config(&engine, parameter),
            Reply::bulk(value),
            "{parameter}"
        );
    }
    drop(engine);
    let file = dir.join("jobs.aof");
    let engine = Engine::builder()
        .append_only(&file, Fsync::No)
        .try_build()
        .expect("engine");
    for (parameter, value) in [
        ("appendfsync", "no"),
        ("appendfilename", "jobs.aof"),
        ("appenddirname", "appendonlydir"),
        // One file is compacted as commands, for redis-cli --pipe.
        ("aof-use-rdb-preamble", "no"),
        ("auto-aof-rewrite-percentage", "100"),
        ("auto-aof-rewrite-min-size", "67108864"),
    ] {
        assert_eq!(
            config(&engine, parameter),
            Reply::bulk(value),
            "{parameter}"
        );
    }
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_single_file_in_the_directory_becomes_its_base() {
    // An older server's one file, moved into a directory: adopted, as redis-server 7 does.
    let dir = common::temp_dir("aof-dir", "legacy");
    std::fs::write(
        dir.join("appendonly.aof"),
        "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\nold\r\n",
    )
    .expect("legacy file");
    let engine = open(&dir, Fsync::Always);
    assert_eq!(call(&engine, &["GET", "k"]), Reply::bulk("old"));
    call(&engine, &["SET", "n", "1"]);
    assert_eq!(
        manifest(&dir),
        "file appendonly.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"
    );
    drop(engine);
    let engine = open(&dir, Fsync::Always);
    assert_eq!(call(&engine, &["GET", "k"]), Reply::bulk("old"));
    assert_eq!(call(&engine, &["GET", "n"]), Reply::bulk("1"));
    // The first rewrite retires it like any base.
    rewrite(&engine);
    assert_eq!(
        files(&dir),
        [
            "appendonly.aof.2.base.rdb",
            "appendonly.aof.2.incr.aof",
            MANIFEST
        ]
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_set_appendfsync_switches_the_policy_at_run_time() {
    let dir = common::temp_dir("aof-dir", "appendfsync");
    let engine = open(&dir, Fsync::EverySec);
    let mut conn = engine.connect();
    let incr = dir.join("appendonly.aof.1.incr.aof");
    let holds = |needle: &[u8]| {
        let file = std::fs::read(&incr).expect("the file");
        file.windows(needle.len()).any(|w| w == needle)
    };
    let get = |conn: &mut embedis::Connection| match conn.call(["CONFIG", "GET", "appendfsync"]) {
        Ok(Reply::Map(pairs)) => pairs[0].1.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        conn.call(["CONFIG", "SET", "appendfsync", "ALWAYS"])
            .unwrap(),
        Reply::OK
    );
    assert_eq!(get(&mut conn), Reply::bulk("always"));
    // Under Always a reply means the write is in the file (and on the disk).
    for n in 0..20 {
        let key = format!("always-{n}");
        conn.call(["SET", &key, "x"]).unwrap();
        assert!(holds(key.as_bytes()), "{key}");
    }
    assert_eq!(
        conn.call(["CONFIG", "SET", "appendfsync", "no"]).unwrap(),
        Reply::OK
    );
    conn.call(["SET", "under-no", "x"]).unwrap();
    assert_eq!(
        conn.call(["CONFIG", "SET", "appendfsync", "everysec"])
            .unwrap(),
        Reply::OK
    );
    conn.call(["SET", "under-everysec", "x"]).unwrap();
    assert_eq!(get(&mut conn), Reply::bulk("everysec"));
    let Reply::Error(error) = conn
        .call(["CONFIG", "SET", "appendfsync", "sometimes"])
        .unwrap()
    else {
        panic!("accepted");
    };
    assert_eq!(
        error.to_string(),
        "ERR CONFIG SET failed (possibly related to argument 'appendfsync') - argument(s) must be one of the following: everysec, always, no"
    );
    let before = picture(&engine);
    drop(conn);
    drop(engine);
    assert_eq!(picture(&open(&dir, Fsync::EverySec)), before);

    // Without a file, the policy it would have is the only one.
    let mut plain = Engine::new().connect();
    assert_eq!(
        plain
            .call(["CONFIG", "SET", "appendfsync", "everysec"])
            .unwrap(),
        Reply::OK
    );
    assert!(plain
        .call(["CONFIG", "SET", "appendfsync", "always"])
        .unwrap()
        .is_error());
    let _ = std::fs::remove_dir_all(&dir);
}
