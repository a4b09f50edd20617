//! Compound edits built from the map's current state: delete with links, paste.

use super::Edit;
use crate::model::{ArgumentMap, NodeId, Source, SourceId, Step};
use std::collections::{HashMap, HashSet};

/// Deletes the nodes and every link touching them, as one step.
pub fn delete_nodes(map: &ArgumentMap, ids: &[NodeId]) -> Edit {
    let doomed: HashSet<&NodeId> = ids.iter().collect();
    let mut edits = Vec::new();
    // Deleted nodes leave the talk too (and a step left empty goes).
    if let Some(steps) = &map.presentation
        && steps
            .iter()
            .any(|s| s.nodes.iter().any(|n| doomed.contains(n)))
    {
        let kept = steps
            .iter()
            .map(|s| Step {
                title: s.title.clone(),
                nodes: s
                    .nodes
                    .iter()
                    .filter(|n| !doomed.contains(n))
                    .cloned()
                    .collect(),
            })
            .filter(|s| !s.nodes.is_empty())
            .collect();
        edits.push(Edit::SetPresentation { steps: Some(kept) });
    }
    edits.extend(super::reasons::links_without(map, &doomed));
    edits.extend(
        map.nodes
            .iter()
            .filter(|n| doomed.contains(&n.id))
            .map(|n| Edit::RemoveNode { id: n.id.clone() }),
    );
    Edit::Batch(edits)
}

/// Deletes a source as one step: citations of it are removed from every node, and sources
/// reported in it no longer say so. (The user is asked first when any node cites it.)
pub fn delete_source(map: &ArgumentMap, id: &SourceId) -> Edit {
    let mut edits: Vec<Edit> = map
        .nodes
        .iter()
        .filter(|n| n.citations.iter().any(|c| &c.source == id))
        .map(|n| Edit::SetCitations {
            id: n.id.clone(),
            citations: n
                .citations
                .iter()
                .filter(|c| &c.source != id)
                .cloned()
                .collect(),
        })
        .collect();
    edits.extend(
        map.sources
            .iter()
            .filter(|s| s.reported_in.as_ref() == Some(id))
            .map(|s| Edit::UpdateSource {
                source: Source {
                    reported_in: None,
                    ..s.clone()
                },
            }),
    );
    edits.push(Edit::RemoveSource { id: id.clone() });
    Edit::Batch(edits)
}

/// Adds a fragment (nodes with the links among them, and the sources they cite) to `map`,
/// renaming ids that are taken and shifting positions by `offset`. Returns the edit and the
/// new ids of the pasted nodes, in fragment order.
pub fn insert_fragment(
    map: &ArgumentMap,
    fragment: &ArgumentMap,
    offset: (f32, f32),
) -> (Edit, Vec<NodeId>) {
    let mut used: HashSet<String> = map.nodes.iter().map(|n| n.id.0.clone()).collect();
    let mut node_ids = HashMap::new();
    // Number new ids after the largest `n<number>` in use, as `fresh_node_id` does.
    let mut counter = map
        .fresh_node_id()
        .0
        .strip_prefix('n')
        .and_then(|n| n.parse::<u64>().ok())
        .map_or(0, |n| n.wrapping_sub(1));
    // Wrapping is safe: `used` rules out every id taken.
    let mut fresh = |used: &mut HashSet<String>, prefix: &str| loop {
        counter = counter.wrapping_add(1);
        let candidate = format!("{prefix}{counter}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
    };
    let mut edits = Vec::new();
    let mut new_ids = Vec::new();

    // Sources: reuse an identical one already in the map, otherwise add (renamed if needed).
    let mut source_ids = HashMap::new();
    let mut used_sources: HashSet<String> = map.sources.iter().map(|s| s.id.0.clone()).collect();
    let mut next_source = map.sources.len();
    let index = map.index();
    for source in &fragment.sources {
        // An identical source has the same id.
        if index.source(&source.id) == Some(source) {
            continue;
        }
        let mut s = source.clone();
        if used_sources.contains(&s.id.0) {
            let mut k = 1;
            while used_sources.contains(&format!("{}-{k}", s.id.0)) {
                k += 1;
            }
            s.id = format!("{}-{k}", s.id.0).into();
        }
        used_sources.insert(s.id.0.clone());
        source_ids.insert(source.id.clone(), s.id.clone());
        edits.push(Edit::AddSource {
            index: next_source,
            source: s,
        });
        next_source += 1;
    }

    for (index, node) in (map.nodes.len()..).zip(&fragment.nodes) {
        let mut n = node.clone();
        if used.contains(&n.id.0) {
            n.id = fresh(&mut used, "n").into();
        } else {
            used.insert(n.id.0.clone());
        }
        node_ids.insert(node.id.clone(), n.id.clone());
        n.pos.x += offset.0;
        n.pos.y += offset.1;
        for c in &mut n.citations {
            if let Some(renamed) = source_ids.get(&c.source) {
                c.source = renamed.clone();
            }
        }
        new_ids.push(n.id.clone());
        edits.push(Edit::AddNode { index, node: n });
    }
    // Only what holds among the pasted nodes comes along: reasons with the premises pasted,
    // undercuts of reasons pasted, schemes and warrants with them.
    let inner = crate::model::links_among(&fragment.links, &|id| node_ids.get(id).cloned());
    for (index, link) in (map.links.len()..).zip(inner) {
        edits.push(Edit::AddLink { index, link });
    }
    (Edit::Batch(edits), new_ids)
}
