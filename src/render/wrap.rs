//! Breaking card text into lines exactly as the canvas does: with egui's own text layout
//! (see `font.rs`), run headless at 100% zoom, so kerning, pixel rounding and egui's choice of
//! break points are the canvas's.

use super::font::metrics;
use egui::epaint::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId};

/// A text broken into lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    /// The text did not fit in the allowed lines: the last line ends with an ellipsis.
    pub elided: bool,
}

/// The narrowest a character that takes room can be, in ems: what no glyph of the card font
/// goes below. Bounds how much of a huge text can possibly show in the lines allowed.
const NARROWEST_EM: f32 = 0.05;

/// Breaks `text` (already [`clean`](super::clean::clean)ed) into at most `max_lines` lines of
/// at most `max_width` at `size` pixels, as egui wraps a card's text: paragraphs (`\n`) start
/// new lines, words go on the current line while they fit, a word longer than a whole line is
/// broken between characters, and text past the last line is cut with "…". Always returns at
/// least one line. Only the part of the text that could show is laid out, so huge texts cost
/// little.
pub fn wrap(text: &str, size: f32, max_width: f32, max_lines: usize) -> Wrapped {
    let max_lines = max_lines.max(1);
    let (shown, cut) = could_show(text, size, max_width, max_lines);
    let mut job = LayoutJob::simple(
        shown.to_owned(),
        FontId::proportional(size),
        Color32::BLACK,
        max_width,
    );
    job.wrap = TextWrapping {
        max_width,
        max_rows: max_lines,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = metrics().layout(job);
    let mut lines: Vec<String> = galley
        .rows
        .iter()
        .map(|r| r.row.text().trim_end().to_owned())
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    let mut elided = galley.elided;
    if cut && !elided {
        // Only text of characters that take no room reaches here; say that more follows.
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
        elided = true;
    }
    Wrapped { lines, elided }
}

/// The start of `text` that can fill `max_lines` lines at most, and whether anything was cut.
fn could_show(text: &str, size: f32, max_width: f32, max_lines: usize) -> (&str, bool) {
    let per_line = (max_width / (size * NARROWEST_EM)).ceil().max(1.0) as usize;
    // One line more than shown, so that egui sees there is more and adds the ellipsis.
    let max_chars = per_line.saturating_mul(max_lines + 1);
    let mut breaks = 0;
    for (count, (i, c)) in text.char_indices().enumerate() {
        if c == '\n' {
            breaks += 1;
        }
        if count >= max_chars || breaks > max_lines {
            return (&text[..i], true);
        }
    }
    (text, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::font::metrics;

    fn lines(text: &str, width: f32, max: usize) -> Vec<String> {
        wrap(text, 14.0, width, max).lines
    }

    #[test]
    fn wraps_greedily_by_words() {
        // Like the canvas, a line's trailing space has to fit too.
        let w = metrics().width("aaa bbb ", 14.0);
        assert_eq!(lines("aaa bbb ccc", w + 0.1, 10), vec!["aaa bbb", "ccc"]);
        let w = metrics().width("aaa bbb", 14.0);
        assert_eq!(lines("aaa bbb ccc", w + 0.1, 10)[0], "aaa");
        assert_eq!(lines("aaa\n\nbbb", 500.0, 10), vec!["aaa", "", "bbb"]);
        assert_eq!(lines("", 500.0, 10), vec![""]);
        assert_eq!(lines("spaced out  ", 500.0, 10), vec!["spaced out"]);
    }

    #[test]
    fn every_line_fits() {
        let text = "The quick brown fox jumps over the lazy dog. ".repeat(5);
        for line in lines(&text, 220.0, 100) {
            assert!(metrics().width(&line, 14.0) <= 220.0, "{line}");
        }
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let out = lines(&format!("short {}", "x".repeat(200)), 100.0, 100);
        assert_eq!(out[0], "short");
        assert!(out.len() > 3);
        assert_eq!(out.concat(), format!("short{}", "x".repeat(200)));
        for line in &out {
            // egui places glyphs at fractional positions within a row: measured alone, a
            // row of a broken word can come out a fraction of a pixel wider.
            assert!(metrics().width(line, 14.0) <= 101.0, "{line}");
        }
        // Combining marks stay with their letter.
        for line in lines(&"e\u{301}".repeat(50), 30.0, 100) {
            assert!(!line.starts_with('\u{301}'), "{line:?}");
        }
    }

    #[test]
    fn cuts_after_the_last_line_with_an_ellipsis() {
        let w = wrap(&"word ".repeat(10_000), 14.0, 220.0, 10);
        assert!(w.elided);
        assert_eq!(w.lines.len(), 10);
        assert!(w.lines[9].ends_with('…'));
        assert!(metrics().width(&w.lines[9], 14.0) <= 220.0);
        let huge = wrap(&"x".repeat(1_000_000), 14.0, 220.0, 10);
        assert_eq!(huge.lines.len(), 10);
        assert!(huge.elided);
        let many_paragraphs = wrap(&"a\n".repeat(1_000_000), 14.0, 220.0, 10);
        assert_eq!(many_paragraphs.lines.len(), 10);
        assert!(many_paragraphs.elided);
        let fits = wrap("one\ntwo", 14.0, 220.0, 2);
        assert!(!fits.elided);
        assert_eq!(fits.lines, vec!["one", "two"]);
        assert_eq!(
            wrap("one\ntwo\nthree", 14.0, 220.0, 2).lines,
            vec!["one", "two…"]
        );
        let invisible = wrap(&"\u{200B}".repeat(100_000), 14.0, 220.0, 10);
        assert!(invisible.elided && invisible.lines.len() <= 10);
    }

    /// The canvas lays each card out with egui at its zoom (`app/canvas/card.rs`); at 100%
    /// its lines are these, card for card, on the article map.
    #[test]
    fn breaks_where_the_canvas_breaks_on_the_article_map() {
        use egui::epaint::text::{Fonts, TextOptions};
        let mut fonts = Fonts::new(TextOptions::default(), egui::FontDefinitions::default());
        let mut view = fonts.with_pixels_per_point(1.0);
        let map = crate::bundled::article_map();
        for node in &map.nodes {
            let mut job = LayoutJob::simple(
                node.text.clone(),
                egui::FontId::proportional(14.0),
                egui::Color32::BLACK,
                220.0,
            );
            job.wrap = TextWrapping {
                max_width: 220.0,
                max_rows: 10,
                break_anywhere: false,
                overflow_character: Some('…'),
            };
            let canvas: Vec<String> = view
                .layout_job(job)
                .rows
                .iter()
                .map(|r| r.row.text().trim_end().to_owned())
                .collect();
            assert_eq!(wrap(&node.text, 14.0, 220.0, 10).lines, canvas);
        }
    }
}
