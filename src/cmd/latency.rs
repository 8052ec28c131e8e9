//! LATENCY, as redis-server 7.0 answers it with its latency monitor off
//! (`latency-monitor-threshold 0`, its default) and no per-command histograms
//! (`latency-tracking no`).
//!
//! embedis records no latency events and times no command: reading a clock around every
//! command would cost the executor about a third of an INCR in a pipeline (two reads of
//! 20–25 ns on the 2-vCPU VM of `benches/README.md`). CONFIG GET says so
//! (`latency-monitor-threshold 0`, `latency-tracking no`), and every subcommand answers
//! what redis-server configured that way answers: no samples, no histograms, nothing to
//! reset, and DOCTOR's report that monitoring is off.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::error::error_text;
use crate::{Error, Reply};

/// DOCTOR's report while the monitor is off, as redis-server words it.
const DOCTOR_DISABLED: &str = "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";

/// What LATENCY asks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Latest,
    History(Bytes),
    Reset,
    Doctor,
    Graph(Bytes),
    Histogram,
    Help,
}

/// `LATENCY LATEST | HISTORY event | RESET [event ...] | DOCTOR | GRAPH event | HISTOGRAM
/// [command ...] | HELP`.
///
/// ```
/// use embedis::{cmd::Latency, Engine, Reply};
/// let mut conn = Engine::new().connect();
/// assert_eq!(conn.run(Latency::latest()).unwrap(), Reply::Array(vec![]));
/// assert_eq!(conn.run(Latency::reset()).unwrap(), Reply::Integer(0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Latency {
    action: Action,
}

impl Latency {
    fn of(action: Action) -> Latency {
        Latency { action }
    }

    /// `LATENCY LATEST`: the latest sample of every event, none.
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Latency::latest()).unwrap(), Reply::Array(vec![]));
    /// ```
    pub fn latest() -> Latency {
        Latency::of(Action::Latest)
    }

    /// `LATENCY HISTORY event`: the samples of one event, none.
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Latency::history("command")).unwrap(), Reply::Array(vec![]));
    /// ```
    pub fn history(event: impl IntoArg) -> Latency {
        Latency::of(Action::History(event.into_arg()))
    }

    /// `LATENCY RESET`: how many events had samples to forget, 0.
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Latency::reset()).unwrap(), Reply::Integer(0));
    /// ```
    pub fn reset() -> Latency {
        Latency::of(Action::Reset)
    }

    /// `LATENCY DOCTOR`: the report, which says the monitor is off (a verbatim string in
    /// RESP3).
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Verbatim(text) = conn.run(Latency::doctor()).unwrap() else { panic!() };
    /// assert!(text.starts_with(b"I'm sorry, Dave, I can't do that."));
    /// ```
    pub fn doctor() -> Latency {
        Latency::of(Action::Doctor)
    }

    /// `LATENCY GRAPH event`: an error, as there are no samples to draw.
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine};
    /// let mut conn = Engine::new().connect();
    /// let error = conn.run(Latency::graph("command")).unwrap_err();
    /// assert_eq!(error.to_string(), "ERR No samples available for event 'command'");
    /// ```
    pub fn graph(event: impl IntoArg) -> Latency {
        Latency::of(Action::Graph(event.into_arg()))
    }

    /// `LATENCY HISTOGRAM`: the commands' latency histograms, none (a map in RESP3).
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Latency::histogram()).unwrap(), Reply::Map(vec![]));
    /// ```
    pub fn histogram() -> Latency {
        Latency::of(Action::Histogram)
    }

    /// `LATENCY HELP`.
    ///
    /// ```
    /// use embedis::{cmd::Latency, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let Reply::Array(lines) = conn.run(Latency::help()).unwrap() else { panic!() };
    /// assert_eq!(lines.len(), 17);
    /// ```
    pub fn help() -> Latency {
        Latency::of(Action::Help)
    }

    pub(crate) fn parse_latest(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Latency(Latency::latest()))
    }

    pub(crate) fn parse_history(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Latency(Latency::of(Action::History(
            args.next_bytes()?,
        ))))
    }

    /// RESET takes any event names: with no samples, none has anything to forget.
    pub(crate) fn parse_reset(args: &mut Args) -> Result<Command, Error> {
        args.rest();
        Ok(Command::Latency(Latency::reset()))
    }

    pub(crate) fn parse_doctor(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Latency(Latency::doctor()))
    }

    pub(crate) fn parse_graph(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Latency(Latency::of(Action::Graph(
            args.next_bytes()?,
        ))))
    }

    /// HISTOGRAM takes any command names: none has a histogram.
    pub(crate) fn parse_histogram(args: &mut Args) -> Result<Command, Error> {
        args.rest();
        Ok(Command::Latency(Latency::histogram()))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Latency(Latency::help()))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            Action::Latest => "latency|latest",
            Action::History(_) => "latency|history",
            Action::Reset => "latency|reset",
            Action::Doctor => "latency|doctor",
            Action::Graph(_) => "latency|graph",
            Action::Histogram => "latency|histogram",
            Action::Help => "latency|help",
        }
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        match self.action {
            Action::Latest | Action::History(_) => Reply::Array(Vec::new()),
            Action::Reset => Reply::Integer(0),
            Action::Doctor => Reply::Verbatim(DOCTOR_DISABLED.into()),
            Action::Graph(event) => Reply::Error(Error::LatencyNoSamples(error_text(&event))),
            Action::Histogram => Reply::Map(Vec::new()),
            Action::Help => Reply::help(&[
                "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "DOCTOR",
                "    Return a human readable latency analysis report.",
                "GRAPH <event>",
                "    Return an ASCII latency graph for the <event> class.",
                "HISTORY <event>",
                "    Return time-latency samples for the <event> class.",
                "LATEST",
                "    Return the latest latency samples for all events.",
                "RESET [<event> ...]",
                "    Reset latency data of one or more <event> classes.",
                "    (default: reset all data for all event classes)",
                "HISTOGRAM [COMMAND ...]",
                "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
                "    If no commands are specified then all histograms are replied.",
                "HELP",
                "    Prints this help.",
            ]),
        }
    }
}
