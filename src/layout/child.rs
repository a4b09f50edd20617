//! Where a new child card goes, in the layout's style, without moving anything else.

use super::clear::Card;
use super::{H_GAP, V_GAP};
use crate::model::{ArgumentMap, Node, NodeId, Position};

/// The top-left position for a new card of `size` that will bear on `parent`: right of the
/// rightmost of the parent's children in the row under it (or centred under the parent in a
/// new row when it has none there), then moved right until it keeps the layout's gaps to
/// every card.
/// Whole units. An unknown `parent` gives the origin.
pub fn place_new_child(
    map: &ArgumentMap,
    size_of: &dyn Fn(&Node, bool) -> (f32, f32),
    parent: &NodeId,
    size: (f32, f32),
) -> Position {
    let card_of = card_maker(map, size_of);
    let Some(parent_node) = map.node(parent) else {
        return Position::default();
    };
    let v_gap = f64::from(V_GAP);
    let width = f64::from(size.0);
    let p = card_of(parent_node);
    // The children in the row under the parent: those below it, in the nearest row.
    let index = map.index();
    let below: Vec<Card> = map
        .incoming(parent)
        .filter_map(|link| index.node(&link.from))
        .map(&card_of)
        .filter(|child| child.top >= p.bottom())
        .collect();
    let row_top = below.iter().map(|c| c.top).fold(f64::INFINITY, f64::min);
    let rightmost_child = below
        .iter()
        .filter(|c| c.top < row_top + v_gap)
        .max_by(|a, b| {
            a.right()
                .total_cmp(&b.right())
                .then(a.top.total_cmp(&b.top))
        });
    let (x, y) = match rightmost_child {
        Some(child) => (child.right() + f64::from(H_GAP), child.top),
        None => (p.left + (p.width - width) / 2.0, p.bottom() + v_gap),
    };
    clear_spot(map, &card_of, x, y, size)
}

/// The top-left position for a new card of `size` linked to nothing, at `near` or as little
/// to the right of it as keeps the layout's gaps to every card. Whole units.
pub fn place_new_card(
    map: &ArgumentMap,
    size_of: &dyn Fn(&Node, bool) -> (f32, f32),
    near: Position,
    size: (f32, f32),
) -> Position {
    let card_of = card_maker(map, size_of);
    clear_spot(map, &card_of, f64::from(near.x), f64::from(near.y), size)
}

fn card_maker<'a>(
    map: &'a ArgumentMap,
    size_of: &'a dyn Fn(&Node, bool) -> (f32, f32),
) -> impl Fn(&Node) -> Card + 'a {
    let main = map.main_claim();
    move |node: &Node| {
        let (width, height) = size_of(node, main == Some(&node.id));
        Card {
            left: f64::from(node.pos.x),
            top: f64::from(node.pos.y),
            width: f64::from(width),
            height: f64::from(height),
        }
    }
}

/// Moves a card of `size` at (`x`, `y`) right until it keeps the layout's gaps to every card.
fn clear_spot(
    map: &ArgumentMap,
    card_of: &dyn Fn(&Node) -> Card,
    mut x: f64,
    y: f64,
    size: (f32, f32),
) -> Position {
    let (h_gap, v_gap) = (f64::from(H_GAP), f64::from(V_GAP));
    let (width, height) = (f64::from(size.0), f64::from(size.1));
    let spot = Card {
        left: x,
        top: y,
        width,
        height,
    };
    // Only cards in the new card's row (with the vertical gap) can be in the way; taken left
    // to right, each one it would crowd pushes it past.
    let mut in_row: Vec<Card> = map
        .nodes
        .iter()
        .map(card_of)
        .filter(|c| c.top < spot.bottom() + v_gap && spot.top < c.bottom() + v_gap)
        .collect();
    in_row.sort_by(|a, b| a.left.total_cmp(&b.left));
    for card in in_row {
        if card.left >= x + width + h_gap {
            break;
        }
        if card.right() + h_gap > x {
            x = card.right() + h_gap;
        }
    }
    // Rounding up keeps the gaps whole.
    Position::new(x.ceil() as f32, y.ceil() as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, NodeKind, Relation};

    fn size(_: &Node, _: bool) -> (f32, f32) {
        (240.0, 100.0)
    }

    fn map() -> ArgumentMap {
        let mut map = ArgumentMap::new("t");
        map.nodes.push(Node::new(
            "p",
            NodeKind::Claim,
            "p",
            Position::new(0.0, 0.0),
        ));
        map.main_claim = Some("p".into());
        map
    }

    #[test]
    fn a_first_child_goes_centred_below_its_parent() {
        let p = place_new_child(&map(), &size, &"p".into(), (240.0, 80.0));
        assert_eq!(p, Position::new(0.0, 160.0));
    }

    #[test]
    fn later_children_go_right_of_the_last_one_past_anything_in_the_way() {
        let mut map = map();
        map.nodes.push(Node::new(
            "c",
            NodeKind::Evidence,
            "c",
            Position::new(-140.0, 160.0),
        ));
        map.links.push(Link::new("c", "p", Relation::Supports));
        let free = place_new_child(&map, &size, &"p".into(), (240.0, 100.0));
        assert_eq!(free, Position::new(140.0, 160.0));
        // Something else standing there: the new card goes past it.
        map.nodes.push(Node::new(
            "x",
            NodeKind::Claim,
            "x",
            Position::new(200.0, 200.0),
        ));
        let pushed = place_new_child(&map, &size, &"p".into(), (240.0, 100.0));
        assert_eq!(pushed, Position::new(480.0, 160.0));
    }

    #[test]
    fn a_free_card_goes_where_asked_or_just_right_of_what_is_there() {
        let map = map();
        let open = place_new_card(&map, &size, Position::new(0.0, 900.0), (240.0, 80.0));
        assert_eq!(open, Position::new(0.0, 900.0));
        // On top of the parent card "p" (0,0 240×100): moved right past it and the gap.
        let taken = place_new_card(&map, &size, Position::new(10.0, 20.0), (240.0, 80.0));
        assert_eq!(taken, Position::new(280.0, 20.0));
    }
}
