//! The tidy tree: where each card sits left to right relative to its parent.
//!
//! Bottom-up, each subtree keeps its contour: for every row beneath its root, the leftmost and
//! rightmost card edge. A parent's children are set side by side, each pushed right just far
//! enough that no row of it comes closer than the gap to the rows of the siblings before it;
//! the parent is centred over its first and last child.
//!
//! Contours are stored bottom row first, with one offset for the whole contour, so adding the
//! parent's row is a push and shifting a subtree is one addition. Merging keeps the taller
//! contour's vectors and folds the shorter one in, so every merge costs the height of the
//! shorter side and the whole pass is linear in the number of nodes, even for a
//! 100,000-deep chain (long-path decomposition: each row is folded in at most once).

use super::forest::Forest;

/// One subtree's outline, relative to its root's centre.
struct Contour {
    /// Leftmost and rightmost edge per row, deepest row first, minus `offset`. A row with no
    /// card (above a leaf that a wrapped fan-out put lower) is `+∞..−∞`, which every
    /// comparison below treats as "nothing here".
    left: Vec<f64>,
    right: Vec<f64>,
    offset: f64,
}

impl Contour {
    fn leaf(width: f64) -> Contour {
        Contour {
            left: vec![-width / 2.0],
            right: vec![width / 2.0],
            offset: 0.0,
        }
    }

    fn rows(&self) -> usize {
        self.left.len()
    }

    /// Index of the row `d` rows below the top.
    fn at(&self, d: usize) -> usize {
        self.rows() - 1 - d
    }

    /// Moves the whole contour `rows` rows down, leaving empty rows above it.
    fn lower(&mut self, rows: usize) {
        for _ in 0..rows {
            self.left.push(f64::INFINITY);
            self.right.push(f64::NEG_INFINITY);
        }
    }

    /// The smallest shift of `next` (placed right of `self`) that keeps `gap` between them
    /// on every row both have cards in (−∞ when they share none).
    fn separation(&self, next: &Contour, gap: f64) -> f64 {
        let common = self.rows().min(next.rows());
        (0..common)
            .map(|d| (self.right[self.at(d)] + self.offset) - (next.left[next.at(d)] + next.offset))
            .fold(f64::NEG_INFINITY, f64::max)
            + gap
    }

    /// Merges `next`, already shifted to the right of `self`, into one contour.
    fn absorb(self, next: Contour) -> Contour {
        let common = self.rows().min(next.rows());
        // Keep the taller side's vectors and fold the shorter one in. On shared rows the
        // edges are the outer ones of the two (a row may be empty on either side).
        let (mut base, other) = if self.rows() >= next.rows() {
            (self, next)
        } else {
            (next, self)
        };
        for d in 0..common {
            let (i, j) = (base.at(d), other.at(d));
            let shift = other.offset - base.offset;
            base.left[i] = base.left[i].min(other.left[j] + shift);
            base.right[i] = base.right[i].max(other.right[j] + shift);
        }
        base
    }
}

/// The result of the tidy pass.
pub struct Tidy {
    /// Each node's centre minus its parent's centre (0 for roots).
    pub offset: Vec<f64>,
    /// How many rows further down than the row right under its parent a node stands: more
    /// than 0 for leaves that a wide fan-out wraps into further rows.
    pub lift: Vec<u32>,
}

/// How a node's children are wrapped into several rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wrap {
    /// The most rows (1: no wrapping).
    pub rows: usize,
    /// Wrap every child, not only leaves: the subtree of a lowered child starts lower.
    pub all: bool,
}

/// How many rows a node's `leaves` leaf children are wrapped into, at most `max_rows`: one
/// row for one or two; from three on, as many rows as allowed (up to one a leaf). Two rows
/// are staggered so that each leaf of the lower row stands under a gap of the upper one and
/// its link passes between cards.
pub fn wrap_rows(leaves: usize, max_rows: usize) -> usize {
    if leaves < 3 {
        1
    } else {
        max_rows.clamp(1, leaves)
    }
}

/// Runs the tidy pass over the whole forest. `widths` per node (across the rows: heights when
/// the map grows to the right); `gap` between neighbouring cards in a row, `group_gap`
/// between a node's supporters and its opponents. A node's leaf children are spread over
/// [`wrap_rows`] rows (at most `max_rows`), taken in turn, so siblings still read left to
/// right.
pub fn tidy(forest: &Forest, widths: &[f64], gap: f64, group_gap: f64, wrap: Wrap) -> Tidy {
    let max_rows = wrap.rows;
    let n = widths.len();
    let mut offset = vec![0.0; n];
    let mut lift = vec![0u32; n];
    let mut contours: Vec<Option<Contour>> = (0..n).map(|_| None).collect();
    let mut placed: Vec<(usize, f64)> = Vec::new();
    let is_leaf = |v: usize| wrap.all || forest.first_child[v] == super::forest::NONE;
    for &v in forest.order.iter().rev() {
        let v = v as usize;
        placed.clear();
        let rows = if max_rows > 1 {
            wrap_rows(forest.children(v).filter(|&c| is_leaf(c)).count(), max_rows)
        } else {
            1
        };
        let mut merged: Option<Contour> = None;
        let mut previous: Option<(usize, f64)> = None;
        // The right edge of the rightmost child card so far.
        let mut children_right = f64::NEG_INFINITY;
        let mut leaves = 0;
        for child in forest.children(v) {
            let mut contour = contours[child]
                .take()
                .expect("children come before parents");
            if is_leaf(child) {
                let row = leaves % rows;
                leaves += 1;
                lift[child] = row as u32;
                contour.lower(row);
            }
            let x = match (merged.take(), previous) {
                (Some(acc), Some((before, before_x))) => {
                    let boundary = forest.opposes[child] && !forest.opposes[before];
                    let between = if boundary { group_gap } else { gap };
                    let (wb, wc) = (widths[before], widths[child]);
                    // Each sibling stands right of the one before (so the outline, which
                    // orders siblings left to right, lists them in this order), by a row's
                    // share of a slot when they are wrapped.
                    let mut x = acc
                        .separation(&contour, between)
                        .max(before_x + ((wb + wc) / 2.0 + between) / rows as f64)
                        .max(before_x + (wc - wb) / 2.0 + 1.0);
                    if boundary {
                        // The first opponent stands right of every supporter, in every row
                        // they were wrapped into.
                        x = x.max(children_right + group_gap + wc / 2.0);
                    }
                    contour.offset += x;
                    merged = Some(acc.absorb(contour));
                    x
                }
                _ => {
                    merged = Some(contour);
                    0.0
                }
            };
            previous = Some((child, x));
            children_right = children_right.max(x + widths[child] / 2.0);
            placed.push((child, x));
        }
        let contour = match merged {
            None => Contour::leaf(widths[v]),
            Some(mut contour) => {
                let mid = (placed[0].1 + placed[placed.len() - 1].1) / 2.0;
                for &(child, x) in &placed {
                    offset[child] = x - mid;
                }
                contour.offset -= mid;
                let half = widths[v] / 2.0;
                contour.left.push(-half - contour.offset);
                contour.right.push(half - contour.offset);
                contour
            }
        };
        contours[v] = Some(contour);
    }
    Tidy { offset, lift }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Contour {
        /// The leftmost and rightmost edge over all rows.
        fn extent(&self) -> (f64, f64) {
            let left = self.left.iter().copied().fold(f64::INFINITY, f64::min);
            let right = self.right.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (left + self.offset, right + self.offset)
        }
    }

    #[test]
    fn contours_keep_the_gap_on_every_shared_row() {
        // Left: a root with a wide bottom row; right: a single card.
        let mut left = Contour::leaf(100.0);
        left.left.insert(0, -300.0);
        left.right.insert(0, 300.0);
        let right = Contour::leaf(100.0);
        // Only the top rows are shared: 50 + 10 + 50.
        assert_eq!(left.separation(&right, 10.0), 110.0);
        let mut deep = Contour::leaf(100.0);
        deep.left.insert(0, -50.0);
        deep.right.insert(0, 50.0);
        // Both rows shared; the bottom one decides: 300 + 10 + 50.
        assert_eq!(left.separation(&deep, 10.0), 360.0);
        deep.offset += 360.0;
        let merged = left.absorb(deep);
        assert_eq!(merged.extent(), (-300.0, 410.0));
    }

    #[test]
    fn a_lowered_leaf_tucks_under_nothing_but_keeps_its_row_clear() {
        let mut upper = Contour::leaf(100.0);
        let mut lower = Contour::leaf(100.0);
        lower.lower(1);
        // No shared row with cards in both: nothing keeps them apart.
        assert_eq!(upper.separation(&lower, 10.0), f64::NEG_INFINITY);
        lower.offset += 60.0;
        upper = upper.absorb(lower);
        assert_eq!(upper.rows(), 2);
        assert_eq!(upper.extent(), (-50.0, 110.0));
        // A card in the lower row keeps its gap to the lowered leaf, not to the upper one.
        let mut next = Contour::leaf(100.0);
        next.lower(1);
        assert_eq!(upper.separation(&next, 10.0), 170.0);
    }
}
