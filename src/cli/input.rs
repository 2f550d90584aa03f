//! Reading articles for `extract` and `ingest`, one rule for both: paths and folders in,
//! dated [`Document`]s out, in batches, with a progress bar on a terminal.
//!
//! A file is read as JSONL articles (one `{"id", "date", "title", "text", "url"}` a line)
//! when its name ends in `.jsonl`, else as one text document; stdin (`-`) is text;
//! `--input text|jsonl` overrides both. Folders are walked for `.txt` and `.jsonl` files,
//! or for the names `--glob` matches. JSONL lines follow `import`'s rules: blank lines and
//! lines starting with `#` are skipped, and an unknown field is an error naming the line.

use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::ValueEnum;
use serde::Deserialize;

use actorgraph::Error;
use actorgraph::extract::read_document;
use actorgraph::model::validate_date;
use actorgraph::text::{Document, find_dateline};

use super::extract::today;

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// The whole file is one article.
    Text,
    /// One JSON article a line: {"id", "date", "title", "text", "url"}.
    Jsonl,
}

/// The inputs of `extract` and `ingest`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Text files, .jsonl article files (one {"id", "date", "title", "text", "url"} a
    /// line), folders (walked for .txt and .jsonl files, or --glob), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// How to read the inputs (default: jsonl for files named *.jsonl, text for the rest
    /// and for stdin).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input: Option<InputFormat>,
    /// Which files of a folder to read, by file name: `*` any run of characters, `?` one
    /// (e.g. '*.md'). Default: *.txt and *.jsonl, so a folder's README is not news.
    #[arg(long, value_name = "PATTERN")]
    pub glob: Option<String>,
    /// Date of the articles that carry none (default: dateline, else today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Document id of a single text input (default: the file stem; JSONL articles carry
    /// their own).
    #[arg(long, value_name = "ID")]
    pub doc_id: Option<String>,
    /// No progress bar (it shows on a terminal when the work takes over a second).
    #[arg(long, short)]
    pub quiet: bool,
}

/// One input to read, and how.
#[derive(Debug)]
struct Source {
    path: PathBuf,
    format: InputFormat,
}

impl Source {
    fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// One article of a JSONL input.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// Reads every input and calls `each` with batches of at most `batch` documents, in
/// input order (a document over [`actorgraph::extract::CHUNK_BYTES`] alone); the progress bar advances by the input bytes of each batch once `each`
/// has returned. Returns the number of documents.
pub fn for_each_batch(
    args: &InputArgs,
    batch: usize,
    mut each: impl FnMut(Vec<Document>) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    if let Some(d) = &args.date {
        validate_date(d)?;
    }
    let sources = sources(args)?;
    if let Some(id) = &args.doc_id {
        match sources.as_slice() {
            [one] if one.format == InputFormat::Text => {}
            [_] => anyhow::bail!(
                "--doc-id names a text document; the articles of a JSONL input carry their own ids"
            ),
            _ => anyhow::bail!(
                "--doc-id {id} names one document, but {} inputs were given",
                sources.len()
            ),
        }
    }
    let progress = Progress::start(&sources, args.quiet);
    let mut docs = 0;
    let mut pending: Vec<Document> = Vec::new();
    let mut pending_bytes = 0;
    let mut flush = |pending: &mut Vec<Document>, bytes: &mut u64| -> anyhow::Result<()> {
        if !pending.is_empty() {
            each(std::mem::take(pending))?;
            progress.advance(std::mem::take(bytes));
        }
        Ok(())
    };
    for s in &sources {
        progress.file(&s.path);
        read(s, args, |doc, bytes| {
            docs += 1;
            // a long document is a batch of its own, so that its statements can stream
            let long = doc.text.len() > actorgraph::extract::CHUNK_BYTES;
            if long {
                flush(&mut pending, &mut pending_bytes)?;
            }
            pending.push(doc);
            pending_bytes += bytes;
            if long || pending.len() >= batch {
                flush(&mut pending, &mut pending_bytes)?;
            }
            Ok(())
        })?;
    }
    flush(&mut pending, &mut pending_bytes)?;
    progress.finish();
    Ok(docs)
}

/// Reads every input once without keeping anything, so that a bad file or line is
/// reported before anything is written. Returns `false` (and reads nothing) when an input
/// is stdin, which cannot be read twice.
pub fn check(args: &InputArgs) -> anyhow::Result<bool> {
    if let Some(d) = &args.date {
        validate_date(d)?;
    }
    let sources = sources(args)?;
    if sources.iter().any(Source::is_stdin) {
        return Ok(false);
    }
    for s in &sources {
        read(s, args, |_, _| Ok(()))?;
    }
    Ok(true)
}

/// The inputs as sources: folders walked in sorted order, each file with its format.
fn sources(args: &InputArgs) -> anyhow::Result<Vec<Source>> {
    let format_of = |path: &Path| {
        args.input.unwrap_or_else(|| {
            match path.as_os_str() != "-" && path.extension().is_some_and(|x| x == "jsonl") {
                true => InputFormat::Jsonl,
                false => InputFormat::Text,
            }
        })
    };
    let mut out = Vec::new();
    for p in &args.inputs {
        if p.as_os_str() == "-" || !p.is_dir() {
            if p.as_os_str() != "-" && !p.exists() {
                anyhow::bail!("cannot read {}: no such file or folder", p.display());
            }
            out.push(Source {
                path: p.clone(),
                format: format_of(p),
            });
            continue;
        }
        for path in walk(p, args.glob.as_deref())? {
            out.push(Source {
                format: format_of(&path),
                path,
            });
        }
    }
    Ok(out)
}

/// The files of a folder and its subfolders that the rule takes, sorted.
fn walk(folder: &Path, glob: Option<&str>) -> anyhow::Result<Vec<PathBuf>> {
    let wanted = |path: &Path| match glob {
        Some(g) => path
            .file_name()
            .is_some_and(|n| glob_match(g.as_bytes(), n.to_string_lossy().as_bytes())),
        None => path.extension().is_some_and(|x| x == "txt" || x == "jsonl"),
    };
    let mut stack = vec![folder.to_path_buf()];
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
    Ok(found)
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

/// Reads one source, calling `each` with every document and the input bytes it took.
fn read(
    source: &Source,
    args: &InputArgs,
    mut each: impl FnMut(Document, u64) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let date = args.date.as_deref();
    let name = || match source.is_stdin() {
        true => "stdin".to_string(),
        false => source.path.display().to_string(),
    };
    match source.format {
        InputFormat::Text => {
            let mut doc = if source.is_stdin() {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| anyhow::anyhow!("cannot read stdin: {e}"))?;
                Document {
                    id: "stdin".into(),
                    date: date.map(str::to_string).or_else(|| find_dateline(&text)),
                    text,
                    url: None,
                }
            } else {
                read_document(&source.path, date)?
            };
            if doc.date.is_none() {
                doc.date = Some(today());
            }
            if let Some(id) = &args.doc_id {
                doc.id = id.clone();
            }
            let bytes = doc.text.len() as u64;
            each(doc, bytes)
        }
        InputFormat::Jsonl if source.is_stdin() => {
            read_articles(std::io::stdin().lock(), &name(), date, each)
        }
        InputFormat::Jsonl => {
            let file = std::fs::File::open(&source.path)
                .map_err(|e| Error::io("read", &source.path, e))?;
            read_articles(BufReader::new(file), &name(), date, each)
        }
    }
}

/// Reads JSONL articles; `name` names the input in errors (`FILE:LINE: ...`).
fn read_articles(
    reader: impl BufRead,
    name: &str,
    date: Option<&str>,
    mut each: impl FnMut(Document, u64) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let at_line = |line: usize, message: String| Error::AtLine {
        path: name.to_string(),
        line,
        message,
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| at_line(n + 1, format!("cannot read: {e}")))?;
        let bytes = line.len() as u64 + 1;
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let a: Article = serde_json::from_str(&line).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            at_line(n + 1, msg)
        })?;
        if let Some(d) = &a.date {
            validate_date(d).map_err(|e| at_line(n + 1, e.to_string()))?;
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
        let doc = Document {
            id: a.id,
            date,
            text,
            url: a.url,
        };
        each(doc, bytes)?;
    }
    Ok(())
}

/// How long work runs before the progress bar shows.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// A progress bar in input bytes on stderr: shown only on a terminal, without `-q`, and
/// once the work has run [`PROGRESS_AFTER`].
struct Progress {
    bar: indicatif::ProgressBar,
}

impl Progress {
    fn start(sources: &[Source], quiet: bool) -> Progress {
        let total: Option<u64> = sources
            .iter()
            .map(|s| match s.is_stdin() {
                true => None,
                false => std::fs::metadata(&s.path).ok().map(|m| m.len()),
            })
            .sum();
        let bar = indicatif::ProgressBar::with_draw_target(
            total,
            indicatif::ProgressDrawTarget::hidden(),
        );
        let template = match total {
            Some(_) => {
                "{spinner} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}"
            }
            None => "{spinner} {bytes} {binary_bytes_per_sec} {elapsed} {msg}",
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        if !quiet && std::io::stderr().is_terminal() {
            let shown = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(PROGRESS_AFTER);
                if !shown.is_finished() {
                    shown.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(Duration::from_millis(200));
                }
            });
        }
        Progress { bar }
    }

    fn file(&self, path: &Path) {
        self.bar.set_message(path.display().to_string());
    }

    fn advance(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(text: &str) -> anyhow::Result<Vec<Document>> {
        let mut out = Vec::new();
        read_articles(text.as_bytes(), "a.jsonl", None, |d, _| {
            out.push(d);
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_and_unknown_fields_refused() {
        let docs = articles(
            "# exported 2024-06-14\n\n{\"id\": \"a\", \"date\": \"2024-06-14\", \"text\": \"Iran backs Hezbollah.\"}\n",
        )
        .unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].date.as_deref(), Some("2024-06-14"));
        let err = articles("{\"id\": \"a\", \"text\": \"t\", \"author\": \"x\"}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.jsonl:1: unknown field `author`, expected one of `id`, `date`, `title`, `text`, `url`"
        );
    }

    #[test]
    fn glob_matches_stars_and_question_marks() {
        assert!(glob_match(b"*.md", b"README.md"));
        assert!(glob_match(b"a?c.txt", b"abc.txt"));
        assert!(!glob_match(b"*.md", b"a.txt"));
    }
}
