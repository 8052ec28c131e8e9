//! MODULE, as redis-server 7.0 answers it when no module is loaded and
//! `enable-module-command` is `no` (its default): LIST is empty, HELP prints its lines, and
//! LOAD, LOADEX and UNLOAD are refused before they run (in MULTI they abort the
//! transaction, as redis-server's `processCommand` refuses a protected command).
//!
//! embedis links no modules: its redis-cell command (`CL.THROTTLE`) is built in, so MODULE
//! LIST shows nothing, as a client checking for a module (RedisJSON, RediSearch) must learn.

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::{Error, Reply};

/// What MODULE asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Help,
}

/// `MODULE LIST` and `MODULE HELP`. (`MODULE LOAD`, `LOADEX` and `UNLOAD` are refused as
/// redis-server refuses them by default: [`Error::ModuleNotAllowed`].)
///
/// ```
/// use embedis::{cmd::Module, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// assert_eq!(conn.run(Module::list()).unwrap(), Reply::Array(vec![]));
/// assert!(conn.call(["MODULE", "LOAD", "/lib/x.so"]).unwrap().is_error());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    action: Action,
}

impl Module {
    /// `MODULE LIST`: the loaded modules, none.
    ///
    /// ```
    /// use embedis::{cmd::Module, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Module::list()).unwrap(), Reply::Array(vec![]));
    /// ```
    pub fn list() -> Module {
        Module {
            action: Action::List,
        }
    }

    /// `MODULE HELP`.
    ///
    /// ```
    /// use embedis::{cmd::Module, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Array(lines) = conn.run(Module::help()).unwrap() else { panic!() };
    /// assert_eq!(lines.len(), 11);
    /// ```
    pub fn help() -> Module {
        Module {
            action: Action::Help,
        }
    }

    pub(crate) fn parse_list(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Module(Module::list()))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Module(Module::help()))
    }

    /// LOAD, LOADEX and UNLOAD: refused whatever their arguments.
    pub(crate) fn refuse(_args: &mut Args) -> Result<Command, Error> {
        Err(Error::ModuleNotAllowed)
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            Action::List => "module|list",
            Action::Help => "module|help",
        }
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        match self.action {
            Action::List => Reply::Array(Vec::new()),
            Action::Help => Reply::help(&[
                "MODULE <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "LIST",
                "    Return a list of loaded modules.",
                "LOAD <path> [<arg> ...]",
                "    Load a module library from <path>, passing to it any optional arguments.",
                "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
                "    Load a module library from <path>, while passing it module configurations and optional arguments.",
                "UNLOAD <name>",
                "    Unload a module.",
                "HELP",
                "    Prints this help.",
            ]),
        }
    }
}
