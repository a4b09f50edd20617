//! Presentation handouts: a page per step, each as presentation mode shows it (later steps
//! hidden, the step highlighted, earlier steps dimmed), as one PDF or numbered pictures, from
//! the library and from `argmap export --steps`.

use argmap::export::{ExportFormat, ExportOptions, step_pictures, step_svgs, steps_pdf};
use argmap::model::{ArgumentMap, NodeId, Step};
use argmap::render::clean::one_line;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[path = "common/pdf.rs"]
mod pdf;
use pdf::pdf_pages;
#[path = "common/run.rs"]
mod run;
use run::{argmap, stderr};

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/maps/khamenei-trump-dialogue.ron"
);

fn article() -> ArgumentMap {
    argmap::format::open(Path::new(ARTICLE)).unwrap().map
}

fn small_pictures() -> ExportOptions {
    ExportOptions {
        scale: 0.5,
        ..ExportOptions::default()
    }
}

/// One card of a step's SVG: its classes and its text, lines joined by spaces.
struct SvgCard {
    class: String,
    text: String,
    text_fill: String,
    has_halo: bool,
}

fn cards_of(svg: &str) -> Vec<SvgCard> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("g") && n.attribute("class").is_some_and(|c| c.starts_with("card "))
        })
        .map(|g| {
            let text_el = g
                .children()
                .find(|c| c.has_tag_name("text") && c.attribute("class") == Some("text"));
            let text = text_el.map_or(String::new(), |t| {
                t.children()
                    .filter(|s| s.has_tag_name("tspan"))
                    .map(|s| s.text().unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            SvgCard {
                class: g.attribute("class").unwrap().to_owned(),
                text,
                text_fill: text_el
                    .and_then(|t| t.attribute("fill"))
                    .unwrap_or("")
                    .to_owned(),
                has_halo: g.children().any(|c| c.attribute("class") == Some("halo")),
            }
        })
        .collect()
}

/// The text of the overlay box `class` ("counter", "title", "sources") on a step's SVG.
fn overlay_text(svg: &str, class: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let g = doc
        .descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("class") == Some(class))?;
    Some(
        g.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|t| t.text().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// What a node's card says, as the SVG writes it (wrapped lines joined by spaces): the
/// node's text on one line, or its start when the card cuts it.
fn matches_node(card_text: &str, node_text: &str) -> bool {
    let full = one_line(node_text);
    match card_text.strip_suffix('…') {
        Some(start) => full.starts_with(start.trim_end()),
        None => card_text == full,
    }
}

/// Checks every step page of `map`: the step's nodes are there and highlighted, earlier
/// nodes (when in view) dimmed, later nodes absent; the counter counts.
fn check_steps(map: &ArgumentMap) {
    let steps = map.steps();
    let svgs = step_svgs(map, &ExportOptions::default()).unwrap();
    assert_eq!(svgs.len(), steps.len());
    let text_of = |id: &NodeId| one_line(&map.node(id).unwrap().text);
    for (k, svg) in svgs.iter().enumerate() {
        let cards = cards_of(svg);
        // Worked out here, not with `Step::shown_at`, which the pages are drawn from.
        let shown: HashSet<&NodeId> = steps[..=k].iter().flat_map(|s| &s.nodes).collect();
        let shown_texts: HashSet<String> = shown.iter().copied().map(text_of).collect();
        for id in &steps[k].nodes {
            let node = map.node(id).unwrap();
            let card = cards
                .iter()
                .find(|c| matches_node(&c.text, &node.text))
                .unwrap_or_else(|| panic!("page {}: no card for {id}", k + 1));
            assert!(
                card.class.split(' ').any(|c| c == "current") && card.has_halo,
                "page {}: {id} is not highlighted ({})",
                k + 1,
                card.class
            );
        }
        for later in steps[k + 1..].iter().flat_map(|s| &s.nodes) {
            let text = text_of(later);
            if shown_texts.contains(&text) {
                continue; // another node with the same words is on the page
            }
            assert!(
                !cards.iter().any(|c| matches_node(&c.text, &text)),
                "page {} shows {later} of a later step",
                k + 1
            );
        }
        let current = cards.iter().filter(|c| c.class.contains("current")).count();
        assert_eq!(current, steps[k].nodes.len(), "page {}", k + 1);
        for card in cards.iter().filter(|c| !c.class.contains("current")) {
            assert!(
                card.class.split(' ').any(|c| c == "dimmed") && !card.has_halo,
                "page {}: {}",
                k + 1,
                card.class
            );
            // Faded text, not the full-strength text colour of the current step's cards.
            let current_fill = &cards.iter().find(|c| c.class.contains("current")).unwrap();
            assert_ne!(card.text_fill, current_fill.text_fill);
        }
        assert_eq!(
            overlay_text(svg, "counter").unwrap(),
            format!("{} / {}", k + 1, steps.len())
        );
    }
    // Earlier steps are on later pages: some page has dimmed cards.
    assert!(svgs.iter().any(|s| s.contains(" dimmed\"")));
}

#[test]
fn the_article_handout_has_a_page_per_step() {
    let map = article();
    let steps = map.steps();
    assert!(steps.len() > 5);
    let pdf = steps_pdf(&map, &ExportOptions::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(pdf_pages(&pdf), steps.len());
    assert!(String::from_utf8_lossy(&pdf).contains(&format!("/Count {}", steps.len())));
}

#[test]
fn a_generated_handout_has_a_page_per_step() {
    let map = argmap::generate::generate(60, 7);
    let steps = map.steps();
    assert!(steps.len() > 10, "{} steps", steps.len());
    let pdf = steps_pdf(&map, &ExportOptions::default()).unwrap();
    assert_eq!(pdf_pages(&pdf), steps.len());
    check_steps(&map);
}

#[test]
fn each_article_page_shows_its_step_highlighted_earlier_dimmed_and_nothing_later() {
    check_steps(&article());
}

#[test]
fn a_saved_talk_is_used_with_its_titles_and_sources() {
    let mut map = article();
    let main = map.main_claim().unwrap().clone();
    let cited = map
        .nodes
        .iter()
        .find(|n| !n.citations.is_empty() && n.id != main)
        .unwrap()
        .id
        .clone();
    map.presentation = Some(vec![
        Step {
            title: "The question".to_owned(),
            nodes: vec![main.clone()],
        },
        Step::of(vec![cited.clone()]),
    ]);
    let svgs = step_svgs(&map, &ExportOptions::default()).unwrap();
    assert_eq!(svgs.len(), 2);
    assert_eq!(overlay_text(&svgs[0], "title").unwrap(), "The question");
    assert!(overlay_text(&svgs[1], "title").is_none());
    let sources = overlay_text(&svgs[1], "sources").unwrap();
    let expected = Step::of(vec![cited]).source_lines(&map);
    assert!(sources.starts_with("Source: "), "{sources}");
    assert!(
        sources
            .lines()
            .zip(&expected)
            .all(|(shown, full)| full.starts_with(shown.trim_end_matches('…'))),
        "{sources} / {expected:?}"
    );
    assert_eq!(
        pdf_pages(&steps_pdf(&map, &ExportOptions::default()).unwrap()),
        2
    );
    // The main claim alone on page 1; on page 2 it is dimmed, beside the cited node.
    let first = cards_of(&svgs[0]);
    assert_eq!(first.len(), 1);
    assert!(first[0].class.contains("main") && first[0].class.contains("current"));
}

struct Decoded {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Decoded {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(info.buffer_size());
    Decoded {
        width: info.width,
        height: info.height,
        pixels,
    }
}

#[test]
fn png_pictures_are_numbered_in_order_and_decode() {
    let map = article();
    let count = map.steps().len();
    let pictures = step_pictures(&map, ExportFormat::Png, &small_pictures()).unwrap();
    let names: Vec<&str> = pictures.iter().map(|(n, _)| n.as_str()).collect();
    let expected: Vec<String> = (1..=count).map(|k| format!("step-{k:02}.png")).collect();
    assert_eq!(names, expected);
    let decoded: Vec<Decoded> = pictures.iter().map(|(_, b)| decode(b)).collect();
    for d in &decoded {
        // A 16:10 page, 1280 × 800 units at 0.5 pixels per unit.
        assert_eq!((d.width, d.height), (640, 400));
        let distinct: HashSet<&[u8]> = d.pixels.chunks_exact(4).collect();
        assert!(
            distinct.len() > 50,
            "a blank page: {} colours",
            distinct.len()
        );
    }
    // Every step looks different from the one before.
    for pair in decoded.windows(2) {
        assert_ne!(pair[0].pixels, pair[1].pixels);
    }
    let svgs = step_pictures(&map, ExportFormat::Svg, &small_pictures()).unwrap();
    assert_eq!(svgs[0].0, "step-01.svg");
    assert!(svgs[0].1.starts_with(b"<?xml"));
    assert!(step_pictures(&map, ExportFormat::Markdown, &small_pictures()).is_err());
}

// --- the command line -------------------------------------------------------------------

fn copy_article(dir: &Path) -> PathBuf {
    let path = dir.join("talk.ron");
    std::fs::copy(ARTICLE, &path).unwrap();
    path
}

#[test]
fn the_cli_writes_one_pdf_or_numbered_pictures_into_a_new_directory() {
    let dir = tempfile::tempdir().unwrap();
    copy_article(dir.path());
    let count = article().steps().len();

    let out = argmap(
        &["export", "talk.ron", "--to", "talk.pdf", "--steps"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("talk.pdf")).unwrap();
    assert_eq!(pdf_pages(&pdf), count);

    let out = argmap(
        &[
            "export", "talk.ron", "--to", "shots/", "--steps", "--format", "png", "--scale", "0.25",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("shots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let expected: Vec<String> = (1..=count).map(|k| format!("step-{k:02}.png")).collect();
    assert_eq!(names, expected);
    let first = decode(&std::fs::read(dir.path().join("shots/step-01.png")).unwrap());
    assert_eq!((first.width, first.height), (320, 200));

    let out = argmap(
        &[
            "export", "talk.ron", "--to", "svgs", "--steps", "--format", "svg",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("svgs/step-01.svg").is_file());
    assert!(
        dir.path()
            .join(format!("svgs/step-{count:02}.svg"))
            .is_file()
    );
}

#[test]
fn the_cli_refuses_steps_where_there_are_no_pages() {
    let dir = tempfile::tempdir().unwrap();
    copy_article(dir.path());
    for args in [
        &["export", "talk.ron", "--to", "talk.json", "--steps"][..],
        &[
            "export", "talk.ron", "--to", "-", "--format", "argdown", "--steps",
        ][..],
    ] {
        let out = argmap(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("argmap: error: --steps") && err.contains("pdf, png or svg"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert!(!dir.path().join("talk.json").exists());
    // Without --steps, JSON still exports.
    let out = argmap(&["export", "talk.ron", "--to", "talk.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn the_cli_says_so_when_the_picture_directory_is_a_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_article(dir.path());
    std::fs::write(dir.path().join("shots"), "not a directory").unwrap();
    let out = argmap(
        &[
            "export", "talk.ron", "--to", "shots", "--steps", "--format", "png",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("shots is a file, not a directory"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("shots")).unwrap(),
        "not a directory"
    );
    // A picture format named only by the extension would be a directory called "x.png".
    let out = argmap(
        &["export", "talk.ron", "--to", "x.png", "--steps"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--format png"), "{}", stderr(&out));
    assert!(!dir.path().join("x.png").exists());
}

/// A talk has about one step per node, so pages that each filtered the whole map cost
/// steps × nodes: at 20,000 nodes, minutes. Each page now looks only at what is in its view.
#[test]
fn the_pages_of_a_big_talk_are_made_in_time_linear_in_the_map() {
    let map = argmap::generate::generate(20_000, 1);
    let steps = map.steps();
    assert!(steps.len() > 5_000, "{} steps", steps.len());
    let pages = argmap::render::page::pages(&map, &steps);
    assert_eq!(pages.len(), steps.len());
    let index: std::collections::HashMap<&NodeId, usize> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (&n.id, i))
        .collect();
    let mut shown = vec![false; map.nodes.len()];
    for (k, (page, step)) in pages.iter().zip(&steps).enumerate() {
        let current: HashSet<usize> = step.nodes.iter().map(|id| index[id]).collect();
        for &i in &current {
            shown[i] = true;
        }
        // Every node of the step is on its page; no node of a later step is.
        let on_page: HashSet<usize> = page.scene.cards.iter().map(|c| c.node).collect();
        assert!(current.is_subset(&on_page), "page {k}");
        assert!(
            on_page.iter().all(|&i| shown[i]),
            "page {k} shows a later node"
        );
    }
}
