//! The graph in an SQLite database, the default store (`graphs/actorgraph.db`).
//!
//! In: a database path and a change to make to the [`Graph`]. Out: the graph as loaded, or
//! the change written back as one transaction that touches only the rows it changed.
//!
//! The schema (version [`DB_SCHEMA_VERSION`], kept in the `schema_version` table) is
//! public: users open the file in `sqlite3`, Datasette or DuckDB. Entities and edges have
//! integer keys (`rowid`); names are kept as written and normalized (`norm`, see
//! [`normalize_name`]) for lookups; adjacency is indexed both ways (and so each pair of entities).
//!
//! ```sql
//! entities(rowid, id UNIQUE, name, norm, kind, type, country, lat, lon, manual)
//! aliases(entity -> entities, pos, alias, norm)            -- in the order they came
//! edges(rowid, source -> entities, relation, target -> entities, evidence_count)
//!     UNIQUE(source, target, relation), INDEX(target, source, relation)
//! evidence(edge -> edges, seq, doc, date, text, span_start, span_end, producer, url,
//!          confidence)                      -- INDEX(doc), INDEX(date), UNIQUE(edge, seq)
//! documents(doc, evidence)                  -- pieces of evidence per document
//! counts(key, n)                            -- 'kind:actor', 'type:state', 'relation:supports',
//!                                           -- 'evidence', 'documents'
//! ```
//!
//! Triggers keep `documents` and `counts` right on every insert and delete, so `stats` reads
//! a few rows whatever the size of the graph.
//!
//! `meets-with` is stored once per pair, the smaller id as source, as in memory. The
//! database runs in WAL mode (readers never block the writer, nor the writer them) with
//! `synchronous = FULL`, so a committed write survives a crash of the process or the
//! machine; a killed writer leaves the last committed state. Writers also hold the
//! graph's lock file ([`super::store::lock`]), which serializes them across processes and
//! gives the same `--wait` behaviour as the JSON file.
//!
//! The code that reads and writes rows runs on PostgreSQL too ([`super::postgres`]),
//! through [`super::sql::Sql`]; only the schema text and the transactions differ.
//!
//! A write loads the graph, records a fingerprint of every entity and edge, runs the
//! change, and writes only what differs: entities added, changed or gone, edges added or
//! gone, and evidence appended (or rewritten when an edge lost some).

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::file::{GraphMeta, NodeLink, NodeLinkEdge, NodeLinkNode, SCHEMA_VERSION};
use super::part::{Keys, Lean, LeanEdges, read_keyed};
use super::sql::{DbError, Dialect, Row, Sql, params};
use super::{Graph, Node};
use crate::Error;
use crate::model::normalize_name;
use crate::model::{Entity, EntityId, EntityKind, EntityType, Evidence, Relation, Span};

/// The version of the database schema this build reads and writes.
pub const DB_SCHEMA_VERSION: i64 = 2;

/// The first 16 bytes of every SQLite database file.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    lat REAL,
    lon REAL,
    manual INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entities_norm ON entities(norm);
CREATE TABLE IF NOT EXISTS aliases (
    entity INTEGER NOT NULL REFERENCES entities(rowid),
    pos INTEGER NOT NULL,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (entity, pos)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm);
CREATE TABLE IF NOT EXISTS edges (
    rowid INTEGER PRIMARY KEY,
    source INTEGER NOT NULL REFERENCES entities(rowid),
    relation TEXT NOT NULL,
    target INTEGER NOT NULL REFERENCES entities(rowid),
    evidence_count INTEGER NOT NULL,
    UNIQUE (source, target, relation)
);
CREATE INDEX IF NOT EXISTS edges_in ON edges(target, source, relation);
CREATE TABLE IF NOT EXISTS evidence (
    edge INTEGER NOT NULL REFERENCES edges(rowid),
    seq INTEGER NOT NULL,
    doc TEXT NOT NULL,
    date TEXT,
    text TEXT NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    producer TEXT NOT NULL,
    url TEXT,
    confidence REAL NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS evidence_edge ON evidence(edge, seq);
CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc);
CREATE INDEX IF NOT EXISTS evidence_date ON evidence(date);
CREATE TABLE IF NOT EXISTS documents (doc TEXT PRIMARY KEY, evidence INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS entity_in AFTER INSERT ON entities BEGIN
    INSERT INTO counts VALUES ('kind:' || NEW.kind, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
    INSERT INTO counts VALUES ('type:' || NEW.type, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS entity_out AFTER DELETE ON entities BEGIN
    UPDATE counts SET n = n - 1 WHERE key IN ('kind:' || OLD.kind, 'type:' || OLD.type);
END;
CREATE TRIGGER IF NOT EXISTS entity_retyped AFTER UPDATE OF kind, type ON entities BEGIN
    UPDATE counts SET n = n - 1 WHERE key IN ('kind:' || OLD.kind, 'type:' || OLD.type);
    INSERT INTO counts VALUES ('kind:' || NEW.kind, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
    INSERT INTO counts VALUES ('type:' || NEW.type, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS edge_in AFTER INSERT ON edges BEGIN
    INSERT INTO counts VALUES ('relation:' || NEW.relation, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS edge_out AFTER DELETE ON edges BEGIN
    UPDATE counts SET n = n - 1 WHERE key = 'relation:' || OLD.relation;
END;
CREATE TRIGGER IF NOT EXISTS evidence_in AFTER INSERT ON evidence BEGIN
    INSERT INTO counts VALUES ('evidence', 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
    INSERT INTO documents VALUES (NEW.doc, 1) ON CONFLICT(doc) DO UPDATE SET evidence = evidence + 1;
END;
CREATE TRIGGER IF NOT EXISTS evidence_out AFTER DELETE ON evidence BEGIN
    UPDATE counts SET n = n - 1 WHERE key = 'evidence';
    UPDATE documents SET evidence = evidence - 1 WHERE doc = OLD.doc;
    DELETE FROM documents WHERE doc = OLD.doc AND evidence <= 0;
END;
CREATE TRIGGER IF NOT EXISTS document_in AFTER INSERT ON documents BEGIN
    INSERT INTO counts VALUES ('documents', 1) ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS document_out AFTER DELETE ON documents BEGIN
    UPDATE counts SET n = n - 1 WHERE key = 'documents';
END;
";

/// Whether the file at `path` starts as an SQLite database does.
pub fn is_database(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == MAGIC
}

/// An error about the graph database at `path` (a file, or a PostgreSQL URL without its
/// password); an error of the graph code that read a row passes through as it is.
pub(crate) fn in_db(path: &Path, what: &str, e: impl Into<DbError>) -> Error {
    let cause = match e.into() {
        DbError::Graph(e) => return e,
        DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            "it is not an SQLite database nor a JSON graph file".to_string()
        }
        e => e.to_string(),
    };
    Error::InFile {
        path: path.display().to_string(),
        message: format!("cannot {what}: {cause}"),
    }
}

pub(crate) fn invalid(path: &Path, message: String) -> Error {
    Error::InFile {
        path: path.display().to_string(),
        message,
    }
}

/// Opens an existing database (or, with `create`, a new one) and sets the pragmas.
pub(crate) fn open(path: &Path, create: bool) -> Result<Connection, Error> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(|e| in_db(path, "open", e))?;
    conn.busy_timeout(std::time::Duration::from_secs(60))
        .and_then(|()| conn.pragma_update(None, "journal_mode", "WAL"))
        .and_then(|()| conn.pragma_update(None, "synchronous", "FULL"))
        .map_err(|e| in_db(path, "open", e))?;
    Ok(conn)
}

/// "an SQLite database, but not an actorgraph graph", or the PostgreSQL one.
fn foreign(tx: &dyn Sql, path: &Path) -> Error {
    let what = match tx.dialect() {
        Dialect::Sqlite => "an SQLite database",
        Dialect::Postgres => "a PostgreSQL database",
    };
    invalid(
        path,
        format!("{what}, but not an actorgraph graph (no schema_version table)"),
    )
}

/// Creates the tables if they are missing; refuses a database of a newer schema, or one
/// that has tables but not ours. Returns whether it created them.
pub(crate) fn migrate(tx: &dyn Sql, path: &Path) -> Result<bool, Error> {
    let version = schema_version(tx, path)?;
    match version {
        Some(v) if v > DB_SCHEMA_VERSION => Err(newer(path, v)),
        Some(1) => {
            // version 2 added the trigger's span to evidence
            let int = match tx.dialect() {
                Dialect::Sqlite => "INTEGER",
                Dialect::Postgres => "BIGINT",
            };
            tx.batch(&format!(
                "ALTER TABLE evidence ADD COLUMN trigger_start {int};
                 ALTER TABLE evidence ADD COLUMN trigger_end {int};
                 UPDATE schema_version SET version = 2;"
            ))
            .map_err(|e| in_db(path, "upgrade the tables of", e))?;
            Ok(false)
        }
        Some(_) => Ok(false),
        None => {
            let tables = tx.count_tables(None).map_err(|e| in_db(path, "read", e))?;
            if tables > 0 {
                return Err(foreign(tx, path));
            }
            let schema = match tx.dialect() {
                Dialect::Sqlite => SCHEMA,
                Dialect::Postgres => super::postgres::SCHEMA,
            };
            tx.batch(schema)
                .and_then(|()| {
                    tx.execute(
                        "INSERT INTO schema_version(version) VALUES (?1)",
                        params![DB_SCHEMA_VERSION],
                    )
                })
                .map_err(|e| in_db(path, "create the tables in", e))?;
            Ok(true)
        }
    }
}

fn newer(path: &Path, v: i64) -> Error {
    invalid(
        path,
        format!(
            "schema_version {v} is newer than this actorgraph reads ({DB_SCHEMA_VERSION}); upgrade actorgraph"
        ),
    )
}

/// The database's schema version, `None` when it has no `schema_version` table.
fn schema_version(conn: &dyn Sql, path: &Path) -> Result<Option<i64>, Error> {
    let sql = |e| in_db(path, "read", e);
    if conn.count_tables(Some("schema_version")).map_err(sql)? == 0 {
        return Ok(None);
    }
    conn.one("SELECT max(version) FROM schema_version", &[])
        .and_then(|r| r.opt_int(0))
        .map_err(sql)
}

/// Reads the whole graph, in one read transaction (a consistent snapshot while a writer
/// commits), checked as a graph file is.
pub fn load(path: &Path) -> Result<Graph, Error> {
    let mut conn = open(path, false)?;
    let tx = conn.transaction().map_err(|e| in_db(path, "read", e))?;
    load_in(&*tx, path)
}

/// [`load`] on an open read transaction; `path` names the graph in messages.
pub(crate) fn load_in(conn: &dyn Sql, path: &Path) -> Result<Graph, Error> {
    let Some(version) = readable_version(conn, path)? else {
        return Ok(Graph::new());
    };
    let file = read_node_link(conn, path, version)?;
    Graph::from_node_link(file).map_err(|e| invalid(path, e.to_string()))
}

/// Refuses a database that is not an actorgraph graph, or of a newer schema. Returns
/// whether it has the tables: a database with no table at all (a first writer killed
/// before its commit) is an empty graph.
pub(crate) fn check_readable(conn: &dyn Sql, path: &Path) -> Result<bool, Error> {
    readable_version(conn, path).map(|v| v.is_some())
}

/// [`check_readable`], with the schema version of a database that has the tables.
pub(crate) fn readable_version(conn: &dyn Sql, path: &Path) -> Result<Option<i64>, Error> {
    match schema_version(conn, path)? {
        None => {
            let tables = conn
                .count_tables(None)
                .map_err(|e| in_db(path, "read", e))?;
            if tables == 0 {
                return Ok(None);
            }
            Err(foreign(conn, path))
        }
        Some(v) if v > DB_SCHEMA_VERSION => Err(newer(path, v)),
        Some(v) => Ok(Some(v)),
    }
}

/// Every row, as the node-link form of the graph (nodes by id, edges by key).
fn read_node_link(conn: &dyn Sql, path: &Path, version: i64) -> Result<NodeLink, Error> {
    let sql = |e| in_db(path, "read", e);
    let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
    conn.each(
        "SELECT entity, alias FROM aliases ORDER BY entity, pos",
        &[],
        &mut |r| {
            aliases.entry(r.int(0)?).or_default().push(r.text(1)?);
            Ok(())
        },
    )
    .map_err(sql)?;
    let mut ids: HashMap<i64, EntityId> = HashMap::new();
    let mut nodes = Vec::new();
    conn.each(
        &format!("SELECT {ENTITY_COLUMNS} FROM entities ORDER BY id"),
        &[],
        &mut |r| {
            let (rowid, node) = entity_row(r, &mut aliases, path)?;
            ids.insert(rowid, node.entity.id.clone());
            nodes.push(node);
            Ok(())
        },
    )
    .map_err(sql)?;
    let mut edges: Vec<(i64, NodeLinkEdge)> = Vec::new();
    conn.each(
        "SELECT rowid, source, relation, target FROM edges ORDER BY rowid",
        &[],
        &mut |r| {
            let rowid = r.int(0)?;
            let end = |k: i64| {
                ids.get(&k)
                    .cloned()
                    .ok_or_else(|| invalid(path, format!("edge {rowid} names unknown entity {k}")))
            };
            let source = end(r.int(1)?)?;
            let target = end(r.int(3)?)?;
            let relation: Relation = r
                .text(2)?
                .parse()
                .map_err(|e: Error| invalid(path, format!("edge {rowid}: {e}")))?;
            edges.push((
                rowid,
                NodeLinkEdge {
                    source,
                    target,
                    key: relation,
                    relation,
                    evidence: Vec::new(),
                },
            ));
            Ok(())
        },
    )
    .map_err(sql)?;
    read_evidence(conn, path, &mut edges, version)?;
    let mut edges: Vec<NodeLinkEdge> = edges.into_iter().map(|(_, e)| e).collect();
    edges.sort_by(|a, b| {
        (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
    });
    Ok(NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphMeta {
            schema_version: SCHEMA_VERSION,
            name: graph_name(path),
        },
        nodes,
        edges,
    })
}

/// The columns [`entity_row`] reads.
pub(crate) const ENTITY_COLUMNS: &str = "rowid, id, name, kind, type, country, lat, lon, manual";

/// An entity from a row of [`ENTITY_COLUMNS`], taking its aliases from `aliases`.
pub(crate) fn entity_row(
    r: &Row,
    aliases: &mut HashMap<i64, Vec<String>>,
    path: &Path,
) -> Result<(i64, NodeLinkNode), DbError> {
    let rowid = r.int(0)?;
    let id = EntityId(r.text(1)?);
    let bad = |m: Error| invalid(path, format!("entity '{id}': {m}"));
    let kind: EntityKind = r.text(3)?.parse().map_err(bad)?;
    let etype: EntityType = r.text(4)?.parse().map_err(bad)?;
    if etype.kind() != kind {
        return Err(invalid(
            path,
            format!("entity '{id}' has type '{etype}', which is not a kind of {kind}"),
        )
        .into());
    }
    let manual = r.int(8)?;
    let entity = Entity {
        id,
        name: r.text(2)?,
        kind,
        etype,
        aliases: aliases.remove(&rowid).unwrap_or_default(),
        country: r.opt_text(5)?,
        lat: r.opt_real(6)?,
        lon: r.opt_real(7)?,
    };
    Ok((
        rowid,
        NodeLinkNode {
            entity,
            manual: manual != 0,
        },
    ))
}

/// The columns [`evidence_row`] reads (the first is the edge's rowid, which it skips).
pub(crate) const EVIDENCE_COLUMNS: &str = "edge, doc, date, text, span_start, span_end, producer, url, confidence, trigger_start, trigger_end";

/// [`EVIDENCE_COLUMNS`] in a database of schema `version` (version 1 had no trigger).
pub(crate) fn evidence_columns(version: i64) -> &'static str {
    if version >= 2 {
        EVIDENCE_COLUMNS
    } else {
        "edge, doc, date, text, span_start, span_end, producer, url, confidence, NULL, NULL"
    }
}

/// A byte span from two nullable columns: both or neither, start before end.
fn span_at(
    r: &Row,
    at: usize,
    what: &str,
    edge: i64,
    path: &Path,
) -> Result<Option<Span>, DbError> {
    match (r.opt_int(at)?, r.opt_int(at + 1)?) {
        (Some(s), Some(e)) if 0 <= s && s <= e => Ok(Some(Span {
            start: s as usize,
            end: e as usize,
        })),
        (None, None) => Ok(None),
        _ => Err(invalid(path, format!("evidence of edge {edge} has a bad {what}")).into()),
    }
}

/// A piece of evidence from a row of [`EVIDENCE_COLUMNS`].
pub(crate) fn evidence_row(r: &Row, path: &Path) -> Result<Evidence, DbError> {
    let edge = r.int(0)?;
    Ok(Evidence {
        doc: r.text(1)?,
        date: r.opt_text(2)?,
        text: r.text(3)?,
        span: span_at(r, 4, "span", edge, path)?,
        trigger: span_at(r, 9, "trigger span", edge, path)?,
        producer: r.text(6)?,
        url: r.opt_text(7)?,
        confidence: r.real(8)? as f32,
    })
}

/// Fills in each edge's evidence (edges sorted by rowid), in its order.
fn read_evidence(
    conn: &dyn Sql,
    path: &Path,
    edges: &mut [(i64, NodeLinkEdge)],
    version: i64,
) -> Result<(), Error> {
    let mut at = 0;
    conn.each(
        &format!(
            "SELECT {} FROM evidence ORDER BY edge, seq",
            evidence_columns(version)
        ),
        &[],
        &mut |r| {
            let edge = r.int(0)?;
            while at < edges.len() && edges[at].0 < edge {
                at += 1;
            }
            if at == edges.len() || edges[at].0 != edge {
                return Err(invalid(path, format!("evidence names unknown edge {edge}")).into());
            }
            edges[at].1.evidence.push(evidence_row(r, path)?);
            Ok(())
        },
    )
    .map_err(|e| in_db(path, "read", e))?;
    if let Some((rowid, _)) = edges.iter().find(|(_, e)| e.evidence.is_empty()) {
        return Err(invalid(path, format!("edge {rowid} has no evidence")));
    }
    Ok(())
}

/// The graph's name: the file stem, as for graph files; for PostgreSQL, the database's.
pub(crate) fn graph_name(path: &Path) -> String {
    if let Some(name) = super::postgres::database_name(path) {
        return name;
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "actorgraph".into())
}

/// Read-modify-write in one transaction: loads the graph (an empty one when the database
/// is new, which it then creates), runs `change`, writes what changed, commits. A failed
/// change writes nothing, and a database that did not exist is not left behind. Call
/// with the graph's lock held. Returns the change's value and whether the database is new.
pub fn update<T>(
    path: &Path,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<(T, bool), Error> {
    let created = !path.exists();
    write_transaction(path, |tx| update_in(tx, path, change)).map(|(v, _)| (v, created))
}

/// Runs `work` in one write transaction on the database at `path` (created if missing)
/// and commits it; on failure nothing is written, and a database that did not exist
/// before is removed again.
fn write_transaction<T>(
    path: &Path,
    work: impl FnOnce(&dyn Sql) -> Result<T, Error>,
) -> Result<T, Error> {
    let created = !path.exists();
    let result = (|| {
        let mut conn = open(path, true)?;
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| in_db(path, "write", e))?;
        let value = work(&*tx)?;
        tx.commit().map_err(|e| in_db(path, "write", e))?;
        Ok(value)
    })();
    if created && result.is_err() {
        remove_database(path);
    }
    result
}

/// [`update`] in an open write transaction, which the caller commits. Returns the
/// change's value and whether the tables were created.
pub(crate) fn update_in<T>(
    tx: &dyn Sql,
    path: &Path,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<(T, bool), Error> {
    let created = migrate(tx, path)?;
    let file = read_node_link(tx, path, DB_SCHEMA_VERSION)?;
    let mut graph = Graph::from_node_link(file).map_err(|e| invalid(path, e.to_string()))?;
    let before = Snapshot::of(&graph);
    let value = change(&mut graph)?;
    write_changes(tx, path, &before, &graph)?;
    Ok((value, created))
}

/// [`update`] for a change that only adds statements and replaces documents' evidence:
/// reads only the part of the graph `keys` names ([`Keys`]), asking `keys` again with the
/// part read so far until it names nothing new (at most four rounds; a name that resolves
/// through the graph can bring in more names), then runs `change` on that part and writes
/// what it changed. Entities with edges outside the part are kept while `change` runs as
/// if added by hand, so that replacing a document's evidence does not take them for
/// isolated; that mark is not written.
pub fn update_part<T>(
    path: &Path,
    keys: impl Fn(&Graph) -> Keys,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<(T, bool), Error> {
    let created = !path.exists();
    write_transaction(path, |tx| update_part_in(tx, path, keys, change)).map(|(v, _)| (v, created))
}

/// [`update_part`] in an open write transaction, which the caller commits. Returns the
/// change's value and whether the tables were created.
pub(crate) fn update_part_in<T>(
    tx: &dyn Sql,
    path: &Path,
    keys: impl Fn(&Graph) -> Keys,
    change: impl FnOnce(&mut Graph) -> Result<T, Error>,
) -> Result<(T, bool), Error> {
    let created = migrate(tx, path)?;
    let mut wanted = Keys::default();
    let mut graph = Graph::new();
    let mut held = std::collections::BTreeSet::new();
    let mut lean = LeanEdges::new();
    for _ in 0..4 {
        let more = keys(&graph);
        if wanted.covers(&more) {
            break;
        }
        wanted.extend(more);
        (graph, held, lean) = read_keyed(tx, path, &wanted)?;
    }
    let before = Snapshot {
        lean,
        ..Snapshot::of(&graph)
    };
    let marked: Vec<EntityId> = held
        .into_iter()
        .filter(|id| graph.mark_manual(id, true))
        .collect();
    let value = change(&mut graph)?;
    for id in &marked {
        graph.mark_manual(id, false);
    }
    write_changes(tx, path, &before, &graph)?;
    Ok((value, created))
}

/// Removes a database and its WAL files (after a failed first write).
fn remove_database(path: &Path) {
    let _ = std::fs::remove_file(path);
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

/// Writes a whole graph into a new database at `path`, which must not exist.
pub fn create(graph: &Graph, path: &Path) -> Result<(), Error> {
    if path.exists() {
        return Err(invalid(path, "already exists; give a new file".into()));
    }
    write_transaction(path, |tx| create_in(tx, path, graph))
}

/// Creates the tables and writes a whole graph, in an open write transaction.
pub(crate) fn create_in(tx: &dyn Sql, path: &Path, graph: &Graph) -> Result<(), Error> {
    migrate(tx, path)?;
    write_changes(tx, path, &Snapshot::default(), graph)
}

/// What each entity and edge looked like before a change: a hash of the entity, and the
/// number of pieces of evidence with a hash of them in order; and the edges read with only
/// part of their evidence.
#[derive(Default)]
struct Snapshot {
    entities: HashMap<EntityId, u64>,
    edges: HashMap<(EntityId, Relation, EntityId), (usize, u64)>,
    lean: LeanEdges,
}

impl Snapshot {
    fn of(graph: &Graph) -> Snapshot {
        let entities = graph
            .g
            .node_weights()
            .map(|n| (n.entity.id.clone(), node_hash(n)))
            .collect();
        let edges = graph
            .edges()
            .map(|e| {
                let key = (e.source.clone(), e.relation, e.target.clone());
                (key, (e.evidence.len(), evidence_hash(e.evidence)))
            })
            .collect();
        Snapshot {
            entities,
            edges,
            lean: LeanEdges::new(),
        }
    }
}

fn node_hash(n: &Node) -> u64 {
    let e = &n.entity;
    let mut h = DefaultHasher::new();
    (&e.name, e.kind, e.etype, &e.aliases, &e.country, n.manual).hash(&mut h);
    (e.lat.map(f64::to_bits), e.lon.map(f64::to_bits)).hash(&mut h);
    h.finish()
}

/// A hash of a list of evidence, folded piece by piece so that a prefix's hash is a step
/// on the way to the whole list's.
fn evidence_hash(list: &[Evidence]) -> u64 {
    list.iter().fold(0, fold_evidence)
}

fn fold_evidence(acc: u64, ev: &Evidence) -> u64 {
    let mut h = DefaultHasher::new();
    acc.hash(&mut h);
    (&ev.doc, &ev.date, &ev.text, ev.span, &ev.producer, &ev.url).hash(&mut h);
    ev.confidence.to_bits().hash(&mut h);
    h.finish()
}

/// Writes the difference between `before` and `graph`.
fn write_changes(tx: &dyn Sql, path: &Path, before: &Snapshot, graph: &Graph) -> Result<(), Error> {
    let sql = |e| in_db(path, "write", e);
    let mut w = Writer::new(tx);
    // edges that are gone, then entities that are gone
    for (s, relation, t) in before.edges.keys() {
        let live = match (graph.index(s), graph.index(t)) {
            (Some(a), Some(b)) => graph.find_edge(a, *relation, b).is_some(),
            _ => false,
        };
        if !live {
            // an edge read lean keeps a piece from a document the change does not replace
            debug_assert!(!before.lean.contains_key(&(s.clone(), *relation, t.clone())));
            w.delete_edge(s, *relation, t).map_err(sql)?;
        }
    }
    for id in before.entities.keys() {
        if graph.index(id).is_none() {
            w.delete_entity(id).map_err(sql)?;
        }
    }
    for n in graph.g.node_weights() {
        if before.entities.get(&n.entity.id) != Some(&node_hash(n)) {
            w.upsert_entity(n).map_err(sql)?;
        }
    }
    for e in graph.edges() {
        let key = (e.source.clone(), e.relation, e.target.clone());
        match before.edges.get(&key) {
            None => w
                .insert_edge(e.source, e.relation, e.target, e.evidence)
                .map_err(sql)?,
            Some(&(len, hash)) => {
                let appended = e.evidence.len() >= len && evidence_hash(&e.evidence[..len]) == hash;
                if appended && e.evidence.len() == len {
                    continue;
                }
                let keep = if appended { len } else { 0 };
                let edge = (e.source, e.relation, e.target);
                match before.lean.get(&key) {
                    Some(lean) => w.rewrite_lean(edge, lean, keep, e.evidence),
                    None => w.rewrite_evidence(edge, keep, e.evidence),
                }
                .map_err(sql)?;
            }
        }
    }
    Ok(())
}

/// The statements of [`write_changes`], and the rowids it has looked up.
struct Writer<'c> {
    tx: &'c dyn Sql,
    rowids: HashMap<EntityId, i64>,
}

/// An edge or entity that a write expected and did not find.
fn missing(what: &str) -> DbError {
    DbError::Type(format!("{what} is missing from the database"))
}

impl<'c> Writer<'c> {
    fn new(tx: &'c dyn Sql) -> Writer<'c> {
        Writer {
            tx,
            rowids: HashMap::new(),
        }
    }

    fn entity_rowid(&mut self, id: &EntityId) -> Result<Option<i64>, DbError> {
        if let Some(&r) = self.rowids.get(id) {
            return Ok(Some(r));
        }
        let r = self
            .tx
            .opt_int("SELECT rowid FROM entities WHERE id = ?1", params![&id.0])?;
        if let Some(r) = r {
            self.rowids.insert(id.clone(), r);
        }
        Ok(r)
    }

    fn edge_rowid(
        &mut self,
        s: &EntityId,
        relation: Relation,
        t: &EntityId,
    ) -> Result<Option<i64>, DbError> {
        let (Some(s), Some(t)) = (self.entity_rowid(s)?, self.entity_rowid(t)?) else {
            return Ok(None);
        };
        self.tx.opt_int(
            "SELECT rowid FROM edges WHERE source = ?1 AND relation = ?2 AND target = ?3",
            params![s, relation.as_str(), t],
        )
    }

    fn delete_edge(
        &mut self,
        s: &EntityId,
        relation: Relation,
        t: &EntityId,
    ) -> Result<(), DbError> {
        if let Some(e) = self.edge_rowid(s, relation, t)? {
            self.tx
                .execute("DELETE FROM evidence WHERE edge = ?1", params![e])?;
            self.tx
                .execute("DELETE FROM edges WHERE rowid = ?1", params![e])?;
        }
        Ok(())
    }

    fn delete_entity(&mut self, id: &EntityId) -> Result<(), DbError> {
        if let Some(r) = self.entity_rowid(id)? {
            self.tx
                .execute("DELETE FROM aliases WHERE entity = ?1", params![r])?;
            self.tx
                .execute("DELETE FROM entities WHERE rowid = ?1", params![r])?;
            self.rowids.remove(id);
        }
        Ok(())
    }

    fn upsert_entity(&mut self, n: &Node) -> Result<(), DbError> {
        let e = &n.entity;
        let rowid = self
            .tx
            .one(
                "INSERT INTO entities(id, name, norm, kind, type, country, lat, lon, manual)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT(id) DO UPDATE SET name = excluded.name, norm = excluded.norm,
                   kind = excluded.kind, type = excluded.type, country = excluded.country,
                   lat = excluded.lat, lon = excluded.lon, manual = excluded.manual
                 RETURNING rowid",
                params![
                    &e.id.0,
                    &e.name,
                    normalize_name(&e.name),
                    e.kind.as_str(),
                    e.etype.as_str(),
                    &e.country,
                    e.lat,
                    e.lon,
                    i64::from(n.manual)
                ],
            )?
            .int(0)?;
        self.rowids.insert(e.id.clone(), rowid);
        self.tx
            .execute("DELETE FROM aliases WHERE entity = ?1", params![rowid])?;
        for (pos, alias) in e.aliases.iter().enumerate() {
            self.tx.execute(
                "INSERT INTO aliases(entity, pos, alias, norm) VALUES (?1, ?2, ?3, ?4)",
                params![rowid, pos as i64, alias, normalize_name(alias)],
            )?;
        }
        Ok(())
    }

    fn insert_edge(
        &mut self,
        s: &EntityId,
        relation: Relation,
        t: &EntityId,
        evidence: &[Evidence],
    ) -> Result<(), DbError> {
        let (Some(s), Some(t)) = (self.entity_rowid(s)?, self.entity_rowid(t)?) else {
            return Err(missing("an end of a new edge"));
        };
        let edge = self
            .tx
            .one(
                "INSERT INTO edges(source, relation, target, evidence_count) VALUES (?1, ?2, ?3, ?4)
                 RETURNING rowid",
                params![s, relation.as_str(), t, evidence.len() as i64],
            )?
            .int(0)?;
        self.insert_evidence(edge, 0, evidence)
    }

    /// Keeps the edge's first `keep` pieces of evidence and writes the rest of `evidence`
    /// after them.
    fn rewrite_evidence(
        &mut self,
        (s, relation, t): (&EntityId, Relation, &EntityId),
        keep: usize,
        evidence: &[Evidence],
    ) -> Result<(), DbError> {
        let edge = self.changed_edge(s, relation, t)?;
        // by position, not number: pieces replaced by a lean write leave gaps
        self.tx.execute(
            "DELETE FROM evidence WHERE edge = ?1 AND seq >= (SELECT seq FROM evidence
             WHERE edge = ?1 ORDER BY seq LIMIT 1 OFFSET ?2)",
            params![edge, keep as i64],
        )?;
        self.append_evidence(edge, evidence.len() as i64, &evidence[keep..])
    }

    /// [`Self::rewrite_evidence`] for an edge read lean: `evidence` is what was read of it
    /// (`lean.seqs`), changed; the pieces read from the first changed one on are replaced
    /// by the rest of `evidence`, after every other piece.
    fn rewrite_lean(
        &mut self,
        (s, relation, t): (&EntityId, Relation, &EntityId),
        lean: &Lean,
        keep: usize,
        evidence: &[Evidence],
    ) -> Result<(), DbError> {
        let edge = self.changed_edge(s, relation, t)?;
        for &seq in &lean.seqs[keep.min(lean.seqs.len())..] {
            self.tx.execute(
                "DELETE FROM evidence WHERE edge = ?1 AND seq = ?2",
                params![edge, seq],
            )?;
        }
        let unread = lean.total - lean.seqs.len() as i64;
        self.append_evidence(edge, unread + evidence.len() as i64, &evidence[keep..])
    }

    fn changed_edge(
        &mut self,
        s: &EntityId,
        relation: Relation,
        t: &EntityId,
    ) -> Result<i64, DbError> {
        self.edge_rowid(s, relation, t)?
            .ok_or_else(|| missing("an edge whose evidence changed"))
    }

    /// Writes `list` after the edge's last piece of evidence and sets its count.
    fn append_evidence(&mut self, edge: i64, count: i64, list: &[Evidence]) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE edges SET evidence_count = ?2 WHERE rowid = ?1",
            params![edge, count],
        )?;
        let next = self
            .tx
            .one(
                "SELECT COALESCE(MAX(seq) + 1, 0) FROM evidence WHERE edge = ?1",
                params![edge],
            )?
            .int(0)?;
        self.insert_evidence(edge, next as usize, list)
    }

    fn insert_evidence(
        &mut self,
        edge: i64,
        first: usize,
        list: &[Evidence],
    ) -> Result<(), DbError> {
        for (i, ev) in list.iter().enumerate() {
            self.tx.execute(
                "INSERT INTO evidence(edge, seq, doc, date, text, span_start, span_end, producer, url, confidence, trigger_start, trigger_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    edge,
                    (first + i) as i64,
                    &ev.doc,
                    &ev.date,
                    &ev.text,
                    ev.span.map(|s| s.start as i64),
                    ev.span.map(|s| s.end as i64),
                    &ev.producer,
                    &ev.url,
                    f64::from(ev.confidence),
                    ev.trigger.map(|s| s.start as i64),
                    ev.trigger.map(|s| s.end as i64)
                ],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Statement};

    fn statement(s: &str, t: &str, doc: &str) -> Statement {
        Statement {
            source: Entity::new(s, EntityType::State),
            relation: Relation::Supports,
            target: Entity::new(t, EntityType::ArmedGroup),
            evidence: Evidence {
                doc: doc.into(),
                date: Some("2024-12-01".into()),
                text: format!("{s} backs {t}."),
                span: Some(Span { start: 0, end: 9 }),
                trigger: None,
                producer: "manual".into(),
                url: None,
                confidence: 0.5,
            },
        }
    }

    fn same(a: &Graph, b: &Graph) {
        assert_eq!(a.to_node_link("g"), b.to_node_link("g"));
    }

    #[test]
    fn writes_only_what_changed_and_reads_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        let (_, created) = update(&path, |g| {
            g.add_statement(statement("Iran", "Houthis", "a"));
            g.add_statement(statement("Iran", "Hezbollah", "a"));
            Ok(())
        })
        .unwrap();
        assert!(created && is_database(&path));
        // append to one edge, drop a document, curate: each visible after a reload
        let (expected, created) = update(&path, |g| {
            g.add_statement(statement("Iran", "Houthis", "b"));
            g.remove_document("a");
            g.add_statement(statement("Russia", "Houthis", "c"));
            let iran = g.resolve("Iran")?;
            g.add_alias(&iran, "Tehran")?;
            Ok(g.clone())
        })
        .unwrap();
        assert!(!created);
        let loaded = load(&path).unwrap();
        same(&loaded, &expected);
        assert_eq!(loaded.edge_count(), 2);
        let conn = Connection::open(&path).unwrap();
        let count = |q: &str| -> i64 { conn.query_row(q, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM evidence"), 2);
        assert_eq!(count("SELECT count(*) FROM entities"), 3);
        assert_eq!(
            count("SELECT count(*) FROM aliases WHERE norm = 'tehran'"),
            1
        );
    }

    #[test]
    fn a_failed_change_writes_nothing_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        let r: Result<((), bool), Error> = update(&path, |g| {
            g.add_statement(statement("Iran", "Houthis", "a"));
            Err(Error::Invalid("no".into()))
        });
        assert!(r.is_err());
        assert!(!path.exists());
        update(&path, |g| {
            g.add_statement(statement("Iran", "Houthis", "a"));
            Ok(())
        })
        .unwrap();
        let _ = update(&path, |g| -> Result<(), Error> {
            g.remove_document("a");
            Err(Error::Invalid("no".into()))
        });
        assert_eq!(load(&path).unwrap().edge_count(), 1);
    }

    #[test]
    fn create_writes_a_whole_graph_that_loads_the_same() {
        let mut g = Graph::new();
        for (i, t) in ["Houthis", "Hezbollah", "Hamas"].iter().enumerate() {
            g.add_statement(statement("Iran", t, &format!("d{i}")));
        }
        g.add_entity(Entity::new("Sanaa", EntityType::City));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        create(&g, &path).unwrap();
        same(&load(&path).unwrap(), &g);
        assert!(create(&g, &path).is_err(), "refuses to overwrite");
    }

    #[test]
    fn foreign_and_newer_databases_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(
            e.ends_with("not an actorgraph graph (no schema_version table)"),
            "{e}"
        );
        assert!(update(&path, |_| Ok(())).is_err());
        let newer = dir.path().join("newer.db");
        update(&newer, |_| Ok(())).unwrap();
        Connection::open(&newer)
            .unwrap()
            .execute_batch("UPDATE schema_version SET version = 99")
            .unwrap();
        let e = load(&newer).unwrap_err().to_string();
        assert!(
            e.contains("schema_version 99 is newer than this actorgraph reads (2)"),
            "{e}"
        );
        let text = dir.path().join("text.db");
        std::fs::write(&text, "hello, this is not a database at all").unwrap();
        let e = load(&text).unwrap_err().to_string();
        assert!(e.contains("not an SQLite database"), "{e}");
    }
}
