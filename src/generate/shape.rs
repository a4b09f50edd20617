//! The shape of a generated argument: which kind of node bears on which, and how.

use super::rng::Rng;
use crate::model::{NodeKind, Relation};

/// One generated node: its kind and (except for the main claim) the node it bears on.
pub struct Slot {
    pub kind: NodeKind,
    pub parent: Option<(usize, Relation)>,
}

/// The most children a node gets.
const MAX_CHILDREN: usize = 4;

/// How many children a node of this kind wants: claims always some, evidence seldom,
/// counterpoints often none (an unanswered objection).
fn wanted_children(rng: &mut Rng, kind: NodeKind) -> usize {
    match kind {
        NodeKind::Claim => rng.weighted(&[(2, 2), (3, 2), (4, 1)]),
        NodeKind::Counterpoint => rng.weighted(&[(0, 1), (1, 2), (2, 1)]),
        NodeKind::Evidence => rng.weighted(&[(0, 4), (1, 1), (2, 1)]),
    }
}

/// What bears on a node of this kind, and how: evidence and sub-claims support claims,
/// counterpoints oppose them; claims rebut counterpoints; evidence is backed by evidence or
/// questioned by counterpoints.
fn child_of(rng: &mut Rng, parent: NodeKind) -> (NodeKind, Relation) {
    use NodeKind::{Claim, Counterpoint, Evidence};
    use Relation::{Opposes, Supports};
    match parent {
        Claim => rng.weighted(&[
            ((Evidence, Supports), 55),
            ((Claim, Supports), 20),
            ((Counterpoint, Opposes), 25),
        ]),
        Counterpoint => rng.weighted(&[((Claim, Opposes), 70), ((Evidence, Supports), 30)]),
        Evidence => rng.weighted(&[((Evidence, Supports), 55), ((Counterpoint, Opposes), 45)]),
    }
}

/// A tree of exactly `n` nodes, grown breadth first from the main claim (node 0) so it is
/// bushy rather than deep, as argument maps are. Nodes still waiting for children when the
/// count is reached stay leaves.
pub fn grow(rng: &mut Rng, n: usize) -> Vec<Slot> {
    let mut slots: Vec<Slot> = Vec::with_capacity(n);
    if n == 0 {
        return slots;
    }
    slots.push(Slot {
        kind: NodeKind::Claim,
        parent: None,
    });
    let mut children = vec![0usize; n];
    // Nodes with room for more children, first come first served, and how many each wants.
    let mut open: std::collections::VecDeque<(usize, usize)> = [(0, 2 + rng.below(3))].into();
    while slots.len() < n {
        let Some((parent, wants)) = open.pop_front() else {
            // Everything became a leaf early: let some node with room take one more child.
            let start = rng.below(slots.len());
            let node = (0..slots.len())
                .map(|k| (start + k) % slots.len())
                .find(|&v| children[v] < MAX_CHILDREN)
                .expect("a tree with more nodes than edges has a node with room");
            open.push_back((node, 1));
            continue;
        };
        let (kind, relation) = child_of(rng, slots[parent].kind);
        let child = slots.len();
        slots.push(Slot {
            kind,
            parent: Some((parent, relation)),
        });
        children[parent] += 1;
        if wants > 1 {
            open.push_front((parent, wants - 1));
        }
        let own = wanted_children(rng, kind);
        if own > 0 {
            open.push_back((child, own));
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trees_have_the_exact_size_and_at_most_four_children_each() {
        for n in [1, 2, 7, 300] {
            let slots = grow(&mut Rng::new(n as u64), n);
            assert_eq!(slots.len(), n);
            let mut children = vec![0; n];
            for s in &slots[1..] {
                let (p, _) = s.parent.unwrap();
                children[p] += 1;
            }
            assert!(children.iter().all(|&c| c <= MAX_CHILDREN));
            assert!(slots[0].parent.is_none());
        }
    }
}
