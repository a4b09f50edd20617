//! The window for adding or editing one source, with the Admiralty scale spelled out.

use crate::model::{ArgumentMap, Credibility, Reliability, Source, SourceId, SourceKind};
use egui::{Context, RichText, Ui};

/// A source being edited; nothing changes in the map until Save.
pub struct SourceDraft {
    /// The source being edited, or `None` for a new one.
    pub editing: Option<SourceId>,
    pub source: Source,
    /// Authors, one per line.
    pub authors: String,
    pub text: String,
    /// Why the last Save was refused.
    pub error: Option<String>,
}

impl SourceDraft {
    pub fn new(id: SourceId) -> Self {
        Self {
            editing: None,
            source: Source::new(id, ""),
            authors: String::new(),
            text: String::new(),
            error: None,
        }
    }

    pub fn of(source: &Source) -> Self {
        Self {
            editing: Some(source.id.clone()),
            source: source.clone(),
            authors: source.authors.join("\n"),
            text: source.text.clone().unwrap_or_default(),
            error: None,
        }
    }

    /// The source as it will be saved.
    pub fn finished(&self) -> Source {
        let mut source = self.source.clone();
        source.authors = self
            .authors
            .lines()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        source.text = (!self.text.trim().is_empty()).then(|| self.text.clone());
        source.title = source.title.trim().to_owned();
        source
    }
}

pub enum EditorRequest {
    Save,
    Cancel,
    LoadText,
    OpenUrl(String),
}

fn field(ui: &mut Ui, label: &str, value: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id);
    ui.end_row();
}

pub fn window(ctx: &Context, map: &ArgumentMap, draft: &mut SourceDraft) -> Option<EditorRequest> {
    let mut request = None;
    let mut open = true;
    let title = if draft.editing.is_some() {
        "Edit source"
    } else {
        "Add source"
    };
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            egui::Grid::new("source-fields")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    let combo_label = ui.label("Kind");
                    egui::ComboBox::new("source-kind", "")
                        .selected_text(draft.source.kind.as_str())
                        .show_ui(ui, |ui| {
                            for kind in SourceKind::ALL {
                                ui.selectable_value(&mut draft.source.kind, kind, kind.as_str());
                            }
                        })
                        .response
                        .labelled_by(combo_label.id);
                    ui.end_row();
                    field(ui, "Title", &mut draft.source.title, "required");
                    let l = ui.label("Authors");
                    ui.add(
                        egui::TextEdit::multiline(&mut draft.authors)
                            .hint_text("one per line")
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    field(
                        ui,
                        "Outlet",
                        &mut draft.source.outlet,
                        "publisher or outlet",
                    );
                    field(
                        ui,
                        "Date",
                        &mut draft.source.date,
                        "2018-07-18, 2018-07 or 2018",
                    );
                    field(ui, "URL", &mut draft.source.url, "https://…");
                    ui.label("");
                    match crate::app::url::openable(&draft.source.url) {
                        Ok(url) => {
                            if ui.link(format!("Open {url} in the browser")).clicked() {
                                request = Some(EditorRequest::OpenUrl(url.to_owned()));
                            }
                        }
                        Err(why) if !draft.source.url.trim().is_empty() => {
                            ui.colored_label(ui.visuals().warn_fg_color, why);
                        }
                        Err(_) => {
                            ui.label("");
                        }
                    }
                    ui.end_row();
                    field(
                        ui,
                        "Accessed",
                        &mut draft.source.accessed,
                        "when it was read online",
                    );
                    let combo_label = ui.label("Reliability");
                    egui::ComboBox::new("source-reliability", "")
                        .selected_text(
                            draft
                                .source
                                .reliability
                                .map_or("not rated".to_owned(), |r| {
                                    format!("{} — {}", r.letter(), r.meaning())
                                }),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut draft.source.reliability, None, "not rated");
                            for r in Reliability::ALL {
                                ui.selectable_value(
                                    &mut draft.source.reliability,
                                    Some(r),
                                    format!("{} — {}", r.letter(), r.meaning()),
                                );
                            }
                        })
                        .response
                        .labelled_by(combo_label.id);
                    ui.end_row();
                    let combo_label = ui.label("Credibility");
                    egui::ComboBox::new("source-credibility", "")
                        .selected_text(
                            draft
                                .source
                                .credibility
                                .map_or("not rated".to_owned(), |c| {
                                    format!("{} — {}", c.level(), c.meaning())
                                }),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut draft.source.credibility, None, "not rated");
                            for c in Credibility::all() {
                                ui.selectable_value(
                                    &mut draft.source.credibility,
                                    Some(c),
                                    format!("{} — {}", c.level(), c.meaning()),
                                );
                            }
                        })
                        .response
                        .labelled_by(combo_label.id);
                    ui.end_row();
                    let combo_label = ui.label("Reported in");
                    let others: Vec<&Source> = map
                        .sources
                        .iter()
                        .filter(|s| Some(&s.id) != draft.editing.as_ref())
                        .collect();
                    let current = draft
                        .source
                        .reported_in
                        .as_ref()
                        .and_then(|id| map.source(id))
                        .map_or("(first-hand)".to_owned(), |s| s.title.clone());
                    egui::ComboBox::new("source-reported-in", "")
                        .selected_text(current)
                        .width(300.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(
                                &mut draft.source.reported_in,
                                None,
                                "(first-hand)",
                            );
                            for s in others {
                                ui.selectable_value(
                                    &mut draft.source.reported_in,
                                    Some(s.id.clone()),
                                    &s.title,
                                );
                            }
                        })
                        .response
                        .labelled_by(combo_label.id);
                    ui.end_row();
                    let l = ui.label("Notes");
                    ui.add(
                        egui::TextEdit::multiline(&mut draft.source.notes)
                            .hint_text("why it is rated so")
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new("Full text").strong());
                if ui
                    .button("Load from file…")
                    .on_hover_text(".txt or .md")
                    .clicked()
                {
                    request = Some(EditorRequest::LoadText);
                }
                if !draft.text.is_empty() && ui.button("Clear").clicked() {
                    draft.text.clear();
                }
                ui.label(
                    RichText::new(format!("{} characters", draft.text.chars().count())).weak(),
                );
            });
            egui::ScrollArea::vertical()
                .max_height(200.0)
                .show(ui, |ui| {
                    let l = ui.label(
                        RichText::new(
                            "Paste the text here so quotes can be found and highlighted.",
                        )
                        .weak()
                        .small(),
                    );
                    ui.add(
                        egui::TextEdit::multiline(&mut draft.text)
                            .desired_rows(6)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id);
                });
            if let Some(error) = &draft.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    request = Some(EditorRequest::Save);
                }
                if ui.button("Cancel").clicked() {
                    request = Some(EditorRequest::Cancel);
                }
            });
        });
    if !open {
        request = Some(EditorRequest::Cancel);
    }
    request
}
