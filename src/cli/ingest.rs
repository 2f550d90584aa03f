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
    /// Documents written in one transaction (default 1000; a JSON graph file takes all of
    /// them at once, a PostgreSQL database each on its own). Memory stays flat in the
    /// corpus size; a run that is stopped keeps the transactions it finished, and running
    /// it again replaces their documents' evidence.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub commit_every: Option<u32>,
}

/// Documents written in one transaction unless `--commit-every` says otherwise.
const COMMIT_EVERY: usize = 1000;

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

/// Extracts the inputs in batches while a writer thread merges every `--commit-every`
/// documents into the graph, each unit one transaction.
pub fn run(graph_path: &Path, extractor: &Extractor, args: Args) -> anyhow::Result<Outcome> {
    let jobs = args.jobs.map_or_else(super::default_jobs, usize::from);
    // a bad file or line is found before anything is written; stdin, which cannot be read
    // twice, is written in one transaction at the end
    let json = !store::is_sqlite(graph_path) && !store::is_postgres(graph_path);
    let every = if input::check(&args.input)? && !json {
        args.commit_every.map_or(COMMIT_EVERY, |n| n as usize)
    } else {
        usize::MAX
    };
    let (docs, statements) = std::thread::scope(|scope| {
        // extraction goes on while the writer merges the documents before: the channel
        // holds one unit, so at most three are in memory
        let (units, received) = std::sync::mpsc::sync_channel::<Unit>(1);
        let writer = scope.spawn(move || write_units(graph_path, received));
        let mut pending: Unit = Vec::new();
        let read = input::for_each_batch(&args.input, BATCH_PER_JOB * jobs, |mut batch| {
            extract_batch(extractor, &mut batch, jobs, &mut pending);
            if pending.len() >= every && units.send(std::mem::take(&mut pending)).is_err() {
                // the writer stopped: its error is the one to report
                anyhow::bail!("the writer stopped");
            }
            Ok(())
        });
        let sent = match read {
            Ok(docs) => units.send(pending).map(|()| docs).ok(),
            Err(e) => {
                drop(units);
                let written = writer.join().expect("the writer does not panic");
                return Err(written.err().unwrap_or(e));
            }
        };
        drop(units);
        let statements = writer.join().expect("the writer does not panic")?;
        Ok::<_, anyhow::Error>((sent.unwrap_or(0), statements))
    })?;
    output::print(&format!(
        "ingested {docs} document{} ({statements} statement{}) into {}\n",
        if docs == 1 { "" } else { "s" },
        if statements == 1 { "" } else { "s" },
        store::shown(graph_path)
    ))?;
    Ok(Outcome::Done)
}

/// Extracted documents written in one transaction: each document's id and statements.
type Unit = Vec<(String, Vec<Statement>)>;

/// Writes each unit received into the graph, in order, and returns the number of
/// statements. A shared database takes each document in its own transaction, so that
/// writers on other machines interleave with this one document by document.
fn write_units(graph_path: &Path, units: std::sync::mpsc::Receiver<Unit>) -> anyhow::Result<usize> {
    let mut statements = 0;
    for unit in units {
        if unit.is_empty() {
            continue;
        }
        let parts: Vec<Unit> = if store::is_postgres(graph_path) {
            unit.into_iter().map(|d| vec![d]).collect()
        } else {
            vec![unit]
        };
        for part in parts {
            statements += write_unit(graph_path, part)?;
        }
    }
    Ok(statements)
}

/// Merges one unit in one transaction, reading only the part of the graph it touches.
fn write_unit(graph_path: &Path, unit: Unit) -> anyhow::Result<usize> {
    // every statement comes from a document of the unit, which it replaces whole
    let mut keys = store::Keys {
        lean: true,
        ..Default::default()
    };
    for (doc, found) in &unit {
        keys.docs.insert(doc.clone());
        found.iter().for_each(|s| keys.add_statement(s));
    }
    super::update_part(graph_path, Some(&|_: &Graph| keys.clone()), |graph| {
        Ok(merge(graph, unit))
    })
}
