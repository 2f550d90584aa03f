//! Printing to stdout: all at once, as JSON or text, with a closed pipe (`| head`) treated
//! as success by `main`.

use std::io::Write;

use serde::Serialize;

use actorgraph::graph::Direction;
use actorgraph::model::Relation;

/// Writes text to stdout. A broken pipe comes back as an error that `main` turns into
/// exit 0.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes a value as pretty JSON and a newline.
pub fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(print(&s)?)
}

/// Lays out rows in columns separated by two spaces; the last column is not padded.
pub fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(
                    ' ',
                    widths[c] - cell.chars().count() + 2,
                ));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A quote shortened to `max` characters, on one line.
pub fn short(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(3)).collect();
        format!("{}...", cut.trim_end())
    }
}

/// `1 edge`, `2 edges`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// An edge as an arrow seen from one end: `-supports->`, `<-supports-`, `-meets-with-`.
pub fn arrow(direction: Direction, relation: Relation) -> String {
    match direction {
        Direction::Out => format!("-{relation}->"),
        Direction::In => format!("<-{relation}-"),
        Direction::Both => format!("-{relation}-"),
    }
}
