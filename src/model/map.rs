use super::{Link, Node, NodeId, NodeKind, Relation, Source, SourceId};
use std::collections::HashMap;

/// A whole argument map: what a `.ron` file holds.
///
/// Nodes, links and sources keep the order they were added in; that order is the file order,
/// so a save of an unchanged map writes the same bytes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArgumentMap {
    pub title: String,
    pub description: String,
    /// The claim the whole argument is about. When unset, [`ArgumentMap::main_claim`] infers it.
    pub main_claim: Option<NodeId>,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
    pub sources: Vec<Source>,
    /// The talk's steps, when the presenter has arranged them; `None` walks the argument in
    /// its default order (see [`crate::model::default_steps`]).
    pub presentation: Option<Vec<crate::model::Step>>,
}

impl ArgumentMap {
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    pub fn node(&self, id: &NodeId) -> Option<&Node> {
        self.nodes.iter().find(|n| &n.id == id)
    }

    pub fn node_mut(&mut self, id: &NodeId) -> Option<&mut Node> {
        self.nodes.iter_mut().find(|n| &n.id == id)
    }

    pub fn node_position(&self, id: &NodeId) -> Option<usize> {
        self.nodes.iter().position(|n| &n.id == id)
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    pub fn link(&self, from: &NodeId, to: &NodeId) -> Option<&Link> {
        self.links.iter().find(|l| l.same_ends(from, to))
    }

    /// Nodes that cite the source `id`, in map order.
    pub fn citing_nodes<'a>(&'a self, id: &'a SourceId) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes
            .iter()
            .filter(move |n| n.citations.iter().any(|c| &c.source == id))
    }

    /// Index of every node by id, for code that looks up many nodes at once.
    pub fn node_index(&self) -> HashMap<&NodeId, usize> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (&n.id, i))
            .collect()
    }

    /// The main claim: the one named in the file, or else the claim that most of the map
    /// leads to (most nodes reach it through links), ties broken by file order.
    pub fn main_claim(&self) -> Option<&NodeId> {
        if let Some(id) = &self.main_claim
            && self.node(id).is_some()
        {
            return Some(id);
        }
        let index = self.node_index();
        let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for link in &self.links {
            if let (Some(&f), Some(&t)) = (index.get(&link.from), index.get(&link.to)) {
                incoming[t].push(f);
            }
        }
        let reach = |start: usize| {
            let mut seen = vec![false; self.nodes.len()];
            let mut stack = vec![start];
            seen[start] = true;
            let mut count = 0usize;
            while let Some(i) = stack.pop() {
                count += 1;
                for &j in &incoming[i] {
                    if !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
            count
        };
        // Only claims that bear on nothing else can be the root of the argument.
        let mut has_outgoing = vec![false; self.nodes.len()];
        for link in &self.links {
            if let Some(&f) = index.get(&link.from) {
                has_outgoing[f] = true;
            }
        }
        let candidates = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| n.kind == NodeKind::Claim && !has_outgoing[*i]);
        let mut best: Option<(usize, usize)> = None;
        for (i, _) in candidates {
            let score = reach(i);
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| &self.nodes[i].id)
            .or_else(|| self.nodes.first().map(|n| &n.id))
    }

    /// The steps of the talk: the arranged ones, or the default walk.
    pub fn steps(&self) -> Vec<crate::model::Step> {
        match &self.presentation {
            Some(steps) => steps.clone(),
            None => crate::model::default_steps(self),
        }
    }

    /// Links that end at `id` (what supports or opposes it).
    pub fn incoming<'a>(&'a self, id: &'a NodeId) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| &l.to == id)
    }

    /// Links that start at `id` (what it supports or opposes).
    pub fn outgoing<'a>(&'a self, id: &'a NodeId) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| &l.from == id)
    }

    /// A node id not yet used in this map, such as `n12`.
    pub fn fresh_node_id(&self) -> NodeId {
        fresh_id("n", self.nodes.iter().map(|n| n.id.as_str())).into()
    }

    /// A source id not yet used in this map, such as `s3`.
    pub fn fresh_source_id(&self) -> SourceId {
        fresh_id("s", self.sources.iter().map(|s| s.id.as_str())).into()
    }

    /// The relation a new link gets by default: counterpoints oppose, everything else supports.
    pub fn default_relation(from: NodeKind) -> Relation {
        match from {
            NodeKind::Counterpoint => Relation::Opposes,
            NodeKind::Claim | NodeKind::Evidence => Relation::Supports,
        }
    }
}

/// `prefix` followed by one more than the largest number already used with that prefix.
fn fresh_id<'a>(prefix: &str, used: impl Iterator<Item = &'a str>) -> String {
    let next = used
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .map_or(1, |n| n + 1);
    format!("{prefix}{next}")
}

impl From<String> for NodeId {
    fn from(id: String) -> Self {
        NodeId(id)
    }
}

impl From<String> for SourceId {
    fn from(id: String) -> Self {
        SourceId(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Position;

    fn node(id: &str, kind: NodeKind) -> Node {
        Node::new(id, kind, format!("text of {id}"), Position::default())
    }

    #[test]
    fn main_claim_prefers_the_named_one() {
        let mut map = ArgumentMap::new("t");
        map.nodes = vec![node("a", NodeKind::Claim), node("b", NodeKind::Claim)];
        map.main_claim = Some("b".into());
        assert_eq!(map.main_claim(), Some(&NodeId::from("b")));
    }

    #[test]
    fn main_claim_is_inferred_as_the_claim_most_of_the_map_leads_to() {
        let mut map = ArgumentMap::new("t");
        map.nodes = vec![
            node("side", NodeKind::Claim),
            node("sub", NodeKind::Claim),
            node("root", NodeKind::Claim),
            node("e1", NodeKind::Evidence),
            node("e2", NodeKind::Evidence),
        ];
        map.links = vec![
            Link::new("sub", "root", Relation::Supports),
            Link::new("e1", "sub", Relation::Supports),
            Link::new("e2", "root", Relation::Supports),
        ];
        assert_eq!(map.main_claim(), Some(&NodeId::from("root")));
    }

    #[test]
    fn fresh_ids_skip_used_numbers() {
        let mut map = ArgumentMap::new("t");
        map.nodes = vec![node("n1", NodeKind::Claim), node("n7", NodeKind::Claim)];
        assert_eq!(map.fresh_node_id(), NodeId::from("n8"));
        assert_eq!(
            ArgumentMap::new("t").fresh_source_id(),
            SourceId::from("s1")
        );
    }
}
