//! OBJECT, as redis-server 7.0 has it: ENCODING (the representation redis-server would
//! hold the value in), REFCOUNT, FREQ, IDLETIME and HELP.
//!
//! Collections report what their stores track (`is_compact`, `is_intset`), which follows
//! Redis's conversion rules exactly. A string's encoding is read from its bytes as Redis's
//! `tryObjectEncoding` decides it for SET (`int`, `embstr` up to 44 bytes, `raw`); Redis
//! keeps `raw` for a short string APPEND, SETRANGE or SETBIT edited, which embedis does not
//! record (README, known differences). Key access times are not tracked (a clock read on
//! every lookup would cost the hot path as much as a command), so IDLETIME says so.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::store::number::parse_i64;
use crate::store::value::Value;
use crate::{Error, Reply};

/// Strings up to this length are one allocation with their object (`embstr`).
const EMBSTR_MAX_LEN: usize = 44;
/// The integers redis-server shares instead of allocating (REFCOUNT reports them so).
const SHARED_INTEGERS: std::ops::Range<i64> = 0..10_000;
/// The reference count Redis reports for a shared object.
const SHARED_REFCOUNT: i64 = 2_147_483_647;

/// What OBJECT asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Query {
    Encoding,
    RefCount,
    Freq,
    IdleTime,
}

/// `OBJECT ENCODING | REFCOUNT | FREQ | IDLETIME key`, and `OBJECT HELP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// `None`: HELP.
    query: Option<(Query, Bytes)>,
}

impl Object {
    /// `OBJECT ENCODING key`: nil for a missing key.
    ///
    /// ```
    /// use embedis::{cmd::Object, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "n", "12345"]).unwrap();
    /// conn.call(["HSET", "h", "f", "v"]).unwrap();
    /// assert_eq!(conn.run(Object::encoding("n")).unwrap(), Reply::bulk("int"));
    /// assert_eq!(conn.run(Object::encoding("h")).unwrap(), Reply::bulk("listpack"));
    /// ```
    pub fn encoding(key: impl IntoArg) -> Object {
        Object {
            query: Some((Query::Encoding, key.into_arg())),
        }
    }

    /// `OBJECT REFCOUNT key`.
    pub fn refcount(key: impl IntoArg) -> Object {
        Object {
            query: Some((Query::RefCount, key.into_arg())),
        }
    }

    fn parse_with(args: &mut Args, query: Query) -> Result<Command, Error> {
        Ok(Command::Object(Object {
            query: Some((query, args.next_bytes()?)),
        }))
    }

    pub(crate) fn parse_encoding(args: &mut Args) -> Result<Command, Error> {
        Object::parse_with(args, Query::Encoding)
    }

    pub(crate) fn parse_refcount(args: &mut Args) -> Result<Command, Error> {
        Object::parse_with(args, Query::RefCount)
    }

    pub(crate) fn parse_freq(args: &mut Args) -> Result<Command, Error> {
        Object::parse_with(args, Query::Freq)
    }

    pub(crate) fn parse_idletime(args: &mut Args) -> Result<Command, Error> {
        Object::parse_with(args, Query::IdleTime)
    }

    pub(crate) fn parse_help(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Object(Object { query: None }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.query {
            None => "object|help",
            Some((Query::Encoding, _)) => "object|encoding",
            Some((Query::RefCount, _)) => "object|refcount",
            Some((Query::Freq, _)) => "object|freq",
            Some((Query::IdleTime, _)) => "object|idletime",
        }
    }

    /// The key it asks about; `None` for HELP.
    pub(crate) fn key(&self) -> Option<&Bytes> {
        self.query.as_ref().map(|(_, key)| key)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let Some((query, key)) = self.query else {
            return Reply::help(&HELP);
        };
        // Redis looks the key up without touching it or announcing a miss.
        let Some(entry) = ctx.db.get(&key, &ctx.now) else {
            return Reply::Nil;
        };
        match query {
            Query::Encoding => Reply::bulk(encoding(&entry.value)),
            Query::RefCount => Reply::Integer(match &entry.value {
                Value::Int(n) if SHARED_INTEGERS.contains(n) => SHARED_REFCOUNT,
                Value::String(bytes)
                    if parse_i64(bytes).is_some_and(|n| SHARED_INTEGERS.contains(&n)) =>
                {
                    SHARED_REFCOUNT
                }
                _ => 1,
            }),
            Query::Freq => Error::Object(
                "An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.",
            )
            .into(),
            Query::IdleTime => {
                Error::Object("embedis: key access times are not tracked").into()
            }
        }
    }
}

/// The encoding redis-server 7.0 would report for the value.
fn encoding(value: &Value) -> &'static str {
    match value {
        Value::Int(_) => "int",
        Value::String(bytes) if bytes.len() <= 20 && parse_i64(bytes).is_some() => "int",
        Value::String(bytes) if bytes.len() <= EMBSTR_MAX_LEN => "embstr",
        Value::String(_) => "raw",
        Value::List(_) => "quicklist",
        Value::Set(set) if set.is_intset() => "intset",
        Value::Hash(hash) if hash.is_compact() => "listpack",
        Value::Set(_) | Value::Hash(_) => "hashtable",
        Value::SortedSet(set) if set.is_compact() => "listpack",
        Value::SortedSet(_) => "skiplist",
        Value::Stream(_) => "stream",
    }
}

const HELP: [&str; 15] = [
    "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "ENCODING <key>",
    "    Return the kind of internal representation used in order to store the value",
    "    associated with a <key>.",
    "FREQ <key>",
    "    Return the access frequency index of the <key>. The returned integer is",
    "    proportional to the logarithm of the recent access frequency of the key.",
    "IDLETIME <key>",
    "    Return the idle time of the <key>, that is the approximated number of",
    "    seconds elapsed since the last access to the key.",
    "REFCOUNT <key>",
    "    Return the number of references of the value associated with the specified",
    "    <key>.",
    "HELP",
    "    Prints this help.",
];
