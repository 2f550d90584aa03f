//! Duplicates: a graph and the lexicon in, the pairs of entities that are likely one
//! actor or place out, and the safe ones merged.
//!
//! Three signs, strongest first:
//! - **same lexicon id**: both entities' names mean the same lexicon entry (by id, name or
//!   alias, of the same kind). Safe: [`Graph::relink`] merges them.
//! - **same name**: one normalized name among both entities' names.
//! - **word subset**: every word of one's name is in the other's, same type and country
//!   ("Assad" and "Bashar al-Assad"). A guess: listed with the `merge` command, never merged.
//!
//! [`Graph::relink`] also brings an entity made before names were resolved (an old
//! `import` that typed everything `organization`) onto its lexicon entry: id, name, type
//! and country, its old names kept as aliases and every piece of evidence kept.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::lexicon::{How, Lexicon};
use crate::model::{Entity, EntityId, normalize_name};

use super::Graph;
use super::resolve::from_entry;

/// Why two entities look like one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "reason", content = "detail")]
pub enum Reason {
    /// Both mean this lexicon entry.
    SameLexiconId(String),
    /// Both have this normalized name.
    SameName(String),
    /// `other`'s name is made of words of `keep`'s.
    WordSubset,
}

impl Reason {
    pub fn describe(&self) -> String {
        match self {
            Reason::SameLexiconId(id) => format!("same lexicon id {id}"),
            Reason::SameName(n) => format!("same name '{n}'"),
            Reason::WordSubset => "word subset".to_string(),
        }
    }

    /// Whether `dedupe --apply` merges it.
    pub fn is_safe(&self) -> bool {
        matches!(self, Reason::SameLexiconId(_))
    }
}

/// Two entities that look like one: merging `other` into `keep` joins them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Duplicate {
    #[serde(flatten)]
    pub reason: Reason,
    pub keep: EntityId,
    pub keep_name: String,
    pub other: EntityId,
    pub other_name: String,
    pub safe: bool,
}

/// What [`Graph::relink`] did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Relinked {
    /// `(old id, lexicon id)` of entities moved onto their lexicon entry, merged into an
    /// entity already there when there was one.
    pub moved: Vec<(EntityId, EntityId)>,
    /// Entities whose id already was the lexicon's, updated to its name, type and country.
    pub updated: Vec<EntityId>,
}

impl Graph {
    /// The lexicon entry an entity stands for: the entry with its id if the kinds agree,
    /// else the one entry of its kind its name means (by name or alias), else the one its
    /// aliases agree on.
    pub fn lexicon_entry(&self, lexicon: &Lexicon, e: &Entity) -> Option<String> {
        if let Some(entry) = lexicon.entry(e.id.as_str())
            && entry.kind() == e.kind
        {
            return Some(entry.id.to_string());
        }
        let means = |name: &str| -> Option<String> {
            let ids: BTreeSet<String> = lexicon
                .lookup(name, None)
                .into_iter()
                .filter(|c| matches!(c.how, How::Name | How::Alias) && c.entry.kind() == e.kind)
                .map(|c| c.entry.id.to_string())
                .collect();
            (ids.len() == 1).then(|| ids.into_iter().next().expect("one"))
        };
        if let Some(id) = means(&e.name) {
            return Some(id);
        }
        let agreed: BTreeSet<String> = e.aliases.iter().filter_map(|a| means(a)).collect();
        (agreed.len() == 1).then(|| agreed.into_iter().next().expect("one"))
    }

    /// Likely duplicates, strongest reason first, then by ids. Each pair appears once.
    pub fn duplicates(&self, lexicon: &Lexicon) -> Vec<Duplicate> {
        let entities = self.entities_sorted();
        // each pair once (ids in order), with its strongest reason
        let mut pairs: BTreeMap<(EntityId, EntityId), Reason> = BTreeMap::new();
        let mut add = |a: &Entity, b: &Entity, reason: Reason| {
            let key = if a.id < b.id {
                (a.id.clone(), b.id.clone())
            } else {
                (b.id.clone(), a.id.clone())
            };
            let slot = pairs.entry(key).or_insert_with(|| reason.clone());
            if reason < *slot {
                *slot = reason;
            }
        };
        let mut by_entry: BTreeMap<String, Vec<&Entity>> = BTreeMap::new();
        for e in &entities {
            if let Some(id) = self.lexicon_entry(lexicon, e) {
                by_entry.entry(id).or_default().push(e);
            }
        }
        for (id, group) in &by_entry {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    add(a, b, Reason::SameLexiconId(id.clone()));
                }
            }
        }
        // same normalized name, and word subsets, through indexes of names and words
        let keys: Vec<Vec<String>> = entities
            .iter()
            .map(|e| e.names().map(normalize_name).collect())
            .collect();
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, names) in keys.iter().enumerate() {
            for k in names.iter().filter(|k| !k.is_empty()) {
                by_name.entry(k).or_default().push(i);
            }
            for w in keys[i][0].split(' ') {
                by_word.entry(w).or_default().push(i);
            }
        }
        for (name, group) in &by_name {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    if i != j {
                        add(entities[i], entities[j], Reason::SameName(name.to_string()));
                    }
                }
            }
        }
        for (i, e) in entities.iter().enumerate() {
            let words: Vec<&str> = keys[i][0].split(' ').collect();
            // the entities holding the rarest word hold every candidate
            let Some(rarest) = words
                .iter()
                .filter_map(|w| by_word.get(w))
                .min_by_key(|v| v.len())
            else {
                continue;
            };
            for &j in rarest {
                let o = entities[j];
                let theirs: Vec<&str> = keys[j][0].split(' ').collect();
                let subset = theirs.len() > words.len() && words.iter().all(|w| theirs.contains(w));
                if subset && o.etype == e.etype && o.country == e.country {
                    add(o, e, Reason::WordSubset);
                }
            }
        }
        let mut out: Vec<Duplicate> = pairs
            .into_iter()
            .map(|((a, b), reason)| {
                let (keep, other) = self.keeper(&a, &b, &reason);
                Duplicate {
                    keep_name: self
                        .entity(&keep)
                        .map(|e| e.name.clone())
                        .unwrap_or_default(),
                    other_name: self
                        .entity(&other)
                        .map(|e| e.name.clone())
                        .unwrap_or_default(),
                    safe: reason.is_safe(),
                    reason,
                    keep,
                    other,
                }
            })
            .collect();
        out.sort_by(|a, b| (&a.reason, &a.keep, &a.other).cmp(&(&b.reason, &b.keep, &b.other)));
        out
    }

    /// Which of two entities stays when they merge: the one with the lexicon's id, else
    /// the one with the longer name (the fuller form), else the one with more edges, else
    /// the smaller id.
    fn keeper(&self, a: &EntityId, b: &EntityId, reason: &Reason) -> (EntityId, EntityId) {
        let key = |id: &EntityId| {
            let lexicon = matches!(reason, Reason::SameLexiconId(l) if l == id.as_str());
            let name = self.entity(id).map_or(0, |e| e.name.chars().count());
            let degree = self.edges_of(id).count();
            (
                !lexicon,
                std::cmp::Reverse(name),
                std::cmp::Reverse(degree),
                id.clone(),
            )
        };
        if key(a) <= key(b) {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    }

    /// Brings every entity onto the lexicon entry it stands for
    /// ([`Graph::lexicon_entry`]): an entity with another id moves to the lexicon's id
    /// (merged into the entity there, if any); the entity with the lexicon's id takes its
    /// name, type and country. Old names stay as aliases; evidence is kept.
    pub fn relink(&mut self, lexicon: &Lexicon) -> Relinked {
        let mut done = Relinked::default();
        let plan: Vec<(EntityId, String)> = self
            .entities_sorted()
            .into_iter()
            .filter_map(|e| self.lexicon_entry(lexicon, e).map(|id| (e.id.clone(), id)))
            .collect();
        for (old, id) in plan {
            let entry = lexicon.entry(&id).expect("entry the lexicon gave");
            let target = EntityId(id.clone());
            let fresh = from_entry(entry);
            if old != target {
                if self.entity(&target).is_none() {
                    let mut e = fresh.clone();
                    // the names the old entity holds are indexed for it until it goes
                    e.aliases.clear();
                    self.insert_node(super::Node {
                        entity: e,
                        manual: false,
                    });
                }
                if self.merge(&target, &old).is_ok() {
                    done.moved.push((old, target.clone()));
                }
            }
            if self.update_from(&target, fresh) {
                done.updated.push(target);
            }
        }
        done.updated.sort();
        done.updated.dedup();
        done.updated
            .retain(|id| !done.moved.iter().any(|(_, t)| t == id));
        done
    }

    /// Gives entity `id` the lexicon's name, type, kind, country and coordinates, keeping
    /// its old name as an alias. Returns whether anything changed.
    fn update_from(&mut self, id: &EntityId, fresh: Entity) -> bool {
        let Some(n) = self.index(id) else {
            return false;
        };
        let e = &self.g[n].entity;
        let same = e.name == fresh.name
            && e.etype == fresh.etype
            && (fresh.country.is_none() || e.country == fresh.country);
        if same {
            return false;
        }
        let old_name = e.name.clone();
        let key = normalize_name(&fresh.name);
        let e = &mut self.g[n].entity;
        e.aliases.retain(|a| normalize_name(a) != key);
        e.name = fresh.name;
        e.add_alias(&old_name);
        e.etype = fresh.etype;
        e.kind = fresh.kind;
        e.country = fresh.country.or(e.country.take());
        e.lat = fresh.lat.or(e.lat);
        e.lon = fresh.lon.or(e.lon);
        self.names.entry(key).or_insert_with(|| id.clone());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Evidence, Relation, Statement};

    fn say(g: &mut Graph, s: (&str, EntityType), r: Relation, t: (&str, EntityType), doc: &str) {
        g.add_statement(Statement {
            source: Entity::new(s.0, s.1),
            relation: r,
            target: Entity::new(t.0, t.1),
            evidence: Evidence {
                doc: doc.into(),
                date: Some("2024-12-01".into()),
                text: format!("{} {r} {}", s.0, t.0),
                span: None,
                trigger: None,
                producer: "manual".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }

    /// A graph as an old `import` made it: every actor an organization, no lexicon ids.
    fn old_graph() -> Graph {
        use EntityType::Organization as Org;
        let mut g = Graph::new();
        say(
            &mut g,
            ("Erdogan", Org),
            Relation::MeetsWith,
            ("Putin", Org),
            "a",
        );
        say(
            &mut g,
            ("Recep Tayyip Erdogan", Org),
            Relation::Supports,
            ("HTS", Org),
            "b",
        );
        say(
            &mut g,
            ("Turkey", Org),
            Relation::Supports,
            ("Hayat Tahrir al-Sham", Org),
            "c",
        );
        say(
            &mut g,
            ("Zorbi", EntityType::Person),
            Relation::Opposes,
            ("HTS", Org),
            "d",
        );
        say(
            &mut g,
            ("Ahmed Zorbi", EntityType::Person),
            Relation::Opposes,
            ("Turkey", Org),
            "e",
        );
        g
    }

    #[test]
    fn finds_the_three_kinds_of_duplicate() {
        let lex = Lexicon::embedded();
        let g = old_graph();
        let found = g.duplicates(&lex);
        let d: Vec<(String, &str, &str, bool)> = found
            .iter()
            .map(|d| {
                (
                    d.reason.describe(),
                    d.keep.as_str(),
                    d.other.as_str(),
                    d.safe,
                )
            })
            .collect();
        let s = String::from;
        assert_eq!(
            d,
            [
                (
                    s("same lexicon id hts"),
                    "hts",
                    "hayat-tahrir-al-sham",
                    true
                ),
                (
                    s("same lexicon id recep-tayyip-erdogan"),
                    "recep-tayyip-erdogan",
                    "erdogan",
                    true
                ),
                (s("word subset"), "ahmed-zorbi", "zorbi", false),
            ]
        );
    }

    #[test]
    fn relink_moves_entities_onto_the_lexicon_and_keeps_evidence() {
        let lex = Lexicon::embedded();
        let mut g = old_graph();
        let evidence = g.edges().map(|e| e.evidence.len()).sum::<usize>();
        let done = g.relink(&lex);
        assert!(done.moved.contains(&(
            EntityId("erdogan".into()),
            EntityId("recep-tayyip-erdogan".into())
        )));
        assert!(
            done.moved
                .contains(&(EntityId("turkey".into()), EntityId("tr".into())))
        );
        assert_eq!(g.edges().map(|e| e.evidence.len()).sum::<usize>(), evidence);
        let erdogan = g.entity(&EntityId("recep-tayyip-erdogan".into())).unwrap();
        assert_eq!(erdogan.etype, EntityType::Person);
        assert_eq!(erdogan.name, "Recep Tayyip Erdoğan");
        let hts = g.entity(&EntityId("hts".into())).unwrap();
        assert_eq!(
            (hts.name.as_str(), hts.etype),
            ("Hayat Tahrir al-Sham", EntityType::ArmedGroup)
        );
        assert!(hts.aliases.contains(&"HTS".to_string()));
        // 8 entities became 6 (Erdogan twice, HTS twice), and the duplicates are gone
        assert_eq!(g.entity_count(), 6);
        assert!(g.duplicates(&lex).iter().all(|d| !d.safe));
        assert_eq!(
            g.resolve("Erdogan").unwrap().as_str(),
            "recep-tayyip-erdogan"
        );
        // a second run has nothing to do
        assert_eq!(g.relink(&lex), Relinked::default());
    }
}
