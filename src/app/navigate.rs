//! Keyboard navigation along links: up to what a node bears on, down to what bears on it,
//! sideways among siblings. Pure logic over the map, ordered as the cards are laid out.

use crate::model::{ArgumentMap, NodeId};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// To the node this one supports or opposes (its parent in the argument).
    Up,
    /// To the leftmost node that supports or opposes this one.
    Down,
    /// To the previous sibling: another node bearing on the same parent, leftwards.
    Left,
    /// To the next sibling, rightwards.
    Right,
}

fn by_x(map: &ArgumentMap, mut nodes: Vec<usize>) -> Vec<usize> {
    nodes.sort_by(|&a, &b| {
        map.nodes[a]
            .pos
            .x
            .total_cmp(&map.nodes[b].pos.x)
            .then(map.nodes[a].pos.y.total_cmp(&map.nodes[b].pos.y))
            .then(a.cmp(&b))
    });
    nodes.dedup();
    nodes
}

/// The nodes `node` bears on (`up`) or that bear on it, left to right.
fn linked(map: &ArgumentMap, index: &HashMap<&NodeId, usize>, node: usize, up: bool) -> Vec<usize> {
    let id = &map.nodes[node].id;
    // A co-premise bears on its reason's target too, and every premise of a reason on a
    // node bears on that node.
    let ends: Vec<usize> = if up {
        map.links
            .iter()
            .filter(|l| l.premises().any(|p| p == id))
            .filter_map(|l| index.get(&l.to).copied())
            .collect()
    } else {
        map.incoming(id)
            .flat_map(|l| l.premises())
            .filter_map(|p| index.get(p).copied())
            .collect()
    };
    by_x(map, ends)
}

/// The node to move to from `from` (an index into `map.nodes`), if there is one that way.
pub fn neighbour(map: &ArgumentMap, from: usize, direction: Direction) -> Option<usize> {
    let index = map.node_index();
    match direction {
        Direction::Up => linked(map, &index, from, true).first().copied(),
        Direction::Down => linked(map, &index, from, false).first().copied(),
        Direction::Left | Direction::Right => {
            let parent = *linked(map, &index, from, true).first()?;
            let siblings = linked(map, &index, parent, false);
            let at = siblings.iter().position(|&s| s == from)?;
            match direction {
                Direction::Left => at.checked_sub(1).map(|i| siblings[i]),
                _ => siblings.get(at + 1).copied(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind, Position, Relation};

    fn map() -> ArgumentMap {
        let mut map = ArgumentMap::new("t");
        let n = |id: &str, x: f32, y: f32| Node::new(id, NodeKind::Claim, id, Position::new(x, y));
        map.nodes = vec![
            n("root", 0.0, 0.0),
            n("right", 300.0, 200.0),
            n("left", -300.0, 200.0),
            n("leaf", -300.0, 400.0),
        ];
        map.links = vec![
            Link::new("right", "root", Relation::Opposes),
            Link::new("left", "root", Relation::Supports),
            Link::new("leaf", "left", Relation::Supports),
        ];
        map
    }

    #[test]
    fn moves_up_down_and_between_siblings_in_layout_order() {
        let map = map();
        assert_eq!(neighbour(&map, 0, Direction::Down), Some(2));
        assert_eq!(neighbour(&map, 2, Direction::Right), Some(1));
        assert_eq!(neighbour(&map, 1, Direction::Left), Some(2));
        assert_eq!(neighbour(&map, 1, Direction::Right), None);
        assert_eq!(neighbour(&map, 3, Direction::Up), Some(2));
        assert_eq!(neighbour(&map, 0, Direction::Up), None);
        assert_eq!(neighbour(&map, 0, Direction::Left), None);
    }
}
