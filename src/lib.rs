//! actorgraph reads news and answers "who backs whom".
//!
//! How it works, stage by stage (each a module, none importing a later one):
//! - [`model`]: the shared vocabulary: entities, relations, statements, evidence.
//! - [`text`]: documents, sentences and tokens with byte offsets.
//! - [`lexicon`]: the embedded world lexicon (states, places, organizations, armed groups,
//!   people and their date-bounded roles), extensible with a user's files.
//! - [`extract`]: mentions, then relations by patterns, then statements with evidence.
//! - [`graph`]: the persistent graph: merge by name and alias, evidence per edge, queries.
//! - [`export`]: Graphviz DOT, NetworkX node-link JSON, GraphML, GEXF, Cytoscape.js, Neo4j,
//!   GeoJSON and CSV.
//! - [`serve`]: a local web viewer: search, the neighbourhood drawn by Graphviz, evidence
//!   per edge, a place's control timeline.
//!
//! Statements (`source -relation-> target` with evidence) go into a [`graph::Graph`], which
//! merges entities by normalized name and alias and keeps one edge per (source, relation,
//! target) with all its evidence. [`graph::store`] keeps the graph in one node-link JSON
//! file (locked, written atomically); queries and exporters read it.
//!
//! ```
//! use actorgraph::graph::{Graph, PathQuery};
//! use actorgraph::model::{Entity, EntityType, Evidence, Relation, Statement};
//!
//! let mut graph = Graph::new();
//! let say = |s: &str, relation, t: &str, text: &str| Statement {
//!     source: Entity::new(s, EntityType::State),
//!     relation,
//!     target: Entity::new(t, EntityType::ArmedGroup),
//!     evidence: Evidence {
//!         doc: "example".into(),
//!         date: Some("2024-12-06".into()),
//!         text: text.into(),
//!         span: None,
//!         trigger: None,
//!         producer: "manual".into(),
//!         url: None,
//!         confidence: 1.0,
//!     },
//! };
//! graph.add_statement(say("Iran", Relation::Supports, "Hezbollah", "Iran's ally Hezbollah"));
//! graph.add_statement(say("Hezbollah", Relation::Supports, "Assad", "Hezbollah backed Assad"));
//!
//! let assad = graph.resolve("assad")?;
//! let backers = graph.backers(&assad, 3, false)?;
//! assert_eq!(backers[1].chain.len(), 3); // Iran -> Hezbollah -> Assad
//!
//! let iran = graph.resolve("IRAN")?;
//! let path = graph.shortest_path(&iran, &assad, &PathQuery::default())?.unwrap();
//! assert_eq!(path.len(), 2);
//!
//! let dot = actorgraph::export::dot::to_dot(&graph, &Default::default());
//! assert!(dot.starts_with("digraph {"));
//! # Ok::<(), actorgraph::Error>(())
//! ```

pub mod error;
pub mod model;

pub mod text;

pub mod syntax;

pub mod lexicon;

pub mod extract;

pub mod graph;

pub mod export;

pub mod serve;

pub use error::{Error, Result};
