//! A whole dataset as a Redis RDB file, version 10 (redis-server 7.0's): what SAVE, BGSAVE
//! and [`Engine::snapshot`](crate::Engine::snapshot) write, and what an engine built with
//! [`EngineBuilder::snapshot_file`](crate::EngineBuilder::snapshot_file) starts from.
//!
//! Pure: the keyspaces come in and bytes go out, or bytes come in and the keys and
//! libraries go out; `persist/snapshot.rs` puts them on disk.
//!
//! # Layout
//! As redis-server 7.0 writes it, so that either server loads the other's file:
//! `REDIS0010`; auxiliary fields (`redis-ver`, `redis-bits`, `ctime`, `aof-base`); each
//! function library (`FUNCTION2`, its code); then, for each database that has live keys,
//! `SELECTDB` and `RESIZEDB` (how many keys, how many with a deadline) and every key: its
//! absolute deadline first (`EXPIRETIME_MS`), then its type, its name and its object
//! (`rdb_value.rs`, the encodings DUMP uses); `EOF`; a CRC-64 of everything before.
//! Keys already expired are left out.
//!
//! # Reading
//! The trailer is checked before anything is read: a file that does not end in `EOF` and
//! a checksum was cut short, and a checksum that does not match means damage (a stored
//! checksum of 0 is redis-server's `rdbchecksum no` and is not checked). Auxiliary fields,
//! `RESIZEDB` and the LRU / LFU hints are read past. Keys whose deadline has passed are
//! dropped, as a redis-server master drops them while loading. Every object encoding
//! redis-server 7.0 loads is read, those of Redis 6.2 and earlier included (ziplists,
//! zipmaps, the first quicklists: `ziplist.rs`), so an old `dump.rdb` seeds an engine; so
//! is version 11, Redis 7.2's and Valkey's, whose only new objects are listpack sets and
//! streams with consumers' active times. Refused, with the offset: module data.

use std::fmt;

use bytes::Bytes;

use super::rdb::{self, Reader};
use super::rdb_value;
use crate::exec::databases::DATABASES;
use crate::exec::session::SERVER_VERSION;
use crate::store::keyspace::Keyspace;
use crate::store::value::Value;

/// What an RDB file starts with, before its four-digit version.
pub(crate) const MAGIC: &[u8] = b"REDIS";

const OPCODE_FUNCTION_PRE_GA: u8 = 246;
const OPCODE_FUNCTION2: u8 = 245;
const OPCODE_MODULE_AUX: u8 = 247;
const OPCODE_IDLE: u8 = 248;
const OPCODE_FREQ: u8 = 249;
const OPCODE_AUX: u8 = 250;
const OPCODE_RESIZEDB: u8 = 251;
const OPCODE_EXPIRETIME_MS: u8 = 252;
const OPCODE_EXPIRETIME: u8 = 253;
const OPCODE_SELECTDB: u8 = 254;
const OPCODE_EOF: u8 = 255;

/// The `EOF` opcode and the 8-byte checksum that end every file.
const TRAILER_LEN: usize = 9;

/// The newest version read: Redis 7.2's (and Valkey 7.2 and 8's), which adds objects but
/// no opcodes to 7.0's.
const NEWEST_READ: u32 = 11;

/// The first version with a checksum after the `EOF` opcode (Redis 2.6).
const FIRST_CHECKSUMMED: u32 = 5;

/// Why a snapshot does not load. Where it says `offset`, that is the byte of the file at
/// which the problem starts.
///
/// ```
/// use embedis::{Engine, SnapshotError};
/// let dir = std::env::temp_dir().join(format!("embedis-doc-snapshot-error-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("dump.rdb");
/// std::fs::write(&path, b"REDIS0010\xfa").unwrap(); // cut short
/// let error = Engine::builder().snapshot_file(&path).try_build().unwrap_err();
/// assert_eq!(error.kind(), std::io::ErrorKind::InvalidData);
/// let cause = error.get_ref().unwrap().downcast_ref::<SnapshotError>().unwrap();
/// assert_eq!(cause, &SnapshotError::Truncated);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The bytes do not start as an RDB file does (`REDIS` and a four-digit version).
    NotRdb,
    /// An RDB version newer than Redis 7.2's (11), which embedis cannot read (Redis 7.4
    /// writes 12).
    Version(u32),
    /// The file does not end with the end-of-file mark and checksum: it was cut short.
    Truncated,
    /// The checksum at the end does not match the contents: the file is damaged.
    Checksum {
        /// The checksum the file ends with.
        stored: u64,
        /// The checksum of its contents.
        computed: u64,
    },
    /// Bytes that are not what the format puts there.
    Corrupt {
        /// Where they start.
        offset: u64,
        /// What was expected.
        reason: &'static str,
    },
    /// Something the file holds that embedis does not load.
    Unsupported {
        /// Where it starts.
        offset: u64,
        /// What it is.
        what: String,
    },
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotRdb => f.write_str("not an RDB file: no REDIS signature"),
            SnapshotError::Version(version) => write!(
                f,
                "can't handle RDB format version {version} (embedis reads up to {NEWEST_READ})"
            ),
            SnapshotError::Truncated => {
                f.write_str("the RDB file is cut short: no end-of-file mark and checksum")
            }
            SnapshotError::Checksum { stored, computed } => write!(
                f,
                "wrong RDB checksum: the file says {stored:016x}, its contents give \
                 {computed:016x}"
            ),
            SnapshotError::Corrupt { offset, reason } => {
                write!(f, "bad RDB file format at offset {offset}: {reason}")
            }
            SnapshotError::Unsupported { offset, what } => {
                write!(
                    f,
                    "the RDB file holds {what} at offset {offset}, which embedis does not load"
                )
            }
        }
    }
}

impl std::error::Error for SnapshotError {}

/// One thing a file holds, in file order.
#[derive(Debug)]
pub(crate) enum Item {
    /// A function library's code.
    Library(Bytes),
    /// A live key of database `db`.
    Key {
        db: usize,
        key: Bytes,
        value: Value,
        deadline: Option<u64>,
    },
}

/// What a file read gave: its items, and how many keys were dropped as expired.
#[derive(Debug, Default)]
pub(crate) struct Contents {
    pub(crate) items: Vec<Item>,
    pub(crate) expired: u64,
}

/// The RDB file of every database's keys live at `now_ms`, and of `libraries`.
pub(crate) fn write<'a>(
    databases: impl Iterator<Item = &'a Keyspace>,
    libraries: impl Iterator<Item = &'a Bytes>,
    now_ms: u64,
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(format!("{:04}", rdb::RDB_VERSION).as_bytes());
    let now_secs = (now_ms / 1000).to_string();
    for (field, value) in [
        ("redis-ver", SERVER_VERSION),
        ("redis-bits", "64"),
        ("ctime", now_secs.as_str()),
        ("aof-base", "0"),
    ] {
        out.push(OPCODE_AUX);
        rdb::write_string(&mut out, field.as_bytes());
        rdb::write_string(&mut out, value.as_bytes());
    }
    for code in libraries {
        out.push(OPCODE_FUNCTION2);
        rdb::write_plain_string(&mut out, code);
    }
    let mut object = Vec::new();
    for db in databases {
        let live = |deadline: Option<u64>| deadline.is_none_or(|at| at > now_ms);
        let (keys, volatile) = db.iter().filter(|(_, entry)| live(entry.expires_at)).fold(
            (0u64, 0u64),
            |(keys, volatile), (_, entry)| {
                (keys + 1, volatile + u64::from(entry.expires_at.is_some()))
            },
        );
        if keys == 0 {
            continue;
        }
        out.push(OPCODE_SELECTDB);
        rdb::write_length(&mut out, db.index() as u64);
        out.push(OPCODE_RESIZEDB);
        rdb::write_length(&mut out, keys);
        rdb::write_length(&mut out, volatile);
        for (key, entry) in db.iter().filter(|(_, entry)| live(entry.expires_at)) {
            if let Some(at) = entry.expires_at {
                out.push(OPCODE_EXPIRETIME_MS);
                out.extend_from_slice(&at.to_le_bytes());
            }
            // The object is its type byte, then its encoding; the key goes between.
            object.clear();
            rdb_value::write(&entry.value, &mut object);
            out.push(object[0]);
            rdb::write_string(&mut out, key);
            out.extend_from_slice(&object[1..]);
        }
    }
    out.push(OPCODE_EOF);
    let crc = rdb::crc64(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// Reads a whole file: its libraries and its keys live at `now_ms`. Nothing is returned
/// unless the whole file reads.
pub(crate) fn read(bytes: &[u8], now_ms: u64) -> Result<Contents, SnapshotError> {
    let trailer = if version(bytes)? >= FIRST_CHECKSUMMED {
        TRAILER_LEN
    } else {
        1
    };
    if bytes.len() < MAGIC.len() + 4 + trailer || bytes[bytes.len() - trailer] != OPCODE_EOF {
        return Err(SnapshotError::Truncated);
    }
    let (body, stored) = bytes.split_at(bytes.len() + 1 - trailer);
    let stored = match stored.try_into() {
        Ok(stored) => u64::from_le_bytes(stored),
        Err(_) => 0, // no checksum before version 5
    };
    if stored != 0 {
        let computed = rdb::crc64(body);
        if computed != stored {
            return Err(SnapshotError::Checksum { stored, computed });
        }
    }
    let (contents, end) = read_items(body, now_ms)?;
    if end != body.len() {
        return Err(SnapshotError::Corrupt {
            offset: end as u64 - 1,
            reason: "the end-of-file mark only before the checksum",
        });
    }
    Ok(contents)
}

/// Reads an RDB file at the start of `bytes` and returns it with its length: the
/// preamble of an append-only file, whose commands follow it (Redis's
/// `aof-use-rdb-preamble`). Its checksum is checked; keys are kept whatever their
/// deadline, as redis-server keeps them while it loads an append-only file (the
/// commands after the preamble may still use them; expiry comes after loading).
pub(crate) fn read_prefix(bytes: &[u8]) -> Result<(Contents, usize), SnapshotError> {
    let checksummed = version(bytes)? >= FIRST_CHECKSUMMED;
    let (contents, end) = read_items(bytes, 0)?;
    if !checksummed {
        return Ok((contents, end));
    }
    let stored = bytes
        .get(end..end + 8)
        .and_then(|stored| stored.try_into().ok())
        .map(u64::from_le_bytes)
        .ok_or(SnapshotError::Truncated)?;
    if stored != 0 {
        let computed = rdb::crc64(&bytes[..end]);
        if computed != stored {
            return Err(SnapshotError::Checksum { stored, computed });
        }
    }
    Ok((contents, end + 8))
}

/// Reads the items of the RDB file that `bytes` starts with (its magic and version
/// checked by the caller), up to and including its end-of-file mark: its libraries and
/// its keys live at `now_ms`, and the offset just after the mark.
fn read_items(bytes: &[u8], now_ms: u64) -> Result<(Contents, usize), SnapshotError> {
    let mut reader = Reader::new(&bytes[MAGIC.len() + 4..]);
    let offset = |reader: &Reader<'_>| (bytes.len() - reader.remaining()) as u64;
    let corrupt = |at: u64, reason: &'static str| SnapshotError::Corrupt { offset: at, reason };
    let mut contents = Contents::default();
    let mut db = 0;
    let mut deadline: Option<i64> = None;
    loop {
        let at = offset(&reader);
        let Some(opcode) = reader.byte() else {
            return Err(corrupt(at, "an opcode or a key"));
        };
        match opcode {
            OPCODE_EOF => return Ok((contents, at as usize + 1)),
            OPCODE_AUX => {
                reader
                    .string()
                    .and_then(|_| reader.string())
                    .ok_or(corrupt(at, "an auxiliary field"))?;
            }
            OPCODE_SELECTDB => {
                let index = reader
                    .length_only()
                    .ok_or(corrupt(at, "a database number"))?;
                db = usize::try_from(index)
                    .ok()
                    .filter(|&index| index < DATABASES)
                    .ok_or_else(|| SnapshotError::Unsupported {
                        offset: at,
                        what: format!("database {index} (embedis has {DATABASES})"),
                    })?;
            }
            OPCODE_RESIZEDB => {
                reader
                    .length_only()
                    .and_then(|_| reader.length_only())
                    .ok_or(corrupt(at, "database sizes"))?;
            }
            OPCODE_EXPIRETIME_MS => {
                let ms = reader.take(8).ok_or(corrupt(at, "a deadline"))?;
                deadline = Some(i64::from_le_bytes(
                    ms.try_into().map_err(|_| corrupt(at, "a deadline"))?,
                ));
            }
            OPCODE_EXPIRETIME => {
                let secs = reader.take(4).ok_or(corrupt(at, "a deadline"))?;
                let secs =
                    i32::from_le_bytes(secs.try_into().map_err(|_| corrupt(at, "a deadline"))?);
                deadline = Some(i64::from(secs) * 1000);
            }
            OPCODE_IDLE => {
                reader.length_only().ok_or(corrupt(at, "an idle time"))?;
            }
            OPCODE_FREQ => {
                reader.byte().ok_or(corrupt(at, "an access frequency"))?;
            }
            OPCODE_FUNCTION2 => {
                let code = reader.string().ok_or(corrupt(at, "a function library"))?;
                contents.items.push(Item::Library(Bytes::from(code)));
            }
            OPCODE_FUNCTION_PRE_GA => {
                return Err(SnapshotError::Unsupported {
                    offset: at,
                    what: "a function library of a Redis 7.0 release candidate".into(),
                });
            }
            OPCODE_MODULE_AUX => {
                return Err(SnapshotError::Unsupported {
                    offset: at,
                    what: "module data".into(),
                });
            }
            kind if rdb_value::is_known_type(kind) => {
                let key = reader.string().ok_or(corrupt(at, "a key name"))?;
                let value = rdb_value::decode_object(kind, &mut reader)
                    .ok_or(corrupt(at, "a value that decodes"))?;
                if rdb_value::is_empty_collection(&value) {
                    // Older servers could save one; redis-server skips it while loading.
                    deadline = None;
                    continue;
                }
                match deadline.take() {
                    Some(at_ms) if at_ms <= 0 || at_ms as u64 <= now_ms => contents.expired += 1,
                    at_ms => contents.items.push(Item::Key {
                        db,
                        key: Bytes::from(key),
                        value,
                        deadline: at_ms.map(|ms| ms as u64),
                    }),
                }
            }
            kind => {
                return Err(SnapshotError::Unsupported {
                    offset: at,
                    what: describe_type(kind),
                });
            }
        }
    }
}

/// The version of a file that starts as an RDB file does, if embedis reads it.
fn version(bytes: &[u8]) -> Result<u32, SnapshotError> {
    let digits = bytes
        .strip_prefix(MAGIC)
        .and_then(|rest| rest.get(..4))
        .filter(|digits| digits.iter().all(u8::is_ascii_digit))
        .ok_or(SnapshotError::NotRdb)?;
    let version = digits
        .iter()
        .fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'));
    match version {
        0 => Err(SnapshotError::NotRdb),
        v if v > NEWEST_READ => Err(SnapshotError::Version(v)),
        v => Ok(v),
    }
}

/// What an object type byte embedis does not read stands for.
fn describe_type(kind: u8) -> String {
    match kind {
        6 | 7 => "a module's value".into(),
        _ => format!("an unknown object type ({kind})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyspace_with(entries: &[(&str, &str, Option<u64>)]) -> Keyspace {
        let mut db = Keyspace::new();
        for &(key, value, deadline) in entries {
            db.insert(
                Bytes::copy_from_slice(key.as_bytes()),
                Value::String(Bytes::copy_from_slice(value.as_bytes())),
                deadline,
            );
        }
        db
    }

    fn keys(contents: &Contents) -> Vec<(usize, String, Option<u64>)> {
        let mut keys: Vec<_> = contents
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Key {
                    db, key, deadline, ..
                } => Some((*db, String::from_utf8_lossy(key).into_owned(), *deadline)),
                Item::Library(_) => None,
            })
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn a_written_file_reads_back_without_its_expired_keys() {
        let db = keyspace_with(&[
            ("a", "1", None),
            ("b", "hello", Some(5_000)),
            ("c", "x", Some(10)),
        ]);
        let file = write(std::iter::once(&db), std::iter::empty(), 1_000);
        assert!(file.starts_with(b"REDIS0010"));
        let contents = read(&file, 1_000).unwrap();
        assert_eq!(
            keys(&contents),
            vec![(0, "a".into(), None), (0, "b".into(), Some(5_000))]
        );
        assert_eq!(contents.expired, 0, "an expired key is not written at all");
        // Read later, the deadline has passed: dropped on the way in.
        let later = read(&file, 6_000).unwrap();
        assert_eq!(keys(&later), vec![(0, "a".into(), None)]);
        assert_eq!(later.expired, 1);
    }

    #[test]
    fn a_preamble_reads_up_to_its_checksum_and_keeps_every_key() {
        let db = keyspace_with(&[("a", "1", None), ("b", "2", Some(5_000))]);
        let rdb = write(std::iter::once(&db), std::iter::empty(), 1_000);
        let mut file = rdb.clone();
        file.extend_from_slice(b"*1\r\n$4\r\nPING\r\n");
        let (contents, length) = read_prefix(&file).unwrap();
        assert_eq!(length, rdb.len());
        // Kept whatever the time: expiry comes after loading, as on redis-server.
        assert_eq!(
            keys(&contents),
            vec![(0, "a".into(), None), (0, "b".into(), Some(5_000))]
        );
        assert_eq!(
            read_prefix(&file[..rdb.len() - 4]).unwrap_err(),
            SnapshotError::Truncated
        );
        let mut flipped = file.clone();
        flipped[rdb.len() - 12] ^= 0x40;
        assert!(matches!(
            read_prefix(&flipped),
            Err(SnapshotError::Checksum { .. } | SnapshotError::Corrupt { .. })
        ));
    }

    #[test]
    fn damage_is_told_apart_from_a_cut() {
        let db = keyspace_with(&[("key", "value", None)]);
        let file = write(std::iter::once(&db), std::iter::empty(), 0);
        assert_eq!(
            read(&file[..file.len() - 3], 0).unwrap_err(),
            SnapshotError::Truncated
        );
        let mut flipped = file.clone();
        flipped[20] ^= 1;
        assert!(matches!(
            read(&flipped, 0).unwrap_err(),
            SnapshotError::Checksum { .. }
        ));
        assert_eq!(read(b"RIDES0010", 0).unwrap_err(), SnapshotError::NotRdb);
        assert_eq!(
            read(b"REDIS0012xxxxxxxxx", 0).unwrap_err(),
            SnapshotError::Version(12)
        );
    }

    #[test]
    fn version_eleven_files_and_their_listpack_sets_read() {
        let mut file = b"REDIS0011".to_vec();
        file.extend_from_slice(&[OPCODE_SELECTDB, 2, 20]);
        rdb::write_string(&mut file, b"tags");
        let members: [&[u8]; 3] = [b"a", b"b", b"100"];
        rdb::write_plain_string(&mut file, &super::super::listpack::encode(members));
        file.push(OPCODE_EOF);
        file.extend_from_slice(&[0; 8]);
        let contents = read(&file, 0).unwrap();
        let [Item::Key {
            db: 2,
            key,
            value: Value::Set(set),
            deadline: None,
        }] = &contents.items[..]
        else {
            panic!("one set in database 2: {:?}", contents.items);
        };
        assert_eq!(&key[..], b"tags");
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn without_a_checksum_a_bad_object_is_corrupt_at_its_offset() {
        let db = keyspace_with(&[("key", "value", None)]);
        let mut file = write(std::iter::once(&db), std::iter::empty(), 0);
        let len = file.len();
        file[len - 8..].fill(0); // rdbchecksum no
        assert!(read(&file, 0).is_ok());
        // The key's type byte is the one after RESIZEDB's two lengths.
        let at = file.iter().position(|&b| b == OPCODE_RESIZEDB).unwrap() + 3;
        file[at] = 7;
        assert_eq!(
            read(&file, 0).unwrap_err(),
            SnapshotError::Unsupported {
                offset: at as u64,
                what: "a module's value".into()
            }
        );
    }
}
