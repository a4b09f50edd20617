//! Placing trees: rows, absolute positions, and keeping clear of cards that stay put.

use super::V_GAP;
use super::clear::{Card, Grid};
use super::forest::{Forest, NONE};
use crate::model::ArgumentMap;
use std::ops::Range;

/// The layout being built: a card for every placed node.
pub struct Layout<'a> {
    pub map: &'a ArgumentMap,
    pub forest: &'a Forest,
    pub sizes: &'a [(f64, f64)],
    pub offset: &'a [f64],
    pub cards: Vec<Option<Card>>,
    /// The runs of `forest.order` placed, in order.
    pub runs: Vec<Range<usize>>,
}

impl Layout<'_> {
    /// Places one tree or subtree (a run of the forest's order) with its root's centre at `x`
    /// and its top row at `top`.
    pub fn place(&mut self, run: Range<usize>, x: f64, top: f64) {
        let forest = self.forest;
        let nodes = &forest.order[run.clone()];
        let base = forest.depth[nodes[0] as usize];
        let mut heights: Vec<f64> = Vec::new();
        for &v in nodes {
            let row = (forest.depth[v as usize] - base) as usize;
            if heights.len() <= row {
                heights.resize(row + 1, 0.0);
            }
            heights[row] = heights[row].max(self.sizes[v as usize].1);
        }
        // Rows start on whole units, so rounding never eats into the vertical gap.
        let mut tops = Vec::with_capacity(heights.len());
        let mut y = top;
        for h in &heights {
            tops.push(y);
            y = (y + h).ceil() + f64::from(V_GAP);
        }
        let mut centre = vec![0.0; nodes.len()];
        for (k, &v) in nodes.iter().enumerate() {
            let v = v as usize;
            centre[k] = if k == 0 {
                x
            } else {
                let parent = forest.parent[v] as usize;
                centre[forest.rank[parent] as usize - run.start] + self.offset[v]
            };
            let (width, height) = self.sizes[v];
            self.cards[v] = Some(Card {
                left: centre[k] - width / 2.0,
                top: tops[(forest.depth[v] - base) as usize],
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
