//! Documents, sentences and tokens, every piece with its byte offsets in the source text.
//!
//! Sentences come from `sentencex` (it survives abbreviations such as U.S., Gen. and Lt. Col.);
//! tokens are produced here because extraction needs finer control than a UAX#29 splitter
//! gives, and they follow the tokenization of Universal Dependencies English EWT, so that a
//! dependency parser trained on EWT sees its own words:
//! - possessive `'s` is its own token (`Iran` `'s`, kind [`TokenKind::Possessive`]);
//! - contractions are split as in EWT: the negative clitic `n't` (`didn't` -> `did` `n't`,
//!   `can't` -> `ca` `n't`, `won't` -> `wo` `n't`, `DON'T` -> `DO` `N'T`) and `'re` `'ve`
//!   `'ll` `'d` `'m` (`they're` -> `they` `'re`, `I'm` -> `I` `'m`), straight or curly
//!   apostrophe; the clitics are [`TokenKind::Word`]s. `'m` is split only after "I" and
//!   `'d` only after lowercase words and pronouns, so that apostrophes inside names stay
//!   there (`Hay'at`, `Sana'a`, `O'Brien`, `Sa'd`);
//! - hyphens are their own tokens: `U.S.-backed` is `U.S.` `-` `backed` and `HTS-led` is
//!   `HTS` `-` `led`, as in EWT, where a hyphen is a PUNCT token tagged HYPH. EWT keeps a
//!   few prefixed words whole (`e-mail`, `co-workers`, `pre-owned`); we split those too;
//! - dotted abbreviations (`U.S.`, `U.N.`) and numbers (`1,000`, `2.5`) stay whole.
//!
//! Every token's byte range slices the source text to exactly the token's text.

mod date;

pub use date::{MONTHS, WEEKDAYS, find_dateline};

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

/// Words that take a split-off `'d` even when capitalized ("He'd", "THEY'D"); other
/// capitalized words keep theirs, as names do ("Sa'd", "Harakat Sawa'd Misr").
const D_HOSTS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "who", "what", "where", "when", "why", "how",
    "that", "there", "here", "this",
];

/// A clitic that begins at the apostrophe after `host` (the word so far) and ends a word,
/// as UD English EWT splits them: `n't` ("did" `n't`, "ca" `n't`) and `'re` `'ve` `'ll`
/// `'d` `'m`. Returns how many bytes of `host` belong to the clitic (1 for the `n` of
/// `n't`, else 0) and how many bytes of `rest` (the text after the apostrophe) do.
/// `'m` goes only with "I" and `'d` only with lowercase words and [`D_HOSTS`], so that
/// apostrophes inside transliterated names ("Da'm", "Sa'd") stay inside the name.
fn clitic_at(host: &str, rest: &str) -> Option<(usize, usize)> {
    let ends_with = |c: &str| {
        rest.len() >= c.len()
            && rest.as_bytes()[..c.len()].eq_ignore_ascii_case(c.as_bytes())
            && !rest[c.len()..].starts_with(char::is_alphanumeric)
    };
    // the host keeps at least one letter: "n't" alone (as in a word list) stays whole
    if host.len() > 1 && host.ends_with(['n', 'N']) && ends_with("t") {
        return Some((1, 1));
    }
    if ["re", "ve", "ll"].into_iter().any(ends_with) {
        return Some((0, 2));
    }
    if ends_with("m") && host.eq_ignore_ascii_case("i") {
        return Some((0, 1));
    }
    if ends_with("d")
        && (host.chars().all(char::is_lowercase)
            || D_HOSTS.iter().any(|h| host.eq_ignore_ascii_case(h)))
    {
        return Some((0, 1));
    }
    None
}

/// Whitespace, and the byte-order mark that opens some files (U+FEFF): never a token,
/// and the byte offsets of the rest stay those of the file.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
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
    let trimmed_start = start + (piece.len() - piece.trim_start_matches(is_space).len());
    let trimmed_end = end - (piece.len() - piece.trim_end_matches(is_space).len());
    if trimmed_start >= trimmed_end {
        return;
    }
    let first = tokens.len();
    tokenize_into(text, trimmed_start, trimmed_end, tokens);
    let mut from = first;
    while tokens.len() - from > MAX_SENTENCE_TOKENS {
        let to = cut(text, tokens, from);
        sentences.push(Sentence {
            span: Span {
                start: tokens[from].start,
                end: tokens[to - 1].end,
            },
            tokens: from..to,
        });
        from = to;
    }
    if tokens.len() > from {
        sentences.push(Sentence {
            span: Span {
                start: tokens[from].start,
                end: trimmed_end,
            },
            tokens: from..tokens.len(),
        });
    }
}

/// The most tokens a sentence has: a longer run without a sentence end (a list, a feed
/// without punctuation) is cut into pieces of at most this many, so that work per sentence
/// stays bounded. News sentences stay far below it (the longest in the dev and test
/// articles has 75 tokens).
pub const MAX_SENTENCE_TOKENS: usize = 150;

/// Where to end a piece of an over-long sentence that starts at token `from`: after the
/// last `;` or `,`, or before the last `and`/`but`/`while`, in the second half of the
/// longest piece; else at the longest piece. Returns one past the piece's last token.
fn cut(text: &str, tokens: &[Token], from: usize) -> usize {
    let limit = from + MAX_SENTENCE_TOKENS;
    (from + MAX_SENTENCE_TOKENS / 2..limit)
        .rev()
        .find_map(|k| match tokens[k].text(text) {
            ";" | "," => Some(k + 1),
            "and" | "but" | "while" => Some(k),
            _ => None,
        })
        .unwrap_or(limit)
}

/// Tokenizes `text[start..end]`, appending tokens with absolute byte offsets.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_space(c) {
            continue;
        }
        // U+02BC (modifier letter apostrophe) is a letter to Unicode, an apostrophe here
        if c.is_alphanumeric() && !is_apostrophe(c) {
            let mut j = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            // a clitic split off the end of this word: its byte range in `s`
            let mut clitic = None;
            while let Some(&(k, d)) = it.peek() {
                if d.is_alphanumeric() && !is_apostrophe(d) {
                    all_digits &= d.is_ascii_digit() || d == ',';
                    j = k + d.len_utf8();
                    it.next();
                    continue;
                }
                if is_apostrophe(d) {
                    let rest = &s[k + d.len_utf8()..];
                    // a contraction: "didn't" -> did n't, "they're" -> they 're
                    if let Some((back, len)) = clitic_at(&s[i..j], rest) {
                        it.next();
                        // the clitic's letters are ASCII: one char a byte
                        for _ in 0..len {
                            it.next();
                        }
                        j -= back;
                        clitic = Some((j, k + d.len_utf8() + len));
                        break;
                    }
                    // an inner apostrophe followed by a letter that does not start "'s"
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
            if let Some((cs, ce)) = clitic {
                out.push(Token {
                    start: start + cs,
                    end: start + ce,
                    kind: TokenKind::Word,
                });
            }
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
    fn over_long_sentences_are_cut_at_a_conjunction_or_comma() {
        let run = "Iran supports Hezbollah and ".repeat(200);
        let a = analyze(&run);
        assert_eq!(a.tokens.len(), 800);
        assert!(
            a.sentences
                .iter()
                .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS)
        );
        // pieces cover every token once, in order, and end before an "and"
        let mut next = 0;
        for s in &a.sentences {
            assert_eq!(s.tokens.start, next);
            next = s.tokens.end;
            assert_eq!(
                &run[s.span.start..s.span.end],
                &run[a.tokens[s.tokens.start].start..a.tokens[s.tokens.end - 1].end]
            );
        }
        assert_eq!(next, 800);
        assert_eq!(a.tokens[a.sentences[0].tokens.end].text(&run), "and");
        // no break word at all: pieces of the longest length
        let words = "word ".repeat(400);
        let a = analyze(&words);
        let lens: Vec<usize> = a.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [150, 150, 100]);
        // a normal sentence is one
        assert_eq!(
            analyze("Iran, Russia and Turkey met in Astana, and agreed.")
                .sentences
                .len(),
            1
        );
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

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        let mut v = Vec::new();
        tokenize_into(text, 0, text.len(), &mut v);
        v.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn contractions_split_as_in_ud_ewt() {
        use TokenKind::{Number, Possessive, Punct, Word};
        #[rustfmt::skip]
        let cases: &[(&str, &[(&str, TokenKind)])] = &[
            // the negative clitic takes the n
            ("didn't", &[("did", Word), ("n't", Word)]),
            ("don't", &[("do", Word), ("n't", Word)]),
            ("can't", &[("ca", Word), ("n't", Word)]),
            ("won't", &[("wo", Word), ("n't", Word)]),
            ("isn't", &[("is", Word), ("n't", Word)]),
            ("They didn’t.", &[("They", Word), ("did", Word), ("n’t", Word), (".", Punct)]),
            ("DON'T", &[("DO", Word), ("N'T", Word)]),
            ("Don\u{2bc}t", &[("Do", Word), ("n\u{2bc}t", Word)]),
            ("Iran\u{2bc}s", &[("Iran", Word), ("\u{2bc}s", Possessive)]),
            ("Hay\u{2bc}at", &[("Hay\u{2bc}at", Word)]),
            // alone, as in a word list, it stays whole
            ("n't", &[("n't", Word)]),
            // the other clitics
            ("they're", &[("they", Word), ("'re", Word)]),
            ("We’re here", &[("We", Word), ("’re", Word), ("here", Word)]),
            ("I'm", &[("I", Word), ("'m", Word)]),
            ("we'll", &[("we", Word), ("'ll", Word)]),
            ("he'd", &[("he", Word), ("'d", Word)]),
            ("He'd", &[("He", Word), ("'d", Word)]),
            ("could've", &[("could", Word), ("'ve", Word)]),
            ("THEY'RE", &[("THEY", Word), ("'RE", Word)]),
            // a clitic must end the word
            ("ma'am", &[("ma'am", Word)]),
            ("o'clock", &[("o'clock", Word)]),
            // apostrophes inside names stay
            ("Hay'at", &[("Hay'at", Word)]),
            ("Sana'a", &[("Sana'a", Word)]),
            ("O'Brien", &[("O'Brien", Word)]),
            ("Hizbu'llah", &[("Hizbu'llah", Word)]),
            ("Sawa'd Misr", &[("Sawa'd", Word), ("Misr", Word)]),
            ("al-Da'm", &[("al", Word), ("-", Punct), ("Da'm", Word)]),
            // possessives, abbreviations, hyphens and numbers as before
            ("Iran's", &[("Iran", Word), ("'s", Possessive)]),
            ("it's", &[("it", Word), ("'s", Possessive)]),
            ("rebels' advance", &[("rebels", Word), ("'", Possessive), ("advance", Word)]),
            ("U.S.-backed", &[("U.S.", Word), ("-", Punct), ("backed", Word)]),
            ("e-mail", &[("e", Word), ("-", Punct), ("mail", Word)]),
            ("1,000 and 2.5", &[("1,000", Number), ("and", Word), ("2.5", Number)]),
            (
                "Iran’s proxies didn't say they'd back the U.S.-backed force.",
                &[
                    ("Iran", Word), ("’s", Possessive), ("proxies", Word), ("did", Word),
                    ("n't", Word), ("say", Word), ("they", Word), ("'d", Word), ("back", Word),
                    ("the", Word), ("U.S.", Word), ("-", Punct), ("backed", Word),
                    ("force", Word), (".", Punct),
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kinds(text), *want, "{text}");
        }
    }

    #[test]
    fn token_offsets_slice_the_text_exactly() {
        // tokens of a later sentence carry absolute offsets; every byte that is not
        // whitespace is in exactly one token
        let text = "Hay’at said so. They didn’t, and we’ll see; I'm sure he'd DON'T Iran's.";
        let a = analyze(text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for t in &a.tokens {
            assert!(t.start < t.end && t.start >= last_end, "{t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!t.text(text).contains(char::is_whitespace));
            covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
            last_end = t.end;
        }
        for (i, c) in text.char_indices() {
            assert_eq!(covered[i], !is_space(c), "byte {i} ({c:?})");
        }
        let words: Vec<&str> = a.tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words[3..],
            [
                ".", "They", "did", "n’t", ",", "and", "we", "’ll", "see", ";", "I", "'m", "sure",
                "he", "'d", "DO", "N'T", "Iran", "'s", "."
            ]
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
    fn a_byte_order_mark_is_not_a_token_and_offsets_stay_the_file_s() {
        let text = "\u{feff}Iran backs Hezbollah.";
        let a = analyze(text);
        let first = a.tokens[0];
        assert_eq!(first.text(text), "Iran");
        assert_eq!(first.start, 3);
        assert_eq!(
            &text[a.sentences[0].span.start..a.sentences[0].span.end],
            "Iran backs Hezbollah."
        );
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
