//! What is under a point of the map: the topmost card.

use super::card::CardSizes;
use super::links;
use crate::app::derived::Derived;
use crate::model::{ArgumentMap, NodeId};
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

/// The link (by its ends) whose curve passes within `tolerance` (map units) of `point`, the
/// nearest if several do.
pub fn link_at(
    map: &ArgumentMap,
    derived: &Derived,
    sizes: &CardSizes,
    tolerance: f32,
    point: Pos2,
) -> Option<(NodeId, NodeId)> {
    let card = |i: usize| sizes.rect(&map.nodes[i], derived.is_main(i));
    map.links
        .iter()
        .enumerate()
        .filter_map(|(i, link)| {
            let route = super::reasons::place(map, derived, &card, i)?.route;
            if !route.bounds().expand(tolerance).contains(point) {
                return None;
            }
            let d = links::distance_to_route(point, &route);
            (d <= tolerance).then(|| (d, (link.from.clone(), link.to.clone())))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, ends)| ends)
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

    #[test]
    fn finds_the_link_under_the_point() {
        use crate::model::{Link, Relation};
        let mut map = ArgumentMap::new("t");
        map.nodes.push(Node::new(
            "top",
            NodeKind::Claim,
            "A",
            Position::new(0.0, 0.0),
        ));
        map.nodes.push(Node::new(
            "low",
            NodeKind::Evidence,
            "B",
            Position::new(0.0, 400.0),
        ));
        map.links.push(Link::new("low", "top", Relation::Supports));
        let mut derived = Derived::default();
        let changes = crate::edit::ChangeLog::default();
        derived.refresh(&std::sync::Arc::new(map.clone()), 0, &changes);
        let sizes = CardSizes::default();
        // The link runs straight up the middle (x = 120) between the two cards.
        let hit = link_at(&map, &derived, &sizes, 5.0, pos2(123.0, 250.0));
        assert_eq!(hit, Some(("low".into(), "top".into())));
        assert_eq!(
            link_at(&map, &derived, &sizes, 5.0, pos2(140.0, 250.0)),
            None
        );
    }
}
