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
