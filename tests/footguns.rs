//! Issue 12, "Foot-guns": commands that used to do something surprising without a word
//! now refuse with exit 2 and one line saying why, or say what they did.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::common::{
    cmd, error_line, example, example_json, have, process, repo, scratch, scratch_json, stats,
    stdout,
};

/// Asserts that a reader (`stats`) and a writer (`alias`) both refuse the graph file at
/// `path` with the error line `want`, and that the file is left as it was; `case` names
/// the case in a failure.
fn refused_and_left_alone(path: &Path, want: &str, case: &str) {
    let before = fs::read(path).unwrap();
    assert_eq!(error_line(cmd(path).arg("stats")), want, "{case}");
    assert_eq!(
        error_line(cmd(path).args(["alias", "Iran", "Tehran"])),
        want,
        "{case}"
    );
    assert_eq!(fs::read(path).unwrap(), before, "{case}");
}

/// Writes `corpus.jsonl` in `dir`: `count` articles, the fixture articles over and over
/// (ids `a0`, `a1`, ...).
fn article_corpus(dir: &Path, count: usize) -> PathBuf {
    let articles: Vec<String> = fs::read_dir(repo("tests/fixtures/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let mut corpus = String::new();
    for i in 0..count {
        let text = &articles[i % articles.len()];
        corpus.push_str(&serde_json::json!({"id": format!("a{i}"), "text": text}).to_string());
        corpus.push('\n');
    }
    let file = dir.join("corpus.jsonl");
    fs::write(&file, corpus).unwrap();
    file
}

#[test]
fn export_and_render_refuse_to_write_over_the_graph_file() {
    let (dir, g) = example();
    let before = fs::read(&g).unwrap();
    let shown = g.display();
    // the same file by another spelling: canonical paths are compared
    let other_spelling = dir.path().join(".").join(g.file_name().unwrap());
    for args in [
        vec!["export", "--rel", "supports", "-o"],
        vec!["export", "--format", "dot", "-o"],
    ] {
        let line = error_line(cmd(&g).args(&args).arg(&other_spelling));
        assert_eq!(
            line,
            format!(
                "actorgraph: refusing to write the export over the graph file {shown}; choose another -o"
            )
        );
    }
    let line = error_line(cmd(&g).args(["render", "-o"]).arg(&g));
    assert_eq!(
        line,
        format!(
            "actorgraph: refusing to write the picture over the graph file {shown}; choose another -o"
        )
    );
    assert_eq!(fs::read(&g).unwrap(), before, "the graph is untouched");
    // another file is fine
    let out = dir.path().join("supports.json");
    cmd(&g)
        .args(["export", "--rel", "supports", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.exists());
}

#[test]
fn reading_a_missing_graph_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("nosuch.json");
    let want = format!(
        "actorgraph: no graph at {} (ingest, import or add create one)",
        g.display()
    );
    for args in [
        &["stats"][..],
        &["path", "Iran", "Hezbollah"],
        &["backers", "Hezbollah"],
        &["neighbors", "Iran"],
        &["show", "Iran"],
        &["why", "Iran", "supports", "Hezbollah"],
        &["export"],
        &["render", "--format", "svg"],
        &["dedupe"],
    ] {
        assert_eq!(error_line(cmd(&g).args(args)), want, "{args:?}");
    }
    assert!(!g.exists(), "reading creates nothing");
}

#[test]
fn writing_a_missing_graph_creates_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("sub").join("new.json");
    let out = cmd(&g)
        .args(["add", "Iran", "supports", "Hezbollah"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("created graph {}\n", g.display())
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "added: Iran -supports-> Hezbollah\n"
    );
    // the second write finds the file: nothing on stderr
    cmd(&g)
        .args(["alias", "Iran", "Tehran"])
        .assert()
        .success()
        .stderr("");
    // a write that fails creates no file
    let other = dir.path().join("other.json");
    error_line(cmd(&other).args(["add", "Iran", "backs", "Hezbollah"]));
    assert!(!other.exists());
}

#[test]
fn graph_paths_that_are_not_regular_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (path, what) in [
        (PathBuf::from("/dev/full"), "a device, pipe or socket"),
        (d.to_path_buf(), "a directory"),
    ] {
        let want = format!(
            "actorgraph: {}: not a graph file: it is {what}, not a regular file; give a .db or .json file with --graph",
            path.display()
        );
        assert_eq!(error_line(cmd(&path).arg("stats")), want);
        assert_eq!(
            error_line(cmd(&path).args(["add", "Iran", "supports", "Hezbollah"])),
            want
        );
    }
}

#[test]
fn graph_files_over_the_size_limit_are_refused_naming_the_limit() {
    let (_dir, g) = example_json();
    let size = fs::metadata(&g).unwrap().len();
    let line = error_line(
        cmd(&g)
            .env("ACTORGRAPH_MAX_GRAPH_BYTES", "1000")
            .arg("stats"),
    );
    let kib = size as f64 / 1024.0;
    assert_eq!(
        line,
        format!(
            "actorgraph: {}: {kib:.1} KiB ({size} bytes) is larger than the limit of 1000 bytes for graph files; set ACTORGRAPH_MAX_GRAPH_BYTES to raise it",
            g.display()
        )
    );
    cmd(&g)
        .env("ACTORGRAPH_MAX_GRAPH_BYTES", size.to_string())
        .arg("stats")
        .assert()
        .success();
    assert_eq!(
        error_line(
            cmd(&g)
                .env("ACTORGRAPH_MAX_GRAPH_BYTES", "lots")
                .arg("stats")
        ),
        "actorgraph: ACTORGRAPH_MAX_GRAPH_BYTES is 'lots', not a number of bytes (such as 8589934592 for 8 GiB)"
    );
}

/// Issue 12: a file longer than its metadata says (one that grew after the size check, or
/// a /proc file, whose size reads 0) is refused once more than the limit is read, and the
/// error gives no size it does not know.
#[cfg(target_os = "linux")]
#[test]
fn a_file_over_the_limit_that_its_size_does_not_show_is_refused_without_a_made_up_size() {
    let status = Path::new("/proc/self/status");
    assert_eq!(fs::metadata(status).unwrap().len(), 0);
    assert_eq!(
        error_line(
            cmd(status)
                .env("ACTORGRAPH_MAX_GRAPH_BYTES", "100")
                .arg("stats")
        ),
        "actorgraph: /proc/self/status: it has more than the limit of 100 bytes for graph files (its metadata said 0 bytes); set ACTORGRAPH_MAX_GRAPH_BYTES to raise it"
    );
    // under a limit it fits, it is read, and refused as the JSON it is not
    assert_eq!(
        error_line(
            cmd(status)
                .env("ACTORGRAPH_MAX_GRAPH_BYTES", "1000000")
                .arg("stats")
        ),
        "actorgraph: /proc/self/status: line 1: expected value"
    );
}

#[test]
fn zero_hops_limits_and_depths_are_errors_not_empty_answers() {
    let (_dir, g) = example();
    for (args, flag) in [
        (
            &["path", "Iran", "Hezbollah", "--max-hops", "0"][..],
            "--max-hops",
        ),
        (
            &["path", "Iran", "Hezbollah", "--all", "--limit", "0"],
            "--limit",
        ),
        (&["backers", "Hezbollah", "--depth", "0"], "--depth"),
    ] {
        assert_eq!(
            error_line(cmd(&g).args(args)),
            format!("actorgraph: {flag} must be at least 1 (got 0)"),
            "{args:?}"
        );
    }
}

#[test]
fn self_loops_are_refused_by_add_and_import() {
    let (dir, g) = example();
    assert_eq!(
        error_line(cmd(&g).args(["add", "Iran", "supports", "Iran"])),
        "actorgraph: 'Iran' and 'Iran' are the same entity, Iran (ir): an edge needs two"
    );
    // through an alias: Tehran is Iran
    assert_eq!(
        error_line(cmd(&g).args(["add", "Tehran", "supports", "Iran"])),
        "actorgraph: 'Tehran' and 'Iran' are the same entity, Iran (ir): an edge needs two"
    );
    let lines = dir.path().join("loop.jsonl");
    fs::write(
        &lines,
        "{\"source\": \"Iran\", \"relation\": \"supports\", \"target\": \"Hezbollah\"}\n{\"source\": \"Hezbollah\", \"relation\": \"meets-with\", \"target\": \"Hezbollah\"}\n",
    )
    .unwrap();
    assert_eq!(
        error_line(cmd(&g).arg("import").arg(&lines)),
        format!(
            "actorgraph: {}:2: 'Hezbollah' and 'Hezbollah' are the same entity, Hezbollah (hezbollah): an edge needs two",
            lines.display()
        )
    );
}

#[test]
fn merging_two_linked_entities_writes_no_self_loop() {
    let (_dir, g) = scratch();
    cmd(&g)
        .args(["add", "Iran", "supports", "Hezbollah"])
        .assert()
        .success();
    cmd(&g)
        .args(["merge", "Iran", "Hezbollah"])
        .assert()
        .success()
        .stdout(
            "merged 'Hezbollah' into 'Iran' (1 edge between them dropped: an entity has no edge to itself)\n",
        );
    // the file loads: the edge that became Iran -> Iran was left out
    cmd(&g)
        .args(["stats", "--format", "json"])
        .assert()
        .success();
}

/// Writes `bad.json` in `dir`: a graph file with `nodes` and `edges` (JSON objects) in
/// this layout, node N on line N + 1:
///
/// ```text
/// {"directed": true, "multigraph": true, "graph": {"schema_version": 1},
///   "nodes": [NODE,
///             NODE],
///   "edges": [EDGE,
///             EDGE]}
/// ```
fn write_graph(dir: &Path, nodes: &[String], edges: &[String]) -> PathBuf {
    let path = dir.join("bad.json");
    let items = |xs: &[String]| xs.join(",\n            ");
    fs::write(
        &path,
        format!(
            "{{\"directed\": true, \"multigraph\": true, \"graph\": {{\"schema_version\": 1}},\n  \"nodes\": [{}],\n  \"edges\": [{}]}}",
            items(nodes),
            items(edges)
        ),
    )
    .unwrap();
    path
}

/// A node of kind actor and type `etype`, on one line.
fn node(id: &str, name: &str, etype: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "{name}", "kind": "actor", "type": "{etype}", "aliases": []}}"#
    )
}

/// An edge `SOURCE -supports-> TARGET` on two lines, its evidence on the second, with
/// `evidence` (`, "key": value...`) merged into its one piece of evidence.
fn edge(source: &str, target: &str, evidence: &str) -> String {
    format!(
        r#"{{"source": "{source}", "target": "{target}", "key": "supports", "relation": "supports",
             "evidence": [{{"doc": "d1", "text": "Iran armed Hezbollah.", "producer": "manual" {evidence}}}]}}"#
    )
}

/// A graph file of the nodes Iran (`ir`) and Hezbollah, and one edge `ir -supports->
/// TARGET` with `evidence` merged into its one piece of evidence (lines 4 and 5).
fn graph_file(dir: &Path, target: &str, evidence: &str) -> PathBuf {
    write_graph(
        dir,
        &[
            node("ir", "Iran", "state"),
            node("hezbollah", "Hezbollah", "armed-group"),
        ],
        &[edge("ir", target, evidence)],
    )
}

#[test]
fn graph_files_are_validated_on_load_as_import_validates_lines() {
    let dir = tempfile::tempdir().unwrap();
    let ok = graph_file(
        dir.path(),
        "hezbollah",
        r#", "date": "2024-12-01", "confidence": 0.5"#,
    );
    cmd(&ok).arg("stats").assert().success();
    for (target, evidence, want) in [
        (
            "ir",
            "",
            "edge ir -supports-> ir links 'ir' to itself (an edge needs two entities)",
        ),
        (
            "hezbollah",
            r#", "date": "yesterday""#,
            "edge ir -supports-> hezbollah, evidence 1 (doc 'd1'): bad date 'yesterday' (expected YYYY-MM-DD)",
        ),
        (
            "hezbollah",
            r#", "confidence": 7.5"#,
            "edge ir -supports-> hezbollah, evidence 1 (doc 'd1'): confidence 7.5 is not between 0 and 1",
        ),
        (
            "hezbollah",
            r#", "span": {"start": 9, "end": 3}"#,
            "edge ir -supports-> hezbollah, evidence 1 (doc 'd1'): span 9..3 ends before it starts",
        ),
    ] {
        let path = graph_file(dir.path(), target, evidence);
        // the line of the edge (its end: where reading it finished); writers refuse it too
        let want = format!("actorgraph: {}: line 5: {want}", path.display());
        refused_and_left_alone(&path, &want, evidence);
    }
}

#[test]
fn graph_file_errors_name_the_line_where_the_offending_node_or_edge_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (iran, hezbollah) = (
        node("ir", "Iran", "state"),
        node("hezbollah", "Hezbollah", "armed-group"),
    );
    // each bad node or edge is followed by a good one, whose line is not the one to name
    for (name, nodes, edges, want) in [
        (
            "repeated id (issue 12)",
            vec![iran.clone(), node("ir", "Iraq", "state"), hezbollah.clone()],
            vec![edge("ir", "hezbollah", "")],
            "line 3: node 'ir' appears twice",
        ),
        (
            "unknown target (issue 12)",
            vec![iran.clone(), hezbollah.clone()],
            vec![edge("ir", "hamas", ""), edge("ir", "hezbollah", "")],
            "line 5: edge ir -supports-> hamas names unknown node 'hamas'",
        ),
        (
            "unknown source (issue 12)",
            vec![iran.clone(), hezbollah.clone()],
            vec![edge("ir", "hezbollah", ""), edge("sy", "hezbollah", "")],
            "line 7: edge sy -supports-> hezbollah names unknown node 'sy'",
        ),
        (
            "a node wrong by itself, not the last",
            vec![node("ir", "Iran", "city"), hezbollah.clone()],
            vec![edge("ir", "hezbollah", "")],
            "line 2: node 'ir' has type 'city', which is not a kind of actor",
        ),
    ] {
        let path = write_graph(dir.path(), &nodes, &edges);
        let want = format!("actorgraph: {}: {want}", path.display());
        refused_and_left_alone(&path, &want, name);
    }
}

#[test]
fn an_edge_before_the_nodes_naming_an_unknown_node_is_refused_without_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edges-first.json");
    // as a hand-written file may order them: the nodes are not known when the edge is read
    fs::write(
        &path,
        format!(
            "{{\"directed\": true, \"multigraph\": true, \"graph\": {{\"schema_version\": 1}},\n  \"edges\": [{}],\n  \"nodes\": [{}]}}",
            edge("ir", "hamas", ""),
            node("ir", "Iran", "state")
        ),
    )
    .unwrap();
    let want = format!(
        "actorgraph: {}: edge ir -supports-> hamas names unknown node 'hamas'",
        path.display()
    );
    refused_and_left_alone(&path, &want, "edges first");
}

#[test]
fn ingest_holds_the_lock_only_to_merge() {
    let (dir, g) = scratch();
    // a corpus that takes a while to extract on one thread
    let file = article_corpus(dir.path(), 400);
    let started = std::time::Instant::now();
    let mut ingest = process(&g)
        .args(["ingest", "--jobs", "1"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // a second writer does not wait for the extraction
    cmd(&g)
        .env("ACTORGRAPH_LOCK_TIMEOUT", "1")
        .args(["add", "Iran", "supports", "Hezbollah"])
        .assert()
        .success();
    let added = started.elapsed();
    assert!(ingest.wait().unwrap().success());
    let total = started.elapsed();
    assert!(
        added < total,
        "the add ({added:?}) finished before the ingest ({total:?})"
    );
    assert_eq!(
        stats(&g)["documents"],
        401,
        "both writers' documents are kept"
    );
}

#[test]
fn a_folder_gives_its_txt_and_jsonl_files_unless_glob_says_otherwise() {
    let (dir, g) = scratch();
    let news = dir.path().join("news");
    fs::create_dir_all(news.join("more")).unwrap();
    fs::write(news.join("a.txt"), "Iran supports Hezbollah.\n").unwrap();
    fs::write(
        news.join("more/b.jsonl"),
        "{\"id\": \"b\", \"text\": \"Russia supports the Syrian government.\"}\n",
    )
    .unwrap();
    fs::write(news.join("README.md"), "Turkey supports HTS.\n").unwrap();
    fs::write(news.join("notes.md"), "Erdogan met Putin in Ankara.\n").unwrap();
    cmd(&g)
        .arg("ingest")
        .arg(&news)
        .assert()
        .success()
        .stdout(format!(
            "ingested 2 documents (2 statements) into {}\n",
            g.display()
        ));
    let g2 = dir.path().join("g2.json");
    cmd(&g2)
        .arg("ingest")
        .arg(&news)
        .args(["--glob", "*.md"])
        .assert()
        .success()
        .stdout(format!(
            "ingested 2 documents (2 statements) into {}\n",
            g2.display()
        ));
    assert_eq!(stats(&g2)["documents"], 2);
    let card = stdout(cmd(&g2).args(["show", "Turkey"]));
    assert!(card.contains("Hayat Tahrir al-Sham"), "{card}");
}

#[test]
fn a_writer_waits_for_another_with_a_message_and_wait_limits_it() {
    let (_dir, g) = scratch();
    let held = actorgraph::graph::store::lock(&g, None, || ()).unwrap();
    // --wait gives up after its limit, with the lock error, and changes nothing
    let line = error_line(cmd(&g).args(["--wait", "0.3", "add", "Iran", "supports", "Hezbollah"]));
    assert!(
        line.starts_with(&format!(
            "actorgraph: graph {} is locked by another actorgraph process (waited 0.",
            g.display()
        )),
        "{line}"
    );
    assert!(!g.exists());
    // without --wait the writer waits as long as the lock is held, and says so
    let waiter = process(&g)
        .args(["add", "Iran", "supports", "Hezbollah"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    drop(held);
    let out = waiter.wait_with_output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines().next().unwrap(),
        format!(
            "actorgraph: another actorgraph process is writing {}; waiting until it has finished (--wait SECONDS to give up sooner)",
            g.display()
        )
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "added: Iran -supports-> Hezbollah\n"
    );
    // --wait must be a number of seconds
    let line = error_line(cmd(&g).args(["--wait", "soon", "add", "A", "supports", "B"]));
    assert_eq!(
        line,
        "actorgraph: invalid value 'soon' for '--wait <SECONDS>': 'soon' is not a number of seconds (such as 30 or 0.5)"
    );
}

#[test]
fn writers_leave_no_lock_file_and_remove_a_killed_writers_temporary() {
    let (dir, g) = scratch_json();
    // what a writer killed between writing its temporary and the rename leaves
    fs::write(dir.path().join(".g.json.Zx81qP.tmp"), "{\"directed\": tr").unwrap();
    fs::write(dir.path().join("g.json.lock"), "").unwrap();
    // another graph's temporary in the same folder is not this writer's to remove
    fs::write(dir.path().join(".h.json.Zx81qP.tmp"), "{").unwrap();
    cmd(&g)
        .args(["add", "Iran", "supports", "Hezbollah"])
        .assert()
        .success();
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".h.json.Zx81qP.tmp", "g.json"]);
}

#[test]
fn extract_and_ingest_read_inputs_by_one_rule() {
    let (dir, g) = scratch();
    let jsonl = dir.path().join("wire.jsonl");
    fs::write(
        &jsonl,
        "# two articles\n{\"id\": \"w1\", \"date\": \"2024-06-14\", \"text\": \"Iran armed Hezbollah.\"}\n\n{\"id\": \"w2\", \"date\": \"2024-06-15\", \"text\": \"Russia backs the Syrian government.\"}\n",
    )
    .unwrap();
    // a .jsonl file is articles for extract as for ingest: the ids are the articles' own
    let lines = stdout(
        cmd(&g)
            .args(["extract", "--no-trees", "--format", "jsonl"])
            .arg(&jsonl),
    );
    let docs: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(docs, ["w1", "w2"]);
    cmd(&g)
        .args(["ingest", "--no-trees"])
        .arg(&jsonl)
        .assert()
        .success();
    assert_eq!(stats(&g)["documents"], 2);
    // --input text reads the same file as one prose document named by its stem
    let lines = stdout(
        cmd(&g)
            .args([
                "extract",
                "--no-trees",
                "--format",
                "jsonl",
                "--input",
                "text",
            ])
            .arg(&jsonl),
    );
    assert!(
        lines.lines().all(|l| l.contains("\"doc\":\"wire\"")),
        "{lines}"
    );
    // --input jsonl reads stdin as articles
    let out = stdout(
        cmd(&g)
            .args([
                "extract",
                "--no-trees",
                "--input",
                "jsonl",
                "--format",
                "jsonl",
                "-",
            ])
            .write_stdin("{\"id\": \"s1\", \"text\": \"Iran armed Hezbollah.\"}\n"),
    );
    assert!(out.contains("\"doc\":\"s1\""), "{out}");
    // unknown fields are errors for both, naming the file and line, as import does
    let bad = dir.path().join("bad.jsonl");
    fs::write(
        &bad,
        "# c\n{\"id\": \"a\", \"text\": \"t\", \"author\": \"x\"}\n",
    )
    .unwrap();
    for command in ["extract", "ingest"] {
        let line = error_line(cmd(&g).arg(command).arg(&bad));
        assert_eq!(
            line,
            format!(
                "actorgraph: {}:2: unknown field `author`, expected one of `id`, `date`, `title`, `text`, `url`",
                bad.display()
            )
        );
    }
    let line = error_line(cmd(&g).args(["ingest", "--doc-id", "x"]).arg(&jsonl));
    assert_eq!(
        line,
        "actorgraph: --doc-id names a text document; the articles of a JSONL input carry their own ids"
    );
}

/// Runs `actorgraph ARGS` under a pseudo-terminal (util-linux `script`), returning what
/// the terminal showed; `None` (with a printed reason) when `script` is missing.
fn on_a_terminal(graph: &Path, args: &str) -> Option<String> {
    if !have(
        "script",
        &["--version"],
        "util-linux `script` is not on PATH, so no terminal to test the progress bar on",
    ) {
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("actorgraph");
    let out = std::process::Command::new("script")
        .args(["-qefc", &format!("{} {args}", bin.display()), "/dev/null"])
        .env("ACTORGRAPH_GRAPH", graph)
        .env("COLUMNS", "120")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_single_large_jsonl_shows_progress_on_a_terminal_unless_quiet() {
    let (dir, g) = scratch();
    // past the bar's 1 s delay with room to spare: about 90 KB takes two seconds or more
    // of one thread's work in a debug build, 1 MB about four in a release build (the
    // fixture articles are 1.5 KB on average)
    let n = if cfg!(debug_assertions) { 60 } else { 600 };
    let file = article_corpus(dir.path(), n);
    let args = format!("ingest --jobs 1 {}", file.display());
    let Some(shown) = on_a_terminal(&g, &args) else {
        return;
    };
    assert!(
        shown.contains("ETA"),
        "a bar with bytes, rate and ETA: {shown}"
    );
    assert!(
        shown.contains("KiB/s") || shown.contains("MiB/s"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("ingested {n} documents")),
        "{shown}"
    );
    let quiet = on_a_terminal(&g, &format!("{args} -q")).unwrap();
    assert!(!quiet.contains("ETA"), "-q hides it: {quiet}");
}
