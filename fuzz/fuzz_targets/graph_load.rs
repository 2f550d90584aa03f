//! `--graph FILE`: bytes written to a file, read by `store::load_with_limit` (what
//! `store::load` does with the default limit), then the read-only commands' work on it:
//! stats, node-link round trip, JSON and DOT export.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use actorgraph::export::{dot, json};
use actorgraph::graph::{Graph, store};
use libfuzzer_sys::fuzz_target;

fn path() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| {
        std::env::temp_dir().join(format!("actorgraph-fuzz-{}.json", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let path = path();
    std::fs::write(path, data).expect("write the fuzz input");
    let Ok(graph) = store::load_with_limit(path, 1 << 20) else {
        return;
    };
    let _ = graph.stats();
    let _ = Graph::from_node_link(graph.to_node_link("fuzz"));
    let _ = json::to_string(&graph, "fuzz");
    let _ = dot::to_dot(&graph, &dot::DotOptions::default());
});
