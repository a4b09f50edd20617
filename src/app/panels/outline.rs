//! The argument as an indented tree: main claim, then what supports and opposes it.

use crate::app::canvas::card::paint_icon;
use crate::app::derived::Derived;
use crate::app::theme::Theme;
use crate::model::{ArgumentMap, NodeId, Relation};
use egui::{Sense, Ui, vec2};
use std::collections::HashSet;

#[derive(Default)]
pub struct OutlineState {
    /// Rows (by node id) whose sub-argument is folded away.
    pub collapsed: HashSet<NodeId>,
}

/// Shows the outline; returns the node the user clicked.
pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    selection: &[NodeId],
    state: &mut OutlineState,
) -> Option<NodeId> {
    let theme = Theme::from_visuals(ui.visuals());
    let outline = &derived.outline;
    // The rows currently shown: skip the insides of collapsed rows.
    let mut rows = Vec::with_capacity(outline.rows.len());
    let mut i = 0;
    while i < outline.rows.len() {
        let row = &outline.rows[i];
        rows.push(i);
        let id = &map.nodes[row.node].id;
        i += if !row.repeated && state.collapsed.contains(id) {
            row.subtree_len + 1
        } else {
            1
        };
    }
    let row_height = 22.0;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for &r in &rows[range] {
                let row = &outline.rows[r];
                let node = &map.nodes[row.node];
                if r == outline.unattached_from && r > 0 {
                    ui.add_space(4.0);
                }
                ui.horizontal(|ui| {
                    ui.set_height(row_height - 2.0);
                    ui.add_space(row.depth as f32 * 14.0);
                    // Fold toggle.
                    let has_children = row.subtree_len > 0 && !row.repeated;
                    let collapsed = state.collapsed.contains(&node.id);
                    let (toggle_rect, toggle) = ui.allocate_exact_size(
                        vec2(14.0, 14.0),
                        if has_children {
                            Sense::click()
                        } else {
                            Sense::hover()
                        },
                    );
                    if has_children {
                        let label = if collapsed { "Expand" } else { "Collapse" };
                        toggle.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!("{label} {}", node.text),
                            )
                        });
                        let c = toggle_rect.center();
                        let pts = if collapsed {
                            vec![
                                c + vec2(-3.0, -4.0),
                                c + vec2(3.0, 0.0),
                                c + vec2(-3.0, 4.0),
                            ]
                        } else {
                            vec![
                                c + vec2(-4.0, -2.0),
                                c + vec2(4.0, -2.0),
                                c + vec2(0.0, 3.0),
                            ]
                        };
                        ui.painter().add(egui::Shape::convex_polygon(
                            pts,
                            theme.weak_text,
                            egui::Stroke::NONE,
                        ));
                        if toggle.clicked() {
                            if collapsed {
                                state.collapsed.remove(&node.id);
                            } else {
                                state.collapsed.insert(node.id.clone());
                            }
                        }
                    }
                    if let Some(rel) = row.relation {
                        let sign = match rel {
                            Relation::Supports => "+",
                            Relation::Opposes => "−",
                        };
                        ui.colored_label(theme.relation(rel), sign)
                            .on_hover_text(rel.as_str());
                    }
                    let (icon_rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                    paint_icon(
                        ui.painter(),
                        node.kind,
                        icon_rect.center(),
                        4.5,
                        theme.accent(node.kind),
                    );
                    let mut text = first_line(&node.text);
                    if row.repeated {
                        text.push_str("  (also above)");
                    }
                    let selected = selection.contains(&node.id);
                    let response = ui.add(egui::Button::selectable(selected, text).truncate());
                    let response = response.on_hover_text(&node.text);
                    if response.clicked() {
                        clicked = Some(node.id.clone());
                    }
                });
            }
        });
    clicked
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}
