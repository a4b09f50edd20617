//! Facts derived from the map that the UI needs every frame, recomputed only when it changes.
//!
//! The argument check (`model::validate`) of a big map takes longer than a frame (about
//! 185 ms at 100,000 nodes, 9 ms at 10,000), so above [`CHECK_AT_ONCE`] it runs on a
//! background thread on a shared snapshot of the map, and the Problems panel shows the last
//! finished check until the new one is done. Everything the canvas needs is computed at once.

use crate::edit::{Change, ChangeLog};
use crate::evaluate::{Evaluation, Judgements, Status, evaluate};
use crate::model::{
    ArgumentMap, Node, NodeId, Outline, Problem, Severity, outline_with_ends, validate,
};
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
    main_id: Option<NodeId>,
    pub outline: Outline,
    /// Validation problems and doubtful spots, for the Problems panel: those of the last
    /// finished check (see [`Derived::checking`]).
    pub problems: Vec<Problem>,
    /// How the map's reasons weigh on its main claim, found with the problems (and, for a
    /// big map, with them in the background): `None` for a map without a main claim or
    /// with errors, which is not weighed.
    pub main_status: Option<Status>,
    /// The whole weighing, of the same revision as `problems` (see [`Derived::weighing`]).
    weighing: Option<Evaluation>,
    /// Each link's ends as node indices (`None` for a link to a missing node), in link order.
    pub link_ends: Vec<Option<(usize, usize)>>,
    /// Each link's co-premises as node indices, so that drawing and culling reasons every
    /// frame looks nothing up by id.
    pub co_premises: CoPremises,
    /// How each link is drawn. Kept apart from the links so that culling a big map's links
    /// each frame reads only this and the ends, not every link (a link is a cache line or two
    /// of its own: reading one field of each took most of a frame at 100,000 links).
    pub link_shapes: Vec<LinkShape>,
    checks: Checks,
}

/// The argument check of big maps, off the UI thread.
#[derive(Default)]
struct Checks {
    /// The revision `Derived::problems` belongs to.
    done_for: Option<u64>,
    /// The check under way, for this revision.
    running: Option<(u64, Receiver<Findings>)>,
    /// The problems of the revision before the current one, so undoing an edit shows them
    /// at once instead of checking the map again.
    previous: Option<(u64, Findings)>,
}

/// What checking a map finds: its problems, its weighing (`argmap evaluate`) and its main
/// claim's status in it. A map with errors is not weighed.
type Findings = (Vec<Problem>, Option<Evaluation>, Option<Status>);

fn findings(map: &ArgumentMap) -> Findings {
    let problems = validate(map);
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return (problems, None, None);
    }
    let weighing = evaluate(map, &Judgements::none(map));
    let main = map
        .main_claim()
        .and_then(|id| map.nodes.iter().position(|n| &n.id == id));
    let status = main.map(|n| weighing.nodes[n]);
    (problems, Some(weighing), status)
}

/// What a link draws beyond a plain arrow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkShape {
    /// A box round its premises.
    pub linked: bool,
    /// Its arrow lands on another reason's.
    pub undercut: bool,
    /// For an undercut, the index of the reason it attacks (`None` when that reason is not
    /// in the map: the arrow then aims at the target card).
    pub attacked: Option<u32>,
}

impl LinkShape {
    pub fn is_plain(self) -> bool {
        !self.linked && !self.undercut
    }
}

/// Every link's co-premises (its premises after the first) as node indices, in one list.
#[derive(Clone, Debug, Default)]
pub struct CoPremises {
    /// Where link `i`'s co-premises start in `nodes`; one more entry than there are links.
    starts: Vec<usize>,
    nodes: Vec<usize>,
}

impl CoPremises {
    /// The indices of `map`'s co-premises found in `index` (a missing one is left out, as
    /// drawing leaves it out). Hashes only the co-premises, about one link in five.
    pub fn of_map(map: &ArgumentMap, index: &HashMap<NodeId, usize>) -> Self {
        let mut starts = Vec::with_capacity(map.links.len() + 1);
        let mut nodes = Vec::new();
        for link in &map.links {
            starts.push(nodes.len());
            nodes.extend(link.with.iter().filter_map(|p| index.get(p).copied()));
        }
        starts.push(nodes.len());
        Self { starts, nodes }
    }

    /// Link `i`'s co-premises; none for a link the list does not know.
    pub fn of(&self, i: usize) -> &[usize] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.nodes[a..b],
            _ => &[],
        }
    }
}

/// Each undercut's attacked reason, by link index. Only the pairs undercuts name are looked
/// for, so a map without undercuts costs one pass and no hashing.
fn attacked_reasons(
    map: &ArgumentMap,
    link_ends: &[Option<(usize, usize)>],
    index: &HashMap<NodeId, usize>,
) -> HashMap<usize, usize> {
    let mut wanted: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, link) in map.links.iter().enumerate() {
        if let Some((premise, to)) = link.undercut_target()
            && let (Some(&p), Some(&t)) = (index.get(premise), index.get(to))
        {
            wanted.entry((p, t)).or_default().push(i);
        }
    }
    let mut attacked = HashMap::new();
    if wanted.is_empty() {
        return attacked;
    }
    for (r, ends) in link_ends.iter().enumerate() {
        if let Some(undercuts) = ends.as_ref().and_then(|e| wanted.get(e)) {
            for &u in undercuts {
                if u != r {
                    attacked.insert(u, r);
                }
            }
        }
    }
    attacked
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
        let mut change = change;
        if change.structure() {
            if change.rebuild || !self.follow_shifts(map, &change) {
                self.rebuild_index(map);
                change = Change::everything();
            }
            let main_id = map.main_claim().cloned();
            self.main = main_id.as_ref().and_then(|id| self.index.get(id).copied());
            // The card rectangles depend on which card is the main claim.
            change.main |= main_id != self.main_id;
            self.main_id = main_id;
        }
        if change.structure() {
            let attacked = attacked_reasons(map, &self.link_ends, &self.index);
            self.co_premises = CoPremises::of_map(map, &self.index);
            self.link_shapes = map
                .links
                .iter()
                .map(|l| LinkShape {
                    linked: l.is_linked(),
                    undercut: l.is_undercut(),
                    attacked: None,
                })
                .collect();
            for (undercut, reason) in attacked {
                self.link_shapes[undercut].attacked = Some(reason as u32);
            }
        }
        if change.structure() || change.order {
            let index = &self.index;
            self.outline =
                outline_with_ends(map, &self.link_ends, self.main, |id| index.get(id).copied());
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
    }

    /// Updates the index and link ends for the nodes and links `change` inserted and
    /// removed: a pass over each with no hashing, where rebuilding hashes every id. False when
    /// the result does not agree with the map (then the caller rebuilds).
    fn follow_shifts(&mut self, map: &ArgumentMap, change: &Change) -> bool {
        let node_shifts = change.shifts.iter().any(|s| {
            matches!(
                s,
                crate::edit::Shift::NodeInserted(_) | crate::edit::Shift::NodeRemoved(_)
            )
        });
        if !change.shift_links(&mut self.link_ends, None) {
            return false;
        }
        if node_shifts {
            self.index.retain(|_, i| match change.node_after(*i) {
                Some(after) => {
                    *i = after;
                    true
                }
                None => false,
            });
            for i in change.inserted_nodes() {
                let Some(node) = map.nodes.get(i) else {
                    return false;
                };
                self.index.entry(node.id.clone()).or_insert(i);
            }
            for ends in self.link_ends.iter_mut().flatten() {
                match (change.node_after(ends.0), change.node_after(ends.1)) {
                    (Some(f), Some(t)) => *ends = (f, t),
                    _ => return false, // a link kept to a removed node: not a real edit
                }
            }
        }
        let index = &self.index;
        for i in change.inserted_links() {
            let Some(link) = map.links.get(i) else {
                return false;
            };
            self.link_ends[i] = (|| Some((*index.get(&link.from)?, *index.get(&link.to)?)))();
        }
        // A link to a missing node (only broken files have them) may have found its node.
        if !change.inserted_nodes().is_empty() && self.link_ends.iter().any(Option::is_none) {
            return false;
        }
        // A cheap guard against a change the log did not describe: the counts must agree.
        self.link_ends.len() == map.links.len() && self.index.len() <= map.nodes.len()
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

    /// The weighing of the current map, by node and link index; `None` while a big map's
    /// check runs (the last weighing's indices may not fit the map) or for a map with errors.
    pub fn weighing(&self) -> Option<&Evaluation> {
        self.weighing.as_ref().filter(|_| !self.checking())
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
            let (done, found) = self.checks.previous.take().expect("just seen");
            self.show_problems(done, found);
            return;
        }
        if map.nodes.len() + map.links.len() <= CHECK_AT_ONCE {
            self.show_problems(revision, findings(map));
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
                let problems = findings(&snapshot);
                // Let go of the map before saying so: the next edit then changes it in place
                // instead of copying it.
                drop(snapshot);
                let _ = send.send(problems);
            });
        match spawned {
            Ok(_) => self.checks.running = Some((revision, receive)),
            Err(_) => self.show_problems(revision, findings(map)), // no thread: check here
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

    fn show_problems(&mut self, revision: u64, (problems, weighing, status): Findings) {
        let old = (
            std::mem::replace(&mut self.problems, problems),
            std::mem::replace(&mut self.weighing, weighing),
            std::mem::replace(&mut self.main_status, status),
        );
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

    /// After every edit, undo and redo, the facts kept up to date by change equal the facts
    /// computed afresh, and so do Find's matches and the card rectangles.
    #[test]
    fn facts_followed_through_edits_equal_facts_rebuilt() {
        use crate::app::canvas::CardSizes;
        use crate::app::document::Document;
        use crate::app::panels::find::{FindState, matches};
        use crate::edit::{Edit, delete_nodes};
        use crate::model::{Link, Relation};
        let mut map = map_of(40);
        map.links = (1..40)
            .map(|i| Link::new(format!("n{i}"), format!("n{}", i / 3), Relation::Supports))
            .collect();
        map.main_claim = Some("n0".into());
        let mut doc = Document::new(map, None);
        let (mut derived, mut sizes, mut find) = (
            Derived::default(),
            CardSizes::default(),
            FindState::default(),
        );
        find.open();
        find.query = "claim 1".into();
        let check = |doc: &Document,
                     derived: &mut Derived,
                     sizes: &mut CardSizes,
                     find: &mut FindState,
                     step: &str| {
            derived.refresh(doc.shared_map(), doc.version(), doc.changes());
            sizes.sync(doc.map(), derived);
            find.refresh(doc.map(), derived.changes(), &derived.index);
            let mut fresh = Derived::default();
            fresh.refresh(doc.shared_map(), doc.version(), &ChangeLog::default());
            assert_eq!(derived.index, fresh.index, "{step}");
            assert_eq!(derived.link_ends, fresh.link_ends, "{step}");
            assert_eq!(derived.main, fresh.main, "{step}");
            assert_eq!(derived.outline, fresh.outline, "{step}");
            assert_eq!(find.found(), matches(doc.map(), "claim 1"), "{step}");
            let mut fresh_sizes = CardSizes::default();
            fresh_sizes.sync(doc.map(), &fresh);
            for i in 0..doc.map().nodes.len() {
                assert_eq!(sizes.rect_at(i), fresh_sizes.rect_at(i), "{step}: card {i}");
            }
            // The links' reaches kept from frame to frame follow the cards and links too.
            sizes.sync_links(derived);
            fresh_sizes.sync_links(&fresh);
            for i in 0..doc.map().links.len() {
                let kept = sizes.link_reach(i);
                assert!(kept.is_some(), "{step}: link {i}");
                assert_eq!(kept, fresh_sizes.link_reach(i), "{step}: link {i}");
            }
        };
        check(&doc, &mut derived, &mut sizes, &mut find, "opened");
        let node = Node::new(
            "new",
            NodeKind::Evidence,
            "claim 1 again",
            Position::default(),
        );
        let steps: Vec<(&str, Edit)> = vec![
            (
                "add",
                Edit::Batch(vec![
                    Edit::AddNode { index: 5, node },
                    Edit::AddLink {
                        index: 2,
                        link: Link::new("new", "n3", Relation::Opposes),
                    },
                ]),
            ),
            (
                "delete",
                delete_nodes(doc.map(), &["n4".into(), "n13".into()]),
            ),
            (
                "text",
                Edit::SetText {
                    id: "n20".into(),
                    text: "claim 1 now".into(),
                },
            ),
            (
                "move",
                Edit::Move {
                    moves: vec![("n7".into(), Position::new(900.0, 0.0))],
                },
            ),
            (
                "main",
                Edit::SetMainClaim {
                    id: Some("n1".into()),
                },
            ),
            ("delete main", delete_nodes(doc.map(), &["n1".into()])),
        ];
        for (name, edit) in steps {
            // The deletions were built from the opening map: rebuild them from the current.
            let edit = match (name, edit) {
                ("delete", _) => delete_nodes(doc.map(), &["n4".into(), "n13".into()]),
                ("delete main", _) => delete_nodes(doc.map(), &["n1".into()]),
                (_, edit) => edit,
            };
            doc.apply(edit).unwrap();
            check(&doc, &mut derived, &mut sizes, &mut find, name);
            // ...and were followed, not rebuilt.
            let last = |log: &ChangeLog| log.since(log.newest() - 1).unwrap();
            assert!(!last(doc.changes()).rebuild, "{name}");
            assert!(!last(derived.changes()).rebuild, "{name}");
        }
        while doc.undo().is_some() {
            check(&doc, &mut derived, &mut sizes, &mut find, "undo");
        }
        while doc.redo().is_some() {
            check(&doc, &mut derived, &mut sizes, &mut find, "redo");
        }
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
