//! A map laid out as a picture: positioned shapes and lines of text in map units, ready to be
//! written as SVG (and from there rasterised to PNG or converted to PDF). Building a scene is
//! pure: the same map always gives the same scene.

use super::geom::{Point, Rect};
use super::palette::Palette;
use super::parts::{Arrow, Card, Legend, ReasonBox, SchemeLabel, TextRun};
use super::{arrow, card, font, legend, reason, style};
use crate::model::ArgumentMap;

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The map's title, on one line.
    pub title: String,
    /// The part of the map plane the picture shows: everything drawn, plus a margin.
    pub view: Rect,
    /// Links, drawn first so cards sit on top of them.
    pub arrows: Vec<Arrow>,
    /// Boxes around linked reasons' premises, drawn before the cards.
    pub boxes: Vec<ReasonBox>,
    /// Reasons' scheme names beside their markers, drawn after the arrows.
    pub labels: Vec<SchemeLabel>,
    /// Cards in map order.
    pub cards: Vec<Card>,
    pub legend: Option<Legend>,
    /// Shown instead of cards when the map has no nodes.
    pub note: Option<TextRun>,
}

/// Positions beyond this many units from the origin are pulled in, so sizes stay finite.
const FAR: f32 = 1.0e7;

/// The map as a picture. `legend` adds the legend below the map.
pub fn build(map: &ArgumentMap, legend: bool) -> Scene {
    let main = map.main_claim();
    let cards: Vec<Card> = super::parallel::map(&map.nodes, |i, node| {
        let pos = Point::new(tame(node.pos.x), tame(node.pos.y));
        card::build(i, node, pos, main == Some(&node.id))
    });
    let index = map.node_index();
    let placed = reason::place_all(map, |id| index.get(id).copied(), |i| cards[i].rect);
    let mut arrows = Vec::with_capacity(placed.len());
    let mut boxes = Vec::new();
    let mut labels = Vec::new();
    for (link, placed) in map.links.iter().zip(&placed) {
        let Some(placed) = placed else { continue };
        arrows.push(arrow::build(
            &placed.route,
            link.relation,
            1.0,
            Some(placed.ends),
        ));
        if let Some(rect) = placed.boxed {
            boxes.push(reason::reason_box(rect, link.relation, &Palette::LIGHT));
        }
        labels.extend(reason::scheme_label(link, &placed.route, style::WEAK_TEXT));
    }

    let mut note = None;
    let content = cards
        .iter()
        .map(|c| c.rect.union(&c.shadow))
        .chain(arrows.iter().map(arrow::bounds))
        .chain(boxes.iter().map(|b| b.rect))
        .reduce(|a, b| a.union(&b))
        .unwrap_or_else(|| {
            let m = font::metrics();
            note = Some(TextRun {
                x: 0.0,
                baseline: m.ascent(style::TEXT_SIZE),
                size: style::TEXT_SIZE,
                color: style::WEAK_TEXT,
                text: "This map has no nodes.".to_owned(),
            });
            Rect::from_min_size(
                Point::default(),
                style::CARD_WIDTH,
                m.row_height(style::TEXT_SIZE),
            )
        });
    let legend =
        legend.then(|| legend::build(Point::new(content.left(), content.bottom() + style::MARGIN)));
    let all = legend.as_ref().map_or(content, |l| content.union(&l.frame));
    Scene {
        title: super::clean::one_line(&map.title),
        view: whole_units(all.expand(style::MARGIN)),
        arrows,
        boxes,
        labels,
        cards,
        legend,
        note,
    }
}

/// `r` grown outwards to whole units, so the picture's size is a whole number of pixels.
fn whole_units(r: Rect) -> Rect {
    Rect {
        min: Point::new(r.min.x.floor(), r.min.y.floor()),
        max: Point::new(r.max.x.ceil(), r.max.y.ceil()),
    }
}

/// A coordinate that layout can use: finite, and within ±[`FAR`].
fn tame(v: f32) -> f32 {
    if v.is_finite() {
        v.clamp(-FAR, FAR)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind, Position, Relation};

    #[test]
    fn lays_out_cards_links_and_legend_inside_the_view() {
        let map = crate::bundled::article_map();
        let scene = build(&map, true);
        assert_eq!(scene.cards.len(), map.nodes.len());
        assert_eq!(scene.arrows.len(), map.links.len());
        let legend = scene.legend.as_ref().unwrap();
        for r in scene.cards.iter().map(|c| c.rect).chain([legend.frame]) {
            assert!(
                scene.view.union(&r) == scene.view,
                "{r:?} outside {:?}",
                scene.view
            );
        }
        assert_eq!(scene.cards.iter().filter(|c| c.is_main).count(), 1);
        assert!(build(&map, false).legend.is_none());
    }

    #[test]
    fn an_empty_map_is_a_small_picture_with_a_note() {
        let scene = build(&ArgumentMap::new("Nothing yet"), false);
        assert!(scene.cards.is_empty());
        assert!(scene.note.is_some());
        assert!(scene.view.width() > 100.0 && scene.view.width() < 400.0);
        assert!(scene.view.height() > 20.0 && scene.view.height() < 200.0);
    }

    #[test]
    fn wild_positions_and_overlapping_cards_do_not_break_the_layout() {
        let mut map = ArgumentMap::new("t");
        map.nodes = vec![
            Node::new(
                "a",
                NodeKind::Claim,
                "a",
                Position::new(f32::NAN, f32::INFINITY),
            ),
            Node::new("b", NodeKind::Claim, "b", Position::new(3.0e38, -3.0e38)),
            Node::new("c", NodeKind::Evidence, "c", Position::new(5.0, 5.0)),
        ];
        map.links = vec![
            Link::new("c", "a", Relation::Supports),
            Link::new("b", "a", Relation::Supports),
        ];
        let scene = build(&map, true);
        // c overlaps a: no route, as on the canvas.
        assert_eq!(scene.arrows.len(), 1);
        assert!(scene.view.width().is_finite() && scene.view.height().is_finite());
    }
}
