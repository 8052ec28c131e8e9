//! The command table: names and arities as data. Unknown-command, unknown-subcommand
//! and wrong-arity errors are produced here, once, for every command.

use std::sync::OnceLock;

use bytes::Bytes;
use smallvec::SmallVec;

use super::acl::Acl;
use super::argv::Args;
use super::bitmap::{BitCount, BitField, BitOpStore, BitPos, GetBit, SetBit};
use super::clients::{ClientKill, ClientList, ClientPause, ClientUnblock};
use super::cluster::ClusterDisabled;
use super::command_meta::COMMAND_META;
use super::config::Config;
use super::connection::{Auth, Client, Hello, Quit, Reset};
use super::databases::{CopyKey, Move, SwapDb};
use super::expire::{Expire, Persist, Ttl};
#[cfg(feature = "lua")]
use super::function::{FCall, FunctionCommand};
use super::geo::{GeoAdd, GeoDist, GeoLookup, GeoSearch};
use super::hash::{
    HDel, HExists, HGet, HGetAll, HIncrBy, HIncrByFloat, HKeys, HLen, HMGet, HRandField, HScan,
    HSet, HSetNx, HStrLen, HVals,
};
use super::hyperloglog::{PfAdd, PfCount, PfDebug, PfMerge, PfSelfTest};
use super::increx::Increx;
use super::info::Info;
use super::introspect::Introspect;
use super::keys::{DbSize, Del, Exists, Flush, Keys, RandomKey, Rename, Scan, Type};
use super::latency::Latency;
use super::lcs::Lcs;
use super::list::{LInsert, LMPop, LMove, LPos, LRem, LSet, LTrim, ListRead, Pop, Push};
use super::list_blocking::{BlockingMove, BlockingPop};
use super::memory::Memory;
use super::module::Module;
use super::multi::{Discard, Exec, Multi, Unwatch, Watch};
use super::object::Object;
use super::pubsub::{PubSub, Publish, Subscribe, Unsubscribe};
use super::replication::{Failover, ReplicaOf};
#[cfg(feature = "lua")]
use super::script::{Eval, Script};
use super::server::{
    BgRewriteAof, Echo, Monitor, Ping, Role, Select, Shutdown, Time, Wait, WaitAof,
};
use super::set::{SAdd, SCombine, SMove, SRandom, SRead, SScan};
use super::slowlog::SlowLog;
use super::sort::Sort;
use super::stream::{XAdd, XDel, XLen, XRange, XRead, XSetId, XTrim};
use super::stream_group::{
    XAck, XAckDel, XAutoClaim, XClaim, XDelEx, XGroup, XInfo, XNack, XPending, XReadGroup,
};
use super::string::{
    Append, Get, GetDel, GetEx, GetSet, IncrBy, IncrByFloat, MGet, MSet, Set, StrLen,
};
use super::string_range::{GetRange, SetRange};
use super::throttle::Throttle;
use super::tracking::ClientTracking;
use super::zset::{ZAdd, ZCount, ZLookup, ZPop, ZRandMember, ZRange, ZRem, ZRemRange, ZScan};
use super::zset_algebra::ZCombine;
use super::zset_pop::ZMPop;
use super::Command;
use crate::Error;

/// Parses the arguments after the name (and subcommand) into a command.
pub(crate) type ParseFn = fn(&mut Args<'_>) -> Result<Command, Error>;

/// One row of the table.
#[derive(Debug)]
pub(crate) struct CommandSpec {
    /// Lower-case name (Redis's full name for subcommands: `client|setname`).
    pub(crate) name: &'static str,
    /// Redis's convention: `n` exactly n arguments counting the name, `-n` at least n.
    pub(crate) arity: i32,
    /// `None` for container commands, which dispatch on their subcommand (COMMAND has
    /// both: alone it answers for every command).
    pub(crate) parse: Option<ParseFn>,
    pub(crate) subcommands: &'static [CommandSpec],
    /// COMMAND INFO flags it `fast` (O(1) or O(log N) work): with a positive
    /// `slowlog-log-slower-than` it is not timed, so its line need not be kept
    /// (`exec/slowlog.rs`). Containers are not.
    pub(crate) fast: bool,
}

impl CommandSpec {
    /// Whether the command's errors quote its name as the caller typed it (GEOSEARCH's
    /// "exactly one of ... for GeoSearch"; AUTH's and HELLO's ACL LOG entries), so the
    /// parser must keep that spelling instead of the table's.
    pub(crate) fn quotes_typed_name(&self) -> bool {
        matches!(self.name, "geosearch" | "geosearchstore" | "auth" | "hello")
    }
}

const fn cmd(name: &'static str, arity: i32, parse: ParseFn) -> CommandSpec {
    CommandSpec {
        name,
        arity,
        parse: Some(parse),
        subcommands: &[],
        fast: is_fast(name),
    }
}

/// Whether COMMAND INFO flags `name` `fast`, read from `command_meta.rs` at compile time.
const fn is_fast(name: &str) -> bool {
    let mut row = 0;
    while row < COMMAND_META.len() {
        if same(COMMAND_META[row].name, name) {
            let flags = COMMAND_META[row].flags;
            let mut flag = 0;
            while flag < flags.len() {
                if same(flags[flag], "fast") {
                    return true;
                }
                flag += 1;
            }
            return false;
        }
        row += 1;
    }
    false
}

/// `a == b`, in a `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

const CLIENT_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("client|setname", 3, Client::parse_setname),
    cmd("client|getname", 2, Client::parse_getname),
    cmd("client|id", 2, Client::parse_id),
    cmd("client|no-evict", 3, Client::parse_no_evict),
    cmd("client|help", 2, Client::parse_help),
    cmd("client|list", -2, ClientList::parse),
    cmd("client|info", 2, Client::parse_info),
    cmd("client|kill", -3, ClientKill::parse),
    cmd("client|unblock", -3, ClientUnblock::parse),
    cmd("client|pause", -3, ClientPause::parse),
    cmd("client|unpause", 2, Client::parse_unpause),
    cmd("client|tracking", -3, ClientTracking::parse),
    cmd("client|caching", 3, super::tracking::parse_caching),
    cmd("client|getredir", 2, Client::parse_getredir),
    cmd("client|trackinginfo", 2, Client::parse_trackinginfo),
    cmd("client|reply", 3, Client::parse_reply),
];

const PUBSUB_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("pubsub|channels", -2, PubSub::parse_channels),
    cmd("pubsub|numsub", -2, PubSub::parse_numsub),
    cmd("pubsub|numpat", 2, PubSub::parse_numpat),
    cmd("pubsub|shardchannels", -2, PubSub::parse_shardchannels),
    cmd("pubsub|shardnumsub", -2, PubSub::parse_shardnumsub),
    cmd("pubsub|help", 2, PubSub::parse_help),
];

const CONFIG_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("config|get", -3, Config::parse_get),
    cmd("config|set", -4, Config::parse_set),
    cmd("config|resetstat", 2, Config::parse_resetstat),
    cmd("config|rewrite", 2, Config::parse_rewrite),
    cmd("config|help", 2, Config::parse_help),
];

const XGROUP_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("xgroup|create", -5, XGroup::parse_create),
    cmd("xgroup|setid", -5, XGroup::parse_setid),
    cmd("xgroup|destroy", 4, XGroup::parse_destroy),
    cmd("xgroup|createconsumer", 5, XGroup::parse_createconsumer),
    cmd("xgroup|delconsumer", 5, XGroup::parse_delconsumer),
    cmd("xgroup|help", 2, XGroup::parse_help),
];

const XINFO_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("xinfo|stream", -3, XInfo::parse_stream),
    cmd("xinfo|groups", 3, XInfo::parse_groups),
    cmd("xinfo|consumers", 4, XInfo::parse_consumers),
    cmd("xinfo|help", 2, XInfo::parse_help),
];

const COMMAND_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("command|count", 2, Introspect::parse_count),
    cmd("command|list", -2, Introspect::parse_list),
    cmd("command|info", -2, Introspect::parse_info),
    cmd("command|getkeys", -4, Introspect::parse_getkeys),
    cmd(
        "command|getkeysandflags",
        -4,
        Introspect::parse_getkeysandflags,
    ),
    cmd("command|help", 2, Introspect::parse_help),
];

const CLUSTER_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("cluster|addslots", -3, ClusterDisabled::parse),
    cmd("cluster|addslotsrange", -4, ClusterDisabled::parse),
    cmd("cluster|bumpepoch", 2, ClusterDisabled::parse),
    cmd("cluster|count-failure-reports", 3, ClusterDisabled::parse),
    cmd("cluster|countkeysinslot", 3, ClusterDisabled::parse),
    cmd("cluster|delslots", -3, ClusterDisabled::parse),
    cmd("cluster|delslotsrange", -4, ClusterDisabled::parse),
    cmd("cluster|failover", -2, ClusterDisabled::parse),
    cmd("cluster|flushslots", 2, ClusterDisabled::parse),
    cmd("cluster|forget", 3, ClusterDisabled::parse),
    cmd("cluster|getkeysinslot", 4, ClusterDisabled::parse),
    cmd("cluster|help", 2, ClusterDisabled::parse),
    cmd("cluster|info", 2, ClusterDisabled::parse),
    cmd("cluster|keyslot", 3, ClusterDisabled::parse),
    cmd("cluster|links", 2, ClusterDisabled::parse),
    cmd("cluster|meet", -4, ClusterDisabled::parse),
    cmd("cluster|myid", 2, ClusterDisabled::parse),
    cmd("cluster|nodes", 2, ClusterDisabled::parse),
    cmd("cluster|replicas", 3, ClusterDisabled::parse),
    cmd("cluster|replicate", 3, ClusterDisabled::parse),
    cmd("cluster|reset", -2, ClusterDisabled::parse),
    cmd("cluster|saveconfig", 2, ClusterDisabled::parse),
    cmd("cluster|set-config-epoch", 3, ClusterDisabled::parse),
    cmd("cluster|setslot", -4, ClusterDisabled::parse),
    cmd("cluster|shards", 2, ClusterDisabled::parse),
    cmd("cluster|slaves", 3, ClusterDisabled::parse),
    cmd("cluster|slots", 2, ClusterDisabled::parse),
];

const OBJECT_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("object|encoding", 3, Object::parse_encoding),
    cmd("object|refcount", 3, Object::parse_refcount),
    cmd("object|freq", 3, Object::parse_freq),
    cmd("object|idletime", 3, Object::parse_idletime),
    cmd("object|help", 2, Object::parse_help),
];

const MODULE_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("module|list", 2, Module::parse_list),
    cmd("module|load", -3, Module::refuse),
    cmd("module|loadex", -3, Module::refuse),
    cmd("module|unload", 3, Module::refuse),
    cmd("module|help", 2, Module::parse_help),
];

const LATENCY_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("latency|latest", 2, Latency::parse_latest),
    cmd("latency|history", 3, Latency::parse_history),
    cmd("latency|reset", -2, Latency::parse_reset),
    cmd("latency|doctor", 2, Latency::parse_doctor),
    cmd("latency|graph", 3, Latency::parse_graph),
    cmd("latency|histogram", -2, Latency::parse_histogram),
    cmd("latency|help", 2, Latency::parse_help),
];

const MEMORY_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("memory|usage", -3, Memory::parse_usage),
    cmd("memory|stats", 2, Memory::parse_stats),
    cmd("memory|doctor", 2, Memory::parse_doctor),
    cmd("memory|malloc-stats", 2, Memory::parse_malloc_stats),
    cmd("memory|purge", 2, Memory::parse_purge),
    cmd("memory|help", 2, Memory::parse_help),
];

const SLOWLOG_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("slowlog|get", -2, SlowLog::parse_get),
    cmd("slowlog|len", 2, SlowLog::parse_len),
    cmd("slowlog|reset", 2, SlowLog::parse_reset),
    cmd("slowlog|help", 2, SlowLog::parse_help),
];

const ACL_SUBCOMMANDS: &[CommandSpec] = &[
    cmd("acl|cat", -2, Acl::parse_cat),
    cmd("acl|deluser", -3, Acl::parse_deluser),
    cmd("acl|dryrun", -4, Acl::parse_dryrun),
    cmd("acl|genpass", -2, Acl::parse_genpass),
    cmd("acl|getuser", 3, Acl::parse_getuser),
    cmd("acl|list", 2, Acl::parse_list),
    cmd("acl|load", 2, Acl::parse_load),
    cmd("acl|log", -2, Acl::parse_log),
    cmd("acl|save", 2, Acl::parse_save),
    cmd("acl|setuser", -3, Acl::parse_setuser),
    cmd("acl|users", 2, Acl::parse_users),
    cmd("acl|whoami", 2, Acl::parse_whoami),
    cmd("acl|help", 2, Acl::parse_help),
];

/// Every command embedis knows.
pub(crate) const COMMANDS: &[CommandSpec] = &[
    // strings
    cmd("get", 2, Get::parse),
    cmd("set", -3, Set::parse),
    cmd("setnx", 3, Set::parse_setnx),
    cmd("setex", 4, Set::parse_setex),
    cmd("psetex", 4, Set::parse_psetex),
    cmd("getdel", 2, GetDel::parse),
    cmd("getex", -2, GetEx::parse),
    cmd("getset", 3, GetSet::parse),
    cmd("mget", -2, MGet::parse),
    cmd("mset", -3, MSet::parse),
    cmd("msetnx", -3, MSet::parse_msetnx),
    cmd("incr", 2, IncrBy::parse_incr),
    cmd("decr", 2, IncrBy::parse_decr),
    cmd("incrby", 3, IncrBy::parse_incrby),
    cmd("decrby", 3, IncrBy::parse_decrby),
    cmd("incrbyfloat", 3, IncrByFloat::parse),
    cmd("increx", -2, Increx::parse),
    cmd("append", 3, Append::parse),
    cmd("strlen", 2, StrLen::parse),
    cmd("getrange", 4, GetRange::parse),
    cmd("substr", 4, GetRange::parse_substr),
    cmd("setrange", 4, SetRange::parse),
    cmd("setbit", 4, SetBit::parse),
    cmd("getbit", 3, GetBit::parse),
    cmd("bitcount", -2, BitCount::parse),
    cmd("bitpos", -3, BitPos::parse),
    cmd("bitop", -4, BitOpStore::parse),
    cmd("sort", -2, Sort::parse),
    cmd("auth", -2, Auth::parse),
    cmd("wait", 3, Wait::parse),
    cmd("waitaof", 4, WaitAof::parse),
    CommandSpec {
        name: "object",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: OBJECT_SUBCOMMANDS,
    },
    CommandSpec {
        name: "acl",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: ACL_SUBCOMMANDS,
    },
    cmd("info", -1, Info::parse),
    cmd("lcs", -3, Lcs::parse),
    cmd("randomkey", 1, RandomKey::parse),
    cmd("sort_ro", -2, Sort::parse_read_only),
    // GEO
    cmd("geoadd", -5, GeoAdd::parse),
    cmd("geopos", -2, GeoLookup::parse_pos),
    cmd("geodist", -4, GeoDist::parse),
    cmd("geohash", -2, GeoLookup::parse_hash),
    cmd("georadius", -6, GeoSearch::parse_radius),
    cmd("georadius_ro", -6, GeoSearch::parse_radius_ro),
    cmd("georadiusbymember", -5, GeoSearch::parse_by_member),
    cmd("georadiusbymember_ro", -5, GeoSearch::parse_by_member_ro),
    cmd("geosearch", -7, GeoSearch::parse_search),
    cmd("geosearchstore", -8, GeoSearch::parse_search_store),
    // HyperLogLog
    cmd("pfadd", -2, PfAdd::parse),
    cmd("pfcount", -2, PfCount::parse),
    cmd("pfmerge", -2, PfMerge::parse),
    cmd("pfdebug", 3, PfDebug::parse),
    cmd("pfselftest", 1, PfSelfTest::parse),
    cmd("bitfield", -2, BitField::parse),
    cmd("bitfield_ro", -2, BitField::parse_read_only),
    // rate limiting (redis-cell's module command has arity -1: it counts its arguments)
    cmd("cl.throttle", -1, Throttle::parse),
    cmd("cl.throttle.ms", -1, Throttle::parse_ms),
    // keys
    cmd("del", -2, Del::parse),
    cmd("unlink", -2, Del::parse_unlink),
    cmd("exists", -2, Exists::parse),
    cmd("touch", -2, Exists::parse_touch),
    cmd("type", 2, Type::parse),
    cmd("rename", 3, Rename::parse),
    cmd("renamenx", 3, Rename::parse_renamenx),
    cmd("move", 3, Move::parse),
    cmd("copy", -3, CopyKey::parse),
    cmd("swapdb", 3, SwapDb::parse),
    cmd("keys", 2, Keys::parse),
    cmd("scan", -2, Scan::parse),
    cmd("dbsize", 1, DbSize::parse),
    cmd("flushall", -1, Flush::parse),
    cmd("flushdb", -1, Flush::parse_flushdb),
    // expiry
    cmd("expire", -3, Expire::parse_expire),
    cmd("pexpire", -3, Expire::parse_pexpire),
    cmd("expireat", -3, Expire::parse_expireat),
    cmd("pexpireat", -3, Expire::parse_pexpireat),
    cmd("ttl", 2, Ttl::parse_ttl),
    cmd("pttl", 2, Ttl::parse_pttl),
    cmd("expiretime", 2, Ttl::parse_expiretime),
    cmd("pexpiretime", 2, Ttl::parse_pexpiretime),
    cmd("persist", 2, Persist::parse),
    // hashes
    cmd("hset", -4, HSet::parse),
    cmd("hmset", -4, HSet::parse_hmset),
    cmd("hsetnx", 4, HSetNx::parse),
    cmd("hget", 3, HGet::parse),
    cmd("hmget", -3, HMGet::parse),
    cmd("hdel", -3, HDel::parse),
    cmd("hlen", 2, HLen::parse),
    cmd("hstrlen", 3, HStrLen::parse),
    cmd("hexists", 3, HExists::parse),
    cmd("hgetall", 2, HGetAll::parse),
    cmd("hkeys", 2, HKeys::parse),
    cmd("hvals", 2, HVals::parse),
    cmd("hincrby", 4, HIncrBy::parse),
    cmd("hincrbyfloat", 4, HIncrByFloat::parse),
    cmd("hrandfield", -2, HRandField::parse),
    cmd("hscan", -3, HScan::parse),
    // sorted sets
    cmd("zadd", -4, ZAdd::parse),
    cmd("zincrby", 4, ZAdd::parse_zincrby),
    cmd("zrem", -3, ZRem::parse),
    cmd("zcard", 2, ZLookup::parse_zcard),
    cmd("zscore", 3, ZLookup::parse_zscore),
    cmd("zmscore", -3, ZLookup::parse_zmscore),
    cmd("zrank", 3, ZLookup::parse_zrank),
    cmd("zrevrank", 3, ZLookup::parse_zrevrank),
    cmd("zcount", 4, ZCount::parse),
    cmd("zlexcount", 4, ZCount::parse_zlexcount),
    cmd("zrange", -4, ZRange::parse),
    cmd("zrangebyscore", -4, ZRange::parse_zrangebyscore),
    cmd("zrevrangebyscore", -4, ZRange::parse_zrevrangebyscore),
    cmd("zrevrange", -4, ZRange::parse_zrevrange),
    cmd("zrangebylex", -4, ZRange::parse_zrangebylex),
    cmd("zrevrangebylex", -4, ZRange::parse_zrevrangebylex),
    cmd("zrangestore", -5, ZRange::parse_zrangestore),
    cmd("zunion", -3, ZCombine::parse_zunion),
    cmd("zinter", -3, ZCombine::parse_zinter),
    cmd("zdiff", -3, ZCombine::parse_zdiff),
    cmd("zunionstore", -4, ZCombine::parse_zunionstore),
    cmd("zinterstore", -4, ZCombine::parse_zinterstore),
    cmd("zdiffstore", -4, ZCombine::parse_zdiffstore),
    cmd("zintercard", -3, ZCombine::parse_zintercard),
    cmd("zremrangebyscore", 4, ZRemRange::parse_by_score),
    cmd("zremrangebyrank", 4, ZRemRange::parse_by_rank),
    cmd("zremrangebylex", 4, ZRemRange::parse_by_lex),
    cmd("zpopmin", -2, ZPop::parse_min),
    cmd("zpopmax", -2, ZPop::parse_max),
    cmd("zrandmember", -2, ZRandMember::parse),
    cmd("zscan", -3, ZScan::parse),
    cmd("zmpop", -4, ZMPop::parse_zmpop),
    cmd("bzmpop", -5, ZMPop::parse_bzmpop),
    cmd("bzpopmin", -3, ZMPop::parse_bzpopmin),
    cmd("bzpopmax", -3, ZMPop::parse_bzpopmax),
    // lists
    cmd("lpush", -3, Push::parse_lpush),
    cmd("rpush", -3, Push::parse_rpush),
    cmd("lpushx", -3, Push::parse_lpushx),
    cmd("rpushx", -3, Push::parse_rpushx),
    cmd("lpop", -2, Pop::parse_lpop),
    cmd("rpop", -2, Pop::parse_rpop),
    cmd("llen", 2, ListRead::parse_llen),
    cmd("lindex", 3, ListRead::parse_lindex),
    cmd("lrange", 4, ListRead::parse_lrange),
    cmd("lset", 4, LSet::parse),
    cmd("lrem", 4, LRem::parse),
    cmd("ltrim", 4, LTrim::parse),
    cmd("linsert", 5, LInsert::parse),
    cmd("lpos", -3, LPos::parse),
    cmd("lmove", 5, LMove::parse),
    cmd("rpoplpush", 3, LMove::parse_rpoplpush),
    cmd("lmpop", -4, LMPop::parse),
    cmd("blpop", -3, BlockingPop::parse_blpop),
    cmd("brpop", -3, BlockingPop::parse_brpop),
    cmd("blmpop", -5, BlockingPop::parse_blmpop),
    cmd("blmove", 6, BlockingMove::parse),
    cmd("brpoplpush", 4, BlockingMove::parse_brpoplpush),
    // sets
    cmd("sadd", -3, SAdd::parse),
    cmd("srem", -3, SAdd::parse_srem),
    cmd("smembers", 2, SRead::parse_smembers),
    cmd("scard", 2, SRead::parse_scard),
    cmd("sismember", 3, SRead::parse_sismember),
    cmd("smismember", -3, SRead::parse_smismember),
    cmd("spop", -2, SRandom::parse_spop),
    cmd("srandmember", -2, SRandom::parse_srandmember),
    cmd("smove", 4, SMove::parse),
    cmd("sinter", -2, SCombine::parse_sinter),
    cmd("sunion", -2, SCombine::parse_sunion),
    cmd("sdiff", -2, SCombine::parse_sdiff),
    cmd("sinterstore", -3, SCombine::parse_sinterstore),
    cmd("sunionstore", -3, SCombine::parse_sunionstore),
    cmd("sdiffstore", -3, SCombine::parse_sdiffstore),
    cmd("sintercard", -3, SCombine::parse_sintercard),
    cmd("sscan", -3, SScan::parse),
    // server
    cmd("ping", -1, Ping::parse),
    cmd("echo", 2, Echo::parse),
    cmd("time", 1, Time::parse),
    cmd("role", 1, Role::parse),
    cmd("shutdown", -1, Shutdown::parse),
    cmd("replicaof", 3, ReplicaOf::parse),
    cmd("slaveof", 3, ReplicaOf::parse_slaveof),
    cmd("failover", -1, Failover::parse),
    CommandSpec {
        name: "latency",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: LATENCY_SUBCOMMANDS,
    },
    CommandSpec {
        name: "memory",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: MEMORY_SUBCOMMANDS,
    },
    CommandSpec {
        name: "module",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: MODULE_SUBCOMMANDS,
    },
    cmd("lastsave", 1, super::snapshot::LastSave::parse),
    cmd("save", 1, super::snapshot::Save::parse),
    CommandSpec {
        name: "slowlog",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: SLOWLOG_SUBCOMMANDS,
    },
    cmd("bgsave", -1, super::snapshot::BgSave::parse),
    cmd("bgrewriteaof", 1, BgRewriteAof::parse),
    cmd("monitor", 1, Monitor::parse),
    cmd("dump", 2, super::dump::Dump::parse),
    cmd("restore", -4, super::dump::Restore::parse),
    cmd("debug", -2, refuse_debug),
    // `COMMAND` alone lists every command; with a word, it is a container.
    CommandSpec {
        name: "command",
        fast: false,
        arity: -1,
        parse: Some(Introspect::parse_all),
        subcommands: COMMAND_SUBCOMMANDS,
    },
    CommandSpec {
        name: "cluster",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: CLUSTER_SUBCOMMANDS,
    },
    cmd("readonly", 1, ClusterDisabled::parse),
    cmd("readwrite", 1, ClusterDisabled::parse),
    cmd("asking", 1, ClusterDisabled::parse),
    cmd("select", 2, Select::parse),
    CommandSpec {
        name: "config",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: CONFIG_SUBCOMMANDS,
    },
    // streams
    cmd("xadd", -5, XAdd::parse),
    cmd("xlen", 2, XLen::parse),
    cmd("xrange", -4, XRange::parse),
    cmd("xrevrange", -4, XRange::parse_rev),
    cmd("xdel", -3, XDel::parse),
    cmd("xtrim", -4, XTrim::parse),
    cmd("xread", -4, XRead::parse),
    cmd("xsetid", -3, XSetId::parse),
    CommandSpec {
        name: "xgroup",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: XGROUP_SUBCOMMANDS,
    },
    cmd("xreadgroup", -7, XReadGroup::parse),
    cmd("xack", -4, XAck::parse),
    cmd("xpending", -3, XPending::parse),
    cmd("xclaim", -6, XClaim::parse),
    cmd("xautoclaim", -6, XAutoClaim::parse),
    // Redis 8.2
    cmd("xdelex", -5, XDelEx::parse),
    cmd("xackdel", -6, XAckDel::parse),
    // Redis 8.8
    cmd("xnack", -7, XNack::parse),
    CommandSpec {
        name: "xinfo",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: XINFO_SUBCOMMANDS,
    },
    // pub/sub
    cmd("subscribe", -2, Subscribe::parse),
    cmd("psubscribe", -2, Subscribe::parse_pattern),
    cmd("ssubscribe", -2, Subscribe::parse_shard),
    cmd("unsubscribe", -1, Unsubscribe::parse),
    cmd("punsubscribe", -1, Unsubscribe::parse_pattern),
    cmd("sunsubscribe", -1, Unsubscribe::parse_shard),
    cmd("publish", 3, Publish::parse),
    cmd("spublish", 3, Publish::parse_shard),
    CommandSpec {
        name: "pubsub",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: PUBSUB_SUBCOMMANDS,
    },
    // connection
    cmd("hello", -1, Hello::parse),
    CommandSpec {
        name: "client",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: CLIENT_SUBCOMMANDS,
    },
    cmd("reset", 1, Reset::parse),
    cmd("quit", -1, Quit::parse),
    // transactions
    cmd("multi", 1, Multi::parse),
    cmd("exec", 1, Exec::parse),
    cmd("discard", 1, Discard::parse),
    cmd("watch", -2, Watch::parse),
    cmd("unwatch", 1, Unwatch::parse),
];

/// Scripting (the `lua` feature).
#[cfg(feature = "lua")]
pub(crate) const SCRIPT_COMMANDS: &[CommandSpec] = &[
    cmd("eval", -3, Eval::parse),
    cmd("evalsha", -3, Eval::parse_evalsha),
    cmd("eval_ro", -3, Eval::parse_eval_ro),
    cmd("evalsha_ro", -3, Eval::parse_evalsha_ro),
    CommandSpec {
        name: "script",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: &[
            cmd("script|load", 3, Script::parse_load),
            cmd("script|exists", -3, Script::parse_exists),
            cmd("script|flush", -2, Script::parse_flush),
            cmd("script|kill", 2, Script::parse_kill),
            cmd("script|help", 2, Script::parse_help),
        ],
    },
    cmd("fcall", -3, FCall::parse),
    cmd("fcall_ro", -3, FCall::parse_ro),
    CommandSpec {
        name: "function",
        fast: false,
        arity: -2,
        parse: None,
        subcommands: &[
            cmd("function|load", -3, FunctionCommand::parse_load),
            cmd("function|delete", 3, FunctionCommand::parse_delete),
            cmd("function|list", -2, FunctionCommand::parse_list),
            cmd("function|flush", -2, FunctionCommand::parse_flush),
            cmd("function|stats", 2, FunctionCommand::parse_stats),
            cmd("function|kill", 2, FunctionCommand::parse_kill),
            cmd("function|dump", 2, FunctionCommand::parse_dump),
            cmd("function|restore", -3, FunctionCommand::parse_restore),
            cmd("function|help", 2, FunctionCommand::parse_help),
        ],
    },
];
#[cfg(not(feature = "lua"))]
pub(crate) const SCRIPT_COMMANDS: &[CommandSpec] = &[];

/// The top-level rows, by [`packed`] name, sorted for binary search: a lookup costs no
/// hashing and no allocation (measured faster than a hash map of the packed names).
fn index() -> &'static [(u128, &'static CommandSpec)] {
    static INDEX: OnceLock<Vec<(u128, &'static CommandSpec)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut rows: Vec<(u128, &'static CommandSpec)> = COMMANDS
            .iter()
            .chain(SCRIPT_COMMANDS)
            .filter_map(|spec| Some((packed(spec.name.as_bytes())?, spec)))
            .collect();
        debug_assert_eq!(
            rows.len() + long_named().count(),
            COMMANDS.len() + SCRIPT_COMMANDS.len(),
            "a command name is too long to pack"
        );
        rows.sort_unstable_by_key(|(key, _)| *key);
        rows
    })
}

/// Longest name [`packed`] takes (ZREVRANGEBYSCORE's 16 bytes); the few longer ones
/// (GEORADIUSBYMEMBER and its `_RO` form) are searched apart.
const MAX_NAME: usize = 16;

/// The rows whose names are too long to pack.
fn long_named() -> impl Iterator<Item = &'static CommandSpec> {
    COMMANDS
        .iter()
        .chain(SCRIPT_COMMANDS)
        .filter(|spec| spec.name.len() > MAX_NAME)
}

/// A command name folded to lower case, packed into one integer.
fn packed(name: &[u8]) -> Option<u128> {
    if name.len() > MAX_NAME {
        return None;
    }
    // Built in a register, not in a byte array read back whole (a stalled load). No command
    // name holds a NUL, so refusing one keeps the zero padding unambiguous: "get" and
    // "get\0" stay apart.
    let mut key = 0u128;
    for (position, &byte) in name.iter().enumerate() {
        if byte == 0 {
            return None;
        }
        key |= u128::from(byte.to_ascii_lowercase()) << (8 * position);
    }
    Some(key)
}

/// DEBUG, which redis-server 7.0 refuses by default (`enable-debug-command no`) before it
/// runs: see `Command::parse_line`.
fn refuse_debug(_: &mut Args) -> Result<Command, Error> {
    Err(Error::DebugNotAllowed)
}

/// Every top-level row, the scripting ones included when built.
pub(crate) fn all() -> impl Iterator<Item = &'static CommandSpec> {
    COMMANDS.iter().chain(SCRIPT_COMMANDS)
}

/// The row of a full name in any case (`get`, `CLIENT|KILL`), as COMMAND INFO looks names
/// up: a subcommand only under its container's full name.
pub(crate) fn find_full_name(name: &[u8]) -> Option<&'static CommandSpec> {
    let mut parts = name.split(|&b| b == b'|');
    let top = find(parts.next()?)?;
    let Some(sub) = parts.next() else {
        return Some(top);
    };
    if parts.next().is_some() {
        return None;
    }
    find_subcommand(top, sub)
}

/// The row a command line names, as COMMAND GETKEYS looks it up: the container itself
/// when it has no subcommands or none is given, else its subcommand (`None` if unknown).
pub(crate) fn find_for_line(line: &[Bytes]) -> Option<&'static CommandSpec> {
    let top = find(line.first()?)?;
    match line.get(1) {
        Some(sub) if !top.subcommands.is_empty() => find_subcommand(top, sub),
        _ => Some(top),
    }
}

fn find_subcommand(top: &'static CommandSpec, sub: &[u8]) -> Option<&'static CommandSpec> {
    let sub = lowercase(sub);
    top.subcommands.iter().find(|candidate| {
        candidate
            .name
            .split_once('|')
            .is_some_and(|(_, name)| name.as_bytes() == sub.as_slice())
    })
}

/// The table's own spelling of a full command name (`get`, `client|list`).
pub(crate) fn static_name(full: &str) -> Option<&'static str> {
    let top = full.split_once('|').map_or(full, |(top, _)| top);
    let spec = find(top.as_bytes())?;
    if spec.name == full {
        return Some(spec.name);
    }
    spec.subcommands
        .iter()
        .find(|sub| sub.name == full)
        .map(|sub| sub.name)
}

/// The row of a top-level command name, in any case.
pub(crate) fn find(name: &[u8]) -> Option<&'static CommandSpec> {
    if name.len() > MAX_NAME {
        return long_named().find(|spec| spec.name.as_bytes().eq_ignore_ascii_case(name));
    }
    let key = packed(name)?;
    let index = index();
    index
        .binary_search_by_key(&key, |(packed, _)| *packed)
        .ok()
        .map(|position| index[position].1)
}

fn lowercase(name: &[u8]) -> SmallVec<[u8; 24]> {
    name.iter().map(u8::to_ascii_lowercase).collect()
}

/// Whether `argc` words (the name included) fit Redis's `arity`.
pub(crate) fn arity_fits(arity: i32, argc: usize) -> bool {
    let argc = i64::try_from(argc).unwrap_or(i64::MAX);
    let arity = i64::from(arity);
    if arity >= 0 {
        argc == arity
    } else {
        argc >= -arity
    }
}

/// Finds the row for `argv` (`found`: its top-level row, when the caller already has it)
/// and checks its arity; the error is Redis's rejection text. With the row comes how many
/// words name the command: 1, or 2 for a container's subcommand.
pub(crate) fn lookup(
    argv: &[Bytes],
    found: Option<&'static CommandSpec>,
) -> Result<(&'static CommandSpec, usize), Error> {
    let Some(name) = argv.first() else {
        // An empty command line; Redis never executes one, and its nearest text is this.
        return Err(Error::unknown_command::<&[u8]>(b"", &[]));
    };
    let Some(spec) = found.or_else(|| find(name)) else {
        return Err(Error::unknown_command(name, &argv[1..]));
    };
    if spec.subcommands.is_empty() || (spec.parse.is_some() && argv.len() == 1) {
        return if arity_fits(spec.arity, argv.len()) {
            Ok((spec, 1))
        } else {
            Err(Error::arity(spec.name))
        };
    }
    let Some(sub) = argv.get(1) else {
        return Err(Error::arity(spec.name));
    };
    match find_subcommand(spec, sub) {
        Some(found) if arity_fits(found.arity, argv.len()) => Ok((found, 2)),
        Some(found) => Err(Error::arity(found.name)),
        None => Err(Error::unknown_subcommand(sub, name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_found_in_any_case_and_nothing_else() {
        for spec in COMMANDS {
            let upper = spec.name.to_ascii_uppercase();
            assert_eq!(
                find(upper.as_bytes()).map(|found| found.name),
                Some(spec.name)
            );
            assert_eq!(
                find(spec.name.as_bytes()).map(|found| found.name),
                Some(spec.name)
            );
            // A trailing NUL or a longer name is another name (a suffix no command name
            // has: RPUSH + X is RPUSHX).
            assert!(find(format!("{}\0", spec.name).as_bytes()).is_none());
            assert!(find(format!("{}~", spec.name).as_bytes()).is_none());
        }
        assert!(find(b"").is_none());
        assert!(find(b"a-name-longer-than-sixteen-bytes").is_none());
        assert!(find(b"GEORADIUSBYMEMBER_RO").is_some());
        assert!(find(b"georadiusbymember_rox").is_none());
    }

    #[test]
    fn every_name_is_lowercase_and_unique() {
        let mut seen = std::collections::HashSet::new();
        let all = COMMANDS
            .iter()
            .chain(CLIENT_SUBCOMMANDS)
            .chain(PUBSUB_SUBCOMMANDS)
            .chain(CONFIG_SUBCOMMANDS)
            .chain(ACL_SUBCOMMANDS)
            .chain(MODULE_SUBCOMMANDS)
            .chain(LATENCY_SUBCOMMANDS)
            .chain(OBJECT_SUBCOMMANDS)
            .chain(XGROUP_SUBCOMMANDS)
            .chain(XINFO_SUBCOMMANDS);
        for spec in all {
            assert_eq!(spec.name, spec.name.to_lowercase());
            assert!(seen.insert(spec.name), "duplicate {}", spec.name);
            assert!(spec.arity != 0);
        }
    }
}
