//! Connection-state commands: HELLO, AUTH, ACL WHOAMI, CLIENT SETNAME / GETNAME / ID /
//! NO-EVICT / HELP, RESET, QUIT.

use bytes::Bytes;

use super::argv::Args;
use super::clients::{ClientKill, ClientList, ClientPause, ClientUnblock};
use super::context::Ctx;
use super::tracking::ClientTracking;
use super::{Command, IntoArg};
use crate::exec::clients::ClientAction;
use crate::exec::session::SERVER_VERSION;
use crate::store::c_string::keyword_is;
use crate::store::number::parse_i64;
use crate::{Error, Protocol, Reply};

/// `HELLO [protover [AUTH username password] [SETNAME clientname]]`: switches the protocol
/// and replies with the server's description as a map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hello {
    protocol: Option<Protocol>,
    /// In the order given: Redis applies each option as it reads it, so an AUTH or
    /// SETNAME before a failing option has already taken effect.
    options: Vec<HelloOption>,
}

/// One option of a HELLO, kept in order until it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
enum HelloOption {
    /// `AUTH username password`; embedis has Redis's default user, which has no password,
    /// so only the user name matters.
    /// `command` is HELLO as the client spelled it (ACL LOG shows it).
    Auth { user: Bytes, command: Bytes },
    /// `SETNAME clientname`, validated when it is applied, as Redis does.
    SetName(Bytes),
    /// An unknown option (or one missing its arguments): the error Redis stops at.
    Invalid(String),
}

impl Hello {
    /// `HELLO protover` (2 or 3).
    ///
    /// ```
    /// use embedis::{cmd::Hello, Engine, Protocol};
    /// let mut conn = Engine::new().connect();
    /// conn.run(Hello::new(Protocol::Resp3)).unwrap();
    /// assert_eq!(conn.protocol(), Protocol::Resp3);
    /// ```
    pub fn new(protocol: Protocol) -> Hello {
        Hello {
            protocol: Some(protocol),
            ..Hello::default()
        }
    }

    /// `SETNAME clientname`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Hello};
    /// assert_eq!(Command::from_argv(["HELLO", "3", "SETNAME", "worker"]).unwrap(), Hello::new(embedis::Protocol::Resp3).name("worker").into());
    /// ```
    pub fn name(mut self, name: impl IntoArg) -> Hello {
        self.options.push(HelloOption::SetName(name.into_arg()));
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut hello = Hello::default();
        if args.is_empty() {
            return Ok(Command::Hello(hello));
        }
        let version = parse_i64(&args.next_bytes()?).ok_or(Error::ProtocolVersionNotInteger)?;
        hello.protocol = Some(match version {
            2 => Protocol::Resp2,
            3 => Protocol::Resp3,
            _ => return Err(Error::NoProto),
        });
        while let Some(option) = args.next_keyword() {
            if option.is("AUTH") && args.remaining() >= 2 {
                let user = args.next_bytes()?;
                args.next_bytes()?; // the password: the default user has none
                hello.options.push(HelloOption::Auth {
                    user,
                    command: args.command_name(),
                });
            } else if option.is("SETNAME") && !args.is_empty() {
                hello.options.push(HelloOption::SetName(args.next_bytes()?));
            } else {
                // Redis stops reading at the first bad option.
                hello.options.push(HelloOption::Invalid(option.lossy()));
                args.rest();
            }
        }
        Ok(Command::Hello(hello))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        for option in self.options {
            match option {
                // Any password is accepted for `default`; every other user is refused.
                HelloOption::Auth { user, command } if user.as_ref() != b"default" => {
                    super::acl::log_refused_auth(ctx, &command, &user);
                    return Error::WrongPass.into();
                }
                HelloOption::Auth { .. } => {}
                HelloOption::SetName(name) => {
                    if let Err(error) = validate_client_name(&name) {
                        return error.into();
                    }
                    ctx.session.name = (!name.is_empty()).then_some(name);
                }
                HelloOption::Invalid(option) => return Error::HelloOption(option).into(),
            }
        }
        if let Some(protocol) = self.protocol {
            ctx.session.set_protocol(protocol);
        }
        let proto = match ctx.session.protocol() {
            Protocol::Resp2 => 2,
            Protocol::Resp3 => 3,
        };
        Reply::Map(vec![
            (Reply::bulk("server"), Reply::bulk("redis")),
            (Reply::bulk("version"), Reply::bulk(SERVER_VERSION)),
            (Reply::bulk("proto"), Reply::Integer(proto)),
            (Reply::bulk("id"), Reply::Integer(ctx.session.id as i64)),
            (Reply::bulk("mode"), Reply::bulk("standalone")),
            (Reply::bulk("role"), Reply::bulk("master")),
            (Reply::bulk("modules"), Reply::Array(Vec::new())),
        ])
    }
}

/// Redis allows client names made of the printable ASCII characters `!` to `~`.
fn validate_client_name(name: &[u8]) -> Result<(), Error> {
    if name.iter().all(|b| (b'!'..=b'~').contains(b)) {
        Ok(())
    } else {
        Err(Error::InvalidClientName)
    }
}

/// `CLIENT SETNAME name`, `CLIENT GETNAME`, `CLIENT ID`.
///
/// ```
/// use embedis::cmd::{Command, Client};
/// assert_eq!(Command::from_argv(["CLIENT", "SETNAME", "worker"]).unwrap(), Client::SetName("worker".into()).into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Client {
    /// `CLIENT SETNAME name` (an empty name clears it).
    SetName(Bytes),
    /// `CLIENT GETNAME`: the name, or nil.
    GetName,
    /// `CLIENT ID`: the connection's unique id.
    Id,
    /// `CLIENT NO-EVICT ON|OFF`: recorded (CLIENT LIST's `e` flag); an embedded engine
    /// evicts no client.
    NoEvict(bool),
    /// `CLIENT HELP`.
    Help,
    /// `CLIENT LIST [TYPE type | ID id ...]`: a line per connection.
    List(ClientList),
    /// `CLIENT INFO`: this connection's line of CLIENT LIST.
    Info,
    /// `CLIENT KILL`: closes the connections that match.
    Kill(ClientKill),
    /// `CLIENT UNBLOCK id [TIMEOUT|ERROR]`: answers a blocked connection's read now.
    Unblock(ClientUnblock),
    /// `CLIENT PAUSE timeout [WRITE|ALL]`: holds connections' commands for a while.
    Pause(ClientPause),
    /// `CLIENT UNPAUSE`: ends a pause.
    Unpause,
    /// `CLIENT TRACKING ON|OFF ...`: client-side caching (boxed: it is large, and every
    /// `Command` is as large as its largest variant).
    Tracking(Box<ClientTracking>),
    /// `CLIENT CACHING YES|NO` (`None`: another word, refused when it runs).
    Caching(Option<bool>),
    /// `CLIENT GETREDIR`: where tracking messages go.
    GetRedir,
    /// `CLIENT TRACKINGINFO`: the tracking mode.
    TrackingInfo,
    /// `CLIENT REPLY ON|OFF|SKIP`: which of the connection's replies are sent. OFF and
    /// SKIP answer nothing, so send them with [`Connection::send`](crate::Connection::send)
    /// (a `call` reports [`Error::NoReply`]).
    Reply(ReplyMode),
}

/// The modes of `CLIENT REPLY`.
///
/// ```
/// use embedis::cmd::{Client, Command, ReplyMode};
/// use embedis::{Engine, Reply};
/// let mut conn = Engine::new().connect();
/// // Fire and forget: no reply to the next command.
/// conn.send_command(Client::Reply(ReplyMode::Skip)).unwrap();
/// conn.send(["SET", "k", "v"]).unwrap();
/// assert_eq!(conn.call(["GET", "k"]).unwrap(), Reply::bulk("v"));
/// assert_eq!(
///     Command::from_argv(["CLIENT", "REPLY", "off"]).unwrap(),
///     Client::Reply(ReplyMode::Off).into()
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyMode {
    /// Every reply is sent (the default); answers `OK`.
    On,
    /// No reply is sent until `CLIENT REPLY ON` or `RESET`; answers nothing.
    Off,
    /// The next command's reply is not sent; answers nothing.
    Skip,
}

impl Client {
    pub(crate) fn parse_setname(args: &mut Args) -> Result<Command, Error> {
        let name = args.next_bytes()?;
        validate_client_name(&name)?;
        Ok(Command::Client(Client::SetName(name)))
    }

    pub(crate) fn parse_getname(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::GetName))
    }

    pub(crate) fn parse_id(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::Id))
    }

    pub(crate) fn parse_getredir(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::GetRedir))
    }

    pub(crate) fn parse_trackinginfo(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::TrackingInfo))
    }

    pub(crate) fn parse_reply(args: &mut Args) -> Result<Command, Error> {
        let mode = args.next_bytes()?;
        let mode = if keyword_is(&mode, "on") {
            ReplyMode::On
        } else if keyword_is(&mode, "off") {
            ReplyMode::Off
        } else if keyword_is(&mode, "skip") {
            ReplyMode::Skip
        } else {
            return Err(Error::Syntax);
        };
        Ok(Command::Client(Client::Reply(mode)))
    }

    pub(crate) fn parse_no_evict(args: &mut Args) -> Result<Command, Error> {
        let mode = args.next_bytes()?;
        if keyword_is(&mode, "on") || keyword_is(&mode, "off") {
            Ok(Command::Client(Client::NoEvict(keyword_is(&mode, "on"))))
        } else {
            Err(Error::Syntax)
        }
    }

    pub(crate) fn parse_unpause(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::Unpause))
    }

    pub(crate) fn parse_info(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::Info))
    }

    pub(crate) fn parse_help(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Client(Client::Help))
    }

    pub(crate) fn name(&self) -> &'static str {
        match self {
            Client::SetName(_) => "client|setname",
            Client::GetName => "client|getname",
            Client::Id => "client|id",
            Client::NoEvict(_) => "client|no-evict",
            Client::Help => "client|help",
            Client::List(_) => "client|list",
            Client::Info => "client|info",
            Client::Kill(_) => "client|kill",
            Client::Unblock(_) => "client|unblock",
            Client::Pause(_) => "client|pause",
            Client::Unpause => "client|unpause",
            Client::Tracking(_) => "client|tracking",
            Client::Caching(_) => "client|caching",
            Client::GetRedir => "client|getredir",
            Client::TrackingInfo => "client|trackinginfo",
            Client::Reply(_) => "client|reply",
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self {
            Client::SetName(name) => {
                ctx.session.name = (!name.is_empty()).then_some(name);
                Reply::OK
            }
            Client::GetName => Reply::optional(ctx.session.name.clone()),
            Client::Id => Reply::Integer(ctx.session.id as i64),
            Client::NoEvict(on) => {
                ctx.session.no_evict = on;
                Reply::OK
            }
            Client::Help => Reply::help(&CLIENT_HELP),
            Client::List(list) => list.apply(ctx),
            Client::Info => super::clients::info(ctx),
            Client::Kill(kill) => kill.apply(ctx),
            Client::Unblock(unblock) => unblock.apply(ctx),
            Client::Pause(pause) => pause.apply(ctx),
            Client::Unpause => {
                ctx.session.client_actions.push(ClientAction::Unpause);
                Reply::OK
            }
            Client::Tracking(tracking) => tracking.apply(ctx),
            Client::Caching(choice) => super::tracking::caching(ctx, choice),
            Client::GetRedir => super::tracking::redirect(ctx),
            Client::TrackingInfo => super::tracking::info(ctx),
            Client::Reply(mode) => {
                let in_exec = ctx.session.in_exec();
                let replies = &mut ctx.session.replies;
                match mode {
                    ReplyMode::On => replies.turn_on(),
                    ReplyMode::Off => replies.turn_off(in_exec),
                    ReplyMode::Skip => replies.skip_next(in_exec),
                }
                // Only ON's is ever sent; inside EXEC every item is `OK` (see
                // `exec/reply_switch.rs`).
                Reply::OK
            }
        }
    }
}

/// `RESET`: back to a fresh connection's state (no transaction, no watches, no name,
/// RESP2, no subscriptions, no tracking). Replies `RESET`.
///
/// ```
/// use embedis::cmd::{Command, Reset};
/// assert_eq!(Command::from_argv(["RESET"]).unwrap(), Reset.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reset;

impl Reset {
    pub(crate) fn parse(_: &mut Args) -> Result<Command, Error> {
        Ok(Command::Reset(Reset))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        ctx.session.multi = None;
        ctx.unwatch_all();
        ctx.select(0);
        ctx.session.name = None;
        // redis-server 7.0's RESET keeps CLIENT NO-EVICT as it was.
        ctx.session.set_protocol(Protocol::Resp2);
        super::pubsub::leave_all(ctx);
        ctx.tracking.disable(ctx.session.id);
        ctx.session.replies.reset();
        ctx.monitor.remove(ctx.session.id);
        Reply::status("RESET")
    }
}

/// `QUIT`: replies `OK`, then the engine closes the connection as a server closes the
/// socket; later calls on it fail with [`Error::Closed`].
///
/// ```
/// use embedis::cmd::{Command, Quit};
/// assert_eq!(Command::from_argv(["QUIT"]).unwrap(), Quit.into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quit;

impl Quit {
    /// Redis's QUIT takes any number of arguments and ignores them.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        args.rest();
        Ok(Command::Quit(Quit))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        ctx.session.closing = true;
        Reply::OK
    }
}

/// `AUTH [username] password`. embedis has Redis's default user, which has no password: any
/// password is accepted for `default`; the one-argument form is refused as redis-server
/// refuses it when no password is configured; any other user does not exist.
///
/// ```
/// use embedis::{cmd::Auth, Engine};
/// let mut conn = Engine::new().connect();
/// conn.run(Auth::user("default", "anything")).unwrap();
/// assert!(conn.run(Auth::user("alice", "secret")).is_err());
/// assert!(conn.run(Auth::password("secret")).is_err());
/// ```
#[derive(Debug, Clone)]
pub struct Auth {
    user: Option<Bytes>,
    /// AUTH as the client spelled it (ACL LOG shows it); `None` for a typed command.
    sent_as: Option<Bytes>,
}

impl PartialEq for Auth {
    fn eq(&self, other: &Auth) -> bool {
        self.user == other.user
    }
}

impl Eq for Auth {}

impl Auth {
    /// `AUTH password` (the default user).
    pub fn password(_password: impl IntoArg) -> Auth {
        Auth {
            user: None,
            sent_as: None,
        }
    }

    /// `AUTH username password`.
    pub fn user(user: impl IntoArg, _password: impl IntoArg) -> Auth {
        Auth {
            user: Some(user.into_arg()),
            sent_as: None,
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let mut words = args.rest();
        let sent_as = Some(args.command_name());
        match words.len() {
            1 => Ok(Command::Auth(Auth {
                user: None,
                sent_as,
            })),
            2 => Ok(Command::Auth(Auth {
                user: Some(words.swap_remove(0)),
                sent_as,
            })),
            _ => Err(Error::Syntax),
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.user {
            None => Error::AuthWithoutPassword.into(),
            Some(user) if user.as_ref() == b"default" => Reply::OK,
            Some(user) => {
                let command = self.sent_as.unwrap_or_else(|| Bytes::from_static(b"auth"));
                super::acl::log_refused_auth(ctx, &command, &user);
                Error::WrongPass.into()
            }
        }
    }
}

/// `CLIENT HELP`'s lines (Redis 7.0's, subcommands embedis lacks included).
pub(crate) const CLIENT_HELP: [&str; 48] = [
    "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CACHING (YES|NO)",
    "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
    "GETREDIR",
    "    Return the client ID we are redirecting to when tracking is enabled.",
    "GETNAME",
    "    Return the name of the current connection.",
    "ID",
    "    Return the ID of the current connection.",
    "INFO",
    "    Return information about the current client connection.",
    "KILL <ip:port>",
    "    Kill connection made from <ip:port>.",
    "KILL <option> <value> [<option> <value> [...]]",
    "    Kill connections. Options are:",
    "    * ADDR (<ip:port>|<unixsocket>:0)",
    "      Kill connections made from the specified address",
    "    * LADDR (<ip:port>|<unixsocket>:0)",
    "      Kill connections made to specified local address",
    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
    "      Kill connections by type.",
    "    * USER <username>",
    "      Kill connections authenticated by <username>.",
    "    * SKIPME (YES|NO)",
    "      Skip killing current connection (default: yes).",
    "LIST [options ...]",
    "    Return information about client connections. Options:",
    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
    "      Return clients of specified type.",
    "UNPAUSE",
    "    Stop the current client pause, resuming traffic.",
    "PAUSE <timeout> [WRITE|ALL]",
    "    Suspend all, or just write, clients for <timeout> milliseconds.",
    "REPLY (ON|OFF|SKIP)",
    "    Control the replies sent to the current connection.",
    "SETNAME <name>",
    "    Assign the name <name> to the current connection.",
    "UNBLOCK <clientid> [TIMEOUT|ERROR]",
    "    Unblock the specified blocked client.",
    "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
    "         [OPTIN] [OPTOUT] [NOLOOP]",
    "    Control server assisted client side caching.",
    "TRACKINGINFO",
    "    Report tracking status for the current connection.",
    "NO-EVICT (ON|OFF)",
    "    Protect current client connection from eviction.",
    "HELP",
    "    Prints this help.",
];
