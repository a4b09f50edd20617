//! The selection each state of the map was left with, so undo and redo bring back the
//! selection that was current at the edit (as helix keeps a selection with each revision):
//! undoing a deletion selects the nodes that come back, undoing a move selects what moved.

use super::view::Selection;
use crate::edit::Version;
use std::collections::HashMap;

#[derive(Default)]
pub struct SelectionHistory {
    left_with: HashMap<Version, Selection>,
}

impl SelectionHistory {
    /// The map is leaving the state `version` (an edit, undo or redo) with `selection`.
    pub fn leave(&mut self, version: Version, selection: &Selection) {
        self.left_with.insert(version, selection.clone());
    }

    /// The selection the state `version` was last left with, if it was.
    pub fn arrive(&self, version: Version) -> Option<&Selection> {
        self.left_with.get(&version)
    }
}
