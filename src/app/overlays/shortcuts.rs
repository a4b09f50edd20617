//! The keyboard shortcuts window (F1): every command that has keys, from the command table.

use crate::app::commands::{Action, MOUSE, keys_text};
use egui::{Context, RichText};

pub fn window(ctx: &Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .show(ctx, |ui| {
            ui.label(
                "Ctrl+Shift+P finds any command by name. Ctrl+= and Ctrl+- zoom the map; \
                 with Shift they size the interface text instead.",
            );
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .striped(true)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for action in Action::iter() {
                            let Some(keys) = keys_text(ctx, action) else {
                                continue;
                            };
                            ui.label(RichText::new(keys).monospace());
                            ui.label(action.text()).on_hover_text(action.tooltip());
                            ui.end_row();
                        }
                        for (keys, what) in MOUSE {
                            ui.label(RichText::new(keys).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            });
        });
}
