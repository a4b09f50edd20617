//! One node's card laid out: frame, header (icon, kind label, citation badge) and wrapped
//! text, with the canvas's geometry (`src/app/canvas/card.rs` at 100% zoom).

use super::clean::clean;
use super::font::metrics;
use super::geom::Rgb;
use super::geom::{Point, Rect};
use super::measure::card_height;
use super::palette::Palette;
use super::parts::{Badge, Card, Emphasis, Halo, Icon, TextRun};
use super::style::*;
use super::wrap::wrap;
use crate::model::{Node, NodeKind};

/// How a card is styled besides its node: its colours and what its header says.
#[derive(Clone, Copy, Debug)]
pub struct CardStyle {
    pub palette: &'static Palette,
    pub is_main: bool,
    /// Say "PINNED" in the header (the canvas does: pinned cards stay put on Arrange;
    /// exports leave it out, it is not part of the argument).
    pub show_pinned: bool,
}

impl CardStyle {
    /// A card as the exports draw it.
    pub fn export(is_main: bool) -> Self {
        Self {
            palette: &Palette::LIGHT,
            is_main,
            show_pinned: false,
        }
    }
}

/// Lays out the card of `node` (index `index` in the map) with its top-left corner at `pos`,
/// as the exports draw it.
pub fn build(index: usize, node: &Node, pos: Point, is_main: bool) -> Card {
    let m = metrics();
    let size = text_size(is_main);
    let text = clean(&node.text);
    let wrapped = wrap(&text, size, TEXT_WIDTH, MAX_LINES);
    let row = m.row_height(size);
    let text_top = pos.y + PAD + HEADER + GAP;
    let height = card_height(wrapped.lines.len() as f32 * row);
    let style = CardStyle::export(is_main);
    let mut card = frame(index, node, pos, height, style);
    card.lines = wrapped
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| TextRun {
            x: pos.x + PAD,
            baseline: text_top + i as f32 * row + m.ascent(size),
            size,
            color: style.palette.text,
            text,
        })
        .collect();
    card.full_text = wrapped.elided.then(|| shortened(&text));
    card
}

/// Everything of a card but its text lines, `height` tall: the frame, the header (icon, kind
/// label, citation badge) and the counterpoint's corner. The canvas draws its cards from this
/// and lays their text out itself, sharp at the zoomed size.
pub fn frame(index: usize, node: &Node, pos: Point, height: f32, style: CardStyle) -> Card {
    let palette = style.palette;
    let rect = Rect::from_min_size(pos, CARD_WIDTH, height);
    let accent = palette.accent(node.kind);
    let radius = corner_radius(node.kind);
    let border = border_width(style.is_main);
    let icon_centre = pos + Point::new(PAD + ICON_RADIUS, PAD + HEADER * 0.5);
    let corner_cut = (node.kind == NodeKind::Counterpoint).then(|| {
        let tr = Point::new(rect.right(), rect.top());
        [
            tr,
            tr + Point::new(0.0, CORNER_CUT),
            tr - Point::new(CORNER_CUT, 0.0),
        ]
    });
    let badge = (!node.citations.is_empty()).then(|| {
        badge(
            node.citations.len(),
            Point::new(rect.right() - (PAD + 8.0), icon_centre.y),
            node.kind,
            palette,
        )
    });
    let mut label = kind_label(node.kind, style.is_main);
    if style.show_pinned && node.pinned {
        // Pinned cards keep their place when the map is arranged; say so on the card.
        label.push_str(" · PINNED");
    }
    Card {
        node: index,
        kind: node.kind,
        is_main: style.is_main,
        rect,
        radius,
        shadow: rect.translate(Point::new(0.0, SHADOW_OFFSET)),
        shadow_opacity: palette.shadow_opacity,
        fill: palette.card_fill(node.kind),
        accent,
        border,
        outline: rect.expand(-border / 2.0),
        outline_radius: (radius - border / 2.0).max(0.0),
        corner_cut,
        icon: icon(node.kind, icon_centre, ICON_RADIUS),
        label: centred_run(
            icon_centre.x + 10.0,
            icon_centre.y,
            LABEL_SIZE,
            accent,
            label,
        ),
        badge,
        lines: Vec::new(),
        full_text: None,
        emphasis: Emphasis::Normal,
        halo: None,
    }
}

/// Fades a card's fill, border and text (not its header) towards `background`: the nodes of earlier steps of
/// a presentation, and cards a filter leaves out, recede behind the others.
pub fn dim(card: &mut Card, background: Rgb) {
    card.emphasis = Emphasis::Dimmed;
    card.fill = card.fill.mix(background, 0.6);
    card.accent = card.accent.mix(background, 0.5);
    for line in &mut card.lines {
        line.color = line.color.mix(background, 0.55);
    }
}

/// The text colour of a card dimmed towards `background` (for text laid out elsewhere).
pub fn dimmed_text(text: Rgb, background: Rgb) -> Rgb {
    text.mix(background, 0.55)
}

/// The highlight around a selected card (the current step's cards in a presentation): a
/// translucent frame `HALO_GAP` beyond the card, with a `HALO_STROKE` border inside its
/// edge, both in screen units on a surface drawn at `zoom`.
pub fn halo(card: &Card, color: Rgb, zoom: f32) -> Halo {
    let stroke_width = HALO_STROKE / zoom;
    let rect = card.rect.expand(HALO_GAP * zoom.max(0.5) / zoom);
    Halo {
        outline: rect.expand(-stroke_width / 2.0),
        radius: (card.radius - stroke_width / 2.0).max(0.0),
        fill: color,
        fill_opacity: HALO_FILL_OPACITY,
        stroke: color,
        stroke_width,
    }
}

/// `text` cut after [`MAX_TOOLTIP`] characters.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(MAX_TOOLTIP) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The longest full text kept for a cut card's tooltip.
const MAX_TOOLTIP: usize = 5_000;

/// The kind's icon centred on `centre`, `r` being about half its size.
pub fn icon(kind: NodeKind, centre: Point, r: f32) -> Icon {
    match kind {
        NodeKind::Claim => Icon::Square(Rect::from_center_size(centre, r * 1.7, r * 1.7)),
        NodeKind::Evidence => Icon::Circle { centre, radius: r },
        NodeKind::Counterpoint => Icon::Triangle([
            centre + Point::new(0.0, -r * 1.1),
            centre + Point::new(r * 1.05, r * 0.85),
            centre + Point::new(-r * 1.05, r * 0.85),
        ]),
    }
}

/// A line of text starting at `x` whose row is vertically centred on `centre_y` (egui's
/// `Align2::LEFT_CENTER`).
pub fn centred_run(
    x: f32,
    centre_y: f32,
    size: f32,
    color: super::geom::Rgb,
    text: String,
) -> TextRun {
    let m = metrics();
    TextRun {
        x,
        baseline: centre_y - m.row_height(size) / 2.0 + m.ascent(size),
        size,
        color,
        text,
    }
}

/// The citation badge whose right end is centred on `right_centre`.
fn badge(count: usize, right_centre: Point, kind: NodeKind, palette: &Palette) -> Badge {
    let text = count.to_string();
    let accent = palette.accent(kind);
    let h = 15.0;
    let w = metrics().width(&text, LABEL_SIZE) + 18.0;
    let rect = Rect::from_min_size(
        Point::new(right_centre.x - w + 8.0, right_centre.y - h / 2.0),
        w,
        h,
    );
    let page = Rect::from_center_size(Point::new(rect.left() + 7.0, rect.center().y), 6.0, 8.0);
    let page_line = |dy: f32| {
        let y = page.center().y + dy;
        [
            Point::new(page.left() + 1.5, y),
            Point::new(page.right() - 1.5, y),
        ]
    };
    Badge {
        outline: rect.expand(-0.5),
        fill: palette.card_fill(NodeKind::Claim).mix(accent, 0.15),
        stroke: accent,
        page: page.expand(-0.5),
        page_lines: [page_line(-1.0), page_line(1.5)],
        count: centred_run(
            page.right() + 3.0,
            rect.center().y,
            LABEL_SIZE,
            palette.text,
            text,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Position};

    #[test]
    fn cards_grow_with_their_text_up_to_the_line_limit() {
        let short = Node::new("a", NodeKind::Claim, "Short.", Position::default());
        let long = Node::new(
            "b",
            NodeKind::Claim,
            "word ".repeat(40),
            Position::default(),
        );
        let huge = Node::new(
            "c",
            NodeKind::Claim,
            "word ".repeat(4000),
            Position::default(),
        );
        let [s, l, h] = [&short, &long, &huge].map(|n| build(0, n, Point::default(), false));
        assert_eq!(s.rect.width(), CARD_WIDTH);
        assert_eq!(s.lines.len(), 1);
        assert!(l.rect.height() > s.rect.height());
        assert_eq!(h.lines.len(), MAX_LINES);
        assert!(l.full_text.is_none());
        let full = h.full_text.unwrap();
        assert!(full.starts_with("word word") && full.chars().count() == MAX_TOOLTIP + 1);
        let row = metrics().row_height(TEXT_SIZE);
        assert_eq!(h.rect.height(), PAD + HEADER + GAP + 10.0 * row + PAD);
        // Every line stays inside the card.
        for line in &l.lines {
            assert!(line.x + metrics().width(&line.text, line.size) <= l.rect.right() - PAD);
            assert!(line.baseline < l.rect.bottom() - PAD);
        }
    }

    #[test]
    fn header_shows_kind_main_claim_and_citations() {
        let mut node = Node::new("a", NodeKind::Counterpoint, "x", Position::new(10.0, 20.0));
        let plain = build(0, &node, Point::new(10.0, 20.0), false);
        assert_eq!(plain.label.text, "COUNTERPOINT");
        assert!(plain.badge.is_none());
        assert!(plain.corner_cut.is_some());
        assert!(matches!(plain.icon, Icon::Triangle(_)));
        node.kind = NodeKind::Claim;
        node.citations = vec![Citation::new("s", "q"); 12];
        let main = build(0, &node, Point::new(10.0, 20.0), true);
        assert_eq!(main.label.text, "MAIN CLAIM");
        assert_eq!(main.lines[0].size, MAIN_TEXT_SIZE);
        let badge = main.badge.unwrap();
        assert_eq!(badge.count.text, "12");
        assert!(badge.outline.right() < main.rect.right() - 5.0);
        assert!(main.corner_cut.is_none());
    }
}
