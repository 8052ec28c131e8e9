//! Every error variant renders Redis's exact text (the oracle for each is redis-server 7.0,
//! or the INCREX documentation), and classifies as a server or handle error.

use embedis::Error;

#[test]
fn every_variant_has_redis_text() {
    let cases: Vec<(Error, &str)> = vec![
        (
            Error::unknown_command(b"foo", &[b"a".as_slice(), b"b"]),
            "ERR unknown command 'foo', with args beginning with: 'a' 'b' ",
        ),
        (
            Error::unknown_command::<&[u8]>(b"FOO", &[]),
            "ERR unknown command 'FOO', with args beginning with: ",
        ),
        (
            Error::UnknownSubcommand {
                subcommand: "foo".into(),
                command: "CLIENT".into(),
            },
            "ERR unknown subcommand 'foo'. Try CLIENT HELP.",
        ),
        (
            Error::arity("client|setname"),
            "ERR wrong number of arguments for 'client|setname' command",
        ),
        (Error::Syntax, "ERR syntax error"),
        (
            Error::WrongType,
            "WRONGTYPE Operation against a key holding the wrong kind of value",
        ),
        (
            Error::NotInteger,
            "ERR value is not an integer or out of range",
        ),
        (Error::NotFloat, "ERR value is not a valid float"),
        (
            Error::IncrOverflow,
            "ERR increment or decrement would overflow",
        ),
        (Error::DecrOverflow, "ERR decrement would overflow"),
        (
            Error::NanOrInfinity,
            "ERR increment would produce NaN or Infinity",
        ),
        (
            Error::InvalidExpireTime { command: "set" },
            "ERR invalid expire time in 'set' command",
        ),
        (
            Error::StringTooLong,
            "ERR string exceeds maximum allowed size (proto-max-bulk-len)",
        ),
        (
            Error::ProtocolVersionNotInteger,
            "ERR Protocol version is not an integer or out of range",
        ),
        (
            Error::HelloOption("foo".into()),
            "ERR Syntax error in HELLO option 'foo'",
        ),
        (
            Error::WrongPass,
            "WRONGPASS invalid username-password pair or user is disabled.",
        ),
        (Error::NoSuchKey, "ERR no such key"),
        (
            Error::UnsupportedOption("foo".into()),
            "ERR Unsupported option foo",
        ),
        (
            Error::ExpireNxConflict,
            "ERR NX and XX, GT or LT options at the same time are not compatible",
        ),
        (
            Error::ExpireGtLtConflict,
            "ERR GT and LT options at the same time are not compatible",
        ),
        (Error::InvalidCursor, "ERR invalid cursor"),
        (Error::NoProto, "NOPROTO unsupported protocol version"),
        (
            Error::InvalidClientName,
            "ERR Client names cannot contain spaces, newlines or special characters.",
        ),
        (Error::DbIndexOutOfRange, "ERR DB index is out of range"),
        (Error::InvalidFirstDbIndex, "ERR invalid first DB index"),
        (Error::InvalidSecondDbIndex, "ERR invalid second DB index"),
        (
            Error::SameObject,
            "ERR source and destination objects are the same",
        ),
        (
            Error::InvalidDbIndex,
            "ERR value is not an integer or out of range",
        ),
        (Error::NestedMulti, "ERR MULTI calls can not be nested"),
        (Error::ExecWithoutMulti, "ERR EXEC without MULTI"),
        (Error::DiscardWithoutMulti, "ERR DISCARD without MULTI"),
        (
            Error::WatchInsideMulti,
            "ERR WATCH inside MULTI is not allowed",
        ),
        (
            Error::ExecAbort,
            "EXECABORT Transaction discarded because of previous errors.",
        ),
        (
            Error::NotAllowedInAtomically,
            "ERR This Redis command is not allowed from script",
        ),
        (
            Error::Increx("ENX flag requires an expiration"),
            "ERR ENX flag requires an expiration",
        ),
        // redis-cell's texts (redis-cell/src/lib.rs, redis-cell-impl/src/lib.rs and
        // error.rs), sent with `RM_ReplyWithError` as `Cell error: ...`: code `Cell`.
        (
            Error::CellUsage("cl.throttle"),
            "Cell error: Store error: Usage: cl.throttle <key> <max_burst> <count per period> <period> [<quantity>]",
        ),
        (
            Error::CellNotInteger("x".into()),
            "Cell error: Store error: Couldn't parse as integer: x",
        ),
        (
            Error::CellZeroRate,
            "Cell error: Store error: Zero rates are not supported",
        ),
        (
            Error::CellBadValue("invalid digit found in string".into()),
            "Cell error: invalid digit found in string",
        ),
        (
            Error::CellUpdateFailed,
            "Cell error: Store error: Failed to update rate limit after 5 attempts",
        ),
        (
            Error::CellOutOfRange,
            "Cell error: Store error: embedis: max_burst, quantity and the rate must not be negative, and the bucket must fit in 64-bit nanoseconds",
        ),        // The four below were read from redis-server 7.0.15.
        (
            Error::SubscribeContext {
                command: "client|id".into(),
            },
            "ERR Can't execute 'client|id': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context",
        ),
        (
            Error::SubcommandSyntax {
                subcommand: "CHANNELS".into(),
                command: "PUBSUB".into(),
            },
            "ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB HELP.",
        ),
        (
            Error::ConfigUnknownOption("foo".into()),
            "ERR Unknown option or number of arguments for CONFIG SET - 'foo'",
        ),
        (
            Error::ConfigSetFailed {
                argument: "notify-keyspace-events".into(),
                reason: "duplicate parameter".into(),
            },
            "ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - duplicate parameter",
        ),
        (
            Error::AppendOnlyWrite("No space left on device (os error 28)".into()),
            "MISCONF Errors writing to the AOF file: No space left on device (os error 28)",
        ),
    ];
    for (error, text) in cases {
        assert_eq!(error.to_string(), text);
        assert!(error.is_server_error(), "{error:?}");
        assert_eq!(error.code(), text.split(' ').next().unwrap_or_default());
    }
}

#[test]
fn handle_errors_are_not_server_errors() {
    for error in [
        Error::Closed,
        Error::OutputBufferOverflow,
        Error::WouldDeadlock,
        Error::Panicked("boom".into()),
        Error::UnexpectedReply("x".into()),
        Error::NoAppendOnlyFile,
    ] {
        assert!(!error.is_server_error(), "{error:?}");
        assert!(error.to_string().starts_with("ERR embedis: "), "{error}");
    }
}

#[test]
fn unknown_command_preview_is_cut_at_128_bytes_and_sanitised() {
    let long = vec![b'x'; 300];
    let error = Error::unknown_command(b"nope", &[long.as_slice(), b"next"]);
    let text = error.to_string();
    let preview = text.split("beginning with: ").nth(1).unwrap();
    assert_eq!(preview, format!("'{}' ", "x".repeat(128)));
    let error = Error::unknown_command(b"a\r\nb", &[b"c\nd".as_slice()]);
    assert_eq!(
        error.to_string(),
        "ERR unknown command 'a  b', with args beginning with: 'c d' "
    );
}

/// An argument type of the caller's own, which does not offer its bytes to `peek`: the
/// command line is parsed the same way as from `&str`.
#[test]
fn arguments_without_peek_parse_the_same() {
    struct Word(&'static str);
    impl embedis::cmd::IntoArg for Word {
        fn into_arg(self) -> bytes::Bytes {
            bytes::Bytes::from_static(self.0.as_bytes())
        }
    }
    use embedis::cmd::Command;
    for line in [
        vec!["incr", "k"],
        vec!["INCR", "k"],
        vec!["SET", "k", "v", "EX", "10"],
        vec!["xgroup", "create", "s", "g", "$", "MKSTREAM"],
        vec!["NOSUCH", "a"],
        vec!["GET"],
        vec!["get\0", "k"],
        vec!["a-command-name-longer-than-fifteen-bytes"],
    ] {
        let plain = Command::from_argv(line.iter().copied());
        let own = Command::from_argv(line.iter().map(|word| Word(word)));
        assert_eq!(plain, own, "{line:?}");
    }
    assert!(Command::from_argv(["get\0", "k"]).is_err());
    assert_eq!(
        Command::from_argv(["GeT", "k"]),
        Command::from_argv(["get", "k"])
    );
}
