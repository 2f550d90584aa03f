//! Property tests of extraction: it never panics on any text, every evidence span slices
//! its document at char boundaries and gives back the evidence sentence, and the same input
//! gives the same output.
//!
//! Two kinds of text: arbitrary Unicode (control characters, combining marks, astral
//! planes), and news-like text built from names, triggers and punctuation mixed with odd
//! characters, so that statements are actually produced and the span checks bite.

use std::sync::LazyLock;

use actorgraph::extract::{Extraction, Extractor};
use actorgraph::text::Document;
use proptest::prelude::*;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::embedded);
/// A second extractor, to show that nothing is kept between documents or instances.
static OTHER: LazyLock<Extractor> = LazyLock::new(Extractor::embedded);

fn doc(text: &str) -> Document {
    Document {
        id: "p".into(),
        date: Some("2024-12-05".into()),
        text: text.into(),
        url: None,
    }
}

/// Pieces of news sentences, and characters that often trip byte arithmetic.
const PIECES: &[&str] = &[
    "Iran",
    "Hezbollah",
    "Russia",
    "Bashar al-Assad",
    "Assad's",
    "HTS",
    "Hayat Tahrir al-Sham",
    "the rebels",
    "rebels",
    "Hama",
    "Aleppo",
    "Damascus",
    "Moscow",
    "Erdoğan",
    "Zelensky",
    "Kyiv",
    "M23",
    "Goma",
    "backs",
    "backed",
    "supports",
    "seized",
    "captured",
    "took control of",
    "lost control of",
    "met",
    "will meet",
    "refused to meet",
    "fought",
    "attacked",
    "denied that",
    "fearing",
    "could",
    "leader",
    "former",
    "fled",
    "forces loyal to",
    "the city of",
    "and",
    "with",
    "in",
    "on Friday",
    "said",
    ".",
    ",",
    ";",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}s",
    "(",
    ")",
    "-",
    "\u{2014}",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "Mr.",
    "U.S.",
    "BEIRUT, March 3, 2024 (Reuters) -",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{1f525}",
    "\u{10348}",
    "\u{0627}\u{0644}\u{0623}\u{0633}\u{062f}",
    "\u{0000}",
    "\u{fffd}",
    "ﬁ",
    "İ",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", "  "][..]),
        ),
        0..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, sep)| format!("{p}{sep}"))
            .collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        newsy(),
        any::<String>(),
        "\\PC{0,200}",
        "[a-zA-Z .,\n]{0,200}",
    ]
}

/// Every span of an extraction: evidence spans hold their sentence, triggers lie inside
/// their sentence, mentions slice the text.
fn check_spans(text: &str, ex: &Extraction) -> Result<(), TestCaseError> {
    let slice = |start: usize, end: usize| -> Result<&str, TestCaseError> {
        prop_assert!(
            start <= end && end <= text.len(),
            "{start}..{end} of {}",
            text.len()
        );
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        Ok(&text[start..end])
    };
    prop_assert_eq!(ex.statements.len(), ex.triggers.len());
    for (s, t) in ex.statements.iter().zip(&ex.triggers) {
        let span = s.evidence.span.expect("extracted statements carry a span");
        let sentence = slice(span.start, span.end)?;
        prop_assert_eq!(sentence, s.evidence.text.as_str());
        prop_assert!(!sentence.trim().is_empty());
        let trigger = slice(t.start, t.end)?;
        prop_assert!(
            span.start <= t.start && t.end <= span.end,
            "trigger {:?} outside {:?}",
            t,
            span
        );
        prop_assert!(!trigger.is_empty());
        prop_assert_eq!(s.evidence.doc.as_str(), "p");
    }
    for m in &ex.mentions {
        slice(m.start, m.end)?;
        prop_assert!(m.entity < ex.entities.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extraction_never_panics_and_spans_slice_the_text(text in any_text()) {
        let ex = EXTRACTOR.extract(&doc(&text));
        check_spans(&text, &ex)?;
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn extraction_is_deterministic(text in newsy()) {
        let a = EXTRACTOR.extract(&doc(&text));
        let b = EXTRACTOR.extract(&doc(&text));
        prop_assert_eq!(&a.statements, &b.statements);
        prop_assert_eq!(&a.triggers, &b.triggers);
        prop_assert_eq!(format!("{:?}", a.entities), format!("{:?}", b.entities));
        let c = OTHER.extract(&doc(&text));
        prop_assert_eq!(&a.statements, &c.statements);
    }
}

/// The news-like strategy does reach the extractor's statements, so the span checks above
/// are not vacuous.
#[test]
fn newsy_text_produces_statements() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = newsy();
    let with_statements = (0..200)
        .filter(|_| {
            let text = strategy.new_tree(&mut runner).unwrap().current();
            !EXTRACTOR.extract(&doc(&text)).statements.is_empty()
        })
        .count();
    assert!(with_statements >= 20, "{with_statements} of 200");
}

#[test]
fn spans_hold_on_multibyte_text() {
    let text = "Erdo\u{11f}an\u{2019}s Turkey backs the rebels. \u{1f525} Iran backs Hezbollah.\r\nRebels seized the city of Hama \u{2014} a blow to Assad.";
    let ex = EXTRACTOR.extract(&doc(text));
    assert!(ex.statements.len() >= 2, "{:?}", ex.statements);
    check_spans(text, &ex).unwrap();
}
