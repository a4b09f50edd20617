//! The status bar: counts, zoom and selection.

use crate::app::view::ViewState;
use crate::model::ArgumentMap;
use egui::Ui;

pub fn show(ui: &mut Ui, map: &ArgumentMap, view: &ViewState, message: Option<&str>, legend: bool) {
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} nodes · {} links · {} sources",
            map.nodes.len(),
            map.links.len(),
            map.sources.len()
        ));
        ui.separator();
        ui.label(format!(
            "Zoom {}",
            crate::app::camera::zoom_percent(view.camera.zoom)
        ));
        if view.selection.link().is_some() {
            ui.separator();
            ui.label("1 reason selected");
        } else if !view.selection.is_empty() {
            ui.separator();
            ui.label(format!("{} selected", view.selection.len()));
        }
        if legend {
            ui.separator();
            crate::app::canvas::legend::show(ui);
        }
        if let Some(message) = message {
            ui.separator();
            ui.label(message);
        }
    });
}
