//! What the pointer and the keyboard do on the canvas: keeping the keyboard, pan and zoom,
//! the gestures on cards (click, drag to move, drop a source, the connect handle) and on the
//! background (box select, click, double-click, context menus). Input changes view state
//! (camera, selection, gesture) or asks for edits through [`CanvasRequest`]s.

use super::hit::{link_at, node_at};
use super::{CanvasRequest, Frame, accessible_label, card, menus, paint};
use crate::app::drag::DraggedSource;
use crate::app::view::{ContextTarget, Gesture, ViewState};
use crate::model::{ArgumentMap, Node, NodeId, NodeKind, Relation};
use egui::{Id, Key, PointerButton, Pos2, Rect, Response, Sense, Ui, Vec2, WidgetInfo, vec2};

/// Keyboard panning speed, in screen points per second.
const KEY_PAN_SPEED: f32 = 700.0;
/// How close (screen points) a click must be to a link to select it.
const LINK_PICK_DISTANCE: f32 = 6.0;

/// The canvas keeps the keyboard whenever no text field has it, and claims Tab, arrows and
/// Esc for itself, so Tab creates a node instead of moving focus between buttons.
pub fn keep_keyboard(ui: &Ui, background: &Response, view: &mut ViewState) {
    let wants = background.clicked()
        || background.drag_started()
        || view.focus_canvas
        || ui.memory(|m| m.focused().is_none());
    if wants && view.editing.is_none() {
        background.request_focus();
        view.focus_canvas = false;
    }
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            background.id,
            egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            },
        )
    });
}

/// Drag the background (or middle-drag anywhere) to pan; scroll to pan; Ctrl+scroll or pinch
/// to zoom around the pointer; arrow keys pan when the canvas has the keyboard.
pub fn pan_and_zoom(ui: &Ui, background: &Response, rect: Rect, view: &mut ViewState) {
    let camera = &mut view.camera;
    let box_selecting = matches!(view.gesture, Gesture::BoxSelect { .. });
    if (background.dragged_by(PointerButton::Primary) && !box_selecting)
        || background.dragged_by(PointerButton::Middle)
    {
        camera.pan(background.drag_delta());
    }
    if ui.input(|i| i.pointer.button_down(PointerButton::Middle))
        && !background.dragged_by(PointerButton::Middle)
        && ui.rect_contains_pointer(rect)
    {
        // Middle-drag over a card pans too.
        camera.pan(ui.input(|i| i.pointer.delta()));
    }
    let pointer = ui.input(|i| i.pointer.hover_pos());
    if ui.rect_contains_pointer(rect)
        && let Some(p) = pointer
    {
        let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta));
        if zoom != 1.0 {
            camera.zoom_around(rect, p, zoom);
        }
        if scroll != Vec2::ZERO {
            camera.pan(scroll);
        }
    }
    if background.has_focus() {
        let (dir, dt, other) = ui.input(|i| {
            let mut d = Vec2::ZERO;
            for (key, v) in [
                (Key::ArrowLeft, vec2(1.0, 0.0)),
                (Key::ArrowRight, vec2(-1.0, 0.0)),
                (Key::ArrowUp, vec2(0.0, 1.0)),
                (Key::ArrowDown, vec2(0.0, -1.0)),
            ] {
                if i.key_down(key) {
                    d += v;
                }
            }
            (
                d,
                i.stable_dt.min(0.1),
                i.modifiers.alt || i.modifiers.command || i.modifiers.shift,
            )
        });
        if dir != Vec2::ZERO && !other {
            camera.pan(dir * KEY_PAN_SPEED * dt);
            ui.ctx().request_repaint();
        }
    }
}

/// A card as a widget of its own, labelled for screen readers and tests.
pub fn card_widget(ui: &Ui, node: &Node, is_main: bool, selected: bool, screen: Rect) -> Response {
    let response = ui.interact(
        screen,
        Id::unique(("argmap-card", &node.id)),
        Sense::click_and_drag(),
    );
    // Built only when a screen reader (or a test) asks.
    response.widget_info(|| {
        let label = accessible_label(node, is_main);
        WidgetInfo::selected(egui::Role::Button, true, selected, &label)
    });
    response
}

/// A reason's marker as a widget of its own, so that screen readers (and tests) find the
/// reason by what it says, and hovering it says so too. It senses only hover: a click on it
/// goes through to the canvas, which selects the reason under the pointer.
pub fn reason_widget(ui: &Ui, frame: &Frame, marker: &paint::ReasonMarker) {
    let Some(link) = frame.map.links.get(marker.link) else {
        return;
    };
    let size = (14.0 * frame.zoom()).clamp(10.0, 18.0);
    let response = ui.interact(
        Rect::from_center_size(marker.at, Vec2::splat(size)),
        Id::unique(("argmap-reason", &link.from, &link.to)),
        Sense::hover(),
    );
    let label = || super::reason_label(frame.map, frame.derived, link);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, label()));
    // Built only when hovered.
    response.on_hover_ui(|ui| {
        ui.label(label());
    });
}

/// Hovered, or a source from the library is being dragged over it.
pub fn hovered_or_dropping(response: &Response) -> bool {
    response.hovered() || response.dnd_hover_payload::<DraggedSource>().is_some()
}

/// A card as drawn this frame, for its gestures.
pub struct CardOnScreen<'a> {
    pub node: &'a Node,
    pub is_main: bool,
    pub selected: bool,
    pub hovered: bool,
    /// Its text did not fit and was cut short.
    pub elided: bool,
    pub screen: Rect,
}

/// A card's gestures: a dropped source cites, double-click edits, dragging moves the
/// selection, right-click opens its menu, and the connect handle links. Returns whether it
/// was clicked (selection is decided once the background has been seen too).
pub fn card_gestures(
    ui: &Ui,
    frame: &Frame,
    view: &mut ViewState,
    card: &CardOnScreen,
    response: Response,
    requests: &mut Vec<CanvasRequest>,
) -> bool {
    let node = card.node;
    let zoom = frame.zoom();
    let response = if card.elided || zoom < card::DETAIL_ZOOM {
        response.on_hover_text(accessible_label(node, card.is_main))
    } else {
        response
    };
    if let Some(dropped) = response.dnd_release_payload::<DraggedSource>() {
        requests.push(CanvasRequest::Cite {
            node: node.id.clone(),
            source: dropped.0.clone(),
        });
    }
    if response.double_clicked() {
        requests.push(CanvasRequest::EditText(node.id.clone()));
    }
    if response.drag_started_by(PointerButton::Primary) {
        if !card.selected {
            view.selection.select_only(node.id.clone());
        }
        view.gesture = Gesture::MoveCards { offset: Vec2::ZERO };
    }
    if response.dragged_by(PointerButton::Primary)
        && let Gesture::MoveCards { offset } = &mut view.gesture
    {
        *offset += response.drag_delta() / zoom;
    }
    if response.drag_stopped()
        && let Gesture::MoveCards { offset } = std::mem::take(&mut view.gesture)
        && offset != Vec2::ZERO
    {
        requests.push(CanvasRequest::Move {
            ids: view.selection.nodes().to_vec(),
            delta: offset,
        });
    }
    if response.secondary_clicked() {
        view.context = Some(ContextTarget::Node(node.id.clone()));
    }
    response.context_menu(|ui| menus::node_menu(ui, frame.map, node, card.is_main, requests));
    // The connect handle: drag it onto another card to link this card to that one.
    if (card.hovered || card.selected) && zoom >= card::DETAIL_ZOOM && view.editing.is_none() {
        connect_handle(ui, frame, view, node, card.screen);
    }
    response.clicked()
}

/// The round handle on a card's right edge; dragging it starts a new link.
fn connect_handle(ui: &Ui, frame: &Frame, view: &mut ViewState, node: &Node, card: Rect) {
    let centre = card.right_center();
    let r = (6.0 * frame.zoom()).clamp(5.0, 9.0);
    let handle = Rect::from_center_size(centre, Vec2::splat(2.0 * r + 6.0));
    let response = ui.interact(
        handle,
        Id::unique(("argmap-connect", &node.id)),
        Sense::drag(),
    );
    response.widget_info(|| {
        WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Link from: {}", node.text),
        )
    });
    let active = response.hovered() || response.dragged();
    paint::connect_handle(frame, centre, r, active, node.kind);
    let response = response.on_hover_text("Drag onto another card to link them");
    if response.drag_started() {
        view.gesture = Gesture::Connect {
            from: node.id.clone(),
            pointer: frame.place.to_map(centre),
        };
    }
    if let (Gesture::Connect { pointer, .. }, Some(p)) =
        (&mut view.gesture, response.interact_pointer_pos())
    {
        *pointer = frame.place.to_map(p);
    }
}

/// A new link being dragged out of a card: shown as it goes, and made when it is dropped on
/// another card.
pub fn connect_gesture(
    ui: &Ui,
    frame: &Frame,
    view: &mut ViewState,
    requests: &mut Vec<CanvasRequest>,
) {
    let Gesture::Connect { from, pointer } = &view.gesture else {
        return;
    };
    let (map, derived, sizes) = (frame.map, frame.derived, frame.sizes);
    // Off any card, the drop lands on the reason whose arrow is under the pointer, if any.
    let tolerance = 6.0 / frame.zoom();
    let over_link = |pointer: Pos2| {
        link_at(map, derived, sizes, tolerance, pointer).filter(|(f, t)| f != from && t != from)
    };
    if let Some(&f) = derived.index.get(from) {
        let target = node_at(map, derived.main, sizes, *pointer).filter(|&t| t != f);
        let relation = ArgumentMap::default_relation(map.nodes[f].kind);
        let screen = frame.place.to_screen(*pointer);
        let undercut = target.is_none() && over_link(*pointer).is_some();
        let relation = if undercut {
            Relation::Opposes
        } else {
            relation
        };
        paint::connect_preview(frame, f, screen, target, relation);
        if undercut {
            paint::gesture_hint(frame, screen, "Undercut this reason");
        }
    }
    if !ui.input(|i| i.pointer.any_down()) {
        // Released: a drop on a card links to it; on an arrow, undercuts that reason.
        let pointer = *pointer;
        let request = match node_at(map, derived.main, sizes, pointer) {
            Some(t) => Some(CanvasRequest::Connect {
                from: from.clone(),
                to: map.nodes[t].id.clone(),
            }),
            None => over_link(pointer).map(|reason| CanvasRequest::Undercut {
                attacker: from.clone(),
                reason,
            }),
        };
        view.gesture = Gesture::None;
        requests.extend(request);
    }
}

/// The background: box select (Shift+drag), click (a card that is not a widget, a link, or
/// clearing the selection), double-click (edit or create), and its context menus. Returns the
/// card a click landed on, if any.
pub fn background(
    ui: &Ui,
    background: &Response,
    frame: &Frame,
    view: &mut ViewState,
    requests: &mut Vec<CanvasRequest>,
) -> Option<usize> {
    let (map, derived, sizes) = (frame.map, frame.derived, frame.sizes);
    let place = &frame.place;
    let modifiers = ui.input(|i| i.modifiers);
    let pointer_map = background.interact_pointer_pos().map(|p| place.to_map(p));
    if background.drag_started_by(PointerButton::Primary)
        && modifiers.shift
        && let Some(p) = pointer_map
    {
        view.gesture = Gesture::BoxSelect { start: p, end: p };
    }
    if let Gesture::BoxSelect { start, end } = &mut view.gesture {
        if let Some(p) = pointer_map {
            *end = p;
        }
        let r = Rect::from_two_pos(*start, *end);
        paint::selection_box(frame, place.screen(r));
        if background.drag_stopped() {
            if !modifiers.command {
                view.selection.clear();
            }
            for (i, node) in map.nodes.iter().enumerate() {
                if r.intersects(frame.card_rect(i)) && !view.selection.contains(&node.id) {
                    view.selection.toggle(node.id.clone());
                }
            }
            view.gesture = Gesture::None;
        }
    }
    let tolerance = LINK_PICK_DISTANCE / frame.zoom();
    let card_under = |p| node_at(map, derived.main, sizes, p);
    let mut clicked = None;
    if background.double_clicked()
        && let Some(p) = pointer_map
    {
        requests.push(match card_under(p) {
            // A card that is not a widget of its own (too many on screen): edit it.
            Some(i) => CanvasRequest::EditText(map.nodes[i].id.clone()),
            None => CanvasRequest::Create {
                kind: NodeKind::Claim,
                at: p - vec2(card::CARD_WIDTH / 2.0, 30.0),
            },
        });
    } else if background.clicked() {
        let link = pointer_map.and_then(|p| link_at(map, derived, sizes, tolerance, p));
        match (pointer_map.and_then(card_under), link) {
            (Some(i), _) => clicked = Some(i),
            (None, Some((from, to))) => view.selection.select_link(from, to),
            (None, None) if !(modifiers.shift || modifiers.command) => view.selection.clear(),
            (None, None) => {}
        }
    }
    if background.secondary_clicked()
        && let Some(p) = pointer_map
    {
        view.context = Some(match link_at(map, derived, sizes, tolerance, p) {
            Some((from, to)) => {
                view.selection.select_link(from.clone(), to.clone());
                ContextTarget::Link(from, to)
            }
            None => ContextTarget::Background(p),
        });
    }
    let context = view.context.clone();
    background.context_menu(|ui| match &context {
        Some(ContextTarget::Link(from, to)) => menus::link_menu(ui, map, from, to, requests),
        Some(ContextTarget::Background(p)) => menus::background_menu(ui, *p, requests),
        _ => {}
    });
    clicked
}

/// A click on a card selects it; with Shift or Ctrl it joins or leaves the selection.
pub fn click_card(ui: &Ui, view: &mut ViewState, id: NodeId) {
    let modifiers = ui.input(|i| i.modifiers);
    if modifiers.shift || modifiers.command {
        view.selection.toggle(id);
    } else {
        view.selection.select_only(id);
    }
}
