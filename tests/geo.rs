//! GEO through the typed API, checked against a brute force over every member: a search
//! returns exactly the members within the radius (or box), nearest first, with distances
//! that agree with GEODIST.

use embedis::cmd::{GeoAdd, GeoDist, GeoSearch};
use embedis::{Engine, Reply};

/// A deterministic spread of points around Lisbon (±1° in each direction).
fn points() -> Vec<(f64, f64, String)> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..400)
        .map(|i| {
            (
                -9.14 + (next() - 0.5) * 2.0,
                38.72 + (next() - 0.5) * 2.0,
                format!("driver:{i}"),
            )
        })
        .collect()
}

fn distance_of(conn: &mut embedis::Connection, a: &str, b: &str) -> f64 {
    match conn.run(GeoDist::new("drivers", a, b)).unwrap() {
        Reply::Bulk(text) => std::str::from_utf8(&text).unwrap().parse().unwrap(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn radius_searches_return_exactly_the_members_within_nearest_first() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    let points = points();
    let mut add = GeoAdd::new("drivers", points[0].0, points[0].1, points[0].2.as_str());
    for (lon, lat, name) in &points[1..] {
        add = add.point(*lon, *lat, name.as_str());
    }
    assert_eq!(conn.run(add).unwrap(), Reply::Integer(400));
    for radius_km in [5.0, 20.0, 60.0] {
        let found = conn
            .run(
                GeoSearch::new("drivers")
                    .from_member("driver:0")
                    .by_radius(radius_km, "km")
                    .asc()
                    .with_dist(),
            )
            .unwrap();
        let Reply::Array(found) = found else {
            panic!("{found:?}")
        };
        let mut last = 0.0;
        let mut names = Vec::new();
        for item in &found {
            let Reply::Array(pair) = item else {
                panic!("{item:?}")
            };
            let (Reply::Bulk(name), Reply::Bulk(km)) = (&pair[0], &pair[1]) else {
                panic!()
            };
            let km: f64 = std::str::from_utf8(km).unwrap().parse().unwrap();
            assert!(km >= last, "ascending by distance");
            assert!(km <= radius_km);
            last = km;
            names.push(String::from_utf8(name.to_vec()).unwrap());
        }
        // Brute force with GEODIST (meters): every member within the radius is found.
        let within: Vec<&String> = points
            .iter()
            .map(|(_, _, name)| name)
            .filter(|name| distance_of(&mut conn, "driver:0", name) <= radius_km * 1000.0)
            .collect();
        assert_eq!(names.len(), within.len(), "radius {radius_km} km");
        assert!(within.iter().all(|name| names.contains(name)));
    }
}

#[test]
fn count_keeps_the_nearest_and_store_keeps_them_as_a_sorted_set() {
    let engine = Engine::new();
    let mut conn = engine.connect();
    for (lon, lat, name) in points() {
        conn.run(GeoAdd::new("drivers", lon, lat, name)).unwrap();
    }
    let nearest = conn
        .run(
            GeoSearch::new("drivers")
                .from_lonlat(-9.14, 38.72)
                .by_box(200.0, 200.0, "km")
                .count(5),
        )
        .unwrap();
    let Reply::Array(nearest) = nearest else {
        panic!()
    };
    assert_eq!(nearest.len(), 5);
    let stored = conn
        .run(
            GeoSearch::store("nearby", "drivers")
                .from_lonlat(-9.14, 38.72)
                .by_box(200.0, 200.0, "km")
                .count(5)
                .store_dist(),
        )
        .unwrap();
    assert_eq!(stored, Reply::Integer(5));
    let ranked = conn.call(["ZRANGE", "nearby", "0", "-1"]).unwrap();
    assert_eq!(ranked, Reply::Array(nearest), "STOREDIST ranks by distance");
}
