//! `actorgraph convert FROM TO`: copies a graph between the stores, a node-link JSON file,
//! an SQLite database and a PostgreSQL database (each named as `--graph` takes them:
//! `.json` is JSON, `postgres://...` PostgreSQL, anything else SQLite). TO must not exist
//! (for PostgreSQL: must hold no graph yet); FROM is left as it is.

use std::path::{Path, PathBuf};

use actorgraph::Error;
use actorgraph::graph::{postgres, sqlite, store};

use super::{Outcome, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph to read (JSON file, SQLite database or PostgreSQL URL).
    pub from: PathBuf,
    /// The graph to write; must not exist. `.json` writes node-link JSON,
    /// `postgres://...` a PostgreSQL database that holds no graph yet, else SQLite.
    pub to: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let g = store::load(&args.from)?;
    if store::is_postgres(&args.to) {
        postgres::create(&g, &args.to)?;
        return done(&args, &g);
    }
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
    done(&args, &g)
}

fn done(args: &Args, g: &actorgraph::graph::Graph) -> anyhow::Result<Outcome> {
    output::print(&format!(
        "converted {} to {}: {} and {}\n",
        store::shown(&args.from),
        describe(&args.to),
        output::count(g.entity_count(), "entity", "entities"),
        output::count(g.edge_count(), "edge", "edges")
    ))?;
    Ok(Outcome::Done)
}

fn describe(path: &Path) -> String {
    let what = if store::is_postgres(path) {
        "PostgreSQL"
    } else if store::is_sqlite(path) {
        "SQLite"
    } else {
        "JSON"
    };
    format!("{} ({what})", store::shown(path))
}
