//! Roberto Ierusalimschy's `struct` library as redis-server 7.0 bundles it for scripts:
//! `struct.pack`, `struct.unpack` and `struct.size`, written from its documented format
//! and checked against redis-server's output.
//!
//! A format is a sequence of options: `>` / `<` (big / little endian; little until
//! told), `!n` (align numbers to `n` bytes, 8 without `n`), `x` (a zero byte),
//! `b` / `B` (signed / unsigned char), `h` / `H` (short), `l` / `L` (long, 8 bytes), `T`
//! (size_t), `i` / `I` and a size (int, 4 bytes by default, up to 32), `f` / `d` (float,
//! double), `cn` (n characters; in pack `c0` takes the whole string, in unpack the count
//! unpacked just before it), `s` (a zero-terminated string); spaces are ignored.

use mlua::{Lua, MultiValue, Table, Value};

use super::convert::{lua_string_bytes, lua_type_name};
use super::script_error;

/// The alignment `!` sets without a number (the platform's largest, as the C library
/// computes it).
const MAX_ALIGN: usize = 8;
/// The largest `i` / `I` size.
const MAX_INT_SIZE: usize = 32;

/// The `struct` table.
pub(super) fn library(lua: &Lua, hidden: &Table) -> mlua::Result<Table> {
    let library = lua.create_table()?;
    let raising = hidden.clone();
    let pack = lua.create_function(move |lua, args: MultiValue| {
        pack(lua, &args).map_err(|text| script_error(lua, &raising, &text))
    })?;
    let raising = hidden.clone();
    let unpack = lua.create_function(move |lua, args: MultiValue| {
        unpack(lua, &args).map_err(|text| script_error(lua, &raising, &text))
    })?;
    let raising = hidden.clone();
    let size = lua.create_function(move |lua, args: MultiValue| {
        size(&args).map_err(|text| script_error(lua, &raising, &text))
    })?;
    library.raw_set("pack", pack)?;
    library.raw_set("unpack", unpack)?;
    library.raw_set("size", size)?;
    Ok(library)
}

/// One option of a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Pad,
    Integer {
        size: usize,
        signed: bool,
    },
    Float,
    Double,
    Chars(usize),
    String,
    /// A letter or digit that is no option: `size` counts it as nothing, `pack` and
    /// `unpack` refuse it (as the C library does).
    Unknown(u8),
}

impl Item {
    fn size(self) -> usize {
        match self {
            Item::Pad => 1,
            Item::Integer { size, .. } => size,
            Item::Float => 4,
            Item::Double => 8,
            Item::Chars(count) => count,
            Item::String | Item::Unknown(_) => 0,
        }
    }
}

/// Walks a format: its items with the endianness and alignment in force at each.
struct Format<'a> {
    text: &'a [u8],
    at: usize,
    little: bool,
    align: usize,
}

impl<'a> Format<'a> {
    fn new(text: &'a [u8]) -> Format<'a> {
        Format {
            text,
            at: 0,
            little: true,
            align: 1,
        }
    }

    /// A number right after an option, or `default`.
    fn number(&mut self, default: usize) -> Result<usize, String> {
        if !self.text.get(self.at).is_some_and(u8::is_ascii_digit) {
            return Ok(default);
        }
        let mut value: usize = 0;
        while let Some(digit) = self.text.get(self.at).filter(|b| b.is_ascii_digit()) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(usize::from(digit - b'0')))
                .filter(|v| *v <= i32::MAX as usize)
                .ok_or("integral size overflow")?;
            self.at += 1;
        }
        Ok(value)
    }

    /// The next item, or `None` at the end; `function` names the caller in errors.
    fn next(&mut self, function: &str) -> Result<Option<Item>, String> {
        match self.next_item(function)? {
            Some(Item::Unknown(option)) if function != "size" => Err(invalid(function, option)),
            item => Ok(item),
        }
    }

    fn next_item(&mut self, function: &str) -> Result<Option<Item>, String> {
        while let Some(&option) = self.text.get(self.at) {
            self.at += 1;
            let item = match option {
                b' ' => continue,
                b'>' => {
                    self.little = false;
                    continue;
                }
                b'<' => {
                    self.little = true;
                    continue;
                }
                b'!' => {
                    let align = self.number(MAX_ALIGN)?;
                    if !align.is_power_of_two() {
                        return Err(format!("alignment {align} is not a power of 2"));
                    }
                    self.align = align;
                    continue;
                }
                b'x' => Item::Pad,
                b'b' => integer(1, true),
                b'B' => integer(1, false),
                b'h' => integer(2, true),
                b'H' => integer(2, false),
                b'l' => integer(8, true),
                b'L' | b'T' => integer(8, false),
                b'i' | b'I' => {
                    let size = self.number(4)?;
                    if size > MAX_INT_SIZE {
                        return Err(format!(
                            "integral size {size} is larger than limit of {MAX_INT_SIZE}"
                        ));
                    }
                    Item::Integer {
                        size,
                        signed: option == b'i',
                    }
                }
                b'f' => Item::Float,
                b'd' => Item::Double,
                b'c' => Item::Chars(self.number(1)?),
                b's' => Item::String,
                other if other.is_ascii_alphanumeric() => Item::Unknown(other),
                other => return Err(invalid(function, other)),
            };
            return Ok(Some(item));
        }
        Ok(None)
    }

    /// Padding before an item at offset `len`: numbers align to their size, up to the
    /// alignment in force.
    fn padding(&self, len: usize, item: Item) -> usize {
        let size = item.size();
        if size == 0 || matches!(item, Item::Chars(_)) {
            return 0;
        }
        let size = size.min(self.align);
        (size - (len & (size - 1))) & (size - 1)
    }
}

const fn integer(size: usize, signed: bool) -> Item {
    Item::Integer { size, signed }
}

fn invalid(function: &str, option: u8) -> String {
    format!(
        "bad argument #1 to '{function}' (invalid format option '{}')",
        char::from(option)
    )
}

fn format_arg(args: &MultiValue, function: &str) -> Result<Vec<u8>, String> {
    let format = args.front();
    format
        .and_then(lua_string_bytes)
        .ok_or_else(|| expected(function, 0, "string", format))
}

/// `bad argument #n to 'function' (<what> expected, got <type>)`. In `pack` a missing
/// argument past the format reads as nil (the C library's buffer sits on the stack above
/// the arguments), elsewhere as no value.
fn expected(function: &str, at: usize, what: &str, value: Option<&Value>) -> String {
    let got = match value {
        None if function == "pack" && at > 0 => "nil",
        other => lua_type_name(other),
    };
    format!(
        "bad argument #{} to '{function}' ({what} expected, got {got})",
        at + 1
    )
}

fn number_arg(args: &MultiValue, at: usize, function: &str) -> Result<f64, String> {
    let value = args.get(at);
    let number = match value {
        Some(Value::Integer(n)) => Some(*n as f64),
        Some(Value::Number(n)) => Some(*n),
        Some(Value::String(text)) => crate::store::double::parse_lenient(&text.as_bytes()),
        _ => None,
    };
    number.ok_or_else(|| expected(function, at, "number", value))
}

fn string_arg(args: &MultiValue, at: usize, function: &str) -> Result<Vec<u8>, String> {
    let value = args.get(at);
    value
        .and_then(lua_string_bytes)
        .ok_or_else(|| expected(function, at, "string", value))
}

/// An integer of `size` bytes in the chosen order; past 8 bytes, zeros (the C library
/// shifts a `long` out, whatever its sign).
fn put_integer(out: &mut Vec<u8>, value: f64, size: usize, little: bool) {
    // The C library converts a negative number to `long`, any other to `unsigned long`
    // (both truncate toward zero; out-of-range values wrap as on x86-64).
    let bits: u64 = if value < 0.0 {
        value as i64 as u64
    } else {
        value as u64
    };
    let mut bytes: Vec<u8> = (0..size)
        .map(|index| {
            if index < 8 {
                (bits >> (8 * index)) as u8
            } else {
                0
            }
        })
        .collect();
    if !little {
        bytes.reverse();
    }
    out.extend_from_slice(&bytes);
}

fn get_integer(bytes: &[u8], signed: bool, little: bool) -> f64 {
    let mut value: u64 = 0;
    let ordered: Vec<u8> = if little {
        bytes.iter().rev().copied().collect()
    } else {
        bytes.to_vec()
    };
    for byte in ordered {
        value = (value << 8) | u64::from(byte);
    }
    let size = bytes.len();
    if signed && size > 0 && size < 8 {
        let shift = 64 - 8 * size as u32;
        ((value << shift) as i64 >> shift) as f64
    } else if signed {
        value as i64 as f64
    } else {
        value as f64
    }
}

fn pack(lua: &Lua, args: &MultiValue) -> Result<mlua::LuaString, String> {
    let text = format_arg(args, "pack")?;
    let mut format = Format::new(&text);
    let mut out = Vec::new();
    let mut arg = 1;
    while let Some(item) = format.next("pack")? {
        let padding = format.padding(out.len(), item);
        out.resize(out.len() + padding, 0);
        match item {
            Item::Pad => out.push(0),
            Item::Unknown(_) => {} // refused by `Format::next`
            Item::Integer { size, .. } => {
                let value = number_arg(args, arg, "pack")?;
                arg += 1;
                put_integer(&mut out, value, size, format.little);
            }
            Item::Float => {
                let value = number_arg(args, arg, "pack")? as f32;
                arg += 1;
                let bytes = if format.little {
                    value.to_le_bytes()
                } else {
                    value.to_be_bytes()
                };
                out.extend_from_slice(&bytes);
            }
            Item::Double => {
                let value = number_arg(args, arg, "pack")?;
                arg += 1;
                let bytes = if format.little {
                    value.to_le_bytes()
                } else {
                    value.to_be_bytes()
                };
                out.extend_from_slice(&bytes);
            }
            Item::Chars(count) => {
                let string = string_arg(args, arg, "pack")?;
                arg += 1;
                let count = if count == 0 { string.len() } else { count };
                if string.len() < count {
                    // The C library names the argument after the string (it counted on).
                    let next = arg + 1;
                    return Err(format!("bad argument #{next} to 'pack' (string too short)"));
                }
                out.extend_from_slice(&string[..count]);
            }
            Item::String => {
                // The whole string and a zero, zeros inside it included.
                let string = string_arg(args, arg, "pack")?;
                arg += 1;
                out.extend_from_slice(&string);
                out.push(0);
            }
        }
    }
    lua.create_string(&out).map_err(|error| error.to_string())
}

fn unpack(lua: &Lua, args: &MultiValue) -> Result<MultiValue, String> {
    let text = format_arg(args, "unpack")?;
    let data = string_arg(args, 1, "unpack")?;
    let start = match args.get(2) {
        None | Some(Value::Nil) => 1.0,
        Some(_) => number_arg(args, 2, "unpack")?,
    };
    let mut pos = (start as i64 - 1).max(0) as usize;
    let too_short = || "bad argument #2 to 'unpack' (data string too short)".to_string();
    let mut format = Format::new(&text);
    let mut values: Vec<Value> = Vec::new();
    while let Some(item) = format.next("unpack")? {
        pos = pos.saturating_add(format.padding(pos, item));
        let fixed = item.size();
        let fits = pos.checked_add(fixed).is_some_and(|end| end <= data.len());
        if !matches!(item, Item::String | Item::Chars(0)) && !fits {
            return Err(too_short());
        }
        match item {
            Item::Pad | Item::Unknown(_) => {} // an unknown option is refused by `next`
            Item::Integer { size, signed } => {
                let value = get_integer(&data[pos..pos + size], signed, format.little);
                values.push(Value::Number(value));
            }
            Item::Float => {
                let bytes: [u8; 4] = data[pos..pos + 4].try_into().map_err(|_| too_short())?;
                let value = if format.little {
                    f32::from_le_bytes(bytes)
                } else {
                    f32::from_be_bytes(bytes)
                };
                values.push(Value::Number(f64::from(value)));
            }
            Item::Double => {
                let bytes: [u8; 8] = data[pos..pos + 8].try_into().map_err(|_| too_short())?;
                let value = if format.little {
                    f64::from_le_bytes(bytes)
                } else {
                    f64::from_be_bytes(bytes)
                };
                values.push(Value::Number(value));
            }
            Item::Chars(count) => {
                let count = if count == 0 {
                    // The size is the number unpacked just before.
                    // Lua's `lua_isnumber`: a number, or a string that reads as one.
                    let size = match values.pop() {
                        Some(Value::Number(size)) => Some(size),
                        Some(Value::String(text)) => {
                            crate::store::double::parse_lenient(&text.as_bytes())
                        }
                        _ => None,
                    };
                    let Some(size) = size else {
                        return Err("format 'c0' needs a previous size".into());
                    };
                    let size = size as usize;
                    if pos.checked_add(size).is_none_or(|end| end > data.len()) {
                        return Err(too_short());
                    }
                    size
                } else {
                    count
                };
                let chars = lua
                    .create_string(&data[pos..pos + count])
                    .map_err(|e| e.to_string())?;
                values.push(Value::String(chars));
                pos += count;
                continue;
            }
            Item::String => {
                let Some(end) = data
                    .get(pos..)
                    .and_then(|rest| rest.iter().position(|b| *b == 0))
                else {
                    return Err("unfinished string in data".into());
                };
                let string = lua
                    .create_string(&data[pos..pos + end])
                    .map_err(|e| e.to_string())?;
                values.push(Value::String(string));
                pos += end + 1;
                continue;
            }
        }
        pos += fixed;
    }
    values.push(Value::Number((pos + 1) as f64));
    Ok(MultiValue::from_iter(values))
}

fn size(args: &MultiValue) -> Result<Value, String> {
    let text = format_arg(args, "size")?;
    let mut format = Format::new(&text);
    let mut total = 0usize;
    while let Some(item) = format.next("size")? {
        let name = match item {
            Item::String => Some("s"),
            Item::Chars(0) => Some("c0"),
            _ => None,
        };
        if let Some(name) = name {
            return Err(format!(
                "bad argument #1 to 'size' (option '{name}' has no fixed size)"
            ));
        }
        total += format.padding(total, item) + item.size();
    }
    Ok(Value::Number(total as f64))
}
