//! Who is subscribed to what: the routing table of pub/sub, and nothing else.
//!
//! A [`Registry`] maps channels, glob patterns and shard channels to subscriber ids, and
//! each subscriber id to its own subscriptions (for the running counts Redis replies and for
//! "unsubscribe from everything"). It never sees payloads, channels or replies: delivery and
//! overflow policy live in `exec/fanout.rs`.
//!
//! # Order
//! - Subscribers of one channel are served in subscription order (redis-server 7.0 keeps a
//!   list per channel, in the same order).
//! - Patterns are matched in the order they were first subscribed. redis-server keeps them
//!   in a hash table with a random seed, so its order among several matching patterns
//!   varies from run to run; a fixed order is the deterministic choice among Redis's.
//! - "Unsubscribe from everything" leaves a subscriber's channels in the order it joined
//!   them (redis-server: hash order again).
//!
//! Patterns are compiled once, at subscription, into a [`Glob`] whose matching is bounded
//! in time (see `glob.rs`), so a publish costs one match per distinct pattern.

use std::collections::HashMap;
use std::sync::Arc;

use ahash::RandomState;
use bytes::Bytes;

use super::glob::Glob;

/// A subscriber: a connection or a typed `Subscriber`, numbered by the fan-out.
pub type SubscriberId = u64;

/// The three subscription namespaces of Redis 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `SUBSCRIBE` / `PUBLISH`.
    Channel,
    /// `PSUBSCRIBE`: glob patterns matched against `PUBLISH` channels.
    Pattern,
    /// `SSUBSCRIBE` / `SPUBLISH`: shard channels, a namespace of their own that patterns
    /// never see.
    Shard,
}

/// One subscriber's subscriptions, each with the sequence number it was added at.
#[derive(Debug, Default)]
struct Subscriptions {
    channels: HashMap<Bytes, u64, RandomState>,
    patterns: HashMap<Bytes, u64, RandomState>,
    shard: HashMap<Bytes, u64, RandomState>,
}

impl Subscriptions {
    fn of(&mut self, kind: Kind) -> &mut HashMap<Bytes, u64, RandomState> {
        match kind {
            Kind::Channel => &mut self.channels,
            Kind::Pattern => &mut self.patterns,
            Kind::Shard => &mut self.shard,
        }
    }

    fn is_empty(&self) -> bool {
        self.channels.is_empty() && self.patterns.is_empty() && self.shard.is_empty()
    }
}

/// A pattern, compiled, and its subscribers in subscription order.
#[derive(Debug)]
struct PatternEntry {
    /// Shared with every message it matches (a pointer per delivery, not a copy).
    pattern: Arc<Bytes>,
    glob: Glob,
    subscribers: Vec<SubscriberId>,
}

/// The routing table. See the module docs for its ordering rules.
#[derive(Debug, Default)]
pub struct Registry {
    channels: HashMap<Bytes, Vec<SubscriberId>, RandomState>,
    shard: HashMap<Bytes, Vec<SubscriberId>, RandomState>,
    /// Distinct patterns in first-subscription order.
    patterns: Vec<PatternEntry>,
    pattern_index: HashMap<Bytes, usize, RandomState>,
    subscribers: HashMap<SubscriberId, Subscriptions, RandomState>,
    sequence: u64,
}

impl Registry {
    /// An empty table.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Subscribes `id` to `name`; returns whether it was not subscribed already.
    pub fn subscribe(&mut self, id: SubscriberId, kind: Kind, name: Bytes) -> bool {
        self.sequence += 1;
        let sequence = self.sequence;
        let own = self.subscribers.entry(id).or_default().of(kind);
        if own.contains_key(&name) {
            return false;
        }
        own.insert(name.clone(), sequence);
        match kind {
            Kind::Channel => self.channels.entry(name).or_default().push(id),
            Kind::Shard => self.shard.entry(name).or_default().push(id),
            Kind::Pattern => match self.pattern_index.get(&name) {
                Some(&index) => self.patterns[index].subscribers.push(id),
                None => {
                    self.pattern_index.insert(name.clone(), self.patterns.len());
                    self.patterns.push(PatternEntry {
                        glob: Glob::new(&name),
                        pattern: Arc::new(name),
                        subscribers: vec![id],
                    });
                }
            },
        }
        true
    }

    /// Unsubscribes `id` from `name`; returns whether it was subscribed.
    pub fn unsubscribe(&mut self, id: SubscriberId, kind: Kind, name: &[u8]) -> bool {
        let Some(own) = self.subscribers.get_mut(&id) else {
            return false;
        };
        if own.of(kind).remove(name).is_none() {
            return false;
        }
        if own.is_empty() {
            self.subscribers.remove(&id);
        }
        match kind {
            Kind::Channel => remove_from(&mut self.channels, id, name),
            Kind::Shard => remove_from(&mut self.shard, id, name),
            Kind::Pattern => self.remove_pattern_subscriber(id, name),
        }
        true
    }

    /// Unsubscribes `id` from every name of one kind; returns them in the order they were
    /// subscribed.
    pub fn unsubscribe_all(&mut self, id: SubscriberId, kind: Kind) -> Vec<Bytes> {
        let names = self.subscriptions(id, kind);
        for name in &names {
            self.unsubscribe(id, kind, name);
        }
        names
    }

    /// Forgets `id` entirely (a closed connection, a dropped subscriber).
    pub fn remove(&mut self, id: SubscriberId) {
        for kind in [Kind::Channel, Kind::Pattern, Kind::Shard] {
            self.unsubscribe_all(id, kind);
        }
    }

    /// `id`'s subscriptions of one kind, in the order they were made.
    pub fn subscriptions(&self, id: SubscriberId, kind: Kind) -> Vec<Bytes> {
        let Some(own) = self.subscribers.get(&id) else {
            return Vec::new();
        };
        let map = match kind {
            Kind::Channel => &own.channels,
            Kind::Pattern => &own.patterns,
            Kind::Shard => &own.shard,
        };
        let mut names: Vec<(&Bytes, &u64)> = map.iter().collect();
        names.sort_unstable_by_key(|(_, sequence)| **sequence);
        names.into_iter().map(|(name, _)| name.clone()).collect()
    }

    /// How many subscriptions of one kind `id` holds.
    pub fn count(&self, id: SubscriberId, kind: Kind) -> usize {
        self.subscribers.get(&id).map_or(0, |own| match kind {
            Kind::Channel => own.channels.len(),
            Kind::Pattern => own.patterns.len(),
            Kind::Shard => own.shard.len(),
        })
    }

    /// Calls `deliver(subscriber, pattern)` for every receiver of a `PUBLISH` to
    /// `channel`: channel subscribers first (pattern `None`), then each matching pattern's
    /// subscribers. A subscriber with several matching patterns is called once per pattern,
    /// as Redis sends one `pmessage` per pattern.
    pub fn route(
        &self,
        channel: &[u8],
        mut deliver: impl FnMut(SubscriberId, Option<&Arc<Bytes>>),
    ) {
        if let Some(subscribers) = self.channels.get(channel) {
            for &id in subscribers {
                deliver(id, None);
            }
        }
        for entry in &self.patterns {
            if pattern_matches(&entry.glob, channel) {
                for &id in &entry.subscribers {
                    deliver(id, Some(&entry.pattern));
                }
            }
        }
    }

    /// The stored name of a channel (or shard channel) with subscribers: publishing hands
    /// out clones of it rather than copying the caller's bytes.
    pub fn channel_name(&self, kind: Kind, channel: &[u8]) -> Option<Bytes> {
        let map = match kind {
            Kind::Shard => &self.shard,
            _ => &self.channels,
        };
        map.get_key_value(channel).map(|(name, _)| name.clone())
    }

    /// Calls `deliver(subscriber)` for every receiver of an `SPUBLISH` to `channel`.
    pub fn route_shard(&self, channel: &[u8], mut deliver: impl FnMut(SubscriberId)) {
        if let Some(subscribers) = self.shard.get(channel) {
            for &id in subscribers {
                deliver(id);
            }
        }
    }

    /// Channels (or shard channels) with at least one subscriber, optionally only those
    /// matching a glob (`PUBSUB CHANNELS`, `PUBSUB SHARDCHANNELS`).
    pub fn active(&self, kind: Kind, pattern: Option<&[u8]>) -> Vec<Bytes> {
        let glob = pattern.map(Glob::new);
        let map = match kind {
            Kind::Shard => &self.shard,
            _ => &self.channels,
        };
        map.keys()
            .filter(|name| glob.as_ref().is_none_or(|glob| pattern_matches(glob, name)))
            .cloned()
            .collect()
    }

    /// Subscribers of one channel or shard channel (`PUBSUB NUMSUB`, `SHARDNUMSUB`).
    pub fn subscriber_count(&self, kind: Kind, name: &[u8]) -> usize {
        match kind {
            Kind::Channel => self.channels.get(name).map_or(0, Vec::len),
            Kind::Shard => self.shard.get(name).map_or(0, Vec::len),
            Kind::Pattern => self
                .pattern_index
                .get(name)
                .map_or(0, |&index| self.patterns[index].subscribers.len()),
        }
    }

    /// Distinct patterns with at least one subscriber (`PUBSUB NUMPAT`).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    fn remove_pattern_subscriber(&mut self, id: SubscriberId, name: &[u8]) {
        let Some(&index) = self.pattern_index.get(name) else {
            return;
        };
        let subscribers = &mut self.patterns[index].subscribers;
        subscribers.retain(|&other| other != id);
        if subscribers.is_empty() {
            self.patterns.remove(index);
            self.pattern_index.remove(name);
            // Patterns after the removed one moved down by one: patterns are few and
            // unsubscribing is rare next to publishing, so keep the publish loop a flat Vec.
            for entry in &self.patterns[index..] {
                if let Some(slot) = self.pattern_index.get_mut(entry.pattern.as_ref()) {
                    *slot -= 1;
                }
            }
        }
    }
}

/// Redis's `stringmatchlen` as PSUBSCRIBE and PUBSUB CHANNELS use it: unlike KEYS, which
/// special-cases `*`, an empty channel name matches no pattern but the empty one.
fn pattern_matches(glob: &Glob, channel: &[u8]) -> bool {
    if channel.is_empty() {
        return glob.is_empty_pattern();
    }
    glob.matches(channel)
}

fn remove_from(
    map: &mut HashMap<Bytes, Vec<SubscriberId>, RandomState>,
    id: SubscriberId,
    name: &[u8],
) {
    if let Some(subscribers) = map.get_mut(name) {
        subscribers.retain(|&other| other != id);
        if subscribers.is_empty() {
            map.remove(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routed(registry: &Registry, channel: &str) -> Vec<(SubscriberId, Option<String>)> {
        let mut out = Vec::new();
        registry.route(channel.as_bytes(), |id, pattern| {
            out.push((id, pattern.map(|p| String::from_utf8_lossy(p).into_owned())))
        });
        out
    }

    #[test]
    fn channel_subscribers_come_first_then_one_delivery_per_matching_pattern() {
        let mut registry = Registry::new();
        registry.subscribe(1, Kind::Pattern, Bytes::from("news.*"));
        registry.subscribe(1, Kind::Channel, Bytes::from("news.uk"));
        registry.subscribe(2, Kind::Channel, Bytes::from("news.uk"));
        registry.subscribe(1, Kind::Pattern, Bytes::from("*"));
        assert_eq!(
            routed(&registry, "news.uk"),
            vec![
                (1, None),
                (2, None),
                (1, Some("news.*".into())),
                (1, Some("*".into()))
            ]
        );
        assert_eq!(routed(&registry, "sport"), vec![(1, Some("*".into()))]);
    }

    #[test]
    fn subscribing_twice_is_once_and_counts_are_per_kind() {
        let mut registry = Registry::new();
        assert!(registry.subscribe(7, Kind::Channel, Bytes::from("a")));
        assert!(!registry.subscribe(7, Kind::Channel, Bytes::from("a")));
        assert!(registry.subscribe(7, Kind::Shard, Bytes::from("a")));
        assert_eq!(registry.count(7, Kind::Channel), 1);
        assert_eq!(registry.count(7, Kind::Shard), 1);
        assert_eq!(registry.subscriber_count(Kind::Channel, b"a"), 1);
    }

    #[test]
    fn shard_channels_never_reach_patterns_or_plain_channels() {
        let mut registry = Registry::new();
        registry.subscribe(1, Kind::Pattern, Bytes::from("*"));
        registry.subscribe(2, Kind::Channel, Bytes::from("s"));
        registry.subscribe(3, Kind::Shard, Bytes::from("s"));
        let mut shard = Vec::new();
        registry.route_shard(b"s", |id| shard.push(id));
        assert_eq!(shard, vec![3]);
        assert_eq!(
            routed(&registry, "s"),
            vec![(2, None), (1, Some("*".into()))]
        );
    }

    #[test]
    fn unsubscribe_all_returns_names_in_subscription_order_and_cleans_up() {
        let mut registry = Registry::new();
        for name in ["c", "a", "b"] {
            registry.subscribe(1, Kind::Channel, Bytes::from(name));
        }
        registry.subscribe(2, Kind::Pattern, Bytes::from("x*"));
        registry.subscribe(1, Kind::Pattern, Bytes::from("y*"));
        registry.subscribe(1, Kind::Pattern, Bytes::from("x*"));
        let left = registry.unsubscribe_all(1, Kind::Channel);
        assert_eq!(
            left,
            vec![Bytes::from("c"), Bytes::from("a"), Bytes::from("b")]
        );
        assert!(registry.active(Kind::Channel, None).is_empty());
        registry.remove(1);
        assert_eq!(registry.pattern_count(), 1);
        assert_eq!(registry.subscriber_count(Kind::Pattern, b"x*"), 1);
        // The index still finds the pattern that moved.
        assert!(registry.unsubscribe(2, Kind::Pattern, b"x*"));
        assert_eq!(registry.pattern_count(), 0);
        assert!(registry.subscribers.is_empty());
    }

    #[test]
    fn active_channels_filter_by_glob() {
        let mut registry = Registry::new();
        registry.subscribe(1, Kind::Channel, Bytes::from("user:1"));
        registry.subscribe(1, Kind::Channel, Bytes::from("order:1"));
        let mut users = registry.active(Kind::Channel, Some(b"user:*"));
        users.sort();
        assert_eq!(users, vec![Bytes::from("user:1")]);
        assert_eq!(registry.active(Kind::Channel, None).len(), 2);
    }
}
