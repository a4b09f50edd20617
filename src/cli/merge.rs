//! `argmap merge BASE OURS THEIRS -o OUT`: three-way merge of maps; a git merge driver
//! (`argmap merge %O %A %B -o %A`).

use super::diff::read_maps;
use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::diff::merge;
use crate::format;
use std::path::Path;
use std::process::ExitCode;

pub fn run(base: &Path, ours: &Path, theirs: &Path, out: &Path) -> ExitCode {
    let ((b, b_errors), (o, o_errors), (t, t_errors)) = match read_maps([base, ours, theirs]) {
        [Ok(b), Ok(o), Ok(t)] => (b, o, t),
        [b, o, t] => {
            for e in [b.err(), o.err(), t.err()].into_iter().flatten() {
                report_error(e);
            }
            return ExitCode::from(EXIT_USAGE);
        }
    };
    // Items are merged by id: a duplicate id, or a link or citation naming nothing, would be
    // merged away without a word. Refuse, and write nothing (git keeps ours as it was).
    let problems = [(base, b_errors), (ours, o_errors), (theirs, t_errors)];
    if problems.iter().any(|(_, errors)| !errors.is_empty()) {
        let mut count = 0;
        for (path, errors) in &problems {
            for e in errors {
                eprintln!("{}", e.render(path));
                count += 1;
            }
        }
        report_error(format_args!(
            "not merged: {count} error{} in the maps to merge would be lost or changed; fix {} (`argmap check` lists them) and merge again",
            if count == 1 { "" } else { "s" },
            if count == 1 { "it" } else { "them" }
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let merged = merge(&b, &o, &t);
    for note in &merged.notes {
        eprintln!("{}: note: {note}", out.display());
    }
    for conflict in &merged.conflicts {
        eprintln!("{}: {conflict}", out.display());
    }
    if let Err(e) = format::save(&merged.map, out) {
        report_error(format_args!("cannot write {}: {e}", out.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    if merged.conflicts.is_empty() {
        eprintln!(
            "merged into {}: {} nodes, {} links, {} sources",
            out.display(),
            merged.map.nodes.len(),
            merged.map.links.len(),
            merged.map.sources.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "merged into {} with {} conflict{}; each is resolved as the line says (check them, then commit)",
            out.display(),
            merged.conflicts.len(),
            if merged.conflicts.len() == 1 { "" } else { "s" }
        );
        ExitCode::from(EXIT_INVALID)
    }
}
