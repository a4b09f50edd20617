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
mod crash_notice;
mod derived;
pub mod dialogs;
mod document;
mod drag;
mod export_dialog;
mod file_views;
mod files;
mod find;
mod icon;
mod import;
mod library;
mod navigate;
mod palette;
mod panels;
mod present;
mod prompt;
mod recovery;
mod selection_history;
mod settings;
mod start_failure;
mod startup;
mod theme;
mod ui_scale;
mod url;
mod view;

pub use camera::Camera;
pub use canvas::CanvasRequest;
pub use commands::Action;
pub use dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
pub use library::{LeftTab, RightTab};
pub use navigate::Direction;
pub use startup::Startup;
pub use view::{Reveal, Selection};

use crate::model::{ArgumentMap, NodeId};
use canvas::CardSizes;
use derived::Derived;
use document::Document;
use egui::{Rect, Ui};
use export_dialog::ExportDialog;
use find::FindState;
use panels::outline::OutlineState;
use panels::reader::ReaderState;
use panels::source_editor::SourceDraft;
use panels::sources::SourcesState;
use prompt::Prompt;
use recovery::Recovery;
use settings::Settings;
use std::path::PathBuf;
use std::process::ExitCode;
use view::ViewState;

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

pub struct ArgmapApp {
    doc: Document,
    derived: Derived,
    view: ViewState,
    /// The selection each state of the map was left with, for undo and redo.
    selections: selection_history::SelectionHistory,
    sizes: CardSizes,
    settings: Settings,
    outline: OutlineState,
    find: FindState,
    sources: SourcesState,
    source_draft: Option<SourceDraft>,
    reader: ReaderState,
    left_tab: LeftTab,
    right_tab: RightTab,
    dialogs: Box<dyn FileDialogs>,
    recovery: Recovery,
    show_shortcuts: bool,
    /// The command palette (Ctrl+Shift+P).
    palette: palette::Palette,
    /// How each recent file was left (camera, tabs), and which file the window shows.
    file_views: file_views::FileViews,
    file_view_tracker: file_views::Tracker,
    /// A crash report from an earlier run, announced once.
    crash_notice: Option<PathBuf>,
    /// File → Export…: whether the dialog is open, and its choices.
    export: ExportDialog,
    /// A question waiting for the user's answer (unsaved changes, restore, problems).
    prompt: Option<Prompt>,
    /// A short message for the status bar: what just happened or why something was refused.
    message: Option<String>,
    sent_title: String,
    /// The window may close: the user has answered for any unsaved changes.
    closing: bool,
    /// A text field had the keyboard last frame. egui drops focus on Esc before the app sees
    /// the key, so this keeps that Esc from also clearing the selection (and the field).
    was_typing: bool,
    /// Presentation mode, when on.
    presenting: Option<present::Presenting>,
    /// Start presenting on the first frame (`argmap --present`).
    present_on_start: bool,
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
            sent_title: window_title(document.map(), false),
            doc: document,
            derived: Derived::default(),
            view: ViewState::default(),
            selections: Default::default(),
            sizes: CardSizes::default(),
            settings,
            outline: OutlineState::default(),
            find: FindState::default(),
            sources: SourcesState::default(),
            source_draft: None,
            reader: ReaderState::default(),
            left_tab: LeftTab::default(),
            right_tab: RightTab::default(),
            dialogs: env.dialogs,
            recovery,
            show_shortcuts: false,
            palette: palette::Palette::default(),
            file_views,
            file_view_tracker: file_views::Tracker::default(),
            crash_notice: None,
            export: ExportDialog::default(),
            prompt,
            message: None,
            closing: false,
            was_typing: false,
            presenting: None,
            present_on_start: false,
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
        self.message.as_deref()
    }

    /// Where the reader showed the quote `node` cites, last frame.
    pub fn reader_highlight(&self, node: &NodeId) -> Option<Rect> {
        self.reader
            .highlight_rects
            .iter()
            .find(|(n, _)| n == node)
            .map(|(_, r)| *r)
    }

    /// Whether a question (unsaved changes, restore, problems) is waiting for an answer.
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// Whether the export dialog (File → Export…) is open.
    pub fn is_exporting(&self) -> bool {
        self.export.open
    }

    /// Where a node's card is on screen with the current camera.
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
        self.present_on_start = true;
    }

    /// A frame in presentation mode: only the map and the presentation's overlay.
    fn present(&mut self, ui: &mut Ui, ctx: &egui::Context) {
        self.handle_presentation_input(ctx);
        if self.presenting.is_none() {
            return; // Esc left presentation mode
        }
        self.advance_glide(ctx);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas::Canvas {
                map: self.doc.map(),
                derived: &self.derived,
                view: &mut self.view,
                sizes: &mut self.sizes,
            }
            .show(ui);
            self.presentation_overlay(ui);
        });
        // The canvas is now the whole window (or the window went full screen): frame again.
        self.reframe_if_resized(ctx);
        self.update_title(ctx);
        self.was_typing = false;
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.refresh_derived();
        // `--present` starts once the window has been laid out once (the canvas has a size).
        if self.present_on_start && self.view.canvas_rect.is_positive() {
            self.present_on_start = false;
            self.start_presenting(&ctx);
        }
        if self.presenting.is_some() {
            self.present(ui, &ctx);
            return;
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        if self.prompt.is_none() && !self.export.open && !self.palette.open {
            self.handle_shortcuts(&ctx);
            self.handle_clipboard_events(&ctx);
        }

        let mut chosen = None;
        let mut open_recent = None;
        egui::Panel::top("menu").show(ui, |ui| {
            use panels::menu::MenuChoice;
            match panels::menu::menu_bar(ui, &self.settings, &self.doc, &self.view.selection) {
                Some(MenuChoice::Run(action)) => chosen = Some(action),
                Some(MenuChoice::OpenRecent(i)) => open_recent = Some(i),
                None => {}
            }
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            chosen = chosen.or(panels::menu::toolbar(ui, self.view.camera.zoom));
        });
        if self.find.open {
            self.refresh_find();
            egui::Panel::top("find").show(ui, |ui| {
                if let Some(request) = self.find.show(ui, self.doc.map()) {
                    self.on_find(request);
                }
            });
            self.refresh_find(); // what was typed this frame dims the canvas this frame
        }
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::status::show(
                ui,
                self.doc.map(),
                &self.view,
                self.message.as_deref(),
                self.settings.show_legend,
            );
        });
        let mut go_to = None;
        let mut panel_edits = Vec::new();
        if self.settings.show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut self.left_tab, LeftTab::Outline, "Outline");
                        ui.selectable_value(
                            &mut self.left_tab,
                            LeftTab::Sources,
                            format!("Sources ({})", self.doc.map().sources.len()),
                        );
                        ui.selectable_value(
                            &mut self.left_tab,
                            LeftTab::Problems,
                            format!("Problems ({})", self.derived.problems.len()),
                        );
                        ui.selectable_value(&mut self.left_tab, LeftTab::Talk, "Talk");
                    });
                    ui.separator();
                    match self.left_tab {
                        LeftTab::Outline => {
                            go_to = panels::outline::show(
                                ui,
                                self.doc.map(),
                                &self.derived,
                                self.view.selection.nodes(),
                                &mut self.outline,
                            )
                            .map(|id| (id, Reveal::Centre));
                        }
                        LeftTab::Sources => {
                            if let Some(request) =
                                panels::sources::show(ui, self.doc.map(), &mut self.sources)
                            {
                                self.on_sources_request(request);
                            }
                        }
                        LeftTab::Problems => {
                            go_to = panels::problems::show(ui, &self.derived.problems)
                                .map(|id| (id, Reveal::Centre));
                        }
                        LeftTab::Talk => {
                            use panels::talk::TalkRequest;
                            let map = self.doc.map();
                            match panels::talk::show(
                                ui,
                                map,
                                &self.derived,
                                self.view.selection.nodes(),
                            ) {
                                Some(TalkRequest::Set(steps)) => {
                                    panel_edits.push(crate::edit::Edit::SetPresentation { steps });
                                }
                                Some(TalkRequest::Select(id)) => go_to = Some((id, Reveal::Centre)),
                                Some(TalkRequest::Present) => chosen = Some(Action::Present),
                                None => {}
                            }
                        }
                    }
                });
        }
        let mut reader_request = None;
        if self.settings.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(360.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut self.right_tab, RightTab::Inspector, "Inspector");
                        ui.selectable_value(&mut self.right_tab, RightTab::Reader, "Reader");
                    });
                    ui.separator();
                    match self.right_tab {
                        RightTab::Inspector => {
                            let out = panels::inspector::show(
                                ui,
                                self.doc.map(),
                                &self.derived,
                                &self.view.selection,
                            );
                            if let Some(id) = out.go_to {
                                go_to = Some((id, Reveal::IfHidden));
                            }
                            if let Some((source, node)) = out.read {
                                self.read(source, Some(node));
                            }
                            panel_edits.extend(out.edits);
                        }
                        RightTab::Reader => {
                            reader_request = panels::reader::show(
                                ui,
                                self.doc.map(),
                                &self.derived,
                                &mut self.reader,
                                self.view.selection.nodes(),
                            );
                        }
                    }
                });
        }
        // A file opened by a shortcut this frame shows as it was left, from its first frame.
        self.follow_file_change();
        let requests = egui::CentralPanel::no_frame()
            .show(ui, |ui| {
                canvas::Canvas {
                    map: self.doc.map(),
                    derived: &self.derived,
                    view: &mut self.view,
                    sizes: &mut self.sizes,
                }
                .show(ui)
            })
            .inner;
        for request in requests {
            self.on_canvas_request(request);
        }
        for edit in panel_edits {
            self.apply(edit);
        }
        if let Some(request) = reader_request {
            self.on_reader_request(request);
        }
        if let Some(action) = chosen {
            self.perform(action, &ctx);
        }
        if let Some(i) = open_recent {
            self.open_recent(i);
        }
        if let Some((id, how)) = go_to {
            self.select_and_reveal(id, how);
        }
        let palette_was_open = self.palette.open;
        let picked = self.palette.show(&ctx, self.doc.map(), self.doc.version());
        if palette_was_open && !self.palette.open {
            self.view.focus_canvas = true; // the keys are the canvas' again
        }
        match picked {
            Some(palette::PaletteChoice::Run(action)) => self.perform(action, &ctx),
            Some(palette::PaletteChoice::GoTo(id)) => {
                crate::crash::note_command("palette: go to a node");
                self.select_and_reveal(id, Reveal::Centre);
            }
            None => {}
        }
        panels::shortcuts::window(&ctx, &mut self.show_shortcuts);
        self.show_crash_notice(&ctx);
        self.show_source_editor(&ctx);
        self.show_export_dialog(&ctx);
        self.show_prompt(&ctx);
        self.update_title(&ctx);
        self.keep_recovery(&ctx);
        self.note_file_view();
        self.was_typing = ctx.text_edit_focused();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
        self.remember_open_file_view();
        eframe::set_value(storage, file_views::STORAGE_KEY, &self.file_views);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Reached only after the user saved or chose to discard: nothing left to recover.
        // (A crash or kill never gets here, so its recovery file stays for the next start.)
        self.recovery.clear();
    }
}
