//! Text made safe to export: no characters that XML forbids or that would draw as garbage.

/// Keeps line breaks (every kind normalised to `\n`), turns tabs into spaces and drops
/// control characters (C0 and C1, DEL) and the non-characters U+FFFE/U+FFFF, which are not
/// allowed in XML even as character references.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean`], on one line: line breaks become spaces and runs of spaces collapse.
pub fn one_line(text: &str) -> String {
    clean(text)
        .split(['\n', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_what_xml_cannot_hold() {
        assert_eq!(
            clean("a\u{0}b\u{7}c\u{1b}[0m\u{7f}\u{9f}\u{FFFF}"),
            "abc[0m"
        );
        assert_eq!(
            clean("one\r\ntwo\rthree\u{2028}four\tfive"),
            "one\ntwo\nthree\nfour five"
        );
        assert_eq!(clean("עברית — ünïcödé 漢字"), "עברית — ünïcödé 漢字");
        assert_eq!(one_line("  a\n\n b\t c  "), "a b c");
    }
}
