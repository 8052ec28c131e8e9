//! SLOWLOG GET / LEN / RESET / HELP. What is timed and logged, and why, is in
//! `exec/slowlog.rs`; the two parameters are CONFIG's `slowlog-log-slower-than` and
//! `slowlog-max-len`.

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::error::error_text;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// What SLOWLOG asks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    /// The newest `count` entries; `None`: all of them.
    Get(Option<usize>),
    Len,
    Reset,
    Help,
}

/// `SLOWLOG GET [count] | LEN | RESET | HELP`: the commands that ran for at least
/// `slowlog-log-slower-than` microseconds, newest first, each as `[id, unix time,
/// microseconds, [words], "ip:port", client name]`.
///
/// ```
/// use embedis::{cmd::SlowLog, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// conn.call(["CONFIG", "SET", "slowlog-log-slower-than", "0"]).unwrap(); // log everything
/// conn.call(["SET", "k", "v"]).unwrap();
/// let Reply::Array(entries) = conn.run(SlowLog::get(1)).unwrap() else { panic!() };
/// let Reply::Array(entry) = &entries[0] else { panic!() };
/// assert_eq!(
///     entry[3],
///     Reply::Array(vec![Reply::bulk("SET"), Reply::bulk("k"), Reply::bulk("v")])
/// );
/// assert_eq!(conn.run(SlowLog::reset()).unwrap(), Reply::OK);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlowLog {
    action: Action,
}

impl SlowLog {
    /// `SLOWLOG GET count`: the newest `count` entries.
    ///
    /// ```
    /// use embedis::cmd::{Command, SlowLog};
    /// assert_eq!(Command::from_argv(["SLOWLOG", "GET", "5"]).unwrap(), SlowLog::get(5).into());
    /// ```
    pub fn get(count: usize) -> SlowLog {
        SlowLog {
            action: Action::Get(Some(count)),
        }
    }

    /// `SLOWLOG GET -1`: every entry.
    ///
    /// ```
    /// use embedis::cmd::{Command, SlowLog};
    /// assert_eq!(Command::from_argv(["SLOWLOG", "GET", "-1"]).unwrap(), SlowLog::all().into());
    /// ```
    pub fn all() -> SlowLog {
        SlowLog {
            action: Action::Get(None),
        }
    }

    /// `SLOWLOG LEN`: how many entries there are.
    ///
    /// ```
    /// use embedis::{cmd::SlowLog, Engine, Reply};
    /// assert_eq!(Engine::new().connect().run(SlowLog::len()).unwrap(), Reply::Integer(0));
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len() -> SlowLog {
        SlowLog {
            action: Action::Len,
        }
    }

    /// `SLOWLOG RESET`: forget every entry.
    ///
    /// ```
    /// use embedis::{cmd::SlowLog, Engine, Reply};
    /// assert_eq!(Engine::new().connect().run(SlowLog::reset()).unwrap(), Reply::OK);
    /// ```
    pub fn reset() -> SlowLog {
        SlowLog {
            action: Action::Reset,
        }
    }

    /// `SLOWLOG HELP`.
    ///
    /// ```
    /// use embedis::{cmd::SlowLog, Engine, Reply};
    /// let Reply::Array(lines) = Engine::new().connect().run(SlowLog::help()).unwrap() else { panic!() };
    /// assert_eq!(lines.len(), 12);
    /// ```
    pub fn help() -> SlowLog {
        SlowLog {
            action: Action::Help,
        }
    }

    /// `GET [count]`: 10 by default; a count below -1, or not a number, has one error.
    pub(crate) fn parse_get(args: &mut Args) -> Result<Command, Error> {
        let count = match args.remaining() {
            0 => Some(10),
            1 => {
                let count = args.next_bytes()?;
                match parse_i64(&count) {
                    Some(-1) => None,
                    Some(count) if count >= 0 => Some(usize::try_from(count).unwrap_or(usize::MAX)),
                    _ => return Err(Error::SlowLogCount),
                }
            }
            _ => {
                return Err(Error::SubcommandSyntax {
                    subcommand: error_text(&args.subcommand_name()),
                    command: "SLOWLOG".to_string(),
                })
            }
        };
        Ok(Command::SlowLog(SlowLog {
            action: Action::Get(count),
        }))
    }

    pub(crate) fn parse_len(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::SlowLog(SlowLog::len()))
    }

    pub(crate) fn parse_reset(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::SlowLog(SlowLog::reset()))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::SlowLog(SlowLog::help()))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            Action::Get(_) => "slowlog|get",
            Action::Len => "slowlog|len",
            Action::Reset => "slowlog|reset",
            Action::Help => "slowlog|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.action {
            Action::Get(count) => ctx.slowlog.newest(count),
            Action::Len => Reply::Integer(ctx.slowlog.len() as i64),
            Action::Reset => {
                ctx.slowlog.reset();
                Reply::OK
            }
            Action::Help => Reply::help(&[
                "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GET [<count>]",
                "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                "    Entries are made of:",
                "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                "    client name",
                "LEN",
                "    Return the length of the slowlog.",
                "RESET",
                "    Reset the slowlog.",
                "HELP",
                "    Prints this help.",
            ]),
        }
    }
}
