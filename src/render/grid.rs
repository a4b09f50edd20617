//! A uniform grid over a picture's items, to find those in a small view without looking at
//! every item: handout pages frame a few cards each, and a talk has about one step per node,
//! so filtering the whole scene for every page cost steps × nodes.

use super::geom::Rect;

/// Items (by their index) bucketed by the cells their bounds touch. Items whose bounds would
/// touch very many cells (a link across the whole map) are kept aside and offered to every
/// query, so building the grid stays linear.
pub struct Grid {
    origin: (f32, f32),
    cell: (f32, f32),
    side: usize,
    cells: Vec<Vec<u32>>,
    everywhere: Vec<u32>,
    /// Query stamps, so an item in several cells is offered once per query.
    seen: Vec<u32>,
    query: u32,
}

impl Grid {
    /// A grid over `area` for the items whose bounds `bounds` gives, in order.
    pub fn new(area: Rect, bounds: impl ExactSizeIterator<Item = Rect>) -> Self {
        let count = bounds.len();
        // About one cell per item: a query's cost follows what is in view, not the map.
        let side = (count as f64).sqrt().ceil().clamp(1.0, 2048.0) as usize;
        let cell = (
            (area.width() / side as f32).max(1.0),
            (area.height() / side as f32).max(1.0),
        );
        let mut grid = Self {
            origin: (area.left(), area.top()),
            cell,
            side,
            cells: vec![Vec::new(); side * side],
            everywhere: Vec::new(),
            seen: vec![0; count],
            query: 0,
        };
        for (i, rect) in bounds.enumerate() {
            let (x0, x1, y0, y1) = grid.span(&rect);
            if (x1 - x0 + 1) * (y1 - y0 + 1) > 4 * side {
                grid.everywhere.push(i as u32);
                continue;
            }
            for y in y0..=y1 {
                for x in x0..=x1 {
                    grid.cells[y * side + x].push(i as u32);
                }
            }
        }
        grid
    }

    /// The cells `rect` touches, as inclusive column and row ranges (clamped to the grid).
    fn span(&self, rect: &Rect) -> (usize, usize, usize, usize) {
        let at = |v: f32, origin: f32, size: f32| {
            (((v - origin) / size).floor().max(0.0) as usize).min(self.side - 1)
        };
        (
            at(rect.left(), self.origin.0, self.cell.0),
            at(rect.right(), self.origin.0, self.cell.0),
            at(rect.top(), self.origin.1, self.cell.1),
            at(rect.bottom(), self.origin.1, self.cell.1),
        )
    }

    /// The items whose cells `rect` touches (a superset of those it intersects), each once,
    /// in item order.
    pub fn near(&mut self, rect: &Rect) -> Vec<usize> {
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.seen.fill(0);
            self.query = 1;
        }
        let (x0, x1, y0, y1) = self.span(rect);
        let mut found = Vec::new();
        let mut offer = |i: u32, seen: &mut Vec<u32>| {
            if seen[i as usize] != self.query {
                seen[i as usize] = self.query;
                found.push(i as usize);
            }
        };
        for &i in &self.everywhere {
            offer(i, &mut self.seen);
        }
        for y in y0..=y1 {
            for x in x0..=x1 {
                for &i in &self.cells[y * self.side + x] {
                    offer(i, &mut self.seen);
                }
            }
        }
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::geom::Point;

    #[test]
    fn finds_exactly_what_a_scan_finds_once_filtered() {
        // Small boxes on a diagonal, plus one box across everything.
        let mut boxes: Vec<Rect> = (0..500)
            .map(|i| Rect::from_min_size(Point::new(i as f32 * 10.0, i as f32 * 7.0), 30.0, 20.0))
            .collect();
        boxes.push(Rect::from_min_size(Point::new(0.0, 0.0), 5000.0, 3500.0));
        let area = boxes.iter().copied().reduce(|a, b| a.union(&b)).unwrap();
        let mut grid = Grid::new(area, boxes.iter().copied());
        for view in [
            Rect::from_min_size(Point::new(100.0, 70.0), 50.0, 50.0),
            Rect::from_min_size(Point::new(-500.0, -500.0), 100.0, 100.0),
            Rect::from_min_size(Point::new(2000.0, 1000.0), 3000.0, 3000.0),
        ] {
            let scan: Vec<usize> = (0..boxes.len())
                .filter(|&i| boxes[i].intersects(&view))
                .collect();
            let near: Vec<usize> = grid
                .near(&view)
                .into_iter()
                .filter(|&i| boxes[i].intersects(&view))
                .collect();
            assert_eq!(near, scan);
        }
        // A small view is offered few items, not all of them.
        let few = grid.near(&Rect::from_min_size(Point::new(100.0, 70.0), 5.0, 5.0));
        assert!(few.len() < boxes.len() / 10, "{}", few.len());
    }
}
