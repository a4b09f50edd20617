//! The talk: a sequence of steps that reveal the argument node by node.

use super::{ArgumentMap, NodeId, Relation, outline};
use serde::{Deserialize, Serialize};

/// One step of a talk: the nodes it reveals, and an optional title for the presenter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub nodes: Vec<NodeId>,
}

impl Step {
    pub fn of(nodes: Vec<NodeId>) -> Self {
        Self {
            title: String::new(),
            nodes,
        }
    }
}

/// The default walk through the argument: the main claim first, then each line of support
/// with its evidence, then each counterpoint with its answers — depth first, in the outline's
/// (and so the layout's) order. A node's childless supporters are revealed together in one
/// step, as are its childless opponents; every node appears exactly once.
pub fn default_steps(map: &ArgumentMap) -> Vec<Step> {
    let outline = outline(map);
    let rows = &outline.rows;
    let mut steps: Vec<Step> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let row = &rows[i];
        if row.repeated {
            i += 1;
            continue;
        }
        let id = map.nodes[row.node].id.clone();
        let is_leaf = row.subtree_len == 0;
        // Group with the previous step when both are leaves under the same parent, bearing on
        // it the same way (the "evidence" of a line of support).
        let groups_with_previous = is_leaf
            && row.depth > 0
            && i > 0
            && {
                let prev = &rows[i - 1];
                !prev.repeated
                    && prev.subtree_len == 0
                    && prev.depth == row.depth
                    && prev.relation == row.relation
            }
            && i != outline.unattached_from;
        match steps.last_mut() {
            Some(last) if groups_with_previous => last.nodes.push(id),
            _ => steps.push(Step::of(vec![id])),
        }
        i += 1;
    }
    steps
}

/// The relation word for a step's first node ("supports", "opposes"), for speaker notes.
pub fn relation_word(map: &ArgumentMap, node: &NodeId) -> Option<&'static str> {
    map.outgoing(node).next().map(|l| match l.relation {
        Relation::Supports => "supports",
        Relation::Opposes => "opposes",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_article_talk_starts_at_the_main_claim_and_visits_every_node_once() {
        let map = crate::bundled::article_map();
        let steps = default_steps(&map);
        assert_eq!(steps[0].nodes, vec![map.main_claim().unwrap().clone()]);
        let all: Vec<&NodeId> = steps.iter().flat_map(|s| &s.nodes).collect();
        let unique: HashSet<&NodeId> = all.iter().copied().collect();
        assert_eq!(all.len(), map.nodes.len());
        assert_eq!(unique.len(), map.nodes.len());
        // Evidence under one claim is grouped: fewer steps than nodes.
        assert!(steps.len() < map.nodes.len());
        assert!(steps.iter().all(|s| !s.nodes.is_empty()));
    }
}
