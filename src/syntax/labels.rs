//! The closed tag and label sets of UD English: universal part-of-speech tags ([`Upos`]),
//! the Penn Treebank tags of EWT's XPOS column ([`XPOS`]) and the dependency relations with
//! their English subtypes ([`DEPRELS`]). Models name their tags and labels as strings; the
//! loader maps them onto these tables, so a parsed word carries `&'static str` labels.

use std::fmt;
use std::str::FromStr;

/// A universal part-of-speech tag (UD v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// Every tag, in the order of [`Upos::as_str`]'s names sorted.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as CoNLL-U writes it (`PROPN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }
}

impl Upos {
    /// Verbs and auxiliaries: the words that can carry a clause.
    pub fn is_verbal(self) -> bool {
        matches!(self, Upos::Verb | Upos::Aux)
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Upos {
    type Err = String;
    fn from_str(s: &str) -> Result<Upos, String> {
        Upos::ALL
            .iter()
            .copied()
            .find(|u| u.as_str() == s)
            .ok_or_else(|| format!("unknown universal part-of-speech tag '{s}'"))
    }
}

/// The Penn Treebank tags of EWT's XPOS column, sorted.
pub const XPOS: [&str; 51] = [
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
    "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB", "XX", "_", "``",
];

/// The dependency relations of UD English (universal relations and EWT's subtypes), sorted.
pub const DEPRELS: [&str; 54] = [
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "clf",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:poss",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:npmod",
    "obl:tmod",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// The static name of an XPOS tag, if it is one of [`XPOS`].
pub fn xpos(name: &str) -> Option<&'static str> {
    XPOS.iter().copied().find(|x| *x == name)
}

/// The static name of a dependency relation, if it is one of [`DEPRELS`].
pub fn deprel(name: &str) -> Option<&'static str> {
    DEPRELS.iter().copied().find(|x| *x == name)
}

/// The universal part of a relation: `nmod:poss` -> `nmod` (what LAS compares).
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        let mut names: Vec<&str> = Upos::ALL.iter().map(|u| u.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        names = XPOS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), XPOS.len());
        let mut rels = DEPRELS.to_vec();
        rels.sort_unstable();
        rels.dedup();
        assert_eq!(rels.len(), DEPRELS.len());
        for u in Upos::ALL {
            assert_eq!(u.as_str().parse::<Upos>(), Ok(u));
        }
        assert_eq!(universal("nmod:poss"), "nmod");
        assert_eq!(deprel("acl:relcl"), Some("acl:relcl"));
        assert_eq!(xpos("NNP"), Some("NNP"));
    }
}
