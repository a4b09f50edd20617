//! Colours for kinds and relations, in light and dark variants.
//!
//! Hues come from the Okabe–Ito palette, which stays distinguishable for the common forms of
//! colour blindness; every kind also has its own icon shape and label, and opposes links are
//! dashed, so nothing depends on colour alone (the map also reads in greyscale).

use crate::model::{NodeKind, Relation};
use egui::Color32;

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub dark: bool,
    pub canvas_bg: Color32,
    pub grid_dot: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub selection: Color32,
}

impl Theme {
    pub fn from_visuals(visuals: &egui::Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                dark: true,
                canvas_bg: Color32::from_rgb(0x1c, 0x1e, 0x23),
                grid_dot: Color32::from_rgb(0x33, 0x36, 0x3d),
                text: Color32::from_rgb(0xec, 0xec, 0xec),
                weak_text: Color32::from_rgb(0xa8, 0xac, 0xb4),
                selection: Color32::from_rgb(0xff, 0xc8, 0x3d),
            }
        } else {
            Self {
                dark: false,
                canvas_bg: Color32::from_rgb(0xf3, 0xf4, 0xf6),
                grid_dot: Color32::from_rgb(0xd0, 0xd3, 0xd9),
                text: Color32::from_rgb(0x16, 0x18, 0x1c),
                weak_text: Color32::from_rgb(0x55, 0x5a, 0x63),
                selection: Color32::from_rgb(0xc2, 0x41, 0x8b),
            }
        }
    }

    /// The kind's signature colour: card border, header stripe, icon.
    pub fn accent(&self, kind: NodeKind) -> Color32 {
        match (kind, self.dark) {
            (NodeKind::Claim, false) => Color32::from_rgb(0x00, 0x62, 0x9b),
            (NodeKind::Claim, true) => Color32::from_rgb(0x56, 0xb4, 0xe9),
            (NodeKind::Evidence, false) => Color32::from_rgb(0x00, 0x7a, 0x59),
            (NodeKind::Evidence, true) => Color32::from_rgb(0x2f, 0xc4, 0x98),
            (NodeKind::Counterpoint, false) => Color32::from_rgb(0xb8, 0x4a, 0x00),
            (NodeKind::Counterpoint, true) => Color32::from_rgb(0xf0, 0x8a, 0x4b),
        }
    }

    /// Card background: the page colour tinted with the kind's accent.
    pub fn card_fill(&self, kind: NodeKind) -> Color32 {
        let base = if self.dark {
            Color32::from_rgb(0x2a, 0x2d, 0x33)
        } else {
            Color32::WHITE
        };
        mix(base, self.accent(kind), if self.dark { 0.14 } else { 0.07 })
    }

    pub fn relation(&self, relation: Relation) -> Color32 {
        match relation {
            Relation::Supports => self.accent(NodeKind::Evidence),
            Relation::Opposes => self.accent(NodeKind::Counterpoint),
        }
    }
}

/// `a` moved `t` of the way towards `b`.
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let l = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(l(a.r(), b.r()), l(a.g(), b.g()), l(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance contrast ratio.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let f = |v: u8| {
                let v = v as f32 / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_and_accents_are_readable_on_cards_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let theme = Theme::from_visuals(&visuals);
            for kind in NodeKind::ALL {
                let fill = theme.card_fill(kind);
                assert!(
                    contrast(theme.text, fill) >= 7.0,
                    "{kind:?} text, dark={}",
                    theme.dark
                );
                assert!(
                    contrast(theme.accent(kind), fill) >= 3.0,
                    "{kind:?} accent, dark={}",
                    theme.dark
                );
                assert!(
                    contrast(theme.weak_text, fill) >= 4.5,
                    "{kind:?} weak, dark={}",
                    theme.dark
                );
            }
        }
    }
}
