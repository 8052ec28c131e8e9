//! HyperLogLog through the typed API: estimates within Redis's error bound (0.81 %
//! standard error; 3 % allowed here) over sets of many sizes, a merge counts the union,
//! and the value is a string that copies (GET, SET) into another working HLL.

use embedis::cmd::{PfAdd, PfCount, PfMerge};
use embedis::{Engine, Reply};

fn elements(from: u32, to: u32) -> Vec<String> {
    (from..to).map(|i| format!("user:{i}")).collect()
}

#[test]
fn estimates_stay_within_a_few_percent_at_every_size() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let mut added = 0u32;
    for target in [10u32, 100, 1_000, 10_000, 50_000] {
        conn.run(PfAdd::new("visitors", elements(added, target)))
            .unwrap();
        added = target;
        let estimate = conn.run(PfCount::new(["visitors"])).unwrap() as f64;
        let error = (estimate - f64::from(target)).abs() / f64::from(target);
        assert!(error < 0.03, "{target} counted as {estimate}");
    }
    // Adding again changes nothing.
    assert!(!conn.run(PfAdd::new("visitors", elements(0, 1000))).unwrap());
}

#[test]
fn merges_count_the_union_and_values_copy_as_strings() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    conn.run(PfAdd::new("monday", elements(0, 3000))).unwrap();
    conn.run(PfAdd::new("tuesday", elements(2000, 6000)))
        .unwrap();
    conn.run(PfMerge::new("week", ["monday", "tuesday"]))
        .unwrap();
    let week = conn.run(PfCount::new(["week"])).unwrap();
    let union = conn.run(PfCount::new(["monday", "tuesday"])).unwrap();
    assert_eq!(week, union);
    assert!((week as f64 - 6000.0).abs() < 180.0, "{week}");
    let Reply::Bulk(bytes) = conn.call(["GET", "week"]).unwrap() else {
        panic!()
    };
    assert!(bytes.starts_with(b"HYLL"));
    conn.call([&b"SET"[..], b"copy", &bytes]).unwrap();
    assert_eq!(conn.run(PfCount::new(["copy"])).unwrap(), week);
    conn.call(["SET", "plain", "not an hll"]).unwrap();
    let refused = conn.run(PfCount::new(["plain"])).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "WRONGTYPE Key is not a valid HyperLogLog string value."
    );
}
