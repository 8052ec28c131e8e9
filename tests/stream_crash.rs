//! Crash safety of a consumer group: producers, several workers of which some stop without
//! acknowledging (a simulated crash), and a recovering worker that takes their entries over
//! with XAUTOCLAIM. Every entry must be processed, none lost, each acknowledged exactly once,
//! and the stream bounded by MAXLEN trimming. Run on a ManualClock and on the system clock.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use embedis::cmd::{XAdd, XLen, XPending};
use embedis::{Engine, ManualClock, Reply, StreamConsumer, StreamId};

const ROUNDS: usize = 40;
const PER_ROUND: usize = 50;
const MAXLEN: u64 = 1_000;

/// Moves time forward: the manual clock by `by`, the system clock by sleeping.
trait Time {
    fn pass(&self, by: Duration);
}

impl Time for ManualClock {
    fn pass(&self, by: Duration) {
        self.advance(by);
    }
}

struct Wall;

impl Time for Wall {
    fn pass(&self, by: Duration) {
        std::thread::sleep(by);
    }
}

fn pending_count(engine: &Engine) -> i64 {
    match engine
        .connect()
        .run(XPending::summary("orders", "billing"))
        .unwrap()
    {
        Reply::Array(items) => match items.first() {
            Some(Reply::Integer(n)) => *n,
            other => panic!("XPENDING summary: {other:?}"),
        },
        other => panic!("XPENDING summary: {other:?}"),
    }
}

fn run(engine: Engine, time: &dyn Time, reclaim_idle: Duration) {
    let worker = |name: &str| -> StreamConsumer {
        engine
            .stream_consumer("orders", "billing", name)
            .batch(20)
            .reclaim_idle(reclaim_idle)
            .reclaim_every(reclaim_idle / 2)
            .build()
            .unwrap()
    };
    let mut workers: Vec<StreamConsumer> =
        ["w0", "w1", "w2", "w3"].into_iter().map(worker).collect();
    let mut producer = engine.connect();
    let mut produced = BTreeSet::new();
    // Each entry id -> how many times a handler succeeded on it, and how many acks we saw.
    let mut processed: BTreeMap<StreamId, u32> = BTreeMap::new();
    let mut acked_total = 0usize;
    let mut max_len = 0;
    // w0 crashes in round 10, w1 in round 25: after that they read but never acknowledge,
    // then stop for good (their pending entries are left behind).
    let crash_round = [Some(10), Some(25), None, None];
    let mut crashed = [false; 4];
    for round in 0..ROUNDS {
        for n in 0..PER_ROUND {
            let id = producer
                .run(
                    XAdd::new("orders", [("n", (round * PER_ROUND + n).to_string())])
                        .max_len(MAXLEN, true),
                )
                .unwrap()
                .expect("added");
            produced.insert(id);
        }
        for (index, worker) in workers.iter_mut().enumerate() {
            if crashed[index] {
                continue;
            }
            let crashing = crash_round[index] == Some(round);
            let report = worker
                .poll(|entry| {
                    if crashing {
                        return Err("crashed before acknowledging");
                    }
                    *processed.entry(entry.id).or_default() += 1;
                    Ok(())
                })
                .unwrap();
            acked_total += report.acked;
            if crashing {
                crashed[index] = true;
            }
        }
        let len = producer.run(XLen::new("orders")).unwrap();
        max_len = max_len.max(len);
        time.pass(reclaim_idle / 8);
    }
    // Recovery: after the idle time, a fresh worker takes over what the crashed ones left.
    let mut rescuer = worker("rescuer");
    for _ in 0..20 {
        time.pass(reclaim_idle);
        let mut quiet = true;
        for worker in workers
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| !crashed[*i])
            .map(|(_, w)| w)
            .chain([&mut rescuer])
        {
            let report = worker
                .poll(|entry| {
                    *processed.entry(entry.id).or_default() += 1;
                    Ok::<(), ()>(())
                })
                .unwrap();
            acked_total += report.acked;
            quiet &= report.handled == 0;
        }
        if quiet && pending_count(&engine) == 0 {
            break;
        }
    }
    assert_eq!(pending_count(&engine), 0, "nothing left pending");
    let processed_ids: BTreeSet<StreamId> = processed.keys().copied().collect();
    assert_eq!(processed_ids, produced, "every entry processed, none lost");
    assert_eq!(
        acked_total,
        produced.len(),
        "each entry acknowledged exactly once"
    );
    assert!(
        processed.values().all(|&n| n == 1),
        "a successful handler never ran twice"
    );
    assert!(
        max_len < MAXLEN as i64 + 200,
        "bounded by MAXLEN ~: {max_len}"
    );
    assert!(
        producer.run(XLen::new("orders")).unwrap() < produced.len() as i64,
        "trimming happened"
    );
}

#[test]
fn crashed_workers_entries_are_recovered_on_a_manual_clock() {
    let clock = ManualClock::new();
    let engine = Engine::builder().clock(clock.clone()).build();
    run(engine, &clock, Duration::from_secs(30));
}

#[test]
fn crashed_workers_entries_are_recovered_on_the_system_clock() {
    run(Engine::new(), &Wall, Duration::from_millis(40));
}
