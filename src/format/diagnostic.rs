use crate::model::Severity;
use std::fmt;
use std::path::Path;

/// A 1-based line and column (in characters) in a text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextPos {
    pub line: usize,
    pub col: usize,
}

impl TextPos {
    /// The position of byte `offset` in `text` (clamped to the text, and to a char boundary).
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        Self::at_end_of(&text[..offset])
    }

    /// The position just after `prefix`.
    pub fn at_end_of(prefix: &str) -> Self {
        let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: 1 + prefix.bytes().filter(|&b| b == b'\n').count(),
            col: 1 + prefix[line_start..].chars().count(),
        }
    }
}

/// Line starts of a text, computed once, so that placing many offsets costs a binary search
/// each instead of a scan from the start of the file (quadratic with thousands of warnings).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// The same position as [`TextPos::of_offset`] gives.
    pub fn pos(&self, offset: usize) -> TextPos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        TextPos {
            line,
            col: 1 + self.text[start..offset].chars().count(),
        }
    }
}

impl fmt::Display for TextPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One problem in a map file, ready to show as `FILE:LINE:COL: error: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Option<TextPos>,
    pub message: String,
    /// The validation problem this came from, when it came from validation.
    pub problem: Option<Box<crate::model::Problem>>,
}

impl Diagnostic {
    pub fn error(pos: Option<TextPos>, message: String) -> Self {
        Self {
            severity: Severity::Error,
            pos,
            message,
            problem: None,
        }
    }

    /// The compiler-style line editors and CI understand.
    pub fn render(&self, file: &Path) -> String {
        match self.pos {
            Some(pos) => format!(
                "{}:{pos}: {}: {}",
                file.display(),
                self.severity.as_str(),
                self.message
            ),
            None => format!(
                "{}: {}: {}",
                file.display(),
                self.severity.as_str(),
                self.message
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\ncé\nxyz";
        assert_eq!(TextPos::of_offset(text, 0), TextPos { line: 1, col: 1 });
        assert_eq!(TextPos::of_offset(text, 3), TextPos { line: 2, col: 1 });
        // 'é' is two bytes; the 'x' on line 3 is column 1, the byte after 'é' column 3.
        assert_eq!(TextPos::of_offset(text, 6), TextPos { line: 2, col: 3 });
        assert_eq!(TextPos::of_offset(text, 999), TextPos { line: 3, col: 4 });
    }

    #[test]
    fn the_line_index_places_every_offset_as_a_scan_would() {
        let text = "ab\ncé\n\nxyz\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.pos(offset),
                TextPos::of_offset(text, offset),
                "at {offset}"
            );
        }
    }
}
