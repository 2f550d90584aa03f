//! `actorgraph dedupe [--apply]`: entities that are likely one, each with the `merge`
//! command that joins them; `--apply` brings entities onto their lexicon entries and merges
//! the safe pairs (same lexicon id), keeping every piece of evidence.

use std::path::Path;

use actorgraph::graph::dedupe::Duplicate;
use actorgraph::graph::store;

use super::{Format, Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Re-link entities to the lexicon and merge the pairs with the same lexicon id.
    #[arg(long)]
    pub apply: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let lexicon = names.lexicon()?;
    let mut report = String::new();
    let (duplicates, relinked) = if args.apply {
        let (dups, done) = super::update(graph, |g| {
            let done = g.relink(lexicon);
            Ok((g.duplicates(lexicon), done))
        })?;
        for (old, new) in &done.moved {
            report.push_str(&format!("moved {old} onto lexicon id {new}\n"));
        }
        for id in &done.updated {
            report.push_str(&format!("updated {id} from the lexicon\n"));
        }
        report.push_str(&format!(
            "{} re-linked to the lexicon; {} saved\n",
            output::count(done.moved.len() + done.updated.len(), "entity", "entities"),
            store::shown(graph)
        ));
        (dups, Some(done))
    } else {
        (store::load(graph)?.duplicates(lexicon), None)
    };
    if let Format::Json = args.format {
        output::print_json(&serde_json::json!({
            "relinked": relinked,
            "duplicates": duplicates,
        }))?;
        return Ok(outcome(&duplicates, args.apply));
    }
    if !duplicates.is_empty() {
        report.push_str(&table(&duplicates));
    } else if !args.apply {
        report.push_str("no likely duplicates\n");
    }
    output::print(&report)?;
    Ok(outcome(&duplicates, args.apply))
}

/// Listing: exit 1 when nothing was found. Applying: done.
fn outcome(duplicates: &[Duplicate], apply: bool) -> Outcome {
    if duplicates.is_empty() && !apply {
        Outcome::NothingFound
    } else {
        Outcome::Done
    }
}

fn table(duplicates: &[Duplicate]) -> String {
    let mut rows = vec![vec![
        "why".to_string(),
        "keep".to_string(),
        "other".to_string(),
        "to join them".to_string(),
    ]];
    for d in duplicates {
        rows.push(vec![
            d.reason.describe(),
            format!("{} ({})", d.keep_name, d.keep),
            format!("{} ({})", d.other_name, d.other),
            format!("actorgraph merge {} {}", d.keep, d.other),
        ]);
    }
    output::table(&rows)
}
