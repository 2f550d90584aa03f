//! The graph file format: NetworkX node-link JSON with a `schema_version`.
//!
//! ```json
//! {"directed": true, "multigraph": true,
//!  "graph": {"schema_version": 1, "name": "actorgraph"},
//!  "nodes": [{"id": "iran", "name": "Iran", "kind": "actor", "type": "state", "aliases": []}],
//!  "edges": [{"source": "iran", "target": "hezbollah", "key": "supports",
//!             "relation": "supports", "evidence": [{"doc": "d1", "text": "...", ...}]}]}
//! ```
//!
//! Nodes are sorted by id, edges by (source, relation, target), so a file is identical for
//! the same graph. `networkx.node_link_graph(data, edges="edges")` loads it as a
//! `MultiDiGraph` keyed by relation. These types are separate from [`Graph`] on purpose: the
//! file is a contract, the in-memory layout is not.

use serde::{Deserialize, Serialize};

use super::{Graph, Node};
use crate::Error;
use crate::model::{Entity, EntityId, Evidence, Relation, check_evidence};

/// The version of this format written by this build; files with a larger one are refused.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole graph file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeLink {
    pub directed: bool,
    pub multigraph: bool,
    pub graph: GraphMeta,
    pub nodes: Vec<NodeLinkNode>,
    pub edges: Vec<NodeLinkEdge>,
}

/// Graph-level attributes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphMeta {
    pub schema_version: u32,
    #[serde(default)]
    pub name: String,
}

/// One entity. `manual` is written only when true: the entity was added by hand. Read
/// through [`RawNode`], so that a node that is wrong by itself is an error at its line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawNode")]
pub struct NodeLinkNode {
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub manual: bool,
}

/// One edge; `key` repeats the relation so NetworkX keys parallel edges by it. Read
/// through [`RawEdge`], so that an edge that is wrong by itself is an error at its line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawEdge")]
pub struct NodeLinkEdge {
    pub source: EntityId,
    pub target: EntityId,
    pub key: Relation,
    pub relation: Relation,
    pub evidence: Vec<Evidence>,
}

/// A node as read, before the checks of [`NodeLinkNode::try_from`].
#[derive(Deserialize)]
struct RawNode {
    #[serde(flatten)]
    entity: Entity,
    #[serde(default)]
    manual: bool,
}

impl TryFrom<RawNode> for NodeLinkNode {
    type Error = String;

    /// A node needs an id, and a type of its kind.
    fn try_from(raw: RawNode) -> Result<NodeLinkNode, String> {
        let e = &raw.entity;
        if e.id.0.is_empty() {
            return Err(format!("node '{}' has an empty id", e.name));
        }
        if e.etype.kind() != e.kind {
            return Err(format!(
                "node '{}' has type '{}', which is not a kind of {}",
                e.id, e.etype, e.kind
            ));
        }
        Ok(NodeLinkNode {
            entity: raw.entity,
            manual: raw.manual,
        })
    }
}

/// An edge as read, before the checks of [`NodeLinkEdge::try_from`].
#[derive(Deserialize)]
struct RawEdge {
    source: EntityId,
    target: EntityId,
    key: Relation,
    relation: Relation,
    evidence: Vec<Evidence>,
}

impl TryFrom<RawEdge> for NodeLinkEdge {
    type Error = String;

    /// An edge links two different entities, has `key` equal to `relation`, and at least
    /// one piece of evidence, each as `import` checks it (dates `YYYY-MM-DD`, confidence
    /// from 0 to 1, spans that end after they start).
    fn try_from(e: RawEdge) -> Result<NodeLinkEdge, String> {
        let edge = format!("edge {} -{}-> {}", e.source, e.relation, e.target);
        if e.key != e.relation {
            return Err(format!(
                "{edge} has key '{}' (must equal the relation)",
                e.key
            ));
        }
        if e.evidence.is_empty() {
            return Err(format!("{edge} has no evidence"));
        }
        if e.source == e.target {
            return Err(format!(
                "{edge} links '{}' to itself (an edge needs two entities)",
                e.source
            ));
        }
        for (i, ev) in e.evidence.iter().enumerate() {
            check_evidence(ev.date.as_deref(), ev.confidence, ev.span)
                .map_err(|m| format!("{edge}, evidence {} (doc '{}'): {m}", i + 1, ev.doc))?;
        }
        Ok(NodeLinkEdge {
            source: e.source,
            target: e.target,
            key: e.key,
            relation: e.relation,
            evidence: e.evidence,
        })
    }
}

/// [`NodeLink`] borrowed from a graph, so that saving writes the file without a copy of
/// the graph. Same fields and attributes, hence the same bytes (a test checks).
#[derive(Serialize)]
struct NodeLinkRef<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphMeta,
    nodes: Vec<NodeLinkNodeRef<'a>>,
    edges: Vec<NodeLinkEdgeRef<'a>>,
}

#[derive(Serialize)]
struct NodeLinkNodeRef<'a> {
    #[serde(flatten)]
    entity: &'a Entity,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    manual: bool,
}

#[derive(Serialize)]
struct NodeLinkEdgeRef<'a> {
    source: &'a EntityId,
    target: &'a EntityId,
    key: Relation,
    relation: Relation,
    evidence: &'a [Evidence],
}

impl Graph {
    /// Writes the graph file (pretty JSON and a final newline, the bytes of
    /// [`Graph::to_node_link`] serialized) straight to `out`, without building the file in
    /// memory first. Pass a buffered writer. O(V log V + E log E + file size).
    pub fn write_node_link(
        &self,
        name: &str,
        mut out: impl std::io::Write,
    ) -> Result<(), serde_json::Error> {
        let mut nodes: Vec<NodeLinkNodeRef<'_>> = self
            .g
            .node_weights()
            .map(|n| NodeLinkNodeRef {
                entity: &n.entity,
                manual: n.manual,
            })
            .collect();
        nodes.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
        let mut edges: Vec<NodeLinkEdgeRef<'_>> = self
            .edges()
            .map(|e| NodeLinkEdgeRef {
                source: e.source,
                target: e.target,
                key: e.relation,
                relation: e.relation,
                evidence: e.evidence,
            })
            .collect();
        edges.sort_by(|a, b| {
            (a.source, a.relation, a.target).cmp(&(b.source, b.relation, b.target))
        });
        let file = NodeLinkRef {
            directed: true,
            multigraph: true,
            graph: GraphMeta {
                schema_version: SCHEMA_VERSION,
                name: name.to_string(),
            },
            nodes,
            edges,
        };
        serde_json::to_writer_pretty(&mut out, &file)?;
        out.write_all(b"\n").map_err(serde_json::Error::io)
    }

    /// The graph in node-link form, sorted. O(V log V + E log E).
    pub fn to_node_link(&self, name: &str) -> NodeLink {
        let mut nodes: Vec<NodeLinkNode> = self
            .g
            .node_weights()
            .map(|n| NodeLinkNode {
                entity: n.entity.clone(),
                manual: n.manual,
            })
            .collect();
        nodes.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
        let mut edges: Vec<NodeLinkEdge> = self
            .edges()
            .map(|e| NodeLinkEdge {
                source: e.source.clone(),
                target: e.target.clone(),
                key: e.relation,
                relation: e.relation,
                evidence: e.evidence.to_vec(),
            })
            .collect();
        edges.sort_by(|a, b| {
            (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
        });
        NodeLink {
            directed: true,
            multigraph: true,
            graph: GraphMeta {
                schema_version: SCHEMA_VERSION,
                name: name.to_string(),
            },
            nodes,
            edges,
        }
    }

    /// Builds a graph from node-link form, checking what each node and edge cannot show by
    /// itself (those are checked as they are read: [`RawNode`], [`RawEdge`]): the schema
    /// version, unique ids, names naming one entity, edges between known nodes.
    pub fn from_node_link(file: NodeLink) -> Result<Graph, Error> {
        let bad = |m: String| Err(Error::Invalid(m));
        if file.graph.schema_version > SCHEMA_VERSION {
            return bad(format!(
                "schema_version {} is newer than this actorgraph reads ({SCHEMA_VERSION}); upgrade actorgraph",
                file.graph.schema_version
            ));
        }
        let mut g = Graph::new();
        for node in file.nodes {
            let e = &node.entity;
            if g.index(&e.id).is_some() {
                return bad(format!("node '{}' appears twice", e.id));
            }
            g.insert_node(Node {
                entity: node.entity,
                manual: node.manual,
            });
        }
        g.index_names();
        for edge in file.edges {
            let end = |id: &EntityId| {
                g.index(id).ok_or_else(|| {
                    Error::Invalid(format!(
                        "edge {} -{}-> {} names unknown node '{id}'",
                        edge.source, edge.relation, edge.target
                    ))
                })
            };
            let (s, t) = (end(&edge.source)?, end(&edge.target)?);
            let (s, t) = g.oriented(s, edge.relation, t);
            match g.find_edge(s, edge.relation, t) {
                Some(_) => {
                    for ev in edge.evidence {
                        g.add_evidence(s, edge.relation, t, ev);
                    }
                }
                None => {
                    g.add_edge(s, edge.relation, t, edge.evidence);
                }
            }
        }
        Ok(g)
    }
}
