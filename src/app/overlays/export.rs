//! File → Export… and File → Export presentation…: a dialog to choose the format, the picture
//! options and what to export (the whole map, the selection, or the talk as a handout), then
//! the system's save dialog, then atomic writes. Nothing in the map changes.

use crate::app::ArgmapApp;
use crate::app::files::suggested_file_name;
use crate::app::overlays::prompt::Prompt;
use crate::export::{Background, ExportFormat, ExportOptions, has_pages};
use crate::model::{ArgumentMap, NodeId};
use crate::render::page::{PAGE_HEIGHT, PAGE_WIDTH};
use egui::{RichText, Ui};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The PNG scale's range, in pixels per map unit.
const SCALES: std::ops::RangeInclusive<f32> = 0.25..=8.0;

/// What goes into the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    WholeMap,
    /// The selected nodes, the links among them and the sources they cite.
    Selection,
    /// The talk's steps as a handout: a PDF page, or a numbered picture, per step.
    Presentation,
}

/// The dialog's choices, kept between exports.
pub struct ExportDialog {
    pub open: bool,
    pub format: ExportFormat,
    pub options: ExportOptions,
    pub scope: Scope,
    /// The folder of the last export: the next one starts there.
    folder: Option<PathBuf>,
    /// The picture's size in map units, for what it was last worked out.
    size: Option<(SizeKey, (f32, f32))>,
}

/// What the picture size depends on: the map's version, the nodes exported and the legend.
#[derive(Clone, PartialEq)]
struct SizeKey {
    version: crate::edit::Version,
    nodes: Option<Vec<NodeId>>,
    legend: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            format: ExportFormat::Markdown,
            options: ExportOptions::default(),
            scope: Scope::WholeMap,
            folder: None,
            size: None,
        }
    }
}

/// What the user chose in the dialog.
enum Choice {
    Export,
    Cancel,
}

/// The label of a format's choice: its description and extension.
pub fn format_label(format: ExportFormat) -> String {
    format!("{} (.{})", format.description(), format.extension())
}

fn is_picture(format: ExportFormat) -> bool {
    matches!(
        format,
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl ArgmapApp {
    /// Opens the export dialog (File → Export…, Ctrl+E).
    pub(in crate::app) fn open_export_dialog(&mut self, ctx: &egui::Context) {
        // A menu left open (Ctrl+E pressed over it) would float above the dialog.
        egui::Popup::close_all(ctx);
        self.overlays.export.open = true;
        // Selection only is the natural choice when nodes are selected, and impossible otherwise.
        self.overlays.export.scope = if self.view.selection.nodes().is_empty() {
            Scope::WholeMap
        } else {
            Scope::Selection
        };
    }

    /// Opens the export dialog for the talk's handout (File → Export presentation…).
    pub(in crate::app) fn open_presentation_export(&mut self, ctx: &egui::Context) {
        egui::Popup::close_all(ctx);
        self.overlays.export.open = true;
        self.overlays.export.scope = Scope::Presentation;
        if !has_pages(self.overlays.export.format) {
            self.overlays.export.format = ExportFormat::Pdf;
        }
    }

    pub(in crate::app) fn show_export_dialog(&mut self, ctx: &egui::Context) {
        if !self.overlays.export.open {
            return;
        }
        let selected = self.view.selection.nodes().len();
        if selected == 0 && self.overlays.export.scope == Scope::Selection {
            self.overlays.export.scope = Scope::WholeMap;
        }
        let pixels = self.png_pixels();
        let total = self.doc.map().nodes.len();
        let steps = self.doc.map().steps().len();
        let dialog = &mut self.overlays.export;
        let modal = egui::Modal::new(egui::Id::unique("argmap-export")).show(ctx, |ui| {
            ui.set_width(480.0);
            dialog.contents(ui, total, selected, steps, pixels)
        });
        let choice = match modal.inner {
            Some(choice) => Some(choice),
            None if modal.should_close() => Some(Choice::Cancel),
            None => None,
        };
        match choice {
            Some(Choice::Export) => {
                self.overlays.export.open = false;
                self.export_now();
            }
            Some(Choice::Cancel) => {
                self.overlays.export.open = false;
                self.window.message = Some("Not exported.".into());
            }
            None => {}
        }
    }

    /// The PNG's size in pixels with the dialog's choices, when PNG is chosen.
    fn png_pixels(&mut self) -> Option<(u64, u64)> {
        if self.overlays.export.format != ExportFormat::Png {
            return None;
        }
        let scale = self.overlays.export.options.scale;
        let px = |v: f32| ((v * scale).ceil() as u64).max(1);
        if self.overlays.export.scope == Scope::Presentation {
            return Some((px(PAGE_WIDTH), px(PAGE_HEIGHT)));
        }
        let key = SizeKey {
            version: self.doc.version(),
            nodes: (self.overlays.export.scope == Scope::Selection)
                .then(|| self.view.selection.nodes().to_vec()),
            legend: self.overlays.export.options.legend,
        };
        let (width, height) = match &self.overlays.export.size {
            Some((k, size)) if *k == key => *size,
            _ => {
                let map = self.map_to_export();
                let view = crate::render::build(&map, key.legend).view;
                let size = (view.width(), view.height());
                self.overlays.export.size = Some((key, size));
                size
            }
        };
        Some((px(width), px(height)))
    }

    /// The whole map, or the selected part of it when the dialog says so.
    fn map_to_export(&self) -> Cow<'_, ArgumentMap> {
        let ids = self.view.selection.nodes();
        if self.overlays.export.scope == Scope::Selection && !ids.is_empty() {
            Cow::Owned(self.doc.map().subset(ids))
        } else {
            Cow::Borrowed(self.doc.map())
        }
    }

    /// Asks where, then writes the export there. A failure is reported and nothing is lost:
    /// the map is untouched and an existing file is replaced only by a complete one.
    fn export_now(&mut self) {
        let format = self.overlays.export.format;
        let scope = match self.overlays.export.scope {
            Scope::Selection if self.view.selection.nodes().is_empty() => Scope::WholeMap,
            Scope::Presentation if !has_pages(format) => Scope::WholeMap,
            scope => scope,
        };
        let near = self.doc.path().or(self.doc.origin());
        let folder = self
            .overlays
            .export
            .folder
            .clone()
            .or_else(|| near.and_then(Path::parent).map(Path::to_owned));
        if scope == Scope::Presentation && format != ExportFormat::Pdf {
            self.export_step_pictures(format, folder);
            return;
        }
        let stem = match near.and_then(Path::file_stem) {
            Some(stem) => stem.to_string_lossy().into_owned(),
            None => suggested_file_name(self.doc.map())
                .trim_end_matches(".ron")
                .to_owned(),
        };
        let suffix = match scope {
            Scope::WholeMap => "",
            Scope::Selection => "-selection",
            Scope::Presentation => "-handout",
        };
        let name = format!("{stem}{suffix}.{}", format.extension());
        let Some(path) = self
            .window
            .dialogs
            .save_export(folder.as_deref(), &name, format)
        else {
            self.window.message = Some("Not exported.".into());
            return;
        };
        let (bytes, what) = if scope == Scope::Presentation {
            let steps = self.doc.map().steps().len();
            (
                crate::export::steps_pdf(self.doc.map(), &self.overlays.export.options),
                format!("the talk's {steps} step{} as PDF pages", plural(steps)),
            )
        } else {
            let map = self.map_to_export();
            let nodes = map.nodes.len();
            let bytes = crate::export::export(&map, format, &self.overlays.export.options);
            let of = if scope == Scope::Selection {
                "the selection: "
            } else {
                ""
            };
            (
                bytes,
                format!(
                    "{of}{nodes} node{} as {}",
                    plural(nodes),
                    format.description()
                ),
            )
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => return self.export_failed(&path, e.to_string()),
        };
        if let Err(e) = crate::format::write_atomically(&path, &bytes) {
            return self.export_failed(&path, format!("Cannot write {}: {e}", path.display()));
        }
        self.overlays.export.folder = path.parent().map(Path::to_owned);
        self.window.message = Some(format!("Exported {what} to {}.", path.display()));
        let losses = crate::export::losses::reason_losses(self.doc.map(), format);
        if let Some(lost) = crate::export::losses::summary(&losses, format) {
            self.window.message = Some(format!(
                "Exported {what} to {}, but {lost}.",
                path.display()
            ));
        }
    }

    /// The handout as one picture per step (`step-01.png`, …) in a folder the user picks.
    fn export_step_pictures(&mut self, format: ExportFormat, folder: Option<PathBuf>) {
        let Some(dir) = self.window.dialogs.pick_folder(folder.as_deref()) else {
            self.window.message = Some("Not exported.".into());
            return;
        };
        let pictures = match crate::export::step_pictures(
            self.doc.map(),
            format,
            &self.overlays.export.options,
        ) {
            Ok(pictures) => pictures,
            Err(e) => return self.export_failed(&dir, e.to_string()),
        };
        for (name, bytes) in &pictures {
            let path = dir.join(name);
            if let Err(e) = crate::format::write_atomically(&path, bytes) {
                return self.export_failed(&dir, format!("Cannot write {}: {e}", path.display()));
            }
        }
        self.overlays.export.folder = Some(dir.clone());
        let first = pictures.first().map_or("", |(n, _)| n.as_str());
        let last = pictures.last().map_or("", |(n, _)| n.as_str());
        self.window.message = Some(format!(
            "Exported the talk's {} step{} as {} pictures ({first} … {last}) to {}.",
            pictures.len(),
            plural(pictures.len()),
            format.extension().to_uppercase(),
            dir.display()
        ));
    }

    fn export_failed(&mut self, path: &Path, why: String) {
        self.window.message = Some(format!("Could not export to {}.", path.display()));
        self.overlays.prompt = Some(Prompt::Report {
            heading: "Could not export".into(),
            file: path.display().to_string(),
            lines: vec![why],
            footer: "The map is unchanged. Try other options or another folder.".into(),
        });
    }
}

impl ExportDialog {
    /// The dialog's contents; `Some` when the user pressed Export or Cancel.
    fn contents(
        &mut self,
        ui: &mut Ui,
        total: usize,
        selected: usize,
        steps: usize,
        pixels: Option<(u64, u64)>,
    ) -> Option<Choice> {
        let presentation = self.scope == Scope::Presentation;
        ui.heading(if presentation {
            "Export presentation"
        } else {
            "Export"
        });
        ui.add_space(4.0);
        ui.label(RichText::new("Format").strong());
        for format in ExportFormat::ALL {
            ui.add_enabled_ui(!presentation || has_pages(format), |ui| {
                ui.radio_value(&mut self.format, format, format_label(format))
                    .on_disabled_hover_text("A handout needs pages: PDF, PNG or SVG");
            });
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Picture options").strong());
        let picture = is_picture(self.format);
        ui.add_enabled_ui(picture, |ui| {
            ui.add_enabled_ui(self.format == ExportFormat::Png, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Scale (PNG)");
                    ui.add(
                        egui::DragValue::new(&mut self.options.scale)
                            .range(SCALES)
                            .speed(0.05)
                            .fixed_decimals(2)
                            .suffix(if presentation {
                                " pixels per page unit"
                            } else {
                                " pixels per map unit"
                            }),
                    )
                    .labelled_by(label.id);
                    if let Some((w, h)) = pixels {
                        ui.weak(format!("{w} × {h} px"));
                    }
                });
            });
            ui.horizontal(|ui| {
                ui.label("Background");
                ui.radio_value(&mut self.options.background, Background::White, "White");
                ui.radio_value(
                    &mut self.options.background,
                    Background::Transparent,
                    "Transparent",
                );
            });
            ui.add_enabled_ui(!presentation, |ui| {
                ui.checkbox(&mut self.options.legend, "Legend of kinds and links")
                    .on_disabled_hover_text("Handout pages have no legend");
            });
        });
        if !picture {
            ui.weak("Text formats have no picture options.");
        }
        ui.add_space(8.0);
        ui.label(RichText::new("What to export").strong());
        ui.radio_value(
            &mut self.scope,
            Scope::WholeMap,
            format!("Whole map ({total} node{})", plural(total)),
        );
        ui.add_enabled_ui(selected > 0, |ui| {
            ui.radio_value(&mut self.scope, Scope::Selection, "Selection only")
                .on_hover_text("The selected nodes, the links among them and the sources they cite")
                .on_disabled_hover_text("Select nodes on the map to export only them");
        });
        let before = self.scope;
        ui.radio_value(
            &mut self.scope,
            Scope::Presentation,
            format!("Presentation handout ({steps} step{})", plural(steps)),
        )
        .on_hover_text("The talk's steps as in presentation mode: one PDF page, or one numbered picture, per step");
        if self.scope == Scope::Presentation
            && before != Scope::Presentation
            && !has_pages(self.format)
        {
            self.format = ExportFormat::Pdf;
        }
        ui.weak(match self.scope {
            Scope::Presentation if self.format == ExportFormat::Pdf => {
                "One PDF with a page per step.".to_owned()
            }
            Scope::Presentation => format!(
                "One picture per step (step-01.{}, …) in a folder you choose.",
                self.format.extension()
            ),
            _ if selected > 0 => format!(
                "{selected} node{} selected, with the links among them and the sources they cite.",
                plural(selected)
            ),
            _ => "No nodes selected.".to_owned(),
        });
        ui.add_space(10.0);
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui.button("Export…").clicked() {
                choice = Some(Choice::Export);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(Choice::Cancel);
            }
        });
        choice
    }
}
