//! Transactions: MULTI, EXEC, DISCARD, WATCH, UNWATCH.
//!
//! Queueing itself (replying `QUEUED`, flagging the transaction when a command is rejected
//! while queueing) is the executor's job: it decides what runs now and what waits. These
//! commands only manage the queue and run it.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::session::MultiState;
use crate::{Error, Reply};

/// `MULTI`: starts queueing commands until EXEC or DISCARD.
///
/// ```
/// use embedis::cmd::{Command, Multi};
/// assert_eq!(Command::from_argv(["MULTI"]).unwrap(), Multi.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Multi;

impl Multi {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Multi(Multi))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if ctx.session.multi.is_some() {
            return Error::NestedMulti.into();
        }
        ctx.session.multi = Some(MultiState::default());
        Reply::OK
    }
}

/// `EXEC`: runs the queued commands atomically and replies with their replies; nil if a
/// watched key changed; `EXECABORT` if a command was rejected while queueing.
///
/// ```
/// use embedis::cmd::{Command, Exec};
/// assert_eq!(Command::from_argv(["EXEC"]).unwrap(), Exec.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Exec;

impl Exec {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Exec(Exec))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let Some(multi) = ctx.session.multi.take() else {
            return Error::ExecWithoutMulti.into();
        };
        if multi.aborted {
            ctx.unwatch_all();
            return Error::ExecAbort.into();
        }
        if ctx.watch_failed() {
            ctx.unwatch_all();
            return Reply::NilArray;
        }
        // Redis unwatches before running, so the transaction's own writes do not count.
        ctx.unwatch_all();
        ctx.session.executing = multi.queue.len();
        // A CLIENT REPLY inside acts after EXEC: its reply goes out whole or not at all.
        let silenced = ctx.session.replies.silences_now();
        let mark = ctx.log.as_deref().map(|log| log.mark());
        let mut lines = multi.lines;
        let replies = multi
            .queue
            .into_iter()
            .enumerate()
            .map(|(at, command)| crate::exec::slowlog::run(ctx, command, lines.take(at)))
            .collect();
        ctx.session.executing = 0;
        ctx.session.replies.decide(!silenced);
        // The transaction's effects replay together or, cut short by a crash, not at all.
        if let (Some(mark), Some(log)) = (mark, ctx.log.as_deref_mut()) {
            log.wrap_transaction(mark);
        }
        Reply::Array(replies)
    }
}

/// A rejected EXEC, as Redis's `execCommandAbort` handles it: the transaction, if any, is
/// discarded and every watch dropped (even outside MULTI), and the error names the reason.
pub(crate) fn abort_exec(ctx: &mut Ctx, error: Error) -> Reply {
    ctx.session.multi = None;
    ctx.unwatch_all();
    error.into()
}

/// `DISCARD`: drops the queued commands and every watch.
///
/// ```
/// use embedis::cmd::{Command, Discard};
/// assert_eq!(Command::from_argv(["DISCARD"]).unwrap(), Discard.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Discard;

impl Discard {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Discard(Discard))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if ctx.session.multi.take().is_none() {
            return Error::DiscardWithoutMulti.into();
        }
        ctx.unwatch_all();
        Reply::OK
    }
}

/// `WATCH key [key ...]`: EXEC will fail if any of these keys changes (or expires) first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    keys: Vec<Bytes>,
}

impl Watch {
    /// `WATCH key [key ...]`.
    ///
    /// ```
    /// use embedis::{cmd::Watch, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Watch::new(["k"])).unwrap(), Reply::OK);
    /// ```
    pub fn new<K: IntoArg>(keys: impl IntoIterator<Item = K>) -> Watch {
        Watch {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Watch(Watch { keys: args.rest() }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if ctx.session.multi.is_some() {
            return Error::WatchInsideMulti.into();
        }
        for key in self.keys {
            ctx.watch(key);
        }
        Reply::OK
    }
}

/// `UNWATCH`: forgets every watched key.
///
/// ```
/// use embedis::cmd::{Command, Unwatch};
/// assert_eq!(Command::from_argv(["UNWATCH"]).unwrap(), Unwatch.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unwatch;

impl Unwatch {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Unwatch(Unwatch))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        ctx.unwatch_all();
        Reply::OK
    }
}
