//! GDELT 2.0 event files: rows of machine-coded events to statements, all or nothing.
//!
//! In: a GDELT 2.0 events export (`YYYYMMDDHHMMSS.export.CSV`, or the `.zip` GDELT ships
//! with that one CSV inside): UTF-8, tab-separated, 61 columns, no header. Out: one
//! [`Written`] statement a row whose event code maps to a relation, resolved through the
//! lexicon like an `import` line ([`Importer`]), and counts of the rows skipped and why.
//!
//! # Columns
//!
//! The columns read, 0-based, as in GDELT's event codebook (version 2.0) and its published
//! header. The issue that asked for this import put ActionGeo at columns 52 to 59; the
//! codebook puts it at 51 to 58: each of the three geography blocks has eight fields since
//! 2.0 added `ADM2Code` (Actor1Geo 35-42, Actor2Geo 43-50, ActionGeo 51-58), then
//! `DATEADDED` 59 and `SOURCEURL` 60, which makes the 61 columns. The codebook wins.
//!
//! | column | field | used as |
//! |---|---|---|
//! | 0 | `GLOBALEVENTID` | in the evidence text, so that every row is its own evidence |
//! | 1 | `SQLDATE` (`YYYYMMDD`) | the evidence date |
//! | 5, 15 | `Actor1Code`, `Actor2Code` | a code equal to the country code is the country itself: a state |
//! | 6, 16 | `Actor1Name`, `Actor2Name` | source and target names (upper-case in GDELT), through the lexicon |
//! | 7, 17 | `Actor1CountryCode`, `Actor2CountryCode` | CAMEO (ISO 3166-1 alpha-3) country of a new entity |
//! | 12-14, 22-24 | `Actor1Type1Code`..., `Actor2Type1Code`... | the type of a new entity (below) |
//! | 26 | `EventCode` | the relation (below) |
//! | 51 | `ActionGeo_Type` | the type of a new place: 1 country, 2 and 5 region, 3 and 4 city |
//! | 52 | `ActionGeo_FullName` | the place of `controls` (its first part, "Aleppo" of "Aleppo, Halab, Syria") |
//! | 56, 57 | `ActionGeo_Lat`, `ActionGeo_Long` | coordinates of a place that has none |
//! | 60 | `SOURCEURL` | the evidence document and URL |
//!
//! Not read: `ActionGeo_CountryCode` (53) is a FIPS 10-4 code, not ISO, and `DATEADDED`
//! (59) says when GDELT saw the article, not when the event happened.
//!
//! # Event codes
//!
//! By CAMEO code, Actor1 to Actor2 ([`relation`]): 04 (consult) is `meets-with`; 050 to
//! 054 and 057 (diplomatic cooperation, praise, verbal defense, rallying support,
//! recognition, a formal agreement), 06 (material cooperation) and 07 (aid) are
//! `supports`; 11 to 20 (disapprove ... mass violence) are `opposes`, except 192 (occupy
//! territory), which is Actor1 `controls` the event's place. Everything else (01-03, 055
//! apologize, 056 forgive, 08-10) is skipped and counted, as are rows without the actors
//! (or place) their relation needs, and rows whose two names are one entity.
//!
//! # Entities
//!
//! Names go through [`Resolver::entity`] as any written name: "UNITED STATES" is the
//! lexicon's United States. A name neither the graph nor the lexicon knows makes a new
//! entity, named as GDELT writes it: a state when its actor code is its (known) country
//! code, an armed group when a type code is REB, INS, SEP, UAF or MIL, else an
//! organization. GDELT's countryless roles ("POLICE", "PROTESTER") are thus one entity
//! each across all countries.
//!
//! A row that is not 61 columns, has a bad date, event id or coordinate, or is not UTF-8
//! is an error `FILE:LINE: what is wrong`, and nothing is imported.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::Graph;
use super::part::Keys;
use super::resolve::{End, Given, Resolver, Written};
use crate::Error;
use crate::lexicon::Lexicon;
use crate::model::{Entity, EntityKind, EntityType, Evidence, Relation, Statement, validate_date};

/// Columns of a GDELT 2.0 event row.
pub const COLUMNS: usize = 61;

/// The 0-based index of each column read (see the module docs).
pub mod col {
    pub const GLOBALEVENTID: usize = 0;
    pub const SQLDATE: usize = 1;
    pub const ACTOR1_CODE: usize = 5;
    pub const ACTOR1_NAME: usize = 6;
    pub const ACTOR1_COUNTRY: usize = 7;
    pub const ACTOR1_TYPES: [usize; 3] = [12, 13, 14];
    pub const ACTOR2_CODE: usize = 15;
    pub const ACTOR2_NAME: usize = 16;
    pub const ACTOR2_COUNTRY: usize = 17;
    pub const ACTOR2_TYPES: [usize; 3] = [22, 23, 24];
    pub const EVENT_CODE: usize = 26;
    pub const ACTION_GEO_TYPE: usize = 51;
    pub const ACTION_GEO_FULLNAME: usize = 52;
    pub const ACTION_GEO_COUNTRY: usize = 53;
    pub const ACTION_GEO_LAT: usize = 56;
    pub const ACTION_GEO_LONG: usize = 57;
    pub const ACTION_GEO_FEATUREID: usize = 58;
    pub const DATEADDED: usize = 59;
    pub const SOURCEURL: usize = 60;
}

/// The CAMEO root codes and their names, 01 to 20.
pub const CAMEO_ROOTS: [(&str, &str); 20] = [
    ("01", "make public statement"),
    ("02", "appeal"),
    ("03", "express intent to cooperate"),
    ("04", "consult"),
    ("05", "engage in diplomatic cooperation"),
    ("06", "engage in material cooperation"),
    ("07", "provide aid"),
    ("08", "yield"),
    ("09", "investigate"),
    ("10", "demand"),
    ("11", "disapprove"),
    ("12", "reject"),
    ("13", "threaten"),
    ("14", "protest"),
    ("15", "exhibit force posture"),
    ("16", "reduce relations"),
    ("17", "coerce"),
    ("18", "assault"),
    ("19", "fight"),
    ("20", "use unconventional mass violence"),
];

/// The relation of a CAMEO event code (`042`, `1823`), Actor1 to Actor2, if it has one
/// (see the module docs). Codes that are not three or four digits have none.
pub fn relation(code: &str) -> Option<Relation> {
    if !(3..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match &code[..2] {
        "04" => Some(Relation::MeetsWith),
        "05" => {
            matches!(&code[2..3], "0" | "1" | "2" | "3" | "4" | "7").then_some(Relation::Supports)
        }
        "06" | "07" => Some(Relation::Supports),
        "19" if code.starts_with("192") => Some(Relation::Controls),
        "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20" => {
            Some(Relation::Opposes)
        }
        _ => None,
    }
}

/// What a code names, by its CAMEO root (`consult` for `042`), or `occupy territory` for
/// 192, the one code read apart from its root.
pub fn cameo_name(code: &str) -> Option<&'static str> {
    if code.starts_with("192") {
        return Some("occupy territory");
    }
    let root = code.get(..2)?;
    CAMEO_ROOTS
        .iter()
        .find(|(r, _)| *r == root)
        .map(|(_, name)| *name)
}

/// One end of an event as GDELT codes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Actor {
    /// The CAMEO actor code (`USAGOV`).
    pub code: String,
    /// The name (`UNITED STATES`), empty when the event has no such actor.
    pub name: String,
    /// The CAMEO country code (`USA`).
    pub country: String,
    /// The actor type codes (`GOV`, `MIL`, `REB`, ...), empty ones left out.
    pub types: Vec<String>,
}

impl Actor {
    /// The type a new entity of this actor gets (see the module docs); `known_country`
    /// says whether its country code is a state's.
    pub fn new_type(&self, known_country: bool) -> EntityType {
        const ARMED: [&str; 5] = ["REB", "INS", "SEP", "UAF", "MIL"];
        if known_country && !self.code.is_empty() && self.code == self.country {
            EntityType::State
        } else if self.types.iter().any(|t| ARMED.contains(&t.as_str())) {
            EntityType::ArmedGroup
        } else {
            EntityType::Organization
        }
    }
}

/// Where an event happened (ActionGeo).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// `ActionGeo_Type`: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    pub geo_type: u8,
    /// `ActionGeo_FullName` (`Aleppo, Halab, Syria`).
    pub full_name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl Place {
    /// The place's own name: the first part of the full name.
    pub fn name(&self) -> &str {
        self.full_name
            .split(',')
            .next()
            .unwrap_or(&self.full_name)
            .trim()
    }

    /// The type a new entity of this place gets.
    pub fn new_type(&self) -> EntityType {
        match self.geo_type {
            1 => EntityType::Country,
            3 | 4 => EntityType::City,
            _ => EntityType::Region,
        }
    }
}

/// One row of an events file: what the import reads of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// `GLOBALEVENTID`.
    pub id: String,
    /// `SQLDATE` as `YYYY-MM-DD`.
    pub date: String,
    pub actor1: Actor,
    pub actor2: Actor,
    /// The CAMEO event code (`042`).
    pub code: String,
    /// ActionGeo, when the event has a place.
    pub place: Option<Place>,
    /// `SOURCEURL`, the article; empty when GDELT gives none.
    pub url: String,
}

/// Why a well-formed row made no statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// An actor the relation needs is missing (both for most codes, Actor1 for 192).
    NoActor,
    /// The event code maps to no relation.
    Unmapped,
    /// An occupation (192) without a place.
    NoPlace,
    /// Both names are one entity.
    SameEntity,
}

/// How many rows were skipped, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    pub no_actor: usize,
    pub unmapped: usize,
    pub no_place: usize,
    pub same_entity: usize,
}

impl Skipped {
    pub fn count(&mut self, skip: Skip) {
        match skip {
            Skip::NoActor => self.no_actor += 1,
            Skip::Unmapped => self.unmapped += 1,
            Skip::NoPlace => self.no_place += 1,
            Skip::SameEntity => self.same_entity += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.no_actor + self.unmapped + self.no_place + self.same_entity
    }
}

impl Event {
    /// Parses one row (without its line end): 61 tab-separated columns, a `YYYYMMDD` date
    /// and a numeric event id; a message says what is wrong.
    pub fn parse(row: &str) -> Result<Event, String> {
        let mut cols = [""; COLUMNS];
        let mut n = 0;
        for field in row.split('\t') {
            if n < COLUMNS {
                cols[n] = field;
            }
            n += 1;
        }
        if n != COLUMNS {
            return Err(format!(
                "expected {COLUMNS} tab-separated columns (a GDELT 2.0 event row), found {n}"
            ));
        }
        let id = cols[col::GLOBALEVENTID];
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("bad GLOBALEVENTID '{id}' (expected a number)"));
        }
        let date = sql_date(cols[col::SQLDATE])?;
        let actor = |code: usize, name: usize, country: usize, types: [usize; 3]| Actor {
            code: cols[code].trim().to_string(),
            name: cols[name].trim().to_string(),
            country: cols[country].trim().to_string(),
            types: types
                .iter()
                .map(|&t| cols[t].trim())
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        };
        let place = match cols[col::ACTION_GEO_FULLNAME].trim() {
            "" => None,
            full_name => Some(Place {
                geo_type: cols[col::ACTION_GEO_TYPE].trim().parse().unwrap_or(0),
                full_name: full_name.to_string(),
                lat: coordinate(cols[col::ACTION_GEO_LAT], "ActionGeo_Lat", 90.0)?,
                lon: coordinate(cols[col::ACTION_GEO_LONG], "ActionGeo_Long", 180.0)?,
            }),
        };
        Ok(Event {
            id: id.to_string(),
            date,
            actor1: actor(
                col::ACTOR1_CODE,
                col::ACTOR1_NAME,
                col::ACTOR1_COUNTRY,
                col::ACTOR1_TYPES,
            ),
            actor2: actor(
                col::ACTOR2_CODE,
                col::ACTOR2_NAME,
                col::ACTOR2_COUNTRY,
                col::ACTOR2_TYPES,
            ),
            code: cols[col::EVENT_CODE].trim().to_string(),
            place,
            url: cols[col::SOURCEURL].trim().to_string(),
        })
    }

    /// The statement this event makes, names as GDELT writes them, or why it makes none.
    /// `producer` is the evidence's (`gdelt:FILE`); `countries` turns CAMEO country codes
    /// into the ISO codes entities carry.
    pub fn written(&self, producer: &str, countries: &Countries) -> Result<Written, Skip> {
        let relation = relation(&self.code).ok_or(Skip::Unmapped)?;
        if self.actor1.name.is_empty() {
            return Err(Skip::NoActor);
        }
        let actor_given = |a: &Actor| {
            let iso = countries.iso2(&a.country);
            let etype = a.new_type(iso.is_some());
            (
                Entity::new(&a.name, etype),
                Given {
                    new_type: Some(etype),
                    country: iso.map(str::to_string),
                    ..Given::default()
                },
            )
        };
        let (source, source_given) = actor_given(&self.actor1);
        let (target, target_given) = if relation == Relation::Controls {
            let place = self.place.as_ref().ok_or(Skip::NoPlace)?;
            let etype = place.new_type();
            let mut e = Entity::new(place.name(), etype);
            (e.lat, e.lon) = (place.lat, place.lon);
            let given = Given {
                new_type: Some(etype),
                ..Given::default()
            };
            (e, given)
        } else {
            if self.actor2.name.is_empty() {
                return Err(Skip::NoActor);
            }
            actor_given(&self.actor2)
        };
        let (doc, url) = match self.url.as_str() {
            "" => (format!("gdelt-{}", self.id), None),
            u => (u.to_string(), Some(u.to_string())),
        };
        let statement = Statement {
            source,
            relation,
            target,
            evidence: Evidence {
                doc,
                date: Some(self.date.clone()),
                text: self.text(relation),
                span: None,
                trigger: None,
                producer: producer.to_string(),
                url,
                confidence: 1.0,
            },
        };
        Ok(Written {
            statement,
            source: source_given,
            target: target_given,
        })
    }

    /// The evidence text: the event id, the names, the code and the place.
    fn text(&self, relation: Relation) -> String {
        let root = cameo_name(&self.code).unwrap_or("?");
        let who = if relation == Relation::Controls {
            self.actor1.name.clone()
        } else {
            format!("{} -> {}", self.actor1.name, self.actor2.name)
        };
        match &self.place {
            Some(p) => format!(
                "GDELT event {}: {who}, CAMEO {} ({root}), at {}",
                self.id, self.code, p.full_name
            ),
            None => format!(
                "GDELT event {}: {who}, CAMEO {} ({root})",
                self.id, self.code
            ),
        }
    }
}

/// `20241205` as `2024-12-05`, checked.
fn sql_date(s: &str) -> Result<String, String> {
    let bad = || format!("bad SQLDATE '{s}' (expected YYYYMMDD)");
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let date = format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]);
    validate_date(&date).map_err(|_| bad())?;
    Ok(date)
}

/// A latitude or longitude: empty is none; anything else must be a number within `limit`.
fn coordinate(s: &str, field: &str, limit: f64) -> Result<Option<f64>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(x) if x.abs() <= limit => Ok(Some(x)),
        _ => Err(format!(
            "bad {field} '{s}' (expected a number from -{limit} to {limit})"
        )),
    }
}

/// CAMEO country codes (ISO 3166-1 alpha-3, `USA`) to the alpha-2 codes entities carry,
/// from the lexicon's states.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    iso2: HashMap<String, String>,
}

impl Countries {
    pub fn new(lexicon: &Lexicon) -> Countries {
        let iso2 = lexicon
            .entries()
            .iter()
            .filter(|e| e.etype == EntityType::State)
            .filter_map(|e| {
                Some((
                    e.iso3.as_deref()?.to_string(),
                    e.country.as_deref()?.to_string(),
                ))
            })
            .collect();
        Countries { iso2 }
    }

    /// The alpha-2 code of a CAMEO country code, if it is a known state's.
    pub fn iso2(&self, cameo: &str) -> Option<&str> {
        self.iso2.get(cameo).map(String::as_str)
    }
}

/// Reads every row of a GDELT events input with its line number, all or nothing: the
/// first malformed row is an error `LABEL:LINE: what is wrong`. Blank lines are skipped.
pub fn read_events(mut input: impl BufRead, label: &str) -> Result<Vec<(usize, Event)>, Error> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        line += 1;
        let at = |message: String| Error::AtLine {
            path: label.to_string(),
            line,
            message,
        };
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| at(format!("cannot read: {e}")))?;
        if n == 0 {
            return Ok(out);
        }
        let row = std::str::from_utf8(&buf).map_err(|e| {
            at(format!(
                "not UTF-8 text (byte {} of the line; GDELT 2.0 files are UTF-8)",
                e.valid_up_to() + 1
            ))
        })?;
        let row = row.trim_end_matches(['\n', '\r']);
        if row.trim().is_empty() {
            continue;
        }
        out.push((line, Event::parse(row).map_err(at)?));
    }
}

/// Reads a GDELT events file: a `.zip` (the one `.CSV` inside it) or a plain CSV.
/// Errors name `path` (and the line).
pub fn read_file(path: &Path) -> Result<Vec<(usize, Event)>, Error> {
    let label = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
    let zipped = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("zip"));
    if !zipped {
        return read_events(BufReader::new(file), &label);
    }
    let in_file = |message: String| Error::InFile {
        path: label.clone(),
        message,
    };
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| in_file(format!("cannot read as a zip file: {e}")))?;
    let csvs: Vec<usize> = (0..archive.len())
        .filter(|&i| {
            archive
                .name_for_index(i)
                .is_some_and(|n| n.is_ok_and(|n| n.to_ascii_lowercase().ends_with(".csv")))
        })
        .collect();
    let &[i] = csvs.as_slice() else {
        return Err(in_file(format!(
            "the zip holds {} .CSV files; expected one (a GDELT export)",
            csvs.len()
        )));
    };
    let entry = archive
        .by_index(i)
        .map_err(|e| in_file(format!("cannot read the zip's CSV: {e}")))?;
    read_events(BufReader::new(entry), &label)
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Rows read (blank lines not counted).
    pub rows: usize,
    /// Statements made (rows not skipped).
    pub statements: usize,
    /// Statements whose evidence was new to the graph.
    pub added: usize,
    pub skipped: Skipped,
}

/// Puts events into a graph, names resolved through the graph and the lexicon.
pub struct Importer<'a> {
    resolver: Resolver<'a>,
    countries: Countries,
}

impl<'a> Importer<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Importer<'a> {
        Importer {
            resolver: Resolver::new(lexicon),
            countries: Countries::new(lexicon),
        }
    }

    /// Adds the statements of `events` to `g`; `label` names the input in the evidence's
    /// producer (`gdelt:LABEL`) and in errors. O(rows), a lexicon lookup per name.
    pub fn import(
        &self,
        g: &mut Graph,
        events: &[(usize, Event)],
        label: &str,
    ) -> Result<Summary, Error> {
        let producer = format!("gdelt:{label}");
        let mut summary = Summary {
            rows: events.len(),
            ..Summary::default()
        };
        for (line, event) in events {
            match self.statement(g, event, &producer) {
                Ok(Ok(statement)) => {
                    summary.statements += 1;
                    summary.added += usize::from(g.add_statement(statement));
                }
                Ok(Err(skip)) => summary.skipped.count(skip),
                Err(e) => {
                    return Err(Error::AtLine {
                        path: label.to_string(),
                        line: *line,
                        message: e.to_string(),
                    });
                }
            }
        }
        Ok(summary)
    }

    /// What [`Importer::import`] of these events reads of a graph ([`Keys`]): the names as
    /// written, and what they resolve to in `g`.
    pub fn keys(&self, g: &Graph, events: &[(usize, Event)], label: &str) -> Keys {
        let producer = format!("gdelt:{label}");
        let mut keys = Keys::default();
        for (_, event) in events {
            if let Ok(w) = event.written(&producer, &self.countries) {
                keys.add_statement(&w.statement);
            }
            if let Ok(Ok(s)) = self.statement(g, event, &producer) {
                keys.add_statement(&s);
            }
        }
        keys
    }

    /// The resolved statement of one event, or why it makes none.
    fn statement(
        &self,
        g: &Graph,
        event: &Event,
        producer: &str,
    ) -> Result<Result<Statement, Skip>, Error> {
        let Written {
            mut statement,
            source,
            target,
        } = match event.written(producer, &self.countries) {
            Ok(w) => w,
            Err(skip) => return Ok(Err(skip)),
        };
        let relation = statement.relation;
        let date = Some(event.date.as_str());
        let (lat, lon) = (statement.target.lat, statement.target.lon);
        let resolve = |name: &str, given: &Given, end| {
            self.resolver.entity(g, name, given, relation, end, date)
        };
        statement.source = resolve(&statement.source.name, &source, End::Source)?;
        statement.target = resolve(&statement.target.name, &target, End::Target)?;
        if statement.source.id == statement.target.id {
            return Ok(Err(Skip::SameEntity));
        }
        if statement.target.kind == EntityKind::Place && statement.target.lat.is_none() {
            (statement.target.lat, statement.target.lon) = (lat, lon);
        }
        Ok(Ok(statement))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of 61 columns with the given (column, value) pairs, the rest empty.
    fn row(fields: &[(usize, &str)]) -> String {
        let mut cols = vec![""; COLUMNS];
        for &(i, v) in fields {
            cols[i] = v;
        }
        cols.join("\t")
    }

    fn event(code: &str) -> String {
        row(&[
            (col::GLOBALEVENTID, "1186945613"),
            (col::SQLDATE, "20241205"),
            (col::ACTOR1_CODE, "USA"),
            (col::ACTOR1_NAME, "UNITED STATES"),
            (col::ACTOR1_COUNTRY, "USA"),
            (col::ACTOR2_CODE, "RUSGOV"),
            (col::ACTOR2_NAME, "RUSSIA"),
            (col::ACTOR2_COUNTRY, "RUS"),
            (22, "GOV"),
            (col::EVENT_CODE, code),
            (col::ACTION_GEO_TYPE, "4"),
            (col::ACTION_GEO_FULLNAME, "Aleppo, Halab, Syria"),
            (col::ACTION_GEO_COUNTRY, "SY"),
            (col::ACTION_GEO_LAT, "36.2028"),
            (col::ACTION_GEO_LONG, "37.1586"),
            (col::ACTION_GEO_FEATUREID, "-2423208"),
            (col::DATEADDED, "20241205151500"),
            (col::SOURCEURL, "https://example.com/a"),
        ])
    }

    #[test]
    fn every_cameo_root_maps_as_documented() {
        use Relation::*;
        let cases: [(&str, Option<Relation>); 20] = [
            ("010", None),
            ("020", None),
            ("030", None),
            ("040", Some(MeetsWith)),
            ("050", Some(Supports)),
            ("060", Some(Supports)),
            ("070", Some(Supports)),
            ("080", None),
            ("090", None),
            ("100", None),
            ("110", Some(Opposes)),
            ("120", Some(Opposes)),
            ("130", Some(Opposes)),
            ("140", Some(Opposes)),
            ("150", Some(Opposes)),
            ("160", Some(Opposes)),
            ("170", Some(Opposes)),
            ("180", Some(Opposes)),
            ("190", Some(Opposes)),
            ("200", Some(Opposes)),
        ];
        for ((code, want), (root, _)) in cases.iter().zip(CAMEO_ROOTS) {
            assert!(code.starts_with(root), "table order at {code}");
            assert_eq!(relation(code), *want, "code {code}");
        }
    }

    #[test]
    fn codes_below_the_roots_follow_the_exceptions() {
        use Relation::*;
        let cases = [
            ("consult by phone", "041", Some(MeetsWith)),
            ("mediate", "045", Some(MeetsWith)),
            ("praise", "051", Some(Supports)),
            ("defend verbally", "052", Some(Supports)),
            ("rally support", "053", Some(Supports)),
            ("recognize", "054", Some(Supports)),
            ("apologize", "055", None),
            ("forgive", "056", None),
            ("sign agreement", "057", Some(Supports)),
            ("military aid", "062", Some(Supports)),
            ("humanitarian aid, four digits", "0731", Some(Supports)),
            ("criticize", "111", Some(Opposes)),
            ("assault, four digits", "1823", Some(Opposes)),
            ("blockade", "191", Some(Opposes)),
            ("occupy territory", "192", Some(Controls)),
            ("fight with small arms", "190", Some(Opposes)),
            ("fight with artillery", "194", Some(Opposes)),
            ("mass violence", "2041", Some(Opposes)),
            ("root only", "04", None),
            ("not digits", "---", None),
            ("empty", "", None),
            ("five digits", "04211", None),
        ];
        for (name, code, want) in cases {
            assert_eq!(relation(code), want, "{name} ({code})");
        }
    }

    #[test]
    fn a_row_reads_the_documented_columns() {
        let e = Event::parse(&event("042")).unwrap();
        assert_eq!(e.id, "1186945613");
        assert_eq!(e.date, "2024-12-05");
        assert_eq!(e.actor1.name, "UNITED STATES");
        assert_eq!(e.actor1.code, "USA");
        assert_eq!(e.actor2.country, "RUS");
        assert_eq!(e.actor2.types, ["GOV"]);
        assert_eq!(e.code, "042");
        assert_eq!(e.url, "https://example.com/a");
        let place = e.place.unwrap();
        assert_eq!(place.name(), "Aleppo");
        assert_eq!(place.new_type(), EntityType::City);
        assert_eq!((place.lat, place.lon), (Some(36.2028), Some(37.1586)));
    }

    #[test]
    fn malformed_rows_say_what_is_wrong() {
        let short = event("042").replacen('\t', "", 1);
        let cases = [
            (
                "one column short",
                short,
                "expected 61 tab-separated columns (a GDELT 2.0 event row), found 60",
            ),
            (
                "comma-separated",
                "1,2,3".to_string(),
                "expected 61 tab-separated columns (a GDELT 2.0 event row), found 1",
            ),
            (
                "bad date",
                event("042").replace("20241205\t", "20241305\t"),
                "bad SQLDATE '20241305' (expected YYYYMMDD)",
            ),
            (
                "dashed date",
                event("042").replace("20241205\t", "2024-12-05\t"),
                "bad SQLDATE '2024-12-05' (expected YYYYMMDD)",
            ),
            (
                "bad id",
                event("042").replace("1186945613", "x1"),
                "bad GLOBALEVENTID 'x1' (expected a number)",
            ),
            (
                "bad latitude",
                event("042").replace("36.2028", "north"),
                "bad ActionGeo_Lat 'north' (expected a number from -90 to 90)",
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(Event::parse(&text).unwrap_err(), want, "case {name}");
        }
    }

    #[test]
    fn read_events_names_the_line_and_skips_blank_lines() {
        let good = event("042");
        let text = format!("{good}\n\n{good}\r\n");
        let events = read_events(text.as_bytes(), "x.CSV").unwrap();
        assert_eq!(events.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [1, 3]);
        let bad = format!("{good}\n{}\n", good.replacen('\t', "", 1));
        assert_eq!(
            read_events(bad.as_bytes(), "x.CSV")
                .unwrap_err()
                .to_string(),
            "x.CSV:2: expected 61 tab-separated columns (a GDELT 2.0 event row), found 60"
        );
        let mut latin1 = good.clone().into_bytes();
        latin1[15] = 0xe9;
        assert_eq!(
            read_events(&latin1[..], "x.CSV").unwrap_err().to_string(),
            "x.CSV:1: not UTF-8 text (byte 16 of the line; GDELT 2.0 files are UTF-8)"
        );
    }

    #[test]
    fn events_make_statements_or_say_why_not() {
        let countries = Countries::default();
        let written = |text: &str| {
            Event::parse(text)
                .unwrap()
                .written("gdelt:x", &countries)
                .map(|w| w.statement)
        };
        let s = written(&event("042")).unwrap();
        assert_eq!(
            (s.source.name.as_str(), s.relation, s.target.name.as_str()),
            ("UNITED STATES", Relation::MeetsWith, "RUSSIA")
        );
        assert_eq!(s.evidence.date.as_deref(), Some("2024-12-05"));
        assert_eq!(s.evidence.doc, "https://example.com/a");
        assert_eq!(s.evidence.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(
            s.evidence.text,
            "GDELT event 1186945613: UNITED STATES -> RUSSIA, CAMEO 042 (consult), at Aleppo, Halab, Syria"
        );
        let occupy = written(&event("192")).unwrap();
        assert_eq!(occupy.relation, Relation::Controls);
        assert_eq!(occupy.target.name, "Aleppo");
        assert_eq!(
            occupy.evidence.text,
            "GDELT event 1186945613: UNITED STATES, CAMEO 192 (occupy territory), at Aleppo, Halab, Syria"
        );
        assert_eq!(occupy.target.kind, EntityKind::Place);
        assert_eq!(written(&event("055")).unwrap_err(), Skip::Unmapped);
        let no_actor2 = event("173").replace("\tRUSSIA\t", "\t\t");
        assert_eq!(written(&no_actor2).unwrap_err(), Skip::NoActor);
        let no_place = event("192").replace("Aleppo, Halab, Syria", "");
        assert_eq!(written(&no_place).unwrap_err(), Skip::NoPlace);
        let occupy_alone = event("192").replace("\tRUSSIA\t", "\t\t");
        assert!(written(&occupy_alone).is_ok(), "192 needs only Actor1");
    }

    #[test]
    fn new_entities_take_their_type_from_the_codes() {
        let actor = |code: &str, country: &str, types: &[&str]| Actor {
            code: code.into(),
            name: "X".into(),
            country: country.into(),
            types: types.iter().map(|t| t.to_string()).collect(),
        };
        assert_eq!(actor("SYR", "SYR", &[]).new_type(true), EntityType::State);
        assert_eq!(
            actor("AFR", "AFR", &[]).new_type(false),
            EntityType::Organization,
            "a region code is no state"
        );
        assert_eq!(
            actor("SYRREB", "SYR", &["REB"]).new_type(true),
            EntityType::ArmedGroup
        );
        assert_eq!(
            actor("COP", "", &["COP"]).new_type(false),
            EntityType::Organization
        );
    }

    #[test]
    fn names_resolve_through_the_lexicon() {
        let lexicon = Lexicon::embedded();
        let importer = Importer::new(&lexicon);
        let mut g = Graph::new();
        let events = read_events(
            format!("{}\n{}\n", event("042"), event("192")).as_bytes(),
            "x.CSV",
        )
        .unwrap();
        let summary = importer.import(&mut g, &events, "x.CSV").unwrap();
        assert_eq!((summary.rows, summary.statements, summary.added), (2, 2, 2));
        let us = g.resolve("United States").unwrap();
        let e = g.entity(&us).unwrap();
        assert_eq!(
            (e.name.as_str(), e.etype),
            ("United States", EntityType::State)
        );
        assert_eq!(importer.countries.iso2("RUS"), Some("RU"));
    }
}
