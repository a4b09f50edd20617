//! A map laid out as a picture: positioned shapes and lines of text in map units, ready to be
//! written as SVG (and from there rasterised to PNG or converted to PDF). Building a scene is
//! pure: the same map always gives the same scene.

use super::geom::{Point, Rect, Rgb};
use super::{arrow, card, font, legend, style};
use crate::model::{ArgumentMap, NodeKind, Relation};

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The map's title, on one line.
    pub title: String,
    /// The part of the map plane the picture shows: everything drawn, plus a margin.
    pub view: Rect,
    /// Links, drawn first so cards sit on top of them.
    pub arrows: Vec<Arrow>,
    /// Cards in map order.
    pub cards: Vec<Card>,
    pub legend: Option<Legend>,
    /// Shown instead of cards when the map has no nodes.
    pub note: Option<TextRun>,
}

/// One line of text, placed by the left end of its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
}

/// The kind's icon: claim a square, evidence a disc, counterpoint a triangle (all filled).
#[derive(Clone, Debug, PartialEq)]
pub enum Icon {
    Square(Rect),
    Circle { centre: Point, radius: f32 },
    Triangle([Point; 3]),
}

/// A node's card.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Index into `map.nodes`.
    pub node: usize,
    pub kind: NodeKind,
    pub is_main: bool,
    /// The card's outer edge.
    pub rect: Rect,
    pub radius: f32,
    /// The soft shadow beneath the card.
    pub shadow: Rect,
    pub fill: Rgb,
    pub accent: Rgb,
    /// The border is drawn inside `rect`: its centre line is `outline` with `outline_radius`.
    pub border: f32,
    pub outline: Rect,
    pub outline_radius: f32,
    /// The filled triangle across a counterpoint's top-right corner.
    pub corner_cut: Option<[Point; 3]>,
    pub icon: Icon,
    pub label: TextRun,
    pub badge: Option<Badge>,
    pub lines: Vec<TextRun>,
    /// The whole text (up to a few thousand characters) when the card shows only part of it.
    pub full_text: Option<String>,
    /// How a presentation step shows the card (normal outside presentations).
    pub emphasis: Emphasis,
    /// The highlight around a card the current step reveals, drawn beneath it (instead of the
    /// shadow), as the canvas draws selected cards.
    pub halo: Option<Halo>,
}

/// How a card is drawn on a presentation step: its step's nodes highlighted, the nodes of
/// earlier steps dimmed (nodes of later steps are left out of the scene altogether).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Emphasis {
    #[default]
    Normal,
    Dimmed,
    Highlighted,
}

/// A translucent frame around a highlighted card with a solid border inside its edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Halo {
    /// Centre line of the border.
    pub outline: Rect,
    pub radius: f32,
    pub fill: Rgb,
    pub fill_opacity: f32,
    pub stroke: Rgb,
    pub stroke_width: f32,
}

/// The pill at a card's top-right with a page icon and the number of citations.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    /// Centre line of the pill's 1-unit border.
    pub outline: Rect,
    pub fill: Rgb,
    pub stroke: Rgb,
    /// Centre line of the page icon's 1-unit border.
    pub page: Rect,
    /// The two text lines on the page icon.
    pub page_lines: [[Point; 2]; 2],
    pub count: TextRun,
}

/// A link's arrow: the curve, its head and the +/− disc halfway.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Indices into `map.nodes`; `None` for the legend's samples.
    pub ends: Option<(usize, usize)>,
    pub relation: Relation,
    pub color: Rgb,
    pub width: f32,
    /// The shaft: a cubic Bézier ending inside the head.
    pub shaft: [Point; 4],
    /// Dash and gap lengths for dashed (opposes) links.
    pub dash: Option<(f32, f32)>,
    pub head: [Point; 3],
    pub marker: Marker,
}

/// A disc with + (supports) or − (opposes).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub centre: Point,
    pub radius: f32,
    pub fill: Rgb,
    pub stroke_width: f32,
    /// One bar for −, two for +.
    pub bars: Vec<[Point; 2]>,
    pub bar_width: f32,
}

/// What the shapes, colours and line styles mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub frame: Rect,
    pub fill: Rgb,
    /// Colour of the frame's 1-unit border.
    pub stroke: Rgb,
    pub icons: Vec<(Icon, Rgb)>,
    pub samples: Vec<Arrow>,
    pub labels: Vec<TextRun>,
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
    let arrows: Vec<Arrow> = map
        .links
        .iter()
        .filter_map(|link| {
            let (&f, &t) = (index.get(&link.from)?, index.get(&link.to)?);
            let route = super::route::route(cards[f].rect, cards[t].rect)?;
            Some(arrow::build(&route, link.relation, 1.0, Some((f, t))))
        })
        .collect();

    let mut note = None;
    let content = cards
        .iter()
        .map(|c| c.rect.union(&c.shadow))
        .chain(arrows.iter().map(arrow::bounds))
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
    use crate::model::{Link, Node, Position};

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
