//! World lexicon timings: building the embedded lexicon, and finding its names in about
//! 6 MB of generated news-like text (sentences written for this bench, filled with names,
//! aliases and demonyms drawn from the lexicon itself).
//!
//! Run by hand: `cargo bench --bench lexicon` (release build). Figures are in
//! `benches/README.md`. Before the timings it prints the resident memory of the process
//! before and after loading the lexicon (Linux `/proc/self/status`).

use std::sync::LazyLock;

use actorgraph::lexicon::Lexicon;
use actorgraph::model::EntityType;
use actorgraph::text::{Token, tokenize_into};
use divan::counter::BytesCount;

/// At least this many bytes of generated text.
const TEXT_BYTES: usize = 6 * 1024 * 1024;

/// A small deterministic generator (xorshift), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[self.below(v.len())]
    }
}

/// Sentence templates: `{P}` person, `{S}` state, `{D}` demonym, `{A}` armed group, `{O}`
/// organization, `{C}` city, `{R}` region. Some sentences name nobody, as in real copy.
const TEMPLATES: &[&str] = &[
    "{P} met {P} in {C} on Tuesday to discuss a ceasefire and the release of prisoners.",
    "Fighters of the {A} seized {C} after two days of heavy clashes with the {A}, the {O} said.",
    "The {D} foreign ministry condemned the strike near {C}, which killed at least 12 people.",
    "{S} has backed the {A} since 2019, according to a report published by the {O}.",
    "Officials in {C} said {S} and {S} would hold talks in {C} next week.",
    "Residents of {C} reported shelling overnight; the {A} denied any responsibility.",
    "{P}, speaking at a summit of the {O}, warned that the war could spread to {S}.",
    "Aid convoys reached {C} and {C}, but access to {R} remained blocked by the {A}.",
    "Prices of bread and fuel rose sharply this month, traders said, as the currency fell.",
    "The {D} army said it had shot down several drones launched towards {C} and {R}.",
    "In a statement, the {O} urged all parties to protect civilians and allow aid to flow.",
    "{P} accused {S} of arming the {A} and said {D} forces would respond.",
    "Talks between the {A} and the government of {S} stalled over the future of {R}.",
    "Witnesses said the convoy was hit on the road between {C} and {C} shortly after dawn.",
    "The {A} announced it had withdrawn from {C}, handing positions to {D} troops.",
    "{S} and {S} signed a security agreement in {C}, officials from both sides confirmed.",
    "Humanitarian workers in {R} said hospitals were running out of fuel and medicine.",
    "The {O} said it had documented more than 300 violations since the truce began.",
    "{P} met the {D} ambassador in {C} and called for an end to the blockade of {R}.",
    "Analysts said the offensive by the {A} marked a turning point in the conflict.",
];

/// Generated text, about `TEXT_BYTES` long.
fn news_text(lex: &Lexicon) -> String {
    let mut pools: [Vec<String>; 7] = Default::default();
    for e in lex.entries() {
        let pool = match e.etype {
            EntityType::Person => 0,
            EntityType::State if !e.demonyms.is_empty() => 1,
            EntityType::ArmedGroup => 3,
            EntityType::Organization => 4,
            EntityType::City if e.pop.unwrap_or(0) >= 100_000 => 5,
            EntityType::Region => 6,
            _ => continue,
        };
        pools[pool].push(e.name.to_string());
        pools[pool].extend(e.aliases.iter().map(|a| a.to_string()));
        if e.etype == EntityType::State {
            pools[2].extend(e.demonyms.iter().map(|d| d.to_string()));
        }
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut text = String::with_capacity(TEXT_BYTES + 1024);
    while text.len() < TEXT_BYTES {
        for _ in 0..5 {
            let template = TEMPLATES[rng.below(TEMPLATES.len())];
            let mut rest = template;
            while let Some(at) = rest.find('{') {
                text.push_str(&rest[..at]);
                let pool = match &rest[at + 1..at + 2] {
                    "P" => 0,
                    "S" => 1,
                    "D" => 2,
                    "A" => 3,
                    "O" => 4,
                    "C" => 5,
                    _ => 6,
                };
                text.push_str(rng.pick(&pools[pool]));
                rest = &rest[at + 3..];
            }
            text.push_str(rest);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    text
}

fn tokens(text: &str) -> Vec<Token> {
    let mut t = Vec::new();
    tokenize_into(text, 0, text.len(), &mut t);
    t
}

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);
static TEXT: LazyLock<(String, Vec<Token>)> = LazyLock::new(|| {
    let text = news_text(&LEX);
    let t = tokens(&text);
    (text, t)
});

/// The ten wire stories of `tests/fixtures/articles/` (written for the tests, not tuned
/// on), repeated until `TEXT_BYTES`: real copy, as dense in names as the generated text
/// (one in 8 tokens), but the same few hundred names again and again, which keeps the
/// tables they touch in cache; the generated text draws its names from the whole lexicon.
static NEWS: LazyLock<(String, Vec<Token>)> = LazyLock::new(|| {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures/articles is part of the repository")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable fixture article"))
        .collect();
    let mut text = String::with_capacity(TEXT_BYTES + 16 * 1024);
    while text.len() < TEXT_BYTES {
        for a in &articles {
            text.push_str(a);
            text.push_str("\n\n");
        }
    }
    let t = tokens(&text);
    (text, t)
});

/// Resident memory of this process in kB (Linux), if known.
fn rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("?".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
}

fn main() {
    let before = rss_kb();
    let start = std::time::Instant::now();
    LazyLock::force(&LEX);
    let load = start.elapsed();
    let after = rss_kb();
    eprintln!(
        "lexicon: {} entries, {} names, {} roles; first load {load:.1?}; RSS {} before, {} after load",
        LEX.entries().len(),
        LEX.name_count(),
        LEX.roles().len(),
        mb(before),
        mb(after),
    );
    let (text, toks) = &*TEXT;
    // a digest of every match (span and candidates), to compare matcher versions
    let found = LEX.find(text, toks);
    let mut digest = std::hash::DefaultHasher::new();
    for m in &found {
        use std::hash::Hash;
        (m.start, m.end, &m.tokens).hash(&mut digest);
        for (i, how) in &m.candidates {
            (i, how.describe()).hash(&mut digest);
        }
    }
    eprintln!(
        "text: {:.2} MB, {} tokens, {} names found (digest {:016x})",
        text.len() as f64 / 1e6,
        toks.len(),
        found.len(),
        std::hash::Hasher::finish(&digest),
    );
    let (news, news_toks) = &*NEWS;
    eprintln!(
        "news: {:.2} MB, {} tokens, {} names found",
        news.len() as f64 / 1e6,
        news_toks.len(),
        LEX.find(news, news_toks).len(),
    );
    // CPU time of this thread, less disturbed than wall time when the machine is busy
    let n = 5;
    let (wall, cpu) = timed(n, || drop(Lexicon::embedded()));
    eprintln!("load: {wall:.1} ms wall, {cpu:.1} ms CPU (mean of {n})");
    let (wall, cpu) = timed(n, || drop(LEX.find(text, toks)));
    let mb = text.len() as f64 / 1e6;
    eprintln!(
        "find: {:.1} MB/s wall, {:.1} MB/s CPU (mean of {n})",
        mb / wall * 1e3,
        mb / cpu * 1e3
    );
    divan::main();
}

/// Nanoseconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`).
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Mean wall and CPU milliseconds of `n` runs of `f` (CPU is NaN where unknown).
fn timed(n: u32, mut f: impl FnMut()) -> (f64, f64) {
    let (c0, t0) = (cpu_ns(), std::time::Instant::now());
    for _ in 0..n {
        f();
    }
    let wall = t0.elapsed().as_secs_f64() * 1e3 / f64::from(n);
    let cpu = match (c0, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e6 / f64::from(n),
        _ => f64::NAN,
    };
    (wall, cpu)
}

/// Parsing the embedded files, without building the name index.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse() -> actorgraph::lexicon::LexiconBuilder {
    Lexicon::embedded_builder()
}

/// Building the embedded lexicon: parsing every file and indexing every name.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn load() -> Lexicon {
    Lexicon::embedded()
}

/// `Lexicon::find` over a tokenized text (what extraction calls), in bytes a second.
fn bench_find(bencher: divan::Bencher, (text, toks): &(String, Vec<Token>)) {
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| LEX.find(text, toks));
}

/// `Lexicon::find` over the generated text: names drawn from the whole lexicon.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn find(bencher: divan::Bencher) {
    bench_find(bencher, &TEXT);
}

/// `Lexicon::find` over the fixture articles repeated: as dense in names, but the same
/// few hundred names again and again.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn find_news(bencher: divan::Bencher) {
    bench_find(bencher, &NEWS);
}

/// Tokenizing the text, then `Lexicon::find`.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn tokenize_and_find(bencher: divan::Bencher) {
    let (text, _) = &*TEXT;
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| LEX.find(text, &tokens(text)));
}

/// Tokenizing alone, for comparison: what `tokenize_and_find` spends before matching.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn tokenize(bencher: divan::Bencher) {
    let (text, _) = &*TEXT;
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| tokens(text));
}
