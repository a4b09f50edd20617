//! Right-click menus on cards, links and the empty canvas.

use super::CanvasRequest;
use crate::model::{ArgumentMap, Node, NodeId, NodeKind, Relation};
use egui::Ui;

fn item(ui: &mut Ui, label: &str, request: CanvasRequest, out: &mut Vec<CanvasRequest>) {
    if ui.button(label).clicked() {
        out.push(request);
        ui.close();
    }
}

pub fn node_menu(ui: &mut Ui, node: &Node, is_main: bool, out: &mut Vec<CanvasRequest>) {
    item(
        ui,
        "Edit text",
        CanvasRequest::EditText(node.id.clone()),
        out,
    );
    ui.separator();
    for kind in NodeKind::ALL {
        let label = format!(
            "Add {} {}",
            match kind {
                NodeKind::Evidence => "supporting",
                NodeKind::Counterpoint => "opposing",
                NodeKind::Claim => "linked",
            },
            kind.as_str()
        );
        item(
            ui,
            &label,
            CanvasRequest::AddLinked {
                parent: node.id.clone(),
                kind,
            },
            out,
        );
    }
    ui.separator();
    ui.menu_button("Change kind", |ui| {
        for kind in NodeKind::ALL.into_iter().filter(|&k| k != node.kind) {
            item(
                ui,
                kind.label(),
                CanvasRequest::SetKind(node.id.clone(), kind),
                out,
            );
        }
    });
    if !is_main && node.kind == NodeKind::Claim {
        item(
            ui,
            "Make main claim",
            CanvasRequest::SetMain(node.id.clone()),
            out,
        );
    }
    ui.separator();
    item(ui, "Delete", CanvasRequest::DeleteSelection, out);
}

pub fn link_menu(
    ui: &mut Ui,
    map: &ArgumentMap,
    from: &NodeId,
    to: &NodeId,
    out: &mut Vec<CanvasRequest>,
) {
    let relation = map.link(from, to).map(|l| l.relation);
    let flip = match relation {
        Some(Relation::Supports) => "Make it oppose",
        Some(Relation::Opposes) => "Make it support",
        None => return,
    };
    item(
        ui,
        flip,
        CanvasRequest::FlipLink(from.clone(), to.clone()),
        out,
    );
    item(
        ui,
        "Delete link",
        CanvasRequest::DeleteLink(from.clone(), to.clone()),
        out,
    );
}

pub fn background_menu(ui: &mut Ui, at: egui::Pos2, out: &mut Vec<CanvasRequest>) {
    for kind in NodeKind::ALL {
        let at = at - egui::vec2(super::card::CARD_WIDTH / 2.0, 30.0);
        item(
            ui,
            &format!("Add {} here", kind.as_str()),
            CanvasRequest::Create { kind, at },
            out,
        );
    }
}
