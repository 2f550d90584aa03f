//! Documents, sentences and tokens, every piece with its byte offsets in the source text.
//!
//! Sentences come from `sentencex` (it survives abbreviations such as U.S., Gen. and Lt. Col.);
//! tokens are produced here because extraction needs finer control than a UAX#29 splitter
//! gives: possessive `'s` is its own token, hyphens are their own tokens (`HTS-led` is
//! `HTS` `-` `led`), and dotted abbreviations (`U.S.`, `U.N.`) stay whole.

mod date;

pub use date::find_dateline;

use crate::model::Span;

/// A text to extract from.
#[derive(Clone, Debug)]
pub struct Document {
    pub id: String,
    /// `YYYY-MM-DD`, used to resolve titles to people and stamped on evidence.
    pub date: Option<String>,
    pub text: String,
    pub url: Option<String>,
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits), including inner apostrophes (`Sana'a`) and dotted
    /// abbreviations (`U.S.`).
    Word,
    Number,
    /// The possessive `'s` (or a bare `'` after a plural).
    Possessive,
    Punct,
}

/// A token: a byte range of the document and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// A sentence: its span in the document and the range of its tokens.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Index of the first token and one past the last in the document's token list.
    pub tokens: std::ops::Range<usize>,
}

/// A document split into sentences and tokens.
#[derive(Clone, Debug)]
pub struct Analyzed {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Splits a text into sentences and tokens.
pub fn analyze(text: &str) -> Analyzed {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", text) {
        // sentencex splits on paragraph breaks too; we also split on single newlines
        // because wire copy often puts one sentence-like line per paragraph.
        let mut start = b.start_byte;
        let end = b.end_byte.min(text.len());
        for (i, _) in text[start..end].match_indices('\n') {
            push_sentence(text, start, b.start_byte + i, &mut sentences, &mut tokens);
            start = b.start_byte + i + 1;
        }
        push_sentence(text, start, end, &mut sentences, &mut tokens);
    }
    Analyzed { sentences, tokens }
}

fn push_sentence(
    text: &str,
    start: usize,
    end: usize,
    sentences: &mut Vec<Sentence>,
    tokens: &mut Vec<Token>,
) {
    let piece = &text[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = end - (piece.len() - piece.trim_end().len());
    if trimmed_start >= trimmed_end {
        return;
    }
    let first = tokens.len();
    tokenize_into(text, trimmed_start, trimmed_end, tokens);
    if tokens.len() > first {
        sentences.push(Sentence {
            span: Span {
                start: trimmed_start,
                end: trimmed_end,
            },
            tokens: first..tokens.len(),
        });
    }
}

/// Tokenizes `text[start..end]`, appending tokens with absolute byte offsets.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(k, d)) = it.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit() || d == ',';
                    j = k + d.len_utf8();
                    it.next();
                    continue;
                }
                // an inner apostrophe followed by a letter that does not start "'s"
                if is_apostrophe(d) {
                    let rest = &s[k + d.len_utf8()..];
                    let mut r = rest.chars();
                    let next = r.next();
                    let after = r.next();
                    let possessive = matches!(next, Some('s') | Some('S'))
                        && !after.is_some_and(char::is_alphanumeric);
                    if next.is_some_and(char::is_alphabetic) && !possessive {
                        j = k + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                // dotted abbreviation: U.S. / U.N. / U.A.E.
                if d == '.' && j - i <= 2 && c.is_uppercase() {
                    let rest = &s[k + 1..];
                    let mut r = rest.chars();
                    if let (Some(n), Some(dot)) = (r.next(), r.next())
                        && n.is_uppercase()
                        && dot == '.'
                    {
                        // consume ".X."
                        it.next();
                        it.next();
                        it.next();
                        j = k + 1 + n.len_utf8() + 1;
                        while let Some(&(k2, d2)) = it.peek() {
                            let rest2 = &s[k2..];
                            let mut r2 = rest2.chars();
                            if let (Some(u), Some('.')) = (r2.next(), r2.next())
                                && u.is_uppercase()
                                && d2 == u
                            {
                                it.next();
                                it.next();
                                j = k2 + u.len_utf8() + 1;
                            } else {
                                break;
                            }
                        }
                        break;
                    }
                }
                // numbers: 1,000 and 2.5
                if all_digits && (d == ',' || d == '.') {
                    let rest = &s[k + 1..];
                    if rest.chars().next().is_some_and(|x| x.is_ascii_digit()) {
                        j = k + 1;
                        it.next();
                        continue;
                    }
                }
                break;
            }
            out.push(Token {
                start: start + i,
                end: start + j,
                kind: if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
        } else if is_apostrophe(c) {
            let rest = &s[i + c.len_utf8()..];
            let mut r = rest.chars();
            let prev_is_word = out
                .last()
                .is_some_and(|t: &Token| t.end == start + i && t.kind == TokenKind::Word);
            if prev_is_word
                && matches!(r.next(), Some('s') | Some('S'))
                && !r.next().is_some_and(char::is_alphanumeric)
            {
                it.next();
                out.push(Token {
                    start: start + i,
                    end: start + i + c.len_utf8() + 1,
                    kind: TokenKind::Possessive,
                });
            } else if prev_is_word && s[..i].ends_with('s') {
                out.push(Token {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    kind: TokenKind::Possessive,
                });
            } else {
                out.push(Token {
                    start: start + i,
                    end: start + i + c.len_utf8(),
                    kind: TokenKind::Punct,
                });
            }
        } else {
            out.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
        }
    }
}

/// The lowercase matching key of a word: lowercase, curly apostrophes made straight,
/// diacritics removed (`Erdoğan` -> `erdogan`).
pub fn fold(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    use unicode_normalization::char::{decompose_compatible, is_combining_mark};
    for c in word.chars() {
        // NFKD one character at a time: reordering marks would not matter, they are dropped
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_compatible(c, |d| {
            if is_combining_mark(d) {
            } else if is_apostrophe(d) {
                out.push('\'');
            } else {
                out.extend(d.to_lowercase());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize_into(text, 0, text.len(), &mut v);
        v.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_names_and_possessives() {
        assert_eq!(
            words("The U.S. and Iran’s proxy Hay'at Tahrir al-Sham's HTS-led push, 1,000 men."),
            vec![
                "The", "U.S.", "and", "Iran", "’s", "proxy", "Hay'at", "Tahrir", "al", "-", "Sham",
                "'s", "HTS", "-", "led", "push", ",", "1,000", "men", "."
            ]
        );
        assert_eq!(
            words("the rebels' advance"),
            vec!["the", "rebels", "'", "advance"]
        );
    }

    #[test]
    fn sentences_survive_abbreviations_and_carry_spans() {
        let text = "Lt. Col. Smith met U.S. envoys in Gen. Ali's office. Then he left.\nA new line";
        let a = analyze(text);
        let sents: Vec<&str> = a
            .sentences
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            sents,
            vec![
                "Lt. Col. Smith met U.S. envoys in Gen. Ali's office.",
                "Then he left.",
                "A new line"
            ]
        );
        for s in &a.sentences {
            for t in &a.tokens[s.tokens.clone()] {
                assert!(t.start >= s.span.start && t.end <= s.span.end);
            }
        }
    }

    #[test]
    fn fold_removes_case_and_diacritics() {
        let mut s = String::new();
        fold("Erdoğan", &mut s);
        assert_eq!(s, "erdogan");
        fold("Hay’at", &mut s);
        assert_eq!(s, "hay'at");
    }
}
