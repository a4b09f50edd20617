//! Three-way merge of maps, item by item (matched by id): what each side changed since the
//! common base is combined; the same field changed differently on both sides is a conflict.
//!
//! Rules (see `docs/interchange.md`):
//! - A field changed on one side takes that side's value; changed the same way on both, that
//!   value; changed differently on both, **ours** (and a conflict is reported).
//! - Positions changed on both sides take **ours**, without a conflict (moving cards is not
//!   worth stopping a merge for).
//! - Citations merge as sets: each side's additions and removals both apply.
//! - An item deleted on one side and changed on the other is **kept** with the change (a
//!   conflict): a merge never loses an edit. A node deleted on one side that the other side
//!   links to, cites from, or names as main claim is kept too (a conflict).
//! - Nodes (or sources) added on both sides under the same id with different content are both
//!   kept: theirs gets a fresh id (a note, not a conflict). argmap numbers new nodes `n1`,
//!   `n2`… so two branches often pick the same id.
//! - Order: ours', with theirs' new items after the item they follow in theirs.

use super::compare::short;
use crate::model::{
    ArgumentMap, Citation, Link, MapIndex, Node, NodeId, Source, SourceId, has_errors, validate,
};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

/// The merged map, the conflicts (each one line, in ours' favour), and notes on what the merge
/// decided without a conflict.
#[derive(Clone, Debug)]
pub struct Merged {
    pub map: ArgumentMap,
    pub conflicts: Vec<String>,
    pub notes: Vec<String>,
}

/// The value to take for one field, and whether it is a conflict.
fn three<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> (T, bool) {
    if ours == theirs || base == Some(theirs) {
        (ours.clone(), false)
    } else if base == Some(ours) {
        (theirs.clone(), false)
    } else {
        (ours.clone(), true)
    }
}

fn side_word(ours: bool) -> &'static str {
    if ours { "ours" } else { "theirs" }
}

fn cite_set(citations: &[Citation]) -> HashSet<&Citation> {
    citations.iter().collect()
}

/// Two nodes say the same apart from where they are.
fn same_content(a: &Node, b: &Node) -> bool {
    a.id == b.id
        && a.kind == b.kind
        && a.text == b.text
        && a.notes == b.notes
        && a.pinned == b.pinned
        && a.citations == b.citations
}

/// Fresh ids `prefix` + number for one kind of item: one more than the largest number in use,
/// then counting on, skipping every id in use in the three maps and every id already given
/// out. After `u64::MAX` the count starts again at 0, still skipping what is used, so a fresh
/// id never collides.
struct FreshIds<'a> {
    prefix: &'static str,
    maps: [&'a ArgumentMap; 3],
    ids_of: fn(&ArgumentMap) -> Vec<&str>,
    next: u64,
    /// Gathered on the first call to `fresh`: most merges need no fresh id.
    used: Option<HashSet<String>>,
}

impl<'a> FreshIds<'a> {
    fn new(
        prefix: &'static str,
        maps: [&'a ArgumentMap; 3],
        ids_of: fn(&ArgumentMap) -> Vec<&str>,
    ) -> Self {
        Self {
            prefix,
            maps,
            ids_of,
            next: 0,
            used: None,
        }
    }

    fn fresh(&mut self) -> String {
        let prefix = self.prefix;
        if self.used.is_none() {
            let used: HashSet<String> = self
                .maps
                .iter()
                .flat_map(|m| (self.ids_of)(m))
                .map(str::to_owned)
                .collect();
            let largest = used
                .iter()
                .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
                .max();
            self.next = largest.map_or(1, |n| n.wrapping_add(1));
            self.used = Some(used);
        }
        let used = self.used.as_mut().expect("gathered above");
        loop {
            let id = format!("{prefix}{}", self.next);
            self.next = self.next.wrapping_add(1);
            if used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Theirs, with nodes and sources that both sides added under the same id (with different
/// content) given fresh ids.
fn rename_collisions(
    base: &ArgumentMap,
    ours: &ArgumentMap,
    theirs: &ArgumentMap,
    notes: &mut Vec<String>,
) -> ArgumentMap {
    let original = theirs;
    let mut theirs = original.clone();
    let (base_index, ours_index) = (base.index(), ours.index());
    let mut ids = FreshIds::new("n", [base, ours, original], |m| {
        m.nodes.iter().map(|n| n.id.as_str()).collect()
    });
    let mut node_renames: HashMap<NodeId, NodeId> = HashMap::new();
    for node in &theirs.nodes {
        if !base_index.has_node(&node.id)
            && let Some(o) = ours_index.node(&node.id)
            && !same_content(o, node)
            && !node_renames.contains_key(&node.id)
        {
            let new = ids.fresh();
            notes.push(format!(
                "node {} was added on both sides with different content; theirs' is kept as {}",
                short(node.id.as_str(), 40),
                short(&new, 40)
            ));
            node_renames.insert(node.id.clone(), new.into());
        }
    }
    let rename = |id: &mut NodeId| {
        if let Some(new) = node_renames.get(id) {
            *id = new.clone();
        }
    };
    for node in &mut theirs.nodes {
        rename(&mut node.id);
    }
    for link in &mut theirs.links {
        rename(&mut link.from);
        rename(&mut link.to);
        link.with.iter_mut().for_each(rename);
        if let Some(premise) = &mut link.undercuts {
            rename(premise);
        }
    }
    if let Some(main) = &mut theirs.main_claim {
        rename(main);
    }
    for step in theirs.presentation.iter_mut().flatten() {
        step.nodes.iter_mut().for_each(rename);
    }

    // Renaming nodes left source ids as they were.
    let mut ids = FreshIds::new("s", [base, ours, original], |m| {
        m.sources.iter().map(|s| s.id.as_str()).collect()
    });
    let mut source_renames: HashMap<SourceId, SourceId> = HashMap::new();
    for source in &theirs.sources {
        if !base_index.has_source(&source.id)
            && let Some(o) = ours_index.source(&source.id)
            && o != source
            && !source_renames.contains_key(&source.id)
        {
            let new = ids.fresh();
            notes.push(format!(
                "source {} was added on both sides with different content; theirs' is kept as {}",
                short(source.id.as_str(), 40),
                short(&new, 40)
            ));
            source_renames.insert(source.id.clone(), new.into());
        }
    }
    let rename = |id: &mut SourceId| {
        if let Some(new) = source_renames.get(id) {
            *id = new.clone();
        }
    };
    for source in &mut theirs.sources {
        rename(&mut source.id);
        if let Some(via) = &mut source.reported_in {
            rename(via);
        }
    }
    for node in &mut theirs.nodes {
        for c in &mut node.citations {
            rename(&mut c.source);
        }
    }
    theirs
}

/// Ours' keys in ours' order, theirs' new keys after the key they follow in theirs, then any
/// other kept key in base order.
fn order<K: Clone + Eq + Hash>(ours: &[K], theirs: &[K], base: &[K], keep: &HashSet<K>) -> Vec<K> {
    let in_ours: HashSet<&K> = ours.iter().collect();
    let mut after: HashMap<Option<K>, Vec<K>> = HashMap::new();
    let mut prev: Option<K> = None;
    for k in theirs.iter().filter(|k| keep.contains(k)) {
        if !in_ours.contains(k) {
            after.entry(prev.clone()).or_default().push(k.clone());
        }
        prev = Some(k.clone());
    }
    let mut out = Vec::with_capacity(keep.len());
    let mut placed: HashSet<K> = HashSet::new();
    let mut emit = |start: Option<K>, out: &mut Vec<K>, placed: &mut HashSet<K>| {
        // Depth first without recursion: a chain of additions can be long.
        let mut stack: Vec<K> = after
            .remove(&start)
            .unwrap_or_default()
            .into_iter()
            .rev()
            .collect();
        while let Some(k) = stack.pop() {
            if placed.insert(k.clone()) {
                out.push(k.clone());
                if let Some(more) = after.remove(&Some(k)) {
                    stack.extend(more.into_iter().rev());
                }
            }
        }
    };
    emit(None, &mut out, &mut placed);
    for k in ours.iter().filter(|k| keep.contains(k)) {
        if placed.insert(k.clone()) {
            out.push(k.clone());
        }
        emit(Some(k.clone()), &mut out, &mut placed);
    }
    for k in theirs.iter().chain(base).filter(|k| keep.contains(k)) {
        if placed.insert(k.clone()) {
            out.push(k.clone());
        }
    }
    out
}

struct Merger<'a> {
    base: &'a ArgumentMap,
    ours: &'a ArgumentMap,
    theirs: &'a ArgumentMap,
    conflicts: Vec<String>,
    notes: Vec<String>,
}

macro_rules! merge_fields {
    ($self:ident, $what:expr, $b:expr, $o:expr, $t:expr, $out:ident, [$($field:ident),*]) => {
        $(
            let (value, conflict) = three($b.map(|b| &b.$field), &$o.$field, &$t.$field);
            if conflict {
                $self.conflicts.push(format!(
                    "conflict: {} {} changed on both sides: ours {} / theirs {}",
                    $what,
                    stringify!($field),
                    short(&format!("{:?}", $o.$field).trim_matches('"').replace("\\\"", "\""), 80),
                    short(&format!("{:?}", $t.$field).trim_matches('"').replace("\\\"", "\""), 80),
                ));
            }
            $out.$field = value;
        )*
    };
}

impl Merger<'_> {
    /// The one rule for an item by where it is: on both sides, merged by `both`; deleted on
    /// one side and unchanged on the other, gone; deleted on one side but changed on the
    /// other, the changed version kept and the conflict said; added on one side, kept.
    fn keep_or_delete<T: Clone>(
        &mut self,
        describe: impl Fn() -> String,
        (base, ours, theirs): (Option<&T>, Option<&T>, Option<&T>),
        unchanged: impl Fn(&T, &T) -> bool,
        both: impl FnOnce(&mut Self, Option<&T>, &T, &T) -> T,
    ) -> Option<T> {
        match (base, ours, theirs) {
            (_, Some(o), Some(t)) => Some(both(self, base, o, t)),
            (Some(b), Some(side), None) | (Some(b), None, Some(side)) => {
                if unchanged(b, side) {
                    return None;
                }
                let ours_kept = ours.is_some();
                self.conflicts.push(format!(
                    "conflict: {} was deleted by {} but changed by {}; {}' version is kept",
                    describe(),
                    side_word(!ours_kept),
                    side_word(ours_kept),
                    side_word(ours_kept)
                ));
                Some(side.clone())
            }
            (None, Some(side), None) | (None, None, Some(side)) => Some(side.clone()),
            (_, None, None) => None,
        }
    }

    fn node(&mut self, b: Option<&Node>, o: &Node, t: &Node) -> Node {
        let what = format!("node {}", short(o.id.as_str(), 40));
        let mut out = o.clone();
        merge_fields!(self, what, b, o, t, out, [text, kind, notes, pinned]);
        let (bp, op, tp) = (b.map(|b| b.pos.rounded()), o.pos.rounded(), t.pos.rounded());
        out.pos = if Some(op) == bp { t.pos } else { o.pos };
        if Some(op) != bp && Some(tp) != bp && op != tp {
            self.notes.push(format!(
                "{what} was moved on both sides; ours' position is kept"
            ));
        }
        // Citations: each side's additions and removals apply.
        let base_cites = cite_set(b.map(|b| b.citations.as_slice()).unwrap_or_default());
        let (ours_cites, theirs_cites) = (cite_set(&o.citations), cite_set(&t.citations));
        out.citations = o
            .citations
            .iter()
            .filter(|c| theirs_cites.contains(c) || !base_cites.contains(c))
            .chain(
                t.citations
                    .iter()
                    .filter(|c| !base_cites.contains(c) && !ours_cites.contains(c)),
            )
            .cloned()
            .collect();
        out
    }

    fn source(&mut self, b: Option<&Source>, o: &Source, t: &Source) -> Source {
        let what = format!("source {}", short(o.id.as_str(), 40));
        let mut out = o.clone();
        merge_fields!(
            self,
            what,
            b,
            o,
            t,
            out,
            [
                title,
                kind,
                authors,
                outlet,
                date,
                url,
                accessed,
                reliability,
                credibility,
                reported_in,
                notes,
                text
            ]
        );
        out
    }

    /// Merges items keyed by id; `content_changed` says whether one side edited an item.
    fn nodes(&mut self) -> Vec<Node> {
        let (b, o, t) = (self.base, self.ours, self.theirs);
        let bi: HashMap<&NodeId, &Node> = b.nodes.iter().map(|n| (&n.id, n)).collect();
        let oi: HashMap<&NodeId, &Node> = o.nodes.iter().map(|n| (&n.id, n)).collect();
        let ti: HashMap<&NodeId, &Node> = t.nodes.iter().map(|n| (&n.id, n)).collect();
        let mut merged: HashMap<NodeId, Node> = HashMap::new();
        let all: Vec<&NodeId> = o
            .nodes
            .iter()
            .chain(&t.nodes)
            .chain(&b.nodes)
            .map(|n| &n.id)
            .collect();
        for id in all {
            if merged.contains_key(id) {
                continue;
            }
            let (bn, on, tn) = (
                bi.get(id).copied(),
                oi.get(id).copied(),
                ti.get(id).copied(),
            );
            let kept = self.keep_or_delete(
                || format!("node {}", short(id.as_str(), 40)),
                (bn, on, tn),
                same_content,
                |m, b, o, t| m.node(b, o, t),
            );
            if let Some(node) = kept {
                merged.insert(id.clone(), node);
            }
        }
        let mut result: Vec<Node> = Vec::new();
        self.restore_and_order_nodes(merged, &mut result);
        result
    }

    fn restore_and_order_nodes(&mut self, merged: HashMap<NodeId, Node>, out: &mut Vec<Node>) {
        let keep: HashSet<NodeId> = merged.keys().cloned().collect();
        let ids = |m: &ArgumentMap| m.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
        let mut merged = merged;
        for id in order(&ids(self.ours), &ids(self.theirs), &ids(self.base), &keep) {
            if let Some(n) = merged.remove(&id) {
                out.push(n);
            }
        }
    }

    /// Reasons merged whole, by (first premise, target): each part — relation, co-premises,
    /// undercut, scheme, warrant, answered question — taken from the side that changed it,
    /// and a part changed on both sides differently is a conflict (ours kept).
    fn links(&mut self) -> Vec<Link> {
        let key = |l: &Link| (l.from.clone(), l.to.clone());
        let index = |m: &ArgumentMap| -> HashMap<(NodeId, NodeId), Link> {
            m.links.iter().map(|l| (key(l), l.clone())).collect()
        };
        let (bi, oi, ti) = (index(self.base), index(self.ours), index(self.theirs));
        let mut merged: HashMap<(NodeId, NodeId), Link> = HashMap::new();
        let keys: Vec<(NodeId, NodeId)> = self
            .ours
            .links
            .iter()
            .chain(&self.theirs.links)
            .chain(&self.base.links)
            .map(key)
            .collect();
        for k in keys {
            if merged.contains_key(&k) {
                continue;
            }
            let describe = || {
                format!(
                    "link {} → {}",
                    short(k.0.as_str(), 40),
                    short(k.1.as_str(), 40)
                )
            };
            let kept = self.keep_or_delete(
                describe,
                (bi.get(&k), oi.get(&k), ti.get(&k)),
                |a, b| a == b,
                |m, b, o, t| {
                    let mut out = o.clone();
                    let mut part = |name: &str, conflict: bool, ours: String, theirs: String| {
                        if conflict {
                            m.conflicts.push(format!(
                                "conflict: {} {name} changed on both sides: ours {ours} / theirs {theirs}",
                                describe()
                            ));
                        }
                    };
                    let (r, c) = three(b.map(|l| &l.relation), &o.relation, &t.relation);
                    part("relation", c, o.relation.as_str().into(), t.relation.as_str().into());
                    out.relation = r;
                    let (w, c) = three(b.map(|l| &l.with), &o.with, &t.with);
                    part("co-premises", c, format!("{:?}", o.with), format!("{:?}", t.with));
                    out.with = w;
                    let (u, c) = three(b.map(|l| &l.undercuts), &o.undercuts, &t.undercuts);
                    part("undercut", c, format!("{:?}", o.undercuts), format!("{:?}", t.undercuts));
                    out.undercuts = u;
                    let (sc, c) = three(b.map(|l| &l.scheme), &o.scheme, &t.scheme);
                    part("scheme", c, format!("{:?}", o.scheme), format!("{:?}", t.scheme));
                    out.scheme = sc;
                    let (wa, c) = three(b.map(|l| &l.warrant), &o.warrant, &t.warrant);
                    part("warrant", c, format!("{:?}", o.warrant), format!("{:?}", t.warrant));
                    out.warrant = wa;
                    let (an, c) = three(b.map(|l| &l.answers), &o.answers, &t.answers);
                    part("answered question", c, format!("{:?}", o.answers), format!("{:?}", t.answers));
                    out.answers = an;
                    out
                },
            );
            if let Some(l) = kept {
                merged.insert(k, l);
            }
        }
        let keys_of = |m: &ArgumentMap| m.links.iter().map(key).collect::<Vec<_>>();
        let keep: HashSet<(NodeId, NodeId)> = merged.keys().cloned().collect();
        order(
            &keys_of(self.ours),
            &keys_of(self.theirs),
            &keys_of(self.base),
            &keep,
        )
        .into_iter()
        .filter_map(|k| merged.remove(&k))
        .collect()
    }

    fn sources(&mut self) -> Vec<Source> {
        let (b, o, t) = (self.base, self.ours, self.theirs);
        let (bi, oi, ti) = (b.index(), o.index(), t.index());
        let mut merged: HashMap<SourceId, Source> = HashMap::new();
        let all: Vec<&SourceId> = o
            .sources
            .iter()
            .chain(&t.sources)
            .chain(&b.sources)
            .map(|s| &s.id)
            .collect();
        for id in all {
            if merged.contains_key(id) {
                continue;
            }
            let kept = self.keep_or_delete(
                || format!("source {}", short(id.as_str(), 40)),
                (bi.source(id), oi.source(id), ti.source(id)),
                |a, b| a == b,
                |m, b, o, t| m.source(b, o, t),
            );
            if let Some(s) = kept {
                merged.insert(id.clone(), s);
            }
        }
        let ids = |m: &ArgumentMap| m.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        let keep: HashSet<SourceId> = merged.keys().cloned().collect();
        order(&ids(o), &ids(t), &ids(b), &keep)
            .into_iter()
            .filter_map(|id| merged.remove(&id))
            .collect()
    }

    /// Brings back nodes and sources that one side deleted but the merge still uses: nodes
    /// that links or the main claim name, then sources that nodes cite or that sources are
    /// reported in (a restored source may need the one it is reported in, and so on).
    fn restore_references(&mut self, map: &mut ArgumentMap) {
        // Ours, theirs and base, in the order a restored item is taken from.
        let sides: [MapIndex; 3] = [self.ours.index(), self.theirs.index(), self.base.index()];
        let mut nodes: HashSet<NodeId> = map.nodes.iter().map(|n| n.id.clone()).collect();
        let mut wanted: Vec<(NodeId, String)> = Vec::new();
        for l in &map.links {
            for end in l.premises().chain([&l.to]) {
                if !nodes.contains(end) {
                    wanted.push((
                        end.clone(),
                        format!(
                            "the other side links it ({} → {})",
                            short(l.from.as_str(), 40),
                            short(l.to.as_str(), 40)
                        ),
                    ));
                }
            }
        }
        if let Some(main) = &map.main_claim
            && !nodes.contains(main)
        {
            wanted.push((
                main.clone(),
                "the other side makes it the main claim".into(),
            ));
        }
        for (id, why) in wanted {
            if nodes.contains(&id) {
                continue;
            }
            if let Some(node) = sides.iter().find_map(|side| side.node(&id)) {
                self.conflicts.push(format!(
                    "conflict: node {} was deleted on one side but {why}; the node is kept",
                    short(id.as_str(), 40)
                ));
                map.nodes.push(node.clone());
                nodes.insert(id);
            }
        }

        let mut sources: HashSet<SourceId> = map.sources.iter().map(|s| s.id.clone()).collect();
        let mut wanted: VecDeque<SourceId> = map
            .nodes
            .iter()
            .flat_map(|n| n.citations.iter().map(|c| c.source.clone()))
            .chain(map.sources.iter().filter_map(|s| s.reported_in.clone()))
            .collect();
        while let Some(id) = wanted.pop_front() {
            if sources.contains(&id) {
                continue;
            }
            if let Some(source) = sides.iter().find_map(|side| side.source(&id)) {
                self.conflicts.push(format!(
                    "conflict: source {} was deleted on one side but the other side still cites it; the source is kept",
                    short(id.as_str(), 40)
                ));
                wanted.extend(source.reported_in.clone());
                map.sources.push(source.clone());
                sources.insert(id);
            }
        }
        self.drop_dangling(map, &nodes, &sources);
    }

    /// Removes what still points nowhere after `restore_references`, saying so: with valid
    /// inputs nothing is left (every reference names an item of the side it came from).
    fn drop_dangling(
        &mut self,
        map: &mut ArgumentMap,
        nodes: &HashSet<NodeId>,
        sources: &HashSet<SourceId>,
    ) {
        let mut dropped: Vec<String> = Vec::new();
        map.links.retain(|l| {
            let keep = l.premises().chain([&l.to]).all(|end| nodes.contains(end));
            if !keep {
                dropped.push(format!(
                    "link {} → {}",
                    short(l.from.as_str(), 40),
                    short(l.to.as_str(), 40)
                ));
            }
            keep
        });
        for n in &mut map.nodes {
            n.citations.retain(|c| {
                let keep = sources.contains(&c.source);
                if !keep {
                    dropped.push(format!(
                        "node {}'s citation of {}",
                        short(n.id.as_str(), 40),
                        short(c.source.as_str(), 40)
                    ));
                }
                keep
            });
        }
        for s in &mut map.sources {
            if let Some(via) = &s.reported_in
                && !sources.contains(via)
            {
                dropped.push(format!(
                    "source {}'s \"reported in\" {}",
                    short(s.id.as_str(), 40),
                    short(via.as_str(), 40)
                ));
                s.reported_in = None;
            }
        }
        if let Some(main) = &map.main_claim
            && !nodes.contains(main)
        {
            dropped.push(format!("the main claim {}", short(main.as_str(), 40)));
            map.main_claim = None;
        }
        for what in dropped {
            self.conflicts.push(format!(
                "conflict: {what} names an item that no side has; it is dropped"
            ));
        }
        if let Some(steps) = &mut map.presentation {
            let before: usize = steps.iter().map(|s| s.nodes.len()).sum();
            for step in steps.iter_mut() {
                step.nodes.retain(|id| nodes.contains(id));
            }
            if steps.iter().map(|s| s.nodes.len()).sum::<usize>() < before {
                self.notes
                    .push("the talk lost steps' nodes that the merge deleted".to_owned());
            }
        }
    }
}

/// Merges `ours` and `theirs`, both changed from `base`.
pub fn merge(base: &ArgumentMap, ours: &ArgumentMap, theirs: &ArgumentMap) -> Merged {
    let mut notes = Vec::new();
    let theirs = rename_collisions(base, ours, theirs, &mut notes);
    let mut m = Merger {
        base,
        ours,
        theirs: &theirs,
        conflicts: Vec::new(),
        notes,
    };
    let mut map = ArgumentMap::new("");
    {
        let (b, o, t) = (Some(base), ours, &theirs);
        let what = "the map's";
        let m = &mut m;
        merge_fields!(
            m,
            what,
            b,
            o,
            t,
            map,
            [
                title,
                description,
                main_claim,
                presentation,
                layout_direction
            ]
        );
    }
    map.nodes = m.nodes();
    map.links = m.links();
    map.sources = m.sources();
    m.restore_references(&mut map);
    for p in validate(&map)
        .into_iter()
        .filter(|p| p.severity == crate::model::Severity::Error)
    {
        m.conflicts.push(format!(
            "conflict: the merged map has a problem: {}",
            p.message
        ));
    }
    debug_assert!(!has_errors(&validate(&map)) || !m.conflicts.is_empty());
    Merged {
        map,
        conflicts: m.conflicts,
        notes: m.notes,
    }
}
