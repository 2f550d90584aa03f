//! The world lexicon's data, tested like code: every embedded file parses and is sorted,
//! ids are unique, shared names are declared, roles point somewhere and have sane dates,
//! and the tricky names and every UN member state resolve as a reader expects.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use actorgraph::lexicon::{
    Entry, FileKind, How, Lexicon, Role, data_lines, parse_entry, parse_role,
};
use actorgraph::model::{EntityType, normalize_name, validate_date};
use actorgraph::text::fold;

use crate::common::repo;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);

/// Every entity of the embedded files with the file it comes from, in file order.
fn entities() -> Vec<(&'static str, Entry<'static>)> {
    let mut out = Vec::new();
    for (file, text) in Lexicon::embedded_files() {
        if FileKind::of(file) != FileKind::Entities {
            continue;
        }
        for (n, line) in data_lines(text) {
            let e = parse_entry(line).unwrap_or_else(|m| panic!("{file}:{n}: {m}"));
            out.push((*file, e));
        }
    }
    out
}

/// The rows of every role file, in file order.
fn roles() -> Vec<(&'static str, usize, Role)> {
    let mut out = Vec::new();
    for (file, text) in Lexicon::embedded_files() {
        if FileKind::of(file) != FileKind::Roles {
            continue;
        }
        for (n, line) in data_lines(text) {
            let r = parse_role(line).unwrap_or_else(|m| panic!("{file}:{n}: {m}"));
            out.push((*file, n, r));
        }
    }
    out
}

/// Declared shared names (normalized) -> every id declared for them, over all ambiguity files.
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, ids) in LEX.declared_ambiguous() {
        out.entry(name.clone())
            .or_default()
            .extend(ids.iter().cloned());
    }
    out
}

/// A word as the matcher compares it (lowercase, no diacritics).
fn folded(word: &str) -> String {
    let mut out = String::new();
    fold(word, &mut out);
    out
}

/// The embedded stop-words, folded.
fn stopwords() -> BTreeSet<String> {
    Lexicon::embedded_files()
        .iter()
        .filter(|(f, _)| FileKind::of(f) == FileKind::Stopwords)
        .flat_map(|(_, text)| data_lines(text).map(|(_, l)| folded(l.trim())))
        .collect()
}

#[test]
fn every_embedded_file_parses() {
    let files = Lexicon::embedded_files();
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    for expected in [
        "states.tsv",
        "cities.tsv",
        "people.tsv",
        "armed_groups.tsv",
        "roles.tsv",
        "ambiguous.tsv",
        "stopwords.txt",
        "titles.tsv",
    ] {
        assert!(names.contains(&expected), "{expected} is not embedded");
    }
    let mut problems = Vec::new();
    for (file, text) in files {
        let mut builder = actorgraph::lexicon::LexiconBuilder::default();
        if let Err(e) = builder.add_text(file, text) {
            problems.push(e.to_string());
        }
        for (n, line) in data_lines(text) {
            let cols: Vec<&str> = line.split('\t').collect();
            let problem = match FileKind::of(file) {
                FileKind::Entities => parse_entry(line).err(),
                FileKind::Roles => parse_role(line).err(),
                // name, ids, how it is resolved: all three filled in
                FileKind::Ambiguous if cols.len() != 3 || cols.iter().any(|c| c.is_empty()) => {
                    Some(format!("expected 3 columns, found {}", cols.len()))
                }
                FileKind::Titles if cols.len() != 2 || cols.iter().any(|c| c.is_empty()) => {
                    Some(format!("expected 2 columns, found {}", cols.len()))
                }
                FileKind::Stopwords if line.contains('\t') => Some("a tab in a stop-word".into()),
                _ => None,
            };
            if let Some(p) = problem {
                problems.push(format!("{file}:{n}: {p}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(LEX.entries().len() > 30_000, "{}", LEX.entries().len());
}

#[test]
fn entity_files_are_sorted_by_id_and_ids_are_unique() {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    let mut prev: Option<(&str, String)> = None;
    for (file, e) in entities() {
        if let Some((pf, pid)) = &prev
            && *pf == file
            && pid.as_bytes() >= e.id.as_bytes()
        {
            problems.push(format!("{file}: '{}' comes after '{pid}'", e.id));
        }
        if let Some(other) = seen.insert(e.id.to_string(), file) {
            problems.push(format!("id '{}' in both {other} and {file}", e.id));
        }
        prev = Some((file, e.id.into_owned()));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // the lexicon keeps one entry per id
    assert_eq!(LEX.entries().len(), seen.len());
}

#[test]
fn roles_are_sorted_by_person_then_from() {
    let rows = roles();
    let mut problems = Vec::new();
    for w in rows.windows(2) {
        let ((fa, _, a), (fb, n, b)) = (&w[0], &w[1]);
        if fa == fb
            && (a.person.as_bytes(), a.from.as_str()) > (b.person.as_bytes(), b.from.as_str())
        {
            problems.push(format!(
                "{fb}:{n}: '{} {}' comes after '{} {}'",
                b.person, b.from, a.person, a.from
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn title_synonyms_are_sorted_and_name_a_title_in_use() {
    let used: BTreeSet<&str> = LEX.roles().iter().map(|r| r.title.as_str()).collect();
    for (file, text) in Lexicon::embedded_files() {
        if FileKind::of(file) != FileKind::Titles {
            continue;
        }
        let rows: Vec<(usize, &str, &str)> = data_lines(text)
            .map(|(n, l)| {
                let (s, t) = l.split_once('\t').unwrap();
                (n, s, t)
            })
            .collect();
        for w in rows.windows(2) {
            assert!(w[0].1 < w[1].1, "{file}:{}: not sorted", w[1].0);
        }
        for (n, syn, title) in rows {
            assert!(
                used.contains(title),
                "{file}:{n}: '{syn}' stands for '{title}', a title no role uses"
            );
        }
    }
}

/// The rule of `data/lexicon/README.md`: a name shared by two entities outside
/// `cities.tsv` must be declared in an `ambiguous*.tsv` file. "Shared" is what the matcher
/// sees: two entries reached by the same surface form (name, alias or demonym, compared
/// the way the name index compares words). The declaration (compared after
/// `normalize_name`, as the ambiguity files say) must list every entry the name reaches
/// outside `cities.tsv`.
#[test]
fn no_name_silently_shadows_another_entity() {
    let files: BTreeMap<String, &str> = entities()
        .into_iter()
        .map(|(f, e)| (e.id.into_owned(), f))
        .collect();
    let declared = declared();
    let mut problems = BTreeSet::new();
    let mut shared = 0;
    for e in LEX.entries() {
        if files[e.id.as_ref()] == "cities.tsv" {
            continue;
        }
        let surfaces = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.demonyms);
        for surface in surfaces {
            let ids: BTreeSet<&str> = LEX
                .lookup(surface, None)
                .into_iter()
                .filter(|c| matches!(c.how, How::Name | How::Alias | How::Demonym))
                .map(|c| c.entry.id.as_ref())
                .filter(|id| files[*id] != "cities.tsv")
                .collect();
            if ids.len() < 2 {
                continue;
            }
            shared += 1;
            let key = normalize_name(surface);
            let listed = declared.get(&key);
            let missing: Vec<&str> = ids
                .iter()
                .copied()
                .filter(|id| !listed.is_some_and(|l| l.contains(*id)))
                .collect();
            if !missing.is_empty() {
                problems.insert(format!(
                    "'{surface}' reaches {} but ambiguous*.tsv does not list {}",
                    ids.iter().copied().collect::<Vec<_>>().join("|"),
                    missing.join("|")
                ));
            }
        }
    }
    assert!(shared > 0, "the test should see the declared shared names");
    assert!(
        problems.is_empty(),
        "{} undeclared shared names:\n{}",
        problems.len(),
        problems.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn declared_ambiguities_name_known_ids() {
    for (name, ids) in LEX.declared_ambiguous() {
        for id in ids {
            assert!(
                LEX.entry(id).is_some(),
                "ambiguous name '{name}' lists unknown id '{id}'"
            );
        }
    }
}

#[test]
fn roles_point_to_known_entities_with_valid_dates() {
    let rows = roles();
    let mut problems = Vec::new();
    for (file, n, r) in &rows {
        match LEX.entry(&r.person) {
            Some(p) if p.etype == EntityType::Person => {}
            Some(p) => problems.push(format!(
                "{file}:{n}: '{}' is a {}, not a person",
                r.person,
                p.etype.as_str()
            )),
            None => problems.push(format!("{file}:{n}: unknown person '{}'", r.person)),
        }
        if LEX.entry(&r.of).is_none() {
            problems.push(format!("{file}:{n}: unknown 'of' id '{}'", r.of));
        }
        for d in std::iter::once(&r.from).chain(&r.to) {
            if let Err(e) = validate_date(d) {
                problems.push(format!("{file}:{n}: {e}"));
            }
        }
        if r.to.as_ref().is_some_and(|to| to < &r.from) {
            problems.push(format!("{file}:{n}: ends before it starts"));
        }
        if r.title != r.title.to_lowercase() || r.title.trim() != r.title {
            problems.push(format!("{file}:{n}: title '{}' is not lowercase", r.title));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(rows.len() >= 400, "only {} role rows", rows.len());
    assert_eq!(LEX.roles().len(), rows.len());
}

#[test]
fn references_point_to_known_entities() {
    let mut problems = Vec::new();
    for e in LEX.entries() {
        if let Some(c) = &e.capital {
            match LEX.entry(c) {
                Some(city) if city.etype == EntityType::City => {}
                Some(other) => problems.push(format!(
                    "{}: capital '{c}' is a {}",
                    e.id,
                    other.etype.as_str()
                )),
                None => problems.push(format!("{}: unknown capital '{c}'", e.id)),
            }
        }
        if let Some(of) = &e.of
            && LEX.entry(of).is_none()
        {
            problems.push(format!("{}: unknown 'of' id '{of}'", e.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn there_are_at_least_250_armed_groups() {
    let n = LEX
        .entries()
        .iter()
        .filter(|e| e.etype == EntityType::ArmedGroup)
        .count();
    assert!(n >= 250, "only {n} armed groups");
}

/// Rows of a fixture TSV: (line number, columns), comments and blanks skipped.
fn fixture(rel: &str) -> Vec<(usize, Vec<String>)> {
    let text = std::fs::read_to_string(repo(rel)).unwrap();
    data_lines(&text)
        .map(|(n, l)| (n, l.split('\t').map(str::to_string).collect()))
        .collect()
}

#[test]
fn tricky_names_resolve_as_expected() {
    let rows = fixture("tests/fixtures/tricky_names.tsv");
    assert!(rows.len() >= 150, "only {} tricky names", rows.len());
    let mut seen = BTreeSet::new();
    let mut failures = Vec::new();
    for (n, cols) in &rows {
        let [surface, date, expected, note] = &cols[..] else {
            panic!("tricky_names.tsv:{n}: expected 4 columns");
        };
        assert!(
            seen.insert((surface, date)),
            "tricky_names.tsv:{n}: '{surface}' twice"
        );
        let date = Some(date.as_str()).filter(|d| !d.is_empty());
        let cands = LEX.lookup(surface, date);
        let got = cands.first().map(|c| c.entry.id.as_ref()).unwrap_or("-");
        if got != expected {
            failures.push(format!(
                "tricky_names.tsv:{n}: '{surface}' -> '{got}', expected '{expected}' ({note}); candidates: {}",
                cands
                    .iter()
                    .map(|c| format!("{} ({})", c.entry.id, c.how.describe()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_un_member_state_resolves_by_name_demonym_and_capital() {
    let rows = fixture("tests/fixtures/un_members.tsv");
    assert_eq!(rows.len(), 193, "the UN has 193 member states");
    let declared = declared();
    let stopwords = stopwords();
    let mut failures = Vec::new();
    let mut states = BTreeSet::new();
    for (n, cols) in &rows {
        let [name, demonym, capital] = &cols[..] else {
            panic!("un_members.tsv:{n}: expected 3 columns");
        };
        let at = format!("un_members.tsv:{n}");
        let state = LEX
            .lookup(name, None)
            .into_iter()
            .find(|c| c.entry.etype == EntityType::State);
        let Some(state) = state else {
            failures.push(format!("{at}: '{name}' does not resolve to a state"));
            continue;
        };
        let id = state.entry.id.as_ref();
        if !states.insert(id) {
            failures.push(format!("{at}: '{name}' resolves to '{id}' again"));
        }
        // the common name and the demonym resolve to the state first, or, for a name
        // declared as shared ("Congolese", "Dominican"), to it among the others
        for (what, surface) in [("name", name), ("demonym", demonym)] {
            let cands = LEX.lookup(surface, None);
            let shared = declared
                .get(&normalize_name(surface))
                .is_some_and(|ids| ids.contains(id));
            match cands.first() {
                Some(c) if c.entry.id == id => {}
                Some(_) if shared && cands.iter().any(|c| c.entry.id == id) => {}
                Some(c) => failures.push(format!(
                    "{at}: {what} '{surface}' -> '{}' ({}), expected '{id}'",
                    c.entry.id,
                    c.how.describe()
                )),
                None => failures.push(format!("{at}: {what} '{surface}' is unknown")),
            }
        }
        let demonym_how = LEX
            .lookup(demonym, None)
            .into_iter()
            .find(|c| c.entry.id == id)
            .map(|c| c.how);
        if let Some(how) = demonym_how
            && how != How::Demonym
        {
            failures.push(format!(
                "{at}: '{demonym}' reaches '{id}' as {}, not as a demonym",
                how.describe()
            ));
        }
        // the capital: a city, and the state it stands for; a capital named by a stop-word
        // ("Malé" folds to "male") is never matched as a place, by lookup as by find
        let cands = LEX.lookup(capital, None);
        if stopwords.contains(&folded(capital)) {
            if let Some(c) = cands.iter().find(|c| c.entry.etype == EntityType::City) {
                failures.push(format!(
                    "{at}: '{capital}' is a stop-word but resolves to '{}'",
                    c.entry.id
                ));
            }
            continue;
        }
        let city = cands.iter().find(|c| {
            c.entry.etype == EntityType::City && state.entry.capital.as_deref() == Some(&c.entry.id)
        });
        let Some(city) = city else {
            failures.push(format!(
                "{at}: capital '{capital}' is not the capital city of '{id}' (capital={:?}); candidates: {}",
                state.entry.capital,
                cands
                    .iter()
                    .map(|c| c.entry.id.as_ref())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            continue;
        };
        let metonym = How::Metonym(city.entry.id.clone());
        if !cands.iter().any(|c| c.entry.id == id && c.how == metonym) {
            failures.push(format!("{at}: '{capital}' does not stand for '{id}'"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// (case, text, expected (surface, first id)).
type FindCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// Names found in running text (`Lexicon::find`).
#[test]
fn names_are_found_in_text_leftmost_longest() {
    let cases: &[FindCase] = &[
        (
            "demonym-not-name",
            "Iranian drones struck Kyiv overnight.",
            &[("Iranian", "ir"), ("Kyiv", "kyiv")],
        ),
        (
            "longest-name-wins",
            "Hayat Tahrir al-Sham fighters entered Aleppo.",
            &[("Hayat Tahrir al-Sham", "hts"), ("Aleppo", "aleppo")],
        ),
        (
            "stop-word-is-not-a-place",
            "Hassan said the talks in Geneva would resume.",
            &[("Geneva", "geneva")],
        ),
        (
            "apostrophe-spellings",
            "Shelling hit Dara'a and A'zaz while Sana'a stayed quiet.",
            &[("Dara'a", "daraa"), ("A'zaz", "azaz"), ("Sana'a", "sanaa")],
        ),
        (
            "armed-group-not-shadowed-by-a-town",
            "The Azov Brigade and the BLA and Fano fighters.",
            &[("Azov Brigade", "azov"), ("BLA", "bla"), ("Fano", "fano")],
        ),
        (
            "capital-stands-for-state",
            "Moscow said it would respond.",
            &[("Moscow", "moscow")],
        ),
    ];
    for (case, text, expected) in cases {
        let analyzed = actorgraph::text::analyze(text);
        let found: Vec<(&str, &str)> = LEX
            .find(text, &analyzed.tokens)
            .iter()
            .map(|m| {
                let id = &LEX.entry_at(m.candidates[0].0).id;
                (&text[m.start..m.end], id.as_ref())
            })
            .collect();
        assert_eq!(&found, expected, "{case}");
    }
}

/// Titles resolve through `roles.tsv` and the date: (title as written, date, holder).
#[test]
fn titles_resolve_to_whoever_held_the_office_on_the_date() {
    let cases = [
        ("US president", "2023-06-01", "joe-biden"),
        ("US president", "2025-06-01", "donald-trump"),
        ("President of the United States", "2023-06-01", "joe-biden"),
        (
            "President of the United States",
            "2025-06-01",
            "donald-trump",
        ),
        ("the American president", "2025-06-01", "donald-trump"),
        ("Syria's president", "2023-06-01", "bashar-al-assad"),
        ("Syria's president", "2025-06-01", "ahmed-al-sharaa"),
        (
            "the Turkish president",
            "2024-12-05",
            "recep-tayyip-erdogan",
        ),
        ("president of Turkey", "2024-12-05", "recep-tayyip-erdogan"),
        ("UN secretary-general", "2016-06-01", "ban-ki-moon"),
        (
            "secretary-general of the UN",
            "2024-06-01",
            "antonio-guterres",
        ),
        (
            "Hezbollah secretary-general",
            "2023-06-01",
            "hassan-nasrallah",
        ),
        ("Hezbollah secretary-general", "2025-06-01", "naim-qassem"),
        ("US secretary of state", "2023-06-01", "antony-blinken"),
        ("US secretary of state", "2025-06-01", "marco-rubio"),
        ("British prime minister", "2023-06-01", "rishi-sunak"),
        ("British prime minister", "2025-06-01", "keir-starmer"),
    ];
    for (title, date, expected) in cases {
        let cands = LEX.lookup(title, Some(date));
        let got: Vec<(&str, String)> = cands
            .iter()
            .map(|c| (c.entry.id.as_ref(), c.how.describe()))
            .collect();
        assert!(
            matches!(&cands[..], [c] if c.entry.id == expected && matches!(c.how, How::Role { .. })),
            "'{title}' on {date}: {got:?}, expected {expected}"
        );
    }
    // without a date, a bare title names nobody
    assert!(LEX.lookup("US president", None).is_empty());
}
