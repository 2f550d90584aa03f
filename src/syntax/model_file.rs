//! The model file: a text header that says what the model is and how it was made, then the
//! tables in little-endian binary.
//!
//! ```text
//! actorgraph-syntax-model 1          format name and version
//! {"treebank": ..., "command": ...}  one line of JSON: the Meta
//! tags, tagger weights, tag dictionary, lemma tables, parser labels, parser weights
//! ```
//!
//! Loading checks the name and version and fails with one line naming the file.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

use super::Model;
use super::labels::{self, Upos};
use super::lemma::{Lemmatizer, Rewrite};
use super::parser::Parser;
use super::perceptron::{ENTRY, Weights};
use super::tagger::Tagger;

/// The version this code reads and writes.
pub const FORMAT_VERSION: u32 = 10;
const MAGIC: &str = "actorgraph-syntax-model";

/// How a model was made and how well it did, written in the file's header.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The treebank trained on, with its licence.
    pub treebank: String,
    /// The command that made this file.
    pub command: String,
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Scores on the development file, as the trainer measured them (percent).
    pub dev_upos: f64,
    pub dev_uas: f64,
    pub dev_las: f64,
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn weights(&mut self, w: &Weights) {
        self.u32(w.classes as u32);
        self.0.extend_from_slice(&w.scale.to_le_bytes());
        self.u32(w.slot_count() as u32);
        for k in w.slots() {
            self.0.extend_from_slice(&k.to_le_bytes());
        }
        self.u32((w.entries.len() / ENTRY) as u32);
        self.0.extend_from_slice(&w.entries);
    }
}

/// Serializes a model.
pub fn write(model: &Model) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    let meta = serde_json::to_string(&model.meta).expect("Meta serializes");
    w.0.extend_from_slice(format!("{MAGIC} {FORMAT_VERSION}\n{meta}\n").as_bytes());
    w.u32(model.tags.len() as u32);
    for (u, x) in &model.tags {
        w.str(u.as_str());
        w.str(x);
    }
    w.weights(&model.tagger.weights);
    match &model.tagger.second {
        Some(second) => {
            w.u8(1);
            w.weights(second);
        }
        None => w.u8(0),
    }
    let mut dict: Vec<(&String, &u16)> = model.tagger.dictionary.iter().collect();
    dict.sort();
    w.u32(dict.len() as u32);
    for (form, tag) in dict {
        w.str(form);
        w.u16(*tag);
    }
    let mut amb: Vec<(&u64, &u128)> = model.tagger.ambiguity.iter().collect();
    amb.sort();
    w.u32(amb.len() as u32);
    for (word, class) in amb {
        w.0.extend_from_slice(&word.to_le_bytes());
        w.0.extend_from_slice(&(*class as u64).to_le_bytes());
        w.0.extend_from_slice(&((*class >> 64) as u64).to_le_bytes());
    }
    let mut words: Vec<(&(String, Upos), &String)> = model.lemmatizer.words.iter().collect();
    words.sort();
    w.u32(words.len() as u32);
    for ((form, upos), lemma) in words {
        w.str(form);
        w.u8(*upos as u8);
        w.str(lemma);
    }
    let mut rules: Vec<(&(Upos, String), &Rewrite)> = model.lemmatizer.suffixes.iter().collect();
    rules.sort_by(|a, b| a.0.cmp(b.0));
    w.u32(rules.len() as u32);
    for ((upos, ending), r) in rules {
        w.u8(*upos as u8);
        w.str(ending);
        w.u8(r.strip);
        w.str(&r.add);
    }
    w.u32(model.parser.labels.len() as u32);
    for l in &model.parser.labels {
        w.str(l);
    }
    w.u32(model.parser.root_label as u32);
    w.weights(&model.parser.weights);
    w.0
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    name: &'a str,
}

impl<'a> Reader<'a> {
    fn bad(&self, what: &str) -> Error {
        Error::InFile {
            path: self.name.to_string(),
            message: format!("not a valid syntax model: {what} (at byte {})", self.at),
        }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| self.bad("the file ends early"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn len(&mut self) -> Result<usize> {
        let n = self.u32()? as usize;
        if n > self.bytes.len() {
            return Err(self.bad("a length larger than the file"));
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<&'a str> {
        let n = self.len()?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| self.bad("a name that is not UTF-8"))
    }
    fn upos(&mut self) -> Result<Upos> {
        let i = self.u8()? as usize;
        Upos::ALL
            .get(i)
            .copied()
            .ok_or_else(|| self.bad("a bad UPOS index"))
    }
    fn weights(&mut self) -> Result<Weights> {
        let classes = self.u32()? as usize;
        let scale = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        let n = self.len()?;
        let slots: &[u8] = self.take(
            n.checked_mul(8)
                .ok_or_else(|| self.bad("a table too large"))?,
        )?;
        let slot =
            |i: usize| u64::from_le_bytes(slots[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        let n_slots = slots.len() / 8;
        let n = self.len()?;
        let entries: &[u8] = self.take(
            n.checked_mul(ENTRY)
                .ok_or_else(|| self.bad("a table too large"))?,
        )?;
        if n_slots == 0 || !n_slots.is_multiple_of(super::perceptron::BUCKET) {
            return Err(self.bad("a weight table that is not whole buckets"));
        }
        if classes > 256 || !scale.is_finite() {
            return Err(self.bad("a bad class count or scale"));
        }
        let in_range = |slot: u64| {
            let start = ((slot >> 8) & 0xff_ffff) as usize;
            slot == 0 || start + (slot & 0xff) as usize <= entries.len() / ENTRY
        };
        if !(0..n_slots).all(|i| in_range(slot(i))) {
            return Err(self.bad("weight entries out of range"));
        }
        if entries
            .chunks_exact(ENTRY)
            .any(|e| usize::from(e[0]) >= classes)
        {
            return Err(self.bad("a weight for a class that does not exist"));
        }
        Ok(Weights::new(classes, n_slots, slot, entries, scale))
    }
}

/// Reads a model; `name` names the file in errors.
pub fn read(bytes: &[u8], name: &str) -> Result<Model> {
    let bad = |message: String| Error::InFile {
        path: name.to_string(),
        message,
    };
    let mut lines = bytes.splitn(3, |&b| b == b'\n');
    let first = lines.next().unwrap_or_default();
    let first = std::str::from_utf8(first).unwrap_or("");
    let Some(version) = first.strip_prefix(MAGIC).map(str::trim) else {
        return Err(bad(format!(
            "not a syntax model (it should start with '{MAGIC}'; rebuild it with train-syntax)"
        )));
    };
    if version != FORMAT_VERSION.to_string() {
        return Err(bad(format!(
            "syntax model format version {version}, this build reads version {FORMAT_VERSION}; retrain with train-syntax"
        )));
    }
    let meta_line = lines.next().ok_or_else(|| bad("no metadata line".into()))?;
    let meta: Meta =
        serde_json::from_slice(meta_line).map_err(|e| bad(format!("bad metadata line: {e}")))?;
    let body = lines.next().unwrap_or_default();
    let mut r = Reader {
        bytes: body,
        at: 0,
        name,
    };
    let n = r.len()?;
    let mut tags = Vec::with_capacity(n);
    for _ in 0..n {
        let u = r.str()?;
        let upos: Upos = u.parse().map_err(|e: String| r.bad(&e))?;
        let x = r.str()?;
        let xpos = labels::xpos(x).ok_or_else(|| r.bad(&format!("unknown XPOS tag '{x}'")))?;
        tags.push((upos, xpos));
    }
    let tag_weights = r.weights()?;
    let second = match r.u8()? {
        0 => None,
        1 => Some(r.weights()?),
        _ => return Err(r.bad("a bad second-pass flag")),
    };
    let n = r.len()?;
    let mut dictionary = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let form = r.str()?.to_string();
        let tag = r.u16()?;
        if usize::from(tag) >= tags.len() {
            return Err(r.bad("a dictionary tag that does not exist"));
        }
        dictionary.insert(form, tag);
    }
    let n = r.len()?;
    let mut ambiguity = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let word = r.u64()?;
        let class = u128::from(r.u64()?) | (u128::from(r.u64()?) << 64);
        ambiguity.insert(word, class);
    }
    let n = r.len()?;
    let mut words = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let form = r.str()?.to_string();
        let upos = r.upos()?;
        let lemma = r.str()?.to_string();
        words.insert((form, upos), lemma);
    }
    let n = r.len()?;
    let mut suffixes = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let upos = r.upos()?;
        let ending = r.str()?.to_string();
        let strip = r.u8()?;
        let add = r.str()?.to_string();
        suffixes.insert((upos, ending), Rewrite { strip, add });
    }
    let n = r.len()?;
    let mut parser_labels = Vec::with_capacity(n);
    for _ in 0..n {
        let l = r.str()?;
        parser_labels
            .push(labels::deprel(l).ok_or_else(|| r.bad(&format!("unknown relation '{l}'")))?);
    }
    let root_label = r.u32()? as usize;
    if parser_labels.get(root_label) != Some(&"root") {
        return Err(r.bad("the root label is not 'root'"));
    }
    let parser_weights = r.weights()?;
    if second.as_ref().is_some_and(|w| w.classes != tags.len()) {
        return Err(r.bad("second-pass weights for a different number of tags"));
    }
    if tag_weights.classes != tags.len() || parser_weights.classes != 1 + 2 * parser_labels.len() {
        return Err(r.bad("weights for a different number of tags or labels"));
    }
    if r.at != body.len() {
        return Err(r.bad("extra bytes after the parser weights"));
    }
    let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
    let finite = super::tagger::finite_tags(&tags);
    Ok(Model {
        meta,
        tags,
        tagger: Tagger {
            weights: tag_weights,
            second,
            dictionary,
            ambiguity,
            upos,
            finite,
        },
        lemmatizer: Lemmatizer { words, suffixes },
        parser: Parser {
            weights: parser_weights,
            labels: parser_labels,
            root_label,
        },
    })
}
