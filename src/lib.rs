//! actorgraph reads news and answers "who backs whom".
//!
//! How it works, stage by stage (each a module, none importing a later one):
//! - [`model`]: the shared vocabulary: entities, relations, statements, evidence.
//! - [`graph`]: the persistent graph: merge by name and alias, evidence per edge, queries.
//! - [`export`]: Graphviz DOT and NetworkX node-link JSON.

pub mod error;
pub mod export;
pub mod graph;
pub mod model;

pub use error::{Error, Result};
pub mod extract;
pub mod lexicon;
pub mod text;
