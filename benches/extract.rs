//! Extraction throughput: MB/s and words/s over a corpus of at least 5 MB built from the
//! test articles in `tests/fixtures/articles/`, on one core with and without the tree stage
//! (parsing), on every core with `extract_many`, and a breakdown of where the time goes
//! (sentences and tokens, lexicon lookup, mentions and window rules, parsing and tree rules).
//!
//! Run by hand: `cargo bench --bench extract` (release build). Figures are in
//! benches/README.md. `EXTRACT_BENCH_MB` sets the corpus size (default 5).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use actorgraph::extract::Extractor;
use actorgraph::text::{Document, analyze};

/// The test articles, sorted by name.
fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/articles exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Copy `k` of an article: paragraphs rotated and digits shifted, so that documents differ
/// in sentence order, dates and figures while the names stay the ones the lexicon knows.
fn variant(article: &str, k: usize) -> String {
    let paras: Vec<&str> = article.split("\n\n").collect();
    let r = k % paras.len();
    let rotated: Vec<&str> = paras[r..].iter().chain(&paras[..r]).copied().collect();
    rotated
        .join("\n\n")
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + k as u32) % 10, 10).unwrap(),
            None => c,
        })
        .collect()
}

fn corpus(min_bytes: usize) -> Vec<Document> {
    let base = articles();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut k = 0;
    while bytes < min_bytes {
        let text = variant(&base[k % base.len()], k / base.len());
        bytes += text.len();
        docs.push(Document {
            id: format!("doc-{k}"),
            date: Some("2024-12-05".into()),
            text,
            url: None,
        });
        k += 1;
    }
    docs
}

fn rate(amount: f64, t: Duration) -> f64 {
    amount / t.as_secs_f64()
}

fn main() {
    let mb: usize = std::env::var("EXTRACT_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let t = Instant::now();
    let x = Extractor::embedded();
    let mut windows = Extractor::embedded();
    windows.trees = false;
    let load = t.elapsed();
    let docs = corpus(mb * 1_000_000);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    println!(
        "corpus: {} documents, {:.1} MB, {} words; loading the embedded lexicon and patterns: {:.2} s",
        docs.len(),
        bytes as f64 / 1e6,
        words,
        load.as_secs_f64()
    );

    // warm up caches and the allocator on a few documents
    for d in docs.iter().take(50) {
        black_box(x.extract(d));
    }

    let t = Instant::now();
    let mut statements = 0;
    for d in &docs {
        statements += black_box(x.extract(d)).statements.len();
    }
    let full = t.elapsed();

    let t = Instant::now();
    let mut window_statements = 0;
    for d in &docs {
        window_statements += black_box(windows.extract(d)).statements.len();
    }
    let window_only = t.elapsed();

    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    black_box(x.extract_many(&docs, jobs));
    let parallel = t.elapsed();

    let t = Instant::now();
    for d in &docs {
        black_box(analyze(&d.text));
    }
    let text_stage = t.elapsed();

    let t = Instant::now();
    for d in &docs {
        let a = analyze(&d.text);
        black_box(x.lexicon.find(&d.text, &a.tokens));
    }
    let lexicon_stage = t.elapsed().saturating_sub(text_stage);

    let mbs = rate(bytes as f64 / 1e6, full);
    println!(
        "extract (one core): {:.2} s, {mbs:.2} MB/s, {:.0} words/s, {:.0} documents/s, {statements} statements",
        full.as_secs_f64(),
        rate(words as f64, full),
        rate(docs.len() as f64, full),
    );
    println!(
        "window rules only (one core): {:.2} s, {:.2} MB/s, {window_statements} statements",
        window_only.as_secs_f64(),
        rate(bytes as f64 / 1e6, window_only),
    );
    println!(
        "extract_many on {jobs} threads: {:.2} s, {:.2} MB/s",
        parallel.as_secs_f64(),
        rate(bytes as f64 / 1e6, parallel),
    );
    let share = |d: Duration| 100.0 * d.as_secs_f64() / full.as_secs_f64();
    let window_rules = window_only.saturating_sub(text_stage + lexicon_stage);
    let trees = full.saturating_sub(window_only);
    println!(
        "where the time goes: sentences and tokens {:.2} s ({:.0}%), lexicon lookup {:.2} s ({:.0}%), mentions and window rules {:.2} s ({:.0}%), parsing and tree rules {:.2} s ({:.0}%)",
        text_stage.as_secs_f64(),
        share(text_stage),
        lexicon_stage.as_secs_f64(),
        share(lexicon_stage),
        window_rules.as_secs_f64(),
        share(window_rules),
        trees.as_secs_f64(),
        share(trees),
    );
    println!(
        "target 1.5 MB/s on one core: {}",
        if mbs >= 1.5 { "met" } else { "NOT met" }
    );
    scaling(&x, &docs);
}

/// Throughput by document length: the same 1,500 articles cut into documents of 1, 10, 100 and
/// 1,000 articles, to show whether cost grows faster than the text does.
fn scaling(x: &Extractor, docs: &[Document]) {
    let first: Vec<&str> = docs.iter().take(1_500).map(|d| d.text.as_str()).collect();
    for per_doc in [1, 10, 100, 1_000] {
        let joined: Vec<Document> = first
            .chunks(per_doc)
            .enumerate()
            .map(|(k, c)| Document {
                id: format!("joined-{k}"),
                date: Some("2024-12-05".into()),
                text: c.join("\n\n"),
                url: None,
            })
            .collect();
        let bytes: usize = joined.iter().map(|d| d.text.len()).sum();
        let t = Instant::now();
        for d in &joined {
            black_box(x.extract(d));
        }
        let el = t.elapsed();
        println!(
            "documents of {per_doc:>5} articles ({:>9} bytes each): {:.2} MB/s",
            bytes / joined.len(),
            rate(bytes as f64 / 1e6, el)
        );
    }
}
