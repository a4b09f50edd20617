//! Finding quotes in source texts despite line breaks, runs of spaces and typographic quotes.
//!
//! A quote copied from a PDF or web page rarely matches byte for byte: line breaks land in new
//! places and "smart" quotes turn straight. Both sides are normalised before matching, and a
//! match is mapped back to the original text so it can be highlighted.

use std::ops::Range;

/// Folds one character to its matching form: typographic quotes and apostrophes to ASCII.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        c => c,
    }
}

/// A text in matching form, with the byte offset in the original of every normalised char.
pub struct NormalizedText {
    folded: String,
    /// For each byte of `folded`, the range of bytes it came from in the original.
    origin: Vec<Range<usize>>,
}

impl NormalizedText {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut pending_space: Option<Range<usize>> = None;
        for (at, c) in text.char_indices() {
            let here = at..at + c.len_utf8();
            let c = fold(c);
            if c.is_whitespace() {
                pending_space = Some(match pending_space {
                    Some(r) => r.start..here.end,
                    None => here,
                });
                continue;
            }
            if let Some(space) = pending_space.take()
                && !folded.is_empty()
            {
                folded.push(' ');
                origin.push(space);
            }
            let mut buf = [0u8; 4];
            for _ in c.encode_utf8(&mut buf).bytes() {
                origin.push(here.clone());
            }
            folded.push(c);
        }
        Self { folded, origin }
    }

    /// The matching form of the text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Where `quote` first occurs in the original text, as a byte range, or `None`.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        self.find_all(quote).next()
    }

    /// Every place `quote` occurs in the original text, found lazily (validation asks only
    /// for the first, in long source texts).
    pub fn find_all<'a>(&'a self, quote: &str) -> impl Iterator<Item = Range<usize>> + 'a {
        let needle = NormalizedText::new(quote).folded;
        let mut from = 0;
        std::iter::from_fn(move || {
            if needle.is_empty() {
                return None;
            }
            let at = from + self.folded[from..].find(needle.as_str())?;
            let end = at + needle.len();
            // Like `match_indices`: matches do not overlap.
            from = end;
            Some(self.origin[at].start..self.origin[end - 1].end)
        })
    }
}

/// True when `quote` occurs in `text` once both are normalised.
pub fn contains_normalized(text: &str, quote: &str) -> bool {
    NormalizedText::new(text).find(quote).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_across_line_breaks_and_curly_quotes() {
        let text = "Khamenei’s fear of what he called “cultural\npenetration” of Iran";
        let found = NormalizedText::new(text)
            .find("Khamenei's fear of what he called \"cultural penetration\"")
            .unwrap();
        assert_eq!(
            &text[found],
            "Khamenei’s fear of what he called “cultural\npenetration”"
        );
    }

    #[test]
    fn maps_matches_back_to_original_bytes_with_non_ascii() {
        let text = "Café  au\tlait — très  bien";
        let norm = NormalizedText::new(text);
        assert_eq!(norm.as_str(), "Café au lait — très bien");
        let r = norm.find("lait — très").unwrap();
        assert_eq!(&text[r], "lait — très");
    }

    #[test]
    fn finds_every_occurrence_and_nothing_for_empty_or_absent_quotes() {
        let norm = NormalizedText::new("a b a b");
        assert_eq!(norm.find_all("a b").collect::<Vec<_>>(), vec![0..3, 4..7]);
        assert_eq!(norm.find("   "), None);
        assert_eq!(norm.find("c"), None);
        assert!(!contains_normalized("abc", "abd"));
    }
}
