//! Lemmas: a tagged word in, its dictionary form out (`seized VERB` -> `seize`,
//! `militias NOUN` -> `militia`, `'s PART` -> `'s`).
//!
//! Learned from the treebank: a table of (word, UPOS) -> lemma for every pair seen, and
//! for unseen words the most frequent suffix rewrite for the word's last letters and tag
//! (`-ies NOUN` -> `-y`). Proper nouns keep their form; other words are lowercased, as EWT
//! writes them (`I` stays `I`).

use rustc_hash::FxHashMap as HashMap;

use super::labels::Upos;

/// A suffix rewrite: drop `strip` characters, append `add`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rewrite {
    pub strip: u8,
    pub add: String,
}

/// The lemma tables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lemmatizer {
    /// (lowercased word, tag) -> lemma.
    pub words: HashMap<(String, Upos), String>,
    /// (tag, last 1 to 4 letters of the lowercased word) -> rewrite.
    pub suffixes: HashMap<(Upos, String), Rewrite>,
}

/// How many letters of the ending the rules look at, longest first.
const ENDINGS: [usize; 4] = [4, 3, 2, 1];

impl Lemmatizer {
    /// Learns the tables from (form, tag, lemma) triples.
    pub fn train<'a>(examples: impl Iterator<Item = (&'a str, Upos, &'a str)>) -> Lemmatizer {
        let mut words: HashMap<(String, Upos), HashMap<String, u32>> = HashMap::default();
        let mut rules: HashMap<(Upos, String), HashMap<Rewrite, u32>> = HashMap::default();
        for (form, upos, lemma) in examples {
            let lower = form.to_lowercase();
            *words
                .entry((lower.clone(), upos))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
            if upos == Upos::Propn {
                continue;
            }
            let Some(rewrite) = rewrite_between(&lower, &lemma.to_lowercase()) else {
                continue;
            };
            let chars: Vec<char> = lower.chars().collect();
            for k in ENDINGS {
                if chars.len() > k {
                    let ending: String = chars[chars.len() - k..].iter().collect();
                    *rules
                        .entry((upos, ending))
                        .or_default()
                        .entry(rewrite.clone())
                        .or_default() += 1;
                }
            }
        }
        let most = |m: HashMap<String, u32>| {
            m.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(k, _)| k)
                .unwrap_or_default()
        };
        let words = words.into_iter().map(|(k, m)| (k, most(m))).collect();
        let suffixes = rules
            .into_iter()
            .filter_map(|(k, m)| {
                let total: u32 = m.values().sum();
                let (best, count) = m.into_iter().max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| (b.0.strip, &b.0.add).cmp(&(a.0.strip, &a.0.add)))
                })?;
                // keep rules seen often enough to trust
                (count >= 3 && count * 2 > total).then_some((k, best))
            })
            .collect();
        Lemmatizer { words, suffixes }
    }

    /// The lemma of `form` tagged `upos`.
    pub fn lemma(&self, form: &str, upos: Upos) -> String {
        let lower = form.to_lowercase();
        if let Some(l) = self.words.get(&(lower.clone(), upos)) {
            return l.clone();
        }
        if upos == Upos::Propn || form == "I" {
            return form.to_string();
        }
        let chars: Vec<char> = lower.chars().collect();
        for k in ENDINGS {
            if chars.len() > k {
                let ending: String = chars[chars.len() - k..].iter().collect();
                if let Some(r) = self.suffixes.get(&(upos, ending)) {
                    let keep = chars.len().saturating_sub(usize::from(r.strip));
                    let mut out: String = chars[..keep].iter().collect();
                    out.push_str(&r.add);
                    return out;
                }
            }
        }
        lower
    }
}

/// The rewrite that turns `form` into `lemma` by replacing an ending, if they share a stem.
fn rewrite_between(form: &str, lemma: &str) -> Option<Rewrite> {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    if common == 0 || f.len() - common > 8 {
        return None;
    }
    Some(Rewrite {
        strip: (f.len() - common) as u8,
        add: l[common..].iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_words_and_endings() {
        let data = [
            ("seized", Upos::Verb, "seize"),
            ("raised", Upos::Verb, "raise"),
            ("praised", Upos::Verb, "praise"),
            ("caused", Upos::Verb, "cause"),
            ("militias", Upos::Noun, "militia"),
            ("cities", Upos::Noun, "city"),
            ("parties", Upos::Noun, "party"),
            ("armies", Upos::Noun, "army"),
            ("was", Upos::Aux, "be"),
        ];
        let lem = Lemmatizer::train(data.iter().map(|(f, u, l)| (*f, *u, *l)));
        assert_eq!(lem.lemma("Was", Upos::Aux), "be");
        assert_eq!(lem.lemma("militias", Upos::Noun), "militia");
        assert_eq!(lem.lemma("bodies", Upos::Noun), "body");
        assert_eq!(lem.lemma("bruised", Upos::Verb), "bruise");
        assert_eq!(lem.lemma("Hamas", Upos::Propn), "Hamas");
        assert_eq!(lem.lemma("Unknown", Upos::Noun), "unknown");
    }
}
