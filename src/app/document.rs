//! The open map, its undo history, and where it lives on disk.

use crate::edit::{Edit, EditError, History, Version};
use crate::model::ArgumentMap;
use std::path::{Path, PathBuf};

pub struct Document {
    map: ArgumentMap,
    /// Where the map is saved; `None` for the bundled map or a new, never-saved one.
    path: Option<PathBuf>,
    history: History,
    /// The version that matches the file on disk (or the bundled/new map as opened).
    saved: Version,
    /// The file a new, never-saved map was made from (an import): Save as suggests its folder
    /// and name, with `.ron`.
    origin: Option<PathBuf>,
}

impl Document {
    pub fn new(map: ArgumentMap, path: Option<PathBuf>) -> Self {
        Self {
            map,
            path,
            history: History::default(),
            saved: 0,
            origin: None,
        }
    }

    pub fn map(&self) -> &ArgumentMap {
        &self.map
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file this unsaved map was imported from, if it was.
    pub fn origin(&self) -> Option<&Path> {
        self.origin.as_deref()
    }

    /// Changes with every edit, undo and redo; equal versions mean equal maps.
    pub fn version(&self) -> Version {
        self.history.version()
    }

    pub fn is_dirty(&self) -> bool {
        self.history.version() != self.saved
    }

    /// Applies an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.map, edit)
    }

    pub fn undo(&mut self) -> Option<&'static str> {
        self.history.undo(&mut self.map)
    }

    pub fn redo(&mut self) -> Option<&'static str> {
        self.history.redo(&mut self.map)
    }

    pub fn undo_label(&self) -> Option<&'static str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.history.redo_label()
    }

    /// Replaces the whole map (New, Open, restore). History starts afresh.
    pub fn replace(&mut self, map: ArgumentMap, path: Option<PathBuf>) {
        self.map = map;
        self.path = path;
        self.origin = None;
        self.history.reset();
        self.saved = self.history.version();
    }

    /// Replaces the whole map with one imported from `origin`: a new map, not saved anywhere
    /// yet, with nothing to undo.
    pub fn replace_imported(&mut self, map: ArgumentMap, origin: PathBuf) {
        self.replace(map, None);
        self.origin = Some(origin);
        self.mark_unsaved();
    }

    /// Marks the map as changed since it was last saved (a restored recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved = Version::MAX;
    }

    /// Saves to `path` (atomically) and remembers it as the map's file.
    pub fn save_to(&mut self, path: PathBuf) -> std::io::Result<()> {
        crate::format::save(&self.map, &path)?;
        self.path = Some(path);
        self.origin = None;
        self.saved = self.history.version();
        Ok(())
    }
}
