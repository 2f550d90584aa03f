//! `actorgraph rank --by backing`: who matters most in the support network.

use std::path::Path;

use clap::ValueEnum;

use actorgraph::graph::rank;

use super::{Format, Outcome, output};

/// What to rank by.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum By {
    /// PageRank over supports edges, weighted by evidence: backed by the well-backed.
    #[default]
    Backing,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    /// How many to list.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, args: Args) -> anyhow::Result<Outcome> {
    super::at_least_one("--top", args.top)?;
    let g = super::read(graph)?;
    let By::Backing = args.by;
    let ranked = rank::by_backing(&g, args.top);
    match args.format {
        Format::Json => output::print_json(&ranked)?,
        Format::Table if !ranked.is_empty() => {
            let mut rows = vec![vec![
                "rank".to_string(),
                "name".into(),
                "score".into(),
                "main supporters (evidence)".into(),
            ]];
            for (i, r) in ranked.iter().enumerate() {
                let supporters: Vec<String> = r
                    .supporters
                    .iter()
                    .map(|s| format!("{} ({})", s.name, s.evidence_count))
                    .collect();
                rows.push(vec![
                    (i + 1).to_string(),
                    r.name.clone(),
                    format!("{:.4}", r.score),
                    supporters.join(", "),
                ]);
            }
            output::print(&output::table(&rows))?;
        }
        Format::Table => {}
    }
    Ok(if ranked.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
