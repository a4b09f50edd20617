//! Framing the map: the camera that shows all of it, and the view a map opens with.

use super::card::{self, CardSizes};
use crate::app::camera::Camera;
use crate::app::derived::Derived;
use crate::model::ArgumentMap;
use egui::{Rect, vec2};

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
