//! `actorgraph backers X`: who supports X, directly and through chains of support.

use std::path::Path;

use actorgraph::graph::rollup::{Level, RollUp};
use actorgraph::graph::store;
use actorgraph::model::Relation;

use super::{Format, Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity (name, alias or id).
    pub entity: String,
    /// Follow chains of supports up to this many hops.
    #[arg(long, default_value_t = 3)]
    pub depth: usize,
    /// Whom the entity supports instead.
    #[arg(long)]
    pub reverse: bool,
    /// Lift people to the organization or state they lead or serve on each evidence's
    /// date (organization or state); ENTITY may still name a person.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<Level>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    super::at_least_one("--depth", args.depth)?;
    let g = match args.level {
        Some(_) => super::read(graph)?,
        None => super::read_part(
            graph,
            &store::Part::Around {
                names: vec![&args.entity],
                depth: args.depth,
                relations: Some(&[Relation::Supports]),
                walk: if args.reverse {
                    store::Walk::Out
                } else {
                    store::Walk::In
                },
                closed: false,
            },
        )?,
    };
    let (g, id) = match args.level {
        None => {
            let id = names.find(&g, &args.entity)?;
            (g, id)
        }
        Some(level) => {
            let rollup = RollUp::new(&g, names.lexicon()?, level);
            let rolled = rollup.graph();
            let id = rollup.find(&rolled, &args.entity)?;
            (rolled, id)
        }
    };
    let backers = g.backers(&id, args.depth, args.reverse)?;
    match args.format {
        Format::Json => output::print_json(&backers)?,
        Format::Table => {
            let mut rows = vec![vec!["name".into(), "depth".into(), "chain".into()]];
            for b in &backers {
                let chain: Vec<&str> = b
                    .chain
                    .iter()
                    .map(|c| g.entity(c).map_or(c.as_str(), |e| e.name.as_str()))
                    .collect();
                rows.push(vec![
                    b.name.clone(),
                    b.depth.to_string(),
                    chain.join(" -> "),
                ]);
            }
            if !backers.is_empty() {
                output::print(&output::table(&rows))?;
            }
        }
    }
    Ok(if backers.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
