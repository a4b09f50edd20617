//! Generated argument maps for tests, benchmarks and demos (`argmap generate`).
//!
//! A map of any size that looks like real analysis: one main claim; beneath each node one to
//! four others (evidence mostly under claims, about a quarter counterpoints, some of them
//! answered by claims); sentences of 10 to 30 words about one policy question; a handful of
//! rated sources whose texts the evidence quotes; a few nodes that also support a second
//! claim; reasons with linked premises, undercuts, schemes and warrants (see `reasons`);
//! all laid out by [`crate::layout`]. The same size and seed always give the same map,
//! and the map validates without errors.

mod cross;
mod reasons;
mod rng;
mod shape;
mod sources;
mod words;

use crate::layout::arrange_new_map;
use crate::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};
use crate::render::measure::estimated_size;
use rng::Rng;
use sources::Library;

const NOTES: &[&str] = &[
    "Check whether the comparison areas are really comparable.",
    "The figures are preliminary; revisit after the next statistics release.",
    "This is the crux of the disagreement between the two reports.",
    "Ask the authors for the underlying data.",
];

/// A laid-out map of exactly `nodes` nodes, the same for the same `nodes` and `seed`.
pub fn generate(nodes: usize, seed: u64) -> ArgumentMap {
    let mut rng = Rng::new(seed);
    let topic = words::topic(&mut rng);
    let actor = words::actor(&mut rng);
    let mut map = ArgumentMap::new(format!("Should {actor} introduce {topic}?"));
    map.description =
        format!("A generated argument map ({nodes} nodes, seed {seed}) for tests and benchmarks.");
    if nodes == 0 {
        return map;
    }
    let slots = shape::grow(&mut rng, nodes);
    let library = Library::new(&mut rng, topic, (3 + nodes / 1000).min(40));
    let id = |i: usize| format!("n{}", i + 1);
    map.nodes.reserve(nodes);
    map.links.reserve(nodes + nodes / 100);
    for (i, slot) in slots.iter().enumerate() {
        let rebuttal =
            matches!(slot.parent, Some((p, _)) if slots[p].kind == NodeKind::Counterpoint);
        let text = if i == 0 {
            words::main_claim_text(&mut rng, topic, actor)
        } else {
            words::node_text(&mut rng, topic, slot.kind, rebuttal)
        };
        let mut node = Node::new(id(i), slot.kind, text, Position::default());
        let cites = match slot.kind {
            NodeKind::Evidence => 85,
            NodeKind::Counterpoint => 15,
            NodeKind::Claim => 5,
        };
        if rng.percent(cites) {
            let (first, citation) = library.citation(&mut rng, None);
            node.citations.push(citation);
            if rng.percent(15) {
                node.citations
                    .push(library.citation(&mut rng, Some(first)).1);
            }
        }
        if rng.percent(3) {
            node.notes = (*rng.pick(NOTES)).to_owned();
        }
        map.nodes.push(node);
    }
    let node_id = |i: usize| crate::model::NodeId::from(id(i));
    map.links = reasons::tree_reasons(&mut rng, &slots, &node_id);
    for (from, to) in cross::cross_links(&mut rng, &slots, nodes / 100) {
        map.links
            .push(Link::new(id(from), id(to), Relation::Supports));
    }
    map.sources = library.sources;
    map.main_claim = Some(map.nodes[0].id.clone());
    // Laid out with the estimated card sizes, as the app arranges cards it has not drawn yet.
    arrange_new_map(&mut map, &estimated_size);
    map
}
