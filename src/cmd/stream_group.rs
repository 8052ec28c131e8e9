//! Consumer-group commands: XGROUP, XREADGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM, XINFO.
//!
//! Semantics follow redis-server 7.0 (`t_stream.c`), including its less obvious rules:
//! XREADGROUP with a history ID re-delivers (and counts) the consumer's pending entries
//! and reports deleted ones as `[id, nil]`; XCLAIM and XAUTOCLAIM drop pending entries
//! whose stream entry was deleted; a group's `entries-read` and `lag` are tracked and
//! estimated exactly as Redis does. XINFO CONSUMERS adds Redis 7.2's `inactive`.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::stream::{entry_reply, id_reply, parse_block, parse_bound, parse_strict_id};
use super::{Command, IntoArg};
use crate::error::{error_text, StreamError};
use crate::exec::notify;
use crate::persist::commands;
use crate::store::c_string::{c_string, keyword_is, symbol_is, upper_keyword};
use crate::store::number::parse_i64;
use crate::store::stream::{referenced, Group, Stream, StreamEntry, StreamId};
use crate::{Error, Protocol, Reply};

/// Redis's `SCG_INVALID_ENTRIES_READ` is `None` here.
type EntriesRead = Option<u64>;

fn no_group_for_key(key: &[u8], group: &[u8]) -> Error {
    Error::NoGroup(format!(
        "No such consumer group '{}' for key name '{}'",
        error_text(group),
        error_text(key)
    ))
}

fn no_key_or_group(key: &[u8], group: &[u8]) -> Error {
    Error::NoGroup(format!(
        "No such key '{}' or consumer group '{}'",
        error_text(key),
        error_text(group)
    ))
}

/// The first live entry's ID, or 0-0 (Redis's `first_id`).
fn first_id(stream: &Stream) -> StreamId {
    stream.log.first_id().unwrap_or(StreamId::MIN)
}

/// The lag XINFO reports for a group (`None`: unknown, a nil reply). Negative when the
/// group was told (ENTRIESREAD) it read more than was ever added, as redis-server shows.
fn lag(stream: &Stream, group: &Group) -> Option<i64> {
    let added = stream.log.entries_added();
    if added == 0 {
        return Some(0);
    }
    let view = LogView(&stream.log);
    let lag = |read: u64| (added as i64).wrapping_sub(read as i64);
    if let Some(read) = group.entries_read
        && !view.has_tombstones_from(group.last_id)
    {
        return Some(lag(read));
    }
    view.estimate(group.last_id).map(lag)
}

fn optional_integer(value: Option<i64>) -> Reply {
    value.map_or(Reply::Nil, Reply::Integer)
}

/// A group's entries-read counter as redis-server shows it: a `long long` there, which
/// wraps to negative past `i64::MAX` (reachable with `SETID ... ENTRIESREAD` near the top).
fn entries_read_reply(read: Option<u64>) -> Reply {
    optional_integer(read.map(|n| n as i64))
}

/// A map in RESP3, a flat array in RESP2 (Reply::Map renders both).
fn map(pairs: Vec<(&'static str, Reply)>) -> Reply {
    Reply::Map(
        pairs
            .into_iter()
            .map(|(name, value)| (Reply::bulk(name), value))
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------
// XGROUP
// ---------------------------------------------------------------------------------------

/// A group position argument (`None`: `$`), or the error it raises when the command runs:
/// redis-server checks it only after the key, so parsing keeps the error for later.
type DeferredId = Result<Option<StreamId>, Error>;

#[derive(Debug, Clone, PartialEq, Eq)]
enum GroupAction {
    Create {
        id: DeferredId,
        mkstream: bool,
        entries_read: Option<i64>,
    },
    SetId {
        id: DeferredId,
        entries_read: Option<i64>,
    },
    Destroy,
    CreateConsumer(Bytes),
    DelConsumer(Bytes),
    Help,
}

/// `XGROUP CREATE | SETID | DESTROY | CREATECONSUMER | DELCONSUMER | HELP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XGroup {
    key: Bytes,
    group: Bytes,
    action: GroupAction,
}

impl XGroup {
    /// `XGROUP CREATE key group id|$ [MKSTREAM]` (`id` `None` is `$`).
    ///
    /// ```
    /// use embedis::{cmd::XGroup, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(XGroup::create("orders", "workers", None, true)).unwrap(), Reply::OK);
    /// ```
    pub fn create(
        key: impl IntoArg,
        group: impl IntoArg,
        id: Option<StreamId>,
        mkstream: bool,
    ) -> XGroup {
        XGroup {
            key: key.into_arg(),
            group: group.into_arg(),
            action: GroupAction::Create {
                id: Ok(id),
                mkstream,
                entries_read: None,
            },
        }
    }

    /// `XGROUP DESTROY key group`.
    ///
    /// ```
    /// use embedis::{cmd::XGroup, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XGroup::create("s", "g", None, true)).unwrap();
    /// assert_eq!(conn.run(XGroup::destroy("s", "g")).unwrap(), Reply::Integer(1));
    /// ```
    pub fn destroy(key: impl IntoArg, group: impl IntoArg) -> XGroup {
        XGroup {
            key: key.into_arg(),
            group: group.into_arg(),
            action: GroupAction::Destroy,
        }
    }

    /// `$` or an ID: strictly for CREATE, while SETID also takes `-` and `+`.
    fn parse_id(arg: &[u8], strict: bool) -> DeferredId {
        if symbol_is(arg, b"$") {
            Ok(None)
        } else {
            StreamId::parse_with(arg, 0, strict)
                .map(Some)
                .ok_or(StreamError::InvalidId.into())
        }
    }

    fn parse_entries_read(args: &mut Args) -> Result<i64, Error> {
        let n = args.next_i64()?;
        if n < -1 {
            return Err(StreamError::EntriesReadNegative.into());
        }
        Ok(n)
    }

    fn subcommand_syntax(args: &Args) -> Error {
        Error::SubcommandSyntax {
            subcommand: error_text(&args.subcommand_name()),
            command: "XGROUP".into(),
        }
    }

    /// CREATE's and SETID's options, as redis-server reads them: every option is checked
    /// before the key is looked up, and the argument count only after the key and group
    /// checks, so a wrong count travels in the ID's deferred result (the ID, too, is
    /// parsed only after those checks).
    fn parse_options(
        args: &mut Args,
        create: bool,
        id: DeferredId,
    ) -> Result<(DeferredId, bool, Option<i64>), Error> {
        let options = args.remaining();
        let mut mkstream = false;
        let mut entries_read = None;
        while let Some(keyword) = args.next_keyword() {
            if create && keyword.is("MKSTREAM") {
                mkstream = true;
            } else if keyword.is("ENTRIESREAD") && !args.is_empty() {
                entries_read = Some(XGroup::parse_entries_read(args)?);
            } else {
                return Err(XGroup::subcommand_syntax(args));
            }
        }
        let count_ok = if create {
            options <= 3
        } else {
            options == 0 || options == 2
        };
        let id = if count_ok {
            id
        } else {
            Err(XGroup::subcommand_syntax(args))
        };
        Ok((id, mkstream, entries_read))
    }

    pub(crate) fn parse_create(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let id = XGroup::parse_id(&args.next_bytes()?, true);
        let (id, mkstream, entries_read) = XGroup::parse_options(args, true, id)?;
        Ok(Command::from(XGroup {
            key,
            group,
            action: GroupAction::Create {
                id,
                mkstream,
                entries_read,
            },
        }))
    }

    pub(crate) fn parse_setid(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let id = XGroup::parse_id(&args.next_bytes()?, false);
        let (id, _, entries_read) = XGroup::parse_options(args, false, id)?;
        Ok(Command::from(XGroup {
            key,
            group,
            action: GroupAction::SetId { id, entries_read },
        }))
    }

    pub(crate) fn parse_destroy(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        Ok(Command::from(XGroup {
            key,
            group,
            action: GroupAction::Destroy,
        }))
    }

    pub(crate) fn parse_createconsumer(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let consumer = args.next_bytes()?;
        Ok(Command::from(XGroup {
            key,
            group,
            action: GroupAction::CreateConsumer(consumer),
        }))
    }

    pub(crate) fn parse_delconsumer(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let consumer = args.next_bytes()?;
        Ok(Command::from(XGroup {
            key,
            group,
            action: GroupAction::DelConsumer(consumer),
        }))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::from(XGroup {
            key: Bytes::new(),
            group: Bytes::new(),
            action: GroupAction::Help,
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            GroupAction::Create { .. } => "xgroup|create",
            GroupAction::SetId { .. } => "xgroup|setid",
            GroupAction::Destroy => "xgroup|destroy",
            GroupAction::CreateConsumer(_) => "xgroup|createconsumer",
            GroupAction::DelConsumer(_) => "xgroup|delconsumer",
            GroupAction::Help => "xgroup|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.run(ctx) {
            Ok(reply) => reply,
            Err(error) => error.into(),
        }
    }

    fn run(self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let XGroup { key, group, action } = self;
        let now_ms = ctx.now_ms();
        if action == GroupAction::Help {
            return Ok(Reply::help(&XGROUP_HELP));
        }
        let mkstream = matches!(action, GroupAction::Create { mkstream: true, .. });
        if ctx.stream(&key)?.is_none() && !mkstream {
            return Err(StreamError::XgroupNeedsKey.into());
        }
        match action {
            GroupAction::Create {
                id, entries_read, ..
            } => {
                let id = id?;
                let stream = ctx.stream_or_create(&key)?;
                if stream.groups.contains_key(&group) {
                    return Err(Error::BusyGroup);
                }
                let id = id.unwrap_or(stream.log.last_id());
                let entries_read = entries_read.and_then(|n| u64::try_from(n).ok());
                stream
                    .groups
                    .insert(group.clone(), Group::new(id, entries_read));
                // `$` logged as the ID it meant, and MKSTREAM in case it made the stream.
                ctx.log_group_position(b"CREATE", &key, &group, (id, entries_read), true);
                ctx.reply_point();
                ctx.count_changes(1);
                ctx.notify(notify::STREAM, "xgroup-create", &key);
                Ok(Reply::OK)
            }
            GroupAction::SetId { id, entries_read } => {
                let stream = ctx.stream(&key)?.ok_or(StreamError::XgroupNeedsKey)?;
                let last = stream.log.last_id();
                let Some(cg) = stream.groups.get_mut(&group) else {
                    return Err(no_group_for_key(&key, &group));
                };
                cg.last_id = id?.unwrap_or(last);
                cg.entries_read = entries_read.and_then(|n| u64::try_from(n).ok());
                let position = (cg.last_id, cg.entries_read);
                ctx.log_group_position(b"SETID", &key, &group, position, false);
                ctx.reply_point();
                ctx.count_changes(1);
                ctx.notify(notify::STREAM, "xgroup-setid", &key);
                Ok(Reply::OK)
            }
            GroupAction::Destroy => {
                let stream = ctx.stream(&key)?.ok_or(StreamError::XgroupNeedsKey)?;
                if stream.groups.remove(&group).is_none() {
                    return Ok(Reply::Integer(0));
                }
                ctx.log_effect(&[b"XGROUP" as &[u8], b"DESTROY", &key, &group]);
                // Parked XREADGROUPs on it are woken, to get NOGROUP.
                ctx.blocking.signal(ctx.db.index(), &key);
                ctx.reply_point();
                ctx.count_changes(1);
                ctx.notify(notify::STREAM, "xgroup-destroy", &key);
                Ok(Reply::Integer(1))
            }
            GroupAction::CreateConsumer(consumer) => {
                let stream = ctx.stream(&key)?.ok_or(StreamError::XgroupNeedsKey)?;
                let Some(cg) = stream.groups.get_mut(&group) else {
                    return Err(no_group_for_key(&key, &group));
                };
                if cg.consumers.contains_key(&consumer) {
                    return Ok(Reply::Integer(0));
                }
                cg.touch_consumer(&consumer, now_ms);
                ctx.log_effect(&[
                    b"XGROUP" as &[u8],
                    b"CREATECONSUMER",
                    &key,
                    &group,
                    &consumer,
                ]);
                ctx.count_changes(1);
                ctx.notify(notify::STREAM, "xgroup-createconsumer", &key);
                Ok(Reply::Integer(1))
            }
            GroupAction::DelConsumer(consumer) => {
                let stream = ctx.stream(&key)?.ok_or(StreamError::XgroupNeedsKey)?;
                let Some(cg) = stream.groups.get_mut(&group) else {
                    return Err(no_group_for_key(&key, &group));
                };
                let Some(pending) = cg.remove_consumer(&consumer) else {
                    return Ok(Reply::Integer(0));
                };
                ctx.log_effect(&[b"XGROUP" as &[u8], b"DELCONSUMER", &key, &group, &consumer]);
                ctx.count_changes(1);
                ctx.notify(notify::STREAM, "xgroup-delconsumer", &key);
                Ok(Reply::Integer(pending as i64))
            }
            GroupAction::Help => Ok(Reply::help(&XGROUP_HELP)),
        }
    }
}

const XGROUP_HELP: [&str; 17] = [
    "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CREATE <key> <groupname> <id|$> [option]",
    "    Create a new consumer group. Options are:",
    "    * MKSTREAM",
    "      Create the empty stream if it does not exist.",
    "    * ENTRIESREAD entries_read",
    "      Set the group's entries_read counter (internal use).",
    "CREATECONSUMER <key> <groupname> <consumer>",
    "    Create a new consumer in the specified group.",
    "DELCONSUMER <key> <groupname> <consumer>",
    "    Remove the specified consumer.",
    "DESTROY <key> <groupname>",
    "    Remove the specified group.",
    "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
    "    Set the current group ID and entries_read counter.",
    "HELP",
    "    Prints this help.",
];

// ---------------------------------------------------------------------------------------
// XREADGROUP
// ---------------------------------------------------------------------------------------

/// Where an XREADGROUP reads one stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupFrom {
    /// `>`: entries never delivered to the group.
    New,
    /// The consumer's own pending entries after this ID.
    History(StreamId),
    /// An ID argument refused; the error is raised in turn, after the key's own checks.
    Bad(StreamError),
}

/// `XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key
/// [key ...] id [id ...]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XReadGroup {
    group: Bytes,
    consumer: Bytes,
    streams: Vec<(Bytes, GroupFrom)>,
    count: Option<usize>,
    block: Option<u64>,
    no_ack: bool,
    /// `CLAIM min-idle-time` (Redis 8.4): take over pending entries idle this long first.
    claim: Option<u64>,
}

impl XReadGroup {
    /// `XREADGROUP GROUP group consumer STREAMS key >`: new entries for this consumer.
    ///
    /// ```
    /// use embedis::{cmd::{XAdd, XGroup, XReadGroup}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XGroup::create("s", "g", None, true)).unwrap();
    /// conn.run(XAdd::new("s", [("f", "v")])).unwrap();
    /// let read = conn.run(XReadGroup::new("g", "alice", ["s"])).unwrap();
    /// assert_eq!(read[0].1.len(), 1);
    /// ```
    pub fn new<K: IntoArg>(
        group: impl IntoArg,
        consumer: impl IntoArg,
        keys: impl IntoIterator<Item = K>,
    ) -> XReadGroup {
        XReadGroup {
            group: group.into_arg(),
            consumer: consumer.into_arg(),
            streams: keys
                .into_iter()
                .map(|key| (key.into_arg(), GroupFrom::New))
                .collect(),
            count: None,
            block: None,
            no_ack: false,
            claim: None,
        }
    }

    /// Reads this consumer's pending entries after `id` instead of new ones.
    ///
    /// ```
    /// let history = embedis::cmd::XReadGroup::new("g", "alice", ["s"]).history(embedis::StreamId::MIN);
    /// # drop(history);
    /// ```
    pub fn history(mut self, after: StreamId) -> XReadGroup {
        for (_, from) in &mut self.streams {
            *from = GroupFrom::History(after);
        }
        self
    }

    /// `COUNT n` per stream.
    ///
    /// ```
    /// let read = embedis::cmd::XReadGroup::new("g", "c", ["s"]).count(10);
    /// # drop(read);
    /// ```
    pub fn count(mut self, n: usize) -> XReadGroup {
        self.count = Some(n);
        self
    }

    /// `BLOCK ms` (0: for ever) until new entries arrive.
    ///
    /// ```
    /// let read = embedis::cmd::XReadGroup::new("g", "c", ["s"]).block(std::time::Duration::from_secs(1));
    /// # drop(read);
    /// ```
    pub fn block(mut self, timeout: std::time::Duration) -> XReadGroup {
        self.block = Some(u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX));
        self
    }

    /// `CLAIM min-idle-time` (Redis 8.4): first take over pending entries (of any consumer)
    /// idle at least this long, then read new ones. Every entry of the reply then carries
    /// two more items: its idle time and delivery count before this read.
    ///
    /// ```
    /// let read = embedis::cmd::XReadGroup::new("g", "c", ["s"]).claim(std::time::Duration::from_secs(30));
    /// # drop(read);
    /// ```
    pub fn claim(mut self, min_idle: std::time::Duration) -> XReadGroup {
        self.claim = Some(u64::try_from(min_idle.as_millis()).unwrap_or(u64::MAX));
        self
    }

    /// `NOACK`: deliver without adding to the pending list.
    ///
    /// ```
    /// let read = embedis::cmd::XReadGroup::new("g", "c", ["s"]).no_ack();
    /// # drop(read);
    /// ```
    pub fn no_ack(mut self) -> XReadGroup {
        self.no_ack = true;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut group = None;
        let mut count = None;
        let mut block = None;
        let mut no_ack = false;
        let mut claim = None;
        loop {
            let Some(keyword) = args.next_keyword() else {
                return Err(Error::Syntax);
            };
            if keyword.is("COUNT") {
                let n = args.next_i64()?;
                count = usize::try_from(n).ok().filter(|&n| n > 0);
            } else if keyword.is("BLOCK") {
                block = Some(parse_block(&args.next_bytes()?)?);
            } else if keyword.is("NOACK") {
                no_ack = true;
            } else if keyword.is("CLAIM") {
                let idle = args.next_i64()?;
                claim = Some(u64::try_from(idle).map_err(|_| Error::NotInteger)?);
            } else if keyword.is("GROUP") && args.remaining() >= 2 {
                let name = args.next_bytes()?;
                group = Some((name, args.next_bytes()?));
            } else if keyword.is("STREAMS") && !args.is_empty() {
                break;
            } else {
                return Err(Error::Syntax);
            }
        }
        let rest = args.rest();
        if rest.is_empty() || !rest.len().is_multiple_of(2) {
            // redis-server 7.0 words it as for XREAD.
            return Err(StreamError::UnbalancedXread.into());
        }
        let Some((group, consumer)) = group else {
            return Err(StreamError::MissingGroup.into());
        };
        let half = rest.len() / 2;
        let mut streams = Vec::with_capacity(half);
        for (key, id) in rest[..half].iter().zip(&rest[half..]) {
            let from = match c_string(id) {
                b">" => GroupFrom::New,
                b"$" => GroupFrom::Bad(StreamError::DollarInXreadgroup),
                _ => match StreamId::parse_with(id, 0, true) {
                    // redis-server marks `>` internally as the largest ID: that ID reads new
                    // entries too.
                    Some(StreamId::MAX) => GroupFrom::New,
                    Some(id) => GroupFrom::History(id),
                    None => GroupFrom::Bad(StreamError::InvalidId),
                },
            };
            streams.push((key.clone(), from));
        }
        Ok(Command::from(XReadGroup {
            group,
            consumer,
            streams,
            count,
            block,
            no_ack,
            claim,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Logged as the final state of the pending entries it touched (see stream_log.rs).
        let journals = ctx.open_journals(self.streams.iter().map(|(key, _)| key), &self.group);
        let reply = self.run(ctx).unwrap_or_else(Reply::from);
        ctx.close_journals(journals);
        reply
    }

    fn run(self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let serving = ctx.session.serving_blocked;
        let only = ctx.session.serving_key.clone();
        // Key by key, in order: type, group, then the ID (redis-server's order of errors).
        for (key, from) in &self.streams {
            if only.as_ref().is_some_and(|only| only != key) {
                continue;
            }
            let stream = match ctx.read_stream(key) {
                Ok(stream) => stream,
                Err(_) if serving => return Err(Error::Unblocked),
                Err(error) => return Err(error),
            };
            match stream {
                Some(stream) if stream.groups.contains_key(&self.group) => {}
                None if serving => return Err(Error::Unblocked),
                Some(_) if serving => {
                    return Err(Error::NoGroup(
                        "the consumer group this client was blocked on no longer exists".into(),
                    ))
                }
                _ => {
                    return Err(Error::NoGroup(format!(
                        "No such key '{}' or consumer group '{}' in XREADGROUP with GROUP option",
                        error_text(key),
                        error_text(&self.group)
                    )))
                }
            }
            if let GroupFrom::Bad(error) = from {
                return Err((*error).into());
            }
        }
        let now_ms = ctx.now_ms();
        let mut found: Vec<(Bytes, Vec<Reply>)> = Vec::new();
        for (key, from) in &self.streams {
            if only.as_ref().is_some_and(|only| only != key) {
                continue;
            }
            let served = {
                let Some(stream) = ctx.stream(key)? else {
                    continue;
                };
                let Stream { log, groups } = stream;
                let Some(group) = groups.get_mut(&self.group) else {
                    continue;
                };
                // redis-server serves `>` only when the stream holds entries past the
                // group's last ID, and creates the consumer only when it serves.
                let claimable = |group: &Group| {
                    self.claim.is_some_and(|min_idle| {
                        group
                            .pel
                            .values()
                            .any(|p| now_ms.saturating_sub(p.delivered_at) >= min_idle)
                    })
                };
                let serve = match from {
                    GroupFrom::New => {
                        log.last_live_id().is_some_and(|last| last > group.last_id)
                            || claimable(group)
                    }
                    GroupFrom::History(_) => true,
                    GroupFrom::Bad(_) => false,
                };
                if !serve {
                    continue;
                }
                let (_, created) = group.touch_consumer(&self.consumer, now_ms);
                let entries = match from {
                    GroupFrom::New => {
                        // CLAIM: idle pending entries first, each as [id, fields, idle,
                        // deliveries] (both as they were before this claim).
                        let mut replies = Vec::new();
                        if let Some(min_idle) = self.claim {
                            // Entries released by XNACK first, in release order (idle -1),
                            // then the idle ones in ID order.
                            let mut idle: Vec<(StreamId, i64, u64)> = group
                                .nacked
                                .iter()
                                .filter_map(|id| group.pel.get(id).map(|p| (*id, p)))
                                .map(|(id, p)| (id, -1, p.deliveries))
                                .collect();
                            idle.extend(
                                group
                                    .pel
                                    .iter()
                                    .filter(|(id, _)| !group.is_released(**id))
                                    .map(|(id, p)| {
                                        let idle = now_ms.saturating_sub(p.delivered_at) as i64;
                                        (*id, idle, p.deliveries)
                                    })
                                    .filter(|(_, idle, _)| *idle >= min_idle as i64),
                            );
                            for (id, idle, deliveries) in idle {
                                if self.count.is_some_and(|count| replies.len() >= count) {
                                    break;
                                }
                                let Some(entry) = log.get(id) else {
                                    continue;
                                };
                                group.claim(
                                    id,
                                    &self.consumer,
                                    now_ms,
                                    deliveries.saturating_add(1),
                                );
                                replies.push(with_claim_info(entry, idle, deliveries));
                            }
                        }
                        let room = self.count.map(|count| count - replies.len().min(count));
                        let start = group.last_id.next().unwrap_or(StreamId::MAX);
                        let entries = if room == Some(0) {
                            Vec::new()
                        } else {
                            log.range(start, StreamId::MAX, false, room)
                        };
                        for entry in &entries {
                            advance_group(log, group, entry.id);
                            if !self.no_ack {
                                // A fresh delivery, even of an entry still pending (after
                                // XGROUP SETID back): its count starts again at 1.
                                group.ack(entry.id);
                                group.deliver(entry.id, &self.consumer, now_ms);
                            }
                        }
                        if (!entries.is_empty() || !replies.is_empty())
                            && let Some(consumer) = group.consumers.get_mut(&self.consumer)
                        {
                            consumer.active_at = Some(now_ms);
                        }
                        for entry in entries {
                            replies.push(if self.claim.is_some() {
                                with_claim_info(entry, 0, 0)
                            } else {
                                entry_reply(entry)
                            });
                        }
                        replies
                    }
                    GroupFrom::History(after) => {
                        let ids: Vec<StreamId> = match after.next() {
                            Some(start) => group
                                .consumers
                                .get(&self.consumer)
                                .map(|c| c.pending.range(start..).copied().collect())
                                .unwrap_or_default(),
                            None => Vec::new(),
                        };
                        let limit = self.count.unwrap_or(usize::MAX);
                        let mut replies = Vec::new();
                        for id in ids.into_iter().take(limit) {
                            match log.get(id) {
                                Some(entry) => {
                                    if let Some(pending) = group.pel.get_mut(&id) {
                                        pending.delivered_at = now_ms;
                                        pending.deliveries += 1;
                                        group.record_change(id);
                                    }
                                    replies.push(entry_reply(entry));
                                }
                                None => {
                                    replies.push(Reply::Array(vec![id_reply(id), Reply::NilArray]))
                                }
                            }
                        }
                        replies
                    }
                    GroupFrom::Bad(_) => Vec::new(),
                };
                Some((entries, created))
            };
            let Some((entries, created)) = served else {
                continue;
            };
            if created {
                ctx.count_changes(1);
                ctx.notify(notify::STREAM, "xgroup-createconsumer", key);
            }
            // Each stream served changes its group (redis-server's `dirty`).
            ctx.count_changes(1);
            found.push((key.clone(), entries));
        }
        if !found.is_empty() {
            return Ok(group_streams_reply(found, ctx.session.protocol()));
        }
        match self.block {
            Some(timeout) if ctx.can_block() => {
                let keys = self.streams.iter().map(|(key, _)| key.clone()).collect();
                ctx.block_on(keys, timeout, Command::from(self));
                Ok(Reply::NilArray)
            }
            _ => Ok(Reply::NilArray),
        }
    }
}

/// An entry of an XREADGROUP with CLAIM: `[id, fields, idle-ms, deliveries]`.
fn with_claim_info(entry: StreamEntry, idle: i64, deliveries: u64) -> Reply {
    match entry_reply(entry) {
        Reply::Array(mut items) => {
            items.push(Reply::Integer(idle));
            items.push(Reply::Integer(deliveries as i64));
            Reply::Array(items)
        }
        other => other,
    }
}

/// Moves a group past a delivered entry, keeping `entries_read` as Redis does.
fn advance_group(log: &crate::store::stream::StreamLog, group: &mut Group, id: StreamId) {
    if id <= group.last_id {
        return;
    }
    let view = LogView(log);
    if group.entries_read.is_some() && !view.has_tombstones_from(id) {
        group.entries_read = group.entries_read.map(|n| n + 1);
    } else if log.entries_added() > 0 {
        group.entries_read = view.estimate(id);
    }
    group.last_id = id;
}

/// Redis's tombstone and entries-read estimate rules, over the log alone (so a group can be
/// borrowed mutably beside it).
struct LogView<'a>(&'a crate::store::stream::StreamLog);

impl LogView<'_> {
    fn first(&self) -> StreamId {
        self.0.first_id().unwrap_or(StreamId::MIN)
    }

    /// Redis's `streamRangeHasTombstones(s, start, NULL)`.
    fn has_tombstones_from(&self, start: StreamId) -> bool {
        let max_deleted = self.0.max_deleted_id();
        if self.0.is_empty() || max_deleted == StreamId::MIN || self.first() > max_deleted {
            return false;
        }
        start <= max_deleted
    }

    /// Redis's `streamEstimateDistanceFromFirstEverEntry`.
    fn estimate(&self, id: StreamId) -> EntriesRead {
        let log = self.0;
        if log.entries_added() == 0 {
            return Some(0);
        }
        if log.is_empty() && id <= log.last_id() {
            return Some(log.entries_added());
        }
        match id.cmp(&log.last_id()) {
            std::cmp::Ordering::Equal => return Some(log.entries_added()),
            std::cmp::Ordering::Greater => return None,
            std::cmp::Ordering::Less => {}
        }
        let first = self.first();
        let max_deleted = log.max_deleted_id();
        if max_deleted == StreamId::MIN || max_deleted < first {
            if id < first {
                return Some(log.entries_added() - log.len());
            } else if id == first {
                return Some(log.entries_added() - log.len() + 1);
            }
        }
        None
    }
}

fn group_streams_reply(found: Vec<(Bytes, Vec<Reply>)>, protocol: Protocol) -> Reply {
    match protocol {
        Protocol::Resp2 => Reply::Array(
            found
                .into_iter()
                .map(|(key, entries)| Reply::Array(vec![Reply::Bulk(key), Reply::Array(entries)]))
                .collect(),
        ),
        Protocol::Resp3 => Reply::Map(
            found
                .into_iter()
                .map(|(key, entries)| (Reply::Bulk(key), Reply::Array(entries)))
                .collect(),
        ),
    }
}

// ---------------------------------------------------------------------------------------
// XACK
// ---------------------------------------------------------------------------------------

/// `XACK key group id [id ...]`: replies how many were pending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XAck {
    key: Bytes,
    group: Bytes,
    /// Parsed when the command is built (the typed constructor's always parse), so
    /// acknowledging costs no text; a bad ID's error is replied only when the command runs,
    /// since a missing key or group answers 0 before any ID is looked at, as in
    /// redis-server. The error is boxed so that the rare bad ID does not make every
    /// [`Command`] larger: a pipeline's commands cross to the executor's core by the byte.
    ids: Result<Vec<StreamId>, Box<Error>>,
}

impl XAck {
    /// `XACK key group id ...`.
    ///
    /// ```
    /// use embedis::{cmd::XAck, Engine, StreamId};
    /// assert_eq!(Engine::new().connect().run(XAck::new("s", "g", [StreamId::new(1, 0)])).unwrap(), 0);
    /// ```
    pub fn new(
        key: impl IntoArg,
        group: impl IntoArg,
        ids: impl IntoIterator<Item = StreamId>,
    ) -> XAck {
        XAck {
            key: key.into_arg(),
            group: group.into_arg(),
            ids: Ok(ids.into_iter().collect()),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let ids = args
            .rest()
            .iter()
            .map(|arg| parse_strict_id(arg))
            .collect::<Result<_, _>>()
            .map_err(Box::new);
        Ok(Command::XAck(XAck { key, group, ids }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let group = match ctx.read_stream(&self.key) {
            Ok(Some(stream)) => stream.groups.get_mut(&self.group),
            Ok(None) => None,
            Err(error) => return error.into(),
        };
        let Some(group) = group else {
            return Reply::Integer(0);
        };
        let ids = match self.ids {
            Ok(ids) => ids,
            Err(error) => return (*error).into(),
        };
        let acked = ids.iter().filter(|&&id| group.ack(id)).count();
        if acked > 0 && ctx.logging() {
            let mut argv = vec![Bytes::from_static(b"XACK"), self.key, self.group];
            argv.extend(ids.iter().map(|id| id.to_bytes()));
            ctx.log_effect(&argv);
        }
        ctx.count_changes(acked);
        Reply::Integer(acked as i64)
    }
}

// ---------------------------------------------------------------------------------------
// XPENDING
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingRange {
    min_idle: Option<i64>,
    start: StreamId,
    end: StreamId,
    count: usize,
    consumer: Option<Bytes>,
}

/// `XPENDING key group [[IDLE min-idle-time] start end count [consumer]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XPending {
    pub(crate) key: Bytes,
    group: Bytes,
    range: Option<PendingRange>,
}

impl XPending {
    /// `XPENDING key group`: the summary.
    ///
    /// ```
    /// use embedis::{cmd::{XGroup, XPending}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XGroup::create("s", "g", None, true)).unwrap();
    /// let summary = conn.run(XPending::summary("s", "g")).unwrap();
    /// assert_eq!(summary, Reply::Array(vec![Reply::Integer(0), Reply::Nil, Reply::Nil, Reply::NilArray]));
    /// ```
    pub fn summary(key: impl IntoArg, group: impl IntoArg) -> XPending {
        XPending {
            key: key.into_arg(),
            group: group.into_arg(),
            range: None,
        }
    }

    /// `XPENDING key group start end count`: the entries.
    ///
    /// ```
    /// use embedis::{cmd::XPending, StreamId};
    /// let pending = XPending::range("s", "g", StreamId::MIN, StreamId::MAX, 10);
    /// # drop(pending);
    /// ```
    pub fn range(
        key: impl IntoArg,
        group: impl IntoArg,
        start: StreamId,
        end: StreamId,
        count: usize,
    ) -> XPending {
        XPending {
            key: key.into_arg(),
            group: group.into_arg(),
            range: Some(PendingRange {
                min_idle: None,
                start,
                end,
                count,
                consumer: None,
            }),
        }
    }

    /// `IDLE min-idle-time`: only entries pending at least this long (extended form only).
    ///
    /// ```
    /// use embedis::{cmd::XPending, StreamId};
    /// let stale = XPending::range("s", "g", StreamId::MIN, StreamId::MAX, 10)
    ///     .idle(std::time::Duration::from_secs(60));
    /// # drop(stale);
    /// ```
    pub fn idle(mut self, min_idle: std::time::Duration) -> XPending {
        if let Some(range) = self.range.as_mut() {
            range.min_idle = Some(i64::try_from(min_idle.as_millis()).unwrap_or(i64::MAX));
        }
        self
    }

    /// Only this consumer's entries (extended form only).
    ///
    /// ```
    /// use embedis::{cmd::XPending, StreamId};
    /// let mine = XPending::range("s", "g", StreamId::MIN, StreamId::MAX, 10).consumer("alice");
    /// # drop(mine);
    /// ```
    pub fn consumer(mut self, name: impl IntoArg) -> XPending {
        if let Some(range) = self.range.as_mut() {
            range.consumer = Some(name.into_arg());
        }
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let rest = args.rest();
        let argc = rest.len() + 3;
        if argc != 3 && !(6..=9).contains(&argc) {
            return Err(Error::Syntax);
        }
        if rest.is_empty() {
            return Ok(Command::from(XPending::summary(key, group)));
        }
        let mut index = 0;
        let mut min_idle = None;
        if keyword_is(&rest[0], "IDLE") {
            min_idle = Some(parse_i64(&rest[1]).ok_or(Error::NotInteger)?);
            if argc < 8 {
                return Err(Error::Syntax);
            }
            index = 2;
        }
        let count = parse_i64(&rest[index + 2]).ok_or(Error::NotInteger)?;
        let count = usize::try_from(count).unwrap_or(0);
        let start = parse_bound(&rest[index], true)?;
        let end = parse_bound(&rest[index + 1], false)?;
        let consumer = rest.get(index + 3).cloned();
        Ok(Command::from(XPending {
            key,
            group,
            range: Some(PendingRange {
                min_idle,
                start,
                end,
                count,
                consumer,
            }),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now_ms = ctx.now_ms();
        let stream = match ctx.read_stream(&self.key) {
            Ok(stream) => stream,
            Err(error) => return error.into(),
        };
        let Some(group) = stream.and_then(|s| s.groups.get(&self.group)) else {
            return no_key_or_group(&self.key, &self.group).into();
        };
        let Some(range) = self.range else {
            if group.pel.is_empty() {
                return Reply::Array(vec![
                    Reply::Integer(0),
                    Reply::Nil,
                    Reply::Nil,
                    Reply::NilArray,
                ]);
            }
            let first = group.pel.keys().next().copied().unwrap_or_default();
            let last = group.pel.keys().next_back().copied().unwrap_or_default();
            let consumers = group
                .consumers
                .iter()
                .filter(|(_, c)| !c.pending.is_empty())
                .map(|(name, c)| {
                    Reply::Array(vec![
                        Reply::Bulk(name.clone()),
                        Reply::Bulk(Bytes::from(c.pending.len().to_string())),
                    ])
                })
                .collect();
            return Reply::Array(vec![
                Reply::Integer(group.pel.len() as i64),
                id_reply(first),
                id_reply(last),
                Reply::Array(consumers),
            ]);
        };
        if range.count == 0 || range.start > range.end {
            return Reply::Array(Vec::new());
        }
        let ids: Box<dyn Iterator<Item = StreamId>> = match &range.consumer {
            Some(name) => match group.consumers.get(name) {
                Some(consumer) => {
                    Box::new(consumer.pending.range(range.start..=range.end).copied())
                }
                None => return Reply::Array(Vec::new()),
            },
            None => Box::new(group.pel.range(range.start..=range.end).map(|(id, _)| *id)),
        };
        let mut out = Vec::new();
        for id in ids {
            let Some(pending) = group.pel.get(&id) else {
                continue;
            };
            // An entry released by XNACK shows idle -1 (one claimed with TIME 0 does not).
            let idle = if group.is_released(id) {
                -1
            } else {
                now_ms.saturating_sub(pending.delivered_at) as i64
            };
            if range.min_idle.is_some_and(|min| idle >= 0 && idle < min) {
                continue;
            }
            out.push(Reply::Array(vec![
                id_reply(id),
                Reply::Bulk(pending.consumer.clone()),
                Reply::Integer(idle),
                Reply::Integer(pending.deliveries as i64),
            ]));
            if out.len() >= range.count {
                break;
            }
        }
        Reply::Array(out)
    }
}

// ---------------------------------------------------------------------------------------
// XCLAIM
// ---------------------------------------------------------------------------------------

/// `XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-ms]
/// [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XClaim {
    key: Bytes,
    group: Bytes,
    consumer: Bytes,
    args: Vec<Bytes>,
}

impl XClaim {
    /// `XCLAIM key group consumer min-idle-time id ...`.
    ///
    /// ```
    /// use embedis::{cmd::XClaim, StreamId};
    /// let claim = XClaim::new("s", "g", "bob", std::time::Duration::from_secs(60), [StreamId::new(1, 0)]);
    /// # drop(claim);
    /// ```
    pub fn new(
        key: impl IntoArg,
        group: impl IntoArg,
        consumer: impl IntoArg,
        min_idle: std::time::Duration,
        ids: impl IntoIterator<Item = StreamId>,
    ) -> XClaim {
        let mut args = vec![Bytes::from(min_idle.as_millis().to_string())];
        args.extend(ids.into_iter().map(|id| Bytes::from(id.to_string())));
        XClaim {
            key: key.into_arg(),
            group: group.into_arg(),
            consumer: consumer.into_arg(),
            args,
        }
    }

    /// `IDLE ms`: set the entries' idle time (their last delivery that long ago).
    ///
    /// ```
    /// let claim = embedis::cmd::XClaim::new("s", "g", "c", std::time::Duration::ZERO, [])
    ///     .idle(std::time::Duration::from_secs(5));
    /// # drop(claim);
    /// ```
    pub fn idle(self, idle: std::time::Duration) -> XClaim {
        self.option("IDLE", idle.as_millis().to_string())
    }

    /// `TIME unix-time-ms`: set the entries' last delivery time.
    ///
    /// ```
    /// let claim = embedis::cmd::XClaim::new("s", "g", "c", std::time::Duration::ZERO, []).time(1_700_000_000_000);
    /// # drop(claim);
    /// ```
    pub fn time(self, unix_ms: u64) -> XClaim {
        self.option("TIME", unix_ms.to_string())
    }

    /// `RETRYCOUNT n`: set the delivery counter instead of incrementing it.
    ///
    /// ```
    /// let claim = embedis::cmd::XClaim::new("s", "g", "c", std::time::Duration::ZERO, []).retry_count(3);
    /// # drop(claim);
    /// ```
    pub fn retry_count(self, count: u64) -> XClaim {
        self.option("RETRYCOUNT", count.to_string())
    }

    /// `LASTID id`: move the group's last delivered ID forward to at least `id`.
    ///
    /// ```
    /// use embedis::{cmd::XClaim, StreamId};
    /// let claim = XClaim::new("s", "g", "c", std::time::Duration::ZERO, []).last_id(StreamId::new(9, 0));
    /// # drop(claim);
    /// ```
    pub fn last_id(self, id: StreamId) -> XClaim {
        self.option("LASTID", id.to_string())
    }

    fn option(mut self, name: &'static str, value: String) -> XClaim {
        self.args.push(Bytes::from_static(name.as_bytes()));
        self.args.push(Bytes::from(value));
        self
    }

    /// `JUSTID`: reply IDs only, without counting a delivery.
    ///
    /// ```
    /// let claim = embedis::cmd::XClaim::new("s", "g", "c", std::time::Duration::ZERO, []).just_id();
    /// # drop(claim);
    /// ```
    pub fn just_id(mut self) -> XClaim {
        self.args.push(Bytes::from_static(b"JUSTID"));
        self
    }

    /// `FORCE`: create pending entries for IDs no one owns yet.
    ///
    /// ```
    /// let claim = embedis::cmd::XClaim::new("s", "g", "c", std::time::Duration::ZERO, []).force();
    /// # drop(claim);
    /// ```
    pub fn force(mut self) -> XClaim {
        self.args.push(Bytes::from_static(b"FORCE"));
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let consumer = args.next_bytes()?;
        Ok(Command::from(XClaim {
            key,
            group,
            consumer,
            args: args.rest(),
        }))
    }

    /// The argument errors Redis reports only once key and group are known to exist.
    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Logged as the final state of the pending entries it touched (see stream_log.rs).
        let journals = ctx.open_journals([&self.key], &self.group);
        let reply = self.run(ctx).unwrap_or_else(Reply::from);
        ctx.close_journals(journals);
        reply
    }

    fn run(self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let now = ctx.now_ms();
        let stream = ctx.read_stream(&self.key)?;
        if !stream.is_some_and(|s| s.groups.contains_key(&self.group)) {
            return Err(no_key_or_group(&self.key, &self.group));
        }
        let min_idle = parse_i64(&self.args[0])
            .ok_or(StreamError::InvalidMinIdle)?
            .max(0);
        let mut ids = Vec::new();
        let mut rest = self.args[1..].iter();
        let mut pending_option = None;
        for arg in rest.by_ref() {
            match StreamId::parse_with(arg, 0, true) {
                Some(id) => ids.push(id),
                None => {
                    pending_option = Some(arg);
                    break;
                }
            }
        }
        let mut options: Vec<&Bytes> = pending_option.into_iter().collect();
        options.extend(rest);
        let (mut force, mut justid) = (false, false);
        let mut delivery_time: Option<i64> = None;
        let mut retry_count: Option<i64> = None;
        let mut last_id = StreamId::MIN;
        let mut i = 0;
        while i < options.len() {
            let option = options[i];
            let more = i + 1 < options.len();
            let upper = upper_keyword(option);
            match upper.as_slice() {
                b"FORCE" => force = true,
                b"JUSTID" => justid = true,
                b"IDLE" if more => {
                    i += 1;
                    let idle = parse_i64(options[i]).ok_or(StreamError::NegativeIdle)?;
                    delivery_time = Some((now as i64).saturating_sub(idle));
                }
                b"TIME" if more => {
                    i += 1;
                    delivery_time = Some(parse_i64(options[i]).ok_or(StreamError::InvalidTime)?);
                }
                b"RETRYCOUNT" if more => {
                    i += 1;
                    retry_count =
                        Some(parse_i64(options[i]).ok_or(StreamError::InvalidRetryCount)?);
                }
                b"LASTID" if more => {
                    i += 1;
                    last_id = parse_strict_id(options[i])?;
                }
                _ => return Err(Error::UnrecognizedXclaimOption(error_text(option))),
            }
            i += 1;
        }
        let delivered_at = match delivery_time {
            Some(t) if t >= 0 && t <= now as i64 => t as u64,
            _ => now,
        };
        let retry_count = retry_count.filter(|&n| n >= 0).map(|n| n as u64);
        let Some(Stream { log, groups }) = ctx.stream(&self.key)? else {
            return Err(no_key_or_group(&self.key, &self.group));
        };
        let Some(group) = groups.get_mut(&self.group) else {
            return Err(no_key_or_group(&self.key, &self.group));
        };
        let advanced = last_id > group.last_id;
        if advanced {
            group.last_id = last_id;
        }
        let mut replies = Vec::new();
        let mut consumer_created = false;
        let mut consumer_ready = false;
        // Pending records of deleted entries dropped.
        let mut dropped = 0;
        for id in ids {
            let Some(entry) = log.get(id) else {
                // The entry is gone: so is its pending record.
                dropped += usize::from(group.ack(id));
                continue;
            };
            let existing = group.pel.get(&id).cloned();
            if existing.is_none() && !force {
                continue;
            }
            if let Some(pending) = &existing
                && min_idle > 0
                && (now.saturating_sub(pending.delivered_at) as i64) < min_idle
            {
                continue;
            }
            if !consumer_ready {
                consumer_created = !group.consumers.contains_key(&self.consumer);
                group.touch_consumer(&self.consumer, now);
                consumer_ready = true;
            }
            let previous = existing.map_or(1, |p| p.deliveries);
            let deliveries = match retry_count {
                Some(n) => n,
                None if justid => previous,
                None => previous + 1,
            };
            group.claim(id, &self.consumer, delivered_at, deliveries);
            if let Some(consumer) = group.consumers.get_mut(&self.consumer) {
                consumer.active_at = Some(now);
            }
            replies.push(if justid {
                id_reply(id)
            } else {
                entry_reply(entry)
            });
        }
        // redis-server counts each claim and dropped record, and the group's new last ID
        // only when nothing else changed (the claims carry it then).
        let changed = replies.len() + dropped;
        ctx.count_changes(
            changed + usize::from(consumer_created) + usize::from(advanced && changed == 0),
        );
        if consumer_created {
            ctx.notify(notify::STREAM, "xgroup-createconsumer", &self.key);
        }
        Ok(Reply::Array(replies))
    }
}

// ---------------------------------------------------------------------------------------
// XAUTOCLAIM
// ---------------------------------------------------------------------------------------

/// `XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]`: claims
/// entries idle at least `min-idle-time`, scanning the PEL from `start`; replies the next
/// cursor, the claimed entries and the IDs found deleted (dropped from the PEL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XAutoClaim {
    key: Bytes,
    group: Bytes,
    consumer: Bytes,
    min_idle: Bytes,
    start: Bytes,
    options: Vec<Bytes>,
}

impl XAutoClaim {
    /// `XAUTOCLAIM key group consumer min-idle-time start`.
    ///
    /// ```
    /// use embedis::{cmd::XAutoClaim, StreamId};
    /// let claim = XAutoClaim::new("s", "g", "rescuer", std::time::Duration::from_secs(30), StreamId::MIN);
    /// # drop(claim);
    /// ```
    pub fn new(
        key: impl IntoArg,
        group: impl IntoArg,
        consumer: impl IntoArg,
        min_idle: std::time::Duration,
        start: StreamId,
    ) -> XAutoClaim {
        XAutoClaim {
            key: key.into_arg(),
            group: group.into_arg(),
            consumer: consumer.into_arg(),
            min_idle: Bytes::from(min_idle.as_millis().to_string()),
            start: Bytes::from(start.to_string()),
            options: Vec::new(),
        }
    }

    /// `COUNT n` (default 100).
    ///
    /// ```
    /// let claim = embedis::cmd::XAutoClaim::new("s", "g", "c", std::time::Duration::ZERO, embedis::StreamId::MIN).count(10);
    /// # drop(claim);
    /// ```
    pub fn count(mut self, n: usize) -> XAutoClaim {
        self.options.push(Bytes::from_static(b"COUNT"));
        self.options.push(Bytes::from(n.to_string()));
        self
    }

    /// `JUSTID`.
    ///
    /// ```
    /// let claim = embedis::cmd::XAutoClaim::new("s", "g", "c", std::time::Duration::ZERO, embedis::StreamId::MIN).just_id();
    /// # drop(claim);
    /// ```
    pub fn just_id(mut self) -> XAutoClaim {
        self.options.push(Bytes::from_static(b"JUSTID"));
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let consumer = args.next_bytes()?;
        let min_idle = args.next_bytes()?;
        let start = args.next_bytes()?;
        Ok(Command::from(XAutoClaim {
            key,
            group,
            consumer,
            min_idle,
            start,
            options: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Logged as the final state of the pending entries it touched (see stream_log.rs).
        let journals = ctx.open_journals([&self.key], &self.group);
        let reply = self.run(ctx).unwrap_or_else(Reply::from);
        ctx.close_journals(journals);
        reply
    }

    fn run(self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let now = ctx.now_ms();
        // redis-server looks the key up first (a miss is announced then), parses every
        // argument, and only then checks the key's type and group.
        ctx.look_up_early(&self.key);
        let min_idle = parse_i64(&self.min_idle)
            .ok_or(Error::Stream(StreamError::InvalidMinIdleAutoclaim))?
            .max(0);
        let start = parse_bound(&self.start, true)?;
        let mut count: u64 = 100;
        let mut justid = false;
        let mut i = 0;
        while i < self.options.len() {
            let option = upper_keyword(&self.options[i]);
            let more = i + 1 < self.options.len();
            if option.as_slice() == b"COUNT" && more {
                let n = parse_i64(&self.options[i + 1])
                    .ok_or(Error::Stream(StreamError::InvalidCount))?;
                if !(1..=i64::MAX / 16).contains(&n) {
                    return Err(StreamError::InvalidCount.into());
                }
                count = n as u64;
                i += 1;
            } else if option.as_slice() == b"JUSTID" {
                justid = true;
            } else {
                return Err(Error::Syntax);
            }
            i += 1;
        }
        let Some(Stream { log, groups }) = ctx.stream(&self.key)? else {
            return Err(no_key_or_group(&self.key, &self.group));
        };
        let Some(group) = groups.get_mut(&self.group) else {
            return Err(no_key_or_group(&self.key, &self.group));
        };
        let mut attempts = count.saturating_mul(10);
        let mut claimed = Vec::new();
        let mut deleted = Vec::new();
        let mut consumer_created = false;
        let mut consumer_ready = false;
        // Where the scan goes on; `None` once it examined the largest possible ID.
        let mut cursor = Some(start);
        while attempts > 0 && count > 0 {
            let Some(from) = cursor else {
                break;
            };
            let Some((&id, pending)) = group.pel.range(from..).next() else {
                break;
            };
            let pending = pending.clone();
            attempts -= 1;
            cursor = id.next();
            let Some(entry) = log.get(id) else {
                group.ack(id);
                deleted.push(id_reply(id));
                count -= 1;
                continue;
            };
            if min_idle > 0 && (now.saturating_sub(pending.delivered_at) as i64) < min_idle {
                continue;
            }
            if !consumer_ready {
                consumer_created = !group.consumers.contains_key(&self.consumer);
                group.touch_consumer(&self.consumer, now);
                consumer_ready = true;
            }
            let deliveries = if justid {
                pending.deliveries
            } else {
                pending.deliveries + 1
            };
            group.claim(id, &self.consumer, now, deliveries);
            if let Some(consumer) = group.consumers.get_mut(&self.consumer) {
                consumer.active_at = Some(now);
            }
            claimed.push(if justid {
                id_reply(id)
            } else {
                entry_reply(entry)
            });
            count -= 1;
        }
        // The cursor is the next pending ID after the last one examined, 0-0 at the end.
        let next = cursor
            .and_then(|from| group.pel.range(from..).next())
            .map_or(StreamId::MIN, |(id, _)| *id);
        ctx.count_changes(claimed.len() + deleted.len() + usize::from(consumer_created));
        if consumer_created {
            ctx.notify(notify::STREAM, "xgroup-createconsumer", &self.key);
        }
        Ok(Reply::Array(vec![
            id_reply(next),
            Reply::Array(claimed),
            Reply::Array(deleted),
        ]))
    }
}

// ---------------------------------------------------------------------------------------
// XINFO
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum InfoAction {
    /// `FULL [COUNT n]`; an option error is raised after the key lookup.
    Stream {
        full: Result<Option<usize>, Error>,
    },
    Groups,
    Consumers(Bytes),
    Help,
}

/// `XINFO STREAM key [FULL [COUNT count]]`, `XINFO GROUPS key`, `XINFO CONSUMERS key
/// group`, `XINFO HELP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XInfo {
    key: Bytes,
    action: InfoAction,
}

impl XInfo {
    /// `XINFO STREAM key`.
    ///
    /// ```
    /// use embedis::{cmd::{XAdd, XInfo}, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.run(XAdd::new("s", [("f", "v")])).unwrap();
    /// let info = conn.run(XInfo::stream("s")).unwrap();
    /// # drop(info);
    /// ```
    pub fn stream(key: impl IntoArg) -> XInfo {
        XInfo {
            key: key.into_arg(),
            action: InfoAction::Stream { full: Ok(None) },
        }
    }

    /// `XINFO GROUPS key`.
    ///
    /// ```
    /// let info = embedis::cmd::XInfo::groups("s");
    /// # drop(info);
    /// ```
    pub fn groups(key: impl IntoArg) -> XInfo {
        XInfo {
            key: key.into_arg(),
            action: InfoAction::Groups,
        }
    }

    /// `XINFO CONSUMERS key group`.
    ///
    /// ```
    /// let info = embedis::cmd::XInfo::consumers("s", "g");
    /// # drop(info);
    /// ```
    pub fn consumers(key: impl IntoArg, group: impl IntoArg) -> XInfo {
        XInfo {
            key: key.into_arg(),
            action: InfoAction::Consumers(group.into_arg()),
        }
    }

    pub(crate) fn parse_stream(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let syntax = |args: &Args| Error::SubcommandSyntax {
            subcommand: error_text(&args.subcommand_name()),
            command: "XINFO".into(),
        };
        let rest = args.rest();
        let full = match rest.as_slice() {
            [] => Ok(None),
            [full] if keyword_is(full, "FULL") => Ok(Some(10)),
            [full, count, n] if keyword_is(full, "FULL") && keyword_is(count, "COUNT") => {
                parse_i64(n)
                    // 0 is "all"; a negative count is the default, as in redis-server.
                    .map(|n| Some(usize::try_from(n).unwrap_or(10)))
                    .ok_or(Error::NotInteger)
            }
            _ => Err(syntax(args)),
        };
        Ok(Command::XInfo(XInfo {
            key,
            action: InfoAction::Stream { full },
        }))
    }

    pub(crate) fn parse_groups(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::XInfo(XInfo::groups(args.next_bytes()?)))
    }

    pub(crate) fn parse_consumers(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::XInfo(XInfo::consumers(key, args.next_bytes()?)))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::XInfo(XInfo {
            key: Bytes::new(),
            action: InfoAction::Help,
        }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.action {
            InfoAction::Stream { .. } => "xinfo|stream",
            InfoAction::Groups => "xinfo|groups",
            InfoAction::Consumers(_) => "xinfo|consumers",
            InfoAction::Help => "xinfo|help",
        }
    }

    /// The stream it asks about; `None` for HELP, which names none.
    pub(crate) fn key(&self) -> Option<&Bytes> {
        (self.action != InfoAction::Help).then_some(&self.key)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.action == InfoAction::Help {
            return Reply::help(&XINFO_HELP);
        }
        let now = ctx.now_ms();
        let stream = match ctx.read_stream(&self.key) {
            Ok(Some(stream)) => stream,
            Ok(None) => return Error::NoSuchKey.into(),
            Err(error) => return error.into(),
        };
        match self.action {
            InfoAction::Stream { full: Ok(None) } => stream_info(stream),
            InfoAction::Stream {
                full: Ok(Some(count)),
            } => stream_info_full(stream, count),
            InfoAction::Stream { full: Err(error) } => error.into(),
            InfoAction::Groups => Reply::Array(
                stream
                    .groups
                    .iter()
                    .map(|(name, group)| {
                        map(vec![
                            ("name", Reply::Bulk(name.clone())),
                            ("consumers", Reply::Integer(group.consumers.len() as i64)),
                            ("pending", Reply::Integer(group.pel.len() as i64)),
                            ("last-delivered-id", id_reply(group.last_id)),
                            ("entries-read", entries_read_reply(group.entries_read)),
                            ("lag", optional_integer(lag(stream, group))),
                        ])
                    })
                    .collect(),
            ),
            InfoAction::Consumers(group_name) => {
                let Some(group) = stream.groups.get(&group_name) else {
                    return no_group_for_key(&self.key, &group_name).into();
                };
                Reply::Array(
                    group
                        .consumers
                        .iter()
                        .map(|(name, consumer)| {
                            let inactive = consumer
                                .active_at
                                .map_or(-1, |at| now.saturating_sub(at) as i64);
                            map(vec![
                                ("name", Reply::Bulk(name.clone())),
                                ("pending", Reply::Integer(consumer.pending.len() as i64)),
                                (
                                    "idle",
                                    Reply::Integer(now.saturating_sub(consumer.seen_at) as i64),
                                ),
                                ("inactive", Reply::Integer(inactive)),
                            ])
                        })
                        .collect(),
                )
            }
            InfoAction::Help => Reply::help(&XINFO_HELP),
        }
    }
}

const XINFO_HELP: [&str; 9] = [
    "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CONSUMERS <key> <groupname>",
    "    Show consumers of <groupname>.",
    "GROUPS <key>",
    "    Show the stream consumer groups.",
    "STREAM <key> [FULL [COUNT <count>]",
    "    Show information about the stream.",
    "HELP",
    "    Prints this help.",
];

/// The fields XINFO STREAM starts with, FULL or not.
fn stream_header(stream: &Stream) -> Vec<(&'static str, Reply)> {
    let blocks = stream.log.blocks() as i64;
    vec![
        ("length", Reply::Integer(stream.log.len() as i64)),
        ("radix-tree-keys", Reply::Integer(blocks)),
        // Redis counts its radix tree's internal nodes; a tree of n keys has about n + 1.
        ("radix-tree-nodes", Reply::Integer(blocks + 1)),
        ("last-generated-id", id_reply(stream.log.last_id())),
        (
            "max-deleted-entry-id",
            id_reply(stream.log.max_deleted_id()),
        ),
        (
            "entries-added",
            Reply::Integer(stream.log.entries_added() as i64),
        ),
        ("recorded-first-entry-id", id_reply(first_id(stream))),
    ]
}

fn stream_info(stream: &Stream) -> Reply {
    let mut fields = stream_header(stream);
    fields.push(("groups", Reply::Integer(stream.groups.len() as i64)));
    fields.push((
        "first-entry",
        stream.log.first_entry().map_or(Reply::Nil, entry_reply),
    ));
    fields.push((
        "last-entry",
        stream.log.last_entry().map_or(Reply::Nil, entry_reply),
    ));
    map(fields)
}

fn stream_info_full(stream: &Stream, count: usize) -> Reply {
    let limit = if count == 0 { usize::MAX } else { count };
    let mut fields = stream_header(stream);
    let entries: Vec<StreamEntry> =
        stream
            .log
            .range(StreamId::MIN, StreamId::MAX, false, Some(limit));
    fields.push((
        "entries",
        Reply::Array(entries.into_iter().map(entry_reply).collect()),
    ));
    let groups = stream
        .groups
        .iter()
        .map(|(name, group)| {
            let pending = group
                .pel
                .iter()
                .take(limit)
                .map(|(id, p)| {
                    Reply::Array(vec![
                        id_reply(*id),
                        Reply::Bulk(p.consumer.clone()),
                        Reply::Integer(p.delivered_at as i64),
                        Reply::Integer(p.deliveries as i64),
                    ])
                })
                .collect();
            let consumers = group
                .consumers
                .iter()
                .map(|(consumer_name, consumer)| {
                    let own = consumer
                        .pending
                        .iter()
                        .take(limit)
                        .filter_map(|id| group.pel.get(id).map(|p| (id, p)))
                        .map(|(id, p)| {
                            Reply::Array(vec![
                                id_reply(*id),
                                Reply::Integer(p.delivered_at as i64),
                                Reply::Integer(p.deliveries as i64),
                            ])
                        })
                        .collect();
                    map(vec![
                        ("name", Reply::Bulk(consumer_name.clone())),
                        ("seen-time", Reply::Integer(consumer.seen_at as i64)),
                        (
                            "active-time",
                            Reply::Integer(consumer.active_at.map_or(-1, |at| at as i64)),
                        ),
                        ("pel-count", Reply::Integer(consumer.pending.len() as i64)),
                        ("pending", Reply::Array(own)),
                    ])
                })
                .collect();
            map(vec![
                ("name", Reply::Bulk(name.clone())),
                ("last-delivered-id", id_reply(group.last_id)),
                ("entries-read", entries_read_reply(group.entries_read)),
                ("lag", optional_integer(lag(stream, group))),
                ("pel-count", Reply::Integer(group.pel.len() as i64)),
                ("pending", Reply::Array(pending)),
                ("consumers", Reply::Array(consumers)),
            ])
        })
        .collect();
    fields.push(("groups", Reply::Array(groups)));
    map(fields)
}

// ---------------------------------------------------------------------------------------
// XDELEX and XACKDEL (Redis 8.2)
// ---------------------------------------------------------------------------------------

/// How XDELEX and XACKDEL treat consumer groups' references to what they delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RefPolicy {
    /// Delete the entry; pending lists keep their references (XDEL's behaviour).
    #[default]
    KeepRef,
    /// Delete the entry and remove it from every group's pending list.
    DelRef,
    /// Delete only an entry no group still needs: pending nowhere, and delivered to every
    /// group already.
    Acked,
}

/// Reply codes of XDELEX and XACKDEL, per ID.
const NO_SUCH_ID: i64 = -1;
const DELETED: i64 = 1;
const STILL_REFERENCED: i64 = 2;

/// `[KEEPREF | DELREF | ACKED] IDS numids id [id ...]`, the tail both commands share.
fn parse_ref_policy_and_ids(args: &mut Args) -> Result<(RefPolicy, Vec<StreamId>), Error> {
    let rest = args.rest();
    let mut policy = None;
    let mut ids = None;
    let mut i = 0;
    while i < rest.len() {
        let word = upper_keyword(&rest[i]);
        match word.as_slice() {
            b"KEEPREF" | b"DELREF" | b"ACKED" if policy.is_none() => {
                policy = Some(match word.as_slice() {
                    b"KEEPREF" => RefPolicy::KeepRef,
                    b"DELREF" => RefPolicy::DelRef,
                    _ => RefPolicy::Acked,
                });
                i += 1;
            }
            b"IDS" if ids.is_none() && i + 1 < rest.len() => {
                let n = parse_i64(&rest[i + 1])
                    .filter(|&n| n >= 1)
                    .ok_or(Error::Stream(StreamError::NumIdsNotPositive))?;
                let start = i + 2;
                let n = usize::try_from(n).unwrap_or(usize::MAX);
                if n > rest.len() - start {
                    return Err(StreamError::NumIdsMismatch.into());
                }
                ids = Some(
                    rest[start..start + n]
                        .iter()
                        .map(|arg| parse_strict_id(arg))
                        .collect::<Result<Vec<_>, _>>()?,
                );
                i = start + n;
            }
            _ => return Err(Error::Syntax),
        }
    }
    let ids = ids.ok_or(Error::Syntax)?;
    Ok((policy.unwrap_or_default(), ids))
}

/// Deletes `id` from the log under `policy`: `None` if ACKED keeps it because a group
/// still needs it; otherwise whether it existed (under DELREF, after dropping it from
/// every pending list).
fn delete_under_policy(stream: &mut Stream, id: StreamId, policy: RefPolicy) -> Option<bool> {
    match policy {
        RefPolicy::Acked if referenced(&stream.groups, id) => return None,
        RefPolicy::DelRef => stream.drop_references(id),
        _ => {}
    }
    Some(stream.log.delete(&[id]) == 1)
}

/// `XDELEX key [KEEPREF | DELREF | ACKED] IDS numids id [id ...]` (Redis 8.2): XDEL with a
/// policy for consumer groups' references. Replies, per ID: 1 deleted, -1 no such entry,
/// 2 kept because a group still needs it (ACKED).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XDelEx {
    key: Bytes,
    policy: RefPolicy,
    ids: Vec<StreamId>,
}

impl XDelEx {
    /// `XDELEX key <policy> IDS n id ...`.
    ///
    /// ```
    /// use embedis::{cmd::{RefPolicy, XDelEx}, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["XADD", "s", "1-1", "f", "v"]).unwrap();
    /// let codes = conn.run(XDelEx::new("s", RefPolicy::Acked, [StreamId::new(1, 1), StreamId::new(9, 9)])).unwrap();
    /// assert_eq!(codes, [1, -1]);
    /// ```
    pub fn new(
        key: impl IntoArg,
        policy: RefPolicy,
        ids: impl IntoIterator<Item = StreamId>,
    ) -> XDelEx {
        XDelEx {
            key: key.into_arg(),
            policy,
            ids: ids.into_iter().collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let (policy, ids) = parse_ref_policy_and_ids(args)?;
        Ok(Command::XDelEx(XDelEx { key, policy, ids }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let stream = match ctx.stream(&self.key) {
            Ok(Some(stream)) => stream,
            Ok(None) => return codes(vec![NO_SUCH_ID; self.ids.len()]),
            Err(error) => return error.into(),
        };
        let mut results = Vec::with_capacity(self.ids.len());
        let mut deleted = 0;
        for &id in &self.ids {
            results.push(match delete_under_policy(stream, id, self.policy) {
                None => STILL_REFERENCED,
                Some(true) => {
                    deleted += 1;
                    DELETED
                }
                Some(false) => NO_SUCH_ID,
            });
        }
        if deleted > 0 {
            ctx.touch(&self.key);
            ctx.notify(notify::STREAM, "xdel", &self.key);
        }
        log_ref_command(ctx, b"XDELEX", &self.key, None, self.policy, &self.ids);
        codes(results)
    }
}

/// `XACKDEL key group [KEEPREF | DELREF | ACKED] IDS numids id [id ...]` (Redis 8.2):
/// acknowledges in `group` and deletes. Replies, per ID: -1 not pending in the group,
/// 1 acknowledged and deleted (or already gone), 2 acknowledged but kept because another
/// group still needs it (ACKED).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XAckDel {
    key: Bytes,
    group: Bytes,
    policy: RefPolicy,
    ids: Vec<StreamId>,
}

impl XAckDel {
    /// `XACKDEL key group <policy> IDS n id ...`.
    ///
    /// ```
    /// use embedis::{cmd::{RefPolicy, XAckDel}, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// let codes = conn.run(XAckDel::new("s", "g", RefPolicy::KeepRef, [StreamId::new(1, 1)])).unwrap();
    /// assert_eq!(codes, [-1]); // no such key
    /// ```
    pub fn new(
        key: impl IntoArg,
        group: impl IntoArg,
        policy: RefPolicy,
        ids: impl IntoIterator<Item = StreamId>,
    ) -> XAckDel {
        XAckDel {
            key: key.into_arg(),
            group: group.into_arg(),
            policy,
            ids: ids.into_iter().collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let (policy, ids) = parse_ref_policy_and_ids(args)?;
        Ok(Command::from(XAckDel {
            key,
            group,
            policy,
            ids,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let stream = match ctx.stream(&self.key) {
            Ok(Some(stream)) if stream.groups.contains_key(&self.group) => stream,
            Ok(_) => return codes(vec![NO_SUCH_ID; self.ids.len()]),
            Err(error) => return error.into(),
        };
        let mut results = Vec::with_capacity(self.ids.len());
        let mut deleted = 0;
        for &id in &self.ids {
            let acked = stream
                .groups
                .get_mut(&self.group)
                .is_some_and(|group| group.ack(id));
            if !acked {
                results.push(NO_SUCH_ID);
                continue;
            }
            match delete_under_policy(stream, id, self.policy) {
                None => results.push(STILL_REFERENCED),
                Some(existed) => {
                    deleted += u64::from(existed);
                    results.push(DELETED);
                }
            }
        }
        if deleted > 0 {
            ctx.touch(&self.key);
            ctx.notify(notify::STREAM, "xdel", &self.key);
        }
        log_ref_command(
            ctx,
            b"XACKDEL",
            &self.key,
            Some(&self.group),
            self.policy,
            &self.ids,
        );
        codes(results)
    }
}

/// XDELEX and XACKDEL log themselves as they ran: given the same data, they do the same.
fn log_ref_command(
    ctx: &mut Ctx,
    name: &[u8],
    key: &[u8],
    group: Option<&Bytes>,
    policy: RefPolicy,
    ids: &[StreamId],
) {
    if !ctx.logging() {
        return;
    }
    let ids: Vec<String> = ids.iter().map(StreamId::to_string).collect();
    let count = ids.len().to_string();
    let mut argv: Vec<&[u8]> = vec![name, key];
    if let Some(group) = group {
        argv.push(group);
    }
    argv.push(match policy {
        RefPolicy::KeepRef => b"KEEPREF",
        RefPolicy::DelRef => b"DELREF",
        RefPolicy::Acked => b"ACKED",
    });
    argv.extend([b"IDS" as &[u8], count.as_bytes()]);
    argv.extend(ids.iter().map(String::as_bytes));
    ctx.log_effect(&argv);
}

fn codes(codes: Vec<i64>) -> Reply {
    Reply::Array(codes.into_iter().map(Reply::Integer).collect())
}

// ---------------------------------------------------------------------------------------
// XNACK (Redis 8.8)
// ---------------------------------------------------------------------------------------

/// How XNACK adjusts a released entry's delivery counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NackMode {
    /// The delivery did not count (shutdown, an internal failure): the counter goes down
    /// by one.
    Silent,
    /// This consumer failed; let another try: the counter is kept.
    Fail,
    /// A poison message: the counter is set to its maximum.
    Fatal,
}

/// `XNACK key group SILENT|FAIL|FATAL IDS numids id [id ...] [RETRYCOUNT count] [FORCE]`
/// (Redis 8.8): releases pending entries back to the group, unowned and with a delivery
/// time of 0, so claiming commands take them at once whatever their min-idle-time, and
/// XREADGROUP ... CLAIM takes them before other idle entries, in the order they were
/// released. Replies how many were released.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XNack {
    key: Bytes,
    group: Bytes,
    mode: NackMode,
    ids: Vec<StreamId>,
    retry_count: Option<u64>,
    force: bool,
}

impl XNack {
    /// `XNACK key group <mode> IDS n id ...`.
    ///
    /// ```
    /// use embedis::{cmd::{NackMode, XNack}, Engine, StreamId};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["XADD", "s", "1-1", "f", "v"]).unwrap();
    /// conn.call(["XGROUP", "CREATE", "s", "g", "0"]).unwrap();
    /// conn.call(["XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">"]).unwrap();
    /// assert_eq!(conn.run(XNack::new("s", "g", NackMode::Fail, [StreamId::new(1, 1)])).unwrap(), 1);
    /// ```
    pub fn new(
        key: impl IntoArg,
        group: impl IntoArg,
        mode: NackMode,
        ids: impl IntoIterator<Item = StreamId>,
    ) -> XNack {
        XNack {
            key: key.into_arg(),
            group: group.into_arg(),
            mode,
            ids: ids.into_iter().collect(),
            retry_count: None,
            force: false,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let group = args.next_bytes()?;
        let mode = match upper_keyword(&args.next_bytes()?).as_slice() {
            b"SILENT" => NackMode::Silent,
            b"FAIL" => NackMode::Fail,
            b"FATAL" => NackMode::Fatal,
            _ => return Err(StreamError::NackMode.into()),
        };
        let rest = args.rest();
        if !rest.first().is_some_and(|w| keyword_is(w, "IDS")) {
            return Err(Error::Syntax);
        }
        let n = rest
            .get(1)
            .and_then(|n| parse_i64(n))
            .filter(|&n| n >= 1)
            .ok_or(Error::Stream(StreamError::NackNumIds))?;
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        if n > rest.len() - 2 {
            return Err(StreamError::NackNumIdsMismatch.into());
        }
        let ids = rest[2..2 + n]
            .iter()
            .map(|arg| parse_strict_id(arg))
            .collect::<Result<Vec<_>, _>>()?;
        let mut command = XNack {
            key,
            group,
            mode,
            ids,
            retry_count: None,
            force: false,
        };
        let mut i = 2 + n;
        while i < rest.len() {
            let word = upper_keyword(&rest[i]);
            match word.as_slice() {
                b"RETRYCOUNT" if i + 1 < rest.len() => {
                    let count = parse_i64(&rest[i + 1]).ok_or(Error::NotInteger)?;
                    command.retry_count =
                        Some(u64::try_from(count).map_err(|_| StreamError::NackRetryNegative)?);
                    i += 2;
                }
                b"FORCE" => {
                    command.force = true;
                    i += 1;
                }
                _ => return Err(Error::Syntax),
            }
        }
        Ok(Command::from(command))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let logging = ctx.logging();
        let stream = match ctx.read_stream(&self.key) {
            Ok(stream) => stream,
            Err(error) => return error.into(),
        };
        let Some(Stream { log, groups }) = stream else {
            return no_key_or_group(&self.key, &self.group).into();
        };
        let Some(group) = groups.get_mut(&self.group) else {
            return no_key_or_group(&self.key, &self.group).into();
        };
        let unowned = Bytes::new();
        let mut released = 0;
        let mut nacks = Vec::new();
        for &id in &self.ids {
            let previous = match group.pel.get(&id) {
                Some(pending) => pending.deliveries,
                None if self.force && log.get(id).is_some() => 0,
                None => continue,
            };
            let forced = !group.pel.contains_key(&id);
            let deliveries = match (self.retry_count, self.mode) {
                (Some(count), _) => count,
                (None, NackMode::Fatal) => i64::MAX as u64,
                (None, _) if forced => 0,
                (None, NackMode::Silent) => previous.saturating_sub(1),
                (None, NackMode::Fail) => previous,
            };
            // Unowned, delivered "at 0": claimable at once, first in line.
            group.claim(id, &unowned, 0, deliveries);
            group.nacked.retain(|&other| other != id);
            group.nacked.push_back(id);
            released += 1;
            if logging {
                nacks.push((id, deliveries));
            }
        }
        // One XNACK per entry, with its resulting count: the same releases in the same order.
        for (id, deliveries) in nacks {
            ctx.log_with(|out| commands::xnack(&self.key, &self.group, id, deliveries, out));
        }
        Reply::Integer(released)
    }
}
