//! `actorgraph ingest`: extract from files, folders or JSONL article streams and merge the
//! statements into the stored graph.

use std::path::Path;

use actorgraph::extract::Extractor;
use actorgraph::graph::{Graph, store};
use actorgraph::model::Statement;
use actorgraph::text::Document;

use super::input::{self, InputArgs};
use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Threads extracting documents at once (default: every core). Output and graph are
    /// the same for any number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Read relations with the word-window rules only, without parsing sentences: about 30
    /// times faster (7.9 against 0.27 MB/s on one core), with lower precision and recall
    /// (see the README's extraction section).
    #[arg(long)]
    pub no_trees: bool,
}

/// Documents extracted together: enough to keep every thread busy, few enough that the
/// texts in memory stay flat in the corpus size (the statements are kept until the merge).
const BATCH_PER_JOB: usize = 32;

/// Extracts a batch of documents on `jobs` threads and appends each document's id and
/// statements to `out`, in order. A statement whose ends are one entity is dropped (an
/// edge needs two; a graph file may not hold it).
fn extract_batch(
    extractor: &Extractor,
    docs: &mut Vec<Document>,
    jobs: usize,
    out: &mut Vec<(String, Vec<Statement>)>,
) {
    for (doc, ex) in docs.iter().zip(extractor.extract_many(docs, jobs)) {
        let statements = ex
            .statements
            .into_iter()
            .filter(|s| s.source.id != s.target.id)
            .collect();
        out.push((doc.id.clone(), statements));
    }
    docs.clear();
}

/// Merges extracted documents in order, each replacing that document's earlier evidence.
/// Returns the number of statements.
fn merge(graph: &mut Graph, extracted: Vec<(String, Vec<Statement>)>) -> usize {
    let mut n = 0;
    for (doc, statements) in extracted {
        graph.remove_document(&doc);
        for s in statements {
            n += 1;
            graph.add_statement(s);
        }
    }
    n
}

pub fn run(graph_path: &Path, extractor: &Extractor, args: Args) -> anyhow::Result<Outcome> {
    let jobs = args.jobs.map_or_else(super::default_jobs, usize::from);
    // extract first, without the lock: another writer waits only while this one merges
    let mut extracted: Vec<(String, Vec<Statement>)> = Vec::new();
    let docs = input::for_each_batch(&args.input, BATCH_PER_JOB * jobs, |mut batch| {
        extract_batch(extractor, &mut batch, jobs, &mut extracted);
        Ok(())
    })?;
    // a shared database takes each document in its own transaction, so that writers on
    // other machines interleave with this one document by document
    let units: Vec<Vec<(String, Vec<Statement>)>> = if store::is_postgres(graph_path) {
        extracted.into_iter().map(|d| vec![d]).collect()
    } else {
        vec![extracted]
    };
    let mut statements = 0;
    for unit in units {
        let mut keys = store::Keys::default();
        for (doc, found) in &unit {
            keys.docs.insert(doc.clone());
            found.iter().for_each(|s| keys.add_statement(s));
        }
        statements += super::update_part(graph_path, Some(&|_: &Graph| keys.clone()), |graph| {
            Ok(merge(graph, unit))
        })?;
    }
    output::print(&format!(
        "ingested {docs} document{} ({statements} statement{}) into {}\n",
        if docs == 1 { "" } else { "s" },
        if statements == 1 { "" } else { "s" },
        store::shown(graph_path)
    ))?;
    Ok(Outcome::Done)
}
