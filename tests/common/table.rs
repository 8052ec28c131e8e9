//! Tables of scripted cases, shared by the differential tests (`tests/differential.rs`,
//! `tests/differential_pubsub.rs`, `tests/differential_streams.rs`): each file has its own
//! script language and case runner; running a table under each protocol, collecting every
//! divergence and checking that known differences still differ is the same for all three.

use super::{escape, lease, Pair};

/// The protocol a case runs in: RESP3 means `HELLO 3` first on every connection of both
/// sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    Resp2,
    Resp3,
}

/// Every table runs twice, over RESP2 and over RESP3.
pub const BOTH: &[Proto] = &[Proto::Resp2, Proto::Resp3];

/// A case: a name and a script.
pub type Case = (&'static str, &'static [&'static str]);

/// Runs every case of `table` under each protocol with `run` (the file's case runner, on a
/// fresh pair each time); fails listing every divergence, each named by `noun` ("case",
/// "scenario") and the case's name.
pub fn run_table(
    table: &[Case],
    protocols: &[Proto],
    noun: &str,
    run: impl Fn(&mut Pair, &[&str], Proto) -> Result<(), String>,
) {
    let Some(lease) = lease() else { return };
    let mut failures = Vec::new();
    for &(name, script) in table {
        for &proto in protocols {
            let mut pair = lease.fresh_pair();
            if let Err(failure) = run(&mut pair, script, proto) {
                failures.push(format!("{noun} `{name}` [{proto:?}] {failure}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} divergence(s) between redis-server and embedis:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Fails if a case of `known` agrees with redis-server under every one of `protocols`
/// (each run with `run` on a fresh pair): a known difference that is gone belongs in its
/// table.
pub fn assert_still_differ(
    known: &[Case],
    protocols: &[Proto],
    run: impl Fn(&mut Pair, &[&str], Proto) -> Result<(), String>,
) {
    let Some(lease) = lease() else { return };
    let mut agreeing = Vec::new();
    for &(name, script) in known {
        let differs = protocols.iter().any(|&proto| {
            let mut pair = lease.fresh_pair();
            run(&mut pair, script, proto).is_err()
        });
        if !differs {
            agreeing.push(name);
        }
    }
    assert!(
        agreeing.is_empty(),
        "these known differences now agree with redis-server; move them to their tables: {agreeing:?}"
    );
}

/// One divergent reply: where (`at`), the command, why, and both replies escaped.
pub fn report(at: &str, command: &str, expected: &[u8], actual: &[u8], why: &str) -> String {
    format!(
        "{at} `{command}`: {why}\n    redis-server: \"{}\"\n    embedis:      \"{}\"",
        escape(expected),
        escape(actual)
    )
}
