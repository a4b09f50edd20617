//! Files: new, open, save, save as, recent files, dropped files — and never losing work:
//! unsaved changes are confirmed before they are dropped, and kept in a recovery file.

use super::ArgmapApp;
use super::overlays::prompt::{Prompt, Then};
use super::view::ViewState;
use crate::format;
use crate::model::ArgumentMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const MAX_RECENT: usize = 10;

impl ArgmapApp {
    /// Does `then`, first asking about unsaved changes if there are any.
    pub(super) fn ask_then(&mut self, then: Then) {
        if self.doc.is_dirty() {
            self.overlays.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    pub(super) fn proceed(&mut self, then: Then) {
        match then {
            Then::New => {
                self.doc.replace(ArgumentMap::new("Untitled map"), None);
                self.after_replace("New map.".into());
            }
            Then::Open(path) => {
                let folder = self.doc.path().and_then(Path::parent).map(Path::to_owned);
                match path.or_else(|| self.window.dialogs.open_map(folder.as_deref())) {
                    Some(path) => self.open_path(&path),
                    None => self.window.message = Some("No file opened.".into()),
                }
            }
            Then::Import(path) => self.import(path),
            Then::Quit => {
                self.window.closing = true;
            }
        }
    }

    /// Opens a map file, keeping the current map if it cannot be read.
    pub fn open_path(&mut self, path: &Path) {
        match format::open(path) {
            Ok(loaded) => {
                self.doc.replace(loaded.map, Some(path.to_owned()));
                let warnings = loaded.warnings.len();
                self.remember_recent(path);
                self.after_replace(if warnings > 0 {
                    format!(
                        "Opened {} ({warnings} warning{}).",
                        path.display(),
                        if warnings == 1 { "" } else { "s" }
                    )
                } else {
                    format!("Opened {}.", path.display())
                });
            }
            Err(e) => {
                let lines = e.diagnostics().iter().map(|d| d.render(path)).collect();
                self.overlays.prompt = Some(Prompt::Problems {
                    file: path.display().to_string(),
                    lines,
                });
            }
        }
    }

    pub(super) fn after_replace(&mut self, message: String) {
        let canvas = self.view.canvas_rect;
        self.view = ViewState {
            canvas_rect: canvas,
            ..ViewState::default()
        };
        self.sizes = Default::default();
        self.panels.find.open = false;
        self.window.recovery.clear();
        self.refresh_derived();
        self.window.message = Some(message);
    }

    /// Saves to the map's file, or asks where if it has none. True when saved.
    pub(super) fn save(&mut self) -> bool {
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        // An imported map suggests the file it came from, as `.ron`, in that file's folder.
        let near = self.doc.path().or(self.doc.origin());
        let folder = near.and_then(Path::parent).map(Path::to_owned);
        let name = match self.doc.origin().and_then(Path::file_stem) {
            Some(stem) if self.doc.path().is_none() => format!("{}.ron", stem.to_string_lossy()),
            _ => suggested_file_name(self.doc.map()),
        };
        match self.window.dialogs.save_map(folder.as_deref(), &name) {
            Some(path) => self.save_to(path),
            None => {
                self.window.message = Some("Not saved.".into());
                false
            }
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match self.doc.save_to(path.clone()) {
            Ok(()) => {
                self.window.recovery.clear();
                self.remember_recent(&path);
                self.window.message = Some(format!("Saved {}.", path.display()));
                true
            }
            Err(e) => {
                self.window.message = Some(format!(
                    "Could not save {}: {e}. The map is still open; try another folder.",
                    path.display()
                ));
                self.overlays.prompt = Some(Prompt::SaveFailed {
                    file: path.display().to_string(),
                    reason: e.to_string(),
                    then: None,
                });
                false
            }
        }
    }

    /// Goes on with `then` once the map is saved. When the save failed, its prompt keeps
    /// `then`: quitting (or opening another map) waits until the map is saved elsewhere.
    pub(super) fn after_save(&mut self, saved: bool, then: Option<Then>) {
        if saved {
            if let Some(then) = then {
                self.proceed(then);
            }
        } else if let Some(Prompt::SaveFailed { then: waiting, .. }) = &mut self.overlays.prompt {
            *waiting = then;
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.window.settings.recent.retain(|p| p != &path);
        self.window.settings.recent.insert(0, path);
        self.window.settings.recent.truncate(MAX_RECENT);
    }

    /// The window's close button or Ctrl+Q: with unsaved changes, ask first.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.window.closing
            && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.overlays.prompt = Some(Prompt::Unsaved(Then::Quit));
        }
        if self.window.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// A `.ron` file dropped on the window opens, an Argdown or AIF file is imported (after
    /// asking about unsaved changes).
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                self.ask_then(Then::Open(Some(path)));
            } else if crate::interchange::ImportFormat::from_path(&path).is_some() {
                self.ask_then(Then::Import(Some(path)));
            } else {
                self.window.message = Some(format!(
                    "{} is not an argmap map (.ron), nor Argdown or AIF to import.",
                    path.display()
                ));
            }
        }
    }

    /// Keeps the recovery file up to date while there are unsaved changes.
    pub(super) fn keep_recovery(&mut self, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.window.recovery.maybe_write(
                self.doc.shared_map(),
                self.doc.path(),
                self.doc.version(),
                Instant::now(),
            );
            // Wake up to write it even if the user stops touching anything.
            ctx.request_repaint_after(super::recovery::INTERVAL);
        }
    }
}

/// A file name from the map's title: "Is Khamenei Ruling out Dialogue with Trump?" gives
/// "is-khamenei-ruling-out-dialogue-with-trump.ron".
pub fn suggested_file_name(map: &ArgumentMap) -> String {
    let mut name = String::new();
    for c in map.title.chars() {
        if c.is_alphanumeric() {
            name.extend(c.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.ron", if name.is_empty() { "untitled" } else { name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_file_name_from_the_title() {
        assert_eq!(
            suggested_file_name(&crate::bundled::article_map()),
            "is-khamenei-ruling-out-dialogue-with-trump.ron"
        );
        assert_eq!(
            suggested_file_name(&ArgumentMap::new(" ?! ")),
            "untitled.ron"
        );
    }
}
