//! Graphviz DOT, written with dot-writer.
//!
//! dot-writer escapes nothing and panics on I/O errors, so: nodes get synthetic ids
//! (`n0`, `n1`, ... in id order), every label goes through [`escape_dot`], and the text is
//! written into memory. Actors are boxes, places ellipses; each relation has one colour and
//! line style, explained in a legend; edges are labelled with their relation and evidence
//! count, which also sets the pen width.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::process::{Command, Stdio};

use dot_writer::{Attributes, DotWriter, RankDirection, Scope};

use crate::Error;
use crate::graph::Graph;
use crate::model::{Entity, EntityKind, Relation};

/// Options of the DOT output.
#[derive(Clone, Debug)]
pub struct DotOptions {
    /// The graph's title, drawn at the top (empty: none).
    pub title: String,
    /// Draw the legend of relations and kinds.
    pub legend: bool,
    /// Group nodes in boxes.
    pub cluster: Cluster,
    /// Give each node and edge an `id` that Graphviz copies into SVG: `n{i}` for the i-th
    /// node and `e{k}` for the k-th edge of [`Graph::to_node_link`], so a page can tell
    /// which entity or edge was clicked.
    pub element_ids: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            title: String::new(),
            legend: true,
            cluster: Cluster::None,
            element_ids: false,
        }
    }
}

/// How nodes are grouped in boxes (Graphviz clusters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cluster {
    /// No boxes.
    #[default]
    None,
    /// One box for actors, one for places.
    Kind,
    /// One box per country (entities without one stay outside).
    Country,
}

/// Colour and line style of a relation.
pub fn relation_style(r: Relation) -> (&'static str, &'static str) {
    match r {
        Relation::Supports => ("#2ca02c", "solid"),
        Relation::Opposes => ("#d62728", "dashed"),
        Relation::MeetsWith => ("#1f77b4", "dotted"),
        Relation::Controls => ("#7f3fbf", "bold"),
    }
}

/// Shape of a kind of entity.
pub fn kind_shape(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Actor => "box",
        EntityKind::Place => "ellipse",
    }
}

/// A DOT quoted string for any text: backslashes and quotes escaped, line breaks as `\n`,
/// other control characters dropped, and `&` written `&amp;` because Graphviz decodes HTML
/// entities in labels. The result includes the surrounding quotes.
pub fn escape_dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Pen width for an edge with `n` pieces of evidence: 1 for one, growing slowly, at most 5.
fn pen_width(n: usize) -> f32 {
    (1.0 + (n.max(1) as f32).log2()).min(5.0)
}

fn write_node(scope: &mut Scope<'_, '_>, id: &str, e: &Entity, element_ids: bool) {
    let mut node = scope.node_named(id);
    if element_ids {
        node.set("id", id, false);
    }
    node.set("label", &escape_dot(&e.name), false)
        .set("shape", kind_shape(e.kind), false)
        .set(
            "tooltip",
            &escape_dot(&format!("{} ({})", e.id, e.etype)),
            false,
        );
}

/// The graph as DOT text, sorted: identical for the same graph. O(V log V + E log E).
pub fn to_dot(graph: &Graph, options: &DotOptions) -> String {
    let file = graph.to_node_link("");
    let ids: HashMap<&str, String> = file
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.entity.id.as_str(), format!("n{i}")))
        .collect();
    let mut out = Vec::new();
    {
        let mut writer = DotWriter::from(&mut out);
        let mut g = writer.digraph();
        g.set_rank_direction(RankDirection::LeftRight);
        g.set("fontname", "\"Helvetica\"", false);
        if !options.title.is_empty() {
            g.set("label", &escape_dot(&options.title), false);
            g.set("labelloc", "t", false);
        }
        g.node_attributes()
            .set("fontname", "\"Helvetica\"", false)
            .set("style", "filled", false)
            .set("fillcolor", "\"#f7f7f7\"", false);
        g.edge_attributes()
            .set("fontname", "\"Helvetica\"", false)
            .set("fontsize", "10", false);
        let group = |e: &Entity| -> Option<String> {
            match options.cluster {
                Cluster::None => None,
                Cluster::Kind => Some(format!("{}s", e.kind)),
                Cluster::Country => e.country.clone(),
            }
        };
        let mut groups: BTreeMap<Option<String>, Vec<&Entity>> = BTreeMap::new();
        for n in &file.nodes {
            groups.entry(group(&n.entity)).or_default().push(&n.entity);
        }
        for (label, members) in groups {
            match &label {
                Some(label) => {
                    let mut cluster = g.cluster();
                    cluster
                        .set("label", &escape_dot(label), false)
                        .set("style", "rounded", false)
                        .set("color", "\"#bbbbbb\"", false);
                    for e in members {
                        write_node(&mut cluster, &ids[e.id.as_str()], e, options.element_ids);
                    }
                }
                None => {
                    for e in members {
                        write_node(&mut g, &ids[e.id.as_str()], e, options.element_ids);
                    }
                }
            }
        }
        for (k, e) in file.edges.iter().enumerate() {
            let (color, style) = relation_style(e.relation);
            let n = e.evidence.len();
            let label = if n > 1 {
                format!("{} ({n})", e.relation)
            } else {
                e.relation.to_string()
            };
            let quote = e
                .evidence
                .iter()
                .find(|ev| !ev.text.is_empty())
                .map(|ev| ev.text.as_str())
                .unwrap_or("");
            let edge = g.edge(&ids[e.source.as_str()], &ids[e.target.as_str()]);
            let mut attrs = edge.attributes();
            attrs
                .set("label", &escape_dot(&label), false)
                .set("color", &escape_dot(color), false)
                .set("fontcolor", &escape_dot(color), false)
                .set("style", style, false)
                .set("penwidth", &format!("{:.2}", pen_width(n)), false)
                .set("tooltip", &escape_dot(quote), false);
            if e.relation.is_symmetric() {
                attrs.set("dir", "none", false);
            }
            if options.element_ids {
                attrs.set("id", &format!("e{k}"), false);
            }
        }
        if options.legend {
            let mut legend = g.cluster();
            legend
                .set("label", "\"Legend\"", false)
                .set("style", "rounded", false)
                .set("color", "\"#999999\"", false);
            legend
                .node_attributes()
                .set("shape", "plaintext", false)
                .set("style", "\"\"", false)
                .set("label", "\"\"", false)
                .set("width", "0.1", false);
            for (i, r) in Relation::ALL.iter().enumerate() {
                let (color, style) = relation_style(*r);
                let (a, b) = (format!("legend_a{i}"), format!("legend_b{i}"));
                legend.node_named(&a);
                legend.node_named(&b);
                let edge = legend.edge(&a, &b);
                let mut attrs = edge.attributes();
                attrs
                    .set("label", &escape_dot(r.as_str()), false)
                    .set("color", &escape_dot(color), false)
                    .set("fontcolor", &escape_dot(color), false)
                    .set("style", style, false);
                if r.is_symmetric() {
                    attrs.set("dir", "none", false);
                }
            }
            for k in EntityKind::ALL {
                legend
                    .node_named(format!("legend_{k}"))
                    .set("label", &escape_dot(k.as_str()), false)
                    .set("shape", kind_shape(k), false)
                    .set("style", "filled", false);
            }
        }
    }
    String::from_utf8(out).expect("dot-writer writes the UTF-8 it is given")
}

/// Runs Graphviz `dot -T<format>` (`svg`, `png`, `pdf`) on DOT text and returns the
/// image. [`Error::Graphviz`] when `dot` is not on PATH or fails (its first stderr line).
pub fn run_graphviz(dot: &str, format: &str) -> Result<Vec<u8>, Error> {
    let mut child = match Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Graphviz(
                "cannot find Graphviz `dot` on PATH; install it (apt-get install graphviz) or write DOT with `actorgraph export --format dot`".into(),
            ));
        }
        Err(e) => return Err(Error::Graphviz(format!("cannot run Graphviz `dot`: {e}"))),
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let text = dot.to_string();
    // Feed stdin from a thread so a large picture on stdout cannot deadlock the pipe.
    let feeder = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Graphviz(format!("cannot run Graphviz `dot`: {e}")))?;
    let _ = feeder.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Graphviz(format!(
            "Graphviz `dot` failed: {}",
            err.lines().next().unwrap_or("no message")
        )));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_quotes_backslashes_lines_and_entities() {
        let cases = [
            ("plain", "Iran", "\"Iran\""),
            ("quote", "Abu \"the Sheikh\"", "\"Abu \\\"the Sheikh\\\"\""),
            ("backslash", "a\\b", "\"a\\\\b\""),
            ("trailing backslash", "a\\", "\"a\\\\\""),
            ("newline", "a\nb", "\"a\\nb\""),
            ("control", "a\u{0}\tb\r", "\"ab\""),
            ("ampersand", "AT&T &amp;", "\"AT&amp;T &amp;amp;\""),
            ("arabic", "حزب الله", "\"حزب الله\""),
        ];
        for (name, input, want) in cases {
            assert_eq!(escape_dot(input), want, "case {name}");
        }
    }

    #[test]
    fn pen_width_grows_with_evidence() {
        assert_eq!(pen_width(1), 1.0);
        assert_eq!(pen_width(4), 3.0);
        assert_eq!(pen_width(1000), 5.0);
    }
}
