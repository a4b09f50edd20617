//! One full UI frame of the app, without a GPU: `cargo bench --bench frame`.
//!
//! The app runs in egui_kittest's harness at 1600×1000 with a generated map, either zoomed to
//! fit the whole map (`fit`) or at 100% on the middle of the map (`actual`). A frame is
//! `Harness::step` (egui's `Context::run` of the whole app, plus the harness' AccessKit
//! update) and the tessellation of its shapes into meshes.
//!
//! To show where the time goes, `step`, `tessellate` and `bare` time the parts: the step
//! alone, tessellation alone, and the app's frame in a plain `egui::Context` without
//! AccessKit (as the real window runs when no screen reader is on) plus tessellation.

mod common;

use argmap::app::{ArgmapApp, Camera, Environment, ScriptedDialogs, Startup};
use argmap::model::ArgumentMap;
use divan::{Bencher, black_box};
use eframe::App;
use egui::{Pos2, RawInput, Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;

fn main() {
    divan::main();
}

const WINDOW: Vec2 = vec2(1600.0, 1000.0);

#[derive(Clone, Copy)]
enum View {
    /// The whole map in the window (as `F` does).
    Fit,
    /// 100% zoom on the centre of the map.
    Actual,
}

fn app(cc: &eframe::CreationContext<'_>, map: ArgumentMap) -> ArgmapApp {
    ArgmapApp::new(
        cc,
        Startup::with_map(map, None),
        Environment {
            dialogs: Box::new(ScriptedDialogs::default()),
            recovery_folder: None,
        },
    )
}

/// The map's extent, with card sizes as the app estimates them.
fn bounds(map: &ArgumentMap) -> Rect {
    let main = map.main_claim().cloned();
    map.nodes
        .iter()
        .map(|n| {
            let (w, h) = common::card_size(n, Some(&n.id) == main.as_ref());
            Rect::from_min_size(pos2(n.pos.x, n.pos.y), vec2(w, h))
        })
        .fold(Rect::NOTHING, |a, b| a.union(b))
}

fn camera(view: View, canvas: Rect, bounds: Rect) -> Camera {
    match view {
        View::Fit => Camera::fitting(canvas, bounds, 1.5),
        View::Actual => Camera {
            origin: canvas.size() / 2.0 - bounds.center().to_vec2(),
            zoom: 1.0,
        },
    }
}

/// The app in the harness with the camera set, after a few frames so caches are warm.
fn harness(nodes: usize, view: View) -> Harness<'static, ArgmapApp> {
    let map = (*common::map(nodes)).clone();
    let bounds = bounds(&map);
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .build_eframe(move |cc| app(cc, map));
    harness.step();
    let canvas = harness.state().canvas_rect();
    harness.state_mut().set_camera(camera(view, canvas, bounds));
    for _ in 0..3 {
        harness.step();
    }
    harness
}

fn frame(bencher: Bencher, nodes: usize, view: View) {
    let mut harness = harness(nodes, view);
    bencher.bench_local(|| {
        harness.step();
        let output = harness.output();
        let shapes = output.shapes.clone();
        harness.ctx.tessellate(shapes, output.pixels_per_point)
    });
}

#[divan::bench(args = [100, 1_000, 10_000, 100_000], sample_count = 30, max_time = 3)]
fn frame_fit(bencher: Bencher, nodes: usize) {
    frame(bencher, nodes, View::Fit);
}

#[divan::bench(args = [100, 1_000, 10_000, 100_000], sample_count = 30, max_time = 3)]
fn frame_actual(bencher: Bencher, nodes: usize) {
    frame(bencher, nodes, View::Actual);
}

fn step(bencher: Bencher, nodes: usize, view: View) {
    let mut harness = harness(nodes, view);
    bencher.bench_local(|| harness.step());
}

#[divan::bench(args = [1_000, 10_000], sample_count = 30, max_time = 2)]
fn step_fit(bencher: Bencher, nodes: usize) {
    step(bencher, nodes, View::Fit);
}

#[divan::bench(args = [1_000, 10_000], sample_count = 30, max_time = 2)]
fn step_actual(bencher: Bencher, nodes: usize) {
    step(bencher, nodes, View::Actual);
}

fn tessellate(bencher: Bencher, nodes: usize, view: View) {
    let mut harness = harness(nodes, view);
    harness.step();
    let output = harness.output();
    let (shapes, ppp) = (output.shapes.clone(), output.pixels_per_point);
    let ctx = harness.ctx.clone();
    bencher
        .with_inputs(|| shapes.clone())
        .bench_local_values(|shapes| ctx.tessellate(shapes, ppp));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 30, max_time = 2)]
fn tessellate_fit(bencher: Bencher, nodes: usize) {
    tessellate(bencher, nodes, View::Fit);
}

#[divan::bench(args = [1_000, 10_000], sample_count = 30, max_time = 2)]
fn tessellate_actual(bencher: Bencher, nodes: usize) {
    tessellate(bencher, nodes, View::Actual);
}

/// The app in a plain egui context, as eframe runs it without a screen reader.
struct Bare {
    ctx: egui::Context,
    app: ArgmapApp,
    frame: eframe::Frame,
    time: f64,
}

impl Bare {
    fn new(nodes: usize, view: View) -> Bare {
        let map = (*common::map(nodes)).clone();
        let bounds = bounds(&map);
        let ctx = egui::Context::default();
        let app = app(&eframe::CreationContext::_new_kittest(ctx.clone()), map);
        let mut bare = Bare {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        };
        bare.run();
        let canvas = bare.app.canvas_rect();
        bare.app.set_camera(camera(view, canvas, bounds));
        for _ in 0..3 {
            bare.run();
        }
        bare
    }

    fn run(&mut self) -> egui::FullOutput {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            ..RawInput::default()
        };
        self.time += 1.0 / 60.0;
        let Bare {
            ctx, app, frame, ..
        } = self;
        ctx.run_ui(input, |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        })
    }
}

fn bare(bencher: Bencher, nodes: usize, view: View) {
    let mut bare = Bare::new(nodes, view);
    bencher.bench_local(|| {
        let output = bare.run();
        black_box(bare.ctx.tessellate(output.shapes, output.pixels_per_point))
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 30, max_time = 2)]
fn bare_fit(bencher: Bencher, nodes: usize) {
    bare(bencher, nodes, View::Fit);
}

#[divan::bench(args = [1_000, 10_000], sample_count = 30, max_time = 2)]
fn bare_actual(bencher: Bencher, nodes: usize) {
    bare(bencher, nodes, View::Actual);
}
