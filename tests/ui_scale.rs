//! The interface text size (View menu, Ctrl+Shift+plus/minus/0) is separate from the map's
//! zoom (Ctrl+=/-/0), and each map file reopens with the camera and tabs it was left with.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, Camera, LeftTab, RightTab, ScriptedDialogs, Startup};
use egui::{Key, Modifiers, TextStyle};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::rc::Rc;

fn body_size(harness: &Harness<'_, ArgmapApp>) -> f32 {
    harness.ctx.global_style().text_styles[&TextStyle::Body].size
}

#[test]
fn ctrl_shift_plus_enlarges_the_interface_but_not_the_map() {
    let mut harness = ui::bundled();
    let usual = body_size(&harness);
    let camera = harness.state().camera();
    let main = harness.state().map().main_claim().unwrap().clone();
    let card = harness.state().node_screen_rect(&main).unwrap();
    let menu_height = harness.get_by_label("File").rect().height();

    // On a US keyboard Ctrl+Shift+= arrives as Ctrl+Shift+Plus.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Plus);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals);
    harness.run();
    assert_eq!(harness.state().ui_scale(), 1.2);
    assert_eq!(body_size(&harness), usual * 1.2);
    assert!(harness.get_by_label("File").rect().height() > menu_height);
    assert_eq!(
        harness.state().camera().zoom,
        camera.zoom,
        "the map's zoom is its own"
    );
    let card_now = harness.state().node_screen_rect(&main).unwrap();
    assert_eq!(
        card_now.size(),
        card.size(),
        "cards keep their size on screen"
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Minus);
    harness.run();
    assert_eq!(harness.state().ui_scale(), 1.1);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Num0);
    harness.run();
    assert_eq!(harness.state().ui_scale(), 1.0);
    assert_eq!(body_size(&harness), usual);
}

#[test]
fn ctrl_equals_still_zooms_the_map_and_leaves_the_interface_alone() {
    let mut harness = ui::bundled();
    let zoom = harness.state().camera().zoom;
    let usual = body_size(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(harness.state().camera().zoom > zoom * 1.5);
    assert_eq!(body_size(&harness), usual);
    assert_eq!(harness.state().ui_scale(), 1.0);

    // With a dialog up the app's shortcuts rest; egui's own GUI zoom, which would then take
    // Ctrl+=, is off.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.0, "egui's GUI zoom is off");
}

#[test]
fn the_view_menu_sizes_the_interface_text() {
    let mut harness = ui::bundled();
    harness.get_by_label("View").click();
    harness.run();
    assert!(harness.query_by_label("Interface text: 100%").is_some());
    harness
        .get_by_label_contains("Larger interface text")
        .click();
    harness.run();
    assert_eq!(harness.state().ui_scale(), 1.1);
}

fn write_map(path: &std::path::Path, title: &str) {
    let mut map = argmap::bundled::article_map();
    map.title = title.into();
    std::fs::write(path, argmap::format::to_ron_string(&map)).unwrap();
}

#[test]
fn a_map_reopens_with_the_camera_and_tabs_it_was_left_with() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    write_map(&a, "A");
    write_map(&b, "B");
    // Ctrl+O answers b, then a again.
    let dialogs = Rc::new(ScriptedDialogs::answering([
        Some(b.clone()),
        Some(a.clone()),
    ]));
    let mut harness = ui::harness_with(Startup::from_arg(Some(a.clone())), dialogs);
    let left_on_a = Camera {
        origin: egui::vec2(123.0, -45.0),
        zoom: 0.37,
    };
    harness.state_mut().set_camera(left_on_a);
    let sources = format!("Sources ({})", harness.state().map().sources.len());
    harness.get_by_label(&sources).click();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(harness.state().map().title, "B");
    assert_ne!(
        harness.state().camera(),
        left_on_a,
        "b opens with its own view"
    );
    assert_eq!(
        harness.state().remembered_view(&a),
        Some((left_on_a, LeftTab::Sources, RightTab::Inspector))
    );
    harness.get_by_label("Outline").click();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(harness.state().map().title, "A");
    assert_eq!(
        harness.state().camera(),
        left_on_a,
        "a is back where it was left"
    );
    assert_eq!(
        harness.state().tabs(),
        (LeftTab::Sources, RightTab::Inspector)
    );
    assert!(harness.state().remembered_view(&b).is_some());
}
