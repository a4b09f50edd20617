//! Modal questions and reports: unsaved changes, files that could not be opened, import and
//! export reports, failed saves, recovered work and source deletions — what each asks and
//! what each answer does.

use crate::app::ArgmapApp;
use egui::Ui;
use std::path::PathBuf;

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub enum Then {
    New,
    /// Open this file, or ask which.
    Open(Option<PathBuf>),
    /// Import this Argdown or AIF file as a new map, or ask which.
    Import(Option<PathBuf>),
    Quit,
}

/// A question in a modal dialog.
pub enum Prompt {
    /// Save / Discard / Cancel before doing `Then`.
    Unsaved(Then),
    /// A file that could not be opened, with one line per problem.
    Problems { file: String, lines: Vec<String> },
    /// A report with an OK button: what an import could not carry over, or why an import or
    /// an export failed. One line per problem, shown as `FILE:LINE: warning: …`.
    Report {
        heading: String,
        file: String,
        lines: Vec<String>,
        /// What it means for the user's work, under the lines.
        footer: String,
    },
    /// A save that failed (a read-only file, a full disk): why, and Save As… to put the map
    /// elsewhere, after which `then` (if any) goes ahead.
    SaveFailed {
        file: String,
        reason: String,
        then: Option<Then>,
    },
    /// Unsaved work from a session that ended abruptly.
    Restore(crate::app::recovery::Recovered),
    /// Deleting a source that these nodes cite (their texts).
    DeleteSource {
        id: crate::model::SourceId,
        citing: Vec<String>,
    },
}

impl ArgmapApp {
    pub(in crate::app) fn show_prompt(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.overlays.prompt.take() else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("argmap-prompt")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            match &prompt {
                Prompt::Unsaved(_) => {
                    ui.heading("Save changes?");
                    ui.label(format!(
                        "“{}” has changes that are not saved.",
                        self.doc.map().title
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Prompt::Problems { file, lines } => {
                    if report(
                        ui,
                        "This file could not be opened",
                        file,
                        lines,
                        "The map you had open is unchanged.",
                    ) {
                        answer = Some(Answer::Cancel);
                    }
                }
                Prompt::Report {
                    heading,
                    file,
                    lines,
                    footer,
                } => {
                    if report(ui, heading, file, lines, footer) {
                        answer = Some(Answer::Cancel);
                    }
                }
                Prompt::DeleteSource { id, citing } => {
                    let title = self
                        .doc
                        .map()
                        .source(id)
                        .map_or(String::new(), |s| s.title.clone());
                    ui.heading("Delete this source?");
                    ui.label(format!(
                        "“{title}” is cited by {} node{}. Deleting it removes those citations:",
                        citing.len(),
                        if citing.len() == 1 { "" } else { "s" }
                    ));
                    egui::ScrollArea::vertical()
                        .max_height(200.0)
                        .show(ui, |ui| {
                            for text in citing {
                                ui.label(format!("• {text}"));
                            }
                        });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Delete source and citations").clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Prompt::SaveFailed { file, reason, .. } => {
                    ui.heading("The map could not be saved");
                    ui.label(format!("{file}: {reason}"));
                    ui.label("The map is still open, unchanged. Save it under another name?");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save As…").clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Prompt::Restore(r) => {
                    ui.heading("Restore unsaved work?");
                    let of = r
                        .original
                        .as_ref()
                        .map_or("a new map".to_owned(), |p| p.display().to_string());
                    ui.label(format!(
                        "argmap did not close normally. There are unsaved changes to {of} (“{}”).",
                        r.map.title
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::Discard);
                        }
                    });
                }
            }
        });
        if answer.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(Answer::Cancel);
        }
        // A report has only OK: Enter answers it too.
        if answer.is_none()
            && matches!(prompt, Prompt::Report { .. } | Prompt::Problems { .. })
            && ctx.input(|i| i.key_pressed(egui::Key::Enter))
        {
            answer = Some(Answer::Cancel);
        }
        match (prompt, answer) {
            (prompt, None) => self.overlays.prompt = Some(prompt),
            (Prompt::Unsaved(then), Some(Answer::Save)) => {
                let saved = self.save();
                self.after_save(saved, Some(then));
            }
            (Prompt::SaveFailed { then, .. }, Some(Answer::Save)) => {
                let saved = self.save_as();
                self.after_save(saved, then);
            }
            (Prompt::Unsaved(then), Some(Answer::Discard)) => {
                self.window.recovery.clear();
                self.proceed(then);
            }
            (Prompt::Restore(r), Some(Answer::Save)) => {
                let _ = std::fs::remove_file(&r.file);
                self.doc.replace(r.map, r.original);
                self.after_replace("Restored unsaved work. Save it to keep it.".into());
                self.doc.mark_unsaved();
            }
            (Prompt::Restore(r), Some(Answer::Discard)) => {
                let _ = std::fs::remove_file(&r.file);
            }
            (Prompt::Restore(r), Some(Answer::Cancel)) => {
                self.overlays.prompt = Some(Prompt::Restore(r))
            }
            (Prompt::DeleteSource { id, .. }, Some(Answer::Save)) => self.delete_source(&id),
            (_, Some(_)) => {}
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Save,
    Discard,
    Cancel,
}

/// Draws a report (heading, file, one monospace line per problem, footer) in a prompt;
/// true when the user pressed OK.
fn report(ui: &mut Ui, heading: &str, file: &str, lines: &[String], footer: &str) -> bool {
    ui.heading(heading);
    ui.label(file);
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for line in lines {
                ui.label(egui::RichText::new(line).monospace());
            }
        });
    ui.add_space(6.0);
    ui.label(footer);
    ui.button("OK").clicked()
}
