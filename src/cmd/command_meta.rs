//! What COMMAND INFO says of every command: flags, ACL categories, tips and key
//! specifications, as redis-server 7.0.15 answers for the same command (captured from its
//! COMMAND INFO; the commands 7.0 lacks are described as a built-in of their kind would
//! be). Data only: `cmd/introspect.rs` renders it, `cmd/key_specs.rs` reads keys with it.
//!
//! Sorted by name, subcommands under their full name (`client|kill`), one row per row of
//! `cmd/table.rs`; a unit test there keeps the two in step.

use super::key_specs::BeginSearch::{Index, Keyword, UnknownBegin};
use super::key_specs::FindKeys::{KeyNum, Range, UnknownFind};
use super::key_specs::KeysFunction::{
    BitField, GeoRadius, Numbered, Set, Sort, SortReadOnly, XRead,
};
use super::key_specs::{CommandMeta, KeySpec};

/// Every command's metadata, sorted by name.
#[rustfmt::skip]
pub(crate) const COMMAND_META: &[CommandMeta] = &[
    CommandMeta { name: "acl", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|cat", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|deluser", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|dryrun", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|genpass", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|getuser", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|list", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|load", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|log", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|save", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|setuser", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|users", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "acl|whoami", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "append", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "asking", flags: &["fast"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "auth", flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "bgrewriteaof", flags: &["admin", "noscript", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "bgsave", flags: &["admin", "noscript", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "bitcount", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@bitmap", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "bitfield", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@bitmap", "@slow"], tips: &[], keys_function: Some(BitField), key_specs: &[
        KeySpec { flags: &["RW", "access", "update", "variable_flags"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: Some("This command allows both access and modification of the key") },
    ] },
    CommandMeta { name: "bitfield_ro", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@bitmap", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "bitop", flags: &["write", "denyoom"], legacy_keys: (2, -1, 1), categories: &["@write", "@bitmap", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(3), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "bitpos", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@bitmap", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "blmove", flags: &["write", "denyoom", "noscript", "blocking"], legacy_keys: (1, 2, 1), categories: &["@write", "@list", "@slow", "@blocking"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "blmpop", flags: &["write", "blocking", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@write", "@list", "@slow", "@blocking"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "blpop", flags: &["write", "noscript", "blocking"], legacy_keys: (1, -2, 1), categories: &["@write", "@list", "@slow", "@blocking"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: -2, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "brpop", flags: &["write", "noscript", "blocking"], legacy_keys: (1, -2, 1), categories: &["@write", "@list", "@slow", "@blocking"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: -2, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "brpoplpush", flags: &["write", "denyoom", "noscript", "blocking"], legacy_keys: (1, 2, 1), categories: &["@write", "@list", "@slow", "@blocking"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "bzmpop", flags: &["write", "blocking", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@write", "@sortedset", "@slow", "@blocking"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "bzpopmax", flags: &["write", "noscript", "blocking", "fast"], legacy_keys: (1, -2, 1), categories: &["@write", "@sortedset", "@fast", "@blocking"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: -2, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "bzpopmin", flags: &["write", "noscript", "blocking", "fast"], legacy_keys: (1, -2, 1), categories: &["@write", "@sortedset", "@fast", "@blocking"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: -2, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "cl.throttle", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "cl.throttle.ms", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "client", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|caching", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|getname", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|getredir", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|id", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|info", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|kill", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|list", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous", "@connection"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|no-evict", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|pause", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|reply", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|setname", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|tracking", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|trackinginfo", flags: &["noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|unblock", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "client|unpause", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|addslots", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|addslotsrange", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|bumpepoch", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|count-failure-reports", flags: &["admin", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|countkeysinslot", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|delslots", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|delslotsrange", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|failover", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|flushslots", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|forget", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|getkeysinslot", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|info", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|keyslot", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|links", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|meet", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|myid", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|nodes", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|replicas", flags: &["admin", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|replicate", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|reset", flags: &["admin", "noscript", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|saveconfig", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|set-config-epoch", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|setslot", flags: &["admin", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|shards", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|slaves", flags: &["admin", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "cluster|slots", flags: &["stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command|count", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command|getkeys", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command|getkeysandflags", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command|info", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "command|list", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "config", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "config|get", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "config|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "config|resetstat", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "config|rewrite", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "config|set", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["request_policy:all_nodes", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "copy", flags: &["write", "denyoom"], legacy_keys: (1, 2, 1), categories: &["@keyspace", "@write", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "update"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "dbsize", flags: &["readonly", "fast"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@read", "@fast"], tips: &["request_policy:all_shards", "response_policy:agg_sum"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "debug", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "decr", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "decrby", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "del", flags: &["write"], legacy_keys: (1, -1, 1), categories: &["@keyspace", "@write", "@slow"], tips: &["request_policy:multi_shard", "response_policy:agg_sum"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RM", "delete"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "discard", flags: &["noscript", "loading", "stale", "fast", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@transaction"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "dump", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@read", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "echo", flags: &["loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "eval", flags: &["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: Some("We cannot tell how the keys will be used so we assume the worst, RW and UPDATE") },
    ] },
    CommandMeta { name: "eval_ro", flags: &["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: Some("We cannot tell how the keys will be used so we assume the worst, RO and ACCESS") },
    ] },
    CommandMeta { name: "evalsha", flags: &["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "evalsha_ro", flags: &["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "exec", flags: &["noscript", "loading", "stale", "skip_slowlog"], legacy_keys: (0, 0, 0), categories: &["@slow", "@transaction"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "exists", flags: &["readonly", "fast"], legacy_keys: (1, -1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &["request_policy:multi_shard", "response_policy:agg_sum"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "expire", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "expireat", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "expiretime", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "failover", flags: &["admin", "noscript", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "fcall", flags: &["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: Some("We cannot tell how the keys will be used so we assume the worst, RW and UPDATE") },
    ] },
    CommandMeta { name: "fcall_ro", flags: &["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: Some(Numbered { store: 0, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: Some("We cannot tell how the keys will be used so we assume the worst, RO and ACCESS") },
    ] },
    CommandMeta { name: "flushall", flags: &["write"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@write", "@slow", "@dangerous"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "flushdb", flags: &["write"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@write", "@slow", "@dangerous"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|delete", flags: &["write", "noscript"], legacy_keys: (0, 0, 0), categories: &["@write", "@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|dump", flags: &["noscript"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|flush", flags: &["write", "noscript"], legacy_keys: (0, 0, 0), categories: &["@write", "@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|kill", flags: &["noscript", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:one_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|list", flags: &["noscript"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|load", flags: &["write", "denyoom", "noscript"], legacy_keys: (0, 0, 0), categories: &["@write", "@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|restore", flags: &["write", "denyoom", "noscript"], legacy_keys: (0, 0, 0), categories: &["@write", "@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "function|stats", flags: &["noscript", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "geoadd", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "geodist", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "geohash", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "geopos", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "georadius", flags: &["write", "denyoom", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@write", "@geo", "@slow"], tips: &[], keys_function: Some(GeoRadius), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "update"], begin: Keyword("STORE", 6), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "update"], begin: Keyword("STOREDIST", 6), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "georadius_ro", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "georadiusbymember", flags: &["write", "denyoom", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@write", "@geo", "@slow"], tips: &[], keys_function: Some(GeoRadius), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "update"], begin: Keyword("STORE", 5), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "update"], begin: Keyword("STOREDIST", 5), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "georadiusbymember_ro", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "geosearch", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "geosearchstore", flags: &["write", "denyoom"], legacy_keys: (1, 2, 1), categories: &["@write", "@geo", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "get", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "getbit", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@bitmap", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "getdel", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "getex", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: Some("RW and UPDATE because it changes the TTL") },
    ] },
    CommandMeta { name: "getrange", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@string", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "getset", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hdel", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hello", flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "hexists", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hget", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hgetall", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hincrby", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hincrbyfloat", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hkeys", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hlen", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hmget", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hmset", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hrandfield", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hscan", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hset", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hsetnx", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hstrlen", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "hvals", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@hash", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "incr", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "incrby", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "incrbyfloat", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "increx", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "info", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@dangerous"], tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "keys", flags: &["readonly"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@read", "@slow", "@dangerous"], tips: &["request_policy:all_shards", "nondeterministic_output_order"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "lastsave", flags: &["loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@admin", "@fast", "@dangerous"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|doctor", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output", "request_policy:all_nodes", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|graph", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output", "request_policy:all_nodes", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|histogram", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output", "request_policy:all_nodes", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|history", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output", "request_policy:all_nodes", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|latest", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output", "request_policy:all_nodes", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "latency|reset", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["request_policy:all_nodes", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "lcs", flags: &["readonly"], legacy_keys: (1, 2, 1), categories: &["@read", "@string", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lindex", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "linsert", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "llen", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lmove", flags: &["write", "denyoom"], legacy_keys: (1, 2, 1), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lmpop", flags: &["write", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "lpop", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lpos", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lpush", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lpushx", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lrange", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lrem", flags: &["write"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "lset", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "ltrim", flags: &["write"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "memory", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "memory|doctor", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "memory|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "memory|malloc-stats", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "memory|purge", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "memory|stats", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &["nondeterministic_output", "request_policy:all_shards", "response_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "memory|usage", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@read", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "mget", flags: &["readonly", "fast"], legacy_keys: (1, -1, 1), categories: &["@read", "@string", "@fast"], tips: &["request_policy:multi_shard"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "module", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "module|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "module|list", flags: &["admin", "noscript"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "module|load", flags: &["admin", "noscript", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "module|loadex", flags: &["admin", "noscript", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "module|unload", flags: &["admin", "noscript", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "monitor", flags: &["admin", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "move", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "mset", flags: &["write", "denyoom"], legacy_keys: (1, -1, 2), categories: &["@write", "@string", "@slow"], tips: &["request_policy:multi_shard", "response_policy:all_succeeded"], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: -1, step: 2, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "msetnx", flags: &["write", "denyoom"], legacy_keys: (1, -1, 2), categories: &["@write", "@string", "@slow"], tips: &["request_policy:multi_shard", "response_policy:agg_min"], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "insert"], begin: Index(1), find: Range { last: -1, step: 2, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "multi", flags: &["noscript", "loading", "stale", "fast", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@transaction"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "object", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "object|encoding", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@keyspace", "@read", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "object|freq", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@keyspace", "@read", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "object|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "object|idletime", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@keyspace", "@read", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "object|refcount", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@keyspace", "@read", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "persist", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pexpire", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pexpireat", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pexpiretime", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pfadd", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@hyperloglog", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pfcount", flags: &["readonly"], legacy_keys: (1, -1, 1), categories: &["@read", "@hyperloglog", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: Some("RW because it may change the internal representation of the key, and propagate to replicas") },
    ] },
    CommandMeta { name: "pfdebug", flags: &["write", "denyoom", "admin"], legacy_keys: (2, 2, 1), categories: &["@write", "@hyperloglog", "@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pfmerge", flags: &["write", "denyoom"], legacy_keys: (1, -1, 1), categories: &["@write", "@hyperloglog", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "pfselftest", flags: &["admin"], legacy_keys: (0, 0, 0), categories: &["@hyperloglog", "@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "ping", flags: &["fast"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &["request_policy:all_shards", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "psetex", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "psubscribe", flags: &["pubsub", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pttl", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "publish", flags: &["pubsub", "loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@fast"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub|channels", flags: &["pubsub", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub|numpat", flags: &["pubsub", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub|numsub", flags: &["pubsub", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub|shardchannels", flags: &["pubsub", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "pubsub|shardnumsub", flags: &["pubsub", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "punsubscribe", flags: &["pubsub", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "quit", flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "randomkey", flags: &["readonly"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@read", "@slow"], tips: &["request_policy:all_shards", "nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "readonly", flags: &["loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "readwrite", flags: &["loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "rename", flags: &["write"], legacy_keys: (1, 2, 1), categories: &["@keyspace", "@write", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "update"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "renamenx", flags: &["write", "fast"], legacy_keys: (1, 2, 1), categories: &["@keyspace", "@write", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["OW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "replicaof", flags: &["admin", "noscript", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "reset", flags: &["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "restore", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@write", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "role", flags: &["noscript", "loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@admin", "@fast", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "rpop", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "rpoplpush", flags: &["write", "denyoom"], legacy_keys: (1, 2, 1), categories: &["@write", "@list", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "rpush", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "rpushx", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@list", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sadd", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@set", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "save", flags: &["admin", "noscript", "no_async_loading", "no_multi"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "scan", flags: &["readonly"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@read", "@slow"], tips: &["nondeterministic_output", "request_policy:special"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "scard", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "script", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "script|exists", flags: &["noscript"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:agg_logical_and"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "script|flush", flags: &["noscript"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["request_policy:all_nodes", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "script|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "script|kill", flags: &["noscript", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["request_policy:all_shards", "response_policy:one_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "script|load", flags: &["noscript", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow", "@scripting"], tips: &["request_policy:all_nodes", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "sdiff", flags: &["readonly"], legacy_keys: (1, -1, 1), categories: &["@read", "@set", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sdiffstore", flags: &["write", "denyoom"], legacy_keys: (1, -1, 1), categories: &["@write", "@set", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "select", flags: &["loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@fast", "@connection"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "set", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@slow"], tips: &[], keys_function: Some(Set), key_specs: &[
        KeySpec { flags: &["RW", "access", "update", "variable_flags"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: Some("RW and ACCESS due to the optional `GET` argument") },
    ] },
    CommandMeta { name: "setbit", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@bitmap", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "setex", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "setnx", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "insert"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "setrange", flags: &["write", "denyoom"], legacy_keys: (1, 1, 1), categories: &["@write", "@string", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "shutdown", flags: &["admin", "noscript", "loading", "stale", "no_multi", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "sinter", flags: &["readonly"], legacy_keys: (1, -1, 1), categories: &["@read", "@set", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sintercard", flags: &["readonly", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@read", "@set", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "sinterstore", flags: &["write", "denyoom"], legacy_keys: (1, -1, 1), categories: &["@write", "@set", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sismember", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "slaveof", flags: &["admin", "noscript", "stale", "no_async_loading"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "slowlog", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "slowlog|get", flags: &["admin", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["request_policy:all_nodes", "nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "slowlog|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "slowlog|len", flags: &["admin", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["request_policy:all_nodes", "response_policy:agg_sum", "nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "slowlog|reset", flags: &["admin", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@admin", "@slow", "@dangerous"], tips: &["request_policy:all_nodes", "response_policy:all_succeeded"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "smembers", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "smismember", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "smove", flags: &["write", "fast"], legacy_keys: (1, 2, 1), categories: &["@write", "@set", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sort", flags: &["write", "denyoom", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@write", "@set", "@sortedset", "@list", "@slow", "@dangerous"], tips: &[], keys_function: Some(Sort), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: UnknownBegin, find: UnknownFind, notes: Some("For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort") },
        KeySpec { flags: &["OW", "update"], begin: UnknownBegin, find: UnknownFind, notes: Some("For the optional STORE keyword. It is marked 'unknown' because the keyword can appear anywhere in the argument array") },
    ] },
    CommandMeta { name: "sort_ro", flags: &["readonly", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@sortedset", "@list", "@slow", "@dangerous"], tips: &[], keys_function: Some(SortReadOnly), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: UnknownBegin, find: UnknownFind, notes: Some("For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort") },
    ] },
    CommandMeta { name: "spop", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@set", "@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "spublish", flags: &["pubsub", "loading", "stale", "fast"], legacy_keys: (1, 1, 1), categories: &["@pubsub", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["not_key"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "srandmember", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "srem", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@set", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sscan", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@set", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "ssubscribe", flags: &["pubsub", "noscript", "loading", "stale"], legacy_keys: (1, -1, 1), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["not_key"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "strlen", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@string", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "subscribe", flags: &["pubsub", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "substr", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@string", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sunion", flags: &["readonly"], legacy_keys: (1, -1, 1), categories: &["@read", "@set", "@slow"], tips: &["nondeterministic_output_order"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sunionstore", flags: &["write", "denyoom"], legacy_keys: (1, -1, 1), categories: &["@write", "@set", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "sunsubscribe", flags: &["pubsub", "noscript", "loading", "stale"], legacy_keys: (1, -1, 1), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["not_key"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "swapdb", flags: &["write", "fast"], legacy_keys: (0, 0, 0), categories: &["@keyspace", "@write", "@fast", "@dangerous"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "time", flags: &["loading", "stale", "fast"], legacy_keys: (0, 0, 0), categories: &["@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "touch", flags: &["readonly", "fast"], legacy_keys: (1, -1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &["request_policy:multi_shard", "response_policy:agg_sum"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "ttl", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "type", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@keyspace", "@read", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "unlink", flags: &["write", "fast"], legacy_keys: (1, -1, 1), categories: &["@keyspace", "@write", "@fast"], tips: &["request_policy:multi_shard", "response_policy:agg_sum"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RM", "delete"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "unsubscribe", flags: &["pubsub", "noscript", "loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@pubsub", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "unwatch", flags: &["noscript", "loading", "stale", "fast", "allow_busy"], legacy_keys: (0, 0, 0), categories: &["@fast", "@transaction"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "wait", flags: &["noscript"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &["request_policy:all_shards", "response_policy:agg_min"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "waitaof", flags: &["noscript"], legacy_keys: (0, 0, 0), categories: &["@slow", "@connection"], tips: &["request_policy:all_shards", "response_policy:agg_min"], keys_function: None, key_specs: &[] },
    CommandMeta { name: "watch", flags: &["noscript", "loading", "stale", "fast", "allow_busy"], legacy_keys: (1, -1, 1), categories: &["@fast", "@transaction"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: -1, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xack", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xackdel", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xadd", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: Some("UPDATE instead of INSERT because of the optional trimming feature") },
    ] },
    CommandMeta { name: "xautoclaim", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xclaim", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xdel", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xdelex", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xgroup", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "xgroup|create", flags: &["write", "denyoom"], legacy_keys: (2, 2, 1), categories: &["@write", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xgroup|createconsumer", flags: &["write", "denyoom"], legacy_keys: (2, 2, 1), categories: &["@write", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "insert"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xgroup|delconsumer", flags: &["write"], legacy_keys: (2, 2, 1), categories: &["@write", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xgroup|destroy", flags: &["write"], legacy_keys: (2, 2, 1), categories: &["@write", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xgroup|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "xgroup|setid", flags: &["write"], legacy_keys: (2, 2, 1), categories: &["@write", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xinfo", flags: &[], legacy_keys: (0, 0, 0), categories: &["@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "xinfo|consumers", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@read", "@stream", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xinfo|groups", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@read", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xinfo|help", flags: &["loading", "stale"], legacy_keys: (0, 0, 0), categories: &["@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[] },
    CommandMeta { name: "xinfo|stream", flags: &["readonly"], legacy_keys: (2, 2, 1), categories: &["@read", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xlen", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xnack", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xpending", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@stream", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xrange", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xread", flags: &["readonly", "blocking", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@read", "@stream", "@slow", "@blocking"], tips: &[], keys_function: Some(XRead), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Keyword("STREAMS", 1), find: Range { last: -1, step: 1, limit: 2 }, notes: None },
    ] },
    CommandMeta { name: "xreadgroup", flags: &["write", "blocking", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@write", "@stream", "@slow", "@blocking"], tips: &[], keys_function: Some(XRead), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Keyword("STREAMS", 4), find: Range { last: -1, step: 1, limit: 2 }, notes: None },
    ] },
    CommandMeta { name: "xrevrange", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@stream", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xsetid", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "xtrim", flags: &["write"], legacy_keys: (1, 1, 1), categories: &["@write", "@stream", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zadd", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zcard", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zcount", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zdiff", flags: &["readonly", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zdiffstore", flags: &["write", "denyoom", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 1, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zincrby", flags: &["write", "denyoom", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zinter", flags: &["readonly", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zintercard", flags: &["readonly", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zinterstore", flags: &["write", "denyoom", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 1, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zlexcount", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zmpop", flags: &["write", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zmscore", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zpopmax", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zpopmin", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "access", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrandmember", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrange", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrangebylex", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrangebyscore", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrangestore", flags: &["write", "denyoom"], legacy_keys: (1, 2, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrank", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrem", flags: &["write", "fast"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zremrangebylex", flags: &["write"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zremrangebyrank", flags: &["write"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zremrangebyscore", flags: &["write"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RW", "delete"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrevrange", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrevrangebylex", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrevrangebyscore", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zrevrank", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zscan", flags: &["readonly"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@slow"], tips: &["nondeterministic_output"], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zscore", flags: &["readonly", "fast"], legacy_keys: (1, 1, 1), categories: &["@read", "@sortedset", "@fast"], tips: &[], keys_function: None, key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
    ] },
    CommandMeta { name: "zunion", flags: &["readonly", "movablekeys"], legacy_keys: (0, 0, 0), categories: &["@read", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 0, count: 1, first: 2 }), key_specs: &[
        KeySpec { flags: &["RO", "access"], begin: Index(1), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
    CommandMeta { name: "zunionstore", flags: &["write", "denyoom", "movablekeys"], legacy_keys: (1, 1, 1), categories: &["@write", "@sortedset", "@slow"], tips: &[], keys_function: Some(Numbered { store: 1, count: 2, first: 3 }), key_specs: &[
        KeySpec { flags: &["OW", "update"], begin: Index(1), find: Range { last: 0, step: 1, limit: 0 }, notes: None },
        KeySpec { flags: &["RO", "access"], begin: Index(2), find: KeyNum { index: 0, first: 1, step: 1 }, notes: None },
    ] },
];
