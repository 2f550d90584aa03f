//! One identity for every name: `add`, `import`, `ingest` and every query resolve names
//! through the graph, then the lexicon, then the name itself; `dedupe` finds and joins
//! what an older graph split.

use std::fs;
use std::path::Path;

use crate::common::{cmd, error_line, json, stdout};

fn import(g: &Path, lines: &str) {
    let file = g.with_extension("jsonl");
    fs::write(&file, lines).unwrap();
    cmd(g).arg("import").arg(&file).assert().success();
}

#[derive(serde::Deserialize)]
struct File {
    nodes: Vec<Node>,
}

#[derive(serde::Deserialize)]
struct Node {
    id: String,
    name: String,
    #[serde(rename = "type")]
    etype: String,
    #[serde(default)]
    country: Option<String>,
}

fn nodes(g: &Path) -> Vec<(String, String, String, Option<String>)> {
    let f: File = serde_json::from_str(&fs::read_to_string(g).unwrap()).unwrap();
    let mut v: Vec<_> = f
        .nodes
        .into_iter()
        .map(|n| (n.id, n.name, n.etype, n.country))
        .collect();
    v.sort();
    v
}

const THREE_LINES: &str = r#"{"source": "Erdogan", "relation": "meets-with", "target": "Putin"}
{"source": "Recep Tayyip Erdogan", "relation": "supports", "target": "HTS"}
{"source": "Turkey", "relation": "supports", "target": "Hayat Tahrir al-Sham"}
"#;

#[test]
fn imported_names_land_on_one_entity_each() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    import(&g, THREE_LINES);
    let s = |x: &str| x.to_string();
    assert_eq!(
        nodes(&g),
        [
            (
                s("hts"),
                s("Hayat Tahrir al-Sham"),
                s("armed-group"),
                Some(s("SY"))
            ),
            (
                s("recep-tayyip-erdogan"),
                s("Recep Tayyip Erdoğan"),
                s("person"),
                Some(s("TR"))
            ),
            (s("tr"), s("Turkey"), s("state"), Some(s("TR"))),
            (
                s("vladimir-putin"),
                s("Vladimir Putin"),
                s("person"),
                Some(s("RU"))
            ),
        ]
    );
    let backers = stdout(cmd(&g).args(["backers", "HTS"]));
    assert!(
        backers.contains("Turkey") && backers.contains("Recep Tayyip Erdoğan"),
        "{backers}"
    );
    let card = stdout(cmd(&g).args(["show", "Erdogan"]));
    assert!(card.contains("-supports-> Hayat Tahrir al-Sham"), "{card}");
    let path = stdout(cmd(&g).args(["path", "--undirected", "Putin", "Turkey"]));
    assert_eq!(path.lines().count(), 3, "{path}");
    // the same names again are the same statements
    import(&g, THREE_LINES);
    assert_eq!(nodes(&g).len(), 4);
}

#[test]
fn queries_take_short_names_on_a_graph_that_saw_full_ones() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let text = dir.path().join("news.txt");
    fs::write(
        &text,
        "ANKARA, Dec 3 (Wire) - Russian President Vladimir Putin met Turkish President \
         Recep Tayyip Erdogan in Ankara on Tuesday.\n\nTurkey has backed Hayat Tahrir al-Sham \
         in its offensive on Aleppo, officials said.\n",
    )
    .unwrap();
    cmd(&g)
        .arg("ingest")
        .arg(&text)
        .args(["--date", "2024-12-03"])
        .assert()
        .success();
    let card = stdout(cmd(&g).args(["show", "HTS"]));
    assert!(card.starts_with("Hayat Tahrir al-Sham (hts)"), "{card}");
    let path = stdout(cmd(&g).args(["path", "Putin", "Erdogan"]));
    assert!(
        path.contains("Vladimir Putin  -meets-with-  Recep Tayyip Erdoğan"),
        "{path}"
    );
    // a demonym and a capital stand for their state
    for name in ["Turkish", "Ankara", "tr", "TURKEY"] {
        let b: Vec<serde_json::Value> =
            json(cmd(&g).args(["backers", "--reverse", name, "--format", "json"]));
        assert_eq!(b[0]["id"], "hts", "{name}");
    }
}

#[test]
fn ambiguous_and_unknown_names_exit_2_with_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    import(
        &g,
        r#"{"source": "Ahmed Zorbi", "source_type": "person", "relation": "controls", "target": "Zorbian Liberation Front", "target_type": "armed-group"}
{"source": "Khalid Zorbi", "source_type": "person", "relation": "supports", "target": "Zorbian Liberation Front"}
"#,
    );
    let before = fs::read(&g).unwrap();
    assert_eq!(
        error_line(cmd(&g).args(["show", "Zorbi"])),
        "actorgraph: 'Zorbi' names more than one entity: ahmed-zorbi 'Ahmed Zorbi' (person); \
         khalid-zorbi 'Khalid Zorbi' (person); give the id or the full name"
    );
    assert_eq!(
        error_line(cmd(&g).args(["path", "Zorbi", "ZLF"])),
        "actorgraph: 'Zorbi' names more than one entity: ahmed-zorbi 'Ahmed Zorbi' (person); \
         khalid-zorbi 'Khalid Zorbi' (person); give the id or the full name"
    );
    assert_eq!(
        error_line(cmd(&g).args(["remove", "Zorbu"])),
        "actorgraph: no entity 'Zorbu' (did you mean 'Ahmed Zorbi' or 'Khalid Zorbi'?)"
    );
    // an acronym and a surname that is not shared resolve
    let b = stdout(cmd(&g).args(["backers", "ZLF"]));
    assert!(b.contains("Khalid Zorbi"), "{b}");
    assert_eq!(fs::read(&g).unwrap(), before);
}

#[test]
fn explicit_fields_win_and_conflicts_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let file = dir.path().join("in.jsonl");
    fs::write(
        &file,
        r#"{"source": "Iran", "relation": "supports", "target": "Hezbollah"}
{"source": "Turkey", "source_type": "person", "relation": "supports", "target": "HTS"}
"#,
    )
    .unwrap();
    let err = error_line(cmd(&g).arg("import").arg(&file));
    assert_eq!(
        err,
        format!(
            "actorgraph: {}:2: 'Turkey' is a state in the lexicon (id tr), not a person; \
             give source_id to make a separate entity",
            file.display()
        )
    );
    assert!(!g.exists(), "all or nothing");
    fs::write(
        &file,
        r#"{"source": "Turkey", "relation": "supports", "target": "HTS", "target_type": "armed-group"}
{"source": "Turkey", "source_type": "person", "source_id": "turkey-the-singer", "relation": "supports", "target": "HTS"}
"#,
    )
    .unwrap();
    cmd(&g).arg("import").arg(&file).assert().success();
    // the name keeps meaning the entity the graph gave it to first
    let card = stdout(cmd(&g).args(["show", "Turkey"]));
    assert!(card.starts_with("Turkey (tr)"), "{card}");
    let s = |x: &str| x.to_string();
    assert_eq!(
        nodes(&g),
        [
            (
                s("hts"),
                s("Hayat Tahrir al-Sham"),
                s("armed-group"),
                Some(s("SY"))
            ),
            (s("tr"), s("Turkey"), s("state"), Some(s("TR"))),
            (s("turkey-the-singer"), s("Turkey"), s("person"), None),
        ]
    );
}

#[test]
fn dedupe_finds_and_merges_the_duplicates_of_an_old_graph() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    // what an import made before names were resolved: one entity per spelling, every
    // actor an organization (explicit ids reproduce it)
    import(
        &g,
        r#"{"source": "Erdogan", "source_id": "erdogan", "source_type": "organization", "relation": "meets-with", "target": "Putin", "target_id": "putin", "target_type": "organization", "doc": "a", "date": "2024-12-01"}
{"source": "Recep Tayyip Erdogan", "source_id": "recep-tayyip-erdogan-2", "source_type": "organization", "relation": "supports", "target": "HTS", "target_id": "hts-2", "target_type": "organization", "doc": "b"}
{"source": "Turkey", "source_id": "turkey", "source_type": "organization", "relation": "supports", "target": "Hayat Tahrir al-Sham", "target_id": "hayat-tahrir-al-sham", "target_type": "organization", "doc": "c"}
{"source": "Zorbi", "source_type": "person", "relation": "opposes", "target": "Turkey", "doc": "d"}
{"source": "Ahmed Zorbi", "source_type": "person", "relation": "opposes", "target": "Turkey", "doc": "e"}
"#,
    );
    assert_eq!(nodes(&g).len(), 8);
    let list = stdout(cmd(&g).arg("dedupe"));
    for want in [
        "same lexicon id hts",
        "actorgraph merge hayat-tahrir-al-sham hts-2",
        "same lexicon id recep-tayyip-erdogan",
        "actorgraph merge recep-tayyip-erdogan-2 erdogan",
        "word subset",
        "actorgraph merge ahmed-zorbi zorbi",
    ] {
        assert!(list.contains(want), "{want} in\n{list}");
    }
    let out = stdout(cmd(&g).args(["dedupe", "--apply"]));
    assert!(out.contains("moved turkey onto lexicon id tr"), "{out}");
    let s = |x: &str| x.to_string();
    let ids: Vec<String> = nodes(&g).into_iter().map(|n| n.0).collect();
    assert_eq!(
        ids,
        [
            s("ahmed-zorbi"),
            s("hts"),
            s("recep-tayyip-erdogan"),
            s("tr"),
            s("vladimir-putin"),
            s("zorbi")
        ]
    );
    let stats: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(stats["evidence"], 5, "no evidence lost");
    let backers = stdout(cmd(&g).args(["backers", "HTS"]));
    assert!(
        backers.contains("Turkey") && backers.contains("Recep Tayyip Erdoğan"),
        "{backers}"
    );
    // what is left is a guess, listed but not merged; a listing with nothing exits 1
    let left = stdout(cmd(&g).arg("dedupe"));
    assert!(
        left.contains("actorgraph merge ahmed-zorbi zorbi") && !left.contains("lexicon"),
        "{left}"
    );
    cmd(&g)
        .args(["merge", "ahmed-zorbi", "zorbi"])
        .assert()
        .success();
    cmd(&g)
        .arg("dedupe")
        .assert()
        .code(1)
        .stdout("no likely duplicates\n");
}
