//! What WordNet knows about a word's part of speech: a word in, a small class code out,
//! which the tagger reads as a feature.
//!
//! The lexicon (`data/syntax/wordnet.tsv.gz`, built from WordNet 3.0 by
//! `scripts/wordnet_lexicon.py`, embedded at build time) lists every single-word lemma and
//! irregular form with the parts of speech WordNet gives it. A word the treebank never
//! showed the tagger ("annexed", "insurgency") still gets a class: its own entry, and the
//! entries its stem has once WordNet's suffix rules are undone ("annexed" -> "annex", a
//! verb, so probably a past form). The class does not decide the tag; the tagger learns how
//! far to trust it.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

static EMBEDDED: &[u8] = include_bytes!("../../data/syntax/wordnet.tsv.gz");

/// Lemma of a noun, verb, adjective, adverb (bits 0 to 3 of the file's flags).
const NOUN: u16 = 1;
const VERB: u16 = 1 << 1;
const ADJ: u16 = 1 << 2;

/// The file's flags use bits 0 to 10; stems found by suffix rules set these.
const NOUN_PLURAL: u32 = 1 << 11;
const VERB_S: u32 = 1 << 12;
const VERB_ED: u32 = 1 << 13;
const VERB_ING: u32 = 1 << 14;
const ADJ_MORE: u32 = 1 << 15;

/// Set for a preposition: WordNet lists no prepositions, and calls some of them adverbs
/// ("alongside", "aboard") or nouns ("via"), which a word training never showed would
/// otherwise inherit. English's single-word prepositions, a closed list.
const PREPOSITION: u32 = 1 << 16;
const PREPOSITIONS: &[&str] = &[
    "aboard",
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "amongst",
    "around",
    "as",
    "astride",
    "at",
    "atop",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "concerning",
    "despite",
    "down",
    "during",
    "except",
    "excluding",
    "following",
    "for",
    "from",
    "in",
    "including",
    "inside",
    "into",
    "like",
    "minus",
    "near",
    "notwithstanding",
    "of",
    "off",
    "on",
    "onto",
    "opposite",
    "outside",
    "over",
    "past",
    "per",
    "plus",
    "regarding",
    "round",
    "since",
    "than",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "until",
    "unto",
    "up",
    "upon",
    "versus",
    "via",
    "with",
    "within",
    "without",
];

/// WordNet's detachment rules (its `morphy`): a suffix, what replaces it, the part of
/// speech the stem must have, and the bit a match sets.
const RULES: &[(&str, &str, u16, u32)] = &[
    ("s", "", NOUN, NOUN_PLURAL),
    ("ses", "s", NOUN, NOUN_PLURAL),
    ("xes", "x", NOUN, NOUN_PLURAL),
    ("zes", "z", NOUN, NOUN_PLURAL),
    ("ches", "ch", NOUN, NOUN_PLURAL),
    ("shes", "sh", NOUN, NOUN_PLURAL),
    ("men", "man", NOUN, NOUN_PLURAL),
    ("ies", "y", NOUN, NOUN_PLURAL),
    ("s", "", VERB, VERB_S),
    ("ies", "y", VERB, VERB_S),
    ("es", "e", VERB, VERB_S),
    ("es", "", VERB, VERB_S),
    ("ed", "e", VERB, VERB_ED),
    ("ed", "", VERB, VERB_ED),
    ("ing", "e", VERB, VERB_ING),
    ("ing", "", VERB, VERB_ING),
    ("er", "", ADJ, ADJ_MORE),
    ("est", "", ADJ, ADJ_MORE),
    ("er", "e", ADJ, ADJ_MORE),
    ("est", "e", ADJ, ADJ_MORE),
];

/// The lexicon: lowercased word -> flags.
fn table() -> &'static HashMap<&'static str, u16> {
    static TABLE: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        static TEXT: OnceLock<String> = OnceLock::new();
        TEXT.get_or_init(|| super::gunzip(EMBEDDED, "wordnet.tsv.gz"))
            .lines()
            .filter_map(|line| {
                let (word, flags) = line.split_once('\t')?;
                Some((word, flags.parse().ok()?))
            })
            .collect()
    })
}

/// The class of a lowercased word: its own flags and those its suffix rules find, 0 for a
/// word WordNet does not know in any form.
pub fn class(lower: &str) -> u32 {
    let table = table();
    let mut class = table.get(lower).copied().map_or(0, u32::from);
    if PREPOSITIONS.contains(&lower) {
        class |= PREPOSITION;
    }
    let mut stem = String::new();
    for &(suffix, ending, pos, bit) in RULES {
        if class & bit != 0 {
            continue;
        }
        let Some(base) = lower.strip_suffix(suffix).filter(|b| !b.is_empty()) else {
            continue;
        };
        stem.clear();
        stem.push_str(base);
        stem.push_str(ending);
        if table.get(stem.as_str()).is_some_and(|f| f & pos != 0) {
            class |= bit;
        }
    }
    class
}

/// Warms the lexicon (built on first use otherwise).
pub fn load() {
    table();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_inflections_and_irregular_forms_get_their_classes() {
        let attack = class("attack");
        assert!(attack & u32::from(NOUN) != 0 && attack & u32::from(VERB) != 0);
        assert!(class("annexed") & VERB_ED != 0);
        assert!(class("annexing") & VERB_ING != 0);
        assert!(class("towns") & NOUN_PLURAL != 0);
        assert!(class("militias") & NOUN_PLURAL != 0, "ies -> y");
        assert!(class("went") & (1 << 6) != 0, "irregular verb form");
        assert!(class("paris") & (1 << 4) != 0, "a proper name");
        assert!(class("attack") & (1 << 4) == 0);
        assert!(class("alongside") & PREPOSITION != 0);
        assert!(class("along") & PREPOSITION != 0);
        assert!(class("attack") & PREPOSITION == 0);
        assert_eq!(class("qwzxv"), 0);
        assert_eq!(class(""), 0);
    }
}
