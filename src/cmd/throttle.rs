//! `CL.THROTTLE`, the redis-cell module's rate limiter, and `CL.THROTTLE.MS`, its
//! millisecond-precision twin (an embedis extension).
//!
//! ```text
//! CL.THROTTLE    key max_burst count period    [quantity]
//! CL.THROTTLE.MS key max_burst count period_ms [quantity]
//! ```
//! `count` cells per `period` seconds (milliseconds for `.MS`), with bursts of
//! `max_burst + 1`; `quantity` (default 1) is how many cells this call takes, and 0 peeks.
//! The reply is `[limited (0/1), limit = max_burst + 1, remaining, retry_after,
//! reset_after]`, as redis-cell sends it (`redis-cell/src/lib.rs`):
//! - the emission interval is `period` in nanoseconds divided by `count` as an `f64`,
//!   truncated to whole nanoseconds; the bucket holds `max_burst + 1` intervals;
//! - the decision is the engine's one GCRA core ([`crate::store::gcra`]): admitted when
//!   `max(TAT, now) + quantity·T − (max_burst+1)·T ≤ now`;
//! - `remaining` is `(max_burst+1)·T − reset_after`, both truncated to whole microseconds,
//!   divided as `f64` by `T` in microseconds and truncated (0 when below one interval);
//! - `retry_after` is how long until this request would be admitted, `-1` when admitted
//!   or when `quantity` exceeds the limit (it never fits);
//! - `reset_after` is the time until the bucket is full again (`TAT − now`);
//! - times are whole seconds, plus one when the remainder holds at least a whole
//!   millisecond (redis-cell's `whole_seconds() + (subsec_milliseconds() > 0)`). The `.MS`
//!   variant replies whole milliseconds, plus one for any remainder (never too early).
//!
//! The bucket is an ordinary string key, as with the module loaded: its value is the
//! theoretical arrival time in nanoseconds since the UNIX epoch (decimal text, so TYPE says
//! `string` and GET shows the number), and its TTL is the time until the bucket is full again
//! (whole milliseconds, truncated). Only an admitted request writes the key (and so touches
//! WATCH); a refused one reads it. A key holding a string that is not an integer replies
//! `Cell error: <Rust's ParseIntError text>`. Errors keep redis-cell's texts and its `Cell`
//! error code; one text is embedis's own (see [`Error::CellOutOfRange`]).

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::reply::FromReply;
use crate::store::gcra::{self, Quota, Verdict};
use crate::store::value::Value;
use crate::{Error, Reply};

const NANOS_PER_SEC: i128 = 1_000_000_000;
const NANOS_PER_MS: i128 = 1_000_000;

/// The unit of `period` and of the two times in the reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Seconds,
    Millis,
}

impl Unit {
    fn nanos(self) -> i128 {
        match self {
            Unit::Seconds => NANOS_PER_SEC,
            Unit::Millis => NANOS_PER_MS,
        }
    }

    fn command_name(self) -> &'static str {
        match self {
            Unit::Seconds => "cl.throttle",
            Unit::Millis => "cl.throttle.ms",
        }
    }

    /// A duration in nanoseconds as the reply shows it.
    fn reply_time(self, nanos: i128) -> i64 {
        let whole = nanos / self.nanos();
        let rest = nanos % self.nanos();
        let round_up = match self {
            // redis-cell: whole seconds, +1 if the sub-second part has a whole millisecond.
            Unit::Seconds => rest / NANOS_PER_MS > 0,
            Unit::Millis => rest > 0,
        };
        let value = if round_up { whole + 1 } else { whole };
        i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
    }
}

/// `CL.THROTTLE key max_burst count period [quantity]` (redis-cell): replies
/// `[limited, limit, remaining, retry_after, reset_after]`, times in seconds.
/// `CL.THROTTLE.MS key max_burst count period_ms [quantity]` (embedis extension): the same
/// with the period and both times in milliseconds.
///
/// ```
/// use embedis::{cmd::Throttle, Engine, ThrottleReply};
/// let mut conn = Engine::new().connect();
/// // 30 per 60 s, bursts of 16: redis-cell's README example.
/// let reply = conn.run(Throttle::new("user123", 15, 30, 60))?;
/// assert_eq!(
///     reply,
///     ThrottleReply { limited: false, limit: 16, remaining: 15, retry_after: -1, reset_after: 2 }
/// );
/// # Ok::<(), embedis::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Throttle {
    key: Bytes,
    max_burst: i64,
    count: i64,
    period: i64,
    quantity: i64,
    unit: Unit,
}

/// The reply of CL.THROTTLE and CL.THROTTLE.MS.
///
/// ```
/// use embedis::{cmd::Throttle, Engine, ManualClock, ThrottleReply};
/// let mut conn = Engine::builder().clock(ManualClock::new()).build().connect();
/// conn.run(Throttle::new("k", 0, 1, 2))?;
/// let refused: ThrottleReply = conn.run(Throttle::new("k", 0, 1, 2))?;
/// assert!(refused.limited);
/// assert_eq!((refused.limit, refused.remaining, refused.retry_after), (1, 0, 2));
/// # Ok::<(), embedis::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ThrottleReply {
    /// Whether the request was refused (redis-cell's `1`).
    pub limited: bool,
    /// `max_burst + 1`, for `X-RateLimit-Limit`.
    pub limit: i64,
    /// Cells left, for `X-RateLimit-Remaining`.
    pub remaining: i64,
    /// Seconds (milliseconds for `.MS`) until a retry would be admitted; `-1` when
    /// admitted or when the request can never fit. For `Retry-After`.
    pub retry_after: i64,
    /// Seconds (milliseconds for `.MS`) until the bucket is full again, for
    /// `X-RateLimit-Reset`.
    pub reset_after: i64,
}

impl FromReply for ThrottleReply {
    fn from_reply(reply: Reply) -> Result<ThrottleReply, Error> {
        match Vec::<Reply>::from_reply(reply)?.as_slice() {
            [Reply::Integer(limited), Reply::Integer(limit), Reply::Integer(remaining), Reply::Integer(retry_after), Reply::Integer(reset_after)] => {
                Ok(ThrottleReply {
                    limited: *limited != 0,
                    limit: *limit,
                    remaining: *remaining,
                    retry_after: *retry_after,
                    reset_after: *reset_after,
                })
            }
            other => Err(Error::UnexpectedReply(format!("{other:?}"))),
        }
    }
}

impl From<ThrottleReply> for Reply {
    fn from(reply: ThrottleReply) -> Reply {
        Reply::Array(vec![
            Reply::Integer(i64::from(reply.limited)),
            Reply::Integer(reply.limit),
            Reply::Integer(reply.remaining),
            Reply::Integer(reply.retry_after),
            Reply::Integer(reply.reset_after),
        ])
    }
}

impl Throttle {
    /// `CL.THROTTLE key max_burst count period`: one cell, `count` per `period` seconds.
    ///
    /// ```
    /// use embedis::cmd::{Command, Throttle};
    /// assert_eq!(
    ///     Command::from_argv(["CL.THROTTLE", "k", "15", "30", "60"]).unwrap(),
    ///     Throttle::new("k", 15, 30, 60).into()
    /// );
    /// ```
    pub fn new(key: impl IntoArg, max_burst: i64, count: i64, period: i64) -> Throttle {
        Throttle {
            key: key.into_arg(),
            max_burst,
            count,
            period,
            quantity: 1,
            unit: Unit::Seconds,
        }
    }

    /// `CL.THROTTLE.MS key max_burst count period_ms` (embedis extension): the period and
    /// the reply's times in milliseconds.
    ///
    /// ```
    /// use embedis::{cmd::Throttle, Engine, ManualClock};
    /// let mut conn = Engine::builder().clock(ManualClock::new()).build().connect();
    /// // 10 per 1500 ms: one cell every 150 ms.
    /// let reply = conn.run(Throttle::new_ms("k", 0, 10, 1500))?;
    /// assert_eq!((reply.limited, reply.reset_after), (false, 150));
    /// let reply = conn.run(Throttle::new_ms("k", 0, 10, 1500))?;
    /// assert_eq!((reply.limited, reply.retry_after), (true, 150));
    /// # Ok::<(), embedis::Error>(())
    /// ```
    pub fn new_ms(key: impl IntoArg, max_burst: i64, count: i64, period_ms: i64) -> Throttle {
        Throttle {
            unit: Unit::Millis,
            ..Throttle::new(key, max_burst, count, period_ms)
        }
    }

    /// `quantity`: how many cells this request takes (default 1; 0 peeks at the state).
    ///
    /// ```
    /// use embedis::cmd::{Command, Throttle};
    /// assert_eq!(
    ///     Command::from_argv(["CL.THROTTLE", "k", "15", "30", "60", "3"]).unwrap(),
    ///     Throttle::new("k", 15, 30, 60).quantity(3).into()
    /// );
    /// ```
    pub fn quantity(mut self, quantity: i64) -> Throttle {
        self.quantity = quantity;
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        Throttle::parse_unit(args, Unit::Seconds)
    }

    pub(crate) fn parse_ms(args: &mut Args) -> Result<Command, Error> {
        Throttle::parse_unit(args, Unit::Millis)
    }

    fn parse_unit(args: &mut Args, unit: Unit) -> Result<Command, Error> {
        // A module command has arity -1: redis-cell counts its arguments itself.
        let argv = args.rest();
        let [key, numbers @ ..] = argv.as_slice() else {
            return Err(Error::CellUsage(unit.command_name()));
        };
        if numbers.len() != 3 && numbers.len() != 4 {
            return Err(Error::CellUsage(unit.command_name()));
        }
        let mut parsed = [1i64; 4];
        for (slot, raw) in parsed.iter_mut().zip(numbers) {
            *slot = parse_cell_i64(raw)?;
        }
        let [max_burst, count, period, quantity] = parsed;
        Ok(Command::Throttle(Throttle {
            key: key.clone(),
            max_burst,
            count,
            period,
            quantity,
            unit,
        }))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        match self.run(ctx) {
            Ok(reply) => reply.into(),
            Err(error) => error.into(),
        }
    }

    /// The emission interval in nanoseconds, as redis-cell's `Rate::per_period` computes it.
    fn interval_nanos(&self) -> Result<i64, Error> {
        if self.count == 0 || self.period == 0 {
            return Err(Error::CellZeroRate);
        }
        let period = i64::try_from(i128::from(self.period) * self.unit.nanos())
            .map_err(|_| Error::CellOutOfRange)?;
        // The float division and truncation are redis-cell's.
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let interval = (period as f64 / self.count as f64) as i64;
        if interval == 0 {
            return Err(Error::CellZeroRate);
        }
        Ok(interval)
    }

    fn run(self, ctx: &mut Ctx) -> Result<ThrottleReply, Error> {
        let interval = self.interval_nanos()?;
        let limit = self.max_burst.checked_add(1).ok_or(Error::CellOutOfRange)?;
        let (Ok(interval_u), Ok(burst), true) = (
            u64::try_from(interval),
            u32::try_from(limit),
            self.quantity >= 0,
        ) else {
            return Err(Error::CellOutOfRange);
        };
        let quota = Quota::new(interval_u, burst).map_err(|_| Error::CellOutOfRange)?;
        let now_ms = ctx.now_ms();
        let now_u = ctx.now_us().saturating_mul(1000);
        let now = i128::from(now_u);

        let stored = match ctx.db.get(&self.key, now_ms) {
            None => None,
            Some(entry) => Some(match &entry.value {
                Value::Int(n) => *n,
                // Another type reads as the empty string (the module API's StringDMA).
                other => parse_stored(&other.to_bytes().unwrap_or_default())?,
            }),
        };
        // redis-cell treats a stored -1 as "no bucket" (its sentinel for a missing key).
        let tat = match stored {
            None | Some(-1) => now,
            Some(tat) => i128::from(tat),
        };
        let core_tat = u64::try_from(tat).unwrap_or(0);
        let verdict = match u32::try_from(self.quantity) {
            // A peek: redis-cell still refuses it while the bucket owes more than a burst
            // (after a quota change); the core admits n = 0 unconditionally.
            Ok(0) => {
                let allow_at = core_tat.max(now_u).saturating_sub(quota.tau_nanos());
                if allow_at <= now_u {
                    Verdict::Allowed
                } else {
                    Verdict::NotUntil(allow_at)
                }
            }
            Ok(n) => gcra::check_n(&quota, core_tat, now_u, n).verdict,
            Err(_) => Verdict::Never,
        };
        let (limited, retry_after, ttl) = match verdict {
            Verdict::NotUntil(at) => (true, i128::from(at) - now, tat - now),
            Verdict::Never => (true, -NANOS_PER_SEC, tat - now),
            Verdict::Allowed => {
                let quantity = i128::from(self.quantity);
                let new_tat = tat.max(now) + i128::from(interval) * quantity;
                let ttl = new_tat - now;
                let deadline =
                    now_ms.saturating_add(u64::try_from(ttl / NANOS_PER_MS).unwrap_or(0));
                if stored == Some(-1) {
                    // redis-cell's set-if-not-exists finds the key taken: it only sets the
                    // TTL, and gives up after its retries.
                    self.write(ctx, None, deadline);
                    return Err(Error::CellUpdateFailed);
                }
                let value = i64::try_from(new_tat).map_err(|_| Error::CellOutOfRange)?;
                self.write(ctx, Some(value), deadline);
                (false, -NANOS_PER_SEC, ttl)
            }
        };
        // remaining: the free part of the bucket, in whole microseconds, over the interval.
        let interval = i128::from(interval);
        let next = interval * i128::from(limit) - ttl;
        let remaining = if next > -interval {
            #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
            let cells = ((next / 1000) as f64 / (interval / 1000) as f64) as i64;
            cells
        } else {
            0
        };
        let retry_after = if retry_after < 0 {
            -1
        } else {
            self.unit.reply_time(retry_after)
        };
        Ok(ThrottleReply {
            limited,
            limit,
            remaining,
            retry_after,
            reset_after: self.unit.reply_time(ttl),
        })
    }

    /// Stores the bucket (`None`: keeps the value, only sets the deadline), signalling the
    /// write. A deadline already reached removes the key, as it would expire at once.
    fn write(&self, ctx: &mut Ctx, value: Option<i64>, deadline: u64) {
        let now_ms = ctx.now_ms();
        if deadline <= now_ms {
            ctx.db.remove(&self.key, now_ms);
        } else if let Some(value) = value {
            ctx.db
                .insert(self.key.clone(), Value::Int(value), Some(deadline));
        } else {
            ctx.db.set_expiry(&self.key, Some(deadline), now_ms);
        }
        ctx.touch(&self.key);
    }
}

/// A number argument as redis-cell parses it (Rust's `i64` parser: `+5` and `007` pass).
fn parse_cell_i64(raw: &[u8]) -> Result<i64, Error> {
    std::str::from_utf8(raw)
        .ok()
        .and_then(|text| text.parse::<i64>().ok())
        .ok_or_else(|| Error::CellNotInteger(crate::error::error_text(raw)))
}

/// A stored bucket value; the error is Rust's UTF-8 or integer parse error text.
fn parse_stored(raw: &[u8]) -> Result<i64, Error> {
    let text = std::str::from_utf8(raw).map_err(|e| Error::CellBadValue(e.to_string()))?;
    text.parse::<i64>()
        .map_err(|e| Error::CellBadValue(e.to_string()))
}
