//! Extraction: from a document's text to statements with evidence.
//!
//! The pipeline, per document: sentences and tokens ([`crate::text`]) -> lexicon names
//! ([`crate::lexicon`]) -> mentions ([`mentions`]: composed institutions, generic sides,
//! unknown names, pronouns) -> relations, per sentence in two stages: the word-window rules
//! (`relations`: triggers from `data/patterns.toml` and arguments found by position), then,
//! when [`Extractor::trees`] is on and the sentence has two entities and a trigger, the
//! tree stage (`structure`: the sentence is parsed by [`crate::syntax`], window statements
//! the tree shows are not facts are dropped, and the tree's own statements are added) ->
//! statements, deduplicated, each with the sentence, its byte span and the pattern id that
//! produced it (`:tree-...` for the tree stage's).
//!
//! ```
//! use actorgraph::extract::Extractor;
//! use actorgraph::text::Document;
//!
//! let x = Extractor::embedded();
//! let doc = Document { id: "d1".into(), date: Some("2024-12-05".into()),
//!     text: "Iran backs Hezbollah. Rebels seized the city of Hama on Thursday.".into(), url: None };
//! let out = x.extract(&doc);
//! let edges: Vec<String> = out.statements.iter()
//!     .map(|s| format!("{} {} {}", s.source.name, s.relation, s.target.name)).collect();
//! assert!(edges.contains(&"Iran supports Hezbollah".to_string()));
//! assert!(edges.contains(&"rebels controls Hama".to_string()));
//! ```

mod explain;
mod mentions;
pub mod patterns;
mod relations;
mod structure;

use std::path::Path;

use crate::lexicon::Lexicon;
use crate::model::{Entity, EntityId, EntityType, Evidence, Relation, Span, Statement};
use crate::text::{Document, analyze, fold};
use crate::{Error, Result};

pub use patterns::Patterns;

/// An entity as known inside one document.
#[derive(Clone, Debug)]
pub struct DocEntity {
    pub name: String,
    pub etype: EntityType,
    /// Other surface forms seen for it.
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The state an institution belongs to ("Syrian army" -> Syria).
    pub of: Option<String>,
    pub lexicon_id: Option<String>,
}

impl DocEntity {
    /// An entity known only by its name in this document.
    pub fn new(name: String, etype: EntityType) -> DocEntity {
        DocEntity {
            name,
            etype,
            aliases: Vec::new(),
            country: None,
            lat: None,
            lon: None,
            of: None,
            lexicon_id: None,
        }
    }
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Named,
    /// A lowercase side: "the rebels".
    Generic,
    /// An adjective use of a demonym ("the Syrian city"): not an argument of verbs.
    Demonym,
    /// A pronoun or "the group", resolved to an earlier entity.
    Pronoun,
}

/// A place in the text that names an entity.
#[derive(Clone, Debug)]
pub struct Mention {
    pub tokens: std::ops::Range<usize>,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    /// What the mention stands for as an actor when the entity is a place (a capital
    /// for its state).
    pub alt: Option<usize>,
    pub kind: MentionKind,
}

/// A relation found between two document entities.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    source: usize,
    relation: Relation,
    target: usize,
    pattern: String,
    confidence: f32,
    sentence_start: usize,
    trigger: usize,
}

/// Everything extracted from one document.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub doc: String,
    pub date: Option<String>,
    pub entities: Vec<DocEntity>,
    pub mentions: Vec<Mention>,
    pub statements: Vec<Statement>,
    /// For `--explain`: per statement, the trigger's byte span.
    pub triggers: Vec<Span>,
}

/// The extractor: a lexicon and patterns, loaded once and used for many documents.
#[derive(Debug)]
pub struct Extractor {
    pub lexicon: Lexicon,
    pub patterns: Patterns,
    /// Parse the sentences that can state a relation and read relations from their trees
    /// (`structure`); without, only the word-window rules run (about 30 times faster,
    /// fewer and less precise statements).
    pub trees: bool,
}

impl Extractor {
    /// The embedded lexicon and patterns.
    pub fn embedded() -> Extractor {
        Extractor {
            lexicon: Lexicon::embedded(),
            patterns: Patterns::embedded(),
            trees: true,
        }
    }

    /// The embedded data plus a user's lexicon and pattern files.
    pub fn load(
        lexicon_files: &[std::path::PathBuf],
        pattern_files: &[std::path::PathBuf],
    ) -> Result<Extractor> {
        let lexicon = Lexicon::load(lexicon_files)?;
        let mut patterns = Patterns::embedded();
        for f in pattern_files {
            let text = std::fs::read_to_string(f).map_err(|e| Error::io("read", f, e))?;
            patterns.add_text(&f.display().to_string(), &text)?;
        }
        Ok(Extractor {
            lexicon,
            patterns,
            trees: true,
        })
    }

    /// Extracts every document of `docs` on `jobs` threads (at least one); the results come
    /// back in the order of `docs`, the same as one thread gives.
    pub fn extract_many(&self, docs: &[Document], jobs: usize) -> Vec<Extraction> {
        let jobs = jobs.clamp(1, docs.len().max(1));
        if jobs == 1 {
            return docs.iter().map(|d| self.extract(d)).collect();
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut done: Vec<(usize, Extraction)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..jobs)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(doc) = docs.get(i) else { break };
                            mine.push((i, self.extract(doc)));
                        }
                        mine
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().expect("extraction never panics"))
                .collect()
        });
        done.sort_unstable_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, x)| x).collect()
    }

    /// Extracts the statements of one document. Never panics on any text.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let mut statements = Vec::new();
        let mut triggers = Vec::new();
        let mut out = self.extract_each(doc, |st, trigger| {
            statements.push(st);
            triggers.push(trigger);
        });
        out.statements = statements;
        out.triggers = triggers;
        out
    }

    /// Extracts the statements of one document and hands each to `each`, with its
    /// trigger's byte span, as soon as its sentence is done, in the order [`Self::extract`]
    /// lists them; the returned extraction has the entities and mentions, and no statements.
    ///
    /// Time is linear in the document: every step works on one sentence (the statements
    /// found in it, their duplicates, the mentions it holds, found by binary search), and
    /// sentences have at most [`crate::text::MAX_SENTENCE_TOKENS`] tokens. Memory is
    /// bounded: a document over [`CHUNK_BYTES`] is read in pieces of about that size, cut
    /// at line ends or sentence ends ([`chunks`]), so what lives for a piece (one entry per
    /// token, mention and entity) is freed before the next; only the mentions and entities
    /// are kept for the whole document. A pronoun at the start of a piece cannot refer
    /// back into the piece before, the one thing a piece changes.
    pub fn extract_each(
        &self,
        doc: &Document,
        mut each: impl FnMut(Statement, Span),
    ) -> Extraction {
        if doc.text.len() <= CHUNK_BYTES {
            return self.extract_piece(doc, &mut each);
        }
        let mut out = Extraction {
            doc: doc.id.clone(),
            date: doc.date.clone(),
            entities: Vec::new(),
            mentions: Vec::new(),
            statements: Vec::new(),
            triggers: Vec::new(),
        };
        for piece in chunks(&doc.text, CHUNK_BYTES) {
            let at = piece.start;
            let part = Document {
                id: doc.id.clone(),
                date: doc.date.clone(),
                text: doc.text[piece].to_string(),
                url: doc.url.clone(),
            };
            let shift = |s: Span| Span {
                start: s.start + at,
                end: s.end + at,
            };
            let ex = self.extract_piece(&part, &mut |mut st: Statement, trigger| {
                st.evidence.span = st.evidence.span.map(shift);
                st.evidence.trigger = st.evidence.trigger.map(shift);
                each(st, shift(trigger));
            });
            let first = out.entities.len();
            out.entities.extend(ex.entities);
            out.mentions.extend(ex.mentions.into_iter().map(|mut m| {
                m.start += at;
                m.end += at;
                m.tokens = 0..0;
                m.entity += first;
                m.alt = m.alt.map(|a| a + first);
                m
            }));
        }
        out
    }

    /// Per entity: whether it is a person who, on `date` (any date when none), holds an
    /// office in an armed group or organization that is not a state's own institution, and
    /// none in a state ("PKK commander Murat Karayilan"; a president who leads a party is
    /// still his state's).
    fn outside_state(&self, entities: &[DocEntity], date: Option<&str>) -> Vec<bool> {
        let lex = &self.lexicon;
        let is_state = |id: &str| {
            lex.entry(id)
                .is_some_and(|e| matches!(e.etype, EntityType::State | EntityType::Country))
        };
        // a state, or an institution of one (its army, parliament, ministry)
        let of_state = |id: &str| {
            is_state(id)
                || lex
                    .entry(id)
                    .and_then(|e| e.of.as_deref())
                    .is_some_and(is_state)
        };
        entities
            .iter()
            .map(|e| {
                let Some(id) = e.lexicon_id.as_deref() else {
                    return false;
                };
                if e.etype != EntityType::Person {
                    return false;
                }
                let (mut outside, mut inside) = (false, false);
                for r in lex.roles_of(id, date) {
                    if of_state(&r.of) {
                        inside = true;
                    } else if lex.entry(&r.of).is_some_and(|o| {
                        matches!(o.etype, EntityType::ArmedGroup | EntityType::Organization)
                    }) {
                        outside = true;
                    }
                }
                outside && !inside
            })
            .collect()
    }

    /// [`Self::extract_each`] on a document read whole.
    fn extract_piece(&self, doc: &Document, each: &mut dyn FnMut(Statement, Span)) -> Extraction {
        let text = doc.text.as_str();
        let analyzed = analyze(text);
        let tokens = &analyzed.tokens;
        // the folded words, one after another in one string: one allocation for the
        // document, not one per token
        let mut buf = String::new();
        let mut folded = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for t in tokens {
            fold(t.text(text), &mut buf);
            folded.push_str(&buf);
            ends.push(folded.len());
        }
        let mut from = 0;
        let ws: Vec<&str> = ends
            .into_iter()
            .map(|end| {
                let w = &folded[from..end];
                from = end;
                w
            })
            .collect();
        let words = &ws;
        let lexmentions = self.lexicon.find(text, tokens);
        let mut finder = mentions::MentionFinder::new(
            text,
            tokens,
            words,
            &ws,
            &self.lexicon,
            &self.patterns,
            doc.date.as_deref(),
        );
        finder.run(&analyzed, &lexmentions);
        drop(lexmentions);
        let entities = std::mem::take(&mut finder.entities);
        let mentions = std::mem::take(&mut finder.mentions);
        // relations find a sentence's mentions by binary search on their first token
        debug_assert!(mentions.is_sorted_by_key(|m| m.tokens.start));
        let mut mention_at = vec![None; tokens.len()];
        for (k, m) in mentions.iter().enumerate() {
            for slot in &mut mention_at[m.tokens.clone()] {
                *slot = Some(k);
            }
        }
        let sent_starts: Vec<usize> = analyzed.sentences.iter().map(|s| s.tokens.start).collect();
        let passing = passing_sides(&entities, &mentions, words, &self.patterns, |t| {
            tokens[t].text(text)
        });
        let outside_state = self.outside_state(&entities, doc.date.as_deref());
        let mut rf = relations::RelationFinder {
            text,
            tokens,
            words,
            ws: &ws,
            sent_starts: &sent_starts,
            pat: &self.patterns,
            entities: &entities,
            mentions: &mentions,
            mention_at: &mention_at,
            found: Vec::new(),
            last_attack: Vec::new(),
            attacks: Default::default(),
            most_attacks: 0,
            last_visit: Vec::new(),
            year: doc
                .date
                .as_deref()
                .and_then(|d| d.get(..4))
                .and_then(|y| y.parse().ok()),
            dated_earlier: Vec::new(),
            outside_state: &outside_state,
        };
        let model = if self.trees {
            crate::syntax::Model::embedded().ok()
        } else {
            None
        };
        // only the entities that take part in a statement are converted, once each
        let mut doc_entities: Vec<Option<Entity>> = vec![None; entities.len()];
        let mut doc_entity = |x: usize| {
            doc_entities[x]
                .get_or_insert_with(|| to_entity(&entities[x]))
                .clone()
        };
        // (source, relation, target) already stated in this sentence: a statement is
        // kept once per sentence, so the set is emptied at each sentence
        let mut seen = rustc_hash::FxHashSet::default();
        // control claims dated to an earlier year, held back until the document shows
        // whether someone else controls the place now; and who does
        let mut dated_earlier: Vec<(Statement, Span, i32)> = Vec::new();
        let mut controllers: rustc_hash::FxHashSet<(String, String)> = Default::default();
        for sent in &analyzed.sentences {
            rf.sentence(sent.tokens.start, sent.tokens.end);
            if let Some(model) = model {
                structure::sentence(&mut rf, model, &analyzed, sent, 0);
            }
            seen.clear();
            // a leader does not meet what it leads: "met the chairman of the African Union
            // Commission, Mahmoud Ali Youssouf" is no meeting of Youssouf and the AU
            let led: Vec<(usize, usize)> = rf
                .found
                .iter()
                .filter(|f| f.relation == Relation::Controls)
                .map(|f| (f.source, f.target))
                .collect();
            rf.found.retain(|f| {
                f.relation != Relation::MeetsWith
                    || !led.iter().any(|&(a, b)| {
                        (a, b) == (f.source, f.target) || (b, a) == (f.source, f.target)
                    })
            });
            for f in rf.found.drain(..) {
                debug_assert_eq!(f.sentence_start, sent.tokens.start);
                let (mut a, mut b) = (f.source, f.target);
                if f.relation.is_symmetric() && a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                if passing[a] || passing[b] {
                    continue;
                }
                let (source, target) = (doc_entity(a), doc_entity(b));
                if !seen.insert((source.id.0.clone(), f.relation, target.id.0.clone())) {
                    continue;
                }
                let t = tokens[f.trigger];
                let trigger = Span {
                    start: t.start,
                    end: t.end,
                };
                let st = Statement {
                    source,
                    relation: f.relation,
                    target,
                    evidence: Evidence {
                        doc: doc.id.clone(),
                        date: doc.date.clone(),
                        text: text[sent.span.start..sent.span.end].to_string(),
                        span: Some(sent.span),
                        trigger: Some(trigger),
                        producer: f.pattern,
                        url: doc.url.clone(),
                        confidence: f.confidence,
                    },
                };
                if st.relation == Relation::Controls {
                    if let Some(&(_, year)) = rf.dated_earlier.iter().find(|d| d.0 == f.trigger) {
                        dated_earlier.push((st, trigger, year));
                        continue;
                    }
                    controllers.insert((st.target.id.0.clone(), st.source.id.0.clone()));
                }
                each(st, trigger);
            }
            rf.dated_earlier.clear();
        }
        // "The Peshmerga took control of the city in 2014" in a report of its capture by
        // Iraqi forces: a past capture whose place another holds now is no control
        // ("lost Kidal to the rebels in 2012 but retook it in 2023": a later capture by
        // another holder also ends it)
        let taken: Vec<bool> = dated_earlier
            .iter()
            .map(|(st, _, year)| {
                let (place, holder) = (&st.target.id.0, &st.source.id.0);
                controllers.iter().any(|(p, by)| p == place && by != holder)
                    || dated_earlier.iter().any(|(other, _, y)| {
                        other.target.id.0 == *place && other.source.id.0 != *holder && y > year
                    })
            })
            .collect();
        for ((st, trigger, _), taken) in dated_earlier.into_iter().zip(taken) {
            if !taken {
                each(st, trigger);
            }
        }
        Extraction {
            doc: doc.id.clone(),
            date: doc.date.clone(),
            entities,
            mentions,
            statements: Vec::new(),
            triggers: Vec::new(),
        }
    }
}

/// The generic sides that a document names once, bare, and never again ("fought gangs",
/// "armed groups"; the word list `passing_sides` of `data/patterns.toml`): GUIDE.md counts
/// a generic side as an entity only when the text keeps using it, so they take part in no
/// statement. A side that is also named or referred back to is kept, and so is one that
/// words before it make definite or say whose it is ("the militias", "Shia militias",
/// "Iran-backed militias"). `raw(t)` is token `t` as written.
fn passing_sides<'t>(
    entities: &[DocEntity],
    mentions: &[Mention],
    words: &[&str],
    pat: &patterns::Patterns,
    raw: impl Fn(usize) -> &'t str,
) -> Vec<bool> {
    let qualified = |p: usize| {
        matches!(words[p], "the" | "its" | "their" | "his" | "her")
            || raw(p).starts_with(char::is_uppercase)
            || (p > 0 && raw(p - 1) == "-")
    };
    let mut count = vec![(0u32, true); entities.len()];
    for m in mentions {
        let c = &mut count[m.entity];
        c.0 += 1;
        let bare = m.tokens.start.checked_sub(1).is_none_or(|p| !qualified(p));
        c.1 &= m.kind == MentionKind::Generic && bare;
    }
    count
        .iter()
        .zip(entities)
        .map(|(&(n, generic), e)| {
            let name: Vec<&str> = e.name.split(' ').collect();
            generic && n == 1 && pat.words.passing_sides.longest_at(&name) == Some(name.len())
        })
        .collect()
}

/// Documents longer than this many bytes are extracted in pieces of about this size (see
/// [`Extractor::extract_each`]).
pub const CHUNK_BYTES: usize = 1 << 20;

/// `text` cut into consecutive byte ranges of about `size` bytes each: a piece ends at the
/// first line end after `size` bytes (a sentence ends there too), else at the first
/// sentence end, else after the first space, else at the first character boundary, each
/// looked for in the 64 KiB after `size`; a rest shorter than that is not cut.
pub fn chunks(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    const LOOK: usize = 1 << 16;
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let mut from = start + size;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut upto = (from + LOOK).min(text.len());
        while !text.is_char_boundary(upto) {
            upto -= 1;
        }
        let window = &text[from..upto];
        let cut = window
            .find('\n')
            .map(|i| i + 1)
            // the rest of the text fits in the window: no cut needed
            .or((upto == text.len()).then_some(window.len()))
            .or_else(|| {
                // the start of the second sentence the splitter sees in the window (the
                // first may begin before it)
                sentencex::get_sentence_boundaries("en", window)
                    .get(1)
                    .map(|b| b.start_byte)
            })
            .or_else(|| window.find(' ').map(|i| i + 1))
            .unwrap_or(0);
        let end = from + cut;
        out.push(start..end);
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The model entity for a document entity: lexicon entities keep their lexicon id so the
/// same actor gets the same id in every document.
fn to_entity(e: &DocEntity) -> Entity {
    let id = match &e.lexicon_id {
        Some(id) => EntityId(id.clone()),
        None => EntityId::from_name(&e.name),
    };
    let mut ent = Entity {
        id,
        name: e.name.trim().to_string(),
        kind: e.etype.kind(),
        etype: e.etype,
        aliases: Vec::new(),
        country: None,
        lat: None,
        lon: None,
    };
    ent.aliases = e.aliases.clone();
    ent.country = e.country.clone();
    ent.lat = e.lat;
    ent.lon = e.lon;
    ent
}

/// Reads a document from a file: the id is the file stem, the date comes from `date` or
/// the dateline.
pub fn read_document(path: &Path, date: Option<&str>) -> Result<Document> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    let date = date
        .map(str::to_string)
        .or_else(|| crate::text::find_dateline(&text));
    Ok(Document {
        id,
        date,
        text,
        url: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::normalize_name;

    #[test]
    fn long_documents_are_cut_at_line_then_sentence_ends_and_read_in_pieces() {
        // line ends first, then sentence ends, then spaces
        let lines = "Iran backs Hezbollah.\n".repeat(10);
        let c = chunks(&lines, 30);
        assert!(c.iter().all(|r| lines[r.clone()].ends_with('\n')), "{c:?}");
        let one_line = "Iran backs Hezbollah. ".repeat(10);
        let c = chunks(&one_line, 30);
        assert!(
            c.iter()
                .all(|r| one_line[r.clone()].len().is_multiple_of(22)),
            "{c:?}"
        );
        let words = "word ".repeat(20_000);
        assert_eq!(chunks(&words, 12)[0], 0..15);
        assert_eq!(chunks("short", 12), vec![(0..5)]);
        // pieces cover the text once, in order
        for (text, size) in [(&lines, 30), (&one_line, 30), (&words, 12)] {
            let c = chunks(text, size);
            assert_eq!(c[0].start, 0);
            assert!(c.windows(2).all(|w| w[0].end == w[1].start));
            assert_eq!(c.last().unwrap().end, text.len());
        }
        // a document of several pieces: every sentence's statements, spans in the document
        let sentence = "Iran supports Hezbollah. Russian forces seized Bakhmut. ";
        let text = sentence.repeat((CHUNK_BYTES + CHUNK_BYTES / 4) / sentence.len());
        let mut x = Extractor::embedded();
        x.trees = false;
        let mut n = 0;
        x.extract_each(&doc(&text), |s, trigger| {
            n += 1;
            let span = s.evidence.span.unwrap();
            assert_eq!(&text[span.start..span.end], s.evidence.text);
            assert!(span.start <= trigger.start && trigger.end <= span.end);
        });
        assert_eq!(n, 2 * ((CHUNK_BYTES + CHUNK_BYTES / 4) / sentence.len()));
    }

    fn doc(text: &str) -> Document {
        Document {
            id: "t".into(),
            date: Some("2024-06-01".into()),
            text: text.into(),
            url: None,
        }
    }

    fn names(e: &Entity) -> Vec<String> {
        e.names().map(normalize_name).collect()
    }

    /// Every pattern's examples are extracted and its counter-examples are not.
    #[test]
    fn pattern_examples_hold() {
        let x = Extractor::embedded();
        let mut failures = Vec::new();
        for t in &x.patterns.triggers {
            for ex in &t.examples {
                let (sentence, expected) = ex.split_once("=>").expect("example has =>");
                let parts: Vec<&str> = expected.split('|').map(str::trim).collect();
                let (src, rel, dst) = (parts[0], parts[1], parts[2]);
                let out = x.extract(&doc(sentence.trim()));
                let hit = out.statements.iter().any(|s| {
                    s.relation.as_str() == rel
                        && names(&s.source).contains(&normalize_name(src))
                        && names(&s.target).contains(&normalize_name(dst))
                });
                if !hit {
                    let got: Vec<String> = out
                        .statements
                        .iter()
                        .map(|s| format!("{} -{}-> {}", s.source.name, s.relation, s.target.name))
                        .collect();
                    failures.push(format!(
                        "{}: missed '{}' in '{}'; got {:?}",
                        t.id,
                        expected.trim(),
                        sentence.trim(),
                        got
                    ));
                }
            }
            for c in &t.counter {
                let out = x.extract(&doc(c));
                if let Some(s) = out.statements.iter().find(|s| s.relation == t.relation) {
                    failures.push(format!(
                        "{}: counter-example '{c}' gave {} -{}-> {}",
                        t.id, s.source.name, s.relation, s.target.name
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
