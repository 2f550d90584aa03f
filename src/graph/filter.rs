//! Subgraphs for export and rendering: keep some relations, or the neighborhood of one
//! entity. One [`Filter`] serves every output format.

use std::collections::{HashSet, VecDeque};

use super::Graph;
use crate::Error;
use crate::model::{EntityId, Relation};

/// What part of the graph to keep.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Keep only edges of these relations (`None`: all). Without a focus, entities with no
    /// kept edge are dropped when this is set.
    pub relations: Option<Vec<Relation>>,
    /// Keep only entities within `depth` hops of this one (edges walked either way).
    pub focus: Option<EntityId>,
    /// Hops around the focus.
    pub depth: usize,
}

impl Filter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.relations.is_none() && self.focus.is_none()
    }

    fn keeps(&self, r: Relation) -> bool {
        self.relations.as_ref().is_none_or(|rs| rs.contains(&r))
    }

    /// The filtered subgraph, a new [`Graph`]. O(V + E).
    pub fn apply(&self, graph: &Graph) -> Result<Graph, Error> {
        if self.is_empty() {
            return Ok(graph.clone());
        }
        let keep: HashSet<EntityId> = match &self.focus {
            Some(focus) => {
                graph.node_of(focus)?;
                let mut seen = HashSet::from([focus.clone()]);
                let mut queue = VecDeque::from([(focus.clone(), 0usize)]);
                while let Some((id, d)) = queue.pop_front() {
                    if d == self.depth {
                        continue;
                    }
                    for e in graph.edges_of(&id) {
                        if !self.keeps(e.relation) {
                            continue;
                        }
                        let other = if e.source == &id { e.target } else { e.source };
                        if seen.insert(other.clone()) {
                            queue.push_back((other.clone(), d + 1));
                        }
                    }
                }
                seen
            }
            None => graph
                .edges()
                .filter(|e| self.keeps(e.relation))
                .flat_map(|e| [e.source.clone(), e.target.clone()])
                .collect(),
        };
        let mut file = graph.to_node_link("");
        file.nodes.retain(|n| keep.contains(&n.entity.id));
        file.edges.retain(|e| {
            self.keeps(e.relation) && keep.contains(&e.source) && keep.contains(&e.target)
        });
        Graph::from_node_link(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Evidence, Statement};

    fn graph() -> Graph {
        let mut g = Graph::new();
        for (s, r, t) in [
            ("a", Relation::Supports, "b"),
            ("b", Relation::Opposes, "c"),
            ("c", Relation::Supports, "d"),
        ] {
            g.add_statement(Statement {
                source: Entity::new(s, EntityType::State),
                relation: r,
                target: Entity::new(t, EntityType::State),
                evidence: Evidence {
                    doc: "d".into(),
                    date: None,
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

    #[test]
    fn relation_filter_drops_unconnected_entities() {
        let f = Filter {
            relations: Some(vec![Relation::Supports]),
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        assert_eq!((g.entity_count(), g.edge_count()), (4, 2));
        assert_eq!(Filter::default().apply(&graph()).unwrap().entity_count(), 5);
    }

    #[test]
    fn focus_keeps_the_neighborhood() {
        let f = Filter {
            focus: Some(EntityId("b".into())),
            depth: 1,
            ..Filter::default()
        };
        let g = f.apply(&graph()).unwrap();
        assert_eq!((g.entity_count(), g.edge_count()), (3, 2));
        let f = Filter {
            focus: Some(EntityId("a".into())),
            depth: 2,
            relations: Some(vec![Relation::Supports]),
        };
        assert_eq!(f.apply(&graph()).unwrap().entity_count(), 2);
    }
}
