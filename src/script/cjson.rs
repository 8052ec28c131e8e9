//! lua-cjson's `cjson` library as redis-server bundles it for scripts: `cjson.encode`,
//! `cjson.decode` and `cjson.null`, with its default settings (numbers as `%.14g`, `/`
//! escaped, sparse arrays refused past a ratio of 2 beyond index 10, hex / inf / nan
//! numbers decoded) and its error texts.

use mlua::{LightUserData, Lua, MultiValue, Table, Value};

use super::convert::lua_number_text;
use super::{script_error, SCRIPT_NULL};
use crate::reply::format_general;
use crate::store::double::strtod_prefix;

/// Deepest nesting either direction accepts (lua-cjson's default 1000).
const MAX_DEPTH: usize = 1000;

/// The `cjson` table.
pub(super) fn library(lua: &Lua, hidden: &Table) -> mlua::Result<Table> {
    let cjson = lua.create_table()?;
    let raising = hidden.clone();
    let encode = lua.create_function(move |lua, args: MultiValue| {
        if args.len() != 1 {
            let text = "bad argument #1 to 'encode' (expected 1 argument)";
            return Err(script_error(lua, &raising, text));
        }
        let mut out = Vec::new();
        match encode_value(args.front().unwrap_or(&Value::Nil), 0, &mut out) {
            Ok(()) => lua.create_string(&out),
            Err(text) => Err(script_error(lua, &raising, &text)),
        }
    })?;
    let raising = hidden.clone();
    let decode = lua.create_function(move |lua, args: MultiValue| {
        let text = match args.iter().collect::<Vec<_>>()[..] {
            [Value::String(text)] => text.as_bytes().to_vec(),
            [number @ (Value::Integer(_) | Value::Number(_))] => {
                lua_number_text(number).unwrap_or_default().into_bytes()
            }
            [other] => {
                let text = format!(
                    "bad argument #1 to 'decode' (string expected, got {})",
                    other.type_name()
                );
                return Err(script_error(lua, &raising, &text));
            }
            _ => {
                let text = "bad argument #1 to 'decode' (expected 1 argument)";
                return Err(script_error(lua, &raising, text));
            }
        };
        if text.len() >= 2 && (text[0] == 0 || text[1] == 0) {
            let message = "JSON parser does not support UTF-16 or UTF-32";
            return Err(script_error(lua, &raising, message));
        }
        // A C string: the text ends at its first NUL.
        let text = text.split(|byte| *byte == 0).next().unwrap_or_default();
        let mut parser = Parser { text, at: 0, lua };
        match parser.document() {
            Ok(value) => Ok(value),
            Err(Failure::Lua(error)) => Err(error),
            Err(Failure::Json(text)) => Err(script_error(lua, &raising, &text)),
        }
    })?;
    cjson.raw_set("encode", encode)?;
    cjson.raw_set("decode", decode)?;
    cjson.raw_set("null", SCRIPT_NULL)?;
    Ok(cjson)
}

fn encode_value(value: &Value, depth: usize, out: &mut Vec<u8>) -> Result<(), String> {
    match value {
        Value::Nil => out.extend_from_slice(b"null"),
        Value::LightUserData(LightUserData(pointer)) if pointer.is_null() => {
            out.extend_from_slice(b"null")
        }
        Value::Boolean(true) => out.extend_from_slice(b"true"),
        Value::Boolean(false) => out.extend_from_slice(b"false"),
        Value::Integer(n) => encode_number(*n as f64, out)?,
        Value::Number(n) => encode_number(*n, out)?,
        Value::String(text) => encode_string(&text.as_bytes(), out),
        Value::Table(table) => encode_table(table, depth + 1, out)?,
        other => {
            return Err(format!(
                "Cannot serialise {}: type not supported",
                other.type_name()
            ))
        }
    }
    Ok(())
}

fn encode_number(number: f64, out: &mut Vec<u8>) -> Result<(), String> {
    if !number.is_finite() {
        return Err("Cannot serialise number: must not be NaN or Inf".to_string());
    }
    out.extend_from_slice(format_general(number, 14).as_bytes());
    Ok(())
}

fn encode_string(text: &[u8], out: &mut Vec<u8>) {
    out.push(b'"');
    for &byte in text {
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'/' => out.extend_from_slice(b"\\/"),
            b'\x08' => out.extend_from_slice(b"\\b"),
            b'\x0c' => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0..=0x1f | 0x7f => out.extend_from_slice(format!("\\u{byte:04x}").as_bytes()),
            _ => out.push(byte),
        }
    }
    out.push(b'"');
}

/// lua-cjson's `lua_array_length`: the array length if every key is an integer >= 1 (and
/// the array is not excessively sparse), `None` for an object. Its running maximum is a C
/// `int` assigned from the key (a `double`), so a key past `i32::MAX` makes it `INT_MIN` as
/// x86-64 converts, and the table is then written as an object, as redis-server writes it.
fn array_length(table: &Table) -> Result<Option<usize>, String> {
    let (mut max, mut items) = (0i32, 0i32);
    for pair in table.pairs::<Value, Value>() {
        let Ok((key, _)) = pair else {
            return Ok(None);
        };
        let number = match key {
            Value::Integer(n) => n as f64,
            Value::Number(n) => n,
            _ => return Ok(None),
        };
        if number < 1.0 || number.floor() != number {
            return Ok(None);
        }
        if number > f64::from(max) {
            max = c_int(number);
        }
        items = items.wrapping_add(1);
    }
    if max > items.wrapping_mul(2) && max > 10 {
        return Err("Cannot serialise table: excessively sparse array".to_string());
    }
    Ok(usize::try_from(max).ok().filter(|&length| length > 0))
}

/// C's `(int)` of a double as x86-64 performs it: toward zero, `INT_MIN` when out of range.
fn c_int(number: f64) -> i32 {
    if (-2_147_483_648.0..2_147_483_648.0).contains(&number) {
        number as i32
    } else {
        i32::MIN
    }
}

fn encode_table(table: &Table, depth: usize, out: &mut Vec<u8>) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("Cannot serialise, excessive nesting ({depth})"));
    }
    if let Some(length) = array_length(table)? {
        out.push(b'[');
        for index in 1..=length {
            if index > 1 {
                out.push(b',');
            }
            let item = table.raw_get::<Value>(index).unwrap_or(Value::Nil);
            encode_value(&item, depth, out)?;
        }
        out.push(b']');
        return Ok(());
    }
    out.push(b'{');
    let mut first = true;
    for pair in table.pairs::<Value, Value>() {
        let Ok((key, value)) = pair else { continue };
        if !first {
            out.push(b',');
        }
        first = false;
        match &key {
            Value::String(text) => encode_string(&text.as_bytes(), out),
            Value::Integer(_) | Value::Number(_) => {
                let number = match key {
                    Value::Integer(n) => n as f64,
                    Value::Number(n) => n,
                    _ => 0.0,
                };
                let mut digits = Vec::new();
                encode_number(number, &mut digits)?;
                encode_string(&digits, out);
            }
            other => {
                return Err(format!(
                    "Cannot serialise {}: table key must be a number or string",
                    other.type_name()
                ))
            }
        }
        out.push(b':');
        encode_value(&value, depth, out)?;
    }
    out.push(b'}');
    Ok(())
}

/// Why decoding stopped: the text's fault (lua-cjson's message), or Lua's.
enum Failure {
    Json(String),
    Lua(mlua::Error),
}

impl From<mlua::Error> for Failure {
    fn from(error: mlua::Error) -> Failure {
        Failure::Lua(error)
    }
}

/// A token, as lua-cjson names them in its errors.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    ObjectBegin,
    ObjectEnd,
    ArrayBegin,
    ArrayEnd,
    String,
    Number(f64),
    Boolean(bool),
    Null,
    Colon,
    Comma,
    End,
    /// An invalid token: lua-cjson's description of it.
    Error(&'static str),
}

impl Token {
    fn name(self) -> &'static str {
        match self {
            Token::ObjectBegin => "T_OBJ_BEGIN",
            Token::ObjectEnd => "T_OBJ_END",
            Token::ArrayBegin => "T_ARR_BEGIN",
            Token::ArrayEnd => "T_ARR_END",
            Token::String => "T_STRING",
            Token::Number(_) => "T_NUMBER",
            Token::Boolean(_) => "T_BOOLEAN",
            Token::Null => "T_NULL",
            Token::Colon => "T_COLON",
            Token::Comma => "T_COMMA",
            Token::End => "T_END",
            Token::Error(what) => what,
        }
    }
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    lua: &'a Lua,
}

impl Parser<'_> {
    fn document(&mut self) -> Result<Value, Failure> {
        let (token, start, string) = self.next()?;
        let value = self.value(token, start, string, 0)?;
        let (token, start, _) = self.next()?;
        if token != Token::End {
            return Err(expected("the end", token, start));
        }
        Ok(value)
    }

    fn value(
        &mut self,
        token: Token,
        start: usize,
        string: Option<Vec<u8>>,
        depth: usize,
    ) -> Result<Value, Failure> {
        Ok(match token {
            Token::String => Value::String(self.lua.create_string(string.unwrap_or_default())?),
            Token::Number(number) => Value::Number(number),
            Token::Boolean(value) => Value::Boolean(value),
            Token::Null => SCRIPT_NULL,
            Token::ObjectBegin => self.object(depth + 1, start)?,
            Token::ArrayBegin => self.array(depth + 1, start)?,
            other => return Err(expected("value", other, start)),
        })
    }

    fn nested(&self, depth: usize, start: usize) -> Result<(), Failure> {
        if depth > MAX_DEPTH {
            return Err(Failure::Json(format!(
                "Found too many nested data structures ({depth}) at character {}",
                start + 1
            )));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize, start: usize) -> Result<Value, Failure> {
        self.nested(depth, start)?;
        let table = self.lua.create_table()?;
        let (mut token, mut at, mut string) = self.next()?;
        if token == Token::ArrayEnd {
            return Ok(Value::Table(table));
        }
        for index in 1.. {
            let item = self.value(token, at, string, depth)?;
            table.raw_set(index, item)?;
            let (separator, where_, _) = self.next()?;
            match separator {
                Token::ArrayEnd => break,
                Token::Comma => {}
                other => return Err(expected("comma or array end", other, where_)),
            }
            (token, at, string) = self.next()?;
        }
        Ok(Value::Table(table))
    }

    fn object(&mut self, depth: usize, start: usize) -> Result<Value, Failure> {
        self.nested(depth, start)?;
        let table = self.lua.create_table()?;
        let (mut token, mut at, mut string) = self.next()?;
        if token == Token::ObjectEnd {
            return Ok(Value::Table(table));
        }
        loop {
            if token != Token::String {
                return Err(expected("object key string", token, at));
            }
            let key = self.lua.create_string(string.unwrap_or_default())?;
            let (colon, where_, _) = self.next()?;
            if colon != Token::Colon {
                return Err(expected("colon", colon, where_));
            }
            let (token_v, at_v, string_v) = self.next()?;
            let value = self.value(token_v, at_v, string_v, depth)?;
            table.raw_set(key, value)?;
            let (separator, where_, _) = self.next()?;
            match separator {
                Token::ObjectEnd => break,
                Token::Comma => {}
                other => return Err(expected("comma or object end", other, where_)),
            }
            (token, at, string) = self.next()?;
        }
        Ok(Value::Table(table))
    }

    /// The next token, where it starts, and a string token's bytes.
    fn next(&mut self) -> Result<(Token, usize, Option<Vec<u8>>), Failure> {
        while self
            .text
            .get(self.at)
            .is_some_and(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
        let start = self.at;
        let Some(&byte) = self.text.get(self.at) else {
            return Ok((Token::End, start, None));
        };
        let single = match byte {
            b'{' => Some(Token::ObjectBegin),
            b'}' => Some(Token::ObjectEnd),
            b'[' => Some(Token::ArrayBegin),
            b']' => Some(Token::ArrayEnd),
            b':' => Some(Token::Colon),
            b',' => Some(Token::Comma),
            _ => None,
        };
        if let Some(token) = single {
            self.at += 1;
            return Ok((token, start, None));
        }
        let rest = &self.text[self.at..];
        if byte == b'"' {
            return Ok(match self.string() {
                Ok(bytes) => (Token::String, start, Some(bytes)),
                // lua-cjson reports where in the string it gave up.
                Err((what, at)) => (Token::Error(what), at, None),
            });
        }
        let number_like = byte == b'-' || byte.is_ascii_digit();
        for (word, token) in [
            (&b"true"[..], Token::Boolean(true)),
            (b"false", Token::Boolean(false)),
            (b"null", Token::Null),
        ] {
            if !number_like && rest.starts_with(word) {
                self.at += word.len();
                return Ok((token, start, None));
            }
        }
        // Numbers, including what lua-cjson's invalid-number mode admits (hex, inf, nan).
        let invalid_number = rest.first() == Some(&b'+') || {
            let body = rest.strip_prefix(b"-").unwrap_or(rest);
            let starts = |word: &[u8]| {
                body.len() >= word.len() && body[..word.len()].eq_ignore_ascii_case(word)
            };
            starts(b"0x") || starts(b"inf") || starts(b"nan")
        };
        if number_like || invalid_number {
            return Ok(match strtod_prefix(rest) {
                Some((number, length)) => {
                    self.at += length;
                    (Token::Number(number), start, None)
                }
                None => (Token::Error("invalid number"), start, None),
            });
        }
        Ok((Token::Error("invalid token"), start, None))
    }

    /// A string token after its opening quote: its bytes, escapes decoded; or what is wrong
    /// and where (the end of the text, or the backslash of a bad escape).
    fn string(&mut self) -> Result<Vec<u8>, (&'static str, usize)> {
        let mut out = Vec::new();
        self.at += 1;
        loop {
            let Some(&byte) = self.text.get(self.at) else {
                return Err(("unexpected end of string", self.at));
            };
            let backslash = self.at;
            self.at += 1;
            match byte {
                b'"' => return Ok(out),
                b'\\' => {
                    let Some(&escape) = self.text.get(self.at) else {
                        return Err(("unexpected end of string", self.at));
                    };
                    self.at += 1;
                    match escape {
                        b'"' | b'\\' | b'/' => out.push(escape),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => self.unicode(&mut out).map_err(|what| (what, backslash))?,
                        _ => return Err(("invalid escape code", backslash)),
                    }
                }
                _ => out.push(byte),
            }
        }
    }

    /// `\uXXXX` (a surrogate pair as two), appended as UTF-8.
    fn unicode(&mut self, out: &mut Vec<u8>) -> Result<(), &'static str> {
        let high = self.hex4().ok_or("invalid unicode escape code")?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if self.text.get(self.at..self.at + 2) != Some(&b"\\u"[..]) {
                return Err("invalid unicode escape code");
            }
            self.at += 2;
            let low = self.hex4().ok_or("invalid unicode escape code")?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err("invalid unicode escape code");
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..0xE000).contains(&high) {
            return Err("invalid unicode escape code");
        } else {
            high
        };
        let character = char::from_u32(code).ok_or("invalid unicode escape code")?;
        let mut buffer = [0; 4];
        out.extend_from_slice(character.encode_utf8(&mut buffer).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        let value = u32::from_str_radix(text, 16).ok()?;
        self.at += 4;
        Some(value)
    }
}

fn expected(what: &str, found: Token, at: usize) -> Failure {
    Failure::Json(format!(
        "Expected {what} but found {} at character {}",
        found.name(),
        at + 1
    ))
}
