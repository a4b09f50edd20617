//! Undo and redo over [`Edit`]s, with a version number per state for "unsaved changes".

use super::{Edit, EditError};
use crate::model::ArgumentMap;

/// Identifies a state of the map within a session. Undoing back to a state gives back its
/// version, so "is this the saved state?" is a comparison, and caches keyed by version stay
/// valid across undo and redo.
pub type Version = u64;

#[derive(Debug)]
struct Step {
    /// The edit that takes the map to the other side of this step.
    edit: Edit,
    /// The version on the other side.
    version: Version,
    label: &'static str,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    version: Version,
    next_version: Version,
}

impl History {
    pub fn version(&self) -> Version {
        self.version
    }

    /// Applies `edit` to `map` as one undoable step. A refused edit changes nothing.
    pub fn apply(&mut self, map: &mut ArgumentMap, edit: Edit) -> Result<(), EditError> {
        let label = edit.describe();
        let inverse = edit.apply(map)?;
        self.undo.push(Step {
            edit: inverse,
            version: self.version,
            label,
        });
        self.redo.clear();
        self.next_version += 1;
        self.version = self.next_version;
        Ok(())
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, map: &mut ArgumentMap) -> Option<&'static str> {
        Self::step(&mut self.undo, &mut self.redo, &mut self.version, map)
    }

    pub fn redo(&mut self, map: &mut ArgumentMap) -> Option<&'static str> {
        Self::step(&mut self.redo, &mut self.undo, &mut self.version, map)
    }

    /// Moves one step from `from` to `to`. Steps were recorded from the very states they apply
    /// to, so this cannot fail while the map only changes through this history; if it ever
    /// did, the step is dropped rather than the app brought down, and the map is unchanged.
    fn step(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        version: &mut Version,
        map: &mut ArgumentMap,
    ) -> Option<&'static str> {
        let step = from.pop()?;
        match step.edit.apply(map) {
            Ok(back) => {
                to.push(Step {
                    edit: back,
                    version: *version,
                    label: step.label,
                });
                *version = step.version;
                Some(step.label)
            }
            Err(_) => {
                debug_assert!(false, "a history step no longer applies");
                from.clear();
                None
            }
        }
    }

    /// The edit the next undo applies (what it will change).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit the next redo applies.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|s| s.label)
    }

    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|s| s.label)
    }

    /// Forgets everything (a different map was opened). The version still moves on, so
    /// caches keyed by version see the change.
    pub fn reset(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.next_version += 1;
        self.version = self.next_version;
    }
}
