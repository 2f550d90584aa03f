//! Neo4j: CSV files for `neo4j-admin database import full` and, as an alternative, a Cypher
//! script for a running database.
//!
//! Nodes carry the labels `Entity`, the kind (`Actor`, `Place`) and the type (`ArmedGroup`,
//! `City`, ...); relationship types are `SUPPORTS`, `OPPOSES`, `MEETS_WITH`, `CONTROLS`.

use super::table::{Delimiter, cell};
use crate::graph::Graph;
use crate::model::{Entity, Relation};

/// The relationship type of a relation.
pub fn relationship_type(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "SUPPORTS",
        Relation::Opposes => "OPPOSES",
        Relation::MeetsWith => "MEETS_WITH",
        Relation::Controls => "CONTROLS",
    }
}

fn pascal(text: &str) -> String {
    text.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn labels(e: &Entity) -> [String; 3] {
    [
        "Entity".into(),
        pascal(e.kind.as_str()),
        pascal(e.etype.as_str()),
    ]
}

/// `nodes.csv`: `id:ID,name,kind,type,aliases:string[],country,lat:float,lon:float,:LABEL`.
/// Aliases are joined by `;` (the importer's array delimiter), so a `;` inside an alias
/// becomes `,`.
pub fn nodes_csv(graph: &Graph) -> String {
    let mut out =
        String::from("id:ID,name,kind,type,aliases:string[],country,lat:float,lon:float,:LABEL\n");
    for e in graph.entities_sorted() {
        let aliases: Vec<String> = e.aliases.iter().map(|a| a.replace(';', ",")).collect();
        let fields = [
            e.id.to_string(),
            e.name.clone(),
            e.kind.to_string(),
            e.etype.to_string(),
            aliases.join(";"),
            e.country.clone().unwrap_or_default(),
            e.lat.map(|v| v.to_string()).unwrap_or_default(),
            e.lon.map(|v| v.to_string()).unwrap_or_default(),
            labels(e).join(";"),
        ];
        let cells: Vec<String> = fields.iter().map(|f| cell(f, Delimiter::Comma)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// `relationships.csv`: `:START_ID,:END_ID,:TYPE,evidence_count:int,first_date:date,
/// last_date:date,quote,docs:string[]`.
pub fn relationships_csv(graph: &Graph) -> String {
    let mut out = String::from(
        ":START_ID,:END_ID,:TYPE,evidence_count:int,first_date:date,last_date:date,quote,docs:string[]\n",
    );
    for e in graph.edges_sorted() {
        let mut docs: Vec<String> = e
            .evidence
            .iter()
            .map(|ev| ev.doc.replace(';', ","))
            .collect();
        docs.sort();
        docs.dedup();
        let fields = [
            e.source.to_string(),
            e.target.to_string(),
            relationship_type(e.relation).to_string(),
            e.evidence.len().to_string(),
            e.first_date().unwrap_or("").to_string(),
            e.last_date().unwrap_or("").to_string(),
            e.quote().unwrap_or("").to_string(),
            docs.join(";"),
        ];
        let cells: Vec<String> = fields.iter().map(|f| cell(f, Delimiter::Comma)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A Cypher string literal: single-quoted, with `\`, `'` and line breaks escaped.
pub fn cypher_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Cypher script that creates the graph in a running database (`cypher-shell -f`).
/// Idempotent: it MERGEs on `Entity.id` and on one relationship per type and pair.
pub fn to_cypher(graph: &Graph) -> String {
    let mut out = String::from(
        "// actorgraph export: run with `cypher-shell -f graph.cypher`\n\
         CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n",
    );
    for e in graph.entities_sorted() {
        let [_, kind, etype] = labels(e);
        let aliases: Vec<String> = e.aliases.iter().map(|a| cypher_string(a)).collect();
        out.push_str(&format!(
            "MERGE (n:Entity {{id: {}}}) SET n:{kind}:{etype}, n.name = {}, n.kind = {}, n.type = {}, n.aliases = [{}]",
            cypher_string(e.id.as_str()),
            cypher_string(&e.name),
            cypher_string(e.kind.as_str()),
            cypher_string(e.etype.as_str()),
            aliases.join(", ")
        ));
        if let Some(c) = &e.country {
            out.push_str(&format!(", n.country = {}", cypher_string(c)));
        }
        if let (Some(lat), Some(lon)) = (e.lat, e.lon)
            && lat.is_finite()
            && lon.is_finite()
        {
            out.push_str(&format!(", n.lat = {lat:?}, n.lon = {lon:?}"));
        }
        out.push_str(";\n");
    }
    for e in graph.edges_sorted() {
        out.push_str(&format!(
            "MATCH (a:Entity {{id: {}}}), (b:Entity {{id: {}}}) MERGE (a)-[r:{}]->(b) SET r.evidence_count = {}",
            cypher_string(e.source.as_str()),
            cypher_string(e.target.as_str()),
            relationship_type(e.relation),
            e.evidence.len()
        ));
        if let Some(d) = e.first_date() {
            out.push_str(&format!(", r.first_date = date({})", cypher_string(d)));
        }
        if let Some(d) = e.last_date() {
            out.push_str(&format!(", r.last_date = date({})", cypher_string(d)));
        }
        if let Some(q) = e.quote() {
            out.push_str(&format!(", r.quote = {}", cypher_string(q)));
        }
        out.push_str(";\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_strings() {
        assert_eq!(pascal("armed-group"), "ArmedGroup");
        assert_eq!(relationship_type(Relation::MeetsWith), "MEETS_WITH");
        assert_eq!(
            cypher_string("it's a \\ \"x\"\n"),
            "'it\\'s a \\\\ \"x\"\\n'"
        );
    }
}
