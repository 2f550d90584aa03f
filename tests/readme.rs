//! The commands shown in README.md are run with the real binary, as written, in a copy of
//! the repository's root (the files they read: `graphs/`, `examples/`, the test articles),
//! and must print exactly what the README shows (stdout and stderr). From "## Commands" to
//! "## File format" they run in order in one shell state: `cp` and `export` lines carry
//! over to the commands after them. The set-up command is checked too.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::repo;

/// Copies a folder of the repository (its files, not its subfolders) to the same place
/// under `root`.
fn mirror(root: &Path, rel: &str) {
    let to = root.join(rel);
    fs::create_dir_all(&to).unwrap();
    for f in fs::read_dir(repo(rel)).unwrap() {
        let f = f.unwrap().path();
        if f.is_file() {
            fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
}

/// A copy of the repository root with what the README's commands read, and a `bin`
/// folder (outside it) with the binary as `actorgraph`.
fn root() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(
        assert_cmd::cargo::cargo_bin("actorgraph"),
        bin.join("actorgraph"),
    )
    .unwrap();
    for rel in ["graphs", "examples", "tests/fixtures/articles"] {
        mirror(&dir.path().join("repo"), rel);
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (dir, path)
}

#[test]
fn readme_set_up_ingests_the_bundled_articles() {
    let readme = fs::read_to_string(repo("README.md")).unwrap();
    let setup = &readme[readme.find("## Set up").unwrap()..];
    let line = setup
        .lines()
        .find_map(|l| l.strip_prefix("$ cargo run --release -- "))
        .unwrap();
    let want = setup
        .lines()
        .skip_while(|l| !l.starts_with("$ cargo run"))
        .nth(1)
        .unwrap();
    let (dir, path) = root();
    let graph = dir.path().join("news.json");
    let args = line.replace("/tmp/news.json", &graph.display().to_string());
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("actorgraph {args}"))
        .current_dir(dir.path().join("repo"))
        .env("PATH", &path)
        .env_remove("ACTORGRAPH_GRAPH")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        want.replace("/tmp/news.json", &graph.display().to_string())
    );
}

#[test]
fn readme_commands_print_what_the_readme_shows() {
    let readme = fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("## Commands").unwrap();
    let end = readme.find("## File format").unwrap();
    let section = &readme[start..end];

    let (dir, path) = root();
    let no_user_lexicon = dir.path().join("no-user-lexicon");
    fs::create_dir(&no_user_lexicon).unwrap();
    let state = dir.path().join("shell-state");
    let have_dot = Command::new("dot").arg("-V").output().is_ok();

    let mut ran = 0;
    let mut in_block = false;
    let mut current: Option<(String, String)> = None;
    let mut check = |cmd: &str, want: &str| {
        if cmd.contains("dot -T") && !have_dot {
            eprintln!("skipped README command (no Graphviz): {cmd}");
            return;
        }
        // the shell state (exported variables) of the commands before this one, and after
        let script = format!(
            ". {state} 2>/dev/null\n{cmd} 2>&1\nexport -p > {state}",
            state = state.display()
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(script)
            .current_dir(dir.path().join("repo"))
            .env("PATH", &path)
            .env_remove("ACTORGRAPH_GRAPH")
            .env_remove("ACTORGRAPH_LOCK_TIMEOUT")
            .env("ACTORGRAPH_LEXICON_DIR", &no_user_lexicon)
            .output()
            .unwrap();
        let got = String::from_utf8_lossy(&out.stdout);
        assert_eq!(got.trim_end(), want.trim_end(), "README command: {cmd}");
        ran += 1;
    };
    for line in section.lines() {
        if line.starts_with("```console") {
            in_block = true;
            continue;
        }
        if in_block && line.starts_with("```") {
            if let Some((cmd, want)) = current.take() {
                check(&cmd, &want);
            }
            in_block = false;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            if let Some((c, want)) = current.take() {
                check(&c, &want);
            }
            current = Some((cmd.to_string(), String::new()));
        } else if let Some((_, want)) = current.as_mut() {
            want.push_str(line);
            want.push('\n');
        }
    }
    assert!(ran >= 15, "only {ran} README commands found");
}
