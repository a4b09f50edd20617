//! Reasons as an import makes them, kept to argmap's rules as they are added: a node is a
//! premise of at most one reason on a node, never of a reason on itself, and once per reason.
//! The AIF and Argdown readers both build their links through this, so that what a file says
//! beyond those rules is reported the same way and never makes an invalid map.

use super::Message;
use crate::model::{Link, Node, Relation, scheme};
use std::collections::{HashMap, HashSet};

/// A message at `line` when it is known.
fn placed(line: Option<usize>, message: String) -> Message {
    match line {
        Some(l) => Message::at(l, None, message),
        None => Message::nowhere(message),
    }
}

/// A reason being made, its nodes by index into the map's nodes.
pub(crate) struct Reason {
    /// The first is the link's `from`, the rest its co-premises.
    pub premises: Vec<usize>,
    pub target: usize,
    pub relation: Relation,
    /// For an undercut: the first premise of the reason on `target` it attacks.
    pub undercuts: Option<usize>,
    pub scheme: Option<String>,
    /// The place in the map's list of links, in the file's order: for AIF the S-node (or,
    /// after them, the edge) that makes the reason, then the target's place among that
    /// node's targets; for Argdown the byte offset of what says it.
    pub order: (usize, usize),
    /// The AIF RA or CA node it comes from.
    pub s_node: Option<usize>,
    pub warrant: Option<String>,
    pub answers: Option<u32>,
}

impl Reason {
    /// A reason with nothing beyond its premises, target and relation, at `order`.
    pub fn new(
        premises: Vec<usize>,
        target: usize,
        relation: Relation,
        order: (usize, usize),
    ) -> Self {
        Reason {
            premises,
            target,
            relation,
            undercuts: None,
            scheme: None,
            order,
            s_node: None,
            warrant: None,
            answers: None,
        }
    }

    /// The link this reason is, its nodes named by `nodes`.
    pub fn to_link(&self, nodes: &[Node]) -> Link {
        let id = |i: usize| nodes[i].id.clone();
        let mut link = Link::new(id(self.premises[0]), id(self.target), self.relation);
        link.with = self.premises[1..].iter().map(|&p| id(p)).collect();
        link.undercuts = self.undercuts.map(id);
        link.scheme = self.scheme.clone();
        link.warrant = self.warrant.clone();
        link.answers = self.answers;
        link
    }
}

/// The reasons being made, kept to argmap's rules as they are added.
#[derive(Default)]
pub(crate) struct Reasons {
    pub list: Vec<Reason>,
    /// The reason each (premise, target) belongs to: a node is a premise of one reason on a
    /// node (which also makes each first premise–target pair name one reason).
    premise_of: HashMap<(usize, usize), usize>,
}

impl Reasons {
    /// Adds `reason` without the premises argmap cannot keep (each reported): a repeat, the
    /// target itself, a node that bears on the target in another reason already. A reason
    /// left without premises is left out. `via` names the AIF node or edge in messages.
    pub fn add(
        &mut self,
        mut reason: Reason,
        names: &[Node],
        via: &str,
        line: Option<usize>,
        warnings: &mut Vec<Message>,
    ) -> Option<usize> {
        let target = reason.target;
        let had_one_premise = reason.premises.len() == 1;
        let name = |i: usize| names[i].id.as_str();
        let mut seen = HashSet::new();
        reason.premises.retain(|&p| {
            let problem = if p == target {
                format!("{via} has \"{}\" bear on itself; that premise is left out", name(p))
            } else if !seen.insert(p) {
                format!("{via} lists the premise \"{}\" twice; it is kept once", name(p))
            } else if let Some(&other) = self.premise_of.get(&(p, target)) {
                format!(
                    "{via}: \"{}\" bears on \"{}\" in another reason already (the one from \"{}\"), and argmap keeps a node in one reason per target; it is left out of this one",
                    name(p),
                    name(target),
                    name(self.list[other].premises[0])
                )
            } else {
                return true;
            };
            warnings.push(placed(line, problem));
            false
        });
        if reason.premises.is_empty() {
            // With one premise, the message about it already says the reason is gone.
            if had_one_premise {
                return None;
            }
            warnings.push(placed(
                line,
                format!(
                    "{via} has no premise left for \"{}\"; that reason is left out",
                    name(target)
                ),
            ));
            return None;
        }
        let index = self.list.len();
        for &p in &reason.premises {
            self.premise_of.insert((p, target), index);
        }
        self.list.push(reason);
        Some(index)
    }
}

/// Whether a scheme's name says nothing: OVA's and AIFdb's defaults ("Default Inference",
/// "Default Conflict") or a bare word for an inference or conflict.
fn says_no_scheme(name: &str) -> bool {
    let key = scheme::normalised(name);
    key.is_empty()
        || key.starts_with("default")
        || matches!(key.as_str(), "ra" | "ca" | "inference" | "conflict")
}

/// What a map stores for a scheme named `name` in a file (an AIF S-node, an Argdown inference
/// rule): the catalogue's id, or the name as written, or nothing for a default.
pub(crate) fn scheme_named(name: &str) -> Option<String> {
    let name = name.trim();
    if says_no_scheme(name) {
        return None;
    }
    Some(scheme::find(name).map_or_else(|| name.to_owned(), |s| s.id.clone()))
}
