//! Redis 7's functions: libraries of Lua functions loaded once (FUNCTION LOAD) and called
//! by name (FCALL), as redis-server 7.0 has them.
//!
//! A library's code runs once when it loads, in a bare environment where the only global
//! is a `redis` table holding `register_function`, `log`, the log levels and the version;
//! each `register_function` adds a callback. The callbacks later run in the scripts'
//! sandbox (without `KEYS` and `ARGV`: they get keys and arguments as parameters), so a
//! library's chunk locals are its private state, kept between calls until it is replaced.
//! Functions have their own Lua state, apart from EVAL's: SCRIPT FLUSH leaves them, FUNCTION
//! FLUSH starts a fresh one.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use mlua::{Function, MultiValue, Table, Value};
use parking_lot::Mutex;

use super::{convert, raise, watch_time, Access, Entry, Interpreter};
use crate::cmd::context::Ctx;
use crate::cmd::RestorePolicy;
use crate::store::glob;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// Function flags, in the order FUNCTION LIST shows them; bit `i` is `FLAG_NAMES[i]`.
pub(crate) const FLAG_NAMES: [&str; 5] = [
    "no-writes",
    "allow-oom",
    "allow-stale",
    "no-cluster",
    "allow-cross-slot-keys",
];
/// `no-writes`: the function may run under FCALL_RO, and never writes.
const NO_WRITES: u8 = 1;

/// How long a library's code may run while it loads (Redis's limit).
const LOAD_TIME_LIMIT: Duration = Duration::from_millis(500);

/// The engine name every library names (`#!lua`); LIST and STATS spell it so.
pub(crate) const ENGINE: &str = "LUA";

/// The function half of the sandbox, run after the scripts' prelude in the functions' own
/// Lua state: the load-time environment, and the one environment library code is compiled
/// in, whose globals are the load-time ones while loading and the scripts' afterwards.
const FUNCTIONS_PRELUDE: &str = r#"
local hidden, globals, register_function = ...
local error, tostring, setmetatable = error, tostring, setmetatable
local redis = hidden.redis
redis.replicate_commands, redis.breakpoint, redis.debug = nil, nil, nil

local function missing(name)
  error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 3)
end
local readonly = hidden.refuse

-- While loading, reading anything that is not there is an error, fields of `redis` too.
local function strict(t)
  local proxy = setmetatable({}, {
    __index = function(_, name)
      local value = t[name]
      if value == nil then missing(name) end
      return value
    end,
    __newindex = readonly,
    __metatable = false,
  })
  hidden.guard(proxy, t)
  return proxy
end
local load_globals = {
  redis = strict({
    register_function = register_function,
    log = redis.log,
    LOG_DEBUG = redis.LOG_DEBUG, LOG_VERBOSE = redis.LOG_VERBOSE,
    LOG_NOTICE = redis.LOG_NOTICE, LOG_WARNING = redis.LOG_WARNING,
    REDIS_VERSION = redis.REDIS_VERSION, REDIS_VERSION_NUM = redis.REDIS_VERSION_NUM,
  }),
}

local loading = false
hidden.functions_env = setmetatable({}, {
  __index = function(_, name)
    local value = (loading and load_globals or globals)[name]
    if value == nil then missing(name) end
    return value
  end,
  __newindex = readonly,
  __metatable = false,
})
hidden.guard(hidden.functions_env, globals)
hidden.set_loading = function(on) loading = on end
"#;

/// One registered function.
pub(crate) struct Registered {
    /// As registered (FCALL finds it ignoring case; errors name it so).
    pub(crate) name: String,
    pub(crate) description: Option<Bytes>,
    /// Bits of [`FLAG_NAMES`].
    pub(crate) flags: u8,
    callback: Function,
}

/// A loaded library.
pub(crate) struct Library {
    /// The whole payload FUNCTION LOAD was given, shebang line included.
    pub(crate) code: Bytes,
    /// In registration order.
    pub(crate) functions: Vec<Registered>,
}

/// Every loaded library, and the Lua state their functions live in.
#[derive(Default)]
pub(crate) struct Functions {
    libraries: BTreeMap<String, Library>,
    /// Each function's lower-cased name, to its library's name.
    index: HashMap<String, String>,
    engine: Option<Engine>,
}

/// The functions' Lua state.
struct Engine {
    interpreter: Interpreter,
    /// Where `register_function` adds while a library loads (`None` otherwise).
    registering: Arc<Mutex<Option<Vec<Registered>>>>,
    env: Table,
    set_loading: Function,
}

impl Engine {
    fn new() -> mlua::Result<Engine> {
        let interpreter = Interpreter::new()?;
        let registering = Arc::new(Mutex::new(None::<Vec<Registered>>));
        let (into, hidden) = (registering.clone(), interpreter.hidden.clone());
        let register = interpreter
            .lua
            .create_function(move |lua, args: MultiValue| {
                let fail = |text: &str| Err(raise(lua, &hidden, &format!("ERR {text}")));
                let mut guard = into.lock();
                let Some(registered) = guard.as_mut() else {
                    return fail(
                        "redis.register_function can only be called on FUNCTION LOAD command",
                    );
                };
                match registration(args) {
                    Ok(function) if !valid_name(&function.name) => fail(NAME_RULE),
                    Ok(function) if registered.iter().any(|f| f.name == function.name) => {
                        fail("Function already exists in the library")
                    }
                    Ok(function) => {
                        registered.push(function);
                        Ok(())
                    }
                    Err(text) => fail(text),
                }
            })?;
        interpreter
            .lua
            .load(FUNCTIONS_PRELUDE)
            .set_name("=[embedis functions]")
            .call::<()>((
                interpreter.hidden.clone(),
                interpreter.globals.clone(),
                register,
            ))?;
        let env = interpreter.hidden.raw_get("functions_env")?;
        let set_loading = interpreter.hidden.raw_get("set_loading")?;
        Ok(Engine {
            interpreter,
            registering,
            env,
            set_loading,
        })
    }

    /// Compiles and runs a library's code; the functions it registered.
    fn load(&mut self, code: &[u8]) -> Result<Vec<Registered>, Error> {
        // Lua is given the code from the shebang line's end: its line 1 is that line.
        let body = &code[code.iter().position(|&b| b == b'\n').unwrap_or(code.len())..];
        let chunk = self.interpreter.compile_chunk(
            body,
            "@user_function",
            &self.env,
            "ERR Error compiling function",
        )?;
        *self.registering.lock() = Some(Vec::new());
        *self.interpreter.deadline.lock() = Some((
            Instant::now() + LOAD_TIME_LIMIT,
            "ERR FUNCTION LOAD timeout".to_string(),
        ));
        let outcome = self
            .set_loading
            .call::<()>(true)
            .and_then(|()| self.interpreter.run.call::<MultiValue>(chunk));
        *self.interpreter.deadline.lock() = None;
        let registered = self.registering.lock().take().unwrap_or_default();
        let restored = self
            .set_loading
            .call::<()>(false)
            .and_then(|()| {
                let lua = &self.interpreter.lua;
                watch_time(lua, &self.interpreter.deadline, &self.interpreter.hidden)
            })
            .and_then(|()| self.interpreter.hidden.raw_set("pending", Value::Nil));
        let lua_failure = |error: mlua::Error| {
            Error::Script(format!(
                "ERR embedis: Lua: {}",
                convert::one_line(error.to_string().as_bytes())
            ))
        };
        restored.map_err(lua_failure)?;
        let mut results = outcome.map_err(lua_failure)?.into_iter();
        if !matches!(results.next(), Some(Value::Boolean(true))) {
            let text = match results.next() {
                Some(Value::Table(error)) => match error.raw_get::<Value>("err") {
                    Ok(Value::String(text)) => convert::one_line(&text.as_bytes()),
                    Ok(number @ (Value::Integer(_) | Value::Number(_))) => {
                        number.to_string().unwrap_or_default()
                    }
                    _ => "ERR unknown error".to_string(),
                },
                _ => "execution failure".to_string(),
            };
            return Err(Error::Script(format!(
                "ERR Error registering functions: {text}"
            )));
        }
        Ok(registered)
    }
}

/// The rule library and function names follow, and the text Redis gives for both.
const NAME_RULE: &str = "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long";

fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A string or a number (Lua's `lua_isstring`), as text.
fn string_like(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.to_string_lossy()),
        Value::Integer(_) | Value::Number(_) => convert::lua_number_text(value),
        _ => None,
    }
}

/// `redis.register_function`'s arguments: `(name, callback)` or one table of named
/// arguments. `Err`: Redis's text.
fn registration(args: MultiValue) -> Result<Registered, &'static str> {
    let args: Vec<Value> = args.into_iter().collect();
    match &args[..] {
        [name, callback] => {
            let name =
                string_like(name).ok_or("first argument to redis.register_function must be a string")?;
            let Value::Function(callback) = callback else {
                return Err("second argument to redis.register_function must be a function");
            };
            Ok(Registered {
                name,
                description: None,
                flags: 0,
                callback: callback.clone(),
            })
        }
        [Value::Table(named)] => named_registration(named),
        [_] => Err("calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments)."),
        _ => Err("wrong number of arguments to redis.register_function"),
    }
}

fn named_registration(named: &Table) -> Result<Registered, &'static str> {
    let (mut name, mut description, mut flags, mut callback) = (None, None, 0, None);
    for pair in named.pairs::<Value, Value>() {
        let Ok((key, value)) = pair else {
            return Err("unknown argument given to redis.register_function");
        };
        let key = string_like(&key)
            .ok_or("named argument key given to redis.register_function is not a string")?
            .to_ascii_lowercase();
        match key.as_str() {
            "function_name" => {
                name = Some(string_like(&value).ok_or(
                    "function_name argument given to redis.register_function must be a string",
                )?);
            }
            "description" => {
                description = Some(Bytes::from(string_like(&value).ok_or(
                    "description argument given to redis.register_function must be a string",
                )?));
            }
            "callback" => {
                let Value::Function(function) = value else {
                    return Err(
                        "callback argument given to redis.register_function must be a function",
                    );
                };
                callback = Some(function);
            }
            "flags" => {
                let Value::Table(list) = value else {
                    return Err("flags argument to redis.register_function must be a table representing function flags");
                };
                flags = read_flags(&list).ok_or("unknown flag given")?;
            }
            _ => return Err("unknown argument given to redis.register_function"),
        }
    }
    let name = name.ok_or("redis.register_function must get a function name argument")?;
    let callback = callback.ok_or("redis.register_function must get a callback argument")?;
    Ok(Registered {
        name,
        description,
        flags,
        callback,
    })
}

/// `flags = {...}`: each element a known flag, in any case.
fn read_flags(list: &Table) -> Option<u8> {
    let mut flags = 0;
    for index in 1.. {
        let value: Value = list.raw_get(index).ok()?;
        if value.is_nil() {
            break;
        }
        let Value::String(text) = value else {
            return None;
        };
        let text = text.to_string_lossy();
        let bit = FLAG_NAMES
            .iter()
            .position(|flag| flag.eq_ignore_ascii_case(&text))?;
        flags |= 1 << bit;
    }
    Some(flags)
}

/// The library name a payload's shebang line gives, checked as FUNCTION LOAD checks it.
fn function_exists(name: &str) -> Error {
    Error::Script(format!("ERR Function {name} already exists"))
}

fn library_name(code: &[u8]) -> Result<String, Error> {
    let fail = |text: String| Err(Error::Script(format!("ERR {text}")));
    if !code.starts_with(b"#!") {
        return fail("Missing library metadata".into());
    }
    let Some(newline) = code.iter().position(|&b| b == b'\n') else {
        return fail("Invalid library metadata".into());
    };
    let Some(words) = crate::store::sds_text::split_args(&code[..newline]) else {
        return fail("Invalid library metadata".into());
    };
    let engine = words
        .first()
        .map(|word| String::from_utf8_lossy(word.get(2..).unwrap_or_default()).into_owned())
        .unwrap_or_default();
    let mut name: Option<String> = None;
    for word in words.iter().skip(1) {
        let text = String::from_utf8_lossy(word).into_owned();
        let is_name = word.len() >= 5 && word[..5].eq_ignore_ascii_case(b"name=");
        if !is_name {
            return fail(format!("Invalid metadata value given: {text}"));
        }
        if name.is_some() {
            return fail("Invalid metadata value, name argument was given multiple times".into());
        }
        name = Some(text[5..].to_string());
    }
    let Some(name) = name else {
        return fail("Library name was not given".into());
    };
    if !valid_name(&name) {
        return fail(NAME_RULE.into());
    }
    if !engine.eq_ignore_ascii_case(ENGINE) {
        return fail(format!("Engine '{engine}' not found"));
    }
    Ok(name)
}

impl Functions {
    /// FUNCTION LOAD: the library's name, once its code ran and registered its functions.
    pub(crate) fn load(&mut self, code: &Bytes, replace: bool) -> Result<String, Error> {
        let name = library_name(code)?;
        if self.libraries.contains_key(&name) && !replace {
            return Err(Error::Script(format!(
                "ERR Library '{name}' already exists"
            )));
        }
        // A replaced library is out while the new one loads, and back if it fails.
        let old = self.unlink(&name);
        match self.build(code) {
            Ok(library) => {
                self.link(name.clone(), library);
                Ok(name)
            }
            Err(error) => {
                if let Some(old) = old {
                    self.link(name, old);
                }
                Err(error)
            }
        }
    }

    fn build(&mut self, code: &Bytes) -> Result<Library, Error> {
        let functions = self.compile(code)?;
        if let Some(taken) = functions
            .iter()
            .find(|function| self.index.contains_key(&function.name.to_ascii_lowercase()))
        {
            return Err(function_exists(&taken.name));
        }
        Ok(Library {
            code: code.clone(),
            functions,
        })
    }

    /// Runs a library's code: the functions it registered (at least one).
    fn compile(&mut self, code: &Bytes) -> Result<Vec<Registered>, Error> {
        if self.engine.is_none() {
            let engine = Engine::new()
                .map_err(|error| Error::Script(format!("ERR embedis: Lua: {error}")))?;
            self.engine = Some(engine);
        }
        let Some(engine) = self.engine.as_mut() else {
            return Err(Error::Script("ERR embedis: Lua is not available".into()));
        };
        let functions = engine.load(code)?;
        if functions.is_empty() {
            return Err(Error::Script("ERR No functions registered".into()));
        }
        Ok(functions)
    }

    /// FUNCTION RESTORE of libraries given by their codes: each loads on its own, as into
    /// an empty set (a name or a function twice in the payload fails), then they join the
    /// loaded ones under `policy`. Nothing changes on an error. Returns the names of the
    /// libraries they replaced.
    pub(crate) fn restore(
        &mut self,
        codes: &[Bytes],
        policy: RestorePolicy,
    ) -> Result<Vec<String>, Error> {
        let mut incoming: Vec<(String, Library)> = Vec::with_capacity(codes.len());
        let mut incoming_functions: HashSet<String> = HashSet::new();
        for code in codes {
            let name = library_name(code)?;
            if incoming.iter().any(|(loaded, _)| *loaded == name) {
                return Err(Error::Script(format!(
                    "ERR Library '{name}' already exists"
                )));
            }
            let functions = self.compile(code)?;
            for function in &functions {
                if !incoming_functions.insert(function.name.to_ascii_lowercase()) {
                    return Err(function_exists(&function.name));
                }
            }
            let library = Library {
                code: code.clone(),
                functions,
            };
            incoming.push((name, library));
        }
        let mut replaced = Vec::new();
        if policy == RestorePolicy::Flush {
            self.libraries.clear();
            self.index.clear();
        } else {
            for (name, _) in &incoming {
                if self.libraries.contains_key(name) {
                    if policy == RestorePolicy::Append {
                        return Err(Error::Script(format!("ERR Library {name} already exists")));
                    }
                    replaced.push(name.clone());
                }
            }
            let functions = incoming.iter().flat_map(|(_, library)| &library.functions);
            for function in functions {
                let owner = self.index.get(&function.name.to_ascii_lowercase());
                if owner.is_some_and(|owner| !replaced.contains(owner)) {
                    return Err(function_exists(&function.name));
                }
            }
            for name in &replaced {
                self.unlink(name);
            }
        }
        for (name, library) in incoming {
            self.link(name, library);
        }
        Ok(replaced)
    }

    fn link(&mut self, name: String, library: Library) {
        for function in &library.functions {
            self.index
                .insert(function.name.to_ascii_lowercase(), name.clone());
        }
        self.libraries.insert(name, library);
    }

    fn unlink(&mut self, name: &str) -> Option<Library> {
        let library = self.libraries.remove(name)?;
        for function in &library.functions {
            self.index.remove(&function.name.to_ascii_lowercase());
        }
        Some(library)
    }

    /// FUNCTION DELETE: whether the library existed.
    pub(crate) fn delete(&mut self, name: &[u8]) -> bool {
        std::str::from_utf8(name).is_ok_and(|name| self.unlink(name).is_some())
    }

    /// FUNCTION FLUSH: every library gone, a fresh Lua state next time.
    pub(crate) fn flush(&mut self) {
        self.libraries.clear();
        self.index.clear();
        self.engine = None;
    }

    /// The libraries whose names match `pattern` (a glob, ignoring case), by name.
    pub(crate) fn list(&self, pattern: Option<&[u8]>) -> Vec<(&str, &Library)> {
        // Redis matches ignoring case: both sides lower-cased (ranges too).
        let glob = pattern.map(|pattern| glob::Glob::new(&pattern.to_ascii_lowercase()));
        self.libraries
            .iter()
            .filter(|(name, _)| {
                glob.as_ref()
                    .is_none_or(|glob| glob.matches(name.to_ascii_lowercase().as_bytes()))
            })
            .map(|(name, library)| (name.as_str(), library))
            .collect()
    }

    /// (libraries, functions), FUNCTION STATS's counts.
    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.libraries.len(), self.index.len())
    }

    /// Every library's payload, for the append-only file's rewrite.
    pub(crate) fn codes(&self) -> impl Iterator<Item = &Bytes> {
        self.libraries.values().map(|library| &library.code)
    }

    /// FCALL / FCALL_RO: runs the function named `name` (any case) with `numkeys` of
    /// `rest` as its keys, the others as its arguments.
    pub(crate) fn call(&mut self, ctx: &mut Ctx, request: Call, limit: Duration) -> Reply {
        let wanted = String::from_utf8_lossy(request.name).to_ascii_lowercase();
        let found = self.index.get(&wanted).and_then(|library| {
            self.libraries[library]
                .functions
                .iter()
                .find(|function| function.name.to_ascii_lowercase() == wanted)
        });
        let Some(function) = found else {
            return Error::Script("ERR Function not found".into()).into();
        };
        let (name, flags, callback) = (
            function.name.clone(),
            function.flags,
            function.callback.clone(),
        );
        let script_error = |text: &str| Reply::Error(Error::Script(text.to_string()));
        let Some(numkeys) = parse_i64(request.numkeys) else {
            return script_error("ERR Bad number of keys provided");
        };
        if numkeys > request.rest.len() as i64 {
            return script_error("ERR Number of keys can't be greater than number of args");
        }
        let Ok(numkeys) = usize::try_from(numkeys) else {
            return script_error("ERR Number of keys can't be negative");
        };
        if request.read_only && flags & NO_WRITES == 0 {
            return script_error(
                "ERR Can not execute a script with write flag using *_ro command.",
            );
        }
        let access = if flags & NO_WRITES != 0 {
            Access::ReadOnly
        } else {
            Access::ReadWrite
        };
        let Some(engine) = self.engine.as_mut() else {
            return script_error("ERR embedis: Lua is not available");
        };
        let (keys, args) = request.rest.split_at(numkeys);
        let entry = Entry::Callback { keys, args };
        match engine
            .interpreter
            .call(ctx, &name, callback, entry, access, limit)
        {
            Ok(reply) => reply,
            Err(error) => Error::Script(format!(
                "ERR embedis: Lua: {}",
                convert::one_line(error.to_string().as_bytes())
            ))
            .into(),
        }
    }
}

/// What FCALL asks for.
pub(crate) struct Call<'a> {
    pub(crate) name: &'a [u8],
    pub(crate) numkeys: &'a [u8],
    pub(crate) rest: &'a [Bytes],
    pub(crate) read_only: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(code: &str) -> Result<String, String> {
        library_name(code.as_bytes()).map_err(|error| error.to_string())
    }

    #[test]
    fn the_shebang_line_is_checked_in_redis_order() {
        assert_eq!(name_of("#!lua name=lib\nx"), Ok("lib".into()));
        assert_eq!(name_of("#!LUA NAME=q5\nx"), Ok("q5".into()));
        assert_eq!(
            name_of("lua name=x\n"),
            Err("ERR Missing library metadata".into())
        );
        assert_eq!(
            name_of("#!lua name=x"),
            Err("ERR Invalid library metadata".into())
        );
        assert_eq!(
            name_of("#!lua name=\"x\n"),
            Err("ERR Invalid library metadata".into())
        );
        assert_eq!(
            name_of("#! lua name=x\n"),
            Err("ERR Invalid metadata value given: lua".into())
        );
        assert_eq!(
            name_of("#!lua name=a name=b\n"),
            Err("ERR Invalid metadata value, name argument was given multiple times".into())
        );
        assert_eq!(
            name_of("#!foo\n"),
            Err("ERR Library name was not given".into())
        );
        assert_eq!(
            name_of("#!lua name=my-lib\n"),
            Err(format!("ERR {NAME_RULE}"))
        );
        assert_eq!(
            name_of("#!js name=x\n"),
            Err("ERR Engine 'js' not found".into())
        );
    }
}
