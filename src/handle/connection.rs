//! A connection: the in-process equivalent of a socket to redis-server.
//!
//! Frames come back in the order commands were sent. [`Connection::send`] dispatches without
//! waiting (pipelining, as `redis-cli --pipe` does over a socket); [`Connection::recv`] and
//! its timed variants read the next frame; [`Connection::call`] is send-then-receive.
//! Dropping a connection releases all its server-side state at once (its watches, its queued
//! transaction), as closing a socket does.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::cmd::IntoArg;
use crossbeam_channel::{unbounded, Receiver, RecvTimeoutError, TryRecvError};

use crate::cmd::{Command, TypedCommand};
use crate::exec::core::{Frame, Msg};
use crate::exec::monitor::{keep_line, SentLines};
use crate::exec::reply_sink::{ReplySink, WakerSlot};
use crate::exec::session::protocol_from_u8;
use crate::exec::wait::{poll, Polled, Waiter};
use crate::handle::engine::Shared;
use crate::reply::FromReply;
use crate::{Error, Protocol, Reply};

/// A connection to an [`Engine`](crate::Engine), with Redis's per-connection state (MULTI
/// queue, WATCH set, protocol version, client name).
///
/// ```
/// use embedis::{Engine, Reply};
/// let mut conn = Engine::new().connect();
/// // Pipelining: send three commands, then read three replies in order.
/// conn.send(["INCR", "n"]).unwrap();
/// conn.send(["INCR", "n"]).unwrap();
/// conn.send(["GET", "n"]).unwrap();
/// assert_eq!(conn.recv().unwrap(), Reply::Integer(1));
/// assert_eq!(conn.recv().unwrap(), Reply::Integer(2));
/// assert_eq!(conn.recv().unwrap(), Reply::bulk("2"));
/// ```
#[derive(Debug)]
pub struct Connection {
    id: u64,
    shared: Arc<Shared>,
    replies: Receiver<Frame>,
    /// Replies already received but not yet read (from a pipeline frame).
    buffered: VecDeque<Reply>,
    protocol: Arc<AtomicU8>,
    /// Pub/sub messages delivered and not yet read, for the subscriber buffer limit.
    unread: Arc<AtomicUsize>,
    /// A send failed because the engine is gone: never wait for a reply again.
    dead: bool,
    /// The engine closed the connection because its pub/sub buffer overflowed.
    overflowed: bool,
    /// Commands and pipelines sent, and the frames that answered them (a silenced reply
    /// answers too): when they are equal, no reply is owed (see `exec/reply_switch.rs`).
    sent: u64,
    answered: u64,
    /// Where an async reader of `replies` waits (see `exec/reply_sink.rs`).
    #[cfg_attr(not(feature = "async"), allow(dead_code))]
    pub(crate) wake: Arc<WakerSlot>,
}

impl Connection {
    pub(crate) fn open(shared: Arc<Shared>) -> Connection {
        Connection::open_with(shared, false)
    }

    /// Opens a connection; `wake_async`: its replies wake an async reader from the first.
    pub(crate) fn open_with(shared: Arc<Shared>, wake_async: bool) -> Connection {
        let id = shared.new_connection_id();
        let (reply_tx, replies) = unbounded();
        let wake = Arc::new(WakerSlot::new(wake_async));
        let protocol = Arc::new(AtomicU8::new(2));
        let unread = Arc::new(AtomicUsize::new(0));
        // If the engine is gone the reply sender is dropped here, and every call on this
        // connection reports `Closed`.
        let dead = shared
            .send(Msg::Open {
                conn: id,
                replies: ReplySink::new(reply_tx, Arc::clone(&wake)),
                protocol: Arc::clone(&protocol),
                unread: Arc::clone(&unread),
                overflowed: Arc::new(AtomicBool::new(false)),
            })
            .is_err();
        Connection {
            id,
            shared,
            replies,
            buffered: VecDeque::new(),
            protocol,
            unread,
            dead,
            overflowed: false,
            sent: 0,
            answered: 0,
            wake,
        }
    }

    /// The connection's id, as `CLIENT ID` reports it.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// assert_eq!(conn.call(["CLIENT", "ID"]).unwrap(), embedis::Reply::Integer(conn.id() as i64));
    /// ```
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The protocol the connection speaks (after the last HELLO that was executed).
    ///
    /// ```
    /// use embedis::{Engine, Protocol};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.protocol(), Protocol::Resp2);
    /// conn.call(["HELLO", "3"]).unwrap();
    /// assert_eq!(conn.protocol(), Protocol::Resp3);
    /// ```
    pub fn protocol(&self) -> Protocol {
        protocol_from_u8(self.protocol.load(Ordering::Acquire))
    }

    /// Parses a command line on this thread and sends it without waiting for the reply.
    /// A rejected command (unknown, wrong arity) is sent too, so its error reply arrives in
    /// order and MULTI sees it. `Err` only if the engine has shut down.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.send(["NOSUCHCOMMAND"]).unwrap();
    /// assert!(conn.recv().unwrap().is_error());
    /// ```
    pub fn send<I>(&mut self, argv: I) -> Result<(), Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        let (command, line) = keep_line(argv);
        self.dispatch(Msg::Command {
            conn: self.id,
            command,
            line,
        })
    }

    /// Sends a parsed or typed command without waiting for the reply.
    ///
    /// ```
    /// use embedis::cmd::IncrBy;
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.send_command(IncrBy::new("n", 2)).unwrap();
    /// assert_eq!(conn.recv().unwrap(), embedis::Reply::Integer(2));
    /// ```
    pub fn send_command(&mut self, command: impl Into<Command>) -> Result<(), Error> {
        self.dispatch(Msg::Command {
            conn: self.id,
            command: Ok(command.into()),
            line: None,
        })
    }

    /// Sends a command parsed elsewhere (or its parse error, which the executor answers in
    /// order with the other replies).
    #[cfg(feature = "redis-rs")]
    pub(crate) fn send_parsed(
        &mut self,
        command: Result<Command, Error>,
        line: crate::exec::monitor::SentLine,
    ) -> Result<(), Error> {
        self.dispatch(Msg::Command {
            conn: self.id,
            command,
            line,
        })
    }

    /// The next frame, waiting as long as it takes. Redis error replies are frames
    /// (`Ok(Reply::Error(..))`); `Err` is a failure of the handle ([`Error::Closed`]).
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.send(["ECHO", "hi"]).unwrap();
    /// assert_eq!(conn.recv().unwrap(), embedis::Reply::bulk("hi"));
    /// ```
    pub fn recv(&mut self) -> Result<Reply, Error> {
        self.next_reply(false)
    }

    /// The next frame; `own`: the caller waits for the reply to the last command sent, so
    /// if CLIENT REPLY silenced it, [`Error::NoReply`] instead of waiting for ever.
    fn next_reply(&mut self, own: bool) -> Result<Reply, Error> {
        loop {
            if let Some(reply) = self.buffered.pop_front() {
                return Ok(reply);
            }
            self.check_alive()?;
            let frame = match self.replies.try_recv() {
                Ok(frame) => frame,
                Err(TryRecvError::Disconnected) => return Err(self.gone()),
                Err(TryRecvError::Empty) => self.wait_frame()?,
            };
            if let Some(reply) = self.unpack(frame)? {
                return Ok(reply);
            }
            if own && !self.owes_answer() {
                return Err(Error::NoReply);
            }
        }
    }

    /// The next frame for a reader that wants more than was answered (redis-rs counting its
    /// replies): [`Error::NoReply`] once no reply is owed and nothing has arrived, where a
    /// socket's reader would wait for ever.
    #[cfg(feature = "redis-rs")]
    pub(crate) fn recv_owed(&mut self) -> Result<Reply, Error> {
        if self.buffered.is_empty() && !self.owes_answer() {
            return self.try_recv()?.ok_or(Error::NoReply);
        }
        self.next_reply(true)
    }

    /// Whether a command sent on this connection is still to be answered.
    pub(crate) fn owes_answer(&self) -> bool {
        self.answered < self.sent
    }

    /// The next frame: poll briefly (the reply usually comes within a microsecond), then park.
    fn wait_frame(&mut self) -> Result<Frame, Error> {
        match poll(&self.replies, self.shared.spin, Waiter::Caller) {
            Polled::Ready(frame) => return Ok(frame),
            Polled::Disconnected => return Err(self.gone()),
            Polled::Empty => {}
        }
        if self.shared.on_executor_thread() {
            return Err(Error::WouldDeadlock);
        }
        self.replies.recv().map_err(|_| self.gone())
    }

    /// The next frame if one has arrived, without waiting.
    ///
    /// ```
    /// let mut conn = embedis::Engine::new().connect();
    /// assert_eq!(conn.try_recv().unwrap(), None);
    /// ```
    pub fn try_recv(&mut self) -> Result<Option<Reply>, Error> {
        loop {
            if let Some(reply) = self.buffered.pop_front() {
                return Ok(Some(reply));
            }
            self.check_alive()?;
            match self.replies.try_recv() {
                Ok(frame) => {
                    if let Some(reply) = self.unpack(frame)? {
                        return Ok(Some(reply));
                    }
                }
                Err(TryRecvError::Empty) => return Ok(None),
                Err(TryRecvError::Disconnected) => return Err(self.gone()),
            }
        }
    }

    /// The next frame, or `None` if nothing arrives within `timeout`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let mut conn = embedis::Engine::new().connect();
    /// assert_eq!(conn.recv_timeout(Duration::from_millis(5)).unwrap(), None);
    /// ```
    pub fn recv_timeout(&mut self, timeout: Duration) -> Result<Option<Reply>, Error> {
        match Instant::now().checked_add(timeout) {
            Some(deadline) => self.recv_deadline(deadline),
            None => self.recv().map(Some),
        }
    }

    /// The next frame, or `None` if nothing arrives by `deadline`.
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.send(["PING"]).unwrap();
    /// let reply = conn.recv_deadline(Instant::now() + Duration::from_secs(5)).unwrap();
    /// assert_eq!(reply, Some(embedis::Reply::status("PONG")));
    /// ```
    pub fn recv_deadline(&mut self, deadline: Instant) -> Result<Option<Reply>, Error> {
        loop {
            if let Some(reply) = self.buffered.pop_front() {
                return Ok(Some(reply));
            }
            self.check_alive()?;
            match self.replies.recv_deadline(deadline) {
                Ok(frame) => {
                    if let Some(reply) = self.unpack(frame)? {
                        return Ok(Some(reply));
                    }
                }
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => return Err(self.gone()),
            }
        }
    }

    /// Sends a command line and waits for its reply (the next frame). If CLIENT REPLY
    /// silenced the reply, [`Error::NoReply`] says none will come.
    ///
    /// ```
    /// use embedis::{Engine, Error, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.call(["INCR", "n"]).unwrap(), Reply::Integer(1));
    /// assert_eq!(conn.call(["GET"]).unwrap(), Reply::Error(Error::arity("get")));
    /// conn.send(["CLIENT", "REPLY", "SKIP"]).unwrap();
    /// assert_eq!(conn.call(["INCR", "n"]), Err(Error::NoReply));
    /// assert_eq!(conn.call(["GET", "n"]).unwrap(), Reply::bulk("2"));
    /// ```
    pub fn call<I>(&mut self, argv: I) -> Result<Reply, Error>
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        self.send(argv)?;
        self.next_reply(true)
    }

    /// Runs a typed command and decodes its reply; a Redis error reply becomes `Err`.
    ///
    /// ```
    /// use embedis::cmd::{Get, Set};
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.run(Set::new("k", "v")).unwrap();
    /// assert_eq!(conn.run(Get::new("k")).unwrap(), Some(bytes::Bytes::from("v")));
    /// ```
    pub fn run<C: TypedCommand>(&mut self, command: C) -> Result<C::Output, Error> {
        self.send_command(command)?;
        C::Output::from_reply(self.next_reply(true)?)
    }

    /// Sends many commands as one message and returns their replies in order: one
    /// executor round trip for the whole batch. Replies to earlier `send`s that are still
    /// unread stay readable with `recv`.
    pub(crate) fn round_trip(
        &mut self,
        commands: Vec<Result<Command, Error>>,
        lines: SentLines,
    ) -> Result<Vec<Reply>, Error> {
        self.dispatch(Msg::Batch {
            conn: self.id,
            commands,
            lines,
        })?;
        loop {
            let frame = self.wait_frame()?;
            if let Some(replies) = self.batch_or_buffer(frame)? {
                return Ok(replies);
            }
        }
    }

    /// Frames a bridge received in a round trip but did not consume (redis-rs reads exactly
    /// as many as it asked for): read next, in order, as unread bytes stay in a socket.
    #[cfg_attr(not(feature = "redis-rs"), allow(dead_code))]
    pub(crate) fn keep_unread(&mut self, replies: impl IntoIterator<Item = Reply>) {
        self.buffered.extend(replies);
    }

    /// Whether the handle can still reach the engine (it may learn otherwise on its next
    /// request, as a socket learns of a closed peer on its next read).
    #[cfg_attr(not(feature = "redis-rs"), allow(dead_code))]
    pub(crate) fn is_open(&self) -> bool {
        !self.dead && !self.overflowed
    }

    /// While waiting for a pipeline's frame: returns it, or keeps any other frame.
    pub(crate) fn batch_or_buffer(&mut self, frame: Frame) -> Result<Option<Vec<Reply>>, Error> {
        self.count_answer(&frame);
        match frame {
            Frame::Batch(replies) => return Ok(Some(replies)),
            // Replies to earlier sends, and messages: readable later with `recv`.
            Frame::One(reply) => self.buffered.push_back(reply),
            Frame::Many(replies) | Frame::Silent(replies) => self.buffered.extend(replies),
            Frame::Push(message) => {
                self.unread.fetch_sub(1, Ordering::AcqRel);
                self.buffered.push_back(message.into_reply());
            }
            Frame::Notice(push) => {
                self.unread.fetch_sub(1, Ordering::AcqRel);
                self.buffered.push_back(push);
            }
            Frame::Overflowed => return Err(self.overflow()),
        }
        Ok(None)
    }

    /// Sends a message to the executor if its queue has room: `Ok(Some(msg))` gives it
    /// back when the queue is full. Never waits.
    #[cfg(feature = "async")]
    pub(crate) fn try_dispatch(&mut self, msg: Msg) -> Result<Option<Msg>, Error> {
        if self.dead {
            return Err(self.gone());
        }
        let answered = is_answered(&msg);
        let sent = self.shared.try_send(msg);
        self.dead = sent.is_err();
        self.sent += u64::from(answered && matches!(sent, Ok(None)));
        sent
    }

    /// A reply already received and not yet read (from a pipeline or multi-reply frame).
    #[cfg(feature = "async")]
    pub(crate) fn pop_buffered(&mut self) -> Option<Reply> {
        self.buffered.pop_front()
    }

    /// The next raw frame if one has arrived; `Err` once the connection can give no more.
    #[cfg(feature = "async")]
    pub(crate) fn try_frame(&mut self) -> Result<Option<Frame>, Error> {
        self.check_alive()?;
        match self.replies.try_recv() {
            Ok(frame) => Ok(Some(frame)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(self.gone()),
        }
    }

    /// The engine this connection belongs to.
    #[cfg(feature = "async")]
    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    pub(crate) fn dispatch(&mut self, msg: Msg) -> Result<(), Error> {
        if self.dead {
            return Err(self.gone());
        }
        let answered = is_answered(&msg);
        let sent = self.shared.send(msg);
        self.dead = sent.is_err();
        self.sent += u64::from(answered && sent.is_ok());
        sent
    }

    /// Counts `frame` if it answers a command (rather than being a message).
    pub(crate) fn count_answer(&mut self, frame: &Frame) {
        self.answered += u64::from(frame.is_answer());
    }

    /// Err(Closed) once the engine is known to be gone and nothing is left to read.
    fn check_alive(&self) -> Result<(), Error> {
        if self.overflowed {
            Err(Error::OutputBufferOverflow)
        } else if self.dead && self.buffered.is_empty() && self.replies.is_empty() {
            Err(Error::Closed)
        } else {
            Ok(())
        }
    }

    /// The error for a reply channel that closed.
    fn gone(&self) -> Error {
        if self.overflowed {
            Error::OutputBufferOverflow
        } else {
            Error::Closed
        }
    }

    /// The engine closed this connection for leaving too many messages unread.
    fn overflow(&mut self) -> Error {
        self.overflowed = true;
        self.dead = true;
        Error::OutputBufferOverflow
    }

    /// The first reply `frame` holds (the rest are buffered); `None` if it holds none (a
    /// silenced reply, or a pipeline whose every reply was silenced).
    pub(crate) fn unpack(&mut self, frame: Frame) -> Result<Option<Reply>, Error> {
        self.count_answer(&frame);
        match frame {
            Frame::One(reply) => Ok(Some(reply)),
            Frame::Batch(replies) | Frame::Many(replies) | Frame::Silent(replies) => {
                self.buffered.extend(replies);
                Ok(self.buffered.pop_front())
            }
            Frame::Push(message) => {
                self.unread.fetch_sub(1, Ordering::AcqRel);
                Ok(Some(message.into_reply()))
            }
            Frame::Notice(push) => {
                self.unread.fetch_sub(1, Ordering::AcqRel);
                Ok(Some(push))
            }
            Frame::Overflowed => Err(self.overflow()),
        }
    }
}

/// Whether the executor answers `msg` with a frame (a command or a pipeline does).
fn is_answered(msg: &Msg) -> bool {
    matches!(msg, Msg::Command { .. } | Msg::Batch { .. })
}

impl Drop for Connection {
    fn drop(&mut self) {
        // Release the server-side state now; if the engine is gone there is nothing to do.
        let _ = self.shared.send(Msg::Close { conn: self.id });
    }
}
