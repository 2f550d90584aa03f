//! `actorgraph lexicon lookup|check`: what a name resolves to, and checking a user's file.

use std::path::PathBuf;

use serde::Serialize;

use actorgraph::lexicon::Lexicon;
use actorgraph::model::validate_date;

use super::{Format, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: LexiconCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum LexiconCommand {
    /// What a name resolves to, and why (name, alias, demonym, metonym, role).
    Lookup {
        /// A name as written in news: "Erdogan", "HTS", "Syrian", "Moscow", "President Erdogan".
        name: String,
        /// Resolve titles ("the Turkish president") on this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Output: table for people, json for scripts.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check a lexicon file; report every problem as FILE:LINE: problem.
    Check {
        /// The lexicon file (entities, roles, titles, ambiguous names or stop-words, by its name).
        file: PathBuf,
    },
}

#[derive(Serialize)]
struct CandidateOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    #[serde(rename = "type")]
    etype: &'a str,
    country: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    how: String,
}

pub fn run(lexicon: &Lexicon, args: Args) -> anyhow::Result<Outcome> {
    match args.command {
        LexiconCommand::Lookup { name, date, format } => {
            if let Some(d) = &date {
                validate_date(d)?;
            }
            let date = date.or_else(|| Some(super::extract::today()));
            let cands = lexicon.lookup(&name, date.as_deref());
            let out: Vec<CandidateOut> = cands
                .iter()
                .map(|c| CandidateOut {
                    id: &c.entry.id,
                    name: &c.entry.name,
                    kind: c.entry.kind().as_str(),
                    etype: c.entry.etype.as_str(),
                    country: c.entry.country.as_deref(),
                    lat: c.entry.lat,
                    lon: c.entry.lon,
                    how: c.how.describe(),
                })
                .collect();
            match format {
                Format::Json => output::print_json(&out)?,
                Format::Table if !out.is_empty() => {
                    let mut rows = vec![vec![
                        "ID".to_string(),
                        "NAME".into(),
                        "TYPE".into(),
                        "COUNTRY".into(),
                        "HOW".into(),
                    ]];
                    for c in &out {
                        rows.push(vec![
                            c.id.to_string(),
                            c.name.to_string(),
                            c.etype.to_string(),
                            c.country.unwrap_or("-").to_string(),
                            c.how.clone(),
                        ]);
                    }
                    output::print(&output::table(&rows))?;
                }
                Format::Table => eprintln!("actorgraph: '{name}' is not in the lexicon"),
            }
            Ok(if out.is_empty() {
                Outcome::NothingFound
            } else {
                Outcome::Done
            })
        }
        LexiconCommand::Check { file } => {
            let problems = Lexicon::check_file(&file)?;
            if problems.is_empty() {
                output::print(&format!("{}: ok\n", file.display()))?;
                return Ok(Outcome::Done);
            }
            for p in &problems {
                eprintln!("{p}");
            }
            anyhow::bail!(
                "{}: {} problem{}",
                file.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )
        }
    }
}
