use super::{Link, Node, NodeId, NodeKind, Relation, Source, SourceId};
use std::collections::{HashMap, HashSet};

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
    /// Which way Arrange grows the map's trees from their roots; saved with the map so every
    /// later Arrange (in the window or `argmap arrange`) keeps the author's choice.
    pub layout_direction: LayoutDirection,
}

/// Which way Arrange lays out the trees: where a node's children go relative to it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum LayoutDirection {
    /// Children below what they bear on: the main claim at the top.
    #[default]
    Down,
    /// Children above what they bear on: the main claim at the bottom, as Rationale draws.
    Up,
    /// Children to the right of what they bear on: the main claim on the left.
    Right,
}

impl LayoutDirection {
    pub const ALL: [LayoutDirection; 3] = [
        LayoutDirection::Down,
        LayoutDirection::Up,
        LayoutDirection::Right,
    ];

    /// The word used on the command line and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            LayoutDirection::Down => "down",
            LayoutDirection::Up => "up",
            LayoutDirection::Right => "right",
        }
    }

    pub fn is_default(&self) -> bool {
        *self == LayoutDirection::default()
    }
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

    /// Index of every reason (link) by its name, (first premise, target), for code that
    /// looks up many reasons at once (undercuts find the reason they attack by it).
    pub fn reason_index(&self) -> HashMap<(&NodeId, &NodeId), usize> {
        self.links
            .iter()
            .enumerate()
            .map(|(i, l)| ((&l.from, &l.to), i))
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
        let n = self.nodes.len();
        let index = self.node_index();
        let ends: Vec<(usize, usize)> = self
            .links
            .iter()
            .filter_map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
            .collect();
        let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
        // Only claims that bear on nothing else can be the root of the argument.
        let mut has_outgoing = vec![false; n];
        for &(f, t) in &ends {
            incoming[t].push(f);
            has_outgoing[f] = true;
        }
        // A claim reaches at most the nodes of its connected part of the map: the biggest
        // parts are tried first and parts too small to win are skipped, so a map of many
        // separate claims is not walked once per claim.
        let part_size = connected_part_sizes(n, &ends);
        let mut candidates: Vec<usize> = (0..n)
            .filter(|&i| self.nodes[i].kind == NodeKind::Claim && !has_outgoing[i])
            .collect();
        candidates.sort_by_key(|&i| std::cmp::Reverse(part_size[i]));
        // Walks stop after visiting a few times the map's size in all (claims that share
        // long chains of support could otherwise cost a walk each): linear in the map,
        // exact for any real argument.
        let mut budget = 4 * (n + ends.len()) + 1024;
        let mut seen = vec![usize::MAX; n];
        let mut best: Option<(usize, usize)> = None;
        for (walk, &start) in candidates.iter().enumerate() {
            if let Some((best_i, best_score)) = best {
                let bound = part_size[start];
                if bound < best_score {
                    break;
                }
                if bound == best_score && start > best_i {
                    continue;
                }
            }
            if budget == 0 {
                break;
            }
            let mut stack = vec![start];
            seen[start] = walk;
            let mut score = 0usize;
            while let Some(i) = stack.pop() {
                score += 1;
                for &j in &incoming[i] {
                    budget = budget.saturating_sub(1);
                    if seen[j] != walk {
                        seen[j] = walk;
                        stack.push(j);
                    }
                }
                if budget == 0 {
                    break;
                }
            }
            if best.is_none_or(|(best_i, best_score)| {
                score > best_score || (score == best_score && start < best_i)
            }) {
                best = Some((start, score));
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

/// For each of `n` nodes, how many nodes its connected part of the map has (links taken both
/// ways), by union-find.
fn connected_part_sizes(n: usize, ends: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for &(a, b) in ends {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra] = rb;
        }
    }
    let mut size = vec![0usize; n];
    let roots: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
    for &r in &roots {
        size[r] += 1;
    }
    roots.iter().map(|&r| size[r]).collect()
}

/// `prefix` followed by one more than the largest number already used with that prefix; when
/// that is `u64::MAX`, the smallest number not used (so the id is never taken).
fn fresh_id<'a>(prefix: &str, used: impl Iterator<Item = &'a str> + Clone) -> String {
    let numbers = used.filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok());
    let next = match numbers.clone().max() {
        None => 1,
        Some(largest) => largest.checked_add(1).unwrap_or_else(|| {
            let taken: HashSet<u64> = numbers.collect();
            (1..).find(|n| !taken.contains(n)).unwrap_or(0)
        }),
    };
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

    #[test]
    fn fresh_ids_never_wrap_around_onto_a_used_one() {
        let mut map = ArgumentMap::new("t");
        map.nodes = vec![
            node(&format!("n{}", u64::MAX), NodeKind::Claim),
            node("n1", NodeKind::Claim),
            node("n2", NodeKind::Claim),
        ];
        assert_eq!(map.fresh_node_id(), NodeId::from("n3"));
    }
}
