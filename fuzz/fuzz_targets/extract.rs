//! `actorgraph extract FILE` (trees on): text -> dateline -> extractor -> statements, then
//! the JSON and DOT outputs built from them. Non-UTF-8 bytes are converted lossily (the CLI
//! refuses such files before extracting).
#![no_main]

use std::sync::OnceLock;

use actorgraph::export::{dot, json};
use actorgraph::extract::Extractor;
use actorgraph::graph::Graph;
use actorgraph::text::{Document, find_dateline};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| {
        let mut x = Extractor::embedded();
        x.trees = true;
        x
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let date = find_dateline(&text).or_else(|| Some("2024-06-01".into()));
    let doc = Document {
        id: "fuzz".into(),
        date,
        text,
        url: None,
    };
    let ex = extractor().extract(&doc);
    // what `extract --explain` prints: the same function as the binary's
    ex.explain(&doc).expect("the embedded model loads");
    let mut graph = Graph::new();
    for s in ex.statements {
        graph.add_statement(s);
    }
    let _ = json::to_string(&graph, "fuzz");
    let _ = dot::to_dot(&graph, &dot::DotOptions::default());
});
