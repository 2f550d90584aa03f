//! Part-of-speech tagging: a sentence's words in, one tag per word out.
//!
//! A greedy left-to-right averaged perceptron. A tag is a (UPOS, XPOS) pair as EWT writes
//! it (`VERB VBN`), so the parser sees the finer Penn distinctions (past participle,
//! possessive marker) as well as the universal tag. Features: the word (as written and
//! lowercased), its prefixes and suffixes, its shape, the words two either side with their
//! suffixes, and the tags already chosen for the two words before. Frequent words that
//! always carry one tag in training are tagged from a dictionary without scoring.

use rustc_hash::FxHashMap as HashMap;

use super::perceptron::{Feature, Weights, finish, hash_str, mix};

/// Per-word values that features read, computed once per sentence.
#[derive(Clone, Debug, Default)]
pub struct WordAtoms {
    pub form: u64,
    pub lower: u64,
    pub shape: u64,
    pub prefixes: [u64; 3],
    pub suffixes: [u64; 4],
}

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
        }
    }
}

/// The word's shape with runs squeezed: `Iran` -> `Xx`, `U.S.` -> `X.X.`, `1,000` -> `d,d`,
/// `al-Sham` -> `x-Xx`. Long words are marked so length counts for short ones.
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

/// The tagger's features for word `i`, given the tag values of the two words before it
/// (tag index + 1, or 0 before the sentence).
pub fn features(
    atoms: &[WordAtoms],
    amb: &[u64],
    i: usize,
    prev: u64,
    prev2: u64,
    out: &mut Vec<Feature>,
) {
    out.clear();
    let amb_at = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 {
            BEFORE
        } else {
            amb.get(j as usize).copied().unwrap_or(AFTER)
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
    let mut push = |template: u64, values: &[u64]| {
        let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for v in values {
            h = mix(h, *v);
        }
        out.push(finish(h));
    };
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
}

/// A trained tagger: weights over the tag list, and the dictionary of unambiguous words.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    pub weights: Weights,
    /// Frequent words that always had one tag in training: form -> tag index.
    pub dictionary: HashMap<String, u16>,
    /// Ambiguity classes: lowercased word hash -> hash of the set of tags it had in training
    /// (words seen at least [`AMBIGUITY_MIN_COUNT`] times).
    pub ambiguity: HashMap<u64, u64>,
}

/// Words seen fewer times have no ambiguity class.
pub const AMBIGUITY_MIN_COUNT: u32 = 3;
/// The ambiguity class of a word not in the table.
const UNKNOWN_CLASS: u64 = 0x5a5a_0003;

/// The ambiguity class of every word.
pub fn ambiguity_classes(table: &HashMap<u64, u64>, atoms: &[WordAtoms]) -> Vec<u64> {
    atoms
        .iter()
        .map(|a| table.get(&a.lower).copied().unwrap_or(UNKNOWN_CLASS))
        .collect()
}

impl Tagger {
    /// Tags a sentence: one tag index per word.
    pub fn tag(&self, forms: &[&str], atoms: &[WordAtoms]) -> Vec<u16> {
        let mut tags = Vec::with_capacity(forms.len());
        let mut features_buf = Vec::with_capacity(40);
        let mut scores = vec![0.0f32; self.weights.classes()];
        let amb = ambiguity_classes(&self.ambiguity, atoms);
        for (i, form) in forms.iter().enumerate() {
            let tag = match self.dictionary.get(*form) {
                Some(&t) => t,
                None => {
                    let (prev, prev2) = previous(&tags, i);
                    features(atoms, &amb, i, prev, prev2, &mut features_buf);
                    self.weights.score(&features_buf, &mut scores);
                    argmax(&scores) as u16
                }
            };
            tags.push(tag);
        }
        tags
    }
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
