//! CONFIG: the parameters that describe what embedis does, and the ones it can change at
//! run time: `notify-keyspace-events`, `slowlog-log-slower-than`, `slowlog-max-len` and
//! `save`.
//!
//! `CONFIG GET` answers like redis-server for the parameters of [`PARAMETERS`] (an exact
//! name is echoed as spelled, a glob gives each name it matches) and answers nothing for
//! the others. Their values are embedis's own behaviour (the sizes at which a type leaves
//! its compact form, its bounds), which is redis-server 7.0's default behaviour, so code
//! that reads them (a queue library checking `maxmemory-policy`) learns the truth.
//! `CONFIG SET` changes the four settable ones, accepts the value a fixed parameter
//! already has, and refuses another value (embedis cannot change it) and unknown names
//! (Redis's unknown-option error); `CONFIG REWRITE` fails, as there is no file to rewrite.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::error::error_text;
use crate::exec::databases::DATABASES;
use crate::exec::notify::{format_flags, parse_flags};
use crate::exec::tracking::MAX_TRACKED_KEYS;
use crate::persist::aof::AutoRewrite;
use crate::persist::{aof_manifest, save_points, Fsync};
use crate::store::c_string::c_string;
use crate::store::glob::Glob;
use crate::store::number::parse_i64;
use crate::store::stream::log::{BLOCK_MAX_BYTES, BLOCK_MAX_ENTRIES};
use crate::store::{hash, hyperloglog, set, zset};
use crate::{Error, Reply};

const NOTIFY: &str = "notify-keyspace-events";
const SLOWLOG_THRESHOLD: &str = "slowlog-log-slower-than";
const SLOWLOG_MAX_LEN: &str = "slowlog-max-len";
const SAVE: &str = "save";
const APPENDFSYNC: &str = "appendfsync";
/// `appendfsync`'s values, in the order redis-server lists them in its error.
const FSYNC_NAMES: [(Fsync, &str); 3] = [
    (Fsync::EverySec, "everysec"),
    (Fsync::Always, "always"),
    (Fsync::No, "no"),
];

/// The parameters redis-server sets only at start (CONFIG SET refuses any value).
const IMMUTABLE: &[&str] = &["databases", "enable-debug-command", "enable-module-command"];

/// A parameter CONFIG GET reports.
struct Parameter {
    name: &'static str,
    /// Redis's older name for it, which CONFIG GET and SET take too.
    alias: Option<&'static str>,
    value: fn(&Ctx) -> String,
}

impl Parameter {
    const fn fixed(name: &'static str, value: fn(&Ctx) -> String) -> Parameter {
        Parameter {
            name,
            alias: None,
            value,
        }
    }

    const fn renamed(
        name: &'static str,
        alias: &'static str,
        value: fn(&Ctx) -> String,
    ) -> Parameter {
        Parameter {
            name,
            alias: Some(alias),
            value,
        }
    }

    fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        std::iter::once(self.name).chain(self.alias)
    }

    fn is_named(&self, name: &[u8]) -> bool {
        self.names()
            .any(|known| name.eq_ignore_ascii_case(known.as_bytes()))
    }
}

/// The parameters embedis reports, each read from the code that behaves so.
const PARAMETERS: &[Parameter] = &[
    Parameter::fixed(NOTIFY, |ctx| format_flags(ctx.events.flags)),
    Parameter::fixed("databases", |_| DATABASES.to_string()),
    Parameter::fixed(SLOWLOG_THRESHOLD, |ctx| {
        ctx.slowlog.threshold_us().to_string()
    }),
    Parameter::fixed(SLOWLOG_MAX_LEN, |ctx| ctx.slowlog.max_len().to_string()),
    // DEBUG and MODULE LOAD are refused, as redis-server refuses them by default.
    Parameter::fixed("enable-debug-command", |_| "no".into()),
    Parameter::fixed("enable-module-command", |_| "no".into()),
    // No latency events are recorded and no command is timed (cmd/latency.rs).
    Parameter::fixed("latency-monitor-threshold", |_| "0".into()),
    Parameter::fixed("latency-tracking", |_| "no".into()),
    // No memory limit, so nothing is ever evicted.
    Parameter::fixed("maxmemory", |_| "0".into()),
    Parameter::fixed("maxmemory-policy", |_| "noeviction".into()),
    // Idle connections are never closed.
    Parameter::fixed("timeout", |_| "0".into()),
    Parameter::fixed(SAVE, |ctx| save_points::format(ctx.saves.points())),
    // Where snapshots go: EngineBuilder::snapshot_file's directory and name (without
    // one, redis-server's defaults: the working directory and `dump.rdb`).
    Parameter::fixed("dir", snapshot_dir),
    Parameter::fixed("dbfilename", snapshot_name),
    Parameter::fixed("appendonly", |ctx| {
        if ctx.log.is_some() { "yes" } else { "no" }.into()
    }),
    // The append-only file's settings (EngineBuilder::append_only and auto_rewrite);
    // without one, redis-server's defaults, which a file would get.
    Parameter::fixed(APPENDFSYNC, |ctx| {
        let policy = ctx
            .log
            .as_deref()
            .map_or(Fsync::EverySec, |log| log.status.fsync);
        FSYNC_NAMES
            .iter()
            .find(|(known, _)| *known == policy)
            .map_or("everysec", |(_, name)| name)
            .into()
    }),
    Parameter::fixed("appendfilename", |ctx| match ctx.log.as_deref() {
        Some(log) => log.names.0.clone(),
        None => aof_manifest::DEFAULT_NAME.into(),
    }),
    Parameter::fixed("appenddirname", |ctx| {
        let dir = ctx.log.as_deref().and_then(|log| log.names.1.clone());
        dir.unwrap_or_else(|| "appendonlydir".into())
    }),
    // One file is rewritten as commands (for `redis-cli --pipe`), a directory's base as
    // an RDB file.
    Parameter::fixed("aof-use-rdb-preamble", |ctx| {
        let commands = ctx.log.as_deref().is_some_and(|log| !log.status.directory);
        if commands { "no" } else { "yes" }.into()
    }),
    Parameter::fixed("auto-aof-rewrite-percentage", |ctx| {
        auto_rewrite(ctx).percentage.to_string()
    }),
    Parameter::fixed("auto-aof-rewrite-min-size", |ctx| {
        auto_rewrite(ctx).min_size.to_string()
    }),
    // Expiry's sweep and the other timers run ten times a second, as INFO says.
    Parameter::fixed("hz", |_| "10".into()),
    Parameter::renamed(
        "hash-max-listpack-entries",
        "hash-max-ziplist-entries",
        |_| hash::COMPACT_MAX_FIELDS.to_string(),
    ),
    Parameter::renamed("hash-max-listpack-value", "hash-max-ziplist-value", |_| {
        hash::COMPACT_MAX_LEN.to_string()
    }),
    Parameter::renamed(
        "zset-max-listpack-entries",
        "zset-max-ziplist-entries",
        |_| zset::COMPACT_MAX_MEMBERS.to_string(),
    ),
    Parameter::renamed("zset-max-listpack-value", "zset-max-ziplist-value", |_| {
        zset::COMPACT_MAX_LEN.to_string()
    }),
    Parameter::fixed("set-max-intset-entries", |_| {
        set::INTSET_MAX_MEMBERS.to_string()
    }),
    // Lists are never compressed; MEMORY USAGE counts their nodes as 8 KiB listpacks.
    Parameter::fixed("list-compress-depth", |_| "0".into()),
    Parameter::renamed("list-max-listpack-size", "list-max-ziplist-size", |_| {
        "-2".into()
    }),
    Parameter::fixed("stream-node-max-entries", |_| BLOCK_MAX_ENTRIES.to_string()),
    Parameter::fixed("stream-node-max-bytes", |_| BLOCK_MAX_BYTES.to_string()),
    Parameter::fixed("hll-sparse-max-bytes", |_| {
        hyperloglog::SPARSE_MAX_BYTES.to_string()
    }),
    Parameter::fixed("tracking-table-max-keys", |_| MAX_TRACKED_KEYS.to_string()),
    Parameter::fixed("proto-max-bulk-len", |_| {
        super::string_range::MAX_STRING_LEN.to_string()
    }),
    Parameter::renamed(
        "busy-reply-threshold",
        "lua-time-limit",
        script_time_limit_ms,
    ),
];

/// The append-only file's automatic compaction, or redis-server's default without one.
fn auto_rewrite(ctx: &Ctx) -> AutoRewrite {
    ctx.log
        .as_deref()
        .map_or_else(AutoRewrite::default, |log| log.status.auto)
}

/// The snapshot file's directory, as an absolute path (redis-server reports its working
/// directory, which `dir` is).
fn snapshot_dir(ctx: &Ctx) -> String {
    let path = ctx.snapshots.as_deref().map(|file| file.path());
    let dir = match path.and_then(std::path::Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::path::absolute(&dir)
        .unwrap_or(dir)
        .to_string_lossy()
        .into_owned()
}

/// The snapshot file's name.
fn snapshot_name(ctx: &Ctx) -> String {
    ctx.snapshots
        .as_deref()
        .and_then(|file| file.path().file_name())
        .map_or_else(
            || "dump.rdb".to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
}

/// `EngineBuilder::script_time_limit`, in milliseconds.
fn script_time_limit_ms(ctx: &Ctx) -> String {
    #[cfg(feature = "lua")]
    let limit = ctx.scripts.time_limit();
    #[cfg(not(feature = "lua"))]
    let limit = {
        let _ = ctx;
        crate::config::DEFAULT_SCRIPT_TIME_LIMIT
    };
    limit.as_millis().to_string()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Get(Vec<Bytes>),
    Set(Vec<(Bytes, Bytes)>),
    ResetStat,
    Rewrite,
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

    /// `CONFIG REWRITE`: fails, as there is no configuration file (as on a redis-server
    /// started without one).
    ///
    /// ```
    /// use embedis::{cmd::Config, Engine, Error};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Config::rewrite()).unwrap_err(), Error::NoConfigFile);
    /// ```
    pub fn rewrite() -> Config {
        Config {
            action: Action::Rewrite,
        }
    }

    pub(crate) fn parse_rewrite(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Config(Config::rewrite()))
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
            Action::Rewrite => "config|rewrite",
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
            Action::Rewrite => Reply::Error(Error::NoConfigFile),
            Action::Help => help(),
        }
    }
}

fn get(ctx: &Ctx, patterns: Vec<Bytes>) -> Reply {
    // Each name once, in the order found (redis-server's is its table's hash order).
    let mut found: Vec<(Bytes, &Parameter)> = Vec::new();
    let mut add = |name: Bytes, parameter: &'static Parameter| {
        if !found
            .iter()
            .any(|(seen, _)| seen.eq_ignore_ascii_case(&name))
        {
            found.push((name, parameter));
        }
    };
    for pattern in patterns {
        // redis-server tells a pattern (strpbrk) and matches it (stringmatch) as a C
        // string, but looks an exact name up whole.
        let glob = c_string(&pattern);
        let is_glob = glob.iter().any(|b| matches!(b, b'*' | b'?' | b'['));
        if !is_glob {
            if let Some(parameter) = PARAMETERS.iter().find(|p| p.is_named(&pattern)) {
                // An exact name comes back as the caller spelled it.
                add(pattern, parameter);
            }
            continue;
        }
        let glob = Glob::new(&glob.to_ascii_lowercase());
        for parameter in PARAMETERS {
            for name in parameter
                .names()
                .filter(|name| glob.matches(name.as_bytes()))
            {
                add(Bytes::from_static(name.as_bytes()), parameter);
            }
        }
    }
    Reply::Map(
        found
            .into_iter()
            .map(|(name, parameter)| (Reply::Bulk(name), Reply::bulk((parameter.value)(ctx))))
            .collect(),
    )
}

fn set(ctx: &mut Ctx, pairs: Vec<(Bytes, Bytes)>) -> Result<(), Error> {
    // Names first (unknown, then duplicate), then values, as redis-server checks them.
    let mut named: Vec<&'static Parameter> = Vec::with_capacity(pairs.len());
    for (name, _) in &pairs {
        let Some(parameter) = PARAMETERS.iter().find(|p| p.is_named(name)) else {
            return Err(Error::ConfigUnknownOption(error_text(name)));
        };
        named.push(parameter);
    }
    for (at, (name, _)) in pairs.iter().enumerate() {
        if named[..at]
            .iter()
            .any(|earlier| std::ptr::eq(*earlier, named[at]))
        {
            // This one names the parameter as typed (the canonical name is for bad values).
            return Err(Error::ConfigSetFailed {
                argument: error_text(name),
                reason: "duplicate parameter".to_string(),
            });
        }
    }
    let mut flags = None;
    let (mut threshold, mut max_len) = (None, None);
    let mut points = None;
    let mut fsync = None;
    for ((_, value), parameter) in pairs.iter().zip(&named) {
        let failed = |reason: &str| Error::ConfigSetFailed {
            argument: parameter.name.to_string(),
            reason: reason.to_string(),
        };
        let refusal = if parameter.name == NOTIFY {
            // Redis reads the value as a C string: up to its first NUL byte.
            match parse_flags(c_string(value)) {
                Some(parsed) => {
                    flags = Some(parsed);
                    None
                }
                None => Some(failed(
                    "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.",
                )),
            }
        } else if parameter.name == SLOWLOG_THRESHOLD || parameter.name == SLOWLOG_MAX_LEN {
            let min = if parameter.name == SLOWLOG_THRESHOLD {
                -1
            } else {
                0
            };
            match parse_i64(value) {
                None => Some(failed("argument couldn't be parsed into an integer")),
                Some(n) if n < min => Some(failed(&format!(
                    "argument must be between {min} and {} inclusive",
                    i64::MAX
                ))),
                Some(n) if parameter.name == SLOWLOG_THRESHOLD => {
                    threshold = Some(n);
                    None
                }
                Some(n) => {
                    max_len = Some(n as u64);
                    None
                }
            }
        } else if parameter.name == SAVE {
            match save_points::parse(value) {
                None => Some(failed("Invalid save parameters")),
                Some(parsed) if !parsed.is_empty() && ctx.snapshots.is_none() => Some(failed(
                    "embedis: save points need a snapshot file (EngineBuilder::snapshot_file)",
                )),
                Some(parsed) => {
                    points = Some(parsed);
                    None
                }
            }
        } else if parameter.name == APPENDFSYNC {
            // The append-only file's policy changes at run time; without a file, the value
            // CONFIG GET reports is the only one (there is nothing it would apply to).
            let policy = FSYNC_NAMES
                .into_iter()
                .find(|(_, name)| c_string(value).eq_ignore_ascii_case(name.as_bytes()));
            match policy {
                None => Some(failed(
                    "argument(s) must be one of the following: everysec, always, no",
                )),
                Some((policy, _)) if ctx.log.is_some() => {
                    fsync = Some(policy);
                    None
                }
                Some((Fsync::EverySec, _)) => None,
                Some(_) => Some(failed(
                    "embedis: without an append-only file (EngineBuilder::append_only), appendfsync stays everysec",
                )),
            }
        } else if IMMUTABLE.contains(&parameter.name) {
            Some(failed("can't set immutable config"))
        } else if value.eq_ignore_ascii_case((parameter.value)(ctx).as_bytes()) {
            None
        } else {
            Some(failed(
                "embedis: this parameter is fixed; it describes what embedis does",
            ))
        };
        if let Some(refusal) = refusal {
            if named.iter().any(|parameter| parameter.name == NOTIFY) {
                // redis-server backs the old value up as CONFIG GET prints it and sets it
                // again when the command fails; the printed form drops `n` beside `A`, so
                // a failed CONFIG SET can turn `new` events off.
                ctx.events.flags = parse_flags(format_flags(ctx.events.flags).as_bytes())
                    .unwrap_or(ctx.events.flags);
            }
            return Err(refusal);
        }
    }
    if let Some(flags) = flags {
        ctx.events.flags = flags;
    }
    if let Some(threshold) = threshold {
        ctx.slowlog.set_threshold_us(threshold);
    }
    if let Some(max_len) = max_len {
        ctx.slowlog.set_max_len(max_len);
    }
    if let Some(points) = points {
        ctx.saves.set_points(points);
    }
    if let (Some(policy), Some(log)) = (fsync, ctx.log.as_deref_mut()) {
        // The executor switches the file after this command (see `exec/core.rs`).
        log.status.fsync = policy;
        ctx.session
            .client_actions
            .push(crate::exec::clients::ClientAction::SetFsync(policy));
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
