//! The keys a command reads, as client-side caching (CLIENT TRACKING) remembers them.
//!
//! After a command Redis flags `readonly` runs, redis-server 7.0 remembers for a tracking
//! client the keys that command names (what `COMMAND GETKEYS` gives for its argv). argv
//! is not kept once parsed, so the keys come from the parsed command instead.

use bytes::Bytes;

use super::Command;

impl Command {
    /// The keys redis-server's client-side caching remembers after this command: those
    /// of a command Redis flags `readonly` (COMMAND GETKEYS order, repeats kept), none for
    /// any other command.
    pub(crate) fn read_keys_into(&self, out: &mut Vec<Bytes>) {
        match self {
            Command::Get(c) => out.push(c.key.clone()),
            Command::Dump(c) => out.push(c.keys().clone()),
            Command::StrLen(c) => out.push(c.key.clone()),
            Command::GetRange(c) => out.push(c.key.clone()),
            Command::GetBit(c) => out.push(c.key.clone()),
            Command::BitCount(c) => out.push(c.key.clone()),
            Command::BitPos(c) => out.push(c.key.clone()),
            Command::BitField(c) if c.is_read_only() => out.push(c.key.clone()),
            Command::Type(c) => out.push(c.key.clone()),
            // TTL, PTTL, EXPIRETIME and PEXPIRETIME.
            Command::Ttl(c) => out.push(c.key.clone()),
            Command::HGet(c) => out.push(c.key.clone()),
            Command::HMGet(c) => out.push(c.key.clone()),
            Command::HLen(c) => out.push(c.key.clone()),
            Command::HStrLen(c) => out.push(c.key.clone()),
            Command::HExists(c) => out.push(c.key.clone()),
            Command::HGetAll(c) => out.push(c.key.clone()),
            Command::HKeys(c) => out.push(c.key.clone()),
            Command::HVals(c) => out.push(c.key.clone()),
            Command::HRandField(c) => out.push(c.key.clone()),
            Command::HScan(c) => out.push(c.key.clone()),
            // LLEN, LINDEX, LRANGE.
            Command::ListRead(c) => out.push(c.key.clone()),
            Command::LPos(c) => out.push(c.key.clone()),
            // SMEMBERS, SCARD, SISMEMBER, SMISMEMBER.
            Command::SRead(c) => out.push(c.key.clone()),
            // SRANDMEMBER, not SPOP.
            Command::SRandom(c) if c.name() == "srandmember" => out.push(c.key.clone()),
            Command::SScan(c) => out.push(c.key.clone()),
            // ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK.
            Command::ZLookup(c) => out.push(c.key.clone()),
            // ZCOUNT, ZLEXCOUNT.
            Command::ZCount(c) => out.push(c.key.clone()),
            // Every ZRANGE form but ZRANGESTORE.
            Command::ZRange(c) if c.name() != "zrangestore" => out.push(c.key.clone()),
            Command::ZRandMember(c) => out.push(c.key.clone()),
            Command::ZScan(c) => out.push(c.key.clone()),
            // GEOPOS, GEOHASH.
            Command::GeoLookup(c) => out.push(c.key.clone()),
            Command::GeoDist(c) => out.push(c.key.clone()),
            // GEORADIUS_RO, GEORADIUSBYMEMBER_RO, GEOSEARCH: not the forms that may store.
            Command::GeoSearch(c) if !c.may_write() => out.extend(c.source_key().cloned()),
            // SORT_RO: its BY and GET patterns are not keys to COMMAND GETKEYS.
            Command::Sort(c) if c.name() == "sort_ro" => out.push(c.key.clone()),
            Command::XLen(c) => out.push(c.key.clone()),
            // XRANGE, XREVRANGE.
            Command::XRange(c) => out.push(c.key.clone()),
            Command::XPending(c) => out.push(c.key.clone()),
            // OBJECT and XINFO name a key in every subcommand but HELP.
            Command::Object(c) => out.extend(c.key().cloned()),
            Command::XInfo(c) => out.extend(c.key().cloned()),
            // MEMORY USAGE.
            Command::Memory(c) => out.extend(c.key().cloned()),
            Command::Lcs(c) => out.extend([c.first.clone(), c.second.clone()]),
            Command::MGet(c) => out.extend(c.keys.iter().cloned()),
            // EXISTS, TOUCH.
            Command::Exists(c) => out.extend(c.keys.iter().cloned()),
            Command::PfCount(c) => out.extend(c.keys.iter().cloned()),
            // SINTER, SUNION, SDIFF, SINTERCARD: not the STORE forms.
            Command::SCombine(c)
                if matches!(c.name(), "sinter" | "sunion" | "sdiff" | "sintercard") =>
            {
                out.extend(c.keys.iter().cloned());
            }
            // ZUNION, ZINTER, ZDIFF, ZINTERCARD: not the STORE forms.
            Command::ZCombine(c)
                if matches!(c.name(), "zunion" | "zinter" | "zdiff" | "zintercard") =>
            {
                out.extend(c.keys.iter().cloned());
            }
            Command::XRead(c) => out.extend(c.streams.iter().map(|(key, _)| key.clone())),
            // EVAL_RO, EVALSHA_RO and FCALL_RO are `readonly` too, but Redis tracks the
            // commands their scripts run instead of their own keys.
            #[cfg(feature = "lua")]
            Command::Eval(_) | Command::Script(_) | Command::Function(_) | Command::FCall(_) => {}
            // redis-server does remember the keys of a `readonly` command that its own
            // argument checks refuse (ZRANGE k 0 1 BADOPT), but a refused command keeps
            // no argv to find them in.
            Command::Invalid { .. } => {}
            // Writes (and the write halves of the pairs above), and commands without keys.
            Command::BitField(_)
            | Command::SRandom(_)
            | Command::ZRange(_)
            | Command::GeoSearch(_)
            | Command::Sort(_)
            | Command::SCombine(_)
            | Command::ZCombine(_)
            | Command::Set(_)
            | Command::Restore(_)
            | Command::GetDel(_)
            | Command::GetEx(_)
            | Command::GetSet(_)
            | Command::MSet(_)
            | Command::IncrBy(_)
            | Command::IncrByFloat(_)
            | Command::Increx(_)
            | Command::Throttle(_)
            | Command::Append(_)
            | Command::Del(_)
            | Command::Rename(_)
            | Command::Move(_)
            | Command::Copy(_)
            | Command::SwapDb(_)
            | Command::Keys(_)
            | Command::Scan(_)
            | Command::DbSize(_)
            | Command::Flush(_)
            | Command::Expire(_)
            | Command::Persist(_)
            | Command::HSet(_)
            | Command::HSetNx(_)
            | Command::HDel(_)
            | Command::HIncrBy(_)
            | Command::HIncrByFloat(_)
            | Command::ZAdd(_)
            | Command::ZRem(_)
            | Command::ZRemRange(_)
            | Command::ZPop(_)
            | Command::ZMPop(_)
            | Command::PfAdd(_)
            | Command::PfMerge(_)
            | Command::PfDebug(_)
            | Command::PfSelfTest(_)
            | Command::Auth(_)
            | Command::Acl(_)
            | Command::Wait(_)
            | Command::WaitAof(_)
            | Command::Info(_)
            | Command::GeoAdd(_)
            | Command::RandomKey(_)
            | Command::SetRange(_)
            | Command::SetBit(_)
            | Command::BitOpStore(_)
            | Command::Push(_)
            | Command::Pop(_)
            | Command::LSet(_)
            | Command::LRem(_)
            | Command::LTrim(_)
            | Command::LInsert(_)
            | Command::LMove(_)
            | Command::LMPop(_)
            | Command::BlockingPop(_)
            | Command::BlockingMove(_)
            | Command::SAdd(_)
            | Command::SMove(_)
            | Command::Ping(_)
            | Command::Echo(_)
            | Command::Time(_)
            | Command::Role(_)
            | Command::Shutdown(_)
            | Command::ReplicaOf(_)
            | Command::Failover(_)
            | Command::Latency(_)
            | Command::Module(_)
            | Command::LastSave(_)
            | Command::Save(_)
            | Command::SlowLog(_)
            | Command::BgSave(_)
            | Command::BgRewriteAof(_)
            | Command::ClusterDisabled(_)
            | Command::Select(_)
            | Command::Config(_)
            | Command::Introspect(_)
            | Command::Monitor(_)
            | Command::Subscribe(_)
            | Command::Unsubscribe(_)
            | Command::Publish(_)
            | Command::PubSub(_)
            | Command::XAdd(_)
            | Command::XDel(_)
            | Command::XTrim(_)
            | Command::XSetId(_)
            | Command::XGroup(_)
            | Command::XReadGroup(_)
            | Command::XAck(_)
            | Command::XClaim(_)
            | Command::XAutoClaim(_)
            | Command::XDelEx(_)
            | Command::XAckDel(_)
            | Command::XNack(_)
            | Command::Hello(_)
            | Command::Client(_)
            | Command::Reset(_)
            | Command::Quit(_)
            | Command::Multi(_)
            | Command::Exec(_)
            | Command::Discard(_)
            | Command::Watch(_)
            | Command::Unwatch(_)
            | Command::ExecAbort(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use bytes::Bytes;

    use super::Command;
    use crate::cmd::table::{self, COMMANDS, SCRIPT_COMMANDS};

    /// Command lines and the keys redis-server 7.0.15 remembers for them: `COMMAND GETKEYS`
    /// of the line if `COMMAND INFO` flags it `readonly` (EVAL_RO, EVALSHA_RO and FCALL_RO
    /// aside), none otherwise; none for the commands 7.0 does not have. Asked of that
    /// server, line by line. At least one line per name in the command table.
    const LINES: &[(&str, &[&str])] = &[
        ("get k", &["k"]),
        ("set k v", &[]),
        ("set k v EX 10 GET", &[]),
        ("setnx k v", &[]),
        ("setex k 10 v", &[]),
        ("psetex k 100 v", &[]),
        ("getdel k", &[]),
        ("getex k PERSIST", &[]),
        ("getset k v", &[]),
        ("mget k", &["k"]),
        ("mget a b a", &["a", "b", "a"]),
        ("mset a 1 b 2", &[]),
        ("msetnx a 1 b 2", &[]),
        ("incr k", &[]),
        ("decr k", &[]),
        ("incrby k 2", &[]),
        ("decrby k 2", &[]),
        ("incrbyfloat k 1.5", &[]),
        ("increx k BYINT 2", &[]),
        ("append k v", &[]),
        ("strlen k", &["k"]),
        ("getrange k 0 -1", &["k"]),
        ("substr k 0 -1", &["k"]),
        ("setrange k 0 v", &[]),
        ("setbit k 7 1", &[]),
        ("getbit k 7", &["k"]),
        ("bitcount k", &["k"]),
        ("bitcount k 0 -1 BIT", &["k"]),
        ("bitpos k 1", &["k"]),
        ("bitpos k 1 0 -1 BYTE", &["k"]),
        ("bitop AND d a b", &[]),
        ("bitop NOT d a", &[]),
        ("sort k", &[]),
        ("sort k BY w_* GET o_* STORE d", &[]),
        ("sort_ro k", &["k"]),
        (
            "sort_ro k BY w_* LIMIT 0 10 GET o_* GET # ALPHA DESC",
            &["k"],
        ),
        ("auth secret", &[]),
        ("wait 0 0", &[]),
        ("object encoding k", &["k"]),
        ("object refcount k", &["k"]),
        ("object freq k", &["k"]),
        ("object idletime k", &["k"]),
        ("object help", &[]),
        ("acl whoami", &[]),
        ("acl help", &[]),
        ("info", &[]),
        ("info server", &[]),
        ("lcs a b", &["a", "b"]),
        ("lcs a a LEN", &["a", "a"]),
        ("lcs a b IDX MINMATCHLEN 2 WITHMATCHLEN", &["a", "b"]),
        ("randomkey", &[]),
        ("geoadd k 13.3 38.1 m", &[]),
        ("geopos k m n", &["k"]),
        ("geohash k m", &["k"]),
        ("geodist k m n km", &["k"]),
        ("georadius k 15 37 200 km", &[]),
        ("georadius k 15 37 200 km STORE d", &[]),
        ("georadius_ro k 15 37 200 km WITHDIST", &["k"]),
        ("georadiusbymember k m 100 km", &[]),
        ("georadiusbymember k m 100 km STOREDIST d", &[]),
        ("georadiusbymember_ro k m 100 km", &["k"]),
        ("geosearch k FROMMEMBER m BYRADIUS 100 km", &["k"]),
        (
            "geosearch k FROMLONLAT 15 37 BYBOX 400 400 km ASC COUNT 3",
            &["k"],
        ),
        ("geosearchstore d k FROMMEMBER m BYRADIUS 100 km", &[]),
        ("pfadd k a b", &[]),
        ("pfcount k", &["k"]),
        ("pfcount a b a", &["a", "b", "a"]),
        ("pfmerge d a b", &[]),
        ("pfdebug GETREG k", &[]),
        ("pfselftest", &[]),
        ("bitfield k GET u8 0", &[]),
        ("bitfield k SET u8 0 1", &[]),
        ("bitfield_ro k GET u8 0 GET i4 8", &["k"]),
        ("cl.throttle k 15 30 60", &[]),
        ("cl.throttle.ms k 15 30 60000 2", &[]),
        ("del a b", &[]),
        ("unlink a b", &[]),
        ("exists k", &["k"]),
        ("exists a b a", &["a", "b", "a"]),
        ("touch a b a", &["a", "b", "a"]),
        ("type k", &["k"]),
        ("rename a b", &[]),
        ("renamenx a b", &[]),
        ("move k 1", &[]),
        ("copy a b DB 1 REPLACE", &[]),
        ("swapdb 0 1", &[]),
        ("keys *", &[]),
        ("scan 0 MATCH a* COUNT 10", &[]),
        ("dbsize", &[]),
        ("flushall", &[]),
        ("flushdb ASYNC", &[]),
        ("expire k 10", &[]),
        ("pexpire k 10 NX", &[]),
        ("expireat k 10", &[]),
        ("pexpireat k 10", &[]),
        ("ttl k", &["k"]),
        ("pttl k", &["k"]),
        ("expiretime k", &["k"]),
        ("pexpiretime k", &["k"]),
        ("persist k", &[]),
        ("hset k f v", &[]),
        ("hmset k f v g w", &[]),
        ("hsetnx k f v", &[]),
        ("hget k f", &["k"]),
        ("hmget k f g", &["k"]),
        ("hdel k f", &[]),
        ("hlen k", &["k"]),
        ("hstrlen k f", &["k"]),
        ("hexists k f", &["k"]),
        ("hgetall k", &["k"]),
        ("hkeys k", &["k"]),
        ("hvals k", &["k"]),
        ("hincrby k f 1", &[]),
        ("hincrbyfloat k f 1.5", &[]),
        ("hrandfield k", &["k"]),
        ("hrandfield k 2 WITHVALUES", &["k"]),
        ("hscan k 0 MATCH f* COUNT 5", &["k"]),
        ("zadd k 1 m", &[]),
        ("zincrby k 1 m", &[]),
        ("zrem k m", &[]),
        ("zcard k", &["k"]),
        ("zscore k m", &["k"]),
        ("zmscore k m n", &["k"]),
        ("zrank k m", &["k"]),
        ("zrevrank k m", &["k"]),
        ("zcount k 0 10", &["k"]),
        ("zlexcount k - +", &["k"]),
        ("zrange k 0 -1", &["k"]),
        ("zrange k 0 10 BYSCORE LIMIT 0 2 WITHSCORES", &["k"]),
        ("zrange k + - BYLEX REV", &["k"]),
        ("zrangebyscore k 0 10", &["k"]),
        ("zrevrangebyscore k 10 0", &["k"]),
        ("zrevrange k 0 -1", &["k"]),
        ("zrangebylex k - +", &["k"]),
        ("zrevrangebylex k + -", &["k"]),
        ("zrangestore d k 0 -1", &[]),
        ("zunion 2 a b", &["a", "b"]),
        (
            "zunion 3 a b a WEIGHTS 1 2 3 AGGREGATE MAX WITHSCORES",
            &["a", "b", "a"],
        ),
        ("zinter 2 a b", &["a", "b"]),
        ("zdiff 2 a b", &["a", "b"]),
        ("zunionstore d 2 a b", &[]),
        ("zinterstore d 2 a b", &[]),
        ("zdiffstore d 2 a b", &[]),
        ("zintercard 2 a b", &["a", "b"]),
        ("zintercard 2 a a LIMIT 5", &["a", "a"]),
        ("zremrangebyscore k 0 1", &[]),
        ("zremrangebyrank k 0 1", &[]),
        ("zremrangebylex k - +", &[]),
        ("zpopmin k", &[]),
        ("zpopmax k 2", &[]),
        ("zrandmember k", &["k"]),
        ("zrandmember k 2 WITHSCORES", &["k"]),
        ("zscan k 0", &["k"]),
        ("zmpop 2 a b MIN", &[]),
        ("bzmpop 0 2 a b MAX COUNT 2", &[]),
        ("bzpopmin a b 0", &[]),
        ("bzpopmax a b 0", &[]),
        ("lpush k a", &[]),
        ("rpush k a", &[]),
        ("lpushx k a", &[]),
        ("rpushx k a", &[]),
        ("lpop k", &[]),
        ("rpop k 2", &[]),
        ("llen k", &["k"]),
        ("lindex k 0", &["k"]),
        ("lrange k 0 -1", &["k"]),
        ("lset k 0 v", &[]),
        ("lrem k 0 v", &[]),
        ("ltrim k 0 1", &[]),
        ("linsert k BEFORE p v", &[]),
        ("lpos k v", &["k"]),
        ("lpos k v RANK 1 COUNT 2 MAXLEN 10", &["k"]),
        ("lmove a b LEFT RIGHT", &[]),
        ("rpoplpush a b", &[]),
        ("lmpop 2 a b LEFT", &[]),
        ("blpop a b 0", &[]),
        ("brpop a b 0", &[]),
        ("blmpop 0 2 a b LEFT", &[]),
        ("blmove a b LEFT RIGHT 0", &[]),
        ("brpoplpush a b 0", &[]),
        ("sadd k m", &[]),
        ("srem k m", &[]),
        ("smembers k", &["k"]),
        ("scard k", &["k"]),
        ("sismember k m", &["k"]),
        ("smismember k m n", &["k"]),
        ("spop k", &[]),
        ("spop k 2", &[]),
        ("srandmember k", &["k"]),
        ("srandmember k -2", &["k"]),
        ("smove a b m", &[]),
        ("sinter k", &["k"]),
        ("sinter a b a", &["a", "b", "a"]),
        ("sunion a b", &["a", "b"]),
        ("sdiff a b", &["a", "b"]),
        ("sinterstore d a b", &[]),
        ("sunionstore d a b", &[]),
        ("sdiffstore d a b", &[]),
        ("sintercard 2 a b", &["a", "b"]),
        ("sintercard 3 a b a LIMIT 1", &["a", "b", "a"]),
        ("sscan k 0", &["k"]),
        ("ping", &[]),
        ("ping hi", &[]),
        ("echo hi", &[]),
        ("time", &[]),
        ("role", &[]),
        ("shutdown nosave now", &[]),
        ("replicaof no one", &[]),
        ("slaveof 10.0.0.7 6379", &[]),
        ("failover to h 1 timeout 5 force", &[]),
        ("latency latest", &[]),
        ("latency history command", &[]),
        ("latency reset command", &[]),
        ("latency doctor", &[]),
        ("latency graph command", &[]),
        ("latency histogram get set", &[]),
        ("latency help", &[]),
        ("waitaof 0 0 0", &[]),
        ("memory usage k", &["k"]),
        ("memory usage k samples 0", &["k"]),
        ("memory stats", &[]),
        ("memory doctor", &[]),
        ("memory malloc-stats", &[]),
        ("memory purge", &[]),
        ("memory help", &[]),
        ("module list", &[]),
        ("module help", &[]),
        ("module load /lib/x.so", &[]),
        ("module loadex /lib/x.so ARGS a", &[]),
        ("module unload x", &[]),
        ("config rewrite", &[]),
        ("acl cat geo", &[]),
        ("acl deluser a b", &[]),
        ("acl dryrun default get k", &[]),
        ("acl genpass 64", &[]),
        ("acl getuser default", &[]),
        ("acl list", &[]),
        ("acl load", &[]),
        ("acl log 5", &[]),
        ("acl save", &[]),
        ("acl setuser default on", &[]),
        ("acl users", &[]),
        ("lastsave", &[]),
        ("save", &[]),
        ("slowlog get", &[]),
        ("slowlog len", &[]),
        ("slowlog reset", &[]),
        ("slowlog help", &[]),
        ("bgsave", &[]),
        ("bgrewriteaof", &[]),
        ("dump k", &["k"]),
        ("restore k 0 payload", &[]),
        ("debug sleep 0", &[]),
        ("cluster addslots 1", &[]),
        ("cluster addslotsrange 1 2", &[]),
        ("cluster bumpepoch", &[]),
        ("cluster count-failure-reports id", &[]),
        ("cluster countkeysinslot 1", &[]),
        ("cluster delslots 1", &[]),
        ("cluster delslotsrange 1 2", &[]),
        ("cluster failover", &[]),
        ("cluster flushslots", &[]),
        ("cluster forget id", &[]),
        ("cluster getkeysinslot 1 1", &[]),
        ("cluster help", &[]),
        ("cluster info", &[]),
        ("cluster keyslot k", &[]),
        ("cluster links", &[]),
        ("cluster meet 127.0.0.1 7000", &[]),
        ("cluster myid", &[]),
        ("cluster nodes", &[]),
        ("cluster replicas id", &[]),
        ("cluster replicate id", &[]),
        ("cluster reset", &[]),
        ("cluster saveconfig", &[]),
        ("cluster set-config-epoch 1", &[]),
        ("cluster setslot 1 STABLE", &[]),
        ("cluster shards", &[]),
        ("cluster slaves id", &[]),
        ("cluster slots", &[]),
        ("readonly", &[]),
        ("readwrite", &[]),
        ("asking", &[]),
        ("select 0", &[]),
        ("config get maxmemory", &[]),
        ("config set maxmemory 0", &[]),
        ("config resetstat", &[]),
        ("config help", &[]),
        ("command", &[]),
        ("command count", &[]),
        ("command list filterby pattern g*", &[]),
        ("command info get", &[]),
        ("command getkeys get k", &[]),
        ("command getkeysandflags get k", &[]),
        ("command help", &[]),
        ("monitor", &[]),
        ("xadd k * f v", &[]),
        ("xadd k MAXLEN 10 * f v", &[]),
        ("xlen k", &["k"]),
        ("xrange k - +", &["k"]),
        ("xrange k - + COUNT 2", &["k"]),
        ("xrevrange k + -", &["k"]),
        ("xdel k 1-1", &[]),
        ("xtrim k MAXLEN 10", &[]),
        ("xread STREAMS k 0", &["k"]),
        (
            "xread COUNT 2 BLOCK 0 STREAMS a b a 0 0 $",
            &["a", "b", "a"],
        ),
        ("xread STREAMS STREAMS 0", &["STREAMS"]),
        ("xsetid k 1-1", &[]),
        ("xgroup create k g $ MKSTREAM", &[]),
        ("xgroup setid k g 0", &[]),
        ("xgroup destroy k g", &[]),
        ("xgroup createconsumer k g c", &[]),
        ("xgroup delconsumer k g c", &[]),
        ("xgroup help", &[]),
        ("xreadgroup GROUP g c STREAMS k >", &[]),
        ("xreadgroup GROUP g c COUNT 1 STREAMS a b > >", &[]),
        ("xack k g 1-1", &[]),
        ("xpending k g", &["k"]),
        ("xpending k g IDLE 10 - + 10 c", &["k"]),
        ("xclaim k g c 0 1-1", &[]),
        ("xautoclaim k g c 0 0", &[]),
        ("xdelex k IDS 1 1-1", &[]),
        ("xackdel k g IDS 1 1-1", &[]),
        ("xnack k g FAIL IDS 1 1-1", &[]),
        ("xinfo stream k", &["k"]),
        ("xinfo stream k FULL COUNT 5", &["k"]),
        ("xinfo groups k", &["k"]),
        ("xinfo consumers k g", &["k"]),
        ("xinfo help", &[]),
        ("subscribe a b", &[]),
        ("psubscribe a*", &[]),
        ("ssubscribe a", &[]),
        ("unsubscribe", &[]),
        ("unsubscribe a", &[]),
        ("punsubscribe", &[]),
        ("sunsubscribe", &[]),
        ("publish ch msg", &[]),
        ("spublish ch msg", &[]),
        ("pubsub channels", &[]),
        ("pubsub numsub a", &[]),
        ("pubsub numpat", &[]),
        ("pubsub shardchannels", &[]),
        ("pubsub shardnumsub a", &[]),
        ("pubsub help", &[]),
        ("hello", &[]),
        ("hello 3", &[]),
        ("client setname n", &[]),
        ("client getname", &[]),
        ("client id", &[]),
        ("client no-evict on", &[]),
        ("client help", &[]),
        ("client list", &[]),
        ("client info", &[]),
        ("client kill ID 1", &[]),
        ("client unblock 1", &[]),
        ("client pause 10", &[]),
        ("client tracking on", &[]),
        ("client caching yes", &[]),
        ("client getredir", &[]),
        ("client trackinginfo", &[]),
        ("client reply on", &[]),
        ("client unpause", &[]),
        ("reset", &[]),
        ("quit", &[]),
        ("multi", &[]),
        ("exec", &[]),
        ("discard", &[]),
        ("watch a b", &[]),
        ("unwatch", &[]),
    ];

    /// The same, for the scripting commands (the `lua` feature).
    #[cfg(feature = "lua")]
    const SCRIPT_LINES: &[(&str, &[&str])] = &[
        ("eval return(1) 2 a b x", &[]),
        ("evalsha e0e1f9fabfc9d4800c877a703b823ac0578ff8db 1 a", &[]),
        ("eval_ro return(1) 2 a b x", &[]),
        (
            "evalsha_ro e0e1f9fabfc9d4800c877a703b823ac0578ff8db 1 a",
            &[],
        ),
        ("script load return(1)", &[]),
        (
            "script exists e0e1f9fabfc9d4800c877a703b823ac0578ff8db",
            &[],
        ),
        ("script flush ASYNC", &[]),
        ("script kill", &[]),
        ("script help", &[]),
        ("fcall f 2 a b x", &[]),
        ("fcall_ro f 1 a", &[]),
        ("function load code", &[]),
        ("function delete lib", &[]),
        ("function list", &[]),
        ("function flush", &[]),
        ("function stats", &[]),
        ("function kill", &[]),
        ("function dump", &[]),
        ("function restore payload", &[]),
        ("function help", &[]),
    ];

    #[cfg(not(feature = "lua"))]
    const SCRIPT_LINES: &[(&str, &[&str])] = &[];

    fn all_lines() -> impl Iterator<Item = &'static (&'static str, &'static [&'static str])> {
        LINES.iter().chain(SCRIPT_LINES)
    }

    #[test]
    fn read_keys_are_those_redis_remembers() {
        for (line, expected) in all_lines() {
            let Ok(command) = Command::from_argv(line.split(' ')) else {
                // DEBUG and MODULE LOAD/LOADEX/UNLOAD are refused before they become
                // commands, as on redis-server 7.0.
                let refused = ["debug ", "module load", "module unload"];
                assert!(
                    refused.iter().any(|start| line.starts_with(start)) && expected.is_empty(),
                    "{line}"
                );
                continue;
            };
            // A refused argument would make an empty answer trivial.
            assert!(
                !matches!(command, Command::Invalid { .. }),
                "{line}: {command:?}"
            );
            let mut keys = Vec::new();
            command.read_keys_into(&mut keys);
            let expected: Vec<Bytes> = expected.iter().map(|key| Bytes::from(*key)).collect();
            assert_eq!(keys, expected, "{line}");
        }
    }

    #[test]
    fn read_keys_are_appended() {
        let mut keys = vec![Bytes::from("earlier")];
        let command = Command::from_argv(["MGET", "a", "b"]).unwrap();
        command.read_keys_into(&mut keys);
        assert_eq!(keys, ["earlier", "a", "b"].map(Bytes::from));
    }

    /// What the parsed command remembers is what redis-server finds on the line with the
    /// key specifications (COMMAND GETKEYS), for every command flagged `readonly`.
    #[test]
    fn read_keys_are_the_getkeys_keys_of_readonly_commands() {
        let mut checked = 0;
        for (line, expected) in all_lines() {
            let argv: Vec<Bytes> = line
                .split(' ')
                .map(|w| Bytes::from(w.to_string()))
                .collect();
            let Ok((spec, _)) = table::lookup(&argv, None) else {
                continue;
            };
            let Some(meta) = crate::cmd::introspect::meta_of(spec) else {
                panic!("{line}: no metadata");
            };
            // Read-only scripts are not remembered themselves, only the commands they run.
            let script = matches!(spec.name, "eval_ro" | "evalsha_ro" | "fcall_ro");
            if !meta.has_flag("readonly") || script {
                continue;
            }
            let found: Vec<&[u8]> = crate::cmd::key_specs::keys_of(meta, &argv)
                .into_iter()
                .map(|(at, _)| &argv[at][..])
                .collect();
            let expected: Vec<&[u8]> = expected.iter().map(|key| key.as_bytes()).collect();
            assert_eq!(found, expected, "{line}");
            checked += 1;
        }
        assert!(checked > 50, "only {checked} read-only lines");
    }

    /// The hand-written classifications of parsed commands agree with the flags
    /// redis-server gives the same command (COMMAND INFO's `write`).
    #[test]
    fn writes_are_the_commands_redis_flags_write() {
        let mut wrong = Vec::new();
        for (line, _) in all_lines() {
            let Ok(command) = Command::from_argv(line.split(' ')) else {
                continue;
            };
            let Some(meta) = crate::cmd::introspect::meta_named(command.name()) else {
                panic!("{line}: no metadata for {}", command.name());
            };
            if command.is_write() != meta.has_flag("write") {
                wrong.push(*line);
            }
        }
        assert!(
            wrong.is_empty(),
            "is_write differs from Redis's flag for {wrong:?}"
        );
    }

    #[test]
    fn every_command_name_has_a_line() {
        let mut names = BTreeSet::new();
        for spec in COMMANDS.iter().chain(SCRIPT_COMMANDS) {
            if spec.subcommands.is_empty() {
                names.insert(spec.name);
            }
            names.extend(spec.subcommands.iter().map(|sub| sub.name));
        }
        for (line, _) in all_lines() {
            let argv: Vec<Bytes> = line
                .split(' ')
                .map(|word| Bytes::from(word.to_string()))
                .collect();
            let (spec, _) = table::lookup(&argv, None).unwrap();
            names.remove(spec.name);
        }
        assert!(names.is_empty(), "no line for {names:?}");
    }
}
