//! Set commands, as redis-server 7.0 has them: SADD, SREM, SMEMBERS, SISMEMBER, SMISMEMBER,
//! SCARD, SPOP, SRANDMEMBER, SMOVE, SINTER, SUNION, SDIFF and their STORE forms,
//! SINTERCARD, SSCAN.
//!
//! Replies that list members are RESP3 sets (`~`), as redis-server sends them; an integer
//! set lists its members sorted (see `store/set.rs`).
//!
//! The append-only file: SADD and SREM log themselves; SPOP and SMOVE log the members they
//! moved (`SREM`, `SADD`), so replay never draws again; a STORE logs the resulting set
//! (`DEL` then `SADD`), or `DEL` when it is empty.

use bytes::Bytes;

use super::argv::Args;
use super::collection_scan::ScanArgs;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::store::c_string::keyword_is;
use crate::store::number::parse_i64;
use crate::store::random;
use crate::store::set::Set;
use crate::store::value::Value;
use crate::{Error, ListError, Reply};

impl Ctx<'_> {
    /// The set at `key` for a write: `Ok(None)` if missing, WRONGTYPE for another type.
    fn set(&mut self, key: &[u8]) -> Result<Option<&mut Set>, Error> {
        self.value_as(key, Value::set_mut)
    }

    /// The set at `key` for a command that reads it (a missing key is announced).
    fn read_set(&mut self, key: &[u8]) -> Result<Option<&Set>, Error> {
        self.read_value_as(key, Value::set_mut)
    }

    /// The set at `key`, created empty (announcing the new key) if missing.
    fn set_or_create(&mut self, key: &Bytes) -> Result<&mut Set, Error> {
        self.value_as_or_create(key, Value::set_mut, || Value::Set(Box::default()))
    }

    /// After a set changed: logged as `argv`, seen by WATCH, `event` announced; the key
    /// goes (with `del`) if the set is empty now.
    fn set_written<A: AsRef<[u8]>>(&mut self, key: &[u8], event: &str, argv: &[A]) {
        let emptied = matches!(self.set(key), Ok(Some(set)) if set.is_empty());
        if emptied {
            self.db.remove(key, &self.now);
        }
        if self.logging() {
            self.log_effect(argv);
        }
        self.blocking.signal(self.db.index(), key);
        self.explicitly_logged(|ctx| ctx.touch(key));
        self.notify(notify::SET, event, key);
        if emptied {
            self.notify(notify::GENERIC, "del", key);
        }
    }
}

/// `NAME key member ...` as an argv for the log.
fn argv_of<'a>(name: &'a [u8], key: &'a [u8], members: &'a [Bytes]) -> Vec<&'a [u8]> {
    let mut argv = Vec::with_capacity(2 + members.len());
    argv.extend([name, key]);
    argv.extend(members.iter().map(|member| &member[..]));
    argv
}

/// Members as a RESP3 set (an array in RESP2).
fn set_reply<'a>(members: impl IntoIterator<Item = &'a Bytes>) -> Reply {
    Reply::Set(members.into_iter().cloned().map(Reply::Bulk).collect())
}

/// `SADD key member ...` / `SREM key member ...`: replies how many were added / removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SAdd {
    key: Bytes,
    members: Vec<Bytes>,
    remove: bool,
}

impl SAdd {
    /// `SADD key member ...`.
    ///
    /// ```
    /// use embedis::{cmd::SAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(SAdd::new("tags", ["rust", "redis", "rust"])).unwrap(), 2);
    /// ```
    pub fn new<I>(key: impl IntoArg, members: I) -> SAdd
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SAdd {
            key: key.into_arg(),
            members: members.into_iter().map(IntoArg::into_arg).collect(),
            remove: false,
        }
    }

    /// `SREM key member ...`.
    ///
    /// ```
    /// use embedis::{cmd::SAdd, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(SAdd::new("tags", ["a", "b"])).unwrap();
    /// assert_eq!(conn.run(SAdd::remove("tags", ["a", "zz"])).unwrap(), 1);
    /// ```
    pub fn remove<I>(key: impl IntoArg, members: I) -> SAdd
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SAdd {
            remove: true,
            ..SAdd::new(key, members)
        }
    }

    fn parse_with(args: &mut Args, remove: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::SAdd(SAdd {
            key,
            members: args.rest(),
            remove,
        }))
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        SAdd::parse_with(args, false)
    }

    pub(crate) fn parse_srem(args: &mut Args) -> Result<Command, Error> {
        SAdd::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.remove {
            "srem"
        } else {
            "sadd"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let changed = if self.remove {
            match ctx.set(&self.key) {
                Err(error) => return error.into(),
                Ok(None) => 0,
                Ok(Some(set)) => self.members.iter().filter(|m| set.remove(m)).count(),
            }
        } else {
            match ctx.set_or_create(&self.key) {
                Err(error) => return error.into(),
                Ok(set) => self
                    .members
                    .iter()
                    .filter(|m| set.insert((*m).clone()))
                    .count(),
            }
        };
        if changed > 0 {
            let (name, event): (&[u8], &str) = if self.remove {
                (b"SREM", "srem")
            } else {
                (b"SADD", "sadd")
            };
            ctx.set_written(&self.key, event, &argv_of(name, &self.key, &self.members));
            ctx.count_elements(changed);
        }
        Reply::Integer(changed as i64)
    }
}

/// `SMEMBERS key`, `SCARD key`, `SISMEMBER key member`, `SMISMEMBER key member ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SRead {
    pub(crate) key: Bytes,
    what: Read,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Read {
    Members,
    Card,
    IsMember(Bytes),
    AreMembers(Vec<Bytes>),
}

impl SRead {
    /// `SMEMBERS key`.
    ///
    /// ```
    /// use embedis::{cmd::SRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "3", "1", "2"]).unwrap();
    /// assert_eq!(conn.run(SRead::members("s")).unwrap(), Reply::Set(["1", "2", "3"].map(Reply::bulk).to_vec()));
    /// ```
    pub fn members(key: impl IntoArg) -> SRead {
        SRead {
            key: key.into_arg(),
            what: Read::Members,
        }
    }

    /// `SCARD key`.
    ///
    /// ```
    /// use embedis::{cmd::SRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "a", "b"]).unwrap();
    /// assert_eq!(conn.run(SRead::card("s")).unwrap(), Reply::Integer(2));
    /// ```
    pub fn card(key: impl IntoArg) -> SRead {
        SRead {
            key: key.into_arg(),
            what: Read::Card,
        }
    }

    /// `SISMEMBER key member`.
    ///
    /// ```
    /// use embedis::{cmd::SRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "a"]).unwrap();
    /// assert_eq!(conn.run(SRead::is_member("s", "a")).unwrap(), Reply::Integer(1));
    /// ```
    pub fn is_member(key: impl IntoArg, member: impl IntoArg) -> SRead {
        SRead {
            key: key.into_arg(),
            what: Read::IsMember(member.into_arg()),
        }
    }

    /// `SMISMEMBER key member ...`.
    ///
    /// ```
    /// use embedis::{cmd::SRead, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "a"]).unwrap();
    /// assert_eq!(conn.run(SRead::are_members("s", ["a", "b"])).unwrap(), Reply::Array(vec![Reply::Integer(1), Reply::Integer(0)]));
    /// ```
    pub fn are_members<I>(key: impl IntoArg, members: I) -> SRead
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SRead {
            key: key.into_arg(),
            what: Read::AreMembers(members.into_iter().map(IntoArg::into_arg).collect()),
        }
    }

    pub(crate) fn parse_smembers(args: &mut Args) -> Result<Command, Error> {
        Ok(SRead::members(args.next_bytes()?).into())
    }

    pub(crate) fn parse_scard(args: &mut Args) -> Result<Command, Error> {
        Ok(SRead::card(args.next_bytes()?).into())
    }

    pub(crate) fn parse_sismember(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(SRead::is_member(key, args.next_bytes()?).into())
    }

    pub(crate) fn parse_smismember(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(SRead::are_members(key, args.rest()).into())
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.what {
            Read::Members => "smembers",
            Read::Card => "scard",
            Read::IsMember(_) => "sismember",
            Read::AreMembers(_) => "smismember",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let set = match ctx.read_set(&self.key) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        let has = |member: &[u8]| i64::from(set.is_some_and(|set| set.contains(member)));
        match &self.what {
            Read::Members => set_reply(set.map(Set::members).unwrap_or_default()),
            Read::Card => Reply::Integer(set.map_or(0, |set| set.len() as i64)),
            Read::IsMember(member) => Reply::Integer(has(member)),
            Read::AreMembers(members) => {
                Reply::Array(members.iter().map(|m| Reply::Integer(has(m))).collect())
            }
        }
    }
}

/// `SPOP key [count]` and `SRANDMEMBER key [count]`: random members, removed by SPOP.
/// SRANDMEMBER's count may be negative (repetitions); SPOP's may not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SRandom {
    pub(crate) key: Bytes,
    count: Option<i64>,
    pop: bool,
}

impl SRandom {
    /// `SPOP key` (`pop`) or `SRANDMEMBER key`.
    ///
    /// ```
    /// use embedis::{cmd::SRandom, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "only"]).unwrap();
    /// assert_eq!(conn.run(SRandom::new("s", false)).unwrap(), Reply::bulk("only"));
    /// assert_eq!(conn.run(SRandom::new("s", true)).unwrap(), Reply::bulk("only"));
    /// ```
    pub fn new(key: impl IntoArg, pop: bool) -> SRandom {
        SRandom {
            key: key.into_arg(),
            count: None,
            pop,
        }
    }

    /// `count` (SPOP: a negative count pops nothing).
    ///
    /// ```
    /// use embedis::{cmd::SRandom, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "a"]).unwrap();
    /// assert_eq!(conn.run(SRandom::new("s", false).count(-2)).unwrap(), Reply::Array(vec![Reply::bulk("a"); 2]));
    /// ```
    pub fn count(mut self, count: i64) -> SRandom {
        self.count = Some(if self.pop { count.max(0) } else { count });
        self
    }

    fn parse_with(args: &mut Args, pop: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        if args.remaining() > 1 {
            return Err(Error::Syntax);
        }
        let count = match args.next() {
            None => None,
            Some(count) if pop => Some(
                parse_i64(&count)
                    .filter(|n| *n >= 0)
                    .ok_or(Error::MustBePositive)?,
            ),
            Some(count) => {
                let count = parse_i64(&count).ok_or(Error::NotInteger)?;
                if count == i64::MIN {
                    return Err(Error::CountOutOfRange);
                }
                Some(count)
            }
        };
        Ok(Command::SRandom(SRandom { key, count, pop }))
    }

    pub(crate) fn parse_spop(args: &mut Args) -> Result<Command, Error> {
        SRandom::parse_with(args, true)
    }

    pub(crate) fn parse_srandmember(args: &mut Args) -> Result<Command, Error> {
        SRandom::parse_with(args, false)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.pop {
            "spop"
        } else {
            "srandmember"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let found = if self.pop {
            ctx.set(&self.key).map(|set| set.map(|set| &*set))
        } else {
            ctx.read_set(&self.key)
        };
        let set = match found {
            Err(error) => return error.into(),
            Ok(None) if self.count.is_none() => return Reply::Nil,
            // SPOP answers a set, SRANDMEMBER an array.
            Ok(None) if self.pop => return Reply::Set(Vec::new()),
            Ok(None) => return Reply::Array(Vec::new()),
            Ok(Some(set)) => set,
        };
        let members = set.members();
        let count = self.count.unwrap_or(1);
        let Some(positions) = random::picks(members.len(), count) else {
            return Error::OutOfRange.into();
        };
        let picked: Vec<Bytes> = positions
            .into_iter()
            .filter_map(|at| members.get(at).map(|member| (*member).clone()))
            .collect();
        if self.pop && !picked.is_empty() {
            if let Ok(Some(set)) = ctx.set(&self.key) {
                for member in &picked {
                    set.remove(member);
                }
            }
            ctx.set_written(&self.key, "spop", &argv_of(b"SREM", &self.key, &picked));
            ctx.count_elements(picked.len());
        }
        match (self.count, self.pop) {
            (None, _) => Reply::optional(picked.into_iter().next()),
            (Some(_), true) => {
                // redis-server gathers the popped members into a new set, an intset when
                // they are all integers: listed as a set of them would be.
                let mut popped = Set::default();
                for member in picked {
                    popped.insert(member);
                }
                set_reply(popped.members())
            }
            (Some(_), false) => Reply::Array(picked.into_iter().map(Reply::Bulk).collect()),
        }
    }
}

/// `SMOVE source destination member`: replies 1 if it moved, 0 if it was not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SMove {
    source: Bytes,
    destination: Bytes,
    member: Bytes,
}

impl SMove {
    /// `SMOVE source destination member`.
    ///
    /// ```
    /// use embedis::{cmd::SMove, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "todo", "x"]).unwrap();
    /// assert!(conn.run(SMove::new("todo", "done", "x")).unwrap());
    /// ```
    pub fn new(source: impl IntoArg, destination: impl IntoArg, member: impl IntoArg) -> SMove {
        SMove {
            source: source.into_arg(),
            destination: destination.into_arg(),
            member: member.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let source = args.next_bytes()?;
        let destination = args.next_bytes()?;
        Ok(SMove::new(source, destination, args.next_bytes()?).into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Both types are checked before anything moves.
        let in_source = match ctx.set(&self.source) {
            Err(error) => return error.into(),
            Ok(None) => return Reply::Integer(0),
            Ok(Some(set)) => set.contains(&self.member),
        };
        if let Err(error) = ctx.set(&self.destination) {
            return error.into();
        }
        if self.source == self.destination || !in_source {
            return Reply::Integer(i64::from(in_source));
        }
        if let Ok(Some(set)) = ctx.set(&self.source) {
            set.remove(&self.member);
        }
        let member = [self.member.clone()];
        ctx.set_written(
            &self.source,
            "srem",
            &argv_of(b"SREM", &self.source, &member),
        );
        let added = match ctx.set_or_create(&self.destination) {
            Ok(set) => set.insert(self.member.clone()),
            Err(error) => return error.into(),
        };
        if added {
            ctx.set_written(
                &self.destination,
                "sadd",
                &argv_of(b"SADD", &self.destination, &member),
            );
        }
        Reply::Integer(1)
    }
}

/// Which set algebra.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Algebra {
    Inter,
    Union,
    Diff,
}

/// `SINTER`, `SUNION`, `SDIFF key ...`, their `...STORE destination key ...` forms, and
/// `SINTERCARD numkeys key ... [LIMIT limit]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SCombine {
    pub(crate) keys: Vec<Bytes>,
    algebra: Algebra,
    destination: Option<Bytes>,
    /// SINTERCARD: reply only the size, up to this (0: no limit).
    card_limit: Option<u64>,
}

impl SCombine {
    fn new<I>(keys: I, algebra: Algebra) -> SCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SCombine {
            keys: keys.into_iter().map(IntoArg::into_arg).collect(),
            algebra,
            destination: None,
            card_limit: None,
        }
    }

    /// `SINTER key ...`.
    ///
    /// ```
    /// use embedis::{cmd::SCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "a", "1", "2"]).unwrap();
    /// conn.call(["SADD", "b", "2", "3"]).unwrap();
    /// assert_eq!(conn.run(SCombine::inter(["a", "b"])).unwrap(), Reply::Set(vec![Reply::bulk("2")]));
    /// ```
    pub fn inter<I>(keys: I) -> SCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SCombine::new(keys, Algebra::Inter)
    }

    /// `SUNION key ...`.
    ///
    /// ```
    /// use embedis::{cmd::SCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "a", "1"]).unwrap();
    /// conn.call(["SADD", "b", "2"]).unwrap();
    /// assert_eq!(conn.run(SCombine::union(["a", "b"])).unwrap(), Reply::Set(vec![Reply::bulk("1"), Reply::bulk("2")]));
    /// ```
    pub fn union<I>(keys: I) -> SCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SCombine::new(keys, Algebra::Union)
    }

    /// `SDIFF key ...`: the first set's members in none of the others.
    ///
    /// ```
    /// use embedis::{cmd::SCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "a", "1", "2"]).unwrap();
    /// conn.call(["SADD", "b", "2"]).unwrap();
    /// assert_eq!(conn.run(SCombine::diff(["a", "b"])).unwrap(), Reply::Set(vec![Reply::bulk("1")]));
    /// ```
    pub fn diff<I>(keys: I) -> SCombine
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        SCombine::new(keys, Algebra::Diff)
    }

    /// The `...STORE destination` form: stores the result, replies its size.
    ///
    /// ```
    /// use embedis::{cmd::SCombine, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "a", "1", "2"]).unwrap();
    /// assert_eq!(conn.run(SCombine::union(["a"]).store("copy")).unwrap(), Reply::Integer(2));
    /// ```
    pub fn store(mut self, destination: impl IntoArg) -> SCombine {
        self.destination = Some(destination.into_arg());
        self
    }

    fn parse_with(args: &mut Args, algebra: Algebra, store: bool) -> Result<Command, Error> {
        let destination = if store {
            Some(args.next_bytes()?)
        } else {
            None
        };
        Ok(Command::SCombine(SCombine {
            keys: args.rest(),
            algebra,
            destination,
            card_limit: None,
        }))
    }

    pub(crate) fn parse_sinter(args: &mut Args) -> Result<Command, Error> {
        SCombine::parse_with(args, Algebra::Inter, false)
    }

    pub(crate) fn parse_sunion(args: &mut Args) -> Result<Command, Error> {
        SCombine::parse_with(args, Algebra::Union, false)
    }

    pub(crate) fn parse_sdiff(args: &mut Args) -> Result<Command, Error> {
        SCombine::parse_with(args, Algebra::Diff, false)
    }

    pub(crate) fn parse_sinterstore(args: &mut Args) -> Result<Command, Error> {
        SCombine::parse_with(args, Algebra::Inter, true)
    }

    pub(crate) fn parse_sunionstore(args: &mut Args) -> Result<Command, Error> {
        SCombine::parse_with(args, Algebra::Union, true)
    }

    pub(crate) fn parse_sdiffstore(args: &mut Args) -> Result<Command, Error> {
        SCombine::parse_with(args, Algebra::Diff, true)
    }

    pub(crate) fn parse_sintercard(args: &mut Args) -> Result<Command, Error> {
        let numkeys = parse_i64(&args.next_bytes()?)
            .filter(|n| *n > 0)
            .ok_or(ListError::NumKeysNotPositive)?;
        if u64::try_from(numkeys).unwrap_or(u64::MAX) > args.remaining() as u64 {
            return Err(Error::NumKeysBeyondArgs);
        }
        let keys: Vec<Bytes> = (0..numkeys).filter_map(|_| args.next()).collect();
        let mut limit = 0;
        while let Some(option) = args.next() {
            if keyword_is(&option, "LIMIT") && !args.is_empty() {
                limit = parse_i64(&args.next_bytes()?)
                    .and_then(|n| u64::try_from(n).ok())
                    .ok_or(Error::LimitNegative)?;
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::SCombine(SCombine {
            keys,
            algebra: Algebra::Inter,
            destination: None,
            card_limit: Some(limit),
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match (self.algebra, &self.destination, self.card_limit) {
            (_, _, Some(_)) => "sintercard",
            (Algebra::Inter, None, _) => "sinter",
            (Algebra::Union, None, _) => "sunion",
            (Algebra::Diff, None, _) => "sdiff",
            (Algebra::Inter, Some(_), _) => "sinterstore",
            (Algebra::Union, Some(_), _) => "sunionstore",
            (Algebra::Diff, Some(_), _) => "sdiffstore",
        }
    }

    /// The result, as redis-server would build it: a new set (an intset when it can be).
    fn combine(&self, ctx: &mut Ctx) -> Result<Set, Error> {
        // Every key is looked up and type checked, missing ones counting as empty.
        let mut sets: Vec<Option<Set>> = Vec::with_capacity(self.keys.len());
        for key in &self.keys {
            // Sources are read (a missing one is announced), STORE or not.
            sets.push(ctx.read_set(key)?.cloned());
        }
        let mut result = Set::default();
        let Some((first, rest)) = sets.split_first() else {
            return Ok(result);
        };
        match self.algebra {
            Algebra::Inter => {
                if sets.iter().any(Option::is_none) {
                    return Ok(result);
                }
                let rest: Vec<&Set> = rest.iter().flatten().collect();
                for member in first.iter().flat_map(Set::members) {
                    if rest.iter().all(|set| set.contains(member)) {
                        result.insert(member.clone());
                    }
                }
            }
            Algebra::Union => {
                for member in sets.iter().flatten().flat_map(Set::members) {
                    result.insert(member.clone());
                }
            }
            Algebra::Diff => {
                let rest: Vec<&Set> = rest.iter().flatten().collect();
                for member in first.iter().flat_map(Set::members) {
                    if !rest.iter().any(|set| set.contains(member)) {
                        result.insert(member.clone());
                    }
                }
            }
        }
        Ok(result)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let result = match self.combine(ctx) {
            Ok(result) => result,
            Err(error) => return error.into(),
        };
        if let Some(limit) = self.card_limit {
            let size = result.len() as u64;
            let size = if limit > 0 { size.min(limit) } else { size };
            return Reply::Integer(size as i64);
        }
        let Some(destination) = &self.destination else {
            return set_reply(result.members());
        };
        let size = result.len() as i64;
        let event = match self.algebra {
            Algebra::Inter => "sinterstore",
            Algebra::Union => "sunionstore",
            Algebra::Diff => "sdiffstore",
        };
        let value = (!result.is_empty()).then(|| Value::Set(Box::new(result)));
        ctx.store_result(destination, value, notify::SET, event);
        Reply::Integer(size)
    }
}

/// `SSCAN key cursor [MATCH pattern] [COUNT count]`: iterates members in pages. An integer
/// set comes whole with cursor 0, as redis-server scans an intset; other sets are paged
/// with SCAN's cursors (see README).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SScan {
    pub(crate) key: Bytes,
    scan: ScanArgs,
}

impl SScan {
    /// `SSCAN key cursor` with Redis's default COUNT of 10.
    ///
    /// ```
    /// use embedis::{cmd::SScan, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SADD", "s", "2", "1"]).unwrap();
    /// assert_eq!(conn.run(SScan::new("s", 0)).unwrap(), (0, vec!["1".into(), "2".into()]));
    /// ```
    pub fn new(key: impl IntoArg, cursor: u64) -> SScan {
        SScan {
            key: key.into_arg(),
            scan: ScanArgs::new(cursor),
        }
    }

    /// `MATCH pattern`.
    ///
    /// ```
    /// use embedis::cmd::{Command, SScan};
    /// assert_eq!(Command::from_argv(["SSCAN", "s", "0", "MATCH", "a*"]).unwrap(), SScan::new("s", 0).pattern("a*").into());
    /// ```
    pub fn pattern(mut self, pattern: impl IntoArg) -> SScan {
        self.scan.pattern(pattern);
        self
    }

    /// `COUNT count`.
    ///
    /// ```
    /// use embedis::cmd::{Command, SScan};
    /// assert_eq!(Command::from_argv(["SSCAN", "s", "0", "COUNT", "5"]).unwrap(), SScan::new("s", 0).count(5).into());
    /// ```
    pub fn count(mut self, count: usize) -> SScan {
        self.scan.count(count);
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let scan = ScanArgs::parse(args)?;
        Ok(SScan { key, scan }.into())
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let set = match ctx.read_value_as_mut(&self.key, Value::set_mut) {
            Ok(Some(set)) => set,
            Ok(None) => return ScanArgs::nothing(),
            Err(error) => return error.into(),
        };
        if let Some(refusal) = self.scan.refusal() {
            return refusal;
        }
        let compact = set
            .is_intset()
            .then(|| set.members().into_iter().cloned().collect());
        let page = self
            .scan
            .select(compact, |cursor, count| set.scan_page(cursor, count));
        self.scan.answer_members(page)
    }
}
