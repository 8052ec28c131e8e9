//! LuaBitOp's `bit` library, which redis-server bundles for scripts: 32-bit integer
//! operations on Lua numbers (`bit.band`, `bit.bor`, `bit.bxor`, `bit.bnot`, the shifts
//! and rotations, `bit.bswap`, `bit.tobit`, `bit.tohex`), with its argument errors.

use mlua::{Lua, MultiValue, Table, Value};

use super::script_error;

/// The `bit` table.
pub(super) fn library(lua: &Lua, hidden: &Table) -> mlua::Result<Table> {
    let bit = lua.create_table()?;
    let ops: [(&'static str, Op); 12] = [
        ("tobit", Op::Unary(|x| x)),
        ("bnot", Op::Unary(|x| !x)),
        ("bswap", Op::Unary(i32::swap_bytes)),
        ("band", Op::Fold(|a, b| a & b)),
        ("bor", Op::Fold(|a, b| a | b)),
        ("bxor", Op::Fold(|a, b| a ^ b)),
        ("lshift", Op::Shift(|x, n| ((x as u32) << n) as i32)),
        ("rshift", Op::Shift(|x, n| ((x as u32) >> n) as i32)),
        ("arshift", Op::Shift(|x, n| x >> n)),
        ("rol", Op::Shift(|x, n| (x as u32).rotate_left(n) as i32)),
        ("ror", Op::Shift(|x, n| (x as u32).rotate_right(n) as i32)),
        ("tohex", Op::Hex),
    ];
    for (name, op) in ops {
        let hidden = hidden.clone();
        let function = lua.create_function(move |lua, args: MultiValue| {
            let args: Vec<Value> = args.into_iter().collect();
            let arg = |index: usize| argument(lua, &hidden, &args, index, name);
            Ok(match op {
                Op::Unary(f) => number(f(arg(0)?)),
                Op::Fold(f) => {
                    let mut acc = arg(0)?;
                    for index in 1..args.len() {
                        acc = f(acc, arg(index)?);
                    }
                    number(acc)
                }
                Op::Shift(f) => {
                    let x = arg(0)?;
                    number(f(x, (arg(1)? & 31) as u32))
                }
                Op::Hex => {
                    let x = arg(0)?;
                    let digits = if args.len() > 1 { arg(1)? } else { 8 };
                    Value::String(lua.create_string(hex(x, digits))?)
                }
            })
        })?;
        bit.raw_set(name, function)?;
    }
    Ok(bit)
}

#[derive(Clone, Copy)]
enum Op {
    Unary(fn(i32) -> i32),
    Fold(fn(i32, i32) -> i32),
    Shift(fn(i32, u32) -> i32),
    Hex,
}

fn number(value: i32) -> Value {
    Value::Number(f64::from(value))
}

/// LuaBitOp's `barg`: a number (or a string Lua converts) normalised to 32 bits the way its
/// C code does, by adding 2⁵² + 2⁵¹ and keeping the low word of the double (round half to
/// even, then modulo 2³²).
fn argument(
    lua: &Lua,
    hidden: &Table,
    args: &[Value],
    index: usize,
    name: &str,
) -> mlua::Result<i32> {
    let value = args.get(index).cloned().unwrap_or(Value::Nil);
    let got = if index >= args.len() {
        "no value"
    } else {
        value.type_name()
    };
    let number = match &value {
        Value::Integer(n) => Some(*n as f64),
        Value::Number(n) => Some(*n),
        Value::String(_) => lua.coerce_number(value.clone())?,
        _ => None,
    };
    let Some(number) = number else {
        let text = format!(
            "bad argument #{} to '{name}' (number expected, got {got})",
            index + 1
        );
        return Err(script_error(lua, hidden, &text));
    };
    Ok((number + 6_755_399_441_055_744.0).to_bits() as u32 as i32)
}

/// `bit.tohex(x, n)`: the low `|n|` hex digits of `x` (at most 8), upper case for a
/// negative `n`.
fn hex(x: i32, digits: i32) -> String {
    let upper = digits < 0;
    let count = digits.unsigned_abs().min(8) as usize;
    let text = format!("{:08x}", x as u32);
    let text = &text[8 - count..];
    if upper {
        text.to_ascii_uppercase()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::hex;

    #[test]
    fn hex_keeps_the_low_digits_in_the_case_asked() {
        assert_eq!(hex(255, 8), "000000ff");
        assert_eq!(hex(-1, 8), "ffffffff");
        assert_eq!(hex(255, -4), "00FF");
        assert_eq!(hex(0x1234, 2), "34");
        assert_eq!(hex(255, 0), "");
        assert_eq!(hex(255, 10), "000000ff");
    }
}
