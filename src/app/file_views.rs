//! Where each map was left: its camera (pan and zoom) and the panels' open tabs, remembered per
//! file (by canonical path, the last [`MAX_FILES`] files) in eframe's storage, so a map reopens
//! as it was left.

use super::ArgmapApp;
use super::camera::Camera;
use super::panels::{LeftTab, RightTab};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const STORAGE_KEY: &str = "argmap-file-views";
/// Enough for anyone's working set; bounded, so the storage file stays small.
pub const MAX_FILES: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileView {
    pub camera: Camera,
    pub left_tab: LeftTab,
    pub right_tab: RightTab,
}

/// Views of recently used files, the most recent first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileViews {
    files: Vec<(PathBuf, FileView)>,
}

/// The same file, however it was named (relative, through a link).
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

impl FileViews {
    pub fn remember(&mut self, path: &Path, view: FileView) {
        let key = key(path);
        // A scan of at most MAX_FILES entries.
        self.files.retain(|(p, _)| p != &key);
        self.files.insert(0, (key, view));
        self.files.truncate(MAX_FILES);
    }

    pub fn recall(&self, path: &Path) -> Option<FileView> {
        let key = key(path);
        self.files.iter().find(|(p, _)| p == &key).map(|(_, v)| *v)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.files.len()
    }
}

/// Which file the window showed last frame, and how it was viewed then.
#[derive(Default)]
pub struct Tracker {
    /// `None` before the first frame.
    shown: Option<Option<PathBuf>>,
    view: Option<FileView>,
}

impl ArgmapApp {
    fn current_file_view(&self) -> FileView {
        FileView {
            camera: self.view.camera,
            left_tab: self.panels.left,
            right_tab: self.panels.right,
        }
    }

    /// Before the canvas is drawn: when another file is now open (at start, Open, Open recent,
    /// Save as), remembers how the previous one was left and shows the new one as it was left.
    pub(super) fn follow_file_change(&mut self) {
        let path = self.doc.path().map(Path::to_owned);
        if self.window.file_view_tracker.shown.as_ref() == Some(&path) {
            return;
        }
        if let (Some(Some(old)), Some(view)) = (
            self.window.file_view_tracker.shown.take(),
            self.window.file_view_tracker.view.take(),
        ) {
            self.window.file_views.remember(&old, view);
        }
        if let Some(saved) = path
            .as_deref()
            .and_then(|p| self.window.file_views.recall(p))
        {
            log::debug!("reopening {path:?} as it was left");
            self.set_camera(saved.camera);
            self.view.opening = false;
            self.panels.left = saved.left_tab;
            self.panels.right = saved.right_tab;
        }
        self.window.file_view_tracker.shown = Some(path);
    }

    /// At the end of a frame: how the file is viewed now (unless a new file was opened during
    /// the frame, whose view is not the old file's). Presenting is not a way of leaving a map.
    pub(super) fn note_file_view(&mut self) {
        let path = self.doc.path().map(Path::to_owned);
        if self.window.file_view_tracker.shown.as_ref() == Some(&path) && self.presenting.is_none()
        {
            self.window.file_view_tracker.view = Some(self.current_file_view());
        }
    }

    /// Before eframe writes its storage: the open file's view as it is now.
    pub(super) fn remember_open_file_view(&mut self) {
        if let (Some(Some(path)), Some(view)) = (
            &self.window.file_view_tracker.shown,
            self.window.file_view_tracker.view,
        ) {
            self.window.file_views.remember(path, view);
        }
    }

    /// The open tabs of the left and right panels.
    pub fn tabs(&self) -> (LeftTab, RightTab) {
        (self.panels.left, self.panels.right)
    }

    /// How the file at `path` was left, if it is remembered.
    pub fn remembered_view(&self, path: &Path) -> Option<(Camera, LeftTab, RightTab)> {
        self.window
            .file_views
            .recall(path)
            .map(|v| (v.camera, v.left_tab, v.right_tab))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(zoom: f32) -> FileView {
        FileView {
            camera: Camera {
                origin: egui::vec2(10.0, -20.0),
                zoom,
            },
            left_tab: LeftTab::Sources,
            right_tab: RightTab::Reader,
        }
    }

    #[test]
    fn remembers_the_latest_view_per_file_and_forgets_the_oldest_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        std::fs::write(&a, "").unwrap();
        let mut views = FileViews::default();
        views.remember(&a, view(0.5));
        views.remember(&a, view(2.0));
        assert_eq!(views.len(), 1);
        // The same file by another name.
        let other_name = dir.path().join(".").join("a.ron");
        assert_eq!(views.recall(&other_name), Some(view(2.0)));

        for i in 0..MAX_FILES + 10 {
            views.remember(&dir.path().join(format!("m{i}.ron")), view(1.0));
        }
        assert_eq!(views.len(), MAX_FILES);
        assert_eq!(views.recall(&a), None, "the oldest file is forgotten");
        let newest = dir.path().join(format!("m{}.ron", MAX_FILES + 9));
        assert!(views.recall(&newest).is_some());
    }

    #[test]
    fn survives_eframe_storage() {
        #[derive(Default)]
        struct Memory(std::collections::HashMap<String, String>);
        impl eframe::Storage for Memory {
            fn get_string(&self, key: &str) -> Option<String> {
                self.0.get(key).cloned()
            }
            fn set_string(&mut self, key: &str, value: String) {
                self.0.insert(key.to_owned(), value);
            }
            fn remove_string(&mut self, key: &str) {
                self.0.remove(key);
            }
            fn flush(&mut self) {}
        }
        let mut views = FileViews::default();
        views.remember(Path::new("/maps/does-not-exist.ron"), view(0.25));
        let mut storage = Memory::default();
        eframe::set_value(&mut storage, STORAGE_KEY, &views);
        let back: FileViews = eframe::get_value(&storage, STORAGE_KEY).unwrap();
        assert_eq!(back, views);
        assert_eq!(
            back.recall(Path::new("/maps/does-not-exist.ron")),
            Some(view(0.25))
        );
    }
}
