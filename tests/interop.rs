//! Every export format loaded by the real program that reads it: networkx and igraph
//! (GraphML, GEXF), PyPI geojson (GeoJSON), npm cytoscape (Cytoscape.js), Python's csv
//! module (CSV/TSV, Neo4j CSV), Graphviz (render). A test whose consumer is missing prints
//! `skipped: ...` and passes; `.ci/run` installs them all.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use actorgraph::graph::{Graph, store};
use actorgraph::model::{Entity, EntityType, Evidence, Relation, Statement};

use crate::common::{cmd, error_line, example, have, repo};

const HOSTILE: &str = "Abu \"Q\" <&> \\ حزب";

/// A graph with coordinates, a parallel edge, dated evidence and a hostile name.
fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.json");
    let mut g = Graph::new();
    for (name, lat, lon) in [("Aleppo", 36.2, 37.16), ("Hama", 35.13, 36.75)] {
        let mut e = Entity::new(name, EntityType::City);
        e.lat = Some(lat);
        e.lon = Some(lon);
        e.country = Some("SY".into());
        g.add_entity(e);
    }
    let statements = [
        (
            "HTS",
            Relation::Controls,
            "Aleppo",
            "2024-11-30",
            "held most of Aleppo",
        ),
        (
            "HTS",
            Relation::Controls,
            "Aleppo",
            "2024-12-01",
            "inside the citadel, \"cheering\"",
        ),
        (
            "Syrian government",
            Relation::Controls,
            "Aleppo",
            "2016-12-22",
            "retook the east",
        ),
        (
            "HTS",
            Relation::Controls,
            "Hama",
            "2024-12-05",
            "entered Hama,\nthen left",
        ),
        (
            "Iran",
            Relation::Supports,
            HOSTILE,
            "2024-12-01",
            "backs them",
        ),
        (
            "Iran",
            Relation::Opposes,
            HOSTILE,
            "2024-12-02",
            "then fell out",
        ),
        (
            "Iran",
            Relation::MeetsWith,
            "Russia",
            "2024-12-07",
            "talks in Doha",
        ),
    ];
    for (i, (s, relation, t, date, text)) in statements.into_iter().enumerate() {
        g.add_statement(Statement {
            source: Entity::new(s, EntityType::ArmedGroup),
            relation,
            target: Entity::new(
                t,
                if relation == Relation::Controls {
                    EntityType::City
                } else {
                    EntityType::ArmedGroup
                },
            ),
            evidence: Evidence {
                doc: format!("doc{i}"),
                date: Some(date.into()),
                text: text.into(),
                span: None,
                trigger: None,
                producer: "test".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }
    store::save(&g, &path).unwrap();
    (dir, path)
}

fn export(graph: &Path, format: &str, out: &Path) {
    cmd(graph)
        .args(["export", "--format", format, "-o"])
        .arg(out)
        .assert()
        .success()
        .stdout("");
}

/// Runs a Python script with the file as argv[1]; returns its stdout.
fn python(script: &str, file: &Path) -> String {
    let out = StdCommand::new("python3")
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn python_has(module: &str) -> bool {
    have(
        "python3",
        &["-c", &format!("import {module}")],
        &format!("python3 module '{module}' is not installed (pip install {module})"),
    )
}

#[test]
fn graphml_loads_in_networkx_and_igraph() {
    let (dir, g) = fixture();
    let file = dir.path().join("g.graphml");
    export(&g, "graphml", &file);
    if python_has("networkx") {
        let out = python(
            r#"
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
hostile = [n for n, d in g.nodes(data=True) if d["name"].startswith("Abu")][0]
print(g.nodes[hostile]["name"])
print(sorted(d["relation"] for _, _, d in g.edges("iran", data=True)))
print(g.nodes["aleppo"]["lat"], type(g.nodes["aleppo"]["lat"]).__name__)
e = [d for _, t, d in g.edges("hts", data=True) if t == "aleppo"][0]
print(e["evidence_count"], type(e["evidence_count"]).__name__, e["first_date"], e["last_date"], e["symmetric"])
"#,
            &file,
        );
        assert_eq!(
            out,
            format!(
                "MultiDiGraph 7 6\n{HOSTILE}\n['meets-with', 'opposes', 'supports']\n36.2 float\n2 int 2024-11-30 2024-12-01 False\n"
            )
        );
    }
    if python_has("igraph") {
        let out = python(
            r#"
import sys, igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
print(g.vcount(), g.ecount(), g.is_directed())
print(sorted(set(g.es["relation"])))
"#,
            &file,
        );
        assert_eq!(
            out,
            "7 6 True\n['controls', 'meets-with', 'opposes', 'supports']\n"
        );
    }
}

#[test]
fn gexf_loads_in_networkx_with_edge_dates() {
    if !python_has("networkx") {
        return;
    }
    let (dir, g) = fixture();
    let file = dir.path().join("g.gexf");
    export(&g, "gexf", &file);
    let out = python(
        r#"
import sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
e = [d for _, t, d in g.edges("hts", data=True) if t == "aleppo"][0]
print(e["start"], e["end"], e["weight"], e["relation"], e["evidence_count"])
print(g.nodes["aleppo"]["label"], g.nodes["aleppo"]["lat"])
"#,
        &file,
    );
    assert_eq!(
        out,
        "MultiDiGraph 7 6\n2024-11-30 2024-12-01 2.0 controls 2\nAleppo 36.2\n"
    );
}

#[test]
fn cytoscape_json_loads_in_cytoscape_js() {
    let checker = repo("tests/js/check_cytoscape.js");
    if !repo("tests/js/node_modules/cytoscape").exists() {
        eprintln!("skipped: npm cytoscape is not installed (npm install --prefix tests/js)");
        return;
    }
    if !have("node", &["--version"], "node is not installed") {
        return;
    }
    let (dir, g) = fixture();
    let file = dir.path().join("g.cyjs");
    export(&g, "cytoscape", &file);
    let out = StdCommand::new("node")
        .arg(&checker)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "nodes 7 edges 6\npath iran -> russia: iran,iran|meets-with|russia,russia\n"
    );
}

#[test]
fn geojson_is_valid_and_shows_control() {
    let (dir, g) = fixture();
    let file = dir.path().join("g.geojson");
    export(&g, "geojson", &file);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 2, "only places with coordinates");
    let aleppo = &features[0];
    assert_eq!(
        aleppo["geometry"]["coordinates"],
        serde_json::json!([37.16, 36.2])
    );
    assert_eq!(aleppo["properties"]["controller"], "HTS");
    assert_eq!(
        aleppo["properties"]["controlled_by"][0]["since"],
        "2024-11-30"
    );
    assert_eq!(
        aleppo["properties"]["controlled_by"][1]["name"],
        "Syrian government"
    );
    assert_eq!(aleppo["properties"]["evidence_count"], 3);
    if python_has("geojson") {
        let out = python(
            "import sys, geojson\nfc = geojson.loads(open(sys.argv[1]).read())\nprint(fc.is_valid, fc.errors(), len(fc['features']))",
            &file,
        );
        assert_eq!(out, "True [] 2\n");
    }
}

#[test]
fn csv_and_tsv_edge_lists_read_back() {
    let (dir, g) = fixture();
    for (format, delimiter) in [("csv", ","), ("tsv", "\\t")] {
        let file = dir.path().join(format!("g.{format}"));
        cmd(&g).args(["export", "-o"]).arg(&file).assert().success();
        if !python_has("csv") {
            return;
        }
        let out = python(
            &format!(
                r#"
import sys, csv
rows = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="{delimiter}"))
print(len(rows), list(rows[0].keys()))
hama = [r for r in rows if r["target"] == "Hama"][0]
print(repr(hama["quote"]), hama["evidence_count"], hama["first_date"])
"#
            ),
            &file,
        );
        let quote = if format == "csv" {
            "'entered Hama,\\nthen left'"
        } else {
            "'entered Hama, then left'"
        };
        assert_eq!(
            out,
            format!(
                "6 ['source', 'relation', 'target', 'evidence_count', 'first_date', 'last_date', 'quote', 'source_id', 'target_id']\n{quote} 1 2024-12-05\n"
            ),
            "format {format}"
        );
    }
}

#[test]
fn neo4j_csv_and_cypher_follow_the_import_formats() {
    let (dir, g) = fixture();
    let neo = dir.path().join("neo4j");
    cmd(&g)
        .args(["export", "--format", "neo4j", "-o"])
        .arg(&neo)
        .assert()
        .success();
    let nodes = std::fs::read_to_string(neo.join("nodes.csv")).unwrap();
    let rels = std::fs::read_to_string(neo.join("relationships.csv")).unwrap();
    assert!(
        nodes.starts_with(
            "id:ID,name,kind,type,aliases:string[],country,lat:float,lon:float,:LABEL\n"
        )
    );
    assert!(
        nodes.contains("aleppo,Aleppo,place,city,,SY,36.2,37.16,Entity;Place;City\n"),
        "{nodes}"
    );
    assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,evidence_count:int,first_date:date,last_date:date,quote,docs:string[]\n"));
    assert!(
        rels.contains("iran,russia,MEETS_WITH,1,2024-12-07,2024-12-07,talks in Doha,doc6\n"),
        "{rels}"
    );
    if python_has("csv") {
        let out = python(
            "import sys, csv\nfor f in ('nodes.csv', 'relationships.csv'):\n    rows = list(csv.reader(open(sys.argv[1] + '/' + f, newline='')))\n    assert len({len(r) for r in rows}) == 1, rows\n    print(f, len(rows) - 1)",
            &neo,
        );
        assert_eq!(out, "nodes.csv 7\nrelationships.csv 6\n");
    }
    let cypher = String::from_utf8(
        cmd(&g)
            .args(["export", "--format", "cypher"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert_eq!(cypher.matches("MERGE (n:Entity").count(), 7);
    assert_eq!(cypher.matches("]->(b)").count(), 6);
    assert!(cypher.contains(
        "MERGE (a)-[r:CONTROLS]->(b) SET r.evidence_count = 2, r.first_date = date('2024-11-30')"
    ));
    assert!(
        cypher.contains("n.name = 'Abu \"Q\" <&> \\\\ حزب'"),
        "{cypher}"
    );
    assert!(cypher.contains("r.quote = 'entered Hama,\\nthen left'"));
}

#[test]
fn render_draws_with_graphviz() {
    let (dir, g) = example();
    if have(
        "dot",
        &["-V"],
        "Graphviz `dot` is not installed (apt-get install graphviz)",
    ) {
        let svg = cmd(&g)
            .args(["render", "--cluster", "country"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(String::from_utf8(svg).unwrap().contains("<svg"));
        let png = dir.path().join("g.png");
        cmd(&g)
            .args(["render", "--top", "10", "--title", "Top 10", "-o"])
            .arg(&png)
            .assert()
            .success();
        assert_eq!(&std::fs::read(&png).unwrap()[..4], b"\x89PNG");
    }
    let line = error_line(cmd(&g).env("PATH", dir.path()).arg("render"));
    assert_eq!(
        line,
        "actorgraph: cannot find Graphviz `dot` on PATH; install it (apt-get install graphviz) or write DOT with `actorgraph export --format dot`"
    );
}

#[test]
fn shared_filters_cut_the_export() {
    #[derive(serde::Deserialize)]
    struct File {
        nodes: Vec<serde_json::Value>,
        edges: Vec<serde_json::Value>,
    }
    let (_d, g) = example();
    let cases: [(&str, &[&str], usize, usize); 6] = [
        ("since", &["--since", "2024-12-08"], 21, 15),
        ("until", &["--until", "2024-11-30"], 4, 5),
        ("min evidence", &["--min-evidence", "2"], 4, 2),
        ("kind place", &["--kind", "place"], 11, 0),
        ("kind actor", &["--kind", "actor"], 21, 24),
        ("top", &["--top", "5"], 5, 6),
    ];
    for (name, args, nodes, edges) in cases {
        let out = cmd(&g)
            .args(["export", "--format", "json"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let f: File = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            (f.nodes.len(), f.edges.len()),
            (nodes, edges),
            "case {name}"
        );
    }
    assert_eq!(
        error_line(cmd(&g).args(["export", "--since", "Dec 8"])),
        "actorgraph: bad date 'Dec 8' (expected YYYY-MM-DD)"
    );
    assert_eq!(
        error_line(cmd(&g).args(["export", "--kind", "thing"])),
        "actorgraph: unknown kind 'thing' (expected actor or place)"
    );
}
