//! Arguments on the tree: the entities a word names (through relative pronouns,
//! appositions, transparent nouns such as "the city of X" and owned ones such as "Hezbollah
//! positions", conjuncts and "including" lists), the subject a predicate has or inherits,
//! and the source of a noun event.

use super::super::MentionKind;
use super::super::patterns::ObjectKind;
use super::{TreeFinder, base};
use crate::model::Relation;
use crate::syntax::labels::Upos;

/// Nouns that stand for what their `of` names: "the city of Hama", "parts of Idlib".
const TRANSPARENT: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "area",
    "areas",
    "part",
    "parts",
    "most",
    "much",
    "all",
    "rest",
    "outskirts",
    "centre",
    "center",
    "control",
    "capital",
    "forces",
    "troops",
    "fighters",
    "units",
    "members",
    "positions",
    "stronghold",
    "territory",
    "bastion",
    "heart",
    // "the military governments of Mali and Burkina Faso"
    "governments",
    "government",
    // quantities of people: "thousands of protesters", "a crowd of students"
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "tens",
    "crowd",
    "crowds",
];

/// People who stand for the group their "of" names, when they are not named themselves:
/// "killed a senior commander of the YBS" (not "X, a former OLA commander", whose
/// compound only says what X was).
const MEMBERS: &[&str] = &["commander", "commanders", "member"];

/// Nouns that stand for the name before them: "Hezbollah positions", "Iran's government".
const OWNED: &[&str] = &[
    "entities",
    "companies",
    "firms",
    "banks",
    "interests",
    "assets",
    "positions",
    "position",
    "targets",
    "bases",
    "base",
    "officials",
    "government",
    "army",
    "military",
    "troops",
    "soldiers",
    "jets",
    "warplanes",
    "drones",
    "navy",
    "delegation",
    "leaders",
    "leadership",
    "authorities",
    "regime",
    "militia",
    "militias",
    "units",
    "infrastructure",
    "facilities",
    "sites",
    "ministry",
    "envoy",
    "envoys",
    "diplomats",
    "mediators",
    "negotiators",
    "delegates",
    "representatives",
    // "the African Union mission supports ...", "UN peacekeepers"
    "mission",
    "missions",
    "peacekeepers",
    // "Pakistani and Afghan forces clashed"
    "forces",
    "police",
    "guards",
    // "an attack on a Syrian army checkpoint", "struck a US ship"
    "checkpoint",
    "checkpoints",
    "convoy",
    "convoys",
    "outpost",
    "outposts",
    "patrol",
    "patrols",
    "vessel",
    "vessels",
    "ship",
    "ships",
    "warship",
    "warships",
    "embassy",
];

/// Nouns of acts done by an actor to another or to a place, which stand for who did them
/// when a verb takes them as subject or object ("condemned the Israeli strikes").
const ACTS: &[&str] = &[
    "attack",
    "assault",
    "offensive",
    "invasion",
    "incursion",
    "seizure",
    "capture",
    "takeover",
    "occupation",
    "strike",
    "airstrike",
    "bombing",
    "bombardment",
    "shelling",
    "raid",
    "hijacking",
    "coup",
    "annexation",
    "blockade",
    "siege",
    "crackdown",
    "aggression",
    "advance",
    "intervention",
    "war",
];

/// Verbs of which a noun trigger's object takes the subject: "launched an offensive".
const LIGHT_VERBS: &[&str] = &[
    "launch",
    // "formed an alliance with X", "signed a defence pact with X"
    "form",
    "forge",
    "sign",
    "seal",
    "carry",
    "conduct",
    "hold",
    "step",
    "begin",
    "mount",
    "wage",
    "stage",
    "deliver",
    "provide",
    "give",
    "send",
    "offer",
    "extend",
    "pledge",
    "announce",
    "order",
    "continue",
    "take",
    "gain",
    "establish",
    "assume",
    "have",
    "keep",
    "retain",
    "maintain",
    "tighten",
    "consolidate",
    "wrest",
    "regain",
    "seize",
    "escalate",
    "intensify",
    "start",
    "resume",
    "open",
    "lead",
    "join",
    "express",
    "voice",
    "reaffirm",
    "declare",
    "receive",
];

/// Verbs that report, judge or react to an event rather than carry it out.
const REPORTING: &[&str] = &[
    "say",
    "tell",
    "report",
    "describe",
    "call",
    "blame",
    "accuse",
    "welcome",
    "praise",
    "hail",
    "criticize",
    "criticise",
    "respond",
    "react",
    "warn",
    "denounce",
    "deny",
    "confirm",
    "announce",
    "claim",
    "kill",
    "die",
    "injure",
    "wound",
    "flee",
    "displace",
    "end",
    "halt",
    "stop",
    "suspend",
    "follow",
    "prompt",
    "trigger",
    "spark",
    "mark",
    "remember",
    "recall",
];

const RELATIVE: &[&str] = &["which", "who", "that", "whom"];

impl TreeFinder<'_, '_> {
    /// The entity word `w` names as the kind `want`, through relative pronouns (to their
    /// antecedent) and transparent nouns (to their `of`).
    pub(super) fn entity(&self, w: usize, want: ObjectKind, depth: u8) -> Option<usize> {
        if let Some(m) = self.rf.mention(self.s + w) {
            // "forces fighting the government said they had captured": a reported
            // subject pronoun is its reporter, even one that names nothing known
            if m.kind == MentionKind::Pronoun
                && let Some(s) = self.reporter_word(w)
            {
                if let Some(e) = self.reporter(w, want, depth) {
                    return Some(e);
                }
                // a reporter that names nothing known: the pronoun stands for nothing
                self.rf.mention(self.s + s)?;
            }
            // "HTS, whose rebels ...": a side owned by "whose" is the name before it
            if m.kind == MentionKind::Generic
                && let Some(e) = self.whose_owner(w, want)
            {
                return Some(e);
            }
            // "the Iran-backed militia Kataib Hezbollah": a generic side followed at once by
            // a name in apposition is that name
            if m.kind == MentionKind::Generic
                && let Some(e) = self.name_right_after(w, want)
            {
                return Some(e);
            }
            // "a Syrian army checkpoint" is a place, and as an actor its owner's
            let fit = self.rf.fits(m, want);
            if fit.is_some() || want != ObjectKind::Actor || !OWNED.contains(&self.folded(w)) {
                return fit;
            }
        }
        if depth > 2 {
            return None;
        }
        let t = self.tree;
        let word = &t.words[w];
        // "fight al Shabaab": a name's first word ("al") may fall outside its mention while
        // the rest of the name, hung on it by `flat`, is inside
        if let Some(e) = t
            .children(w, "flat")
            .find_map(|f| self.rf.mention(self.s + f))
            .and_then(|m| self.rf.fits(m, want))
        {
            return Some(e);
        }
        if RELATIVE.contains(&word.lemma.as_str())
            && let Some(v) = word.head
            && let Some(a) = t.antecedent_of(v)
        {
            return self.entity(self.described(a), want, depth + 1);
        }
        // ", who ..." whose clause the parser did not hang on its noun: the relative refers
        // to the name just before the comma
        if matches!(word.lemma.as_str(), "who" | "which")
            && let Some(e) = self.before_relative(w, want)
        {
            return Some(e);
        }
        // "condemned what he called an attack by X": a free relative of naming stands for
        // what it names (the parser may hang "by X" on "called")
        if word.lemma == "what"
            && let Some(c) = t.children(w, "acl:relcl").find(|&c| {
                matches!(
                    self.lemma(c),
                    "call" | "term" | "describe" | "label" | "brand"
                )
            })
            && let Some(x) = t.child(c, "obj").or_else(|| t.child(c, "xcomp"))
        {
            let by = || {
                t.children(c, "obl")
                    .find(|&o| t.case_of(o) == Some("by"))
                    .and_then(|o| self.entity(o, want, depth + 1))
            };
            return self.entity(x, want, depth + 1).or_else(|| {
                (want == ObjectKind::Actor && ACTS.contains(&self.lemma(x)))
                    .then(by)
                    .flatten()
            });
        }
        // "his Turkish counterpart, Hakan Fidan": an apposition names the same one
        if matches!(word.upos, Upos::Noun)
            && let Some(e) = t
                .children(w, "appos")
                .find_map(|a| self.entity(a, want, depth + 1))
        {
            return Some(e);
        }
        // "Iraqi government forces", "Hezbollah positions": the name before a head noun
        // that stands for its owner
        // ("Iranian positions": a demonym before an owned noun stands for its state)
        if (TRANSPARENT.contains(&self.folded(w)) || OWNED.contains(&self.folded(w)))
            && let Some(e) = t.dependents(w).find_map(|d| {
                matches!(t.words[d].deprel, "compound" | "nmod:poss" | "amod")
                    .then(|| self.rf.mention(self.s + d))
                    .flatten()
                    .and_then(|m| {
                        if m.kind == MentionKind::Demonym && OWNED.contains(&self.folded(w)) {
                            self.rf.as_actor(m)
                        } else {
                            self.rf.fits(m, want)
                        }
                    })
            })
        {
            return Some(e);
        }
        if TRANSPARENT.contains(&self.folded(w)) || MEMBERS.contains(&self.folded(w)) {
            return self.through_of(w, want, depth).into_iter().next();
        }
        // "condemned Israel's seizure of the crossing", "Russian air strikes helped the
        // army": an act stands for the actor who carries it out
        if want == ObjectKind::Actor && ACTS.contains(&self.lemma(w)) {
            return self.agent_of_act(w).or_else(|| self.earlier_act(w));
        }
        None
    }

    /// The entity named in apposition right after word `w`, with nothing between: "the
    /// Iran-backed militia Kataib Hezbollah".
    pub(super) fn name_right_after(&self, w: usize, want: ObjectKind) -> Option<usize> {
        let t = self.tree;
        t.children(w, "appos").find_map(|a| {
            let first = t.subtree(a).into_iter().min()?;
            (first == w + 1)
                .then(|| self.rf.mention(self.s + a))
                .flatten()
                .filter(|n| n.kind == MentionKind::Named)
                .and_then(|n| self.rf.fits(n, want))
        })
    }

    /// The named actor just before ", whose" when word `w` is owned by that "whose".
    fn whose_owner(&self, w: usize, want: ObjectKind) -> Option<usize> {
        let t = self.tree;
        let whose = t
            .children(w, "nmod:poss")
            .find(|&p| t.words[p].form.eq_ignore_ascii_case("whose"))?;
        if whose < 2 || t.words[whose - 1].form != "," {
            return None;
        }
        // the name may end in a bracketed acronym: "Hayat Tahrir al-Sham (HTS), whose"
        let end = if t.words[whose - 2].form == ")" {
            whose.checked_sub(3)?
        } else {
            whose - 2
        };
        let m = self.rf.mention(self.s + end)?;
        (m.kind == MentionKind::Named)
            .then(|| self.rf.fits(m, want))
            .flatten()
    }

    /// Whether the subject of the trigger at `x` is a pronoun that the tree resolves to a
    /// reporter other than `source`: the window rules' nearest name is then wrong ("France,
    /// which has troops in Niger, says it backs Bazoum" is not Niger's backing).
    pub(super) fn other_speaker(&self, x: usize, source: usize) -> bool {
        let t = self.tree;
        let Some(p) = t.child(x, "nsubj").filter(|&p| {
            t.words[p].upos == Upos::Pron
                || self
                    .rf
                    .mention(self.s + p)
                    .is_some_and(|m| m.kind == MentionKind::Pronoun)
        }) else {
            return false;
        };
        if let Some(e) = self.reporter(p, ObjectKind::Actor, 0) {
            return e != source;
        }
        // a reporter that names no known entity ("Clan forces said they had captured")
        // is still not the name the window rules took
        self.reporter_word(p).is_some_and(|s| {
            self.rf.mention(self.s + s).is_none()
                && !self.phrase(s).iter().any(|&w| self.names(w, source))
        })
    }

    /// The words of the noun phrase headed by `w`, without the clauses inside it
    /// ("forces fighting the government": "forces").
    fn phrase(&self, w: usize) -> Vec<usize> {
        let t = self.tree;
        let mut out = vec![w];
        let mut todo = vec![w];
        while let Some(x) = todo.pop() {
            for d in t.dependents(x) {
                if !matches!(
                    base(t.words[d].deprel),
                    "acl" | "advcl" | "parataxis" | "ccomp"
                ) {
                    out.push(d);
                    todo.push(d);
                }
            }
        }
        out
    }

    /// Whether word `w` is part of a mention of entity `e` (or of a capital standing for
    /// it).
    fn names(&self, w: usize, e: usize) -> bool {
        self.rf
            .mention(self.s + w)
            .is_some_and(|m| m.entity == e || m.alt == Some(e))
    }

    /// The sentence's words that name entity `e`.
    fn words_naming(&self, e: usize) -> Vec<usize> {
        (0..self.tree.words.len())
            .filter(|&w| self.names(w, e))
            .collect()
    }

    /// Whether the window rules took the `by` agent of a passive verb for the subject of
    /// the infinitive it governs: what a passive's infinitive tells is done by what the
    /// passive's subject names, not by its agent ("used drones supplied by Turkey to strike
    /// Tajik positions" is no strike by Turkey).
    pub(super) fn agent_for_subject(&self, x: usize, source: usize) -> bool {
        let t = self.tree;
        let w = &t.words[x];
        // ("to strike": a complement or a purpose)
        let infinitive = w.deprel == "xcomp"
            || (w.deprel == "advcl" && t.children(x, "mark").any(|m| t.words[m].lemma == "to"));
        let Some(h) = w.head.filter(|_| infinitive) else {
            return false;
        };
        let passive = t.child(h, "nsubj:pass").is_some()
            || t.child(h, "aux:pass").is_some()
            || (t.words[h].xpos == "VBN" && t.words[h].deprel == "acl");
        passive
            && t.agent_of(h).is_some_and(|a| {
                let phrase = t.subtree(a);
                self.words_naming(source).iter().any(|n| phrase.contains(n))
            })
    }

    /// Whether the tree shows that the window rules took the wrong source for the passive
    /// verb at `x`: its `by` agent is not the source ("Russian forces backed by the new
    /// arrivals are trying to dislodge the Ukrainians" is no backing by Ukraine).
    pub(super) fn misread_agent(&self, x: usize, source: usize) -> bool {
        let t = self.tree;
        if t.words[x].upos != Upos::Verb {
            return false;
        }
        let sources = self.words_naming(source);
        match t.agent_of(x) {
            Some(a) if !sources.is_empty() => {
                let sub = t.subtree(a);
                !sources.iter().any(|w| sub.contains(w))
            }
            _ => false,
        }
    }

    /// Whether the tree shows that the window rules took the wrong target for the active
    /// verb at `x`: the verb's object names an entity, and `target` is named only outside
    /// the verb's phrase ("troops sent to help Russia, Ukraine's defence minister, Rustem
    /// Umerov, said" is no help to Umerov).
    pub(super) fn misread_object(&self, x: usize, target: usize, pattern: &str) -> bool {
        let t = self.tree;
        // fighting goes both ways: the reverse statement's target is the subject
        let one_way = self.one_way(pattern);
        // a verb with a clause of its own (a subject, an auxiliary or "to"), not a
        // participle the parser may have misread ("allied groups", "the army, led by X")
        let clause = t.child(x, "nsubj").is_some()
            || t.child(x, "aux").is_some()
            || t.children(x, "mark")
                .any(|m| t.words[m].form.eq_ignore_ascii_case("to"));
        if t.words[x].upos != Upos::Verb || !one_way || !clause || t.agent_of(x).is_some() {
            return false;
        }
        let Some(o) = t.child(x, "obj") else {
            return false;
        };
        if self.rf.mention(self.s + o).is_none() {
            return false;
        }
        let targets = self.words_naming(target);
        let phrase = t.subtree(x);
        !targets.is_empty() && !targets.iter().any(|w| phrase.contains(w))
    }

    /// Whether the window rules took for the object of verb `x`, which has an object of its
    /// own, a name that the tree puts inside a clause below the verb: "leads the coalition
    /// fighting the Houthis" does not lead the Houthis, "armed militias that attacked the
    /// army" did not arm the army.
    pub(super) fn in_objects_clause(&self, x: usize, target: usize, pattern: &str) -> bool {
        let t = self.tree;
        if t.words[x].upos != Upos::Verb || t.child(x, "obj").is_none() {
            return false;
        }
        // a phrase with a preposition the trigger takes is its own, hung too low: "pitting
        // X, who heads the council, against Y"
        let trig = self.rf.pat.triggers.iter().find(|g| g.id == pattern);
        let takes = |c: &str| trig.is_some_and(|g| g.takes_prep(&c.to_lowercase()));
        // (or the preposition itself, when the parser made it a head)
        let own_prep = |w: usize| {
            t.case_of(w).is_some_and(takes)
                || (t.words[w].upos == Upos::Adp && takes(&t.words[w].form))
        };
        let clause = |w: usize| {
            t.words[w].upos == Upos::Verb
                && matches!(t.words[w].deprel, "acl" | "acl:relcl" | "advcl")
        };
        let below = t.subtree(x);
        let targets = self.words_naming(target);
        !targets.is_empty()
            && targets.iter().all(|&w| {
                // the words from the name up to the verb, without it
                let path: Vec<usize> = t
                    .path_to_root(w)
                    .into_iter()
                    .take_while(|&k| k != x)
                    .collect();
                below.contains(&w)
                    && path.iter().any(|&k| clause(k))
                    && !path.iter().any(|&k| own_prep(k))
            })
    }

    /// Whether the window rules took for the patient of a passive conjunct ("were armed by
    /// Iran and trained by Hezbollah") a name outside the patient its fellow verb shares.
    pub(super) fn misread_conjunct_patient(&self, x: usize, target: usize) -> bool {
        if !self.passive_conjunct(x) {
            return false;
        }
        let Some(p) = self.patient_of(x) else {
            return false;
        };
        let phrase = self.tree.subtree(p);
        let targets = self.words_naming(target);
        !targets.is_empty() && !targets.iter().any(|w| phrase.contains(w))
    }

    /// Whether the window rules took `target` for the one a participle clause with a `by`
    /// agent tells of, when the tree hangs the clause on a noun whose phrase does not name
    /// `target`: "Tiani met a Russian delegation led by Arkady Belov" is Belov leading the
    /// delegation, not Tiani.
    pub(super) fn misread_patient(&self, x: usize, target: usize) -> bool {
        let t = self.tree;
        let w = &t.words[x];
        if w.upos != Upos::Verb || w.deprel != "acl" || t.agent_of(x).is_none() {
            return false;
        }
        let Some(mut h) = w.head else { return false };
        // "Harakat al-Nujaba, another faction led by X": the noun an apposition describes
        while t.words[h].deprel == "appos"
            && let Some(up) = t.words[h].head
        {
            h = up;
        }
        let clause = t.subtree(x);
        let phrase: Vec<usize> = t
            .subtree(h)
            .into_iter()
            .filter(|k| !clause.contains(k))
            .collect();
        // the noun's phrase names someone else
        let names_other = phrase.iter().any(|&k| {
            self.rf
                .mention(self.s + k)
                .is_some_and(|m| m.entity != target)
        });
        let targets = self.words_naming(target);
        names_other && !targets.is_empty() && !targets.iter().any(|k| phrase.contains(k))
    }

    /// Whether entity `e` is named in the phrase of a verb coordinated after verb `x` (whose
    /// object is `o`) and not in `x`'s own phrase: "held talks with clan elders and urged
    /// them to ...": a verb with an object of its own does not reach into the next one's.
    pub(super) fn in_a_later_verbs_phrase(&self, x: usize, o: usize, e: usize) -> bool {
        let t = self.tree;
        let names = self.words_naming(e);
        let later: Vec<usize> = t
            .children(x, "conj")
            .filter(|&c| c > o && t.words[c].upos == Upos::Verb)
            .flat_map(|c| t.subtree(c))
            .collect();
        // the subject's clauses are not the verb's phrase ("X, who declared war on the
        // militants, held talks ..."); the subject's name is
        let clauses: Vec<usize> = t
            .children(x, "nsubj")
            .flat_map(|n| t.subtree(n))
            .filter(|&w| matches!(t.words[w].deprel, "acl:relcl" | "acl"))
            .flat_map(|w| t.subtree(w))
            .collect();
        let phrase = t.subtree(x);
        let own = |w: &usize| phrase.contains(w) && !later.contains(w) && !clauses.contains(w);
        names.iter().any(|w| later.contains(w)) && !names.iter().any(own)
    }

    /// Whether the window rules took `target` for the one blamed by "blame" at `x` when the
    /// tree lays the blame on someone else: "blamed the Jordan attack on X" is about X.
    pub(super) fn blamed_elsewhere(&self, x: usize, target: usize) -> bool {
        let t = self.tree;
        let on: Vec<usize> = self
            .blamed_on(x)
            .into_iter()
            .flat_map(|d| t.subtree(d))
            .collect();
        !on.is_empty() && !self.words_naming(target).iter().any(|w| on.contains(w))
    }

    /// The "on X" phrases of "blame" at `v` ("blamed the attack on X"), on the verb or hung
    /// by the parser on its object; none for another verb.
    pub(super) fn blamed_on(&self, v: usize) -> Vec<usize> {
        let t = self.tree;
        if self.lemma(v) != "blame" {
            return Vec::new();
        }
        t.dependents(v)
            .flat_map(|d| std::iter::once(d).chain(t.children(d, "nmod")))
            .filter(|&d| self.phrase_with(d, "on"))
            .collect()
    }

    /// Whether word `d` heads a prepositional phrase (`obl` or `nmod`) opened by `case`.
    pub(super) fn phrase_with(&self, d: usize, case: &str) -> bool {
        let t = self.tree;
        matches!(base(t.words[d].deprel), "obl" | "nmod") && t.case_of(d) == Some(case)
    }

    /// Whether the window rules took entity `e` for an argument of the trigger at `x` from
    /// the phrase of a verb coordinated after the trigger's clause: `x` is a verb with a
    /// subject and an object, or the object of one ("held talks with clan elders and urged
    /// them to ...": "them" is not who the talks were with).
    pub(super) fn beyond_its_verb(&self, x: usize, e: usize) -> bool {
        let t = self.tree;
        let w = &t.words[x];
        let (v, o) = match (w.upos, w.head) {
            (Upos::Verb, _) => match t.child(x, "obj") {
                Some(o) => (x, o),
                None => return false,
            },
            (Upos::Noun, Some(h)) if w.deprel == "obj" && t.words[h].upos == Upos::Verb => (h, x),
            _ => return false,
        };
        t.child(v, "nsubj").is_some() && self.in_a_later_verbs_phrase(v, o, e)
    }

    /// Whether the tree shows that the window rules took the wrong source for the active
    /// verb at `x`: `source` is named only inside a relative clause of the verb's subject
    /// ("Fighters of SSC-Khatumo, set up by elders who reject Somaliland's rule, overran
    /// the base" is no capture by Somaliland).
    pub(super) fn misread_subject(&self, x: usize, source: usize, pattern: &str) -> bool {
        let t = self.tree;
        if t.words[x].upos != Upos::Verb || !self.one_way(pattern) || t.agent_of(x).is_some() {
            return false;
        }
        let sources = self.words_naming(source);
        let mut clauses = self.subject_clauses(x, &["nsubj"]);
        // "ousted Assad and now control Damascus": the object of the verb before is not
        // the subject of its conjunct
        if t.words[x].deprel == "conj"
            && t.child(x, "nsubj").is_none()
            && let Some(h) = t.words[x].head
        {
            // (nor anyone its phrases name: "blamed sponsors for arming the militants and
            // accused France")
            // (a passive's agent may hang on its fellow: "trained and armed by Iran")
            for d in t.dependents(h) {
                if d != x
                    && !matches!(base(t.words[d].deprel), "nsubj" | "csubj" | "conj")
                    && t.case_of(d) != Some("by")
                {
                    clauses.extend(self.phrase_without_clauses(d));
                }
            }
        }
        !sources.is_empty() && sources.iter().all(|w| clauses.contains(w))
    }

    /// The words of the relative clauses inside the subjects of verb `x`, its dependents
    /// labelled one of `labels` ("the ADF, which began as a rebel movement, ...").
    fn subject_clauses(&self, x: usize, labels: &[&str]) -> Vec<usize> {
        let t = self.tree;
        t.dependents(x)
            .filter(|&n| labels.contains(&t.words[n].deprel))
            .flat_map(|n| t.subtree(n))
            .filter(|&w| t.words[w].deprel == "acl:relcl")
            .flat_map(|w| t.subtree(w))
            .collect()
    }

    /// Whether every word naming entity `e` sits in a relative clause inside the subject
    /// of verb `x` (active or passive): "The ADF, which began as a rebel movement, is led
    /// by X" makes X lead the ADF, not the rebels the clause names.
    pub(super) fn in_subjects_clause(&self, x: usize, e: usize) -> bool {
        if self.tree.words[x].upos != Upos::Verb {
            return false;
        }
        let clauses = self.subject_clauses(x, &["nsubj", "nsubj:pass"]);
        let names = self.words_naming(e);
        !clauses.is_empty() && !names.is_empty() && names.iter().all(|w| clauses.contains(w))
    }

    /// Whether the window rules took a name in a prepositional phrase of a verb above the
    /// trigger at `x` for the trigger's subject, while the tree gives the trigger a subject
    /// naming another actor: "Kenya sent troops into Somalia to fight al Shabaab" is
    /// Kenya's fight, not Somalia's. Checked for `end`, the statement's source (or either
    /// end when the trigger goes both ways).
    pub(super) fn oblique_for_subject(&self, x: usize, end: usize) -> bool {
        let t = self.tree;
        if t.words[x].upos != Upos::Verb || t.agent_of(x).is_some() {
            return false;
        }
        let Some(subject) = self.subjects(x) else {
            return false;
        };
        let named = self.words_naming(end);
        let subject_phrase = t.subtree(subject);
        if named.is_empty()
            || named.iter().any(|w| subject_phrase.contains(w))
            || self
                .entity(subject, ObjectKind::Actor, 0)
                .is_none_or(|e| e == end)
        {
            return false;
        }
        // the prepositional phrases of the verbs the trigger's clause hangs on
        let mut obliques = Vec::new();
        let mut v = x;
        while matches!(t.words[v].deprel, "xcomp" | "advcl" | "conj")
            && let Some(h) = t.words[v].head
        {
            // ("sent troops into Somalia": the phrase may hang on the verb's object)
            let objects = t.children(h, "obj").flat_map(|o| t.children(o, "nmod"));
            for o in t.children(h, "obl").chain(objects) {
                if t.case_of(o).is_some() && o != v && t.child(o, "acl").is_none() {
                    obliques.extend(self.phrase_without_clauses(o));
                }
            }
            v = h;
        }
        named.iter().all(|w| obliques.contains(w))
    }

    /// The words of the phrase of `d`, without those under a preposition that usually
    /// opens a clause ("after police stormed ...", which the parser may read as a phrase
    /// "after police" with a verb beside it).
    fn phrase_without_clauses(&self, d: usize) -> Vec<usize> {
        let t = self.tree;
        let opens = |w: usize| {
            matches!(
                t.case_of(w),
                Some("after" | "before" | "since" | "until" | "as" | "while")
            )
        };
        let phrase = t.subtree(d);
        let cut: Vec<usize> = phrase
            .iter()
            .filter(|&&w| opens(w))
            .flat_map(|&w| t.subtree(w))
            .collect();
        phrase.into_iter().filter(|w| !cut.contains(w)).collect()
    }

    /// Whether trigger `pattern` states its relation one way only (fighting goes both ways).
    pub(super) fn one_way(&self, pattern: &str) -> bool {
        self.rf
            .pat
            .triggers
            .iter()
            .any(|g| g.id == pattern && !g.both_ways)
    }

    /// Whether the window rules read a hyphenated adjective at `x` ("Kurdish-held") as
    /// describing `target` when the tree shows it describes another noun: "a Kurdish-held
    /// town on the road to Erbil" says nothing of Erbil.
    pub(super) fn adjective_elsewhere(&self, x: usize, target: usize) -> bool {
        let t = self.tree;
        if x < 2 || t.words[x - 1].form != "-" {
            return false;
        }
        let Some(h) = t.words[x].head.filter(|&h| h > x) else {
            return false;
        };
        let names = |w: usize| self.names(w, target);
        if names(h) {
            return false;
        }
        // "Altun Kupri, a Kurdish-held town": the noun describes the name it follows
        let hw = &t.words[h];
        // and "the Iran-backed militia Kataib Hezbollah": the name that follows it
        let described = (hw.deprel == "appos" && hw.head.is_some_and(names))
            || t.child(h, "nsubj").is_some_and(names)
            || t.dependents(h).any(|d| {
                matches!(
                    t.words[d].deprel,
                    "appos" | "flat" | "compound" | "nmod:desc"
                ) && d > h
                    && names(d)
            });
        !described && hw.upos == Upos::Noun
    }

    /// "France says it recognises Bazoum": the subject pronoun of a clause that a verb
    /// reports is that verb's subject, when it names a `want` of the same number.
    fn reporter(&self, w: usize, want: ObjectKind, depth: u8) -> Option<usize> {
        let s = self.reporter_word(w)?;
        if self
            .rf
            .mention(self.s + s)
            .is_some_and(|m| m.kind == MentionKind::Pronoun)
        {
            return None;
        }
        self.entity(s, want, depth + 1)
    }

    /// The subject of the reporting verb whose reported clause has pronoun `w` as its
    /// subject, when the two agree in number ("forces said they had captured").
    fn reporter_word(&self, w: usize) -> Option<usize> {
        let t = self.tree;
        let word = &t.words[w];
        let plural = match word.lemma.as_str() {
            "it" | "he" | "she" => false,
            "they" => true,
            _ => return None,
        };
        if base(word.deprel) != "nsubj" {
            return None;
        }
        let v = word.head?;
        let h = t.words[v].head?;
        // "Belgrade does not recognise the move, and it supports Serb List": the subject
        // of a clause coordinated after another is that clause's subject
        let coordinated = t.words[v].deprel == "conj" && t.words[h].upos == Upos::Verb;
        if !coordinated && (t.words[v].deprel != "ccomp" || !REPORTING.contains(&self.lemma(h))) {
            return None;
        }
        let s = t.child(h, "nsubj").filter(|&s| s != w)?;
        // "they" stands for a plural noun, "it" for a singular one or a name
        let sw = &t.words[s];
        (plural == (sw.upos == Upos::Noun && sw.form.ends_with('s'))).then_some(s)
    }

    /// "condemned the attack", "denounced this takeover": an act named as known, without
    /// its agent, is the document's main act of force told so far, whoever did it.
    fn earlier_act(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        let definite = t
            .children(n, "det")
            .any(|d| matches!(self.folded(d), "the" | "this" | "that"));
        match self.rf.last_attack.as_slice() {
            [a] if definite => Some(*a),
            _ => None,
        }
    }

    /// The name a relative pronoun at `w` follows, with or without a comma between ("Al
    /// Qaeda, whose leader ...", "Maduro, who has ..."), when it names a `want`.
    pub(super) fn before_relative(&self, w: usize, want: ObjectKind) -> Option<usize> {
        let mut k = w.checked_sub(1)?;
        if self.tree.words[k].form == "," {
            k = k.checked_sub(1)?;
        }
        self.rf
            .mention(self.s + k)
            .and_then(|m| self.rf.fits(m, want))
    }

    /// Who carries out the act noun `n`: its possessor or the name or demonym that
    /// modifies it ("Israel's seizure", "the Israeli strikes"), or its `by` phrase ("the
    /// attack by the BLA").
    pub(super) fn agent_of_act(&self, n: usize) -> Option<usize> {
        let t = self.tree;
        let own = t.dependents(n).find_map(|d| match t.words[d].deprel {
            "nmod:poss" | "compound" | "amod" => self.rf.mention(self.s + d).and_then(|m| {
                self.rf
                    .as_actor(m)
                    .or((m.kind == MentionKind::Demonym).then_some(m.entity))
            }),
            "nmod" if t.case_of(d) == Some("by") => self.entity(d, ObjectKind::Actor, 0),
            _ => None,
        });
        // "condemned the strikes by X": an active verb has no agent, so a `by` phrase the
        // parser hung on it belongs to its object
        own.or_else(|| {
            let w = &t.words[n];
            let h = w.head.filter(|_| w.deprel == "obj")?;
            if t.child(h, "aux:pass").is_some() {
                return None;
            }
            t.dependents(h)
                .find(|&d| base(t.words[d].deprel) == "obl" && t.case_of(d) == Some("by") && d > n)
                .and_then(|d| self.entity(d, ObjectKind::Actor, 0))
        })
    }

    /// What a transparent noun's `of` (or `over`) names, its conjuncts included: "control of
    /// the monastery and the village of Banjska".
    pub(super) fn through_of(&self, w: usize, want: ObjectKind, depth: u8) -> Vec<usize> {
        let t = self.tree;
        let mut out = Vec::new();
        for n in t.children(w, "nmod") {
            if !matches!(t.case_of(n), Some("of" | "over")) {
                continue;
            }
            for x in std::iter::once(n).chain(t.conjuncts(n)) {
                if let Some(e) = self.entity(x, want, depth + 1)
                    && !out.contains(&e)
                {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The places a common place noun stands for: its `of` ("the town of Manbij"), or the
    /// name it is in apposition to ("Altun Kupri, a town on the road to Erbil").
    pub(super) fn place_described(&self, h: usize) -> Vec<usize> {
        let t = self.tree;
        if !TRANSPARENT.contains(&self.folded(h)) {
            return Vec::new();
        }
        let named = self.through_of(h, ObjectKind::Place, 0);
        if !named.is_empty() {
            return named;
        }
        let w = &t.words[h];
        match w.head {
            Some(a) if w.deprel == "appos" => {
                self.entity(a, ObjectKind::Place, 0).into_iter().collect()
            }
            _ => Vec::new(),
        }
    }

    /// The first member of a list that `x` opens or heads: `x` itself when "including" is
    /// its `case` ("allies, including A and B"), or the object of `x` when `x` is the
    /// participle "including" attached as a clause (`acl`/`advcl`) to what it lists from.
    pub(super) fn listed_by(&self, x: usize) -> Option<usize> {
        let t = self.tree;
        if t.child(x, "case")
            .is_some_and(|c| self.folded(c) == "including")
        {
            return Some(x);
        }
        (self.folded(x) == "including" && matches!(t.words[x].deprel, "acl" | "advcl"))
            .then(|| t.child(x, "obj"))
            .flatten()
    }

    /// The entities word `w` and its conjuncts name, and the members it lists ("capitals,
    /// including Kandahar and Herat").
    pub(super) fn entities(&self, w: usize, want: ObjectKind) -> Vec<usize> {
        let t = self.tree;
        let mut out = Vec::new();
        let listed = t
            .subtree(w)
            .into_iter()
            .filter(|&x| x != w)
            .flat_map(|x| self.listed_by(x))
            .collect::<Vec<_>>();
        let mut words: Vec<usize> = std::iter::once(w).chain(t.conjuncts(w)).collect();
        // "armed groups, including ARSA, fought ...": the members named stand for a side
        // the sentence names only by a common noun
        let generic = |x: usize| {
            self.rf
                .mention(self.s + x)
                .is_some_and(|m| m.kind == MentionKind::Generic)
        };
        if !listed.is_empty() && generic(w) {
            words.retain(|&x| x != w);
        }
        for x in listed {
            words.push(x);
            words.extend(t.conjuncts(x));
        }
        // "diplomats from China and ASEAN": the people of an owner stand for it
        let from = |x: usize| -> Vec<usize> {
            if !OWNED.contains(&self.folded(x)) {
                return Vec::new();
            }
            t.children(x, "nmod")
                .filter(|&n| t.case_of(n) == Some("from"))
                .flat_map(|n| std::iter::once(n).chain(t.conjuncts(n)))
                .collect()
        };
        let mut owned_from = Vec::new();
        words.retain(|&x| {
            let owners = from(x);
            let keep = owners.is_empty();
            owned_from.extend(owners);
            keep
        });
        // ("from China" reads China as a place; its people are the state's)
        for x in owned_from {
            if let Some(e) = self
                .rf
                .mention(self.s + x)
                .and_then(|m| self.rf.as_actor(m))
                .filter(|_| want == ObjectKind::Actor)
                && !out.contains(&e)
            {
                out.push(e);
            }
        }
        // "his counterparts, A and B": a common noun's apposition names every conjunct
        let appositives: Vec<usize> = words
            .iter()
            .filter(|&&x| t.words[x].upos == Upos::Noun && self.rf.mention(self.s + x).is_none())
            .flat_map(|&x| t.children(x, "appos").flat_map(|a| t.conjuncts(a)))
            .collect();
        words.extend(appositives);
        for x in words {
            let owners = self.owners(x);
            let found = match self.entity(x, want, 0) {
                Some(_) if owners.len() >= 2 => owners,
                Some(e) => vec![e],
                None if TRANSPARENT.contains(&self.folded(x)) => self.through_of(x, want, 0),
                None => Vec::new(),
            };
            for e in found {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The name that common noun `h` describes, when a clause hangs on the noun: "the
    /// MNJTF, a force that fights Boko Haram" (apposition) and "the MNJTF is a force that
    /// fights Boko Haram" (predicate) tell of the MNJTF. Otherwise `h` itself.
    pub(super) fn described(&self, h: usize) -> usize {
        let t = self.tree;
        let word = &t.words[h];
        let named = |x: usize| self.rf.mention(self.s + x).is_some();
        if word.upos != Upos::Noun || named(h) {
            return h;
        }
        if word.deprel == "appos"
            && let Some(x) = word.head
            && named(x)
        {
            return x;
        }
        match t.child(h, "nsubj") {
            Some(n) if t.child(h, "cop").is_some() && named(n) => n,
            _ => h,
        }
    }

    /// The subject word of predicate `v`: its own (active) subject, or the one it inherits
    /// from the word it depends on.
    pub(super) fn subjects(&self, mut v: usize) -> Option<usize> {
        let t = self.tree;
        for _ in 0..6 {
            if let Some(n) = t
                .children(v, "nsubj")
                .find(|&n| t.words[n].deprel == "nsubj")
            {
                return Some(n);
            }
            if t.child(v, "nsubj:pass").is_some() {
                return None;
            }
            let w = &t.words[v];
            let h = w.head?;
            match w.deprel {
                "acl:relcl" | "acl" => return Some(self.described(h)),
                // "helped X retake": the object controls; "vowed to crush": the subject
                "xcomp" => {
                    if let Some(o) = t.child(h, "obj") {
                        return Some(o);
                    }
                    v = h;
                }
                // "blamed India for backing X", "praised Y for standing by X": the object
                // of the verb is who did what the gerund says
                "advcl" if self.judged_act(v) => {
                    if let Some(o) = t.child(h, "obj") {
                        return Some(o);
                    }
                    v = h;
                }
                "conj" | "advcl" => v = h,
                _ => return None,
            }
        }
        None
    }

    /// Whether `v` is a gerund after "for" or "of" ("blamed India for backing X",
    /// "accused Y of arming X"): the act a verb of judging credits to its object.
    pub(super) fn judged_act(&self, v: usize) -> bool {
        let t = self.tree;
        t.words[v].xpos == "VBG"
            && t.dependents(v).any(|d| {
                let form = &t.words[d].form;
                matches!(base(t.words[d].deprel), "mark" | "case")
                    && (form.eq_ignore_ascii_case("for") || form.eq_ignore_ascii_case("of"))
            })
    }

    /// The source of a noun trigger: possessor, a name or demonym before it, `by X`, or the
    /// subject of the verb it is the object of.
    pub(super) fn noun_source(&self, n: usize) -> Vec<usize> {
        let t = self.tree;
        if let Some(e) = self.agent_of_act(n) {
            return vec![e];
        }
        let w = &t.words[n];
        if w.deprel == "obj"
            && let Some(h) = w.head
            && LIGHT_VERBS.contains(&self.lemma(h))
            && let Some(s) = self.subjects(h)
        {
            return self.entities(s, ObjectKind::Actor);
        }
        // "the Taliban swept the country in a lightning offensive against government
        // forces": an event told as a circumstance of a clause is its subject's, unless the
        // clause judges or reports it ("condemned the attack on X")
        let mut x = n;
        for step in 0..3 {
            let w = &t.words[x];
            let Some(h) = w.head else { break };
            // (a noun phrase between may be the verb's object: "stormed the town after
            // weeks of attacks on X")
            if !matches!(base(w.deprel), "obl" | "nmod") && (step == 0 || w.deprel != "obj") {
                break;
            }
            if t.words[h].upos == Upos::Verb {
                if REPORTING.contains(&self.lemma(h))
                    || (self.is_trigger(h) && !self.is_fighting(h))
                {
                    break;
                }
                if let Some(s) = self.subjects(h) {
                    return self.entities(s, ObjectKind::Actor);
                }
                break;
            }
            x = h;
        }
        Vec::new()
    }

    /// The states and groups that the modifiers of an owned noun name, with their
    /// conjuncts: "Russian and North Korean entities", "Hezbollah and Iranian positions".
    fn owners(&self, w: usize) -> Vec<usize> {
        let t = self.tree;
        // a word of a name ("Sudan's Rapid Support Forces") names that name's entity; a
        // state's or person's forces ("Tajik forces") are no name of their own
        let named = self.rf.inside_name(self.s + w).is_some_and(|m| {
            let e = &self.rf.entities[m.entity];
            e.of.is_none() && e.name.to_lowercase().contains(self.folded(w))
        });
        if !OWNED.contains(&self.folded(w)) || named {
            return Vec::new();
        }
        let mut out = Vec::new();
        for d in t.dependents(w) {
            if !matches!(t.words[d].deprel, "compound" | "amod" | "nmod:poss") {
                continue;
            }
            for x in std::iter::once(d).chain(t.conjuncts(d)) {
                if let Some(e) = self
                    .rf
                    .mention(self.s + x)
                    .and_then(|m| self.rf.as_actor(m))
                    && !out.contains(&e)
                {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Whether word `w` is a form of any trigger.
    pub(super) fn is_trigger(&self, w: usize) -> bool {
        self.rf.pat.forms_at(self.window(w)).next().is_some()
    }

    /// Whether word `w` is a verb of fighting or taking ground, whose subject also carries
    /// out the campaign told around it ("stormed the town after weeks of attacks on X"),
    /// unlike a verb that judges one ("condemned Israel over the strikes on X").
    fn is_fighting(&self, w: usize) -> bool {
        let pat = self.rf.pat;
        let mut forms = pat.forms_at(self.window(w)).peekable();
        forms.peek().is_some()
            && forms.all(|f| {
                let trig = &pat.triggers[f.trigger];
                trig.relation == Relation::Controls
                    || matches!(
                        trig.id.as_str(),
                        "opposes/attack" | "opposes/fight" | "opposes/fire-at"
                    )
            })
    }
}
