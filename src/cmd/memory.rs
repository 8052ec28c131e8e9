//! MEMORY: USAGE, STATS, DOCTOR, MALLOC-STATS, PURGE, HELP.
//!
//! embedis does not see its allocator, so the figures are the ones redis-server 7.0 with
//! jemalloc would report for the same data, computed from the data (see
//! `store/memory_usage.rs`): MEMORY USAGE of a string or a small collection is
//! redis-server's figure to the byte, of a large one an estimate made as redis-server makes
//! it. MEMORY STATS adds those up: the dataset (every key's value and name), the tables'
//! overhead per database as redis-server counts it, and no startup, client, script or
//! allocator overhead, which have no counterpart in a library; the allocator's figures
//! repeat the total and its ratios are 1.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::store::keyspace::Keyspace;
use crate::store::memory_usage::{dataset_usage, key_usage, table_overhead};
use crate::{Error, Reply};

/// MEMORY USAGE's sample count without SAMPLES (redis-server's
/// `OBJ_COMPUTE_SIZE_DEF_SAMPLES`).
const DEFAULT_SAMPLES: usize = 5;
/// Below this, MEMORY DOCTOR finds the instance too empty to judge.
const DOCTOR_MIN_BYTES: u64 = 5 << 20;
/// Above this many cached scripts, MEMORY DOCTOR says so.
const DOCTOR_MAX_SCRIPTS: usize = 1000;

/// What MEMORY asks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Usage { key: Bytes, samples: usize },
    Stats,
    Doctor,
    MallocStats,
    Purge,
    Help,
}

/// `MEMORY USAGE key [SAMPLES count] | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP`.
///
/// ```
/// use embedis::{cmd::Memory, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// conn.call(["SET", "greeting", "hello"]).unwrap();
/// // redis-server 7.0's figure: the object with its string, the key, the table entry.
/// assert_eq!(conn.run(Memory::usage("greeting")).unwrap(), Reply::Integer(72));
/// assert_eq!(conn.run(Memory::usage("missing")).unwrap(), Reply::Nil);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memory {
    action: Action,
}

impl Memory {
    fn of(action: Action) -> Memory {
        Memory { action }
    }

    /// `MEMORY USAGE key`: the bytes redis-server would use for the key and its value,
    /// nil for a missing key; a large collection estimated from 5 samples.
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "n", "12345"]).unwrap();
    /// assert_eq!(conn.run(Memory::usage("n")).unwrap(), Reply::Integer(48));
    /// ```
    pub fn usage(key: impl super::IntoArg) -> Memory {
        Memory::of(Action::Usage {
            key: key.into_arg(),
            samples: DEFAULT_SAMPLES,
        })
    }

    /// `MEMORY USAGE key SAMPLES count`: estimated from `count` elements (0: all).
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "tags", "a", "b", "c"]).unwrap();
    /// let Reply::Integer(bytes) = conn.run(Memory::usage_sampling("tags", 0)).unwrap() else {
    ///     panic!()
    /// };
    /// assert!(bytes > 100);
    /// ```
    pub fn usage_sampling(key: impl super::IntoArg, count: usize) -> Memory {
        Memory::of(Action::Usage {
            key: key.into_arg(),
            samples: if count == 0 { usize::MAX } else { count },
        })
    }

    /// `MEMORY STATS`: the memory report as a map of redis-server's fields.
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// let Reply::Map(fields) = conn.run(Memory::stats()).unwrap() else { panic!() };
    /// assert!(fields.contains(&(Reply::bulk("keys.count"), Reply::Integer(1))));
    /// ```
    pub fn stats() -> Memory {
        Memory::of(Action::Stats)
    }

    /// `MEMORY DOCTOR`: redis-server's report (a verbatim string in RESP3).
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Verbatim(text) = conn.run(Memory::doctor()).unwrap() else { panic!() };
    /// assert!(text.starts_with(b"Hi Sam, this instance is empty"));
    /// ```
    pub fn doctor() -> Memory {
        Memory::of(Action::Doctor)
    }

    /// `MEMORY MALLOC-STATS`: what redis-server answers when its allocator keeps no
    /// statistics, as embedis's does not.
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(
    ///     conn.run(Memory::malloc_stats()).unwrap(),
    ///     Reply::Verbatim("Stats not supported for the current allocator".into())
    /// );
    /// ```
    pub fn malloc_stats() -> Memory {
        Memory::of(Action::MallocStats)
    }

    /// `MEMORY PURGE`: `OK` (there are no dirty allocator pages to give back).
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Memory::purge()).unwrap(), Reply::OK);
    /// ```
    pub fn purge() -> Memory {
        Memory::of(Action::Purge)
    }

    /// `MEMORY HELP`.
    ///
    /// ```
    /// use embedis::{cmd::Memory, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Array(lines) = conn.run(Memory::help()).unwrap() else { panic!() };
    /// assert_eq!(lines.len(), 14);
    /// ```
    pub fn help() -> Memory {
        Memory::of(Action::Help)
    }

    /// `USAGE key [SAMPLES count]`, options read as redis-server reads them.
    pub(crate) fn parse_usage(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let mut samples = DEFAULT_SAMPLES;
        while let Some(option) = args.next_keyword() {
            if !option.is("SAMPLES") || args.is_empty() {
                return Err(Error::Syntax);
            }
            samples = match args.next_i64()? {
                count if count < 0 => return Err(Error::Syntax),
                0 => usize::MAX,
                count => usize::try_from(count).unwrap_or(usize::MAX),
            };
        }
        Ok(Command::Memory(Memory::of(Action::Usage { key, samples })))
    }

    pub(crate) fn parse_stats(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Memory(Memory::stats()))
    }

    pub(crate) fn parse_doctor(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Memory(Memory::doctor()))
    }

    pub(crate) fn parse_malloc_stats(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Memory(Memory::malloc_stats()))
    }

    pub(crate) fn parse_purge(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Memory(Memory::purge()))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Memory(Memory::help()))
    }

    /// The key USAGE asks about (client-side caching remembers it as read).
    pub(crate) fn key(&self) -> Option<&Bytes> {
        match &self.action {
            Action::Usage { key, .. } => Some(key),
            _ => None,
        }
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            Action::Usage { .. } => "memory|usage",
            Action::Stats => "memory|stats",
            Action::Doctor => "memory|doctor",
            Action::MallocStats => "memory|malloc-stats",
            Action::Purge => "memory|purge",
            Action::Help => "memory|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.action {
            // As redis-server, the key is looked up without expiring or touching it.
            Action::Usage { key, samples } => match ctx.db.peek(&key) {
                Some(entry) => Reply::Integer(saturate(key_usage(&key, &entry.value, samples))),
                None => Reply::Nil,
            },
            Action::Stats => stats(&Report::of(ctx)),
            Action::Doctor => Reply::Verbatim(doctor(&Report::of(ctx), scripts(ctx)).into()),
            Action::MallocStats => {
                Reply::Verbatim("Stats not supported for the current allocator".into())
            }
            Action::Purge => Reply::OK,
            Action::Help => Reply::help(&[
                "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "DOCTOR",
                "    Return memory problems reports.",
                "MALLOC-STATS",
                "    Return internal statistics report from the memory allocator.",
                "PURGE",
                "    Attempt to purge dirty pages for reclamation by the allocator.",
                "STATS",
                "    Return information about the memory usage of the server.",
                "USAGE <key> [SAMPLES <count>]",
                "    Return memory in bytes used by <key> and its value. Nested values are",
                "    sampled up to <count> times (default: 5, 0 means sample all).",
                "HELP",
                "    Prints this help.",
            ]),
        }
    }
}

fn saturate(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// Cached scripts, for MEMORY DOCTOR.
fn scripts(ctx: &Ctx) -> usize {
    #[cfg(feature = "lua")]
    return ctx.scripts.cached_count();
    #[cfg(not(feature = "lua"))]
    {
        let _ = ctx;
        0
    }
}

/// One database's table overhead, as MEMORY STATS names it.
struct DatabaseOverhead {
    index: usize,
    main: u64,
    expires: u64,
}

/// What MEMORY STATS and DOCTOR report, added up over every database.
struct Report {
    databases: Vec<DatabaseOverhead>,
    keys: u64,
    dataset: u64,
}

impl Report {
    fn of(ctx: &Ctx) -> Report {
        let mut report = Report {
            databases: Vec::new(),
            keys: 0,
            dataset: 0,
        };
        for db in ctx.databases.all(ctx.db) {
            report.add(db);
        }
        report
    }

    fn add(&mut self, db: &Keyspace) {
        let mut keys = 0;
        for (key, entry) in db.iter() {
            keys += 1;
            self.dataset += dataset_usage(key, &entry.value, DEFAULT_SAMPLES);
        }
        if keys == 0 {
            return;
        }
        let (main, expires) = table_overhead(keys, db.volatile_len());
        self.databases.push(DatabaseOverhead {
            index: db.index(),
            main,
            expires,
        });
        self.keys += keys as u64;
    }

    fn overhead(&self) -> u64 {
        self.databases.iter().map(|db| db.main + db.expires).sum()
    }

    fn total(&self) -> u64 {
        self.overhead() + self.dataset
    }
}

/// MEMORY STATS: redis-server's fields, in its order.
fn stats(report: &Report) -> Reply {
    let int = |value: u64| Reply::Integer(saturate(value));
    let total = report.total();
    let mut fields: Vec<(Reply, Reply)> = vec![
        (Reply::bulk("peak.allocated"), int(total)),
        (Reply::bulk("total.allocated"), int(total)),
        (Reply::bulk("startup.allocated"), int(0)),
        (Reply::bulk("replication.backlog"), int(0)),
        (Reply::bulk("clients.slaves"), int(0)),
        (Reply::bulk("clients.normal"), int(0)),
        (Reply::bulk("cluster.links"), int(0)),
        (Reply::bulk("aof.buffer"), int(0)),
        (Reply::bulk("lua.caches"), int(0)),
        (Reply::bulk("functions.caches"), int(0)),
    ];
    for db in &report.databases {
        fields.push((
            Reply::bulk(format!("db.{}", db.index)),
            Reply::Map(vec![
                (Reply::bulk("overhead.hashtable.main"), int(db.main)),
                (Reply::bulk("overhead.hashtable.expires"), int(db.expires)),
                (Reply::bulk("overhead.hashtable.slot-to-keys"), int(0)),
            ]),
        ));
    }
    let per_key = total.checked_div(report.keys).unwrap_or(0);
    let dataset_percentage = if total == 0 {
        0.0
    } else {
        report.dataset as f64 * 100.0 / total as f64
    };
    fields.extend([
        (Reply::bulk("overhead.total"), int(report.overhead())),
        (Reply::bulk("keys.count"), int(report.keys)),
        (Reply::bulk("keys.bytes-per-key"), int(per_key)),
        (Reply::bulk("dataset.bytes"), int(report.dataset)),
        (
            Reply::bulk("dataset.percentage"),
            Reply::Double(f64::from(dataset_percentage as f32)),
        ),
        (Reply::bulk("peak.percentage"), Reply::Double(100.0)),
        (Reply::bulk("allocator.allocated"), int(total)),
        (Reply::bulk("allocator.active"), int(total)),
        (Reply::bulk("allocator.resident"), int(total)),
        (
            Reply::bulk("allocator-fragmentation.ratio"),
            Reply::Double(1.0),
        ),
        (Reply::bulk("allocator-fragmentation.bytes"), int(0)),
        (Reply::bulk("allocator-rss.ratio"), Reply::Double(1.0)),
        (Reply::bulk("allocator-rss.bytes"), int(0)),
        (Reply::bulk("rss-overhead.ratio"), Reply::Double(1.0)),
        (Reply::bulk("rss-overhead.bytes"), int(0)),
        (Reply::bulk("fragmentation"), Reply::Double(1.0)),
        (Reply::bulk("fragmentation.bytes"), int(0)),
    ]);
    Reply::Map(fields)
}

/// MEMORY DOCTOR's report, in redis-server's words, for what embedis can judge: an
/// instance too empty to judge, and a script cache too large.
fn doctor(report: &Report, scripts: usize) -> String {
    if report.total() < DOCTOR_MIN_BYTES {
        return "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n".into();
    }
    if scripts > DOCTOR_MAX_SCRIPTS {
        return "Sam, I detected a few issues in this Redis instance memory implants:\n\n * Many scripts: There seem to be many cached scripts in this instance (more than 1000). This may be because scripts are generated and `EVAL`ed, instead of being parameterized (with KEYS and ARGV), `SCRIPT LOAD`ed and `EVALSHA`ed. Unless `SCRIPT FLUSH` is called periodically, the scripts' caches may end up consuming most of your memory.\n\nI'm here to keep you safe, Sam. I want to help you.\n".into();
    }
    "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n".into()
}
