//! What edits refuse: an edit that would turn a valid map into one with validation errors
//! (empty ids or texts, citations of missing sources) is refused before it is applied.

use super::EditError;
use crate::model::{ArgumentMap, Citation, Link, Node, NodeId, Source, SourceId};
use std::collections::HashSet;

/// Edits keep a valid map valid: what would be a validation error is refused up front.
pub(super) fn check_node(map: &ArgumentMap, node: &Node) -> Result<(), EditError> {
    check_node_fields(node)?;
    check_citations(map, &node.citations)
}

pub(super) fn check_node_fields(node: &Node) -> Result<(), EditError> {
    if node.id.as_str().trim().is_empty() {
        return Err(EditError::EmptyId);
    }
    if node.text.trim().is_empty() {
        return Err(EditError::EmptyText);
    }
    Ok(())
}

/// Every cited source is in the map (one pass over the sources, not one per citation).
pub(super) fn check_citations(map: &ArgumentMap, citations: &[Citation]) -> Result<(), EditError> {
    if citations.is_empty() {
        return Ok(());
    }
    cited_sources_exist(&source_ids(map), citations)
}

pub(super) fn source_ids(map: &ArgumentMap) -> HashSet<&SourceId> {
    map.sources.iter().map(|s| &s.id).collect()
}

pub(super) fn cited_sources_exist(
    sources: &HashSet<&SourceId>,
    citations: &[Citation],
) -> Result<(), EditError> {
    match citations.iter().find(|c| !sources.contains(&c.source)) {
        Some(c) => Err(EditError::NoSuchSource(c.source.clone())),
        None => Ok(()),
    }
}

pub(super) fn check_source(map: &ArgumentMap, source: &Source) -> Result<(), EditError> {
    if source.id.as_str().trim().is_empty() {
        return Err(EditError::EmptyId);
    }
    if source.title.trim().is_empty() {
        return Err(EditError::EmptyTitle);
    }
    match &source.reported_in {
        Some(via) if via == &source.id || map.source(via).is_none() => {
            Err(EditError::NoSuchSource(via.clone()))
        }
        _ => Ok(()),
    }
}

/// What makes a set of reasons well formed, indexed once so that checking many links stays
/// linear: ends and co-premises exist, no reason links a node to itself or lists a premise
/// twice or names its target as a premise, one reason per (first premise, target) pair, a
/// node is a premise of at most one reason on a node, and an undercut's reason exists.
pub(super) struct ReasonRules<'a> {
    nodes: HashSet<&'a NodeId>,
    /// (first premise, target) of every reason.
    pairs: HashSet<(NodeId, NodeId)>,
    /// (premise, target) of every premise of every reason.
    premises: HashSet<(NodeId, NodeId)>,
}

impl<'a> ReasonRules<'a> {
    /// The rules for adding to `map`'s links, leaving out the link at `except` (one being
    /// replaced).
    pub(super) fn of(map: &'a ArgumentMap, except: Option<usize>) -> Self {
        let mut rules = Self {
            nodes: map.nodes.iter().map(|n| &n.id).collect(),
            pairs: HashSet::with_capacity(map.links.len()),
            premises: HashSet::with_capacity(map.links.len()),
        };
        for (i, link) in map.links.iter().enumerate() {
            if Some(i) != except {
                rules.record(link);
            }
        }
        rules
    }

    fn record(&mut self, link: &Link) {
        self.pairs.insert((link.from.clone(), link.to.clone()));
        for p in link.premises() {
            self.premises.insert((p.clone(), link.to.clone()));
        }
    }

    /// Takes `link` out of the rules, as when it is about to be replaced.
    pub(super) fn forget(&mut self, link: &Link) {
        let to = link.to.clone();
        self.pairs.remove(&(link.from.clone(), to.clone()));
        for p in link.premises() {
            self.premises.remove(&(p.clone(), to.clone()));
        }
    }

    /// Checks `link` against the rules and, when it passes, counts it in.
    pub(super) fn admit(&mut self, link: &Link) -> Result<(), EditError> {
        for end in link.premises().chain([&link.to]) {
            if !self.nodes.contains(end) {
                return Err(EditError::NoSuchNode(end.clone()));
            }
        }
        if link.premises().any(|p| p == &link.to) {
            return Err(EditError::SelfLink);
        }
        if self.pairs.contains(&(link.from.clone(), link.to.clone())) {
            return Err(EditError::DuplicateLink);
        }
        let mut seen = HashSet::new();
        for p in link.premises() {
            if !seen.insert(p) {
                return Err(EditError::DuplicatePremise(p.clone()));
            }
            if self.premises.contains(&(p.clone(), link.to.clone())) {
                return Err(EditError::AlreadyBearsOn(p.clone(), link.to.clone()));
            }
        }
        if let Some(premise) = &link.undercuts
            && (premise == &link.from || !self.pairs.contains(&(premise.clone(), link.to.clone())))
        {
            return Err(EditError::NoSuchLink(premise.clone(), link.to.clone()));
        }
        self.record(link);
        Ok(())
    }
}

/// Checks one `link` about to be added to `map` (in place of the link at `except`, if any)
/// by the same rules as [`ReasonRules::admit`], with the same error for the same link, in
/// one pass over the nodes and one over the links: building the rules' sets for one link
/// cost more than the rest of an edit on a big map. For many links at once, [`ReasonRules`]
/// stays linear.
pub(super) fn admit_one(
    map: &ArgumentMap,
    except: Option<usize>,
    link: &Link,
) -> Result<(), EditError> {
    let ends = || link.premises().chain([&link.to]);
    let premises = link.premises().count();
    // Which of the link's premises and target exist (a premise named twice is one node).
    let mut found = vec![false; premises + 1];
    for node in &map.nodes {
        for (k, end) in ends().enumerate() {
            if &node.id == end {
                found[k] = true;
            }
        }
    }
    if let Some(k) = found.iter().position(|f| !f) {
        let missing = ends().nth(k).expect("one flag per end");
        return Err(EditError::NoSuchNode(missing.clone()));
    }
    if link.premises().any(|p| p == &link.to) {
        return Err(EditError::SelfLink);
    }
    let mut duplicate = false;
    let mut bears = vec![false; premises];
    let mut attacked_exists = false;
    for (i, other) in map.links.iter().enumerate() {
        if Some(i) == except || other.to != link.to {
            continue;
        }
        duplicate |= other.from == link.from;
        for p in other.premises() {
            for (k, mine) in link.premises().enumerate() {
                if mine == p {
                    bears[k] = true;
                }
            }
        }
        attacked_exists |= link.undercuts.as_ref() == Some(&other.from);
    }
    if duplicate {
        return Err(EditError::DuplicateLink);
    }
    for (k, p) in link.premises().enumerate() {
        if link.premises().take(k).any(|q| q == p) {
            return Err(EditError::DuplicatePremise(p.clone()));
        }
        if bears[k] {
            return Err(EditError::AlreadyBearsOn(p.clone(), link.to.clone()));
        }
    }
    if let Some(premise) = &link.undercuts
        && (premise == &link.from || !attacked_exists)
    {
        return Err(EditError::NoSuchLink(premise.clone(), link.to.clone()));
    }
    Ok(())
}

/// Links that undercut one of `gone` (by ends) and are not themselves going: removing the
/// reasons they attack would leave them pointing at nothing.
pub(super) fn undercut_of_removed<'m>(
    map: &'m ArgumentMap,
    gone: &HashSet<(&NodeId, &NodeId)>,
) -> Option<&'m Link> {
    map.links.iter().find(|l| {
        l.undercut_target().is_some_and(|t| gone.contains(&t)) && !gone.contains(&(&l.from, &l.to))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind, Position, Relation};
    use proptest::prelude::*;

    /// A link among nodes `n0`…`n4` (and a missing `n9`), maybe linked, maybe an undercut.
    fn any_link() -> impl Strategy<Value = Link> {
        let id = || {
            (0..6usize).prop_map(|i| {
                if i == 5 {
                    "n9".to_owned()
                } else {
                    format!("n{i}")
                }
            })
        };
        (
            id(),
            id(),
            proptest::collection::vec(id(), 0..3),
            proptest::option::of(id()),
        )
            .prop_map(|(from, to, with, undercuts)| {
                let mut link = Link::new(from, to, Relation::Opposes);
                link.with = with.into_iter().map(Into::into).collect();
                link.undercuts = undercuts.map(Into::into);
                link
            })
    }

    proptest! {
        /// One link checked alone gets the answer the indexed rules give, error and all.
        #[test]
        fn admit_one_agrees_with_the_indexed_rules(
            links in proptest::collection::vec(any_link(), 0..12),
            candidate in any_link(),
            replace in proptest::option::of(0..12usize),
        ) {
            let mut map = ArgumentMap::new("t");
            for i in 0..5 {
                map.nodes.push(Node::new(format!("n{i}"), NodeKind::Claim, "x", Position::default()));
            }
            // Only well-formed maps: each link kept if the rules admit it.
            for link in links {
                if ReasonRules::of(&map, None).admit(&link).is_ok() {
                    map.links.push(link);
                }
            }
            let except = replace.filter(|&i| i < map.links.len());
            prop_assert_eq!(
                admit_one(&map, except, &candidate),
                ReasonRules::of(&map, except).admit(&candidate)
            );
        }

    }
}
