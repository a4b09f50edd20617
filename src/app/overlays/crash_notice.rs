//! After a crash, the next start says (once) where the crash report is.

use crate::app::ArgmapApp;
use std::path::Path;

impl ArgmapApp {
    /// The newest crash report in the recovery folder, unless it was announced already.
    pub(in crate::app) fn find_new_crash_report(&mut self, folder: Option<&Path>) {
        let announced = self.window.settings.announced_crash_report.as_deref();
        if let Some(report) = folder.and_then(|f| crate::crash::new_report(f, announced)) {
            log::warn!(
                "argmap crashed last time; its report is {}",
                report.display()
            );
            self.window.settings.announced_crash_report = Some(report.clone());
            self.overlays.crash_notice = Some(report);
        }
    }

    /// The crash report the window is telling about, if any.
    pub fn crash_notice(&self) -> Option<&Path> {
        self.overlays.crash_notice.as_deref()
    }

    pub(in crate::app) fn show_crash_notice(&mut self, ctx: &egui::Context) {
        let Some(report) = &self.overlays.crash_notice else {
            return;
        };
        let mut close = false;
        egui::Window::new("argmap closed unexpectedly")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
            .show(ctx, |ui| {
                ui.label(
                    "Last time, argmap stopped because of a bug. A crash report was written to:",
                );
                ui.label(egui::RichText::new(report.display().to_string()).monospace());
                ui.label(
                    "It stays on this computer. If you report the problem, attach it (it names \
                     your files and your last command).",
                );
                ui.horizontal(|ui| {
                    if ui.button("Copy path").clicked() {
                        ui.ctx().copy_text(report.display().to_string());
                    }
                    if ui.button("OK").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.overlays.crash_notice = None;
        }
    }
}
