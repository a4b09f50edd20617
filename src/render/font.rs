//! The font cards are drawn with, and its measurements.
//!
//! egui draws cards in its default proportional font, Ubuntu-Light (with its emoji fallbacks).
//! Exports measure and wrap text with egui's own text layout, run headless on the same fonts
//! (epaint's `Fonts`: shaping with kerning, pixel rounding, the same line breaks), so a card's
//! lines in an export are the lines it has on the canvas at 100% zoom. The same font bytes
//! draw text in PNG and PDF (so no system fonts are needed and pictures look the same on
//! every machine).

use egui::epaint::text::{Fonts, Galley, LayoutJob, TextOptions};
use egui::{Color32, FontDefinitions, FontId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// The font file's bytes.
pub const FONT_DATA: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// CSS `font-family` for SVG: the font itself, then look-alikes for viewers without it.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Segoe UI', Arial, sans-serif";
/// CSS `font-weight` of Ubuntu-Light.
pub const FONT_WEIGHT: u16 = 300;

/// Measurements of the card font, as egui's layout makes them at 100% zoom.
///
/// Each thread has its own fonts, so big exports can lay out cards on every core at once
/// (see [`super::parallel`]): laying out text is most of an export's work.
pub struct Metrics {
    _private: (),
}

struct Inner {
    fonts: Fonts,
    /// Ascent and row height by font size (its bits): asked for once per card.
    vertical: HashMap<u32, (f32, f32)>,
    /// Widths of short texts by font size (its bits): badge counts and labels, asked for
    /// per card.
    short_widths: HashMap<u32, HashMap<String, f32>>,
}

/// Texts up to this many bytes have their width remembered (see `Inner::short_widths`).
const SHORT_TEXT: usize = 24;

thread_local! {
    static INNER: RefCell<Inner> = RefCell::new(Inner {
        fonts: Fonts::new(TextOptions::default(), FontDefinitions::default()),
        vertical: HashMap::new(),
        short_widths: HashMap::new(),
    });
}

/// The card fonts (loaded once per thread, when first used).
pub fn metrics() -> &'static Metrics {
    static METRICS: Metrics = Metrics { _private: () };
    &METRICS
}

impl Inner {
    fn layout(&mut self, job: LayoutJob) -> Galley {
        // Laying out rasterises glyphs into egui's atlas; a new pass empties it when full,
        // as the canvas does each frame.
        if self.fonts.font_atlas_fill_ratio() > 0.8 {
            self.fonts
                .begin_pass(TextOptions::default(), Default::default());
        }
        self.fonts.layout_uncached(1.0, Arc::new(job))
    }
}

impl Metrics {
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        INNER.with(|inner| f(&mut inner.borrow_mut()))
    }

    /// `job` laid out by egui at 100% zoom.
    pub fn layout(&self, job: LayoutJob) -> Galley {
        self.with(|inner| inner.layout(job))
    }

    /// Advance width of `c` at `size` pixels.
    pub fn advance(&self, c: char, size: f32) -> f32 {
        self.with(|inner| {
            inner
                .fonts
                .with_pixels_per_point(1.0)
                .glyph_width(&FontId::proportional(size), c)
        })
    }

    /// Width of `text` on one line at `size` pixels, kerned as egui draws it.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let measure = |inner: &mut Inner| {
            let job = LayoutJob::simple_singleline(
                text.to_owned(),
                FontId::proportional(size),
                Color32::BLACK,
            );
            inner.layout(job).size().x
        };
        self.with(|inner| {
            if text.len() > SHORT_TEXT {
                return measure(inner);
            }
            // Looked up by `&str`, so a text measured before costs no allocation.
            if let Some(&w) = inner
                .short_widths
                .get(&size.to_bits())
                .and_then(|widths| widths.get(text))
            {
                return w;
            }
            let w = measure(inner);
            inner
                .short_widths
                .entry(size.to_bits())
                .or_default()
                .insert(text.to_owned(), w);
            w
        })
    }

    /// (ascent, row height) at `size`: egui's baseline and row pitch.
    fn vertical(&self, size: f32) -> (f32, f32) {
        self.with(|inner| {
            if let Some(v) = inner.vertical.get(&size.to_bits()) {
                return *v;
            }
            let font = FontId::proportional(size);
            let row = inner.fonts.with_pixels_per_point(1.0).row_height(&font);
            let job = LayoutJob::simple_singleline("x".to_owned(), font, Color32::BLACK);
            let galley = inner.layout(job);
            let ascent = galley
                .rows
                .first()
                .and_then(|r| r.row.glyphs.first())
                .map_or(row * 0.8, |g| g.pos.y);
            inner.vertical.insert(size.to_bits(), (ascent, row));
            (ascent, row)
        })
    }

    /// Distance from a row's top to its baseline at `size`, as egui lays it out.
    pub fn ascent(&self, size: f32) -> f32 {
        self.vertical(size).0
    }

    /// Height of one row of text at `size`, as egui lays it out.
    pub fn row_height(&self, size: f32) -> f32 {
        self.vertical(size).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_like_egui() {
        let m = metrics();
        // egui's own layout of the same font, at 100% zoom, in a separate `Fonts`.
        let mut fonts = Fonts::new(TextOptions::default(), FontDefinitions::default());
        let mut view = fonts.with_pixels_per_point(1.0);
        for size in [10.5, 12.0, 14.0, 16.0] {
            let font = FontId::proportional(size);
            assert_eq!(m.row_height(size), view.row_height(&font), "size {size}");
            let galley = view.layout_no_wrap("Khamenei AV".into(), font, Color32::BLACK);
            assert_eq!(galley.size().x, m.width("Khamenei AV", size));
            let baseline = galley.rows[0].row.glyphs[0].pos.y;
            assert_eq!(m.ascent(size), baseline);
            assert!(m.ascent(size) > size * 0.6 && m.ascent(size) < m.row_height(size));
        }
        assert!(m.width("WWW", 14.0) > m.width("iii", 14.0));
        // Kerning: "AV" is narrower than its two letters apart.
        assert!(m.width("AV", 40.0) < m.advance('A', 40.0) + m.advance('V', 40.0));
        assert_eq!(m.width("", 14.0), 0.0);
    }
}
