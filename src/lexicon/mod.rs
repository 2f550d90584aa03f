//! The world lexicon: who and where, embedded in the binary, extensible by the user.
//!
//! The data lives in `data/lexicon/` as sorted, commented TSV files (format in
//! `data/lexicon/README.md`); `build.rs` embeds every file found there. A user's own files
//! use the same format and are loaded after the embedded ones: an entry with a known id
//! replaces it, a new id adds an entity. Lookups resolve a surface form through an entry's
//! name, its aliases, its demonyms, a capital standing for its state ("Moscow said"), or a
//! date-bounded role ("the Turkish president" on 2024-12-05).

mod entry;
mod matcher;
mod word_table;

use std::borrow::Cow;
use std::collections::hash_map::Entry as Slot;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

pub use entry::{Entry, FileKind, Role, data_lines, parse_entry, parse_role};
pub use matcher::{NameIndex, NameMatch};

use crate::model::{EntityKind, EntityType};
use crate::text::{Token, fold};
use crate::{Error, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/lexicon_files.rs"));
}

/// Environment variable naming a folder of extra lexicon files.
pub const LEXICON_DIR_ENV: &str = "ACTORGRAPH_LEXICON_DIR";

/// How a surface form reached an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum How {
    /// The entry's canonical name.
    Name,
    /// One of its aliases.
    Alias,
    /// A demonym or adjective of a state or group (`Syrian`).
    Demonym,
    /// A capital standing for its state (`Moscow` -> Russia), through the city with this id.
    Metonym(Cow<'static, str>),
    /// A title resolved through a role on a date (`president of tr`).
    Role { title: String, of: String },
}

impl How {
    pub fn describe(&self) -> String {
        match self {
            How::Name => "name".into(),
            How::Alias => "alias".into(),
            How::Demonym => "demonym".into(),
            How::Metonym(city) => format!("metonym (capital {city})"),
            How::Role { title, of } => format!("role ({title} of {of})"),
        }
    }
}

/// One possible meaning of a surface form.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    pub entry: &'a Entry<'static>,
    pub how: How,
}

/// A lexicon name found in text.
#[derive(Clone, Debug)]
pub struct LexMention {
    pub tokens: std::ops::Range<usize>,
    pub start: usize,
    pub end: usize,
    /// Entries this surface can mean with how, best first.
    pub candidates: Vec<(usize, How)>,
}

/// The loaded lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry<'static>>,
    by_id: FxHashMap<Cow<'static, str>, usize>,
    roles: Vec<Role>,
    /// (title, of) -> indices into `roles`
    roles_by_office: FxHashMap<(String, String), Vec<usize>>,
    /// per entry: the state whose capital it is (`NO_STATE`: none); an array, as
    /// [`Lexicon::find`] asks for every candidate
    capital_of: Vec<u32>,
    stopwords: FxHashSet<String>,
    /// length in bytes of the longest folded stop-word: a longer ASCII surface is none
    stopword_max_len: usize,
    /// (normalized name, ids) declared in ambiguity files
    ambiguous: Vec<(String, Vec<String>)>,
    /// title synonym -> title used in roles
    titles: FxHashMap<String, String>,
    /// [`Lexicon::office_title`]'s tables, built once: normalized title synonym ->
    /// normalized title, and normalized title -> the title as roles write it
    office_synonyms: FxHashMap<String, String>,
    offices: FxHashMap<String, String>,
    targets: Vec<(usize, How)>,
    /// per target: whether its entry is a place (stop-words veto places)
    place_targets: Vec<bool>,
    index: NameIndex,
}

/// No state in `Lexicon::capital_of`.
const NO_STATE: u32 = u32::MAX;

/// Accumulates files, then builds a [`Lexicon`].
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    entries: Vec<Entry<'static>>,
    by_id: FxHashMap<Cow<'static, str>, usize>,
    roles: Vec<Role>,
    stopwords: FxHashSet<String>,
    ambiguous: Vec<(String, Vec<String>)>,
    titles: FxHashMap<String, String>,
}

impl LexiconBuilder {
    /// Adds one file's contents; `name` is used in error messages and decides the file kind
    /// (`roles*.tsv`, `ambiguous*.tsv`, `*.txt` stop-words, other `*.tsv` entities).
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<()> {
        self.add(name, text, Entry::into_owned)
    }

    /// As [`LexiconBuilder::add_text`], for text that lives as long as the program (the
    /// embedded files): entries borrow their names instead of copying them.
    pub fn add_static(&mut self, name: &str, text: &'static str) -> Result<()> {
        self.add(name, text, |e| e)
    }

    fn add<'t>(
        &mut self,
        name: &str,
        text: &'t str,
        own: impl Fn(Entry<'t>) -> Entry<'static>,
    ) -> Result<()> {
        let at = |line: usize, message: String| Error::AtLine {
            path: name.to_string(),
            line,
            message,
        };
        match FileKind::of(name) {
            FileKind::Entities => {
                // at most one entry a line: growing the tables once saves rehashing ids
                let lines = text.bytes().filter(|&b| b == b'\n').count();
                self.entries.reserve(lines);
                self.by_id.reserve(lines);
                for (n, line) in data_lines(text) {
                    let e = own(parse_entry(line).map_err(|m| at(n, m))?);
                    match self.by_id.entry(e.id.clone()) {
                        Slot::Occupied(i) => self.entries[*i.get()] = e,
                        Slot::Vacant(slot) => {
                            slot.insert(self.entries.len());
                            self.entries.push(e);
                        }
                    }
                }
            }
            FileKind::Roles => {
                for (n, line) in data_lines(text) {
                    self.roles.push(parse_role(line).map_err(|m| at(n, m))?);
                }
            }
            FileKind::Ambiguous => {
                for (n, line) in data_lines(text) {
                    let cols: Vec<&str> = line.split('\t').collect();
                    if cols.len() < 2 {
                        return Err(at(
                            n,
                            "expected name, ids and how it is resolved".to_string(),
                        ));
                    }
                    self.ambiguous.push((
                        crate::model::normalize_name(cols[0]),
                        cols[1].split('|').map(|s| s.trim().to_string()).collect(),
                    ));
                }
            }
            FileKind::Titles => {
                for (n, line) in data_lines(text) {
                    let (syn, title) = line
                        .split_once('\t')
                        .ok_or_else(|| at(n, "expected synonym TAB title".to_string()))?;
                    self.titles
                        .insert(syn.trim().to_lowercase(), title.trim().to_lowercase());
                }
            }
            FileKind::Stopwords => {
                let mut buf = String::new();
                for (_, line) in data_lines(text) {
                    fold(line.trim(), &mut buf);
                    self.stopwords.insert(buf.clone());
                }
            }
        }
        Ok(())
    }

    /// Adds a file from disk.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
        self.add_text(&path.display().to_string(), &text)
    }

    /// Builds the name index. Roles pointing to unknown people are kept out of lookups.
    pub fn build(self) -> Lexicon {
        let mut lex = Lexicon {
            stopword_max_len: self.stopwords.iter().map(String::len).max().unwrap_or(0),
            entries: self.entries,
            by_id: self.by_id,
            roles: self.roles,
            stopwords: self.stopwords,
            ambiguous: self.ambiguous,
            titles: self.titles,
            ..Lexicon::default()
        };
        for (i, r) in lex.roles.iter().enumerate() {
            lex.roles_by_office
                .entry((r.title.clone(), r.of.clone()))
                .or_default()
                .push(i);
        }
        {
            use crate::model::normalize_name;
            // the first match in each map's (fixed) order, as a scan would find it
            for (syn, title) in &lex.titles {
                lex.office_synonyms
                    .entry(normalize_name(syn))
                    .or_insert_with(|| normalize_name(title));
            }
            for (title, _) in lex.roles_by_office.keys() {
                lex.offices
                    .entry(normalize_name(title))
                    .or_insert_with(|| title.clone());
            }
        }
        lex.capital_of = vec![NO_STATE; lex.entries.len()];
        for (i, e) in lex.entries.iter().enumerate() {
            if let Some(c) = e.capital.as_ref().and_then(|c| lex.by_id.get(c)) {
                lex.capital_of[*c] = i as u32;
            }
        }
        let names = lex
            .entries
            .iter()
            .map(|e| 1 + e.aliases.len() + e.demonyms.len())
            .sum();
        let mut targets = Vec::with_capacity(names);
        let mut index = NameIndex::with_capacity(names);
        for (i, e) in lex.entries.iter().enumerate() {
            let mut add = |name: &str, how: How| {
                index.insert(name, targets.len() as u32);
                targets.push((i, how));
            };
            add(&e.name, How::Name);
            for a in &e.aliases {
                add(a, How::Alias);
            }
            for d in &e.demonyms {
                add(d, How::Demonym);
            }
        }
        index.finish();
        lex.place_targets = targets
            .iter()
            .map(|(i, _)| lex.entries[*i].kind() == EntityKind::Place)
            .collect();
        lex.targets = targets;
        lex.index = index;
        lex
    }
}

/// Where a user's own lexicon files are found when no `--lexicon` is given:
/// `$ACTORGRAPH_LEXICON_DIR`, else `$XDG_CONFIG_HOME/actorgraph/lexicon`, else
/// `~/.config/actorgraph/lexicon`. Every `*.tsv` and `*.txt` file there is loaded.
pub fn user_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(LEXICON_DIR_ENV) {
        return Some(PathBuf::from(d));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("actorgraph").join("lexicon"))
}

impl Lexicon {
    /// A builder holding the embedded files.
    pub fn embedded_builder() -> LexiconBuilder {
        let mut b = LexiconBuilder::default();
        for (name, text) in embedded::FILES {
            b.add_static(name, text)
                .expect("embedded lexicon files are checked by tests");
        }
        b
    }

    /// The embedded lexicon alone.
    pub fn embedded() -> Lexicon {
        Lexicon::embedded_builder().build()
    }

    /// The embedded lexicon plus the files in the user folder (if it exists) and `extra`.
    pub fn load(extra: &[PathBuf]) -> Result<Lexicon> {
        let mut b = Lexicon::embedded_builder();
        if let Some(dir) = user_dir().filter(|d| d.is_dir()) {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| Error::io("read", &dir, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv" || x == "txt"))
                .collect();
            files.sort();
            for f in files {
                b.add_file(&f)?;
            }
        }
        for f in extra {
            b.add_file(f)?;
        }
        Ok(b.build())
    }

    /// The names of the embedded files and their contents.
    pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
        embedded::FILES
    }

    pub fn entries(&self) -> &[Entry<'static>] {
        &self.entries
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn entry(&self, id: &str) -> Option<&Entry<'static>> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn entry_at(&self, i: usize) -> &Entry<'static> {
        &self.entries[i]
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Number of names (names, aliases, demonyms) in the index.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }

    /// Names declared as deliberately shared, normalized, with their ids.
    pub fn declared_ambiguous(&self) -> &[(String, Vec<String>)] {
        &self.ambiguous
    }

    /// The state whose capital is this city entry.
    pub fn state_of_capital(&self, city: usize) -> Option<usize> {
        self.capital_of
            .get(city)
            .filter(|&&s| s != NO_STATE)
            .map(|&s| s as usize)
    }

    /// Who held `title` of `of` (an entry id) on `date`.
    pub fn holder(&self, title: &str, of: &str, date: &str) -> Option<&Entry<'static>> {
        let title = title.to_lowercase();
        let title = self.titles.get(&title).cloned().unwrap_or(title);
        self.roles_by_office
            .get(&(title, of.to_string()))?
            .iter()
            .map(|&i| &self.roles[i])
            .filter(|r| r.held_on(date))
            .find_map(|r| self.entry(&r.person))
    }

    /// The roles a person held on a date (all roles when no date is given).
    pub fn roles_of<'a>(
        &'a self,
        person: &'a str,
        date: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Role> {
        self.roles
            .iter()
            .filter(move |r| r.person == person && date.is_none_or(|d| r.held_on(d)))
    }

    fn rank(&self, cands: &mut Vec<(usize, How)>) {
        let score = |(i, how): &(usize, How)| {
            let e = &self.entries[*i];
            let how_rank = match how {
                How::Name | How::Alias => 0,
                How::Metonym(_) => 1,
                How::Demonym => 2,
                How::Role { .. } => 0,
            };
            let type_rank = match e.etype {
                EntityType::City => 2,
                EntityType::Region => 3,
                _ => 0,
            };
            (
                how_rank,
                type_rank,
                std::cmp::Reverse(e.pop.unwrap_or(0)),
                *i,
            )
        };
        cands.sort_by_key(score);
        cands.dedup_by(|a, b| a.0 == b.0);
    }

    /// Adds the state a capital stands for after each capital city.
    fn with_metonyms(&self, cands: Vec<(usize, How)>) -> Vec<(usize, How)> {
        let mut out = Vec::with_capacity(cands.len() + 1);
        for (i, how) in cands {
            out.push((i, how));
            if let Some(s) = self.state_of_capital(i) {
                out.push((s, How::Metonym(self.entries[i].id.clone())));
            }
        }
        out
    }

    /// Every entry a whole name can mean, best first; `date` resolves titles such as
    /// "the Turkish president" or "President Erdogan" through roles.
    /// A leading "the" is ignored when the name without it is known ("the Netherlands"), and
    /// a place named by a stop-word is vetoed as in [`Lexicon::find`].
    pub fn lookup(&self, name: &str, date: Option<&str>) -> Vec<Candidate<'_>> {
        let name = name.trim();
        let mut cands = self.exact(name);
        if cands.is_empty()
            && let Some(rest) = name
                .get(..4)
                .filter(|the| the.eq_ignore_ascii_case("the "))
                .map(|_| name[4..].trim_start())
        {
            cands = self.exact(rest);
        }
        if cands.is_empty() {
            cands = self.lookup_title(name, date);
        }
        let mut cands = self.with_metonyms(cands);
        self.rank(&mut cands);
        cands
            .into_iter()
            .map(|(i, how)| Candidate {
                entry: &self.entries[i],
                how,
            })
            .collect()
    }

    /// The targets of a whole name, without places vetoed by a stop-word.
    fn exact(&self, name: &str) -> Vec<(usize, How)> {
        let mut buf = String::new();
        self.index
            .exact(name)
            .into_iter()
            .map(|t| self.targets[t as usize].clone())
            .filter(|(i, _)| !self.is_stopword_place(*i, name, &mut buf))
            .collect()
    }

    /// Whether `surface` is a stop-word and entry `i` a place: never matched as a place.
    fn is_stopword_place(&self, i: usize, surface: &str, buf: &mut String) -> bool {
        if self.entries[i].kind() != EntityKind::Place {
            return false;
        }
        fold(surface, buf);
        self.stopwords.contains(buf.as_str())
    }

    /// "President Erdogan" -> Erdogan; "the Turkish president" / "Turkey's president" /
    /// "president of Turkey" / "secretary-general of the UN" -> whoever held the office on
    /// `date`.
    fn lookup_title(&self, name: &str, date: Option<&str>) -> Vec<(usize, How)> {
        // a possessive is a word of its own ("Turkey's" -> "turkey s"): normalizing drops
        // apostrophes
        let possessive = name.replace("'s ", " s ").replace("\u{2019}s ", " s ");
        let lower = crate::model::normalize_name(&possessive);
        let words: Vec<&str> = lower.split(' ').collect();
        // a title word followed by a person's name
        for k in 1..words.len().min(4) {
            let title = words[..k].join(" ");
            if self.office_title(&title).is_some() {
                let rest = words[k..].join(" ");
                let hits: Vec<(usize, How)> = self
                    .index
                    .exact(&rest)
                    .into_iter()
                    .map(|t| self.targets[t as usize].clone())
                    .filter(|(i, _)| self.entries[*i].etype == EntityType::Person)
                    .collect();
                if !hits.is_empty() {
                    return hits;
                }
            }
        }
        let Some(date) = date else {
            return Vec::new();
        };
        // "<state or demonym> <title>", "<state> s <title>", "<title> of <state>"
        let mut splits: Vec<(String, String)> = Vec::new();
        for k in 1..words.len() {
            let (a, b) = (words[..k].join(" "), words[k..].join(" "));
            splits.push((a.trim_end_matches(" s").to_string(), b.clone()));
            if let Some(state) = b.strip_prefix("of ") {
                splits.push((state.to_string(), a.clone()));
            }
            if let Some(t) = a.strip_suffix(" of") {
                splits.push((b.clone(), t.to_string()));
            }
        }
        for (who, title) in splits {
            let Some(title) = self.office_title(&title) else {
                continue;
            };
            let who = who.strip_prefix("the ").unwrap_or(&who);
            for t in self.index.exact(who) {
                let (i, _) = &self.targets[t as usize];
                let mut of = self.entries[*i].id.to_string();
                if let Some(s) = self.state_of_capital(*i) {
                    of = self.entries[s].id.to_string();
                }
                if let Some(p) = self.holder(&title, &of, date) {
                    let pi = self.by_id[p.id.as_ref()];
                    return vec![(pi, How::Role { title, of })];
                }
            }
        }
        Vec::new()
    }

    /// The title roles use for a title as written, through its synonyms, compared after
    /// normalization ("Secretary-General" -> `secretary-general`, "premier" -> `prime
    /// minister`). Linear in the number of offices; used by lookups only.
    fn office_title(&self, written: &str) -> Option<String> {
        let t = crate::model::normalize_name(written);
        let t = self.office_synonyms.get(&t).unwrap_or(&t);
        self.offices.get(t).cloned()
    }

    /// Finds every lexicon name in a tokenized text, leftmost-longest. Places named by a
    /// stop-word (`Deal`, `Said`) are not matched.
    pub fn find<'t>(&self, text: &'t str, tokens: &[Token]) -> Vec<LexMention> {
        let mut buf = String::new();
        // verdicts on surfaces beyond ASCII, whose folding (NFKD) is slow
        let mut non_ascii: FxHashMap<&'t str, bool> = FxHashMap::default();
        let mut out = Vec::new();
        let accept = |t: u32, surface: &'t str| {
            // the entry's kind, without touching the entry
            if !self.place_targets[t as usize] {
                return true;
            }
            // folding keeps the length of ASCII text: most surfaces are too long to check
            if surface.is_ascii() {
                if surface.len() > self.stopword_max_len {
                    return true;
                }
                buf.clear();
                buf.push_str(surface);
                buf.make_ascii_lowercase();
                !self.stopwords.contains(&buf)
            } else {
                *non_ascii.entry(surface).or_insert_with(|| {
                    fold(surface, &mut buf);
                    !self.stopwords.contains(&buf)
                })
            }
        };
        self.index
            .find_each(text, tokens, accept, |tokens, start, end, targets| {
                // as `with_metonyms`, without building the list twice
                let mut cands = Vec::with_capacity(targets.len() + 1);
                for &t in targets {
                    let (i, how) = &self.targets[t as usize];
                    cands.push((*i, how.clone()));
                    if let Some(s) = self.state_of_capital(*i) {
                        cands.push((s, How::Metonym(self.entries[*i].id.clone())));
                    }
                }
                if cands.len() > 1 {
                    self.rank(&mut cands);
                }
                out.push(LexMention {
                    tokens,
                    start,
                    end,
                    candidates: cands,
                });
            });
        out
    }

    /// Checks one lexicon file: every problem as `FILE:LINE: problem`, plus references
    /// (`capital=`, `of=`, role people) that point nowhere in this file or the default
    /// lexicon.
    pub fn check_file(path: &Path) -> Result<Vec<Error>> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
        let name = path.display().to_string();
        let base = Lexicon::embedded();
        let mut problems = Vec::new();
        let mut ids: FxHashSet<String> = FxHashSet::default();
        let mut entries = Vec::new();
        let mut prev: Option<String> = None;
        let kind = FileKind::of(&name);
        for (n, line) in data_lines(&text) {
            let at = |message: String| Error::AtLine {
                path: name.clone(),
                line: n,
                message,
            };
            match kind {
                FileKind::Entities => match parse_entry(line) {
                    Ok(e) => {
                        if !ids.insert(e.id.to_string()) {
                            problems.push(at(format!("duplicate id '{}'", e.id)));
                        }
                        if let Some(p) = &prev
                            && p.as_str() > e.id.as_ref()
                        {
                            problems.push(at(format!("not sorted: '{}' comes after '{p}'", e.id)));
                        }
                        prev = Some(e.id.to_string());
                        entries.push((n, e));
                    }
                    Err(m) => problems.push(at(m)),
                },
                FileKind::Roles => match parse_role(line) {
                    Ok(r) => {
                        if base.entry(&r.person).is_none() && !ids.contains(&r.person) {
                            problems.push(at(format!("unknown person '{}'", r.person)));
                        }
                    }
                    Err(m) => problems.push(at(m)),
                },
                FileKind::Ambiguous | FileKind::Stopwords | FileKind::Titles => {}
            }
        }
        for (n, e) in &entries {
            for (what, r) in [("capital", &e.capital), ("of", &e.of)] {
                if let Some(r) = r
                    && !ids.contains(r.as_ref())
                    && base.entry(r).is_none()
                {
                    problems.push(Error::AtLine {
                        path: name.clone(),
                        line: *n,
                        message: format!("{what} '{r}' is not a known id"),
                    });
                }
            }
        }
        Ok(problems)
    }
}
