//! The trees the layout draws: every node once, under the first node it bears on in outline
//! order, so the arranged map reads like the outline panel.

use super::graph::Graph;

/// "No node" in the index lists below.
pub const NONE: u32 = u32::MAX;

/// A spanning forest of the map's links, children pointing at what they bear on.
///
/// Per-node vectors are indexed like `map.nodes`.
pub struct Forest {
    /// Every node exactly once, depth first (parents before children). Each tree, and each
    /// subtree, is one contiguous run.
    pub order: Vec<u32>,
    /// Where each node is in `order`.
    pub rank: Vec<u32>,
    pub parent: Vec<u32>,
    /// Depth below the root of the node's tree.
    pub depth: Vec<u32>,
    pub first_child: Vec<u32>,
    pub next_sibling: Vec<u32>,
    /// The node opposes its parent (the tree link is an `Opposes` link).
    pub opposes: Vec<bool>,
    /// Where each tree starts in `order`: the main claim's tree first, then the others in
    /// outline order (other roots in file order, then what is only in cycles).
    pub tree_starts: Vec<usize>,
}

impl Forest {
    /// The forest the outline panel shows for the map with its cards' left edges at `x`:
    /// each node under the node where [`outline`](crate::model::outline) first lists it (supports before opposes,
    /// each group left to right by `x`, file order on ties), trees in the outline's order.
    ///
    /// The same walk as the outline's, with the positions as a parameter so the layout can ask
    /// what the outline will be once the cards have moved.
    pub fn build(graph: &Graph, x: &[f32]) -> Forest {
        let n = graph.len();
        let incoming = graph.sorted_incoming(x);
        let children_of =
            |v: usize| &incoming[graph.start[v] as usize..graph.start[v + 1] as usize];
        let mut forest = Forest {
            order: Vec::with_capacity(n),
            rank: vec![NONE; n],
            parent: vec![NONE; n],
            depth: vec![0; n],
            first_child: vec![NONE; n],
            next_sibling: vec![NONE; n],
            opposes: vec![false; n],
            tree_starts: Vec::new(),
        };
        let mut last_child = vec![NONE; n];
        let roots = graph
            .main
            .into_iter()
            .chain((0..n).filter(|&i| !graph.has_outgoing[i]))
            .chain(0..n);
        // Depth first with an explicit stack: (node, parent, opposes its parent).
        let mut stack: Vec<(u32, u32, bool)> = Vec::new();
        for root in roots {
            if forest.rank[root] != NONE {
                continue;
            }
            forest.tree_starts.push(forest.order.len());
            stack.push((root as u32, NONE, false));
            while let Some((node, parent, opposes)) = stack.pop() {
                let v = node as usize;
                if forest.rank[v] != NONE {
                    continue; // listed already: the outline repeats it here
                }
                forest.rank[v] = forest.order.len() as u32;
                forest.order.push(node);
                if parent != NONE {
                    let p = parent as usize;
                    forest.parent[v] = parent;
                    forest.depth[v] = forest.depth[p] + 1;
                    forest.opposes[v] = opposes;
                    if last_child[p] == NONE {
                        forest.first_child[p] = node;
                    } else {
                        forest.next_sibling[last_child[p] as usize] = node;
                    }
                    last_child[p] = node;
                }
                for &(child, opposes) in children_of(v).iter().rev() {
                    if forest.rank[child as usize] == NONE {
                        stack.push((child, node, opposes));
                    }
                }
            }
        }
        forest
    }

    /// True when both forests put every node in the same place.
    pub fn same_as(&self, other: &Forest) -> bool {
        self.order == other.order && self.parent == other.parent
    }

    /// The children of `node`, left to right.
    pub fn children(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = self.first_child[node];
        std::iter::from_fn(move || {
            (next != NONE).then(|| {
                let here = next as usize;
                next = self.next_sibling[here];
                here
            })
        })
    }

    /// The run of `order` holding `root` and everything beneath it.
    pub fn subtree_range(&self, root: usize) -> std::ops::Range<usize> {
        let start = self.rank[root] as usize;
        let depth = self.depth[root];
        let end = self.order[start + 1..]
            .iter()
            .position(|&v| self.depth[v as usize] <= depth)
            .map_or(self.order.len(), |len| start + 1 + len);
        start..end
    }

    /// The run of `order` holding tree number `t`.
    pub fn tree_range(&self, t: usize) -> std::ops::Range<usize> {
        let end = self
            .tree_starts
            .get(t + 1)
            .copied()
            .unwrap_or(self.order.len());
        self.tree_starts[t]..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};

    fn xs(map: &ArgumentMap) -> Vec<f32> {
        map.nodes.iter().map(|n| n.pos.x).collect()
    }

    /// Each node's parent where the outline first lists it.
    fn outline_parents(map: &ArgumentMap) -> Vec<u32> {
        let mut parents = vec![NONE; map.nodes.len()];
        let mut path: Vec<usize> = Vec::new();
        for row in crate::model::outline(map)
            .rows
            .iter()
            .filter(|r| !r.repeated)
        {
            path.truncate(row.depth);
            if let Some(&p) = path.last() {
                parents[row.node] = p as u32;
            }
            path.push(row.node);
        }
        parents
    }

    #[test]
    fn the_forest_is_the_outline_first_listings() {
        let mut maps = vec![crate::bundled::article_map()];
        for seed in 0..4 {
            let mut map = crate::generate::generate(400, seed);
            // Shuffle the cards so cross-links are met in other orders.
            for (i, node) in map.nodes.iter_mut().enumerate() {
                node.pos.x = ((i * 7919 + seed as usize * 31) % 1000) as f32;
            }
            maps.push(map);
        }
        for map in &maps {
            let forest = Forest::build(&Graph::of(map), &xs(map));
            assert_eq!(forest.parent, outline_parents(map));
            let rows: Vec<u32> = crate::model::outline(map)
                .rows
                .iter()
                .filter(|r| !r.repeated)
                .map(|r| r.node as u32)
                .collect();
            assert_eq!(forest.order, rows);
        }
    }

    #[test]
    fn a_node_bearing_on_two_claims_sits_under_the_first_in_outline_order() {
        let mut map = ArgumentMap::new("t");
        for (id, x) in [("main", 0.0), ("a", 0.0), ("b", 500.0), ("shared", 0.0)] {
            map.nodes
                .push(Node::new(id, NodeKind::Claim, id, Position::new(x, 0.0)));
        }
        map.nodes.push(Node::new(
            "alone",
            NodeKind::Claim,
            "alone",
            Position::default(),
        ));
        map.main_claim = Some("main".into());
        map.links = vec![
            Link::new("b", "main", Relation::Supports),
            Link::new("a", "main", Relation::Supports),
            Link::new("shared", "b", Relation::Supports),
            Link::new("shared", "a", Relation::Opposes),
        ];
        let f = Forest::build(&Graph::of(&map), &xs(&map));
        assert_eq!(f.order, vec![0, 1, 3, 2, 4]);
        assert_eq!(f.parent[3], 1, "a is left of b, so it comes first");
        assert!(f.opposes[3]);
        assert_eq!(f.children(0).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(f.tree_starts, vec![0, 4]);
        assert_eq!(f.subtree_range(1), 1..3);
        assert_eq!(f.subtree_range(0), 0..4);
        assert_eq!(f.tree_range(1), 4..5);
    }
}
