//! Engine settings and the builder that starts an engine with them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::persist::aof::AutoRewrite;
use crate::persist::save_points::{self, SavePoint};
use crate::persist::Fsync;

use crate::handle::subscriber::DEFAULT_CAPACITY;
use crate::{Clock, Engine, Overflow, SystemClock};

/// Settings of one engine; built with [`Engine::builder`].
/// How long a Lua script may run by default: redis-server's `busy-reply-threshold`.
pub(crate) const DEFAULT_SCRIPT_TIME_LIMIT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) clock: Arc<dyn Clock>,
    /// Bound of the request queue: senders wait when the executor is this far behind.
    pub(crate) queue_capacity: usize,
    /// Expired keys removed per sweep step, so a mass expiry never stalls requests.
    pub(crate) sweep_budget: usize,
    /// How long a waiting side polls before it parks (see `exec/wait.rs`).
    pub(crate) spin: Duration,
    /// Default buffer of a subscriber, in messages (and the unread-message limit of a
    /// subscribed connection).
    pub(crate) subscriber_capacity: usize,
    /// Default overflow policy of a subscriber.
    pub(crate) subscriber_overflow: Overflow,
    /// `notify-keyspace-events` at start, as Redis's class letters.
    pub(crate) notify_keyspace_events: String,
    /// The append-only file and its fsync policy; `None`: nothing persists.
    pub(crate) append_only: Option<(PathBuf, Fsync)>,
    /// When the append-only file is compacted by itself.
    pub(crate) auto_rewrite: AutoRewrite,
    /// Where SAVE and BGSAVE write, and what the engine starts from (Redis's `dir` and
    /// `dbfilename`).
    pub(crate) snapshot_file: Option<PathBuf>,
    /// Redis's `save` points: snapshot after so long once so many changes happened.
    pub(crate) save_points: Vec<SavePoint>,
    /// How long a Lua script may run before it is stopped.
    pub(crate) script_time_limit: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            clock: Arc::new(SystemClock),
            queue_capacity: 65_536,
            sweep_budget: 1_000,
            spin: Duration::from_micros(50),
            subscriber_capacity: DEFAULT_CAPACITY,
            subscriber_overflow: Overflow::Disconnect,
            notify_keyspace_events: String::new(),
            append_only: None,
            auto_rewrite: AutoRewrite::default(),
            snapshot_file: None,
            save_points: Vec::new(),
            script_time_limit: DEFAULT_SCRIPT_TIME_LIMIT,
        }
    }
}

/// Configures and starts an [`Engine`].
///
/// ```
/// use embedis::{Engine, ManualClock};
/// let clock = ManualClock::new();
/// let engine = Engine::builder()
///     .clock(clock.clone())
///     .queue_capacity(1024)
///     .sweep_budget(100)
///     .build();
/// # drop(engine);
/// ```
#[derive(Debug, Clone, Default)]
pub struct EngineBuilder {
    config: Config,
}

impl EngineBuilder {
    /// The clock every time-dependent behaviour follows (default: [`SystemClock`]).
    ///
    /// ```
    /// let engine = embedis::Engine::builder().clock(embedis::ManualClock::new()).build();
    /// # drop(engine);
    /// ```
    pub fn clock(mut self, clock: impl Clock) -> EngineBuilder {
        self.config.clock = Arc::new(clock);
        self
    }

    /// How many requests may wait for the executor before senders block (default 65,536).
    /// Bounds memory under overload: producers slow down instead of queueing without limit.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().queue_capacity(128).build();
    /// let mut conn = engine.connect();
    /// assert_eq!(conn.call(["PING"]).unwrap(), embedis::Reply::status("PONG"));
    /// ```
    pub fn queue_capacity(mut self, capacity: usize) -> EngineBuilder {
        self.config.queue_capacity = capacity.max(1);
        self
    }

    /// How many expired keys one sweep step removes before serving requests again
    /// (default 1,000).
    ///
    /// ```
    /// let engine = embedis::Engine::builder().sweep_budget(10).build();
    /// # drop(engine);
    /// ```
    pub fn sweep_budget(mut self, budget: usize) -> EngineBuilder {
        self.config.sweep_budget = budget.max(1);
        self
    }

    /// How long a Lua script (EVAL) may run before it is stopped with an error (default
    /// 5 s, redis-server's `busy-reply-threshold`). redis-server lets such a script run on
    /// and answers everyone else `BUSY` until SCRIPT KILL, which cannot reach a busy
    /// single-threaded executor here: the engine stops the script itself instead of hanging
    /// every caller. Writes the script made before stay.
    ///
    /// ```
    /// use std::time::Duration;
    /// let engine = embedis::Engine::builder().script_time_limit(Duration::from_millis(50)).build();
    /// let reply = engine.connect().call(["EVAL", "while true do end", "0"]).unwrap();
    /// assert!(matches!(reply, embedis::Reply::Error(e) if e.to_string().contains("script stopped")));
    /// ```
    pub fn script_time_limit(mut self, limit: Duration) -> EngineBuilder {
        self.config.script_time_limit = limit;
        self
    }

    /// How long the executor (after its queue runs dry) and a connection (waiting for a
    /// reply) poll before parking (default 50 µs). Waking a parked thread costs tens of
    /// microseconds, so polling makes round trips several times faster; the price is up to
    /// this much CPU time after each burst of traffic. `Duration::ZERO` never polls.
    ///
    /// Only as many connections poll at once as there are CPUs but one (the executor's),
    /// across the process; the others park at once, so sixteen waiting threads on two CPUs
    /// do not take the CPU from the executor. Under [`Fsync::Always`](crate::Fsync::Always)
    /// connections never poll: every reply waits for the disk. On one CPU nothing polls.
    ///
    /// ```
    /// use std::time::Duration;
    /// let engine = embedis::Engine::builder().spin(Duration::ZERO).build();
    /// assert_eq!(engine.connect().call(["PING"]).unwrap(), embedis::Reply::status("PONG"));
    /// ```
    pub fn spin(mut self, spin: Duration) -> EngineBuilder {
        self.config.spin = spin;
        self
    }

    /// The default buffer size of a [`Subscriber`](crate::Subscriber), in messages
    /// (default 4,096), and the number of unread messages after which a subscribed
    /// connection is closed, as Redis's `client-output-buffer-limit pubsub` closes it.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().subscriber_capacity(64).build();
    /// # drop(engine);
    /// ```
    pub fn subscriber_capacity(mut self, capacity: usize) -> EngineBuilder {
        self.config.subscriber_capacity = capacity.max(1);
        self
    }

    /// The default [`Overflow`] policy of subscribers (default
    /// [`Overflow::Disconnect`], Redis's behaviour); each subscriber may choose its own.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().subscriber_overflow(embedis::Overflow::Lag).build();
    /// # drop(engine);
    /// ```
    pub fn subscriber_overflow(mut self, overflow: Overflow) -> EngineBuilder {
        self.config.subscriber_overflow = overflow;
        self
    }

    /// Keyspace notifications from the start, in Redis's `notify-keyspace-events` letters
    /// (`"KEA"`: everything; `"Ex"`: expired-key events only). Off by default; `CONFIG SET
    /// notify-keyspace-events` changes it at run time. An unknown letter makes
    /// [`EngineBuilder::try_build`] fail.
    ///
    /// ```
    /// use embedis::Engine;
    /// let engine = Engine::builder().notify_keyspace_events("KEA").build();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["__keyevent@0__:set"]).unwrap();
    /// engine.connect().call(["SET", "k", "v"]).unwrap();
    /// assert_eq!(&subscriber.recv().unwrap().payload()[..], b"k");
    /// ```
    pub fn notify_keyspace_events(mut self, classes: &str) -> EngineBuilder {
        self.config.notify_keyspace_events = classes.to_string();
        self
    }

    /// Starts the executor thread and returns the engine.
    ///
    /// # Panics
    /// If the operating system refuses to start a thread, as [`std::thread::spawn`] does,
    /// or the keyspace-notification letters are invalid; [`EngineBuilder::try_build`]
    /// reports those as errors instead.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().build();
    /// # drop(engine);
    /// ```
    pub fn build(self) -> Engine {
        match self.try_build() {
            Ok(engine) => engine,
            Err(error) => panic!("embedis: cannot start the engine: {error}"),
        }
    }

    /// Persists every write to an append-only file at `path` (Redis's `appendonly yes`),
    /// replayed when an engine starts on it. See [`persist`](crate::persist) for what is
    /// logged, when it reaches the disk, and how a crash is recovered from.
    ///
    /// If `path` is a directory, the engine keeps Redis 7's multi-part layout in it (a
    /// manifest, a base file, incremental files; see [`persist`](crate::persist)): a
    /// redis-server 7 `appendonlydir` loads, and a redis-server 7 loads the directory in
    /// turn. Create the directory first for a new one: a path that does not exist is a file.
    ///
    /// Loading a file that is corrupt before its end fails [`EngineBuilder::try_build`] with
    /// an [`AofError`](crate::AofError) (as `InvalidData`); a torn last record is cut off
    /// and reported by [`Engine::recovery`].
    ///
    /// ```
    /// use embedis::{Engine, Fsync, Reply};
    /// let dir = std::env::temp_dir().join(format!("embedis-doc-aof-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("appendonly.aof");
    /// {
    ///     let engine = Engine::builder().append_only(&path, Fsync::Always).try_build().unwrap();
    ///     let mut conn = engine.connect();
    ///     conn.call(["XADD", "orders", "*", "item", "book"]).unwrap(); // on disk once answered
    ///     conn.call(["SET", "session", "alice", "EX", "3600"]).unwrap();
    /// }
    /// let engine = Engine::builder().append_only(&path, Fsync::Always).try_build().unwrap();
    /// let mut conn = engine.connect();
    /// assert_eq!(conn.call(["XLEN", "orders"]).unwrap(), Reply::Integer(1));
    /// assert_eq!(conn.call(["GET", "session"]).unwrap(), Reply::bulk("alice"));
    /// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// Redis 7's layout, in a directory:
    ///
    /// ```
    /// use embedis::{Engine, Fsync, Reply};
    /// let dir = std::env::temp_dir().join(format!("embedis-doc-aofdir-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let engine = Engine::builder().append_only(&dir, Fsync::Always).try_build().unwrap();
    /// engine.connect().call(["SET", "k", "v"]).unwrap();
    /// let manifest = std::fs::read_to_string(dir.join("appendonly.aof.manifest")).unwrap();
    /// assert_eq!(manifest, "file appendonly.aof.1.incr.aof seq 1 type i\n");
    /// drop(engine);
    /// let engine = Engine::builder().append_only(&dir, Fsync::Always).try_build().unwrap();
    /// assert_eq!(engine.connect().call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    /// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn append_only(mut self, path: impl AsRef<Path>, fsync: Fsync) -> EngineBuilder {
        self.config.append_only = Some((path.as_ref().to_path_buf(), fsync));
        self
    }

    /// Snapshots to an RDB file at `path` (Redis's `dir` and `dbfilename`, `dump.rdb`):
    /// SAVE, BGSAVE and `SHUTDOWN SAVE` write the dataset there in the format of
    /// redis-server 7.0, which loads it, and the engine starts from it if it exists, as
    /// redis-server loads its `dump.rdb` (an [`append_only`](EngineBuilder::append_only)
    /// file, if one is configured too, wins, as on redis-server). So a snapshot written by
    /// a real Redis seeds an engine, and an engine's snapshot seeds a real Redis.
    ///
    /// A file that does not load fails [`EngineBuilder::try_build`] with a
    /// [`SnapshotError`](crate::SnapshotError) (as `InvalidData`). Without a snapshot
    /// file, SAVE and BGSAVE are refused
    /// ([`Error::NoSnapshotFile`](crate::Error::NoSnapshotFile)).
    ///
    /// ```
    /// use embedis::{Engine, Reply};
    /// let dir = std::env::temp_dir().join(format!("embedis-doc-rdb-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("dump.rdb");
    /// {
    ///     let engine = Engine::builder().snapshot_file(&path).build();
    ///     let mut conn = engine.connect();
    ///     conn.call(["XADD", "orders", "1-1", "item", "book"]).unwrap();
    ///     assert_eq!(conn.call(["SAVE"]).unwrap(), Reply::OK);
    /// }
    /// let engine = Engine::builder().snapshot_file(&path).build();
    /// let mut conn = engine.connect();
    /// assert_eq!(conn.call(["XLEN", "orders"]).unwrap(), Reply::Integer(1));
    /// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn snapshot_file(mut self, path: impl AsRef<Path>) -> EngineBuilder {
        self.config.snapshot_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Adds a `save` point (Redis's `save <seconds> <changes>`): a background snapshot
    /// starts once `after` has passed since the last successful save (or the start) and at
    /// least `changes` writes happened since, on the engine clock. Call it once per point;
    /// `after` counts in whole seconds (at least one). With any point set, shutting the
    /// engine down (dropping it included) saves, and FLUSHALL saves the emptied dataset, as
    /// redis-server does. Points need a [`snapshot_file`](EngineBuilder::snapshot_file);
    /// without one, [`EngineBuilder::try_build`] fails (`InvalidInput`). None by default
    /// (redis-server started without a configuration file has `3600 1 300 100 60 10000`;
    /// an embedded engine persists only when asked). `CONFIG SET save` changes them at run
    /// time. See `persist/save_points.rs` for how changes are counted.
    ///
    /// ```
    /// use std::time::Duration;
    /// use embedis::{Engine, ManualClock, Reply};
    /// let dir = std::env::temp_dir().join(format!("embedis-doc-points-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let clock = ManualClock::new();
    /// let engine = Engine::builder()
    ///     .clock(clock.clone())
    ///     .snapshot_file(dir.join("dump.rdb"))
    ///     .save_point(Duration::from_secs(60), 2)
    ///     .build();
    /// let mut conn = engine.connect();
    /// let Reply::Integer(started) = conn.call(["LASTSAVE"]).unwrap() else { panic!() };
    /// conn.call(["SET", "a", "1"]).unwrap();
    /// conn.call(["SET", "b", "2"]).unwrap();
    /// clock.advance(Duration::from_secs(61)); // more than 60 s, 2 changes: BGSAVE
    /// # for _ in 0..1000 {
    /// #     if conn.call(["LASTSAVE"]).unwrap() != Reply::Integer(started) { break; }
    /// #     std::thread::sleep(Duration::from_millis(5));
    /// # }
    /// assert_eq!(conn.call(["LASTSAVE"]).unwrap(), Reply::Integer(started + 61));
    /// assert_eq!(conn.call(["CONFIG", "GET", "save"]).unwrap(),
    ///     Reply::Map(vec![(Reply::bulk("save"), Reply::bulk("60 2"))]));
    /// # drop(conn); drop(engine); std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn save_point(mut self, after: Duration, changes: u32) -> EngineBuilder {
        self.config
            .save_points
            .push(save_points::point(after, changes));
        self
    }

    /// When the append-only file compacts itself: once it has grown by `percentage` percent
    /// since the last compaction and is at least `min_size` bytes (Redis's
    /// `auto-aof-rewrite-percentage 100` and `auto-aof-rewrite-min-size 64mb` by default;
    /// a percentage of 0 turns automatic compaction off).
    ///
    /// ```
    /// let builder = embedis::Engine::builder().auto_rewrite(50, 1 << 20);
    /// # drop(builder);
    /// ```
    pub fn auto_rewrite(mut self, percentage: u64, min_size: u64) -> EngineBuilder {
        self.config.auto_rewrite = AutoRewrite {
            percentage,
            min_size,
        };
        self
    }

    /// Starts the executor thread, or reports why it cannot: the OS would not start it, or
    /// (as `InvalidInput`) the keyspace-notification letters are not Redis's.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().try_build().expect("thread");
    /// # drop(engine);
    /// let bad = embedis::Engine::builder().notify_keyspace_events("Q").try_build();
    /// assert_eq!(bad.unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// ```
    pub fn try_build(self) -> std::io::Result<Engine> {
        Engine::start(self.config)
    }
}
