//! Finds the date of an article in its dateline (the first lines of the text).

/// Month names, lower case.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == m.len() || w.len() == 3 || w == "sept"))
        .map(|i| i as u32 + 1)
}

/// Returns the first date written in the opening 400 bytes of the text as `YYYY-MM-DD`:
/// `2024-12-05`, `December 5, 2024`, `Dec. 5, 2024` or `5 December 2024`.
pub fn find_dateline(text: &str) -> Option<String> {
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = iso_date(w) {
            return Some(d);
        }
        let day = |s: &str| s.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        let year = |s: &str| s.parse::<u32>().ok().filter(|y| (1900..=2100).contains(y));
        if let Some(m) = month_number(w) {
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|s| day(s)),
                words.get(i + 2).and_then(|s| year(s.trim_end_matches('.'))),
            ) {
                return valid(y, m, d);
            }
            if i > 0
                && let (Some(d), Some(y)) = (
                    day(words[i - 1]),
                    words.get(i + 1).and_then(|s| year(s.trim_end_matches('.'))),
                )
            {
                return valid(y, m, d);
            }
        }
    }
    None
}

fn iso_date(w: &str) -> Option<String> {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    if w.len() == 10 && crate::model::validate_date(w).is_ok() {
        Some(w.to_string())
    } else {
        None
    }
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let s = format!("{y:04}-{m:02}-{d:02}");
    crate::model::validate_date(&s).ok().map(|_| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            find_dateline("BEIRUT, Dec. 5, 2024 (Wire) - Rebels"),
            Some("2024-12-05".into())
        );
        assert_eq!(
            find_dateline("5 December 2024. Rebels"),
            Some("2024-12-05".into())
        );
        assert_eq!(
            find_dateline("Published 2023-07-11 by"),
            Some("2023-07-11".into())
        );
        assert_eq!(find_dateline("May said on Friday that 300 men"), None);
        assert_eq!(find_dateline("February 30, 2024"), None);
    }
}
