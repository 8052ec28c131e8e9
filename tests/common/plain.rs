//! Small helpers shared by the append-only-file tests: a seeded generator, and replies as
//! plain data.

use embedis::{Protocol, Reply};

/// A small deterministic generator (xorshift), so a failing seed can be replayed.
pub struct Rng(pub u64);

impl Rng {
    /// A generator for `seed` (any value; zero is mapped away).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A reply as plain data (its RESP2 form), so checks need not know which `Reply` variant a
/// command uses, and replies from redis-server and embedis compare directly.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Str(Vec<u8>),
    Int(i64),
    Nil,
    Err(String),
    Arr(Vec<V>),
}

impl V {
    /// An embedis reply, through its RESP2 bytes.
    pub fn of(reply: &Reply) -> V {
        let bytes = reply.to_resp(Protocol::Resp2);
        let (value, used) = V::parse(&bytes);
        assert_eq!(used, bytes.len(), "one frame");
        value
    }

    /// The RESP2 value at the front of `bytes`, and the bytes it took.
    pub fn parse(bytes: &[u8]) -> (V, usize) {
        let line_end = bytes.windows(2).position(|w| w == b"\r\n").expect("a line");
        let line = String::from_utf8_lossy(&bytes[1..line_end]).into_owned();
        let after = line_end + 2;
        match bytes[0] {
            b'+' => (V::Str(line.into_bytes()), after),
            b'-' => (V::Err(line), after),
            b':' => (V::Int(line.parse().expect("integer")), after),
            b'$' => {
                let len: i64 = line.parse().expect("length");
                if len < 0 {
                    return (V::Nil, after);
                }
                let end = after + len as usize;
                (V::Str(bytes[after..end].to_vec()), end + 2)
            }
            b'*' => {
                let count: i64 = line.parse().expect("count");
                if count < 0 {
                    return (V::Nil, after);
                }
                let mut at = after;
                let mut items = Vec::new();
                for _ in 0..count {
                    let (item, used) = V::parse(&bytes[at..]);
                    items.push(item);
                    at += used;
                }
                (V::Arr(items), at)
            }
            other => panic!("unexpected RESP2 type byte {other}"),
        }
    }

    /// An integer, or a string holding one.
    pub fn int(&self) -> i64 {
        match self {
            V::Int(n) => *n,
            V::Str(s) => String::from_utf8_lossy(s).parse().expect("a number"),
            other => panic!("not an integer: {other:?}"),
        }
    }

    /// A string's text; anything else fails the test.
    pub fn text(&self) -> String {
        match self {
            V::Str(s) => String::from_utf8_lossy(s).into_owned(),
            other => panic!("not a string: {other:?}"),
        }
    }

    /// Any value as text, for comparing pictures.
    pub fn render(&self) -> String {
        match self {
            V::Str(s) => String::from_utf8_lossy(s).into_owned(),
            V::Int(n) => n.to_string(),
            V::Nil => "(nil)".into(),
            V::Err(e) => format!("(error {e})"),
            V::Arr(items) => format!(
                "[{}]",
                items.iter().map(V::render).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    pub fn arr(&self) -> &[V] {
        match self {
            V::Arr(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }

    /// The value after `name` in a flat field/value array; a missing field fails the test.
    pub fn field(&self, name: &str) -> &V {
        self.arr()
            .chunks(2)
            .find(|pair| pair[0] == V::Str(name.as_bytes().to_vec()))
            .map(|pair| &pair[1])
            .unwrap_or_else(|| panic!("no field {name} in {self:?}"))
    }

    /// [`V::field`] rendered, or `(no name)` when the field is missing.
    pub fn field_text(&self, name: &str) -> String {
        self.arr()
            .chunks(2)
            .find(|pair| pair[0] == V::Str(name.as_bytes().to_vec()))
            .map(|pair| pair[1].render())
            .unwrap_or_else(|| format!("(no {name})"))
    }
}
