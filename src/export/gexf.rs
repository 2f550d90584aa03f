//! GEXF 1.3 for Gephi, dynamic: every edge spans the dates of its first and last evidence
//! (`start`, `end`), so Gephi's timeline shows when a relation was reported.

use quick_xml::events::{BytesDecl, Event};

use super::xml::{finish, writer, xml_text};
use crate::graph::Graph;

const NODE_ATTRIBUTES: [(&str, &str, &str); 6] = [
    ("0", "kind", "string"),
    ("1", "type", "string"),
    ("2", "aliases", "string"),
    ("3", "country", "string"),
    ("4", "lat", "double"),
    ("5", "lon", "double"),
];

const EDGE_ATTRIBUTES: [(&str, &str, &str); 4] = [
    ("0", "relation", "string"),
    ("1", "evidence_count", "integer"),
    ("2", "quote", "string"),
    ("3", "symmetric", "boolean"),
];

/// The graph as GEXF 1.3 (`mode="dynamic"`, `timeformat="date"`). The edge weight is its
/// evidence count. O(V log V + E log E).
pub fn to_gexf(graph: &Graph) -> String {
    let mut w = writer();
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("memory");
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(quick_xml::events::BytesText::new("actorgraph"))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([
                    ("mode", "dynamic"),
                    ("defaultedgetype", "directed"),
                    ("timeformat", "date"),
                ])
                .write_inner_content(|w| {
                    for (class, attrs) in [
                        ("node", &NODE_ATTRIBUTES[..]),
                        ("edge", &EDGE_ATTRIBUTES[..]),
                    ] {
                        w.create_element("attributes")
                            .with_attribute(("class", class))
                            .write_inner_content(|w| {
                                for (id, title, ty) in attrs {
                                    w.create_element("attribute")
                                        .with_attributes([
                                            ("id", *id),
                                            ("title", *title),
                                            ("type", *ty),
                                        ])
                                        .write_empty()?;
                                }
                                Ok(())
                            })?;
                    }
                    w.create_element("nodes").write_inner_content(|w| {
                        for e in graph.entities_sorted() {
                            let mut values = vec![
                                ("0", e.kind.to_string()),
                                ("1", e.etype.to_string()),
                                ("2", e.aliases.join("; ")),
                            ];
                            values.extend(e.country.clone().map(|c| ("3", c)));
                            values.extend(e.lat.map(|v| ("4", v.to_string())));
                            values.extend(e.lon.map(|v| ("5", v.to_string())));
                            w.create_element("node")
                                .with_attributes([
                                    ("id", xml_text(e.id.as_str()).as_str()),
                                    ("label", xml_text(&e.name).as_str()),
                                ])
                                .write_inner_content(|w| attvalues(w, &values))?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, e) in graph.edges_sorted().iter().enumerate() {
                            let id = i.to_string();
                            let weight = e.evidence.len().to_string();
                            let (source, target) =
                                (xml_text(e.source.as_str()), xml_text(e.target.as_str()));
                            let mut attrs = vec![
                                ("id", id.as_str()),
                                ("source", source.as_str()),
                                ("target", target.as_str()),
                                ("label", e.relation.as_str()),
                                ("weight", weight.as_str()),
                            ];
                            if let (Some(start), Some(end)) = (e.first_date(), e.last_date()) {
                                attrs.push(("start", start));
                                attrs.push(("end", end));
                            }
                            let values = vec![
                                ("0", e.relation.to_string()),
                                ("1", e.evidence.len().to_string()),
                                ("2", e.quote().unwrap_or("").to_string()),
                                ("3", e.relation.is_symmetric().to_string()),
                            ];
                            w.create_element("edge")
                                .with_attributes(attrs)
                                .write_inner_content(|w| attvalues(w, &values))?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })
        .expect("memory");
    finish(w)
}

fn attvalues(w: &mut quick_xml::Writer<Vec<u8>>, values: &[(&str, String)]) -> std::io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (id, value) in values {
            w.create_element("attvalue")
                .with_attributes([("for", *id), ("value", xml_text(value).as_str())])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}
