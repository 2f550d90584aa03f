//! import: statement lines from files and stdin, all or nothing.

use std::fs;

use serde::Deserialize;

use crate::common::{cmd, error_line, json};

#[derive(Deserialize)]
struct Stats {
    entities: usize,
    edges: usize,
    evidence: usize,
}

const GOOD: &str = r#"{"source": "Iran", "relation": "supports", "target": "Hezbollah", "evidence": "Iran's proxy Hezbollah", "doc": "a", "date": "2024-12-01"}
{"source": "HTS", "relation": "controls", "target": "Hama", "target_type": "city", "doc": "b"}
"#;

#[test]
fn import_reads_a_file_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let input = dir.path().join("in.jsonl");
    fs::write(&input, GOOD).unwrap();
    let out = cmd(&g)
        .arg("import")
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!(
            "imported 2 statements from {}: 2 new, 0 already known; {} now has 4 entities and 2 edges\n",
            input.display(),
            g.display()
        )
    );
    cmd(&g).arg("import").arg(&input).assert().success();
    let s: Stats = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!((s.entities, s.edges, s.evidence), (4, 2, 2));
}

#[test]
fn import_reads_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    cmd(&g)
        .args(["import", "-"])
        .write_stdin(GOOD)
        .assert()
        .success();
    let s: Stats = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(s.edges, 2);
}

#[test]
fn a_bad_line_names_file_and_line_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    cmd(&g)
        .args(["add", "Russia", "supports", "Assad"])
        .assert()
        .success();
    let before = fs::read(&g).unwrap();
    let input = dir.path().join("bad.jsonl");
    let name = input.display().to_string();
    let cases = [
        (
            "bad relation",
            "{\"source\":\"a\",\"relation\":\"backs\",\"target\":\"b\"}",
            format!(
                "actorgraph: {name}:3: unknown relation 'backs' (expected supports, opposes, meets-with or controls)"
            ),
        ),
        (
            "bad json",
            "{\"source\":\"a\",",
            format!("actorgraph: {name}:3: EOF while parsing a value"),
        ),
        (
            "bad date",
            "{\"source\":\"a\",\"relation\":\"supports\",\"target\":\"b\",\"date\":\"2024-02-30\"}",
            format!("actorgraph: {name}:3: bad date '2024-02-30' (expected YYYY-MM-DD)"),
        ),
    ];
    for (case, line, want) in cases {
        fs::write(&input, format!("{GOOD}{line}\n")).unwrap();
        assert_eq!(
            error_line(cmd(&g).arg("import").arg(&input)),
            want,
            "case {case}"
        );
        assert_eq!(
            fs::read(&g).unwrap(),
            before,
            "case {case}: graph untouched"
        );
    }
    assert_eq!(
        error_line(cmd(&g).args(["import", "-"]).write_stdin("{}\n")),
        "actorgraph: stdin:1: missing field `source`"
    );
}

#[test]
fn a_missing_input_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let missing = dir.path().join("nope.jsonl");
    assert_eq!(
        error_line(cmd(&g).arg("import").arg(&missing)),
        format!(
            "actorgraph: cannot read {}: No such file or directory (os error 2)",
            missing.display()
        )
    );
    assert!(!g.exists());
}

#[test]
fn aliases_on_a_line_name_the_same_entity_in_later_lines() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let input = dir.path().join("in.jsonl");
    fs::write(
        &input,
        r#"{"source": "Burundian army", "source_aliases": ["Burundian troops"], "relation": "opposes", "target": "RED-Tabara", "doc": "a"}
{"source": "M23", "relation": "opposes", "target": "Burundian troops", "doc": "b"}
"#,
    )
    .unwrap();
    cmd(&g).arg("import").arg(&input).assert().success();
    let s: Stats = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(
        (s.entities, s.edges),
        (3, 2),
        "Burundian troops is the Burundian army"
    );
}
