//! The map's links as node indexes, looked up once per arrangement.

use crate::model::{ArgumentMap, Relation};

/// What bears on each node, in compressed rows: the nodes linking to node `v` are
/// `incoming[start[v]..start[v + 1]]`, each with whether it opposes `v`.
pub struct Graph {
    pub start: Vec<u32>,
    pub incoming: Vec<(u32, bool)>,
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
        let ends: Vec<(u32, u32, bool)> = map
            .links
            .iter()
            .filter_map(|link| {
                let from = *index.get(&link.from)?;
                let to = *index.get(&link.to)?;
                (from != to).then_some((from as u32, to as u32, link.relation == Relation::Opposes))
            })
            .collect();
        let mut start = vec![0u32; n + 1];
        let mut has_outgoing = vec![false; n];
        for &(from, to, _) in &ends {
            start[to as usize + 1] += 1;
            has_outgoing[from as usize] = true;
        }
        for v in 0..n {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut incoming = vec![(0u32, false); ends.len()];
        for &(from, to, opposes) in &ends {
            incoming[fill[to as usize] as usize] = (from, opposes);
            fill[to as usize] += 1;
        }
        Graph {
            start,
            incoming,
            has_outgoing,
            main: map.main_claim().and_then(|id| index.get(id).copied()),
        }
    }

    pub fn len(&self) -> usize {
        self.has_outgoing.len()
    }

    /// What bears on `v`: supporters before opponents, each group left to right by `x`, then
    /// in index (file) order, as the outline lists them.
    pub fn sorted_incoming(&self, x: &[f32]) -> Vec<(u32, bool)> {
        let mut sorted = self.incoming.clone();
        for v in 0..self.len() {
            let row = &mut sorted[self.start[v] as usize..self.start[v + 1] as usize];
            if row.len() > 1 {
                row.sort_by(|a, b| {
                    (a.1, x[a.0 as usize])
                        .partial_cmp(&(b.1, x[b.0 as usize]))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(a.0.cmp(&b.0))
                });
            }
        }
        sorted
    }
}
