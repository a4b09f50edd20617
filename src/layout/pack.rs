//! Packing the map's trees into the canvas's shape: rows of trees (shelves) as wide as makes
//! the whole closest to the canvas's width-to-height ratio, and the unlinked nodes in a grid.

/// The top-left corner for each of `items` (width, height), packed in order into shelves:
/// left to right with `gap` between them, a new shelf `gap` below the tallest of the last
/// one when the next item would pass the shelf width. The width is the one, out of a range
/// from the widest item to all items in one row, that lets a canvas of width-to-height ratio
/// `aspect` show the whole at the largest zoom. Costs a fixed number of passes over the items.
pub fn shelves(items: &[(f64, f64)], gap: f64, aspect: f64) -> Vec<(f64, f64)> {
    if items.len() <= 1 {
        return vec![(0.0, 0.0); items.len()];
    }
    let widest = items.iter().map(|i| i.0).fold(0.0, f64::max).max(1.0);
    let all_in_a_row = items.iter().map(|i| i.0 + gap).sum::<f64>();
    let mut best: Option<(f64, f64)> = None; // (zoom, width)
    for step in 0..=STEPS {
        let width = widest * (all_in_a_row / widest).powf(step as f64 / STEPS as f64);
        let (w, h) = pack(items, gap, width, |_, _| {});
        // The zoom that fits (w, h) into a canvas of height 1 and width `aspect`.
        let zoom = (aspect / w.max(1.0)).min(1.0 / h.max(1.0));
        if best.is_none_or(|(z, _)| zoom > z * (1.0 + 1e-9)) {
            best = Some((zoom, width));
        }
    }
    let width = best.map_or(all_in_a_row, |(_, w)| w);
    let mut at = Vec::with_capacity(items.len());
    pack(items, gap, width, |x, y| at.push((x, y)));
    at
}

/// How many shelf widths [`shelves`] tries.
const STEPS: usize = 48;

/// Shelf-packs `items` into `width`, telling `put` each item's corner; returns the size used.
fn pack(items: &[(f64, f64)], gap: f64, width: f64, mut put: impl FnMut(f64, f64)) -> (f64, f64) {
    let (mut x, mut y, mut shelf, mut used) = (0.0, 0.0, 0.0f64, 0.0f64);
    for &(w, h) in items {
        if x > 0.0 && x + w > width {
            y += shelf + gap;
            (x, shelf) = (0.0, 0.0);
        }
        put(x, y);
        used = used.max(x + w);
        shelf = shelf.max(h);
        x += w + gap;
    }
    (used, y + shelf)
}

/// Corners for cards of `sizes` in a grid, row by row in order: as many columns as make the
/// grid about as wide, for its height, as `aspect`; columns as wide as the widest card, each
/// row as tall as its tallest. Returns the corners and the grid's size.
pub fn grid(
    sizes: &[(f64, f64)],
    h_gap: f64,
    v_gap: f64,
    aspect: f64,
) -> (Vec<(f64, f64)>, (f64, f64)) {
    if sizes.is_empty() {
        return (Vec::new(), (0.0, 0.0));
    }
    let n = sizes.len() as f64;
    let cell_w = sizes.iter().map(|s| s.0).fold(0.0, f64::max) + h_gap;
    let cell_h = sizes.iter().map(|s| s.1).sum::<f64>() / n + v_gap;
    // columns × cell_w ≈ aspect × rows × cell_h, with rows = n / columns.
    let columns = ((n * aspect * cell_h / cell_w).sqrt().round() as usize).clamp(1, sizes.len());
    let mut at = Vec::with_capacity(sizes.len());
    let (mut top, mut width) = (0.0, 0.0f64);
    for row in sizes.chunks(columns) {
        let mut left = 0.0;
        for s in row {
            at.push((left, top));
            width = width.max(left + s.0);
            left += cell_w;
        }
        top += row.iter().map(|s| s.1).fold(0.0, f64::max) + v_gap;
    }
    (at, (width, top - v_gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_equal_items_pack_into_about_the_canvas_shape() {
        let items = vec![(100.0, 100.0); 100];
        let at = shelves(&items, 0.0, 1.0);
        let right = at.iter().map(|p| p.0 + 100.0).fold(0.0, f64::max);
        let bottom = at.iter().map(|p| p.1 + 100.0).fold(0.0, f64::max);
        assert!((right / bottom - 1.0).abs() < 0.25, "{right} × {bottom}");
        // A wide canvas gets a wide packing.
        let at = shelves(&items, 0.0, 4.0);
        let right = at.iter().map(|p| p.0 + 100.0).fold(0.0, f64::max);
        let bottom = at.iter().map(|p| p.1 + 100.0).fold(0.0, f64::max);
        assert!(right / bottom > 2.5, "{right} × {bottom}");
    }

    #[test]
    fn a_grid_is_filled_row_by_row() {
        let (at, size) = grid(&[(10.0, 10.0); 9], 5.0, 5.0, 1.0);
        assert_eq!(at[1], (15.0, 0.0));
        assert_eq!(at[3], (0.0, 15.0));
        assert_eq!(size, (40.0, 40.0));
        assert_eq!(grid(&[], 5.0, 5.0, 1.0).0, vec![]);
    }
}
