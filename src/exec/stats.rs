//! What INFO reports about the engine itself, counted where it happens (the executor opens
//! and closes connections and runs the commands).

/// Counters and facts of one engine.
#[derive(Debug, Clone)]
pub(crate) struct ServerStats {
    /// When the engine started, on its clock (INFO's uptime).
    pub(crate) started_us: u64,
    /// A random 40-hex-digit identity, new for each engine (Redis's `run_id`).
    pub(crate) run_id: String,
    /// Connections opened since the start.
    pub(crate) connections_received: u64,
    /// Connections open now.
    pub(crate) connected_clients: usize,
    /// Commands run since the start (each command of a pipeline counts).
    pub(crate) commands_processed: u64,
    /// Whether writes go to an append-only file.
    pub(crate) aof_enabled: bool,
    /// Keys loaded from the snapshot file at the start, and keys it held that had expired.
    pub(crate) rdb_keys_loaded: u64,
    pub(crate) rdb_keys_expired: u64,
}

impl ServerStats {
    pub(crate) fn new(started_us: u64) -> ServerStats {
        let run_id = (0..5)
            .map(|_| format!("{:08x}", crate::store::random::next_u64() as u32))
            .collect();
        ServerStats {
            started_us,
            run_id,
            connections_received: 0,
            connected_clients: 0,
            commands_processed: 0,
            aof_enabled: false,
            rdb_keys_loaded: 0,
            rdb_keys_expired: 0,
        }
    }
}
