//! `actorgraph export`: the graph, or a filtered part, as DOT or node-link JSON.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use actorgraph::Error;
use actorgraph::export::{dot, json};
use actorgraph::graph::{Filter, store};

use super::{Outcome, output, relation_list};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
    /// NetworkX node-link JSON (the graph file format).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format (default: from the -o extension, else json).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only these relations, comma-separated.
    #[arg(long, value_name = "R,...")]
    pub rel: Option<String>,
    /// Only the neighborhood of this entity.
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Hops around --focus.
    #[arg(long, default_value_t = 2)]
    pub depth: usize,
}

fn format_of(args: &Args) -> anyhow::Result<ExportFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let Some(out) = &args.output else {
        return Ok(ExportFormat::Json);
    };
    match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("dot" | "gv") => Ok(ExportFormat::Dot),
        Some("json") => Ok(ExportFormat::Json),
        _ => anyhow::bail!(
            "cannot tell the format of '{}' from its extension; use --format dot|json",
            out.display()
        ),
    }
}

pub fn run(graph: &Path, args: Args) -> anyhow::Result<Outcome> {
    let format = format_of(&args)?;
    let relations = args
        .rel
        .as_deref()
        .map(relation_list)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let g = store::load(graph)?;
    let focus = args.focus.as_deref().map(|f| g.resolve(f)).transpose()?;
    let filter = Filter {
        relations,
        focus,
        depth: args.depth,
    };
    let sub = filter.apply(&g)?;
    let name = graph
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = match format {
        ExportFormat::Json => json::to_string(&sub, &name),
        ExportFormat::Dot => dot::to_dot(&sub, &dot::DotOptions::default()),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io("write", path, e))?,
        None => output::print(&text)?,
    }
    Ok(Outcome::Done)
}
