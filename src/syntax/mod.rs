//! Sentence structure: a sentence's words in, part-of-speech tags, lemmas and a Universal
//! Dependencies basic tree out (a head and a relation for every word).
//!
//! Three stages, each its own file, run by [`Model::parse`]:
//! - [`tagger`]: an averaged-perceptron tagger, in two passes, gives every word a
//!   (UPOS, XPOS) tag;
//! - [`lemma`]: tables learned from the treebank give its lemma;
//! - [`parser`]: a greedy arc-hybrid transition parser gives its head and relation
//!   (the relation with EWT's subtypes: `nmod:poss`, `nsubj:pass`, `acl:relcl`, ...);
//! - [`repair`]: arcs that break a rule of English grammar are mended (a relative clause
//!   that swallowed the main verb).
//!
//! The tagger also reads [`wordnet`], a part-of-speech lexicon built from WordNet 3.0.
//!
//! The model is trained from UD English EWT by `cargo run --release --bin train-syntax --
//! ../shared/ud data/syntax` ([`train`]) and embedded in the binary ([`Model::embedded`]).
//! [`score`] computes UPOS accuracy, UAS and LAS against a treebank.
//!
//! Words come from [`crate::text`]'s tokenizer, which splits text the way EWT does:
//! possessive `'s` and the clitics `n't`, `'re`, `'ll`, ... are words of their own, quotes
//! and dashes are their own tokens, dotted abbreviations (`U.S.`) stay whole, and a hyphen
//! inside a compound is a word of its own: "U.S.-backed" is `U.S.` `-` `backed`, which is how
//! EWT tokenizes hyphenated compounds (the hyphen a `PUNCT`/`HYPH` word attached to the
//! following part by `punct`, the parts joined by `compound` or `amod`). EWT keeps a few
//! prefixed words whole (`e-mail`, `co-workers`); we split those too.
//!
//! ```
//! let model = actorgraph::syntax::Model::embedded()?;
//! let s = model.parse(&["Iran", "backs", "the", "Houthis", "."]);
//! let backs = s.root().unwrap();
//! assert_eq!(s.words[backs].lemma, "back");
//! assert_eq!(s.subject_of(backs), Some(0));
//! assert_eq!(s.object_of(backs), Some(3));
//! # Ok::<(), actorgraph::Error>(())
//! ```

pub mod clusters;
pub mod conllu;
pub mod labels;
pub mod lemma;
mod model_file;
pub mod parser;
pub mod perceptron;
pub mod repair;
pub mod score;
pub mod tagger;
pub mod train;
pub mod wordnet;

use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::model::Span;
use crate::text::Token;

pub use labels::{DEPRELS, Upos, XPOS};
pub use model_file::{FORMAT_VERSION, Meta};

use lemma::Lemmatizer;
use parser::{Input, Parser};
use tagger::{Tagger, WordAtoms};

/// A word of a parsed sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub form: String,
    /// Byte offsets in the document, when the word came from text.
    pub span: Option<Span>,
    pub upos: Upos,
    /// The Penn Treebank tag (`VBN`).
    pub xpos: &'static str,
    pub lemma: String,
    /// Index of the head word in the sentence, `None` for the root.
    pub head: Option<usize>,
    /// The relation to the head, with its subtype (`nmod:poss`); `root` for the root.
    pub deprel: &'static str,
}

/// A parsed sentence: its words, each with a head and a relation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<Word>,
}

impl Sentence {
    /// The root word.
    pub fn root(&self) -> Option<usize> {
        self.words.iter().position(|w| w.head.is_none())
    }

    /// The head of word `i` (`None` for the root).
    pub fn head_of(&self, i: usize) -> Option<usize> {
        self.words.get(i).and_then(|w| w.head)
    }

    /// All dependents of `head`, left to right.
    pub fn dependents(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == Some(head))
            .map(|(i, _)| i)
    }

    /// Dependents of `head` by relation: `rel` with a subtype (`nmod:poss`) matches exactly,
    /// without one (`nmod`) it matches the relation and all its subtypes.
    pub fn children<'a>(&'a self, head: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.dependents(head)
            .filter(move |&d| relation_matches(self.words[d].deprel, rel))
    }

    /// The first dependent of `head` with relation `rel` (as [`Sentence::children`] matches).
    pub fn child(&self, head: usize, rel: &str) -> Option<usize> {
        self.children(head, rel).next()
    }

    /// The subject of a predicate (`nsubj`, `nsubj:pass`, `csubj`).
    pub fn subject_of(&self, v: usize) -> Option<usize> {
        self.child(v, "nsubj").or_else(|| self.child(v, "csubj"))
    }

    /// The direct object of a verb.
    pub fn object_of(&self, v: usize) -> Option<usize> {
        self.child(v, "obj")
    }

    /// Whether `v` is negated by a dependent (`not`, `n't`, `never`, `no`).
    pub fn is_negated(&self, v: usize) -> bool {
        self.dependents(v).any(|d| {
            let w = &self.words[d];
            matches!(w.deprel, "advmod" | "det" | "neg")
                && matches!(w.lemma.as_str(), "not" | "never" | "no" | "n't")
        })
    }

    /// The conjuncts of `w` (its `conj` dependents, and theirs).
    pub fn conjuncts(&self, w: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = vec![w];
        while let Some(x) = todo.pop() {
            for c in self.children(x, "conj") {
                if !out.contains(&c) && c != w {
                    out.push(c);
                    todo.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The words from `w` up to the root: `[w, head of w, its head, ..., root]`.
    pub fn path_to_root(&self, mut w: usize) -> Vec<usize> {
        let mut path = vec![w];
        while let Some(h) = self.head_of(w) {
            if path.contains(&h) {
                break;
            }
            path.push(h);
            w = h;
        }
        path
    }

    /// The comma that opens the phrase of `w` (its first word, or the word just before
    /// it), not the sentence's first word: ", the Belgrade-sponsored party".
    pub fn opening_comma(&self, w: usize) -> Option<usize> {
        let first = self.subtree(w).into_iter().min().unwrap_or(w);
        let comma = if self.words[first].form == "," {
            first
        } else {
            first.checked_sub(1)?
        };
        (comma > 0 && comma < w && self.words[comma].form == ",").then_some(comma)
    }

    /// `w` and every word below it, in sentence order.
    pub fn subtree(&self, w: usize) -> Vec<usize> {
        let mut out = vec![w];
        let mut todo = vec![w];
        while let Some(x) = todo.pop() {
            for d in self.dependents(x) {
                if !out.contains(&d) {
                    out.push(d);
                    todo.push(d);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The words of the name headed by `w`: `w` with the `flat` and `compound` proper
    /// nouns around it that join it without a gap ("Abdel Fattah al-Burhan", "Hay'at Tahrir
    /// al-Sham"), as a range of word indexes.
    pub fn name_words(&self, w: usize) -> std::ops::Range<usize> {
        let part = |d: usize| {
            let word = &self.words[d];
            matches!(word.deprel, "flat" | "compound")
                && (word.upos == Upos::Propn || word.xpos == "HYPH" || word.form == "-")
        };
        let members: Vec<usize> = self.dependents(w).filter(|&d| part(d)).collect();
        let (mut start, mut end) = (w, w + 1);
        while start > 0 && (members.contains(&(start - 1)) || self.joins(start - 1, &members)) {
            start -= 1;
        }
        while end < self.words.len() && (members.contains(&end) || self.joins(end, &members)) {
            end += 1;
        }
        start..end
    }

    /// Whether word `i` hangs (as punctuation or a flat part) off one of `members`.
    fn joins(&self, i: usize, members: &[usize]) -> bool {
        self.words[i].head.is_some_and(|h| {
            members.contains(&h) && matches!(self.words[i].deprel, "punct" | "flat")
        })
    }

    /// The byte span of the words `words` (first to last), when they came from text.
    pub fn span_of(&self, words: &[usize]) -> Option<Span> {
        let first = self.words.get(*words.iter().min()?)?.span?;
        let last = self.words.get(*words.iter().max()?)?.span?;
        Some(Span {
            start: first.start,
            end: last.end,
        })
    }

    /// The lemma of the preposition (`case` dependent) of a nominal: "against" for the
    /// `obl` of "fought against the army".
    pub fn case_of(&self, n: usize) -> Option<&str> {
        self.child(n, "case").map(|c| self.words[c].lemma.as_str())
    }

    /// The agent of a passive verb: its `obl:agent`, or an `obl` marked by "by" when the
    /// verb has a passive subject or auxiliary ("the town was seized by the militia").
    pub fn agent_of(&self, v: usize) -> Option<usize> {
        // an agent is marked by "by": the parser's `obl:agent` without it is a misparse
        // ("Rebels toppled President Assad" read as "rebels [who were] toppled")
        let by = |o: &usize| self.case_of(*o) == Some("by");
        // and a finite verb with an active subject has no agent: "the top brass stood by the
        // leader" is no passive (a participle may have one: "many of them armed by Iran")
        if self.child(v, "nsubj").is_some()
            && self.child(v, "aux:pass").is_none()
            && self.words[v].xpos != "VBN"
        {
            return None;
        }
        self.children(v, "obl:agent").find(by).or_else(|| {
            let passive =
                self.child(v, "nsubj:pass").is_some() || self.child(v, "aux:pass").is_some();
            passive.then(|| self.children(v, "obl").find(by)).flatten()
        })
    }

    /// The noun a relative clause is about: the head of `v` when `v` is an `acl:relcl`
    /// ("Iran, which arms the Houthis" gives "Iran" for "arms").
    pub fn antecedent_of(&self, v: usize) -> Option<usize> {
        let w = self.words.get(v)?;
        (w.deprel == "acl:relcl").then_some(w.head).flatten()
    }
}

fn relation_matches(deprel: &str, rel: &str) -> bool {
    deprel == rel
        || (!rel.contains(':')
            && deprel.len() > rel.len()
            && deprel.starts_with(rel)
            && deprel.as_bytes()[rel.len()] == b':')
}

/// How many tokens open `tokens` (of `text`) as a wire-story dateline, dash included: an
/// upper-case place name first, a dash with space on both sides within the first 16
/// tokens (not the hyphen of "US-backed"), no lower-case word before it, and words after it
/// ("PORT SUDAN, June 14, 2024 (Reuters) -" is 11 tokens). 0 when there is none.
pub fn dateline_len(text: &str, tokens: &[Token]) -> usize {
    let forms: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let spaced = |k: usize| {
        k > 0
            && tokens[k - 1].end < tokens[k].start
            && tokens.get(k + 1).is_some_and(|n| tokens[k].end < n.start)
    };
    let place = forms.first().is_some_and(|f| {
        f.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && f.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    });
    if !place {
        return 0;
    }
    let dash = forms
        .iter()
        .take(16)
        .enumerate()
        .position(|(k, f)| matches!(*f, "-" | "--" | "\u{2013}" | "\u{2014}") && spaced(k));
    match dash {
        Some(k)
            if k >= 1
                && k + 2 < forms.len()
                && forms[..k]
                    .iter()
                    .all(|f| !f.starts_with(|c: char| c.is_lowercase())) =>
        {
            k + 1
        }
        _ => 0,
    }
}

/// One sentence from a dateline's tree and the sentence's: the dateline's root becomes a
/// `parataxis` dependent of the sentence's root.
fn join_dateline(head: Sentence, body: Sentence) -> Sentence {
    let offset = head.words.len();
    let body_root = body.root().map(|r| r + offset);
    let mut words = head.words;
    for w in &mut words {
        if w.head.is_none() {
            w.head = body_root;
            w.deprel = "parataxis";
        }
    }
    words.extend(body.words.into_iter().map(|mut w| {
        w.head = w.head.map(|h| h + offset);
        w
    }));
    Sentence { words }
}

/// A trained tagger, lemmatizer and parser, with the metadata that says how it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub meta: Meta,
    /// The tag list: (UPOS, XPOS) per tagger class.
    pub tags: Vec<(Upos, &'static str)>,
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
}

/// Where the embedded model comes from, for error messages.
const EMBEDDED_NAME: &str = "data/syntax/model.bin";

/// The model trained from UD English EWT, embedded at build time.
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/syntax/model.bin"
));

impl Model {
    /// The embedded model, loaded on first use.
    pub fn embedded() -> Result<&'static Model> {
        static MODEL: OnceLock<std::result::Result<Model, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| Model::load_embedded().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| Error::Invalid(e.clone()))
    }

    /// Loads the embedded model anew (not the shared copy [`Model::embedded`] keeps); for
    /// measuring the load time.
    pub fn load_embedded() -> Result<Model> {
        Model::from_bytes(EMBEDDED, EMBEDDED_NAME)
    }

    /// Reads a model file's bytes; `name` is used in error messages.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model> {
        wordnet::load();
        clusters::load();
        model_file::read(bytes, name)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        model_file::write(self)
    }

    /// Tags, lemmatizes and parses one sentence given as words.
    pub fn parse(&self, forms: &[&str]) -> Sentence {
        let atoms: Vec<WordAtoms> = forms.iter().map(|f| WordAtoms::new(f)).collect();
        let tags = self.tagger.tag(forms, &atoms);
        self.parse_tagged(forms, &atoms, &tags)
    }

    /// Lemmatizes and parses a sentence whose tags are given (tag indexes into `tags`).
    pub fn parse_tagged(&self, forms: &[&str], atoms: &[WordAtoms], tags: &[u16]) -> Sentence {
        let tag_values: Vec<u64> = tags.iter().map(|&t| u64::from(t) + 3).collect();
        let punct = parser::punct_before(
            tags.iter()
                .map(|&t| self.tags[usize::from(t)].0 == Upos::Punct),
        );
        let arcs = self.parser.parse(&Input {
            atoms,
            tags: &tag_values,
            punct_before: &punct,
        });
        let words = forms
            .iter()
            .zip(tags)
            .zip(arcs)
            .map(|((form, &t), (head, label))| {
                let (upos, xpos) = self.tags[usize::from(t)];
                Word {
                    form: (*form).to_string(),
                    span: None,
                    upos,
                    xpos,
                    lemma: self.lemmatizer.lemma(form, upos),
                    head,
                    deprel: self.parser.labels[usize::from(label)],
                }
            })
            .collect();
        let mut sentence = Sentence { words };
        repair::repair(&mut sentence);
        sentence
    }

    /// Parses the tokens `tokens` of `text` as one sentence; words keep their byte spans.
    ///
    /// A wire-story dateline that opens the sentence ("BEIRUT, March 3, 2024 (Reuters) -")
    /// is not part of its grammar: it is parsed on its own and its root attached to the
    /// sentence's root as `parataxis`, so that it cannot take the sentence's subject.
    pub fn parse_tokens(&self, text: &str, tokens: &[Token]) -> Sentence {
        let forms: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let dateline = dateline_len(text, tokens);
        let mut s = if dateline > 0 {
            let head = self.parse(&forms[..dateline]);
            let body = self.parse(&forms[dateline..]);
            join_dateline(head, body)
        } else {
            self.parse(&forms)
        };
        for (w, t) in s.words.iter_mut().zip(tokens) {
            w.span = Some(Span {
                start: t.start,
                end: t.end,
            });
        }
        s
    }

    /// Parses a treebank sentence's words as [`Model::parse_tokens`] parses text (a
    /// dateline is recognized the same way), spacing them as the file's MISC column says.
    pub fn parse_gold(&self, gold: &conllu::GoldSentence) -> Sentence {
        let (text, tokens) = gold.text_and_tokens();
        let mut s = self.parse_tokens(&text, &tokens);
        for w in &mut s.words {
            w.span = None;
        }
        s
    }

    /// Splits `text` into sentences as extraction does and parses each.
    pub fn parse_text(&self, text: &str) -> Vec<Sentence> {
        let analyzed = crate::text::analyze(text);
        analyzed
            .sentences
            .iter()
            .map(|s| self.parse_tokens(text, &analyzed.tokens[s.tokens.clone()]))
            .collect()
    }
}

impl Sentence {
    /// The tree drawn for people: each word under its head, in word order, with its index,
    /// tag and relation.
    ///
    /// ```text
    /// 2 backs VERB root
    /// ├── 1 Iran PROPN nsubj
    /// ├── 4 Houthis PROPN obj
    /// │   └── 3 the DET det
    /// └── 5 . PUNCT punct
    /// ```
    pub fn to_tree_string(&self) -> String {
        let mut out = String::new();
        let roots: Vec<usize> = (0..self.words.len())
            .filter(|&i| self.words[i].head.is_none_or(|h| h >= self.words.len()))
            .collect();
        let mut seen = vec![false; self.words.len()];
        for r in roots {
            self.draw(r, "", None, &mut seen, &mut out);
        }
        out
    }

    fn draw(
        &self,
        i: usize,
        prefix: &str,
        last: Option<bool>,
        seen: &mut [bool],
        out: &mut String,
    ) {
        if seen[i] {
            return;
        }
        seen[i] = true;
        let w = &self.words[i];
        let branch = match last {
            None => "",
            Some(true) => "└── ",
            Some(false) => "├── ",
        };
        out.push_str(&format!(
            "{prefix}{branch}{} {} {} {}\n",
            i + 1,
            w.form,
            w.upos,
            w.deprel
        ));
        let children: Vec<usize> = self.dependents(i).collect();
        let next = match last {
            None => prefix.to_string(),
            Some(true) => format!("{prefix}    "),
            Some(false) => format!("{prefix}│   "),
        };
        for (k, &c) in children.iter().enumerate() {
            self.draw(c, &next, Some(k + 1 == children.len()), seen, out);
        }
    }
}

/// The text of a gzip-compressed data file embedded at build time. The files are written
/// by the project's scripts and checked by its tests, so a corrupt one is a build error,
/// not an input error.
pub(crate) fn gunzip(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("embedded {name} is not gzip-compressed UTF-8: {e}"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence from (form, upos, xpos, head 1-based or 0, deprel) rows, spans as if
    /// the forms were separated by single spaces.
    pub(super) fn sentence(rows: &[(&str, Upos, &'static str, usize, &'static str)]) -> Sentence {
        let mut at = 0;
        let words = rows
            .iter()
            .map(|&(form, upos, xpos, head, deprel)| {
                let span = Span {
                    start: at,
                    end: at + form.len(),
                };
                at += form.len() + 1;
                Word {
                    form: form.into(),
                    span: Some(span),
                    upos,
                    xpos,
                    lemma: form.to_lowercase(),
                    head: head.checked_sub(1),
                    deprel,
                }
            })
            .collect();
        Sentence { words }
    }

    #[test]
    fn helpers_read_passives_relative_clauses_and_names() {
        use Upos::*;
        // Iran , which arms Abdel Fattah al - Burhan , was accused by the UN .
        let s = sentence(&[
            ("Iran", Propn, "NNP", 12, "nsubj:pass"),
            (",", Punct, ",", 4, "punct"),
            ("which", Pron, "WDT", 4, "nsubj"),
            ("arms", Verb, "VBZ", 1, "acl:relcl"),
            ("Abdel", Propn, "NNP", 4, "obj"),
            ("Fattah", Propn, "NNP", 5, "flat"),
            ("al", Propn, "NNP", 5, "flat"),
            ("-", Punct, "HYPH", 9, "punct"),
            ("Burhan", Propn, "NNP", 5, "flat"),
            (",", Punct, ",", 4, "punct"),
            ("was", Aux, "VBD", 12, "aux:pass"),
            ("accused", Verb, "VBN", 0, "root"),
            ("by", Adp, "IN", 15, "case"),
            ("the", Det, "DT", 15, "det"),
            ("UN", Propn, "NNP", 12, "obl"),
            (".", Punct, ".", 12, "punct"),
        ]);
        assert_eq!(s.root(), Some(11));
        assert_eq!(s.antecedent_of(3), Some(0));
        assert_eq!(s.antecedent_of(11), None);
        assert_eq!(s.agent_of(11), Some(14));
        assert_eq!(s.case_of(14), Some("by"));
        assert_eq!(s.subject_of(11), Some(0));
        assert_eq!(s.name_words(4), 4..9);
        assert_eq!(s.name_words(14), 14..15);
        assert_eq!(s.subtree(3), (1..10).collect::<Vec<_>>());
        let span = s.span_of(&s.name_words(4).collect::<Vec<_>>()).unwrap();
        let text = "Iran , which arms Abdel Fattah al - Burhan , was accused by the UN .";
        assert_eq!(&text[span.start..span.end], "Abdel Fattah al - Burhan");
        assert!(s.children(11, "aux").eq([10]));
        assert!(!s.is_negated(11));
        assert_eq!(s.path_to_root(8), vec![8, 4, 3, 0, 11]);
    }

    #[test]
    fn an_active_verb_has_no_agent_by_default() {
        use Upos::*;
        // Rebels fought by the river .
        let s = sentence(&[
            ("Rebels", Noun, "NNS", 2, "nsubj"),
            ("fought", Verb, "VBD", 0, "root"),
            ("by", Adp, "IN", 5, "case"),
            ("the", Det, "DT", 5, "det"),
            ("river", Noun, "NN", 2, "obl"),
            (".", Punct, ".", 2, "punct"),
        ]);
        assert_eq!(s.agent_of(1), None);
        assert_eq!(s.case_of(4), Some("by"));
    }

    #[test]
    fn an_agent_without_by_is_a_misparse() {
        use Upos::*;
        // Rebels toppled President Assad . (misparsed: "toppled" a participle of "Rebels",
        // "Assad" its obl:agent)
        let s = sentence(&[
            ("Rebels", Noun, "NNS", 0, "root"),
            ("toppled", Verb, "VBN", 1, "acl"),
            ("President", Propn, "NNP", 4, "nmod:desc"),
            ("Assad", Propn, "NNP", 2, "obl:agent"),
            (".", Punct, ".", 1, "punct"),
        ]);
        assert_eq!(s.agent_of(1), None);
    }
}
