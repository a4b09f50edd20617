//! The argument as an indented tree: the main claim, then what supports and opposes it,
//! recursively. Used by the outline panel and by text exports.

use super::{ArgumentMap, NodeId, Relation};

/// One line of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineRow {
    /// Index into `map.nodes`.
    pub node: usize,
    pub depth: usize,
    /// How this node bears on its parent row; `None` for a top-level row.
    pub relation: Option<Relation>,
    /// The node was already listed above (it bears on more than one node); its
    /// sub-argument is not repeated.
    pub repeated: bool,
    /// How many rows directly below belong to this one (for collapsing).
    pub subtree_len: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    pub rows: Vec<OutlineRow>,
    /// Rows from this index on are not connected to the main claim: other trees, then nodes
    /// that are only in cycles or have no links at all.
    pub unattached_from: usize,
}

/// Builds the outline. Children are listed supports first, then opposes, each left to right
/// as on the canvas (file order breaks ties), so the outline reads like the map.
pub fn outline(map: &ArgumentMap) -> Outline {
    let index = map.node_index();
    let ends: Vec<_> = map
        .links
        .iter()
        .map(|l| Some((*index.get(&l.from)?, *index.get(&l.to)?)))
        .collect();
    let main = map.main_claim().and_then(|id| index.get(id).copied());
    outline_with_ends(map, &ends, main, |id| index.get(id).copied())
}

/// [`outline`] for a caller that already knows each link's ends as node indices (`None` for
/// a link to a missing node), in link order, and the main claim's index: the window keeps
/// them, and hashing every id again after each edit cost more than a frame on a big map.
/// `lookup` finds a co-premise's index (only linked reasons' co-premises are looked up).
pub fn outline_with_ends(
    map: &ArgumentMap,
    link_ends: &[Option<(usize, usize)>],
    main: Option<usize>,
    lookup: impl Fn(&NodeId) -> Option<usize>,
) -> Outline {
    // Each node's children in one array, node by node (a list per node cost an allocation
    // per node; the window recomputes the outline after every structural edit).
    let n = map.nodes.len();
    let mut has_outgoing = vec![false; n];
    let mut starts = vec![0usize; n + 1];
    let valid = |ends: &Option<(usize, usize)>| ends.filter(|(f, t)| f != t && *f < n && *t < n);
    // Each child as (premise, target, relation, first premise, place among the premises):
    // a linked reason's co-premises are children of its target too, listed beside its first.
    let mut edges: Vec<(usize, usize, Relation, usize, usize)> =
        Vec::with_capacity(link_ends.len());
    for (link, ends) in map.links.iter().zip(link_ends) {
        let Some((from, to)) = valid(ends) else {
            continue;
        };
        edges.push((from, to, link.relation, from, 0));
        for (k, premise) in link.with.iter().enumerate() {
            if let Some(p) = lookup(premise).filter(|&p| p < n && p != to) {
                edges.push((p, to, link.relation, from, k + 1));
            }
        }
    }
    for &(from, to, ..) in &edges {
        starts[to + 1] += 1;
        has_outgoing[from] = true;
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    let mut filled = starts.clone();
    let mut kids = vec![(0usize, Relation::Supports); starts[n]];
    let mut groups = vec![(0usize, 0usize); starts[n]];
    for &(from, to, relation, lead, k) in &edges {
        kids[filled[to]] = (from, relation);
        groups[filled[to]] = (lead, k);
        filled[to] += 1;
    }
    let mut row: Vec<((usize, Relation), (usize, usize))> = Vec::new();
    for to in 0..n {
        let range = starts[to]..starts[to + 1];
        if range.len() < 2 {
            continue;
        }
        row.clear();
        row.extend(
            kids[range.clone()]
                .iter()
                .copied()
                .zip(groups[range.clone()].iter().copied()),
        );
        row.sort_by(|(a, ga), (b, gb)| {
            let key = |(_, rel): &(usize, Relation), lead: usize| {
                (*rel == Relation::Opposes, map.nodes[lead].pos.x)
            };
            key(a, ga.0)
                .partial_cmp(&key(b, gb.0))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(ga.0.cmp(&gb.0))
                .then(ga.1.cmp(&gb.1))
        });
        for (slot, (kid, _)) in kids[range].iter_mut().zip(&row) {
            *slot = *kid;
        }
    }
    let children = Children {
        starts: &starts,
        kids: &kids,
    };

    let mut out = Outline::default();
    let mut listed = vec![false; map.nodes.len()];
    if let Some(root) = main {
        add_tree(&mut out.rows, &children, &mut listed, root);
    }
    out.unattached_from = out.rows.len();
    // Other roots (nodes that bear on nothing), in file order, then whatever is left: cycles.
    for root in (0..map.nodes.len()).filter(|&i| !has_outgoing[i]) {
        if !listed[root] {
            add_tree(&mut out.rows, &children, &mut listed, root);
        }
    }
    for i in 0..map.nodes.len() {
        if !listed[i] {
            add_tree(&mut out.rows, &children, &mut listed, i);
        }
    }
    out
}

/// Depth-first, with an explicit stack: a 10,000-deep chain must not overflow the call stack.
/// Each node's children (index and relation), listed in one array.
struct Children<'a> {
    starts: &'a [usize],
    kids: &'a [(usize, Relation)],
}

impl std::ops::Index<usize> for Children<'_> {
    type Output = [(usize, Relation)];
    fn index(&self, node: usize) -> &Self::Output {
        &self.kids[self.starts[node]..self.starts[node + 1]]
    }
}

fn add_tree(rows: &mut Vec<OutlineRow>, children: &Children, listed: &mut [bool], root: usize) {
    let start = rows.len();
    // (node, depth, relation to parent)
    let mut stack = vec![(root, 0usize, None::<Relation>)];
    let mut open: Vec<usize> = Vec::new(); // rows whose subtree is still being filled
    while let Some((node, depth, relation)) = stack.pop() {
        while let Some(&top) = open.last() {
            if rows[top].depth >= depth {
                open.pop();
                rows[top].subtree_len = rows.len() - top - 1;
            } else {
                break;
            }
        }
        let repeated = listed[node];
        rows.push(OutlineRow {
            node,
            depth,
            relation,
            repeated,
            subtree_len: 0,
        });
        if repeated {
            continue;
        }
        listed[node] = true;
        open.push(rows.len() - 1);
        for &(child, rel) in children[node].iter().rev() {
            stack.push((child, depth + 1, Some(rel)));
        }
    }
    for top in open {
        rows[top].subtree_len = rows.len() - top - 1;
    }
    debug_assert!(rows.len() > start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind, Position};

    fn map() -> ArgumentMap {
        let mut map = ArgumentMap::new("t");
        let n = |id: &str, kind, x| Node::new(id, kind, id, Position::new(x, 0.0));
        map.nodes = vec![
            n("main", NodeKind::Claim, 0.0),
            n("cp", NodeKind::Counterpoint, -500.0),
            n("e2", NodeKind::Evidence, 300.0),
            n("e1", NodeKind::Evidence, 100.0),
            n("rebut", NodeKind::Claim, 0.0),
            n("alone", NodeKind::Claim, 0.0),
            n("c1", NodeKind::Claim, 0.0),
            n("c2", NodeKind::Claim, 0.0),
        ];
        map.links = vec![
            Link::new("cp", "main", Relation::Opposes),
            Link::new("e2", "main", Relation::Supports),
            Link::new("e1", "main", Relation::Supports),
            Link::new("rebut", "cp", Relation::Opposes),
            Link::new("e1", "cp", Relation::Opposes),
            Link::new("c1", "c2", Relation::Supports),
            Link::new("c2", "c1", Relation::Supports),
        ];
        map.main_claim = Some("main".into());
        map
    }

    fn rendered(map: &ArgumentMap) -> Vec<String> {
        let o = outline(map);
        o.rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                format!(
                    "{}{}{}{}{}",
                    if i == o.unattached_from { "| " } else { "" },
                    "  ".repeat(r.depth),
                    match r.relation {
                        Some(Relation::Supports) => "+ ",
                        Some(Relation::Opposes) => "- ",
                        None => "",
                    },
                    map.nodes[r.node].id,
                    if r.repeated { " (again)" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn supports_come_first_left_to_right_then_opposes_and_the_rest_at_the_end() {
        assert_eq!(
            rendered(&map()),
            vec![
                "main",
                "  + e1",
                "  + e2",
                "  - cp",
                "    - rebut",
                "    - e1 (again)",
                "| alone",
                "c1",
                "  + c2",
                "    + c1 (again)",
            ]
        );
    }

    #[test]
    fn every_node_is_listed_exactly_once_unless_repeated() {
        let map = map();
        let o = outline(&map);
        let mut firsts: Vec<usize> = o
            .rows
            .iter()
            .filter(|r| !r.repeated)
            .map(|r| r.node)
            .collect();
        firsts.sort();
        assert_eq!(firsts, (0..map.nodes.len()).collect::<Vec<_>>());
        assert_eq!(o.rows[0].subtree_len, 5);
        assert_eq!(o.rows[3].subtree_len, 2);
    }

    #[test]
    fn a_very_deep_chain_does_not_overflow_the_stack() {
        let mut map = ArgumentMap::new("deep");
        for i in 0..50_000 {
            map.nodes.push(Node::new(
                format!("n{i}"),
                NodeKind::Claim,
                "x",
                Position::default(),
            ));
            if i > 0 {
                map.links.push(Link::new(
                    format!("n{i}"),
                    format!("n{}", i - 1),
                    Relation::Supports,
                ));
            }
        }
        let o = outline(&map);
        assert_eq!(o.rows.len(), 50_000);
        assert_eq!(o.rows.last().unwrap().depth, 49_999);
    }
}
