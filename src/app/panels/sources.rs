//! The source library: every source with its ratings and how many nodes cite it, searchable
//! and sortable; add, edit and delete; drag a source onto a card to cite it.

use crate::app::drag::DraggedSource;
use crate::app::panels::inspector::rating_text;
use crate::model::{ArgumentMap, Source, SourceId};
use egui::{RichText, Ui};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Title,
    Author,
    Date,
    Rating,
    Citations,
}

impl SortBy {
    const ALL: [SortBy; 5] = [
        SortBy::Title,
        SortBy::Author,
        SortBy::Date,
        SortBy::Rating,
        SortBy::Citations,
    ];

    fn label(self) -> &'static str {
        match self {
            SortBy::Title => "title",
            SortBy::Author => "author",
            SortBy::Date => "date",
            SortBy::Rating => "rating",
            SortBy::Citations => "citations",
        }
    }
}

#[derive(Default)]
pub struct SourcesState {
    pub query: String,
    pub sort: SortBy,
}

/// What the user asked for in the source library.
pub enum SourcesRequest {
    Add,
    Edit(SourceId),
    Delete(SourceId),
    Read(SourceId),
}

fn matches(source: &Source, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty()
        || [
            &source.title,
            &source.outlet,
            &source.date,
            &source.notes,
            &source.url,
        ]
        .iter()
        .any(|f| f.to_lowercase().contains(&q))
        || source.authors.iter().any(|a| a.to_lowercase().contains(&q))
}

/// How many nodes cite each source, in one pass over the nodes (a node citing a source twice
/// counts once): the panel lists every source each frame, and asking `citing_nodes` per source
/// would cost sources × nodes.
fn citing_counts(map: &ArgumentMap) -> HashMap<&SourceId, (usize, usize)> {
    // (nodes citing it, the last node counted) per source.
    let mut counts: HashMap<&SourceId, (usize, usize)> = HashMap::new();
    for (i, node) in map.nodes.iter().enumerate() {
        for citation in &node.citations {
            let entry = counts.entry(&citation.source).or_insert((0, usize::MAX));
            if entry.1 != i {
                *entry = (entry.0 + 1, i);
            }
        }
    }
    counts
}

/// The sources to list, filtered by the search and in the chosen order.
pub fn listed<'a>(map: &'a ArgumentMap, state: &SourcesState) -> Vec<(&'a Source, usize)> {
    let citing = citing_counts(map);
    let mut rows: Vec<(&Source, usize)> = map
        .sources
        .iter()
        .filter(|s| matches(s, &state.query))
        .map(|s| (s, citing.get(&s.id).map_or(0, |c| c.0)))
        .collect();
    let key = |s: &Source| s.title.to_lowercase();
    match state.sort {
        SortBy::Title => rows.sort_by_key(|(s, _)| key(s)),
        SortBy::Author => {
            rows.sort_by_key(|(s, _)| (s.authors.first().map(|a| a.to_lowercase()), key(s)))
        }
        SortBy::Date => rows.sort_by(|a, b| b.0.date.cmp(&a.0.date).then(key(a.0).cmp(&key(b.0)))),
        // Best first: A before F, 1 before 6, unrated last.
        SortBy::Rating => rows.sort_by_key(|(s, _)| {
            (
                s.reliability.is_none(),
                s.reliability,
                s.credibility.is_none(),
                s.credibility,
                key(s),
            )
        }),
        SortBy::Citations => rows.sort_by(|a, b| b.1.cmp(&a.1).then(key(a.0).cmp(&key(b.0)))),
    }
    rows
}

pub fn show(ui: &mut Ui, map: &ArgumentMap, state: &mut SourcesState) -> Option<SourcesRequest> {
    let mut request = None;
    ui.horizontal(|ui| {
        let label = ui.label("Search sources");
        ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .hint_text("title, author, outlet…")
                .desired_width(150.0),
        )
        .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        ui.label("Sort by");
        for sort in SortBy::ALL {
            ui.selectable_value(&mut state.sort, sort, sort.label());
        }
    });
    if ui.button("Add source…").clicked() {
        request = Some(SourcesRequest::Add);
    }
    ui.separator();
    let rows = listed(map, state);
    if rows.is_empty() {
        ui.label(
            RichText::new(if map.sources.is_empty() {
                "No sources yet."
            } else {
                "No source matches."
            })
            .weak(),
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (source, cited) in rows {
                let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
                let drag_id = egui::Id::unique(("argmap-source-drag", &source.id));
                let response =
                    ui.dnd_drag_source(drag_id, DraggedSource(source.id.clone()), |ui| {
                        frame.show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.label(RichText::new(&source.title).strong());
                            ui.label(source.byline());
                            ui.label(match rating_text(source) {
                                Some(r) => RichText::new(r),
                                None => RichText::new("Not rated").weak(),
                            });
                            ui.label(format!(
                                "Cited by {cited} node{}",
                                if cited == 1 { "" } else { "s" }
                            ));
                        });
                    });
                response
                    .response
                    .on_hover_text("Drag onto a card to cite this source");
                ui.horizontal(|ui| {
                    if ui.small_button("Edit").clicked() {
                        request = Some(SourcesRequest::Edit(source.id.clone()));
                    }
                    if source.text.is_some() && ui.small_button("Read").clicked() {
                        request = Some(SourcesRequest::Read(source.id.clone()));
                    }
                    if ui.small_button("Delete").clicked() {
                        request = Some(SourcesRequest::Delete(source.id.clone()));
                    }
                });
                ui.add_space(4.0);
            }
        });
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_and_sort() {
        let map = crate::bundled::article_map();
        let mut state = SourcesState {
            query: "mattis".into(),
            ..Default::default()
        };
        let found = listed(&map, &state);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.title.contains("Mattis"));
        state.query.clear();
        state.sort = SortBy::Citations;
        let rows = listed(&map, &state);
        assert_eq!(
            rows[0].0.id.as_str(),
            "article",
            "the article is cited most"
        );
        assert!(rows.windows(2).all(|w| w[0].1 >= w[1].1));
        state.sort = SortBy::Rating;
        let rows = listed(&map, &state);
        assert!(
            rows.windows(2)
                .all(|w| w[0].0.reliability <= w[1].0.reliability)
        );
    }
}
