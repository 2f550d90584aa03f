//! Relations: trigger words found in a sentence, their arguments found among the mentions.
//!
//! For every trigger form (see `data/patterns.toml`) the finder looks for its source and
//! target in the same sentence:
//! - verbs: active (`SUBJECT seized OBJECT`), passive (`OBJECT was seized by AGENT`),
//!   relative clauses (`Egypt, which backs the army`), appositives skipped
//!   (`Qassem, the head of Hezbollah, pledged`), coordination distributed (`A and B met C`);
//! - nouns: `X's offensive against Y`, `Israeli strikes on Y`, `the capture of Y by X`,
//!   `fighting between A and B`, `talks with Y`;
//! - compound adjectives: `Iran-backed militias`, `Houthi-held port`;
//! - role nouns: `Assad's backers in Moscow`, `Iran's proxy Hezbollah`, `forces loyal to X`;
//! - leadership: `HTS leader X`, `X, the head of Y`, `Y's commander X`.
//!
//! A statement is dropped when a negation, denial, fear, condition or loss word stands
//! before its trigger in the sentence, when the sentence is a question, or when a control
//! claim is told in the past perfect (`which the RSF had seized`), which news uses for
//! states that have since ended.

use super::patterns::{Form, ObjectKind, Patterns, Trigger};
use super::{DocEntity, Found, Mention, MentionKind};
use crate::model::{EntityKind, EntityType, Relation};
use crate::text::{Token, TokenKind};

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];
const AUX_SKIP: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "also",
    "reportedly",
    "already",
    "now",
    "then",
    "later",
    "again",
    "jointly",
    "repeatedly",
    "allegedly",
    "been",
    "to",
    "just",
    "recently",
    "quickly",
    "still",
    "be",
    "initially",
    "apparently",
    "directly",
    "heavily",
];
const ADJ_SKIP: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "both",
    "key",
    "main",
    "longtime",
    "long-time",
    "closest",
    "close",
    "staunch",
    "chief",
    "regional",
    "top",
    "major",
    "new",
    "large-scale",
    "full-scale",
    "fresh",
    "renewed",
    "military",
    "political",
    "biggest",
    "largest",
    "strongest",
    "most",
    "important",
    "powerful",
    "traditional",
    "local",
    "foreign",
    "several",
    "some",
    "two",
    "three",
    "many",
    "strategic",
    "vital",
    "international",
];
/// Second halves of compounds whose first half modifies what follows ("US-backed").
const COMPOUND_PARTICIPLES: &[&str] = &[
    "backed",
    "led",
    "allied",
    "aligned",
    "funded",
    "sponsored",
    "supported",
    "based",
    "trained",
    "armed",
    "affiliated",
    "linked",
    "friendly",
    "brokered",
    "mediated",
];
/// Verbs of effort before "to": what follows is attempted, not done.
const EFFORT: &[&str] = &[
    "fight",
    "fought",
    "fighting",
    "struggle",
    "struggled",
    "struggling",
    "battle",
    "battled",
    "battling",
    "push",
    "pushed",
    "pushing",
    "race",
    "raced",
    "racing",
    "scramble",
    "scrambled",
    "scrambling",
    "vow",
    "vowed",
    "vowing",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "move",
    "moved",
    "moving",
    "seek",
    "seeks",
    "sought",
    "work",
    "worked",
    "working",
    "pledge",
    "pledged",
    "promise",
    "promised",
    "intend",
    "intends",
    "intended",
    "prepare",
    "prepared",
    "preparing",
    "expect",
    "expected",
    "hope",
    "hoped",
    "hoping",
];
/// Descriptive words that may stand before a named side ("the paramilitary RSF",
/// "caretaker Prime Minister X").
const DESCRIPTORS: &[&str] = &[
    "paramilitary",
    "rival",
    "caretaker",
    "outgoing",
    "acting",
    "interim",
    "incoming",
    "ruling",
    "opposition",
    "militant",
    "armed",
    "allied",
    "separatist",
    "exiled",
    "visiting",
    "embattled",
    "new",
    "then-",
    "top",
];
/// Words that say a title's holder no longer holds it ("former", "late", "ousted").
pub(super) const LEADER_NEG: &[&str] = &[
    "former", "ex", "late", "then", "onetime", "one-time", "deposed", "ousted",
];
/// Words before a leader's name that say the person is dead or replaced: no control.
const LEADER_GONE: &[&str] = &[
    "killed",
    "killing",
    "assassinated",
    "assassination",
    "death",
    "slain",
    "predecessor",
    "succeeded",
    "replaced",
    "funeral",
    "mourned",
    "buried",
    "eliminated",
];

/// Whether a word starts with a capital letter.
fn is_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) struct RelationFinder<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub words: &'a [&'a str],
    /// `words` as string slices, for windows
    pub ws: &'a [&'a str],
    /// the first token of each sentence, in order
    pub sent_starts: &'a [usize],
    pub pat: &'a Patterns,
    pub entities: &'a [DocEntity],
    pub mentions: &'a [Mention],
    /// token -> index into `mentions`
    pub mention_at: &'a [Option<usize>],
    pub found: Vec<Found>,
    /// who carried out the last attack told in the document, for "condemned the strikes"
    pub last_attack: Vec<usize>,
    /// how many attacks each entity carried out so far in the document
    pub attacks: rustc_hash::FxHashMap<usize, u32>,
    /// the most attacks any entity carried out so far (the largest value of `attacks`)
    pub most_attacks: u32,
    /// who made the last visit or meeting, for "condemned the visit"
    pub last_visit: Vec<usize>,
    /// the year of the document's date
    pub year: Option<i32>,
    /// trigger tokens of control claims dated to an earlier year ("took control of the city
    /// in 2014"), with that year: dropped when someone else is said to control the place
    /// now, or to have taken it in a later year
    pub dated_earlier: Vec<(usize, i32)>,
    /// per entity: a person who holds an office in an armed group or organization that is
    /// not an institution of a state, on the document's date ("PKK commander Murat
    /// Karayilan" is Turkish and not Turkey's)
    pub outside_state: &'a [bool],
}

impl<'a> RelationFinder<'a> {
    fn raw(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn w(&self, i: usize) -> &str {
        self.words[i]
    }

    fn is_break(&self, i: usize) -> bool {
        let w = self.w(i);
        self.pat.words.clause_breaks.contains(w) || w == "."
    }

    pub(super) fn mention(&self, t: usize) -> Option<&'a Mention> {
        self.mention_at
            .get(t)
            .copied()
            .flatten()
            .map(|m| &self.mentions[m])
    }

    /// The name that token `t` is a word of, past its first ("Alliance" in "the Three
    /// Brotherhood Alliance", "Forces" in "Rapid Support Forces").
    pub(super) fn inside_name(&self, t: usize) -> Option<&'a Mention> {
        self.mention(t)
            .filter(|m| m.kind == MentionKind::Named && m.tokens.start < t)
    }

    /// The mentions that start at a token in `s..i`, in text order. Mentions are sorted by
    /// their first token, so this is two binary searches (O(log m)), not a scan of every
    /// mention of the document.
    fn mentions_from(&self, s: usize, i: usize) -> &'a [Mention] {
        let mentions = self.mentions;
        let lo = mentions.partition_point(|m| m.tokens.start < s);
        let hi = lo + mentions[lo..].partition_point(|m| m.tokens.start < i);
        &mentions[lo..hi]
    }

    /// The entity a mention can stand for as an actor (a capital for its state).
    /// The state whose capital entity `e` is, when the document names it as one.
    fn state_of_capital(&self, e: usize) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|m| m.entity == e)
            .find_map(|m| m.alt)
            .filter(|&s| {
                matches!(
                    self.entities[s].etype,
                    EntityType::State | EntityType::Country
                )
            })
    }

    pub(super) fn as_actor(&self, m: &Mention) -> Option<usize> {
        let e = &self.entities[m.entity];
        if e.etype.kind() == EntityKind::Actor {
            return Some(m.entity);
        }
        // "the Kampala suburbs", "a Moscow court": a capital after an article modifies a
        // noun of place; the bare name stands for the government, and so does "the
        // Kigali government", and the first word of a compound ("the Moscow-backed party")
        let (p, q) = (m.tokens.start, m.tokens.end);
        if p > 0
            && matches!(self.w(p - 1), "the" | "a" | "an")
            && self.ws.get(q) != Some(&"-")
            && self
                .pat
                .words
                .state_government
                .longest_at(&self.ws[q..(q + 2).min(self.ws.len())])
                .is_none()
        {
            return None;
        }
        m.alt
    }

    fn as_place(&self, m: &Mention) -> Option<usize> {
        let e = &self.entities[m.entity];
        (e.etype.kind() == EntityKind::Place
            || matches!(e.etype, EntityType::State | EntityType::Country))
        .then_some(m.entity)
    }

    /// Whether the mention is the object of a locative preposition ("in Lebanon",
    /// "in Doha"): such a mention says where, not who.
    fn locative(&self, m: &Mention) -> bool {
        let p = m.tokens.start;
        p > 0
            && matches!(
                self.w(p - 1),
                "in" | "at" | "near" | "outside" | "inside" | "across" | "from" | "around"
            )
    }

    pub(super) fn fits(&self, m: &Mention, want: ObjectKind) -> Option<usize> {
        if m.kind == MentionKind::Demonym {
            return None;
        }
        if want == ObjectKind::Actor && self.locative(m) {
            return None;
        }
        match want {
            ObjectKind::Actor => self.as_actor(m),
            ObjectKind::Place => self.as_place(m),
            ObjectKind::Any => Some(m.entity),
        }
    }

    /// Whether a negation, hedge or fear stands in the `window` tokens before `i`.
    fn negated(&self, s: usize, i: usize) -> bool {
        let mut from = i.saturating_sub(10).max(s);
        // a negation in an earlier clause does not reach the trigger: "over plans to
        // merge them, pitting A against B"
        if let Some(c) = (from..i).rev().find(|&t| matches!(self.w(t), "," | ";")) {
            from = c + 1;
        }
        (from..i).any(|t| self.pat.words.negations.contains(self.w(t)))
            || (i + 1 < self.words.len() && matches!(self.w(i + 1), "not" | "n't"))
    }

    /// Mentions coordinated with the mention ending before `t` going left:
    /// "A, B and C" -> [A, B, C] (C being the mention ending at `t`).
    fn coordinated_left(&self, s: usize, m: &'a Mention, want: ObjectKind) -> Vec<usize> {
        let mut out = vec![];
        let mut cur = m;
        loop {
            if let Some(e) = self.fits(cur, want) {
                out.push(e);
            }
            let p = self.skip_modifiers_left(s, cur.tokens.start);
            if p < s + 2 {
                break;
            }
            let sep = self.w(p - 1);
            if sep != "and" && sep != "," && sep != "or" {
                break;
            }
            match self.mention(p - 2) {
                Some(prev) if self.fits(prev, want).is_some() => cur = prev,
                _ => break,
            }
        }
        out
    }

    /// Skips what may stand between a coordinator and the next conjunct: determiners,
    /// descriptors, place heads, demonyms and titles ("and German Chancellor X").
    fn skip_modifiers(&self, mut k: usize, e: usize) -> usize {
        let start = k;
        while k < e && k < start + 6 {
            let w = self.w(k);
            if matches!(w, "the" | "its" | "their" | "of")
                || DESCRIPTORS.contains(&w)
                || self.pat.words.place_heads.contains(w)
            {
                k += 1;
                continue;
            }
            if let Some(m) = self.mention(k)
                && m.kind == MentionKind::Demonym
                && m.tokens.start == k
            {
                k = m.tokens.end;
                continue;
            }
            let r: &[&str] = &self.ws[k..(k + 3).min(e)];
            match self.pat.words.person_titles.longest_at(r) {
                // "the head of Y" is an appositive, not a conjunct
                Some(n) if self.mention(k).is_none() && !(k + n < e && self.w(k + n) == "of") => {
                    k += n
                }
                _ => break,
            }
        }
        k
    }

    /// Going left, the start of what modifies the conjunct starting at `p`: "the
    /// paramilitary", "Parliament Speaker".
    fn skip_modifiers_left(&self, s: usize, mut p: usize) -> usize {
        let start = p;
        while p > s && p + 4 > start {
            let w = self.w(p - 1);
            if matches!(w, "the" | "a" | "an") || DESCRIPTORS.contains(&w) {
                p -= 1;
                continue;
            }
            if let Some(m) = self.mention(p - 1)
                && m.kind == MentionKind::Demonym
            {
                p = m.tokens.start;
                continue;
            }
            if p >= s + 2 && self.pat.words.person_titles.longest_at(&[self.w(p - 2), w]) == Some(2)
            {
                p -= 2;
                continue;
            }
            if self.pat.words.person_titles.longest_at(&[w]) == Some(1)
                && self.mention(p - 1).is_none()
            {
                p -= 1;
                continue;
            }
            break;
        }
        p
    }

    /// Mentions coordinated going right from `m`: "A and B", "A, B and C", "both A and B".
    fn coordinated_right(&self, e: usize, m: &'a Mention, want: ObjectKind) -> Vec<usize> {
        let mut out = vec![];
        let mut cur = m;
        loop {
            // the first mention was accepted by the caller, even after a preposition
            let x = if out.is_empty() {
                self.fits(cur, want).or_else(|| self.as_actor(cur))
            } else {
                self.fits(cur, want)
            };
            if let Some(x) = x {
                out.push(x);
            }
            let n = cur.tokens.end;
            if n + 1 >= e {
                break;
            }
            let sep = self.w(n);
            if sep != "and" && sep != "," && sep != "or" {
                break;
            }
            let mut k = n + 1;
            if sep == "," && k < e && matches!(self.w(k), "and" | "including") {
                k += 1;
            }
            k = self.skip_modifiers(k, e);
            // ", the White House said": the speaker, not a conjunct
            let speaker = |m: &Mention| {
                m.tokens.end < e
                    && matches!(
                        self.w(m.tokens.end),
                        "said" | "says" | "told" | "reported" | "added"
                    )
            };
            match self.mention(k) {
                Some(next) if self.fits(next, want).is_some() && !(sep == "," && speaker(next)) => {
                    // "NATO Secretary-General Jens Stoltenberg": the person
                    cur = self.titled_person_after(next.tokens.end, e).unwrap_or(next);
                }
                _ => break,
            }
        }
        out
    }

    /// The subject of a trigger at `i`: the nearest fitting mention to the left in the
    /// same clause, through relative pronouns and over appositives.
    fn subject(&self, s: usize, i: usize) -> Vec<usize> {
        let mut t = i;
        let mut steps = 0;
        while t > s && steps < 14 {
            t -= 1;
            steps += 1;
            if let Some(m) = self.mention(t) {
                if m.kind == MentionKind::Demonym {
                    continue;
                }
                if self.fits(m, ObjectKind::Actor).is_some() {
                    return self.coordinated_left(s, m, ObjectKind::Actor);
                }
                t = m.tokens.start;
                continue;
            }
            let w = self.w(t);
            // "X arrived for talks with Y, and announced aid": X announced it
            if w == "and" && t > s && self.w(t - 1) == "," && self.mention(t + 1).is_none() {
                return self.first_actor(s, t).into_iter().collect();
            }
            if matches!(w, "who" | "which" | "that") && t > s {
                // "X, the deputy head of Y, who founded Z": the antecedent is X
                if w == "who"
                    && t >= s + 2
                    && self.w(t - 1) == ","
                    && let Some(open) = self.appositive_open(s, t - 1, false)
                    && open > s
                    && let Some(m) = self.mention(open - 1)
                    && self.entities[m.entity].etype == EntityType::Person
                {
                    return vec![m.entity];
                }
                // "X, which backs Y": the antecedent before the pronoun
                let mut a = t;
                while a > s && a + 4 > t {
                    a -= 1;
                    if let Some(m) = self.mention(a) {
                        if self.fits(m, ObjectKind::Actor).is_some() {
                            return self.coordinated_left(s, m, ObjectKind::Actor);
                        }
                        a = m.tokens.start;
                    }
                }
                return vec![];
            }
            if w == "," {
                // over an appositive or a participle phrase: "X, the head of Y, pledged"
                // and "X, backed by Y, recaptured" -> X
                let first_comma = !(t + 1..i).any(|k| self.mention_at[k].is_some());
                if let Some(open) = self.appositive_open(s, t, first_comma) {
                    t = open;
                    continue;
                }
                continue;
            }
            if self.is_break(t) {
                return vec![];
            }
        }
        vec![]
    }

    /// If the comma at `close` ends an appositive opened by an earlier comma followed by
    /// "the/a/who/which", the position of the opening comma.
    fn appositive_open(&self, s: usize, close: usize, any_opener: bool) -> Option<usize> {
        let mut t = close;
        while t > s && close - t < 18 {
            t -= 1;
            if self.w(t) == "," {
                let next = self.w(t + 1);
                let lower = self
                    .raw(t + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                let opener = matches!(next, "the" | "a" | "an" | "who" | "which" | "whose")
                    || self
                        .tokens
                        .get(t + 2)
                        .is_some_and(|x| x.kind == TokenKind::Possessive)
                    || (any_opener && lower && t > s && self.mention_at[t - 1].is_some());
                return opener.then_some(t);
            }
            if matches!(self.w(t), "." | ";") {
                return None;
            }
        }
        None
    }

    /// A person named right after a leader title at `t`: "leader Hassan Nasrallah".
    fn titled_person_after(&self, t: usize, e: usize) -> Option<&'a Mention> {
        let rest: &[&str] = &self.ws[t.min(e)..(t + 3).min(e)];
        let words = &self.pat.words;
        let mut k = t + words
            .leader_titles
            .longest_at(rest)
            .or_else(|| words.person_titles.longest_at(rest))?;
        while k < e {
            let r: &[&str] = &self.ws[k..(k + 3).min(e)];
            match self.pat.words.person_titles.longest_at(r) {
                Some(n) => k += n,
                None => break,
            }
        }
        self.mention(k.min(e.saturating_sub(1)))
            .filter(|m| m.tokens.start == k && self.entities[m.entity].etype == EntityType::Person)
    }

    /// The object after position `from`: the first fitting mention before a clause break.
    fn object(&self, from: usize, e: usize, want: ObjectKind) -> Vec<usize> {
        let mut t = from;
        let mut limit = (from + 10).min(e);
        while t < limit {
            if let Some(m) = self.mention(t) {
                let n = m.tokens.end;
                // "Yemen's capital Sanaa": a possessor is not the object
                let possessor = n < e && self.tokens[n].kind == TokenKind::Possessive;
                // "Houthi-controlled areas": striking the areas targets their holder
                let holder = want == ObjectKind::Actor
                    && n + 1 < e
                    && self.raw(n) == "-"
                    && matches!(self.w(n + 1), "controlled" | "held" | "run" | "occupied");
                if holder {
                    return vec![m.entity];
                }
                // "the US-backed SDF", "the U.N.-recognised government": a name glued by a
                // hyphen to a lowercase word modifies the object, it is not it
                let glued = |k: usize| self.tokens[k - 1].end == self.tokens[k].start;
                let modifier = n + 1 < e
                    && self.raw(n) == "-"
                    && (COMPOUND_PARTICIPLES.contains(&self.w(n + 1))
                        || (glued(n)
                            && glued(n + 1)
                            && self.raw(n + 1).starts_with(|c: char| c.is_lowercase())));
                if modifier {
                    t = n + 2;
                    continue;
                }
                // "the militia Kataib Hezbollah": the name, not the common noun
                if m.kind == MentionKind::Generic
                    && let Some(named) = self.mention(n)
                    && named.kind == MentionKind::Named
                    && self.fits(named, want).is_some()
                {
                    return self.coordinated_right(e, named, want);
                }
                // "his Syrian and Iranian counterparts": the states they speak for
                if m.kind == MentionKind::Demonym && want == ObjectKind::Actor {
                    let mut k = n;
                    let mut states = vec![m.entity];
                    // "his Iraqi, Jordanian and Egyptian counterparts"
                    while k + 1 < e && matches!(self.w(k), "and" | ",") {
                        if self.w(k) == "," && k + 2 < e && self.w(k + 1) == "and" {
                            k += 1;
                        }
                        match self.mention(k + 1) {
                            Some(m2) if m2.kind == MentionKind::Demonym => {
                                states.push(m2.entity);
                                k = m2.tokens.end;
                            }
                            _ => break,
                        }
                    }
                    if k < e && matches!(self.w(k), "counterpart" | "counterparts") {
                        if k + 2 < e
                            && self.w(k + 1) == ","
                            && let Some(p) = self.mention(k + 2).and_then(|p| self.fits(p, want))
                        {
                            return vec![p];
                        }
                        return states;
                    }
                }
                // right after the verb or its own preposition ("fired at Israel") a
                // mention is the object even after a locative preposition
                let direct = m.tokens.start == from && want == ObjectKind::Actor;
                let fits = self.fits(m, want).is_some()
                    || (direct && m.kind != MentionKind::Demonym && self.as_actor(m).is_some());
                if !possessor && fits {
                    // "Hezbollah leader Hassan Nasrallah": the person heads the phrase
                    if let Some(p) = self.titled_person_after(n, e) {
                        return self.coordinated_right(e, p, want);
                    }
                    return self.coordinated_right(e, m, want);
                }
                t = n;
                continue;
            }
            let w = self.w(t);
            if w == ","
                && t + 3 < e
                && self.raw(t + 2) == "-"
                && self.tokens[t + 1].end == self.tokens[t + 2].start
            {
                // "the US-backed, Kurdish-led SDF"
                t += 1;
                continue;
            }
            // "killed his predecessor, Hassan Nasrallah": the name after a short noun
            if w == ","
                && t > from
                && t <= from + 3
                && (from..t)
                    .all(|k| self.tokens[k].kind == TokenKind::Word && !is_upper(self.raw(k)))
                && let Some(m) = self.mention(t + 1)
                && self.entities[m.entity].etype == EntityType::Person
                && self.fits(m, want).is_some()
            {
                return vec![m.entity];
            }
            if w == "," && t + 1 < e && self.w(t + 1) == "including" {
                t += 2;
                limit = (t + 6).min(e);
                continue;
            }
            if self.is_break(t) && w != "that" || w == "," {
                return vec![];
            }
            t += 1;
        }
        vec![]
    }

    /// Whether two entities are one side: a person or institution and its own state
    /// ("Iranian Foreign Minister Araghchi" and Iran do not meet each other).
    fn same_side(&self, a: usize, b: usize) -> bool {
        let state = |e: &DocEntity| matches!(e.etype, EntityType::State | EntityType::Country);
        let belongs = |pi: usize, si: usize| {
            let (p, s) = (&self.entities[pi], &self.entities[si]);
            state(s)
                && (p.of.as_deref() == Some(s.name.as_str())
                    // a group's country is where it fights, not whose side it is on, and
                    // so is the country of a person who holds office in one
                    || (p.etype == EntityType::Person
                        && p.country.is_some()
                        && p.country == s.country
                        && !self.outside_state[pi]))
        };
        belongs(a, b) || belongs(b, a)
    }

    pub(super) fn emit(
        &mut self,
        src: &[usize],
        rel: Relation,
        dst: &[usize],
        trig: &Trigger,
        s: usize,
        i: usize,
    ) {
        for &a in src {
            for &b in dst {
                // "took power in Niamey": power in a capital is power over its state
                let b = if trig.id == "controls/seize-power" {
                    self.state_of_capital(b).unwrap_or(b)
                } else {
                    b
                };
                // control is of a place or an organization, never of a person (GUIDE); a
                // name only this text knows may be an organization typed as a person
                let person =
                    |x: &DocEntity| x.etype == EntityType::Person && x.lexicon_id.is_some();
                if a == b || (rel == Relation::Controls && person(&self.entities[b])) {
                    continue;
                }
                let actors = self.entities[b].etype.kind() == EntityKind::Actor;
                // a coup is a national taking his own state, and ruling it is holding it
                // ("Rahmon, who has ruled Tajikistan since 1992")
                let holds_own = trig.id == "controls/seize-power"
                    || (trig.id == "controls/lead"
                        && (self.w(i).starts_with("rul") || self.w(i).starts_with("govern")));
                if (matches!(rel, Relation::MeetsWith | Relation::Opposes)
                    || (rel == Relation::Controls && actors && !holds_own))
                    && self.same_side(a, b)
                {
                    continue;
                }
                if self.entities[a].etype.kind() != EntityKind::Actor {
                    continue;
                }
                self.found.push(Found {
                    source: a,
                    relation: rel,
                    target: b,
                    pattern: trig.id.clone(),
                    confidence: trig.confidence,
                    sentence_start: s,
                    trigger: i,
                });
                if rel == Relation::MeetsWith && !self.last_visit.contains(&a) {
                    self.last_visit = vec![a];
                }
                if trig.both_ways {
                    self.found.push(Found {
                        source: b,
                        relation: rel,
                        target: a,
                        pattern: trig.id.clone(),
                        confidence: trig.confidence,
                        sentence_start: s,
                        trigger: i,
                    });
                }
            }
        }
    }

    /// Finds every relation in the sentence of tokens `s..e`.
    pub fn sentence(&mut self, s: usize, e: usize) {
        if self.raw(e - 1) == "?" {
            return;
        }
        let mut i = s;
        while i < e {
            let pat = self.pat;
            let window: &[&str] = &self.ws[i..(i + 4).min(e)];
            for f in pat.forms_at(window) {
                let trig = &pat.triggers[f.trigger];
                if trig.tree_only {
                    continue;
                }
                let end = i + f.words.len();
                match f.form {
                    // a word of a name ("the Rapid Support Forces") is no verb
                    Form::Verb { .. } if self.inside_name(i).is_some() => {}
                    Form::Verb { participle } => self.verb(trig, s, e, i, end, participle),
                    Form::Noun => self.noun(trig, s, e, i, end),
                    Form::Adjective => self.adjective(trig, s, e, i, end),
                    Form::RoleNoun => self.role_noun(trig, s, e, i, end),
                }
            }
            self.leadership(s, e, i);
            i += 1;
        }
    }

    fn skip_phrases(&self, mut t: usize, e: usize, list: &[Vec<String>]) -> usize {
        // skip the longest listed phrase at t ("control of", "with")
        let mut best = 0;
        for words in list {
            if t + words.len() <= e && words.iter().enumerate().all(|(k, w)| self.w(t + k) == w) {
                best = best.max(words.len());
            }
        }
        t += best;
        t
    }

    fn verb(&mut self, trig: &Trigger, s: usize, e: usize, i: usize, end: usize, participle: bool) {
        // compound adjectives ("Iran-backed") are handled by the adjective forms
        if i > s && self.raw(i - 1) == "-" {
            return;
        }
        // "the head of", "deputy head of": a noun, not a verb
        if end < e && self.w(end) == "of" {
            return;
        }
        // a noun use after a determiner ("the attack", "a strike") is not a verb
        if i > s
            && (matches!(
                self.w(i - 1),
                "the" | "a" | "an" | "this" | "its" | "their" | "his" | "her"
            ) || self.tokens[i - 1].kind == TokenKind::Possessive)
        {
            return;
        }
        // "allied armed groups", "backed militias": an attributive participle
        if participle
            && self.mention(end).is_some_and(|m| m.tokens.start == end)
            && i > s
            && self.mention(i - 1).is_none()
            && matches!(
                self.w(i - 1),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "and" | "or"
            )
        {
            // "the RSF and allied Arab militias": an alliance, both ways
            if self.w(i) == "allied"
                && self.w(i - 1) == "and"
                && i >= s + 2
                && let Some(a) = self.mention(i - 2).and_then(|m| self.as_actor(m))
                && let Some(b) = self.mention(end).and_then(|m| self.as_actor(m))
            {
                self.emit(&[a], trig.relation, &[b], trig, s, i);
                self.emit(&[b], trig.relation, &[a], trig, s, i);
            }
            return;
        }
        // "fought to hold the city": an effort, not a result
        if i >= s + 2 && self.w(i - 1) == "to" && EFFORT.contains(&self.w(i - 2)) {
            return;
        }
        let mut after = end;
        if end < e
            && trig.unless_split.iter().any(|u| {
                u.iter()
                    .enumerate()
                    .all(|(k, w)| end + k < e && self.w(end + k) == w)
            })
        {
            return;
        }
        let mut need_at = None;
        if !trig.needs.is_empty() {
            let n = (after..(after + 7).min(e)).find_map(|t| {
                trig.needs_split.iter().find_map(|words| {
                    let all = words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| t + k < e && self.w(t + k) == w);
                    all.then_some((t, words.len()))
                })
            });
            match n {
                // the object follows the needed word unless the trigger's own
                // prepositions start with it ("took control of")
                Some((t, len)) => {
                    need_at = Some(t);
                    after = if self.skip_phrases(t, e, &trig.preps_split) > t {
                        t
                    } else {
                        t + len
                    }
                }
                None => return,
            }
        }
        if self.negated(s, i) {
            return;
        }
        // past perfect control claims describe states that have since ended
        let had = (i.saturating_sub(3).max(s)..i).find(|&t| self.w(t) == "had");
        if trig.relation == Relation::Controls
            && let Some(h) = had
            && (h.saturating_sub(4).max(s)..h)
                .any(|t| matches!(self.w(t), "which" | "that" | "where"))
            && !(s..h).any(|t| matches!(self.w(t), "said" | "says" | "told" | "reported"))
        {
            return;
        }
        let obj_from = self.skip_phrases(after, e, &trig.preps_split);
        let prev = (s..i)
            .rev()
            .find(|&t| !AUX_SKIP.contains(&self.w(t)) || BE.contains(&self.w(t)));
        // "stood by Ukraine", "had spoken by phone with": a "by" that opens one of the
        // trigger's own prepositions marks its object, not an agent
        let by_agent =
            end < e && self.w(end) == "by" && self.skip_phrases(end, e, &trig.preps_split) == end;
        let passive = participle && (prev.is_some_and(|p| BE.contains(&self.w(p))) || by_agent);
        if passive {
            // "X was captured by Y" / "militants led by HTS"
            // "designated a terrorist group by X": after the needed words
            let by_end = need_at.map_or(end + 3, |t| t + 4).min(e);
            let by = (end..by_end).find(|&t| self.w(t) == "by");
            let Some(by) = by else {
                // "was killed in an Israeli strike"
                if trig.relation == Relation::Opposes
                    && let Some(agents) = self.instrument_agents(s, end, e)
                {
                    let patients = self.subject_any(s, i, trig.object);
                    self.emit(&agents, trig.relation, &patients, trig, s, i);
                }
                return;
            };
            let mut agents = self.object(by + 1, e, ObjectKind::Actor);
            // "targeted by Israeli airstrikes": the attacker of the instrument
            if agents.is_empty() && trig.relation == Relation::Opposes {
                agents = self.event_agents(s, by + 1, e).unwrap_or_default();
            }
            let patients = self.subject_any(s, i, trig.object);
            // "militants led by HTS" names who the militants are, not who controls them;
            // "a group led by X" with X a person is leadership
            if trig.id == "controls/lead" {
                agents.retain(|&a| self.entities[a].etype == EntityType::Person);
            }
            self.emit(&agents, trig.relation, &patients, trig, s, i);
            return;
        }
        let subj = self.subject(s, i);
        self.note_attack(trig, &subj);
        // "condemned the strikes", "supported the operation": the event's agent
        if (trig.id == "opposes/condemn" || trig.relation == Relation::Supports)
            && let Some(agents) = self.event_agents(s, obj_from, e)
        {
            self.emit(&subj, trig.relation, &agents, trig, s, i);
            return;
        }
        let obj_end = match trig.near {
            Some(n) => (obj_from + n).min(e),
            None => e,
        };
        let mut obj = self.object(obj_from, obj_end, trig.object);
        // "runs a military base in Mogadishu", "seized two villages in Idlib": the base
        // and the villages, not the city or province around them
        if trig.relation == Relation::Controls && self.located_only(obj_from, obj_end) {
            obj = self.including(obj_from, obj_end, trig.object);
        }
        // "listed Hezbollah as a terrorist group": the object stands before the needed word
        if obj.is_empty()
            && let Some(t) = need_at
        {
            obj = self.object(end, t, trig.object);
        }
        // "Hezbollah, which Washington lists as ...": the antecedent of an object relative
        if obj.is_empty() && !subj.is_empty() {
            obj = self.relative_object(s, i, trig.object);
        }

        if obj.is_empty() && trig.relation == Relation::MeetsWith && subj.len() >= 2 {
            // "A and B met": every pair
            for (k, &a) in subj.iter().enumerate() {
                self.emit(&[a], trig.relation, &subj[k + 1..], trig, s, i);
            }
            return;
        }
        // "pitting A against B"
        if trig.id.ends_with("/pit") {
            let first = self.object(end, e, ObjectKind::Actor);
            if let Some(&a) = first.first() {
                let against = (end..e).find(|&t| self.w(t) == "against");
                if let Some(ag) = against {
                    let second = self.object(ag + 1, e, ObjectKind::Actor);
                    self.emit(&[a], trig.relation, &second, trig, s, i);
                }
            }
            return;
        }
        self.emit(&subj, trig.relation, &obj, trig, s, i);
        self.fellow_guests(trig, &subj, &obj, s, e, i);
    }

    /// The agents of an event named at `from`: "the Israeli strikes" (Israel), "the
    /// attack by X" (X), "the attack" or "it" (whoever carried out the last attack told),
    /// "the visit" (the last visitor). `None` when no event noun stands there.
    fn event_agents(&self, s: usize, from: usize, e: usize) -> Option<Vec<usize>> {
        let mut k = from;
        // "condemned what it called an attack by X": the speaker's own name for the event
        let mut limit = from + 5;
        if k + 3 <= e
            && self.w(k) == "what"
            && matches!(self.w(k + 1), "he" | "she" | "it" | "they" | "we")
            && matches!(self.w(k + 2), "called" | "termed" | "described")
        {
            k += if self.w(k + 2) == "described" && k + 3 < e && self.w(k + 3) == "as" {
                4
            } else {
                3
            };
            limit = k + 5;
        }
        while k < e && k < limit {
            let w = self.w(k);
            if let Some(m) = self.mention(k) {
                if m.kind == MentionKind::Pronoun && matches!(w, "it" | "them") {
                    return Some(self.last_attack.clone());
                }
                let n = m.tokens.end;
                let possessive = n < e && self.tokens[n].kind == TokenKind::Possessive;
                let modifier =
                    m.kind == MentionKind::Demonym || possessive || (n < e && self.raw(n) == "-");
                if !modifier {
                    return None;
                }
                // past the "'s" of "Russia's war"
                k = if possessive { n + 1 } else { n };
                continue;
            }
            let r: &[&str] = &self.ws[k..(k + 3).min(e)];
            let words = &self.pat.words;
            let event = words
                .attack_events
                .longest_at(r)
                .map(|n| (n, false))
                .or_else(|| words.visit_events.longest_at(r).map(|n| (n, true)));
            if let Some((n, visit)) = event {
                if let Some(owner) = self.owner_before(s, k) {
                    return Some(vec![owner]);
                }
                let after = k + n;
                if let Some(by) = (after..(after + 2).min(e)).find(|&t| self.w(t) == "by") {
                    return Some(self.object(by + 1, e, ObjectKind::Actor));
                }
                // "the attack on Israel": the attack is Israel's enemy's, named before
                return Some(if visit {
                    self.last_visit.clone()
                } else {
                    self.last_attack.clone()
                });
            }
            if ADJ_SKIP.contains(&w)
                || self.raw(k) == "-"
                || matches!(
                    w,
                    "this"
                        | "these"
                        | "that"
                        | "those"
                        | "recent"
                        | "latest"
                        | "deadly"
                        | "overnight"
                        | "weekend"
                        | "us"
                        | "led"
                        | "backed"
                )
            {
                k += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The antecedent of an object relative clause whose verb is at `i`: "the corridor,
    /// which Azerbaijan has controlled" -> the corridor.
    fn relative_object(&self, s: usize, i: usize, want: ObjectKind) -> Vec<usize> {
        let mut t = i;
        while t > s && AUX_SKIP.contains(&self.w(t - 1)) {
            t -= 1;
        }
        let Some(subj) = (t > s).then(|| self.mention(t - 1)).flatten() else {
            return vec![];
        };
        let mut r = subj.tokens.start;
        if r <= s || !matches!(self.w(r - 1), "which" | "that" | "whom") {
            return vec![];
        }
        r -= 1;
        if r > s && self.w(r - 1) == "," {
            r -= 1;
        }
        match (r > s).then(|| self.mention(r - 1)).flatten() {
            Some(m) => self.fits(m, want).into_iter().collect(),
            None => vec![],
        }
    }

    /// The first actor named (not as a demonym) within tokens `from..to`: a clause's subject.
    fn first_actor(&self, from: usize, to: usize) -> Option<usize> {
        (from..to)
            .filter_map(|t| self.mention(t))
            .filter(|m| m.tokens.start >= from && m.tokens.end <= to)
            .filter(|m| m.kind != MentionKind::Demonym)
            .find_map(|m| self.fits(m, ObjectKind::Actor))
    }

    /// Whether the first mention after `from` only locates something unnamed before it:
    /// "a base in Mogadishu", "four of the state capitals in Darfur".
    fn located_only(&self, from: usize, end: usize) -> bool {
        (from..end.min(self.mention_at.len()))
            .find(|&t| self.mention_at[t].is_some())
            .is_some_and(|p| {
                p > from
                    && matches!(
                        self.w(p - 1),
                        "in" | "near" | "at" | "outside" | "across" | "around" | "from"
                    )
            })
    }

    /// The places listed after ", including" in the clause from `from`: "four of the
    /// capitals in Darfur, including Nyala and El Geneina".
    fn including(&self, from: usize, e: usize, want: ObjectKind) -> Vec<usize> {
        (from..e)
            .take_while(|&t| !matches!(self.w(t), ";" | "which" | "who" | "but" | "while"))
            .find(|&t| self.w(t) == "including")
            .and_then(|t| self.mention(t + 1))
            .map(|m| self.coordinated_right(e, m, want))
            .unwrap_or_default()
    }

    /// Where the sentence holding token `t` starts.
    pub(super) fn sentence_start_of(&self, t: usize) -> usize {
        let k = self.sent_starts.partition_point(|&s| s <= t);
        self.sent_starts
            .get(k.wrapping_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// Records the agents of an attack; the document's main attacker so far is the one
    /// with most attacks, on a tie the one told first (a news story opens with its main
    /// event): "condemned the strikes" opposes it.
    pub(super) fn note_attack(&mut self, trig: &Trigger, agents: &[usize]) {
        if trig.id != "opposes/attack" && trig.id != "opposes/fire-at" {
            return;
        }
        self.note_act(agents);
    }

    /// Records the agents of an act of force (an attack, a capture, a hijacking).
    pub(super) fn note_act(&mut self, agents: &[usize]) {
        for &a in agents {
            if self.entities[a].etype.kind() != EntityKind::Actor {
                continue;
            }
            // counts only grow, so the most so far is a running maximum, not a scan of
            // every attacker in the document
            let n = self.attacks.entry(a).or_insert(0);
            *n += 1;
            if *n > self.most_attacks {
                self.most_attacks = *n;
                self.last_attack = vec![a];
            }
        }
    }

    /// Whether a verb of judgement ("condemned") stands just before `i`: the event
    /// after it is judged, not carried out by the subject.
    fn judged(&self, s: usize, i: usize) -> bool {
        (i.saturating_sub(4).max(s)..i).any(|t| {
            let w = [self.w(t)];
            self.pat
                .forms_at(&w)
                .any(|f| self.pat.triggers[f.trigger].id == "opposes/condemn")
        })
    }

    /// The agents of the attack that did something, told after it: "(the killing of X)
    /// in an Israeli air strike" -> Israel.
    fn instrument_agents(&self, s: usize, from: usize, e: usize) -> Option<Vec<usize>> {
        let t = (from..(from + 12).min(e))
            .take_while(|&t| !matches!(self.w(t), "," | ";" | "which" | "that" | "who"))
            .find(|&t| self.w(t) == "in" && t + 1 < e && matches!(self.w(t + 1), "a" | "an"))?;
        self.event_agents(s, t + 2, e).filter(|a| !a.is_empty())
    }

    /// "X met A and B": A and B were at the same meeting. Not when the words say the
    /// meetings were apart: a phone call is between two ("spoke by phone with A and B"),
    /// and "both A and B" or "separately" count each one ("met both A and B").
    fn fellow_guests(
        &mut self,
        trig: &Trigger,
        subj: &[usize],
        obj: &[usize],
        s: usize,
        e: usize,
        i: usize,
    ) {
        if trig.relation != Relation::MeetsWith || subj.is_empty() || obj.len() < 2 {
            return;
        }
        let apart = (i.saturating_sub(2).max(s)..(i + 8).min(e)).any(|t| {
            matches!(
                self.w(t),
                "phone" | "telephone" | "phoned" | "both" | "separately" | "respectively"
            )
        });
        if apart {
            return;
        }
        for (k, &a) in obj.iter().enumerate() {
            // officials of one state at a meeting do not meet each other
            let others: Vec<usize> = obj[k + 1..]
                .iter()
                .copied()
                .filter(|&b| {
                    let (x, y) = (&self.entities[a], &self.entities[b]);
                    x.country.is_none() || x.country != y.country
                })
                .collect();
            self.emit(&[a], trig.relation, &others, trig, s, i);
        }
    }

    /// Like [`Self::subject`] but for the patient of a passive, which may be a place.
    fn subject_any(&self, s: usize, i: usize, want: ObjectKind) -> Vec<usize> {
        let mut t = i;
        while t > s && i - t < 12 {
            t -= 1;
            if let Some(m) = self.mention(t) {
                if self.fits(m, want).is_some() {
                    return self.coordinated_left(s, m, want);
                }
                t = m.tokens.start;
                continue;
            }
            if self.is_break(t) && !matches!(self.w(t), "which" | "that" | "who") {
                return vec![];
            }
        }
        vec![]
    }

    /// The actor just before position `t` (possessive or compound): "Russia's", "Israeli".
    fn owner_before(&self, s: usize, t: usize) -> Option<usize> {
        let mut k = t;
        let mut steps = 0;
        while k > s && steps < 4 {
            k -= 1;
            steps += 1;
            if self.tokens[k].kind == TokenKind::Possessive {
                continue;
            }
            if let Some(m) = self.mention(k) {
                return self.as_actor(m).or(if m.kind == MentionKind::Demonym {
                    Some(m.entity)
                } else {
                    None
                });
            }
            let w = self.w(k);
            if !(ADJ_SKIP.contains(&w) || self.raw(k) == "-" || w.ends_with("-scale")) {
                return None;
            }
        }
        None
    }

    fn noun(&mut self, trig: &Trigger, s: usize, e: usize, i: usize, end: usize) {
        if self.negated(s, i) || self.judged(s, i) {
            return;
        }
        // a word of a name ("the Three Brotherhood Alliance") is no event
        if self.inside_name(i).is_some() {
            return;
        }
        // "the capture of Y by X"
        let mut source: Vec<usize> = self.owner_before(s, i).into_iter().collect();
        // the preposition, possibly after a place: "talks in Vilnius with X"
        let mut prep_at = None;
        let mut t = end;
        while t < (end + 8).min(e) {
            if trig.noun_preps.iter().any(|p| p == self.w(t)) {
                prep_at = Some(t);
                break;
            }
            if let Some(m) = self.mention(t) {
                if self.as_place(m).is_none() {
                    break;
                }
                t = m.tokens.end;
                continue;
            }
            if t >= end + 3 && !matches!(self.w(t), "the" | "capital" | "city" | "in" | "at") {
                break;
            }
            if self.is_break(t) {
                break;
            }
            t += 1;
        }
        let by_at = (end..(end + 6).min(e)).find(|&t| self.w(t) == "by");
        if let Some(b) = by_at
            && source.is_empty()
        {
            source = self.object(b + 1, e, ObjectKind::Actor);
        }
        if source.is_empty() && trig.relation == Relation::Opposes {
            source = self.instrument_agents(s, end, e).unwrap_or_default();
        }
        let Some(p) = prep_at else {
            // "in a phone call": the partner is the object of "told"/"spoke to" before
            if trig.relation == Relation::MeetsWith {
                self.phone_call(trig, s, i);
            }
            return;
        };
        let targets = if trig.relation == Relation::Controls && self.located_only(p + 1, e) {
            self.including(p + 1, e, trig.object)
        } else {
            self.object(p + 1, e, trig.object)
        };
        if self.w(p) == "between" {
            // "fighting between A and B", "talks between A and B": every pair
            for (k, &a) in targets.iter().enumerate() {
                self.emit(&[a], trig.relation, &targets[k + 1..], trig, s, i);
            }
            return;
        }
        // "a day after X agreed ..., following talks with Y": the clause's actor
        if source.is_empty()
            && trig.relation == Relation::MeetsWith
            && (i.saturating_sub(2).max(s)..i)
                .any(|t| matches!(self.w(t), "following" | "after" | "during"))
        {
            let from = (s..i)
                .rev()
                .find(|&t| self.is_break(t))
                .map_or(s, |b| b + 1);
            source = self.first_actor(from, i).into_iter().collect();
        }
        if source.is_empty() {
            source = self.subject(s, i);
        }
        self.note_attack(trig, &source);
        if source.is_empty() && matches!(self.w(p), "with" | "against") {
            // "five days of fighting with X": the sentence's first actor
            source = self
                .mentions_from(s, i)
                .iter()
                .filter(|m| m.tokens.end <= i)
                .find_map(|m| self.fits(m, ObjectKind::Actor))
                .into_iter()
                .collect();
        }
        self.emit(&source, trig.relation, &targets, trig, s, i);
        self.fellow_guests(trig, &source, &targets, s, e, i);
    }

    fn phone_call(&mut self, trig: &Trigger, s: usize, i: usize) {
        let told = (s..i)
            .rev()
            .find(|&t| matches!(self.w(t), "told" | "spoke" | "talked" | "said"));
        let Some(v) = told else { return };
        let mut from = v + 1;
        if from < i && matches!(self.w(from), "to" | "with") {
            from += 1;
        }
        let partner = self.object(from, i, ObjectKind::Actor);
        let subj = self.subject(s, v);
        self.emit(&subj, trig.relation, &partner, trig, s, i);
    }

    fn adjective(&mut self, trig: &Trigger, s: usize, e: usize, i: usize, end: usize) {
        // "Iran-backed militias", "Houthi-held port of Hodeidah"
        if i < s + 2 || self.raw(i - 1) != "-" {
            return;
        }
        let Some(m) = self.mention(i - 2) else { return };
        let src = match self.as_actor(m) {
            Some(a) => a,
            None if m.kind == MentionKind::Demonym => m.entity,
            None => return,
        };
        let targets = self.object(end, e, trig.object);
        if let Some(&t) = targets.first() {
            self.emit(&[src], trig.relation, &[t], trig, s, i);
        }
    }

    fn role_noun(&mut self, trig: &Trigger, s: usize, e: usize, i: usize, end: usize) {
        if self.negated(s, i) {
            return;
        }
        let noun = self.w(i).to_string();
        let proxy = noun.starts_with("prox");
        let mutual = matches!(noun.as_str(), "ally" | "allies" | "partner" | "partners");
        if noun == "loyal" {
            // "forces loyal to X", "units still loyal to X"
            let mut f = i;
            while f > s + 1 && (self.w(f - 1) == "still" || self.w(f - 1).ends_with("ly")) {
                f -= 1;
            }
            let filler = if f > s { self.mention(f - 1) } else { None };
            let owner = self.object(end, e, ObjectKind::Actor);
            if let Some(f) = filler.and_then(|m| self.as_actor(m)) {
                self.emit(&[f], trig.relation, &owner, trig, s, i);
            }
            return;
        }
        // the owner: "Assad's backers", or "backers of Assad"
        let mut owner: Vec<usize> = self.owner_before(s, i).into_iter().collect();
        // "its Palestinian ally Hamas": the demonym says who the ally is, "its" whose
        if i >= s + 2
            && let Some(d) = self
                .mention(i - 1)
                .filter(|m| m.kind == MentionKind::Demonym)
            && d.tokens.start > s
            && matches!(self.w(d.tokens.start - 1), "its" | "their")
        {
            owner = self
                .mentions_from(s, d.tokens.start)
                .iter()
                .filter(|m| m.tokens.end < d.tokens.start)
                .filter(|m| m.kind != MentionKind::Demonym)
                .find_map(|m| self.as_actor(m))
                .into_iter()
                .collect();
        }
        let mut after = end;
        if owner.is_empty() && after < e && self.w(after) == "of" {
            owner = self.object(after + 1, e, ObjectKind::Actor);
            if let Some(m) = self.mention_at[after + 1..e].iter().flatten().next() {
                after = self.mentions[*m].tokens.end;
            }
        }
        if owner.is_empty() {
            return;
        }
        // the filler: right after ("proxy Hezbollah", "supporters in Moscow and Tehran")
        let mut k = after;
        while k < e && matches!(self.w(k), "in" | "," | "the") {
            k += 1;
        }
        let mut filler: Vec<usize> = match self.mention(k) {
            Some(m) if k < e && k <= after + 2 => self.coordinated_right(e, m, ObjectKind::Actor),
            _ => vec![],
        };
        if filler.is_empty() {
            // or before, as an appositive: "Russia and Iran, Assad's backers"
            let start = (s..i).rev().find(|&t| self.w(t) == ",");
            if let Some(c) = start
                && c > s
                && let Some(m) = self.mention(c - 1)
            {
                filler = self.coordinated_left(s, m, ObjectKind::Actor);
            }
        }
        if proxy {
            self.emit(&owner, trig.relation, &filler, trig, s, i);
        } else {
            self.emit(&filler, trig.relation, &owner, trig, s, i);
            if mutual {
                self.emit(&owner, trig.relation, &filler, trig, s, i);
            }
        }
    }

    /// "HTS leader X", "X, the head of Y", "Y's commander X": the person controls the group.
    fn leadership(&mut self, s: usize, e: usize, i: usize) {
        let rest: &[&str] = &self.ws[i..(i + 3).min(e)];
        let Some(n) = self.pat.words.leader_titles.longest_at(rest) else {
            return;
        };
        if (i.saturating_sub(5).max(s)..i).any(|t| LEADER_NEG.contains(&self.w(t))) {
            return;
        }
        let gone = |f: &Self, at: usize| {
            (at.saturating_sub(6).max(s)..at)
                .any(|t| LEADER_GONE.contains(&f.w(t)) || LEADER_NEG.contains(&f.w(t)))
        };
        if gone(self, i) {
            return;
        }
        let trig = Trigger::builtin(
            "controls/leader",
            Relation::Controls,
            ObjectKind::Actor,
            0.85,
        );
        let is_group = |f: &Self, m: &Mention| {
            let t = f.entities[m.entity].etype;
            (matches!(t, EntityType::ArmedGroup | EntityType::Organization)
                && m.kind != MentionKind::Demonym)
                .then_some(m.entity)
        };
        let is_person = |f: &Self, m: &Mention| {
            (f.entities[m.entity].etype == EntityType::Person).then_some(m.entity)
        };
        // skip person titles after the leader word: "RSF commander General X",
        // "the junta's leader, General X"
        let mut k = i + n;
        if k + 1 < e
            && self.w(k) == ","
            && i > s
            && self.tokens[i - 1].kind == TokenKind::Possessive
        {
            k += 1;
        }
        // "Y, whose secretary-general is X"
        if i >= s + 3
            && self.w(i - 1) == "whose"
            && self.w(i - 2) == ","
            && k + 1 < e
            && self.w(k) == "is"
            && let Some(org) = self.mention(i - 3).and_then(|m| is_group(self, m))
            && let Some(p) = self.mention(k + 1).and_then(|m| is_person(self, m))
        {
            self.emit(&[p], Relation::Controls, &[org], &trig, s, i);
            return;
        }
        loop {
            let r: &[&str] = &self.ws[k.min(e)..(k + 3).min(e)];
            match self.pat.words.person_titles.longest_at(r) {
                Some(m) if k + m < e => k += m,
                _ => break,
            }
        }
        // ORG [’s] leader PERSON
        let mut org_end = i;
        if org_end > s && self.tokens[org_end - 1].kind == TokenKind::Possessive {
            org_end -= 1;
        }
        if org_end > s
            && let Some(org) = self.mention(org_end - 1).and_then(|m| is_group(self, m))
            && k < e
            && let Some(p) = self.mention(k).and_then(|m| is_person(self, m))
        {
            if !(s..i).any(|t| LEADER_NEG.contains(&self.w(t)) && t + 3 >= org_end) {
                self.emit(&[p], Relation::Controls, &[org], &trig, s, i);
            }
            return;
        }
        // [PERSON ,] the leader of ORG [, PERSON]
        if i + n < e && self.w(i + n) == "of" {
            let mut t = i + n + 1;
            let mut org = None;
            while t < e && t < i + n + 8 {
                if let Some(m) = self.mention(t) {
                    // "the head of the rebels' Salvation Government": not the owner
                    let owner =
                        m.tokens.end < e && self.tokens[m.tokens.end].kind == TokenKind::Possessive;
                    if let Some(o) = is_group(self, m).filter(|_| !owner) {
                        org = Some(o);
                        break;
                    }
                    t = m.tokens.end;
                    continue;
                }
                if matches!(self.w(t), "," | "." | "which" | "who") {
                    break;
                }
                t += 1;
            }
            let Some(org) = org else { return };
            // the person: before ", the head of" or after the org's noun phrase
            let mut person = None;
            if i >= s + 2
                && matches!(self.w(i - 1), "the" | "a")
                && self.w(i - 2) == ","
                && i >= s + 3
            {
                person = self.mention(i - 3).and_then(|m| is_person(self, m));
            }
            if person.is_none() {
                let comma = (t..e).find(|&x| self.w(x) == ",");
                if let Some(c) = comma
                    && c + 1 < e
                {
                    person = self.mention(c + 1).and_then(|m| is_person(self, m));
                }
            }
            if let Some(p) = person {
                self.emit(&[p], Relation::Controls, &[org], &trig, s, i);
            }
        }
    }
}
