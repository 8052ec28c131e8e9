//! Small helpers for tests of typed commands: reading replies, and checking that a typed
//! command builds what its argv form parses to.

use bytes::Bytes;
use embedis::cmd::Command;
use embedis::Reply;

/// The bulk strings of an array reply; panics on any other shape.
pub fn bulks(reply: &Reply) -> Vec<Bytes> {
    match reply {
        Reply::Array(items) => items
            .iter()
            .map(|item| match item {
                Reply::Bulk(bytes) => bytes.clone(),
                other => panic!("not a bulk string: {other:?}"),
            })
            .collect(),
        other => panic!("not an array: {other:?}"),
    }
}

/// Asserts that `argv` parses to the same command as the typed constructor built.
pub fn parses_as(argv: &[&str], typed: impl Into<Command>) {
    assert_eq!(
        Command::from_argv(argv.iter().copied()).unwrap(),
        typed.into(),
        "{argv:?}"
    );
}
