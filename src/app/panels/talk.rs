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

/// What the tab keeps between frames. A big map's default walk has thousands of steps: it is
/// worked out once per revision of the map, and only the steps in view are made widgets
/// (thousands of step widgets, each with a title field and buttons, took most of a frame).
#[derive(Default)]
pub struct TalkState {
    steps: Option<(u64, Vec<Step>)>,
    /// Each step's height when last shown (an estimate until then), to place the ones in
    /// view without laying out the rest.
    heights: Vec<f32>,
}

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    selection: &[NodeId],
    state: &mut TalkState,
) -> Option<TalkRequest> {
    let mut request = None;
    let revision = derived.revision();
    if state.steps.as_ref().is_none_or(|(r, _)| *r != revision) {
        state.steps = Some((revision, map.steps()));
    }
    let steps: &[Step] = state.steps.as_ref().map_or(&[], |(_, s)| s);
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
    let set = |f: Box<Change>| edited(steps, f);
    if !selection.is_empty() && ui.button("New step from selected nodes").clicked() {
        let chosen: Vec<NodeId> = selection.to_vec();
        request = Some(set(Box::new(move |s: &mut Vec<Step>| {
            take_out(s, &chosen);
            s.push(Step::of(chosen.clone()));
        })));
    }
    ui.separator();
    let spacing = ui.spacing().item_spacing.y;
    let row = ui.spacing().interact_size.y + spacing;
    let heights = &mut state.heights;
    heights.resize(steps.len(), 0.0);
    for (h, step) in heights.iter_mut().zip(steps) {
        if *h == 0.0 {
            // Title row, one row per node, the buttons, and the group's margins.
            *h = row * (2 + step.nodes.len()) as f32 + 14.0;
        }
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // Steps above the view are space; those in it are widgets; the rest is space.
            let mut top = 0.0;
            let mut first = 0;
            while first < steps.len() && top + heights[first] + spacing < viewport.min.y {
                top += heights[first] + spacing;
                first += 1;
            }
            ui.add_space(top);
            let mut k = first;
            let mut bottom = top;
            while k < steps.len() && bottom <= viewport.max.y {
                let step = &steps[k];
                let started = ui.cursor().min.y;
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
                                    take_out(s, &chosen);
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
                heights[k] = ui.cursor().min.y - started - spacing;
                bottom += heights[k] + spacing;
                k += 1;
            }
            let below: f32 = heights[k..].iter().map(|h| h + spacing).sum();
            ui.add_space(below);
        });
    request
}

/// Takes the `chosen` nodes out of every step (they are about to go into one), in one pass.
fn take_out(steps: &mut [Step], chosen: &[NodeId]) {
    let chosen: std::collections::HashSet<&NodeId> = chosen.iter().collect();
    for step in steps {
        step.nodes.retain(|n| !chosen.contains(n));
    }
}
