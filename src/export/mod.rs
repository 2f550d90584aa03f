//! Writing the graph for other programs: Graphviz DOT ([`dot`]) and NetworkX node-link
//! JSON ([`json`]). Exporters take a [`Graph`](crate::graph::Graph), usually a subgraph cut
//! by a [`Filter`](crate::graph::Filter), and return text; they sort so that output is
//! identical run to run.

pub mod dot;
pub mod json;
