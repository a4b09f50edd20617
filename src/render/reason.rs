//! How a reason sits on the map, for the canvas and every export alike: the box around a
//! linked reason's premises (Rationale's reason box), where the reason's one arrow leaves
//! from, where an undercut's arrow lands (on the marker of the reason it attacks), and the
//! scheme's label beside the marker.

use super::geom::{Point, Rect, Rgb};
use super::palette::Palette;
use super::parts::{ReasonBox, SchemeLabel};
use super::route::{Route, route};
use super::style::{LABEL_SIZE, MARKER_RADIUS};
use crate::model::{ArgumentMap, Link, NodeId, Relation, scheme};

/// Space between a linked reason's cards and its box.
pub const BOX_PAD: f32 = 10.0;
pub const BOX_RADIUS: f32 = 12.0;
pub const BOX_STROKE: f32 = 1.6;
/// Undercuts of undercuts are followed this deep; deeper ones aim at their target card.
pub const MAX_UNDERCUT_DEPTH: usize = 8;

/// The box around a linked reason's premise cards; `None` for a one-premise reason.
pub fn box_rect(premises: &[Rect]) -> Option<Rect> {
    if premises.len() < 2 {
        return None;
    }
    let all = premises.iter().copied().reduce(|a, b| a.union(&b))?;
    Some(all.expand(BOX_PAD))
}

/// Where a reason's arrow leaves from: its premise's card, or the box around all of them.
pub fn source_rect(premises: &[Rect]) -> Option<Rect> {
    box_rect(premises).or_else(|| premises.first().copied())
}

/// What a reason's arrow points at.
#[derive(Clone, Copy, Debug)]
pub enum Aim {
    /// The target node's card.
    Card(Rect),
    /// For an undercut: the route of the reason it attacks; the arrow lands on its marker.
    Reason(Route),
}

/// Where the point of an undercut's arrow goes on the reason it attacks: the marker disc
/// halfway along, as a small square to route to.
pub fn landing(attacked: &Route) -> Rect {
    let centre = attacked.at(0.5);
    let r = MARKER_RADIUS + 2.0;
    Rect::from_min_size(centre - Point::new(r, r), 2.0 * r, 2.0 * r)
}

/// The route of a reason's arrow, or `None` when its source and target overlap.
pub fn reason_route(source: Rect, aim: Aim) -> Option<Route> {
    match aim {
        Aim::Card(target) => route(source, target),
        Aim::Reason(attacked) => route(source, landing(&attacked)),
    }
}

/// The outline drawn around a linked reason, in its relation's colour.
pub fn reason_box(rect: Rect, relation: Relation, palette: &Palette) -> ReasonBox {
    ReasonBox {
        rect,
        radius: BOX_RADIUS,
        stroke: palette.relation(relation),
        width: BOX_STROKE,
        dashed: relation == Relation::Opposes,
    }
}

/// The scheme's name beside the reason's marker, if the reason has a scheme.
pub fn scheme_label(link: &Link, route: &Route, color: Rgb) -> Option<SchemeLabel> {
    let name = scheme::display_name(link.scheme.as_deref()?);
    let short = name
        .strip_prefix("Argument From ")
        .or_else(|| name.strip_prefix("Argument from "))
        .unwrap_or(name);
    let at = route.at(0.5);
    Some(SchemeLabel {
        anchor: Point::new(at.x + MARKER_RADIUS + 7.0, at.y - MARKER_RADIUS - 3.0),
        size: LABEL_SIZE,
        color,
        text: short.to_owned(),
    })
}

/// A reason placed on the map: its arrow's route, the box around its premises if it is
/// linked, and its (first premise, target) node indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub route: Route,
    pub boxed: Option<Rect>,
    pub ends: (usize, usize),
}

/// Places one reason, given its premises' and target's indices (`lookup`), each card's
/// rectangle (`card`) and, for an undercut, the attacked reason's placement.
pub fn place(
    link: &Link,
    lookup: &impl Fn(&NodeId) -> Option<usize>,
    card: &impl Fn(usize) -> Rect,
    attacked: Option<&Placed>,
) -> Option<Placed> {
    let ends = (lookup(&link.from)?, lookup(&link.to)?);
    // A plain link, nearly every one, allocates nothing.
    let co_premises: Vec<usize> = link.with.iter().filter_map(lookup).collect();
    place_between(link, ends, &co_premises, card, attacked)
}

/// [`place`] for a reason whose premises' and target's indices are known (the canvas keeps
/// them): `co_premises` are the indices of its premises after the first.
pub fn place_between(
    link: &Link,
    (from, to): (usize, usize),
    co_premises: &[usize],
    card: &impl Fn(usize) -> Rect,
    attacked: Option<&Placed>,
) -> Option<Placed> {
    // The box as `box_rect` makes it, without collecting the premises' cards (the canvas
    // places every reason in view each frame).
    let first = card(from);
    let boxed = (link.is_linked() && !co_premises.is_empty()).then(|| {
        co_premises
            .iter()
            .fold(first, |all, &p| all.union(&card(p)))
            .expand(BOX_PAD)
    });
    let source = boxed.unwrap_or(first);
    let aim = match attacked {
        Some(reason) => Aim::Reason(reason.route),
        None => Aim::Card(card(to)),
    };
    Some(Placed {
        route: reason_route(source, aim)?,
        boxed,
        ends: (from, to),
    })
}

/// Every reason of `map` placed, by link index: reasons first, then undercuts once the
/// reason each attacks is placed (an undercut whose reason cannot be placed aims at its
/// target card).
pub fn place_all(
    map: &ArgumentMap,
    lookup: impl Fn(&NodeId) -> Option<usize>,
    card: impl Fn(usize) -> Rect,
) -> Vec<Option<Placed>> {
    let mut out: Vec<Option<Placed>> = map
        .links
        .iter()
        .map(|l| {
            if l.is_undercut() {
                None
            } else {
                place(l, &lookup, &card, None)
            }
        })
        .collect();
    let undercuts: Vec<usize> = (0..map.links.len())
        .filter(|&i| map.links[i].is_undercut())
        .collect();
    if undercuts.is_empty() {
        return out;
    }
    let by_name = map.reason_index();
    let attacked: Vec<Option<usize>> = undercuts
        .iter()
        .map(|&i| {
            map.links[i]
                .undercut_target()
                .and_then(|t| by_name.get(&t).copied())
        })
        .collect();
    let mut pending: Vec<(usize, Option<usize>)> = undercuts.into_iter().zip(attacked).collect();
    for _ in 0..MAX_UNDERCUT_DEPTH {
        let before = pending.len();
        pending.retain(|&(i, target)| match target.map(|t| out[t]) {
            Some(Some(reason)) => {
                out[i] = place(&map.links[i], &lookup, &card, Some(&reason));
                false
            }
            _ => true,
        });
        if pending.len() == before {
            break;
        }
    }
    for (i, _) in pending {
        out[i] = place(&map.links[i], &lookup, &card, None);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f32, y: f32) -> Rect {
        Rect::from_min_size(Point::new(x, y), 200.0, 80.0)
    }

    #[test]
    fn a_linked_reason_leaves_from_the_box_around_its_premises() {
        assert_eq!(box_rect(&[r(0.0, 300.0)]), None);
        assert_eq!(source_rect(&[r(0.0, 300.0)]), Some(r(0.0, 300.0)));
        let boxed = box_rect(&[r(0.0, 300.0), r(260.0, 300.0)]).unwrap();
        assert_eq!(boxed.left(), -BOX_PAD);
        assert_eq!(boxed.right(), 460.0 + BOX_PAD);
        let route = reason_route(boxed, Aim::Card(r(130.0, 0.0))).unwrap();
        assert_eq!(route.start(), Point::new(boxed.center().x, boxed.top()));
    }

    #[test]
    fn an_undercut_lands_on_the_marker_of_the_reason_it_attacks() {
        let attacked = route(r(0.0, 300.0), r(0.0, 0.0)).unwrap();
        let mid = attacked.at(0.5);
        let undercut = reason_route(r(400.0, 150.0), Aim::Reason(attacked)).unwrap();
        let end = undercut.end();
        assert!(
            (end.x - (mid.x + MARKER_RADIUS + 2.0)).abs() < 1e-3,
            "{end:?} vs {mid:?}"
        );
        assert!((end.y - mid.y).abs() < 1e-3);
    }
}
