//! The part of a graph database that one query needs, read through its indexes.
//!
//! In: an SQLite or PostgreSQL graph ([`super::sqlite`], [`super::postgres`]) and what a query asks: names, a depth, the
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

use super::Graph;
use super::file::{GraphMeta, NodeLink, NodeLinkEdge, SCHEMA_VERSION};
use super::query::Stats;
use super::sql::{DbError, Sql, params};
use super::sqlite::{
    ENTITY_COLUMNS, EVIDENCE_COLUMNS, entity_row, evidence_columns, evidence_row, graph_name,
    in_db, invalid, open, readable_version,
};
use crate::Error;
use crate::model::{EntityId, Evidence, Relation, normalize_name};

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
    conn: Box<dyn Sql>,
    path: PathBuf,
    /// The database's schema version.
    version: i64,
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
        Reader::begun(Box::new(conn), path)
    }

    /// A reader on a connection whose read transaction has begun; `path` names the graph
    /// in messages.
    pub(crate) fn begun(conn: Box<dyn Sql>, path: &Path) -> Result<Option<Reader>, Error> {
        let Some(version) = readable_version(&*conn, path)? else {
            return Ok(None);
        };
        Ok(Some(Reader {
            conn,
            path: path.to_path_buf(),
            version,
        }))
    }

    fn sql(&self) -> impl Fn(DbError) -> Error + '_ {
        |e| in_db(&self.path, "read", e)
    }

    /// The entity `name` names exactly, as [`Graph::lookup`] decides on a whole graph: an
    /// id first, then a canonical name (the smallest id of those that have it), then an
    /// alias (likewise). `None` when no entity has that exact name.
    pub fn lookup(&self, name: &str) -> Result<Option<i64>, Error> {
        let sql = self.sql();
        let by_id = self
            .conn
            .opt_int(
                "SELECT rowid FROM entities WHERE id = ?1",
                params![name.trim()],
            )
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
            .opt_int(
                "SELECT rowid FROM entities WHERE norm = ?1 ORDER BY id LIMIT 1",
                params![&key],
            )
            .map_err(&sql)?;
        if by_name.is_some() {
            return Ok(by_name);
        }
        self.conn
            .opt_int(
                "SELECT e.rowid FROM aliases a JOIN entities e ON e.rowid = a.entity
                 WHERE a.norm = ?1 ORDER BY e.id LIMIT 1",
                params![&key],
            )
            .map_err(&sql)
    }

    /// What [`Graph::stats`] says of the whole graph, from the counts the triggers keep.
    pub fn stats(&self) -> Result<Stats, Error> {
        let sql = self.sql();
        let mut s = Stats::default();
        let rows = self
            .conn
            .rows("SELECT key, n FROM counts WHERE n > 0 ORDER BY key", &[])
            .map_err(&sql)?;
        for row in rows {
            let (key, n) = (row.text(0).map_err(&sql)?, row.int(1).map_err(&sql)?);
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
        let (first, last) = self
            .conn
            .one(
                "SELECT (SELECT min(date) FROM evidence WHERE date IS NOT NULL),
                        (SELECT max(date) FROM evidence WHERE date IS NOT NULL)",
                &[],
            )
            .and_then(|r| Ok((r.opt_text(0)?, r.opt_text(1)?)))
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
            self.conn
                .each(query, params![node], &mut |r| {
                    let relation = r.text(2)?;
                    if wanted(&relation) && (!both_ways_only || relation == meets) {
                        out.push((r.int(0)?, r.int(1)?));
                    }
                    Ok(())
                })
                .map_err(&sql)
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
        read_graph(&*self.conn, &self.path, nodes, edges, self.version)
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
    conn: &dyn Sql,
    path: &Path,
    nodes: &BTreeSet<i64>,
    edges: &BTreeSet<i64>,
    version: i64,
) -> Result<Graph, Error> {
    read_graph_with(conn, path, nodes, edges, version, None).map(|(g, _)| g)
}

/// An edge read with only part of its evidence ([`Keys::lean`]): the sequence numbers of
/// the pieces read, in order, and how many pieces it has in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lean {
    pub seqs: Vec<i64>,
    pub total: i64,
}

/// The edges of a part read lean that have evidence left unread, by (source, relation,
/// target).
pub(crate) type LeanEdges = HashMap<(EntityId, Relation, EntityId), Lean>;

/// [`read_graph`]; with `lean` documents, each edge with only its evidence from them and
/// its last other piece (and what was left unread, in [`LeanEdges`]).
fn read_graph_with(
    conn: &dyn Sql,
    path: &Path,
    nodes: &BTreeSet<i64>,
    edges: &BTreeSet<i64>,
    version: i64,
    lean: Option<&BTreeSet<String>>,
) -> Result<(Graph, LeanEdges), Error> {
    let sql = |e| in_db(path, "read", e);

    let mut nodes = nodes.clone();
    // each edge's rowid, ends, relation and count of evidence
    let mut found: Vec<(i64, i64, String, i64, i64)> = Vec::new();
    for &e in edges {
        let r = conn
            .one(
                "SELECT source, relation, target, evidence_count FROM edges WHERE rowid = ?1",
                params![e],
            )
            .map_err(sql)?;
        let (s, rel, t, count) =
            (|| Ok::<_, DbError>((r.int(0)?, r.text(1)?, r.int(2)?, r.int(3)?)))().map_err(sql)?;
        nodes.extend([s, t]);
        found.push((e, s, rel, t, count));
    }
    let mut ids: HashMap<i64, EntityId> = HashMap::new();
    let mut file_nodes = Vec::new();
    for &n in &nodes {
        let mut list = Vec::new();
        conn.each(
            "SELECT alias FROM aliases WHERE entity = ?1 ORDER BY pos",
            params![n],
            &mut |r| {
                list.push(r.text(0)?);
                Ok(())
            },
        )
        .map_err(sql)?;
        let mut aliases = HashMap::from([(n, list)]);
        let Some(r) = conn
            .opt(
                &format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE rowid = ?1"),
                params![n],
            )
            .map_err(sql)?
        else {
            return Err(invalid(path, format!("no entity {n}")));
        };
        let (rowid, node) = entity_row(&r, &mut aliases, path).map_err(sql)?;
        ids.insert(rowid, node.entity.id.clone());
        file_nodes.push(node);
    }
    let mut file_edges = Vec::new();
    let mut unread = LeanEdges::new();
    let mut of_docs = match lean {
        Some(docs) => evidence_of_docs(conn, path, docs)?,
        None => HashMap::new(),
    };
    for (e, s, r, t, total) in found {
        let relation: Relation = r
            .parse()
            .map_err(|x: Error| invalid(path, format!("edge {e}: {x}")))?;
        let evidence = match lean {
            None => all_evidence(conn, path, e, version)?,
            Some(docs) => {
                let (evidence, seqs) = lean_evidence(conn, path, e, total, docs, &mut of_docs)?;
                if seqs.len() < total as usize {
                    let key = (ids[&s].clone(), relation, ids[&t].clone());
                    unread.insert(key, Lean { seqs, total });
                }
                evidence
            }
        };
        file_edges.push(NodeLinkEdge {
            source: ids[&s].clone(),
            target: ids[&t].clone(),
            key: relation,
            relation,
            evidence,
        });
    }
    file_nodes.sort_by(|a, b| a.entity.id.cmp(&b.entity.id));
    file_edges.sort_by(|a, b| {
        (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
    });
    let graph = Graph::from_node_link(NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphMeta {
            schema_version: SCHEMA_VERSION,
            name: graph_name(path),
        },
        nodes: file_nodes,
        edges: file_edges,
    })
    .map_err(|e| invalid(path, e.to_string()))?;
    Ok((graph, unread))
}

/// Every piece of an edge's evidence, in order.
fn all_evidence(
    conn: &dyn Sql,
    path: &Path,
    edge: i64,
    version: i64,
) -> Result<Vec<Evidence>, Error> {
    let mut evidence = Vec::new();
    conn.each(
        &format!(
            "SELECT {} FROM evidence WHERE edge = ?1 ORDER BY seq",
            evidence_columns(version)
        ),
        params![edge],
        &mut |row| {
            evidence.push(evidence_row(row, path)?);
            Ok(())
        },
    )
    .map_err(|e| in_db(path, "read", e))?;
    Ok(evidence)
}

/// A piece of evidence with its edge's rowid and its sequence number.
type Numbered = (i64, i64, Evidence);

/// The evidence of some documents, by edge (read by the index on `doc`).
fn evidence_of_docs(
    conn: &dyn Sql,
    path: &Path,
    docs: &BTreeSet<String>,
) -> Result<HashMap<i64, Vec<Numbered>>, Error> {
    let mut out: HashMap<i64, Vec<Numbered>> = HashMap::new();
    for doc in docs {
        conn.each(
            &format!("SELECT {EVIDENCE_COLUMNS}, seq FROM evidence WHERE doc = ?1"),
            params![doc],
            &mut |row| {
                let ev = evidence_row(row, path)?;
                let (edge, seq) = (row.int(0)?, row.int(11)?);
                out.entry(edge).or_default().push((edge, seq, ev));
                Ok(())
            },
        )
        .map_err(|e| in_db(path, "read", e))?;
    }
    Ok(out)
}

/// An edge's evidence from `docs` (taken out of `of_docs`) and, when it has more than those
/// of its `total` pieces, its last piece from another document; in order, with their
/// sequence numbers.
fn lean_evidence(
    conn: &dyn Sql,
    path: &Path,
    edge: i64,
    total: i64,
    docs: &BTreeSet<String>,
    of_docs: &mut HashMap<i64, Vec<Numbered>>,
) -> Result<(Vec<Evidence>, Vec<i64>), Error> {
    let sql = |e| in_db(path, "read", e);
    let mut rows = of_docs.remove(&edge).unwrap_or_default();
    if (rows.len() as i64) < total {
        // the last piece from another document: a few from the end, else all of them
        let query = |limit: &str| {
            format!(
                "SELECT {EVIDENCE_COLUMNS}, seq FROM evidence WHERE edge = ?1 ORDER BY seq DESC{limit}"
            )
        };
        for q in [query(" LIMIT 8"), query("")] {
            let mut last = None;
            conn.each(&q, params![edge], &mut |row| {
                let ev = evidence_row(row, path)?;
                if last.is_none() && !docs.contains(&ev.doc) {
                    last = Some((edge, row.int(11)?, ev));
                }
                Ok(())
            })
            .map_err(sql)?;
            if let Some(found) = last {
                rows.push(found);
                break;
            }
        }
    }
    rows.sort_by_key(|r| r.1);
    let seqs = rows.iter().map(|r| r.1).collect();
    Ok((rows.into_iter().map(|r| r.2).collect(), seqs))
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
    /// The change's evidence all comes from `docs`, and it replaces each of them whole
    /// (`ingest`): edges are read with only their evidence from `docs` and their last
    /// other piece, which keeps them alive, so that a write costs what it adds, not what
    /// its edges hold already ([`Lean`]).
    pub lean: bool,
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
        self.lean |= other.lean;
    }
}

/// The part of the graph `keys` name (see [`Keys`]), and the entities in it that have
/// edges outside it (which removing a document's evidence must not take for isolated).
pub(crate) fn read_keyed(
    conn: &dyn Sql,
    path: &Path,
    keys: &Keys,
) -> Result<(Graph, BTreeSet<EntityId>, LeanEdges), Error> {
    let sql = |e| in_db(path, "read", e);
    let mut nodes = BTreeSet::new();
    let mut edges = BTreeSet::new();
    let rows = |q: &str, arg: &str| conn.ints(q, params![arg]).map_err(sql);
    for name in &keys.names {
        // a name may be an id (Graph::lookup)
        nodes.extend(rows(
            "SELECT rowid FROM entities WHERE id = ?1",
            name.trim(),
        )?);
    }
    for id in &keys.ids {
        let id = id.trim();
        nodes.extend(rows("SELECT rowid FROM entities WHERE id = ?1", id)?);
        // the ids a new entity of this id could be given: ID-2, ID-3, ...
        let hits = conn
            .rows(
                "SELECT rowid, id FROM entities WHERE id > ?1 AND id < ?2",
                params![format!("{id}-"), format!("{id}.")],
            )
            .map_err(sql)?;
        for hit in hits {
            let (rowid, other) = (hit.int(0).map_err(sql)?, hit.text(1).map_err(sql)?);
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
            let r = conn
                .one(
                    "SELECT source, target FROM edges WHERE rowid = ?1",
                    params![e],
                )
                .map_err(sql)?;
            nodes.extend([r.int(0).map_err(sql)?, r.int(1).map_err(sql)?]);
            edges.insert(e);
        }
    }
    // the edges between two of the entities: from each, its out-edges if it has fewer
    // than there are entities, else a seek per pair, so a hub costs no more than the pairs
    let n = nodes.len() as i64;
    for &s in &nodes {
        let few = conn
            .rows(
                "SELECT rowid, target FROM edges WHERE source = ?1 LIMIT ?2",
                params![s, n],
            )
            .map_err(sql)?;
        if (few.len() as i64) < n {
            for r in few {
                let (e, t) = (r.int(0).map_err(sql)?, r.int(1).map_err(sql)?);
                if nodes.contains(&t) {
                    edges.insert(e);
                }
            }
            continue;
        }
        for &t in &nodes {
            if s != t {
                let found = conn
                    .ints(
                        "SELECT rowid FROM edges WHERE source = ?1 AND target = ?2",
                        params![s, t],
                    )
                    .map_err(sql)?;
                edges.extend(found);
            }
        }
    }
    let mut held = BTreeSet::new();
    for &n in &nodes {
        if has_edge_outside(conn, path, n, &edges)? {
            let id = conn
                .one("SELECT id FROM entities WHERE rowid = ?1", params![n])
                .and_then(|r| r.text(0))
                .map_err(sql)?;
            held.insert(EntityId(id));
        }
    }
    let lean = keys.lean.then_some(&keys.docs);
    // a writer has brought the tables to this version
    let version = super::sqlite::DB_SCHEMA_VERSION;
    let (graph, lean) = read_graph_with(conn, path, &nodes, &edges, version, lean)?;
    Ok((graph, held, lean))
}

/// Whether entity `n` has an edge that is not in `edges`.
fn has_edge_outside(
    conn: &dyn Sql,
    path: &Path,
    n: i64,
    edges: &BTreeSet<i64>,
) -> Result<bool, Error> {
    // at most one more row than the part holds of its edges: a hub costs no more
    let limit = edges.len() as i64 + 1;
    for q in [
        "SELECT rowid FROM edges WHERE source = ?1 LIMIT ?2",
        "SELECT rowid FROM edges WHERE target = ?1 LIMIT ?2",
    ] {
        let found = conn
            .ints(q, params![n, limit])
            .map_err(|e| in_db(path, "read", e))?;
        if found.iter().any(|e| !edges.contains(e)) {
            return Ok(true);
        }
    }
    Ok(false)
}
