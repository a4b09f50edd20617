//! Picture exports (SVG, PNG, PDF) of real and hostile maps: well-formed, complete, the right
//! size, not blank, and never a panic.

use argmap::bundled::article_map;
use argmap::export::{Background, ExportFormat, ExportOptions, export};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};

#[path = "common/pdf.rs"]
mod pdf;

fn options(scale: f32, background: Background, legend: bool) -> ExportOptions {
    ExportOptions {
        scale,
        background,
        legend,
    }
}

fn svg_of(map: &ArgumentMap, options: &ExportOptions) -> String {
    String::from_utf8(export(map, ExportFormat::Svg, options).unwrap()).unwrap()
}

/// The picture's size in map units, from the SVG's width and height.
fn svg_size(svg: &str) -> (f32, f32) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    let get = |name: &str| root.attribute(name).unwrap().parse::<f32>().unwrap();
    (get("width"), get("height"))
}

struct Decoded {
    width: u32,
    height: u32,
    /// RGBA, row by row.
    pixels: Vec<u8>,
}

impl Decoded {
    fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        self.pixels[i..i + 4].try_into().unwrap()
    }

    fn corners(&self) -> [[u8; 4]; 4] {
        let (w, h) = (self.width - 1, self.height - 1);
        [
            self.pixel(0, 0),
            self.pixel(w, 0),
            self.pixel(0, h),
            self.pixel(w, h),
        ]
    }

    fn distinct_colours(&self) -> usize {
        let mut seen: Vec<[u8; 4]> = self
            .pixels
            .chunks_exact(4)
            .map(|p| p.try_into().unwrap())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

fn decode(bytes: &[u8]) -> Decoded {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    pixels.truncate(info.buffer_size());
    Decoded {
        width: info.width,
        height: info.height,
        pixels,
    }
}

/// All text of the `<text>` elements inside `element`, lines joined by spaces.
fn text_of(element: roxmltree::Node<'_, '_>) -> String {
    element
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .flat_map(|t| {
            t.descendants()
                .filter(|n| n.is_text())
                .map(|n| n.text().unwrap())
        })
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn class_of<'a>(node: roxmltree::Node<'a, '_>) -> &'a str {
    node.attribute("class").unwrap_or("")
}

#[test]
fn svg_of_the_article_map_has_every_card_text_and_one_path_per_link() {
    let map = article_map();
    let svg = svg_of(&map, &ExportOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    let view_box: Vec<f32> = root
        .attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(view_box.len(), 4);
    assert!(view_box[2] > 1000.0 && view_box[3] > 1000.0);
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some(map.title.as_str()));

    // Every node's card holds its text (its first words at least) as real text.
    let cards: Vec<_> = root
        .descendants()
        .filter(|n| class_of(*n).starts_with("card "))
        .collect();
    assert_eq!(cards.len(), map.nodes.len());
    let main = map.main_claim().unwrap();
    for node in &map.nodes {
        let first_words: String = node
            .text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        let holder = cards
            .iter()
            .find(|c| text_of(**c).contains(&first_words))
            .unwrap_or_else(|| panic!("no card shows {first_words:?}"));
        let label = if &node.id == main {
            "MAIN CLAIM"
        } else {
            match node.kind {
                NodeKind::Claim => "CLAIM",
                NodeKind::Evidence => "EVIDENCE",
                NodeKind::Counterpoint => "COUNTERPOINT",
            }
        };
        assert!(text_of(*holder).starts_with(label), "{}", text_of(*holder));
    }
    assert!(
        !svg.contains("<path class=\"text"),
        "text is drawn as text, not paths"
    );

    // One curve per link; opposes dashed, supports solid.
    let curves: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("path") && class_of(*n).starts_with("link "))
        .collect();
    assert_eq!(curves.len(), map.links.len());
    for (curve, link) in curves.iter().zip(&map.links) {
        assert_eq!(class_of(*curve), format!("link {}", link.relation.as_str()));
        assert_eq!(
            curve.attribute("stroke-dasharray").is_some(),
            link.relation == Relation::Opposes
        );
        assert!(
            curve.attribute("d").unwrap().contains('C'),
            "a Bézier curve"
        );
    }
    let heads = root
        .descendants()
        .filter(|n| class_of(*n) == "arrowhead")
        .count();
    assert_eq!(
        heads,
        map.links.len() + 2,
        "one head per link and legend sample"
    );
    let legend = root
        .descendants()
        .find(|n| class_of(*n) == "legend")
        .unwrap();
    assert!(text_of(legend).contains("Counterpoint") && text_of(legend).contains("opposes"));
}

#[test]
fn svg_is_deterministic_and_follows_the_options() {
    let map = article_map();
    let with = svg_of(&map, &ExportOptions::default());
    assert_eq!(with, svg_of(&map, &ExportOptions::default()));
    let without = svg_of(&map, &options(2.0, Background::Transparent, false));
    assert!(with.contains(r#"class="legend""#) && with.contains(r#"class="background""#));
    assert!(!without.contains(r#"class="legend""#) && !without.contains(r#"class="background""#));
    assert!(
        svg_size(&without).1 < svg_size(&with).1,
        "the legend takes room"
    );
}

#[test]
fn png_has_the_size_of_the_picture_at_the_scale_and_is_not_blank() {
    let map = article_map();
    for (scale, background) in [(1.0, Background::White), (0.5, Background::Transparent)] {
        let options = options(scale, background, true);
        let (w, h) = svg_size(&svg_of(&map, &options));
        let png = export(&map, ExportFormat::Png, &options).unwrap();
        let image = decode(&png);
        assert!(
            (image.width as f32 - w * scale).abs() <= 1.0,
            "{} vs {w}",
            image.width
        );
        assert!(
            (image.height as f32 - h * scale).abs() <= 1.0,
            "{} vs {h}",
            image.height
        );
        assert!(
            image.distinct_colours() > 200,
            "{}",
            image.distinct_colours()
        );
        for corner in image.corners() {
            match background {
                Background::White => assert_eq!(corner, [255, 255, 255, 255]),
                Background::Transparent => assert_eq!(corner[3], 0),
            }
        }
    }
}

#[test]
fn pdf_is_one_page_with_the_font_embedded() {
    let pdf = export(&article_map(), ExportFormat::Pdf, &ExportOptions::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert_eq!(pdf::pdf_pages(&pdf), 1, "one page");
    assert!(text.contains("/Count 1"));
    assert!(
        text.contains("Ubuntu-Light"),
        "the card font is embedded, text stays text"
    );
}

#[test]
fn an_empty_map_gives_small_pictures() {
    let map = ArgumentMap::new("");
    for legend in [false, true] {
        let options = options(1.0, Background::White, legend);
        let svg = svg_of(&map, &options);
        roxmltree::Document::parse(&svg).unwrap();
        let (w, h) = svg_size(&svg);
        assert!(w < 700.0 && h < 200.0, "{w} × {h}");
        let image = decode(&export(&map, ExportFormat::Png, &options).unwrap());
        assert!(image.width >= 100 && image.width < 700);
        let pdf = export(&map, ExportFormat::Pdf, &options).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}

/// A map with the texts people actually paste: markup, control characters, right-to-left
/// scripts, no-break spaces, huge texts and words longer than a card.
fn hostile_map() -> ArgumentMap {
    let mut map = ArgumentMap::new("<Title> & \"quotes\" \u{1} 'apos'");
    let texts = [
        "<script>alert('x')</script> & &amp; ]]> \u{0}\u{8}\u{b}\u{c}\u{1f}\u{7f}\u{FFFE}\u{FFFF}",
        "שלום עולם — مرحبا بالعالم — mixed RTL and LTR",
        &"Supercalifragilisticexpialidocious".repeat(20),
        &"many words ".repeat(20_000),
        "line one\r\nline two\rline three\u{2028}line four\ttabbed",
        "漢字かなカナ한국어 emoji 🎉 combining e\u{301}\u{301}\u{301} zero\u{200B}width",
    ];
    for (i, text) in texts.iter().enumerate() {
        let kind = NodeKind::ALL[i % 3];
        let mut node = Node::new(
            format!("n{i}\"<&>"),
            kind,
            *text,
            Position::new(i as f32 * 300.0, (i % 2) as f32 * 400.0),
        );
        node.citations = vec![argmap::model::Citation::new("s", "q"); i];
        map.nodes.push(node);
    }
    for i in 1..texts.len() {
        map.links.push(Link::new(
            format!("n{i}\"<&>"),
            "n0\"<&>",
            Relation::ALL[i % 2],
        ));
    }
    map
}

#[test]
fn hostile_texts_make_valid_pictures() {
    let map = hostile_map();
    let options = options(0.5, Background::Transparent, true);
    let svg = svg_of(&map, &options);
    let doc = roxmltree::Document::parse(&svg).expect("valid XML despite the texts");
    assert!(svg.contains("&lt;script&gt;"));
    assert!(!svg.contains('\u{0}') && !svg.contains('\u{FFFF}'));
    assert_eq!(
        doc.root_element()
            .children()
            .find(|n| n.has_tag_name("title"))
            .unwrap()
            .text(),
        Some("<Title> & \"quotes\" 'apos'")
    );
    assert!(text_of(doc.root_element()).contains("שלום עולם"));
    assert!(
        svg.len() < 200_000,
        "huge texts are cut on the card: {}",
        svg.len()
    );
    let image = decode(&export(&map, ExportFormat::Png, &options).unwrap());
    assert!(image.distinct_colours() > 50);
    assert!(
        export(&map, ExportFormat::Pdf, &options)
            .unwrap()
            .starts_with(b"%PDF-")
    );
}

#[test]
fn absurd_sizes_are_refused_with_a_hint() {
    let mut map = ArgumentMap::new("far apart");
    map.nodes = vec![
        Node::new("a", NodeKind::Claim, "a", Position::new(-1.0e9, -1.0e9)),
        Node::new("b", NodeKind::Claim, "b", Position::new(1.0e9, 1.0e9)),
    ];
    let error = export(
        &map,
        ExportFormat::Png,
        &options(32.0, Background::White, true),
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("too large") && error.contains("--scale"),
        "{error}"
    );
    // The SVG of the same map is still fine: its numbers stay finite.
    let svg = svg_of(&map, &ExportOptions::default());
    roxmltree::Document::parse(&svg).unwrap();
    assert!(!svg.contains("inf") && !svg.contains("NaN"));
}
