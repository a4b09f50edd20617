//! The window as a user meets it, driven headlessly through AccessKit with egui_kittest.

use argmap::app::{ArgmapApp, Camera, Environment, ScriptedDialogs, Startup};
use argmap::model::NodeKind;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, ArgmapApp> {
    harness_with(Startup::bundled())
}

fn harness_with(startup: Startup) -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_eframe(|cc| {
            let env = Environment {
                dialogs: Box::new(ScriptedDialogs::default()),
                recovery_folder: None,
            };
            ArgmapApp::new(cc, startup, env)
        });
    harness.run();
    harness
}

/// The app with the whole map fitted to the window (F), so every card is on screen.
fn fitted() -> Harness<'static, ArgmapApp> {
    let mut harness = harness();
    harness.key_press(Key::F);
    harness.run();
    harness
}

fn main_claim_text(harness: &Harness<'_, ArgmapApp>) -> String {
    let map = harness.state().map();
    map.node(map.main_claim().unwrap()).unwrap().text.clone()
}

#[test]
fn opens_the_article_map_readable_at_its_main_claim_and_f_shows_every_card() {
    let mut harness = harness();
    let app = harness.state();
    assert_eq!(
        app.window_title(),
        "Is Khamenei Ruling out Dialogue with Trump? — argmap"
    );
    // The whole map would be too small to read in this window, so it opens at a zoom where
    // card text is drawn, with the main claim on screen.
    assert!(app.camera().zoom >= argmap::app::canvas::OPENING_ZOOM);
    let canvas = app.canvas_rect();
    let main_id = app.map().main_claim().unwrap().clone();
    assert!(canvas.contains_rect(app.node_screen_rect(&main_id).unwrap()));
    let main = main_claim_text(&harness);
    harness.get_by_label(&format!("Main claim: {main}"));

    harness.key_press(Key::F);
    harness.run();
    let app = harness.state();
    for node in &app.map().nodes {
        if app.map().main_claim() != Some(&node.id) {
            harness.get_by_label(&format!("{}: {}", node.kind.label(), node.text));
        }
    }
    assert!(harness.query_by_label("Fit map").is_some());
}

#[test]
fn clicking_a_card_selects_it_and_the_inspector_shows_its_text_and_citations() {
    let mut harness = fitted();
    let evidence = harness
        .state()
        .map()
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Evidence && n.citations.len() >= 2)
        .expect("an evidence node citing two sources")
        .clone();
    // Before: the inspector shows the map summary, not the quote.
    let quote = format!("“{}”", evidence.citations[0].quote);
    assert!(harness.query_by_label(&quote).is_none());

    harness
        .get_by_label(&format!("Evidence: {}", evidence.text))
        .click();
    harness.run();

    assert_eq!(harness.state().selection().primary(), Some(&evidence.id));
    // The inspector: full text, each citation's quote and its source's title.
    assert!(harness.query_all_by_label(&evidence.text).count() >= 1);
    harness.get_by_label(&quote);
    let map = harness.state().map().clone();
    for citation in &evidence.citations {
        let source = map.source(&citation.source).unwrap();
        assert!(
            harness.query_all_by_label(&source.title).count() >= 1,
            "{}",
            source.title
        );
    }
    harness.get_by_label("Citations (2)");
}

#[test]
fn the_outline_lists_every_node_and_clicking_an_entry_selects_and_centres_it() {
    let mut harness = harness();
    let map = harness.state().map().clone();
    for node in &map.nodes {
        let first_line = node.text.lines().next().unwrap();
        assert!(
            harness.query_all_by_label(first_line).count() >= 1,
            "outline misses {}",
            node.id
        );
    }
    // Zoom in somewhere else, then pick the last node in the outline.
    let target = map.nodes.last().unwrap().clone();
    harness.state_mut().set_camera(Camera {
        origin: Vec2::new(5000.0, 5000.0),
        zoom: 1.0,
    });
    harness.run();
    // The outline entry is a button labelled with the text (the card's label has its kind).
    harness
        .get_by_role_and_label(egui::Role::Button, target.text.lines().next().unwrap())
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection().primary(), Some(&target.id));
    let card = app.node_screen_rect(&target.id).unwrap();
    assert!(
        (card.center() - app.canvas_rect().center()).length() < 2.0,
        "{card:?}"
    );
}

#[test]
fn fit_map_brings_every_card_into_view() {
    let mut harness = harness();
    harness.state_mut().set_camera(Camera {
        origin: Vec2::new(-9000.0, 4000.0),
        zoom: 2.5,
    });
    harness.run();
    let canvas = harness.state().canvas_rect();
    let ids: Vec<_> = harness
        .state()
        .map()
        .nodes
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let inside = |h: &Harness<'_, ArgmapApp>| {
        ids.iter()
            .filter(|id| canvas.contains_rect(h.state().node_screen_rect(id).unwrap()))
            .count()
    };
    assert_eq!(inside(&harness), 0);

    harness.get_by_label("Fit map").click();
    harness.run();
    assert_eq!(inside(&harness), ids.len());

    // The F key does the same.
    harness.state_mut().set_camera(Camera {
        origin: Vec2::new(-9000.0, 4000.0),
        zoom: 2.5,
    });
    harness.run();
    harness.key_press(Key::F);
    harness.run();
    assert_eq!(inside(&harness), ids.len());
}

#[test]
fn keyboard_moves_along_links_and_escape_clears() {
    let mut harness = harness();
    let map = harness.state().map().clone();
    let main = map.main_claim().unwrap().clone();
    // With nothing selected, Alt+Down starts at the main claim.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&main));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    let child = harness.state().selection().primary().unwrap().clone();
    assert!(
        map.link(&child, &main).is_some(),
        "{child} does not bear on the main claim"
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    let sibling = harness.state().selection().primary().unwrap().clone();
    assert_ne!(sibling, child);
    assert!(map.link(&sibling, &main).is_some());
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some(&main));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().selection().is_empty());
}

#[test]
fn shift_click_adds_to_the_selection_and_a_plain_click_replaces_it() {
    let mut harness = fitted();
    let map = harness.state().map().clone();
    let label = |i: usize| {
        let n = &map.nodes[i];
        let kind = if map.main_claim() == Some(&n.id) {
            "Main claim"
        } else {
            n.kind.label()
        };
        format!("{kind}: {}", n.text)
    };
    harness.get_by_label(&label(1)).click();
    harness.run();
    harness
        .get_by_label(&label(2))
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    assert_eq!(harness.state().selection().len(), 2);
    harness.get_by_label(&label(3)).click();
    harness.run();
    assert_eq!(
        harness.state().selection().nodes(),
        &[map.nodes[3].id.clone()]
    );
}

#[test]
fn zoom_shortcuts_change_the_zoom_and_panels_can_be_hidden() {
    let mut harness = harness();
    let before = harness.state().camera().zoom;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    assert!(harness.state().camera().zoom > before);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!(harness.state().camera().zoom < before);

    assert!(harness.query_by_label("Inspector").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    harness.run();
    assert!(harness.query_by_label("Inspector").is_none());
}

#[test]
fn fit_map_shows_the_whole_of_a_big_map_and_its_cards_stay_findable() {
    // A generated tree of 3,000 nodes is over a hundred thousand of map units wide: fitting it takes
    // a zoom far below 2%, where cards are drawn as plain blocks.
    let map = argmap::generate::generate(3_000, 3);
    let mut harness = harness_with(Startup::with_map(map, None));
    harness.key_press(Key::F);
    harness.run();
    let canvas = harness.state().canvas_rect();
    let state = harness.state();
    let outside = state
        .map()
        .nodes
        .iter()
        .filter(|n| !canvas.contains_rect(state.node_screen_rect(&n.id).unwrap()))
        .count();
    assert_eq!(outside, 0, "every card is inside the canvas after Fit map");
    assert!(state.camera().zoom < 0.02, "zoom {}", state.camera().zoom);
    // Far out (3,000 cards on screen, more than are made widgets), a card is still found
    // through Find, which selects it and brings it into view.
    let wanted = state.map().nodes[2_000].clone();
    let zoom_before = state.camera().zoom;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find in map").type_text(&wanted.text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let state = harness.state();
    assert_eq!(state.selection().primary(), Some(&wanted.id));
    let shown = state.node_screen_rect(&wanted.id).unwrap();
    assert!(canvas.contains_rect(shown));
    assert_eq!(state.camera().zoom, zoom_before);
}

#[test]
fn far_out_a_card_that_is_no_widget_still_selects_and_edits_on_click() {
    // 1,000 cards fitted: each a few pixels wide and drawn without a widget of its own.
    let map = argmap::generate::generate(1_000, 5);
    let mut harness = harness_with(Startup::with_map(map, None));
    harness.key_press(Key::F);
    harness.run();
    let node = harness.state().map().nodes[500].clone();
    let label = argmap::app::canvas::accessible_label(&node, false);
    assert!(harness.query_by_label(&label).is_none(), "not a widget");
    let at = harness.state().node_screen_rect(&node.id).unwrap().center();
    // Press and release, each in a frame of its own 50 ms after the last (the harness' clock
    // does not move by itself, and a double click is two clicks within 0.3 s).
    let click = |harness: &mut Harness<'_, ArgmapApp>, time: &mut f64| {
        for pressed in [true, false] {
            *time += 0.05;
            let input = harness.input_mut();
            input.time = Some(*time);
            input.events.push(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            harness.step();
        }
    };
    harness.hover_at(at);
    harness.run();
    let mut time = 10.0;
    click(&mut harness, &mut time);
    assert_eq!(harness.state().selection().primary(), Some(&node.id));
    assert!(harness.query_by_label("Node text").is_none());
    time += 1.0; // a separate click, not the second half of a double click
    click(&mut harness, &mut time);
    click(&mut harness, &mut time);
    harness.run();
    let field = harness.get_by_label("Node text");
    assert_eq!(field.value().as_deref(), Some(node.text.as_str()));
}
