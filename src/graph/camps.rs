//! Camps: the actors split by structural balance of the signed network.
//!
//! In: a [`Graph`]. Out: camps of actors such that, as far as possible, support and meetings
//! fall within a camp and opposition between camps; the edges that contradict the split;
//! and a balance score, the share of the evidence-weighted edges that agree with it (1.0:
//! perfectly balanced).
//!
//! Each pair of actors gets a signed weight: + the evidence of its `supports` and
//! `meets-with` edges, - the evidence of its `opposes` edges. Agreement is the weight of
//! positive pairs inside camps plus that of negative pairs across them; maximizing it is
//! correlation clustering (NP-hard), so this is a local search, deterministic: every actor
//! starts alone; actors move (in id order) to the neighbouring camp, or a new one, that
//! most raises agreement; camps whose union raises it merge; until nothing changes. The
//! number of camps is not fixed: it is what the edges ask for.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::Graph;
use crate::model::{EntityId, EntityKind, Relation};

/// An edge that the split contradicts: support or a meeting across camps, or opposition
/// within one.
#[derive(Clone, Debug, Serialize)]
pub struct Contradiction {
    pub source: EntityId,
    pub relation: Relation,
    pub target: EntityId,
    pub evidence_count: usize,
}

/// The split.
#[derive(Clone, Debug, Serialize)]
pub struct Camps {
    /// Member ids, largest camp first (ties by first id); each sorted by id.
    pub camps: Vec<Vec<EntityId>>,
    pub contradictions: Vec<Contradiction>,
    /// Agreeing weight over all weight, in 0..=1 (1 for a graph without signed edges).
    pub balance: f64,
    pub agreeing_weight: f64,
    pub total_weight: f64,
}

fn sign(r: Relation) -> Option<f64> {
    match r {
        Relation::Supports | Relation::MeetsWith => Some(1.0),
        Relation::Opposes => Some(-1.0),
        Relation::Controls => None,
    }
}

/// Splits the actors of `g` into camps (see the module docs).
pub fn camps(g: &Graph) -> Camps {
    let is_actor = |id: &EntityId| g.entity(id).is_some_and(|e| e.kind == EntityKind::Actor);
    let signed: Vec<_> = g
        .edges()
        .filter(|e| sign(e.relation).is_some() && is_actor(e.source) && is_actor(e.target))
        .collect();
    let mut ids: Vec<&EntityId> = signed.iter().flat_map(|e| [e.source, e.target]).collect();
    ids.sort();
    ids.dedup();
    let index: HashMap<&EntityId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // signed weight per pair, both ways
    let mut pair: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for e in &signed {
        let w = sign(e.relation).expect("signed") * e.evidence.len() as f64;
        let (a, b) = (index[e.source], index[e.target]);
        *pair.entry((a.min(b), a.max(b))).or_default() += w;
    }
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); ids.len()];
    for (&(a, b), &w) in &pair {
        adj[a].push((b, w));
        adj[b].push((a, w));
    }
    let camp = local_search(&adj);
    let mut members: BTreeMap<usize, Vec<EntityId>> = BTreeMap::new();
    for (i, c) in camp.iter().enumerate() {
        members.entry(*c).or_default().push(ids[i].clone());
    }
    let mut list: Vec<Vec<EntityId>> = members.into_values().collect();
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut contradictions = Vec::new();
    let (mut agree, mut total) = (0.0, 0.0);
    for e in &signed {
        let w = e.evidence.len() as f64;
        let same = camp[index[e.source]] == camp[index[e.target]];
        total += w;
        if same == (sign(e.relation) == Some(1.0)) {
            agree += w;
        } else {
            contradictions.push(Contradiction {
                source: e.source.clone(),
                relation: e.relation,
                target: e.target.clone(),
                evidence_count: e.evidence.len(),
            });
        }
    }
    contradictions.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.evidence_count),
            &a.source,
            a.relation,
            &a.target,
        )
            .cmp(&(
                std::cmp::Reverse(b.evidence_count),
                &b.source,
                b.relation,
                &b.target,
            ))
    });
    Camps {
        camps: list,
        contradictions,
        balance: if total > 0.0 { agree / total } else { 1.0 },
        agreeing_weight: agree,
        total_weight: total,
    }
}

/// Camp numbers maximizing the weight of pairs inside camps (positive pairs gain, negative
/// ones cost): single moves, then merges, until neither helps.
fn local_search(adj: &[Vec<(usize, f64)>]) -> Vec<usize> {
    const EPS: f64 = 1e-9;
    let n = adj.len();
    let mut camp: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    let mut free: Vec<usize> = Vec::new();
    loop {
        let mut changed = false;
        // moves
        loop {
            let mut moved = false;
            for v in 0..n {
                let mut toward: BTreeMap<usize, f64> = BTreeMap::new();
                for &(u, w) in &adj[v] {
                    *toward.entry(camp[u]).or_default() += w;
                }
                let here = toward.get(&camp[v]).copied().unwrap_or(0.0);
                let mut best: Option<(usize, f64)> = None;
                for (&c, &w) in &toward {
                    if c != camp[v] && w - here > best.map_or(0.0, |b| b.1) + EPS {
                        best = Some((c, w - here));
                    }
                }
                // a camp of its own, if it is not alone already (fewer camps than actors
                // then, so a number is free)
                let alone_gain = -here;
                if size[camp[v]] > 1 && alone_gain > best.map_or(0.0, |b| b.1) + EPS {
                    best = Some((free.pop().expect("a free camp number"), alone_gain));
                }
                if let Some((to, _)) = best {
                    size[camp[v]] -= 1;
                    if size[camp[v]] == 0 {
                        free.push(camp[v]);
                    }
                    size[to] += 1;
                    camp[v] = to;
                    moved = true;
                    changed = true;
                }
            }
            if !moved {
                break;
            }
        }
        // merges: the pair of camps whose union gains most
        let mut between: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for v in 0..n {
            for &(u, w) in &adj[v] {
                let (a, b) = (camp[v], camp[u]);
                if a < b {
                    *between.entry((a, b)).or_default() += w;
                }
            }
        }
        if let Some((&(a, b), _)) = between
            .iter()
            .filter(|(_, w)| **w > EPS)
            .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(x.0)))
        {
            for c in camp.iter_mut().filter(|c| **c == b) {
                *c = a;
            }
            size[a] += size[b];
            size[b] = 0;
            free.push(b);
            changed = true;
        }
        if !changed {
            return camp;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityType, Evidence, Statement};

    fn add(g: &mut Graph, s: &str, relation: Relation, t: &str) {
        g.add_statement(Statement {
            source: Entity::new(s, EntityType::ArmedGroup),
            relation,
            target: Entity::new(t, EntityType::ArmedGroup),
            evidence: Evidence {
                doc: format!("{s}-{relation}-{t}"),
                date: None,
                text: String::new(),
                span: None,
                trigger: None,
                producer: "test".into(),
                url: None,
                confidence: 1.0,
            },
        });
    }

    fn ids(c: &Camps) -> Vec<Vec<&str>> {
        c.camps
            .iter()
            .map(|m| m.iter().map(|id| id.as_str()).collect())
            .collect()
    }

    #[test]
    fn two_factions_split_perfectly() {
        let mut g = Graph::new();
        add(&mut g, "A", Relation::Supports, "B");
        add(&mut g, "B", Relation::MeetsWith, "C");
        add(&mut g, "D", Relation::Supports, "E");
        add(&mut g, "A", Relation::Opposes, "D");
        add(&mut g, "E", Relation::Opposes, "C");
        let c = camps(&g);
        assert_eq!(ids(&c), [vec!["a", "b", "c"], vec!["d", "e"]]);
        assert!(c.contradictions.is_empty());
        assert_eq!(c.balance, 1.0);
    }

    #[test]
    fn an_unbalanced_triangle_keeps_the_heavier_ties_and_names_the_contradiction() {
        // A and B back each other twice over; both oppose C; C backs A once: the split
        // {A, B} {C} contradicts only C's support
        let mut g = Graph::new();
        add(&mut g, "A", Relation::Supports, "B");
        add(&mut g, "B", Relation::Supports, "A");
        add(&mut g, "A", Relation::Opposes, "C");
        add(&mut g, "B", Relation::Opposes, "C");
        add(&mut g, "C", Relation::Supports, "A");
        let c = camps(&g);
        assert_eq!(ids(&c), [vec!["a", "b"], vec!["c"]]);
        assert_eq!(c.contradictions.len(), 1);
        assert_eq!(c.contradictions[0].source.as_str(), "c");
        assert!((c.balance - 4.0 / 5.0).abs() < 1e-12);
    }

    #[test]
    fn three_mutual_enemies_are_three_camps() {
        let mut g = Graph::new();
        add(&mut g, "A", Relation::Opposes, "B");
        add(&mut g, "B", Relation::Opposes, "C");
        add(&mut g, "C", Relation::Opposes, "A");
        let c = camps(&g);
        assert_eq!(ids(&c), [vec!["a"], vec!["b"], vec!["c"]]);
        assert_eq!(c.balance, 1.0);
    }
}
