//! The Talk tab: the presentation's steps, to reorder (drag), title, group and trim. The
//! sequence is saved in the map; a map without one uses the default walk.

use crate::app::derived::Derived;
use crate::model::{ArgumentMap, NodeId, Step};
use egui::{RichText, Ui};

pub enum TalkRequest {
    /// Replace the steps (`None`: back to the default walk).
    Set(Option<Vec<Step>>),
    Select(NodeId),
    Present,
}

/// One change to the list of steps.
type Change = dyn FnMut(&mut Vec<Step>);

/// The steps with `change` made (steps left empty are dropped), as a request.
fn edited(steps: &[Step], mut change: Box<Change>) -> TalkRequest {
    let mut new = steps.to_vec();
    change(&mut new);
    new.retain(|s| !s.nodes.is_empty());
    TalkRequest::Set(Some(new))
}

/// A step being dragged to a new place.
#[derive(Clone, Copy)]
struct DraggedStep(usize);

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    selection: &[NodeId],
) -> Option<TalkRequest> {
    let mut request = None;
    let steps = map.steps();
    let arranged = map.presentation.is_some();
    ui.horizontal_wrapped(|ui| {
        if ui.button("Present").on_hover_text("F5").clicked() {
            request = Some(TalkRequest::Present);
        }
        if arranged && ui.button("Reset to default walk").clicked() {
            request = Some(TalkRequest::Set(None));
        }
    });
    ui.label(
        RichText::new(if arranged {
            "Arranged for this map; saved in the file."
        } else {
            "The default walk: main claim, each line of support, then each counterpoint. Change anything to arrange it."
        })
        .weak()
        .small(),
    );
    let set = |f: Box<Change>| edited(&steps, f);
    if !selection.is_empty() && ui.button("New step from selected nodes").clicked() {
        let chosen: Vec<NodeId> = selection.to_vec();
        request = Some(set(Box::new(move |s: &mut Vec<Step>| {
            for step in s.iter_mut() {
                step.nodes.retain(|n| !chosen.contains(n));
            }
            s.push(Step::of(chosen.clone()));
        })));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (k, step) in steps.iter().enumerate() {
                let drop =
                    ui.dnd_drop_zone::<DraggedStep, _>(egui::Frame::group(ui.style()), |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            let handle = ui.dnd_drag_source(
                                egui::Id::unique(("talk-step", k)),
                                DraggedStep(k),
                                |ui| {
                                    ui.label(RichText::new(format!("Step {}", k + 1)).strong());
                                },
                            );
                            handle
                                .response
                                .on_hover_text("Drag onto another step to move it there");
                            let title_id = egui::Id::unique(("talk-title", k));
                            let mut title = ui
                                .data(|d| d.get_temp::<(String, String)>(title_id))
                                .filter(|(o, _)| o == &step.title)
                                .map_or_else(|| step.title.clone(), |(_, b)| b);
                            let field = ui.add(
                                egui::TextEdit::singleline(&mut title)
                                    .id(title_id)
                                    .hint_text("title")
                                    .desired_width(ui.available_width() - 8.0),
                            );
                            ui.data_mut(|d| {
                                d.insert_temp(title_id, (step.title.clone(), title.clone()))
                            });
                            if field.lost_focus() && title != step.title {
                                let title = title.trim().to_owned();
                                request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                                    s[k].title = title.clone()
                                })));
                            }
                        });
                        for id in &step.nodes {
                            let text = derived
                                .index
                                .get(id)
                                .map_or("(missing node)", |&i| map.nodes[i].text.as_str());
                            ui.horizontal(|ui| {
                                if ui
                                    .small_button("remove")
                                    .on_hover_text("Take this node out of the step")
                                    .clicked()
                                {
                                    let id = id.clone();
                                    request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                                        s[k].nodes.retain(|n| n != &id)
                                    })));
                                }
                                let short: String = text.chars().take(60).collect();
                                if ui
                                    .link(if short.len() < text.len() {
                                        format!("{short}…")
                                    } else {
                                        short
                                    })
                                    .on_hover_text(text)
                                    .clicked()
                                {
                                    request = Some(TalkRequest::Select(id.clone()));
                                }
                            });
                        }
                        ui.horizontal(|ui| {
                            if !selection.is_empty() && ui.small_button("add selected").clicked() {
                                let chosen: Vec<NodeId> = selection.to_vec();
                                request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                                    for step in s.iter_mut() {
                                        step.nodes.retain(|n| !chosen.contains(n));
                                    }
                                    s[k].nodes.extend(chosen.iter().cloned());
                                })));
                            }
                            if k + 1 < steps.len() && ui.small_button("group with next").clicked() {
                                request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                                    let next = s.remove(k + 1);
                                    s[k].nodes.extend(next.nodes);
                                })));
                            }
                            if step.nodes.len() > 1 && ui.small_button("split").clicked() {
                                request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                                    let rest: Vec<NodeId> = s[k].nodes.drain(1..).collect();
                                    for (j, n) in rest.into_iter().enumerate() {
                                        s.insert(k + 1 + j, Step::of(vec![n]));
                                    }
                                })));
                            }
                            if ui.small_button("delete step").clicked() {
                                request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                                    s.remove(k);
                                })));
                            }
                        });
                    });
                if let Some(dragged) = drop.1 {
                    let from = dragged.0;
                    if from != k {
                        request = Some(set(Box::new(move |s: &mut Vec<Step>| {
                            let moved = s.remove(from);
                            s.insert(k, moved);
                        })));
                    }
                }
            }
        });
    request
}
