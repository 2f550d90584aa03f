//! Grammar repairs on a parsed sentence: a tree in, the same tree with arcs that break a
//! rule of English grammar mended.
//!
//! The parser is greedy and reads a window of the sentence; a few of its mistakes break
//! rules that hold for every English sentence, and those are mended here rather than left
//! to every reader of the tree.
//!
//! - A non-restrictive relative clause ends at its closing comma. "Iran, which arms the
//!   Houthis, denied the report": when the parser makes "denied" a conjunct of "arms" with
//!   no coordinator and leaves the noun "Iran" as the root, the sentence has no main verb;
//!   the verb after the comma becomes the root, with the antecedent its subject.
//! - A past tense is finite: "US forces struck sites": when the parser reads "struck"
//!   (tagged VBD, not VBN) as a clause describing the noun root ("forces [that were]
//!   struck"), the sentence has no main verb; the verb becomes the root, the noun its
//!   subject.

use super::{Sentence, Upos};

/// Applies every repair to `s`.
pub fn repair(s: &mut Sentence) {
    relative_clause_main_verb(s);
    past_tense_main_verb(s);
}

/// The repair for a finite past tense read as a noun's clause (see the module docs).
fn past_tense_main_verb(s: &mut Sentence) {
    let Some(a) = s.root() else { return };
    if !matches!(s.words[a].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    let main = s.children(a, "acl").find(|&v| {
        v > a
            && s.words[v].upos == Upos::Verb
            && s.words[v].xpos == "VBD"
            && s.dependents(v).all(|d| {
                !matches!(
                    s.words[d].deprel,
                    "mark" | "nsubj" | "nsubj:pass" | "aux" | "aux:pass"
                )
            })
    });
    let Some(v) = main else { return };
    for d in s.dependents(a).filter(|&d| d > v).collect::<Vec<_>>() {
        s.words[d].head = Some(v);
    }
    s.words[v].head = None;
    s.words[v].deprel = "root";
    s.words[a].head = Some(v);
    s.words[a].deprel = "nsubj";
}

/// The repair for a main verb swallowed by a relative clause (see the module docs).
fn relative_clause_main_verb(s: &mut Sentence) {
    let Some(a) = s.root() else { return };
    if !matches!(s.words[a].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
        return;
    }
    for r in s.children(a, "acl:relcl").collect::<Vec<_>>() {
        let opened = r > 0
            && s.child(r, "nsubj").is_some_and(|p| {
                p > 0
                    && matches!(s.words[p].lemma.as_str(), "which" | "who")
                    && s.words[p - 1].form == ","
            });
        if !opened {
            continue;
        }
        // after a comma: the comma opens the verb's subtree or comes just before it
        let after_comma = |v: usize| {
            let f = s.subtree(v)[0];
            s.words[f].form == "," || (f > 0 && s.words[f - 1].form == ",")
        };
        let main = s.children(r, "conj").find(|&v| {
            s.words[v].upos == Upos::Verb
                && matches!(s.words[v].xpos, "VBD" | "VBZ" | "VBP")
                && s.child(v, "cc").is_none()
                && s.child(v, "nsubj").is_none()
                && s.child(v, "nsubj:pass").is_none()
                && after_comma(v)
        });
        let Some(v) = main else { continue };
        let passive = s.child(v, "aux:pass").is_some();
        // the closing comma belongs to the relative clause
        let first = s.subtree(v).first().copied().unwrap_or(v);
        for c in [first.wrapping_sub(1), first] {
            if c < s.words.len() && s.words[c].form == "," && s.words[c].head == Some(v) {
                s.words[c].head = Some(r);
            }
        }
        // what follows the main verb (the full stop) hangs on it, not on the subject
        for d in s.dependents(a).filter(|&d| d > v).collect::<Vec<_>>() {
            s.words[d].head = Some(v);
        }
        s.words[v].head = None;
        s.words[v].deprel = "root";
        s.words[a].head = Some(v);
        s.words[a].deprel = if passive { "nsubj:pass" } else { "nsubj" };
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::tests::sentence;

    fn arcs(s: &Sentence) -> Vec<(Option<usize>, &str)> {
        s.words.iter().map(|w| (w.head, w.deprel)).collect()
    }

    #[test]
    fn a_main_verb_swallowed_by_a_relative_clause_is_given_back() {
        // "Iran, which arms the Houthis, denied the report." as the parser can misread it
        let mut s = sentence(&[
            ("Iran", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("which", Upos::Pron, "WDT", 4, "nsubj"),
            ("arms", Upos::Verb, "VBZ", 1, "acl:relcl"),
            ("the", Upos::Det, "DT", 6, "det"),
            ("Houthis", Upos::Propn, "NNPS", 4, "obj"),
            (",", Upos::Punct, ",", 8, "punct"),
            ("denied", Upos::Verb, "VBD", 4, "conj"),
            ("the", Upos::Det, "DT", 10, "det"),
            ("report", Upos::Noun, "NN", 8, "obj"),
            (".", Upos::Punct, ".", 1, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[7], (None, "root"));
        assert_eq!(a[0], (Some(7), "nsubj"));
        assert_eq!(a[6], (Some(3), "punct"), "the closing comma");
        assert_eq!(a[10], (Some(7), "punct"), "the full stop");
        assert_eq!(a[3], (Some(0), "acl:relcl"));
    }

    #[test]
    fn coordinated_verbs_and_a_sentence_with_a_verb_are_left_alone() {
        // "Iran, which arms and trains the Houthis." : a conjunct with its "and"
        let rows = [
            ("Iran", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("which", Upos::Pron, "WDT", 4, "nsubj"),
            ("arms", Upos::Verb, "VBZ", 1, "acl:relcl"),
            ("and", Upos::Cconj, "CC", 6, "cc"),
            ("trains", Upos::Verb, "VBZ", 4, "conj"),
            ("the", Upos::Det, "DT", 8, "det"),
            ("Houthis", Upos::Propn, "NNPS", 6, "obj"),
            (".", Upos::Punct, ".", 1, "punct"),
        ];
        let mut s = sentence(&rows);
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_past_tense_read_as_a_nouns_clause_becomes_the_main_verb() {
        // "US forces struck sites." as the parser can misread it
        let rows = |xpos| {
            [
                ("US", Upos::Propn, "NNP", 2, "compound"),
                ("forces", Upos::Noun, "NNS", 0, "root"),
                ("struck", Upos::Verb, xpos, 2, "acl"),
                ("sites", Upos::Noun, "NNS", 3, "obj"),
                (".", Upos::Punct, ".", 2, "punct"),
            ]
        };
        let mut s = sentence(&rows("VBD"));
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[2], (None, "root"));
        assert_eq!(a[1], (Some(2), "nsubj"));
        assert_eq!(a[4], (Some(2), "punct"), "the full stop");
        assert_eq!(a[3], (Some(2), "obj"));
        // "US forces trained in Iran.": a participle describes the noun
        let mut s = sentence(&rows("VBN"));
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }
}
