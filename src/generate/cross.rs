//! Cross-links: a node that also supports a second claim, turning the tree into a map.

use super::rng::Rng;
use super::shape::Slot;
use crate::model::NodeKind;
use std::collections::HashSet;

/// About `count` extra (from, to) support links from evidence or claims to other claims:
/// never a self-link, never a pair already linked, never to something that itself bears on
/// `from` (which would make a cycle).
pub fn cross_links(rng: &mut Rng, slots: &[Slot], count: usize) -> Vec<(usize, usize)> {
    let claims: Vec<usize> = (0..slots.len())
        .filter(|&i| slots[i].kind == NodeKind::Claim)
        .collect();
    let supporters: Vec<usize> = (1..slots.len())
        .filter(|&i| slots[i].kind != NodeKind::Counterpoint)
        .collect();
    let mut out = Vec::with_capacity(count);
    if claims.len() < 2 || supporters.is_empty() {
        return out;
    }
    let mut used: HashSet<(usize, usize)> = HashSet::new();
    let parent = |v: usize| slots[v].parent.map(|(p, _)| p);
    for _ in 0..count * 20 {
        if out.len() == count {
            break;
        }
        let from = *rng.pick(&supporters);
        let to = *rng.pick(&claims);
        let beneath_from = std::iter::successors(Some(to), |&v| parent(v)).any(|v| v == from);
        if beneath_from || parent(from) == Some(to) || !used.insert((from, to)) {
            continue;
        }
        out.push((from, to));
    }
    out
}
