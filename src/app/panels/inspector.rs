//! Details of the selected node — kind, full text, notes, links, citations with their
//! sources — editable in place; or of the selected link, whose relation can be flipped.

use crate::app::canvas::card::paint_icon;
use crate::app::derived::Derived;
use crate::app::theme::Theme;
use crate::app::view::Selection;
use crate::edit::Edit;
use crate::evaluate::{Evaluation, explain};
use crate::model::{ArgumentMap, Citation, Link, Node, NodeId, NodeKind, Relation, Source};
use egui::{RichText, Sense, Ui, vec2};

/// What the user did in the inspector.
#[derive(Default)]
pub struct InspectorOutput {
    /// A linked node to go to.
    pub go_to: Option<NodeId>,
    pub edits: Vec<Edit>,
    /// Open this source in the reader at this node's quote.
    pub read: Option<(crate::model::SourceId, NodeId)>,
    /// Reason commands (add a co-premise, undercut, answer a question).
    pub requests: Vec<crate::app::canvas::CanvasRequest>,
    /// A reason to select.
    pub select_link: Option<(NodeId, NodeId)>,
}

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    selection: &Selection,
) -> InspectorOutput {
    let mut out = InspectorOutput::default();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            if let Some((from, to)) = selection.link() {
                if let Some(link) = map.link(from, to) {
                    super::reason_details::show(ui, map, derived, link, &mut out);
                }
                return;
            }
            match selection.nodes() {
                [] => map_summary(ui, map),
                [.., primary] => {
                    if selection.len() > 1 {
                        ui.label(
                            RichText::new(format!(
                                "{} nodes selected; showing the last one.",
                                selection.len()
                            ))
                            .weak(),
                        );
                        ui.separator();
                    }
                    if let Some(&i) = derived.index.get(primary) {
                        node_details(
                            ui,
                            map,
                            derived,
                            &map.nodes[i],
                            derived.is_main(i),
                            &mut out,
                        );
                    }
                }
            }
        });
    out
}

fn map_summary(ui: &mut Ui, map: &ArgumentMap) {
    ui.heading(&map.title);
    if !map.description.is_empty() {
        ui.label(&map.description);
    }
    ui.add_space(8.0);
    ui.label(format!(
        "{} nodes, {} links, {} sources",
        map.nodes.len(),
        map.links.len(),
        map.sources.len()
    ));
    ui.add_space(8.0);
    ui.label(RichText::new("Click a card to see its text, links and sources here.").weak());
}

/// A text field that edits `current` and reports the new text once, when the user leaves it
/// (one undo step per edit, not one per keystroke).
pub(super) fn committed_text(
    ui: &mut Ui,
    id: egui::Id,
    current: &str,
    label: &str,
    rows: usize,
) -> Option<String> {
    let mut buffer = ui
        .data(|d| d.get_temp::<(String, String)>(id))
        .filter(|(orig, _)| orig == current)
        .map_or_else(|| current.to_owned(), |(_, b)| b);
    let name = ui.label(RichText::new(label).small().strong());
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut buffer)
                .id(id)
                .desired_rows(rows)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id);
    let done = response.lost_focus() && buffer != current;
    ui.data_mut(|d| d.insert_temp(id, (current.to_owned(), buffer.clone())));
    done.then_some(buffer)
}

fn node_details(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    node: &Node,
    is_main: bool,
    out: &mut InspectorOutput,
) {
    let theme = Theme::from_visuals(ui.visuals());
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
        paint_icon(
            ui.painter(),
            node.kind,
            rect.center(),
            5.5,
            theme.accent(node.kind),
        );
        let mut kind = node.kind;
        egui::ComboBox::new("inspector-kind", "kind")
            .selected_text(
                RichText::new(node.kind.label())
                    .strong()
                    .color(theme.accent(node.kind)),
            )
            .show_ui(ui, |ui| {
                for k in NodeKind::ALL {
                    ui.selectable_value(&mut kind, k, k.label());
                }
            });
        if kind != node.kind {
            out.edits.push(Edit::SetKind {
                id: node.id.clone(),
                kind,
            });
        }
        if is_main {
            ui.label(RichText::new("Main claim").strong());
        } else if node.kind == NodeKind::Claim && ui.small_button("Make main claim").clicked() {
            out.edits.push(Edit::SetMainClaim {
                id: Some(node.id.clone()),
            });
        }
    });
    ui.label(RichText::new(format!("id {}", node.id)).weak().small());
    ui.add_space(4.0);
    let text_id = egui::Id::unique(("inspector-text", &node.id));
    if let Some(text) = committed_text(ui, text_id, &node.text, "Text", 3) {
        if text.trim().is_empty() {
            ui.colored_label(ui.visuals().error_fg_color, "A node needs some text.");
        } else {
            out.edits.push(Edit::SetText {
                id: node.id.clone(),
                text: text.trim().to_owned(),
            });
        }
    }
    ui.add_space(4.0);
    let notes_id = egui::Id::unique(("inspector-notes", &node.id));
    if let Some(notes) = committed_text(ui, notes_id, &node.notes, "Notes", 2) {
        out.edits.push(Edit::SetNotes {
            id: node.id.clone(),
            notes,
        });
    }

    // Every reason it is a premise of, co-premise or first.
    let outgoing: Vec<&Link> = map
        .links
        .iter()
        .filter(|l| l.premises().any(|p| p == &node.id))
        .collect();
    let mut incoming: Vec<&Link> = map.incoming(&node.id).collect();
    if !outgoing.is_empty() {
        section(ui, "Bears on");
        for link in outgoing {
            let verb = match (link.relation, link.is_undercut(), link.is_linked()) {
                (_, true, _) => "undercuts the reason on",
                (Relation::Supports, _, true) => "jointly supports",
                (Relation::Opposes, _, true) => "jointly opposes",
                (Relation::Supports, ..) => "supports",
                (Relation::Opposes, ..) => "opposes",
            };
            link_row(ui, map, derived, &theme, verb, link, &link.to, out);
        }
    }
    if !incoming.is_empty() {
        section(ui, "Supported and opposed by");
        incoming.sort_by_key(|l| l.relation == Relation::Opposes);
        for link in incoming {
            let verb = match link.relation {
                Relation::Supports => "supported by",
                Relation::Opposes => "opposed by",
            };
            link_row(ui, map, derived, &theme, verb, link, &link.from, out);
        }
    }

    if let Some(weighing) = derived.weighing()
        && let Some(&i) = derived.index.get(&node.id)
    {
        weighing_section(ui, map, weighing, i);
    }

    section(ui, &format!("Citations ({})", node.citations.len()));
    if node.citations.is_empty() {
        ui.label(RichText::new("No sources cited.").weak());
    }
    for (i, citation) in node.citations.iter().enumerate() {
        citation_card(ui, map, node, i, citation, out);
    }
    if !map.sources.is_empty() {
        ui.horizontal(|ui| {
            let combo_label = ui.label("Cite");
            egui::ComboBox::new(("inspector-cite", &node.id), "")
                .selected_text("a source…")
                .width(ui.available_width() - 8.0)
                .show_ui(ui, |ui| {
                    for source in &map.sources {
                        if ui.selectable_label(false, &source.title).clicked() {
                            let mut citations = node.citations.clone();
                            citations.push(Citation::new(source.id.clone(), ""));
                            out.edits.push(Edit::SetCitations {
                                id: node.id.clone(),
                                citations,
                            });
                        }
                    }
                })
                .response
                .labelled_by(combo_label.id);
        });
    } else {
        ui.label(RichText::new("Add sources in the Sources tab to cite them.").weak());
    }
}

/// Why the node holds, is defeated or is undecided, as `argmap evaluate --explain` says it.
fn weighing_section(ui: &mut Ui, map: &ArgumentMap, weighing: &Evaluation, index: usize) {
    // A hub's reasons are many: the first few are shown, each frame.
    const MAX_LINES: usize = 12;
    let lines = explain(map, weighing, index);
    section(ui, &format!("Weighing: {}", weighing.nodes[index].as_str()));
    for line in lines.iter().skip(1).take(MAX_LINES) {
        ui.label(line.trim_start());
    }
    if lines.len() > MAX_LINES + 1 {
        ui.label(
            RichText::new(format!(
                "… and {} more (argmap evaluate --explain {} lists them all)",
                lines.len() - MAX_LINES - 1,
                map.nodes[index].id
            ))
            .small()
            .weak(),
        );
    }
}

pub(super) fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong());
    ui.add_space(2.0);
}

#[allow(clippy::too_many_arguments)]
fn link_row(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    theme: &Theme,
    verb: &str,
    link: &Link,
    other: &NodeId,
    out: &mut InspectorOutput,
) {
    let text = derived
        .index
        .get(other)
        .map(|&i| map.nodes[i].text.as_str())
        .unwrap_or("(missing node)");
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(verb).color(theme.relation(link.relation)));
        if ui.link(short(text, 90)).on_hover_text(text).clicked() {
            out.go_to = Some(other.clone());
        }
        if ui
            .small_button("reason")
            .on_hover_text("Select the reason: its premises, scheme, warrant and undercuts")
            .clicked()
        {
            out.select_link = Some((link.from.clone(), link.to.clone()));
        }
    });
}

fn citation_card(
    ui: &mut Ui,
    map: &ArgumentMap,
    node: &Node,
    index: usize,
    citation: &Citation,
    out: &mut InspectorOutput,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let source = map.source(&citation.source);
        let found = source.and_then(|s| s.text.as_deref()).map(|t| {
            citation.quote.trim().is_empty() || crate::text::contains_normalized(t, &citation.quote)
        });
        if !citation.quote.is_empty() {
            ui.add(
                egui::Label::new(RichText::new(format!("“{}”", citation.quote)).italics())
                    .selectable(true),
            );
        }
        if found == Some(false) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "This quote is no longer found in the source's text.",
            );
        }
        if !citation.locator.is_empty() {
            ui.label(RichText::new(&citation.locator).weak());
        }
        let quote_id = egui::Id::unique(("citation-quote", &node.id, index));
        let locator_id = egui::Id::unique(("citation-locator", &node.id, index));
        let fresh = citation.quote.is_empty();
        let edited = egui::CollapsingHeader::new(if fresh {
            "Add the quote and locator"
        } else {
            "Edit quote and locator"
        })
        .id_salt(("citation-edit", &node.id, index))
        .default_open(fresh)
        .show(ui, |ui| {
            let quote = committed_text(ui, quote_id, &citation.quote, "Quote (exact words)", 2);
            let locator = committed_text(
                ui,
                locator_id,
                &citation.locator,
                "Locator (page, paragraph)",
                1,
            );
            (quote, locator)
        })
        .body_returned;
        if let Some((quote, locator)) = edited
            && (quote.is_some() || locator.is_some())
        {
            let mut citations = node.citations.clone();
            if let Some(q) = quote {
                citations[index].quote = q.trim().to_owned();
            }
            if let Some(l) = locator {
                citations[index].locator = l.trim().to_owned();
            }
            out.edits.push(Edit::SetCitations {
                id: node.id.clone(),
                citations,
            });
        }
        match source {
            Some(source) => {
                source_details(ui, map, source);
                ui.horizontal(|ui| {
                    if source.text.is_some() && ui.small_button("Read in source").clicked() {
                        out.read = Some((source.id.clone(), node.id.clone()));
                    }
                    if ui.small_button("Remove citation").clicked() {
                        let mut citations = node.citations.clone();
                        citations.remove(index);
                        out.edits.push(Edit::SetCitations {
                            id: node.id.clone(),
                            citations,
                        });
                    }
                });
            }
            None => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("Missing source \"{}\"", citation.source),
                );
            }
        }
    });
}

fn source_details(ui: &mut Ui, map: &ArgumentMap, source: &Source) {
    ui.label(RichText::new(&source.title).strong());
    ui.label(source.byline());
    if let Some(rating) = rating_text(source) {
        ui.label(rating);
    }
    if let Some(via) = source.reported_in.as_ref().and_then(|id| map.source(id)) {
        ui.label(RichText::new(format!("Reported in: {}", via.title)).weak());
    }
    if !source.url.is_empty() {
        // Written out, so a direction override cannot disguise the address.
        ui.label(
            RichText::new(crate::app::url::shown(&source.url))
                .weak()
                .monospace(),
        );
    }
}

/// "Rated B2: source usually reliable; information probably true", or what is rated of it.
pub fn rating_text(source: &Source) -> Option<String> {
    let code = source.rating()?;
    let mut meanings = Vec::new();
    if let Some(r) = source.reliability {
        meanings.push(format!("source {}", r.meaning()));
    }
    if let Some(c) = source.credibility {
        meanings.push(format!("information {}", c.meaning()));
    }
    Some(format!("Rated {code}: {}", meanings.join("; ")))
}

pub(super) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}
