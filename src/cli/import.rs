//! `actorgraph import FILE`: statements from annotators, scripts and pipelines (JSONL), or
//! events from GDELT 2.0 export files, all or nothing.

use std::io::BufReader;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use actorgraph::Error;
use actorgraph::graph::gdelt::{self, Importer, Skipped};
use actorgraph::graph::{Graph, Resolver, import, store};

use super::{Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSONL file, one statement a line, or a GDELT events file (.export.CSV or
    /// .export.CSV.zip) with --format gdelt; - reads stdin (not a zip).
    pub file: PathBuf,

    /// What the file holds.
    #[arg(long, value_enum, default_value_t = ImportFormat::Jsonl)]
    pub format: ImportFormat,
}

/// The formats `import` reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// Statement lines (see the README).
    #[default]
    Jsonl,
    /// GDELT 2.0 event rows: 61 tab-separated columns, CAMEO codes mapped to relations.
    Gdelt,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    match args.format {
        ImportFormat::Jsonl => jsonl(graph, names, &args.file),
        ImportFormat::Gdelt => gdelt(graph, names, &args.file),
    }
}

fn jsonl(graph: &Path, names: &Names, file: &Path) -> anyhow::Result<Outcome> {
    let (label, statements) = if file.as_os_str() == "-" {
        let stdin = std::io::stdin().lock();
        (
            "stdin".to_string(),
            import::read_statements(stdin, "stdin")?,
        )
    } else {
        let label = file.display().to_string();
        let f = std::fs::File::open(file).map_err(|e| Error::io("read", file, e))?;
        let statements = import::read_statements(BufReader::new(f), &label)?;
        (label, statements)
    };
    let total = statements.len();
    // the lexicon is loaded only for a name the graph does not have
    let load = || names.lexicon();
    let resolver = Resolver::lazy(&load);
    // the names as written; from the second round on, also what they resolve to in the
    // part of the graph read so far (the first round has read nothing yet)
    let round = std::cell::Cell::new(0);
    let keys = |g: &Graph| {
        round.set(round.get() + 1);
        let mut keys = store::Keys::default();
        for (_, written) in &statements {
            keys.add_statement(&written.statement);
            keys.ids.extend(written.source.id.iter().cloned());
            keys.ids.extend(written.target.id.iter().cloned());
            if round.get() > 1
                && let Ok(s) = resolver.statement(g, written.clone())
            {
                keys.add_statement(&s);
            }
        }
        keys
    };
    let added = super::update_part(graph, Some(&keys), |g| {
        let mut added = 0;
        for (line, written) in &statements {
            let statement = resolver
                .statement(g, written.clone())
                .map_err(|e| Error::AtLine {
                    path: label.clone(),
                    line: *line,
                    message: e.to_string(),
                })?;
            added += usize::from(g.add_statement(statement));
        }
        Ok(added)
    })?;
    // the whole graph's counts: the change saw only its part of a database
    let whole = store::stats(graph)?;
    let (entities, edges) = (whole.entities, whole.edges);
    output::print(&format!(
        "imported {} from {label}: {added} new, {} already known; {}\n",
        output::count(total, "statement", "statements"),
        total - added,
        now_has(graph, entities, edges)
    ))?;
    Ok(Outcome::Done)
}

fn gdelt(graph: &Path, names: &Names, file: &Path) -> anyhow::Result<Outcome> {
    let (label, events) = if file.as_os_str() == "-" {
        let stdin = std::io::stdin().lock();
        ("stdin".to_string(), gdelt::read_events(stdin, "stdin")?)
    } else {
        (file.display().to_string(), gdelt::read_file(file)?)
    };
    let importer = Importer::new(names.lexicon()?);
    let keys = |g: &Graph| importer.keys(g, &events, &label);
    let summary = super::update_part(graph, Some(&keys), |g| importer.import(g, &events, &label))?;
    // the whole graph's counts: the change saw only its part of a database
    let whole = store::stats(graph)?;
    let (entities, edges) = (whole.entities, whole.edges);
    output::print(&format!(
        "imported {} from {label} ({}): {} new, {} already known; {}\n{}\n",
        output::count(summary.statements, "statement", "statements"),
        output::count(summary.rows, "row", "rows"),
        summary.added,
        summary.statements - summary.added,
        now_has(graph, entities, edges),
        skipped(&summary.skipped, summary.rows)
    ))?;
    Ok(Outcome::Done)
}

/// `G now has N entities and M edges`.
fn now_has(graph: &Path, entities: usize, edges: usize) -> String {
    format!(
        "{} now has {} and {}",
        store::shown(graph),
        output::count(entities, "entity", "entities"),
        output::count(edges, "edge", "edges")
    )
}

/// `skipped 4 of 9 rows: 2 with an event code of no relation, 1 without an actor, ...`,
/// the reasons that occurred.
fn skipped(s: &Skipped, rows: usize) -> String {
    let reasons: Vec<String> = [
        (s.unmapped, "with an event code of no relation"),
        (s.no_actor, "without an actor"),
        (s.no_place, "occupying no place"),
        (s.same_entity, "with one entity at both ends"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, why)| format!("{n} {why}"))
    .collect();
    let head = format!(
        "skipped {} of {}",
        s.total(),
        output::count(rows, "row", "rows")
    );
    match reasons.as_slice() {
        [] => head,
        _ => format!("{head}: {}", reasons.join(", ")),
    }
}
