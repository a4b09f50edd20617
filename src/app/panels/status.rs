//! The status bar: counts, zoom and selection.

use crate::app::view::ViewState;
use crate::evaluate::Status;
use crate::model::ArgumentMap;
use egui::Ui;

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    view: &ViewState,
    main_status: Option<Status>,
    message: Option<&str>,
    legend: bool,
) {
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
        if let Some(status) = main_status {
            ui.separator();
            // In words, not by colour alone.
            let text = match status {
                Status::Holds => "Main claim holds",
                Status::Defeated => "Main claim defeated",
                Status::Undecided => "Main claim undecided",
            };
            ui.label(text).on_hover_text(
                "How the map's reasons weigh on the main claim: it holds while no reason \
                 against it applies, or when the reasons for it outweigh those against it \
                 (argmap evaluate --explain shows why; the rules are in docs/evaluation.md)",
            );
        }
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
