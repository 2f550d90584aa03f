//! Statement lines: the JSONL format in which annotators, LLM pipelines and scripts hand
//! statements to the graph, one JSON object a line.
//!
//! ```json
//! {"source": "Iran", "relation": "supports", "target": "Hezbollah", "evidence": "Iran's proxy Hezbollah",
//!  "doc": "ap-2024-12-01", "date": "2024-12-01", "url": "https://...", "source_type": "state"}
//! ```
//!
//! `source`, `relation` and `target` are required. Optional: `evidence` (the quote), `doc`,
//! `date` (`YYYY-MM-DD`), `url`, `confidence` (0 to 1), `span` (`{"start", "end"}` byte
//! offsets in the document), `trigger` (the trigger word's, likewise), `source_kind`/`target_kind` (`actor`, `place`),
//! `source_type`/`target_type` (`person`, `state`, ..., `route`) and `source_id`/`target_id`.
//! Unknown fields are errors, to catch typos. Blank lines and lines starting with `#` are
//! skipped.
//!
//! Lines are read into [`Written`] statements: names as written, with what the line gives
//! explicitly. [`super::Resolver::statement`] then turns each name into the entity it
//! stands for, in the graph it goes into.

use std::io::BufRead;

use serde::Deserialize;

use super::resolve::{Given, Written};
use crate::Error;
use crate::model::{
    Entity, EntityKind, EntityType, Evidence, Relation, Span, Statement, check_evidence,
};

/// One statement as written by a person or another program, before it is checked.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementLine {
    pub source: String,
    pub relation: String,
    pub target: String,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub doc: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub confidence: Option<f32>,
    #[serde(default)]
    pub span: Option<Span>,
    /// The trigger word's byte span in the document (`extract --format jsonl` writes it).
    #[serde(default)]
    pub trigger: Option<Span>,
    #[serde(default)]
    pub source_kind: Option<String>,
    #[serde(default)]
    pub target_kind: Option<String>,
    #[serde(default)]
    pub source_type: Option<String>,
    #[serde(default)]
    pub target_type: Option<String>,
    /// The pattern that found the statement (`extract --format jsonl` writes it): kept as
    /// the evidence's producer, as `ingest` keeps it.
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub source_country: Option<String>,
    #[serde(default)]
    pub target_country: Option<String>,
    /// Coordinates (degrees) of a source the lexicon does not place, such as a facility
    /// placed by its town (`extract --format jsonl` writes them).
    #[serde(default)]
    pub source_lat: Option<f64>,
    #[serde(default)]
    pub source_lon: Option<f64>,
    #[serde(default)]
    pub target_lat: Option<f64>,
    #[serde(default)]
    pub target_lon: Option<f64>,
    #[serde(default)]
    pub source_id: Option<String>,
    #[serde(default)]
    pub target_id: Option<String>,
    /// Other names the document used for the source (`extract --format jsonl` writes
    /// them), kept as aliases as `ingest` keeps them.
    #[serde(default)]
    pub source_aliases: Vec<String>,
    #[serde(default)]
    pub target_aliases: Vec<String>,
}

impl StatementLine {
    /// Checks the line and makes a written statement, to be resolved in a graph. `doc` is
    /// used when the line names none; `producer` says where it came from (`manual`,
    /// `import:FILE`).
    ///
    /// Until resolved, kinds default to actor, except the target of `controls`, a place.
    /// `supports`, `opposes` and `meets-with` link two actors; `controls` has an actor as
    /// source.
    pub fn into_written(self, doc: &str, producer: &str) -> Result<Written, Error> {
        let bad = |m: String| Err(Error::Invalid(m));
        let relation: Relation = self.relation.parse()?;
        check_evidence(
            self.date.as_deref(),
            self.confidence.unwrap_or(1.0),
            self.span,
            self.trigger,
        )?;
        let target_default = if relation == Relation::Controls {
            EntityKind::Place
        } else {
            EntityKind::Actor
        };
        let (source, source_given) = entity(
            "source",
            &self.source,
            &self.source_kind,
            &self.source_type,
            self.source_id,
            EntityKind::Actor,
        )?;
        let source_given = Given {
            country: self.source_country,
            ..source_given
        };
        let (target, target_given) = entity(
            "target",
            &self.target,
            &self.target_kind,
            &self.target_type,
            self.target_id,
            target_default,
        )?;
        let target_given = Given {
            country: self.target_country,
            ..target_given
        };
        if source.kind != EntityKind::Actor {
            return bad(format!(
                "{relation} needs an actor as source, and '{}' is a place",
                source.name
            ));
        }
        if relation != Relation::Controls && target.kind != EntityKind::Actor {
            return bad(format!(
                "{relation} needs an actor as target, and '{}' is a place",
                target.name
            ));
        }
        let doc = match self.doc {
            Some(d) if d.trim().is_empty() => return bad("empty doc".into()),
            Some(d) => d,
            None => doc.to_string(),
        };
        let (mut source, mut target) = (source, target);
        (source.lat, source.lon) = coordinates("source", self.source_lat, self.source_lon)?;
        (target.lat, target.lon) = coordinates("target", self.target_lat, self.target_lon)?;
        for a in &self.source_aliases {
            source.add_alias(a);
        }
        for a in &self.target_aliases {
            target.add_alias(a);
        }
        let statement = Statement {
            source,
            relation,
            target,
            evidence: Evidence {
                doc,
                date: self.date,
                text: self.evidence.unwrap_or_default(),
                span: self.span,
                trigger: self.trigger,
                producer: self.pattern.unwrap_or_else(|| producer.to_string()),
                url: self.url,
                confidence: self.confidence.unwrap_or(1.0),
            },
        };
        Ok(Written {
            statement,
            source: source_given,
            target: target_given,
        })
    }
}

/// A latitude and longitude given together, each within range, or neither.
fn coordinates(
    end: &str,
    lat: Option<f64>,
    lon: Option<f64>,
) -> Result<(Option<f64>, Option<f64>), Error> {
    match (lat, lon) {
        (Some(a), Some(_)) if a.abs() > 90.0 => Err(Error::Invalid(format!(
            "{end}_lat {a} is not a latitude (-90 to 90)"
        ))),
        (Some(_), Some(o)) if o.abs() > 180.0 => Err(Error::Invalid(format!(
            "{end}_lon {o} is not a longitude (-180 to 180)"
        ))),
        (Some(a), Some(o)) => Ok((Some(a), Some(o))),
        (None, None) => Ok((None, None)),
        _ => Err(Error::Invalid(format!(
            "{end}_lat and {end}_lon go together: one was given without the other"
        ))),
    }
}

/// The entity a name makes before resolution, and what the line gave for it.
fn entity(
    end: &str,
    name: &str,
    kind: &Option<String>,
    etype: &Option<String>,
    id: Option<String>,
    default: EntityKind,
) -> Result<(Entity, Given), Error> {
    if crate::model::normalize_name(name).is_empty() {
        return Err(Error::Invalid(format!("empty {end} name '{name}'")));
    }
    if let Some(id) = id
        .as_deref()
        .filter(|id| crate::model::EntityId::from_name(id).0 != *id)
    {
        return Err(Error::Invalid(format!(
            "{end} id '{id}' is not an id (lowercase letters, digits and hyphens)"
        )));
    }
    let kind: Option<EntityKind> = kind.as_deref().map(str::parse).transpose()?;
    let etype: Option<EntityType> = etype.as_deref().map(str::parse).transpose()?;
    let given = Given {
        id,
        kind,
        etype,
        country: None,
        new_type: None,
    };
    let etype = match (kind, etype) {
        (Some(k), Some(t)) if t.kind() != k => {
            return Err(Error::Invalid(format!(
                "{end} type '{t}' is a kind of {}, not {k}",
                t.kind()
            )));
        }
        (_, Some(t)) => t,
        (k, None) => EntityType::default_for(k.unwrap_or(default)),
    };
    Ok((Entity::new(name, etype), given))
}

/// Reads every statement of a JSONL input with its line number, all or nothing: the first
/// bad line is an error `LABEL:LINE: what is wrong`. `label` names the input in errors and
/// in the producer (`import:LABEL`) and is the document id of lines that name none.
pub fn read_statements(input: impl BufRead, label: &str) -> Result<Vec<(usize, Written)>, Error> {
    let producer = format!("import:{label}");
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let at = |message: String| Error::AtLine {
            path: label.to_string(),
            line: i + 1,
            message,
        };
        let line = line.map_err(|e| at(format!("cannot read: {e}")))?;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let parsed: StatementLine = serde_json::from_str(trimmed).map_err(|e| {
            let msg = e.to_string();
            at(msg.split(" at line ").next().unwrap_or(&msg).to_string())
        })?;
        out.push((
            i + 1,
            parsed
                .into_written(label, &producer)
                .map_err(|e| at(e.to_string()))?,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Statement>, Error> {
        let lines = read_statements(text.as_bytes(), "in.jsonl")?;
        Ok(lines.into_iter().map(|(_, w)| w.statement).collect())
    }

    #[test]
    fn reads_lines_and_defaults() {
        let s = read(
            "# comment\n\n{\"source\":\"HTS\",\"relation\":\"controls\",\"target\":\"Hama\",\"date\":\"2024-12-05\"}\n",
        )
        .unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].target.kind, EntityKind::Place);
        assert_eq!(s[0].evidence.doc, "in.jsonl");
        assert_eq!(s[0].evidence.producer, "import:in.jsonl");
    }

    #[test]
    fn coordinates_are_kept_on_the_entity() {
        let s = read(
            r#"{"source":"STC","relation":"controls","target":"Aden airport","target_lat":12.83,"target_lon":45.03}"#,
        )
        .unwrap();
        assert_eq!(
            (s[0].target.lat, s[0].target.lon),
            (Some(12.83), Some(45.03))
        );
        assert_eq!((s[0].source.lat, s[0].source.lon), (None, None));
    }

    #[test]
    fn bad_lines_say_where_and_what() {
        let cases = [
            (
                "bad relation",
                r#"{"source":"a","relation":"likes","target":"b"}"#,
                "in.jsonl:1: unknown relation 'likes' (expected supports, opposes, meets-with or controls)",
            ),
            (
                "bad date",
                r#"{"source":"a","relation":"supports","target":"b","date":"5 May"}"#,
                "in.jsonl:1: bad date '5 May' (expected YYYY-MM-DD)",
            ),
            (
                "unknown field",
                r#"{"source":"a","relation":"supports","target":"b","srcc":1}"#,
                "in.jsonl:1: unknown field `srcc`, expected one of `source`, `relation`, `target`, `evidence`, `doc`, `date`, `url`, `confidence`, `span`, `trigger`, `source_kind`, `target_kind`, `source_type`, `target_type`, `pattern`, `source_country`, `target_country`, `source_lat`, `source_lon`, `target_lat`, `target_lon`, `source_id`, `target_id`, `source_aliases`, `target_aliases`",
            ),
            (
                "missing target",
                r#"{"source":"a","relation":"supports"}"#,
                "in.jsonl:1: missing field `target`",
            ),
            ("not json", "{oops", "in.jsonl:1: key must be a string"),
            (
                "place supports",
                r#"{"source":"Hama","source_kind":"place","relation":"supports","target":"b"}"#,
                "in.jsonl:1: supports needs an actor as source, and 'Hama' is a place",
            ),
            (
                "kind type clash",
                r#"{"source":"a","relation":"supports","target":"b","target_kind":"actor","target_type":"city"}"#,
                "in.jsonl:1: target type 'city' is a kind of place, not actor",
            ),
            (
                "empty name",
                r#"{"source":" ","relation":"supports","target":"b"}"#,
                "in.jsonl:1: empty source name ' '",
            ),
            (
                "latitude alone",
                r#"{"source":"a","relation":"controls","target":"b","target_lat":12.5}"#,
                "in.jsonl:1: target_lat and target_lon go together: one was given without the other",
            ),
            (
                "latitude out of range",
                r#"{"source":"a","relation":"controls","target":"b","target_lat":95,"target_lon":4}"#,
                "in.jsonl:1: target_lat 95 is not a latitude (-90 to 90)",
            ),
            (
                "longitude out of range",
                r#"{"source":"a","relation":"controls","target":"b","target_lat":9,"target_lon":-181}"#,
                "in.jsonl:1: target_lon -181 is not a longitude (-180 to 180)",
            ),
        ];
        for (name, line, want) in cases {
            assert_eq!(read(line).unwrap_err().to_string(), want, "case {name}");
        }
        let err =
            read("\n{\"source\":\"a\",\"relation\":\"supports\",\"target\":\"b\"}\n{").unwrap_err();
        assert_eq!(err.to_string(), "in.jsonl:3: EOF while parsing an object");
    }
}
