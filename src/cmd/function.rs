//! Redis 7's function commands, as redis-server 7.0 has them: FUNCTION LOAD / DELETE /
//! LIST / FLUSH / STATS / KILL / DUMP / RESTORE / HELP, and FCALL / FCALL_RO. The libraries
//! and their Lua state are `src/script/functions.rs`; the payload of DUMP and RESTORE is
//! RDB's (`src/persist/rdb.rs`).
//!
//! Libraries are part of the dataset: FUNCTION LOAD, DELETE and FLUSH are logged to the
//! append-only file (a load as `FUNCTION LOAD REPLACE`, so a replay over a rewrite holding
//! the library succeeds), and a rewrite writes every library first. FLUSHALL keeps them.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::error::error_text;
use crate::persist::rdb;
use crate::script::functions::{Call, ENGINE, FLAG_NAMES};
use crate::store::c_string::keyword_is;
use crate::{Error, Reply};

/// A FUNCTION subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Request {
    Load {
        code: Bytes,
        replace: bool,
    },
    Delete(Bytes),
    List {
        pattern: Option<Bytes>,
        with_code: bool,
    },
    Flush,
    Stats,
    Kill,
    Dump,
    Restore {
        payload: Bytes,
        policy: RestorePolicy,
    },
    Help,
}

/// What `FUNCTION RESTORE` does with the libraries already loaded.
///
/// ```
/// use embedis::cmd::{Command, FunctionCommand, RestorePolicy};
/// assert_eq!(
///     Command::from_argv(["FUNCTION", "RESTORE", "payload", "replace"]).unwrap(),
///     FunctionCommand::restore_with("payload", RestorePolicy::Replace).into()
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RestorePolicy {
    /// Adds the payload's libraries; fails if one has the name of a loaded library (the
    /// default).
    #[default]
    Append,
    /// Adds them, replacing loaded libraries of the same names.
    Replace,
    /// Removes every loaded library first.
    Flush,
}

/// `FUNCTION LOAD [REPLACE] code`, `FUNCTION DELETE library`, `FUNCTION LIST [LIBRARYNAME
/// pattern] [WITHCODE]`, `FUNCTION FLUSH [ASYNC | SYNC]`, `FUNCTION STATS`, `FUNCTION KILL`,
/// `FUNCTION HELP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionCommand {
    request: Request,
}

impl FunctionCommand {
    /// `FUNCTION LOAD code`: runs the library's code, which registers its functions;
    /// replies the library's name.
    ///
    /// ```
    /// use embedis::{cmd::{FCall, FunctionCommand}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let code = "#!lua name=counters\n\
    ///     redis.register_function('bump', function(keys, args)\n\
    ///       return redis.call('INCRBY', keys[1], args[1])\n\
    ///     end)";
    /// assert_eq!(conn.run(FunctionCommand::load(code)).unwrap(), Reply::bulk("counters"));
    /// assert_eq!(conn.run(FCall::new("bump").keys(["hits"]).args(["5"])).unwrap(), Reply::Integer(5));
    /// ```
    pub fn load(code: impl IntoArg) -> FunctionCommand {
        FunctionCommand {
            request: Request::Load {
                code: code.into_arg(),
                replace: false,
            },
        }
    }

    /// `FUNCTION LOAD REPLACE code`: replaces a library of the same name.
    pub fn load_replace(code: impl IntoArg) -> FunctionCommand {
        FunctionCommand {
            request: Request::Load {
                code: code.into_arg(),
                replace: true,
            },
        }
    }

    /// `FUNCTION DELETE library`.
    pub fn delete(library: impl IntoArg) -> FunctionCommand {
        FunctionCommand {
            request: Request::Delete(library.into_arg()),
        }
    }

    /// `FUNCTION LIST`: every library, its functions and their flags.
    pub fn list() -> FunctionCommand {
        FunctionCommand {
            request: Request::List {
                pattern: None,
                with_code: false,
            },
        }
    }

    /// `FUNCTION FLUSH`: removes every library.
    pub fn flush() -> FunctionCommand {
        FunctionCommand {
            request: Request::Flush,
        }
    }

    /// `FUNCTION STATS`.
    pub fn stats() -> FunctionCommand {
        FunctionCommand {
            request: Request::Stats,
        }
    }

    pub(crate) fn parse_load(args: &mut Args) -> Result<Command, Error> {
        let mut words = args.rest();
        let code = words.pop().unwrap_or_default();
        for option in &words {
            if !keyword_is(option, "replace") {
                return Err(Error::Script(format!(
                    "ERR Unknown option given: {}",
                    error_text(option)
                )));
            }
        }
        Ok(Command::Function(FunctionCommand {
            request: Request::Load {
                code,
                replace: !words.is_empty(),
            },
        }))
    }

    pub(crate) fn parse_delete(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Function(FunctionCommand::delete(
            args.next_bytes()?,
        )))
    }

    pub(crate) fn parse_list(args: &mut Args) -> Result<Command, Error> {
        let words = args.rest();
        let (mut pattern, mut with_code) = (None, false);
        let mut at = 0;
        while at < words.len() {
            let word = &words[at];
            if !with_code && keyword_is(word, "withcode") {
                with_code = true;
            } else if pattern.is_none() && keyword_is(word, "libraryname") {
                let Some(name) = words.get(at + 1) else {
                    return Err(Error::Script(
                        "ERR library name argument was not given".into(),
                    ));
                };
                pattern = Some(name.clone());
                at += 1;
            } else {
                return Err(Error::Script(format!(
                    "ERR Unknown argument {}",
                    error_text(word)
                )));
            }
            at += 1;
        }
        Ok(Command::Function(FunctionCommand {
            request: Request::List { pattern, with_code },
        }))
    }

    pub(crate) fn parse_flush(args: &mut Args) -> Result<Command, Error> {
        let typed = args.subcommand_name();
        match &args.rest()[..] {
            [] => {}
            [mode] if keyword_is(mode, "sync") || keyword_is(mode, "async") => {}
            [_] => {
                return Err(Error::Script(
                    "ERR FUNCTION FLUSH only supports SYNC|ASYNC option".into(),
                ))
            }
            _ => {
                return Err(Error::Script(format!(
                "ERR unknown subcommand or wrong number of arguments for '{}'. Try FUNCTION HELP.",
                error_text(&typed)
            )))
            }
        }
        Ok(Command::Function(FunctionCommand::flush()))
    }

    /// `FUNCTION DUMP`: every library as one payload, in RDB's format, which `FUNCTION
    /// RESTORE` loads here or on redis-server.
    ///
    /// ```
    /// use embedis::{cmd::FunctionCommand, Engine, Reply};
    /// let engine = Engine::new();
    /// let mut conn = engine.connect();
    /// conn.run(FunctionCommand::load(
    ///     "#!lua name=lib\nredis.register_function('one', function() return 1 end)",
    /// ))
    /// .unwrap();
    /// let Reply::Bulk(payload) = conn.run(FunctionCommand::dump()).unwrap() else { panic!() };
    ///
    /// let mut other = Engine::new().connect();
    /// assert_eq!(other.run(FunctionCommand::restore(payload)).unwrap(), Reply::OK);
    /// assert_eq!(other.call(["FCALL", "one", "0"]).unwrap(), Reply::Integer(1));
    /// ```
    pub fn dump() -> FunctionCommand {
        FunctionCommand {
            request: Request::Dump,
        }
    }

    /// `FUNCTION RESTORE payload`: adds the libraries of a `FUNCTION DUMP` payload (from
    /// embedis or redis-server).
    pub fn restore(payload: impl IntoArg) -> FunctionCommand {
        FunctionCommand::restore_with(payload, RestorePolicy::Append)
    }

    /// `FUNCTION RESTORE payload FLUSH|APPEND|REPLACE`.
    pub fn restore_with(payload: impl IntoArg, policy: RestorePolicy) -> FunctionCommand {
        FunctionCommand {
            request: Request::Restore {
                payload: payload.into_arg(),
                policy,
            },
        }
    }

    pub(crate) fn parse_dump(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Function(FunctionCommand::dump()))
    }

    pub(crate) fn parse_restore(args: &mut Args) -> Result<Command, Error> {
        let typed = args.subcommand_name();
        let payload = args.next_bytes()?;
        let policy = match &args.rest()[..] {
            [] => RestorePolicy::Append,
            [word] if keyword_is(word, "append") => RestorePolicy::Append,
            [word] if keyword_is(word, "replace") => RestorePolicy::Replace,
            [word] if keyword_is(word, "flush") => RestorePolicy::Flush,
            [_] => return Err(Error::Script(
                "ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE."
                    .into(),
            )),
            _ => {
                return Err(Error::Script(format!(
                "ERR unknown subcommand or wrong number of arguments for '{}'. Try FUNCTION HELP.",
                error_text(&typed)
            )))
            }
        };
        Ok(Command::Function(FunctionCommand::restore_with(
            payload, policy,
        )))
    }

    pub(crate) fn parse_stats(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Function(FunctionCommand::stats()))
    }

    pub(crate) fn parse_kill(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Function(FunctionCommand {
            request: Request::Kill,
        }))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Function(FunctionCommand {
            request: Request::Help,
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.request {
            Request::Load { .. } => "function|load",
            Request::Delete(_) => "function|delete",
            Request::List { .. } => "function|list",
            Request::Flush => "function|flush",
            Request::Stats => "function|stats",
            Request::Kill => "function|kill",
            Request::Dump => "function|dump",
            Request::Restore { .. } => "function|restore",
            Request::Help => "function|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.request {
            Request::Load { code, replace } => {
                let mut scripts = std::mem::take(ctx.scripts);
                let loaded = scripts.functions.load(&code, replace);
                *ctx.scripts = scripts;
                match loaded {
                    Ok(name) => {
                        ctx.log_anywhere(&[&b"FUNCTION"[..], b"LOAD", b"REPLACE", &code]);
                        ctx.count_changes(1);
                        Reply::Bulk(name.into())
                    }
                    Err(error) => error.into(),
                }
            }
            Request::Delete(name) => {
                if ctx.scripts.functions.delete(&name) {
                    ctx.log_anywhere(&[&b"FUNCTION"[..], b"DELETE", &name]);
                    ctx.count_changes(1);
                    Reply::OK
                } else {
                    Error::Script("ERR Library not found".into()).into()
                }
            }
            Request::List { pattern, with_code } => list(ctx, pattern.as_deref(), with_code),
            Request::Flush => {
                ctx.scripts.functions.flush();
                ctx.log_anywhere(&[&b"FUNCTION"[..], b"FLUSH"]);
                ctx.count_changes(1);
                Reply::OK
            }
            Request::Stats => {
                let (libraries, functions) = ctx.scripts.functions.counts();
                let counts = Reply::Map(vec![
                    (
                        Reply::bulk("libraries_count"),
                        Reply::Integer(libraries as i64),
                    ),
                    (
                        Reply::bulk("functions_count"),
                        Reply::Integer(functions as i64),
                    ),
                ]);
                Reply::Map(vec![
                    (Reply::bulk("running_script"), Reply::Nil),
                    (
                        Reply::bulk("engines"),
                        Reply::Map(vec![(Reply::bulk(ENGINE), counts)]),
                    ),
                ])
            }
            // A function runs to its end on the executor before anything else is read.
            Request::Kill => {
                Error::Script("NOTBUSY No scripts in execution right now.".into()).into()
            }
            Request::Dump => {
                let mut body = Vec::new();
                for code in ctx.scripts.functions.codes() {
                    body.push(rdb::OPCODE_FUNCTION2);
                    rdb::write_plain_string(&mut body, code);
                }
                Reply::Bulk(rdb::seal(body).into())
            }
            Request::Restore { payload, policy } => restore(ctx, &payload, policy),
            Request::Help => help(),
        }
    }
}

/// FUNCTION RESTORE: the payload's libraries, read and loaded on their own first (as
/// redis-server loads them into a fresh set), then joined with the loaded ones. Logged as
/// the FLUSH or the DELETEs it implies, then a LOAD REPLACE per library.
fn restore(ctx: &mut Ctx, payload: &[u8], policy: RestorePolicy) -> Reply {
    if rdb::verify(payload).is_none() {
        return script_error("DUMP payload version or checksum are wrong");
    }
    let codes = match library_codes(payload) {
        Ok(codes) => codes,
        Err(text) => return script_error(text),
    };
    let mut scripts = std::mem::take(ctx.scripts);
    let restored = scripts.functions.restore(&codes, policy);
    *ctx.scripts = scripts;
    match restored {
        Ok(replaced) => {
            if policy == RestorePolicy::Flush {
                ctx.log_anywhere(&[&b"FUNCTION"[..], b"FLUSH"]);
            }
            for name in replaced {
                ctx.log_anywhere(&[&b"FUNCTION"[..], b"DELETE", name.as_bytes()]);
            }
            for code in &codes {
                ctx.log_anywhere(&[&b"FUNCTION"[..], b"LOAD", b"REPLACE", code]);
            }
            ctx.count_changes(1);
            Reply::OK
        }
        Err(error) => error.into(),
    }
}

fn script_error(text: &str) -> Reply {
    Reply::Error(Error::Script(format!("ERR {text}")))
}

/// The code of each library in a verified payload. As redis-server reads them: entries
/// start while more than the footer is left, and an entry may read into the footer (which
/// then fails, or yields code that does). Redis 7.0's release candidates saved a library as
/// its name, engine, optional description and code; 7.0 still loads those, under a
/// shebang line built from the first two.
fn library_codes(payload: &[u8]) -> Result<Vec<Bytes>, &'static str> {
    let mut reader = rdb::Reader::new(payload);
    let mut codes = Vec::new();
    while reader.remaining() > rdb::FOOTER_LEN {
        let code = match reader.byte() {
            Some(rdb::OPCODE_FUNCTION2) => {
                reader.string().ok_or("Failed loading library payload")?
            }
            Some(rdb::OPCODE_FUNCTION_PRE_GA) => {
                let name = reader.string().ok_or("Failed loading library name")?;
                let engine = reader.string().ok_or("Failed loading engine name")?;
                let described = reader
                    .length_only()
                    .ok_or("Failed loading library description")?;
                if described != 0 {
                    reader
                        .string()
                        .ok_or("Failed loading library description")?;
                }
                let blob = reader.string().ok_or("Failed loading library blob")?;
                let mut code = b"#!".to_vec();
                code.extend_from_slice(&engine);
                code.extend_from_slice(b" name=");
                code.extend_from_slice(&name);
                code.push(b'\n');
                code.extend_from_slice(&blob);
                code
            }
            _ => return Err("given type is not a function"),
        };
        codes.push(Bytes::from(code));
    }
    Ok(codes)
}

/// FUNCTION LIST's reply: one map per library.
fn list(ctx: &mut Ctx, pattern: Option<&[u8]>, with_code: bool) -> Reply {
    let libraries = ctx.scripts.functions.list(pattern);
    Reply::Array(
        libraries
            .into_iter()
            .map(|(name, library)| {
                let functions = library
                    .functions
                    .iter()
                    .map(|function| {
                        let flags = FLAG_NAMES
                            .iter()
                            .enumerate()
                            .filter(|(bit, _)| function.flags & (1 << bit) != 0)
                            .map(|(_, flag)| Reply::status(flag))
                            .collect();
                        Reply::Map(vec![
                            (Reply::bulk("name"), Reply::bulk(function.name.clone())),
                            (
                                Reply::bulk("description"),
                                function.description.clone().map_or(Reply::Nil, Reply::Bulk),
                            ),
                            (Reply::bulk("flags"), Reply::Set(flags)),
                        ])
                    })
                    .collect();
                let mut fields = vec![
                    (Reply::bulk("library_name"), Reply::bulk(name)),
                    (Reply::bulk("engine"), Reply::bulk(ENGINE)),
                    (Reply::bulk("functions"), Reply::Array(functions)),
                ];
                if with_code {
                    fields.push((
                        Reply::bulk("library_code"),
                        Reply::Bulk(library.code.clone()),
                    ));
                }
                Reply::Map(fields)
            })
            .collect(),
    )
}

fn help() -> Reply {
    const LINES: [&str; 40] = [
        "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "LOAD [REPLACE] <FUNCTION CODE>",
        "    Create a new library with the given library name and code.",
        "DELETE <LIBRARY NAME>",
        "    Delete the given library.",
        "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
        "    Return general information on all the libraries:",
        "    * Library name",
        "    * The engine used to run the Library",
        "    * Library description",
        "    * Functions list",
        "    * Library code (if WITHCODE is given)",
        "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
        "STATS",
        "    Return information about the current function running:",
        "    * Function name",
        "    * Command used to run the function",
        "    * Duration in MS that the function is running",
        "    If no function is running, return nil",
        "    In addition, returns a list of available engines.",
        "KILL",
        "    Kill the current running function.",
        "FLUSH [ASYNC|SYNC]",
        "    Delete all the libraries.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the libraries.",
        "    * SYNC: Synchronously flush the libraries.",
        "DUMP",
        "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
        "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
        "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
        "    control how to handle existing libraries (default APPEND):",
        "    * FLUSH: delete all existing libraries.",
        "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
        "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
        "      libraries with the new libraries (notice that even on this option there is a chance of failure",
        "      in case of functions name collision with another library).",
        "HELP",
        "    Prints this help.",
    ];
    Reply::help(&LINES)
}

/// `FCALL function numkeys key ... arg ...` and `FCALL_RO`: runs a loaded function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FCall {
    function: Bytes,
    /// Checked when it runs: an unknown function is reported first.
    numkeys: Bytes,
    rest: Vec<Bytes>,
    read_only: bool,
}

impl FCall {
    /// `FCALL function 0`, keys and arguments added by [`FCall::keys`] and [`FCall::args`].
    pub fn new(function: impl IntoArg) -> FCall {
        FCall {
            function: function.into_arg(),
            numkeys: Bytes::from_static(b"0"),
            rest: Vec::new(),
            read_only: false,
        }
    }

    /// The keys (the callback's first parameter); set before the arguments.
    pub fn keys<I>(mut self, keys: I) -> FCall
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let keys: Vec<Bytes> = keys.into_iter().map(IntoArg::into_arg).collect();
        self.numkeys = Bytes::from(keys.len().to_string());
        self.rest = keys;
        self
    }

    /// The arguments (the callback's second parameter).
    pub fn args<I>(mut self, args: I) -> FCall
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.rest.extend(args.into_iter().map(IntoArg::into_arg));
        self
    }

    /// FCALL_RO: only a function flagged `no-writes` may run.
    pub fn read_only(mut self) -> FCall {
        self.read_only = true;
        self
    }

    fn parse_with(args: &mut Args, read_only: bool) -> Result<Command, Error> {
        let function = args.next_bytes()?;
        let numkeys = args.next_bytes()?;
        Ok(Command::FCall(Box::new(FCall {
            function,
            numkeys,
            rest: args.rest(),
            read_only,
        })))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        FCall::parse_with(args, false)
    }

    pub(crate) fn parse_ro(args: &mut Args) -> Result<Command, Error> {
        FCall::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.read_only {
            "fcall_ro"
        } else {
            "fcall"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // The libraries are taken out while the function runs: its commands borrow the
        // context.
        let mut scripts = std::mem::take(ctx.scripts);
        let reply = scripts.fcall(
            ctx,
            Call {
                name: &self.function,
                numkeys: &self.numkeys,
                rest: &self.rest,
                read_only: self.read_only,
            },
        );
        *ctx.scripts = scripts;
        reply
    }
}
