//! Why a node holds, is defeated or stays undecided: the reasons, undercuts and judgements
//! that decide it, in words.

use super::{Evaluation, Status};
use crate::model::{ArgumentMap, Strength};

/// The explanation of node `n`'s status, one line per step, the first naming the node.
pub fn explain(map: &ArgumentMap, evaluation: &Evaluation, n: usize) -> Vec<String> {
    let node = &map.nodes[n];
    let status = evaluation.nodes[n];
    let mut lines = vec![format!("\"{}\" {}", node.id, status.as_str())];
    let graph = &evaluation.graph;
    let judgements = &evaluation.judgements;
    if let Some(mark) = judgements.mark(n) {
        lines.push(format!(
            "the analyst marked it {}: the mark decides it",
            mark.as_str()
        ));
        if let Some(&(_, said)) = evaluation.disagreements.iter().find(|(d, _)| *d == n) {
            lines.push(format!("but its own reasons say it is {}", said.as_str()));
        }
        return lines;
    }
    let (pro, con) = (graph.pro.of(n), graph.con.of(n));
    if pro.is_empty() && con.is_empty() {
        lines.push("no reason bears on it: it holds by presumption".to_owned());
        return lines;
    }
    let strongest = |list: &[usize]| {
        list.iter()
            .copied()
            .find(|&r| evaluation.reasons[r] == Status::Holds)
    };
    if status == Status::Holds && strongest(con).is_none() {
        lines.push("no reason against it applies: it holds by presumption".to_owned());
    } else {
        let weighed = |r: Option<usize>| match r {
            Some(r) => format!("\"{}\" ({:.2})", map.links[r].name(), evaluation.weights[r]),
            None => "none".to_owned(),
        };
        lines.push(format!(
            "weighed by {}: the strongest reason for it that applies is {}, against it {}",
            judgements.standard(n).as_str(),
            weighed(strongest(pro)),
            weighed(strongest(con)),
        ));
    }
    for (&r, word) in pro
        .iter()
        .map(|r| (r, "for"))
        .chain(con.iter().map(|r| (r, "against")))
    {
        lines.push(format!(
            "  reason {word} it \"{}\" {}",
            map.links[r].name(),
            why_reason(map, evaluation, r)
        ));
    }
    lines
}

/// Why reason `r` applies or not, naming the premise or undercut that settles it.
fn why_reason(map: &ArgumentMap, evaluation: &Evaluation, r: usize) -> String {
    let graph = &evaluation.graph;
    let weight = evaluation.weights[r];
    if evaluation.judgements.strength(r) == Some(Strength::None) {
        return "does not apply: judged not to bear on it".to_owned();
    }
    let Some(premises) = &graph.premises[r] else {
        return "does not apply: a premise is not in the map".to_owned();
    };
    let name = |n: usize| &map.nodes[n].id;
    let premise_with = |s: Status| premises.iter().copied().find(|&p| evaluation.nodes[p] == s);
    let undercut_with = |s: Status| {
        graph
            .undercuts
            .of(r)
            .iter()
            .copied()
            .find(|&u| evaluation.reasons[u] == s)
    };
    match evaluation.reasons[r] {
        Status::Holds => {
            format!("applies ({weight:.2}): its premises hold and nothing undercuts it")
        }
        Status::Defeated => match (premise_with(Status::Defeated), undercut_with(Status::Holds)) {
            (Some(p), _) => format!("does not apply: its premise \"{}\" is defeated", name(p)),
            (None, Some(u)) => format!(
                "does not apply: the undercut \"{}\" holds",
                map.links[u].name()
            ),
            (None, None) => "does not apply: its target is not in the map".to_owned(),
        },
        Status::Undecided => match (
            premise_with(Status::Undecided),
            undercut_with(Status::Undecided),
        ) {
            (Some(p), _) => format!("is undecided: its premise \"{}\" is undecided", name(p)),
            (None, Some(u)) => format!(
                "is undecided: the undercut \"{}\" is undecided",
                map.links[u].name()
            ),
            (None, None) => "is undecided".to_owned(),
        },
    }
}
