//! `actorgraph export`: the graph, or a filtered part, in the format another tool reads.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use actorgraph::Error;
use actorgraph::export::{cytoscape, dot, geojson, gexf, graphml, json, neo4j, table};
use actorgraph::graph::store;

use super::{FilterArgs, Names, Outcome, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT (.dot, .gv).
    Dot,
    /// NetworkX node-link JSON, the graph file format (.json).
    Json,
    /// GraphML for Gephi, yEd, Cytoscape desktop, igraph (.graphml).
    Graphml,
    /// GEXF 1.3 with edge dates for Gephi's timeline (.gexf).
    Gexf,
    /// Cytoscape.js elements JSON (.cyjs).
    Cytoscape,
    /// Edge list, comma-separated (.csv).
    Csv,
    /// Edge list, tab-separated (.tsv).
    Tsv,
    /// Places with coordinates and who controls them (.geojson).
    Geojson,
    /// nodes.csv and relationships.csv for neo4j-admin import, into the -o directory.
    Neo4j,
    /// A Cypher script for cypher-shell (.cypher).
    Cypher,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format (default: from the -o extension, else json).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to this file (a directory for neo4j) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

fn format_of(args: &Args) -> anyhow::Result<ExportFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let Some(out) = &args.output else {
        return Ok(ExportFormat::Json);
    };
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("dot" | "gv") => ExportFormat::Dot,
        Some("json") => ExportFormat::Json,
        Some("graphml") => ExportFormat::Graphml,
        Some("gexf") => ExportFormat::Gexf,
        Some("cyjs") => ExportFormat::Cytoscape,
        Some("csv") => ExportFormat::Csv,
        Some("tsv" | "tab") => ExportFormat::Tsv,
        Some("geojson") => ExportFormat::Geojson,
        Some("cypher" | "cql") => ExportFormat::Cypher,
        _ => anyhow::bail!(
            "cannot tell the format of '{}' from its extension; use --format (dot, json, graphml, gexf, cytoscape, csv, tsv, geojson, neo4j, cypher)",
            out.display()
        ),
    })
}

fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::io("write", path, e))
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    if let Some(out) = &args.output {
        super::refuse_graph_as_output(graph, out, "export")?;
    }
    let format = format_of(&args)?;
    if let Some(out) = &args.output
        && format == ExportFormat::Neo4j
    {
        for file in ["nodes.csv", "relationships.csv"] {
            super::refuse_graph_as_output(graph, &out.join(file), "export")?;
        }
    }
    let g = args.filter.load(graph)?;
    let sub = args.filter.subgraph(&g, names)?;
    let pretty = |v: serde_json::Value| {
        let mut s = serde_json::to_string_pretty(&v).expect("JSON values serialize");
        s.push('\n');
        s
    };
    let text = match format {
        ExportFormat::Json => json::to_string(&sub, &store::graph_name(graph)),
        ExportFormat::Dot => dot::to_dot(&sub, &dot::DotOptions::default()),
        ExportFormat::Graphml => graphml::to_graphml(&sub),
        ExportFormat::Gexf => gexf::to_gexf(&sub),
        ExportFormat::Cytoscape => pretty(cytoscape::to_cytoscape(&sub)),
        ExportFormat::Csv => table::to_edge_list(&sub, table::Delimiter::Comma),
        ExportFormat::Tsv => table::to_edge_list(&sub, table::Delimiter::Tab),
        ExportFormat::Geojson => pretty(geojson::to_geojson(&sub)),
        ExportFormat::Cypher => neo4j::to_cypher(&sub),
        ExportFormat::Neo4j => {
            let Some(dir) = &args.output else {
                anyhow::bail!("--format neo4j writes two files; give a directory with -o DIR");
            };
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
            write(&dir.join("nodes.csv"), &neo4j::nodes_csv(&sub))?;
            write(
                &dir.join("relationships.csv"),
                &neo4j::relationships_csv(&sub),
            )?;
            return Ok(Outcome::Done);
        }
    };
    match &args.output {
        Some(path) => write(path, &text)?,
        None => output::print(&text)?,
    }
    Ok(Outcome::Done)
}
