//! The map seen from far out: every card a small block and every link a thin line, each kind
//! of thing collected into one mesh. Below [`OVERVIEW_ZOOM`] a card is a few pixels wide, so
//! its rounded corners, border and curve would not show, while drawing each as shapes of its
//! own made tessellation the largest part of a frame of a 10,000-node map fitted to the
//! window. Selected, current and main-claim cards are still drawn the usual way, on top.

use super::links::{self, Route};
use crate::app::theme::{Theme, mix};
use crate::model::{NodeKind, Relation};
use egui::{Color32, Mesh, Painter, Pos2, Rect, Vec2, vec2};

/// Below this zoom cards are 24 screen pixels wide or less.
pub const OVERVIEW_ZOOM: f32 = 0.1;
/// The least a card is drawn on screen, so that far out every node is still a visible dot.
const MIN_CARD: Vec2 = vec2(2.0, 2.0);

#[derive(Default)]
pub struct Overview {
    links: Mesh,
    cards: Mesh,
}

impl Overview {
    /// A straight stretch of link from `a` to `b` (screen points).
    fn segment(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) {
        let d = b - a;
        let len = d.length();
        if len <= f32::EPSILON {
            return;
        }
        let n = vec2(-d.y, d.x) * (0.5 * width / len);
        let base = self.links.vertices.len() as u32;
        for p in [a + n, b + n, b - n, a - n] {
            self.links.colored_vertex(p, color);
        }
        self.links.add_triangle(base, base + 1, base + 2);
        self.links.add_triangle(base, base + 2, base + 3);
    }

    /// A link as a straight line with a small head (screen points); opposing links are still
    /// dashed, so the relation reads without colour.
    pub fn link(&mut self, painter: &Painter, theme: &Theme, route: &Route, relation: Relation) {
        let color = theme.relation(relation);
        let (a, b) = (route.start(), route.end());
        match relation {
            Relation::Supports => self.segment(a, b, 1.0, color),
            Relation::Opposes => {
                links::dashes_within(&[a, b], painter.clip_rect(), [4.0, 3.0], |p, q| {
                    self.segment(p, q, 1.2, color)
                })
            }
        }
        let dir = (b - a).normalized();
        if dir.is_finite() {
            let (n, base) = (vec2(-dir.y, dir.x) * 2.0, b - dir * 4.0);
            let at = self.links.vertices.len() as u32;
            for p in [b, base + n, base - n] {
                self.links.colored_vertex(p, color);
            }
            self.links.add_triangle(at, at + 1, at + 2);
        }
    }

    /// A card of `kind` filling `screen`.
    pub fn card(&mut self, theme: &Theme, kind: NodeKind, screen: Rect, dimmed: bool) {
        let size = screen.size().max(MIN_CARD);
        let fill = if dimmed {
            mix(theme.card_fill(kind), theme.canvas_bg, 0.6)
        } else {
            mix(theme.card_fill(kind), theme.accent(kind), 0.6)
        };
        self.cards
            .add_colored_rect(Rect::from_center_size(screen.center(), size), fill);
    }

    pub fn paint_links(&mut self, painter: &Painter) {
        painter.add(std::mem::take(&mut self.links));
    }

    pub fn paint_cards(&mut self, painter: &Painter) {
        painter.add(std::mem::take(&mut self.cards));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn cards_and_links_become_quads_and_tiny_cards_stay_visible() {
        let theme = Theme::from_visuals(&egui::Visuals::light());
        let mut overview = Overview::default();
        let tiny = Rect::from_min_size(pos2(10.0, 10.0), vec2(0.5, 0.2));
        overview.card(&theme, NodeKind::Evidence, tiny, false);
        overview.segment(pos2(0.0, 0.0), pos2(10.0, 0.0), 1.0, Color32::RED);
        overview.segment(pos2(5.0, 5.0), pos2(5.0, 5.0), 1.0, Color32::RED);
        assert_eq!(overview.cards.vertices.len(), 4);
        assert_eq!(
            overview.links.indices.len(),
            6,
            "a zero-length link draws nothing"
        );
        let bounds = overview.cards.calc_bounds();
        assert!(bounds.width() >= 2.0 && bounds.height() >= 2.0);
        assert_eq!(bounds.center(), tiny.center());
        let line = overview.links.calc_bounds();
        assert_eq!((line.width(), line.height()), (10.0, 1.0));
    }
}
