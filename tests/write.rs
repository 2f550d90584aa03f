//! add, alias, merge, remove: changing the graph from the command line.

use std::fs;

use serde::Deserialize;

use crate::common::{cmd, error_line, example, example_json, json};

#[derive(Deserialize)]
struct File {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Deserialize)]
struct Node {
    id: String,
    kind: String,
    #[serde(rename = "type")]
    etype: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct Edge {
    source: String,
    target: String,
    relation: String,
    evidence: Vec<serde_json::Value>,
}

fn read(path: &std::path::Path) -> File {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn add_creates_entities_and_edges_once() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("new/dir/g.json");
    let add = |args: &[&str]| {
        cmd(&g)
            .arg("add")
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let out = add(&[
        "Iran",
        "supports",
        "Hezbollah",
        "--evidence",
        "Iran's proxy Hezbollah",
        "--date",
        "2024-12-01",
    ]);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "added: Iran -supports-> Hezbollah\n"
    );
    let out = add(&[
        "iran",
        "supports",
        "HEZBOLLAH",
        "--evidence",
        "Iran's proxy Hezbollah",
        "--date",
        "2024-12-01",
    ]);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "already known: Iran -supports-> Hezbollah\n"
    );
    add(&[
        "HTS",
        "controls",
        "Hama",
        "--target-type",
        "city",
        "--doc",
        "d1",
        "--url",
        "https://example.org/a",
    ]);
    let f = read(&g);
    assert_eq!(f.nodes.len(), 4);
    let hama = f.nodes.iter().find(|n| n.id == "hama").unwrap();
    assert_eq!((hama.kind.as_str(), hama.etype.as_str()), ("place", "city"));
    assert_eq!(f.edges.len(), 2);
    assert!(f.edges.iter().all(|e| e.evidence.len() == 1));
}

#[test]
fn meets_with_added_from_both_ends_is_one_edge() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    cmd(&g)
        .args(["add", "Turkey", "meets-with", "Russia", "--evidence", "a"])
        .assert()
        .success();
    cmd(&g)
        .args(["add", "Russia", "meets-with", "Turkey", "--evidence", "b"])
        .assert()
        .success();
    let f = read(&g);
    assert_eq!(f.edges.len(), 1);
    assert_eq!(
        (f.edges[0].source.as_str(), f.edges[0].target.as_str()),
        ("ru", "tr")
    );
    assert_eq!(f.edges[0].relation, "meets-with");
    assert_eq!(f.edges[0].evidence.len(), 2);
}

#[test]
fn bad_add_arguments_give_one_line_and_leave_the_graph() {
    let (_dir, g) = example();
    let before = crate::common::snapshot(&g);
    let cases = [
        (
            "relation",
            vec!["Iran", "likes", "Hezbollah"],
            "actorgraph: unknown relation 'likes' (expected supports, opposes, meets-with or controls)",
        ),
        (
            "date",
            vec!["Iran", "supports", "Hezbollah", "--date", "2024-13-01"],
            "actorgraph: bad date '2024-13-01' (expected YYYY-MM-DD)",
        ),
        (
            "type",
            vec!["Iran", "supports", "Hezbollah", "--target-type", "militia"],
            "actorgraph: unknown type 'militia' (expected one of person, state, armed-group, organization, group, city, region, country, facility, route)",
        ),
        (
            "place as actor",
            vec!["Hama", "supports", "Iran", "--source-kind", "place"],
            "actorgraph: supports needs an actor as source, and 'Hama' is a place",
        ),
    ];
    for (name, args, want) in cases {
        assert_eq!(
            error_line(cmd(&g).arg("add").args(&args)),
            want,
            "case {name}"
        );
    }
    assert_eq!(crate::common::snapshot(&g), before);
}

#[test]
fn alias_merge_and_remove_curate_entities() {
    let (_dir, g) = example_json();
    cmd(&g)
        .args(["add", "Tahrir al-Sham Committee", "controls", "Idlib"])
        .assert()
        .success();
    let out = cmd(&g)
        .args(["merge", "hts", "tahrir al sham committee"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "merged 'Tahrir al-Sham Committee' into 'Hayat Tahrir al-Sham'\n"
    );
    let f = read(&g);
    let hts = f.nodes.iter().find(|n| n.id == "hts").unwrap();
    assert_eq!(hts.aliases, ["HTS", "Tahrir al-Sham Committee"]);
    assert!(
        f.edges
            .iter()
            .any(|e| e.source == "hts" && e.target == "idlib")
    );

    let out = cmd(&g)
        .args(["alias", "HTS", "hts"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "'hts' already names 'Hayat Tahrir al-Sham'\n"
    );
    assert_eq!(
        error_line(cmd(&g).args(["alias", "Iran", "Moscow"])),
        "actorgraph: 'Moscow' already names 'Russia' (use merge to combine the two)"
    );
    assert_eq!(
        error_line(cmd(&g).args(["merge", "Iran", "tehran"])),
        "actorgraph: cannot merge 'Iran' with itself"
    );

    let out = cmd(&g)
        .args(["remove", "Islamic State"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "removed 'Islamic State' and its 1 edge\n"
    );
    assert_eq!(
        error_line(cmd(&g).args(["show", "Islamic State"])),
        "actorgraph: no entity 'Islamic State'"
    );
    let stats: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(stats["entities"], 32);
}

#[test]
fn unknown_entities_get_a_suggestion_and_exit_2() {
    let (_dir, g) = example();
    let before = crate::common::snapshot(&g);
    let cases = [
        (
            "path",
            vec!["path", "Asad", "Iran"],
            "actorgraph: no entity 'Asad' (did you mean 'Bashar al-Assad'?)",
        ),
        (
            "backers",
            vec!["backers", "Hezbolah"],
            "actorgraph: no entity 'Hezbolah' (did you mean 'Hezbollah'?)",
        ),
        (
            "neighbors",
            vec!["neighbors", "Rusia"],
            "actorgraph: no entity 'Rusia' (did you mean 'Russia'?)",
        ),
        (
            "show",
            vec!["show", "Zzyzx"],
            "actorgraph: no entity 'Zzyzx'",
        ),
        (
            "alias",
            vec!["alias", "Iarn", "x"],
            "actorgraph: no entity 'Iarn' (did you mean 'Iran'?)",
        ),
        (
            "merge",
            vec!["merge", "Iran", "Hamma"],
            "actorgraph: no entity 'Hamma' (did you mean 'Hama'?)",
        ),
        (
            "remove",
            vec!["remove", "Damscus"],
            "actorgraph: no entity 'Damscus' (did you mean 'Damascus'?)",
        ),
        (
            "export",
            vec!["export", "--focus", "Aleppp"],
            "actorgraph: no entity 'Aleppp' (did you mean 'Aleppo'?)",
        ),
    ];
    for (name, args, want) in cases {
        assert_eq!(error_line(cmd(&g).args(&args)), want, "case {name}");
    }
    assert_eq!(crate::common::snapshot(&g), before);
}

#[test]
fn usage_errors_are_one_actorgraph_line_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let cases: [(&[&str], &str); 3] = [
        (
            &["--foo"],
            "actorgraph: unexpected argument '--foo' found; usage: actorgraph [OPTIONS] <COMMAND>",
        ),
        (
            &["path"],
            "actorgraph: the following required arguments were not provided: <FROM> <TO>; usage: actorgraph path --graph <PATH> <FROM> <TO>",
        ),
        (
            &["path", "a", "b", "--max-hops", "x"],
            "actorgraph: invalid value 'x' for '--max-hops <MAX_HOPS>': invalid digit found in string",
        ),
    ];
    for (args, want) in cases {
        assert_eq!(error_line(cmd(&g).args(args)), want, "{args:?}");
    }
    cmd(&g).arg("--help").assert().success();
    cmd(&g).arg("--version").assert().success();
    let help = cmd(&g)
        .args(["why", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8(help).unwrap();
    assert!(
        help.contains("supports, opposes, meets-with or controls"),
        "{help}"
    );
}

#[test]
fn completions_and_man_pages_come_from_the_command_line_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let script = cmd(&g)
        .args(["completions", "bash"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let script = String::from_utf8(script).unwrap();
    assert!(
        script.contains("dedupe") && script.contains("--max-hops"),
        "{script}"
    );
    let file = dir.path().join("actorgraph.bash");
    fs::write(&file, &script).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        syntax.status.success(),
        "{}",
        String::from_utf8_lossy(&syntax.stderr)
    );
    for shell in ["zsh", "fish"] {
        cmd(&g).args(["completions", shell]).assert().success();
    }
    let man = dir.path().join("man");
    cmd(&g).arg("man").arg("--dir").arg(&man).assert().success();
    let path = fs::read_to_string(man.join("actorgraph-path.1")).unwrap();
    assert!(path.contains("\\-\\-undirected"), "{path}");
    assert!(man.join("actorgraph.1").exists());
    assert_eq!(
        error_line(cmd(&g).args(["completions", "tcsh"])),
        "actorgraph: invalid value 'tcsh' for '<SHELL>' [possible values: bash, elvish, fish, powershell, zsh]; tip: a similar value exists: 'zsh'"
    );
}
