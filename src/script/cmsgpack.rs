//! lua-cmsgpack's `cmsgpack` library as redis-server 7.0 bundles it for scripts:
//! `cmsgpack.pack`, `cmsgpack.unpack`, `cmsgpack.unpack_one` and `cmsgpack.unpack_limit`,
//! written from the MessagePack format and checked against redis-server's output.
//!
//! Packing follows that library's choices: a number that is a whole `int64` is packed as
//! the smallest integer form, any other as a 32-bit float when that loses nothing, else a
//! 64-bit one; a table whose keys are exactly `1..n` is an array, any other a map (in
//! `next` order); tables nested 16 deep are packed as nil; functions and userdata as nil.
//! Unpacking takes every type that version knows (not the `bin` or `ext` types, which it
//! refuses as "Bad data format"); numbers come back as Lua numbers.

use mlua::{Lua, MultiValue, Table, Value};

use super::convert::{lua_string_bytes, lua_type_name};
use super::script_error;

/// Tables deeper than this are packed as nil (lua-cmsgpack's `LUACMSGPACK_MAX_NESTING`).
const MAX_NESTING: usize = 16;
/// Containers deeper than this are refused when unpacking, so a hostile payload cannot
/// exhaust the executor's stack (lua-cmsgpack recurses without a bound; each level here
/// goes through several Lua API calls, and 128 levels overflow a debug build's 2 MiB).
const MAX_UNPACK_DEPTH: usize = 64;

/// The `cmsgpack` table.
pub(super) fn library(lua: &Lua, hidden: &Table) -> mlua::Result<Table> {
    let cmsgpack = lua.create_table()?;
    let raising = hidden.clone();
    let pack = lua.create_function(move |lua, args: MultiValue| {
        if args.is_empty() {
            let text = "bad argument #0 to 'pack' (MessagePack pack needs input.)";
            return Err(script_error(lua, &raising, text));
        }
        let mut out = Vec::new();
        for value in args.iter() {
            pack_value(value, 0, &mut out)?;
        }
        lua.create_string(&out)
    })?;
    cmsgpack.raw_set("pack", pack)?;
    for (name, kind) in [
        ("unpack", Unpack::All),
        ("unpack_one", Unpack::One),
        ("unpack_limit", Unpack::Limit),
    ] {
        let raising = hidden.clone();
        let function = lua.create_function(move |lua, args: MultiValue| {
            unpack(lua, name, kind, &args).map_err(|text| script_error(lua, &raising, &text))
        })?;
        cmsgpack.raw_set(name, function)?;
    }
    Ok(cmsgpack)
}

fn pack_value(value: &Value, level: usize, out: &mut Vec<u8>) -> mlua::Result<()> {
    match value {
        Value::Boolean(true) => out.push(0xc3),
        Value::Boolean(false) => out.push(0xc2),
        Value::Integer(n) => pack_number(*n as f64, out),
        Value::Number(n) => pack_number(*n, out),
        Value::String(text) => pack_bytes(&text.as_bytes(), out),
        Value::Table(table) if level < MAX_NESTING => pack_table(table, level, out)?,
        _ => out.push(0xc0),
    }
    Ok(())
}

fn pack_number(n: f64, out: &mut Vec<u8>) {
    // lua-cmsgpack's IS_INT64_EQUIVALENT: finite, and equal to its int64 conversion (a
    // value past the int64 range does not convert, so it stays a float).
    const INT64: std::ops::Range<f64> = -9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0;
    let whole = INT64.contains(&n) && n == (n as i64) as f64;
    if whole {
        pack_integer(n as i64, out);
    } else if f64::from(n as f32) == n {
        out.push(0xca);
        out.extend_from_slice(&(n as f32).to_be_bytes());
    } else {
        out.push(0xcb);
        out.extend_from_slice(&n.to_be_bytes());
    }
}

fn pack_integer(n: i64, out: &mut Vec<u8>) {
    if n >= 0 {
        if n <= 127 {
            out.push(n as u8);
        } else if n <= 0xff {
            out.extend_from_slice(&[0xcc, n as u8]);
        } else if n <= 0xffff {
            out.push(0xcd);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        } else if n <= 0xffff_ffff {
            out.push(0xce);
            out.extend_from_slice(&(n as u32).to_be_bytes());
        } else {
            out.push(0xcf);
            out.extend_from_slice(&(n as u64).to_be_bytes());
        }
    } else if n >= -32 {
        out.push(n as i8 as u8);
    } else if n >= -128 {
        out.extend_from_slice(&[0xd0, n as i8 as u8]);
    } else if n >= -32768 {
        out.push(0xd1);
        out.extend_from_slice(&(n as i16).to_be_bytes());
    } else if n >= -2_147_483_648 {
        out.push(0xd2);
        out.extend_from_slice(&(n as i32).to_be_bytes());
    } else {
        out.push(0xd3);
        out.extend_from_slice(&n.to_be_bytes());
    }
}

fn pack_bytes(bytes: &[u8], out: &mut Vec<u8>) {
    let len = bytes.len();
    if len < 32 {
        out.push(0xa0 | len as u8);
    } else if len <= 0xff {
        out.extend_from_slice(&[0xd9, len as u8]);
    } else if len <= 0xffff {
        out.push(0xda);
        out.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        out.push(0xdb);
        out.extend_from_slice(&(len as u32).to_be_bytes());
    }
    out.extend_from_slice(bytes);
}

/// Container headers: the short form's base, and the 16- and 32-bit forms' markers.
fn pack_header(len: usize, short: u8, wide: u8, out: &mut Vec<u8>) {
    if len < 16 {
        out.push(short | len as u8);
    } else if len <= 0xffff {
        out.push(wide);
        out.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        out.push(wide + 1);
        out.extend_from_slice(&(len as u32).to_be_bytes());
    }
}

fn pack_table(table: &Table, level: usize, out: &mut Vec<u8>) -> mlua::Result<()> {
    let pairs: Vec<(Value, Value)> = table.pairs::<Value, Value>().collect::<mlua::Result<_>>()?;
    // An array: every key a positive whole number (as a C int), and as many keys as the
    // largest.
    let mut max = 0.0f64;
    let is_array = pairs.iter().all(|(key, _)| {
        let n = match key {
            Value::Integer(n) => *n as f64,
            Value::Number(n) => *n,
            _ => return false,
        };
        let whole = n > 0.0 && n <= f64::from(i32::MAX) && n == n.trunc();
        max = max.max(n);
        whole
    }) && max == pairs.len() as f64;
    if is_array {
        pack_header(pairs.len(), 0x90, 0xdc, out);
        for index in 1..=pairs.len() {
            pack_value(&table.raw_get::<Value>(index)?, level + 1, out)?;
        }
    } else {
        pack_header(pairs.len(), 0x80, 0xde, out);
        for (key, value) in &pairs {
            pack_value(key, level + 1, out)?;
            pack_value(value, level + 1, out)?;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unpack {
    All,
    One,
    Limit,
}

/// `unpack(s)`: every value; `unpack_one(s [, offset])` and `unpack_limit(s, limit [,
/// offset])`: the offset of the next value (-1 at the end) before the values read.
fn unpack(lua: &Lua, name: &str, kind: Unpack, args: &MultiValue) -> Result<MultiValue, String> {
    let input = args.front().and_then(lua_string_bytes).ok_or_else(|| {
        format!(
            "bad argument #1 to '{name}' (string expected, got {})",
            lua_type_name(args.front())
        )
    })?;
    let integer = |at: usize, default: Option<i64>| -> Result<i64, String> {
        let value = args.get(at);
        let integer = match value {
            Some(Value::Integer(n)) => Some(*n),
            Some(Value::Number(n)) => Some(*n as i64),
            Some(Value::String(text)) => crate::store::number::parse_i64(&text.as_bytes()),
            None | Some(Value::Nil) => default,
            _ => None,
        };
        integer.ok_or_else(|| {
            format!(
                "bad argument #{} to '{name}' (number expected, got {})",
                at + 1,
                lua_type_name(value)
            )
        })
    };
    let (limit, offset) = match kind {
        Unpack::All => (0, 0),
        Unpack::One => (1, integer(1, Some(0))?),
        Unpack::Limit => (integer(1, None)?, integer(2, Some(0))?),
    };
    let len = input.len() as i64;
    if offset < 0 || limit < 0 {
        // lua-cmsgpack prints the input's length as the limit.
        return Err(format!(
            "Invalid request to unpack with offset of {offset} and limit of {len}."
        ));
    }
    if offset > len {
        return Err(format!(
            "Start offset {offset} greater than input length {len}."
        ));
    }
    let decode_all = limit == 0 && offset == 0;
    let mut cursor = Cursor {
        bytes: &input,
        at: offset as usize,
    };
    let mut values = Vec::new();
    while cursor.at < input.len() && (decode_all || (values.len() as i64) < limit) {
        match cursor.value(lua, 0) {
            Ok(value) => values.push(value),
            Err(Decode::Missing) => return Err("Missing bytes in input.".into()),
            Err(Decode::Bad) => return Err("Bad data format in input.".into()),
            Err(Decode::Lua(error)) => return Err(error.to_string()),
        }
    }
    if !decode_all {
        let next = if cursor.at >= input.len() {
            -1
        } else {
            cursor.at as i64
        };
        values.insert(0, Value::Number(next as f64));
    }
    Ok(MultiValue::from_iter(values))
}

enum Decode {
    Missing,
    Bad,
    Lua(mlua::Error),
}

impl From<mlua::Error> for Decode {
    fn from(error: mlua::Error) -> Decode {
        Decode::Lua(error)
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, count: usize) -> Result<&[u8], Decode> {
        let end = self.at.checked_add(count).ok_or(Decode::Missing)?;
        let taken = self.bytes.get(self.at..end).ok_or(Decode::Missing)?;
        self.at = end;
        Ok(taken)
    }

    fn uint(&mut self, width: usize) -> Result<u64, Decode> {
        let bytes = self.take(width)?;
        Ok(bytes
            .iter()
            .fold(0u64, |n, byte| (n << 8) | u64::from(*byte)))
    }

    fn int(&mut self, width: usize) -> Result<i64, Decode> {
        let raw = self.uint(width)?;
        let shift = 64 - 8 * width as u32;
        Ok(((raw << shift) as i64) >> shift)
    }

    fn value(&mut self, lua: &Lua, depth: usize) -> Result<Value, Decode> {
        let marker = self.take(1)?[0];
        let number = |n: f64| Ok(Value::Number(n));
        match marker {
            0x00..=0x7f => number(f64::from(marker)),
            0xe0..=0xff => number(f64::from(marker as i8)),
            0xcc => number(self.uint(1)? as f64),
            0xcd => number(self.uint(2)? as f64),
            0xce => number(self.uint(4)? as f64),
            0xcf => number(self.uint(8)? as f64),
            0xd0 => number(self.int(1)? as f64),
            0xd1 => number(self.int(2)? as f64),
            0xd2 => number(self.int(4)? as f64),
            0xd3 => number(self.int(8)? as f64),
            0xca => {
                let bits = self.uint(4)? as u32;
                number(f64::from(f32::from_bits(bits)))
            }
            0xcb => number(f64::from_bits(self.uint(8)?)),
            0xc0 => Ok(Value::Nil),
            0xc2 => Ok(Value::Boolean(false)),
            0xc3 => Ok(Value::Boolean(true)),
            0xa0..=0xbf => self.string(lua, usize::from(marker & 0x1f)),
            0xd9 => {
                let len = self.uint(1)? as usize;
                self.string(lua, len)
            }
            0xda => {
                let len = self.uint(2)? as usize;
                self.string(lua, len)
            }
            0xdb => {
                let len = self.uint(4)? as usize;
                self.string(lua, len)
            }
            0x90..=0x9f => self.array(lua, usize::from(marker & 0x0f), depth),
            0xdc => {
                let len = self.uint(2)? as usize;
                self.array(lua, len, depth)
            }
            0xdd => {
                let len = self.uint(4)? as usize;
                self.array(lua, len, depth)
            }
            0x80..=0x8f => self.map(lua, usize::from(marker & 0x0f), depth),
            0xde => {
                let len = self.uint(2)? as usize;
                self.map(lua, len, depth)
            }
            0xdf => {
                let len = self.uint(4)? as usize;
                self.map(lua, len, depth)
            }
            _ => Err(Decode::Bad),
        }
    }

    fn string(&mut self, lua: &Lua, len: usize) -> Result<Value, Decode> {
        let bytes = self.take(len)?;
        Ok(Value::String(lua.create_string(bytes)?))
    }

    fn array(&mut self, lua: &Lua, len: usize, depth: usize) -> Result<Value, Decode> {
        self.container(lua, len, depth, false)
    }

    fn map(&mut self, lua: &Lua, len: usize, depth: usize) -> Result<Value, Decode> {
        self.container(lua, len, depth, true)
    }

    /// An array (values at 1..len) or a map (`len` key-value pairs).
    fn container(
        &mut self,
        lua: &Lua,
        len: usize,
        depth: usize,
        map: bool,
    ) -> Result<Value, Decode> {
        if depth >= MAX_UNPACK_DEPTH {
            return Err(Decode::Bad);
        }
        let table = lua.create_table()?;
        for index in 1..=len {
            let key = if map {
                self.value(lua, depth + 1)?
            } else {
                Value::Number(index as f64)
            };
            let value = self.value(lua, depth + 1)?;
            table.raw_set(key, value)?;
        }
        Ok(Value::Table(table))
    }
}
