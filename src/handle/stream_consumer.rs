//! The worker loop of a consumer group, done once so applications do not get it wrong.
//!
//! A [`StreamConsumer`] reads new entries for its consumer name (`XREADGROUP ... >`),
//! hands each to user code, and acknowledges it (`XACK`) only when the code succeeds. An
//! entry whose handler failed, or whose worker crashed before acknowledging, stays pending;
//! every [`StreamConsumerBuilder::reclaim_every`] the consumer runs `XAUTOCLAIM` and takes
//! over entries pending longer than [`StreamConsumerBuilder::reclaim_idle`], whichever
//! consumer left them. So every entry is processed at least once, and acknowledged once
//! it has been processed successfully.
//!
//! Reclaiming follows the engine clock: under a `ManualClock` a test decides exactly when a
//! crashed worker's entries become claimable.

use std::time::Duration;

use bytes::Bytes;

use crate::cmd::{XAck, XAutoClaim, XGroup, XReadGroup};
use crate::{Connection, Engine, Error, FromReply, Reply, StreamEntry, StreamId};

/// Builds a [`StreamConsumer`]; start with [`Engine::stream_consumer`].
///
/// ```
/// use std::time::Duration;
/// let engine = embedis::Engine::new();
/// let consumer = engine
///     .stream_consumer("orders", "billing", "worker-1")
///     .batch(50)
///     .block(Duration::from_millis(100))
///     .reclaim_idle(Duration::from_secs(30))
///     .build()
///     .unwrap();
/// # drop(consumer);
/// ```
#[derive(Debug)]
pub struct StreamConsumerBuilder {
    engine: Engine,
    key: Bytes,
    group: Bytes,
    name: Bytes,
    batch: usize,
    block: Option<Duration>,
    reclaim_idle: Duration,
    reclaim_every: Duration,
}

impl StreamConsumerBuilder {
    pub(crate) fn new(
        engine: Engine,
        key: Bytes,
        group: Bytes,
        name: Bytes,
    ) -> StreamConsumerBuilder {
        StreamConsumerBuilder {
            engine,
            key,
            group,
            name,
            batch: 100,
            block: None,
            reclaim_idle: Duration::from_secs(60),
            reclaim_every: Duration::from_secs(5),
        }
    }

    /// Entries read per call (`COUNT`, default 100).
    ///
    /// ```
    /// let b = embedis::Engine::new().stream_consumer("s", "g", "c").batch(10);
    /// # drop(b);
    /// ```
    pub fn batch(mut self, n: usize) -> StreamConsumerBuilder {
        self.batch = n.max(1);
        self
    }

    /// How long a read waits for new entries (`BLOCK`); `None` (the default) does not wait.
    ///
    /// ```
    /// let b = embedis::Engine::new().stream_consumer("s", "g", "c").block(std::time::Duration::from_millis(50));
    /// # drop(b);
    /// ```
    pub fn block(mut self, timeout: Duration) -> StreamConsumerBuilder {
        self.block = Some(timeout);
        self
    }

    /// How long an entry must have been pending before this consumer takes it over
    /// (default 60 s).
    ///
    /// ```
    /// let b = embedis::Engine::new().stream_consumer("s", "g", "c").reclaim_idle(std::time::Duration::from_secs(10));
    /// # drop(b);
    /// ```
    pub fn reclaim_idle(mut self, idle: Duration) -> StreamConsumerBuilder {
        self.reclaim_idle = idle;
        self
    }

    /// How often (engine clock) to look for entries to take over (default 5 s).
    ///
    /// ```
    /// let b = embedis::Engine::new().stream_consumer("s", "g", "c").reclaim_every(std::time::Duration::from_secs(1));
    /// # drop(b);
    /// ```
    pub fn reclaim_every(mut self, every: Duration) -> StreamConsumerBuilder {
        self.reclaim_every = every;
        self
    }

    /// Connects, and creates the group (from the stream's current end, creating the stream
    /// too) if it does not exist yet.
    ///
    /// ```
    /// let consumer = embedis::Engine::new().stream_consumer("s", "g", "c").build().unwrap();
    /// # drop(consumer);
    /// ```
    pub fn build(self) -> Result<StreamConsumer, Error> {
        let mut conn = self.engine.connect();
        match conn.run(XGroup::create(
            self.key.clone(),
            self.group.clone(),
            None,
            true,
        )) {
            Ok(_) | Err(Error::BusyGroup) => {}
            Err(error) => return Err(error),
        }
        Ok(StreamConsumer {
            last_reclaim_ms: now_ms(&self.engine),
            engine: self.engine,
            conn,
            key: self.key,
            group: self.group,
            name: self.name,
            batch: self.batch,
            block: self.block,
            reclaim_idle: self.reclaim_idle,
            reclaim_every: self.reclaim_every,
            cursor: StreamId::MIN,
        })
    }
}

/// What one [`StreamConsumer::poll`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PollReport {
    /// Entries handed to the handler.
    pub handled: usize,
    /// Entries the handler accepted and that were acknowledged.
    pub acked: usize,
    /// Entries taken over from other consumers (included in `handled`).
    pub reclaimed: usize,
}

/// A consumer-group worker. See the [module docs](crate::stream_consumer).
///
/// ```
/// use embedis::{cmd::XAdd, Engine};
/// let engine = Engine::new();
/// let mut worker = engine.stream_consumer("orders", "billing", "w1").build().unwrap();
/// engine.connect().run(XAdd::new("orders", [("sku", "42")])).unwrap();
/// let report = worker
///     .poll(|entry| {
///         assert_eq!(entry.get(b"sku").as_deref(), Some(&b"42"[..]));
///         Ok::<(), String>(())
///     })
///     .unwrap();
/// assert_eq!(report.acked, 1);
/// ```
#[derive(Debug)]
pub struct StreamConsumer {
    engine: Engine,
    conn: Connection,
    key: Bytes,
    group: Bytes,
    name: Bytes,
    batch: usize,
    block: Option<Duration>,
    reclaim_idle: Duration,
    reclaim_every: Duration,
    last_reclaim_ms: u64,
    /// Where the next XAUTOCLAIM scan starts.
    cursor: StreamId,
}

fn now_ms(engine: &Engine) -> u64 {
    engine.clock().now_micros() / 1000
}

impl StreamConsumer {
    /// The consumer's name in its group.
    ///
    /// ```
    /// let c = embedis::Engine::new().stream_consumer("s", "g", "w1").build().unwrap();
    /// assert_eq!(&c.name()[..], b"w1");
    /// ```
    pub fn name(&self) -> &Bytes {
        &self.name
    }

    /// One round: take over entries left pending too long (when it is time to), then read
    /// new entries; each goes to `handler`, and is acknowledged if the handler returns
    /// `Ok`. A handler error leaves the entry pending, to be retried after
    /// `reclaim_idle`.
    pub fn poll<E>(
        &mut self,
        mut handler: impl FnMut(&StreamEntry) -> Result<(), E>,
    ) -> Result<PollReport, Error> {
        let mut report = PollReport::default();
        let now = now_ms(&self.engine);
        let every = u64::try_from(self.reclaim_every.as_millis()).unwrap_or(u64::MAX);
        if now.saturating_sub(self.last_reclaim_ms) >= every {
            self.last_reclaim_ms = now;
            let reclaimed = self.reclaim()?;
            report.reclaimed = reclaimed.len();
            self.handle(reclaimed, &mut handler, &mut report)?;
        }
        let mut read = XReadGroup::new(self.group.clone(), self.name.clone(), [self.key.clone()])
            .count(self.batch);
        if let Some(block) = self.block {
            read = read.block(block);
        }
        let fresh = self
            .conn
            .run(read)?
            .into_iter()
            .flat_map(|(_, entries)| entries)
            .collect();
        self.handle(fresh, &mut handler, &mut report)?;
        Ok(report)
    }

    /// XAUTOCLAIM one page from the cursor; entries deleted meanwhile are dropped by Redis.
    fn reclaim(&mut self) -> Result<Vec<StreamEntry>, Error> {
        let claim = XAutoClaim::new(
            self.key.clone(),
            self.group.clone(),
            self.name.clone(),
            self.reclaim_idle,
            self.cursor,
        )
        .count(self.batch);
        let reply = self.conn.run(claim)?;
        let Reply::Array(mut parts) = reply else {
            return Err(Error::UnexpectedReply("XAUTOCLAIM reply".into()));
        };
        if parts.len() != 3 {
            return Err(Error::UnexpectedReply("XAUTOCLAIM reply".into()));
        }
        let entries = Vec::<StreamEntry>::from_reply(parts.swap_remove(1))?;
        self.cursor = StreamId::from_reply(parts.swap_remove(0))?;
        Ok(entries)
    }

    fn handle<E>(
        &mut self,
        entries: Vec<StreamEntry>,
        handler: &mut impl FnMut(&StreamEntry) -> Result<(), E>,
        report: &mut PollReport,
    ) -> Result<(), Error> {
        let mut done = Vec::new();
        for entry in &entries {
            report.handled += 1;
            if handler(entry).is_ok() {
                done.push(entry.id);
            }
        }
        if !done.is_empty() {
            report.acked += usize::try_from(self.conn.run(XAck::new(
                self.key.clone(),
                self.group.clone(),
                done,
            ))?)
            .unwrap_or(0);
        }
        Ok(())
    }
}
