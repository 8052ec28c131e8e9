//! CLIENT LIST, CLIENT INFO, CLIENT KILL and CLIENT UNBLOCK: the CLIENT subcommands that
//! see every connection, not only the caller's.
//!
//! An in-process connection has no socket. It is listed with a loopback address made from
//! its id ([`peer_address`]: unique among open connections, accepted by `CLIENT KILL
//! ADDR`), the engine's as `laddr=127.0.0.1:6379`, `fd=-1` (Redis's "no socket"), and zero
//! for the buffer and memory sizes (`oll` counts the pub/sub messages waiting to be read).
//! Every other field is what redis-server 7.0 shows for the same state, in its order:
//! flags, database, subscriptions, the transaction's length, the last command's full name,
//! and age and idle time in whole seconds of the engine clock.
//!
//! What a command does to another connection waits until it has run (see
//! `exec/clients.rs`): a killed connection is closed, an unblocked one answered, right after.

use std::fmt::Write;

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Client, Command};
use crate::error::error_text;
use crate::exec::clients::ClientAction;
use crate::exec::session::Session;
use crate::store::c_string::keyword_is;
use crate::store::number::parse_i64;
use crate::store::pubsub::Kind;
use crate::{Error, Protocol, Reply};

/// The address CLIENT LIST shows for the engine (`laddr`).
const ENGINE_ADDRESS: &str = "127.0.0.1:6379";

/// The address CLIENT LIST shows for connection `id`: a loopback address whose port comes
/// from the id, so two connections open at once have the same one only if their ids are
/// 64,511 apart.
pub(crate) fn peer_address(id: u64) -> String {
    format!("127.0.0.1:{}", 1024 + id.saturating_sub(1) % 64_511)
}

/// A kind of client, as `CLIENT LIST TYPE` and `CLIENT KILL TYPE` name it. An embedded
/// engine has no replication links: no connection is a master or a replica.
///
/// ```
/// use embedis::cmd::{Client, ClientList, ClientType, Command};
/// assert_eq!(
///     Command::from_argv(["CLIENT", "LIST", "TYPE", "pubsub"]).unwrap(),
///     Client::List(ClientList::Type(ClientType::PubSub)).into()
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientType {
    /// Not subscribed to anything.
    Normal,
    /// A replication master's link (never one here).
    Master,
    /// A replica's link (`replica` or `slave`; never one here).
    Replica,
    /// Subscribed to a channel, pattern or shard channel.
    PubSub,
}

impl ClientType {
    fn parse(name: &[u8]) -> Result<ClientType, Error> {
        let kinds = [
            ("normal", ClientType::Normal),
            ("slave", ClientType::Replica),
            ("replica", ClientType::Replica),
            ("pubsub", ClientType::PubSub),
            ("master", ClientType::Master),
        ];
        kinds
            .into_iter()
            .find(|(spelling, _)| keyword_is(name, spelling))
            .map(|(_, kind)| kind)
            .ok_or_else(|| Error::UnknownClientType(error_text(name)))
    }

    fn of(session: &Session) -> ClientType {
        if session.subscribed() {
            ClientType::PubSub
        } else {
            ClientType::Normal
        }
    }
}

/// `CLIENT LIST`: which connections to list.
///
/// ```
/// use embedis::cmd::{Client, ClientList, Command};
/// assert_eq!(
///     Command::from_argv(["CLIENT", "LIST", "ID", "3", "5"]).unwrap(),
///     Client::List(ClientList::Ids(vec![3, 5])).into()
/// );
/// let mut conn = embedis::Engine::new().connect();
/// let embedis::Reply::Verbatim(text) = conn.call(["CLIENT", "LIST"]).unwrap() else { panic!() };
/// assert!(text.starts_with(b"id="));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientList {
    /// Every connection, in the order they opened.
    All,
    /// The connections of one kind.
    Type(ClientType),
    /// These connections, in this order (ids that are not open are skipped).
    Ids(Vec<i64>),
}

impl ClientList {
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let rest = args.rest();
        let list = match rest.as_slice() {
            [] => ClientList::All,
            [option, kind] if keyword_is(option, "type") => {
                ClientList::Type(ClientType::parse(kind)?)
            }
            [option, ids @ ..] if !ids.is_empty() && keyword_is(option, "id") => ClientList::Ids(
                ids.iter()
                    .map(|id| parse_i64(id).ok_or(Error::InvalidClientId))
                    .collect::<Result<_, _>>()?,
            ),
            _ => return Err(Error::Syntax),
        };
        Ok(Command::Client(Client::List(list)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let view = View::of(ctx);
        let me = &*ctx.session;
        let mut text = String::new();
        match self {
            ClientList::Ids(ids) => {
                for id in ids {
                    let session = u64::try_from(id).ok().and_then(|id| {
                        if id == me.id {
                            Some(me)
                        } else {
                            ctx.peers.session(id).filter(|s| !killed_by(me, s))
                        }
                    });
                    if let Some(session) = session {
                        view.line(session, &mut text);
                    }
                }
            }
            ClientList::All | ClientList::Type(_) => {
                let kind = match self {
                    ClientList::Type(kind) => Some(kind),
                    _ => None,
                };
                let others = ctx.peers.sessions().filter(|s| !killed_by(me, s));
                let mut sessions: Vec<&Session> = std::iter::once(me).chain(others).collect();
                sessions.sort_by_key(|session| session.id);
                for session in sessions {
                    if kind.is_none_or(|kind| ClientType::of(session) == kind) {
                        view.line(session, &mut text);
                    }
                }
            }
        }
        Reply::Verbatim(text.into())
    }
}

/// Whether `me` has killed `session` in this command (a transaction, a pipeline): closed
/// once it is done, but gone already for what comes after it in the same command.
fn killed_by(me: &Session, session: &Session) -> bool {
    me.client_actions.contains(&ClientAction::Kill(session.id))
}

/// `CLIENT INFO`: the caller's own line.
pub(crate) fn info(ctx: &mut Ctx) -> Reply {
    let mut text = info_line(ctx);
    text.push('\n');
    Reply::Verbatim(text.into())
}

/// The caller's CLIENT INFO line, without its newline (ACL LOG's `client-info`).
pub(crate) fn info_line(ctx: &Ctx) -> String {
    let mut text = String::new();
    View::of(ctx).line(ctx.session, &mut text);
    text.pop(); // the newline `line` ends with
    text
}

/// `CLIENT KILL`: which connections to close. The old form (`CLIENT KILL addr`) answers
/// `OK` or `No such client` and may close the caller; the filter form answers how many it
/// closed and skips the caller unless `SKIPME no`.
///
/// ```
/// use embedis::{Engine, Reply};
/// let engine = Engine::new();
/// let mut admin = engine.connect();
/// let mut victim = engine.connect();
/// let id = victim.call(["CLIENT", "ID"]).unwrap();
/// let Reply::Integer(id) = id else { panic!() };
/// let id = id.to_string();
/// assert_eq!(admin.call(["CLIENT", "KILL", "ID", id.as_str()]).unwrap(), Reply::Integer(1));
/// assert!(victim.call(["PING"]).is_err()); // closed, as a killed socket would be
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientKill {
    /// `CLIENT KILL addr`, the old form.
    old_form: bool,
    addr: Option<Bytes>,
    laddr: Option<Bytes>,
    id: Option<u64>,
    kind: Option<ClientType>,
    skip_me: bool,
}

impl ClientKill {
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let rest = args.rest();
        let mut kill = ClientKill {
            old_form: rest.len() == 1,
            addr: None,
            laddr: None,
            id: None,
            kind: None,
            skip_me: rest.len() != 1,
        };
        if kill.old_form {
            kill.addr = rest.into_iter().next();
            return Ok(Command::Client(Client::Kill(kill)));
        }
        for pair in rest.chunks(2) {
            let [option, value] = pair else {
                return Err(Error::Syntax);
            };
            if keyword_is(option, "id") {
                let id = parse_i64(value).filter(|id| *id > 0);
                kill.id = Some(id.ok_or(Error::ClientIdNotPositive)? as u64);
            } else if keyword_is(option, "type") {
                kill.kind = Some(ClientType::parse(value)?);
            } else if keyword_is(option, "addr") {
                kill.addr = Some(value.clone());
            } else if keyword_is(option, "laddr") {
                kill.laddr = Some(value.clone());
            } else if keyword_is(option, "user") {
                // Every connection is the default user's, the only one there is.
                if value.as_ref() != b"default" {
                    return Err(Error::NoSuchUser(error_text(value)));
                }
            } else if keyword_is(option, "skipme") {
                kill.skip_me = if keyword_is(value, "yes") {
                    true
                } else if keyword_is(value, "no") {
                    false
                } else {
                    return Err(Error::Syntax);
                };
            } else {
                return Err(Error::Syntax);
            }
        }
        Ok(Command::Client(Client::Kill(kill)))
    }

    fn matches(&self, session: &Session) -> bool {
        self.addr
            .as_ref()
            .is_none_or(|addr| addr.as_ref() == peer_address(session.id).as_bytes())
            && self
                .laddr
                .as_ref()
                .is_none_or(|laddr| laddr.as_ref() == ENGINE_ADDRESS.as_bytes())
            && self.kind.is_none_or(|kind| ClientType::of(session) == kind)
            && self.id.is_none_or(|id| session.id == id)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let mut killed = 0;
        let me = &*ctx.session;
        let targets: Vec<u64> = ctx
            .peers
            .sessions()
            .filter(|session| !killed_by(me, session) && self.matches(session))
            .map(|session| session.id)
            .collect();
        for id in targets {
            ctx.session.client_actions.push(ClientAction::Kill(id));
            killed += 1;
        }
        if !self.skip_me && self.matches(ctx.session) {
            // Closed once this reply is out, as redis-server's CLOSE_AFTER_REPLY.
            ctx.session.closing = true;
            killed += 1;
        }
        match (self.old_form, killed) {
            (true, 0) => Error::NoSuchClient.into(),
            (true, _) => Reply::OK,
            (false, killed) => Reply::Integer(killed),
        }
    }
}

/// `CLIENT UNBLOCK id [TIMEOUT|ERROR]`: answers the blocked read of connection `id` now,
/// with the reply of its timeout or with an `UNBLOCKED` error. Replies 1 if it was
/// blocked, 0 otherwise.
///
/// ```
/// use embedis::cmd::{Client, ClientUnblock, Command};
/// assert_eq!(
///     Command::from_argv(["CLIENT", "UNBLOCK", "7", "ERROR"]).unwrap(),
///     Client::Unblock(ClientUnblock::new(7).with_error()).into()
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientUnblock {
    id: i64,
    error: bool,
}

impl ClientUnblock {
    /// Unblocks connection `id` as though its read timed out.
    ///
    /// ```
    /// use embedis::cmd::ClientUnblock;
    /// let mut conn = embedis::Engine::new().connect();
    /// assert!(!conn.run(ClientUnblock::new(12345)).unwrap());
    /// ```
    pub fn new(id: i64) -> ClientUnblock {
        ClientUnblock { id, error: false }
    }

    /// Answers the read with `UNBLOCKED client unblocked via CLIENT UNBLOCK` instead.
    ///
    /// ```
    /// use embedis::cmd::{Command, ClientUnblock};
    /// assert_eq!(
    ///     Command::from_argv(["CLIENT", "UNBLOCK", "7", "error"]).unwrap(),
    ///     ClientUnblock::new(7).with_error().into()
    /// );
    /// ```
    pub fn with_error(mut self) -> ClientUnblock {
        self.error = true;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let rest = args.rest();
        // The reason is checked before the id, as redis-server does.
        let error = match rest.as_slice() {
            [_] => false,
            [_, reason] if keyword_is(reason, "timeout") => false,
            [_, reason] if keyword_is(reason, "error") => true,
            [_, _] => return Err(Error::UnblockReason),
            _ => {
                return Err(Error::SubcommandSyntax {
                    subcommand: error_text(&args.subcommand_name()),
                    command: "CLIENT".to_string(),
                })
            }
        };
        let id = rest
            .first()
            .and_then(|id| parse_i64(id))
            .ok_or(Error::NotInteger)?;
        Ok(Command::Client(Client::Unblock(ClientUnblock {
            id,
            error,
        })))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let Ok(conn) = u64::try_from(self.id) else {
            return Reply::Integer(0);
        };
        if conn == ctx.session.id || !ctx.blocking.is_parked(conn) {
            return Reply::Integer(0);
        }
        ctx.session.client_actions.push(ClientAction::Unblock {
            conn,
            error: self.error,
        });
        Reply::Integer(1)
    }
}

impl From<ClientUnblock> for Command {
    fn from(unblock: ClientUnblock) -> Command {
        Command::Client(Client::Unblock(unblock))
    }
}

impl super::TypedCommand for ClientUnblock {
    type Output = bool;
}

/// `CLIENT PAUSE timeout [WRITE|ALL]`: holds the commands of every connection (`ALL`, the
/// default) or their writes (`WRITE`) for `timeout` milliseconds of the engine clock, or
/// until CLIENT UNPAUSE (see `exec/pause.rs`).
///
/// ```
/// use std::time::Duration;
/// use embedis::{Engine, ManualClock, Reply};
/// let clock = ManualClock::new();
/// let engine = Engine::builder().clock(clock.clone()).build();
/// let mut admin = engine.connect();
/// let mut writer = engine.connect();
/// admin.call(["CLIENT", "PAUSE", "1000", "WRITE"]).unwrap();
/// writer.send(["SET", "k", "v"]).unwrap();
/// assert_eq!(writer.recv_timeout(Duration::from_millis(50)).unwrap(), None); // held
/// assert_eq!(admin.call(["GET", "k"]).unwrap(), Reply::Nil); // reads go on
/// clock.advance(Duration::from_secs(1));
/// assert_eq!(writer.recv().unwrap(), Reply::OK);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientPause {
    timeout_ms: u64,
    all: bool,
}

impl ClientPause {
    /// Holds every command for `timeout_ms` milliseconds.
    ///
    /// ```
    /// use embedis::cmd::{ClientPause, Command};
    /// assert_eq!(Command::from_argv(["CLIENT", "PAUSE", "100"]).unwrap(), ClientPause::new(100).into());
    /// ```
    pub fn new(timeout_ms: u64) -> ClientPause {
        ClientPause {
            timeout_ms,
            all: true,
        }
    }

    /// `WRITE`: holds only what could change data or reach other clients.
    ///
    /// ```
    /// use embedis::cmd::{ClientPause, Command};
    /// assert_eq!(
    ///     Command::from_argv(["CLIENT", "PAUSE", "100", "write"]).unwrap(),
    ///     ClientPause::new(100).writes_only().into()
    /// );
    /// ```
    pub fn writes_only(mut self) -> ClientPause {
        self.all = false;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let rest = args.rest();
        // The mode is checked before the timeout, as redis-server does.
        let all = match rest.as_slice() {
            [_] => true,
            [_, mode] if keyword_is(mode, "all") => true,
            [_, mode] if keyword_is(mode, "write") => false,
            [_, _] => return Err(Error::PauseMode),
            _ => {
                return Err(Error::SubcommandSyntax {
                    subcommand: error_text(&args.subcommand_name()),
                    command: "CLIENT".to_string(),
                })
            }
        };
        // The same texts as WAIT's and XREAD BLOCK's timeouts.
        let timeout_ms = super::stream::parse_block(rest.first().map_or(&b""[..], |t| t))?;
        Ok(Command::Client(Client::Pause(ClientPause {
            timeout_ms,
            all,
        })))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let until_ms = (ctx.now.micros() / 1000).saturating_add(self.timeout_ms);
        ctx.session
            .client_actions
            .push(ClientAction::Pause(crate::exec::pause::Pause {
                until_ms,
                all: self.all,
            }));
        Reply::OK
    }
}

impl From<ClientPause> for Command {
    fn from(pause: ClientPause) -> Command {
        Command::Client(Client::Pause(pause))
    }
}

impl super::TypedCommand for ClientPause {
    type Output = ();
}

/// What a line of CLIENT LIST needs besides the session itself.
struct View<'c> {
    blocking: &'c crate::exec::blocking::Blocking,
    watches: &'c crate::exec::watch::WatchRegistry,
    tracking: &'c crate::exec::tracking::Tracking,
    fanout: &'c crate::exec::fanout::Fanout,
    monitors: &'c crate::exec::monitor::Monitors,
    now_ms: u64,
    me: u64,
}

impl<'c> View<'c> {
    fn of(ctx: &'c Ctx) -> View<'c> {
        View {
            blocking: ctx.blocking,
            watches: ctx.watches,
            tracking: ctx.tracking,
            fanout: &ctx.events.fanout,
            monitors: ctx.monitor,
            now_ms: ctx.now.micros() / 1000,
            me: ctx.session.id,
        }
    }

    /// Appends the session's line, Redis's fields in Redis's order, and a newline.
    fn line(&self, session: &Session, out: &mut String) {
        let link = session.pubsub.as_ref();
        let count = |kind: Kind| match link.and_then(|link| link.id) {
            Some(id) => self.fanout.subscriptions(id, kind).len(),
            None => 0,
        };
        let mut flags = String::new();
        if self.monitors.includes(session.id) {
            flags.push('O');
        }
        if session.subscribed() {
            flags.push('P');
        }
        if session.multi.is_some() || session.in_exec() {
            flags.push('x');
        }
        if self.blocking.is_parked(session.id) {
            flags.push('b');
        }
        let tracking = self.tracking.client(session.id);
        if let Some(mode) = tracking {
            flags.push('t');
            if mode.broken_redirect {
                flags.push('R');
            }
            if mode.flags.bcast {
                flags.push('B');
            }
        }
        if self.watches.is_dirty(session.id) {
            flags.push('d');
        }
        if session.closing {
            flags.push('c');
        }
        if session.no_evict {
            flags.push('e');
        }
        if flags.is_empty() {
            flags.push('N');
        }
        let multi = match &session.multi {
            Some(multi) => multi.queue.len() as i64,
            None if session.in_exec() => session.executing as i64,
            None => -1,
        };
        // Whole seconds of the clock, as redis-server subtracts its cached unix times.
        let seconds = |ms: u64| (self.now_ms / 1000).saturating_sub(ms / 1000);
        let idle = if session.id == self.me {
            0
        } else {
            seconds(session.last_ms)
        };
        let waiting = link.map_or(0, |link| {
            link.unread.load(std::sync::atomic::Ordering::Relaxed)
        });
        let name = session
            .name
            .as_ref()
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .unwrap_or_default();
        let redirect = tracking.map_or(-1, |mode| mode.redirect_id());
        let resp = match session.protocol() {
            Protocol::Resp2 => 2,
            Protocol::Resp3 => 3,
        };
        let _ = writeln!(
            out,
            "id={} addr={} laddr={ENGINE_ADDRESS} fd=-1 name={name} age={} idle={idle} \
             flags={flags} db={} sub={} psub={} ssub={} multi={multi} qbuf=0 qbuf-free=0 \
             argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll={waiting} omem=0 tot-mem=0 \
             events=r cmd={} user=default redir={redirect} resp={resp}",
            session.id,
            peer_address(session.id),
            seconds(session.created_ms),
            session.db,
            count(Kind::Channel),
            count(Kind::Pattern),
            count(Kind::Shard),
            session.last_command.unwrap_or("NULL"),
        );
    }
}
