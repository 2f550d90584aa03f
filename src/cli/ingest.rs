//! `actorgraph ingest`: extract from files, folders or JSONL article streams and merge the
//! statements into the stored graph.

use std::io::{BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use actorgraph::Error;
use actorgraph::extract::Extractor;
use actorgraph::graph::Graph;
use actorgraph::model::{Statement, validate_date};
use actorgraph::text::{Document, find_dateline};

use super::extract::{read_input, today};
use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text files, folders (walked for .txt and .jsonl files, or --glob), .jsonl article
    /// files (one {"id", "date", "title", "text", "url"} per line), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Which files of a folder to read, by file name: `*` any run of characters, `?` one
    /// (e.g. '*.md'). Default: *.txt and *.jsonl, so a folder's README is not news.
    #[arg(long, value_name = "PATTERN")]
    pub glob: Option<String>,
    /// Date of the articles that carry none (default: dateline, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Document id for a single input (default: the file stem).
    #[arg(long, value_name = "ID")]
    pub doc_id: Option<String>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
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

/// One article of a JSONL input.
#[derive(Debug, Deserialize)]
struct Article {
    id: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    url: Option<String>,
}

/// Every file to read, folders walked in sorted order.
fn collect(inputs: &[PathBuf], glob: Option<&str>) -> anyhow::Result<Vec<PathBuf>> {
    let wanted = |path: &Path| match glob {
        Some(g) => path
            .file_name()
            .is_some_and(|n| glob_match(g.as_bytes(), n.to_string_lossy().as_bytes())),
        None => path.extension().is_some_and(|x| x == "txt" || x == "jsonl"),
    };
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" || !p.is_dir() {
            if p.as_os_str() != "-" && !p.exists() {
                anyhow::bail!("cannot read {}: no such file or folder", p.display());
            }
            out.push(p.clone());
            continue;
        }
        let mut stack = vec![p.clone()];
        let mut found = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).map_err(|e| Error::io("read", &dir, e))? {
                let path = entry.map_err(|e| Error::io("read", &dir, e))?.path();
                if path.is_dir() {
                    stack.push(path);
                } else if wanted(&path) {
                    found.push(path);
                }
            }
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// Whether a file name matches a pattern of `*` (any run of characters) and `?` (one).
fn glob_match(pattern: &[u8], name: &[u8]) -> bool {
    match (pattern.first(), name.first()) {
        (None, None) => true,
        (Some(b'*'), _) => {
            glob_match(&pattern[1..], name) || (!name.is_empty() && glob_match(pattern, &name[1..]))
        }
        (Some(b'?'), Some(_)) => glob_match(&pattern[1..], &name[1..]),
        (Some(p), Some(n)) if p == n => glob_match(&pattern[1..], &name[1..]),
        _ => false,
    }
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

fn read_articles(
    path: &Path,
    date: Option<&str>,
    mut each: impl FnMut(Document),
) -> anyhow::Result<()> {
    let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io("read", path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let a: Article = serde_json::from_str(&line).map_err(|e| Error::AtLine {
            path: path.display().to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        if let Some(d) = &a.date {
            validate_date(d).map_err(|e| Error::AtLine {
                path: path.display().to_string(),
                line: n + 1,
                message: e.to_string(),
            })?;
        }
        let text = match &a.title {
            Some(t) if !t.is_empty() => format!("{t}\n{}", a.text),
            _ => a.text,
        };
        let date = a
            .date
            .or_else(|| date.map(str::to_string))
            .or_else(|| find_dateline(&text))
            .or_else(|| Some(today()));
        each(Document {
            id: a.id,
            date,
            text,
            url: a.url,
        });
    }
    Ok(())
}

pub fn run(graph_path: &Path, extractor: &Extractor, args: Args) -> anyhow::Result<Outcome> {
    if let Some(d) = &args.date {
        validate_date(d)?;
    }
    let files = collect(&args.inputs, args.glob.as_deref())?;
    if args.doc_id.is_some() && files.len() != 1 {
        anyhow::bail!(
            "--doc-id names one document, but {} inputs were given",
            files.len()
        );
    }
    let bar = if !args.quiet && files.len() > 1 && std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{bar:40}] {pos}/{len} {msg}")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let jobs = args.jobs.map_or_else(super::default_jobs, usize::from);
    // extract first, without the lock: another writer waits only while this one merges
    let mut docs = 0;
    let mut extracted: Vec<(String, Vec<Statement>)> = Vec::new();
    let mut batch: Vec<Document> = Vec::new();
    for f in &files {
        bar.set_message(f.display().to_string());
        if f.extension().is_some_and(|x| x == "jsonl") {
            read_articles(f, args.date.as_deref(), |doc| {
                docs += 1;
                batch.push(doc);
                if batch.len() >= BATCH_PER_JOB * jobs {
                    extract_batch(extractor, &mut batch, jobs, &mut extracted);
                }
            })?;
        } else {
            let mut doc = read_input(f, args.date.as_deref())?;
            if let Some(id) = &args.doc_id {
                doc.id = id.clone();
            }
            docs += 1;
            batch.push(doc);
            if batch.len() >= BATCH_PER_JOB * jobs {
                extract_batch(extractor, &mut batch, jobs, &mut extracted);
            }
        }
        bar.inc(1);
    }
    extract_batch(extractor, &mut batch, jobs, &mut extracted);
    let statements = super::update(graph_path, |graph| Ok(merge(graph, extracted)))?;
    bar.finish_and_clear();
    output::print(&format!(
        "ingested {docs} document{} ({statements} statement{}) into {}\n",
        if docs == 1 { "" } else { "s" },
        if statements == 1 { "" } else { "s" },
        graph_path.display()
    ))?;
    Ok(Outcome::Done)
}
