//! Picture exports of very large maps: a 100,000-node chain and a 50,000-node star give a PNG
//! and a PDF, or a clear refusal up front naming what would fit; never the SVG library's
//! "nodes limit reached". Inputs are big enough that a path quadratic in the map would take
//! minutes; nothing here is timed.

use argmap::export::{Background, ExportFormat, ExportOptions, export};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};

#[path = "common/pdf.rs"]
mod pdf;

fn node(i: usize, pos: Position) -> Node {
    Node::new(
        format!("n{i}"),
        NodeKind::ALL[i % 3],
        format!("Step {i} of a very long chain of reasoning, with a few words."),
        pos,
    )
}

/// `n` nodes, each supporting the one above it, in one column (as Arrange lays a chain out).
fn chain(n: usize) -> ArgumentMap {
    let mut map = ArgumentMap::new("A long chain");
    for i in 0..n {
        map.nodes
            .push(node(i, Position::new(0.0, i as f32 * 140.0)));
        if i > 0 {
            map.links.push(Link::new(
                format!("n{i}"),
                format!("n{}", i - 1),
                Relation::Supports,
            ));
        }
    }
    map.main_claim = Some("n0".into());
    map
}

/// One claim with `n - 1` children in a row beneath it (as Arrange lays a star out).
fn star(n: usize) -> ArgumentMap {
    let mut map = ArgumentMap::new("A wide star");
    map.nodes.push(node(0, Position::new(0.0, 0.0)));
    for i in 1..n {
        map.nodes.push(node(
            i,
            Position::new(i as f32 * 260.0 - n as f32 * 130.0, 300.0),
        ));
        map.links
            .push(Link::new(format!("n{i}"), "n0", Relation::ALL[i % 2]));
    }
    map.main_claim = Some("n0".into());
    map
}

fn options(scale: f32) -> ExportOptions {
    ExportOptions {
        scale,
        background: Background::White,
        legend: true,
    }
}

fn png_size(png: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let info = decoder.read_info().unwrap();
    let info = info.info();
    (info.width, info.height)
}

fn assert_one_page_pdf(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(pdf::pdf_pages(pdf), 1, "one page");
}

/// Many picture parts, at a size the debug test run finishes in seconds.
#[test]
fn a_15000_node_chain_is_drawn_from_several_parts_into_one_png_and_one_pdf_page() {
    let map = chain(15_000);
    let png = export(&map, ExportFormat::Png, &options(0.02)).unwrap();
    let (w, h) = png_size(&png);
    assert!(w >= 1 && h > 15_000 * 140 / 50 - 10, "{w} × {h}");
    assert_one_page_pdf(&export(&map, ExportFormat::Pdf, &options(2.0)).unwrap());
}

// The two full-size cases take minutes in a debug build; run them with
// `cargo test --release --test export_large -- --ignored`.
#[test]
#[ignore = "minutes in a debug build: cargo test --release --test export_large -- --ignored"]
fn a_100000_node_chain_exports_to_png_and_pdf_or_is_refused_up_front() {
    let map = chain(100_000);

    // At the default scale the PNG would be far too large: refused before drawing, with the
    // largest scale that fits.
    let refused = export(&map, ExportFormat::Png, &options(2.0))
        .unwrap_err()
        .to_string();
    assert!(refused.contains("too large"), "{refused}");
    let hint = refused
        .split("--scale ")
        .nth(1)
        .and_then(|rest| rest.trim_end_matches(')').parse::<f32>().ok())
        .unwrap_or_else(|| panic!("no scale that fits in: {refused}"));
    assert!(hint > 0.0 && hint < 2.0, "{refused}");

    // At a small scale the whole chain is drawn: far more elements than usvg takes at once.
    let png = export(&map, ExportFormat::Png, &options(0.01)).unwrap();
    let (w, h) = png_size(&png);
    assert!(w >= 1 && h > 100_000, "{w} × {h}");

    assert_one_page_pdf(&export(&map, ExportFormat::Pdf, &options(2.0)).unwrap());
}

#[test]
#[ignore = "minutes in a debug build: cargo test --release --test export_large -- --ignored"]
fn a_50000_node_star_exports_to_png_and_pdf() {
    let map = star(50_000);
    let png = export(&map, ExportFormat::Png, &options(0.02)).unwrap();
    let (w, _) = png_size(&png);
    assert!(w > 200_000, "{w}");
    assert_one_page_pdf(&export(&map, ExportFormat::Pdf, &options(2.0)).unwrap());
}
