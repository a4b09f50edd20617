//! Presentation mode in the window: panels go, steps advance, Esc comes back.

#[path = "common/ui.rs"]
mod ui;

use egui::Key;
use egui_kittest::kittest::Queryable;

#[test]
fn presenting_hides_the_panels_steps_through_the_talk_and_esc_leaves() {
    let mut harness = ui::bundled();
    let map = harness.state().map().clone();
    let steps = map.steps();
    let n = steps.len();
    assert!(harness.query_by_label("Outline").is_some());

    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().is_presenting());
    assert!(
        harness.query_by_label("Outline").is_none(),
        "panels are hidden"
    );
    assert!(harness.query_by_label("Inspector").is_none());
    assert!(
        harness.query_by_label("File").is_none(),
        "the menu is hidden"
    );
    harness.get_by_label(&format!("1 / {n}"));
    // Only the main claim is revealed at first.
    let main = map.main_claim().unwrap();
    harness.get_by_label(&ui::card_label(&map, main.as_str()));
    let later = &steps[1].nodes[0];
    assert!(
        harness
            .query_by_label(&ui::card_label(&map, later.as_str()))
            .is_none()
    );

    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.get_by_label(&format!("2 / {n}"));
    harness.get_by_label(&ui::card_label(&map, later.as_str()));
    harness.key_press(Key::Space);
    harness.key_press(Key::PageDown);
    harness.run();
    harness.get_by_label(&format!("4 / {n}"));
    harness.key_press(Key::Backspace);
    harness.run();
    harness.get_by_label(&format!("3 / {n}"));
    harness.key_press(Key::End);
    harness.run();
    harness.get_by_label(&format!("{n} / {n}"));
    // Every node is revealed at the end.
    assert_eq!(harness.state().revealed_nodes().len(), map.nodes.len());
    harness.key_press(Key::Num2);
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(&format!("2 / {n}"));
    harness.key_press(Key::Home);
    harness.run();
    harness.get_by_label(&format!("1 / {n}"));

    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().is_presenting());
    assert!(harness.query_by_label("Outline").is_some());
    assert!(harness.query_by_label(&format!("1 / {n}")).is_none());
}

#[test]
fn the_camera_glides_to_each_step_instead_of_jumping() {
    // Frames a 60th of a second apart, as on screen: the 0.4 s glide spans many of them.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1600.0, 1000.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(100)
        .build_eframe(|cc| {
            let env = argmap::app::Environment {
                dialogs: Box::new(argmap::app::ScriptedDialogs::default()),
                recovery_folder: None,
            };
            argmap::app::ArgmapApp::new(cc, argmap::app::Startup::bundled(), env)
        });
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    let before = harness.state().camera();
    harness.key_press(Key::ArrowRight);
    harness.step();
    harness.step();
    let during = harness.state().camera();
    harness.run();
    let after = harness.state().camera();
    assert_ne!(before, after);
    // Part-way through, the camera is between the two, not at either end.
    assert_ne!(during, before);
    assert_ne!(during, after);
}

#[test]
fn the_talk_tab_arranges_steps_saved_in_the_map_and_undo_restores_the_default_walk() {
    let mut harness = ui::bundled();
    let default = harness.state().map().steps();
    assert!(harness.state().map().presentation.is_none());
    harness.get_by_label("Talk").click();
    harness.run();
    // Group the first two steps.
    harness
        .query_all_by_label("group with next")
        .next()
        .unwrap()
        .click();
    harness.run();
    let arranged = harness
        .state()
        .map()
        .presentation
        .clone()
        .expect("arranged now");
    assert_eq!(arranged.len(), default.len() - 1);
    assert_eq!(
        arranged[0].nodes,
        [default[0].nodes.clone(), default[1].nodes.clone()].concat()
    );

    // Drag step 3 onto step 1: it moves to the front.
    let from = harness.get_by_label("Step 3").rect().center();
    let to = harness.get_by_label("Step 1").rect().center() + egui::vec2(120.0, 10.0);
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let moved = harness.state().map().presentation.clone().unwrap();
    assert_eq!(moved[0], arranged[2]);
    assert_eq!(moved[1], arranged[0]);

    // Presenting follows the arranged steps.
    harness.key_press(Key::F5);
    harness.run();
    harness.get_by_label(&format!("1 / {}", moved.len()));
    harness.key_press(Key::Escape);
    harness.run();

    for _ in 0..2 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert!(harness.state().map().presentation.is_none());
}

/// Presentation mode frames a step with handout pages' rule (`render::page::frame`): the
/// camera looks at the centre that rule gives, at its zoom.
#[test]
fn a_step_is_framed_as_its_handout_page_frames_it() {
    let mut harness = ui::bundled();
    let map = harness.state().map().clone();
    let steps = map.steps();
    harness.key_press(Key::F5);
    harness.run();
    // There and back and there again: the step is framed with the cards' measured sizes,
    // which the checks below read, not with the estimates used before they were drawn.
    for key in [Key::ArrowRight, Key::ArrowLeft, Key::ArrowRight] {
        harness.key_press(key);
        harness.run();
    }
    let app = harness.state();
    let (camera, canvas) = (app.camera(), app.canvas_rect());
    let shown = argmap::model::Step::shown_at(&steps, 1);
    let current = steps[1].nodes.iter().cloned().collect();
    let framed = argmap::model::Step::framed_with_neighbours(&map, &shown, &current);
    let map_rect = |ids: &mut dyn Iterator<Item = &argmap::model::NodeId>| {
        ids.map(|id| {
            let r = app.node_screen_rect(id).unwrap();
            let (min, max) = (camera.to_map(canvas, r.min), camera.to_map(canvas, r.max));
            argmap::render::geom::Rect {
                min: argmap::render::geom::Point::new(min.x, min.y),
                max: argmap::render::geom::Point::new(max.x, max.y),
            }
        })
        .reduce(|a, b| a.union(&b))
    };
    let (centre, zoom) = argmap::render::page::frame(
        canvas.width(),
        canvas.height(),
        map_rect(&mut framed.iter()),
        map_rect(&mut current.iter()),
    )
    .unwrap();
    assert!(
        (camera.zoom - zoom).abs() < 1e-4,
        "{} vs {zoom}",
        camera.zoom
    );
    let looked_at = camera.to_map(canvas, canvas.center());
    assert!(
        (looked_at.x - centre.x).abs() < 0.5 && (looked_at.y - centre.y).abs() < 0.5,
        "{looked_at:?} vs {centre:?}"
    );
}

#[test]
fn the_talk_tab_of_a_big_map_makes_widgets_only_for_the_steps_in_view() {
    // A generated map of 5,000 nodes walks in hundreds of steps; the tab shows the first
    // few, and scrolling to the end shows the last, never all of them at once.
    let map = argmap::generate::generate(5_000, 1);
    let steps = map.steps();
    assert!(steps.len() > 500, "{} steps", steps.len());
    let startup = argmap::app::Startup::with_map(map, None);
    let mut harness = ui::harness_with(startup, Default::default());
    harness.get_by_label("Talk").click();
    harness.run();
    let shown = |harness: &egui_kittest::Harness<'_, argmap::app::ArgmapApp>| {
        harness.query_all_by_label_contains("Step ").count()
    };
    assert!(harness.query_by_label("Step 1").is_some());
    let at_top = shown(&harness);
    assert!((2..100).contains(&at_top), "{at_top} steps made widgets");

    let list = harness.get_by_label("Step 1").rect().center();
    harness.hover_at(list);
    for _ in 0..400 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.step();
    }
    harness.run();
    let last = format!("Step {}", steps.len());
    assert!(harness.query_by_label(&last).is_some(), "{last} in view");
    assert!(harness.query_by_label("Step 1").is_none());
    assert!(shown(&harness) < 100);
}
