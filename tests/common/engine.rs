//! Helpers for tests that drive one embedis engine directly (no redis-server): a manual
//! clock at a given unix second, a one-off command, a field of INFO persistence.

use std::time::{Duration, UNIX_EPOCH};

use embedis::{Engine, ManualClock, Reply};

/// A manual clock standing at unix second `secs`.
pub fn clock_at(secs: u64) -> ManualClock {
    let clock = ManualClock::new();
    clock.set(UNIX_EPOCH + Duration::from_secs(secs));
    clock
}

/// Runs one command on a new connection of `engine`.
pub fn call(engine: &Engine, argv: &[&str]) -> Reply {
    engine.connect().call(argv.iter().copied()).expect("reply")
}

/// The value of one `field:value` line of INFO persistence.
pub fn persistence_field(engine: &Engine, field: &str) -> String {
    let (Reply::Verbatim(text) | Reply::Bulk(text)) = call(engine, &["INFO", "persistence"]) else {
        panic!("INFO is text");
    };
    let text = String::from_utf8_lossy(&text).into_owned();
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("no {field} in {text}"))
        .to_string()
}
