//! Cytoscape.js elements JSON for web pages: `{"elements": {"nodes": [{"data": ...}],
//! "edges": [{"data": ...}]}}`. Edge ids are `source|relation|target`, unique, and cannot
//! clash with node ids (entity ids have no `|`).

use serde_json::{Value, json};

use crate::graph::Graph;

/// The graph as Cytoscape.js elements, sorted. O(V log V + E log E).
pub fn to_cytoscape(graph: &Graph) -> Value {
    let nodes: Vec<Value> = graph
        .entities_sorted()
        .into_iter()
        .map(|e| {
            let mut data = json!({
                "id": e.id,
                "label": e.name,
                "kind": e.kind,
                "type": e.etype,
                "aliases": e.aliases,
            });
            for (key, value) in [("lat", e.lat), ("lon", e.lon)] {
                if let Some(v) = value {
                    data[key] = json!(v);
                }
            }
            if let Some(c) = &e.country {
                data["country"] = json!(c);
            }
            json!({"data": data})
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges_sorted()
        .into_iter()
        .map(|e| {
            json!({"data": {
                "id": format!("{}|{}|{}", e.source, e.relation, e.target),
                "source": e.source,
                "target": e.target,
                "relation": e.relation,
                "label": e.relation,
                "symmetric": e.relation.is_symmetric(),
                "evidence_count": e.evidence.len(),
                "first_date": e.first_date(),
                "last_date": e.last_date(),
                "quote": e.quote(),
            }})
        })
        .collect();
    json!({"elements": {"nodes": nodes, "edges": edges}})
}
