//! What the XML exporters share: text that XML 1.0 can carry, and a writer into memory.

use quick_xml::Writer;

/// The text without the characters XML 1.0 forbids even when escaped (control characters
/// other than tab, line feed and carriage return; U+FFFE and U+FFFF). quick-xml escapes
/// `& < > " '` itself.
pub fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
        })
        .collect()
}

/// An indented writer into memory.
pub fn writer() -> Writer<Vec<u8>> {
    Writer::new_with_indent(Vec::new(), b' ', 2)
}

/// The finished document. Writing into memory cannot fail, and every piece of text went
/// through [`xml_text`] from `&str`, so it is UTF-8.
pub fn finish(w: Writer<Vec<u8>>) -> String {
    let mut s = String::from_utf8(w.into_inner()).expect("XML written from str is UTF-8");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn forbidden_characters_are_dropped() {
        assert_eq!(
            super::xml_text("a\u{0}b\u{1b}c\td\ne\u{fffe}f <&>"),
            "abc\td\nef <&>"
        );
    }
}
