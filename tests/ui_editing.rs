//! Building and changing a map in the window: create, type, connect, delete, undo, find,
//! copy and paste, save — driven headlessly through AccessKit.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, Camera, ScriptedDialogs, Startup};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};
use egui::{Event, Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::rc::Rc;

fn small_map() -> ArgumentMap {
    let mut map = ArgumentMap::new("Small");
    map.nodes = vec![
        Node::new(
            "c",
            NodeKind::Claim,
            "Cities should ban cars",
            Position::new(0.0, 0.0),
        ),
        Node::new(
            "e",
            NodeKind::Evidence,
            "Air got cleaner",
            Position::new(-150.0, 250.0),
        ),
        Node::new(
            "k",
            NodeKind::Counterpoint,
            "Shops lose customers",
            Position::new(300.0, 250.0),
        ),
    ];
    map.links = vec![Link::new("e", "c", Relation::Supports)];
    map.main_claim = Some("c".into());
    map
}

/// The small map at 100% zoom with everything on screen.
fn small() -> (Harness<'static, ArgmapApp>, Rc<ScriptedDialogs>) {
    let dialogs = Rc::new(ScriptedDialogs::default());
    let mut harness = ui::harness_with(Startup::with_map(small_map(), None), dialogs.clone());
    harness.state_mut().set_camera(Camera {
        origin: Vec2::new(250.0, 150.0),
        zoom: 1.0,
    });
    harness.run();
    (harness, dialogs)
}

fn click_card(harness: &mut Harness<'_, ArgmapApp>, id: &str) {
    let label = ui::card_label(harness.state().map(), id);
    harness.get_by_label(&label).click();
    harness.run();
}

#[test]
fn tab_creates_a_linked_node_typed_in_place_as_one_undo_step() {
    let (mut harness, _) = small();
    click_card(&mut harness, "c");
    harness.key_press(Key::Tab);
    harness.run();
    harness
        .get_by_label("Node text")
        .type_text("Buses got faster");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    let app = harness.state();
    let map = app.map();
    assert_eq!(map.nodes.len(), 4);
    let new = map.nodes.last().unwrap();
    assert_eq!(new.text, "Buses got faster");
    assert_eq!(
        new.kind,
        NodeKind::Evidence,
        "under a claim, Tab adds supporting evidence"
    );
    assert_eq!(
        map.link(&new.id, &"c".into()).unwrap().relation,
        Relation::Supports
    );
    assert_eq!(app.selection().primary(), Some(&new.id));
    assert!(app.is_dirty());
    assert_eq!(app.window_title(), "• Small — argmap");
    // Placed without overlapping any other card.
    let placed = app.node_screen_rect(&new.id).unwrap();
    for other in &map.nodes[..3] {
        assert!(
            !placed.intersects(app.node_screen_rect(&other.id).unwrap()),
            "overlaps {}",
            other.id
        );
    }
    // Creating and typing was one step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &small_map());
    assert!(!harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().map().nodes.len(), 4);
}

#[test]
fn tab_under_a_counterpoint_adds_a_rebutting_claim_and_esc_cancels_it() {
    let (mut harness, _) = small();
    click_card(&mut harness, "k");
    harness.key_press(Key::Tab);
    harness.run();
    harness
        .get_by_label("Node text")
        .type_text("Footfall rose in car-free streets");
    harness.key_press(Key::Enter);
    harness.run();
    let map = harness.state().map().clone();
    let new = map.nodes.last().unwrap();
    assert_eq!(new.kind, NodeKind::Claim);
    assert_eq!(
        map.link(&new.id, &"k".into()).unwrap().relation,
        Relation::Opposes
    );

    // Esc while typing a new node leaves no trace.
    harness.key_press(Key::Tab);
    harness.run();
    harness.get_by_label("Node text").type_text("never mind");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().map(), &map);
    assert!(harness.query_by_label("Node text").is_none());
}

#[test]
fn enter_edits_a_nodes_text_and_shift_enter_makes_a_new_line() {
    let (mut harness, _) = small();
    click_card(&mut harness, "e");
    harness.key_press(Key::Enter);
    harness.run();
    let field = harness.get_by_label("Node text");
    field.type_text(" by 30%");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.get_by_label("Node text").type_text("(city report)");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().map().node(&"e".into()).unwrap().text,
        "Air got cleaner by 30%\n(city report)"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &small_map());
}

#[test]
fn dragging_from_a_cards_handle_onto_another_card_links_them() {
    let (mut harness, _) = small();
    click_card(&mut harness, "k");
    let handle = harness
        .get_by_label("Link from: Shops lose customers")
        .rect()
        .center();
    let target = harness
        .state()
        .node_screen_rect(&"c".into())
        .unwrap()
        .center();
    harness.drag_at(handle);
    harness.run();
    harness.hover_at(target);
    harness.run();
    harness.drop_at(target);
    harness.run();
    let map = harness.state().map();
    let link = map.link(&"k".into(), &"c".into()).expect("a new link");
    assert_eq!(
        link.relation,
        Relation::Opposes,
        "a counterpoint opposes by default"
    );

    // A second identical link is refused, with a reason on screen.
    harness.drag_at(handle);
    harness.run();
    harness.hover_at(target);
    harness.run();
    harness.drop_at(target);
    harness.run();
    assert_eq!(harness.state().map().links.len(), 2);
    assert_eq!(
        harness.state().message(),
        Some("Not done: these two nodes are already linked.")
    );
}

#[test]
fn delete_removes_the_node_with_its_links_and_undo_restores_both() {
    let (mut harness, _) = small();
    click_card(&mut harness, "e");
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().map().node(&"e".into()).is_none());
    assert!(harness.state().map().links.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &small_map());
}

#[test]
fn undo_and_redo_bring_back_the_selection_of_the_edit() {
    let (mut harness, _) = small();
    click_card(&mut harness, "e");
    harness.key_press(Key::Delete);
    harness.run();
    // Something else is selected before undoing: undo selects the node that comes back.
    click_card(&mut harness, "k");
    assert_eq!(harness.state().selection().nodes(), ["k".into()]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().selection().nodes(), ["e".into()]);
    // Redo returns to the state after the deletion, with the selection it was left with.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(harness.state().map().node(&"e".into()).is_none());
    assert_eq!(harness.state().selection().nodes(), ["k".into()]);
}

#[test]
fn dragging_a_card_moves_it_as_one_undo_step() {
    let (mut harness, _) = small();
    let start = harness
        .state()
        .node_screen_rect(&"k".into())
        .unwrap()
        .center();
    harness.drag_at(start);
    harness.run();
    for step in 1..=5 {
        harness.hover_at(start + Vec2::new(20.0 * step as f32, 10.0 * step as f32));
        harness.run();
    }
    harness.drop_at(start + Vec2::new(100.0, 50.0));
    harness.run();
    let pos = harness.state().map().node(&"k".into()).unwrap().pos;
    assert_eq!(pos, Position::new(400.0, 300.0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().map(), &small_map());
}

#[test]
fn find_selects_matches_and_hands_the_keyboard_back_to_the_canvas() {
    let mut harness = ui::bundled();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find in map").type_text("Khamenei");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let first = harness
        .state()
        .selection()
        .primary()
        .cloned()
        .expect("a match is selected");
    assert!(
        harness
            .state()
            .map()
            .node(&first)
            .unwrap()
            .text
            .contains("Khamenei")
    );
    harness.key_press(Key::Enter);
    harness.run();
    let second = harness.state().selection().primary().cloned().unwrap();
    assert_ne!(first, second);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&first));

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Find in map").is_none());
    assert_eq!(
        harness.state().selection().primary(),
        Some(&first),
        "Esc keeps the found node"
    );
    // The canvas has the keyboard again: Tab adds a node linked to the found one.
    harness.key_press(Key::Tab);
    harness.run();
    harness.get_by_label("Node text").type_text("A new point");
    harness.key_press(Key::Enter);
    harness.run();
    let map = harness.state().map();
    let new = map.nodes.last().unwrap();
    assert_eq!(new.text, "A new point");
    assert!(map.link(&new.id, &first).is_some());
}

#[test]
fn copy_and_paste_duplicate_nodes_with_their_inner_links() {
    let (mut harness, _) = small();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.event(Event::Copy);
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("the selection was copied as text");
    assert!(copied.contains("Cities should ban cars"));
    harness.event(Event::Paste(copied));
    harness.run();
    let map = harness.state().map();
    assert_eq!(map.nodes.len(), 6);
    assert_eq!(map.links.len(), 2);
    assert_eq!(
        harness.state().selection().len(),
        3,
        "the pasted nodes are selected"
    );
    // Plain text pastes as a new claim.
    harness.event(Event::Paste("A thought from elsewhere".into()));
    harness.run();
    let last = harness.state().map().nodes.last().unwrap().clone();
    assert_eq!(
        (last.kind, last.text.as_str()),
        (NodeKind::Claim, "A thought from elsewhere")
    );
}

#[test]
fn saving_the_bundled_map_asks_where_then_saves_there() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mine.ron");
    let dialogs = Rc::new(ScriptedDialogs::answering([Some(target.clone())]));
    let mut harness = ui::harness_with(Startup::bundled(), dialogs.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        dialogs.asked.borrow().as_slice(),
        ["save is-khamenei-ruling-out-dialogue-with-trump.ron"]
    );
    let saved = argmap::format::open(&target).unwrap().map;
    assert_eq!(&saved, harness.state().map());
    assert_eq!(harness.state().path(), Some(target.as_path()));
    // The next save goes straight to the file.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(dialogs.asked.borrow().len(), 1);
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let (mut harness, _) = small();
    click_card(&mut harness, "e");
    harness.key_press(Key::Delete);
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.state().is_prompting());
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_prompting());
    assert!(harness.state().is_dirty());
}

#[test]
fn opening_a_broken_file_shows_its_errors_and_keeps_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 1, title: 5)").unwrap();
    let dialogs = Rc::new(ScriptedDialogs::answering([Some(broken.clone())]));
    let mut harness = ui::harness_with(Startup::with_map(small_map(), None), dialogs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert!(harness.state().is_prompting());
    harness.get_by_label(&format!(
        "{}:1:27: error: Expected string",
        broken.display()
    ));
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().map(), &small_map());
}

#[test]
fn unsaved_work_left_by_a_crash_is_offered_back_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut edited = small_map();
    edited.nodes[0].text = "Work that was never saved".into();
    // What a killed argmap (process 4000000000, not running) left behind.
    let text = format!(
        "// argmap recovery of: /maps/small.ron\n{}",
        argmap::format::to_ron_string(&edited)
    );
    std::fs::write(dir.path().join("unsaved-4000000000.ron"), text).unwrap();

    let folder = dir.path().to_owned();
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_eframe(move |cc| {
            let env = argmap::app::Environment {
                dialogs: Box::new(ScriptedDialogs::default()),
                recovery_folder: Some(folder),
            };
            ArgmapApp::new(cc, Startup::with_map(small_map(), None), env)
        });
    harness.run();
    assert!(harness.state().is_prompting());
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.map(), &edited);
    assert_eq!(app.path(), Some(std::path::Path::new("/maps/small.ron")));
    assert!(app.is_dirty(), "restored work still needs saving");
    assert!(!dir.path().join("unsaved-4000000000.ron").exists());
}

#[test]
fn arrange_lays_the_map_out_as_one_undo_step_and_pinned_nodes_stay() {
    let (mut harness, _) = small();
    click_card(&mut harness, "k");
    harness.key_press(Key::P);
    harness.run();
    assert!(harness.state().map().node(&"k".into()).unwrap().pinned);
    let pinned_at = harness.state().map().node(&"k".into()).unwrap().pos;
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    let map = harness.state().map().clone();
    assert_eq!(
        map.node(&"k".into()).unwrap().pos,
        pinned_at,
        "pinned stays"
    );
    // The evidence now stands below the claim it supports.
    let c = map.node(&"c".into()).unwrap().pos;
    let e = map.node(&"e".into()).unwrap().pos;
    assert!(e.y > c.y);
    assert_ne!(map, {
        let mut before = small_map();
        before.nodes[2].pinned = true;
        before
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let mut pinned_only = small_map();
    pinned_only.nodes[2].pinned = true;
    assert_eq!(harness.state().map(), &pinned_only);
}
