//! What the pops over several keys share, lists' and sorted sets' alike: LMPOP / BLMPOP /
//! ZMPOP / BZMPOP's `numkeys key ... <end> [COUNT count]` arguments, the blocking forms'
//! timeout, finding the first key with something to pop (only the written key when a
//! parked pop is served), and parking.

use std::time::Duration;

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::Command;
use crate::error::ListError;
use crate::store::c_string::keyword_is;
use crate::store::double::parse_lenient;
use crate::store::long_double;
use crate::store::number::parse_i64;
use crate::Error;

/// A blocking timeout as redis-server's `getTimeoutFromObjectOrReply` reads seconds:
/// milliseconds, 0 for ever. Read as `strtold` reads it, then truncated to milliseconds:
/// below one millisecond it waits for ever, as there.
pub(crate) fn parse_timeout(arg: &[u8]) -> Result<i64, Error> {
    if long_double::parse(arg).is_none() {
        return Err(ListError::TimeoutNotFloat.into());
    }
    let ms = parse_lenient(arg).unwrap_or(f64::NAN) * 1000.0;
    // C's cast of a value past the i64 range gives i64::MIN on x86: "negative".
    if !(0.0..9.223_372_036_854_775e18).contains(&ms) {
        return Err(ListError::TimeoutNegative.into());
    }
    Ok(ms as i64)
}

/// A typed constructor's timeout in milliseconds (zero: for ever).
pub(crate) fn millis(timeout: Duration) -> i64 {
    i64::try_from(timeout.as_millis()).unwrap_or(i64::MAX)
}

/// `numkeys key [key ...] <end> [COUNT count]`: the keys, the end `parse_end` reads, and the
/// count (1 by default).
pub(crate) fn parse_keys_end_count<E>(
    args: &mut Args,
    parse_end: impl FnOnce(&[u8]) -> Result<E, Error>,
) -> Result<(Vec<Bytes>, E, u64), Error> {
    let numkeys = parse_i64(&args.next_bytes()?)
        .filter(|n| *n > 0)
        .ok_or(ListError::NumKeysNotPositive)?;
    if u64::try_from(numkeys).unwrap_or(u64::MAX) >= args.remaining() as u64 {
        return Err(Error::Syntax);
    }
    let keys: Vec<Bytes> = (0..numkeys).filter_map(|_| args.next()).collect();
    let end = parse_end(&args.next_bytes()?)?;
    let mut count = None;
    while let Some(option) = args.next() {
        if count.is_none() && keyword_is(&option, "COUNT") && !args.is_empty() {
            let value = parse_i64(&args.next_bytes()?).filter(|n| *n > 0);
            count = Some(value.ok_or(ListError::CountNotPositive)?);
        } else {
            return Err(Error::Syntax);
        }
    }
    Ok((keys, end, count.map_or(1, |n| n as u64)))
}

impl Ctx<'_> {
    /// Pops from the first of `keys` that `pop` finds something in, returning that key and
    /// what was popped. A parked pop being served looks at the written key only, and a key
    /// that now holds another type keeps it waiting instead of failing it.
    pub(crate) fn pop_first<T>(
        &mut self,
        keys: &[Bytes],
        mut pop: impl FnMut(&mut Self, &[u8]) -> Result<Option<T>, Error>,
    ) -> Result<Option<(Bytes, T)>, Error> {
        let serving = self.session.serving_blocked;
        let only = self.session.serving_key.clone();
        for key in keys {
            if only.as_ref().is_some_and(|only| only != key) {
                continue;
            }
            match pop(self, key) {
                Err(Error::WrongType) if serving => continue,
                Err(error) => return Err(error),
                Ok(None) => continue,
                Ok(Some(popped)) => return Ok(Some((key.clone(), popped))),
            }
        }
        Ok(None)
    }

    /// Parks `command` on `keys` for `timeout_ms` (0: for ever) where this client may block;
    /// elsewhere (MULTI, a pipeline, a closure) it answers now. A deadline past the clock's
    /// range waits for ever (the parking saturates it).
    pub(crate) fn park_if_allowed(&mut self, keys: &[Bytes], timeout_ms: i64, command: Command) {
        if self.can_block() {
            self.block_on(keys.to_vec(), timeout_ms as u64, command);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_read_as_redis_server_reads_them() {
        assert_eq!(parse_timeout(b"0"), Ok(0));
        assert_eq!(parse_timeout(b"1.5"), Ok(1500));
        assert_eq!(
            parse_timeout(b"0.0004"),
            Ok(0),
            "below a millisecond: for ever"
        );
        assert_eq!(parse_timeout(b"0x10"), Ok(16_000));
        let negative = Err(Error::List(ListError::TimeoutNegative));
        assert_eq!(parse_timeout(b"-1"), negative);
        assert_eq!(parse_timeout(b"inf"), negative);
        assert_eq!(parse_timeout(b"1e400"), negative);
        assert_eq!(parse_timeout(b"1e16"), negative);
        let not_float = Err(Error::List(ListError::TimeoutNotFloat));
        assert_eq!(parse_timeout(b"x"), not_float);
        assert_eq!(parse_timeout(b" 1"), not_float);
        assert_eq!(parse_timeout(b"nan"), not_float);
    }
}
