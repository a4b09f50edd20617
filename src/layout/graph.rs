//! The map's links as node indexes, looked up once per arrangement.

use crate::model::{ArgumentMap, Relation};

/// What bears on each node, in compressed rows: the nodes linking to node `v` are
/// `incoming[start[v]..start[v + 1]]`, each with whether it opposes `v`. Every premise of a
/// reason is an incoming node, co-premises included.
pub struct Graph {
    pub start: Vec<u32>,
    pub incoming: Vec<(u32, bool)>,
    /// For each entry of `incoming`: the reason's first premise and the entry's place among
    /// the reason's premises, so that co-premises sort next to each other, in their order.
    group: Vec<(u32, u32)>,
    /// The node bears on something (it is not the root of a tree).
    pub has_outgoing: Vec<bool>,
    /// The main claim, if the map has one.
    pub main: Option<usize>,
}

impl Graph {
    /// Links to missing nodes and self-links are left out, as the outline leaves them out.
    pub fn of(map: &ArgumentMap) -> Graph {
        let n = map.nodes.len();
        let index = map.node_index();
        // (premise, target, opposes, first premise, place among the premises)
        let mut ends: Vec<(u32, u32, bool, u32, u32)> = Vec::with_capacity(map.links.len());
        for link in &map.links {
            let (Some(&from), Some(&to)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            let opposes = link.relation == Relation::Opposes;
            for (k, premise) in link.premises().enumerate() {
                if let Some(&p) = index.get(premise)
                    && p != to
                {
                    ends.push((p as u32, to as u32, opposes, from as u32, k as u32));
                }
            }
        }
        let mut start = vec![0u32; n + 1];
        let mut has_outgoing = vec![false; n];
        for &(from, to, ..) in &ends {
            start[to as usize + 1] += 1;
            has_outgoing[from as usize] = true;
        }
        for v in 0..n {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut incoming = vec![(0u32, false); ends.len()];
        let mut group = vec![(0u32, 0u32); ends.len()];
        for &(from, to, opposes, lead, k) in &ends {
            let at = fill[to as usize] as usize;
            incoming[at] = (from, opposes);
            group[at] = (lead, k);
            fill[to as usize] += 1;
        }
        Graph {
            start,
            incoming,
            group,
            has_outgoing,
            main: map.main_claim().and_then(|id| index.get(id).copied()),
        }
    }

    pub fn len(&self) -> usize {
        self.has_outgoing.len()
    }

    /// What bears on `v`: supporters before opponents, each group left to right by `x`, then
    /// in index (file) order, as the outline lists them. A reason's co-premises sort where its
    /// first premise does, in their order, so they stay side by side.
    pub fn sorted_incoming(&self, x: &[f32]) -> Vec<(u32, bool)> {
        let mut sorted = self.incoming.clone();
        let mut row: Vec<((u32, bool), (u32, u32))> = Vec::new();
        for v in 0..self.len() {
            let range = self.start[v] as usize..self.start[v + 1] as usize;
            if range.len() > 1 {
                row.clear();
                row.extend(
                    self.incoming[range.clone()]
                        .iter()
                        .copied()
                        .zip(self.group[range.clone()].iter().copied()),
                );
                row.sort_by(|(a, ga), (b, gb)| {
                    (a.1, x[ga.0 as usize])
                        .partial_cmp(&(b.1, x[gb.0 as usize]))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(ga.0.cmp(&gb.0))
                        .then(ga.1.cmp(&gb.1))
                });
                for (slot, (entry, _)) in sorted[range].iter_mut().zip(&row) {
                    *slot = *entry;
                }
            }
        }
        sorted
    }
}
