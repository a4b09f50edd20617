//! Line numbers of byte offsets in an input file, for the messages of the readers.

/// Where each line of a text starts, found once, so that placing many offsets costs a binary
/// search each instead of a count from the start of the file (quadratic over a whole import).
pub(crate) struct LineStarts {
    starts: Vec<usize>,
}

impl LineStarts {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The 1-based line of byte `offset`: one more than the line breaks before it (the last
    /// line for an offset past the end), as [`crate::interchange::line_col`] counts.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_a_count_from_the_start_gives() {
        let text = "ab\ncé\n\nxyz\n";
        let lines = LineStarts::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                lines.line(offset),
                crate::interchange::line_col(text, offset).0,
                "at {offset}"
            );
        }
    }
}
