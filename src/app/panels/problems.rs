//! The argument check: every validation problem and doubtful spot, live; clicking one selects
//! the node it is about.

use crate::model::{ArgumentMap, NodeId, Problem, ProblemPlace, Severity, scheme};
use egui::{RichText, Ui};
use std::collections::HashMap;

/// What the user picked in the Problems panel.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemChoice {
    /// Go to the node the problem is about.
    GoTo(NodeId),
    /// Answer critical question `number` of the reason (first premise, target): start
    /// typing an undercut of it.
    Answer {
        reason: (NodeId, NodeId),
        number: u32,
    },
}

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    index: &HashMap<NodeId, usize>,
    problems: &[Problem],
) -> Option<ProblemChoice> {
    let mut go_to = None;
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    if problems.is_empty() {
        ui.label("No problems: every evidence cites a source, every claim is supported and every counterpoint answered.");
        return None;
    }
    ui.label(format!(
        "{errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    ));
    ui.separator();
    // One line per problem, and only the rows in sight are laid out: a big map has tens of
    // thousands of warnings, and wrapping them all every frame took longer than the frame.
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for problem in &problems[range] {
                let color = match problem.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                ui.horizontal(|ui| {
                    // Long messages end in "…" (the whole text on hover), keeping rows one line.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    ui.label(
                        RichText::new(problem.severity.as_str())
                            .color(color)
                            .strong(),
                    );
                    if let ProblemPlace::Question {
                        from, to, number, ..
                    } = &problem.place
                        && ui
                            .small_button("Answer…")
                            .on_hover_text(
                                "Add a counterpoint that undercuts the reason, answering this question",
                            )
                            .clicked()
                    {
                        go_to = Some(ProblemChoice::Answer {
                            reason: (from.clone(), to.clone()),
                            number: *number,
                        });
                    }
                    let text = question_text(map, index, &problem.place)
                        .unwrap_or_else(|| sentence(&problem.message));
                    match problem.place.node_id() {
                        Some(id) => {
                            if ui.link(text.as_str()).on_hover_text(&text).clicked() {
                                go_to = Some(ProblemChoice::GoTo(id.clone()));
                            }
                        }
                        None => {
                            ui.label(text.as_str()).on_hover_text(&text);
                        }
                    }
                });
            }
        });
    go_to
}

/// An open critical question told with the reason's words rather than its ids: "Argument
/// From Expert Opinion, question 2, on “The adviser recommends it”: Field: is the source…?"
/// (Only the rows in sight are laid out, so the lookup runs for a screenful of rows.)
fn question_text(
    map: &ArgumentMap,
    nodes: &HashMap<NodeId, usize>,
    place: &ProblemPlace,
) -> Option<String> {
    let ProblemPlace::Question { index, number, .. } = place else {
        return None;
    };
    let link = map.links.get(*index)?;
    let found = scheme::find(link.scheme.as_deref()?)?;
    let question = found.questions.get(number.checked_sub(1)? as usize)?;
    let premise = &map.nodes[*nodes.get(&link.from)?];
    let words: String = premise.text.chars().take(40).collect();
    let more = if premise.text.chars().count() > 40 {
        "…"
    } else {
        ""
    };
    Some(format!(
        "{}, question {number}, on “{words}{more}”: {question}",
        found.name
    ))
}

/// "evidence "x" cites no source" → "Evidence "x" cites no source."
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}
