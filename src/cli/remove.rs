//! `actorgraph remove ENTITY`: an entity and every edge touching it.

use std::path::Path;

use super::{Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity (name, alias or id).
    pub entity: String,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let (name, edges) = super::update(graph, |g| {
        let id = names.find(g, &args.entity)?;
        let edges = g.edges_of(&id).count();
        Ok((g.remove_entity(&id)?.name, edges))
    })?;
    output::print(&format!(
        "removed '{name}' and its {}\n",
        output::count(edges, "edge", "edges")
    ))?;
    Ok(Outcome::Done)
}
