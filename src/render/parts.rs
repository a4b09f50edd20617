//! The parts a picture is made of — cards, arrows, the legend and lines of text — as plain
//! positioned shapes in map units. The builders (`card`, `arrow`, `legend`) make them and
//! [`super::scene`] puts them together; keeping the types apart keeps those imports one-way.

use super::geom::{Point, Rect, Rgb};
use crate::model::{NodeKind, Relation};

/// One line of text, placed by the left end of its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
}

/// The kind's icon: claim a square, evidence a disc, counterpoint a triangle (all filled).
#[derive(Clone, Debug, PartialEq)]
pub enum Icon {
    Square(Rect),
    Circle { centre: Point, radius: f32 },
    Triangle([Point; 3]),
}

/// A node's card.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Index into `map.nodes`.
    pub node: usize,
    pub kind: NodeKind,
    pub is_main: bool,
    /// The card's outer edge.
    pub rect: Rect,
    pub radius: f32,
    /// The soft shadow beneath the card: black at this opacity.
    pub shadow: Rect,
    pub shadow_opacity: f32,
    pub fill: Rgb,
    pub accent: Rgb,
    /// The border is drawn inside `rect`: its centre line is `outline` with `outline_radius`.
    pub border: f32,
    pub outline: Rect,
    pub outline_radius: f32,
    /// The filled triangle across a counterpoint's top-right corner.
    pub corner_cut: Option<[Point; 3]>,
    pub icon: Icon,
    pub label: TextRun,
    pub badge: Option<Badge>,
    pub lines: Vec<TextRun>,
    /// The whole text (up to a few thousand characters) when the card shows only part of it.
    pub full_text: Option<String>,
    /// How a presentation step shows the card (normal outside presentations).
    pub emphasis: Emphasis,
    /// The highlight around a card the current step reveals, drawn beneath it (instead of the
    /// shadow), as the canvas draws selected cards.
    pub halo: Option<Halo>,
}

/// How a card is drawn on a presentation step: its step's nodes highlighted, the nodes of
/// earlier steps dimmed (nodes of later steps are left out of the scene altogether).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Emphasis {
    #[default]
    Normal,
    Dimmed,
    Highlighted,
}

/// A translucent frame around a highlighted card with a solid border inside its edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Halo {
    /// Centre line of the border.
    pub outline: Rect,
    pub radius: f32,
    pub fill: Rgb,
    pub fill_opacity: f32,
    pub stroke: Rgb,
    pub stroke_width: f32,
}

/// The pill at a card's top-right with a page icon and the number of citations.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    /// Centre line of the pill's 1-unit border.
    pub outline: Rect,
    pub fill: Rgb,
    pub stroke: Rgb,
    /// Centre line of the page icon's 1-unit border.
    pub page: Rect,
    /// The two text lines on the page icon.
    pub page_lines: [[Point; 2]; 2],
    pub count: TextRun,
}

/// A link's arrow: the curve, its head and the +/− disc halfway.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Indices into `map.nodes`; `None` for the legend's samples.
    pub ends: Option<(usize, usize)>,
    pub relation: Relation,
    pub color: Rgb,
    pub width: f32,
    /// The shaft: a cubic Bézier ending inside the head.
    pub shaft: [Point; 4],
    /// Dash and gap lengths for dashed (opposes) links.
    pub dash: Option<(f32, f32)>,
    pub head: [Point; 3],
    pub marker: Marker,
}

/// The outline around a linked reason's premise cards.
#[derive(Clone, Debug, PartialEq)]
pub struct ReasonBox {
    pub rect: Rect,
    pub radius: f32,
    pub stroke: Rgb,
    pub width: f32,
    /// Opposing reasons are dashed, as their arrows are.
    pub dashed: bool,
}

/// A reason's scheme, named beside its marker; `anchor` is the left end of the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemeLabel {
    pub anchor: Point,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
}

/// A disc with + (supports) or − (opposes).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub centre: Point,
    pub radius: f32,
    pub fill: Rgb,
    pub stroke_width: f32,
    /// One bar for −, two for +.
    pub bars: Vec<[Point; 2]>,
    pub bar_width: f32,
}

/// What the shapes, colours and line styles mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub frame: Rect,
    pub fill: Rgb,
    /// Colour of the frame's 1-unit border.
    pub stroke: Rgb,
    pub icons: Vec<(Icon, Rgb)>,
    pub samples: Vec<Arrow>,
    pub labels: Vec<TextRun>,
}
