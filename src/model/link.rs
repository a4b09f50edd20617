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

/// A reason: one or more premises that together support or oppose what they bear on.
///
/// The simple case is one premise, `from`, bearing on the node `to` — an arrow, written in a
/// file as `(from: "a", to: "b", relation: Supports)`. A *linked* reason has co-premises in
/// `with`: the premises bear on `to` only together (Rationale's reason box, AIF's RA node
/// with several premises). An *undercut* names the premise of another reason on `to` in
/// `undercuts`: it attacks that reason's inference (that the premises support `to`), not `to`
/// itself. A reason may name its argument scheme (see [`crate::model::scheme`]) and the
/// warrant that lets its premises bear on its target.
///
/// A reason is named by its first premise and the node it bears on, `from` → `to`: a map holds
/// at most one reason per pair, and a node is a premise of at most one reason on a node.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: NodeId,
    pub to: NodeId,
    pub relation: Relation,
    /// Co-premises: with `from`, in order, these bear on `to` only together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<NodeId>,
    /// An undercut: the first premise of the reason on `to` whose inference this attacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undercuts: Option<NodeId>,
    /// The argument scheme, by its catalogue id (`expert_opinion`) or, for a scheme the
    /// catalogue does not know (from an imported file), by its name as written there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// Why the premises bear on the target: the rule or assumption linking them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warrant: Option<String>,
    /// For a reason that attacks another reason (an undercut) or a schemed reason's premise
    /// or conclusion: the number (from 1) of the critical question of that reason's scheme
    /// it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<u32>,
}

impl Link {
    pub fn new(from: impl Into<NodeId>, to: impl Into<NodeId>, relation: Relation) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            relation,
            with: Vec::new(),
            undercuts: None,
            scheme: None,
            warrant: None,
            answers: None,
        }
    }

    /// An undercut from `from` of the reason `(premise → to)`.
    pub fn undercut(
        from: impl Into<NodeId>,
        premise: impl Into<NodeId>,
        to: impl Into<NodeId>,
    ) -> Self {
        Self {
            undercuts: Some(premise.into()),
            ..Self::new(from, to, Relation::Opposes)
        }
    }

    /// True if this link joins the same two nodes in the same direction as `other`.
    pub fn same_ends(&self, from: &NodeId, to: &NodeId) -> bool {
        &self.from == from && &self.to == to
    }

    /// Every premise, `from` first.
    pub fn premises(&self) -> impl Iterator<Item = &NodeId> {
        std::iter::once(&self.from).chain(&self.with)
    }

    /// Premises bear on the target only together.
    pub fn is_linked(&self) -> bool {
        !self.with.is_empty()
    }

    /// Whether this reason attacks the inference of another reason.
    pub fn is_undercut(&self) -> bool {
        self.undercuts.is_some()
    }

    /// The reason this one undercuts, by its name (first premise, target), if it is one.
    pub fn undercut_target(&self) -> Option<(&NodeId, &NodeId)> {
        self.undercuts.as_ref().map(|p| (p, &self.to))
    }

    /// Anything beyond a plain one-premise link: what file format 4 added.
    pub fn is_plain(&self) -> bool {
        self.with.is_empty()
            && self.undercuts.is_none()
            && self.scheme.is_none()
            && self.warrant.is_none()
            && self.answers.is_none()
    }

    /// The reason's name in exports and messages: `from->to`.
    pub fn name(&self) -> String {
        reason_name(&self.from, &self.to)
    }
}

/// The name of the reason from `from` on `to`: `from->to`.
pub fn reason_name(from: &NodeId, to: &NodeId) -> String {
    format!("{from}->{to}")
}
