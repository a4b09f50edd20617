//! A link's arrow laid out: shaft, head and +/− disc (`paint` in `src/app/canvas/links.rs`).

use super::geom::{Point, Rect, Rgb};
use super::parts::{Arrow, Marker};
use super::route::Route;
use super::style::*;
use crate::model::Relation;

/// The arrow along `route` at `zoom` (1 on the map; the legend draws smaller samples).
pub fn build(route: &Route, relation: Relation, zoom: f32, ends: Option<(usize, usize)>) -> Arrow {
    let width = LINK_WIDTH * zoom.clamp(0.5, 1.5);
    let head = (ARROW_HEAD * zoom.clamp(0.4, 1.5)).max(5.0);
    let tip = route.end();
    let dir = route.end_direction();
    // The shaft stops inside the head so its end does not poke out of the point.
    let [a, b, c, _] = route.points;
    let shaft = [a, b, c, tip - dir * (head * 0.8)];
    let dash = (relation == Relation::Opposes).then(|| {
        let k = zoom.clamp(0.5, 1.5);
        (DASH * k, DASH_GAP * k)
    });
    let normal = dir.perpendicular();
    let base = tip - dir * head;
    let radius = MARKER_RADIUS * zoom.clamp(0.6, 1.4);
    let centre = route.at(0.5);
    let arm = radius * 0.55;
    let mut bars = vec![[centre - Point::new(arm, 0.0), centre + Point::new(arm, 0.0)]];
    if relation == Relation::Supports {
        bars.push([centre - Point::new(0.0, arm), centre + Point::new(0.0, arm)]);
    }
    Arrow {
        ends,
        relation,
        color: relation_color(relation),
        width,
        shaft,
        dash,
        head: [
            tip,
            base + normal * (head * 0.5),
            base - normal * (head * 0.5),
        ],
        marker: Marker {
            centre,
            radius,
            fill: Rgb::WHITE,
            stroke_width: MARKER_STROKE,
            bars,
            bar_width: MARKER_ARM_STROKE,
        },
    }
}

/// A rectangle holding everything the arrow draws.
pub fn bounds(arrow: &Arrow) -> Rect {
    let mut points = arrow.shaft.to_vec();
    points.extend(arrow.head);
    let r = arrow.marker.radius + arrow.marker.stroke_width;
    points.push(arrow.marker.centre - Point::new(r, r));
    points.push(arrow.marker.centre + Point::new(r, r));
    Rect::around(&points)
        .expect("an arrow has points")
        .expand(arrow.width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opposes_is_dashed_with_a_minus_and_supports_solid_with_a_plus() {
        let route = Route {
            points: [
                Point::new(0.0, 0.0),
                Point::new(50.0, 0.0),
                Point::new(50.0, 100.0),
                Point::new(100.0, 100.0),
            ],
        };
        let sup = build(&route, Relation::Supports, 1.0, None);
        let opp = build(&route, Relation::Opposes, 1.0, None);
        assert!(sup.dash.is_none() && opp.dash.is_some());
        assert_eq!((sup.marker.bars.len(), opp.marker.bars.len()), (2, 1));
        assert_eq!(sup.head[0], Point::new(100.0, 100.0));
        assert_eq!(sup.shaft[3], Point::new(100.0 - 8.8, 100.0));
        assert_eq!(sup.marker.centre, Point::new(50.0, 50.0));
        assert_ne!(sup.color, opp.color);
        let b = bounds(&sup);
        assert!(b.left() < 0.0 && b.right() > 100.0);
    }
}
