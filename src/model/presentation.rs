//! The talk: a sequence of steps that reveal the argument node by node.

use super::{ArgumentMap, NodeId, Relation, outline};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

    /// Everything the talk has revealed by step `k` (counted from 0) of `steps`: the nodes of
    /// steps 0..=k. The nodes of step `k` itself are current (highlighted); the others are
    /// earlier (dimmed); nodes of later steps are hidden. Past the end means the last step.
    /// Presentation mode and the handout exports draw from this same selection.
    pub fn shown_at(steps: &[Step], k: usize) -> HashSet<NodeId> {
        let end = k.saturating_add(1).min(steps.len());
        steps[..end]
            .iter()
            .flat_map(|s| s.nodes.iter().cloned())
            .collect()
    }

    /// What the camera frames for a step whose nodes are `current`, with `shown` revealed so
    /// far: the step's nodes and the shown nodes linked to them (their neighbours give context;
    /// presentation mode falls back to the step's nodes alone when that would make the text
    /// small).
    pub fn framed_with_neighbours(
        map: &ArgumentMap,
        shown: &HashSet<NodeId>,
        current: &HashSet<NodeId>,
    ) -> HashSet<NodeId> {
        let mut framed = current.clone();
        for link in &map.links {
            if current.contains(&link.from) && shown.contains(&link.to) {
                framed.insert(link.to.clone());
            }
            if current.contains(&link.to) && shown.contains(&link.from) {
                framed.insert(link.from.clone());
            }
        }
        framed
    }

    /// The source line of this step: one "Source: TITLE, AUTHORS — reliability B2" per source
    /// its nodes cite, in order, each once.
    pub fn source_lines(&self, map: &ArgumentMap) -> Vec<String> {
        // A step of a few nodes (presentation mode asks every frame) scans for them; a big
        // one (a whole map's leaves) builds an index rather than scanning once per node.
        let index = (self.nodes.len() > 4).then(|| map.index());
        let node = |id: &NodeId| index.as_ref().map_or_else(|| map.node(id), |i| i.node(id));
        let source = |id: &crate::model::SourceId| {
            index
                .as_ref()
                .map_or_else(|| map.source(id), |i| i.source(id))
        };
        let mut lines: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for id in &self.nodes {
            let Some(node) = node(id) else { continue };
            for c in &node.citations {
                let Some(source) = source(&c.source) else {
                    continue;
                };
                let mut line = format!("Source: {}", source.title);
                if !source.authors.is_empty() {
                    line.push_str(&format!(", {}", source.authors.join(", ")));
                }
                if let Some(r) = source.rating() {
                    line.push_str(&format!(" — reliability {r}"));
                }
                if seen.insert(line.clone()) {
                    lines.push(line);
                }
            }
        }
        lines
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

    #[test]
    fn a_step_shows_what_came_before_and_frames_its_linked_neighbours() {
        let map = crate::bundled::article_map();
        let steps = default_steps(&map);
        let first = Step::shown_at(&steps, 0);
        assert_eq!(first.len(), steps[0].nodes.len());
        let second = Step::shown_at(&steps, 1);
        assert!(first.is_subset(&second));
        assert_eq!(second.len(), steps[0].nodes.len() + steps[1].nodes.len());
        // Past the end is the last step: everything in the talk.
        assert_eq!(Step::shown_at(&steps, usize::MAX).len(), map.nodes.len());
        assert!(Step::shown_at(&[], 3).is_empty());
        // Step 2 bears on the main claim, shown at step 1: the frame holds both.
        let current: HashSet<NodeId> = steps[1].nodes.iter().cloned().collect();
        let framed = Step::framed_with_neighbours(&map, &second, &current);
        assert!(framed.is_superset(&current));
        assert!(framed.contains(map.main_claim().unwrap()));
        assert!(framed.is_subset(&second));
    }

    #[test]
    fn the_source_line_names_each_cited_source_once_with_its_rating() {
        let map = crate::bundled::article_map();
        let all = Step::of(map.nodes.iter().map(|n| n.id.clone()).collect());
        let lines = all.source_lines(&map);
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|l| l.starts_with("Source: ")));
        let unique: HashSet<&String> = lines.iter().collect();
        assert_eq!(unique.len(), lines.len());
        assert!(lines.iter().any(|l| l.contains(" — reliability ")));
        assert!(Step::of(vec![]).source_lines(&map).is_empty());
    }
}
