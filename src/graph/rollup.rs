//! Roll-up: people lifted to the organization or state they lead or serve, so that "who
//! backs whom" can be asked between organizations or states as well as between people.
//!
//! In: a [`Graph`], the [`Lexicon`] (people's dated roles, institutions' `of` links) and a
//! [`Level`]. Out: a new [`Graph`] in which, piece of evidence by piece of evidence, every
//! `person` end of an edge is replaced by what that person stood for on the evidence's
//! date. The evidence moves to the lifted edge (same relation); an edge that becomes a
//! loop (a president's `controls` of their own state, a minister meeting their own
//! government) is dropped. Entities that are not people are never changed: an institution
//! named in the graph stays itself at `state` level.
//!
//! What a person stands for on a date, first found wins:
//! 1. a role in the lexicon held on that date (evidence without a date: a role still held,
//!    else the one that ended last). When several are held, at `organization` level a role
//!    in a body that is not a state (a party, an army, a council) beats a role in a state,
//!    and at `state` level a role that reaches a state beats one that does not; then the
//!    role held longest (earliest start), then the order of the roles files.
//! 2. else the graph's own leader edge: the actor (not a person) the person `controls`
//!    with the most evidence (ties by id), whatever the date.
//! 3. else the person stays.
//!
//! At `state` level the body reached is followed up its lexicon `of` links (Quds Force ->
//! IRGC -> Iran) until a state; a body without `of` stays what it is (Hezbollah is never
//! made Lebanon by its country code). A lifted body is the graph's own entity when the
//! graph has its id or its lexicon name, else the lexicon's entry.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use petgraph::stable_graph::NodeIndex;

use super::resolve::{Resolver, from_entry};
use super::{Graph, Node};
use crate::Error;
use crate::lexicon::{Lexicon, Role};
use crate::model::{Entity, EntityId, EntityKind, EntityType, Relation};

/// How far people are lifted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// The body a person leads or serves: a party, an army, a ministry, a state.
    Organization,
    /// The state that body belongs to, when it belongs to one.
    State,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::Organization, Level::State];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Organization => "organization",
            Level::State => "state",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = Error;
    fn from_str(s: &str) -> Result<Level, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "organization" | "organisation" => Ok(Level::Organization),
            "state" => Ok(Level::State),
            _ => Err(Error::Invalid(format!(
                "unknown level '{s}' (expected organization or state)"
            ))),
        }
    }
}

/// The graph rolled up to `level`: see the module docs. O(E·e·r) for E edges with e pieces
/// of evidence and r roles per person, plus O(R) for the lexicon's R roles.
pub fn roll_up(g: &Graph, lexicon: &Lexicon, level: Level) -> Graph {
    RollUp::new(g, lexicon, level).graph()
}

/// Lifts the people of one graph to one level.
pub struct RollUp<'a> {
    graph: &'a Graph,
    lexicon: &'a Lexicon,
    level: Level,
    /// Person id -> (position in the roles files, role).
    roles: HashMap<&'a str, Vec<(usize, &'a Role)>>,
    /// Person -> the actor they `controls` with the most evidence.
    leaders: HashMap<&'a EntityId, &'a EntityId>,
}

impl<'a> RollUp<'a> {
    /// Indexes the lexicon's roles by person and the graph's leader edges. O(R + E).
    pub fn new(graph: &'a Graph, lexicon: &'a Lexicon, level: Level) -> RollUp<'a> {
        let mut roles: HashMap<&str, Vec<(usize, &Role)>> = HashMap::new();
        for (i, r) in lexicon.roles().iter().enumerate() {
            roles.entry(r.person.as_str()).or_default().push((i, r));
        }
        let mut best: HashMap<&EntityId, (usize, &EntityId)> = HashMap::new();
        for e in graph.edges() {
            let person = graph
                .entity(e.source)
                .is_some_and(|x| x.etype == EntityType::Person);
            let body = graph
                .entity(e.target)
                .is_some_and(|x| x.kind == EntityKind::Actor && x.etype != EntityType::Person);
            if e.relation != Relation::Controls || !person || !body {
                continue;
            }
            let n = e.evidence.len();
            let slot = best.entry(e.source).or_insert((n, e.target));
            // most evidence, then the smaller id
            if n > slot.0 || (n == slot.0 && e.target < slot.1) {
                *slot = (n, e.target);
            }
        }
        RollUp {
            graph,
            lexicon,
            level,
            roles,
            leaders: best.into_iter().map(|(p, (_, b))| (p, b)).collect(),
        }
    }

    /// What the entity `id` of the graph stood for on `date` (`YYYY-MM-DD`; `None`: now),
    /// or `None` when it stays itself (not a person, or nothing to lift it to).
    pub fn lift(&self, id: &EntityId, date: Option<&str>) -> Option<EntityId> {
        let person = self.graph.entity(id)?;
        if person.etype != EntityType::Person {
            return None;
        }
        let body = match self.by_role(id.as_str(), date) {
            Some(body) => body,
            None => {
                let leader = self.leaders.get(id)?;
                self.up(leader.as_str())
            }
        };
        let body = self.in_graph(&body);
        (body != *id).then_some(body)
    }

    /// What the entity stands for in a query: lifted on the date of its latest dated
    /// evidence, or by the roles it holds now when none is dated. O(degree).
    pub fn lift_latest(&self, id: &EntityId) -> EntityId {
        let date = self.graph.edges_of(id).filter_map(|e| e.last_date()).max();
        self.lift(id, date).unwrap_or_else(|| id.clone())
    }

    /// The entity of `rolled` (this roll-up's [`RollUp::graph`]) that a query argument
    /// means: the name resolved in the original graph and lifted by
    /// [`RollUp::lift_latest`] ("Erdogan" -> Turkey); a name the original graph does not
    /// know (a state only its people stood for) is resolved in `rolled`.
    pub fn find(&self, rolled: &Graph, name: &str) -> Result<EntityId, Error> {
        let resolver = Resolver::new(self.lexicon);
        match resolver.find(self.graph, name) {
            Ok(id) => Ok(self.lift_latest(&id)),
            Err(unknown @ Error::UnknownEntity { .. }) => match resolver.find(rolled, name) {
                Err(Error::UnknownEntity { .. }) => Err(unknown),
                found => found,
            },
            Err(e) => Err(e),
        }
    }

    /// The rolled-up graph. Entities that are not people are copied first (with their
    /// names, and whether they were added by hand), and each person appears as what
    /// [`RollUp::lift_latest`] gives; then the evidence of every edge, in sorted order, on
    /// its lifted edge.
    pub fn graph(&self) -> Graph {
        let mut out = Graph::new();
        for e in self.graph.entities_sorted() {
            let id = if e.etype == EntityType::Person {
                self.lift_latest(&e.id)
            } else {
                e.id.clone()
            };
            self.node(&mut out, &id);
        }
        let mut lifted: HashMap<(&EntityId, Option<&str>), EntityId> = HashMap::new();
        for edge in self.graph.edges_sorted() {
            for ev in edge.evidence {
                let date = ev.date.as_deref();
                let mut end = |id: &'a EntityId| {
                    lifted
                        .entry((id, date))
                        .or_insert_with(|| self.lift(id, date).unwrap_or_else(|| id.clone()))
                        .clone()
                };
                let (s, t) = (end(edge.source), end(edge.target));
                if s == t {
                    continue;
                }
                let (s, t) = (self.node(&mut out, &s), self.node(&mut out, &t));
                out.add_evidence(s, edge.relation, t, ev.clone());
            }
        }
        out
    }

    /// The node of `id` in `out`, made from the graph's entity or the lexicon's entry.
    fn node(&self, out: &mut Graph, id: &EntityId) -> NodeIndex {
        if let Some(n) = out.index(id) {
            return n;
        }
        let node = match self.graph.entity(id) {
            Some(e) => Node {
                entity: e.clone(),
                manual: self.graph.is_manual(id),
            },
            None => Node {
                entity: self
                    .lexicon
                    .entry(id.as_str())
                    .map(from_entry)
                    .unwrap_or_else(|| Entity::new(id.as_str(), EntityType::Organization)),
                manual: false,
            },
        };
        out.insert_node(node)
    }

    /// The body of the role chosen on `date` (module docs, step 1), at this level.
    fn by_role(&self, person: &str, date: Option<&str>) -> Option<EntityId> {
        let roles = self.roles.get(person)?;
        let held: Vec<&(usize, &Role)> = match date {
            Some(d) => roles.iter().filter(|(_, r)| r.held_on(d)).collect(),
            None => {
                let current: Vec<_> = roles.iter().filter(|(_, r)| r.to.is_none()).collect();
                if current.is_empty() {
                    let last = roles.iter().filter_map(|(_, r)| r.to.as_deref()).max();
                    roles
                        .iter()
                        .filter(|(_, r)| r.to.as_deref() == last)
                        .collect()
                } else {
                    current
                }
            }
        };
        held.into_iter()
            .filter(|(_, r)| self.is_body(&r.of))
            .map(|&(i, r)| {
                let body = self.up(&r.of);
                let worse = match self.level {
                    Level::Organization => self.is_state(&r.of),
                    Level::State => !self.is_state(body.as_str()),
                };
                ((worse, r.from.as_str(), i), body)
            })
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, body)| body)
    }

    /// `id` at this level: itself at `organization` level; at `state` level the first
    /// state up its lexicon `of` links, else the last body reached.
    fn up(&self, id: &str) -> EntityId {
        let mut at = id;
        if self.level == Level::State {
            // `of` links form a tree in good data; the bound stops a cycle in a user's file
            for _ in 0..8 {
                if self.is_state(at) {
                    break;
                }
                match self.lexicon.entry(at).and_then(|e| e.of.as_deref()) {
                    Some(of) if self.is_body(of) => at = of,
                    _ => break,
                }
            }
        }
        EntityId(at.to_string())
    }

    /// The type of `id`: the graph's entity's, else the lexicon entry's.
    fn etype(&self, id: &str) -> Option<EntityType> {
        self.graph
            .entity(&EntityId(id.to_string()))
            .map(|e| e.etype)
            .or_else(|| self.lexicon.entry(id).map(|e| e.etype))
    }

    fn is_state(&self, id: &str) -> bool {
        self.etype(id) == Some(EntityType::State)
    }

    /// Whether a person can be lifted to `id`: a known actor that is not a person.
    fn is_body(&self, id: &str) -> bool {
        self.etype(id)
            .is_some_and(|t| t.kind() == EntityKind::Actor && t != EntityType::Person)
    }

    /// The graph's own entity for a lexicon id: the one with that id, else the actor
    /// named by the entry's name (a graph made before names were linked to the lexicon),
    /// else the lexicon id itself.
    fn in_graph(&self, id: &EntityId) -> EntityId {
        if self.graph.entity(id).is_some() {
            return id.clone();
        }
        self.lexicon
            .entry(id.as_str())
            .and_then(|e| self.graph.lookup(&e.name))
            .filter(|found| {
                self.graph
                    .entity(found)
                    .is_some_and(|x| x.kind == EntityKind::Actor && x.etype != EntityType::Person)
            })
            .unwrap_or_else(|| id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconBuilder;
    use crate::model::{Evidence, Statement};

    /// A small lexicon written for these tests.
    fn lexicon() -> Lexicon {
        let mut b = LexiconBuilder::default();
        let entities = "\
esmail-qaani\tperson\tEsmail Qaani
gibril-ibrahim\tperson\tGibril Ibrahim
hassan-nasrallah\tperson\tHassan Nasrallah
hezbollah\tarmed-group\tHezbollah\t\tLB
hakan-fidan\tperson\tHakan Fidan
ir\tstate\tIran
irgc\tarmed-group\tIslamic Revolutionary Guard Corps\tIRGC\tIR\t\t\tof=ir
jem\tarmed-group\tJustice and Equality Movement\tJEM\tSD
lb\tstate\tLebanon
quds-force\tarmed-group\tQuds Force\t\tIR\t\t\tof=irgc
recep-tayyip-erdogan\tperson\tRecep Tayyip Erdogan\tErdogan
sd\tstate\tSudan
tr\tstate\tTurkey
";
        let roles = "\
esmail-qaani\tcommander\tquds-force\t2020-01-03\t
gibril-ibrahim\tleader\tjem\t2012-01-01\t
gibril-ibrahim\tfinance minister\tsd\t2021-02-08\t
hakan-fidan\tforeign minister\ttr\t2023-06-04\t
hassan-nasrallah\tsecretary-general\thezbollah\t1992-02-16\t2024-09-27
recep-tayyip-erdogan\tprime minister\ttr\t2003-03-14\t2014-08-28
recep-tayyip-erdogan\tpresident\ttr\t2014-08-28\t
";
        b.add_text("test.tsv", entities).unwrap();
        b.add_text("roles.tsv", roles).unwrap();
        b.build()
    }

    fn ent(id: &str, etype: EntityType) -> Entity {
        let mut e = Entity::new(id, etype);
        e.id = EntityId(id.into());
        e
    }

    fn person(id: &str) -> Entity {
        ent(id, EntityType::Person)
    }

    fn say(s: Entity, r: Relation, t: Entity, doc: &str, date: Option<&str>) -> Statement {
        Statement {
            source: s,
            relation: r,
            target: t,
            evidence: Evidence {
                doc: doc.into(),
                date: date.map(str::to_string),
                text: format!("{doc} says so"),
                span: None,
                trigger: None,
                producer: "manual".into(),
                url: None,
                confidence: 1.0,
            },
        }
    }

    /// `source relation target: doc, doc` for every edge, sorted.
    fn edges(g: &Graph) -> Vec<String> {
        g.edges_sorted()
            .iter()
            .map(|e| {
                let docs: Vec<&str> = e.evidence.iter().map(|v| v.doc.as_str()).collect();
                format!(
                    "{} {} {}: {}",
                    e.source,
                    e.relation,
                    e.target,
                    docs.join(", ")
                )
            })
            .collect()
    }

    #[test]
    fn a_lexicon_role_lifts_only_while_it_is_held() {
        let lex = lexicon();
        let mut g = Graph::new();
        let hts = || ent("hts", EntityType::ArmedGroup);
        let erdogan = || person("recep-tayyip-erdogan");
        g.add_statement(say(
            erdogan(),
            Relation::Supports,
            hts(),
            "before",
            Some("2001-05-01"),
        ));
        g.add_statement(say(
            erdogan(),
            Relation::Supports,
            hts(),
            "pm",
            Some("2010-05-01"),
        ));
        g.add_statement(say(
            erdogan(),
            Relation::Supports,
            hts(),
            "now",
            Some("2024-12-01"),
        ));
        g.add_statement(say(erdogan(), Relation::Supports, hts(), "undated", None));
        let up = roll_up(&g, &lex, Level::State);
        assert_eq!(
            edges(&up),
            [
                "recep-tayyip-erdogan supports hts: before",
                "tr supports hts: pm, now, undated",
            ]
        );
        // Turkey comes from the lexicon, with its name and type.
        let tr = up.entity(&EntityId("tr".into())).unwrap();
        assert_eq!((tr.name.as_str(), tr.etype), ("Turkey", EntityType::State));
        // Nasrallah led Hezbollah until 2024-09-27; after that he stays himself.
        let nasrallah = || person("hassan-nasrallah");
        let israel = || ent("israel", EntityType::State);
        let mut g = Graph::new();
        g.add_statement(say(
            nasrallah(),
            Relation::Opposes,
            israel(),
            "a",
            Some("2024-09-01"),
        ));
        g.add_statement(say(
            nasrallah(),
            Relation::Opposes,
            israel(),
            "b",
            Some("2024-10-01"),
        ));
        assert_eq!(
            edges(&roll_up(&g, &lex, Level::Organization)),
            [
                "hassan-nasrallah opposes israel: b",
                "hezbollah opposes israel: a"
            ]
        );
    }

    #[test]
    fn a_graph_leader_edge_lifts_a_person_without_a_role() {
        let lex = lexicon();
        let mut g = Graph::new();
        let jolani = || person("abu-mohammed-al-jolani");
        let hts = || ent("hts", EntityType::ArmedGroup);
        let nusra = || ent("al-nusra-front", EntityType::ArmedGroup);
        let idlib = || ent("idlib", EntityType::Region);
        g.add_statement(say(jolani(), Relation::Controls, hts(), "a", None));
        g.add_statement(say(jolani(), Relation::Controls, hts(), "b", None));
        g.add_statement(say(jolani(), Relation::Controls, nusra(), "c", None));
        // a place he controls is no body to lift him to
        g.add_statement(say(jolani(), Relation::Controls, idlib(), "d", None));
        g.add_statement(say(
            jolani(),
            Relation::Opposes,
            person("bashar-al-assad"),
            "e",
            None,
        ));
        let up = roll_up(&g, &lex, Level::Organization);
        // his own control of HTS is a loop and goes
        assert_eq!(
            edges(&up),
            [
                "hts opposes bashar-al-assad: e",
                "hts controls al-nusra-front: c",
                "hts controls idlib: d",
            ]
        );
        assert!(
            up.entity(&EntityId("abu-mohammed-al-jolani".into()))
                .is_none()
        );
    }

    #[test]
    fn loops_are_dropped_and_meetings_stay_once_per_pair() {
        let lex = lexicon();
        let mut g = Graph::new();
        let erdogan = || person("recep-tayyip-erdogan");
        let fidan = || person("hakan-fidan");
        let ru = || ent("ru", EntityType::State);
        let tr = || ent("tr", EntityType::State);
        let d = Some("2024-12-01");
        g.add_statement(say(erdogan(), Relation::Controls, tr(), "a", d));
        g.add_statement(say(erdogan(), Relation::MeetsWith, fidan(), "b", d));
        g.add_statement(say(erdogan(), Relation::MeetsWith, ru(), "c", d));
        g.add_statement(say(ru(), Relation::MeetsWith, fidan(), "e", d));
        g.add_statement(say(tr(), Relation::MeetsWith, ru(), "f", d));
        let up = roll_up(&g, &lex, Level::State);
        assert_eq!(edges(&up), ["ru meets-with tr: e, c, f"]);
        assert_eq!(up.entity_count(), 2);
    }

    #[test]
    fn state_level_follows_of_links_and_never_country_codes() {
        let lex = lexicon();
        let mut g = Graph::new();
        let d = Some("2024-06-01");
        let houthis = || ent("houthis", EntityType::ArmedGroup);
        g.add_statement(say(
            person("esmail-qaani"),
            Relation::Supports,
            houthis(),
            "a",
            d,
        ));
        g.add_statement(say(
            person("hassan-nasrallah"),
            Relation::Supports,
            houthis(),
            "b",
            d,
        ));
        assert_eq!(
            edges(&roll_up(&g, &lex, Level::Organization)),
            [
                "hezbollah supports houthis: b",
                "quds-force supports houthis: a"
            ]
        );
        assert_eq!(
            edges(&roll_up(&g, &lex, Level::State)),
            ["hezbollah supports houthis: b", "ir supports houthis: a"]
        );
    }

    #[test]
    fn concurrent_roles_give_the_body_at_organization_level_and_the_state_at_state_level() {
        let lex = lexicon();
        let mut g = Graph::new();
        let rsf = || ent("rsf", EntityType::ArmedGroup);
        let gibril = || person("gibril-ibrahim");
        g.add_statement(say(
            gibril(),
            Relation::Opposes,
            rsf(),
            "a",
            Some("2024-01-01"),
        ));
        assert_eq!(
            edges(&roll_up(&g, &lex, Level::Organization)),
            ["jem opposes rsf: a"]
        );
        assert_eq!(
            edges(&roll_up(&g, &lex, Level::State)),
            ["sd opposes rsf: a"]
        );
    }

    #[test]
    fn query_names_map_to_what_they_were_lifted_to() {
        let lex = lexicon();
        let mut g = Graph::new();
        let mut erdogan = person("recep-tayyip-erdogan");
        erdogan.name = "Recep Tayyip Erdogan".into();
        let ru = || ent("ru", EntityType::State);
        g.add_statement(say(
            erdogan,
            Relation::MeetsWith,
            ru(),
            "a",
            Some("2024-12-01"),
        ));
        let r = RollUp::new(&g, &lex, Level::State);
        let rolled = r.graph();
        let tr = EntityId("tr".into());
        assert_eq!(r.find(&rolled, "Recep Tayyip Erdogan").unwrap(), tr);
        // Turkey is no entity of the original graph, only of the rolled-up one.
        assert_eq!(r.find(&rolled, "Turkey").unwrap(), tr);
        assert_eq!(r.find(&rolled, "ru").unwrap().as_str(), "ru");
        let err = r.find(&rolled, "Zzyzx").unwrap_err().to_string();
        assert_eq!(err, "no entity 'Zzyzx'");
    }

    #[test]
    fn a_graph_made_before_lexicon_ids_keeps_its_own_entity() {
        let lex = lexicon();
        let mut g = Graph::new();
        // "Turkey" under the id its name gives, not the lexicon's "tr"
        g.add_statement(say(
            Entity::new("Turkey", EntityType::State),
            Relation::Supports,
            ent("hts", EntityType::ArmedGroup),
            "a",
            None,
        ));
        g.add_statement(say(
            person("hakan-fidan"),
            Relation::Supports,
            ent("hts", EntityType::ArmedGroup),
            "b",
            Some("2024-12-01"),
        ));
        assert_eq!(
            edges(&roll_up(&g, &lex, Level::State)),
            ["turkey supports hts: b, a"]
        );
    }

    #[test]
    fn levels_parse() {
        for level in Level::ALL {
            assert_eq!(level.as_str().parse::<Level>().unwrap(), level);
        }
        assert_eq!(
            "country".parse::<Level>().unwrap_err().to_string(),
            "unknown level 'country' (expected organization or state)"
        );
    }
}
