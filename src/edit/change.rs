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
    /// Anything may have changed: caches rebuild (a different map, too many insertions or
    /// removals to follow one by one, or a history too long ago).
    pub rebuild: bool,
    /// Nodes and links inserted and removed, in the order it happened, each at the index it
    /// had then: caches kept by index follow them instead of rebuilding.
    pub shifts: Vec<Shift>,
    /// Which node is the main claim may have changed.
    pub main: bool,
    /// The order of the argument as the outline reads it may have changed: a node moved
    /// (siblings are listed left to right) or a link's relation changed.
    pub order: bool,
    /// Nodes whose own fields (text, notes, kind, pin, position, citations) changed. A node
    /// may be listed more than once.
    pub nodes: Vec<NodeId>,
}

/// One insertion or removal of a node or link, at its index in the list at that moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    NodeInserted(usize),
    NodeRemoved(usize),
    LinkInserted(usize),
    LinkRemoved(usize),
}

/// More insertions and removals than this in one change and caches rebuild: following each
/// costs a pass over the cache.
const MAX_SHIFTS: usize = 16;

impl Change {
    /// Everything may have changed (a different map was opened, or history was lost).
    pub fn everything() -> Self {
        Self {
            rebuild: true,
            ..Self::default()
        }
    }

    /// Nodes or links came or went, or the main claim may be another: more than node fields.
    pub fn structure(&self) -> bool {
        self.rebuild || self.main || !self.shifts.is_empty()
    }

    /// What applying `edit` changed, given `inverse`, the edit applying it returned: an
    /// insertion's index is in the edit, a removal's in its inverse. An edit and its inverse
    /// change the same things, so this also describes undoing or redoing it.
    pub fn of_applied(edit: &Edit, inverse: &Edit) -> Self {
        Self::before(edit).after(Some(inverse))
    }

    /// What `edit` will change, read before it is applied (applying consumes it); complete
    /// it with [`Change::after`] and the inverse the edit returned.
    pub fn before(edit: &Edit) -> Self {
        let mut change = Self::default();
        change.add_edit(edit);
        change
    }

    /// The change read [`Change::before`] an edit, completed with the inverse it returned
    /// (`None`: the edit did not apply after all).
    pub fn after(mut self, inverse: Option<&Edit>) -> Self {
        match inverse {
            Some(inverse) if !self.rebuild => self.add_removal_indices(inverse),
            Some(_) => {}
            None => self = Self::everything(),
        }
        self
    }

    /// How many nodes this change inserted and removed.
    pub fn node_counts(&self) -> (usize, usize) {
        let count = |f: fn(&Shift) -> bool| self.shifts.iter().filter(|s| f(s)).count();
        (
            count(|s| matches!(s, Shift::NodeInserted(_))),
            count(|s| matches!(s, Shift::NodeRemoved(_))),
        )
    }

    /// What applying `edit` changes, without its inverse: where nodes or links were removed
    /// is unknown, so a removal makes it a rebuild (see [`Change::of_applied`]).
    pub fn of(edit: &Edit) -> Self {
        let mut change = Self::default();
        change.add_edit(edit);
        let unknown = |s: &Shift| {
            matches!(
                s,
                Shift::NodeRemoved(usize::MAX) | Shift::LinkRemoved(usize::MAX)
            )
        };
        if change.shifts.iter().any(unknown) {
            change = Self::everything();
        }
        change
    }

    /// Adds what `edit` changes to this change. Removals are noted with index `usize::MAX`
    /// until [`Change::add_removal_indices`] fills them in.
    fn add_edit(&mut self, edit: &Edit) {
        match edit {
            Edit::AddNode { index, .. } => self.shift(Shift::NodeInserted(*index)),
            Edit::RemoveNode { .. } => self.shift(Shift::NodeRemoved(usize::MAX)),
            Edit::AddLink { index, .. } => self.shift(Shift::LinkInserted(*index)),
            Edit::RemoveLink { .. } => self.shift(Shift::LinkRemoved(usize::MAX)),
            Edit::SetMainClaim { .. } => self.main = true,
            Edit::SetKind { id, .. } => {
                // Without a main claim named, the main claim is inferred from kinds and links.
                self.main = true;
                self.touch(id);
            }
            Edit::SetRelation { .. } => self.order = true,
            // Premises or ends may have changed: rare enough to rebuild after.
            Edit::UpdateLink { .. } => self.rebuild = true,
            Edit::SetText { id, .. }
            | Edit::SetNotes { id, .. }
            | Edit::SetPinned { id, .. }
            | Edit::SetCitations { id, .. } => self.touch(id),
            Edit::Move { moves } => {
                self.order = true;
                if !self.rebuild {
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
    }

    /// Fills in the indices of removals from `inverse`: the inverse of a removal is an
    /// insertion at the index the item had when it went. The inverse of a batch lists its
    /// edits' inverses last first.
    fn add_removal_indices(&mut self, inverse: &Edit) {
        let mut nodes = Vec::new();
        let mut links = Vec::new();
        insertions(inverse, &mut nodes, &mut links);
        // Forward order is the inverse's order reversed.
        let (mut nodes, mut links) = (nodes.into_iter().rev(), links.into_iter().rev());
        for shift in &mut self.shifts {
            let (slot, found) = match shift {
                Shift::NodeRemoved(i) => (i, nodes.next()),
                Shift::LinkRemoved(i) => (i, links.next()),
                _ => continue,
            };
            match found {
                Some(index) => *slot = index,
                None => {
                    self.rebuild = true; // the inverse does not say: never guess
                    break;
                }
            }
        }
        if self.rebuild {
            self.shifts.clear();
        }
    }

    fn shift(&mut self, shift: Shift) {
        if self.rebuild {
            return;
        }
        if self.shifts.len() == MAX_SHIFTS {
            *self = Self::everything();
            return;
        }
        self.shifts.push(shift);
    }

    /// Adds another change (several edits between two looks at the map).
    pub fn merge(&mut self, other: Change) {
        if self.rebuild || other.rebuild || self.shifts.len() + other.shifts.len() > MAX_SHIFTS {
            *self = Self::everything();
            return;
        }
        self.shifts.extend(other.shifts);
        self.main |= other.main;
        self.order |= other.order;
        self.nodes.extend(other.nodes);
    }

    fn touch(&mut self, id: &NodeId) {
        if !self.rebuild {
            self.nodes.push(id.clone());
        }
    }

    /// Nothing that node caches depend on changed.
    pub fn is_empty(&self) -> bool {
        !self.structure() && !self.order && self.nodes.is_empty()
    }

    /// Where the node at index `at` before this change is after it (`None`: it was removed).
    pub fn node_after(&self, at: usize) -> Option<usize> {
        let mut at = at;
        for shift in &self.shifts {
            match *shift {
                Shift::NodeInserted(i) if at >= i => at += 1,
                Shift::NodeRemoved(i) if at == i => return None,
                Shift::NodeRemoved(i) if at > i => at -= 1,
                _ => {}
            }
        }
        Some(at)
    }

    /// Where the nodes inserted by this change are after it.
    pub fn inserted_nodes(&self) -> Vec<usize> {
        inserted(&self.shifts, |s| match s {
            Shift::NodeInserted(i) => Some((true, i)),
            Shift::NodeRemoved(i) => Some((false, i)),
            _ => None,
        })
    }

    /// Where the links inserted by this change are after it.
    pub fn inserted_links(&self) -> Vec<usize> {
        inserted(&self.shifts, |s| match s {
            Shift::LinkInserted(i) => Some((true, i)),
            Shift::LinkRemoved(i) => Some((false, i)),
            _ => None,
        })
    }

    /// Applies the node insertions and removals to a list kept by node index, inserting
    /// `fresh` for each new node (the caller then fills in [`Change::inserted_nodes`]).
    pub fn shift_nodes<T: Clone>(&self, list: &mut Vec<T>, fresh: T) -> bool {
        shift_list(&self.shifts, list, fresh, |s| match s {
            Shift::NodeInserted(i) => Some((true, i)),
            Shift::NodeRemoved(i) => Some((false, i)),
            _ => None,
        })
    }

    /// The same for a list kept by link index.
    pub fn shift_links<T: Clone>(&self, list: &mut Vec<T>, fresh: T) -> bool {
        shift_list(&self.shifts, list, fresh, |s| match s {
            Shift::LinkInserted(i) => Some((true, i)),
            Shift::LinkRemoved(i) => Some((false, i)),
            _ => None,
        })
    }
}

/// Insertion indices of nodes and links in `edit`, in its order.
fn insertions(edit: &Edit, nodes: &mut Vec<usize>, links: &mut Vec<usize>) {
    match edit {
        Edit::AddNode { index, .. } => nodes.push(*index),
        Edit::AddLink { index, .. } => links.push(*index),
        Edit::Batch(edits) => {
            for edit in edits {
                insertions(edit, nodes, links);
            }
        }
        _ => {}
    }
}

/// Final positions of the items inserted by `shifts` (of one list, picked by `of`).
fn inserted(shifts: &[Shift], of: impl Fn(Shift) -> Option<(bool, usize)>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (insert, i) in shifts.iter().filter_map(|s| of(*s)) {
        if insert {
            for p in &mut out {
                if *p >= i {
                    *p += 1;
                }
            }
            out.push(i);
        } else {
            out.retain(|&p| p != i);
            for p in &mut out {
                if *p > i {
                    *p -= 1;
                }
            }
        }
    }
    out
}

/// Applies one list's insertions and removals to `list`; false (and `list` left as it may
/// be) when an index does not fit, which only a cache out of step with the map has.
fn shift_list<T: Clone>(
    shifts: &[Shift],
    list: &mut Vec<T>,
    fresh: T,
    of: impl Fn(Shift) -> Option<(bool, usize)>,
) -> bool {
    for (insert, i) in shifts.iter().filter_map(|s| of(*s)) {
        if insert && i <= list.len() {
            list.insert(i, fresh.clone());
        } else if !insert && i < list.len() {
            list.remove(i);
        } else {
            return false;
        }
    }
    true
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
    use crate::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};

    fn id(s: &str) -> NodeId {
        NodeId::from(s)
    }

    fn map(nodes: usize) -> ArgumentMap {
        let mut map = ArgumentMap::new("t");
        map.nodes = (0..nodes)
            .map(|i| Node::new(format!("n{i}"), NodeKind::Claim, "x", Position::default()))
            .collect();
        map.links = (1..nodes)
            .map(|i| Link::new(format!("n{i}"), "n0", Relation::Supports))
            .collect();
        map
    }

    #[test]
    fn a_text_edit_touches_its_node_only() {
        let change = Change::of(&Edit::SetText {
            id: id("a"),
            text: "new".into(),
        });
        assert!(!change.structure() && !change.order);
        assert_eq!(change.nodes, vec![id("a")]);
    }

    #[test]
    fn deleting_a_node_with_its_links_records_where_each_went() {
        let mut map = map(6);
        let edit = crate::edit::delete_nodes(&map, &[id("n2")]);
        let inverse = edit.clone().apply(&mut map).unwrap();
        let change = Change::of_applied(&edit, &inverse);
        assert!(!change.rebuild);
        // Link n2→n0 was the second link; then node n2 went.
        assert_eq!(
            change.shifts,
            vec![Shift::LinkRemoved(1), Shift::NodeRemoved(2)]
        );
        assert_eq!(change.node_after(1), Some(1));
        assert_eq!(change.node_after(2), None);
        assert_eq!(change.node_after(5), Some(4));
        // Undoing it: the inverse applied, with its own inverse.
        let redo = inverse.clone().apply(&mut map).unwrap();
        let back = Change::of_applied(&inverse, &redo);
        assert_eq!(back.inserted_nodes(), vec![2]);
        assert_eq!(back.inserted_links(), vec![1]);
        let mut list: Vec<usize> = (0..5).collect();
        assert!(back.shift_nodes(&mut list, usize::MAX));
        assert_eq!(list, vec![0, 1, usize::MAX, 2, 3, 4]);
    }

    #[test]
    fn a_removal_without_its_inverse_or_too_many_shifts_rebuild() {
        assert!(Change::of(&Edit::RemoveNode { id: id("a") }).rebuild);
        let node = |i: usize| Edit::AddNode {
            index: 0,
            node: Node::new(format!("m{i}"), NodeKind::Claim, "x", Position::default()),
        };
        let many = Edit::Batch((0..=MAX_SHIFTS).map(node).collect());
        assert!(Change::of(&many).rebuild);
        let few = Edit::Batch((0..3).map(node).collect());
        let change = Change::of(&few);
        assert_eq!(change.inserted_nodes(), vec![2, 1, 0]);
        assert!(change.structure());
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
        assert!(log.since(log.newest() - 1).is_some_and(|c| c.rebuild));
    }

    #[test]
    fn moves_and_relations_change_the_order() {
        let moved = Change::of(&Edit::Move {
            moves: vec![(id("a"), Position::default())],
        });
        assert!(moved.order && !moved.structure());
        assert_eq!(moved.nodes, vec![id("a")]);
        let flipped = Change::of(&Edit::SetRelation {
            from: id("a"),
            to: id("b"),
            relation: Relation::Opposes,
        });
        assert!(flipped.order && !flipped.structure() && flipped.nodes.is_empty());
        let mut both = moved;
        both.merge(Change::of(&Edit::SetTitle { title: "t".into() }));
        assert!(!both.is_empty());
        assert!(Change::of(&Edit::SetTitle { title: "t".into() }).is_empty());
    }
}
