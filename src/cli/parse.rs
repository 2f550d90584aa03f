//! `actorgraph parse`: part-of-speech tags, lemmas and dependency trees, as CoNLL-U or as
//! trees drawn for people; with `--conllu FILE --score`, the scores against its gold columns.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;

use actorgraph::syntax::{Model, Sentence, conllu, score::Score};

use super::{Outcome, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC.
    Conllu,
    /// Each sentence's text, then its tree drawn with each word under its head.
    Table,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A text file (or - for stdin); with --conllu, a CoNLL-U file whose words are kept.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// Read CoNLL-U: keep its words (FORM column), sentence by sentence, and fill in the
    /// predicted tags, lemmas, heads and relations.
    #[arg(long)]
    pub conllu: bool,
    /// With --conllu: print UPOS accuracy, UAS and LAS against the file's own columns
    /// (every word, punctuation included, universal relation before any ':').
    #[arg(long, requires = "conllu")]
    pub score: bool,
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
}

fn read_text(path: &Path) -> anyhow::Result<(String, String)> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| anyhow::anyhow!("cannot read stdin: {e}"))?;
        return Ok((text, "stdin".into()));
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    // a leading byte-order mark needs no care here: the tokenizer and the CoNLL-U reader
    // both skip it
    Ok((text, name))
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let (text, name) = read_text(&args.input)?;
    let model = Model::embedded()?;
    let mut out = String::new();
    if args.conllu {
        let gold = conllu::read(&text, &name)?;
        let mut score = Score::default();
        for g in &gold {
            let parsed = model.parse_gold(g);
            if args.score {
                score.add(g, &parsed);
            } else {
                write(&mut out, args.format, &g.comments, g.text(), &parsed);
            }
        }
        if args.score {
            out = format!("{name}: {score}\n");
        }
    } else {
        for s in model.parse_text(&text) {
            let span = s
                .words
                .first()
                .and_then(|w| w.span)
                .zip(s.words.last().and_then(|w| w.span));
            let sentence_text = span.map(|(a, b)| {
                text[a.start..b.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let comments: Vec<String> = sentence_text
                .iter()
                .map(|t| format!("text = {t}"))
                .collect();
            write(
                &mut out,
                args.format,
                &comments,
                sentence_text.as_deref(),
                &s,
            );
        }
    }
    output::print(&out)?;
    Ok(Outcome::Done)
}

fn write(
    out: &mut String,
    format: ParseFormat,
    comments: &[String],
    text: Option<&str>,
    s: &Sentence,
) {
    match format {
        ParseFormat::Conllu => conllu::write_sentence(out, comments, s),
        ParseFormat::Table => {
            if let Some(t) = text {
                out.push_str(t);
                out.push('\n');
            }
            out.push_str(&s.to_tree_string());
            out.push('\n');
        }
    }
}
