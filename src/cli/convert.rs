//! `actorgraph convert FROM TO`: copies a graph between the two file stores, a node-link
//! JSON file and an SQLite database (each named as `--graph` takes them: `.json` is JSON,
//! anything else SQLite). TO must not exist; FROM is left as it is.

use std::path::{Path, PathBuf};

use actorgraph::Error;
use actorgraph::graph::{sqlite, store};

use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph to read (JSON file or SQLite database).
    pub from: PathBuf,
    /// The graph to write; must not exist. `.json` writes node-link JSON, else SQLite.
    pub to: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let g = store::load(&args.from)?;
    if args.to.exists() {
        return Err(Error::InFile {
            path: args.to.display().to_string(),
            message: "already exists; convert writes a new graph only".into(),
        }
        .into());
    }
    if let Some(dir) = args.to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    }
    if store::is_sqlite(&args.to) {
        sqlite::create(&g, &args.to)?;
    } else {
        store::save(&g, &args.to)?;
    }
    output::print(&format!(
        "converted {} to {}: {} and {}\n",
        args.from.display(),
        describe(&args.to),
        output::count(g.entity_count(), "entity", "entities"),
        output::count(g.edge_count(), "edge", "edges")
    ))?;
    Ok(Outcome::Done)
}

fn describe(path: &Path) -> String {
    let what = if store::is_sqlite(path) {
        "SQLite"
    } else {
        "JSON"
    };
    format!("{} ({what})", path.display())
}
