//! `actorgraph changes --from D1 --to D2`: relations that appeared, and control that
//! changed hands, between two days.

use std::path::Path;

use actorgraph::graph::timeline;
use actorgraph::model::EntityId;

use super::{Format, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The first day (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day (YYYY-MM-DD), included.
    #[arg(long, value_name = "DATE")]
    pub to: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, args: Args) -> anyhow::Result<Outcome> {
    let g = super::read(graph)?;
    let c = timeline::changes(&g, &args.from, &args.to)?;
    let name = |id: &EntityId| {
        g.entity(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let pieces = |n: usize| output::count(n, "piece", "pieces");
    match args.format {
        Format::Json => output::print_json(&c)?,
        Format::Table => {
            let mut out = String::new();
            if !c.control.is_empty() {
                out.push_str(&format!(
                    "control that changed hands, {} to {}:\n",
                    c.from, c.to
                ));
                for x in &c.control {
                    let before = x
                        .before
                        .as_ref()
                        .map_or("(first known)".into(), |b| format!("{} ->", name(b)));
                    out.push_str(&format!(
                        "  {}: {before} {} on {} ({})\n",
                        x.name,
                        name(&x.after),
                        x.date,
                        pieces(x.evidence_count)
                    ));
                }
            }
            if !c.appeared.is_empty() {
                out.push_str(&format!(
                    "relations that appeared, {} to {}:\n",
                    c.from, c.to
                ));
                for r in &c.appeared {
                    out.push_str(&format!(
                        "  {} -{}-> {}, first {} ({})\n",
                        name(&r.source),
                        r.relation,
                        name(&r.target),
                        r.first_date.as_deref().unwrap_or(""),
                        pieces(r.evidence_count)
                    ));
                }
            }
            output::print(&out)?;
        }
    }
    Ok(if c.control.is_empty() && c.appeared.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
