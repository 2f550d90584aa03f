//! Scores predicted sentences against a treebank's gold columns: UPOS accuracy, UAS and LAS
//! over every word, punctuation included, comparing the universal part of the relation
//! (before any `:`), as the CoNLL 2018 shared task does. The `parse --conllu --score`
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
}

impl Score {
    /// Adds one sentence. Gold words without a tag, head or relation count as wrong for
    /// that column.
    pub fn add(&mut self, gold: &GoldSentence, predicted: &Sentence) {
        self.sentences += 1;
        for (g, p) in gold.words.iter().zip(&predicted.words) {
            self.words += 1;
            if g.upos.as_deref() == Some(p.upos.as_str()) {
                self.upos += 1;
            }
            let head = p.head.map_or(0, |h| h + 1);
            if g.head == Some(head) {
                self.heads += 1;
                if g.deprel.as_deref().map(universal) == Some(universal(p.deprel)) {
                    self.labeled += 1;
                }
            }
        }
    }

    fn pct(&self, n: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * n as f64 / self.words as f64
        }
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
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sentences {}  words {}  UPOS {:.2}  UAS {:.2}  LAS {:.2}",
            self.sentences,
            self.words,
            self.upos_accuracy(),
            self.uas(),
            self.las()
        )
    }
}
