//! The JSON API of the viewer: decoded query parameters in, a [`Reply`] out (JSON, or an
//! error reply with its status). Each handler reads the part of the store it needs.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Params, Reply, Viewer};
use crate::export::dot::{Cluster, DotOptions, run_graphviz, to_dot};
use crate::graph::{Filter, Graph, NodeLink, store, timeline};
use crate::model::{EntityId, EntityKind, Evidence, Relation, parse_relations, validate_date};

/// The deepest neighbourhood the page may ask for: beyond it a picture is unreadable.
pub const MAX_DEPTH: usize = 4;

type Answer = Result<Reply, Reply>;

/// `/api/info`: the graph's name, counts, the range of evidence dates, and the day the
/// page starts at (the server's `--as-of`).
pub fn info(v: &Viewer<'_>) -> Answer {
    let s = store::stats(&v.graph)?;
    Ok(Reply::json(&json!({
        "graph": store::shown(&v.graph),
        "entities": s.entities,
        "edges": s.edges,
        "evidence": s.evidence,
        "first_date": s.first_date,
        "last_date": s.last_date,
        "as_of": v.as_of,
        "max_depth": MAX_DEPTH,
    })))
}

/// `/api/search?q=NAME`: the entity a name means, as `show NAME` would find it.
pub fn search(v: &Viewer<'_>, p: &Params) -> Answer {
    let q = p.required("q")?;
    let g = read_around(v, &[q], 0, None, false)?;
    let id = (v.find)(&g, q)?;
    Ok(Reply::json(&entity_json(&g, &id)))
}

/// `/api/graph?focus=&depth=&relations=&as_of=&min_evidence=`: the neighbourhood of an
/// entity as `render --focus X --depth N` draws it: `{focus, svg, nodes, edges}`, where
/// node `i` is the SVG element `n{i}` and edge `k` the element `e{k}`. Without Graphviz,
/// a 503 with the nodes and edges but no SVG.
pub fn graph(v: &Viewer<'_>, p: &Params) -> Answer {
    let focus = p.required("focus")?;
    let depth = p.number("depth", 2, 0, MAX_DEPTH)?;
    let min_evidence = p.number("min_evidence", 1, 1, 1_000_000)?;
    let relations = relations(p)?;
    let as_of = as_of(p)?;
    let (g, id) = read_dated(v, focus, depth, relations.as_deref(), as_of.as_deref())?;
    let mut answer = json!({ "focus": entity_json(&g, &id), "as_of": as_of });
    let sub = Filter {
        relations,
        focus: Some(id),
        depth,
        min_evidence,
        ..Filter::default()
    }
    .apply(&g)?;
    let file = sub.to_node_link("");
    if file.edges.is_empty() {
        let when = as_of
            .map(|d| format!(" on or before {d}"))
            .unwrap_or_default();
        answer["note"] = format!("no edges with these filters{when}").into();
    }
    answer["nodes"] = nodes_json(&file);
    answer["edges"] = edges_json(&file);
    Ok(with_picture(answer, &sub))
}

/// `/api/edge?source=&target=&relation=&as_of=`: every piece of evidence for one edge, as
/// `why` lists it, each with a link when its document is a URL.
pub fn edge(v: &Viewer<'_>, p: &Params) -> Answer {
    let (source, target) = (p.required("source")?, p.required("target")?);
    let relation: Relation = p.required("relation")?.parse()?;
    let as_of = as_of(p)?;
    let g = match as_of.as_deref() {
        Some(date) => timeline::as_of(&store::load(&v.graph)?, date)?,
        None => read_around(v, &[source, target], 0, None, false)?,
    };
    let (src, dst) = ((v.find)(&g, source)?, (v.find)(&g, target)?);
    let evidence: Vec<Value> = g
        .evidence_between(&src, relation, &dst)
        .iter()
        .map(evidence_json)
        .collect();
    let name = |id: &EntityId| {
        g.entity(id)
            .map_or(id.as_str(), |e| e.name.as_str())
            .to_string()
    };
    if evidence.is_empty() {
        let when = as_of
            .map(|d| format!(" on or before {d}"))
            .unwrap_or_default();
        return Err(Reply::error(
            404,
            format!(
                "no evidence that {} {relation} {}{when}",
                name(&src),
                name(&dst)
            ),
        ));
    }
    Ok(Reply::json(&json!({
        "source": entity_json(&g, &src),
        "relation": relation,
        "target": entity_json(&g, &dst),
        "evidence": evidence,
    })))
}

/// `/api/timeline?place=&as_of=`: who controlled a place over time, as `timeline PLACE`.
pub fn timeline(v: &Viewer<'_>, p: &Params) -> Answer {
    let place = p.required("place")?;
    let as_of = as_of(p)?;
    let whole = store::load(&v.graph)?;
    let id = (v.find)(&whole, place)?;
    if whole
        .entity(&id)
        .is_some_and(|e| e.kind != EntityKind::Place)
    {
        return Err(Reply::error(
            400,
            format!("'{place}' is an actor, not a place"),
        ));
    }
    let g = match as_of.as_deref() {
        Some(date) => timeline::as_of(&whole, date)?,
        None => whole,
    };
    if g.entity(&id).is_none() {
        return Ok(Reply::json(&json!({ "place": id, "steps": [] })));
    }
    Ok(Reply::json(&timeline::control(&g, &id)?))
}

/// `relations=supports,opposes`, or all when absent.
fn relations(p: &Params) -> Result<Option<Vec<Relation>>, Reply> {
    Ok(p.get("relations").map(parse_relations).transpose()?)
}

/// The day asked about (`as_of=`), checked; none is all evidence, undated too.
fn as_of(p: &Params) -> Result<Option<String>, Reply> {
    let date = p.get("as_of").map(str::to_string);
    if let Some(d) = &date {
        validate_date(d)?;
    }
    Ok(date)
}

/// The entities within `depth` hops of `names` (and, `closed`, every edge among them),
/// read through the store's part reads.
fn read_around(
    v: &Viewer<'_>,
    names: &[&str],
    depth: usize,
    relations: Option<&[Relation]>,
    closed: bool,
) -> Result<Graph, Reply> {
    Ok(store::load_part(
        &v.graph,
        &store::Part::Around {
            names: names.to_vec(),
            depth,
            relations,
            walk: store::Walk::Both,
            closed,
        },
    )?)
}

/// The graph to draw around `focus` and the focus's id: a part read, or with a date the
/// whole graph as of that day (what a walk may take depends on the dates; the focus is
/// found before, so an entity with no evidence yet is known and simply absent).
fn read_dated(
    v: &Viewer<'_>,
    focus: &str,
    depth: usize,
    relations: Option<&[Relation]>,
    as_of: Option<&str>,
) -> Result<(Graph, EntityId), Reply> {
    let Some(date) = as_of else {
        let g = read_around(v, &[focus], depth, relations, true)?;
        let id = (v.find)(&g, focus)?;
        return Ok((g, id));
    };
    let whole = store::load(&v.graph)?;
    let id = (v.find)(&whole, focus)?;
    let dated = timeline::as_of(&whole, date)?;
    if dated.entity(&id).is_none() {
        return Ok((keep_only(&whole, &id), id));
    }
    Ok((dated, id))
}

/// A graph of the one entity `id` of `g`, without edges: what the focus was before any
/// evidence.
fn keep_only(g: &Graph, id: &EntityId) -> Graph {
    let mut file = g.to_node_link("");
    file.nodes.retain(|n| &n.entity.id == id);
    file.edges.clear();
    Graph::from_node_link(file).unwrap_or_default()
}

/// The answer with the picture: `svg` (the `<svg>` element alone), or without Graphviz a
/// 503 that still carries the nodes and edges.
fn with_picture(mut answer: Value, sub: &Graph) -> Reply {
    let options = DotOptions {
        title: String::new(),
        legend: false,
        cluster: Cluster::None,
        element_ids: true,
    };
    match run_graphviz(&to_dot(sub, &options), "svg") {
        Ok(image) => {
            let svg = String::from_utf8_lossy(&image);
            answer["svg"] = svg[svg.find("<svg").unwrap_or(0)..].into();
            Reply::json(&answer)
        }
        Err(e) => {
            answer["svg"] = Value::Null;
            answer["error"] = e.to_string().into();
            Reply::json_status(503, &answer)
        }
    }
}

fn entity_json(g: &Graph, id: &EntityId) -> Value {
    match g.entity(id) {
        Some(e) => json!({ "id": e.id, "name": e.name, "kind": e.kind, "type": e.etype }),
        None => json!({ "id": id, "name": id.as_str() }),
    }
}

fn nodes_json(file: &NodeLink) -> Value {
    let nodes: Vec<Value> = file
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let e = &n.entity;
            json!({ "dom": format!("n{i}"), "id": e.id, "name": e.name, "kind": e.kind, "type": e.etype })
        })
        .collect();
    nodes.into()
}

fn edges_json(file: &NodeLink) -> Value {
    let name = |id: &EntityId| {
        file.nodes
            .iter()
            .find(|n| &n.entity.id == id)
            .map_or(id.as_str(), |n| n.entity.name.as_str())
            .to_string()
    };
    let edges: Vec<Value> = file
        .edges
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let dates: Vec<&str> = e
                .evidence
                .iter()
                .filter_map(|ev| ev.date.as_deref())
                .collect();
            json!({
                "dom": format!("e{k}"),
                "source": e.source,
                "source_name": name(&e.source),
                "relation": e.relation,
                "target": e.target,
                "target_name": name(&e.target),
                "evidence": e.evidence.len(),
                "first_date": dates.iter().min(),
                "last_date": dates.iter().max(),
            })
        })
        .collect();
    edges.into()
}

/// One piece of evidence for the page: the sentence (cut around the trigger word when the
/// evidence knows where it is), where it comes from, and a link when the evidence has a
/// URL or its document id is one.
fn evidence_json(e: &Evidence) -> Value {
    let is_url = |s: &str| s.starts_with("https://") || s.starts_with("http://");
    let link = e
        .url
        .clone()
        .filter(|u| is_url(u))
        .or_else(|| is_url(&e.doc).then(|| e.doc.clone()));
    #[derive(Serialize)]
    struct Piece<'a> {
        doc: &'a str,
        date: Option<&'a str>,
        text: &'a str,
        producer: &'a str,
        confidence: f32,
        link: Option<String>,
        /// The sentence before the trigger, the trigger, and the rest.
        marked: Option<[&'a str; 3]>,
    }
    json!(Piece {
        doc: &e.doc,
        date: e.date.as_deref(),
        text: &e.text,
        producer: &e.producer,
        confidence: e.confidence,
        link,
        marked: marked(e),
    })
}

/// The sentence of `e` cut before and after its trigger word, when the trigger lies inside
/// the sentence's span.
fn marked(e: &Evidence) -> Option<[&str; 3]> {
    let (span, trigger) = (e.span?, e.trigger?);
    let start = trigger.start.checked_sub(span.start)?;
    let end = trigger.end.checked_sub(span.start)?;
    let text = e.text.as_str();
    Some([text.get(..start)?, text.get(start..end)?, text.get(end..)?])
}
