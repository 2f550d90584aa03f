//! `actorgraph add SOURCE RELATION TARGET`: one statement by hand.

use std::path::Path;

use actorgraph::graph::import::StatementLine;
use actorgraph::graph::{Graph, Resolver, store};

use super::{Names, Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Who acts (a name or alias; a new name makes a new entity).
    pub source: String,
    /// supports, opposes, meets-with or controls.
    pub relation: String,
    /// Whom or what the relation is about.
    pub target: String,
    /// The sentence that states it.
    #[arg(long)]
    pub evidence: Option<String>,
    /// The document it comes from.
    #[arg(long, default_value = "manual")]
    pub doc: String,
    /// The document's date, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Where the document can be read.
    #[arg(long)]
    pub url: Option<String>,
    /// Kind of a new source entity: actor or place.
    #[arg(long)]
    pub source_kind: Option<String>,
    /// Kind of a new target entity: actor or place (default: place for controls).
    #[arg(long)]
    pub target_kind: Option<String>,
    /// Type of a new source entity: person, state, armed-group, organization, group, ...
    #[arg(long)]
    pub source_type: Option<String>,
    /// Type of a new target entity: ..., city, region, country, facility, route.
    #[arg(long)]
    pub target_type: Option<String>,
    /// The source's id: an existing entity, a lexicon id, or the id of a new entity.
    #[arg(long)]
    pub source_id: Option<String>,
    /// The target's id.
    #[arg(long)]
    pub target_id: Option<String>,
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    let line = StatementLine {
        source: args.source,
        relation: args.relation,
        target: args.target,
        evidence: args.evidence,
        doc: Some(args.doc),
        date: args.date,
        url: args.url,
        source_kind: args.source_kind,
        target_kind: args.target_kind,
        source_type: args.source_type,
        target_type: args.target_type,
        source_id: args.source_id,
        target_id: args.target_id,
        ..StatementLine::default()
    };
    let written = line.into_written("manual", "manual")?;
    // the lexicon is loaded only for a name the graph does not have
    let load = || names.lexicon();
    let resolver = Resolver::lazy(&load);
    // the names as written; from the second round on, also what they resolve to in the
    // part of the graph read so far (the first round has read nothing yet)
    let round = std::cell::Cell::new(0);
    let keys = |g: &Graph| {
        round.set(round.get() + 1);
        let mut keys = store::Keys::default();
        keys.add_statement(&written.statement);
        keys.ids.extend(written.source.id.iter().cloned());
        keys.ids.extend(written.target.id.iter().cloned());
        if round.get() > 1
            && let Ok(s) = resolver.statement(g, written.clone())
        {
            keys.add_statement(&s);
        }
        keys
    };
    let (added, what) = super::update_part(graph, Some(&keys), |g| {
        let statement = resolver.statement(g, written.clone())?;
        let what = format!(
            "{} -{}-> {}",
            statement.source.name, statement.relation, statement.target.name
        );
        Ok((g.add_statement(statement), what))
    })?;
    let verb = if added { "added" } else { "already known" };
    output::print(&format!("{verb}: {what}\n"))?;
    Ok(Outcome::Done)
}
