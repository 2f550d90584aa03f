//! CoNLL-U in and out: treebank sentences read with their gold columns (for training and
//! scoring), and parsed sentences written with predicted UPOS, XPOS, lemma, head and relation.
//!
//! Reading keeps the basic tree only: multiword-token lines (`3-4`) and empty nodes (`8.1`)
//! are skipped, as the CoNLL 2018 scorer does for a basic-tree parser. Every problem is
//! reported with the file and line (`en_ewt.conllu:17: expected 10 tab-separated columns`).

use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::text::{Token, TokenKind};

use super::Sentence;

/// One word of a treebank sentence, as the file gives it. Columns written `_` are `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: Option<String>,
    pub upos: Option<String>,
    pub xpos: Option<String>,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: Option<usize>,
    pub deprel: Option<String>,
    /// Whether a space follows the word in the original text (MISC has no
    /// `SpaceAfter=No`, and the word does not end inside a multiword token).
    pub space_after: bool,
}

/// One sentence of a CoNLL-U file: its comments (`# text = ...`) and words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldSentence {
    /// The comment lines without their `# `, in order (`text = ...`, `sent_id = ...`).
    pub comments: Vec<String>,
    pub words: Vec<GoldWord>,
    /// The line of the file where the sentence starts (1-based).
    pub line: usize,
}

impl GoldSentence {
    /// The words' forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// The `# text = ` comment, if there is one.
    pub fn text(&self) -> Option<&str> {
        self.comments.iter().find_map(|c| c.strip_prefix("text = "))
    }

    /// The sentence as text, its words separated as `space_after` says, and the words as
    /// tokens of that text (for parsing the file's words the way text is parsed).
    pub fn text_and_tokens(&self) -> (String, Vec<Token>) {
        let mut text = String::new();
        let mut tokens = Vec::with_capacity(self.words.len());
        for w in &self.words {
            let start = text.len();
            text.push_str(&w.form);
            tokens.push(Token {
                start,
                end: text.len(),
                kind: TokenKind::Word,
            });
            if w.space_after {
                text.push(' ');
            }
        }
        (text, tokens)
    }

    /// Whether every word has a head, a relation and a UPOS tag (a scorable gold tree).
    pub fn is_complete(&self) -> bool {
        self.words
            .iter()
            .all(|w| w.head.is_some() && w.deprel.is_some() && w.upos.is_some())
    }
}

/// Reads a CoNLL-U document. `path` names the source in error messages.
pub fn read(text: &str, path: &str) -> Result<Vec<GoldSentence>> {
    // a byte-order mark is not part of the first line
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sentences = Vec::new();
    let mut current = GoldSentence::default();
    // the file line of each word of the current sentence
    let mut word_lines: Vec<usize> = Vec::new();
    // the multiword token being read: its last word id and whether a space follows it
    let mut multiword: Option<(usize, bool)> = None;
    let at = |line: usize, message: String| Error::AtLine {
        path: path.to_string(),
        line,
        message,
    };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                finish(&current, &word_lines, path)?;
                word_lines.clear();
                sentences.push(std::mem::take(&mut current));
            } else if !current.comments.is_empty() {
                return Err(at(line_no, "a sentence with comments but no words".into()));
            }
            continue;
        }
        if current.words.is_empty() && current.comments.is_empty() {
            current.line = line_no;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if !current.words.is_empty() {
                return Err(at(
                    line_no,
                    "a comment line inside a sentence (is a blank line missing?)".into(),
                ));
            }
            current.comments.push(comment.trim_start().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(at(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        let space = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if id.contains('-') || id.contains('.') {
            // a multiword token or an empty node: not part of the basic tree
            let ok = id
                .split(['-', '.'])
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(at(line_no, format!("bad word id '{id}'")));
            }
            if let Some((_, last)) = id.split_once('-') {
                multiword = last.parse().ok().map(|last| (last, space));
            }
            continue;
        }
        let n: usize = id
            .parse()
            .map_err(|_| at(line_no, format!("bad word id '{id}'")))?;
        if n != current.words.len() + 1 {
            return Err(at(
                line_no,
                format!(
                    "word id {n} out of order (expected {})",
                    current.words.len() + 1
                ),
            ));
        }
        if cols[1].is_empty() {
            return Err(at(line_no, "empty FORM column".into()));
        }
        let opt = |s: &str| (s != "_" && !s.is_empty()).then(|| s.to_string());
        let head = match cols[6] {
            "_" => None,
            h => Some(
                h.parse::<usize>()
                    .map_err(|_| at(line_no, format!("bad HEAD '{h}'")))?,
            ),
        };
        word_lines.push(line_no);
        let space_after = match multiword {
            Some((last, _)) if n < last => false,
            Some((last, space)) if n == last => {
                multiword = None;
                space
            }
            _ => space,
        };
        current.words.push(GoldWord {
            form: cols[1].to_string(),
            // a lemma "_" is the underscore character when the form is one
            lemma: if cols[1] == "_" {
                Some("_".into())
            } else {
                opt(cols[2])
            },
            upos: opt(cols[3]),
            xpos: opt(cols[4]),
            head,
            deprel: opt(cols[7]),
            space_after,
        });
    }
    if !current.words.is_empty() {
        finish(&current, &word_lines, path)?;
        sentences.push(current);
    } else if !current.comments.is_empty() {
        return Err(at(
            text.lines().count(),
            "a sentence with comments but no words".into(),
        ));
    }
    Ok(sentences)
}

/// Checks heads point inside the sentence and not at the word itself.
fn finish(s: &GoldSentence, lines: &[usize], path: &str) -> Result<()> {
    let n = s.words.len();
    for (i, (w, &line)) in s.words.iter().zip(lines).enumerate() {
        let message = match w.head {
            Some(h) if h > n => format!("HEAD {h} is outside the sentence of {n} words"),
            Some(h) if h == i + 1 => format!("word {h} is its own head"),
            _ => continue,
        };
        return Err(Error::AtLine {
            path: path.to_string(),
            line,
            message,
        });
    }
    Ok(())
}

/// Writes a parsed sentence as CoNLL-U (with a blank line after it). `comments` are written
/// first as `# ` lines; FEATS and DEPS are `_`; MISC says `SpaceAfter=No` where the words
/// touch in the source text.
pub fn write_sentence(out: &mut String, comments: &[String], sentence: &Sentence) {
    for c in comments {
        let _ = writeln!(out, "# {c}");
    }
    for (i, w) in sentence.words.iter().enumerate() {
        let head = w.head.map_or(0, |h| h + 1);
        let touches = match (w.span, sentence.words.get(i + 1).and_then(|n| n.span)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            i + 1,
            w.form,
            w.lemma,
            w.upos,
            w.xpos,
            head,
            w.deprel,
            if touches { "SpaceAfter=No" } else { "_" }
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# sent_id = 1\n# text = Iran's ally won.\n\
1\tIran\tIran\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n\
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
3-4\tally's\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tally\tally\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n\
4\twon\twin\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4.1\twon\twin\tVERB\tVBD\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_skips_multiword_tokens_and_empty_nodes() {
        let s = read(DOC, "doc.conllu").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms(), vec!["Iran", "'s", "ally", "won", "."]);
        assert_eq!(s[0].text(), Some("Iran's ally won."));
        assert_eq!(s[0].words[3].head, Some(0));
        assert!(s[0].is_complete());
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            (
                "1\tA\t_\n",
                "f.conllu:1: expected 10 tab-separated columns, found 3",
            ),
            (
                "1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n3\tB\t_\t_\t_\t_\t1\tdep\t_\t_\n",
                "f.conllu:2: word id 3 out of order (expected 2)",
            ),
            (
                "1\tA\t_\t_\t_\t_\tx\troot\t_\t_\n",
                "f.conllu:1: bad HEAD 'x'",
            ),
            (
                "# c\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tB\t_\t_\t_\t_\t7\tdep\t_\t_\n",
                "f.conllu:3: HEAD 7 is outside the sentence of 2 words",
            ),
            (
                "x\tA\t_\t_\t_\t_\t0\troot\t_\t_\n",
                "f.conllu:1: bad word id 'x'",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                read(text, "f.conllu").unwrap_err().to_string(),
                want,
                "{text:?}"
            );
        }
    }
}
