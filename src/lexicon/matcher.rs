//! Finding lexicon names in tokenized text: leftmost-longest, on token boundaries.
//!
//! Names are stored as sequences of folded words (lowercase, no diacritics, hyphens
//! dropped) in a trie of words. At each word of the text the longest name that
//! starts there and whose case fits wins, and matching resumes after it. Because matching
//! works on tokens, "Iran" never matches inside "Iranian", and "al-Sham" equals "al Sham".
//!
//! Case rules: a name word written in capitals (`HTS`, `U.N.`) only matches capitals; a
//! capitalized name word only matches a capitalized word; lowercase name words (`al`,
//! `of`) match any case, and so does the Arabic article written `Al` or `El`.

use rustc_hash::{FxHashMap, FxHashSet};

use super::word_table::WordTable;
use crate::text::{Token, TokenKind, fold, tokenize_into};

/// How a name word constrains the case of the text word it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseRule {
    Any,
    Capitalized,
    AllCaps,
}

fn case_rule(word: &str) -> CaseRule {
    // the Arabic article is written either way ("Al-Qaeda", "al-Qaeda")
    if matches!(word, "Al" | "El") {
        return CaseRule::Any;
    }
    if word.is_ascii() {
        let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
        return match letters.next() {
            Some(first) if first.is_ascii_uppercase() => {
                let mut rest = letters.peekable();
                if rest.peek().is_some() && rest.all(|b| b.is_ascii_uppercase()) {
                    CaseRule::AllCaps
                } else {
                    CaseRule::Capitalized
                }
            }
            _ => CaseRule::Any,
        };
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return CaseRule::Any;
    };
    if !first.is_uppercase() {
        return CaseRule::Any;
    }
    let mut rest = letters.peekable();
    if rest.peek().is_some() && rest.all(char::is_uppercase) {
        CaseRule::AllCaps
    } else {
        CaseRule::Capitalized
    }
}

#[inline]
fn fits(rule: CaseRule, word: &str) -> bool {
    match (rule, word.as_bytes().first()) {
        (CaseRule::Any, _) => return true,
        (CaseRule::Capitalized, Some(b)) if b.is_ascii_alphabetic() => {
            return b.is_ascii_uppercase();
        }
        _ => {}
    }
    if word.is_ascii() {
        // the same test on bytes: ASCII letters are the alphabetic ASCII characters
        let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
        return match rule {
            CaseRule::Any => true,
            CaseRule::Capitalized => letters.next().is_some_and(|b| b.is_ascii_uppercase()),
            CaseRule::AllCaps => letters.all(|b| b.is_ascii_uppercase()),
        };
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    match rule {
        CaseRule::Any => true,
        CaseRule::Capitalized => letters.next().is_some_and(char::is_uppercase),
        CaseRule::AllCaps => letters.all(char::is_uppercase),
    }
}

/// A name as stored in the index (listed at the trie node where its words end): its case
/// rules and what it stands for.
#[derive(Debug)]
struct Pattern {
    /// Range of its words' case rules in `NameIndex::rules`.
    rules: std::ops::Range<u32>,
    /// What the name stands for: an index into the caller's table of name targets.
    target: u32,
    /// The next pattern ending at the same node, in insertion order (NONE: the last).
    next: u32,
}

/// A node of the trie. What a search needs of a node sits together, so that reaching a
/// node costs one cache miss, not one per array.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The first and last pattern ending here (a list through `Pattern::next`).
    first: u32,
    last: u32,
    /// Whether a longer name continues from here; a walk stops at a leaf without looking
    /// up the next token's word.
    has_children: bool,
}

impl Node {
    const EMPTY: Node = Node {
        first: NONE,
        last: NONE,
        has_children: false,
    };
}

/// A distinct folded word of the names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Word {
    number: u32,
    /// The child of the root for this word (NONE: no name starts with it). Most steps of a
    /// search are from the root: kept beside the word, they cost no further lookup.
    root: u32,
}

/// No node, no pattern, no word.
const NONE: u32 = u32::MAX;
/// A word that is in no name.
const NO_WORD: Word = Word {
    number: NONE,
    root: NONE,
};

/// An index of names to targets: a trie over folded words. Each distinct word gets a number;
/// an edge is (node, word number) -> node. Finding the names that start at a token walks the
/// trie word by word, so the cost does not grow with the number of names sharing a first
/// word ("Al", "San").
#[derive(Debug, Default)]
pub struct NameIndex {
    /// folded word -> its number and the root's child
    words: WordTable<Word>,
    /// (node, word number) -> child node, below the root (node 0)
    edges: FxHashMap<(u32, u32), u32>,
    /// node 0 is the root
    nodes: Vec<Node>,
    patterns: Vec<Pattern>,
    rules: Vec<CaseRule>,
    /// folded first words of the names whose first word matches any case (`al`, `de`):
    /// the only words a lowercase token can start a name with
    any_case_first: FxHashSet<Box<str>>,
    /// per first letter `a`..`z`: bit `n` set when a word of `any_case_first` has `n` bytes
    /// (63: more). Rules out most lowercase words of a text ("said", "and") without hashing.
    any_case_shapes: [u64; 26],
    /// tokens and a folded word of the name being inserted, kept to save allocations
    scratch: (Vec<Token>, String),
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

/// The words of a name as tokens, hyphens between them dropped (token kinds do not
/// matter here). Most names are ASCII words between spaces and hyphens: those are split
/// without the tokenizer, into the same words, which makes loading the lexicon quicker.
fn name_tokens(name: &str, out: &mut Vec<Token>) {
    out.clear();
    let plain = name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-');
    if !plain {
        tokenize_into(name, 0, name.len(), out);
        out.retain(|t| !is_skipped(t.text(name), t.kind));
        return;
    }
    let mut start = None;
    let ends = name.bytes().chain(std::iter::once(b' '));
    for (i, b) in ends.enumerate() {
        if b == b' ' || b == b'-' {
            if let Some(start) = start.take() {
                out.push(Token {
                    start,
                    end: i,
                    kind: TokenKind::Word,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
}

/// Words of a name as (folded word, case rule), hyphens dropped.
fn name_words(name: &str) -> Vec<(String, CaseRule)> {
    let mut toks = Vec::new();
    name_tokens(name, &mut toks);
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let w = t.text(name);
        let mut f = String::new();
        fold(w, &mut f);
        out.push((f, case_rule(w)));
    }
    out
}

/// [`fold`], with a shortcut for ASCII words (most words of English news).
fn fold_fast(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.clear();
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        fold(word, out);
    }
}

fn is_skipped(word: &str, kind: TokenKind) -> bool {
    kind == TokenKind::Punct && matches!(word, "-" | "\u{2010}" | "\u{2011}")
}

/// The word entries of a text's tokens, looked up when first asked for and kept for the
/// last `RING` tokens: a walk from one token looks up the tokens after it, which the walks
/// from the next tokens need again. (A walk longer than the ring only looks words up
/// twice.)
struct TokenWords<'i, 't> {
    index: &'i NameIndex,
    text: &'t str,
    tokens: &'t [Token],
    ring: [(usize, Word); RING],
    /// words with letters beyond ASCII, by surface: folding them (NFKD) is slow, and the
    /// same spellings come back in a text
    non_ascii: FxHashMap<&'t str, Word>,
    buf: String,
}

const RING: usize = 64;

impl<'i, 't> TokenWords<'i, 't> {
    fn new(index: &'i NameIndex, text: &'t str, tokens: &'t [Token]) -> Self {
        TokenWords {
            index,
            text,
            tokens,
            // no token has index `usize::MAX`: every slot starts empty
            ring: [(usize::MAX, NO_WORD); RING],
            non_ascii: FxHashMap::default(),
            buf: String::new(),
        }
    }

    /// The entry of token `j`'s word (`NO_WORD`: in no name).
    #[inline(always)]
    fn get(&mut self, j: usize) -> Word {
        let slot = &mut self.ring[j % RING];
        if slot.0 != j {
            let surface = self.tokens[j].text(self.text);
            let word = match self.index.words.get_ascii(surface) {
                Ok(found) => found.copied().unwrap_or(NO_WORD),
                Err(()) => {
                    let (index, buf) = (self.index, &mut self.buf);
                    *self
                        .non_ascii
                        .entry(surface)
                        .or_insert_with(|| index.word(surface, buf))
                }
            };
            *slot = (j, word);
        }
        slot.1
    }
}

impl NameIndex {
    pub fn new() -> NameIndex {
        NameIndex {
            nodes: vec![Node {
                has_children: true,
                ..Node::EMPTY
            }],
            ..NameIndex::default()
        }
    }

    /// An empty index with room for `names` names, so that building it does not keep
    /// growing its tables.
    pub fn with_capacity(names: usize) -> NameIndex {
        let mut ix = NameIndex::new();
        ix.words.reserve(names);
        ix.edges.reserve(names / 2);
        ix.nodes.reserve(names);
        ix.patterns.reserve(names);
        ix.rules.reserve(2 * names);
        ix
    }

    /// Adds a name pointing to `target`. Names with no words are ignored.
    pub fn insert(&mut self, name: &str, target: u32) {
        if self.nodes.is_empty() {
            // a `NameIndex::default()`: give it its root
            *self = NameIndex::new();
        }
        let (mut toks, mut folded) = std::mem::take(&mut self.scratch);
        name_tokens(name, &mut toks);
        let rules_start = self.rules.len() as u32;
        let mut node = 0;
        for t in &toks {
            let w = t.text(name);
            fold_fast(w, &mut folded);
            let rule = case_rule(w);
            if node == 0 && rule == CaseRule::Any && !self.any_case_first.contains(folded.as_str())
            {
                if let Some(b) = folded.bytes().next().filter(u8::is_ascii_lowercase) {
                    self.any_case_shapes[usize::from(b - b'a')] |= 1 << folded.len().min(63);
                }
                self.any_case_first.insert(folded.as_str().into());
            }
            let number = self.words.len() as u32;
            let word = self
                .words
                .get_or_insert_with(&folded, || Word { number, root: NONE });
            let n = self.nodes.len() as u32;
            let parent = node;
            node = if node == 0 {
                if word.root == NONE {
                    word.root = n;
                }
                word.root
            } else {
                *self.edges.entry((node, word.number)).or_insert(n)
            };
            if node == n {
                self.nodes.push(Node::EMPTY);
                self.nodes[parent as usize].has_children = true;
            }
            self.rules.push(rule);
        }
        self.scratch = (toks, folded);
        if node == 0 {
            return;
        }
        let idx = self.patterns.len() as u32;
        self.patterns.push(Pattern {
            rules: rules_start..self.rules.len() as u32,
            target,
            next: NONE,
        });
        let node = &mut self.nodes[node as usize];
        match node.last {
            NONE => node.first = idx,
            last => self.patterns[last as usize].next = idx,
        }
        node.last = idx;
    }

    /// Frees spare room; call once after the last insert.
    pub fn finish(&mut self) {
        self.words.shrink_to_fit();
        self.edges.shrink_to_fit();
        self.nodes.shrink_to_fit();
        self.patterns.shrink_to_fit();
        self.rules.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The patterns ending at `node`, in insertion order.
    fn ends(&self, node: u32) -> impl Iterator<Item = &Pattern> {
        let mut p = self.nodes.get(node as usize).map_or(NONE, |n| n.first);
        std::iter::from_fn(move || {
            let pat = self.patterns.get(p as usize)?;
            p = pat.next;
            Some(pat)
        })
    }

    /// Whether a name can start at this word: its case fits a capitalized or all-capitals
    /// first name word, or it is the first word of a name that matches any case. Cheaper
    /// than looking the word up, which most lowercase words of a text need not be.
    #[inline(always)]
    fn may_start(&self, word: &str, buf: &mut String) -> bool {
        // most words of a text start with a letter: a capital may start a name; a
        // lowercase ASCII word only one of `any_case_first`, whose lengths rule most out
        match word.as_bytes().first() {
            Some(b) if b.is_ascii_uppercase() => return true,
            Some(&b)
                if b.is_ascii_lowercase()
                    && self.any_case_shapes[usize::from(b - b'a')] & (1 << word.len().min(63))
                        == 0
                    && word.is_ascii() =>
            {
                return false;
            }
            _ => {}
        }
        // ASCII: the first letter decides (uppercase: capitalized; none: all capitals)
        for b in word.bytes() {
            if !b.is_ascii() {
                break;
            }
            if b.is_ascii_uppercase() {
                return true;
            }
            if b.is_ascii_lowercase() {
                // most lowercase words of a text are already folded
                if word.bytes().all(|b| b.is_ascii_lowercase()) {
                    let shapes = self.any_case_shapes[usize::from(b - b'a')];
                    return shapes & (1 << word.len().min(63)) != 0
                        && self.any_case_first.contains(word);
                }
                break;
            }
        }
        if fits(CaseRule::Capitalized, word) || fits(CaseRule::AllCaps, word) {
            return true;
        }
        fold_fast(word, buf);
        self.any_case_first.contains(buf.as_str())
    }

    /// The node reached from `node` by `word`, if any.
    fn step(&self, node: u32, word: Word) -> Option<u32> {
        if node == 0 {
            Some(word.root).filter(|&n| n != NONE)
        } else {
            self.edges.get(&(node, word.number)).copied()
        }
    }

    /// The entry of a word as written in a text (`buf`: room to fold words beyond ASCII).
    #[inline]
    fn word(&self, surface: &str, buf: &mut String) -> Word {
        self.words.get(surface, buf).copied().unwrap_or(NO_WORD)
    }

    /// The node reached from `node` by a folded word, if any.
    fn child(&self, node: u32, word: &str) -> Option<u32> {
        let w = self.word(word, &mut String::new());
        if w == NO_WORD {
            return None;
        }
        self.step(node, w)
    }

    /// Targets of a whole name (any case), for lookups of a name typed by a user.
    pub fn exact(&self, name: &str) -> Vec<u32> {
        let words = name_words(name);
        if words.is_empty() {
            return Vec::new();
        }
        let mut node = 0;
        for (w, _) in &words {
            match self.child(node, w) {
                Some(n) => node = n,
                None => return Vec::new(),
            }
        }
        let mut out = Vec::new();
        for pat in self.ends(node) {
            if !out.contains(&pat.target) {
                out.push(pat.target);
            }
        }
        out
    }

    /// Finds names in `tokens` (of `text`), leftmost-longest. `accept` may veto a target
    /// for a given surface (used for stop-words); a match whose targets are all vetoed
    /// does not count and shorter names are tried. Complexity: O(tokens × words of the
    /// longest name starting at a token), linear in the text.
    pub fn find<'t>(
        &self,
        text: &'t str,
        tokens: &[Token],
        accept: impl FnMut(u32, &'t str) -> bool,
    ) -> Vec<NameMatch> {
        let mut out = Vec::new();
        self.find_each(text, tokens, accept, |tokens_range, start, end, targets| {
            out.push(NameMatch {
                tokens: tokens_range,
                start,
                end,
                targets: targets.to_vec(),
            })
        });
        out
    }

    /// [`NameIndex::find`], handing each match to `found` (token range, byte start and
    /// end, targets in insertion order) instead of collecting them: no allocation a match.
    pub fn find_each<'t>(
        &self,
        text: &'t str,
        tokens: &[Token],
        mut accept: impl FnMut(u32, &'t str) -> bool,
        mut found: impl FnMut(std::ops::Range<usize>, usize, usize, &[u32]),
    ) {
        let mut words = TokenWords::new(self, text, tokens);
        let mut buf = String::new();
        // (node, token index one past the word) for each word of the current walk
        let mut path: Vec<(u32, usize)> = Vec::new();
        // token index of each word of the current walk
        let mut at: Vec<usize> = Vec::new();
        // targets of the match being built
        let mut targets: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].kind != TokenKind::Word || !self.may_start(tokens[i].text(text), &mut buf)
            {
                i += 1;
                continue;
            }
            let first = words.get(i);
            if first.root == NONE {
                i += 1;
                continue;
            }
            let (mut node, mut j) = (first.root, i + 1);
            path.clear();
            at.clear();
            at.push(i);
            path.push((node, j));
            while self.nodes[node as usize].has_children {
                // hyphens between words are skipped
                while j < tokens.len() && is_skipped(tokens[j].text(text), tokens[j].kind) {
                    j += 1;
                }
                if j >= tokens.len() {
                    break;
                }
                let Some(next) = Some(words.get(j))
                    .filter(|&w| w != NO_WORD)
                    .and_then(|w| self.step(node, w))
                else {
                    break;
                };
                node = next;
                at.push(j);
                j += 1;
                path.push((node, j));
            }
            // longest first: the first length with an accepted name wins
            let mut matched = None;
            for (depth, &(node, end)) in path.iter().enumerate().rev() {
                targets.clear();
                for pat in self.ends(node) {
                    let rules = &self.rules[pat.rules.start as usize..pat.rules.end as usize];
                    let case_fits = rules
                        .iter()
                        .zip(&at[..=depth])
                        .all(|(&r, &k)| fits(r, tokens[k].text(text)));
                    if !case_fits || targets.contains(&pat.target) {
                        continue;
                    }
                    let surface = &text[tokens[i].start..tokens[end - 1].end];
                    if accept(pat.target, surface) {
                        targets.push(pat.target);
                    }
                }
                if !targets.is_empty() {
                    matched = Some(end);
                    break;
                }
            }
            match matched {
                Some(end) => {
                    found(i..end, tokens[i].start, tokens[end - 1].end, &targets);
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[&str]) -> NameIndex {
        let mut ix = NameIndex::new();
        for (t, n) in names.iter().enumerate() {
            ix.insert(n, t as u32);
        }
        ix.finish();
        ix
    }

    /// (surface, targets) of every match, with `veto` refusing the targets it lists.
    fn found(ix: &NameIndex, text: &str, veto: &[u32]) -> Vec<(String, Vec<u32>)> {
        let mut toks = Vec::new();
        tokenize_into(text, 0, text.len(), &mut toks);
        ix.find(text, &toks, |t, _| !veto.contains(&t))
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.targets))
            .collect()
    }

    #[test]
    fn longest_name_wins_and_matching_resumes_after_it() {
        let ix = index(&["New York", "New York City", "York", "City"]);
        assert_eq!(
            found(&ix, "From New York City to York.", &[]),
            [("New York City".into(), vec![1]), ("York".into(), vec![2])]
        );
        // a vetoed longest name gives way to a shorter one
        assert_eq!(
            found(&ix, "New York City", &[1]),
            [("New York".into(), vec![0]), ("City".into(), vec![3])]
        );
    }

    #[test]
    fn words_hyphens_and_case() {
        let ix = index(&["Iran", "Hayat Tahrir al-Sham", "HTS", "al-Qaeda", "Iran"]);
        assert_eq!(found(&ix, "Iranian drones", &[]), []);
        assert_eq!(
            found(&ix, "Hayat Tahrir al Sham and Hayat Tahrir Al-Sham", &[]),
            [
                ("Hayat Tahrir al Sham".into(), vec![1]),
                ("Hayat Tahrir Al-Sham".into(), vec![1])
            ]
        );
        // capitals only match capitals; lowercase name words match any case
        assert_eq!(found(&ix, "hts and Hts", &[]), []);
        assert_eq!(
            found(&ix, "HTS and Al-Qaeda, not al-qaeda", &[]),
            [("HTS".into(), vec![2]), ("Al-Qaeda".into(), vec![3])]
        );
        assert_eq!(found(&ix, "iran", &[]), []);
        // one surface, every target
        assert_eq!(found(&ix, "Iran", &[]), [("Iran".into(), vec![0, 4])]);
    }

    #[test]
    fn exact_lookup_ignores_case_and_hyphens() {
        let ix = index(&["Hayat Tahrir al-Sham", "HTS", "Tahrir"]);
        assert_eq!(ix.exact("hayat tahrir al sham"), [0]);
        assert_eq!(ix.exact("hts"), [1]);
        assert_eq!(ix.exact("Hayat Tahrir"), Vec::<u32>::new());
        assert_eq!(ix.exact(""), Vec::<u32>::new());
        assert_eq!(ix.len(), 3);
    }
}
