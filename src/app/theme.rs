//! The canvas' colours: `render`'s palette for egui's current theme, as egui colours. The
//! colours themselves are defined once, in `render::palette`, for the canvas and the exports.

use crate::model::{NodeKind, Relation};
use crate::render::geom::Rgb;
use crate::render::palette::Palette;
use egui::Color32;

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub palette: &'static Palette,
    pub dark: bool,
    pub canvas_bg: Color32,
    pub grid_dot: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub selection: Color32,
}

/// An egui colour of a palette colour.
pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

impl Theme {
    pub fn from_visuals(visuals: &egui::Visuals) -> Self {
        let palette = Palette::of(visuals.dark_mode);
        Self {
            palette,
            dark: palette.dark,
            canvas_bg: color(palette.background),
            grid_dot: color(palette.grid_dot),
            text: color(palette.text),
            weak_text: color(palette.weak_text),
            selection: color(palette.selection),
        }
    }

    /// The kind's signature colour: card border, header stripe, icon.
    pub fn accent(&self, kind: NodeKind) -> Color32 {
        color(self.palette.accent(kind))
    }

    /// Card background: the page colour tinted with the kind's accent.
    pub fn card_fill(&self, kind: NodeKind) -> Color32 {
        color(self.palette.card_fill(kind))
    }

    pub fn relation(&self, relation: Relation) -> Color32 {
        color(self.palette.relation(relation))
    }
}

/// `a` moved `t` of the way towards `b` (as `Rgb::mix`).
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let l = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(l(a.r(), b.r()), l(a.g(), b.g()), l(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canvas_takes_its_colours_from_the_palette_of_its_theme() {
        for (visuals, palette) in [
            (egui::Visuals::light(), &Palette::LIGHT),
            (egui::Visuals::dark(), &Palette::DARK),
        ] {
            let theme = Theme::from_visuals(&visuals);
            assert_eq!(theme.canvas_bg, color(palette.background));
            for kind in NodeKind::ALL {
                assert_eq!(theme.card_fill(kind), color(palette.card_fill(kind)));
            }
            let (a, b) = (palette.text, palette.background);
            assert_eq!(mix(color(a), color(b), 0.3), color(a.mix(b, 0.3)));
        }
    }
}
