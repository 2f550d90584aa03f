//! Subgraphs for export and rendering. One [`Filter`] serves every output format: by
//! relation, by evidence date, by evidence count, by kind, around one entity, or the most
//! connected entities.

use std::collections::{HashMap, HashSet, VecDeque};

use super::Graph;
use crate::Error;
use crate::model::{EntityId, EntityKind, Relation};

/// What part of the graph to keep. The default keeps everything.
///
/// Steps, in order: evidence outside `since..=until` is dropped (evidence without a date
/// too, when either is set); edges left with fewer than `min_evidence` pieces (at least 1),
/// or of another relation, are dropped; entities of another kind are dropped; with a
/// focus, only entities within `depth` hops of it remain (edges walked either way); with
/// `top`, only the `top` entities with the most remaining edges (ties by id). When any
/// edge condition is set, entities left without an edge are dropped.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Keep only edges of these relations (`None`: all).
    pub relations: Option<Vec<Relation>>,
    /// Keep only entities within `depth` hops of this one.
    pub focus: Option<EntityId>,
    /// Hops around the focus.
    pub depth: usize,
    /// Keep only evidence dated on or after this day (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Keep only evidence dated on or before this day.
    pub until: Option<String>,
    /// Keep only edges with at least this much evidence.
    pub min_evidence: usize,
    /// Keep only entities of this kind.
    pub kind: Option<EntityKind>,
    /// Keep only the N entities with the most edges.
    pub top: Option<usize>,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.relations.is_none()
            && self.focus.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.min_evidence <= 1
            && self.kind.is_none()
            && self.top.is_none()
    }

    fn edge_conditions(&self) -> bool {
        self.relations.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.min_evidence > 1
    }

    /// The filtered subgraph, a new [`Graph`]. O(V log V + E log E).
    pub fn apply(&self, graph: &Graph) -> Result<Graph, Error> {
        for d in [&self.since, &self.until].into_iter().flatten() {
            crate::model::validate_date(d)?;
        }
        if let Some(focus) = &self.focus {
            graph.node_of(focus)?;
        }
        if self.is_empty() {
            return Ok(graph.clone());
        }
        let mut file = graph.to_node_link("");
        if self.since.is_some() || self.until.is_some() {
            let (since, until) = (self.since.as_deref(), self.until.as_deref());
            for e in &mut file.edges {
                e.evidence.retain(|ev| {
                    ev.date.as_deref().is_some_and(|d| {
                        since.is_none_or(|s| d >= s) && until.is_none_or(|u| d <= u)
                    })
                });
            }
        }
        let min = self.min_evidence.max(1);
        file.edges.retain(|e| {
            e.evidence.len() >= min
                && self
                    .relations
                    .as_ref()
                    .is_none_or(|rs| rs.contains(&e.relation))
        });
        if let Some(kind) = self.kind {
            file.nodes.retain(|n| n.entity.kind == kind);
        }
        let mut keep: HashSet<EntityId> = file.nodes.iter().map(|n| n.entity.id.clone()).collect();
        file.edges
            .retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
        if self.edge_conditions() {
            keep = file
                .edges
                .iter()
                .flat_map(|e| [e.source.clone(), e.target.clone()])
                .collect();
        }
        if let Some(focus) = &self.focus {
            let mut adjacent: HashMap<&EntityId, Vec<&EntityId>> = HashMap::new();
            for e in &file.edges {
                adjacent.entry(&e.source).or_default().push(&e.target);
                adjacent.entry(&e.target).or_default().push(&e.source);
            }
            let mut seen: HashSet<EntityId> = HashSet::new();
            if keep.contains(focus) || !self.edge_conditions() {
                seen.insert(focus.clone());
            }
            let mut queue = VecDeque::from([(focus, 0usize)]);
            while let Some((id, d)) = queue.pop_front() {
                if d == self.depth {
                    continue;
                }
                for other in adjacent.get(id).into_iter().flatten() {
                    if seen.insert((*other).clone()) {
                        queue.push_back((other, d + 1));
                    }
                }
            }
            keep.retain(|id| seen.contains(id));
        }
        if let Some(top) = self.top {
            let mut degree: HashMap<&EntityId, usize> = keep.iter().map(|id| (id, 0)).collect();
            for e in &file.edges {
                if keep.contains(&e.source) && keep.contains(&e.target) {
                    *degree.entry(&e.source).or_default() += 1;
                    *degree.entry(&e.target).or_default() += 1;
                }
            }
            let mut ranked: Vec<(&EntityId, usize)> = degree.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            keep = ranked
                .into_iter()
                .take(top)
                .map(|(id, _)| id.clone())
                .collect();
        }
        file.nodes.retain(|n| keep.contains(&n.entity.id));
        file.edges
            .retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
        Graph::from_node_link(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Evidence, Statement};

    fn graph() -> Graph {
        let mut g = Graph::new();
        for (i, (s, r, t)) in [
            ("a", Relation::Supports, "b"),
            ("b", Relation::Opposes, "c"),
            ("c", Relation::Supports, "d"),
            ("c", Relation::Supports, "d"),
            ("a", Relation::Controls, "p"),
        ]
        .into_iter()
        .enumerate()
        {
            g.add_statement(Statement {
                source: Entity::new(s, EntityType::State),
                relation: r,
                target: Entity::new(
                    t,
                    if t == "p" {
                        EntityType::City
                    } else {
                        EntityType::State
                    },
                ),
                evidence: Evidence {
                    doc: format!("d{i}"),
                    date: Some(format!("2024-12-0{}", i + 1)),
                    text: String::new(),
                    span: None,
                    producer: "manual".into(),
                    url: None,
                    confidence: 1.0,
                },
            });
        }
        g.add_entity(Entity::new("lonely", EntityType::State));
        g
    }

    fn ids(g: &Graph) -> Vec<String> {
        g.entities_sorted().iter().map(|e| e.id.0.clone()).collect()
    }

    #[test]
    fn cases() {
        let id = |s: &str| Some(EntityId(s.into()));
        let cases: Vec<(&str, Filter, Vec<&str>, usize)> = vec![
            (
                "everything",
                Filter::default(),
                vec!["a", "b", "c", "d", "lonely", "p"],
                4,
            ),
            (
                "relation",
                Filter {
                    relations: Some(vec![Relation::Supports]),
                    ..Filter::default()
                },
                vec!["a", "b", "c", "d"],
                2,
            ),
            (
                "focus",
                Filter {
                    focus: id("b"),
                    depth: 1,
                    ..Filter::default()
                },
                vec!["a", "b", "c"],
                2,
            ),
            (
                "focus and relation",
                Filter {
                    focus: id("a"),
                    depth: 2,
                    relations: Some(vec![Relation::Supports]),
                    ..Filter::default()
                },
                vec!["a", "b"],
                1,
            ),
            (
                "since",
                Filter {
                    since: Some("2024-12-03".into()),
                    ..Filter::default()
                },
                vec!["a", "c", "d", "p"],
                2,
            ),
            (
                "until",
                Filter {
                    until: Some("2024-12-02".into()),
                    ..Filter::default()
                },
                vec!["a", "b", "c"],
                2,
            ),
            (
                "min evidence",
                Filter {
                    min_evidence: 2,
                    ..Filter::default()
                },
                vec!["c", "d"],
                1,
            ),
            (
                "kind place",
                Filter {
                    kind: Some(EntityKind::Place),
                    ..Filter::default()
                },
                vec!["p"],
                0,
            ),
            (
                "kind actor",
                Filter {
                    kind: Some(EntityKind::Actor),
                    ..Filter::default()
                },
                vec!["a", "b", "c", "d", "lonely"],
                3,
            ),
            (
                "top",
                Filter {
                    top: Some(2),
                    ..Filter::default()
                },
                vec!["a", "b"],
                1,
            ),
        ];
        for (name, f, want, edges) in cases {
            let g = f.apply(&graph()).unwrap();
            assert_eq!(ids(&g), want, "case {name}");
            assert_eq!(g.edge_count(), edges, "case {name}");
        }
    }

    #[test]
    fn bad_dates_and_unknown_focus_are_errors() {
        let f = Filter {
            since: Some("yesterday".into()),
            ..Filter::default()
        };
        assert_eq!(
            f.apply(&graph()).unwrap_err().to_string(),
            "bad date 'yesterday' (expected YYYY-MM-DD)"
        );
        let f = Filter {
            focus: Some(EntityId("zz".into())),
            ..Filter::default()
        };
        assert!(f.apply(&graph()).is_err());
    }
}
