//! Facts derived from the map that the UI needs every frame, recomputed only when it changes.
//!
//! The argument check (`model::validate`) of a big map takes longer than a frame (about
//! 185 ms at 100,000 nodes, 9 ms at 10,000), so above [`CHECK_AT_ONCE`] it runs on a
//! background thread on a shared snapshot of the map, and the Problems panel shows the last
//! finished check until the new one is done. Everything the canvas needs is computed at once.

use crate::model::{ArgumentMap, Node, NodeId, Outline, Problem, outline, validate};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// Maps with at most this many nodes and links are checked within the frame (a millisecond
/// or two), so a small map's Problems panel is never a moment behind, and tests see it at once.
const CHECK_AT_ONCE: usize = 2_000;

#[derive(Default)]
pub struct Derived {
    revision: Option<u64>,
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
    /// Also collects a finished background check (call it every frame).
    pub fn refresh(&mut self, map: &Arc<ArgumentMap>, revision: u64) -> bool {
        self.collect_check(map, revision);
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
        self.check(map, revision);
        true
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
            derived.refresh(map, revision);
        }
    }

    #[test]
    fn a_big_map_is_checked_in_the_background_and_undo_shows_the_earlier_check_at_once() {
        let mut map = Arc::new(map_of(CHECK_AT_ONCE + 1));
        let mut derived = Derived::default();
        assert!(derived.refresh(&map, 1));
        wait_for_check(&mut derived, &map, 1);
        assert_eq!(derived.problems, validate(&map));
        let before = derived.problems.clone();

        // An edit: one node loses its text (an error) .
        Arc::make_mut(&mut map).nodes[7].text.clear();
        assert!(derived.refresh(&map, 2));
        wait_for_check(&mut derived, &map, 2);
        assert_eq!(derived.problems, validate(&map));
        assert_ne!(derived.problems, before);

        // Undo: back at revision 1, whose problems are known without checking again.
        Arc::make_mut(&mut map).nodes[7].text = "claim 7".into();
        assert!(derived.refresh(&map, 1));
        assert!(!derived.checking());
        assert_eq!(derived.problems, before);
    }

    #[test]
    fn an_edit_during_a_check_is_checked_when_it_finishes() {
        let mut map = Arc::new(map_of(CHECK_AT_ONCE + 1));
        let mut derived = Derived::default();
        derived.refresh(&map, 1);
        Arc::make_mut(&mut map).nodes[3].text.clear();
        derived.refresh(&map, 2);
        Arc::make_mut(&mut map).nodes[4].text.clear();
        derived.refresh(&map, 3);
        wait_for_check(&mut derived, &map, 3);
        assert_eq!(derived.problems, validate(&map));
    }

    #[test]
    fn a_small_map_is_checked_at_once() {
        let mut map = map_of(3);
        map.nodes[1].text.clear();
        let map = Arc::new(map);
        let mut derived = Derived::default();
        derived.refresh(&map, 1);
        assert!(!derived.checking());
        assert_eq!(derived.problems, validate(&map));
    }
}
