//! What an edit costs in the window: `cargo bench --bench edit`.
//!
//! The app runs in egui_kittest's harness at 1600×1000 with a generated map at its opening
//! view (the main claim at a readable zoom), the outline panel showing and Find open with a
//! query, so everything the app recomputes after a change is in the figure: the node index
//! and link ends, the outline, Find's matches, the card sizes, the start of the argument
//! check (a big map's runs in the background; `checked` times it to the end), and drawing.
//! Each sample is one edit made the way a user makes it, timed from the key press to the
//! end of the next frame (the frame that applies the edit, plus the one after it):
//!
//! - `add_linked`: Enter commits a new node typed after Tab (a node and a link added);
//! - `set_text`: Enter commits a changed text;
//! - `delete`: Delete removes a node near the start of the node list (every index after it
//!   moves) with its links;
//! - `undo`: Ctrl+Z brings back a node just deleted.
//!
//! Between samples (untimed) the edit is undone and the background check allowed to finish,
//! as it has at a person's pace; a sample never overlaps the previous sample's check.

mod common;

use argmap::app::{Action, ArgmapApp, Environment, ScriptedDialogs, Startup};
use argmap::model::NodeId;
use divan::Bencher;
use egui::{Event, Key, Modifiers, vec2};
use egui_kittest::Harness;
use std::cell::RefCell;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

type App = Harness<'static, ArgmapApp>;

/// The app with the map at its opening view, Find open on a word of the map, and the
/// canvas holding the keyboard, a few frames drawn.
fn app(nodes: usize) -> App {
    let map = (*common::map(nodes)).clone();
    let query = find_query(&map);
    let mut harness = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .build_eframe(move |cc| {
            ArgmapApp::new(
                cc,
                Startup::with_map(map, None),
                Environment {
                    dialogs: Box::new(ScriptedDialogs::default()),
                    recovery_folder: None,
                },
            )
        });
    harness.step();
    perform(&mut harness, Action::Find);
    harness.step();
    harness.event(Event::Text(query));
    harness.step();
    click_canvas(&mut harness);
    settle(&mut harness);
    harness
}

/// A click on the canvas (as after typing in Find): the canvas takes the keyboard back.
fn click_canvas(harness: &mut App) {
    let at = harness.state().canvas_rect().left_top() + vec2(5.0, 5.0);
    harness.hover_at(at);
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
}

/// A word from the middle of the map, as someone looking for something would type.
fn find_query(map: &argmap::model::ArgumentMap) -> String {
    let text = &map.nodes[map.nodes.len() / 2].text;
    let word = text.split_whitespace().max_by_key(|w| w.len());
    word.unwrap_or("the").to_lowercase()
}

fn perform(harness: &mut App, action: Action) {
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(action, &ctx);
}

/// Frames until nothing is pending: the background check has finished and been shown.
fn settle(harness: &mut App) {
    for _ in 0..3 {
        harness.step();
    }
    while harness.state().is_checking() {
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
    }
    harness.step();
}

/// The main claim: on screen at the opening view, and every kind of node can be linked to it.
fn main_claim(harness: &App) -> NodeId {
    let map = harness.state().map();
    map.main_claim().cloned().expect("generated maps have one")
}

/// A node near the start of the node list (so deleting it moves almost every index),
/// linked to the main claim.
fn early_node(harness: &App) -> NodeId {
    let map = harness.state().map();
    let main = map.main_claim().expect("a main claim");
    let link = map.links.iter().find(|l| &l.to == main).expect("a child");
    link.from.clone()
}

/// Selects `id` the way the outline does (and keeps the canvas on it).
fn select(harness: &mut App, id: NodeId) {
    harness
        .state_mut()
        .select_and_reveal(id, argmap::app::Reveal::IfHidden);
    harness.step();
}

/// The key press, then the frame that handles it and the one after.
fn press_and_draw(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.step();
    harness.step();
}

fn undo(harness: &mut App) {
    perform(harness, Action::Undo);
    settle(harness);
}

/// Runs `prepare` untimed, then times `edit`, then `restore` untimed, once per sample.
fn bench_edit(
    bencher: Bencher,
    nodes: usize,
    prepare: impl Fn(&mut App),
    edit: impl Fn(&mut App),
    restore: impl Fn(&mut App),
) {
    let harness = RefCell::new(app(nodes));
    let size = harness.borrow().state().map().nodes.len();
    bencher
        .with_inputs(|| {
            let mut harness = harness.borrow_mut();
            restore(&mut harness);
            prepare(&mut harness);
        })
        .bench_local_values(|()| edit(&mut harness.borrow_mut()));
    let mut harness = harness.borrow_mut();
    restore(&mut harness);
    assert_eq!(harness.state().map().nodes.len(), size, "every edit undone");
}

/// Restores nothing unless the map was changed (the first sample has nothing to undo).
fn undo_if_changed(harness: &mut App) {
    if harness.state().is_dirty() {
        undo(harness);
    }
}

const SIZES: [usize; 2] = [10_000, 100_000];

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1, max_time = 60)]
fn add_linked(bencher: Bencher, nodes: usize) {
    bench_edit(
        bencher,
        nodes,
        |h| {
            let parent = main_claim(h);
            select(h, parent);
            perform(h, Action::AddLinkedNode);
            h.step();
            h.event(Event::Text("Buses got faster downtown".into()));
            h.step();
            h.step();
        },
        |h| press_and_draw(h, Modifiers::NONE, Key::Enter),
        undo_if_changed,
    );
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1, max_time = 60)]
fn set_text(bencher: Bencher, nodes: usize) {
    bench_edit(
        bencher,
        nodes,
        |h| {
            let id = early_node(h);
            select(h, id);
            perform(h, Action::EditText);
            h.step();
            h.event(Event::Text(" (and more)".into()));
            h.step();
            h.step();
        },
        |h| press_and_draw(h, Modifiers::NONE, Key::Enter),
        undo_if_changed,
    );
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1, max_time = 60)]
fn delete(bencher: Bencher, nodes: usize) {
    bench_edit(
        bencher,
        nodes,
        |h| {
            let id = early_node(h);
            select(h, id);
        },
        |h| press_and_draw(h, Modifiers::NONE, Key::Delete),
        undo_if_changed,
    );
}

#[divan::bench(args = SIZES, sample_count = 20, sample_size = 1, max_time = 60)]
fn undo_delete(bencher: Bencher, nodes: usize) {
    bench_edit(
        bencher,
        nodes,
        |h| {
            let id = early_node(h);
            select(h, id);
            perform(h, Action::Delete);
            settle(h);
        },
        |h| press_and_draw(h, Modifiers::COMMAND, Key::Z),
        |h| {
            // The timed undo restored the map; redo nothing. Settle its check.
            settle(h);
        },
    );
}

/// From a text change's Enter to the Problems panel showing the changed map's check.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1, max_time = 60)]
fn checked(bencher: Bencher, nodes: usize) {
    bench_edit(
        bencher,
        nodes,
        |h| {
            let id = early_node(h);
            select(h, id);
            perform(h, Action::EditText);
            h.step();
            h.event(Event::Text(" (and more)".into()));
            h.step();
            h.step();
        },
        |h| {
            press_and_draw(h, Modifiers::NONE, Key::Enter);
            let start = Instant::now();
            while h.state().is_checking() {
                std::thread::sleep(Duration::from_millis(1));
                h.step();
                assert!(start.elapsed() < Duration::from_secs(60), "the check ends");
            }
        },
        undo_if_changed,
    );
}
