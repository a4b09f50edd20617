//! What a node made under another one gets: the kind Tab gives it and the relation of its link.
//! One rule for every way of adding a linked node (Tab, the menus, quoting a source).

use super::{ArgumentMap, NodeKind, Relation};

/// What Tab creates under a node of kind `parent`, and how it is linked (documented in the
/// README).
pub fn tab_child(parent: NodeKind) -> (NodeKind, Relation) {
    let kind = match parent {
        // Evidence supports a claim, and evidence can back other evidence.
        NodeKind::Claim | NodeKind::Evidence => NodeKind::Evidence,
        // A counterpoint is answered by a claim that rebuts it.
        NodeKind::Counterpoint => NodeKind::Claim,
    };
    (kind, child_relation(parent, kind))
}

/// How a new node of kind `child` is linked to its parent of kind `parent`: a claim under a
/// counterpoint rebuts it, so it opposes; otherwise the child kind's default relation.
pub fn child_relation(parent: NodeKind, child: NodeKind) -> Relation {
    match (parent, child) {
        (NodeKind::Counterpoint, NodeKind::Claim) => Relation::Opposes,
        _ => ArgumentMap::default_relation(child),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_adds_evidence_under_claims_and_evidence_and_a_rebuttal_under_counterpoints() {
        assert_eq!(
            tab_child(NodeKind::Claim),
            (NodeKind::Evidence, Relation::Supports)
        );
        assert_eq!(
            tab_child(NodeKind::Evidence),
            (NodeKind::Evidence, Relation::Supports)
        );
        assert_eq!(
            tab_child(NodeKind::Counterpoint),
            (NodeKind::Claim, Relation::Opposes)
        );
    }

    #[test]
    fn a_chosen_kind_is_linked_by_its_own_default_except_a_claim_rebutting_a_counterpoint() {
        for parent in NodeKind::ALL {
            assert_eq!(
                child_relation(parent, NodeKind::Counterpoint),
                Relation::Opposes
            );
            assert_eq!(
                child_relation(parent, NodeKind::Evidence),
                Relation::Supports
            );
        }
        assert_eq!(
            child_relation(NodeKind::Claim, NodeKind::Claim),
            Relation::Supports
        );
        assert_eq!(
            child_relation(NodeKind::Counterpoint, NodeKind::Claim),
            Relation::Opposes
        );
    }
}
