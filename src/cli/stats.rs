//! `actorgraph stats`: counts over the whole graph.

use std::path::Path;

use actorgraph::graph::store;

use super::{Format, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, args: Args) -> anyhow::Result<Outcome> {
    let s = match super::as_of() {
        Some(_) => super::read(graph)?.stats(),
        None => store::stats(graph)?,
    };
    if let Format::Json = args.format {
        output::print_json(&s)?;
        return Ok(Outcome::Done);
    }
    let counts = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rows = vec![
        vec![
            "entities".to_string(),
            s.entities.to_string(),
            counts(&s.by_kind),
        ],
        vec!["types".into(), String::new(), counts(&s.by_type)],
        vec!["edges".into(), s.edges.to_string(), counts(&s.by_relation)],
        vec!["evidence".into(), s.evidence.to_string()],
        vec!["documents".into(), s.documents.to_string()],
    ];
    if let (Some(a), Some(b)) = (&s.first_date, &s.last_date) {
        rows.push(vec!["dates".into(), format!("{a} to {b}")]);
    }
    output::print(&output::table(&rows))?;
    Ok(Outcome::Done)
}
