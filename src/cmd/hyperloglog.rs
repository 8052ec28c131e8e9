//! HyperLogLog commands, as redis-server 7.0 has them: PFADD, PFCOUNT, PFMERGE, PFDEBUG
//! and PFSELFTEST. The representation and the estimator are `store/hyperloglog.rs`; an HLL
//! is a plain string value, edited in place.
//!
//! The append-only file: each write logs itself (`PFADD key elements...`, `PFMERGE ...`,
//! `PFCOUNT key` when it refreshed the cached cardinality, `PFDEBUG TODENSE key` when a
//! debug command converted the encoding), which replays to the same bytes; a 12 KB dense
//! HLL is not rewritten into the file at every PFADD.

use bytes::{Bytes, BytesMut};

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::store::hyperloglog::{self as hll, Corrupt, Encoding, REGISTERS};
use crate::{Error, HyperLogLogError, Reply};

impl From<Corrupt> for Error {
    fn from(_: Corrupt) -> Error {
        Error::HyperLogLog(HyperLogLogError::Corrupt)
    }
}

impl Ctx<'_> {
    /// Redis's `isHLLObjectOrReply` on the value at `key`: `Ok(None)` if missing, WRONGTYPE
    /// for another type or a string that is not an HLL. `read`: looked up as Redis's
    /// `lookupKeyRead` does (a missing key announces `keymiss`); otherwise for writing.
    fn hyperloglog(&mut self, key: &[u8], read: bool) -> Result<Option<(Bytes, Encoding)>, Error> {
        let value = if read {
            self.read_string(key)?
        } else {
            self.get_string(key)?
        };
        let Some(value) = value else {
            return Ok(None);
        };
        let encoding = hll::encoding_of(&value).ok_or(HyperLogLogError::NotHyperLogLog)?;
        Ok(Some((value, encoding)))
    }

    /// Edits the HLL at `key` in place (the caller has checked it is one, or that the key
    /// is missing: then a new empty HLL is created and announced).
    fn edit_hyperloglog<R>(
        &mut self,
        key: &Bytes,
        edit: impl FnOnce(&mut BytesMut) -> R,
    ) -> Result<R, Error> {
        self.edit_string(key, 0, |bytes| {
            if bytes.is_empty() {
                bytes.extend_from_slice(&hll::new_sparse());
            }
            edit(bytes)
        })
    }

    /// Signals and logs a write that replays as `argv`.
    fn hyperloglog_written<A: AsRef<[u8]>>(&mut self, key: &[u8], argv: &[A]) {
        if self.logging() {
            self.log_effect(argv);
        }
        self.explicitly_logged(|ctx| ctx.touch(key));
    }
}

/// `PFADD key [element ...]`: adds elements to the HLL at `key` (created if missing);
/// replies whether the estimate may have changed (or the key was created).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfAdd {
    key: Bytes,
    elements: Vec<Bytes>,
}

impl PfAdd {
    /// `PFADD key element...`.
    ///
    /// ```
    /// use embedis::{cmd::{PfAdd, PfCount}, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert!(conn.run(PfAdd::new("visitors", ["alice", "bob"])).unwrap());
    /// assert!(!conn.run(PfAdd::new("visitors", ["alice"])).unwrap());
    /// assert_eq!(conn.run(PfCount::new(["visitors"])).unwrap(), 2);
    /// ```
    pub fn new<E: IntoArg>(key: impl IntoArg, elements: impl IntoIterator<Item = E>) -> PfAdd {
        PfAdd {
            key: key.into_arg(),
            elements: elements.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::PfAdd(PfAdd {
            key,
            elements: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let created = match ctx.hyperloglog(&self.key, false) {
            Ok(found) => found.is_none(),
            Err(error) => return error.into(),
        };
        let added = ctx.edit_hyperloglog(&self.key, |bytes| {
            let mut grew = 0usize;
            for element in &self.elements {
                match hll::add(bytes, element) {
                    Ok(true) => grew += 1,
                    Ok(false) => {}
                    Err(corrupt) => return Err((corrupt, grew)),
                }
            }
            if created || grew > 0 {
                hll::invalidate_cache(bytes);
            }
            Ok(grew)
        });
        match added {
            Err(error) => error.into(),
            Ok(Ok(grew)) => {
                if created || grew > 0 {
                    let mut argv: Vec<&[u8]> = vec![b"PFADD", &self.key];
                    argv.extend(self.elements.iter().map(|element| &element[..]));
                    ctx.hyperloglog_written(&self.key, &argv);
                    // The creation and every raised register count (redis-server's `dirty`).
                    ctx.count_elements(usize::from(created) + grew);
                    ctx.notify(notify::STRING, "pfadd", &self.key);
                }
                Reply::Integer(i64::from(created || grew > 0))
            }
            Ok(Err((corrupt, grew))) => {
                // Redis keeps the registers it raised before it met the corruption; the
                // file gets the whole resulting value.
                if grew > 0 {
                    // redis-server counts no change for a command that fails.
                    ctx.signal_modified(&self.key);
                }
                Error::from(corrupt).into()
            }
        }
    }
}

/// `PFCOUNT key [key ...]`: the estimated number of distinct elements added to one HLL, or
/// to the union of several (missing keys are empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfCount {
    pub(crate) keys: Vec<Bytes>,
}

impl PfCount {
    /// `PFCOUNT key...`.
    ///
    /// ```
    /// use embedis::{cmd::{PfAdd, PfCount}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(PfAdd::new("monday", ["alice", "bob"])).unwrap();
    /// conn.run(PfAdd::new("tuesday", ["bob", "carol"])).unwrap();
    /// assert_eq!(conn.run(PfCount::new(["monday", "tuesday"])).unwrap(), 3);
    /// ```
    pub fn new<K: IntoArg>(keys: impl IntoIterator<Item = K>) -> PfCount {
        PfCount {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::PfCount(PfCount { keys: args.rest() }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match &self.keys[..] {
            [key] => PfCount::single(ctx, key),
            keys => PfCount::union(ctx, keys),
        }
        .into()
    }

    /// One key: the cached cardinality, or a fresh count cached in the value (a write:
    /// WATCH sees it, the file replays it).
    fn single(ctx: &mut Ctx, key: &Bytes) -> Result<Reply, Error> {
        let Some((value, _)) = ctx.hyperloglog(key, false)? else {
            return Ok(Reply::Integer(0));
        };
        if let Some(card) = hll::cached_cardinality(&value) {
            return Ok(Reply::Integer(card as i64));
        }
        let card = hll::count(&value)?;
        drop(value);
        ctx.edit_hyperloglog(key, |bytes| hll::store_cardinality(bytes, card))?;
        ctx.hyperloglog_written(key, &[&b"PFCOUNT"[..], key]);
        Ok(Reply::Integer(card as i64))
    }

    /// Several keys: the count of the union of their registers; nothing is cached.
    fn union(ctx: &mut Ctx, keys: &[Bytes]) -> Result<Reply, Error> {
        let mut max = Box::new([0u8; REGISTERS]);
        for key in keys {
            if let Some((value, _)) = ctx.hyperloglog(key, true)? {
                hll::merge_into(&mut max, &value)?;
            }
        }
        Ok(Reply::Integer(hll::count_registers(&max) as i64))
    }
}

/// `PFMERGE destkey [sourcekey ...]`: the destination becomes the union of itself and the
/// sources (created if missing; dense if any input is dense).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfMerge {
    destination: Bytes,
    sources: Vec<Bytes>,
}

impl PfMerge {
    /// `PFMERGE destination source...`.
    ///
    /// ```
    /// use embedis::{cmd::{PfAdd, PfCount, PfMerge}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(PfAdd::new("monday", ["alice", "bob"])).unwrap();
    /// conn.run(PfAdd::new("tuesday", ["bob", "carol"])).unwrap();
    /// conn.run(PfMerge::new("week", ["monday", "tuesday"])).unwrap();
    /// assert_eq!(conn.run(PfCount::new(["week"])).unwrap(), 3);
    /// ```
    pub fn new<K: IntoArg>(
        destination: impl IntoArg,
        sources: impl IntoIterator<Item = K>,
    ) -> PfMerge {
        PfMerge {
            destination: destination.into_arg(),
            sources: sources.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let destination = args.next_bytes()?;
        Ok(Command::PfMerge(PfMerge {
            destination,
            sources: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        self.merge(ctx).into()
    }

    fn merge(&self, ctx: &mut Ctx) -> Result<Reply, Error> {
        // The destination counts as an input too, looked up first.
        let mut max = Box::new([0u8; REGISTERS]);
        let mut any_dense = false;
        for key in std::iter::once(&self.destination).chain(&self.sources) {
            if let Some((value, encoding)) = ctx.hyperloglog(key, true)? {
                any_dense |= encoding == Encoding::Dense;
                hll::merge_into(&mut max, &value)?;
            }
        }
        ctx.edit_hyperloglog(&self.destination, |bytes| {
            if any_dense {
                hll::to_dense(bytes)?;
            }
            for (index, &count) in max.iter().enumerate() {
                if count > 0 {
                    hll::set_register_at_least(bytes, index, count)?;
                }
            }
            hll::invalidate_cache(bytes);
            Ok::<(), Corrupt>(())
        })??;
        let mut argv: Vec<&[u8]> = vec![b"PFMERGE", &self.destination];
        argv.extend(self.sources.iter().map(|source| &source[..]));
        ctx.hyperloglog_written(&self.destination, &argv);
        ctx.notify(notify::STRING, "pfadd", &self.destination);
        Ok(Reply::OK)
    }
}

/// `PFDEBUG subcommand key`: Redis's internal view of an HLL. `GETREG` (every register;
/// converts a sparse HLL to dense), `DECODE` (a sparse HLL's opcodes), `ENCODING`,
/// `TODENSE` (converts; replies whether it did).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfDebug {
    subcommand: Bytes,
    key: Bytes,
}

impl PfDebug {
    /// `PFDEBUG subcommand key`.
    ///
    /// ```
    /// use embedis::{cmd::{PfAdd, PfDebug}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(PfAdd::new("hll", ["a"])).unwrap();
    /// assert_eq!(conn.run(PfDebug::new("ENCODING", "hll")).unwrap(), Reply::status("sparse"));
    /// assert_eq!(conn.run(PfDebug::new("TODENSE", "hll")).unwrap(), Reply::Integer(1));
    /// assert_eq!(conn.run(PfDebug::new("ENCODING", "hll")).unwrap(), Reply::status("dense"));
    /// ```
    pub fn new(subcommand: impl IntoArg, key: impl IntoArg) -> PfDebug {
        PfDebug {
            subcommand: subcommand.into_arg(),
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let subcommand = args.next_bytes()?;
        let key = args.next_bytes()?;
        Ok(Command::PfDebug(PfDebug { subcommand, key }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        self.run(ctx).into()
    }

    fn run(&self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let name = String::from_utf8_lossy(&self.subcommand).into_owned();
        let (value, encoding) = ctx
            .hyperloglog(&self.key, false)?
            .ok_or(HyperLogLogError::NoSuchKey)?;
        let sub = self.subcommand.to_ascii_lowercase();
        match &sub[..] {
            b"getreg" => {
                drop(value);
                self.densify(ctx, encoding)?;
                let value = ctx.get_string(&self.key)?.unwrap_or_default();
                Ok(Reply::Array(
                    hll::registers(&value)
                        .into_iter()
                        .map(|register| Reply::Integer(i64::from(register)))
                        .collect(),
                ))
            }
            b"decode" => {
                if encoding != Encoding::Sparse {
                    return Err(HyperLogLogError::NotSparse.into());
                }
                Ok(Reply::Bulk(hll::decode_sparse(&value).into()))
            }
            b"encoding" => Ok(Reply::status(encoding.name())),
            b"todense" => {
                drop(value);
                Ok(Reply::Integer(i64::from(self.densify(ctx, encoding)?)))
            }
            _ => Err(HyperLogLogError::UnknownDebugSubcommand(name).into()),
        }
    }

    /// Converts a sparse HLL to dense in place; whether it did. Redis does not signal the
    /// key (WATCH does not see it) but propagates the change.
    fn densify(&self, ctx: &mut Ctx, encoding: Encoding) -> Result<bool, Error> {
        if encoding == Encoding::Dense {
            return Ok(false);
        }
        ctx.edit_hyperloglog(&self.key, hll::to_dense)??;
        if ctx.logging() {
            ctx.log_effect(&[&b"PFDEBUG"[..], b"TODENSE", &self.key]);
        }
        ctx.count_changes(1);
        Ok(true)
    }
}

/// `PFSELFTEST`: checks the HLL implementation against itself (register packing, sparse
/// against dense, the estimate's error) and replies `OK`, or an error naming what failed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PfSelfTest;

impl PfSelfTest {
    /// `PFSELFTEST`.
    ///
    /// ```
    /// use embedis::{cmd::PfSelfTest, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(PfSelfTest::new()).unwrap();
    /// ```
    pub fn new() -> PfSelfTest {
        PfSelfTest
    }

    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::PfSelfTest(PfSelfTest))
    }

    pub(crate) fn apply(self, _: &mut Ctx) -> Reply {
        match hll::self_test() {
            Ok(()) => Reply::OK,
            Err(failure) => Error::HyperLogLog(HyperLogLogError::SelfTest(failure)).into(),
        }
    }
}
