//! `actorgraph extract`: what the text says, printed; nothing is stored.

use clap::ValueEnum;
use serde::Serialize;

use actorgraph::export::{dot, json};
use actorgraph::extract::Extractor;
use actorgraph::graph::Graph;
use actorgraph::model::Statement;

use super::input::{self, InputArgs};
use super::{Outcome, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One line per statement, for people.
    Table,
    /// NetworkX node-link JSON, as `export --format json`.
    Json,
    /// One statement per line in the `import` format.
    Jsonl,
    /// Graphviz DOT.
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
    /// Show each statement with its sentence (mentions and trigger marked), pattern id, and
    /// the sentence's dependency tree.
    #[arg(long)]
    pub explain: bool,
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

/// Today's date as `YYYY-MM-DD` (UTC), from the system clock.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    // civil-from-days (Howard Hinnant's algorithm)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A statement as a line of `import` JSONL.
#[derive(Serialize)]
struct JsonlLine<'a> {
    source: &'a str,
    relation: &'a str,
    target: &'a str,
    evidence: &'a str,
    doc: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    span: Option<actorgraph::model::Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trigger: Option<actorgraph::model::Span>,
    confidence: f32,
    source_kind: &'a str,
    target_kind: &'a str,
    source_type: &'a str,
    target_type: &'a str,
    pattern: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_lon: Option<f64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    source_aliases: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    target_aliases: &'a [String],
}

impl<'a> JsonlLine<'a> {
    fn of(s: &'a Statement) -> JsonlLine<'a> {
        JsonlLine {
            source: &s.source.name,
            relation: s.relation.as_str(),
            target: &s.target.name,
            evidence: &s.evidence.text,
            doc: &s.evidence.doc,
            date: s.evidence.date.as_deref(),
            span: s.evidence.span,
            trigger: s.evidence.trigger,
            confidence: s.evidence.confidence,
            source_kind: s.source.kind.as_str(),
            target_kind: s.target.kind.as_str(),
            source_type: s.source.etype.as_str(),
            target_type: s.target.etype.as_str(),
            pattern: &s.evidence.producer,
            source_country: s.source.country.as_deref(),
            target_country: s.target.country.as_deref(),
            source_lat: s.source.lat,
            source_lon: s.source.lon,
            target_lat: s.target.lat,
            target_lon: s.target.lon,
            source_aliases: &s.source.aliases,
            target_aliases: &s.target.aliases,
        }
    }
}

/// Documents extracted at once per thread: enough to keep every thread busy, few enough
/// that the texts in memory stay flat in the input size.
const BATCH_PER_JOB: usize = 32;

pub fn run(extractor: &Extractor, args: Args) -> anyhow::Result<Outcome> {
    let mut graph = Graph::new();
    let mut table = vec![vec![
        "SOURCE".to_string(),
        "RELATION".into(),
        "TARGET".into(),
        "PATTERN".into(),
        "EVIDENCE".into(),
    ]];
    let jobs = args.jobs.map_or_else(super::default_jobs, usize::from);
    let mut text = String::new();
    let mut emit = |s: Statement, text: &mut String| -> anyhow::Result<()> {
        match args.format {
            ExtractFormat::Table => table.push(table_row(&s)),
            ExtractFormat::Jsonl => {
                text.push_str(&serde_json::to_string(&JsonlLine::of(&s))?);
                text.push('\n');
                // a long document's lines go out as they come, not held to its end
                if text.len() >= 1 << 16 {
                    output::print(text)?;
                    text.clear();
                }
            }
            ExtractFormat::Json | ExtractFormat::Dot => {
                graph.add_statement(s);
            }
        }
        Ok(())
    };
    input::for_each_batch(&args.input, BATCH_PER_JOB * jobs, |docs| {
        if args.explain && args.format == ExtractFormat::Table {
            for (doc, ex) in docs.iter().zip(extractor.extract_many(&docs, jobs)) {
                text.push_str(&ex.explain(doc)?);
            }
        } else if let [doc] = docs.as_slice() {
            // one document (a large one, or the last of an input): its statements stream
            let mut failed = None;
            extractor.extract_each(doc, |s, _| {
                if failed.is_none() {
                    failed = emit(s, &mut text).err();
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
        } else {
            for ex in extractor.extract_many(&docs, jobs) {
                for s in ex.statements {
                    emit(s, &mut text)?;
                }
            }
        }
        // JSONL and explanations go out batch by batch, not held to the end
        output::print(&text)?;
        text.clear();
        Ok(())
    })?;
    match args.format {
        ExtractFormat::Table if !args.explain => output::print(&output::table(&table))?,
        ExtractFormat::Json => {
            let name = match args.input.inputs.as_slice() {
                [one] => one
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                _ => "extract".into(),
            };
            output::print(&json::to_string(&graph, &name))?
        }
        ExtractFormat::Dot => output::print(&dot::to_dot(&graph, &dot::DotOptions::default()))?,
        _ => {}
    }
    // an article that states no relation is a normal result, not a failed query
    Ok(Outcome::Done)
}

/// A statement as a row of the table: source, relation, target, pattern, evidence.
fn table_row(s: &Statement) -> Vec<String> {
    vec![
        s.source.name.clone(),
        s.relation.to_string(),
        s.target.name.clone(),
        s.evidence.producer.clone(),
        output::short(&s.evidence.text, 80),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_valid_date() {
        actorgraph::model::validate_date(&super::today()).unwrap();
    }
}
