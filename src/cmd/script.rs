//! Scripting commands, as redis-server 7.0 has them: EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and
//! SCRIPT LOAD / EXISTS / FLUSH / KILL / HELP. The interpreter is `src/script/`.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::script::Access;
use crate::store::c_string::keyword_is;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// Which script EVAL runs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// EVAL's body.
    Body(Bytes),
    /// EVALSHA's name of a loaded script.
    Sha(Bytes),
}

/// `EVAL script numkeys key ... arg ...`, `EVALSHA sha1 numkeys ...` and their read-only
/// forms: runs a Lua script atomically, with Redis's sandbox and conversions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eval {
    source: Source,
    keys: Vec<Bytes>,
    args: Vec<Bytes>,
    read_only: bool,
}

impl Eval {
    /// `EVAL script 0`, keys and arguments added by [`Eval::keys`] and [`Eval::args`].
    ///
    /// ```
    /// use embedis::{cmd::Eval, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let script = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    /// assert_eq!(conn.run(Eval::new(script).keys(["hits"]).args(["5"])).unwrap(), Reply::Integer(5));
    /// ```
    pub fn new(script: impl IntoArg) -> Eval {
        Eval {
            source: Source::Body(script.into_arg()),
            keys: Vec::new(),
            args: Vec::new(),
            read_only: false,
        }
    }

    /// `EVALSHA sha1 0`: a script loaded before (SCRIPT LOAD or an EVAL), by its SHA-1.
    ///
    /// ```
    /// use embedis::{cmd::Eval, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let sha = conn.call(["SCRIPT", "LOAD", "return ARGV[1]"]).unwrap();
    /// let Reply::Bulk(sha) = sha else { panic!() };
    /// assert_eq!(conn.run(Eval::sha(sha).args(["hi"])).unwrap(), Reply::bulk("hi"));
    /// ```
    pub fn sha(sha1: impl IntoArg) -> Eval {
        Eval {
            source: Source::Sha(sha1.into_arg()),
            ..Eval::new("")
        }
    }

    /// The keys (`KEYS` in the script).
    pub fn keys<I>(mut self, keys: I) -> Eval
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.keys = keys.into_iter().map(IntoArg::into_arg).collect();
        self
    }

    /// The other arguments (`ARGV` in the script).
    pub fn args<I>(mut self, args: I) -> Eval
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.args = args.into_iter().map(IntoArg::into_arg).collect();
        self
    }

    /// EVAL_RO / EVALSHA_RO: a write command in the script is refused.
    ///
    /// ```
    /// use embedis::{cmd::Eval, Engine};
    /// let mut conn = Engine::new().connect();
    /// let refused = conn.run(Eval::new("return redis.call('SET', 'k', 'v')").read_only());
    /// assert!(refused.unwrap_err().to_string().starts_with("ERR Write commands are not allowed"));
    /// ```
    pub fn read_only(mut self) -> Eval {
        self.read_only = true;
        self
    }

    fn parse_with(args: &mut Args, sha: bool, read_only: bool) -> Result<Command, Error> {
        let script = args.next_bytes()?;
        // A name that cannot be a SHA-1 is refused before numkeys is read.
        if sha && script.len() != 40 {
            return Err(no_script());
        }
        let numkeys = parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
        let numkeys = usize::try_from(numkeys)
            .map_err(|_| Error::Script("ERR Number of keys can't be negative".to_string()))?;
        if numkeys > args.remaining() {
            return Err(Error::Script(
                "ERR Number of keys can't be greater than number of args".to_string(),
            ));
        }
        let keys = (0..numkeys).filter_map(|_| args.next()).collect();
        Ok(Command::Eval(Box::new(Eval {
            source: if sha {
                Source::Sha(script)
            } else {
                Source::Body(script)
            },
            keys,
            args: args.rest(),
            read_only,
        })))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Eval::parse_with(args, false, false)
    }

    pub(crate) fn parse_evalsha(args: &mut Args) -> Result<Command, Error> {
        Eval::parse_with(args, true, false)
    }

    pub(crate) fn parse_eval_ro(args: &mut Args) -> Result<Command, Error> {
        Eval::parse_with(args, false, true)
    }

    pub(crate) fn parse_evalsha_ro(args: &mut Args) -> Result<Command, Error> {
        Eval::parse_with(args, true, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        match (&self.source, self.read_only) {
            (Source::Body(_), false) => "eval",
            (Source::Sha(_), false) => "evalsha",
            (Source::Body(_), true) => "eval_ro",
            (Source::Sha(_), true) => "evalsha_ro",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // The cache is taken out while the script runs: its commands borrow the context.
        let mut scripts = std::mem::take(ctx.scripts);
        let sha = match &self.source {
            Source::Body(body) => scripts.load(body),
            // Redis looks names up in lower case.
            Source::Sha(sha) => Ok(String::from_utf8_lossy(sha).to_ascii_lowercase()),
        };
        let access = if self.read_only {
            Access::ReadOnly
        } else {
            Access::ReadWrite
        };
        let reply = match sha {
            Ok(sha) => scripts.run(ctx, &sha, &self.keys, &self.args, access),
            Err(error) => error.into(),
        };
        *ctx.scripts = scripts;
        reply
    }
}

/// A SCRIPT subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Request {
    Load(Bytes),
    Exists(Vec<Bytes>),
    Flush,
    Kill,
    Help,
}

/// `SCRIPT LOAD script`, `SCRIPT EXISTS sha1 ...`, `SCRIPT FLUSH [ASYNC|SYNC]`,
/// `SCRIPT KILL`, `SCRIPT HELP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    request: Request,
}

impl Script {
    /// `SCRIPT LOAD script`: compiles and caches it; replies its SHA-1 for EVALSHA.
    ///
    /// ```
    /// use embedis::{cmd::Script, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let sha = conn.run(Script::load("return 1")).unwrap();
    /// assert_eq!(sha, Reply::bulk("e0e1f9fabfc9d4800c877a703b823ac0578ff8db"));
    /// ```
    pub fn load(script: impl IntoArg) -> Script {
        Script {
            request: Request::Load(script.into_arg()),
        }
    }

    /// `SCRIPT EXISTS sha1 ...`: 1 or 0 for each.
    ///
    /// ```
    /// use embedis::{cmd::Script, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let exists = conn.run(Script::exists(["e0e1f9fabfc9d4800c877a703b823ac0578ff8db"])).unwrap();
    /// assert_eq!(exists, Reply::Array(vec![Reply::Integer(0)]));
    /// ```
    pub fn exists<I>(shas: I) -> Script
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Script {
            request: Request::Exists(shas.into_iter().map(IntoArg::into_arg).collect()),
        }
    }

    /// `SCRIPT FLUSH`: forgets every script.
    ///
    /// ```
    /// use embedis::{cmd::Script, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Script::flush()).unwrap(), Reply::OK);
    /// ```
    pub fn flush() -> Script {
        Script {
            request: Request::Flush,
        }
    }

    pub(crate) fn parse_load(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Script(Script::load(args.next_bytes()?)))
    }

    pub(crate) fn parse_exists(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Script(Script::exists(args.rest())))
    }

    pub(crate) fn parse_flush(args: &mut Args) -> Result<Command, Error> {
        let mode = args.rest();
        match &mode[..] {
            [] => {}
            [mode] if keyword_is(mode, "SYNC") || keyword_is(mode, "ASYNC") => {}
            _ => {
                return Err(Error::Script(
                    "ERR SCRIPT FLUSH only support SYNC|ASYNC option".to_string(),
                ))
            }
        }
        Ok(Command::Script(Script::flush()))
    }

    pub(crate) fn parse_kill(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Script(Script {
            request: Request::Kill,
        }))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Script(Script {
            request: Request::Help,
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.request {
            Request::Load(_) => "script|load",
            Request::Exists(_) => "script|exists",
            Request::Flush => "script|flush",
            Request::Kill => "script|kill",
            Request::Help => "script|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.request {
            Request::Load(body) => match ctx.scripts.load(&body) {
                Ok(sha) => Reply::Bulk(Bytes::from(sha)),
                Err(error) => error.into(),
            },
            Request::Exists(shas) => Reply::Array(
                shas.iter()
                    .map(|sha| {
                        let sha = sha.to_ascii_lowercase();
                        Reply::Integer(i64::from(ctx.scripts.exists(&sha)))
                    })
                    .collect(),
            ),
            Request::Flush => {
                ctx.scripts.flush();
                Reply::OK
            }
            // A script runs to its end on the executor before anything else is read.
            Request::Kill => {
                Error::Script("NOTBUSY No scripts in execution right now.".to_string()).into()
            }
            Request::Help => help(),
        }
    }
}

fn no_script() -> Error {
    Error::Script("NOSCRIPT No matching script. Please use EVAL.".to_string())
}

fn help() -> Reply {
    const LINES: [&str; 17] = [
        "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "DEBUG (YES|SYNC|NO)",
        "    Set the debug mode for subsequent scripts executed.",
        "EXISTS <sha1> [<sha1> ...]",
        "    Return information about the existence of the scripts in the script cache.",
        "FLUSH [ASYNC|SYNC]",
        "    Flush the Lua scripts cache. Very dangerous on replicas.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the scripts cache.",
        "    * SYNC: Synchronously flush the scripts cache.",
        "KILL",
        "    Kill the currently executing Lua script.",
        "LOAD <script>",
        "    Load a script into the scripts cache without executing it.",
        "HELP",
        "    Prints this help.",
    ];
    Reply::help(&LINES)
}
