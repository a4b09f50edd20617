//! Where a new linked node goes: next to its parent's other children, on free canvas.

use crate::model::Position;
use egui::{Rect, Vec2, pos2, vec2};

const GAP: f32 = 40.0;

/// A free spot for a card of `size` linked to the card `parent`, given the parent's existing
/// children (`siblings`) and every card on the map (`occupied`).
///
/// Children continue the pattern already there: below the lowest sibling when siblings stand
/// in a column (a left-to-right tree), right of the rightmost when they stand in a row (a
/// top-down tree). A first child goes below its parent. The spot then moves along that
/// direction until it overlaps nothing.
pub fn place_child(parent: Rect, siblings: &[Rect], occupied: &[Rect], size: Vec2) -> Position {
    let (mut spot, step) = match siblings.iter().copied().reduce(|a, b| a.union(b)) {
        Some(group) if group.height() >= group.width() => {
            let lowest = siblings
                .iter()
                .max_by(|a, b| a.bottom().total_cmp(&b.bottom()))
                .copied()
                .unwrap_or(group);
            (pos2(lowest.left(), lowest.bottom() + GAP), vec2(0.0, GAP))
        }
        Some(_) => {
            let rightmost = siblings
                .iter()
                .max_by(|a, b| a.right().total_cmp(&b.right()))
                .copied()
                .unwrap_or(parent);
            (
                pos2(rightmost.right() + GAP, rightmost.top()),
                vec2(GAP, 0.0),
            )
        }
        None => (
            pos2(parent.left(), parent.bottom() + 2.0 * GAP),
            vec2(GAP, 0.0),
        ),
    };
    // Bounded: a map has finitely many cards, so a free spot is always found in this range.
    for _ in 0..10_000 {
        let candidate = Rect::from_min_size(spot, size).expand(GAP / 2.0 - 1.0);
        match occupied.iter().find(|r| r.intersects(candidate)) {
            None => break,
            Some(blocker) => {
                spot = if step.x > 0.0 {
                    pos2(blocker.right() + GAP, spot.y)
                } else {
                    pos2(spot.x, blocker.bottom() + GAP)
                };
            }
        }
    }
    Position::new(spot.x, spot.y).rounded()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(x: f32, y: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(240.0, 100.0))
    }

    #[test]
    fn a_first_child_goes_below_its_parent() {
        let parent = card(0.0, 0.0);
        let p = place_child(parent, &[], &[parent], vec2(240.0, 100.0));
        assert_eq!(p, Position::new(0.0, 180.0));
    }

    #[test]
    fn children_continue_a_row_or_a_column_and_never_overlap() {
        let parent = card(0.0, 0.0);
        let row = [card(0.0, 200.0), card(280.0, 200.0)];
        let mut occupied = vec![parent];
        occupied.extend(row);
        let p = place_child(parent, &row, &occupied, vec2(240.0, 100.0));
        assert_eq!(p, Position::new(560.0, 200.0));

        let column = [card(340.0, 0.0), card(340.0, 140.0)];
        let blocker = card(340.0, 300.0);
        let occupied = vec![parent, column[0], column[1], blocker];
        let p = place_child(parent, &column, &occupied, vec2(240.0, 100.0));
        let placed = Rect::from_min_size(pos2(p.x, p.y), vec2(240.0, 100.0));
        assert!(occupied.iter().all(|r| !r.intersects(placed)), "{p:?}");
        assert_eq!(p.x, 340.0);
        assert!(p.y > 400.0);
    }
}
