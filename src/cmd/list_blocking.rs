//! The blocking list commands: BLPOP, BRPOP, BLMPOP, BLMOVE, BRPOPLPUSH.
//!
//! They park the request, not a thread, exactly as blocked XREADs do (`exec/blocking.rs`):
//! when none of their lists has an element, the executor parks them and runs them again
//! after a write to one of their keys, in arrival order; at their deadline on the engine
//! clock they answer nil. Inside MULTI, a pipeline or an `atomically` closure they never
//! wait: they answer nil at once, as redis-server answers a client that may not block.
//!
//! The timeout is in seconds, read as redis-server reads it (`cmd/multi_key_pop.rs`).

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::list::LMove;
use super::multi_key_pop::{millis, parse_keys_end_count, parse_timeout};
use super::{Command, IntoArg};
use crate::store::list::End;
use crate::{Error, Reply};

/// `BLPOP key [key ...] timeout`, `BRPOP`, and `BLMPOP timeout numkeys key [key ...]
/// LEFT|RIGHT [COUNT count]`: pops from the first non-empty list, waiting for one if all
/// are empty. BLPOP replies `[key, element]`, BLMPOP `[key, [element, ...]]`; nil at the
/// timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockingPop {
    keys: Vec<Bytes>,
    end: End,
    /// BLMPOP's count (`None`: BLPOP / BRPOP).
    count: Option<u64>,
    timeout_ms: i64,
}

impl BlockingPop {
    /// `BLPOP key ... timeout` (`End::Left`) or `BRPOP`: the worker's wait for a job.
    ///
    /// ```
    /// use std::time::Duration;
    /// use embedis::{cmd::{BlockingPop, End}, Engine, Reply};
    /// let engine = Engine::new();
    /// let (mut worker, mut producer) = (engine.connect(), engine.connect());
    /// worker.send_command(BlockingPop::new(["jobs"], End::Left, Duration::ZERO)).unwrap(); // waits
    /// producer.call(["RPUSH", "jobs", "j1"]).unwrap();
    /// assert_eq!(worker.recv().unwrap(), Reply::Array(vec![Reply::bulk("jobs"), Reply::bulk("j1")]));
    /// ```
    pub fn new<I>(keys: I, end: End, timeout: std::time::Duration) -> BlockingPop
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        BlockingPop {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            end,
            count: None,
            timeout_ms: millis(timeout),
        }
    }

    /// BLMPOP's form: up to `count` elements, replied as `[key, [element, ...]]`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use embedis::{cmd::{BlockingPop, End}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "b", "x", "y"]).unwrap();
    /// let reply = conn.run(BlockingPop::new(["a", "b"], End::Right, Duration::from_secs(1)).count(5)).unwrap();
    /// assert_eq!(reply, Reply::Array(vec![Reply::bulk("b"), Reply::Array(vec![Reply::bulk("y"), Reply::bulk("x")])]));
    /// ```
    pub fn count(mut self, count: u64) -> BlockingPop {
        self.count = Some(count.max(1));
        self
    }

    fn parse_with(args: &mut Args, end: End) -> Result<Command, Error> {
        let mut keys = args.rest();
        let timeout = keys.pop().ok_or(Error::Syntax)?;
        let timeout_ms = parse_timeout(&timeout)?;
        Ok(Command::BlockingPop(BlockingPop {
            keys,
            end,
            count: None,
            timeout_ms,
        }))
    }

    pub(crate) fn parse_blpop(args: &mut Args) -> Result<Command, Error> {
        BlockingPop::parse_with(args, End::Left)
    }

    pub(crate) fn parse_brpop(args: &mut Args) -> Result<Command, Error> {
        BlockingPop::parse_with(args, End::Right)
    }

    pub(crate) fn parse_blmpop(args: &mut Args) -> Result<Command, Error> {
        let timeout_ms = parse_timeout(&args.next_bytes()?)?;
        let (keys, end, count) = parse_keys_end_count(args, super::list::parse_end)?;
        Ok(Command::BlockingPop(BlockingPop {
            keys,
            end,
            count: Some(count),
            timeout_ms,
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match (self.count, self.end) {
            (Some(_), _) => "blmpop",
            (None, End::Left) => "blpop",
            (None, End::Right) => "brpop",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let (end, count) = (self.end, self.count.unwrap_or(1));
        match ctx.pop_first(&self.keys, |ctx, key| ctx.pop_some(key, end, count)) {
            Err(error) => error.into(),
            Ok(Some((key, popped))) => {
                let key = Reply::Bulk(key);
                match self.count {
                    Some(_) => Reply::Array(vec![key, Reply::Array(popped)]),
                    None => Reply::Array(std::iter::once(key).chain(popped).collect()),
                }
            }
            Ok(None) => {
                let (keys, timeout) = (self.keys.clone(), self.timeout_ms);
                ctx.park_if_allowed(&keys, timeout, Command::BlockingPop(self));
                Reply::NilArray
            }
        }
    }
}

/// `BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout` and `BRPOPLPUSH source
/// destination timeout`: LMOVE that waits for the source to have an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockingMove {
    inner: LMove,
    timeout_ms: i64,
}

impl BlockingMove {
    /// `BLMOVE source destination from to timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use embedis::{cmd::{BlockingMove, End}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["RPUSH", "jobs", "j1"]).unwrap();
    /// let job = conn.run(BlockingMove::new("jobs", "doing", End::Left, End::Right, Duration::ZERO)).unwrap();
    /// assert_eq!(job, Reply::bulk("j1"));
    /// ```
    pub fn new(
        source: impl IntoArg,
        destination: impl IntoArg,
        from: End,
        to: End,
        timeout: std::time::Duration,
    ) -> BlockingMove {
        BlockingMove {
            inner: LMove::new(source, destination, from, to),
            timeout_ms: millis(timeout),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut words = args.rest();
        let timeout = words.pop().ok_or(Error::Syntax)?;
        let inner = LMove::from_words(words, false)?;
        let timeout_ms = parse_timeout(&timeout)?;
        Ok(BlockingMove { inner, timeout_ms }.into())
    }

    pub(crate) fn parse_brpoplpush(args: &mut Args) -> Result<Command, Error> {
        let mut words = args.rest();
        let timeout = words.pop().ok_or(Error::Syntax)?;
        let inner = LMove::from_words(words, true)?;
        let timeout_ms = parse_timeout(&timeout)?;
        Ok(BlockingMove { inner, timeout_ms }.into())
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.inner.name() == "rpoplpush" {
            "brpoplpush"
        } else {
            "blmove"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let serving = ctx.session.serving_blocked;
        match ctx.source_has_elements(self.inner.source()) {
            Err(Error::WrongType) if serving => {}
            Err(error) => return error.into(),
            Ok(true) => return self.inner.apply(ctx),
            Ok(false) => {}
        }
        if ctx.can_block() {
            let (keys, timeout) = ([self.inner.source().clone()], self.timeout_ms);
            ctx.park_if_allowed(&keys, timeout, Command::BlockingMove(Box::new(self)));
            return Reply::NilArray;
        }
        // A client that may not block gets a nil string here, not the timeout's nil array.
        Reply::Nil
    }
}
