//! GEO commands, as redis-server 7.0 has them: GEOADD, GEOPOS, GEODIST, GEOHASH,
//! GEORADIUS, GEORADIUSBYMEMBER (and their `_RO` forms), GEOSEARCH and GEOSEARCHSTORE.
//! Points live in sorted sets, their 52-bit geohash as the score (`store/geohash.rs`).
//!
//! GEOADD is a ZADD of the encoded scores, as in Redis (it logs and notifies as ZADD). The
//! searches read their arguments at run time, in Redis's order, because it interleaves them
//! with lookups: the key's type first, a FROMMEMBER's member as soon as it is read, so
//! which error wins depends on it. Results come in Redis's box order unless sorted.
//!
//! The append-only file: a STORE logs the destination's whole new state.

use bytes::Bytes;

use super::argv::Args;
use super::context::Ctx;
use super::{Command, IntoArg};
use crate::exec::notify;
use crate::store::c_string::keyword_is;
use crate::store::double::parse_score;
use crate::store::geohash::{self, Search, Shape};
use crate::store::number::parse_i64;
use crate::store::zset::{ScoreBound, SortedSet};
use crate::{Error, GeoError, Reply};

/// Redis's `addReplyHumanLongDouble` text: 17 decimals, trailing zeros (and point) cut.
fn human(value: f64) -> Reply {
    let mut text = format!("{value:.17}");
    let kept = text.trim_end_matches('0').trim_end_matches('.').len();
    text.truncate(kept);
    if text == "-0" {
        text = "0".to_string();
    }
    Reply::FormattedDouble(text.into())
}

/// A coordinate pair in a reply.
fn position(longitude: f64, latitude: f64) -> Reply {
    Reply::Array(vec![human(longitude), human(latitude)])
}

/// A distance in a reply: a bulk string in both protocols, with four decimals as Redis's
/// `fixedpoint_d2string` writes them (the value times 10⁴ rounded half to even, then split:
/// not the exact decimal rounding `%.4f` would give).
fn distance_reply(distance: f64) -> Reply {
    if distance == 0.0 {
        return Reply::bulk("0.0000");
    }
    let scaled = (distance * 10_000.0).round_ties_even() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let value = scaled.unsigned_abs();
    Reply::Bulk(format!("{sign}{}.{:04}", value / 10_000, value % 10_000).into())
}

/// A number argument as Redis's `getDoubleFromObject` reads it.
fn number(arg: &[u8], error: Error) -> Result<f64, Error> {
    parse_score(arg).ok_or(error)
}

/// `longitude latitude`, checked against the indexable world.
fn lon_lat(longitude: &[u8], latitude: &[u8]) -> Result<(f64, f64), Error> {
    let longitude = number(longitude, Error::NotFloat)?;
    let latitude = number(latitude, Error::NotFloat)?;
    if !geohash::is_valid(longitude, latitude) {
        return Err(GeoError::invalid_pair(longitude, latitude).into());
    }
    Ok((longitude, latitude))
}

/// A unit's meters.
fn unit(arg: &[u8]) -> Result<f64, Error> {
    for (name, meters) in [("m", 1.0), ("km", 1000.0), ("ft", 0.3048), ("mi", 1609.34)] {
        if keyword_is(arg, name) {
            return Ok(meters);
        }
    }
    Err(GeoError::UnknownUnit.into())
}

/// `radius unit`: (radius, meters per unit).
fn radius_and_unit(radius: &[u8], unit_arg: &[u8]) -> Result<(f64, f64), Error> {
    let radius = number(radius, GeoError::RadiusNotNumeric.into())?;
    if radius < 0.0 {
        return Err(GeoError::NegativeRadius.into());
    }
    Ok((radius, unit(unit_arg)?))
}

/// The point a member stands for, if it is in the set.
fn member_position(set: Option<&SortedSet>, member: &[u8]) -> Option<(f64, f64)> {
    set?.score(member).map(geohash::decode_score)
}

/// `GEOADD key [NX | XX] [CH] longitude latitude member [...]`: a ZADD of the members'
/// geohash scores; replies what ZADD replies.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoAdd {
    key: Bytes,
    /// NX, XX and CH as given, passed on to ZADD.
    flags: Vec<Bytes>,
    points: Vec<(f64, f64, Bytes)>,
}

impl GeoAdd {
    /// `GEOADD key longitude latitude member`; an invalid pair is reported when it runs.
    ///
    /// ```
    /// use embedis::{cmd::{GeoAdd, GeoDist}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// let sicily = GeoAdd::new("sicily", 13.361389, 38.115556, "Palermo")
    ///     .point(15.087269, 37.502669, "Catania");
    /// assert_eq!(conn.run(sicily).unwrap(), Reply::Integer(2));
    /// let km = conn.run(GeoDist::new("sicily", "Palermo", "Catania").unit("km")).unwrap();
    /// assert_eq!(km, Reply::bulk("166.2742"));
    /// ```
    pub fn new(key: impl IntoArg, longitude: f64, latitude: f64, member: impl IntoArg) -> GeoAdd {
        GeoAdd {
            key: key.into_arg(),
            flags: Vec::new(),
            points: Vec::new(),
        }
        .point(longitude, latitude, member)
    }

    /// Adds another point.
    pub fn point(mut self, longitude: f64, latitude: f64, member: impl IntoArg) -> GeoAdd {
        self.points.push((longitude, latitude, member.into_arg()));
        self
    }

    /// `NX`: only add new members.
    pub fn nx(mut self) -> GeoAdd {
        self.flags.push(Bytes::from_static(b"NX"));
        self
    }

    /// `XX`: only move existing members.
    pub fn xx(mut self) -> GeoAdd {
        self.flags.push(Bytes::from_static(b"XX"));
        self
    }

    /// `CH`: reply how many members were added or moved.
    pub fn ch(mut self) -> GeoAdd {
        self.flags.push(Bytes::from_static(b"CH"));
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let words = args.rest();
        let options = words
            .iter()
            .take_while(|word| ["nx", "xx", "ch"].iter().any(|o| keyword_is(word, o)))
            .count();
        let (flags, rest) = words.split_at(options);
        let nx = flags.iter().any(|word| keyword_is(word, "nx"));
        let xx = flags.iter().any(|word| keyword_is(word, "xx"));
        if rest.len() % 3 != 0 || (nx && xx) {
            return Err(Error::Syntax);
        }
        let mut points = Vec::with_capacity(rest.len() / 3);
        for point in rest.chunks(3) {
            let (longitude, latitude) = lon_lat(&point[0], &point[1])?;
            points.push((longitude, latitude, point[2].clone()));
        }
        Ok(Command::GeoAdd(Box::new(GeoAdd {
            key,
            flags: flags.to_vec(),
            points,
        })))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let mut argv: Vec<Bytes> = vec![Bytes::from_static(b"ZADD"), self.key];
        argv.extend(self.flags);
        for (longitude, latitude, member) in self.points {
            let Some(score) = geohash::score_of(longitude, latitude) else {
                return Error::from(GeoError::invalid_pair(longitude, latitude)).into();
            };
            argv.push(score.to_string().into());
            argv.push(member);
        }
        match Command::from_argv(argv) {
            Ok(zadd) => zadd.apply(ctx),
            Err(error) => error.into(),
        }
    }
}

/// `GEOPOS key member [...]` (each member's position, nil for a missing one) and `GEOHASH
/// key member [...]` (each member's 11-character standard geohash, nil for a missing one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeoLookup {
    pub(crate) key: Bytes,
    members: Vec<Bytes>,
    /// GEOHASH rather than GEOPOS.
    hashes: bool,
}

impl GeoLookup {
    /// `GEOPOS key member...`.
    ///
    /// ```
    /// use embedis::{cmd::{GeoAdd, GeoLookup}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(GeoAdd::new("sicily", 13.361389, 38.115556, "Palermo")).unwrap();
    /// let Reply::Array(positions) = conn.run(GeoLookup::positions("sicily", ["Palermo", "Rome"])).unwrap() else { panic!() };
    /// assert_eq!(positions[1], Reply::NilArray);
    /// ```
    pub fn positions<M: IntoArg>(
        key: impl IntoArg,
        members: impl IntoIterator<Item = M>,
    ) -> GeoLookup {
        GeoLookup {
            key: key.into_arg(),
            members: members.into_iter().map(IntoArg::into_arg).collect(),
            hashes: false,
        }
    }

    /// `GEOHASH key member...`.
    ///
    /// ```
    /// use embedis::{cmd::{GeoAdd, GeoLookup}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(GeoAdd::new("sicily", 13.361389, 38.115556, "Palermo")).unwrap();
    /// let hashes = conn.run(GeoLookup::hashes("sicily", ["Palermo"])).unwrap();
    /// assert_eq!(hashes, Reply::Array(vec![Reply::bulk("sqc8b49rny0")]));
    /// ```
    pub fn hashes<M: IntoArg>(
        key: impl IntoArg,
        members: impl IntoIterator<Item = M>,
    ) -> GeoLookup {
        GeoLookup {
            hashes: true,
            ..GeoLookup::positions(key, members)
        }
    }

    fn parse_with(args: &mut Args, hashes: bool) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        Ok(Command::GeoLookup(GeoLookup {
            key,
            members: args.rest(),
            hashes,
        }))
    }

    pub(crate) fn parse_pos(args: &mut Args) -> Result<Command, Error> {
        GeoLookup::parse_with(args, false)
    }

    pub(crate) fn parse_hash(args: &mut Args) -> Result<Command, Error> {
        GeoLookup::parse_with(args, true)
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.hashes {
            "geohash"
        } else {
            "geopos"
        }
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let set = match ctx.read_zset(&self.key) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        let lookup = |member: &Bytes| {
            let score = set.and_then(|set| set.score(member));
            if self.hashes {
                score
                    .and_then(geohash::standard_string)
                    .map_or(Reply::Nil, |text| Reply::Bulk(text.into()))
            } else {
                score
                    .map(geohash::decode_score)
                    .map_or(Reply::NilArray, |(longitude, latitude)| {
                        position(longitude, latitude)
                    })
            }
        };
        Reply::Array(self.members.iter().map(lookup).collect())
    }
}

/// `GEODIST key member1 member2 [M | KM | FT | MI]`: the distance between two members,
/// nil if either is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeoDist {
    pub(crate) key: Bytes,
    first: Bytes,
    second: Bytes,
    unit: Option<Bytes>,
}

impl GeoDist {
    /// `GEODIST key member1 member2` (in meters).
    pub fn new(key: impl IntoArg, first: impl IntoArg, second: impl IntoArg) -> GeoDist {
        GeoDist {
            key: key.into_arg(),
            first: first.into_arg(),
            second: second.into_arg(),
            unit: None,
        }
    }

    /// In `unit` (`m`, `km`, `ft`, `mi`).
    pub fn unit(mut self, unit: impl IntoArg) -> GeoDist {
        self.unit = Some(unit.into_arg());
        self
    }

    pub(crate) fn parse(args: &mut Args) -> Result<Command, Error> {
        let key = args.next_bytes()?;
        let first = args.next_bytes()?;
        let second = args.next_bytes()?;
        let unit = args.next();
        if !args.is_empty() {
            return Err(Error::Syntax);
        }
        Ok(Command::GeoDist(Box::new(GeoDist {
            key,
            first,
            second,
            unit,
        })))
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        let meters = match self.unit.as_deref().map(unit).unwrap_or(Ok(1.0)) {
            Ok(meters) => meters,
            Err(error) => return error.into(),
        };
        let set = match ctx.read_zset(&self.key) {
            Ok(set) => set,
            Err(error) => return error.into(),
        };
        match (
            member_position(set, &self.first),
            member_position(set, &self.second),
        ) {
            (Some(a), Some(b)) => distance_reply(geohash::distance(a.0, a.1, b.0, b.1) / meters),
            _ => Reply::Nil,
        }
    }
}

/// Which search command, and so which arguments it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SearchKind {
    /// GEORADIUS key longitude latitude radius unit ...
    Radius { read_only: bool },
    /// GEORADIUSBYMEMBER key member radius unit ...
    RadiusByMember { read_only: bool },
    /// GEOSEARCH key FROM... BY... ...
    Search,
    /// GEOSEARCHSTORE destination key FROM... BY... ...
    SearchStore,
}

/// The geo searches: GEORADIUS, GEORADIUSBYMEMBER, their `_RO` forms, GEOSEARCH and
/// GEOSEARCHSTORE. Replies the members found (with their distance, hash or position if
/// asked), or with a STORE the number stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeoSearch {
    kind: SearchKind,
    /// The command as the caller spelled it (errors quote it).
    name: Bytes,
    /// Every argument after the command name, read when the search runs.
    args: Vec<Bytes>,
}

impl GeoSearch {
    /// `GEOSEARCH key`, to be given a centre (`from_member` or `from_lonlat`) and a shape
    /// (`by_radius` or `by_box`).
    ///
    /// ```
    /// use embedis::{cmd::{GeoAdd, GeoSearch}, Engine, Reply};
    /// let mut conn = Engine::new().connect();
    /// conn.run(GeoAdd::new("sicily", 13.361389, 38.115556, "Palermo")
    ///     .point(15.087269, 37.502669, "Catania")).unwrap();
    /// let near = conn.run(GeoSearch::new("sicily").from_lonlat(15.0, 37.0).by_radius(100.0, "km").asc()).unwrap();
    /// assert_eq!(near, Reply::Array(vec![Reply::bulk("Catania")]));
    /// ```
    pub fn new(key: impl IntoArg) -> GeoSearch {
        GeoSearch {
            kind: SearchKind::Search,
            name: Bytes::from_static(b"GEOSEARCH"),
            args: vec![key.into_arg()],
        }
    }

    /// `GEOSEARCHSTORE destination key`: stores the members found as a sorted set (their
    /// geohash scores, or their distances with [`GeoSearch::store_dist`]).
    pub fn store(destination: impl IntoArg, key: impl IntoArg) -> GeoSearch {
        GeoSearch {
            kind: SearchKind::SearchStore,
            name: Bytes::from_static(b"GEOSEARCHSTORE"),
            args: vec![destination.into_arg(), key.into_arg()],
        }
    }

    fn word(mut self, words: &[&[u8]]) -> GeoSearch {
        self.args
            .extend(words.iter().map(|word| Bytes::copy_from_slice(word)));
        self
    }

    /// `FROMMEMBER member`.
    pub fn from_member(mut self, member: impl IntoArg) -> GeoSearch {
        self.args.push(Bytes::from_static(b"FROMMEMBER"));
        self.args.push(member.into_arg());
        self
    }

    /// `FROMLONLAT longitude latitude`.
    pub fn from_lonlat(self, longitude: f64, latitude: f64) -> GeoSearch {
        let (lon, lat) = (longitude.to_string(), latitude.to_string());
        self.word(&[b"FROMLONLAT", lon.as_bytes(), lat.as_bytes()])
    }

    /// `BYRADIUS radius unit` (`m`, `km`, `ft`, `mi`).
    pub fn by_radius(self, radius: f64, unit: &str) -> GeoSearch {
        let radius = radius.to_string();
        self.word(&[b"BYRADIUS", radius.as_bytes(), unit.as_bytes()])
    }

    /// `BYBOX width height unit`.
    pub fn by_box(self, width: f64, height: f64, unit: &str) -> GeoSearch {
        let (width, height) = (width.to_string(), height.to_string());
        self.word(&[
            b"BYBOX",
            width.as_bytes(),
            height.as_bytes(),
            unit.as_bytes(),
        ])
    }

    /// `COUNT n`: the nearest `n` (sorted ascending unless told otherwise).
    pub fn count(self, n: u64) -> GeoSearch {
        let n = n.to_string();
        self.word(&[b"COUNT", n.as_bytes()])
    }

    /// `ANY`: with COUNT, the first `n` found rather than the nearest.
    pub fn any(self) -> GeoSearch {
        self.word(&[b"ANY"])
    }

    /// `ASC`: nearest first.
    pub fn asc(self) -> GeoSearch {
        self.word(&[b"ASC"])
    }

    /// `DESC`: farthest first.
    pub fn desc(self) -> GeoSearch {
        self.word(&[b"DESC"])
    }

    /// `WITHCOORD`.
    pub fn with_coord(self) -> GeoSearch {
        self.word(&[b"WITHCOORD"])
    }

    /// `WITHDIST`.
    pub fn with_dist(self) -> GeoSearch {
        self.word(&[b"WITHDIST"])
    }

    /// `WITHHASH`.
    pub fn with_hash(self) -> GeoSearch {
        self.word(&[b"WITHHASH"])
    }

    /// `STOREDIST` (GEOSEARCHSTORE): store distances instead of geohashes.
    pub fn store_dist(self) -> GeoSearch {
        self.word(&[b"STOREDIST"])
    }

    fn parse_as(args: &mut Args, kind: SearchKind) -> Result<Command, Error> {
        Ok(Command::GeoSearch(Box::new(GeoSearch {
            kind,
            name: args.command_name(),
            args: args.rest(),
        })))
    }

    pub(crate) fn parse_radius(args: &mut Args) -> Result<Command, Error> {
        GeoSearch::parse_as(args, SearchKind::Radius { read_only: false })
    }

    pub(crate) fn parse_radius_ro(args: &mut Args) -> Result<Command, Error> {
        GeoSearch::parse_as(args, SearchKind::Radius { read_only: true })
    }

    pub(crate) fn parse_by_member(args: &mut Args) -> Result<Command, Error> {
        GeoSearch::parse_as(args, SearchKind::RadiusByMember { read_only: false })
    }

    pub(crate) fn parse_by_member_ro(args: &mut Args) -> Result<Command, Error> {
        GeoSearch::parse_as(args, SearchKind::RadiusByMember { read_only: true })
    }

    pub(crate) fn parse_search(args: &mut Args) -> Result<Command, Error> {
        GeoSearch::parse_as(args, SearchKind::Search)
    }

    pub(crate) fn parse_search_store(args: &mut Args) -> Result<Command, Error> {
        GeoSearch::parse_as(args, SearchKind::SearchStore)
    }

    pub(crate) fn name(&self) -> &'static str {
        match self.kind {
            SearchKind::Radius { read_only: false } => "georadius",
            SearchKind::Radius { read_only: true } => "georadius_ro",
            SearchKind::RadiusByMember { read_only: false } => "georadiusbymember",
            SearchKind::RadiusByMember { read_only: true } => "georadiusbymember_ro",
            SearchKind::Search => "geosearch",
            SearchKind::SearchStore => "geosearchstore",
        }
    }

    /// Whether this one may store (GEORADIUS and GEORADIUSBYMEMBER with STORE, and
    /// GEOSEARCHSTORE): Redis flags those as writes.
    pub(crate) fn may_write(&self) -> bool {
        matches!(
            self.kind,
            SearchKind::Radius { read_only: false }
                | SearchKind::RadiusByMember { read_only: false }
                | SearchKind::SearchStore
        )
    }

    /// The key searched: the first argument, or the one after GEOSEARCHSTORE's destination
    /// (always there: the constructors and the arity check put it there).
    pub(crate) fn source_key(&self) -> Option<&Bytes> {
        let at = usize::from(self.kind == SearchKind::SearchStore);
        self.args.get(at)
    }

    pub(crate) fn apply(self, ctx: &mut Ctx) -> Reply {
        self.run(ctx).into()
    }

    /// Redis's `georadiusGeneric`, step for step.
    fn run(&self, ctx: &mut Ctx) -> Result<Reply, Error> {
        let args = &self.args;
        let source = if self.kind == SearchKind::SearchStore {
            &args[1]
        } else {
            &args[0]
        };
        let exists = ctx.read_zset(source)?.is_some();
        let mut options = SearchOptions::default();
        let mut centre = None;
        let mut shape = None;
        let base = match self.kind {
            SearchKind::Radius { .. } => {
                centre = Some(lon_lat(&args[1], &args[2])?);
                let (radius, meters) = radius_and_unit(&args[3], &args[4])?;
                shape = Some((Shape::Radius(radius), meters));
                5
            }
            SearchKind::RadiusByMember { .. } if !exists => 4,
            SearchKind::RadiusByMember { .. } => {
                let set = ctx.read_zset(source)?;
                centre = Some(member_position(set, &args[1]).ok_or(GeoError::NoSuchMember)?);
                let (radius, meters) = radius_and_unit(&args[2], &args[3])?;
                shape = Some((Shape::Radius(radius), meters));
                4
            }
            SearchKind::Search => 1,
            SearchKind::SearchStore => {
                options.store = Some(args[0].clone());
                2
            }
        };
        let searching = matches!(self.kind, SearchKind::Search | SearchKind::SearchStore);
        let may_store = matches!(
            self.kind,
            SearchKind::Radius { read_only: false }
                | SearchKind::RadiusByMember { read_only: false }
        );
        let (mut from_member, mut from_lonlat, mut by_radius, mut by_box) =
            (false, false, false, false);
        let words = &args[base..];
        let mut i = 0;
        while i < words.len() {
            let word = &words[i][..];
            let left = words.len() - i - 1;
            if keyword_is(word, "withdist") {
                options.with_dist = true;
            } else if keyword_is(word, "withhash") {
                options.with_hash = true;
            } else if keyword_is(word, "withcoord") {
                options.with_coord = true;
            } else if keyword_is(word, "any") {
                options.any = true;
            } else if keyword_is(word, "asc") {
                options.order = Some(Order::Ascending);
            } else if keyword_is(word, "desc") {
                options.order = Some(Order::Descending);
            } else if keyword_is(word, "count") && left >= 1 {
                let count = parse_i64(&words[i + 1]).ok_or(Error::NotInteger)?;
                if count <= 0 {
                    return Err(GeoError::CountNotPositive.into());
                }
                options.count = count as u64;
                i += 1;
            } else if (keyword_is(word, "store") || keyword_is(word, "storedist"))
                && left >= 1
                && may_store
            {
                options.store = Some(words[i + 1].clone());
                options.store_dist = keyword_is(word, "storedist");
                i += 1;
            } else if keyword_is(word, "storedist") && self.kind == SearchKind::SearchStore {
                options.store_dist = true;
            } else if keyword_is(word, "frommember") && left >= 1 && searching && !from_lonlat {
                if exists {
                    let set = ctx.read_zset(source)?;
                    centre =
                        Some(member_position(set, &words[i + 1]).ok_or(GeoError::NoSuchMember)?);
                }
                from_member = true;
                i += 1;
            } else if keyword_is(word, "fromlonlat") && left >= 2 && searching && !from_member {
                centre = Some(lon_lat(&words[i + 1], &words[i + 2])?);
                from_lonlat = true;
                i += 2;
            } else if keyword_is(word, "byradius") && left >= 2 && searching && !by_box {
                let (radius, meters) = radius_and_unit(&words[i + 1], &words[i + 2])?;
                shape = Some((Shape::Radius(radius), meters));
                by_radius = true;
                i += 2;
            } else if keyword_is(word, "bybox") && left >= 3 && searching && !by_radius {
                let width = number(&words[i + 1], GeoError::WidthNotNumeric.into())?;
                let height = number(&words[i + 2], GeoError::HeightNotNumeric.into())?;
                if width < 0.0 || height < 0.0 {
                    return Err(GeoError::NegativeBox.into());
                }
                shape = Some((Shape::Box { width, height }, unit(&words[i + 3])?));
                by_box = true;
                i += 3;
            } else {
                return Err(Error::Syntax);
            }
            i += 1;
        }
        if options.store.is_some() && (options.with_dist || options.with_hash || options.with_coord)
        {
            return Err(
                GeoError::StoreWithReplyOptions(self.kind == SearchKind::SearchStore).into(),
            );
        }
        let typed_name = || crate::error::error_text(&self.name);
        if searching && !(from_member || from_lonlat) {
            return Err(GeoError::NoCentre(typed_name()).into());
        }
        if searching && !(by_radius || by_box) {
            return Err(GeoError::NoShape(typed_name()).into());
        }
        if options.any && options.count == 0 {
            return Err(GeoError::AnyWithoutCount.into());
        }
        let (Some((longitude, latitude)), Some((shape, meters_per_unit)), true) =
            (centre, shape, exists)
        else {
            // No source: nothing found (a STORE deletes its destination).
            return Ok(match &options.store {
                Some(destination) => {
                    ctx.store_result(destination, None, notify::ZSET, "");
                    Reply::Integer(0)
                }
                None => Reply::Array(Vec::new()),
            });
        };
        let search = Search {
            longitude,
            latitude,
            shape,
            meters_per_unit,
        };
        let set = ctx.read_zset(source)?;
        let mut found = set.map_or_else(Vec::new, |set| points_in(set, &search, &options));
        self.finish(ctx, &mut found, &options, meters_per_unit)
    }

    /// Sorts, cuts and replies (or stores) what the search found.
    fn finish(
        &self,
        ctx: &mut Ctx,
        found: &mut Vec<Point>,
        options: &SearchOptions,
        meters_per_unit: f64,
    ) -> Result<Reply, Error> {
        let mut order = options.order;
        if options.count != 0 && order.is_none() && !options.any {
            order = Some(Order::Ascending);
        }
        match order {
            Some(Order::Ascending) => found.sort_by(|a, b| a.distance.total_cmp(&b.distance)),
            Some(Order::Descending) => found.sort_by(|a, b| b.distance.total_cmp(&a.distance)),
            None => {}
        }
        if options.count != 0 {
            found.truncate(usize::try_from(options.count).unwrap_or(usize::MAX));
        }
        let Some(destination) = &options.store else {
            return Ok(Reply::Array(
                found
                    .drain(..)
                    .map(|point| point.reply(options, meters_per_unit))
                    .collect(),
            ));
        };
        let stored = found.len() as i64;
        let members: Vec<(Bytes, f64)> = found
            .drain(..)
            .map(|point| {
                let score = if options.store_dist {
                    point.distance / meters_per_unit
                } else {
                    point.score
                };
                (point.member, score)
            })
            .collect();
        let event = if matches!(self.kind, SearchKind::SearchStore) {
            "geosearchstore"
        } else {
            "georadiusstore"
        };
        ctx.store_sorted_set(destination, SortedSet::from_members(members), event);
        // Each stored member counts as a change (redis-server's `dirty`).
        ctx.count_elements(stored as usize);
        Ok(Reply::Integer(stored))
    }
}

/// Distance order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Ascending,
    Descending,
}

/// A search's options.
#[derive(Debug, Clone, Default)]
struct SearchOptions {
    with_dist: bool,
    with_hash: bool,
    with_coord: bool,
    any: bool,
    order: Option<Order>,
    /// 0: no limit.
    count: u64,
    store: Option<Bytes>,
    store_dist: bool,
}

/// A member found.
struct Point {
    member: Bytes,
    score: f64,
    longitude: f64,
    latitude: f64,
    /// In meters.
    distance: f64,
}

impl Point {
    fn reply(self, options: &SearchOptions, meters_per_unit: f64) -> Reply {
        if !(options.with_dist || options.with_hash || options.with_coord) {
            return Reply::Bulk(self.member);
        }
        let mut reply = vec![Reply::Bulk(self.member)];
        if options.with_dist {
            reply.push(distance_reply(self.distance / meters_per_unit));
        }
        if options.with_hash {
            reply.push(Reply::Integer(self.score as i64));
        }
        if options.with_coord {
            reply.push(position(self.longitude, self.latitude));
        }
        Reply::Array(reply)
    }
}

/// Redis's `membersOfAllNeighbors`: each box's score range in turn, the points inside the
/// shape in score order; with ANY, stops once COUNT are found.
fn points_in(set: &SortedSet, search: &Search, options: &SearchOptions) -> Vec<Point> {
    let limit = if options.any {
        usize::try_from(options.count).unwrap_or(usize::MAX)
    } else {
        0
    };
    let full = |found: &Vec<Point>| limit != 0 && found.len() >= limit;
    let mut found = Vec::new();
    for hash in search.boxes() {
        if full(&found) {
            break;
        }
        let (min, max) = hash.score_range();
        let min = ScoreBound {
            value: min as f64,
            exclusive: false,
        };
        let max = ScoreBound {
            value: max as f64,
            exclusive: true,
        };
        for (member, score) in set.by_score(min, max, false) {
            let (longitude, latitude) = geohash::decode_score(score);
            if let Some(distance) = search.contains(longitude, latitude) {
                found.push(Point {
                    member: member.clone(),
                    score,
                    longitude,
                    latitude,
                    distance,
                });
            }
            if full(&found) {
                break;
            }
        }
    }
    found
}
