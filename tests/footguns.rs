//! Issue 12, "Foot-guns": commands that used to do something surprising without a word
//! now refuse with exit 2 and one line saying why, or say what they did.

use std::fs;

use crate::common::{cmd, error_line, example};

#[test]
fn export_and_render_refuse_to_write_over_the_graph_file() {
    let (dir, g) = example();
    let before = fs::read(&g).unwrap();
    let shown = g.display();
    // the same file by another spelling: canonical paths are compared
    let other_spelling = dir.path().join(".").join("g.json");
    for args in [
        vec!["export", "--rel", "supports", "-o"],
        vec!["export", "--format", "dot", "-o"],
    ] {
        let line = error_line(cmd(&g).args(&args).arg(&other_spelling));
        assert_eq!(
            line,
            format!(
                "actorgraph: refusing to write the export over the graph file {shown}; choose another -o"
            )
        );
    }
    let line = error_line(cmd(&g).args(["render", "-o"]).arg(&g));
    assert_eq!(
        line,
        format!(
            "actorgraph: refusing to write the picture over the graph file {shown}; choose another -o"
        )
    );
    assert_eq!(fs::read(&g).unwrap(), before, "the graph is untouched");
    // another file is fine
    let out = dir.path().join("supports.json");
    cmd(&g)
        .args(["export", "--rel", "supports", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(out.exists());
}

#[test]
fn reading_a_missing_graph_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("nosuch.json");
    let want = format!(
        "actorgraph: no graph at {} (ingest, import or add create one)",
        g.display()
    );
    for args in [
        &["stats"][..],
        &["path", "Iran", "Hezbollah"],
        &["backers", "Hezbollah"],
        &["neighbors", "Iran"],
        &["show", "Iran"],
        &["why", "Iran", "supports", "Hezbollah"],
        &["export"],
        &["render", "--format", "svg"],
        &["dedupe"],
    ] {
        assert_eq!(error_line(cmd(&g).args(args)), want, "{args:?}");
    }
    assert!(!g.exists(), "reading creates nothing");
}

#[test]
fn writing_a_missing_graph_creates_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("sub").join("new.json");
    let out = cmd(&g)
        .args(["add", "Iran", "supports", "Hezbollah"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("created graph {}\n", g.display())
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "added: Iran -supports-> Hezbollah\n"
    );
    // the second write finds the file: nothing on stderr
    cmd(&g)
        .args(["alias", "Iran", "Tehran"])
        .assert()
        .success()
        .stderr("");
    // a write that fails creates no file
    let other = dir.path().join("other.json");
    error_line(cmd(&other).args(["add", "Iran", "backs", "Hezbollah"]));
    assert!(!other.exists());
}

#[test]
fn graph_paths_that_are_not_regular_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (path, what) in [
        (
            std::path::PathBuf::from("/dev/full"),
            "a device, pipe or socket",
        ),
        (d.to_path_buf(), "a directory"),
    ] {
        let want = format!(
            "actorgraph: {}: not a graph file: it is {what}, not a regular file; give a .json file with --graph",
            path.display()
        );
        assert_eq!(error_line(cmd(&path).arg("stats")), want);
        assert_eq!(
            error_line(cmd(&path).args(["add", "Iran", "supports", "Hezbollah"])),
            want
        );
    }
}

#[test]
fn graph_files_over_the_size_limit_are_refused_naming_the_limit() {
    let (_dir, g) = example();
    let size = fs::metadata(&g).unwrap().len();
    let line = error_line(
        cmd(&g)
            .env("ACTORGRAPH_MAX_GRAPH_BYTES", "1000")
            .arg("stats"),
    );
    let kib = size as f64 / 1024.0;
    assert_eq!(
        line,
        format!(
            "actorgraph: {}: {kib:.1} KiB ({size} bytes) is larger than the limit of 1000 bytes for graph files; set ACTORGRAPH_MAX_GRAPH_BYTES to raise it",
            g.display()
        )
    );
    cmd(&g)
        .env("ACTORGRAPH_MAX_GRAPH_BYTES", size.to_string())
        .arg("stats")
        .assert()
        .success();
    assert_eq!(
        error_line(
            cmd(&g)
                .env("ACTORGRAPH_MAX_GRAPH_BYTES", "lots")
                .arg("stats")
        ),
        "actorgraph: ACTORGRAPH_MAX_GRAPH_BYTES is 'lots', not a number of bytes (such as 8589934592 for 8 GiB)"
    );
}

#[test]
fn zero_hops_limits_and_depths_are_errors_not_empty_answers() {
    let (_dir, g) = example();
    for (args, flag) in [
        (
            &["path", "Iran", "Hezbollah", "--max-hops", "0"][..],
            "--max-hops",
        ),
        (
            &["path", "Iran", "Hezbollah", "--all", "--limit", "0"],
            "--limit",
        ),
        (&["backers", "Hezbollah", "--depth", "0"], "--depth"),
    ] {
        assert_eq!(
            error_line(cmd(&g).args(args)),
            format!("actorgraph: {flag} must be at least 1 (got 0)"),
            "{args:?}"
        );
    }
}
