//! Keyspace notifications (`notify-keyspace-events`): which classes are on, and publishing
//! `__keyspace@<db>__:<key>` / `__keyevent@<db>__:<event>` messages as commands change keys.
//!
//! Commands call [`Events::emit`] at the point redis-server calls `notifyKeyspaceEvent`,
//! with the same class and event name, so the messages come in Redis's order. Keys that
//! expired lazily during a command are announced (`expired`) before the command's own
//! events, as Redis announces them from inside the lookup that found them.
//!
//! Off by default, as on Redis: with no class set, `emit` is one branch.

use std::sync::Arc;

use bytes::{BufMut, Bytes, BytesMut};

use crate::exec::fanout::Fanout;
use crate::persist::resp::decimal;

/// `K`: `__keyspace@<db>__:<key>` channels, the event as payload.
pub(crate) const KEYSPACE: u32 = 1 << 0;
/// `E`: `__keyevent@<db>__:<event>` channels, the key as payload.
pub(crate) const KEYEVENT: u32 = 1 << 1;
/// `g`: generic commands (DEL, EXPIRE, RENAME, ...).
pub(crate) const GENERIC: u32 = 1 << 2;
/// `$`: string commands.
pub(crate) const STRING: u32 = 1 << 3;
/// `l`: list commands.
pub(crate) const LIST: u32 = 1 << 4;
/// `s`: set commands.
pub(crate) const SET: u32 = 1 << 5;
/// `h`: hash commands.
pub(crate) const HASH: u32 = 1 << 6;
/// `z`: sorted-set commands.
pub(crate) const ZSET: u32 = 1 << 7;
/// `x`: a key expired and was removed.
pub(crate) const EXPIRED: u32 = 1 << 8;
const EVICTED: u32 = 1 << 9;
/// `t`: stream commands.
#[allow(dead_code)] // streams are the next issue
pub(crate) const STREAM: u32 = 1 << 10;
/// `m`: a read found no key (`keymiss`; not part of `A`).
pub(crate) const KEY_MISS: u32 = 1 << 11;
const MODULE: u32 = 1 << 12;
/// `n`: a key was created (not part of `A`).
pub(crate) const NEW: u32 = 1 << 13;
/// `A`: every class but `m` and `n`.
const ALL: u32 = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

/// Class letters in the order redis-server prints them, `A` aside.
const CLASS_LETTERS: [(u8, u32); 11] = [
    (b'g', GENERIC),
    (b'$', STRING),
    (b'l', LIST),
    (b's', SET),
    (b'h', HASH),
    (b'z', ZSET),
    (b'x', EXPIRED),
    (b'e', EVICTED),
    (b't', STREAM),
    (b'd', MODULE),
    (b'n', NEW),
];

/// Parses a `notify-keyspace-events` value (`keyspaceEventsStringToFlags`); `None` for a
/// character Redis does not know.
pub(crate) fn parse_flags(text: &[u8]) -> Option<u32> {
    let mut flags = 0;
    for &c in text {
        flags |= match c {
            b'A' => ALL,
            b'K' => KEYSPACE,
            b'E' => KEYEVENT,
            b'm' => KEY_MISS,
            _ => CLASS_LETTERS.iter().find(|(l, _)| *l == c)?.1,
        };
    }
    Some(flags)
}

/// Prints flags as `CONFIG GET` shows them (`keyspaceEventsFlagsToString`).
pub(crate) fn format_flags(flags: u32) -> String {
    let mut out = String::new();
    if flags & ALL == ALL {
        // `A` does not include `n`, yet redis-server 7.0 prints `n` only in the
        // letter-by-letter branch: with `A`, a set `n` is not shown.
        out.push('A');
    } else {
        for (letter, class) in CLASS_LETTERS {
            if flags & class != 0 {
                out.push(letter as char);
            }
        }
    }
    for (letter, class) in [(b'K', KEYSPACE), (b'E', KEYEVENT), (b'm', KEY_MISS)] {
        if flags & class != 0 {
            out.push(letter as char);
        }
    }
    out
}

/// The notification switch and where notifications go.
#[derive(Debug)]
pub(crate) struct Events {
    pub(crate) flags: u32,
    pub(crate) fanout: Arc<Fanout>,
}

impl Events {
    pub(crate) fn new(flags: u32, fanout: Arc<Fanout>) -> Events {
        Events { flags, fanout }
    }

    /// Publishes the notifications of one event on one key of database `db`, if its
    /// class is on.
    pub(crate) fn emit(&self, db: usize, class: u32, event: &str, key: &[u8]) {
        if self.flags & class == 0 || self.flags & (KEYSPACE | KEYEVENT) == 0 {
            return;
        }
        if self.flags & KEYSPACE != 0 {
            let channel = channel_name("keyspace", db, key);
            let _ = self
                .fanout
                .publish(&channel, Bytes::copy_from_slice(event.as_bytes()));
        }
        if self.flags & KEYEVENT != 0 {
            let channel = channel_name("keyevent", db, event.as_bytes());
            let _ = self.fanout.publish(&channel, Bytes::copy_from_slice(key));
        }
    }
}

/// `__<kind>@<db>__:<rest>`, as Redis names its notification channels.
fn channel_name(kind: &str, db: usize, rest: &[u8]) -> Bytes {
    let mut digits = [0; 20];
    let db = decimal(db as u64, &mut digits);
    let mut channel = BytesMut::with_capacity(kind.len() + db.len() + rest.len() + 6);
    channel.put_slice(b"__");
    channel.put_slice(kind.as_bytes());
    channel.put_slice(b"@");
    channel.put_slice(db);
    channel.put_slice(b"__:");
    channel.put_slice(rest);
    channel.freeze()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        format_flags(parse_flags(text.as_bytes()).expect("valid"))
    }

    #[test]
    fn flags_print_in_redis_order() {
        // Each expectation was read from redis-server 7.0.15's CONFIG GET.
        assert_eq!(round_trip("KEA"), "AKE");
        assert_eq!(round_trip("Kg$xt"), "g$xtK");
        assert_eq!(round_trip("AKEnm"), "AKEm");
        assert_eq!(round_trip("gK"), "gK");
        assert_eq!(round_trip("E"), "E");
        assert_eq!(round_trip("g$lshzxet"), "g$lshzxet");
        assert_eq!(round_trip("g$lshzxetd"), "A");
        assert_eq!(round_trip("ndm"), "dnm");
        assert_eq!(round_trip(""), "");
    }

    #[test]
    fn unknown_letters_are_refused() {
        assert_eq!(parse_flags(b"Q"), None);
        assert_eq!(parse_flags(b"K E"), None);
    }
}
