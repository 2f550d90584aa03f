//! `actorgraph why SOURCE RELATION TARGET`: every piece of evidence for one edge.

use std::path::Path;

use serde::Serialize;

use actorgraph::graph::store;
use actorgraph::model::{Evidence, Relation};

use super::{Format, Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The edge's source (name, alias, id, surname, acronym, ...).
    pub source: String,
    /// supports, opposes, meets-with or controls.
    pub relation: String,
    /// The edge's target.
    pub target: String,
    /// Output: table for people, json for scripts.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Serialize)]
struct Why<'a> {
    source: &'a str,
    relation: Relation,
    target: &'a str,
    evidence: Vec<&'a Evidence>,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let relation: Relation = args.relation.parse()?;
    let g = super::read_part(
        graph,
        &store::Part::Around {
            names: vec![&args.source, &args.target],
            depth: 0,
            relations: None,
            walk: store::Walk::Both,
            closed: false,
        },
    )?;
    let src = names.find(&g, &args.source)?;
    let dst = names.find(&g, &args.target)?;
    let evidence: Vec<&Evidence> = g.evidence_between(&src, relation, &dst).iter().collect();
    let name = |id| g.entity(id).map(|e| e.name.as_str()).unwrap_or_default();
    if let super::Format::Json = args.format {
        output::print_json(&Why {
            source: name(&src),
            relation,
            target: name(&dst),
            evidence: evidence.clone(),
        })?;
    } else if !evidence.is_empty() {
        let mut out = format!(
            "{} -{}-> {}: {} piece{} of evidence\n",
            name(&src),
            relation,
            name(&dst),
            evidence.len(),
            if evidence.len() == 1 { "" } else { "s" }
        );
        for e in &evidence {
            let place = match e.span {
                Some(s) => format!("{} bytes {}..{}", e.doc, s.start, s.end),
                None => e.doc.clone(),
            };
            out.push_str(&format!(
                "- {} {} ({}, confidence {:.2})\n  \"{}\"\n",
                e.date.as_deref().unwrap_or("undated"),
                place,
                e.producer,
                e.confidence,
                output::short(&e.text, 300)
            ));
        }
        output::print(&out)?;
    }
    Ok(if evidence.is_empty() {
        if let super::Format::Table = args.format {
            eprintln!(
                "actorgraph: no evidence that {} {} {}",
                name(&src),
                relation,
                name(&dst)
            );
        }
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
