//! Breaking card text into lines the way the canvas does, without egui.
//!
//! Hand-written rather than taken from a text-layout crate: the canvas wraps greedily by words
//! with egui's own layout, and what matters is to break where egui breaks, which this does with
//! the same font's advances (see `font.rs`) in a few lines. A full shaping engine would add a
//! large dependency for kerning, which only ever makes a measured line narrower.

use super::font::metrics;

/// A text broken into lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    /// The text did not fit in the allowed lines: the last line ends with an ellipsis.
    pub elided: bool,
}

/// Spaces where a line may break. No-break spaces keep their words together.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Combining diacritical marks, which belong to the character before them.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Breaks `text` (already [`clean`](super::clean::clean)ed) into at most `max_lines` lines of
/// at most `max_width` at `size` pixels. Paragraphs (`\n`) start new lines; words go on the
/// current line while they fit; a word longer than a whole line is broken between characters.
/// Text past the last line is cut and the last line ends with "…". Always returns at least one
/// line, and stops measuring once the lines are full, so huge texts cost little.
pub fn wrap(text: &str, size: f32, max_width: f32, max_lines: usize) -> Wrapped {
    let m = metrics();
    let max_lines = max_lines.max(1);
    let space = m.advance(' ', size);
    let mut lines: Vec<String> = Vec::new();
    'paragraphs: for paragraph in text.split('\n') {
        if lines.len() > max_lines {
            break;
        }
        let mut line = String::new();
        let mut width = 0.0;
        for word in paragraph.split(is_break_space).filter(|w| !w.is_empty()) {
            let w = m.width(word, size);
            if !line.is_empty() && width + space + w <= max_width {
                line.push(' ');
                line.push_str(word);
                width += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                width = 0.0;
                if lines.len() > max_lines {
                    break 'paragraphs;
                }
            }
            if w <= max_width {
                line.push_str(word);
                width = w;
                continue;
            }
            for c in word.chars() {
                let a = m.advance(c, size);
                // Combining marks and zero-width characters stay with the one before.
                if !line.is_empty() && a > 0.0 && !is_combining(c) && width + a > max_width {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                    if lines.len() > max_lines {
                        break 'paragraphs;
                    }
                }
                line.push(c);
                width += a;
            }
        }
        lines.push(line);
    }
    let elided = lines.len() > max_lines;
    if elided {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, size, max_width);
        }
    }
    Wrapped { lines, elided }
}

/// `line` shortened from the end until it fits with a trailing "…".
fn with_ellipsis(line: &str, size: f32, max_width: f32) -> String {
    let m = metrics();
    let room = max_width - m.advance('…', size);
    let mut out = line.trim_end().to_owned();
    while !out.is_empty() && m.width(&out, size) > room {
        out.pop();
        out.truncate(out.trim_end().len());
    }
    out.push('…');
    out
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
        let w = metrics().width("aaa bbb", 14.0);
        assert_eq!(lines("aaa bbb ccc", w + 0.1, 10), vec!["aaa bbb", "ccc"]);
        assert_eq!(lines("aaa\n\nbbb", 500.0, 10), vec!["aaa", "", "bbb"]);
        assert_eq!(lines("", 500.0, 10), vec![""]);
        assert_eq!(lines("  spaced   out  ", 500.0, 10), vec!["spaced out"]);
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
            assert!(metrics().width(line, 14.0) <= 100.0);
        }
        // A line never ends up empty even when not one character fits.
        assert_eq!(lines("WW", 1.0, 10), vec!["W", "W"]);
        // Combining marks stay with their letter.
        assert_eq!(
            lines("e\u{301}e\u{301}", 1.0, 10),
            vec!["e\u{301}", "e\u{301}"]
        );
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
        let fits = wrap("one\ntwo", 14.0, 220.0, 2);
        assert!(!fits.elided);
        assert_eq!(
            wrap("one\ntwo\nthree", 14.0, 220.0, 2).lines,
            vec!["one", "two…"]
        );
    }

    /// egui lays text out with kerning and pixel rounding, and at the zoomed size, so its
    /// breaks can differ from these by a word now and then; they should agree on nearly all
    /// cards of the article map, and never by more than a line.
    #[test]
    fn breaks_about_where_egui_breaks_on_the_article_map() {
        use egui::epaint::text::{Fonts, LayoutJob, TextOptions, TextWrapping};
        let mut fonts = Fonts::new(TextOptions::default(), egui::FontDefinitions::default());
        let mut view = fonts.with_pixels_per_point(1.0);
        let map = crate::bundled::article_map();
        let mut same = 0;
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
            let rows = view.layout_job(job).rows.len();
            let ours = wrap(&node.text, 14.0, 220.0, 10).lines.len();
            assert!(
                rows.abs_diff(ours) <= 1,
                "{:?}: {rows} vs {ours}",
                node.text
            );
            same += usize::from(rows == ours);
        }
        assert!(
            same * 10 >= map.nodes.len() * 9,
            "{same} of {}",
            map.nodes.len()
        );
    }
}
