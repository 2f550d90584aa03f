//! `actorgraph serve`: the real binary on the example graph, asked over plain HTTP
//! (a `TcpStream`): the page, each API endpoint, and bad requests that must get a 4xx
//! and leave the server answering.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::common::{cmd, example, have, process};

/// The server process, killed when the test ends however it ends.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// `serve --port 0` on `graph`; the address from its first stdout line.
    fn start(graph: &std::path::Path) -> Server {
        Server::start_with(graph, |_| {})
    }

    /// [`Server::start`] with the command changed by `set` first.
    fn start_with(graph: &std::path::Path, set: impl FnOnce(&mut Command)) -> Server {
        let mut c = process(graph);
        set(&mut c);
        let mut child = c
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or_else(|| panic!("first line: {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// GET `path`: the status and the body.
    fn get(&self, path: &str) -> (u16, String) {
        self.get_as(path, &self.addr)
    }

    /// [`Server::get`] with `host` in the `Host` header.
    fn get_as(&self, path: &str, host: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw);
        let (head, body) = text.split_once("\r\n\r\n").expect("headers end");
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, body.to_string())
    }

    /// GET `path` and decode the JSON answer; checks the status.
    fn json(&self, path: &str, status: u16) -> Value {
        let (got, body) = self.get(path);
        assert_eq!(got, status, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }
}

#[test]
fn serve_answers_the_page_and_the_api_on_the_example() {
    let (_dir, graph) = example();
    let server = Server::start(&graph);

    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(page.contains(r#"<input id="q""#), "search box: {page}");
    assert!(server.get("/app.js").1.contains("/api/graph"));

    let info = server.json("/api/info", 200);
    assert_eq!(info["first_date"], "2024-11-27");
    assert_eq!(info["last_date"], "2024-12-15");

    let found = server.json("/api/search?q=hts", 200);
    assert_eq!(found["id"], "hts");
    assert_eq!(found["name"], "Hayat Tahrir al-Sham");

    let why = server.json("/api/edge?source=HTS&target=Aleppo&relation=controls", 200);
    let evidence = why["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 2);
    assert!(evidence[0]["text"].as_str().unwrap().contains("Aleppo"));
    assert_eq!(evidence[0]["date"], "2024-11-30");

    let control = server.json("/api/timeline?place=Aleppo", 200);
    assert_eq!(control["steps"][0]["name"], "Hayat Tahrir al-Sham");
}

#[test]
fn serve_draws_the_neighbourhood_with_graphviz() {
    let (_dir, graph) = example();
    let server = Server::start(&graph);
    let path = "/api/graph?focus=Aleppo&depth=1";
    if !have(
        "dot",
        &["-V"],
        "Graphviz `dot` not installed: no SVG to check",
    ) {
        let answer = server.json(path, 503);
        assert!(answer["error"].as_str().unwrap().contains("Graphviz"));
        return;
    }
    let answer = server.json(path, 200);
    let svg = answer["svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    for name in ["Aleppo", "Hayat Tahrir al-Sham"] {
        assert!(svg.contains(&name.replace('-', "&#45;")), "{name} in {svg}");
    }
    let names: Vec<&str> = answer["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Aleppo", "Hayat Tahrir al-Sham"]);
    assert!(svg.contains(r#"id="e0""#), "edge ids for the page's clicks");

    // as of a day before HTS took Aleppo, no edge is left
    let before = server.json(&format!("{path}&as_of=2024-11-28"), 200);
    assert_eq!(before["edges"].as_array().unwrap().len(), 0);
    assert!(before["note"].as_str().unwrap().contains("2024-11-28"));
}

#[test]
fn serve_without_graphviz_still_gives_the_edges() {
    let (_dir, graph) = example();
    // `dot` is looked up on PATH; the binary itself is started by its full path
    let server = Server::start_with(&graph, |c| {
        c.env("PATH", "");
    });
    let answer = server.json("/api/graph?focus=Aleppo&depth=1", 503);
    assert!(answer["svg"].is_null());
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot find Graphviz `dot` on PATH"),
        "{answer}"
    );
    assert_eq!(answer["edges"][0]["source_name"], "Hayat Tahrir al-Sham");
    assert_eq!(answer["edges"][0]["target_name"], "Aleppo");
}

#[test]
fn serve_refuses_bad_requests_and_keeps_answering() {
    let (_dir, graph) = example();
    let server = Server::start(&graph);
    let unknown = server.json("/api/graph?focus=Asad", 404);
    assert_eq!(
        unknown["error"],
        "no entity 'Asad' (did you mean 'Bashar al-Assad'?)"
    );
    assert_eq!(unknown["suggestions"][0], "Bashar al-Assad");
    let cases = [
        (
            "malformed as_of",
            "/api/graph?focus=HTS&as_of=2024-13-45",
            400,
        ),
        (
            "as_of not a date",
            "/api/edge?source=HTS&target=Aleppo&relation=controls&as_of=soon",
            400,
        ),
        (
            "unknown relation",
            "/api/edge?source=HTS&target=Aleppo&relation=likes",
            400,
        ),
        ("depth too deep", "/api/graph?focus=HTS&depth=99", 400),
        ("missing focus", "/api/graph", 400),
        (
            "no such evidence",
            "/api/edge?source=Iran&target=Aleppo&relation=controls",
            404,
        ),
        ("unknown endpoint", "/api/nothing", 404),
        ("timeline of an actor", "/api/timeline?place=Iran", 400),
    ];
    for (name, path, status) in cases {
        let answer = server.json(path, status);
        assert!(answer["error"].is_string(), "case {name}: {answer}");
    }
    for path in [
        "/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/src/serve/app.js",
        "/nothing",
    ] {
        assert_eq!(server.get(path).0, 404, "{path}");
    }
    // a page elsewhere reaching 127.0.0.1 through its own name (DNS rebinding)
    let (status, body) = server.get_as("/api/search?q=Assad", "evil.example:8377");
    assert_eq!(status, 403, "{body}");
    let port = server.addr.rsplit(':').next().unwrap();
    assert_eq!(server.get_as("/", &format!("localhost:{port}")).0, 200);
    assert_eq!(server.get("/").0, 200, "still answering");
    assert_eq!(
        server.json("/api/search?q=Assad", 200)["id"],
        "bashar-al-assad"
    );
}

#[test]
fn serve_marks_the_trigger_word_of_extracted_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.db");
    let text = dir.path().join("news.txt");
    std::fs::write(
        &text,
        "Russia backs Assad. The rebels seized Hama on Friday.",
    )
    .unwrap();
    cmd(&graph).arg("ingest").arg(&text).assert().success();
    let server = Server::start(&graph);
    let edge = server.json(
        "/api/edge?source=Russia&target=Assad&relation=supports",
        200,
    );
    assert_eq!(
        edge["evidence"][0]["marked"],
        serde_json::json!(["Russia ", "backs", " Assad."])
    );
}

#[test]
fn serve_refuses_a_missing_graph_before_listening() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("none.db");
    let out = process(&graph)
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("actorgraph: no graph at "), "{err}");
}

#[test]
fn serve_sees_what_another_process_adds_while_it_runs() {
    let (_dir, graph) = example();
    let server = Server::start(&graph);
    server.json("/api/search?q=Qusayr%20Brigade", 404);
    cmd(&graph)
        .args(["add", "Qusayr Brigade", "supports", "HTS"])
        .args(["--evidence", "The Qusayr Brigade joined the offensive."])
        .args(["--date", "2024-12-02", "--doc", "notes"])
        .args(["--url", "https://example.org/qusayr"])
        .assert()
        .success();
    assert_eq!(
        server.json("/api/search?q=Qusayr+Brigade", 200)["name"],
        "Qusayr Brigade"
    );
    let why = server.json(
        "/api/edge?source=Qusayr%20Brigade&target=HTS&relation=supports",
        200,
    );
    assert_eq!(why["evidence"][0]["link"], "https://example.org/qusayr");
}

#[test]
fn serve_as_of_sets_where_the_slider_starts_and_requests_name_their_own_day() {
    let (_dir, graph) = example();
    let server = Server::start_with(&graph, |c| {
        c.args(["--as-of", "2024-11-28"]);
    });
    assert_eq!(server.json("/api/info", 200)["as_of"], "2024-11-28");
    let all = server.json("/api/timeline?place=Aleppo", 200);
    assert_eq!(all["steps"].as_array().unwrap().len(), 1);
    let before = server.json("/api/timeline?place=Aleppo&as_of=2024-11-28", 200);
    assert_eq!(before["steps"].as_array().unwrap().len(), 0);
}
