//! What the app does for sources and citations: the library's requests, the source editor, the reader's "new node
//! from selection", sources dropped on cards, and opening addresses.

use super::ArgmapApp;
use super::overlays::prompt::Prompt;
use super::overlays::source_editor::{EditorRequest, SourceDraft};
use super::panels::RightTab;
use super::panels::reader::ReaderRequest;
use super::panels::sources::SourcesRequest;
use super::view::Reveal;
use crate::edit::{self, Edit};
use crate::model::{Citation, Link, Node, NodeId, NodeKind, Position, SourceId, child_relation};

impl ArgmapApp {
    pub(super) fn on_sources_request(&mut self, request: SourcesRequest) {
        match request {
            SourcesRequest::Add => {
                self.overlays.source_draft =
                    Some(SourceDraft::new(self.doc.map().fresh_source_id()))
            }
            SourcesRequest::Edit(id) => {
                if let Some(source) = self.doc.map().source(&id) {
                    self.overlays.source_draft = Some(SourceDraft::of(source));
                }
            }
            SourcesRequest::Read(id) => self.read(id, None),
            SourcesRequest::Delete(id) => {
                let citing: Vec<String> = self
                    .doc
                    .map()
                    .citing_nodes(&id)
                    .map(|n| n.text.clone())
                    .collect();
                if citing.is_empty() {
                    self.delete_source(&id);
                } else {
                    self.overlays.prompt = Some(Prompt::DeleteSource { id, citing });
                }
            }
        }
    }

    pub(super) fn delete_source(&mut self, id: &SourceId) {
        let edit = edit::delete_source(self.doc.map(), id);
        if self.apply(edit) {
            self.window.message = Some("Source deleted (Ctrl+Z to undo).".into());
        }
    }

    /// Opens a source in the reader, scrolled to `node`'s quote when given.
    pub fn read(&mut self, source: SourceId, node: Option<NodeId>) {
        self.panels.reader.open(source, node);
        self.panels.right = RightTab::Reader;
        self.window.settings.show_inspector = true;
    }

    pub(super) fn show_source_editor(&mut self, ctx: &egui::Context) {
        let Some(draft) = &mut self.overlays.source_draft else {
            return;
        };
        match super::overlays::source_editor::window(ctx, self.doc.map(), draft) {
            None => {}
            Some(EditorRequest::Cancel) => self.overlays.source_draft = None,
            Some(EditorRequest::OpenUrl(url)) => self.open_url(ctx, &url),
            Some(EditorRequest::LoadText) => {
                if let Some(path) = self.window.dialogs.open_text() {
                    match crate::format::read_text_bounded(&path, crate::format::MAX_IMPORT_BYTES) {
                        Ok(text) => draft.text = text,
                        Err(e) => {
                            draft.error = Some(format!("Cannot read {}: {e}.", path.display()))
                        }
                    }
                }
            }
            Some(EditorRequest::Save) => {
                let source = draft.finished();
                let edit = match &draft.editing {
                    Some(_) => Edit::UpdateSource { source },
                    None => Edit::AddSource {
                        index: self.doc.map().sources.len(),
                        source,
                    },
                };
                match self.doc.apply(edit) {
                    Ok(()) => {
                        self.refresh_derived();
                        self.overlays.source_draft = None;
                        self.window.message = Some("Source saved.".into());
                    }
                    Err(e) => draft.error = Some(format!("Not saved: {e}.")),
                }
            }
        }
    }

    /// Opens an address in the browser after checking it is an ordinary web or mail address.
    pub(super) fn open_url(&mut self, ctx: &egui::Context, url: &str) {
        match super::url::openable(url) {
            Ok(url) => {
                ctx.open_url(egui::OpenUrl::new_tab(url));
                self.window.message = Some(format!("Opened {url} in the browser."));
            }
            Err(why) => self.window.message = Some(why),
        }
    }

    /// A source dropped on a card: cite it (the quote can be added in the inspector).
    pub(super) fn cite(&mut self, node: NodeId, source: SourceId) {
        let Some(n) = self.doc.map().node(&node) else {
            return;
        };
        let mut citations = n.citations.clone();
        citations.push(Citation::new(source, ""));
        if self.apply(Edit::SetCitations {
            id: node.clone(),
            citations,
        }) {
            self.view.selection.select_only(node);
            self.panels.right = RightTab::Inspector;
            self.window.message = Some("Cited. Add the quote and locator in the inspector.".into());
        }
    }

    pub(super) fn on_reader_request(&mut self, request: ReaderRequest) {
        match request {
            ReaderRequest::GoTo(node) => {
                self.select_and_reveal(node, Reveal::Centre);
            }
            ReaderRequest::QuoteForSelected { source, quote } => {
                let Some(id) = self.view.selection.primary().cloned() else {
                    return;
                };
                let Some(node) = self.doc.map().node(&id) else {
                    return;
                };
                let mut citations = node.citations.clone();
                citations.push(Citation::new(source, quote));
                if self.apply(Edit::SetCitations { id, citations }) {
                    self.window.message = Some("Quote added to the selected node.".into());
                }
            }
            ReaderRequest::NewNode {
                kind,
                source,
                quote,
            } => self.new_node_from_quote(kind, source, quote),
        }
    }

    /// A node whose text and citation are the selected passage, linked to the selected node
    /// (evidence supports it, a counterpoint opposes it) when there is one.
    fn new_node_from_quote(&mut self, kind: NodeKind, source: SourceId, quote: String) {
        let map = self.doc.map();
        let id = map.fresh_node_id();
        let parent = self
            .view
            .selection
            .primary()
            .cloned()
            .filter(|p| map.node(p).is_some());
        let size = (
            super::canvas::card::CARD_WIDTH,
            super::command_handlers::NEW_CARD_HEIGHT,
        );
        // Linked to the selected node: beside its other children. Otherwise in view, a little
        // above the centre, wherever that is clear.
        let pos = match &parent {
            Some(p) => crate::layout::place_new_child(map, &self.card_size_of(), p, size),
            None => {
                let centre = self
                    .view
                    .camera
                    .visible_map_rect(self.view.canvas_rect)
                    .center();
                let near = Position::new(centre.x - size.0 / 2.0, centre.y - 200.0 - size.1 / 2.0);
                crate::layout::place_new_card(map, &self.card_size_of(), near, size)
            }
        };
        let mut node = Node::new(id.clone(), kind, quote.clone(), pos);
        node.citations.push(Citation::new(source, quote));
        let mut edits = vec![Edit::AddNode {
            index: map.nodes.len(),
            node,
        }];
        if let Some(parent) = parent {
            let parent_kind = map.node(&parent).map(|n| n.kind).unwrap_or(NodeKind::Claim);
            let relation = child_relation(parent_kind, kind);
            edits.push(Edit::AddLink {
                index: map.links.len(),
                link: Link::new(id.clone(), parent, relation),
            });
        }
        if self.apply(Edit::Batch(edits)) {
            self.panels.reader.selection = None;
            self.select_and_reveal(id, Reveal::IfHidden);
            self.window.message = Some(format!("New {} from the selected text.", kind.as_str()));
        }
    }
}
