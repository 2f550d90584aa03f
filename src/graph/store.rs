//! Loading and saving the graph file: a lock so that concurrent writers lose nothing, and
//! atomic writes so that a reader or a crash never sees half a file.
//!
//! Writers call [`update`]: take the lock (`PATH.lock`, an OS file lock released when the
//! process ends, so a crash leaves no stale lock), load, change, write a temporary file
//! beside the graph, fsync it, rename it over the graph, fsync the directory, unlock.
//! Readers call [`load`] without the lock: the rename makes every read see a whole file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
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

/// Reads a graph file. A missing file is an empty graph.
pub fn load(path: &Path) -> Result<Graph, Error> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Graph::new()),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    let in_file = |message: String| Error::InFile {
        path: path.display().to_string(),
        message,
    };
    let file: NodeLink = serde_json::from_str(&text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        in_file(format!("line {}: {msg}", e.line()))
    })?;
    // The text is no longer needed: free it before the graph and its indexes are built.
    drop(text);
    Graph::from_node_link(file).map_err(|e| in_file(e.to_string()))
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

/// Read-modify-write under the lock: loads the graph, runs `change`, and saves only if
/// `change` succeeded, so a failed change leaves the file untouched.
pub fn update<T>(
    path: &Path,
    timeout: Duration,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<T, Error> {
    let _lock = lock(path, timeout)?;
    let mut graph = load(path)?;
    let out = change(&mut graph)?;
    save(&graph, path)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType};

    #[test]
    fn missing_file_is_empty_and_save_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/g.json");
        assert_eq!(load(&path).unwrap().entity_count(), 0);
        update(&path, DEFAULT_LOCK_TIMEOUT, |g| {
            g.add_entity(Entity::new("Iran", EntityType::State));
            Ok(())
        })
        .unwrap();
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
        let r: Result<(), _> = update(&path, DEFAULT_LOCK_TIMEOUT, |_| Ok(()));
        assert_eq!(
            r.unwrap_err().to_string(),
            format!("{}: line 1: missing field `directed`", path.display())
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
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
