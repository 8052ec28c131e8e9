//! MONITOR as a Rust value: every command the engine runs, as a [`MonitoredCommand`].
//!
//! A test that checks which commands the code under test sent reads them here instead of
//! parsing MONITOR's text. The monitor is a connection that sent MONITOR (see
//! `exec/monitor.rs` for what is shown and when): its buffer is a connection's, and one
//! that stops reading is closed ([`Error::OutputBufferOverflow`]) rather than holding the
//! engine back. Dropping it ends monitoring.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use crate::exec::monitor::parse_line;
use crate::{Connection, Error, Reply};

/// A command the engine ran, as MONITOR shows it.
///
/// ```
/// use embedis::Engine;
/// let engine = Engine::new();
/// let mut monitor = engine.monitor().unwrap();
/// engine.connect().call(["SET", "k", "v"]).unwrap();
/// let seen = monitor.recv().unwrap();
/// assert_eq!(seen.args, ["SET", "k", "v"]);
/// assert_eq!(seen.db, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitoredCommand {
    /// When it ran, in microseconds since the Unix epoch on the engine clock.
    pub micros: u64,
    /// The database it left its connection in (`SELECT 3` is seen in database 3).
    pub db: usize,
    /// The connection's address as CLIENT LIST shows it, or `lua` for a command a script
    /// ran.
    pub client: String,
    /// The command line as sent (AUTH's secrets as `(redacted)`); a command sent as a
    /// typed value has its name only.
    pub args: Vec<Bytes>,
}

impl MonitoredCommand {
    /// When it ran, on the engine clock.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use embedis::{Engine, ManualClock};
    /// let clock = ManualClock::new();
    /// clock.set(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    /// let engine = Engine::builder().clock(clock).build();
    /// let mut monitor = engine.monitor().unwrap();
    /// engine.connect().call(["PING"]).unwrap();
    /// let seen = monitor.recv().unwrap();
    /// assert_eq!(seen.time(), UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    /// ```
    pub fn time(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_micros(self.micros)
    }

    /// Whether a Lua script ran it.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let mut monitor = engine.monitor().unwrap();
    /// engine.connect().call(["ECHO", "x"]).unwrap();
    /// assert!(!monitor.recv().unwrap().from_script());
    /// ```
    pub fn from_script(&self) -> bool {
        self.client == "lua"
    }
}

/// A MONITOR of one engine. Made by [`Engine::monitor`](crate::Engine::monitor).
///
/// ```
/// use std::time::Duration;
/// let engine = embedis::Engine::new();
/// let mut monitor = engine.monitor().unwrap();
/// let mut conn = engine.connect();
/// conn.call(["INCR", "n"]).unwrap();
/// conn.call(["GET", "n"]).unwrap();
/// let names: Vec<_> = std::iter::from_fn(|| monitor.recv_timeout(Duration::from_millis(50)).unwrap())
///     .map(|seen| seen.args[0].clone())
///     .collect();
/// assert_eq!(names, ["INCR", "GET"]);
/// ```
#[derive(Debug)]
pub struct CommandMonitor {
    conn: Connection,
}

impl CommandMonitor {
    /// Starts monitoring on `conn`, a new connection.
    pub(crate) fn start(mut conn: Connection) -> Result<CommandMonitor, Error> {
        match conn.call(["MONITOR"])? {
            Reply::Status(status) if status == "OK" => Ok(CommandMonitor { conn }),
            other => Err(Error::UnexpectedReply(format!("{other:?}"))),
        }
    }

    /// The next command, waiting as long as it takes. `Err(Closed)` after shutdown,
    /// `Err(OutputBufferOverflow)` once the monitor fell too far behind.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let mut monitor = engine.monitor().unwrap();
    /// engine.connect().call(["DEL", "k"]).unwrap();
    /// assert_eq!(monitor.recv().unwrap().args, ["DEL", "k"]);
    /// ```
    pub fn recv(&mut self) -> Result<MonitoredCommand, Error> {
        let reply = self.conn.recv()?;
        seen(reply)
    }

    /// The next command if one arrives within `timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let engine = embedis::Engine::new();
    /// let mut monitor = engine.monitor().unwrap();
    /// assert_eq!(monitor.recv_timeout(Duration::from_millis(10)).unwrap(), None);
    /// ```
    pub fn recv_timeout(&mut self, timeout: Duration) -> Result<Option<MonitoredCommand>, Error> {
        self.conn.recv_timeout(timeout)?.map(seen).transpose()
    }

    /// The next command if one is there already.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let mut monitor = engine.monitor().unwrap();
    /// assert_eq!(monitor.try_recv().unwrap(), None);
    /// ```
    pub fn try_recv(&mut self) -> Result<Option<MonitoredCommand>, Error> {
        self.conn.try_recv()?.map(seen).transpose()
    }
}

/// A frame of the monitoring connection as a command.
fn seen(reply: Reply) -> Result<MonitoredCommand, Error> {
    match &reply {
        Reply::Status(line) => parse_line(line),
        _ => None,
    }
    .ok_or_else(|| Error::UnexpectedReply(format!("{reply:?}")))
}
