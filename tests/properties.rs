//! Property tests: DOT escaping renders any name, JSON write then read gives the same
//! graph, and meets-with is symmetric in queries.

use actorgraph::export::dot::{DotOptions, escape_dot, to_dot};
use actorgraph::graph::{Graph, PathQuery, store};
use actorgraph::model::{Entity, EntityType, Evidence, Relation, Statement};
use proptest::prelude::*;

fn relation() -> impl Strategy<Value = Relation> {
    prop::sample::select(Relation::ALL.to_vec())
}

fn statement() -> impl Strategy<Value = Statement> {
    (
        "[a-e]{1,2}",
        relation(),
        "[a-e]{1,2}",
        "[a-c]",
        ".{0,12}",
        prop::option::of(1u32..28),
    )
        .prop_map(|(s, relation, t, doc, text, day)| Statement {
            source: Entity::new(&s, EntityType::State),
            relation,
            target: Entity::new(
                &t,
                if relation == Relation::Controls {
                    EntityType::City
                } else {
                    EntityType::State
                },
            ),
            evidence: Evidence {
                doc,
                date: day.map(|d| format!("2024-12-{d:02}")),
                text,
                span: None,
                trigger: None,
                producer: "proptest".into(),
                url: None,
                confidence: 1.0,
            },
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn json_write_then_read_is_the_same_graph(statements in prop::collection::vec(statement(), 0..30)) {
        let mut g = Graph::new();
        for s in statements {
            g.add_statement(s);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        store::save(&g, &path).unwrap();
        let back = store::load(&path).unwrap();
        prop_assert_eq!(back.to_node_link("g"), g.to_node_link("g"));
    }

    #[test]
    fn meets_with_is_symmetric_in_queries(statements in prop::collection::vec(statement(), 1..30)) {
        let mut g = Graph::new();
        for s in statements {
            g.add_statement(s);
        }
        let q = PathQuery { relations: Some(vec![Relation::MeetsWith]), max_hops: 1, ..PathQuery::default() };
        let ids: Vec<_> = g.entities().map(|e| e.id.clone()).collect();
        for a in &ids {
            for b in &ids {
                let ab = g.shortest_path(a, b, &q).unwrap().is_some();
                let ba = g.shortest_path(b, a, &q).unwrap().is_some();
                prop_assert_eq!(ab, ba);
                let na = g.neighbors(a, Some(&[Relation::MeetsWith]), actorgraph::graph::Direction::Out).unwrap();
                let nb = g.neighbors(b, Some(&[Relation::MeetsWith]), actorgraph::graph::Direction::In).unwrap();
                prop_assert_eq!(na.iter().any(|n| &n.id == b), nb.iter().any(|n| &n.id == a));
            }
        }
    }
}

proptest! {
    // Each case starts Graphviz, so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_name_renders_in_graphviz(a in any::<String>(), b in any::<String>(), text in any::<String>()) {
        if std::process::Command::new("dot").arg("-V").output().is_err() {
            eprintln!("skipped: Graphviz `dot` is not installed");
            return Ok(());
        }
        let escaped = escape_dot(&a);
        prop_assert!(escaped.starts_with('"') && escaped.ends_with('"'));
        let mut g = Graph::new();
        let (a, b) = (format!("x{a}"), format!("y{b}"));
        g.add_statement(Statement {
            source: Entity::new(&a, EntityType::Person),
            relation: Relation::Supports,
            target: Entity::new(&b, EntityType::Person),
            evidence: Evidence { doc: "d".into(), date: None, text, span: None, trigger: None, producer: "p".into(), url: None, confidence: 1.0 },
        });
        let dot = to_dot(&g, &DotOptions { title: a.clone(), legend: false, ..DotOptions::default() });
        let (ok, stderr) = crate::common::render_dot(&dot);
        prop_assert!(ok, "{}\n{}", stderr, dot);
    }
}

/// Reads an XML document to the end; returns the first error.
fn xml_error(text: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return None,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                for attr in e.attributes() {
                    if let Err(err) = attr {
                        return Some(err.to_string());
                    }
                }
            }
            Ok(_) => {}
            Err(e) => return Some(e.to_string()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn graphml_and_gexf_are_well_formed_for_any_text(a in any::<String>(), b in any::<String>(), text in any::<String>()) {
        let mut g = Graph::new();
        g.add_statement(Statement {
            source: Entity::new(&format!("x{a}"), EntityType::Person),
            relation: Relation::Opposes,
            target: Entity::new(&format!("y{b}"), EntityType::Person),
            evidence: Evidence { doc: "d".into(), date: None, text, span: None, trigger: None, producer: "p".into(), url: None, confidence: 1.0 },
        });
        for doc in [actorgraph::export::graphml::to_graphml(&g), actorgraph::export::gexf::to_gexf(&g)] {
            prop_assert_eq!(xml_error(&doc), None, "{}", doc);
            // Characters XML 1.0 forbids even escaped.
            let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}');
            prop_assert!(doc.chars().all(allowed), "{}", doc);
        }
    }
}
