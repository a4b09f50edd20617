//! The one way maps change: edit operations that apply to a map and hand back their inverse.
//!
//! The GUI, the CLI and tests all change maps through [`Edit`]; that is what makes undo/redo
//! complete and lets every change be tested without a window.

mod apply;
mod build;
mod bulk;
mod change;
mod check;
mod history;
mod reasons;

pub use build::{delete_nodes, delete_source, insert_fragment};
pub use change::{Change, ChangeLog, Shift};
pub use history::{History, Version};
pub use reasons::{
    add_premise, delete_links, join_reasons, remove_premise, retarget, set_answers, set_relation,
    set_scheme, set_warrant, split_reason, take_out_premise, undercut,
};

use crate::model::{
    Citation, Link, Node, NodeId, NodeKind, Position, Relation, Source, SourceId, Step,
};

/// One change to a map. Applying an edit returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Inserts `node` at `index` in the node list (`index` ≤ length).
    AddNode {
        index: usize,
        node: Node,
    },
    /// Removes the node with this id. It must have no links left (see [`delete_nodes`]).
    RemoveNode {
        id: NodeId,
    },
    SetText {
        id: NodeId,
        text: String,
    },
    SetNotes {
        id: NodeId,
        notes: String,
    },
    SetKind {
        id: NodeId,
        kind: NodeKind,
    },
    SetPinned {
        id: NodeId,
        pinned: bool,
    },
    /// Moves each node to its new position (rounded to whole units).
    Move {
        moves: Vec<(NodeId, Position)>,
    },
    /// Inserts `link` at `index` in the link list.
    AddLink {
        index: usize,
        link: Link,
    },
    /// Removes the link (reason) named by its first premise and target. No other link may
    /// undercut it (see [`delete_links`]).
    RemoveLink {
        from: NodeId,
        to: NodeId,
    },
    /// Replaces the link (reason) named `from` → `to` with `link`, in its place: premises,
    /// target, relation, scheme, warrant. The new link is checked as an added one would be.
    UpdateLink {
        from: NodeId,
        to: NodeId,
        link: Link,
    },
    SetRelation {
        from: NodeId,
        to: NodeId,
        relation: Relation,
    },
    /// Replaces a node's citations.
    SetCitations {
        id: NodeId,
        citations: Vec<Citation>,
    },
    AddSource {
        index: usize,
        source: Source,
    },
    RemoveSource {
        id: SourceId,
    },
    UpdateSource {
        source: Source,
    },
    SetTitle {
        title: String,
    },
    SetDescription {
        description: String,
    },
    SetMainClaim {
        id: Option<NodeId>,
    },
    /// Replaces the talk's steps; `None` returns to the default walk.
    SetPresentation {
        steps: Option<Vec<Step>>,
    },
    /// Several edits as one step (one undo), applied in order; all or nothing.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The map is unchanged when an edit fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no node \"{0}\"")]
    NoSuchNode(NodeId),
    #[error("a node with id \"{0}\" already exists")]
    DuplicateNode(NodeId),
    #[error("a node cannot support or oppose itself")]
    SelfLink,
    #[error("these two nodes are already linked")]
    DuplicateLink,
    #[error("there is no link from \"{0}\" to \"{1}\"")]
    NoSuchLink(NodeId, NodeId),
    #[error("\"{0}\" is listed twice among the premises")]
    DuplicatePremise(NodeId),
    #[error("\"{0}\" already bears on \"{1}\" through another reason")]
    AlreadyBearsOn(NodeId, NodeId),
    #[error("the reason from \"{0}\" to \"{1}\" is undercut; delete the undercut first")]
    LinkUndercut(NodeId, NodeId),
    #[error(
        "only two reasons on the same node with the same relation, neither an undercut, can be joined"
    )]
    CannotJoin,
    #[error("only a reason with several premises can be split")]
    CannotSplit,
    #[error("an undercut attacks a reason, not a node: it opposes, and moves with that reason")]
    CannotRetargetUndercut,
    #[error("node \"{0}\" still has links; delete them first")]
    NodeHasLinks(NodeId),
    #[error("there is no source \"{0}\"")]
    NoSuchSource(SourceId),
    #[error("a source with id \"{0}\" already exists")]
    DuplicateSource(SourceId),
    #[error("source \"{0}\" is still cited; remove the citations first")]
    SourceInUse(SourceId),
    #[error("position {0} is past the end of the list")]
    BadIndex(usize),
    #[error("a node needs some text")]
    EmptyText,
    #[error("a source needs a title")]
    EmptyTitle,
    #[error("ids cannot be empty")]
    EmptyId,
    #[error("node \"{0}\" is a step of the presentation; take it out of the presentation first")]
    NodeInPresentation(NodeId),
}

impl Edit {
    /// A short description for undo menus: "Undo move", "Undo delete".
    pub fn describe(&self) -> &'static str {
        match self {
            Edit::AddNode { .. } => "add node",
            Edit::RemoveNode { .. } => "delete node",
            Edit::SetText { .. } => "edit text",
            Edit::SetNotes { .. } => "edit notes",
            Edit::SetKind { .. } => "change kind",
            Edit::SetPinned { .. } => "pin",
            Edit::Move { .. } => "move",
            Edit::AddLink { .. } => "link",
            Edit::RemoveLink { .. } => "delete link",
            Edit::UpdateLink { .. } => "edit reason",
            Edit::SetRelation { .. } => "change relation",
            Edit::SetCitations { .. } => "edit citations",
            Edit::AddSource { .. } => "add source",
            Edit::RemoveSource { .. } => "delete source",
            Edit::UpdateSource { .. } => "edit source",
            Edit::SetTitle { .. } => "edit title",
            Edit::SetDescription { .. } => "edit description",
            Edit::SetMainClaim { .. } => "set main claim",
            Edit::SetPresentation { .. } => "edit presentation",
            Edit::Batch(edits) => match edits.as_slice() {
                [only] => only.describe(),
                _ => "edit",
            },
        }
    }
}
