//! Node cards: their size in map units and how they are painted.

use crate::app::derived::Derived;
use crate::app::theme::{Theme, mix};
use crate::model::{ArgumentMap, Node, NodeId, NodeKind};
use egui::epaint::text::{LayoutJob, TextWrapping};
use egui::{
    Color32, CornerRadius, FontId, Galley, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2, pos2,
    vec2,
};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

// Card measures are the picture exports' (`render::style`), so exports match the canvas.
use crate::render::measure::{card_height, estimated_size};
pub use crate::render::style::CARD_WIDTH;
use crate::render::style::{GAP, HEADER, LABEL_SIZE, MAX_LINES, PAD, text_size};
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
    rects_for: Option<u64>,
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

    /// Brings the per-index rects up to date with the map `derived` was computed from.
    pub fn sync(&mut self, map: &ArgumentMap, derived: &Derived) {
        if self.rects_for == Some(derived.revision()) && self.rects.len() == map.nodes.len() {
            return;
        }
        let rects = map
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| self.rect(node, derived.is_main(i)))
            .collect();
        self.rects = rects;
        self.rects_for = Some(derived.revision());
    }

    /// The card of node `index`, as of the last [`CardSizes::sync`].
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
        if let Some(rect) = self.rects.get_mut(index) {
            *rect = Rect::from_min_size(rect.min, size);
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
    node: &Node,
    rect: Rect,
    zoom: f32,
    galley: Option<Arc<Galley>>,
    state: &CardState,
) {
    let Some(galley) = galley else {
        paint_simple(painter, theme, node.kind, rect, state);
        return;
    };
    paint_frame(painter, theme, node.kind, rect, zoom, state);
    paint_header(painter, theme, node, rect, zoom, state.is_main);
    let text_pos = rect.min + vec2(PAD, PAD + HEADER + GAP) * zoom;
    if state.dimmed {
        // Faded text too, so earlier steps recede behind the current one in either theme.
        painter.galley_with_override_text_color(
            text_pos,
            galley,
            mix(theme.text, theme.canvas_bg, 0.55),
        );
    } else {
        painter.galley(text_pos, galley, theme.text);
    }
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

fn corner(kind: NodeKind, zoom: f32) -> CornerRadius {
    // Shape differs by kind too: claims square-cornered, evidence rounded, counterpoints cut.
    let r = match kind {
        NodeKind::Claim => 2.0,
        NodeKind::Evidence => 12.0,
        NodeKind::Counterpoint => 5.0,
    };
    CornerRadius::same((r * zoom).round().clamp(0.0, 255.0) as u8)
}

fn paint_frame(
    painter: &Painter,
    theme: &Theme,
    kind: NodeKind,
    rect: Rect,
    zoom: f32,
    state: &CardState,
) {
    let accent = theme.accent(kind);
    let mut fill = theme.card_fill(kind);
    if state.dimmed {
        fill = mix(fill, theme.canvas_bg, 0.6);
    }
    let radius = corner(kind, zoom);
    if state.selected {
        painter.rect(
            rect.expand(5.0 * zoom.max(0.5)),
            radius,
            theme.selection.gamma_multiply(0.18),
            Stroke::new(3.0, theme.selection),
            StrokeKind::Inside,
        );
    } else {
        // A soft drop shadow lifts cards off the canvas and over any link passing beneath.
        painter.rect_filled(
            rect.translate(vec2(0.0, 2.0 * zoom)),
            radius,
            Color32::from_black_alpha(if theme.dark { 70 } else { 28 }),
        );
    }
    let accent = if state.dimmed {
        mix(accent, theme.canvas_bg, 0.5)
    } else {
        accent
    };
    let width = if state.is_main {
        3.0
    } else if state.hovered {
        2.0
    } else {
        1.2
    } * zoom.clamp(0.6, 1.6);
    painter.rect(
        rect,
        radius,
        fill,
        Stroke::new(width, accent),
        StrokeKind::Inside,
    );
    if kind == NodeKind::Counterpoint {
        // A diagonal cut across the top-right corner marks counterpoints even in greyscale.
        let c = 14.0 * zoom;
        let tr = rect.right_top();
        painter.add(egui::Shape::convex_polygon(
            vec![tr, tr + vec2(0.0, c), tr - vec2(c, 0.0)],
            accent,
            Stroke::NONE,
        ));
    }
}

fn paint_header(
    painter: &Painter,
    theme: &Theme,
    node: &Node,
    rect: Rect,
    zoom: f32,
    is_main: bool,
) {
    let accent = theme.accent(node.kind);
    let icon_centre = rect.min + vec2(PAD + 5.0, PAD + HEADER * 0.5) * zoom;
    paint_icon(painter, node.kind, icon_centre, 5.0 * zoom, accent);
    let mut label = if is_main {
        "MAIN CLAIM".to_owned()
    } else {
        node.kind.label().to_uppercase()
    };
    if node.pinned {
        // Pinned cards keep their place when the map is arranged; say so on the card.
        label.push_str(" · PINNED");
    }
    painter.text(
        icon_centre + vec2(10.0 * zoom, 0.0),
        egui::Align2::LEFT_CENTER,
        label,
        FontId::proportional(LABEL_SIZE * zoom),
        accent,
    );
    if !node.citations.is_empty() {
        paint_badge(
            painter,
            theme,
            node.citations.len(),
            pos2(rect.right() - (PAD + 8.0) * zoom, icon_centre.y),
            zoom,
            accent,
        );
    }
}

/// Claim: square; evidence: circle; counterpoint: triangle. Distinct without colour.
pub fn paint_icon(painter: &Painter, kind: NodeKind, centre: Pos2, r: f32, color: Color32) {
    match kind {
        NodeKind::Claim => {
            painter.rect_filled(
                Rect::from_center_size(centre, Vec2::splat(r * 1.7)),
                1.0,
                color,
            );
        }
        NodeKind::Evidence => {
            painter.circle_filled(centre, r, color);
        }
        NodeKind::Counterpoint => {
            painter.add(egui::Shape::convex_polygon(
                vec![
                    centre + vec2(0.0, -r * 1.1),
                    centre + vec2(r * 1.05, r * 0.85),
                    centre + vec2(-r * 1.05, r * 0.85),
                ],
                color,
                Stroke::NONE,
            ));
        }
    }
}

/// A pill with a small page icon and the number of citations, at the header's right end.
fn paint_badge(
    painter: &Painter,
    theme: &Theme,
    count: usize,
    right_centre: Pos2,
    zoom: f32,
    accent: Color32,
) {
    let text = count.to_string();
    let font = FontId::proportional(LABEL_SIZE * zoom);
    let galley = painter.layout_no_wrap(text, font, theme.text);
    let h = 15.0 * zoom;
    let w = galley.size().x + 18.0 * zoom;
    let rect = Rect::from_min_size(
        pos2(right_centre.x - w + 8.0 * zoom, right_centre.y - h / 2.0),
        vec2(w, h),
    );
    painter.rect(
        rect,
        CornerRadius::same((h / 2.0).min(255.0) as u8),
        mix(theme.card_fill(crate::model::NodeKind::Claim), accent, 0.15),
        Stroke::new(1.0, accent),
        StrokeKind::Inside,
    );
    // Page icon: a small outlined sheet with two text lines.
    let page = Rect::from_center_size(
        rect.left_center() + vec2(7.0 * zoom, 0.0),
        vec2(6.0, 8.0) * zoom,
    );
    painter.rect_stroke(page, 0.0, Stroke::new(1.0, accent), StrokeKind::Inside);
    for dy in [-1.0, 1.5] {
        let y = page.center().y + dy * zoom;
        painter.line_segment(
            [
                pos2(page.left() + 1.5 * zoom, y),
                pos2(page.right() - 1.5 * zoom, y),
            ],
            Stroke::new(0.8, accent),
        );
    }
    painter.galley(
        pos2(
            page.right() + 3.0 * zoom,
            rect.center().y - galley.size().y / 2.0,
        ),
        galley,
        theme.text,
    );
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
    painter.rect(rect, corner(kind, 0.3), fill, stroke, StrokeKind::Outside);
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
