//! The open map and where it lives on disk.

use crate::model::ArgumentMap;
use std::path::PathBuf;

pub struct Document {
    pub map: ArgumentMap,
    /// Where the map is saved; `None` for the bundled map or a new, never-saved one.
    pub path: Option<PathBuf>,
    /// Bumped by every change, so views can cache what they derive from the map.
    revision: u64,
}

impl Document {
    pub fn new(map: ArgumentMap, path: Option<PathBuf>) -> Self {
        Self {
            map,
            path,
            revision: 0,
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Replaces the whole map (opening another file).
    pub fn replace(&mut self, map: ArgumentMap, path: Option<PathBuf>) {
        self.map = map;
        self.path = path;
        self.revision += 1;
    }
}
