//! CLIENT TRACKING, CLIENT CACHING, CLIENT GETREDIR and CLIENT TRACKINGINFO: client-side
//! caching's commands. What tracking does is `exec/tracking.rs`'s.

use bytes::Bytes;

use super::argv::Args;
use super::connection::Client;
use super::context::Ctx;
use super::Command;
use crate::error::TrackingError;
use crate::exec::tracking::TrackingOptions;
use crate::{Error, Reply};

/// `CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX prefix ...] [BCAST] [OPTIN] [OPTOUT]
/// [NOLOOP]`: client-side caching. Once on, a key this connection read and another
/// connection then writes arrives as an `invalidate` push (RESP3), or as a `message` on
/// `__redis__:invalidate` to the REDIRECT connection (RESP2, which has no push frames).
///
/// ```
/// use embedis::cmd::ClientTracking;
/// use embedis::{Engine, Reply};
/// let engine = Engine::new();
/// let mut reader = engine.connect();
/// reader.call(["HELLO", "3"]).unwrap();
/// reader.run(ClientTracking::on()).unwrap();
/// reader.call(["GET", "price"]).unwrap();
/// engine.connect().call(["SET", "price", "12"]).unwrap();
/// assert_eq!(
///     reader.recv().unwrap(),
///     Reply::Push(vec![Reply::bulk("invalidate"), Reply::Array(vec![Reply::bulk("price")])])
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientTracking {
    on: bool,
    options: TrackingOptions,
    /// REDIRECT's target as given: it must name an open connection when the command runs.
    redirect: Option<i64>,
    /// An option error found after REDIRECT: redis-server looks the target up first.
    after_redirect: Option<Error>,
}

impl ClientTracking {
    /// `CLIENT TRACKING ON`, in default mode: the keys this connection reads are tracked.
    ///
    /// ```
    /// use embedis::cmd::{ClientTracking, Command};
    /// assert_eq!(
    ///     Command::from_argv(["CLIENT", "TRACKING", "on"]).unwrap(),
    ///     ClientTracking::on().into()
    /// );
    /// ```
    pub fn on() -> ClientTracking {
        ClientTracking {
            on: true,
            options: TrackingOptions::default(),
            redirect: None,
            after_redirect: None,
        }
    }

    /// `CLIENT TRACKING OFF`.
    ///
    /// ```
    /// use embedis::cmd::ClientTracking;
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.run(ClientTracking::off()).unwrap();
    /// ```
    pub fn off() -> ClientTracking {
        ClientTracking {
            on: false,
            ..ClientTracking::on()
        }
    }

    /// REDIRECT: messages go to connection `id` (see `CLIENT ID`) instead.
    ///
    /// ```
    /// use embedis::cmd::{ClientTracking, Command};
    /// assert_eq!(
    ///     Command::from_argv(["CLIENT", "TRACKING", "ON", "REDIRECT", "7"]).unwrap(),
    ///     ClientTracking::on().redirect(7).into()
    /// );
    /// ```
    pub fn redirect(mut self, id: i64) -> ClientTracking {
        self.redirect = Some(id);
        self
    }

    /// BCAST: every write to a key under one of the prefixes (every key without one) is
    /// announced, read or not.
    ///
    /// ```
    /// use embedis::cmd::{ClientTracking, Command};
    /// assert_eq!(
    ///     Command::from_argv(["CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "user:"]).unwrap(),
    ///     ClientTracking::on().bcast().prefix("user:").into()
    /// );
    /// ```
    pub fn bcast(mut self) -> ClientTracking {
        self.options.flags.bcast = true;
        self
    }

    /// PREFIX (with BCAST).
    ///
    /// ```
    /// use embedis::cmd::ClientTracking;
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.run(ClientTracking::on().bcast().prefix("a:").prefix("b:")).unwrap();
    /// ```
    pub fn prefix(mut self, prefix: impl Into<Bytes>) -> ClientTracking {
        self.options.prefixes.push(prefix.into());
        self
    }

    /// OPTIN: only reads after `CLIENT CACHING YES` are tracked.
    ///
    /// ```
    /// use embedis::cmd::ClientTracking;
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.run(ClientTracking::on().optin()).unwrap();
    /// assert_eq!(conn.call(["CLIENT", "CACHING", "YES"]).unwrap(), embedis::Reply::OK);
    /// ```
    pub fn optin(mut self) -> ClientTracking {
        self.options.flags.optin = true;
        self
    }

    /// OPTOUT: every read is tracked except after `CLIENT CACHING NO`.
    ///
    /// ```
    /// use embedis::cmd::ClientTracking;
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.run(ClientTracking::on().optout()).unwrap();
    /// assert_eq!(conn.call(["CLIENT", "CACHING", "NO"]).unwrap(), embedis::Reply::OK);
    /// ```
    pub fn optout(mut self) -> ClientTracking {
        self.options.flags.optout = true;
        self
    }

    /// NOLOOP: no message about this connection's own writes.
    ///
    /// ```
    /// use embedis::cmd::ClientTracking;
    /// let mut conn = embedis::Engine::new().connect();
    /// conn.run(ClientTracking::on().noloop()).unwrap();
    /// ```
    pub fn noloop(mut self) -> ClientTracking {
        self.options.flags.noloop = true;
        self
    }

    /// Options are read in order, as redis-server reads them: the first one it refuses
    /// is the error, except that a REDIRECT target read before it is looked up first.
    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let switch = args.next_bytes()?;
        let mut tracking = ClientTracking::on();
        let mut refused = None;
        while let Some(word) = args.next_keyword() {
            let more = !args.is_empty();
            let step = if word.is("REDIRECT") && more {
                match tracking.redirect {
                    Some(_) => Err(TrackingError::SecondRedirect.into()),
                    None => args.next_i64().map(|id| tracking.redirect = Some(id)),
                }
            } else if word.is("PREFIX") && more {
                args.next_bytes()
                    .map(|prefix| tracking.options.prefixes.push(prefix))
            } else if word.is("BCAST") {
                tracking.options.flags.bcast = true;
                Ok(())
            } else if word.is("OPTIN") {
                tracking.options.flags.optin = true;
                Ok(())
            } else if word.is("OPTOUT") {
                tracking.options.flags.optout = true;
                Ok(())
            } else if word.is("NOLOOP") {
                tracking.options.flags.noloop = true;
                Ok(())
            } else {
                Err(Error::Syntax)
            };
            if let Err(error) = step {
                refused = Some(error);
                args.rest(); // read no further, as redis-server stops at its first error
                break;
            }
        }
        if refused.is_none() {
            if switch.eq_ignore_ascii_case(b"off") {
                tracking.on = false;
            } else if !switch.eq_ignore_ascii_case(b"on") {
                refused = Some(Error::Syntax);
            }
        }
        match refused {
            Some(error) if tracking.redirect.is_none() => Err(error),
            refused => {
                tracking.after_redirect = refused;
                Ok(Command::Client(Client::Tracking(Box::new(tracking))))
            }
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let me = ctx.session.id;
        if let Some(target) = self.redirect {
            let open = u64::try_from(target)
                .is_ok_and(|target| target == me || ctx.peers.session(target).is_some());
            if !open {
                return Reply::Error(TrackingError::NoRedirectTarget.into());
            }
        }
        if let Some(error) = self.after_redirect {
            return Reply::Error(error);
        }
        if !self.on {
            ctx.tracking.disable(me);
            return Reply::OK;
        }
        let mut options = self.options;
        options.flags.redirect = self
            .redirect
            .and_then(|id| u64::try_from(id).ok())
            .unwrap_or(0);
        match ctx.tracking.enable(me, options) {
            Ok(()) => Reply::OK,
            Err(error) => Reply::Error(error.into()),
        }
    }
}

impl From<ClientTracking> for Command {
    fn from(tracking: ClientTracking) -> Command {
        Command::Client(Client::Tracking(Box::new(tracking)))
    }
}

impl super::TypedCommand for ClientTracking {
    type Output = ();
}

/// `CLIENT CACHING YES|NO` as parsed: `None` for any other word, which redis-server
/// refuses only once it knows the connection tracks.
pub(crate) fn parse_caching(args: &mut Args) -> Result<Command, Error> {
    let word = args.next_bytes()?;
    let choice = if word.eq_ignore_ascii_case(b"yes") {
        Some(true)
    } else if word.eq_ignore_ascii_case(b"no") {
        Some(false)
    } else {
        None
    };
    Ok(Command::Client(Client::Caching(choice)))
}

/// `CLIENT CACHING`: under OPTIN, YES tracks the next command's reads; under OPTOUT, NO
/// leaves them untracked.
pub(crate) fn caching(ctx: &mut Ctx, choice: Option<bool>) -> Reply {
    let me = ctx.session.id;
    if ctx.tracking.client(me).is_none() {
        return Reply::Error(TrackingError::CachingNotTracking.into());
    }
    let Some(yes) = choice else {
        return Reply::Error(Error::Syntax);
    };
    match ctx.tracking.set_caching(me, yes) {
        Ok(()) => Reply::OK,
        Err(error) => Reply::Error(error.into()),
    }
}

/// `CLIENT GETREDIR`: the REDIRECT target, 0 when tracking without one, -1 when not
/// tracking.
pub(crate) fn redirect(ctx: &Ctx) -> Reply {
    match ctx.tracking.client(ctx.session.id) {
        Some(mode) => Reply::Integer(mode.redirect_id()),
        None => Reply::Integer(-1),
    }
}

/// `CLIENT TRACKINGINFO`: flags, redirect and prefixes, in redis-server's order.
pub(crate) fn info(ctx: &Ctx) -> Reply {
    let mode = ctx.tracking.client(ctx.session.id);
    let mut flags = vec![Reply::bulk(if mode.is_some() { "on" } else { "off" })];
    let mut redirect = -1;
    let mut prefixes = Vec::new();
    if let Some(mode) = mode {
        let mut flag = |on: bool, name: &'static str| {
            if on {
                flags.push(Reply::bulk(name));
            }
        };
        let flags = mode.flags;
        flag(flags.bcast, "bcast");
        flag(flags.optin, "optin");
        flag(flags.optin && mode.caching, "caching-yes");
        flag(flags.optout, "optout");
        flag(flags.optout && mode.caching, "caching-no");
        flag(flags.noloop, "noloop");
        flag(mode.broken_redirect, "broken_redirect");
        redirect = mode.redirect_id();
        prefixes = mode.prefixes.iter().cloned().map(Reply::Bulk).collect();
    }
    Reply::Map(vec![
        (Reply::bulk("flags"), Reply::Set(flags)),
        (Reply::bulk("redirect"), Reply::Integer(redirect)),
        (Reply::bulk("prefixes"), Reply::Array(prefixes)),
    ])
}
