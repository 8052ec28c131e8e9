//! Bitmaps and bit fields beyond what the differential tables compare: the daily-active-
//! users idiom against a model, BITFIELD counters against a model under each overflow
//! policy, and in-place edits that never change a value a reader already holds.

use std::collections::BTreeSet;

mod common;

use common::replies::parses_as;

use bytes::Bytes;
use embedis::cmd::{
    BitCount, BitField, BitOp, BitOpStore, BitPos, GetBit, GetRange, Overflow, SetBit, SetRange,
};
use embedis::{BitmapError, Engine, Error, Reply};

/// A small deterministic generator (the tests must not depend on a crate's sequence).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn users_active_every_day_are_the_and_of_the_daily_bitmaps() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut rng = Rng(7);
    let mut days: Vec<BTreeSet<u64>> = Vec::new();
    for day in 0..7 {
        let mut active = BTreeSet::new();
        for _ in 0..400 {
            let user = rng.below(2_000);
            let was = conn
                .run(SetBit::new(format!("active:{day}"), user, true))
                .unwrap();
            assert_eq!(
                was,
                i64::from(!active.insert(user)),
                "day {day} user {user}"
            );
        }
        days.push(active);
    }
    let keys: Vec<String> = (0..7).map(|day| format!("active:{day}")).collect();
    let longest = conn
        .run(BitOpStore::new(
            BitOp::And,
            "active:week",
            keys.iter().map(String::as_str),
        ))
        .unwrap();
    assert!(longest > 0);
    let every_day: BTreeSet<u64> = days
        .iter()
        .skip(1)
        .fold(days[0].clone(), |acc, day| &acc & day);
    assert_eq!(
        conn.run(BitCount::new("active:week")).unwrap(),
        every_day.len() as i64
    );
    for user in 0..2_000u64 {
        let bit = conn.run(GetBit::new("active:week", user)).unwrap();
        assert_eq!(bit == 1, every_day.contains(&user), "user {user}");
    }
    let any_day: BTreeSet<u64> = days.iter().flatten().copied().collect();
    conn.run(BitOpStore::new(
        BitOp::Or,
        "active:any",
        keys.iter().map(String::as_str),
    ))
    .unwrap();
    assert_eq!(
        conn.run(BitCount::new("active:any")).unwrap(),
        any_day.len() as i64
    );
    let first = any_day.iter().next().copied().unwrap() as i64;
    assert_eq!(conn.run(BitPos::new("active:any", true)).unwrap(), first);
    // A count over bits 8..=15 is the users numbered 8 to 15.
    let in_range = any_day.range(8..=15).count() as i64;
    assert_eq!(
        conn.run(BitCount::new("active:any").range(8, 15).bits())
            .unwrap(),
        in_range
    );
}

/// The model of one field: Redis's arithmetic on a `bits`-wide integer.
fn model_add(value: i64, increment: i64, bits: u32, signed: bool, policy: Overflow) -> Option<i64> {
    let (min, max) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    let sum = i128::from(value) + i128::from(increment);
    if (min..=max).contains(&sum) {
        return Some(sum as i64);
    }
    match policy {
        Overflow::Fail => None,
        Overflow::Sat => Some(if sum > max { max } else { min } as i64),
        Overflow::Wrap => {
            let span = 1i128 << bits;
            Some((((sum - min) % span + span) % span + min) as i64)
        }
    }
}

#[test]
fn bitfield_counters_follow_a_model_under_every_overflow_policy() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut rng = Rng(42);
    let kinds = [
        ("u8", 8, false),
        ("i8", 8, true),
        ("u5", 5, false),
        ("i13", 13, true),
    ];
    let policies = [Overflow::Wrap, Overflow::Sat, Overflow::Fail];
    let mut model = vec![0i64; 64];
    for step in 0..3_000 {
        let (name, bits, signed) = kinds[(step / 750) % kinds.len()];
        if step % 750 == 0 {
            // A new type: start from zero again.
            conn.call(["DEL", "counters"]).unwrap();
            model.iter_mut().for_each(|value| *value = 0);
        }
        let slot = rng.below(64) as usize;
        let increment = rng.below(600) as i64 - 300;
        let policy = policies[rng.below(3) as usize];
        let offset = format!("#{slot}");
        let reply = conn
            .run(BitField::new("counters").overflow(policy).incr_by(
                name,
                offset.as_str(),
                increment,
            ))
            .unwrap();
        let expected = model_add(model[slot], increment, bits, signed, policy);
        match expected {
            Some(value) => {
                model[slot] = value;
                assert_eq!(
                    reply,
                    Reply::Array(vec![Reply::Integer(value)]),
                    "step {step}"
                );
            }
            None => assert_eq!(reply, Reply::Array(vec![Reply::Nil]), "step {step}"),
        }
    }
    // Every slot reads back as the model has it.
    let mut read = BitField::read_only("counters");
    for slot in 0..64 {
        read = read.get("i13", format!("#{slot}"));
    }
    let expected: Vec<Reply> = model.iter().map(|value| Reply::Integer(*value)).collect();
    assert_eq!(conn.run(read).unwrap(), Reply::Array(expected));
}

#[test]
fn an_in_place_edit_never_changes_a_value_already_read() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.run(SetRange::new("k", 0, "hello")).unwrap();
    let before = match conn.call(["GET", "k"]).unwrap() {
        Reply::Bulk(bytes) => bytes,
        other => panic!("GET replied {other:?}"),
    };
    conn.run(SetBit::new("k", 0, true)).unwrap();
    conn.run(SetRange::new("k", 1, "E")).unwrap();
    assert_eq!(before, Bytes::from_static(b"hello"));
    // APPEND edits in place too.
    conn.call(["SET", "a", "abc"]).unwrap();
    let held = conn.call(["GET", "a"]).unwrap();
    assert_eq!(
        conn.call(["APPEND", "a", "def"]).unwrap(),
        Reply::Integer(6)
    );
    assert_eq!(held, Reply::bulk("abc"));
    assert_eq!(conn.call(["GET", "a"]).unwrap(), Reply::bulk("abcdef"));
    assert_eq!(
        conn.run(GetRange::new("k", 0, -1)).unwrap(),
        Bytes::from_static(b"\xe8Ello")
    );
    // Many edits in a row: each replies what the model says.
    let mut model = b"\xe8Ello".to_vec();
    for offset in (0..4_000u64).step_by(7) {
        let byte = (offset >> 3) as usize;
        if model.len() <= byte {
            model.resize(byte + 1, 0);
        }
        let was = model[byte] & (0x80 >> (offset & 7)) != 0;
        model[byte] ^= 0x80 >> (offset & 7);
        assert_eq!(
            conn.run(SetBit::new("k", offset, !was)).unwrap(),
            i64::from(was)
        );
    }
    assert_eq!(
        conn.call(["GET", "k"]).unwrap(),
        Reply::Bulk(Bytes::from(model))
    );
}

#[test]
fn typed_bit_commands_reply_redis_errors_for_what_the_argv_form_refuses() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(
        conn.run(SetBit::new("k", 1 << 32, true)),
        Err(Error::Bitmap(BitmapError::BitOffset))
    );
    assert_eq!(
        conn.run(BitField::new("k").get("u64", "0")),
        Err(Error::Bitmap(BitmapError::FieldType))
    );
    assert_eq!(
        conn.run(BitField::new("k").get("u8", "#-1")),
        Err(Error::Bitmap(BitmapError::BitOffset))
    );
    assert_eq!(
        conn.run(BitField::read_only("k").set("u8", "0", 1)),
        Err(Error::Bitmap(BitmapError::ReadOnly))
    );
    assert_eq!(
        conn.run(BitOpStore::new(BitOp::Not, "d", ["a", "b"])),
        Err(Error::Bitmap(BitmapError::BitopNotSources))
    );
    assert_eq!(
        conn.run(SetRange::new("k", 512 * 1024 * 1024, "x")),
        Err(Error::StringTooLong)
    );
    assert_eq!(conn.call(["EXISTS", "k", "d"]).unwrap(), Reply::Integer(0));
}

#[test]
fn the_typed_api_builds_what_argv_parses() {
    parses_as(&["SETBIT", "k", "7", "1"], SetBit::new("k", 7, true));
    parses_as(&["GETBIT", "k", "7"], GetBit::new("k", 7));
    parses_as(&["GETRANGE", "k", "0", "-1"], GetRange::new("k", 0, -1));
    parses_as(&["SETRANGE", "k", "3", "v"], SetRange::new("k", 3, "v"));
    parses_as(
        &["BITCOUNT", "k", "1", "2", "BIT"],
        BitCount::new("k").range(1, 2).bits(),
    );
    parses_as(
        &["BITPOS", "k", "0", "2"],
        BitPos::new("k", false).range(2, None),
    );
    parses_as(
        &["BITOP", "OR", "d", "a", "b"],
        BitOpStore::new(BitOp::Or, "d", ["a", "b"]),
    );
    parses_as(
        &[
            "BITFIELD", "k", "OVERFLOW", "SAT", "INCRBY", "u8", "#1", "5", "GET", "i4", "0",
        ],
        BitField::new("k")
            .overflow(Overflow::Sat)
            .incr_by("u8", "#1", 5)
            .get("i4", "0"),
    );
}
