//! MONITOR: every command the engine runs, as a line of text to each listening connection.
//!
//! What redis-server 7.0 shows, and when (each probed on it):
//! - a command is shown after it ran, with the database it left the connection in
//!   (`SELECT 3` is shown in database 3); its arguments as the client sent them, quoted;
//! - EVAL, EVALSHA, FCALL and their `_RO` forms are shown before they run, so the commands
//!   their script runs (shown as from `lua`) come after them;
//! - the commands of a transaction are shown as EXEC runs them, then EXEC itself;
//! - not shown: commands refused before running (unknown, wrong arity, queued by MULTI,
//!   refused in subscribe mode), and the `admin` commands (CONFIG, CLIENT KILL, MONITOR,
//!   DEBUG, ...); AUTH's arguments and HELLO's AUTH pair are shown as `(redacted)`;
//! - a blocking command is shown once, when it first runs;
//! - a monitor's own command is shown to it after its reply (not at all after QUIT).
//!
//! Every other monitor has a command's line before the command's caller has its reply, so
//! a test that reads a monitor after a round trip sees what the round trip ran
//! ([`Engine::monitor`](crate::Engine::monitor) reads lines back as values).
//!
//! The line is `<unix seconds>.<microseconds> [<db> <address>] "arg" ...`, a simple string.
//! embedis takes the time from the engine clock (so a `ManualClock` test sees exact lines)
//! and the address CLIENT LIST gives the connection.
//!
//! A command line is kept for its MONITOR line only while some connection monitors: the
//! handle parses command lines on its own thread, and keeps their words as sent
//! ([`keep_line`]) only while [`listening`] says a monitor exists in this process. A
//! command sent as a typed value, or just before the first MONITOR, is shown by its name.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;

use crate::cmd::clients::peer_address;
use crate::cmd::context::Ctx;
use crate::cmd::introspect;
use crate::cmd::{Command, IntoArg};
use crate::{Error, Reply};

/// The words of a command line as the client sent them, kept only while a MONITOR listens.
pub(crate) type SentLine = Option<Box<[Bytes]>>;

/// The sent lines of a batch (a pipeline), by position: none at all while no monitor
/// listens, so a pipeline pays nothing for MONITOR then.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentLines(Vec<SentLine>);

impl SentLines {
    /// Records the line of the command at `position` (commands are added in order).
    pub(crate) fn record(&mut self, position: usize, line: SentLine) {
        if line.is_none() && self.0.is_empty() {
            return;
        }
        self.0.resize(position, None);
        self.0.push(line);
    }

    /// A command was put in front of the others (MULTI around a transaction).
    pub(crate) fn shift(&mut self) {
        if !self.0.is_empty() {
            self.0.insert(0, None);
        }
    }

    /// The line of the command at `position`, if kept.
    pub(crate) fn take(&mut self, position: usize) -> SentLine {
        self.0.get_mut(position).and_then(Option::take)
    }
}

/// Monitoring connections in every engine of this process: while there are none, command
/// lines are parsed without keeping their words.
static LISTENING: AtomicUsize = AtomicUsize::new(0);

/// Whether any connection of any engine in this process monitors.
#[inline]
pub(crate) fn listening() -> bool {
    LISTENING.load(Ordering::Relaxed) != 0
}

/// Parses a command line, keeping its words for MONITOR if a monitor listens, and for
/// SLOWLOG if a slow log may time it (`exec/slowlog.rs`).
#[inline]
pub(crate) fn keep_line<I>(argv: I) -> (Result<Command, Error>, SentLine)
where
    I: IntoIterator,
    I::Item: IntoArg,
{
    Command::from_argv_keeping(argv, |spec| listening() || super::slowlog::wants_line(spec))
}

/// [`keep_line`] for a line already split into owned words (the redis-rs bridge's).
#[cfg(feature = "redis-rs")]
pub(crate) fn keep_vec(words: Vec<Bytes>) -> (Result<Command, Error>, SentLine) {
    let spec = words.first().and_then(|name| crate::cmd::table::find(name));
    if !listening() && !super::slowlog::wants_line(spec) {
        return (Command::from_vec(words, spec), None);
    }
    let line = words.clone().into_boxed_slice();
    (Command::from_vec(words, spec), Some(line))
}

/// The engine's monitoring connections and the lines owed to them.
#[derive(Debug, Default)]
pub(crate) struct Monitors {
    /// In the order they started, which is the order each line reaches them.
    listeners: Vec<u64>,
    /// Lines made while handling the current message, sent with its reply.
    pending: Vec<Reply>,
}

impl Monitors {
    /// Whether any connection of this engine monitors: the one check on the command path.
    #[inline]
    pub(crate) fn is_listening(&self) -> bool {
        !self.listeners.is_empty()
    }

    /// Whether `conn` monitors.
    pub(crate) fn includes(&self, conn: u64) -> bool {
        self.listeners.contains(&conn)
    }

    /// The connections to send each line to.
    pub(crate) fn listeners(&self) -> &[u64] {
        &self.listeners
    }

    /// `conn` starts monitoring (once).
    pub(crate) fn add(&mut self, conn: u64) {
        if !self.listeners.contains(&conn) {
            self.listeners.push(conn);
            LISTENING.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// `conn` stops monitoring (RESET, or it closed).
    pub(crate) fn remove(&mut self, conn: u64) {
        if let Some(at) = self.listeners.iter().position(|&id| id == conn) {
            self.listeners.remove(at);
            LISTENING.fetch_sub(1, Ordering::Relaxed);
        }
    }

    /// Records the line for a command that ran: at `micros` on the engine clock, in
    /// database `db`, from `source` (a connection's address, or `lua`). `line` is what the
    /// client sent; without it (a typed command), the command's name.
    pub(crate) fn record(
        &mut self,
        micros: u64,
        db: usize,
        source: &str,
        line: Option<&[Bytes]>,
        name: &str,
    ) {
        let mut text = format!(
            "{}.{:06} [{db} {source}]",
            micros / 1_000_000,
            micros % 1_000_000
        );
        match line {
            Some(words) => {
                let redacted = redacted_from(words);
                for (at, word) in words.iter().enumerate() {
                    text.push(' ');
                    if at >= redacted.start && at < redacted.end {
                        text.push_str("\"(redacted)\"");
                    } else {
                        crate::store::sds_text::quote(&mut text, word);
                    }
                }
            }
            None => {
                for word in name.split('|') {
                    text.push(' ');
                    crate::store::sds_text::quote(&mut text, word.as_bytes());
                }
            }
        }
        self.pending.push(Reply::Status(Cow::Owned(text)));
    }

    /// The lines made since the last call, to send to every listener.
    pub(crate) fn take_pending(&mut self) -> Vec<Reply> {
        std::mem::take(&mut self.pending)
    }

    /// Whether lines wait to be sent.
    #[inline]
    pub(crate) fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }
}

impl Drop for Monitors {
    fn drop(&mut self) {
        LISTENING.fetch_sub(self.listeners.len(), Ordering::Relaxed);
    }
}

/// Runs `command` for a connection while some connection monitors, recording its line
/// when redis-server shows it: scripts before they run, `admin` commands never, every
/// other command after it ran (in the database it left the connection in).
pub(crate) fn apply_monitored(ctx: &mut Ctx, command: Command, line: SentLine) -> Reply {
    let name = command.name();
    let meta = introspect::meta_named(name);
    let hidden = meta.is_some_and(|meta| meta.has_flag("admin"));
    let first = meta.is_some_and(|meta| meta.has_flag("skip_monitor"));
    if first {
        record(ctx, line.as_deref(), name);
    }
    let reply = command.apply(ctx);
    if !hidden && !first {
        record(ctx, line.as_deref(), name);
    }
    reply
}

/// Records the line of a command `ctx`'s connection (or script) ran.
pub(crate) fn record(ctx: &mut Ctx, line: Option<&[Bytes]>, name: &str) {
    let micros = ctx.now.micros();
    let source = if ctx.session.scripted {
        Cow::Borrowed("lua")
    } else {
        Cow::Owned(peer_address(ctx.session.id))
    };
    ctx.monitor
        .record(micros, ctx.session.db, &source, line, name);
}

/// Whether a monitoring connection is refused `command`: anything that reads, writes or
/// may reach other clients (redis-server flags a monitor as a replica, which may not).
pub(crate) fn refused_to_monitor(command: &Command) -> bool {
    let flagged = introspect::meta_named(command.name())
        .is_some_and(|meta| meta.has_flag("readonly") || meta.has_flag("write"));
    flagged || command.may_replicate()
}

/// The words of `line` shown as `(redacted)`: AUTH's arguments, and the user and password
/// of HELLO's AUTH option, which HELLO redacts as it reads its options (after a valid
/// protocol version, and only where a user and a password follow).
pub(crate) fn redacted_from(line: &[Bytes]) -> std::ops::Range<usize> {
    let is = |word: &Bytes, name: &str| word.eq_ignore_ascii_case(name.as_bytes());
    match line.first() {
        Some(name) if is(name, "auth") => 1..line.len(),
        Some(name) if is(name, "hello") => {
            let version = line
                .get(1)
                .and_then(|word| crate::store::number::parse_i64(word));
            if !matches!(version, Some(2 | 3)) {
                return 0..0;
            }
            let mut at = 2;
            while at < line.len() {
                let more = line.len() - at - 1;
                if is(&line[at], "auth") && more >= 2 {
                    return at + 1..at + 3;
                } else if is(&line[at], "setname") && more >= 1 {
                    at += 2;
                } else {
                    break;
                }
            }
            0..0
        }
        _ => 0..0,
    }
}

/// A MONITOR line read back: the inverse of [`Monitors::record`]'s format. `None` for
/// text that is not such a line.
pub(crate) fn parse_line(line: &str) -> Option<crate::MonitoredCommand> {
    let (time, rest) = line.split_once(" [")?;
    let (secs, micros) = time.split_once('.')?;
    if micros.len() != 6 {
        return None;
    }
    let micros = secs.parse::<u64>().ok()? * 1_000_000 + micros.parse::<u64>().ok()?;
    let (origin, words) = rest.split_once(']')?;
    let (db, client) = origin.split_once(' ')?;
    let mut args = Vec::new();
    let mut bytes = words.as_bytes();
    while let Some(rest) = bytes.strip_prefix(b" \"") {
        let (word, after) = unquote(rest)?;
        args.push(Bytes::from(word));
        bytes = after;
    }
    if !bytes.is_empty() {
        return None;
    }
    Some(crate::MonitoredCommand {
        micros,
        db: db.parse().ok()?,
        client: client.to_string(),
        args,
    })
}

/// One word [`quote`] wrote, from after its opening quote: the bytes, and what follows the
/// closing quote.
fn unquote(text: &[u8]) -> Option<(Vec<u8>, &[u8])> {
    let mut word = Vec::new();
    let mut at = 0;
    loop {
        match *text.get(at)? {
            b'"' => return Some((word, &text[at + 1..])),
            b'\\' => {
                let escaped = *text.get(at + 1)?;
                at += 2;
                word.push(match escaped {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'a' => 0x07,
                    b'b' => 0x08,
                    b'x' => {
                        let hex = std::str::from_utf8(text.get(at..at + 2)?).ok()?;
                        at += 2;
                        u8::from_str_radix(hex, 16).ok()?
                    }
                    other => other,
                });
            }
            byte => {
                word.push(byte);
                at += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &[&str]) -> Vec<Bytes> {
        line.iter()
            .map(|w| Bytes::copy_from_slice(w.as_bytes()))
            .collect()
    }

    fn line_of(words: Option<&[Bytes]>, name: &str) -> String {
        let mut monitors = Monitors::default();
        monitors.record(1_700_000_000_000_042, 3, "lua", words, name);
        match monitors.take_pending().pop() {
            Some(Reply::Status(text)) => text.into_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lines_quote_as_redis_does() {
        let line = words(&["SET", "k", "a b\x01\"\\\n\u{7f}"]);
        assert_eq!(
            line_of(Some(&line), "set"),
            r#"1700000000.000042 [3 lua] "SET" "k" "a b\x01\"\\\n\x7f""#
        );
        assert_eq!(
            line_of(None, "client|setname"),
            r#"1700000000.000042 [3 lua] "client" "setname""#
        );
    }

    #[test]
    fn lines_read_back_to_their_words() {
        let sent = words(&["SET", "k", "a b\x01\"\\\n\r\t\x07\x08\u{7f}", ""]);
        let line = line_of(Some(&sent), "set");
        let seen = parse_line(&line).expect("a line");
        assert_eq!(seen.args, sent);
        assert_eq!(
            (seen.micros, seen.db, seen.client.as_str()),
            (1_700_000_000_000_042, 3, "lua")
        );
        assert!(parse_line("not a line").is_none());
        assert!(parse_line("1.000001 [0 lua] \"open").is_none());
    }

    #[test]
    fn secrets_are_redacted() {
        let auth = words(&["AUTH", "user", "pass"]);
        assert!(line_of(Some(&auth), "auth").ends_with(r#""AUTH" "(redacted)" "(redacted)""#));
        let hello = words(&["hello", "3", "auth", "u", "p", "setname", "n"]);
        assert!(line_of(Some(&hello), "hello")
            .ends_with(r#""hello" "3" "auth" "(redacted)" "(redacted)" "setname" "n""#));
    }

    #[test]
    fn the_process_wide_count_follows_the_listeners() {
        let mut monitors = Monitors::default();
        monitors.add(7);
        monitors.add(7);
        assert!(listening());
        assert_eq!(monitors.listeners(), [7]);
        monitors.remove(7);
        monitors.remove(7);
        assert!(monitors.listeners().is_empty());
    }
}
