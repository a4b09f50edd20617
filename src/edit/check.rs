//! What edits refuse: an edit that would turn a valid map into one with validation errors
//! (empty ids or texts, citations of missing sources) is refused before it is applied.

use super::EditError;
use crate::model::{ArgumentMap, Citation, Node, Source, SourceId};
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
