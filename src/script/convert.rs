//! Values across the Lua boundary, as redis-server 7.0 converts them (a script speaks
//! RESP2 unless it asks otherwise):
//! - `redis.call` arguments: strings as they are, numbers as `%.17g`, anything else
//!   refused;
//! - replies into Lua: integers as numbers, bulk strings as strings, nil as `false`,
//!   arrays as tables, a status as `{ok = text}`, an error as `{err = text}`; maps flat and
//!   doubles as strings (their RESP2 forms). After `redis.setresp(3)`: nil as nil, maps as
//!   `{map = {k = v}}`, sets as `{set = {k = true}}`, doubles as `{double = n}`, booleans
//!   as booleans, verbatim strings as `{verbatim_string = {format, string}}`;
//! - a script's result back: numbers truncated to integers, `true` as 1 and `false` as nil
//!   (as booleans after `redis.setresp(3)`), nil as nil, a table with a string `err`
//!   (`ok`) as an error (status), `double`, `map`, `set` and `verbatim_string` tables as
//!   those replies, any other table as an array up to its first nil.

use bytes::Bytes;
use mlua::{Lua, MultiValue, Table, Value};

use crate::reply::{format_double, format_general};
use crate::{Error, Reply};

/// The redis library's arguments as a command line, as `luaArgsToRedisArgv` takes them
/// (`redis.call`, `redis.pcall`, `redis.acl_check_cmd`): at least one, each a string or a
/// number; otherwise its error text.
pub(super) fn lib_argv(args: MultiValue) -> Result<Vec<Bytes>, &'static str> {
    if args.is_empty() {
        return Err("ERR Please specify at least one argument for this redis lib call");
    }
    argv(args).ok_or("ERR Lua redis lib command arguments must be strings or integers")
}

/// Arguments as a command line; `None` if one is not a string or number.
fn argv(args: MultiValue) -> Option<Vec<Bytes>> {
    args.into_iter()
        .map(|arg| match arg {
            Value::String(text) => Some(Bytes::copy_from_slice(&text.as_bytes())),
            // Lua 5.1 has only doubles (mlua shows integral ones as integers).
            Value::Integer(n) => Some(Bytes::from(format_double(n as f64))),
            Value::Number(n) => Some(Bytes::from(format_double(n))),
            _ => None,
        })
        .collect()
}

/// A number as Lua 5.1 prints it (`tostring`, `lua_tolstring`: `%.14g`); `None` for other
/// values.
pub(super) fn lua_number_text(value: &Value) -> Option<String> {
    match value {
        Value::Integer(n) => Some(format_general(*n as f64, 14)),
        Value::Number(n) => Some(format_general(*n, 14)),
        _ => None,
    }
}

/// What `luaL_checklstring` takes: a string's bytes, or a number as Lua prints it.
pub(super) fn lua_string_bytes(value: &Value) -> Option<Vec<u8>> {
    match value {
        Value::String(text) => Some(text.as_bytes().to_vec()),
        number => lua_number_text(number).map(String::into_bytes),
    }
}

/// A value's Lua type name, as argument errors print it (`no value` for a missing one).
pub(super) fn lua_type_name(value: Option<&Value>) -> &'static str {
    match value {
        None => "no value",
        Some(Value::Nil) => "nil",
        Some(Value::Boolean(_)) => "boolean",
        Some(Value::Table(_)) => "table",
        Some(Value::Function(_)) => "function",
        Some(Value::Thread(_)) => "thread",
        Some(Value::String(_)) => "string",
        Some(Value::Integer(_) | Value::Number(_)) => "number",
        Some(_) => "userdata",
    }
}

/// `{err = text}`: an error as `redis.error_reply` and the redis library's own argument
/// checks make it.
pub(super) fn error_table(lua: &Lua, text: impl AsRef<[u8]>) -> mlua::Result<Table> {
    let table = lua.create_table()?;
    table.set("err", lua.create_string(text.as_ref())?)?;
    Ok(table)
}

/// `{err = text, ignore_error_stats_update = true}`: a command's error as `redis.call` and
/// `redis.pcall` hand it to Lua. redis-server marks it so that raising it does not count
/// the error a second time in its statistics; a script sees the field (`cjson.encode`
/// shows it), so it is there, added after `err` as redis-server adds it.
pub(super) fn command_error_table(lua: &Lua, text: &str) -> mlua::Result<Table> {
    let table = error_table(lua, text)?;
    table.set("ignore_error_stats_update", true)?;
    Ok(table)
}

/// An error text as `luaPushErrorBuff` stores it in the `{err = ...}` table: a C string
/// (cut at its first NUL); `-CODE message` keeps its code, a bare message gets `ERR`; CR
/// and LF trimmed from both ends of the message. The bytes stay as they are: CR and LF
/// inside become spaces only when the error is written as a reply.
pub(super) fn error_text(raw: &[u8]) -> Vec<u8> {
    let raw = raw.split(|byte| *byte == 0).next().unwrap_or_default();
    let (code, message): (&[u8], &[u8]) = match raw.strip_prefix(b"-") {
        Some(rest) => match rest.iter().position(|byte| *byte == b' ') {
            Some(space) => (&rest[..space], &rest[space + 1..]),
            None => (b"ERR", rest),
        },
        None => (b"ERR", raw),
    };
    let start = message
        .iter()
        .position(|byte| !is_crlf(byte))
        .unwrap_or(message.len());
    [code, b" ", trim_end_crlf(&message[start..])].concat()
}

fn is_crlf(byte: &u8) -> bool {
    *byte == b'\r' || *byte == b'\n'
}

/// `text` without the CRs and LFs it ends with.
fn trim_end_crlf(text: &[u8]) -> &[u8] {
    let end = text.iter().rposition(|byte| !is_crlf(byte));
    &text[..end.map_or(0, |last| last + 1)]
}

/// A command's reply as a script receives it (RESP2, or RESP3 after `redis.setresp(3)`).
pub(super) fn reply_to_lua(lua: &Lua, reply: &Reply, resp3: bool) -> mlua::Result<Value> {
    let wrapped = |field: &str, value: Value| -> mlua::Result<Value> {
        let table = lua.create_table()?;
        table.raw_set(field, value)?;
        Ok(Value::Table(table))
    };
    if resp3 {
        match reply {
            Reply::Nil | Reply::NilArray => return Ok(Value::Nil),
            Reply::Boolean(value) => return Ok(Value::Boolean(*value)),
            Reply::Double(value) => return wrapped("double", Value::Number(*value)),
            Reply::FormattedDouble(text) => {
                let value = std::str::from_utf8(text)
                    .ok()
                    .and_then(|text| text.parse::<f64>().ok())
                    .unwrap_or_default();
                return wrapped("double", Value::Number(value));
            }
            Reply::Map(pairs) => {
                let map = lua.create_table()?;
                for (key, value) in pairs {
                    map.raw_set(
                        reply_to_lua(lua, key, true)?,
                        reply_to_lua(lua, value, true)?,
                    )?;
                }
                return wrapped("map", Value::Table(map));
            }
            Reply::Set(items) => {
                let set = lua.create_table()?;
                for item in items {
                    set.raw_set(reply_to_lua(lua, item, true)?, true)?;
                }
                return wrapped("set", Value::Table(set));
            }
            Reply::BigNumber(digits) => {
                return wrapped("big_number", Value::String(lua.create_string(digits)?));
            }
            Reply::Verbatim(text) => {
                let verbatim = lua.create_table()?;
                verbatim.raw_set("format", "txt")?;
                verbatim.raw_set("string", lua.create_string(text)?)?;
                return wrapped("verbatim_string", Value::Table(verbatim));
            }
            _ => {}
        }
    }
    Ok(match reply {
        Reply::Status(text) => {
            let table = lua.create_table()?;
            table.set("ok", lua.create_string(text.as_bytes())?)?;
            Value::Table(table)
        }
        Reply::Error(error) => Value::Table(command_error_table(lua, &error.to_string())?),
        Reply::Integer(n) => Value::Integer(*n),
        Reply::Bulk(bytes) => Value::String(lua.create_string(bytes)?),
        Reply::FormattedDouble(bytes) | Reply::Verbatim(bytes) | Reply::BigNumber(bytes) => {
            Value::String(lua.create_string(bytes)?)
        }
        Reply::Double(value) => Value::String(lua.create_string(format_double(*value))?),
        Reply::Boolean(value) => Value::Integer(i64::from(*value)),
        Reply::Nil | Reply::NilArray => Value::Boolean(false),
        Reply::Array(items) | Reply::Set(items) | Reply::Push(items) => {
            // A RESP3 null leaves a hole, and where the length operator finds a border
            // around it depends on how the table grew: grown one index at a time from
            // empty, as redis-server builds it (`#` of {'a', nil, 'b'} is then 1).
            let holes = resp3
                && items
                    .iter()
                    .any(|item| matches!(item, Reply::Nil | Reply::NilArray));
            let capacity = if holes { 0 } else { items.len() };
            let table = lua.create_table_with_capacity(capacity, 0)?;
            for (index, item) in items.iter().enumerate() {
                table.raw_set(index + 1, reply_to_lua(lua, item, resp3)?)?;
            }
            Value::Table(table)
        }
        Reply::Map(pairs) => {
            let table = lua.create_table_with_capacity(pairs.len() * 2, 0)?;
            for (index, (key, value)) in pairs.iter().enumerate() {
                table.raw_set(2 * index + 1, reply_to_lua(lua, key, resp3)?)?;
                table.raw_set(2 * index + 2, reply_to_lua(lua, value, resp3)?)?;
            }
            Value::Table(table)
        }
    })
}

/// A script's result as the reply EVAL sends (`resp3`: the script chose RESP3).
pub(super) fn lua_to_reply(value: &Value, resp3: bool) -> Reply {
    match value {
        Value::Boolean(value) if resp3 => Reply::Boolean(*value),
        Value::Boolean(true) => Reply::Integer(1),
        Value::Integer(n) => Reply::Integer(*n),
        Value::Number(n) => Reply::Integer(integer_of(*n)),
        Value::String(text) => Reply::Bulk(Bytes::copy_from_slice(&text.as_bytes())),
        Value::Table(table) => table_to_reply(table, resp3),
        _ => Reply::Nil,
    }
}

/// C's `(long long)` conversion as x86-64 performs it: toward zero, and the "integer
/// indefinite" value `i64::MIN` for NaN and anything out of range (what redis-server
/// replies for `return 1/0`).
fn integer_of(number: f64) -> i64 {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2⁶³
    if number.is_nan() || !(-LIMIT..LIMIT).contains(&number) {
        i64::MIN
    } else {
        number as i64
    }
}

fn table_to_reply(table: &Table, resp3: bool) -> Reply {
    if let Ok(Value::String(text)) = table.raw_get::<Value>("err") {
        // redis-server formats `-<text>` and trims CR and LF from its end before it maps
        // the ones left to spaces.
        let text = text.as_bytes();
        let text = text.split(|byte| *byte == 0).next().unwrap_or_default();
        return Reply::Error(Error::Script(one_line(trim_end_crlf(text))));
    }
    if let Ok(Value::String(text)) = table.raw_get::<Value>("ok") {
        return Reply::Status(one_line(&text.as_bytes()).into());
    }
    match table.raw_get::<Value>("double") {
        Ok(Value::Integer(n)) => return Reply::Double(n as f64),
        Ok(Value::Number(n)) => return Reply::Double(n),
        _ => {}
    }
    if let Ok(Value::String(digits)) = table.raw_get::<Value>("big_number") {
        return Reply::BigNumber(crlf_to_spaces(&digits.as_bytes()).into());
    }
    if let Ok(Value::Table(map)) = table.raw_get::<Value>("map") {
        let pairs = map
            .pairs::<Value, Value>()
            .filter_map(Result::ok)
            .map(|(key, value)| (lua_to_reply(&key, resp3), lua_to_reply(&value, resp3)))
            .collect();
        return Reply::Map(pairs);
    }
    if let Ok(Value::Table(set)) = table.raw_get::<Value>("set") {
        let items = set
            .pairs::<Value, Value>()
            .filter_map(Result::ok)
            .map(|(key, _)| lua_to_reply(&key, resp3))
            .collect();
        return Reply::Set(items);
    }
    if let Ok(Value::Table(verbatim)) = table.raw_get::<Value>("verbatim_string")
        && let Ok(Value::String(text)) = verbatim.raw_get::<Value>("string")
    {
        return Reply::Verbatim(Bytes::copy_from_slice(&text.as_bytes()));
    }
    let mut items = Vec::new();
    for index in 1.. {
        match table.raw_get::<Value>(index) {
            Ok(Value::Nil) | Err(_) => break,
            Ok(item) => items.push(lua_to_reply(&item, resp3)),
        }
    }
    Reply::Array(items)
}

/// A status or error text as redis-server writes it: a C string (cut at its first NUL), on
/// one line (CR and LF mapped to spaces, as RESP needs).
pub(super) fn one_line(text: &[u8]) -> String {
    let text = text.split(|byte| *byte == 0).next().unwrap_or_default();
    String::from_utf8_lossy(&crlf_to_spaces(text)).into_owned()
}

/// CR and LF mapped to spaces, every other byte kept (a big number's text, NULs and all).
fn crlf_to_spaces(text: &[u8]) -> Vec<u8> {
    text.iter()
        .map(|byte| if is_crlf(byte) { b' ' } else { *byte })
        .collect()
}
