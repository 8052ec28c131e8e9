//! Sorted-set benchmarks on a 1,000,000-member leaderboard (`lb`: member `m:0000000` ...
//! `m:0999999`, member `m:i` with score `i`, added in a scrambled order):
//!
//! - `call/*`: one typed command per round trip through a `Connection` (what a caller sees:
//!   the thread hop included);
//! - `inproc/*`: 100 of the same commands in one `Engine::atomically` closure, counted per
//!   command (the executor's work alone, no thread hop).
//!
//! The commands: ZRANK and ZREVRANK of the middle member, ZRANGE by index of 10 members in
//! the middle (ascending and REV), ZRANGEBYSCORE of 10 members in the middle, ZRANDMEMBER
//! (one member), ZADD of a score update (a middle member moved to a quarter and back), ZADD
//! of a score update of a random member, and ZADD of new members (added timed, removed
//! untimed afterwards).
//!
//! Run with `cargo bench --bench zsets` (about a minute after the build). The summary prints
//! ns/op and the resident memory the set took to build (a rough figure: the process's RSS
//! before and after).

#[allow(dead_code)] // shared helpers; this suite uses the placement and the summary
mod support;

use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use embedis::cmd::{ZAdd, ZLookup, ZRandMember, ZRange, ZRem};
use embedis::{Engine, Reply};

use support::affinity;
use support::summary;

const MEMBERS: u64 = 1_000_000;
const MIDDLE: u64 = MEMBERS / 2;
/// Commands per `inproc` iteration.
const BATCH: u64 = 100;

fn member(i: u64) -> String {
    format!("m:{i:07}")
}

fn main() {
    summary::mark_start();
    let mut c = support::criterion();
    let placement = affinity::init_noted_for_executor();
    let engine = Engine::new();
    let mut conn = engine.connect();
    assert_eq!(conn.call(["PING"]).unwrap(), Reply::Status("PONG".into()));
    affinity::pin_executor_noted(placement);
    fill(&engine);
    check(&mut conn);

    call(&mut c, &mut conn);
    inproc(&mut c, &engine);

    c.final_summary();
    summary::print("zsets", |_, _| {});
}

/// Resident set size of the process, in bytes (Linux; 0 elsewhere).
fn rss() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// Adds the members in a scrambled order (a multiplier coprime to 10^6 permutes them), 1,000
/// per ZADD, 100 ZADDs per closure.
fn fill(engine: &Engine) {
    let before = rss();
    let start = Instant::now();
    for batch in 0..MEMBERS / 100_000 {
        engine
            .atomically(move |db| {
                for command in 0..100 {
                    let first = batch * 100_000 + command * 1_000;
                    let mut zadd: Option<ZAdd> = None;
                    for j in first..first + 1_000 {
                        let i = (j * 611_953) % MEMBERS;
                        zadd = Some(match zadd {
                            None => ZAdd::new("lb", i as f64, member(i)),
                            Some(zadd) => zadd.member(i as f64, member(i)),
                        });
                    }
                    db.run(zadd.unwrap()).unwrap();
                }
            })
            .unwrap();
    }
    let grown = rss().saturating_sub(before) as f64;
    let line = format!(
        "fill: {MEMBERS} members in {:.2} s, RSS {:.0} MB more ({:.0} bytes a member)",
        start.elapsed().as_secs_f64(),
        grown / 1e6,
        grown / MEMBERS as f64,
    );
    println!("{line}");
    summary::note(line);
}

fn bulks(items: &[&str]) -> Reply {
    Reply::Array(items.iter().map(|item| Reply::bulk(*item)).collect())
}

/// The replies every benchmark relies on, checked once before measuring.
fn check(conn: &mut embedis::Connection) {
    let middle = member(MIDDLE);
    assert_eq!(
        conn.run(ZLookup::card("lb")).unwrap(),
        Reply::Integer(MEMBERS as i64)
    );
    assert_eq!(
        conn.run(ZLookup::rank("lb", &*middle, false)).unwrap(),
        Reply::Integer(MIDDLE as i64)
    );
    assert_eq!(
        conn.run(ZLookup::rank("lb", &*middle, true)).unwrap(),
        Reply::Integer((MEMBERS - 1 - MIDDLE) as i64)
    );
    let ten: Vec<String> = (MIDDLE..MIDDLE + 10).map(member).collect();
    let ten: Vec<&str> = ten.iter().map(String::as_str).collect();
    let start = MIDDLE as i64;
    assert_eq!(
        conn.run(ZRange::by_rank("lb", start, start + 9)).unwrap(),
        bulks(&ten)
    );
    assert_eq!(
        conn.run(ZRange::by_score(
            "lb",
            start.to_string(),
            (start + 9).to_string()
        ))
        .unwrap(),
        bulks(&ten)
    );
    let top: Vec<String> = (MIDDLE..MIDDLE + 10)
        .map(|rank| member(MEMBERS - 1 - rank))
        .collect();
    let top: Vec<&str> = top.iter().map(String::as_str).collect();
    assert_eq!(
        conn.run(ZRange::by_rank("lb", start, start + 9).rev())
            .unwrap(),
        bulks(&top)
    );
}

/// The read commands.
#[derive(Clone, Copy)]
enum Read {
    Rank,
    RevRank,
    RangeByRank,
    RevRangeByRank,
    RangeByScore,
    RandMember,
}

impl Read {
    const ALL: [(Read, &'static str); 6] = [
        (Read::Rank, "zrank"),
        (Read::RevRank, "zrevrank"),
        (Read::RangeByRank, "zrange_rank_10"),
        (Read::RevRangeByRank, "zrange_rank_10_rev"),
        (Read::RangeByScore, "zrangebyscore_10"),
        (Read::RandMember, "zrandmember"),
    ];

    fn rank(self) -> ZLookup {
        ZLookup::rank("lb", member(MIDDLE), matches!(self, Read::RevRank))
    }

    fn range(self) -> ZRange {
        let start = MIDDLE as i64;
        match self {
            Read::RangeByRank => ZRange::by_rank("lb", start, start + 9),
            Read::RevRangeByRank => ZRange::by_rank("lb", start, start + 9).rev(),
            _ => ZRange::by_score("lb", start.to_string(), (start + 9).to_string()),
        }
    }

    fn on_connection(self, conn: &mut embedis::Connection) -> Reply {
        match self {
            Read::Rank | Read::RevRank => conn.run(self.rank()),
            Read::RandMember => conn.run(ZRandMember::new("lb")),
            _ => conn.run(self.range()),
        }
        .unwrap()
    }

    fn in_closure(self, db: &mut embedis::Db) -> Reply {
        match self {
            Read::Rank | Read::RevRank => db.run(self.rank()),
            Read::RandMember => db.run(ZRandMember::new("lb")),
            _ => db.run(self.range()),
        }
        .unwrap()
    }
}

/// A score update: the middle member moves to a quarter of the way and back, one move per
/// command.
fn update(flip: &mut bool) -> ZAdd {
    *flip = !*flip;
    let score = if *flip { MIDDLE / 2 } else { MIDDLE } as f64 + 0.5;
    ZAdd::new("lb", score, member(MIDDLE))
}

/// A score update of a random member (a leaderboard's usual write): member `m:i` gets
/// `i + 0.25`, `i + 0.5` or `i + 0.75`, so it keeps its rank but leaves its place and comes
/// back to it (the order's remove and insert, wherever the member is).
fn random_update(state: &mut u64) -> ZAdd {
    // xorshift64
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    let i = *state % MEMBERS;
    let fraction = (*state >> 32) % 3 + 1;
    ZAdd::new("lb", i as f64 + fraction as f64 * 0.25, member(i))
}

/// Members that are not in the set, with scores in the middle.
fn new_member(n: u64) -> (f64, String) {
    (MIDDLE as f64 + 0.25, format!("new:{n:09}"))
}

fn call(c: &mut Criterion, conn: &mut embedis::Connection) {
    let mut group = c.benchmark_group("call");
    group.throughput(Throughput::Elements(1));
    for (read, name) in Read::ALL {
        group.bench_function(name, |b| {
            summary::ran("call", name, None, 1);
            b.iter(|| read.on_connection(conn));
        });
    }
    let mut flip = false;
    group.bench_function("zadd_update", |b| {
        summary::ran("call", "zadd_update", None, 1);
        b.iter(|| conn.run(update(&mut flip)).unwrap());
    });
    let mut state = 0x2545_f491_4f6c_dd1d;
    group.bench_function("zadd_random", |b| {
        summary::ran("call", "zadd_random", None, 1);
        b.iter(|| conn.run(random_update(&mut state)).unwrap());
    });
    group.bench_function("zadd_new", |b| {
        summary::ran("call", "zadd_new", None, 1);
        b.iter_custom(|iters| {
            let mut elapsed = Duration::ZERO;
            for n in 0..iters {
                let (score, name) = new_member(n);
                let start = Instant::now();
                conn.run(ZAdd::new("lb", score, &*name)).unwrap();
                elapsed += start.elapsed();
                conn.run(ZRem::new("lb", [name])).unwrap();
            }
            elapsed
        });
    });
    group.finish();
}

fn inproc(c: &mut Criterion, engine: &Engine) {
    let mut group = c.benchmark_group("inproc");
    group.throughput(Throughput::Elements(BATCH));
    for (read, name) in Read::ALL {
        group.bench_function(name, |b| {
            summary::ran("inproc", name, None, BATCH);
            b.iter(|| {
                engine
                    .atomically(move |db| {
                        for _ in 0..BATCH {
                            read.in_closure(db);
                        }
                    })
                    .unwrap()
            });
        });
    }
    group.bench_function("zadd_update", |b| {
        summary::ran("inproc", "zadd_update", None, BATCH);
        b.iter(|| {
            engine
                .atomically(|db| {
                    let mut flip = false;
                    for _ in 0..BATCH {
                        db.run(update(&mut flip)).unwrap();
                    }
                })
                .unwrap()
        });
    });
    group.bench_function("zadd_random", |b| {
        summary::ran("inproc", "zadd_random", None, BATCH);
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        b.iter(|| {
            let mut next = state;
            state = engine
                .atomically(move |db| {
                    for _ in 0..BATCH {
                        db.run(random_update(&mut next)).unwrap();
                    }
                    next
                })
                .unwrap();
        });
    });
    group.bench_function("zadd_new", |b| {
        summary::ran("inproc", "zadd_new", None, BATCH);
        b.iter_custom(|iters| {
            // BATCH new members added (timed), then removed (untimed), per iteration.
            engine
                .atomically(move |db| {
                    let mut elapsed = Duration::ZERO;
                    for _ in 0..iters {
                        let start = Instant::now();
                        for n in 0..BATCH {
                            let (score, name) = new_member(n);
                            db.run(ZAdd::new("lb", score, name)).unwrap();
                        }
                        elapsed += start.elapsed();
                        db.run(ZRem::new("lb", (0..BATCH).map(|n| new_member(n).1)))
                            .unwrap();
                    }
                    elapsed
                })
                .unwrap()
        });
    });
    group.finish();
}
