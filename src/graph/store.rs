//! Loading and saving the graph file: a lock so that concurrent writers lose nothing, and
//! atomic writes so that a reader or a crash never sees half a file.
//!
//! Writers call [`update`]: take the lock (`PATH.lock`, an OS file lock released when the
//! process ends, so a crash leaves no stale lock), load, change, write a temporary file
//! beside the graph, fsync it, rename it over the graph, fsync the directory, unlock.
//! Readers call [`load`] without the lock: the rename makes every read see a whole file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Graph;
use super::file::NodeLink;
use crate::Error;

/// Where the graph lives when neither `--graph` nor [`ENV_VAR`] says otherwise, relative
/// to the current directory.
pub const DEFAULT_PATH: &str = "graphs/actorgraph.json";
/// The environment variable naming the graph file.
pub const ENV_VAR: &str = "ACTORGRAPH_GRAPH";
/// How long a writer waits for the lock by default.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// The environment variable that raises (or lowers) [`DEFAULT_MAX_BYTES`], in bytes.
pub const MAX_BYTES_VAR: &str = "ACTORGRAPH_MAX_GRAPH_BYTES";
/// The largest graph file [`load`] reads unless [`MAX_BYTES_VAR`] says otherwise: 4 GiB.
/// A bound, so that a wrong `--graph` (`/dev/zero`, a disk image) fails at once instead of
/// filling memory.
pub const DEFAULT_MAX_BYTES: u64 = 4 << 30;

/// The size limit of graph files: [`MAX_BYTES_VAR`] if set, else [`DEFAULT_MAX_BYTES`].
pub fn max_bytes() -> Result<u64, Error> {
    match std::env::var(MAX_BYTES_VAR) {
        Err(_) => Ok(DEFAULT_MAX_BYTES),
        Ok(v) => v.trim().parse::<u64>().map_err(|_| {
            Error::Invalid(format!(
                "{MAX_BYTES_VAR} is '{v}', not a number of bytes (such as 8589934592 for 8 GiB)"
            ))
        }),
    }
}

/// Reads a graph file, checked as `import` checks its lines (see
/// [`Graph::from_node_link`]). A missing file is [`Error::NoGraph`]; a path that is not a
/// regular file, or a file over [`max_bytes`], is refused before anything is read.
pub fn load(path: &Path) -> Result<Graph, Error> {
    load_with_limit(path, max_bytes()?)
}

/// [`load`] with an explicit size limit in bytes.
pub fn load_with_limit(path: &Path, limit: u64) -> Result<Graph, Error> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::NoGraph(path.to_path_buf()));
        }
        Err(e) => return Err(Error::io("read", path, e)),
    };
    let in_file = |message: String| Error::InFile {
        path: path.display().to_string(),
        message,
    };
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "a device, pipe or socket"
        };
        return Err(in_file(format!(
            "not a graph file: it is {what}, not a regular file; give a .json file with --graph"
        )));
    }
    let too_large = |size: u64| {
        in_file(format!(
            "{} is larger than the limit of {} for graph files; set {MAX_BYTES_VAR} to raise it",
            human_bytes(size),
            human_bytes(limit)
        ))
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    // The file may grow between the check and the read: read at most one byte past the limit.
    let file = File::open(path).map_err(|e| Error::io("read", path, e))?;
    let mut text = String::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_string(&mut text)
        .map_err(|e| Error::io("read", path, e))?;
    if text.len() as u64 > limit {
        return Err(too_large(text.len() as u64));
    }
    let file: NodeLink = serde_json::from_str(&text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        in_file(format!("line {}: {msg}", e.line()))
    })?;
    // The text is no longer needed: free it before the graph and its indexes are built.
    drop(text);
    Graph::from_node_link(file).map_err(|e| in_file(e.to_string()))
}

/// `1234 bytes`, or `4.0 GiB (4294967296 bytes)`.
fn human_bytes(n: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    match UNITS.iter().find(|(_, size)| n >= *size) {
        Some((unit, size)) => format!("{:.1} {unit} ({n} bytes)", n as f64 / *size as f64),
        None => format!("{n} bytes"),
    }
}

/// Writes a graph file atomically (temporary file, fsync, rename). Creates the directory
/// if needed. Callers that read-modify-write should hold the [`Lock`] (see [`update`]).
pub fn save(graph: &Graph, path: &Path) -> Result<(), Error> {
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".actorgraph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    // Temporary files are private (0600); the graph keeps its mode, or gets 0644 if new.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io("set permissions of", tmp.path().to_path_buf(), e))?;
    }
    // Streamed: the file is never held in memory, which would double the peak of a save.
    {
        let write_error = |e| Error::io("write", tmp.path().to_path_buf(), e);
        let mut out = io::BufWriter::with_capacity(1 << 16, tmp.as_file());
        graph
            .write_node_link(&graph_name(path), &mut out)
            .map_err(|e| match e.is_io() {
                true => write_error(e.into()),
                false => Error::Invalid(format!("cannot encode the graph: {e}")),
            })?;
        out.flush()
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(write_error)?;
    }
    tmp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    // The rename is durable only once the directory is synced; not every platform can.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The graph's name in its file: the file stem.
fn graph_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "actorgraph".into())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The lock file beside a graph file: `PATH.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

/// An exclusive lock on a graph file, released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the exclusive lock on a graph file, waiting up to `timeout`.
pub fn lock(path: &Path, timeout: Duration) -> Result<Lock, Error> {
    let lock = lock_path(path);
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .map_err(|e| Error::io("open lock file", &lock, e))?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= timeout {
                    return Err(Error::Locked {
                        path: path.to_path_buf(),
                        lock,
                        waited_secs: start.elapsed().as_secs_f64(),
                    });
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io("lock", &lock, e)),
        }
    }
}

/// What [`update`] returns: the change's result, and whether the file was made by it.
#[derive(Debug)]
pub struct Updated<T> {
    pub value: T,
    /// The graph file did not exist: the change was made to an empty graph and saved as a
    /// new file.
    pub created: bool,
}

/// Read-modify-write under the lock: loads the graph (a missing file is an empty graph,
/// created by the save), runs `change`, and saves only if `change` succeeded, so a failed
/// change leaves the file untouched (and creates none).
pub fn update<T>(
    path: &Path,
    timeout: Duration,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<Updated<T>, Error> {
    let _lock = lock(path, timeout)?;
    let (mut graph, created) = match load(path) {
        Ok(g) => (g, false),
        Err(Error::NoGraph(_)) => (Graph::new(), true),
        Err(e) => return Err(e),
    };
    let value = change(&mut graph)?;
    save(&graph, path)?;
    Ok(Updated { value, created })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType};

    #[test]
    fn missing_file_is_refused_by_load_and_created_by_update() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/g.json");
        assert!(matches!(load(&path), Err(Error::NoGraph(_))));
        let done = update(&path, DEFAULT_LOCK_TIMEOUT, |g| {
            g.add_entity(Entity::new("Iran", EntityType::State));
            Ok(())
        })
        .unwrap();
        assert!(done.created);
        let again = update(&path, DEFAULT_LOCK_TIMEOUT, |_| Ok(())).unwrap();
        assert!(!again.created);
        let g = load(&path).unwrap();
        assert_eq!(g.entity_count(), 1);
        assert!(g.is_manual(&g.resolve("iran").unwrap()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }

    #[test]
    fn failed_change_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        fs::write(&path, "{}").unwrap();
        let r = update(&path, DEFAULT_LOCK_TIMEOUT, |_| Ok(()));
        assert_eq!(
            r.unwrap_err().to_string(),
            format!("{}: line 1: missing field `directed`", path.display())
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
    }

    #[test]
    fn a_failed_change_creates_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let r: Result<Updated<()>, _> = update(&path, DEFAULT_LOCK_TIMEOUT, |_| {
            Err(Error::Invalid("no".into()))
        });
        assert!(r.is_err());
        assert!(!path.exists());
    }

    #[test]
    fn files_over_the_limit_and_non_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        fs::write(&path, "{}").unwrap();
        assert_eq!(
            load_with_limit(&path, 1).unwrap_err().to_string(),
            format!(
                "{}: 2 bytes is larger than the limit of 1 bytes for graph files; set {MAX_BYTES_VAR} to raise it",
                path.display()
            )
        );
        let err = load_with_limit(dir.path(), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.contains("it is a directory"), "{err}");
    }

    #[test]
    fn a_held_lock_times_out_with_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let _held = lock(&path, DEFAULT_LOCK_TIMEOUT).unwrap();
        let err = lock(&path, Duration::from_millis(50)).unwrap_err();
        assert!(matches!(err, Error::Locked { .. }), "{err}");
    }
}
