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
    /// Leftmost and rightmost edge per row, deepest row first, minus `offset`.
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

    /// The smallest shift of `next` (placed right of `self`) that keeps `gap` between them
    /// on every row both have.
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
        if self.rows() >= next.rows() {
            // Where both have rows, the right edge is next's; below, self's rows stay.
            let mut base = self;
            for d in 0..common {
                let (i, j) = (base.at(d), next.at(d));
                base.right[i] = next.right[j] + next.offset - base.offset;
            }
            base
        } else {
            let mut base = next;
            for d in 0..common {
                let (i, j) = (base.at(d), self.at(d));
                base.left[i] = self.left[j] + self.offset - base.offset;
            }
            base
        }
    }

    /// The leftmost and rightmost edge over all rows.
    fn extent(&self) -> (f64, f64) {
        let left = self.left.iter().copied().fold(f64::INFINITY, f64::min);
        let right = self.right.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (left + self.offset, right + self.offset)
    }
}

/// The result of the tidy pass.
pub struct Tidy {
    /// Each node's centre minus its parent's centre (0 for roots).
    pub offset: Vec<f64>,
    /// Each node's subtree extent (leftmost, rightmost edge) relative to its centre, for the
    /// nodes asked for in `extents_of`.
    pub extent: Vec<(f64, f64)>,
}

/// Runs the tidy pass over the whole forest. `widths` per node; `gap` between neighbouring
/// cards in a row, `group_gap` between a node's supporters and its opponents.
/// `wanted` marks the nodes whose subtree extent is needed (tree and subtree roots).
pub fn tidy(forest: &Forest, widths: &[f64], gap: f64, group_gap: f64, wanted: &[bool]) -> Tidy {
    let n = widths.len();
    let mut offset = vec![0.0; n];
    let mut extent = vec![(0.0, 0.0); n];
    let mut contours: Vec<Option<Contour>> = (0..n).map(|_| None).collect();
    let mut placed: Vec<(usize, f64)> = Vec::new();
    for &v in forest.order.iter().rev() {
        let v = v as usize;
        placed.clear();
        let mut merged: Option<Contour> = None;
        let mut previous_opposes = false;
        for child in forest.children(v) {
            let mut contour = contours[child]
                .take()
                .expect("children come before parents");
            let x = match merged.take() {
                None => {
                    merged = Some(contour);
                    0.0
                }
                Some(acc) => {
                    let between = if forest.opposes[child] && !previous_opposes {
                        group_gap
                    } else {
                        gap
                    };
                    let x = acc.separation(&contour, between);
                    contour.offset += x;
                    merged = Some(acc.absorb(contour));
                    x
                }
            };
            previous_opposes = forest.opposes[child];
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
        if wanted[v] {
            extent[v] = contour.extent();
        }
        contours[v] = Some(contour);
    }
    Tidy { offset, extent }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
