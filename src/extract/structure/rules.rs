//! The tree rules, one per trigger form: verbs, nouns, compound adjectives, role nouns
//! and leader titles, and a person's party. Each finds its arguments with
//! [`super::arguments`] and reports through [`TreeFinder::emit`].

use super::super::MentionKind;
use super::super::patterns::{Form, ObjectKind, Trigger};
use super::super::relations::LEADER_NEG;
use super::{TreeFinder, base, leader_trigger};
use crate::model::{EntityKind, EntityType, Relation};
use crate::syntax::labels::Upos;

/// Verbs whose subject is where an "under the control of" phrase says it is: "Kidal
/// remained under the control of the rebels".
const UNDER_BEING: &[&str] = &[
    "be", "remain", "stay", "fall", "come", "pass", "return", "lie",
];

/// Verbs that put their object under someone's control: "the deal left Kidal under rebel
/// control".
const UNDER_PUTTING: &[&str] = &["leave", "keep", "put", "place", "bring"];

/// Verbs that give someone a role: "was named leader of", "appointed X as head of".
const APPOINTING: &[&str] = &[
    "name", "appoint", "elect", "make", "choose", "install", "proclaim", "nominate", "select",
    "confirm", "re-elect",
];

/// Role nouns whose owner backs the holder: "Iran's proxy Hezbollah".
const PROXIES: &[&str] = &["proxy", "proxies", "client", "clients"];

/// Verbs of taking by force.
const SEIZING: &[&str] = &[
    "seize", "capture", "overrun", "storm", "hijack", "occupy", "take",
];

/// Words that pick members out of a group: "one of Y's backers".
const PARTITIVE: &[&str] = &["one", "some", "several", "many", "two", "three", "each"];

/// Verbs whose subject is given what their object noun names: "X has the backing of Y".
const HAVING: &[&str] = &[
    "have", "enjoy", "receive", "win", "gain", "get", "secure", "retain",
];

/// Common nouns for a group: "its leader" after one of them ("the opposition party and its
/// leader") is that group's.
const GROUP_NOUNS: &[&str] = &[
    "party",
    "group",
    "movement",
    "organisation",
    "organization",
    "faction",
    "militia",
    "alliance",
    "coalition",
    "front",
];

impl TreeFinder<'_, '_> {
    /// A two-way relation told in the passive without an agent names the other side by
    /// its preposition: "Al Shabaab is allied with al Qaeda", "the militia, aligned with
    /// Iran".
    fn passive_partner(&mut self, trig: &Trigger, v: usize) {
        let t = self.tree;
        let Some(patient) = self.patient_of(v) else {
            return;
        };
        let partners: Vec<usize> = t
            .children(v, "obl")
            .filter(|&o| t.case_of(o).is_some_and(|c| trig.has_prep(c)))
            .flat_map(|o| self.entities(o, ObjectKind::Actor))
            .collect();
        let patients = self.entities(patient, ObjectKind::Actor);
        self.emit(&patients, trig.relation, &partners, trig, v, "passive");
    }

    /// Who a passive verb tells of: its passive subject, or the noun a participle clause
    /// hangs on ("the militia, aligned with Iran").
    pub(super) fn patient_of(&self, v: usize) -> Option<usize> {
        let word = &self.tree.words[v];
        self.tree
            .child(v, "nsubj:pass")
            // ("the KCWC, a vigilante force funded by the state": the name the noun
            // describes)
            .or(if word.deprel == "acl" {
                word.head.map(|h| self.described(h))
            } else {
                None
            })
            // "were armed by Iran and trained by Hezbollah": a conjunct shares its fellow's
            .or_else(|| {
                self.passive_conjunct(v)
                    .then(|| word.head.and_then(|h| self.patient_of(h)))
                    .flatten()
            })
    }

    /// Whether `v` is a participle with a `by` agent coordinated after a passive verb and
    /// without a subject of its own ("armed by Iran and trained by Hezbollah").
    pub(super) fn passive_conjunct(&self, v: usize) -> bool {
        let t = self.tree;
        let word = &t.words[v];
        word.deprel == "conj"
            && word.xpos == "VBN"
            && t.child(v, "nsubj").is_none()
            && t.agent_of(v).is_some()
            && word.head.is_some_and(|h| {
                t.child(h, "nsubj:pass").is_some()
                    || t.child(h, "aux:pass").is_some()
                    || t.words[h].deprel == "acl"
            })
    }

    pub(super) fn verb(&mut self, trig: &Trigger, v: usize, participle: bool) {
        let t = self.tree;
        let word = &t.words[v];
        if word.upos != Upos::Verb || word.deprel == "amod" {
            return;
        }
        if v > 0 && t.words[v - 1].form == "-" {
            return;
        }
        // "fought alongside the army against the rebels": the side it fights on is not an
        // enemy, the one named by "against" still is
        // (the parser may hang "against the rebels" on "the army")
        let mut only_against = false;
        if !trig.unless_split.is_empty() && self.has_phrase(v, &trig.unless_split, true) {
            let against = trig.preps_split.iter().any(|p| p == &["against"])
                && t.dependents(v).any(|d| {
                    matches!(base(t.words[d].deprel), "obl" | "nmod" | "obj")
                        && (t.case_of(d) == Some("against")
                            || t.children(d, "nmod")
                                .any(|n| t.case_of(n) == Some("against")))
                });
            if !against {
                return;
            }
            only_against = true;
        }
        if !trig.needs_split.is_empty() && !self.has_phrase(v, &trig.needs_split, false) {
            return;
        }
        if self.blocked(v, trig.relation) {
            return;
        }
        // a state that has ended: "which the RSF had seized"
        if trig.relation == Relation::Controls
            && word.deprel == "acl:relcl"
            && t.children(v, "aux")
                .any(|a| t.words[a].lemma == "have" && t.words[a].form.eq_ignore_ascii_case("had"))
        {
            return;
        }
        let passive = t.child(v, "nsubj:pass").is_some()
            || t.child(v, "aux:pass").is_some()
            || (participle && word.deprel == "acl")
            || self.passive_conjunct(v);
        if passive {
            // "the Houthis, backed by Iran against Saudi Arabia": rare, and the target
            // phrase hangs anywhere; left to the active voice
            if trig.prep_only {
                return;
            }
            let agent = t
                .agent_of(v)
                .or_else(|| t.children(v, "obl").find(|&o| t.case_of(o) == Some("by")))
                // "is recognised as president by X": the parser may hang the agent on
                // the phrase before it
                .or_else(|| {
                    t.children(v, "obl")
                        .flat_map(|o| t.children(o, "nmod"))
                        .find(|&n| t.case_of(n) == Some("by"))
                });
            let Some(agent) = agent else {
                if trig.both_ways {
                    self.passive_partner(trig, v);
                }
                return;
            };
            let mut agents = self.entities(agent, ObjectKind::Actor);
            if trig.id == "controls/lead" {
                agents.retain(|&a| self.rf.entities[a].etype == EntityType::Person);
            }
            self.note_seizure(trig, v, &agents);
            let Some(patient) = self.patient_of(v) else {
                return;
            };
            let patients = self.entities(patient, trig.object);
            self.emit(&agents, trig.relation, &patients, trig, v, "passive");
            return;
        }
        let Some(subj) = self.subjects(v) else { return };
        let subjects = self.entities(subj, ObjectKind::Actor);
        if subjects.is_empty() {
            return;
        }
        self.rf.note_attack(trig, &subjects);
        self.note_seizure(trig, v, &subjects);
        let mut objects = Vec::new();
        for d in t.dependents(v) {
            let rel = base(t.words[d].deprel);
            let take = match rel {
                _ if only_against => {
                    matches!(rel, "obl" | "nmod") && t.case_of(d) == Some("against")
                }
                "obj" | "iobj" => !trig.prep_only,
                "obl" | "nmod" => t.case_of(d).is_some_and(|c| trig.takes_prep(c)),
                _ => false,
            };
            // a prepositional phrase the parser hung on the object ("fired missiles at X")
            // or on another phrase of the verb ("spoke by phone with X")
            let hung: Vec<usize> = if only_against && matches!(rel, "obl" | "nmod" | "obj") {
                t.children(d, "nmod")
                    .filter(|&n| t.case_of(n) == Some("against"))
                    .collect()
            } else if matches!(rel, "obj" | "obl") && !only_against {
                // (also one hung further down the object's phrases: "retook a string of
                // islands in Lake Chad from Boko Haram")
                self.nested_phrases(d, 3)
                    .into_iter()
                    .filter(|&n| t.case_of(n).is_some_and(|c| trig.takes_prep(c)))
                    .collect()
            } else {
                Vec::new()
            };
            for n in hung.into_iter().chain(take.then_some(d)) {
                for e in self.phrase_targets(n, trig.object) {
                    if !objects.contains(&e) {
                        objects.push(e);
                    }
                }
            }
        }
        // "blamed the Jordan attack on X", "the killing of Y, which Iran blamed on X": the
        // object is the act and the one it is laid on is X
        let on: Vec<usize> = self
            .blamed_on(v)
            .into_iter()
            .flat_map(|d| self.entities(d, trig.object))
            .collect();
        if !on.is_empty() {
            objects.retain(|o| on.contains(o));
        }
        // "A and B denounced it": a pronoun object that resolves to a subject is not one
        objects.retain(|o| !subjects.contains(o));
        // "Putin and Xi met", "Kyrgyz and Tajik troops clashed": a reciprocal verb with
        // coordinated subjects and no object relates them to each other
        if objects.is_empty()
            && (trig.relation == Relation::MeetsWith || trig.both_ways)
            && subjects.len() >= 2
        {
            for (k, &a) in subjects.iter().enumerate() {
                self.emit(&[a], trig.relation, &subjects[k + 1..], trig, v, "pair");
            }
            return;
        }
        self.emit(&subjects, trig.relation, &objects, trig, v, "verb");
    }

    /// A capture or hijacking is an act of force: "condemned the hijacking" later opposes
    /// whoever did it.
    fn note_seizure(&mut self, trig: &Trigger, v: usize, agents: &[usize]) {
        // something must be seized: "took to the streets" seizes nothing
        let t = self.tree;
        let seized = t.child(v, "obj").is_some() || t.child(v, "nsubj:pass").is_some();
        if seized && trig.relation == Relation::Controls && SEIZING.contains(&self.lemma(v)) {
            self.rf.note_act(agents);
        }
    }

    /// "the Turkish-backed Syrian National Army", "Yemen's Saudi-backed government": the
    /// name before the hyphen -> the noun the participle modifies.
    pub(super) fn adjective(&mut self, trig: &Trigger, p: usize) {
        let t = self.tree;
        if p < 2 || t.words[p - 1].form != "-" {
            return;
        }
        let Some(m) = self.rf.mention(self.s + p - 2) else {
            return;
        };
        let Some(src) = self
            .rf
            .as_actor(m)
            .or((m.kind == MentionKind::Demonym).then_some(m.entity))
        else {
            return;
        };
        // "Russian-held" is held by Russia; "Kurdish-held" by Kurdish forces, not by the
        // Kurds as a people
        if m.kind == MentionKind::Demonym
            && trig.relation == Relation::Controls
            && !matches!(
                self.rf.entities[src].etype,
                EntityType::State | EntityType::Country
            )
        {
            return;
        }
        let word = &t.words[p];
        let Some(h) = word.head else { return };
        if !matches!(base(word.deprel), "amod" | "compound" | "acl" | "nmod") || h < p {
            return;
        }
        // the modified noun itself must be a name: "Saudi-backed government" is not Yemen;
        // a place noun stands for the place it names ("the Kurdish-held town of Tal Rifaat")
        // ("Srpska Lista, the Belgrade-sponsored party": the noun describes a name)
        let h = if trig.object == ObjectKind::Actor {
            self.described(h)
        } else {
            h
        };
        let targets: Vec<usize> = match self.rf.mention(self.s + h).and_then(|m| {
            // ("the Iran-backed militia Kataib Hezbollah" backs the name)
            (m.kind == MentionKind::Generic)
                .then(|| self.name_right_after(h, trig.object))
                .flatten()
                .or_else(|| self.rf.fits(m, trig.object))
        }) {
            Some(x) => vec![x],
            None if trig.object == ObjectKind::Place => self.place_described(h),
            None => Vec::new(),
        };
        self.emit(&[src], trig.relation, &targets, trig, p, "adjective");
    }

    pub(super) fn noun(&mut self, trig: &Trigger, n: usize) {
        let t = self.tree;
        if !matches!(t.words[n].upos, Upos::Noun | Upos::Propn) || self.blocked(n, trig.relation) {
            return;
        }
        // a word of a name ("the Three Brotherhood Alliance") is no event
        if self.rf.inside_name(self.s + n).is_some() {
            return;
        }
        // "under the control of X" turns the roles round: X controls, the place is held
        if t.case_of(n) == Some("under") {
            if trig.relation == Relation::Controls {
                self.under(trig, n);
            }
            return;
        }
        if t.case_of(n) == Some("in") {
            if trig.relation == Relation::Controls && self.lemma(n) == "control" {
                self.in_control(trig, n);
            }
            if trig.relation == Relation::MeetsWith {
                self.said_in_talks(trig, n);
            }
            return;
        }
        if trig.relation == Relation::MeetsWith && matches!(t.case_of(n), Some("during" | "at")) {
            self.said_in_talks(trig, n);
            return;
        }
        if trig.relation == Relation::Supports && self.given_by(trig, n) {
            return;
        }
        let mut targets = Vec::new();
        let mut between = Vec::new();
        // "the offensive by X against Y": the parser may hang "against Y" on X
        let hung_on_agent = t
            .children(n, "nmod")
            .filter(|&d| t.case_of(d) == Some("by"))
            .flat_map(|d| t.children(d, "nmod"));
        let phrases: Vec<usize> = t
            .children(n, "nmod")
            .chain(hung_on_agent)
            .chain(self.hung_on_verb(n))
            .collect();
        for d in phrases {
            let Some(case) = t.case_of(d) else { continue };
            if !trig.noun_preps.iter().any(|p| p == case) || case == "by" {
                continue;
            }
            let found = self.entities(d, trig.object);
            if case == "between" {
                between = found;
            } else {
                targets.extend(found);
            }
        }
        if between.len() >= 2 {
            for (k, &a) in between.iter().enumerate() {
                self.emit(&[a], trig.relation, &between[k + 1..], trig, n, "between");
            }
            return;
        }
        let sources = self.noun_source(n);
        if targets.is_empty() {
            // "Baghdad and Washington opened talks", "Mali, Niger and Burkina Faso formed an
            // alliance": every pair
            if (trig.relation == Relation::MeetsWith || trig.both_ways) && sources.len() >= 2 {
                for (k, &a) in sources.iter().enumerate() {
                    self.emit(&[a], trig.relation, &sources[k + 1..], trig, n, "pair");
                }
            }
            return;
        }
        self.emit(&sources, trig.relation, &targets, trig, n, "noun");
    }

    /// "condemned Russia's war against Ukraine": an "against" or "on" phrase right after
    /// the event noun that is a verb's object, which the parser hung on the verb; not when
    /// the verb is a trigger that takes that preposition itself ("warned the group against
    /// ..." is the warning's).
    fn hung_on_verb(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        let w = &t.words[n];
        let Some(v) = w.head.filter(|_| w.deprel == "obj") else {
            return Vec::new();
        };
        let pat = self.rf.pat;
        let verb_takes = |case: &str| {
            pat.forms_at(self.window(v))
                .any(|f| pat.triggers[f.trigger].takes_prep(case))
        };
        let end = t.subtree(n).into_iter().max().unwrap_or(n);
        t.children(v, "obl")
            .filter(|&d| {
                t.case_of(d)
                    .is_some_and(|c| matches!(c, "against" | "on") && !verb_takes(c))
                    && t.subtree(d).into_iter().min() == Some(end + 1)
            })
            .collect()
    }

    /// "Maduro, who has the backing of Russia and China", "the army received support from
    /// Iran": the support noun is the object of a verb of having or receiving, its `of` (or
    /// `from`) phrase the backer and the verb's subject the backed. Whether it applied.
    fn given_by(&mut self, trig: &Trigger, n: usize) -> bool {
        let t = self.tree;
        let w = &t.words[n];
        let Some(h) = w.head else { return false };
        // "has the backing of Y"; "won office with the backing of Y", "seized the town
        // with the support of Y"; "the RSF, with backing from Y, captured"
        let with = t.case_of(n) == Some("with");
        let backed_word = if w.deprel == "obj" && HAVING.contains(&self.lemma(h)) {
            self.subjects(h)
        } else if with && base(w.deprel) == "obl" && t.words[h].upos == Upos::Verb {
            self.subjects(h).or_else(|| {
                // a relative clause's subject is its antecedent ("a priest who won office
                // with the backing of Y")
                t.words[h].head.filter(|_| t.words[h].deprel == "acl:relcl")
            })
        } else if with && base(w.deprel) == "nmod" {
            Some(h)
        } else {
            return false;
        };
        let backers: Vec<usize> = t
            .children(n, "nmod")
            .filter(|&d| matches!(t.case_of(d), Some("of" | "from")))
            .flat_map(|d| self.entities(d, ObjectKind::Actor))
            .collect();
        let backed = backed_word
            .map(|s| self.entities(s, ObjectKind::Actor))
            .unwrap_or_default();
        if backers.is_empty() {
            return false;
        }
        self.emit(&backers, trig.relation, &backed, trig, n, "given");
        true
    }

    /// "Kidal is under the control of the rebels", "the region has remained under the
    /// control of the militia", "Gao fell under rebel control", "the war left the town
    /// under army control": the controller is the noun's `of` phrase or the name that
    /// modifies it; what is held is the subject of the clause the phrase is the predicate
    /// of (with a copula, or a verb of being or becoming), or the object of a verb that
    /// puts it there.
    fn under(&mut self, trig: &Trigger, n: usize) {
        let t = self.tree;
        let mut controllers = Vec::new();
        for d in t.dependents(n) {
            let found = match t.words[d].deprel {
                "nmod" if t.case_of(d) == Some("of") => self.entities(d, ObjectKind::Actor),
                "nmod:poss" | "compound" | "amod" => self
                    .rf
                    .mention(self.s + d)
                    .and_then(|m| self.rf.as_actor(m))
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            };
            for e in found {
                if !controllers.contains(&e) {
                    controllers.push(e);
                }
            }
        }
        let w = &t.words[n];
        let held = if t.child(n, "cop").is_some() {
            t.child(n, "nsubj")
        } else if base(w.deprel) == "obl"
            && let Some(h) = w.head
        {
            let lemma = self.lemma(h);
            if UNDER_BEING.contains(&lemma) {
                self.subjects(h)
            } else if UNDER_PUTTING.contains(&lemma) {
                t.child(h, "obj")
            } else {
                None
            }
        } else {
            None
        };
        let Some(held) = held else { return };
        let places = self.entities(held, trig.object);
        self.emit(&controllers, Relation::Controls, &places, trig, n, "under");
    }

    /// "the Taliban are in control of Kabul", "leaving the movement in control of most of
    /// Afghanistan", "the rebels, now in control of Goma": the one in control is the
    /// clause's subject, the object a verb puts there, or the noun the phrase describes;
    /// what they control is the `of` (or `over`) phrase.
    fn in_control(&mut self, trig: &Trigger, n: usize) {
        let t = self.tree;
        let places = self.through_of(n, trig.object, 0);
        if places.is_empty() {
            return;
        }
        let w = &t.words[n];
        let holder = if t.child(n, "cop").is_some() {
            t.child(n, "nsubj")
        } else if let Some(h) = w.head {
            match base(w.deprel) {
                "obl" | "xcomp" | "advcl" if UNDER_PUTTING.contains(&self.lemma(h)) => {
                    t.child(h, "obj")
                }
                "obl" | "xcomp" if UNDER_BEING.contains(&self.lemma(h)) => self.subjects(h),
                "nmod" | "acl" | "appos" => Some(h),
                _ => None,
            }
        } else {
            None
        };
        let Some(holder) = holder else { return };
        let holders = self.entities(holder, ObjectKind::Actor);
        self.emit(&holders, Relation::Controls, &places, trig, n, "in-control");
    }

    /// "Xi warned Biden in a phone call", "told Blinken during talks", "told Putin at a
    /// briefing": the meeting noun
    /// `n` frames what the verb's subject did to its object, so the two met.
    fn said_in_talks(&mut self, trig: &Trigger, n: usize) {
        let t = self.tree;
        let w = &t.words[n];
        let Some(v) = w.head else { return };
        // "said" takes what was said, never whom it was said to ("At the meeting, X said
        // Ukrainian forces held 28 settlements")
        if base(w.deprel) != "obl"
            || t.words[v].upos != Upos::Verb
            || matches!(self.lemma(v), "say" | "add" | "note" | "claim" | "announce")
            || self.blocked(v, trig.relation)
        {
            return;
        }
        // the one told: "told Putin at a briefing" (an indirect object when a clause follows)
        let told = t.child(v, "obj").or_else(|| t.child(v, "iobj"));
        let (Some(subj), Some(obj)) = (self.subjects(v), told) else {
            return;
        };
        let subjects = self.entities(subj, ObjectKind::Actor);
        let mut objects = self.entities(obj, ObjectKind::Actor);
        objects.retain(|o| !subjects.contains(o));
        self.emit(&subjects, trig.relation, &objects, trig, n, "in-talks");
    }

    /// The group "its" (word `d`) refers to ("Its leader, X"): the armed group or
    /// organization named first earlier in the sentence ("MWM, a Shi'ite party, backs the
    /// protests, and its leader, X"), or else in the latest earlier sentence that names one.
    fn group_before(&self, d: usize) -> Option<usize> {
        let rf = &*self.rf;
        let is_group = |e: usize| {
            matches!(
                rf.entities[e].etype,
                EntityType::ArmedGroup | EntityType::Organization
            )
        };
        let named = |m: &&crate::extract::Mention| {
            m.kind != MentionKind::Generic && m.tokens.end <= self.s && is_group(m.entity)
        };
        // "banned the opposition party and jailed its leader": the group is one the text
        // names by a common noun, not an entity named earlier
        let t = self.tree;
        // (a noun that describes a name, "MWM, a Shiite party", is that name's)
        let describes_a_name = |w: usize| {
            t.words[w].deprel == "appos"
                || t.words[w]
                    .head
                    .is_some_and(|h| rf.mention(self.s + h).is_some())
        };
        if (0..d).any(|w| {
            t.words[w].upos == Upos::Noun
                && GROUP_NOUNS.contains(&self.lemma(w))
                && rf.mention(self.s + w).is_none()
                && !describes_a_name(w)
        }) {
            return None;
        }
        let here = rf.mentions.iter().find(|m| {
            m.kind != MentionKind::Generic
                && m.tokens.start >= self.s
                && m.tokens.end <= self.s + d
                && is_group(m.entity)
        });
        if let Some(m) = here {
            return Some(m.entity);
        }
        let latest = rf.mentions.iter().rev().find(named)?;
        let sentence = rf.sentence_start_of(latest.tokens.start);
        rf.mentions
            .iter()
            .filter(named)
            .find(|m| m.tokens.start >= sentence)
            .map(|m| m.entity)
    }

    /// "The army lost control of Diapaga to JNIM", "lost the town to the rebels": what is
    /// lost to an actor, that actor now holds.
    pub(super) fn lost_to(&mut self, v: usize) {
        let t = self.tree;
        if self.lemma(v) != "lose"
            || t.words[v].upos != Upos::Verb
            || self.blocked(v, Relation::Controls)
        {
            return;
        }
        let Some(o) = t.child(v, "obj") else { return };
        let phrase = |d: usize, case: &str| self.phrase_with(d, case);
        let winners = self.receivers(v, o);
        if winners.is_empty() {
            return;
        }
        // "control of X" (the place in the "of" phrase), or the place itself; "the Red Sea
        // town of Hays" is Hays
        let named = |x: usize| {
            let inner: Vec<usize> = t
                .children(x, "nmod")
                .filter(|&d| phrase(d, "of"))
                .flat_map(|d| self.entities(d, ObjectKind::Place))
                .collect();
            if inner.is_empty() {
                self.entities(x, ObjectKind::Place)
            } else {
                inner
            }
        };
        let places = if matches!(self.lemma(o), "control" | "grip" | "hold" | "command") {
            t.children(o, "nmod")
                .filter(|&d| phrase(d, "of"))
                .flat_map(named)
                .collect()
        } else {
            named(o)
        };
        self.now_hold(v, &winners, places, "lost-to");
    }

    /// "Kalay fell to the rebels", "Kidal was handed to the separatists", "ceded the
    /// districts to Azerbaijan": a place that passes to an actor, that actor now holds.
    pub(super) fn passed_to(&mut self, v: usize) {
        let t = self.tree;
        let lemma = self.lemma(v);
        if !matches!(lemma, "fall" | "hand" | "cede" | "surrender")
            || t.words[v].upos != Upos::Verb
            || self.blocked(v, Relation::Controls)
        {
            return;
        }
        // what falls is the subject; what is handed over, the object (or the passive's
        // subject, or "over the town" as the parser may read "handed over the town")
        let given = if lemma == "fall" {
            t.child(v, "nsubj").filter(|_| t.child(v, "obj").is_none())
        } else {
            t.child(v, "nsubj:pass")
                .or_else(|| t.child(v, "obj"))
                .or_else(|| t.children(v, "obl").find(|&o| t.case_of(o) == Some("over")))
        };
        let Some(g) = given else { return };
        let winners = self.receivers(v, g);
        if winners.is_empty() {
            return;
        }
        let places = self.entities(g, ObjectKind::Place);
        self.now_hold(v, &winners, places, "passed-to");
    }

    /// The actors a place passes to at verb `v`: its "to" phrase, on the verb or hung by the
    /// parser inside `given`, what is lost or handed over.
    fn receivers(&self, v: usize, given: usize) -> Vec<usize> {
        let t = self.tree;
        t.dependents(v)
            .chain(t.subtree(given))
            .filter(|&d| self.phrase_with(d, "to"))
            .flat_map(|d| self.entities(d, ObjectKind::Actor))
            .collect()
    }

    /// `winners` now hold `places` (those that are not themselves winners), told by verb `v`
    /// (pattern `controls/{name}`).
    fn now_hold(&mut self, v: usize, winners: &[usize], places: Vec<usize>, name: &str) {
        let places: Vec<usize> = places
            .into_iter()
            .filter(|p| !winners.contains(p))
            .collect();
        let id = format!("controls/{name}");
        let trig = Trigger::builtin(&id, Relation::Controls, ObjectKind::Place, 0.8);
        self.emit(winners, Relation::Controls, &places, &trig, v, name);
    }

    /// What a phrase of a trigger names as its target: its entities, or, after "at" or
    /// "from", the actor it names ("fired tear gas at protesters", "retook Nasir from
    /// Hezbollah": there the preposition marks the target, not a place, when it names an
    /// actor).
    fn phrase_targets(&self, d: usize, want: ObjectKind) -> Vec<usize> {
        let found = self.entities(d, want);
        if !found.is_empty() || !matches!(self.tree.case_of(d), Some("at" | "from")) {
            return found;
        }
        self.rf
            .mention(self.s + d)
            .filter(|m| self.rf.entities[m.entity].etype.kind() == EntityKind::Actor)
            .map(|m| vec![m.entity])
            .unwrap_or_default()
    }

    /// The prepositional phrases (`nmod`) inside the phrase of noun `d`, down to `depth`
    /// phrases deep.
    fn nested_phrases(&self, d: usize, depth: u8) -> Vec<usize> {
        let t = self.tree;
        let mut out = Vec::new();
        let mut level = vec![d];
        for _ in 0..depth {
            level = level.iter().flat_map(|&w| t.children(w, "nmod")).collect();
            out.extend(&level);
        }
        out
    }

    /// "Barzani's Kurdistan Democratic Party", "Machar's SPLM-IO": a person's party, movement
    /// or armed group is one they lead.
    pub(super) fn possessor_leads(&mut self, d: usize) {
        let t = self.tree;
        let word = &t.words[d];
        let entity = |w: usize| {
            self.rf
                .mention(self.s + w)
                .filter(|m| m.kind == MentionKind::Named)
        };
        // "Riek Machar, whose SPLM-IO ...": the possessor is the relative clause's
        // antecedent, the name just before the comma, and the group the name just after
        // "whose" (the parser often misplaces the clause itself)
        let (owner, owned) = if word.form.eq_ignore_ascii_case("whose") {
            if d < 2 || t.words[d - 1].form != "," || d + 1 >= t.words.len() {
                return;
            }
            (d - 2, d + 1)
        } else if word.deprel == "nmod:poss" {
            let Some(h) = word.head else { return };
            match word.form.to_ascii_lowercase().as_str() {
                // "Kadyrov said his Akhmat fighters ...": the person named last before it
                "his" | "her" => match self.person_before(d) {
                    Some(p) => (p, h),
                    None => return,
                },
                _ => (d, h),
            }
        } else {
            return;
        };
        let h = owned;
        let (Some(person), Some(group)) = (entity(owner), entity(owned)) else {
            return;
        };
        if person.entity == group.entity
            || self.rf.entities[person.entity].etype != EntityType::Person
            || !matches!(
                self.rf.entities[group.entity].etype,
                EntityType::ArmedGroup | EntityType::Organization
            )
            || self.role_blocked(h, Relation::Controls)
        {
            return;
        }
        let trig = leader_trigger();
        self.emit(
            &[person.entity],
            Relation::Controls,
            &[group.entity],
            &trig,
            d,
            "possessor",
        );
    }

    /// The word of the last person named before word `d` in the sentence, if no other
    /// actor is named between them ("Kadyrov said his ...", "Dagalo and his ...").
    fn person_before(&self, d: usize) -> Option<usize> {
        (0..d)
            .rev()
            .find_map(|w| {
                let m = self.rf.mention(self.s + w)?;
                (m.kind == MentionKind::Named).then_some((w, m.entity))
            })
            .filter(|&(_, e)| self.rf.entities[e].etype == EntityType::Person)
            .map(|(w, _)| w)
    }

    /// The "one" of "one of Y's backers": a number or quantifier whose `of` phrase is the
    /// role noun `r`.
    fn partitive_head(&self, r: usize) -> Option<usize> {
        let t = self.tree;
        let h = t.words[r].head?;
        (t.words[r].deprel == "nmod"
            && t.case_of(r) == Some("of")
            && PARTITIVE.contains(&self.folded(h)))
        .then_some(h)
    }

    /// Role nouns and leader titles: "Russia, Assad's main backer", "the group's leader, X",
    /// "X is the head of Y", "HTS leader X".
    /// The armed forces of state `state` that the document names ("Ukraine's armed
    /// forces", "the Ukrainian army"): the first such institution named, if any
    /// (entities are numbered in the order they are first named).
    fn forces_of(&self, state: usize) -> Option<usize> {
        let name = self.rf.entities[state].name.as_str();
        self.rf
            .entities
            .iter()
            .position(|x| x.etype == EntityType::ArmedGroup && x.of.as_deref() == Some(name))
    }

    pub(super) fn role(&mut self, r: usize) {
        let t = self.tree;
        let word = &t.words[r];
        if word.upos != Upos::Noun {
            return;
        }
        let f = self.folded(r);
        let pat = self.rf.pat;
        let leader = pat.words.leader_titles.longest_at(&[f]).is_some();
        let role_trig = pat
            .forms_at(&[f])
            .find(|fe| fe.form == Form::RoleNoun)
            .map(|fe| &pat.triggers[fe.trigger]);
        if !leader && role_trig.is_none() {
            return;
        }
        let (rel, want) = if leader {
            (Relation::Controls, ObjectKind::Any)
        } else {
            (Relation::Supports, ObjectKind::Actor)
        };
        if t.dependents(r)
            .any(|d| LEADER_NEG.contains(&self.lemma(d)) || LEADER_NEG.contains(&self.folded(d)))
            || self.role_blocked(r, rel)
        {
            return;
        }
        if leader && !self.top_title(r) {
            return;
        }
        // the owner: "Y's leader", "the leader of Y", "Y leader", "Y, whose leader"; of
        // "Papua's police chief", the police (the nearer compound)
        let mut compound_first = t
            .children(r, "compound")
            .chain(t.dependents(r).filter(|&d| t.words[d].deprel != "compound"));
        let owner = compound_first.find_map(|d| match t.words[d].deprel {
            "nmod:poss" if self.folded(d) == "whose" => self.before_relative(d, want),
            "nmod:poss" if leader && matches!(self.folded(d), "its" | "their") => {
                self.group_before(d)
            }
            "nmod:poss" | "compound" => self
                .rf
                .mention(self.s + d)
                .and_then(|m| self.rf.fits(m, want)),
            "nmod" if t.case_of(d) == Some("of") => self.entity(d, want, 0),
            _ => None,
        });
        let Some(mut owner) = owner else { return };
        // "Ukraine's top commander, X": a state's commander commands its armed forces,
        // when the document names them
        if leader
            && matches!(f, "commander" | "commander-in-chief")
            && matches!(
                self.rf.entities[owner].etype,
                EntityType::State | EntityType::Country
            )
            && let Some(forces) = self.forces_of(owner)
        {
            owner = forces;
        }
        // "North Korean leader Kim Jong Un" never leads a known person
        if leader
            && self.rf.entities[owner].etype == EntityType::Person
            && self.rf.entities[owner].lexicon_id.is_some()
        {
            return;
        }
        // the holder: apposition either way, copular subject, or the name it titles; of
        // "one of Y's backers" and "Russia is one of Y's allies", that of the "one"
        let p = self.partitive_head(r).unwrap_or(r);
        let word = &t.words[p];
        let mut holders = Vec::new();
        // the noun it is in apposition to, not that noun's conjuncts: "A, B and C, the
        // leader of Y" says C leads Y
        // (the parser may hang it on the first conjunct: a singular role still belongs to
        // the conjunct just before it, "A and B, the chief of Y")
        if word.deprel == "appos"
            && let Some(h) = word.head
        {
            let nearest = t
                .conjuncts(h)
                .into_iter()
                .filter(|&c| c < p)
                .max()
                .filter(|_| t.words[p].xpos == "NN");
            holders.extend(self.entity(nearest.unwrap_or(h), ObjectKind::Actor, 0));
        }
        for d in t.children(p, "appos") {
            holders.extend(self.entities(d, ObjectKind::Actor));
        }
        // "the head of Y, X" with the name hung on Y: a person in apposition to the owner
        // is the holder
        if leader && holders.is_empty() {
            for d in t
                .children(r, "nmod")
                .filter(|&d| t.case_of(d) == Some("of"))
            {
                holders.extend(t.children(d, "appos").filter_map(|a| {
                    self.entity(a, ObjectKind::Actor, 0)
                        .filter(|&e| self.rf.entities[e].etype == EntityType::Person)
                }));
            }
        }
        if t.child(p, "cop").is_some()
            && let Some(s) = t.child(p, "nsubj")
        {
            holders.extend(self.entities(s, ObjectKind::Actor));
        }
        // "X was named leader of Y", "appointed X as commander of Y"
        let role = if word.deprel == "conj" {
            word.head.unwrap_or(p)
        } else {
            p
        };
        if let Some(h) = t.words[role].head
            && (t.words[role].deprel == "xcomp"
                || (t.words[role].deprel == "obl" && t.case_of(role) == Some("as")))
            && APPOINTING.contains(&self.lemma(h))
            && let Some(x) = t.child(h, "nsubj:pass").or_else(|| t.child(h, "obj"))
        {
            holders.extend(self.entities(x, ObjectKind::Actor));
        }
        // "X remains its most important backer", "X became Y's closest ally"
        if matches!(word.deprel, "xcomp" | "obj")
            && let Some(h) = word.head
            && matches!(self.lemma(h), "remain" | "become" | "stay")
            && let Some(s) = self.subjects(h)
        {
            holders.extend(self.entities(s, ObjectKind::Actor));
        }
        // "Machar's allies, including A and B"
        for d in t.children(r, "nmod").chain(t.children(r, "acl")) {
            if let Some(m) = self.listed_by(d) {
                holders.extend(self.entities(m, ObjectKind::Actor));
            }
        }
        if matches!(word.deprel, "compound" | "nmod:desc")
            && let Some(h) = word.head
            && t.words[h].upos == Upos::Propn
        {
            holders.extend(self.entities(h, ObjectKind::Actor));
        }
        holders.retain(|&h| h != owner);
        if holders.is_empty() {
            return;
        }
        if leader {
            holders.retain(|&h| self.rf.entities[h].etype == EntityType::Person);
            let trig = leader_trigger();
            self.emit(&holders, rel, &[owner], &trig, r, "leader");
            return;
        }
        let trig = role_trig.expect("a role noun's trigger");
        if PROXIES.contains(&f) {
            self.emit(&[owner], rel, &holders, trig, r, "role");
        } else {
            self.emit(&holders, rel, &[owner], trig, r, "role");
        }
    }
}
