//! The desktop window: an eframe app around the canvas, with menus, outline and inspector.

mod actions;
mod camera;
pub mod canvas;
mod derived;
mod document;
mod navigate;
mod panels;
mod settings;
mod startup;
mod theme;
mod view;

pub use actions::Action;
pub use camera::Camera;
pub use navigate::Direction;
pub use startup::Startup;
pub use view::{Reveal, Selection};

use crate::model::{ArgumentMap, NodeId};
use canvas::{CardSizes, fit_camera};
use derived::Derived;
use document::Document;
use egui::{Rect, Ui};
use panels::outline::OutlineState;
use settings::Settings;
use std::path::PathBuf;
use std::process::ExitCode;
use view::ViewState;

/// Opens the window with `file` (or the bundled article map) and runs until it closes.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let startup = Startup::from_arg(file);
    let title = window_title(&startup.document.map);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(&title)
            .with_app_id("argmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "argmap",
        options,
        Box::new(move |cc| Ok(Box::new(ArgmapApp::new(cc, startup)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::cli::report_error(format_args!(
                "cannot open the argmap window: {e}. argmap needs a desktop session (X11 or Wayland) with OpenGL 2 or later."
            ));
            ExitCode::FAILURE
        }
    }
}

/// `<map title> — argmap`.
pub fn window_title(map: &ArgumentMap) -> String {
    let title = if map.title.trim().is_empty() {
        "Untitled map"
    } else {
        map.title.trim()
    };
    format!("{title} — argmap")
}

pub struct ArgmapApp {
    doc: Document,
    derived: Derived,
    view: ViewState,
    sizes: CardSizes,
    settings: Settings,
    outline: OutlineState,
    show_shortcuts: bool,
    /// Problems to show in a dialog (a file that would not open), with the file's name.
    problems: Option<(String, Vec<String>)>,
    /// A short message for the status bar.
    message: Option<String>,
    sent_title: String,
}

impl ArgmapApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, settings::STORAGE_KEY))
            .unwrap_or_default();
        let Startup { document, problems } = startup;
        Self {
            sent_title: window_title(&document.map),
            doc: document,
            derived: Derived::default(),
            view: ViewState::default(),
            sizes: CardSizes::default(),
            settings,
            outline: OutlineState::default(),
            show_shortcuts: false,
            problems,
            message: None,
        }
    }

    pub fn map(&self) -> &ArgumentMap {
        &self.doc.map
    }

    pub fn selection(&self) -> &Selection {
        &self.view.selection
    }

    pub fn camera(&self) -> Camera {
        self.view.camera
    }

    pub fn set_camera(&mut self, camera: Camera) {
        self.view.camera = camera;
        self.view.fit_pending = false;
    }

    /// The canvas area on screen, as of the last frame.
    pub fn canvas_rect(&self) -> Rect {
        self.view.canvas_rect
    }

    /// Where a node's card is on screen with the current camera.
    pub fn node_screen_rect(&self, id: &NodeId) -> Option<Rect> {
        let i = self.doc.map.node_position(id)?;
        let is_main = self.doc.map.main_claim() == Some(id);
        let card = self.sizes.rect(&self.doc.map.nodes[i], is_main);
        Some(self.view.camera.rect_to_screen(self.view.canvas_rect, card))
    }

    pub fn window_title(&self) -> String {
        window_title(&self.doc.map)
    }

    pub fn perform(&mut self, action: Action, ctx: &egui::Context) {
        let rect = self.view.canvas_rect;
        let has_canvas = rect.is_positive();
        match action {
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::FitMap if has_canvas => {
                self.view.camera = fit_camera(
                    &self.doc.map,
                    &self.derived,
                    &self.sizes,
                    rect,
                    self.view.camera,
                );
            }
            Action::FitMap => self.view.fit_pending = true,
            Action::ZoomToSelection => self.zoom_to_selection(),
            Action::ZoomIn => self.view.camera.zoom_around(rect, rect.center(), 1.25),
            Action::ZoomOut => self.view.camera.zoom_around(rect, rect.center(), 0.8),
            Action::ZoomActualSize => {
                let factor = 1.0 / self.view.camera.zoom;
                self.view.camera.zoom_around(rect, rect.center(), factor);
            }
            Action::ClearSelection => self.view.selection.clear(),
            Action::Go(direction) => self.go(direction),
            Action::ToggleOutline => self.settings.show_outline ^= true,
            Action::ToggleInspector => self.settings.show_inspector ^= true,
            Action::ToggleLegend => self.settings.show_legend ^= true,
            Action::ShowShortcuts => self.show_shortcuts = true,
        }
    }

    /// Selects `id` and brings it into view.
    pub fn select_and_reveal(&mut self, id: NodeId, how: Reveal) {
        self.view.selection.select_only(id.clone());
        self.view.reveal = Some((id, how));
    }

    fn zoom_to_selection(&mut self) {
        let bounds = self
            .view
            .selection
            .nodes()
            .iter()
            .filter_map(|id| {
                let i = *self.derived.index.get(id)?;
                Some(
                    self.sizes
                        .rect(&self.doc.map.nodes[i], self.derived.is_main(i)),
                )
            })
            .reduce(|a, b| a.union(b));
        match bounds {
            Some(bounds) if self.view.canvas_rect.is_positive() => {
                self.view.camera = Camera::fitting(self.view.canvas_rect, bounds, 1.5);
            }
            Some(_) => {}
            None => self.message = Some("Select one or more nodes to zoom to them.".into()),
        }
    }

    fn go(&mut self, direction: Direction) {
        let from = self
            .view
            .selection
            .primary()
            .and_then(|id| self.derived.index.get(id).copied());
        let target = match from {
            Some(i) => navigate::neighbour(&self.doc.map, i, direction),
            None => self.derived.main,
        };
        if let Some(t) = target {
            let id = self.doc.map.nodes[t].id.clone();
            self.select_and_reveal(id, Reveal::IfHidden);
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Shortcuts with more modifiers first: egui matches `F` on Shift+F too.
        let mut candidates: Vec<(Action, egui::KeyboardShortcut)> = Action::WITH_SHORTCUTS
            .iter()
            .flat_map(|&a| {
                a.shortcut()
                    .into_iter()
                    .chain(a.alternative_shortcuts().iter().copied())
                    .map(move |s| (a, s))
            })
            .collect();
        candidates.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(m.alt as u8 + m.shift as u8 + m.command as u8 + m.ctrl as u8)
        });
        for (action, shortcut) in candidates {
            if typing && !action.fires_while_typing() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.perform(action, ctx);
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }

    fn problems_dialog(&mut self, ctx: &egui::Context) {
        let Some((file, lines)) = &self.problems else {
            return;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("argmap-problems")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(format!("{file} could not be opened"));
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for line in lines {
                        ui.label(egui::RichText::new(line).monospace());
                    }
                });
            ui.add_space(8.0);
            if ui.button("OK").clicked() {
                close = true;
            }
        });
        if close || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.problems = None;
        }
    }
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.derived.refresh(&self.doc.map, self.doc.revision()) {
            let index = &self.derived.index;
            self.view.selection.retain(|id| index.contains_key(id));
            self.sizes.retain(|id| index.contains_key(id));
        }
        self.handle_shortcuts(&ctx);
        self.update_title(&ctx);

        let mut chosen = None;
        egui::Panel::top("menu").show(ui, |ui| chosen = panels::menu::menu_bar(ui, &self.settings));
        egui::Panel::top("toolbar").show(ui, |ui| {
            chosen = chosen.or(panels::menu::toolbar(ui, self.view.camera.zoom));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::status::show(ui, &self.doc.map, &self.view, self.message.as_deref());
        });
        let mut go_to = None;
        if self.settings.show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    ui.heading("Outline");
                    ui.separator();
                    go_to = panels::outline::show(
                        ui,
                        &self.doc.map,
                        &self.derived,
                        self.view.selection.nodes(),
                        &mut self.outline,
                    )
                    .map(|id| (id, Reveal::Centre));
                });
        }
        if self.settings.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(360.0)
                .show(ui, |ui| {
                    ui.heading("Inspector");
                    ui.separator();
                    if let Some(id) = panels::inspector::show(
                        ui,
                        &self.doc.map,
                        &self.derived,
                        self.view.selection.nodes(),
                    ) {
                        go_to = Some((id, Reveal::IfHidden));
                    }
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas::Canvas {
                map: &self.doc.map,
                derived: &self.derived,
                view: &mut self.view,
                sizes: &mut self.sizes,
                show_legend: self.settings.show_legend,
            }
            .show(ui);
        });
        if let Some(action) = chosen {
            self.perform(action, &ctx);
        }
        if let Some((id, how)) = go_to {
            self.select_and_reveal(id, how);
        }
        panels::shortcuts::window(&ctx, &mut self.show_shortcuts);
        self.problems_dialog(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
    }
}
