//! What an edit changed, in the terms caches of the map care about: whether nodes or links
//! came or went (every index may have moved), or only some nodes' own fields changed.
//!
//! The window keeps facts derived from the whole map (the node index, the outline, card
//! rectangles, Find's matches). Rebuilding them all after changing one text costs more than
//! a frame on a big map; knowing what an edit touched lets them update just that.

use super::Edit;
use crate::model::NodeId;

/// The union of what one or more edits changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Nodes or links were added, removed or reordered, or the main claim changed: caches
    /// keyed by node or link index must be rebuilt (and everything below may be incomplete).
    pub structure: bool,
    /// The order of the argument as the outline reads it may have changed: a node moved
    /// (siblings are listed left to right) or a link's relation changed.
    pub order: bool,
    /// Nodes whose own fields (text, notes, pin, position, citations) changed. A node
    /// may be listed more than once.
    pub nodes: Vec<NodeId>,
}

impl Change {
    /// Everything may have changed (a different map was opened, or history was lost).
    pub fn everything() -> Self {
        Self {
            structure: true,
            order: true,
            nodes: Vec::new(),
        }
    }

    /// What applying `edit` changes. An edit and its inverse change the same things, so this
    /// also describes undoing or redoing it.
    pub fn of(edit: &Edit) -> Self {
        let mut change = Self::default();
        change.add_edit(edit);
        change
    }

    /// Adds what `edit` changes to this change.
    pub fn add_edit(&mut self, edit: &Edit) {
        match edit {
            Edit::AddNode { .. }
            | Edit::RemoveNode { .. }
            | Edit::AddLink { .. }
            | Edit::RemoveLink { .. }
            | Edit::SetMainClaim { .. }
            // Without a main claim named, the main claim is inferred from kinds and links.
            | Edit::SetKind { .. } => {
                self.structure = true;
                self.order = true;
            }
            Edit::SetRelation { .. } => self.order = true,
            Edit::SetText { id, .. }
            | Edit::SetNotes { id, .. }
            | Edit::SetPinned { id, .. }
            | Edit::SetCitations { id, .. } => self.touch(id),
            Edit::Move { moves } => {
                self.order = true;
                if !self.structure {
                    self.nodes.extend(moves.iter().map(|(id, _)| id.clone()));
                }
            }
            // Map-level fields: nothing a node cache depends on. (Sources are looked up by
            // id wherever they are shown; the argument check runs again after every edit.)
            Edit::AddSource { .. }
            | Edit::RemoveSource { .. }
            | Edit::UpdateSource { .. }
            | Edit::SetTitle { .. }
            | Edit::SetDescription { .. }
            | Edit::SetPresentation { .. } => {}
            Edit::Batch(edits) => {
                for edit in edits {
                    self.add_edit(edit);
                }
            }
        }
        if self.structure {
            // Every cache rebuilds: listing nodes too would only cost memory.
            self.nodes.clear();
        }
    }

    /// Adds another change (several edits between two looks at the map).
    pub fn merge(&mut self, other: Change) {
        self.structure |= other.structure;
        self.order |= other.order;
        if self.structure {
            self.nodes.clear();
        } else {
            self.nodes.extend(other.nodes);
        }
    }

    fn touch(&mut self, id: &NodeId) {
        if !self.structure {
            self.nodes.push(id.clone());
        }
    }

    /// Nothing that node caches depend on changed.
    pub fn is_empty(&self) -> bool {
        !self.structure && !self.order && self.nodes.is_empty()
    }
}

/// How many recent changes a [`ChangeLog`] remembers. A cache further behind than this
/// (one that was not looked at for that many edits) rebuilds.
const REMEMBERED: usize = 64;

/// Recent changes of one map, numbered, so each cache can ask what changed since it last
/// looked. (Versions cannot serve: undo returns to an earlier version number.)
#[derive(Debug, Default)]
pub struct ChangeLog {
    /// The number of the newest change (0: none yet).
    newest: u64,
    /// The most recent changes, oldest first; the last is number `newest`.
    recent: std::collections::VecDeque<Change>,
}

impl ChangeLog {
    /// The number of the newest change: what a cache remembers having seen.
    pub fn newest(&self) -> u64 {
        self.newest
    }

    pub fn record(&mut self, change: Change) {
        self.newest += 1;
        if self.recent.len() == REMEMBERED {
            self.recent.pop_front();
        }
        self.recent.push_back(change);
    }

    /// Everything changed since change number `seen`, or `None` when that is no longer
    /// known (or `seen` is from another log): the caller rebuilds.
    pub fn since(&self, seen: u64) -> Option<Change> {
        let behind = usize::try_from(self.newest.checked_sub(seen)?).ok()?;
        if behind > self.recent.len() {
            return None;
        }
        let mut change = Change::default();
        for recent in self.recent.iter().skip(self.recent.len() - behind) {
            change.merge(recent.clone());
        }
        Some(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind, Position, Relation};

    fn id(s: &str) -> NodeId {
        NodeId::from(s)
    }

    #[test]
    fn a_text_edit_touches_its_node_only() {
        let change = Change::of(&Edit::SetText {
            id: id("a"),
            text: "new".into(),
        });
        assert_eq!(
            change,
            Change {
                structure: false,
                order: false,
                nodes: vec![id("a")]
            }
        );
    }

    #[test]
    fn adding_a_node_in_a_batch_makes_it_a_structural_change() {
        let node = Node::new("b", NodeKind::Claim, "b", Position::default());
        let change = Change::of(&Edit::Batch(vec![
            Edit::SetText {
                id: id("a"),
                text: "new".into(),
            },
            Edit::AddNode { index: 0, node },
            Edit::AddLink {
                index: 0,
                link: Link::new("b", "a", Relation::Supports),
            },
        ]));
        assert!(change.structure && change.order);
        assert!(change.nodes.is_empty());
    }

    #[test]
    fn a_log_merges_what_changed_since_a_number_and_forgets_old_changes() {
        let mut log = ChangeLog::default();
        assert_eq!(log.since(0), Some(Change::default()));
        let text = |s: &str| {
            Change::of(&Edit::SetText {
                id: id(s),
                text: "t".into(),
            })
        };
        log.record(text("a"));
        let seen = log.newest();
        log.record(text("b"));
        log.record(text("c"));
        assert_eq!(
            log.since(seen).map(|c| c.nodes),
            Some(vec![id("b"), id("c")])
        );
        assert_eq!(log.since(log.newest()), Some(Change::default()));
        assert_eq!(
            log.since(log.newest() + 1),
            None,
            "a number from another log"
        );
        for _ in 0..REMEMBERED {
            log.record(text("d"));
        }
        assert_eq!(log.since(seen), None, "too far behind: rebuild");
        log.record(Change::everything());
        assert!(log.since(log.newest() - 1).is_some_and(|c| c.structure));
    }

    #[test]
    fn moves_and_relations_change_the_order() {
        let moved = Change::of(&Edit::Move {
            moves: vec![(id("a"), Position::default())],
        });
        assert!(moved.order && !moved.structure);
        assert_eq!(moved.nodes, vec![id("a")]);
        let flipped = Change::of(&Edit::SetRelation {
            from: id("a"),
            to: id("b"),
            relation: Relation::Opposes,
        });
        assert!(flipped.order && !flipped.structure && flipped.nodes.is_empty());
        let mut both = moved;
        both.merge(Change::of(&Edit::SetTitle { title: "t".into() }));
        assert!(!both.is_empty());
        assert!(Change::of(&Edit::SetTitle { title: "t".into() }).is_empty());
    }
}
