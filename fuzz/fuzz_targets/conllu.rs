//! `actorgraph parse --conllu FILE` (and `--score`): a CoNLL-U file read by `conllu::read`,
//! each sentence parsed from its words, scored against its gold columns and written back.
#![no_main]

use actorgraph::syntax::score::Score;
use actorgraph::syntax::{Model, conllu};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `parse` refuses a file that is not UTF-8 before reading it
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(gold) = conllu::read(text, "fuzz.conllu") else {
        return;
    };
    let model = Model::embedded().expect("the embedded model loads");
    let mut score = Score::default();
    let mut out = String::new();
    for g in &gold {
        let parsed = model.parse_gold(g);
        score.add(g, &parsed);
        conllu::write_sentence(&mut out, &g.comments, &parsed);
    }
    let _ = score.to_string();
});
