//! The legend: the three kinds' icons and the two relations' line styles, in a framed row
//! (the canvas shows the same in its status bar, `src/app/canvas/legend.rs`).

use super::card::{centred_run, icon};
use super::font::metrics;
use super::geom::{Point, Rect, Rgb};
use super::parts::Legend;
use super::route::Route;
use super::style::*;
use crate::model::{NodeKind, Relation};

const PAD: f32 = 10.0;
const HEIGHT: f32 = 36.0;
const SPACING: f32 = 16.0;
const SAMPLE: f32 = 34.0;

/// The legend with its top-left corner at `at`.
pub fn build(at: Point) -> Legend {
    let m = metrics();
    let centre_y = at.y + HEIGHT / 2.0;
    let mut x = at.x + PAD;
    let mut icons = Vec::new();
    let mut samples = Vec::new();
    let mut labels = Vec::new();
    let label = |x: f32, text: &str, labels: &mut Vec<_>| {
        labels.push(centred_run(
            x,
            centre_y,
            LEGEND_TEXT_SIZE,
            TEXT,
            text.to_owned(),
        ));
        x + m.width(text, LEGEND_TEXT_SIZE) + SPACING
    };
    for kind in NodeKind::ALL {
        icons.push((icon(kind, Point::new(x + 6.0, centre_y), 4.5), accent(kind)));
        x = label(x + 17.0, kind.label(), &mut labels);
    }
    for relation in Relation::ALL {
        let a = Point::new(x, centre_y);
        let route = Route {
            points: [
                a,
                a + Point::new(11.0, 0.0),
                a + Point::new(22.0, 0.0),
                a + Point::new(SAMPLE, 0.0),
            ],
        };
        samples.push(super::arrow::build(&route, relation, 0.8, None));
        x = label(x + SAMPLE + 6.0, relation.as_str(), &mut labels);
    }
    Legend {
        frame: Rect::from_min_size(at, x - SPACING + PAD - at.x, HEIGHT),
        fill: Rgb::WHITE,
        stroke: GRID_DOT,
        icons,
        samples,
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_kind_and_relation_inside_its_frame() {
        let legend = build(Point::new(100.0, 50.0));
        let words: Vec<&str> = legend.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            words,
            ["Claim", "Evidence", "Counterpoint", "supports", "opposes"]
        );
        assert_eq!(legend.icons.len(), 3);
        assert_eq!(legend.samples.len(), 2);
        let last = legend.labels.last().unwrap();
        let end = last.x + metrics().width(&last.text, last.size);
        assert!(end < legend.frame.right() && legend.frame.left() == 100.0);
    }
}
