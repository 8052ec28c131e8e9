//! INFO, in redis-server 7.0's text format (`# Section` headers, `field:value` lines, CRLF,
//! a blank line between sections), with the sections and fields an in-process engine can
//! answer truthfully. What it cannot measure (memory use, CPU time, latency and command
//! statistics) is left out rather than made up: a parser looking for those fields finds
//! none.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::exec::session::SERVER_VERSION;
use crate::store::pubsub::Kind;
use crate::{Error, Reply};

/// The sections `INFO` and `INFO default` give, in Redis's order.
const DEFAULT_SECTIONS: &[&str] = &[
    "server",
    "clients",
    "memory",
    "persistence",
    "stats",
    "replication",
    "modules",
    "cluster",
    "keyspace",
];

/// `INFO [section ...]`: facts about the engine, as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Info {
    sections: Vec<Bytes>,
}

impl Info {
    /// `INFO`: the default sections.
    ///
    /// ```
    /// use embedis::{cmd::Info, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// let Reply::Verbatim(text) = conn.run(Info::section("keyspace")).unwrap() else { panic!() };
    /// assert_eq!(&text[..], b"# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n");
    /// ```
    pub fn new() -> Info {
        Info::default()
    }

    /// `INFO section` (`server`, `clients`, `memory`, `persistence`, `stats`,
    /// `replication`, `modules`, `cluster`, `keyspace`, `default`, `all`, `everything`).
    pub fn section(name: &str) -> Info {
        Info {
            sections: vec![Bytes::copy_from_slice(name.as_bytes())],
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Info(Info {
            sections: args.rest(),
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let wanted: Vec<String> = if self.sections.is_empty() {
            vec!["default".to_string()]
        } else {
            self.sections
                .iter()
                .map(|name| String::from_utf8_lossy(name).to_ascii_lowercase())
                .collect()
        };
        let everything = wanted
            .iter()
            .any(|name| matches!(name.as_str(), "default" | "all" | "everything"));
        let mut out = String::new();
        for section in DEFAULT_SECTIONS {
            if !everything && !wanted.iter().any(|name| name == section) {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\r\n");
            }
            write_section(ctx, section, &mut out);
        }
        Reply::Verbatim(out.into())
    }
}

/// Appends one `name:value` line.
fn field(out: &mut String, name: &str, value: &dyn std::fmt::Display) {
    out.push_str(&format!("{name}:{value}\r\n"));
}

/// Appends one section: its header, then its `field:value` lines.
fn write_section(ctx: &mut Ctx, section: &str, out: &mut String) {
    let now_us = ctx.now_us();
    let server = ctx.server;
    match section {
        "server" => {
            out.push_str("# Server\r\n");
            let uptime = now_us.saturating_sub(server.started_us) / 1_000_000;
            field(out, "redis_version", &SERVER_VERSION);
            field(out, "redis_git_sha1", &"00000000");
            field(out, "redis_git_dirty", &0);
            field(out, "redis_build_id", &0);
            field(out, "redis_mode", &"standalone");
            let os = match std::env::consts::OS {
                "linux" => "Linux",
                "macos" => "Darwin",
                "windows" => "Windows",
                other => other,
            };
            field(out, "os", &format!("{os} {}", std::env::consts::ARCH));
            field(out, "arch_bits", &(usize::BITS));
            field(out, "multiplexing_api", &"embedis");
            field(out, "process_id", &std::process::id());
            field(out, "process_supervised", &"no");
            field(out, "run_id", &server.run_id);
            field(out, "tcp_port", &0);
            field(out, "server_time_usec", &now_us);
            field(out, "uptime_in_seconds", &uptime);
            field(out, "uptime_in_days", &(uptime / 86_400));
            field(out, "hz", &10);
            field(out, "configured_hz", &10);
            field(out, "io_threads_active", &0);
            field(out, "embedis_version", &env!("CARGO_PKG_VERSION"));
        }
        "clients" => {
            out.push_str("# Clients\r\n");
            field(out, "connected_clients", &server.connected_clients);
            field(out, "cluster_connections", &0);
            field(out, "blocked_clients", &ctx.blocking.parked_count());
            field(out, "tracking_clients", &ctx.tracking.client_count());
        }
        "memory" => {
            out.push_str("# Memory\r\n");
            field(out, "maxmemory", &0);
            field(out, "maxmemory_human", &"0B");
            field(out, "maxmemory_policy", &"noeviction");
            #[cfg(feature = "lua")]
            field(out, "number_of_cached_scripts", &ctx.scripts.cached_count());
        }
        "persistence" => {
            out.push_str("# Persistence\r\n");
            field(out, "loading", &u8::from(ctx.db.loading()));
            field(out, "async_loading", &0);
            // Background saves and compactions are threads, not forks: nothing is copied
            // on write.
            for name in [
                "current_cow_peak",
                "current_cow_size",
                "current_cow_size_age",
            ] {
                field(out, name, &0);
            }
            field(out, "current_fork_perc", &"0.00");
            ctx.saves.settle(ctx.snapshots.as_deref());
            field(out, "rdb_changes_since_last_save", &ctx.saves.dirty());
            let file = ctx.snapshots.as_deref();
            let writing = file.is_some_and(|file| file.in_progress());
            let failed = file.is_some_and(|file| file.last_background_failed());
            field(out, "rdb_bgsave_in_progress", &u8::from(writing));
            field(
                out,
                "rdb_last_save_time",
                &super::snapshot::last_save_secs(ctx),
            );
            field(
                out,
                "rdb_last_bgsave_status",
                &if failed { "err" } else { "ok" },
            );
            let seconds = |secs: Option<u64>| secs.map_or(-1, |secs| secs as i64);
            let last = file.and_then(|file| file.last_background_secs());
            field(out, "rdb_last_bgsave_time_sec", &seconds(last));
            let current = file.and_then(|file| file.current_background_secs());
            field(out, "rdb_current_bgsave_time_sec", &seconds(current));
            field(out, "rdb_saves", &file.map_or(0, |file| file.saves()));
            field(out, "rdb_last_cow_size", &0);
            field(out, "rdb_last_load_keys_expired", &server.rdb_keys_expired);
            field(out, "rdb_last_load_keys_loaded", &server.rdb_keys_loaded);
            field(out, "aof_enabled", &u8::from(server.aof_enabled));
            let log = ctx.log.as_deref();
            let rewriting = log.is_some_and(|log| log.rewriting);
            let status = log.map(|log| log.status).unwrap_or_default();
            field(out, "aof_rewrite_in_progress", &u8::from(rewriting));
            // A compaction asked for while one runs is refused, never scheduled.
            field(out, "aof_rewrite_scheduled", &0);
            field(out, "aof_last_rewrite_time_sec", &seconds(status.last_secs));
            let running = status
                .running_since
                .map(|started| started.elapsed().as_secs());
            field(out, "aof_current_rewrite_time_sec", &seconds(running));
            field(
                out,
                "aof_last_bgrewrite_status",
                &if status.last_failed { "err" } else { "ok" },
            );
            field(out, "aof_rewrites", &status.rewrites);
            field(
                out,
                "aof_rewrites_consecutive_failures",
                &status.failures_in_a_row,
            );
            let refusing = log.is_some_and(|log| log.refusing.is_some());
            field(
                out,
                "aof_last_write_status",
                &if refusing { "err" } else { "ok" },
            );
            field(out, "aof_last_cow_size", &0);
            field(out, "module_fork_in_progress", &0);
            field(out, "module_fork_last_cow_size", &0);
            if log.is_some() {
                field(out, "aof_current_size", &status.size);
                field(out, "aof_base_size", &status.base_size);
                // The executor keeps no buffer between batches, and fsyncs are its own
                // (under Always) or the writer's: none is ever pending or delayed.
                for name in [
                    "aof_pending_rewrite",
                    "aof_buffer_length",
                    "aof_pending_bio_fsync",
                    "aof_delayed_fsync",
                ] {
                    field(out, name, &0);
                }
            }
        }
        "stats" => {
            out.push_str("# Stats\r\n");
            let expired: u64 = ctx.databases.all(ctx.db).map(|db| db.expired_total()).sum();
            let (channels, patterns, shards) = ctx.events.fanout.with_registry(|registry| {
                (
                    registry.active(Kind::Channel, None).len(),
                    registry.pattern_count(),
                    registry.active(Kind::Shard, None).len(),
                )
            });
            field(
                out,
                "total_connections_received",
                &server.connections_received,
            );
            field(out, "total_commands_processed", &server.commands_processed);
            field(out, "expired_keys", &expired);
            field(out, "evicted_keys", &0);
            field(out, "pubsub_channels", &channels);
            field(out, "pubsub_patterns", &patterns);
            field(out, "pubsubshard_channels", &shards);
            let (keys, items, prefixes) = ctx.tracking.totals();
            field(out, "tracking_total_keys", &keys);
            field(out, "tracking_total_items", &items);
            field(out, "tracking_total_prefixes", &prefixes);
        }
        "replication" => {
            out.push_str("# Replication\r\n");
            field(out, "role", &"master");
            field(out, "connected_slaves", &0);
            field(out, "master_failover_state", &"no-failover");
            field(out, "master_replid", &server.run_id);
            field(out, "master_replid2", &"0".repeat(40));
            field(out, "master_repl_offset", &0);
            field(out, "second_repl_offset", &-1);
            field(out, "repl_backlog_active", &0);
        }
        "modules" => out.push_str("# Modules\r\n"),
        "cluster" => {
            out.push_str("# Cluster\r\n");
            field(out, "cluster_enabled", &0);
        }
        "keyspace" => {
            out.push_str("# Keyspace\r\n");
            let now_ms = now_us / 1000;
            let mut databases: Vec<_> = ctx.databases.all(ctx.db).collect();
            databases.sort_by_key(|db| db.index());
            for db in databases {
                if db.len() == 0 {
                    continue;
                }
                out.push_str(&format!(
                    "db{}:keys={},expires={},avg_ttl={}\r\n",
                    db.index(),
                    db.len(),
                    db.volatile_len(),
                    db.average_ttl_ms(now_ms)
                ));
            }
        }
        _ => {}
    }
}
