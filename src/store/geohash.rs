//! Geohashes as Redis's GEO commands use them: a point becomes a 52-bit interleaved hash
//! (26 bits of latitude on the even bits, 26 of longitude on the odd ones) over Web
//! Mercator's latitude range, stored as a sorted-set score. A search covers its shape with
//! the geohash box of the centre and its eight neighbours at a step chosen from the
//! radius, reads each box as one score range, and keeps the points inside the shape.
//!
//! Everything follows redis-server's arithmetic (the same `f64` operations in the same
//! order, the same libm functions), because replies print decoded coordinates to 17
//! decimals and distances to 4: any other rounding would show.

/// Web Mercator's latitude limit: points beyond it cannot be indexed.
pub(crate) const LAT_MAX: f64 = 85.051_128_78;
pub(crate) const LAT_MIN: f64 = -85.051_128_78;
pub(crate) const LONG_MAX: f64 = 180.0;
pub(crate) const LONG_MIN: f64 = -180.0;
/// Bits per coordinate in a stored score.
pub(crate) const STEP_MAX: u8 = 26;
/// Redis's Earth radius (the quadratic mean radius of WGS-84), in meters.
const EARTH_RADIUS_IN_METERS: f64 = 6_372_797.560_856;
/// The largest distance the step estimate considers (half the Mercator world width).
const MERCATOR_MAX: f64 = 20_037_726.37;

/// A range of one coordinate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Range {
    pub(crate) min: f64,
    pub(crate) max: f64,
}

/// Longitude over the whole world.
pub(crate) const LONG_RANGE: Range = Range {
    min: LONG_MIN,
    max: LONG_MAX,
};
/// Latitude over Web Mercator's square world (the stored hashes' range).
pub(crate) const LAT_RANGE: Range = Range {
    min: LAT_MIN,
    max: LAT_MAX,
};
/// Latitude over the standard geohash's range (GEOHASH's strings).
pub(crate) const STANDARD_LAT_RANGE: Range = Range {
    min: -90.0,
    max: 90.0,
};

/// A geohash of `step` bits per coordinate; step 0 is "no box" (a neighbour excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hash {
    pub(crate) bits: u64,
    pub(crate) step: u8,
}

impl Hash {
    const NONE: Hash = Hash { bits: 0, step: 0 };

    fn is_none(self) -> bool {
        self.bits == 0 && self.step == 0
    }

    /// The hash left-aligned to 52 bits: the score of the box's first point.
    pub(crate) fn align52(self) -> u64 {
        self.bits << (52 - u32::from(self.step) * 2)
    }

    /// The scores `[min, max)` of every point inside this box.
    pub(crate) fn score_range(self) -> (u64, u64) {
        let next = Hash {
            bits: self.bits + 1,
            step: self.step,
        };
        (self.align52(), next.align52())
    }
}

/// The box a hash stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Area {
    pub(crate) longitude: Range,
    pub(crate) latitude: Range,
}

/// Spreads the low 32 bits of `x` over the even bits of the result and those of `y` over
/// the odd bits.
fn interleave(x: u32, y: u32) -> u64 {
    fn spread(v: u32) -> u64 {
        let mut v = u64::from(v);
        v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFF;
        v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FF;
        v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0F;
        v = (v | (v << 2)) & 0x3333_3333_3333_3333;
        (v | (v << 1)) & 0x5555_5555_5555_5555
    }
    spread(x) | (spread(y) << 1)
}

/// The inverse of [`interleave`]: (even bits, odd bits).
fn deinterleave(bits: u64) -> (u32, u32) {
    fn squash(v: u64) -> u32 {
        let mut v = v & 0x5555_5555_5555_5555;
        v = (v | (v >> 1)) & 0x3333_3333_3333_3333;
        v = (v | (v >> 2)) & 0x0F0F_0F0F_0F0F_0F0F;
        v = (v | (v >> 4)) & 0x00FF_00FF_00FF_00FF;
        v = (v | (v >> 8)) & 0x0000_FFFF_0000_FFFF;
        v = (v | (v >> 16)) & 0x0000_0000_FFFF_FFFF;
        v as u32
    }
    (squash(bits), squash(bits >> 1))
}

/// Whether a longitude/latitude pair can be indexed (GEOADD's check).
pub(crate) fn is_valid(longitude: f64, latitude: f64) -> bool {
    (LONG_MIN..=LONG_MAX).contains(&longitude) && (LAT_MIN..=LAT_MAX).contains(&latitude)
}

/// Redis's `geohashEncode`: the box of `step` bits holding the point; `None` outside the
/// ranges (or the indexable world).
pub(crate) fn encode(
    long_range: Range,
    lat_range: Range,
    longitude: f64,
    latitude: f64,
    step: u8,
) -> Option<Hash> {
    if !is_valid(longitude, latitude)
        || latitude < lat_range.min
        || latitude > lat_range.max
        || longitude < long_range.min
        || longitude > long_range.max
    {
        return None;
    }
    let scale = (1u64 << step) as f64;
    let lat_offset = (latitude - lat_range.min) / (lat_range.max - lat_range.min) * scale;
    let long_offset = (longitude - long_range.min) / (long_range.max - long_range.min) * scale;
    Some(Hash {
        bits: interleave(lat_offset as u32, long_offset as u32),
        step,
    })
}

/// The 52-bit score GEOADD stores for a point (which [`is_valid`] accepted).
pub(crate) fn score_of(longitude: f64, latitude: f64) -> Option<u64> {
    encode(LONG_RANGE, LAT_RANGE, longitude, latitude, STEP_MAX).map(Hash::align52)
}

/// Redis's `geohashDecode`: the box a hash stands for.
pub(crate) fn decode(long_range: Range, lat_range: Range, hash: Hash) -> Area {
    let (lat_bits, long_bits) = deinterleave(hash.bits);
    let scale = (1u64 << hash.step) as f64;
    let lat_span = lat_range.max - lat_range.min;
    let long_span = long_range.max - long_range.min;
    Area {
        latitude: Range {
            min: lat_range.min + (f64::from(lat_bits) / scale) * lat_span,
            max: lat_range.min + (f64::from(lat_bits.wrapping_add(1)) / scale) * lat_span,
        },
        longitude: Range {
            min: long_range.min + (f64::from(long_bits) / scale) * long_span,
            max: long_range.min + (f64::from(long_bits.wrapping_add(1)) / scale) * long_span,
        },
    }
}

/// The point a stored score stands for: the centre of its box, clamped to the world.
/// Any score decodes (Redis converts it to an integer as x86-64 does).
pub(crate) fn decode_score(score: f64) -> (f64, f64) {
    let hash = Hash {
        bits: c_double_to_u64(score),
        step: STEP_MAX,
    };
    let area = decode(LONG_RANGE, LAT_RANGE, hash);
    let longitude = ((area.longitude.min + area.longitude.max) / 2.0).clamp(LONG_MIN, LONG_MAX);
    let latitude = ((area.latitude.min + area.latitude.max) / 2.0).clamp(LAT_MIN, LAT_MAX);
    (longitude, latitude)
}

/// C's `(uint64_t)x` as gcc compiles it for x86-64: truncation toward zero through a
/// signed conversion below 2⁶³ (so a negative score wraps), the indefinite integer
/// (`0x8000000000000000`) for NaN and out-of-range values.
fn c_double_to_u64(x: f64) -> u64 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    let signed = |v: f64| {
        if !(-TWO_63..TWO_63).contains(&v) {
            i64::MIN
        } else {
            v as i64
        }
    };
    if x < TWO_63 || x.is_nan() {
        signed(x) as u64
    } else {
        (signed(x - TWO_63) as u64) ^ (1 << 63)
    }
}

/// The 11-character standard geohash GEOHASH replies for a stored score.
pub(crate) fn standard_string(score: f64) -> Option<String> {
    const ALPHABET: &[u8; 32] = b"0123456789bcdefghjkmnpqrstuvwxyz";
    let (longitude, latitude) = decode_score(score);
    let hash = encode(
        LONG_RANGE,
        STANDARD_LAT_RANGE,
        longitude,
        latitude,
        STEP_MAX,
    )?;
    let text = (0..11)
        .map(|i| {
            let index = if i == 10 {
                0 // 52 bits give ten characters; Redis pads the eleventh
            } else {
                (hash.bits >> (52 - (i + 1) * 5)) & 0x1f
            };
            char::from(ALPHABET[index as usize])
        })
        .collect();
    Some(text)
}

fn deg_rad(angle: f64) -> f64 {
    angle * (std::f64::consts::PI / 180.0)
}

fn rad_deg(angle: f64) -> f64 {
    angle / (std::f64::consts::PI / 180.0)
}

/// The distance along a meridian between two latitudes, in meters.
fn lat_distance(lat1: f64, lat2: f64) -> f64 {
    EARTH_RADIUS_IN_METERS * (deg_rad(lat2) - deg_rad(lat1)).abs()
}

/// The haversine great-circle distance between two points, in meters.
pub(crate) fn distance(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let lon1r = deg_rad(lon1);
    let lon2r = deg_rad(lon2);
    let v = ((lon2r - lon1r) / 2.0).sin();
    if v == 0.0 {
        return lat_distance(lat1, lat2);
    }
    let lat1r = deg_rad(lat1);
    let lat2r = deg_rad(lat2);
    let u = ((lat2r - lat1r) / 2.0).sin();
    let a = u * u + lat1r.cos() * lat2r.cos() * v * v;
    2.0 * EARTH_RADIUS_IN_METERS * a.sqrt().asin()
}

/// What a search covers around its centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shape {
    /// BYRADIUS: a radius, in the unit's own measure.
    Radius(f64),
    /// BYBOX: width and height, in the unit's own measure.
    Box { width: f64, height: f64 },
}

/// A search: a centre, a shape and the meters per unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Search {
    pub(crate) longitude: f64,
    pub(crate) latitude: f64,
    pub(crate) shape: Shape,
    pub(crate) meters_per_unit: f64,
}

impl Search {
    /// Whether the point is inside the shape: its distance from the centre, in meters.
    pub(crate) fn contains(&self, longitude: f64, latitude: f64) -> Option<f64> {
        match self.shape {
            Shape::Radius(radius) => {
                let d = distance(self.longitude, self.latitude, longitude, latitude);
                (d <= radius * self.meters_per_unit).then_some(d)
            }
            Shape::Box { width, height } => {
                let (width, height) = (width * self.meters_per_unit, height * self.meters_per_unit);
                if lat_distance(latitude, self.latitude) > height / 2.0 {
                    return None;
                }
                if distance(longitude, latitude, self.longitude, latitude) > width / 2.0 {
                    return None;
                }
                Some(distance(self.longitude, self.latitude, longitude, latitude))
            }
        }
    }

    /// The bounding box: (min longitude, min latitude, max longitude, max latitude).
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let (half_height, half_width) = match self.shape {
            Shape::Radius(radius) => (radius, radius),
            Shape::Box { width, height } => (height / 2.0, width / 2.0),
        };
        let height = self.meters_per_unit * half_height;
        let width = self.meters_per_unit * half_width;
        let lat_delta = rad_deg(height / EARTH_RADIUS_IN_METERS);
        let long_delta_top =
            rad_deg(width / EARTH_RADIUS_IN_METERS / deg_rad(self.latitude + lat_delta).cos());
        let long_delta_bottom =
            rad_deg(width / EARTH_RADIUS_IN_METERS / deg_rad(self.latitude - lat_delta).cos());
        // The box widens towards the pole: the far edge is the wider one.
        let long_delta = if self.latitude < 0.0 {
            long_delta_bottom
        } else {
            long_delta_top
        };
        (
            self.longitude - long_delta,
            self.latitude - lat_delta,
            self.longitude + long_delta,
            self.latitude + lat_delta,
        )
    }

    /// Redis's `geohashCalculateAreasByShapeWGS84`: the boxes to read, in Redis's order
    /// (centre, north, south, east, west, north-east, north-west, south-east, south-west),
    /// the useless ones left out.
    pub(crate) fn boxes(&self) -> Vec<Hash> {
        let (min_lon, min_lat, max_lon, max_lat) = self.bounds();
        let radius_meters = match self.shape {
            Shape::Radius(radius) => radius,
            Shape::Box { width, height } => {
                ((width / 2.0) * (width / 2.0) + (height / 2.0) * (height / 2.0)).sqrt()
            }
        } * self.meters_per_unit;
        let mut step = estimate_step(radius_meters, self.latitude);
        let centre = |step| {
            encode(LONG_RANGE, LAT_RANGE, self.longitude, self.latitude, step)
                .unwrap_or(Hash { bits: 0, step })
        };
        let mut hash = centre(step);
        let mut around = Neighbours::of(hash);
        // Too coarse when the shape reaches past a neighbour: one step coarser.
        let reaches_past = {
            let north = decode(LONG_RANGE, LAT_RANGE, around.north);
            let south = decode(LONG_RANGE, LAT_RANGE, around.south);
            let east = decode(LONG_RANGE, LAT_RANGE, around.east);
            let west = decode(LONG_RANGE, LAT_RANGE, around.west);
            north.latitude.max < max_lat
                || south.latitude.min > min_lat
                || east.longitude.max < max_lon
                || west.longitude.min > min_lon
        };
        if step > 1 && reaches_past {
            step -= 1;
            hash = centre(step);
            around = Neighbours::of(hash);
        }
        let area = decode(LONG_RANGE, LAT_RANGE, hash);
        if step >= 2 {
            if area.latitude.min < min_lat {
                around.south = Hash::NONE;
                around.south_west = Hash::NONE;
                around.south_east = Hash::NONE;
            }
            if area.latitude.max > max_lat {
                around.north = Hash::NONE;
                around.north_east = Hash::NONE;
                around.north_west = Hash::NONE;
            }
            if area.longitude.min < min_lon {
                around.west = Hash::NONE;
                around.south_west = Hash::NONE;
                around.north_west = Hash::NONE;
            }
            if area.longitude.max > max_lon {
                around.east = Hash::NONE;
                around.south_east = Hash::NONE;
                around.north_east = Hash::NONE;
            }
        }
        let all = [
            hash,
            around.north,
            around.south,
            around.east,
            around.west,
            around.north_east,
            around.north_west,
            around.south_east,
            around.south_west,
        ];
        // A huge radius makes neighbours coincide; Redis skips a box equal to the one it
        // read last, unless that was the centre.
        let mut boxes: Vec<Hash> = Vec::with_capacity(9);
        let mut last_read = 0;
        for (index, candidate) in all.into_iter().enumerate() {
            if candidate.is_none() || (last_read != 0 && candidate == all[last_read]) {
                continue;
            }
            boxes.push(candidate);
            last_read = index;
        }
        boxes
    }
}

/// Redis's `geohashEstimateStepsByRadius`: the finest step whose boxes still cover the
/// radius, coarser near the poles.
fn estimate_step(mut range_meters: f64, latitude: f64) -> u8 {
    if range_meters == 0.0 {
        return STEP_MAX;
    }
    let mut step: i32 = 1;
    while range_meters < MERCATOR_MAX {
        range_meters *= 2.0;
        step += 1;
    }
    step -= 2;
    if !(-66.0..=66.0).contains(&latitude) {
        step -= 1;
        if !(-80.0..=80.0).contains(&latitude) {
            step -= 1;
        }
    }
    step.clamp(1, i32::from(STEP_MAX)) as u8
}

/// The eight boxes around one.
struct Neighbours {
    north: Hash,
    south: Hash,
    east: Hash,
    west: Hash,
    north_east: Hash,
    north_west: Hash,
    south_east: Hash,
    south_west: Hash,
}

impl Neighbours {
    fn of(hash: Hash) -> Neighbours {
        let at = |dx: i8, dy: i8| move_y(move_x(hash, dx), dy);
        Neighbours {
            east: at(1, 0),
            west: at(-1, 0),
            south: at(0, -1),
            north: at(0, 1),
            north_west: at(-1, 1),
            south_west: at(-1, -1),
            north_east: at(1, 1),
            south_east: at(1, -1),
        }
    }
}

/// Moves a box one step east (`d > 0`) or west along the longitude (odd) bits, wrapping.
fn move_x(hash: Hash, d: i8) -> Hash {
    step_along(hash, d, 0xaaaa_aaaa_aaaa_aaaa)
}

/// Moves a box one step north (`d > 0`) or south along the latitude (even) bits, wrapping.
fn move_y(hash: Hash, d: i8) -> Hash {
    step_along(hash, d, 0x5555_5555_5555_5555)
}

/// Adds `d` (±1) to the coordinate whose bits `mask` selects, as Redis's `geohash_move_x`
/// and `geohash_move_y` do: the other coordinate's bits are filled with ones so the carry
/// (or borrow) runs through them, then masked off.
fn step_along(hash: Hash, d: i8, mask: u64) -> Hash {
    if d == 0 {
        return hash;
    }
    let shift = 64 - u32::from(hash.step) * 2;
    let mut moving = hash.bits & mask;
    let kept = hash.bits & !mask;
    let others = (!mask).checked_shr(shift).unwrap_or(0);
    if d > 0 {
        moving = moving.wrapping_add(others.wrapping_add(1));
    } else {
        moving |= others;
        moving = moving.wrapping_sub(others.wrapping_add(1));
    }
    moving &= mask.checked_shr(shift).unwrap_or(0);
    Hash {
        bits: moving | kept,
        step: hash.step,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaving_round_trips() {
        for (x, y) in [
            (0u32, 0u32),
            (1, 0),
            (0, 1),
            (0x3ff_ffff, 0x155_5555),
            (u32::MAX, 7),
        ] {
            assert_eq!(deinterleave(interleave(x, y)), (x, y));
        }
        assert_eq!(interleave(1, 0), 1);
        assert_eq!(interleave(0, 1), 2);
    }

    #[test]
    fn a_point_decodes_to_the_centre_of_its_box_nearby() {
        let score = score_of(13.361389, 38.115556).unwrap();
        let (lon, lat) = decode_score(score as f64);
        assert!((lon - 13.361389).abs() < 1e-5 && (lat - 38.115556).abs() < 1e-5);
        assert!(score < 1 << 52);
        assert_eq!(score_of(181.0, 0.0), None);
        assert_eq!(score_of(0.0, 85.06), None);
    }

    #[test]
    fn palermo_to_catania_is_redis_documented_distance() {
        // The example of Redis's GEODIST documentation: 166274.1516 m.
        let palermo = decode_score(score_of(13.361389, 38.115556).unwrap() as f64);
        let catania = decode_score(score_of(15.087269, 37.502669).unwrap() as f64);
        let d = distance(palermo.0, palermo.1, catania.0, catania.1);
        assert_eq!(format!("{d:.4}"), "166274.1516");
    }

    #[test]
    fn standard_geohash_strings_match_the_documentation() {
        // GEOHASH's documentation: Palermo sqc8b49rny0, Catania sqdtr74hyu0.
        let palermo = score_of(13.361389, 38.115556).unwrap() as f64;
        assert_eq!(standard_string(palermo).unwrap(), "sqc8b49rny0");
        let catania = score_of(15.087269, 37.502669).unwrap() as f64;
        assert_eq!(standard_string(catania).unwrap(), "sqdtr74hyu0");
    }

    #[test]
    fn neighbours_are_adjacent_boxes() {
        let hash = encode(LONG_RANGE, LAT_RANGE, 10.0, 10.0, 10).unwrap();
        let centre = decode(LONG_RANGE, LAT_RANGE, hash);
        let around = Neighbours::of(hash);
        let east = decode(LONG_RANGE, LAT_RANGE, around.east);
        let north = decode(LONG_RANGE, LAT_RANGE, around.north);
        assert_eq!(east.longitude.min, centre.longitude.max);
        assert_eq!(north.latitude.min, centre.latitude.max);
        assert_eq!(east.latitude, centre.latitude);
    }

    #[test]
    fn scores_that_are_not_geohashes_still_decode() {
        for score in [-1.0, f64::NAN, 1e300, -1e300, 0.0, 4503599627370496.0] {
            let (lon, lat) = decode_score(score);
            assert!((LONG_MIN..=LONG_MAX).contains(&lon) && (LAT_MIN..=LAT_MAX).contains(&lat));
        }
        assert_eq!(c_double_to_u64(-1.0), u64::MAX);
        assert_eq!(c_double_to_u64(f64::NAN), 1 << 63);
        assert_eq!(c_double_to_u64(1e300), 0);
    }

    #[test]
    fn the_step_shrinks_with_the_radius_and_near_the_poles() {
        assert_eq!(estimate_step(0.0, 0.0), 26);
        assert!(estimate_step(100.0, 0.0) > estimate_step(100_000.0, 0.0));
        assert_eq!(estimate_step(100.0, 70.0) + 1, estimate_step(100.0, 0.0));
        assert_eq!(estimate_step(1e9, 0.0), 1);
    }
}
