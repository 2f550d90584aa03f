//! Traps on the tree: what makes a statement not a fact (negation, modals, conditions,
//! complements of denial, fear, refusal and loss, effort for control claims, "once"),
//! window readings the tagger contradicts, "call" that names, and leader titles that are
//! not the top office or belong to the dead.

use super::super::patterns::Form;
use super::super::relations::LEADER_NEG;
use super::{TreeFinder, base};
use crate::model::Relation;
use crate::syntax::labels::Upos;

/// Lemmas whose complement is not a statement of fact.
const BLOCKING: &[&str] = &[
    "deny",
    "refuse",
    "decline",
    "fail",
    "fear",
    "reject",
    "doubt",
    "dismiss",
    "accuse",
    "allege",
    "hope",
    "want",
    "wish",
    "seek",
    "try",
    "attempt",
    "bid",
    "ambition",
    "desire",
    "intention",
    "call",
    "urge",
    "demand",
    "ask",
    "unlikely",
    "unable",
    "ready",
    "willing",
    "likely",
    "lose",
    "cede",
    "relinquish",
    "abandon",
    "rumor",
    "rumour",
    "claim",
    "consider",
    "question",
    "propose",
    "offer",
    "threat",
    "plan",
    "arrange",
    "organize",
    "organise",
    "work",
    "prevent",
    "avoid",
    "stop",
    "charge",
    "accusation",
    "allegation",
    "suspicion",
    "speculation",
    "possibility",
    "prospect",
];

/// Lemmas of effort and intent: what they govern has not happened yet. They block control
/// claims ("vowed to retake"), not the hostility or support they express.
const EFFORT: &[&str] = &[
    "vow", "threaten", "aim", "push", "fight", "struggle", "battle", "race", "move", "prepare",
    "intend", "expect", "pledge", "promise", "advance", "head", "march",
];

/// Lemmas of leaving a place: a holder that leaves no longer holds it.
const LEAVING: &[&str] = &[
    "withdraw", "retreat", "flee", "leave", "abandon", "evacuate", "quit", "vacate",
];

/// Verbs by which a holder gives a place up: what it held before, it holds no more.
const GIVING_UP: &[&str] = &["hand", "cede", "surrender", "abandon", "lose", "return"];

/// Nouns for the ground a holder gives up ("handed their positions over").
const HELD_GROUND: &[&str] = &[
    "position",
    "control",
    "town",
    "city",
    "village",
    "base",
    "area",
    "territory",
    "post",
];

/// Verbs that end what their object names: backing ended ("left its alliance with
/// France", "ended its support for X") is no backing.
const ENDING: &[&str] = &[
    "leave",
    "quit",
    "exit",
    "end",
    "dissolve",
    "scrap",
    "terminate",
    "suspend",
    "cancel",
    "abandon",
    "renounce",
    "withdraw",
];

/// Nouns that sum up what a sentence told as someone's claim ("..., a claim X denied").
const DISPUTED: &[&str] = &[
    "claim",
    "allegation",
    "accusation",
    "charge",
    "assertion",
    "account",
    "report",
];

/// Nouns of a span of time: "for five months".
const DURATION: &[&str] = &[
    "hour", "day", "week", "month", "year", "decade", "century", "while",
];

/// Lemmas of saying and charging: what a disputed claim is made by.
const SAYING: &[&str] = &[
    "say", "claim", "report", "tell", "announce", "state", "accuse", "allege", "charge", "blame",
    "condemn",
];

/// Lemmas that dispute such a claim.
const DISPUTING: &[&str] = &["deny", "reject", "dismiss", "refute", "dispute", "contest"];

const MODALS: &[&str] = &["could", "would", "might", "may", "should", "can", "must"];

/// Adjectives that make a title a lesser office.
const NARROWING: &[&str] = &[
    "deputy",
    "assistant",
    "vice",
    "regional",
    "local",
    "senior",
    "military",
    "media",
    "political",
];

/// Lemmas that say a leader is dead or replaced.
const GONE: &[&str] = &[
    "kill",
    "assassinate",
    "slay",
    "eliminate",
    "die",
    "death",
    "funeral",
    "mourn",
    "bury",
    "succeed",
    "replace",
    "predecessor",
    "assassination",
    "killing",
];

impl TreeFinder<'_, '_> {
    /// The year before the document's that the verb at `v` is dated to ("took control of
    /// the city in 2014", told in 2017).
    pub(super) fn earlier_year_of(&self, v: usize) -> Option<i32> {
        let t = self.tree;
        t.dependents(v).find_map(|d| {
            (matches!(base(t.words[d].deprel), "obl" | "nmod") && t.case_of(d) == Some("in"))
                .then(|| self.earlier_year(d))
                .flatten()
        })
    }

    /// Word `d` as a year before the document's.
    fn earlier_year(&self, d: usize) -> Option<i32> {
        let form = self.tree.words[d].form.as_str();
        if form.len() != 4 || !form.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y = form.parse::<i32>().ok()?;
        self.rf
            .year
            .filter(|now| (1900..*now).contains(&y))
            .map(|_| y)
    }

    /// Whether anything in the tree makes the statement at `x` not a fact.
    pub(super) fn blocked(&self, x: usize, rel: Relation) -> bool {
        self.blocked_within(x, rel, 8)
            || self.disputed(x)
            || (rel == Relation::Controls
                && (self.bounded_past(x)
                    || self.left_since(x)
                    || self.given_up(x)
                    || self.left_after(x)))
            || (rel == Relation::Supports && self.ended(x))
    }

    /// Whether what the sentence tells before a closing ", a claim X denied" (or "an
    /// allegation it rejected") is that disputed claim: "Police said TTP fighters had
    /// joined the gunmen, a claim the TTP denied."
    fn disputed(&self, x: usize) -> bool {
        let t = self.tree;
        // a relative clause tells what is known of its antecedent, not the claim; a
        // speech act or accusation is the claim's making, not its content ("X accused Y of
        // ethnic cleansing, a charge Y denies")
        if t.path_to_root(x)
            .iter()
            .any(|&w| t.words[w].deprel == "acl:relcl")
            || SAYING.contains(&self.lemma(x))
        {
            return false;
        }
        (x + 2..t.words.len()).any(|c| {
            t.words[c - 1].upos == Upos::Det
                && t.words[c - 2].form == ","
                && DISPUTED.contains(&self.lemma(c))
                && t.dependents(c)
                    .any(|r| t.words[r].deprel == "acl:relcl" && DISPUTING.contains(&self.lemma(r)))
        })
    }

    /// Whether the control told by verb `x` is a past episode with a length: "occupied
    /// Marawi for five months in 2017", "ruled Montenegro for three decades until it lost
    /// power". A simple past with "for" a span of time has ended; "has held the town for
    /// two years" has not.
    fn bounded_past(&self, x: usize) -> bool {
        let t = self.tree;
        let w = &t.words[x];
        w.upos == Upos::Verb
            && w.xpos == "VBD"
            && !t.children(x, "aux").any(|a| self.lemma(a) == "have")
            && t.children(x, "obl")
                .any(|o| t.case_of(o) == Some("for") && DURATION.contains(&self.lemma(o)))
    }

    /// Whether the backing noun at `x` is the object of a verb that ends it.
    fn ended(&self, x: usize) -> bool {
        let t = self.tree;
        // "defence pact": the head of a compound trigger
        let x = match t.words[x].head {
            Some(h) if t.words[x].deprel == "compound" => h,
            _ => x,
        };
        let w = &t.words[x];
        matches!(w.upos, Upos::Noun | Upos::Propn)
            && base(w.deprel) == "obj"
            && w.head.is_some_and(|h| ENDING.contains(&self.lemma(h)))
    }

    /// Whether the control told at `x` is a past state that the sentence ends: a relative
    /// clause in the past perfect whose antecedent then leaves ("The rebels, who had run
    /// the town since 2012, withdrew into the mountains").
    fn left_since(&self, x: usize) -> bool {
        let t = self.tree;
        let w = &t.words[x];
        let past_perfect = t
            .children(x, "aux")
            .any(|a| t.words[a].form.eq_ignore_ascii_case("had"));
        if w.deprel != "acl:relcl" || !past_perfect {
            return false;
        }
        let Some(antecedent) = w.head else {
            return false;
        };
        let a = &t.words[antecedent];
        base(a.deprel) == "nsubj"
            && a.head.is_some_and(|v| {
                LEAVING.contains(&self.lemma(v))
                    || t.children(v, "conj")
                        .any(|c| LEAVING.contains(&self.lemma(c)))
            })
    }

    /// Whether the control told by verb `x` ends in the same sentence by its holder's own
    /// later act: a conjunct verb with no subject of its own that hands the place on, gives
    /// it up or loses it ("Wagner's fighters captured Bakhmut in May, and handed their
    /// positions there over to regular Russian troops").
    fn given_up(&self, x: usize) -> bool {
        let t = self.tree;
        // what is given up is the place: a pronoun, a word for held ground, "over"
        let place_given = |c: usize| {
            t.dependents(c).any(|d| {
                let w = &t.words[d];
                (w.deprel == "obj"
                    && (w.upos == Upos::Pron || HELD_GROUND.contains(&self.lemma(d))))
                    || matches!(w.lemma.as_str(), "over" | "back")
            })
        };
        t.children(x, "conj").any(|c| {
            t.words[c].upos == Upos::Verb
                && GIVING_UP.contains(&self.lemma(c))
                && t.subject_of(c).is_none()
                && place_given(c)
        })
    }

    /// Whether the control told by verb `x` was only for a while: "briefly seized the
    /// town", "seized the town before withdrawing", "captured Kidal and withdrew two days
    /// later" (a leaving verb of the same subject that leaves no other place named).
    /// "After withdrawing from Gao, they seized Kidal" still holds Kidal.
    fn left_after(&self, x: usize) -> bool {
        let t = self.tree;
        if t.children(x, "advmod").any(|a| self.lemma(a) == "briefly") {
            return true;
        }
        // what the leaving verb leaves, if it names a place of its own: not the same one
        let leaves_elsewhere = |c: usize| {
            t.dependents(c).any(|d| {
                let w = &t.words[d];
                matches!(base(w.deprel), "obj" | "obl")
                    && w.upos == Upos::Propn
                    && matches!(t.case_of(d), None | Some("from"))
            })
        };
        let leaving = |c: usize| LEAVING.contains(&self.lemma(c)) && !leaves_elsewhere(c);
        t.children(x, "advcl").any(|c| {
            leaving(c)
                && t.children(c, "mark")
                    .any(|m| matches!(self.lemma(m), "before" | "then"))
        }) || t
            .children(x, "conj")
            .any(|c| t.words[c].upos == Upos::Verb && leaving(c) && t.subject_of(c).is_none())
    }

    /// [`Self::blocked`] looking at most `steps` words up from `x` (1: `x`'s own words).
    fn blocked_within(&self, x: usize, rel: Relation, steps: usize) -> bool {
        let t = self.tree;
        let mut v = x;
        // the word reached is a fellow conjunct of the one before, not its governor
        let mut fellow = false;
        // "is considering designating X a terrorist group": deliberation, not a judgement
        if self.lemma(x) == "consider"
            && t.children(x, "xcomp")
                .any(|c| t.words[c].upos == Upos::Verb)
        {
            return true;
        }
        for step in 0..steps {
            for d in t.dependents(v).filter(|_| !fellow) {
                let dw = &t.words[d];
                let lemma = dw.lemma.as_str();
                let hit = match base(dw.deprel) {
                    "advmod" | "det" => {
                        matches!(lemma, "not" | "never" | "no" | "n't")
                            || (rel != Relation::Opposes
                                && matches!(lemma, "once" | "formerly" | "previously"))
                            // "no longer", "no more": a state that has ended
                            || ((dw.form.eq_ignore_ascii_case("longer")
                                || dw.form.eq_ignore_ascii_case("more"))
                                && t.children(d, "advmod")
                                    .any(|n| t.words[n].form.eq_ignore_ascii_case("no")))
                    }
                    "aux" => MODALS.contains(&lemma),
                    // "once Moscow's closest ally": the tagger may read "once" as a
                    // conjunction; on a noun it still means "formerly" (on a clause it
                    // means "as soon as": "once the town fell, Russia ...")
                    "mark" | "case"
                        if rel != Relation::Opposes
                            && lemma == "once"
                            && matches!(t.words[v].upos, Upos::Noun | Upos::Propn) =>
                    {
                        true
                    }
                    "mark" => matches!(lemma, "if" | "unless" | "whether" | "without"),
                    // "its last commander": the office has ended with the group
                    "amod" => {
                        rel != Relation::Opposes
                            && (LEADER_NEG.contains(&lemma)
                                || (lemma == "last" && rel == Relation::Controls))
                    }
                    _ => false,
                };
                if hit {
                    return true;
                }
            }
            let lemma = self.lemma(v);
            if step > 0
                && !fellow
                && (BLOCKING.contains(&lemma)
                    || self.rules_out(v)
                    || (rel == Relation::Controls && EFFORT.contains(&lemma)))
            {
                return true;
            }
            let w = &t.words[v];
            let Some(h) = w.head else { break };
            if self.infinitive_of_blocking_noun(v, h) {
                return true;
            }
            // "blamed India for backing the militants": what the gerund says is the charge,
            // not a fact ("blamed the attack on X" still tells of an attack)
            if w.deprel == "advcl" && self.judged_act(v) && self.lemma(h) == "blame" {
                return true;
            }
            // complement clauses reach their governing verb, and a noun the verb or noun it
            // is an argument of; adverbial and relative clauses and coordination do not
            // (the parser attaches them least reliably)
            let noun = matches!(w.upos, Upos::Noun | Upos::Propn);
            let climbs = match w.deprel {
                "xcomp" | "ccomp" | "csubj" | "acl" => true,
                // "the charge that it backs X": a clause with "that" as a mark is the noun's
                // content, whatever the parser calls it
                "acl:relcl" => t.children(v, "mark").next().is_some(),
                // "failed to take control": an infinitive without a subject is the verb's
                // complement even when the parser calls it an adverbial clause
                "advcl" => {
                    (t.children(v, "mark")
                        .any(|m| t.words[m].form.eq_ignore_ascii_case("to"))
                        || self.judged_act(v)
                        || self.gerund_complement(v, h))
                        && t.child(v, "nsubj").is_none()
                }
                "obj" | "iobj" | "obl" | "nmod" | "nsubj:pass" => noun,
                // a verb coordinated without a subject of its own shares its conjunct's
                // governor ("denied arming the Houthis and funding Hezbollah"); a gerund
                // hung on a finite verb is that verb's complement misread ("accuses Algeria
                // of harbouring and arming the rebels")
                "conj" => {
                    (w.upos == Upos::Verb
                        && t.child(v, "nsubj").is_none()
                        && t.child(v, "nsubj:pass").is_none())
                        // a noun shares its first conjunct's role: "accused Israel and
                        // the United States of backing X" (the gerund hung on the second)
                        || noun
                }
                _ => false,
            };
            if !climbs {
                break;
            }
            let gerund_under_finite = w.form.ends_with("ing") && !t.words[h].form.ends_with("ing");
            fellow = w.deprel == "conj" && !gerund_under_finite;
            v = h;
        }
        false
    }

    /// Whether the infinitive `v`, hung on verb `h`, follows `h`'s object, a noun of effort
    /// or refusal, and so completes that noun: "renewed its bid to join the European Union"
    /// (the parser reads the infinitive as the verb's purpose).
    fn infinitive_of_blocking_noun(&self, v: usize, h: usize) -> bool {
        let t = self.tree;
        t.words[v].deprel == "advcl"
            && t.children(v, "mark")
                .any(|m| m + 1 == v && t.words[m].form.eq_ignore_ascii_case("to"))
            && t.child(h, "obj")
                .is_some_and(|o| o + 2 == v && BLOCKING.contains(&self.lemma(o)))
    }

    /// Whether the gerund `v`, read as an adverbial clause of `h`, follows `h` with nothing
    /// between but its particle or adverbs and no conjunction of its own: the verb's object
    /// misread ("ruled out joining any alliance", "avoided naming the group").
    fn gerund_complement(&self, v: usize, h: usize) -> bool {
        let t = self.tree;
        h < v
            && t.words[v].xpos == "VBG"
            && t.children(v, "mark").next().is_none()
            && (h + 1..v).all(|k| {
                t.words[k].head == Some(h) && matches!(t.words[k].deprel, "compound:prt" | "advmod")
            })
    }

    /// Whether word `v` is "rule out" ("has ruled out negotiations with X"): a refusal, while
    /// "rule" alone governs ("ruled the country").
    fn rules_out(&self, v: usize) -> bool {
        self.lemma(v) == "rule"
            && self
                .tree
                .children(v, "compound:prt")
                .any(|p| self.tree.words[p].form.eq_ignore_ascii_case("out"))
    }

    /// Whether the statement whose trigger is word `x` is not a fact by the tree: negated,
    /// modal, conditional, or governed by denial, fear or refusal.
    pub(super) fn vetoes(&self, x: usize, rel: Relation, pattern: &str) -> bool {
        let blocked = if pattern.starts_with("controls/leader") {
            self.role_blocked(x, rel)
        } else {
            self.blocked(x, rel)
        };
        blocked || self.mistagged(x, pattern) || self.naming(x, pattern)
    }

    /// Whether a role noun's statement is not a fact. A role named inside a noun phrase or
    /// as an argument is presupposed, not asserted: "Officials denied that HTS leader Jolani
    /// ...", "accused the rival of Barzani's party" and "Its leader, X, has not been seen"
    /// still say who leads what; only the noun's own words count there ("not", "former").
    /// A role that is the clause's predicate ("Russia is not Assad's backer", "X remains
    /// its ally") is what the clause asserts, and the clause's traps apply.
    pub(super) fn role_blocked(&self, r: usize, rel: Relation) -> bool {
        let t = self.tree;
        let predicate = t.child(r, "cop").is_some()
            || matches!(
                base(t.words[r].deprel),
                "root" | "xcomp" | "ccomp" | "advcl" | "parataxis" | "conj"
            );
        if predicate {
            self.blocked(r, rel)
        } else {
            self.blocked_within(r, rel, 1)
        }
    }

    /// Whether "call" at `x` names or describes rather than phones: "called U.S. moves
    /// irrational", "what it called aggression", "calls itself the CNSP". A phone call's
    /// object is a name, with no second predicate after it.
    pub(super) fn naming(&self, x: usize, pattern: &str) -> bool {
        if pattern != "meets/call" {
            return false;
        }
        let t = self.tree;
        let named_object = t.child(x, "obj").is_some_and(|o| {
            self.rf.mention(self.s + o).is_some() && t.words[o].upos != Upos::Pron
        });
        !named_object
            || t.child(x, "xcomp").is_some()
            || t.child(x, "obl:unmarked").is_some()
            || t.children(x, "obj").count() > 1
    }

    /// Whether the word the window rules read as a verb (or noun) form of trigger `pattern`
    /// is, by the tagger, neither: "the attack" is no verb, "forces back the deal" no noun.
    pub(super) fn mistagged(&self, x: usize, pattern: &str) -> bool {
        let pat = self.rf.pat;
        let mut forms = pat
            .forms_at(self.window(x))
            .filter(|f| pat.triggers[f.trigger].id == pattern)
            .peekable();
        if forms.peek().is_none() {
            return false;
        }
        let word = &self.tree.words[x];
        let upos = word.upos;
        // "the ousted president", "the deposed leader": a participle before the noun it
        // describes tells no act of the sentence's subject
        // (in a sentence whose root is a noun, the parser has lost the main verb, and it
        // may be this one: "Russian warplanes struck rebel positions")
        let verb_root = self
            .tree
            .root()
            .is_some_and(|r| self.tree.words[r].upos == Upos::Verb);
        let attributive = word.deprel == "amod" && word.head.is_some_and(|h| h > x) && verb_root;
        !forms.any(|f| match f.form {
            Form::Verb { .. } => matches!(upos, Upos::Verb | Upos::Adj) && !attributive,
            Form::Noun => matches!(upos, Upos::Noun | Upos::Propn),
            _ => true,
        })
    }

    /// Whether the leader title `r` names the holder of the top office, alive: not a
    /// deputy or a narrower chief ("media chief", "deputy commander"), and not said to
    /// have been killed or replaced.
    pub(super) fn top_title(&self, r: usize) -> bool {
        let t = self.tree;
        let narrowed = t.dependents(r).any(|d| {
            let w = &t.words[d];
            (w.deprel == "compound"
                && w.upos == Upos::Noun
                && self.rf.mention(self.s + d).is_none())
                || (w.deprel == "amod" && NARROWING.contains(&self.folded(d)))
        });
        let gone = t
            .path_to_root(r)
            .into_iter()
            .chain(t.words[r].head.map(|h| t.subtree(h)).unwrap_or_default())
            .any(|x| GONE.contains(&self.lemma(x)));
        !narrowed && !gone
    }
}
