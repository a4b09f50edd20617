//! The map canvas: cards and links painted with egui's `Painter`, pan and zoom, selection.
//!
//! Only what is inside the view is laid out and painted. Each visible card is also an
//! AccessKit widget labelled with its kind and text, so screen readers and UI tests find it.

pub mod card;
mod hit;
mod legend;
pub mod links;

pub use card::CardSizes;
pub use hit::node_at;

use super::camera::Camera;
use super::derived::Derived;
use super::theme::Theme;
use super::view::{Reveal, ViewState};
use crate::model::{ArgumentMap, Node};
use card::CardState;
use egui::{Id, Key, PointerButton, Pos2, Rect, Sense, Ui, Vec2, WidgetInfo, pos2};

/// Above this many visible cards, cards stop being individual widgets (clicks are then
/// hit-tested directly); keeps a zoomed-out view of a huge map fast.
const MAX_CARD_WIDGETS: usize = 2_000;
/// Keyboard panning speed, in screen points per second.
const KEY_PAN_SPEED: f32 = 700.0;

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

/// A camera showing the whole map (at most 100%), or the current one for an empty map.
pub fn fit_camera(
    map: &ArgumentMap,
    derived: &Derived,
    sizes: &CardSizes,
    canvas: Rect,
    current: Camera,
) -> Camera {
    match map_bounds(map, derived, sizes) {
        Some(bounds) => Camera::fitting(canvas, bounds, 1.0),
        None => Camera {
            origin: canvas.size() / 2.0,
            zoom: 1.0,
        },
    }
    .with_fallback(current)
}

impl Camera {
    fn with_fallback(self, current: Camera) -> Camera {
        if self.zoom.is_finite() && self.origin.x.is_finite() && self.origin.y.is_finite() {
            self
        } else {
            current
        }
    }
}

pub struct Canvas<'a> {
    pub map: &'a ArgumentMap,
    pub derived: &'a Derived,
    pub view: &'a mut ViewState,
    pub sizes: &'a mut CardSizes,
    pub show_legend: bool,
}

impl Canvas<'_> {
    pub fn show(self, ui: &mut Ui) {
        let Canvas {
            map,
            derived,
            view,
            sizes,
            show_legend,
        } = self;
        let theme = Theme::from_visuals(ui.visuals());
        let (rect, background) =
            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        background.widget_info(|| WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
        view.canvas_rect = rect;

        if view.fit_pending && rect.width() > 1.0 {
            view.camera = fit_camera(map, derived, sizes, rect, view.camera);
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
        pan_and_zoom(ui, &background, rect, &mut view.camera);

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, theme.canvas_bg);

        // Lay out the visible cards first: links need their measured sizes.
        let zoom = view.camera.zoom;
        let visible = view.camera.visible_map_rect(rect).expand(24.0 / zoom);
        let mut cards = Vec::new();
        for (i, node) in map.nodes.iter().enumerate() {
            let is_main = derived.is_main(i);
            if !visible.intersects(sizes.rect(node, is_main)) {
                continue;
            }
            let galley = card::prepare(&painter, &theme, sizes, node, zoom, is_main);
            cards.push((i, galley));
        }
        if let Some(i) = centring {
            let card = sizes.rect(&map.nodes[i], derived.is_main(i));
            view.camera.centre_on(rect, card.center());
        }
        let camera = view.camera;
        paint_grid(&painter, &theme, rect, &camera);

        let selection = &view.selection;
        for link in &map.links {
            let (Some(&f), Some(&t)) = (derived.index.get(&link.from), derived.index.get(&link.to))
            else {
                continue;
            };
            let from = sizes.rect(&map.nodes[f], derived.is_main(f));
            let to = sizes.rect(&map.nodes[t], derived.is_main(t));
            if !visible.intersects(from.union(to)) {
                continue;
            }
            if let Some(route) = links::route(from, to) {
                let highlighted = selection.contains(&link.from) || selection.contains(&link.to);
                let on_screen = route.transformed(|p| camera.to_screen(rect, p));
                links::paint(
                    &painter,
                    &theme,
                    &on_screen,
                    link.relation,
                    camera.zoom,
                    highlighted,
                );
            }
        }

        // Selected cards last, so their highlight is never covered by a neighbour.
        cards.sort_by_key(|(i, _)| selection.contains(&map.nodes[*i].id));
        let as_widgets = cards.len() <= MAX_CARD_WIDGETS;
        let mut clicked_card = None;
        for (i, galley) in cards {
            let node = &map.nodes[i];
            let is_main = derived.is_main(i);
            let screen = camera.rect_to_screen(rect, sizes.rect(node, is_main));
            let elided = galley.as_ref().is_some_and(|g| g.elided);
            let response = as_widgets.then(|| {
                let response = ui.interact(
                    screen,
                    Id::unique(("argmap-card", &node.id)),
                    Sense::click(),
                );
                let label = accessible_label(node, is_main);
                let selected = selection.contains(&node.id);
                response.widget_info(|| {
                    WidgetInfo::selected(egui::Role::Button, true, selected, &label)
                });
                response
            });
            let hovered = response.as_ref().is_some_and(|r| r.hovered());
            let state = CardState {
                is_main,
                selected: selection.contains(&node.id),
                hovered,
                dimmed: false,
            };
            card::paint(&painter, &theme, node, screen, camera.zoom, galley, &state);
            if let Some(response) = response {
                let response = if elided || galley_missing(camera.zoom) {
                    response.on_hover_text(accessible_label(node, is_main))
                } else {
                    response
                };
                if response.clicked() {
                    clicked_card = Some(i);
                }
            }
        }

        if background.clicked() {
            // Cards that are not widgets (very many visible) are hit-tested here.
            let hit = background
                .interact_pointer_pos()
                .and_then(|p| node_at(map, derived.main, sizes, camera.to_map(rect, p)));
            match hit {
                Some(i) => clicked_card = Some(i),
                None if !ui.input(|i| i.modifiers.shift || i.modifiers.command) => {
                    view.selection.clear()
                }
                None => {}
            }
        }
        if let Some(i) = clicked_card {
            let id = map.nodes[i].id.clone();
            if ui.input(|i| i.modifiers.shift || i.modifiers.command) {
                view.selection.toggle(id);
            } else {
                view.selection.select_only(id);
            }
        }

        if map.nodes.is_empty() {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "This map is empty.",
                egui::FontId::proportional(16.0),
                theme.weak_text,
            );
        }
        if show_legend {
            legend::paint(&painter, &theme, rect);
        }
    }
}

fn galley_missing(zoom: f32) -> bool {
    zoom < card::DETAIL_ZOOM
}

/// Drag the background (or middle-drag anywhere) to pan; scroll to pan; Ctrl+scroll or pinch
/// to zoom around the pointer; arrow keys pan when nothing else wants the keyboard.
fn pan_and_zoom(ui: &Ui, background: &egui::Response, rect: Rect, camera: &mut Camera) {
    if background.dragged_by(PointerButton::Primary) || background.dragged_by(PointerButton::Middle)
    {
        camera.pan(background.drag_delta());
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
    if !ui.ctx().egui_wants_keyboard_input() {
        let (dir, dt, alt) = ui.input(|i| {
            let mut d = Vec2::ZERO;
            if i.key_down(Key::ArrowLeft) {
                d.x += 1.0;
            }
            if i.key_down(Key::ArrowRight) {
                d.x -= 1.0;
            }
            if i.key_down(Key::ArrowUp) {
                d.y += 1.0;
            }
            if i.key_down(Key::ArrowDown) {
                d.y -= 1.0;
            }
            (
                d,
                i.stable_dt.min(0.1),
                i.modifiers.alt || i.modifiers.command,
            )
        });
        if dir != Vec2::ZERO && !alt {
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

/// Where `p` (screen) falls on the map; for callers outside the canvas.
pub fn screen_to_map(view: &ViewState, p: Pos2) -> Pos2 {
    view.camera.to_map(view.canvas_rect, p)
}
