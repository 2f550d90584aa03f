//! Writing the graph for other programs. Exporters take a [`Graph`](crate::graph::Graph),
//! usually a subgraph cut by a [`Filter`](crate::graph::Filter), and return text; they sort,
//! so output is identical run to run.
//!
//! - [`dot`]: Graphviz DOT (pictures).
//! - [`json`]: NetworkX node-link JSON (the graph file format).
//! - [`graphml`]: GraphML (Gephi, yEd, Cytoscape desktop, igraph).
//! - [`gexf`]: GEXF 1.3, dynamic (Gephi's timeline).
//! - [`cytoscape`]: Cytoscape.js elements (web pages).
//! - [`neo4j`]: CSV for `neo4j-admin database import`, or a Cypher script.
//! - [`geojson`]: places with coordinates and who controls them (maps).
//! - [`table`]: CSV/TSV edge lists (spreadsheets).

pub mod cytoscape;
pub mod dot;
pub mod geojson;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod neo4j;
pub mod table;
mod xml;
