//! A map's colours, light and dark: the one place they are defined. The canvas paints with
//! the palette of egui's current theme; picture exports use the light one (they go on paper).
//!
//! Hues come from the Okabe–Ito palette, which stays distinguishable for the common forms of
//! colour blindness; every kind also has its own icon shape and label, and opposes links are
//! dashed, so nothing depends on colour alone (the map also reads in greyscale).

use super::geom::Rgb;
use crate::model::{NodeKind, Relation};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub dark: bool,
    /// Behind the map: the canvas (an exported picture's background is white paper).
    pub background: Rgb,
    pub grid_dot: Rgb,
    pub text: Rgb,
    pub weak_text: Rgb,
    /// Selected cards on the canvas; the current step in presentations and handouts.
    pub selection: Rgb,
    /// How dark a card's drop shadow is (black at this opacity).
    pub shadow_opacity: f32,
    /// The card colour before it is tinted with its kind's accent, and by how much.
    card_base: Rgb,
    card_tint: f32,
    /// Claim, evidence, counterpoint.
    accents: [Rgb; 3],
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        dark: false,
        background: Rgb(0xf3, 0xf4, 0xf6),
        grid_dot: Rgb(0xd0, 0xd3, 0xd9),
        text: Rgb(0x16, 0x18, 0x1c),
        weak_text: Rgb(0x55, 0x5a, 0x63),
        selection: Rgb(0xc2, 0x41, 0x8b),
        shadow_opacity: 28.0 / 255.0,
        card_base: Rgb::WHITE,
        card_tint: 0.07,
        accents: [
            Rgb(0x00, 0x62, 0x9b),
            Rgb(0x00, 0x7a, 0x59),
            Rgb(0xb8, 0x4a, 0x00),
        ],
    };

    pub const DARK: Palette = Palette {
        dark: true,
        background: Rgb(0x1c, 0x1e, 0x23),
        grid_dot: Rgb(0x33, 0x36, 0x3d),
        text: Rgb(0xec, 0xec, 0xec),
        weak_text: Rgb(0xa8, 0xac, 0xb4),
        selection: Rgb(0xff, 0xc8, 0x3d),
        shadow_opacity: 70.0 / 255.0,
        card_base: Rgb(0x2a, 0x2d, 0x33),
        card_tint: 0.14,
        accents: [
            Rgb(0x56, 0xb4, 0xe9),
            Rgb(0x2f, 0xc4, 0x98),
            Rgb(0xf0, 0x8a, 0x4b),
        ],
    };

    pub fn of(dark: bool) -> &'static Palette {
        if dark { &Self::DARK } else { &Self::LIGHT }
    }

    /// The kind's signature colour: card border, icon, label.
    pub const fn accent(&self, kind: NodeKind) -> Rgb {
        match kind {
            NodeKind::Claim => self.accents[0],
            NodeKind::Evidence => self.accents[1],
            NodeKind::Counterpoint => self.accents[2],
        }
    }

    /// Card background: the card colour tinted with the kind's accent.
    pub fn card_fill(&self, kind: NodeKind) -> Rgb {
        self.card_base.mix(self.accent(kind), self.card_tint)
    }

    pub const fn relation(&self, relation: Relation) -> Rgb {
        match relation {
            Relation::Supports => self.accent(NodeKind::Evidence),
            Relation::Opposes => self.accent(NodeKind::Counterpoint),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance contrast ratio.
    fn contrast(a: Rgb, b: Rgb) -> f32 {
        let lum = |c: Rgb| {
            let f = |v: u8| {
                let v = v as f32 / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_and_accents_are_readable_on_cards_in_both_palettes() {
        for palette in [Palette::LIGHT, Palette::DARK] {
            let dark = palette.dark;
            for kind in NodeKind::ALL {
                let fill = palette.card_fill(kind);
                assert!(contrast(palette.text, fill) >= 7.0, "{kind:?} text, {dark}");
                let accent = palette.accent(kind);
                assert!(contrast(accent, fill) >= 3.0, "{kind:?} accent, {dark}");
                let weak = palette.weak_text;
                assert!(contrast(weak, fill) >= 4.5, "{kind:?} weak, {dark}");
            }
        }
    }

    #[test]
    fn the_light_claim_card_is_the_exports_colour() {
        assert_eq!(Palette::LIGHT.card_fill(NodeKind::Claim).hex(), "#edf4f8");
        assert_eq!(*Palette::of(true), Palette::DARK);
    }
}
