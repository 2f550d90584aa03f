//! `actorgraph extract FILE` (trees on): text -> dateline -> extractor -> statements, then
//! the JSON and DOT outputs built from them. Non-UTF-8 bytes are converted lossily (the CLI
//! refuses such files before extracting).
#![no_main]

use std::sync::OnceLock;

use actorgraph::export::{dot, json};
use actorgraph::extract::{Extraction, Extractor};
use actorgraph::graph::Graph;
use actorgraph::syntax::Model;
use actorgraph::text::{Document, analyze, find_dateline};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| {
        let mut x = Extractor::embedded();
        x.trees = true;
        x
    })
}

/// What `extract --explain` does with an extraction (src/cli/extract.rs, `explain` and
/// `sentence_tree`): the same slicing of the text at the statement's span, its mentions and
/// its trigger, and the tree of the sentence holding the span.
fn explain(doc: &Document, ex: &Extraction) {
    let analyzed = analyze(&doc.text);
    for (k, s) in ex.statements.iter().enumerate() {
        let span = s
            .evidence
            .span
            .expect("extracted statements carry their span");
        let trig = ex.triggers[k];
        let mut marks: Vec<(usize, &str)> = vec![(trig.start, "<<"), (trig.end, ">>")];
        for m in &ex.mentions {
            if m.start >= span.start && m.end <= span.end {
                let e = &ex.entities[m.entity];
                let alt = m.alt.map(|a| &ex.entities[a]);
                let named = |x: &str| x == s.source.name || x == s.target.name;
                if named(&e.name) || alt.is_some_and(|a| named(&a.name)) {
                    marks.push((m.start, "["));
                    marks.push((m.end, "]"));
                }
            }
        }
        marks.sort_by_key(|(p, t)| (*p, *t == "[" || *t == "<<"));
        let mut text = String::new();
        let mut at = span.start;
        for (p, t) in marks {
            text.push_str(&doc.text[at..p]);
            text.push_str(t);
            at = p;
        }
        text.push_str(&doc.text[at..span.end]);
        if let Some(i) = analyzed
            .sentences
            .iter()
            .position(|x| x.span.start <= span.start && span.end <= x.span.end)
        {
            let tokens = &analyzed.tokens[analyzed.sentences[i].tokens.clone()];
            let tree = Model::embedded()
                .expect("the embedded model loads")
                .parse_tokens(&doc.text, tokens);
            let _ = tree.to_tree_string();
        }
    }
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
    explain(&doc, &ex);
    let mut graph = Graph::new();
    for s in ex.statements {
        graph.add_statement(s);
    }
    let _ = json::to_string(&graph, "fuzz");
    let _ = dot::to_dot(&graph, &dot::DotOptions::default());
});
