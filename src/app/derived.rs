//! Facts derived from the map that the UI needs every frame, recomputed only when it changes.

use crate::model::{ArgumentMap, NodeId, Outline, Problem, outline, validate};
use std::collections::HashMap;

#[derive(Default)]
pub struct Derived {
    revision: Option<u64>,
    pub index: HashMap<NodeId, usize>,
    pub main: Option<usize>,
    pub outline: Outline,
    /// Validation problems and doubtful spots, for the Problems panel.
    pub problems: Vec<Problem>,
    /// Each link's ends as node indices (`None` for a link to a missing node), in link order.
    pub link_ends: Vec<Option<(usize, usize)>>,
}

impl Derived {
    /// Brings the cache up to date with `map` at `revision`; returns true if it was stale.
    pub fn refresh(&mut self, map: &ArgumentMap, revision: u64) -> bool {
        if self.revision == Some(revision) {
            return false;
        }
        self.revision = Some(revision);
        self.index = map
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let index = &self.index;
        self.link_ends = map
            .links
            .iter()
            .map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
            .collect();
        self.main = map.main_claim().and_then(|id| self.index.get(id).copied());
        self.outline = outline(map);
        self.problems = validate(map);
        true
    }

    /// The map revision these facts are for (0 before the first refresh).
    pub fn revision(&self) -> u64 {
        self.revision.unwrap_or(0)
    }

    pub fn is_main(&self, index: usize) -> bool {
        self.main == Some(index)
    }
}
