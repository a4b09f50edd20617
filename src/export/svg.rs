//! SVG export: the map as it looks on the canvas, as a self-contained vector picture with
//! real text. PNG and PDF exports draw the same SVG (see [`tree`]).

use super::{Background, ExportError, ExportOptions};
use crate::model::ArgumentMap;
use crate::render::font::{FONT_DATA, FONT_FAMILY, FONT_WEIGHT};
use crate::render::geom::{Point, Rect, Rgb};
use crate::render::page::Page;
use crate::render::style::SHADOW_OPACITY;
use crate::render::{Arrow, Card, Emphasis, Icon, Legend, ReasonBox, Scene, SchemeLabel, TextRun};
use resvg::usvg;
use std::fmt::Write;
use std::sync::{Arc, OnceLock};

/// The map as an SVG document.
pub fn to_svg(map: &ArgumentMap, options: &ExportOptions) -> String {
    write(
        &crate::render::build(map, options.legend),
        options.background,
    )
}

/// The map as an SVG document written to `out` as it is made: a big map's document (159 MB
/// for 100,000 cards) is never held whole.
pub fn write_svg(
    map: &ArgumentMap,
    options: &ExportOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let scene = crate::render::build(map, options.legend);
    stream(&scene, options.background, out, ITEMS_AT_ONCE, SPILL_BYTES)
}

/// `scene` written to `out` `items_at_once` items at a time, handed over in pieces of about
/// `spill_bytes` (tests make both small).
fn stream(
    scene: &Scene,
    background: Background,
    out: &mut dyn std::io::Write,
    items_at_once: usize,
    spill_bytes: usize,
) -> std::io::Result<()> {
    let mut nowhere = |_: String| {};
    let mut svg = Svg::new(usize::MAX, &mut nowhere);
    svg.items_at_once = items_at_once;
    svg.stream = Some(Stream {
        out,
        error: None,
        spill_bytes,
    });
    document(&mut svg, scene, background);
    svg.finish_stream()
}

/// `scene` as an SVG document.
pub fn write(scene: &Scene, background: Background) -> String {
    let mut whole = String::new();
    write_parts(scene, background, usize::MAX, &mut |part| whole = part);
    whole
}

/// usvg refuses SVG documents of more than a million elements (see `usvg::Tree`), which a map
/// of some 70,000 cards reaches. PNG and PDF therefore draw a big picture from several SVG
/// documents of at most about this many elements each (one per line written), one over the
/// other in order, each with the whole picture's size.
/// 20,000 keeps the memory of one parsed part (usvg lays out and outlines all its text) to
/// some tens of megabytes.
pub(super) const PART_ELEMENTS: usize = 20_000;

/// Receives the SVG parts of a picture one at a time (see [`write_parts`]).
pub(super) type PartSink<'a> = dyn FnMut(String) + 'a;
/// Writes a picture's SVG parts into the sink it is given.
pub(super) type WriteParts<'a> = dyn FnMut(&mut PartSink<'_>) + 'a;

/// `scene` as SVG documents of about `max_elements` elements each (see [`PART_ELEMENTS`]),
/// handed to `part` one at a time, bottom first, so only one is held at a time. With
/// `usize::MAX` there is one part: the document [`write`] gives.
pub(super) fn write_parts(
    scene: &Scene,
    background: Background,
    max_elements: usize,
    part: &mut PartSink<'_>,
) {
    let mut svg = Svg::new(max_elements, part);
    document(&mut svg, scene, background);
    svg.finish();
}

/// `scene`'s document written into `svg` (which [`Svg::finish`] then ends).
fn document(svg: &mut Svg<'_>, scene: &Scene, background: Background) {
    let v = scene.view;
    svg.line(format_args!(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    svg.line(format_args!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="{x} {y} {w} {h}" font-family="{FONT_FAMILY}" font-weight="{FONT_WEIGHT}">"#,
        x = n(v.left()),
        y = n(v.top()),
        w = n(v.width()),
        h = n(v.height()),
    ));
    let title = if scene.title.is_empty() {
        "Argument map"
    } else {
        &scene.title
    };
    svg.line(format_args!("<title>{}</title>", esc(title)));
    svg.end_head();
    if background == Background::White {
        svg.line(format_args!(
            r##"<rect class="background" x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
            n(v.left()),
            n(v.top()),
            n(v.width()),
            n(v.height())
        ));
    }
    svg.map(scene);
    if let Some(note) = &scene.note {
        svg.text(note, "note");
    }
    if let Some(legend) = &scene.legend {
        svg.legend(legend);
    }
}

/// A handout page (one presentation step) as an SVG document: the map in view drawn at the
/// page's zoom, the counter, title and source line on top.
pub fn write_page(page: &Page, background: Background) -> String {
    let mut whole = String::new();
    write_page_parts(page, background, usize::MAX, &mut |part| whole = part);
    whole
}

/// A handout page as SVG documents of about `max_elements` elements each (see
/// [`write_parts`]).
pub(super) fn write_page_parts(
    page: &Page,
    background: Background,
    max_elements: usize,
    part: &mut PartSink<'_>,
) {
    let mut svg = Svg::new(max_elements, part);
    let (w, h) = (n(page.width), n(page.height));
    svg.line(format_args!(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    svg.line(format_args!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" font-weight="{FONT_WEIGHT}">"#,
    ));
    let counter = page
        .labels
        .iter()
        .find(|l| l.class == "counter")
        .and_then(|l| l.lines.first())
        .map_or(String::new(), |l| format!(" — {}", l.text));
    let title = if page.scene.title.is_empty() {
        "Argument map"
    } else {
        &page.scene.title
    };
    svg.line(format_args!(
        "<title>{}{}</title>",
        esc(title),
        esc(&counter)
    ));
    svg.end_head();
    if background == Background::White {
        svg.line(format_args!(
            r##"<rect class="background" x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##,
        ));
    }
    // Map units to page units: the view's top-left corner at the page's, scaled by the zoom.
    let z = page.zoom;
    svg.open(format!(
        r#"<g class="map" transform="matrix({} 0 0 {} {} {})">"#,
        z,
        z,
        -page.view.left() * z,
        -page.view.top() * z,
    ));
    svg.map(&page.scene);
    svg.close();
    svg.line(format_args!(r#"<g class="overlay">"#));
    for label in &page.labels {
        svg.line(format_args!(r#"<g class="{}">"#, label.class));
        svg.rect(
            &label.outline,
            label.radius,
            &format!(
                r#"fill="{}" stroke="{}" stroke-width="1""#,
                label.fill.hex(),
                label.stroke.hex()
            ),
        );
        for line in &label.lines {
            svg.text(line, "label");
        }
        svg.line(format_args!("</g>"));
    }
    svg.line(format_args!("</g>"));
    svg.finish();
}

/// An SVG document being written, cut into parts (see [`write_parts`]).
struct Svg<'a> {
    out: String,
    /// Lines (about one element each) in the current part.
    lines: usize,
    max_lines: usize,
    /// What every part starts with: the XML declaration, the `<svg>` element and the title.
    head: String,
    /// Groups open around the current item, reopened at the start of the next part.
    open: Vec<String>,
    part: &'a mut PartSink<'a>,
    /// Where a one-part document goes as it is written, instead of to `part` at the end.
    stream: Option<Stream<'a>>,
    /// How many items a one-part document writes on every core at once.
    items_at_once: usize,
}

/// A writer and the first error it gave (after which nothing more is written).
struct Stream<'a> {
    out: &'a mut dyn std::io::Write,
    error: Option<std::io::Error>,
    /// What is written goes to `out` whenever this much is ready.
    spill_bytes: usize,
}

/// A one-part document is handed to its writer whenever this much of it is ready.
const SPILL_BYTES: usize = 1 << 20;

/// In a one-part document, items are written on every core this many at a time, so that
/// only their text (some megabytes) is held before it goes to the writer.
const ITEMS_AT_ONCE: usize = 16_384;

impl<'a> Svg<'a> {
    fn new(max_lines: usize, part: &'a mut PartSink<'a>) -> Self {
        Self {
            out: String::new(),
            lines: 0,
            max_lines,
            head: String::new(),
            open: Vec::new(),
            part,
            stream: None,
            items_at_once: ITEMS_AT_ONCE,
        }
    }

    /// Hands what is written so far to the stream, when there is one and enough is ready
    /// (anything, when `all`).
    fn spill(&mut self, all: bool) {
        let Some(stream) = &mut self.stream else {
            return;
        };
        if !all && self.out.len() < stream.spill_bytes {
            return;
        }
        if stream.error.is_none()
            && let Err(e) = stream.out.write_all(self.out.as_bytes())
        {
            stream.error = Some(e);
        }
        self.out.clear();
    }

    fn line(&mut self, args: std::fmt::Arguments<'_>) {
        // Writing to a String cannot fail.
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
        self.lines += 1;
    }

    /// What was written so far opens every part.
    fn end_head(&mut self) {
        if self.max_lines != usize::MAX {
            self.head.clone_from(&self.out);
        }
    }

    fn open(&mut self, tag: String) {
        self.line(format_args!("{tag}"));
        self.open.push(tag);
    }

    fn close(&mut self) {
        self.open.pop();
        self.line(format_args!("</g>"));
    }

    /// Between two items (a link, a card): starts a new part when this one is full.
    fn boundary(&mut self) {
        if self.lines < self.max_lines {
            return;
        }
        for _ in &self.open {
            self.out.push_str("</g>\n");
        }
        self.out.push_str("</svg>\n");
        let mut next = self.head.clone();
        for tag in &self.open {
            next.push_str(tag);
            next.push('\n');
        }
        (self.part)(std::mem::replace(&mut self.out, next));
        self.lines = 0;
    }

    /// Ends the document and hands over its last part.
    fn finish(mut self) {
        self.line(format_args!("</svg>"));
        (self.part)(std::mem::take(&mut self.out));
    }

    /// Ends a streamed document and writes the rest of it, with the first error writing gave.
    fn finish_stream(mut self) -> std::io::Result<()> {
        self.line(format_args!("</svg>"));
        self.spill(true);
        match self.stream.take() {
            Some(Stream { error: Some(e), .. }) => Err(e),
            Some(Stream {
                out, error: None, ..
            }) => out.flush(),
            None => Ok(()),
        }
    }

    /// The boxes of linked reasons, the links and their schemes, then the cards on top. A map
    /// without linked reasons or schemes writes no group for them (its SVG is as before).
    fn map(&mut self, scene: &Scene) {
        if !scene.boxes.is_empty() {
            self.open(r#"<g class="reasons">"#.to_owned());
            self.items(&scene.boxes, |svg, b| svg.reason_box(b));
            self.close();
        }
        self.open(r#"<g class="links">"#.to_owned());
        self.items(&scene.arrows, |svg, arrow| svg.arrow(arrow, "link"));
        self.close();
        if !scene.labels.is_empty() {
            self.open(r#"<g class="schemes">"#.to_owned());
            self.items(&scene.labels, |svg, label| svg.scheme_label(label));
            self.close();
        }
        self.open(r#"<g class="cards">"#.to_owned());
        self.items(&scene.cards, |svg, card| svg.card(card));
        self.close();
    }

    /// Each of `items` written by `write`, in order. In one part (nowhere to cut) a big map's
    /// items are written on every core and joined: writing 100,000 cards' SVG takes a second.
    fn items<T: Sync>(&mut self, items: &[T], write: fn(&mut Svg<'_>, &T)) {
        if self.max_lines != usize::MAX {
            for item in items {
                self.boundary();
                write(self, item);
            }
            return;
        }
        for batch in items.chunks(self.items_at_once) {
            let written = crate::render::parallel::chunks(batch, |_, chunk| {
                let mut nowhere = |_: String| {};
                let mut svg = Svg::new(usize::MAX, &mut nowhere);
                for item in chunk {
                    write(&mut svg, item);
                }
                (svg.out, svg.lines)
            });
            if self.stream.is_none() {
                self.out
                    .reserve(written.iter().map(|(out, _)| out.len()).sum());
            }
            for (out, lines) in written {
                self.out.push_str(&out);
                self.lines += lines;
                self.spill(false);
            }
        }
    }

    fn reason_box(&mut self, b: &ReasonBox) {
        let dash = if b.dashed {
            format!(
                r#" stroke-dasharray="{} {}""#,
                n(crate::render::style::DASH),
                n(crate::render::style::DASH_GAP)
            )
        } else {
            String::new()
        };
        self.rect(
            &b.rect,
            b.radius,
            &format!(
                r#"class="reason-box" fill="none" stroke="{}" stroke-width="{}"{dash}"#,
                b.stroke.hex(),
                n(b.width)
            ),
        );
    }

    fn scheme_label(&mut self, label: &SchemeLabel) {
        self.line(format_args!(
            r#"<text class="scheme" x="{}" y="{}" font-size="{}" font-style="italic" fill="{}">{}</text>"#,
            n(label.anchor.x),
            n(label.anchor.y),
            n(label.size),
            label.color.hex(),
            esc(&label.text)
        ));
    }

    fn arrow(&mut self, arrow: &Arrow, class: &str) {
        let relation = arrow.relation.as_str();
        let color = arrow.color.hex();
        let [a, b, c, d] = arrow.shaft;
        let dash = arrow.dash.map_or(String::new(), |(on, off)| {
            format!(r#" stroke-dasharray="{} {}""#, n(on), n(off))
        });
        self.line(format_args!(r#"<g class="arrow {relation}">"#));
        self.line(format_args!(
            r#"<path class="{class} {relation}" d="M{} C{} {} {}" fill="none" stroke="{color}" stroke-width="{}"{dash}/>"#,
            p(a),
            p(b),
            p(c),
            p(d),
            n(arrow.width)
        ));
        self.line(format_args!(
            r#"<path class="arrowhead" d="{}" fill="{color}"/>"#,
            polygon(&arrow.head)
        ));
        let m = &arrow.marker;
        self.line(format_args!(
            r#"<circle class="sign" cx="{}" cy="{}" r="{}" fill="{}" stroke="{color}" stroke-width="{}"/>"#,
            n(m.centre.x),
            n(m.centre.y),
            n(m.radius),
            m.fill.hex(),
            n(m.stroke_width)
        ));
        let bars: Vec<String> = m
            .bars
            .iter()
            .map(|[from, to]| format!("M{} L{}", p(*from), p(*to)))
            .collect();
        self.line(format_args!(
            r#"<path class="sign" d="{}" fill="none" stroke="{color}" stroke-width="{}"/>"#,
            bars.join(" "),
            n(m.bar_width)
        ));
        self.line(format_args!("</g>"));
    }

    fn card(&mut self, card: &Card) {
        let accent = card.accent.hex();
        self.line(format_args!(
            r#"<g class="card {}{}{}">"#,
            card.kind.as_str(),
            if card.is_main { " main" } else { "" },
            match card.emphasis {
                Emphasis::Normal => "",
                Emphasis::Dimmed => " dimmed",
                Emphasis::Highlighted => " current",
            }
        ));
        if let Some(full) = &card.full_text {
            // Viewers show the whole text of a cut card as its tooltip.
            self.line(format_args!("<title>{}</title>", esc(full)));
        }
        if let Some(halo) = &card.halo {
            // A highlighted card is lifted by its halo instead of a shadow, as on the canvas.
            self.rect(
                &halo.outline,
                halo.radius,
                &format!(
                    r#"class="halo" fill="{}" fill-opacity="{}" stroke="{}" stroke-width="{}""#,
                    halo.fill.hex(),
                    n(halo.fill_opacity),
                    halo.stroke.hex(),
                    n(halo.stroke_width)
                ),
            );
        } else {
            self.rect(
                &card.shadow,
                card.radius,
                &format!(
                    r##"class="shadow" fill="#000000" fill-opacity="{}""##,
                    n(SHADOW_OPACITY)
                ),
            );
        }
        self.rect(
            &card.outline,
            card.outline_radius,
            &format!(
                r#"class="frame" fill="{}" stroke="{accent}" stroke-width="{}""#,
                card.fill.hex(),
                n(card.border)
            ),
        );
        if let Some(cut) = &card.corner_cut {
            self.line(format_args!(
                r#"<path class="corner" d="{}" fill="{accent}"/>"#,
                polygon(cut)
            ));
        }
        self.icon(&card.icon, card.accent);
        self.text(&card.label, "kind");
        if let Some(badge) = &card.badge {
            let stroke = badge.stroke.hex();
            self.line(format_args!(r#"<g class="citations">"#));
            self.rect(
                &badge.outline,
                badge.outline.height() / 2.0,
                &format!(
                    r#"fill="{}" stroke="{stroke}" stroke-width="1""#,
                    badge.fill.hex()
                ),
            );
            self.rect(
                &badge.page,
                0.0,
                &format!(r#"fill="none" stroke="{stroke}" stroke-width="1""#),
            );
            let [l1, l2] = badge.page_lines;
            self.line(format_args!(
                r#"<path d="M{} L{} M{} L{}" fill="none" stroke="{stroke}" stroke-width="0.8"/>"#,
                p(l1[0]),
                p(l1[1]),
                p(l2[0]),
                p(l2[1])
            ));
            self.text(&badge.count, "count");
            self.line(format_args!("</g>"));
        }
        if let Some(first) = card.lines.first() {
            self.line(format_args!(
                r#"<text class="text" font-size="{}" fill="{}">"#,
                n(first.size),
                first.color.hex()
            ));
            for line in &card.lines {
                self.line(format_args!(
                    r#"<tspan x="{}" y="{}">{}</tspan>"#,
                    n(line.x),
                    n(line.baseline),
                    esc(&line.text)
                ));
            }
            self.line(format_args!("</text>"));
        }
        self.line(format_args!("</g>"));
    }

    fn icon(&mut self, icon: &Icon, color: Rgb) {
        let fill = color.hex();
        match icon {
            Icon::Square(r) => self.rect(r, 1.0, &format!(r#"class="icon" fill="{fill}""#)),
            Icon::Circle { centre, radius } => self.line(format_args!(
                r#"<circle class="icon" cx="{}" cy="{}" r="{}" fill="{fill}"/>"#,
                n(centre.x),
                n(centre.y),
                n(*radius)
            )),
            Icon::Triangle(points) => self.line(format_args!(
                r#"<path class="icon" d="{}" fill="{fill}"/>"#,
                polygon(points)
            )),
        }
    }

    fn rect(&mut self, r: &Rect, radius: f32, attributes: &str) {
        let rx = if radius > 0.0 {
            format!(r#" rx="{}""#, n(radius))
        } else {
            String::new()
        };
        self.line(format_args!(
            r#"<rect x="{}" y="{}" width="{}" height="{}"{rx} {attributes}/>"#,
            n(r.left()),
            n(r.top()),
            n(r.width().max(0.0)),
            n(r.height().max(0.0)),
        ));
    }

    fn text(&mut self, run: &TextRun, class: &str) {
        self.line(format_args!(
            r#"<text class="{class}" x="{}" y="{}" font-size="{}" fill="{}">{}</text>"#,
            n(run.x),
            n(run.baseline),
            n(run.size),
            run.color.hex(),
            esc(&run.text)
        ));
    }

    fn legend(&mut self, legend: &Legend) {
        self.line(format_args!(r#"<g class="legend">"#));
        self.rect(
            &legend.frame.expand(-0.5),
            4.0,
            &format!(
                r#"fill="{}" stroke="{}" stroke-width="1""#,
                legend.fill.hex(),
                legend.stroke.hex()
            ),
        );
        for (icon, color) in &legend.icons {
            self.icon(icon, *color);
        }
        for sample in &legend.samples {
            self.arrow(sample, "legend-link");
        }
        for label in &legend.labels {
            self.text(label, "label");
        }
        self.line(format_args!("</g>"));
    }
}

/// A number for SVG: at most two decimals, no "-0", no exponent.
/// `v` to two decimals, in the shortest form that reads back as the same `f32`.
fn n(v: f32) -> String {
    let hundredths = (v * 100.0).round();
    let r = hundredths / 100.0;
    if r == 0.0 || !r.is_finite() {
        return "0".to_owned();
    }
    // Below 2^16 an f32 is finer than 0.001, so its shortest form is the two-decimal number
    // itself: written from the integer, without the float formatter (a quarter of the time
    // of a big SVG export went into formatting floats).
    if hundredths.abs() < 6_553_600.0 {
        let k = hundredths as i32;
        let (whole, frac) = (k.unsigned_abs() / 100, k.unsigned_abs() % 100);
        let sign = if k < 0 { "-" } else { "" };
        return match frac {
            0 => format!("{sign}{whole}"),
            f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
            f => format!("{sign}{whole}.{f:02}"),
        };
    }
    format!("{r}")
}

fn p(point: Point) -> String {
    format!("{},{}", n(point.x), n(point.y))
}

/// A closed path through `points`.
fn polygon(points: &[Point]) -> String {
    let mut d = String::new();
    for (i, point) in points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        d.push_str(&p(*point));
    }
    d.push_str(" Z");
    d
}

/// Text for XML content or attributes: cleaned of characters XML forbids, markup escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::render::clean::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Fonts for drawing the SVG: only the card font, from the bytes built into argmap.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(FONT_DATA.to_vec());
            // Whatever family the SVG asks for (or a generic one) resolves to the card font.
            let family = db
                .faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|f| f.0.clone());
            if let Some(family) = family {
                db.set_sans_serif_family(family.clone());
                db.set_serif_family(family.clone());
                db.set_monospace_family(family);
            }
            Arc::new(db)
        })
        .clone()
}

/// The SVG parsed for drawing (PNG) or conversion (PDF), with text in the card font.
pub(super) fn tree(svg: &str) -> Result<usvg::Tree, ExportError> {
    let fontdb = fonts();
    let font_family = fontdb
        .faces()
        .next()
        .and_then(|f| f.families.first())
        .map_or_else(|| "sans-serif".to_owned(), |f| f.0.clone());
    let options = usvg::Options {
        font_family,
        fontdb,
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(format!("cannot draw the picture: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(12.345_67), "12.35");
        assert_eq!(n(-3.5), "-3.5");
        assert_eq!(n(f32::NAN), "0");
    }

    #[test]
    fn the_quick_number_form_is_the_float_formatters() {
        // Every hundredth in the quick range's far end and near zero, and a sweep between.
        let slow = |v: f32| {
            let r = (v * 100.0).round() / 100.0;
            if r == 0.0 || !r.is_finite() {
                "0".to_owned()
            } else {
                format!("{r}")
            }
        };
        let ends = (-6_553_700..-6_543_600)
            .chain(-20_000..20_000)
            .chain(6_543_600..6_553_700);
        for k in ends.chain((-6_553_700..6_553_700).step_by(97)) {
            for v in [
                k as f32 / 100.0,
                k as f32 / 100.0 + 0.004,
                k as f32 / 100.0 - 0.004,
            ] {
                assert_eq!(n(v), slow(v), "{v}");
            }
        }
        assert_eq!(n(1.0e7), slow(1.0e7));
    }

    #[test]
    fn big_pictures_come_in_parts_that_add_up_to_the_whole() {
        let map = crate::generate::generate(300, 7);
        let scene = crate::render::build(&map, true);
        let whole = write(&scene, Background::White);
        let mut parts = Vec::new();
        write_parts(&scene, Background::White, 500, &mut |p| parts.push(p));
        assert!(parts.len() > 5, "{}", parts.len());
        let count = |svg: &str, what: &str| svg.matches(what).count();
        for what in [
            r#"<g class="card "#,
            r#"<path class="link "#,
            r#"class="legend""#,
        ] {
            let in_parts: usize = parts.iter().map(|p| count(p, what)).sum();
            assert_eq!(in_parts, count(&whole, what), "{what}");
        }
        assert_eq!(count(&parts[0], r#"class="background""#), 1);
        assert_eq!(
            count(&parts[1], r#"class="background""#),
            0,
            "drawn once, below all"
        );
        for part in &parts {
            // Each part is a whole document of the whole picture's size, its groups closed.
            roxmltree::Document::parse(part).unwrap();
            assert!(part.starts_with(&whole[..whole.find("<title>").unwrap()]));
            assert!(part.lines().count() < 600, "{}", part.lines().count());
        }
        let mut one = Vec::new();
        write_parts(&scene, Background::White, usize::MAX, &mut |p| one.push(p));
        assert_eq!(one, vec![whole]);
    }

    #[test]
    fn a_streamed_document_is_the_whole_document() {
        let map = crate::generate::generate(300, 7);
        let scene = crate::render::build(&map, true);
        let whole = write(&scene, Background::White);
        // Items a few at a time and pieces of a hundred bytes: many batches and many writes.
        let mut pieces = Pieces::default();
        stream(&scene, Background::White, &mut pieces, 7, 100).unwrap();
        assert!(pieces.writes > 50, "{}", pieces.writes);
        assert_eq!(String::from_utf8(pieces.bytes).unwrap(), whole);
        let mut out = Vec::new();
        write_svg(&map, &ExportOptions::default(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            to_svg(&map, &ExportOptions::default())
        );
    }

    #[test]
    fn a_failed_write_is_reported_and_ends_the_writing() {
        let scene = crate::render::build(&crate::generate::generate(50, 1), true);
        let mut failing = Pieces {
            fail: true,
            ..Pieces::default()
        };
        let e = stream(&scene, Background::White, &mut failing, 7, 100).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(failing.writes, 1, "nothing is written after the error");
    }

    /// Counts what it is given; fails every write when `fail`.
    #[derive(Default)]
    struct Pieces {
        bytes: Vec<u8>,
        writes: usize,
        fail: bool,
    }

    impl std::io::Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.writes += 1;
            if self.fail {
                return Err(std::io::ErrorKind::StorageFull.into());
            }
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            esc("a < b && \"c\" > 'd'\u{1}\u{FFFF}"),
            "a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;"
        );
    }
}
