//! Finding quotes in source texts despite line breaks, runs of spaces and typographic quotes.
//!
//! A quote copied from a PDF or web page rarely matches byte for byte: line breaks land in new
//! places and "smart" quotes turn straight. Both sides are normalised before matching, and a
//! match is mapped back to the original text so it can be highlighted.

use std::ops::Range;

mod quote_set;
pub use quote_set::QuoteSet;

/// Folds one character to its matching form: typographic quotes and apostrophes to ASCII.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        c => c,
    }
}

/// A text in matching form, and how to map its byte offsets back to the original.
///
/// Memory is about one byte per byte of text: the folded copy, plus an entry only where
/// folding moves offsets (a curly quote, a run of spaces or a `\r\n`), not one per byte.
pub struct NormalizedText {
    folded: String,
    /// `(folded, original)` byte offsets where the distance between the two texts changes,
    /// in order: from `folded` on (until the next entry), folded offset `f` is original
    /// offset `original + (f - folded)`. Before the first entry the offsets are the same.
    shifts: Vec<(usize, usize)>,
}

impl NormalizedText {
    pub fn new(text: &str) -> Self {
        let mut norm = Self {
            folded: String::with_capacity(text.len()),
            shifts: Vec::new(),
        };
        let mut pending_space: Option<Range<usize>> = None;
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            let c = fold(c);
            if c.is_whitespace() {
                pending_space = Some(match pending_space {
                    Some(r) => r.start..end,
                    None => at..end,
                });
                continue;
            }
            if let Some(space) = pending_space.take()
                && !norm.folded.is_empty()
            {
                norm.push(' ', space);
            }
            norm.push(c, at..end);
        }
        norm.folded.shrink_to_fit();
        norm.shifts.shrink_to_fit();
        norm
    }

    /// Appends `c`, which stands for `original` in the original text.
    fn push(&mut self, c: char, original: Range<usize>) {
        self.mark(self.folded.len(), original.start);
        self.folded.push(c);
        self.mark(self.folded.len(), original.end);
    }

    /// Records that folded offset `folded` is original offset `original`, if the entries so
    /// far do not already say so.
    fn mark(&mut self, folded: usize, original: usize) {
        if self.original_offset(folded) == original {
            return;
        }
        match self.shifts.last_mut() {
            Some(last) if last.0 == folded => last.1 = original,
            _ => self.shifts.push((folded, original)),
        }
    }

    /// The original offset of a char boundary in the folded text.
    fn original_offset(&self, folded: usize) -> usize {
        let after = self.shifts.partition_point(|&(f, _)| f <= folded);
        match after.checked_sub(1).map(|i| self.shifts[i]) {
            Some((f, o)) => o + (folded - f),
            None => folded,
        }
    }

    /// The matching form of the text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The matching form, without the map back to the original.
    pub fn into_folded(self) -> String {
        self.folded
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
            // A normalised quote starts and ends with a non-space char, so both ends are the
            // boundaries of chars that stand for exactly themselves in the original.
            Some(self.original_offset(at)..self.original_offset(end))
        })
    }
}

/// True when `quote` occurs in `text` once both are normalised.
pub fn contains_normalized(text: &str, quote: &str) -> bool {
    NormalizedText::new(text).find(quote).is_some()
}

/// Characters that show nothing themselves but change how the text around them looks:
/// controls, direction overrides and marks, zero-width and other invisible characters. In an
/// address they can make it look like another (`exe.txt` shown for `txt.exe`).
pub fn is_hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// `text` with every hidden character written out as `\u{202E}`, so that what is shown is
/// what is there.
pub fn escape_hidden(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(is_hidden_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden_char(c) {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward form this module replaced: the original range of every folded
    /// byte (16 bytes of memory per byte of text), kept to check the compact one against.
    fn reference_find_all(text: &str, quote: &str) -> Vec<Range<usize>> {
        let mut folded = String::new();
        let mut origin: Vec<Range<usize>> = Vec::new();
        let mut pending: Option<Range<usize>> = None;
        for (at, c) in text.char_indices() {
            let here = at..at + c.len_utf8();
            let c = fold(c);
            if c.is_whitespace() {
                pending = Some(pending.map_or(here.clone(), |r| r.start..here.end));
                continue;
            }
            if let Some(space) = pending.take()
                && !folded.is_empty()
            {
                folded.push(' ');
                origin.push(space);
            }
            for _ in 0..c.len_utf8() {
                origin.push(here.clone());
            }
            folded.push(c);
        }
        let needle = NormalizedText::new(quote).folded;
        if needle.is_empty() {
            return Vec::new();
        }
        folded
            .match_indices(needle.as_str())
            .map(|(at, m)| origin[at].start..origin[at + m.len() - 1].end)
            .collect()
    }

    proptest! {
        #[test]
        fn finds_what_the_byte_by_byte_mapping_finds(
            text in "[ab \n\r\t’‘“”\u{A0}é—]{0,40}",
            quote in "[ab \n’'\"“é—]{0,6}",
        ) {
            let norm = NormalizedText::new(&text);
            prop_assert_eq!(norm.find_all(&quote).collect::<Vec<_>>(), reference_find_all(&text, &quote));
        }
    }

    #[test]
    fn keeps_about_one_byte_per_byte_of_prose() {
        let paragraph = "He said \u{201C}no\u{201D} twice.\nThe text goes on, line after line.\n";
        let text = paragraph.repeat(1000);
        let norm = NormalizedText::new(&text);
        // Two shifts per paragraph (its curly quotes); the line breaks move nothing.
        assert_eq!(norm.shifts.len(), 2 * 1000);
        let last = norm.find_all("\"no\" twice. The").last().unwrap();
        assert_eq!(&text[last.clone()], "\u{201C}no\u{201D} twice.\nThe");
    }

    #[test]
    fn hidden_characters_are_written_out() {
        assert_eq!(
            escape_hidden("https://x.org/\u{202E}gpj.exe"),
            "https://x.org/\\u{202E}gpj.exe"
        );
        assert_eq!(
            escape_hidden("zero\u{200B}width\u{7}"),
            "zero\\u{200B}width\\u{0007}"
        );
        assert!(matches!(
            escape_hidden("https://example.org/café"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

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
