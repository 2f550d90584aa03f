//! The graph file under concurrent writers, locks and corrupt files.

use std::fs;

use actorgraph::graph::store;

use crate::common::{cmd, error_line, json};

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let bin = assert_cmd::cargo::cargo_bin("actorgraph");
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(&bin)
                .args([
                    "add",
                    &format!("Actor {i}"),
                    "supports",
                    "Target",
                    "--evidence",
                    &format!("s{i}"),
                ])
                .env("ACTORGRAPH_GRAPH", &g)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let s: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(s["edges"], 8);
    assert_eq!(s["entities"], 9);
}

#[test]
fn a_held_lock_gives_a_clear_error_and_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    cmd(&g)
        .args(["add", "A", "supports", "B"])
        .assert()
        .success();
    let before = fs::read(&g).unwrap();
    let _held = store::lock(&g, None, || ()).unwrap();
    let line = error_line(
        cmd(&g)
            .env("ACTORGRAPH_LOCK_TIMEOUT", "0.2")
            .args(["add", "C", "supports", "D"]),
    );
    let prefix = format!(
        "actorgraph: graph {} is locked by another actorgraph process (waited 0.",
        g.display()
    );
    assert!(line.starts_with(&prefix), "{line}");
    assert!(
        line.ends_with(&format!(
            "s on {}.lock); try again when it has finished",
            g.display()
        )),
        "{line}"
    );
    assert_eq!(fs::read(&g).unwrap(), before);
}

#[test]
fn corrupt_or_newer_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let cases = [
        (
            "not json",
            "{\n  \"directed\": tru\n}",
            "line 3: expected ident".to_string(),
        ),
        (
            "newer",
            r#"{"directed":true,"multigraph":true,"graph":{"schema_version":99},"nodes":[],"edges":[]}"#,
            "schema_version 99 is newer than this actorgraph reads (1); upgrade actorgraph"
                .to_string(),
        ),
        (
            "dangling edge",
            r#"{"directed":true,"multigraph":true,"graph":{"schema_version":1},"nodes":[],"edges":[{"source":"a","target":"b","key":"supports","relation":"supports","evidence":[{"doc":"d","producer":"manual"}]}]}"#,
            // the line where the edge ends: read after the nodes, it is checked against them
            "line 1: edge a -supports-> b names unknown node 'a'".to_string(),
        ),
    ];
    for (name, text, want) in cases {
        fs::write(&g, text).unwrap();
        assert_eq!(
            error_line(cmd(&g).args(["add", "A", "supports", "B"])),
            format!("actorgraph: {}: {want}", g.display()),
            "case {name}"
        );
        assert_eq!(
            error_line(cmd(&g).arg("stats")),
            format!("actorgraph: {}: {want}", g.display())
        );
        assert_eq!(fs::read_to_string(&g).unwrap(), text, "case {name}");
    }
}

#[test]
fn graph_flag_beats_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let (env, flag) = (dir.path().join("env.json"), dir.path().join("flag.json"));
    cmd(&env)
        .args(["add", "A", "supports", "B", "--graph"])
        .arg(&flag)
        .assert()
        .success();
    assert!(flag.exists() && !env.exists());
}
