//! Test-side evaluation of the extractor on the articles in `tests/fixtures/articles/`:
//! each `NAME.txt` is a short wire story written by us and `NAME.expected` lists the edges
//! that GUIDE.md says it states, the optional ones, and the traps (see the README there).
//!
//! Scoring follows `score.py`: a system edge is correct when it matches a required or an
//! optional edge, false otherwise, and a trap when it is false and matches a negative;
//! recall counts required edges only. Names match after the same normalisation (case,
//! diacritics, apostrophes, hyphens and a leading "the" are ignored), on any of the entity's
//! names. The totals must stay above a floor so that extraction cannot silently get worse.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use actorgraph::extract::{Extractor, read_document};

use crate::common::repo;

/// Micro F1 measured when the floor was set, minus 0.05: 0.600 (P 0.73, R 0.51) on the
/// 106 articles, the ninety-six written blind for the tree stage included (2026-12-07,
/// fifth session, when the last ten blind ones arrived at 0.435). Raise it when
/// extraction improves.
const F1_FLOOR: f64 = 0.550;
/// Traps fallen into: eleven when the floor was set, all in the blind articles; twelve
/// since the open set of ten of 2026-12-07 (sixth session) arrived with three (one mended);
/// eleven after the seventh session's rules, thirteen since its blind set of ten arrived
/// with two.
const MAX_TRAPS: usize = 13;

/// One end of an expected edge: the normalised names that are acceptable there.
type End = BTreeSet<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Required,
    Optional,
    Negative,
}

#[derive(Debug, Clone)]
struct Expected {
    kind: Kind,
    src: End,
    rel: String,
    dst: End,
    line: usize,
    text: String,
}

/// A system edge: its relation and the normalised names of both ends.
#[derive(Debug, Clone)]
struct SysEdge {
    label: String,
    rel: String,
    src: End,
    dst: End,
}

/// The counts of one article (or the sum of many).
#[derive(Debug, Default, Clone)]
struct Score {
    system: usize,
    correct: usize,
    traps: usize,
    required: usize,
    found: usize,
    false_edges: Vec<String>,
    missed: Vec<String>,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.system += o.system;
        self.correct += o.correct;
        self.traps += o.traps;
        self.required += o.required;
        self.found += o.found;
    }

    fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.correct, self.system);
        let r = ratio(self.found, self.required);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// score.py's `norm`, written again here so the test does not trust the code it tests.
fn norm(name: &str) -> String {
    let mut s = String::new();
    for c in name.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            '\u{2019}' | '\u{2018}' | '\'' | '`' | '\u{02bc}' => {}
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' | '.' | ',' => {
                s.push(' ')
            }
            c => s.extend(c.to_lowercase()),
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

const RELATIONS: [&str; 4] = ["supports", "opposes", "meets-with", "controls"];

/// Parses an `.expected` file; errors say the line.
fn parse_expected(text: &str) -> Result<Vec<Expected>, String> {
    let mut keys: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "=" {
            let [_, key, names] = cols[..] else {
                return Err(format!("line {n}: '=' takes KEY and NAMES: '{line}'"));
            };
            let names: Vec<String> = names.split('|').map(str::to_string).collect();
            if keys.insert(key.to_string(), names).is_some() {
                return Err(format!("line {n}: key '{key}' defined twice"));
            }
            continue;
        }
        let (kind, rest) = match cols[0] {
            "?" => (Kind::Optional, &cols[1..]),
            "!" => (Kind::Negative, &cols[1..]),
            _ => (Kind::Required, &cols[..]),
        };
        let [src, rel, dst] = rest[..] else {
            return Err(format!(
                "line {n}: expected SOURCE<TAB>RELATION<TAB>TARGET: '{line}'"
            ));
        };
        if !RELATIONS.contains(&rel) {
            return Err(format!("line {n}: unknown relation '{rel}'"));
        }
        let end = |spec: &str| -> End {
            spec.split('|')
                .flat_map(|alt| match keys.get(alt) {
                    Some(names) => names.clone(),
                    None => vec![alt.to_string()],
                })
                .map(|s| norm(&s))
                .collect()
        };
        out.push(Expected {
            kind,
            src: end(src),
            rel: rel.to_string(),
            dst: end(dst),
            line: n,
            text: line.trim_start_matches(['?', '!', '\t']).replace('\t', " "),
        });
    }
    Ok(out)
}

fn matches(e: &SysEdge, g: &Expected) -> bool {
    if e.rel != g.rel {
        return false;
    }
    let hit = |a: &End, b: &End| a.intersection(b).next().is_some();
    (hit(&e.src, &g.src) && hit(&e.dst, &g.dst))
        || (e.rel == "meets-with" && hit(&e.src, &g.dst) && hit(&e.dst, &g.src))
}

fn score(edges: &[SysEdge], gold: &[Expected]) -> Score {
    let mut s = Score::default();
    for e in edges {
        s.system += 1;
        let ok = gold
            .iter()
            .filter(|g| g.kind != Kind::Negative)
            .any(|g| matches(e, g));
        if ok {
            s.correct += 1;
            continue;
        }
        let trap = gold
            .iter()
            .filter(|g| g.kind == Kind::Negative)
            .any(|g| matches(e, g));
        s.traps += usize::from(trap);
        s.false_edges
            .push(format!("{}{}", e.label, if trap { "  [TRAP]" } else { "" }));
    }
    for g in gold.iter().filter(|g| g.kind == Kind::Required) {
        s.required += 1;
        if edges.iter().any(|e| matches(e, g)) {
            s.found += 1;
        } else {
            s.missed.push(format!("line {}: {}", g.line, g.text));
        }
    }
    s
}

/// The extractor's edges for one article, one per (source, relation, target).
fn system_edges(x: &Extractor, path: &Path) -> Vec<SysEdge> {
    let doc = read_document(path, None).unwrap();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for st in x.extract(&doc).statements {
        let key = (st.source.id.clone(), st.relation, st.target.id.clone());
        if !seen.insert(key) {
            continue;
        }
        out.push(SysEdge {
            label: format!("{} -{}-> {}", st.source.name, st.relation, st.target.name),
            rel: st.relation.as_str().to_string(),
            src: st.source.names().map(norm).collect(),
            dst: st.target.names().map(norm).collect(),
        });
    }
    out
}

fn articles() -> Vec<PathBuf> {
    let dir = repo("tests/fixtures/articles");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn expected_of(article: &Path) -> Vec<Expected> {
    let path = article.with_extension("expected");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_expected(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn articles_are_well_formed() {
    let all = articles();
    assert!(all.len() >= 10, "ten articles or more: {}", all.len());
    for a in &all {
        let text = std::fs::read_to_string(a).unwrap();
        let words = text.split_whitespace().count();
        assert!(
            (150..=400).contains(&words),
            "{}: {words} words",
            a.display()
        );
        let doc = read_document(a, None).unwrap();
        assert!(
            doc.date.is_some(),
            "{}: the dateline gives the date",
            a.display()
        );
        let gold = expected_of(a);
        for kind in [Kind::Required, Kind::Negative] {
            assert!(
                gold.iter().any(|g| g.kind == kind),
                "{}: has {kind:?} edges",
                a.display()
            );
        }
    }
}

#[test]
fn expected_files_report_their_errors() {
    let cases = [
        ("three columns", "A\tsupports", "line 1: expected SOURCE"),
        (
            "relation",
            "# c\nA\tbacks\tB",
            "line 2: unknown relation 'backs'",
        ),
        (
            "key twice",
            "=\tk\tA\n=\tk\tB",
            "line 2: key 'k' defined twice",
        ),
    ];
    for (name, text, want) in cases {
        let err = parse_expected(text).unwrap_err();
        assert!(err.starts_with(want), "{name}: {err}");
    }
}

/// The scorer itself, on a hand-made case: keys, alternatives, optional, traps, symmetry.
#[test]
fn scorer_counts_like_score_py() {
    let gold = parse_expected(
        "=\tiran\tIran|Tehran\n\
         iran\tsupports\tHezbollah\n\
         The Rebels\tmeets-with\tiran\n\
         ?\tiran\tcontrols\tTehran\n\
         !\tAssad\tcontrols\tAleppo\n",
    )
    .unwrap();
    let edge = |rel: &str, src: &[&str], dst: &[&str]| SysEdge {
        label: format!("{} -{rel}-> {}", src[0], dst[0]),
        rel: rel.to_string(),
        src: src.iter().map(|s| norm(s)).collect(),
        dst: dst.iter().map(|s| norm(s)).collect(),
    };
    let edges = vec![
        edge("supports", &["Islamic Republic", "TEHRAN"], &["Hezbollah"]),
        edge("meets-with", &["Iran"], &["rebels"]),
        edge("controls", &["Iran"], &["Tehran"]),
        edge("controls", &["Bashar al-Assad", "Assad"], &["Aleppo"]),
        edge("opposes", &["Iran"], &["Hezbollah"]),
    ];
    let s = score(&edges, &gold);
    assert_eq!((s.system, s.correct, s.traps), (5, 3, 1));
    assert_eq!((s.required, s.found), (2, 2));
    let (p, r, _) = s.prf();
    assert!((p - 0.6).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    assert_eq!(
        norm("The Hay\u{2019}at Tahrir-al-Sh\u{e2}m"),
        "hayat tahrir al sham"
    );
}

#[test]
// MAX_TRAPS may be 0, which makes `<=` an equality; it stays a bound to raise or lower
#[allow(clippy::absurd_extreme_comparisons)]
fn extraction_scores_above_the_floor() {
    let x = Extractor::embedded();
    let mut total = Score::default();
    let mut report = format!(
        "{:<22} {:>4} {:>4} {:>4} {:>5} {:>4} {:>5} {:>5} {:>5}\n",
        "article", "sys", "ok", "req", "found", "trap", "P", "R", "F1"
    );
    let mut details = String::new();
    for a in articles() {
        let name = a.file_stem().unwrap().to_string_lossy().into_owned();
        let s = score(&system_edges(&x, &a), &expected_of(&a));
        let (p, r, f) = s.prf();
        report.push_str(&format!(
            "{name:<22} {:>4} {:>4} {:>4} {:>5} {:>4} {p:>5.2} {r:>5.2} {f:>5.2}\n",
            s.system, s.correct, s.required, s.found, s.traps
        ));
        for e in &s.false_edges {
            details.push_str(&format!("{name}: false  {e}\n"));
        }
        for m in &s.missed {
            details.push_str(&format!("{name}: missed {m}\n"));
        }
        total.add(&s);
    }
    let (p, r, f) = total.prf();
    report.push_str(&format!(
        "{:<22} {:>4} {:>4} {:>4} {:>5} {:>4} {p:>5.2} {r:>5.2} {f:>5.2}\n",
        "micro total", total.system, total.correct, total.required, total.found, total.traps
    ));
    println!("{report}\n{details}");
    assert!(
        f >= F1_FLOOR,
        "micro F1 {f:.3} fell below the floor {F1_FLOOR}\n{report}\n{details}"
    );
    assert!(
        total.traps <= MAX_TRAPS,
        "{} traps fallen into, more than {MAX_TRAPS}\n{report}\n{details}",
        total.traps
    );
}
