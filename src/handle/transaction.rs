//! Typed MULTI/EXEC with optional WATCH.

use crate::cmd::IntoArg;

use crate::cmd::{Command, Exec, Multi, Watch};
use crate::exec::monitor::{keep_line, SentLines};
use crate::reply::FromReply;
use crate::{Connection, Error, Reply};

/// A MULTI/EXEC transaction on a connection: queue commands, then [`exec`](Transaction::exec)
/// sends MULTI, the commands and EXEC in one round trip.
///
/// ```
/// use embedis::{Engine, Reply};
/// let engine = Engine::new();
/// let mut conn = engine.connect();
/// conn.call(["SET", "balance", "10"]).unwrap();
///
/// let mut tx = conn.transaction();
/// tx.watch(["balance"]).unwrap();
/// tx.cmd(["DECRBY", "balance", "3"]).cmd(["GET", "balance"]);
/// assert_eq!(tx.exec().unwrap(), Some(vec![Reply::Integer(7), Reply::bulk("7")]));
/// ```
#[derive(Debug)]
pub struct Transaction<'a> {
    conn: &'a mut Connection,
    commands: Vec<Result<Command, Error>>,
    /// The command lines as sent, kept only while a MONITOR listens.
    lines: SentLines,
}

impl Connection {
    /// Starts a typed transaction on this connection.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// let mut tx = conn.transaction();
    /// tx.cmd(["PING"]);
    /// assert_eq!(tx.exec().unwrap(), Some(vec![embedis::Reply::status("PONG")]));
    /// ```
    pub fn transaction(&mut self) -> Transaction<'_> {
        Transaction {
            conn: self,
            commands: Vec::new(),
            lines: SentLines::default(),
        }
    }
}

impl Transaction<'_> {
    /// WATCHes keys now (before MULTI): EXEC returns `None` if any of them changes first.
    ///
    /// ```
    /// use embedis::Engine;
    /// let engine = Engine::new();
    /// let mut conn = engine.connect();
    /// let mut other = engine.connect();
    /// let mut tx = conn.transaction();
    /// tx.watch(["k"]).unwrap();
    /// other.call(["SET", "k", "changed"]).unwrap();
    /// tx.cmd(["SET", "k", "mine"]);
    /// assert_eq!(tx.exec().unwrap(), None);
    /// ```
    pub fn watch<K: IntoArg>(&mut self, keys: impl IntoIterator<Item = K>) -> Result<(), Error> {
        <()>::from_reply(self.conn.run_command(Watch::new(keys).into())?)
    }

    /// Queues a command line.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// let mut tx = conn.transaction();
    /// tx.cmd(["SET", "k", "v"]).cmd(["GET", "k"]);
    /// assert_eq!(tx.exec().unwrap().unwrap().len(), 2);
    /// ```
    pub fn cmd<I>(&mut self, argv: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let (command, line) = keep_line(argv);
        self.lines.record(self.commands.len(), line);
        self.commands.push(command);
        self
    }

    /// Queues a typed command.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// let mut tx = conn.transaction();
    /// tx.add(embedis::cmd::IncrBy::new("n", 2));
    /// assert_eq!(tx.exec().unwrap(), Some(vec![embedis::Reply::Integer(2)]));
    /// ```
    pub fn add(&mut self, command: impl Into<Command>) -> &mut Self {
        self.commands.push(Ok(command.into()));
        self
    }

    /// Runs the transaction: `Some(replies)` (runtime errors in place, as Redis reports
    /// them), `None` if a watched key changed, `Err(Error::ExecAbort)` if a command was
    /// rejected while queueing.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// let mut tx = conn.transaction();
    /// tx.cmd(["NOSUCHCOMMAND"]);
    /// assert_eq!(tx.exec(), Err(embedis::Error::ExecAbort));
    /// ```
    pub fn exec(self) -> Result<Option<Vec<Reply>>, Error> {
        let mut batch = Vec::with_capacity(self.commands.len() + 2);
        batch.push(Ok(Command::Multi(Multi)));
        batch.extend(self.commands);
        batch.push(Ok(Command::Exec(Exec)));
        let mut lines = self.lines;
        lines.shift();
        let mut replies = self.conn.round_trip(batch, lines)?;
        match replies.pop() {
            Some(Reply::Array(results)) => Ok(Some(results)),
            Some(Reply::NilArray) => Ok(None),
            Some(Reply::Error(error)) => Err(error),
            other => Err(Error::UnexpectedReply(format!("{other:?}"))),
        }
    }
}

impl Connection {
    fn run_command(&mut self, command: Command) -> Result<Reply, Error> {
        self.send_command(command)?;
        self.recv()
    }
}
