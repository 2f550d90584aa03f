//! Scores predicted sentences against a treebank's gold columns: UPOS accuracy, UAS and LAS
//! over every word, punctuation included, comparing the universal part of the relation
//! (before any `:`), as the CoNLL 2018 shared task does; and UAS and LAS again without the
//! words whose gold relation is `punct`, as the CoNLL 2006 and 2007 shared tasks scored
//! (treebanks disagree on where punctuation hangs: PUD hangs the comma after a fronted
//! phrase on the main verb, EWT on the fronted phrase). The `parse --conllu --score`
//! command, the trainer and the tests all use this code.

use std::fmt;

use super::Sentence;
use super::conllu::GoldSentence;
use super::labels::universal;

/// Counts of words and of correct tags, heads and labeled heads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub sentences: usize,
    pub words: usize,
    pub upos: usize,
    pub heads: usize,
    pub labeled: usize,
    /// Words whose gold relation is not `punct`, and their correct heads and labeled heads.
    pub words_np: usize,
    pub heads_np: usize,
    pub labeled_np: usize,
}

impl Score {
    /// Adds one sentence. Gold words without a tag, head or relation count as wrong for
    /// that column.
    pub fn add(&mut self, gold: &GoldSentence, predicted: &Sentence) {
        self.sentences += 1;
        for (g, p) in gold.words.iter().zip(&predicted.words) {
            self.words += 1;
            let counted = g.deprel.as_deref().map(universal) != Some("punct");
            self.words_np += usize::from(counted);
            if g.upos.as_deref() == Some(p.upos.as_str()) {
                self.upos += 1;
            }
            let head = p.head.map_or(0, |h| h + 1);
            if g.head == Some(head) {
                self.heads += 1;
                self.heads_np += usize::from(counted);
                if g.deprel.as_deref().map(universal) == Some(universal(p.deprel)) {
                    self.labeled += 1;
                    self.labeled_np += usize::from(counted);
                }
            }
        }
    }

    fn pct(&self, n: usize) -> f64 {
        percent(n, self.words)
    }

    /// UPOS accuracy, percent.
    pub fn upos_accuracy(&self) -> f64 {
        self.pct(self.upos)
    }

    /// Unlabeled attachment score, percent.
    pub fn uas(&self) -> f64 {
        self.pct(self.heads)
    }

    /// Labeled attachment score, percent.
    pub fn las(&self) -> f64 {
        self.pct(self.labeled)
    }

    /// UAS over the words whose gold relation is not `punct`, percent.
    pub fn uas_no_punct(&self) -> f64 {
        percent(self.heads_np, self.words_np)
    }

    /// LAS over the words whose gold relation is not `punct`, percent.
    pub fn las_no_punct(&self) -> f64 {
        percent(self.labeled_np, self.words_np)
    }
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sentences {}  words {}  UPOS {:.2}  UAS {:.2}  LAS {:.2}  \
             words-no-punct {}  UAS-no-punct {:.2}  LAS-no-punct {:.2}",
            self.sentences,
            self.words,
            self.upos_accuracy(),
            self.uas(),
            self.las(),
            self.words_np,
            self.uas_no_punct(),
            self.las_no_punct()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::Upos;
    use super::super::conllu;
    use super::super::tests::sentence;
    use super::*;

    #[test]
    fn punctuation_counts_in_the_scores_and_not_in_the_no_punct_ones() {
        let gold = conllu::read(
            "1\tIn\tin\tADP\tIN\t_\t2\tcase\t_\t_\n\
             2\tMay\tMay\tPROPN\tNNP\t_\t5\tobl\t_\t_\n\
             3\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n\
             4\trebels\trebel\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n\
             5\tstruck\tstrike\tVERB\tVBD\t_\t0\troot\t_\t_\n\
             6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n",
            "gold.conllu",
        )
        .unwrap();
        // the comma hung on the main verb (PUD's way), "rebels" labeled obj
        let predicted = sentence(&[
            ("In", Upos::Adp, "IN", 2, "case"),
            ("May", Upos::Propn, "NNP", 5, "obl"),
            (",", Upos::Punct, ",", 5, "punct"),
            ("rebels", Upos::Noun, "NNS", 5, "obj"),
            ("struck", Upos::Verb, "VBD", 0, "root"),
            (".", Upos::Punct, ".", 5, "punct"),
        ]);
        let mut score = Score::default();
        score.add(&gold[0], &predicted);
        assert_eq!((score.words, score.heads, score.labeled), (6, 5, 4));
        assert_eq!(
            (score.words_np, score.heads_np, score.labeled_np),
            (4, 4, 3)
        );
        assert_eq!(score.uas_no_punct(), 100.0);
        assert_eq!(score.las_no_punct(), 75.0);
        let line = score.to_string();
        assert!(line.contains("UAS 83.33  LAS 66.67"), "{line}");
        assert!(
            line.contains("UAS-no-punct 100.00  LAS-no-punct 75.00"),
            "{line}"
        );
    }
}
