//! `actorgraph import FILE.jsonl`: lines read by `import::read_statements`, each resolved
//! against the embedded lexicon and the graph and added to it, as the CLI does (without
//! the file store).
#![no_main]

use std::sync::OnceLock;

use actorgraph::graph::{Graph, Resolver, import};
use actorgraph::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::embedded)
}

fuzz_target!(|data: &[u8]| {
    let Ok(statements) = import::read_statements(data, "fuzz.jsonl") else {
        return;
    };
    let resolver = Resolver::new(lexicon());
    let mut graph = Graph::new();
    for (_line, written) in statements {
        if let Ok(statement) = resolver.statement(&graph, written) {
            graph.add_statement(statement);
        }
    }
    let _ = graph.stats();
    let _ = Graph::from_node_link(graph.to_node_link("fuzz"));
});
