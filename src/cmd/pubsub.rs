//! Pub/sub commands: (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PUBLISH, SPUBLISH and PUBSUB.
//!
//! A connection subscribes through the same fan-out as a typed
//! [`Subscriber`](crate::Subscriber) (see `exec/fanout.rs`): `PUBSUB NUMSUB` counts both,
//! and a `PUBLISH` reaches both. Each (un)subscription is confirmed by its own frame with
//! the running count, as redis-server sends it: channels and patterns counted together,
//! shard channels apart. Messages reach the connection as push frames (arrays in RESP2).

use std::sync::Arc;

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::error::error_text;
use crate::store::pubsub::{Kind, Registry, SubscriberId};
use crate::{Error, Reply};

/// `SUBSCRIBE channel [channel ...]`, `PSUBSCRIBE pattern [pattern ...]` and
/// `SSUBSCRIBE shardchannel [shardchannel ...]`: one confirmation frame per name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscribe {
    kind: Kind,
    names: Vec<Bytes>,
}

impl Subscribe {
    /// `SUBSCRIBE channel ...`.
    ///
    /// ```
    /// use embedis::{cmd::Subscribe, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.send_command(Subscribe::channels(["news"])).unwrap();
    /// assert_eq!(
    ///     conn.recv().unwrap(),
    ///     Reply::Push(vec![Reply::bulk("subscribe"), Reply::bulk("news"), Reply::Integer(1)])
    /// );
    /// ```
    pub fn channels<I>(names: I) -> Subscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Subscribe::of(Kind::Channel, names)
    }

    /// `PSUBSCRIBE pattern ...`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Subscribe};
    /// assert_eq!(Command::from_argv(["PSUBSCRIBE", "a*"]).unwrap(), Subscribe::patterns(["a*"]).into());
    /// ```
    pub fn patterns<I>(names: I) -> Subscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Subscribe::of(Kind::Pattern, names)
    }

    /// `SSUBSCRIBE shardchannel ...`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Subscribe};
    /// assert_eq!(Command::from_argv(["SSUBSCRIBE", "s"]).unwrap(), Subscribe::shard(["s"]).into());
    /// ```
    pub fn shard<I>(names: I) -> Subscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Subscribe::of(Kind::Shard, names)
    }

    fn of<I>(kind: Kind, names: I) -> Subscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Subscribe {
            kind,
            names: names.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Subscribe(Subscribe::of(
            Kind::Channel,
            args.rest(),
        )))
    }

    pub(crate) fn parse_pattern(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Subscribe(Subscribe::of(
            Kind::Pattern,
            args.rest(),
        )))
    }

    pub(crate) fn parse_shard(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Subscribe(Subscribe::of(Kind::Shard, args.rest())))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.kind {
            Kind::Channel => "subscribe",
            Kind::Pattern => "psubscribe",
            Kind::Shard => "ssubscribe",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        // Redis 7.0 lets SUBSCRIBE and PSUBSCRIBE run inside MULTI, but not SSUBSCRIBE.
        if self.kind == Kind::Shard && ctx.session.in_exec() {
            return Reply::Error(Error::SsubscribeDenyBlocking);
        }
        let fanout = Arc::clone(&ctx.events.fanout);
        let Some(link) = ctx.session.pubsub.as_mut() else {
            return Reply::Error(Error::NotAllowedInAtomically);
        };
        let id = *link.id.get_or_insert_with(|| fanout.new_id());
        fanout.ensure_connection_sink(id, || link.sink());
        link.needs_arm = true;
        let kind = self.kind;
        let word = self.name();
        let mut frames = fanout.with_registry(|registry| {
            self.names
                .into_iter()
                .map(|name| {
                    registry.subscribe(id, kind, name.clone());
                    confirmation(word, Reply::Bulk(name), running_count(registry, id, kind))
                })
                .collect::<Vec<_>>()
        });
        refresh_counts(ctx, id);
        finish(ctx, &mut frames)
    }
}

/// `UNSUBSCRIBE [channel ...]`, `PUNSUBSCRIBE [pattern ...]` and
/// `SUNSUBSCRIBE [shardchannel ...]`: without names, leaves every one of that kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsubscribe {
    kind: Kind,
    names: Vec<Bytes>,
}

impl Unsubscribe {
    /// `UNSUBSCRIBE channel ...` (no channel: all of them).
    ///
    /// ```
    /// use embedis::cmd::{Command, Unsubscribe};
    /// let none: [&str; 0] = [];
    /// assert_eq!(Command::from_argv(["UNSUBSCRIBE"]).unwrap(), Unsubscribe::channels(none).into());
    /// ```
    pub fn channels<I>(names: I) -> Unsubscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Unsubscribe::of(Kind::Channel, names)
    }

    /// `PUNSUBSCRIBE pattern ...` (no pattern: all of them).
    ///
    /// ```
    /// use embedis::cmd::{Command, Unsubscribe};
    /// assert_eq!(Command::from_argv(["PUNSUBSCRIBE", "a*"]).unwrap(), Unsubscribe::patterns(["a*"]).into());
    /// ```
    pub fn patterns<I>(names: I) -> Unsubscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Unsubscribe::of(Kind::Pattern, names)
    }

    /// `SUNSUBSCRIBE shardchannel ...` (none: all of them).
    ///
    /// ```
    /// use embedis::cmd::{Command, Unsubscribe};
    /// assert_eq!(Command::from_argv(["SUNSUBSCRIBE", "s"]).unwrap(), Unsubscribe::shard(["s"]).into());
    /// ```
    pub fn shard<I>(names: I) -> Unsubscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Unsubscribe::of(Kind::Shard, names)
    }

    fn of<I>(kind: Kind, names: I) -> Unsubscribe
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        Unsubscribe {
            kind,
            names: names.into_iter().map(IntoArg::into_arg).collect(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Unsubscribe(Unsubscribe::of(
            Kind::Channel,
            args.rest(),
        )))
    }

    pub(crate) fn parse_pattern(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Unsubscribe(Unsubscribe::of(
            Kind::Pattern,
            args.rest(),
        )))
    }

    pub(crate) fn parse_shard(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Unsubscribe(Unsubscribe::of(
            Kind::Shard,
            args.rest(),
        )))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.kind {
            Kind::Channel => "unsubscribe",
            Kind::Pattern => "punsubscribe",
            Kind::Shard => "sunsubscribe",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let word = self.name();
        let kind = self.kind;
        let mut frames = match unsubscribe(ctx, kind, self.names) {
            Ok(frames) => frames,
            Err(error) => return Reply::Error(error),
        };
        if frames.is_empty() {
            // Nothing to leave: one frame with a nil name, as redis-server answers.
            let count = ctx.session.pubsub.as_ref().map_or(0, |link| match kind {
                Kind::Shard => link.shard_subscriptions,
                _ => link.subscriptions,
            });
            frames.push(confirmation(word, Reply::Nil, count));
        }
        finish(ctx, &mut frames)
    }
}

/// Leaves `names` (all of `kind` when empty); returns one confirmation per name.
fn unsubscribe(ctx: &mut Ctx, kind: Kind, names: Vec<Bytes>) -> Result<Vec<Reply>, Error> {
    let fanout = Arc::clone(&ctx.events.fanout);
    let Some(link) = ctx.session.pubsub.as_ref() else {
        return Err(Error::NotAllowedInAtomically);
    };
    let word = Unsubscribe {
        kind,
        names: Vec::new(),
    }
    .name();
    let Some(id) = link.id else {
        // Never subscribed: each named channel is confirmed with a count of 0.
        return Ok(names
            .into_iter()
            .map(|name| confirmation(word, Reply::Bulk(name), 0))
            .collect());
    };
    let frames = fanout.with_registry(|registry| {
        let names = if names.is_empty() {
            registry.subscriptions(id, kind)
        } else {
            names
        };
        names
            .into_iter()
            .map(|name| {
                registry.unsubscribe(id, kind, &name);
                confirmation(word, Reply::Bulk(name), running_count(registry, id, kind))
            })
            .collect()
    });
    refresh_counts(ctx, id);
    Ok(frames)
}

/// RESET and QUIT: leaves everything without confirmations.
pub(crate) fn leave_all(ctx: &mut Ctx) {
    let fanout = Arc::clone(&ctx.events.fanout);
    if let Some(link) = ctx.session.pubsub.as_mut() {
        if let Some(id) = link.id.take() {
            fanout.remove_subscriber(id);
        }
        link.subscriptions = 0;
        link.shard_subscriptions = 0;
        link.needs_arm = false;
    }
}

fn running_count(registry: &Registry, id: SubscriberId, kind: Kind) -> usize {
    match kind {
        Kind::Shard => registry.count(id, Kind::Shard),
        _ => registry.count(id, Kind::Channel) + registry.count(id, Kind::Pattern),
    }
}

fn refresh_counts(ctx: &mut Ctx, id: SubscriberId) {
    let fanout = Arc::clone(&ctx.events.fanout);
    let (subscriptions, shard) = fanout.with_registry(|registry| {
        (
            registry.count(id, Kind::Channel) + registry.count(id, Kind::Pattern),
            registry.count(id, Kind::Shard),
        )
    });
    if let Some(link) = ctx.session.pubsub.as_mut() {
        link.subscriptions = subscriptions;
        link.shard_subscriptions = shard;
    }
}

fn confirmation(word: &'static str, name: Reply, count: usize) -> Reply {
    Reply::Push(vec![Reply::bulk(word), name, Reply::Integer(count as i64)])
}

/// The last frame is the command's reply; the ones before go out ahead of it.
fn finish(ctx: &mut Ctx, frames: &mut Vec<Reply>) -> Reply {
    // Confirmations are pushes on redis-server: CLIENT REPLY OFF or SKIP does not silence
    // them.
    ctx.session.replies.decide(true);
    let last = frames.pop().unwrap_or(Reply::Nil);
    ctx.session.outbox.append(frames);
    last
}

/// `PUBLISH channel message` and `SPUBLISH shardchannel message`: the number of receivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publish {
    channel: Bytes,
    payload: Bytes,
    shard: bool,
}

impl Publish {
    /// `PUBLISH channel message`.
    ///
    /// ```
    /// use embedis::{cmd::Publish, Engine};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Publish::new("news", "hello")).unwrap(), 0);
    /// ```
    pub fn new(channel: impl IntoArg, payload: impl IntoArg) -> Publish {
        Publish {
            channel: channel.into_arg(),
            payload: payload.into_arg(),
            shard: false,
        }
    }

    /// `SPUBLISH shardchannel message`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Publish};
    /// assert_eq!(Command::from_argv(["SPUBLISH", "s", "m"]).unwrap(), Publish::shard("s", "m").into());
    /// ```
    pub fn shard(channel: impl IntoArg, payload: impl IntoArg) -> Publish {
        Publish {
            shard: true,
            ..Publish::new(channel, payload)
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let channel = args.next_bytes()?;
        let payload = args.next_bytes()?;
        Ok(Command::Publish(Publish::new(channel, payload)))
    }

    pub(crate) fn parse_shard(args: &mut Args) -> Result<Command, Error> {
        let channel = args.next_bytes()?;
        let payload = args.next_bytes()?;
        Ok(Command::Publish(Publish::shard(channel, payload)))
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.shard {
            "spublish"
        } else {
            "publish"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let fanout = &ctx.events.fanout;
        let receivers = if self.shard {
            fanout.spublish(&self.channel, self.payload)
        } else {
            fanout.publish(&self.channel, self.payload)
        };
        match receivers {
            Ok(n) => Reply::Integer(n as i64),
            Err(error) => Reply::Error(error),
        }
    }
}

/// The questions `PUBSUB` answers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Query {
    Channels(Option<Bytes>),
    NumSub(Vec<Bytes>),
    NumPat,
    ShardChannels(Option<Bytes>),
    ShardNumSub(Vec<Bytes>),
    Help,
}

/// `PUBSUB CHANNELS [pattern]`, `NUMSUB [channel ...]`, `NUMPAT`, `SHARDCHANNELS
/// [pattern]`, `SHARDNUMSUB [shardchannel ...]`, `HELP`: introspection of the fan-out,
/// counting connections and typed subscribers alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubSub {
    query: Query,
}

impl PubSub {
    /// `PUBSUB CHANNELS [pattern]`: active channels, in no particular order.
    ///
    /// ```
    /// use embedis::{cmd::PubSub, Engine};
    /// let engine = Engine::new();
    /// let subscriber = engine.subscriber();
    /// subscriber.subscribe(["news"]).unwrap();
    /// let channels = engine.connect().call(["PUBSUB", "CHANNELS"]).unwrap();
    /// assert_eq!(channels, embedis::Reply::Array(vec![embedis::Reply::bulk("news")]));
    /// ```
    pub fn channels(pattern: Option<&str>) -> PubSub {
        PubSub {
            query: Query::Channels(pattern.map(|p| Bytes::copy_from_slice(p.as_bytes()))),
        }
    }

    /// `PUBSUB NUMSUB channel ...`: subscribers per channel (patterns not counted).
    ///
    /// ```
    /// use embedis::{cmd::PubSub, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(
    ///     conn.run(PubSub::numsub(["a"])).unwrap(),
    ///     Reply::Array(vec![Reply::bulk("a"), Reply::Integer(0)])
    /// );
    /// ```
    pub fn numsub<I>(channels: I) -> PubSub
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        PubSub {
            query: Query::NumSub(channels.into_iter().map(IntoArg::into_arg).collect()),
        }
    }

    /// `PUBSUB NUMPAT`: distinct patterns subscribed.
    ///
    /// ```
    /// use embedis::{cmd::PubSub, Engine, Reply};
    /// assert_eq!(Engine::new().connect().run(PubSub::numpat()).unwrap(), Reply::Integer(0));
    /// ```
    pub fn numpat() -> PubSub {
        PubSub {
            query: Query::NumPat,
        }
    }

    /// `PUBSUB SHARDCHANNELS [pattern]`.
    ///
    /// ```
    /// use embedis::cmd::{Command, PubSub};
    /// assert_eq!(Command::from_argv(["PUBSUB", "SHARDCHANNELS"]).unwrap(), PubSub::shard_channels(None).into());
    /// ```
    pub fn shard_channels(pattern: Option<&str>) -> PubSub {
        PubSub {
            query: Query::ShardChannels(pattern.map(|p| Bytes::copy_from_slice(p.as_bytes()))),
        }
    }

    /// `PUBSUB SHARDNUMSUB shardchannel ...`.
    ///
    /// ```
    /// use embedis::cmd::{Command, PubSub};
    /// assert_eq!(Command::from_argv(["PUBSUB", "SHARDNUMSUB", "s"]).unwrap(), PubSub::shard_numsub(["s"]).into());
    /// ```
    pub fn shard_numsub<I>(channels: I) -> PubSub
    where
        I: IntoIterator,
        I::Item: IntoArg,
    {
        PubSub {
            query: Query::ShardNumSub(channels.into_iter().map(IntoArg::into_arg).collect()),
        }
    }

    fn pattern_arg(args: &mut Args) -> Result<Option<Bytes>, Error> {
        let rest = args.rest();
        match rest.len() {
            0 => Ok(None),
            1 => Ok(rest.into_iter().next()),
            _ => Err(Error::SubcommandSyntax {
                subcommand: error_text(&args.subcommand_name()),
                command: "PUBSUB".to_string(),
            }),
        }
    }

    pub(crate) fn parse_channels(args: &mut Args) -> Result<Command, Error> {
        let pattern = PubSub::pattern_arg(args)?;
        Ok(Command::PubSub(PubSub {
            query: Query::Channels(pattern),
        }))
    }

    pub(crate) fn parse_shardchannels(args: &mut Args) -> Result<Command, Error> {
        let pattern = PubSub::pattern_arg(args)?;
        Ok(Command::PubSub(PubSub {
            query: Query::ShardChannels(pattern),
        }))
    }

    pub(crate) fn parse_numsub(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::PubSub(PubSub {
            query: Query::NumSub(args.rest()),
        }))
    }

    pub(crate) fn parse_shardnumsub(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::PubSub(PubSub {
            query: Query::ShardNumSub(args.rest()),
        }))
    }

    pub(crate) fn parse_numpat(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::PubSub(PubSub::numpat()))
    }

    pub(crate) fn parse_help(_args: &mut Args) -> Result<Command, Error> {
        Ok(Command::PubSub(PubSub { query: Query::Help }))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.query {
            Query::Channels(_) => "pubsub|channels",
            Query::NumSub(_) => "pubsub|numsub",
            Query::NumPat => "pubsub|numpat",
            Query::ShardChannels(_) => "pubsub|shardchannels",
            Query::ShardNumSub(_) => "pubsub|shardnumsub",
            Query::Help => "pubsub|help",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        if self.query == Query::Help {
            return help();
        }
        ctx.events
            .fanout
            .with_registry(|registry| match self.query {
                Query::Channels(pattern) => {
                    names(registry.active(Kind::Channel, pattern.as_deref()))
                }
                Query::ShardChannels(pattern) => {
                    names(registry.active(Kind::Shard, pattern.as_deref()))
                }
                Query::NumSub(channels) => counts(registry, Kind::Channel, channels),
                Query::ShardNumSub(channels) => counts(registry, Kind::Shard, channels),
                Query::NumPat => Reply::Integer(registry.pattern_count() as i64),
                Query::Help => Reply::Nil,
            })
    }
}

fn names(names: Vec<Bytes>) -> Reply {
    Reply::Array(names.into_iter().map(Reply::Bulk).collect())
}

fn counts(registry: &Registry, kind: Kind, channels: Vec<Bytes>) -> Reply {
    let mut out = Vec::with_capacity(channels.len() * 2);
    for channel in channels {
        let count = registry.subscriber_count(kind, &channel);
        out.push(Reply::Bulk(channel));
        out.push(Reply::Integer(count as i64));
    }
    Reply::Array(out)
}

fn help() -> Reply {
    const LINES: [&str; 14] = [
        "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
        "HELP",
        "    Prints this help.",
    ];
    Reply::help(&LINES)
}
