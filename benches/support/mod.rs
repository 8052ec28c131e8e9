//! Helpers shared by the benches (`round_trip`, `rate_limit`): thread pinning, a raw RESP
//! client with its redis-server child, and the end-of-run summary. (A subdirectory, so cargo
//! does not take them for benches.)

pub mod affinity;
pub mod resp;
pub mod summary;

/// The criterion settings both suites use: explicit and short, so a whole run stays around
/// two minutes; command-line flags (`--measurement-time`, `--sample-size`, ...) override them.
pub fn criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .sample_size(50)
        .warm_up_time(std::time::Duration::from_millis(800))
        .measurement_time(std::time::Duration::from_secs(3))
        .nresamples(20_000)
        .configure_from_args()
}
