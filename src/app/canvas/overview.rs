//! The map seen from far out: every card a small block and every link a thin line, each kind
//! of thing collected into one mesh. Below [`OVERVIEW_ZOOM`] a card is a few pixels wide, so
//! its rounded corners, border and curve would not show, while drawing each as shapes of its
//! own made tessellation the largest part of a frame of a 10,000-node map fitted to the
//! window. Selected, current and main-claim cards are still drawn the usual way, on top.

use super::links::{self, Route};
use crate::app::theme::{Theme, mix};
use crate::model::{NodeKind, Relation};
use egui::{Color32, Mesh, Painter, Pos2, Rect, Vec2, vec2};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Below this zoom cards are 24 screen pixels wide or less.
pub const OVERVIEW_ZOOM: f32 = 0.1;
/// The least a card is drawn on screen, so that far out every node is still a visible dot.
const MIN_CARD: Vec2 = vec2(2.0, 2.0);
/// A link shorter than this on screen (points) runs inside its two cards' dots: not drawn.
const MIN_LINK: f32 = 1.0;

#[derive(Default)]
pub struct Overview {
    links: Mesh,
    cards: Mesh,
    /// Cards drawn as dots of the least size, by the pixel their centre is in, to their
    /// quad's first vertex. A whole 100,000-node map fitted to the window puts dozens of
    /// dots on one pixel, where only the last one drawn shows: it takes the earlier one's
    /// quad instead of adding its own, so the meshes grow with the pixels covered, not
    /// with the map.
    dots: HashMap<u64, u32, BuildHasherDefault<PixelHasher>>,
}

/// Hashes a pixel's packed coordinates with one multiplication (the std hasher took longer
/// than drawing the dot).
#[derive(Default)]
struct PixelHasher(u64);

impl Hasher for PixelHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b) ^ self.0.rotate_left(8));
        }
    }

    fn write_u64(&mut self, v: u64) {
        let h = v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }

    fn finish(&self) -> u64 {
        self.0
    }
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
        if (b - a).length() < MIN_LINK {
            return;
        }
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
        let rect = Rect::from_center_size(screen.center(), size);
        if size == MIN_CARD {
            let centre = screen.center();
            let pixel = (u64::from(centre.x.floor() as i32 as u32) << 32)
                | u64::from(centre.y.floor() as i32 as u32);
            let next = self.cards.vertices.len() as u32;
            let first = *self.dots.entry(pixel).or_insert(next);
            if first != next {
                // This dot covers the one drawn on the same pixel before: take its quad.
                let corners = [
                    rect.left_top(),
                    rect.right_top(),
                    rect.left_bottom(),
                    rect.right_bottom(),
                ];
                let quad = &mut self.cards.vertices[first as usize..first as usize + 4];
                for (vertex, pos) in quad.iter_mut().zip(corners) {
                    vertex.pos = pos;
                    vertex.color = fill;
                }
                return;
            }
        }
        self.cards.add_colored_rect(rect, fill);
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

    #[test]
    fn dots_on_one_pixel_share_a_quad_and_the_last_one_shows() {
        let theme = Theme::from_visuals(&egui::Visuals::light());
        let mut overview = Overview::default();
        let dot = |x: f32, y: f32| Rect::from_center_size(pos2(x, y), vec2(0.1, 0.1));
        overview.card(&theme, NodeKind::Claim, dot(10.2, 10.2), false);
        overview.card(&theme, NodeKind::Evidence, dot(10.7, 10.9), false);
        assert_eq!(overview.cards.vertices.len(), 4, "one quad for the pixel");
        let evidence = mix(
            theme.card_fill(NodeKind::Evidence),
            theme.accent(NodeKind::Evidence),
            0.6,
        );
        assert!(overview.cards.vertices.iter().all(|v| v.color == evidence));
        assert_eq!(overview.cards.calc_bounds().center(), pos2(10.7, 10.9));
        // The next pixel, and a card bigger than a dot, get quads of their own.
        overview.card(&theme, NodeKind::Claim, dot(11.2, 10.2), false);
        let big = Rect::from_center_size(pos2(10.5, 10.5), vec2(8.0, 3.0));
        overview.card(&theme, NodeKind::Claim, big, false);
        assert_eq!(overview.cards.vertices.len(), 12);
    }

    #[test]
    fn a_link_shorter_than_a_pixel_is_not_drawn() {
        let theme = Theme::from_visuals(&egui::Visuals::light());
        let ctx = egui::Context::default();
        let mut overview = Overview::default();
        let route = |a: Pos2, b: Pos2| Route {
            points: [a, a, b, b],
        };
        let painter = Painter::new(ctx, egui::LayerId::background(), Rect::EVERYTHING);
        let short = route(pos2(5.0, 5.0), pos2(5.5, 5.4));
        overview.link(&painter, &theme, &short, Relation::Supports);
        assert!(overview.links.is_empty());
        let long = route(pos2(5.0, 5.0), pos2(25.0, 5.0));
        overview.link(&painter, &theme, &long, Relation::Supports);
        assert_eq!(overview.links.vertices.len(), 4 + 3, "a shaft and a head");
    }
}
