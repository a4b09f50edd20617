//! How big a card is, in map units: the one measure the canvas, the exports, the generator
//! and the importers share, so a card takes the same room wherever it is laid out.

use super::style::{CARD_WIDTH, GAP, HEADER, MAX_LINES, PAD, text_size};
use crate::model::Node;

/// The height of a card whose text (all its lines) is `text_height` tall: padding, header,
/// the gap beneath the header, the text and padding again.
pub fn card_height(text_height: f32) -> f32 {
    PAD + HEADER + GAP + text_height + PAD
}

/// A fast guess at a card's width and height from its text length (about half the text size
/// per character), for cards whose text has not been laid out: it costs no text layout, so a
/// map of any size can be culled, hit-tested and arranged at once.
pub fn estimated_size(node: &Node, is_main: bool) -> (f32, f32) {
    let size = text_size(is_main);
    let per_line = ((CARD_WIDTH - 2.0 * PAD) / (size * 0.5)).floor() as usize;
    let lines: usize = node
        .text
        .split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .min(MAX_LINES);
    (CARD_WIDTH, card_height(lines as f32 * size * 1.3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Position};
    use crate::render::style::{MAIN_TEXT_SIZE, TEXT_SIZE};

    fn node(text: String) -> Node {
        Node::new("a", NodeKind::Claim, text, Position::default())
    }

    #[test]
    fn estimates_grow_with_text_and_stop_at_the_line_limit() {
        let short = estimated_size(&node("Short.".into()), false);
        let long = estimated_size(&node("word ".repeat(40)), false);
        let huge = estimated_size(&node("word ".repeat(4000)), false);
        assert_eq!(short, (CARD_WIDTH, card_height(TEXT_SIZE * 1.3)));
        assert!(long.1 > short.1);
        assert_eq!(huge.1, card_height(MAX_LINES as f32 * TEXT_SIZE * 1.3));
    }

    #[test]
    fn the_main_claim_is_estimated_at_its_larger_text_size() {
        let text = node("Short.".into());
        assert_eq!(
            estimated_size(&text, true).1,
            card_height(MAIN_TEXT_SIZE * 1.3)
        );
        // Each paragraph starts a new line.
        assert_eq!(
            estimated_size(&node("a\nb\nc".into()), false).1,
            card_height(3.0 * TEXT_SIZE * 1.3)
        );
    }
}
