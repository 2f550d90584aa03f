//! actorgraph reads news and answers "who backs whom".
//!
//! How it works, stage by stage (each a module, none importing a later one):
//! - [`model`]: the shared vocabulary: entities, relations, statements, evidence.
//! - [`text`]: documents, sentences and tokens with byte offsets.
//! - [`lexicon`]: the embedded world lexicon (states, places, organizations, armed groups,
//!   people and their date-bounded roles), extensible with a user's files.
//! - [`extract`]: mentions, then relations by patterns, then statements with evidence.
//! - [`graph`]: the persistent graph: merge by name and alias, evidence per edge, queries.
//! - [`export`]: Graphviz DOT and NetworkX node-link JSON.
//!
//! ```
//! use actorgraph::extract::Extractor;
//! use actorgraph::graph::Graph;
//! use actorgraph::text::Document;
//!
//! let doc = Document { id: "d1".into(), date: Some("2024-12-05".into()),
//!     text: "Iran backs Hezbollah. Hezbollah fighters fought alongside the Syrian army.".into(),
//!     url: None };
//! let mut graph = Graph::new();
//! for s in Extractor::embedded().extract(&doc).statements {
//!     graph.add_statement(s);
//! }
//! let iran = graph.resolve("Iran").unwrap();
//! assert!(graph.edges_of(&iran).any(|e| e.relation.as_str() == "supports"));
//! ```

pub mod error;
pub mod model;

pub mod text;

pub mod lexicon;

pub mod extract;

pub mod graph;

pub mod export;

pub use error::{Error, Result};
