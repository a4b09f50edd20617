//! The open map, its undo history, and where it lives on disk.

use crate::edit::{Change, ChangeLog, Edit, EditError, History, Version};
use crate::model::ArgumentMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Document {
    /// Shared with background work on a snapshot of the map (the argument check of a big
    /// map, see `derived`); an edit changes it in place once that work has let go of it.
    map: Arc<ArgumentMap>,
    /// Where the map is saved; `None` for the bundled map or a new, never-saved one.
    path: Option<PathBuf>,
    history: History,
    /// The version that matches the file on disk (or the bundled/new map as opened).
    saved: Version,
    /// The file a new, never-saved map was made from (an import): Save as suggests its folder
    /// and name, with `.ron`.
    origin: Option<PathBuf>,
    /// What each recent change did, for caches that update rather than rebuild.
    changes: ChangeLog,
}

impl Document {
    pub fn new(map: ArgumentMap, path: Option<PathBuf>) -> Self {
        let document = Self {
            map: Arc::new(map),
            path,
            history: History::default(),
            saved: 0,
            origin: None,
            changes: ChangeLog::default(),
        };
        release_freed_memory();
        document
    }

    pub fn map(&self) -> &ArgumentMap {
        &self.map
    }

    /// The map as shared with background work (cloning the `Arc` copies nothing).
    pub fn shared_map(&self) -> &Arc<ArgumentMap> {
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

    /// What recent edits, undos and redos changed (see [`ChangeLog`]).
    pub fn changes(&self) -> &ChangeLog {
        &self.changes
    }

    /// Applies an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        // What changed is read from the edit and from the inverse it leaves on the undo
        // stack (which says where removed items were).
        let change = Change::before(&edit);
        self.history.apply(Arc::make_mut(&mut self.map), edit)?;
        self.changes.record(change.after(self.history.next_undo()));
        Ok(())
    }

    pub fn undo(&mut self) -> Option<&'static str> {
        let change = Change::before(self.history.next_undo()?);
        let done = self.history.undo(Arc::make_mut(&mut self.map));
        self.changes
            .record(change.after(done.and(self.history.next_redo())));
        done
    }

    pub fn redo(&mut self) -> Option<&'static str> {
        let change = Change::before(self.history.next_redo()?);
        let done = self.history.redo(Arc::make_mut(&mut self.map));
        self.changes
            .record(change.after(done.and(self.history.next_undo())));
        done
    }

    pub fn undo_label(&self) -> Option<&'static str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.history.redo_label()
    }

    /// Replaces the whole map (New, Open, restore). History starts afresh.
    pub fn replace(&mut self, map: ArgumentMap, path: Option<PathBuf>) {
        self.map = Arc::new(map);
        self.path = path;
        self.origin = None;
        self.history.reset();
        self.changes.record(Change::everything());
        self.saved = self.history.version();
        release_freed_memory();
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

/// Hands the memory freed by reading a map (the parser's and the check's working memory,
/// the map it replaces) back to the system. glibc's allocator keeps freed memory that lies
/// between live allocations for reuse, and reading a 100,000-node map leaves about 150 MiB
/// of it: the window then held twice the memory the map needs, for good.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // glibc's `malloc_trim`, which std already links: returns whole free pages anywhere
        // in the heap (0 = keep no extra padding at its top).
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: takes no pointers and only releases memory no allocation is using.
        unsafe {
            malloc_trim(0);
        }
    }
}
