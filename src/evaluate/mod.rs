//! Weighing a map: which nodes hold, which are defeated and which stay undecided, from the
//! map's reasons and the analyst's judgements. The rules are in `docs/evaluation.md`; on a
//! map of plain attacks they are grounded semantics (Dung 1995), and a claim with reasons
//! for it is weighed by its proof standard (Carneades).
//!
//! Statuses are found as the least fixed point of the rules, in time linear in the map:
//! every node and reason starts undecided; one is decided as soon as the statuses already
//! decided settle it whatever the rest turn out to be; whatever is never settled stays
//! undecided. Deciding one item looks again only at the items that depend on it, and each
//! of those keeps counts (and its reasons sorted by weight) so that looking again costs
//! nothing more than what changed.

mod explain;
mod weight;

pub use explain::explain;
pub use weight::{credibility_factor, premise_factors, reason_weight, reliability_factor};

use crate::model::{ArgumentMap, Mark, ProofStandard, Relation, Strength};
use std::collections::VecDeque;

/// What the weighing says of a node or a reason. For a reason, "holds" means it applies:
/// its premises hold and no undercut of it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Holds,
    Defeated,
    Undecided,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Holds => "holds",
            Status::Defeated => "defeated",
            Status::Undecided => "undecided",
        }
    }
}

/// The analyst's judgements, by node index (marks, proof standards) and link index
/// (strengths). A map that records none weighs as [`Judgements::none`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Judgements {
    pub marks: Vec<Option<Mark>>,
    pub standards: Vec<Option<ProofStandard>>,
    pub strengths: Vec<Option<Strength>>,
}

impl Judgements {
    /// No judgements: every node unmarked, every claim weighed by preponderance, every
    /// reason moderate.
    pub fn none(map: &ArgumentMap) -> Self {
        Self {
            marks: vec![None; map.nodes.len()],
            standards: vec![None; map.nodes.len()],
            strengths: vec![None; map.links.len()],
        }
    }

    pub fn mark(&self, node: usize) -> Option<Mark> {
        self.marks.get(node).copied().flatten()
    }

    pub fn standard(&self, node: usize) -> ProofStandard {
        self.standards
            .get(node)
            .copied()
            .flatten()
            .unwrap_or_default()
    }

    pub fn strength(&self, link: usize) -> Option<Strength> {
        self.strengths.get(link).copied().flatten()
    }
}

/// The weighing of a map: a status for every node and every reason (by index), each
/// reason's weight, and where a mark and the map disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub nodes: Vec<Status>,
    pub reasons: Vec<Status>,
    pub weights: Vec<f32>,
    /// Marked nodes whose own reasons say otherwise: (node index, what the reasons say).
    pub disagreements: Vec<(usize, Status)>,
    graph: Graph,
    judgements: Judgements,
}

/// Where a reason bears: on a node, or (an undercut) on another reason's inference.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Node(usize),
    Reason(usize),
    /// Its target is not in the map (a map with errors): the reason never applies.
    Missing,
}

/// Lists of indices, one per item, in one allocation.
#[derive(Clone, Debug, Default, PartialEq)]
struct Lists {
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Lists {
    /// Lists for `count` items from (item, entry) pairs, entries in the order given.
    fn build(count: usize, pairs: &[(usize, usize)]) -> Self {
        let mut starts = vec![0; count + 1];
        for &(owner, _) in pairs {
            starts[owner + 1] += 1;
        }
        for i in 0..count {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut items = vec![0; pairs.len()];
        for &(owner, entry) in pairs {
            items[next[owner]] = entry;
            next[owner] += 1;
        }
        Self { starts, items }
    }

    fn of(&self, i: usize) -> &[usize] {
        &self.items[self.starts[i]..self.starts[i + 1]]
    }

    fn of_mut(&mut self, i: usize) -> &mut [usize] {
        &mut self.items[self.starts[i]..self.starts[i + 1]]
    }
}

/// The map as the weighing sees it, by index.
#[derive(Clone, Debug, Default, PartialEq)]
struct Graph {
    /// Each reason's premises (`None` where a premise is missing).
    premises: Vec<Option<Vec<usize>>>,
    targets: Vec<Target>,
    relations: Vec<Relation>,
    /// Each node's reasons for and against it, strongest first.
    pro: Lists,
    con: Lists,
    /// Each reason's undercuts.
    undercuts: Lists,
    /// Each node's reasons it is a premise of.
    premise_of: Lists,
}

impl Graph {
    /// The map by index, each node's reasons not yet sorted.
    fn of(map: &ArgumentMap) -> Self {
        let nodes = map.node_index();
        let reasons = map.reason_index();
        let (mut pro, mut con, mut undercut, mut premise_of) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut premises = Vec::with_capacity(map.links.len());
        let mut targets = Vec::with_capacity(map.links.len());
        for (r, link) in map.links.iter().enumerate() {
            let found: Option<Vec<usize>> =
                link.premises().map(|p| nodes.get(p).copied()).collect();
            if let Some(found) = &found {
                premise_of.extend(found.iter().map(|&p| (p, r)));
            }
            premises.push(found);
            let target = match link.undercut_target() {
                Some(attacked) => reasons
                    .get(&attacked)
                    .map_or(Target::Missing, |&a| Target::Reason(a)),
                None => nodes
                    .get(&link.to)
                    .map_or(Target::Missing, |&n| Target::Node(n)),
            };
            match (target, link.relation) {
                (Target::Node(n), Relation::Supports) => pro.push((n, r)),
                (Target::Node(n), Relation::Opposes) => con.push((n, r)),
                (Target::Reason(a), _) => undercut.push((a, r)),
                (Target::Missing, _) => {}
            }
            targets.push(target);
        }
        let count = map.nodes.len();
        Self {
            premises,
            targets,
            relations: map.links.iter().map(|l| l.relation).collect(),
            pro: Lists::build(count, &pro),
            con: Lists::build(count, &con),
            undercuts: Lists::build(map.links.len(), &undercut),
            premise_of: Lists::build(count, &premise_of),
        }
    }

    /// Sorts each node's reasons for and against it, strongest first.
    fn sort_by_weight(&mut self, weights: &[f32]) {
        let by_weight = |a: &usize, b: &usize| weights[*b].total_cmp(&weights[*a]);
        for n in 0..self.pro.starts.len() - 1 {
            self.pro.of_mut(n).sort_by(by_weight);
            self.con.of_mut(n).sort_by(by_weight);
        }
    }
}

/// Weighs `map` with the analyst's `judgements`.
pub fn evaluate(map: &ArgumentMap, judgements: &Judgements) -> Evaluation {
    let factors = premise_factors(map, &judgements.marks);
    let mut graph = Graph::of(map);
    let weights: Vec<f32> = graph
        .premises
        .iter()
        .enumerate()
        .map(|(r, premises)| {
            let premises = premises.as_deref().unwrap_or_default();
            reason_weight(judgements.strength(r), premises.iter().map(|&p| factors[p]))
        })
        .collect();
    graph.sort_by_weight(&weights);
    let mut run = Run::new(&graph, judgements, &weights);
    run.settle();
    let node_status: Vec<Status> = run
        .nodes
        .iter()
        .map(|s| s.unwrap_or(Status::Undecided))
        .collect();
    let reason_status: Vec<Status> = run
        .reasons
        .iter()
        .map(|s| s.unwrap_or(Status::Undecided))
        .collect();
    let mut evaluation = Evaluation {
        nodes: node_status,
        reasons: reason_status,
        weights,
        disagreements: Vec::new(),
        graph,
        judgements: judgements.clone(),
    };
    evaluation.disagreements = (0..map.nodes.len())
        .filter_map(|n| {
            let mark = judgements.mark(n)?;
            let said = reasons_say(&evaluation, n)?;
            let disagrees = matches!(
                (mark, said),
                (Mark::Accepted, Status::Defeated) | (Mark::Rejected, Status::Holds)
            );
            disagrees.then_some((n, said))
        })
        .collect();
    evaluation
}

/// What node `n`'s own reasons make of it, given everything else's status: `None` for a
/// node that no reason bears on (nothing to disagree with).
fn reasons_say(evaluation: &Evaluation, n: usize) -> Option<Status> {
    let graph = &evaluation.graph;
    let (pro, con) = (graph.pro.of(n), graph.con.of(n));
    if pro.is_empty() && con.is_empty() {
        return None;
    }
    let status = |r: usize| evaluation.reasons[r];
    let weight = |r: usize| evaluation.weights[r];
    let strongest = |list: &[usize], counts: &dyn Fn(Status) -> bool| {
        list.iter()
            .copied()
            .filter(|&r| counts(status(r)))
            .map(weight)
            .reduce(f32::max)
    };
    let holds = |s: Status| s == Status::Holds;
    let not_defeated = |s: Status| s != Status::Defeated;
    Some(judge(
        evaluation.judgements.standard(n),
        Bounds {
            worst_pro: strongest(pro, &holds),
            worst_con: strongest(con, &not_defeated),
            best_pro: strongest(pro, &not_defeated),
            best_con: strongest(con, &holds),
        },
    ))
}

/// The strongest reasons for and against a node in the worst case (every undecided reason
/// against it applies, none for it) and the best (the other way round).
struct Bounds {
    worst_pro: Option<f32>,
    worst_con: Option<f32>,
    best_pro: Option<f32>,
    best_con: Option<f32>,
}

/// A node's status from its bounds. A node holds by presumption while no reason against
/// it applies; once one does, the reasons for it must outweigh those against it by its
/// proof standard. Both tests only get easier with more reasons for it and harder with more
/// against, so the worst case settles "holds" and the best case "defeated".
fn judge(standard: ProofStandard, b: Bounds) -> Status {
    let met = |pro: Option<f32>, con: Option<f32>| con.is_none_or(|con| standard.met(pro, con));
    if met(b.worst_pro, b.worst_con) {
        Status::Holds
    } else if !met(b.best_pro, b.best_con) {
        Status::Defeated
    } else {
        Status::Undecided
    }
}

#[derive(Clone, Copy)]
enum Item {
    Node(usize),
    Reason(usize),
}

/// The state of one weighing: what is decided so far, and for each undecided item the
/// counts that say when it can be.
struct Run<'a> {
    graph: &'a Graph,
    judgements: &'a Judgements,
    weights: &'a [f32],
    nodes: Vec<Option<Status>>,
    reasons: Vec<Option<Status>>,
    /// Per reason: premises not yet holding; undercuts not yet defeated; whether a premise
    /// is defeated, or an undercut holds.
    premises_open: Vec<usize>,
    undercuts_open: Vec<usize>,
    premise_failed: Vec<bool>,
    undercut_held: Vec<bool>,
    /// Per node: the strongest reason for / against it that holds so far.
    pro_holding: Vec<Option<f32>>,
    con_holding: Vec<Option<f32>>,
    /// Per node: where in its (strongest first) lists the first reason not defeated is.
    pro_first_open: Vec<usize>,
    con_first_open: Vec<usize>,
    queue: VecDeque<Item>,
}

impl<'a> Run<'a> {
    fn new(graph: &'a Graph, judgements: &'a Judgements, weights: &'a [f32]) -> Self {
        let (n, r) = (graph.pro.starts.len() - 1, graph.targets.len());
        Self {
            graph,
            judgements,
            weights,
            nodes: vec![None; n],
            reasons: vec![None; r],
            premises_open: graph
                .premises
                .iter()
                .map(|p| p.as_ref().map_or(0, Vec::len))
                .collect(),
            undercuts_open: (0..r).map(|i| graph.undercuts.of(i).len()).collect(),
            premise_failed: vec![false; r],
            undercut_held: vec![false; r],
            pro_holding: vec![None; n],
            con_holding: vec![None; n],
            pro_first_open: vec![0; n],
            con_first_open: vec![0; n],
            queue: VecDeque::new(),
        }
    }

    fn settle(&mut self) {
        for n in 0..self.nodes.len() {
            self.look_at_node(n);
        }
        for r in 0..self.reasons.len() {
            self.look_at_reason(r);
        }
        while let Some(item) = self.queue.pop_front() {
            match item {
                Item::Node(n) => {
                    let status = self.nodes[n].expect("queued when decided");
                    for &r in self.graph.premise_of.of(n) {
                        match status {
                            Status::Holds => self.premises_open[r] -= 1,
                            _ => self.premise_failed[r] = true,
                        }
                        self.look_at_reason(r);
                    }
                }
                Item::Reason(r) => {
                    let status = self.reasons[r].expect("queued when decided");
                    match self.graph.targets[r] {
                        Target::Node(n) => {
                            if status == Status::Holds {
                                let weight = self.weights[r];
                                let holding = match self.graph.relations[r] {
                                    Relation::Supports => &mut self.pro_holding[n],
                                    Relation::Opposes => &mut self.con_holding[n],
                                };
                                *holding = Some(holding.map_or(weight, |h| h.max(weight)));
                            }
                            self.look_at_node(n);
                        }
                        Target::Reason(a) => {
                            match status {
                                Status::Defeated => self.undercuts_open[a] -= 1,
                                _ => self.undercut_held[a] = true,
                            }
                            self.look_at_reason(a);
                        }
                        Target::Missing => {}
                    }
                }
            }
        }
    }

    fn decide_reason(&mut self, r: usize, status: Status) {
        self.reasons[r] = Some(status);
        self.queue.push_back(Item::Reason(r));
    }

    fn look_at_reason(&mut self, r: usize) {
        if self.reasons[r].is_some() {
            return;
        }
        let graph = self.graph;
        let never = self.judgements.strength(r) == Some(Strength::None)
            || graph.premises[r].is_none()
            || graph.targets[r] == Target::Missing;
        if never || self.premise_failed[r] || self.undercut_held[r] {
            self.decide_reason(r, Status::Defeated);
        } else if self.premises_open[r] == 0 && self.undercuts_open[r] == 0 {
            self.decide_reason(r, Status::Holds);
        }
    }

    fn look_at_node(&mut self, n: usize) {
        if self.nodes[n].is_some() {
            return;
        }
        let status = match self.judgements.mark(n) {
            Some(Mark::Accepted) => Some(Status::Holds),
            Some(Mark::Rejected) => Some(Status::Defeated),
            None => {
                let best_pro = self.first_open(n, Relation::Supports);
                let worst_con = self.first_open(n, Relation::Opposes);
                let bounds = Bounds {
                    worst_pro: self.pro_holding[n],
                    worst_con,
                    best_pro,
                    best_con: self.con_holding[n],
                };
                match judge(self.judgements.standard(n), bounds) {
                    Status::Undecided => None,
                    decided => Some(decided),
                }
            }
        };
        if let Some(status) = status {
            self.nodes[n] = Some(status);
            self.queue.push_back(Item::Node(n));
        }
    }

    /// The weight of node `n`'s strongest reason for (or against) it that is not defeated,
    /// moving past those that are (each is passed once in a whole run).
    fn first_open(&mut self, n: usize, relation: Relation) -> Option<f32> {
        let (list, at) = match relation {
            Relation::Supports => (self.graph.pro.of(n), &mut self.pro_first_open[n]),
            Relation::Opposes => (self.graph.con.of(n), &mut self.con_first_open[n]),
        };
        while *at < list.len() && self.reasons[list[*at]] == Some(Status::Defeated) {
            *at += 1;
        }
        list.get(*at).map(|&r| self.weights[r])
    }
}

/// The index of the node with this id, for a caller that names one (the command line).
pub fn node_named(map: &ArgumentMap, id: &str) -> Option<usize> {
    map.nodes.iter().position(|n| n.id.as_str() == id)
}

#[cfg(test)]
mod tests;
