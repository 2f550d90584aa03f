//! Finding lexicon names in tokenized text: leftmost-longest, on token boundaries.
//!
//! Names are stored as sequences of folded words (lowercase, no diacritics, hyphens
//! dropped), indexed by their first word. At each word of the text the longest name that
//! starts there and whose case fits wins, and matching resumes after it. Because matching
//! works on tokens, "Iran" never matches inside "Iranian", and "al-Sham" equals "al Sham".
//!
//! Case rules: a name word written in capitals (`HTS`, `U.N.`) only matches capitals; a
//! capitalized name word only matches a capitalized word; lowercase name words (`al`,
//! `of`) match any case.

use rustc_hash::FxHashMap;

use crate::text::{Token, TokenKind, fold, tokenize_into};

/// How a name word constrains the case of the text word it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseRule {
    Any,
    Capitalized,
    AllCaps,
}

fn case_rule(word: &str) -> CaseRule {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return CaseRule::Any;
    };
    if !first.is_uppercase() {
        return CaseRule::Any;
    }
    let rest: Vec<char> = letters.collect();
    if !rest.is_empty() && rest.iter().all(|c| c.is_uppercase()) {
        CaseRule::AllCaps
    } else {
        CaseRule::Capitalized
    }
}

fn fits(rule: CaseRule, word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    match rule {
        CaseRule::Any => true,
        CaseRule::Capitalized => letters.next().is_some_and(char::is_uppercase),
        CaseRule::AllCaps => letters.all(char::is_uppercase),
    }
}

/// A name as stored in the index.
#[derive(Debug)]
struct Pattern {
    words: Box<[Box<str>]>,
    rules: Box<[CaseRule]>,
    /// What the name stands for: an index into the caller's table of name targets.
    target: u32,
}

/// An index of names to targets.
#[derive(Debug, Default)]
pub struct NameIndex {
    by_first: FxHashMap<Box<str>, Vec<u32>>,
    patterns: Vec<Pattern>,
}

/// A name found in text: the tokens it covers and every target of that surface form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMatch {
    /// Token range in the document's token list.
    pub tokens: std::ops::Range<usize>,
    pub start: usize,
    pub end: usize,
    pub targets: Vec<u32>,
}

/// Words of a name as (folded word, case rule), hyphens dropped.
fn name_words(name: &str) -> Vec<(String, CaseRule)> {
    let mut toks = Vec::new();
    tokenize_into(name, 0, name.len(), &mut toks);
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let w = t.text(name);
        if is_skipped(w, t.kind) {
            continue;
        }
        let mut f = String::new();
        fold(w, &mut f);
        out.push((f, case_rule(w)));
    }
    out
}

fn is_skipped(word: &str, kind: TokenKind) -> bool {
    kind == TokenKind::Punct && matches!(word, "-" | "\u{2010}" | "\u{2011}")
}

impl NameIndex {
    pub fn new() -> NameIndex {
        NameIndex::default()
    }

    /// Adds a name pointing to `target`. Names with no words are ignored.
    pub fn insert(&mut self, name: &str, target: u32) {
        let words = name_words(name);
        if words.is_empty() {
            return;
        }
        let idx = self.patterns.len() as u32;
        let first: Box<str> = words[0].0.clone().into_boxed_str();
        self.patterns.push(Pattern {
            words: words
                .iter()
                .map(|(w, _)| w.clone().into_boxed_str())
                .collect(),
            rules: words.iter().map(|(_, r)| *r).collect(),
            target,
        });
        self.by_first.entry(first).or_default().push(idx);
    }

    /// Sorts each bucket longest name first; call once after the last insert.
    pub fn finish(&mut self) {
        let patterns = &self.patterns;
        for bucket in self.by_first.values_mut() {
            bucket.sort_by(|a, b| {
                patterns[*b as usize]
                    .words
                    .len()
                    .cmp(&patterns[*a as usize].words.len())
                    .then(a.cmp(b))
            });
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Targets of a whole name (any case), for lookups of a name typed by a user.
    pub fn exact(&self, name: &str) -> Vec<u32> {
        let words = name_words(name);
        let Some(first) = words.first() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for &p in self.by_first.get(first.0.as_str()).into_iter().flatten() {
            let pat = &self.patterns[p as usize];
            if pat.words.len() == words.len()
                && pat.words.iter().zip(&words).all(|(a, b)| **a == *b.0)
                && !out.contains(&pat.target)
            {
                out.push(pat.target);
            }
        }
        out
    }

    /// Finds names in `tokens` (of `text`), leftmost-longest. `accept` may veto a target
    /// for a given surface (used for stop-words); a match whose targets are all vetoed
    /// does not count and shorter names are tried. Complexity: O(tokens × names sharing
    /// a first word × name length), in practice linear in the text.
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        mut accept: impl FnMut(u32, &str) -> bool,
    ) -> Vec<NameMatch> {
        // the folded form of every token, computed once
        let mut folded = String::with_capacity(text.len());
        let mut bounds = Vec::with_capacity(tokens.len());
        let mut buf = String::new();
        for t in tokens {
            let s = folded.len();
            fold(t.text(text), &mut buf);
            folded.push_str(&buf);
            bounds.push((s, folded.len()));
        }
        let word = |i: usize| &folded[bounds[i].0..bounds[i].1];
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let Some(bucket) = self.by_first.get(word(i)) else {
                i += 1;
                continue;
            };
            let mut best: Option<NameMatch> = None;
            let mut best_words = 0;
            for &p in bucket {
                let pat = &self.patterns[p as usize];
                // buckets are sorted longest first: nothing shorter can win any more
                if best.is_some() && pat.words.len() < best_words {
                    break;
                }
                if let Some(end) = self.match_at(pat, text, tokens, &word, i) {
                    let surface = &text[tokens[i].start..tokens[end - 1].end];
                    if !accept(pat.target, surface) {
                        continue;
                    }
                    match &mut best {
                        Some(b) if b.tokens.end == end => {
                            if !b.targets.contains(&pat.target) {
                                b.targets.push(pat.target);
                            }
                        }
                        Some(b) if b.tokens.end > end => {}
                        _ => {
                            best_words = pat.words.len();
                            best = Some(NameMatch {
                                tokens: i..end,
                                start: tokens[i].start,
                                end: tokens[end - 1].end,
                                targets: vec![pat.target],
                            })
                        }
                    }
                }
            }
            match best {
                Some(m) => {
                    i = m.tokens.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// If `pat` matches at token `i`, the index one past its last token.
    fn match_at<'a>(
        &self,
        pat: &Pattern,
        text: &str,
        tokens: &[Token],
        word: &impl Fn(usize) -> &'a str,
        i: usize,
    ) -> Option<usize> {
        let mut j = i;
        for (k, w) in pat.words.iter().enumerate() {
            while k > 0 && j < tokens.len() && is_skipped(tokens[j].text(text), tokens[j].kind) {
                j += 1;
            }
            if j >= tokens.len() || word(j) != &**w || !fits(pat.rules[k], tokens[j].text(text)) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
}
