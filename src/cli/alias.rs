//! `actorgraph alias ENTITY ALIAS`: another name for an entity.

use std::path::Path;

use super::{Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity (name, alias or id).
    pub entity: String,
    /// The new name.
    pub alias: String,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let (name, added) = super::update(graph, |g| {
        let id = names.find(g, &args.entity)?;
        let added = g.add_alias(&id, &args.alias)?;
        Ok((
            g.entity(&id).map(|e| e.name.clone()).unwrap_or_default(),
            added,
        ))
    })?;
    let msg = if added {
        format!("'{}' is now an alias of '{name}'\n", args.alias)
    } else {
        format!("'{}' already names '{name}'\n", args.alias)
    };
    output::print(&msg)?;
    Ok(Outcome::Done)
}
