//! Sizes and colours of exported pictures.
//!
//! These mirror the canvas so an export looks like the map on screen, but `src/render` must not
//! depend on `src/app` (egui-only UI code), so the few values needed are copied here. When the
//! canvas changes, change them here too:
//! - card geometry: `src/app/canvas/card.rs` (`CARD_WIDTH`, `PAD`, `HEADER`, `GAP`, sizes,
//!   `MAX_LINES`, corner radii, icon, badge and counterpoint corner);
//! - link geometry: `src/app/canvas/links.rs` (`paint`, `arrow_head`, `sign_marker`);
//! - colours: the light theme in `src/app/theme.rs`.

use super::geom::Rgb;
use crate::model::{NodeKind, Relation};

/// Card width in map units; text wraps inside it.
pub const CARD_WIDTH: f32 = 240.0;
pub const PAD: f32 = 10.0;
pub const HEADER: f32 = 16.0;
pub const GAP: f32 = 6.0;
pub const TEXT_SIZE: f32 = 14.0;
pub const MAIN_TEXT_SIZE: f32 = 16.0;
pub const LABEL_SIZE: f32 = 10.5;
/// Longer texts are cut with an ellipsis, as on the canvas.
pub const MAX_LINES: usize = 10;
/// Width available to a card's text.
pub const TEXT_WIDTH: f32 = CARD_WIDTH - 2.0 * PAD;
/// Half-size of the kind icon in the card header.
pub const ICON_RADIUS: f32 = 5.0;
/// Legs of the filled triangle cut across a counterpoint's top-right corner.
pub const CORNER_CUT: f32 = 14.0;
/// How far the drop shadow sits below its card.
pub const SHADOW_OFFSET: f32 = 2.0;
/// Opacity of the drop shadow (`Color32::from_black_alpha(28)` in the light theme).
pub const SHADOW_OPACITY: f32 = 28.0 / 255.0;

/// Link geometry at 100% zoom.
pub const LINK_WIDTH: f32 = 1.8;
pub const ARROW_HEAD: f32 = 11.0;
pub const DASH: f32 = 8.0;
pub const DASH_GAP: f32 = 8.0 * 0.7;
pub const MARKER_RADIUS: f32 = 7.0;
pub const MARKER_STROKE: f32 = 1.3;
pub const MARKER_ARM_STROKE: f32 = 1.6;

/// Room left around everything in a picture.
pub const MARGIN: f32 = 24.0;
/// Text size of the legend.
pub const LEGEND_TEXT_SIZE: f32 = 12.0;

pub const TEXT: Rgb = Rgb(0x16, 0x18, 0x1c);
pub const WEAK_TEXT: Rgb = Rgb(0x55, 0x5a, 0x63);
/// The canvas grid dots' grey, used for the legend frame.
pub const GRID_DOT: Rgb = Rgb(0xd0, 0xd3, 0xd9);

pub fn text_size(is_main: bool) -> f32 {
    if is_main { MAIN_TEXT_SIZE } else { TEXT_SIZE }
}

/// The kind's signature colour: card border, icon, label.
pub fn accent(kind: NodeKind) -> Rgb {
    match kind {
        NodeKind::Claim => Rgb(0x00, 0x62, 0x9b),
        NodeKind::Evidence => Rgb(0x00, 0x7a, 0x59),
        NodeKind::Counterpoint => Rgb(0xb8, 0x4a, 0x00),
    }
}

/// Card background: white tinted with the kind's accent.
pub fn card_fill(kind: NodeKind) -> Rgb {
    Rgb::WHITE.mix(accent(kind), 0.07)
}

pub fn relation_color(relation: Relation) -> Rgb {
    match relation {
        Relation::Supports => accent(NodeKind::Evidence),
        Relation::Opposes => accent(NodeKind::Counterpoint),
    }
}

/// Corner radius by kind: claims square-cornered, evidence rounded, counterpoints in between.
pub fn corner_radius(kind: NodeKind) -> f32 {
    match kind {
        NodeKind::Claim => 2.0,
        NodeKind::Evidence => 12.0,
        NodeKind::Counterpoint => 5.0,
    }
}

/// Border width: the main claim stands out.
pub fn border_width(is_main: bool) -> f32 {
    if is_main { 3.0 } else { 1.2 }
}

/// The word in a card's header.
pub fn kind_label(kind: NodeKind, is_main: bool) -> String {
    if is_main {
        "MAIN CLAIM".to_owned()
    } else {
        kind.label().to_uppercase()
    }
}
