//! How much a reason weighs: its strength, discounted by how far its premises' sources can
//! be trusted (Admiralty ratings). See `docs/evaluation.md`, "Weights".

use crate::model::{ArgumentMap, Credibility, Mark, NodeKind, Reliability, SourceId, Strength};
use std::collections::HashMap;

/// What a source's reliability rating leaves of a reason's weight. F (cannot be judged)
/// discounts nothing, as no rating does: only a judgement against a source lowers it.
pub fn reliability_factor(rating: Option<Reliability>) -> f32 {
    match rating {
        Some(Reliability::A) | Some(Reliability::F) | None => 1.0,
        Some(Reliability::B) => 0.85,
        Some(Reliability::C) => 0.7,
        Some(Reliability::D) => 0.5,
        Some(Reliability::E) => 0.25,
    }
}

/// What an item's credibility rating leaves of a reason's weight; 6 (cannot be judged)
/// discounts nothing.
pub fn credibility_factor(rating: Option<Credibility>) -> f32 {
    match rating.map(Credibility::level) {
        Some(1) | Some(6) | None => 1.0,
        Some(2) => 0.85,
        Some(3) => 0.7,
        Some(4) => 0.5,
        _ => 0.25,
    }
}

/// Each node's factor as a premise, by node index: 1 for claims, counterpoints and
/// evidence the analyst has marked; for unmarked evidence, its best-rated source's
/// reliability × credibility (1 when it cites none or none is rated).
pub fn premise_factors(map: &ArgumentMap, marks: &[Option<Mark>]) -> Vec<f32> {
    let sources: HashMap<&SourceId, f32> = map
        .sources
        .iter()
        .map(|s| {
            let factor = reliability_factor(s.reliability) * credibility_factor(s.credibility);
            (&s.id, factor)
        })
        .collect();
    map.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            if node.kind != NodeKind::Evidence || marks.get(i).copied().flatten().is_some() {
                return 1.0;
            }
            node.citations
                .iter()
                .filter_map(|c| sources.get(&c.source).copied())
                .reduce(f32::max)
                .unwrap_or(1.0)
        })
        .collect()
}

/// A reason's weight: its strength's (moderate when unset) times its weakest premise's
/// factor.
pub fn reason_weight(
    strength: Option<Strength>,
    premise_factors: impl Iterator<Item = f32>,
) -> f32 {
    Strength::weight(strength) * premise_factors.fold(1.0, f32::min)
}
