//! `actorgraph allies X` and `actorgraph rivals X`: direct, and at two steps (the enemy of
//! an enemy; those who back an enemy), each with the edges that say so.

use std::path::Path;

use actorgraph::graph::allies::{self, Side};

use super::{Format, Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity (name, alias or id).
    pub entity: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, names: &Names, args: Args, side: Side) -> anyhow::Result<Outcome> {
    let g = super::read(graph)?;
    let id = names.find(&g, &args.entity)?;
    let found = allies::related(&g, &id, side)?;
    let name =
        |id: &actorgraph::model::EntityId| g.entity(id).map_or(id.to_string(), |e| e.name.clone());
    match args.format {
        Format::Json => output::print_json(&found)?,
        Format::Table if !found.is_empty() => {
            let mut rows = vec![vec!["name".to_string(), "step".into(), "why".into()]];
            for r in &found {
                let why: Vec<String> = r
                    .via
                    .iter()
                    .map(|l| {
                        format!(
                            "{} -{}-> {} ({})",
                            name(&l.source),
                            l.relation,
                            name(&l.target),
                            l.evidence_count
                        )
                    })
                    .collect();
                let joiner = if r.step == 1 { "; " } else { ", then " };
                rows.push(vec![r.name.clone(), r.step.to_string(), why.join(joiner)]);
            }
            output::print(&output::table(&rows))?;
        }
        Format::Table => {}
    }
    Ok(if found.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
