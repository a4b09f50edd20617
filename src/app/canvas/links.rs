//! Link arrows: from the border of the supporting/opposing card to the border of its target.

use crate::app::theme::{self, Theme};
use crate::model::Relation;
use egui::{Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2};

/// A link's path: a cubic Bézier from a side of one card to the facing side of the other,
/// leaving and entering square to the border, so it runs through the gap between the cards
/// instead of cutting across neighbouring cards the way a centre-to-centre line would.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    pub points: [Pos2; 4],
}

impl Route {
    pub fn start(&self) -> Pos2 {
        self.points[0]
    }

    pub fn end(&self) -> Pos2 {
        self.points[3]
    }

    /// The point at parameter `t` in 0..=1.
    pub fn at(&self, t: f32) -> Pos2 {
        let [a, b, c, d] = self.points.map(|p| p.to_vec2());
        let u = 1.0 - t;
        (a * u * u * u + b * 3.0 * u * u * t + c * 3.0 * u * t * t + d * t * t * t).to_pos2()
    }

    /// The direction of travel at the end (for the arrow head).
    pub fn end_direction(&self) -> Vec2 {
        let d = self.points[3] - self.points[2];
        if d.length_sq() > 1e-6 {
            d.normalized()
        } else {
            (self.points[3] - self.points[0]).normalized()
        }
    }

    /// The curve as a polyline of `segments` pieces.
    pub fn polyline(&self, segments: usize) -> Vec<Pos2> {
        (0..=segments)
            .map(|i| self.at(i as f32 / segments as f32))
            .collect()
    }

    pub fn bounds(&self) -> Rect {
        Rect::from_points(&self.points)
    }

    pub fn transformed(&self, f: impl Fn(Pos2) -> Pos2) -> Route {
        Route {
            points: self.points.map(f),
        }
    }
}

/// The route between two cards (any units), or `None` when they overlap. The rule is
/// `render::route`, shared with the picture exports so they draw links where the canvas does.
pub fn route(from: Rect, to: Rect) -> Option<Route> {
    use crate::render::geom;
    let rect = |r: Rect| {
        geom::Rect::from_min_size(geom::Point::new(r.min.x, r.min.y), r.width(), r.height())
    };
    let shared = crate::render::route::route(rect(from), rect(to))?;
    Some(Route {
        points: shared.points.map(|p| pos2(p.x, p.y)),
    })
}

/// Distance from `p` to the route (approximated by a fine polyline).
pub fn distance_to_route(p: Pos2, route: &Route) -> f32 {
    route
        .polyline(24)
        .windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f32::INFINITY, f32::min)
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t - p).length()
}

/// Paints the link along `route` (screen units) at `zoom`: the arrow `render` lays out, as
/// the exports draw it.
pub fn paint(
    painter: &Painter,
    theme: &Theme,
    route: &Route,
    relation: Relation,
    zoom: f32,
    highlighted: bool,
) {
    use crate::render::arrow::{ArrowStyle, build_styled};
    use crate::render::geom::Point;
    let shared = crate::render::route::Route {
        points: route.points.map(|p| Point::new(p.x, p.y)),
    };
    let style = ArrowStyle {
        palette: theme.palette,
        behind: theme.palette.background,
        highlighted,
    };
    let arrow = build_styled(&shared, relation, zoom, None, style);
    painter.extend(arrow_shapes(&arrow, zoom, painter.clip_rect()));
}

/// The shapes of `arrow` (laid out in screen units), dashes only within `clip`.
pub fn arrow_shapes(arrow: &crate::render::Arrow, zoom: f32, clip: Rect) -> Vec<Shape> {
    let color = theme::color(arrow.color);
    let stroke = Stroke::new(arrow.width, color);
    let shaft = crate::render::route::Route {
        points: arrow.shaft,
    };
    let segments = if zoom < 0.3 { 8 } else { 20 };
    let points: Vec<Pos2> = (0..=segments)
        .map(|i| shaft.at(i as f32 / segments as f32))
        .map(|p| pos2(p.x, p.y))
        .collect();
    let mut shapes = Vec::new();
    match arrow.dash {
        None => shapes.push(Shape::line(points, stroke)),
        Some((dash, gap)) => {
            dashes_within(&points, clip.expand(arrow.width), [dash, gap], |a, b| {
                shapes.push(Shape::line_segment([a, b], stroke));
            });
        }
    }
    let head = arrow.head.map(|p| pos2(p.x, p.y)).to_vec();
    shapes.push(Shape::convex_polygon(head, color, Stroke::NONE));
    if zoom >= 0.35 {
        // A small disc with + or − halfway along the link: the relation without colour.
        let m = &arrow.marker;
        let centre = pos2(m.centre.x, m.centre.y);
        let ring = Stroke::new(m.stroke_width, color);
        shapes.push(Shape::circle_filled(centre, m.radius, theme::color(m.fill)));
        shapes.push(Shape::circle_stroke(centre, m.radius, ring));
        let bar = Stroke::new(m.bar_width, color);
        for [a, b] in &m.bars {
            shapes.push(Shape::line_segment([pos2(a.x, a.y), pos2(b.x, b.y)], bar));
        }
    }
    shapes
}

/// Dashes along `points`, only where the line is inside `clip`. Dashing a whole link made one
/// shape per dash along links that run far off screen (millions on a big map); the phase is
/// kept from the start of the line, so dashes do not crawl while panning.
pub fn dashes_within(
    points: &[Pos2],
    clip: Rect,
    [dash, gap]: [f32; 2],
    mut dash_from_to: impl FnMut(Pos2, Pos2),
) {
    let period = dash + gap;
    let mut travelled = 0.0;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let length = (b - a).length();
        if let Some((t0, t1)) = clip_segment(a, b, clip)
            && length > 0.0
        {
            let (s0, s1) = (travelled + t0 * length, travelled + t1 * length);
            let mut start = (s0 / period).floor() * period;
            while start < s1 {
                let (from, to) = (start.max(s0), (start + dash).min(s1));
                if from < to {
                    let at = |s: f32| a + (b - a) * ((s - travelled) / length);
                    dash_from_to(at(from), at(to));
                }
                start += period;
            }
        }
        travelled += length;
    }
}

/// The part of segment `a`–`b` inside `clip`, as parameters 0..=1 (Liang–Barsky).
fn clip_segment(a: Pos2, b: Pos2, clip: Rect) -> Option<(f32, f32)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - clip.min.x),
        (d.x, clip.max.x - a.x),
        (-d.y, a.y - clip.min.y),
        (d.y, clip.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 < t1).then_some((t0, t1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    fn r(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(w, h))
    }

    #[test]
    fn routes_leave_through_the_facing_sides() {
        // Side by side: from the right edge of the left card to the left edge of the right one.
        let side = route(r(0.0, 0.0, 200.0, 100.0), r(400.0, 300.0, 200.0, 100.0)).unwrap();
        assert_eq!(side.start(), pos2(200.0, 50.0));
        assert_eq!(side.end(), pos2(400.0, 350.0));
        assert_eq!(side.end_direction(), vec2(1.0, 0.0));
        // Stacked: from the top edge of the lower card to the bottom edge of the upper one.
        let up = route(r(0.0, 300.0, 200.0, 100.0), r(50.0, 0.0, 200.0, 100.0)).unwrap();
        assert_eq!(up.start(), pos2(100.0, 300.0));
        assert_eq!(up.end(), pos2(150.0, 100.0));
        assert_eq!(up.end_direction(), vec2(0.0, -1.0));
        assert_eq!(
            route(r(0.0, 0.0, 200.0, 100.0), r(50.0, 50.0, 200.0, 100.0)),
            None
        );
    }

    #[test]
    fn a_route_between_column_neighbours_stays_in_the_gap() {
        // Parent in column 0, child far below in column 1: the curve never enters either column.
        let child = r(330.0, 1500.0, 240.0, 80.0);
        let parent = r(0.0, 0.0, 240.0, 80.0);
        let rt = route(child, parent).unwrap();
        for p in rt.polyline(50) {
            assert!(p.x >= 240.0 - 1e-3 && p.x <= 330.0 + 1e-3, "{p:?}");
        }
        assert!(distance_to_route(rt.at(0.3), &rt) < 1.0);
        // The same in a top-down tree: a child far to the side in the next row.
        let child = r(1500.0, 200.0, 240.0, 80.0);
        let rt = route(child, parent).unwrap();
        assert_eq!(rt.end_direction(), vec2(0.0, -1.0));
        for p in rt.polyline(50) {
            assert!(p.y >= 80.0 - 1e-3 && p.y <= 200.0 + 1e-3, "{p:?}");
        }
    }

    #[test]
    fn dashes_are_drawn_only_inside_the_clip_and_keep_their_phase() {
        let line = [pos2(0.0, 0.0), pos2(1_000_000.0, 0.0)];
        let dashes = |clip: Rect| {
            let mut out = Vec::new();
            dashes_within(&line, clip, [8.0, 6.0], |a, b| out.push((a.x, b.x)));
            out
        };
        let all = dashes(r(-10.0, -10.0, 1e7, 20.0));
        let clipped = dashes(r(500.0, -10.0, 100.0, 20.0));
        assert!(all.len() > 70_000);
        assert!((7..=9).contains(&clipped.len()), "{}", clipped.len());
        // Every clipped dash is (the visible part of) the same dash the whole line has.
        for &(x0, x1) in &clipped {
            assert!((500.0..=600.0).contains(&x0) && (500.0..=600.0).contains(&x1));
            let period_start = (x0 / 14.0).floor() * 14.0;
            assert!(
                x1 <= period_start + 8.0 + 1e-3,
                "{x0}..{x1} is not on a dash"
            );
        }
        assert!(dashes(r(0.0, 50.0, 100.0, 20.0)).is_empty());
    }

    #[test]
    fn distance_to_segment_clamps_to_the_ends() {
        let (a, b) = (pos2(0.0, 0.0), pos2(10.0, 0.0));
        assert_eq!(distance_to_segment(pos2(5.0, 3.0), a, b), 3.0);
        assert_eq!(distance_to_segment(pos2(14.0, 3.0), a, b), 5.0);
    }
}
