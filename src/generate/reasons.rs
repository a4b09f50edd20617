//! The reasons of a generated tree: each node bears on its parent, and some of the reasons are
//! richer — supporters side by side become one linked reason (about one reason in five), a
//! counterpoint under a supported node undercuts a supporting reason instead of rebutting
//! the node (about one in twenty), some reasons name a scheme from the catalogue and a few a
//! warrant, and some undercuts answer a critical question of the scheme they attack.

use super::rng::Rng;
use super::shape::Slot;
use crate::model::{Link, NodeId, NodeKind, Relation, scheme};

/// Chance (percent) that a supporting reason takes in the supporters after it.
const LINKED: u32 = 80;
/// Chance that a counterpoint under a node with a supporting reason undercuts that reason.
const UNDERCUT: u32 = 45;
/// Chance that a supporting reason names a scheme, and a warrant.
const SCHEMED: u32 = 12;
const WARRANTED: u32 = 3;

const WARRANTS: &[&str] = &[
    "What worked in comparable cities is likely to work here.",
    "An official statistic of this kind is usually reliable.",
    "A cost that lands on the poorest outweighs a gain spread thinly.",
];

/// The reasons of the tree `slots`, grouped by the node they bear on; `id` names node `i`.
pub fn tree_reasons(rng: &mut Rng, slots: &[Slot], id: &dyn Fn(usize) -> NodeId) -> Vec<Link> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    for (i, slot) in slots.iter().enumerate() {
        if let Some((parent, _)) = slot.parent {
            children[parent].push(i);
        }
    }
    let relation_of = |c: usize| slots[c].parent.map_or(Relation::Supports, |(_, r)| r);
    let catalogue = scheme::schemes();
    let mut links = Vec::with_capacity(slots.len());
    for (parent, kids) in children.iter().enumerate() {
        // The first supporting reason on this parent: what its counterpoints may undercut.
        let mut supported: Option<usize> = None;
        let mut k = 0;
        while k < kids.len() {
            let child = kids[k];
            k += 1;
            let relation = relation_of(child);
            let mut link = Link::new(id(child), id(parent), relation);
            if relation == Relation::Supports {
                if rng.percent(LINKED) {
                    let wanted = rng.between(1, 3);
                    while link.with.len() < wanted
                        && k < kids.len()
                        && relation_of(kids[k]) == Relation::Supports
                    {
                        link.with.push(id(kids[k]));
                        k += 1;
                    }
                }
                if rng.percent(SCHEMED) && !catalogue.is_empty() {
                    link.scheme = Some(rng.pick(catalogue).id.clone());
                }
                if rng.percent(WARRANTED) {
                    link.warrant = Some((*rng.pick(WARRANTS)).to_owned());
                }
                supported.get_or_insert(links.len());
            } else if slots[child].kind == NodeKind::Counterpoint
                && let Some(reason) = supported
                && rng.percent(UNDERCUT)
            {
                let attacked: &Link = &links[reason];
                link.undercuts = Some(attacked.from.clone());
                let questions = attacked
                    .scheme
                    .as_deref()
                    .and_then(scheme::find)
                    .map_or(0, |s| s.questions.len());
                if questions > 0 && rng.percent(50) {
                    link.answers = Some(rng.between(1, questions) as u32);
                }
            }
            links.push(link);
        }
    }
    links
}
