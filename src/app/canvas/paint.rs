//! Painting what is not a card: the dot grid, the links, and the feedback of gestures (the
//! link being dragged, the selection box, the link a new node will get, the connect handle).
//! Cards are painted by `card.rs`; both turn `render`'s description into egui shapes.

use super::overview::Overview;
use super::{Frame, card, hidden, links, reasons};
use crate::app::view::{EditTarget, NewLink, TextEditing, ViewState};
use crate::model::{NodeKind, Relation};
use egui::{Pos2, Rect, Stroke, StrokeKind, pos2, vec2};

/// A dot grid gives a sense of movement when panning; it fades out when dots would crowd.
pub fn grid(frame: &Frame) {
    let (rect, camera) = (frame.place.rect, &frame.place.camera);
    let step = 40.0 * camera.zoom;
    if step < 14.0 {
        return;
    }
    let origin = rect.min + camera.origin;
    let start_x = rect.left() + (origin.x - rect.left()).rem_euclid(step);
    let start_y = rect.top() + (origin.y - rect.top()).rem_euclid(step);
    let r = (1.2 * camera.zoom).clamp(0.8, 1.6);
    let mut y = start_y;
    while y < rect.bottom() {
        let mut x = start_x;
        while x < rect.right() {
            frame
                .painter
                .circle_filled(pos2(x, y), r, frame.theme.grid_dot);
            x += step;
        }
        y += step;
    }
}

/// Every link with a part inside `visible` (map units): into the far-out mesh when far out
/// and not highlighted, otherwise as arrows (a linked reason's from the box around its
/// premises, an undercut's onto the reason it attacks), the selected one with a halo.
/// Returns where each reason beyond a plain link (linked, an undercut, or naming a scheme)
/// has its marker on screen, for its widget.
pub fn links(
    frame: &Frame,
    view: &ViewState,
    visible: Rect,
    far: &mut Overview,
) -> Vec<ReasonMarker> {
    let mut markers = Vec::new();
    let (map, painter, theme) = (frame.map, &frame.painter, &frame.theme);
    let selection = &frame.place.selection;
    let card = |i: usize| frame.card_rect(i);
    let dragging = frame.place.moving != egui::Vec2::ZERO;
    for (i, (link, ends)) in map.links.iter().zip(&frame.derived.link_ends).enumerate() {
        let Some((f, t)) = *ends else {
            continue;
        };
        if hidden(view, &link.from) || hidden(view, &link.to) {
            continue;
        }
        // Links are culled before anything is placed: most are off screen when zoomed in.
        let shape = frame
            .derived
            .link_shapes
            .get(i)
            .copied()
            .unwrap_or_default();
        let plain = shape.is_plain();
        let in_view = match frame.sizes.link_reach(i) {
            Some(reach) if !dragging => visible.intersects(reach),
            // Cards being dragged are not where the kept reaches have them. A reason's reach
            // holds its two ends' cards: only when those are out of view need the rest of it
            // (co-premises, the attacked reason) be looked at.
            _ => {
                visible.intersects(card(f).union(card(t)))
                    || (!plain
                        && reasons::reach(frame.derived, &card, i)
                            .is_some_and(|r| visible.intersects(r)))
            }
        };
        if !in_view {
            continue;
        }
        let Some(placed) = reasons::place(map, frame.derived, &card, i) else {
            continue;
        };
        let reach = placed
            .route
            .bounds()
            .union(placed.boxed.unwrap_or(Rect::NOTHING));
        if !visible.intersects(reach) {
            continue;
        }
        let picked = selection
            .link()
            .is_some_and(|(f, t)| *f == link.from && *t == link.to);
        let highlighted = picked
            || link.premises().any(|p| selection.contains(p))
            || selection.contains(&link.to);
        let on_screen = placed.route.transformed(|p| frame.place.to_screen(p));
        if frame.far_out && !highlighted {
            far.link(painter, theme, &on_screen, link.relation);
            continue;
        }
        if let Some(boxed) = placed.boxed {
            let screen = frame.place.screen(boxed);
            reasons::paint_box(painter, theme, screen, link.relation, frame.zoom());
        }
        if picked {
            let halo = Stroke::new(8.0, theme.selection.gamma_multiply(0.35));
            painter.add(egui::Shape::line(on_screen.polyline(20), halo));
        }
        links::paint(
            painter,
            theme,
            &on_screen,
            link.relation,
            frame.zoom(),
            highlighted,
        );
        if frame.zoom() >= card::DETAIL_ZOOM {
            reasons::paint_scheme(painter, theme, link, &on_screen, frame.zoom());
        }
        if !plain || link.scheme.is_some() {
            markers.push(ReasonMarker {
                link: i,
                at: reasons::marker(&on_screen),
            });
        }
    }
    markers
}

/// The middle of a reason's arrow on screen (where undercuts land), by link index.
pub struct ReasonMarker {
    pub link: usize,
    pub at: Pos2,
}

/// The link being dragged out of card `from` to `end` (screen points), and the card it
/// would land on outlined.
pub fn connect_preview(
    frame: &Frame,
    from: usize,
    end: Pos2,
    target: Option<usize>,
    relation: Relation,
) {
    let (painter, theme) = (&frame.painter, &frame.theme);
    if let Some(t) = target {
        painter.rect_stroke(
            frame.card_on_screen(t).expand(4.0),
            6.0,
            Stroke::new(2.5, theme.selection),
            StrokeKind::Outside,
        );
    }
    let start = frame.card_on_screen(from).right_center();
    let band = links::Route {
        points: [start, start + vec2(40.0, 0.0), end - vec2(40.0, 0.0), end],
    };
    links::paint(painter, theme, &band, relation, frame.zoom().max(0.6), true);
}

/// A few words beside the pointer saying what letting go will do.
pub fn gesture_hint(frame: &Frame, pointer: Pos2, text: &str) {
    let font = egui::FontId::proportional(13.0);
    let galley = frame
        .painter
        .layout_no_wrap(text.to_owned(), font, frame.theme.text);
    let rect = Rect::from_min_size(pointer + vec2(14.0, 10.0), galley.size()).expand(4.0);
    frame.painter.rect_filled(rect, 4.0, frame.theme.canvas_bg);
    frame.painter.rect_stroke(
        rect,
        4.0,
        Stroke::new(1.0, frame.theme.selection),
        StrokeKind::Inside,
    );
    frame
        .painter
        .galley(rect.min + vec2(4.0, 4.0), galley, frame.theme.text);
}

/// The Shift-drag selection box (screen points).
pub fn selection_box(frame: &Frame, screen: Rect) {
    let selection = frame.theme.selection;
    frame.painter.rect(
        screen,
        2.0,
        selection.gamma_multiply(0.12),
        Stroke::new(1.5, selection),
        StrokeKind::Inside,
    );
}

/// While a new linked node is being typed, the link it will get.
pub fn new_link_preview(frame: &Frame, view: &ViewState) {
    let Some(TextEditing {
        target:
            EditTarget::New {
                pos,
                link_to: Some(NewLink::On(parent, relation)),
                ..
            },
        ..
    }) = &view.editing
    else {
        return;
    };
    let Some(&p) = frame.derived.index.get(parent) else {
        return;
    };
    let ghost = Rect::from_min_size(pos2(pos.x, pos.y), vec2(card::CARD_WIDTH, 100.0));
    if let Some(route) = links::route(ghost, frame.card_rect(p)) {
        let on_screen = route.transformed(|q| frame.place.to_screen(q));
        let (painter, theme) = (&frame.painter, &frame.theme);
        links::paint(painter, theme, &on_screen, *relation, frame.zoom(), true);
    }
}

/// The round handle on a card's edge that new links are dragged out of.
pub fn connect_handle(frame: &Frame, centre: Pos2, r: f32, active: bool, kind: NodeKind) {
    let (painter, theme) = (&frame.painter, &frame.theme);
    painter.circle(
        centre,
        if active { r * 1.25 } else { r },
        theme.canvas_bg,
        Stroke::new(2.0, theme.accent(kind)),
    );
    painter.circle_filled(centre, r * 0.45, theme.accent(kind));
}

/// What an empty map says.
pub fn empty_hint(frame: &Frame, rect: Rect) {
    frame.painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "This map is empty. Double-click to add a claim.",
        egui::FontId::proportional(16.0),
        frame.theme.weak_text,
    );
}
