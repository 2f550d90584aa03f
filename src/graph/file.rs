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

use std::collections::HashSet;
use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{Graph, Node};
use crate::Error;
use crate::model::{Entity, EntityId, Evidence, Relation, check_evidence};

/// The version of this format written by this build; files with a larger one are refused.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole graph file. Reading one checks each node and edge as its object ends, so that
/// serde_json places an error at the line of the object's closing brace: a node or edge
/// wrong by itself ([`NodeLinkNode`], [`NodeLinkEdge`]), a node whose id an earlier node
/// has, an edge naming a node that the file does not have. That last check needs the nodes
/// first, as actorgraph and NetworkX write them; in a file with `edges` before `nodes`,
/// [`Graph::from_node_link`] finds such an edge, without its line.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
            check_evidence(ev.date.as_deref(), ev.confidence, ev.span, ev.trigger)
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

impl<'de> Deserialize<'de> for NodeLink {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<NodeLink, D::Error> {
        const FIELDS: &[&str] = &["directed", "multigraph", "graph", "nodes", "edges"];
        d.deserialize_struct("NodeLink", FIELDS, NodeLinkVisitor)
    }
}

/// The keys of a [`NodeLink`] object; others are skipped, as the derived reader did.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Directed,
    Multigraph,
    Graph,
    Nodes,
    Edges,
    #[serde(other)]
    Other,
}

struct NodeLinkVisitor;

impl<'de> Visitor<'de> for NodeLinkVisitor {
    type Value = NodeLink;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node-link graph object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NodeLink, A::Error> {
        fn fresh<T, E: de::Error>(slot: &Option<T>, name: &'static str) -> Result<(), E> {
            match slot {
                Some(_) => Err(E::duplicate_field(name)),
                None => Ok(()),
            }
        }
        let (mut directed, mut multigraph, mut graph) = (None, None, None);
        let (mut nodes, mut edges) = (None, None);
        // the ids of the nodes, once read: edges read after them are checked against them
        let mut ids: Option<HashSet<EntityId>> = None;
        while let Some(field) = map.next_key()? {
            match field {
                Field::Directed => {
                    fresh(&directed, "directed")?;
                    directed = Some(map.next_value()?);
                }
                Field::Multigraph => {
                    fresh(&multigraph, "multigraph")?;
                    multigraph = Some(map.next_value()?);
                }
                Field::Graph => {
                    fresh(&graph, "graph")?;
                    graph = Some(map.next_value()?);
                }
                Field::Nodes => {
                    fresh(&nodes, "nodes")?;
                    let mut check = NodeCheck::default();
                    nodes = Some(map.next_value_seed(Array(&mut check))?);
                    ids = Some(check.seen);
                }
                Field::Edges => {
                    fresh(&edges, "edges")?;
                    let mut check = EdgeCheck { ids: ids.as_ref() };
                    edges = Some(map.next_value_seed(Array(&mut check))?);
                }
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(NodeLink {
            directed: directed.ok_or_else(|| de::Error::missing_field("directed"))?,
            multigraph: multigraph.ok_or_else(|| de::Error::missing_field("multigraph"))?,
            graph: graph.ok_or_else(|| de::Error::missing_field("graph"))?,
            nodes: nodes.ok_or_else(|| de::Error::missing_field("nodes"))?,
            edges: edges.ok_or_else(|| de::Error::missing_field("edges"))?,
        })
    }
}

/// A JSON array, each element read by `&mut C` (a [`NodeCheck`] or an [`EdgeCheck`]).
struct Array<'a, C>(&'a mut C);

impl<'de, C, T> DeserializeSeed<'de> for Array<'_, C>
where
    for<'b> &'b mut C: DeserializeSeed<'de, Value = T>,
{
    type Value = Vec<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, C, T> Visitor<'de> for Array<'_, C>
where
    for<'b> &'b mut C: DeserializeSeed<'de, Value = T>,
{
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut all = Vec::new();
        while let Some(x) = seq.next_element_seed(&mut *self.0)? {
            all.push(x);
        }
        Ok(all)
    }
}

/// Reads nodes, refusing one whose id an earlier node has; `seen` ends up with the ids.
/// The checks run inside the node's object (a map visitor), not after it: serde_json gives
/// an error raised there the line of the object's `}`, whereas one raised after the object
/// gets the position of whatever follows it (the next node's line).
#[derive(Default)]
struct NodeCheck {
    seen: HashSet<EntityId>,
}

impl<'de> DeserializeSeed<'de> for &mut NodeCheck {
    type Value = NodeLinkNode;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NodeLinkNode, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut NodeCheck {
    type Value = NodeLinkNode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NodeLinkNode, A::Error> {
        let node = NodeLinkNode::deserialize(MapAccessDeserializer::new(map))?;
        if !self.seen.insert(node.entity.id.clone()) {
            return Err(de::Error::custom(repeated_node(&node.entity.id)));
        }
        Ok(node)
    }
}

/// Reads edges, refusing one that names a node not among `ids` (when the nodes came
/// first). Checked inside the edge's object, as [`NodeCheck`] checks nodes, for the line.
struct EdgeCheck<'a> {
    ids: Option<&'a HashSet<EntityId>>,
}

impl<'de> DeserializeSeed<'de> for &mut EdgeCheck<'_> {
    type Value = NodeLinkEdge;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NodeLinkEdge, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut EdgeCheck<'_> {
    type Value = NodeLinkEdge;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an edge object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NodeLinkEdge, A::Error> {
        let edge = NodeLinkEdge::deserialize(MapAccessDeserializer::new(map))?;
        if let Some(ids) = self.ids {
            for end in [&edge.source, &edge.target] {
                if !ids.contains(end) {
                    return Err(de::Error::custom(unknown_node(&edge, end)));
                }
            }
        }
        Ok(edge)
    }
}

/// The error for a node whose id an earlier node has.
fn repeated_node(id: &EntityId) -> String {
    format!("node '{id}' appears twice")
}

/// The error for an edge naming a node the graph does not have.
fn unknown_node(edge: &NodeLinkEdge, id: &EntityId) -> String {
    format!(
        "edge {} -{}-> {} names unknown node '{id}'",
        edge.source, edge.relation, edge.target
    )
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
    /// version, unique ids, names naming one entity, edges between known nodes. Reading a
    /// file already refused repeated ids and unknown nodes at their lines (see [`NodeLink`]);
    /// the checks here are for a [`NodeLink`] built in code, or a file with its edges first.
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
                return bad(repeated_node(&e.id));
            }
            g.insert_node(Node {
                entity: node.entity,
                manual: node.manual,
            });
        }
        g.index_names();
        for edge in file.edges {
            let end = |id: &EntityId| {
                g.index(id)
                    .ok_or_else(|| Error::Invalid(unknown_node(&edge, id)))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The file, or the error without its position.
    fn read(text: &str) -> Result<NodeLink, String> {
        serde_json::from_str(text).map_err(|e| {
            let msg = e.to_string();
            msg.split(" at line ").next().unwrap_or(&msg).to_string()
        })
    }

    #[test]
    fn reads_what_it_writes_and_skips_keys_it_does_not_know() {
        let mut g = Graph::new();
        g.add_statement(crate::model::Statement {
            source: Entity::new("Iran", crate::model::EntityType::State),
            relation: Relation::Supports,
            target: Entity::new("Hezbollah", crate::model::EntityType::ArmedGroup),
            evidence: Evidence {
                doc: "d".into(),
                date: None,
                text: "Iran armed Hezbollah.".into(),
                span: None,
                trigger: None,
                producer: "manual".into(),
                url: None,
                confidence: 1.0,
            },
        });
        let file = g.to_node_link("g");
        let mut value = serde_json::to_value(&file).unwrap();
        value["links"] = serde_json::json!([]);
        assert_eq!(read(&value.to_string()).unwrap(), file);
    }

    #[test]
    fn a_key_twice_or_missing_is_an_error() {
        let head = r#""directed": true, "multigraph": true, "graph": {"schema_version": 1}"#;
        assert_eq!(
            read(&format!(
                r#"{{{head}, "nodes": [], "nodes": [], "edges": []}}"#
            ))
            .unwrap_err(),
            "duplicate field `nodes`"
        );
        assert_eq!(
            read(&format!(r#"{{{head}, "nodes": []}}"#)).unwrap_err(),
            "missing field `edges`"
        );
    }
}
