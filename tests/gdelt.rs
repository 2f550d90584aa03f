//! import --format gdelt: GDELT 2.0 event files, plain and zipped, all or nothing.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use crate::common::{cmd, error_line, json, scratch, stdout};

/// One event as the test writes it; [`Row::line`] lays it out in GDELT 2.0's 61 columns
/// with the other fields filled as GDELT fills them.
struct Row {
    id: u64,
    date: &'static str,
    actor1: (&'static str, &'static str, &'static str, &'static str),
    actor2: (&'static str, &'static str, &'static str, &'static str),
    code: &'static str,
    geo: (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ),
    url: &'static str,
}

impl Row {
    /// (code, name, country, type1) for each actor; (type, full name, FIPS country, lat,
    /// long) for ActionGeo.
    fn line(&self) -> String {
        let (y, m) = (&self.date[..4], &self.date[4..6]);
        let actor = |(code, name, country, type1): (&str, &str, &str, &str)| {
            [code, name, country, "", "", "", "", type1, "", ""].map(str::to_string)
        };
        let (geo_type, geo_name, geo_cc, lat, lon) = self.geo;
        let geo = [
            geo_type.to_string(),
            geo_name.to_string(),
            geo_cc.to_string(),
            if geo_cc.is_empty() { "" } else { "SY09" }.to_string(),
            String::new(),
            lat.to_string(),
            lon.to_string(),
            if geo_cc.is_empty() { "" } else { "-2423208" }.to_string(),
        ];
        let mut cols: Vec<String> = vec![
            self.id.to_string(),
            self.date.to_string(),
            format!("{y}{m}"),
            y.to_string(),
            format!("{y}.9315"),
        ];
        cols.extend(actor(self.actor1));
        cols.extend(actor(self.actor2));
        cols.extend(
            [
                "1",
                self.code,
                &self.code[..3.min(self.code.len())],
                &self.code[..2.min(self.code.len())],
                "1",
                "1.9",
                "10",
                "1",
                "10",
                "-2.54",
            ]
            .map(str::to_string),
        );
        cols.extend(geo.clone()); // Actor1Geo
        cols.extend(geo.clone()); // Actor2Geo
        cols.extend(geo); // ActionGeo
        cols.push(format!("{}151500", self.date));
        cols.push(self.url.to_string());
        assert_eq!(cols.len(), 61);
        cols.join("\t")
    }
}

const NO_ACTOR: (&str, &str, &str, &str) = ("", "", "", "");
const ALEPPO: (&str, &str, &str, &str, &str) =
    ("4", "Aleppo, Halab, Syria", "SY", "36.2028", "37.1586");
const NOWHERE: (&str, &str, &str, &str, &str) = ("", "", "", "", "");

fn rows() -> Vec<Row> {
    let us = ("USA", "UNITED STATES", "USA", "");
    let russia = ("RUSGOV", "RUSSIA", "RUS", "GOV");
    let iran = ("IRN", "IRAN", "IRN", "");
    let rebels = ("SYRREB", "SOUTHERN FRONT BRIGADES", "SYR", "REB");
    let israel = ("ISRMIL", "ISRAEL", "ISR", "MIL");
    let row = |id, code, actor1, actor2, geo| Row {
        id,
        date: "20241205",
        actor1,
        actor2,
        code,
        geo,
        url: "https://news.example/2024/12/05/story",
    };
    vec![
        Row {
            date: "20241204",
            url: "https://news.example/2024/12/04/talks",
            ..row(1_210_000_001, "042", us, russia, NOWHERE)
        },
        row(1_210_000_002, "070", iran, russia, NOWHERE),
        row(1_210_000_003, "192", rebels, NO_ACTOR, ALEPPO),
        row(1_210_000_004, "1823", israel, iran, NOWHERE),
        row(1_210_000_005, "055", us, iran, NOWHERE),
        row(1_210_000_006, "010", russia, us, NOWHERE),
        row(1_210_000_007, "173", us, NO_ACTOR, NOWHERE),
        row(1_210_000_008, "192", russia, NO_ACTOR, NOWHERE),
        row(
            1_210_000_009,
            "043",
            us,
            ("USAGOV", "UNITED STATES", "USA", "GOV"),
            NOWHERE,
        ),
        row(1_210_000_010, "057", rebels, us, NOWHERE),
    ]
}

fn export_file(rows: &[Row]) -> String {
    rows.iter().map(|r| r.line() + "\n").collect()
}

/// A zip holding `text` as the one CSV, as GDELT ships it.
fn zip(path: &Path, text: &str) {
    let mut w = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("20241205151500.export.CSV", options).unwrap();
    w.write_all(text.as_bytes()).unwrap();
    w.finish().unwrap();
}

#[derive(Deserialize)]
struct Graph {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct Node {
    id: String,
    name: String,
    #[serde(rename = "type")]
    etype: String,
    country: Option<String>,
    lat: Option<f64>,
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
    date: Option<String>,
    url: Option<String>,
    text: String,
    producer: String,
}

fn graph(g: &Path) -> Graph {
    json(cmd(g).args(["export", "--format", "json"]))
}

fn imported(g: &Path, file: &Path) -> String {
    stdout(cmd(g).args(["import", "--format", "gdelt"]).arg(file))
}

#[test]
fn gdelt_rows_become_edges_with_dated_evidence() {
    let (dir, g) = scratch();
    let file = dir.path().join("20241205151500.export.CSV");
    fs::write(&file, export_file(&rows())).unwrap();
    assert_eq!(
        imported(&g, &file),
        format!(
            "imported 5 statements from {} (10 rows): 5 new, 0 already known; {} now has 6 entities and 5 edges\n\
             skipped 5 of 10 rows: 2 with an event code of no relation, 1 without an actor, 1 occupying no place, 1 with one entity at both ends\n",
            file.display(),
            g.display()
        )
    );
    let graph = graph(&g);
    let name = |id: &str| {
        graph
            .nodes
            .iter()
            .find(|n| n.id == id)
            .unwrap()
            .name
            .clone()
    };
    let mut edges: Vec<(String, &str, String)> = graph
        .edges
        .iter()
        .map(|e| (name(&e.source), e.relation.as_str(), name(&e.target)))
        .collect();
    edges.sort();
    let want = [
        ("Iran", "supports", "Russia"),
        ("Israel", "opposes", "Iran"),
        ("Russia", "meets-with", "United States"),
        ("SOUTHERN FRONT BRIGADES", "controls", "Aleppo"),
        ("SOUTHERN FRONT BRIGADES", "supports", "United States"),
    ]
    .map(|(s, r, t)| (s.to_string(), r, t.to_string()));
    assert_eq!(edges, want);
    let meets = graph
        .edges
        .iter()
        .find(|e| e.relation == "meets-with")
        .unwrap();
    let ev = &meets.evidence[0];
    assert_eq!(ev.date.as_deref(), Some("2024-12-04"));
    assert_eq!(ev.doc, "https://news.example/2024/12/04/talks");
    assert_eq!(
        ev.url.as_deref(),
        Some("https://news.example/2024/12/04/talks")
    );
    assert_eq!(
        ev.text,
        "GDELT event 1210000001: UNITED STATES -> RUSSIA, CAMEO 042 (consult)"
    );
    assert_eq!(ev.producer, format!("gdelt:{}", file.display()));
    let node = |name: &str| graph.nodes.iter().find(|n| n.name == name).unwrap();
    assert_eq!(node("United States").etype, "state", "through the lexicon");
    let rebels = node("SOUTHERN FRONT BRIGADES");
    assert_eq!(
        (rebels.etype.as_str(), rebels.country.as_deref()),
        ("armed-group", Some("SY")),
        "a new entity typed by its REB code, its country from SYR"
    );
    assert!(node("Aleppo").lat.is_some(), "a place with coordinates");

    // the same file again adds no evidence; another row of the same article does
    let again = imported(&g, &file);
    assert!(
        again.contains(": 0 new, 5 already known;"),
        "idempotent: {again}"
    );
}

#[test]
fn gdelt_zip_reads_the_csv_inside() {
    let (dir, g) = scratch();
    let text = export_file(&rows());
    let plain = dir.path().join("plain.export.CSV");
    fs::write(&plain, &text).unwrap();
    let zipped = dir.path().join("20241205151500.export.CSV.zip");
    zip(&zipped, &text);
    let out = imported(&g, &zipped);
    assert!(
        out.starts_with(&format!(
            "imported 5 statements from {} (10 rows): 5 new",
            zipped.display()
        )),
        "{out}"
    );
    let (_dir2, g2) = scratch();
    imported(&g2, &plain);
    let (a, b) = (graph(&g), graph(&g2));
    assert_eq!(a.nodes.len(), b.nodes.len());
    assert_eq!(a.edges.len(), b.edges.len());
}

#[test]
fn gdelt_malformed_input_is_one_line_and_no_graph() {
    let (dir, g) = scratch();
    let good = export_file(&rows());
    let file = dir.path().join("bad.export.CSV");
    let name = file.display().to_string();
    let short = rows()[1].line().replacen('\t', "", 1);
    let bad_date = rows()[1].line().replace("\t20241205\t", "\t20241235\t");
    let cases = [
        (
            "a column short",
            format!("{good}{short}\n").into_bytes(),
            format!(
                "actorgraph: {name}:11: expected 61 tab-separated columns (a GDELT 2.0 event row), found 60"
            ),
        ),
        (
            "bad date",
            format!("{bad_date}\n{good}").into_bytes(),
            format!("actorgraph: {name}:1: bad SQLDATE '20241235' (expected YYYYMMDD)"),
        ),
        (
            "not UTF-8",
            [good.as_bytes(), b"\xff\n"].concat(),
            format!(
                "actorgraph: {name}:11: not UTF-8 text (byte 1 of the line; GDELT 2.0 files are UTF-8)"
            ),
        ),
    ];
    for (case, bytes, want) in cases {
        fs::write(&file, bytes).unwrap();
        assert_eq!(
            error_line(cmd(&g).args(["import", "--format", "gdelt"]).arg(&file)),
            want,
            "case {case}"
        );
        assert!(!g.exists(), "case {case}: no graph");
    }

    let empty_zip = dir.path().join("x.export.CSV.zip");
    let mut w = zip::ZipWriter::new(fs::File::create(&empty_zip).unwrap());
    w.start_file("README.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(b"no events\n").unwrap();
    w.finish().unwrap();
    assert_eq!(
        error_line(
            cmd(&g)
                .args(["import", "--format", "gdelt"])
                .arg(&empty_zip)
        ),
        format!(
            "actorgraph: {}: the zip holds 0 .CSV files; expected one (a GDELT export)",
            empty_zip.display()
        )
    );
    let not_zip = dir.path().join("y.export.CSV.zip");
    fs::write(&not_zip, &good).unwrap();
    let line = error_line(cmd(&g).args(["import", "--format", "gdelt"]).arg(&not_zip));
    assert!(
        line.starts_with(&format!(
            "actorgraph: {}: cannot read as a zip file: ",
            not_zip.display()
        )),
        "{line}"
    );
    assert!(!g.exists());
}

#[test]
fn gdelt_is_not_the_default_format_and_reads_stdin() {
    let (dir, g) = scratch();
    let file = dir.path().join("x.export.CSV");
    fs::write(&file, export_file(&rows()[..1])).unwrap();
    let line = error_line(cmd(&g).arg("import").arg(&file));
    assert!(
        line.starts_with(&format!("actorgraph: {}:1: ", file.display())),
        "read as JSONL: {line}"
    );
    let out = stdout(
        cmd(&g)
            .args(["import", "--format", "gdelt", "-"])
            .write_stdin(export_file(&rows()[..1])),
    );
    assert!(
        out.starts_with("imported 1 statement from stdin (1 row): 1 new"),
        "{out}"
    );
}
