use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::format::{self, OpenError};
use crate::model::Severity;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf]) -> ExitCode {
    let (mut errors, mut warnings, mut unreadable) = (0usize, 0usize, 0usize);
    for path in files {
        let diagnostics = match format::check_file(path) {
            Ok(diagnostics) => diagnostics,
            Err(OpenError::Invalid { diagnostics, .. }) => diagnostics,
            Err(e @ OpenError::Io { .. }) => {
                report_error(e);
                unreadable += 1;
                continue;
            }
        };
        for d in &diagnostics {
            println!("{}", d.render(path));
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
    }
    eprintln!(
        "checked {} file{}: {errors} error{}, {warnings} warning{}{}",
        files.len(),
        plural(files.len()),
        plural(errors),
        plural(warnings),
        if unreadable > 0 {
            format!(", {unreadable} unreadable")
        } else {
            String::new()
        }
    );
    if unreadable > 0 {
        ExitCode::from(EXIT_USAGE)
    } else if errors > 0 {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
