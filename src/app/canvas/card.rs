//! Node cards: their size in map units and how they are painted.

use super::reasons;
use crate::app::derived::Derived;
use crate::app::theme::{Theme, color, mix};
use crate::model::{ArgumentMap, Node, NodeId, NodeKind};
use crate::render::{self, card as render_card, card::CardStyle};
use egui::epaint::text::{LayoutJob, TextWrapping};
use egui::{
    Color32, CornerRadius, FontId, Galley, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2, pos2,
    vec2,
};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

// Card measures and looks are `render`'s, so exports match the canvas.
use crate::render::measure::{card_height, estimated_size};
pub use crate::render::style::CARD_WIDTH;
use crate::render::style::{GAP, HEADER, HOVER_BORDER, MAX_LINES, PAD, corner_radius, text_size};
/// Below this zoom text would be unreadable: cards are drawn as plain shapes.
pub const DETAIL_ZOOM: f32 = 0.4;

/// Card sizes in map units, measured when a card is laid out and estimated before that, so
/// culling, hit-testing and link ends work for cards that have never been on screen.
#[derive(Default)]
pub struct CardSizes {
    measured: HashMap<NodeId, (u64, Vec2)>,
    /// Every card's rect in map units by node index, for the map revision `rects_for`. The
    /// canvas culls and routes links with these each frame: looking up, hashing and estimating
    /// every card every frame made a frame grow with the size of the map.
    rects: Vec<Rect>,
    /// The number of the last of `Derived::changes` the rects include.
    rects_for: Option<u64>,
    /// Counts the changes to `rects` (or to the map's links, seen through `Derived`), so
    /// that what is worked out from them, as `links`, knows when it is out of date.
    generation: u64,
    /// Every link's reach, worked out from `rects` when they last changed.
    links: LinkReaches,
}

/// Every link's reach (see [`reasons::reach`]) by link index, in map units, as of one
/// [`CardSizes::generation`]: culling a frame's links then reads one rectangle per link, in
/// order, rather than two or more cards each (a reason's co-premises, the reason an undercut
/// attacks), which at 100,000 nodes was most of the frame at 100%.
#[derive(Default)]
struct LinkReaches {
    built_for: Option<u64>,
    /// `Rect::NOTHING` for a link to a missing node.
    rects: Vec<Rect>,
}

impl CardSizes {
    pub fn size(&self, node: &Node, is_main: bool) -> Vec2 {
        match self.measured.get(&node.id) {
            Some((key, size)) if *key == content_key(node, is_main) => *size,
            _ => estimate(node, is_main),
        }
    }

    pub fn rect(&self, node: &Node, is_main: bool) -> Rect {
        Rect::from_min_size(pos2(node.pos.x, node.pos.y), self.size(node, is_main))
    }

    /// Brings the per-index rects up to date with the map `derived` was computed from: only
    /// the cards of nodes an edit touched, unless nodes came or went.
    pub fn sync(&mut self, map: &ArgumentMap, derived: &Derived) {
        let changes = derived.changes();
        let change = self.rects_for.and_then(|seen| changes.since(seen));
        if self.rects_for != Some(changes.newest()) {
            self.generation += 1;
        }
        self.rects_for = Some(changes.newest());
        if let Some(change) = change
            && !change.rebuild
            && !change.main
            && let (inserted, removed) = change.node_counts()
            && self.rects.len() + inserted == map.nodes.len() + removed
            && change.shift_nodes(&mut self.rects, Rect::NOTHING)
        {
            for i in change.inserted_nodes() {
                if let Some(node) = map.nodes.get(i) {
                    self.rects[i] = self.rect(node, derived.is_main(i));
                }
            }
            for id in &change.nodes {
                if let Some(&i) = derived.index.get(id)
                    && let Some(node) = map.nodes.get(i)
                    && &node.id == id
                {
                    self.rects[i] = self.rect(node, derived.is_main(i));
                }
            }
            if self.rects.len() == map.nodes.len() {
                return;
            }
        }
        let rects = map
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| self.rect(node, derived.is_main(i)))
            .collect();
        self.rects = rects;
        self.generation += 1;
    }

    /// Brings every link's reach up to date with the cards (call after the cards in view
    /// are measured, as measuring may change their size). Costs a pass over the links only
    /// when a card or a link changed since the last call.
    pub fn sync_links(&mut self, derived: &Derived) {
        if self.links.built_for == Some(self.generation)
            && self.links.rects.len() == derived.link_ends.len()
        {
            return;
        }
        let card = |i: usize| self.rects[i];
        let rects = (0..derived.link_ends.len())
            .map(|i| reasons::reach(derived, &card, i).unwrap_or(Rect::NOTHING))
            .collect();
        self.links = LinkReaches {
            built_for: Some(self.generation),
            rects,
        };
    }

    /// A rectangle holding everything link `index` draws, as of the last
    /// [`CardSizes::sync_links`] (so not with cards being dragged); `None` if unknown.
    #[inline]
    pub fn link_reach(&self, index: usize) -> Option<Rect> {
        if self.links.built_for != Some(self.generation) {
            return None;
        }
        self.links.rects.get(index).copied()
    }

    /// The card of node `index`, as of the last [`CardSizes::sync`].
    #[inline]
    pub fn rect_at(&self, index: usize) -> Rect {
        self.rects[index]
    }

    fn remember(&mut self, index: usize, node: &Node, is_main: bool, size: Vec2) {
        if let Some(rect) = self.rects.get_mut(index)
            && rect.size() == size
            && self.measured.contains_key(&node.id)
        {
            return; // measured before, unchanged: skip hashing the text again
        }
        self.measured
            .insert(node.id.clone(), (content_key(node, is_main), size));
        if let Some(rect) = self.rects.get_mut(index)
            && rect.size() != size
        {
            *rect = Rect::from_min_size(rect.min, size);
            self.generation += 1;
        }
    }

    /// Forgets cards of nodes that no longer exist (called when the map changes).
    pub fn retain(&mut self, keep: impl Fn(&NodeId) -> bool) {
        self.measured.retain(|id, _| keep(id));
    }
}

fn content_key(node: &Node, is_main: bool) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    node.text.hash(&mut h);
    is_main.hash(&mut h);
    h.finish()
}

/// The render measure's estimate, for cards not laid out yet.
fn estimate(node: &Node, is_main: bool) -> Vec2 {
    let (width, height) = estimated_size(node, is_main);
    vec2(width, height)
}

/// What a card shows besides its node.
pub struct CardState {
    pub is_main: bool,
    pub selected: bool,
    pub hovered: bool,
    /// Drawn dimmed (for presentations and filters).
    pub dimmed: bool,
}

/// Lays out a card's text at `zoom` (when zoomed in enough to show text) and records the
/// card's measured size. Returns the galley to paint with.
pub fn prepare(
    painter: &Painter,
    theme: &Theme,
    sizes: &mut CardSizes,
    index: usize,
    node: &Node,
    zoom: f32,
    is_main: bool,
) -> Option<Arc<Galley>> {
    if zoom < DETAIL_ZOOM {
        return None;
    }
    let galley = layout_text(painter, theme, node, zoom, is_main);
    let size = vec2(CARD_WIDTH, card_height(galley.size().y / zoom));
    sizes.remember(index, node, is_main, size);
    Some(galley)
}

/// Paints one card in `rect` (screen), with the galley from [`prepare`] or as a plain shape.
pub fn paint(
    painter: &Painter,
    theme: &Theme,
    (index, node): (usize, &Node),
    rect: Rect,
    zoom: f32,
    galley: Option<Arc<Galley>>,
    state: &CardState,
) {
    let Some(galley) = galley else {
        paint_simple(painter, theme, node.kind, rect, state);
        return;
    };
    let card = describe(index, node, rect.height() / zoom, theme, state, zoom);
    let screen = Screen {
        origin: rect.min,
        at: pos2(node.pos.x, node.pos.y),
        zoom,
    };
    painter.extend(card_shapes(painter, &card, &screen, state.hovered));
    let text_pos = rect.min + vec2(PAD, PAD + HEADER + GAP) * zoom;
    let text = if state.dimmed {
        // Faded text too, so earlier steps recede behind the current one in either theme.
        color(render_card::dimmed_text(
            theme.palette.text,
            theme.palette.background,
        ))
    } else {
        theme.text
    };
    painter.galley_with_override_text_color(text_pos, galley, text);
}

/// The card of `node`, `height` map units tall, as `render` describes it, styled for its
/// state on the canvas: the same description the exports draw.
pub fn describe(
    index: usize,
    node: &Node,
    height: f32,
    theme: &Theme,
    state: &CardState,
    zoom: f32,
) -> render::Card {
    let style = CardStyle {
        palette: theme.palette,
        is_main: state.is_main,
        show_pinned: true,
    };
    let at = render::geom::Point::new(node.pos.x, node.pos.y);
    let mut card = render_card::frame(index, node, at, height, style);
    if state.dimmed {
        render_card::dim(&mut card, theme.palette.background);
    }
    if state.selected {
        card.halo = Some(render_card::halo(&card, theme.palette.selection, zoom));
    }
    card
}

/// Where a card is on screen: map point `at` is drawn at `origin`, `zoom` pixels a unit.
pub struct Screen {
    pub origin: Pos2,
    pub at: Pos2,
    pub zoom: f32,
}

impl Screen {
    fn pos(&self, p: render::geom::Point) -> Pos2 {
        self.origin + (pos2(p.x, p.y) - self.at) * self.zoom
    }

    fn rect(&self, r: render::geom::Rect) -> Rect {
        Rect::from_min_max(self.pos(r.min), self.pos(r.max))
    }

    fn radius(&self, r: f32) -> CornerRadius {
        CornerRadius::same((r * self.zoom).round().clamp(0.0, 255.0) as u8)
    }
}

/// The shapes of a card's frame and header (everything but its text), on screen.
pub fn card_shapes(
    painter: &Painter,
    card: &render::Card,
    screen: &Screen,
    hovered: bool,
) -> Vec<egui::Shape> {
    use egui::Shape;
    let zoom = screen.zoom;
    let mut shapes = Vec::new();
    let rect = screen.rect(card.rect);
    if let Some(halo) = &card.halo {
        let edge = screen.rect(halo.outline.expand(halo.stroke_width / 2.0));
        shapes.push(Shape::Rect(egui::epaint::RectShape::new(
            edge,
            screen.radius(halo.radius + halo.stroke_width / 2.0),
            color(halo.fill).gamma_multiply(halo.fill_opacity),
            Stroke::new(halo.stroke_width * zoom, color(halo.stroke)),
            StrokeKind::Inside,
        )));
    } else {
        // A soft drop shadow lifts cards off the canvas and over any link passing beneath.
        let opacity = (card.shadow_opacity * 255.0).round() as u8;
        shapes.push(Shape::rect_filled(
            screen.rect(card.shadow),
            screen.radius(card.radius),
            Color32::from_black_alpha(opacity),
        ));
    }
    // Borders stay hairline-thin far out and do not grow fat close in.
    let mut border = card.border;
    if hovered {
        border = border.max(HOVER_BORDER);
    }
    let accent = color(card.accent);
    shapes.push(Shape::Rect(egui::epaint::RectShape::new(
        rect,
        screen.radius(card.radius),
        color(card.fill),
        Stroke::new(border * zoom.clamp(0.6, 1.6), accent),
        StrokeKind::Inside,
    )));
    if let Some(cut) = card.corner_cut {
        // A diagonal cut across the top-right corner marks counterpoints even in greyscale.
        let points = cut.iter().map(|&p| screen.pos(p)).collect();
        shapes.push(Shape::convex_polygon(points, accent, Stroke::NONE));
    }
    shapes.push(icon_shape(&card.icon, |p| screen.pos(p), accent));
    shapes.push(text_shape(painter, &card.label, screen));
    if let Some(badge) = &card.badge {
        let pill = screen.rect(badge.outline.expand(0.5));
        let stroke = Stroke::new(1.0, color(badge.stroke));
        shapes.push(Shape::Rect(egui::epaint::RectShape::new(
            pill,
            CornerRadius::same((pill.height() / 2.0).min(255.0) as u8),
            color(badge.fill),
            stroke,
            StrokeKind::Inside,
        )));
        // Page icon: a small outlined sheet with two text lines.
        let page = screen.rect(badge.page.expand(0.5));
        shapes.push(Shape::Rect(egui::epaint::RectShape::stroke(
            page,
            0.0,
            stroke,
            StrokeKind::Inside,
        )));
        for [a, b] in badge.page_lines {
            let line = Stroke::new(0.8, color(badge.stroke));
            shapes.push(Shape::line_segment([screen.pos(a), screen.pos(b)], line));
        }
        shapes.push(text_shape(painter, &badge.count, screen));
    }
    shapes
}

/// One line of `render` text: egui places text by the top of its row, render by its baseline.
fn text_shape(painter: &Painter, run: &render::TextRun, screen: &Screen) -> egui::Shape {
    let size = run.size * screen.zoom;
    let ascent = crate::render::font::metrics().ascent(run.size) * screen.zoom;
    let baseline = screen.pos(render::geom::Point::new(run.x, run.baseline));
    let galley = painter.layout_no_wrap(
        run.text.clone(),
        FontId::proportional(size),
        color(run.color),
    );
    egui::Shape::galley(
        pos2(baseline.x, baseline.y - ascent),
        galley,
        color(run.color),
    )
}

/// A kind icon from `render` on screen.
pub fn icon_shape(
    icon: &render::Icon,
    to_screen: impl Fn(render::geom::Point) -> Pos2,
    color: Color32,
) -> egui::Shape {
    use egui::Shape;
    match icon {
        render::Icon::Square(r) => Shape::rect_filled(
            Rect::from_min_max(to_screen(r.min), to_screen(r.max)),
            1.0,
            color,
        ),
        render::Icon::Circle { centre, radius } => {
            let edge = to_screen(*centre + render::geom::Point::new(*radius, 0.0));
            let centre = to_screen(*centre);
            Shape::circle_filled(centre, edge.x - centre.x, color)
        }
        render::Icon::Triangle(points) => {
            Shape::convex_polygon(points.map(&to_screen).to_vec(), color, Stroke::NONE)
        }
    }
}

/// Claim: square; evidence: circle; counterpoint: triangle. Distinct without colour. The
/// shapes are `render`'s, as on cards and in exports.
pub fn paint_icon(painter: &Painter, kind: NodeKind, centre: Pos2, r: f32, color: Color32) {
    let at = render::geom::Point::new(centre.x, centre.y);
    let icon = render_card::icon(kind, at, r);
    painter.add(icon_shape(&icon, |p| pos2(p.x, p.y), color));
}

fn layout_text(
    painter: &Painter,
    theme: &Theme,
    node: &Node,
    zoom: f32,
    is_main: bool,
) -> Arc<Galley> {
    // Laid out at the zoomed size, so text is rasterised sharp at every zoom level.
    let mut job = LayoutJob::simple(
        node.text.clone(),
        FontId::proportional(text_size(is_main) * zoom),
        theme.text,
        (CARD_WIDTH - 2.0 * PAD) * zoom,
    );
    job.wrap = TextWrapping {
        max_width: (CARD_WIDTH - 2.0 * PAD) * zoom,
        max_rows: MAX_LINES,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    painter.layout_job(job)
}

/// Far zoomed out: a filled block per card, still coloured and shaped by kind.
fn paint_simple(painter: &Painter, theme: &Theme, kind: NodeKind, rect: Rect, state: &CardState) {
    let accent = theme.accent(kind);
    let fill = if state.dimmed {
        mix(theme.card_fill(kind), theme.canvas_bg, 0.6)
    } else {
        mix(theme.card_fill(kind), accent, 0.35)
    };
    let stroke = if state.selected {
        Stroke::new(3.0, theme.selection)
    } else {
        Stroke::new(if state.is_main { 2.5 } else { 1.0 }, accent)
    };
    let radius = CornerRadius::same((corner_radius(kind) * 0.3).round() as u8);
    painter.rect(rect, radius, fill, stroke, StrokeKind::Outside);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Position;
    use crate::render::style::TEXT_SIZE;

    #[test]
    fn estimates_grow_with_text_and_stop_at_the_line_limit() {
        let short = Node::new("a", NodeKind::Claim, "Short.", Position::default());
        let long = Node::new(
            "b",
            NodeKind::Claim,
            "word ".repeat(40),
            Position::default(),
        );
        let huge = Node::new(
            "c",
            NodeKind::Claim,
            "word ".repeat(4000),
            Position::default(),
        );
        let sizes = CardSizes::default();
        let (s, l, h) = (
            sizes.size(&short, false),
            sizes.size(&long, false),
            sizes.size(&huge, false),
        );
        assert_eq!(s.x, CARD_WIDTH);
        assert!(l.y > s.y);
        assert!(h.y > l.y);
        assert!(h.y <= card_height(MAX_LINES as f32 * TEXT_SIZE * 1.3) + 0.01);
    }

    /// The shapes the canvas paints for `card` at `zoom`, its top-left corner at (10, 20).
    fn canvas_shapes(card: &render::Card, at: Pos2, zoom: f32) -> Vec<egui::Shape> {
        let ctx = egui::Context::default();
        let mut shapes = Vec::new();
        let mut output = ctx.run_pass(egui::RawInput::default(), |ctx| {
            let painter = ctx.layer_painter(egui::LayerId::background());
            let screen = Screen {
                origin: pos2(10.0, 20.0),
                at,
                zoom,
            };
            shapes = card_shapes(&painter, card, &screen, false);
        });
        // The fonts' atlas was uploaded nowhere: say that is meant.
        output.textures_delta.clear();
        shapes
    }

    fn frames(shapes: &[egui::Shape]) -> Vec<&egui::epaint::RectShape> {
        let frames = shapes.iter().filter_map(|s| match s {
            egui::Shape::Rect(r) if r.fill.a() == 255 => Some(r),
            _ => None,
        });
        frames.collect()
    }

    #[test]
    fn the_canvas_and_the_svg_draw_a_card_from_one_render_description() {
        use crate::export::Background;
        use crate::model::{Citation, Position};
        use render::geom::Point;
        let mut node = Node::new(
            "a",
            NodeKind::Counterpoint,
            "A text.",
            Position::new(100.0, 50.0),
        );
        node.citations = vec![Citation::new("s", "q")];
        let theme = Theme::from_visuals(&egui::Visuals::light());
        let plain = CardState {
            is_main: false,
            selected: false,
            hovered: false,
            dimmed: false,
        };
        let export = render_card::build(0, &node, Point::new(100.0, 50.0), false);
        let mut card = describe(0, &node, export.rect.height(), &theme, &plain, 1.0);
        // The canvas' description is the export's, but for the text it lays out itself.
        card.lines = export.lines.clone();
        card.full_text = export.full_text.clone();
        assert_eq!(card, export);

        // The canvas paints what the description says: its frame, scaled by the zoom...
        let shapes = canvas_shapes(&card, pos2(100.0, 50.0), 2.0);
        let frame = frames(&shapes)[0];
        assert_eq!(frame.fill, color(card.fill));
        assert_eq!(frame.stroke.color, color(card.accent));
        let size = vec2(card.rect.width(), card.rect.height()) * 2.0;
        assert_eq!(frame.rect, Rect::from_min_size(pos2(10.0, 20.0), size));
        assert_eq!(
            frame.corner_radius,
            CornerRadius::same((card.radius * 2.0) as u8)
        );
        // ...and a description changed is a picture changed, on the canvas and in the SVG.
        card.fill = render::geom::Rgb(0x12, 0x34, 0x56);
        card.radius = 9.0;
        let frame = frames(&canvas_shapes(&card, pos2(100.0, 50.0), 1.0))[0].clone();
        assert_eq!(frame.fill, Color32::from_rgb(0x12, 0x34, 0x56));
        assert_eq!(frame.corner_radius, CornerRadius::same(9));
        let scene = render::Scene {
            title: "t".into(),
            view: render::geom::Rect::from_min_size(Point::new(0.0, 0.0), 500.0, 300.0),
            arrows: Vec::new(),
            cards: vec![card.clone()],
            boxes: Vec::new(),
            labels: Vec::new(),
            legend: None,
            note: None,
        };
        let svg = crate::export::svg::write(&scene, Background::White);
        let frame_line = svg
            .lines()
            .find(|l| l.contains(r#"class="frame""#))
            .unwrap();
        assert!(frame_line.contains(r##"fill="#123456""##), "{frame_line}");
        assert!(frame_line.contains(&format!(r#"stroke="{}""#, card.accent.hex())));
        assert!(svg.contains("COUNTERPOINT"));
        let label = shapes.iter().any(|s| match s {
            egui::Shape::Text(t) => t.galley.text() == card.label.text,
            _ => false,
        });
        assert!(label, "the canvas shows the description's label");
    }

    #[test]
    fn the_canvas_shows_selection_dimming_and_pins_through_render() {
        let mut node = Node::new("a", NodeKind::Claim, "x", crate::model::Position::default());
        node.pinned = true;
        let theme = Theme::from_visuals(&egui::Visuals::dark());
        let state = CardState {
            is_main: true,
            selected: true,
            hovered: false,
            dimmed: true,
        };
        let card = describe(0, &node, 80.0, &theme, &state, 1.0);
        assert_eq!(card.label.text, "MAIN CLAIM · PINNED");
        let halo = card.halo.as_ref().expect("selected cards have a halo");
        assert_eq!(halo.stroke, theme.palette.selection);
        let undimmed = theme.palette.card_fill(NodeKind::Claim);
        assert_eq!(card.fill, undimmed.mix(theme.palette.background, 0.6));
    }

    #[test]
    fn a_link_reach_is_not_given_once_a_card_it_holds_has_a_new_size() {
        use crate::model::{ArgumentMap, Link, Relation};
        let mut map = ArgumentMap::new("t");
        for id in ["a", "b"] {
            map.nodes.push(Node::new(
                id,
                NodeKind::Claim,
                "Short.",
                Position::default(),
            ));
        }
        map.links.push(Link::new("a", "b", Relation::Supports));
        let map = Arc::new(map);
        let mut derived = Derived::default();
        derived.refresh(&map, 1, &crate::edit::ChangeLog::default());
        let mut sizes = CardSizes::default();
        sizes.sync(&map, &derived);
        sizes.sync_links(&derived);
        let before = sizes.link_reach(0).expect("worked out");
        sizes.remember(0, &map.nodes[0], false, vec2(240.0, 999.0));
        assert_eq!(
            sizes.link_reach(0),
            None,
            "out of date until worked out again"
        );
        sizes.sync_links(&derived);
        let after = sizes.link_reach(0).expect("worked out again");
        assert!(after.height() > before.height() && after.height() > 999.0);
    }

    #[test]
    fn a_measured_size_is_forgotten_when_the_text_changes() {
        let mut node = Node::new("a", NodeKind::Claim, "Short.", Position::default());
        let mut sizes = CardSizes::default();
        sizes.remember(0, &node, false, vec2(240.0, 999.0));
        assert_eq!(sizes.size(&node, false).y, 999.0);
        node.text.push_str(" Longer now.");
        assert_ne!(sizes.size(&node, false).y, 999.0);
    }
}
