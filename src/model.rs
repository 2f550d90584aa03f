//! The shared vocabulary of every stage: entities, relations, statements and their evidence.
//!
//! Nothing here depends on a later stage. Types are plain data with public fields so that
//! the extractor, the graph store and the exporters all speak the same language.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::Error;

/// Whether an entity can act (an actor) or can be held (a place).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Actor,
    Place,
}

impl EntityKind {
    pub const ALL: [EntityKind; 2] = [EntityKind::Actor, EntityKind::Place];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Actor => "actor",
            EntityKind::Place => "place",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "actor" => Ok(EntityKind::Actor),
            "place" => Ok(EntityKind::Place),
            _ => Err(Error::Invalid(format!(
                "unknown kind '{s}' (expected actor or place)"
            ))),
        }
    }
}

/// The finer type of an entity; each type belongs to exactly one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityType {
    Person,
    State,
    ArmedGroup,
    Organization,
    Group,
    City,
    Region,
    Country,
    Facility,
    Route,
}

impl EntityType {
    pub const ALL: [EntityType; 10] = [
        EntityType::Person,
        EntityType::State,
        EntityType::ArmedGroup,
        EntityType::Organization,
        EntityType::Group,
        EntityType::City,
        EntityType::Region,
        EntityType::Country,
        EntityType::Facility,
        EntityType::Route,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::State => "state",
            EntityType::ArmedGroup => "armed-group",
            EntityType::Organization => "organization",
            EntityType::Group => "group",
            EntityType::City => "city",
            EntityType::Region => "region",
            EntityType::Country => "country",
            EntityType::Facility => "facility",
            EntityType::Route => "route",
        }
    }

    /// The kind this type belongs to.
    pub fn kind(self) -> EntityKind {
        match self {
            EntityType::Person
            | EntityType::State
            | EntityType::ArmedGroup
            | EntityType::Organization
            | EntityType::Group => EntityKind::Actor,
            EntityType::City
            | EntityType::Region
            | EntityType::Country
            | EntityType::Facility
            | EntityType::Route => EntityKind::Place,
        }
    }

    /// The type used when only the kind is known.
    pub fn default_for(kind: EntityKind) -> EntityType {
        match kind {
            EntityKind::Actor => EntityType::Organization,
            EntityKind::Place => EntityType::Region,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s2 = s.trim().to_ascii_lowercase().replace('_', "-");
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str() == s2 || (s2 == "armedgroup" && *t == EntityType::ArmedGroup))
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown type '{s}' (expected one of {})",
                    EntityType::ALL.map(|t| t.as_str()).join(", ")
                ))
            })
    }
}

/// The four relations of the graph. See `GUIDE.md` for what each means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Supports,
    Opposes,
    MeetsWith,
    Controls,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Supports,
        Relation::Opposes,
        Relation::MeetsWith,
        Relation::Controls,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
            Relation::MeetsWith => "meets-with",
            Relation::Controls => "controls",
        }
    }

    /// `meets-with` holds both ways and is stored once per pair.
    pub fn is_symmetric(self) -> bool {
        self == Relation::MeetsWith
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Relation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s2 = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        match s2.as_str() {
            "supports" | "support" => Ok(Relation::Supports),
            "opposes" | "oppose" => Ok(Relation::Opposes),
            "meets-with" | "meets" | "meet" => Ok(Relation::MeetsWith),
            "controls" | "control" => Ok(Relation::Controls),
            _ => Err(Error::Invalid(format!(
                "unknown relation '{s}' (expected supports, opposes, meets-with or controls)"
            ))),
        }
    }
}

/// Parses a comma-separated relation list such as `supports,opposes`.
pub fn parse_relations(list: &str) -> Result<Vec<Relation>, Error> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(str::parse)
        .collect()
}

/// A stable entity identifier: a slug of the canonical name (`bashar-al-assad`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl EntityId {
    /// The id for a name: its normalized form with spaces turned into hyphens.
    pub fn from_name(name: &str) -> EntityId {
        let n = normalize_name(name);
        let slug: String = n
            .chars()
            .map(|c| if c == ' ' { '-' } else { c })
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        EntityId(if slug.is_empty() {
            "entity".to_string()
        } else {
            slug
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An actor or a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// The canonical name shown to users.
    pub name: String,
    pub kind: EntityKind,
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Other names under which the entity was seen or is known.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the country the entity belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

impl Entity {
    /// A new entity of the given type, its id derived from its name.
    pub fn new(name: &str, etype: EntityType) -> Entity {
        Entity {
            id: EntityId::from_name(name),
            name: name.trim().to_string(),
            kind: etype.kind(),
            etype,
            aliases: Vec::new(),
            country: None,
            lat: None,
            lon: None,
        }
    }

    /// The name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Adds an alias unless it is already one of the entity's names (after normalization).
    pub fn add_alias(&mut self, alias: &str) -> bool {
        let n = normalize_name(alias);
        if n.is_empty() || self.names().any(|x| normalize_name(x) == n) {
            return false;
        }
        self.aliases.push(alias.trim().to_string());
        true
    }
}

/// A byte range `start..end` in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where a statement comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id (a file stem, an article id, or `manual`).
    pub doc: String,
    /// Date of the document, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The sentence (or the manual text) that states the relation.
    #[serde(default)]
    pub text: String,
    /// Byte span of the sentence in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Byte span in the document of the word that triggered the statement (`extract` and
    /// `ingest`; none for manual and imported evidence that did not give one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Span>,
    /// What produced it: a pattern id (`controls/seize-active`), `manual` or `import:FILE`.
    pub producer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How sure the producer is, from 0 to 1.
    #[serde(default = "one")]
    pub confidence: f32,
}

fn one() -> f32 {
    1.0
}

impl Evidence {
    /// Two pieces of evidence are the same statement when they come from the same place of
    /// the same document, or are the same manual text.
    pub fn same_as(&self, other: &Evidence) -> bool {
        self.doc == other.doc
            && match (self.span, other.span) {
                (Some(a), Some(b)) => a == b,
                (None, None) => self.text == other.text,
                _ => false,
            }
    }
}

/// One claim: `source -relation-> target`, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub source: Entity,
    pub relation: Relation,
    pub target: Entity,
    pub evidence: Evidence,
}

/// Normalizes a name for matching: case, diacritics, apostrophes, hyphens and a leading
/// "the" do not matter (`The Hay'at Tahrir al-Sham` -> `hayat tahrir al sham`).
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\'' | '`' | '\u{02bc}' => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' | '.' | ',' => {
                out.push(' ')
            }
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => collapsed,
    }
}

/// Checks what a piece of evidence may hold, for `import` lines and graph files alike:
/// a `YYYY-MM-DD` date, a confidence from 0 to 1, a sentence span and a trigger span that
/// end after they start.
pub fn check_evidence(
    date: Option<&str>,
    confidence: f32,
    span: Option<Span>,
    trigger: Option<Span>,
) -> Result<(), Error> {
    if let Some(d) = date {
        validate_date(d)?;
    }
    if !(0.0..=1.0).contains(&confidence) {
        return Err(Error::Invalid(format!(
            "confidence {confidence} is not between 0 and 1"
        )));
    }
    for (what, s) in [("span", span), ("trigger", trigger)] {
        if let Some(s) = s
            && s.start > s.end
        {
            return Err(Error::Invalid(format!(
                "{what} {}..{} ends before it starts",
                s.start, s.end
            )));
        }
    }
    Ok(())
}

/// Checks that a date is written `YYYY-MM-DD` with a valid month and day.
pub fn validate_date(date: &str) -> Result<(), Error> {
    let bad = || Error::Invalid(format!("bad date '{date}' (expected YYYY-MM-DD)"));
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32, Error> {
        date[r].parse::<u32>().map_err(|_| bad())
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days {
        return Err(bad());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_ignores_case_diacritics_apostrophes_hyphens_and_the() {
        assert_eq!(
            normalize_name("The Hay'at Tahrir al-Sham"),
            "hayat tahrir al sham"
        );
        assert_eq!(normalize_name("Erdoğan"), "erdogan");
        assert_eq!(normalize_name("  U.N.  "), "u n");
        assert_eq!(normalize_name("Theresa May"), "theresa may");
    }

    #[test]
    fn relation_round_trips() {
        for r in Relation::ALL {
            assert_eq!(r.as_str().parse::<Relation>().unwrap(), r);
        }
        assert!("likes".parse::<Relation>().is_err());
        assert_eq!(
            parse_relations("supports,meets_with").unwrap(),
            vec![Relation::Supports, Relation::MeetsWith]
        );
    }

    #[test]
    fn types_know_their_kind() {
        for t in EntityType::ALL {
            assert_eq!(t.as_str().parse::<EntityType>().unwrap(), t);
        }
        assert_eq!(EntityType::City.kind(), EntityKind::Place);
        assert_eq!(EntityType::ArmedGroup.kind(), EntityKind::Actor);
    }

    #[test]
    fn ids_are_slugs() {
        assert_eq!(
            EntityId::from_name("Bashar al-Assad").as_str(),
            "bashar-al-assad"
        );
        assert_eq!(EntityId::from_name("the Kremlin").as_str(), "kremlin");
    }

    #[test]
    fn dates_are_checked() {
        assert!(validate_date("2024-12-05").is_ok());
        assert!(validate_date("2024-02-29").is_ok());
        assert!(validate_date("2023-02-29").is_err());
        assert!(validate_date("2024-13-01").is_err());
        assert!(validate_date("5 Dec 2024").is_err());
    }
}
