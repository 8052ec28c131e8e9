//! Lua scripts beyond what the differential tables compare: atomicity under threads, the
//! append-only file holding a script's effects (never the script), one instant of the
//! engine clock per script, and the typed API.

#![cfg(feature = "lua")]

mod common;

use common::replies::parses_as;

use std::time::Duration;

use embedis::cmd::{Eval, Script};
use embedis::{Engine, Error, Fsync, ManualClock, Reply};

/// A check-and-increment that is only correct if nothing runs between its GET and its SET.
const RESERVE: &str = r#"
local taken = tonumber(redis.call('GET', KEYS[1]) or '0')
if taken >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], taken + 1)
return 1
"#;

#[test]
fn a_script_is_atomic_against_every_other_connection() {
    let engine = Engine::new();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let engine = engine.clone();
            std::thread::spawn(move || {
                let mut conn = engine.connect();
                let mut won = 0;
                for _ in 0..500 {
                    match conn
                        .run(Eval::new(RESERVE).keys(["seats"]).args(["1000"]))
                        .unwrap()
                    {
                        Reply::Integer(n) => won += n,
                        other => panic!("EVAL replied {other:?}"),
                    }
                }
                won
            })
        })
        .collect();
    let won: i64 = threads.into_iter().map(|t| t.join().unwrap()).sum();
    // 2,000 attempts at 1,000 seats: exactly 1,000 succeed, never one more.
    assert_eq!(won, 1_000);
    let mut conn = engine.connect();
    assert_eq!(conn.call(["GET", "seats"]).unwrap(), Reply::bulk("1000"));
}

#[test]
fn the_append_only_file_replays_a_scripts_effects_not_the_script() {
    let dir = common::temp_dir("aof", "scripts");
    let path = dir.join("appendonly.aof");
    let clock = ManualClock::new();
    let open = || {
        Engine::builder()
            .clock(clock.clone())
            .append_only(&path, Fsync::Always)
            .try_build()
            .expect("engine starts on its file")
    };
    let engine = open();
    let mut conn = engine.connect();
    let script = "redis.call('SET', KEYS[1], ARGV[1]) \
                  redis.call('HSET', KEYS[2], 'f', redis.call('INCR', KEYS[3])) \
                  redis.call('PEXPIRE', KEYS[1], 60000) \
                  return redis.call('TIME')[1]";
    conn.call(["EVAL", script, "3", "s", "h", "n", "v"])
        .unwrap();
    // A failed script keeps what it wrote before failing, as on Redis.
    let failing = "redis.call('SET', KEYS[1], 'half') return redis.call('INCR', KEYS[2])";
    let reply = conn.call(["EVAL", failing, "2", "partial", "h"]).unwrap();
    assert!(matches!(reply, Reply::Error(_)), "{reply:?}");
    drop(conn);
    engine.shutdown();
    let file = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&file);
    assert!(!text.contains("EVAL"), "the file holds the script: {text}");
    assert!(
        text.contains("MULTI"),
        "a script's writes replay together: {text}"
    );
    let engine = open();
    let mut conn = engine.connect();
    assert_eq!(conn.call(["GET", "s"]).unwrap(), Reply::bulk("v"));
    assert_eq!(conn.call(["HGET", "h", "f"]).unwrap(), Reply::bulk("1"));
    assert_eq!(conn.call(["GET", "partial"]).unwrap(), Reply::bulk("half"));
    assert!(matches!(conn.call(["PTTL", "s"]).unwrap(), Reply::Integer(ms) if ms > 59_000));
    // The restarted engine has no scripts: EVALSHA needs a SCRIPT LOAD again, as after a
    // redis-server restart.
    let sha = "e0e1f9fabfc9d4800c877a703b823ac0578ff8db";
    assert!(matches!(
        conn.call(["EVALSHA", sha, "0"]).unwrap(),
        Reply::Error(Error::Script(text)) if text.starts_with("NOSCRIPT")
    ));
}

#[test]
fn a_script_sees_one_instant_of_the_engine_clock() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    let script = "local a = redis.call('TIME') \
                  redis.call('SET', 'k', 'v', 'PX', 1) \
                  local b = redis.call('TIME') \
                  return {a[1] == b[1] and a[2] == b[2], redis.call('EXISTS', 'k')}";
    let reply = conn.call(["EVAL", script, "0"]).unwrap();
    assert_eq!(
        reply,
        Reply::Array(vec![Reply::Integer(1), Reply::Integer(1)])
    );
    clock.advance(Duration::from_millis(2));
    assert_eq!(conn.call(["EXISTS", "k"]).unwrap(), Reply::Integer(0));
}

#[test]
fn scripts_run_inside_transactions_and_pipelines() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.call(["MULTI"]).unwrap();
    let queued = conn
        .call(["EVAL", "return redis.call('INCR', KEYS[1])", "1", "n"])
        .unwrap();
    assert_eq!(queued, Reply::status("QUEUED"));
    conn.call(["INCR", "n"]).unwrap();
    assert_eq!(
        conn.call(["EXEC"]).unwrap(),
        Reply::Array(vec![Reply::Integer(1), Reply::Integer(2)])
    );
    let replies = embedis::Pipeline::new()
        .cmd(["SCRIPT", "LOAD", "return KEYS[1]"])
        .cmd([
            "EVALSHA",
            "8b8e0a6d3e1d8e50e89bbc5d2b5e7e0bd3b9e3d2",
            "1",
            "x",
        ])
        .execute(&mut conn)
        .unwrap();
    assert!(matches!(&replies[0], Reply::Bulk(sha) if sha.len() == 40));
    assert!(matches!(&replies[1], Reply::Error(_)));
}

#[test]
fn a_script_that_never_ends_is_stopped_and_the_engine_serves_on() {
    let engine = Engine::builder()
        .script_time_limit(Duration::from_millis(100))
        .build();
    let mut conn = engine.connect();
    let endless = "redis.call('SET', 'before', '1') \
                   local n = 0 while true do n = n + 1 end";
    let reply = conn.call(["EVAL", endless, "0"]).unwrap();
    let Reply::Error(Error::Script(text)) = reply else {
        panic!("EVAL replied {reply:?}")
    };
    assert!(text.starts_with("ERR embedis: script stopped"), "{text}");
    assert!(text.ends_with("on @user_script:1."), "{text}");
    // A pcall inside cannot keep it alive for ever either.
    let stubborn = "while true do pcall(function() while true do end end) end";
    assert!(matches!(
        conn.call(["EVAL", stubborn, "0"]).unwrap(),
        Reply::Error(_)
    ));
    // What it wrote before stays; the engine and the interpreter go on.
    assert_eq!(conn.call(["GET", "before"]).unwrap(), Reply::bulk("1"));
    assert_eq!(
        conn.call(["EVAL", "return 7", "0"]).unwrap(),
        Reply::Integer(7)
    );
}

#[test]
fn a_script_cannot_take_more_than_its_memory_limit() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    // 40 strings of 32 MiB: past the interpreter's 1 GiB.
    let hungry = "local t = {} for i = 1, 40 do t[i] = string.rep('x', 2^25) .. i end return #t";
    let reply = conn.call(["EVAL", hungry, "0"]).unwrap();
    let Reply::Error(Error::Script(text)) = reply else {
        panic!("EVAL replied {reply:?}")
    };
    assert!(text.ends_with("not enough memory"), "{text}");
    // The memory is back: the next scripts run.
    assert_eq!(
        conn.call(["EVAL", "return #string.rep('y', 2^20)", "0"])
            .unwrap(),
        Reply::Integer(1 << 20)
    );
}

#[test]
fn the_typed_api_builds_what_argv_parses() {
    parses_as(
        &["EVAL", "return 1", "1", "k", "a", "b"],
        Eval::new("return 1").keys(["k"]).args(["a", "b"]),
    );
    let sha = "e0e1f9fabfc9d4800c877a703b823ac0578ff8db";
    parses_as(
        &["EVALSHA_RO", sha, "0", "a"],
        Eval::sha(sha).args(["a"]).read_only(),
    );
    parses_as(&["SCRIPT", "LOAD", "return 1"], Script::load("return 1"));
    parses_as(&["SCRIPT", "FLUSH", "async"], Script::flush());
    parses_as(&["SCRIPT", "EXISTS", "a", "b"], Script::exists(["a", "b"]));
}

#[test]
fn a_closure_and_a_script_share_the_script_cache_and_the_data() {
    let engine = Engine::new();
    let sha = engine
        .atomically(|db| db.call(["SCRIPT", "LOAD", "return redis.call('GET', KEYS[1])"]))
        .unwrap();
    let Reply::Bulk(sha) = sha else {
        panic!("SCRIPT LOAD replied {sha:?}")
    };
    let mut conn = engine.connect();
    conn.call(["SET", "k", "v"]).unwrap();
    assert_eq!(
        conn.run(Eval::sha(sha).keys(["k"])).unwrap(),
        Reply::bulk("v")
    );
}

/// CONFIG GET reports the script time limit the engine was built with, under both names.
#[test]
fn config_get_reports_the_engines_script_time_limit() {
    let engine = Engine::builder()
        .script_time_limit(std::time::Duration::from_millis(250))
        .build();
    let mut conn = engine.connect();
    assert_eq!(
        conn.call(["CONFIG", "GET", "busy-reply-threshold"])
            .unwrap(),
        Reply::Map(vec![(
            Reply::bulk("busy-reply-threshold"),
            Reply::bulk("250")
        )])
    );
    assert_eq!(
        conn.call(["CONFIG", "GET", "lua-time-limit"]).unwrap(),
        Reply::Map(vec![(Reply::bulk("lua-time-limit"), Reply::bulk("250"))])
    );
    assert!(conn
        .call(["CONFIG", "SET", "lua-time-limit", "5000"])
        .unwrap()
        .is_error());
}

/// Hostile payloads stay errors: containers nested past embedis's bound, and sizes far
/// past the data, never exhaust the executor.
#[test]
fn cmsgpack_and_struct_refuse_hostile_input() {
    let mut conn = Engine::new().connect();
    let deep = "return cmsgpack.unpack(string.rep(string.char(0x91), 100000))";
    let reply = conn.call(["EVAL", deep, "0"]).unwrap();
    assert!(
        format!("{reply:?}").contains("Bad data format in input."),
        "{reply:?}"
    );
    let huge = "return {cmsgpack.unpack(string.char(0xdd, 255, 255, 255, 255, 1))}";
    let reply = conn.call(["EVAL", huge, "0"]).unwrap();
    assert!(
        format!("{reply:?}").contains("Missing bytes in input."),
        "{reply:?}"
    );
    let long = "return {struct.unpack('c2000000000', 'x')}";
    let reply = conn.call(["EVAL", long, "0"]).unwrap();
    assert!(
        format!("{reply:?}").contains("data string too short"),
        "{reply:?}"
    );
    assert_eq!(conn.call(["PING"]).unwrap(), Reply::status("PONG"));
}

/// struct.unpack with offsets and sizes far past the data answers an error, whatever
/// their size.
#[test]
fn struct_unpack_with_huge_offsets_and_sizes() {
    let mut conn = Engine::new().connect();
    for script in [
        "return {struct.unpack('i4', 'abcd', 1e300)}",
        "return {struct.unpack('B c0', string.char(255) .. 'x')}",
        "return {struct.unpack('d c0', string.rep(string.char(0x7f), 8))}",
        "return {struct.unpack('s', 'abc', 2^60)}",
    ] {
        let reply = conn.call(["EVAL", script, "0"]).unwrap();
        assert!(reply.is_error(), "{script}: {reply:?}");
    }
    assert_eq!(conn.call(["PING"]).unwrap(), Reply::status("PONG"));
}

/// Every way a script could reach a library table, the string metatable or the globals
/// and change them fails, in scripts and in functions: the next script finds the
/// sandbox as it was.
#[test]
fn a_script_cannot_change_what_the_next_one_sees() {
    let mut conn = Engine::new().connect();
    let attempts = [
        "string.rep = nil",
        "rawset(string, 'rep', nil)",
        "getmetatable('').__index.rep = nil",
        "getmetatable('').__index = {}",
        "rawset(getmetatable(''), '__index', {})",
        "loadstring('string.rep = nil')()",
        "loadstring('rawset(string, \"rep\", nil)')()",
        "load(function() return nil end)",
        "table.insert(string, 'x')",
        "setmetatable(string, {})",
        "rawset(_G, 'leak', 1)",
        "rawset(redis, 'call', nil)",
        "rawset(table, 'insert', nil)",
        "rawset(cjson, 'encode', nil)",
    ];
    for attempt in attempts {
        // Each may fail or not (a load of a function that returns nothing succeeds); what
        // matters is what the next script finds.
        let _ = conn.call(["EVAL", attempt, "0"]).unwrap();
        let check = "return {('x'):rep(2), string.rep('y', 2), type(redis.call), \
                     type(table.insert), type(cjson.encode), type(rawget(_G, 'leak')), \
                     type(rawget(string, 'x'))}";
        assert_eq!(
            conn.call(["EVAL", check, "0"]).unwrap(),
            Reply::Array(vec![
                Reply::bulk("xx"),
                Reply::bulk("yy"),
                Reply::bulk("function"),
                Reply::bulk("function"),
                Reply::bulk("function"),
                Reply::bulk("nil"),
                Reply::bulk("nil"),
            ]),
            "after `{attempt}`"
        );
    }
    // Functions share the sandbox: a library's code cannot change it either.
    let library = "#!lua name=lib\n\
                   redis.register_function('f', function() \
                   loadstring('string.rep = nil')() end)\n\
                   redis.register_function('g', function() return ('x'):rep(2) end)";
    conn.call(["FUNCTION", "LOAD", library]).unwrap();
    assert!(matches!(
        conn.call(["FCALL", "f", "0"]).unwrap(),
        Reply::Error(_)
    ));
    assert_eq!(conn.call(["FCALL", "g", "0"]).unwrap(), Reply::bulk("xx"));
}

/// Lua 5.1 loads a chunk that starts with ESC as bytecode, unverified: crafted bytecode
/// reads and writes the process's memory. No script, function or `loadstring` ever
/// loads one: they are compiled as source, as redis-server compiles them.
#[test]
fn bytecode_is_never_loaded() {
    let mut conn = Engine::new().connect();
    let dumped = "return type(loadstring(string.dump(function() return 7 end)))";
    assert_eq!(
        conn.call(["EVAL", dumped, "0"]).unwrap(),
        Reply::bulk("nil")
    );
    let read = "local s = string.dump(function() return 7 end) \
                local sent = false \
                return type(load(function() if not sent then sent = true return s end end))";
    assert_eq!(conn.call(["EVAL", read, "0"]).unwrap(), Reply::bulk("nil"));
    let body = "\x1bLuaQ\0\x01\x04\x08\x04\x08\0";
    let reply = conn.call(["EVAL", body, "0"]).unwrap();
    assert!(
        format!("{reply:?}").contains("unexpected symbol near 'char(27)'"),
        "{reply:?}"
    );
    let library = format!("#!lua name=lib\n{body}");
    let reply = conn.call(["FUNCTION", "LOAD", library.as_str()]).unwrap();
    assert!(
        format!("{reply:?}").contains("unexpected symbol near 'char(27)'"),
        "{reply:?}"
    );
}
