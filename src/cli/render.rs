//! `actorgraph render`: a picture of the graph through Graphviz `dot`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use actorgraph::Error;
use actorgraph::export::dot::{Cluster, DotOptions, run_graphviz, to_dot};

use super::{FilterArgs, Names, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    Svg,
    Png,
    Pdf,
}

impl ImageFormat {
    fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClusterBy {
    None,
    Kind,
    Country,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the picture here (default: SVG on stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Image format (default: from the -o extension, else svg).
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,
    /// Group entities in boxes by kind or by country.
    #[arg(long, value_enum, default_value = "kind")]
    pub cluster: ClusterBy,
    /// A title drawn above the graph.
    #[arg(long, default_value = "")]
    pub title: String,
    #[command(flatten)]
    pub filter: FilterArgs,
}

fn format_of(args: &Args) -> anyhow::Result<ImageFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let Some(out) = &args.output else {
        return Ok(ImageFormat::Svg);
    };
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("svg") => ImageFormat::Svg,
        Some("png") => ImageFormat::Png,
        Some("pdf") => ImageFormat::Pdf,
        _ => anyhow::bail!(
            "cannot tell the image format of '{}' from its extension; use --format svg|png|pdf",
            out.display()
        ),
    })
}

pub fn run(graph: &Path, names: &Names, args: Args) -> anyhow::Result<Outcome> {
    if let Some(out) = &args.output {
        super::refuse_graph_as_output(graph, out, "picture")?;
    }
    let format = format_of(&args)?;
    let g = args.filter.load(graph)?;
    let sub = args.filter.subgraph(&g, names)?;
    let options = DotOptions {
        title: args.title.clone(),
        legend: true,
        cluster: match args.cluster {
            ClusterBy::None => Cluster::None,
            ClusterBy::Kind => Cluster::Kind,
            ClusterBy::Country => Cluster::Country,
        },
        element_ids: false,
    };
    let dot = to_dot(&sub, &options);
    let image = run_graphviz(&dot, format.as_str())?;
    match &args.output {
        Some(path) => std::fs::write(path, &image).map_err(|e| Error::io("write", path, e))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&image)?;
            out.flush()?;
        }
    }
    Ok(Outcome::Done)
}
