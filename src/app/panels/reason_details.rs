//! The inspector for a selected reason: its premises (one can be taken out, another added),
//! what it bears on, its scheme from the catalogue with the scheme's critical questions, its
//! warrant, and the undercuts that attack it — or, for an undercut, the reason it attacks and
//! the question it answers.

use super::inspector::{InspectorOutput, committed_text, section, short};
use crate::app::canvas::CanvasRequest;
use crate::app::derived::Derived;
use crate::app::theme::Theme;
use crate::edit;
use crate::model::{ArgumentMap, Link, NodeId, ProblemPlace, Relation, scheme};
use egui::{RichText, Ui};
use std::collections::HashSet;

fn node_text<'m>(map: &'m ArgumentMap, derived: &Derived, id: &NodeId) -> &'m str {
    derived
        .index
        .get(id)
        .map_or("(missing node)", |&i| map.nodes[i].text.as_str())
}

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    link: &Link,
    out: &mut InspectorOutput,
) {
    let theme = Theme::from_visuals(ui.visuals());
    let text = |id: &NodeId| node_text(map, derived, id);
    let reason = (&link.from, &link.to);
    let heading = if link.is_undercut() {
        "Undercut"
    } else if link.is_linked() {
        "Linked reason"
    } else {
        "Reason"
    };
    ui.label(RichText::new(heading).strong());
    if link.is_linked() {
        ui.label(RichText::new("The premises bear on the target only together.").weak());
    }

    section(
        ui,
        if link.is_linked() {
            "Premises"
        } else {
            "Premise"
        },
    );
    for premise in link.premises() {
        ui.horizontal_wrapped(|ui| {
            let whole = text(premise);
            if ui.link(short(whole, 90)).on_hover_text(whole).clicked() {
                out.go_to = Some(premise.clone());
            }
            if link.is_linked()
                && ui
                    .small_button("take out")
                    .on_hover_text("Take it out of the reason: it then bears on its own")
                    .clicked()
                && let Ok(e) = edit::take_out_premise(map, reason, premise)
            {
                out.edits.push(e);
            }
        });
    }
    if !link.is_undercut() && ui.button("Add co-premise").clicked() {
        out.requests.push(CanvasRequest::AddCoPremise(
            link.from.clone(),
            link.to.clone(),
        ));
    }

    let attacked = link.undercut_target().and_then(|(p, t)| map.link(p, t));
    match attacked {
        Some(attacked) => {
            section(ui, "Attacks the inference of");
            let premises: Vec<&str> = attacked.premises().map(&text).collect();
            let name = format!("{} → {}", premises.join(" + "), text(&attacked.to));
            if ui.link(short(&name, 120)).on_hover_text(&name).clicked() {
                out.select_link = Some((attacked.from.clone(), attacked.to.clone()));
            }
            ui.label(
                RichText::new(
                    "It grants the premises but denies that they support the conclusion.",
                )
                .weak(),
            );
            answered_question(ui, map, attacked, link, out);
        }
        None => {
            section(ui, "Bears on");
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(link.relation.as_str())
                        .color(theme.relation(link.relation))
                        .strong(),
                );
                let whole = text(&link.to);
                if ui.link(short(whole, 90)).on_hover_text(whole).clicked() {
                    out.go_to = Some(link.to.clone());
                }
            });
            let flip = match link.relation {
                Relation::Supports => "Make it oppose",
                Relation::Opposes => "Make it support",
            };
            if ui.button(flip).clicked()
                && let Ok(e) = edit::set_relation(map, reason, link.relation.flipped())
            {
                out.edits.push(e);
            }
            scheme_choice(ui, map, link, out);
        }
    }

    ui.add_space(4.0);
    let warrant_id = egui::Id::unique(("inspector-warrant", &link.from, &link.to));
    let current = link.warrant.as_deref().unwrap_or("");
    if let Some(warrant) = committed_text(ui, warrant_id, current, "Warrant", 2)
        && let Ok(e) = edit::set_warrant(map, reason, &warrant)
    {
        out.edits.push(e);
    }

    critical_questions(ui, map, derived, link, out);
    undercuts(ui, map, derived, link, out);

    ui.add_space(8.0);
    if ui.button("Delete reason").clicked() {
        out.edits.push(edit::delete_links(
            map,
            &[(link.from.clone(), link.to.clone())],
        ));
    }
}

fn scheme_choice(ui: &mut Ui, map: &ArgumentMap, link: &Link, out: &mut InspectorOutput) {
    let current = link.scheme.as_deref();
    let shown = current.map_or("none", scheme::display_name);
    let mut picked: Option<Option<String>> = None;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Scheme").small().strong());
        egui::ComboBox::new(("inspector-scheme", &link.from, &link.to), "")
            .selected_text(shown)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), "none").clicked() {
                    picked = Some(None);
                }
                for s in scheme::schemes() {
                    let on = current.and_then(scheme::find).is_some_and(|c| c.id == s.id);
                    let first = s.questions.first().map_or("", String::as_str);
                    if ui
                        .selectable_label(on, &s.name)
                        .on_hover_text(first)
                        .clicked()
                    {
                        picked = Some(Some(s.id.clone()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(scheme) = picked
        && scheme.as_deref() != current
        && let Ok(e) = edit::set_scheme(map, (&link.from, &link.to), scheme)
    {
        out.edits.push(e);
    }
}

/// Which critical question of `attacked`'s scheme the undercut `link` answers.
fn answered_question(
    ui: &mut Ui,
    map: &ArgumentMap,
    attacked: &Link,
    link: &Link,
    out: &mut InspectorOutput,
) {
    let Some(found) = attacked.scheme.as_deref().and_then(scheme::find) else {
        return;
    };
    let question = |n: u32| {
        let q = n
            .checked_sub(1)
            .and_then(|k| found.questions.get(k as usize));
        q.map_or_else(|| format!("question {n}"), |q| format!("{n}. {q}"))
    };
    let shown = link.answers.map_or_else(|| "none".to_owned(), question);
    let mut picked = None;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Answers").small().strong());
        egui::ComboBox::new(("inspector-answers", &link.from, &link.to), "")
            .selected_text(short(&shown, 48))
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(link.answers.is_none(), "none")
                    .clicked()
                {
                    picked = Some(None);
                }
                for n in 1..=found.questions.len() as u32 {
                    if ui
                        .selectable_label(link.answers == Some(n), question(n))
                        .clicked()
                    {
                        picked = Some(Some(n));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(answers) = picked
        && answers != link.answers
        && let Ok(e) = edit::set_answers(map, (&link.from, &link.to), answers)
    {
        out.edits.push(e);
    }
}

/// The scheme's critical questions, each open (with a button to answer it) or answered. The
/// open ones are those the Problems panel lists for this reason.
fn critical_questions(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    link: &Link,
    out: &mut InspectorOutput,
) {
    let Some(found) = link.scheme.as_deref().and_then(scheme::find) else {
        return;
    };
    let Some(index) = map
        .links
        .iter()
        .position(|l| l.same_ends(&link.from, &link.to))
    else {
        return;
    };
    let open: HashSet<u32> = derived
        .problems
        .iter()
        .filter_map(|p| match &p.place {
            ProblemPlace::Question {
                index: i, number, ..
            } if *i == index => Some(*number),
            _ => None,
        })
        .collect();
    section(ui, &format!("Critical questions ({} open)", open.len()));
    for (k, question) in found.questions.iter().enumerate() {
        let number = k as u32 + 1;
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{number}. {question}"));
            if !open.contains(&number) {
                ui.label(RichText::new("answered").weak());
            } else if ui
                .small_button("Answer…")
                .on_hover_text("Add a counterpoint that undercuts this reason, answering it")
                .clicked()
            {
                out.requests.push(CanvasRequest::AnswerQuestion {
                    reason: (link.from.clone(), link.to.clone()),
                    number,
                });
            }
        });
    }
}

/// The reasons that undercut this one.
fn undercuts(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    link: &Link,
    out: &mut InspectorOutput,
) {
    let name = (&link.from, &link.to);
    let attackers: Vec<&Link> = map
        .links
        .iter()
        .filter(|l| l.undercut_target() == Some(name))
        .collect();
    if attackers.is_empty() {
        if !link.is_undercut() && ui.button("Undercut it").clicked() {
            out.requests.push(CanvasRequest::UndercutReason(
                link.from.clone(),
                link.to.clone(),
            ));
        }
        return;
    }
    section(ui, &format!("Undercut by ({})", attackers.len()));
    for attacker in attackers {
        let whole = node_text(map, derived, &attacker.from);
        if ui.link(short(whole, 90)).on_hover_text(whole).clicked() {
            out.select_link = Some((attacker.from.clone(), attacker.to.clone()));
        }
    }
}
