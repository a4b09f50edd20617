//! Handout pages: one presentation step on a fixed landscape page, as presentation mode shows
//! it full screen. The step's nodes are highlighted, the nodes of earlier steps dimmed and
//! those of later steps left out; the page is framed the way the presentation camera frames
//! the step; the step counter, the step's title and the source line sit on top.
//!
//! How a step is framed is decided here, in [`frame`], for presentation mode too.
//!
//! The rest mirrors the app, which `src/render` must not depend on; when the app changes,
//! change these too:
//! - highlighted and dimmed cards: `paint_frame` and `paint` in `src/app/canvas/card.rs`
//!   (selection halo; fill, border and text mixed towards the background);
//! - counter and source line: `presentation_overlay` in `src/app/present.rs`.
//!
//! Which nodes a step shows and frames is the rule of [`Step::shown_at`] and
//! [`Step::framed_with_neighbours`], which presentation mode calls for its one step; [`pages`]
//! applies the same rule step by step over the whole talk (calling them per page cost
//! steps × nodes). The tests here compare every page with `Step::shown_at`, and
//! `tests/ui_present.rs` the framing with presentation mode's.

use super::arrow;
use super::clean::one_line;
use super::font::metrics;
use super::geom::{Point, Rect, Rgb};
use super::grid::Grid;
use super::parts::{Card, Emphasis, TextRun};
use super::scene::Scene;
use super::style;
use super::wrap::wrap;
use crate::model::{ArgumentMap, NodeId, Step};
use std::collections::HashMap;

/// Page width in page units (CSS pixels, like screen pixels): 16:10, a laptop screen.
pub const PAGE_WIDTH: f32 = 1280.0;
/// Page height in page units.
pub const PAGE_HEIGHT: f32 = 800.0;

/// Room the camera keeps free around the framed nodes for the counter and the source line.
const INSET: Point = Point::new(40.0, 60.0);
/// Margin inside the inset (as `Camera::fitting` keeps when fitting the whole map).
const FIT_MARGIN: f32 = 32.0;
/// Padding around the framed cards, in map units.
const BOUNDS_PAD: f32 = style::CARD_WIDTH * 0.15;
/// Never so close that one card fills the page.
const MAX_ZOOM: f32 = 1.6;
const MIN_ZOOM: f32 = 0.02;
/// Neighbours are framed too unless that would make the text smaller than this zoom.
const NEIGHBOUR_MIN_ZOOM: f32 = 0.9;

/// The current step's halo (the dark palette's selection colour: it reads on paper too).
const HIGHLIGHT: Rgb = Rgb(0xff, 0xc8, 0x3d);
/// What dimmed cards fade towards: the paper (the canvas fades them towards its background).
const PAPER: Rgb = Rgb::WHITE;

/// Boxes on top of the map: egui's popup frame in the light theme.
const BOX_FILL: Rgb = Rgb(0xf8, 0xf8, 0xf8);
const BOX_STROKE: Rgb = Rgb(0xbe, 0xbe, 0xbe);
const BOX_RADIUS: f32 = 6.0;
const BOX_PAD: f32 = 6.0;
/// Distance of the boxes from the page's edges.
const EDGE: f32 = 16.0;
/// The counter's left edge sits this far from the page's right edge, as on screen.
const COUNTER_FROM_RIGHT: f32 = 130.0;
const COUNTER_SIZE: f32 = 18.0;
const TITLE_SIZE: f32 = 20.0;
const SOURCE_SIZE: f32 = 15.0;
/// The source line names at most this many sources, as on screen.
const MAX_SOURCES: usize = 3;
const SOURCE_TEXT: Rgb = Rgb(0x3c, 0x3c, 0x3c);

/// One step of a talk laid out on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// The part of the map plane the page shows, in map units; it fills the page.
    pub view: Rect,
    /// Page units per map unit.
    pub zoom: f32,
    /// What is drawn of the map, in map units: the cards of the nodes shown so far, with
    /// their emphasis, and the links between them; only what is in view.
    pub scene: Scene,
    /// On top of the map, in page units: the step counter, the step's title, the source line.
    pub labels: Vec<Label>,
}

/// A framed box of text on the page (page units).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// What the box is: "counter", "title" or "sources".
    pub class: &'static str,
    /// Centre line of the 1-unit border.
    pub outline: Rect,
    pub radius: f32,
    pub fill: Rgb,
    pub stroke: Rgb,
    pub lines: Vec<TextRun>,
}

/// The pages of a talk: one per step of `steps`.
///
/// Linear in the map and the talk together: what each step shows is kept up to date step by
/// step, and each page finds the cards and links in its view through a [`Grid`] rather than
/// filtering the whole scene (a talk has about one step per node).
pub fn pages(map: &ArgumentMap, steps: &[Step]) -> Vec<Page> {
    let scene = super::build(map, false);
    let mut talk = Talk::new(map, &scene);
    steps
        .iter()
        .enumerate()
        .map(|(k, step)| talk.page(map, &scene, step, k, steps.len()))
        .collect()
}

/// What the pages of a talk share while they are made one after the other.
struct Talk {
    /// Node index by id.
    position: HashMap<NodeId, usize>,
    /// Each node's card in the scene.
    card_of: Vec<Option<usize>>,
    /// The nodes linked to each node, either way.
    neighbours: Vec<Vec<usize>>,
    /// The nodes of the steps so far.
    shown: Vec<bool>,
    /// The step each node was last current in (counted from 1; 0: never).
    current_in: Vec<usize>,
    /// The cards of the nodes shown so far, together.
    shown_bounds: Option<Rect>,
    cards: Grid,
    arrows: Grid,
}

impl Talk {
    fn new(map: &ArgumentMap, scene: &Scene) -> Self {
        let position: HashMap<NodeId, usize> = map
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let mut card_of = vec![None; map.nodes.len()];
        for (c, card) in scene.cards.iter().enumerate() {
            card_of[card.node] = Some(c);
        }
        let mut neighbours = vec![Vec::new(); map.nodes.len()];
        for link in &map.links {
            if let (Some(&from), Some(&to)) = (position.get(&link.from), position.get(&link.to)) {
                neighbours[from].push(to);
                neighbours[to].push(from);
            }
        }
        Self {
            position,
            card_of,
            neighbours,
            shown: vec![false; map.nodes.len()],
            current_in: vec![0; map.nodes.len()],
            shown_bounds: None,
            cards: Grid::new(scene.view, scene.cards.iter().map(|c| c.rect)),
            arrows: Grid::new(scene.view, scene.arrows.iter().map(arrow::bounds)),
        }
    }

    /// Step `k` of `count` (`step`, the next after those already made) on a page.
    fn page(
        &mut self,
        map: &ArgumentMap,
        scene: &Scene,
        step: &Step,
        k: usize,
        count: usize,
    ) -> Page {
        let current: Vec<usize> = step
            .nodes
            .iter()
            .filter_map(|id| self.position.get(id).copied())
            .collect();
        for &i in &current {
            self.current_in[i] = k + 1;
            if !self.shown[i] {
                self.shown[i] = true;
                self.shown_bounds = union(self.shown_bounds, self.card_rect(scene, i));
            }
        }
        // The step's nodes, with the shown nodes linked to them (as `Step::framed_with_neighbours`).
        let narrow = current
            .iter()
            .fold(None, |b, &i| union(b, self.card_rect(scene, i)));
        let wide = current
            .iter()
            .flat_map(|&i| &self.neighbours[i])
            .filter(|&&j| self.shown[j])
            .fold(narrow, |b, &j| union(b, self.card_rect(scene, j)));
        let (centre, zoom) = frame(PAGE_WIDTH, PAGE_HEIGHT, wide, narrow)
            // A step whose nodes are all gone from the map: show what came before, or the map.
            .or_else(|| self.shown_bounds.map(|b| fit(PAGE_WIDTH, PAGE_HEIGHT, b)))
            .unwrap_or_else(|| fit(PAGE_WIDTH, PAGE_HEIGHT, scene.view));
        let view = Rect::from_center_size(centre, PAGE_WIDTH / zoom, PAGE_HEIGHT / zoom);

        let emphasis = |i: usize| {
            if self.current_in[i] == k + 1 {
                Some(Emphasis::Highlighted)
            } else if self.shown[i] {
                Some(Emphasis::Dimmed)
            } else {
                None
            }
        };
        let reach = style::HALO_GAP + style::SHADOW_OFFSET + style::HALO_STROKE / zoom;
        let cards: Vec<Card> = self
            .cards
            .near(&view.expand(reach))
            .into_iter()
            .filter_map(|c| {
                let card = &scene.cards[c];
                let e = emphasis(card.node)?;
                card.rect
                    .expand(reach)
                    .intersects(&view)
                    .then(|| emphasize(card.clone(), e, zoom))
            })
            .collect();
        let arrows = self
            .arrows
            .near(&view)
            .into_iter()
            .map(|a| &scene.arrows[a])
            .filter(|a| {
                a.ends
                    .is_some_and(|(f, t)| emphasis(f).is_some() && emphasis(t).is_some())
                    && arrow::bounds(a).intersects(&view)
            })
            .cloned()
            .collect();

        let mut labels = vec![counter(k, count)];
        if let Some(title) = title(&step.title, labels[0].outline.left()) {
            labels.push(title);
        }
        if let Some(sources) = sources(&step.source_lines(map)) {
            labels.push(sources);
        }
        Page {
            width: PAGE_WIDTH,
            height: PAGE_HEIGHT,
            view,
            zoom,
            scene: Scene {
                title: scene.title.clone(),
                view,
                arrows,
                // Few per map, and few pages: a pass over them per page stays small.
                boxes: scene
                    .boxes
                    .iter()
                    .filter(|b| b.rect.intersects(&view))
                    .cloned()
                    .collect(),
                labels: scene
                    .labels
                    .iter()
                    .filter(|l| view.contains(l.anchor))
                    .cloned()
                    .collect(),
                cards,
                legend: None,
                note: None,
            },
            labels,
        }
    }

    fn card_rect(&self, scene: &Scene, node: usize) -> Option<Rect> {
        self.card_of[node].map(|c| scene.cards[c].rect)
    }
}

fn union(a: Option<Rect>, b: Option<Rect>) -> Option<Rect> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.union(&b)),
        (a, b) => a.or(b),
    }
}

/// Where the camera looks (the centre, in map units) and how close (page or screen units per
/// map unit) for a step on a page or a presentation screen of `width` × `height`: around `wide` (the step's nodes with their neighbours) when the text stays
/// large enough, else around `narrow` (the step's nodes alone); `None` when there is neither.
pub fn frame(
    width: f32,
    height: f32,
    wide: Option<Rect>,
    narrow: Option<Rect>,
) -> Option<(Point, f32)> {
    match (wide, narrow) {
        (Some(wide), Some(narrow)) => {
            let wide = fit(width, height, wide);
            Some(if wide.1 >= NEIGHBOUR_MIN_ZOOM {
                wide
            } else {
                fit(width, height, narrow)
            })
        }
        (Some(only), None) | (None, Some(only)) => Some(fit(width, height, only)),
        (None, None) => None,
    }
}

/// `bounds` (padded) centred on a page of `width` × `height`, as large as it fits within the
/// insets and margins, between the zoom limits.
fn fit(width: f32, height: f32, bounds: Rect) -> (Point, f32) {
    let bounds = bounds.expand(BOUNDS_PAD);
    let avail_x = (width - 2.0 * (INSET.x + FIT_MARGIN)).max(1.0);
    let avail_y = (height - 2.0 * (INSET.y + FIT_MARGIN)).max(1.0);
    let zoom = (avail_x / bounds.width().max(1.0))
        .min(avail_y / bounds.height().max(1.0))
        .clamp(MIN_ZOOM, MAX_ZOOM);
    (bounds.center(), zoom)
}

/// `card` restyled for `emphasis` on a page at `zoom`.
fn emphasize(mut card: Card, emphasis: Emphasis, zoom: f32) -> Card {
    card.emphasis = emphasis;
    match emphasis {
        Emphasis::Normal => {}
        // Earlier steps recede: fill, border and text fade towards the paper.
        Emphasis::Dimmed => super::card::dim(&mut card, PAPER),
        Emphasis::Highlighted => card.halo = Some(super::card::halo(&card, HIGHLIGHT, zoom)),
    }
    card
}

/// A box of `texts` (one line each, already fitted) with its top-left corner at `at`.
fn label(class: &'static str, at: Point, texts: Vec<(String, f32, Rgb)>) -> Label {
    let m = metrics();
    let mut y = at.y + BOX_PAD;
    let mut width: f32 = 0.0;
    let mut lines = Vec::new();
    for (text, size, color) in texts {
        width = width.max(m.width(&text, size));
        lines.push(TextRun {
            x: at.x + BOX_PAD,
            baseline: y + m.ascent(size),
            size,
            color,
            text,
        });
        y += m.row_height(size);
    }
    let frame = Rect {
        min: at,
        max: Point::new(at.x + width + 2.0 * BOX_PAD, y + BOX_PAD),
    };
    Label {
        class,
        outline: frame.expand(-0.5),
        radius: BOX_RADIUS,
        fill: BOX_FILL,
        stroke: BOX_STROKE,
        lines,
    }
}

/// `label` moved by `dx`, `dy`.
fn shifted(mut label: Label, dx: f32, dy: f32) -> Label {
    let by = Point::new(dx, dy);
    label.outline = label.outline.translate(by);
    for line in &mut label.lines {
        line.x += dx;
        line.baseline += dy;
    }
    label
}

/// "3 / 17" at the top right.
fn counter(k: usize, count: usize) -> Label {
    let text = format!("{} / {count}", k + 1);
    let at = Point::new(PAGE_WIDTH - COUNTER_FROM_RIGHT, EDGE);
    let label = label("counter", at, vec![(text, COUNTER_SIZE, style::TEXT)]);
    // A long count ("1234 / 5678") still stays on the page.
    let overflow = label.outline.right() + 0.5 - (PAGE_WIDTH - EDGE / 2.0);
    if overflow > 0.0 {
        shifted(label, -overflow, 0.0)
    } else {
        label
    }
}

/// The step's title at the top left, on one line that ends before the counter.
fn title(title: &str, counter_left: f32) -> Option<Label> {
    let text = one_line(title);
    if text.is_empty() {
        return None;
    }
    let room = counter_left - 2.0 * EDGE - 2.0 * BOX_PAD;
    let line = wrap(&text, TITLE_SIZE, room, 1).lines.swap_remove(0);
    Some(label(
        "title",
        Point::new(EDGE, EDGE),
        vec![(line, TITLE_SIZE, style::TEXT)],
    ))
}

/// The source line, centred at the bottom: one line per source, cut to fit the page.
fn sources(lines: &[String]) -> Option<Label> {
    if lines.is_empty() {
        return None;
    }
    let room = PAGE_WIDTH - 4.0 * EDGE - 2.0 * BOX_PAD;
    let texts = lines
        .iter()
        .take(MAX_SOURCES)
        .map(|l| {
            let line = wrap(&one_line(l), SOURCE_SIZE, room, 1)
                .lines
                .swap_remove(0);
            (line, SOURCE_SIZE, SOURCE_TEXT)
        })
        .collect();
    let label = label("sources", Point::default(), texts);
    let (w, h) = (label.outline.width() + 1.0, label.outline.height() + 1.0);
    Some(shifted(
        label,
        (PAGE_WIDTH - w) / 2.0,
        PAGE_HEIGHT - EDGE - h,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_steps;

    fn inside(outer: &Rect, inner: &Rect) -> bool {
        outer.union(inner) == *outer
    }

    #[test]
    fn the_first_page_frames_the_main_claim_alone_and_hides_the_rest() {
        let map = crate::bundled::article_map();
        let steps = default_steps(&map);
        let pages = pages(&map, &steps);
        assert_eq!(pages.len(), steps.len());
        let first = &pages[0];
        assert_eq!(first.scene.cards.len(), 1);
        let card = &first.scene.cards[0];
        assert!(card.is_main && card.emphasis == Emphasis::Highlighted);
        assert!(card.halo.is_some());
        // One card: zoomed in as far as allowed, centred.
        assert_eq!(first.zoom, MAX_ZOOM);
        assert!((first.view.center().x - card.rect.center().x).abs() < 0.01);
        assert!(inside(&first.view, &card.rect));
        assert_eq!(
            first.labels[0].lines[0].text,
            format!("1 / {}", steps.len())
        );
    }

    #[test]
    fn later_pages_dim_what_came_before_and_keep_the_step_in_view() {
        let map = crate::bundled::article_map();
        let steps = default_steps(&map);
        let pages = pages(&map, &steps);
        for (k, page) in pages.iter().enumerate() {
            let shown = Step::shown_at(&steps, k);
            for card in &page.scene.cards {
                let id = &map.nodes[card.node].id;
                assert!(shown.contains(id), "page {k} shows a later node {id}");
                let current = steps[k].nodes.contains(id);
                assert_eq!(card.emphasis == Emphasis::Highlighted, current);
                assert_eq!(card.emphasis == Emphasis::Dimmed, !current);
                if current {
                    assert!(inside(&page.view, &card.rect), "page {k}: {id} cut off");
                } else {
                    assert!(card.halo.is_none());
                    assert_ne!(card.lines[0].color, style::TEXT);
                }
            }
            let current_cards = page
                .scene
                .cards
                .iter()
                .filter(|c| c.emphasis == Emphasis::Highlighted)
                .count();
            assert_eq!(current_cards, steps[k].nodes.len());
            // The boxes stay on the page and do not overlap each other.
            let page_rect = Rect::from_min_size(Point::default(), PAGE_WIDTH, PAGE_HEIGHT);
            for (i, a) in page.labels.iter().enumerate() {
                assert!(
                    inside(&page_rect, &a.outline),
                    "{}: {:?}",
                    a.class,
                    a.outline
                );
                for b in &page.labels[i + 1..] {
                    assert!(
                        !a.outline.intersects(&b.outline),
                        "{} / {}",
                        a.class,
                        b.class
                    );
                }
            }
        }
        assert!(
            pages
                .iter()
                .any(|p| p.labels.iter().any(|l| l.class == "sources"))
        );
    }

    #[test]
    fn framing_prefers_neighbours_unless_the_text_would_get_small() {
        let near = Rect::from_min_size(Point::new(0.0, 0.0), 240.0, 80.0);
        let close = near.union(&Rect::from_min_size(Point::new(400.0, 0.0), 240.0, 80.0));
        let far = near.union(&Rect::from_min_size(Point::new(9000.0, 0.0), 240.0, 80.0));
        let (c, z) = frame(PAGE_WIDTH, PAGE_HEIGHT, Some(close), Some(near)).unwrap();
        assert!(z >= NEIGHBOUR_MIN_ZOOM && (c.x - close.center().x).abs() < 0.01);
        let (c, z) = frame(PAGE_WIDTH, PAGE_HEIGHT, Some(far), Some(near)).unwrap();
        assert_eq!(z, MAX_ZOOM);
        assert!((c.x - near.center().x).abs() < 0.01);
        assert!(frame(PAGE_WIDTH, PAGE_HEIGHT, None, None).is_none());
    }

    #[test]
    fn long_titles_and_sources_are_cut_to_fit() {
        let long = "word ".repeat(300);
        let t = title(&long, PAGE_WIDTH - COUNTER_FROM_RIGHT).unwrap();
        assert!(t.outline.right() < PAGE_WIDTH - COUNTER_FROM_RIGHT);
        assert!(t.lines[0].text.ends_with('…'));
        let s = sources(&[long.clone(), long.clone(), long.clone(), long]).unwrap();
        assert_eq!(s.lines.len(), MAX_SOURCES);
        assert!(s.outline.left() > 0.0 && s.outline.right() < PAGE_WIDTH);
        assert!(title("  \n ", 500.0).is_none());
        assert!(sources(&[]).is_none());
        assert!(counter(9998, 9999).outline.right() < PAGE_WIDTH);
    }
}
