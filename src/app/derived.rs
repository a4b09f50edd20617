//! Facts derived from the map that the UI needs every frame, recomputed only when it changes.
//!
//! The argument check (`model::validate`) of a big map takes longer than a frame (about
//! 185 ms at 100,000 nodes, 9 ms at 10,000), so above [`CHECK_AT_ONCE`] it runs on a
//! background thread on a shared snapshot of the map, and the Problems panel shows the last
//! finished check until the new one is done. Everything the canvas needs is computed at once.

use crate::edit::{Change, ChangeLog};
use crate::model::{ArgumentMap, Node, NodeId, Outline, Problem, outline_with_ends, validate};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Maps with at most this many nodes and links are checked within the frame (a millisecond
/// or two), so a small map's Problems panel is never a moment behind, and tests see it at once.
const CHECK_AT_ONCE: usize = 2_000;

#[derive(Default)]
pub struct Derived {
    revision: Option<u64>,
    /// The number of the last change (in the document's [`ChangeLog`]) these facts include.
    seen: Option<u64>,
    /// What each refresh changed, for caches kept beside these facts (card rectangles, Find's
    /// matches) that update by change too.
    changes: ChangeLog,
    pub index: HashMap<NodeId, usize>,
    pub main: Option<usize>,
    pub outline: Outline,
    /// Validation problems and doubtful spots, for the Problems panel: those of the last
    /// finished check (see [`Derived::checking`]).
    pub problems: Vec<Problem>,
    /// Each link's ends as node indices (`None` for a link to a missing node), in link order.
    pub link_ends: Vec<Option<(usize, usize)>>,
    checks: Checks,
}

/// The argument check of big maps, off the UI thread.
#[derive(Default)]
struct Checks {
    /// The revision `Derived::problems` belongs to.
    done_for: Option<u64>,
    /// The check under way, for this revision.
    running: Option<(u64, Receiver<Vec<Problem>>)>,
    /// The problems of the revision before the current one, so undoing an edit shows them
    /// at once instead of checking the map again.
    previous: Option<(u64, Vec<Problem>)>,
}

impl Derived {
    /// Brings the cache up to date with `map` at `revision`; returns true if it was stale.
    /// `changes` says what changed since the last refresh: after an edit of some nodes' own
    /// fields (a text, a kind) the index, link ends and outline are kept, since rebuilding
    /// them costs more than a frame on a big map. Also collects a finished background check
    /// (call it every frame).
    pub fn refresh(&mut self, map: &Arc<ArgumentMap>, revision: u64, changes: &ChangeLog) -> bool {
        self.collect_check(map, revision);
        let change = self
            .seen
            .and_then(|seen| changes.since(seen))
            .unwrap_or_else(Change::everything);
        self.seen = Some(changes.newest());
        if self.revision == Some(revision) && change.is_empty() {
            return false;
        }
        self.revision = Some(revision);
        if change.structure || self.index_is_stale(map) {
            self.rebuild_index(map);
        }
        if change.structure || change.order {
            self.outline = outline_with_ends(map, &self.link_ends, self.main);
        }
        self.check(map, revision);
        self.changes.record(change);
        true
    }

    /// What each refresh changed (numbered by this cache's own refreshes).
    pub fn changes(&self) -> &ChangeLog {
        &self.changes
    }

    fn rebuild_index(&mut self, map: &ArgumentMap) {
        let mut index = HashMap::with_capacity(map.nodes.len());
        for (i, node) in map.nodes.iter().enumerate() {
            // The first node with an id, as the model's lookups find it.
            index.entry(node.id.clone()).or_insert(i);
        }
        self.index = index;
        let index = &self.index;
        self.link_ends = map
            .links
            .iter()
            .map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
            .collect();
        self.main = map.main_claim().and_then(|id| self.index.get(id).copied());
    }

    /// A cheap guard against a change the log did not describe: the counts must agree.
    fn index_is_stale(&self, map: &ArgumentMap) -> bool {
        self.link_ends.len() != map.links.len() || self.index.len() > map.nodes.len()
    }

    /// The node with `id`, through the index: constant time, so code that looks up every
    /// selected or presented node stays linear. The hit is checked against the map, so an index
    /// a frame behind (an edit earlier in this frame) falls back to a search, never a wrong node.
    pub fn node<'m>(&self, map: &'m ArgumentMap, id: &NodeId) -> Option<&'m Node> {
        match self.index.get(id).and_then(|&i| map.nodes.get(i)) {
            Some(node) if &node.id == id => Some(node),
            _ => map.node(id),
        }
    }

    /// The map revision these facts are for (0 before the first refresh).
    pub fn revision(&self) -> u64 {
        self.revision.unwrap_or(0)
    }

    pub fn is_main(&self, index: usize) -> bool {
        self.main == Some(index)
    }

    /// True while the problems shown are not yet those of the current map: a check is
    /// running in the background (the UI should look again shortly).
    pub fn checking(&self) -> bool {
        self.checks.done_for != self.revision
    }

    /// Starts checking the map at `revision` (or checks it at once when it is small).
    fn check(&mut self, map: &Arc<ArgumentMap>, revision: u64) {
        if self.checks.done_for == Some(revision) {
            return;
        }
        if let Some((done, _)) = &self.checks.previous
            && *done == revision
        {
            let (done, problems) = self.checks.previous.take().expect("just seen");
            self.show_problems(done, problems);
            return;
        }
        if map.nodes.len() + map.links.len() <= CHECK_AT_ONCE {
            self.show_problems(revision, validate(map));
            return;
        }
        if self.checks.running.is_some() {
            return; // started again for the newest map when this one finishes
        }
        let (send, receive) = std::sync::mpsc::channel();
        let snapshot = Arc::clone(map);
        let spawned = std::thread::Builder::new()
            .name("argmap-check".into())
            .spawn(move || {
                let problems = validate(&snapshot);
                // Let go of the map before saying so: the next edit then changes it in place
                // instead of copying it.
                drop(snapshot);
                let _ = send.send(problems);
            });
        match spawned {
            Ok(_) => self.checks.running = Some((revision, receive)),
            Err(_) => self.show_problems(revision, validate(map)), // no thread: check here
        }
    }

    /// Takes a finished background check's problems, and starts the next check if the map
    /// changed meanwhile.
    fn collect_check(&mut self, map: &Arc<ArgumentMap>, revision: u64) {
        let Some((checked, receive)) = &self.checks.running else {
            return;
        };
        let checked = *checked;
        match receive.try_recv() {
            Err(TryRecvError::Empty) => return,
            Ok(problems) => self.show_problems(checked, problems),
            // The check panicked (it never should): keep the last problems shown rather
            // than checking again and again.
            Err(TryRecvError::Disconnected) => self.checks.done_for = Some(checked),
        }
        self.checks.running = None;
        if self.revision == Some(revision) && checked != revision {
            self.check(map, revision);
        }
    }

    fn show_problems(&mut self, revision: u64, problems: Vec<Problem>) {
        let old = std::mem::replace(&mut self.problems, problems);
        if let Some(done) = self.checks.done_for.replace(revision)
            && done != revision
        {
            self.checks.previous = Some((done, old));
        }
    }
}

impl super::ArgmapApp {
    /// True while the Problems panel shows the check of an earlier state of the map (a big
    /// map is checked in the background after each change).
    pub fn is_checking(&self) -> bool {
        self.derived.checking()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind, Position};

    fn map_of(nodes: usize) -> ArgumentMap {
        let mut map = ArgumentMap::new("Big");
        map.nodes = (0..nodes)
            .map(|i| {
                let text = format!("claim {i}");
                Node::new(format!("n{i}"), NodeKind::Claim, text, Position::default())
            })
            .collect();
        map
    }

    fn wait_for_check(derived: &mut Derived, map: &Arc<ArgumentMap>, revision: u64) {
        while derived.checking() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            derived.refresh(map, revision, &ChangeLog::default());
        }
    }

    #[test]
    fn a_big_map_is_checked_in_the_background_and_undo_shows_the_earlier_check_at_once() {
        let mut map = Arc::new(map_of(CHECK_AT_ONCE + 1));
        let mut derived = Derived::default();
        let log = ChangeLog::default();
        assert!(derived.refresh(&map, 1, &log));
        wait_for_check(&mut derived, &map, 1);
        assert_eq!(derived.problems, validate(&map));
        let before = derived.problems.clone();

        // An edit: one node loses its text (an error) .
        Arc::make_mut(&mut map).nodes[7].text.clear();
        assert!(derived.refresh(&map, 2, &log));
        wait_for_check(&mut derived, &map, 2);
        assert_eq!(derived.problems, validate(&map));
        assert_ne!(derived.problems, before);

        // Undo: back at revision 1, whose problems are known without checking again.
        Arc::make_mut(&mut map).nodes[7].text = "claim 7".into();
        assert!(derived.refresh(&map, 1, &log));
        assert!(!derived.checking());
        assert_eq!(derived.problems, before);
    }

    #[test]
    fn an_edit_during_a_check_is_checked_when_it_finishes() {
        let mut map = Arc::new(map_of(CHECK_AT_ONCE + 1));
        let mut derived = Derived::default();
        let log = ChangeLog::default();
        derived.refresh(&map, 1, &log);
        Arc::make_mut(&mut map).nodes[3].text.clear();
        derived.refresh(&map, 2, &log);
        Arc::make_mut(&mut map).nodes[4].text.clear();
        derived.refresh(&map, 3, &log);
        wait_for_check(&mut derived, &map, 3);
        assert_eq!(derived.problems, validate(&map));
    }

    #[test]
    fn a_text_edit_keeps_the_index_and_an_added_node_rebuilds_it() {
        use crate::edit::Edit;
        let mut map = Arc::new(map_of(3));
        let mut derived = Derived::default();
        let mut log = ChangeLog::default();
        derived.refresh(&map, 1, &log);
        assert_eq!(derived.outline.rows.len(), 3);

        let edit = Edit::SetText {
            id: "n1".into(),
            text: "changed".into(),
        };
        log.record(Change::of(&edit));
        edit.apply(Arc::make_mut(&mut map)).unwrap();
        assert!(
            derived.refresh(&map, 2, &log),
            "a new revision is refreshed"
        );
        assert_eq!(derived.index.len(), 3);

        let node = Node::new("n9", NodeKind::Claim, "new", Position::default());
        let edit = Edit::AddNode { index: 0, node };
        log.record(Change::of(&edit));
        edit.apply(Arc::make_mut(&mut map)).unwrap();
        derived.refresh(&map, 3, &log);
        assert_eq!(derived.index.get(&NodeId::from("n9")), Some(&0));
        assert_eq!(derived.index.get(&NodeId::from("n1")), Some(&2));
        assert_eq!(derived.outline.rows.len(), 4);
    }

    #[test]
    fn a_small_map_is_checked_at_once() {
        let mut map = map_of(3);
        map.nodes[1].text.clear();
        let map = Arc::new(map);
        let mut derived = Derived::default();
        let log = ChangeLog::default();
        derived.refresh(&map, 1, &log);
        assert!(!derived.checking());
        assert_eq!(derived.problems, validate(&map));
    }
}
