//! Dependency parsing: tagged words in, a head and a relation for every word out.
//!
//! A greedy arc-hybrid transition parser (Kuhlmann, Gómez-Rodríguez and Satta 2011) scored
//! by an averaged perceptron, trained with the dynamic oracle of Goldberg and Nivre (2013).
//! A configuration is a stack, a buffer and the arcs made so far; the artificial root sits
//! at the end of the buffer. Three moves:
//! - `SHIFT` pushes the first buffer word;
//! - `LEFT(l)` pops the stack top and makes it an `l` dependent of the first buffer word
//!   (or of the root, only when the stack holds just that word: one root per sentence);
//! - `RIGHT(l)` pops the stack top and makes it an `l` dependent of the word below it.
//!
//! Every sequence ends in a projective tree with one root. Features follow Zhang and Nivre
//! (2011): words, tags, distance, valency, the leftmost and rightmost children and their
//! labels, around the top three stack words and the first three buffer words.

use super::perceptron::{Feature, Weights, feature};
use super::tagger::WordAtoms;

/// "No word here" and "the root" values for word, tag and label slots.
const NONE: u64 = 1;
const ROOT: u64 = 2;
const ABSENT: usize = usize::MAX;

/// A move, as a class index: 0 is SHIFT, `1 + l` is LEFT(l), `1 + labels + l` is RIGHT(l).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift,
    Left(usize),
    Right(usize),
}

impl Move {
    pub fn class(self, labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + l,
            Move::Right(l) => 1 + labels + l,
        }
    }
}

/// The words as features see them: each word's atoms (its lowercased form hash and
/// cluster path prefixes are read) and tag value, and how many punctuation words come
/// before each word (`n + 1` counts).
pub struct Input<'a> {
    pub atoms: &'a [WordAtoms],
    pub tags: &'a [u64],
    pub punct_before: &'a [u32],
}

/// `punct_before` for [`Input`]: the number of punctuation words before each position.
pub fn punct_before(is_punct: impl Iterator<Item = bool>) -> Vec<u32> {
    let mut out = vec![0];
    let mut n = 0;
    for p in is_punct {
        n += u32::from(p);
        out.push(n);
    }
    out
}

/// A parser configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Words in the sentence; index `n` is the root.
    pub n: usize,
    pub stack: Vec<usize>,
    /// The first buffer word; the buffer is `b..=n`.
    pub b: usize,
    /// Head of each word (`n` for the root), `ABSENT` while unattached.
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
    lefts: Vec<[usize; 2]>,
    rights: Vec<[usize; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
}

impl Config {
    pub fn new(n: usize) -> Config {
        Config {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            heads: vec![ABSENT; n],
            labels: vec![0; n],
            lefts: vec![[ABSENT; 2]; n + 1],
            rights: vec![[ABSENT; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    pub fn can_shift(&self) -> bool {
        self.b < self.n
    }

    pub fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1)
    }

    pub fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// Whether `m` may be applied; the root label only (and always) attaches to the root.
    pub fn allows(&self, m: Move, root_label: usize) -> bool {
        match m {
            Move::Shift => self.can_shift(),
            Move::Left(l) => self.can_left() && ((self.b == self.n) == (l == root_label)),
            Move::Right(l) => self.can_right() && l != root_label,
        }
    }

    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                let d = self.stack.pop().expect("LEFT needs a stack word");
                self.attach(self.b, d, l);
                // left children arrive right to left: the new one is the leftmost
                let h = self.b;
                self.lefts[h] = [d, self.lefts[h][0]];
                self.left_count[h] = self.left_count[h].saturating_add(1);
                self.left_labels[h] |= 1 << (l % 64);
            }
            Move::Right(l) => {
                let d = self.stack.pop().expect("RIGHT needs two stack words");
                let h = *self.stack.last().expect("RIGHT needs two stack words");
                self.attach(h, d, l);
                // right children arrive left to right: the new one is the rightmost
                self.rights[h] = [d, self.rights[h][0]];
                self.right_count[h] = self.right_count[h].saturating_add(1);
                self.right_labels[h] |= 1 << (l % 64);
            }
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head;
        self.labels[dep] = label as u16;
    }

    fn stack_at(&self, k: usize) -> usize {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            ABSENT
        }
    }

    fn buffer_at(&self, k: usize) -> usize {
        let i = self.b + k;
        if i <= self.n { i } else { ABSENT }
    }

    /// The unlabeled costs of SHIFT, LEFT and RIGHT against gold heads (`n` for the root):
    /// how many gold arcs each move makes unreachable (Goldberg and Nivre 2013, arc-hybrid).
    /// `None` for a move that is not allowed.
    pub fn costs(&self, gold: &[usize]) -> [Option<usize>; 3] {
        let n = self.n;
        let in_buffer = |k: usize| k >= self.b && k <= n;
        let deps_in_buffer = |h: usize| (self.b..n).filter(|&k| gold[k] == h).count();
        let shift = self.can_shift().then(|| {
            let b0 = self.b;
            let s0 = self.stack.last().copied();
            let heads = self
                .stack
                .iter()
                .filter(|&&k| gold[b0] == k && Some(k) != s0);
            let deps = self.stack.iter().filter(|&&k| gold[k] == b0);
            heads.count() + deps.count()
        });
        let left = self.can_left().then(|| {
            let s0 = self.stack_at(0);
            let s1 = self.stack_at(1);
            let h = gold[s0];
            usize::from(h == s1 && s1 != ABSENT)
                + usize::from(h > self.b && h <= n)
                + deps_in_buffer(s0)
        });
        let right = self.can_right().then(|| {
            let s0 = self.stack_at(0);
            usize::from(in_buffer(gold[s0])) + deps_in_buffer(s0)
        });
        [shift, left, right]
    }

    /// The cost of move `m` with its label: its unlabeled cost (from [`Config::costs`])
    /// plus one when it makes a gold arc with the wrong label. `None` when not allowed.
    pub fn labeled_cost(
        &self,
        m: Move,
        costs: [Option<usize>; 3],
        gold: &[usize],
        gold_labels: &[u16],
    ) -> Option<usize> {
        let base = match m {
            Move::Shift => costs[0],
            Move::Left(_) => costs[1],
            Move::Right(_) => costs[2],
        }?;
        let label_cost = match (m, self.gold_label(m, gold, gold_labels)) {
            (Move::Left(l) | Move::Right(l), Some(g)) => usize::from(l != usize::from(g)),
            _ => 0,
        };
        Some(base + label_cost)
    }

    /// The gold relation that `m`'s label would have to be for the arc to be right, if `m`
    /// makes a gold arc.
    pub fn gold_label(&self, m: Move, gold: &[usize], gold_labels: &[u16]) -> Option<u16> {
        let s0 = self.stack_at(0);
        match m {
            Move::Shift => None,
            Move::Left(_) => (gold[s0] == self.b).then(|| gold_labels[s0]),
            Move::Right(_) => (gold[s0] == self.stack_at(1)).then(|| gold_labels[s0]),
        }
    }

    /// Feature hashes of this configuration.
    pub fn features(&self, input: &Input, out: &mut Vec<Feature>) {
        out.clear();
        let n = self.n;
        let word = |i: usize| match i {
            ABSENT => NONE,
            i if i == n => ROOT,
            i => input.atoms[i].lower,
        };
        let tag = |i: usize| match i {
            ABSENT => NONE,
            i if i == n => ROOT,
            i => input.tags[i],
        };
        let label = |i: usize| match i {
            ABSENT => NONE,
            i if i == n => ROOT,
            i => u64::from(self.labels[i]) + 3,
        };
        let child = |i: usize, side: &Vec<[usize; 2]>, k: usize| {
            if i == ABSENT { ABSENT } else { side[i][k] }
        };
        let s0 = self.stack_at(0);
        let s1 = self.stack_at(1);
        let s2 = self.stack_at(2);
        let b0 = self.buffer_at(0);
        let b1 = self.buffer_at(1);
        let b2 = self.buffer_at(2);
        let s0l = child(s0, &self.lefts, 0);
        let s0l2 = child(s0, &self.lefts, 1);
        let s0r = child(s0, &self.rights, 0);
        let s0r2 = child(s0, &self.rights, 1);
        let s1l = child(s1, &self.lefts, 0);
        let s1r = child(s1, &self.rights, 0);
        let s1r2 = child(s1, &self.rights, 1);
        let b0l = child(b0, &self.lefts, 0);
        let b0l2 = child(b0, &self.lefts, 1);

        let (s0w, s0t, s1w, s1t, s2w, s2t) =
            (word(s0), tag(s0), word(s1), tag(s1), word(s2), tag(s2));
        let (b0w, b0t, b1w, b1t, b2w, b2t) =
            (word(b0), tag(b0), word(b1), tag(b1), word(b2), tag(b2));
        let distance = |a: usize, b: usize| -> u64 {
            if a == ABSENT || b == ABSENT {
                return 0;
            }
            match b.abs_diff(a) {
                d @ 1..=4 => d as u64,
                5..=7 => 5,
                _ => 6,
            }
        };
        let d = distance(s0, b0);
        let d1 = distance(s1, s0);
        // punctuation between two words (0, 1, 2 or more): commas mark appositions,
        // coordination and clause edges
        let punct = |a: usize, b: usize| -> u64 {
            if a == ABSENT || b == ABSENT {
                return 3;
            }
            let (lo, hi) = (a.min(b).min(n), a.max(b).min(n));
            let count = input.punct_before[hi] - input.punct_before[(lo + 1).min(hi)];
            u64::from(count.min(2))
        };
        let p0 = punct(s0, b0);
        let p1 = punct(s1, s0);
        let count = |c: &Vec<u8>, i: usize| {
            if i == ABSENT {
                9
            } else {
                u64::from(c[i].min(6))
            }
        };
        let set = |c: &Vec<u64>, i: usize| if i == ABSENT { 0 } else { c[i] };
        let (s0vl, s0vr, b0vl, s1vr) = (
            count(&self.left_count, s0),
            count(&self.right_count, s0),
            count(&self.left_count, b0),
            count(&self.right_count, s1),
        );

        // templates are numbered in the order they are pushed
        let mut t = 0u64;
        let mut push = |values: &[u64]| {
            t += 1;
            out.push(feature(t, values));
        };
        // single words
        push(&[s0w]);
        push(&[s0t]);
        push(&[s0w, s0t]);
        push(&[s1w]);
        push(&[s1t]);
        push(&[s1w, s1t]);
        push(&[b0w]);
        push(&[b0t]);
        push(&[b0w, b0t]);
        push(&[b1w]);
        push(&[b1t]);
        push(&[b1w, b1t]);
        push(&[b2w]);
        push(&[b2t]);
        push(&[s2t]);
        push(&[s2w]);
        // pairs
        push(&[s0w, s0t, b0w, b0t]);
        push(&[s0w, s0t, b0w]);
        push(&[s0w, b0w, b0t]);
        push(&[s0w, s0t, b0t]);
        push(&[s0t, b0w, b0t]);
        push(&[s0w, b0w]);
        push(&[s0t, b0t]);
        push(&[b0t, b1t]);
        push(&[s1t, s0t]);
        push(&[s1w, s0w]);
        push(&[s1w, s0t]);
        push(&[s1t, s0w]);
        push(&[s1w, s1t, s0w, s0t]);
        push(&[s1t, s0t, b0t]);
        push(&[s1w, s0t, b0t]);
        push(&[s1t, s0w, b0t]);
        push(&[s1t, s0t, b0w]);
        // three tags
        push(&[b0t, b1t, b2t]);
        push(&[s0t, b0t, b1t]);
        push(&[s2t, s1t, s0t]);
        push(&[s0t, tag(s0l), b0t]);
        push(&[s0t, tag(s0r), b0t]);
        push(&[s0t, b0t, tag(b0l)]);
        push(&[s1t, tag(s1r), s0t]);
        push(&[s1t, tag(s1l), s0t]);
        push(&[s1t, s0t, tag(s0l)]);
        push(&[s1t, s0t, tag(s0r)]);
        // distance
        push(&[s0w, d]);
        push(&[s0t, d]);
        push(&[b0w, d]);
        push(&[b0t, d]);
        push(&[s0w, b0w, d]);
        push(&[s0t, b0t, d]);
        push(&[s1t, s0t, d1]);
        push(&[s1w, s0w, d1]);
        push(&[s1t, s0t, b0t, d1, d]);
        push(&[s0t, b0t, p0]);
        push(&[s0w, b0t, p0]);
        push(&[s1t, s0t, p1]);
        push(&[s1t, s0w, p1]);
        push(&[tag(self.buffer_at(3))]);
        // valency
        push(&[s0w, s0vr]);
        push(&[s0t, s0vr]);
        push(&[s0w, s0vl]);
        push(&[s0t, s0vl]);
        push(&[b0w, b0vl]);
        push(&[b0t, b0vl]);
        push(&[s1t, s1vr]);
        push(&[s1w, s1vr]);
        // children
        for c in [s0l, s0r, b0l, s1r, s1l] {
            push(&[word(c)]);
            push(&[tag(c)]);
            push(&[label(c)]);
        }
        for c in [s0l2, s0r2, b0l2, s1r2] {
            push(&[word(c)]);
            push(&[tag(c)]);
            push(&[label(c)]);
        }
        push(&[s0t, tag(s0l), tag(s0l2)]);
        push(&[s0t, tag(s0r), tag(s0r2)]);
        push(&[b0t, tag(b0l), tag(b0l2)]);
        push(&[s1t, tag(s1r), tag(s1r2)]);
        push(&[s0t, label(s0l), label(s0r)]);
        push(&[s1t, label(s1r), s0t]);
        push(&[b0t, label(b0l), s0t]);
        // label sets
        push(&[s0w, set(&self.right_labels, s0)]);
        push(&[s0t, set(&self.right_labels, s0)]);
        push(&[s0w, set(&self.left_labels, s0)]);
        push(&[s0t, set(&self.left_labels, s0)]);
        push(&[b0w, set(&self.left_labels, b0)]);
        push(&[b0t, set(&self.left_labels, b0)]);
        push(&[s1t, set(&self.right_labels, s1)]);
        push(&[s1t, set(&self.left_labels, s1)]);
        // Brown clusters in place of words (Koo, Carreras and Collins 2008)
        let cluster = |i: usize, k: usize| match i {
            ABSENT => NONE,
            i if i == n => ROOT,
            i => input.atoms[i].cluster[k],
        };
        push(&[cluster(s0, 3)]);
        push(&[cluster(b0, 3)]);
        push(&[cluster(s1, 3)]);
        push(&[cluster(b1, 3)]);
        push(&[cluster(s0, 1), cluster(b0, 1)]);
        push(&[cluster(s0, 3), b0t]);
        push(&[s0t, cluster(b0, 3)]);
        push(&[cluster(s0, 1), s0t, cluster(b0, 1), b0t]);
        push(&[cluster(s1, 1), cluster(s0, 1), b0t]);
        push(&[cluster(b0, 1), cluster(b1, 1)]);
        push(&[cluster(s0, 0), cluster(b0, 0), d]);
    }
}

/// A trained parser: weights over moves, and the relation names its label indexes mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    pub weights: Weights,
    pub labels: Vec<&'static str>,
    pub root_label: usize,
}

impl Parser {
    /// Parses one sentence: (head, label index) per word, the head `None` for the root.
    pub fn parse(&self, input: &Input) -> Vec<(Option<usize>, u16)> {
        let n = input.atoms.len();
        let labels = self.labels.len();
        let mut config = Config::new(n);
        let mut features = Vec::with_capacity(128);
        let mut scores = vec![0.0f32; self.weights.classes()];
        while !config.is_terminal() {
            config.features(input, &mut features);
            self.weights.score(&features, &mut scores);
            let m = self.best_move(&config, &scores, labels);
            config.apply(m);
        }
        config
            .heads
            .iter()
            .zip(&config.labels)
            .map(|(&h, &l)| ((h != n).then_some(h), l))
            .collect()
    }

    /// The allowed move with the highest score.
    pub fn best_move(&self, config: &Config, scores: &[f32], labels: usize) -> Move {
        best_allowed(config, scores, labels, self.root_label, |_| true)
            .expect("a configuration that is not terminal allows a move")
    }
}

/// The highest-scoring allowed move that also passes `keep`.
pub fn best_allowed(
    config: &Config,
    scores: &[f32],
    labels: usize,
    root_label: usize,
    keep: impl Fn(Move) -> bool,
) -> Option<Move> {
    let mut best: Option<(Move, f32)> = None;
    let mut consider = |m: Move| {
        if config.allows(m, root_label) && keep(m) {
            let s = scores[m.class(labels)];
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((m, s));
            }
        }
    };
    if config.can_shift() {
        consider(Move::Shift);
    }
    if config.can_left() {
        if config.b == config.n {
            consider(Move::Left(root_label));
        } else {
            for l in 0..labels {
                consider(Move::Left(l));
            }
        }
    }
    if config.can_right() {
        for l in 0..labels {
            consider(Move::Right(l));
        }
    }
    best.map(|(m, _)| m)
}

/// Makes a tree projective by lifting each non-projective arc to the head's head until no
/// arc crosses another (Nivre and Nilsson 2005, without the label encoding). `heads` uses
/// `n` for the root.
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    loop {
        let mut shortest: Option<(usize, usize)> = None; // (length, dependent)
        for d in 0..n {
            let h = heads[d];
            if h == n {
                continue;
            }
            let (lo, hi) = (d.min(h), d.max(h));
            let crossing = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if crossing && shortest.is_none_or(|(len, _)| hi - lo < len) {
                shortest = Some((hi - lo, d));
            }
        }
        match shortest {
            Some((_, d)) => heads[d] = heads[heads[d]],
            None => return,
        }
    }
}

/// Whether `h` is an ancestor of (or is) `k`.
fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    let n = heads.len();
    for _ in 0..=n {
        if k == h {
            return true;
        }
        if k >= n {
            return false;
        }
        k = heads[k];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost moves from the start rebuilds a projective gold tree exactly.
    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // "Iran , which arms the Houthis , denies it ." (heads 0-based, 10 = root)
        let gold = [7, 0, 3, 0, 5, 3, 0, 10, 7, 7];
        let gold_labels = [1u16, 2, 3, 4, 5, 6, 2, 0, 7, 2];
        let mut c = Config::new(gold.len());
        while !c.is_terminal() {
            let [s, l, r] = c.costs(&gold);
            let m = if l == Some(0) {
                Move::Left(0)
            } else if r == Some(0) {
                Move::Right(0)
            } else {
                assert_eq!(s, Some(0));
                Move::Shift
            };
            let m = match m {
                Move::Shift => m,
                Move::Left(_) => Move::Left(c.gold_label(m, &gold, &gold_labels).unwrap() as usize),
                Move::Right(_) => {
                    Move::Right(c.gold_label(m, &gold, &gold_labels).unwrap() as usize)
                }
            };
            c.apply(m);
        }
        assert_eq!(c.heads, gold);
        assert_eq!(c.labels, gold_labels);
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // the arc 2 -> 0 spans word 1, whose head 3 is outside it: 0 is lifted to 3
        let mut heads = vec![2, 3, 3, 4];
        projectivize(&mut heads);
        assert_eq!(heads, vec![3, 3, 3, 4]);
        let mut heads = vec![4, 3, 0, 4]; // 2's head 0 spans 1, whose head 3 is outside
        projectivize(&mut heads);
        assert!((0..4).all(|d| {
            let h = heads[d];
            h == 4 || (d.min(h) + 1..d.max(h)).all(|k| dominates(&heads, h, k))
        }));
    }
}
