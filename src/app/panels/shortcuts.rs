//! The keyboard shortcuts window (F1).

use crate::app::actions::{Action, MOUSE};
use egui::{Context, RichText};

pub fn window(ctx: &Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for action in Action::WITH_SHORTCUTS {
                        let Some(shortcut) = action.shortcut() else {
                            continue;
                        };
                        let mut keys = crate::app::actions::shortcut_text(ctx, &shortcut);
                        for alt in action.alternative_shortcuts() {
                            keys.push_str(" or ");
                            keys.push_str(&crate::app::actions::shortcut_text(ctx, alt));
                        }
                        ui.label(RichText::new(keys).monospace());
                        ui.label(action.label());
                        ui.end_row();
                    }
                    for (keys, what) in MOUSE {
                        ui.label(RichText::new(keys).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
}
