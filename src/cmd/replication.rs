//! REPLICAOF (and its old name SLAVEOF) and FAILOVER, as a redis-server 7.0 master with no
//! replicas answers them. (ROLE and WAIT, the replication commands every client may send,
//! live in `server.rs`.)
//!
//! An embedded engine is a master and stays one: `REPLICAOF NO ONE` is accepted (there is
//! nothing to stop), the arguments of the other forms are checked as redis-server checks
//! them, and a valid `REPLICAOF host port` is refused, as embedis does not connect to
//! servers (README, known differences). FAILOVER parses its options exactly and then finds,
//! as redis-server would, that no replica is connected.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::store::c_string::c_string;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// `REPLICAOF host port` or `REPLICAOF NO ONE` (also spelled `SLAVEOF`).
///
/// ```
/// use embedis::{cmd::ReplicaOf, Engine};
/// let mut conn = Engine::new().connect();
/// conn.run(ReplicaOf::no_one()).unwrap(); // OK
/// assert!(conn.run(ReplicaOf::new("10.0.0.7", 6379)).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplicaOf {
    /// `None`: NO ONE.
    master: Option<(Bytes, u16)>,
    /// Sent as SLAVEOF.
    old_name: bool,
}

impl ReplicaOf {
    /// `REPLICAOF NO ONE`: stay (become) a master. Always `OK`.
    ///
    /// ```
    /// use embedis::{cmd::ReplicaOf, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(ReplicaOf::no_one()).unwrap(); // OK
    /// ```
    pub fn no_one() -> ReplicaOf {
        ReplicaOf {
            master: None,
            old_name: false,
        }
    }

    /// `REPLICAOF host port`: refused, as an embedded engine does not replicate.
    ///
    /// ```
    /// use embedis::{cmd::ReplicaOf, Engine, Error};
    /// let mut conn = Engine::new().connect();
    /// let refused = conn.run(ReplicaOf::new("10.0.0.7", 6379)).unwrap_err();
    /// assert_eq!(refused, Error::CannotReplicate);
    /// ```
    pub fn new(host: impl IntoArg, port: u16) -> ReplicaOf {
        ReplicaOf {
            master: Some((host.into_arg(), port)),
            old_name: false,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        ReplicaOf::parse_spelled(args, false)
    }

    pub(crate) fn parse_slaveof(args: &mut Args) -> Result<Command, Error> {
        ReplicaOf::parse_spelled(args, true)
    }

    fn parse_spelled(args: &mut Args, old_name: bool) -> Result<Command, Error> {
        let host = args.next_bytes()?;
        let port = args.next_bytes()?;
        // redis-server compares words as C strings: up to a NUL byte.
        let is = |word: &[u8], expected: &[u8]| c_string(word).eq_ignore_ascii_case(expected);
        let master = if is(&host, b"no") && is(&port, b"one") {
            None
        } else {
            let port = parse_i64(&port)
                .and_then(|port| u16::try_from(port).ok())
                .ok_or(Error::InvalidMasterPort)?;
            Some((host, port))
        };
        Ok(Command::ReplicaOf(ReplicaOf { master, old_name }))
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.old_name {
            "slaveof"
        } else {
            "replicaof"
        }
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        match self.master {
            None => Reply::OK,
            Some(_) => Reply::Error(Error::CannotReplicate),
        }
    }
}

/// `FAILOVER [TO host port [FORCE]] [TIMEOUT milliseconds]` and `FAILOVER ABORT`: with no
/// replica connected, FAILOVER fails (`ERR FAILOVER requires connected replicas.`) and
/// ABORT finds nothing to abort, after the options are checked as redis-server checks
/// them.
///
/// ```
/// use embedis::{cmd::Failover, Engine};
/// let mut conn = Engine::new().connect();
/// let error = conn.run(Failover::new().timeout(5000)).unwrap_err();
/// assert_eq!(error.to_string(), "ERR FAILOVER requires connected replicas.");
/// let error = conn.run(Failover::abort()).unwrap_err();
/// assert_eq!(error.to_string(), "ERR No failover in progress.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failover {
    to: Option<(Bytes, i64)>,
    timeout_ms: Option<i64>,
    force: bool,
    abort: bool,
}

impl Failover {
    /// `FAILOVER`: to any replica, without a timeout.
    ///
    /// ```
    /// use embedis::{cmd::Failover, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert!(conn.run(Failover::new()).is_err());
    /// ```
    pub fn new() -> Failover {
        Failover {
            to: None,
            timeout_ms: None,
            force: false,
            abort: false,
        }
    }

    /// `FAILOVER ABORT`.
    ///
    /// ```
    /// use embedis::{cmd::Failover, Engine, Error};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Failover::abort()).unwrap_err(), Error::NoFailoverInProgress);
    /// ```
    pub fn abort() -> Failover {
        Failover {
            abort: true,
            ..Failover::new()
        }
    }

    /// `TO host port`: the replica to hand over to.
    ///
    /// ```
    /// use embedis::{cmd::Failover, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert!(conn.run(Failover::new().to("10.0.0.8", 6379).force().timeout(100)).is_err());
    /// ```
    pub fn to(mut self, host: impl IntoArg, port: i64) -> Failover {
        self.to = Some((host.into_arg(), port));
        self
    }

    /// `TIMEOUT milliseconds`: must be above 0.
    ///
    /// ```
    /// use embedis::{cmd::Failover, Engine};
    /// let mut conn = Engine::new().connect();
    /// let error = conn.run(Failover::new().timeout(0)).unwrap_err();
    /// assert_eq!(error.to_string(), "ERR FAILOVER timeout must be greater than 0");
    /// ```
    pub fn timeout(mut self, milliseconds: i64) -> Failover {
        self.timeout_ms = Some(milliseconds);
        self
    }

    /// `FORCE`: hand over even if the replica has not caught up by the timeout.
    ///
    /// ```
    /// use embedis::{cmd::Failover, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert!(conn.run(Failover::new().to("10.0.0.8", 6379).timeout(100).force()).is_err());
    /// ```
    pub fn force(mut self) -> Failover {
        self.force = true;
        self
    }

    /// Options in any order, each once; ABORT only alone.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let words = args.rest();
        // redis-server compares words as C strings: up to a NUL byte.
        let is = |word: &[u8], expected: &[u8]| c_string(word).eq_ignore_ascii_case(expected);
        if let [only] = words.as_slice()
            && is(only, b"abort")
        {
            return Ok(Command::Failover(Failover::abort()));
        }
        let mut failover = Failover::new();
        let mut at = 0;
        while let Some(word) = words.get(at) {
            let left = words.len() - at - 1;
            if is(word, b"timeout") && left >= 1 && failover.timeout_ms.is_none() {
                let timeout = parse_i64(&words[at + 1]).ok_or(Error::NotInteger)?;
                if timeout <= 0 {
                    return Err(Error::FailoverTimeout);
                }
                failover.timeout_ms = Some(timeout);
                at += 2;
            } else if is(word, b"to") && left >= 2 && failover.to.is_none() {
                let port = parse_i64(&words[at + 2]).ok_or(Error::NotInteger)?;
                failover.to = Some((words[at + 1].clone(), port));
                at += 3;
            } else if is(word, b"force") && !failover.force {
                failover.force = true;
                at += 1;
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::Failover(failover))
    }

    pub(crate) fn apply(self, _ctx: &mut Ctx) -> Reply {
        let error = if self.abort {
            Error::NoFailoverInProgress
        } else if self.timeout_ms.is_some_and(|timeout| timeout <= 0) {
            Error::FailoverTimeout
        } else {
            Error::FailoverNeedsReplicas
        };
        Reply::Error(error)
    }
}

impl Default for Failover {
    fn default() -> Failover {
        Failover::new()
    }
}
