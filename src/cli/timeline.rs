//! `actorgraph timeline PLACE`: who controlled a place over time; `timeline A B`: how the
//! relations between two actors changed.

use std::path::Path;

use actorgraph::graph::timeline;
use actorgraph::model::EntityKind;

use super::{Format, Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A place, or the first of two actors.
    pub entity: String,
    /// The second actor.
    pub other: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let g = super::read(graph)?;
    let a = names.find(&g, &args.entity)?;
    let name = |id| {
        g.entity(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let Some(other) = &args.other else {
        if g.entity(&a).is_some_and(|e| e.kind != EntityKind::Place) {
            anyhow::bail!(
                "'{}' is an actor: give a place for who controlled it, or two actors",
                args.entity
            );
        }
        let t = timeline::control(&g, &a)?;
        match args.format {
            Format::Json => output::print_json(&t)?,
            Format::Table if !t.steps.is_empty() => {
                let steps: Vec<String> = t
                    .steps
                    .iter()
                    .map(|s| match (&s.from, &s.until) {
                        (Some(f), Some(u)) if f != u => format!("{} ({f} until {u})", s.name),
                        (_, Some(u)) => format!("{} (until {u})", s.name),
                        (Some(f), None) => format!("{} ({f} ->)", s.name),
                        (None, None) => format!("{} (undated)", s.name),
                    })
                    .collect();
                let mut out = format!("{}: {}\n", t.name, steps.join(" -> "));
                for s in &t.steps {
                    out.push_str(&format!(
                        "  {}: {} piece{} of evidence, first: \"{}\"\n",
                        s.name,
                        s.evidence_count,
                        if s.evidence_count == 1 { "" } else { "s" },
                        s.quote.as_deref().unwrap_or("")
                    ));
                }
                output::print(&out)?;
            }
            Format::Table => {}
        }
        return Ok(if t.steps.is_empty() {
            Outcome::NothingFound
        } else {
            Outcome::Done
        });
    };
    let b = names.find(&g, other)?;
    let spans = timeline::between(&g, &a, &b)?;
    match args.format {
        Format::Json => output::print_json(&spans)?,
        Format::Table if !spans.is_empty() => {
            let mut rows = vec![vec![
                "from".to_string(),
                "to".into(),
                "relation".into(),
                "evidence".into(),
                "first sentence".into(),
            ]];
            for s in &spans {
                rows.push(vec![
                    s.first_date.clone().unwrap_or_else(|| "undated".into()),
                    s.last_date.clone().unwrap_or_default(),
                    format!("{} -{}-> {}", name(&s.source), s.relation, name(&s.target)),
                    s.evidence_count.to_string(),
                    output::short(s.quote.as_deref().unwrap_or(""), 70),
                ]);
            }
            output::print(&output::table(&rows))?;
        }
        Format::Table => {}
    }
    Ok(if spans.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Done
    })
}
