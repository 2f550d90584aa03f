//! `actorgraph path FROM TO`: how two entities are connected, hop by hop with evidence.

use std::path::Path;

use serde::Serialize;

use actorgraph::graph::rollup::{Level, RollUp};
use actorgraph::graph::{Graph, Hop, PathQuery, store};
use actorgraph::model::EntityId;

use super::{Format, Names, Outcome, output, relation_list};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where the path starts (name, alias or id).
    pub from: String,
    /// Where it ends.
    pub to: String,
    /// Walk only these relations, comma-separated (supports,opposes,meets-with,controls).
    #[arg(long, value_name = "R,...")]
    pub rel: Option<String>,
    /// At most this many hops.
    #[arg(long, default_value_t = 6)]
    pub max_hops: usize,
    /// Every simple path up to --max-hops (at most --limit), not only the shortest.
    #[arg(long)]
    pub all: bool,
    /// At most this many paths with --all.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Also walk edges against their direction.
    #[arg(long)]
    pub undirected: bool,
    /// Lift people to the organization or state they lead or serve on each evidence's
    /// date (organization or state); FROM and TO may still name people.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<Level>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Serialize)]
struct Answer {
    from: EntityId,
    to: EntityId,
    paths: Vec<Vec<Hop>>,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let query = PathQuery {
        relations: args
            .rel
            .as_deref()
            .map(relation_list)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        max_hops: super::at_least_one("--max-hops", args.max_hops)?,
        undirected: args.undirected,
        limit: super::at_least_one("--limit", args.limit)?,
    };
    let g = match args.level {
        Some(_) => super::read(graph)?,
        None => super::read_part(
            graph,
            &store::Part::Paths {
                from: &args.from,
                to: &args.to,
                query: &query,
                all: args.all,
            },
        )?,
    };
    let (g, from, to) = match args.level {
        None => {
            let (from, to) = (names.find(&g, &args.from)?, names.find(&g, &args.to)?);
            (g, from, to)
        }
        Some(level) => {
            let rollup = RollUp::new(&g, names.lexicon()?, level);
            let rolled = rollup.graph();
            let from = rollup.find(&rolled, &args.from)?;
            let to = rollup.find(&rolled, &args.to)?;
            (rolled, from, to)
        }
    };
    if from == to {
        let name = g.entity(&from).map_or(from.as_str(), |e| e.name.as_str());
        anyhow::bail!(
            "'{}' and '{}' are both '{name}'; give two different entities",
            args.from,
            args.to
        );
    }
    let paths = if args.all {
        g.all_paths(&from, &to, &query)?
    } else {
        g.shortest_path(&from, &to, &query)?.into_iter().collect()
    };
    let found = !paths.is_empty();
    match args.format {
        Format::Json => output::print_json(&Answer { from, to, paths })?,
        Format::Table if !found => {}
        Format::Table => output::print(&table(&g, &paths))?,
    }
    Ok(if found {
        Outcome::Done
    } else {
        Outcome::NothingFound
    })
}

fn name(g: &Graph, id: &EntityId) -> String {
    g.entity(id)
        .map_or_else(|| id.to_string(), |e| e.name.clone())
}

/// One line per hop: `A  -supports->  B  "quote" (doc, date)`.
fn hop_row(g: &Graph, h: &Hop) -> Vec<String> {
    let arrow = output::arrow(h.direction, h.relation);
    let ev = &h.evidence;
    let mut source = ev.doc.clone();
    if let Some(d) = &ev.date {
        source = format!("{source}, {d}");
    }
    let quote = if ev.text.is_empty() {
        format!("({source})")
    } else {
        format!("\"{}\" ({source})", output::short(&ev.text, 90))
    };
    vec![name(g, &h.from), arrow, name(g, &h.to), quote]
}

fn table(g: &Graph, paths: &[Vec<Hop>]) -> String {
    let mut out = String::new();
    for (i, p) in paths.iter().enumerate() {
        if paths.len() > 1 {
            out.push_str(&format!("path {} ({} hops)\n", i + 1, p.len()));
        }
        let rows: Vec<Vec<String>> = p.iter().map(|h| hop_row(g, h)).collect();
        out.push_str(&output::table(&rows));
    }
    out
}
