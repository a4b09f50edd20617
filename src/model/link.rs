use super::NodeId;
use serde::{Deserialize, Serialize};

/// How the `from` node bears on the `to` node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Relation {
    Supports,
    Opposes,
}

impl Relation {
    pub const ALL: [Relation; 2] = [Relation::Supports, Relation::Opposes];

    /// The lower-case word used in exports and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Opposes => "opposes",
        }
    }

    pub fn flipped(self) -> Relation {
        match self {
            Relation::Supports => Relation::Opposes,
            Relation::Opposes => Relation::Supports,
        }
    }
}

/// An arrow from the node that supports or opposes to the node it bears on.
///
/// A map holds at most one link per (from, to) pair, so the pair identifies the link.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: NodeId,
    pub to: NodeId,
    pub relation: Relation,
}

impl Link {
    pub fn new(from: impl Into<NodeId>, to: impl Into<NodeId>, relation: Relation) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            relation,
        }
    }

    /// True if this link joins the same two nodes in the same direction as `other`.
    pub fn same_ends(&self, from: &NodeId, to: &NodeId) -> bool {
        &self.from == from && &self.to == to
    }
}
