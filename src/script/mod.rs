//! Lua scripting, as redis-server 7.0 runs scripts: EVAL and EVALSHA (and their `_RO`
//! forms) run a Lua 5.1 function on the executor, so a script is atomic as every command
//! is; `redis.call` and `redis.pcall` run commands with Redis's semantics, the script's
//! result becomes the reply (`convert.rs`).
//!
//! What a script sees is redis-server's sandbox: `KEYS`, `ARGV`, the `redis` library
//! (`call`, `pcall`, `error_reply`, `status_reply`, `sha1hex`, `log`, `setresp`,
//! `set_repl`, `replicate_commands`, `REDIS_VERSION`), Lua's base library without `print`,
//! `dofile`, `loadfile`, `getfenv`, `setfenv` and `newproxy`, `string`, `table`, `math`,
//! `coroutine`, LuaBitOp's `bit` (`bit.rs`), lua-cjson's `cjson` (`cjson.rs`), lua-cmsgpack's `cmsgpack` (`cmsgpack.rs`) and `struct` (`lua_struct.rs`). Globals
//! and library tables are read only: reading a missing global or writing any is an error
//! with Redis's text. Errors carry
//! Redis's suffix (` script: <sha>, on @user_script:<line>.`), the line found by walking
//! the stack to the innermost frame of the script.
//!
//! The interpreter is created on the first script and lives on the executor thread with
//! the data; the cache maps SHA-1 names to compiled functions until SCRIPT FLUSH. Writes
//! a script makes are logged one by one as their effects, wrapped with the rest of the
//! command in MULTI/EXEC (Redis 7's effects replication), so replay never runs Lua.

mod bit;
mod cjson;
mod cmsgpack;
mod convert;
pub(crate) mod functions;
mod lua_struct;
pub(crate) mod sha1;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use mlua::{Function, HookTriggers, Lua, MultiValue, Table, Value, VmState};
use parking_lot::Mutex;

use crate::cmd::context::Ctx;
use crate::cmd::Command;
use crate::exec::session::{Session, SERVER_VERSION};
use crate::{Error, Reply};

/// Loaded scripts and the interpreter that runs them.
pub(crate) struct Scripts {
    /// Script bodies by SHA-1 (lower-case hex), each compiled once.
    bodies: HashMap<String, Bytes>,
    lua: Option<Interpreter>,
    /// How long a script may run before it is stopped (`EngineBuilder::script_time_limit`).
    time_limit: Duration,
    /// Function libraries (FUNCTION LOAD, FCALL), in their own Lua state.
    pub(crate) functions: functions::Functions,
}

impl Default for Scripts {
    fn default() -> Scripts {
        Scripts {
            bodies: HashMap::new(),
            lua: None,
            time_limit: crate::config::DEFAULT_SCRIPT_TIME_LIMIT,
            functions: functions::Functions::default(),
        }
    }
}

/// The Lua state with Redis's sandbox built.
struct Interpreter {
    lua: Lua,
    /// What scripts read as globals (through `env`).
    globals: Table,
    /// The environment scripts run in: reads fall through to `globals`, writes fail.
    env: Table,
    /// The sandbox's own slots, out of scripts' reach: `run`, the real `redis` table (whose
    /// `call` is set per run), and `pending` / `token` for errors raised from Rust.
    hidden: Table,
    /// `function(f) return xpcall(f, handler) end`, the handler adding where it failed.
    run: Function,
    compiled: HashMap<String, Function>,
    /// When the running script is stopped, and the limit it was given (see
    /// `EngineBuilder::script_time_limit`: nothing else is read while a script runs, so a
    /// script that never ends would hang every caller).
    deadline: Arc<Mutex<Option<(Instant, String)>>>,
    /// `redis.setresp(3)` ran: replies reach the script, and its result leaves it, as RESP3
    /// values. Reset for every run.
    resp3: Arc<AtomicBool>,
}

/// The Lua half of the sandbox: the error handler, the `redis` library's Lua functions,
/// the read-only environment.
const PRELUDE: &str = r#"
local hidden, globals, env, error_reply, status_reply, sha1hex, version, version_num, bit, cjson, cmsgpack, struct = ...
local type, tostring, error, pcall, xpcall, match, tonumber = type, tostring, error, pcall, xpcall, string.match, tonumber
local gsub, select, unpack = string.gsub, select, unpack

-- The innermost frame of the user's code (a script, `user_script`, a function library,
-- `user_function`, or a chunk it compiled with loadstring): its source as redis-server
-- names it, and its line. error(msg, level) shows each frame's short source; a compiled
-- chunk's is its text (exact for one short line, which is what scripts compile).
local function where()
  for level = 3, 60 do
    local _, message = pcall(error, '', level)
    local chunk, line = match(message, '^(user_%a+):(%d+): $')
    if line then return '@' .. chunk, tonumber(line) end
    chunk, line = match(message, '^%[string "(.*)"%]:(%d+): $')
    if line then return chunk, tonumber(line) end
  end
  return nil
end

-- An error raised by a Rust function (redis.call, redis.setresp, ...) is mlua's value; the
-- `{err = text}` table it stands for waits in hidden.pending (see `raise`).
local function take_pending(err)
  if type(err) == 'userdata' and hidden.pending ~= nil
      and string.find(tostring(err), hidden.token, 1, true) then
    err = hidden.pending
  end
  hidden.pending = nil
  return err
end

local function handler(err)
  err = take_pending(err)
  if type(err) ~= 'table' then err = { err = 'ERR ' .. tostring(err) } end
  local source, line = where()
  if line then err.source = source; err.line = line end
  return err
end

-- redis-server keeps its error handler as a global; scripts see it (pairs(_G) lists it).
globals.__redis__err__handler = handler

hidden.run = function(f)
  return xpcall(f, handler)
end

-- A function's callback gets its keys and arguments; the tail call leaves no frame of ours
-- (error(msg, 2) in the callback names no position, as on redis-server).
hidden.fcall = function(f, keys, args)
  return xpcall(function() return f(keys, args) end, handler)
end

-- redis.call (set per run), redis.setresp and redis.log are Rust functions: a C function
-- called in tail position keeps the script's frame, whose line errors name.
local redis = {}
redis.pcall = function(...)
  local ok, reply = pcall(redis.call, ...)
  if ok then return reply end
  return take_pending(reply)
end
redis.error_reply = error_reply
redis.status_reply = status_reply
redis.sha1hex = sha1hex
redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING = 0, 1, 2, 3
redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL = 0, 1, 2, 2, 3
redis.replicate_commands = function() return true end
redis.breakpoint = function() return false end
redis.debug = function() end
redis.REDIS_VERSION, redis.REDIS_VERSION_NUM = version, version_num

-- Read-only tables. redis-server's Lua has a read-only flag, set on _G, the libraries and
-- the string metatable, that every write checks. Stock Lua has none: each such table is an
-- empty proxy whose writes fail, and every function that could write to a table without
-- its metamethods (rawset, setmetatable, table.insert, ...) or read it raw (rawget, next,
-- pairs) is wrapped to refuse or to see through the proxy. Whatever a script does, the
-- next one finds the same libraries. A wrapper runs the original through `as_called`, so
-- its errors read as the original's would.
local backing = setmetatable({}, { __mode = 'k' }) -- proxy -> the table it stands for
local metatables = setmetatable({}, { __mode = 'k' }) -- proxy -> what getmetatable answers
local function refuse() error('Attempt to modify a readonly table', 2) end
-- Marks `proxy` as standing for `t` (also for proxies made elsewhere: the functions'
-- environments).
local function guard(proxy, t, metatable)
  backing[proxy] = t
  metatables[proxy] = metatable
end
hidden.guard, hidden.refuse = guard, refuse
local function readonly(t, metatable)
  local proxy = setmetatable({}, { __index = t, __newindex = refuse, __metatable = false })
  guard(proxy, t, metatable)
  return proxy
end
local function through(t) return backing[t] or t end
-- A C function's write: redis-server's error has no position.
local function writable(t)
  if backing[t] ~= nil then error('Attempt to modify a readonly table', 0) end
  return t
end

for _, name in ipairs({ 'assert', 'collectgarbage', 'error', 'gcinfo', 'pcall', 'rawequal',
    'select', 'tonumber', 'tostring', 'type', 'unpack', 'xpcall', '_VERSION' }) do
  globals[name] = _G[name]
end
-- Runs the C function `f` for a wrapper as if the script had called `name` itself. A C
-- function's errors name the line of the Lua code that called it, and the name it was
-- called by; here that caller is a wrapper, so `f` runs in pcall (which gives neither) and
-- a failure gets the script's line and the name. The wrappers tail-call this, so the
-- script's frame is 4 levels up from `error` (pcall, this, the tail call's); a script's
-- own pcall there gives no line, and the name stays `?`, as for a C function pcall calls.
-- An error that already names a line (from Lua code `f` called, such as sort's
-- comparator) or is not a string goes on as it is.
local function results(ok, ...) return ok, { n = select('#', ...), ... } end
local function same(...) return ... end
local function as_called(name, f, after, ...)
  local ok, out = results(pcall(f, ...))
  if ok then return after(unpack(out, 1, out.n)) end
  local err = out[1]
  if type(err) == 'string' and not match(err, '^[^\n]-:%d+: ') then
    local _, at = pcall(error, '', 4)
    if at ~= '' then
      err = at .. gsub(err, "^bad argument #(%d+) to '%?'", "bad argument #%1 to '" .. name .. "'")
    end
  end
  error(err, 0)
end
-- `f` wrapped: its first argument, when there is one, mapped by `first`; its results
-- passed through `after`.
local function wrap(name, f, first, after)
  after = after or same
  return function(...)
    if select('#', ...) == 0 then return as_called(name, f, after) end
    return as_called(name, f, after, first((...)), select(2, ...))
  end
end
do
  globals.rawset = wrap('rawset', rawset, writable)
  globals.rawget = wrap('rawget', rawget, through)
  globals.setmetatable = wrap('setmetatable', setmetatable, writable)
  local getmetatable = getmetatable
  globals.getmetatable = function(...)
    local v = ...
    if select('#', ...) > 0 then
      if type(v) == 'string' then return hidden.string_metatable end
      if backing[v] ~= nil then return metatables[v] end
    end
    return as_called('getmetatable', getmetatable, same, ...)
  end
  globals.next = wrap('next', next, through)
  globals.pairs = wrap('pairs', pairs, through)
  globals.ipairs = wrap('ipairs', ipairs, through)
  -- Code compiled at run time runs in the scripts' environment, not in Lua's own globals.
  local function in_env(chunk, ...)
    if chunk then setfenv(chunk, hidden.env) end
    return chunk, ...
  end
  -- Always as source, as redis-server's Lua compiles (see `as_text`): a leading ESC would
  -- make stock Lua load unverified bytecode. The chunk keeps its own name.
  local byte = string.byte
  local function binary(s) return type(s) == 'string' and byte(s, 1) == 27 end
  globals.loadstring = function(...)
    local s = ...
    if binary(s) then
      -- The chunk is still named after its own text, as loadstring names it.
      local name = select(2, ...)
      if name == nil then name = s end
      return as_called('loadstring', loadstring, in_env, ' ' .. s, name, select(3, ...))
    end
    return as_called('loadstring', loadstring, in_env, ...)
  end
  globals.load = wrap('load', load, function(reader)
    if type(reader) ~= 'function' then return reader end
    local first = true
    return function()
      local piece = reader()
      if first and binary(piece) then piece = ' ' .. piece end
      first = false
      return piece
    end
  end, in_env)
end
-- The table library: insert always writes; sort and remove write only the array part,
-- which no read-only table has, so they see through (and find nothing to move).
local tablelib = {}
for name, f in pairs(table) do tablelib[name] = f end
tablelib.insert = wrap('insert', table.insert, writable)
for _, name in ipairs({ 'remove', 'sort', 'foreach', 'foreachi', 'maxn' }) do
  tablelib[name] = wrap(name, table[name], through)
end
globals.table = readonly(tablelib)
for _, name in ipairs({ 'coroutine', 'math', 'string' }) do
  globals[name] = readonly(_G[name])
end
-- What getmetatable('') answers: the string metatable, whose __index is `string`.
hidden.string_metatable = readonly({ __index = globals.string })
globals.bit = readonly(bit)
globals.cjson = readonly(cjson)
globals.cmsgpack = readonly(cmsgpack)
globals.struct = readonly(struct)
globals.redis = readonly(redis)
hidden.redis = redis

-- Redis's pcall hands a script the text of an error, not the table: `{err = text}`
-- becomes `text`.
local function caught(ok, ...)
  if ok then return true, ... end
  local err = take_pending((...))
  if type(err) == 'table' and err.err ~= nil then err = err.err end
  return false, err
end
globals.pcall = function(...) return caught(pcall(...)) end
globals._G = env
hidden.env = env

local missing_global = function(_, name)
  local value = globals[name]
  if value == nil then
    error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
  end
  return value
end
-- _G is read only too, and looks like redis-server's: its metatable's __index raises.
guard(env, globals, readonly({ __index = missing_global }))
setmetatable(env, { __index = missing_global, __newindex = refuse, __metatable = false })
"#;

impl Interpreter {
    fn new() -> mlua::Result<Interpreter> {
        let lua = Lua::new();
        // Bounded memory: a script that builds gigabytes fails with Lua's "not enough
        // memory" instead of taking the process's (redis-server sets no such limit).
        lua.set_memory_limit(LUA_MEMORY_LIMIT)?;
        let (globals, env, hidden) = (
            lua.create_table()?,
            lua.create_table()?,
            lua.create_table()?,
        );
        let error_reply =
            lua.create_function(|lua, args: MultiValue| match single_string(&args) {
                Some(text) => convert::error_table(lua, convert::error_text(&reply_text(text))),
                None => convert::error_table(lua, "ERR wrong number or type of arguments"),
            })?;
        let status_reply =
            lua.create_function(|lua, args: MultiValue| match single_string(&args) {
                Some(text) => {
                    let table = lua.create_table()?;
                    table.set("ok", text)?;
                    Ok(table)
                }
                None => convert::error_table(lua, "ERR wrong number or type of arguments"),
            })?;
        let raising = hidden.clone();
        let sha1hex = lua.create_function(move |lua, args: MultiValue| {
            let text = match args.iter().collect::<Vec<_>>()[..] {
                [Value::String(text)] => text.as_bytes().to_vec(),
                // lua_tolstring: a number as Lua prints it; anything else as nothing.
                [number @ (Value::Integer(_) | Value::Number(_))] => {
                    convert::lua_number_text(number)
                        .unwrap_or_default()
                        .into_bytes()
                }
                [_] => Vec::new(),
                _ => return Err(raise(lua, &raising, "ERR wrong number of arguments")),
            };
            lua.create_string(sha1::sha1_hex(&text))
        })?;
        let raising = hidden.clone();
        let set_repl = lua.create_function(move |lua, args: MultiValue| {
            match args.iter().collect::<Vec<_>>()[..] {
                [Value::Integer(0..=3)] => Ok(()),
                [Value::Number(flags)] if (0.0..=3.0).contains(flags) => Ok(()),
                [_] => Err(raise(
                    lua,
                    &raising,
                    "ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.",
                )),
                _ => Err(raise(lua, &raising, "ERR redis.set_repl() requires two arguments.")),
            }
        })?;
        let raising = hidden.clone();
        let resp3 = Arc::new(AtomicBool::new(false));
        let switch = resp3.clone();
        let setresp = lua.create_function(move |lua, args: MultiValue| {
            // `lua_tonumber` (a numeric string counts, anything else is 0), then C's cast
            // to int: 2.9 is 2.
            let protocol = match args.iter().collect::<Vec<_>>()[..] {
                [value] => lua.coerce_number(value.clone())?.unwrap_or(0.0).trunc(),
                _ => {
                    return Err(raise(
                        lua,
                        &raising,
                        "ERR redis.setresp() requires one argument.",
                    ))
                }
            };
            if protocol == 2.0 || protocol == 3.0 {
                switch.store(protocol == 3.0, Ordering::Relaxed);
                Ok(())
            } else {
                Err(raise(lua, &raising, "ERR RESP version must be 2 or 3."))
            }
        })?;
        let raising = hidden.clone();
        let log = lua.create_function(move |lua, args: MultiValue| {
            if args.len() < 2 {
                return Err(raise(
                    lua,
                    &raising,
                    "ERR redis.log() requires two arguments or more.",
                ));
            }
            // A number or a numeric string (`lua_isnumber`), cast to int as redis-server
            // casts it (3.5 is 3).
            let first = args.iter().next().cloned().unwrap_or(Value::Nil);
            let level = match lua.coerce_number(first)? {
                Some(level) => level.trunc(),
                None => {
                    return Err(raise(
                        lua,
                        &raising,
                        "ERR First argument must be a number (log level).",
                    ))
                }
            };
            if (0.0..=3.0).contains(&level) {
                Ok(())
            } else {
                Err(raise(lua, &raising, "ERR Invalid debug level."))
            }
        })?;
        let version_num = SERVER_VERSION
            .split('.')
            .map(|part| part.parse::<i64>().unwrap_or(0))
            .fold(0, |number, part| number * 256 + part);
        lua.load(PRELUDE).set_name("=[embedis]").call::<()>((
            hidden.clone(),
            globals.clone(),
            env.clone(),
            error_reply,
            status_reply,
            sha1hex,
            SERVER_VERSION,
            version_num,
            bit::library(&lua, &hidden)?,
            cjson::library(&lua, &hidden)?,
            cmsgpack::library(&lua, &hidden)?,
            lua_struct::library(&lua, &hidden)?,
        ))?;
        let deadline = Arc::new(Mutex::new(None::<(Instant, String)>));
        watch_time(&lua, &deadline, &hidden)?;
        let run = hidden.get("run")?;
        let redis: Table = hidden.get("redis")?;
        redis.raw_set("setresp", setresp)?;
        redis.raw_set("log", log)?;
        redis.raw_set("set_repl", set_repl)?;
        redis.raw_set("acl_check_cmd", acl_check_cmd(&lua, &hidden)?)?;
        hidden.raw_set("token", RAISE_TOKEN)?;
        Ok(Interpreter {
            lua,
            globals,
            env,
            hidden,
            run,
            compiled: HashMap::new(),
            deadline,
            resp3,
        })
    }

    /// Compiles a script body as redis-server names it (`@user_script`), in the sandbox.
    fn compile(&mut self, sha: &str, body: &[u8]) -> Result<Function, Error> {
        if let Some(function) = self.compiled.get(sha) {
            return Ok(function.clone());
        }
        let function = self.compile_chunk(
            body,
            "@user_script",
            &self.env,
            "ERR Error compiling script (new function)",
        )?;
        self.compiled.insert(sha.to_string(), function.clone());
        Ok(function)
    }

    /// Compiles user code named `chunk` (its errors' `user_script:N:` prefix), with `env`
    /// as its globals; a syntax error becomes `failure: <Lua's message>`.
    fn compile_chunk(
        &self,
        body: &[u8],
        chunk: &str,
        env: &Table,
        failure: &str,
    ) -> Result<Function, Error> {
        self.lua
            .load(as_text(body).as_ref())
            .set_name(chunk)
            .set_environment(env.clone())
            .set_mode(mlua::chunk::ChunkMode::Text)
            .into_function()
            .map_err(|error| {
                let message = match &error {
                    mlua::Error::SyntaxError { message, .. } => message.clone(),
                    other => other.to_string(),
                };
                Error::Script(format!(
                    "{failure}: {}",
                    convert::one_line(message.as_bytes())
                ))
            })
    }
}

/// `redis.acl_check_cmd(command, arg...)`: whether the script's user may run that command
/// line. Every user is the default user, which may run everything, so it is true for any
/// command redis-server's lookup finds (a container alone, or with a known subcommand;
/// arities are not checked), and an error for anything else.
fn acl_check_cmd(lua: &Lua, hidden: &Table) -> mlua::Result<Function> {
    let raising = hidden.clone();
    lua.create_function(move |lua, args: MultiValue| {
        let argv = convert::lib_argv(args).map_err(|text| raise(lua, &raising, text))?;
        match crate::cmd::table::find_for_line(&argv) {
            Some(_) => Ok(true),
            None => Err(raise(
                lua,
                &raising,
                "ERR Invalid command passed to redis.acl_check_cmd()",
            )),
        }
    })
}

/// Code as redis-server's Lua compiles it: always as source. Stock Lua 5.1 loads a chunk
/// that starts with ESC (`\x1bLua`) as bytecode, which it does not verify: crafted
/// bytecode reads and writes the process's memory. redis-server's Lua has that path
/// removed, so the ESC is a symbol its lexer refuses; a space before it makes stock Lua's
/// lexer meet it the same way, on the same line, and changes nothing else.
fn as_text(code: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if code.first() == Some(&0x1b) {
        std::borrow::Cow::Owned([&b" "[..], code].concat())
    } else {
        std::borrow::Cow::Borrowed(code)
    }
}

/// Checks every 10,000 instructions whether the running script is past its deadline. Once
/// it is, every instruction of the script raises (a `pcall` in the script catches one
/// error, never all of them), while the sandbox's own Lua (the error handler) runs on.
fn watch_time(
    lua: &Lua,
    deadline: &Arc<Mutex<Option<(Instant, String)>>>,
    hidden: &Table,
) -> mlua::Result<()> {
    let (watched, raising) = (deadline.clone(), hidden.clone());
    let every = HookTriggers::default().every_nth_instruction(10_000);
    lua.set_hook(every, move |lua, debug| {
        let text = match &*watched.lock() {
            Some((at, text)) if Instant::now() >= *at => text.clone(),
            _ => return Ok(VmState::Continue),
        };
        let raising = raising.clone();
        let stop = move |lua: &Lua, debug: &mlua::debug::Debug| {
            if is_user_code(debug) {
                Err(raise(lua, &raising, &text))
            } else {
                Ok(VmState::Continue)
            }
        };
        let first = stop(lua, debug);
        lua.set_hook(HookTriggers::default().every_nth_instruction(1), stop)?;
        first
    })
}

/// Whether a frame runs the user's code (a script or a function library), not the sandbox.
fn is_user_code(debug: &mlua::debug::Debug) -> bool {
    debug
        .source()
        .source
        .as_deref()
        .is_some_and(|source| source.starts_with("@user_"))
}

/// The text a script stopped for time fails with.
fn stopped_text(limit: Duration) -> String {
    format!(
        "ERR embedis: script stopped: it ran longer than {} ms",
        limit.as_millis()
    )
}

/// What the interpreter may allocate in all (scripts, cache and sandbox): 1 GiB.
const LUA_MEMORY_LIMIT: usize = 1 << 30;

/// Marks the errors [`raise`] throws, so the handler knows the table they left is theirs.
const RAISE_TOKEN: &str = "\u{1}embedis-script-error\u{1}";

/// Raises `text` as a Redis script error from a Rust function: mlua can only throw its own
/// error value, so the `{err = text}` table waits in `hidden.pending` for the handler (or
/// `redis.pcall`) to take it.
fn raise(lua: &Lua, hidden: &Table, text: &str) -> mlua::Error {
    match convert::error_table(lua, text) {
        Ok(table) => raise_table(hidden, table, text),
        Err(error) => error,
    }
}

/// [`raise`] with the error table already made (a command's, which carries more than its
/// text).
fn raise_table(hidden: &Table, table: Table, text: &str) -> mlua::Error {
    match hidden.raw_set("pending", table) {
        Ok(()) => mlua::Error::RuntimeError(format!("{text} {RAISE_TOKEN}")),
        Err(error) => error,
    }
}

/// `cjson.null`: the NULL light userdata lua-cjson decodes `null` to.
const SCRIPT_NULL: Value = Value::LightUserData(mlua::LightUserData(std::ptr::null_mut()));

/// Raises a library function's argument or data error as `luaL_error` words it: `ERR`,
/// then the script line that called (`user_script:N: `, `user_function:N: `), then
/// `message`.
fn script_error(lua: &Lua, hidden: &Table, message: &str) -> mlua::Error {
    let at = lua
        .inspect_stack(1, |debug| {
            let chunk = debug.source().source.as_deref().map(str::to_string);
            let chunk = chunk.filter(|chunk| chunk.starts_with("@user_"))?;
            Some(format!("{}:{}: ", &chunk[1..], debug.current_line()?))
        })
        .flatten()
        .unwrap_or_default();
    raise(lua, hidden, &format!("ERR {at}{message}"))
}

/// The one string argument of `redis.error_reply` and friends.
fn single_string(args: &MultiValue) -> Option<mlua::LuaString> {
    match args.iter().collect::<Vec<_>>()[..] {
        [Value::String(text)] => Some(text.clone()),
        _ => None,
    }
}

/// `error_reply`'s text as `luaRedisErrorReplyCommand` prepares it: a `-` in front.
fn reply_text(text: mlua::LuaString) -> Vec<u8> {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b'-') {
        bytes.to_vec()
    } else {
        [&b"-"[..], &bytes].concat()
    }
}

/// What the script may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// EVAL, EVALSHA.
    ReadWrite,
    /// EVAL_RO, EVALSHA_RO: a write command is refused.
    ReadOnly,
}

impl Scripts {
    /// Whether a script of that SHA-1 is loaded.
    pub(crate) fn exists(&self, sha: &[u8]) -> bool {
        std::str::from_utf8(sha).is_ok_and(|sha| self.bodies.contains_key(sha))
    }

    /// FCALL / FCALL_RO.
    pub(crate) fn fcall(&mut self, ctx: &mut Ctx, request: functions::Call) -> Reply {
        let limit = self.time_limit;
        self.functions.call(ctx, request, limit)
    }

    /// How many scripts are loaded (INFO's `number_of_cached_scripts`).
    pub(crate) fn cached_count(&self) -> usize {
        self.bodies.len()
    }

    /// How long a script may run before it is stopped.
    pub(crate) fn time_limit(&self) -> Duration {
        self.time_limit
    }

    /// Sets how long a script may run before it is stopped.
    pub(crate) fn set_time_limit(&mut self, limit: Duration) {
        self.time_limit = limit;
    }

    /// SCRIPT FLUSH: every script forgotten, a fresh interpreter next time.
    pub(crate) fn flush(&mut self) {
        self.bodies.clear();
        self.lua = None;
    }

    /// SCRIPT LOAD (and EVAL's first step): compiles and remembers `body`; its SHA-1.
    pub(crate) fn load(&mut self, body: &Bytes) -> Result<String, Error> {
        let sha = sha1::sha1_hex(body);
        if !self.bodies.contains_key(&sha) {
            self.interpreter()?.compile(&sha, body)?;
            self.bodies.insert(sha.clone(), body.clone());
        }
        Ok(sha)
    }

    fn interpreter(&mut self) -> Result<&mut Interpreter, Error> {
        if self.lua.is_none() {
            let interpreter = Interpreter::new()
                .map_err(|error| Error::Script(format!("ERR embedis: Lua: {error}")))?;
            self.lua = Some(interpreter);
        }
        self.lua
            .as_mut()
            .ok_or_else(|| Error::Script("ERR embedis: Lua is not available".to_string()))
    }

    /// Runs the loaded script `sha` with `KEYS` and `ARGV`; its reply.
    pub(crate) fn run(
        &mut self,
        ctx: &mut Ctx,
        sha: &str,
        keys: &[Bytes],
        args: &[Bytes],
        access: Access,
    ) -> Reply {
        let Some(body) = self.bodies.get(sha).cloned() else {
            return Error::Script("NOSCRIPT No matching script. Please use EVAL.".to_string())
                .into();
        };
        let interpreter = match self.interpreter() {
            Ok(interpreter) => interpreter,
            Err(error) => return error.into(),
        };
        let function = match interpreter.compile(sha, &body) {
            Ok(function) => function,
            Err(error) => return error.into(),
        };
        let limit = self.time_limit;
        let Some(interpreter) = self.lua.as_mut() else {
            return Error::Script("ERR embedis: Lua is not available".to_string()).into();
        };
        let entry = Entry::Script { keys, args };
        match interpreter.call(ctx, sha, function, entry, access, limit) {
            Ok(reply) => reply,
            Err(error) => Error::Script(format!(
                "ERR embedis: Lua: {}",
                convert::one_line(error.to_string().as_bytes())
            ))
            .into(),
        }
    }
}

/// How the user's code is entered.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entry<'a> {
    /// A script (EVAL): `KEYS` and `ARGV` are globals.
    Script {
        keys: &'a [Bytes],
        args: &'a [Bytes],
    },
    /// A function's callback (FCALL): keys and arguments are its two parameters.
    Callback {
        keys: &'a [Bytes],
        args: &'a [Bytes],
    },
}

impl Interpreter {
    /// Runs `function` (a script's chunk or a function's callback) as Redis's script client;
    /// `name` is what the error suffix calls it (the script's SHA-1, the function's name).
    fn call(
        &mut self,
        ctx: &mut Ctx,
        name: &str,
        function: Function,
        entry: Entry,
        access: Access,
        limit: Duration,
    ) -> mlua::Result<Reply> {
        let lua = &self.lua;
        if let Entry::Script { keys, args } = entry {
            self.globals.raw_set("KEYS", strings(lua, keys)?)?;
            self.globals.raw_set("ARGV", strings(lua, args)?)?;
        }
        // The script runs as Redis's script client: its own session (RESP2, the caller's
        // database), one instant of the clock with the caller.
        let mut session = Session::new(ctx.session.id, Arc::new(AtomicU8::new(2)));
        session.scripted = true;
        session.db = ctx.session.db;
        let caller_db = ctx.db.index();
        ctx.now_us();
        let mut no_scripts = Scripts::default();
        let mut inner = Ctx {
            db: &mut *ctx.db,
            databases: &mut *ctx.databases,
            watches: &mut *ctx.watches,
            tracking: &mut *ctx.tracking,
            session: &mut session,
            peers: crate::exec::clients::Peers::none(),
            now: ctx.now.clone(),
            events: &mut *ctx.events,
            blocking: &mut *ctx.blocking,
            log: ctx.log.as_deref_mut(),
            scripts: &mut no_scripts,
            server: ctx.server,
            monitor: &mut *ctx.monitor,
            acl_log: &mut *ctx.acl_log,
            snapshots: ctx.snapshots.as_deref_mut(),
            slowlog: &mut *ctx.slowlog,
            saves: &mut *ctx.saves,
        };
        let redis: Table = self.hidden.raw_get("redis")?;
        let hidden = self.hidden.clone();
        self.resp3.store(false, Ordering::Relaxed);
        let resp3 = self.resp3.clone();
        *self.deadline.lock() = Some((Instant::now() + limit, stopped_text(limit)));
        let outcome = lua.scope(|scope| {
            let call = scope.create_function_mut(|lua, args: MultiValue| {
                let speaks_resp3 = resp3.load(Ordering::Relaxed);
                match redis_call(lua, &mut inner, args, access, speaks_resp3)? {
                    (Value::Table(error), true) => {
                        let text: String = error.raw_get("err")?;
                        Err(raise_table(&hidden, error, &text))
                    }
                    (reply, _) => Ok(reply),
                }
            })?;
            redis.raw_set("call", call)?;
            let results: MultiValue = match entry {
                Entry::Script { .. } => self.run.call(function)?,
                Entry::Callback { keys, args } => {
                    let fcall: Function = self.hidden.raw_get("fcall")?;
                    fcall.call((function, strings(lua, keys)?, strings(lua, args)?))?
                }
            };
            let mut results = results.into_iter();
            let ok = matches!(results.next(), Some(Value::Boolean(true)));
            let value = results.next().unwrap_or(Value::Nil);
            Ok(if ok {
                convert::lua_to_reply(&value, self.resp3.load(Ordering::Relaxed))
            } else {
                Reply::Error(Error::Script(failure_text(&value, name)))
            })
        });
        *self.deadline.lock() = None;
        // A script stopped for time left the every-instruction hook on.
        watch_time(lua, &self.deadline, &self.hidden)?;
        redis.raw_set("call", Value::Nil)?;
        self.hidden.raw_set("pending", Value::Nil)?;
        // A SELECT inside the script moved only the script's client.
        if ctx.db.index() != caller_db {
            ctx.databases.activate(ctx.db, caller_db);
        }
        outcome
    }
}

/// A Lua array of strings (KEYS, ARGV).
fn strings(lua: &Lua, items: &[Bytes]) -> mlua::Result<Table> {
    let table = lua.create_table_with_capacity(items.len(), 0)?;
    for (index, item) in items.iter().enumerate() {
        table.raw_set(index + 1, lua.create_string(item)?)?;
    }
    Ok(table)
}

/// The error reply of a script that raised `error`: its text, then where, as redis-server
/// words it.
fn failure_text(error: &Value, sha: &str) -> String {
    let Value::Table(table) = error else {
        // Lua skips the handler for an allocation failure (past the memory limit).
        let what = match error {
            Value::String(text) => convert::one_line(&text.as_bytes()),
            Value::Error(error) if matches!(**error, mlua::Error::MemoryError(_)) => {
                "not enough memory".to_string()
            }
            _ => "execution failure".to_string(),
        };
        return format!("ERR Error running script {sha}, {what}");
    };
    let message = match table.raw_get::<Value>("err") {
        Ok(Value::String(text)) => convert::one_line(&text.as_bytes()),
        Ok(number @ (Value::Integer(_) | Value::Number(_))) => {
            number.to_string().unwrap_or_default()
        }
        _ => "ERR unknown error".to_string(),
    };
    match (
        table.raw_get::<Value>("source"),
        table.raw_get::<Value>("line"),
    ) {
        (Ok(Value::String(source)), Ok(line @ (Value::Integer(_) | Value::Number(_)))) => {
            let line = match line {
                Value::Integer(n) => n,
                Value::Number(n) => n as i64,
                _ => 0,
            };
            format!(
                "{message} script: {sha}, on {}:{line}.",
                source.to_string_lossy()
            )
        }
        _ => message,
    }
}

const NOT_ALLOWED: &str = "ERR This Redis command is not allowed from script";
const READ_ONLY: &str = "ERR Write commands are not allowed from read-only scripts.";

/// Why a script may not run a command, by its full name (`get`, `client|kill`), as
/// redis-server refuses it from the command's flags before the command reads its
/// arguments: `noscript` commands always, `write` commands in a read-only script.
fn refusal_by_name(name: &str, access: Access) -> Option<&'static str> {
    let meta = crate::cmd::introspect::meta_named(name)?;
    if meta.has_flag("noscript") {
        Some(NOT_ALLOWED)
    } else if access == Access::ReadOnly && meta.has_flag("write") {
        Some(READ_ONLY)
    } else {
        None
    }
}

/// `redis.call` / `redis.pcall`: runs one command; (reply, whether it failed).
fn redis_call(
    lua: &Lua,
    ctx: &mut Ctx,
    args: MultiValue,
    access: Access,
    resp3: bool,
) -> mlua::Result<(Value, bool)> {
    // The library's own argument checks fail with a plain error table; everything from
    // the command's lookup on is the command's error.
    let lib_fail = |text: &str| Ok((Value::Table(convert::error_table(lua, text)?), true));
    let fail = |text: &str| Ok((Value::Table(convert::command_error_table(lua, text)?), true));
    let argv = match convert::lib_argv(args) {
        Ok(argv) => argv,
        Err(text) => return lib_fail(text),
    };
    // The full name (`module|load`): a container's flags are its subcommands'.
    let spec = crate::cmd::table::find_for_line(&argv);
    let full_name = spec.map(|spec| spec.name);
    let timed = ctx.slowlog.times_in_script(spec);
    let line = (ctx.monitor.is_listening() || timed).then(|| argv.clone());
    let command = match Command::from_argv(argv) {
        Ok(command) => command,
        // An unknown subcommand is an unknown command to redis-server's lookup.
        Err(Error::UnknownCommand { .. } | Error::UnknownSubcommand { .. }) => {
            return fail("ERR Unknown Redis command called from script")
        }
        Err(Error::WrongArity { .. }) => {
            return fail("ERR Wrong number of args calling Redis command from script")
        }
        // Redis checks what the command is before the command reads its arguments.
        Err(error) => {
            let refusal = full_name.and_then(|name| refusal_by_name(name, access));
            return fail(refusal.unwrap_or(&error.to_string()));
        }
    };
    if let Command::Invalid { name, error } = &command {
        let refusal = refusal_by_name(name, access);
        if let (None, Some(line), true) = (refusal, &line, ctx.monitor.is_listening()) {
            // It ran, as far as redis-server is concerned, and refused its arguments.
            crate::exec::monitor::record(ctx, Some(line), name);
        }
        return fail(refusal.unwrap_or(&error.to_string()));
    }
    if let Some(refusal) = refusal_by_name(command.name(), access) {
        return fail(refusal);
    }
    // The script's client speaks what `redis.setresp` chose (ZRANGE WITHSCORES's shape).
    ctx.session.set_protocol(if resp3 {
        crate::Protocol::Resp3
    } else {
        crate::Protocol::Resp2
    });
    let command_name = command.name();
    let started = timed.then(std::time::Instant::now);
    let reply = command.apply(ctx);
    if let Some(started) = started {
        crate::exec::slowlog::record_since(ctx, line.as_deref(), command_name, started);
    }
    if let (Some(line), true) = (line, ctx.monitor.is_listening()) {
        crate::exec::monitor::record(ctx, Some(&line), command_name);
    }
    match reply {
        Reply::Error(error) => fail(&error.to_string()),
        reply => Ok((convert::reply_to_lua(lua, &reply, resp3)?, false)),
    }
}
