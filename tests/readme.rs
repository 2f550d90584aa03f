//! The commands shown in README.md, from "## Commands" to "## File format", are run with
//! the real binary and must print exactly what the README shows (stdout and stderr).

use std::fs;
use std::process::Command;

use crate::common::repo;

#[test]
fn readme_commands_print_what_the_readme_shows() {
    let readme = fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("## Commands").unwrap();
    let end = readme.find("## File format").unwrap();
    let section = &readme[start..end];

    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(
        assert_cmd::cargo::cargo_bin("actorgraph"),
        bin.join("actorgraph"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("graphs")).unwrap();
    for f in ["example.json", "example.jsonl"] {
        fs::copy(repo("graphs").join(f), dir.path().join("graphs").join(f)).unwrap();
    }
    fs::copy(repo("graphs/example.json"), dir.path().join("g.json")).unwrap();
    // the articles of "Reading news" and the user lexicon file of "The world lexicon"
    fs::create_dir(dir.path().join("articles")).unwrap();
    for f in fs::read_dir(repo("tests/fixtures/articles")).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|x| x == "txt") {
            fs::copy(&f, dir.path().join("articles").join(f.file_name().unwrap())).unwrap();
        }
    }
    fs::write(
        dir.path().join("my-lexicon.tsv"),
        "# my own actors\nafrica-corps\tarmed-group\tAfrica Corps\tRussian Expeditionary Corps\tRU\nkalma\tcamp\tKalma camp\t\tSD\n",
    )
    .unwrap();
    let no_user_lexicon = dir.path().join("no-user-lexicon");
    fs::create_dir(&no_user_lexicon).unwrap();
    fs::write(
        dir.path().join("bad.jsonl"),
        "{\"source\": \"a\", \"relation\": \"backs\", \"target\": \"b\"}\n",
    )
    .unwrap();
    let have_dot = Command::new("dot").arg("-V").output().is_ok();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut ran = 0;
    let mut graph = "graphs/example.json";
    let mut in_block = false;
    let mut current: Option<(String, String)> = None;
    let mut check = |cmd: &str, want: &str, graph: &str| {
        if cmd.contains("dot -T") && !have_dot {
            eprintln!("skipped README command (no Graphviz): {cmd}");
            return;
        }
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("{cmd} 2>&1"))
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("ACTORGRAPH_GRAPH", graph)
            .env("ACTORGRAPH_LEXICON_DIR", &no_user_lexicon)
            .output()
            .unwrap();
        let got = String::from_utf8_lossy(&out.stdout);
        assert_eq!(got.trim_end(), want.trim_end(), "README command: {cmd}");
        ran += 1;
    };
    for line in section.lines() {
        if line.starts_with("### ") {
            graph = if line.contains("Putting statements in") {
                "g.json"
            } else {
                "graphs/example.json"
            };
        }
        if line.starts_with("```console") {
            in_block = true;
            continue;
        }
        if in_block && line.starts_with("```") {
            if let Some((cmd, want)) = current.take() {
                check(&cmd, &want, graph);
            }
            in_block = false;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            if let Some((c, want)) = current.take() {
                check(&c, &want, graph);
            }
            current = Some((cmd.to_string(), String::new()));
        } else if let Some((_, want)) = current.as_mut() {
            want.push_str(line);
            want.push('\n');
        }
    }
    assert!(ran >= 15, "only {ran} README commands found");
}
