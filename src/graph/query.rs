//! Questions to the graph: paths, backers, neighbors, the entity card and counts.
//!
//! Traversal is written here rather than with petgraph's directed adaptors because
//! `meets-with` is stored once per pair and must be walked both ways, which
//! `EdgeFiltered`/`all_simple_paths` cannot express without copying the graph. Every walk is
//! bounded by a hop limit (and path enumeration by a count), and keeps its scratch space in
//! hash maps over the entities it visits: no query allocates in proportion to the graph.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::Graph;
use crate::Error;
use crate::model::{Entity, EntityId, Evidence, Relation};

/// Which way an edge points as seen from an entity. For `meets-with` it is always `both`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Out,
    In,
    Both,
}

impl Direction {
    /// The direction of an edge walked the way it points (`forward`) or against it.
    fn of(relation: Relation, forward: bool) -> Direction {
        if relation.is_symmetric() {
            Direction::Both
        } else if forward {
            Direction::Out
        } else {
            Direction::In
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
            Direction::Both => "both",
        }
    }
}

/// A set of relations; `None` in the option types below means all four.
#[derive(Clone, Copy, Debug)]
struct RelSet([bool; 4]);

impl RelSet {
    fn new(relations: Option<&[Relation]>) -> RelSet {
        let mut set = [relations.is_none(); 4];
        for r in relations.unwrap_or(&[]) {
            set[Self::slot(*r)] = true;
        }
        RelSet(set)
    }

    fn slot(r: Relation) -> usize {
        Relation::ALL.iter().position(|x| *x == r).unwrap_or(0)
    }

    fn has(self, r: Relation) -> bool {
        self.0[Self::slot(r)]
    }
}

/// The entities a path search makes room for at first, on each side (a few KB).
const SCRATCH: usize = 256;

/// One step along a walk: the neighbor, the edge, and whether the edge was walked the way
/// it points.
type Step = (NodeIndex, EdgeIndex, bool);

impl Graph {
    /// The steps out of `n` over edges with a relation in `rels`: outgoing edges, plus
    /// incoming ones when `undirected` or when the relation is symmetric.
    fn steps(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = Step> + '_ {
        let out = self
            .g
            .edges_directed(n, Outgoing)
            .filter(move |e| rels.has(e.weight().relation))
            .map(|e| (e.target(), e.id(), true));
        let inc = self
            .g
            .edges_directed(n, Incoming)
            .filter(move |e| {
                let r = e.weight().relation;
                rels.has(r) && (undirected || r.is_symmetric())
            })
            .map(|e| (e.source(), e.id(), false));
        out.chain(inc)
    }

    fn hop(&self, from: NodeIndex, (to, e, forward): Step) -> Hop {
        let d = &self.g[e];
        let evidence = d
            .evidence
            .iter()
            .find(|ev| !ev.text.is_empty())
            .or(d.evidence.first())
            .cloned()
            .expect("edges carry evidence");
        Hop {
            from: self.id_of(from).clone(),
            relation: d.relation,
            to: self.id_of(to).clone(),
            direction: Direction::of(d.relation, forward),
            evidence_count: d.evidence.len(),
            evidence,
        }
    }

    /// The shortest path (fewest hops) from one entity to another, or `None`.
    ///
    /// Breadth first from both ends at once, a whole layer at a time, growing the side
    /// whose frontier holds fewer entities, until the two meet or the hops run out. Where
    /// the graph branches, that visits about the square root of what a walk from one end
    /// visits. Scratch space is two hash maps over the entities visited.
    ///
    /// Of several shortest paths, the one returned is the one a breadth-first walk from
    /// `from` alone would return: the path whose first hop comes earliest in `from`'s list
    /// of edges (outgoing, then incoming, each in petgraph's order), then the second hop in
    /// its entity's list, and so on. The first half is the forward walk's tree (which
    /// records exactly that choice); the meeting point is the first entity of the forward
    /// frontier that the backward walk reached; from there each hop is the first edge to an
    /// entity one hop nearer to `to`.
    ///
    /// O(V + E) in the part of the graph within `max_hops` of the ends at worst, usually
    /// much less. Each edge visited is a read of petgraph's edge list, a cache miss on a
    /// large graph; for many queries on a graph that does not change, [`Adjacency`] answers
    /// the same from compact arrays.
    pub fn shortest_path(
        &self,
        from: &EntityId,
        to: &EntityId,
        query: &PathQuery,
    ) -> Result<Option<Vec<Hop>>, Error> {
        let (s, t) = (self.node_of(from)?, self.node_of(to)?);
        Ok(self.bidirectional(self, s, t, query))
    }

    /// [`Graph::shortest_path`] from `s` to `t`, reading edges from `lists`.
    fn bidirectional(
        &self,
        lists: &impl EdgeLists,
        s: NodeIndex,
        t: NodeIndex,
        query: &PathQuery,
    ) -> Option<Vec<Hop>> {
        if s == t {
            return Some(Vec::new());
        }
        let rels = RelSet::new(query.relations.as_deref());
        let undirected = query.undirected;
        // Forward: each entity reached from `s`, with the step that first reached it. Sized
        // for a typical walk of a few hundred entities a side, so as not to grow from empty.
        let mut pred: FxHashMap<NodeIndex, Option<(NodeIndex, Step)>> =
            FxHashMap::with_capacity_and_hasher(SCRATCH, Default::default());
        pred.insert(s, None);
        // Backward: each entity that reaches `t`, with its hops to `t`.
        let mut to_t: FxHashMap<NodeIndex, usize> =
            FxHashMap::with_capacity_and_hasher(SCRATCH, Default::default());
        to_t.insert(t, 0);
        let (mut forward, mut backward) = (vec![s], vec![t]);
        let mut next = Vec::new();
        let (mut a, mut b) = (0, 0);
        while a + b < query.max_hops && !forward.is_empty() && !backward.is_empty() {
            next.clear();
            if forward.len() <= backward.len() {
                for &n in &forward {
                    for step in lists.steps_from(n, rels, undirected) {
                        let Entry::Vacant(v) = pred.entry(step.0) else {
                            continue;
                        };
                        v.insert(Some((n, step)));
                        if to_t.contains_key(&step.0) {
                            // The sides had not met before this layer, so `step.0` is
                            // `a + 1` hops from `s` and `b` from `t`; entities of the layer
                            // are found in the order the one-sided walk ranks them, so the
                            // first found on both sides is the meeting point it would pick.
                            return Some(
                                self.path_through(lists, step.0, &pred, &to_t, rels, undirected),
                            );
                        }
                        next.push(step.0);
                    }
                }
                std::mem::swap(&mut forward, &mut next);
                a += 1;
            } else {
                let mut met = false;
                for &n in &backward {
                    for m in lists.steps_to(n, rels, undirected) {
                        if let Entry::Vacant(v) = to_t.entry(m) {
                            v.insert(b + 1);
                            next.push(m);
                            met |= pred.contains_key(&m);
                        }
                    }
                }
                std::mem::swap(&mut backward, &mut next);
                b += 1;
                if met {
                    // Every entity on both sides is in the forward frontier (`a` hops from
                    // `s`, `b` from `t`); the first of them in the frontier's order is the
                    // one the one-sided walk would pass through.
                    let m = *forward
                        .iter()
                        .find(|n| to_t.contains_key(n))
                        .expect("the sides met in the forward frontier");
                    return Some(self.path_through(lists, m, &pred, &to_t, rels, undirected));
                }
            }
        }
        None
    }

    /// The hops from the start of the forward walk to `m`, then on from `m` to the end of
    /// the backward walk, each time by the first step one hop nearer to it.
    fn path_through(
        &self,
        lists: &impl EdgeLists,
        m: NodeIndex,
        pred: &FxHashMap<NodeIndex, Option<(NodeIndex, Step)>>,
        to_t: &FxHashMap<NodeIndex, usize>,
        rels: RelSet,
        undirected: bool,
    ) -> Vec<Hop> {
        let mut hops = Vec::new();
        let mut cur = m;
        while let Some(&Some((prev, step))) = pred.get(&cur) {
            hops.push(self.hop(prev, step));
            cur = prev;
        }
        hops.reverse();
        let mut cur = m;
        let mut k = to_t[&m];
        while k > 0 {
            // Every entity up to the backward walk's depth is in `to_t` with its exact
            // distance, so the first step to one at k - 1 starts a shortest way on.
            let step = lists
                .steps_from(cur, rels, undirected)
                .find(|step| to_t.get(&step.0) == Some(&(k - 1)))
                .expect("an entity k hops from the end has a step to one k - 1 hops from it");
            hops.push(self.hop(cur, step));
            cur = step.0;
            k -= 1;
        }
        hops
    }

    /// An [`Adjacency`] of this graph. O(V + E).
    pub fn adjacency(&self) -> Adjacency<'_> {
        Adjacency::new(self)
    }

    /// The shortest simple paths of at most `max_hops` hops, at most `limit` of them,
    /// shortest first: paths of one hop, then two, and so on (iterative deepening, so the
    /// `limit` paths kept are the shortest ones). Exponential in `max_hops` at worst, hence
    /// both bounds; the walk uses its own stack, so a large `max_hops` cannot overflow.
    pub fn all_paths(
        &self,
        from: &EntityId,
        to: &EntityId,
        query: &PathQuery,
    ) -> Result<Vec<Vec<Hop>>, Error> {
        let (s, t) = (self.node_of(from)?, self.node_of(to)?);
        let rels = RelSet::new(query.relations.as_deref());
        let mut found = Vec::new();
        // No simple path is longer than the number of entities.
        for k in 1..=query.max_hops.min(self.entity_count()) {
            if found.len() >= query.limit {
                break;
            }
            self.paths_of_length(s, t, k, rels, query, &mut found);
        }
        Ok(found)
    }

    /// Adds the simple paths of exactly `k` hops from `s` to `t` to `found`, up to the limit.
    fn paths_of_length(
        &self,
        s: NodeIndex,
        t: NodeIndex,
        k: usize,
        rels: RelSet,
        query: &PathQuery,
        found: &mut Vec<Vec<Hop>>,
    ) {
        let mut on_path: FxHashSet<NodeIndex> = FxHashSet::default();
        on_path.insert(s);
        let steps = |n| self.steps(n, rels, query.undirected).collect::<Vec<Step>>();
        let mut frames: Vec<(NodeIndex, Vec<Step>, usize)> = vec![(s, steps(s), 0)];
        let mut hops: Vec<(NodeIndex, Step)> = Vec::new();
        while let Some((n, next, i)) = frames.last_mut() {
            if found.len() >= query.limit {
                return;
            }
            let Some(&step) = next.get(*i) else {
                on_path.remove(n);
                frames.pop();
                hops.pop();
                continue;
            };
            *i += 1;
            let (n, m) = (*n, step.0);
            if on_path.contains(&m) {
                continue;
            }
            let depth = hops.len() + 1;
            if m == t {
                if depth == k {
                    let mut path: Vec<Hop> = hops.iter().map(|&(p, st)| self.hop(p, st)).collect();
                    path.push(self.hop(n, step));
                    found.push(path);
                }
            } else if depth < k {
                on_path.insert(m);
                hops.push((n, step));
                frames.push((m, steps(m), 0));
            }
        }
    }

    /// Who supports `x`, directly and through chains of `supports` up to `depth` hops, each
    /// with its shortest chain (`[backer, ..., x]`). With `reverse`, whom `x` supports
    /// (`[x, ..., supported]`). Sorted by depth, then id. O(V + E) within `depth`; scratch
    /// space is a hash map over the entities found.
    pub fn backers(&self, x: &EntityId, depth: usize, reverse: bool) -> Result<Vec<Backer>, Error> {
        let start = self.node_of(x)?;
        let dir = if reverse { Outgoing } else { Incoming };
        // Each entity found, with the one it was found from.
        let mut pred: FxHashMap<NodeIndex, Option<NodeIndex>> = FxHashMap::default();
        pred.insert(start, None);
        let mut out = Vec::new();
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for e in self.g.edges_directed(n, dir) {
                if e.weight().relation != Relation::Supports {
                    continue;
                }
                let m = if reverse { e.target() } else { e.source() };
                let Entry::Vacant(v) = pred.entry(m) else {
                    continue;
                };
                v.insert(Some(n));
                queue.push_back((m, d + 1));
                let mut chain = Vec::with_capacity(d + 2);
                chain.push(self.id_of(m).clone());
                let mut cur = m;
                while let Some(&Some(p)) = pred.get(&cur) {
                    chain.push(self.id_of(p).clone());
                    cur = p;
                }
                if reverse {
                    chain.reverse();
                }
                out.push(Backer {
                    id: self.id_of(m).clone(),
                    name: self.g[m].entity.name.clone(),
                    depth: d + 1,
                    chain,
                });
            }
        }
        out.sort_by(|a, b| (a.depth, &a.id).cmp(&(b.depth, &b.id)));
        Ok(out)
    }

    /// The entities one edge away from `x`, over the given relations and direction
    /// (`meets-with` counts in every direction). Sorted by relation, direction, id.
    /// O(degree of x), allocating only the answer.
    pub fn neighbors(
        &self,
        x: &EntityId,
        relations: Option<&[Relation]>,
        direction: Direction,
    ) -> Result<Vec<Neighbor>, Error> {
        let n = self.node_of(x)?;
        let rels = RelSet::new(relations);
        let mut out: Vec<Neighbor> = self
            .steps(n, rels, true)
            .filter_map(|(m, e, forward)| {
                let d = &self.g[e];
                let dir = Direction::of(d.relation, forward);
                let wanted =
                    direction == Direction::Both || dir == direction || dir == Direction::Both;
                wanted.then(|| Neighbor {
                    id: self.id_of(m).clone(),
                    name: self.g[m].entity.name.clone(),
                    relation: d.relation,
                    direction: dir,
                    evidence_count: d.evidence.len(),
                })
            })
            .collect();
        out.sort_by(|a, b| (a.relation, a.direction, &a.id).cmp(&(b.relation, b.direction, &b.id)));
        Ok(out)
    }

    /// Everything known about one entity: itself and every edge in and out with its
    /// evidence count, first and last date and up to three quotes. O(degree).
    pub fn card(&self, x: &EntityId) -> Result<EntityCard, Error> {
        let n = self.node_of(x)?;
        let mut edges: Vec<CardEdge> = self
            .steps(n, RelSet::new(None), true)
            .map(|(m, e, forward)| {
                let d = &self.g[e];
                let dates: BTreeSet<&str> = d
                    .evidence
                    .iter()
                    .filter_map(|ev| ev.date.as_deref())
                    .collect();
                CardEdge {
                    relation: d.relation,
                    direction: Direction::of(d.relation, forward),
                    other: self.id_of(m).clone(),
                    other_name: self.g[m].entity.name.clone(),
                    evidence_count: d.evidence.len(),
                    first_date: dates.first().map(|s| s.to_string()),
                    last_date: dates.last().map(|s| s.to_string()),
                    quotes: d
                        .evidence
                        .iter()
                        .filter(|ev| !ev.text.is_empty())
                        .take(3)
                        .map(|ev| ev.text.clone())
                        .collect(),
                }
            })
            .collect();
        edges.sort_by(|a, b| {
            (a.direction, a.relation, &a.other).cmp(&(b.direction, b.relation, &b.other))
        });
        Ok(EntityCard {
            entity: self.g[n].entity.clone(),
            edges,
        })
    }

    /// Counts by kind, type and relation, documents and date range. O(V + evidence).
    pub fn stats(&self) -> Stats {
        let mut s = Stats {
            entities: self.entity_count(),
            edges: self.edge_count(),
            ..Stats::default()
        };
        for e in self.entities() {
            *s.by_kind.entry(e.kind.to_string()).or_default() += 1;
            *s.by_type.entry(e.etype.to_string()).or_default() += 1;
        }
        let mut docs = BTreeSet::new();
        let mut dates = BTreeSet::new();
        for e in self.edges() {
            *s.by_relation.entry(e.relation.to_string()).or_default() += 1;
            s.evidence += e.evidence.len();
            for ev in e.evidence {
                docs.insert(ev.doc.as_str());
                dates.extend(ev.date.as_deref());
            }
        }
        s.documents = docs.len();
        s.first_date = dates.first().map(|d| d.to_string());
        s.last_date = dates.last().map(|d| d.to_string());
        s
    }
}

/// Where a walk reads the edges of an entity: the graph's own lists or an [`Adjacency`],
/// which give the same steps in the same order.
trait EdgeLists {
    /// The steps out of `n`, as [`Graph::steps`] gives them.
    fn steps_from(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = Step> + '_;

    /// The entities with a step to `n`: the sources of incoming edges, plus the targets of
    /// outgoing ones when `undirected` or when the relation is symmetric.
    fn steps_to(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = NodeIndex> + '_;
}

impl EdgeLists for Graph {
    fn steps_from(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = Step> + '_ {
        self.steps(n, rels, undirected)
    }

    fn steps_to(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = NodeIndex> + '_ {
        let inc = self
            .g
            .edges_directed(n, Incoming)
            .filter(move |e| rels.has(e.weight().relation))
            .map(|e| e.source());
        let out = self
            .g
            .edges_directed(n, Outgoing)
            .filter(move |e| {
                let r = e.weight().relation;
                rels.has(r) && (undirected || r.is_symmetric())
            })
            .map(|e| e.target());
        inc.chain(out)
    }
}

/// Every entity's edges copied into two flat arrays, for many path queries on a graph that
/// does not change meanwhile (it borrows the graph). [`Graph::shortest_path`] reads
/// petgraph's edge lists, where each edge is a node of a linked list inside a large struct
/// (with its evidence), so on a large graph each edge it looks at costs a cache miss; here
/// an entity's edges sit side by side, 12 bytes each. Answers are those of the graph, hop
/// for hop.
///
/// Building it reads every edge: O(V + E) time, 8 bytes per entity and 24 per edge.
pub struct Adjacency<'g> {
    graph: &'g Graph,
    /// For the entity of index i: its outgoing steps start at `start[2i]`, its incoming
    /// ones at `start[2i + 1]`, and they end at `start[2i + 2]`.
    start: Vec<u32>,
    steps: Vec<Packed>,
}

/// One edge as seen from one end: the other end, the edge and its relation.
#[derive(Clone, Copy, Debug)]
struct Packed {
    other: u32,
    edge: u32,
    relation: Relation,
}

impl<'g> Adjacency<'g> {
    /// The adjacency of `graph`: each entity's edges in the order petgraph lists them.
    pub fn new(graph: &'g Graph) -> Adjacency<'g> {
        let bound = graph
            .g
            .node_indices()
            .map(|n| n.index() + 1)
            .max()
            .unwrap_or(0);
        let mut start = Vec::with_capacity(2 * bound + 1);
        let mut steps = Vec::with_capacity(2 * graph.edge_count());
        for i in 0..bound {
            let n = NodeIndex::new(i);
            for (dir, side) in [(Outgoing, 0), (Incoming, 1)] {
                start.push(steps.len() as u32);
                if !graph.g.contains_node(n) {
                    continue;
                }
                steps.extend(graph.g.edges_directed(n, dir).map(|e| {
                    let other = if side == 0 { e.target() } else { e.source() };
                    Packed {
                        other: other.index() as u32,
                        edge: e.id().index() as u32,
                        relation: e.weight().relation,
                    }
                }));
            }
        }
        start.push(steps.len() as u32);
        Adjacency {
            graph,
            start,
            steps,
        }
    }

    /// [`Graph::shortest_path`], the same path, read from the arrays.
    pub fn shortest_path(
        &self,
        from: &EntityId,
        to: &EntityId,
        query: &PathQuery,
    ) -> Result<Option<Vec<Hop>>, Error> {
        let (s, t) = (self.graph.node_of(from)?, self.graph.node_of(to)?);
        Ok(self.graph.bidirectional(self, s, t, query))
    }

    /// The outgoing and the incoming edges of `n`.
    fn lists(&self, n: NodeIndex) -> (&[Packed], &[Packed]) {
        let i = 2 * n.index();
        let at = |k: usize| self.start[k] as usize;
        (
            &self.steps[at(i)..at(i + 1)],
            &self.steps[at(i + 1)..at(i + 2)],
        )
    }
}

impl EdgeLists for Adjacency<'_> {
    fn steps_from(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = Step> + '_ {
        let (out, inc) = self.lists(n);
        let step = |p: &Packed, forward| {
            (
                NodeIndex::new(p.other as usize),
                EdgeIndex::new(p.edge as usize),
                forward,
            )
        };
        let out = out
            .iter()
            .filter(move |p| rels.has(p.relation))
            .map(move |p| step(p, true));
        let inc = inc
            .iter()
            .filter(move |p| rels.has(p.relation) && (undirected || p.relation.is_symmetric()))
            .map(move |p| step(p, false));
        out.chain(inc)
    }

    fn steps_to(
        &self,
        n: NodeIndex,
        rels: RelSet,
        undirected: bool,
    ) -> impl Iterator<Item = NodeIndex> + '_ {
        let (out, inc) = self.lists(n);
        let inc = inc.iter().filter(move |p| rels.has(p.relation));
        let out = out
            .iter()
            .filter(move |p| rels.has(p.relation) && (undirected || p.relation.is_symmetric()));
        inc.chain(out).map(|p| NodeIndex::new(p.other as usize))
    }
}

/// Options of a path query.
#[derive(Clone, Debug)]
pub struct PathQuery {
    /// Only walk these relations (`None`: all).
    pub relations: Option<Vec<Relation>>,
    /// At most this many hops.
    pub max_hops: usize,
    /// Walk edges against their direction too.
    pub undirected: bool,
    /// At most this many paths from [`Graph::all_paths`].
    pub limit: usize,
}

impl Default for PathQuery {
    fn default() -> Self {
        PathQuery {
            relations: None,
            max_hops: 6,
            undirected: false,
            limit: 100,
        }
    }
}

/// One hop of a path: `from` to `to` over an edge of `relation`. `direction` is `out` when
/// the edge points from `from` to `to`, `in` when it was walked backwards, `both` for
/// `meets-with`. `evidence` is one quote for the edge (the first with text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hop {
    pub from: EntityId,
    pub relation: Relation,
    pub to: EntityId,
    pub direction: Direction,
    pub evidence_count: usize,
    pub evidence: Evidence,
}

/// A backer found by [`Graph::backers`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backer {
    pub id: EntityId,
    pub name: String,
    /// Hops of `supports` between the backer and the entity asked about.
    pub depth: usize,
    /// The chain of ids along `supports` edges, in the direction support flows.
    pub chain: Vec<EntityId>,
}

/// A neighbor found by [`Graph::neighbors`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Neighbor {
    pub id: EntityId,
    pub name: String,
    pub relation: Relation,
    pub direction: Direction,
    pub evidence_count: usize,
}

/// The card of one entity ([`Graph::card`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityCard {
    pub entity: Entity,
    pub edges: Vec<CardEdge>,
}

/// One edge on an entity card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardEdge {
    pub relation: Relation,
    pub direction: Direction,
    pub other: EntityId,
    pub other_name: String,
    pub evidence_count: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub quotes: Vec<String>,
}

/// Counts over the whole graph ([`Graph::stats`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub entities: usize,
    pub edges: usize,
    pub evidence: usize,
    pub documents: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub by_type: BTreeMap<String, usize>,
    pub by_relation: BTreeMap<String, usize>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Statement};

    fn graph(edges: &[(&str, Relation, &str)]) -> Graph {
        let mut g = Graph::new();
        for (i, (s, r, t)) in edges.iter().enumerate() {
            g.add_statement(Statement {
                source: Entity::new(s, EntityType::State),
                relation: *r,
                target: Entity::new(t, EntityType::State),
                evidence: Evidence {
                    doc: format!("d{i}"),
                    date: Some(format!("2024-12-{:02}", i + 1)),
                    text: format!("{s} {r} {t}"),
                    span: None,
                    trigger: None,
                    producer: "manual".into(),
                    url: None,
                    confidence: 1.0,
                },
            });
        }
        g
    }

    fn id(s: &str) -> EntityId {
        EntityId(s.into())
    }

    use Relation::*;

    #[test]
    fn shortest_path_follows_direction_unless_undirected() {
        let g = graph(&[
            ("a", Supports, "b"),
            ("b", Supports, "c"),
            ("d", Opposes, "c"),
        ]);
        let q = PathQuery::default();
        let p = g.shortest_path(&id("a"), &id("c"), &q).unwrap().unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].evidence.text, "b supports c");
        assert!(g.shortest_path(&id("a"), &id("d"), &q).unwrap().is_none());
        let u = PathQuery {
            undirected: true,
            ..q.clone()
        };
        let p = g.shortest_path(&id("a"), &id("d"), &u).unwrap().unwrap();
        assert_eq!(p.last().unwrap().direction, Direction::In);
        let short = PathQuery { max_hops: 1, ..q };
        assert!(
            g.shortest_path(&id("a"), &id("c"), &short)
                .unwrap()
                .is_none()
        );
    }

    impl Graph {
        /// `shortest_path` as it was before the walk from both ends: breadth first from
        /// `from` alone, over arrays the size of the graph.
        fn shortest_path_one_sided(
            &self,
            from: &EntityId,
            to: &EntityId,
            query: &PathQuery,
        ) -> Option<Vec<Hop>> {
            let (s, t) = (self.node_of(from).ok()?, self.node_of(to).ok()?);
            let rels = RelSet::new(query.relations.as_deref());
            let bound = self.g.node_indices().map(|n| n.index() + 1).max()?;
            let mut pred: Vec<Option<(NodeIndex, Step)>> = vec![None; bound];
            let mut seen = vec![false; bound];
            seen[s.index()] = true;
            let mut queue = VecDeque::from([(s, 0usize)]);
            while let Some((n, depth)) = queue.pop_front() {
                if n == t {
                    let mut hops = Vec::new();
                    let mut cur = t;
                    while let Some((prev, step)) = pred[cur.index()] {
                        hops.push(self.hop(prev, step));
                        cur = prev;
                    }
                    hops.reverse();
                    return Some(hops);
                }
                if depth == query.max_hops {
                    continue;
                }
                for step in self.steps(n, rels, query.undirected) {
                    let m = step.0;
                    if !seen[m.index()] {
                        seen[m.index()] = true;
                        pred[m.index()] = Some((n, step));
                        queue.push_back((m, depth + 1));
                    }
                }
            }
            None
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The walk from both ends finds the path the walk from one end found, hop for
        /// hop, whatever the relations, direction and hop limit.
        #[test]
        fn both_ends_find_the_one_sided_path(
            edges in proptest::collection::vec((0..12usize, 0..4usize, 0..12usize), 0..60),
            from in 0..12usize,
            to in 0..12usize,
            relations in proptest::option::of(proptest::collection::vec(0..4usize, 1..3)),
            undirected in proptest::bool::ANY,
            max_hops in 0..8usize,
            removed in proptest::option::of(0..12usize),
        ) {
            let names: Vec<String> = (0..12).map(|i| format!("n{i}")).collect();
            let edges: Vec<(&str, Relation, &str)> = edges
                .iter()
                .map(|&(s, r, t)| (names[s].as_str(), Relation::ALL[r], names[t].as_str()))
                .collect();
            let mut g = graph(&edges);
            // A removed entity leaves a hole in petgraph's indices.
            if let Some(r) = removed.filter(|&r| r != from && r != to) {
                let _ = g.remove_entity(&id(&names[r]));
            }
            let (Some(a), Some(b)) = (g.index(&id(&names[from])), g.index(&id(&names[to]))) else {
                return Ok(());
            };
            let (a, b) = (g.id_of(a).clone(), g.id_of(b).clone());
            let q = PathQuery {
                relations: relations.map(|rs| rs.into_iter().map(|r| Relation::ALL[r]).collect()),
                max_hops,
                undirected,
                ..PathQuery::default()
            };
            let got = g.shortest_path(&a, &b, &q).unwrap();
            let want = g.shortest_path_one_sided(&a, &b, &q);
            proptest::prop_assert_eq!(&got, &want);
            proptest::prop_assert_eq!(g.adjacency().shortest_path(&a, &b, &q).unwrap(), want);
        }
    }

    #[test]
    fn meets_with_is_walked_both_ways() {
        let g = graph(&[("b", MeetsWith, "a"), ("z", MeetsWith, "y")]);
        let q = PathQuery::default();
        assert!(g.shortest_path(&id("a"), &id("b"), &q).unwrap().is_some());
        assert!(g.shortest_path(&id("b"), &id("a"), &q).unwrap().is_some());
        assert!(g.shortest_path(&id("y"), &id("z"), &q).unwrap().is_some());
        assert!(g.shortest_path(&id("z"), &id("y"), &q).unwrap().is_some());
    }

    #[test]
    fn all_paths_are_bounded_and_shortest_first() {
        let g = graph(&[
            ("a", Supports, "b"),
            ("b", Supports, "c"),
            ("a", Supports, "c"),
            ("a", Opposes, "c"),
        ]);
        let q = PathQuery::default();
        let ps = g.all_paths(&id("a"), &id("c"), &q).unwrap();
        assert_eq!(ps.iter().map(Vec::len).collect::<Vec<_>>(), [1, 1, 2]);
        let one = PathQuery {
            limit: 1,
            ..q.clone()
        };
        assert_eq!(g.all_paths(&id("a"), &id("c"), &one).unwrap().len(), 1);
        let sup = PathQuery {
            relations: Some(vec![Supports]),
            max_hops: 1,
            ..q
        };
        assert_eq!(g.all_paths(&id("a"), &id("c"), &sup).unwrap().len(), 1);
    }

    #[test]
    fn all_paths_keep_the_shortest_under_the_limit() {
        // The long way is added first, so a plain depth-first walk would find it first.
        let g = graph(&[
            ("a", Supports, "x"),
            ("x", Supports, "y"),
            ("y", Supports, "c"),
            ("a", Opposes, "c"),
        ]);
        let one = PathQuery {
            limit: 1,
            ..PathQuery::default()
        };
        let ps = g.all_paths(&id("a"), &id("c"), &one).unwrap();
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0][0].relation, Opposes);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let names: Vec<String> = (0..2001).map(|i| format!("n{i}")).collect();
        let edges: Vec<(&str, Relation, &str)> = names
            .windows(2)
            .map(|w| (w[0].as_str(), Supports, w[1].as_str()))
            .collect();
        let g = graph(&edges);
        let q = PathQuery {
            max_hops: 1_000_000,
            ..PathQuery::default()
        };
        let ps = g.all_paths(&id("n0"), &id("n2000"), &q).unwrap();
        assert_eq!(ps[0].len(), 2000);
    }

    #[test]
    fn backers_follow_supports_chains() {
        let g = graph(&[
            ("iran", Supports, "hezbollah"),
            ("hezbollah", Supports, "assad"),
            ("russia", Supports, "assad"),
            ("israel", Opposes, "assad"),
        ]);
        let b = g.backers(&id("assad"), 3, false).unwrap();
        let got: Vec<_> = b.iter().map(|b| (b.id.as_str(), b.depth)).collect();
        assert_eq!(got, [("hezbollah", 1), ("russia", 1), ("iran", 2)]);
        assert_eq!(b[2].chain, [id("iran"), id("hezbollah"), id("assad")]);
        assert_eq!(g.backers(&id("assad"), 1, false).unwrap().len(), 2);
        let r = g.backers(&id("iran"), 3, true).unwrap();
        assert_eq!(r[1].chain, [id("iran"), id("hezbollah"), id("assad")]);
    }

    #[test]
    fn neighbors_filter_by_relation_and_direction() {
        let g = graph(&[
            ("a", Supports, "b"),
            ("c", Opposes, "a"),
            ("a", MeetsWith, "d"),
        ]);
        let all = g.neighbors(&id("a"), None, Direction::Both).unwrap();
        assert_eq!(all.len(), 3);
        let out = g.neighbors(&id("a"), None, Direction::Out).unwrap();
        let got: Vec<_> = out.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(got, ["b", "d"]);
        let inc = g
            .neighbors(&id("a"), Some(&[Opposes]), Direction::In)
            .unwrap();
        assert_eq!(inc[0].id.as_str(), "c");
    }

    #[test]
    fn card_and_stats_count_everything() {
        let g = graph(&[("a", Supports, "b"), ("c", Opposes, "a")]);
        let card = g.card(&id("a")).unwrap();
        assert_eq!(card.edges.len(), 2);
        assert_eq!(card.edges[0].first_date.as_deref(), Some("2024-12-01"));
        let s = g.stats();
        assert_eq!((s.entities, s.edges, s.documents), (3, 2, 2));
        assert_eq!(s.last_date.as_deref(), Some("2024-12-02"));
    }
}
