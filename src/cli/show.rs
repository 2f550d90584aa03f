//! `actorgraph show X`: the entity card.

use std::path::Path;

use actorgraph::graph::store;

use super::{Format, Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entity (name, alias or id).
    pub entity: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let g = super::read_part(
        graph,
        &store::Part::Around {
            names: vec![&args.entity],
            depth: 1,
            relations: None,
            walk: store::Walk::Both,
            closed: false,
        },
    )?;
    let card = g.card(&names.find(&g, &args.entity)?)?;
    if let Format::Json = args.format {
        output::print_json(&card)?;
        return Ok(Outcome::Done);
    }
    let e = &card.entity;
    let mut out = format!(
        "{} ({})\nkind: {}, type: {}\n",
        e.name, e.id, e.kind, e.etype
    );
    if !e.aliases.is_empty() {
        out.push_str(&format!("aliases: {}\n", e.aliases.join(", ")));
    }
    out.push_str(&format!("edges: {}\n", card.edges.len()));
    for c in &card.edges {
        let arrow = output::arrow(c.direction, c.relation);
        let dates = match (&c.first_date, &c.last_date) {
            (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
            (Some(a), _) => format!(", {a}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "  {arrow} {} ({} evidence{dates})\n",
            c.other_name, c.evidence_count
        ));
        for q in &c.quotes {
            out.push_str(&format!("      \"{}\"\n", output::short(q, 100)));
        }
    }
    output::print(&out)?;
    Ok(Outcome::Done)
}
