//! The map canvas: cards and links painted with egui's `Painter`, pan and zoom, selection,
//! and the direct-manipulation gestures (move, connect, box-select, context menus).
//!
//! The canvas never changes the map: it changes view state (camera, selection) and returns
//! [`CanvasRequest`]s, which the app turns into edits. Only what is inside the view is laid
//! out and painted. Each visible card is also an AccessKit widget labelled with its kind and
//! text, so screen readers and UI tests find it.

//!
//! Each frame runs in stages, each in its own file: framing the view (`fit.rs`), input
//! (`input.rs`: keyboard, pan and zoom, the gestures on cards and on the background),
//! hit-testing (`hit.rs`) and painting (`paint.rs` for the grid, links and gesture feedback;
//! `card.rs` and `links.rs` turn `render`'s cards and arrows into egui shapes).

pub mod card;
mod editor;
mod fit;
mod hit;
mod input;
pub mod legend;
pub mod links;
mod menus;
mod overview;
mod paint;
pub mod reasons;

pub use card::CardSizes;
pub use fit::{OPENING_ZOOM, fit_camera, map_bounds, opening_camera};
pub use hit::{link_at, node_at};

use super::camera::Camera;
use super::derived::Derived;
use super::theme::Theme;
use super::view::{EditTarget, Gesture, Reveal, Selection, ViewState};
use crate::model::{ArgumentMap, Node, NodeId, NodeKind, Relation};
use card::CardState;
use egui::{Pos2, Rect, Sense, Ui, Vec2, WidgetInfo};

/// Above this many visible cards, cards stop being individual widgets (clicks are then
/// hit-tested directly); keeps a zoomed-out view of a huge map fast.
const MAX_CARD_WIDGETS: usize = 2_000;
/// Far out (cards a few pixels wide) the limit is lower: a thousand such widgets were most of
/// a frame, and the outline and Find reach every node anyway.
const MAX_FAR_CARD_WIDGETS: usize = 500;
/// Reasons beyond plain links on screen that are made widgets of their own (screen readers
/// and tests find them by what they say); past this many, none are.
const MAX_REASON_WIDGETS: usize = 500;

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
    /// Start typing a co-premise of the reason (first premise, target).
    AddCoPremise(NodeId, NodeId),
    /// Start typing a counterpoint undercutting the reason (first premise, target).
    UndercutReason(NodeId, NodeId),
    /// A card's link handle was dropped on a reason's arrow: it undercuts that reason.
    Undercut {
        attacker: NodeId,
        reason: (NodeId, NodeId),
    },
    SplitReason(NodeId, NodeId),
    /// Start typing an undercut of the reason that answers critical question `number` of
    /// its scheme.
    AnswerQuestion {
        reason: (NodeId, NodeId),
        number: u32,
    },
    /// Take `premise` out of the linked reason into a reason of its own.
    TakeOut {
        premise: NodeId,
        reason: (NodeId, NodeId),
    },
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

/// What a screen reader says for a reason beyond a plain link, and what its marker's
/// tooltip shows: its premises, what it does to its target, its scheme and warrant.
pub fn reason_label(map: &ArgumentMap, derived: &Derived, link: &crate::model::Link) -> String {
    let text = |id: &NodeId| {
        derived
            .node(map, id)
            .map_or_else(|| id.to_string(), |n| short(&n.text))
    };
    let premises: Vec<String> = link
        .premises()
        .map(|p| format!("\"{}\"", text(p)))
        .collect();
    let premises = premises.join(" and ");
    let mut label = match (&link.undercuts, link.is_linked(), link.relation) {
        (Some(attacked), ..) => format!(
            "Undercut: {premises} against the reason \"{}\" for \"{}\"",
            text(attacked),
            text(&link.to)
        ),
        (None, true, Relation::Supports) => {
            format!(
                "Linked reason: {premises} together support \"{}\"",
                text(&link.to)
            )
        }
        (None, true, Relation::Opposes) => {
            format!(
                "Linked reason: {premises} together oppose \"{}\"",
                text(&link.to)
            )
        }
        (None, false, relation) => format!(
            "Reason: {premises} {} \"{}\"",
            relation.as_str(),
            text(&link.to)
        ),
    };
    if let Some(scheme) = &link.scheme {
        label.push_str(&format!(
            " ({})",
            crate::model::scheme::display_name(scheme)
        ));
    }
    if let Some(warrant) = &link.warrant {
        label.push_str(&format!("; warrant: {}", short(warrant)));
    }
    label
}

/// The first words of a text, for a label that names several cards.
fn short(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_owned(),
    }
}

pub struct Canvas<'a> {
    pub map: &'a ArgumentMap,
    pub derived: &'a Derived,
    pub view: &'a mut ViewState,
    pub sizes: &'a mut CardSizes,
}

/// Where cards are this frame: the canvas on screen, the camera, and the cards being dragged
/// (drawn, linked and hit where they are being dragged to).
struct Placement {
    rect: Rect,
    camera: Camera,
    moving: Vec2,
    selection: Selection,
}

impl Placement {
    fn new(view: &ViewState) -> Self {
        Self {
            rect: view.canvas_rect,
            camera: view.camera,
            moving: match view.gesture {
                Gesture::MoveCards { offset } => offset,
                _ => Vec2::ZERO,
            },
            selection: view.selection.clone(),
        }
    }

    /// Card `i`'s rectangle in map units, moved along if it is being dragged.
    #[inline]
    fn card_rect(&self, map: &ArgumentMap, sizes: &CardSizes, i: usize) -> Rect {
        let r = sizes.rect_at(i);
        if self.moving != Vec2::ZERO && self.selection.contains(&map.nodes[i].id) {
            r.translate(self.moving)
        } else {
            r
        }
    }

    fn screen(&self, map_rect: Rect) -> Rect {
        self.camera.rect_to_screen(self.rect, map_rect)
    }

    fn to_screen(&self, p: Pos2) -> Pos2 {
        self.camera.to_screen(self.rect, p)
    }

    fn to_map(&self, p: Pos2) -> Pos2 {
        self.camera.to_map(self.rect, p)
    }
}

/// Whether a presentation keeps this node hidden for now.
fn hidden(view: &ViewState, id: &NodeId) -> bool {
    view.present.as_ref().is_some_and(|p| !p.shown.contains(id))
}

/// What every stage of a frame reads: the map, the card sizes as measured this frame, and
/// where everything is drawn.
struct Frame<'a> {
    map: &'a ArgumentMap,
    derived: &'a Derived,
    sizes: &'a CardSizes,
    theme: Theme,
    painter: egui::Painter,
    place: Placement,
    /// Far out, plain cards and links go into two meshes instead of a shape each.
    far_out: bool,
    presenting: bool,
}

impl Frame<'_> {
    fn zoom(&self) -> f32 {
        self.place.camera.zoom
    }

    #[inline]
    fn card_rect(&self, i: usize) -> Rect {
        self.place.card_rect(self.map, self.sizes, i)
    }

    fn card_on_screen(&self, i: usize) -> Rect {
        self.place.screen(self.card_rect(i))
    }
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
        input::keep_keyboard(ui, &background, view);
        let centring = frame_view(map, derived, sizes, view);
        let presenting = view.present.is_some();
        if !presenting {
            input::pan_and_zoom(ui, &background, rect, view);
        }

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, theme.canvas_bg);
        let mut place = Placement::new(view);
        let zoom = place.camera.zoom;
        // Lay out the visible cards first: links need their measured sizes.
        let visible = place.camera.visible_map_rect(rect).expand(24.0 / zoom);
        let mut cards = Vec::new();
        for (i, node) in map.nodes.iter().enumerate() {
            if hidden(view, &node.id) || !visible.intersects(place.card_rect(map, sizes, i)) {
                continue;
            }
            let galley = card::prepare(&painter, &theme, sizes, i, node, zoom, derived.is_main(i));
            cards.push(VisibleCard { index: i, galley });
        }
        if let Some(i) = centring {
            view.camera
                .centre_on(rect, place.card_rect(map, sizes, i).center());
            place.camera = view.camera;
        }
        sizes.sync_links(derived);
        let frame = Frame {
            map,
            derived,
            sizes,
            theme,
            painter,
            place,
            far_out: zoom < overview::OVERVIEW_ZOOM && !presenting,
            presenting,
        };
        paint::grid(&frame);
        let mut far = overview::Overview::default();
        let markers = paint::links(&frame, view, visible, &mut far);
        far.paint_links(&frame.painter);
        if markers.len() <= MAX_REASON_WIDGETS {
            for marker in &markers {
                input::reason_widget(ui, &frame, marker);
            }
        }
        let mut clicked = show_cards(ui, &frame, view, cards, &mut far, &mut requests);
        if presenting {
            return requests; // clicks step the talk (handled by the app), nothing else
        }
        input::connect_gesture(ui, &frame, view, &mut requests);
        clicked = input::background(ui, &background, &frame, view, &mut requests).or(clicked);
        if let Some(i) = clicked {
            input::click_card(ui, view, map.nodes[i].id.clone());
        }
        paint::new_link_preview(&frame, view);
        if let Some(editing) = &mut view.editing {
            let camera = frame.place.camera;
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
            paint::empty_hint(&frame, rect);
        }
        requests
    }
}

/// Frames the view when asked to (a map just opened, `F`), and brings a node into view: it
/// is centred now on its known (maybe estimated) size, and — the index returned — again
/// once its card has been measured at this zoom.
fn frame_view(
    map: &ArgumentMap,
    derived: &Derived,
    sizes: &CardSizes,
    view: &mut ViewState,
) -> Option<usize> {
    let rect = view.canvas_rect;
    if view.fit_pending && rect.width() > 1.0 {
        view.camera = if std::mem::take(&mut view.opening) {
            opening_camera(map, derived, sizes, rect)
        } else {
            fit_camera(map, derived, sizes, rect)
        };
        view.fit_pending = false;
    }
    let (id, how) = view.reveal.take()?;
    let &i = derived.index.get(&id)?;
    let card = sizes.rect(&map.nodes[i], derived.is_main(i));
    let shown = view.camera.rect_to_screen(rect, card);
    if how == Reveal::Centre || !rect.shrink(8.0).contains_rect(shown) {
        view.camera.centre_on(rect, card.center());
        return Some(i);
    }
    None
}

/// A card inside the view, with its text laid out when zoomed in enough to read it.
struct VisibleCard {
    index: usize,
    galley: Option<std::sync::Arc<egui::Galley>>,
}

/// Paints the visible cards and makes each a widget (when there are not too many), then
/// handles what was done to them. Returns the card clicked, if one was.
fn show_cards(
    ui: &mut Ui,
    frame: &Frame,
    view: &mut ViewState,
    mut cards: Vec<VisibleCard>,
    far: &mut overview::Overview,
    requests: &mut Vec<CanvasRequest>,
) -> Option<usize> {
    let map = frame.map;
    let selection = &frame.place.selection;
    // Selected cards last, so their highlight is never covered by a neighbour.
    if !selection.is_empty() {
        cards.sort_by_key(|c| selection.contains(&map.nodes[c.index].id));
    }
    let filter = view.highlight.clone();
    let dimmed_by_filter = |id: &NodeId| filter.as_ref().is_some_and(|h| !h.contains(id));
    // Cards drawn into the far-out mesh; the rest (selected, the main claim) are painted on
    // top of it below.
    let in_mesh = |i: usize| {
        frame.far_out && !frame.derived.is_main(i) && !selection.contains(&map.nodes[i].id)
    };
    if frame.far_out {
        for card in cards.iter().filter(|c| in_mesh(c.index)) {
            let node = &map.nodes[card.index];
            let screen = frame.card_on_screen(card.index);
            far.card(&frame.theme, node.kind, screen, dimmed_by_filter(&node.id));
        }
        far.paint_cards(&frame.painter);
    }
    let limit = if frame.far_out {
        MAX_FAR_CARD_WIDGETS
    } else {
        MAX_CARD_WIDGETS
    };
    let as_widgets = cards.len() <= limit;
    let editing = match view.editing.as_ref().map(|e| &e.target) {
        Some(EditTarget::Existing(id)) => Some(id.clone()),
        _ => None,
    };
    let mut clicked = None;
    for VisibleCard { index: i, galley } in cards {
        if !as_widgets && in_mesh(i) {
            continue; // drawn into the far-out mesh above, and not a widget
        }
        let node = &map.nodes[i];
        let is_main = frame.derived.is_main(i);
        let screen = frame.card_on_screen(i);
        let selected = selection.contains(&node.id);
        let elided = galley.as_ref().is_some_and(|g| g.elided);
        let response = as_widgets.then(|| input::card_widget(ui, node, is_main, selected, screen));
        let hovered = response.as_ref().is_some_and(input::hovered_or_dropping);
        // Presenting: the current step is highlighted, what came before is dimmed.
        let current = view
            .present
            .as_ref()
            .is_some_and(|p| p.current.contains(&node.id));
        let state = CardState {
            is_main,
            selected: selected || current,
            hovered: hovered && !frame.presenting,
            dimmed: dimmed_by_filter(&node.id) || (frame.presenting && !current),
        };
        if editing.as_ref() != Some(&node.id) && !in_mesh(i) {
            let (painter, theme, zoom) = (&frame.painter, &frame.theme, frame.zoom());
            card::paint(painter, theme, (i, node), screen, zoom, galley, &state);
        }
        let Some(response) = response else { continue };
        if frame.presenting {
            continue;
        }
        let card = input::CardOnScreen {
            node,
            is_main,
            selected,
            hovered,
            elided,
            screen,
        };
        if input::card_gestures(ui, frame, view, &card, response, requests) {
            clicked = Some(i);
        }
    }
    clicked
}
