//! The menu bar and toolbar. They only report which action was chosen.

use crate::app::commands::Action;
use crate::app::document::Document;
use crate::app::settings::Settings;
use crate::app::view::Selection;
use crate::model::NodeKind;
use egui::Ui;

/// What was picked in the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuChoice {
    Run(Action),
    /// File → Open recent: the n-th recent file.
    OpenRecent(usize),
}

fn item(ui: &mut Ui, action: Action, enabled: bool, chosen: &mut Option<Action>) {
    item_labelled(ui, action, action.text(), enabled, chosen);
}

fn item_labelled(
    ui: &mut Ui,
    action: Action,
    label: &str,
    enabled: bool,
    chosen: &mut Option<Action>,
) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(crate::app::commands::shortcut_text(ui.ctx(), &shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip())
        .clicked()
    {
        *chosen = Some(action);
    }
}

fn toggle(ui: &mut Ui, action: Action, on: bool, chosen: &mut Option<Action>) {
    let mut button = egui::Button::selectable(on, action.text());
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(crate::app::commands::shortcut_text(ui.ctx(), &shortcut));
    }
    if ui.add(button).on_hover_text(action.tooltip()).clicked() {
        *chosen = Some(action);
    }
}

pub fn menu_bar(
    ui: &mut Ui,
    settings: &Settings,
    doc: &Document,
    selection: &Selection,
) -> Option<MenuChoice> {
    let mut chosen = None;
    let mut recent = None;
    let has_nodes = !selection.nodes().is_empty();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Action::New, true, &mut chosen);
            item(ui, Action::Open, true, &mut chosen);
            ui.menu_button("Open recent", |ui| {
                if settings.recent.is_empty() {
                    ui.label("No recent maps");
                }
                for (i, path) in settings.recent.iter().enumerate() {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        recent = Some(i);
                    }
                }
            });
            ui.separator();
            item(ui, Action::Save, true, &mut chosen);
            item(ui, Action::SaveAs, true, &mut chosen);
            ui.separator();
            item(ui, Action::Import, true, &mut chosen);
            item(ui, Action::Export, true, &mut chosen);
            item(ui, Action::ExportPresentation, true, &mut chosen);
            ui.separator();
            item(ui, Action::Quit, true, &mut chosen);
        });
        ui.menu_button("Edit", |ui| {
            let undo = doc
                .undo_label()
                .map_or("Undo".to_owned(), |l| format!("Undo {l}"));
            item_labelled(
                ui,
                Action::Undo,
                &undo,
                doc.undo_label().is_some(),
                &mut chosen,
            );
            let redo = doc
                .redo_label()
                .map_or("Redo".to_owned(), |l| format!("Redo {l}"));
            item_labelled(
                ui,
                Action::Redo,
                &redo,
                doc.redo_label().is_some(),
                &mut chosen,
            );
            ui.separator();
            item(ui, Action::Cut, has_nodes, &mut chosen);
            item(ui, Action::Copy, has_nodes, &mut chosen);
            item(ui, Action::Paste, true, &mut chosen);
            item(ui, Action::Delete, !selection.is_empty(), &mut chosen);
            item(ui, Action::SelectAll, true, &mut chosen);
            ui.separator();
            item(ui, Action::AddLinkedNode, has_nodes, &mut chosen);
            for kind in NodeKind::ALL {
                item(ui, Action::add_node(kind), true, &mut chosen);
            }
            item(ui, Action::EditText, has_nodes, &mut chosen);
            ui.separator();
            // Reasons: what the selection bears on, and how.
            let any = !selection.is_empty();
            item(ui, Action::AddCoPremise, any, &mut chosen);
            item(ui, Action::UndercutReason, any, &mut chosen);
            item(ui, Action::JoinReasons, selection.len() >= 2, &mut chosen);
            item(ui, Action::SplitReason, any, &mut chosen);
            ui.separator();
            item(ui, Action::Find, true, &mut chosen);
            item(ui, Action::CommandPalette, true, &mut chosen);
            ui.separator();
            item(ui, Action::ArrangeAll, true, &mut chosen);
            item(ui, Action::ArrangeSelection, has_nodes, &mut chosen);
            item(ui, Action::TogglePin, has_nodes, &mut chosen);
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::FitMap, true, &mut chosen);
            item(ui, Action::ZoomToSelection, has_nodes, &mut chosen);
            item(ui, Action::ZoomIn, true, &mut chosen);
            item(ui, Action::ZoomOut, true, &mut chosen);
            item(ui, Action::ZoomActualSize, true, &mut chosen);
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
            item(ui, Action::Present, true, &mut chosen);
            ui.separator();
            ui.label(format!(
                "Interface text: {}",
                crate::app::ui_scale::percent(settings.ui_scale)
            ));
            let scale = settings.ui_scale;
            use crate::app::ui_scale::{DEFAULT, MAX, MIN};
            item(ui, Action::UiLarger, scale < MAX, &mut chosen);
            item(ui, Action::UiSmaller, scale > MIN, &mut chosen);
            item(ui, Action::UiReset, scale != DEFAULT, &mut chosen);
            ui.separator();
            ui.label("Theme");
            ui.horizontal(|ui| {
                let current = ui.ctx().options(|o| o.theme_preference);
                for (pref, label) in [
                    (egui::ThemePreference::System, "System"),
                    (egui::ThemePreference::Light, "Light"),
                    (egui::ThemePreference::Dark, "Dark"),
                ] {
                    if ui.selectable_label(current == pref, label).clicked() {
                        ui.ctx().set_theme(pref);
                    }
                }
            });
        });
        ui.menu_button("Help", |ui| {
            item(ui, Action::ShowShortcuts, true, &mut chosen);
            item(ui, Action::CommandPalette, true, &mut chosen);
        });
    });
    recent
        .map(MenuChoice::OpenRecent)
        .or(chosen.map(MenuChoice::Run))
}

pub fn toolbar(ui: &mut Ui, zoom: f32) -> Option<Action> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        let mut button = |ui: &mut Ui, text: &str, action: Action| {
            let hint = match action.shortcut() {
                Some(s) => format!(
                    "{} ({})\n{}",
                    action.text(),
                    crate::app::commands::shortcut_text(ui.ctx(), &s),
                    action.tooltip()
                ),
                None => format!("{}\n{}", action.text(), action.tooltip()),
            };
            if ui.button(text).on_hover_text(hint).clicked() {
                chosen = Some(action);
            }
        };
        button(ui, "+ Claim", Action::AddClaim);
        button(ui, "+ Evidence", Action::AddEvidence);
        button(ui, "+ Counterpoint", Action::AddCounterpoint);
        ui.separator();
        button(ui, "Undo", Action::Undo);
        button(ui, "Redo", Action::Redo);
        ui.separator();
        button(ui, "Arrange", Action::ArrangeAll);
        ui.separator();
        button(ui, "Fit map", Action::FitMap);
        button(ui, "Zoom to selection", Action::ZoomToSelection);
        ui.separator();
        button(ui, "−", Action::ZoomOut);
        ui.label(crate::app::camera::zoom_percent(zoom));
        button(ui, "+", Action::ZoomIn);
    });
    chosen
}
