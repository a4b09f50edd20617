//! The map canvas: cards and links painted with egui's `Painter`, pan and zoom, selection,
//! and the direct-manipulation gestures (move, connect, box-select, context menus).
//!
//! The canvas never changes the map: it changes view state (camera, selection) and returns
//! [`CanvasRequest`]s, which the app turns into edits. Only what is inside the view is laid
//! out and painted. Each visible card is also an AccessKit widget labelled with its kind and
//! text, so screen readers and UI tests find it.

pub mod card;
mod editor;
mod hit;
pub mod legend;
pub mod links;
mod menus;
mod overview;

pub use card::CardSizes;
pub use hit::{link_at, node_at};

use super::camera::Camera;
use super::derived::Derived;
use super::drag::DraggedSource;
use super::theme::Theme;
use super::view::{ContextTarget, EditTarget, Gesture, Reveal, ViewState};
use crate::model::{ArgumentMap, Node, NodeId, NodeKind};
use card::CardState;
use egui::{
    Id, Key, PointerButton, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2,
};

/// Above this many visible cards, cards stop being individual widgets (clicks are then
/// hit-tested directly); keeps a zoomed-out view of a huge map fast.
const MAX_CARD_WIDGETS: usize = 2_000;
/// Far out (cards a few pixels wide) the limit is lower: a thousand such widgets were most of
/// a frame, and the outline and Find reach every node anyway.
const MAX_FAR_CARD_WIDGETS: usize = 500;
/// Keyboard panning speed, in screen points per second.
const KEY_PAN_SPEED: f32 = 700.0;
/// How close (screen points) a click must be to a link to select it.
const LINK_PICK_DISTANCE: f32 = 6.0;

/// Map changes the user asked for on the canvas; the app applies them as edits.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasRequest {
    Move {
        ids: Vec<NodeId>,
        delta: Vec2,
    },
    Connect {
        from: NodeId,
        to: NodeId,
    },
    /// A new node of `kind` with its top-left corner at `at` (map units).
    Create {
        kind: NodeKind,
        at: Pos2,
    },
    AddLinked {
        parent: NodeId,
        kind: NodeKind,
    },
    EditText(NodeId),
    SetKind(NodeId, NodeKind),
    SetMain(NodeId),
    DeleteSelection,
    FlipLink(NodeId, NodeId),
    DeleteLink(NodeId, NodeId),
    CommitText,
    CancelText,
    /// A source from the library was dropped on this node's card.
    Cite {
        node: NodeId,
        source: crate::model::SourceId,
    },
}

/// What a screen reader says for a card; tests look cards up by it.
pub fn accessible_label(node: &Node, is_main: bool) -> String {
    let kind = if is_main {
        "Main claim"
    } else {
        node.kind.label()
    };
    format!("{kind}: {}", node.text)
}

/// The smallest rect (map units) holding every card.
pub fn map_bounds(map: &ArgumentMap, derived: &Derived, sizes: &CardSizes) -> Option<Rect> {
    map.nodes
        .iter()
        .enumerate()
        .map(|(i, n)| sizes.rect(n, derived.is_main(i)))
        .reduce(|a, b| a.union(b))
}

/// A camera showing the whole map (at most 100%), or one centred on the origin for an empty map.
pub fn fit_camera(map: &ArgumentMap, derived: &Derived, sizes: &CardSizes, canvas: Rect) -> Camera {
    match map_bounds(map, derived, sizes) {
        Some(bounds) => Camera::fitting(canvas, bounds, 1.0),
        None => Camera {
            origin: canvas.size() / 2.0 - vec2(card::CARD_WIDTH / 2.0, 40.0),
            zoom: 1.0,
        },
    }
}

/// The least zoom the opening view shows a map at: text is small there but readable.
pub const OPENING_ZOOM: f32 = 0.7;

/// The view a map opens with: the whole map when its text can still be read that way;
/// otherwise the main claim (or the first node) at [`OPENING_ZOOM`], with the map's top-left
/// edge kept in view, so a tree growing right or down shows the main claim and what comes
/// right after it. `F` then shows the whole map.
pub fn opening_camera(
    map: &ArgumentMap,
    derived: &Derived,
    sizes: &CardSizes,
    canvas: Rect,
) -> Camera {
    let fit = fit_camera(map, derived, sizes, canvas);
    let Some(bounds) = map_bounds(map, derived, sizes) else {
        return fit;
    };
    let focus = derived.main.unwrap_or(0);
    if fit.zoom >= OPENING_ZOOM || focus >= map.nodes.len() {
        return fit;
    }
    let mut camera = Camera {
        zoom: OPENING_ZOOM,
        ..fit
    };
    let card = sizes.rect(&map.nodes[focus], derived.is_main(focus));
    camera.centre_on(canvas, card.center());
    // Along an axis where the map fits, centre it; where it does not, show no empty canvas
    // beyond its left or top edge (a margin apart).
    let margin = 32.0 / OPENING_ZOOM;
    let shown = camera.visible_map_rect(canvas);
    let shift = |fits: bool, centre: f32, shown_centre: f32, edge: f32, shown_edge: f32| {
        if fits {
            centre - shown_centre
        } else {
            (edge - margin - shown_edge).max(0.0)
        }
    };
    let shift = vec2(
        shift(
            bounds.width() + 2.0 * margin <= shown.width(),
            bounds.center().x,
            shown.center().x,
            bounds.left(),
            shown.left(),
        ),
        shift(
            bounds.height() + 2.0 * margin <= shown.height(),
            bounds.center().y,
            shown.center().y,
            bounds.top(),
            shown.top(),
        ),
    );
    camera.origin -= shift * OPENING_ZOOM;
    camera
}

pub struct Canvas<'a> {
    pub map: &'a ArgumentMap,
    pub derived: &'a Derived,
    pub view: &'a mut ViewState,
    pub sizes: &'a mut CardSizes,
}

impl Canvas<'_> {
    pub fn show(self, ui: &mut Ui) -> Vec<CanvasRequest> {
        let Canvas {
            map,
            derived,
            view,
            sizes,
        } = self;
        let mut requests = Vec::new();
        if derived.checking() {
            // A big map's argument check is running in the background: look for its result.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        sizes.sync(map, derived);
        let theme = Theme::from_visuals(ui.visuals());
        let (rect, background) =
            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        background.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
        view.canvas_rect = rect;
        keep_keyboard(ui, &background, view);

        if view.fit_pending && rect.width() > 1.0 {
            view.camera = if std::mem::take(&mut view.opening) {
                opening_camera(map, derived, sizes, rect)
            } else {
                fit_camera(map, derived, sizes, rect)
            };
            view.fit_pending = false;
        }
        // A node to bring into view: centred now on its known (maybe estimated) size, and
        // again below once its card has been measured at this zoom.
        let mut centring = None;
        if let Some((id, how)) = view.reveal.take()
            && let Some(&i) = derived.index.get(&id)
        {
            let card = sizes.rect(&map.nodes[i], derived.is_main(i));
            let shown = view.camera.rect_to_screen(rect, card);
            if how == Reveal::Centre || !rect.shrink(8.0).contains_rect(shown) {
                view.camera.centre_on(rect, card.center());
                centring = Some(i);
            }
        }
        let presenting = view.present.is_some();
        if !presenting {
            pan_and_zoom(ui, &background, rect, view);
        }

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, theme.canvas_bg);

        // Cards being dragged are drawn (and linked) where they are being dragged to.
        let moving = match view.gesture {
            Gesture::MoveCards { offset } => offset,
            _ => Vec2::ZERO,
        };
        let selection = view.selection.clone();
        let card_rect = |sizes: &CardSizes, i: usize| {
            let r = sizes.rect_at(i);
            if moving != Vec2::ZERO && selection.contains(&map.nodes[i].id) {
                r.translate(moving)
            } else {
                r
            }
        };

        // Lay out the visible cards first: links need their measured sizes.
        let zoom = view.camera.zoom;
        let visible = view.camera.visible_map_rect(rect).expand(24.0 / zoom);
        let mut cards = Vec::new();
        let hidden = |id: &NodeId| view.present.as_ref().is_some_and(|p| !p.shown.contains(id));
        for (i, node) in map.nodes.iter().enumerate() {
            if hidden(&node.id) || !visible.intersects(card_rect(sizes, i)) {
                continue;
            }
            let galley = card::prepare(&painter, &theme, sizes, i, node, zoom, derived.is_main(i));
            cards.push((i, galley));
        }
        if let Some(i) = centring {
            view.camera.centre_on(rect, card_rect(sizes, i).center());
        }
        let camera = view.camera;
        paint_grid(&painter, &theme, rect, &camera);

        // Far out, plain cards and links go into two meshes instead of a shape each.
        let far_out = zoom < overview::OVERVIEW_ZOOM && !presenting;
        let mut far = overview::Overview::default();
        for (link, ends) in map.links.iter().zip(&derived.link_ends) {
            let Some((f, t)) = *ends else {
                continue;
            };
            let (from, to) = (card_rect(sizes, f), card_rect(sizes, t));
            if hidden(&link.from) || hidden(&link.to) || !visible.intersects(from.union(to)) {
                continue;
            }
            if let Some(route) = links::route(from, to) {
                let picked = selection
                    .link()
                    .is_some_and(|(f, t)| *f == link.from && *t == link.to);
                let highlighted =
                    picked || selection.contains(&link.from) || selection.contains(&link.to);
                let on_screen = route.transformed(|p| camera.to_screen(rect, p));
                if far_out && !highlighted {
                    far.link(&painter, &theme, &on_screen, link.relation);
                    continue;
                }
                if picked {
                    let halo = Stroke::new(8.0, theme.selection.gamma_multiply(0.35));
                    painter.add(egui::Shape::line(on_screen.polyline(20), halo));
                }
                links::paint(
                    &painter,
                    &theme,
                    &on_screen,
                    link.relation,
                    zoom,
                    highlighted,
                );
            }
        }

        far.paint_links(&painter);

        // Selected cards last, so their highlight is never covered by a neighbour.
        if !selection.is_empty() {
            cards.sort_by_key(|(i, _)| selection.contains(&map.nodes[*i].id));
        }
        let filter = view.highlight.clone();
        let dimmed_by_filter = |id: &NodeId| filter.as_ref().is_some_and(|h| !h.contains(id));
        // Cards drawn into the far-out mesh; the rest (selected, the main claim) are painted
        // on top of it below.
        let in_mesh =
            |i: usize| far_out && !derived.is_main(i) && !selection.contains(&map.nodes[i].id);
        if far_out {
            for &(i, _) in &cards {
                if in_mesh(i) {
                    let node = &map.nodes[i];
                    let screen = camera.rect_to_screen(rect, card_rect(sizes, i));
                    far.card(&theme, node.kind, screen, dimmed_by_filter(&node.id));
                }
            }
            far.paint_cards(&painter);
        }
        let as_widgets = cards.len()
            <= if far_out {
                MAX_FAR_CARD_WIDGETS
            } else {
                MAX_CARD_WIDGETS
            };
        let modifiers = ui.input(|i| i.modifiers);
        let mut clicked_card = None;
        let editing_id = match view.editing.as_ref().map(|e| &e.target) {
            Some(EditTarget::Existing(id)) => Some(id.clone()),
            _ => None,
        };
        for (i, galley) in cards {
            if !as_widgets && in_mesh(i) {
                continue; // drawn into the far-out mesh above, and not a widget
            }
            let node = &map.nodes[i];
            let is_main = derived.is_main(i);
            let screen = camera.rect_to_screen(rect, card_rect(sizes, i));
            let selected = selection.contains(&node.id);
            let elided = galley.as_ref().is_some_and(|g| g.elided);
            let response = as_widgets.then(|| {
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
            });
            let dragging_source = response
                .as_ref()
                .is_some_and(|r| r.dnd_hover_payload::<DraggedSource>().is_some());
            let hovered = response.as_ref().is_some_and(|r| r.hovered()) || dragging_source;
            // Presenting: the current step is highlighted, what came before is dimmed.
            let current = view
                .present
                .as_ref()
                .is_some_and(|p| p.current.contains(&node.id));
            let dimmed = dimmed_by_filter(&node.id) || (presenting && !current);
            let state = CardState {
                is_main,
                selected: selected || current,
                hovered: hovered && !presenting,
                dimmed,
            };
            if editing_id.as_ref() != Some(&node.id) && !in_mesh(i) {
                card::paint(&painter, &theme, (i, node), screen, zoom, galley, &state);
            }
            let Some(response) = response else { continue };
            if presenting {
                continue; // clicks step the talk (handled by the app), nothing else
            }
            let response = if elided || zoom < card::DETAIL_ZOOM {
                response.on_hover_text(accessible_label(node, is_main))
            } else {
                response
            };
            if let Some(dropped) = response.dnd_release_payload::<DraggedSource>() {
                requests.push(CanvasRequest::Cite {
                    node: node.id.clone(),
                    source: dropped.0.clone(),
                });
            }
            if response.clicked() {
                clicked_card = Some(i);
            }
            if response.double_clicked() {
                requests.push(CanvasRequest::EditText(node.id.clone()));
            }
            if response.drag_started_by(PointerButton::Primary) {
                if !selected {
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
            response.context_menu(|ui| menus::node_menu(ui, node, is_main, &mut requests));
            // The connect handle: drag it onto another card to link this card to that one.
            if (hovered || selected) && zoom >= card::DETAIL_ZOOM && view.editing.is_none() {
                connect_handle(ui, &painter, &theme, view, node, screen, zoom);
            }
        }

        if presenting {
            return requests;
        }
        // Gesture: dragging a new link.
        if let Gesture::Connect { from, pointer } = &view.gesture {
            if let Some(&f) = derived.index.get(from) {
                let start = camera.rect_to_screen(rect, card_rect(sizes, f));
                let end = camera.to_screen(rect, *pointer);
                let target = node_at(map, derived.main, sizes, *pointer);
                if let Some(t) = target.filter(|&t| t != f) {
                    let r = camera.rect_to_screen(rect, card_rect(sizes, t));
                    painter.rect_stroke(
                        r.expand(4.0),
                        6.0,
                        Stroke::new(2.5, theme.selection),
                        StrokeKind::Outside,
                    );
                }
                let kind = map.nodes[f].kind;
                let relation = ArgumentMap::default_relation(kind);
                let band = links::Route {
                    points: [
                        start.right_center(),
                        start.right_center() + vec2(40.0, 0.0),
                        end - vec2(40.0, 0.0),
                        end,
                    ],
                };
                links::paint(&painter, &theme, &band, relation, zoom.max(0.6), true);
            }
            if !ui.input(|i| i.pointer.any_down()) {
                // Released: a drop on a card links to it.
                if let Gesture::Connect { from, pointer } = std::mem::take(&mut view.gesture)
                    && let Some(t) = node_at(map, derived.main, sizes, pointer)
                {
                    requests.push(CanvasRequest::Connect {
                        from,
                        to: map.nodes[t].id.clone(),
                    });
                }
            }
        }

        // Background: box select (Shift+drag), click, double-click, context menu.
        let pointer_map = background
            .interact_pointer_pos()
            .map(|p| camera.to_map(rect, p));
        if background.drag_started_by(PointerButton::Primary)
            && modifiers.shift
            && let Some(p) = pointer_map
        {
            view.gesture = Gesture::BoxSelect { start: p, end: p };
        }
        if let Gesture::BoxSelect { start, end } = &mut view.gesture {
            if let Some(p) = background.interact_pointer_pos() {
                *end = camera.to_map(rect, p);
            }
            let r = Rect::from_two_pos(*start, *end);
            let screen = camera.rect_to_screen(rect, r);
            painter.rect(
                screen,
                2.0,
                theme.selection.gamma_multiply(0.12),
                Stroke::new(1.5, theme.selection),
                StrokeKind::Inside,
            );
            if background.drag_stopped() {
                let ids: Vec<NodeId> = map
                    .nodes
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| r.intersects(card_rect(sizes, *i)))
                    .map(|(_, n)| n.id.clone())
                    .collect();
                if !modifiers.command {
                    view.selection.clear();
                }
                for id in ids {
                    if !view.selection.contains(&id) {
                        view.selection.toggle(id);
                    }
                }
                view.gesture = Gesture::None;
            }
        }
        let card_under = |p: Pos2| node_at(map, derived.main, sizes, p);
        if background.double_clicked()
            && let Some(p) = pointer_map
            && let Some(i) = card_under(p)
        {
            // A card that is not a widget of its own (too many on screen): edit it.
            requests.push(CanvasRequest::EditText(map.nodes[i].id.clone()));
        } else if background.double_clicked()
            && let Some(p) = pointer_map
        {
            let at = p - vec2(card::CARD_WIDTH / 2.0, 30.0);
            requests.push(CanvasRequest::Create {
                kind: NodeKind::Claim,
                at,
            });
        } else if background.clicked() {
            let link = background.interact_pointer_pos().and_then(|p| {
                link_at(
                    map,
                    derived,
                    sizes,
                    LINK_PICK_DISTANCE / zoom,
                    camera.to_map(rect, p),
                )
            });
            let hit = pointer_map.and_then(|p| node_at(map, derived.main, sizes, p));
            match (hit, link) {
                (Some(i), _) => clicked_card = Some(i),
                (None, Some((from, to))) => view.selection.select_link(from, to),
                (None, None) if !(modifiers.shift || modifiers.command) => view.selection.clear(),
                (None, None) => {}
            }
        }
        if background.secondary_clicked()
            && let Some(p) = pointer_map
        {
            view.context = Some(
                match link_at(map, derived, sizes, LINK_PICK_DISTANCE / zoom, p) {
                    Some((from, to)) => {
                        view.selection.select_link(from.clone(), to.clone());
                        ContextTarget::Link(from, to)
                    }
                    None => ContextTarget::Background(p),
                },
            );
        }
        let context = view.context.clone();
        background.context_menu(|ui| match &context {
            Some(ContextTarget::Link(from, to)) => {
                menus::link_menu(ui, map, from, to, &mut requests)
            }
            Some(ContextTarget::Background(p)) => menus::background_menu(ui, *p, &mut requests),
            _ => {}
        });

        if let Some(i) = clicked_card {
            let id = map.nodes[i].id.clone();
            if modifiers.shift || modifiers.command {
                view.selection.toggle(id);
            } else {
                view.selection.select_only(id);
            }
        }

        // While a new linked node is being typed, show the link it will get.
        if let Some(super::view::TextEditing {
            target:
                EditTarget::New {
                    pos,
                    link_to: Some((parent, relation)),
                    ..
                },
            ..
        }) = &view.editing
            && let Some(&p) = derived.index.get(parent)
        {
            let ghost = Rect::from_min_size(pos2(pos.x, pos.y), vec2(card::CARD_WIDTH, 100.0));
            if let Some(route) = links::route(ghost, card_rect(sizes, p)) {
                let on_screen = route.transformed(|q| camera.to_screen(rect, q));
                links::paint(&painter, &theme, &on_screen, *relation, zoom, true);
            }
        }
        if let Some(editing) = &mut view.editing {
            editor::show(
                ui,
                map,
                derived,
                sizes,
                &camera,
                rect,
                editing,
                &mut requests,
            );
        }

        if map.nodes.is_empty() && view.editing.is_none() {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "This map is empty. Double-click to add a claim.",
                egui::FontId::proportional(16.0),
                theme.weak_text,
            );
        }
        requests
    }
}

/// The canvas keeps the keyboard whenever no text field has it, and claims Tab, arrows and
/// Esc for itself, so Tab creates a node instead of moving focus between buttons.
fn keep_keyboard(ui: &Ui, background: &egui::Response, view: &mut ViewState) {
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

fn connect_handle(
    ui: &Ui,
    painter: &egui::Painter,
    theme: &Theme,
    view: &mut ViewState,
    node: &Node,
    card: Rect,
    zoom: f32,
) {
    let centre = card.right_center();
    let r = (6.0 * zoom).clamp(5.0, 9.0);
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
    painter.circle(
        centre,
        if active { r * 1.25 } else { r },
        theme.canvas_bg,
        Stroke::new(2.0, theme.accent(node.kind)),
    );
    painter.circle_filled(centre, r * 0.45, theme.accent(node.kind));
    let response = response.on_hover_text("Drag onto another card to link them");
    if response.drag_started() {
        view.gesture = Gesture::Connect {
            from: node.id.clone(),
            pointer: view.camera.to_map(view.canvas_rect, centre),
        };
    }
    if let (Gesture::Connect { pointer, .. }, Some(p)) =
        (&mut view.gesture, response.interact_pointer_pos())
    {
        *pointer = view.camera.to_map(view.canvas_rect, p);
    }
}

/// Drag the background (or middle-drag anywhere) to pan; scroll to pan; Ctrl+scroll or pinch
/// to zoom around the pointer; arrow keys pan when the canvas has the keyboard.
fn pan_and_zoom(ui: &Ui, background: &egui::Response, rect: Rect, view: &mut ViewState) {
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

/// A dot grid gives a sense of movement when panning; it fades out when dots would crowd.
fn paint_grid(painter: &egui::Painter, theme: &Theme, rect: Rect, camera: &Camera) {
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
            painter.circle_filled(pos2(x, y), r, theme.grid_dot);
            x += step;
        }
        y += step;
    }
}
