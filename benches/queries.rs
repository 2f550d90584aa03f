//! Query timings on a generated graph of 100,000 entities and 500,000 edges.
//!
//! Run by hand: `cargo bench --bench queries` (release build). Figures are in README.md.
//!
//! Beside NetworkX: `QUERIES_BENCH_EXPORT=DIR cargo bench --bench queries` writes the same
//! graph as an edge list (`DIR/edges.tsv`: source, relation, target), the path pairs
//! (`DIR/pairs.tsv`) and our own timing of `shortest_path` on each pair (`DIR/ours.tsv`:
//! source, target, hops or -1, `graph` or `adjacency`, then one time in µs per repetition;
//! `Graph::shortest_path` reads petgraph's lists, `Adjacency::shortest_path` compact arrays
//! built once), and exits without running divan. `python3 benches/networkx_paths.py DIR` then times NetworkX's
//! `shortest_path` on the same pairs, the same way, and prints both medians and the ratio.

use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

use actorgraph::graph::{Adjacency, Direction, Filter, Graph, Hop, PathQuery};
use actorgraph::model::{Entity, EntityId, EntityType, Evidence, Relation, Statement};

const ENTITIES: usize = 100_000;
const EDGES: usize = 500_000;

/// Pairs of entities the path benches cycle through (and the NetworkX comparison times).
const PAIRS: usize = 100;

/// Timed calls per pair in the NetworkX comparison, on both sides.
const REPEATS: usize = 5;

/// A small deterministic generator (xorshift), so every run measures the same graph.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn name(i: usize) -> String {
    format!("Entity {i}")
}

static GRAPH: LazyLock<Graph> = LazyLock::new(|| {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut g = Graph::new();
    let mut n = 0;
    while g.edge_count() < EDGES {
        let (s, t) = (rng.below(ENTITIES), rng.below(ENTITIES));
        let relation = Relation::ALL[rng.below(4)];
        g.add_statement(Statement {
            source: Entity::new(&name(s), EntityType::ArmedGroup),
            relation,
            target: Entity::new(&name(t), EntityType::ArmedGroup),
            evidence: Evidence {
                doc: format!("doc{n}"),
                date: Some("2024-12-01".into()),
                text: format!("statement {n}"),
                span: None,
                trigger: None,
                producer: "bench".into(),
                url: None,
                confidence: 1.0,
            },
        });
        n += 1;
    }
    assert_eq!(g.edge_count(), EDGES);
    assert!(g.entity_count() > ENTITIES * 99 / 100);
    g
});

static ADJACENCY: LazyLock<Adjacency<'static>> = LazyLock::new(|| GRAPH.adjacency());

/// Pairs of entities to query, the same every run.
fn pairs(k: usize) -> Vec<(EntityId, EntityId)> {
    let mut rng = Rng(42);
    (0..k)
        .map(|_| {
            let a = GRAPH.resolve(&name(rng.below(ENTITIES))).unwrap();
            let b = GRAPH.resolve(&name(rng.below(ENTITIES))).unwrap();
            (a, b)
        })
        .collect()
}

fn main() {
    let start = std::time::Instant::now();
    LazyLock::force(&GRAPH);
    eprintln!(
        "built {} entities, {} edges from statements in {:.1?}",
        GRAPH.entity_count(),
        GRAPH.edge_count(),
        start.elapsed()
    );
    let start = std::time::Instant::now();
    LazyLock::force(&ADJACENCY);
    eprintln!("built the adjacency in {:.1?}", start.elapsed());
    if let Some(dir) = std::env::var_os("QUERIES_BENCH_EXPORT") {
        if let Err(e) = export(Path::new(&dir)) {
            eprintln!("queries bench: cannot write to {}: {e}", dir.display());
            std::process::exit(2);
        }
        return;
    }
    divan::main();
}

/// One way to answer `path A B`.
type PathFn<'a> = dyn Fn(&EntityId, &EntityId) -> Option<Vec<Hop>> + 'a;

/// Writes the graph, the pairs and our timings for `benches/networkx_paths.py`.
fn export(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut edges = std::io::BufWriter::new(std::fs::File::create(dir.join("edges.tsv"))?);
    for e in GRAPH.edges() {
        writeln!(edges, "{}\t{}\t{}", e.source, e.relation, e.target)?;
    }
    edges.flush()?;
    let pairs = pairs(PAIRS);
    let mut list = std::io::BufWriter::new(std::fs::File::create(dir.join("pairs.tsv"))?);
    for (a, b) in &pairs {
        writeln!(list, "{a}\t{b}")?;
    }
    list.flush()?;
    // The query `path A B` runs: all relations, edges the way they point (meets-with both
    // ways), at most 6 hops. One warm-up pass, then REPEATS passes over every pair.
    let query = PathQuery::default();
    let hops: Vec<i64> = pairs
        .iter()
        .map(|(a, b)| match GRAPH.shortest_path(a, b, &query).unwrap() {
            Some(p) => p.len() as i64,
            None => -1,
        })
        .collect();
    let mut ours = std::io::BufWriter::new(std::fs::File::create(dir.join("ours.tsv"))?);
    let graph = |a: &EntityId, b: &EntityId| GRAPH.shortest_path(a, b, &query).unwrap();
    let adjacency = |a: &EntityId, b: &EntityId| ADJACENCY.shortest_path(a, b, &query).unwrap();
    let methods: [(&str, &PathFn); 2] = [("graph", &graph), ("adjacency", &adjacency)];
    for (method, f) in methods {
        for (a, b) in &pairs {
            std::hint::black_box(f(a, b)); // warm-up
        }
        let mut times = vec![Vec::with_capacity(REPEATS); pairs.len()];
        for _ in 0..REPEATS {
            for (i, (a, b)) in pairs.iter().enumerate() {
                let t = Instant::now();
                let p = f(a, b);
                times[i].push(t.elapsed().as_secs_f64() * 1e6);
                std::hint::black_box(p);
            }
        }
        for (((a, b), h), ts) in pairs.iter().zip(&hops).zip(&times) {
            let ts: Vec<String> = ts.iter().map(|t| format!("{t:.2}")).collect();
            writeln!(ours, "{a}\t{b}\t{h}\t{method}\t{}", ts.join("\t"))?;
        }
        let mut all: Vec<f64> = times.into_iter().flatten().collect();
        all.sort_by(f64::total_cmp);
        eprintln!(
            "{method}: shortest_path median {:.1} µs over {} calls",
            all[all.len() / 2],
            all.len()
        );
    }
    ours.flush()?;
    eprintln!(
        "wrote {}: {} edges, {} pairs",
        dir.display(),
        GRAPH.edge_count(),
        pairs.len()
    );
    Ok(())
}

/// Shortest path between random pairs, all relations, up to 6 hops.
#[divan::bench(sample_count = 20, sample_size = 5)]
fn path(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let query = PathQuery::default();
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.shortest_path(a, b, &query).unwrap()
    });
}

/// The same, from the compact arrays of an `Adjacency` built once.
#[divan::bench(sample_count = 20, sample_size = 5)]
fn path_adjacency(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let query = PathQuery::default();
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[i % pairs.len()];
        i += 1;
        ADJACENCY.shortest_path(a, b, &query).unwrap()
    });
}

/// Shortest path over `supports` only.
#[divan::bench(sample_count = 20, sample_size = 5)]
fn path_supports_only(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let query = PathQuery {
        relations: Some(vec![Relation::Supports]),
        ..PathQuery::default()
    };
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.shortest_path(a, b, &query).unwrap()
    });
}

/// Shortest path walking edges either way (`path --undirected`).
#[divan::bench(sample_count = 20, sample_size = 5)]
fn path_undirected(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let query = PathQuery {
        undirected: true,
        ..PathQuery::default()
    };
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.shortest_path(a, b, &query).unwrap()
    });
}

/// Up to 20 shortest simple paths of at most 3 hops (`path --all --max-hops 3`).
#[divan::bench(sample_count = 10, sample_size = 2)]
fn all_paths(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let query = PathQuery {
        max_hops: 3,
        limit: 20,
        ..PathQuery::default()
    };
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.all_paths(a, b, &query).unwrap()
    });
}

/// Backers through chains of supports, depth 3.
#[divan::bench(sample_count = 20, sample_size = 5)]
fn backers(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, _) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.backers(a, 3, false).unwrap()
    });
}

/// Neighbors over every relation, both directions.
#[divan::bench(sample_count = 20, sample_size = 20)]
fn neighbors(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, _) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.neighbors(a, None, Direction::Both).unwrap()
    });
}

/// The subgraph within 2 hops of one entity (`export --focus X --depth 2`).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn focus_depth_2(bencher: divan::Bencher) {
    let pairs = pairs(PAIRS);
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, _) = &pairs[i % pairs.len()];
        i += 1;
        let filter = Filter {
            focus: Some(a.clone()),
            depth: 2,
            ..Filter::default()
        };
        filter.apply(&GRAPH).unwrap()
    });
}

/// Name lookup, as every query does first.
#[divan::bench]
fn resolve() -> EntityId {
    GRAPH.resolve(divan::black_box("entity 4242")).unwrap()
}
