//! `argmap evaluate MAP`: which nodes and reasons hold, are defeated or stay undecided, as a
//! table, as JSON, or explained for one node. The rules are in `docs/evaluation.md`.

use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::evaluate::{Evaluation, Judgements, Status, evaluate, explain, node_named};
use crate::format::{self, OpenError};
use crate::model::{ArgumentMap, Mark, Strength};
use serde_json::json;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, as_json: bool, explain_node: Option<&str>) -> ExitCode {
    let map = match format::open_valid(file) {
        Ok(map) => map,
        Err(OpenError::Invalid { diagnostics, .. }) => {
            for d in &diagnostics {
                eprintln!("{}", d.render(file));
            }
            eprintln!(
                "argmap: error: {} has errors; fix them (argmap check lists them) before weighing it",
                file.display()
            );
            return ExitCode::from(EXIT_INVALID);
        }
        Err(e) => {
            report_error(e);
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let judgements = Judgements::none(&map);
    let evaluation = evaluate(&map, &judgements);
    let text = match explain_node {
        Some(id) => {
            let Some(n) = node_named(&map, id) else {
                report_error(format!(
                    "{} has no node \"{id}\" (node ids are the `id:` fields of the file)",
                    file.display()
                ));
                return ExitCode::from(EXIT_USAGE);
            };
            let mut lines = explain(&map, &evaluation, n).join("\n");
            lines.push('\n');
            lines
        }
        None if as_json => {
            let mut text = serde_json::to_string_pretty(&to_json(&map, &judgements, &evaluation))
                .expect("JSON of strings and numbers");
            text.push('\n');
            text
        }
        None => table(&map, &judgements, &evaluation),
    };
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `argmap evaluate … | head`: the reader has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            report_error(format_args!("cannot write the evaluation: {e}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn main_claim(map: &ArgumentMap, evaluation: &Evaluation) -> Option<(usize, Status)> {
    let id = map.main_claim()?;
    let n = node_named(map, id.as_str())?;
    Some((n, evaluation.nodes[n]))
}

fn to_json(
    map: &ArgumentMap,
    judgements: &Judgements,
    evaluation: &Evaluation,
) -> serde_json::Value {
    let main = main_claim(map, evaluation)
        .map(|(n, status)| json!({"id": map.nodes[n].id.as_str(), "status": status.as_str()}));
    let nodes: Vec<_> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            json!({
                "id": node.id.as_str(),
                "mark": judgements.mark(i).map(Mark::as_str),
                "status": evaluation.nodes[i].as_str(),
            })
        })
        .collect();
    let reasons: Vec<_> = map
        .links
        .iter()
        .enumerate()
        .map(|(r, link)| {
            json!({
                "id": link.name(),
                "strength": judgements.strength(r).map(Strength::as_str),
                "weight": evaluation.weights[r],
                "status": evaluation.reasons[r].as_str(),
            })
        })
        .collect();
    json!({"main_claim": main, "nodes": nodes, "reasons": reasons})
}

/// The first words of a node's text, for one line of the table.
fn gist(text: &str) -> String {
    const MAX: usize = 70;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", line[..end].trim_end()),
        None => line,
    }
}

fn table(map: &ArgumentMap, judgements: &Judgements, evaluation: &Evaluation) -> String {
    let mut out = String::new();
    match main_claim(map, evaluation) {
        Some((n, status)) => {
            let _ = writeln!(
                out,
                "main claim \"{}\": {}",
                map.nodes[n].id,
                status.as_str()
            );
        }
        None => out.push_str("the map has no main claim\n"),
    }
    let count = |list: &[Status], s: Status| list.iter().filter(|&&x| x == s).count();
    let _ = writeln!(
        out,
        "{} nodes: {} hold, {} defeated, {} undecided; {} reasons: {} apply, {} do not, {} undecided",
        evaluation.nodes.len(),
        count(&evaluation.nodes, Status::Holds),
        count(&evaluation.nodes, Status::Defeated),
        count(&evaluation.nodes, Status::Undecided),
        evaluation.reasons.len(),
        count(&evaluation.reasons, Status::Holds),
        count(&evaluation.reasons, Status::Defeated),
        count(&evaluation.reasons, Status::Undecided),
    );
    let id_width = map
        .nodes
        .iter()
        .map(|n| n.id.as_str().chars().count())
        .max()
        .unwrap_or(2);
    let _ = writeln!(
        out,
        "\n{:<10} {:<9} {:<id_width$}  text",
        "status", "mark", "node"
    );
    for (i, node) in map.nodes.iter().enumerate() {
        let mark = judgements.mark(i).map(Mark::as_str).unwrap_or("-");
        let _ = writeln!(
            out,
            "{:<10} {:<9} {:<id_width$}  {}",
            evaluation.nodes[i].as_str(),
            mark,
            node.id.as_str(),
            gist(&node.text)
        );
    }
    if !map.links.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<10} {:<9} {:>6}  reason",
            "status", "strength", "weight"
        );
        for (r, link) in map.links.iter().enumerate() {
            let strength = judgements.strength(r).map(Strength::as_str).unwrap_or("-");
            let status = match evaluation.reasons[r] {
                Status::Holds => "applies",
                Status::Defeated => "fails",
                Status::Undecided => "undecided",
            };
            let _ = writeln!(
                out,
                "{status:<10} {strength:<9} {:>6.2}  {}",
                evaluation.weights[r],
                link.name()
            );
        }
    }
    for &(n, said) in &evaluation.disagreements {
        let _ = writeln!(
            out,
            "\nwarning: \"{}\" is marked {} but its reasons say it is {}",
            map.nodes[n].id,
            judgements.mark(n).map(Mark::as_str).unwrap_or("-"),
            said.as_str()
        );
    }
    out
}
