//! `actorgraph neighbors X`: the entities one edge away.

use std::path::Path;

use clap::ValueEnum;

use actorgraph::graph::{Direction, store};

use super::{Format, Names, Outcome, output, relation_list};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Side {
    In,
    Out,
    Both,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity (name, alias or id).
    pub entity: String,
    /// Only these relations, comma-separated.
    #[arg(long, value_name = "R,...")]
    pub rel: Option<String>,
    /// Edges pointing in, out, or both (meets-with counts as both).
    #[arg(long, value_enum, default_value = "both")]
    pub direction: Side,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let rels = args
        .rel
        .as_deref()
        .map(relation_list)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let direction = match args.direction {
        Side::In => Direction::In,
        Side::Out => Direction::Out,
        Side::Both => Direction::Both,
    };
    let walk = match direction {
        Direction::In => store::Walk::In,
        Direction::Out => store::Walk::Out,
        Direction::Both => store::Walk::Both,
    };
    let g = super::read_part(
        graph,
        &store::Part::Around {
            names: vec![&args.entity],
            depth: 1,
            relations: rels.as_deref(),
            walk,
            closed: false,
        },
    )?;
    let id = names.find(&g, &args.entity)?;
    let found = g.neighbors(&id, rels.as_deref(), direction)?;
    match args.format {
        Format::Json => output::print_json(&found)?,
        Format::Table => {
            let mut rows = vec![vec![
                "relation".into(),
                "direction".into(),
                "name".into(),
                "evidence".into(),
            ]];
            for n in &found {
                rows.push(vec![
                    n.relation.to_string(),
                    n.direction.as_str().into(),
                    n.name.clone(),
                    n.evidence_count.to_string(),
                ]);
            }
            if !found.is_empty() {
                output::print(&output::table(&rows))?;
            }
        }
    }
    Ok(if found.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
