//! `actorgraph import FILE.jsonl|-`: statements from annotators, scripts and pipelines,
//! all or nothing.

use std::io::BufReader;
use std::path::{Path, PathBuf};

use actorgraph::Error;
use actorgraph::graph::{Resolver, import};

use super::{Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSONL file, one statement a line, or - for stdin.
    pub file: PathBuf,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let (label, statements) = if args.file.as_os_str() == "-" {
        let stdin = std::io::stdin().lock();
        (
            "stdin".to_string(),
            import::read_statements(stdin, "stdin")?,
        )
    } else {
        let label = args.file.display().to_string();
        let file = std::fs::File::open(&args.file).map_err(|e| Error::io("read", &args.file, e))?;
        let statements = import::read_statements(BufReader::new(file), &label)?;
        (label, statements)
    };
    let total = statements.len();
    let resolver = Resolver::new(names.lexicon()?);
    let (added, entities, edges) = super::update(graph, |g| {
        let mut added = 0;
        for (line, written) in statements {
            let statement = resolver.statement(g, written).map_err(|e| Error::AtLine {
                path: label.clone(),
                line,
                message: e.to_string(),
            })?;
            added += usize::from(g.add_statement(statement));
        }
        Ok((added, g.entity_count(), g.edge_count()))
    })?;
    output::print(&format!(
        "imported {} from {label}: {added} new, {} already known; {} now has {} and {}\n",
        output::count(total, "statement", "statements"),
        total - added,
        graph.display(),
        output::count(entities, "entity", "entities"),
        output::count(edges, "edge", "edges")
    ))?;
    Ok(Outcome::Done)
}
