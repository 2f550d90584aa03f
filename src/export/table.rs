//! CSV and TSV edge lists for spreadsheets: one row per edge with its evidence count,
//! first and last date and one quote.

use crate::graph::Graph;

/// Field separator of an edge list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// CSV as RFC 4180 quotes it (fields with `,`, `"` or line breaks quoted, `"` doubled),
    /// rows ending in `\n`.
    Comma,
    /// TSV: tabs and line breaks inside fields become spaces (TSV has no quoting).
    Tab,
}

const HEADER: [&str; 9] = [
    "source",
    "relation",
    "target",
    "evidence_count",
    "first_date",
    "last_date",
    "quote",
    "source_id",
    "target_id",
];

/// The edge list with a header row; rows sorted by (source id, relation, target id).
pub fn to_edge_list(graph: &Graph, delimiter: Delimiter) -> String {
    let mut out = String::new();
    let mut row = |fields: &[&str]| {
        let cells: Vec<String> = fields.iter().map(|f| cell(f, delimiter)).collect();
        let separator = if delimiter == Delimiter::Comma {
            ","
        } else {
            "\t"
        };
        out.push_str(&cells.join(separator));
        out.push('\n');
    };
    row(&HEADER);
    for e in graph.edges_sorted() {
        let name = |id| graph.entity(id).map_or("", |x| x.name.as_str());
        let count = e.evidence.len().to_string();
        row(&[
            name(e.source),
            e.relation.as_str(),
            name(e.target),
            &count,
            e.first_date().unwrap_or(""),
            e.last_date().unwrap_or(""),
            e.quote().unwrap_or(""),
            e.source.as_str(),
            e.target.as_str(),
        ]);
    }
    out
}

/// One field, quoted or cleaned for the delimiter.
pub fn cell(text: &str, delimiter: Delimiter) -> String {
    match delimiter {
        Delimiter::Comma if text.contains([',', '"', '\n', '\r']) => {
            format!("\"{}\"", text.replace('"', "\"\""))
        }
        Delimiter::Comma => text.to_string(),
        Delimiter::Tab => text.replace(['\t', '\n', '\r'], " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_or_cleaned() {
        let cases = [
            ("plain", "Iran", Delimiter::Comma, "Iran"),
            ("comma", "a, b", Delimiter::Comma, "\"a, b\""),
            ("quote", "say \"x\"", Delimiter::Comma, "\"say \"\"x\"\"\""),
            ("newline", "a\nb", Delimiter::Comma, "\"a\nb\""),
            ("tab in tsv", "a\tb\nc", Delimiter::Tab, "a b c"),
            ("quote in tsv", "\"x\"", Delimiter::Tab, "\"x\""),
        ];
        for (name, input, d, want) in cases {
            assert_eq!(cell(input, d), want, "case {name}");
        }
    }
}
