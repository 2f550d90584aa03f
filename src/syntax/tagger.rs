//! Part-of-speech tagging: a sentence's words in, one tag per word out.
//!
//! A greedy left-to-right averaged perceptron. A tag is a (UPOS, XPOS) pair as EWT writes
//! it (`VERB VBN`), so the parser sees the finer Penn distinctions (past participle,
//! possessive marker) as well as the universal tag. Features: the word (as written and
//! lowercased), its prefixes and suffixes, its shape, the words two either side with their
//! suffixes, the sets of tags each nearby word had in training (ambiguity classes), and
//! the tags already chosen for the two words before, and what WordNet says the word and
//! its neighbours can be ([`wordnet::class`]: a lemma of which parts of speech, a plural,
//! a past form, a preposition), which speaks for the words training never showed ("annexed",
//! "alongside"). A second pass adds the first pass's
//! tags of the words to the right. Frequent words that always carry one tag in training
//! are tagged from a dictionary without scoring. On top, two rules of English grammar
//! (see [`Tagger::tag`]): a full sentence, and a relative clause, has a verb.

use rustc_hash::FxHashMap as HashMap;

use super::labels::Upos;
use super::perceptron::{Feature, Weights, feature, hash_str, mix};
use super::{clusters, wordnet};

/// Per-word values that features read, computed once per sentence.
#[derive(Clone, Debug, Default)]
pub struct WordAtoms {
    pub form: u64,
    pub lower: u64,
    pub shape: u64,
    pub prefixes: [u64; 3],
    pub suffixes: [u64; 4],
    /// The word's WordNet class ([`wordnet::class`]), hashed.
    pub lexical: u64,
    /// Its Brown cluster's path ([`clusters::path`]) cut to 4, 6, 10 and 20 steps.
    pub cluster: [u64; 4],
}

/// The cluster path prefixes [`WordAtoms::cluster`] keeps.
pub const CLUSTER_PREFIXES: [u8; 4] = [4, 6, 10, 20];

/// Out of range positions read these values.
const BEFORE: u64 = 0x5a5a_0001;
const AFTER: u64 = 0x5a5a_0002;

impl WordAtoms {
    pub fn new(form: &str) -> WordAtoms {
        let lower = form.to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let n = chars.len();
        let mut prefixes = [0u64; 3];
        let mut suffixes = [0u64; 4];
        let mut buf = String::new();
        for (k, p) in prefixes.iter_mut().enumerate() {
            buf.clear();
            buf.extend(chars.iter().take(k + 1));
            *p = hash_str(&buf) ^ (0x100 + k as u64);
        }
        for (k, s) in suffixes.iter_mut().enumerate() {
            buf.clear();
            buf.extend(chars[n.saturating_sub(k + 1)..].iter());
            *s = hash_str(&buf) ^ (0x200 + k as u64);
        }
        WordAtoms {
            form: hash_str(form),
            lower: hash_str(&lower),
            shape: hash_str(&shape(form)),
            prefixes,
            suffixes,
            lexical: mix(0x1e71_ca10, u64::from(wordnet::class(&lower))),
            cluster: {
                let p = clusters::path_of(form, &lower);
                CLUSTER_PREFIXES.map(|k| p.prefix(k))
            },
        }
    }
}

/// The word's shape, runs of a kind cut to two: `Iran` -> `Xxx+`, `U.S.` -> `X.X.+`,
/// `1,000` -> `d,dd+`, `IS` -> `XX`. Words longer than three characters end in `+`, so
/// length still counts for short ones.
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(k);
        last = k;
    }
    if form.chars().count() > 3 {
        out.push('+');
    }
    out
}

/// What the tags already chosen say about word `i`'s context.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// Tag value (index + 1, 0 before the sentence) of the word before.
    pub prev: u64,
    /// Tag value of the word two before.
    pub prev2: u64,
    /// 1 when a verb or auxiliary came earlier in the sentence: a clause wants one
    /// finite verb, so "Russia and Iran back Assad" needs "back" to be it.
    pub seen_verb: u64,
}

impl Context {
    /// The context of word `i` given the tags of the words before it; `upos[t]` is tag
    /// `t`'s universal tag.
    pub fn at(tags: &[u16], i: usize, upos: &[Upos]) -> Context {
        let (prev, prev2) = previous(tags, i);
        let seen_verb = tags[..i]
            .iter()
            .any(|&t| upos.get(usize::from(t)).is_some_and(|u| u.is_verbal()));
        Context {
            prev,
            prev2,
            seen_verb: u64::from(seen_verb),
        }
    }
}

/// The tagger's features for word `i` in its context.
pub fn features(atoms: &[WordAtoms], amb: &[u128], i: usize, ctx: Context, out: &mut Vec<Feature>) {
    out.clear();
    let Context {
        prev,
        prev2,
        seen_verb,
    } = ctx;
    let amb_at = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            BEFORE
        } else {
            amb.get(j as usize).map_or(AFTER, |&m| class_hash(m))
        }
    };
    let w = &atoms[i];
    let at = |d: isize| -> Option<&WordAtoms> {
        let j = i as isize + d;
        (j >= 0).then(|| atoms.get(j as usize)).flatten()
    };
    let lower = |d: isize| at(d).map_or(if d < 0 { BEFORE } else { AFTER }, |a| a.lower);
    let suffix3 = |d: isize| at(d).map_or(if d < 0 { BEFORE } else { AFTER }, |a| a.suffixes[2]);
    let shape_at = |d: isize| at(d).map_or(if d < 0 { BEFORE } else { AFTER }, |a| a.shape);
    let lexical = |d: isize| at(d).map_or(if d < 0 { BEFORE } else { AFTER }, |a| a.lexical);
    let mut push = |template: u64, values: &[u64]| out.push(feature(template, values));
    push(1, &[]);
    push(2, &[w.form]);
    push(3, &[w.lower]);
    push(4, &[w.shape]);
    for (k, p) in w.prefixes.iter().enumerate() {
        push(5 + k as u64, &[*p]);
    }
    for (k, s) in w.suffixes.iter().enumerate() {
        push(8 + k as u64, &[*s]);
    }
    push(12, &[lower(-1)]);
    push(13, &[lower(-2)]);
    push(14, &[lower(1)]);
    push(15, &[lower(2)]);
    push(16, &[suffix3(-1)]);
    push(17, &[suffix3(1)]);
    push(18, &[shape_at(-1)]);
    push(19, &[shape_at(1)]);
    push(20, &[prev]);
    push(21, &[prev2]);
    push(22, &[prev, prev2]);
    push(23, &[prev, w.lower]);
    push(24, &[lower(-1), w.lower]);
    push(25, &[w.lower, lower(1)]);
    push(26, &[prev, w.suffixes[2]]);
    push(27, &[w.shape, (i == 0) as u64]);
    push(28, &[lower(1), lower(2)]);
    push(29, &[lower(-1), lower(-2)]);
    push(30, &[w.suffixes[1], lower(1)]);
    push(31, &[prev, w.shape, shape_at(1)]);
    // the tags each neighbour was seen with in training: right context without a second pass
    push(32, &[amb_at(0)]);
    push(33, &[amb_at(1)]);
    push(34, &[amb_at(2)]);
    push(35, &[amb_at(0), amb_at(1)]);
    push(36, &[prev, amb_at(0), amb_at(1)]);
    push(37, &[amb_at(-1), amb_at(0)]);
    push(38, &[w.suffixes[2], amb_at(1)]);
    push(39, &[w.lower, amb_at(1)]);
    push(40, &[seen_verb, amb_at(0)]);
    push(41, &[seen_verb, w.lower]);
    push(42, &[seen_verb, prev, amb_at(0)]);
    push(43, &[seen_verb, amb_at(0), amb_at(1)]);
    // what WordNet says the word (and its stem) can be: for words training never showed
    push(44, &[w.lexical]);
    push(45, &[w.lexical, w.shape]);
    push(46, &[lexical(-1)]);
    push(47, &[lexical(1)]);
    push(48, &[prev, w.lexical]);
    push(49, &[w.lexical, w.suffixes[1]]);
    // what the word and its neighbours are used like in raw text
    let cluster =
        |d: isize, k: usize| at(d).map_or(if d < 0 { BEFORE } else { AFTER }, |a| a.cluster[k]);
    for k in 0..4 {
        push(50 + k as u64, &[w.cluster[k]]);
    }
    push(54, &[cluster(-1, 3)]);
    push(55, &[cluster(1, 3)]);
    push(56, &[cluster(-1, 1)]);
    push(57, &[cluster(1, 1)]);
    push(58, &[prev, w.cluster[2]]);
    push(59, &[w.cluster[3], cluster(1, 1)]);
    push(60, &[w.cluster[1], w.shape]);
}

/// All features of word `i` after the tags `tags` of the words before it: [`features`],
/// and with the first pass's tags `first`, the second pass's [`right_features`]. The
/// tagger and its training both build features here.
pub fn word_features(
    atoms: &[WordAtoms],
    amb: &[u128],
    first: Option<&[u16]>,
    tags: &[u16],
    i: usize,
    upos: &[Upos],
    out: &mut Vec<Feature>,
) {
    let ctx = Context::at(tags, i, upos);
    features(atoms, amb, i, ctx, out);
    if let Some(first) = first {
        right_features(atoms, first, i, ctx.prev, out);
    }
}

/// The second pass's extra features for word `i`: the first pass's tags around it, so the
/// tags to the right inform the choice ("the attack ended" vs "attack the town").
pub fn right_features(
    atoms: &[WordAtoms],
    first: &[u16],
    i: usize,
    prev: u64,
    out: &mut Vec<Feature>,
) {
    let t = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            BEFORE
        } else {
            first.get(j as usize).map_or(AFTER, |&x| u64::from(x) + 1)
        }
    };
    let w = &atoms[i];
    let mut push = |template: u64, values: &[u64]| out.push(feature(template, values));
    push(101, &[t(0)]);
    push(102, &[t(1)]);
    push(103, &[t(2)]);
    push(104, &[t(0), t(1)]);
    push(105, &[t(1), t(2)]);
    push(106, &[prev, t(1)]);
    push(107, &[prev, t(0), t(1)]);
    push(108, &[w.lower, t(1)]);
    push(109, &[w.suffixes[2], t(1)]);
    push(110, &[w.lower, t(0)]);
    push(111, &[w.shape, t(0), t(1)]);
    push(112, &[w.lexical, t(1)]);
    push(113, &[w.cluster[2], t(1)]);
}

/// The hash of a tag set for features.
fn class_hash(mask: u128) -> u64 {
    if mask == 0 {
        UNKNOWN_CLASS
    } else {
        mix(mix(0x0a4b, mask as u64), (mask >> 64) as u64)
    }
}

/// A trained tagger: weights over the tag list, and the dictionary of unambiguous words.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    /// The first pass, left context only.
    pub weights: Weights,
    /// The second pass, which also sees the first pass's tags to the right.
    pub second: Option<Weights>,
    /// Frequent words that always had one tag in training: form -> tag index.
    pub dictionary: HashMap<String, u16>,
    /// Ambiguity classes: lowercased word hash -> the set of tags (bit `t` for tag `t`) it
    /// had in training (words seen at least [`AMBIGUITY_MIN_COUNT`] times).
    pub ambiguity: HashMap<u64, u128>,
    /// The universal tag of each tag (from the tag list, not saved).
    pub upos: Vec<Upos>,
    /// Whether each tag is a finite verb: an auxiliary, or a verb tagged `VBD`, `VBZ`,
    /// `VBP`, `VB` (imperatives) or `MD` (from the tag list, not saved).
    pub finite: Vec<bool>,
}

/// [`Tagger::finite`] for a tag list.
pub fn finite_tags(tags: &[(Upos, &str)]) -> Vec<bool> {
    tags.iter()
        .map(|&(u, x)| {
            u == Upos::Aux || (u == Upos::Verb && matches!(x, "VBD" | "VBZ" | "VBP" | "VB" | "MD"))
        })
        .collect()
}

/// Words seen fewer times have no ambiguity class.
pub const AMBIGUITY_MIN_COUNT: u32 = 3;
/// The ambiguity class of a word not in the table.
const UNKNOWN_CLASS: u64 = 0x5a5a_0003;

/// The ambiguity class of every word (0 for a word not in the table).
pub fn ambiguity_classes(table: &HashMap<u64, u128>, atoms: &[WordAtoms]) -> Vec<u128> {
    atoms
        .iter()
        .map(|a| table.get(&a.lower).copied().unwrap_or(0))
        .collect()
}

impl Tagger {
    /// Tags a sentence: one tag index per word.
    ///
    /// Greedy, left to right; then two rules of English grammar: a sentence of four or more
    /// words that ends with a full stop has a finite verb, and a relative clause opened by
    /// ", which" or ", who" has a verb. When the greedy tags break one, the word whose
    /// (finite) verb reading scored closest to its chosen tag becomes that verb and the
    /// words after it are tagged again ("Russia and Iran back Assad.", "US forces struck
    /// sites used by ...", "Iran, which arms the Houthis, ...").
    pub fn tag(&self, forms: &[&str], atoms: &[WordAtoms]) -> Vec<u16> {
        let amb = ambiguity_classes(&self.ambiguity, atoms);
        let mut run = Run {
            tags: Vec::with_capacity(forms.len()),
            first: Vec::new(),
            features: Vec::with_capacity(64),
            scores: vec![0.0f32; self.weights.classes()],
        };
        self.run_pass(forms, atoms, &amb, &mut run);
        if self.second.is_some() {
            run.first = std::mem::take(&mut run.tags);
            self.run_pass(forms, atoms, &amb, &mut run);
        }
        run.tags
    }

    /// One greedy pass with the grammar rules on top (the second when `run.first` is set).
    fn run_pass(&self, forms: &[&str], atoms: &[WordAtoms], amb: &[u128], run: &mut Run) {
        run.tags.clear();
        self.tag_from(0, forms, atoms, amb, run);
        for (start, end, finite) in self.clauses_without_verb(forms, &run.tags) {
            let best = (start..end)
                .filter_map(|i| self.verb_margin(i, finite, forms, atoms, amb, run))
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, i, t)) = best {
                run.tags.truncate(i);
                run.tags.push(t);
                self.tag_from(i + 1, forms, atoms, amb, run);
            }
        }
    }

    /// Scores every tag for word `i` after the tags in `run`, into `run.scores`.
    fn score_at(&self, i: usize, atoms: &[WordAtoms], amb: &[u128], run: &mut Run) {
        let (weights, first) = match &self.second {
            Some(second) if !run.first.is_empty() => (second, Some(run.first.as_slice())),
            _ => (&self.weights, None),
        };
        word_features(
            atoms,
            amb,
            first,
            &run.tags,
            i,
            &self.upos,
            &mut run.features,
        );
        weights.score(&run.features, &mut run.scores);
    }

    /// Tags words `from..` greedily after the tags already in `run`.
    fn tag_from(
        &self,
        from: usize,
        forms: &[&str],
        atoms: &[WordAtoms],
        amb: &[u128],
        run: &mut Run,
    ) {
        for (i, form) in forms.iter().enumerate().skip(from) {
            let tag = match self.dictionary.get(*form) {
                Some(&t) => t,
                None => {
                    self.score_at(i, atoms, amb, run);
                    argmax(&run.scores) as u16
                }
            };
            run.tags.push(tag);
        }
    }

    /// For a lowercase noun, adjective, adverb or preposition at `i` (a word that could be
    /// the missing verb; with `finite`, also a participle): how far its best verb tag (with
    /// `finite`, finite verb tag) scores below its tag, the position and that verb tag.
    fn verb_margin(
        &self,
        i: usize,
        finite: bool,
        forms: &[&str],
        atoms: &[WordAtoms],
        amb: &[u128],
        run: &mut Run,
    ) -> Option<(f32, usize, u16)> {
        let tag = usize::from(run.tags[i]);
        let open = matches!(
            self.upos.get(tag),
            Some(Upos::Noun | Upos::Adj | Upos::Adv | Upos::Adp | Upos::Propn | Upos::X)
        ) || (finite && self.upos.get(tag) == Some(&Upos::Verb));
        if !open || !forms[i].starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        self.score_at(i, atoms, amb, run);
        let verb = (0..run.scores.len())
            .filter(|&t| self.upos[t].is_verbal() && (!finite || self.finite[t]))
            .max_by(|&a, &b| run.scores[a].total_cmp(&run.scores[b]))?;
        let chosen = run.scores.iter().copied().fold(f32::MIN, f32::max);
        Some((chosen - run.scores[verb], i, verb as u16))
    }

    /// Word ranges that grammar says hold a verb but whose tags have none.
    fn clauses_without_verb(&self, forms: &[&str], tags: &[u16]) -> Vec<(usize, usize, bool)> {
        let finite = |i: usize| {
            self.finite
                .get(usize::from(tags[i]))
                .copied()
                .unwrap_or(false)
        };
        let verbal = |i: usize| {
            self.upos
                .get(usize::from(tags[i]))
                .is_some_and(|u| u.is_verbal())
        };
        let mut out = Vec::new();
        for i in 1..forms.len() {
            let relative =
                forms[i - 1] == "," && matches!(forms[i].to_lowercase().as_str(), "which" | "who");
            if relative {
                let end = (i + 1..forms.len())
                    .find(|&j| matches!(forms[j], "," | ";" | "." | ":"))
                    .unwrap_or(forms.len());
                if end > i + 2 && !(i + 1..end).any(verbal) {
                    out.push((i + 1, end, false));
                }
            }
        }
        let n = forms.len();
        // a sentence needs a finite verb: "US forces struck sites" is no noun phrase
        if n >= 4 && forms[n - 1] == "." && !(0..n).any(finite) {
            out.push((0, n - 1, true));
        }
        out
    }
}

/// Buffers of one tagging run.
struct Run {
    tags: Vec<u16>,
    /// The first pass's tags, during the second pass.
    first: Vec<u16>,
    features: Vec<Feature>,
    scores: Vec<f32>,
}

/// The tag values of the two words before `i` (tag index + 1; 0 before the sentence).
pub fn previous(tags: &[u16], i: usize) -> (u64, u64) {
    let v = |j: Option<usize>| j.map_or(0, |j| u64::from(tags[j]) + 1);
    (v(i.checked_sub(1)), v(i.checked_sub(2)))
}

/// The index of the highest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_squeeze_runs() {
        assert_eq!(shape("Iran"), "Xxx+");
        assert_eq!(shape("U.S."), "X.X.+");
        assert_eq!(shape("1,000"), "d,dd+");
        assert_eq!(shape("al-Sham"), "xx-Xxx+");
        assert_eq!(shape("IS"), "XX");
    }
}
