//! The command palette (Ctrl+Shift+P), driven headlessly through AccessKit: typing filters
//! commands and nodes, Enter runs the command or goes to the node.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, ScriptedDialogs, Startup};
use argmap::model::{ArgumentMap, Position};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::rc::Rc;

const FIELD: &str = "Command palette";

/// The article map with its cards out of place, so arranging moves them.
fn untidy_map() -> ArgumentMap {
    let mut map = argmap::bundled::article_map();
    for (i, node) in map.nodes.iter_mut().enumerate() {
        node.pinned = false;
        node.pos = Position::new((i % 5) as f32 * 37.0, (i / 5) as f32 * 23.0);
    }
    map
}

fn harness_with(map: ArgumentMap) -> Harness<'static, ArgmapApp> {
    ui::harness_with(
        Startup::with_map(map, None),
        Rc::new(ScriptedDialogs::default()),
    )
}

fn open_palette(harness: &mut Harness<'_, ArgmapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
}

fn palette_is_open(harness: &Harness<'_, ArgmapApp>) -> bool {
    harness
        .query_by_role_and_label(Role::TextInput, FIELD)
        .is_some()
}

fn type_into_palette(harness: &mut Harness<'_, ArgmapApp>, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, FIELD)
        .type_text(text);
    harness.run();
}

fn positions(map: &ArgumentMap) -> Vec<Position> {
    map.nodes.iter().map(|n| n.pos).collect()
}

#[test]
fn typing_arrange_map_and_enter_arranges_the_map_and_undo_restores_it() {
    let before = untidy_map();
    let mut harness = harness_with(before.clone());
    open_palette(&mut harness);
    assert!(palette_is_open(&harness), "Ctrl+Shift+P opens the palette");
    // Every command is listed with its keys before anything is typed.
    assert!(
        harness
            .query_by_label_contains("Keyboard shortcuts")
            .is_some()
    );

    type_into_palette(&mut harness, "arrange map");
    assert!(harness.query_by_label_contains("Arrange map").is_some());
    assert!(
        harness.query_by_label_contains("Zoom out").is_none(),
        "commands that do not match are filtered out"
    );
    harness.key_press(Key::Enter);
    harness.run();

    assert!(
        !palette_is_open(&harness),
        "running a command closes the palette"
    );
    let arranged = positions(harness.state().map());
    assert_ne!(arranged, positions(&before), "Enter arranged the map");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(positions(harness.state().map()), positions(&before));
}

#[test]
fn typing_a_nodes_words_and_enter_selects_and_centres_that_node() {
    let map = argmap::bundled::article_map();
    let target = map.nodes[map.nodes.len() - 1].clone();
    let words: Vec<&str> = target.text.split_whitespace().take(5).collect();
    let mut harness = harness_with(map);
    harness.state_mut().set_camera(argmap::app::Camera {
        origin: egui::vec2(-5000.0, -5000.0),
        zoom: 1.0,
    });
    harness.run();

    open_palette(&mut harness);
    type_into_palette(&mut harness, &words.join(" "));
    assert!(
        harness
            .query_all_by_label_contains("Go to ")
            .next()
            .is_some()
    );
    harness.key_press(Key::Enter);
    harness.run();

    let app = harness.state();
    assert_eq!(app.selection().nodes(), std::slice::from_ref(&target.id));
    let card = app.node_screen_rect(&target.id).unwrap();
    let canvas = app.canvas_rect();
    assert!(
        (card.center() - canvas.center()).length() < 2.0,
        "the node is centred: card {card:?}, canvas {canvas:?}"
    );
    assert!(!palette_is_open(&harness));
}

#[test]
fn esc_closes_the_palette_without_running_anything() {
    let before = untidy_map();
    let mut harness = harness_with(before.clone());
    open_palette(&mut harness);
    type_into_palette(&mut harness, "arrange map");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!palette_is_open(&harness));
    assert_eq!(positions(harness.state().map()), positions(&before));
    // Closed, the palette's keys are the canvas' again: Enter is not swallowed by it.
    open_palette(&mut harness);
    assert!(palette_is_open(&harness), "it opens again");
}

#[test]
fn the_down_arrow_picks_the_next_row() {
    let mut harness = harness_with(argmap::bundled::article_map());
    let zoom = harness.state().camera().zoom;
    open_palette(&mut harness);
    // "Zoom to selection" comes first (nothing is selected, so it would do nothing); the row
    // after it zooms the map.
    type_into_palette(&mut harness, "zoom");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_ne!(harness.state().camera().zoom, zoom, "the second row ran");
}
