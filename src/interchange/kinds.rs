//! Node kinds for imported nodes that do not say what they are, read from their links.

use crate::model::{Link, NodeKind, Relation};
use std::collections::HashSet;

/// What a node is by the part it plays (as any premise of a reason): a node that opposes something is a counterpoint; one
/// that supports something is evidence when nothing bears on it, else a claim (a sub-claim
/// with its own support); a node that bears on nothing (the root) is a claim.
pub fn infer_kinds<'a>(ids: impl Iterator<Item = &'a str>, links: &[Link]) -> Vec<NodeKind> {
    let opposes: HashSet<&str> = links
        .iter()
        .filter(|l| l.relation == Relation::Opposes)
        .flat_map(|l| l.premises().map(|p| p.as_str()))
        .collect();
    let supports: HashSet<&str> = links
        .iter()
        .filter(|l| l.relation == Relation::Supports)
        .flat_map(|l| l.premises().map(|p| p.as_str()))
        .collect();
    let targets: HashSet<&str> = links.iter().map(|l| l.to.as_str()).collect();
    ids.map(|id| {
        if opposes.contains(id) {
            NodeKind::Counterpoint
        } else if supports.contains(id) && !targets.contains(id) {
            NodeKind::Evidence
        } else {
            NodeKind::Claim
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_part_a_node_plays() {
        let links = vec![
            Link::new("sub", "root", Relation::Supports),
            Link::new("fact", "sub", Relation::Supports),
            Link::new("objection", "root", Relation::Opposes),
        ];
        let kinds = infer_kinds(
            ["root", "sub", "fact", "objection", "alone"].into_iter(),
            &links,
        );
        assert_eq!(
            kinds,
            vec![
                NodeKind::Claim,
                NodeKind::Claim,
                NodeKind::Evidence,
                NodeKind::Counterpoint,
                NodeKind::Claim
            ]
        );
    }
}
