//! Roll-up (`--level organization|state` on `path`, `backers`, `export`, `render`): people
//! lifted to what they lead or serve on each evidence's date, on the real binary.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::common::{cmd, have, json};

#[derive(Deserialize)]
struct File {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct Node {
    id: String,
}

#[derive(Deserialize)]
struct Edge {
    source: String,
    relation: String,
    target: String,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
struct Evidence {
    doc: String,
}

#[derive(Deserialize)]
struct PathAnswer {
    from: String,
    to: String,
    paths: Vec<Vec<Hop>>,
}

#[derive(Deserialize)]
struct Hop {
    from: String,
    relation: String,
    to: String,
}

#[derive(Deserialize)]
struct Backer {
    id: String,
}

/// Two meetings of Turkish and Russian officials, Erdogan backing HTS as president and his
/// control of Turkey (a loop once he is lifted), and Putin before he held an office the
/// lexicon lists.
const LINES: &str = r#"{"source": "Erdogan", "relation": "meets-with", "target": "Putin", "date": "2024-12-01", "doc": "a", "evidence": "Erdogan met Putin."}
{"source": "Hakan Fidan", "relation": "meets-with", "target": "Sergey Lavrov", "date": "2024-12-07", "doc": "b", "evidence": "Fidan met Lavrov."}
{"source": "Erdogan", "relation": "supports", "target": "HTS", "date": "2024-12-08", "doc": "c", "evidence": "Erdogan backed HTS."}
{"source": "Putin", "relation": "opposes", "target": "HTS", "date": "1995-05-01", "doc": "d", "evidence": "Putin, then a city official, opposed HTS."}
{"source": "Erdogan", "relation": "controls", "target": "Turkey", "date": "2024-12-08", "doc": "e", "evidence": "Erdogan runs Turkey."}
"#;

fn graph() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let file = dir.path().join("lines.jsonl");
    fs::write(&file, LINES).unwrap();
    cmd(&g).arg("import").arg(&file).assert().success();
    (dir, g)
}

/// `source relation target: docs` for every edge of an export.
fn edges(g: &Path, args: &[&str]) -> Vec<String> {
    let f: File = json(cmd(g).arg("export").args(args));
    f.edges
        .iter()
        .map(|e| {
            let docs: Vec<&str> = e.evidence.iter().map(|v| v.doc.as_str()).collect();
            format!(
                "{} {} {}: {}",
                e.source,
                e.relation,
                e.target,
                docs.join(" ")
            )
        })
        .collect()
}

#[test]
fn export_level_state_joins_the_meetings_of_two_states() {
    let (_d, g) = graph();
    assert_eq!(
        edges(&g, &["--level", "state"]),
        [
            "ru meets-with tr: b a",
            "tr supports hts: c",
            "vladimir-putin opposes hts: d",
        ]
    );
    let f: File = json(cmd(&g).args(["export", "--level", "state"]));
    let mut ids: Vec<&str> = f.nodes.iter().map(|n| n.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["hts", "ru", "tr", "vladimir-putin"]);
    // The stored graph is not changed.
    assert_eq!(edges(&g, &[]).len(), 5);
}

#[test]
fn export_level_organization_lifts_a_president_to_the_state() {
    let (_d, g) = graph();
    // Erdogan, Fidan and Lavrov serve their states, which have no organization below.
    assert_eq!(
        edges(&g, &["--level", "organization"]),
        edges(&g, &["--level", "state"])
    );
    // --focus names a person: the state he was lifted to.
    assert_eq!(
        edges(
            &g,
            &[
                "--level",
                "state",
                "--focus",
                "Fidan",
                "--depth",
                "1",
                "--rel",
                "meets-with"
            ]
        ),
        ["ru meets-with tr: b a"]
    );
}

#[test]
fn path_and_backers_take_people_or_states_at_a_level() {
    let (_d, g) = graph();
    for (from, to) in [
        ("Turkey", "Russia"),
        ("Erdogan", "Putin"),
        ("Fidan", "Moscow"),
    ] {
        let a: PathAnswer = json(cmd(&g).args([
            "path",
            "--level",
            "state",
            "--undirected",
            from,
            to,
            "--format",
            "json",
        ]));
        assert_eq!(
            (a.from.as_str(), a.to.as_str()),
            ("tr", "ru"),
            "{from} {to}"
        );
        let hops: Vec<_> = a.paths[0]
            .iter()
            .map(|h| (h.from.as_str(), h.relation.as_str(), h.to.as_str()))
            .collect();
        assert_eq!(hops, [("tr", "meets-with", "ru")]);
    }
    // Without --level, Turkey is not in the graph at all.
    cmd(&g)
        .args(["path", "--undirected", "Turkey", "Russia"])
        .assert()
        .code(2);
    let b: Vec<Backer> =
        json(cmd(&g).args(["backers", "--level", "state", "HTS", "--format", "json"]));
    let ids: Vec<&str> = b.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["tr"]);
    let b: Vec<Backer> = json(cmd(&g).args([
        "backers",
        "--level",
        "state",
        "--reverse",
        "Erdogan",
        "--format",
        "json",
    ]));
    assert_eq!(b.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), ["hts"]);
}

#[test]
fn a_person_and_their_state_are_one_entity_at_state_level() {
    let (_d, g) = graph();
    let out = cmd(&g)
        .args(["path", "--level", "state", "Erdogan", "Turkey"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim_end(),
        "actorgraph: 'Erdogan' and 'Turkey' are both 'Turkey'; give two different entities"
    );
    let out = cmd(&g)
        .args(["export", "--level", "country"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown level 'country' (expected organization or state)"),
        "{err}"
    );
}

#[test]
fn render_draws_the_rolled_up_graph() {
    if !have("dot", &["-V"], "Graphviz dot is not installed") {
        return;
    }
    let (_d, g) = graph();
    let out = cmd(&g)
        .args(["render", "--level", "state"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let svg = String::from_utf8(out).unwrap();
    assert!(svg.contains("Turkey") && svg.contains("Russia"));
    assert!(!svg.contains("Sergey Lavrov"));
}
