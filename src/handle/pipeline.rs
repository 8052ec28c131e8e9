//! Pipelines: many commands in one executor round trip.

use crate::cmd::IntoArg;

use crate::cmd::{Command, Exec, Multi};
use crate::exec::monitor::{keep_line, SentLines};
use crate::{Connection, Error, Reply};

/// A batch of commands sent as one message and executed back to back; their replies come
/// back together, in order. Other connections' commands may run between them unless the
/// pipeline is [`atomic`](Pipeline::atomic).
///
/// ```
/// use embedis::{Engine, Pipeline, Reply};
/// let mut conn = Engine::new().connect();
/// let mut pipe = Pipeline::new();
/// for _ in 0..1000 {
///     pipe.cmd(["INCR", "counter"]);
/// }
/// let replies = pipe.execute(&mut conn).unwrap();
/// assert_eq!(replies.last(), Some(&Reply::Integer(1000)));
/// ```
#[derive(Debug, Default, Clone)]
pub struct Pipeline {
    commands: Vec<Result<Command, Error>>,
    /// The command lines as sent, kept only while a MONITOR listens.
    lines: SentLines,
    atomic: bool,
}

impl Pipeline {
    /// An empty pipeline.
    ///
    /// ```
    /// assert!(embedis::Pipeline::new().is_empty());
    /// ```
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// Adds a command line (parsed now, on this thread).
    ///
    /// ```
    /// assert_eq!(embedis::Pipeline::new().cmd(["PING"]).len(), 1);
    /// ```
    pub fn cmd<I>(&mut self, argv: I) -> &mut Pipeline
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let (command, line) = keep_line(argv);
        self.lines.record(self.commands.len(), line);
        self.commands.push(command);
        self
    }

    /// Adds a typed command.
    ///
    /// ```
    /// use embedis::{cmd::IncrBy, Engine, Pipeline, Reply};
    /// let mut conn = Engine::new().connect();
    /// let replies = Pipeline::new().add(IncrBy::new("a", 2)).add(IncrBy::new("a", 3))
    ///     .execute(&mut conn).unwrap();
    /// assert_eq!(replies, vec![Reply::Integer(2), Reply::Integer(5)]);
    /// ```
    pub fn add(&mut self, command: impl Into<Command>) -> &mut Pipeline {
        self.commands.push(Ok(command.into()));
        self
    }

    /// Wraps the batch in MULTI/EXEC: it runs atomically and replies like EXEC.
    ///
    /// ```
    /// use embedis::{Engine, Pipeline, Reply};
    /// let mut conn = Engine::new().connect();
    /// let replies = Pipeline::new().atomic().cmd(["SET", "a", "1"]).cmd(["INCR", "a"])
    ///     .execute(&mut conn).unwrap();
    /// assert_eq!(replies, vec![Reply::OK, Reply::Integer(2)]);
    /// ```
    pub fn atomic(&mut self) -> &mut Pipeline {
        self.atomic = true;
        self
    }

    /// How many commands are queued.
    ///
    /// ```
    /// assert_eq!(embedis::Pipeline::new().cmd(["PING"]).cmd(["PING"]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.commands.len()
    }

    /// Whether no command is queued.
    ///
    /// ```
    /// assert!(embedis::Pipeline::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }

    /// Sends the batch and returns one reply per command (Redis errors as
    /// [`Reply::Error`] in place). An atomic pipeline returns the replies of EXEC, or the
    /// error that aborted it (`EXECABORT`).
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// let replies = embedis::Pipeline::new().cmd(["PING"]).execute(&mut conn).unwrap();
    /// assert_eq!(replies, vec![embedis::Reply::status("PONG")]);
    /// ```
    pub fn execute(&self, conn: &mut Connection) -> Result<Vec<Reply>, Error> {
        let (commands, lines) = self.batch();
        let replies = conn.round_trip(commands, lines)?;
        finish(self.atomic, replies)
    }

    /// The same as [`Pipeline::execute`] for a pipeline used once: its commands are moved
    /// to the executor rather than cloned. Cloning a command is not free: the first clone of
    /// a `Bytes` made from a `&str` or a `Vec` allocates its shared reference count, and the
    /// executor's thread then frees what the caller's thread allocated.
    ///
    /// ```
    /// use embedis::{Engine, Pipeline, Reply};
    /// let mut conn = Engine::new().connect();
    /// let mut pipe = Pipeline::new();
    /// pipe.cmd(["INCR", "n"]).cmd(["INCR", "n"]);
    /// assert_eq!(pipe.execute_once(&mut conn).unwrap(), [Reply::Integer(1), Reply::Integer(2)]);
    /// ```
    pub fn execute_once(self, conn: &mut Connection) -> Result<Vec<Reply>, Error> {
        let atomic = self.atomic;
        let (commands, lines) = self.into_batch();
        let replies = conn.round_trip(commands, lines)?;
        finish(atomic, replies)
    }

    /// The same as [`Pipeline::execute`], awaited on an
    /// [`AsyncConnection`](crate::AsyncConnection): one executor round trip, no thread held.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use embedis::{Engine, Pipeline, Reply};
    /// let mut conn = Engine::new().connect_async();
    /// let mut pipe = Pipeline::new();
    /// pipe.cmd(["INCR", "n"]).cmd(["INCR", "n"]);
    /// assert_eq!(pipe.execute_async(&mut conn).await.unwrap(), [Reply::Integer(1), Reply::Integer(2)]);
    /// # }
    /// ```
    #[cfg(feature = "async")]
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub async fn execute_async(
        &self,
        conn: &mut crate::AsyncConnection,
    ) -> Result<Vec<Reply>, Error> {
        let (commands, lines) = self.batch();
        let replies = conn.round_trip(commands, lines).await?;
        finish(self.atomic, replies)
    }

    /// [`Pipeline::execute_once`], awaited on an [`AsyncConnection`](crate::AsyncConnection).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use embedis::{Engine, Pipeline, Reply};
    /// let mut conn = Engine::new().connect_async();
    /// let mut pipe = Pipeline::new();
    /// pipe.cmd(["INCR", "n"]).cmd(["INCR", "n"]);
    /// assert_eq!(pipe.execute_once_async(&mut conn).await.unwrap(), [Reply::Integer(1), Reply::Integer(2)]);
    /// # }
    /// ```
    #[cfg(feature = "async")]
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub async fn execute_once_async(
        self,
        conn: &mut crate::AsyncConnection,
    ) -> Result<Vec<Reply>, Error> {
        let atomic = self.atomic;
        let (commands, lines) = self.into_batch();
        let replies = conn.round_trip(commands, lines).await?;
        finish(atomic, replies)
    }

    /// The commands sent, cloned: the pipeline stays reusable.
    fn batch(&self) -> (Vec<Result<Command, Error>>, SentLines) {
        let mut lines = self.lines.clone();
        if self.atomic {
            lines.shift();
        }
        (wrap(self.atomic, self.commands.iter().cloned()), lines)
    }

    /// The commands sent, moved.
    fn into_batch(mut self) -> (Vec<Result<Command, Error>>, SentLines) {
        if self.atomic {
            self.lines.shift();
        }
        (wrap(self.atomic, self.commands), self.lines)
    }
}

/// The commands sent: wrapped in MULTI/EXEC if atomic. Collected once, into one vector (a
/// moved `Vec` that needs no wrapping is collected in place, without copying).
fn wrap<I>(atomic: bool, commands: I) -> Vec<Result<Command, Error>>
where
    I: IntoIterator<Item = Result<Command, Error>>,
    I::IntoIter: ExactSizeIterator,
{
    let commands = commands.into_iter();
    if !atomic {
        return commands.collect();
    }
    let mut wrapped = Vec::with_capacity(commands.len() + 2);
    wrapped.push(Ok(Command::Multi(Multi)));
    wrapped.extend(commands);
    wrapped.push(Ok(Command::Exec(Exec)));
    wrapped
}

/// The replies the caller gets: EXEC's results if atomic.
fn finish(atomic: bool, mut replies: Vec<Reply>) -> Result<Vec<Reply>, Error> {
    if !atomic {
        return Ok(replies);
    }
    match replies.pop() {
        Some(Reply::Array(results)) => Ok(results),
        Some(Reply::Error(error)) => Err(error),
        Some(Reply::NilArray) => Err(Error::UnexpectedReply("EXEC was aborted".into())),
        other => Err(Error::UnexpectedReply(format!("{other:?}"))),
    }
}
