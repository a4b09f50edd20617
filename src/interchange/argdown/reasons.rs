//! From what an Argdown document says to argmap's reasons.
//!
//! Each inference of a premise–conclusion structure is one reason: all the statements it
//! rests on (those since the previous inference, and the previous conclusion) bear on its
//! conclusion together. Relations between statements are one-premise reasons. An undercut
//! (`<_`, `_>`) of an argument or of an inference is an undercut of that inference's reason.
//! As in Argdown, what an argument with a structure supports or attacks, its main conclusion
//! does. argmap writes an opposing reason as an argument whose conclusion is marked
//! `{argmap: against}` and attacks (or undercuts) what the reason opposes; that conclusion
//! is no node of its own: the reason's premises oppose the target directly.

use crate::interchange::Message;
use crate::interchange::lines::LineStarts;
use crate::interchange::reasons::{Reason, Reasons};
use crate::model::{Link, Node, Relation};
use std::collections::HashMap;

/// One end of a relation: a statement or argument, or an inference of a structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Entity(usize),
    Inference(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelKind {
    Supports,
    Attacks,
    Undercuts,
}

/// A relation as written: `from` supports, attacks or undercuts `to`, at a byte offset.
#[derive(Clone, Copy, Debug)]
pub struct Said {
    pub from: End,
    pub to: End,
    pub kind: RelKind,
    pub at: usize,
}

/// An inference of a structure, its statements by entity.
#[derive(Debug)]
pub struct Inference {
    pub premises: Vec<usize>,
    pub conclusion: usize,
    /// The argument the structure reconstructs.
    pub argument: Option<usize>,
    pub scheme: Option<String>,
    pub warrant: Option<String>,
    pub answers: Option<u32>,
    pub at: usize,
}

/// What the document said, and how its entities became nodes.
pub struct Document<'a> {
    pub relations: Vec<Said>,
    pub inferences: Vec<Inference>,
    /// The node each entity is, if it is one.
    pub node_of: &'a [Option<usize>],
    /// For an argument with a structure: its last inference.
    pub main_inference: &'a [Option<usize>],
    /// For a conclusion argmap marked `{argmap: against}`: the inference it concludes.
    pub against_of: &'a [Option<usize>],
    /// How an entity is written in messages (`[T]`, `<T>`).
    pub shown: &'a dyn Fn(usize) -> String,
    pub lines: &'a LineStarts,
}

/// Where a relation's support or attack comes from.
enum Source {
    Node(usize),
    /// The premises of an opposing reason argmap wrote as an argument.
    Against(usize),
}

enum Target {
    Node(usize),
    /// The reason of an inference (an undercut).
    Reason(usize),
}

/// The map's links, in the document's order, each kept to argmap's rules (what breaks them
/// is reported with its line).
pub fn links(doc: Document, nodes: &[Node], warnings: &mut Vec<Message>) -> Vec<Link> {
    let line = |at: usize| Some(doc.lines.line(at));
    let warn = |warnings: &mut Vec<Message>, at: usize, text: String| {
        warnings.push(Message::at(doc.lines.line(at), None, text));
    };
    let shown = doc.shown;
    // What each opposing reason written as an argument bears on, from the relation that says.
    let mut carried: Vec<Option<(usize, Relation)>> = vec![None; doc.inferences.len()];
    // The inferences whose opposing reason a relation made an undercut.
    let mut undercutting = vec![false; doc.inferences.len()];
    let mut plain: Vec<(usize, usize, Relation, usize)> = Vec::new();
    let mut undercuts: Vec<(Source, usize, usize)> = Vec::new();
    for said in &doc.relations {
        let source = match said.from {
            End::Inference(_) => {
                warn(
                    warnings,
                    said.at,
                    "an inference can be undercut, not support or attack anything; that relation is left out".into(),
                );
                continue;
            }
            End::Entity(e) => {
                // What an argument with a structure supports or attacks, its conclusion does.
                let e = doc.main_inference[e].map_or(e, |m| doc.inferences[m].conclusion);
                match (doc.against_of[e], doc.node_of[e]) {
                    (Some(k), _) => Source::Against(k),
                    (None, Some(n)) => Source::Node(n),
                    (None, None) => continue,
                }
            }
        };
        let target = match said.to {
            End::Inference(_) if said.kind == RelKind::Supports => {
                warn(
                    warnings,
                    said.at,
                    "an inference can be undercut, not supported; that relation is left out".into(),
                );
                continue;
            }
            End::Inference(j) => Target::Reason(j),
            End::Entity(t) => match doc.main_inference[t] {
                Some(m) => match said.kind {
                    RelKind::Undercuts => Target::Reason(m),
                    RelKind::Attacks => {
                        warn(
                            warnings,
                            said.at,
                            format!(
                                "an attack on the argument {} is read as an undercut of its inference (Argdown leaves open which premise it attacks)",
                                shown(t)
                            ),
                        );
                        Target::Reason(m)
                    }
                    RelKind::Supports => {
                        let c = doc.inferences[m].conclusion;
                        let Some(n) = doc.node_of[c] else { continue };
                        warn(
                            warnings,
                            said.at,
                            format!(
                                "a support of the argument {} is read as a support of its conclusion {}",
                                shown(t),
                                shown(c)
                            ),
                        );
                        Target::Node(n)
                    }
                },
                None => match doc.node_of[t] {
                    Some(n) => Target::Node(n),
                    None => {
                        warn(
                            warnings,
                            said.at,
                            format!(
                                "{} is the conclusion argmap wrote for an opposing reason; a relation to it is left out",
                                shown(t)
                            ),
                        );
                        continue;
                    }
                },
            },
        };
        let relation = match said.kind {
            RelKind::Supports => Relation::Supports,
            RelKind::Attacks | RelKind::Undercuts => Relation::Opposes,
        };
        match (source, target) {
            (Source::Node(f), Target::Node(t)) => plain.push((f, t, relation, said.at)),
            (source, Target::Reason(j)) => {
                if let Source::Against(k) = source {
                    undercutting[k] = true;
                }
                undercuts.push((source, j, said.at))
            }
            (Source::Against(k), Target::Node(target)) => {
                if carried[k].is_some() {
                    warn(
                        warnings,
                        said.at,
                        "an opposing reason argmap wrote as an argument bears on one thing; this relation of its conclusion is left out".into(),
                    );
                } else {
                    carried[k] = Some((target, relation));
                }
            }
        }
    }

    // Reasons on nodes first, in the document's order; undercuts after, as each needs the
    // reason it attacks.
    let mut reasons = Reasons::default();
    let mut reason_of: Vec<Option<usize>> = vec![None; doc.inferences.len()];
    let premises_of = |k: usize, warnings: &mut Vec<Message>| -> Vec<usize> {
        let inference = &doc.inferences[k];
        inference
            .premises
            .iter()
            .filter_map(|&p| {
                let node = doc.node_of[p];
                if node.is_none() {
                    warn(
                        warnings,
                        inference.at,
                        format!("{} cannot be a premise; it is left out", shown(p)),
                    );
                }
                node
            })
            .collect()
    };
    let via = |k: usize| match doc.inferences[k].argument {
        Some(a) => format!("the inference of {}", shown(a)),
        None => "the inference".to_owned(),
    };
    // What an argument's data says of its reason beyond the structure.
    let with_extras = |r: Reason, k: usize| {
        let inference = &doc.inferences[k];
        Reason {
            scheme: inference.scheme.clone(),
            warrant: inference.warrant.clone(),
            answers: inference.answers,
            ..r
        }
    };
    enum Step {
        Plain(usize, usize, Relation, usize),
        Inference(usize, usize, Relation),
    }
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (k, inference) in doc.inferences.iter().enumerate() {
        let c = inference.conclusion;
        if doc.against_of[c] == Some(k) {
            match carried[k].take() {
                Some((t, relation)) => steps.push((inference.at, Step::Inference(k, t, relation))),
                None if undercutting[k] => {}
                None => warn(
                    warnings,
                    inference.at,
                    format!(
                        "{} opposes nothing: no relation says what; that reason is left out",
                        via(k)
                    ),
                ),
            }
        } else if let Some(t) = doc.node_of[c] {
            steps.push((inference.at, Step::Inference(k, t, Relation::Supports)));
        }
    }
    // A relation between the same two statements said again is one reason; said both ways,
    // the first is kept.
    let mut seen: HashMap<(usize, usize), (Relation, usize)> = HashMap::new();
    for (f, t, relation, at) in plain {
        match seen.get(&(f, t)) {
            Some(&(r, _)) if r == relation => {}
            Some(&(_, first)) => warn(
                warnings,
                at,
                format!(
                    "\"{}\" both supports and attacks \"{}\"; argmap keeps the relation on line {}",
                    nodes[f].id,
                    nodes[t].id,
                    doc.lines.line(first)
                ),
            ),
            None => {
                seen.insert((f, t), (relation, at));
                steps.push((at, Step::Plain(f, t, relation, at)));
            }
        }
    }
    // An inference's reason is added before the relations: a premise that is also said to
    // support the conclusion on its own (or the argument) is then reported, and the linked
    // reason the structure states is kept whole. The map's links are in the file's order.
    steps.sort_by_key(|(at, step)| (matches!(step, Step::Plain(..)), *at));
    for (at, step) in steps {
        match step {
            Step::Plain(f, t, relation, at) => {
                if f == t {
                    warn(
                        warnings,
                        at,
                        format!(
                            "\"{}\" cannot support or attack itself; that relation is left out",
                            nodes[f].id
                        ),
                    );
                    continue;
                }
                let via = format!("the relation from \"{}\"", nodes[f].id);
                let r = Reason::new(vec![f], t, relation, (at, 0));
                reasons.add(r, nodes, &via, line(at), warnings);
            }
            Step::Inference(k, t, relation) => {
                let inference = &doc.inferences[k];
                let r = Reason::new(premises_of(k, warnings), t, relation, (at, 0));
                if r.premises.is_empty() {
                    continue;
                }
                let r = with_extras(r, k);
                reason_of[k] = reasons.add(r, nodes, &via(k), line(inference.at), warnings);
            }
        }
    }
    // Undercuts in rounds: one of an undercut waits for it.
    let mut waiting = undercuts;
    loop {
        let before = waiting.len();
        let mut later = Vec::new();
        for (source, j, at) in waiting {
            let Some(attacked) = reason_of[j] else {
                later.push((source, j, at));
                continue;
            };
            let (target, first) = {
                let a = &reasons.list[attacked];
                (a.target, a.premises[0])
            };
            let (premises, from_inference) = match source {
                Source::Node(n) => (vec![n], None),
                Source::Against(k) => (premises_of(k, warnings), Some(k)),
            };
            if premises.is_empty() {
                continue;
            }
            let mut r = Reason::new(premises, target, Relation::Opposes, (at, 0));
            r.undercuts = Some(first);
            let (r, via) = match from_inference {
                Some(k) => (with_extras(r, k), via(k)),
                None => {
                    let via = format!("the undercut from \"{}\"", nodes[r.premises[0]].id);
                    (r, via)
                }
            };
            let made = reasons.add(r, nodes, &via, line(at), warnings);
            if let Some(k) = from_inference {
                reason_of[k] = made;
            }
        }
        if later.is_empty() || later.len() == before {
            for (_, j, at) in later {
                warn(
                    warnings,
                    at,
                    format!(
                        "this undercut attacks {}, whose reason is left out; so is the undercut",
                        via(j)
                    ),
                );
            }
            break;
        }
        waiting = later;
    }
    let mut list = reasons.list;
    list.sort_by_key(|r| r.order);
    list.iter().map(|r| r.to_link(nodes)).collect()
}
