//! SVG export: the map as it looks on the canvas, as a self-contained vector picture with
//! real text. PNG and PDF exports draw the same SVG (see [`tree`]).

use super::{Background, ExportError, ExportOptions};
use crate::model::ArgumentMap;
use crate::render::font::{FONT_DATA, FONT_FAMILY, FONT_WEIGHT};
use crate::render::geom::{Point, Rect, Rgb};
use crate::render::page::Page;
use crate::render::style::SHADOW_OPACITY;
use crate::render::{Arrow, Card, Emphasis, Icon, Legend, Scene, TextRun};
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

/// `scene` as an SVG document.
pub fn write(scene: &Scene, background: Background) -> String {
    let mut svg = Svg::default();
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
    svg.line(format_args!("</svg>"));
    svg.out
}

/// A handout page (one presentation step) as an SVG document: the map in view drawn at the
/// page's zoom, the counter, title and source line on top.
pub fn write_page(page: &Page, background: Background) -> String {
    let mut svg = Svg::default();
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
    if background == Background::White {
        svg.line(format_args!(
            r##"<rect class="background" x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##,
        ));
    }
    // Map units to page units: the view's top-left corner at the page's, scaled by the zoom.
    let z = page.zoom;
    svg.line(format_args!(
        r#"<g class="map" transform="matrix({} 0 0 {} {} {})">"#,
        z,
        z,
        -page.view.left() * z,
        -page.view.top() * z,
    ));
    svg.map(&page.scene);
    svg.line(format_args!("</g>"));
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
    svg.line(format_args!("</svg>"));
    svg.out
}

#[derive(Default)]
struct Svg {
    out: String,
}

impl Svg {
    fn line(&mut self, args: std::fmt::Arguments<'_>) {
        // Writing to a String cannot fail.
        let _ = self.out.write_fmt(args);
        self.out.push('\n');
    }

    /// The links, then the cards on top.
    fn map(&mut self, scene: &Scene) {
        self.line(format_args!(r#"<g class="links">"#));
        for arrow in &scene.arrows {
            self.arrow(arrow, "link");
        }
        self.line(format_args!("</g>"));
        self.line(format_args!(r#"<g class="cards">"#));
        for card in &scene.cards {
            self.card(card);
        }
        self.line(format_args!("</g>"));
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
fn n(v: f32) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 || !r.is_finite() {
        "0".to_owned()
    } else {
        format!("{r}")
    }
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
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            esc("a < b && \"c\" > 'd'\u{1}\u{FFFF}"),
            "a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;"
        );
    }
}
