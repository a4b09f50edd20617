//! Automatic layout: arranges a map as tidy layered trees, the way argument maps are read,
//! packed into the shape of the window that shows them.
//!
//! The main claim is at the top (at the bottom, or on the left, as the map's
//! [`LayoutDirection`] says); beneath each node stand the nodes that bear on it, its
//! supporters on the left and its opponents on the right; every row is as tall as its tallest
//! card; cards keep at least [`H_GAP`] between them in a row and rows keep [`V_GAP`] between
//! them. Nodes that bear on several others sit under the first of them in outline order (the
//! other links are drawn as they are). Pinned nodes never move, and the rest keep clear of
//! them.
//!
//! # Fitting the window (issue 16)
//!
//! A map of several trees and loose notes used to be one long row, and a claim with thirty
//! premises one long line: Fit then showed it at a few percent, cards as blank blocks. Now:
//!
//! - **Trees are packed** in shelves (`pack.rs`): the main claim's tree first, then the
//!   others tallest first, and every node linked to nothing in one grid; the shelf width is
//!   the one that lets a canvas of the given ratio ([`CANVAS_ASPECT`] without a window) show
//!   the whole largest.
//! - **Children wrap** (`tidy.rs`): a node's children may be spread over several staggered
//!   rows, the lower ones tucked under the gaps of the upper ones where their subtrees allow.
//!   Each sibling still stands right of the one before, because the outline (and so the
//!   order the user gave by moving cards) orders siblings left to right; a layout that broke
//!   that order would be rearranged differently every time. How far to wrap is chosen per
//!   map: each of a few limits is laid out and the one whose bounding box the canvas shows
//!   largest is kept (more wrapping only when it gains 10%, as every wrapped row puts its
//!   links past more cards). Maps of more than a few thousand nodes get a plain two-row
//!   wrap, as no fit shows their text anyway.
//!
//! # Why a tidy tree and not Sugiyama (rust-sugiyama)
//!
//! Argument maps are trees with a few extra links, and a tidy tree (Reingold–Tilford with
//! contours, see [`tidy`]) draws trees the way readers expect: each parent centred over its
//! children, a subtree's rows only ever tucked into rows its siblings leave empty, the same
//! input always giving the same picture. It runs in linear time without recursion, so 100,000 nodes or a
//! 50,000-deep chain are no trouble. The rust-sugiyama crate (0.4) solves the harder problem
//! of general directed graphs: network-simplex layering, dummy nodes for long edges, repeated
//! median sweeps to reduce crossings and Brandes–Köpf coordinates over petgraph. That costs
//! far more time and memory on maps that are nearly trees, may mix the subtrees of
//! neighbouring claims, and has no notion of what argument maps need: supporters left of
//! opponents, pinned cards, or a root that stays where the user put it. A few cross-links
//! are better drawn over a clean tree than traded against its shape.
//!
//! # Growing up or right
//!
//! The tidy pass works across the rows and knows no direction: growing up mirrors the rows
//! (each card on its row's lower edge); growing right makes the rows columns, [`COLUMN_GAP`]
//! apart, with cards stacked [`V_GAP`] apart in each. Columns do not wrap: siblings there
//! are ordered by their left edges like everywhere else, and a second column would reorder
//! them.

mod child;
mod clear;
mod forest;
mod graph;
mod pack;
mod place;
mod tidy;

pub use child::{place_new_card, place_new_child};

use crate::model::{ArgumentMap, LayoutDirection, Node, NodeId, Position};
use clear::Card;
use forest::Forest;
use graph::Graph;
use place::Layout;
use tidy::Wrap;

/// Least horizontal space between two cards in a row, in map units.
pub const H_GAP: f32 = 40.0;
/// Least vertical space between rows.
pub const V_GAP: f32 = 60.0;
/// Space between a node's supporters and its opponents, so the two groups read apart.
pub const GROUP_GAP: f32 = 80.0;
/// Space between separate trees.
pub const TREE_GAP: f32 = 120.0;
/// Space between one column and the next when the map grows to the right: wider than
/// [`H_GAP`], as every link crosses it.
pub const COLUMN_GAP: f32 = 80.0;
/// The width-to-height ratio of the canvas Arrange fits a map to when there is no window to
/// ask (imports, `argmap generate`, `argmap arrange`): the canvas of a 1600×1000 window with
/// both side panels open, about 700×820.
pub const CANVAS_ASPECT: f32 = 700.0 / 820.0;
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
    arrange_to_fit(map, size_of, scope, CANVAS_ASPECT)
}

/// [`arrange`] for a canvas of width-to-height ratio `aspect` (a ratio that is not a
/// positive number is taken as [`CANVAS_ASPECT`]).
pub fn arrange_to_fit(
    map: &ArgumentMap,
    size_of: &dyn Fn(&Node, bool) -> (f32, f32),
    scope: &Scope,
    aspect: f32,
) -> Vec<(NodeId, Position)> {
    let aspect = f64::from(if aspect.is_finite() && aspect > 0.0 {
        aspect
    } else {
        CANVAS_ASPECT
    });
    if map.nodes.is_empty() {
        return Vec::new();
    }
    let sizes = card_sizes(map, size_of);
    let mut x: Vec<f32> = map.nodes.iter().map(|n| n.pos.x).collect();
    let graph = Graph::of(map);
    let mut forest = Forest::build(&graph, &x);
    // How far wide fan-outs wrap: tried in turn on the first pass, the one that lets the
    // canvas show the map largest kept for the rest.
    let (mut placed, wrap) = best_wrap(map, &sizes, &forest, scope, aspect);
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
        placed = lay_out(map, &sizes, &forest, scope, aspect, wrap);
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

/// How many trees Arrange lays out in `map`: one for each node that bears on nothing (nodes
/// linked to nothing included) and one for each group of nodes that bear only on each other.
pub fn tree_count(map: &ArgumentMap) -> usize {
    let x: Vec<f32> = map.nodes.iter().map(|n| n.pos.x).collect();
    Forest::build(&Graph::of(map), &x).tree_starts.len()
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

/// The wraps [`best_wrap`] tries, least wrapping first.
const WRAPS: [Wrap; 10] = [
    Wrap {
        rows: 1,
        all: false,
    },
    Wrap {
        rows: 2,
        all: false,
    },
    Wrap {
        rows: 3,
        all: false,
    },
    Wrap {
        rows: 4,
        all: false,
    },
    Wrap {
        rows: 6,
        all: false,
    },
    Wrap { rows: 2, all: true },
    Wrap { rows: 3, all: true },
    Wrap { rows: 4, all: true },
    Wrap { rows: 6, all: true },
    Wrap { rows: 8, all: true },
];

/// The most nodes for which [`best_wrap`] tries every wrap.
const SEARCH_LIMIT: usize = 5_000;

/// A more wrapped layout must let the map be shown this much larger to be chosen, since
/// every row a fan-out wraps into puts its links past more cards.
const WRAP_GAIN: f64 = 1.1;

/// Lays out with each of [`WRAPS`] (just two rows for a subtree, and none when the map grows
/// to the right) and keeps the layout whose bounding box a canvas of ratio `aspect` shows at
/// the largest zoom; returns it with its wrap limit.
fn best_wrap(
    map: &ArgumentMap,
    sizes: &[(f64, f64)],
    forest: &Forest,
    scope: &Scope,
    aspect: f64,
) -> (Placed, Wrap) {
    let wraps: &[Wrap] = match (map.layout_direction, scope) {
        (LayoutDirection::Right, _) => &WRAPS[..1],
        (_, Scope::Subtree(_)) => &WRAPS[1..2],
        // Past a few thousand cards no zoom that shows the whole map shows their text, and
        // each try is a whole layout: big maps get the plain two-row wrap.
        (_, Scope::All) if map.nodes.len() > SEARCH_LIMIT => &WRAPS[1..2],
        (_, Scope::All) => &WRAPS,
    };
    let mut best: Option<(f64, Placed, Wrap)> = None;
    for &rows in wraps {
        let placed = lay_out(map, sizes, forest, scope, aspect, rows);
        let zoom = fit_score(&placed, aspect);
        if best
            .as_ref()
            .is_none_or(|(best_zoom, _, _)| zoom > best_zoom * WRAP_GAIN)
        {
            best = Some((zoom, placed, rows));
        }
    }
    let (_, placed, rows) = best.expect("at least one wrap is tried");
    (placed, rows)
}

/// The zoom at which a canvas of height 1 and width `aspect` shows every placed card.
fn fit_score(placed: &Placed, aspect: f64) -> f64 {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for card in placed.cards.iter().flatten() {
        b = (
            b.0.min(card.left),
            b.1.min(card.top),
            b.2.max(card.right()),
            b.3.max(card.bottom()),
        );
    }
    let (w, h) = ((b.2 - b.0).max(1.0), (b.3 - b.1).max(1.0));
    (aspect / w).min(1.0 / h)
}

fn lay_out(
    map: &ArgumentMap,
    sizes: &[(f64, f64)],
    forest: &Forest,
    scope: &Scope,
    aspect: f64,
    wrap: Wrap,
) -> Placed {
    let direction = map.layout_direction;
    let right = direction == LayoutDirection::Right;
    // Across the rows, cards keep the gap of cards side by side (of cards one above the
    // other, when the rows are columns).
    let (breadths, gap, layer_gap): (Vec<f64>, f64, f64) = if right {
        let heights = sizes.iter().map(|s| s.1).collect();
        (heights, f64::from(V_GAP), f64::from(COLUMN_GAP))
    } else {
        let widths = sizes.iter().map(|s| s.0).collect();
        // Rows growing up end (not start) on whole units, so rounding a card's top can take
        // up to a unit off the gap below it.
        let slack = if direction == LayoutDirection::Up {
            SLACK
        } else {
            0.0
        };
        (widths, f64::from(H_GAP), f64::from(V_GAP) + slack)
    };
    let tidy = tidy::tidy(
        forest,
        &breadths,
        gap + SLACK,
        f64::from(GROUP_GAP) + SLACK,
        wrap,
    );

    let mut layout = Layout {
        map,
        forest,
        sizes,
        offset: &tidy.offset,
        lift: &tidy.lift,
        direction,
        layer_gap,
        cards: vec![None; map.nodes.len()],
        runs: Vec::new(),
    };
    let mut roots = Vec::new();
    match scope {
        Scope::All => pack_trees(&mut layout, aspect),
        Scope::Subtree(ids) => {
            roots = subtree_roots(map, forest, ids);
            for &root in &roots {
                let pos = map.nodes[root].pos.rounded();
                layout.place(
                    forest.subtree_range(root),
                    f64::from(pos.x),
                    f64::from(pos.y),
                );
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
    for &root in &roots {
        moving[root] = false;
    }
    if moving.iter().any(|m| !m) {
        layout.keep_clear_of_fixed(&moving, f64::from(H_GAP) + SLACK);
    }
    Placed {
        cards: layout.cards,
        moving,
    }
}

/// Lays out every tree and packs them into the canvas's shape: the main claim's tree first,
/// the other trees after it, tallest first, and the nodes linked to nothing in a grid of
/// their own at the end. The main claim's card (or the first tree's root) stays where it is.
fn pack_trees(layout: &mut Layout, aspect: f64) {
    let forest = layout.forest;
    let trees = forest.tree_starts.len();
    // Each tree laid out with its root's corner at the origin, then its bounding box.
    let mut boxes = Vec::with_capacity(trees);
    let mut singles = Vec::new();
    for t in 0..trees {
        let range = forest.tree_range(t);
        if t > 0 && range.len() == 1 {
            singles.push(forest.order[range.start] as usize);
            boxes.push(None);
            continue;
        }
        layout.place(range.clone(), 0.0, 0.0);
        let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &v in &forest.order[range] {
            let c = layout.cards[v as usize].expect("just placed");
            b = (
                b.0.min(c.left),
                b.1.min(c.top),
                b.2.max(c.right()),
                b.3.max(c.bottom()),
            );
        }
        boxes.push(Some(b));
    }
    let mut order: Vec<usize> = (1..trees).filter(|&t| boxes[t].is_some()).collect();
    order.sort_by(|&a, &b| {
        let height = |t: usize| boxes[t].map_or(0.0, |b| b.3 - b.1);
        height(b).total_cmp(&height(a)).then(a.cmp(&b))
    });
    order.insert(0, 0);
    let mut items: Vec<(f64, f64)> = order
        .iter()
        .map(|&t| boxes[t].map_or((0.0, 0.0), |b| (b.2 - b.0, b.3 - b.1)))
        .collect();
    let (h_gap, v_gap) = (f64::from(H_GAP) + SLACK, f64::from(V_GAP) + SLACK);
    let single_sizes: Vec<(f64, f64)> = singles.iter().map(|&v| layout.sizes[v]).collect();
    let (in_grid, grid_size) = pack::grid(&single_sizes, h_gap, v_gap, aspect);
    if !singles.is_empty() {
        items.push(grid_size);
    }
    let corners = pack::shelves(&items, f64::from(TREE_GAP), aspect);

    // Everything moves so that the first tree's root is where its card was.
    let root = forest.order[0] as usize;
    let first = boxes[0].expect("the first tree is laid out");
    let pos = layout.map.nodes[root].pos.rounded();
    let (dx, dy) = (
        f64::from(pos.x) - (corners[0].0 - first.0),
        f64::from(pos.y) - (corners[0].1 - first.1),
    );
    for (k, &t) in order.iter().enumerate() {
        let b = boxes[t].expect("a laid-out tree");
        let (sx, sy) = (corners[k].0 - b.0 + dx, corners[k].1 - b.1 + dy);
        for &v in &forest.order[forest.tree_range(t)] {
            let card = layout.cards[v as usize].as_mut().expect("just placed");
            card.left += sx;
            card.top += sy;
        }
    }
    if let Some(&(gx, gy)) = corners.get(order.len()) {
        for (&v, &(x, y)) in singles.iter().zip(&in_grid) {
            let (width, height) = layout.sizes[v];
            layout.cards[v] = Some(Card {
                left: gx + x + dx,
                top: gy + y + dy,
                width,
                height,
            });
            let rank = forest.rank[v] as usize;
            layout.runs.push(rank..rank + 1);
        }
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
