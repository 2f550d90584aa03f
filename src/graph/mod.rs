//! The graph of actors and places: one edge per (source, relation, target), evidence
//! accumulating on it, entities merged by normalized name and alias.
//!
//! [`Graph`] wraps a petgraph `StableDiGraph` and speaks only [`EntityId`]s: node indices are
//! reused by petgraph after removals, so they never leave this module. `meets-with` is
//! symmetric and stored once per pair (the smaller id is the source); queries answer it
//! from both ends.
//!
//! Ingesting an article first drops the evidence its earlier version left, so two indexes
//! keep that and the duplicate check from scanning the graph: document id -> the edges
//! holding its evidence, and per edge a hash of each piece's identity
//! (`evidence_list.rs`). Both live in memory only and are rebuilt on load.
//!
//! Submodules: [`query`] (path, backers, neighbors, entity card, stats), [`filter`]
//! (subgraphs for export), [`file`] (the node-link JSON file format), [`store`] (load and
//! save with a lock and atomic writes), [`import`] (statement lines, JSONL).

pub mod allies;
pub mod camps;
pub mod dedupe;
mod evidence_list;
pub mod file;
pub mod filter;
pub mod gdelt;
pub mod import;
pub mod part;
pub mod postgres;
pub mod query;
pub mod rank;
pub mod resolve;
pub mod rollup;
pub(crate) mod sql;
pub mod sqlite;
pub mod store;
pub mod timeline;

use std::collections::{HashMap, HashSet};

use evidence_list::EvidenceList;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::Error;
use crate::model::{Entity, EntityId, Evidence, Relation, Statement, normalize_name};

pub use file::{GraphMeta, NodeLink, NodeLinkEdge, NodeLinkNode, SCHEMA_VERSION};
pub use filter::Filter;
pub use query::{
    Adjacency, Backer, CardEdge, Direction, EntityCard, Hop, Neighbor, PathQuery, Stats,
};
pub use resolve::Resolver;

/// A node: the entity and whether a person added it by hand (such entities survive
/// [`Graph::remove_document`] even when no edge is left).
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) entity: Entity,
    pub(crate) manual: bool,
}

/// An edge: its relation and every piece of evidence for it, in the order it arrived.
#[derive(Clone, Debug)]
pub(crate) struct EdgeData {
    pub(crate) relation: Relation,
    pub(crate) evidence: EvidenceList,
}

/// One edge as seen from outside: `source -relation-> target` and its evidence.
#[derive(Clone, Copy, Debug)]
pub struct EdgeView<'a> {
    pub source: &'a EntityId,
    pub relation: Relation,
    pub target: &'a EntityId,
    pub evidence: &'a [Evidence],
}

impl<'a> EdgeView<'a> {
    /// The earliest evidence date (`YYYY-MM-DD` sorts as text). O(evidence).
    pub fn first_date(&self) -> Option<&'a str> {
        self.evidence.iter().filter_map(|e| e.date.as_deref()).min()
    }

    /// The latest evidence date.
    pub fn last_date(&self) -> Option<&'a str> {
        self.evidence.iter().filter_map(|e| e.date.as_deref()).max()
    }

    /// One quote for the edge: the first evidence with text.
    pub fn quote(&self) -> Option<&'a str> {
        self.evidence
            .iter()
            .map(|e| e.text.as_str())
            .find(|t| !t.is_empty())
    }
}

/// The graph of entities and evidence-backed relations.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub(crate) g: StableDiGraph<Node, EdgeData>,
    ids: HashMap<EntityId, NodeIndex>,
    /// Normalized name or alias -> the entity it names. A name names at most one entity.
    names: HashMap<String, EntityId>,
    /// Document id -> every edge holding evidence from it, so that
    /// [`Graph::remove_document`] visits those edges only.
    docs: HashMap<String, HashSet<EdgeIndex>>,
    /// (source, relation, target) -> the edge, so that adding evidence to a hub's edge does
    /// not scan every edge of the hub.
    edge_index: HashMap<(NodeIndex, Relation, NodeIndex), EdgeIndex>,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        Graph::default()
    }

    pub fn entity_count(&self) -> usize {
        self.g.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.ids.get(id).map(|&n| &self.g[n].entity)
    }

    /// Every entity, in no particular order.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.g.node_weights().map(|n| &n.entity)
    }

    /// Every edge, in no particular order (exporters sort).
    pub fn edges(&self) -> impl Iterator<Item = EdgeView<'_>> {
        self.g.edge_references().map(|e| self.view(e.id()))
    }

    /// Every entity, sorted by id (for output that must be identical run to run).
    pub fn entities_sorted(&self) -> Vec<&Entity> {
        let mut v: Vec<&Entity> = self.entities().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Every edge, sorted by (source, relation, target).
    pub fn edges_sorted(&self) -> Vec<EdgeView<'_>> {
        let mut v: Vec<EdgeView<'_>> = self.edges().collect();
        v.sort_by(|a, b| (a.source, a.relation, a.target).cmp(&(b.source, b.relation, b.target)));
        v
    }

    /// Whether the entity was added by hand ([`Graph::add_entity`]).
    pub fn is_manual(&self, id: &EntityId) -> bool {
        self.ids.get(id).is_some_and(|&n| self.g[n].manual)
    }

    /// Every edge touching an entity, in either direction. O(degree).
    pub fn edges_of(&self, id: &EntityId) -> impl Iterator<Item = EdgeView<'_>> {
        let n = self.index(id);
        n.into_iter().flat_map(move |n| {
            self.g
                .edges_directed(n, petgraph::Direction::Outgoing)
                .chain(self.g.edges_directed(n, petgraph::Direction::Incoming))
                .map(|e| self.view(e.id()))
        })
    }

    /// The evidence for `source -relation-> target` (either way round for `meets-with`),
    /// in order; empty when there is no such edge. O(1).
    pub fn evidence_between(
        &self,
        source: &EntityId,
        relation: Relation,
        target: &EntityId,
    ) -> &[Evidence] {
        let (Some(s), Some(t)) = (self.index(source), self.index(target)) else {
            return &[];
        };
        let (s, t) = self.oriented(s, relation, t);
        self.find_edge(s, relation, t)
            .map_or(&[], |e| self.g[e].evidence.as_slice())
    }

    pub(crate) fn view(&self, e: EdgeIndex) -> EdgeView<'_> {
        let (s, t) = self
            .g
            .edge_endpoints(e)
            .expect("edge index from this graph");
        let d = &self.g[e];
        EdgeView {
            source: &self.g[s].entity.id,
            relation: d.relation,
            target: &self.g[t].entity.id,
            evidence: d.evidence.as_slice(),
        }
    }

    pub(crate) fn index(&self, id: &EntityId) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    pub(crate) fn id_of(&self, n: NodeIndex) -> &EntityId {
        &self.g[n].entity.id
    }

    /// Adds an entity by hand. If one of its names already names an entity, the new names
    /// become aliases of that entity instead. Returns the id of the entity that holds it.
    pub fn add_entity(&mut self, entity: Entity) -> EntityId {
        let n = self.upsert(entity, true);
        self.g[n].manual = true;
        self.g[n].entity.id.clone()
    }

    /// Sets whether an entity counts as added by hand; returns whether that changed it.
    pub(crate) fn mark_manual(&mut self, id: &EntityId, manual: bool) -> bool {
        match self.index(id) {
            Some(n) if self.g[n].manual != manual => {
                self.g[n].manual = manual;
                true
            }
            _ => false,
        }
    }

    /// Adds a statement: finds or creates both entities (by normalized name and aliases),
    /// then creates the edge or appends the evidence to it. Returns whether new evidence
    /// was stored (`false` when the same evidence was already there).
    pub fn add_statement(&mut self, statement: Statement) -> bool {
        let s = self.upsert(statement.source, false);
        let t = self.upsert(statement.target, false);
        self.add_evidence(s, statement.relation, t, statement.evidence)
    }

    /// The node with this entity's id; else, for an entity whose id is only its name's
    /// slug, the node one of its names names; else a new node for it. An id given by the
    /// lexicon or by a user is the entity's identity: a name shared with another entity
    /// does not join them (`dedupe` lists such pairs). Names come to the graph resolved
    /// ([`Resolver`]).
    fn upsert(&mut self, entity: Entity, manual: bool) -> NodeIndex {
        let by_name = entity.id == EntityId::from_name(&entity.name);
        let found = self.ids.get(&entity.id).copied().or_else(|| {
            entity
                .names()
                .filter(|_| by_name)
                .find_map(|name| self.names.get(&normalize_name(name)))
                .and_then(|id| self.ids.get(id))
                .copied()
        });
        match found {
            Some(n) => {
                for name in entity.names() {
                    let key = normalize_name(name);
                    if !key.is_empty() && !self.names.contains_key(&key) {
                        self.g[n].entity.add_alias(name);
                        self.names.insert(key, self.g[n].entity.id.clone());
                    }
                }
                let e = &mut self.g[n].entity;
                e.country = e.country.take().or(entity.country);
                e.lat = e.lat.or(entity.lat);
                e.lon = e.lon.or(entity.lon);
                n
            }
            None => self.insert_node(Node { entity, manual }),
        }
    }

    /// Inserts a node as it is, giving it a free id if its id is taken. A name already
    /// naming another entity stays with it, unless it is this entity's canonical name and
    /// only an alias of the other, or both canonical and this id is smaller.
    pub(crate) fn insert_node(&mut self, mut node: Node) -> NodeIndex {
        let base = if node.entity.id.0.is_empty() {
            EntityId::from_name(&node.entity.name)
        } else {
            node.entity.id.clone()
        };
        let mut id = base.clone();
        let mut k = 2;
        while self.ids.contains_key(&id) {
            id = EntityId(format!("{}-{k}", base.0));
            k += 1;
        }
        node.entity.id = id.clone();
        let keys: Vec<String> = node.entity.names().map(normalize_name).collect();
        let n = self.g.add_node(node);
        self.ids.insert(id.clone(), n);
        for (k, key) in keys.into_iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            // as `index_names` decides on load: a canonical name beats an alias, and
            // between two canonical names the smaller id wins
            let take = match self.names.get(&key) {
                None => true,
                Some(other) => {
                    let theirs = self.entity(other).map(|e| normalize_name(&e.name));
                    k == 0 && (theirs.as_deref() != Some(key.as_str()) || id < *other)
                }
            };
            if take {
                self.names.insert(key, id.clone());
            }
        }
        n
    }

    /// Rebuilds the name index: a name two entities share (an explicit id, or a lexicon
    /// entry, beside an older entity of that name; "Georgia" the state and the US state)
    /// names the entity whose canonical name it is, else the first in id order.
    pub(crate) fn index_names(&mut self) {
        self.names.clear();
        let mut nodes: Vec<NodeIndex> = self.g.node_indices().collect();
        nodes.sort_by(|a, b| self.g[*a].entity.id.cmp(&self.g[*b].entity.id));
        for aliases in [false, true] {
            for &n in &nodes {
                let e = &self.g[n].entity;
                let names: Vec<&str> = if aliases {
                    e.aliases.iter().map(String::as_str).collect()
                } else {
                    vec![e.name.as_str()]
                };
                for name in names {
                    let key = normalize_name(name);
                    if !key.is_empty() {
                        self.names.entry(key).or_insert_with(|| e.id.clone());
                    }
                }
            }
        }
    }

    /// Appends evidence to the edge (s, relation, t), creating it if needed; stores nothing
    /// when `s` is `t`. `meets-with` is stored with the smaller id as source. O(1).
    pub(crate) fn add_evidence(
        &mut self,
        s: NodeIndex,
        relation: Relation,
        t: NodeIndex,
        evidence: Evidence,
    ) -> bool {
        // an edge needs two entities: a graph never holds one from an entity to itself
        // (a graph file may not), whichever way it would come (a statement whose two names
        // mean one entity, a merge of two linked entities)
        if s == t {
            return false;
        }
        let (s, t) = self.oriented(s, relation, t);
        match self.find_edge(s, relation, t) {
            Some(e) => {
                let list = &mut self.g[e].evidence;
                let added = list.insert(evidence);
                if let Some(ev) = list.as_slice().last().filter(|_| added) {
                    index_doc(&mut self.docs, &ev.doc, e);
                }
                added
            }
            None => {
                self.add_edge(s, relation, t, vec![evidence]);
                true
            }
        }
    }

    /// Adds the edge (s, relation, t), which must not exist yet, with its evidence as it is.
    pub(crate) fn add_edge(
        &mut self,
        s: NodeIndex,
        relation: Relation,
        t: NodeIndex,
        evidence: Vec<Evidence>,
    ) -> EdgeIndex {
        let evidence = EvidenceList::from(evidence);
        let e = self.g.add_edge(s, t, EdgeData { relation, evidence });
        self.edge_index.insert((s, relation, t), e);
        for ev in self.g[e].evidence.as_slice() {
            index_doc(&mut self.docs, &ev.doc, e);
        }
        e
    }

    fn oriented(&self, s: NodeIndex, relation: Relation, t: NodeIndex) -> (NodeIndex, NodeIndex) {
        if relation.is_symmetric() && self.id_of(t) < self.id_of(s) {
            (t, s)
        } else {
            (s, t)
        }
    }

    /// The edge (s, relation, t) as stored. O(1).
    pub(crate) fn find_edge(
        &self,
        s: NodeIndex,
        relation: Relation,
        t: NodeIndex,
    ) -> Option<EdgeIndex> {
        self.edge_index.get(&(s, relation, t)).copied()
    }

    /// Removes edge `e` from the graph and from the edge index (not from `docs`).
    fn drop_edge(&mut self, e: EdgeIndex) {
        if let Some((s, t)) = self.g.edge_endpoints(e) {
            let relation = self.g[e].relation;
            self.edge_index.remove(&(s, relation, t));
            self.g.remove_edge(e);
        }
    }

    /// Drops the evidence from one document. Edges left with no evidence go; entities left
    /// with no edge go too, unless they were added by hand or had no edge from this
    /// document to begin with. O(evidence on the document's edges); O(1) for a document
    /// the graph has never seen.
    pub fn remove_document(&mut self, doc: &str) {
        let Some(edges) = self.docs.remove(doc) else {
            return;
        };
        // In index order, as a scan of every edge would go, so that petgraph reuses freed
        // indices in the same order whatever the hash set's order.
        let mut edges: Vec<EdgeIndex> = edges.into_iter().collect();
        edges.sort_unstable();
        let mut touched = Vec::new();
        for e in edges {
            let list = &mut self.g[e].evidence;
            list.remove_doc(doc);
            // Left empty, the edge held evidence from `doc` only, so no other document's
            // index names it.
            if list.is_empty() {
                let (s, t) = self.g.edge_endpoints(e).expect("live edge");
                touched.extend([s, t]);
                self.drop_edge(e);
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for n in touched {
            let isolated = self.g.neighbors_undirected(n).next().is_none();
            if isolated && !self.g[n].manual {
                self.remove_node(n);
            }
        }
    }

    /// Removes a node, its edges, and its names and edges from the indexes.
    /// O(names of the node + evidence on its edges).
    fn remove_node(&mut self, n: NodeIndex) -> Option<Node> {
        let edges: Vec<EdgeIndex> = self
            .g
            .edges_directed(n, petgraph::Direction::Outgoing)
            .chain(self.g.edges_directed(n, petgraph::Direction::Incoming))
            .map(|e| e.id())
            .collect();
        for &e in &edges {
            for ev in self.g[e].evidence.as_slice() {
                unindex_doc(&mut self.docs, &ev.doc, e);
            }
        }
        for e in edges {
            self.drop_edge(e);
        }
        let node = self.g.remove_node(n)?;
        self.ids.remove(&node.entity.id);
        // Every name indexed for an entity is one of its names (normalized), so there is no
        // need to scan the whole index; a name may also name another entity, which keeps it.
        for name in node.entity.names() {
            let key = normalize_name(name);
            if self.names.get(&key) == Some(&node.entity.id) {
                self.names.remove(&key);
            }
        }
        Some(node)
    }

    /// Finds an entity by name, alias or id, ignoring case, diacritics, apostrophes,
    /// hyphens and a leading "the"; else by a person's surname, an acronym or words of a
    /// longer name ([`Graph::partial_matches`]). Several matches give
    /// [`Error::Ambiguous`]; none gives [`Error::UnknownEntity`] with the closest known
    /// names. [`Resolver::find`] also asks the lexicon. O(1) for a whole name, else
    /// O(names).
    pub fn resolve(&self, name: &str) -> Result<EntityId, Error> {
        match self.lookup(name) {
            Some(id) => Ok(id),
            None => self.choose(name, Vec::new()),
        }
    }

    /// The display names of up to `max` entities whose name, alias or one word of it is
    /// closest to `key` (edit distance at most a third of the length, or containing it),
    /// nearest first.
    fn suggest(&self, key: &str, max: usize) -> Vec<String> {
        if key.is_empty() {
            return Vec::new();
        }
        let limit = (key.chars().count() / 3).max(1);
        let mut best: Vec<(usize, &String, &EntityId)> = Vec::new();
        for (name, id) in &self.names {
            let whole = if name.contains(key) || key.contains(name.as_str()) {
                0
            } else {
                edit_distance(key, name)
            };
            let word = if key.contains(' ') {
                usize::MAX
            } else {
                name.split(' ')
                    .filter(|w| w.len() > 2)
                    .map(|w| edit_distance(key, w))
                    .min()
                    .unwrap_or(usize::MAX)
            };
            let d = whole.min(word);
            if d <= limit {
                best.push((d, name, id));
            }
        }
        best.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, _, id) in best {
            if let Some(e) = self.entity(id)
                && !out.contains(&e.name)
            {
                out.push(e.name.clone());
            }
            if out.len() == max {
                break;
            }
        }
        out
    }

    /// Adds an alias to an entity. Fails if the alias already names another entity.
    /// Returns `false` if it already named this one.
    pub fn add_alias(&mut self, id: &EntityId, alias: &str) -> Result<bool, Error> {
        let n = self.node_of(id)?;
        let key = normalize_name(alias);
        if key.is_empty() {
            return Err(Error::Invalid(format!("empty alias '{alias}'")));
        }
        match self.names.get(&key) {
            Some(other) if other == id => Ok(false),
            Some(other) => Err(Error::Invalid(format!(
                "'{alias}' already names '{}' (use merge to combine the two)",
                self.g[self.ids[other]].entity.name
            ))),
            None => {
                self.g[n].entity.aliases.push(alias.trim().to_string());
                self.names.insert(key, id.clone());
                Ok(true)
            }
        }
    }

    /// Merges `other` into `keep`: its names become aliases of `keep`, its edges and their
    /// evidence move to `keep` (joining existing edges), and `other` is removed. Edges
    /// between the two are dropped (an entity has no edge to itself); returns how many.
    pub fn merge(&mut self, keep: &EntityId, other: &EntityId) -> Result<usize, Error> {
        let k = self.node_of(keep)?;
        let o = self.node_of(other)?;
        if k == o {
            return Err(Error::Invalid(format!(
                "cannot merge '{}' with itself",
                self.g[k].entity.name
            )));
        }
        let moved: Vec<(NodeIndex, Relation, NodeIndex, Vec<Evidence>)> = self
            .g
            .edges_directed(o, petgraph::Direction::Outgoing)
            .chain(self.g.edges_directed(o, petgraph::Direction::Incoming))
            .map(|e| {
                let w = e.weight();
                (
                    e.source(),
                    w.relation,
                    e.target(),
                    w.evidence.as_slice().to_vec(),
                )
            })
            .collect();
        let old = self.remove_node(o).expect("live node");
        for name in old.entity.names() {
            let key = normalize_name(name);
            if !key.is_empty() && !self.names.contains_key(&key) {
                self.g[k].entity.add_alias(name);
                self.names.insert(key, keep.clone());
            }
        }
        self.g[k].manual |= old.manual;
        let mut dropped = 0;
        for (s, relation, t, evidence) in moved {
            let s = if s == o { k } else { s };
            let t = if t == o { k } else { t };
            // an edge between the two would be an entity's edge to itself, which
            // `add_evidence` refuses: counted here
            if s == t {
                dropped += 1;
                continue;
            }
            for ev in evidence {
                self.add_evidence(s, relation, t, ev);
            }
        }
        Ok(dropped)
    }

    /// Removes an entity and every edge touching it; returns it.
    pub fn remove_entity(&mut self, id: &EntityId) -> Result<Entity, Error> {
        let n = self.node_of(id)?;
        Ok(self.remove_node(n).expect("live node").entity)
    }

    pub(crate) fn node_of(&self, id: &EntityId) -> Result<NodeIndex, Error> {
        self.index(id).ok_or_else(|| Error::UnknownEntity {
            name: id.0.clone(),
            suggestions: Vec::new(),
        })
    }
}

/// Records that edge `e` holds evidence from `doc`.
fn index_doc(docs: &mut HashMap<String, HashSet<EdgeIndex>>, doc: &str, e: EdgeIndex) {
    match docs.get_mut(doc) {
        Some(edges) => {
            edges.insert(e);
        }
        None => {
            docs.insert(doc.to_string(), HashSet::from([e]));
        }
    }
}

/// Forgets that edge `e` holds evidence from `doc` (the edge is going).
fn unindex_doc(docs: &mut HashMap<String, HashSet<EdgeIndex>>, doc: &str, e: EdgeIndex) {
    if let Some(edges) = docs.get_mut(doc) {
        edges.remove(&e);
        if edges.is_empty() {
            docs.remove(doc);
        }
    }
}

/// Edit distance over chars, counting a swap of two neighbors as one edit (optimal string
/// alignment), so "Iarn" is one edit from "Iran". O(len(a) * len(b)).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j - 1] + cost)
                .min(rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Span};

    pub(crate) fn ev(doc: &str, text: &str) -> Evidence {
        Evidence {
            doc: doc.into(),
            date: None,
            text: text.into(),
            span: None,
            trigger: None,
            producer: "manual".into(),
            url: None,
            confidence: 1.0,
        }
    }

    fn st(s: &str, r: Relation, t: &str, e: Evidence) -> Statement {
        Statement {
            source: Entity::new(s, EntityType::State),
            relation: r,
            target: Entity::new(t, EntityType::ArmedGroup),
            evidence: e,
        }
    }

    #[test]
    fn same_evidence_is_stored_once() {
        let mut g = Graph::new();
        assert!(g.add_statement(st("Iran", Relation::Supports, "Hezbollah", ev("d", "x"))));
        assert!(!g.add_statement(st("iran", Relation::Supports, "HEZBOLLAH", ev("d", "x"))));
        let mut spanned = ev("d", "other text");
        spanned.span = Some(Span { start: 1, end: 5 });
        assert!(g.add_statement(st("Iran", Relation::Supports, "Hezbollah", spanned.clone())));
        spanned.text = "changed".into();
        assert!(!g.add_statement(st("Iran", Relation::Supports, "Hezbollah", spanned)));
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.edges().next().unwrap().evidence.len(), 2);
    }

    #[test]
    fn names_merge_ignoring_case_diacritics_and_the() {
        let mut g = Graph::new();
        g.add_statement(st(
            "The Hay'at Tahrir al-Sham",
            Relation::Controls,
            "Hama",
            ev("a", "1"),
        ));
        g.add_statement(st(
            "hayat tahrir al sham",
            Relation::Controls,
            "Hamā",
            ev("b", "2"),
        ));
        assert_eq!(g.entity_count(), 2);
        assert_eq!(g.edge_count(), 1);
    }

    #[test]
    fn meets_with_is_stored_once_per_pair() {
        let mut g = Graph::new();
        g.add_statement(st("Turkey", Relation::MeetsWith, "Russia", ev("a", "1")));
        g.add_statement(st("Russia", Relation::MeetsWith, "Turkey", ev("b", "2")));
        assert_eq!(g.edge_count(), 1);
        let e = g.edges().next().unwrap();
        assert_eq!(e.source.as_str(), "russia");
        assert_eq!(e.evidence.len(), 2);
        // Two relations between one pair are two edges.
        g.add_statement(st("Turkey", Relation::Opposes, "Russia", ev("c", "3")));
        assert_eq!(g.edge_count(), 2);
    }

    #[test]
    fn remove_document_keeps_manual_entities_and_other_evidence() {
        let mut g = Graph::new();
        g.add_entity(Entity::new("Iran", EntityType::State));
        g.add_statement(st("Iran", Relation::Supports, "Hezbollah", ev("a", "1")));
        g.add_statement(st("Iran", Relation::Supports, "Houthis", ev("a", "2")));
        g.add_statement(st("Iran", Relation::Supports, "Houthis", ev("b", "3")));
        g.add_statement(st("Lebanon", Relation::Opposes, "Israel", ev("c", "4")));
        g.remove_document("a");
        let mut ids: Vec<_> = g.entities().map(|e| e.id.0.clone()).collect();
        ids.sort();
        assert_eq!(ids, ["houthis", "iran", "israel", "lebanon"]);
        assert_eq!(g.edge_count(), 2);
        g.remove_document("b");
        let mut ids: Vec<_> = g.entities().map(|e| e.id.0.clone()).collect();
        ids.sort();
        assert_eq!(ids, ["iran", "israel", "lebanon"]);
    }

    #[test]
    fn resolve_suggests_the_closest_name() {
        let mut g = Graph::new();
        g.add_statement(st(
            "Bashar al-Assad",
            Relation::Controls,
            "Damascus",
            ev("a", "1"),
        ));
        g.add_alias(&EntityId("bashar-al-assad".into()), "Assad")
            .unwrap();
        assert_eq!(g.resolve("ASSAD").unwrap().as_str(), "bashar-al-assad");
        assert_eq!(g.resolve("damascus").unwrap().as_str(), "damascus");
        let err = g.resolve("Asad").unwrap_err().to_string();
        assert_eq!(err, "no entity 'Asad' (did you mean 'Bashar al-Assad'?)");
        assert_eq!(
            g.resolve("Zzyzx").unwrap_err().to_string(),
            "no entity 'Zzyzx'"
        );
    }

    #[test]
    fn merge_moves_edges_and_names() {
        let mut g = Graph::new();
        g.add_statement(st("HTS", Relation::Controls, "Idlib", ev("a", "1")));
        g.add_statement(st(
            "Hayat Tahrir al-Sham",
            Relation::Controls,
            "Idlib",
            ev("b", "2"),
        ));
        g.add_statement(st(
            "Hayat Tahrir al-Sham",
            Relation::Opposes,
            "HTS",
            ev("c", "3"),
        ));
        assert_eq!(g.entity_count(), 3);
        let keep = g.resolve("Hayat Tahrir al-Sham").unwrap();
        let other = g.resolve("HTS").unwrap();
        g.merge(&keep, &other).unwrap();
        assert_eq!(g.entity_count(), 2);
        assert_eq!(g.resolve("hts").unwrap(), keep);
        let controls: Vec<_> = g
            .edges()
            .filter(|e| e.relation == Relation::Controls)
            .collect();
        assert_eq!(controls.len(), 1);
        assert_eq!(controls[0].evidence.len(), 2);
        assert!(g.merge(&keep, &keep).is_err());
    }

    #[test]
    fn alias_conflicts_are_refused() {
        let mut g = Graph::new();
        g.add_statement(st("Russia", Relation::Supports, "Assad", ev("a", "1")));
        let russia = g.resolve("Russia").unwrap();
        assert!(g.add_alias(&russia, "Moscow").unwrap());
        assert!(!g.add_alias(&russia, "moscow").unwrap());
        let err = g.add_alias(&russia, "Assad").unwrap_err().to_string();
        assert_eq!(
            err,
            "'Assad' already names 'Assad' (use merge to combine the two)"
        );
    }

    impl Graph {
        /// Panics unless every index is what a rebuild from the nodes and edges would give.
        fn check_indexes(&self) {
            let mut docs: HashMap<String, HashSet<EdgeIndex>> = HashMap::new();
            for e in self.g.edge_indices() {
                assert!(self.g[e].evidence.index_is_fresh());
                assert!(!self.g[e].evidence.is_empty());
                for ev in self.g[e].evidence.iter() {
                    docs.entry(ev.doc.clone()).or_default().insert(e);
                }
            }
            assert_eq!(self.docs, docs, "document index");
            let edges: HashMap<(NodeIndex, Relation, NodeIndex), EdgeIndex> = self
                .g
                .edge_indices()
                .map(|e| {
                    let (s, t) = self.g.edge_endpoints(e).expect("live edge");
                    ((s, self.g[e].relation, t), e)
                })
                .collect();
            assert_eq!(self.edge_index, edges, "edge index");
            for n in self.g.node_indices() {
                assert_eq!(self.ids[&self.g[n].entity.id], n);
            }
            assert_eq!(self.ids.len(), self.g.node_count());
            for (key, id) in &self.names {
                let e = self.entity(id).expect("a name of a live entity");
                assert!(
                    e.names().any(|n| normalize_name(n) == *key),
                    "{key} -> {id}"
                );
            }
        }

        /// `remove_document` as it was before the index: a scan of every edge.
        fn remove_document_by_scan(&mut self, doc: &str) {
            let mut touched = Vec::new();
            let edges: Vec<EdgeIndex> = self.g.edge_indices().collect();
            for e in edges {
                if self.g[e].evidence.remove_doc(doc) && self.g[e].evidence.is_empty() {
                    let (s, t) = self.g.edge_endpoints(e).expect("live edge");
                    touched.extend([s, t]);
                    self.drop_edge(e);
                }
            }
            for n in touched {
                if self.g.contains_node(n)
                    && self.g.neighbors_undirected(n).next().is_none()
                    && !self.g[n].manual
                {
                    self.remove_node(n);
                }
            }
        }
    }

    #[test]
    fn remove_document_after_merge_and_reingest() {
        let mut g = Graph::new();
        g.add_statement(st("HTS", Relation::Controls, "Idlib", ev("a", "1")));
        g.add_statement(st(
            "Tahrir al-Sham",
            Relation::Controls,
            "Idlib",
            ev("b", "2"),
        ));
        g.add_statement(st(
            "Tahrir al-Sham",
            Relation::Opposes,
            "Assad",
            ev("a", "3"),
        ));
        let keep = g.resolve("Tahrir al-Sham").unwrap();
        let other = g.resolve("HTS").unwrap();
        g.merge(&keep, &other).unwrap();
        g.check_indexes();
        // The evidence of "a" moved to the kept edge and still goes with its document.
        g.remove_document("a");
        g.check_indexes();
        let edges: Vec<_> = g.edges_sorted();
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].evidence.len(), 1);
        assert_eq!(edges[0].evidence[0].doc, "b");
        assert!(g.resolve("assad").is_err());
        assert_eq!(g.resolve("hts").unwrap(), keep);
        // Ingesting a changed "b" replaces its evidence.
        g.remove_document("b");
        g.add_statement(st("HTS", Relation::Supports, "Idlib", ev("b", "2b")));
        g.check_indexes();
        let edges: Vec<_> = g.edges_sorted();
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].relation, Relation::Supports);
        // A document never seen changes nothing.
        g.remove_document("zzz");
        g.check_indexes();
        assert_eq!(g.edge_count(), 1);
    }

    #[test]
    fn a_reused_edge_index_is_not_taken_for_the_old_edge() {
        let mut g = Graph::new();
        g.add_statement(st("Iran", Relation::Supports, "Hezbollah", ev("a", "1")));
        g.add_statement(st("Iran", Relation::Supports, "Houthis", ev("a", "2")));
        g.remove_entity(&g.resolve("Hezbollah").unwrap()).unwrap();
        // petgraph hands the freed edge index to the next edge.
        g.add_statement(st("Russia", Relation::Supports, "Assad", ev("b", "3")));
        g.check_indexes();
        g.remove_document("a");
        g.check_indexes();
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.edges().next().unwrap().evidence[0].doc, "b");
    }

    #[test]
    fn loading_rebuilds_the_indexes() {
        let mut g = Graph::new();
        g.add_statement(st("Iran", Relation::Supports, "Hezbollah", ev("a", "1")));
        g.add_statement(st("Iran", Relation::Supports, "Hezbollah", ev("b", "2")));
        g.add_statement(st("Turkey", Relation::MeetsWith, "Russia", ev("a", "3")));
        let mut back = Graph::from_node_link(g.to_node_link("g")).unwrap();
        back.check_indexes();
        assert!(!back.add_statement(st("Iran", Relation::Supports, "Hezbollah", ev("b", "2"))));
        back.remove_document("a");
        back.check_indexes();
        assert_eq!(back.edge_count(), 1);
        assert_eq!(back.entity_count(), 2);
    }

    #[test]
    fn the_streamed_file_is_the_node_link_file() {
        let mut g = Graph::new();
        g.add_entity(Entity::new("Iran", EntityType::State));
        let mut e = ev("a", "Iran \"supports\" Hezbollah.");
        e.date = Some("2024-12-05".into());
        e.span = Some(Span { start: 3, end: 40 });
        e.url = Some("https://example.org/a".into());
        g.add_statement(st("Iran", Relation::Supports, "Hezbollah", e));
        g.add_statement(st("Turkey", Relation::MeetsWith, "Russia", ev("b", "x")));
        g.add_alias(&g.resolve("Turkey").unwrap(), "Türkiye")
            .unwrap();
        let mut expected = serde_json::to_vec_pretty(&g.to_node_link("name")).unwrap();
        expected.push(b'\n');
        let mut streamed = Vec::new();
        g.write_node_link("name", &mut streamed).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    /// One step of a random edit of a graph.
    #[derive(Clone, Debug)]
    enum Op {
        Add(usize, Relation, usize, usize, usize),
        RemoveDocument(usize),
        Merge(usize, usize),
        RemoveEntity(usize),
        Reload,
    }

    const NAMES: [&str; 5] = ["Iran", "Russia", "Turkey", "Assad", "Houthis"];
    const DOCS: [&str; 4] = ["a", "b", "c", "manual"];

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        let relation = prop::sample::select(Relation::ALL.to_vec());
        prop_oneof![
            6 => (0..5usize, relation, 0..5usize, 0..4usize, 0..3usize)
                .prop_map(|(s, r, t, d, x)| Op::Add(s, r, t, d, x)),
            2 => (0..4usize).prop_map(Op::RemoveDocument),
            1 => (0..5usize, 0..5usize).prop_map(|(a, b)| Op::Merge(a, b)),
            1 => (0..5usize).prop_map(Op::RemoveEntity),
            1 => Just(Op::Reload),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The indexes match a rebuild after any edits, and `remove_document` gives the
        /// graph that a scan of every edge gives.
        #[test]
        fn indexes_survive_any_edits(ops in proptest::collection::vec(op(), 0..40)) {
            let mut g = Graph::new();
            for op in ops {
                match op {
                    Op::Add(s, r, t, d, x) => {
                        let mut e = ev(DOCS[d], &x.to_string());
                        if x > 0 {
                            e.span = Some(Span { start: x, end: x + 1 });
                        }
                        g.add_statement(st(NAMES[s], r, NAMES[t], e));
                    }
                    Op::RemoveDocument(d) => {
                        let mut by_scan = g.clone();
                        by_scan.remove_document_by_scan(DOCS[d]);
                        g.remove_document(DOCS[d]);
                        proptest::prop_assert_eq!(g.to_node_link("g"), by_scan.to_node_link("g"));
                    }
                    Op::Merge(a, b) => {
                        if let (Ok(a), Ok(b)) = (g.resolve(NAMES[a]), g.resolve(NAMES[b])) {
                            let _ = g.merge(&a, &b);
                        }
                    }
                    Op::RemoveEntity(a) => {
                        if let Ok(a) = g.resolve(NAMES[a]) {
                            g.remove_entity(&a).unwrap();
                        }
                    }
                    Op::Reload => {
                        g = Graph::from_node_link(g.to_node_link("g")).unwrap();
                    }
                }
                g.check_indexes();
            }
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("asad", "assad"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("iarn", "iran"), 1);
    }
}
