//! Generic key commands: DEL, UNLINK, EXISTS, TYPE, RENAME, RENAMENX, KEYS, SCAN, DBSIZE,
//! FLUSHALL, FLUSHDB.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::databases::DATABASES;
use crate::exec::notify;
use crate::store::c_string::keyword_is;
use crate::store::glob::Glob;
use crate::store::number::{parse_i64, parse_scan_cursor};
use crate::{Error, Reply};

/// `DEL key [key ...]` and `UNLINK key [key ...]`: removes keys, replies how many existed.
/// (UNLINK frees memory in the background on Redis; here freeing is always immediate, so
/// the two are equal: the name they were given as only shows in errors that quote it.)
#[derive(Debug, Clone)]
pub struct Del {
    keys: Vec<Bytes>,
    unlink: bool,
}

impl PartialEq for Del {
    fn eq(&self, other: &Del) -> bool {
        self.keys == other.keys
    }
}

impl Eq for Del {}

impl Del {
    /// `DEL key [key ...]`.
    ///
    /// ```
    /// use embedis::{cmd::Del, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "a", "1"]).unwrap();
    /// assert_eq!(conn.run(Del::new(["a", "b"])).unwrap(), 1);
    /// ```
    pub fn new<K: IntoArg>(keys: impl IntoIterator<Item = K>) -> Del {
        Del {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            unlink: false,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Del::parse_as(args, false)
    }

    pub(crate) fn parse_unlink(args: &mut Args) -> Result<Command, Error> {
        Del::parse_as(args, true)
    }

    fn parse_as(args: &mut Args, unlink: bool) -> Result<Command, Error> {
        let keys = args.rest();
        Ok(Command::Del(Del { keys, unlink }))
    }

    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        if self.unlink {
            "unlink"
        } else {
            "del"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let mut removed = 0;
        for key in &self.keys {
            if ctx.delete(key) {
                removed += 1;
                ctx.notify(notify::GENERIC, "del", key);
            }
        }
        Reply::Integer(removed)
    }
}

/// `EXISTS key [key ...]`: how many of the keys exist (a key named twice counts twice).
/// `TOUCH key [key ...]` replies the same (it also refreshes LRU times on redis-server,
/// which has no counterpart here: nothing is evicted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exists {
    pub(crate) keys: Vec<Bytes>,
    touch: bool,
}

impl Exists {
    /// `EXISTS key [key ...]`.
    ///
    /// ```
    /// use embedis::{cmd::Exists, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "a", "1"]).unwrap();
    /// assert_eq!(conn.run(Exists::new(["a", "a", "b"])).unwrap(), 2);
    /// ```
    pub fn new<K: IntoArg>(keys: impl IntoIterator<Item = K>) -> Exists {
        Exists {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            touch: false,
        }
    }

    /// `TOUCH key [key ...]`.
    ///
    /// ```
    /// use embedis::{cmd::Exists, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "a", "1"]).unwrap();
    /// assert_eq!(conn.run(Exists::touch(["a", "b"])).unwrap(), 1);
    /// ```
    pub fn touch<K: IntoArg>(keys: impl IntoIterator<Item = K>) -> Exists {
        Exists {
            touch: true,
            ..Exists::new(keys)
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Exists(Exists::new(args.rest())))
    }

    pub(crate) fn parse_touch(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Exists(Exists::touch(args.rest())))
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.touch {
            "touch"
        } else {
            "exists"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now = ctx.now_ms();
        let mut count = 0;
        for key in &self.keys {
            if ctx.db.contains(key, now) {
                count += 1;
            } else {
                ctx.key_miss(key);
            }
        }
        Reply::Integer(count)
    }
}

/// `TYPE key`: `string`, ..., or `none`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Type {
    pub(crate) key: Bytes,
}

impl Type {
    /// `TYPE key`.
    ///
    /// ```
    /// use embedis::{cmd::Type, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Type::new("missing")).unwrap(), "none");
    /// ```
    pub fn new(key: impl IntoArg) -> Type {
        Type {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Type(Type::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now = ctx.now_ms();
        let name = ctx
            .db
            .get(&self.key, now)
            .map(|entry| entry.value.type_name());
        if name.is_none() {
            ctx.key_miss(&self.key);
        }
        Reply::status(name.unwrap_or("none"))
    }
}

/// `RENAME key newkey` and `RENAMENX key newkey`: moves a key with its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    from: Bytes,
    to: Bytes,
    only_if_missing: bool,
}

impl Rename {
    /// `RENAME key newkey`.
    ///
    /// ```
    /// use embedis::{cmd::Rename, Engine, Error};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Rename::new("nope", "b")).unwrap_err(), Error::NoSuchKey);
    /// ```
    pub fn new(from: impl IntoArg, to: impl IntoArg) -> Rename {
        Rename {
            from: from.into_arg(),
            to: to.into_arg(),
            only_if_missing: false,
        }
    }

    /// `RENAMENX key newkey` (replies whether it renamed).
    ///
    /// ```
    /// use embedis::cmd::{Command, Rename};
    /// assert_eq!(Command::from_argv(["RENAMENX", "a", "b"]).unwrap(), Rename::nx("a", "b").into());
    /// ```
    pub fn nx(from: impl IntoArg, to: impl IntoArg) -> RenameNx {
        RenameNx(Rename {
            only_if_missing: true,
            ..Rename::new(from, to)
        })
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let from = args.next_bytes()?;
        Ok(Command::Rename(Rename::new(from, args.next_bytes()?)))
    }

    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        if self.only_if_missing {
            "renamenx"
        } else {
            "rename"
        }
    }

    pub(crate) fn parse_renamenx(args: &mut Args) -> Result<Command, Error> {
        let from = args.next_bytes()?;
        Ok(Command::Rename(Rename::nx(from, args.next_bytes()?).0))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now = ctx.now_ms();
        if !ctx.db.contains(&self.from, now) {
            return Error::NoSuchKey.into();
        }
        if self.from == self.to {
            return if self.only_if_missing {
                Reply::Integer(0)
            } else {
                Reply::OK
            };
        }
        if self.only_if_missing && ctx.db.contains(&self.to, now) {
            return Reply::Integer(0);
        }
        // One RENAME redoes it, whatever the key's type (the generic per-key logging only
        // knows strings).
        ctx.log_effect(&[b"RENAME" as &[u8], &self.from, &self.to]);
        ctx.explicitly_logged(|ctx| self.rename(ctx, now))
    }

    fn rename(self, ctx: &mut Ctx, now: u64) -> Reply {
        let Some(entry) = ctx.db.remove(&self.from, now) else {
            return Error::NoSuchKey.into();
        };
        // Redis deletes the target silently (no signal: the rename signals both names
        // below, source first), then adds it anew: `new`, then the rename.
        ctx.db.remove(&self.to, now);
        ctx.notify(notify::NEW, "new", &self.to);
        ctx.db
            .insert(self.to.clone(), entry.value, entry.expires_at);
        ctx.blocking.signal(ctx.db.index(), &self.from);
        ctx.blocking.signal(ctx.db.index(), &self.to);
        // One change, as redis-server counts a rename.
        ctx.touch(&self.from);
        ctx.signal_modified(&self.to);
        ctx.notify(notify::GENERIC, "rename_from", &self.from);
        ctx.notify(notify::GENERIC, "rename_to", &self.to);
        if self.only_if_missing {
            Reply::Integer(1)
        } else {
            Reply::OK
        }
    }
}

/// `RENAMENX`: a [`Rename`] that replies whether it renamed.
///
/// ```
/// use embedis::{cmd::Rename, Engine};
/// let mut conn = Engine::new().connect();
/// conn.call(["MSET", "a", "1", "b", "2"]).unwrap();
/// assert!(!conn.run(Rename::nx("a", "b")).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameNx(pub(crate) Rename);

/// `KEYS pattern`: every live key matching the glob `pattern`, in no particular order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pattern: Bytes,
}

impl Keys {
    /// `KEYS pattern`.
    ///
    /// ```
    /// use embedis::{cmd::Keys, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["MSET", "user:1", "a", "order:1", "b"]).unwrap();
    /// assert_eq!(conn.run(Keys::new("user:*")).unwrap(), vec![bytes::Bytes::from("user:1")]);
    /// ```
    pub fn new(pattern: impl IntoArg) -> Keys {
        Keys {
            pattern: pattern.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Keys(Keys::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let glob = Glob::new(&self.pattern);
        let now = ctx.now_ms();
        let keys = ctx
            .db
            .iter()
            .filter(|(_, entry)| entry.expires_at.is_none_or(|deadline| deadline > now))
            .filter(|(key, _)| glob.matches(key))
            .map(|(key, _)| Reply::Bulk(key.clone()))
            .collect();
        Reply::Array(keys)
    }
}

/// `SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]`: iterates the keyspace in pages.
///
/// The guarantee is Redis's: a key present from the start to the end of a full iteration
/// is returned at least once; the cursor is 0 again when the iteration is over. Cursor
/// values and page boundaries differ from redis-server's (see README).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    cursor: u64,
    pattern: Option<Bytes>,
    count: usize,
    type_name: Option<Bytes>,
}

impl Scan {
    /// `SCAN cursor` with Redis's default COUNT of 10.
    ///
    /// ```
    /// use embedis::{cmd::Scan, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["MSET", "a", "1", "b", "2"]).unwrap();
    /// let (cursor, keys) = conn.run(Scan::new(0).count(100)).unwrap();
    /// assert_eq!((cursor, keys.len()), (0, 2));
    /// ```
    pub fn new(cursor: u64) -> Scan {
        Scan {
            cursor,
            pattern: None,
            count: 10,
            type_name: None,
        }
    }

    /// `MATCH pattern`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Scan};
    /// assert_eq!(Command::from_argv(["SCAN", "0", "MATCH", "user:*"]).unwrap(), Scan::new(0).pattern("user:*").into());
    /// ```
    pub fn pattern(mut self, pattern: impl IntoArg) -> Scan {
        self.pattern = Some(pattern.into_arg());
        self
    }

    /// `COUNT count`: how many keys to look at per call.
    ///
    /// ```
    /// use embedis::cmd::{Command, Scan};
    /// assert_eq!(Command::from_argv(["SCAN", "0", "COUNT", "100"]).unwrap(), Scan::new(0).count(100).into());
    /// ```
    pub fn count(mut self, count: usize) -> Scan {
        self.count = count.max(1);
        self
    }

    /// `TYPE type`: only keys of this type (`string`, ...).
    ///
    /// ```
    /// use embedis::cmd::{Command, Scan};
    /// assert_eq!(Command::from_argv(["SCAN", "0", "TYPE", "string"]).unwrap(), Scan::new(0).type_name("string").into());
    /// ```
    pub fn type_name(mut self, type_name: impl IntoArg) -> Scan {
        self.type_name = Some(type_name.into_arg());
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let cursor = args.next_bytes()?;
        let cursor = parse_scan_cursor(&cursor).ok_or(Error::InvalidCursor)?;
        let mut scan = Scan::new(cursor);
        while let Some(option) = args.next_keyword() {
            if option.is("COUNT") {
                let count = parse_i64(&args.next_bytes()?).ok_or(Error::NotInteger)?;
                if count < 1 {
                    return Err(Error::Syntax);
                }
                scan.count = usize::try_from(count).unwrap_or(usize::MAX);
            } else if option.is("MATCH") {
                scan.pattern = Some(args.next_bytes()?);
            } else if option.is("TYPE") {
                scan.type_name = Some(args.next_bytes()?);
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::Scan(scan))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let (next_cursor, page) = ctx.db.scan_page(self.cursor, self.count);
        let glob = self.pattern.as_deref().map(Glob::new);
        let now = ctx.now_ms();
        let mut keys = Vec::new();
        for key in page {
            // Lazily expire what the page touched, as Redis's SCAN does.
            let Some(entry) = ctx.db.get(&key, now) else {
                continue;
            };
            // Redis compares type names case-insensitively (`TYPE STRING` works).
            if let Some(wanted) = &self.type_name
                && !keyword_is(wanted, entry.value.type_name())
            {
                continue;
            }
            if glob.as_ref().is_some_and(|glob| !glob.matches(&key)) {
                continue;
            }
            keys.push(Reply::Bulk(key));
        }
        Reply::Array(vec![
            Reply::Bulk(Bytes::from(next_cursor.to_string())),
            Reply::Array(keys),
        ])
    }
}

/// `DBSIZE`: the number of keys (keys past their deadline count until removed, as in Redis).
///
/// ```
/// use embedis::cmd::{Command, DbSize};
/// assert_eq!(Command::from_argv(["DBSIZE"]).unwrap(), DbSize.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DbSize;

impl DbSize {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::DbSize(DbSize))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        Reply::Integer(ctx.db.len() as i64)
    }
}

/// `RANDOMKEY`: a key picked at random from the selected database, or nil when it holds
/// none. A key found expired on the way is removed and another picked, as Redis does.
/// O(n) in the number of keys (the keyspace is a hash map without positional access).
///
/// ```
/// use embedis::{cmd::RandomKey, Engine};
/// let mut conn = Engine::new().connect();
/// assert_eq!(conn.run(RandomKey::new()).unwrap(), None);
/// conn.call(["SET", "only", "1"]).unwrap();
/// assert_eq!(conn.run(RandomKey::new()).unwrap().as_deref(), Some(&b"only"[..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RandomKey;

impl RandomKey {
    /// `RANDOMKEY`.
    pub fn new() -> RandomKey {
        RandomKey
    }

    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::RandomKey(RandomKey))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        while let Some(key) = ctx.db.random_stored_key() {
            if ctx.db.contains(&key, &ctx.now) {
                return Reply::Bulk(key);
            }
        }
        Reply::Nil
    }
}

/// `FLUSHALL [ASYNC | SYNC]` removes every key of every database; `FLUSHDB [ASYNC | SYNC]`
/// every key of the selected one. Both free at once (there is no background thread to
/// hand ASYNC to).
///
/// ```
/// use embedis::cmd::{Command, Flush};
/// assert_eq!(Command::from_argv(["FLUSHALL", "ASYNC"]).unwrap(), Flush::all().into());
/// assert_eq!(Command::from_argv(["FLUSHDB"]).unwrap(), Flush::db().into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Flush {
    db_only: bool,
}

impl Flush {
    /// `FLUSHALL`.
    ///
    /// ```
    /// use embedis::{cmd::Flush, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// conn.run(Flush::all()).unwrap();
    /// assert_eq!(conn.call(["DBSIZE"]).unwrap(), embedis::Reply::Integer(0));
    /// ```
    pub fn all() -> Flush {
        Flush { db_only: false }
    }

    /// `FLUSHDB`.
    ///
    /// ```
    /// use embedis::{cmd::Flush, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// conn.run(Flush::db()).unwrap();
    /// assert_eq!(conn.call(["DBSIZE"]).unwrap(), embedis::Reply::Integer(0));
    /// ```
    pub fn db() -> Flush {
        Flush { db_only: true }
    }

    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        if self.db_only {
            "flushdb"
        } else {
            "flushall"
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Flush::parse_scope(args, false)
    }

    pub(crate) fn parse_flushdb(args: &mut Args) -> Result<Command, Error> {
        Flush::parse_scope(args, true)
    }

    fn parse_scope(args: &mut Args, db_only: bool) -> Result<Command, Error> {
        if let Some(mode) = args.next_keyword()
            && !(mode.is("ASYNC") || mode.is("SYNC"))
        {
            return Err(Error::Syntax);
        }
        args.finish()?;
        Ok(Command::Flush(Flush { db_only }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.db_only {
            ctx.log_effect(&["FLUSHDB"]);
            flush_active(ctx);
        } else {
            ctx.log_anywhere(&["FLUSHALL"]);
            for index in 0..DATABASES {
                ctx.databases.activate(ctx.db, index);
                flush_active(ctx);
            }
            ctx.databases.activate(ctx.db, ctx.session.db);
            // With `save` points, redis-server saves the emptied dataset at once, so that
            // a restart does not bring the flushed keys back from the last snapshot.
            if ctx.saves.is_active() && ctx.snapshots.is_some() {
                let _ = super::snapshot::save_now(ctx);
            }
        }
        // Cached keys are names in no database: any flush invalidates them all.
        if !ctx.tracking.is_idle() {
            ctx.tracking.flushed(Some(ctx.session.id));
            ctx.send_tracking_now();
        }
        Reply::OK
    }
}

/// Empties the active database; its watched keys count as changed, and readers blocked on
/// its keys are woken (to find them gone).
fn flush_active(ctx: &mut Ctx) {
    let index = ctx.db.index();
    let removed = ctx.db.clear();
    ctx.count_changes(removed.len());
    for key in removed {
        ctx.blocking.signal(index, &key);
        if !ctx.watches.is_empty() {
            ctx.watches.touch(index, &key, false);
        }
    }
}
