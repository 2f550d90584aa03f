//! Names to entities, the same way for every command.
//!
//! Two directions, one order of sources: the graph's own ids and names first, then the
//! lexicon (embedded and user files; titles through dated roles), then the name itself.
//!
//! - Writing ([`Resolver::entity`], [`Resolver::statement`]; used by `add`, `import` and,
//!   through the lexicon ids extraction gives, `ingest`): a written name becomes the entity
//!   it stands for. A name the graph knows lands on that entity; a name the lexicon knows
//!   lands on the lexicon's id, name, type and country, whoever wrote it ("Erdogan" and
//!   "Recep Tayyip Erdogan" are one person; "Moscow" as an actor is Russia's government);
//!   any other name makes a new entity. What a line states explicitly (`id`, `kind`,
//!   `type`) wins; a statement that contradicts the graph or the lexicon is an error that
//!   says how to make a separate entity instead.
//! - Reading ([`Resolver::find`]; every argument that names an entity): an id, name or
//!   alias in the graph; else the entities of the graph the lexicon says the name means (an
//!   alias, a demonym, a capital for its state, "President Erdogan"); else a person's
//!   surname, an acronym or the words of a longer name in the graph. More than one entity
//!   is [`Error::Ambiguous`], listing them; none is [`Error::UnknownEntity`] with the
//!   nearest names.

use std::collections::HashSet;

use crate::Error;
use crate::lexicon::{Entry, Lexicon};
use crate::model::{Entity, EntityId, EntityKind, EntityType, Relation, Statement, normalize_name};

use super::Graph;

/// What a statement line says about one end beyond its name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given {
    pub id: Option<String>,
    pub kind: Option<EntityKind>,
    pub etype: Option<EntityType>,
    /// ISO country code, for an entity neither the graph nor the lexicon knows.
    pub country: Option<String>,
    /// The type of a new entity, when neither the graph nor the lexicon knows the name and
    /// no type was given: a guess, such as GDELT's actor type codes give, never a conflict.
    /// Ignored if it is not of the kind the end needs.
    pub new_type: Option<EntityType>,
}

/// A statement as written: names, and what was given for each end, before resolution.
#[derive(Clone, Debug)]
pub struct Written {
    /// The statement with entities made from the names alone.
    pub statement: Statement,
    pub source: Given,
    pub target: Given,
}

/// Which end of a statement an entity is, for the kind it must have and for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Source,
    Target,
}

impl End {
    fn as_str(self) -> &'static str {
        match self {
            End::Source => "source",
            End::Target => "target",
        }
    }
}

/// Resolves names through a graph and a lexicon.
pub struct Resolver<'a> {
    lexicon: Lex<'a>,
}

/// The lexicon, loaded, or loaded on first use (most names of a write to a big graph are
/// already in it, and loading the lexicon is most of the time of a small write).
enum Lex<'a> {
    Ready(&'a Lexicon),
    Lazy(&'a dyn Fn() -> Result<&'a Lexicon, Error>),
}

impl<'a> Resolver<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Resolver<'a> {
        Resolver {
            lexicon: Lex::Ready(lexicon),
        }
    }

    /// A resolver that loads the lexicon only when a name is not in the graph.
    pub fn lazy(load: &'a dyn Fn() -> Result<&'a Lexicon, Error>) -> Resolver<'a> {
        Resolver {
            lexicon: Lex::Lazy(load),
        }
    }

    fn lexicon(&self) -> Result<&'a Lexicon, Error> {
        match self.lexicon {
            Lex::Ready(l) => Ok(l),
            Lex::Lazy(load) => load(),
        }
    }

    /// Both ends of a written statement resolved in `g` (which is not changed), checked
    /// for the relation: `supports`, `opposes` and `meets-with` link actors, `controls`
    /// has an actor as source.
    pub fn statement(&self, g: &Graph, written: Written) -> Result<Statement, Error> {
        let Written {
            mut statement,
            source,
            target,
        } = written;
        let relation = statement.relation;
        let (source_name, target_name) =
            (statement.source.name.clone(), statement.target.name.clone());
        let date = statement.evidence.date.clone();
        let date = date.as_deref();
        // the other names the line gave stay names of what it resolves to
        let (source_aliases, target_aliases) = (
            std::mem::take(&mut statement.source.aliases),
            std::mem::take(&mut statement.target.aliases),
        );
        // and the coordinates it gave place what neither the graph nor the lexicon places
        let (source_at, target_at) = (
            (statement.source.lat, statement.source.lon),
            (statement.target.lat, statement.target.lon),
        );
        statement.source = self.entity(
            g,
            &statement.source.name,
            &source,
            relation,
            End::Source,
            date,
        )?;
        statement.target = self.entity(
            g,
            &statement.target.name,
            &target,
            relation,
            End::Target,
            date,
        )?;
        for a in &source_aliases {
            statement.source.add_alias(a);
        }
        for a in &target_aliases {
            statement.target.add_alias(a);
        }
        for (e, at) in [
            (&mut statement.source, source_at),
            (&mut statement.target, target_at),
        ] {
            if e.lat.is_none() && e.lon.is_none() {
                (e.lat, e.lon) = at;
            }
        }
        if statement.source.id == statement.target.id {
            return Err(Error::Invalid(format!(
                "'{source_name}' and '{target_name}' are the same entity, {} ({}): an edge needs two",
                statement.source.name, statement.source.id
            )));
        }
        for (end, e) in [
            (End::Source, &statement.source),
            (End::Target, &statement.target),
        ] {
            if e.kind != EntityKind::Actor && (end == End::Source || relation != Relation::Controls)
            {
                return Err(Error::Invalid(format!(
                    "{relation} needs an actor as {}, and '{}' is a place",
                    end.as_str(),
                    e.name
                )));
            }
        }
        Ok(statement)
    }

    /// The entity a name written at one end of a `relation` statement stands for.
    pub fn entity(
        &self,
        g: &Graph,
        name: &str,
        given: &Given,
        relation: Relation,
        end: End,
        date: Option<&str>,
    ) -> Result<Entity, Error> {
        // a place can only be the target of controls: an actor is wanted everywhere else
        let need = match (end, relation) {
            (End::Target, Relation::Controls) => None,
            _ => Some(EntityKind::Actor),
        };
        let fits = |t: EntityType| {
            given.etype.is_none_or(|g| g == t)
                && given.kind.is_none_or(|k| k == t.kind())
                && (given.kind.is_some()
                    || given.etype.is_some()
                    || need.is_none_or(|k| k == t.kind()))
        };
        if let Some(id) = &given.id {
            return self.with_id(g, name, id, given, end);
        }
        if let Some(e) = g.lookup(name).and_then(|id| g.entity(&id)) {
            if fits(e.etype) {
                return Ok(with_alias(e.clone(), name));
            }
            if given.etype.is_some() || given.kind.is_some() {
                return Err(conflict(
                    name,
                    end,
                    given,
                    "the graph",
                    e.etype,
                    e.id.as_str(),
                ));
            }
        }
        let cands = self.lexicon()?.lookup(name, date);
        if let Some(c) = cands.iter().find(|c| fits(c.entry.etype)) {
            return Ok(with_alias(from_entry(c.entry), name));
        }
        if let Some(c) = cands.first()
            && (given.etype.is_some() || given.kind.is_some())
        {
            return Err(conflict(
                name,
                end,
                given,
                "the lexicon",
                c.entry.etype,
                &c.entry.id,
            ));
        }
        let kind = given.kind.or(need).unwrap_or(EntityKind::Place);
        let etype = given
            .etype
            .or(given.new_type.filter(|t| t.kind() == kind))
            .unwrap_or(EntityType::default_for(kind));
        let mut e = Entity::new(name, etype);
        e.country = given.country.clone();
        Ok(e)
    }

    /// The entity for an explicit id: the graph's, else the lexicon's, else a new one.
    fn with_id(
        &self,
        g: &Graph,
        name: &str,
        id: &str,
        given: &Given,
        end: End,
    ) -> Result<Entity, Error> {
        let known = match g.entity(&EntityId(id.to_string())) {
            Some(e) => Some((e.clone(), "the graph")),
            None => self
                .lexicon()?
                .entry(id)
                .map(|e| (from_entry(e), "the lexicon")),
        };
        match known {
            Some((e, place)) => {
                let clash = given.etype.is_some_and(|t| t != e.etype)
                    || given.kind.is_some_and(|k| k != e.kind);
                if clash {
                    return Err(conflict(name, end, given, place, e.etype, id));
                }
                Ok(with_alias(e, name))
            }
            None => {
                let etype = given.etype.unwrap_or(EntityType::default_for(
                    given.kind.unwrap_or(EntityKind::Actor),
                ));
                let mut e = Entity::new(name, etype);
                e.id = EntityId(id.to_string());
                Ok(e)
            }
        }
    }

    /// The entity of `g` a user means by `name` (see the module docs).
    pub fn find(&self, g: &Graph, name: &str) -> Result<EntityId, Error> {
        match g.lookup(name) {
            Some(id) => Ok(id),
            None => g.choose(name, self.in_graph(g, name)?),
        }
    }

    /// The graph's entities among what the lexicon says `name` means, best first.
    fn in_graph(&self, g: &Graph, name: &str) -> Result<Vec<EntityId>, Error> {
        let mut out: Vec<EntityId> = Vec::new();
        for c in self.lexicon()?.lookup(name, None) {
            let e = c.entry;
            let hit = g
                .entity(&EntityId(e.id.to_string()))
                .map(|x| x.id.clone())
                .or_else(|| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .find_map(|n| g.lookup(n))
                });
            if let Some(id) = hit
                && !out.contains(&id)
            {
                out.push(id);
            }
        }
        Ok(out)
    }
}

/// An entity as the lexicon describes it.
pub fn from_entry(e: &Entry<'_>) -> Entity {
    let mut ent = Entity::new(&e.name, e.etype);
    ent.id = EntityId(e.id.to_string());
    ent.country = e.country.as_deref().map(str::to_string);
    ent.lat = e.lat;
    ent.lon = e.lon;
    ent
}

/// The entity with `name` among its names (as an alias if it is new).
fn with_alias(mut e: Entity, name: &str) -> Entity {
    e.add_alias(name);
    e
}

/// `id name (type, country)`: one candidate of an ambiguous name.
pub fn describe(e: &Entity) -> String {
    match &e.country {
        Some(c) => format!("{} '{}' ({}, {c})", e.id, e.name, e.etype),
        None => format!("{} '{}' ({})", e.id, e.name, e.etype),
    }
}

fn conflict(
    name: &str,
    end: End,
    given: &Given,
    place: &str,
    known: EntityType,
    id: &str,
) -> Error {
    let said = match (given.etype, given.kind) {
        (Some(t), _) => t.to_string(),
        (None, Some(k)) => k.to_string(),
        (None, None) => "something else".to_string(),
    };
    Error::Invalid(format!(
        "'{name}' is {} in {place} (id {id}), not {}; give {end}_id to make a separate entity",
        a(&known.to_string()),
        a(&said),
        end = end.as_str()
    ))
}

/// "a person", "an organization".
fn a(word: &str) -> String {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {word}"),
        _ => format!("a {word}"),
    }
}

impl Graph {
    /// The entity with this id, or whose name or alias this is (normalized), if any.
    /// An exact id comes first, so that the ids `dedupe` prints always name their entity.
    pub fn lookup(&self, name: &str) -> Option<EntityId> {
        let as_id = EntityId(name.trim().to_string());
        if self.ids.contains_key(&as_id) {
            return Some(as_id);
        }
        self.names.get(&normalize_name(name)).cloned()
    }

    /// The one entity among `known` (what a lexicon says `name` means), else among the
    /// graph's [`Graph::partial_matches`]: several are [`Error::Ambiguous`], none
    /// [`Error::UnknownEntity`] with the nearest names.
    pub(crate) fn choose(&self, name: &str, known: Vec<EntityId>) -> Result<EntityId, Error> {
        let found = if known.is_empty() {
            self.partial_matches(name)
        } else {
            known
        };
        match found.len() {
            0 => Err(Error::UnknownEntity {
                name: name.to_string(),
                suggestions: self.suggest(&normalize_name(name), 3),
            }),
            1 => Ok(found.into_iter().next().expect("one")),
            _ => Err(Error::Ambiguous {
                name: name.to_string(),
                candidates: found
                    .iter()
                    .filter_map(|id| self.entity(id))
                    .map(describe)
                    .collect(),
            }),
        }
    }

    /// Entities a short form of a name may mean: a person's surname ("Erdogan"), the
    /// initials of a longer name ("HTS", "SDF"), or words all found in order in a longer
    /// name ("Tahrir al-Sham"). Sorted by id. O(names).
    pub fn partial_matches(&self, name: &str) -> Vec<EntityId> {
        let key = normalize_name(name);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut out: HashSet<&EntityId> = HashSet::new();
        for (n, id) in &self.names {
            let theirs: Vec<&str> = n.split(' ').collect();
            if theirs.len() <= words.len() {
                continue;
            }
            let person = self
                .entity(id)
                .is_some_and(|e| e.etype == EntityType::Person);
            let surname = person && words.len() == 1 && theirs.last() == Some(&words[0]);
            let acronym = words.len() == 1 && words[0].len() >= 2 && initials(&theirs) == words[0];
            let contained = words.len() >= 2 && in_order(&words, &theirs);
            if surname || acronym || contained {
                out.insert(id);
            }
        }
        let mut out: Vec<EntityId> = out.into_iter().cloned().collect();
        out.sort();
        out
    }
}

/// The initials of a name's words, skipping particles ("hayat tahrir al sham" -> "hts").
fn initials(words: &[&str]) -> String {
    const PARTICLES: [&str; 8] = ["al", "el", "of", "the", "and", "for", "de", "bin"];
    words
        .iter()
        .filter(|w| !PARTICLES.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether every word of `short` appears in `long`, in order and next to each other.
fn in_order(short: &[&str], long: &[&str]) -> bool {
    long.windows(short.len()).any(|w| w == short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn lexicon() -> Lexicon {
        Lexicon::embedded()
    }

    fn written(s: &str, r: Relation, t: &str) -> Written {
        Written {
            statement: Statement {
                source: Entity::new(s, EntityType::Organization),
                relation: r,
                target: Entity::new(t, EntityType::Organization),
                evidence: Evidence {
                    doc: "d".into(),
                    date: Some("2024-12-01".into()),
                    text: String::new(),
                    span: None,
                    trigger: None,
                    producer: "manual".into(),
                    url: None,
                    confidence: 1.0,
                },
            },
            source: Given::default(),
            target: Given::default(),
        }
    }

    #[test]
    fn known_names_land_on_the_lexicon_entity() {
        let lex = lexicon();
        let r = Resolver::new(&lex);
        let g = Graph::new();
        let s = r
            .statement(&g, written("Erdogan", Relation::MeetsWith, "Putin"))
            .unwrap();
        assert_eq!(s.source.id.as_str(), "recep-tayyip-erdogan");
        assert_eq!(s.source.etype, EntityType::Person);
        assert_eq!(s.source.country.as_deref(), Some("TR"));
        assert!(s.source.aliases.contains(&"Erdogan".to_string()));
        assert_eq!(s.target.id.as_str(), "vladimir-putin");
        // a capital acting is its state; a capital controlled is the city
        let s = r
            .statement(&g, written("Moscow", Relation::Supports, "Assad"))
            .unwrap();
        assert_eq!(s.source.id.as_str(), "ru");
        let s = r
            .statement(&g, written("HTS", Relation::Controls, "Aleppo"))
            .unwrap();
        assert_eq!(
            (s.source.id.as_str(), s.source.etype),
            ("hts", EntityType::ArmedGroup)
        );
        assert_eq!(s.target.kind, EntityKind::Place);
        // unknown names stay as written
        let s = r
            .statement(&g, written("Zorbian Front", Relation::Opposes, "HTS"))
            .unwrap();
        assert_eq!(s.source.id.as_str(), "zorbian-front");
        assert_eq!(s.source.etype, EntityType::Organization);
    }

    #[test]
    fn explicit_fields_win_and_conflicts_are_errors() {
        let lex = lexicon();
        let r = Resolver::new(&lex);
        let g = Graph::new();
        let mut w = written("Turkey", Relation::Supports, "HTS");
        w.source.etype = Some(EntityType::Person);
        let err = r.statement(&g, w).unwrap_err().to_string();
        assert_eq!(
            err,
            "'Turkey' is a state in the lexicon (id tr), not a person; give source_id to make a separate entity"
        );
        let mut w = written("Turkey", Relation::Supports, "HTS");
        w.source.etype = Some(EntityType::Person);
        w.source.id = Some("turkey-the-band".into());
        let s = r.statement(&g, w).unwrap();
        assert_eq!(
            (s.source.id.as_str(), s.source.etype),
            ("turkey-the-band", EntityType::Person)
        );
        let mut w = written("Georgia", Relation::Controls, "Tbilisi");
        w.source.etype = Some(EntityType::State);
        assert_eq!(r.statement(&g, w).unwrap().source.id.as_str(), "ge");
    }

    #[test]
    fn queries_accept_short_forms_and_list_ambiguity() {
        let lex = lexicon();
        let r = Resolver::new(&lex);
        let mut g = Graph::new();
        for (s, rel, t) in [
            (
                "Vladimir Putin",
                Relation::MeetsWith,
                "Recep Tayyip Erdogan",
            ),
            ("Turkey", Relation::Supports, "Hayat Tahrir al-Sham"),
            (
                "Zorbian Liberation Front",
                Relation::Opposes,
                "Hayat Tahrir al-Sham",
            ),
            (
                "Ahmed Zorbi",
                Relation::Controls,
                "Zorbian Liberation Front",
            ),
            (
                "Khalid Zorbi",
                Relation::Supports,
                "Zorbian Liberation Front",
            ),
        ] {
            let mut w = written(s, rel, t);
            if s.ends_with("Zorbi") {
                w.source.etype = Some(EntityType::Person);
            }
            g.add_statement(r.statement(&g, w).unwrap());
        }
        let find = |n: &str| r.find(&g, n).map(|id| id.0);
        assert_eq!(find("HTS").unwrap(), "hts");
        assert_eq!(find("Putin").unwrap(), "vladimir-putin");
        assert_eq!(find("Erdoğan").unwrap(), "recep-tayyip-erdogan");
        assert_eq!(find("Ankara").unwrap(), "tr");
        assert_eq!(find("Turkish").unwrap(), "tr");
        assert_eq!(find("ZLF").unwrap(), "zorbian-liberation-front");
        assert_eq!(
            find("Liberation Front").unwrap(),
            "zorbian-liberation-front"
        );
        let err = find("Zorbi").unwrap_err().to_string();
        assert_eq!(
            err,
            "'Zorbi' names more than one entity: ahmed-zorbi 'Ahmed Zorbi' (person); khalid-zorbi 'Khalid Zorbi' (person); give the id or the full name"
        );
        let err = find("Putn").unwrap_err().to_string();
        assert_eq!(err, "no entity 'Putn' (did you mean 'Vladimir Putin'?)");
    }
}
