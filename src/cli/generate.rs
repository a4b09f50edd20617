//! `argmap generate`: writes a generated map, for trying argmap out at scale and for benchmarks.

use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::format;
use crate::model::{has_errors, validate};
use std::path::Path;
use std::process::ExitCode;

pub fn run(nodes: usize, seed: u64, to: &Path) -> ExitCode {
    let map = crate::generate::generate(nodes, seed);
    if has_errors(&validate(&map)) {
        report_error("the generated map does not validate (a bug in argmap; please report it)");
        return ExitCode::from(EXIT_INVALID);
    }
    if let Err(e) = format::save(&map, to) {
        report_error(format_args!("cannot write {}: {e}", to.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    eprintln!(
        "wrote {}: {} nodes, {} links, {} sources (seed {seed})",
        to.display(),
        map.nodes.len(),
        map.links.len(),
        map.sources.len()
    );
    ExitCode::SUCCESS
}
