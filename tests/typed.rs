//! The typed API builds exactly the command the argv API parses, for every command, and
//! typed replies decode as documented.

use bytes::Bytes;
use embedis::cmd::*;
use embedis::{Engine, Protocol, StreamId, TtlReply};

fn parsed(argv: &[&str]) -> Command {
    Command::from_argv(argv.iter().copied()).expect("known command")
}

#[test]
fn typed_constructors_equal_parsed_argv() {
    let cases: Vec<(&[&str], Command)> = vec![
        (&["GET", "k"], Get::new("k").into()),
        (&["SET", "k", "v"], Set::new("k", "v").into()),
        (
            &["set", "k", "v", "nx", "px", "5"],
            Set::new("k", "v").nx().px(5).into(),
        ),
        (
            &["SET", "k", "v", "XX", "EXAT", "7", "GET"],
            Set::new("k", "v").xx().exat(7).get().into(),
        ),
        (
            &["SET", "k", "v", "PXAT", "9"],
            Set::new("k", "v").pxat(9).into(),
        ),
        (
            &["SET", "k", "v", "EX", "3"],
            Set::new("k", "v").ex(3).into(),
        ),
        (
            &["SET", "k", "v", "KEEPTTL"],
            Set::new("k", "v").keep_ttl().into(),
        ),
        (&["SETNX", "k", "v"], Set::setnx("k", "v").into()),
        (&["SETEX", "k", "10", "v"], Set::setex("k", 10, "v").into()),
        (
            &["PSETEX", "k", "10", "v"],
            Set::psetex("k", 10, "v").into(),
        ),
        (&["GETDEL", "k"], GetDel::new("k").into()),
        (&["GETEX", "k"], GetEx::new("k").into()),
        (&["GETEX", "k", "EX", "1"], GetEx::new("k").ex(1).into()),
        (&["GETEX", "k", "PX", "1"], GetEx::new("k").px(1).into()),
        (&["GETEX", "k", "EXAT", "1"], GetEx::new("k").exat(1).into()),
        (&["GETEX", "k", "PXAT", "1"], GetEx::new("k").pxat(1).into()),
        (&["GETEX", "k", "PERSIST"], GetEx::new("k").persist().into()),
        (&["GETSET", "k", "v"], GetSet::new("k", "v").into()),
        (&["MGET", "a", "b"], MGet::new(["a", "b"]).into()),
        (
            &["MSET", "a", "1", "b", "2"],
            MSet::new([("a", "1"), ("b", "2")]).into(),
        ),
        (&["MSETNX", "a", "1"], MSet::nx([("a", "1")]).into()),
        (&["INCR", "n"], IncrBy::new("n", 1).into()),
        (&["DECR", "n"], IncrBy::new("n", -1).into()),
        (&["INCRBY", "n", "5"], IncrBy::new("n", 5).into()),
        (&["DECRBY", "n", "5"], IncrBy::new("n", -5).into()),
        (
            &["INCRBYFLOAT", "n", "1.5"],
            IncrByFloat::new("n", "1.5").into(),
        ),
        (
            &["INCREX", "n", "BYINT", "2", "UBOUND", "9", "LBOUND", "1"],
            Increx::by_int("n", 2).upper(9).lower(1).into(),
        ),
        (
            &["INCREX", "n", "SATURATE", "EX", "5", "ENX"],
            Increx::by_int("n", 1).saturate().ex(5).enx().into(),
        ),
        (
            &["INCREX", "n", "PX", "5"],
            Increx::by_int("n", 1).px(5).into(),
        ),
        (
            &["cl.throttle", "k", "15", "30", "60", "2"],
            Throttle::new("k", 15, 30, 60).quantity(2).into(),
        ),
        (
            &["CL.THROTTLE.MS", "k", "0", "1", "500"],
            Throttle::new_ms("k", 0, 1, 500).into(),
        ),
        (&["APPEND", "k", "v"], Append::new("k", "v").into()),
        (&["STRLEN", "k"], StrLen::new("k").into()),
        (&["DEL", "a", "b"], Del::new(["a", "b"]).into()),
        (&["UNLINK", "a"], Del::new(["a"]).into()),
        (&["EXISTS", "a", "a"], Exists::new(["a", "a"]).into()),
        (&["TYPE", "k"], Type::new("k").into()),
        (&["RENAME", "a", "b"], Rename::new("a", "b").into()),
        (&["RENAMENX", "a", "b"], Rename::nx("a", "b").into()),
        (&["KEYS", "*"], Keys::new("*").into()),
        (&["SCAN", "0"], Scan::new(0).into()),
        (
            &["SCAN", "5", "MATCH", "u:*", "COUNT", "20", "TYPE", "string"],
            Scan::new(5)
                .pattern("u:*")
                .count(20)
                .type_name("string")
                .into(),
        ),
        (&["EXPIRE", "k", "10"], Expire::seconds("k", 10).into()),
        (
            &["PEXPIRE", "k", "10", "NX"],
            Expire::millis("k", 10).nx().into(),
        ),
        (
            &["EXPIREAT", "k", "10", "XX"],
            Expire::at_seconds("k", 10).xx().into(),
        ),
        (
            &["PEXPIREAT", "k", "10", "GT"],
            Expire::at_millis("k", 10).gt().into(),
        ),
        (
            &["EXPIRE", "k", "10", "LT"],
            Expire::seconds("k", 10).lt().into(),
        ),
        (&["TTL", "k"], Ttl::seconds("k").into()),
        (&["PTTL", "k"], Ttl::millis("k").into()),
        (&["EXPIRETIME", "k"], Ttl::expire_time("k").into()),
        (&["PEXPIRETIME", "k"], Ttl::pexpire_time("k").into()),
        (&["PERSIST", "k"], Persist::new("k").into()),
        (&["PING"], Ping::new().into()),
        (&["PING", "hi"], Ping::with_message("hi").into()),
        (&["ECHO", "hi"], Echo::new("hi").into()),
        (&["HELLO", "3"], Hello::new(Protocol::Resp3).into()),
        (
            &["HELLO", "2", "SETNAME", "n"],
            Hello::new(Protocol::Resp2).name("n").into(),
        ),
        (&["WATCH", "a", "b"], Watch::new(["a", "b"]).into()),
        (
            &["XACK", "s", "g", "1-1", "2"],
            XAck::new("s", "g", [StreamId::new(1, 1), StreamId::new(2, 0)]).into(),
        ),
        (
            &["PFADD", "h", "a", "b"],
            PfAdd::new("h", ["a", "b"]).into(),
        ),
        (&["PFCOUNT", "h", "i"], PfCount::new(["h", "i"]).into()),
        (&["PFMERGE", "d", "h"], PfMerge::new("d", ["h"]).into()),
        (
            &["PFDEBUG", "ENCODING", "h"],
            PfDebug::new("ENCODING", "h").into(),
        ),
        (&["PFSELFTEST"], PfSelfTest::new().into()),
        (
            &[
                "SORT", "l", "BY", "w_*", "LIMIT", "0", "2", "GET", "#", "DESC", "ALPHA", "STORE",
                "d",
            ],
            Sort::new("l")
                .by("w_*")
                .limit(0, 2)
                .get("#")
                .descending()
                .alpha()
                .store("d")
                .into(),
        ),
        (
            &["SORT_RO", "l", "ALPHA"],
            Sort::read_only("l").alpha().into(),
        ),
        (
            &["LCS", "a", "b", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"],
            Lcs::new("a", "b")
                .idx()
                .min_match_len(4)
                .with_match_len()
                .into(),
        ),
        (&["RANDOMKEY"], RandomKey::new().into()),
        (&["INFO"], Info::new().into()),
        (&["INFO", "keyspace"], Info::section("keyspace").into()),
        (
            &["GEOADD", "g", "13.361389", "38.115556", "P"],
            GeoAdd::new("g", 13.361389, 38.115556, "P").into(),
        ),
        (
            &["GEOPOS", "g", "P"],
            GeoLookup::positions("g", ["P"]).into(),
        ),
        (&["GEOHASH", "g", "P"], GeoLookup::hashes("g", ["P"]).into()),
        (
            &["GEODIST", "g", "a", "b", "km"],
            GeoDist::new("g", "a", "b").unit("km").into(),
        ),
        (
            &[
                "GEOSEARCH",
                "g",
                "FROMMEMBER",
                "P",
                "BYRADIUS",
                "10",
                "km",
                "ASC",
                "COUNT",
                "3",
            ],
            GeoSearch::new("g")
                .from_member("P")
                .by_radius(10.0, "km")
                .asc()
                .count(3)
                .into(),
        ),
        (
            &[
                "GEOSEARCHSTORE",
                "d",
                "g",
                "FROMLONLAT",
                "15",
                "37",
                "BYBOX",
                "1",
                "2",
                "m",
                "STOREDIST",
            ],
            GeoSearch::store("d", "g")
                .from_lonlat(15.0, 37.0)
                .by_box(1.0, 2.0, "m")
                .store_dist()
                .into(),
        ),
    ];
    for (argv, typed) in cases {
        assert_eq!(parsed(argv), typed, "{argv:?}");
    }
}

#[test]
fn typed_replies_decode() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert!(conn.run(Set::new("k", "v").ex(100)).unwrap());
    assert!(!conn.run(Set::new("k", "v").nx()).unwrap());
    assert_eq!(
        conn.run(Set::new("k", "w").get()).unwrap(),
        Some(Bytes::from("v"))
    );
    assert_eq!(conn.run(Ttl::seconds("k")).unwrap(), TtlReply::Persistent);
    assert!(conn.run(Expire::seconds("k", 50)).unwrap());
    assert_eq!(conn.run(Ttl::seconds("k")).unwrap(), TtlReply::Expires(50));
    assert_eq!(conn.run(Type::new("k")).unwrap(), "string");
    assert_eq!(conn.run(Exists::new(["k", "nope"])).unwrap(), 1);
    assert_eq!(
        conn.run(IncrBy::new("k", 1)).unwrap_err(),
        embedis::Error::NotInteger
    );
    assert_eq!(
        conn.run(MGet::new(["k", "nope"])).unwrap(),
        vec![Some(Bytes::from("w")), None]
    );
    let (cursor, keys) = conn.run(Scan::new(0).count(1000)).unwrap();
    assert_eq!((cursor, keys), (0, vec![Bytes::from("k")]));
    assert_eq!(conn.run(Echo::new("e")).unwrap(), Bytes::from("e"));
    assert_eq!(conn.run(Time).unwrap().len(), 2);
    assert_eq!(conn.run(DbSize).unwrap(), 1);
    conn.run(Flush::all()).unwrap();
    assert_eq!(conn.run(DbSize).unwrap(), 0);
}

#[test]
fn constructors_take_borrowed_and_owned_arguments() {
    let key = String::from("user:7");
    let value = vec![1u8, 2, 3];
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.run(Set::new(&key, &value)).unwrap();
    assert_eq!(
        conn.run(Get::new(key.as_str())).unwrap(),
        Some(Bytes::from(value.clone()))
    );
    assert_eq!(conn.run(Del::new([&key])).unwrap(), 1);
    conn.run(Set::new(key, value)).unwrap();
    assert_eq!(conn.run(StrLen::new(b"user:7")).unwrap(), 3);
}
