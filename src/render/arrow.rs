//! A link's arrow laid out: shaft, head and +/− disc. The canvas draws its links from this
//! too (`src/app/canvas/links.rs`), in screen units.

use super::geom::{Point, Rect, Rgb};
use super::palette::Palette;
use super::parts::{Arrow, Marker};
use super::route::Route;
use super::style::*;
use crate::model::Relation;

/// How an arrow is drawn besides its route.
#[derive(Clone, Copy, Debug)]
pub struct ArrowStyle {
    pub palette: &'static Palette,
    /// What the +/− disc is filled with: the colour behind the map.
    pub behind: Rgb,
    /// Drawn bolder (the links of the selected cards on the canvas).
    pub highlighted: bool,
}

impl ArrowStyle {
    /// Arrows as the exports draw them: the light palette on white paper.
    pub const EXPORT: ArrowStyle = ArrowStyle {
        palette: &Palette::LIGHT,
        behind: Rgb::WHITE,
        highlighted: false,
    };
}

/// The arrow along `route` at `zoom` (1 on the map; the legend draws smaller samples), as
/// the exports draw it.
pub fn build(route: &Route, relation: Relation, zoom: f32, ends: Option<(usize, usize)>) -> Arrow {
    build_styled(route, relation, zoom, ends, ArrowStyle::EXPORT)
}

/// The arrow along `route`, in the units of a surface drawn at `zoom`: lines and heads keep
/// a legible size in those units however far the surface is zoomed.
pub fn build_styled(
    route: &Route,
    relation: Relation,
    zoom: f32,
    ends: Option<(usize, usize)>,
    style: ArrowStyle,
) -> Arrow {
    let line = if style.highlighted {
        HIGHLIGHTED_LINK_WIDTH
    } else {
        LINK_WIDTH
    };
    let width = line * zoom.clamp(0.5, 1.5);
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
        color: style.palette.relation(relation),
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
            fill: style.behind,
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
