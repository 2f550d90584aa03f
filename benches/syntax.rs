//! Tagger and parser speed on one core, and the model's load time.
//!
//! Run by hand: `cargo bench --bench syntax` (release build). Prints the time to build the
//! WordNet lexicon and the word clusters (once per process) and the model load time
//! (best and median of 10 loads), then words per second for tagging and parsing (with
//! lemmas) the words of `../shared/ud/en_ewt-ud-test.conllu` when it is there, and of the
//! test articles in `tests/fixtures/articles/` split and tokenized as extraction does.
//! Figures are in benches/README.md.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use actorgraph::syntax::{Model, conllu};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Parses every sentence `rounds` times; returns the best and median words per second.
fn words_per_second(model: &Model, sentences: &[Vec<&str>], rounds: usize) -> (f64, f64) {
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        for s in sentences {
            black_box(model.parse(black_box(s)));
        }
        times.push(t.elapsed());
    }
    let best = *times.iter().min().unwrap();
    let rate = |d: Duration| words as f64 / d.as_secs_f64();
    (rate(best), rate(median(times)))
}

fn main() {
    // built once per process, on the first model load
    let t = Instant::now();
    actorgraph::syntax::wordnet::load();
    actorgraph::syntax::clusters::load();
    println!(
        "WordNet lexicon and word clusters (first model load only): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut loads = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        black_box(Model::load_embedded().expect("the embedded model loads"));
        loads.push(t.elapsed());
    }
    println!(
        "model load: best {:.1} ms, median {:.1} ms",
        loads.iter().min().unwrap().as_secs_f64() * 1e3,
        median(loads).as_secs_f64() * 1e3
    );
    let model = Model::embedded().expect("the embedded model loads");

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ewt = root.join("../shared/ud/en_ewt-ud-test.conllu");
    if let Ok(text) = std::fs::read_to_string(&ewt) {
        let gold = conllu::read(&text, "en_ewt-ud-test.conllu").expect("EWT test reads");
        let sentences: Vec<Vec<&str>> = gold.iter().map(|s| s.forms()).collect();
        let words: usize = sentences.iter().map(Vec::len).sum();
        let (best, med) = words_per_second(model, &sentences, 10);
        println!(
            "EWT test ({} sentences, {words} words): best {best:.0} words/s, median {med:.0} words/s",
            sentences.len()
        );
    } else {
        println!("EWT test skipped: {} not found", ewt.display());
    }

    let dir = root.join("tests/fixtures/articles");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("tests/fixtures/articles exists") {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(p).unwrap());
        }
    }
    let analyzed: Vec<_> = texts.iter().map(|t| actorgraph::text::analyze(t)).collect();
    let sentences: Vec<Vec<&str>> = texts
        .iter()
        .zip(&analyzed)
        .flat_map(|(t, a)| {
            a.sentences
                .iter()
                .map(|s| {
                    a.tokens[s.tokens.clone()]
                        .iter()
                        .map(|k| k.text(t))
                        .collect()
                })
                .collect::<Vec<Vec<&str>>>()
        })
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let (best, med) = words_per_second(model, &sentences, 20);
    println!(
        "test articles ({} sentences, {words} words): best {best:.0} words/s, median {med:.0} words/s",
        sentences.len()
    );
}
