//! Keys between databases: MOVE, COPY and SWAPDB.
//!
//! A command runs in its connection's database (`Ctx::db`); these also reach another one,
//! through [`Ctx::in_database`], so every signal a write sends there (WATCH, blocked
//! reads, keyspace events) names that database, as redis-server's do. Each logs itself:
//! replayed in the same state, the same command does the same, whatever the key's type.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::databases::DATABASES;
use crate::exec::notify;
use crate::persist::resp::decimal;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// A database index as Redis reads it (a C `int`): not an integer, and outside 32 bits,
/// are two different errors.
fn parse_index(arg: &[u8]) -> Result<i64, Error> {
    let index = parse_i64(arg).ok_or(Error::InvalidDbIndex)?;
    i32::try_from(index).map_err(|_| Error::IntOutOfRange)?;
    Ok(index)
}

/// The database `index` names, if there is one.
fn database(index: i64) -> Result<usize, Error> {
    usize::try_from(index)
        .ok()
        .filter(|index| *index < DATABASES)
        .ok_or(Error::DbIndexOutOfRange)
}

/// `index` in decimal, as the append-only file logs it (in `digits`: no allocation).
fn index_arg(index: usize, digits: &mut [u8; 20]) -> &[u8] {
    decimal(index as u64, digits)
}

/// `MOVE key db`: moves a key, with its deadline, to another database, unless a key of
/// that name is there already. Replies whether it moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    key: Bytes,
    db: i64,
}

impl Move {
    /// `MOVE key db`.
    ///
    /// ```
    /// use embedis::{cmd::Move, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// assert!(conn.run(Move::new("k", 2)).unwrap());
    /// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::Nil);
    /// conn.call(["SELECT", "2"]).unwrap();
    /// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("v"));
    /// ```
    pub fn new(key: impl IntoArg, db: i64) -> Move {
        Move {
            key: key.into_arg(),
            db,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let db = parse_index(&args.next_bytes()?)?;
        Ok(Command::Move(Move { key, db }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let target = match database(self.db) {
            Ok(target) => target,
            Err(error) => return error.into(),
        };
        let source = ctx.db.index();
        if target == source {
            return Error::SameObject.into();
        }
        if !ctx.db.contains(&self.key, &ctx.now) {
            return Reply::Integer(0);
        }
        // An expired key of that name in the target is removed (and logged) first.
        if ctx.in_database(target, |ctx| ctx.db.contains(&self.key, &ctx.now)) {
            return Reply::Integer(0);
        }
        let mut digits = [0; 20];
        ctx.log_effect(&[&b"MOVE"[..], &self.key, index_arg(target, &mut digits)]);
        ctx.explicitly_logged(|ctx| {
            let Some(entry) = ctx.db.remove(&self.key, &ctx.now) else {
                return Reply::Integer(0);
            };
            ctx.in_database(target, |ctx| {
                ctx.notify(notify::NEW, "new", &self.key);
                ctx.db
                    .insert(self.key.clone(), entry.value, entry.expires_at);
            });
            ctx.blocking.signal(source, &self.key);
            ctx.touch(&self.key);
            ctx.in_database(target, |ctx| {
                ctx.blocking.signal(target, &self.key);
                // One change, as redis-server counts a move.
                ctx.signal_modified(&self.key);
            });
            ctx.notify(notify::GENERIC, "move_from", &self.key);
            ctx.in_database(target, |ctx| {
                ctx.notify(notify::GENERIC, "move_to", &self.key);
            });
            Reply::Integer(1)
        })
    }
}

/// `COPY source destination [DB db] [REPLACE]`: copies a key's value and deadline to
/// another key, in this database or another. Replies whether it copied (not if the
/// destination exists, unless REPLACE). Named `CopyKey` so that a glob import of
/// `embedis::cmd` does not hide the `Copy` trait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyKey {
    from: Bytes,
    to: Bytes,
    db: Option<i64>,
    replace: bool,
}

impl CopyKey {
    /// `COPY source destination`.
    ///
    /// ```
    /// use embedis::{cmd::CopyKey, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "a", "1"]).unwrap();
    /// assert!(conn.run(CopyKey::new("a", "b")).unwrap());
    /// assert!(!conn.run(CopyKey::new("a", "b")).unwrap()); // b exists
    /// assert!(conn.run(CopyKey::new("a", "b").replace().db(3)).unwrap());
    /// assert_eq!(conn.call(["GET", "b"]).unwrap(), Reply::bulk("1"));
    /// ```
    pub fn new(from: impl IntoArg, to: impl IntoArg) -> CopyKey {
        CopyKey {
            from: from.into_arg(),
            to: to.into_arg(),
            db: None,
            replace: false,
        }
    }

    /// `DB db`: the destination is in database `db`.
    pub fn db(mut self, db: i64) -> CopyKey {
        self.db = Some(db);
        self
    }

    /// `REPLACE`: an existing destination is overwritten.
    pub fn replace(mut self) -> CopyKey {
        self.replace = true;
        self
    }

    /// Options are read in order, each error as it comes (a bad `DB` before a later
    /// unknown word is the `DB` error), as Redis reads them.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let from = args.next_bytes()?;
        let mut copy = CopyKey::new(from, args.next_bytes()?);
        while let Some(option) = args.next_keyword() {
            if option.is("REPLACE") {
                copy.replace = true;
            } else if option.is("DB") && !args.is_empty() {
                let db = parse_index(&args.next_bytes()?)?;
                database(db)?;
                copy.db = Some(db);
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::Copy(Box::new(copy)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let source = ctx.db.index();
        let target = match self.db.map_or(Ok(source), database) {
            Ok(target) => target,
            Err(error) => return error.into(),
        };
        if target == source && self.from == self.to {
            return Error::SameObject.into();
        }
        let Some(entry) = ctx.db.get(&self.from, &ctx.now).cloned() else {
            ctx.key_miss(&self.from);
            return Reply::Integer(0);
        };
        let occupied = ctx.in_database(target, |ctx| ctx.db.contains(&self.to, &ctx.now));
        if occupied && !self.replace {
            return Reply::Integer(0);
        }
        let mut digits = [0; 20];
        let logged: [&[u8]; 6] = [
            b"COPY",
            &self.from,
            &self.to,
            b"DB",
            index_arg(target, &mut digits),
            b"REPLACE",
        ];
        // REPLACE only if it replaced: what ran, not what was asked.
        ctx.log_effect(&logged[..if occupied { 6 } else { 5 }]);
        ctx.explicitly_logged(|ctx| {
            ctx.in_database(target, |ctx| {
                // Redis deletes the old destination silently, then adds the copy: `new`.
                ctx.db.remove(&self.to, &ctx.now);
                ctx.notify(notify::NEW, "new", &self.to);
                ctx.db
                    .insert(self.to.clone(), entry.value, entry.expires_at);
                ctx.blocking.signal(target, &self.to);
                ctx.touch(&self.to);
                ctx.notify(notify::GENERIC, "copy_to", &self.to);
            });
        });
        Reply::Integer(1)
    }
}

/// `SWAPDB index1 index2`: the two databases exchange their keys. Connections stay in the
/// database they selected, and see the other keys; watched keys that exist on either side
/// count as changed, and blocked reads look again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwapDb {
    first: i64,
    second: i64,
}

impl SwapDb {
    /// `SWAPDB first second`.
    ///
    /// ```
    /// use embedis::{cmd::SwapDb, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "from 0"]).unwrap();
    /// conn.run(SwapDb::new(0, 1)).unwrap();
    /// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::Nil);
    /// conn.call(["SELECT", "1"]).unwrap();
    /// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("from 0"));
    /// ```
    pub fn new(first: i64, second: i64) -> SwapDb {
        SwapDb { first, second }
    }

    /// Each index has its own error text, whether it is not an integer or outside 32 bits.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let first = parse_index(&args.next_bytes()?).map_err(|_| Error::InvalidFirstDbIndex)?;
        let second = parse_index(&args.next_bytes()?).map_err(|_| Error::InvalidSecondDbIndex)?;
        Ok(Command::SwapDb(SwapDb { first, second }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let (first, second) = match (database(self.first), database(self.second)) {
            (Ok(first), Ok(second)) => (first, second),
            (Err(error), _) | (_, Err(error)) => return error.into(),
        };
        ctx.count_changes(1);
        if first != second {
            ctx.swap_databases(first, second);
            let (mut first_digits, mut second_digits) = ([0; 20], [0; 20]);
            ctx.log_anywhere(&[
                &b"SWAPDB"[..],
                index_arg(first, &mut first_digits),
                index_arg(second, &mut second_digits),
            ]);
        }
        Reply::OK
    }
}
