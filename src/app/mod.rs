//! The desktop window: an eframe app around the canvas, with menus, outline and inspector.
//!
//! The app owns the document and the view state. Panels and the canvas read them and report
//! what the user asked for; `commands` turns those requests into edits, `files` handles
//! opening, saving and never losing work.

mod camera;
pub mod canvas;
mod clipboard;
mod command_handlers;
mod commands;
mod derived;
pub mod dialogs;
mod document;
mod drag;
mod file_views;
mod files;
mod frame;
mod icon;
mod import;
mod navigate;
mod overlays;
mod panels;
mod present;
mod reason_handlers;
mod recovery;
mod selection_history;
mod settings;
mod source_handlers;
mod start_failure;
mod startup;
mod theme;
mod ui_scale;
mod url;
mod view;
mod window;

pub use camera::Camera;
pub use canvas::CanvasRequest;
pub use commands::Action;
pub use dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
pub use navigate::Direction;
pub use panels::{LeftTab, RightTab};
pub use startup::Startup;
pub use view::{Reveal, Selection};

use crate::model::{ArgumentMap, NodeId};
use canvas::CardSizes;
use derived::Derived;
use document::Document;
use egui::{Rect, Ui};
use overlays::Overlays;
use overlays::prompt::Prompt;
use panels::Panels;
use recovery::Recovery;
use settings::Settings;
use std::path::PathBuf;
use std::process::ExitCode;
use view::ViewState;
use window::WindowState;

/// Opens the window with `file` (or the bundled article map) and runs until it closes.
pub fn run(file: Option<PathBuf>, present: bool) -> ExitCode {
    let startup = Startup::from_arg(file);
    let title = window_title(startup.document.map(), false);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(&title)
            .with_app_id("argmap")
            .with_icon(icon::window_icon())
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "argmap",
        options,
        Box::new(move |cc| {
            let mut app = ArgmapApp::new(cc, startup, Environment::native());
            if present {
                app.present_when_ready();
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            log::debug!("eframe::run_native failed: {e:?}");
            let session = start_failure::Session::from_env();
            let stage = start_failure::stage(&e);
            crate::report::report_error(start_failure::explain(stage, &e.to_string(), &session));
            ExitCode::FAILURE
        }
    }
}

/// Where crash-recovery files (and crash reports) go by default: the platform's per-user data
/// folder, e.g. `~/.local/share/argmap/recovery` on Linux.
pub fn recovery_folder() -> Option<PathBuf> {
    Recovery::default_folder()
}

/// `<map title> — argmap`, with a leading `•` when there are unsaved changes.
pub fn window_title(map: &ArgumentMap, dirty: bool) -> String {
    let title = if map.title.trim().is_empty() {
        "Untitled map"
    } else {
        map.title.trim()
    };
    format!("{}{title} — argmap", if dirty { "• " } else { "" })
}

/// What the app uses from the outside world, replaceable in tests.
pub struct Environment {
    pub dialogs: Box<dyn FileDialogs>,
    /// Where crash-recovery files go; `None` turns recovery off.
    pub recovery_folder: Option<PathBuf>,
}

impl Environment {
    pub fn native() -> Self {
        Self {
            dialogs: Box::new(NativeDialogs),
            recovery_folder: Recovery::default_folder(),
        }
    }
}

/// The window's application: the open map and what is computed from it, and the state of
/// each part of the window, every part in its own file with its own methods.
pub struct ArgmapApp {
    /// The map, its undo history and where it is saved.
    doc: Document,
    /// Facts computed from the map (index, outline, problems), kept up to date after edits.
    derived: Derived,
    /// Each card's measured size at the current zoom.
    sizes: CardSizes,
    /// Camera, selection (and the selection each undo step was left with), gestures.
    view: ViewState,
    panels: Panels,
    overlays: Overlays,
    window: WindowState,
    /// Presentation mode, when on.
    presenting: Option<present::Presenting>,
}

impl ArgmapApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, env: Environment) -> Self {
        let mut settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, settings::STORAGE_KEY))
            .unwrap_or_default();
        let file_views: file_views::FileViews = cc
            .storage
            .and_then(|s| eframe::get_value(s, file_views::STORAGE_KEY))
            .unwrap_or_default();
        // egui's own Ctrl+plus/minus GUI zoom would scale the map too; see `ui_scale`.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        settings.ui_scale = ui_scale::sanitised(settings.ui_scale);
        ui_scale::apply(&cc.egui_ctx, settings.ui_scale);
        let Startup { document, problems } = startup;
        let crash_folder = env.recovery_folder.clone();
        let recovery = Recovery::new(env.recovery_folder);
        let prompt = match problems {
            Some((file, lines)) => Some(Prompt::Problems { file, lines }),
            None => recovery.leftovers().into_iter().next().map(Prompt::Restore),
        };
        let mut app = Self {
            window: WindowState::new(
                settings,
                env.dialogs,
                recovery,
                file_views,
                window_title(document.map(), false),
            ),
            doc: document,
            derived: Derived::default(),
            sizes: CardSizes::default(),
            view: ViewState::default(),
            panels: Panels::default(),
            overlays: Overlays {
                prompt,
                ..Overlays::default()
            },
            presenting: None,
        };
        app.find_new_crash_report(crash_folder.as_deref());
        app
    }

    pub fn map(&self) -> &ArgumentMap {
        self.doc.map()
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.doc.path()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
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

    /// The status-bar message, if any.
    pub fn message(&self) -> Option<&str> {
        self.window.message.as_deref()
    }

    /// Where the reader showed the quote `node` cites, last frame.
    pub fn reader_highlight(&self, node: &NodeId) -> Option<Rect> {
        self.panels
            .reader
            .highlight_rects
            .iter()
            .find(|(n, _)| n == node)
            .map(|(_, r)| *r)
    }

    /// Whether a question (unsaved changes, restore, problems) is waiting for an answer.
    pub fn is_prompting(&self) -> bool {
        self.overlays.prompt.is_some()
    }

    /// Whether the export dialog (File → Export…) is open.
    pub fn is_exporting(&self) -> bool {
        self.overlays.export.open
    }

    /// Where a node's card is on screen with the current camera.
    /// The middle of a reason's arrow on screen, where an undercut lands.
    pub fn reason_screen_point(&self, from: &NodeId, to: &NodeId) -> Option<egui::Pos2> {
        let map = self.doc.map();
        let i = map.links.iter().position(|l| l.same_ends(from, to))?;
        let card = |n: usize| self.sizes.rect(&map.nodes[n], self.derived.is_main(n));
        let placed = canvas::reasons::place(map, &self.derived, &card, i)?;
        let middle = canvas::reasons::marker(&placed.route);
        Some(self.view.camera.to_screen(self.view.canvas_rect, middle))
    }

    pub fn node_screen_rect(&self, id: &NodeId) -> Option<Rect> {
        let i = self.doc.map().node_position(id)?;
        let is_main = self.doc.map().main_claim() == Some(id);
        let card = self.sizes.rect(&self.doc.map().nodes[i], is_main);
        Some(self.view.camera.rect_to_screen(self.view.canvas_rect, card))
    }

    pub fn window_title(&self) -> String {
        window_title(self.doc.map(), self.doc.is_dirty())
    }

    /// Starts in presentation mode once the window is up (`argmap --present FILE`).
    pub fn present_when_ready(&mut self) {
        self.window.present_on_start = true;
    }

    /// A frame in presentation mode: only the map and the presentation's overlay.
    fn present(&mut self, ui: &mut Ui, ctx: &egui::Context) {
        self.handle_presentation_input(ctx);
        if self.presenting.is_none() {
            return; // Esc left presentation mode
        }
        self.advance_glide(ctx);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.show_canvas(ui);
            self.presentation_overlay(ui);
        });
        // The canvas is now the whole window (or the window went full screen): frame again.
        self.reframe_if_resized(ctx);
        self.update_title(ctx);
        self.window.was_typing = false;
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.window.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.sent_title = title;
        }
    }
}
