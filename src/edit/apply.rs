use super::check::{admit_one, check_citations, check_node, check_source, undercut_of_removed};
use super::{Edit, EditError};
use crate::model::{ArgumentMap, Node, NodeId, Relation};
use std::collections::HashSet;

impl Edit {
    /// Applies the edit to `map` and returns its inverse. On error the map is unchanged.
    pub fn apply(self, map: &mut ArgumentMap) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::AddNode { index, node } => {
                if index > map.nodes.len() {
                    return Err(EditError::BadIndex(index));
                }
                if map.node(&node.id).is_some() {
                    return Err(EditError::DuplicateNode(node.id));
                }
                check_node(map, &node)?;
                let id = node.id.clone();
                map.nodes.insert(index, node);
                Edit::RemoveNode { id }
            }
            Edit::RemoveNode { id } => {
                let index = position(map, &id)?;
                if map
                    .links
                    .iter()
                    .any(|l| l.to == id || l.premises().any(|p| p == &id))
                {
                    return Err(EditError::NodeHasLinks(id));
                }
                if map
                    .presentation
                    .iter()
                    .flatten()
                    .any(|s| s.nodes.contains(&id))
                {
                    return Err(EditError::NodeInPresentation(id));
                }
                let node = map.nodes.remove(index);
                // Removing the main claim unsets it; the inverse restores both.
                if map.main_claim.as_ref() == Some(&id) {
                    map.main_claim = None;
                    return Ok(Edit::Batch(vec![
                        Edit::AddNode { index, node },
                        Edit::SetMainClaim { id: Some(id) },
                    ]));
                }
                Edit::AddNode { index, node }
            }
            Edit::SetText { id, text } => {
                if text.trim().is_empty() {
                    return Err(EditError::EmptyText);
                }
                let node = node_mut(map, &id)?;
                let old = std::mem::replace(&mut node.text, text);
                Edit::SetText { id, text: old }
            }
            Edit::SetNotes { id, notes } => {
                let node = node_mut(map, &id)?;
                let old = std::mem::replace(&mut node.notes, notes);
                Edit::SetNotes { id, notes: old }
            }
            Edit::SetKind { id, kind } => {
                let node = node_mut(map, &id)?;
                let old = std::mem::replace(&mut node.kind, kind);
                Edit::SetKind { id, kind: old }
            }
            Edit::SetPinned { id, pinned } => {
                let node = node_mut(map, &id)?;
                let old = std::mem::replace(&mut node.pinned, pinned);
                Edit::SetPinned { id, pinned: old }
            }
            Edit::Move { moves } => {
                let index = map.node_index();
                let mut targets = Vec::with_capacity(moves.len());
                for (id, _) in &moves {
                    targets.push(
                        *index
                            .get(id)
                            .ok_or_else(|| EditError::NoSuchNode(id.clone()))?,
                    );
                }
                let mut old = Vec::with_capacity(moves.len());
                for ((id, pos), i) in moves.into_iter().zip(targets) {
                    old.push((id, map.nodes[i].pos));
                    map.nodes[i].pos = pos.rounded();
                }
                // Restore in reverse so a node listed twice ends where it started.
                old.reverse();
                Edit::Move { moves: old }
            }
            Edit::AddLink { index, link } => {
                if index > map.links.len() {
                    return Err(EditError::BadIndex(index));
                }
                admit_one(map, None, &link)?;
                let (from, to) = (link.from.clone(), link.to.clone());
                map.links.insert(index, link);
                Edit::RemoveLink { from, to }
            }
            Edit::RemoveLink { from, to } => {
                let index = link_position(map, &from, &to)?;
                let gone = HashSet::from([(&from, &to)]);
                if undercut_of_removed(map, &gone).is_some() {
                    return Err(EditError::LinkUndercut(from, to));
                }
                let link = map.links.remove(index);
                Edit::AddLink { index, link }
            }
            Edit::UpdateLink { from, to, link } => {
                let index = link_position(map, &from, &to)?;
                admit_one(map, Some(index), &link)?;
                let renamed = link.from != from || link.to != to;
                if renamed {
                    let gone = HashSet::from([(&from, &to)]);
                    if undercut_of_removed(map, &gone).is_some() {
                        return Err(EditError::LinkUndercut(from, to));
                    }
                }
                let (new_from, new_to) = (link.from.clone(), link.to.clone());
                let old = std::mem::replace(&mut map.links[index], link);
                Edit::UpdateLink {
                    from: new_from,
                    to: new_to,
                    link: old,
                }
            }
            Edit::SetRelation { from, to, relation } => {
                let link = map
                    .links
                    .iter_mut()
                    .find(|l| l.same_ends(&from, &to))
                    .ok_or_else(|| EditError::NoSuchLink(from.clone(), to.clone()))?;
                // An undercut attacks an inference: it can only oppose.
                if link.is_undercut() && relation != Relation::Opposes {
                    return Err(EditError::CannotRetargetUndercut);
                }
                let old = std::mem::replace(&mut link.relation, relation);
                Edit::SetRelation {
                    from,
                    to,
                    relation: old,
                }
            }
            Edit::SetCitations { id, citations } => {
                check_citations(map, &citations)?;
                let node = node_mut(map, &id)?;
                let old = std::mem::replace(&mut node.citations, citations);
                Edit::SetCitations { id, citations: old }
            }
            Edit::AddSource { index, source } => {
                if index > map.sources.len() {
                    return Err(EditError::BadIndex(index));
                }
                if map.source(&source.id).is_some() {
                    return Err(EditError::DuplicateSource(source.id));
                }
                check_source(map, &source)?;
                let id = source.id.clone();
                map.sources.insert(index, source);
                Edit::RemoveSource { id }
            }
            Edit::RemoveSource { id } => {
                let index = map
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| EditError::NoSuchSource(id.clone()))?;
                let cited = map
                    .nodes
                    .iter()
                    .any(|n| n.citations.iter().any(|c| c.source == id));
                if cited
                    || map
                        .sources
                        .iter()
                        .any(|s| s.reported_in.as_ref() == Some(&id))
                {
                    return Err(EditError::SourceInUse(id));
                }
                let source = map.sources.remove(index);
                Edit::AddSource { index, source }
            }
            Edit::UpdateSource { source } => {
                check_source(map, &source)?;
                let slot = map
                    .sources
                    .iter_mut()
                    .find(|s| s.id == source.id)
                    .ok_or_else(|| EditError::NoSuchSource(source.id.clone()))?;
                let old = std::mem::replace(slot, source);
                Edit::UpdateSource { source: old }
            }
            Edit::SetTitle { title } => Edit::SetTitle {
                title: std::mem::replace(&mut map.title, title),
            },
            Edit::SetDescription { description } => Edit::SetDescription {
                description: std::mem::replace(&mut map.description, description),
            },
            Edit::SetMainClaim { id } => {
                if let Some(id) = &id {
                    position(map, id)?;
                }
                Edit::SetMainClaim {
                    id: std::mem::replace(&mut map.main_claim, id),
                }
            }
            Edit::SetPresentation { steps } => {
                let nodes: HashSet<&NodeId> = map.nodes.iter().map(|n| &n.id).collect();
                if let Some(id) = steps
                    .iter()
                    .flatten()
                    .flat_map(|s| &s.nodes)
                    .find(|id| !nodes.contains(id))
                {
                    return Err(EditError::NoSuchNode(id.clone()));
                }
                Edit::SetPresentation {
                    steps: std::mem::replace(&mut map.presentation, steps),
                }
            }
            Edit::Batch(edits) => super::bulk::apply_batch(edits, map)?,
        })
    }
}

fn position(map: &ArgumentMap, id: &NodeId) -> Result<usize, EditError> {
    map.node_position(id)
        .ok_or_else(|| EditError::NoSuchNode(id.clone()))
}

fn link_position(map: &ArgumentMap, from: &NodeId, to: &NodeId) -> Result<usize, EditError> {
    map.links
        .iter()
        .position(|l| l.same_ends(from, to))
        .ok_or_else(|| EditError::NoSuchLink(from.clone(), to.clone()))
}

fn node_mut<'a>(map: &'a mut ArgumentMap, id: &NodeId) -> Result<&'a mut Node, EditError> {
    map.node_mut(id)
        .ok_or_else(|| EditError::NoSuchNode(id.clone()))
}
