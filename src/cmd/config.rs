//! CONFIG: the one runtime parameter embedis has, `notify-keyspace-events`.
//!
//! `CONFIG GET` answers like redis-server for that parameter (an exact name is echoed as
//! spelled, a glob gives the canonical name) and answers nothing for parameters embedis
//! does not have. `CONFIG SET` refuses them with Redis's unknown-option error.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::error::error_text;
use crate::exec::notify::{format_flags, parse_flags};
use crate::store::c_string::c_string;
use crate::store::glob::Glob;
use crate::{Error, Reply};

const NOTIFY: &str = "notify-keyspace-events";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Get(Vec<Bytes>),
    Set(Vec<(Bytes, Bytes)>),
    ResetStat,
    Help,
}

/// `CONFIG GET parameter [parameter ...]`, `CONFIG SET parameter value [parameter value
/// ...]`, `CONFIG RESETSTAT`, `CONFIG HELP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    action: Action,
}

impl Config {
    /// `CONFIG GET parameter ...`: a map of matching parameters to values.
    ///
    /// ```
    /// use embedis::{cmd::Config, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(
    ///     conn.run(Config::get(["notify-keyspace-events"])).unwrap(),
    ///     Reply::Map(vec![(Reply::bulk("notify-keyspace-events"), Reply::bulk(""))])
    /// );
    /// ```
    pub fn get<I>(parameters: I) -> Config
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Config {
            action: Action::Get(parameters.into_iter().map(IntoArg::into_arg).collect()),
        }
    }

    /// `CONFIG SET parameter value`.
    ///
    /// ```
    /// use embedis::{cmd::Config, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Config::set("notify-keyspace-events", "KEA")).unwrap(), Reply::OK);
    /// ```
    pub fn set(parameter: impl IntoArg, value: impl IntoArg) -> Config {
        Config {
            action: Action::Set(vec![(parameter.into_arg(), value.into_arg())]),
        }
    }

    pub(crate) fn parse_get(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Config(Config::get(args.rest())))
    }

    pub(crate) fn parse_set(args: &mut Args) -> Result<Command, Error> {
        let rest = args.rest();
        if !rest.len().is_multiple_of(2) {
            return Err(Error::Syntax);
        }
        let mut pairs = Vec::with_capacity(rest.len() / 2);
        let mut items = rest.into_iter();
        while let (Some(name), Some(value)) = (items.next(), items.next()) {
            pairs.push((name, value));
        }
        Ok(Command::Config(Config {
            action: Action::Set(pairs),
        }))
    }

    pub(crate) fn parse_resetstat(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Config(Config {
            action: Action::ResetStat,
        }))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Config(Config {
            action: Action::Help,
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            Action::Get(_) => "config|get",
            Action::Set(_) => "config|set",
            Action::ResetStat => "config|resetstat",
            Action::Help => "config|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.action {
            Action::Get(patterns) => get(ctx, patterns),
            Action::Set(pairs) => match set(ctx, pairs) {
                Ok(()) => Reply::OK,
                Err(error) => Reply::Error(error),
            },
            Action::ResetStat => Reply::OK,
            Action::Help => help(),
        }
    }
}

fn get(ctx: &Ctx, patterns: Vec<Bytes>) -> Reply {
    let mut name = None;
    for pattern in patterns {
        // redis-server tells a pattern (strpbrk) and matches it (stringmatch) as a C
        // string, but looks an exact name up whole.
        let glob = c_string(&pattern);
        let is_glob = glob.iter().any(|b| matches!(b, b'*' | b'?' | b'['));
        if !is_glob && pattern.eq_ignore_ascii_case(NOTIFY.as_bytes()) {
            // An exact name comes back as the caller spelled it.
            name.get_or_insert(pattern);
        } else if is_glob && Glob::new(&glob.to_ascii_lowercase()).matches(NOTIFY.as_bytes()) {
            name.get_or_insert(Bytes::from_static(NOTIFY.as_bytes()));
        }
    }
    let entries = name
        .map(|name| {
            (
                Reply::Bulk(name),
                Reply::bulk(format_flags(ctx.events.flags)),
            )
        })
        .into_iter()
        .collect();
    Reply::Map(entries)
}

fn set(ctx: &mut Ctx, pairs: Vec<(Bytes, Bytes)>) -> Result<(), Error> {
    let failed = |reason: &str| Error::ConfigSetFailed {
        argument: NOTIFY.to_string(),
        reason: reason.to_string(),
    };
    // Names first (unknown, then duplicate), then values, as redis-server checks them.
    for (name, _) in &pairs {
        if !name.eq_ignore_ascii_case(NOTIFY.as_bytes()) {
            return Err(Error::ConfigUnknownOption(error_text(name)));
        }
    }
    if let Some((duplicate, _)) = pairs.get(1) {
        // This one names the parameter as typed (the canonical name is for bad values).
        return Err(Error::ConfigSetFailed {
            argument: error_text(duplicate),
            reason: "duplicate parameter".to_string(),
        });
    }
    for (_, value) in &pairs {
        // Redis reads the value as a C string: up to its first NUL byte.
        let Some(flags) = parse_flags(c_string(value)) else {
            // redis-server backs the old value up as CONFIG GET prints it and sets it again
            // when the new one fails; the printed form drops `n` beside `A`, so a failed
            // CONFIG SET can turn `new` events off.
            ctx.events.flags =
                parse_flags(format_flags(ctx.events.flags).as_bytes()).unwrap_or(ctx.events.flags);
            return Err(failed(
                "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.",
            ));
        };
        ctx.events.flags = flags;
    }
    Ok(())
}

fn help() -> Reply {
    const LINES: [&str; 11] = [
        "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GET <pattern>",
        "    Return parameters matching the glob-like <pattern> and their values.",
        "SET <directive> <value>",
        "    Set the configuration <directive> to <value>.",
        "RESETSTAT",
        "    Reset statistics reported by the INFO command.",
        "REWRITE",
        "    Rewrite the configuration file.",
        "HELP",
        "    Prints this help.",
    ];
    Reply::help(&LINES)
}
