//! Positions for imported maps that come without any: a simple tidy tree, so that imported
//! cards never sit on top of each other. (The app's own arrangement can tidy them further.)

use crate::model::{ArgumentMap, Position, Relation};

/// Horizontal distance between neighbouring cards, in map units.
pub const COLUMN: f32 = 280.0;
/// Vertical distance between rows.
pub const ROW: f32 = 220.0;

/// Places every node of `map`: the main claim at the top, beneath each node what bears on it
/// (supporters first, then opponents, in link order), parents centred over their children.
/// A node that bears on several others sits under the first one reached. Other trees, and
/// nodes that are only in cycles, follow to the right. Deterministic; no recursion, so deep
/// chains are fine.
pub fn tidy_layout(map: &mut ArgumentMap) {
    let n = map.nodes.len();
    if n == 0 {
        return;
    }
    let index = map.node_index();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut bears_on_something = vec![false; n];
    for relation in [Relation::Supports, Relation::Opposes] {
        for link in map.links.iter().filter(|l| l.relation == relation) {
            if let (Some(&from), Some(&to)) = (index.get(&link.from), index.get(&link.to)) {
                children[to].push(from);
                bears_on_something[from] = true;
            }
        }
    }
    let main = map.main_claim().and_then(|id| index.get(id).copied());
    let roots = main
        .into_iter()
        .chain((0..n).filter(|&i| !bears_on_something[i]))
        .chain(0..n);

    // Depth-first, first parent wins: the tree each node hangs in, in reading order.
    let mut visited = vec![false; n];
    let mut depth = vec![0usize; n];
    let mut tree_children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for root in roots {
        if visited[root] {
            continue;
        }
        let mut stack = vec![(root, None::<usize>, 0usize)];
        while let Some((node, parent, d)) = stack.pop() {
            if visited[node] {
                continue;
            }
            visited[node] = true;
            depth[node] = d;
            order.push(node);
            if let Some(p) = parent {
                tree_children[p].push(node);
            }
            for &child in children[node].iter().rev() {
                if !visited[child] {
                    stack.push((child, Some(node), d + 1));
                }
            }
        }
    }

    // Leaves take the next column in reading order; parents sit over their children.
    let mut x = vec![0f32; n];
    let mut next_column = 0f32;
    for &node in &order {
        if tree_children[node].is_empty() {
            x[node] = next_column * COLUMN;
            next_column += 1.0;
        }
    }
    for &node in order.iter().rev() {
        if let (Some(&first), Some(&last)) =
            (tree_children[node].first(), tree_children[node].last())
        {
            x[node] = (x[first] + x[last]) / 2.0;
        }
    }
    for (i, node) in map.nodes.iter_mut().enumerate() {
        node.pos = Position::new(x[i], depth[i] as f32 * ROW).rounded();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind};

    fn map(ids: &[&str], links: &[(&str, &str)]) -> ArgumentMap {
        let mut map = ArgumentMap::new("t");
        map.nodes = ids
            .iter()
            .map(|id| Node::new(*id, NodeKind::Claim, *id, Position::new(7.0, 7.0)))
            .collect();
        map.links = links
            .iter()
            .map(|(f, t)| Link::new(*f, *t, Relation::Supports))
            .collect();
        map
    }

    fn pos(map: &ArgumentMap, id: &str) -> (f32, f32) {
        let p = map.node(&id.into()).unwrap().pos;
        (p.x, p.y)
    }

    #[test]
    fn main_claim_on_top_children_in_a_row_below() {
        let mut m = map(
            &["root", "a", "b", "a1"],
            &[("a", "root"), ("b", "root"), ("a1", "a")],
        );
        tidy_layout(&mut m);
        assert_eq!(pos(&m, "a1"), (0.0, 2.0 * ROW));
        assert_eq!(pos(&m, "a"), (0.0, ROW));
        assert_eq!(pos(&m, "b"), (COLUMN, ROW));
        assert_eq!(pos(&m, "root"), (COLUMN / 2.0, 0.0));
    }

    #[test]
    fn no_two_nodes_share_a_place_even_with_cycles_and_shared_children() {
        let mut m = map(
            &["r", "a", "b", "shared", "c1", "c2", "alone"],
            &[
                ("a", "r"),
                ("b", "r"),
                ("shared", "a"),
                ("shared", "b"),
                ("c1", "c2"),
                ("c2", "c1"),
            ],
        );
        tidy_layout(&mut m);
        let mut seen = std::collections::HashSet::new();
        for n in &m.nodes {
            assert!(seen.insert((n.pos.x as i64, n.pos.y as i64)), "{:?}", n.pos);
        }
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let links: Vec<(&str, &str)> = (1..refs.len()).map(|i| (refs[i], refs[i - 1])).collect();
        let mut m = map(&refs, &links);
        tidy_layout(&mut m);
        assert_eq!(pos(&m, "n19999").1, 19_999.0 * ROW);
    }
}
