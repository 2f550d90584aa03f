//! path, backers, neighbors, show, stats on the example graph: tables for people, JSON for
//! scripts (decoded here into test-side types), exit 1 when nothing is found.

use serde::Deserialize;

use crate::common::{cmd, example, json, stdout};

#[derive(Debug, Deserialize)]
struct PathAnswer {
    from: String,
    to: String,
    paths: Vec<Vec<Hop>>,
}

#[derive(Debug, Deserialize)]
struct Hop {
    from: String,
    relation: String,
    to: String,
    direction: String,
    evidence: Evidence,
}

#[derive(Debug, Deserialize)]
struct Evidence {
    doc: String,
    text: String,
}

#[derive(Debug, Deserialize)]
struct Backer {
    id: String,
    depth: usize,
    chain: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Neighbor {
    id: String,
    relation: String,
    direction: String,
    evidence_count: usize,
}

#[derive(Debug, Deserialize)]
struct Card {
    entity: CardEntity,
    edges: Vec<CardEdge>,
}

#[derive(Debug, Deserialize)]
struct CardEntity {
    id: String,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CardEdge {
    relation: String,
    direction: String,
    other: String,
    evidence_count: usize,
    first_date: Option<String>,
    last_date: Option<String>,
    quotes: Vec<String>,
}

#[test]
fn shortest_path_has_a_quote_per_hop() {
    let (_d, g) = example();
    let a: PathAnswer = json(cmd(&g).args(["path", "tehran", "damascus", "--format", "json"]));
    assert_eq!((a.from.as_str(), a.to.as_str()), ("ir", "damascus"));
    assert_eq!(a.paths.len(), 1);
    let hops: Vec<_> = a.paths[0]
        .iter()
        .map(|h| (h.from.as_str(), h.relation.as_str(), h.to.as_str()))
        .collect();
    assert_eq!(
        hops,
        [
            ("ir", "supports", "syrian-government"),
            ("syrian-government", "opposes", "hts"),
            ("hts", "controls", "damascus"),
        ]
    );
    assert!(
        a.paths[0]
            .iter()
            .all(|h| !h.evidence.text.is_empty() && !h.evidence.doc.is_empty())
    );
    let table = stdout(cmd(&g).args(["path", "Iran", "Hezbollah"]));
    assert_eq!(
        table,
        "Iran  -supports->  Hezbollah  \"Hezbollah, armed and funded by Iran, had been a pillar of Assad's survival.\" (syria-2024-12-06-homs, 2024-12-06)\n"
    );
}

#[test]
fn path_options_filter_bound_and_reverse() {
    let (_d, g) = example();
    // Nothing found: exit 1, nothing printed.
    cmd(&g)
        .args(["path", "Damascus", "Iran"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
    cmd(&g)
        .args(["path", "Iran", "Damascus", "--rel", "supports"])
        .assert()
        .code(1);
    cmd(&g)
        .args(["path", "Iran", "Damascus", "--max-hops", "2"])
        .assert()
        .code(1);
    let a: PathAnswer = json(cmd(&g).args([
        "path",
        "Damascus",
        "Iran",
        "--undirected",
        "--format",
        "json",
    ]));
    assert_eq!(a.paths[0][0].direction, "in");
    let a: PathAnswer = json(cmd(&g).args([
        "path",
        "Iran",
        "HTS",
        "--all",
        "--max-hops",
        "4",
        "--format",
        "json",
    ]));
    assert_eq!(a.paths.len(), 2, "{a:?}");
    assert!(a.paths.windows(2).all(|w| w[0].len() <= w[1].len()));
    let a: PathAnswer = json(cmd(&g).args([
        "path", "Iran", "HTS", "--all", "--limit", "1", "--format", "json",
    ]));
    assert_eq!(a.paths.len(), 1);
    cmd(&g)
        .args(["path", "Damascus", "Iran", "--format", "json"])
        .assert()
        .code(1);
    assert_eq!(
        crate::common::error_line(cmd(&g).args(["path", "Tehran", "iran"])),
        "actorgraph: 'Tehran' and 'iran' are both 'Iran'; give two different entities"
    );
    assert_eq!(
        crate::common::error_line(cmd(&g).args(["path", "Iran", "HTS", "--rel", "backs"])),
        "actorgraph: unknown relation 'backs' (expected supports, opposes, meets-with or controls)"
    );
}

#[test]
fn meets_with_answers_from_both_ends() {
    let (_d, g) = example();
    for (a, b) in [
        ("Sergei Lavrov", "Abbas Araghchi"),
        ("Abbas Araghchi", "Sergei Lavrov"),
        ("Sergei Lavrov", "Hakan Fidan"),
        ("Hakan Fidan", "Sergei Lavrov"),
    ] {
        let p: PathAnswer = json(cmd(&g).args(["path", a, b, "--format", "json"]));
        assert_eq!(p.paths[0].len(), 1, "{a} to {b}");
        assert_eq!(p.paths[0][0].direction, "both");
    }
    let n: Vec<Neighbor> = json(cmd(&g).args([
        "neighbors",
        "Hakan Fidan",
        "--direction",
        "out",
        "--format",
        "json",
    ]));
    let ids: Vec<_> = n.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["abbas-araghchi", "sergey-lavrov"]);
    let araghchi = n.iter().find(|n| n.id == "abbas-araghchi").unwrap();
    assert_eq!(
        (
            araghchi.relation.as_str(),
            araghchi.direction.as_str(),
            araghchi.evidence_count
        ),
        ("meets-with", "both", 2)
    );
}

#[test]
fn backers_follow_chains_and_reverse() {
    let (_d, g) = example();
    let b: Vec<Backer> = json(cmd(&g).args(["backers", "Syrian government", "--format", "json"]));
    let got: Vec<_> = b.iter().map(|b| (b.id.as_str(), b.depth)).collect();
    assert_eq!(got, [("hezbollah", 1), ("ir", 1), ("ru", 1)]);
    let b: Vec<Backer> = json(cmd(&g).args(["backers", "Iran", "--reverse", "--format", "json"]));
    let got: Vec<_> = b.iter().map(|b| (b.id.as_str(), b.chain.len())).collect();
    assert_eq!(got, [("hezbollah", 2), ("syrian-government", 2)]);
    let b: Vec<Backer> =
        json(cmd(&g).args(["backers", "Syrian National Army", "--format", "json"]));
    assert_eq!(b[0].chain, ["tr", "sna"]);
    cmd(&g)
        .args(["backers", "Iran"])
        .assert()
        .code(1)
        .stdout("");
    let table = stdout(cmd(&g).args(["backers", "Assad"]));
    assert_eq!(
        table,
        "name    depth  chain\nRussia  1      Russia -> Bashar al-Assad\n"
    );
}

#[test]
fn neighbors_filter_by_relation_and_direction() {
    let (_d, g) = example();
    let n: Vec<Neighbor> = json(cmd(&g).args([
        "neighbors",
        "HTS",
        "--rel",
        "controls",
        "--direction",
        "out",
        "--format",
        "json",
    ]));
    let ids: Vec<_> = n.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["aleppo", "damascus", "hama", "homs"]);
    let n: Vec<Neighbor> =
        json(cmd(&g).args(["neighbors", "HTS", "--direction", "in", "--format", "json"]));
    assert!(n.iter().all(|n| n.direction == "in"));
    assert_eq!(n.len(), 3);
    cmd(&g)
        .args(["neighbors", "Damascus", "--direction", "out"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn show_gives_the_entity_card() {
    let (_d, g) = example();
    let c: Card = json(cmd(&g).args(["show", "hts", "--format", "json"]));
    assert_eq!(c.entity.id, "hts");
    assert_eq!(c.entity.aliases, ["HTS"]);
    assert_eq!(c.edges.len(), 9);
    let aleppo = c.edges.iter().find(|e| e.other == "aleppo").unwrap();
    assert_eq!(
        (
            aleppo.relation.as_str(),
            aleppo.direction.as_str(),
            aleppo.evidence_count
        ),
        ("controls", "out", 2)
    );
    assert_eq!(aleppo.first_date.as_deref(), Some("2024-11-30"));
    assert_eq!(aleppo.last_date.as_deref(), Some("2024-12-01"));
    assert_eq!(aleppo.quotes.len(), 2);
    let table = stdout(cmd(&g).args(["show", "Hama"]));
    assert_eq!(
        table,
        "Hama (hama)\nkind: place, type: city\nedges: 1\n  <-controls- Hayat Tahrir al-Sham (1 evidence, 2024-12-05)\n      \"Rebels entered Hama after days of fighting and the army said it had redeployed outside the city.\"\n"
    );
}

#[test]
fn stats_count_kinds_relations_documents_and_dates() {
    #[derive(Deserialize)]
    struct Stats {
        entities: usize,
        edges: usize,
        evidence: usize,
        documents: usize,
        by_kind: std::collections::BTreeMap<String, usize>,
        by_relation: std::collections::BTreeMap<String, usize>,
        first_date: String,
        last_date: String,
    }
    let (_d, g) = example();
    let s: Stats = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(
        (s.entities, s.edges, s.evidence, s.documents),
        (32, 35, 37, 23)
    );
    assert_eq!(s.by_kind["actor"] + s.by_kind["place"], 32);
    assert_eq!(s.by_relation.len(), 4);
    assert_eq!(
        (s.first_date.as_str(), s.last_date.as_str()),
        ("2024-11-27", "2024-12-15")
    );
    // An empty graph file (a missing one is an error: see footguns.rs).
    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().join("empty.json");
    std::fs::write(
        &path,
        r#"{"directed": true, "multigraph": true, "graph": {"schema_version": 1}, "nodes": [], "edges": []}"#,
    )
    .unwrap();
    let table = stdout(cmd(&path).arg("stats"));
    assert!(table.starts_with("entities   0"), "{table}");
}

#[test]
fn a_closed_pipe_is_success() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("big.json");
    // Enough output (well over a pipe buffer) that the writer must hit the closed pipe.
    let lines: String = (0..2000)
        .map(|i| format!("{{\"source\":\"actor {i}\",\"relation\":\"supports\",\"target\":\"actor {}\",\"evidence\":\"sentence {i}\"}}\n", i + 1))
        .collect();
    cmd(&g)
        .args(["import", "-"])
        .write_stdin(lines)
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("actorgraph");
    for args in [
        "export --format json",
        "export --format dot",
        "neighbors 'actor 5'",
    ] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; '{}' {args} | head -c 1 >/dev/null",
                bin.display()
            ))
            .env("ACTORGRAPH_GRAPH", &g)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{args}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
