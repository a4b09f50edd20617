//! What is dragged from one view to another. It sits apart from both ends so that the views
//! (the sources panel, the canvas) need not know each other.

use crate::model::SourceId;

/// A source as it is dragged from the sources panel onto a card.
#[derive(Clone, Debug)]
pub struct DraggedSource(pub SourceId);
