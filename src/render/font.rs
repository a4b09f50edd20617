//! The font cards are drawn with, and its measurements.
//!
//! egui draws cards in its default proportional font, Ubuntu-Light, which ships inside the
//! `epaint_default_fonts` crate. Exports use the same bytes: to measure text here (so lines
//! break where they break on the canvas) and to draw it in PNG and PDF (so no system fonts are
//! needed and pictures look the same on every machine).

use std::sync::OnceLock;
use ttf_parser::{Face, GlyphId};

/// The font file's bytes.
pub const FONT_DATA: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// CSS `font-family` for SVG: the font itself, then look-alikes for viewers without it.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Segoe UI', Arial, sans-serif";
/// CSS `font-weight` of Ubuntu-Light.
pub const FONT_WEIGHT: u16 = 300;

/// Horizontal and vertical metrics of the card font.
pub struct Metrics {
    face: Face<'static>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
    line_gap: f32,
    notdef_advance: f32,
}

/// The parsed card font (parsed once).
pub fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = Face::parse(FONT_DATA, 0).expect("the bundled Ubuntu-Light font parses");
        let units_per_em = f32::from(face.units_per_em().max(1));
        Metrics {
            units_per_em,
            ascent: f32::from(face.ascender()),
            descent: f32::from(face.descender()),
            line_gap: f32::from(face.line_gap()),
            notdef_advance: face
                .glyph_hor_advance(GlyphId(0))
                .map_or(units_per_em / 2.0, f32::from),
            face,
        }
    })
}

/// egui rounds vertical metrics to 1/32 of a point (`emath::GuiRounding::round_ui`).
fn round_ui(v: f32) -> f32 {
    (v * 32.0).round() / 32.0
}

impl Metrics {
    /// Advance width of `c` in font units. Characters the font lacks get the width of its
    /// "missing glyph" box, or a full em for wide (East Asian) characters.
    fn advance_units(&self, c: char) -> f32 {
        if is_zero_width(c) {
            return 0.0;
        }
        match self.face.glyph_index(c) {
            Some(id) => self.face.glyph_hor_advance(id).map_or(0.0, f32::from),
            None if is_wide(c) => self.units_per_em,
            None => self.notdef_advance,
        }
    }

    /// Advance width of `c` at `size` pixels.
    pub fn advance(&self, c: char, size: f32) -> f32 {
        self.advance_units(c) * size / self.units_per_em
    }

    /// Width of `text` on one line at `size` pixels (no kerning: kerning only tightens, so a
    /// line measured to fit still fits when drawn).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }

    /// Distance from a row's top to its baseline at `size`, as egui lays it out.
    pub fn ascent(&self, size: f32) -> f32 {
        round_ui(self.ascent * size / self.units_per_em)
    }

    /// Height of one row of text at `size`, as egui lays it out (ascent − descent + line gap).
    pub fn row_height(&self, size: f32) -> f32 {
        let k = size / self.units_per_em;
        self.ascent(size) - round_ui(self.descent * k) + round_ui(self.line_gap * k)
    }
}

/// Invisible formatting characters that take no room (joiners, direction marks, BOM).
fn is_zero_width(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// East Asian wide characters (CJK, Hangul, full-width forms), which take about an em.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F300}'..='\u{1FAFF}'
        | '\u{20000}'..='\u{3FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_like_egui() {
        let m = metrics();
        // egui's own layout of the same font, at 100% zoom.
        let mut fonts = egui::epaint::text::Fonts::new(
            egui::epaint::text::TextOptions::default(),
            egui::FontDefinitions::default(),
        );
        let mut view = fonts.with_pixels_per_point(1.0);
        for size in [10.5, 12.0, 14.0, 16.0] {
            let font = egui::FontId::proportional(size);
            assert_eq!(m.row_height(size), view.row_height(&font), "size {size}");
            let galley = view.layout_no_wrap("Khamenei".into(), font, egui::Color32::BLACK);
            let ours = m.width("Khamenei", size);
            assert!(
                (galley.size().x - ours).abs() < 0.6,
                "{} vs {ours}",
                galley.size().x
            );
        }
        assert!(m.width("WWW", 14.0) > m.width("iii", 14.0));
        assert_eq!(m.width("\u{200B}", 14.0), 0.0);
        assert_eq!(m.advance('漢', 14.0), 14.0);
    }
}
