//! Each frame of the window: the menu, toolbar, Find bar, status bar, side panels, canvas and
//! overlays, in that order. The panels report what the user asked of them; it is applied
//! once everything is drawn, so every panel drew the same map this frame.

use super::canvas::{self, CanvasRequest};
use super::panels::{self, LeftTab, RightTab, reader::ReaderRequest};
use super::view::Reveal;
use super::{Action, ArgmapApp, overlays, settings};
use crate::edit::Edit;
use crate::model::NodeId;
use egui::Ui;

/// What the user asked of the bars and panels this frame.
#[derive(Default)]
struct Asked {
    action: Option<Action>,
    open_recent: Option<usize>,
    go_to: Option<(NodeId, Reveal)>,
    edits: Vec<Edit>,
    reader: Option<ReaderRequest>,
    /// Reason commands from the inspector and the Problems panel, carried out as the
    /// canvas's are.
    requests: Vec<crate::app::canvas::CanvasRequest>,
    select_link: Option<(NodeId, NodeId)>,
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.refresh_derived();
        // `--present` starts once the window has been laid out once (the canvas has a size).
        if self.window.present_on_start && self.view.canvas_rect.is_positive() {
            self.window.present_on_start = false;
            self.start_presenting(&ctx);
        }
        if self.presenting.is_some() {
            self.present(ui, &ctx);
            return;
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        if !self.overlays.has_keyboard() {
            self.handle_shortcuts(&ctx);
            self.handle_clipboard_events(&ctx);
        }

        let mut asked = Asked::default();
        self.show_bars(ui, &mut asked);
        if self.window.settings.show_outline {
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| self.show_left_panel(ui, &mut asked));
        }
        if self.window.settings.show_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(360.0)
                .show(ui, |ui| self.show_right_panel(ui, &mut asked));
        }
        // A file opened by a shortcut this frame shows as it was left, from its first frame.
        self.follow_file_change();
        let requests = egui::CentralPanel::no_frame()
            .show(ui, |ui| self.show_canvas(ui))
            .inner;
        for request in requests {
            self.on_canvas_request(request);
        }
        self.apply_asked(asked, &ctx);
        self.show_overlays(&ctx);
        self.update_title(&ctx);
        self.keep_recovery(&ctx);
        self.note_file_view();
        self.window.was_typing = ctx.text_edit_focused();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.window.settings);
        self.remember_open_file_view();
        eframe::set_value(
            storage,
            super::file_views::STORAGE_KEY,
            &self.window.file_views,
        );
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Reached only after the user saved or chose to discard: nothing left to recover.
        // (A crash or kill never gets here, so its recovery file stays for the next start.)
        self.window.recovery.clear();
    }
}

impl ArgmapApp {
    /// The map canvas, filling what the panels leave.
    pub(super) fn show_canvas(&mut self, ui: &mut Ui) -> Vec<CanvasRequest> {
        canvas::Canvas {
            map: self.doc.map(),
            derived: &self.derived,
            view: &mut self.view,
            sizes: &mut self.sizes,
        }
        .show(ui)
    }

    /// Menu bar, toolbar, the Find bar when open, and the status bar.
    fn show_bars(&mut self, ui: &mut Ui, asked: &mut Asked) {
        egui::Panel::top("menu").show(ui, |ui| {
            use panels::menu::MenuChoice;
            let settings = &self.window.settings;
            match panels::menu::menu_bar(ui, settings, &self.doc, &self.view.selection) {
                Some(MenuChoice::Run(action)) => asked.action = Some(action),
                Some(MenuChoice::OpenRecent(i)) => asked.open_recent = Some(i),
                None => {}
            }
        });
        egui::Panel::top("toolbar").show(ui, |ui| {
            asked.action = asked
                .action
                .or(panels::menu::toolbar(ui, self.view.camera.zoom));
        });
        if self.panels.find.open {
            self.refresh_find();
            egui::Panel::top("find").show(ui, |ui| {
                if let Some(request) = self.panels.find.show(ui, self.doc.map()) {
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
                self.derived.main_status,
                self.window.message.as_deref(),
                self.window.settings.show_legend,
            );
        });
    }

    /// Outline, Sources, Problems and Talk.
    fn show_left_panel(&mut self, ui: &mut Ui, asked: &mut Asked) {
        let tab = &mut self.panels.left;
        ui.horizontal(|ui| {
            ui.selectable_value(tab, LeftTab::Outline, "Outline");
            let sources = format!("Sources ({})", self.doc.map().sources.len());
            ui.selectable_value(tab, LeftTab::Sources, sources);
            let problems = format!("Problems ({})", self.derived.problems.len());
            ui.selectable_value(tab, LeftTab::Problems, problems);
            ui.selectable_value(tab, LeftTab::Talk, "Talk");
        });
        ui.separator();
        match self.panels.left {
            LeftTab::Outline => {
                let picked = panels::outline::show(
                    ui,
                    self.doc.map(),
                    &self.derived,
                    self.view.selection.nodes(),
                    &mut self.panels.outline,
                );
                if let Some(id) = picked {
                    asked.go_to = Some((id, Reveal::Centre));
                }
            }
            LeftTab::Sources => {
                if let Some(request) =
                    panels::sources::show(ui, self.doc.map(), &mut self.panels.sources)
                {
                    self.on_sources_request(request);
                }
            }
            LeftTab::Problems => {
                use panels::problems::ProblemChoice;
                let (map, derived) = (self.doc.map(), &self.derived);
                match panels::problems::show(ui, map, &derived.index, &derived.problems) {
                    Some(ProblemChoice::GoTo(id)) => asked.go_to = Some((id, Reveal::Centre)),
                    Some(ProblemChoice::Answer { reason, number }) => asked
                        .requests
                        .push(crate::app::canvas::CanvasRequest::AnswerQuestion { reason, number }),
                    None => {}
                }
            }
            LeftTab::Talk => {
                use panels::talk::TalkRequest;
                let selected = self.view.selection.nodes();
                let talk = &mut self.panels.talk;
                match panels::talk::show(ui, self.doc.map(), &self.derived, selected, talk) {
                    Some(TalkRequest::Set(steps)) => {
                        asked.edits.push(Edit::SetPresentation { steps })
                    }
                    Some(TalkRequest::Select(id)) => asked.go_to = Some((id, Reveal::Centre)),
                    Some(TalkRequest::Present) => asked.action = Some(Action::Present),
                    None => {}
                }
            }
        }
    }

    /// Inspector and Reader.
    fn show_right_panel(&mut self, ui: &mut Ui, asked: &mut Asked) {
        ui.horizontal(|ui| {
            let tab = &mut self.panels.right;
            ui.selectable_value(tab, RightTab::Inspector, "Inspector");
            ui.selectable_value(tab, RightTab::Reader, "Reader");
        });
        ui.separator();
        match self.panels.right {
            RightTab::Inspector => {
                let out = panels::inspector::show(
                    ui,
                    self.doc.map(),
                    &self.derived,
                    &self.view.selection,
                );
                if let Some(id) = out.go_to {
                    asked.go_to = Some((id, Reveal::IfHidden));
                }
                if let Some((source, node)) = out.read {
                    self.read(source, Some(node));
                }
                asked.edits.extend(out.edits);
                asked.requests.extend(out.requests);
                asked.select_link = out.select_link;
            }
            RightTab::Reader => {
                asked.reader = panels::reader::show(
                    ui,
                    self.doc.map(),
                    &self.derived,
                    &mut self.panels.reader,
                    self.view.selection.nodes(),
                );
            }
        }
    }

    fn apply_asked(&mut self, asked: Asked, ctx: &egui::Context) {
        for edit in asked.edits {
            self.apply(edit);
        }
        if let Some(request) = asked.reader {
            self.on_reader_request(request);
        }
        for request in asked.requests {
            self.on_canvas_request(request);
        }
        if let Some((from, to)) = asked.select_link {
            self.view.selection.select_link(from, to);
        }
        if let Some(action) = asked.action {
            self.perform(action, ctx);
        }
        if let Some(i) = asked.open_recent {
            self.open_recent(i);
        }
        if let Some((id, how)) = asked.go_to {
            self.select_and_reveal(id, how);
        }
    }

    /// The command palette, the shortcuts list, the crash notice, the source editor, the
    /// export dialog and any question waiting for an answer.
    fn show_overlays(&mut self, ctx: &egui::Context) {
        let palette_was_open = self.overlays.palette.open;
        let picked = self
            .overlays
            .palette
            .show(ctx, self.doc.map(), self.doc.version());
        if palette_was_open && !self.overlays.palette.open {
            self.view.focus_canvas = true; // the keys are the canvas' again
        }
        match picked {
            Some(overlays::palette::PaletteChoice::Run(action)) => self.perform(action, ctx),
            Some(overlays::palette::PaletteChoice::GoTo(id)) => {
                crate::crash::note_command("palette: go to a node");
                self.select_and_reveal(id, Reveal::Centre);
            }
            None => {}
        }
        overlays::shortcuts::window(ctx, &mut self.overlays.show_shortcuts);
        self.show_crash_notice(ctx);
        self.show_source_editor(ctx);
        self.show_export_dialog(ctx);
        self.show_prompt(ctx);
    }
}
