//! Snapshot commands: SAVE, BGSAVE, LASTSAVE. The file and its format live in
//! `persist/snapshot.rs` and `persist/rdb_file.rs`; an engine has a snapshot file only when
//! built with [`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file).

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::exec::clients::ClientAction;
use crate::persist::rdb_file;
use crate::store::c_string::keyword_is;
use crate::{Error, Reply};

/// The dataset at the command's instant as an RDB file: every database's live keys and,
/// with Lua, every function library.
pub(crate) fn rdb_of(ctx: &Ctx) -> Vec<u8> {
    #[cfg(feature = "lua")]
    let libraries = ctx.scripts.functions.codes();
    #[cfg(not(feature = "lua"))]
    let libraries = std::iter::empty();
    rdb_file::write(ctx.databases.all(ctx.db), libraries, ctx.now_ms())
}

/// Why SAVE or BGSAVE cannot start now: no snapshot file, or a BGSAVE still writing.
fn refusal(ctx: &Ctx) -> Option<Error> {
    match ctx.snapshots.as_deref() {
        None => Some(Error::NoSnapshotFile),
        Some(file) if file.in_progress() => Some(Error::BgSaveInProgress),
        Some(_) => None,
    }
}

/// `SAVE`: writes the snapshot file now, on the executor (nothing else runs meanwhile, as
/// redis-server's SAVE blocks it), and replies once it is on disk. Refused while a BGSAVE
/// writes, and by an engine without a snapshot file.
///
/// ```
/// use embedis::{cmd::Save, Engine, Error};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-save-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let engine = Engine::builder().snapshot_file(dir.join("dump.rdb")).build();
/// let mut conn = engine.connect();
/// conn.call(["SET", "k", "v"]).unwrap();
/// conn.run(Save).unwrap();
/// assert!(std::fs::read(dir.join("dump.rdb")).unwrap().starts_with(b"REDIS0010"));
/// assert_eq!(Engine::new().connect().run(Save), Err(Error::NoSnapshotFile));
/// # drop(conn); drop(engine); std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Save;

impl Save {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Save(Save))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if let Some(refusal) = refusal(ctx) {
            return refusal.into();
        }
        match save_now(ctx) {
            Ok(()) => Reply::OK,
            Err(error) => error.into(),
        }
    }
}

/// Writes the snapshot file now, on the executor, after a background save still writing
/// (SAVE refuses to run then; SHUTDOWN and FLUSHALL wait for it). A success resets the
/// change count the `save` points test.
pub(crate) fn save_now(ctx: &mut Ctx) -> Result<(), Error> {
    let rdb = rdb_of(ctx);
    let Some(file) = ctx.snapshots.as_deref_mut() else {
        return Err(Error::NoSnapshotFile);
    };
    file.finish_background();
    ctx.saves.settle(Some(file));
    file.save(&rdb)
        .map_err(|error| Error::SnapshotWrite(error.to_string()))?;
    ctx.saves.saved();
    Ok(())
}

/// `BGSAVE [SCHEDULE]`: takes the snapshot at once and writes it on a thread of its own;
/// `LASTSAVE` and INFO's `rdb_bgsave_in_progress` tell when it is on disk. Inside a
/// transaction it is taken once EXEC has run every command (`Background saving
/// scheduled`), as on redis-server. Refused while another BGSAVE writes, and by an engine
/// without a snapshot file.
///
/// While the append-only file is being compacted, redis-server (which forks for both)
/// refuses BGSAVE and schedules `BGSAVE SCHEDULE` for later; embedis answers the same, and
/// a scheduled save starts at once, since nothing stops it.
///
/// ```
/// use embedis::{cmd::BgSave, Engine, Reply};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-bgsave-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("dump.rdb");
/// let engine = Engine::builder().snapshot_file(&path).build();
/// let mut conn = engine.connect();
/// conn.call(["SET", "k", "v"]).unwrap();
/// assert_eq!(conn.run(BgSave::new()).unwrap(), "Background saving started");
/// engine.shutdown(); // waits for the save
/// let engine = Engine::builder().snapshot_file(&path).build();
/// assert_eq!(engine.connect().call(["GET", "k"]).unwrap(), Reply::bulk("v"));
/// # drop(engine); std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BgSave {
    schedule: bool,
}

impl BgSave {
    /// `BGSAVE`.
    ///
    /// ```
    /// use embedis::cmd::{BgSave, Command};
    /// assert_eq!(Command::from_argv(["BGSAVE"]).unwrap(), BgSave::new().into());
    /// ```
    pub fn new() -> BgSave {
        BgSave::default()
    }

    /// `BGSAVE SCHEDULE`: scheduled instead of refused while the append-only file compacts.
    ///
    /// ```
    /// use embedis::cmd::{BgSave, Command};
    /// assert_eq!(Command::from_argv(["bgsave", "schedule"]).unwrap(), BgSave::new().schedule().into());
    /// ```
    pub fn schedule(mut self) -> BgSave {
        self.schedule = true;
        self
    }

    /// One optional word, SCHEDULE, compared as a C string.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut bgsave = BgSave::new();
        if let Some(word) = args.next() {
            if !keyword_is(&word, "SCHEDULE") || args.remaining() > 0 {
                return Err(Error::Syntax);
            }
            bgsave.schedule = true;
        }
        Ok(Command::BgSave(bgsave))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if let Some(refusal) = refusal(ctx) {
            return refusal.into();
        }
        let compacting = ctx.log.as_deref().is_some_and(|log| log.rewriting);
        if compacting && !self.schedule {
            return Error::BgSaveChildActive.into();
        }
        if compacting || ctx.session.in_exec() {
            // After the transaction's last command, so that the snapshot holds all of it.
            ctx.session
                .client_actions
                .push(ClientAction::BackgroundSave);
            return Reply::status("Background saving scheduled");
        }
        let rdb = rdb_of(ctx);
        let now_secs = ctx.now_us() / 1_000_000;
        let Some(file) = ctx.snapshots.as_deref_mut() else {
            return Error::NoSnapshotFile.into();
        };
        match ctx.saves.start_background(file, rdb, now_secs) {
            Ok(()) => Reply::status("Background saving started"),
            Err(error) => Error::SnapshotWrite(error.to_string()).into(),
        }
    }
}

/// `LASTSAVE`: the unix time of the last successful SAVE or BGSAVE on the engine clock;
/// before the first, the engine's start, as redis-server answers before its first save.
///
/// ```
/// use embedis::cmd::LastSave;
/// use std::time::{Duration, UNIX_EPOCH};
/// let clock = embedis::ManualClock::new();
/// clock.set(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
/// let engine = embedis::Engine::builder().clock(clock.clone()).build();
/// let mut conn = engine.connect();
/// clock.advance(Duration::from_secs(60));
/// assert_eq!(conn.run(LastSave).unwrap(), 1_700_000_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LastSave;

impl LastSave {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::LastSave(LastSave))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        Reply::Integer(last_save_secs(ctx) as i64)
    }
}

/// LASTSAVE's answer (INFO's `rdb_last_save_time`).
pub(crate) fn last_save_secs(ctx: &Ctx) -> u64 {
    let saved = ctx
        .snapshots
        .as_deref()
        .and_then(|file| file.last_save_secs());
    saved.unwrap_or(ctx.server.started_us / 1_000_000)
}
