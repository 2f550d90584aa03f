//! `--lexicon FILE`: the first byte picks the file's kind by its name (entities, roles,
//! ambiguous names, titles, stop-words), the rest is its text, added after the embedded
//! files as `Lexicon::load` adds a user's file; then lookups and a search use the lexicon.
//!
//! Building the whole embedded lexicon takes a tenth of a second, too slow to fuzz, so the
//! base is the first lines of each embedded file (same parser, same builder, same index).
#![no_main]

use std::sync::OnceLock;

use actorgraph::lexicon::{Lexicon, LexiconBuilder};
use actorgraph::text::analyze;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = [
    "user.tsv",
    "roles_user.tsv",
    "ambiguous_user.tsv",
    "titles_user.tsv",
    "stopwords_user.txt",
];

/// The first 60 lines of every embedded lexicon file.
fn base() -> &'static [(String, String)] {
    static B: OnceLock<Vec<(String, String)>> = OnceLock::new();
    B.get_or_init(|| {
        Lexicon::embedded_files()
            .iter()
            .map(|(name, text)| {
                let head: String = text.split_inclusive('\n').take(60).collect();
                (name.to_string(), head)
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    // `Lexicon::load` reads files with `read_to_string`: not UTF-8 is an error there
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = NAMES[usize::from(kind) % NAMES.len()];
    let mut b = LexiconBuilder::default();
    for (n, t) in base() {
        b.add_text(n, t)
            .expect("the embedded files' first lines parse");
    }
    if b.add_text(name, text).is_err() {
        return;
    }
    let lex = b.build();
    // look up the first field of each line, and search the text itself
    for line in text.lines().take(8) {
        let first = line.split('\t').next().unwrap_or("");
        let _ = lex.lookup(first, Some("2024-06-01"));
        let _ = lex.lookup(first, None);
    }
    let probe = &text[..text.floor_char_boundary(512)];
    let analyzed = analyze(probe);
    let _ = lex.find(probe, &analyzed.tokens);
});
