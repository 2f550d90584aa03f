//! How much the parser loses to tagging errors: parses a CoNLL-U file twice, with the
//! tagger's tags and with the file's own (gold) UPOS and XPOS, and prints both scores.
//!
//! `cargo run --release --example gold_tags -- ../shared/ud/en_ewt-ud-dev.conllu`

use actorgraph::syntax::{Model, conllu, score::Score, tagger::WordAtoms};
fn main() {
    let model = Model::embedded().unwrap();
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let gold = conllu::read(&text, &path).unwrap();
    let mut s1 = Score::default();
    let mut s2 = Score::default();
    for g in &gold {
        let forms = g.forms();
        let atoms: Vec<WordAtoms> = forms.iter().map(|f| WordAtoms::new(f)).collect();
        let tags: Option<Vec<u16>> = g
            .words
            .iter()
            .map(|w| {
                model
                    .tags
                    .iter()
                    .position(|(u, x)| {
                        Some(u.as_str()) == w.upos.as_deref() && Some(*x) == w.xpos.as_deref()
                    })
                    .map(|t| t as u16)
            })
            .collect();
        let p = model.parse(&forms);
        s1.add(g, &p);
        if let Some(tags) = tags {
            let q = model.parse_tagged(&forms, &atoms, &tags);
            s2.add(g, &q);
        } else {
            s2.add(g, &p);
        }
    }
    println!("predicted tags: {s1}\ngold tags:      {s2}");
}
