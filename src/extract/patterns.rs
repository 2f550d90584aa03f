//! The relation patterns and word lists of `data/patterns.toml`, parsed once.
//!
//! Each trigger word form (every inflection of a verb, every noun, adjective and role
//! noun) is indexed by its folded first word, so the relation finder looks up each token
//! once.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::model::Relation;
use crate::{Error, Result};

/// The embedded pattern file.
pub const EMBEDDED: &str = include_str!("../../data/patterns.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    #[serde(default)]
    person_titles: Vec<String>,
    #[serde(default)]
    leader_titles: Vec<String>,
    #[serde(default)]
    generic_actors: Vec<String>,
    #[serde(default)]
    generic_adjectives: Vec<String>,
    #[serde(default)]
    state_forces: Vec<String>,
    #[serde(default)]
    state_weapons: Vec<String>,
    #[serde(default)]
    weapon_nouns: Vec<String>,
    #[serde(default)]
    passing_sides: Vec<String>,
    #[serde(default)]
    not_given_names: Vec<String>,
    #[serde(default)]
    state_government: Vec<String>,
    #[serde(default)]
    state_offices: Vec<String>,
    #[serde(default)]
    armed_heads: Vec<String>,
    #[serde(default)]
    org_heads: Vec<String>,
    #[serde(default)]
    place_heads: Vec<String>,
    #[serde(default)]
    place_preps: Vec<String>,
    #[serde(default)]
    negations: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
    #[serde(default)]
    pronouns_person: Vec<String>,
    #[serde(default)]
    pronouns_thing: Vec<String>,
    #[serde(default)]
    pronouns_plural: Vec<String>,
    #[serde(default)]
    anaphors: Vec<String>,
    #[serde(default)]
    place_prefixes: Vec<String>,
    #[serde(default)]
    attack_events: Vec<String>,
    #[serde(default)]
    visit_events: Vec<String>,
    #[serde(default)]
    facilities: Vec<String>,
}

/// What the target of a trigger must be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ObjectKind {
    #[default]
    Actor,
    Place,
    Any,
}

/// One trigger of `data/patterns.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub id: String,
    pub relation: Relation,
    #[serde(default)]
    pub verbs: Vec<String>,
    #[serde(default)]
    pub preps: Vec<String>,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub noun_preps: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub role_nouns: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub unless: Vec<String>,
    /// The object must start within this many tokens of the verb.
    #[serde(default)]
    pub near: Option<usize>,
    #[serde(default)]
    pub object: ObjectKind,
    #[serde(default)]
    pub both_ways: bool,
    /// Only the tree rules read it (the word-window rules skip it): for triggers whose
    /// arguments only the sentence's structure can tell.
    #[serde(default)]
    pub tree_only: bool,
    /// The target is only a phrase after one of `preps`, never the verb's direct object:
    /// "Iran backs the Houthis against Saudi Arabia" targets Saudi Arabia.
    #[serde(default)]
    pub prep_only: bool,
    #[serde(default = "default_confidence")]
    pub confidence: f32,
    /// `preps`, `needs` and `unless` split into folded words once, at load
    #[serde(skip)]
    pub preps_split: Vec<Vec<String>>,
    #[serde(skip)]
    pub needs_split: Vec<Vec<String>>,
    #[serde(skip)]
    pub unless_split: Vec<Vec<String>>,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub counter: Vec<String>,
}

impl Trigger {
    /// Whether `case` (a one-word preposition) is one of the trigger's `preps`.
    pub fn has_prep(&self, case: &str) -> bool {
        self.preps_split
            .iter()
            .any(|p| p.len() == 1 && p[0] == case)
    }

    /// Whether `case` (a one-word preposition) is one of its `preps` or `needs`: the
    /// prepositions that mark the trigger's object.
    pub fn takes_prep(&self, case: &str) -> bool {
        self.has_prep(case)
            || self
                .needs_split
                .iter()
                .any(|p| p.len() == 1 && p[0] == case)
    }

    /// A trigger with no words of its own, for statements a rule in code makes
    /// ("controls/leader"): only its id, relation, object kind and confidence matter.
    pub fn builtin(id: &str, relation: Relation, object: ObjectKind, confidence: f32) -> Trigger {
        Trigger {
            id: id.into(),
            relation,
            verbs: vec![],
            preps: vec![],
            nouns: vec![],
            noun_preps: vec![],
            adjectives: vec![],
            role_nouns: vec![],
            needs: vec![],
            unless: vec![],
            near: None,
            object,
            both_ways: false,
            tree_only: false,
            prep_only: false,
            confidence,
            preps_split: vec![],
            needs_split: vec![],
            unless_split: vec![],
            examples: vec![],
            counter: vec![],
        }
    }
}

fn default_confidence() -> f32 {
    0.8
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    #[serde(default)]
    words: WordsFile,
    #[serde(default)]
    trigger: Vec<Trigger>,
}

/// How a trigger word is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A verb form; `participle` for past participles (passive and "X-backed"),
    /// `past` for simple past.
    Verb {
        participle: bool,
    },
    Noun,
    /// The participle of a compound adjective: "Iran-backed", "Houthi-held".
    Adjective,
    /// "backer", "ally", "proxy", "loyal to".
    RoleNoun,
}

/// A form of a trigger: its words (folded) and use.
#[derive(Clone, Debug)]
pub struct FormEntry {
    pub words: Vec<String>,
    pub trigger: usize,
    pub form: Form,
}

/// A set of (possibly multi-word) phrases, folded, matched at a token.
#[derive(Debug, Default)]
pub struct PhraseSet {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
}

impl PhraseSet {
    fn insert(&mut self, phrase: &str) {
        let words = split_phrase(phrase);
        if let Some(first) = words.first() {
            let bucket = self.by_first.entry(first.clone()).or_default();
            bucket.push(words);
            bucket.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
    }

    /// The length (in words) of the longest phrase starting at `words[0]`.
    pub fn longest_at(&self, words: &[&str]) -> Option<usize> {
        let first = words.first()?;
        self.by_first.get(*first)?.iter().find_map(|p| {
            (p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b)).then_some(p.len())
        })
    }

    pub fn contains(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|b| b.iter().any(|p| p.len() == 1))
    }
}

/// Splits a phrase into folded words the way the tokenizer splits text
/// ("secretary-general" -> secretary, -, general; "didn't" -> did, n't, as in the text;
/// "n't" alone stays whole, so the negation "n't" matches the clitic of "didn't").
pub fn split_phrase(phrase: &str) -> Vec<String> {
    let mut toks = Vec::new();
    crate::text::tokenize_into(phrase, 0, phrase.len(), &mut toks);
    let mut buf = String::new();
    toks.iter()
        .map(|t| {
            crate::text::fold(t.text(phrase), &mut buf);
            buf.clone()
        })
        .collect()
}

/// The word lists used by mention and relation finding.
#[derive(Debug, Default)]
pub struct Words {
    pub person_titles: PhraseSet,
    pub leader_titles: PhraseSet,
    pub generic_actors: PhraseSet,
    /// "rebel" (in "rebel positions") -> "rebels"
    pub generic_adjectives: FxHashMap<String, String>,
    pub state_forces: PhraseSet,
    /// a state's aircraft and weapons, which stand for the state ("Russian warplanes")
    pub state_weapons: PhraseSet,
    /// kinds of weapon after which a capitalized name is a model, not an actor
    /// ("Bayraktar TB2 drones", "Storm Shadow missiles")
    pub weapon_nouns: PhraseSet,
    /// Generic sides that name no side of their own when a text names them once.
    pub passing_sides: PhraseSet,
    /// Capitalized words before a one-word place name that are no given name.
    pub not_given_names: PhraseSet,
    pub state_government: PhraseSet,
    pub state_offices: PhraseSet,
    pub armed_heads: FxHashSet<String>,
    pub org_heads: FxHashSet<String>,
    pub place_heads: PhraseSet,
    pub place_preps: PhraseSet,
    pub negations: FxHashSet<String>,
    pub clause_breaks: FxHashSet<String>,
    pub pronouns_person: FxHashSet<String>,
    pub pronouns_thing: FxHashSet<String>,
    pub pronouns_plural: FxHashSet<String>,
    /// "the group" -> armed-group
    pub anaphors: Vec<(Vec<String>, String)>,
    /// first words of place names ("Mount Hermon", "Wadi Khaled")
    pub place_prefixes: FxHashSet<String>,
    /// nouns naming an attack, whose agent a later "condemned the strikes" opposes
    pub attack_events: PhraseSet,
    /// nouns naming a visit or meeting ("condemned the visit")
    pub visit_events: PhraseSet,
    /// head nouns of facilities named by their kind ("the army base", "the palace")
    pub facilities: PhraseSet,
}

/// All patterns: word lists, triggers and the index of trigger forms.
#[derive(Debug, Default)]
pub struct Patterns {
    pub words: Words,
    pub triggers: Vec<Trigger>,
    /// folded first word -> forms starting with it, longest first
    forms: FxHashMap<String, Vec<FormEntry>>,
}

fn set(list: &[String]) -> FxHashSet<String> {
    list.iter().map(|s| s.to_lowercase()).collect()
}

/// Regular inflections of a verb lemma: (form, is participle).
fn inflect(lemma: &str) -> Vec<(String, bool)> {
    let mut parts = lemma.split(':');
    let base = parts.next().unwrap_or_default().to_string();
    let past = parts.next().map(str::to_string);
    let part = parts.next().map(str::to_string);
    // multi-word verbs ("take over") inflect their first word
    let (head, tail) = match base.split_once(' ') {
        Some((h, t)) => (h.to_string(), format!(" {t}")),
        None => (base.clone(), String::new()),
    };
    let stem_e = head.strip_suffix('e');
    let ends_consonant_y = head.ends_with('y')
        && !head.ends_with("ay")
        && !head.ends_with("ey")
        && !head.ends_with("oy");
    let third = if head.ends_with('s')
        || head.ends_with("sh")
        || head.ends_with("ch")
        || head.ends_with('x')
        || head.ends_with('z')
    {
        format!("{head}es")
    } else if ends_consonant_y {
        format!("{}ies", &head[..head.len() - 1])
    } else {
        format!("{head}s")
    };
    let double = {
        let b = head.as_bytes();
        let n = b.len();
        let vowel = |c: u8| b"aeiou".contains(&c);
        n >= 3
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && !b"wxy".contains(&b[n - 1])
            && n <= 4
    };
    let ed = if let Some(s) = stem_e {
        format!("{s}ed")
    } else if ends_consonant_y {
        format!("{}ied", &head[..head.len() - 1])
    } else if double {
        format!("{head}{}ed", &head[head.len() - 1..])
    } else {
        format!("{head}ed")
    };
    // an irregular past that doubles the consonant doubles it before -ing too
    // ("control:controlled:controlled" -> "controlling")
    let last = &head[head.len().saturating_sub(1)..];
    let doubled_past = past
        .as_deref()
        .is_some_and(|p| p.split(' ').next() == Some(&format!("{head}{last}ed")));
    let ing = if let Some(s) = stem_e.filter(|_| !head.ends_with("ee")) {
        format!("{s}ing")
    } else if double || doubled_past {
        format!("{head}{}ing", &head[head.len() - 1..])
    } else {
        format!("{head}ing")
    };
    let mut out = vec![
        (base.clone(), false),
        (format!("{third}{tail}"), false),
        (format!("{ing}{tail}"), false),
    ];
    match (past, part) {
        (Some(p), Some(pp)) => {
            // "led" is past and participle: one participle form serves both uses
            if p != pp {
                out.push((p, false));
            }
            out.push((pp, true));
        }
        _ => {
            out.push((format!("{ed}{tail}"), true));
        }
    }
    out
}

impl Patterns {
    /// The embedded patterns.
    pub fn embedded() -> Patterns {
        let mut p = Patterns::default();
        p.add_text("data/patterns.toml", EMBEDDED)
            .expect("the embedded pattern file is checked by tests");
        p
    }

    /// Adds a pattern file: triggers are appended, word lists extended.
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<()> {
        let file: PatternFile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
                .unwrap_or(1);
            Error::AtLine {
                path: name.to_string(),
                line,
                message: e.message().to_string(),
            }
        })?;
        let w = &file.words;
        let words = &mut self.words;
        for (dst, src) in [
            (&mut words.person_titles, &w.person_titles),
            (&mut words.leader_titles, &w.leader_titles),
            (&mut words.generic_actors, &w.generic_actors),
            (&mut words.state_forces, &w.state_forces),
            (&mut words.state_weapons, &w.state_weapons),
            (&mut words.weapon_nouns, &w.weapon_nouns),
            (&mut words.passing_sides, &w.passing_sides),
            (&mut words.not_given_names, &w.not_given_names),
            (&mut words.state_government, &w.state_government),
            (&mut words.state_offices, &w.state_offices),
            (&mut words.place_heads, &w.place_heads),
            (&mut words.place_preps, &w.place_preps),
            (&mut words.attack_events, &w.attack_events),
            (&mut words.visit_events, &w.visit_events),
            (&mut words.facilities, &w.facilities),
        ] {
            for p in src {
                dst.insert(p);
            }
        }
        for (dst, src) in [
            (&mut words.armed_heads, &w.armed_heads),
            (&mut words.org_heads, &w.org_heads),
            (&mut words.negations, &w.negations),
            (&mut words.clause_breaks, &w.clause_breaks),
            (&mut words.place_prefixes, &w.place_prefixes),
            (&mut words.pronouns_person, &w.pronouns_person),
            (&mut words.pronouns_thing, &w.pronouns_thing),
            (&mut words.pronouns_plural, &w.pronouns_plural),
        ] {
            dst.extend(set(src));
        }
        for g in &w.generic_adjectives {
            let (adj, noun) = g.split_once(':').ok_or_else(|| Error::InFile {
                path: name.to_string(),
                message: format!("bad generic adjective '{g}' (expected 'rebel:rebels')"),
            })?;
            words
                .generic_adjectives
                .insert(adj.to_lowercase(), noun.to_lowercase());
        }
        for a in &w.anaphors {
            let (phrase, ty) = a.rsplit_once(':').ok_or_else(|| Error::InFile {
                path: name.to_string(),
                message: format!("bad anaphor '{a}' (expected 'the group:armed-group')"),
            })?;
            ty.parse::<crate::model::EntityType>()
                .map_err(|e| Error::InFile {
                    path: name.to_string(),
                    message: e.to_string(),
                })?;
            words.anaphors.push((split_phrase(phrase), ty.to_string()));
        }
        for mut t in file.trigger {
            t.preps_split = t.preps.iter().map(|p| split_phrase(p)).collect();
            t.needs_split = t.needs.iter().map(|p| split_phrase(p)).collect();
            t.unless_split = t.unless.iter().map(|p| split_phrase(p)).collect();
            if self.triggers.iter().any(|x| x.id == t.id) {
                return Err(Error::InFile {
                    path: name.to_string(),
                    message: format!("duplicate trigger id '{}'", t.id),
                });
            }
            let ti = self.triggers.len();
            let mut add = |phrase: &str, form: Form| {
                let words = split_phrase(phrase);
                if let Some(first) = words.first() {
                    let bucket = self.forms.entry(first.clone()).or_default();
                    bucket.push(FormEntry {
                        words,
                        trigger: ti,
                        form,
                    });
                    bucket.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
                }
            };
            for v in &t.verbs {
                for (form, participle) in inflect(v) {
                    add(&form, Form::Verb { participle });
                }
            }
            for n in &t.nouns {
                add(n, Form::Noun);
            }
            for a in &t.adjectives {
                add(a, Form::Adjective);
            }
            for r in &t.role_nouns {
                add(r, Form::RoleNoun);
            }
            self.triggers.push(t);
        }
        Ok(())
    }

    /// Trigger forms that start at `words[0]`, longest first, with their length.
    pub fn forms_at<'a, 'w>(
        &'a self,
        words: &'w [&'w str],
    ) -> impl Iterator<Item = &'a FormEntry> + use<'a, 'w> {
        let matches = move |f: &&FormEntry| {
            f.words.len() <= words.len() && f.words.iter().zip(words).all(|(a, b)| a == b)
        };
        let bucket = words.first().and_then(|w| self.forms.get(*w));
        bucket.into_iter().flatten().filter(matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_inflect() {
        let forms = |l: &str| inflect(l).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(forms("seize"), vec!["seize", "seizes", "seizing", "seized"]);
        assert_eq!(
            forms("target"),
            vec!["target", "targets", "targeting", "targeted"]
        );
        assert_eq!(forms("ally"), vec!["ally", "allies", "allying", "allied"]);
        assert_eq!(
            forms("fight:fought:fought"),
            vec!["fight", "fights", "fighting", "fought"]
        );
        assert_eq!(
            forms("take:took:taken"),
            vec!["take", "takes", "taking", "took", "taken"]
        );
        assert_eq!(forms("take over:took over:taken over")[1], "takes over");
    }

    #[test]
    fn embedded_patterns_parse() {
        let p = Patterns::embedded();
        assert!(p.triggers.len() >= 10);
        assert!(p.forms_at(&["seized"]).next().is_some());
        assert!(p.forms_at(&["held", "talks"]).any(|f| f.words.len() == 2));
    }

    #[test]
    fn phrases_split_like_text() {
        assert_eq!(split_phrase("n't"), vec!["n't"]);
        assert_eq!(split_phrase("didn’t back"), vec!["did", "n't", "back"]);
        assert_eq!(split_phrase("they're"), vec!["they", "'re"]);
        assert_eq!(
            split_phrase("secretary-general"),
            vec!["secretary", "-", "general"]
        );
        // every negation is one word, and "n't" is the word the text's "didn't" yields
        let p = Patterns::embedded();
        assert!(p.words.negations.contains(&split_phrase("didn't")[1]));
        for n in &p.words.negations {
            assert_eq!(split_phrase(n).len(), 1, "{n}");
        }
    }
}
