//! Reasons on the canvas: `render::reason`'s rules (the box around a linked reason's
//! premises, an undercut landing on the marker of the reason it attacks) applied to the
//! canvas's card rectangles, and the box drawn through the camera.

use super::links::Route;
use crate::app::derived::Derived;
use crate::app::theme::{self, Theme};
use crate::model::{ArgumentMap, Relation};
use crate::render::geom::{Point, Rect as RenderRect};
use crate::render::reason;
use egui::{Painter, Pos2, Rect, Stroke, StrokeKind, pos2};

/// A reason as the canvas draws it (map units): its arrow's route and its box, if linked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OnCanvas {
    pub route: Route,
    pub boxed: Option<Rect>,
}

fn to_render(r: Rect) -> RenderRect {
    RenderRect::from_min_size(Point::new(r.min.x, r.min.y), r.width(), r.height())
}

fn to_egui(r: RenderRect) -> Rect {
    Rect::from_min_max(pos2(r.min.x, r.min.y), pos2(r.max.x, r.max.y))
}

/// The middle of a reason's arrow, where its marker sits and its undercuts land.
pub fn marker(route: &Route) -> Pos2 {
    let shared = crate::render::route::Route {
        points: route.points.map(|p| Point::new(p.x, p.y)),
    };
    let at = shared.at(0.5);
    pos2(at.x, at.y)
}

/// Places link `i`, with `card` giving each card's rectangle this frame.
pub fn place(
    map: &ArgumentMap,
    derived: &Derived,
    card: &impl Fn(usize) -> Rect,
    i: usize,
) -> Option<OnCanvas> {
    place_within(map, derived, card, i, reason::MAX_UNDERCUT_DEPTH)
}

fn place_within(
    map: &ArgumentMap,
    derived: &Derived,
    card: &impl Fn(usize) -> Rect,
    i: usize,
    depth: usize,
) -> Option<OnCanvas> {
    let link = map.links.get(i)?;
    let ends = (*derived.link_ends.get(i)?)?;
    let attacked = match derived.link_shapes.get(i).and_then(|s| s.attacked) {
        Some(r) if depth > 0 => place_within(map, derived, card, r as usize, depth - 1),
        _ => None,
    };
    let attacked = attacked.map(|a| reason::Placed {
        route: crate::render::route::Route {
            points: a.route.points.map(|p| Point::new(p.x, p.y)),
        },
        boxed: None,
        ends: (0, 0),
    });
    let render_card = |n: usize| to_render(card(n));
    let co_premises = derived.co_premises.of(i);
    let placed = reason::place_between(link, ends, co_premises, &render_card, attacked.as_ref())?;
    Some(OnCanvas {
        route: Route {
            points: placed.route.points.map(|p| pos2(p.x, p.y)),
        },
        boxed: placed.boxed.map(to_egui),
    })
}

/// A rectangle (map units) that holds everything link `i` draws — its premises' cards and
/// box, its target's card, and for an undercut the reason it attacks — found without placing
/// it, so that reasons off screen cost a few lookups a frame. `None` for a link to a
/// missing node.
pub fn reach(derived: &Derived, card: &impl Fn(usize) -> Rect, i: usize) -> Option<Rect> {
    reach_within(derived, card, i, reason::MAX_UNDERCUT_DEPTH)
}

fn reach_within(
    derived: &Derived,
    card: &impl Fn(usize) -> Rect,
    i: usize,
    depth: usize,
) -> Option<Rect> {
    let (from, to) = (*derived.link_ends.get(i)?)?;
    let mut reach = card(from).union(card(to));
    for &k in derived.co_premises.of(i) {
        reach = reach.union(card(k));
    }
    let attacked = derived.link_shapes.get(i).and_then(|s| s.attacked);
    if let Some(attacked) = attacked
        && depth > 0
        && let Some(more) = reach_within(derived, card, attacked as usize, depth - 1)
    {
        reach = reach.union(more);
    }
    Some(reach.expand(reason::BOX_PAD + reason::BOX_STROKE))
}

/// The box around a linked reason's premises, `screen` in screen points.
pub fn paint_box(painter: &Painter, theme: &Theme, screen: Rect, relation: Relation, zoom: f32) {
    let shape = reason::reason_box(to_render(screen), relation, theme.palette);
    let stroke = Stroke::new(shape.width, theme::color(shape.stroke));
    let radius = shape.radius * zoom;
    if shape.dashed {
        let r = screen;
        let corners = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        let dash = crate::render::style::DASH * zoom.clamp(0.5, 1.5);
        let gap = crate::render::style::DASH_GAP * zoom.clamp(0.5, 1.5);
        painter.extend(egui::Shape::dashed_line(&corners, stroke, dash, gap));
    } else {
        painter.rect_stroke(screen, radius, stroke, StrokeKind::Middle);
    }
}

/// The scheme's name beside the reason's marker (`route` in screen points).
pub fn paint_scheme(
    painter: &Painter,
    theme: &Theme,
    link: &crate::model::Link,
    route: &Route,
    zoom: f32,
) {
    let shared = crate::render::route::Route {
        points: route.points.map(|p| Point::new(p.x, p.y)),
    };
    let Some(label) = reason::scheme_label(link, &shared, theme.palette.weak_text) else {
        return;
    };
    // The label's offset from the marker is in map units; keep it legible at every zoom.
    let at: Pos2 = pos2(label.anchor.x, label.anchor.y);
    painter.text(
        at,
        egui::Align2::LEFT_BOTTOM,
        label.text,
        egui::FontId::proportional((label.size * zoom).clamp(9.0, 16.0)),
        theme::color(label.color),
    );
}
