//! `actorgraph camps`: the actors split into camps by structural balance.

use std::path::Path;

use serde::Serialize;

use actorgraph::graph::camps;
use actorgraph::model::Relation;

use super::{Format, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Contradicting edges to list in the table (all in JSON).
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub contradictions: usize,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// The JSON answer: camps as lists of members (names beside ids).
#[derive(Serialize)]
struct Answer<'a> {
    camps: Vec<Vec<Member>>,
    contradictions: &'a [camps::Contradiction],
    balance: f64,
    agreeing_weight: f64,
    total_weight: f64,
}

#[derive(Serialize)]
struct Member {
    id: String,
    name: String,
}

pub fn run(graph: &Path, args: Args) -> anyhow::Result<Outcome> {
    let g = super::read(graph)?;
    let split = camps::camps(&g);
    let name = |id: &actorgraph::model::EntityId| {
        g.entity(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    if let Format::Json = args.format {
        output::print_json(&Answer {
            camps: split
                .camps
                .iter()
                .map(|m| {
                    m.iter()
                        .map(|id| Member {
                            id: id.to_string(),
                            name: name(id),
                        })
                        .collect()
                })
                .collect(),
            contradictions: &split.contradictions,
            balance: split.balance,
            agreeing_weight: split.agreeing_weight,
            total_weight: split.total_weight,
        })?;
    } else if !split.camps.is_empty() {
        let mut out = String::new();
        let alone = split.camps.iter().filter(|m| m.len() == 1).count();
        for (i, m) in split.camps.iter().filter(|m| m.len() > 1).enumerate() {
            let names: Vec<String> = m.iter().map(&name).collect();
            out.push_str(&format!(
                "camp {} ({}): {}\n",
                i + 1,
                m.len(),
                names.join(", ")
            ));
        }
        if alone > 0 {
            out.push_str(&format!(
                "{} in no camp with others\n",
                output::count(alone, "actor", "actors")
            ));
        }
        if !split.contradictions.is_empty() {
            out.push_str("edges that contradict the split (most evidence first):\n");
            for c in split.contradictions.iter().take(args.contradictions) {
                let what = if c.relation == Relation::Opposes {
                    "within a camp"
                } else {
                    "across camps"
                };
                out.push_str(&format!(
                    "  {} -{}-> {} ({}, {what})\n",
                    name(&c.source),
                    c.relation,
                    name(&c.target),
                    c.evidence_count
                ));
            }
            if split.contradictions.len() > args.contradictions {
                out.push_str(&format!(
                    "  ... and {} more (--contradictions N)\n",
                    split.contradictions.len() - args.contradictions
                ));
            }
        }
        out.push_str(&format!(
            "balance {:.3}: {} of {} evidence-weighted edges agree with the split\n",
            split.balance, split.agreeing_weight, split.total_weight
        ));
        output::print(&out)?;
    }
    Ok(if split.camps.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
