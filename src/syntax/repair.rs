//! Grammar repairs on a parsed sentence: a tree in, the same tree with arcs that break a
//! rule of English grammar mended.
//!
//! The parser is greedy and reads a window of the sentence; a few of its mistakes break
//! rules that hold for every English sentence, and those are mended here rather than left
//! to every reader of the tree.
//!
//! - A non-restrictive relative clause ends at its closing comma. "Iran, which arms the
//!   Houthis, denied the report": when the parser makes "denied" a conjunct of "arms" with
//!   no coordinator and leaves the noun "Iran" as the root, the sentence has no main verb;
//!   the verb after the comma becomes the root, with the antecedent its subject. So does a
//!   verb right after the closing comma that the parser hung deeper inside the clause
//!   ("Mohamud, who declared war on the militants, held talks ..." with "held" a participle
//!   modifying "talks"): the sentence has no other main verb, so it is finite.
//!   A name coordinated after the closing comma ("Chatchai, who heads the Thai panel, and
//!   Anas, the leader of the BRN delegation, met") is a conjunct of the antecedent, not of
//!   a noun inside the clause, and so is the apposition that follows it.
//! - A clause whose subject is owned by ", whose" is a relative clause of the name before
//!   the comma: "Sharaa, the leader of HTS, whose rebels ousted Assad, condemned ..." read
//!   with "ousted" the root and "Sharaa" a second subject gives "condemned" (the finite
//!   conjunct after the closing comma) back as the main verb, with "Sharaa" its subject.
//! - A sentence whose root is a noun has lost its main verb. "US forces struck sites": when
//!   the parser reads "struck" (tagged VBD, not VBN) as a clause describing the noun
//!   ("forces [that were] struck"), or "Ivan Duque, one of Guaido's backers, urged ..." with
//!   "urged" a parataxis or a conjunct without a coordinator, the first finite verb without
//!   a subject of its own becomes the root and the noun its subject; a phrase between them
//!   set off by a comma that the parser called a `list` is an apposition.
//! - A bare noun phrase set off by a comma just before the subject name is that name's
//!   title, not an adverbial: "The Ugandan army chief, General Muhoozi Kainerugaba, said
//!   ..." with "chief" an `obl:unmarked` of "said" (as "last week" would be) becomes the
//!   subject, and the name its apposition. Nouns of time are left alone.
//! - A clause has one subject. When the parser gives a verb several (`nsubj`), the one
//!   nearest the verb keeps it; an earlier one becomes the subject of the verb's first
//!   complement or adverbial clause after it that has none ("Sharif, who condemned the
//!   hijacking, will travel to Quetta ..., his office said": "Sharif" is the subject of
//!   "travel", not of "said"), and a ", who"/", which" clause right after it becomes its
//!   relative clause. A name after a comma that follows a noun is that noun's apposition,
//!   and a noun phrase set off by commas right after the subject name is the name's
//!   ("Mokha, a Houthi-held town, was shelled").
//! - "Say" takes a clause, not a thing said about: "Israel said its jets struck Hezbollah"
//!   read with "jets" the object of "said" and "struck" a participle describing them
//!   ("jets [that were] struck") is the clause "its jets struck Hezbollah", the complement
//!   of "said". A participle with a `by` agent or an infinitive ("said the decision to
//!   withdraw") is left alone.
//! - An apostrophe after a plural noun marks its owner: "The armed forces' top brass stood
//!   by ..." read with "forces" the root and "brass" its apposition is "forces" the
//!   `nmod:poss` of "brass", which takes the place "forces" had (the training file has few
//!   plural possessives, 31 in all).
//! - A past tense right after a noun root that the parser read as an adjective of the
//!   noun after it ("Montenegrin police fired tear gas at protesters" with "fired" an
//!   `amod` of "gas") is the main verb, the noun its object; a noun's modifier phrases that
//!   move to a verb become its obliques.
//! - A clause whose subject is ", who", read as a parataxis or conjunct of the verb
//!   before ("refused to meet Krivokapic, who met Porfirije"), is a relative clause of the
//!   name or noun whose phrase ends at the comma.
//! - "Said on Monday it had ..." reports a clause: a clause with its own subject after the
//!   day a verb of saying was said on, read as a relative clause of the day ("Chad's army
//!   said on Monday it had retaken the islands"), is the verb's complement.
//! - The first word of a hyphenated participle belongs to it: "Iran-backed militias
//!   attacked Kurdish fighters" read with "Iran" a second subject of "attacked" has "Iran"
//!   an `obl:unmarked` of "backed", as the parser reads "a Moscow-backed party".
//! - An apposition renames the phrase it follows: a describing noun phrase set off by a
//!   comma right after a name ("The protesters, backed by Srpska Lista, the
//!   Belgrade-sponsored party, threw stones", "the leader of Hezbollah, the Iran-backed
//!   group") that the parser hung on a noun further up is the name's apposition.
//! - Punctuation has no dependents. A word the parser hung on a comma is hung on what the
//!   comma belongs to; an apposition on the noun just before the comma ("his counterparts,
//!   Vladimir Putin and ...").

use super::{Sentence, Upos};
use crate::text::{MONTHS, WEEKDAYS};

/// The repair for a clause said without "that" read as a noun phrase (see the module docs).
fn said_clause(s: &mut Sentence) {
    for v in 0..s.words.len() {
        let word = &s.words[v];
        let Some(n) = word.head else { continue };
        if word.deprel != "acl"
            || word.upos != Upos::Verb
            || !matches!(word.xpos, "VBD" | "VBN" | "VBZ" | "VBP")
            || n > v
            || s.words[n].deprel != "obj"
            || !matches!(s.words[n].upos, Upos::Noun | Upos::Propn | Upos::Pron)
        {
            continue;
        }
        let Some(h) = s.words[n].head else { continue };
        if s.words[h].lemma != "say"
            || s.child(v, "mark").is_some()
            || s.children(v, "obl").any(|o| s.case_of(o) == Some("by"))
            || s.child(v, "obl:agent").is_some()
        {
            continue;
        }
        s.words[v].head = Some(h);
        s.words[v].deprel = "ccomp";
        s.words[n].head = Some(v);
        s.words[n].deprel = "nsubj";
    }
}

/// The repair for a plural possessive read as something else (see the module docs).
fn plural_possessive(s: &mut Sentence) {
    for p in 1..s.words.len() {
        let mut n = p - 1;
        if s.words[p].form != "'" || !matches!(s.words[n].upos, Upos::Noun | Upos::Propn) {
            continue;
        }
        // a name's last word stands for the name: "Davis Thames' presentation" is Davis's
        if s.words[n].deprel.starts_with("flat")
            && let Some(h) = s.words[n].head
        {
            n = h;
        }
        // an apostrophe the tagger called a closing quote is a possessive when it follows a
        // plural in "s" and no quote opened before it ("the armed forces' top brass")
        let quote = s.words[p].xpos != "POS";
        if quote
            && (!s.words[n].form.ends_with('s')
                || s.words[..p]
                    .iter()
                    .any(|w| matches!(w.form.as_str(), "'" | "‘" | "`" | "``")))
        {
            continue;
        }
        // the possessed noun: the last of the nouns and adjectives right after the mark
        let owned = (p + 1..s.words.len())
            .take_while(|&k| matches!(s.words[k].upos, Upos::Adj | Upos::Noun | Upos::Propn))
            .filter(|&k| matches!(s.words[k].upos, Upos::Noun | Upos::Propn))
            .last();
        let Some(h) = owned else { continue };
        if s.words[n].head == Some(h) && s.words[n].deprel == "nmod:poss" {
            continue;
        }
        // the possessed noun takes the owner's place when it hangs below the owner
        if s.path_to_root(h)[1..].contains(&n) {
            s.words[h].head = s.words[n].head;
            s.words[h].deprel = s.words[n].deprel;
            for d in s.dependents(n).filter(|&d| d > p).collect::<Vec<_>>() {
                if d != h {
                    s.words[d].head = Some(h);
                }
            }
        }
        s.words[n].head = Some(h);
        s.words[n].deprel = "nmod:poss";
        s.words[p].head = Some(n);
        s.words[p].deprel = "case";
        if quote {
            s.words[p].upos = Upos::Part;
            s.words[p].xpos = "POS";
        }
    }
}

/// Applies every repair to `s`.
pub fn repair(s: &mut Sentence) {
    punctuation_has_no_dependents(s);
    who_clause_is_relative(s);
    said_clause(s);
    plural_possessive(s);
    listed_name_is_apposition(s);
    hyphen_compound_is_a_modifier(s);
    said_on_a_day_a_clause(s);
    apposition_renames_the_name_before(s);
    relative_clause_ends_at_its_comma(s);
    relative_clause_main_verb(s);
    whose_clause_is_relative(s);
    noun_root_main_verb(s);
    title_before_subject(s);
    // one pass to find the verbs with several subjects, not a scan per word
    let mut subjects = vec![0u8; s.words.len()];
    for w in &s.words {
        if let Some(h) = w
            .head
            .filter(|_| matches!(w.deprel, "nsubj" | "nsubj:pass"))
        {
            subjects[h] = subjects[h].saturating_add(1);
        }
    }
    for (v, _) in subjects.iter().enumerate().filter(|(_, n)| **n >= 2) {
        one_subject(s, v);
    }
}

/// "refused to meet Krivokapic, who met Porfirije": a clause whose subject is ", who",
/// read as a parataxis or conjunct of the verb before, is a relative clause of the name or
/// noun whose phrase ends at the comma.
fn who_clause_is_relative(s: &mut Sentence) {
    for v in 0..s.words.len() {
        let w = &s.words[v];
        if !matches!(w.deprel, "parataxis" | "conj" | "advcl")
            || w.upos != Upos::Verb
            || s.child(v, "cc").is_some()
        {
            continue;
        }
        let Some(p) = s
            .child(v, "nsubj")
            .filter(|&p| p > 1 && s.words[p].lemma == "who" && s.words[p - 1].form == ",")
        else {
            continue;
        };
        let Some(n) = noun_ending_at(s, p - 2, true) else {
            continue;
        };
        if s.words[n].upos == Upos::Pron || s.subtree(n).contains(&v) {
            continue;
        }
        s.words[v].head = Some(n);
        s.words[v].deprel = "acl:relcl";
        if s.words[p - 1].head != Some(v) {
            s.words[p - 1].head = Some(v);
            s.words[p - 1].deprel = "punct";
        }
    }
}

/// Verbs of saying that take a clause without "that".
const SAYING: &[&str] = &[
    "say", "tell", "announce", "report", "claim", "confirm", "add", "warn", "state", "insist",
];

/// The repair for a reported clause read as a relative clause of the day it was said on
/// (see the module docs): "Chad's army said on Monday it had retaken the islands" with
/// "retaken" an `acl:relcl` of "Monday".
fn said_on_a_day_a_clause(s: &mut Sentence) {
    for v in 0..s.words.len() {
        let Some(n) = s.words[v].head else { continue };
        if s.words[v].deprel != "acl:relcl" || s.words[v].upos != Upos::Verb || n > v {
            continue;
        }
        let time = s.words[n].lemma.to_lowercase();
        let Some(h) = s.words[n].head else { continue };
        // a relative clause opens with a relative word; a reported one with its subject
        let relative = s.dependents(v).any(|d| {
            d < v
                && matches!(
                    s.words[d].lemma.as_str(),
                    "that" | "which" | "who" | "whom" | "whose" | "when" | "where"
                )
        });
        if relative
            || !(TIME_NOUNS.contains(&time.as_str())
                || MONTHS.contains(&time.as_str())
                || WEEKDAYS.contains(&time.as_str()))
            || s.words[n].deprel != "obl"
            || !SAYING.contains(&s.words[h].lemma.as_str())
            || s.child(v, "nsubj").is_none_or(|p| p < n)
        {
            continue;
        }
        s.words[v].head = Some(h);
        s.words[v].deprel = "ccomp";
    }
}

/// The repair for the first word of a hyphenated participle read as an argument of the
/// verb (see the module docs): "Iran-backed militias attacked Kurdish fighters" with "Iran"
/// a second subject of "attacked".
fn hyphen_compound_is_a_modifier(s: &mut Sentence) {
    for n in 0..s.words.len().saturating_sub(2) {
        let (x, p) = (n, n + 2);
        let Some(v) = s.words[x].head else { continue };
        if !matches!(s.words[x].upos, Upos::Propn | Upos::Noun)
            || s.words[x + 1].form != "-"
            || s.words[p].xpos != "VBN"
            || s.words[p].deprel != "amod"
            || !matches!(s.words[x].deprel, "nsubj" | "obj" | "nsubj:pass")
            || s.words[v].upos != Upos::Verb
        {
            continue;
        }
        // the participle describes a noun that is itself an argument of the same verb
        let Some(m) = s.words[p].head else { continue };
        if s.words[m].head != Some(v) || m <= p {
            continue;
        }
        s.words[x].head = Some(p);
        s.words[x].deprel = "obl:unmarked";
    }
}

/// The repair for a describing apposition hung past the name it follows (see the module
/// docs): "The protesters, backed by Srpska Lista, the Belgrade-sponsored party, threw
/// stones" read with "party" an apposition of "protesters".
fn apposition_renames_the_name_before(s: &mut Sentence) {
    for a in 0..s.words.len() {
        let w = &s.words[a];
        let Some(h) = w.head else { continue };
        // a common noun with an article: "the Belgrade-sponsored party", "a Houthi-held town"
        if w.deprel != "appos"
            || w.upos != Upos::Noun
            || !s
                .children(a, "det")
                .any(|d| matches!(s.words[d].lemma.as_str(), "the" | "a" | "an"))
        {
            continue;
        }
        let Some(comma) = s.opening_comma(a) else {
            continue;
        };
        let Some(mut n) = noun_ending_at(s, comma - 1, true) else {
            continue;
        };
        // the name's head, not its last word ("Srpska", not "Lista"), nor its acronym in
        // brackets ("the Sinjar Resistance Units (YBS), a Yazidi armed group")
        let bracketed = |s: &Sentence, n: usize| {
            s.words[n].deprel == "appos"
                && s.subtree(n)
                    .first()
                    .is_some_and(|&f| s.words[f].form == "(")
        };
        while (matches!(s.words[n].deprel, "flat" | "compound" | "fixed") || bracketed(s, n))
            && let Some(p) = s.words[n].head
        {
            n = p;
        }
        if n == h
            || s.words[n].upos != Upos::Propn
            || !s.path_to_root(n).contains(&h)
            || s.path_to_root(n).contains(&a)
        {
            continue;
        }
        s.words[a].head = Some(n);
    }
}

/// Whether verb `r` opens a non-restrictive relative clause: its subject is ", which" or
/// ", who".
fn opens_relative(s: &Sentence, r: usize) -> bool {
    s.child(r, "nsubj").is_some_and(|p| {
        p > 0 && matches!(s.words[p].lemma.as_str(), "which" | "who") && s.words[p - 1].form == ","
    })
}

/// The subjects of verb `v`, active or passive.
fn subjects(s: &Sentence, v: usize) -> Vec<usize> {
    s.dependents(v)
        .filter(|&d| matches!(s.words[d].deprel, "nsubj" | "nsubj:pass"))
        .collect()
}

/// The noun (or, with `names`, the noun or name) whose phrase ends at word `end`, not the
/// root: what an apposition after ", " describes.
fn noun_ending_at(s: &Sentence, end: usize, names: bool) -> Option<usize> {
    (0..=end).rev().find(|&k| {
        (s.words[k].upos == Upos::Noun || (names && s.words[k].upos == Upos::Propn))
            && s.words[k].head.is_some()
            && s.subtree(k).last() == Some(&end)
    })
}

/// The repair for words hung on punctuation (see the module docs).
fn punctuation_has_no_dependents(s: &mut Sentence) {
    for w in 0..s.words.len() {
        let Some(p) = s.words[w].head.filter(|&p| s.words[p].upos == Upos::Punct) else {
            continue;
        };
        let noun_before = p
            .checked_sub(1)
            .filter(|&n| matches!(s.words[n].upos, Upos::Noun | Upos::Propn) && n != w);
        let head = match noun_before {
            Some(n) if s.words[w].deprel == "appos" => Some(n),
            _ => s.words[p].head,
        };
        // never hang a word on itself or below itself
        if head.is_some_and(|h| h != w && !s.path_to_root(h).contains(&w)) {
            s.words[w].head = head;
        }
    }
}

/// "Mokha, a town on the coast, was shelled" read with two subjects: the noun phrase set
/// off by commas right after the name is the name's apposition.
fn appositive_subject(s: &mut Sentence, v: usize) {
    let [name, noun] = subjects(s, v)[..] else {
        return;
    };
    let words = |w: usize| -> Vec<usize> {
        s.subtree(w)
            .into_iter()
            .filter(|&k| s.words[k].upos != Upos::Punct)
            .collect()
    };
    let (name_words, noun_words) = (words(name), words(noun));
    let (Some(&name_end), Some(&noun_start), Some(&noun_end)) =
        (name_words.last(), noun_words.first(), noun_words.last())
    else {
        return;
    };
    let comma = |k: usize| s.words.get(k).is_some_and(|w| w.form == ",");
    let set_off = noun_start == name_end + 2 && comma(name_end + 1) && comma(noun_end + 1);
    if set_off
        && s.words[name].upos == Upos::Propn
        && s.words[noun].upos == Upos::Noun
        && noun_end < v
    {
        s.words[noun].head = Some(name);
        s.words[noun].deprel = "appos";
    }
}

/// "Kyrgyz and Tajik troops fought" read with two subjects: an adjective, or coordinated
/// names, that end right where another subject begins modify it.
fn modifier_subject(s: &mut Sentence, v: usize) {
    let [first, second] = subjects(s, v)[..] else {
        return;
    };
    let first_end = s.subtree(first).last().copied();
    let second_start = s.subtree(second).first().copied();
    if first_end.is_some_and(|e| Some(e + 1) == second_start)
        && matches!(s.words[second].upos, Upos::Noun | Upos::Propn)
        && (s.words[first].upos == Upos::Adj
            || (s.words[first].upos == Upos::Propn && s.child(first, "conj").is_some()))
    {
        s.words[first].head = Some(second);
        s.words[first].deprel = if s.words[first].upos == Upos::Adj {
            "amod"
        } else {
            "compound"
        };
    }
}

/// A name after ", " that follows a noun, which the parser called a `list` item, is that
/// noun's apposition ("his Tajik counterpart, Emomali Rahmon").
fn listed_name_is_apposition(s: &mut Sentence) {
    for d in 2..s.words.len() {
        if s.words[d].deprel != "list" || s.words[d].upos != Upos::Propn {
            continue;
        }
        // the comma opens the item's subtree or comes just before it
        let first = s.subtree(d).first().copied().unwrap_or(d);
        if first < 2 {
            continue;
        }
        let Some(comma) = [first, first - 1]
            .into_iter()
            .find(|&c| s.words[c].form == ",")
        else {
            continue;
        };
        let noun = noun_ending_at(s, comma - 1, false);
        if let Some(n) = noun.filter(|&n| !s.path_to_root(n).contains(&d)) {
            s.words[d].head = Some(n);
            s.words[d].deprel = "appos";
        }
    }
}

/// The repair for a verb with several subjects (see the module docs).
fn one_subject(s: &mut Sentence, v: usize) {
    appositive_subject(s, v);
    modifier_subject(s, v);
    let subjects: Vec<usize> = s.children(v, "nsubj").collect();
    if subjects.len() < 2 {
        return;
    }
    let keep = *subjects
        .iter()
        .min_by_key(|&&d| d.abs_diff(v))
        .unwrap_or(&v);
    for &d in subjects.iter().filter(|&&d| d != keep) {
        // a name just after ", " that follows a noun describes that noun
        if d >= 2
            && s.words[d - 1].form == ","
            && s.words[d].upos == Upos::Propn
            && let Some(n) = noun_ending_at(s, d - 2, true)
        {
            s.words[d].head = Some(n);
            s.words[d].deprel = "appos";
            continue;
        }
        let clause = s.dependents(v).find(|&c| {
            c > d
                && c < v
                && matches!(s.words[c].deprel, "ccomp" | "advcl" | "xcomp")
                && s.words[c].upos == Upos::Verb
                && s.subject_of(c).is_none()
        });
        let Some(c) = clause else { continue };
        s.words[d].head = Some(c);
        // ", who condemned ...": a relative clause of the subject before it
        for r in s
            .dependents(v)
            .filter(|&r| r > d && r < c)
            .collect::<Vec<_>>()
        {
            if opens_relative(s, r) && s.words[r].upos == Upos::Verb {
                s.words[r].head = Some(d);
                s.words[r].deprel = "acl:relcl";
            }
        }
    }
}

/// Nouns of time: they stand as adverbials without a preposition ("last week, Iran ..."),
/// and "for several hours" says how long, not for whom.
pub const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "time",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "decade",
    "hour",
    "minute",
    "moment",
    "season",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
];

/// The repair for a title read as an adverbial before its subject name (see the module
/// docs).
fn title_before_subject(s: &mut Sentence) {
    let Some(v) = s.root() else { return };
    let Some(p) = s.child(v, "nsubj") else { return };
    let title = s.children(v, "obl:unmarked").find(|&n| {
        let end = s.subtree(n).last().copied().unwrap_or(n);
        n < p
            && s.words[n].upos == Upos::Noun
            && !TIME_NOUNS.contains(&s.words[n].lemma.as_str())
            && s.words[p].upos == Upos::Propn
            && s.words.get(end).is_some_and(|w| w.form == ",")
            && s.subtree(p).first() == Some(&(end + 1))
    });
    let Some(n) = title else { return };
    let comma = s.subtree(n).last().copied().unwrap_or(n);
    s.words[comma].head = Some(p);
    s.words[n].deprel = "nsubj";
    s.words[p].head = Some(n);
    s.words[p].deprel = "appos";
}

/// The repair for a main verb swallowed by a relative clause (see the module docs).
fn relative_clause_main_verb(s: &mut Sentence) {
    let Some(a) = s.root() else { return };
    if !matches!(s.words[a].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
        return;
    }
    for r in s.children(a, "acl:relcl").collect::<Vec<_>>() {
        if !opens_relative(s, r) {
            continue;
        }
        // after a comma: the comma opens the verb's subtree or comes just before it
        let after_comma = |v: usize| {
            let f = s.subtree(v)[0];
            s.words[f].form == "," || (f > 0 && s.words[f - 1].form == ",")
        };
        let main = s.children(r, "conj").find(|&v| {
            s.words[v].upos == Upos::Verb
                && matches!(s.words[v].xpos, "VBD" | "VBZ" | "VBP")
                && s.child(v, "cc").is_none()
                && s.child(v, "nsubj").is_none()
                && s.child(v, "nsubj:pass").is_none()
                && after_comma(v)
        });
        let Some(v) = main.or_else(|| verb_after_closing_comma(s, r)) else {
            continue;
        };
        let passive = s.child(v, "aux:pass").is_some();
        // the closing comma belongs to the relative clause
        let first = s.subtree(v).first().copied().unwrap_or(v);
        for c in [first.wrapping_sub(1), first] {
            if c < s.words.len() && s.words[c].form == "," && s.words[c].head == Some(v) {
                s.words[c].head = Some(r);
            }
        }
        promote(s, a, v, if passive { "nsubj:pass" } else { "nsubj" });
        return;
    }
}

/// "X, who declared war on the militants, held talks with ..." read with "held" inside the
/// relative clause (here a participle modifying "talks"): a verb with no subject right
/// after the clause's closing comma, in a sentence whose root is the clause's noun and so
/// has no main verb, is the main verb, and finite ("held" read as a participle is a past
/// tense). It is readied for that: a noun it was hung on as a modifier becomes its object,
/// and what the clause's verb governs after the comma hangs on it.
fn verb_after_closing_comma(s: &mut Sentence, r: usize) -> Option<usize> {
    let close = (r + 1..s.words.len()).find(|&k| s.words[k].form == ",")?;
    let v = close + 1;
    let w = s.words.get(v)?;
    let inside = s.subtree(r);
    if w.upos != Upos::Verb
        || !matches!(w.xpos, "VBD" | "VBZ" | "VBP" | "VBN")
        || !inside.contains(&v)
        || !subjects(s, v).is_empty()
        || s.child(v, "mark").is_some()
    {
        return None;
    }
    if w.xpos == "VBN" {
        s.words[v].xpos = "VBD";
    }
    let w = &s.words[v];
    if let Some(h) = w.head.filter(|&h| h > v && w.deprel == "amod") {
        s.words[h].head = Some(v);
        s.words[h].deprel = "obj";
    }
    for d in inside.into_iter().filter(|&d| d > v) {
        if s.words[d].head == Some(r) {
            s.words[d].head = Some(v);
        }
    }
    Some(v)
}

/// The repair for a ", whose" clause read as the main clause (see the module docs):
/// "Sharaa, the leader of HTS, whose rebels ousted Assad and now control Damascus,
/// condemned the incursion" with "ousted" the root and both "Sharaa" and "rebels" its
/// subjects.
fn whose_clause_is_relative(s: &mut Sentence) {
    let Some(v) = s.root() else { return };
    let subj: Vec<usize> = s.children(v, "nsubj").collect();
    if s.words[v].upos != Upos::Verb || subj.len() < 2 {
        return;
    }
    // the subject owned by ", whose", and the name before it
    let Some(whose) = subj.iter().find_map(|&p| {
        s.children(p, "nmod:poss").find(|&w| {
            w >= 2 && s.words[w].form.eq_ignore_ascii_case("whose") && s.words[w - 1].form == ","
        })
    }) else {
        return;
    };
    let Some(first) = subj.iter().copied().filter(|&d| d < whose).min() else {
        return;
    };
    let Some(antecedent) =
        noun_ending_at(s, whose - 2, true).or_else(|| noun_ending_at(s, whose - 1, true))
    else {
        return;
    };
    // the main verb: a finite conjunct after a comma, with no coordinator or subject
    let main = s.children(v, "conj").find(|&c| {
        let w = &s.words[c];
        w.upos == Upos::Verb
            && matches!(w.xpos, "VBD" | "VBZ" | "VBP")
            && s.child(c, "cc").is_none()
            && subjects(s, c).is_empty()
            && s.subtree(c)
                .first()
                .is_some_and(|&f| s.words[f].form == "," || (f > 0 && s.words[f - 1].form == ","))
    });
    let Some(m) = main else { return };
    for d in s.dependents(v).filter(|&d| d > m).collect::<Vec<_>>() {
        s.words[d].head = Some(m);
    }
    // the closing comma belongs to the relative clause
    if let Some(&c) = s.subtree(m).first().filter(|&&c| s.words[c].form == ",") {
        s.words[c].head = Some(v);
    }
    s.words[m].head = None;
    s.words[m].deprel = "root";
    s.words[first].head = Some(m);
    s.words[first].deprel = "nsubj";
    s.words[v].head = Some(antecedent);
    s.words[v].deprel = "acl:relcl";
}

/// The repair for a name coordinated after a relative clause (see the module docs):
/// "Chatchai, who heads the Thai panel, and Anas, the leader of the BRN delegation, met"
/// with "Anas" a conjunct of "panel".
fn relative_clause_ends_at_its_comma(s: &mut Sentence) {
    for r in 0..s.words.len() {
        let Some(a) = s.words[r].head.filter(|_| s.words[r].deprel == "acl:relcl") else {
            continue;
        };
        if !opens_relative(s, r) {
            continue;
        }
        // the clause's closing comma: the first after its verb
        let Some(close) = (r + 1..s.words.len()).find(|&k| s.words[k].form == ",") else {
            continue;
        };
        let inside = s.subtree(r);
        // a name after ", and" whose head inside the clause has no other conjunct: not the
        // last of a list ("who has the backing of Russia, China and Cuba")
        let after_comma_and = |d: usize| {
            s.child(d, "cc").is_some_and(|c| {
                c >= 1
                    && matches!(s.words[c].form.as_str(), "and" | "or")
                    && s.words[c - 1].form == ","
            })
        };
        let Some(c) = inside.iter().copied().find(|&d| {
            d > close
                && s.words[d].deprel == "conj"
                && s.words[d].upos == Upos::Propn
                && after_comma_and(d)
                && s.words[d]
                    .head
                    .is_some_and(|h| h < close && h != a && s.children(h, "conj").count() == 1)
        }) else {
            continue;
        };
        s.words[c].head = Some(a);
        // "..., and Anas, the leader of ...": an apposition after the moved name is its
        for d in inside {
            if d > c && s.words[d].deprel == "appos" && s.words[d].head.is_some_and(|h| h < close) {
                s.words[d].head = Some(c);
            }
        }
    }
}

/// The repair for a noun root whose main verb hangs below it (see the module docs).
fn noun_root_main_verb(s: &mut Sentence) {
    let Some(a) = s.root() else { return };
    if !matches!(s.words[a].upos, Upos::Noun | Upos::Propn) {
        return;
    }
    let main = s.dependents(a).find(|&v| {
        let w = &s.words[v];
        let finite = match w.deprel {
            "acl" => w.xpos == "VBD",
            "parataxis" => matches!(w.xpos, "VBD" | "VBZ" | "VBP"),
            "conj" => matches!(w.xpos, "VBD" | "VBZ" | "VBP") && s.child(v, "cc").is_none(),
            _ => false,
        };
        v > a
            && w.upos == Upos::Verb
            && finite
            && s.dependents(v).all(|d| {
                !matches!(
                    s.words[d].deprel,
                    "mark" | "nsubj" | "nsubj:pass" | "aux" | "aux:pass" | "expl"
                )
            })
    });
    // "Montenegrin police fired tear gas at ...": a past tense right after the noun root,
    // read as an adjective of the noun after it, is the verb and that noun its object
    let attributive = || {
        let v = a + 1;
        let w = s.words.get(v)?;
        let h = w.head?;
        (w.upos == Upos::Verb
            && matches!(w.xpos, "VBD" | "VBN")
            && w.deprel == "amod"
            && h > v
            && s.words[h].head == Some(a)
            && matches!(s.words[h].upos, Upos::Noun | Upos::Propn))
        .then_some((v, h))
    };
    let v = match main {
        Some(v) => v,
        None => {
            let Some((v, h)) = attributive() else { return };
            s.words[h].head = Some(v);
            s.words[h].deprel = "obj";
            v
        }
    };
    for d in s.dependents(a).filter(|&d| d < v).collect::<Vec<_>>() {
        if s.words[d].deprel == "list" && d > 0 && s.words[d - 1].form == "," {
            s.words[d].deprel = "appos";
        }
    }
    promote(s, a, v, "nsubj");
}

/// Makes verb `v` the root in place of the noun root `a`, which becomes its subject
/// (`subject` names the relation); what follows the verb (the full stop) hangs on it, not
/// on the subject.
fn promote(s: &mut Sentence, a: usize, v: usize, subject: &'static str) {
    for d in s.dependents(a).filter(|&d| d > v).collect::<Vec<_>>() {
        s.words[d].head = Some(v);
        // a noun's modifier phrase is a verb's oblique
        if s.words[d].deprel == "nmod" {
            s.words[d].deprel = "obl";
        }
    }
    s.words[v].head = None;
    s.words[v].deprel = "root";
    s.words[a].head = Some(v);
    s.words[a].deprel = subject;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::tests::sentence;

    fn arcs(s: &Sentence) -> Vec<(Option<usize>, &str)> {
        s.words.iter().map(|w| (w.head, w.deprel)).collect()
    }

    #[test]
    fn an_apostrophe_after_a_plural_marks_its_owner() {
        // "The forces ' brass stood by Maduro ." as the parser can misread it: "forces" the
        // root, the apostrophe a closing quote, "brass" an apposition with "stood" below it
        let mut s = sentence(&[
            ("The", Upos::Det, "DT", 2, "det"),
            ("forces", Upos::Noun, "NNS", 0, "root"),
            ("'", Upos::Punct, "''", 2, "punct"),
            ("brass", Upos::Noun, "NN", 2, "appos"),
            ("stood", Upos::Verb, "VBD", 4, "acl"),
            ("by", Upos::Adp, "IN", 7, "case"),
            ("Maduro", Upos::Propn, "NNP", 5, "obl"),
            (".", Upos::Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[1], (Some(3), "nmod:poss"));
        assert_eq!(a[2], (Some(1), "case"));
        assert_eq!(s.words[2].xpos, "POS");
        assert_eq!(a[4], (None, "root"), "the verb is the main verb again");
        assert_eq!(a[3], (Some(4), "nsubj"));
        // a quotation closing after a plural stays one: "the 'rebels' said"
        let mut s = sentence(&[
            ("'", Upos::Punct, "``", 2, "punct"),
            ("rebels", Upos::Noun, "NNS", 4, "nsubj"),
            ("'", Upos::Punct, "''", 2, "punct"),
            ("said", Upos::Verb, "VBD", 0, "root"),
        ]);
        repair(&mut s);
        assert_eq!(arcs(&s)[1], (Some(3), "nsubj"));
    }

    #[test]
    fn a_clause_said_without_that_is_a_clause() {
        // "Israel say its jets struck Hezbollah." as the parser can misread it: "jets" the
        // object of "say", "struck" a participle describing them (the helper's lemma is the
        // form, so the verb is written as its lemma)
        let rows = [
            ("Israel", Upos::Propn, "NNP", 2, "nsubj"),
            ("say", Upos::Verb, "VBD", 0, "root"),
            ("its", Upos::Pron, "PRP$", 4, "nmod:poss"),
            ("jets", Upos::Noun, "NNS", 2, "obj"),
            ("struck", Upos::Verb, "VBN", 4, "acl"),
            ("Hezbollah", Upos::Propn, "NNP", 5, "obj"),
            (".", Upos::Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[4], (Some(1), "ccomp"));
        assert_eq!(a[3], (Some(4), "nsubj"));
        assert_eq!(a[5], (Some(4), "obj"));
        // a participle with a by-agent still describes its noun: "say the statement issued
        // by the ministry"
        let mut s = sentence(&[
            ("He", Upos::Pron, "PRP", 2, "nsubj"),
            ("say", Upos::Verb, "VBD", 0, "root"),
            ("the", Upos::Det, "DT", 4, "det"),
            ("statement", Upos::Noun, "NN", 2, "obj"),
            ("issued", Upos::Verb, "VBN", 4, "acl"),
            ("by", Upos::Adp, "IN", 8, "case"),
            ("the", Upos::Det, "DT", 8, "det"),
            ("ministry", Upos::Noun, "NN", 5, "obl"),
            (".", Upos::Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        assert_eq!(arcs(&s)[4], (Some(3), "acl"));
    }

    #[test]
    fn a_whose_clause_read_as_the_main_clause_is_given_back() {
        // "Sharaa, the leader of HTS, whose rebels ousted Assad, condemned the incursion."
        // as the parser can misread it: "ousted" the root, with two subjects
        let mut s = sentence(&[
            ("Sharaa", Upos::Propn, "NNP", 10, "nsubj"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("the", Upos::Det, "DT", 4, "det"),
            ("leader", Upos::Noun, "NN", 1, "appos"),
            ("of", Upos::Adp, "IN", 6, "case"),
            ("HTS", Upos::Propn, "NNP", 4, "nmod"),
            (",", Upos::Punct, ",", 6, "punct"),
            ("whose", Upos::Pron, "WP$", 9, "nmod:poss"),
            ("rebels", Upos::Noun, "NNS", 10, "nsubj"),
            ("ousted", Upos::Verb, "VBD", 0, "root"),
            ("Assad", Upos::Propn, "NNP", 10, "obj"),
            (",", Upos::Punct, ",", 13, "punct"),
            ("condemned", Upos::Verb, "VBD", 10, "conj"),
            ("the", Upos::Det, "DT", 15, "det"),
            ("incursion", Upos::Noun, "NN", 13, "obj"),
            (".", Upos::Punct, ".", 10, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[12], (None, "root"));
        assert_eq!(a[0], (Some(12), "nsubj"));
        assert_eq!(
            a[9],
            (Some(5), "acl:relcl"),
            "the clause of the name before ', whose'"
        );
        assert_eq!(a[8], (Some(9), "nsubj"), "the clause keeps its own subject");
        assert_eq!(a[11], (Some(9), "punct"), "the closing comma");
        assert_eq!(a[15], (Some(12), "punct"), "the full stop");
    }

    #[test]
    fn a_main_verb_swallowed_by_a_relative_clause_is_given_back() {
        // "Iran, which arms the Houthis, denied the report." as the parser can misread it
        let mut s = sentence(&[
            ("Iran", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("which", Upos::Pron, "WDT", 4, "nsubj"),
            ("arms", Upos::Verb, "VBZ", 1, "acl:relcl"),
            ("the", Upos::Det, "DT", 6, "det"),
            ("Houthis", Upos::Propn, "NNPS", 4, "obj"),
            (",", Upos::Punct, ",", 8, "punct"),
            ("denied", Upos::Verb, "VBD", 4, "conj"),
            ("the", Upos::Det, "DT", 10, "det"),
            ("report", Upos::Noun, "NN", 8, "obj"),
            (".", Upos::Punct, ".", 1, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[7], (None, "root"));
        assert_eq!(a[0], (Some(7), "nsubj"));
        assert_eq!(a[6], (Some(3), "punct"), "the closing comma");
        assert_eq!(a[10], (Some(7), "punct"), "the full stop");
        assert_eq!(a[3], (Some(0), "acl:relcl"));
    }

    #[test]
    fn a_verb_after_the_relative_clauses_comma_is_the_main_verb() {
        // "Mohamud, who declared war, held talks and urged them." with "held" read as a
        // participle modifying "talks" inside the relative clause
        let mut s = sentence(&[
            ("Mohamud", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("who", Upos::Pron, "WP", 4, "nsubj"),
            ("declared", Upos::Verb, "VBD", 1, "acl:relcl"),
            ("war", Upos::Noun, "NN", 4, "obj"),
            (",", Upos::Punct, ",", 5, "punct"),
            ("held", Upos::Verb, "VBN", 8, "amod"),
            ("talks", Upos::Noun, "NNS", 4, "obl"),
            ("and", Upos::Cconj, "CC", 10, "cc"),
            ("urged", Upos::Verb, "VBD", 4, "conj"),
            ("them", Upos::Pron, "PRP", 10, "obj"),
            (".", Upos::Punct, ".", 1, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[6], (None, "root"));
        assert_eq!(s.words[6].xpos, "VBD");
        assert_eq!(a[0], (Some(6), "nsubj"));
        assert_eq!(a[7], (Some(6), "obj"), "the noun it modified is its object");
        assert_eq!(a[9], (Some(6), "conj"), "the verb coordinated after it");
        assert_eq!(a[11], (Some(6), "punct"), "the full stop");
        assert_eq!(a[3], (Some(0), "acl:relcl"));
        assert_eq!(a[4], (Some(3), "obj"));
    }

    #[test]
    fn a_clause_said_on_a_day_is_the_verbs_complement() {
        // "The army said on Monday it had retaken Gao." read with "retaken" a relative
        // clause of "Monday"
        let mut s = sentence(&[
            ("The", Upos::Det, "DT", 2, "det"),
            ("army", Upos::Noun, "NN", 3, "nsubj"),
            ("said", Upos::Verb, "VBD", 0, "root"),
            ("on", Upos::Adp, "IN", 5, "case"),
            ("Monday", Upos::Propn, "NNP", 3, "obl"),
            ("it", Upos::Pron, "PRP", 8, "nsubj"),
            ("had", Upos::Aux, "VBD", 8, "aux"),
            ("retaken", Upos::Verb, "VBN", 5, "acl:relcl"),
            ("Gao", Upos::Propn, "NNP", 8, "obj"),
            (".", Upos::Punct, ".", 3, "punct"),
        ]);
        s.words[2].lemma = "say".into();
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[7], (Some(2), "ccomp"), "{a:?}");
    }

    #[test]
    fn a_describing_apposition_renames_the_name_before_its_comma() {
        // "The protesters, backed by Srpska Lista, the party, threw stones." read with
        // "party" an apposition of "protesters"
        let mut s = sentence(&[
            ("The", Upos::Det, "DT", 2, "det"),
            ("protesters", Upos::Noun, "NNS", 12, "nsubj"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("backed", Upos::Verb, "VBN", 2, "acl"),
            ("by", Upos::Adp, "IN", 6, "case"),
            ("Srpska", Upos::Propn, "NNP", 4, "obl:agent"),
            ("Lista", Upos::Propn, "NNP", 6, "flat"),
            (",", Upos::Punct, ",", 10, "punct"),
            ("the", Upos::Det, "DT", 10, "det"),
            ("party", Upos::Noun, "NN", 2, "appos"),
            (",", Upos::Punct, ",", 2, "punct"),
            ("threw", Upos::Verb, "VBD", 0, "root"),
            ("stones", Upos::Noun, "NNS", 12, "obj"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[9], (Some(5), "appos"), "{a:?}");
    }

    #[test]
    fn a_noun_phrase_set_off_after_the_subject_name_is_its_apposition() {
        // "Mokha, a town, was shelled." read with two subjects
        let mut s = sentence(&[
            ("Mokha", Upos::Propn, "NNP", 7, "nsubj:pass"),
            (",", Upos::Punct, ",", 1, "punct"),
            ("a", Upos::Det, "DT", 4, "det"),
            ("town", Upos::Noun, "NN", 7, "nsubj:pass"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("was", Upos::Aux, "VBD", 7, "aux:pass"),
            ("shelled", Upos::Verb, "VBN", 0, "root"),
            (".", Upos::Punct, ".", 7, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[3], (Some(0), "appos"));
        assert_eq!(a[0], (Some(6), "nsubj:pass"));
    }

    #[test]
    fn a_name_coordinated_after_a_relative_clause_joins_the_antecedent() {
        // "Chatchai, who heads the panel, and Anas, the leader, met." with "Anas" a
        // conjunct of "panel" and "leader" its apposition
        let mut s = sentence(&[
            ("Chatchai", Upos::Propn, "NNP", 14, "nsubj"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("who", Upos::Pron, "WP", 4, "nsubj"),
            ("heads", Upos::Verb, "VBZ", 1, "acl:relcl"),
            ("the", Upos::Det, "DT", 6, "det"),
            ("panel", Upos::Noun, "NN", 4, "obj"),
            (",", Upos::Punct, ",", 9, "punct"),
            ("and", Upos::Cconj, "CC", 9, "cc"),
            ("Anas", Upos::Propn, "NNP", 6, "conj"),
            (",", Upos::Punct, ",", 12, "punct"),
            ("the", Upos::Det, "DT", 12, "det"),
            ("leader", Upos::Noun, "NN", 6, "appos"),
            (",", Upos::Punct, ",", 12, "punct"),
            ("met", Upos::Verb, "VBD", 0, "root"),
            (".", Upos::Punct, ".", 14, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[8], (Some(0), "conj"));
        assert_eq!(a[11], (Some(8), "appos"));
        assert_eq!(a[5], (Some(3), "obj"));
    }

    #[test]
    fn words_hung_on_punctuation_are_hung_on_what_it_belongs_to() {
        // "Erdogan spoke with his counterparts, Vladimir Putin today." with the name and
        // "today" hung on the comma
        let mut s = sentence(&[
            ("Erdogan", Upos::Propn, "NNP", 2, "nsubj"),
            ("spoke", Upos::Verb, "VBD", 0, "root"),
            ("with", Upos::Adp, "IN", 5, "case"),
            ("his", Upos::Pron, "PRP$", 5, "nmod:poss"),
            ("counterparts", Upos::Noun, "NNS", 2, "obl"),
            (",", Upos::Punct, ",", 2, "punct"),
            ("Vladimir", Upos::Propn, "NNP", 6, "appos"),
            ("Putin", Upos::Propn, "NNP", 7, "flat"),
            ("today", Upos::Noun, "NN", 6, "obl:tmod"),
            (".", Upos::Punct, ".", 2, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(
            a[6],
            (Some(4), "appos"),
            "the apposition: on the noun before the comma"
        );
        assert_eq!(
            a[8],
            (Some(1), "obl:tmod"),
            "anything else: on the comma's head"
        );
        assert_eq!(a[5], (Some(1), "punct"));
        assert_eq!(a[7], (Some(6), "flat"));
    }

    #[test]
    fn coordinated_verbs_and_a_sentence_with_a_verb_are_left_alone() {
        // "Iran, which arms and trains the Houthis." : a conjunct with its "and"
        let rows = [
            ("Iran", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("which", Upos::Pron, "WDT", 4, "nsubj"),
            ("arms", Upos::Verb, "VBZ", 1, "acl:relcl"),
            ("and", Upos::Cconj, "CC", 6, "cc"),
            ("trains", Upos::Verb, "VBZ", 4, "conj"),
            ("the", Upos::Det, "DT", 8, "det"),
            ("Houthis", Upos::Propn, "NNPS", 6, "obj"),
            (".", Upos::Punct, ".", 1, "punct"),
        ];
        let mut s = sentence(&rows);
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_past_tense_read_as_a_nouns_clause_becomes_the_main_verb() {
        // "US forces struck sites." as the parser can misread it
        let rows = |xpos| {
            [
                ("US", Upos::Propn, "NNP", 2, "compound"),
                ("forces", Upos::Noun, "NNS", 0, "root"),
                ("struck", Upos::Verb, xpos, 2, "acl"),
                ("sites", Upos::Noun, "NNS", 3, "obj"),
                (".", Upos::Punct, ".", 2, "punct"),
            ]
        };
        let mut s = sentence(&rows("VBD"));
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[2], (None, "root"));
        assert_eq!(a[1], (Some(2), "nsubj"));
        assert_eq!(a[4], (Some(2), "punct"), "the full stop");
        assert_eq!(a[3], (Some(2), "obj"));
        // "US forces trained in Iran.": a participle describes the noun
        let mut s = sentence(&rows("VBN"));
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_past_tense_read_as_an_adjective_after_the_noun_root_is_the_verb() {
        // "Montenegrin police fired tear gas at protesters." as the parser can misread it
        let rows = [
            ("Montenegrin", Upos::Propn, "NNP", 2, "compound"),
            ("police", Upos::Noun, "NN", 0, "root"),
            ("fired", Upos::Verb, "VBD", 5, "amod"),
            ("tear", Upos::Noun, "NN", 5, "compound"),
            ("gas", Upos::Noun, "NN", 2, "obj"),
            ("at", Upos::Adp, "IN", 7, "case"),
            ("protesters", Upos::Noun, "NNS", 2, "nmod"),
            (".", Upos::Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[2], (None, "root"));
        assert_eq!(a[1], (Some(2), "nsubj"));
        assert_eq!(a[4], (Some(2), "obj"));
        assert_eq!(
            a[6],
            (Some(2), "obl"),
            "a noun's modifier becomes the verb's oblique"
        );
        assert_eq!(a[7], (Some(2), "punct"));
    }

    #[test]
    fn a_who_clause_read_as_a_parataxis_is_a_relative_clause() {
        // "They refused to meet Krivokapic, who met Porfirije."
        let rows = [
            ("They", Upos::Pron, "PRP", 2, "nsubj"),
            ("refused", Upos::Verb, "VBD", 0, "root"),
            ("to", Upos::Part, "TO", 4, "mark"),
            ("meet", Upos::Verb, "VB", 2, "xcomp"),
            ("Krivokapic", Upos::Propn, "NNP", 4, "obj"),
            (",", Upos::Punct, ",", 8, "punct"),
            ("who", Upos::Pron, "WP", 8, "nsubj"),
            ("met", Upos::Verb, "VBD", 2, "parataxis"),
            ("Porfirije", Upos::Propn, "NNP", 8, "obj"),
            (".", Upos::Punct, ".", 2, "punct"),
        ];
        let mut s = sentence(&rows);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[7], (Some(4), "acl:relcl"));
        assert_eq!(a[5], (Some(7), "punct"));
        // "..., which angered Iran": only "who", a person's clause, is moved
        let mut rows = rows;
        rows[6].0 = "which";
        rows[6].2 = "WDT";
        let mut s = sentence(&rows);
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_verb_after_an_apposition_becomes_the_main_verb() {
        // "Duque, one of the backers, urged soldiers." as the parser can misread it
        let mut s = sentence(&[
            ("Duque", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 3, "punct"),
            ("one", Upos::Num, "CD", 1, "list"),
            ("of", Upos::Adp, "IN", 6, "case"),
            ("the", Upos::Det, "DT", 6, "det"),
            ("backers", Upos::Noun, "NNS", 3, "nmod"),
            (",", Upos::Punct, ",", 8, "punct"),
            ("urged", Upos::Verb, "VBD", 1, "parataxis"),
            ("soldiers", Upos::Noun, "NNS", 8, "obj"),
            (".", Upos::Punct, ".", 1, "punct"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[7], (None, "root"));
        assert_eq!(a[0], (Some(7), "nsubj"));
        assert_eq!(a[2], (Some(0), "appos"));
        assert_eq!(a[9], (Some(7), "punct"));
        // a verb with its own subject is a clause of its own
        let mut s = sentence(&[
            ("Duque", Upos::Propn, "NNP", 0, "root"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("he", Upos::Pron, "PRP", 4, "nsubj"),
            ("said", Upos::Verb, "VBD", 1, "parataxis"),
        ]);
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_title_before_the_subject_name_is_the_subject() {
        // "The army chief, General Muhoozi, said ..." as the parser can misread it
        let rows = |lemma: &'static str| {
            [
                ("The", Upos::Det, "DT", 3, "det"),
                ("army", Upos::Noun, "NN", 3, "compound"),
                (lemma, Upos::Noun, "NN", 8, "obl:unmarked"),
                (",", Upos::Punct, ",", 3, "punct"),
                ("General", Upos::Propn, "NNP", 6, "nmod:desc"),
                ("Muhoozi", Upos::Propn, "NNP", 8, "nsubj"),
                (",", Upos::Punct, ",", 6, "punct"),
                ("said", Upos::Verb, "VBD", 0, "root"),
            ]
        };
        let mut s = sentence(&rows("chief"));
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[2], (Some(7), "nsubj"));
        assert_eq!(a[5], (Some(2), "appos"));
        assert_eq!(a[3], (Some(5), "punct"));
        // "The army week, General Muhoozi said": a noun of time stays an adverbial
        let mut s = sentence(&rows("week"));
        let before = s.clone();
        repair(&mut s);
        assert_eq!(s, before);
    }

    #[test]
    fn a_clause_keeps_one_subject() {
        // "Sharif, who left, will travel, his office said." as the parser can misread it
        let mut s = sentence(&[
            ("Sharif", Upos::Propn, "NNP", 11, "nsubj"),
            (",", Upos::Punct, ",", 4, "punct"),
            ("who", Upos::Pron, "WP", 4, "nsubj"),
            ("left", Upos::Verb, "VBD", 11, "ccomp"),
            (",", Upos::Punct, ",", 7, "punct"),
            ("will", Upos::Aux, "MD", 7, "aux"),
            ("travel", Upos::Verb, "VB", 11, "ccomp"),
            (",", Upos::Punct, ",", 11, "punct"),
            ("his", Upos::Pron, "PRP$", 10, "nmod:poss"),
            ("office", Upos::Noun, "NN", 11, "nsubj"),
            ("said", Upos::Verb, "VBD", 0, "root"),
        ]);
        repair(&mut s);
        let a = arcs(&s);
        assert_eq!(a[0], (Some(6), "nsubj"), "the subject of travel");
        assert_eq!(a[3], (Some(0), "acl:relcl"), "who left");
        assert_eq!(a[9], (Some(10), "nsubj"), "his office said");
        assert_eq!(a[6], (Some(10), "ccomp"));
    }
}
