//! A connection for async code: the same connection, whose replies are awaited.
//!
//! # Waiting without a thread
//! Replies arrive on the connection's crossbeam channel, as for [`Connection`]. A reply
//! usually arrives within a microsecond, while waking a task costs far more (a futex wake of
//! a parked worker, about 20 µs on a small VM). So an awaited reply first polls the channel
//! for at most [`POLL_SPIN`] (10 µs, or the engine's own
//! [`EngineBuilder::spin`](crate::EngineBuilder::spin) if shorter; none on one CPU), within
//! tokio's guidance of 10 to 100 µs between awaits; then it leaves its waker with the
//! connection and returns `Pending`, and the executor wakes it when the next frame is sent
//! (see `exec/reply_sink.rs`). Yielding to the runtime between polls instead was measured:
//! on a multi-threaded runtime every yield wakes an idle worker to steal the task, which
//! cost more than it saved. A blocking read (`XREAD BLOCK`, `XREADGROUP BLOCK`) is
//! parked in the executor as for any connection, so awaiting it costs no thread at all.
//!
//! # Dropped futures
//! A future of [`AsyncConnection::call`] (or [`run`](AsyncConnection::run), or
//! [`Pipeline::execute_async`](crate::Pipeline::execute_async)) owns the reply to the
//! command it sent. If it is dropped after sending and before that reply came (a timeout, a
//! `select!` that chose another branch), the connection remembers that one reply is owed and
//! discards it when it arrives, so the next call still gets its own reply. The command itself
//! is not withdrawn: it runs, and a blocking read that was parked stays parked until it is
//! served or times out, with the connection's later commands queued behind it, exactly as a
//! blocked redis-server client's are. To abandon a `BLOCK 0` read for good, drop the whole
//! connection (which releases the parked request) or give the read a timeout.
//! A dropped [`recv`](AsyncConnection::recv) owns nothing: the frame it waited for is
//! returned by the next `recv`.

use std::future::{poll_fn, Future};
use std::task::{Context, Poll};
use std::time::Instant;

use crate::cmd::{Command, IntoArg, TypedCommand};
use crate::exec::core::{Frame, Msg};
use crate::exec::monitor::{keep_line, SentLines};
use crate::exec::wait::parallel;
use crate::reply::FromReply;
use crate::{Connection, Error, Protocol, Reply};

/// The longest an awaited reply polls its channel before it sleeps (see the module docs).
pub(crate) const POLL_SPIN: std::time::Duration = std::time::Duration::from_micros(10);

/// A connection whose replies are awaited, from any async runtime (no runtime is
/// required or started). Open one with [`Engine::connect_async`](crate::Engine::connect_async)
/// or [`Connection::into_async`]; it has all of a [`Connection`]'s per-connection state.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use embedis::{Engine, Reply};
/// let engine = Engine::new();
/// let mut conn = engine.connect_async();
/// assert_eq!(conn.call(["INCR", "n"]).await.unwrap(), Reply::Integer(1));
///
/// // A blocking read is an awaited call: the request waits in the engine, not a thread.
/// let mut reader = engine.connect_async();
/// let read = tokio::spawn(async move {
///     reader.call(["XREAD", "BLOCK", "0", "STREAMS", "events", "$"]).await
/// });
/// tokio::time::sleep(std::time::Duration::from_millis(20)).await;
/// conn.call(["XADD", "events", "*", "kind", "signup"]).await.unwrap();
/// assert!(matches!(read.await.unwrap().unwrap(), Reply::Array(_)));
/// # }
/// ```
#[derive(Debug)]
pub struct AsyncConnection {
    conn: Connection,
    /// A call's command is out and its future has not taken the reply yet: if the future is
    /// gone when the next operation starts, that reply is owed.
    awaiting: bool,
    /// Replies owed to dropped calls: the next this many answer frames are discarded.
    abandoned: usize,
}

impl Connection {
    /// Turns this connection into an [`AsyncConnection`], keeping all its state (and any
    /// replies still to come, which its `recv` returns).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.send(["SET", "k", "v"]).unwrap();
    /// let mut conn = conn.into_async();
    /// assert_eq!(conn.recv().await.unwrap(), embedis::Reply::OK);
    /// # }
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub fn into_async(self) -> AsyncConnection {
        self.shared().fanout.enable_wakeups(&self.wake);
        AsyncConnection::new(self)
    }
}

impl AsyncConnection {
    /// Wraps a connection whose wake-ups are enabled.
    pub(crate) fn new(conn: Connection) -> AsyncConnection {
        AsyncConnection {
            conn,
            awaiting: false,
            abandoned: 0,
        }
    }

    /// The connection's id, as `CLIENT ID` reports it.
    ///
    /// ```
    /// let conn = embedis::Engine::new().connect_async();
    /// assert!(conn.id() > 0);
    /// ```
    pub fn id(&self) -> u64 {
        self.conn.id()
    }

    /// The protocol the connection speaks (after the last HELLO that was executed).
    ///
    /// ```
    /// let conn = embedis::Engine::new().connect_async();
    /// assert_eq!(conn.protocol(), embedis::Protocol::Resp2);
    /// ```
    pub fn protocol(&self) -> Protocol {
        self.conn.protocol()
    }

    /// Parses a command line and queues it without waiting for the reply (pipelining); read
    /// the replies in order with [`recv`](AsyncConnection::recv). It waits only if the
    /// executor's request queue is full (65,536 messages by default), which is back-pressure
    /// on a saturated engine; [`call`](AsyncConnection::call) never waits there.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let mut conn = embedis::Engine::new().connect_async();
    /// conn.send(["INCR", "n"]).unwrap();
    /// conn.send(["INCR", "n"]).unwrap();
    /// assert_eq!(conn.recv().await.unwrap(), embedis::Reply::Integer(1));
    /// assert_eq!(conn.recv().await.unwrap(), embedis::Reply::Integer(2));
    /// # }
    /// ```
    pub fn send<I>(&mut self, argv: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.settle();
        self.conn.send(argv)
    }

    /// Queues a parsed or typed command without waiting for the reply.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let mut conn = embedis::Engine::new().connect_async();
    /// conn.send_command(embedis::cmd::IncrBy::new("n", 5)).unwrap();
    /// assert_eq!(conn.recv().await.unwrap(), embedis::Reply::Integer(5));
    /// # }
    /// ```
    pub fn send_command(&mut self, command: impl Into<Command>) -> Result<(), Error> {
        self.settle();
        self.conn.send_command(command)
    }

    /// The next frame if one has arrived, without waiting.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect_async();
    /// assert_eq!(conn.try_recv().unwrap(), None);
    /// ```
    pub fn try_recv(&mut self) -> Result<Option<Reply>, Error> {
        self.settle();
        if let Some(reply) = self.conn.pop_buffered() {
            return Ok(Some(reply));
        }
        while let Some(frame) = self.conn.try_frame()? {
            if self.discard(&frame) {
                continue;
            }
            if let Some(reply) = self.conn.unpack(frame)? {
                return Ok(Some(reply));
            }
        }
        Ok(None)
    }

    /// The next frame: a reply, or a pushed message on a subscribed connection. Redis error
    /// replies are frames (`Ok(Reply::Error(..))`); `Err` is a failure of the handle
    /// ([`Error::Closed`] once the engine has shut down).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let mut conn = embedis::Engine::new().connect_async();
    /// conn.send(["ECHO", "hi"]).unwrap();
    /// assert_eq!(conn.recv().await.unwrap(), embedis::Reply::bulk("hi"));
    /// # }
    /// ```
    pub fn recv(&mut self) -> impl Future<Output = Result<Reply, Error>> + Send + '_ {
        self.settle();
        let mut wait = Wait::new(&self.conn);
        poll_fn(move |cx| self.poll_reply(cx, &mut wait, false))
    }

    /// The next frame for a reader that wants more than was answered (see
    /// [`Connection::recv_owed`]).
    #[cfg(feature = "redis-rs")]
    pub(crate) async fn recv_owed(&mut self) -> Result<Reply, Error> {
        self.settle();
        if !self.conn.owes_answer() {
            return self.try_recv()?.ok_or(Error::NoReply);
        }
        let mut wait = Wait::new(&self.conn);
        poll_fn(|cx| self.poll_reply(cx, &mut wait, true)).await
    }

    /// Sends a command line and awaits its reply. The command is sent when the future is
    /// first polled.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use embedis::{Engine, Error, Reply};
    /// let mut conn = Engine::new().connect_async();
    /// assert_eq!(conn.call(["SET", "k", "v"]).await.unwrap(), Reply::OK);
    /// assert_eq!(conn.call(["GET"]).await.unwrap(), Reply::Error(Error::arity("get")));
    /// # }
    /// ```
    pub fn call<I>(&mut self, argv: I) -> impl Future<Output = Result<Reply, Error>> + Send + '_
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        // Parsed now, so the future holds a command rather than the caller's iterator.
        let (command, line) = keep_line(argv);
        let conn = self.conn.id();
        self.answer(Msg::Command {
            conn,
            command,
            line,
        })
    }

    /// Sends a command parsed elsewhere (or its parse error) and awaits its reply, as
    /// [`call`](AsyncConnection::call) does.
    #[cfg(feature = "redis-rs")]
    pub(crate) fn call_parsed(
        &mut self,
        command: Result<Command, Error>,
        line: crate::exec::monitor::SentLine,
    ) -> impl Future<Output = Result<Reply, Error>> + Send + '_ {
        let conn = self.conn.id();
        self.answer(Msg::Command {
            conn,
            command,
            line,
        })
    }

    /// Runs a typed command and decodes its reply; a Redis error reply becomes `Err`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use embedis::cmd::{Get, Set};
    /// let mut conn = embedis::Engine::new().connect_async();
    /// conn.run(Set::new("k", "v")).await.unwrap();
    /// assert_eq!(conn.run(Get::new("k")).await.unwrap(), Some(bytes::Bytes::from("v")));
    /// # }
    /// ```
    pub fn run<C: TypedCommand>(
        &mut self,
        command: C,
    ) -> impl Future<Output = Result<C::Output, Error>> + Send + '_ {
        let conn = self.conn.id();
        let reply = self.answer(Msg::Command {
            conn,
            command: Ok(command.into()),
            line: None,
        });
        async move { C::Output::from_reply(reply.await?) }
    }

    /// Sends many commands as one message and awaits their replies (see
    /// [`Pipeline::execute_async`](crate::Pipeline::execute_async)).
    #[allow(clippy::manual_async_fn)] // spelled out to promise `Send`
    pub(crate) fn round_trip(
        &mut self,
        commands: Vec<Result<Command, Error>>,
        lines: SentLines,
    ) -> impl Future<Output = Result<Vec<Reply>, Error>> + Send + '_ {
        let conn = self.conn.id();
        let msg = Msg::Batch {
            conn,
            commands,
            lines,
        };
        async move {
            self.settle();
            self.enqueue(msg).await?;
            self.awaiting = true;
            let mut wait = Wait::new(&self.conn);
            let replies = poll_fn(|cx| self.poll_batch(cx, &mut wait)).await;
            self.awaiting = false;
            replies
        }
    }

    /// Sends one command message and awaits the next reply.
    #[allow(clippy::manual_async_fn)] // spelled out to promise `Send`
    fn answer(&mut self, msg: Msg) -> impl Future<Output = Result<Reply, Error>> + Send + '_ {
        async move {
            self.settle();
            self.enqueue(msg).await?;
            self.awaiting = true;
            let mut wait = Wait::new(&self.conn);
            let reply = poll_fn(|cx| self.poll_reply(cx, &mut wait, true)).await;
            self.awaiting = false;
            reply
        }
    }

    /// Frames a redis-rs request read past (see [`Connection::keep_unread`]).
    #[cfg(feature = "redis-rs")]
    pub(crate) fn keep_unread(&mut self, replies: impl IntoIterator<Item = crate::Reply>) {
        self.conn.keep_unread(replies);
    }

    /// Queues a message for the executor. A full queue is back-pressure: the task yields
    /// and tries again rather than holding its thread.
    async fn enqueue(&mut self, msg: Msg) -> Result<(), Error> {
        let mut msg = Some(msg);
        poll_fn(|cx| {
            let Some(pending) = msg.take() else {
                return Poll::Ready(Ok(()));
            };
            match self.conn.try_dispatch(pending) {
                Ok(None) => Poll::Ready(Ok(())),
                Ok(Some(back)) => {
                    msg = Some(back);
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
                Err(error) => Poll::Ready(Err(error)),
            }
        })
        .await
    }

    /// A call whose future was dropped before its reply came owes that reply.
    fn settle(&mut self) {
        if self.awaiting {
            self.awaiting = false;
            self.abandoned += 1;
        }
    }

    /// Whether `frame` answers a dropped call (and is consumed as such).
    fn discard(&mut self, frame: &Frame) -> bool {
        if frame.is_answer() && self.abandoned > 0 {
            self.abandoned -= 1;
            self.conn.count_answer(frame);
            return true;
        }
        false
    }

    /// The next reply; `own`: the reply to the last command sent, or [`Error::NoReply`]
    /// if CLIENT REPLY silenced it (as [`Connection::call`] reports it).
    fn poll_reply(
        &mut self,
        cx: &mut Context<'_>,
        wait: &mut Wait,
        own: bool,
    ) -> Poll<Result<Reply, Error>> {
        loop {
            if let Some(reply) = self.conn.pop_buffered() {
                return Poll::Ready(Ok(reply));
            }
            let frame = match self.poll_frame(cx, wait) {
                Poll::Ready(Ok(frame)) => frame,
                Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                Poll::Pending => return Poll::Pending,
            };
            match self.conn.unpack(frame) {
                Ok(Some(reply)) => return Poll::Ready(Ok(reply)),
                Err(error) => return Poll::Ready(Err(error)),
                Ok(None) if own && !self.conn.owes_answer() => {
                    return Poll::Ready(Err(Error::NoReply))
                }
                Ok(None) => {}
            }
        }
    }

    fn poll_batch(
        &mut self,
        cx: &mut Context<'_>,
        wait: &mut Wait,
    ) -> Poll<Result<Vec<Reply>, Error>> {
        loop {
            let frame = match self.poll_frame(cx, wait) {
                Poll::Ready(Ok(frame)) => frame,
                Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                Poll::Pending => return Poll::Pending,
            };
            match self.conn.batch_or_buffer(frame) {
                Ok(Some(replies)) => return Poll::Ready(Ok(replies)),
                Ok(None) => {}
                Err(error) => return Poll::Ready(Err(error)),
            }
        }
    }

    /// The next frame the caller may see: spin cooperatively, then register and sleep.
    fn poll_frame(&mut self, cx: &mut Context<'_>, wait: &mut Wait) -> Poll<Result<Frame, Error>> {
        let mut registered = false;
        loop {
            match self.conn.try_frame() {
                Ok(Some(frame)) if self.discard(&frame) => continue,
                Ok(Some(frame)) => return Poll::Ready(Ok(frame)),
                Ok(None) => {}
                Err(error) => return Poll::Ready(Err(error)),
            }
            if registered {
                return Poll::Pending;
            }
            if wait.keep_spinning() {
                std::hint::spin_loop();
                continue;
            }
            // Register, then check again: a frame sent in between is found or wakes us.
            self.conn.wake.register(cx.waker());
            registered = true;
        }
    }
}

/// The spin budget of one wait: [`POLL_SPIN`] per poll, restarted at each poll.
struct Wait {
    budget: std::time::Duration,
    started: Option<Instant>,
    polls: u32,
}

impl Wait {
    fn new(conn: &Connection) -> Wait {
        // With one CPU, spinning only delays the executor that would answer.
        let budget = if parallel() {
            conn.shared().spin.min(POLL_SPIN)
        } else {
            std::time::Duration::ZERO
        };
        Wait {
            budget,
            started: None,
            polls: 0,
        }
    }

    /// Whether to poll again rather than sleep: within the budget since the first miss of
    /// this poll. The clock is read every 16 polls only.
    fn keep_spinning(&mut self) -> bool {
        if self.budget.is_zero() {
            return false;
        }
        self.polls = self.polls.wrapping_add(1);
        let started = *self.started.get_or_insert_with(Instant::now);
        if !self.polls.is_multiple_of(16) {
            return true;
        }
        if started.elapsed() < self.budget {
            return true;
        }
        // Spent: the next poll (after a wake-up) gets a fresh budget.
        self.started = None;
        false
    }
}
