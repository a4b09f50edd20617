//! Building the app in a headless harness for UI tests.
// Each UI test file uses a different part of these helpers.
#![allow(dead_code)]

use argmap::app::{ArgmapApp, Environment, ScriptedDialogs, Startup};
use egui::Vec2;
use egui_kittest::Harness;
use std::rc::Rc;

pub fn harness_with(startup: Startup, dialogs: Rc<ScriptedDialogs>) -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_eframe(move |cc| {
            let env = Environment {
                dialogs: Box::new(dialogs),
                recovery_folder: None,
            };
            ArgmapApp::new(cc, startup, env)
        });
    harness.run();
    // Maps open at a readable zoom, which may leave cards off screen; tests click cards by
    // their labels, so they start from the whole map (F), as a user would to see it all.
    harness.key_press(egui::Key::F);
    harness.run();
    harness
}

pub fn bundled() -> Harness<'static, ArgmapApp> {
    harness_with(Startup::bundled(), Rc::new(ScriptedDialogs::default()))
}

/// The accessible label of a node's card.
pub fn card_label(map: &argmap::model::ArgumentMap, id: &str) -> String {
    let node = map.node(&id.into()).unwrap();
    let kind = if map.main_claim() == Some(&node.id) {
        "Main claim"
    } else {
        node.kind.label()
    };
    format!("{kind}: {}", node.text)
}
