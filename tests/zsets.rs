//! Sorted sets beyond what the differential tables compare: the sliding-window limiter
//! idiom under a `ManualClock`, random members, ZSCAN's guarantee on a large set that
//! changes between pages, and the typed API.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, UNIX_EPOCH};

mod common;

use bytes::Bytes;
use common::replies::{bulks, parses_as};
use embedis::cmd::{
    Aggregate, ZAdd, ZCombine, ZCount, ZIncrBy, ZLookup, ZMPop, ZPop, ZRandMember, ZRange, ZRem,
    ZRemRange, ZScan,
};
use embedis::{Engine, Error, ManualClock, Pipeline, Reply};

fn millis(clock: &ManualClock) -> i64 {
    clock.now().duration_since(UNIX_EPOCH).unwrap().as_millis() as i64
}

#[test]
fn the_sliding_window_idiom_admits_exactly_the_limit_per_window() {
    // MULTI; ZREMRANGEBYSCORE key -inf now-window; ZADD key now id; ZCARD key; PEXPIRE key
    // window; EXEC — every request is logged, admitted while the window holds <= limit.
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let mut conn = engine.connect();
    let start = millis(&clock);
    let (limit, window) = (5, 1_000);
    let mut admitted_at = Vec::new();
    for step in 0..60 {
        let now = start + step * 100; // a request every 100 ms
        let replies = Pipeline::new()
            .atomic()
            .cmd(["ZREMRANGEBYSCORE", "w", "-inf", &(now - window).to_string()])
            .cmd(["ZADD", "w", &now.to_string(), &format!("r{step}")])
            .cmd(["ZCARD", "w"])
            .cmd(["PEXPIRE", "w", &window.to_string()])
            .execute(&mut conn)
            .unwrap();
        if matches!(replies[2], Reply::Integer(n) if n <= limit) {
            admitted_at.push(step);
        }
        clock.advance(Duration::from_millis(100));
    }
    // Refused requests are logged too, so the window is always full after the first
    // burst: exactly the first `limit` requests pass, then none while the hammering
    // goes on.
    assert_eq!(admitted_at, [0, 1, 2, 3, 4]);
    // Idle past the window: the key expires and the next request passes.
    clock.advance(Duration::from_millis(1_001));
    assert_eq!(conn.call(["EXISTS", "w"]).unwrap(), Reply::Integer(0));
}

#[test]
fn an_atomic_sliding_log_never_admits_more_than_the_limit_in_any_window() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let start = millis(&clock);
    let (limit, window) = (4, 1_000);
    let mut admitted: Vec<i64> = Vec::new();
    // Irregular arrivals: bursts and gaps.
    let gaps = [
        0, 10, 10, 10, 10, 300, 50, 700, 5, 5, 5, 990, 20, 1, 1, 1, 2_000, 3, 3,
    ];
    for (request, gap) in gaps.iter().cycle().take(200).enumerate() {
        clock.advance(Duration::from_millis(*gap));
        let now = millis(&clock) - start;
        let allowed = engine
            .atomically(move |db| -> Result<bool, Error> {
                db.run(ZRemRange::by_score(
                    "log",
                    "-inf",
                    (now - window).to_string(),
                ))?;
                let count = db.run(ZCount::by_score("log", "-inf", "+inf"))?;
                if count >= limit {
                    return Ok(false);
                }
                // One member per request: two in the same millisecond both count.
                db.run(ZAdd::new("log", now as f64, request.to_string()))?;
                Ok(true)
            })
            .unwrap()
            .unwrap();
        if allowed {
            admitted.push(now);
        }
    }
    assert!(admitted.len() > 20, "{admitted:?}");
    for (i, at) in admitted.iter().enumerate() {
        let in_window = admitted[i..]
            .iter()
            .take_while(|t| **t - at < window)
            .count();
        assert!(
            in_window <= limit as usize,
            "{in_window} admitted within {window} ms of {at}"
        );
    }
}

#[test]
fn the_typed_api_reads_back_what_it_wrote() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(
        conn.run(ZAdd::new("z", 3.0, "c").member(1.0, "a").member(2.0, "b"))
            .unwrap(),
        3
    );
    assert_eq!(conn.run(ZIncrBy::new("z", 10.0, "a")).unwrap(), Some(11.0));
    assert_eq!(conn.run(ZAdd::new("z", 0.0, "a").gt().ch()).unwrap(), 0);
    assert_eq!(conn.run(ZAdd::new("z", 0.0, "a").lt().ch()).unwrap(), 1);
    assert_eq!(
        conn.run(ZLookup::score("z", "a")).unwrap(),
        Reply::Double(0.0)
    );
    assert_eq!(conn.run(ZLookup::card("z")).unwrap(), Reply::Integer(3));
    assert_eq!(
        conn.run(ZLookup::rank("z", "c", false)).unwrap(),
        Reply::Integer(2)
    );
    assert_eq!(
        bulks(&conn.run(ZRange::by_rank("z", 0, -1)).unwrap()),
        ["a", "b", "c"]
    );
    assert_eq!(
        bulks(&conn.run(ZRange::by_score("z", "(0", "+inf").rev()).unwrap()),
        ["c", "b"]
    );
    assert_eq!(conn.run(ZCount::by_score("z", "1", "2")).unwrap(), 1);
    assert_eq!(conn.run(ZRem::new("z", ["b", "nope"])).unwrap(), 1);
    assert_eq!(
        conn.run(ZPop::new("z", true)).unwrap(),
        Reply::Array(vec![Reply::bulk("c"), Reply::Double(3.0)])
    );
    assert_eq!(conn.run(ZRemRange::by_rank("z", 0, -1)).unwrap(), 1);
    assert_eq!(conn.call(["EXISTS", "z"]).unwrap(), Reply::Integer(0));
    // Errors are Redis's.
    conn.call(["SET", "s", "v"]).unwrap();
    assert_eq!(
        conn.run(ZAdd::new("s", 1.0, "m")).unwrap_err(),
        Error::WrongType
    );
    conn.run(ZAdd::new("inf", f64::INFINITY, "m")).unwrap();
    assert_eq!(
        conn.run(ZIncrBy::new("inf", f64::NEG_INFINITY, "m"))
            .unwrap_err()
            .to_string(),
        "ERR resulting score is not a number (NaN)"
    );
}

#[test]
fn typed_ranges_with_bounds_that_do_not_parse_reply_redis_errors() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.run(ZAdd::new("z", 1.0, "a")).unwrap();
    let not_float = "ERR min or max is not a float";
    assert_eq!(
        conn.run(ZCount::by_score("z", "x", "1"))
            .unwrap_err()
            .to_string(),
        not_float
    );
    assert_eq!(
        conn.run(ZRemRange::by_score("z", "1", "(")).unwrap(),
        0,
        "`(` alone is an exclusive 0, as redis-server reads it"
    );
    assert_eq!(
        conn.run(ZRemRange::by_score("z", "nan", "1"))
            .unwrap_err()
            .to_string(),
        not_float
    );
    assert_eq!(
        conn.run(ZRange::by_score("z", "1", "abc")).unwrap_err(),
        Error::SortedSet(embedis::SortedSetError::MinMaxNotFloat)
    );
    assert_eq!(
        conn.run(ZRange::by_lex("z", "a", "+")).unwrap_err(),
        Error::SortedSet(embedis::SortedSetError::MinMaxNotLex)
    );
    assert_eq!(
        conn.call(["ZCARD", "z"]).unwrap(),
        Reply::Integer(1),
        "nothing was removed"
    );
}

#[test]
fn a_priority_queue_worker_waits_with_bzpopmin() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    let (mut worker, mut producer) = (engine.connect(), engine.connect());
    worker.send(["BZPOPMIN", "tasks", "0"]).unwrap();
    assert_eq!(
        worker
            .recv_timeout(std::time::Duration::from_millis(50))
            .unwrap(),
        None
    );
    producer
        .call(["ZADD", "tasks", "5", "low", "1", "urgent"])
        .unwrap();
    assert_eq!(
        worker.recv().unwrap(),
        Reply::Array(vec![
            Reply::bulk("tasks"),
            Reply::bulk("urgent"),
            Reply::Double(1.0)
        ])
    );
    // A deadline on the engine clock: parked first (a round trip on another connection
    // after the send), then the clock moves past it.
    worker.send(["BZMPOP", "2", "1", "empty", "MAX"]).unwrap();
    assert_eq!(producer.call(["PING"]).unwrap(), Reply::status("PONG"));
    clock.advance(Duration::from_secs(2));
    assert_eq!(worker.recv().unwrap(), Reply::NilArray);
    assert_eq!(
        worker.run(ZMPop::new(["empty", "tasks"], true, 5)).unwrap(),
        Reply::Array(vec![
            Reply::bulk("tasks"),
            Reply::Array(vec![Reply::Array(vec![
                Reply::bulk("low"),
                Reply::Double(5.0)
            ])])
        ])
    );
}

#[test]
fn the_typed_api_builds_what_argv_parses() {
    use embedis::cmd::Command;
    let same = |argv: &[&str], typed: Command| {
        assert_eq!(
            Command::from_argv(argv.iter().copied()).unwrap(),
            typed,
            "{argv:?}"
        );
    };
    same(
        &["ZADD", "z", "1", "a", "2.5", "b"],
        ZAdd::new("z", 1.0, "a").member(2.5, "b").into(),
    );
    same(
        &["ZADD", "z", "XX", "GT", "CH", "1", "a"],
        ZAdd::new("z", 1.0, "a").xx().gt().ch().into(),
    );
    same(
        &["ZINCRBY", "z", "2", "a"],
        ZIncrBy::new("z", 2.0, "a").into(),
    );
    same(
        &["ZRANGE", "z", "0", "-1", "REV"],
        ZRange::by_rank("z", 0, -1).rev().into(),
    );
    same(
        &["ZREMRANGEBYSCORE", "z", "-inf", "(5"],
        ZRemRange::by_score("z", "-inf", "(5").into(),
    );
    parses_as(&["ZPOPMAX", "z", "3"], ZPop::new("z", true).count(3));
    same(
        &["ZRANDMEMBER", "z", "-2", "WITHSCORES"],
        ZRandMember::new("z").count(-2).with_scores().into(),
    );
    same(
        &["ZSCAN", "z", "5", "MATCH", "a*", "COUNT", "7"],
        ZScan::new("z", 5).pattern("a*").count(7).into(),
    );
    same(
        &["ZRANGESTORE", "d", "z", "0", "-1", "REV"],
        ZRange::by_rank("z", 0, -1).rev().store("d").into(),
    );
    parses_as(
        &[
            "ZUNIONSTORE",
            "d",
            "2",
            "a",
            "b",
            "WEIGHTS",
            "1",
            "0.5",
            "AGGREGATE",
            "MAX",
        ],
        ZCombine::union(["a", "b"])
            .weights([1.0, 0.5])
            .aggregate(Aggregate::Max)
            .store("d"),
    );
    parses_as(
        &["ZINTER", "2", "a", "b", "WITHSCORES"],
        ZCombine::inter(["a", "b"]).with_scores(),
    );
    parses_as(&["ZDIFF", "1", "a"], ZCombine::diff(["a"]));
    parses_as(
        &["ZINTERCARD", "2", "a", "b", "LIMIT", "3"],
        ZCombine::inter_card(["a", "b"], 3),
    );
}

#[test]
fn a_weekly_leaderboard_is_the_weighted_union_of_daily_boards() {
    // Seven daily boards, the week's board their union with later days weighing more, the
    // podium a ZRANGESTORE of its top three; the typed errors are Redis's.
    let engine = Engine::new();
    let mut conn = engine.connect();
    let days: Vec<String> = (0..7).map(|day| format!("board:day{day}")).collect();
    for (day, key) in days.iter().enumerate() {
        for player in 0..10u32 {
            let points = f64::from((player * 7 + day as u32 * 3) % 11);
            conn.run(ZAdd::new(key.as_str(), points, format!("p{player}")))
                .unwrap();
        }
    }
    let weights: Vec<f64> = (1..=7).map(f64::from).collect();
    let stored = conn
        .run(
            ZCombine::union(days.iter().map(String::as_str))
                .weights(weights.clone())
                .store("board:week"),
        )
        .unwrap();
    assert_eq!(stored, Reply::Integer(10));
    // The model: each player's weighted sum.
    let mut expected: Vec<(f64, String)> = (0..10u32)
        .map(|player| {
            let total = (0..7u32)
                .map(|day| f64::from((player * 7 + day * 3) % 11) * f64::from(day + 1))
                .sum();
            (total, format!("p{player}"))
        })
        .collect();
    expected.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
    let podium = conn
        .run(
            ZRange::by_rank("board:week", 0, 2)
                .rev()
                .store("board:podium"),
        )
        .unwrap();
    assert_eq!(podium, Reply::Integer(3));
    let top = conn
        .run(ZRange::by_rank("board:podium", 0, -1).rev().with_scores())
        .unwrap();
    let want: Vec<Reply> = expected[..3]
        .iter()
        .flat_map(|(score, player)| [Reply::bulk(player.clone()), Reply::Double(*score)])
        .collect();
    assert_eq!(top, Reply::Array(want));
    // Who played every day and scored on day 0, with their best day's points.
    let best = conn
        .run(
            ZCombine::inter(days.iter().map(String::as_str))
                .aggregate(Aggregate::Max)
                .with_scores(),
        )
        .unwrap();
    assert!(matches!(best, Reply::Array(ref items) if items.len() == 20));
    assert_eq!(
        conn.run(ZCombine::inter_card(days.iter().map(String::as_str), 4))
            .unwrap(),
        Reply::Integer(4)
    );
    // Typed misuse answers what the argv form would have.
    assert_eq!(
        conn.run(ZCombine::union(["a", "b"]).weights([1.0])),
        Err(Error::Syntax)
    );
    assert_eq!(
        conn.run(ZCombine::union(Vec::<&str>::new())),
        Err(Error::NoInputKeys("zunion"))
    );
    assert_eq!(
        conn.run(ZCombine::diff(["a"]).aggregate(Aggregate::Min)),
        Err(Error::Syntax)
    );
}

#[test]
fn random_members_are_members_and_the_whole_set_comes_highest_first() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let all: BTreeSet<Bytes> = (0..30).map(|n| Bytes::from(format!("m{n}"))).collect();
    for (n, member) in all.iter().enumerate() {
        conn.run(ZAdd::new("z", n as f64, member)).unwrap();
    }
    for _ in 0..200 {
        let distinct = bulks(&conn.run(ZRandMember::new("z").count(9)).unwrap());
        assert_eq!(distinct.iter().collect::<BTreeSet<_>>().len(), 9);
        assert!(distinct.iter().all(|member| all.contains(member)));
        let repeated = bulks(&conn.run(ZRandMember::new("z").count(-40)).unwrap());
        assert_eq!(repeated.len(), 40);
        assert!(repeated.iter().all(|member| all.contains(member)));
    }
    let mut descending = bulks(&conn.call(["ZRANGE", "z", "0", "-1"]).unwrap());
    descending.reverse();
    assert_eq!(
        bulks(&conn.run(ZRandMember::new("z").count(100)).unwrap()),
        descending
    );
    assert_eq!(
        conn.call(["ZRANDMEMBER", "z", "-2000000"]).unwrap(),
        Reply::Error(Error::OutOfRange)
    );
}

#[test]
fn zscan_of_a_large_set_returns_every_member_that_stays() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    for n in 0..1_500 {
        conn.run(ZAdd::new("z", n as f64, format!("m{n}"))).unwrap();
    }
    let mut seen: BTreeMap<Bytes, Bytes> = BTreeMap::new();
    let (mut cursor, mut pages) = (0, 0);
    loop {
        let (next, flat) = conn.run(ZScan::new("z", cursor).count(100)).unwrap();
        pages += 1;
        for pair in flat.chunks(2) {
            seen.insert(pair[0].clone(), pair[1].clone());
        }
        if pages == 2 {
            conn.run(ZRemRange::by_rank("z", 0, 499)).unwrap();
            for n in 0..300 {
                conn.run(ZAdd::new("z", -1.0, format!("new{n}"))).unwrap();
            }
        }
        if next == 0 {
            break;
        }
        cursor = next;
        assert!(pages < 1_000);
    }
    assert!(pages > 5, "a large set is paged ({pages} pages)");
    for n in 500..1_500 {
        assert_eq!(
            seen.get(format!("m{n}").as_bytes()),
            Some(&Bytes::from(n.to_string())),
            "m{n} stayed throughout and was not returned"
        );
    }
}

/// A sorted `Vec` of (score, member): what the commands below must agree with.
fn sorted_model(model: &BTreeSet<(i64, String)>) -> Vec<(i64, String)> {
    model.iter().cloned().collect()
}

fn names(entries: &[(i64, String)]) -> Vec<Bytes> {
    entries
        .iter()
        .map(|(_, member)| Bytes::from(member.clone()))
        .collect()
}

#[test]
fn a_large_leaderboard_answers_by_position_across_its_chunks() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut model = BTreeSet::new();
    // 6,000 members in a scrambled order, 1,000 distinct scores (ties ordered by member).
    let mut pipeline = Pipeline::new();
    for n in 0..6_000i64 {
        let i = (n * 7_919) % 6_000;
        let (score, member) = (i % 1_000, format!("p{i:05}"));
        model.insert((score, member.clone()));
        pipeline.add(ZAdd::new("lb", score as f64, member));
    }
    pipeline.execute_once(&mut conn).unwrap();
    let check = |conn: &mut embedis::Connection, model: &BTreeSet<(i64, String)>| {
        let entries = sorted_model(model);
        let len = entries.len();
        assert_eq!(
            conn.run(ZLookup::card("lb")).unwrap(),
            Reply::Integer(len as i64)
        );
        for rank in (0..len).step_by(97).chain([len - 1]) {
            let member = &entries[rank].1;
            assert_eq!(
                conn.run(ZLookup::rank("lb", member, false)).unwrap(),
                Reply::Integer(rank as i64)
            );
            assert_eq!(
                conn.run(ZLookup::rank("lb", member, true)).unwrap(),
                Reply::Integer((len - 1 - rank) as i64)
            );
            let end = (rank + 12).min(len);
            assert_eq!(
                bulks(
                    &conn
                        .run(ZRange::by_rank("lb", rank as i64, rank as i64 + 11))
                        .unwrap()
                ),
                names(&entries[rank..end])
            );
            let descending: Vec<(i64, String)> =
                entries.iter().rev().skip(rank).take(12).cloned().collect();
            assert_eq!(
                bulks(
                    &conn
                        .run(ZRange::by_rank("lb", rank as i64, rank as i64 + 11).rev())
                        .unwrap()
                ),
                names(&descending)
            );
        }
        assert_eq!(
            bulks(&conn.call(["ZRANGE", "lb", "0", "-1"]).unwrap()),
            names(&entries)
        );
        let in_range: Vec<(i64, String)> = entries
            .iter()
            .filter(|(score, _)| (700..=702).contains(score))
            .cloned()
            .collect();
        assert_eq!(
            conn.run(ZCount::by_score("lb", "700", "702")).unwrap(),
            in_range.len() as i64
        );
        assert_eq!(
            bulks(
                &conn
                    .run(ZRange::by_score("lb", "700", "702").limit(2, 5))
                    .unwrap()
            ),
            names(&in_range.iter().skip(2).take(5).cloned().collect::<Vec<_>>())
        );
        let mut highest_first = names(&entries);
        highest_first.reverse();
        assert_eq!(
            bulks(&conn.run(ZRandMember::new("lb").count(len as i64)).unwrap()),
            highest_first
        );
    };
    check(&mut conn, &model);
    // Removals by rank and by score, in the middle and at both ends.
    for (start, stop) in [(1_000, 2_499), (0, 9), (-10, -1), (2_000, 2_000)] {
        let entries = sorted_model(&model);
        let len = entries.len() as i64;
        let from = if start < 0 { start + len } else { start } as usize;
        let to = if stop < 0 { stop + len } else { stop } as usize;
        assert_eq!(
            conn.run(ZRemRange::by_rank("lb", start, stop)).unwrap(),
            (to - from + 1) as i64
        );
        for entry in &entries[from..=to] {
            model.remove(entry);
        }
        check(&mut conn, &model);
    }
    let doomed: Vec<(i64, String)> = model
        .iter()
        .filter(|(score, _)| (100..300).contains(score))
        .cloned()
        .collect();
    assert_eq!(
        conn.run(ZRemRange::by_score("lb", "100", "(300")).unwrap(),
        doomed.len() as i64
    );
    for entry in &doomed {
        model.remove(entry);
    }
    check(&mut conn, &model);
    for _ in 0..700 {
        conn.run(ZPop::new("lb", false)).unwrap();
        conn.run(ZPop::new("lb", true)).unwrap();
        model.pop_first();
        model.pop_last();
    }
    check(&mut conn, &model);
}
