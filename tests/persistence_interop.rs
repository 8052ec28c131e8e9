//! The append-only file and the RDB snapshot against a real redis-server, both ways.
//!
//! - embedis's file, piped into redis-server with `redis-cli --pipe`, rebuilds the data
//!   embedis holds;
//! - a file redis-server wrote (Redis 7's multi-part `appendonlydir`, with and without an
//!   RDB base) starts an embedis engine holding the data redis-server holds, and a
//!   directory embedis wrote (base and incremental files) starts a redis-server holding
//!   the data embedis holds.
//!
//! - embedis's snapshot (SAVE) starts a redis-server as its `dump.rdb`, and a redis-server's
//!   SAVE starts an embedis engine built with `snapshot_file`.
//!
//! All compare every key: type, absolute deadline, string value; for streams the entries,
//! the metadata of XINFO STREAM, every group (XINFO GROUPS), its pending entries with owner
//! and delivery count (XPENDING; idle times differ), and its consumers' names and pending
//! counts.
//!
//! Needs `redis-server` and `redis-cli`: without them the tests are skipped loudly, except
//! in CI (`CI=true`), where that is a failure.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::plain::V;
use common::RespClient;
use embedis::{Connection, Engine, Fsync, Protocol, Reply};

/// One side of a comparison: runs a command, answers its RESP2 reply as data.
trait Side {
    fn exec(&mut self, argv: &[&str]) -> V;
}

impl Side for Connection {
    fn exec(&mut self, argv: &[&str]) -> V {
        let reply: Reply = self.call(argv.iter().copied()).expect("embedis reply");
        V::parse(&reply.to_resp(Protocol::Resp2)).0
    }
}

impl Side for RespClient {
    fn exec(&mut self, argv: &[&str]) -> V {
        let argv: Vec<Vec<u8>> = argv.iter().map(|a| a.as_bytes().to_vec()).collect();
        V::parse(&self.call(&argv).expect("redis-server reply")).0
    }
}

/// Every key of every database, as text: what both sides must agree on.
fn picture(side: &mut dyn Side) -> String {
    let mut out = String::new();
    for db in 0..16 {
        let db = db.to_string();
        assert_eq!(side.exec(&["SELECT", &db]).render(), "OK");
        let keys = database_picture(side);
        if !keys.is_empty() {
            out.push_str(&format!("database {db}:\n{keys}"));
        }
    }
    side.exec(&["SELECT", "0"]);
    out
}

/// [`picture`] of the selected database.
fn database_picture(side: &mut dyn Side) -> String {
    let mut keys: Vec<String> = side
        .exec(&["KEYS", "*"])
        .arr()
        .iter()
        .map(V::text)
        .collect();
    keys.sort();
    let mut out = String::new();
    for key in &keys {
        let kind = side.exec(&["TYPE", key]).render();
        let deadline = side.exec(&["PEXPIRETIME", key]).render();
        out.push_str(&format!("{key}: {kind}, expires at {deadline}\n"));
        if kind == "string" {
            out.push_str(&format!("  value {}\n", side.exec(&["GET", key]).render()));
            continue;
        }
        if kind == "set" {
            let members = side.exec(&["SMEMBERS", key]);
            let mut members: Vec<String> = members.arr().iter().map(V::render).collect();
            members.sort();
            out.push_str(&format!("  members {}\n", members.join(" ")));
            continue;
        }
        if kind == "list" {
            let elements = side.exec(&["LRANGE", key, "0", "-1"]);
            out.push_str(&format!("  elements {}\n", elements.render()));
            continue;
        }
        if kind == "zset" {
            let members = side.exec(&["ZRANGE", key, "0", "-1", "WITHSCORES"]);
            out.push_str(&format!("  members {}\n", members.render()));
            continue;
        }
        if kind == "hash" {
            // Field order is each server's own past 512 fields: compare sorted pairs.
            let flat = side.exec(&["HGETALL", key]);
            let flat = flat.arr();
            let mut pairs: Vec<String> = flat
                .chunks(2)
                .map(|pair| format!("{}={}", pair[0].render(), pair[1].render()))
                .collect();
            pairs.sort();
            out.push_str(&format!("  fields {}\n", pairs.join(" ")));
            continue;
        }
        out.push_str(&format!(
            "  entries {}\n",
            side.exec(&["XRANGE", key, "-", "+"]).render()
        ));
        let info = side.exec(&["XINFO", "STREAM", key]);
        for field in [
            "length",
            "last-generated-id",
            "max-deleted-entry-id",
            "entries-added",
            "recorded-first-entry-id",
            "groups",
        ] {
            out.push_str(&format!("  {field} {}\n", info.field_text(field)));
        }
        for group in side.exec(&["XINFO", "GROUPS", key]).arr() {
            let name = group.field_text("name");
            out.push_str(&format!("  group {name}:"));
            for field in [
                "consumers",
                "pending",
                "last-delivered-id",
                "entries-read",
                "lag",
            ] {
                out.push_str(&format!(" {field} {}", group.field_text(field)));
            }
            out.push('\n');
            for entry in side.exec(&["XPENDING", key, &name, "-", "+", "1000"]).arr() {
                let entry = entry.arr();
                // id, consumer, delivery count (entry[2] is the idle time, which differs).
                out.push_str(&format!(
                    "    pending {} owned by {} delivered {}\n",
                    entry[0].render(),
                    entry[1].render(),
                    entry[3].render()
                ));
            }
            for consumer in side.exec(&["XINFO", "CONSUMERS", key, &name]).arr() {
                out.push_str(&format!(
                    "    consumer {} pending {}\n",
                    consumer.field_text("name"),
                    consumer.field_text("pending")
                ));
            }
        }
    }
    out
}

/// A workload touching every kind of logged write. Run on either side.
fn workload(side: &mut dyn Side) {
    let script: &[&[&str]] = &[
        &["SET", "plain", "hello"],
        &["SET", "ttl", "v", "EX", "1000"],
        &["SET", "pttl", "v", "PX", "500000"],
        &["SETEX", "setex", "2000", "z"],
        &["HSET", "hash", "a", "1", "b", "2", "c", "3"],
        &["HMSET", "hash", "d", "4"],
        &["HDEL", "hash", "b"],
        &["HSETNX", "hash", "e", "5"],
        &["HINCRBY", "hash", "a", "41"],
        &["HINCRBYFLOAT", "hash", "f", "0.125"],
        &["EXPIRE", "hash", "3000"],
        &["HSET", "emptied", "x", "1"],
        &["HDEL", "emptied", "x"],
        &[
            "HSET",
            "long",
            "v",
            "a value longer than sixty-four bytes, so both servers convert the hash",
        ],
        &["ZADD", "board", "1", "a", "2.5", "b", "-inf", "c", "3", "d"],
        &["ZINCRBY", "board", "0.25", "a"],
        &["ZADD", "board", "GT", "CH", "2", "b", "4", "d"],
        &["ZREM", "board", "c"],
        &["ZADD", "window", "100", "r1", "200", "r2", "300", "r3"],
        &["ZREMRANGEBYSCORE", "window", "-inf", "(200"],
        &["ZPOPMAX", "window"],
        &["ZADD", "gone-set", "1", "x"],
        &["ZPOPMIN", "gone-set"],
        &["RPUSH", "queue", "j1", "j2", "j3", "j4"],
        &["LPUSH", "queue", "j0"],
        &["LMOVE", "queue", "processing", "LEFT", "RIGHT"],
        &["LREM", "queue", "1", "j3"],
        &["LSET", "queue", "0", "J1"],
        &["LINSERT", "queue", "AFTER", "J1", "j1.5"],
        &["LTRIM", "queue", "0", "1"],
        &["RPOP", "queue", "1"],
        &["LMPOP", "2", "nothing", "processing", "RIGHT", "COUNT", "5"],
        &["SADD", "tags", "rust", "redis", "queue"],
        &["SADD", "ints", "3", "1", "2"],
        &["SREM", "tags", "queue"],
        &["SMOVE", "ints", "tags", "2"],
        &["SUNIONSTORE", "all", "tags", "ints"],
        &["SINTERSTORE", "none", "tags", "nothing"],
        &["ZADD", "board", "3", "ann", "5", "bob"],
        &[
            "ZUNIONSTORE",
            "board2",
            "2",
            "board",
            "tags",
            "WEIGHTS",
            "2",
            "1",
        ],
        &["ZRANGESTORE", "top", "board2", "0", "0", "REV"],
        &["SETBIT", "active", "1000", "1"],
        &["SETRANGE", "active", "3", "xyz"],
        &[
            "BITFIELD", "active", "INCRBY", "u8", "#0", "200", "INCRBY", "u8", "#0", "100",
        ],
        &["BITOP", "NOT", "inactive", "active"],
        &[
            "FUNCTION",
            "LOAD",
            "REPLACE",
            "#!lua name=interop\nredis.register_function('bump', function(keys, args) return redis.call('INCRBY', keys[1], args[1]) end)",
        ],
        &["FCALL", "bump", "1", "fcalled", "7"],
        &["FCALL", "bump", "1", "fcalled", "5"],
        &["PFADD", "visitors", "alice", "bob", "carol"],
        &["PFCOUNT", "visitors"],
        &["PFADD", "visitors2", "carol", "dave"],
        &["PFDEBUG", "TODENSE", "visitors2"],
        &["PFMERGE", "visitors3", "visitors", "visitors2"],
        &["PFCOUNT", "visitors3"],
        &["SET", "counter", "10"],
        &["INCR", "counter"],
        &["INCRBY", "counter", "5"],
        &["DECR", "counter"],
        &["INCRBYFLOAT", "float", "1.25"],
        &["INCRBYFLOAT", "float", "0.5"],
        &["EXPIRE", "float", "4000"],
        &["INCRBYFLOAT", "float", "3"],
        &["APPEND", "plain", " world"],
        &["SET", "gone", "x"],
        &["DEL", "gone"],
        &["MSET", "m1", "a", "m2", "b"],
        &["EXPIRE", "m1", "3000"],
        &["PEXPIRE", "m1", "3500000"],
        &["RENAME", "m2", "m3"],
        &["SET", "persisted", "p", "EX", "100"],
        &["PERSIST", "persisted"],
        &["GETEX", "plain", "EX", "9000"],
        &["XADD", "st", "1-1", "f", "1"],
        &["XADD", "st", "1-2", "f", "2"],
        &["XADD", "st", "1-3", "f", "3"],
        &["XADD", "st", "1-4", "f", "4"],
        &["XADD", "st", "1-5", "f", "5"],
        &["XADD", "st", "1-6", "f", "6"],
        &["XADD", "st", "1-7", "f", "7"],
        &["XADD", "st", "1-8", "f", "8"],
        &["XADD", "st", "1-9", "f", "9"],
        &["XADD", "st", "1-10", "f", "10"],
        &["XDEL", "st", "1-2", "1-5"],
        &["XTRIM", "st", "MAXLEN", "7"],
        &["XGROUP", "CREATE", "st", "g1", "0"],
        &["XGROUP", "CREATE", "st", "g2", "$"],
        &["XGROUP", "CREATE", "empty", "g", "0", "MKSTREAM"],
        &[
            "XREADGROUP",
            "GROUP",
            "g1",
            "alice",
            "COUNT",
            "2",
            "STREAMS",
            "st",
            ">",
        ],
        &[
            "XREADGROUP",
            "GROUP",
            "g1",
            "bob",
            "COUNT",
            "3",
            "STREAMS",
            "st",
            ">",
        ],
        &[
            "XREADGROUP",
            "GROUP",
            "g1",
            "carol",
            "COUNT",
            "1",
            "STREAMS",
            "st",
            ">",
        ],
        &["XREADGROUP", "GROUP", "g1", "alice", "STREAMS", "st", "0"],
        &["XACK", "st", "g1", "1-4", "1-7"],
        &["XCLAIM", "st", "g1", "dave", "0", "1-6"],
        &["XCLAIM", "st", "g1", "alice", "0", "1-8", "JUSTID"],
        &["XAUTOCLAIM", "st", "g1", "erin", "0", "0", "COUNT", "1"],
        &["XGROUP", "CREATECONSUMER", "st", "g1", "frank"],
        &["XGROUP", "SETID", "st", "g2", "1-6", "ENTRIESREAD", "3"],
        &["XREADGROUP", "GROUP", "g2", "zed", "STREAMS", "st", ">"],
        &[
            "XREADGROUP",
            "GROUP",
            "g1",
            "alice",
            "NOACK",
            "COUNT",
            "1",
            "STREAMS",
            "st",
            ">",
        ],
        &["XGROUP", "DELCONSUMER", "st", "g1", "carol"],
        &["XADD", "auto", "*", "a", "1"],
        &["XADD", "auto", "MAXLEN", "=", "2", "*", "a", "2"],
        &["XADD", "auto", "*", "a", "3"],
        &["XADD", "auto", "MAXLEN", "~", "1", "*", "a", "4"],
        &["XADD", "auto", "MINID", "~", "0", "*", "a", "5"],
        &["XTRIM", "auto", "MAXLEN", "3"],
        &["EXPIRE", "auto", "5000"],
        &[
            "XSETID",
            "empty",
            "5-5",
            "ENTRIESADDED",
            "3",
            "MAXDELETEDID",
            "4-4",
        ],
        &["XADD", "dropped", "*", "a", "b"],
        &["XGROUP", "CREATE", "dropped", "g", "0"],
        &["XGROUP", "DESTROY", "dropped", "g"],
        &["MULTI"],
        &["INCR", "tx"],
        &["SET", "txs", "v", "PX", "100000"],
        &["XADD", "st", "*", "f", "tx"],
        &["XREADGROUP", "GROUP", "g2", "yan", "STREAMS", "st", ">"],
        &["EXEC"],
        // Other databases: the file must say which each write goes to.
        &["SELECT", "4"],
        &["SET", "plain", "in four"],
        &["INCR", "four"],
        &["EXPIRE", "four", "6000"],
        &["XADD", "st", "2-1", "f", "in four"],
        &["XGROUP", "CREATE", "st", "g4", "0"],
        &["XREADGROUP", "GROUP", "g4", "quinn", "STREAMS", "st", ">"],
        &["MULTI"],
        &["SET", "before", "in four"],
        &["SELECT", "11"],
        &["SET", "after", "in eleven"],
        &["EXEC"],
        &["SET", "still", "in eleven"],
        &["SELECT", "15"],
        &["SET", "fleeting", "x"],
        &["FLUSHDB"],
        &["SELECT", "0"],
        &["SET", "back", "in zero"],
        // Keys between databases.
        &["MOVE", "back", "12"],
        &["SET", "copied", "c", "EX", "7000"],
        &["COPY", "copied", "copied", "DB", "13"],
        &["COPY", "st", "st-copy"],
        &["COPY", "st", "st", "DB", "14", "REPLACE"],
        &["SWAPDB", "13", "14"],
        &["SWAPDB", "4", "9"],
    ];
    for argv in script {
        if let V::Err(error) = side.exec(argv) {
            panic!("{argv:?}: {error}");
        }
    }
}

/// Reports where two pictures first differ, with both in full.
fn assert_same(expected: &str, actual: &str, what: &str) {
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{what}: the pictures differ from line {line}\n--- expected ---\n{expected}\n\
             --- actual ---\n{actual}"
        );
    }
}

#[test]
fn an_embedis_file_piped_into_redis_server_rebuilds_the_same_data() {
    let Some(redis_cli) = common::tool("redis-cli", "the AOF interop tests") else {
        return;
    };
    let Some(lease) = common::lease() else {
        return;
    };
    lease.reset();
    let dir = common::temp_dir("interop", "to-redis");
    let path = dir.join("appendonly.aof");
    let engine = Engine::builder()
        .append_only(&path, Fsync::Always)
        .try_build()
        .expect("engine");
    let mut conn = engine.connect();
    workload(&mut conn);

    common::pipe_into_redis(
        &redis_cli,
        lease.port(),
        &std::fs::read(&path).expect("the file"),
    );

    let expected = picture(&mut conn);
    assert!(expected.contains("consumer alice"), "{expected}");
    let actual = picture(&mut lease.client());
    assert_same(
        &expected,
        &actual,
        "redis-server after loading embedis's file",
    );
    drop(conn);
    drop(engine);
    lease.reset();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A private redis-server persisting to `dir`, killed by its pid when dropped.
struct PersistingServer {
    child: Child,
    port: u16,
}

/// redis-server's options for an append-only file only: every write logged, no preamble.
const AOF_OPTIONS: &[&str] = &[
    "--appendonly",
    "yes",
    "--aof-use-rdb-preamble",
    "no",
    "--appendfsync",
    "always",
    "--save",
    "",
];

/// redis-server's options for `dump.rdb` only: loaded at the start, written by SAVE.
const RDB_OPTIONS: &[&str] = &[
    "--appendonly",
    "no",
    "--save",
    "",
    "--dbfilename",
    "dump.rdb",
];

impl PersistingServer {
    fn start(binary: &Path, dir: &Path, options: &[&str]) -> PersistingServer {
        let mut last = String::new();
        for _ in 0..5 {
            let port = common::free_port();
            let mut child = Command::new(binary)
                .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
                .args(options)
                .arg("--dir")
                .arg(dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start redis-server");
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                if let Ok(Some(status)) = child.try_wait() {
                    last = format!("exited: {status}");
                    break;
                }
                if let Ok(mut client) = RespClient::connect(port)
                    && client.call(&[b"PING".to_vec()]).ok().as_deref() == Some(b"+PONG\r\n")
                {
                    return PersistingServer { child, port };
                }
                if Instant::now() > deadline {
                    last = "no PONG".into();
                    let _ = child.kill();
                    let _ = child.wait();
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("the persisting redis-server did not start: {last}");
    }
}

impl Drop for PersistingServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Redis 7's multi-part append-only file joined into one: the base file, then the
/// incremental files by sequence number, as the manifest lists them. The tests count and
/// show the commands from it; embedis itself starts on the directory.
fn join_redis_aof(dir: &Path) -> Vec<u8> {
    let aof_dir = dir.join("appendonlydir");
    let manifest = std::fs::read_dir(&aof_dir)
        .expect("appendonlydir")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "manifest"))
        .expect("a manifest");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    // Lines of `file <name> seq <n> type <b|h|i>`; history files are not part of the data.
    let mut parts: Vec<(u8, u64, String)> = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let value = |key: &str| {
            words
                .chunks(2)
                .find(|pair| pair[0] == key)
                .and_then(|pair| pair.get(1))
                .map(|value| value.to_string())
        };
        let (Some(name), Some(seq), Some(kind)) = (value("file"), value("seq"), value("type"))
        else {
            panic!("manifest line {line:?}");
        };
        let order = match kind.as_str() {
            "b" => 0,
            "i" => 1,
            _ => continue,
        };
        parts.push((order, seq.parse().expect("seq"), name));
    }
    parts.sort();
    assert!(
        parts.iter().any(|part| part.0 == 1),
        "no incremental file: {text}"
    );
    let mut joined = Vec::new();
    for (_, _, name) in parts {
        joined.extend(std::fs::read(aof_dir.join(name)).expect("an AOF part"));
    }
    joined
}

/// A copy of redis-server's `appendonlydir` (an engine started on it appends to it).
fn copy_of_redis_aof(dir: &Path) -> std::path::PathBuf {
    let copy = dir.join("embedis-copy");
    std::fs::create_dir_all(&copy).expect("copy dir");
    for entry in std::fs::read_dir(dir.join("appendonlydir")).expect("appendonlydir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), copy.join(entry.file_name())).expect("copy");
    }
    copy
}

/// The commands of a RESP file, for diagnostics.
fn commands_of(data: &[u8]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let (value, used) = V::parse(&data[at..]);
        out.push(value.arr().iter().map(V::text).collect());
        at += used;
    }
    out
}

#[test]
fn a_redis_server_file_starts_embedis_with_the_same_data() {
    let Some(redis_server) = common::tool("redis-server", "the AOF interop tests") else {
        return;
    };
    let dir = common::temp_dir("interop", "from-redis");
    let server = PersistingServer::start(&redis_server, &dir, AOF_OPTIONS);
    let mut client = RespClient::connect(server.port).expect("connect");
    workload(&mut client);
    let live = picture(&mut client);
    assert!(live.contains("consumer alice"), "{live}");
    // appendfsync always: every reply above came after its write reached the file.
    let joined = join_redis_aof(&dir);
    drop(client);
    drop(server);
    // The oracle is what redis-server itself loads from its file: a redis-server restarted
    // on the same directory. Where that differs from what it held before (Redis 7.0 logs a
    // group read as XCLAIM ... LASTID, which does not carry the group's entries-read), the
    // difference is Redis's own and is shown, not asserted.
    let restarted = PersistingServer::start(&redis_server, &dir, AOF_OPTIONS);
    let expected = picture(&mut RespClient::connect(restarted.port).expect("connect"));
    drop(restarted);
    if expected != live {
        let differences: Vec<String> = live
            .lines()
            .zip(expected.lines())
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("  before restart: {a}\n  after restart:  {b}"))
            .collect();
        eprintln!(
            "redis-server does not reload exactly what it held:\n{}",
            differences.join("\n")
        );
    }

    // embedis starts on (a copy of) redis-server's directory as it is.
    let path = copy_of_redis_aof(&dir);
    let commands = commands_of(&joined);
    let engine = match Engine::builder().append_only(&path, Fsync::No).try_build() {
        Ok(engine) => engine,
        Err(error) => panic!(
            "embedis refuses redis-server's file: {error}\n{}",
            commands
                .iter()
                .map(|c| c.join(" "))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let report = engine.recovery().expect("report").clone();
    if report.failed > 0 {
        // Which ones: replay the commands one by one on a bare engine, outside MULTI.
        let bare = Engine::new();
        let mut conn = bare.connect();
        let failing: Vec<String> = commands
            .iter()
            .filter(|c| c[0] != "MULTI" && c[0] != "EXEC")
            .filter_map(|c| {
                let argv: Vec<&str> = c.iter().map(String::as_str).collect();
                match Side::exec(&mut conn, &argv) {
                    V::Err(error) => Some(format!("{} -> {error}", c.join(" "))),
                    _ => None,
                }
            })
            .collect();
        panic!(
            "{} of redis-server's commands fail on embedis:\n{}",
            report.failed,
            failing.join("\n")
        );
    }
    assert_eq!(report.commands as usize, commands.len());
    assert_eq!(report.truncated_bytes, 0);
    let actual = picture(&mut engine.connect());
    assert_same(
        &expected,
        &actual,
        "embedis after loading redis-server's file",
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

/// redis-server's defaults for an append-only file: a rewrite writes the dataset as an
/// RDB file (the base), and the writes after it are commands (the increment).
const PREAMBLE_OPTIONS: &[&str] = &[
    "--appendonly",
    "yes",
    "--aof-use-rdb-preamble",
    "yes",
    "--appendfsync",
    "always",
    "--save",
    "",
];

#[test]
fn a_redis_server_file_with_an_rdb_preamble_starts_embedis_with_the_same_data() {
    let Some(redis_server) = common::tool("redis-server", "the AOF interop tests") else {
        return;
    };
    let dir = common::temp_dir("interop", "preamble");
    let server = PersistingServer::start(&redis_server, &dir, PREAMBLE_OPTIONS);
    let mut client = RespClient::connect(server.port).expect("connect");
    workload(&mut client);
    // The dataset so far becomes the RDB base; what follows is logged as commands.
    client.exec(&["BGREWRITEAOF"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let V::Str(info) = client.exec(&["INFO", "persistence"]) else {
            panic!("INFO is text");
        };
        let info = String::from_utf8_lossy(&info).into_owned();
        if info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the rewrite never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for argv in [
        &["SET", "after-rewrite", "1", "EX", "3600"][..],
        &["XADD", "orders", "*", "item", "after"],
        &["HSET", "after-hash", "f", "v"],
        &["DEL", "counter"],
    ] {
        client.exec(argv);
    }
    let joined = join_redis_aof(&dir);
    assert!(joined.starts_with(b"REDIS"), "the base is not an RDB file");
    drop(client);
    drop(server);
    let restarted = PersistingServer::start(&redis_server, &dir, PREAMBLE_OPTIONS);
    let expected = picture(&mut RespClient::connect(restarted.port).expect("connect"));
    drop(restarted);
    assert!(expected.contains("after-hash"), "{expected}");

    let path = copy_of_redis_aof(&dir);
    let engine = match Engine::builder().append_only(&path, Fsync::No).try_build() {
        Ok(engine) => engine,
        Err(error) => panic!("embedis refuses redis-server's file with a preamble: {error}"),
    };
    let report = engine.recovery().expect("report").clone();
    assert_eq!(report.failed, 0);
    assert_eq!(report.truncated_bytes, 0);
    assert_eq!(report.bytes as usize, joined.len());
    assert_same(
        &expected,
        &picture(&mut engine.connect()),
        "embedis after loading redis-server's file with an RDB preamble",
    );
    // The engine appends to the directory as it found it, and starts on it again.
    engine
        .connect()
        .call(["SET", "by-embedis", "1"])
        .expect("set");
    drop(engine);
    let engine = Engine::builder()
        .append_only(&path, Fsync::No)
        .try_build()
        .expect("embedis restarts on its own appends");
    assert_eq!(
        engine.connect().call(["GET", "by-embedis"]).expect("get"),
        Reply::bulk("1")
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_embedis_directory_starts_redis_server_with_the_same_data() {
    let Some(redis_server) = common::tool("redis-server", "the AOF interop tests") else {
        return;
    };
    let dir = common::temp_dir("interop", "directory-to-redis");
    let aof_dir = dir.join("appendonlydir");
    std::fs::create_dir_all(&aof_dir).expect("appendonlydir");
    let engine = Engine::builder()
        .append_only(&aof_dir, Fsync::Always)
        .try_build()
        .expect("engine");
    let mut conn = engine.connect();
    // Half the data in the base (a rewrite), the rest in the incremental file after it.
    workload(&mut conn);
    engine.rewrite_append_only().expect("rewrite");
    for argv in [
        &["SET", "after-rewrite", "1", "EX", "3600"][..],
        &["XADD", "orders", "*", "item", "after"],
        &["HSET", "after-hash", "f", "v"],
        &["DEL", "counter"],
        &["SELECT", "4"],
        &["SET", "in-four-later", "y"],
    ] {
        conn.exec(argv);
    }
    conn.call(["SELECT", "0"]).expect("select");
    let expected = picture(&mut conn);
    assert!(expected.contains("after-hash"), "{expected}");
    drop(conn);
    drop(engine); // finishes the rewrite
    let manifest =
        std::fs::read_to_string(aof_dir.join("appendonly.aof.manifest")).expect("manifest");
    assert!(
        manifest.contains("type b") && manifest.contains("type i"),
        "{manifest}"
    );

    let server = PersistingServer::start(&redis_server, &dir, AOF_OPTIONS);
    let mut client = RespClient::connect(server.port).expect("connect");
    assert_same(
        &expected,
        &picture(&mut client),
        "redis-server started on embedis's append-only directory",
    );
    // redis-server appends to it in turn, and embedis starts on what it left.
    client.exec(&["SET", "by-redis", "1"]);
    drop(client);
    drop(server);
    let engine = Engine::builder()
        .append_only(&aof_dir, Fsync::No)
        .try_build()
        .expect("embedis starts on the directory redis-server appended to");
    assert_eq!(
        engine.connect().call(["GET", "by-redis"]).expect("get"),
        Reply::bulk("1")
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_embedis_snapshot_starts_redis_server_with_the_same_data() {
    let Some(redis_server) = common::tool("redis-server", "the RDB interop tests") else {
        return;
    };
    let dir = common::temp_dir("interop", "rdb-to-redis");
    let engine = Engine::builder()
        .snapshot_file(dir.join("dump.rdb"))
        .try_build()
        .expect("engine");
    let mut conn = engine.connect();
    workload(&mut conn);
    assert_eq!(Side::exec(&mut conn, &["SAVE"]).render(), "OK");
    let expected = picture(&mut conn);
    assert!(expected.contains("consumer alice"), "{expected}");
    let functions = Side::exec(&mut conn, &["FUNCTION", "LIST", "WITHCODE"]).render();
    assert!(functions.contains("interop"), "{functions}");

    let server = PersistingServer::start(&redis_server, &dir, RDB_OPTIONS);
    let mut client = RespClient::connect(server.port).expect("connect");
    assert_same(
        &expected,
        &picture(&mut client),
        "redis-server started on embedis's snapshot",
    );
    assert_eq!(
        client.exec(&["FUNCTION", "LIST", "WITHCODE"]).render(),
        functions
    );
    assert_eq!(
        client
            .exec(&["FCALL", "bump", "1", "fcalled", "1"])
            .render(),
        "13"
    );
    drop(client);
    drop(server);
    drop(conn);
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_redis_server_snapshot_starts_embedis_with_the_same_data() {
    let Some(redis_server) = common::tool("redis-server", "the RDB interop tests") else {
        return;
    };
    let dir = common::temp_dir("interop", "rdb-from-redis");
    let server = PersistingServer::start(&redis_server, &dir, RDB_OPTIONS);
    let mut client = RespClient::connect(server.port).expect("connect");
    workload(&mut client);
    let expected = picture(&mut client);
    assert!(expected.contains("consumer alice"), "{expected}");
    let functions = client.exec(&["FUNCTION", "LIST", "WITHCODE"]).render();
    assert_eq!(client.exec(&["SAVE"]).render(), "OK");
    drop(client);
    drop(server);

    let engine = match Engine::builder()
        .snapshot_file(dir.join("dump.rdb"))
        .try_build()
    {
        Ok(engine) => engine,
        Err(error) => panic!("embedis refuses redis-server's dump.rdb: {error}"),
    };
    let mut conn = engine.connect();
    assert_same(
        &expected,
        &picture(&mut conn),
        "embedis started on redis-server's snapshot",
    );
    assert_eq!(
        Side::exec(&mut conn, &["FUNCTION", "LIST", "WITHCODE"]).render(),
        functions
    );
    // And back: embedis's own snapshot of what it loaded reads as the same data.
    assert_eq!(Side::exec(&mut conn, &["SAVE"]).render(), "OK");
    drop(conn);
    drop(engine);
    let reloaded = Engine::builder()
        .snapshot_file(dir.join("dump.rdb"))
        .try_build()
        .expect("embedis's own snapshot");
    assert_same(
        &expected,
        &picture(&mut reloaded.connect()),
        "embedis started on its own snapshot of redis-server's",
    );
    drop(reloaded);
    let _ = std::fs::remove_dir_all(&dir);
}

/// An RDB file written the way Redis 6.2 and earlier wrote small collections, built here
/// byte by byte from the format: ziplists, zipmaps, the first quicklists, the first
/// sorted-set encoding, linked lists; stored checksum 0 (`rdbchecksum no`).
mod old_rdb {
    /// A length in RDB's variable-size form.
    pub fn length(out: &mut Vec<u8>, len: usize) {
        if len < 64 {
            out.push(len as u8);
        } else if len < 16384 {
            out.extend_from_slice(&[0x40 | (len >> 8) as u8, len as u8]);
        } else {
            out.push(0x80);
            out.extend_from_slice(&(len as u32).to_be_bytes());
        }
    }

    pub fn string(out: &mut Vec<u8>, bytes: &[u8]) {
        length(out, bytes.len());
        out.extend_from_slice(bytes);
    }

    /// One ziplist entry's encoding and data: integers in the smallest integer encoding
    /// (4-bit immediates included), other strings by length.
    fn entry(element: &str) -> Vec<u8> {
        if let Ok(n) = element.parse::<i64>()
            && n.to_string() == element
        {
            return match n {
                0..=12 => vec![0xf1 + n as u8],
                -128..=127 => vec![0xfe, n as i8 as u8],
                -32768..=32767 => [vec![0xc0], (n as i16).to_le_bytes().to_vec()].concat(),
                -8_388_608..=8_388_607 => {
                    [vec![0xf0], (n as i32).to_le_bytes()[..3].to_vec()].concat()
                }
                n if i32::try_from(n).is_ok() => {
                    [vec![0xd0], (n as i32).to_le_bytes().to_vec()].concat()
                }
                n => [vec![0xe0], n.to_le_bytes().to_vec()].concat(),
            };
        }
        let len = element.len();
        let mut out = if len < 64 {
            vec![len as u8]
        } else if len < 16384 {
            vec![0x40 | (len >> 8) as u8, len as u8]
        } else {
            [vec![0x80], (len as u32).to_be_bytes().to_vec()].concat()
        };
        out.extend_from_slice(element.as_bytes());
        out
    }

    pub fn ziplist(elements: &[&str]) -> Vec<u8> {
        let mut body = Vec::new();
        let (mut previous, mut tail) = (0usize, 10usize);
        for element in elements {
            tail = 10 + body.len();
            if previous < 254 {
                body.push(previous as u8);
            } else {
                body.push(0xfe);
                body.extend_from_slice(&(previous as u32).to_le_bytes());
            }
            body.extend_from_slice(&entry(element));
            previous = 10 + body.len() - tail;
        }
        let mut out = Vec::new();
        out.extend_from_slice(&((body.len() + 11) as u32).to_le_bytes());
        out.extend_from_slice(&(tail as u32).to_le_bytes());
        out.extend_from_slice(&(elements.len() as u16).to_le_bytes());
        out.extend_from_slice(&body);
        out.push(0xff);
        out
    }

    /// A zipmap of `pairs`, each value followed by `free` unused bytes.
    pub fn zipmap(pairs: &[(&str, &str)], free: u8) -> Vec<u8> {
        let mut out = vec![pairs.len() as u8];
        for (field, value) in pairs {
            out.push(field.len() as u8);
            out.extend_from_slice(field.as_bytes());
            out.extend_from_slice(&[value.len() as u8, free]);
            out.extend_from_slice(value.as_bytes());
            out.extend(std::iter::repeat_n(0u8, usize::from(free)));
        }
        out.push(0xff);
        out
    }

    /// A key of type `kind` whose object is `body`, with a deadline if any.
    pub fn key(out: &mut Vec<u8>, kind: u8, name: &str, body: &[u8], deadline_ms: Option<u64>) {
        if let Some(at) = deadline_ms {
            out.push(0xfc);
            out.extend_from_slice(&at.to_le_bytes());
        }
        out.push(kind);
        string(out, name.as_bytes());
        out.extend_from_slice(body);
    }
}

#[test]
fn an_old_redis_snapshot_loads_as_redis_server_loads_it() {
    use old_rdb::{key, length, string, ziplist, zipmap};
    let Some(redis_server) = common::tool("redis-server", "the RDB interop tests") else {
        return;
    };
    let long = "a value of more than sixty-three bytes, so its length takes two bytes......";
    let numbers = [
        "0",
        "12",
        "13",
        "-1",
        "-129",
        "300",
        "-40000",
        "8388607",
        "2147483648",
    ];
    let mut file = b"REDIS0009".to_vec();
    file.extend_from_slice(&[0xfe, 0]); // SELECTDB 0
    let wrapped = |bytes: Vec<u8>| {
        let mut body = Vec::new();
        string(&mut body, &bytes);
        body
    };
    key(
        &mut file,
        13,
        "hash-ziplist",
        &wrapped(ziplist(&["a", "1", "b", long, "c", "-5000000000"])),
        Some(4_102_444_800_000),
    );
    // A valid ziplist sorted set is in score order; redis-server keeps the file's order.
    key(
        &mut file,
        12,
        "zset-ziplist",
        &wrapped(ziplist(&["m3", "-inf", "m1", "1.5", "m2", "2"])),
        None,
    );
    key(
        &mut file,
        10,
        "list-ziplist",
        &wrapped(ziplist(&numbers)),
        None,
    );
    let mut quicklist = Vec::new();
    length(&mut quicklist, 2);
    string(&mut quicklist, &ziplist(&["first", "node", long]));
    string(&mut quicklist, &ziplist(&["second", "7"]));
    key(&mut file, 14, "list-quicklist", &quicklist, None);
    key(
        &mut file,
        9,
        "hash-zipmap",
        &wrapped(zipmap(&[("f1", "v1"), ("f2", "")], 3)),
        None,
    );
    let mut linked = Vec::new();
    length(&mut linked, 3);
    for element in ["x", "y", "100"] {
        string(&mut linked, element.as_bytes());
    }
    key(&mut file, 1, "list-linked", &linked, None);
    let mut first_zset = Vec::new();
    length(&mut first_zset, 3);
    for (member, score) in [
        ("low", &[255][..]),
        ("high", &[254][..]),
        ("mid", &b"\x042.25"[..]),
    ] {
        string(&mut first_zset, member.as_bytes());
        first_zset.extend_from_slice(score);
    }
    key(&mut file, 3, "zset-first", &first_zset, None);
    let mut set = Vec::new();
    length(&mut set, 2);
    string(&mut set, b"one");
    string(&mut set, b"two");
    key(&mut file, 2, "set-plain", &set, None);
    // Empty collections, which servers before 7.0 could save: redis-server skips them.
    let mut nothing = Vec::new();
    length(&mut nothing, 0);
    key(&mut file, 2, "empty-set", &nothing, Some(4_102_444_800_000));
    key(&mut file, 1, "empty-list", &nothing, None);
    key(
        &mut file,
        10,
        "empty-list-ziplist",
        &wrapped(ziplist(&[])),
        None,
    );
    key(
        &mut file,
        13,
        "empty-hash-ziplist",
        &wrapped(ziplist(&[])),
        None,
    );
    key(
        &mut file,
        0,
        "string",
        &wrapped(long.as_bytes().to_vec()),
        Some(4_102_444_800_000),
    );
    file.push(0xff);
    file.extend_from_slice(&[0; 8]); // rdbchecksum no

    let dir = common::temp_dir("interop", "rdb-old");
    std::fs::write(dir.join("dump.rdb"), &file).expect("write");
    let server = PersistingServer::start(&redis_server, &dir, RDB_OPTIONS);
    let expected = picture(&mut RespClient::connect(server.port).expect("connect"));
    drop(server);
    for name in [
        "hash-ziplist",
        "list-quicklist",
        "hash-zipmap",
        "zset-first",
    ] {
        assert!(
            expected.contains(name),
            "redis-server did not load {name}:\n{expected}"
        );
    }
    assert!(
        !expected.contains("empty-"),
        "redis-server kept an empty collection:\n{expected}"
    );
    std::fs::write(dir.join("dump.rdb"), &file).expect("write");
    let engine = match Engine::builder()
        .snapshot_file(dir.join("dump.rdb"))
        .try_build()
    {
        Ok(engine) => engine,
        Err(error) => panic!("embedis refuses the old snapshot: {error}"),
    };
    assert_same(
        &expected,
        &picture(&mut engine.connect()),
        "embedis started on an old-format snapshot",
    );
    drop(engine);
    let _ = std::fs::remove_dir_all(&dir);
}
