//! Allies and rivals of an actor, direct and at two steps, each with the edges that say so.
//!
//! In: a [`Graph`] and an entity. Out: its allies (support either way, or a meeting; at two
//! steps, the enemy of its enemy) or its rivals (`opposes` either way; at two steps, those
//! who back its enemy), each with the chain of edges, their evidence counts and a quote.
//! Sorted by step, then by the evidence along the chain (most first), then by id. An
//! entity found at the first step is not listed again at the second, nor is the entity
//! itself; a two-step ally that is also a direct rival is left out (the direct edge says
//! more than the inference).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Graph;
use crate::Error;
use crate::model::{EntityId, Relation};

/// Which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Allies,
    Rivals,
}

/// One edge of a chain, as stored.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub source: EntityId,
    pub relation: Relation,
    pub target: EntityId,
    pub evidence_count: usize,
    pub quote: Option<String>,
}

/// An ally or rival and why.
#[derive(Clone, Debug, Serialize)]
pub struct Related {
    pub id: EntityId,
    pub name: String,
    /// 1: an edge between them; 2: through `via[0]`'s other end.
    pub step: usize,
    pub via: Vec<Link>,
}

/// The edges of `x` of these relations, either way: (the other end, the edge).
fn linked<'g>(g: &'g Graph, x: &EntityId, relations: &[Relation]) -> Vec<(&'g EntityId, Link)> {
    let mut out: Vec<(&EntityId, Link)> = g
        .edges_of(x)
        .filter(|e| relations.contains(&e.relation))
        .filter(|e| {
            g.entity(e.source)
                .is_some_and(|s| s.kind == crate::model::EntityKind::Actor)
        })
        .filter(|e| {
            g.entity(e.target)
                .is_some_and(|t| t.kind == crate::model::EntityKind::Actor)
        })
        .map(|e| {
            let other = if e.source == x { e.target } else { e.source };
            let link = Link {
                source: e.source.clone(),
                relation: e.relation,
                target: e.target.clone(),
                evidence_count: e.evidence.len(),
                quote: e.quote().map(str::to_string),
            };
            (other, link)
        })
        .filter(|(other, _)| *other != x)
        .collect();
    out.sort_by(|a, b| (a.0, a.1.relation).cmp(&(b.0, b.1.relation)));
    out
}

const FRIENDLY: [Relation; 2] = [Relation::Supports, Relation::MeetsWith];
const HOSTILE: [Relation; 1] = [Relation::Opposes];

/// The allies or rivals of `x` (see the module docs).
pub fn related(g: &Graph, x: &EntityId, side: Side) -> Result<Vec<Related>, Error> {
    if g.entity(x).is_none() {
        return Err(Error::UnknownEntity {
            name: x.to_string(),
            suggestions: Vec::new(),
        });
    }
    let direct_rels: &[Relation] = match side {
        Side::Allies => &FRIENDLY,
        Side::Rivals => &HOSTILE,
    };
    let mut found: BTreeMap<&EntityId, Related> = BTreeMap::new();
    for (other, link) in linked(g, x, direct_rels) {
        found
            .entry(other)
            .or_insert_with(|| related_entry(g, other, 1))
            .via
            .push(link);
    }
    let rivals: Vec<&EntityId> = linked(g, x, &HOSTILE).into_iter().map(|(o, _)| o).collect();
    let mut second: BTreeMap<&EntityId, Related> = BTreeMap::new();
    for (enemy, first) in linked(g, x, &HOSTILE) {
        // allies: the enemy's enemies; rivals: those who back the enemy
        let next: Vec<(&EntityId, Link)> = match side {
            Side::Allies => linked(g, enemy, &HOSTILE),
            Side::Rivals => linked(g, enemy, &[Relation::Supports])
                .into_iter()
                .filter(|(_, l)| &l.target == enemy)
                .collect(),
        };
        for (y, link) in next {
            let listed = found.contains_key(y) || y == x;
            let contradicted = side == Side::Allies && rivals.contains(&y);
            if listed || contradicted {
                continue;
            }
            let entry = second.entry(y).or_insert_with(|| related_entry(g, y, 2));
            // the strongest chain: most evidence on its weaker link
            let strength = |via: &[Link]| via.iter().map(|l| l.evidence_count).min().unwrap_or(0);
            let chain = vec![first.clone(), link];
            if entry.via.is_empty() || strength(&chain) > strength(&entry.via) {
                entry.via = chain;
            }
        }
    }
    let mut out: Vec<Related> = found.into_values().chain(second.into_values()).collect();
    let weight = |r: &Related| -> usize { r.via.iter().map(|l| l.evidence_count).sum() };
    out.sort_by(|a, b| {
        (a.step, std::cmp::Reverse(weight(a)), &a.id).cmp(&(
            b.step,
            std::cmp::Reverse(weight(b)),
            &b.id,
        ))
    });
    Ok(out)
}

fn related_entry(g: &Graph, id: &EntityId, step: usize) -> Related {
    Related {
        id: id.clone(),
        name: g.entity(id).map(|e| e.name.clone()).unwrap_or_default(),
        step,
        via: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Evidence, Statement};

    fn add(g: &mut Graph, s: &str, relation: Relation, t: &str) {
        g.add_statement(Statement {
            source: Entity::new(s, EntityType::ArmedGroup),
            relation,
            target: Entity::new(t, EntityType::ArmedGroup),
            evidence: Evidence {
                doc: format!("{s}-{relation}-{t}"),
                date: None,
                text: format!("{s} {relation} {t}."),
                span: None,
                trigger: None,
                producer: "test".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }

    fn names(list: &[Related]) -> Vec<(String, usize)> {
        list.iter().map(|r| (r.name.clone(), r.step)).collect()
    }

    #[test]
    fn allies_and_rivals_direct_and_at_two_steps() {
        let mut g = Graph::new();
        add(&mut g, "A", Relation::Supports, "B");
        add(&mut g, "C", Relation::MeetsWith, "A");
        add(&mut g, "A", Relation::Opposes, "E");
        add(&mut g, "F", Relation::Opposes, "E");
        add(&mut g, "G", Relation::Supports, "E");
        add(&mut g, "E", Relation::Opposes, "H");
        add(&mut g, "H", Relation::Opposes, "A");
        let a = EntityId::from_name("A");
        let allies = related(&g, &a, Side::Allies).unwrap();
        // H is the enemy of A's enemy E, but opposes A itself: no ally
        assert_eq!(
            names(&allies),
            [("B".into(), 1), ("C".into(), 1), ("F".into(), 2)]
        );
        let f = &allies[2];
        assert_eq!(f.via.len(), 2);
        assert_eq!(f.via[1].quote.as_deref(), Some("F opposes E."));
        let rivals = related(&g, &a, Side::Rivals).unwrap();
        assert_eq!(
            names(&rivals),
            [("E".into(), 1), ("H".into(), 1), ("G".into(), 2)]
        );
    }
}
