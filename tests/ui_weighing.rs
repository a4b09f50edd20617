//! The weighing of the map in the window: the status bar says how the map's reasons weigh on
//! the main claim, and follows every edit and undo.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, ScriptedDialogs, Startup};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::rc::Rc;

/// Main claim `m`, attacked by counterpoint `c`, which nothing answers.
fn attacked() -> ArgumentMap {
    let mut map = ArgumentMap::new("Attacked");
    map.nodes.push(Node::new(
        "m",
        NodeKind::Claim,
        "The bridge is safe.",
        Position::new(0.0, 0.0),
    ));
    map.nodes.push(Node::new(
        "c",
        NodeKind::Counterpoint,
        "An inspector found cracks.",
        Position::new(0.0, 250.0),
    ));
    map.links.push(Link::new("c", "m", Relation::Opposes));
    map.main_claim = Some("m".into());
    map
}

fn open(map: ArgumentMap) -> Harness<'static, ArgmapApp> {
    ui::harness_with(
        Startup::with_map(map, None),
        Rc::new(ScriptedDialogs::default()),
    )
}

fn says(harness: &Harness<'_, ArgmapApp>, text: &str) -> bool {
    harness.query_by_label(text).is_some()
}

#[test]
fn the_status_bar_weighs_the_main_claim_and_follows_edits_and_undo() {
    let mut harness = open(attacked());
    assert!(says(&harness, "Main claim defeated"));
    assert!(!says(&harness, "Main claim holds"));
    // Delete the counterpoint: nothing applies against the claim any more.
    let label = ui::card_label(harness.state().map(), "c");
    harness.get_by_label(&label).click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert!(says(&harness, "Main claim holds"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(says(&harness, "Main claim defeated"));
}

#[test]
fn the_article_map_opens_with_its_main_claim_weighed() {
    let harness = ui::bundled();
    assert!(says(&harness, "Main claim holds"));
}

#[test]
fn the_inspector_explains_why_the_selected_node_has_its_status() {
    let mut harness = open(attacked());
    let label = ui::card_label(harness.state().map(), "m");
    harness.get_by_label(&label).click();
    harness.run();
    assert!(says(&harness, "Weighing: defeated"));
    assert!(says(
        &harness,
        "reason against it \"c->m\" applies (0.60): its premises hold and nothing undercuts it"
    ));
    let label = ui::card_label(harness.state().map(), "c");
    harness.get_by_label(&label).click();
    harness.run();
    assert!(says(&harness, "Weighing: holds"));
    assert!(says(
        &harness,
        "no reason bears on it: it holds by presumption"
    ));
}
