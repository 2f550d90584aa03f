//! export: DOT rendered by real Graphviz, node-link JSON loaded by real NetworkX, filters.

use std::process::Command as StdCommand;

use serde::Deserialize;

use crate::common::{cmd, example, example_json, have, json, render_dot, stdout};

#[derive(Deserialize)]
struct File {
    directed: bool,
    multigraph: bool,
    graph: Meta,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct Meta {
    schema_version: u32,
}

#[derive(Deserialize)]
struct Node {
    id: String,
}

#[derive(Deserialize)]
struct Edge {
    source: String,
    target: String,
    key: String,
    relation: String,
}

#[test]
fn json_export_is_the_node_link_file() {
    let (_d, g) = example_json();
    let f: File = json(cmd(&g).args(["export", "--format", "json"]));
    assert!(f.directed && f.multigraph);
    assert_eq!(f.graph.schema_version, 1);
    assert_eq!((f.nodes.len(), f.edges.len()), (32, 35));
    assert!(f.edges.iter().all(|e| e.key == e.relation));
    // The store file is the same format.
    assert_eq!(
        stdout(cmd(&g).args(["export", "--format", "json"])),
        std::fs::read_to_string(&g).unwrap()
    );
}

#[test]
fn filters_cut_by_relation_and_focus() {
    let (_d, g) = example();
    let f: File = json(cmd(&g).args(["export", "--rel", "supports"]));
    assert!(f.edges.iter().all(|e| e.relation == "supports"));
    assert_eq!(f.edges.len(), 8);
    let f: File = json(cmd(&g).args(["export", "--focus", "Hama", "--depth", "1"]));
    let ids: Vec<_> = f.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["hama", "hts"]);
    let f: File = json(cmd(&g).args([
        "export", "--focus", "Hama", "--depth", "2", "--rel", "controls",
    ]));
    assert!(f.nodes.iter().any(|n| n.id == "ahmed-al-sharaa"));
    assert!(
        f.edges
            .iter()
            .all(|e| e.relation == "controls" && !e.source.is_empty() && !e.target.is_empty())
    );
}

#[test]
fn output_file_format_follows_its_extension() {
    let (d, g) = example();
    let dot = d.path().join("out.dot");
    cmd(&g)
        .arg("export")
        .arg("-o")
        .arg(&dot)
        .assert()
        .success()
        .stdout("");
    assert!(
        std::fs::read_to_string(&dot)
            .unwrap()
            .starts_with("digraph {")
    );
    let odd = d.path().join("out.xyz");
    assert_eq!(
        crate::common::error_line(cmd(&g).arg("export").arg("-o").arg(&odd)),
        format!(
            "actorgraph: cannot tell the format of '{}' from its extension; use --format (dot, json, graphml, gexf, cytoscape, csv, tsv, geojson, neo4j, cypher)",
            odd.display()
        )
    );
}

#[test]
fn dot_is_sorted_and_identical_run_to_run() {
    let (_d, g) = example();
    let a = stdout(cmd(&g).args(["export", "--format", "dot"]));
    let b = stdout(cmd(&g).args(["export", "--format", "dot"]));
    assert_eq!(a, b);
    assert!(a.contains("n0 [label=\"Abbas Araghchi\", shape=box"));
    assert!(a.contains("label=\"Aleppo\", shape=ellipse"));
    assert!(a.contains("label=\"controls (2)\""));
    assert!(a.contains("Legend"));
    assert!(a.contains("dir=none"));
}

#[test]
fn dot_renders_in_graphviz_without_warnings() {
    if !have(
        "dot",
        &["-V"],
        "Graphviz `dot` is not installed (apt-get install graphviz)",
    ) {
        return;
    }
    let (_d, g) = example();
    // Hostile names too: quotes, backslashes, newlines, Arabic, HTML entities.
    for (s, t) in [
        ("Abu \"the Sheikh\" \\ al-X", "حزب الله"),
        ("a\nb & <c>", "x\\"),
    ] {
        cmd(&g)
            .args([
                "add",
                s,
                "supports",
                t,
                "--evidence",
                "\"quoted\" \\ text\n",
            ])
            .assert()
            .success();
    }
    let dot = stdout(cmd(&g).args(["export", "--format", "dot"]));
    let (ok, stderr) = render_dot(&dot);
    assert!(ok, "{stderr}");
    assert_eq!(stderr, "", "Graphviz warned");
    let focused = stdout(cmd(&g).args([
        "export", "--format", "dot", "--focus", "HTS", "--depth", "1",
    ]));
    assert_eq!(render_dot(&focused), (true, String::new()));
}

#[test]
fn json_loads_in_networkx() {
    if !have(
        "python3",
        &["-c", "import networkx"],
        "python3 with networkx is not installed (pip install networkx)",
    ) {
        return;
    }
    let (_d, g) = example_json();
    let script = r#"
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1]))
g = nx.node_link_graph(data, edges="edges")
assert isinstance(g, nx.MultiDiGraph), type(g)
assert g.graph["schema_version"] == 1
print(g.number_of_nodes(), g.number_of_edges())
print(g.nodes["ir"]["kind"], g.nodes["ir"]["type"])
print(sorted(g["hts"]["aleppo"].keys()), len(g["hts"]["aleppo"]["controls"]["evidence"]))
print(nx.shortest_path(g, "ir", "damascus"))
"#;
    let out = StdCommand::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&g)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "32 35\nactor state\n['controls'] 2\n['ir', 'syrian-government', 'hts', 'damascus']\n"
    );
}
