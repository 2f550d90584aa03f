//! CLI tests of `extract`, `ingest` and `why`: every output format decodes, dates and stdin
//! work, re-ingesting is idempotent, a changed document replaces its evidence, and errors
//! are one line that names the file (and line) with exit 2.
//!
//! Texts are kept to sentences whose statement is the crate's own doc example ("X backs Y"),
//! so that tuning the patterns does not break these tests; what the extractor finds in
//! longer articles is scored by `extract.rs`.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::common::{cmd, error_line, json, repo};

const IRAN: &str = "BEIRUT, March 3, 2024 (Reuters) - Iran backs Hezbollah.\n";

#[derive(Debug, Deserialize)]
struct NodeLink {
    directed: bool,
    multigraph: bool,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Debug, Deserialize)]
struct Node {
    id: String,
    name: String,
    kind: String,
    #[serde(rename = "type")]
    etype: String,
}

#[derive(Debug, Deserialize)]
struct Edge {
    source: String,
    target: String,
    relation: String,
    evidence: Vec<Evidence>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Evidence {
    doc: String,
    date: Option<String>,
    text: String,
    span: Option<Span>,
    producer: String,
}

#[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// One line of `extract --format jsonl`.
#[derive(Debug, Deserialize)]
struct Line {
    source: String,
    relation: String,
    target: String,
    evidence: String,
    doc: String,
    date: Option<String>,
    span: Span,
    pattern: String,
    source_kind: String,
    target_kind: String,
}

impl NodeLink {
    fn name(&self, id: &str) -> &str {
        &self.nodes.iter().find(|n| n.id == id).unwrap().name
    }

    /// `source relation target` for every edge, by name.
    fn triples(&self) -> BTreeSet<String> {
        self.edges
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    self.name(&e.source),
                    e.relation,
                    self.name(&e.target)
                )
            })
            .collect()
    }

    fn docs(&self) -> BTreeSet<String> {
        self.edges
            .iter()
            .flat_map(|e| e.evidence.iter().map(|v| v.doc.clone()))
            .collect()
    }
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn lines(out: &[u8]) -> Vec<Line> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stored(graph: &Path) -> NodeLink {
    serde_json::from_slice(&std::fs::read(graph).unwrap()).unwrap()
}

#[test]
fn extract_json_is_node_link() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "iran.txt", IRAN);
    let g: NodeLink = json(
        cmd(&dir.path().join("g.json"))
            .args(["extract", "--format", "json"])
            .arg(&f),
    );
    assert!(g.directed && g.multigraph);
    assert!(g.triples().contains("Iran supports Hezbollah"), "{g:?}");
    let iran = g.nodes.iter().find(|n| n.name == "Iran").unwrap();
    assert_eq!(
        (iran.kind.as_str(), iran.etype.as_str()),
        ("actor", "state")
    );
    let e = &g.edges[0];
    assert_eq!(e.evidence[0].doc, "iran");
    assert_eq!(e.evidence[0].date.as_deref(), Some("2024-03-03"));
    let span = e.evidence[0].span.unwrap();
    assert_eq!(&IRAN[span.start..span.end], e.evidence[0].text);
    assert!(
        !dir.path().join("g.json").exists(),
        "extract stores nothing"
    );
}

#[test]
fn extract_jsonl_is_one_statement_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", IRAN);
    let b = write(
        dir.path(),
        "b.txt",
        "Russia backs Hezbollah. Iran backs Hamas.",
    );
    let out = cmd(&dir.path().join("g.json"))
        .args(["extract", "--format", "jsonl", "--date", "2024-05-06"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ls = lines(&out);
    let got: BTreeSet<(String, String, String, String)> = ls
        .iter()
        .map(|l| {
            (
                l.doc.clone(),
                l.source.clone(),
                l.relation.clone(),
                l.target.clone(),
            )
        })
        .collect();
    for (doc, s, t) in [
        ("a", "Iran", "Hezbollah"),
        ("b", "Russia", "Hezbollah"),
        ("b", "Iran", "Hamas"),
    ] {
        assert!(
            got.contains(&(doc.into(), s.into(), "supports".into(), t.into())),
            "{got:?}"
        );
    }
    let text_b = std::fs::read_to_string(&b).unwrap();
    for l in &ls {
        assert_eq!(
            l.date.as_deref(),
            Some("2024-05-06"),
            "--date wins over the dateline"
        );
        assert_eq!(
            (l.source_kind.as_str(), l.target_kind.as_str()),
            ("actor", "actor")
        );
        assert!(!l.pattern.is_empty());
        let text = if l.doc == "a" { IRAN } else { &text_b };
        assert_eq!(&text[l.span.start..l.span.end], l.evidence);
    }
}

#[test]
fn extract_reads_stdin_and_dates_it() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let run = |args: &[&str], input: &str| {
        lines(
            &cmd(&g)
                .args(["extract", "--format", "jsonl"])
                .args(args)
                .arg("-")
                .write_stdin(input)
                .assert()
                .success()
                .get_output()
                .stdout,
        )
    };
    let ls = run(&[], IRAN);
    assert_eq!(ls.len(), 1, "{ls:?}");
    assert_eq!(ls[0].doc, "stdin");
    assert_eq!(ls[0].date.as_deref(), Some("2024-03-03"), "dateline");
    let ls = run(&["--date", "2023-02-01"], IRAN);
    assert_eq!(ls[0].date.as_deref(), Some("2023-02-01"));
    // no dateline, no --date: today
    let ls = run(&[], "Iran backs Hezbollah.");
    let d = ls[0].date.clone().unwrap();
    assert!(
        d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' && d.as_str() > "2024",
        "{d}"
    );
    // an article that states nothing is a normal result
    let out = cmd(&g)
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin("It rained in Paris.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.is_empty());
}

#[test]
fn extract_dot_and_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "iran.txt", IRAN);
    let g = dir.path().join("g.json");
    let dot = cmd(&g)
        .args(["extract", "--format", "dot"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let dot = String::from_utf8(dot).unwrap();
    assert!(dot.trim_start().starts_with("digraph {"), "{dot}");
    assert!(dot.trim_end().ends_with('}'));
    assert_eq!(dot.matches('{').count(), dot.matches('}').count());
    assert!(dot.contains("label=\"Iran\"") && dot.contains("label=\"Hezbollah\""));
    let edges: Vec<&str> = dot
        .lines()
        .map(str::trim)
        .filter(|l| l.contains(" -> ") && !l.starts_with("legend_"))
        .collect();
    assert_eq!(edges.len(), 1, "{dot}");
    assert!(edges[0].contains("label=\"supports\""), "{dot}");
    if crate::common::have("dot", &["-V"], "Graphviz is not installed") {
        let (ok, err) = crate::common::render_dot(&dot);
        assert!(ok, "{err}");
    }
    let table = cmd(&g)
        .args(["extract", "--format", "table"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).unwrap();
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        ["SOURCE", "RELATION", "TARGET", "PATTERN", "EVIDENCE"]
    );
    assert_eq!(rows.len(), 2, "{table}");
    assert_eq!(rows[1][..3], ["Iran", "supports", "Hezbollah"]);
}

#[test]
fn extract_explain_shows_sentence_and_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "iran.txt", IRAN);
    let g = dir.path().join("g.json");
    let ls = lines(
        &cmd(&g)
            .args(["extract", "--format", "jsonl"])
            .arg(&f)
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let out = cmd(&g)
        .args(["extract", "--explain"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("Iran -supports-> Hezbollah  (")
            && first.contains(&format!("({}, confidence", ls[0].pattern))
            && first.ends_with(&format!(
                "iran bytes {}..{})",
                ls[0].span.start, ls[0].span.end
            )),
        "{out}"
    );
    assert_eq!(
        out.lines().nth(1).unwrap().trim(),
        "BEIRUT, March 3, 2024 (Reuters) - [Iran] <<backs>> [Hezbollah]."
    );
    // then the sentence's dependency tree: "backs" heads "Iran" (nsubj) and "Hezbollah" (obj)
    let tree: Vec<&str> = out.lines().skip(2).take_while(|l| !l.is_empty()).collect();
    let line_of = |word: &str| {
        tree.iter()
            .find(|l| l.split_whitespace().any(|w| w == word))
            .unwrap_or_else(|| panic!("no tree line for {word}:\n{out}"))
    };
    assert!(line_of("backs").contains(" backs VERB "), "{out}");
    assert!(line_of("Iran").ends_with("PROPN nsubj"), "{out}");
    assert!(line_of("Hezbollah").ends_with("PROPN obj"), "{out}");
}

#[test]
fn extract_missing_file_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "iran.txt", IRAN);
    let line = error_line(
        cmd(&dir.path().join("g.json"))
            .current_dir(dir.path())
            .arg("extract")
            .arg(&f)
            .arg("nosuch.txt"),
    );
    assert!(
        line.starts_with("actorgraph: cannot read nosuch.txt: "),
        "{line}"
    );
    let line = error_line(
        cmd(&dir.path().join("g.json"))
            .args(["extract", "--date", "2024-13-40"])
            .arg(&f),
    );
    assert_eq!(
        line,
        "actorgraph: bad date '2024-13-40' (expected YYYY-MM-DD)"
    );
}

#[test]
fn ingest_walks_a_folder_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let src = dir.path().join("news");
    write(&src, "a.txt", IRAN);
    write(&src, "deep/b.txt", "Belarus backs Russia.");
    write(&src, "README.md", "Turkey backs Azerbaijan.");
    write(&src, "notes.csv", "Turkey backs Azerbaijan.");
    // a fixed date, so that a run across midnight still writes the same bytes
    let ingest = || {
        cmd(&g)
            .args(["ingest", "--date", "2024-05-01"])
            .arg(&src)
            .assert()
    };
    ingest().success().stdout(format!(
        "ingested 2 documents (2 statements) into {}\n",
        g.display()
    ));
    let first = std::fs::read(&g).unwrap();
    let graph = stored(&g);
    assert_eq!(graph.docs(), BTreeSet::from(["a".into(), "b".into()]));
    assert_eq!(
        graph.triples(),
        BTreeSet::from([
            "Iran supports Hezbollah".to_string(),
            "Belarus supports Russia".into()
        ])
    );
    ingest().success();
    assert_eq!(
        std::fs::read(&g).unwrap(),
        first,
        "same bytes after re-ingest"
    );
    let graph = stored(&g);
    assert_eq!(graph.edges.len(), 2);
    assert!(graph.edges.iter().all(|e| e.evidence.len() == 1));
}

#[test]
fn ingest_jsonl_articles() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let body = [
        serde_json::json!({"id": "n1", "date": "2024-02-03", "title": "Ties", "text": "Iran backs Hezbollah.", "url": "https://example.org/n1"}),
        serde_json::json!({"id": "n2", "text": IRAN.replace("Iran", "Russia")}),
    ]
    .map(|v| v.to_string())
    .join("\n\n");
    let f = write(dir.path(), "news.jsonl", &body);
    cmd(&g).arg("ingest").arg(&f).assert().success();
    let graph = stored(&g);
    assert_eq!(graph.docs(), BTreeSet::from(["n1".into(), "n2".into()]));
    let ev = |src: &str| {
        graph
            .edges
            .iter()
            .find(|e| graph.name(&e.source) == src)
            .map(|e| &e.evidence[0])
            .unwrap()
    };
    assert_eq!(ev("Iran").date.as_deref(), Some("2024-02-03"));
    assert_eq!(ev("Russia").date.as_deref(), Some("2024-03-03"), "dateline");
    // the title is the first line of the text, so spans index "title\ntext"
    let span = ev("Iran").span.unwrap();
    assert_eq!(
        &"Ties\nIran backs Hezbollah."[span.start..span.end],
        ev("Iran").text
    );
    let first = std::fs::read(&g).unwrap();
    cmd(&g).arg("ingest").arg(&f).assert().success();
    assert_eq!(std::fs::read(&g).unwrap(), first);
}

#[test]
fn ingest_changed_document_replaces_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let f = write(
        dir.path(),
        "draft.txt",
        "Iran backs Hezbollah. Russia backs Syria.",
    );
    let ingest = || {
        cmd(&g)
            .args(["ingest", "--doc-id", "story-1", "--date", "2024-04-01"])
            .arg(&f)
            .assert()
            .success();
    };
    ingest();
    assert_eq!(
        stored(&g).triples(),
        BTreeSet::from([
            "Iran supports Hezbollah".to_string(),
            "Russia supports Syria".into()
        ])
    );
    std::fs::write(&f, "Iran backs Hezbollah. Turkey backs Azerbaijan.").unwrap();
    ingest();
    let graph = stored(&g);
    assert_eq!(
        graph.triples(),
        BTreeSet::from([
            "Iran supports Hezbollah".to_string(),
            "Turkey supports Azerbaijan".into()
        ])
    );
    assert_eq!(graph.docs(), BTreeSet::from(["story-1".into()]));
    assert!(graph.edges.iter().all(|e| e.evidence.len() == 1));
    let line = error_line(cmd(&g).args(["why", "Russia", "supports", "Syria"]));
    assert_eq!(line, "actorgraph: no entity 'Russia'");
}

/// The graph an SQLite database holds, as `export --format json` writes it.
fn exported(graph: &Path) -> NodeLink {
    json(cmd(graph).args(["export", "--format", "json"]))
}

#[test]
fn ingest_commits_every_n_documents_after_reading_every_input() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    let pairs = [
        ("Iran", "Hezbollah"),
        ("Russia", "Syria"),
        ("Turkey", "Azerbaijan"),
    ];
    for (i, (a, b)) in pairs.iter().cycle().take(7).enumerate() {
        write(
            &src,
            &format!("{i}.txt"),
            &format!("{a} backs {b}. {b} meets {a}.\n"),
        );
    }
    // a bad line in the last file: found before anything is written
    let bad = write(&src, "z.jsonl", "{\"id\": \"z1\", \"text\": \n");
    let g = dir.path().join("g.db");
    let line = error_line(cmd(&g).current_dir(&src).args([
        "ingest",
        "--commit-every",
        "1",
        "--date",
        "2024-05-01",
        ".",
    ]));
    assert!(line.starts_with("actorgraph: ./z.jsonl:1: "), "{line}");
    assert!(!g.exists(), "nothing written");
    std::fs::remove_file(bad).unwrap();
    // one document a transaction, three, or all at once: the same graph
    let ingest = |name: &str, every: &str| {
        let g = dir.path().join(name);
        cmd(&g)
            .args(["ingest", "--date", "2024-05-01", "--commit-every", every])
            .arg(&src)
            .assert()
            .success()
            .stdout(format!(
                "ingested 7 documents (14 statements) into {}\n",
                g.display()
            ));
        // again: each document's evidence replaced, nothing doubled
        cmd(&g)
            .args([
                "ingest",
                "--date",
                "2024-05-01",
                "--commit-every",
                every,
                "-q",
            ])
            .arg(&src)
            .assert()
            .success();
        exported(&g)
    };
    let whole = ingest("whole.db", "1000");
    assert_eq!(whole.docs().len(), 7);
    assert_eq!(whole.triples().len(), 6);
    assert!(whole.edges.iter().all(|e| e.evidence.len() > 1));
    for (name, every) in [("one.db", "1"), ("three.db", "3")] {
        let part = ingest(name, every);
        assert_eq!(part.triples(), whole.triples(), "--commit-every {every}");
        let evidence = |g: &NodeLink| -> Vec<Vec<String>> {
            let docs = |e: &Edge| e.evidence.iter().map(|v| v.doc.clone()).collect();
            g.edges.iter().map(docs).collect()
        };
        assert_eq!(evidence(&part), evidence(&whole), "--commit-every {every}");
    }
    // stdin cannot be read twice, so it is written at the end, in one transaction
    let g = dir.path().join("stdin.db");
    cmd(&g)
        .args(["ingest", "--commit-every", "1", "-"])
        .write_stdin("Iran backs Hezbollah.")
        .assert()
        .success();
    assert_eq!(exported(&g).triples().len(), 1);
    let line = error_line(cmd(&g).args(["ingest", "--commit-every", "0", "-"]));
    assert!(line.contains("--commit-every"), "{line}");
}

#[test]
fn ingest_bad_jsonl_line_leaves_the_graph_alone() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let f = write(dir.path(), "ok.txt", IRAN);
    cmd(&g).arg("ingest").arg(&f).assert().success();
    let before = std::fs::read(&g).unwrap();
    write(
        dir.path(),
        "bad.jsonl",
        "{\"id\": \"b1\", \"text\": \"Russia backs Syria.\"}\n{\"id\": \"b2\", \"text\": \n",
    );
    let line = error_line(
        cmd(&g)
            .current_dir(dir.path())
            .args(["ingest", "bad.jsonl"]),
    );
    assert!(line.starts_with("actorgraph: bad.jsonl:2: "), "{line}");
    write(
        dir.path(),
        "date.jsonl",
        "{\"id\": \"d1\", \"date\": \"2024-02-30\", \"text\": \"Russia backs Syria.\"}\n",
    );
    let line = error_line(
        cmd(&g)
            .current_dir(dir.path())
            .args(["ingest", "date.jsonl"]),
    );
    assert!(line.starts_with("actorgraph: date.jsonl:1: "), "{line}");
    assert!(line.contains("'2024-02-30'"), "{line}");
    assert_eq!(std::fs::read(&g).unwrap(), before, "stored graph untouched");
    let line = error_line(
        cmd(&g)
            .current_dir(dir.path())
            .args(["ingest", "nosuch.txt"]),
    );
    assert_eq!(
        line,
        "actorgraph: cannot read nosuch.txt: no such file or folder"
    );
}

#[test]
fn why_lists_evidence_and_names_unknown_entities() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let a = write(dir.path(), "a.txt", IRAN);
    let b = write(
        dir.path(),
        "b.txt",
        "GAZA, June 2, 2024 - Iran backs Hezbollah.",
    );
    cmd(&g).arg("ingest").arg(&a).arg(&b).assert().success();
    let out = cmd(&g)
        .args(["why", "Iran", "supports", "Hezbollah"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let ls: Vec<&str> = out.lines().collect();
    assert_eq!(ls[0], "Iran -supports-> Hezbollah: 2 pieces of evidence");
    assert!(
        ls.iter().any(|l| l.starts_with("- 2024-03-03 a bytes 0..")),
        "{out}"
    );
    assert!(
        ls.iter().any(|l| l.starts_with("- 2024-06-02 b bytes 0..")),
        "{out}"
    );
    assert!(ls.contains(&"  \"BEIRUT, March 3, 2024 (Reuters) - Iran backs Hezbollah.\""));

    #[derive(Deserialize)]
    struct Why {
        source: String,
        relation: String,
        target: String,
        evidence: Vec<Evidence>,
    }
    let w: Why = json(cmd(&g).args(["why", "Iran", "supports", "Hezbollah", "--format", "json"]));
    assert_eq!(
        (w.source.as_str(), w.relation.as_str(), w.target.as_str()),
        ("Iran", "supports", "Hezbollah")
    );
    let docs: BTreeSet<&str> = w.evidence.iter().map(|e| e.doc.as_str()).collect();
    assert_eq!(docs, BTreeSet::from(["a", "b"]));
    assert!(w.evidence.iter().all(|e| !e.producer.is_empty()));

    let line = error_line(cmd(&g).args(["why", "Nobody", "supports", "Hezbollah"]));
    assert_eq!(line, "actorgraph: no entity 'Nobody'");
    // a query that finds nothing: exit 1, a note on stderr
    cmd(&g)
        .args(["why", "Hezbollah", "supports", "Iran"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("actorgraph: no evidence that Hezbollah supports Iran\n");
}

/// `ingest --jobs` gives the same graph for any number of threads (the test articles,
/// which state relations in several sentences each), and `extract --jobs` the same output.
#[test]
fn jobs_do_not_change_results() {
    let dir = tempfile::tempdir().unwrap();
    let articles = crate::common::repo("tests/fixtures/articles");
    let mut graphs = Vec::new();
    for jobs in ["1", "2", "3"] {
        let g = dir.path().join(format!("g{jobs}.json"));
        cmd(&g)
            .args(["ingest", "-q", "--jobs", jobs])
            .arg(&articles)
            .assert()
            .success();
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        v["graph"] = serde_json::Value::Null;
        graphs.push(v);
    }
    assert!(graphs[0]["edges"].as_array().unwrap().len() > 50);
    assert_eq!(graphs[0], graphs[1]);
    assert_eq!(graphs[0], graphs[2]);
    let g = dir.path().join("unused.json");
    let files: Vec<_> = ["drc-goma.txt", "sudan-el-fasher.txt", "yemen-hodeidah.txt"]
        .iter()
        .map(|f| articles.join(f))
        .collect();
    let out = |jobs: &str| {
        cmd(&g)
            .args(["extract", "--format", "jsonl", "--jobs", jobs])
            .args(&files)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(out("1"), out("2"));
    cmd(&g)
        .args(["ingest", "--jobs", "0"])
        .arg(&articles)
        .assert()
        .code(2);
}

/// `--no-trees` reads with the window rules only: still the simple statements, and never
/// a statement the tree stage produced.
#[test]
fn no_trees_uses_window_rules_only() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let article = crate::common::repo("tests/fixtures/articles/sudan-el-fasher.txt");
    let with = cmd(&g)
        .args(["extract", "--format", "jsonl"])
        .arg(&article)
        .output()
        .unwrap();
    let without = cmd(&g)
        .args(["extract", "--format", "jsonl", "--no-trees"])
        .arg(&article)
        .output()
        .unwrap();
    let without = String::from_utf8(without.stdout).unwrap();
    assert!(without.lines().count() > 3);
    assert!(!without.contains(":tree-"));
    assert!(String::from_utf8(with.stdout).unwrap().lines().count() > 3);
    let text = dir.path().join("iran.txt");
    std::fs::write(&text, IRAN).unwrap();
    cmd(&g)
        .args(["extract", "--no-trees"])
        .arg(&text)
        .assert()
        .success()
        .stdout(predicates::str::contains("Iran"));
}

#[test]
fn extract_jsonl_imports_into_the_graph_ingest_makes() {
    let dir = tempfile::tempdir().unwrap();
    let articles: Vec<std::path::PathBuf> = std::fs::read_dir(repo("tests/fixtures/articles"))
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let (imported, ingested) = (dir.path().join("i.json"), dir.path().join("n.json"));
    let lines = cmd(&imported)
        .arg("extract")
        .args(&articles)
        .args(["--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let file = dir.path().join("x.jsonl");
    std::fs::write(&file, lines).unwrap();
    cmd(&imported).arg("import").arg(&file).assert().success();
    cmd(&ingested)
        .arg("ingest")
        .args(&articles)
        .assert()
        .success();
    // the same entities (ids, types) and the same edges with the same evidence; only the
    // aliases differ (ingest also keeps each surface form it read)
    let read = |g: &std::path::Path| {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(g).unwrap()).unwrap();
        for n in v["nodes"].as_array_mut().unwrap() {
            n.as_object_mut().unwrap().remove("aliases");
        }
        (v["nodes"].clone(), v["edges"].clone())
    };
    let (a, b) = (read(&imported), read(&ingested));
    assert!(a.1.as_array().unwrap().len() > 100);
    assert_eq!(a, b);
}
