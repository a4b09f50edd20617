//! The menu bar and toolbar. They only report which action was chosen.

use crate::app::actions::Action;
use crate::app::settings::Settings;
use egui::Ui;

fn item(ui: &mut Ui, action: Action, chosen: &mut Option<Action>) {
    let mut button = egui::Button::new(action.label());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        *chosen = Some(action);
    }
}

fn toggle(ui: &mut Ui, action: Action, on: bool, chosen: &mut Option<Action>) {
    let mut button = egui::Button::selectable(on, action.label());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        *chosen = Some(action);
    }
}

pub fn menu_bar(ui: &mut Ui, settings: &Settings) -> Option<Action> {
    let mut chosen = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::Quit, &mut chosen);
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::FitMap, &mut chosen);
            item(ui, Action::ZoomToSelection, &mut chosen);
            item(ui, Action::ZoomIn, &mut chosen);
            item(ui, Action::ZoomOut, &mut chosen);
            item(ui, Action::ZoomActualSize, &mut chosen);
            ui.separator();
            toggle(
                ui,
                Action::ToggleOutline,
                settings.show_outline,
                &mut chosen,
            );
            toggle(
                ui,
                Action::ToggleInspector,
                settings.show_inspector,
                &mut chosen,
            );
            toggle(ui, Action::ToggleLegend, settings.show_legend, &mut chosen);
            ui.separator();
            ui.label("Theme");
            egui::widgets::global_theme_preference_buttons(ui);
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, &mut chosen);
        });
    });
    chosen
}

pub fn toolbar(ui: &mut Ui, zoom: f32) -> Option<Action> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        let mut button = |ui: &mut Ui, text: &str, action: Action| {
            let hint = match action.shortcut() {
                Some(s) => format!("{} ({})", action.label(), ui.ctx().format_shortcut(&s)),
                None => action.label().to_owned(),
            };
            if ui.button(text).on_hover_text(hint).clicked() {
                chosen = Some(action);
            }
        };
        button(ui, "Fit map", Action::FitMap);
        button(ui, "Zoom to selection", Action::ZoomToSelection);
        ui.separator();
        button(ui, "−", Action::ZoomOut);
        ui.label(format!("{:>4.0}%", zoom * 100.0));
        button(ui, "+", Action::ZoomIn);
    });
    chosen
}
