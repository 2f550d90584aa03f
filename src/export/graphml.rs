//! GraphML for Gephi, yEd, Cytoscape desktop and igraph: every attribute declared with a
//! typed `<key>`, one `<edge>` per (source, relation, target), parallel edges kept.

use quick_xml::events::{BytesDecl, BytesText, Event};

use super::xml::{finish, writer, xml_text};
use crate::graph::Graph;

/// (id, for, type) of every attribute; the id is also the attribute name.
const KEYS: [(&str, &str, &str); 13] = [
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("type", "node", "string"),
    ("aliases", "node", "string"),
    ("country", "node", "string"),
    ("lat", "node", "double"),
    ("lon", "node", "double"),
    ("relation", "edge", "string"),
    ("symmetric", "edge", "boolean"),
    ("evidence_count", "edge", "int"),
    ("first_date", "edge", "string"),
    ("last_date", "edge", "string"),
    ("quote", "edge", "string"),
];

/// The graph as GraphML. Aliases are joined with `; `. O(V log V + E log E).
pub fn to_graphml(graph: &Graph) -> String {
    let mut w = writer();
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("memory");
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            for (id, target, ty) in KEYS {
                w.create_element("key")
                    .with_attributes([("id", id), ("for", target), ("attr.name", id), ("attr.type", ty)])
                    .write_empty()?;
            }
            w.create_element("graph")
                .with_attributes([("id", "actorgraph"), ("edgedefault", "directed")])
                .write_inner_content(|w| {
                    for e in graph.entities_sorted() {
                        let mut data: Vec<(&str, String)> = vec![
                            ("name", e.name.clone()),
                            ("kind", e.kind.to_string()),
                            ("type", e.etype.to_string()),
                            ("aliases", e.aliases.join("; ")),
                        ];
                        data.extend(e.country.clone().map(|c| ("country", c)));
                        data.extend(e.lat.map(|v| ("lat", v.to_string())));
                        data.extend(e.lon.map(|v| ("lon", v.to_string())));
                        w.create_element("node")
                            .with_attribute(("id", xml_text(e.id.as_str()).as_str()))
                            .write_inner_content(|w| write_data(w, &data))?;
                    }
                    for (i, e) in graph.edges_sorted().iter().enumerate() {
                        let mut data: Vec<(&str, String)> = vec![
                            ("relation", e.relation.to_string()),
                            ("symmetric", e.relation.is_symmetric().to_string()),
                            ("evidence_count", e.evidence.len().to_string()),
                        ];
                        data.extend(e.first_date().map(|d| ("first_date", d.to_string())));
                        data.extend(e.last_date().map(|d| ("last_date", d.to_string())));
                        data.extend(e.quote().map(|q| ("quote", q.to_string())));
                        let id = format!("e{i}");
                        w.create_element("edge")
                            .with_attributes([
                                ("id", id.as_str()),
                                ("source", xml_text(e.source.as_str()).as_str()),
                                ("target", xml_text(e.target.as_str()).as_str()),
                            ])
                            .write_inner_content(|w| write_data(w, &data))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })
        .expect("memory");
    finish(w)
}

fn write_data(w: &mut quick_xml::Writer<Vec<u8>>, data: &[(&str, String)]) -> std::io::Result<()> {
    for (key, value) in data {
        w.create_element("data")
            .with_attribute(("key", *key))
            .write_text_content(BytesText::new(&xml_text(value)))?;
    }
    Ok(())
}
