//! The graph file under concurrent writers, locks and corrupt files.

use std::fs;

use actorgraph::graph::store;

use crate::common::{cmd, error_line, json};

#[test]
fn concurrent_writers_lose_nothing() {
    for name in ["g.json", "g.db"] {
        let dir = tempfile::tempdir().unwrap();
        writers_lose_nothing(&dir.path().join(name));
    }
}

#[test]
fn concurrent_writers_to_postgres_lose_nothing() {
    let Some(g) = crate::common::pg_graph() else {
        return;
    };
    writers_lose_nothing(&g);
    // and writers of whole documents, each in its own transaction
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..6).map(|k| statements(dir.path(), k, 30)).collect();
    let children: Vec<_> = files
        .iter()
        .map(|f| {
            crate::common::process(&g)
                .arg("import")
                .arg(f)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let s: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(s["edges"], 8 + 6 * 30);
    assert_eq!(s["entities"], 9 + 6 * 60);
}

fn writers_lose_nothing(g: &std::path::Path) {
    let g = g.to_path_buf();
    let bin = assert_cmd::cargo::cargo_bin("actorgraph");
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(&bin)
                .args([
                    "add",
                    &format!("Actor {i}"),
                    "supports",
                    "Target",
                    "--evidence",
                    &format!("s{i}"),
                ])
                .env("ACTORGRAPH_GRAPH", &g)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let s: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
    assert_eq!(s["edges"], 8);
    assert_eq!(s["entities"], 9);
}

#[test]
fn a_held_lock_gives_a_clear_error_and_no_change() {
    for name in ["g.json", "g.db"] {
        held_lock(name);
    }
}

fn held_lock(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join(name);
    cmd(&g)
        .args(["add", "A", "supports", "B"])
        .assert()
        .success();
    let before = fs::read(&g).unwrap();
    let _held = store::lock(&g, None, || ()).unwrap();
    let line = error_line(
        cmd(&g)
            .env("ACTORGRAPH_LOCK_TIMEOUT", "0.2")
            .args(["add", "C", "supports", "D"]),
    );
    let prefix = format!(
        "actorgraph: graph {} is locked by another actorgraph process (waited 0.",
        g.display()
    );
    assert!(line.starts_with(&prefix), "{line}");
    assert!(
        line.ends_with(&format!(
            "s on {}.lock); try again when it has finished",
            g.display()
        )),
        "{line}"
    );
    assert_eq!(fs::read(&g).unwrap(), before);
}

#[test]
fn corrupt_or_newer_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let cases = [
        (
            "not json",
            "{\n  \"directed\": tru\n}",
            "line 3: expected ident".to_string(),
        ),
        (
            "newer",
            r#"{"directed":true,"multigraph":true,"graph":{"schema_version":99},"nodes":[],"edges":[]}"#,
            "schema_version 99 is newer than this actorgraph reads (1); upgrade actorgraph"
                .to_string(),
        ),
        (
            "dangling edge",
            r#"{"directed":true,"multigraph":true,"graph":{"schema_version":1},"nodes":[],"edges":[{"source":"a","target":"b","key":"supports","relation":"supports","evidence":[{"doc":"d","producer":"manual"}]}]}"#,
            // the line where the edge ends: read after the nodes, it is checked against them
            "line 1: edge a -supports-> b names unknown node 'a'".to_string(),
        ),
    ];
    for (name, text, want) in cases {
        fs::write(&g, text).unwrap();
        assert_eq!(
            error_line(cmd(&g).args(["add", "A", "supports", "B"])),
            format!("actorgraph: {}: {want}", g.display()),
            "case {name}"
        );
        assert_eq!(
            error_line(cmd(&g).arg("stats")),
            format!("actorgraph: {}: {want}", g.display())
        );
        assert_eq!(fs::read_to_string(&g).unwrap(), text, "case {name}");
    }
}

#[test]
fn graph_flag_beats_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let (env, flag) = (dir.path().join("env.json"), dir.path().join("flag.json"));
    cmd(&env)
        .args(["add", "A", "supports", "B", "--graph"])
        .arg(&flag)
        .assert()
        .success();
    assert!(flag.exists() && !env.exists());
}

/// A JSONL file of `n` statements, each between two entities of its own (`K-i`).
fn statements(dir: &std::path::Path, k: usize, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("s{k}.jsonl"));
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{{\"source\": \"Group {k}-{i}\", \"relation\": \"supports\", \"target\": \"Militia {k}-{i}\", \"doc\": \"d{k}\", \"evidence\": \"Group {k}-{i} backs Militia {k}-{i}.\"}}\n"
            )
        })
        .collect();
    fs::write(&path, lines).unwrap();
    path
}

#[test]
fn writers_killed_mid_write_leave_the_last_committed_database() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.db");
    const N: usize = 400;
    // how long an import takes here (debug or release build, busy machine or not)
    let start = std::time::Instant::now();
    cmd(&g)
        .arg("import")
        .arg(statements(dir.path(), 0, N))
        .assert()
        .success();
    let whole = start.elapsed();
    let mut committed = N as u64;
    let mut finished = 0;
    for k in 1..25u64 {
        let file = statements(dir.path(), k as usize, N);
        let mut child = crate::common::process(&g)
            .arg("import")
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // from the start of the process to past the end of its write, over the runs
        std::thread::sleep(whole.mul_f64(((k * 37) % 100) as f64 / 60.0));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let s: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
        let edges = s["edges"].as_u64().unwrap();
        // all of an import or none of it
        assert!(
            edges == committed || edges == committed + N as u64,
            "run {k}: {edges} edges after a kill, {committed} before (exit {status:?})"
        );
        finished += usize::from(edges > committed);
        committed = edges;
        let check: String = rusqlite::Connection::open(&g)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
    // the graph still takes writes
    cmd(&g)
        .args(["add", "A", "supports", "B"])
        .assert()
        .success();
    assert!(finished > 0, "some imports finished before their kill");
    assert!(
        finished < 24,
        "some imports were killed before they finished"
    );
}

#[test]
fn postgres_writers_killed_mid_write_leave_the_last_committed_state() {
    let Some(g) = crate::common::pg_graph() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    const N: usize = 300;
    // how long an import takes here (debug or release build, busy machine or not)
    let start = std::time::Instant::now();
    cmd(&g)
        .arg("import")
        .arg(statements(dir.path(), 0, N))
        .assert()
        .success();
    let whole = start.elapsed();
    let mut committed = N as u64;
    let mut finished = 0;
    for k in 1..12u64 {
        let file = statements(dir.path(), k as usize, N);
        let mut child = crate::common::process(&g)
            .arg("import")
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // from the start of the process to past the end of its write, over the runs
        std::thread::sleep(whole.mul_f64(((k * 37) % 100) as f64 / 60.0));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let s: serde_json::Value = json(cmd(&g).args(["stats", "--format", "json"]));
        let edges = s["edges"].as_u64().unwrap();
        assert!(
            edges == committed || edges == committed + N as u64,
            "run {k}: {edges} edges after a kill, {committed} before (exit {status:?})"
        );
        finished += usize::from(edges > committed);
        committed = edges;
    }
    cmd(&g)
        .args(["add", "A", "supports", "B"])
        .assert()
        .success();
    assert!(finished > 0, "some imports finished before their kill");
    assert!(
        finished < 11,
        "some imports were killed before they finished"
    );
}

#[test]
fn postgres_lock_foreign_and_newer_databases_give_clear_errors() {
    use actorgraph::graph::postgres::LOCK_KEY;
    let Some(server) = crate::common::PgServer::get() else {
        return;
    };
    let g = server.database();
    let url = g.to_str().unwrap().to_string();
    cmd(&g)
        .args(["add", "A", "supports", "B"])
        .assert()
        .success();
    let before = crate::common::snapshot(&g);
    // a writer on another machine holds the lock
    let db = url.split("///").nth(1).unwrap().split('?').next().unwrap();
    let mut holder = server.client(db);
    let mut tx = holder.transaction().unwrap();
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])
        .unwrap();
    let line = error_line(
        cmd(&g)
            .env("ACTORGRAPH_LOCK_TIMEOUT", "0.2")
            .args(["add", "C", "supports", "D"]),
    );
    assert!(
        line.starts_with(&format!(
            "actorgraph: graph {url} is locked by another actorgraph process (waited 0."
        )),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(
            "s on advisory lock {LOCK_KEY}); try again when it has finished"
        )),
        "{line}"
    );
    tx.rollback().unwrap();
    assert_eq!(crate::common::snapshot(&g), before);
    // a newer schema
    server
        .client(db)
        .batch_execute("UPDATE schema_version SET version = 3")
        .unwrap();
    for args in [
        vec!["stats"],
        vec!["add", "C", "supports", "D"],
        vec!["show", "A"],
    ] {
        assert_eq!(
            error_line(cmd(&g).args(&args)),
            format!(
                "actorgraph: {url}: schema_version 3 is newer than this actorgraph reads (2); upgrade actorgraph"
            )
        );
    }
    // someone else's database
    let other = server.database();
    let other_db = other.to_str().unwrap().split("///").nth(1).unwrap();
    let other_db = other_db.split('?').next().unwrap();
    server
        .client(other_db)
        .batch_execute("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('mine')")
        .unwrap();
    for args in [vec!["stats"], vec!["add", "A", "supports", "B"]] {
        assert_eq!(
            error_line(cmd(&other).args(&args)),
            format!(
                "actorgraph: {}: a PostgreSQL database, but not an actorgraph graph (no schema_version table)",
                other.display()
            )
        );
    }
    // a database without a graph yet is no graph
    let empty = server.database();
    assert_eq!(
        error_line(cmd(&empty).arg("stats")),
        format!(
            "actorgraph: no graph at {} (ingest, import or add create one)",
            empty.display()
        )
    );
}

#[test]
fn postgres_passwords_are_never_shown() {
    let Some(server) = crate::common::PgServer::get() else {
        return;
    };
    let g = server.database();
    // trust authentication ignores the password, which must still not be printed
    let with = std::path::PathBuf::from(format!("{}&password=hunter2", g.display()));
    let out = cmd(&with)
        .args(["add", "A", "supports", "B"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end(), format!("created graph {}", g.display()));
    let line = error_line(cmd(&with).args(["path", "A", "Nobody"]));
    assert!(!line.contains("hunter2"), "{line}");
}

#[test]
fn convert_copies_a_graph_to_postgres_and_back() {
    let Some(pg) = crate::common::pg_graph() else {
        return;
    };
    let (dir, json_graph) = crate::common::example_json();
    let out = crate::common::stdout(cmd(&json_graph).arg("convert").arg(&json_graph).arg(&pg));
    assert_eq!(
        out,
        format!(
            "converted {} to {} (PostgreSQL): 32 entities and 35 edges\n",
            json_graph.display(),
            pg.display()
        )
    );
    let back = dir.path().join("back.json");
    cmd(&pg)
        .arg("convert")
        .arg(&pg)
        .arg(&back)
        .assert()
        .success();
    let name = actorgraph::graph::store::graph_name(&pg);
    let a = fs::read_to_string(&json_graph).unwrap();
    let b = fs::read_to_string(&back).unwrap();
    assert_eq!(a.replace("\"name\": \"g\"", "\"name\": \"back\""), b);
    assert_ne!(name, "g");
    let line = error_line(cmd(&pg).arg("convert").arg(&json_graph).arg(&pg));
    assert_eq!(
        line,
        format!(
            "actorgraph: {}: already holds a graph; convert writes a new graph only",
            pg.display()
        )
    );
}

#[test]
fn corrupt_foreign_or_newer_databases_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.db");
    fs::write(&g, "this is no database, only text that is long enough").unwrap();
    let line = error_line(cmd(&g).arg("stats"));
    assert!(
        line.starts_with(&format!("actorgraph: {}: cannot", g.display())),
        "{line}"
    );
    assert!(line.contains("not an SQLite database"), "{line}");
    error_line(cmd(&g).args(["add", "A", "supports", "B"]));
    assert_eq!(
        fs::read_to_string(&g).unwrap(),
        "this is no database, only text that is long enough"
    );
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('mine')")
        .unwrap();
    for args in [vec!["stats"], vec!["add", "A", "supports", "B"]] {
        assert_eq!(
            error_line(cmd(&other).args(&args)),
            format!(
                "actorgraph: {}: an SQLite database, but not an actorgraph graph (no schema_version table)",
                other.display()
            )
        );
    }
    let newer = dir.path().join("newer.db");
    cmd(&newer)
        .args(["add", "A", "supports", "B"])
        .assert()
        .success();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("UPDATE schema_version SET version = 3")
        .unwrap();
    assert_eq!(
        error_line(cmd(&newer).args(["add", "C", "supports", "D"])),
        format!(
            "actorgraph: {}: schema_version 3 is newer than this actorgraph reads (2); upgrade actorgraph",
            newer.display()
        )
    );
}

#[test]
fn a_version_1_database_is_read_as_it_is_and_upgraded_by_the_first_write() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.db");
    let text = dir.path().join("a.txt");
    fs::write(&text, "Russia backs Assad.").unwrap();
    cmd(&g).arg("ingest").arg(&text).assert().success();
    // what version 1 wrote: evidence without the trigger's span
    let conn = rusqlite::Connection::open(&g).unwrap();
    conn.execute_batch(
        "ALTER TABLE evidence DROP COLUMN trigger_start;
         ALTER TABLE evidence DROP COLUMN trigger_end;
         UPDATE schema_version SET version = 1;",
    )
    .unwrap();
    drop(conn);
    let export = |g: &std::path::Path| -> serde_json::Value {
        crate::common::json(cmd(g).args(["export", "--format", "json"]))
    };
    let before = export(&g);
    assert_eq!(
        before["edges"][0]["evidence"][0]["text"],
        "Russia backs Assad."
    );
    assert!(before["edges"][0]["evidence"][0].get("trigger").is_none());
    cmd(&g).args(["neighbors", "Russia"]).assert().success();
    // a write brings the tables to version 2; the old evidence keeps having no trigger
    let other = dir.path().join("b.txt");
    fs::write(&other, "Iran backs Hezbollah.").unwrap();
    cmd(&g).arg("ingest").arg(&other).assert().success();
    let version: i64 = rusqlite::Connection::open(&g)
        .unwrap()
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    let after = export(&g);
    let edges = after["edges"].as_array().unwrap();
    let evidence = |text: &str| {
        edges
            .iter()
            .map(|e| e["evidence"][0].clone())
            .find(|v| v["text"] == text)
            .unwrap_or_else(|| panic!("no evidence {text:?} in {after}"))
    };
    assert!(evidence("Russia backs Assad.").get("trigger").is_none());
    assert_eq!(
        evidence("Iran backs Hezbollah.")["trigger"],
        serde_json::json!({"start": 5, "end": 10})
    );
}

#[test]
fn convert_copies_a_graph_both_ways_without_loss() {
    let (dir, json_graph) = crate::common::example_json();
    let db = dir.path().join("sub/g.db");
    let out = crate::common::stdout(cmd(&json_graph).arg("convert").arg(&json_graph).arg(&db));
    assert_eq!(
        out,
        format!(
            "converted {} to {} (SQLite): 32 entities and 35 edges\n",
            json_graph.display(),
            db.display()
        )
    );
    let export =
        |g: &std::path::Path| crate::common::stdout(cmd(g).args(["export", "--format", "json"]));
    assert_eq!(
        export(&db).replace("\"name\": \"g\"", ""),
        export(&json_graph).replace("\"name\": \"g\"", "")
    );
    let back = dir.path().join("back.json");
    cmd(&db)
        .arg("convert")
        .arg(&db)
        .arg(&back)
        .assert()
        .success();
    let a = fs::read_to_string(&json_graph).unwrap();
    let b = fs::read_to_string(&back).unwrap();
    assert_eq!(a.replace("\"name\": \"g\"", "\"name\": \"back\""), b);
    // never over an existing graph
    let line = error_line(cmd(&db).arg("convert").arg(&json_graph).arg(&db));
    assert_eq!(
        line,
        format!(
            "actorgraph: {}: already exists; convert writes a new graph only",
            db.display()
        )
    );
}

/// A random graph with hubs: 120 entities, about 500 statements over every relation.
fn random_graph() -> actorgraph::graph::Graph {
    use actorgraph::model::{Entity, EntityType, Evidence, Relation, Statement};
    let mut g = actorgraph::graph::Graph::new();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    for i in 0..500 {
        // a fifth of the ends are among ten hubs
        let end = |next: &mut dyn FnMut(u64) -> u64| {
            if next(5) == 0 { next(10) } else { next(120) }
        };
        let (s, t) = (end(&mut next), end(&mut next));
        let relation = Relation::ALL[next(4) as usize];
        let target = if relation == Relation::Controls && next(2) == 0 {
            Entity::new(&format!("Town {t}"), EntityType::City)
        } else {
            Entity::new(&format!("Group {t}"), EntityType::ArmedGroup)
        };
        g.add_statement(Statement {
            source: Entity::new(&format!("Group {s}"), EntityType::ArmedGroup),
            relation,
            target,
            evidence: Evidence {
                doc: format!("doc{}", next(60)),
                date: Some(format!("2024-0{}-1{}", 1 + next(9), next(10))),
                text: format!("statement {i}"),
                span: None,
                trigger: None,
                producer: "test".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }
    g
}

#[test]
fn queries_on_the_part_read_from_the_database_answer_as_on_the_whole_graph() {
    use actorgraph::graph::store::{Part, Walk, load_part};
    use actorgraph::graph::{Direction, Filter, PathQuery};
    use actorgraph::model::Relation;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    actorgraph::graph::sqlite::create(&random_graph(), &db).unwrap();
    // the whole graph as commands read it (edges in the order of their keys)
    let whole = store::load(&db).unwrap();
    assert_eq!(
        serde_json::to_value(store::stats(&db).unwrap()).unwrap(),
        serde_json::to_value(whole.stats()).unwrap()
    );
    let ids: Vec<_> = whole
        .entities_sorted()
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let around = |name: &str, depth, relations, walk, closed| {
        load_part(
            &db,
            &Part::Around {
                names: vec![name],
                depth,
                relations,
                walk,
                closed,
            },
        )
        .unwrap()
    };
    let supports: &[Relation] = &[Relation::Supports];
    for id in &ids {
        let name = whole.entity(id).unwrap().name.clone();
        let j = |v: &dyn erased::Ser| v.json();
        for (dir, walk) in [
            (Direction::Both, Walk::Both),
            (Direction::In, Walk::In),
            (Direction::Out, Walk::Out),
        ] {
            let part = around(&name, 1, None, walk, false);
            assert_eq!(
                j(&part.neighbors(id, None, dir).unwrap()),
                j(&whole.neighbors(id, None, dir).unwrap()),
                "neighbors of {name} {dir:?}"
            );
        }
        let part = around(&name, 1, None, Walk::Both, false);
        assert_eq!(
            j(&part.card(id).unwrap()),
            j(&whole.card(id).unwrap()),
            "card of {name}"
        );
        for reverse in [false, true] {
            let walk = if reverse { Walk::Out } else { Walk::In };
            let part = around(&name, 3, Some(supports), walk, false);
            assert_eq!(
                j(&part.backers(id, 3, reverse).unwrap()),
                j(&whole.backers(id, 3, reverse).unwrap()),
                "backers of {name}, reverse {reverse}"
            );
        }
        let filter = Filter {
            focus: Some(id.clone()),
            depth: 2,
            ..Filter::default()
        };
        let part = around(&name, 2, None, Walk::Both, true);
        assert_eq!(
            filter.apply(&part).unwrap().to_node_link("g"),
            filter.apply(&whole).unwrap().to_node_link("g"),
            "focus on {name}"
        );
    }
    for (k, a) in ids.iter().enumerate().step_by(7) {
        for b in ids.iter().skip(k % 5).step_by(11) {
            if a == b {
                continue;
            }
            for undirected in [false, true] {
                let query = PathQuery {
                    max_hops: 4,
                    undirected,
                    ..PathQuery::default()
                };
                let part = |all| {
                    load_part(
                        &db,
                        &Part::Paths {
                            from: &a.0,
                            to: &b.0,
                            query: &query,
                            all,
                        },
                    )
                    .unwrap()
                };
                let short = |g: &actorgraph::graph::Graph| {
                    g.shortest_path(a, b, &query).unwrap().map(|p| p.len())
                };
                assert_eq!(short(&part(false)), short(&whole), "{a} to {b}");
                assert_eq!(
                    erased::Ser::json(&part(true).all_paths(a, b, &query).unwrap()),
                    erased::Ser::json(&whole.all_paths(a, b, &query).unwrap()),
                    "all paths {a} to {b}"
                );
            }
        }
    }
}

mod erased {
    /// Any serializable answer, as JSON text, to compare answers of one query.
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

#[test]
fn writes_of_a_part_leave_the_database_as_whole_writes_leave_a_file() {
    // 25 groups: most edges hold one document's evidence, and entities come and go
    part_writes_match_whole_writes(25, 20);
    // 6 groups: edges gather evidence from many documents, which lean reads leave unread
    part_writes_match_whole_writes(6, 10);
}

/// 60 rounds of documents, named from 12, added and replaced with statements between
/// `groups` groups, written to a JSON file whole and to two databases by parts; the
/// databases must hold what the file holds after each round, with at least `edges` edges
/// at the end.
fn part_writes_match_whole_writes(groups: u64, edges: usize) {
    use actorgraph::graph::store::{Keys, update_part};
    use actorgraph::model::{Entity, EntityType, Evidence, Relation, Statement};
    let dir = tempfile::tempdir().unwrap();
    let (json_dir, db_dir) = (dir.path().join("j"), dir.path().join("d"));
    let (json_graph, db) = (json_dir.join("g.json"), db_dir.join("g.db"));
    // read lean, as ingest reads (each edge with only the replaced document's evidence),
    // in two rounds of three; the third, whole, sees the gaps lean writes leave
    let lean = db_dir.join("lean.db");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    // a hand-added entity and a hub, before any document
    for g in [&json_graph, &db, &lean] {
        store::update(
            g,
            None,
            || (),
            |g| {
                g.add_entity(Entity::new("Group 3", EntityType::ArmedGroup));
                Ok(())
            },
        )
        .unwrap();
    }
    for round in 0..60 {
        // documents come back with other statements: their evidence is replaced
        let doc = format!("doc{}", next(12));
        let statements: Vec<Statement> = (0..1 + next(6))
            .map(|i| {
                let end = |k: u64| if k.is_multiple_of(3) { 0 } else { k % groups };
                let (s, t) = (end(next(75)), end(next(75)));
                Statement {
                    source: Entity::new(&format!("Group {s}"), EntityType::ArmedGroup),
                    relation: Relation::ALL[next(3) as usize],
                    target: Entity::new(&format!("Group {t}"), EntityType::ArmedGroup),
                    evidence: Evidence {
                        doc: doc.clone(),
                        date: None,
                        text: format!("round {round} statement {i}"),
                        span: None,
                        trigger: None,
                        producer: "test".into(),
                        url: None,
                        confidence: 1.0,
                    },
                }
            })
            .filter(|s| s.source.id != s.target.id)
            .collect();
        let mut keys = Keys::default();
        keys.docs.insert(doc.clone());
        statements.iter().for_each(|s| keys.add_statement(s));
        for g in [&json_graph, &db, &lean] {
            let statements = statements.clone();
            let keys = Keys {
                lean: *g == lean && round % 3 != 2,
                ..keys.clone()
            };
            update_part(
                g,
                None,
                || (),
                move |_| keys.clone(),
                |g| {
                    g.remove_document(&doc);
                    for s in statements {
                        g.add_statement(s);
                    }
                    Ok(())
                },
            )
            .unwrap();
        }
        let a = store::load(&json_graph).unwrap().to_node_link("g");
        let pieces: usize = a.edges.iter().map(|e| e.evidence.len()).sum();
        for g in [&db, &lean] {
            let b = store::load(g).unwrap().to_node_link("g");
            assert_eq!(a, b, "round {round}, {}", g.display());
            // loading would hide a piece written twice
            let rows: i64 = rusqlite::Connection::open(g)
                .unwrap()
                .query_row("SELECT COUNT(*) FROM evidence", [], |r| r.get(0))
                .unwrap();
            assert_eq!(
                rows as usize,
                pieces,
                "evidence rows in round {round}, {}",
                g.display()
            );
            assert_eq!(
                serde_json::to_value(store::stats(g).unwrap()).unwrap(),
                serde_json::to_value(store::load(g).unwrap().stats()).unwrap(),
                "counts in round {round}, {}",
                g.display()
            );
        }
    }
    assert!(store::load(&db).unwrap().edge_count() > edges);
}
