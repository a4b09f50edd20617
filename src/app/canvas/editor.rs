//! Typing a card's text in place: a text field over the card (or where the new card will be).
//! Enter commits, Shift+Enter starts a new line, Esc cancels.

use super::CanvasRequest;
use super::card::{CARD_WIDTH, CardSizes};
use crate::app::camera::Camera;
use crate::app::derived::Derived;
use crate::app::view::{EditTarget, TextEditing};
use crate::model::ArgumentMap;
use egui::{Key, Modifiers, Rect, Ui, pos2, vec2};

/// The accessible name of the text field (tests type into it by this name).
pub const FIELD_LABEL: &str = "Node text";

#[allow(clippy::too_many_arguments)]
pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    sizes: &CardSizes,
    camera: &Camera,
    canvas: Rect,
    editing: &mut TextEditing,
    out: &mut Vec<CanvasRequest>,
) {
    let (map_rect, kind) = match &editing.target {
        EditTarget::Existing(id) => match derived.index.get(id) {
            Some(&i) => (
                sizes.rect(&map.nodes[i], derived.is_main(i)),
                map.nodes[i].kind,
            ),
            None => {
                out.push(CanvasRequest::CancelText);
                return;
            }
        },
        EditTarget::New { kind, pos, .. } => (
            Rect::from_min_size(pos2(pos.x, pos.y), vec2(CARD_WIDTH, 80.0)),
            *kind,
        ),
    };
    // Typing stays readable even when the map is zoomed far out.
    let zoom = camera.zoom.clamp(1.0, 2.0);
    let screen = camera.rect_to_screen(canvas, map_rect);
    // Keys the field must not see: Enter (without Shift) commits, Esc cancels.
    let (commit, cancel) = ui.input_mut(|i| {
        let commit = !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter);
        let cancel = i.consume_key(Modifiers::NONE, Key::Escape);
        (commit, cancel)
    });
    if commit {
        out.push(CanvasRequest::CommitText);
        return;
    }
    if cancel {
        out.push(CanvasRequest::CancelText);
        return;
    }
    let theme = crate::app::theme::Theme::from_visuals(ui.visuals());
    egui::Area::new(egui::Id::unique("argmap-text-editor"))
        .fixed_pos(screen.min)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(theme.card_fill(kind))
                .stroke(egui::Stroke::new(2.0, theme.selection))
                .corner_radius(4.0)
                .inner_margin(8.0)
                .show(ui, |ui| {
                    let label = ui.label(
                        egui::RichText::new(FIELD_LABEL)
                            .small()
                            .strong()
                            .color(theme.accent(kind)),
                    );
                    ui.label(
                        egui::RichText::new(format!(
                            "{} · Enter to finish, Shift+Enter for a new line, Esc to cancel",
                            kind.label()
                        ))
                        .small()
                        .weak(),
                    );
                    let field = egui::TextEdit::multiline(&mut editing.buffer)
                        .desired_width((CARD_WIDTH - 16.0) * zoom)
                        .desired_rows(3)
                        .font(egui::FontId::proportional(14.0 * zoom))
                        .hint_text(FIELD_LABEL);
                    let response = ui.add(field).labelled_by(label.id);
                    if editing.fresh {
                        response.request_focus();
                        editing.fresh = false;
                    }
                });
        });
}
