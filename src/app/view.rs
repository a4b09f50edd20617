//! View state kept in the app (not in egui memory) so tests and actions can read and set it.

use super::camera::Camera;
use crate::model::NodeId;
use egui::Rect;

/// The selected nodes, in the order they were selected; the last one is the primary
/// selection, which the inspector shows and keyboard navigation starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    nodes: Vec<NodeId>,
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

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn select_only(&mut self, id: NodeId) {
        self.nodes.clear();
        self.nodes.push(id);
    }

    /// Adds `id`, or removes it if it was selected (Shift/Ctrl-click).
    pub fn toggle(&mut self, id: NodeId) {
        if let Some(i) = self.nodes.iter().position(|n| n == &id) {
            self.nodes.remove(i);
        } else {
            self.nodes.push(id);
        }
    }

    pub fn clear(&mut self) {
        self.nodes.clear();
    }

    /// Drops ids that no longer name a node.
    pub fn retain(&mut self, keep: impl Fn(&NodeId) -> bool) {
        self.nodes.retain(|id| keep(id));
    }
}

pub struct ViewState {
    pub camera: Camera,
    pub selection: Selection,
    /// Where the canvas was drawn last frame (screen points); empty before the first frame.
    pub canvas_rect: Rect,
    /// Fit the whole map on the next frame (set on opening a map, before the canvas has a size).
    pub fit_pending: bool,
    /// Bring this node into view on the next frame (set by the outline, navigation, find).
    pub reveal: Option<(NodeId, Reveal)>,
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
            reveal: None,
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
