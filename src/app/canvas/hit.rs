//! What is under a point of the map: the topmost card.

use super::card::CardSizes;
use crate::model::ArgumentMap;
use egui::Pos2;

/// Index of the topmost node whose card contains `point` (map units). Cards later in the map
/// are drawn on top, so the search runs from the end.
pub fn node_at(
    map: &ArgumentMap,
    main: Option<usize>,
    sizes: &CardSizes,
    point: Pos2,
) -> Option<usize> {
    map.nodes
        .iter()
        .enumerate()
        .rev()
        .find(|(i, node)| sizes.rect(node, Some(*i) == main).contains(point))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind, Position};
    use egui::pos2;

    #[test]
    fn finds_the_topmost_card_under_the_point() {
        let mut map = ArgumentMap::new("t");
        map.nodes.push(Node::new(
            "under",
            NodeKind::Claim,
            "A",
            Position::new(0.0, 0.0),
        ));
        map.nodes.push(Node::new(
            "over",
            NodeKind::Claim,
            "B",
            Position::new(100.0, 20.0),
        ));
        let sizes = CardSizes::default();
        assert_eq!(node_at(&map, None, &sizes, pos2(10.0, 10.0)), Some(0));
        assert_eq!(node_at(&map, None, &sizes, pos2(150.0, 30.0)), Some(1));
        assert_eq!(node_at(&map, None, &sizes, pos2(-5.0, 10.0)), None);
        assert_eq!(node_at(&map, None, &sizes, pos2(500.0, 10.0)), None);
    }
}
