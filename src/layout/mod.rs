//! Automatic layout: arranges a map as a tidy layered tree, the way argument maps are read.
//!
//! The main claim is at the top; beneath each node stand the nodes that bear on it, its
//! supporters on the left and its opponents on the right; every row is as tall as its tallest
//! card; cards keep at least [`H_GAP`] between them in a row and rows keep [`V_GAP`] between
//! them. Nodes that bear on several others sit under the first of them in outline order (the
//! other links are drawn as they are); trees not connected to the main claim, and nodes only in
//! cycles, are laid out the same way to the right of the main tree. Pinned nodes never move,
//! and the rest keep clear of them.
//!
//! # Why a tidy tree and not Sugiyama (rust-sugiyama)
//!
//! Argument maps are trees with a few extra links, and a tidy tree (Reingold–Tilford with
//! contours, see [`tidy`]) draws trees the way readers expect: each parent centred over its
//! children, subtrees never interleaved, no tree link crossing another, the same input always
//! giving the same picture. It runs in linear time without recursion, so 100,000 nodes or a
//! 50,000-deep chain are no trouble. The rust-sugiyama crate (0.4) solves the harder problem
//! of general directed graphs: network-simplex layering, dummy nodes for long edges, repeated
//! median sweeps to reduce crossings and Brandes–Köpf coordinates over petgraph. That costs
//! far more time and memory on maps that are nearly trees, may interleave the subtrees of
//! neighbouring claims, and has no notion of what argument maps need: supporters left of
//! opponents, pinned cards, or a root that stays where the user put it. A few cross-links
//! are better drawn over a clean tree than traded against its shape.

mod child;
mod clear;
mod forest;
mod graph;
mod place;
mod tidy;

pub use child::{place_new_card, place_new_child};

use crate::model::{ArgumentMap, Node, NodeId, Position};
use clear::Card;
use forest::Forest;
use graph::Graph;
use place::Layout;

/// Least horizontal space between two cards in a row, in map units.
pub const H_GAP: f32 = 40.0;
/// Least vertical space between rows.
pub const V_GAP: f32 = 60.0;
/// Space between a node's supporters and its opponents, so the two groups read apart.
pub const GROUP_GAP: f32 = 80.0;
/// Space between separate trees.
pub const TREE_GAP: f32 = 120.0;
/// Positions are rounded to whole units, which may take up to one unit off a gap.
const SLACK: f64 = 1.0;

/// What to arrange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole map. The main claim (or the first tree's root) stays where it is.
    All,
    /// The subtrees rooted at these nodes: each root stays where it is and everything beneath
    /// it is arranged under it, clear of the rest of the map, which does not move. A root
    /// inside another listed root's subtree is arranged as part of that subtree.
    Subtree(Vec<NodeId>),
}

/// Where the nodes should go: new top-left positions (whole units) for the nodes that move.
///
/// `size_of(node, is_main)` gives each card's width and height. Pinned nodes never move.
/// The result is deterministic: the same map (positions included) gives the same result, and
/// arranging a map it has just arranged moves nothing (unless pinned cards stand in the way).
pub fn arrange(
    map: &ArgumentMap,
    size_of: &dyn Fn(&Node, bool) -> (f32, f32),
    scope: &Scope,
) -> Vec<(NodeId, Position)> {
    if map.nodes.is_empty() {
        return Vec::new();
    }
    let sizes = card_sizes(map, size_of);
    let mut x: Vec<f32> = map.nodes.iter().map(|n| n.pos.x).collect();
    let graph = Graph::of(map);
    let mut forest = Forest::build(&graph, &x);
    let mut placed = lay_out(map, &sizes, &forest, scope);
    // The outline orders siblings by position, so moving the cards can change which parent
    // the outline (and so the next arrangement) lists a cross-linked node under first. Lay
    // out again until the picture and the outline agree; two rounds almost always do.
    for _ in 1..ROUNDS {
        for (i, card) in placed.cards.iter().enumerate() {
            if let (true, Some(card)) = (placed.moving[i], card) {
                x[i] = card.left.round() as f32;
            }
        }
        let next = Forest::build(&graph, &x);
        if next.same_as(&forest) {
            break;
        }
        forest = next;
        placed = lay_out(map, &sizes, &forest, scope);
    }

    let mut out = Vec::new();
    for (i, node) in map.nodes.iter().enumerate() {
        if let (true, Some(card)) = (placed.moving[i], placed.cards[i]) {
            let pos = Position::new(card.left.round() as f32, card.top.round() as f32);
            if pos != node.pos {
                out.push((node.id.clone(), pos));
            }
        }
    }
    out
}

/// Arranges a map that is being made (generated or imported) the way Arrange All would,
/// moving its nodes in place: such a map has no history yet, so nothing goes through the edit
/// layer. `size_of` is as for [`arrange`].
pub fn arrange_new_map(map: &mut ArgumentMap, size_of: &dyn Fn(&Node, bool) -> (f32, f32)) {
    let moves = arrange(map, size_of, &Scope::All);
    let index = map.node_index();
    let moves: Vec<(usize, Position)> = moves
        .into_iter()
        .map(|(id, pos)| (index[&id], pos))
        .collect();
    for (i, pos) in moves {
        map.nodes[i].pos = pos;
    }
}

/// The most layout passes [`arrange`] makes while the outline and the picture disagree.
const ROUNDS: usize = 4;

/// One layout pass: a card for every placed node, and which of them move.
struct Placed {
    cards: Vec<Option<Card>>,
    moving: Vec<bool>,
}

fn lay_out(map: &ArgumentMap, sizes: &[(f64, f64)], forest: &Forest, scope: &Scope) -> Placed {
    let roots = match scope {
        Scope::All => forest
            .tree_starts
            .iter()
            .map(|&start| forest.order[start] as usize)
            .collect(),
        Scope::Subtree(ids) => subtree_roots(map, forest, ids),
    };
    let mut wanted = vec![false; map.nodes.len()];
    for &root in &roots {
        wanted[root] = true;
    }
    let widths: Vec<f64> = sizes.iter().map(|s| s.0).collect();
    let h_gap = f64::from(H_GAP) + SLACK;
    let tidy = tidy::tidy(
        forest,
        &widths,
        h_gap,
        f64::from(GROUP_GAP) + SLACK,
        &wanted,
    );

    let mut layout = Layout {
        map,
        forest,
        sizes,
        offset: &tidy.offset,
        cards: vec![None; map.nodes.len()],
        runs: Vec::new(),
    };
    match scope {
        Scope::All => {
            let mut next_left: Option<f64> = None;
            let mut top = 0.0;
            for (t, &root) in roots.iter().enumerate() {
                let (left, right) = tidy.extent[root];
                let centre = match next_left {
                    None => {
                        let pos = map.nodes[root].pos.rounded();
                        top = f64::from(pos.y);
                        f64::from(pos.x) + sizes[root].0 / 2.0
                    }
                    Some(at) => at - left,
                };
                next_left = Some(centre + right + f64::from(TREE_GAP));
                layout.place(forest.tree_range(t), centre, top);
            }
        }
        Scope::Subtree(_) => {
            for &root in &roots {
                let pos = map.nodes[root].pos.rounded();
                let centre = f64::from(pos.x) + sizes[root].0 / 2.0;
                layout.place(forest.subtree_range(root), centre, f64::from(pos.y));
            }
        }
    }

    // Who moves: everything placed but pinned nodes and the roots of arranged subtrees.
    let mut moving = vec![false; map.nodes.len()];
    for run in &layout.runs {
        for &v in &forest.order[run.clone()] {
            moving[v as usize] = !map.nodes[v as usize].pinned;
        }
    }
    if let Scope::Subtree(_) = scope {
        for &root in &roots {
            moving[root] = false;
        }
    }
    if moving.iter().any(|m| !m) {
        layout.keep_clear_of_fixed(&moving, h_gap);
    }
    Placed {
        cards: layout.cards,
        moving,
    }
}

/// Each card's size, made safe to compute with (finite, not negative).
fn card_sizes(map: &ArgumentMap, size_of: &dyn Fn(&Node, bool) -> (f32, f32)) -> Vec<(f64, f64)> {
    let main = map.main_claim();
    let clean = |v: f32| {
        if v.is_finite() {
            f64::from(v.max(0.0))
        } else {
            0.0
        }
    };
    map.nodes
        .iter()
        .map(|node| {
            let (w, h) = size_of(node, main == Some(&node.id));
            (clean(w), clean(h))
        })
        .collect()
}

/// The listed nodes that exist, in outline order, leaving out those inside another's subtree.
fn subtree_roots(map: &ArgumentMap, forest: &Forest, ids: &[NodeId]) -> Vec<usize> {
    let index = map.node_index();
    let mut roots: Vec<usize> = ids.iter().filter_map(|id| index.get(id).copied()).collect();
    roots.sort_by_key(|&r| forest.rank[r]);
    roots.dedup();
    let mut covered_until = 0;
    roots.retain(|&r| {
        let range = forest.subtree_range(r);
        let inside = range.start < covered_until;
        if !inside {
            covered_until = range.end;
        }
        !inside
    });
    roots
}
