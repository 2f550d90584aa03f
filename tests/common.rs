//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

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
/// against the JSON file store.
pub fn graph_name() -> &'static str {
    match std::env::var("ACTORGRAPH_TEST_STORE").as_deref() {
        Ok("json") => "g.json",
        _ => "g.db",
    }
}

/// A temporary directory and the path of a graph ([`graph_name`]) in it, not created yet.
pub fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join(graph_name());
    (dir, graph)
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
    let graph = dir.path().join(name);
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
