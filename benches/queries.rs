//! Query timings on a generated graph of 100,000 entities and 500,000 edges.
//!
//! Run by hand: `cargo bench --bench queries` (release build). Figures are in README.md.

use std::sync::LazyLock;

use actorgraph::graph::{Graph, PathQuery};
use actorgraph::model::{Entity, EntityId, EntityType, Evidence, Relation, Statement};

const ENTITIES: usize = 100_000;
const EDGES: usize = 500_000;

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
    divan::main();
}

/// Shortest path between random pairs, all relations, up to 6 hops.
#[divan::bench(sample_count = 20, sample_size = 5)]
fn path(bencher: divan::Bencher) {
    let pairs = pairs(100);
    let query = PathQuery::default();
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, b) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.shortest_path(a, b, &query).unwrap()
    });
}

/// Shortest path over `supports` only.
#[divan::bench(sample_count = 20, sample_size = 5)]
fn path_supports_only(bencher: divan::Bencher) {
    let pairs = pairs(100);
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

/// Up to 20 shortest simple paths of at most 3 hops (`path --all --max-hops 3`).
#[divan::bench(sample_count = 10, sample_size = 2)]
fn all_paths(bencher: divan::Bencher) {
    let pairs = pairs(100);
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
    let pairs = pairs(100);
    let mut i = 0;
    bencher.bench_local(|| {
        let (a, _) = &pairs[i % pairs.len()];
        i += 1;
        GRAPH.backers(a, 3, false).unwrap()
    });
}

/// Name lookup, as every query does first.
#[divan::bench]
fn resolve() -> EntityId {
    GRAPH.resolve(divan::black_box("entity 4242")).unwrap()
}
