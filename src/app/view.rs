//! View state kept in the app (not in egui memory) so tests and actions can read and set it.

use super::camera::Camera;
use crate::model::NodeId;
use egui::Rect;

/// The selected nodes, in the order they were selected; the last one is the primary
/// selection, which the inspector shows and keyboard navigation starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    nodes: Vec<NodeId>,
    /// A selected link, by its ends. Selecting a link clears the nodes and vice versa.
    link: Option<(NodeId, NodeId)>,
}

impl Selection {
    pub fn nodes(&self) -> &[NodeId] {
        &self.nodes
    }

    pub fn primary(&self) -> Option<&NodeId> {
        self.nodes.last()
    }

    pub fn contains(&self, id: &NodeId) -> bool {
        self.nodes.contains(id)
    }

    /// No node and no link selected.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.link.is_none()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn select_only(&mut self, id: NodeId) {
        self.link = None;
        self.nodes.clear();
        self.nodes.push(id);
    }

    pub fn select_all(&mut self, ids: impl IntoIterator<Item = NodeId>) {
        self.link = None;
        self.nodes = ids.into_iter().collect();
    }

    pub fn link(&self) -> Option<&(NodeId, NodeId)> {
        self.link.as_ref()
    }

    pub fn select_link(&mut self, from: NodeId, to: NodeId) {
        self.nodes.clear();
        self.link = Some((from, to));
    }

    /// Adds `id`, or removes it if it was selected (Shift/Ctrl-click).
    pub fn toggle(&mut self, id: NodeId) {
        self.link = None;
        if let Some(i) = self.nodes.iter().position(|n| n == &id) {
            self.nodes.remove(i);
        } else {
            self.nodes.push(id);
        }
    }

    pub fn clear(&mut self) {
        self.nodes.clear();
        self.link = None;
    }

    /// Drops ids that no longer name a node, and a link whose ends are gone.
    pub fn retain(
        &mut self,
        keep: impl Fn(&NodeId) -> bool,
        link_exists: impl Fn(&NodeId, &NodeId) -> bool,
    ) {
        self.nodes.retain(|id| keep(id));
        if self.link.as_ref().is_some_and(|(f, t)| !link_exists(f, t)) {
            self.link = None;
        }
    }
}

pub struct ViewState {
    pub camera: Camera,
    pub selection: Selection,
    /// Where the canvas was drawn last frame (screen points); empty before the first frame.
    pub canvas_rect: Rect,
    /// Fit the whole map on the next frame (set on opening a map, before the canvas has a size).
    pub fit_pending: bool,
    /// The map has just been opened: its first framing is the opening view, which keeps the
    /// text readable (see `canvas::opening_camera`), not necessarily the whole map.
    pub opening: bool,
    /// Bring this node into view on the next frame (set by the outline, navigation, find).
    pub reveal: Option<(NodeId, Reveal)>,
    /// The text being typed into a card, if any.
    pub editing: Option<TextEditing>,
    /// Find matches: cards not in the set are dimmed while Find is open. Shared, so the
    /// canvas can hold it for a frame without copying it.
    pub highlight: Option<std::sync::Arc<std::collections::HashSet<NodeId>>>,
    /// Give the keyboard back to the canvas on the next frame (after Find or editing).
    pub focus_canvas: bool,
    /// A pointer gesture in progress on the canvas.
    pub gesture: Gesture,
    /// What the open context menu is about.
    pub context: Option<ContextTarget>,
    /// While presenting: what is revealed and what is current.
    pub present: Option<super::present::PresentFilter>,
    /// The selection each state of the map was left with, for undo and redo.
    pub selections: super::selection_history::SelectionHistory,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    #[default]
    None,
    /// Dragging the selected cards; `offset` is in map units so far.
    MoveCards { offset: egui::Vec2 },
    /// Dragging a new link out of a card's handle; `pointer` in map units.
    Connect { from: NodeId, pointer: egui::Pos2 },
    /// Shift-dragging a selection box, corners in map units.
    BoxSelect { start: egui::Pos2, end: egui::Pos2 },
}

#[derive(Clone, Debug, PartialEq)]
pub enum ContextTarget {
    Node(NodeId),
    Link(NodeId, NodeId),
    /// The empty canvas, at this map point.
    Background(egui::Pos2),
}

/// Typing a card's text in place. A new node does not exist until its text is committed, so
/// cancelling leaves no trace and creating it is a single undo step.
#[derive(Clone, Debug, PartialEq)]
pub struct TextEditing {
    pub target: EditTarget,
    pub buffer: String,
    /// Focus the text field on its first frame.
    pub fresh: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EditTarget {
    Existing(NodeId),
    New {
        kind: crate::model::NodeKind,
        pos: crate::model::Position,
        /// How the new node is joined to the map, if at all.
        link_to: Option<NewLink>,
    },
}

/// How a node being typed is joined to the map once its text is committed.
#[derive(Clone, Debug, PartialEq)]
pub enum NewLink {
    /// It bears on this node with this relation.
    On(NodeId, crate::model::Relation),
    /// It joins the reason (first premise, target) as a co-premise.
    CoPremise(NodeId, NodeId),
    /// It undercuts the reason (first premise, target), answering critical question
    /// `answers` of its scheme, if given.
    Undercut {
        reason: (NodeId, NodeId),
        answers: Option<u32>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reveal {
    /// Always centre the node (outline clicks, find).
    Centre,
    /// Centre it only if it is not fully visible (keyboard navigation: no needless jumps).
    IfHidden,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            camera: Camera::default(),
            selection: Selection::default(),
            canvas_rect: Rect::NOTHING,
            fit_pending: true,
            opening: true,
            reveal: None,
            editing: None,
            highlight: None,
            focus_canvas: true,
            gesture: Gesture::None,
            context: None,
            present: None,
            selections: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_adds_and_removes_and_the_last_is_primary() {
        let mut s = Selection::default();
        s.select_only("a".into());
        s.toggle("b".into());
        assert_eq!(s.primary(), Some(&NodeId::from("b")));
        s.toggle("a".into());
        assert_eq!(s.nodes(), &[NodeId::from("b")]);
        s.select_only("c".into());
        assert_eq!(s.len(), 1);
    }
}
