//! Loading and saving the graph file: a lock so that concurrent writers lose nothing, and
//! atomic writes so that a reader or a crash never sees half a file.
//!
//! Writers call [`update`]: take the lock (`PATH.lock`, an OS file lock released when the
//! process ends, so a crash leaves no stale lock), remove temporary files that a killed
//! writer left, load, change, write a temporary file beside the graph (`.NAME.XXXXXX.tmp`),
//! fsync it, rename it over the graph, fsync the directory, remove the lock file, unlock.
//! Readers call [`load`] without the lock: the rename makes every read see a whole file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::collections::BTreeSet;

use super::Graph;
use super::file::NodeLink;
pub use super::part::Keys;
use super::part::Reader;
pub use super::part::Walk;
use super::query::{PathQuery, Stats};
use crate::Error;
use crate::model::Relation;

/// Where the graph lives when neither `--graph` nor [`ENV_VAR`] says otherwise, relative
/// to the current directory.
pub const DEFAULT_PATH: &str = "graphs/actorgraph.db";
/// The environment variable naming the graph file.
pub const ENV_VAR: &str = "ACTORGRAPH_GRAPH";

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

/// Whether the graph at `path` is (or, new, will be) an SQLite database rather than a
/// node-link JSON file: an existing file by its first bytes (a file that is not a
/// database is JSON unless it is called `.db`, `.sqlite` or `.sqlite3`); a new one by its
/// name (only `.json` makes a JSON file).
pub fn is_sqlite(path: &Path) -> bool {
    if is_postgres(path) {
        return false;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if path.is_file() {
        super::sqlite::is_database(path)
            || matches!(ext.as_deref(), Some("db" | "sqlite" | "sqlite3"))
    } else {
        ext.as_deref() != Some("json")
    }
}

/// Whether the graph is a PostgreSQL database: `postgres://...` or `postgresql://...`
/// ([`super::postgres`]).
pub fn is_postgres(path: &Path) -> bool {
    super::postgres::is_url(path)
}

/// How a graph is named in messages: a file as it is, a PostgreSQL URL without its
/// password.
pub fn shown(path: &Path) -> String {
    super::postgres::shown(path)
}

/// What part of a graph a query reads (see [`load_part`]).
#[derive(Clone, Debug)]
pub enum Part<'a> {
    /// The entities within `depth` steps of the named ones, walking `relations` (all when
    /// `None`) the `walk` way, with the edges walked and those between the named ones;
    /// `closed`: with every edge between two of the entities found.
    Around {
        names: Vec<&'a str>,
        depth: usize,
        relations: Option<&'a [Relation]>,
        walk: Walk,
        closed: bool,
    },
    /// What the paths from one name to another can visit: every path of at most
    /// `query.max_hops` hops (`all`), else every shortest path.
    Paths {
        from: &'a str,
        to: &'a str,
        query: &'a PathQuery,
        all: bool,
    },
}

/// The part of the graph a query needs. A JSON file is read whole; a database is read
/// through its indexes ([`super::part`]), unless a name in `part` is not the exact name,
/// alias or id of an entity: then it is read whole too, so that lexicon lookups, partial
/// names and suggestions work as on the whole graph.
pub fn load_part(path: &Path, part: &Part<'_>) -> Result<Graph, Error> {
    let r = if is_postgres(path) {
        super::postgres::reader(path)?
    } else if !path.is_file() || !is_sqlite(path) {
        return load(path);
    } else {
        match Reader::open(path)? {
            Some(r) => r,
            None => return Ok(Graph::new()),
        }
    };
    match part {
        Part::Around {
            names,
            depth,
            relations,
            walk,
            closed,
        } => {
            let mut seeds = Vec::new();
            for name in names {
                match r.lookup(name)? {
                    Some(n) => seeds.push(n),
                    None => return load(path),
                }
            }
            let (nodes, edges) = r.ball(&seeds, *depth, *relations, *walk, *closed)?;
            r.graph(&nodes, &edges)
        }
        Part::Paths {
            from,
            to,
            query,
            all,
        } => {
            let (Some(a), Some(b)) = (r.lookup(from)?, r.lookup(to)?) else {
                return load(path);
            };
            let rels = query.relations.as_deref();
            if a == b {
                return r.graph(&BTreeSet::from([a]), &BTreeSet::new());
            }
            if *all {
                return r.path_part(a, b, query.max_hops, rels, query.undirected);
            }
            match r.distance(a, b, rels, query.undirected, query.max_hops)? {
                None => r.graph(&BTreeSet::from([a, b]), &BTreeSet::new()),
                Some(d) => r.shortest_part(a, b, d, rels, query.undirected),
            }
        }
    }
}

/// Counts over the whole graph ([`Graph::stats`]): for a database, from the counts it
/// keeps, without reading the graph.
pub fn stats(path: &Path) -> Result<Stats, Error> {
    if is_postgres(path) {
        super::postgres::reader(path)?.stats()
    } else if path.is_file() && is_sqlite(path) {
        match Reader::open(path)? {
            Some(r) => r.stats(),
            None => Ok(Graph::new().stats()),
        }
    } else {
        Ok(load(path)?.stats())
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
    if is_postgres(path) {
        return super::postgres::load(path);
    }
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
    refuse_non_file(path, &meta)?;
    if is_sqlite(path) {
        // a database is read row by row: the size limit is for JSON files read whole
        return super::sqlite::load(path);
    }
    let raise = format!("set {MAX_BYTES_VAR} to raise it");
    if meta.len() > limit {
        return Err(in_file(format!(
            "{} is larger than the limit of {} for graph files; {raise}",
            human_bytes(meta.len()),
            human_bytes(limit)
        )));
    }
    // Parsed as it is read, so the file's text is never held whole beside what is parsed
    // from it. The metadata's size may be wrong (the file grew since, or is one of the
    // files that say 0, such as those in /proc): at most one byte past the limit is read,
    // which the parser then finds incomplete or too long.
    let file = File::open(path).map_err(|e| Error::io("read", path, e))?;
    let mut reader = io::BufReader::with_capacity(1 << 20, file.take(limit.saturating_add(1)));
    let parsed: Result<NodeLink, serde_json::Error> = serde_json::from_reader(&mut reader);
    if reader.get_ref().limit() == 0 {
        // the real size is unknown: reading stopped one byte past the limit
        return Err(in_file(format!(
            "it has more than the limit of {} for graph files (its metadata said {}); {raise}",
            human_bytes(limit),
            human_bytes(meta.len())
        )));
    }
    let file = parsed.map_err(|e| {
        if e.is_io() {
            return Error::io("read", path, io::Error::other(e.to_string()));
        }
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        in_file(format!("line {}: {msg}", e.line()))
    })?;
    Graph::from_node_link(file).map_err(|e| in_file(e.to_string()))
}

/// Refuses a graph path that is a directory, device, pipe or socket.
fn refuse_non_file(path: &Path, meta: &fs::Metadata) -> Result<(), Error> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a directory"
    } else {
        "a device, pipe or socket"
    };
    Err(Error::InFile {
        path: path.display().to_string(),
        message: format!(
            "not a graph file: it is {what}, not a regular file; give a .db or .json file with --graph"
        ),
    })
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
    if is_postgres(path) {
        return super::postgres::update(
            path,
            None,
            || (),
            |g| {
                *g = graph.clone();
                Ok(())
            },
        )
        .map(|_| ());
    }
    if is_sqlite(path) {
        // one transaction that makes the database hold this graph, writing what differs
        return super::sqlite::update(path, |g| {
            *g = graph.clone();
            Ok(())
        })
        .map(|_| ());
    }
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(&temporary_prefix(path))
        .rand_bytes(TEMPORARY_RAND)
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

/// The graph's name in its file and exports: the file stem, or the PostgreSQL database's
/// name.
pub fn graph_name(path: &Path) -> String {
    super::sqlite::graph_name(path)
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

/// Random characters in the name of a temporary graph file.
const TEMPORARY_RAND: usize = 6;

/// The start of the names of a graph's temporary files: `.NAME.` for the graph file NAME.
fn temporary_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    format!(".{}.", name.as_deref().unwrap_or("actorgraph"))
}

/// Whether `file_name` is a temporary file [`save`] makes for the graph at `path`:
/// `.NAME.` then exactly [`TEMPORARY_RAND`] letters or digits then `.tmp` (so that the
/// temporaries of a graph called `NAME.x` are not taken for those of `NAME`).
fn is_temporary_of(path: &Path, file_name: &str) -> bool {
    file_name
        .strip_prefix(&temporary_prefix(path))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|r| r.len() == TEMPORARY_RAND && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes the temporary files that a writer of this graph killed before its rename left
/// beside it; returns how many. Call with the graph's [`Lock`] held: only its holder
/// writes temporaries for this graph, so any that exist are stale.
pub fn remove_stale_temporaries(path: &Path, _held: &Lock) -> usize {
    let Ok(entries) = fs::read_dir(parent(path)) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| is_temporary_of(path, &e.file_name().to_string_lossy()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// An exclusive lock on a graph file, released when dropped. The lock file is removed
/// while the lock is still held, so none is left beside the graph once writers are done
/// (a killed writer's file stays until the next writer takes and removes it).
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only on Unix, where a waiter checks that the path still names the file it locked.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether the lock file `file`, locked, is still the file at `path`: a writer that was
/// waiting on a file that the previous holder has since removed must open the path again.
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// How long a writer waits for the lock before it calls its `waiting` (see [`lock`]): a
/// short wait is not worth a message.
pub const WAIT_MESSAGE_AFTER: Duration = Duration::from_secs(1);

/// Takes the exclusive lock on a graph file. While another process holds it, waits, and
/// once it has waited [`WAIT_MESSAGE_AFTER`] calls `waiting` (once): for ever if `timeout` is `None`, else at most `timeout`,
/// then fails with [`Error::Locked`].
pub fn lock(path: &Path, timeout: Option<Duration>, waiting: impl FnOnce()) -> Result<Lock, Error> {
    let lock = lock_path(path);
    let dir = parent(path);
    fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    let start = Instant::now();
    let mut waiting = Some(waiting);
    loop {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)
            .map_err(|e| Error::io("open lock file", &lock, e))?;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {
                    if timeout.is_some_and(|t| start.elapsed() >= t) {
                        return Err(Error::Locked {
                            path: path.to_path_buf(),
                            lock,
                            waited_secs: start.elapsed().as_secs_f64(),
                        });
                    }
                    if start.elapsed() >= WAIT_MESSAGE_AFTER
                        && let Some(w) = waiting.take()
                    {
                        w();
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(Error::io("lock", &lock, e));
                }
            }
        }
        if still_at(&file, &lock) {
            return Ok(Lock {
                _file: file,
                path: lock,
            });
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

/// Read-modify-write under the lock (see [`lock`] for `timeout` and `waiting`): removes
/// stale temporaries, loads the graph (a missing file is an empty graph,
/// created by the save), runs `change`, and saves only if `change` succeeded, so a failed
/// change leaves the file untouched (and creates none).
pub fn update<T>(
    path: &Path,
    timeout: Option<Duration>,
    waiting: impl FnOnce(),
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<Updated<T>, Error> {
    if is_postgres(path) {
        let (value, created) = super::postgres::update(path, timeout, waiting, change)?;
        return Ok(Updated { value, created });
    }
    if let Ok(meta) = fs::metadata(path) {
        refuse_non_file(path, &meta)?;
    }
    let lock = lock(path, timeout, waiting)?;
    if is_sqlite(path) {
        let (value, created) = super::sqlite::update(path, change)?;
        drop(lock);
        return Ok(Updated { value, created });
    }
    remove_stale_temporaries(path, &lock);
    let (mut graph, created) = match load(path) {
        Ok(g) => (g, false),
        Err(Error::NoGraph(_)) => (Graph::new(), true),
        Err(e) => return Err(e),
    };
    let value = change(&mut graph)?;
    save(&graph, path)?;
    Ok(Updated { value, created })
}

/// [`update`] for a change that only adds statements and replaces documents' evidence
/// (`ingest`, `import`): on a database, reads and writes only the part of the graph that
/// `keys` names ([`super::sqlite::update_part`]); a JSON file is read whole.
pub fn update_part<T>(
    path: &Path,
    timeout: Option<Duration>,
    waiting: impl FnOnce(),
    keys: impl Fn(&Graph) -> Keys,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<Updated<T>, Error> {
    if is_postgres(path) {
        let (value, created) = super::postgres::update_part(path, timeout, waiting, keys, change)?;
        return Ok(Updated { value, created });
    }
    if !is_sqlite(path) {
        return update(path, timeout, waiting, change);
    }
    if let Ok(meta) = fs::metadata(path) {
        refuse_non_file(path, &meta)?;
    }
    let lock = lock(path, timeout, waiting)?;
    let (value, created) = super::sqlite::update_part(path, keys, change)?;
    drop(lock);
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
        let done = update(
            &path,
            None,
            || (),
            |g| {
                g.add_entity(Entity::new("Iran", EntityType::State));
                Ok(())
            },
        )
        .unwrap();
        assert!(done.created);
        let again = update(&path, None, || (), |_| Ok(())).unwrap();
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
        let r = update(&path, None, || (), |_| Ok(()));
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
        let r: Result<Updated<()>, _> =
            update(&path, None, || (), |_| Err(Error::Invalid("no".into())));
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
        let held = lock(&path, None, || ()).unwrap();
        let mut told = 0;
        let err = lock(&path, Some(Duration::from_millis(50)), || told += 1).unwrap_err();
        assert!(matches!(err, Error::Locked { .. }), "{err}");
        assert_eq!(told, 0, "a short wait is not worth a message");
        let err = lock(&path, Some(WAIT_MESSAGE_AFTER * 2), || told += 1).unwrap_err();
        assert!(matches!(err, Error::Locked { .. }), "{err}");
        assert_eq!(told, 1, "a long wait is told once");
        assert!(lock_path(&path).exists());
        drop(held);
        assert!(!lock_path(&path).exists(), "no lock file is left");
    }

    #[test]
    fn a_waiter_gets_the_lock_when_the_holder_lets_go_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let held = lock(&path, None, || ()).unwrap();
        let p = path.clone();
        let waiter = std::thread::spawn(move || {
            let l = lock(&p, Some(Duration::from_secs(20)), || ()).unwrap();
            assert!(lock_path(&p).exists());
            drop(l);
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(held);
        waiter.join().unwrap();
        assert!(!lock_path(&path).exists());
    }

    #[test]
    fn stale_temporaries_of_this_graph_are_removed_and_no_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        let stale = dir.path().join(".g.json.a1B2c3.tmp");
        let others = [
            ".g.json.x.abcdef.tmp",
            ".h.json.a1B2c3.tmp",
            "g.json.a1B2c3.tmp",
            ".g.json.abc.tmp",
        ];
        fs::write(&stale, "{").unwrap();
        for o in others {
            fs::write(dir.path().join(o), "x").unwrap();
        }
        update(&path, None, || (), |_| Ok(())).unwrap();
        assert!(!stale.exists());
        for o in others {
            assert!(dir.path().join(o).exists(), "{o} is not this graph's");
        }
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".g.json."))
            .collect();
        assert_eq!(
            names.len(),
            2,
            "save left no temporary of its own: {names:?}"
        );
    }
}
