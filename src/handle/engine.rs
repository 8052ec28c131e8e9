//! The engine handle: starts the executor, opens connections, runs closures atomically, and
//! shuts everything down.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::{JoinHandle, ThreadId};

use crossbeam_channel::{bounded, Sender, TrySendError};
use parking_lot::Mutex;

use crate::config::{Config, EngineBuilder};
use crate::exec::core::{Core, Job, Msg};
use crate::exec::executor;
use crate::exec::fanout::Fanout;
use crate::exec::notify::parse_flags;
use crate::handle::atomically::Db;
use crate::handle::subscriber::{Subscriber, SubscriberBuilder};
use crate::persist::aof::AppendOnlyFile;
use crate::persist::RecoveryReport;
use crate::IntoArg;
use crate::{Clock, ClockWaker, Connection, Error, Fsync};

/// An embedded Redis-compatible engine: one executor thread that owns all data.
///
/// Cheap to clone; every clone and every [`Connection`] keeps the engine running. It stops
/// when [`Engine::shutdown`] is called or the last handle is dropped: the thread is joined,
/// waiting callers get [`Error::Closed`], nothing hangs.
///
/// ```
/// use embedis::{Engine, Reply};
/// let engine = Engine::new();
/// let mut conn = engine.connect();
/// assert_eq!(conn.call(["SET", "greeting", "hello"]).unwrap(), Reply::OK);
/// assert_eq!(conn.call(["GET", "greeting"]).unwrap(), Reply::bulk("hello"));
/// ```
#[derive(Clone, Debug)]
pub struct Engine {
    shared: Arc<Shared>,
}

/// State shared by the engine's handles.
pub(crate) struct Shared {
    requests: Sender<Msg>,
    /// Raised by the executor as it exits; a message sent after it is never handled.
    closed: Arc<AtomicBool>,
    next_connection: AtomicU64,
    clock: Arc<dyn Clock>,
    /// How long a connection polls for its reply before parking (none under
    /// `Fsync::Always`, where every reply waits for the disk).
    pub(crate) spin: std::time::Duration,
    thread: Mutex<Option<JoinHandle<()>>>,
    executor: ThreadId,
    /// Pub/sub delivery, shared with the executor (see `exec/fanout.rs`).
    pub(crate) fanout: Arc<Fanout>,
    /// What loading the append-only file found, if the engine persists.
    recovery: Option<RecoveryReport>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

impl Shared {
    /// Queues a message for the executor (waiting while the queue is full).
    pub(crate) fn send(&self, msg: Msg) -> Result<(), Error> {
        match self.requests.try_send(msg) {
            Ok(()) => {}
            Err(TrySendError::Disconnected(_)) => return Err(Error::Closed),
            // Waiting for queue space on the executor's own thread would wait forever. (Asked
            // only when the queue is full: finding the current thread is not free.)
            Err(TrySendError::Full(_)) if self.on_executor_thread() => {
                return Err(Error::WouldDeadlock)
            }
            Err(TrySendError::Full(msg)) => self.requests.send(msg).map_err(|_| Error::Closed)?,
        }
        if self.closed.load(Ordering::SeqCst) {
            return Err(Error::Closed);
        }
        Ok(())
    }

    /// Queues a message if the queue has room; gives it back if it is full. Never waits.
    #[cfg(feature = "async")]
    pub(crate) fn try_send(&self, msg: Msg) -> Result<Option<Msg>, Error> {
        match self.requests.try_send(msg) {
            Ok(()) => {}
            Err(TrySendError::Full(msg)) => return Ok(Some(msg)),
            Err(TrySendError::Disconnected(_)) => return Err(Error::Closed),
        }
        if self.closed.load(Ordering::SeqCst) {
            return Err(Error::Closed);
        }
        Ok(None)
    }

    pub(crate) fn on_executor_thread(&self) -> bool {
        std::thread::current().id() == self.executor
    }

    pub(crate) fn new_connection_id(&self) -> u64 {
        self.next_connection.fetch_add(1, Ordering::Relaxed)
    }

    fn stop(&self) {
        let Some(thread) = self.thread.lock().take() else {
            return;
        };
        if self.on_executor_thread() {
            // The last handle was dropped inside an `atomically` closure: ask the executor
            // to stop after this job, but it cannot join itself.
            let _ = self.requests.try_send(Msg::Shutdown);
            return;
        }
        let _ = self.requests.send(Msg::Shutdown);
        // A panic on the executor is contained per job; should the thread itself have died,
        // there is nothing left to clean up.
        let _ = thread.join();
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Engine {
    /// Starts an engine with default settings: the system clock, a request queue of
    /// 65,536, a sweep budget of 1,000 keys.
    ///
    /// # Panics
    /// If the operating system refuses to start a thread (see [`EngineBuilder::try_build`]).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// # drop(engine);
    /// ```
    pub fn new() -> Engine {
        Engine::builder().build()
    }

    /// A builder for an engine with chosen settings.
    ///
    /// ```
    /// use embedis::{Engine, ManualClock};
    /// let engine = Engine::builder().clock(ManualClock::new()).build();
    /// # drop(engine);
    /// ```
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    pub(crate) fn start(config: Config) -> std::io::Result<Engine> {
        let (requests, inbox) = bounded(config.queue_capacity);
        let ticks = requests.clone();
        let manual = config.clock.register_waker(ClockWaker::new(move || {
            // `try_send`: a full queue means the executor is busy and sweeps after its
            // batch anyway; waiting here could deadlock a caller on the executor thread.
            !matches!(
                ticks.try_send(Msg::Tick),
                Err(TrySendError::Disconnected(_))
            )
        }));
        if !config.save_points.is_empty() && config.snapshot_file.is_none() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "save points need a snapshot file (EngineBuilder::snapshot_file)",
            ));
        }
        let notify_flags = parse_flags(config.notify_keyspace_events.as_bytes()).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "notify-keyspace-events {:?}: invalid event class character, use 'Ag$lshzxeKEtmdn'",
                    config.notify_keyspace_events
                ),
            )
        })?;
        let fanout = Arc::new(Fanout::new(
            config.subscriber_capacity,
            config.subscriber_overflow,
        ));
        let mut core = Core::new(
            Arc::clone(&config.clock),
            config.sweep_budget,
            Arc::clone(&fanout),
            notify_flags,
        );
        #[cfg(feature = "lua")]
        core.set_script_time_limit(config.script_time_limit);
        let recovery = match &config.append_only {
            Some((path, fsync)) => {
                let report = core.load_append_only(path)?;
                core.attach_append_only(AppendOnlyFile::open(path, *fsync, config.auto_rewrite)?);
                Some(report)
            }
            None => None,
        };
        if let Some(path) = &config.snapshot_file {
            // As redis-server: with an append-only file, that file is the dataset and the
            // snapshot is not read; either way, SAVE and BGSAVE write to it.
            if config.append_only.is_none() {
                core.load_snapshot(path)?;
            } else {
                core.attach_snapshot_file(path);
            }
        }
        // What was loaded is on disk already: the change count starts at zero.
        core.set_save_points(config.save_points.clone());
        let clock = Arc::clone(&config.clock);
        let spin = config.spin;
        // Under `Fsync::Always` every reply waits for an fsync (tens of µs at best), so a
        // caller polling for it would only take CPU from the executor and the other callers.
        let reply_spin = match &config.append_only {
            Some((_, Fsync::Always)) => std::time::Duration::ZERO,
            _ => spin,
        };
        let closed = Arc::new(AtomicBool::new(false));
        let closed_flag = Arc::clone(&closed);
        let thread = std::thread::Builder::new()
            .name("embedis-executor".into())
            .spawn(move || {
                executor::run(core, inbox, &closed_flag, !manual, spin, move || {
                    clock.now_micros() / 1000
                })
            })?;
        let executor = thread.thread().id();
        Ok(Engine {
            shared: Arc::new(Shared {
                requests,
                closed,
                next_connection: AtomicU64::new(1),
                clock: config.clock,
                spin: reply_spin,
                thread: Mutex::new(Some(thread)),
                executor,
                fanout,
                recovery,
            }),
        })
    }

    /// Opens a connection: a channel of frames in order, with Redis's per-connection state.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let mut conn = engine.connect();
    /// assert_eq!(conn.call(["PING"]).unwrap(), embedis::Reply::status("PONG"));
    /// ```
    pub fn connect(&self) -> Connection {
        Connection::open(Arc::clone(&self.shared))
    }

    /// Starts a MONITOR: every command the engine runs from now on, as a
    /// [`MonitoredCommand`](crate::MonitoredCommand), for a test that checks what the code
    /// under test sent. `Err(Closed)` after shutdown.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let mut monitor = engine.monitor().unwrap();
    /// engine.connect().call(["SET", "k", "v"]).unwrap();
    /// assert_eq!(monitor.recv().unwrap().args, ["SET", "k", "v"]);
    /// ```
    pub fn monitor(&self) -> Result<crate::CommandMonitor, Error> {
        crate::CommandMonitor::start(self.connect())
    }

    /// Opens a connection for async code: the same connection as [`Engine::connect`], whose
    /// replies are awaited instead of waited for (see [`AsyncConnection`](crate::AsyncConnection)).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let engine = embedis::Engine::new();
    /// let mut conn = engine.connect_async();
    /// assert_eq!(conn.call(["PING"]).await.unwrap(), embedis::Reply::status("PONG"));
    /// # }
    /// ```
    #[cfg(feature = "async")]
    #[cfg_attr(docsrs, doc(cfg(feature = "async")))]
    pub fn connect_async(&self) -> crate::AsyncConnection {
        crate::AsyncConnection::new(Connection::open_with(Arc::clone(&self.shared), true))
    }

    /// Runs `f` on the executor with exclusive access to the data and returns its result:
    /// the in-process equivalent of a Lua script. Nothing else runs while `f` runs, so
    /// read-modify-write logic in `f` is atomic.
    ///
    /// A panic in `f` is caught and returned as [`Error::Panicked`]; the engine goes on
    /// serving, and writes `f` made before panicking stay (as a failing Redis script's do).
    ///
    /// ```
    /// use embedis::Engine;
    /// let engine = Engine::new();
    /// // A sliding-window check: count and record in one atomic step.
    /// let allowed = engine.atomically(|db| {
    ///     let hits = db.incr_by("hits", 1)?;
    ///     Ok::<_, embedis::Error>(hits <= 3)
    /// }).unwrap().unwrap();
    /// assert!(allowed);
    /// ```
    pub fn atomically<R, F>(&self, f: F) -> Result<R, Error>
    where
        F: FnOnce(&mut Db<'_>) -> R + Send + 'static,
        R: Send + 'static,
    {
        if self.shared.on_executor_thread() {
            return Err(Error::WouldDeadlock);
        }
        let (result_tx, result_rx) = bounded(1);
        let job: Job = Box::new(move |db: &mut Db<'_>| {
            let result = catch_unwind(AssertUnwindSafe(|| f(db)))
                .map_err(|payload| Error::Panicked(panic_message(payload.as_ref())));
            Box::new(move || {
                let _ = result_tx.send(result);
            })
        });
        self.shared.send(Msg::Atomically(job))?;
        result_rx.recv().map_err(|_| Error::Closed)?
    }

    /// Compacts the append-only file now (Redis's BGREWRITEAOF): the dataset is written as a
    /// minimal command stream on another thread, then replaces the file atomically; writes go
    /// on meanwhile. Returns once the compaction has started; it fails without a file.
    ///
    /// ```
    /// use embedis::{Engine, Fsync, Reply};
    /// let dir = std::env::temp_dir().join(format!("embedis-doc-rewrite-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("appendonly.aof");
    /// let engine = Engine::builder().append_only(&path, Fsync::Always).try_build().unwrap();
    /// let mut conn = engine.connect();
    /// for _ in 0..100 { conn.call(["INCR", "n"]).unwrap(); }
    /// engine.rewrite_append_only().unwrap();
    /// drop(conn); drop(engine); // shutdown finishes the compaction
    /// assert!(std::fs::metadata(&path).unwrap().len() < 100);
    /// let engine = Engine::builder().append_only(&path, Fsync::Always).try_build().unwrap();
    /// assert_eq!(engine.connect().call(["GET", "n"]).unwrap(), Reply::bulk("100"));
    /// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
    /// assert_eq!(Engine::new().rewrite_append_only(), Err(embedis::Error::NoAppendOnlyFile));
    /// ```
    pub fn rewrite_append_only(&self) -> Result<(), Error> {
        let (done_tx, done) = bounded(1);
        self.shared.send(Msg::Rewrite(done_tx))?;
        done.recv().map_err(|_| Error::Closed)?
    }

    /// What loading the append-only file found when this engine started; `None` without
    /// [`EngineBuilder::append_only`].
    ///
    /// ```
    /// assert!(embedis::Engine::new().recovery().is_none());
    /// ```
    pub fn recovery(&self) -> Option<&RecoveryReport> {
        self.shared.recovery.as_ref()
    }

    /// The clock this engine follows.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// assert!(engine.clock().now_micros() > 0);
    /// ```
    pub fn clock(&self) -> &dyn Clock {
        self.shared.clock.as_ref()
    }

    /// A lock-free [`RateLimiter`](crate::RateLimiter) on this engine's clock: with a
    /// [`ManualClock`](crate::ManualClock), [`ManualClock::advance`](crate::ManualClock::advance)
    /// moves the limiter's time and the keyspace's together. The limiter keeps its state in
    /// itself, not in the keyspace, and checks without a round trip to the executor.
    ///
    /// ```
    /// use embedis::{Engine, ManualClock, Quota};
    /// use std::time::Duration;
    ///
    /// let clock = ManualClock::new();
    /// let engine = Engine::builder().clock(clock.clone()).build();
    /// let limiter = engine.rate_limiter(Quota::per_second(1)?);
    /// assert!(limiter.check().is_ok());
    /// assert!(limiter.check().is_err());
    /// clock.advance(Duration::from_secs(1));
    /// assert!(limiter.check().is_ok());
    /// # Ok::<(), embedis::QuotaError>(())
    /// ```
    pub fn rate_limiter(&self, quota: crate::Quota) -> crate::RateLimiter {
        crate::RateLimiter::with_shared_clock(quota, Arc::clone(&self.shared.clock))
    }

    /// A dedicated [`Subscriber`] with the engine's default buffer size and overflow
    /// policy, subscribed to nothing yet.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["news"]).unwrap();
    /// assert_eq!(engine.publish("news", "hello").unwrap(), 1);
    /// assert_eq!(&subscriber.recv().unwrap().payload()[..], b"hello");
    /// ```
    pub fn subscriber(&self) -> Subscriber {
        self.subscriber_builder().build()
    }

    /// Options for a subscriber: its buffer size and overflow policy.
    ///
    /// ```
    /// use embedis::{Engine, Overflow, RecvError};
    /// let engine = Engine::new();
    /// let subscriber = engine.subscriber_builder().capacity(1).overflow(Overflow::Lag).build();
    /// subscriber.subscribe(["a"]).unwrap();
    /// for payload in ["1", "2", "3"] {
    ///     engine.publish("a", payload).unwrap();
    /// }
    /// assert_eq!(&subscriber.recv().unwrap().payload()[..], b"1");
    /// engine.publish("a", "4").unwrap();
    /// assert_eq!(subscriber.recv(), Err(RecvError::Lagged(2)));
    /// assert_eq!(&subscriber.recv().unwrap().payload()[..], b"4");
    /// ```
    pub fn subscriber_builder(&self) -> SubscriberBuilder {
        SubscriberBuilder::new(Arc::clone(&self.shared))
    }

    /// `PUBLISH channel payload` from this thread, without a round trip to the executor;
    /// returns how many subscriptions received it (channel subscribers plus one per
    /// matching pattern, connections and [`Subscriber`]s alike). Never waits for a slow
    /// subscriber. `Err(Closed)` after shutdown.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// assert_eq!(engine.publish("nobody-listens", "x").unwrap(), 0);
    /// ```
    pub fn publish(
        &self,
        channel: impl AsRef<[u8]>,
        payload: impl IntoArg,
    ) -> Result<usize, Error> {
        self.shared
            .fanout
            .publish(channel.as_ref(), payload.into_arg())
    }

    /// `SPUBLISH shardchannel payload`: reaches shard-channel subscribers only.
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.psubscribe(["*"]).unwrap();
    /// assert_eq!(engine.spublish("orders", "x").unwrap(), 0); // patterns never see it
    /// ```
    pub fn spublish(
        &self,
        channel: impl AsRef<[u8]>,
        payload: impl IntoArg,
    ) -> Result<usize, Error> {
        self.shared
            .fanout
            .spublish(channel.as_ref(), payload.into_arg())
    }

    /// A consumer-group worker on `key` for `group`, named `consumer`: see
    /// [`StreamConsumer`](crate::StreamConsumer).
    ///
    /// ```
    /// let engine = embedis::Engine::new();
    /// let worker = engine.stream_consumer("orders", "billing", "w1").build().unwrap();
    /// # drop(worker);
    /// ```
    pub fn stream_consumer(
        &self,
        key: impl IntoArg,
        group: impl IntoArg,
        consumer: impl IntoArg,
    ) -> crate::StreamConsumerBuilder {
        crate::StreamConsumerBuilder::new(
            self.clone(),
            key.into_arg(),
            group.into_arg(),
            consumer.into_arg(),
        )
    }

    /// Stops the engine now: the executor finishes the message it is on, every connection
    /// and waiting caller gets [`Error::Closed`], and the thread is joined. Idempotent.
    ///
    /// ```
    /// use embedis::{Engine, Error};
    /// let engine = Engine::new();
    /// let mut conn = engine.connect();
    /// engine.shutdown();
    /// assert_eq!(conn.call(["PING"]).unwrap_err(), Error::Closed);
    /// ```
    pub fn shutdown(&self) {
        self.shared.stop();
    }
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a non-text panic payload".to_string()
    }
}
