//! Whole commands on a large SQLite graph, beside NetworkX on the same graph.
//!
//! Run by hand: `cargo bench --bench store` (1M entities, 5M edges; takes a few minutes
//! and about 2 GB of disk in a temporary folder) or `STORE_BENCH=small cargo bench --bench
//! store` (100k entities, 500k edges). The graph is written straight into the database
//! (the schema of `actorgraph::graph::sqlite`, one piece of evidence per edge), uniform at
//! random like the `queries` bench. Each command runs as a whole process, as users run
//! it; wall time and peak resident memory come from GNU time (`/usr/bin/time`). If
//! `python3` has NetworkX, `benches/networkx_store.py` loads the same edges and times
//! `shortest_path` on the same pairs. Figures are in README.md.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use rusqlite::{Connection, params};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const RELATIONS: [&str; 4] = ["supports", "opposes", "meets-with", "controls"];

fn id(i: usize) -> String {
    format!("e{i}")
}

/// Writes the graph into a new database and its edges to `edges.tsv` (source, relation,
/// target) for NetworkX.
fn build(db: &Path, dir: &Path, entities: usize, edges: usize) {
    actorgraph::graph::sqlite::update(db, |_| Ok(())).expect("create the database");
    let mut conn = Connection::open(db).unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut ins = tx
            .prepare(
                "INSERT INTO entities(rowid, id, name, norm, kind, type, manual)
                 VALUES (?1, ?2, ?3, ?4, 'actor', 'armed-group', 0)",
            )
            .unwrap();
        for i in 0..entities {
            let name = format!("Entity {i}");
            ins.execute(params![i as i64 + 1, id(i), name, name.to_lowercase()])
                .unwrap();
        }
    }
    let mut tsv = String::with_capacity(edges * 24);
    {
        let mut seen = std::collections::HashSet::with_capacity(edges);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut edge = tx
            .prepare(
                "INSERT INTO edges(rowid, source, relation, target, evidence_count)
                 VALUES (?1, ?2, ?3, ?4, 1)",
            )
            .unwrap();
        let mut evidence = tx
            .prepare(
                "INSERT INTO evidence(edge, seq, doc, date, text, producer, confidence)
                 VALUES (?1, 0, ?2, ?3, ?4, 'bench', 1.0)",
            )
            .unwrap();
        let mut n = 0;
        while n < edges {
            let (mut s, mut t) = (rng.below(entities), rng.below(entities));
            let r = RELATIONS[rng.below(4)];
            if r == "meets-with" && id(t) < id(s) {
                std::mem::swap(&mut s, &mut t);
            }
            if s == t || !seen.insert((s, r, t)) {
                continue;
            }
            n += 1;
            edge.execute(params![n as i64, s as i64 + 1, r, t as i64 + 1])
                .unwrap();
            let date = format!("2024-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
            evidence
                .execute(params![
                    n as i64,
                    format!("doc{}", n / 5),
                    date,
                    format!("E{s} {r} E{t}.")
                ])
                .unwrap();
            tsv.push_str(&format!("{}\t{r}\t{}\n", id(s), id(t)));
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    std::fs::write(dir.join("edges.tsv"), tsv).unwrap();
}

/// Runs the binary `runs` times; the median wall time (s) and the largest peak RSS (MB).
fn time(db: &Path, args: &[&str], runs: usize) -> (f64, f64, String) {
    let bin = env!("CARGO_BIN_EXE_actorgraph");
    let mut walls = Vec::new();
    let mut peak = 0.0f64;
    let mut out = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let o = Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(bin)
            .arg("--graph")
            .arg(db)
            .args(args)
            .output()
            .expect("run /usr/bin/time");
        walls.push(start.elapsed().as_secs_f64());
        let err = String::from_utf8_lossy(&o.stderr);
        let kb: f64 = err
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0.0);
        peak = peak.max(kb / 1024.0);
        out = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(
            o.status.code().is_some_and(|c| c <= 1),
            "{args:?} failed: {err}"
        );
    }
    walls.sort_by(|a, b| a.total_cmp(b));
    (walls[walls.len() / 2], peak, out)
}

fn main() {
    let small = std::env::var("STORE_BENCH").is_ok_and(|v| v == "small");
    let (entities, edges) = if small {
        (100_000, 500_000)
    } else {
        (1_000_000, 5_000_000)
    };
    let keep = std::env::var_os("STORE_BENCH_DIR").map(PathBuf::from);
    let tmp = tempfile::tempdir().unwrap();
    let dir = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("big.db");
    if !db.exists() {
        let start = Instant::now();
        build(&db, &dir, entities, edges);
        println!(
            "built {entities} entities, {edges} edges in {:.1} s ({:.0} MB)",
            start.elapsed().as_secs_f64(),
            std::fs::metadata(&db).unwrap().len() as f64 / 1e6
        );
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let pairs: Vec<(String, String)> = (0..10)
        .map(|_| (id(rng.below(entities)), id(rng.below(entities))))
        .collect();
    let pairs_tsv: String = pairs.iter().map(|(a, b)| format!("{a}\t{b}\n")).collect();
    std::fs::write(dir.join("pairs.tsv"), pairs_tsv).unwrap();
    let x = id(rng.below(entities));
    println!("| command | median wall | peak RSS |\n|---|---|---|");
    let row = |label: &str, args: &[&str], runs| {
        let (wall, rss, out) = time(&db, args, runs);
        println!("| `{label}` | {:.0} ms | {rss:.0} MB |", wall * 1000.0);
        out
    };
    row("stats", &["stats"], 5);
    row("neighbors X", &["neighbors", &x], 5);
    row("backers X --depth 3", &["backers", &x, "--depth", "3"], 5);
    row("show X", &["show", &x], 5);
    let mut path_walls = Vec::new();
    for (a, b) in &pairs {
        let (wall, rss, out) = time(&db, &["path", a, b, "--format", "json"], 1);
        path_walls.push(wall);
        let answer: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        let hops = answer["paths"][0].as_array().map_or(-1, |p| p.len() as i64);
        println!(
            "| `path {a} {b}` ({hops} hops) | {:.0} ms | {rss:.0} MB |",
            wall * 1000.0
        );
    }
    path_walls.sort_by(|a, b| a.total_cmp(b));
    println!(
        "path: median {:.0} ms over {} pairs",
        path_walls[path_walls.len() / 2] * 1000.0,
        pairs.len()
    );
    row(
        "export --focus X --depth 2 --format json",
        &["export", "--focus", &x, "--depth", "2", "--format", "json"],
        3,
    );
    // a new document of one new statement each time (the lexicon's load, about 40 ms, is
    // part of every import)
    for k in 0..3 {
        let doc = dir.join(format!("one-{k}.jsonl"));
        let (s, t) = (
            id(rng.below(entities)),
            format!("Entity {}", rng.below(entities)),
        );
        let line = format!(
            "{{\"source\": \"{s}\", \"relation\": \"opposes\", \"target\": \"{t}\", \"doc\": \"bench-{k}-{}\", \"evidence\": \"{s} attacked {t}.\"}}\n",
            std::process::id()
        );
        std::fs::write(&doc, line).unwrap();
        row(
            "import a new document of one statement",
            &["import", doc.to_str().unwrap()],
            1,
        );
    }
    // a news article: extraction (model load, tagging, parsing) and the write
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/sudan-el-fasher.txt");
    row(
        "ingest one article (1.3 kB)",
        &["ingest", article.to_str().unwrap()],
        1,
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/networkx_store.py");
    let status = Command::new("python3").arg(&script).arg(&dir).status();
    if !status.is_ok_and(|s| s.success()) {
        println!("NetworkX side skipped: python3 with networkx is needed ({script:?})");
    }
    if keep.is_none() {
        drop(tmp);
    }
}
