//! Carrying out commands (the [`Action`]s of `commands.rs`), canvas gestures and find: what
//! each does to the view and which edits it makes.

use super::ArgmapApp;
use super::camera::Camera;
use super::canvas::{CanvasRequest, fit_camera};
use super::clipboard::{self, Pasted};
use super::commands::Action;
use super::navigate::{self, Direction};
use super::panels::find::FindRequest;
use super::view::{EditTarget, NewLink, Reveal, TextEditing};
use crate::edit::{self, Edit};
use crate::model::{
    ArgumentMap, Link, Node, NodeId, NodeKind, Position, child_relation, tab_child,
};
use egui::{Event, Vec2, vec2};

/// The height a new card is placed with before its text is typed (a card of a few lines).
pub(super) const NEW_CARD_HEIGHT: f32 = 100.0;

impl ArgmapApp {
    /// Recomputes derived facts after the map changed, and drops stale selections.
    pub(super) fn refresh_derived(&mut self) {
        if self.derived.refresh(
            self.doc.shared_map(),
            self.doc.version(),
            self.doc.changes(),
        ) {
            let index = &self.derived.index;
            let map = self.doc.map();
            self.view
                .selection
                .retain(|id| index.contains_key(id), |f, t| map.link(f, t).is_some());
            self.sizes.retain(|id| index.contains_key(id));
        }
    }

    /// Applies an edit as one undo step; a refused edit is explained in the status bar.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        let (before, selection) = (self.doc.version(), self.view.selection.clone());
        match self.doc.apply(edit) {
            Ok(()) => {
                self.view.selections.leave(before, &selection);
                self.window.message = None;
                self.refresh_derived();
                true
            }
            Err(e) => {
                self.window.message = Some(format!("Not done: {e}."));
                false
            }
        }
    }

    /// Undoes (or redoes) one step, bringing back the selection of that state.
    fn step_history(&mut self, undo: bool) {
        let before = self.doc.version();
        let (done, verb, what) = if undo {
            (self.doc.undo(), "Undid", "undo")
        } else {
            (self.doc.redo(), "Redid", "redo")
        };
        self.window.message = Some(match done {
            Some(label) => {
                self.restore_selection(before);
                format!("{verb} {label}.")
            }
            None => format!("Nothing to {what}."),
        });
    }

    /// After an undo or redo from state `left`: remember the selection it was left with and
    /// bring back the one the new state had when it was last left (the selection at the edit).
    fn restore_selection(&mut self, left: crate::edit::Version) {
        self.view.selections.leave(left, &self.view.selection);
        if let Some(selection) = self.view.selections.arrive(self.doc.version()) {
            self.view.selection = selection.clone();
        }
    }

    pub fn perform(&mut self, action: Action, ctx: &egui::Context) {
        // For a crash report: what the user did last.
        crate::crash::note_command(action.text());
        log::debug!("command: {}", action.text());
        self.perform_inner(action, ctx);
        // Undo, redo, open… change the map outside `apply`: keep derived facts in step.
        self.refresh_derived();
    }

    fn perform_inner(&mut self, action: Action, ctx: &egui::Context) {
        let rect = self.view.canvas_rect;
        match action {
            Action::New => self.ask_then(super::overlays::prompt::Then::New),
            Action::Open => self.ask_then(super::overlays::prompt::Then::Open(None)),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::Export => self.open_export_dialog(ctx),
            Action::ExportPresentation => self.open_presentation_export(ctx),
            Action::Import => self.ask_then(super::overlays::prompt::Then::Import(None)),
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
            Action::Copy => {
                self.copy(ctx);
            }
            Action::Cut => {
                if self.copy(ctx) {
                    self.delete_selection();
                }
            }
            Action::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Action::Delete => self.delete_selection(),
            Action::SelectAll => {
                let ids = self.doc.map().nodes.iter().map(|n| n.id.clone());
                self.view.selection.select_all(ids);
            }
            Action::AddLinkedNode => match self.view.selection.primary().cloned() {
                Some(parent) => {
                    let kind = self
                        .doc
                        .map()
                        .node(&parent)
                        .map(|n| tab_child(n.kind).0)
                        .unwrap_or(NodeKind::Evidence);
                    self.start_linked_node(parent, kind);
                }
                None => {
                    self.window.message =
                        Some("Select a node first: Tab adds a node linked to it.".into())
                }
            },
            Action::AddClaim | Action::AddEvidence | Action::AddCounterpoint => {
                let kind = action.node_kind().unwrap_or(NodeKind::Claim);
                match self.view.selection.primary().cloned() {
                    Some(parent) => self.start_linked_node(parent, kind),
                    None => {
                        let centre = self.view.camera.visible_map_rect(rect).center();
                        self.start_new_node(
                            kind,
                            centre - vec2(super::canvas::card::CARD_WIDTH / 2.0, 40.0),
                            None,
                        );
                    }
                }
            }
            Action::AddCoPremise => self.add_co_premise(None),
            Action::UndercutReason => self.undercut_reason(None, None),
            Action::JoinReasons => self.join_selected(),
            Action::SplitReason => self.split(None),
            Action::EditText => match self.view.selection.primary().cloned() {
                Some(id) => self.start_editing(id),
                None => self.window.message = Some("Select a node to edit its text.".into()),
            },
            Action::Find => self.panels.find.open(),
            Action::CommandPalette => self.overlays.palette.toggle(),
            Action::FitMap if rect.is_positive() => {
                self.view.camera = fit_camera(self.doc.map(), &self.derived, &self.sizes, rect);
            }
            Action::FitMap => self.view.fit_pending = true,
            Action::ZoomToSelection => self.zoom_to_selection(),
            Action::ZoomIn => self.view.camera.zoom_around(rect, rect.center(), 1.25),
            Action::ZoomOut => self.view.camera.zoom_around(rect, rect.center(), 0.8),
            Action::ZoomActualSize => {
                let factor = 1.0 / self.view.camera.zoom;
                self.view.camera.zoom_around(rect, rect.center(), factor);
            }
            Action::UiLarger => {
                self.set_ui_scale(ctx, super::ui_scale::larger(self.window.settings.ui_scale))
            }
            Action::UiSmaller => {
                self.set_ui_scale(ctx, super::ui_scale::smaller(self.window.settings.ui_scale))
            }
            Action::UiReset => self.set_ui_scale(ctx, super::ui_scale::DEFAULT),
            Action::ClearSelection => self.view.selection.clear(),
            Action::GoUp | Action::GoDown | Action::GoLeft | Action::GoRight => {
                if let Some(direction) = action.direction() {
                    self.go(direction);
                }
            }
            Action::ToggleOutline => self.window.settings.show_outline ^= true,
            Action::ToggleInspector => self.window.settings.show_inspector ^= true,
            Action::ToggleLegend => self.window.settings.show_legend ^= true,
            Action::ShowShortcuts => self.overlays.show_shortcuts = true,
            Action::Present => self.start_presenting(ctx),
            Action::ArrangeAll => self.arrange(crate::layout::Scope::All),
            Action::ArrangeSelection => {
                let roots = self.view.selection.nodes().to_vec();
                if roots.is_empty() {
                    self.window.message =
                        Some("Select the nodes whose subtrees to arrange.".into());
                } else {
                    self.arrange(crate::layout::Scope::Subtree(roots));
                }
            }
            Action::TogglePin => {
                let ids = self.view.selection.nodes().to_vec();
                let map = self.doc.map();
                // All pinned already: unpin them; otherwise pin them all.
                let pin = !ids
                    .iter()
                    .all(|id| self.derived.node(map, id).is_some_and(|n| n.pinned));
                let edits = ids
                    .into_iter()
                    .map(|id| Edit::SetPinned { id, pinned: pin })
                    .collect();
                if self.apply(Edit::Batch(edits)) {
                    self.window.message = Some(
                        if pin {
                            "Pinned: arranging leaves it in place."
                        } else {
                            "Unpinned."
                        }
                        .into(),
                    );
                }
            }
        }
    }

    /// File → Open recent: the n-th file of the recent-files list.
    pub(super) fn open_recent(&mut self, i: usize) {
        if let Some(path) = self.window.settings.recent.get(i).cloned() {
            crate::crash::note_command("Open recent");
            self.ask_then(super::overlays::prompt::Then::Open(Some(path)));
        }
    }

    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused() || self.window.was_typing;
        // Shortcuts with more modifiers first: egui matches `F` on Shift+F too.
        let mut candidates: Vec<(Action, egui::KeyboardShortcut)> = Action::iter()
            .filter(|a| !a.is_clipboard())
            .flat_map(|a| a.shortcuts().map(move |s| (a, s)))
            .collect();
        candidates.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(m.alt as u8 + m.shift as u8 + m.command as u8 + m.ctrl as u8)
        });
        for (action, shortcut) in candidates {
            if typing && !action.fires_while_typing() {
                continue;
            }
            // Esc closes the find bar or cancels typing before it clears the selection.
            if action == Action::ClearSelection
                && (self.view.editing.is_some() || self.panels.find.open)
            {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.perform(action, ctx);
            }
        }
    }

    /// Copy, cut and paste arrive as events from the platform's clipboard.
    pub(super) fn handle_clipboard_events(&mut self, ctx: &egui::Context) {
        if ctx.text_edit_focused() {
            return; // the text field takes them
        }
        let events = ctx.input(|i| i.events.clone());
        for event in events {
            match event {
                Event::Copy => self.perform(Action::Copy, ctx),
                Event::Cut => self.perform(Action::Cut, ctx),
                Event::Paste(text) => self.paste(&text),
                _ => {}
            }
        }
    }

    /// Copies the selected nodes as RON text; false when nothing is selected.
    fn copy(&mut self, ctx: &egui::Context) -> bool {
        let ids = self.view.selection.nodes().to_vec();
        if ids.is_empty() {
            self.window.message = Some("Select nodes to copy.".into());
            return false;
        }
        let fragment = clipboard::fragment(self.doc.map(), &ids);
        ctx.copy_text(crate::format::to_ron_string(&fragment));
        self.window.message = Some(format!(
            "Copied {} node{}.",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" }
        ));
        true
    }

    /// Auto-layout as one undoable step.
    fn arrange(&mut self, scope: crate::layout::Scope) {
        let aspect = self.view.canvas_rect.aspect_ratio();
        let moves =
            crate::layout::arrange_to_fit(self.doc.map(), &self.card_size_of(), &scope, aspect);
        if moves.is_empty() {
            self.window.message = Some("Already arranged.".into());
            return;
        }
        let n = moves.len();
        if self.apply(Edit::Move { moves }) {
            self.window.message = Some(format!(
                "Arranged {n} node{} (Ctrl+Z to undo).",
                if n == 1 { "" } else { "s" }
            ));
            if scope == crate::layout::Scope::All {
                self.view.fit_pending = true;
            }
        }
    }

    /// Pastes nodes copied from argmap (this map or another), or plain text as a new claim.
    pub fn paste(&mut self, text: &str) {
        let rect = self.view.canvas_rect;
        let centre = self.view.camera.visible_map_rect(rect).center();
        let fragment = match clipboard::parse(text) {
            Some(Pasted::Nodes(fragment)) => fragment,
            Some(Pasted::Text(text)) => {
                let mut fragment = ArgumentMap::default();
                let pos = centre - vec2(super::canvas::card::CARD_WIDTH / 2.0, 40.0);
                fragment.nodes.push(Node::new(
                    "n1",
                    NodeKind::Claim,
                    text,
                    Position::new(pos.x, pos.y),
                ));
                fragment
            }
            None => return,
        };
        // Pasted where the view is, keeping the fragment's own arrangement.
        let bounds = fragment
            .nodes
            .iter()
            .map(|n| egui::pos2(n.pos.x, n.pos.y))
            .fold(egui::Rect::NOTHING, |r, p| {
                r.union(egui::Rect::from_min_size(p, Vec2::ZERO))
            });
        let offset = if rect.is_positive()
            && !self
                .view
                .camera
                .visible_map_rect(rect)
                .contains(bounds.center())
        {
            centre - bounds.center()
        } else {
            vec2(30.0, 30.0)
        };
        let (edit, ids) = edit::insert_fragment(self.doc.map(), &fragment, (offset.x, offset.y));
        if self.apply(edit) {
            self.window.message = Some(format!(
                "Pasted {} node{}.",
                ids.len(),
                if ids.len() == 1 { "" } else { "s" }
            ));
            self.view.selection.select_all(ids);
        }
    }

    fn delete_selection(&mut self) {
        if let Some((from, to)) = self.view.selection.link().cloned() {
            self.apply(edit::delete_links(self.doc.map(), &[(from, to)]));
            return;
        }
        let ids = self.view.selection.nodes().to_vec();
        if ids.is_empty() {
            self.window.message = Some("Select nodes or a link to delete.".into());
            return;
        }
        let n = ids.len();
        if self.apply(edit::delete_nodes(self.doc.map(), &ids)) {
            self.window.message = Some(format!(
                "Deleted {n} node{} (Ctrl+Z to undo).",
                if n == 1 { "" } else { "s" }
            ));
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
                        .rect(&self.doc.map().nodes[i], self.derived.is_main(i)),
                )
            })
            .reduce(|a, b| a.union(b));
        match bounds {
            Some(bounds) if self.view.canvas_rect.is_positive() => {
                self.view.camera = Camera::fitting(self.view.canvas_rect, bounds, 1.5);
            }
            Some(_) => {}
            None => self.window.message = Some("Select one or more nodes to zoom to them.".into()),
        }
    }

    fn go(&mut self, direction: Direction) {
        let from = self
            .view
            .selection
            .primary()
            .and_then(|id| self.derived.index.get(id).copied());
        let target = match from {
            Some(i) => navigate::neighbour(self.doc.map(), i, direction),
            None => self.derived.main,
        };
        if let Some(t) = target {
            let id = self.doc.map().nodes[t].id.clone();
            self.select_and_reveal(id, Reveal::IfHidden);
        }
    }

    // ----- Creating and editing text -----

    fn start_editing(&mut self, id: NodeId) {
        let Some(node) = self.doc.map().node(&id) else {
            return;
        };
        self.view.editing = Some(TextEditing {
            target: EditTarget::Existing(id.clone()),
            buffer: node.text.clone(),
            fresh: true,
        });
        self.view.reveal = Some((id, Reveal::IfHidden));
    }

    /// Card sizes as the layout engine takes them: measured on screen, or estimated.
    pub(super) fn card_size_of(&self) -> impl Fn(&Node, bool) -> (f32, f32) + '_ {
        |node, is_main| {
            let s = self.sizes.size(node, is_main);
            (s.x, s.y)
        }
    }

    /// Starts typing a new node of `kind` linked to `parent`, placed by the layout engine
    /// beside its siblings, clear of every other card.
    fn start_linked_node(&mut self, parent: NodeId, kind: NodeKind) {
        let map = self.doc.map();
        let Some(&p) = self.derived.index.get(&parent) else {
            return;
        };
        let size = (super::canvas::card::CARD_WIDTH, NEW_CARD_HEIGHT);
        let pos = crate::layout::place_new_child(map, &self.card_size_of(), &parent, size);
        let relation = child_relation(map.nodes[p].kind, kind);
        self.start_new_node(
            kind,
            egui::pos2(pos.x, pos.y),
            Some(NewLink::On(parent, relation)),
        );
    }

    pub(super) fn start_new_node(
        &mut self,
        kind: NodeKind,
        at: egui::Pos2,
        link_to: Option<NewLink>,
    ) {
        let pos = Position::new(at.x, at.y).rounded();
        self.view.editing = Some(TextEditing {
            target: EditTarget::New { kind, pos, link_to },
            buffer: String::new(),
            fresh: true,
        });
        let rect = self.view.canvas_rect;
        let card =
            egui::Rect::from_min_size(at, vec2(super::canvas::card::CARD_WIDTH, NEW_CARD_HEIGHT));
        if rect.is_positive() && !rect.contains_rect(self.view.camera.rect_to_screen(rect, card)) {
            self.view.camera.centre_on(rect, card.center());
        }
    }

    fn commit_text(&mut self) {
        let Some(editing) = self.view.editing.take() else {
            return;
        };
        let text = editing.buffer.trim().to_owned();
        if text.is_empty() {
            if matches!(editing.target, EditTarget::Existing(_)) {
                self.window.message =
                    Some("A node needs some text; press Esc to keep the old text.".into());
                self.view.editing = Some(TextEditing {
                    fresh: true,
                    ..editing
                });
            }
            // An empty new node is simply not created.
            self.view.focus_canvas = true;
            return;
        }
        match editing.target {
            EditTarget::Existing(id) => {
                if self.doc.map().node(&id).is_some_and(|n| n.text != text) {
                    self.apply(Edit::SetText { id, text });
                }
            }
            EditTarget::New { kind, pos, link_to } => {
                let id = self.doc.map().fresh_node_id();
                let mut edits = vec![Edit::AddNode {
                    index: self.doc.map().nodes.len(),
                    node: Node::new(id.clone(), kind, text, pos),
                }];
                match link_to.map(|how| self.joining(&id, how)) {
                    Some(Ok(edit)) => edits.push(edit),
                    Some(Err(e)) => {
                        // The reason it was to join has gone meanwhile: keep the text.
                        self.window.message = Some(format!("Added unlinked: {e}."));
                    }
                    None => {}
                }
                if self.apply(Edit::Batch(edits)) {
                    self.view.selection.select_only(id);
                }
            }
        }
        self.view.focus_canvas = true;
    }

    pub(super) fn on_canvas_request(&mut self, request: CanvasRequest) {
        crate::crash::note_canvas_request(&request);
        match request {
            CanvasRequest::Move { ids, delta } => self.move_cards(ids, delta),
            CanvasRequest::Connect { from, to } => {
                let Some(kind) = self.doc.map().node(&from).map(|n| n.kind) else {
                    return;
                };
                let link = Link::new(from, to.clone(), ArgumentMap::default_relation(kind));
                let relation = link.relation;
                if self.apply(Edit::AddLink {
                    index: self.doc.map().links.len(),
                    link,
                }) {
                    self.window.message = Some(format!(
                        "Linked: {} (right-click the link to change).",
                        relation.as_str()
                    ));
                }
            }
            CanvasRequest::Create { kind, at } => self.start_new_node(kind, at, None),
            CanvasRequest::AddLinked { parent, kind } => self.start_linked_node(parent, kind),
            CanvasRequest::EditText(id) => self.start_editing(id),
            CanvasRequest::SetKind(id, kind) => {
                self.apply(Edit::SetKind { id, kind });
            }
            CanvasRequest::SetMain(id) => {
                self.apply(Edit::SetMainClaim { id: Some(id) });
            }
            CanvasRequest::DeleteSelection => self.delete_selection(),
            CanvasRequest::FlipLink(from, to) => {
                if let Some(relation) = self
                    .doc
                    .map()
                    .link(&from, &to)
                    .map(|l| l.relation.flipped())
                {
                    self.apply(Edit::SetRelation { from, to, relation });
                }
            }
            CanvasRequest::DeleteLink(from, to) => {
                self.apply(edit::delete_links(self.doc.map(), &[(from, to)]));
            }
            CanvasRequest::AddCoPremise(from, to) => self.add_co_premise(Some((from, to))),
            CanvasRequest::UndercutReason(from, to) => self.undercut_reason(Some((from, to)), None),
            CanvasRequest::Undercut { attacker, reason } => self.undercut_with(attacker, reason),
            CanvasRequest::SplitReason(from, to) => self.split(Some((from, to))),
            CanvasRequest::AnswerQuestion { reason, number } => {
                self.undercut_reason(Some(reason), Some(number))
            }
            CanvasRequest::TakeOut { premise, reason } => self.take_out_of_reason(premise, reason),
            CanvasRequest::CommitText => self.commit_text(),
            CanvasRequest::Cite { node, source } => self.cite(node, source),
            CanvasRequest::CancelText => {
                self.view.editing = None;
                self.view.focus_canvas = true;
            }
        }
    }

    /// Brings Find's matches and the canvas' dimming up to date with the query and the map
    /// (recomputed only when either changed).
    pub(super) fn refresh_find(&mut self) {
        let map = self.doc.map();
        let (changes, index) = (self.derived.changes(), &self.derived.index);
        if self.panels.find.open && self.panels.find.refresh(map, changes, index) {
            self.view.highlight = (!self.panels.find.query.trim().is_empty()).then(|| {
                let ids = self
                    .panels
                    .find
                    .found()
                    .iter()
                    .map(|&i| map.nodes[i].id.clone());
                std::sync::Arc::new(ids.collect())
            });
        }
    }

    pub(super) fn on_find(&mut self, request: FindRequest) {
        match request {
            FindRequest::GoTo(id) => self.select_and_reveal(id, Reveal::Centre),
            FindRequest::Close => {
                self.panels.find.open = false;
                self.view.highlight = None;
                self.view.focus_canvas = true;
            }
        }
    }
}
