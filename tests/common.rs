//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use actorgraph::graph::store;

use assert_cmd::Command;

/// The real binary with the graph file set through the environment.
pub fn cmd(graph: &Path) -> Command {
    let mut c = Command::cargo_bin("actorgraph").unwrap();
    c.env("ACTORGRAPH_GRAPH", graph)
        .env_remove("ACTORGRAPH_LOCK_TIMEOUT");
    c
}

/// The real binary as a plain process, for a run in the background beside others; the
/// environment as [`cmd`] sets it.
pub fn process(graph: &Path) -> StdCommand {
    let mut c = StdCommand::new(assert_cmd::cargo::cargo_bin("actorgraph"));
    c.env("ACTORGRAPH_GRAPH", graph)
        .env_remove("ACTORGRAPH_LOCK_TIMEOUT");
    c
}

/// The graph file name the tests that do not care about the store use: `g.db` (SQLite,
/// the default store), or `g.json` when `ACTORGRAPH_TEST_STORE=json` runs the suite
/// against the JSON file store. With `ACTORGRAPH_TEST_STORE=postgres`, [`scratch`] and
/// [`example`] give a PostgreSQL URL instead ([`pg_graph`]).
pub fn graph_name() -> &'static str {
    match store().as_deref() {
        Some("json") => "g.json",
        _ => "g.db",
    }
}

fn store() -> Option<String> {
    std::env::var("ACTORGRAPH_TEST_STORE").ok()
}

/// A temporary directory and the path of a graph ([`graph_name`]) in it, not created yet;
/// with `ACTORGRAPH_TEST_STORE=postgres`, the URL of a new empty database.
pub fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let graph = match store().as_deref() {
        Some("postgres") => pg_graph().expect("ACTORGRAPH_TEST_STORE=postgres needs pg_ctl"),
        _ => dir.path().join(graph_name()),
    };
    (dir, graph)
}

/// What the graph holds, to compare before and after a command that must not change it:
/// a file's bytes, or a database's graph exported as JSON.
pub fn snapshot(graph: &Path) -> Vec<u8> {
    if store::is_postgres(graph) {
        return cmd(graph)
            .args(["export", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
    }
    std::fs::read(graph).unwrap()
}

/// A throwaway PostgreSQL server for the test run: a cluster in a temporary directory,
/// listening only on a socket there. Started once per test process; a watcher process
/// stops it and removes the directory when the test process has exited.
pub struct PgServer {
    dir: PathBuf,
    next: AtomicUsize,
}

static PG: OnceLock<Option<PgServer>> = OnceLock::new();

/// `pg_ctl`'s directory: on PATH, else Debian's /usr/lib/postgresql/VERSION/bin.
fn pg_bin() -> Option<PathBuf> {
    if let Ok(out) = StdCommand::new("sh")
        .args(["-c", "command -v pg_ctl"])
        .output()
        && out.status.success()
    {
        let p = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        return p.parent().map(Path::to_path_buf);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|b| b.join("pg_ctl").is_file())
        .collect();
    found.sort();
    found.pop()
}

/// A command run as a user that PostgreSQL accepts: itself, or `postgres` when root
/// (initdb refuses to run as root).
fn as_pg_user(program: &Path) -> StdCommand {
    let root = StdCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if root {
        let mut c = StdCommand::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        StdCommand::new(program)
    }
}

impl PgServer {
    /// The server of this test process, started on first use; `None` (with `skipped:`
    /// printed) when PostgreSQL is not installed.
    pub fn get() -> Option<&'static PgServer> {
        let server = PG.get_or_init(|| {
            let Some(bin) = pg_bin() else {
                eprintln!(
                    "skipped: pg_ctl not found (install PostgreSQL: apt-get install postgresql)"
                );
                return None;
            };
            Some(PgServer::start(&bin))
        });
        if server.is_none() {
            eprintln!("skipped: pg_ctl not found");
        }
        server.as_ref()
    }

    fn start(bin: &Path) -> PgServer {
        let dir = tempfile::Builder::new()
            .prefix("actorgraph-pg.")
            .tempdir()
            .unwrap()
            .keep();
        // owned by the user that runs the server (postgres, when the tests run as root)
        let _ = StdCommand::new("chown").arg("postgres").arg(&dir).output();
        let data = dir.join("data");
        let run = |c: &mut StdCommand, what: &str| {
            let out = c.output().unwrap();
            assert!(
                out.status.success(),
                "{what}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        run(
            as_pg_user(&bin.join("initdb")).arg("-D").arg(&data).args([
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]),
            "initdb",
        );
        run(
            as_pg_user(&bin.join("pg_ctl"))
                .arg("-D")
                .arg(&data)
                .arg("-o")
                .arg(format!("-k {} -c listen_addresses=''", dir.display()))
                .arg("-l")
                .arg(dir.join("log"))
                .args(["start", "-w"]),
            "pg_ctl start",
        );
        // stops the server once this process is gone, however it ends
        let watcher = format!(
            "while [ -d /proc/{pid} ]; do sleep 1; done; \
             {pg_ctl} -D {data} stop -m immediate >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            pg_ctl = bin.join("pg_ctl").display(),
            data = data.display(),
            dir = dir.display(),
        );
        // it outlives this process by design: never waited for
        #[allow(clippy::zombie_processes)]
        let _watcher = as_pg_user(Path::new("sh"))
            .args(["-c", &watcher])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        PgServer {
            dir,
            next: AtomicUsize::new(0),
        }
    }

    /// The URL of database `db` on this server.
    pub fn url(&self, db: &str) -> PathBuf {
        PathBuf::from(format!(
            "postgresql:///{db}?host={}&user=postgres",
            self.dir.display()
        ))
    }

    /// A client of database `db`.
    pub fn client(&self, db: &str) -> postgres::Client {
        postgres::Client::connect(self.url(db).to_str().unwrap(), postgres::NoTls).unwrap()
    }

    /// A new empty database; returns its URL.
    pub fn database(&self) -> PathBuf {
        let n = self.next.fetch_add(1, Ordering::SeqCst);
        let db = format!("g{n}");
        self.client("postgres")
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .unwrap();
        self.url(&db)
    }
}

/// The URL of a new empty database on the test server, `None` (a skip, printed) when
/// PostgreSQL is not installed.
pub fn pg_graph() -> Option<PathBuf> {
    PgServer::get().map(PgServer::database)
}

pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A temporary directory with the example graph imported and its aliases added, the way
/// graphs/README.md builds it.
pub fn example() -> (tempfile::TempDir, PathBuf) {
    example_in(graph_name())
}

/// [`example`] in the JSON file store (`g.json`), for tests of that file itself.
pub fn example_json() -> (tempfile::TempDir, PathBuf) {
    example_in("g.json")
}

/// [`scratch`] in the JSON file store (`g.json`).
pub fn scratch_json() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.json");
    (dir, graph)
}

fn example_in(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let graph = match store().as_deref() {
        Some("postgres") if name != "g.json" => {
            pg_graph().expect("ACTORGRAPH_TEST_STORE=postgres needs pg_ctl")
        }
        _ => dir.path().join(name),
    };
    cmd(&graph)
        .arg("import")
        .arg(repo("graphs/example.jsonl"))
        .assert()
        .success();
    for (e, a) in [
        ("Hayat Tahrir al-Sham", "HTS"),
        ("Bashar al-Assad", "Assad"),
        ("Abu Mohammed al-Jolani", "Ahmed al-Sharaa"),
        ("Russia", "Moscow"),
        ("Iran", "Tehran"),
        ("Turkey", "Ankara"),
    ] {
        cmd(&graph).args(["alias", e, a]).assert().success();
    }
    (dir, graph)
}

/// stdout of a successful run.
pub fn stdout(c: &mut Command) -> String {
    String::from_utf8(c.assert().success().get_output().stdout.clone()).expect("stdout is UTF-8")
}

/// stdout of a successful run, decoded from JSON into a test-side type.
pub fn json<T: serde::de::DeserializeOwned>(c: &mut Command) -> T {
    let out = c.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out)))
}

/// What `stats --format json` says of the graph.
pub fn stats(graph: &Path) -> serde_json::Value {
    json(cmd(graph).args(["stats", "--format", "json"]))
}

/// The one stderr line of a failed run with exit 2.
pub fn error_line(c: &mut Command) -> String {
    let out = c.assert().code(2).get_output().clone();
    assert!(out.stdout.is_empty(), "no stdout on error");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err.trim_end().to_string()
}

/// Whether a program is on PATH; prints why a test is skipped if not.
pub fn have(program: &str, args: &[&str], why: &str) -> bool {
    let ok = StdCommand::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: {why}");
    }
    ok
}

/// Renders DOT with real Graphviz; returns (success, stderr).
pub fn render_dot(dot: &str) -> (bool, String) {
    use std::io::Write;
    let mut child = StdCommand::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
