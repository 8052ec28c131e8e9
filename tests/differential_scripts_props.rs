//! Property-based differential tests of Lua scripts: random small scripts, run by EVAL and
//! EVAL_RO, and as functions by FCALL and FCALL_RO, on redis-server and on embedis over the
//! same data, in RESP2 or RESP3; every reply must be the same RESP bytes. `differential.rs`
//! checks the scripts people write; this one builds the odd ones: the conversions both
//! ways between replies and Lua values (nested tables, a nil inside an array, `{ok=}`,
//! `{err=}`, `{double=}`, `{map=}`, `{set=}`, `{big_number=}`, numbers with fractions,
//! NaN and infinities, booleans), `redis.call` against `redis.pcall` on commands that fail
//! (wrong type, wrong arity, unknown, refused in scripts, writes from EVAL_RO), numbers as
//! command arguments, `redis.setresp`, errors raised with strings, numbers and error
//! tables, the libraries (`cjson`, `cmsgpack`, `bit`, `struct`, `string`, `table`,
//! `redis.sha1hex`), and the sandbox: its read-only tables, globals, `loadstring`. Each
//! script declares its locals first (`local r1, r2`): reading a global that does not
//! exist is an error in both, and would end most scripts.
//!
//! A sequence starts with the same keys on both sides (a string, a counter, a hash, a
//! list, a sorted set, an intset and a stream), then runs 6 to 12 lines: mostly scripts,
//! sometimes a plain read of a key (what a script wrote). On a divergence proptest shrinks
//! the sequence, and the expressions inside each script, to a minimal one, printed with
//! both replies. A status or error line built from bytes that are not UTF-8 is compared
//! as the README's known difference says (`agree`).
//!
//! Never generated: anything that differs by nature from one server to another or from
//! one run to the next: TIME, RANDOMKEY, SPOP and the other random picks, `math.random`
//! (redis-server 7 no longer seeds it the same for every script), INFO, CLIENT ids,
//! `tostring` of a table (its address), and scripts that never end; and `error` with a
//! table that has no string `err` field, which crashes redis-server 7.0.15. (Tables of
//! several string keys, whose order Lua's hash part decides, are generated: both sides
//! run the same Lua 5.1, which places the keys alike.)
//! `EMBEDIS_SCRIPT_CASES=<n>` runs more cases than the default.
#![cfg(feature = "lua")]

mod common;

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

use common::{check_sequences, find, fmt_script, frame_len, identical, replay};

/// The keys every sequence starts with, and what they hold.
const SETUP: &[&[&str]] = &[
    &["SET", "s", "hello"],
    &["SET", "n", "10"],
    &["HSET", "h", "a", "1", "b", "2.5"],
    &["RPUSH", "l", "x", "y", "z"],
    &["ZADD", "z", "1", "one", "2.5", "two"],
    &["SADD", "i", "3", "1", "2"],
    &["XADD", "x", "1-1", "f", "v"],
];

/// `redis.call`'s and `redis.pcall`'s argument lists: every reply type, in both protocols,
/// and the errors a command can raise inside a script.
const CALLS: &[&str] = &[
    // strings and counters
    "'GET', 's'",
    "'GET', 'nosuch'",
    "'SET', 's', 'v'",
    "'SET', 's', 'v', 'GET'",
    "'SET', 'n', ARGV[1]",
    "'INCR', 'n'",
    "'INCRBY', 'n', 3.7",
    "'INCRBYFLOAT', 'n', '1.5'",
    "'INCR', 's'",
    "'MGET', 's', 'nosuch', 'n'",
    "'STRLEN', 's'",
    "'APPEND', 's', 12",
    "'SETRANGE', 's', 1, 'ab'",
    "'GETEX', 's', 'EX', 1000",
    // hashes
    "'HGETALL', 'h'",
    "'HGET', 'h', 'a'",
    "'HGET', 'h', 'nosuch'",
    "'HMGET', 'h', 'a', 'nosuch'",
    "'HINCRBYFLOAT', 'h', 'b', 0.5",
    "'HSET', 'h', 'c', KEYS[1]",
    "'HEXISTS', 'h', 'a'",
    // lists
    "'LRANGE', 'l', 0, -1",
    "'LPOP', 'l'",
    "'LPOP', 'l', 0",
    "'LPOP', 'nosuch', 2",
    "'RPUSH', 'l', 'w'",
    "'LPOS', 'l', 'y'",
    "'LPOS', 'l', 'nosuch'",
    "'BLPOP', 'nosuch', 0",
    "'LMPOP', 1, 'l', 'LEFT'",
    // sorted sets
    "'ZRANGE', 'z', 0, -1, 'WITHSCORES'",
    "'ZSCORE', 'z', 'two'",
    "'ZSCORE', 'z', 'nosuch'",
    "'ZMSCORE', 'z', 'one', 'nosuch'",
    "'ZINCRBY', 'z', 0.25, 'one'",
    "'ZADD', 'z', 'INCR', 1, 'one'",
    "'ZRANK', 'z', 'two'",
    "'ZPOPMIN', 'z'",
    "'ZADD', 'z', 'NX', 3, 'three'",
    // sets (an intset: its order is fixed)
    "'SMEMBERS', 'i'",
    "'SISMEMBER', 'i', 2",
    "'SMISMEMBER', 'i', 1, 9",
    "'SADD', 'i', 7",
    // streams
    "'XRANGE', 'x', '-', '+'",
    "'XADD', 'x', '2-1', 'g', 'w'",
    "'XLEN', 'x'",
    "'XINFO', 'STREAM', 'x'",
    // keys and the server
    "'TYPE', 's'",
    "'TYPE', 'nosuch'",
    "'EXISTS', 's', 'n', 'nosuch'",
    "'DEL', 's'",
    "'EXPIRE', 'n', 1000",
    "'TTL', 'n'",
    "'OBJECT', 'ENCODING', 'h'",
    "'DBSIZE'",
    "'PING'",
    "'PING', 'hi'",
    "'ECHO', ARGV[2]",
    "'SELECT', 1",
    "'SELECT', 'x'",
    "'CONFIG', 'GET', 'maxmemory'",
    // numbers as arguments: how Lua prints them
    "'SET', 's', 0.1",
    "'SET', 's', 2^53",
    "'SET', 's', 1/0",
    "'SET', 's', -0",
    "'SET', 's', 1e-300",
    "'SET', 's', 123456789012345678",
    "'INCRBYFLOAT', 'n', 1e300",
    "'ZADD', 'z', 1/0, 'inf'",
    "'ZADD', 'z', 0.1, 'tenth'",
    "'HSET', 'h', 0.5, 1e20",
    "'EXPIRE', 'n', 2^60",
    "'GETRANGE', 's', 0, 2^63",
    "'LRANGE', 'l', -2^63, 2^63",
    // errors
    "'GET'",
    "'NOSUCH'",
    "'LPUSH', 's', 'x'",
    "'HSET', 'h'",
    "'GET', 's', 'extra'",
    "'SET', 's'",
    "'INCRBY', 'n', 'x'",
    "'ZADD', 'z', 'nan', 'm'",
    "'MULTI'",
    "'EVAL', 'return 1', 0",
    "'SUBSCRIBE', 'c'",
    "'SCRIPT', 'FLUSH'",
    "'HELLO'",
    "'WATCH', 's'",
    "'SET', ARGV[9], 'v'",
    "'SET', 's', {}",
    "",
];

/// Lua expressions with no sub-expression.
const LEAVES: &[&str] = &[
    "0",
    "1",
    "-1",
    "3.99",
    "-3.99",
    "2^53",
    "0.5",
    "'x'",
    "''",
    "'12'",
    "'1.5'",
    "'a\\0b'",
    "'a\\nb'",
    "'\\r\\n-X y\\r\\n'",
    "true",
    "false",
    "nil",
    "{}",
    "KEYS[1]",
    "KEYS[2]",
    "ARGV[1]",
    "ARGV[3]",
    "#KEYS",
    "#ARGV",
    "r1",
    "r2",
    "tonumber(ARGV[1])",
    "redis.status_reply('FINE')",
    "redis.status_reply('')",
    "redis.error_reply('MY mistake')",
    "redis.error_reply('no code')",
    "redis.error_reply('-ERR dashed')",
    "redis.error_reply('')",
    "redis.sha1hex('abc')",
    "redis.sha1hex('')",
    "redis.REPL_ALL",
    "redis.LOG_WARNING",
    "redis.REDIS_VERSION",
    "redis.REDIS_VERSION_NUM",
    "redis.setresp(3)",
    "redis.set_repl(redis.REPL_ALL)",
    "redis.replicate_commands()",
    "redis.breakpoint()",
    "redis.debug('x')",
    "math.floor(7.9)",
    "string.format('%5.2f', 3.14159)",
    "string.rep('ab', 3)",
    "bit.band(12, 10)",
    "bit.tohex(255)",
    "bit.lshift(1, 40)",
    "cjson.encode({1, 'a', {2}})",
    "cjson.encode({a = {true, false}})",
    "cjson.decode('[1, 2.5, \"s\", null, [true]]')",
    "cjson.decode('{\"a\": 1}').a",
    "cjson.decode('[1,')",
    "cmsgpack.pack({1, 2, 'x'})",
    "cmsgpack.unpack(cmsgpack.pack({1, -2, 'x', {true}}))",
    "struct.pack('>I2i4', 5, -1)",
    "struct.unpack('>I2', 'AB')",
    "struct.size('>I2d')",
    // numbers, and what Lua makes of them
    "1/0",
    "-1/0",
    "0/0",
    "2^63",
    "-2^63",
    "2^64",
    "1e308",
    "0.1",
    "-0",
    "1e-300",
    "123456789012345678",
    "math.huge",
    "tostring(0.1)",
    "tostring(2^63)",
    "tostring(-0)",
    "tostring(1e15)",
    "tonumber('0x10')",
    "tonumber('10', 2)",
    "tonumber(' 12 ')",
    "tonumber('1e1')",
    "tonumber('')",
    "math.fmod(7, 3)",
    "math.max(1, 5, 3)",
    "math.sqrt(2)",
    // strings and tables
    "string.format('%d', 3.7)",
    "string.format('%.3f', 1/3)",
    "string.format('%s %q', 'a', 'b\\n')",
    "string.byte('A')",
    "string.char(72, 105)",
    "('x'):rep(3)",
    "string.sub('hello', 2, -2)",
    "string.gsub('aaa', 'a', 'b')",
    "string.find('abc', 'b')",
    "string.match('k:12', '%d+')",
    "string.upper('ab')",
    "string.len('\\0\\0')",
    "table.concat({1, 2, 'a'}, ',')",
    "table.getn({1, 2})",
    "#{n = 1}",
    "unpack({1, 2, 3})",
    "select(2, 'a', 'b', 'c')",
    "rawget(KEYS, 1)",
    "rawequal(KEYS, KEYS)",
    "next({})",
    "getmetatable('').__index == string",
    "#_G",
    "loadstring('return 5')()",
    "pcall(loadstring, nil)",
    "loadstring(string.dump(function() return 1 end))",
    "select(2, loadstring(string.char(27) .. 'Lua'))",
    // the libraries' edges
    "bit.tobit(2^32 + 5)",
    "bit.bxor(-1, 5)",
    "bit.rshift(-1, 28)",
    "bit.arshift(-256, 4)",
    "bit.bnot(0)",
    "bit.tohex(-1, -4)",
    "bit.bswap(1)",
    "cjson.decode('1e400')",
    "cjson.decode('-0')",
    "cjson.decode('\"\\\\u00e9\"')",
    "cjson.decode('[1e2, 0.5e-1]')",
    "cjson.decode('{\"a\": {\"b\": [1]}}').a.b[1]",
    "cjson.decode('nul')",
    "cjson.decode('')",
    "cjson.encode(0.1)",
    "cjson.encode(1/0)",
    "cjson.encode('\\1\\127\\255')",
    "cjson.encode({1, nil, 3})",
    "cjson.encode({[1] = 1, [3] = 3})",
    "cmsgpack.pack(0.1, 2^40, -2^40, true, nil)",
    "cmsgpack.unpack(struct.pack('>I2', 300))",
    "cmsgpack.unpack('')",
    "cmsgpack.unpack(cmsgpack.pack(2^63, -0.5, string.rep('x', 40)))",
    "struct.pack('<i8', -2)",
    "struct.pack('s', 'ab')",
    "struct.unpack('<h', 'x')",
    "struct.pack('c0', 'abc')",
    "struct.pack('!4 i1 i4', 1, 2)",
    "struct.size('x')",
    "redis.sha1hex(1.5)",
    "redis.acl_check_cmd('get', 'k')",
    "redis.acl_check_cmd('nosuch')",
    "redis.sha1hex()",
    "redis.status_reply()",
    "redis.error_reply({})",
    "loadstring",
    "os.time",
    "redis.call",
    "undeclared",
];

/// Keys of a one-key table that the conversions treat specially.
const FIELDS: &[&str] = &[
    "ok",
    "err",
    "double",
    "big_number",
    "map",
    "set",
    "verbatim_string",
    "x",
];

/// A Lua expression, up to three levels deep.
fn expression() -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        3 => prop::sample::select(LEAVES).prop_map(str::to_string),
        3 => (prop::bool::ANY, prop::sample::select(CALLS)).prop_map(|(pcall, args)| {
            let function = if pcall { "redis.pcall" } else { "redis.call" };
            format!("{function}({args})")
        }),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            // An array, possibly with a hole.
            prop::collection::vec(inner.clone(), 0..4)
                .prop_map(|items| format!("{{{}}}", items.join(", "))),
            // A one-field table: a status, an error, a RESP3 type, or nothing special.
            (prop::sample::select(FIELDS), inner.clone())
                .prop_map(|(field, value)| format!("{{{field} = {value}}}")),
            // A map or set of one or two entries.
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| format!("{{map = {{k1 = {a}, k2 = {b}}}}}")),
            inner
                .clone()
                .prop_map(|a| format!("{{set = {{[{a}] = true}}}}")),
            inner.clone().prop_map(|a| format!("type({a})")),
            inner.clone().prop_map(|a| format!("#{a}")),
            inner.clone().prop_map(|a| format!("({a})[1]")),
            inner.clone().prop_map(|a| format!("({a}).err")),
            inner.clone().prop_map(|a| format!("({a}).ok")),
            inner.clone().prop_map(|a| format!("({a}).double")),
            inner.clone().prop_map(|a| format!("({a}).map")),
            inner.clone().prop_map(|a| format!("tonumber({a})")),
            inner.clone().prop_map(|a| format!("({a}) + 1")),
            inner.clone().prop_map(|a| format!("({a}) .. '!'")),
            inner.clone().prop_map(|a| format!("not {a}")),
            inner.clone().prop_map(|a| format!("select('#', {a})")),
            inner.clone().prop_map(|a| format!("cjson.encode({a})")),
            inner.clone().prop_map(|a| format!("cmsgpack.pack({a})")),
            inner.clone().prop_map(|a| format!("redis.sha1hex({a})")),
            inner
                .clone()
                .prop_map(|a| format!("redis.status_reply({a})")),
            inner
                .clone()
                .prop_map(|a| format!("redis.error_reply({a})")),
            inner.clone().prop_map(|a| format!("redis.setresp({a})")),
            inner
                .clone()
                .prop_map(|a| format!("redis.log(redis.LOG_NOTICE, {a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) == ({b})")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("redis.call('SET', 's', {a}, {b})")),
        ]
    })
    .boxed()
}

/// What a script raises with `error`: never a table without a string `err` field, which
/// crashes redis-server 7.0.15 (it formats the missing message; later versions fixed it).
fn raised() -> BoxedStrategy<String> {
    prop_oneof![
        prop::sample::select(
            &[
                "'plain'",
                "'ERR coded'",
                "'-WRONG dashed'",
                "''",
                "12",
                "nil",
                "true"
            ][..]
        )
        .prop_map(str::to_string),
        expression().prop_map(|a| format!("type({a})")),
        expression().prop_map(|a| format!("({a}) .. ''")),
        expression().prop_map(|a| format!("{{err = type({a})}}")),
        expression().prop_map(|a| format!("{{err = ({a}) .. ''}}")),
        expression().prop_map(|a| format!("redis.error_reply({a})")),
    ]
    .boxed()
}

/// One statement of a script.
fn statement() -> BoxedStrategy<String> {
    let e = expression;
    prop_oneof![
        4 => e().prop_map(|a| format!("r1 = {a}")),
        2 => e().prop_map(|a| format!("r2 = {a}")),
        2 => prop::sample::select(&[2, 3][..]).prop_map(|v| format!("redis.setresp({v})")),
        2 => prop::sample::select(CALLS).prop_map(|args| format!("redis.call({args})")),
        1 => prop::sample::select(CALLS).prop_map(|args| format!("r1, r2 = pcall(redis.call, {args})")),
        1 => raised().prop_map(|a| format!("error({a})")),
        1 => raised().prop_map(|a| format!("error({a}, 0)")),
        1 => e().prop_map(|a| format!("assert({a})")),
        1 => e().prop_map(|a| format!("r1 = pcall(error, {a})")),
        1 => Just("global_write = 1".to_string()),
        1 => Just("r1 = {}; r1[1] = 5; r1[3] = 7".to_string()),
        1 => Just("redis.call = nil".to_string()),
        1 => Just("KEYS[1] = 'changed'".to_string()),
    ]
    .boxed()
}

/// A script: its locals, up to three statements, and what it returns. Statements are
/// joined by newlines sometimes, so errors name other lines than the first.
fn script() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(statement(), 0..4),
        expression(),
        prop::bool::ANY,
    )
        .prop_map(|(statements, value, newlines)| {
            let separator = if newlines { "\n" } else { " " };
            let mut text = String::from("local r1, r2");
            for statement in statements {
                text.push_str(separator);
                text.push_str(&statement);
            }
            text.push_str(separator);
            text.push_str("return ");
            text.push_str(&value);
            text
        })
}

/// One line of a sequence.
#[derive(Clone)]
enum Line {
    Eval {
        read_only: bool,
        script: String,
        keys: usize,
        args: usize,
    },
    /// The script as the body of a function `f` of library `lib` (FUNCTION FLUSH, then
    /// FUNCTION LOAD REPLACE), then FCALL or FCALL_RO of it. The body names its keys and arguments as a script
    /// does (`KEYS`, `ARGV`: locals bound to the callback's parameters).
    Function {
        read_only: bool,
        script: String,
        keys: usize,
        args: usize,
    },
    /// A plain read: what the scripts left.
    Read(&'static [&'static str]),
}

impl std::fmt::Debug for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fmt_script(f, &self.argvs())
    }
}

const READS: &[&[&str]] = &[
    &["GET", "s"],
    &["GET", "n"],
    &["HGETALL", "h"],
    &["LRANGE", "l", "0", "-1"],
    &["ZRANGE", "z", "0", "-1", "WITHSCORES"],
    &["TYPE", "s"],
    &["TTL", "s"],
    &["SMEMBERS", "i"],
];

/// EVAL's keys and arguments: the first ones are used by the vocabulary.
const KEY_NAMES: &[&str] = &["s", "h", "n"];
const ARGS: &[&str] = &["5", "echo", "1.5", "x"];

impl Line {
    /// The commands of the line (a function is loaded, then called).
    fn argvs(&self) -> Vec<Vec<Vec<u8>>> {
        let call = |name: &str, first: &str, keys: usize, args: usize| {
            let mut argv = vec![name.as_bytes().to_vec(), first.as_bytes().to_vec()];
            argv.push(keys.to_string().into_bytes());
            argv.extend(KEY_NAMES[..keys].iter().map(|k| k.as_bytes().to_vec()));
            argv.extend(ARGS[..args].iter().map(|a| a.as_bytes().to_vec()));
            argv
        };
        match self {
            Line::Eval {
                read_only,
                script,
                keys,
                args,
            } => {
                let name = if *read_only { "EVAL_RO" } else { "EVAL" };
                vec![call(name, script, *keys, *args)]
            }
            Line::Function {
                read_only,
                script,
                keys,
                args,
            } => {
                let flags = if *read_only {
                    "flags = {'no-writes'}, "
                } else {
                    ""
                };
                let library = format!(
                    "#!lua name=lib\nredis.register_function{{function_name = 'f', {flags}callback = function(KEYS, ARGV)\n{script}\nend}}"
                );
                let load = ["FUNCTION", "LOAD", "REPLACE", &library];
                let name = if *read_only { "FCALL_RO" } else { "FCALL" };
                // FLUSHALL leaves functions: an earlier sequence's library must not answer
                // where this one failed to load.
                vec![
                    vec![b"FUNCTION".to_vec(), b"FLUSH".to_vec()],
                    load.iter().map(|w| w.as_bytes().to_vec()).collect(),
                    call(name, "f", *keys, *args),
                ]
            }
            Line::Read(words) => vec![words.iter().map(|w| w.as_bytes().to_vec()).collect()],
        }
    }
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        8 => (prop::bool::weighted(0.2), script(), 0..=KEY_NAMES.len(), 0..=ARGS.len()).prop_map(
            |(read_only, script, keys, args)| Line::Eval { read_only, script, keys, args }
        ),
        2 => (prop::bool::weighted(0.3), script(), 0..=KEY_NAMES.len(), 0..=ARGS.len()).prop_map(
            |(read_only, script, keys, args)| Line::Function { read_only, script, keys, args }
        ),
        1 => prop::sample::select(READS).prop_map(Line::Read),
    ]
}

#[test]
fn random_scripts_agree() {
    let cases = std::env::var("EMBEDIS_SCRIPT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150);
    let sequences = prop::collection::vec(line(), 6..12);
    check_sequences(cases, 60_000, sequences, |lease, resp3, lines| {
        let mut script: Vec<Vec<Vec<u8>>> = SETUP
            .iter()
            .map(|words| words.iter().map(|w| w.as_bytes().to_vec()).collect())
            .collect();
        script.extend(lines.iter().flat_map(Line::argvs));
        replay(lease, resp3, &script, |expected, actual| {
            if agree(expected, actual) {
                Ok(())
            } else {
                identical(expected, actual)
            }
        })
    });
}

/// Whether two replies agree: byte for byte, but for the known difference of a status or
/// error line built from bytes that are not UTF-8 (`redis.status_reply`, `error`, `{err =
/// ...}` of a `cmsgpack.pack`): embedis's has U+FFFD in their place (README, known
/// differences). Aggregates are compared element by element.
fn agree(expected: &[u8], actual: &[u8]) -> bool {
    if expected == actual {
        return true;
    }
    let (Some(&kind), Some(&other)) = (expected.first(), actual.first()) else {
        return false;
    };
    if kind != other {
        return false;
    }
    match kind {
        b'+' | b'-' => {
            std::str::from_utf8(expected).is_err()
                && String::from_utf8_lossy(expected).as_bytes() == actual
        }
        b'*' | b'~' | b'>' | b'%' | b'|' => {
            let header = |frame: &[u8]| find(frame, b"\r\n").map(|end| end + 2);
            let (Some(mut x), Some(mut y)) = (header(expected), header(actual)) else {
                return false;
            };
            if expected[..x] != actual[..y] {
                return false;
            }
            while x < expected.len() && y < actual.len() {
                let (Some(a), Some(b)) = (frame_len(&expected[x..]), frame_len(&actual[y..]))
                else {
                    return false;
                };
                if !agree(&expected[x..x + a], &actual[y..y + b]) {
                    return false;
                }
                x += a;
                y += b;
            }
            x == expected.len() && y == actual.len()
        }
        _ => false,
    }
}
