//! The graph over time: who controlled a place, and how two actors' relations changed.
//!
//! In: a [`Graph`] and a place (or two actors). Out: dated steps built from the evidence
//! dates. A place's controllers come in the order of their first dated evidence; each holds
//! the place from then until the next one's first evidence (a later capture by another
//! actor ends the earlier control). Controllers known only from undated evidence come last,
//! without dates. Between two actors, every edge either way, ordered by its first evidence.

use serde::Serialize;

use super::{EdgeView, Graph};
use crate::Error;
use crate::model::{EntityId, Relation};

/// One holder of a place.
#[derive(Clone, Debug, Serialize)]
pub struct ControlStep {
    pub id: EntityId,
    pub name: String,
    /// The first dated evidence of its control.
    pub from: Option<String>,
    /// When the next controller's evidence starts.
    pub until: Option<String>,
    pub evidence_count: usize,
    /// The sentence of its first dated evidence (else of any).
    pub quote: Option<String>,
}

/// A place's controllers over time.
#[derive(Clone, Debug, Serialize)]
pub struct ControlTimeline {
    pub place: EntityId,
    pub name: String,
    pub steps: Vec<ControlStep>,
}

/// One relation between two actors over time.
#[derive(Clone, Debug, Serialize)]
pub struct RelationSpan {
    pub source: EntityId,
    pub relation: Relation,
    pub target: EntityId,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub evidence_count: usize,
    pub quote: Option<String>,
}

impl RelationSpan {
    /// An edge with its dates, evidence count and first sentence.
    fn of(e: &EdgeView<'_>) -> RelationSpan {
        RelationSpan {
            source: e.source.clone(),
            relation: e.relation,
            target: e.target.clone(),
            first_date: e.first_date().map(str::to_string),
            last_date: e.last_date().map(str::to_string),
            evidence_count: e.evidence.len(),
            quote: first_quote(e),
        }
    }
}

/// The first sentence by date: the earliest dated evidence's, else the first with text.
fn first_quote(e: &EdgeView<'_>) -> Option<String> {
    e.evidence
        .iter()
        .filter(|ev| ev.date.is_some() && !ev.text.is_empty())
        .min_by(|a, b| a.date.cmp(&b.date))
        .map(|ev| ev.text.clone())
        .or_else(|| e.quote().map(str::to_string))
}

fn name(g: &Graph, id: &EntityId) -> String {
    g.entity(id)
        .map_or_else(|| id.to_string(), |e| e.name.clone())
}

/// Who controlled `place` over time (see the module docs).
pub fn control(g: &Graph, place: &EntityId) -> Result<ControlTimeline, Error> {
    let Some(p) = g.entity(place) else {
        return Err(Error::UnknownEntity {
            name: place.to_string(),
            suggestions: Vec::new(),
        });
    };
    let mut steps: Vec<ControlStep> = g
        .edges_of(place)
        .filter(|e| e.relation == Relation::Controls && e.target == place)
        .map(|e| ControlStep {
            id: e.source.clone(),
            name: name(g, e.source),
            from: e.first_date().map(str::to_string),
            until: None,
            evidence_count: e.evidence.len(),
            quote: first_quote(&e),
        })
        .collect();
    // dated first, by date, then by id; undated last
    steps.sort_by(|a, b| {
        (a.from.is_none(), &a.from, &a.id).cmp(&(b.from.is_none(), &b.from, &b.id))
    });
    for i in 1..steps.len() {
        if steps[i].from.is_some() {
            steps[i - 1].until = steps[i].from.clone();
        }
    }
    Ok(ControlTimeline {
        place: place.clone(),
        name: p.name.clone(),
        steps,
    })
}

/// What changed between two days (see [`changes`]).
#[derive(Clone, Debug, Serialize)]
pub struct Changes {
    pub from: String,
    pub to: String,
    /// Relations between actors whose first evidence falls within the two days, most
    /// evidenced first.
    pub appeared: Vec<RelationSpan>,
    /// Places that got a new controller within the two days, most evidenced first
    /// (a leader's control of an organization is not a place changing hands).
    pub control: Vec<ControlChange>,
}

/// A place changing hands (or getting its first known controller: `before` is `None`).
#[derive(Clone, Debug, Serialize)]
pub struct ControlChange {
    pub place: EntityId,
    pub name: String,
    pub before: Option<EntityId>,
    pub after: EntityId,
    pub date: String,
    pub evidence_count: usize,
}

/// Relations that appeared, and control that changed hands, from `from` to `to`
/// (`YYYY-MM-DD`, both included), by the dates of the evidence.
pub fn changes(g: &Graph, from: &str, to: &str) -> Result<Changes, Error> {
    crate::model::validate_date(from)?;
    crate::model::validate_date(to)?;
    if from > to {
        return Err(Error::Invalid(format!("--from {from} is after --to {to}")));
    }
    let within = |d: Option<&str>| d.is_some_and(|d| from <= d && d <= to);
    let mut appeared: Vec<RelationSpan> = g
        .edges()
        .filter(|e| e.relation != Relation::Controls && within(e.first_date()))
        .map(|e| RelationSpan::of(&e))
        .collect();
    appeared.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.evidence_count),
            &a.first_date,
            &a.source,
            a.relation,
            &a.target,
        )
            .cmp(&(
                std::cmp::Reverse(b.evidence_count),
                &b.first_date,
                &b.source,
                b.relation,
                &b.target,
            ))
    });
    let mut places: Vec<&EntityId> = g
        .edges()
        .filter(|e| e.relation == Relation::Controls)
        .map(|e| e.target)
        .filter(|t| {
            g.entity(t)
                .is_some_and(|p| p.kind == crate::model::EntityKind::Place)
        })
        .collect();
    places.sort();
    places.dedup();
    let mut hands = Vec::new();
    for place in places {
        let steps = control(g, place)?.steps;
        for (i, s) in steps.iter().enumerate() {
            if within(s.from.as_deref()) {
                hands.push(ControlChange {
                    place: place.clone(),
                    name: name(g, place),
                    before: i.checked_sub(1).map(|j| steps[j].id.clone()),
                    after: s.id.clone(),
                    date: s.from.clone().unwrap_or_default(),
                    evidence_count: s.evidence_count,
                });
            }
        }
    }
    hands.sort_by(|a, b| {
        (std::cmp::Reverse(a.evidence_count), &a.date, &a.place).cmp(&(
            std::cmp::Reverse(b.evidence_count),
            &b.date,
            &b.place,
        ))
    });
    Ok(Changes {
        from: from.to_string(),
        to: to.to_string(),
        appeared,
        control: hands,
    })
}

/// The graph as it stood on `date` (`YYYY-MM-DD`): only evidence dated on or before it
/// (undated evidence goes too), edges and entities left without any dropped, and of a
/// place's controllers only the latest as of that date, the one whose control begins last
/// (a later capture ends an earlier control; controllers that begin the same day all stay).
pub fn as_of(g: &Graph, date: &str) -> Result<Graph, Error> {
    let dated = super::Filter {
        until: Some(date.to_string()),
        ..super::Filter::default()
    }
    .apply(g)?;
    let mut file = dated.to_node_link("");
    let mut latest: std::collections::HashMap<&EntityId, String> = std::collections::HashMap::new();
    let begins = |e: &super::NodeLinkEdge| -> String {
        e.evidence
            .iter()
            .filter_map(|ev| ev.date.clone())
            .min()
            .unwrap_or_default()
    };
    for e in file
        .edges
        .iter()
        .filter(|e| e.relation == Relation::Controls)
    {
        let b = begins(e);
        let slot = latest.entry(&e.target).or_default();
        if b > *slot {
            *slot = b;
        }
    }
    let latest: std::collections::HashMap<EntityId, String> =
        latest.into_iter().map(|(k, v)| (k.clone(), v)).collect();
    file.edges
        .retain(|e| e.relation != Relation::Controls || latest.get(&e.target) == Some(&begins(e)));
    let linked: std::collections::HashSet<EntityId> = file
        .edges
        .iter()
        .flat_map(|e| [e.source.clone(), e.target.clone()])
        .collect();
    file.nodes.retain(|n| linked.contains(&n.entity.id));
    Graph::from_node_link(file)
}

/// Every edge between `a` and `b`, either way, by first evidence date (undated last).
pub fn between(g: &Graph, a: &EntityId, b: &EntityId) -> Result<Vec<RelationSpan>, Error> {
    for x in [a, b] {
        if g.entity(x).is_none() {
            return Err(Error::UnknownEntity {
                name: x.to_string(),
                suggestions: Vec::new(),
            });
        }
    }
    let mut out: Vec<RelationSpan> = g
        .edges_of(a)
        .filter(|e| (e.source == a && e.target == b) || (e.source == b && e.target == a))
        .map(|e| RelationSpan::of(&e))
        .collect();
    out.sort_by(|x, y| {
        (x.first_date.is_none(), &x.first_date, x.relation, &x.source).cmp(&(
            y.first_date.is_none(),
            &y.first_date,
            y.relation,
            &y.source,
        ))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Evidence, Statement};

    fn add(g: &mut Graph, s: &str, relation: Relation, t: &str, date: Option<&str>) {
        let target = if relation == Relation::Controls {
            Entity::new(t, EntityType::City)
        } else {
            Entity::new(t, EntityType::ArmedGroup)
        };
        g.add_statement(Statement {
            source: Entity::new(s, EntityType::ArmedGroup),
            relation,
            target,
            evidence: Evidence {
                doc: format!("{s}-{t}-{}", date.unwrap_or("x")),
                date: date.map(str::to_string),
                text: format!("{s} {relation} {t} ({}).", date.unwrap_or("undated")),
                span: None,
                trigger: None,
                producer: "test".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }

    #[test]
    fn a_later_capture_ends_the_earlier_control() {
        let mut g = Graph::new();
        add(
            &mut g,
            "Army",
            Relation::Controls,
            "Hama",
            Some("2024-11-01"),
        );
        add(
            &mut g,
            "Army",
            Relation::Controls,
            "Hama",
            Some("2024-11-20"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Controls,
            "Hama",
            Some("2024-12-05"),
        );
        add(&mut g, "Militia", Relation::Controls, "Hama", None);
        let t = control(&g, &EntityId::from_name("Hama")).unwrap();
        let steps: Vec<(&str, Option<&str>, Option<&str>, usize)> = t
            .steps
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.from.as_deref(),
                    s.until.as_deref(),
                    s.evidence_count,
                )
            })
            .collect();
        assert_eq!(
            steps,
            [
                ("Army", Some("2024-11-01"), Some("2024-12-05"), 2),
                ("Rebels", Some("2024-12-05"), None, 1),
                ("Militia", None, None, 1)
            ]
        );
        assert_eq!(
            t.steps[0].quote.as_deref(),
            Some("Army controls Hama (2024-11-01).")
        );
    }

    #[test]
    fn as_of_a_date_the_graph_holds_what_was_known_then_and_the_latest_controller() {
        let mut g = Graph::new();
        add(
            &mut g,
            "Army",
            Relation::Controls,
            "Hama",
            Some("2024-11-01"),
        );
        add(
            &mut g,
            "Army",
            Relation::Controls,
            "Hama",
            Some("2024-12-20"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Controls,
            "Hama",
            Some("2024-12-05"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Opposes,
            "Army",
            Some("2024-11-27"),
        );
        add(&mut g, "Iran", Relation::Supports, "Army", None);
        let names = |g: &Graph| -> Vec<String> {
            g.edges_sorted()
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {} {}",
                        e.source,
                        e.relation,
                        e.target,
                        e.evidence.len()
                    )
                })
                .collect()
        };
        assert_eq!(
            names(&as_of(&g, "2024-11-15").unwrap()),
            ["army controls hama 1"]
        );
        // the rebels took Hama on 5 December; the army's later claim does not undo that
        assert_eq!(
            names(&as_of(&g, "2024-12-31").unwrap()),
            ["rebels opposes army 1", "rebels controls hama 1"]
        );
        assert!(as_of(&g, "2024-1-5").is_err());
        assert_eq!(as_of(&g, "2020-01-01").unwrap().entity_count(), 0);
    }

    #[test]
    fn changes_list_new_relations_and_places_changing_hands_within_the_dates() {
        let mut g = Graph::new();
        add(
            &mut g,
            "Army",
            Relation::Controls,
            "Hama",
            Some("2024-11-01"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Controls,
            "Hama",
            Some("2024-12-05"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Controls,
            "Homs",
            Some("2024-12-07"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Opposes,
            "Army",
            Some("2024-11-27"),
        );
        add(
            &mut g,
            "Rebels",
            Relation::Opposes,
            "Army",
            Some("2024-12-02"),
        );
        add(
            &mut g,
            "Iran",
            Relation::Supports,
            "Army",
            Some("2024-10-01"),
        );
        let c = changes(&g, "2024-11-20", "2024-12-06").unwrap();
        let appeared: Vec<String> = c
            .appeared
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r.source, r.relation, r.target, r.evidence_count
                )
            })
            .collect();
        assert_eq!(appeared, ["rebels opposes army 2"]);
        let hands: Vec<(&str, Option<&str>, &str, &str)> = c
            .control
            .iter()
            .map(|x| {
                (
                    x.place.as_str(),
                    x.before.as_ref().map(|b| b.as_str()),
                    x.after.as_str(),
                    x.date.as_str(),
                )
            })
            .collect();
        assert_eq!(hands, [("hama", Some("army"), "rebels", "2024-12-05")]);
        assert!(changes(&g, "2024-12-06", "2024-11-20").is_err());
    }

    #[test]
    fn relations_between_two_actors_in_order_of_their_first_evidence() {
        let mut g = Graph::new();
        add(&mut g, "A", Relation::Supports, "B", Some("2020-01-01"));
        add(&mut g, "B", Relation::Opposes, "A", Some("2023-05-01"));
        add(&mut g, "A", Relation::Opposes, "B", Some("2022-02-02"));
        add(&mut g, "A", Relation::Opposes, "C", Some("2021-01-01"));
        let (a, b) = (EntityId::from_name("A"), EntityId::from_name("B"));
        let spans = between(&g, &a, &b).unwrap();
        let got: Vec<(&str, Relation)> = spans
            .iter()
            .map(|s| (s.first_date.as_deref().unwrap(), s.relation))
            .collect();
        assert_eq!(
            got,
            [
                ("2020-01-01", Relation::Supports),
                ("2022-02-02", Relation::Opposes),
                ("2023-05-01", Relation::Opposes)
            ]
        );
    }
}
