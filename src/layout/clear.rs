//! Keeping arranged cards off the cards that stay put (pinned ones, and everything outside
//! an arranged subtree).
//!
//! Cards are taken row by row, left to right; each is pushed right until it keeps the gaps to
//! every card already settled, and its children inherit the push so subtrees stay under
//! their parents. A uniform grid finds nearby cards, so this stays near-linear.

use std::collections::HashMap;

/// A card's box in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Card {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Card {
    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    /// True when the two cards come closer than the gaps, horizontally and vertically.
    pub fn crowds(&self, other: &Card, h_gap: f64, v_gap: f64) -> bool {
        self.left < other.right() + h_gap
            && other.left < self.right() + h_gap
            && self.top < other.bottom() + v_gap
            && other.top < self.bottom() + v_gap
    }
}

const CELL: f64 = 512.0;

/// Cards bucketed by the grid cells they touch (with their gaps).
pub struct Grid {
    cells: HashMap<(i64, i64), Vec<u32>>,
    cards: Vec<Card>,
    h_gap: f64,
    v_gap: f64,
}

impl Grid {
    pub fn new(h_gap: f64, v_gap: f64) -> Grid {
        Grid {
            cells: HashMap::new(),
            cards: Vec::new(),
            h_gap,
            v_gap,
        }
    }

    fn cells_of(card: &Card) -> impl Iterator<Item = (i64, i64)> {
        let cell = |v: f64| (v / CELL).floor() as i64;
        let (x0, x1) = (cell(card.left), cell(card.right()));
        let (y0, y1) = (cell(card.top), cell(card.bottom()));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    pub fn insert(&mut self, card: Card) {
        // Each card is bucketed with its gaps, so one lookup of the cells a query card covers
        // finds everything that could crowd it.
        let id = self.cards.len() as u32;
        let padded = Card {
            left: card.left - self.h_gap,
            top: card.top - self.v_gap,
            width: card.width + 2.0 * self.h_gap,
            height: card.height + 2.0 * self.v_gap,
        };
        for key in Self::cells_of(&padded) {
            self.cells.entry(key).or_default().push(id);
        }
        self.cards.push(card);
    }

    /// The right edge of the rightmost card crowding `card`, if any.
    fn blocker(&self, card: &Card) -> Option<f64> {
        let mut found: Option<f64> = None;
        for key in Self::cells_of(card) {
            for &id in self.cells.get(&key).into_iter().flatten() {
                let other = &self.cards[id as usize];
                if card.crowds(other, self.h_gap, self.v_gap) {
                    found = Some(found.map_or(other.right(), |r: f64| r.max(other.right())));
                }
            }
        }
        found
    }

    /// Moves `card` right until nothing crowds it, then settles it; returns its new left edge.
    pub fn settle(&mut self, mut card: Card) -> f64 {
        // Each step passes at least one card, so this ends; the bound is a safety net.
        for _ in 0..=self.cards.len() {
            match self.blocker(&card) {
                Some(right) => card.left = right + self.h_gap,
                None => break,
            }
        }
        self.insert(card);
        card.left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(left: f64, top: f64) -> Card {
        Card {
            left,
            top,
            width: 240.0,
            height: 100.0,
        }
    }

    #[test]
    fn a_card_is_pushed_past_everything_that_crowds_it() {
        let mut grid = Grid::new(40.0, 60.0);
        grid.insert(card(0.0, 0.0));
        grid.insert(card(290.0, 50.0));
        assert_eq!(grid.settle(card(100.0, 10.0)), 570.0);
        // Far enough below, nothing crowds.
        assert_eq!(grid.settle(card(0.0, 160.0)), 0.0);
        // Just too close below: pushed.
        assert_eq!(grid.settle(card(0.0, 250.0)), 280.0);
    }
}
