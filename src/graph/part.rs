//! The part of a graph database that one query needs, read through its indexes.
//!
//! In: an SQLite graph ([`super::sqlite`]) and what a query asks: names, a depth, the
//! relations and the way to walk them. Out: a [`Graph`] that holds only the entities and
//! edges the query can visit, each whole (all names, all evidence), on which the query
//! then runs as it would on the whole graph; or, for `stats`, the counts the database
//! keeps. What a query reads grows with what it visits, not with the graph.
//!
//! Walks read adjacency from the indexes on `edges(source, target, relation)` and
//! `edges(target, source, relation)`; `meets-with` is walked both ways, as in memory.
//! Shortest paths are found by a breadth-first search from both ends over those indexes
//! (the smaller frontier expands first); the graph handed to the path query then holds
//! every entity and edge on any shortest path, so it finds one of them.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use super::Graph;
use super::file::{GraphMeta, NodeLink, NodeLinkEdge, SCHEMA_VERSION};
use super::query::Stats;
use super::sqlite::{
    ENTITY_COLUMNS, EVIDENCE_COLUMNS, check_readable, entity_row, evidence_row, graph_name, in_db,
    invalid, open,
};
use crate::Error;
use crate::model::{EntityId, Relation, normalize_name};

/// Which way a walk follows edges. `meets-with` is followed both ways whatever this says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk {
    /// From source to target.
    Out,
    /// From target to source.
    In,
    /// Both ways.
    Both,
}

/// A read transaction on a graph database: every read sees the same committed state.
pub struct Reader {
    conn: Connection,
    path: PathBuf,
}

/// An edge as a walk sees it: its rowid and the entity at its other end.
type Step = (i64, i64);

/// A breadth-first walk: each entity's distance, and each step `(edge, from, to)`.
type Walked = (HashMap<i64, usize>, Vec<(i64, i64, i64)>);

impl Reader {
    /// Opens the database and starts the read transaction; `None` for a database without
    /// tables yet (an empty graph).
    pub fn open(path: &Path) -> Result<Option<Reader>, Error> {
        let conn = open(path, false)?;
        conn.execute_batch("BEGIN")
            .map_err(|e| in_db(path, "read", e))?;
        if !check_readable(&conn, path)? {
            return Ok(None);
        }
        Ok(Some(Reader {
            conn,
            path: path.to_path_buf(),
        }))
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        |e| in_db(&self.path, "read", e)
    }

    /// The entity `name` names exactly, as [`Graph::lookup`] decides on a whole graph: an
    /// id first, then a canonical name (the smallest id of those that have it), then an
    /// alias (likewise). `None` when no entity has that exact name.
    pub fn lookup(&self, name: &str) -> Result<Option<i64>, Error> {
        let sql = self.sql();
        let by_id = self
            .conn
            .prepare_cached("SELECT rowid FROM entities WHERE id = ?1")
            .and_then(|mut q| q.query_row([name.trim()], |r| r.get(0)).optional())
            .map_err(&sql)?;
        if by_id.is_some() {
            return Ok(by_id);
        }
        let key = normalize_name(name);
        if key.is_empty() {
            return Ok(None);
        }
        let by_name = self
            .conn
            .prepare_cached("SELECT rowid FROM entities WHERE norm = ?1 ORDER BY id LIMIT 1")
            .and_then(|mut q| q.query_row([&key], |r| r.get(0)).optional())
            .map_err(&sql)?;
        if by_name.is_some() {
            return Ok(by_name);
        }
        self.conn
            .prepare_cached(
                "SELECT e.rowid FROM aliases a JOIN entities e ON e.rowid = a.entity
                 WHERE a.norm = ?1 ORDER BY e.id LIMIT 1",
            )
            .and_then(|mut q| q.query_row([&key], |r| r.get(0)).optional())
            .map_err(&sql)
    }

    /// What [`Graph::stats`] says of the whole graph, from the counts the triggers keep.
    pub fn stats(&self) -> Result<Stats, Error> {
        let sql = self.sql();
        let mut s = Stats::default();
        let mut q = self
            .conn
            .prepare("SELECT key, n FROM counts WHERE n > 0 ORDER BY key")
            .map_err(&sql)?;
        let rows = q
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(&sql)?;
        for row in rows {
            let (key, n) = row.map_err(&sql)?;
            let n = n as usize;
            match key.split_once(':') {
                Some(("kind", k)) => {
                    s.entities += n;
                    s.by_kind.insert(k.to_string(), n);
                }
                Some(("type", t)) => {
                    s.by_type.insert(t.to_string(), n);
                }
                Some(("relation", r)) => {
                    s.edges += n;
                    s.by_relation.insert(r.to_string(), n);
                }
                _ if key == "evidence" => s.evidence = n,
                _ if key == "documents" => s.documents = n,
                _ => {}
            }
        }
        let (first, last): (Option<String>, Option<String>) = self
            .conn
            .query_row(
                "SELECT (SELECT min(date) FROM evidence WHERE date IS NOT NULL),
                        (SELECT max(date) FROM evidence WHERE date IS NOT NULL)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(&sql)?;
        s.first_date = first;
        s.last_date = last;
        Ok(s)
    }

    /// The edges a walk can take from `node`: `(edge, other end)`, in rowid order.
    fn steps(
        &self,
        node: i64,
        relations: Option<&[Relation]>,
        walk: Walk,
    ) -> Result<Vec<Step>, Error> {
        let sql = self.sql();
        let wanted =
            |r: &str| -> bool { relations.is_none_or(|rels| rels.iter().any(|x| x.as_str() == r)) };
        let meets = Relation::MeetsWith.as_str();
        let mut out = Vec::new();
        let mut read = |query: &str, both_ways_only: bool| -> Result<(), Error> {
            let mut q = self.conn.prepare_cached(query).map_err(&sql)?;
            let rows = q
                .query_map([node], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .map_err(&sql)?;
            for row in rows {
                let (edge, other, relation) = row.map_err(&sql)?;
                if wanted(&relation) && (!both_ways_only || relation == meets) {
                    out.push((edge, other));
                }
            }
            Ok(())
        };
        let out_q = "SELECT rowid, target, relation FROM edges WHERE source = ?1";
        let in_q = "SELECT rowid, source, relation FROM edges WHERE target = ?1";
        read(out_q, walk == Walk::In)?;
        read(in_q, walk == Walk::Out)?;
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// The entities within `depth` steps of `seeds` and the edges walked to reach them
    /// (every edge of each entity closer than `depth`), plus the edges between seeds;
    /// `closed`: plus every edge between two of the entities found.
    pub fn ball(
        &self,
        seeds: &[i64],
        depth: usize,
        relations: Option<&[Relation]>,
        walk: Walk,
        closed: bool,
    ) -> Result<(BTreeSet<i64>, BTreeSet<i64>), Error> {
        let (dist, mut edges) = self.bfs(seeds, depth, relations, walk)?;
        let edge_ends: Vec<i64> = if closed {
            dist.iter()
                .filter(|(_, d)| **d == depth)
                .map(|(n, _)| *n)
                .collect()
        } else {
            seeds.to_vec()
        };
        for n in edge_ends {
            for (edge, other) in self.steps(n, None, Walk::Both)? {
                let inside = if closed {
                    dist.contains_key(&other)
                } else {
                    seeds.contains(&other)
                };
                if inside {
                    edges.insert(edge);
                }
            }
        }
        Ok((dist.into_keys().collect(), edges))
    }

    /// Breadth first from `seeds` to `depth`: each entity's distance, and the edges walked.
    fn bfs(
        &self,
        seeds: &[i64],
        depth: usize,
        relations: Option<&[Relation]>,
        walk: Walk,
    ) -> Result<(HashMap<i64, usize>, BTreeSet<i64>), Error> {
        let (dist, steps) = self.bfs_steps(seeds, depth, relations, walk)?;
        Ok((dist, steps.into_iter().map(|(e, _, _)| e).collect()))
    }

    /// [`Reader::bfs`] with each step walked: `(edge, from, to)`.
    fn bfs_steps(
        &self,
        seeds: &[i64],
        depth: usize,
        relations: Option<&[Relation]>,
        walk: Walk,
    ) -> Result<Walked, Error> {
        let mut dist: HashMap<i64, usize> = seeds.iter().map(|&s| (s, 0)).collect();
        let mut edges = Vec::new();
        let mut frontier: Vec<i64> = seeds.to_vec();
        for d in 0..depth {
            let mut next = Vec::new();
            for &n in &frontier {
                for (edge, other) in self.steps(n, relations, walk)? {
                    edges.push((edge, n, other));
                    if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(other) {
                        v.insert(d + 1);
                        next.push(other);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        Ok((dist, edges))
    }

    /// The length of a shortest walk from `a` to `b` of at most `max` hops, searched from
    /// both ends (`undirected`: edges either way; else forward from `a`, backward from
    /// `b`), expanding the smaller frontier first.
    pub fn distance(
        &self,
        a: i64,
        b: i64,
        relations: Option<&[Relation]>,
        undirected: bool,
        max: usize,
    ) -> Result<Option<usize>, Error> {
        if a == b {
            return Ok(Some(0));
        }
        let (fw, bw) = if undirected {
            (Walk::Both, Walk::Both)
        } else {
            (Walk::Out, Walk::In)
        };
        let mut seen = [HashMap::from([(a, 0usize)]), HashMap::from([(b, 0usize)])];
        let mut frontier = [vec![a], vec![b]];
        let mut radius = [0usize, 0usize];
        while radius[0] + radius[1] < max && !frontier[0].is_empty() && !frontier[1].is_empty() {
            let side = usize::from(frontier[1].len() < frontier[0].len());
            let walk = if side == 0 { fw } else { bw };
            let mut next = Vec::new();
            let mut best: Option<usize> = None;
            for &n in &frontier[side] {
                for (_, other) in self.steps(n, relations, walk)? {
                    if let Some(&d) = seen[1 - side].get(&other) {
                        let total = radius[side] + 1 + d;
                        best = Some(best.map_or(total, |b| b.min(total)));
                    }
                    if !seen[side].contains_key(&other) {
                        seen[side].insert(other, radius[side] + 1);
                        next.push(other);
                    }
                }
            }
            radius[side] += 1;
            if let Some(d) = best {
                return Ok((d <= max).then_some(d));
            }
            frontier[side] = next;
        }
        Ok(None)
    }

    /// The graph of these entities and edges (and the entities at the edges' ends), each
    /// whole, built as a graph file is read (entities by id, edges by key).
    pub fn graph(&self, nodes: &BTreeSet<i64>, edges: &BTreeSet<i64>) -> Result<Graph, Error> {
        read_graph(&self.conn, &self.path, nodes, edges)
    }

    /// Every entity and edge on a shortest walk from `a` to `b` of `d` hops. Searched in
    /// the balls of radius `ceil(d/2)` around `a` (walking forward) and `floor(d/2)`
    /// around `b` (walking backward), which every such walk lies in: the walks meet at
    /// entities `ceil(d/2)` from `a` and `floor(d/2)` from `b`, and from those each side
    /// keeps the steps that lead back to its end one hop at a time.
    pub fn shortest_part(
        &self,
        a: i64,
        b: i64,
        d: usize,
        relations: Option<&[Relation]>,
        undirected: bool,
    ) -> Result<Graph, Error> {
        let (fw, bw) = if undirected {
            (Walk::Both, Walk::Both)
        } else {
            (Walk::Out, Walk::In)
        };
        let (ra, rb) = (d.div_ceil(2), d / 2);
        let (da, sa) = self.bfs_steps(&[a], ra, relations, fw)?;
        let (db, sb) = self.bfs_steps(&[b], rb, relations, bw)?;
        let meet: BTreeSet<i64> = da
            .iter()
            .filter(|&(n, &k)| k == ra && db.get(n) == Some(&rb))
            .map(|(n, _)| *n)
            .collect();
        let mut nodes = meet.clone();
        let mut edges = BTreeSet::new();
        for (dist, steps, radius) in [(&da, &sa, ra), (&db, &sb, rb)] {
            let mut on: BTreeSet<i64> = meet.clone();
            for k in (1..=radius).rev() {
                let mut back = BTreeSet::new();
                for &(e, from, to) in steps {
                    if dist.get(&to) == Some(&k)
                        && dist.get(&from) == Some(&(k - 1))
                        && on.contains(&to)
                    {
                        edges.insert(e);
                        back.insert(from);
                    }
                }
                nodes.extend(back.iter().copied());
                on = back;
            }
        }
        self.graph(&nodes, &edges)
    }

    /// Every entity and edge on a walk from `a` to `b` of at most `d` hops: the balls of
    /// radius `ceil(d/2)` around `a` (walking forward) and `floor(d/2)` around `b`
    /// (walking backward), which every such walk lies in, edges included.
    pub fn path_part(
        &self,
        a: i64,
        b: i64,
        d: usize,
        relations: Option<&[Relation]>,
        undirected: bool,
    ) -> Result<Graph, Error> {
        let (fw, bw) = if undirected {
            (Walk::Both, Walk::Both)
        } else {
            (Walk::Out, Walk::In)
        };
        let (da, mut edges) = self.bfs(&[a], d.div_ceil(2), relations, fw)?;
        let (db, eb) = self.bfs(&[b], d / 2, relations, bw)?;
        edges.extend(eb);
        let nodes: BTreeSet<i64> = da.into_keys().chain(db.into_keys()).collect();
        self.graph(&nodes, &edges)
    }
}

/// The graph of these entities and edges (and the entities at the edges' ends), each
/// whole, built as a graph file is read (entities by id, edges by key).
pub(crate) fn read_graph(
    conn: &Connection,
    path: &Path,
    nodes: &BTreeSet<i64>,
    edges: &BTreeSet<i64>,
) -> Result<Graph, Error> {
    let sql = |e| in_db(path, "read", e);

    let mut nodes = nodes.clone();
    let mut found: Vec<(i64, i64, String, i64)> = Vec::new();
    {
        let mut q = conn
            .prepare_cached("SELECT source, relation, target FROM edges WHERE rowid = ?1")
            .map_err(&sql)?;
        for &e in edges {
            let (s, r, t): (i64, String, i64) = q
                .query_row([e], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(&sql)?;
            nodes.extend([s, t]);
            found.push((e, s, r, t));
        }
    }
    let mut ids: HashMap<i64, EntityId> = HashMap::new();
    let mut file_nodes = Vec::new();
    {
        let mut q = conn
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLUMNS} FROM entities WHERE rowid = ?1"
            ))
            .map_err(&sql)?;
        let mut aq = conn
            .prepare_cached("SELECT alias FROM aliases WHERE entity = ?1 ORDER BY pos")
            .map_err(&sql)?;
        for &n in &nodes {
            let list: Vec<String> = aq
                .query_map([n], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(&sql)?;
            let mut aliases = HashMap::from([(n, list)]);
            let mut rows = q.query([n]).map_err(&sql)?;
            let Some(r) = rows.next().map_err(&sql)? else {
                return Err(invalid(path, format!("no entity {n}")));
            };
            let (rowid, node) = entity_row(r, &mut aliases, path)?;
            ids.insert(rowid, node.entity.id.clone());
            file_nodes.push(node);
        }
    }
    let mut file_edges = Vec::new();
    {
        let mut q = conn
            .prepare_cached(&format!(
                "SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE edge = ?1 ORDER BY seq"
            ))
            .map_err(&sql)?;
        for (e, s, r, t) in found {
            let relation: Relation = r
                .parse()
                .map_err(|x: Error| invalid(path, format!("edge {e}: {x}")))?;
            let mut evidence = Vec::new();
            let mut rows = q.query([e]).map_err(&sql)?;
            while let Some(row) = rows.next().map_err(&sql)? {
                evidence.push(evidence_row(row, path)?);
            }
            file_edges.push(NodeLinkEdge {
                source: ids[&s].clone(),
                target: ids[&t].clone(),
                key: relation,
                relation,
                evidence,
            });
        }
    }
    file_nodes.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
    file_edges.sort_by(|a, b| {
        (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
    });
    Graph::from_node_link(NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphMeta {
            schema_version: SCHEMA_VERSION,
            name: graph_name(path),
        },
        nodes: file_nodes,
        edges: file_edges,
    })
    .map_err(|e| invalid(path, e.to_string()))
}

/// What a write of statements reads: the entities some names and ids name (and the ids a
/// new entity could take beside them, `ID-2`, `ID-3`, ...), every edge between two of
/// those, and the edges holding evidence from some documents. Adding statements, and
/// replacing a document's evidence, touch nothing else ([`Graph::add_statement`],
/// [`Graph::remove_document`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    pub names: BTreeSet<String>,
    pub ids: BTreeSet<String>,
    pub docs: BTreeSet<String>,
}

impl Keys {
    /// An entity's id and every name.
    pub fn add_entity(&mut self, e: &crate::model::Entity) {
        self.ids.insert(e.id.0.clone());
        self.names.extend(e.names().map(str::to_string));
    }

    /// Both ends of a statement.
    pub fn add_statement(&mut self, s: &crate::model::Statement) {
        self.add_entity(&s.source);
        self.add_entity(&s.target);
    }

    /// Whether every key of `other` is here.
    pub fn covers(&self, other: &Keys) -> bool {
        other.names.is_subset(&self.names)
            && other.ids.is_subset(&self.ids)
            && other.docs.is_subset(&self.docs)
    }

    pub fn extend(&mut self, other: Keys) {
        self.names.extend(other.names);
        self.ids.extend(other.ids);
        self.docs.extend(other.docs);
    }
}

/// The part of the graph `keys` name (see [`Keys`]), and the entities in it that have
/// edges outside it (which removing a document's evidence must not take for isolated).
pub(crate) fn read_keyed(
    conn: &Connection,
    path: &Path,
    keys: &Keys,
) -> Result<(Graph, BTreeSet<EntityId>), Error> {
    let sql = |e| in_db(path, "read", e);
    let mut nodes = BTreeSet::new();
    let mut edges = BTreeSet::new();
    let rows = |q: &str, arg: &dyn rusqlite::ToSql| -> Result<Vec<i64>, Error> {
        conn.prepare_cached(q)
            .and_then(|mut st| st.query_map([arg], |r| r.get(0))?.collect())
            .map_err(sql)
    };
    for name in &keys.names {
        // a name may be an id (Graph::lookup)
        nodes.extend(rows(
            "SELECT rowid FROM entities WHERE id = ?1",
            &name.trim(),
        )?);
    }
    for id in &keys.ids {
        let id = id.trim();
        nodes.extend(rows("SELECT rowid FROM entities WHERE id = ?1", &id)?);
        // the ids a new entity of this id could be given: ID-2, ID-3, ...
        let mut q = conn
            .prepare_cached("SELECT rowid, id FROM entities WHERE id > ?1 AND id < ?2")
            .map_err(sql)?;
        let hits = q
            .query_map([format!("{id}-"), format!("{id}.")], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(sql)?;
        for hit in hits {
            let (rowid, other) = hit.map_err(sql)?;
            let suffix = &other[id.len() + 1..];
            if !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_digit()) {
                nodes.insert(rowid);
            }
        }
    }
    for name in &keys.names {
        let key = normalize_name(name);
        if key.is_empty() {
            continue;
        }
        nodes.extend(rows("SELECT rowid FROM entities WHERE norm = ?1", &key)?);
        nodes.extend(rows("SELECT entity FROM aliases WHERE norm = ?1", &key)?);
    }
    for doc in &keys.docs {
        for e in rows("SELECT DISTINCT edge FROM evidence WHERE doc = ?1", doc)? {
            let (s, t): (i64, i64) = conn
                .prepare_cached("SELECT source, target FROM edges WHERE rowid = ?1")
                .and_then(|mut q| q.query_row([e], |r| Ok((r.get(0)?, r.get(1)?))))
                .map_err(sql)?;
            nodes.extend([s, t]);
            edges.insert(e);
        }
    }
    // the edges between two of the entities: from each, its out-edges if it has fewer
    // than there are entities, else a seek per pair, so a hub costs no more than the pairs
    {
        let mut out = conn
            .prepare_cached("SELECT rowid, target FROM edges WHERE source = ?1 LIMIT ?2")
            .map_err(sql)?;
        let mut pair = conn
            .prepare_cached("SELECT rowid FROM edges WHERE source = ?1 AND target = ?2")
            .map_err(sql)?;
        let n = nodes.len() as i64;
        for &s in &nodes {
            let few: Vec<(i64, i64)> = out
                .query_map([s, n], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
                .map_err(sql)?;
            if (few.len() as i64) < n {
                edges.extend(
                    few.iter()
                        .filter(|(_, t)| nodes.contains(t))
                        .map(|(e, _)| *e),
                );
                continue;
            }
            for &t in &nodes {
                if s != t {
                    let found: Vec<i64> = pair
                        .query_map([s, t], |r| r.get(0))
                        .and_then(|rows| rows.collect())
                        .map_err(sql)?;
                    edges.extend(found);
                }
            }
        }
    }
    let mut held = BTreeSet::new();
    for &n in &nodes {
        if has_edge_outside(conn, path, n, &edges)? {
            let id: String = conn
                .prepare_cached("SELECT id FROM entities WHERE rowid = ?1")
                .and_then(|mut q| q.query_row([n], |r| r.get(0)))
                .map_err(sql)?;
            held.insert(EntityId(id));
        }
    }
    Ok((read_graph(conn, path, &nodes, &edges)?, held))
}

/// Whether entity `n` has an edge that is not in `edges`.
fn has_edge_outside(
    conn: &Connection,
    path: &Path,
    n: i64,
    edges: &BTreeSet<i64>,
) -> Result<bool, Error> {
    let sql = |e| in_db(path, "read", e);
    for q in [
        "SELECT rowid FROM edges WHERE source = ?1",
        "SELECT rowid FROM edges WHERE target = ?1",
    ] {
        let mut st = conn.prepare_cached(q).map_err(sql)?;
        let mut rows = st.query([n]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let e: i64 = r.get(0).map_err(sql)?;
            if !edges.contains(&e) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
