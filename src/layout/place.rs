//! Placing trees: rows, absolute positions, and keeping clear of cards that stay put.

use super::V_GAP;
use super::clear::{Card, Grid};
use super::forest::{Forest, NONE};
use crate::model::{ArgumentMap, LayoutDirection};
use std::ops::Range;

/// The layout being built: a card for every placed node.
pub struct Layout<'a> {
    pub map: &'a ArgumentMap,
    pub forest: &'a Forest,
    pub sizes: &'a [(f64, f64)],
    pub offset: &'a [f64],
    /// Extra rows a wrapped leaf stands below the row under its parent (see `tidy`).
    pub lift: &'a [u32],
    pub direction: LayoutDirection,
    /// Space between one row (a column, growing right) and the next.
    pub layer_gap: f64,
    pub cards: Vec<Option<Card>>,
    /// The runs of `forest.order` placed, in order.
    pub runs: Vec<Range<usize>>,
}

impl Layout<'_> {
    /// Places one tree or subtree (a run of the forest's order) with its root's top-left
    /// corner at (`left`, `top`), growing in the layout's direction.
    pub fn place(&mut self, run: Range<usize>, left: f64, top: f64) {
        let forest = self.forest;
        let nodes = &forest.order[run.clone()];
        let right = self.direction == LayoutDirection::Right;
        // A card's size across the rows (breadth) and along them (depth).
        let sizes_of = self.sizes;
        let breadth = |v: usize| {
            let (w, h) = sizes_of[v];
            if right { h } else { w }
        };
        let depth = |v: usize| {
            let (w, h) = sizes_of[v];
            if right { w } else { h }
        };
        // Rows: the root's is 0, each child's the next after its parent's, plus its lift.
        let mut row = vec![0u32; nodes.len()];
        let mut sizes: Vec<f64> = Vec::new();
        for (k, &v) in nodes.iter().enumerate() {
            let v = v as usize;
            if k > 0 {
                let parent = forest.rank[forest.parent[v] as usize] as usize - run.start;
                row[k] = row[parent] + 1 + self.lift[v];
            }
            let r = row[k] as usize;
            if sizes.len() <= r {
                sizes.resize(r + 1, 0.0);
            }
            sizes[r] = sizes[r].max(depth(v));
        }
        // Rows start on whole units, so rounding never eats into the gap between them.
        let mut starts = Vec::with_capacity(sizes.len());
        let mut at = 0.0;
        for size in &sizes {
            starts.push(at);
            at = (at + size).ceil() + self.layer_gap;
        }
        let root = nodes[0] as usize;
        let (root_breadth, root_depth) = (breadth(root), depth(root));
        let mut centre = vec![0.0; nodes.len()];
        for (k, &v) in nodes.iter().enumerate() {
            let v = v as usize;
            if k > 0 {
                let parent = forest.rank[forest.parent[v] as usize] as usize - run.start;
                centre[k] = centre[parent] + self.offset[v];
            }
            let (b, d) = (breadth(v), depth(v));
            // Across: centred on the tree's line; along: at the start of its row.
            let across = centre[k] - b / 2.0 + root_breadth / 2.0;
            let along = starts[row[k] as usize];
            let (width, height) = self.sizes[v];
            let (card_left, card_top) = match self.direction {
                LayoutDirection::Down => (left + across, top + along),
                // Rows mirrored upwards, each card on its row's lower edge, the root's top
                // where it was.
                LayoutDirection::Up => (left + across, top + root_depth - along - d),
                LayoutDirection::Right => (left + along, top + across),
            };
            self.cards[v] = Some(Card {
                left: card_left,
                top: card_top,
                width,
                height,
            });
        }
        self.runs.push(run);
    }

    /// Pushes moving cards right, row by row, until none comes too close to a card that
    /// stays put (or to another card pushed before it). Children move with their parent.
    pub fn keep_clear_of_fixed(&mut self, moving: &[bool], h_gap: f64) {
        let mut grid = Grid::new(h_gap, f64::from(V_GAP));
        for (i, node) in self.map.nodes.iter().enumerate() {
            if !moving[i] {
                grid.insert(Card {
                    left: f64::from(node.pos.x),
                    top: f64::from(node.pos.y),
                    width: self.sizes[i].0,
                    height: self.sizes[i].1,
                });
            }
        }
        let forest = self.forest;
        let mut push = vec![0.0; self.map.nodes.len()];
        for run in &self.runs {
            let mut rows: Vec<usize> = forest.order[run.clone()]
                .iter()
                .map(|&v| v as usize)
                .filter(|&v| moving[v])
                .collect();
            let left_of = |v: usize| self.cards[v].map_or(0.0, |c| c.left);
            rows.sort_by(|&a, &b| {
                forest.depth[a]
                    .cmp(&forest.depth[b])
                    .then(left_of(a).total_cmp(&left_of(b)))
                    .then(a.cmp(&b))
            });
            for v in rows {
                let parent = forest.parent[v];
                let inherited = if parent == NONE {
                    0.0
                } else {
                    push[parent as usize]
                };
                let Some(card) = self.cards[v].as_mut() else {
                    continue;
                };
                let wanted = card.left;
                card.left += inherited;
                card.left = grid.settle(*card);
                push[v] = card.left - wanted;
            }
        }
    }
}
