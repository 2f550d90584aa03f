//! What `extract --explain` prints: each statement of an [`Extraction`] in its sentence,
//! with the mentions of its two ends and its trigger marked, the pattern that produced it,
//! and the dependency tree of the sentence. In the library so that the binary and the fuzz
//! target run the one rendering.

use super::Extraction;
use crate::Result;
use crate::model::Span;
use crate::syntax::Model;
use crate::text::{Analyzed, Document, analyze};

impl Extraction {
    /// The explanation of every statement, in order: a line `SOURCE -RELATION-> TARGET
    /// (PATTERN, confidence C, DOC bytes START..END)`, the sentence indented by four spaces
    /// with the mentions of both ends marked `[...]` and the trigger `<<...>>`, the tree of
    /// the sentence (parsed by the embedded model; each sentence once), then an empty line.
    ///
    /// Time: the document is split into sentences once, and each sentence holding a
    /// statement is parsed once; marking a statement scans the document's mentions.
    ///
    /// # Errors
    ///
    /// When the embedded syntax model does not load.
    ///
    /// # Panics
    ///
    /// If `self` is not the extraction of `doc` by [`super::Extractor`]: a statement
    /// without its span, fewer triggers than statements, or spans outside `doc.text`.
    pub fn explain(&self, doc: &Document) -> Result<String> {
        let mut out = String::new();
        let analyzed = analyze(&doc.text);
        let mut drawn = vec![None; analyzed.sentences.len()];
        for (k, s) in self.statements.iter().enumerate() {
            let span = s
                .evidence
                .span
                .expect("extracted statements carry their span");
            let trig = self.triggers[k];
            // mark the mentions of both ends and the trigger inside the sentence
            let mut marks: Vec<(usize, &str)> = vec![(trig.start, "<<"), (trig.end, ">>")];
            for m in &self.mentions {
                if m.start >= span.start && m.end <= span.end {
                    let e = &self.entities[m.entity];
                    let alt = m.alt.map(|a| &self.entities[a]);
                    let named = |x: &str| x == s.source.name || x == s.target.name;
                    if named(&e.name) || alt.is_some_and(|a| named(&a.name)) {
                        marks.push((m.start, "["));
                        marks.push((m.end, "]"));
                    }
                }
            }
            marks.sort_by_key(|(p, t)| (*p, *t == "[" || *t == "<<"));
            let mut text = String::new();
            let mut at = span.start;
            for (p, t) in marks {
                text.push_str(&doc.text[at..p]);
                text.push_str(t);
                at = p;
            }
            text.push_str(&doc.text[at..span.end]);
            out.push_str(&format!(
                "{} -{}-> {}  ({}, confidence {:.2}, {} bytes {}..{})\n    {}\n",
                s.source.name,
                s.relation,
                s.target.name,
                s.evidence.producer,
                s.evidence.confidence,
                doc.id,
                span.start,
                span.end,
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
            out.push_str(&sentence_tree(doc, &analyzed, span, &mut drawn)?);
            out.push('\n');
        }
        Ok(out)
    }
}

/// The tree of the sentence at `span`, drawn with each line indented by four spaces;
/// `drawn` keeps the trees already drawn, by sentence, so that a sentence with several
/// statements is parsed once.
fn sentence_tree(
    doc: &Document,
    analyzed: &Analyzed,
    span: Span,
    drawn: &mut [Option<String>],
) -> Result<String> {
    let Some(k) = analyzed
        .sentences
        .iter()
        .position(|s| s.span.start <= span.start && span.end <= s.span.end)
    else {
        return Ok(String::new());
    };
    if drawn[k].is_none() {
        let tokens = &analyzed.tokens[analyzed.sentences[k].tokens.clone()];
        let tree = Model::embedded()?.parse_tokens(&doc.text, tokens);
        drawn[k] = Some(
            tree.to_tree_string()
                .lines()
                .map(|l| format!("    {l}\n"))
                .collect(),
        );
    }
    Ok(drawn[k].clone().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::text::Document;

    #[test]
    fn explains_each_statement_in_its_marked_sentence_with_its_tree() {
        let doc = Document {
            id: "d1".into(),
            date: Some("2024-12-05".into()),
            text: "Iran backs Hezbollah. Turkey backs the rebels.".into(),
            url: None,
        };
        let ex = Extractor::embedded().extract(&doc);
        let out = ex.explain(&doc).unwrap();
        let blocks: Vec<&str> = out.split_terminator("\n\n").collect();
        assert_eq!(blocks.len(), ex.statements.len(), "{out}");
        let first: Vec<&str> = blocks[0].lines().collect();
        let span = ex.statements[0].evidence.span.unwrap();
        assert!(
            first[0].starts_with("Iran -supports-> Hezbollah  (")
                && first[0].ends_with(&format!("d1 bytes {}..{})", span.start, span.end)),
            "{out}"
        );
        assert_eq!(first[1], "    [Iran] <<backs>> [Hezbollah].");
        // the tree: every word of the sentence on a line of its own
        for word in ["Iran", "backs", "Hezbollah"] {
            assert!(
                first[2..]
                    .iter()
                    .any(|l| l.starts_with("    ") && l.split_whitespace().any(|w| w == word)),
                "{word}: {out}"
            );
        }
    }
}
