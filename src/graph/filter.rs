//! Subgraphs for export and rendering. One [`Filter`] serves every output format: by
//! relation, by evidence date, by evidence count, by kind, around one entity, or the most
//! connected entities.
//!
//! A subgraph around a focus is read from the focus outward, over the edges within `depth`
//! hops, so its cost follows the neighbourhood, not the graph; the other filters read the
//! whole graph.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{EdgeData, Graph, GraphMeta, NodeLink, NodeLinkEdge, NodeLinkNode, SCHEMA_VERSION};
use crate::Error;
use crate::model::{EntityId, EntityKind, Evidence, Relation};

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

    /// The filtered subgraph, a new [`Graph`]. O(V log V + E log E); with a focus,
    /// O(V + E + evidence) within `depth` hops of it (plus the sorting of what is kept).
    pub fn apply(&self, graph: &Graph) -> Result<Graph, Error> {
        for d in [&self.since, &self.until].into_iter().flatten() {
            crate::model::validate_date(d)?;
        }
        if let Some(focus) = &self.focus {
            let focus = graph.node_of(focus)?;
            return self.around(graph, focus);
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

    /// Whether a piece of evidence is within `since..=until` (any is, when neither is set).
    fn dated(&self, ev: &Evidence) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        ev.date.as_deref().is_some_and(|d| {
            self.since.as_deref().is_none_or(|s| d >= s)
                && self.until.as_deref().is_none_or(|u| d <= u)
        })
    }

    /// Whether an edge stays: its relation, enough evidence in the dates, and both ends of
    /// the kind asked for. O(evidence on the edge) with dates, else O(1).
    fn keeps(&self, graph: &Graph, e: EdgeReference<'_, EdgeData>) -> bool {
        let d = e.weight();
        let kind = |n: NodeIndex| self.kind.is_none_or(|k| graph.g[n].entity.kind == k);
        let min = self.min_evidence.max(1);
        self.relations
            .as_ref()
            .is_none_or(|rs| rs.contains(&d.relation))
            && kind(e.source())
            && kind(e.target())
            && if self.since.is_none() && self.until.is_none() {
                d.evidence.len() >= min
            } else {
                d.evidence.iter().filter(|ev| self.dated(ev)).count() >= min
            }
    }

    /// The edges that stay between entities of `keep`, each once (from its source).
    /// O(degree) per entity kept.
    fn edges_among<'g>(
        &'g self,
        graph: &'g Graph,
        keep: &'g FxHashSet<NodeIndex>,
    ) -> impl Iterator<Item = EdgeReference<'g, EdgeData>> + 'g {
        keep.iter().flat_map(move |&n| {
            graph
                .g
                .edges_directed(n, Outgoing)
                .filter(move |e| keep.contains(&e.target()) && self.keeps(graph, *e))
        })
    }

    /// The subgraph around `focus`, as the steps of [`Filter`] define it (the same graph
    /// [`Filter::apply`] built by filtering a copy of everything), read from the focus
    /// outward: a breadth-first walk over the edges that stay, to `depth` hops, then the
    /// edges that stay among the entities it found, with their evidence in the dates.
    fn around(&self, graph: &Graph, focus: NodeIndex) -> Result<Graph, Error> {
        let g = &graph.g;
        let edges_of = |n: NodeIndex| {
            g.edges_directed(n, Outgoing)
                .chain(g.edges_directed(n, Incoming))
                .filter(|e| self.keeps(graph, *e))
        };
        // The focus stays if its kind does and, when edges are filtered (which drops the
        // entities left without one), if an edge to it stays.
        let stays = self.kind.is_none_or(|k| g[focus].entity.kind == k)
            && (!self.edge_conditions() || edges_of(focus).next().is_some());
        let mut keep: FxHashSet<NodeIndex> = FxHashSet::default();
        if stays {
            keep.insert(focus);
            let mut queue = VecDeque::from([(focus, 0usize)]);
            while let Some((n, d)) = queue.pop_front() {
                if d == self.depth {
                    continue;
                }
                for e in edges_of(n) {
                    let m = if e.source() == n {
                        e.target()
                    } else {
                        e.source()
                    };
                    if keep.insert(m) {
                        queue.push_back((m, d + 1));
                    }
                }
            }
        }
        if let Some(top) = self.top {
            let mut degree: FxHashMap<NodeIndex, usize> = keep.iter().map(|&n| (n, 0)).collect();
            for e in self.edges_among(graph, &keep) {
                *degree.entry(e.source()).or_default() += 1;
                *degree.entry(e.target()).or_default() += 1;
            }
            let mut ranked: Vec<(&EntityId, NodeIndex, usize)> = degree
                .into_iter()
                .map(|(n, k)| (graph.id_of(n), n, k))
                .collect();
            ranked.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
            keep = ranked.into_iter().take(top).map(|(_, n, _)| n).collect();
        }
        let mut nodes: Vec<NodeLinkNode> = keep
            .iter()
            .map(|&n| NodeLinkNode {
                entity: g[n].entity.clone(),
                manual: g[n].manual,
            })
            .collect();
        nodes.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
        let mut edges: Vec<NodeLinkEdge> = self
            .edges_among(graph, &keep)
            .map(|e| {
                let d = e.weight();
                NodeLinkEdge {
                    source: graph.id_of(e.source()).clone(),
                    target: graph.id_of(e.target()).clone(),
                    key: d.relation,
                    relation: d.relation,
                    evidence: d
                        .evidence
                        .iter()
                        .filter(|ev| self.dated(ev))
                        .cloned()
                        .collect(),
                }
            })
            .collect();
        edges.sort_by(|a, b| {
            (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
        });
        Graph::from_node_link(NodeLink {
            directed: true,
            multigraph: true,
            graph: GraphMeta {
                schema_version: SCHEMA_VERSION,
                name: String::new(),
            },
            nodes,
            edges,
        })
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
                    trigger: None,
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

    impl Filter {
        /// `apply` as it was before subgraphs around a focus were read from the focus
        /// outward: every filter on a copy of the whole graph.
        fn apply_by_copy(&self, graph: &Graph) -> Result<Graph, Error> {
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
            let mut keep: HashSet<EntityId> =
                file.nodes.iter().map(|n| n.entity.id.clone()).collect();
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

    const NAMES: [&str; 8] = ["a", "b", "c", "d", "e", "f", "p", "q"];
    const DATES: [Option<&str>; 4] = [
        None,
        Some("2024-12-01"),
        Some("2024-12-02"),
        Some("2024-12-03"),
    ];

    /// A graph of the statements `(source, relation, target, date)` over `NAMES` (`p` and
    /// `q` are places), with `lonely` added by hand.
    fn random_graph(statements: &[(usize, usize, usize, usize)]) -> Graph {
        let entity = |i: usize| {
            let etype = if i >= 6 {
                EntityType::City
            } else {
                EntityType::State
            };
            Entity::new(NAMES[i], etype)
        };
        let mut g = Graph::new();
        for (k, &(s, r, t, d)) in statements.iter().enumerate() {
            g.add_statement(Statement {
                source: entity(s),
                relation: Relation::ALL[r],
                target: entity(t),
                evidence: Evidence {
                    doc: format!("d{k}"),
                    date: DATES[d].map(String::from),
                    text: format!("{k}"),
                    span: None,
                    trigger: None,
                    producer: "manual".into(),
                    url: None,
                    confidence: 1.0,
                },
            });
        }
        g.add_entity(Entity::new("lonely", EntityType::State));
        g
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// A subgraph read from the focus outward is the one filtering a copy of the whole
        /// graph gave, with every other filter beside it.
        #[test]
        fn focus_subgraph_is_the_filtered_copy(
            statements in proptest::collection::vec((0..8usize, 0..4usize, 0..8usize, 0..4usize), 0..30),
            focus in 0..9usize,
            depth in 0..4usize,
            relations in proptest::option::of(proptest::collection::vec(0..4usize, 1..3)),
            since in 0..4usize,
            until in 0..4usize,
            min_evidence in 0..3usize,
            kind in 0..3usize,
            top in proptest::option::of(1..6usize),
        ) {
            let g = random_graph(&statements);
            let focus = if focus == 8 { "lonely" } else { NAMES[focus] };
            let Ok(focus) = g.resolve(focus) else {
                return Ok(());
            };
            let f = Filter {
                relations: relations.map(|rs| rs.into_iter().map(|r| Relation::ALL[r]).collect()),
                focus: Some(focus),
                depth,
                since: DATES[since].map(String::from),
                until: DATES[until].map(String::from),
                min_evidence,
                kind: [None, Some(EntityKind::Actor), Some(EntityKind::Place)][kind],
                top,
            };
            let got = f.apply(&g).unwrap().to_node_link("");
            let want = f.apply_by_copy(&g).unwrap().to_node_link("");
            proptest::prop_assert_eq!(got, want);
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
