//! Compound edits on reasons: deleting links and nodes a reason depends on, adding and
//! removing premises, joining two reasons into one linked reason and splitting one apart,
//! retargeting, undercutting, and setting a scheme or warrant.
//!
//! A reason is named by its first premise and its target, and an undercut names the reason it
//! attacks that way. An edit that renames a reason (its first premise goes, or it is
//! retargeted) takes the undercuts along: they are removed, the reason is changed, and they
//! come back naming it anew — one step, one undo.

use super::{Edit, EditError};
use crate::model::{ArgumentMap, Link, NodeId, Relation};
use std::collections::{HashMap, HashSet};

type Ends = (NodeId, NodeId);

fn ends(link: &Link) -> Ends {
    (link.from.clone(), link.to.clone())
}

/// The links undercutting each reason, by the attacked reason's ends: built once per edit.
fn undercuts_by_target(map: &ArgumentMap) -> HashMap<(&NodeId, &NodeId), Vec<usize>> {
    let mut by_target: HashMap<(&NodeId, &NodeId), Vec<usize>> = HashMap::new();
    for (i, link) in map.links.iter().enumerate() {
        if let Some(target) = link.undercut_target() {
            by_target.entry(target).or_default().push(i);
        }
    }
    by_target
}

/// Indices of the links undercutting any of `roots`, and those undercutting them, and so
/// on, each once, in link order.
fn undercut_closure(map: &ArgumentMap, roots: &[usize]) -> Vec<usize> {
    let by_target = undercuts_by_target(map);
    let roots_set: HashSet<usize> = roots.iter().copied().collect();
    let mut found: HashSet<usize> = HashSet::new();
    let mut queue: Vec<usize> = roots.to_vec();
    while let Some(i) = queue.pop() {
        let link = &map.links[i];
        for &u in by_target.get(&(&link.from, &link.to)).into_iter().flatten() {
            if !roots_set.contains(&u) && found.insert(u) {
                queue.push(u);
            }
        }
    }
    let mut out: Vec<usize> = found.into_iter().collect();
    out.sort_unstable();
    out
}

/// `links` in the order to remove them: each undercut before the reason it attacks (the
/// deepest undercuts first, then by position). Every step then leaves a well-formed map, and
/// the undo, running backwards, puts reasons back before their undercuts.
fn removal_order(map: &ArgumentMap, links: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut order: Vec<usize> = links.into_iter().collect();
    order.sort_unstable();
    order.dedup();
    let position: HashMap<(&NodeId, &NodeId), usize> = order
        .iter()
        .map(|&i| ((&map.links[i].from, &map.links[i].to), i))
        .collect();
    // How many undercuts, among `links`, stand between each link and a reason not undercut.
    let mut depth: HashMap<usize, usize> = HashMap::with_capacity(order.len());
    for &start in &order {
        let mut path = Vec::new();
        let mut at = Some(start);
        let mut base = 0;
        while let Some(i) = at {
            if let Some(&known) = depth.get(&i) {
                base = known + 1;
                break;
            }
            if path.len() > order.len() {
                break; // a circle of undercuts, which only a broken file has
            }
            path.push(i);
            at = map.links[i]
                .undercut_target()
                .and_then(|t| position.get(&t).copied());
        }
        for (k, &i) in path.iter().rev().enumerate() {
            depth.insert(i, base + k);
        }
    }
    order.sort_by_key(|i| (std::cmp::Reverse(depth[i]), *i));
    order
}

fn link_index(map: &ArgumentMap, (from, to): (&NodeId, &NodeId)) -> Result<usize, EditError> {
    map.links
        .iter()
        .position(|l| l.same_ends(from, to))
        .ok_or_else(|| EditError::NoSuchLink(from.clone(), to.clone()))
}

/// Deletes the given links (by their ends) and every undercut of them, as one step.
pub fn delete_links(map: &ArgumentMap, links: &[Ends]) -> Edit {
    let wanted: HashSet<(&NodeId, &NodeId)> = links.iter().map(|(f, t)| (f, t)).collect();
    let roots: Vec<usize> = map
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| wanted.contains(&(&l.from, &l.to)))
        .map(|(i, _)| i)
        .collect();
    let closure = undercut_closure(map, &roots);
    let doomed = removal_order(map, roots.into_iter().chain(closure));
    // Links not in the map are still asked for, so the edit reports them.
    let mut edits: Vec<Edit> = doomed
        .iter()
        .map(|&i| Edit::RemoveLink {
            from: map.links[i].from.clone(),
            to: map.links[i].to.clone(),
        })
        .collect();
    let found: HashSet<(&NodeId, &NodeId)> = doomed
        .iter()
        .map(|&i| (&map.links[i].from, &map.links[i].to))
        .collect();
    edits.extend(
        links
            .iter()
            .filter(|(f, t)| !found.contains(&(f, t)))
            .map(|(from, to)| Edit::RemoveLink {
                from: from.clone(),
                to: to.clone(),
            }),
    );
    Edit::Batch(edits)
}

/// What becomes of the links when the nodes `doomed` go: links to them or with no premise
/// left are removed with their undercuts; a reason that loses some premises keeps the rest
/// (its next premise becoming the first). Returns the link edits, to run before the nodes go.
pub(super) fn links_without(map: &ArgumentMap, doomed: &HashSet<&NodeId>) -> Vec<Edit> {
    let mut removed = Vec::new();
    let mut changed: Vec<(usize, Link)> = Vec::new();
    for (i, link) in map.links.iter().enumerate() {
        let touched = doomed.contains(&link.to) || link.premises().any(|p| doomed.contains(p));
        if !touched {
            continue;
        }
        let kept: Vec<&NodeId> = link.premises().filter(|p| !doomed.contains(p)).collect();
        if doomed.contains(&link.to) || kept.is_empty() {
            removed.push(i);
        } else {
            let mut new = link.clone();
            new.from = kept[0].clone();
            new.with = kept[1..].iter().map(|p| (*p).clone()).collect();
            changed.push((i, new));
        }
    }
    rebuild_links(map, &removed, changed)
}

/// The edits that remove the links `removed` (with their undercuts) and change the links
/// `changed` to their new form, taking along undercuts of changed reasons whose name changes.
fn rebuild_links(map: &ArgumentMap, removed: &[usize], changed: Vec<(usize, Link)>) -> Vec<Edit> {
    let mut gone: HashSet<usize> = removed.iter().copied().collect();
    gone.extend(undercut_closure(map, removed));
    // Undercuts of renamed reasons leave and come back naming the reason anew.
    let renamed: Vec<usize> = changed
        .iter()
        .filter(|(i, new)| ends(new) != ends(&map.links[*i]))
        .map(|(i, _)| *i)
        .collect();
    // Re-added attacked-first, so each finds the reason it names.
    let mut carried: Vec<usize> = removal_order(
        map,
        undercut_closure(map, &renamed)
            .into_iter()
            .filter(|i| !gone.contains(i)),
    );
    carried.reverse();
    let mut new_name: HashMap<Ends, Ends> = changed
        .iter()
        .map(|(i, new)| (ends(&map.links[*i]), ends(new)))
        .collect();
    let leaving = removal_order(map, gone.iter().copied().chain(carried.iter().copied()));
    let mut edits: Vec<Edit> = leaving
        .iter()
        .map(|&i| Edit::RemoveLink {
            from: map.links[i].from.clone(),
            to: map.links[i].to.clone(),
        })
        .collect();
    let carried_set: HashSet<usize> = carried.iter().copied().collect();
    for (i, new) in changed {
        if gone.contains(&i) || carried_set.contains(&i) {
            continue;
        }
        let old = &map.links[i];
        edits.push(Edit::UpdateLink {
            from: old.from.clone(),
            to: old.to.clone(),
            link: new,
        });
    }
    // Back at the end of the list, in their order, each naming its reason's new name: the
    // reasons they attack come first, as an undercut needs its reason to exist.
    for (index, &i) in (map.links.len() - leaving.len()..).zip(&carried) {
        let mut link = map.links[i].clone();
        let attacked = link
            .undercut_target()
            .map(|(p, t)| (p.clone(), t.clone()))
            .expect("a carried link is an undercut");
        if let Some((premise, to)) = new_name.get(&attacked) {
            link.undercuts = Some(premise.clone());
            link.to = to.clone();
        }
        new_name.insert(ends(&map.links[i]), ends(&link));
        edits.push(Edit::AddLink { index, link });
    }
    edits
}

/// The reason `(from → to)` changed by `change`, as one step that takes its undercuts along.
fn change_reason(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    change: impl FnOnce(&mut Link) -> Result<(), EditError>,
) -> Result<Edit, EditError> {
    let i = link_index(map, reason)?;
    let mut new = map.links[i].clone();
    change(&mut new)?;
    Ok(Edit::Batch(rebuild_links(map, &[], vec![(i, new)])))
}

/// Adds `premise` as a co-premise of the reason `(from → to)`, after its other premises.
/// A reason `premise` already had on the same target is joined in (see [`join_reasons`]).
pub fn add_premise(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    premise: &NodeId,
) -> Result<Edit, EditError> {
    if map.links.iter().any(|l| l.same_ends(premise, reason.1)) {
        return join_reasons(map, reason, (premise, reason.1));
    }
    change_reason(map, reason, |link| {
        link.with.push(premise.clone());
        Ok(())
    })
}

/// Takes `premise` out of the reason `(from → to)`; the node stays. A reason's last premise
/// cannot go (delete the link instead).
pub fn remove_premise(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    premise: &NodeId,
) -> Result<Edit, EditError> {
    change_reason(map, reason, |link| {
        if !link.is_linked() || !link.premises().any(|p| p == premise) {
            return Err(EditError::NoSuchLink(premise.clone(), link.to.clone()));
        }
        let kept: Vec<NodeId> = link.premises().filter(|p| *p != premise).cloned().collect();
        link.from = kept[0].clone();
        link.with = kept[1..].to_vec();
        Ok(())
    })
}

/// Takes `premise` out of the linked reason `(from → to)` into a reason of its own on the
/// same node, the same way: the premises no longer count only together, and the link it had
/// stays (dragging a card out of a reason's box).
pub fn take_out_premise(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    premise: &NodeId,
) -> Result<Edit, EditError> {
    let relation = map.links[link_index(map, reason)?].relation;
    let out = remove_premise(map, reason, premise)?;
    Ok(Edit::Batch(vec![
        out,
        Edit::AddLink {
            index: map.links.len(),
            link: Link::new(premise.clone(), reason.1.clone(), relation),
        },
    ]))
}

/// Joins the reason `other` into `keep`: both bear on the same node with the same relation,
/// and become one linked reason holding `keep`'s premises then `other`'s. `other`'s scheme and
/// warrant are kept when `keep` has none; its undercuts move over to the joined reason.
pub fn join_reasons(
    map: &ArgumentMap,
    keep: (&NodeId, &NodeId),
    other: (&NodeId, &NodeId),
) -> Result<Edit, EditError> {
    let k = link_index(map, keep)?;
    let o = link_index(map, other)?;
    let (a, b) = (&map.links[k], &map.links[o]);
    if k == o || a.to != b.to || a.relation != b.relation || a.is_undercut() || b.is_undercut() {
        return Err(EditError::CannotJoin);
    }
    let mut joined = a.clone();
    joined.with.extend(b.premises().cloned());
    joined.scheme = joined.scheme.or_else(|| b.scheme.clone());
    joined.warrant = joined.warrant.or_else(|| b.warrant.clone());
    // `other`'s undercuts now attack the joined reason.
    let mut edits = Vec::new();
    let moved = undercut_closure(map, &[o]);
    let direct: HashSet<usize> = undercuts_by_target(map)
        .get(&(&b.from, &b.to))
        .into_iter()
        .flatten()
        .copied()
        .collect();
    for &i in &moved {
        edits.push(Edit::RemoveLink {
            from: map.links[i].from.clone(),
            to: map.links[i].to.clone(),
        });
    }
    edits.push(Edit::RemoveLink {
        from: b.from.clone(),
        to: b.to.clone(),
    });
    edits.push(Edit::UpdateLink {
        from: a.from.clone(),
        to: a.to.clone(),
        link: joined,
    });
    for (index, &i) in (map.links.len() - moved.len() - 1..).zip(&moved) {
        let mut link = map.links[i].clone();
        if direct.contains(&i) {
            link.undercuts = Some(a.from.clone());
        }
        edits.push(Edit::AddLink { index, link });
    }
    Ok(Edit::Batch(edits))
}

/// Splits a linked reason into one reason per premise, each with the relation, scheme and
/// warrant it had; undercuts stay on the first premise's reason.
pub fn split_reason(map: &ArgumentMap, reason: (&NodeId, &NodeId)) -> Result<Edit, EditError> {
    let i = link_index(map, reason)?;
    let link = &map.links[i];
    if !link.is_linked() {
        return Err(EditError::CannotSplit);
    }
    let mut first = link.clone();
    first.with.clear();
    let mut edits = vec![Edit::UpdateLink {
        from: link.from.clone(),
        to: link.to.clone(),
        link: first.clone(),
    }];
    for (k, premise) in link.with.iter().enumerate() {
        let mut single = first.clone();
        single.from = premise.clone();
        edits.push(Edit::AddLink {
            index: i + 1 + k,
            link: single,
        });
    }
    Ok(Edit::Batch(edits))
}

/// Points the reason `(from → to)` at `target` instead; its undercuts follow it.
pub fn retarget(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    target: &NodeId,
) -> Result<Edit, EditError> {
    change_reason(map, reason, |link| {
        if link.is_undercut() {
            return Err(EditError::CannotRetargetUndercut);
        }
        link.to = target.clone();
        Ok(())
    })
}

/// A link from `attacker` undercutting the reason `(from → to)`: it denies that the reason's
/// premises support its target. Added after the other links.
pub fn undercut(
    map: &ArgumentMap,
    attacker: &NodeId,
    reason: (&NodeId, &NodeId),
) -> Result<Edit, EditError> {
    link_index(map, reason)?;
    Ok(Edit::AddLink {
        index: map.links.len(),
        link: Link::undercut(attacker.clone(), reason.0.clone(), reason.1.clone()),
    })
}

/// Sets (or, with `None`, clears) the reason's scheme.
pub fn set_scheme(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    scheme: Option<String>,
) -> Result<Edit, EditError> {
    change_reason(map, reason, |link| {
        link.scheme = scheme.filter(|s| !s.trim().is_empty());
        Ok(())
    })
}

/// Sets (or, with empty text, clears) the reason's warrant.
pub fn set_warrant(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    warrant: &str,
) -> Result<Edit, EditError> {
    change_reason(map, reason, |link| {
        link.warrant = Some(warrant.to_owned()).filter(|w| !w.trim().is_empty());
        Ok(())
    })
}

/// Sets which critical question of the attacked reason's scheme this reason answers.
pub fn set_answers(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    answers: Option<u32>,
) -> Result<Edit, EditError> {
    change_reason(map, reason, |link| {
        link.answers = answers;
        Ok(())
    })
}

/// Flips between supports and opposes (an undercut always opposes).
pub fn set_relation(
    map: &ArgumentMap,
    reason: (&NodeId, &NodeId),
    relation: Relation,
) -> Result<Edit, EditError> {
    change_reason(map, reason, |link| {
        if link.is_undercut() && relation != Relation::Opposes {
            return Err(EditError::CannotRetargetUndercut);
        }
        link.relation = relation;
        Ok(())
    })
}
