//! `actorgraph serve [--port N] [--bind ADDR]`: the graph's path and the resolver in, a
//! web viewer on `http://ADDR:PORT/` out (first stdout line `listening on URL`), answering
//! until the process is stopped.

use std::io::Write;
use std::path::Path;

use actorgraph::graph::{Graph, store};
use actorgraph::serve::{self, Viewer};

use super::{Names, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on; 0 picks a free one (the first line printed says which).
    #[arg(long, default_value_t = 8377)]
    pub port: u16,
    /// The address to listen on: this machine only unless you change it.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: String,
}

pub fn run(
    graph: &Path,
    names: &Names,
    as_of: Option<String>,
    args: Args,
) -> anyhow::Result<Outcome> {
    // a missing or unreadable graph fails here, with the command's usual error line
    store::stats(graph)?;
    let (server, local) = serve::bind(&args.bind, args.port)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on http://{local}/")?;
    out.flush()?;
    drop(out);
    let find = |g: &Graph, name: &str| names.find(g, name);
    let viewer = Viewer {
        graph: graph.to_path_buf(),
        find: &find,
        as_of,
        local_only: local.ip().is_loopback(),
    };
    serve::run(&server, &viewer);
    Ok(Outcome::Done)
}
