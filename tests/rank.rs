//! Questions over the whole network: `rank --by backing` (PageRank, checked against
//! NetworkX), `allies` and `rivals`, `timeline`, `changes`, `camps`, `--as-of`.

use std::process::Command as StdCommand;

use actorgraph::graph::{Graph, store};
use actorgraph::model::{Entity, EntityType, Evidence, Relation, Statement};

use crate::common::{cmd, have, json, stdout};

/// A support network of 80 actors with some hubs, evidence counts from 1 to 4, and edges
/// of the other relations, which the rank must ignore.
fn network() -> Graph {
    let mut g = Graph::new();
    let mut x: u64 = 0x1234_5678_9abc_def1;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    for i in 0..400 {
        let s = next(80);
        let t = if next(3) == 0 { next(5) } else { next(80) };
        let relation = Relation::ALL[usize::from(next(4) != 0) * next(3) as usize];
        g.add_statement(Statement {
            source: Entity::new(&format!("Actor {s}"), EntityType::ArmedGroup),
            relation,
            target: Entity::new(&format!("Actor {t}"), EntityType::ArmedGroup),
            evidence: Evidence {
                doc: format!("d{}", i % 37),
                date: None,
                text: format!("statement {i}"),
                span: None,
                trigger: None,
                producer: "test".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }
    g
}

#[test]
fn backing_rank_matches_networkx_pagerank() {
    if !have(
        "python3",
        &["-c", "import networkx, scipy"],
        "python3 with networkx and scipy is not installed (pip install networkx scipy)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.json");
    store::save(&network(), &path).unwrap();
    let ours: serde_json::Value =
        json(cmd(&path).args(["rank", "--top", "1000", "--format", "json"]));
    let script = r#"
import json, sys
import networkx as nx
f = json.load(open(sys.argv[1]))
g = nx.DiGraph()
for e in f["edges"]:
    if e["relation"] == "supports":
        g.add_edge(e["source"], e["target"], weight=len(e["evidence"]))
pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000)
print(json.dumps(pr))
"#;
    let out = StdCommand::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: std::collections::BTreeMap<String, f64> =
        serde_json::from_slice(&out.stdout).unwrap();
    let ours = ours.as_array().unwrap();
    assert_eq!(ours.len(), theirs.len(), "the same entities ranked");
    assert!(ours.len() > 50);
    for r in ours {
        let id = r["id"].as_str().unwrap();
        let score = r["score"].as_f64().unwrap();
        assert!(
            (score - theirs[id]).abs() < 1e-6,
            "{id}: ours {score}, NetworkX {}",
            theirs[id]
        );
    }
    // sorted by score
    let scores: Vec<f64> = ours.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn rank_lists_the_example_graph_with_supporters() {
    let out = stdout(cmd(&crate::common::repo("graphs/example.json")).args(["rank", "--top", "2"]));
    assert_eq!(
        out,
        "rank  name                score   main supporters (evidence)\n\
         1     Syrian government   0.1860  Hezbollah (1), Iran (1), Russia (1)\n\
         2     Mohammed al-Bashir  0.1124  Hayat Tahrir al-Sham (1)\n"
    );
}

#[test]
fn allies_and_rivals_give_their_chains_of_evidence() {
    let g = crate::common::repo("graphs/example.json");
    let rivals: serde_json::Value = json(cmd(&g).args(["rivals", "HTS", "--format", "json"]));
    let list: Vec<(&str, u64)> = rivals
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), r["step"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        list,
        [
            ("Syrian government", 1),
            ("Russia", 1),
            ("Hezbollah", 2),
            ("Iran", 2)
        ]
    );
    let iran = &rivals[3]["via"];
    assert_eq!(iran[1]["source"], "ir");
    assert_eq!(iran[1]["relation"], "supports");
    assert!(iran[1]["quote"].as_str().unwrap().len() > 20);
    // nothing found is exit 1, an unknown name exit 2
    cmd(&g).args(["allies", "Aleppo"]).assert().code(1);
    let line = crate::common::error_line(cmd(&g).args(["allies", "Nobody At All"]));
    assert!(
        line.starts_with("actorgraph: no entity 'Nobody At All'"),
        "{line}"
    );
}

#[test]
fn timeline_orders_controllers_and_relations_by_their_evidence_dates() {
    let (dir, g) = crate::common::scratch();
    let line = |s: &str, t: &str, rel: &str, date: &str| {
        format!(
            "{{\"source\": \"{s}\", \"relation\": \"{rel}\", \"target\": \"{t}\", \"target_kind\": \"{}\", \"doc\": \"{s}-{date}\", \"date\": \"{date}\", \"evidence\": \"{s} {rel} {t} on {date}.\"}}\n",
            if rel == "controls" { "place" } else { "actor" }
        )
    };
    let jsonl = [
        line("Syrian army", "Hama", "controls", "2024-11-01"),
        line("Hayat Tahrir al-Sham", "Hama", "controls", "2024-12-05"),
        line("Syrian army", "Hama", "controls", "2024-11-20"),
        line(
            "Hayat Tahrir al-Sham",
            "Syrian army",
            "opposes",
            "2024-11-27",
        ),
    ]
    .concat();
    let file = dir.path().join("t.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    cmd(&g).arg("import").arg(&file).assert().success();
    let t: serde_json::Value = json(cmd(&g).args(["timeline", "Hama", "--format", "json"]));
    let steps: Vec<(&str, &str, Option<&str>, u64)> = t["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["from"].as_str().unwrap(),
                s["until"].as_str(),
                s["evidence_count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("Syrian Arab Army", "2024-11-01", Some("2024-12-05"), 2),
            ("Hayat Tahrir al-Sham", "2024-12-05", None, 1)
        ]
    );
    let out = stdout(cmd(&g).args(["timeline", "Hama"]));
    assert!(
        out.starts_with(
            "Hama: Syrian Arab Army (2024-11-01 until 2024-12-05) -> Hayat Tahrir al-Sham (2024-12-05 ->)\n"
        ),
        "{out}"
    );
    let line = crate::common::error_line(cmd(&g).args(["timeline", "HTS"]));
    assert_eq!(
        line,
        "actorgraph: 'HTS' is an actor: give a place for who controlled it, or two actors"
    );
    let between: serde_json::Value = json(cmd(&g).args([
        "timeline",
        "Hayat Tahrir al-Sham",
        "Syrian army",
        "--format",
        "json",
    ]));
    assert_eq!(between[0]["relation"], "opposes");
    assert_eq!(between[0]["first_date"], "2024-11-27");
    // --as-of: what was known on a day, and the latest controller only
    let held = |date: &str| -> Vec<String> {
        let n: serde_json::Value =
            json(cmd(&g).args(["--as-of", date, "neighbors", "Hama", "--format", "json"]));
        n.as_array()
            .unwrap()
            .iter()
            .map(|x| format!("{} {}", x["name"].as_str().unwrap(), x["evidence_count"]))
            .collect()
    };
    assert_eq!(held("2024-11-15"), ["Syrian Arab Army 1"]);
    assert_eq!(held("2024-11-30"), ["Syrian Arab Army 2"]);
    assert_eq!(held("2024-12-31"), ["Hayat Tahrir al-Sham 1"]);
    let s: serde_json::Value =
        json(cmd(&g).args(["--as-of", "2024-11-27", "stats", "--format", "json"]));
    assert_eq!(
        (s["edges"].as_u64(), s["evidence"].as_u64()),
        (Some(2), Some(3))
    );
    let export: serde_json::Value =
        json(cmd(&g).args(["--as-of", "2024-11-10", "export", "--format", "json"]));
    assert_eq!(export["edges"].as_array().unwrap().len(), 1);
    // the picture as of a day draws what the export as of that day holds
    if have("dot", &["-V"], "render --as-of needs Graphviz (dot)") {
        let svg = |as_of: &[&str]| stdout(cmd(&g).args(as_of).args(["render", "--format", "svg"]));
        let (early, all) = (svg(&["--as-of", "2024-11-10"]), svg(&[]));
        assert!(
            early.contains("Hama") && early.contains("Syrian"),
            "{early}"
        );
        // (Graphviz writes the hyphen of al-Sham as an entity)
        assert!(!early.contains("Hayat Tahrir"), "{early}");
        assert!(all.contains("Hayat Tahrir"), "{all}");
    }
    assert_eq!(
        crate::common::error_line(cmd(&g).args([
            "--as-of",
            "2024-11-10",
            "add",
            "A",
            "supports",
            "B"
        ])),
        "actorgraph: --as-of is for questions, exports and pictures; this command changes the graph"
    );
    assert_eq!(
        crate::common::error_line(cmd(&g).args(["--as-of", "10/11/2024", "stats"])),
        "actorgraph: bad date '10/11/2024' (expected YYYY-MM-DD)"
    );
    // changes between two days: Hama changed hands on 5 December
    let out = stdout(cmd(&g).args(["changes", "--from", "2024-11-25", "--to", "2024-12-10"]));
    assert_eq!(
        out,
        "control that changed hands, 2024-11-25 to 2024-12-10:\n  \
         Hama: Syrian Arab Army -> Hayat Tahrir al-Sham on 2024-12-05 (1 piece)\n\
         relations that appeared, 2024-11-25 to 2024-12-10:\n  \
         Hayat Tahrir al-Sham -opposes-> Syrian Arab Army, first 2024-11-27 (1 piece)\n"
    );
    cmd(&g)
        .args(["changes", "--from", "2025-01-01", "--to", "2025-02-01"])
        .assert()
        .code(1);
    assert_eq!(
        crate::common::error_line(cmd(&g).args([
            "changes",
            "--from",
            "2024-12-10",
            "--to",
            "2024-11-25"
        ])),
        "actorgraph: --from 2024-12-10 is after --to 2024-11-25"
    );
}

#[test]
fn camps_split_a_known_network_and_name_what_contradicts_it() {
    let (dir, g) = crate::common::scratch();
    let line = |s: &str, rel: &str, t: &str, doc: &str| {
        format!(
            "{{\"source\": \"{s}\", \"source_type\": \"armed-group\", \"relation\": \"{rel}\", \"target\": \"{t}\", \"target_type\": \"armed-group\", \"doc\": \"{doc}\", \"evidence\": \"{s} {rel} {t}.\"}}\n"
        )
    };
    let jsonl = [
        line("North Front", "supports", "River Brigade", "a"),
        line("River Brigade", "meets-with", "Hill Militia", "b"),
        line("Coast Army", "supports", "Port Guard", "c"),
        line("North Front", "opposes", "Coast Army", "d"),
        line("Port Guard", "opposes", "Hill Militia", "e"),
        line("Hill Militia", "supports", "Coast Army", "f"),
        line("North Front", "supports", "Hill Militia", "g"),
        line("North Front", "supports", "Hill Militia", "h"),
    ]
    .concat();
    let file = dir.path().join("c.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    cmd(&g).arg("import").arg(&file).assert().success();
    let c: serde_json::Value = json(cmd(&g).args(["camps", "--format", "json"]));
    let camps: Vec<Vec<&str>> = c["camps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m.as_array()
                .unwrap()
                .iter()
                .map(|x| x["name"].as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        camps,
        [
            vec!["Hill Militia", "North Front", "River Brigade"],
            vec!["Coast Army", "Port Guard"]
        ]
    );
    let bad = c["contradictions"].as_array().unwrap();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0]["relation"], "supports");
    assert_eq!(bad[0]["source"], "hill-militia");
    // 7 of 8 pieces of evidence agree
    assert!((c["balance"].as_f64().unwrap() - 7.0 / 8.0).abs() < 1e-12);
    let table = stdout(cmd(&g).arg("camps"));
    assert!(
        table.contains("  Hill Militia -supports-> Coast Army (1, across camps)\n"),
        "{table}"
    );
}
