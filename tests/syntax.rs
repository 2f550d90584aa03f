//! Tests of the tagger and dependency parser (`actorgraph::syntax`) and of `actorgraph parse`:
//!
//! - known trees: news sentences we wrote, each checking only the arcs that matter for
//!   reading who did what (apposition, coordination, relative clauses, passives,
//!   possessives, negation), parsed through the real tokenizer (`Model::parse_text`);
//! - the CLI: CoNLL-U out of text, a file or stdin, decoded and checked here (one root per
//!   sentence, heads in range, the `# text` given back by the FORMs and `SpaceAfter=No`);
//!   CoNLL-U in (multiword tokens and empty nodes skipped), `--score`, `--format table`, and
//!   errors as one line that names the file (and line) with exit 2;
//! - properties: any words give one tree (one root, heads in range, no cycle), and any text
//!   gives words whose spans slice the text;
//! - scores on UD English EWT's test file, when `../shared/ud` is there, against the floors
//!   in `.ci/syntax-floor`.
//!
//! Failures print the parse as `Sentence::to_tree_string` draws it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use actorgraph::syntax::{DEPRELS, Model, Sentence, XPOS, conllu, score::Score};
use assert_cmd::Command;
use proptest::prelude::*;
use proptest::test_runner::{TestCaseResult, TestRunner};

use crate::common::{cmd, error_line, stdout};

fn model() -> &'static Model {
    Model::embedded().unwrap_or_else(|e| {
        panic!("the embedded model does not load (is data/syntax/model.bin a trained model?): {e}")
    })
}

/// Every tree of a parse, for failure messages.
fn trees(sentences: &[Sentence]) -> String {
    sentences
        .iter()
        .map(Sentence::to_tree_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with a parse as a tree: not exactly one root, a head out of range or on the
/// word itself, a word that does not reach the root, a relation or tag outside the tables.
fn tree_problems(s: &Sentence) -> Vec<String> {
    let n = s.words.len();
    let mut problems = Vec::new();
    let roots: Vec<usize> = (0..n).filter(|&i| s.words[i].head.is_none()).collect();
    if n > 0 && roots.len() != 1 {
        problems.push(format!("{} roots: {roots:?}", roots.len()));
    }
    if s.root() != roots.first().copied() {
        problems.push(format!("root() is {:?}, roots are {roots:?}", s.root()));
    }
    for (i, w) in s.words.iter().enumerate() {
        match w.head {
            Some(h) if h >= n => problems.push(format!("word {i} has head {h} of {n} words")),
            Some(h) if h == i => problems.push(format!("word {i} is its own head")),
            _ => {}
        }
        if (w.head.is_none()) != (w.deprel == "root") {
            problems.push(format!(
                "word {i} has head {:?} and relation {}",
                w.head, w.deprel
            ));
        }
        if !DEPRELS.contains(&w.deprel) {
            problems.push(format!("word {i} has unknown relation {:?}", w.deprel));
        }
        if !XPOS.contains(&w.xpos) {
            problems.push(format!("word {i} has unknown XPOS {:?}", w.xpos));
        }
    }
    for start in 0..n {
        let mut w = start;
        let mut steps = 0;
        while let Some(h) = s.words[w].head {
            if h >= n || steps > n {
                problems.push(format!("word {start} does not reach the root"));
                break;
            }
            w = h;
            steps += 1;
        }
    }
    problems
}

fn assert_tree(s: &Sentence, what: &str) {
    let problems = tree_problems(s);
    assert!(
        problems.is_empty(),
        "{what}: not a tree: {problems:?}\n{}",
        s.to_tree_string()
    );
    // every word is drawn once
    assert_eq!(
        s.to_tree_string().lines().count(),
        s.words.len(),
        "{what}: the drawn tree has a line per word\n{}",
        s.to_tree_string()
    );
}

// == known trees ===========================================================================

/// Parses `text`, which must be one sentence.
fn one_sentence(text: &str) -> Sentence {
    let mut parsed = model().parse_text(text);
    assert_eq!(
        parsed.len(),
        1,
        "{text:?} is one sentence, parsed as:\n{}",
        trees(&parsed)
    );
    let s = parsed.pop().unwrap();
    assert_tree(&s, text);
    s
}

/// The index of the one word written `form`.
fn word(s: &Sentence, form: &str) -> usize {
    let found: Vec<usize> = (0..s.words.len())
        .filter(|&i| s.words[i].form == form)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one word {form:?} in\n{}",
        s.to_tree_string()
    );
    found[0]
}

/// Whether a relation is `rel`: exactly when `rel` has a subtype (`nmod:poss`), else by
/// its universal part (`obl` matches `obl:agent`).
fn is_rel(deprel: &str, rel: &str) -> bool {
    if rel.contains(':') {
        deprel == rel
    } else {
        deprel.split(':').next() == Some(rel)
    }
}

/// `(dependent, relation, head)` by form; the head `ROOT` means the word is the root.
type Arc = (&'static str, &'static str, &'static str);

/// The arcs of `s` that are not there, described with what the parser gave instead.
fn missing_arcs(s: &Sentence, arcs: &[Arc]) -> Vec<String> {
    let mut missing = Vec::new();
    for &(dep, rel, head) in arcs {
        let d = word(s, dep);
        let w = &s.words[d];
        let ok = if head == "ROOT" {
            w.head.is_none()
        } else {
            w.head == Some(word(s, head)) && is_rel(w.deprel, rel)
        };
        if !ok {
            let got = w
                .head
                .map_or("ROOT".to_string(), |h| s.words[h].form.clone());
            missing.push(format!(
                "want {dep} -{rel}-> {head}, got {dep} -{}-> {got}",
                w.deprel
            ));
        }
    }
    missing
}

/// Parses `text` (one sentence) and checks `arcs`; returns the parse for further checks.
fn expect_arcs(text: &str, arcs: &[Arc]) -> Sentence {
    let s = one_sentence(text);
    let missing = missing_arcs(&s, arcs);
    assert!(
        missing.is_empty(),
        "{text:?}:\n  {}\n{}",
        missing.join("\n  "),
        s.to_tree_string()
    );
    s
}

#[test]
fn apposition_names_the_commander() {
    let text = "Ukraine's top commander, Oleksandr Syrskyi, visited the front.";
    let s = expect_arcs(
        text,
        &[
            ("Ukraine", "nmod:poss", "commander"),
            ("'s", "case", "Ukraine"),
        ],
    );
    // the name is the apposition: its head word, with "Syrskyi" in its flat span
    let commander = word(&s, "commander");
    let syrskyi = word(&s, "Syrskyi");
    let appos: Vec<usize> = s
        .dependents(commander)
        .filter(|&d| s.words[d].deprel == "appos")
        .collect();
    let ok = appos.iter().any(|&a| {
        a == syrskyi || (s.words[syrskyi].head == Some(a) && s.words[syrskyi].deprel == "flat")
    });
    assert!(
        ok,
        "{text:?}: Syrskyi (or the name it is flat in) is appos of commander\n{}",
        s.to_tree_string()
    );
}

#[test]
fn coordinated_objects() {
    let text = "The rebels captured Aleppo and Hama.";
    let s = expect_arcs(
        text,
        &[
            ("captured", "root", "ROOT"),
            ("Aleppo", "obj", "captured"),
            ("Hama", "conj", "Aleppo"),
            ("and", "cc", "Hama"),
        ],
    );
    let (captured, aleppo, hama) = (word(&s, "captured"), word(&s, "Aleppo"), word(&s, "Hama"));
    let tree = s.to_tree_string();
    assert_eq!(s.object_of(captured), Some(aleppo), "{tree}");
    assert_eq!(s.conjuncts(aleppo), vec![hama], "{tree}");
    assert_eq!(s.child(aleppo, "conj"), Some(hama), "{tree}");
}

#[test]
fn coordinated_subjects() {
    let text = "Russia and Iran back Assad.";
    let s = expect_arcs(
        text,
        &[
            ("back", "root", "ROOT"),
            ("Russia", "nsubj", "back"),
            ("Iran", "conj", "Russia"),
            ("Assad", "obj", "back"),
        ],
    );
    let (back, russia, iran) = (word(&s, "back"), word(&s, "Russia"), word(&s, "Iran"));
    let tree = s.to_tree_string();
    assert_eq!(s.subject_of(back), Some(russia), "{tree}");
    assert_eq!(s.conjuncts(russia), vec![iran], "{tree}");
}

/// A sentence needs a finite verb: a past tense the tagger first read as a participle
/// ("forces [that were] struck") is its verb.
#[test]
fn a_sentence_gets_a_finite_verb() {
    expect_arcs(
        "US forces struck sites used by Iran's Revolutionary Guards.",
        &[
            ("struck", "root", "ROOT"),
            ("forces", "nsubj", "struck"),
            ("sites", "obj", "struck"),
            ("used", "acl", "sites"),
            ("Guards", "obl", "used"),
        ],
    );
}

#[test]
fn relative_clause_on_a_state() {
    expect_arcs(
        "Iran, which arms the Houthis, denied the report.",
        &[
            ("denied", "root", "ROOT"),
            ("Iran", "nsubj", "denied"),
            ("arms", "acl:relcl", "Iran"),
            ("Houthis", "obj", "arms"),
            ("report", "obj", "denied"),
        ],
    );
}

#[test]
fn passive_with_an_agent() {
    let text = "The town was seized by the militia.";
    let s = expect_arcs(
        text,
        &[
            ("seized", "root", "ROOT"),
            ("town", "nsubj:pass", "seized"),
            ("was", "aux:pass", "seized"),
            ("militia", "obl", "seized"),
            ("by", "case", "militia"),
        ],
    );
    let tree = s.to_tree_string();
    assert_eq!(
        s.subject_of(word(&s, "seized")),
        Some(word(&s, "town")),
        "{tree}"
    );
    assert_eq!(s.words[word(&s, "seized")].lemma, "seize", "{tree}");
}

#[test]
fn possessive_leader() {
    expect_arcs(
        "Hezbollah's leader met the envoy.",
        &[
            ("met", "root", "ROOT"),
            ("leader", "nsubj", "met"),
            ("Hezbollah", "nmod:poss", "leader"),
            ("'s", "case", "Hezbollah"),
            ("envoy", "obj", "met"),
        ],
    );
}

#[test]
fn negation_with_not() {
    let text = "Turkey did not support the offensive.";
    let s = expect_arcs(
        text,
        &[
            ("support", "root", "ROOT"),
            ("Turkey", "nsubj", "support"),
            ("not", "advmod", "support"),
            ("offensive", "obj", "support"),
        ],
    );
    assert!(
        s.is_negated(word(&s, "support")),
        "{text:?}: support is negated\n{}",
        s.to_tree_string()
    );
}

#[test]
fn negation_with_a_split_clitic() {
    let text = "Egypt didn't send troops.";
    let s = one_sentence(text);
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(
        forms,
        ["Egypt", "did", "n't", "send", "troops", "."],
        "the tokenizer splits n't"
    );
    let missing = missing_arcs(
        &s,
        &[
            ("send", "root", "ROOT"),
            ("Egypt", "nsubj", "send"),
            ("did", "aux", "send"),
            ("n't", "advmod", "send"),
            ("troops", "obj", "send"),
        ],
    );
    assert!(
        missing.is_empty(),
        "{text:?}:\n  {}\n{}",
        missing.join("\n  "),
        s.to_tree_string()
    );
    let send = word(&s, "send");
    assert!(
        s.is_negated(send),
        "{text:?}: send is negated\n{}",
        s.to_tree_string()
    );
    assert_eq!(
        s.words[word(&s, "n't")].lemma,
        "not",
        "{}",
        s.to_tree_string()
    );
}

#[test]
fn a_sentence_that_is_not_negated() {
    let s = one_sentence("Turkey supported the offensive.");
    let root = s.root().unwrap();
    assert!(!s.is_negated(root), "{}", s.to_tree_string());
}

#[test]
fn parse_text_keeps_spans_and_splits_sentences() {
    let text = "Iran backs the Houthis.  Russia and Iran back Assad.";
    let parsed = model().parse_text(text);
    assert_eq!(parsed.len(), 2, "{}", trees(&parsed));
    for s in &parsed {
        assert_tree(s, text);
        for w in &s.words {
            let span = w.span.expect("words from text have spans");
            assert_eq!(&text[span.start..span.end], w.form);
        }
    }
    // the same words as Model::parse gives for the forms
    let forms: Vec<&str> = parsed[0].words.iter().map(|w| w.form.as_str()).collect();
    let again = model().parse(&forms);
    for (a, b) in again.words.iter().zip(&parsed[0].words) {
        assert_eq!((a.head, a.deprel, a.upos), (b.head, b.deprel, b.upos));
    }
}

// == the CLI ===============================================================================

/// `actorgraph parse` with the graph file pointed into `dir` (parse does not use it).
fn parse_cmd(dir: &Path) -> Command {
    let mut c = cmd(&dir.join("g.json"));
    c.arg("parse");
    c
}

fn write_file(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// One word line of CoNLL-U output.
#[derive(Debug, Clone)]
struct Row {
    form: String,
    upos: String,
    /// 0 for the root.
    head: usize,
    deprel: String,
    misc: String,
}

#[derive(Debug, Clone, Default)]
struct Block {
    comments: Vec<String>,
    words: Vec<Row>,
}

impl Block {
    fn text(&self) -> Option<&str> {
        self.comments
            .iter()
            .find_map(|c| c.strip_prefix("# text = "))
    }

    fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// The sentence's text from its FORMs and `SpaceAfter=No`.
    fn rebuilt(&self) -> String {
        let mut out = String::new();
        for (i, w) in self.words.iter().enumerate() {
            out.push_str(&w.form);
            if i + 1 < self.words.len() && !w.misc.split('|').any(|m| m == "SpaceAfter=No") {
                out.push(' ');
            }
        }
        out
    }
}

/// Decodes CoNLL-U output, checking its shape: comments then word lines, a blank line after
/// every sentence, 10 tab-separated columns, IDs 1..n in order, one root (HEAD 0, relation
/// `root`) per sentence, heads within the sentence, known UPOS tags and relations.
fn decode(out: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur = Block::default();
    let mut ended = true;
    for (i, line) in out.lines().enumerate() {
        let at = format!("output line {}: {line:?}", i + 1);
        if line.is_empty() {
            assert!(!cur.words.is_empty(), "{at}: a sentence without words");
            blocks.push(std::mem::take(&mut cur));
            ended = true;
            continue;
        }
        ended = false;
        if line.starts_with('#') {
            assert!(cur.words.is_empty(), "{at}: a comment among words");
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{at}: 10 columns");
        assert_eq!(cols[0], (cur.words.len() + 1).to_string(), "{at}: ID");
        assert!(!cols[1].is_empty(), "{at}: FORM");
        assert!(!cols[2].is_empty(), "{at}: LEMMA");
        assert!(
            cols[3].parse::<actorgraph::syntax::Upos>().is_ok(),
            "{at}: UPOS"
        );
        assert!(XPOS.contains(&cols[4]), "{at}: XPOS");
        assert!(DEPRELS.contains(&cols[7]), "{at}: DEPREL");
        cur.words.push(Row {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            head: cols[6]
                .parse()
                .unwrap_or_else(|_| panic!("{at}: HEAD is a number")),
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    assert!(
        ended,
        "the output ends with a blank line after the last sentence"
    );
    for (k, b) in blocks.iter().enumerate() {
        let n = b.words.len();
        let roots: Vec<usize> = (0..n).filter(|&i| b.words[i].head == 0).collect();
        assert_eq!(roots.len(), 1, "sentence {k}: one root: {b:?}");
        for (i, w) in b.words.iter().enumerate() {
            assert!(
                w.head <= n && w.head != i + 1,
                "sentence {k} word {}: HEAD {}",
                i + 1,
                w.head
            );
            assert_eq!(
                w.head == 0,
                w.deprel == "root",
                "sentence {k} word {}",
                i + 1
            );
        }
        // no cycles: every word reaches the root
        for start in 0..n {
            let (mut w, mut steps) = (start, 0);
            while b.words[w].head != 0 {
                w = b.words[w].head - 1;
                steps += 1;
                assert!(steps <= n, "sentence {k}: word {} is in a cycle", start + 1);
            }
        }
    }
    blocks
}

/// Two paragraphs of news with a contraction, a possessive, a hyphenated compound,
/// a quote and a run of spaces and a tab inside a sentence. (A single line break ends a
/// sentence: `text::analyze` splits there, as wire copy puts a sentence per line.)
const NEWS: &str = "BEIRUT (Reuters) - Iran's ally Hezbollah didn't comment on Friday.\n\
The U.S.-backed force, which \"controls\" Raqqa, was attacked by Turkish  \tdrones.\n\n\
Russia and Iran back Assad. Turkey won't say so.\n";

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Checks CoNLL-U output for a text: a `# text = ` line per sentence that its FORMs and
/// `SpaceAfter=No` give back, and every non-space character of the text in some word.
fn check_text_output(text: &str, out: &str) -> Vec<Block> {
    let blocks = decode(out);
    assert!(!blocks.is_empty(), "sentences in\n{out}");
    for b in &blocks {
        let t = b
            .text()
            .unwrap_or_else(|| panic!("a `# text = ` line: {b:?}"));
        assert_eq!(b.rebuilt(), t, "FORMs and SpaceAfter=No give the text back");
    }
    let all: String = blocks.iter().flat_map(|b| b.forms()).collect();
    assert_eq!(
        all,
        no_space(text),
        "every character is in a word, in order"
    );
    blocks
}

#[test]
fn cli_parses_a_text_file_to_conllu() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "news.txt", NEWS);
    let out = stdout(parse_cmd(dir.path()).arg(&file));
    let blocks = check_text_output(NEWS, &out);
    assert_eq!(blocks.len(), 4, "four sentences:\n{out}");
    let texts: Vec<&str> = blocks.iter().filter_map(Block::text).collect();
    assert_eq!(
        texts[1],
        "The U.S.-backed force, which \"controls\" Raqqa, was attacked by Turkish drones.",
        "whitespace inside a sentence is one space"
    );
    assert!(
        blocks[0].forms().windows(2).any(|w| w == ["did", "n't"]),
        "{:?}",
        blocks[0].forms()
    );
    assert!(
        blocks[3].forms().windows(2).any(|w| w == ["wo", "n't"]),
        "{:?}",
        blocks[3].forms()
    );
    let punct = blocks[0].words.last().unwrap();
    assert_eq!((punct.form.as_str(), punct.upos.as_str()), (".", "PUNCT"));
}

#[test]
fn cli_parses_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "news.txt", NEWS);
    let from_stdin = stdout(parse_cmd(dir.path()).arg("-").write_stdin(NEWS));
    check_text_output(NEWS, &from_stdin);
    let from_file = stdout(parse_cmd(dir.path()).arg(&file));
    assert_eq!(from_stdin, from_file);
}

#[test]
fn cli_parses_empty_input_to_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for input in ["", "   \n\n\t\n"] {
        let out = stdout(parse_cmd(dir.path()).arg("-").write_stdin(input));
        assert!(decode(&out).is_empty(), "{input:?} -> {out:?}");
    }
}

/// A treebank-style file: a multiword token (`3-4`), an empty node (`8.1`), comments, and
/// a sentence without comments at the end of the file without a final blank line.
const GOLD: &str = "# sent_id = t1\n\
# text = Egypt still won't send troops.\n\
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n\
2\tstill\tstill\tADV\tRB\t_\t5\tadvmod\t_\t_\n\
3-4\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\two\twill\tAUX\tMD\t_\t5\taux\t_\tSpaceAfter=No\n\
4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n\
5\tsend\tsend\tVERB\tVB\t_\t0\troot\t_\t_\n\
6\ttroops\ttroop\tNOUN\tNNS\t_\t5\tobj\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n\
\n\
# sent_id = t2\n\
# text = Moscow backed the Syrian government, and Tehran the militias.\n\
1\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tbacked\tback\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n\
4\tSyrian\tSyrian\tADJ\tJJ\t_\t5\tamod\t_\t_\n\
5\tgovernment\tgovernment\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n\
6\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_\n\
7\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_\n\
8\tTehran\tTehran\tPROPN\tNNP\t_\t2\tconj\t_\t_\n\
8.1\tbacked\tback\tVERB\tVBD\t_\t_\t_\t2:conj:and\tCopyOf=2\n\
9\tthe\tthe\tDET\tDT\t_\t10\tdet\t_\t_\n\
10\tmilitias\tmilitia\tNOUN\tNNS\t_\t8\torphan\t_\tSpaceAfter=No\n\
11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\
\n\
1\tHezbollah\tHezbollah\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_";

const GOLD_FORMS: [&[&str]; 3] = [
    &["Egypt", "still", "wo", "n't", "send", "troops", "."],
    &[
        "Moscow",
        "backed",
        "the",
        "Syrian",
        "government",
        ",",
        "and",
        "Tehran",
        "the",
        "militias",
        ".",
    ],
    &["Hezbollah", "denied", "it"],
];

#[test]
fn cli_conllu_input_keeps_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "gold.conllu", GOLD);
    let out = stdout(parse_cmd(dir.path()).arg("--conllu").arg(&file));
    let blocks = decode(&out);
    let forms: Vec<Vec<&str>> = blocks.iter().map(Block::forms).collect();
    let want: Vec<Vec<&str>> = GOLD_FORMS.iter().map(|f| f.to_vec()).collect();
    assert_eq!(forms, want, "the file's words, without 3-4 and 8.1:\n{out}");
    // the comments are kept
    assert_eq!(
        blocks[0].comments,
        ["# sent_id = t1", "# text = Egypt still won't send troops."]
    );
    assert_eq!(
        blocks[1].text(),
        Some("Moscow backed the Syrian government, and Tehran the militias.")
    );
    assert!(blocks[2].comments.is_empty(), "{:?}", blocks[2].comments);
}

/// The value after `key` in a score line (`... UPOS 97.10  UAS 88.02 ...`).
fn score_value(line: &str, key: &str) -> f64 {
    let mut it = line.split_whitespace();
    while let Some(k) = it.next() {
        if k == key {
            let v = it
                .next()
                .unwrap_or_else(|| panic!("{key} has a value: {line}"));
            return v
                .parse()
                .unwrap_or_else(|_| panic!("{key} {v:?} is a number: {line}"));
        }
    }
    panic!("no {key} in {line:?}")
}

#[test]
fn cli_scores_conllu_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "gold.conllu", GOLD);
    let out = stdout(
        parse_cmd(dir.path())
            .arg("--conllu")
            .arg(&file)
            .arg("--score"),
    );
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    let line = out.lines().next().unwrap();
    assert!(line.contains("gold.conllu"), "names the file: {line}");
    assert_eq!(score_value(line, "sentences"), 3.0, "{line}");
    assert_eq!(score_value(line, "words"), 21.0, "{line}");
    for key in ["UPOS", "UAS", "LAS"] {
        let v = score_value(line, key);
        assert!((0.0..=100.0).contains(&v), "{key} {v}: {line}");
    }
    assert!(
        score_value(line, "LAS") <= score_value(line, "UAS"),
        "{line}"
    );
}

#[test]
fn cli_scores_its_own_output_as_perfect() {
    // parsing the words of our own output again gives the same tags and tree
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(parse_cmd(dir.path()).arg("-").write_stdin(NEWS));
    let file = write_file(dir.path(), "own.conllu", &out);
    let score = stdout(
        parse_cmd(dir.path())
            .arg("--conllu")
            .arg(&file)
            .arg("--score"),
    );
    for key in ["UPOS", "UAS", "LAS"] {
        assert_eq!(score_value(&score, key), 100.0, "{key}: {score}");
    }
    // and the same CoNLL-U, comments included
    let again = stdout(parse_cmd(dir.path()).arg("--conllu").arg(&file));
    let strip_misc = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| {
                let mut cols: Vec<&str> = l.split('\t').collect();
                if cols.len() == 10 {
                    cols[9] = "_";
                }
                cols.join("\t")
            })
            .collect()
    };
    assert_eq!(strip_misc(&again), strip_misc(&out));
}

#[test]
fn cli_table_format_draws_trees() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "news.txt", NEWS);
    let table = stdout(parse_cmd(dir.path()).arg(&file).args(["--format", "table"]));
    let conllu = decode(&stdout(parse_cmd(dir.path()).arg(&file)));
    assert!(table.contains("└── "), "{table}");
    // a block per sentence: its text, then a line per word, the root first and unindented
    let blocks: Vec<&str> = table.trim_end().split("\n\n").collect();
    assert_eq!(blocks.len(), conllu.len(), "{table}");
    for (b, c) in blocks.iter().zip(&conllu) {
        let lines: Vec<&str> = b.lines().collect();
        assert_eq!(Some(lines[0]), c.text(), "{b}");
        assert_eq!(lines.len() - 1, c.words.len(), "a line per word:\n{b}");
        assert!(lines[1].ends_with(" root"), "{b}");
        assert!(!lines[1].starts_with([' ', '│', '├', '└']), "{b}");
        for l in &lines[2..] {
            assert!(l.contains("├── ") || l.contains("└── "), "{l:?} in\n{b}");
        }
    }
    // with --conllu, the file's text comment heads each tree
    let gold = write_file(dir.path(), "gold.conllu", GOLD);
    let table = stdout(
        parse_cmd(dir.path())
            .arg("--conllu")
            .arg(&gold)
            .args(["--format", "table"]),
    );
    assert!(
        table.starts_with("Egypt still won't send troops.\n"),
        "{table}"
    );
    assert!(table.contains("└── "), "{table}");
}

/// A CoNLL-U word line with the given ID, FORM and HEAD.
fn row(id: &str, form: &str, head: &str, deprel: &str) -> String {
    format!("{id}\t{form}\t_\t_\t_\t_\t{head}\t{deprel}\t_\t_\n")
}

#[test]
fn cli_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = |id: &str, form: &str, head: &str| row(id, form, head, "dep");
    let cases: Vec<(&str, String, String)> = vec![
        (
            "columns.conllu",
            format!(
                "# text = Iran backs it\n{}2\tbacks\tback\n",
                good("1", "Iran", "2")
            ),
            "3: expected 10 tab-separated columns, found 3".into(),
        ),
        (
            "head.conllu",
            format!("{}{}", good("1", "Iran", "x"), good("2", "backs", "0")),
            "1: bad HEAD 'x'".into(),
        ),
        (
            "range.conllu",
            format!(
                "# text = Iran backs\n{}{}",
                good("1", "Iran", "2"),
                good("2", "backs", "7")
            ),
            "3: HEAD 7 is outside the sentence of 2 words".into(),
        ),
        (
            // the second sentence: lines count from the top of the file
            "second.conllu",
            format!(
                "{}\n# sent_id = 2\n{}{}",
                good("1", "Yes", "0"),
                good("1", "Iran", "2"),
                good("3", "backs", "0")
            ),
            "5: word id 3 out of order (expected 2)".into(),
        ),
        (
            // a HEAD out of range after a multiword token line: the line of the word itself
            "multiword.conllu",
            format!(
                "# text = Egypt won't go.\n{}{}{}{}{}{}",
                good("1", "Egypt", "4"),
                "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n",
                good("2", "wo", "4"),
                good("3", "n't", "4"),
                good("4", "go", "0"),
                good("5", ".", "9")
            ),
            "7: HEAD 9 is outside the sentence of 5 words".into(),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, want) in cases {
        let file = write_file(d, name, text);
        let want = format!("actorgraph: {}:{want}", file.display());
        let got = error_line(parse_cmd(d).arg("--conllu").arg(&file));
        if got != want {
            failures.push(format!("{name}:\n  want {want}\n  got  {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cli_errors_for_unreadable_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let latin1 = write_file(d, "latin1.txt", b"Iran backs Hezbollah.\n\xe9t\xe9\n");
    for conllu in [false, true] {
        let mut c = parse_cmd(d);
        if conllu {
            c.arg("--conllu");
        }
        assert_eq!(
            error_line(c.arg(&latin1)),
            format!("actorgraph: {}: not UTF-8 text (byte 22)", latin1.display()),
            "--conllu {conllu}"
        );
    }
    let missing = d.join("missing.conllu");
    for conllu in [false, true] {
        let mut c = parse_cmd(d);
        if conllu {
            c.arg("--conllu");
        }
        let line = error_line(c.arg(&missing));
        let want = format!("actorgraph: cannot read {}: ", missing.display());
        assert!(line.starts_with(&want), "{line}");
    }
}

// == properties ============================================================================

/// Words that occur in news, some of which the tagger knows.
const NEWS_WORDS: &[&str] = &[
    "Iran", "backs", "the", "Houthis", ".", ",", "Russia", "and", "'s", "n't", "did", "not", "was",
    "seized", "by", "militia", "which", "who", "that", "of", "in", "on", "Friday", "\"", "(", ")",
    "-", "—", "U.S.", "1,000", "2024", "al-Sham", "Hayat", "Tahrir", "said", "to", "a", "leader",
    "Erdoğan", "Kyiv", "?", "!", "...", ":", ";", "'", "''", "``",
];

fn any_word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NEWS_WORDS).prop_map(str::to_string),
        2 => "[!?.,;:()\\[\\]{}\"'…—–\\-/\\\\@#$%&*+=<>|~^`_]{1,6}",
        2 => "\\PC{1,12}",
        1 => any::<String>(),
        1 => prop::sample::select(&["", " ", "\t", "\n", "\u{0}", "\u{200b}", "\u{feff}", "e\u{301}", "\u{1f525}"][..])
            .prop_map(str::to_string),
    ]
}

/// Runs a property over `cases` values of `strategy`, as `proptest!` does (failures shrink
/// and are saved in proptest-regressions/syntax.txt), after loading the model: a model that
/// does not load fails the test once, with its error, rather than as a saved failing case.
fn check_property<S>(cases: u32, strategy: S, property: impl Fn(S::Value) -> TestCaseResult)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
{
    model();
    let config = ProptestConfig {
        cases,
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    if let Err(e) = TestRunner::new(config).run(&strategy, property) {
        panic!("{e}");
    }
}

#[test]
fn any_words_parse_to_one_tree() {
    let words = prop::collection::vec(any_word(), 0..60);
    check_property(256, words, |words| {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let s = model().parse(&forms);
        prop_assert_eq!(s.words.len(), forms.len());
        for (w, f) in s.words.iter().zip(&forms) {
            prop_assert_eq!(&w.form, f);
        }
        let problems = tree_problems(&s);
        prop_assert!(
            problems.is_empty(),
            "{:?}: {:?}\n{}",
            forms,
            problems,
            s.to_tree_string()
        );
        prop_assert_eq!(s.root().is_some(), !forms.is_empty());
        // a line per word drawn (unless a word holds a line break)
        if !forms.iter().any(|f| f.contains('\n')) {
            prop_assert_eq!(s.to_tree_string().lines().count(), forms.len());
        }
        // the same words, the same parse
        prop_assert_eq!(model().parse(&forms), s);
        Ok(())
    });
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(
            (
                prop::sample::select(NEWS_WORDS),
                prop::sample::select(&[" ", "", "  ", "\n"][..])
            ),
            0..60
        )
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect()),
        any::<String>(),
        "\\PC{0,200}",
    ]
}

#[test]
fn any_text_parses_to_trees_whose_words_slice_the_text() {
    check_property(128, any_text(), |text| {
        let parsed = model().parse_text(&text);
        let mut last_end = 0;
        let mut all = String::new();
        for s in &parsed {
            let problems = tree_problems(s);
            prop_assert!(
                problems.is_empty(),
                "{:?}: {:?}\n{}",
                text,
                problems,
                s.to_tree_string()
            );
            for w in &s.words {
                let span = w.span.expect("words from text have spans");
                prop_assert!(
                    span.start < span.end && span.start >= last_end,
                    "{:?}",
                    span
                );
                prop_assert!(span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                prop_assert_eq!(&text[span.start..span.end], w.form.as_str());
                last_end = span.end;
                all.push_str(&w.form);
            }
        }
        prop_assert_eq!(all, no_space(&text));
        Ok(())
    });
}

#[test]
fn edge_cases_parse_to_one_tree() {
    let m = model();
    let empty = m.parse(&[]);
    assert!(empty.words.is_empty() && empty.root().is_none());
    assert!(m.parse_text("").is_empty());

    let symbols = [
        "!!!", "???", "...", "---", "***", "###", "$$$", "%", "&&", "((", "))", "@", "//", "\\",
        "|", "~~~", "^", "<<", ">>", "=", "+", "_", "''", "``", "…", "—", "–", "•", "§", "¶",
    ];
    let cases: Vec<(String, Vec<String>)> = vec![
        ("one word".into(), vec!["Iran".into()]),
        ("one symbol".into(), vec!["!".into()]),
        (
            "symbols only".into(),
            symbols.iter().map(|s| s.to_string()).collect(),
        ),
        (
            "a 1,000-word sentence".into(),
            NEWS_WORDS
                .iter()
                .cycle()
                .take(1000)
                .map(|s| s.to_string())
                .collect(),
        ),
        (
            "1,000 commas".into(),
            std::iter::repeat_n(",".to_string(), 1000).collect(),
        ),
        (
            "a long name".into(),
            std::iter::repeat_n("Hezbollah".to_string(), 300).collect(),
        ),
    ];
    for (what, words) in &cases {
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let started = Instant::now();
        let s = m.parse(&forms);
        assert_eq!(s.words.len(), forms.len(), "{what}");
        assert_tree(&s, what);
        eprintln!("{what}: {} words in {:?}", forms.len(), started.elapsed());
    }
    let text = "!!! ??? ... --- *** ### $$$ %%% &&& ((( ))) @@@ /// ||| ~~~ ^^^ <<< >>> === +++";
    for s in m.parse_text(text) {
        assert_tree(&s, text);
    }
}

// == treebank scores =======================================================================

/// The floors of `.ci/syntax-floor`: `upos`, `uas` and `las` percentages.
fn read_floors(path: &Path) -> Result<[f64; 3], String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: {e}; it holds the score floors of the EWT test set, one `upos N`, `uas N`, \
             `las N` a line",
            path.display()
        )
    })?;
    let mut floors = [None; 3];
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", path.display(), i + 1);
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [key, value] = parts[..] else {
            return Err(format!("{at}: expected `name number`, found {line:?}"));
        };
        let k = match key {
            "upos" => 0,
            "uas" => 1,
            "las" => 2,
            _ => return Err(format!("{at}: unknown score {key:?} (upos, uas, las)")),
        };
        let v: f64 = value
            .parse()
            .ok()
            .filter(|v: &f64| (0.0..=100.0).contains(v))
            .ok_or_else(|| format!("{at}: {value:?} is not a percentage"))?;
        if floors[k].replace(v).is_some() {
            return Err(format!("{at}: {key} given twice"));
        }
    }
    match floors {
        [Some(u), Some(a), Some(l)] => Ok([u, a, l]),
        _ => Err(format!(
            "{}: needs all of upos, uas and las",
            path.display()
        )),
    }
}

#[test]
fn ewt_test_scores_at_least_the_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check_ewt_test(&root.join(".ci/syntax-floor"));
}

/// Parses every sentence of EWT's test file and checks the scores against the floors in
/// `floor_file`; skips (with a reason) when the treebank is not there.
fn check_ewt_test(floor_file: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let treebank = root.join("../shared/ud/en_ewt-ud-test.conllu");
    if !treebank.exists() {
        eprintln!(
            "skipped: {} is not there (UD English EWT)",
            treebank.display()
        );
        return;
    }
    let [upos, uas, las] = read_floors(floor_file).unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let text = std::fs::read_to_string(&treebank).unwrap();
    let gold = conllu::read(&text, &treebank.display().to_string()).unwrap();
    assert!(gold.len() > 2000, "{} sentences", gold.len());
    let m = model();
    let mut score = Score::default();
    for g in &gold {
        assert!(g.is_complete(), "line {}: a complete gold tree", g.line);
        let s = m.parse(&g.forms());
        assert_eq!(s.words.len(), g.words.len());
        let problems = tree_problems(&s);
        assert!(
            problems.is_empty(),
            "line {}: {problems:?}\n{}",
            g.line,
            s.to_tree_string()
        );
        score.add(g, &s);
    }
    eprintln!("EWT test: {score} in {:?}", started.elapsed());
    assert!(score.words > 20_000, "{score}");
    let got = [score.upos_accuracy(), score.uas(), score.las()];
    let low: Vec<String> = ["UPOS", "UAS", "LAS"]
        .iter()
        .zip(got.iter().zip([upos, uas, las]))
        .filter(|(_, (g, f))| **g < *f)
        .map(|(name, (g, f))| format!("{name} {g:.2} < floor {f:.2}"))
        .collect();
    assert!(
        low.is_empty(),
        "EWT test: {} (floors in {}); {score}",
        low.join(", "),
        floor_file.display()
    );
}

#[test]
fn floor_files_are_read_strictly() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "# measured 2026-12-04\n\nupos 95.0\nuas 84.5\n  las 80  \n",
            Ok([95.0, 84.5, 80.0]),
        ),
        ("upos 95\nuas 84\n", Err("needs all of upos, uas and las")),
        (
            "upos 95\nuas 84\nlas 80\nlas 81\n",
            Err(":4: las given twice"),
        ),
        (
            "upos 95\nuas 84\nlas eighty\n",
            Err(":3: \"eighty\" is not a percentage"),
        ),
        (
            "upos 95\nuas 840\nlas 80\n",
            Err(":2: \"840\" is not a percentage"),
        ),
        ("upos 95\nxpos 90\n", Err(":2: unknown score \"xpos\"")),
        ("upos=95\n", Err(":1: expected `name number`")),
    ];
    for (k, (text, want)) in cases.into_iter().enumerate() {
        let file = write_file(dir.path(), &format!("floor{k}"), text);
        match (read_floors(&file), want) {
            (Ok(got), Ok(want)) => assert_eq!(got, want, "{text:?}"),
            (Err(e), Err(want)) => assert!(e.contains(want), "{text:?}: {e}"),
            (got, _) => panic!("{text:?}: {got:?}"),
        }
    }
    let e = read_floors(&dir.path().join("missing")).unwrap_err();
    assert!(e.contains("missing") && e.contains("upos"), "{e}");
}

/// Loading turns rows with many entries into dense rows; saving gives the file back.
#[test]
fn the_embedded_model_saves_back_byte_for_byte() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/syntax/model.bin");
    let bytes = std::fs::read(&file).unwrap();
    let model = Model::embedded().unwrap();
    assert!(
        model.to_bytes() == bytes,
        "{} saves back other bytes",
        file.display()
    );
}

/// `train-syntax` on a tiny treebank: the model it writes loads, parses and saves back the
/// same bytes, and a second run with the same seed writes the same bytes.
#[test]
fn train_syntax_is_repeatable_and_its_model_loads() {
    let dir = tempfile::tempdir().unwrap();
    let ud = dir.path().join("ud");
    std::fs::create_dir(&ud).unwrap();
    write_file(&ud, "en_ewt-ud-train.conllu", GOLD);
    write_file(&ud, "en_ewt-ud-dev.conllu", GOLD);
    let train = |out: &str| {
        let out = dir.path().join(out);
        Command::cargo_bin("train-syntax")
            .unwrap()
            .arg(&ud)
            .arg(&out)
            .args([
                "--tagger-epochs",
                "2",
                "--parser-epochs",
                "2",
                "--folds",
                "2",
            ])
            .assert()
            .success();
        std::fs::read(out.join("model.bin")).unwrap()
    };
    let first = train("a");
    assert_eq!(first, train("b"), "two seeded runs wrote different models");
    let model = Model::from_bytes(&first, "model.bin").unwrap();
    assert!(
        model.to_bytes() == first,
        "a loaded model saves back other bytes"
    );
    assert!(
        model.meta.command.contains("--bin train-syntax"),
        "{:?}",
        model.meta
    );
    for forms in GOLD_FORMS {
        let s = model.parse(forms);
        assert_eq!(s.words.len(), forms.len());
        assert_eq!(
            s.words.iter().filter(|w| w.head.is_none()).count(),
            1,
            "{}",
            s.to_tree_string()
        );
    }
    // a damaged file is one clear error naming it, not a panic
    let err = Model::from_bytes(&first[..first.len() / 2], "half.bin").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("half.bin: not a valid syntax model"),
        "{err}"
    );
    let err = Model::from_bytes(b"something else\n", "other.bin").unwrap_err();
    assert!(
        err.to_string().starts_with("other.bin: not a syntax model"),
        "{err}"
    );
}

#[test]
fn train_syntax_without_a_treebank_is_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("train-syntax")
        .unwrap()
        .arg(dir.path().join("nowhere"))
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("train-syntax: cannot read ") && err.contains("en_ewt-ud-train.conllu"),
        "{err}"
    );
}

/// A wire dateline is parsed apart and hangs off the sentence's root, so the subject is
/// still the subject; a hyphen after a capitalized word ("US-backed") is no dateline.
#[test]
fn a_dateline_does_not_take_the_subject() {
    let s = expect_arcs(
        "BEIRUT, March 3, 2024 (Reuters) - Iran backs Hezbollah.",
        &[
            ("Iran", "nsubj", "backs"),
            ("Hezbollah", "obj", "backs"),
            ("BEIRUT", "parataxis", "backs"),
        ],
    );
    assert_eq!(s.root(), Some(word(&s, "backs")), "{}", s.to_tree_string());
    let s = one_sentence("US-backed forces took the town.");
    assert!(
        s.words.iter().all(|w| w.deprel != "parataxis"),
        "{}",
        s.to_tree_string()
    );
}

/// A byte-order mark opening a text or CoNLL-U file is not a word.
#[test]
fn cli_skips_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let text = write_file(dir.path(), "bom.txt", "\u{feff}Iran backs Hezbollah.\n");
    let out = stdout(parse_cmd(dir.path()).arg(&text));
    let first = out.lines().find(|l| l.starts_with("1\t")).unwrap();
    assert!(first.starts_with("1\tIran\t"), "{out}");
    let gold = write_file(dir.path(), "bom.conllu", format!("\u{feff}{GOLD}"));
    let out = stdout(parse_cmd(dir.path()).arg("--conllu").arg(&gold));
    let first = out.lines().find(|l| l.starts_with("1\t")).unwrap();
    assert!(first.starts_with("1\tEgypt\t"), "{out}");
}
