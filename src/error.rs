//! The library's one error type. Every variant says where the problem is.

use std::path::PathBuf;

/// Everything that can go wrong in the library. Messages start lowercase and name the
/// offending value; the binary prints them on one line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value given by the user or a file is not valid (a relation, a date, a kind).
    #[error("{0}")]
    Invalid(String),
    /// A problem at a line of a file (`FILE:LINE: what is wrong`).
    #[error("{path}:{line}: {message}")]
    AtLine {
        path: String,
        line: usize,
        message: String,
    },
    /// A problem with a whole file (`FILE: what is wrong`).
    #[error("{path}: {message}")]
    InFile { path: String, message: String },
    /// A reading command was pointed at a graph file that does not exist.
    #[error("no graph at {} (ingest, import or add create one)", .0.display())]
    NoGraph(PathBuf),
    /// A name that matches no entity, with the closest known names if there are any.
    #[error("no entity '{name}'{}", did_you_mean(.suggestions))]
    UnknownEntity {
        name: String,
        suggestions: Vec<String>,
    },
    /// A name that matches several entities: each as `id 'name' (type, country)`.
    #[error("'{name}' names more than one entity: {}; give the id or the full name", .candidates.join("; "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    /// Another process holds the graph's lock file and did not release it in time.
    #[error("graph {} is locked by another actorgraph process (waited {waited_secs:.1}s on {}); try again when it has finished", .path.display(), .lock.display())]
    Locked {
        path: PathBuf,
        lock: PathBuf,
        waited_secs: f64,
    },
    /// Graphviz `dot` is missing or failed.
    #[error("{0}")]
    Graphviz(String),
    /// Reading or writing a file failed.
    #[error("cannot {action} {}: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

/// ` (did you mean 'A', 'B' or 'C'?)`, or nothing.
fn did_you_mean(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!(" (did you mean {one}?)"),
        [rest @ .., last] => format!(" (did you mean {} or {last}?)", rest.join(", ")),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
