//! The interface text size: menus, panels and dialogs larger or smaller, while the map keeps
//! its own zoom.
//!
//! egui's built-in GUI zoom (Ctrl+plus/minus, `Options::zoom_with_keyboard`) changes
//! `pixels_per_point`, which would scale the canvas too, and its keys are the canvas zoom's
//! here; so it is turned off, and this scales egui's text styles and spacing instead. Cards
//! are drawn with fonts of their own (the sizes exports use), which this leaves alone.

use super::ArgmapApp;

pub const DEFAULT: f32 = 1.0;
pub const MIN: f32 = 0.7;
pub const MAX: f32 = 2.0;
const STEP: f32 = 0.1;

/// A scale from settings made sensible: a hand-edited or broken value falls back or is clamped.
pub fn sanitised(scale: f32) -> f32 {
    if scale.is_finite() {
        scale.clamp(MIN, MAX)
    } else {
        DEFAULT
    }
}

fn stepped(scale: f32, steps: f32) -> f32 {
    // Rounded to tenths, so repeated steps land on 1.1, 1.2… and come back to exactly 1.0.
    (((sanitised(scale) + steps * STEP) * 10.0).round() / 10.0).clamp(MIN, MAX)
}

pub fn larger(scale: f32) -> f32 {
    stepped(scale, 1.0)
}

pub fn smaller(scale: f32) -> f32 {
    stepped(scale, -1.0)
}

/// "110%".
pub fn percent(scale: f32) -> String {
    format!("{:.0}%", scale * 100.0)
}

/// Sets every theme's text sizes and spacing to egui's defaults times `scale`.
pub fn apply(ctx: &egui::Context, scale: f32) {
    let scale = sanitised(scale);
    let base = egui::Style::default();
    ctx.all_styles_mut(|style| {
        for (text_style, font) in style.text_styles.iter_mut() {
            if let Some(default) = base.text_styles.get(text_style) {
                font.size = default.size * scale;
            }
        }
        let b = &base.spacing;
        let s = &mut style.spacing;
        s.item_spacing = b.item_spacing * scale;
        s.button_padding = b.button_padding * scale;
        s.indent = b.indent * scale;
        s.interact_size = b.interact_size * scale;
        s.slider_width = b.slider_width * scale;
        s.combo_width = b.combo_width * scale;
        s.text_edit_width = b.text_edit_width * scale;
        s.icon_width = b.icon_width * scale;
        s.icon_width_inner = b.icon_width_inner * scale;
        s.icon_spacing = b.icon_spacing * scale;
        s.tooltip_width = b.tooltip_width * scale;
        s.menu_width = b.menu_width * scale;
        s.combo_height = b.combo_height * scale;
    });
}

impl ArgmapApp {
    pub(super) fn set_ui_scale(&mut self, ctx: &egui::Context, scale: f32) {
        let scale = sanitised(scale);
        self.window.settings.ui_scale = scale;
        apply(ctx, scale);
        self.window.message = Some(format!(
            "Interface text at {} (Ctrl+Shift+0 for the usual size).",
            percent(scale)
        ));
    }

    /// The interface text size, 1.0 being egui's usual size.
    pub fn ui_scale(&self) -> f32 {
        self.window.settings.ui_scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_by_tenths_within_bounds_and_comes_back_exactly() {
        assert_eq!(larger(1.0), 1.1);
        assert_eq!(smaller(larger(larger(1.0))), 1.1);
        let mut s = 1.0;
        for _ in 0..5 {
            s = larger(s);
        }
        for _ in 0..5 {
            s = smaller(s);
        }
        assert_eq!(s, 1.0);
        assert_eq!(larger(MAX), MAX);
        assert_eq!(smaller(MIN), MIN);
        assert_eq!(sanitised(f32::NAN), DEFAULT);
        assert_eq!(sanitised(50.0), MAX);
    }

    #[test]
    fn scales_text_and_spacing_but_not_past_the_defaults_twice() {
        let ctx = egui::Context::default();
        let body =
            |ctx: &egui::Context| ctx.global_style().text_styles[&egui::TextStyle::Body].size;
        let usual = body(&ctx);
        apply(&ctx, 1.5);
        assert_eq!(body(&ctx), usual * 1.5);
        // Relative to egui's defaults, not to the current size: applying again changes nothing.
        apply(&ctx, 1.5);
        assert_eq!(body(&ctx), usual * 1.5);
        assert_eq!(
            ctx.global_style().spacing.interact_size,
            egui::Style::default().spacing.interact_size * 1.5
        );
        apply(&ctx, DEFAULT);
        assert_eq!(body(&ctx), usual);
    }
}
