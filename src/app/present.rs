//! Presentation mode: the map itself, revealed step by step, full screen, with a gliding
//! camera, a step counter, the sources of what is shown, and speaker notes.

use super::ArgmapApp;
use super::camera::Camera;
use crate::model::{NodeId, Step};
use crate::render::{geom, page};
use egui::{Key, Rect, Vec2, pos2};
use std::collections::HashSet;

/// How long the camera takes to glide to the next step.
const GLIDE_SECONDS: f64 = 0.4;

/// What the canvas shows while presenting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PresentFilter {
    /// Revealed so far; the rest is hidden.
    pub shown: HashSet<NodeId>,
    /// Revealed by the current step: highlighted; the other shown nodes are dimmed.
    pub current: HashSet<NodeId>,
    /// The screen is blanked (B).
    pub blank: bool,
}

pub struct Presenting {
    pub steps: Vec<Step>,
    pub step: usize,
    pub blank: bool,
    /// Digits typed so far, for "number + Enter" jumps.
    pub typed: String,
    pub notes: bool,
    /// When the talk started, in egui's clock (seconds).
    pub started: f64,
    glide: Option<(Camera, Camera, f64)>,
    /// The canvas size the current step was framed for.
    framed_for: Rect,
}

impl Presenting {
    pub fn filter(&self) -> PresentFilter {
        let shown = Step::shown_at(&self.steps, self.step);
        let current = self.steps[self.step].nodes.iter().cloned().collect();
        PresentFilter {
            shown,
            current,
            blank: self.blank,
        }
    }
}

/// Eases in and out: slow start, slow stop.
fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The camera between `a` and `b` at `t` in 0..=1: the centre moves in a straight line and
/// the zoom changes geometrically, so the motion feels even at every scale.
pub fn glide(canvas: Rect, a: Camera, b: Camera, t: f64) -> Camera {
    let t = ease(t) as f32;
    let centre = |c: Camera| (canvas.size() / 2.0 - c.origin) / c.zoom;
    let (ca, cb) = (centre(a), centre(b));
    let zoom = (a.zoom.ln() + (b.zoom.ln() - a.zoom.ln()) * t).exp();
    let c = ca + (cb - ca) * t;
    Camera {
        origin: canvas.size() / 2.0 - c * zoom,
        zoom,
    }
}

/// `r` in render's geometry.
fn render_rect(r: Rect) -> geom::Rect {
    geom::Rect {
        min: geom::Point::new(r.min.x, r.min.y),
        max: geom::Point::new(r.max.x, r.max.y),
    }
}

impl ArgmapApp {
    pub fn is_presenting(&self) -> bool {
        self.presenting.is_some()
    }

    /// The nodes revealed so far in the talk (empty when not presenting).
    pub fn revealed_nodes(&self) -> Vec<NodeId> {
        self.presenting
            .as_ref()
            .map(|p| p.filter().shown.into_iter().collect())
            .unwrap_or_default()
    }

    /// The step counter as shown, such as "3 / 17".
    pub fn step_counter(&self) -> Option<String> {
        self.presenting
            .as_ref()
            .map(|p| format!("{} / {}", p.step + 1, p.steps.len()))
    }

    pub fn start_presenting(&mut self, ctx: &egui::Context) {
        let steps = self.doc.map().steps();
        if steps.is_empty() {
            self.window.message = Some("There is nothing to present: the map is empty.".into());
            return;
        }
        self.view.editing = None;
        self.panels.find.open = false;
        self.presenting = Some(Presenting {
            steps,
            step: 0,
            blank: false,
            typed: String::new(),
            notes: false,
            started: ctx.input(|i| i.time),
            glide: None,
            framed_for: Rect::NOTHING,
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.go_to_step(0, ctx, false);
    }

    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.presenting.take().is_some() {
            self.view.present = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            self.view.fit_pending = true;
        }
    }

    fn go_to_step(&mut self, step: usize, ctx: &egui::Context, animate: bool) {
        let Some(p) = &mut self.presenting else {
            return;
        };
        p.step = step.min(p.steps.len() - 1);
        p.typed.clear();
        let filter = p.filter();
        // Frame the step's nodes with their revealed neighbours.
        let map = self.doc.map();
        let framed = Step::framed_with_neighbours(map, &filter.shown, &filter.current);
        let rect_of = |ids: &mut dyn Iterator<Item = &NodeId>| {
            ids.filter_map(|id| {
                let i = *self.derived.index.get(id)?;
                Some(self.sizes.rect(&map.nodes[i], self.derived.is_main(i)))
            })
            .reduce(|a, b| a.union(b))
        };
        let with_neighbours = rect_of(&mut framed.iter());
        let step_only = rect_of(&mut filter.current.iter());
        let canvas = self.view.canvas_rect;
        p.framed_for = canvas;
        // Framed as handout pages frame a step (insets for the counter and the source line,
        // zoom limits, the neighbour rule): one rule in `render::page`.
        let target = page::frame(
            canvas.width(),
            canvas.height(),
            with_neighbours.map(render_rect),
            step_only.map(render_rect),
        )
        .map(|(centre, zoom)| {
            let mut camera = Camera {
                origin: Vec2::ZERO,
                zoom,
            };
            camera.centre_on(canvas, pos2(centre.x, centre.y));
            camera
        });
        if let Some(target) = target
            && canvas.is_positive()
        {
            let now = ctx.input(|i| i.time);
            p.glide = animate.then_some((self.view.camera, target, now));
            if !animate {
                self.view.camera = target;
            }
        }
        self.view.present = Some(filter);
        self.view.selection.clear();
    }

    pub(super) fn reframe_if_resized(&mut self, ctx: &egui::Context) {
        if let Some(p) = &self.presenting
            && p.framed_for != self.view.canvas_rect
        {
            let step = p.step;
            self.go_to_step(step, ctx, false);
            ctx.request_repaint();
        }
    }

    /// Keys and clicks while presenting. Returns true when the input was the presentation's.
    pub(super) fn handle_presentation_input(&mut self, ctx: &egui::Context) {
        let Some(p) = &self.presenting else { return };
        let (step, count) = (p.step, p.steps.len());
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
        if pressed(Key::Escape) {
            self.stop_presenting(ctx);
            return;
        }
        for d in 0..10u8 {
            let key = [
                Key::Num0,
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
                Key::Num7,
                Key::Num8,
                Key::Num9,
            ][d as usize];
            if pressed(key)
                && let Some(p) = &mut self.presenting
            {
                p.typed.push(char::from(b'0' + d));
            }
        }
        let typed = self
            .presenting
            .as_ref()
            .map(|p| p.typed.clone())
            .unwrap_or_default();
        let clicked = ctx.input(|i| i.pointer.primary_clicked())
            && ctx
                .input(|i| i.pointer.hover_pos())
                .is_some_and(|p| self.view.canvas_rect.contains(p));
        let enter = pressed(Key::Enter);
        if enter && !typed.is_empty() {
            let n: usize = typed.parse().unwrap_or(1);
            self.go_to_step(n.clamp(1, count) - 1, ctx, true);
        } else if enter
            || clicked
            || [Key::ArrowRight, Key::ArrowDown, Key::Space, Key::PageDown]
                .into_iter()
                .any(pressed)
        {
            if step + 1 < count {
                self.go_to_step(step + 1, ctx, true);
            }
        } else if [Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace]
            .into_iter()
            .any(pressed)
        {
            self.go_to_step(step.saturating_sub(1), ctx, true);
        } else if pressed(Key::Home) {
            self.go_to_step(0, ctx, true);
        } else if pressed(Key::End) {
            self.go_to_step(count - 1, ctx, true);
        } else if pressed(Key::B) {
            if let Some(p) = &mut self.presenting {
                p.blank ^= true;
                let filter = p.filter();
                self.view.present = Some(filter);
            }
        } else if pressed(Key::N)
            && let Some(p) = &mut self.presenting
        {
            p.notes ^= true;
        }
    }

    /// Moves the camera along the glide, if one is under way.
    pub(super) fn advance_glide(&mut self, ctx: &egui::Context) {
        let Some(p) = &mut self.presenting else {
            return;
        };
        let Some((from, to, start)) = p.glide else {
            return;
        };
        let t = (ctx.input(|i| i.time) - start) / GLIDE_SECONDS;
        self.view.camera = glide(self.view.canvas_rect, from, to, t);
        if t >= 1.0 {
            p.glide = None;
        } else {
            ctx.request_repaint();
        }
    }

    /// The overlay: step counter, source line, speaker notes.
    pub(super) fn presentation_overlay(&mut self, ui: &mut egui::Ui) {
        let Some(p) = &self.presenting else { return };
        let canvas = self.view.canvas_rect;
        let map = self.doc.map();
        let painter = ui.painter_at(canvas);
        if p.blank {
            painter.rect_filled(canvas, 0.0, egui::Color32::BLACK);
            return;
        }
        let style = ui.style().clone();
        let counter = format!("{} / {}", p.step + 1, p.steps.len());
        egui::Area::new(egui::Id::unique("argmap-step-counter"))
            .fixed_pos(canvas.right_top() + Vec2::new(-130.0, 16.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(&style).show(ui, |ui| {
                    ui.label(egui::RichText::new(&counter).size(18.0).strong());
                    if !p.typed.is_empty() {
                        ui.label(format!("go to {}…", p.typed));
                    }
                });
            });
        // Sources of what this step shows.
        let step = &p.steps[p.step];
        let lines = step.source_lines(map);
        if !lines.is_empty() {
            let text = lines.into_iter().take(3).collect::<Vec<_>>().join("\n");
            egui::Area::new(egui::Id::unique("argmap-source-line"))
                .anchor(egui::Align2::CENTER_BOTTOM, Vec2::new(0.0, -16.0))
                .order(egui::Order::Foreground)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(&style).show(ui, |ui| {
                        ui.label(egui::RichText::new(text).size(15.0));
                    });
                });
        }
        if p.notes {
            let elapsed = (ui.ctx().input(|i| i.time) - p.started).max(0.0) as u64;
            let notes: Vec<String> = step
                .nodes
                .iter()
                .filter_map(|id| self.derived.node(map, id))
                .filter(|n| !n.notes.is_empty())
                .map(|n| n.notes.clone())
                .collect();
            let next = p.steps.get(p.step + 1).map(|s| {
                s.nodes
                    .iter()
                    .filter_map(|id| self.derived.node(map, id))
                    .map(|n| n.text.clone())
                    .collect::<Vec<_>>()
                    .join(" · ")
            });
            egui::Window::new("Speaker notes")
                .anchor(egui::Align2::LEFT_BOTTOM, Vec2::new(16.0, -16.0))
                .resizable(false)
                .collapsible(false)
                .default_width(420.0)
                .show(ui.ctx(), |ui| {
                    ui.label(format!("Elapsed {:02}:{:02}", elapsed / 60, elapsed % 60));
                    if !step.title.is_empty() {
                        ui.label(egui::RichText::new(&step.title).strong());
                    }
                    if notes.is_empty() {
                        ui.label(egui::RichText::new("No notes for this step.").weak());
                    }
                    for n in notes {
                        ui.label(n);
                    }
                    ui.separator();
                    ui.label(match next {
                        Some(next) => format!("Next: {next}"),
                        None => "This is the last step.".into(),
                    });
                });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn a_glide_starts_and_ends_at_its_cameras_and_eases() {
        let canvas = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(800.0, 600.0));
        let a = Camera {
            origin: Vec2::new(10.0, 20.0),
            zoom: 0.5,
        };
        let b = Camera {
            origin: Vec2::new(-300.0, 80.0),
            zoom: 2.0,
        };
        let start = glide(canvas, a, b, 0.0);
        let end = glide(canvas, a, b, 1.0);
        assert!((start.zoom - a.zoom).abs() < 1e-5 && (start.origin - a.origin).length() < 1e-3);
        assert!((end.zoom - b.zoom).abs() < 1e-5 && (end.origin - b.origin).length() < 1e-3);
        // Geometric zoom: halfway between 0.5 and 2.0 is 1.0.
        assert!((glide(canvas, a, b, 0.5).zoom - 1.0).abs() < 1e-4);
        assert!(ease(0.1) < 0.1 && ease(0.9) > 0.9);
    }
}
