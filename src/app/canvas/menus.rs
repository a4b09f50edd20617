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

/// A card's menu. (Built only while it is open: finding the card's reason reads the links.)
pub fn node_menu(
    ui: &mut Ui,
    map: &ArgumentMap,
    node: &Node,
    is_main: bool,
    out: &mut Vec<CanvasRequest>,
) {
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
    let reason = map
        .links
        .iter()
        .find(|l| !l.is_undercut() && l.premises().any(|p| p == &node.id));
    if let Some(reason) = reason {
        ui.separator();
        let (from, to) = (reason.from.clone(), reason.to.clone());
        item(
            ui,
            "Add co-premise",
            CanvasRequest::AddCoPremise(from.clone(), to.clone()),
            out,
        );
        item(
            ui,
            "Undercut its reason",
            CanvasRequest::UndercutReason(from.clone(), to.clone()),
            out,
        );
        if reason.is_linked() {
            item(
                ui,
                "Take out of the reason",
                CanvasRequest::TakeOut {
                    premise: node.id.clone(),
                    reason: (from, to),
                },
                out,
            );
        }
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
    let Some(link) = map.link(from, to) else {
        return;
    };
    let flip = match link.relation {
        Relation::Supports => "Make it oppose",
        Relation::Opposes => "Make it support",
    };
    if !link.is_undercut() {
        item(
            ui,
            flip,
            CanvasRequest::FlipLink(from.clone(), to.clone()),
            out,
        );
        item(
            ui,
            "Add co-premise",
            CanvasRequest::AddCoPremise(from.clone(), to.clone()),
            out,
        );
    }
    item(
        ui,
        "Undercut this reason",
        CanvasRequest::UndercutReason(from.clone(), to.clone()),
        out,
    );
    if link.is_linked() {
        item(
            ui,
            "Split into one reason per premise",
            CanvasRequest::SplitReason(from.clone(), to.clone()),
            out,
        );
    }
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
