//! COMMAND INFO of every command embedis has, compared with redis-server 7.0's reply byte
//! for byte, over RESP2 and RESP3: arity, flags, legacy key positions, ACL categories,
//! tips and key specifications.
//!
//! Skipped: the commands redis-server 7.0 does not have (CL.THROTTLE, INCREX, the 8.x
//! stream commands); and of a container (CLIENT, CONFIG, ...) the list of its subcommands,
//! which is each server's own (embedis has not every 7.0 subcommand): each subcommand's row
//! is compared on its own instead.

mod common;

use common::{elements, escape, words};
use embedis::{Engine, Protocol, Reply};

/// Every command and subcommand name embedis lists.
fn embedis_names() -> Vec<String> {
    let mut conn = Engine::new().connect();
    let Ok(Reply::Array(names)) = conn.call(["COMMAND", "LIST"]) else {
        panic!("COMMAND LIST is not an array");
    };
    names
        .into_iter()
        .map(|name| match name {
            Reply::Bulk(name) => String::from_utf8_lossy(&name).into_owned(),
            other => panic!("COMMAND LIST item {other:?}"),
        })
        .collect()
}

/// The ten fields of a one-row COMMAND INFO reply, without the subcommand list of a
/// container; `None` for a nil row (an unknown name).
fn row_fields(reply: &[u8]) -> Option<Vec<Vec<u8>>> {
    let (_, rows) = elements(reply).expect("COMMAND INFO replies with an array");
    assert_eq!(rows.len(), 1, "one row asked, one row answered");
    let (_, mut fields) = elements(&rows[0])?;
    assert_eq!(fields.len(), 10, "a COMMAND INFO row has ten fields");
    if fields[9] != b"*0\r\n" && fields[9] != b"~0\r\n" {
        // A container: its subcommands are compared one by one.
        fields.pop();
    }
    Some(fields)
}

#[test]
fn command_info_matches_redis_server_for_every_command() {
    let Some(lease) = common::lease() else {
        return;
    };
    lease.reset();
    let names = embedis_names();
    assert!(
        names.len() > 250,
        "COMMAND LIST lists {} names",
        names.len()
    );
    let mut failures = Vec::new();
    let mut compared = 0;
    for protocol in [Protocol::Resp2, Protocol::Resp3] {
        let mut redis = lease.client();
        let engine = Engine::new();
        let mut embedis = engine.connect();
        if protocol == Protocol::Resp3 {
            redis.call(&words("HELLO 3")).expect("HELLO 3");
            embedis.call(["HELLO", "3"]).expect("HELLO 3");
        }
        for name in &names {
            let line = vec![
                b"COMMAND".to_vec(),
                b"INFO".to_vec(),
                name.as_bytes().to_vec(),
            ];
            let expected = redis.call(&line).expect("redis-server answers");
            let actual = embedis
                .call(["COMMAND", "INFO", name.as_str()])
                .expect("embedis answers")
                .to_resp(protocol);
            let Some(expected_fields) = row_fields(&expected) else {
                continue; // not a 7.0 command
            };
            compared += 1;
            if Some(&expected_fields) != row_fields(&actual).as_ref() {
                failures.push(format!(
                    "{protocol:?} COMMAND INFO {name}:\n    redis-server: {}\n    embedis:      {}",
                    escape(&expected),
                    escape(&actual)
                ));
            }
        }
    }
    assert!(compared > 500, "only {compared} rows compared");
    assert!(
        failures.is_empty(),
        "{} COMMAND INFO rows differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
