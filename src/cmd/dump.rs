//! DUMP and RESTORE: a key's value as RDB's serialized payload (`persist/rdb_value.rs`),
//! which moves keys between embedis engines and redis-server in either direction.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::persist::{rdb, rdb_value};
use crate::store::c_string::keyword_is;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// `DUMP key`: the key's value serialized, or nil for a missing key.
///
/// ```
/// use embedis::{cmd::{Dump, Restore}, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// conn.call(["RPUSH", "jobs", "a", "b"]).unwrap();
/// let payload = conn.run(Dump::new("jobs")).unwrap().unwrap();
///
/// let mut other = Engine::new().connect();
/// assert_eq!(other.run(Restore::new("jobs", 0, payload)).unwrap(), Reply::OK);
/// assert_eq!(other.call(["LRANGE", "jobs", "0", "-1"]).unwrap(),
///            Reply::Array(vec![Reply::bulk("a"), Reply::bulk("b")]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dump {
    key: Bytes,
}

impl Dump {
    /// `DUMP key`.
    pub fn new(key: impl IntoArg) -> Dump {
        Dump {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Dump(Dump::new(args.next_bytes()?)))
    }

    pub(crate) fn keys(&self) -> &Bytes {
        &self.key
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let Some(entry) = ctx.db.get(&self.key, &ctx.now) else {
            ctx.key_miss(&self.key);
            return Reply::Nil;
        };
        let mut body = Vec::new();
        rdb_value::write(&entry.value, &mut body);
        Reply::Bulk(rdb::seal(body).into())
    }
}

/// `RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]`:
/// creates `key` from a DUMP payload (of embedis or redis-server), expiring in `ttl`
/// milliseconds (0: never; with ABSTTL, at that unix time in milliseconds).
///
/// IDLETIME and FREQ are checked as Redis checks them and otherwise ignored: embedis keeps
/// no access times or frequencies (nothing is evicted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restore {
    key: Bytes,
    /// Read when it runs: redis-server reports a key that exists before a bad TTL.
    ttl: Bytes,
    payload: Bytes,
    replace: bool,
    absolute: bool,
}

impl Restore {
    /// `RESTORE key ttl payload`.
    pub fn new(key: impl IntoArg, ttl_ms: u64, payload: impl IntoArg) -> Restore {
        Restore {
            key: key.into_arg(),
            ttl: Bytes::from(ttl_ms.to_string()),
            payload: payload.into_arg(),
            replace: false,
            absolute: false,
        }
    }

    /// `REPLACE`: overwrites an existing key.
    pub fn replace(mut self) -> Restore {
        self.replace = true;
        self
    }

    /// `ABSTTL`: the TTL is a unix time in milliseconds.
    pub fn absolute_ttl(mut self) -> Restore {
        self.absolute = true;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let ttl = args.next_bytes()?;
        let payload = args.next_bytes()?;
        let mut restore = Restore {
            key,
            ttl,
            payload,
            replace: false,
            absolute: false,
        };
        let options = args.rest();
        let (mut idle, mut freq) = (false, false);
        let mut at = 0;
        while at < options.len() {
            let option = &options[at];
            let more = at + 1 < options.len();
            if keyword_is(option, "replace") {
                restore.replace = true;
            } else if keyword_is(option, "absttl") {
                restore.absolute = true;
            } else if keyword_is(option, "idletime") && more && !freq {
                let seconds = parse_i64(&options[at + 1]).ok_or(Error::NotInteger)?;
                if seconds < 0 {
                    return Err(Error::InvalidRestoreOption("IDLETIME value, must be >= 0"));
                }
                idle = true;
                at += 1;
            } else if keyword_is(option, "freq") && more && !idle {
                let frequency = parse_i64(&options[at + 1]).ok_or(Error::NotInteger)?;
                if !(0..=255).contains(&frequency) {
                    return Err(Error::InvalidRestoreOption(
                        "FREQ value, must be >= 0 and <= 255",
                    ));
                }
                freq = true;
                at += 1;
            } else {
                return Err(Error::Syntax);
            }
            at += 1;
        }
        Ok(Command::Restore(Box::new(restore)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if !self.replace && ctx.db.contains(&self.key, &ctx.now) {
            return Reply::Error(Error::BusyKey);
        }
        let Some(ttl) = parse_i64(&self.ttl) else {
            return Reply::Error(Error::NotInteger);
        };
        if ttl < 0 {
            return Reply::Error(Error::InvalidRestoreOption("TTL value, must be >= 0"));
        }
        if rdb::verify(&self.payload).is_none() {
            return Reply::Error(Error::DumpPayload);
        }
        let Some(value) = rdb_value::read(&mut rdb::Reader::new(&self.payload)) else {
            return Reply::Error(Error::BadDataFormat);
        };
        let deadline = match (ttl, self.absolute) {
            (0, _) => None,
            (at, true) => Some(at as u64),
            (relative, false) => Some(ctx.now_ms().saturating_add(relative as u64)),
        };
        let expired = deadline.is_some_and(|at| at <= ctx.now_ms());
        ctx.explicitly_logged(|ctx| {
            let deleted = self.replace && ctx.db.remove(&self.key, &ctx.now).is_some();
            if expired {
                if deleted {
                    ctx.log_effect(&[&b"DEL"[..], &self.key]);
                    ctx.touch(&self.key);
                    ctx.notify(notify::GENERIC, "del", &self.key);
                }
                return;
            }
            // The payload as given, at its absolute deadline: a replay restores the same
            // value at the same instant, on embedis or redis-server.
            let at = deadline.unwrap_or(0).to_string();
            ctx.log_effect(&[
                &b"RESTORE"[..],
                &self.key,
                at.as_bytes(),
                &self.payload,
                b"REPLACE",
                b"ABSTTL",
            ]);
            ctx.notify(notify::NEW, "new", &self.key);
            ctx.db.insert(self.key.clone(), value, deadline);
            let db = ctx.db.index();
            ctx.blocking.signal(db, &self.key);
            ctx.touch(&self.key);
            ctx.notify(notify::GENERIC, "restore", &self.key);
        });
        Reply::OK
    }
}
