//! Export and Import in the window: File → Export… writes the map (or the selection) in a
//! chosen format where the save dialog says; File → Import… opens Argdown or AIF as a new,
//! unsaved map — driven headlessly through AccessKit with scripted file dialogs.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, ScriptedDialogs, Startup};
use argmap::model::ArgumentMap;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::rc::Rc;

fn article() -> ArgumentMap {
    argmap::bundled::article_map()
}

fn main_claim_text(map: &ArgumentMap) -> String {
    map.node(map.main_claim().unwrap()).unwrap().text.clone()
}

/// The bundled article map, with dialogs answering `answers` in order.
fn bundled_with(
    answers: Vec<Option<PathBuf>>,
) -> (Harness<'static, ArgmapApp>, Rc<ScriptedDialogs>) {
    let dialogs = Rc::new(ScriptedDialogs::answering(answers));
    let harness = ui::harness_with(Startup::bundled(), dialogs.clone());
    (harness, dialogs)
}

/// File → Export… through the menu.
fn open_export_from_the_menu(harness: &mut Harness<'_, ArgmapApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export… Ctrl+E").click();
    harness.run();
    assert!(harness.state().is_exporting(), "the export dialog is open");
}

/// Picks `format` in the open export dialog and presses its Export… button.
fn export_as(harness: &mut Harness<'_, ArgmapApp>, format: &str) {
    harness.get_by_label(format).click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, "Export…")
        .click();
    harness.run();
}

/// Every piece of text in an SVG, joined by spaces (wrapped lines become one run).
fn svg_text(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("the export is well-formed SVG");
    let words: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .flat_map(str::split_whitespace)
        .collect();
    words.join(" ")
}

#[test]
fn the_article_map_exports_to_markdown_through_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("article.md");
    let (mut harness, dialogs) = bundled_with(vec![Some(target.clone())]);
    open_export_from_the_menu(&mut harness);
    export_as(&mut harness, "Markdown outline (for reports) (.md)");

    assert_eq!(
        dialogs.asked.borrow().as_slice(),
        ["export is-khamenei-ruling-out-dialogue-with-trump.md"],
        "the save dialog suggests the map's name with the format's extension"
    );
    let written = std::fs::read_to_string(&target).expect("the Markdown file was written");
    assert!(written.contains(&main_claim_text(&article())));
    assert!(!harness.state().is_exporting(), "the dialog closed");
    let message = harness.state().message().unwrap().to_owned();
    assert!(
        message.contains(&target.display().to_string()),
        "the status bar says where: {message}"
    );
    harness.get_by_label_contains("Exported");
    assert!(!harness.state().is_dirty(), "exporting changes nothing");
    assert_eq!(harness.state().map(), &article());
}

#[test]
fn the_article_map_exports_to_svg_with_the_chosen_options() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("article.svg");
    let (mut harness, _) = bundled_with(vec![Some(target.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(
        harness.state().is_exporting(),
        "Ctrl+E opens the export dialog"
    );
    harness.get_by_label("SVG picture (.svg)").click();
    harness.run();
    harness.get_by_label("Transparent").click();
    harness.get_by_label("Legend of kinds and links").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, "Export…")
        .click();
    harness.run();

    let svg = std::fs::read_to_string(&target).expect("the SVG file was written");
    let text = svg_text(&svg);
    assert!(
        text.contains(&main_claim_text(&article())),
        "the main claim is in the picture: {text}"
    );
    // The options reached the exporter: what the library writes with them, byte for byte.
    let options = argmap::export::ExportOptions {
        background: argmap::export::Background::Transparent,
        legend: false,
        ..Default::default()
    };
    let expected =
        argmap::export::export(&article(), argmap::export::ExportFormat::Svg, &options).unwrap();
    assert_eq!(svg.as_bytes(), expected.as_slice());
    let default = argmap::export::export(
        &article(),
        argmap::export::ExportFormat::Svg,
        &Default::default(),
    )
    .unwrap();
    assert_ne!(
        svg.as_bytes(),
        default.as_slice(),
        "the options made a difference"
    );
}

#[test]
fn selection_only_exports_the_selected_node_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("part.json");
    let (mut harness, dialogs) = bundled_with(vec![Some(target.clone())]);
    let map = article();
    let main = map.main_claim().unwrap().clone();
    // A node with links to others, so "exactly that node" means something.
    let chosen = map.incoming(&main).next().unwrap().from.clone();
    // The harness starts with the map fitted to the window: every card is on screen.
    harness
        .get_by_label(&ui::card_label(&map, &chosen.0))
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection().nodes(),
        std::slice::from_ref(&chosen)
    );

    open_export_from_the_menu(&mut harness);
    harness.get_by_label(&format!("Whole map ({} nodes)", map.nodes.len()));
    harness.get_by_label("Selection only").click();
    harness.run();
    export_as(&mut harness, "JSON (for scripts and other tools) (.json)");

    assert_eq!(
        dialogs.asked.borrow().as_slice(),
        ["export is-khamenei-ruling-out-dialogue-with-trump-selection.json"]
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    let nodes = json["nodes"].as_array().unwrap();
    let ids: Vec<_> = nodes.iter().map(|n| n["id"].clone()).collect();
    assert_eq!(nodes.len(), 1, "exactly the selected node: {ids:?}");
    assert_eq!(nodes[0]["id"], chosen.0.as_str());
    assert!(
        json["links"].as_array().unwrap().is_empty(),
        "no link leaves the selection"
    );
    let cited: Vec<&str> = map
        .node(&chosen)
        .unwrap()
        .citations
        .iter()
        .map(|c| c.source.0.as_str())
        .collect();
    let sources: Vec<&str> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for s in &sources {
        let reported = map
            .sources
            .iter()
            .any(|p| p.reported_in.as_ref().is_some_and(|r| r.0 == *s));
        assert!(
            cited.contains(s) || reported,
            "{s} is not cited by the node"
        );
    }
    assert!(sources.len() < map.sources.len());
}

#[test]
fn selection_only_is_disabled_without_a_selection() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("all.json");
    let (mut harness, _) = bundled_with(vec![Some(target.clone())]);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection().is_empty());
    open_export_from_the_menu(&mut harness);
    harness.get_by_label("No nodes selected.");
    // A click on the disabled choice does nothing: the whole map goes out.
    harness.get_by_label("Selection only").click();
    harness.run();
    export_as(&mut harness, "JSON (for scripts and other tools) (.json)");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(
        json["nodes"].as_array().unwrap().len(),
        article().nodes.len()
    );
}

#[test]
fn a_cancelled_dialog_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // The save dialog is cancelled.
    let (mut harness, dialogs) = bundled_with(vec![None]);
    open_export_from_the_menu(&mut harness);
    export_as(&mut harness, "PNG picture (.png)");
    assert_eq!(dialogs.asked.borrow().len(), 1);
    assert_eq!(harness.state().message(), Some("Not exported."));
    // The export dialog's own Cancel asks for nothing.
    open_export_from_the_menu(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_exporting());
    assert_eq!(dialogs.asked.borrow().len(), 1, "no save dialog");
    // And Esc closes it too.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.state().is_exporting());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_exporting());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert!(!harness.state().is_dirty());
}

#[test]
fn a_failed_write_is_reported_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist: the write fails.
    let target = dir.path().join("missing").join("out.md");
    let (mut harness, _) = bundled_with(vec![Some(target.clone())]);
    open_export_from_the_menu(&mut harness);
    export_as(&mut harness, "Markdown outline (for reports) (.md)");
    assert!(harness.state().is_prompting());
    harness.get_by_label("Could not export");
    harness.get_by_label_contains(&format!(
        "Cannot write {}: No such file or directory",
        target.display()
    ));
    harness.get_by_label("OK").click();
    harness.run();
    assert!(!target.exists());
    assert_eq!(harness.state().map(), &article());
}

#[test]
fn the_presentation_exports_as_one_pdf_with_a_page_per_step() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("talk.pdf");
    let (mut harness, dialogs) = bundled_with(vec![Some(target.clone())]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export presentation…").click();
    harness.run();
    assert!(harness.state().is_exporting());
    harness.get_by_label("Export presentation");
    let steps = article().steps().len();
    harness
        .get_by_label(&format!("Presentation handout ({steps} steps)"))
        .click();
    harness.get_by_label("One PDF with a page per step.");
    harness
        .get_by_role_and_label(egui::Role::Button, "Export…")
        .click();
    harness.run();
    assert_eq!(
        dialogs.asked.borrow().as_slice(),
        ["export is-khamenei-ruling-out-dialogue-with-trump-handout.pdf"]
    );
    let pdf = std::fs::read(&target).expect("the PDF was written");
    let expected = argmap::export::steps_pdf(&article(), &Default::default()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(
        pdf.len(),
        expected.len(),
        "the handout, not the one-page map"
    );
    let whole = argmap::export::export(
        &article(),
        argmap::export::ExportFormat::Pdf,
        &Default::default(),
    )
    .unwrap();
    assert_ne!(pdf, whole);
    assert!(
        harness
            .state()
            .message()
            .unwrap()
            .contains(&format!("{steps} steps"))
    );
}

#[test]
fn the_presentation_exports_as_numbered_pictures_in_a_chosen_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = bundled_with(vec![Some(dir.path().to_owned())]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export presentation…").click();
    harness.run();
    // Text formats have no pages: they cannot be chosen for a handout.
    harness
        .get_by_label("Markdown outline (for reports) (.md)")
        .click();
    harness.run();
    harness.get_by_label("One PDF with a page per step.");
    export_as(&mut harness, "SVG picture (.svg)");
    assert_eq!(dialogs.asked.borrow().as_slice(), ["folder"]);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let steps = article().steps().len();
    assert_eq!(names.len(), steps);
    assert_eq!(names[0], "step-01.svg");
    assert_eq!(names[steps - 1], format!("step-{steps:02}.svg"));
    let first = std::fs::read_to_string(dir.path().join("step-01.svg")).unwrap();
    assert!(svg_text(&first).contains(&main_claim_text(&article())));
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn importing_argdown_opens_a_new_unsaved_map_with_no_way_back_by_undo() {
    let input = data("argdown-primer.argdown");
    let expected = argmap::interchange::import(
        &std::fs::read_to_string(&input).unwrap(),
        argmap::interchange::ImportFormat::Argdown,
        "argdown-primer",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.ron");
    let (mut harness, dialogs) = bundled_with(vec![Some(input.clone()), Some(saved.clone())]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import… Ctrl+I").click();
    harness.run();
    // The file has things a map cannot hold: they are listed, then the map is open.
    if !expected.warnings.is_empty() {
        harness.get_by_label_contains("Imported with");
        let first = expected.warnings[0].render(&input, argmap::model::Severity::Warning);
        harness.get_by_label(&first);
        harness.get_by_label("OK").click();
        harness.run();
    }
    assert!(!harness.state().is_prompting());
    assert_eq!(dialogs.asked.borrow().as_slice(), ["import"]);

    let app = harness.state();
    assert_eq!(app.map(), &expected.map);
    assert!(app.is_dirty(), "an imported map is not saved anywhere yet");
    assert_eq!(app.path(), None);
    assert!(
        app.window_title().starts_with("• "),
        "{}",
        app.window_title()
    );
    // Its cards are on the canvas (fitted to the window), findable by label.
    let map = harness.state().map().clone();
    let first = &map.nodes[0];
    harness.get_by_label(&ui::card_label(&map, &first.id.0));

    // Undo does not go back into the article map.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &expected.map);
    assert_eq!(harness.state().message(), Some("Nothing to undo."));

    // Save asks where, suggesting the input's name as .ron.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        dialogs.asked.borrow().as_slice(),
        ["import", "save argdown-primer.ron"]
    );
    assert_eq!(argmap::format::open(&saved).unwrap().map, expected.map);
    assert!(!harness.state().is_dirty());
}

#[test]
fn importing_over_unsaved_changes_asks_first() {
    let input = data("argdown-primer.argdown");
    let (mut harness, dialogs) = bundled_with(vec![Some(input)]);
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label("Save changes?");
    assert!(
        dialogs.asked.borrow().is_empty(),
        "nothing asked before the answer"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness.state().map().nodes.is_empty(),
        "the current map stays"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(dialogs.asked.borrow().as_slice(), ["import"]);
    assert!(
        !harness.state().map().nodes.is_empty(),
        "the import is open"
    );
}

#[test]
fn importing_a_broken_file_shows_the_error_and_keeps_the_map() {
    let input = data("broken-relation.argdown");
    let expected = argmap::interchange::import(
        &std::fs::read_to_string(&input).unwrap(),
        argmap::interchange::ImportFormat::Argdown,
        "broken-relation",
    )
    .unwrap_err();
    let (mut harness, _) = bundled_with(vec![Some(input.clone())]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    assert!(harness.state().is_prompting());
    harness.get_by_label("This file could not be imported");
    let line = expected.errors[0].render(&input, argmap::model::Severity::Error);
    let place = format!(
        "{}:{}:{}: error: ",
        input.display(),
        expected.errors[0].line.unwrap(),
        expected.errors[0].col.unwrap()
    );
    assert!(line.starts_with(&place), "{line}");
    harness.get_by_label(&line);
    harness.get_by_label("OK").click();
    harness.run();
    assert!(!harness.state().is_prompting());
    assert_eq!(harness.state().map(), &article());
    assert!(!harness.state().is_dirty());
}

#[test]
fn export_and_import_are_in_the_shortcuts_window() {
    let mut harness = ui::bundled();
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Ctrl+E");
    harness.get_by_label("Ctrl+I");
}
