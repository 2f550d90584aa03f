//! NetworkX node-link JSON: the same format as the graph file (see
//! [`crate::graph::file`]). Load it in Python with
//! `networkx.node_link_graph(data, edges="edges")`.

use crate::graph::{Graph, NodeLink};

/// The graph in node-link form, sorted, with `graph.name` set to `name`.
pub fn to_node_link(graph: &Graph, name: &str) -> NodeLink {
    graph.to_node_link(name)
}

/// The node-link JSON text, pretty-printed, ending in a newline.
pub fn to_string(graph: &Graph, name: &str) -> String {
    let mut s = serde_json::to_string_pretty(&to_node_link(graph, name))
        .expect("node-link types always serialize");
    s.push('\n');
    s
}
