//! Batches applied run by run: a run of like edits (adding or removing many nodes or links, as
//! deleting a selection, pasting and undoing them do) in one pass over the list. One at a time,
//! each edit would search and shift the whole list: quadratic in a big map.
//!
//! A run gives the same map, the same error and the same inverses as its edits applied one by
//! one; a map with duplicate ids (which only a broken file has) takes the one-by-one path.

use super::check::{
    ReasonRules, check_node_fields, cited_sources_exist, source_ids, undercut_of_removed,
};
use super::{Edit, EditError};
use crate::model::{ArgumentMap, Link, Node, NodeId};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    AddNode,
    RemoveNode,
    AddLink,
    RemoveLink,
    UpdateLink,
}

fn run_of(edit: &Edit) -> Option<Run> {
    match edit {
        Edit::AddNode { .. } => Some(Run::AddNode),
        Edit::RemoveNode { .. } => Some(Run::RemoveNode),
        Edit::AddLink { .. } => Some(Run::AddLink),
        Edit::RemoveLink { .. } => Some(Run::RemoveLink),
        Edit::UpdateLink { .. } => Some(Run::UpdateLink),
        _ => None,
    }
}

/// Applies `edits` in order, all or nothing, and returns the inverse batch.
pub(super) fn apply_batch(edits: Vec<Edit>, map: &mut ArgumentMap) -> Result<Edit, EditError> {
    let mut inverses: Vec<Edit> = Vec::with_capacity(edits.len());
    let mut rest = edits.into_iter().peekable();
    while let Some(edit) = rest.next() {
        let result = match run_of(&edit) {
            Some(kind) if rest.peek().and_then(run_of) == Some(kind) => {
                let mut run = vec![edit];
                while let Some(next) = rest.next_if(|e| run_of(e) == Some(kind)) {
                    run.push(next);
                }
                apply_run(kind, run, map).map(|done| inverses.extend(done))
            }
            _ => edit.apply(map).map(|inverse| inverses.push(inverse)),
        };
        if let Err(e) = result {
            // All or nothing: roll back what was applied.
            for inverse in inverses.into_iter().rev() {
                inverse
                    .apply(map)
                    .expect("an inverse applies to the state it was made from");
            }
            return Err(e);
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

/// Runs of at most this many edits are applied one by one, each checked by a scan of the map
/// (as undoing the deletion of a node brings back its few links); longer runs index the map
/// once.
const SCANNED_RUN: usize = 8;

/// A run of edits of one kind; the inverses come in the order the edits were given. On error
/// the map is unchanged.
fn apply_run(kind: Run, run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    // A few edits (deleting one node takes out its few links) are each a scan of the map
    // with nothing hashed; indexing the map, as a long run needs, would cost more.
    if run.len() <= SCANNED_RUN {
        return one_by_one(run, map);
    }
    let unique_nodes = {
        let mut seen = HashSet::with_capacity(map.nodes.len());
        map.nodes.iter().all(|n| seen.insert(&n.id))
    };
    let unique_links = {
        let mut seen = HashSet::with_capacity(map.links.len());
        map.links.iter().all(|l| seen.insert((&l.from, &l.to)))
    };
    if !(unique_nodes && unique_links) {
        return one_by_one(run, map);
    }
    match kind {
        Run::AddNode => add_nodes(run, map),
        Run::RemoveNode => remove_nodes(run, map),
        Run::AddLink => add_links(run, map),
        Run::RemoveLink => remove_links(run, map),
        Run::UpdateLink => update_links(run, map),
    }
}

fn one_by_one(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    match apply_batch_sequentially(run, map)? {
        Edit::Batch(mut inverses) => {
            inverses.reverse();
            Ok(inverses)
        }
        other => Ok(vec![other]),
    }
}

fn apply_batch_sequentially(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(run.len());
    for edit in run {
        match edit.apply(map) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                for inverse in inverses.into_iter().rev() {
                    inverse
                        .apply(map)
                        .expect("an inverse applies to the state it was made from");
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

/// Counts of marked positions, for "how many marked before `i`" and "the `k`-th unmarked".
struct Marks {
    tree: Vec<usize>,
}

impl Marks {
    fn new(len: usize) -> Self {
        Self {
            tree: vec![0; len + 1],
        }
    }

    fn mark(&mut self, i: usize) {
        let mut i = i + 1;
        while i < self.tree.len() {
            self.tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }

    /// Marked positions before `i`.
    fn before(&self, i: usize) -> usize {
        let (mut i, mut sum) = (i, 0);
        while i > 0 {
            sum += self.tree[i];
            i -= i & i.wrapping_neg();
        }
        sum
    }

    /// The position of the `k`-th (from 0) unmarked position.
    fn kth_unmarked(&self, k: usize) -> usize {
        let len = self.tree.len() - 1;
        let (mut pos, mut left) = (0usize, k);
        let mut step = len.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= len {
                let unmarked = step - self.tree[next];
                if unmarked <= left {
                    pos = next;
                    left -= unmarked;
                }
            }
            step /= 2;
        }
        pos
    }
}

/// `list` with `items` inserted one by one, each at its index in the list as it was then
/// (the indices were checked against the growing length).
fn insert_all<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) {
    let total = list.len() + items.len();
    let mut taken = Marks::new(total);
    let mut slots: Vec<Option<T>> = (0..total).map(|_| None).collect();
    // The last insertion keeps its index; each earlier one takes the free slot its index
    // names among those the later ones left.
    for (index, item) in items.into_iter().rev() {
        let slot = taken.kth_unmarked(index);
        taken.mark(slot);
        slots[slot] = Some(item);
    }
    let mut old = std::mem::take(list).into_iter();
    list.reserve(total);
    for slot in slots {
        list.push(slot.or_else(|| old.next()).expect("every slot is filled"));
    }
}

/// Takes the items at `positions` (original positions, distinct) out of `list`, in the
/// order given, with each one's index in the list as it was when it went.
fn remove_all<T>(list: &mut Vec<T>, positions: &[usize]) -> Vec<(usize, T)> {
    let mut removed = Marks::new(list.len());
    let indices: Vec<usize> = positions
        .iter()
        .map(|&p| {
            let index = p - removed.before(p);
            removed.mark(p);
            index
        })
        .collect();
    let mut slots: Vec<Option<T>> = std::mem::take(list).into_iter().map(Some).collect();
    let taken: Vec<T> = positions
        .iter()
        .map(|&p| slots[p].take().expect("positions are distinct"))
        .collect();
    list.extend(slots.into_iter().flatten());
    indices.into_iter().zip(taken).collect()
}

fn add_nodes(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    let mut ids: HashSet<NodeId> = map.nodes.iter().map(|n| n.id.clone()).collect();
    let mut items: Vec<(usize, Node)> = Vec::with_capacity(run.len());
    {
        let sources = source_ids(map);
        for (j, edit) in run.into_iter().enumerate() {
            let Edit::AddNode { index, node } = edit else {
                unreachable!("a run holds one kind of edit")
            };
            if index > map.nodes.len() + j {
                return Err(EditError::BadIndex(index));
            }
            if ids.contains(&node.id) {
                return Err(EditError::DuplicateNode(node.id));
            }
            check_node_fields(&node)?;
            cited_sources_exist(&sources, &node.citations)?;
            ids.insert(node.id.clone());
            items.push((index, node));
        }
    }
    let inverses = items
        .iter()
        .map(|(_, n)| Edit::RemoveNode { id: n.id.clone() })
        .collect();
    insert_all(&mut map.nodes, items);
    Ok(inverses)
}

fn remove_nodes(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    let positions: HashMap<&NodeId, usize> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (&n.id, i))
        .collect();
    let linked: HashSet<&NodeId> = map
        .links
        .iter()
        .flat_map(|l| l.premises().chain([&l.to]))
        .collect();
    let presented: HashSet<&NodeId> = map
        .presentation
        .iter()
        .flatten()
        .flat_map(|s| &s.nodes)
        .collect();
    let mut gone: HashSet<&NodeId> = HashSet::new();
    let mut order: Vec<usize> = Vec::with_capacity(run.len());
    for edit in &run {
        let Edit::RemoveNode { id } = edit else {
            unreachable!("a run holds one kind of edit")
        };
        let Some(&p) = positions.get(id).filter(|_| !gone.contains(id)) else {
            return Err(EditError::NoSuchNode(id.clone()));
        };
        if linked.contains(id) {
            return Err(EditError::NodeHasLinks(id.clone()));
        }
        if presented.contains(id) {
            return Err(EditError::NodeInPresentation(id.clone()));
        }
        gone.insert(id);
        order.push(p);
    }
    let main = map.main_claim.clone();
    let removed = remove_all(&mut map.nodes, &order);
    Ok(removed
        .into_iter()
        .map(|(index, node)| {
            // Removing the main claim unsets it; the inverse restores both.
            if main.as_ref() == Some(&node.id) {
                map.main_claim = None;
                let id = node.id.clone();
                Edit::Batch(vec![
                    Edit::AddNode { index, node },
                    Edit::SetMainClaim { id: Some(id) },
                ])
            } else {
                Edit::AddNode { index, node }
            }
        })
        .collect())
}

fn add_links(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    let mut rules = ReasonRules::of(map, None);
    let mut items: Vec<(usize, Link)> = Vec::with_capacity(run.len());
    for (j, edit) in run.into_iter().enumerate() {
        let Edit::AddLink { index, link } = edit else {
            unreachable!("a run holds one kind of edit")
        };
        if index > map.links.len() + j {
            return Err(EditError::BadIndex(index));
        }
        rules.admit(&link)?;
        items.push((index, link));
    }
    drop(rules);
    let inverses = items
        .iter()
        .map(|(_, l)| Edit::RemoveLink {
            from: l.from.clone(),
            to: l.to.clone(),
        })
        .collect();
    insert_all(&mut map.links, items);
    Ok(inverses)
}

fn remove_links(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    let positions = map.reason_index();
    let mut gone: HashSet<usize> = HashSet::new();
    let mut order: Vec<usize> = Vec::with_capacity(run.len());
    for edit in &run {
        let Edit::RemoveLink { from, to } = edit else {
            unreachable!("a run holds one kind of edit")
        };
        match positions.get(&(from, to)) {
            Some(&p) if gone.insert(p) => order.push(p),
            _ => return Err(EditError::NoSuchLink(from.clone(), to.clone())),
        }
    }
    let gone_ends: HashSet<(&NodeId, &NodeId)> = order
        .iter()
        .map(|&p| (&map.links[p].from, &map.links[p].to))
        .collect();
    if let Some(undercut) = undercut_of_removed(map, &gone_ends) {
        let (from, to) = undercut
            .undercut_target()
            .expect("an undercut has a target");
        return Err(EditError::LinkUndercut(from.clone(), to.clone()));
    }
    let removed = remove_all(&mut map.links, &order);
    Ok(removed
        .into_iter()
        .map(|(index, link)| Edit::AddLink { index, link })
        .collect())
}

type Ends = (NodeId, NodeId);

fn ends_of(link: &Link) -> Ends {
    (link.from.clone(), link.to.clone())
}

/// Changes many reasons at once (as deleting co-premises does): each is checked against the
/// rules as they stand after the ones before it, all before any is applied.
fn update_links(run: Vec<Edit>, map: &mut ArgumentMap) -> Result<Vec<Edit>, EditError> {
    // Rules are taken back link by link below, which is exact only when no two links claim
    // the same premise (only a broken file has that).
    let premises_unique = {
        let mut seen = HashSet::with_capacity(map.links.len());
        map.links
            .iter()
            .all(|l| l.premises().all(|p| seen.insert((p, &l.to))))
    };
    if !premises_unique {
        return one_by_one(run, map);
    }
    let mut updates: Vec<(usize, Link)> = Vec::with_capacity(run.len());
    {
        let mut rules = ReasonRules::of(map, None);
        let mut positions: HashMap<Ends, usize> = map
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| (ends_of(l), i))
            .collect();
        // How many links undercut each reason, by the reason's ends.
        let mut undercut_count: HashMap<Ends, usize> = HashMap::new();
        for link in &map.links {
            if let Some((p, t)) = link.undercut_target() {
                *undercut_count.entry((p.clone(), t.clone())).or_default() += 1;
            }
        }
        let mut replaced: HashMap<usize, Link> = HashMap::new();
        for edit in run {
            let Edit::UpdateLink { from, to, link } = edit else {
                unreachable!("a run holds one kind of edit")
            };
            let key = (from, to);
            let Some(&index) = positions.get(&key) else {
                return Err(EditError::NoSuchLink(key.0, key.1));
            };
            let old = replaced.get(&index).unwrap_or(&map.links[index]).clone();
            rules.forget(&old);
            rules.admit(&link)?;
            if let Some((p, t)) = old.undercut_target()
                && let Some(n) = undercut_count.get_mut(&(p.clone(), t.clone()))
            {
                *n -= 1;
            }
            let renamed = link.from != key.0 || link.to != key.1;
            if renamed && undercut_count.get(&key).is_some_and(|&n| n > 0) {
                return Err(EditError::LinkUndercut(key.0, key.1));
            }
            if let Some((p, t)) = link.undercut_target() {
                *undercut_count.entry((p.clone(), t.clone())).or_default() += 1;
            }
            positions.remove(&key);
            positions.insert(ends_of(&link), index);
            replaced.insert(index, link.clone());
            updates.push((index, link));
        }
    }
    Ok(updates
        .into_iter()
        .map(|(index, link)| {
            let (from, to) = ends_of(&link);
            let old = std::mem::replace(&mut map.links[index], link);
            Edit::UpdateLink {
                from,
                to,
                link: old,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertions_land_where_one_by_one_inserts_put_them() {
        let inserts = [(0, 'a'), (1, 'b'), (0, 'c'), (5, 'd'), (2, 'e')];
        let mut one_by_one: Vec<char> = "xyz".chars().collect();
        for &(i, c) in &inserts {
            one_by_one.insert(i, c);
        }
        let mut all: Vec<char> = "xyz".chars().collect();
        insert_all(&mut all, inserts.to_vec());
        assert_eq!(all, one_by_one);
    }

    #[test]
    fn removals_give_the_index_each_item_had_when_it_went() {
        let mut list: Vec<char> = "abcdef".chars().collect();
        let removed = remove_all(&mut list, &[4, 1, 5, 0]);
        assert_eq!(list, ['c', 'd']);
        assert_eq!(removed, [(4, 'e'), (1, 'b'), (3, 'f'), (0, 'a')]);
        // Re-inserting in reverse order restores the list.
        let mut back = list.clone();
        for (i, c) in removed.into_iter().rev() {
            back.insert(i, c);
        }
        assert_eq!(back.iter().collect::<String>(), "abcdef");
    }
}
