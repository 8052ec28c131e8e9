//! Engine settings and the builder that starts an engine with them.

use std::sync::Arc;
use std::time::Duration;

use crate::{Clock, Engine, SystemClock};

/// Settings of one engine; built with [`Engine::builder`].
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) clock: Arc<dyn Clock>,
    /// Bound of the request queue: senders wait when the executor is this far behind.
    pub(crate) queue_capacity: usize,
    /// Expired keys removed per sweep step, so a mass expiry never stalls requests.
    pub(crate) sweep_budget: usize,
    /// How long a waiting side polls before it parks (see `exec/wait.rs`).
    pub(crate) spin: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            clock: Arc::new(SystemClock),
            queue_capacity: 65_536,
            sweep_budget: 1_000,
            spin: Duration::from_micros(50),
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

    /// How long the executor (after its queue runs dry) and a connection (waiting for a
    /// reply) poll before parking (default 50 µs). Waking a parked thread costs tens of
    /// microseconds, so polling makes round trips several times faster; the price is up to
    /// this much CPU time after each burst of traffic. `Duration::ZERO` never polls.
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

    /// Starts the executor thread and returns the engine.
    ///
    /// # Panics
    /// If the operating system refuses to start a thread, as [`std::thread::spawn`] does;
    /// [`EngineBuilder::try_build`] reports that as an error instead.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().build();
    /// # drop(engine);
    /// ```
    pub fn build(self) -> Engine {
        match self.try_build() {
            Ok(engine) => engine,
            Err(error) => panic!("embedis: cannot start the executor thread: {error}"),
        }
    }

    /// Starts the executor thread, or reports why the OS would not start it.
    ///
    /// ```
    /// let engine = embedis::Engine::builder().try_build().expect("thread");
    /// # drop(engine);
    /// ```
    pub fn try_build(self) -> std::io::Result<Engine> {
        Engine::start(self.config)
    }
}
