//! Popping sorted sets across keys: ZMPOP, and the blocking BZPOPMIN, BZPOPMAX and BZMPOP —
//! a priority queue's wait for work.
//!
//! The blocking forms park the request exactly as BLPOP does (`cmd/list_blocking.rs`,
//! `exec/blocking.rs`): run again after a write to one of their keys, in arrival order;
//! nil at their deadline on the engine clock; never waiting inside MULTI, a pipeline or an
//! `atomically` closure.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::multi_key_pop::{millis, parse_keys_end_count, parse_timeout};
use super::zset::push_member;
use super::{Command, IntoArg};
use crate::store::c_string::keyword_is;
use crate::{Error, Reply};

/// `MIN` or `MAX`, in any case (a syntax error otherwise); true for MAX.
fn parse_highest(arg: &[u8]) -> Result<bool, Error> {
    if keyword_is(arg, "MIN") {
        Ok(false)
    } else if keyword_is(arg, "MAX") {
        Ok(true)
    } else {
        Err(Error::Syntax)
    }
}

/// `ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]` and `BZMPOP timeout numkeys ...`:
/// pops up to `count` members from the first non-empty sorted set. Replies
/// `[key, [[member, score], ...]]`, or nil; BZMPOP waits for one.
///
/// `BZPOPMIN key [key ...] timeout` and `BZPOPMAX`: one member, replied as
/// `[key, member, score]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZMPop {
    keys: Vec<Bytes>,
    highest: bool,
    /// ZMPOP's count (`None`: BZPOPMIN / BZPOPMAX's single member).
    count: Option<u64>,
    /// Milliseconds to wait, 0 for ever (`None`: ZMPOP, which never waits).
    timeout_ms: Option<i64>,
}

impl ZMPop {
    /// `ZMPOP numkeys key ... MIN|MAX COUNT count` (`highest`: MAX).
    ///
    /// ```
    /// use embedis::{cmd::{ZAdd, ZMPop}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ZAdd::new("jobs", 2.0, "later").member(1.0, "first")).unwrap();
    /// let reply = conn.run(ZMPop::new(["none", "jobs"], false, 1)).unwrap();
    /// assert_eq!(reply, Reply::Array(vec![
    ///     Reply::bulk("jobs"),
    ///     Reply::Array(vec![Reply::Array(vec![Reply::bulk("first"), Reply::Double(1.0)])]),
    /// ]));
    /// ```
    pub fn new<I>(keys: I, highest: bool, count: u64) -> ZMPop
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZMPop {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            highest,
            count: Some(count.max(1)),
            timeout_ms: None,
        }
    }

    /// `BZPOPMIN key ... timeout` (`highest`: BZPOPMAX): waits for a member.
    ///
    /// ```
    /// use std::time::Duration;
    /// use embedis::{cmd::ZMPop, Engine, Reply};
    /// let engine = Engine::new();
    /// let (mut worker, mut producer) = (engine.connect(), engine.connect());
    /// worker.send_command(ZMPop::blocking_one(["tasks"], false, Duration::ZERO)).unwrap();
    /// producer.call(["ZADD", "tasks", "5", "t1"]).unwrap();
    /// assert_eq!(
    ///     worker.recv().unwrap(),
    ///     Reply::Array(vec![Reply::bulk("tasks"), Reply::bulk("t1"), Reply::Double(5.0)])
    /// );
    /// ```
    pub fn blocking_one<I>(keys: I, highest: bool, timeout: std::time::Duration) -> ZMPop
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        ZMPop {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            highest,
            count: None,
            timeout_ms: Some(millis(timeout)),
        }
    }

    /// BZMPOP's form of a ZMPOP: waits up to `timeout` (zero: for ever).
    ///
    /// ```
    /// use std::time::Duration;
    /// use embedis::{cmd::{Command, ZMPop}};
    /// assert_eq!(
    ///     Command::from_argv(["BZMPOP", "0", "1", "z", "MAX", "COUNT", "2"]).unwrap(),
    ///     ZMPop::new(["z"], true, 2).blocking(Duration::ZERO).into()
    /// );
    /// ```
    pub fn blocking(mut self, timeout: std::time::Duration) -> ZMPop {
        self.timeout_ms = Some(millis(timeout));
        self
    }

    pub(crate) fn parse_zmpop(args: &mut Args) -> Result<Command, Error> {
        let (keys, highest, count) = parse_keys_end_count(args, parse_highest)?;
        Ok(Command::ZMPop(ZMPop {
            keys,
            highest,
            count: Some(count),
            timeout_ms: None,
        }))
    }

    pub(crate) fn parse_bzmpop(args: &mut Args) -> Result<Command, Error> {
        let timeout_ms = parse_timeout(&args.next_bytes()?)?;
        let (keys, highest, count) = parse_keys_end_count(args, parse_highest)?;
        Ok(Command::ZMPop(ZMPop {
            keys,
            highest,
            count: Some(count),
            timeout_ms: Some(timeout_ms),
        }))
    }

    fn parse_bzpop(args: &mut Args, highest: bool) -> Result<Command, Error> {
        let mut keys = args.rest();
        let timeout = keys.pop().ok_or(Error::Syntax)?;
        let timeout_ms = parse_timeout(&timeout)?;
        Ok(Command::ZMPop(ZMPop {
            keys,
            highest,
            count: None,
            timeout_ms: Some(timeout_ms),
        }))
    }

    pub(crate) fn parse_bzpopmin(args: &mut Args) -> Result<Command, Error> {
        ZMPop::parse_bzpop(args, false)
    }

    pub(crate) fn parse_bzpopmax(args: &mut Args) -> Result<Command, Error> {
        ZMPop::parse_bzpop(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        match (self.count, self.timeout_ms, self.highest) {
            (Some(_), None, _) => "zmpop",
            (Some(_), Some(_), _) => "bzmpop",
            (None, _, false) => "bzpopmin",
            (None, _, true) => "bzpopmax",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let protocol = ctx.session.protocol();
        let (highest, count) = (self.highest, self.count.unwrap_or(1));
        match ctx.pop_first(&self.keys, |ctx, key| ctx.zpop_some(key, highest, count)) {
            Err(error) => error.into(),
            Ok(Some((key, popped))) => {
                let key = Reply::Bulk(key);
                match self.count {
                    Some(_) => {
                        // Each pair nested, in RESP2 as in RESP3.
                        let pairs = popped
                            .into_iter()
                            .map(|(member, score)| {
                                Reply::Array(vec![Reply::Bulk(member), Reply::Double(score)])
                            })
                            .collect();
                        Reply::Array(vec![key, Reply::Array(pairs)])
                    }
                    None => {
                        let mut out = vec![key];
                        for (member, score) in &popped {
                            push_member(&mut out, member, Some(*score), protocol, false);
                        }
                        Reply::Array(out)
                    }
                }
            }
            Ok(None) => {
                if let Some(timeout) = self.timeout_ms {
                    let keys = self.keys.clone();
                    ctx.park_if_allowed(&keys, timeout, Command::ZMPop(self));
                }
                Reply::NilArray
            }
        }
    }
}
