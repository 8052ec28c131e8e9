//! What a command sees while it runs on the executor.

use bytes::{Bytes, BytesMut};

use crate::exec::blocking::{BlockRequest, Blocking};
use crate::exec::clients::Peers;
use crate::exec::databases::Databases;
use crate::exec::notify::{self, Events};
use crate::exec::session::Session;
use crate::exec::tracking::Tracking;
use crate::exec::watch::WatchRegistry;
use crate::persist::commands;
use crate::persist::effects::EffectLog;
use crate::persist::resp::signed_decimal;
use crate::store::keyspace::{Keyspace, Millis};
use crate::store::value::Value;
use crate::Error;

/// Exclusive access to the data, the caller's session, and the instant the command runs at.
pub(crate) struct Ctx<'a> {
    /// The session's database, the one every key the command names lives in.
    pub(crate) db: &'a mut Keyspace,
    /// The other databases: SELECT, FLUSHALL, MOVE, COPY, SWAPDB and WATCH reach them.
    pub(crate) databases: &'a mut Databases,
    pub(crate) watches: &'a mut WatchRegistry,
    /// Client-side caching: what connections may cache, and the messages writes owe them.
    pub(crate) tracking: &'a mut Tracking,
    pub(crate) session: &'a mut Session,
    /// Every other connection, to read (CLIENT LIST); none outside a connection.
    pub(crate) peers: Peers<'a>,
    /// The engine clock, read at most once per message, and only if a command needs it:
    /// one command (one pipeline, one transaction) sees one instant.
    pub(crate) now: Now<'a>,
    /// Keyspace notifications and the pub/sub fan-out.
    pub(crate) events: &'a mut Events,
    /// Parked blocking reads, and the keys written for them.
    pub(crate) blocking: &'a mut Blocking,
    /// Where writes record their effects for the append-only file; `None` without one.
    pub(crate) log: Option<&'a mut EffectLog>,
    /// The script cache and the Lua interpreter (EVAL, SCRIPT).
    #[cfg(feature = "lua")]
    pub(crate) scripts: &'a mut crate::script::Scripts,
    /// What INFO reports about the engine.
    pub(crate) server: &'a crate::exec::stats::ServerStats,
    /// MONITOR's listeners, and the lines owed to them.
    pub(crate) monitor: &'a mut crate::exec::monitor::Monitors,
    /// ACL LOG: the authentication failures.
    pub(crate) acl_log: &'a mut crate::exec::acl_log::AclLog,
    /// The snapshot file SAVE and BGSAVE write; `None` without one.
    pub(crate) snapshots: Option<&'a mut crate::persist::snapshot::SnapshotFile>,
    /// SLOWLOG's entries and parameters.
    pub(crate) slowlog: &'a mut crate::exec::slowlog::SlowLog,
    /// The `save` points and the changes they count.
    pub(crate) saves: &'a mut crate::persist::save_points::SaveSchedule,
}

/// The instant a message is handled at, read from the clock on first use. Most commands
/// (PING, GET of a key without deadline, PUBLISH) never ask, and a clock read costs as much
/// as a simple command.
#[derive(Clone)]
pub(crate) struct Now<'a> {
    clock: &'a dyn crate::Clock,
    read: std::cell::Cell<Option<u64>>,
}

impl<'a> Now<'a> {
    pub(crate) fn new(clock: &'a dyn crate::Clock) -> Now<'a> {
        Now {
            clock,
            read: std::cell::Cell::new(None),
        }
    }

    /// The instant in milliseconds, if something asked for it already (no clock read).
    pub(crate) fn read_ms(&self) -> Option<u64> {
        self.read.get().map(|us| us / 1000)
    }

    /// Microseconds on the engine clock, the same for every later call.
    pub(crate) fn micros(&self) -> u64 {
        if let Some(us) = self.read.get() {
            return us;
        }
        let us = self.clock.now_micros();
        self.read.set(Some(us));
        us
    }
}

impl Millis for Now<'_> {
    #[inline]
    fn millis(&self) -> u64 {
        self.micros() / 1000
    }
}

/// Announces the keys that expired since the last call: WATCH sees them changed, and
/// `expired` notifications and client-side caching invalidations go out (`current`: the
/// connection whose command found them expired, if any). Cheap when nothing expired, which
/// is almost always.
pub(crate) fn settle_expired(
    db: &mut Keyspace,
    watches: &mut WatchRegistry,
    (tracking, current): (&mut Tracking, Option<u64>),
    events: &Events,
    blocking: &mut Blocking,
    log: Option<&mut EffectLog>,
) {
    if !db.has_expired() {
        return;
    }
    if let Some(log) = log {
        log.expired(db.index(), db.expired());
        log.expired_logged = 0;
    }
    let index = db.index();
    for key in db.take_expired() {
        blocking.signal(index, &key);
        if !watches.is_empty() {
            let exists = db.contains_raw(&key);
            watches.touch(index, &key, exists);
        }
        events.emit(index, notify::EXPIRED, "expired", &key);
        if !tracking.is_idle() {
            tracking.expired(&key, current);
        }
    }
}

impl Ctx<'_> {
    /// The command's instant in milliseconds, the unit of key deadlines.
    pub(crate) fn now_ms(&self) -> u64 {
        self.now.micros() / 1000
    }

    /// The command's instant in microseconds.
    pub(crate) fn now_us(&self) -> u64 {
        self.now.micros()
    }

    /// Redis's `signalModifiedKey`: every write calls it for each key it changed, so WATCH
    /// sees the change and connections that may cache the key are told. Counts one change
    /// for the `save` points.
    pub(crate) fn touch(&mut self, key: &[u8]) {
        self.saves.changed(1);
        self.signal_modified(key);
    }

    /// [`Ctx::touch`] without counting a change, for a key whose change redis-server counts
    /// elsewhere or not at all: the second key of a RENAME, MOVE or LMOVE, a stream created
    /// before the write that counts, a write that then fails.
    pub(crate) fn signal_modified(&mut self, key: &[u8]) {
        if self.log.as_ref().is_some_and(|log| log.explicit == 0) {
            self.log_key_state(key);
        }
        if !self.watches.is_empty() {
            let exists = self.db.contains_raw(key);
            self.watches.touch(self.db.index(), key, exists);
        }
        if !self.tracking.is_idle() {
            self.tracking.invalidate(key, self.session.id);
            self.send_tracking_now();
        }
    }

    /// Counts `n` changes for the `save` points (Redis's `server.dirty += n`) that no
    /// [`Ctx::touch`] counts: a change WATCH does not see (a consumer group's, a function
    /// library's), the keys a flush removed.
    pub(crate) fn count_changes(&mut self, n: usize) {
        self.saves.changed(n as u64);
    }

    /// For a write that changed `n` elements of the key it touched, as redis-server counts
    /// them (fields, members, list elements): the ones beyond the one [`Ctx::touch`]
    /// counted.
    pub(crate) fn count_elements(&mut self, n: usize) {
        self.saves.changed(n.saturating_sub(1) as u64);
    }

    /// For a write whose helpers counted `counted` changes where redis-server counts
    /// `actual` (an LTRIM that removed nothing counts none).
    pub(crate) fn recount_changes(&mut self, counted: usize, actual: usize) {
        self.saves.changed(actual as u64);
        self.saves.unchanged(counted as u64);
    }

    /// Sends the client-side caching messages owed to other connections now, while the
    /// command runs, as redis-server writes them (see `Tracking::sends_during_commands`);
    /// the running connection's own wait for its reply.
    pub(crate) fn send_tracking_now(&mut self) {
        // Outside a connection (an `atomically` closure) the executor sends them after.
        if !self.tracking.sends_during_commands() || !self.peers.sees_connections() {
            return;
        }
        let me = self.session.id;
        for message in self.tracking.take_for_others(me) {
            let (session, peers) = (&*self.session, self.peers);
            let session_of = |id: u64| {
                if id == me {
                    Some(session)
                } else {
                    peers.session(id)
                }
            };
            if let Some((target, push)) = self.tracking.route(message, session_of)
                && let Some(session) = session_of(target)
            {
                crate::exec::tracking::push_now(session, push);
            }
        }
    }

    /// The value at `key` as the type `pick` accepts (a hash, a list, ...): `Ok(None)` if
    /// missing, WRONGTYPE for another type. For a command that writes it: no `keymiss`.
    pub(crate) fn value_as<T: ?Sized>(
        &mut self,
        key: &[u8],
        pick: fn(&mut Value) -> Option<&mut T>,
    ) -> Result<Option<&mut T>, Error> {
        match self.db.value_mut(key, &self.now) {
            None => Ok(None),
            Some(value) => pick(value).map(Some).ok_or(Error::WrongType),
        }
    }

    /// [`Ctx::value_as`], creating an `empty` value first if the key is missing: the new key
    /// is announced (`new`) and signalled to parked pops, as redis-server's `dbAdd` does.
    pub(crate) fn value_as_or_create<T: ?Sized>(
        &mut self,
        key: &Bytes,
        pick: fn(&mut Value) -> Option<&mut T>,
        empty: fn() -> Value,
    ) -> Result<&mut T, Error> {
        if self.value_as(key, pick)?.is_none() {
            self.announce_if_new(key);
            self.db.insert(key.clone(), empty(), None);
            self.blocking.signal(self.db.index(), key);
        }
        self.value_as(key, pick)?.ok_or(Error::WrongType)
    }

    /// [`Ctx::value_as`] for a command that reads it, as redis-server's `lookupKeyRead`: a
    /// missing key is announced (`keymiss`).
    pub(crate) fn read_value_as<T: ?Sized>(
        &mut self,
        key: &[u8],
        pick: fn(&mut Value) -> Option<&mut T>,
    ) -> Result<Option<&T>, Error> {
        Ok(self.read_value_as_mut(key, pick)?.map(|value| &*value))
    }

    /// [`Ctx::read_value_as`] for a read that keeps state in the value (HSCAN's snapshot of
    /// its scan order), not data: nothing is announced as written.
    pub(crate) fn read_value_as_mut<T: ?Sized>(
        &mut self,
        key: &[u8],
        pick: fn(&mut Value) -> Option<&mut T>,
    ) -> Result<Option<&mut T>, Error> {
        if self.announces_misses() && matches!(self.value_as(key, pick), Ok(None)) {
            self.key_miss(key);
            return Ok(None);
        }
        self.value_as(key, pick)
    }

    /// The string stored at `key`: `Ok(None)` if missing, WRONGTYPE for another type.
    pub(crate) fn get_string(&mut self, key: &[u8]) -> Result<Option<Bytes>, Error> {
        match self.db.get(key, &self.now) {
            None => Ok(None),
            Some(entry) => entry.value.to_bytes().map(Some).ok_or(Error::WrongType),
        }
    }

    /// The string at `key` for a command that reads it, as redis-server's `lookupKeyRead`:
    /// a missing key is announced (`keymiss`).
    pub(crate) fn read_string(&mut self, key: &[u8]) -> Result<Option<Bytes>, Error> {
        let value = self.get_string(key);
        if let Ok(None) = value {
            self.key_miss(key);
        }
        value
    }

    /// Redis's `lookupKeyRead` found no `key` (missing, or expired just now): the
    /// `keymiss` event, class `m`. Lookups for writing never announce a miss.
    pub(crate) fn key_miss(&mut self, key: &[u8]) {
        if self.announces_misses() {
            self.notify(notify::KEY_MISS, "keymiss", key);
        }
    }

    /// Whether a read that finds no key announces it: class `m` is on, and the read is not
    /// a parked one being served (redis-server serves those with `LOOKUP_NONOTIFY`).
    pub(crate) fn announces_misses(&self) -> bool {
        self.events.flags & notify::KEY_MISS != 0 && !self.session.serving_blocked
    }

    /// Stores a string, keeping the key's deadline if it has one, and signals the write.
    pub(crate) fn put_string_keep_ttl(&mut self, key: Bytes, value: Bytes) {
        self.announce_if_new(&key);
        self.db
            .replace_value(key.clone(), Value::String(value), &self.now);
        self.blocking.signal(self.db.index(), &key);
        self.touch(&key);
    }

    /// Edits the string at `key` in place (SETRANGE, SETBIT, BITFIELD), grown with zero
    /// bytes to at least `len`; a missing key is created (announced `new`, as Redis's
    /// `dbAdd`), another type is WRONGTYPE. The deadline stays. The bytes are not copied
    /// when nothing else holds them. The caller signals the write (`touch`) and logs it.
    pub(crate) fn edit_string<R>(
        &mut self,
        key: &Bytes,
        len: usize,
        edit: impl FnOnce(&mut BytesMut) -> R,
    ) -> Result<R, Error> {
        match self.db.value_mut(key, &self.now) {
            Some(Value::String(_) | Value::Int(_)) => {}
            Some(_) => return Err(Error::WrongType),
            None => {
                self.announce_if_new(key);
                self.db
                    .insert(key.clone(), Value::String(Bytes::new()), None);
                self.blocking.signal(self.db.index(), key);
            }
        }
        let value = self.db.value_mut(key, &self.now).ok_or(Error::WrongType)?;
        let mut bytes = match std::mem::replace(value, Value::String(Bytes::new())) {
            Value::String(bytes) => bytes
                .try_into_mut()
                .unwrap_or_else(|shared| BytesMut::from(&shared[..])),
            Value::Int(n) => BytesMut::from(n.to_string().as_bytes()),
            other => {
                *value = other;
                return Err(Error::WrongType);
            }
        };
        if bytes.len() < len {
            bytes.resize(len, 0);
        }
        let result = edit(&mut bytes);
        *value = Value::String(bytes.freeze());
        Ok(result)
    }

    /// What a STORE form does with its result (SINTERSTORE, ZUNIONSTORE, ZRANGESTORE,
    /// BITOP, ...), as Redis's `setKey` / `dbDelete`: `Some(value)` replaces `destination`
    /// whatever it held, deadline dropped (`new` announced if it did not exist, then
    /// `event` of `class`); `None`, an empty result, deletes it (`del` if it existed). The
    /// file gets the destination's whole new state through the generic key logger.
    pub(crate) fn store_result(
        &mut self,
        destination: &Bytes,
        value: Option<Value>,
        class: u32,
        event: &str,
    ) {
        let Some(value) = value else {
            if self.delete(destination) {
                self.notify(notify::GENERIC, "del", destination);
            }
            return;
        };
        self.announce_if_new(destination);
        self.db.insert(destination.clone(), value, None);
        self.blocking.signal(self.db.index(), destination);
        self.touch(destination);
        self.notify(class, event, destination);
    }

    /// Stores a string with the given deadline (`None`: none), and signals the write.
    pub(crate) fn put_string(&mut self, key: Bytes, value: Bytes, expires_at: Option<u64>) {
        self.announce_if_new(&key);
        self.db
            .insert(key.clone(), Value::String(value), expires_at);
        self.blocking.signal(self.db.index(), &key);
        self.touch(&key);
    }

    /// Redis's `dbAdd` announces a key it creates (`new`, class `n`), after announcing an
    /// expired key of that name it found on the way. Free when notifications are off: the
    /// lookup is skipped.
    pub(crate) fn announce_if_new(&mut self, key: &[u8]) {
        if self.events.flags == 0 {
            return;
        }
        if !self.db.contains(key, &self.now) {
            self.notify(notify::NEW, "new", key);
        }
    }

    /// Redis's `notifyKeyspaceEvent`: announces `event` on `key` if its class is on.
    pub(crate) fn notify(&mut self, class: u32, event: &str, key: &[u8]) {
        if self.events.flags == 0 {
            return;
        }
        self.settle_expired();
        self.events.emit(self.db.index(), class, event, key);
    }

    /// Marks where redis-server adds this command's reply, for the commands that reply
    /// before they announce their keyspace events: a connection subscribed to its own
    /// events (RESP3) then gets the events after the reply, as there. Not in a pipeline
    /// or EXEC, which answer in one frame.
    pub(crate) fn reply_point(&mut self) {
        let session = &mut *self.session;
        if self.events.flags == 0 || session.in_exec() || session.in_pipeline {
            return;
        }
        let Some(link) = session.pubsub.as_mut() else {
            return;
        };
        if link.subscriptions == 0 {
            return;
        }
        if let Some(id) = link.id
            && self.events.fanout.hold(id)
        {
            link.needs_arm = true;
        }
    }

    /// Whether a read may park here: on a connection, outside MULTI/EXEC and pipelines.
    pub(crate) fn can_block(&self) -> bool {
        let session = &*self.session;
        !session.scripted
            && !session.in_exec()
            && !session.in_pipeline
            && session.multi.is_none()
            && session.pubsub.is_some()
    }

    /// Asks the executor to park this command until one of `keys` is written or
    /// `timeout_ms` passes (0: for ever).
    pub(crate) fn block_on(
        &mut self,
        keys: Vec<Bytes>,
        timeout_ms: u64,
        command: crate::cmd::Command,
    ) {
        self.session.block = Some(BlockRequest {
            keys,
            timeout_ms,
            command,
            timing: None,
        });
    }

    /// See [`settle_expired`].
    pub(crate) fn settle_expired(&mut self) {
        settle_expired(
            self.db,
            self.watches,
            (self.tracking, Some(self.session.id)),
            self.events,
            self.blocking,
            self.log.as_deref_mut(),
        );
        if self.tracking.has_outbox() {
            self.send_tracking_now();
        }
    }

    /// Whether writes are being logged (an append-only file is open and this is not a
    /// replay of it).
    pub(crate) fn logging(&self) -> bool {
        self.log.is_some()
    }

    /// Records a write's effect for the append-only file, after the `DEL`s of keys this
    /// command found expired (they happened first).
    pub(crate) fn log_effect<A: AsRef<[u8]>>(&mut self, argv: &[A]) {
        self.log_with(|out| crate::persist::resp::encode_args(argv, out));
    }

    /// [`Ctx::log_effect`] for a command one of `persist::commands` writes.
    pub(crate) fn log_with(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        if let Some(log) = self.log.as_deref_mut() {
            log.expired(self.db.index(), self.db.expired());
            log.write(self.db.index(), write);
        }
    }

    /// Records a write that applies in whatever database the file is in (FLUSHALL,
    /// SWAPDB), after the `DEL`s of keys this command found expired.
    pub(crate) fn log_anywhere<A: AsRef<[u8]>>(&mut self, argv: &[A]) {
        if let Some(log) = self.log.as_deref_mut() {
            log.expired(self.db.index(), self.db.expired());
            log.command_anywhere(argv);
        }
    }

    /// Runs `write` with the generic per-key logging off, for a command that logs its own
    /// effect (RENAME, FLUSHALL, stream commands).
    pub(crate) fn explicitly_logged<R>(&mut self, write: impl FnOnce(&mut Self) -> R) -> R {
        if let Some(log) = self.log.as_deref_mut() {
            log.explicit += 1;
        }
        let result = write(self);
        if let Some(log) = self.log.as_deref_mut() {
            log.explicit -= 1;
        }
        result
    }

    /// The generic effect of a write to a string key: its whole new state, `SET key value`
    /// with its absolute deadline, or `DEL key` if it is gone. Every string write (SET,
    /// INCR, APPEND, GETEX, EXPIRE, CL.THROTTLE, ...) calls `touch`, so all of them are
    /// logged without each knowing about the file; streams log their own effects.
    fn log_key_state(&mut self, key: &[u8]) {
        let Some(log) = self.log.as_deref_mut() else {
            return;
        };
        let index = self.db.index();
        log.expired(index, self.db.expired());
        match self.db.peek(key) {
            None => log.command(index, &[b"DEL" as &[u8], key]),
            Some(entry) => {
                let mut digits = [0; 20];
                let value = match &entry.value {
                    Value::String(bytes) => &bytes[..],
                    Value::Int(n) => signed_decimal(*n, &mut digits),
                    Value::Stream(_) => return, // its command logs what it did
                    // Hash, sorted-set and list commands log their own effects too; a
                    // write that reaches here otherwise gets the whole state, which is
                    // always right.
                    collection => {
                        log.write(index, |out| {
                            commands::del(key, out);
                            commands::collection(key, collection, entry.expires_at, out);
                        });
                        return;
                    }
                };
                log.write(index, |out| {
                    commands::set(key, value, entry.expires_at, out)
                });
            }
        }
    }

    /// Deletes a live key; returns whether it existed. Signals the write.
    pub(crate) fn delete(&mut self, key: &[u8]) -> bool {
        let existed = self.db.remove(key, &self.now).is_some();
        if existed {
            self.blocking.signal(self.db.index(), key);
            self.touch(key);
        }
        existed
    }
}

impl Ctx<'_> {
    /// WATCH one key for this connection (watching twice is once).
    pub(crate) fn watch(&mut self, key: Bytes) {
        let db = self.db.index();
        if self
            .session
            .watched
            .iter()
            .any(|(d, k)| *d == db && *k == key)
        {
            return;
        }
        let expired_now = self.db.is_logically_expired(&key, &self.now);
        self.watches
            .watch(self.session.id, db, key.clone(), expired_now);
        self.session.watched.push((db, key));
    }

    /// Forget every key this connection watches.
    pub(crate) fn unwatch_all(&mut self) {
        let keys = std::mem::take(&mut self.session.watched);
        self.watches.unwatch(self.session.id, &keys);
    }

    /// Whether EXEC must fail: a watched key changed, or has passed its deadline since it
    /// was watched (even if nothing removed it yet), in whichever database it lives.
    pub(crate) fn watch_failed(&self) -> bool {
        let conn = self.session.id;
        self.watches.is_dirty(conn)
            || self.session.watched.iter().any(|(db, key)| {
                !self.watches.was_expired_when_watched(conn, *db, key)
                    && self
                        .databases
                        .get(self.db, *db)
                        .is_some_and(|keyspace| keyspace.is_logically_expired(key, &self.now))
            })
    }

    /// Runs `work` with database `index` as `self.db` (MOVE, COPY), then returns to this
    /// session's database. Keys either saw expire are announced in their own database.
    pub(crate) fn in_database<R>(&mut self, index: usize, work: impl FnOnce(&mut Self) -> R) -> R {
        let home = self.db.index();
        if index == home {
            return work(self);
        }
        self.settle_expired();
        self.databases.activate(self.db, index);
        let result = work(self);
        self.settle_expired();
        self.databases.activate(self.db, home);
        result
    }

    /// SWAPDB of `first` and `second` (distinct, below `DATABASES`): WATCH and blocked
    /// reads of both see their keys replaced.
    pub(crate) fn swap_databases(&mut self, first: usize, second: usize) {
        self.settle_expired();
        if !self.watches.is_empty() {
            let now_ms = self.now_ms();
            let a = self.databases.get(self.db, first);
            let b = self.databases.get(self.db, second);
            if let (Some(a), Some(b)) = (a, b) {
                self.watches.touch_replaced(first, a, b, now_ms);
                self.watches.touch_replaced(second, b, a, now_ms);
            }
        }
        self.databases.swap(self.db, first, second);
        self.blocking.signal_database(first);
        self.blocking.signal_database(second);
    }

    /// SELECT: from now on this session's commands work on database `index` (below
    /// `DATABASES`), starting with the next command of a running transaction.
    pub(crate) fn select(&mut self, index: usize) {
        // Keys this database saw expire are announced before it is parked.
        self.settle_expired();
        self.databases.activate(self.db, index);
        self.session.db = self.db.index();
    }
}
