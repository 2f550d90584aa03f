//! Who matters most in the support network: PageRank over `supports` edges.
//!
//! In: a [`Graph`]. Out: every entity with a `supports` edge, scored by PageRank on the
//! directed graph of those edges (supporter -> supported), each edge weighted by its pieces
//! of evidence, with its main supporters. Backing flows to the backed: an actor many
//! well-backed actors support ranks high.
//!
//! The computation is NetworkX's `pagerank` (damping 0.85, a uniform teleport, the rank of
//! entities that support no one spread evenly over all), by power iteration until the L1
//! change falls below `n * tol`; a test checks it against NetworkX on the same graph to 1e-6.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::Graph;
use crate::model::{EntityId, Relation};

/// The damping factor.
pub const ALPHA: f64 = 0.85;

/// One ranked entity.
#[derive(Clone, Debug, Serialize)]
pub struct Ranked {
    pub id: EntityId,
    pub name: String,
    pub score: f64,
    /// Its supporters, most evidence first (then by id), at most three.
    pub supporters: Vec<Supporter>,
}

/// A supporter of a ranked entity and the evidence for it.
#[derive(Clone, Debug, Serialize)]
pub struct Supporter {
    pub id: EntityId,
    pub name: String,
    pub evidence_count: usize,
}

/// PageRank scores over the `supports` edges, keyed by entity, summing to 1; the entities
/// without a `supports` edge are not in it. `tol` as in NetworkX (1e-6 there).
pub fn pagerank(g: &Graph, tol: f64, max_iter: usize) -> BTreeMap<EntityId, f64> {
    // the entities of the support network, numbered in id order
    let mut ids: Vec<&EntityId> = g
        .edges()
        .filter(|e| e.relation == Relation::Supports)
        .flat_map(|e| [e.source, e.target])
        .collect();
    ids.sort();
    ids.dedup();
    let n = ids.len();
    if n == 0 {
        return BTreeMap::new();
    }
    let index: HashMap<&EntityId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // out-links with weights, normalized per source (NetworkX's stochastic graph)
    let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for e in g.edges().filter(|e| e.relation == Relation::Supports) {
        out[index[e.source]].push((index[e.target], e.evidence.len() as f64));
    }
    for links in &mut out {
        let total: f64 = links.iter().map(|(_, w)| w).sum();
        for (_, w) in links.iter_mut() {
            *w /= total;
        }
    }
    let uniform = 1.0 / n as f64;
    let mut x = vec![uniform; n];
    for _ in 0..max_iter {
        let dangling: f64 = (0..n).filter(|&i| out[i].is_empty()).map(|i| x[i]).sum();
        let base = (1.0 - ALPHA) * uniform + ALPHA * dangling * uniform;
        let mut next = vec![base; n];
        for (i, links) in out.iter().enumerate() {
            for &(j, w) in links {
                next[j] += ALPHA * x[i] * w;
            }
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < n as f64 * tol {
            break;
        }
    }
    ids.into_iter().cloned().zip(x).collect()
}

/// The `top` entities by PageRank (ties by id), each with its main supporters.
pub fn by_backing(g: &Graph, top: usize) -> Vec<Ranked> {
    let scores = pagerank(g, 1e-10, 1000);
    let mut ranked: Vec<(&EntityId, f64)> = scores.iter().map(|(id, s)| (id, *s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(top);
    let name = |id: &EntityId| g.entity(id).map(|e| e.name.clone()).unwrap_or_default();
    ranked
        .into_iter()
        .map(|(id, score)| {
            let mut supporters: Vec<Supporter> = g
                .edges_of(id)
                .filter(|e| e.relation == Relation::Supports && e.target == id)
                .map(|e| Supporter {
                    id: e.source.clone(),
                    name: name(e.source),
                    evidence_count: e.evidence.len(),
                })
                .collect();
            supporters.sort_by(|a, b| {
                b.evidence_count
                    .cmp(&a.evidence_count)
                    .then(a.id.cmp(&b.id))
            });
            supporters.truncate(3);
            Ranked {
                id: id.clone(),
                name: name(id),
                score,
                supporters,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Evidence, Statement};

    fn add(g: &mut Graph, s: &str, t: &str, times: usize) {
        for i in 0..times {
            g.add_statement(Statement {
                source: Entity::new(s, EntityType::State),
                relation: Relation::Supports,
                target: Entity::new(t, EntityType::ArmedGroup),
                evidence: Evidence {
                    doc: format!("{s}-{t}-{i}"),
                    date: None,
                    text: format!("{s} backs {t}."),
                    span: None,
                    trigger: None,
                    producer: "test".into(),
                    url: None,
                    confidence: 1.0,
                },
            });
        }
    }

    #[test]
    fn backing_flows_to_the_backed_and_sums_to_one() {
        let mut g = Graph::new();
        add(&mut g, "Iran", "Hezbollah", 3);
        add(&mut g, "Iran", "Houthis", 1);
        add(&mut g, "Russia", "Hezbollah", 1);
        let s = pagerank(&g, 1e-12, 1000);
        let total: f64 = s.values().sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        let get = |k: &str| s[&EntityId(k.into())];
        assert!(get("hezbollah") > get("houthis") && get("houthis") > get("iran"));
        assert!(
            (get("iran") - get("russia")).abs() < 1e-12,
            "no one backs either"
        );
        let top = by_backing(&g, 1);
        assert_eq!(top[0].name, "Hezbollah");
        let names: Vec<&str> = top[0].supporters.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Iran", "Russia"], "most evidence first");
    }

    #[test]
    fn a_graph_without_support_ranks_no_one() {
        assert!(pagerank(&Graph::new(), 1e-6, 100).is_empty());
    }
}
