//! Expiry commands: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL, EXPIRETIME,
//! PEXPIRETIME, PERSIST — and the deadline arithmetic SET, SETEX, PSETEX and GETEX share.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::persist::commands;
use crate::store::number::parse_i64;
use crate::{Error, Reply};

/// The unit an expire argument is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    /// Seconds (EX, EXAT, EXPIRE, EXPIREAT, TTL, EXPIRETIME).
    Seconds,
    /// Milliseconds (PX, PXAT, PEXPIRE, PEXPIREAT, PTTL, PEXPIRETIME).
    Millis,
}

/// An expire argument as given: an amount, its unit, and whether it is relative to now
/// (EX, PX) or a UNIX time (EXAT, PXAT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ExpireArg {
    pub(crate) amount: i64,
    pub(crate) unit: TimeUnit,
    pub(crate) absolute: bool,
}

impl ExpireArg {
    /// The absolute deadline in milliseconds, validated as SET, SETEX, PSETEX and GETEX
    /// validate it: the amount must be positive and the deadline must not overflow.
    pub(crate) fn string_deadline(self, now_ms: u64, command: &'static str) -> Result<u64, Error> {
        let invalid = Error::InvalidExpireTime { command };
        if self.amount <= 0 {
            return Err(invalid);
        }
        let mut millis = match self.unit {
            TimeUnit::Seconds => self.amount.checked_mul(1000).ok_or(invalid.clone())?,
            TimeUnit::Millis => self.amount,
        };
        if !self.absolute {
            millis = i64::try_from(now_ms)
                .ok()
                .and_then(|now| millis.checked_add(now))
                .ok_or(invalid.clone())?;
        }
        u64::try_from(millis).map_err(|_| invalid)
    }
}

/// A condition on EXPIRE: only set the deadline if ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ExpireCondition {
    nx: bool,
    xx: bool,
    gt: bool,
    lt: bool,
}

/// `EXPIRE key seconds [NX | XX | GT | LT]`, and PEXPIRE, EXPIREAT, PEXPIREAT: set a key's
/// deadline. Replies 1 if set (or the key was deleted because the time is already past),
/// 0 if the key is missing or the condition refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expire {
    key: Bytes,
    when: ExpireArg,
    condition: ExpireCondition,
    command: &'static str,
}

impl Expire {
    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        self.command
    }

    /// `EXPIRE key seconds`.
    ///
    /// ```
    /// use embedis::{cmd::Expire, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v"]).unwrap();
    /// assert!(conn.run(Expire::seconds("k", 10)).unwrap());
    /// ```
    pub fn seconds(key: impl IntoArg, seconds: i64) -> Expire {
        Expire::build(key, seconds, TimeUnit::Seconds, false, "expire")
    }

    /// `PEXPIRE key milliseconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["PEXPIRE", "k", "1500"]).unwrap(), Expire::millis("k", 1500).into());
    /// ```
    pub fn millis(key: impl IntoArg, millis: i64) -> Expire {
        Expire::build(key, millis, TimeUnit::Millis, false, "pexpire")
    }

    /// `EXPIREAT key unix-seconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["EXPIREAT", "k", "1700000000"]).unwrap(), Expire::at_seconds("k", 1_700_000_000).into());
    /// ```
    pub fn at_seconds(key: impl IntoArg, unix_seconds: i64) -> Expire {
        Expire::build(key, unix_seconds, TimeUnit::Seconds, true, "expireat")
    }

    /// `PEXPIREAT key unix-milliseconds`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["PEXPIREAT", "k", "1700000000000"]).unwrap(), Expire::at_millis("k", 1_700_000_000_000).into());
    /// ```
    pub fn at_millis(key: impl IntoArg, unix_millis: i64) -> Expire {
        Expire::build(key, unix_millis, TimeUnit::Millis, true, "pexpireat")
    }

    fn build(
        key: impl IntoArg,
        amount: i64,
        unit: TimeUnit,
        absolute: bool,
        command: &'static str,
    ) -> Expire {
        Expire {
            key: key.into_arg(),
            when: ExpireArg {
                amount,
                unit,
                absolute,
            },
            condition: ExpireCondition::default(),
            command,
        }
    }

    /// `NX`: only if the key has no deadline.
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["EXPIRE", "k", "10", "NX"]).unwrap(), Expire::seconds("k", 10).nx().into());
    /// ```
    pub fn nx(mut self) -> Expire {
        self.condition.nx = true;
        self
    }

    /// `XX`: only if the key has a deadline.
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["EXPIRE", "k", "10", "XX"]).unwrap(), Expire::seconds("k", 10).xx().into());
    /// ```
    pub fn xx(mut self) -> Expire {
        self.condition.xx = true;
        self
    }

    /// `GT`: only if the new deadline is later (a key without one counts as infinite).
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["EXPIRE", "k", "10", "GT"]).unwrap(), Expire::seconds("k", 10).gt().into());
    /// ```
    pub fn gt(mut self) -> Expire {
        self.condition.gt = true;
        self
    }

    /// `LT`: only if the new deadline is earlier (a key without one counts as infinite).
    ///
    /// ```
    /// use embedis::cmd::{Command, Expire};
    /// assert_eq!(Command::from_argv(["EXPIRE", "k", "10", "LT"]).unwrap(), Expire::seconds("k", 10).lt().into());
    /// ```
    pub fn lt(mut self) -> Expire {
        self.condition.lt = true;
        self
    }

    pub(crate) fn parse_expire(args: &mut Args) -> Result<Command, Error> {
        Expire::parse(args, TimeUnit::Seconds, false, "expire")
    }
    pub(crate) fn parse_pexpire(args: &mut Args) -> Result<Command, Error> {
        Expire::parse(args, TimeUnit::Millis, false, "pexpire")
    }
    pub(crate) fn parse_expireat(args: &mut Args) -> Result<Command, Error> {
        Expire::parse(args, TimeUnit::Seconds, true, "expireat")
    }
    pub(crate) fn parse_pexpireat(args: &mut Args) -> Result<Command, Error> {
        Expire::parse(args, TimeUnit::Millis, true, "pexpireat")
    }

    fn parse(
        args: &mut Args,
        unit: TimeUnit,
        absolute: bool,
        command: &'static str,
    ) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let amount = args.next_bytes()?;
        // Redis checks the options before the number.
        let mut condition = ExpireCondition::default();
        while let Some(option) = args.next_keyword() {
            match () {
                _ if option.is("NX") => condition.nx = true,
                _ if option.is("XX") => condition.xx = true,
                _ if option.is("GT") => condition.gt = true,
                _ if option.is("LT") => condition.lt = true,
                _ => return Err(Error::UnsupportedOption(option.lossy())),
            }
        }
        if condition.nx && (condition.xx || condition.gt || condition.lt) {
            return Err(Error::ExpireNxConflict);
        }
        if condition.gt && condition.lt {
            return Err(Error::ExpireGtLtConflict);
        }
        let amount = parse_i64(&amount).ok_or(Error::NotInteger)?;
        Ok(Command::Expire(Expire {
            key,
            when: ExpireArg {
                amount,
                unit,
                absolute,
            },
            condition,
            command,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let invalid = Error::InvalidExpireTime {
            command: self.command,
        };
        let mut when = self.when.amount;
        if self.when.unit == TimeUnit::Seconds {
            match when.checked_mul(1000) {
                Some(millis) => when = millis,
                None => return invalid.into(),
            }
        }
        let base = if self.when.absolute {
            0
        } else {
            i64::try_from(ctx.now_ms()).unwrap_or(i64::MAX)
        };
        let Some(deadline) = when.checked_add(base) else {
            return invalid.into();
        };
        let now = ctx.now_ms();
        let Some(current) = ctx.db.expiry(&self.key, now) else {
            return Reply::Integer(0);
        };
        let c = self.condition;
        let current_ms = current.map(|ms| i64::try_from(ms).unwrap_or(i64::MAX));
        let refused = (c.nx && current.is_some())
            || (c.xx && current.is_none())
            || (c.gt && current_ms.is_none_or(|cur| deadline <= cur))
            || (c.lt && current_ms.is_some_and(|cur| deadline >= cur));
        if refused {
            return Reply::Integer(0);
        }
        // While a log replays, a deadline in the past is still set, not a deletion: the key
        // lived on when it was logged (Redis's `checkAlreadyExpired` says the same).
        let loading = ctx.db.loading();
        ctx.explicitly_logged(|ctx| match u64::try_from(deadline) {
            Ok(deadline) if deadline > now || loading => {
                // Absolute, whatever the command said: replay at any time gives this deadline.
                ctx.log_with(|out| commands::pexpireat(&self.key, deadline, out));
                ctx.db.set_expiry(&self.key, Some(deadline), now);
                ctx.touch(&self.key);
                // redis-server replies before it announces a new deadline (not a deletion).
                ctx.reply_point();
                ctx.notify(notify::GENERIC, "expire", &self.key);
            }
            // A deadline already past deletes the key, as Redis does.
            _ => {
                ctx.log_effect(&[b"DEL" as &[u8], &self.key]);
                ctx.delete(&self.key);
                ctx.notify(notify::GENERIC, "del", &self.key);
            }
        });
        Reply::Integer(1)
    }
}

/// `TTL key`, `PTTL key`, `EXPIRETIME key`, `PEXPIRETIME key`: -2 if the key is missing,
/// -1 if it has no deadline, else the time left (or the deadline), in the command's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ttl {
    pub(crate) key: Bytes,
    unit: TimeUnit,
    absolute: bool,
}

impl Ttl {
    /// The name the command was given as.
    pub(crate) fn name(&self) -> &'static str {
        match (self.unit, self.absolute) {
            (TimeUnit::Seconds, false) => "ttl",
            (TimeUnit::Millis, false) => "pttl",
            (TimeUnit::Seconds, true) => "expiretime",
            (TimeUnit::Millis, true) => "pexpiretime",
        }
    }

    /// `TTL key`.
    ///
    /// ```
    /// use embedis::{cmd::Ttl, Engine, TtlReply};
    /// let mut conn = Engine::new().connect();
    /// assert_eq!(conn.run(Ttl::seconds("missing")).unwrap(), TtlReply::Missing);
    /// ```
    pub fn seconds(key: impl IntoArg) -> Ttl {
        Ttl::build(key, TimeUnit::Seconds, false)
    }

    /// `PTTL key`.
    ///
    /// ```
    /// use embedis::cmd::{Command, Ttl};
    /// assert_eq!(Command::from_argv(["PTTL", "k"]).unwrap(), Ttl::millis("k").into());
    /// ```
    pub fn millis(key: impl IntoArg) -> Ttl {
        Ttl::build(key, TimeUnit::Millis, false)
    }

    /// `EXPIRETIME key`: the deadline as a UNIX time in seconds.
    ///
    /// ```
    /// use embedis::cmd::{Command, Ttl};
    /// assert_eq!(Command::from_argv(["EXPIRETIME", "k"]).unwrap(), Ttl::expire_time("k").into());
    /// ```
    pub fn expire_time(key: impl IntoArg) -> Ttl {
        Ttl::build(key, TimeUnit::Seconds, true)
    }

    /// `PEXPIRETIME key`: the deadline as a UNIX time in milliseconds.
    ///
    /// ```
    /// use embedis::cmd::{Command, Ttl};
    /// assert_eq!(Command::from_argv(["PEXPIRETIME", "k"]).unwrap(), Ttl::pexpire_time("k").into());
    /// ```
    pub fn pexpire_time(key: impl IntoArg) -> Ttl {
        Ttl::build(key, TimeUnit::Millis, true)
    }

    fn build(key: impl IntoArg, unit: TimeUnit, absolute: bool) -> Ttl {
        Ttl {
            key: key.into_arg(),
            unit,
            absolute,
        }
    }

    pub(crate) fn parse_ttl(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Ttl(Ttl::seconds(args.next_bytes()?)))
    }
    pub(crate) fn parse_pttl(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Ttl(Ttl::millis(args.next_bytes()?)))
    }
    pub(crate) fn parse_expiretime(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Ttl(Ttl::expire_time(args.next_bytes()?)))
    }
    pub(crate) fn parse_pexpiretime(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Ttl(Ttl::pexpire_time(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now = ctx.now_ms();
        let deadline = match ctx.db.expiry(&self.key, now) {
            None => {
                ctx.key_miss(&self.key);
                return Reply::Integer(-2);
            }
            Some(None) => return Reply::Integer(-1),
            Some(Some(deadline)) => deadline,
        };
        let millis = if self.absolute {
            deadline
        } else {
            deadline.saturating_sub(now)
        };
        let millis = i64::try_from(millis).unwrap_or(i64::MAX);
        Reply::Integer(match self.unit {
            TimeUnit::Millis => millis,
            // Redis rounds to the nearest second.
            TimeUnit::Seconds => millis.saturating_add(500) / 1000,
        })
    }
}

/// `PERSIST key`: removes the deadline. Replies 1 if there was one, else 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Persist {
    key: Bytes,
}

impl Persist {
    /// `PERSIST key`.
    ///
    /// ```
    /// use embedis::{cmd::Persist, Engine};
    /// let mut conn = Engine::new().connect();
    /// conn.call(["SET", "k", "v", "EX", "5"]).unwrap();
    /// assert!(conn.run(Persist::new("k")).unwrap());
    /// ```
    pub fn new(key: impl IntoArg) -> Persist {
        Persist {
            key: key.into_arg(),
        }
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Ok(Command::Persist(Persist::new(args.next_bytes()?)))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let now = ctx.now_ms();
        match ctx.db.expiry(&self.key, now) {
            Some(Some(_)) => {
                ctx.log_effect(&[b"PERSIST" as &[u8], &self.key]);
                ctx.db.set_expiry(&self.key, None, now);
                ctx.explicitly_logged(|ctx| ctx.touch(&self.key));
                ctx.notify(notify::GENERIC, "persist", &self.key);
                Reply::Integer(1)
            }
            _ => Reply::Integer(0),
        }
    }
}
