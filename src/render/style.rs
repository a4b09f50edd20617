//! Sizes of cards, links and pictures, in map units at 100% zoom: the canvas and every
//! export draw with these (colours are in [`super::palette`]).

use super::geom::Rgb;
use super::palette::Palette;
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
/// Opacity of the drop shadow in exports.
pub const SHADOW_OPACITY: f32 = Palette::LIGHT.shadow_opacity;

/// The halo around a selected card: its border's width and its distance beyond the card,
/// in screen units, and the opacity of its fill.
pub const HALO_STROKE: f32 = 3.0;
pub const HALO_GAP: f32 = 5.0;
pub const HALO_FILL_OPACITY: f32 = 0.18;
/// The border of a card under the pointer (on the canvas).
pub const HOVER_BORDER: f32 = 2.0;

/// Link geometry at 100% zoom.
pub const LINK_WIDTH: f32 = 1.8;
/// The links of the selected cards, on the canvas.
pub const HIGHLIGHTED_LINK_WIDTH: f32 = 3.2;
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

/// Exports are drawn in the light palette.
pub const TEXT: Rgb = Palette::LIGHT.text;
pub const WEAK_TEXT: Rgb = Palette::LIGHT.weak_text;
/// The canvas grid dots' grey, used for the legend frame.
pub const GRID_DOT: Rgb = Palette::LIGHT.grid_dot;

pub fn text_size(is_main: bool) -> f32 {
    if is_main { MAIN_TEXT_SIZE } else { TEXT_SIZE }
}

/// The kind's signature colour in exports: card border, icon, label.
pub fn accent(kind: NodeKind) -> Rgb {
    Palette::LIGHT.accent(kind)
}

/// Card background in exports.
pub fn card_fill(kind: NodeKind) -> Rgb {
    Palette::LIGHT.card_fill(kind)
}

pub fn relation_color(relation: Relation) -> Rgb {
    Palette::LIGHT.relation(relation)
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
