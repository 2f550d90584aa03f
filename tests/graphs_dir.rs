//! Every graph stored in graphs/ still loads, and the example matches its statements.

use std::fs;

use actorgraph::graph::store;

use crate::common::repo;

#[test]
fn every_graph_in_graphs_loads() {
    let mut loaded = 0;
    for entry in fs::read_dir(repo("graphs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let g = store::load(&path).unwrap_or_else(|e| panic!("{e}"));
            assert!(g.entity_count() > 0, "{} is empty", path.display());
            assert!(g.edges().all(|e| !e.evidence.is_empty()));
            loaded += 1;
        }
    }
    assert!(loaded >= 1, "no graph in graphs/");
}

#[test]
fn the_example_graph_is_what_its_statements_make() {
    let g = store::load(&repo("graphs/example.json")).unwrap();
    let s = g.stats();
    assert_eq!((s.entities, s.edges, s.evidence), (32, 35, 37));
    assert_eq!(s.by_relation.len(), 4, "all four relations");
    let dot = fs::read_to_string(repo("graphs/example.dot")).unwrap();
    assert_eq!(
        dot,
        actorgraph::export::dot::to_dot(&g, &Default::default())
    );
}
