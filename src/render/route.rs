//! Where a link runs, in plain geometry: the one rule the canvas (`src/app/canvas/links.rs`)
//! and the picture exports both use, so exports draw every link exactly where the canvas does.

use super::geom::{Point, Rect};

/// A cubic Bézier from a side of one card to the facing side of the other, leaving and
/// entering square to the border.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    pub points: [Point; 4],
}

impl Route {
    pub fn start(&self) -> Point {
        self.points[0]
    }

    pub fn end(&self) -> Point {
        self.points[3]
    }

    /// The point at parameter `t` in 0..=1.
    pub fn at(&self, t: f32) -> Point {
        let [a, b, c, d] = self.points;
        let u = 1.0 - t;
        a * (u * u * u) + b * (3.0 * u * u * t) + c * (3.0 * u * t * t) + d * (t * t * t)
    }

    /// The direction of travel at the end (for the arrow head).
    pub fn end_direction(&self) -> Point {
        let fallback = (self.points[3] - self.points[0]).normalized_or(Point::new(1.0, 0.0));
        (self.points[3] - self.points[2]).normalized_or(fallback)
    }

    /// A rectangle holding the whole curve (the hull of its control points).
    pub fn bounds(&self) -> Rect {
        Rect::around(&self.points).expect("four points")
    }
}

/// The route between two cards, or `None` when they overlap (the canvas draws no link then).
pub fn route(from: Rect, to: Rect) -> Option<Route> {
    if from.intersects(&to) {
        return None;
    }
    let d = to.center() - from.center();
    let gap_x = d.x.abs() - (from.width() + to.width()) / 2.0;
    let gap_y = d.y.abs() - (from.height() + to.height()) / 2.0;
    // Cross the gap that separates the cards most narrowly; a gap of a few units (cards
    // almost in line) does not count as separating them.
    const CLEAR: f32 = 24.0;
    let sideways = match (gap_x > CLEAR, gap_y > CLEAR) {
        (true, true) => gap_x <= gap_y,
        (false, false) => gap_x >= gap_y,
        (sideways, _) => sideways,
    };
    let (a, b, tangent) = if sideways {
        let s = d.x.signum();
        let a = Point::new(
            if s > 0.0 { from.right() } else { from.left() },
            from.center().y,
        );
        let b = Point::new(if s > 0.0 { to.left() } else { to.right() }, to.center().y);
        (a, b, Point::new(s, 0.0))
    } else {
        let s = d.y.signum();
        let a = Point::new(
            from.center().x,
            if s > 0.0 { from.bottom() } else { from.top() },
        );
        let b = Point::new(to.center().x, if s > 0.0 { to.top() } else { to.bottom() });
        (a, b, Point::new(0.0, s))
    };
    let reach = ((b - a).dot(tangent).abs() * 0.5).max(20.0);
    Some(Route {
        points: [a, a + tangent * reach, b - tangent * reach, b],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(Point::new(x, y), w, h)
    }

    #[test]
    fn routes_leave_through_the_facing_sides() {
        let side = route(r(0.0, 0.0, 200.0, 100.0), r(400.0, 300.0, 200.0, 100.0)).unwrap();
        assert_eq!(side.start(), Point::new(200.0, 50.0));
        assert_eq!(side.end(), Point::new(400.0, 350.0));
        assert_eq!(side.end_direction(), Point::new(1.0, 0.0));
        let up = route(r(0.0, 300.0, 200.0, 100.0), r(50.0, 0.0, 200.0, 100.0)).unwrap();
        assert_eq!(up.start(), Point::new(100.0, 300.0));
        assert_eq!(up.end(), Point::new(150.0, 100.0));
        assert_eq!(up.end_direction(), Point::new(0.0, -1.0));
        assert_eq!(
            route(r(0.0, 0.0, 200.0, 100.0), r(50.0, 50.0, 200.0, 100.0)),
            None
        );
    }

    #[test]
    fn a_route_between_column_neighbours_stays_in_the_gap() {
        let rt = route(r(330.0, 1500.0, 240.0, 80.0), r(0.0, 0.0, 240.0, 80.0)).unwrap();
        for i in 0..=50 {
            let p = rt.at(i as f32 / 50.0);
            assert!(p.x >= 240.0 - 1e-3 && p.x <= 330.0 + 1e-3, "{p:?}");
        }
        let b = rt.bounds();
        assert_eq!((b.left(), b.right()), (240.0, 330.0));
    }
}
