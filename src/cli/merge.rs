//! `actorgraph merge KEEP OTHER`: two entities that are one.

use std::path::Path;

use super::{Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity that stays.
    pub keep: String,
    /// The entity merged into it (its names become aliases).
    pub other: String,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let (keep, other, dropped) = super::update(graph, |g| {
        let keep = names.find(g, &args.keep)?;
        let other = names.find(g, &args.other)?;
        let other_name = g.entity(&other).map(|e| e.name.clone()).unwrap_or_default();
        let dropped = g.merge(&keep, &other)?;
        Ok((
            g.entity(&keep).map(|e| e.name.clone()).unwrap_or_default(),
            other_name,
            dropped,
        ))
    })?;
    let note = match dropped {
        0 => String::new(),
        n => format!(
            " ({} between them dropped: an entity has no edge to itself)",
            output::count(n, "edge", "edges")
        ),
    };
    output::print(&format!("merged '{other}' into '{keep}'{note}\n"))?;
    Ok(Outcome::Done)
}
