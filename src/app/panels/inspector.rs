//! Details of the selected node: kind, full text, notes, links, citations with their sources.

use crate::app::canvas::card::paint_icon;
use crate::app::derived::Derived;
use crate::app::theme::Theme;
use crate::model::{ArgumentMap, Citation, Link, Node, NodeId, Relation, Source};
use egui::{RichText, Sense, Ui, vec2};

/// Shows the inspector; returns a node the user clicked (a linked node) to select.
pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    selection: &[NodeId],
) -> Option<NodeId> {
    let mut go_to = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            match selection {
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
                        go_to = node_details(ui, map, derived, &map.nodes[i], derived.is_main(i));
                    }
                }
            }
        });
    go_to
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

fn node_details(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    node: &Node,
    is_main: bool,
) -> Option<NodeId> {
    let theme = Theme::from_visuals(ui.visuals());
    let mut go_to = None;
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
        paint_icon(
            ui.painter(),
            node.kind,
            rect.center(),
            5.5,
            theme.accent(node.kind),
        );
        let kind = if is_main {
            "Main claim".to_owned()
        } else {
            node.kind.label().to_owned()
        };
        ui.label(RichText::new(kind).strong().color(theme.accent(node.kind)));
        ui.label(RichText::new(format!("id {}", node.id)).weak().small());
    });
    ui.add_space(4.0);
    ui.add(egui::Label::new(RichText::new(&node.text).size(15.0)).selectable(true));
    if !node.notes.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Notes").strong());
        ui.add(egui::Label::new(&node.notes).selectable(true));
    }

    let outgoing: Vec<&Link> = map.outgoing(&node.id).collect();
    let incoming: Vec<&Link> = map.incoming(&node.id).collect();
    if !outgoing.is_empty() {
        section(ui, "Bears on");
        for link in outgoing {
            let verb = match link.relation {
                Relation::Supports => "supports",
                Relation::Opposes => "opposes",
            };
            if let Some(target) = link_row(ui, map, derived, &theme, verb, link.relation, &link.to)
            {
                go_to = Some(target);
            }
        }
    }
    if !incoming.is_empty() {
        section(ui, "Supported and opposed by");
        let mut sorted = incoming;
        sorted.sort_by_key(|l| l.relation == Relation::Opposes);
        for link in sorted {
            let verb = match link.relation {
                Relation::Supports => "supported by",
                Relation::Opposes => "opposed by",
            };
            if let Some(target) =
                link_row(ui, map, derived, &theme, verb, link.relation, &link.from)
            {
                go_to = Some(target);
            }
        }
    }

    section(ui, &format!("Citations ({})", node.citations.len()));
    if node.citations.is_empty() {
        ui.label(RichText::new("No sources cited.").weak());
    }
    for citation in &node.citations {
        citation_card(ui, map, citation);
    }
    go_to
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).strong());
    ui.add_space(2.0);
}

fn link_row(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    theme: &Theme,
    verb: &str,
    relation: Relation,
    other: &NodeId,
) -> Option<NodeId> {
    let text = derived
        .index
        .get(other)
        .map(|&i| map.nodes[i].text.as_str())
        .unwrap_or("(missing node)");
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(verb).color(theme.relation(relation)));
        let response = ui.link(short(text, 90)).on_hover_text(text);
        if response.clicked() {
            clicked = Some(other.clone());
        }
    });
    clicked
}

fn citation_card(ui: &mut Ui, map: &ArgumentMap, citation: &Citation) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if !citation.quote.is_empty() {
            ui.add(
                egui::Label::new(RichText::new(format!("“{}”", citation.quote)).italics())
                    .selectable(true),
            );
        }
        if !citation.locator.is_empty() {
            ui.label(RichText::new(&citation.locator).weak());
        }
        match map.source(&citation.source) {
            Some(source) => source_details(ui, map, source),
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
    let mut byline = Vec::new();
    if !source.authors.is_empty() {
        byline.push(source.authors.join(", "));
    }
    if !source.outlet.is_empty() {
        byline.push(source.outlet.clone());
    }
    if !source.date.is_empty() {
        byline.push(source.date.clone());
    }
    byline.push(source.kind.as_str().to_owned());
    ui.label(byline.join(" · "));
    if let Some(rating) = rating_text(source) {
        ui.label(rating);
    }
    if let Some(via) = source.reported_in.as_ref().and_then(|id| map.source(id)) {
        ui.label(RichText::new(format!("Reported in: {}", via.title)).weak());
    }
    if !source.url.is_empty() {
        ui.label(RichText::new(&source.url).weak().monospace());
    }
}

/// "B2 — usually reliable, probably true", or what is rated of it.
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

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}
