//! The command line: clap types, and one module per subcommand with a `run(args)` that
//! turns arguments into library options, does the work and prints.
//!
//! To add a subcommand: a variant in [`Command`], a module with `Args` and `run`, and a
//! line in [`run`].

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use actorgraph::extract::Extractor;
use actorgraph::graph::allies::Side;
use actorgraph::graph::rollup::{Level, RollUp};
use actorgraph::graph::{Filter, Graph, Resolver, store};
use actorgraph::lexicon::Lexicon;
use actorgraph::model::{EntityId, EntityKind, Relation, parse_relations};

mod add;
mod alias;
mod allies;
mod backers;
mod camps;
mod changes;
mod completions;
mod convert;
mod dedupe;
mod export;
mod extract;
mod import;
mod ingest;
mod input;
mod lexicon;
mod merge;
mod neighbors;
mod output;
mod parse;
mod path;
mod rank;
mod remove;
mod render;
mod serve;
mod show;
mod stats;
mod timeline;
mod why;

/// actorgraph: who supports, opposes, meets and controls whom, with evidence for every edge.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, about, max_term_width = 100)]
pub struct Cli {
    /// The graph: an SQLite database (default: graphs/actorgraph.db in the current
    /// directory), a node-link JSON file if the name ends in .json, or a PostgreSQL
    /// database shared by a team (postgres://user@host/db).
    #[arg(long, global = true, env = store::ENV_VAR, default_value = store::DEFAULT_PATH, value_name = "PATH")]
    pub graph: PathBuf,

    /// Extra lexicon files (same format as data/lexicon/*.tsv); repeatable.
    #[arg(long, global = true, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Extra pattern files (same format as data/patterns.toml); repeatable.
    #[arg(long, global = true, value_name = "FILE")]
    pub patterns: Vec<PathBuf>,

    /// Commands that write: wait at most this long for another process writing the same
    /// graph, then give up (default: wait as long as it writes).
    #[arg(long, global = true, env = "ACTORGRAPH_LOCK_TIMEOUT", value_name = "SECONDS", value_parser = seconds)]
    pub wait: Option<Duration>,

    /// Questions, exports and pictures: the graph as it stood on this day (YYYY-MM-DD):
    /// only evidence dated on or before it, and of a place's controllers the latest.
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add one statement: SOURCE RELATION TARGET, with optional evidence.
    Add(add::Args),
    /// Add statements from a JSONL file (or - for stdin), or GDELT events, all or nothing.
    Import(import::Args),
    /// Give an entity another name.
    Alias(alias::Args),
    /// Merge OTHER into KEEP: names, edges and evidence.
    Merge(merge::Args),
    /// Remove an entity and its edges.
    Remove(remove::Args),
    /// List likely duplicate entities; --apply re-links to the lexicon and merges safe ones.
    Dedupe(dedupe::Args),
    /// The shortest path (or all paths) between two entities.
    Path(path::Args),
    /// Who supports an entity, directly and through chains of support.
    Backers(backers::Args),
    /// Allies of an entity: support or meetings, and the enemies of its enemies.
    Allies(allies::Args),
    /// Rivals of an entity: opposition, and those who back its enemies.
    Rivals(allies::Args),
    /// Who controlled a place over time, or how two actors' relations changed.
    Timeline(timeline::Args),
    /// Relations that appeared, and control that changed hands, between two days.
    Changes(changes::Args),
    /// Split the actors into camps by structural balance (support in, opposition across).
    Camps(camps::Args),
    /// Who matters most in the support network (PageRank over supports edges).
    Rank(rank::Args),
    /// The entities one edge away.
    Neighbors(neighbors::Args),
    /// Everything known about one entity.
    Show(show::Args),
    /// Counts by kind, type and relation; documents; date range.
    Stats(stats::Args),
    /// Write the graph (or part of it) for other tools: DOT, JSON, GraphML, GEXF, ...
    Export(export::Args),
    /// Extract statements from text and print them; nothing is stored.
    Extract(extract::Args),
    /// Extract statements from files, folders or JSONL articles into the graph.
    Ingest(ingest::Args),
    /// Every piece of evidence for one edge.
    Why(why::Args),
    /// Look names up in the lexicon, or check a lexicon file.
    Lexicon(lexicon::Args),
    /// Draw the graph (or part of it) as SVG, PNG or PDF with Graphviz.
    Render(render::Args),
    /// A local web viewer: search, neighbourhoods drawn by Graphviz, evidence per edge.
    Serve(serve::Args),
    /// Copy a graph between a JSON file and an SQLite database (either way).
    Convert(convert::Args),
    /// Tag and parse text (or a CoNLL-U file's words): CoNLL-U trees, or drawn for people.
    Parse(parse::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionArgs),
    /// Print the man page, or write one per subcommand with --dir.
    Man(completions::ManArgs),
}

impl Command {
    /// Whether the command changes the graph (or reads no graph at all, for `--as-of`).
    fn writes(&self) -> bool {
        match self {
            Command::Dedupe(args) => args.apply,
            Command::Add(_)
            | Command::Import(_)
            | Command::Alias(_)
            | Command::Merge(_)
            | Command::Remove(_)
            | Command::Ingest(_)
            | Command::Convert(_) => true,
            _ => false,
        }
    }
}

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Done,
    /// A query ran and found nothing: exit 1.
    NothingFound,
}

/// Output format of query commands.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Table,
    /// JSON for scripts.
    Json,
}

/// Which part of the graph to export or draw (shared by `export` and `render`).
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only these relations, comma-separated (supports,opposes,meets-with,controls).
    #[arg(long, value_name = "R,...")]
    pub rel: Option<String>,
    /// Only the neighborhood of this entity.
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Hops around --focus.
    #[arg(long, default_value_t = 2)]
    pub depth: usize,
    /// Only evidence dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only evidence dated on or before this day.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only edges with at least this much evidence.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_evidence: usize,
    /// Only entities of this kind: actor or place.
    #[arg(long)]
    pub kind: Option<String>,
    /// Only the N entities with the most edges.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Lift people to the organization or state they lead or serve on each evidence's
    /// date (organization or state); --focus may still name a person.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<Level>,
}

impl FilterArgs {
    /// The graph these filters read: with `--focus` (and no `--level`), only what lies
    /// within `--depth` hops of it and the edges between those entities; else all of it.
    pub fn load(&self, graph: &Path) -> anyhow::Result<Graph> {
        let (Some(focus), None) = (&self.focus, self.level) else {
            return read(graph);
        };
        let relations = self
            .rel
            .as_deref()
            .map(relation_list)
            .transpose()
            .map_err(anyhow::Error::msg)?;
        read_part(
            graph,
            &store::Part::Around {
                names: vec![focus],
                depth: self.depth,
                relations: relations.as_deref(),
                walk: store::Walk::Both,
                closed: true,
            },
        )
    }

    /// The part of `graph` to export or draw: rolled up to `--level` first, then filtered
    /// (a `--focus` person is what they were lifted to).
    pub fn subgraph(&self, graph: &Graph, names: &Names) -> anyhow::Result<Graph> {
        let Some(level) = self.level else {
            return Ok(self.to_filter(|f| names.find(graph, f))?.apply(graph)?);
        };
        let rollup = RollUp::new(graph, names.lexicon()?, level);
        let rolled = rollup.graph();
        let filter = self.to_filter(|f| rollup.find(&rolled, f))?;
        Ok(filter.apply(&rolled)?)
    }

    /// The library filter, with `--focus` resolved by `find`.
    fn to_filter(
        &self,
        find: impl Fn(&str) -> Result<EntityId, actorgraph::Error>,
    ) -> anyhow::Result<Filter> {
        Ok(Filter {
            relations: self
                .rel
                .as_deref()
                .map(relation_list)
                .transpose()
                .map_err(anyhow::Error::msg)?,
            focus: self.focus.as_deref().map(find).transpose()?,
            depth: self.depth,
            since: self.since.clone(),
            until: self.until.clone(),
            min_evidence: self.min_evidence,
            kind: self
                .kind
                .as_deref()
                .map(str::parse::<EntityKind>)
                .transpose()?,
            top: self.top,
        })
    }
}

/// Names to entities for every command that takes one: the graph, then the lexicon
/// (embedded and `--lexicon` files, loaded on first use), then the name itself
/// ([`Resolver`]).
pub struct Names {
    files: Vec<PathBuf>,
    lexicon: OnceLock<Lexicon>,
}

impl Names {
    pub fn new(files: Vec<PathBuf>) -> Names {
        Names {
            files,
            lexicon: OnceLock::new(),
        }
    }

    /// The lexicon, loaded once.
    pub fn lexicon(&self) -> Result<&Lexicon, actorgraph::Error> {
        if let Some(l) = self.lexicon.get() {
            return Ok(l);
        }
        let l = Lexicon::load(&self.files)?;
        Ok(self.lexicon.get_or_init(|| l))
    }

    /// The entity of `g` that `name` means; the lexicon is read only when the graph has
    /// no entity of that exact name.
    pub fn find(&self, g: &Graph, name: &str) -> Result<EntityId, actorgraph::Error> {
        match g.lookup(name) {
            Some(id) => Ok(id),
            None => Resolver::new(self.lexicon()?).find(g, name),
        }
    }
}

/// Parses `--rel` lists (`supports,opposes`).
pub fn relation_list(s: &str) -> Result<Vec<Relation>, String> {
    parse_relations(s).map_err(|e| e.to_string())
}

/// `--wait`: seconds, a number of at least 0.
fn seconds(s: &str) -> Result<Duration, String> {
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("'{s}' is not a number of seconds (such as 30 or 0.5)"))
}

/// `--as-of`, set once by [`run`].
static AS_OF: OnceLock<Option<String>> = OnceLock::new();

fn as_of() -> Option<&'static str> {
    AS_OF.get().and_then(|d| d.as_deref())
}

/// The whole graph as a question reads it: as of `--as-of` when given.
pub fn read(graph: &Path) -> anyhow::Result<Graph> {
    let g = store::load(graph)?;
    Ok(match as_of() {
        Some(date) => actorgraph::graph::timeline::as_of(&g, date)?,
        None => g,
    })
}

/// The part of the graph a question needs ([`store::load_part`]); with `--as-of`, the
/// whole graph as of that day (what a walk may take depends on the dates).
pub fn read_part(graph: &Path, part: &store::Part<'_>) -> anyhow::Result<Graph> {
    match as_of() {
        Some(_) => read(graph),
        None => Ok(store::load_part(graph, part)?),
    }
}

/// How long writers wait for the lock: `--wait`, set once by [`run`]; `None` is as long
/// as it takes.
static WAIT: OnceLock<Option<Duration>> = OnceLock::new();

/// [`store::update`] with the `--wait` limit; says on stderr that it waits while another
/// process writes, and `created graph FILE` when the change made a new graph file.
pub fn update<T>(
    graph: &Path,
    change: impl FnOnce(&mut Graph) -> Result<T, actorgraph::Error>,
) -> anyhow::Result<T> {
    update_part(graph, None, change)
}

/// [`update`] for a change that only adds statements and replaces documents' evidence,
/// which on a database reads and writes only the part `keys` names
/// ([`store::update_part`]); `None` reads the whole graph.
pub fn update_part<T>(
    graph: &Path,
    keys: Option<&dyn Fn(&Graph) -> store::Keys>,
    change: impl FnOnce(&mut Graph) -> Result<T, actorgraph::Error>,
) -> anyhow::Result<T> {
    let wait = WAIT.get().copied().flatten();
    let waiting = || {
        let limit = match wait {
            Some(w) => format!("up to {}s (--wait)", w.as_secs_f64()),
            None => "until it has finished (--wait SECONDS to give up sooner)".into(),
        };
        eprintln!(
            "actorgraph: another actorgraph process is writing {}; waiting {limit}",
            store::shown(graph)
        );
    };
    let done = match keys {
        Some(keys) => store::update_part(graph, wait, waiting, keys, change)?,
        None => store::update(graph, wait, waiting, change)?,
    };
    if done.created {
        eprintln!("created graph {}", store::shown(graph));
    }
    Ok(done.value)
}

/// Refuses an `-o` file that is the graph file itself (the same file by canonical path,
/// or by device and inode through a hard link): writing there would replace the graph.
/// `what` names the output (`export`, `picture`).
pub fn refuse_graph_as_output(graph: &Path, output: &Path, what: &str) -> anyhow::Result<()> {
    if same_file(graph, output) {
        anyhow::bail!(
            "refusing to write the {what} over the graph file {}; choose another -o",
            graph.display()
        );
    }
    Ok(())
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (a.canonicalize(), b.canonicalize())
        && x == y
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// `value` of option `flag` if it is at least 1: a zero there would make the command find
/// nothing without saying why.
pub fn at_least_one(flag: &str, value: usize) -> anyhow::Result<usize> {
    if value == 0 {
        anyhow::bail!("{flag} must be at least 1 (got 0)");
    }
    Ok(value)
}

/// The number of threads `--jobs` means by default: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The extractor with the embedded data and the user's extra files; `trees` turns the tree
/// stage on.
fn extractor(lexicon: &[PathBuf], patterns: &[PathBuf], trees: bool) -> anyhow::Result<Extractor> {
    // the syntax model loads on another core while the lexicon loads here (a one-document
    // ingest spends most of its time loading the two)
    let warm = trees.then(|| {
        std::thread::spawn(|| {
            let _ = actorgraph::syntax::Model::embedded();
        })
    });
    let mut x = Extractor::load(lexicon, patterns)?;
    x.trees = trees;
    if let Some(warm) = warm {
        // a failed load is reported where the model is first used
        let _ = warm.join();
    }
    Ok(x)
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let graph = cli.graph;
    let _ = WAIT.set(cli.wait);
    if let Some(date) = &cli.as_of {
        actorgraph::model::validate_date(date)?;
        if cli.command.writes() {
            anyhow::bail!(
                "--as-of is for questions, exports and pictures; this command changes the graph"
            );
        }
    }
    let _ = AS_OF.set(cli.as_of.clone());
    let names = &Names::new(cli.lexicon.clone());
    match cli.command {
        Command::Add(args) => add::run(&graph, names, args),
        Command::Import(args) => import::run(&graph, names, args),
        Command::Alias(args) => alias::run(&graph, names, args),
        Command::Merge(args) => merge::run(&graph, names, args),
        Command::Remove(args) => remove::run(&graph, names, args),
        Command::Dedupe(args) => dedupe::run(&graph, names, args),
        Command::Path(args) => path::run(&graph, names, args),
        Command::Backers(args) => backers::run(&graph, names, args),
        Command::Rank(args) => rank::run(&graph, args),
        Command::Camps(args) => camps::run(&graph, args),
        Command::Changes(args) => changes::run(&graph, args),
        Command::Timeline(args) => timeline::run(&graph, names, args),
        Command::Allies(args) => allies::run(&graph, names, args, Side::Allies),
        Command::Rivals(args) => allies::run(&graph, names, args, Side::Rivals),
        Command::Neighbors(args) => neighbors::run(&graph, names, args),
        Command::Show(args) => show::run(&graph, names, args),
        Command::Stats(args) => stats::run(&graph, args),
        Command::Export(args) => export::run(&graph, names, args),
        Command::Extract(args) => extract::run(
            &extractor(&cli.lexicon, &cli.patterns, !args.no_trees)?,
            args,
        ),
        Command::Ingest(args) => ingest::run(
            &graph,
            &extractor(&cli.lexicon, &cli.patterns, !args.no_trees)?,
            args,
        ),
        Command::Why(args) => why::run(&graph, names, args),
        Command::Lexicon(args) => lexicon::run(&Lexicon::load(&cli.lexicon)?, args),
        Command::Render(args) => render::run(&graph, names, args),
        Command::Serve(args) => serve::run(&graph, names, cli.as_of.clone(), args),
        Command::Parse(args) => parse::run(args),
        Command::Convert(args) => convert::run(args),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
    }
}
